#include <stdio.h>
#include <stdlib.h>

#include "account.h"

void print_account(const struct account *a)
{
    printf("Account %ld\n", a->id);
    printf("  holder: %s\n", a->full_name); /* expect: pii-to-stdout user.name */
    printf("  email:  %s\n", a->email); /* expect: pii-to-stdout user.contact.email */
    fprintf(stdout, "  ssn:    %s\n", a->ssn); /* expect: pii-to-stdout user.government_id.national_identification_number */
    printf("  balance: %.2f\n", a->balance);
}

int export_accounts(const struct account *accounts, size_t n, const char *path)
{
    FILE *fp = fopen(path, "w");
    if (fp == NULL) {
        fprintf(stderr, "cannot open %s\n", path);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        fprintf(fp, "%ld,%s,%s\n", accounts[i].id, accounts[i].email, accounts[i].card_number); /* expect: pii-to-file user.contact.email user.financial.credit_card */
    }
    fputs(accounts[0].full_name, fp); /* expect: pii-to-file user.name */
    fclose(fp);
    return 0;
}

void warn_card(const char *card_number)
{
    fprintf(stderr, "card %s was declined\n", card_number); /* expect: pii-to-stdout user.financial.credit_card */
    puts(card_number); /* expect: pii-to-stdout user.financial.credit_card */
}
