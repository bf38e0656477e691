/* store.c — balances and postings in the ledger's SQLite database
 * (schema.sql), and the last four digits of each posting's card in Redis for
 * the receipt printer. */
#include "store.h"

#include <stdio.h>
#include <string.h>

long ledger_store_balance(sqlite3 *db, long account_ref) {
  sqlite3_stmt *stmt = NULL;
  long balance = -1;

  if (sqlite3_prepare_v2(db, "SELECT balance_cents FROM accounts WHERE account_ref = ?1", -1,
                         &stmt, NULL) != SQLITE_OK)
    return -1;
  sqlite3_bind_int64(stmt, 1, account_ref);
  if (sqlite3_step(stmt) == SQLITE_ROW)
    balance = (long)sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  return balance;
}

int ledger_store_close_day(sqlite3 *db) {
  return sqlite3_exec(db, "UPDATE postings SET status = 'closed' WHERE status = 'open'", NULL, NULL,
                      NULL);
}

int ledger_store_forget(sqlite3 *db, long entry_ref) {
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2(db, "DELETE FROM postings WHERE entry_ref = ?1", -1, &stmt, NULL) !=
      SQLITE_OK)
    return -1;
  sqlite3_bind_int64(stmt, 1, entry_ref);
  rc = sqlite3_step(stmt) == SQLITE_DONE ? 0 : -1;
  sqlite3_finalize(stmt);
  return rc;
}

int ledger_cache_card(redisContext *c, long entry_ref, const char *last4) {
  redisReply *reply = redisCommand(c, "SET card:%ld:last4 %s", entry_ref, last4);
  int ok = reply && reply->type == REDIS_REPLY_STATUS;

  freeReplyObject(reply);
  return ok ? 0 : -1;
}

int ledger_cached_card(redisContext *c, long entry_ref, char *out, size_t n) {
  redisReply *reply = redisCommand(c, "GET card:%ld:last4", entry_ref);
  int found = reply && reply->type == REDIS_REPLY_STRING;

  if (found)
    snprintf(out, n, "%s", reply->str);
  freeReplyObject(reply);
  return found ? 0 : -1;
}
