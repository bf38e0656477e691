/* store.c — the baseline: one SQLite file, a versioned schema, one
 * transaction per save, and the diff by fingerprint. */
#include "store.h"
#include "../analyses/contract.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

struct bl_store {
  sqlite3 *db;
  char *path;
  bool writable;
  long long version; /* the schema version of the open file */
};

/* migrations[N] takes the schema from version N-1 to N; migrations[1] creates
 * it from an empty file. Append a step and bump BL_SCHEMA_VERSION to evolve. */
static const char *const bl__migrations[BL_SCHEMA_VERSION + 1] = {
    [1] = "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
          "CREATE TABLE findings("
          " fingerprint TEXT PRIMARY KEY NOT NULL,"
          " rule TEXT NOT NULL,"
          " sink_kind TEXT,"
          " categories TEXT NOT NULL," /* comma-joined, sorted */
          " service TEXT,"
          " source_symbol TEXT,"
          " sink_symbol TEXT,"
          " path TEXT,"
          " line INT,"
          " col INT,"
          " message TEXT,"
          " steps TEXT NOT NULL" /* JSON array of {file,line,col,function,message} */
          ");",
    [2] = "CREATE TABLE perf_benchmarks("
          " name TEXT NOT NULL,"
          " unit TEXT NOT NULL,"        /* "ns" | "instructions" */
          " samples TEXT NOT NULL,"     /* JSON array of numbers */
          " environment TEXT NOT NULL," /* canonical JSON object */
          " source TEXT,"               /* the file the samples came from */
          " PRIMARY KEY(name, unit)"
          ");",
    [3] = "CREATE TABLE surface_endpoints("
          " service TEXT NOT NULL,"
          " protocol TEXT NOT NULL," /* "http" | "grpc" | "queue" */
          " method TEXT NOT NULL,"   /* HTTP method, broker, "" for gRPC */
          " target TEXT NOT NULL,"   /* normalised template, gRPC path, topic */
          " display TEXT, handler TEXT, path TEXT, line INT,"
          " guards TEXT NOT NULL,"   /* comma-joined, as declared */
          " response TEXT NOT NULL," /* comma-joined categories, sorted */
          " PRIMARY KEY(service, protocol, method, target)"
          ");"
          "CREATE TABLE contract_items("
          " service TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL,"
          " value TEXT NOT NULL," /* canonical name=value lines (contract.h) */
          " display TEXT, path TEXT, line INT,"
          " seq INT NOT NULL" /* the set's order, for items sharing a key */
          ");",
    [4] = "CREATE TABLE access_rows("
          " service TEXT NOT NULL, function TEXT NOT NULL,"
          " kind TEXT NOT NULL," /* "table" | "key" */
          " resource TEXT NOT NULL, op TEXT NOT NULL, via TEXT,"
          " columns TEXT NOT NULL,"    /* JSON array of [name, category or null] */
          " categories TEXT NOT NULL," /* comma-joined, sorted */
          " endpoints TEXT NOT NULL,"  /* JSON array */
          " statement TEXT, path TEXT, line INT,"
          " PRIMARY KEY(service, function, kind, resource, op)"
          ");"
          "CREATE TABLE schema_tables("
          " service TEXT NOT NULL, name TEXT NOT NULL, origin TEXT NOT NULL,"
          " columns TEXT NOT NULL," /* JSON array of [name, category or null] */
          " path TEXT, line INT,"
          " PRIMARY KEY(service, name)"
          ");",
};

/* The tables a baseline of a given version must hold. */
static const struct {
  const char *name;
  long long since;
} bl__tables[] = {
    {"meta", 1},           {"findings", 1},    {"perf_benchmarks", 2}, {"surface_endpoints", 3},
    {"contract_items", 3}, {"access_rows", 4}, {"schema_tables", 4}};

static void bl__err(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void bl__err(char *err, size_t errlen, const char *fmt, ...) {
  if (!err || !errlen) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
}

/* Run a query expected to return one integer. Returns an SQLite code. */
static int bl__query_int(sqlite3 *db, const char *sql, long long *out) {
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  if (rc != SQLITE_OK) return rc;
  rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    *out = sqlite3_column_int64(st, 0);
    rc = SQLITE_OK;
  } else if (rc == SQLITE_DONE) {
    *out = 0;
    rc = SQLITE_OK;
  }
  sqlite3_finalize(st);
  return rc;
}

/* Read-only checks that the open file is a baseline this build understands.
 * *empty is set for a file with no schema and no identity at all (a new or
 * zero-length file), which only the saver may initialise. Nothing is written. */
