/* Negative file: progress output with counts and lengths. */
#include <stdio.h>
#include <string.h>

#include "account.h"

void show_progress(const struct account *accounts, size_t done, size_t total)
{
    printf("%zu/%zu accounts\n", done, total);
    fprintf(stderr, "last id %ld, name length %zu\n", accounts[done - 1].id, strlen(accounts[done - 1].full_name));
    fputs("done\n", stdout);
}
