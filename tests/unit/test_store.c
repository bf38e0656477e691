/* test_store.c — the baseline store, its validation, the diff and the cache. */
#include "baselines/store.h"
#include "check.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];

static char *tpath(const char *name) {
  return as_sprintf("%s/%s", dir, name);
}

static void write_bytes(const char *path, const char *bytes, size_t n) {
  FILE *f = fopen(path, "wb");
  AS_ASSERT(f);
  fwrite(bytes, 1, n, f);
  fclose(f);
}

static bool exists(const char *path) {
  struct stat sb;
  return stat(path, &sb) == 0;
}

static void exec_sql(const char *path, const char *sql) {
  sqlite3 *db = NULL;
  AS_ASSERT(sqlite3_open(path, &db) == SQLITE_OK);
  AS_ASSERT(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK);
  sqlite3_close(db);
}

static long long query_int(const char *path, const char *sql) {
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  long long v = -1;
  AS_ASSERT(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK);
  AS_ASSERT(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK);
  if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

/* A finding whose identity is made from `tag`, at path:line. */
static void add(an_result *r, const char *tag, const char *path, uint32_t line) {
  static const char *cats[] = {"user.contact.email", "user.name"};
  char *src = as_sprintf("svc:app.mod:%s:user.email", tag);
  an_step steps[3] = {
      {path, line - 2, 3, "app.mod:f", "user.email is classified user.contact.email", NULL, 0},
      {"app/util.py", 7, 9, "app.util:fmt", "passed to fmt", NULL, 0},
      {path, line, 5, "app.mod:f", "reaches logging.info", NULL, 0},
  };
  an_finding f = {.rule_id = "assay/pii-to-log",
                  .sink_kind = IR_SINK_LOG,
                  .categories = cats,
                  .ncategories = 2,
                  .service = "svc",
                  .source_symbol = src,
                  .sink_symbol = "svc:app.mod:f:logging.info",
                  .path = path,
                  .line = line,
                  .col = 5,
                  .message = "personal data reaches a log",
                  .steps = steps,
                  .nsteps = 3};
  f.fingerprint = an_finding_fingerprint(r->arena, &f);
  an_result_add(r, &f);
  free(src);
}

static void test_round_trip(void) {
  char *p = tpath("rt.db");
  char err[512] = "";
  bl_store *s = NULL;
  CHECK_INT(bl_store_open(p, false, &s, err, sizeof err), -1);
  CHECK(s == NULL);
  CHECK(!exists(p)); /* opening for reading never creates */
  CHECK_INT(bl_store_open(p, true, &s, err, sizeof err), 0);
  CHECK_INT(query_int(p, "PRAGMA application_id"), BL_APPLICATION_ID);
  CHECK_INT(query_int(p, "PRAGMA user_version"), BL_SCHEMA_VERSION);

  an_result *r = an_result_new();
  add(r, "b", "app/z.py", 30);
  add(r, "a", "app/a.py", 10);
  bl_meta meta = {"abc123", "d1g3st", "0.1.0", "2024-05-01T10:00:00Z"};
  CHECK_INT(bl_store_save(s, r, &meta, err, sizeof err), 0);
  bl_store_close(s);

  CHECK_INT(bl_store_open(p, false, &s, err, sizeof err), 0);
  an_result *got = an_result_new();
  bl_meta m2;
  CHECK_INT(bl_store_load(s, got, &m2, err, sizeof err), 0);
  CHECK_STR(m2.commit, "abc123");
  CHECK_STR(m2.tree_digest, "d1g3st");
  CHECK_STR(m2.tool_version, "0.1.0");
  CHECK_STR(m2.created_at, "2024-05-01T10:00:00Z");
  CHECK_INT(got->nfindings, 2);
  /* Ordered by path, line. */
  an_finding *f = &got->findings[0];
  CHECK_STR(f->path, "app/a.py");
  CHECK_STR(f->fingerprint, r->findings[1].fingerprint);
  CHECK_STR(f->rule_id, "assay/pii-to-log");
  CHECK_INT(f->sink_kind, IR_SINK_LOG);
  CHECK_INT(f->ncategories, 2);
  CHECK_STR(f->categories[0], "user.contact.email");
  CHECK_STR(f->categories[1], "user.name");
  CHECK_STR(f->service, "svc");
  CHECK_STR(f->source_symbol, "svc:app.mod:a:user.email");
  CHECK_STR(f->sink_symbol, "svc:app.mod:f:logging.info");
  CHECK_INT(f->line, 10);
  CHECK_INT(f->col, 5);
  CHECK_STR(f->message, "personal data reaches a log");
  CHECK_INT(f->state, AN_STATE_NONE);
  CHECK_INT(f->nsteps, 3);
  CHECK_STR(f->steps[0].path, "app/a.py");
  CHECK_INT(f->steps[0].line, 8);
  CHECK_INT(f->steps[0].col, 3);
  CHECK_STR(f->steps[0].function, "app.mod:f");
  CHECK_STR(f->steps[0].message, "user.email is classified user.contact.email");
  CHECK_STR(f->steps[1].path, "app/util.py");
  CHECK_STR(f->steps[1].message, "passed to fmt");
  CHECK_INT(f->steps[2].line, 10);
  CHECK_STR(got->findings[1].path, "app/z.py");
  /* A read-only handle refuses to save. */
  CHECK_INT(bl_store_save(s, r, &meta, err, sizeof err), -1);
  char *want = as_sprintf("baseline %s: cannot save: opened for reading", p);
  CHECK_STR(err, want);
  free(want);
  bl_store_close(s);

  /* Saving again replaces the whole snapshot, metadata included. */
  an_result *r2 = an_result_new();
  add(r2, "c", "app/c.py", 5);
  bl_meta meta2 = {NULL, "other", "0.2.0", "2024-06-01T00:00:00Z"};
  CHECK_INT(bl_store_open(p, true, &s, err, sizeof err), 0);
  CHECK_INT(bl_store_save(s, r2, &meta2, err, sizeof err), 0);
  bl_store_close(s);
  an_result *got2 = an_result_new();
  CHECK_INT(bl_store_open(p, false, &s, err, sizeof err), 0);
  CHECK_INT(bl_store_load(s, got2, &m2, err, sizeof err), 0);
  bl_store_close(s);
  CHECK_INT(got2->nfindings, 1);
  CHECK_STR(got2->findings[0].source_symbol, "svc:app.mod:c:user.email");
  CHECK(m2.commit == NULL);
  CHECK_STR(m2.tree_digest, "other");
  CHECK_INT(query_int(p, "SELECT count(*) FROM meta"), 3);

  an_result_delete(r);
  an_result_delete(r2);
  an_result_delete(got);
  an_result_delete(got2);
  unlink(p);
  free(p);
}

static void test_diff(void) {
  an_result *base = an_result_new(), *cur = an_result_new();
  add(base, "kept1", "a.py", 10);
  add(base, "gone", "b.py", 20);
  add(base, "kept2", "c.py", 30);
  add(cur, "kept2", "c.py", 99); /* moved: still the same finding */
  add(cur, "fresh", "d.py", 5);
  add(cur, "kept1", "a.py", 11);
  bl_diff(base, cur);
  CHECK_INT(cur->nfindings, 4);
  CHECK_STR(cur->findings[0].source_symbol, "svc:app.mod:kept2:user.email");
  CHECK_INT(cur->findings[0].state, AN_STATE_UNCHANGED);
  CHECK_INT(cur->findings[0].line, 99);
  CHECK_STR(cur->findings[1].source_symbol, "svc:app.mod:fresh:user.email");
  CHECK_INT(cur->findings[1].state, AN_STATE_NEW);
  CHECK_INT(cur->findings[2].state, AN_STATE_UNCHANGED);
  CHECK_STR(cur->findings[3].source_symbol, "svc:app.mod:gone:user.email");
  CHECK_INT(cur->findings[3].state, AN_STATE_ABSENT);
  CHECK_STR(cur->findings[3].path, "b.py");
  CHECK_INT(cur->findings[3].nsteps, 3);
  CHECK_STR(cur->findings[3].fingerprint, base->findings[1].fingerprint);
  /* The baseline is not modified. */
  CHECK_INT(base->nfindings, 3);
  CHECK_INT(base->findings[1].state, AN_STATE_NONE);

  /* Empty baseline: everything new; duplicates in an in-memory baseline give
   * one absent finding. */
  an_result *empty = an_result_new(), *c2 = an_result_new(), *dup = an_result_new();
  add(c2, "x", "x.py", 3);
  bl_diff(empty, c2);
  CHECK_INT(c2->nfindings, 1);
  CHECK_INT(c2->findings[0].state, AN_STATE_NEW);
  add(dup, "y", "y.py", 3);
  add(dup, "y", "y.py", 8);
  bl_diff(dup, c2);
  CHECK_INT(c2->nfindings, 2);
  CHECK_INT(c2->findings[1].state, AN_STATE_ABSENT);
  CHECK_INT(c2->findings[1].line, 3);
  an_result_delete(base);
  an_result_delete(cur);
  an_result_delete(empty);
  an_result_delete(c2);
  an_result_delete(dup);
}

static void expect_open_error(const char *path, bool create, const char *suffix) {
  char err[512] = "";
  bl_store *s = (bl_store *)1;
  CHECK_INT(bl_store_open(path, create, &s, err, sizeof err), -1);
  CHECK(s == NULL);
  char *want = as_sprintf("baseline %s%s", path, suffix);
  CHECK_STR(err, want);
  free(want);
}

static void test_invalid_files(void) {
  char *missing = tpath("missing.db");
  expect_open_error(missing, false, " does not exist");
  free(missing);

  /* Garbage: reported, and never touched, even when opened for saving. */
  char *garbage = tpath("garbage.db");
  char bytes[600];
  for (size_t i = 0; i < sizeof bytes; i++)
    bytes[i] = "not a database "[i % 15];
  write_bytes(garbage, bytes, sizeof bytes);
  expect_open_error(garbage, false, " is not a valid Assay baseline: file is not a database");
  expect_open_error(garbage, true, " is not a valid Assay baseline: file is not a database");
  char *data = NULL;
  size_t len = 0;
  CHECK_INT(as_read_file(garbage, &data, &len), 0);
  CHECK_INT(len, sizeof bytes);
  CHECK(data && memcmp(data, bytes, sizeof bytes) == 0);
  free(data);
  char *journal = as_sprintf("%s-journal", garbage);
  CHECK(!exists(journal));
  free(journal);
  unlink(garbage);
  free(garbage);

  /* Another application's SQLite file. */
  char *foreign = tpath("foreign.db");
  exec_sql(foreign, "PRAGMA application_id = 7; CREATE TABLE t(x)");
  expect_open_error(foreign, false,
                    " is not a valid Assay baseline: not an Assay baseline (application_id "
                    "0x00000007, expected 0x41535359)");
  expect_open_error(foreign, true,
                    " is not a valid Assay baseline: not an Assay baseline (application_id "
                    "0x00000007, expected 0x41535359)");
  CHECK_INT(query_int(foreign, "SELECT count(*) FROM sqlite_master"), 1);
  unlink(foreign);
  free(foreign);

  /* A plain SQLite database with tables but no identity is foreign too. */
  char *plain = tpath("plain.db");
  exec_sql(plain, "CREATE TABLE findings(x)");
  expect_open_error(plain, true,
                    " is not a valid Assay baseline: not an Assay baseline (application_id "
                    "0x00000000, expected 0x41535359)");
  unlink(plain);
  free(plain);

  /* From a newer Assay. */
  char *newer = tpath("newer.db");
  char *sql = as_sprintf("PRAGMA application_id = %d; PRAGMA user_version = 99;"
                         "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
                         "CREATE TABLE findings(fingerprint TEXT PRIMARY KEY)",
                         BL_APPLICATION_ID);
  exec_sql(newer, sql);
  free(sql);
  expect_open_error(newer, false,
                    " is not a valid Assay baseline: schema version 99 is newer than this "
                    "Assay (supports up to 4)");
  expect_open_error(newer, true,
                    " is not a valid Assay baseline: schema version 99 is newer than this "
                    "Assay (supports up to 4)");
  CHECK_INT(query_int(newer, "PRAGMA user_version"), 99);
  unlink(newer);
  free(newer);

  /* Right identity, missing table. */
  char *partial = tpath("partial.db");
  sql = as_sprintf("PRAGMA application_id = %d; PRAGMA user_version = 1;"
                   "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)",
                   BL_APPLICATION_ID);
  exec_sql(partial, sql);
  free(sql);
  expect_open_error(partial, false, " is not a valid Assay baseline: missing table findings");
  expect_open_error(partial, true, " is not a valid Assay baseline: missing table findings");
  unlink(partial);
  free(partial);

  /* A zero-length file holds nothing to lose: it can become a baseline, but it
   * is not one yet. */
  char *zero = tpath("zero.db");
  write_bytes(zero, "", 0);
  expect_open_error(zero, false,
                    " is not a valid Assay baseline: not an Assay baseline (application_id "
                    "0x00000000, expected 0x41535359)");
  char err[512];
  bl_store *s = NULL;
  CHECK_INT(bl_store_open(zero, true, &s, err, sizeof err), 0);
  bl_store_close(s);
  CHECK_INT(query_int(zero, "PRAGMA application_id"), BL_APPLICATION_ID);
  CHECK_INT(bl_store_open(zero, false, &s, err, sizeof err), 0);
  bl_store_close(s);
  unlink(zero);
  free(zero);
}

static void test_failed_save_keeps_old(void) {
  char *p = tpath("keep.db");
  char err[512] = "";
  bl_store *s = NULL;
  an_result *good = an_result_new();
  add(good, "a", "a.py", 10);
  add(good, "b", "b.py", 20);
  bl_meta meta = {"c1", "t1", "0.1.0", "2024-01-01T00:00:00Z"};
  CHECK_INT(bl_store_open(p, true, &s, err, sizeof err), 0);
  CHECK_INT(bl_store_save(s, good, &meta, err, sizeof err), 0);

  /* The third finding has no fingerprint: the save fails after the old rows
   * were deleted and two new ones inserted, and must roll all of it back. */
  an_result *bad = an_result_new();
  add(bad, "c", "c.py", 10);
  add(bad, "d", "d.py", 10);
  add(bad, "e", "e.py", 10);
  bad->findings[2].fingerprint = NULL;
  bl_meta meta2 = {"c2", "t2", "0.1.0", "2024-02-01T00:00:00Z"};
  CHECK_INT(bl_store_save(s, bad, &meta2, err, sizeof err), -1);
  char *want = as_sprintf("baseline %s: cannot save: finding 2 (e.py:10) has no fingerprint", p);
  CHECK_STR(err, want);
  free(want);

  /* Another writer holds the lock: the save fails, nothing changes. */
  sqlite3 *other = NULL;
  CHECK_INT(sqlite3_open(p, &other), SQLITE_OK);
  CHECK_INT(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
  bad->findings[2].fingerprint = "0000";
  CHECK_INT(bl_store_save(s, bad, &meta2, err, sizeof err), -1);
  want = as_sprintf("baseline %s: cannot save: database is locked", p);
  CHECK_STR(err, want);
  free(want);
  CHECK_INT(sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close(other);
  bl_store_close(s);

  an_result *got = an_result_new();
  bl_meta m;
  CHECK_INT(bl_store_open(p, false, &s, err, sizeof err), 0);
  CHECK_INT(bl_store_load(s, got, &m, err, sizeof err), 0);
  bl_store_close(s);
  CHECK_INT(got->nfindings, 2);
  CHECK_STR(got->findings[0].fingerprint, good->findings[0].fingerprint);
  CHECK_STR(got->findings[1].fingerprint, good->findings[1].fingerprint);
  CHECK_STR(m.commit, "c1");
  an_result_delete(good);
  an_result_delete(bad);
  an_result_delete(got);
  unlink(p);
  free(p);
}

static void test_cache(void) {
  char *p = tpath("cache.db");
  char err[512] = "";
  bl_cache *c = NULL;
  CHECK_INT(bl_cache_open(p, &c, err, sizeof err), 0);
  void *blob = NULL;
  size_t len = 99;
  CHECK_INT(bl_cache_get(c, "k1", &blob, &len), 0);
  CHECK(blob == NULL);
  CHECK_INT(len, 0);
  bl_cache_begin(c);
  const char payload[] = {1, 0, 2, 0, 3};
  bl_cache_put(c, "k1", payload, sizeof payload);
  bl_cache_put(c, "k2", "two", 3);
  bl_cache_commit(c);
  bl_cache_put(c, "k2", "TWO!", 4); /* replaces */
  CHECK_INT(bl_cache_get(c, "k1", &blob, &len), 1);
  CHECK_INT(len, sizeof payload);
  CHECK(blob && memcmp(blob, payload, sizeof payload) == 0);
  free(blob);
  bl_cache_close(c);

  /* Persisted across handles. */
  CHECK_INT(bl_cache_open(p, &c, err, sizeof err), 0);
  CHECK_INT(bl_cache_get(c, "k2", &blob, &len), 1);
  CHECK_INT(len, 4);
  CHECK(blob && memcmp(blob, "TWO!", 4) == 0);
  free(blob);
  CHECK_INT(bl_cache_get(c, "k3", &blob, &len), 0);
  bl_cache_close(c);
  bl_cache_close(NULL);

  /* A corrupt cache is reported, not used and not touched. */
  char *bad = tpath("badcache.db");
  write_bytes(bad, "garbage garbage garbage garbage garbage garbage garbage garbage", 63);
  c = (bl_cache *)1;
  CHECK_INT(bl_cache_open(bad, &c, err, sizeof err), -1);
  CHECK(c == NULL);
  char *want = as_sprintf("cache %s is not usable: file is not a database", bad);
  CHECK_STR(err, want);
  free(want);
  struct stat sb;
  CHECK(stat(bad, &sb) == 0 && sb.st_size == 63);
  /* A baseline is not a cache. */
  CHECK_INT(bl_cache_open(p, &c, err, sizeof err), 0);
  bl_cache_close(c);
  char *bp = tpath("notcache.db");
  bl_store *s = NULL;
  CHECK_INT(bl_store_open(bp, true, &s, err, sizeof err), 0);
  bl_store_close(s);
  CHECK_INT(bl_cache_open(bp, &c, err, sizeof err), -1);
  want = as_sprintf("cache %s is not usable: not an Assay cache", bp);
  CHECK_STR(err, want);
  free(want);
  unlink(bp);
  unlink(bad);
  unlink(p);
  free(bp);
  free(bad);
  free(p);
}

int main(void) {
  snprintf(dir, sizeof dir, "/tmp/assay-store-XXXXXX");
  if (!mkdtemp(dir)) {
    perror("mkdtemp");
    return 1;
  }
  test_round_trip();
  test_diff();
  test_invalid_files();
  test_failed_save_keeps_old();
  test_cache();
  if (rmdir(dir) != 0) {
    fprintf(stderr, "temp dir %s not empty\n", dir);
    return 1;
  }
  return CHECK_DONE();
}
