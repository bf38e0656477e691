/* audit.c — the append-only audit trail, and card masking for receipts. */
#include "../include/ledger.h"

#include <stdio.h>
#include <string.h>

static unsigned long audit_seq;

void audit_write(FILE *fp, const char *action, const char *detail) {
  if (!fp)
    return;
  audit_seq++;
  fprintf(fp, "%lu %s %s\n", audit_seq, action, detail);
  fflush(fp);
}

void audit_amount(FILE *fp, const char *action, long cents) {
  if (!fp)
    return;
  audit_seq++;
  fprintf(fp, "%lu %s %ld.%02ld\n", audit_seq, action, cents / 100, cents % 100);
}

const char *audit_mask_card(const char *digits) {
  static char masked[24];
  size_t len = strlen(digits);
  size_t keep = len < 4 ? len : 4;

  if (len >= sizeof masked)
    len = sizeof masked - 1;
  memset(masked, '*', len - keep);
  memcpy(masked + len - keep, digits + strlen(digits) - keep, keep);
  masked[len] = '\0';
  return masked;
}
