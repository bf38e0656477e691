/* cache.c — the local IR unit cache: serialized units keyed by content hash.
 *
 * Durability is traded for speed (synchronous=OFF): a lost entry only costs a
 * re-parse, and every blob carries its own IR version, checked on load. Errors
 * after opening are treated as misses, never as failures of the scan. */
#include "store.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define BL_CACHE_APPLICATION_ID 0x41535943 /* "ASYC" */
#define BL_CACHE_SCHEMA_VERSION 1

struct bl_cache {
  sqlite3 *db;
  sqlite3_stmt *get, *put;
  bool in_txn;
};

static void bl__cache_err(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void bl__cache_err(char *err, size_t errlen, const char *fmt, ...) {
  if (!err || !errlen) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
}

static int bl__cache_int(sqlite3 *db, const char *sql, long long *out) {
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  if (rc == SQLITE_OK) {
    rc = sqlite3_step(st);
    *out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
  }
  sqlite3_finalize(st);
  return rc;
}

int bl_cache_open(const char *path, bl_cache **out, char *err, size_t errlen) {
  *out = NULL;
  bl_cache *self = as_calloc(1, sizeof(*self));
  int rc = sqlite3_open_v2(path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  long long nobjects = 0, app_id = 0, version = 0;
  const char *why = NULL;
  char whybuf[256];
  /* Validate before writing anything, so a foreign file is left alone. */
  if (rc == SQLITE_OK)
    rc = bl__cache_int(self->db, "SELECT count(*) FROM sqlite_master", &nobjects);
  if (rc == SQLITE_OK) rc = bl__cache_int(self->db, "PRAGMA application_id", &app_id);
  if (rc == SQLITE_OK) rc = bl__cache_int(self->db, "PRAGMA user_version", &version);
  if (rc != SQLITE_OK) {
    why = self->db ? sqlite3_errmsg(self->db) : sqlite3_errstr(rc);
  } else if (nobjects == 0 && app_id == 0 && version == 0) {
    char *sql = as_sprintf("BEGIN IMMEDIATE; PRAGMA application_id = %d;"
                           "PRAGMA user_version = %d;"
                           "CREATE TABLE IF NOT EXISTS units(key TEXT PRIMARY KEY, blob BLOB);"
                           "COMMIT",
                           BL_CACHE_APPLICATION_ID, BL_CACHE_SCHEMA_VERSION);
    rc = sqlite3_exec(self->db, sql, NULL, NULL, NULL);
    free(sql);
    if (rc != SQLITE_OK) {
      snprintf(whybuf, sizeof whybuf, "%s", sqlite3_errmsg(self->db));
      why = whybuf;
      if (!sqlite3_get_autocommit(self->db)) sqlite3_exec(self->db, "ROLLBACK", NULL, NULL, NULL);
    }
  } else if (app_id != BL_CACHE_APPLICATION_ID) {
    why = "not an Assay cache";
  } else if (version != BL_CACHE_SCHEMA_VERSION) {
    why = "unsupported cache schema version";
  }
  if (!why) {
    sqlite3_exec(self->db, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
    rc =
        sqlite3_prepare_v2(self->db, "SELECT blob FROM units WHERE key = ?1", -1, &self->get, NULL);
    if (rc == SQLITE_OK)
      rc = sqlite3_prepare_v2(self->db, "INSERT OR REPLACE INTO units(key, blob) VALUES (?1, ?2)",
                              -1, &self->put, NULL);
    if (rc != SQLITE_OK) why = sqlite3_errmsg(self->db);
  }
  if (why) {
    bl__cache_err(err, errlen, "cache %s is not usable: %s", path, why);
    bl_cache_close(self);
    return -1;
  }
  *out = self;
  return 0;
}

void bl_cache_close(bl_cache *self) {
  if (!self) return;
  if (self->in_txn) bl_cache_commit(self);
  sqlite3_finalize(self->get);
  sqlite3_finalize(self->put);
  sqlite3_close(self->db);
  free(self);
}

int bl_cache_get(bl_cache *self, const char *key, void **blob, size_t *len) {
  *blob = NULL;
  *len = 0;
  if (!self) return 0;
  int hit = 0;
  sqlite3_bind_text(self->get, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step(self->get) == SQLITE_ROW) {
    const void *p = sqlite3_column_blob(self->get, 0);
    int n = sqlite3_column_bytes(self->get, 0);
    *blob = as_malloc(n > 0 ? (size_t)n : 1);
    if (n > 0) memcpy(*blob, p, (size_t)n);
    *len = (size_t)n;
    hit = 1;
  }
  sqlite3_reset(self->get);
  sqlite3_clear_bindings(self->get);
  return hit;
}

void bl_cache_put(bl_cache *self, const char *key, const void *blob, size_t len) {
  if (!self) return;
  sqlite3_bind_text(self->put, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_blob64(self->put, 2, len ? blob : "", len, SQLITE_STATIC);
  sqlite3_step(self->put); /* a failed put (disk full, locked) is a future miss */
  sqlite3_reset(self->put);
  sqlite3_clear_bindings(self->put);
}

void bl_cache_begin(bl_cache *self) {
  if (!self || self->in_txn) return;
  self->in_txn = sqlite3_exec(self->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
}

void bl_cache_commit(bl_cache *self) {
  if (!self || !self->in_txn) return;
  if (sqlite3_exec(self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    sqlite3_exec(self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_txn = false;
}