static int bl__validate(bl_store *self, bool *empty, long long *version, char *err, size_t errlen) {
  long long nobjects = 0, app_id = 0;
  int rc = bl__query_int(self->db, "SELECT count(*) FROM sqlite_master", &nobjects);
  if (rc != SQLITE_OK) {
    bl__err(err, errlen, "baseline %s is not a valid Assay baseline: %s", self->path,
            sqlite3_errmsg(self->db));
    return -1;
  }
  if (bl__query_int(self->db, "PRAGMA application_id", &app_id) != SQLITE_OK ||
      bl__query_int(self->db, "PRAGMA user_version", version) != SQLITE_OK) {
    bl__err(err, errlen, "baseline %s is not a valid Assay baseline: %s", self->path,
            sqlite3_errmsg(self->db));
    return -1;
  }
  *empty = nobjects == 0 && app_id == 0 && *version == 0;
  if (*empty) return 0;
  if (app_id != BL_APPLICATION_ID) {
    bl__err(err, errlen,
            "baseline %s is not a valid Assay baseline: not an Assay baseline (application_id "
            "0x%08llx, expected 0x%08x)",
            self->path, (unsigned long long)(uint32_t)app_id, (unsigned)BL_APPLICATION_ID);
    return -1;
  }
  if (*version > BL_SCHEMA_VERSION) {
    bl__err(err, errlen,
            "baseline %s is not a valid Assay baseline: schema version %lld is newer than this "
            "Assay (supports up to %d)",
            self->path, *version, BL_SCHEMA_VERSION);
    return -1;
  }
  if (*version < BL_SCHEMA_MIN_COMPATIBLE) {
    bl__err(err, errlen,
            "baseline %s is not a valid Assay baseline: schema version %lld is older than this "
            "Assay supports (at least %d)",
            self->path, *version, BL_SCHEMA_MIN_COMPATIBLE);
    return -1;
  }
  for (size_t i = 0; i < sizeof(bl__tables) / sizeof(bl__tables[0]); i++) {
    if (bl__tables[i].since > *version) continue;
    sqlite3_stmt *st = NULL;
    rc = sqlite3_prepare_v2(
        self->db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1", -1, &st, NULL);
    if (rc == SQLITE_OK) {
      sqlite3_bind_text(st, 1, bl__tables[i].name, -1, SQLITE_STATIC);
      rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE) {
      bl__err(err, errlen, "baseline %s is not a valid Assay baseline: missing table %s",
              self->path, bl__tables[i].name);
      return -1;
    }
    if (rc != SQLITE_ROW) {
      bl__err(err, errlen, "baseline %s is not a valid Assay baseline: %s", self->path,
              sqlite3_errmsg(self->db));
      return -1;
    }
  }
  return 0;
}

/* Bring the schema from `from` to BL_SCHEMA_VERSION in one transaction. */
static int bl__migrate(bl_store *self, long long from, char *err, size_t errlen) {
  char *msg = NULL;
  int rc = sqlite3_exec(self->db, "BEGIN IMMEDIATE", NULL, NULL, &msg);
  for (long long v = from + 1; rc == SQLITE_OK && v <= BL_SCHEMA_VERSION; v++)
    rc = sqlite3_exec(self->db, bl__migrations[v], NULL, NULL, &msg);
  if (rc == SQLITE_OK) {
    char *sql = as_sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d",
                           BL_APPLICATION_ID, BL_SCHEMA_VERSION);
    rc = sqlite3_exec(self->db, sql, NULL, NULL, &msg);
    free(sql);
  }
  if (rc == SQLITE_OK) rc = sqlite3_exec(self->db, "COMMIT", NULL, NULL, &msg);
  if (rc != SQLITE_OK) {
    bl__err(err, errlen, "baseline %s: cannot %s the schema: %s", self->path,
            from ? "migrate" : "create", msg ? msg : sqlite3_errmsg(self->db));
    sqlite3_free(msg);
    sqlite3_exec(self->db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
  }
  return 0;
}

int bl_store_open(const char *path, bool create, bl_store **out, char *err, size_t errlen) {
  *out = NULL;
  struct stat sb;
  bool exists = stat(path, &sb) == 0;
  if (!exists && (errno != ENOENT || !create)) {
    if (errno == ENOENT)
      bl__err(err, errlen, "baseline %s does not exist", path);
    else
      bl__err(err, errlen, "baseline %s: %s", path, strerror(errno));
    return -1;
  }
  if (exists && S_ISDIR(sb.st_mode)) {
    bl__err(err, errlen, "baseline %s is a directory", path);
    return -1;
  }
  bl_store *self = as_calloc(1, sizeof(*self));
  self->path = as_strdup(path);
  self->writable = create;
  int flags = create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
  int rc = sqlite3_open_v2(path, &self->db, flags, NULL);
  if (rc != SQLITE_OK) {
    bl__err(err, errlen, "baseline %s cannot be opened: %s", path,
            self->db ? sqlite3_errmsg(self->db) : sqlite3_errstr(rc));
    bl_store_close(self);
    return -1;
  }
  sqlite3_extended_result_codes(self->db, 1);
  bool empty = false;
  long long version = 0;
  if (bl__validate(self, &empty, &version, err, errlen) != 0) {
    bl_store_close(self);
    return -1;
  }
  if (empty && !create) {
    bl__err(err, errlen,
            "baseline %s is not a valid Assay baseline: not an Assay baseline (application_id "
            "0x00000000, expected 0x%08x)",
            path, (unsigned)BL_APPLICATION_ID);
    bl_store_close(self);
    return -1;
  }
  if (create && (empty || version < BL_SCHEMA_VERSION)) {
    if (bl__migrate(self, empty ? 0 : version, err, errlen) != 0) {
      bl_store_close(self);
      return -1;
    }
    version = BL_SCHEMA_VERSION;
  }
  self->version = version;
  *out = self;
  return 0;
}

void bl_store_close(bl_store *self) {
  if (!self) return;
  sqlite3_close(self->db);
  free(self->path);
  free(self);
}

/* ---- save ----------------------------------------------------------------- */

static char *bl__join_categories(const an_finding *f) {
  as_buf b = {0};
  for (uint32_t i = 0; i < f->ncategories; i++) {
    if (i) as_buf_putc(&b, ',');
    as_buf_puts(&b, f->categories[i] ? f->categories[i] : "");
  }
  if (!b.data) return as_strdup("");
  return b.data;
}

static json_t *bl__str_or_null(const char *s) {
  return s ? json_string(s) : json_null();
}

static char *bl__steps_json(const an_finding *f) {
  json_t *arr = json_array();
  for (uint32_t i = 0; i < f->nsteps; i++) {
    const an_step *s = &f->steps[i];
    json_t *o = json_object();
    json_object_set_new(o, "file", bl__str_or_null(s->path));
    json_object_set_new(o, "line", json_integer(s->line));
    json_object_set_new(o, "col", json_integer(s->col));
    json_object_set_new(o, "function", bl__str_or_null(s->function));
    json_object_set_new(o, "message", bl__str_or_null(s->message));
    if (s->service) json_object_set_new(o, "service", json_string(s->service));
    json_array_append_new(arr, o);
  }
  char *text = json_dumps(arr, JSON_COMPACT | JSON_PRESERVE_ORDER);
  json_decref(arr);
  if (!text) as_die("out of memory encoding steps");
  return text;
}

static void bl__bind_text(sqlite3_stmt *st, int i, const char *s) {
  if (s)
    sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null(st, i);
}

static int bl__save_meta(bl_store *self, const bl_meta *meta) {
  char now[32];
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
  const char *keys[] = {"commit", "tree_digest", "tool_version", "created_at"};
  const char *vals[] = {meta ? meta->commit : NULL, meta ? meta->tree_digest : NULL,
                        meta ? meta->tool_version : NULL,
                        meta && meta->created_at ? meta->created_at : now};
  sqlite3_stmt *st = NULL;
  int rc =
      sqlite3_prepare_v2(self->db, "INSERT INTO meta(key, value) VALUES (?1, ?2)", -1, &st, NULL);
  for (size_t i = 0; rc == SQLITE_OK && i < 4; i++) {
    if (!vals[i]) continue;
    sqlite3_bind_text(st, 1, keys[i], -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, vals[i], -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) rc = SQLITE_OK;
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  return rc;
}

/* The samples of a benchmark as a JSON array; malloc'd. */
static char *bl__samples_json(const pf_bench *b) {
  json_t *arr = json_array();
  for (size_t i = 0; i < b->nsamples; i++) {
    double v = b->samples[i];
    json_array_append_new(arr, v < 9007199254740992.0 && v == floor(v) ? json_integer((json_int_t)v)
                                                                       : json_real(v));
  }
  char *text = json_dumps(arr, JSON_COMPACT);
  json_decref(arr);
  if (!text) as_die("out of memory encoding samples");
  return text;
}

static int bl__save_perf(bl_store *self, const pf_set *perf) {
  int rc = sqlite3_exec(self->db, "DELETE FROM perf_benchmarks", NULL, NULL, NULL);
  if (rc != SQLITE_OK || !perf || !perf->len) return rc;
  sqlite3_stmt *st = NULL;
  rc = sqlite3_prepare_v2(self->db,
                          "INSERT INTO perf_benchmarks(name, unit, samples, environment, source) "
                          "VALUES (?1, ?2, ?3, ?4, ?5)",
                          -1, &st, NULL);
  for (size_t i = 0; rc == SQLITE_OK && i < perf->len; i++) {
    const pf_bench *b = &perf->items[i];
    char *samples = bl__samples_json(b);
    bl__bind_text(st, 1, b->name);
    bl__bind_text(st, 2, pf_unit_name(b->unit));
    bl__bind_text(st, 3, samples);
    bl__bind_text(st, 4, b->environment ? b->environment : "{}");
    bl__bind_text(st, 5, b->source);
    rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) rc = SQLITE_OK;
    sqlite3_reset(st);
    free(samples);
  }
  sqlite3_finalize(st);
  return rc;
}

static char *bl__join(const char *const *v, uint32_t n) {
  as_buf b = {0};
  for (uint32_t i = 0; i < n; i++) {
    if (i) as_buf_putc(&b, ',');
    as_buf_puts(&b, v[i] ? v[i] : "");
  }
  return b.data ? b.data : as_strdup("");
}

static const char *bl__col_text(sqlite3_stmt *st, int i);

/* The attack surface: every endpoint, its guards and response categories. */
static int bl__save_surface(bl_store *self, const an_result *res) {
  int rc = sqlite3_exec(self->db, "DELETE FROM surface_endpoints", NULL, NULL, NULL);
  sqlite3_stmt *st = NULL;
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2(self->db,
                            "INSERT OR IGNORE INTO surface_endpoints(service, protocol, method, "
                            "target, display, handler, path, line, guards, response) VALUES "
                            "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
                            -1, &st, NULL);
  for (size_t i = 0; rc == SQLITE_OK && i < res->nendpoints; i++) {
    const an_endpoint_rec *e = &res->endpoints[i];
    char *guards = bl__join(e->guards, e->nguards), *resp = bl__join(e->response, e->nresponse);
    bl__bind_text(st, 1, e->service ? e->service : "");
    bl__bind_text(st, 2, e->protocol ? e->protocol : "");
    bl__bind_text(st, 3, e->method ? e->method : "");
    bl__bind_text(st, 4, e->target ? e->target : "");
    bl__bind_text(st, 5, e->display);
    bl__bind_text(st, 6, e->handler);
    bl__bind_text(st, 7, e->path);
    sqlite3_bind_int64(st, 8, e->line);
    bl__bind_text(st, 9, guards);
    bl__bind_text(st, 10, resp);
    rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) rc = SQLITE_OK;
    sqlite3_reset(st);
    free(guards);
    free(resp);
  }
  sqlite3_finalize(st);
  return rc;
}

