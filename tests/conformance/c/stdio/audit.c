#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "account.h"

int append_audit(const struct account *a, const char *ip_address)
{
    char line[512];
    int fd = open("/var/log/accounts.audit", O_WRONLY | O_APPEND | O_CREAT, 0600);
    if (fd < 0)
        return -1;
    int n = snprintf(line, sizeof line, "%ld %s %s\n", a->id, a->email, ip_address);
    write(fd, line, (size_t)n); /* expect: pii-to-file user.contact.email user.device.ip_address */
    dprintf(fd, "holder=%s\n", a->full_name); /* expect: pii-to-file user.name */
    dprintf(fd, "entries=%d\n", 1);
    close(fd);
    return 0;
}

void dump_card(const struct account *a, FILE *out)
{
    fwrite(a->card_number, 1, strlen(a->card_number), out); /* expect: pii-to-file user.financial.credit_card */
    fwrite(&a->balance, sizeof a->balance, 1, out);
}
