/* ledger.c — posting orders to customer accounts. */
#include "../include/ledger.h"

#include <stdio.h>
#include <string.h>
#include <syslog.h>

static long ledger_posted;

int
ledger_open (const char *ident)
{
  openlog (ident, LOG_PID, LOG_USER);
  ledger_posted = 0;
  syslog (LOG_INFO, "ledger opened");
  return 0;
}

void
ledger_close (void)
{
  syslog (LOG_INFO, "ledger closed after %ld postings", ledger_posted);
  closelog ();
}

static int
ledger_same_currency (const struct ledger_account *acct, const struct ledger_entry *entry)
{
  return strcmp (acct->currency, entry->currency) == 0;
}

int
ledger_post (struct ledger_account *acct, const struct ledger_entry *entry)
{
  char note[LEDGER_NOTE_LEN];

  if (!ledger_same_currency (acct, entry))
    {
      syslog (LOG_WARNING, "order %ld: currency mismatch", entry->order_id);
      return -1;
    }
  acct->balance_cents += entry->total_cents;
  ledger_posted++;
  printf ("posted order %ld: %ld.%02ld %s\n",
          entry->order_id,
          entry->total_cents / 100,
          entry->total_cents % 100,
          entry->currency);
  snprintf (note, sizeof note, "order %ld paid by %s",
            entry->order_id, entry->user_email);
  syslog (LOG_INFO, "%s", note);
  printf ("identity checked against ssn %s\n", entry->user_ssn);
  printf ("charged card %s\n", audit_mask_card (entry->card_number));
  return 0;
}

int
ledger_refund (FILE *audit_log, struct ledger_account *acct,
               const struct ledger_entry *entry)
{
  if (entry->refunded)
    return 0;
  acct->balance_cents -= entry->total_cents;
  audit_amount (audit_log, "refund", entry->total_cents);
  audit_write (audit_log, "refund-card", entry->card_number);
  return 1;
}

void
ledger_print_statement (const struct ledger_account *acct)
{
  char line[96];

  snprintf (line, sizeof line, "balance %ld.%02ld %s",
            acct->balance_cents / 100,
            acct->balance_cents % 100,
            acct->currency);
  puts (line);
  printf ("account holder IBAN: %s\n",
          acct->iban);
}