static const char **bl__split(as_arena *a, const char *s, uint32_t *n);

/* Columns as a JSON array of [name, category or null]. */
static char *bl__cols_json(const an_access_col *c, uint32_t n) {
  json_t *a = json_array();
  for (uint32_t i = 0; i < n; i++) {
    json_t *p = json_array();
    json_array_append_new(p, json_string(c[i].name));
    json_array_append_new(p, c[i].category ? json_string(c[i].category) : json_null());
    json_array_append_new(a, p);
  }
  char *s = json_dumps(a, JSON_COMPACT);
  json_decref(a);
  return s;
}

static an_access_col *bl__cols_parse(as_arena *a, const char *text, uint32_t *n) {
  *n = 0;
  json_t *v = text ? json_loads(text, 0, NULL) : NULL;
  size_t len = json_is_array(v) ? json_array_size(v) : 0;
  an_access_col *c = as_arena_alloc(a, (len ? len : 1) * sizeof *c);
  for (size_t i = 0; i < len; i++) {
    json_t *p = json_array_get(v, i);
    const char *name = json_string_value(json_array_get(p, 0));
    const char *cat = json_string_value(json_array_get(p, 1));
    if (!name) continue;
    c[*n].name = as_arena_strdup(a, name);
    c[*n].category = cat ? as_arena_strdup(a, cat) : NULL;
    (*n)++;
  }
  json_decref(v);
  return c;
}

