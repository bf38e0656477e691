#include <sqlite3.h>
#include <hiredis/hiredis.h>
void f(sqlite3 *db, redisContext *c, const char *id) {
  sqlite3_stmt *st;
  sqlite3_prepare_v2(db, "SELECT email, phone FROM users WHERE id = ?", -1, &st, 0);
  sqlite3_exec(db, "UPDATE users SET phone = NULL", 0, 0, 0);
  redisCommand(c, "SET card:%s:last4 %s", id, id);
}
