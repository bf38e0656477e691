/* store.h — the ledger's SQLite database and its Redis card cache (private
 * to the library: not part of include/). */
#ifndef SHOP_LEDGER_STORE_H
#define SHOP_LEDGER_STORE_H

#include <hiredis/hiredis.h>
#include <sqlite3.h>
#include <stddef.h>

long ledger_store_balance(sqlite3 *db, long account_ref);
int ledger_store_close_day(sqlite3 *db);
int ledger_store_forget(sqlite3 *db, long entry_ref);
int ledger_cache_card(redisContext *c, long entry_ref, const char *last4);
int ledger_cached_card(redisContext *c, long entry_ref, char *out, size_t n);

#endif