/* The data-access graph: its rows and the schema's tables. */
static int bl__save_access(bl_store *self, const an_result *res) {
  int rc = sqlite3_exec(self->db, "DELETE FROM access_rows; DELETE FROM schema_tables", NULL, NULL,
                        NULL);
  sqlite3_stmt *st = NULL;
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2(self->db,
                            "INSERT OR IGNORE INTO access_rows(service, function, kind, resource, "
                            "op, via, columns, categories, endpoints, statement, path, line) "
                            "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)",
                            -1, &st, NULL);
  for (size_t i = 0; rc == SQLITE_OK && i < res->naccesses; i++) {
    const an_access_rec *r = &res->accesses[i];
    char *cols = bl__cols_json(r->columns, r->ncolumns);
    char *cats = bl__join(r->categories, r->ncategories);
    json_t *eps = json_array();
    for (uint32_t k = 0; k < r->nendpoints; k++)
      json_array_append_new(eps, json_string(r->endpoints[k]));
    char *epj = json_dumps(eps, JSON_COMPACT);
    json_decref(eps);
    bl__bind_text(st, 1, r->service);
    bl__bind_text(st, 2, r->function);
    bl__bind_text(st, 3, r->kind);
    bl__bind_text(st, 4, r->resource);
    bl__bind_text(st, 5, r->op);
    bl__bind_text(st, 6, r->via);
    bl__bind_text(st, 7, cols);
    bl__bind_text(st, 8, cats);
    bl__bind_text(st, 9, epj);
    bl__bind_text(st, 10, r->statement);
    bl__bind_text(st, 11, r->path);
    sqlite3_bind_int64(st, 12, r->line);
    rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) rc = SQLITE_OK;
    sqlite3_reset(st);
    free(cols);
    free(cats);
    free(epj);
  }
  sqlite3_finalize(st);
  st = NULL;
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2(self->db,
                            "INSERT OR IGNORE INTO schema_tables(service, name, origin, columns, "
                            "path, line) VALUES (?1,?2,?3,?4,?5,?6)",
                            -1, &st, NULL);
  for (size_t i = 0; rc == SQLITE_OK && i < res->ntables; i++) {
    const an_table_rec *t = &res->tables[i];
    char *cols = bl__cols_json(t->columns, t->ncolumns);
    bl__bind_text(st, 1, t->service);
    bl__bind_text(st, 2, t->name);
    bl__bind_text(st, 3, t->origin);
    bl__bind_text(st, 4, cols);
    bl__bind_text(st, 5, t->path);
    sqlite3_bind_int64(st, 6, t->line);
    rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) rc = SQLITE_OK;
    sqlite3_reset(st);
    free(cols);
  }
  sqlite3_finalize(st);
  return rc;
}

