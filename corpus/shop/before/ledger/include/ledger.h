/* ledger.h — the shop's ledger: customer accounts, postings, audit trail. */
#ifndef SHOP_LEDGER_H
#define SHOP_LEDGER_H

#include <stddef.h>
#include <stdio.h>

#define LEDGER_CURRENCY_LEN 4
#define LEDGER_NOTE_LEN 160

/* A customer's account as the ledger knows it. */
struct ledger_account {
  long account_ref;
  char iban[35];
  char currency[LEDGER_CURRENCY_LEN];
  long balance_cents;
};

/* One posting: an order paid (or refunded) by a customer. */
struct ledger_entry {
  long entry_ref;
  long order_id;
  long total_cents;
  char currency[LEDGER_CURRENCY_LEN];
  char user_email[96];
  char user_ssn[16];
  char card_number[20];
  int refunded;
};

/* ledger.c */
int ledger_open(const char *ident);
void ledger_close(void);
int ledger_post(struct ledger_account *acct, const struct ledger_entry *entry);
int ledger_refund(FILE *audit_log, struct ledger_account *acct, const struct ledger_entry *entry);
void ledger_print_statement(const struct ledger_account *acct);

/* audit.c */
void audit_write(FILE *fp, const char *action, const char *detail);
void audit_amount(FILE *fp, const char *action, long cents);
/* "************4242": the last four digits; a static buffer. */
const char *audit_mask_card(const char *digits);

#endif