int bl_store_load_access(bl_store *self, an_result *res, bool *present, char *err, size_t errlen) {
  *present = self->version >= 4;
  if (!*present) return 0;
  as_arena *a = res->arena;
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(self->db,
                              "SELECT service, function, kind, resource, op, via, columns, "
                              "categories, endpoints, statement, path, line FROM access_rows "
                              "ORDER BY service, function, kind, resource, op",
                              -1, &st, NULL);
  AS_ARRAY(an_access_rec) rows = {0};
  while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    rc = SQLITE_OK;
    an_access_rec r = {0};
    r.service = as_arena_strdup(a, bl__col_text(st, 0));
    r.function = as_arena_strdup(a, bl__col_text(st, 1));
    r.kind = as_arena_strdup(a, bl__col_text(st, 2));
    r.resource = as_arena_strdup(a, bl__col_text(st, 3));
    r.op = as_arena_strdup(a, bl__col_text(st, 4));
    r.via = as_arena_strdup(a, bl__col_text(st, 5));
    r.columns = bl__cols_parse(a, bl__col_text(st, 6), &r.ncolumns);
    r.categories = bl__split(a, bl__col_text(st, 7), &r.ncategories);
    json_t *eps = json_loads(bl__col_text(st, 8), 0, NULL);
    size_t ne = json_is_array(eps) ? json_array_size(eps) : 0;
    r.endpoints = as_arena_alloc(a, (ne ? ne : 1) * sizeof(char *));
    for (size_t k = 0; k < ne; k++)
      if (json_string_value(json_array_get(eps, k)))
        r.endpoints[r.nendpoints++] = as_arena_strdup(a, json_string_value(json_array_get(eps, k)));
    json_decref(eps);
    r.statement = as_arena_strdup(a, bl__col_text(st, 9));
    r.path = as_arena_strdup(a, bl__col_text(st, 10));
    r.line = (uint32_t)sqlite3_column_int64(st, 11);
    as_array_push(&rows, r);
  }
  sqlite3_finalize(st);
  st = NULL;
  AS_ARRAY(an_table_rec) tables = {0};
  if (rc == SQLITE_DONE)
    rc = sqlite3_prepare_v2(self->db,
                            "SELECT service, name, origin, columns, path, line FROM schema_tables "
                            "ORDER BY service, name",
                            -1, &st, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    rc = SQLITE_OK;
    an_table_rec t = {0};
    t.service = as_arena_strdup(a, bl__col_text(st, 0));
    t.name = as_arena_strdup(a, bl__col_text(st, 1));
    t.origin = as_arena_strdup(a, bl__col_text(st, 2));
    t.columns = bl__cols_parse(a, bl__col_text(st, 3), &t.ncolumns);
    t.path = as_arena_strdup(a, bl__col_text(st, 4));
    t.line = (uint32_t)sqlite3_column_int64(st, 5);
    as_array_push(&tables, t);
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) {
    as_array_free(&rows);
    as_array_free(&tables);
    bl__err(err, errlen, "baseline %s: cannot read the data-access graph: %s", self->path,
            sqlite3_errmsg(self->db));
    return -1;
  }
  res->accesses =
      rows.len ? as_arena_memdup(a, rows.items, rows.len * sizeof(an_access_rec)) : NULL;
  res->naccesses = rows.len;
  res->tables =
      tables.len ? as_arena_memdup(a, tables.items, tables.len * sizeof(an_table_rec)) : NULL;
  res->ntables = tables.len;
  as_array_free(&rows);
  as_array_free(&tables);
  return 0;
}

static int bl__save_contract(bl_store *self, const an_contract_set *set) {
  int rc = sqlite3_exec(self->db, "DELETE FROM contract_items", NULL, NULL, NULL);
  sqlite3_stmt *st = NULL;
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2(self->db,
                            "INSERT INTO contract_items(service, kind, key, value, display, path, "
                            "line, seq) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
                            -1, &st, NULL);
  for (size_t i = 0; rc == SQLITE_OK && i < an_contract_count(set); i++) {
    const an_contract_item *it = an_contract_at(set, i);
    bl__bind_text(st, 1, it->service ? it->service : "");
    bl__bind_text(st, 2, it->kind);
    bl__bind_text(st, 3, it->key);
    bl__bind_text(st, 4, it->value);
    bl__bind_text(st, 5, it->display);
    bl__bind_text(st, 6, it->path);
    sqlite3_bind_int64(st, 7, it->line);
    sqlite3_bind_int64(st, 8, (sqlite3_int64)i);
    rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) rc = SQLITE_OK;
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  return rc;
}

int bl_store_load_contract(bl_store *self, an_contract_set **out, char *err, size_t errlen) {
  *out = NULL;
  if (self->version < 3) return 0;
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(self->db,
                              "SELECT service, kind, key, value, display, path, line FROM "
                              "contract_items ORDER BY seq",
                              -1, &st, NULL);
  an_contract_set *set = an_contract_set_new();
  while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    rc = SQLITE_OK;
    const char *svc = bl__col_text(st, 0);
    an_contract_add(set, bl__col_text(st, 1), bl__col_text(st, 2), bl__col_text(st, 3),
                    bl__col_text(st, 4), svc && *svc ? svc : NULL, bl__col_text(st, 5),
                    (uint32_t)sqlite3_column_int64(st, 6));
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) {
    an_contract_set_delete(set);
    bl__err(err, errlen, "baseline %s: cannot read the contract: %s", self->path,
            sqlite3_errmsg(self->db));
    return -1;
  }
  *out = set;
  return 0;
}

/* "a,b,c" into an arena array of strings. */
static const char **bl__split(as_arena *a, const char *s, uint32_t *n) {
  *n = 0;
  if (!s || !*s) return NULL;
  uint32_t cap = 1;
  for (const char *p = s; *p; p++)
    cap += *p == ',';
  const char **v = as_arena_alloc(a, cap * sizeof(char *));
  for (const char *p = s;;) {
    const char *c = strchr(p, ',');
    size_t len = c ? (size_t)(c - p) : strlen(p);
    char *item = as_arena_alloc(a, len + 1);
    memcpy(item, p, len);
    item[len] = 0;
    v[(*n)++] = item;
    if (!c) break;
    p = c + 1;
  }
  return v;
}

int bl_store_load_surface(bl_store *self, an_result *res, bool *present, char *err, size_t errlen) {
  *present = self->version >= 3;
  if (!*present) return 0;
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(self->db,
                              "SELECT service, protocol, method, target, display, handler, path, "
                              "line, guards, response FROM surface_endpoints ORDER BY service, "
                              "protocol, method, target",
                              -1, &st, NULL);
  AS_ARRAY(an_endpoint_rec) eps = {0};
  as_arena *a = res->arena;
  while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    rc = SQLITE_OK;
    an_endpoint_rec e = {0};
    const char *method = bl__col_text(st, 2);
    e.service = as_arena_strdup(a, bl__col_text(st, 0));
    e.protocol = as_arena_strdup(a, bl__col_text(st, 1));
    e.method = method && *method ? as_arena_strdup(a, method) : NULL;
    e.target = as_arena_strdup(a, bl__col_text(st, 3));
    e.display = as_arena_strdup(a, bl__col_text(st, 4));
    e.handler = as_arena_strdup(a, bl__col_text(st, 5));
    e.path = as_arena_strdup(a, bl__col_text(st, 6));
    e.line = (uint32_t)sqlite3_column_int64(st, 7);
    e.guards = bl__split(a, bl__col_text(st, 8), &e.nguards);
    e.response = bl__split(a, bl__col_text(st, 9), &e.nresponse);
    as_array_push(&eps, e);
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) {
    as_array_free(&eps);
    bl__err(err, errlen, "baseline %s: cannot read the surface: %s", self->path,
            sqlite3_errmsg(self->db));
    return -1;
  }
  res->endpoints = as_arena_alloc(a, (eps.len ? eps.len : 1) * sizeof(an_endpoint_rec));
  if (eps.len) memcpy(res->endpoints, eps.items, eps.len * sizeof(an_endpoint_rec));
  res->nendpoints = eps.len;
  as_array_free(&eps);
  return 0;
}

int bl_store_save(bl_store *self, const an_result *res, const bl_meta *meta, char *err,
                  size_t errlen) {
  return bl_store_save_all(self, res, NULL, meta, err, errlen);
}

int bl_store_save_all(bl_store *self, const an_result *res, const pf_set *perf, const bl_meta *meta,
                      char *err, size_t errlen) {
  if (!self->writable) {
    bl__err(err, errlen, "baseline %s: cannot save: opened for reading", self->path);
    return -1;
  }
  char *msg = NULL; /* an error of our own, when SQLite's message would not say it */
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_exec(self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(self->db, "DELETE FROM findings; DELETE FROM meta", NULL, NULL, NULL);
  if (rc == SQLITE_OK) rc = bl__save_meta(self, meta);
  if (rc == SQLITE_OK) rc = bl__save_perf(self, perf);
  if (rc == SQLITE_OK) rc = bl__save_surface(self, res);
  if (rc == SQLITE_OK) rc = bl__save_contract(self, res->contract);
  if (rc == SQLITE_OK) rc = bl__save_access(self, res);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2(self->db,
                            "INSERT OR IGNORE INTO findings(fingerprint, rule, sink_kind, "
                            "categories, service, source_symbol, sink_symbol, path, line, col, "
                            "message, steps) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)",
                            -1, &st, NULL);
  /* Equal fingerprints mean the same flow found twice: the first (in result
   * order) is kept, since identity is the fingerprint. */
  for (size_t i = 0; rc == SQLITE_OK && i < res->nfindings; i++) {
    const an_finding *f = &res->findings[i];
    if (!f->fingerprint || !f->rule_id) {
      msg = as_sprintf("finding %zu (%s:%u) has no %s", i, f->path ? f->path : "?", f->line,
                       f->fingerprint ? "rule" : "fingerprint");
      rc = SQLITE_CONSTRAINT;
      break;
    }
    char *cats = bl__join_categories(f);
    char *steps = bl__steps_json(f);
    bl__bind_text(st, 1, f->fingerprint);
    bl__bind_text(st, 2, f->rule_id);
    bl__bind_text(st, 3, ir_sink_kind_name(f->sink_kind));
    bl__bind_text(st, 4, cats);
    bl__bind_text(st, 5, f->service);
    bl__bind_text(st, 6, f->source_symbol);
    bl__bind_text(st, 7, f->sink_symbol);
    bl__bind_text(st, 8, f->path);
    sqlite3_bind_int64(st, 9, f->line);
    sqlite3_bind_int64(st, 10, f->col);
    bl__bind_text(st, 11, f->message);
    bl__bind_text(st, 12, steps);
    rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) rc = SQLITE_OK;
    sqlite3_reset(st);
    free(cats);
    free(steps);
  }
  sqlite3_finalize(st);
  if (rc == SQLITE_OK) rc = sqlite3_exec(self->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK) {
    bl__err(err, errlen, "baseline %s: cannot save: %s", self->path,
            msg ? msg : sqlite3_errmsg(self->db));
    free(msg);
    if (!sqlite3_get_autocommit(self->db)) sqlite3_exec(self->db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
  }
  return 0;
}

/* ---- load ----------------------------------------------------------------- */

static ir_sink_kind bl__sink_kind(const char *name) {
  for (int k = 0; name && k < IR_SINK__COUNT; k++)
    if (strcmp(ir_sink_kind_name((ir_sink_kind)k), name) == 0) return (ir_sink_kind)k;
  return IR_SINK_NONE;
}

static const char *bl__col_text(sqlite3_stmt *st, int i) {
  return (const char *)sqlite3_column_text(st, i);
}

static uint32_t bl__u32(json_int_t v) {
  return v < 0 ? 0 : v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

/* Decode the steps column into a malloc'd array whose strings point into the
 * jansson tree *keep (freed by the caller after an_result_add copied them). */
static int bl__parse_steps(const char *text, an_step **steps, uint32_t *n, json_t **keep) {
  *steps = NULL;
  *n = 0;
  *keep = text ? json_loads(text, 0, NULL) : NULL;
  if (!*keep || !json_is_array(*keep)) return -1;
  size_t len = json_array_size(*keep);
  if (!len) return 0;
  *steps = as_calloc(len, sizeof(**steps));
  for (size_t i = 0; i < len; i++) {
    json_t *o = json_array_get(*keep, i);
    if (!json_is_object(o)) return -1;
    an_step *s = &(*steps)[i];
    s->path = json_string_value(json_object_get(o, "file"));
    s->line = bl__u32(json_integer_value(json_object_get(o, "line")));
    s->col = bl__u32(json_integer_value(json_object_get(o, "col")));
    s->function = json_string_value(json_object_get(o, "function"));
    s->message = json_string_value(json_object_get(o, "message"));
    s->service = json_string_value(json_object_get(o, "service")); /* since 0.1: optional */
  }
  *n = (uint32_t)len;
  return 0;
}

static int bl__load_meta(bl_store *self, an_result *res, bl_meta *meta) {
  memset(meta, 0, sizeof(*meta));
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(self->db, "SELECT key, value FROM meta", -1, &st, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *k = bl__col_text(st, 0), *v = bl__col_text(st, 1);
    rc = SQLITE_OK;
    if (!k || !v) continue;
    const char **slot = strcmp(k, "commit") == 0         ? &meta->commit
                        : strcmp(k, "tree_digest") == 0  ? &meta->tree_digest
                        : strcmp(k, "tool_version") == 0 ? &meta->tool_version
                        : strcmp(k, "created_at") == 0   ? &meta->created_at
                                                         : NULL;
    if (slot) *slot = as_arena_strdup(res->arena, v);
  }
  sqlite3_finalize(st);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int bl_store_load(bl_store *self, an_result *res, bl_meta *meta, char *err, size_t errlen) {
  if (meta && bl__load_meta(self, res, meta) != SQLITE_OK) {
    bl__err(err, errlen, "baseline %s: cannot read metadata: %s", self->path,
            sqlite3_errmsg(self->db));
    return -1;
  }
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(self->db,
                              "SELECT fingerprint, rule, sink_kind, categories, service, "
                              "source_symbol, sink_symbol, path, line, col, message, steps "
                              "FROM findings ORDER BY path, line, col, fingerprint",
                              -1, &st, NULL);
  AS_ARRAY(const char *) cats = {0};
  while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    rc = SQLITE_OK;
    an_finding f = {0};
    f.fingerprint = bl__col_text(st, 0);
    f.rule_id = bl__col_text(st, 1);
    f.sink_kind = bl__sink_kind(bl__col_text(st, 2));
    f.service = bl__col_text(st, 4);
    f.source_symbol = bl__col_text(st, 5);
    f.sink_symbol = bl__col_text(st, 6);
    f.path = bl__col_text(st, 7);
    f.line = bl__u32(sqlite3_column_int64(st, 8));
    f.col = bl__u32(sqlite3_column_int64(st, 9));
    f.message = bl__col_text(st, 10);
    f.state = AN_STATE_NONE;
    /* Split the comma-joined categories in a private copy. */
    const char *joined = bl__col_text(st, 3);
    char *copy = as_strdup(joined ? joined : "");
    cats.len = 0;
    for (char *p = copy; *p;) {
      char *comma = strchr(p, ',');
      if (comma) *comma = 0;
      as_array_push(&cats, p);
      if (!comma) break;
      p = comma + 1;
    }
    f.categories = cats.items;
    f.ncategories = (uint32_t)cats.len;
    json_t *keep = NULL;
    int bad = bl__parse_steps(bl__col_text(st, 11), &f.steps, &f.nsteps, &keep);
    if (!bad) {
      an_finding_set_services(res->arena, &f);
      an_result_add(res, &f);
    }
    free(f.steps);
    json_decref(keep);
    free(copy);
    if (bad) {
      as_array_free(&cats);
      bl__err(err, errlen, "baseline %s: finding %s has malformed steps", self->path,
              f.fingerprint ? f.fingerprint : "?");
      sqlite3_finalize(st);
      return -1;
    }
  }
  as_array_free(&cats);
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) {
    bl__err(err, errlen, "baseline %s: cannot read findings: %s", self->path,
            sqlite3_errmsg(self->db));
    return -1;
  }
  return 0;
}

int bl_store_load_perf(bl_store *self, pf_set *out, char *err, size_t errlen) {
  if (self->version < 2) return 0; /* a version 1 baseline: no samples */
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(self->db,
                              "SELECT name, unit, samples, environment, source FROM "
                              "perf_benchmarks ORDER BY name, unit",
                              -1, &st, NULL);
  AS_ARRAY(double) v = {0};
  char *bad = NULL;
  while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    rc = SQLITE_OK;
    const char *name = bl__col_text(st, 0), *unit = bl__col_text(st, 1);
    const char *samples = bl__col_text(st, 2), *env = bl__col_text(st, 3);
    pf_unit u = unit && strcmp(unit, "instructions") == 0 ? PF_UNIT_INSTRUCTIONS : PF_UNIT_NS;
    json_t *arr = samples ? json_loads(samples, 0, NULL) : NULL;
    v.len = 0;
    bool ok = name && unit && (strcmp(unit, "ns") == 0 || u == PF_UNIT_INSTRUCTIONS) &&
              json_is_array(arr) && json_array_size(arr) > 0;
    for (size_t i = 0; ok && i < json_array_size(arr); i++) {
      json_t *x = json_array_get(arr, i);
      ok = json_is_number(x) && json_number_value(x) >= 0;
      if (ok) as_array_push(&v, json_number_value(x));
    }
    json_decref(arr);
    if (ok)
      ok = pf_set_add(out, name, u, v.items, v.len, env ? env : "{}", bl__col_text(st, 4)) != NULL;
    if (!ok) {
      bad = as_sprintf("benchmark %s (%s) has malformed samples", name ? name : "?",
                       unit ? unit : "?");
      break;
    }
  }
  as_array_free(&v);
  sqlite3_finalize(st);
  if (bad) {
    bl__err(err, errlen, "baseline %s: %s", self->path, bad);
    free(bad);
    return -1;
  }
  if (rc != SQLITE_DONE) {
    bl__err(err, errlen, "baseline %s: cannot read benchmarks: %s", self->path,
            sqlite3_errmsg(self->db));
    return -1;
  }
  return 0;
}

/* ---- diff ----------------------------------------------------------------- */

typedef struct bl_fp {
  const char *fp;
  size_t index;
} bl_fp;

static int bl__fp_cmp(const void *pa, const void *pb) {
  return strcmp(((const bl_fp *)pa)->fp, ((const bl_fp *)pb)->fp);
}

static int bl__fp_index_cmp(const void *pa, const void *pb) {
  const bl_fp *a = pa, *b = pb;
  int c = strcmp(a->fp, b->fp);
  return c ? c : (a->index > b->index) - (a->index < b->index);
}

/* The non-NULL fingerprints of the first n findings of r, sorted by
 * (fingerprint, index); malloc'd. */
static bl_fp *bl__sorted_fps(const an_result *r, size_t n, size_t *out_n) {
  bl_fp *fps = as_malloc((n ? n : 1) * sizeof(*fps));
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (r->findings[i].fingerprint) fps[k++] = (bl_fp){r->findings[i].fingerprint, i};
  qsort(fps, k, sizeof(*fps), bl__fp_index_cmp);
  *out_n = k;
  return fps;
}

static bool bl__has(const bl_fp *fps, size_t n, const char *fp) {
  bl_fp key = {fp, 0};
  return fp && bsearch(&key, fps, n, sizeof(*fps), bl__fp_cmp) != NULL;
}

void bl_diff(const an_result *baseline, an_result *current) {
  size_t nbase, ncur, ncurrent = current->nfindings;
  bl_fp *base = bl__sorted_fps(baseline, baseline->nfindings, &nbase);
  bl_fp *cur = bl__sorted_fps(current, ncurrent, &ncur);
  for (size_t i = 0; i < ncurrent; i++) {
    an_finding *f = &current->findings[i];
    f->state = bl__has(base, nbase, f->fingerprint) ? AN_STATE_UNCHANGED : AN_STATE_NEW;
  }
  /* A baseline loaded from the store has unique fingerprints; an in-memory one
   * may not, so each absent identity is reported once, by its first finding. */
  bool *first = as_calloc(baseline->nfindings ? baseline->nfindings : 1, sizeof(*first));
  for (size_t k = 0; k < nbase; k++)
    first[base[k].index] = k == 0 || strcmp(base[k - 1].fp, base[k].fp) != 0;
  /* cur's fingerprint pointers stay valid while current grows: they point into
   * current's arena, not into its findings array. */
  for (size_t i = 0; i < baseline->nfindings; i++) {
    const an_finding *b = &baseline->findings[i];
    if (!first[i] || bl__has(cur, ncur, b->fingerprint)) continue;
    an_finding *a = an_result_add(current, b);
    a->state = AN_STATE_ABSENT;
  }
  free(first);
  free(base);
  free(cur);
}
