/* sql.c — tables and columns accessed by SQL statements, through SQLite's
 * parser and authorizer (see sql.h). */
#include "sql.h"

#include <sqlite3.h>
#include <string.h>

typedef struct an_schema__cols {
  const char **names;
  size_t n;
} an_schema__cols;

typedef enum { AN_SCHEMA__IDLE, AN_SCHEMA__LOADING, AN_SCHEMA__ACCESS } an_schema__mode;

struct an_schema {
  sqlite3 *db;
  as_arena *arena; /* diagnostics, origins, cached column lists */
  as_intern *names;
  AS_ARRAY(as_diag) diags;
  as_ptrmap columns; /* interned table name as asked -> an_schema__cols */
  const char **tables;
  size_t ntables;
  bool tables_valid;

  /* The authorizer's state for the statement being prepared. */
  an_schema__mode mode;
  bool ddl_seen;       /* loading: the statement is schema DDL */
  int denied;          /* loading: first action refused, 0 when none */
  const char *refused; /* access: why the statement was refused */
  AS_ARRAY(an_sql_item) acc;
  unsigned kinds;
  bool stmt_ddl;
  const char *insert_table; /* interned: the table the statement INSERTs into */

  /* Where each table and view was created: lower-cased interned name ->
   * an_schema__origin; the statement being loaded. */
  as_ptrmap origins;
  const char *load_origin;
  uint32_t load_line;
};

typedef struct an_schema__origin {
  const char *path;
  uint32_t line;
} an_schema__origin;

/* ---- helpers ---------------------------------------------------------------- */

static const char *an_sql__action_name(int action) {
  switch (action) {
  case SQLITE_CREATE_INDEX:
    return "CREATE INDEX";
  case SQLITE_CREATE_TABLE:
    return "CREATE TABLE";
  case SQLITE_CREATE_TEMP_INDEX:
    return "CREATE TEMP INDEX";
  case SQLITE_CREATE_TEMP_TABLE:
    return "CREATE TEMP TABLE";
  case SQLITE_CREATE_TEMP_TRIGGER:
    return "CREATE TEMP TRIGGER";
  case SQLITE_CREATE_TEMP_VIEW:
    return "CREATE TEMP VIEW";
  case SQLITE_CREATE_TRIGGER:
    return "CREATE TRIGGER";
  case SQLITE_CREATE_VIEW:
    return "CREATE VIEW";
  case SQLITE_DELETE:
    return "DELETE";
  case SQLITE_DROP_INDEX:
    return "DROP INDEX";
  case SQLITE_DROP_TABLE:
    return "DROP TABLE";
  case SQLITE_DROP_TEMP_INDEX:
    return "DROP TEMP INDEX";
  case SQLITE_DROP_TEMP_TABLE:
    return "DROP TEMP TABLE";
  case SQLITE_DROP_TEMP_TRIGGER:
    return "DROP TEMP TRIGGER";
  case SQLITE_DROP_TEMP_VIEW:
    return "DROP TEMP VIEW";
  case SQLITE_DROP_TRIGGER:
    return "DROP TRIGGER";
  case SQLITE_DROP_VIEW:
    return "DROP VIEW";
  case SQLITE_INSERT:
    return "INSERT";
  case SQLITE_PRAGMA:
    return "PRAGMA";
  case SQLITE_READ:
    return "READ";
  case SQLITE_SELECT:
    return "SELECT";
  case SQLITE_TRANSACTION:
    return "TRANSACTION";
  case SQLITE_UPDATE:
    return "UPDATE";
  case SQLITE_ATTACH:
    return "ATTACH";
  case SQLITE_DETACH:
    return "DETACH";
  case SQLITE_ALTER_TABLE:
    return "ALTER TABLE";
  case SQLITE_REINDEX:
    return "REINDEX";
  case SQLITE_ANALYZE:
    return "ANALYZE";
  case SQLITE_CREATE_VTABLE:
    return "CREATE VIRTUAL TABLE";
  case SQLITE_DROP_VTABLE:
    return "DROP VIRTUAL TABLE";
  case SQLITE_FUNCTION:
    return "FUNCTION";
  case SQLITE_SAVEPOINT:
    return "SAVEPOINT";
  case SQLITE_RECURSIVE:
    return "RECURSIVE";
  default:
    return "?";
  }
}

static bool an_sql__is_internal(const char *table) {
  return table && sqlite3_strnicmp(table, "sqlite_", 7) == 0;
}

/* Skip whitespace and comments; counts lines into *line when line != NULL. */
static const char *an_sql__skip_space(const char *p, uint32_t *line, const char **line_start) {
  for (;;) {
    if (*p == '\n') {
      if (line) (*line)++, *line_start = p + 1;
      p++;
    } else if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\f' || *p == '\v') {
      p++;
    } else if (p[0] == '-' && p[1] == '-') {
      while (*p && *p != '\n')
        p++;
    } else if (p[0] == '/' && p[1] == '*') {
      p += 2;
      while (*p && !(p[0] == '*' && p[1] == '/')) {
        if (*p == '\n' && line) (*line)++, *line_start = p + 1;
        p++;
      }
      if (*p) p += 2;
    } else {
      return p;
    }
  }
}

/* Count the lines between from and to into *line. */
static void an_sql__count_lines(const char *from, const char *to, uint32_t *line,
                                const char **line_start) {
  for (const char *q = from; q < to; q++)
    if (*q == '\n') (*line)++, *line_start = q + 1;
}

/* The end of the statement starting at start when SQLite could not prepare
 * it: just after the first ';' that makes the text so far a complete
 * statement for sqlite3_complete (which knows strings, comments and trigger
 * bodies), else the end of the text. */
static const char *an_sql__stmt_end(const char *start) {
  size_t len = strlen(start);
  char *copy = as_malloc(len + 1);
  memcpy(copy, start, len + 1);
  const char *end = start + len;
  for (size_t i = 0; i < len; i++) {
    if (copy[i] != ';') continue;
    char saved = copy[i + 1];
    copy[i + 1] = 0;
    int done = sqlite3_complete(copy);
    copy[i + 1] = saved;
    if (done) {
      end = start + i + 1;
      break;
    }
  }
  free(copy);
  return end;
}

/* The first 60 bytes of [start, end) with whitespace runs as one space, cut
 * on a UTF-8 character boundary; in the schema's arena. */
static char *an_sql__snippet(as_arena *arena, const char *start, const char *end) {
  char buf[64];
  size_t n = 0;
  bool space = false;
  for (const char *q = start; q < end && n < 60; q++) {
    unsigned char c = (unsigned char)*q;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      continue;
    }
    if (space && n > 0) {
      buf[n++] = ' ';
      if (n == 60) break;
    }
    space = false;
    buf[n++] = (char)c;
  }
  /* Do not end inside a multi-byte character. */
  size_t cut = n;
  while (cut > 0 && ((unsigned char)buf[cut - 1] & 0xC0) == 0x80)
    cut--;
  if (cut > 0 && ((unsigned char)buf[cut - 1] & 0x80)) {
    unsigned char lead = (unsigned char)buf[cut - 1];
    size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (n - (cut - 1) < want) n = cut - 1;
  }
  return as_arena_strndup(arena, buf, n);
}

/* ---- the authorizer --------------------------------------------------------- */

/* Loading: schema DDL and what SQLite does on its behalf (writing its own
 * sqlite_schema table, reading columns for an index or CREATE TABLE AS,
 * calling functions while ALTER TABLE rewrites the schema) is allowed;
 * anything else is denied before it can run. */
static int an_schema__auth_load(an_schema *self, int action, const char *a1, const char *a2) {
  switch (action) {
  case SQLITE_CREATE_TABLE:
  case SQLITE_CREATE_VIEW:
  case SQLITE_CREATE_INDEX:
  case SQLITE_ALTER_TABLE:
    if (self->denied) return SQLITE_DENY;
    self->ddl_seen = true;
    if ((action == SQLITE_CREATE_TABLE || action == SQLITE_CREATE_VIEW) && a1 &&
        self->load_origin) {
      char low[256];
      size_t n = 0;
      for (; a1[n] && n + 1 < sizeof low; n++)
        low[n] = (char)(a1[n] >= 'A' && a1[n] <= 'Z' ? a1[n] + 32 : a1[n]);
      low[n] = 0;
      void **slot = as_ptrmap_slot(&self->origins, as_intern_str(self->names, low));
      if (!*slot) {
        an_schema__origin *o = as_arena_alloc(self->arena, sizeof *o);
        o->path = self->load_origin;
        o->line = self->load_line;
        *slot = o;
      }
    }
    return SQLITE_OK;
  case SQLITE_INSERT:
  case SQLITE_UPDATE:
  case SQLITE_DELETE:
    if (an_sql__is_internal(a1)) return SQLITE_OK;
    break;
  case SQLITE_READ:
    if (an_sql__is_internal(a1) || self->ddl_seen) return SQLITE_OK;
    break;
  case SQLITE_SELECT:
  case SQLITE_REINDEX:
  case SQLITE_RECURSIVE:
    if (self->ddl_seen) return SQLITE_OK;
    break;
  case SQLITE_FUNCTION:
    if (self->ddl_seen && a2 && sqlite3_stricmp(a2, "load_extension") != 0) return SQLITE_OK;
    break;
  default:
    break;
  }
  if (!self->denied) self->denied = action;
  return SQLITE_DENY;
}

static void an_schema__push(an_schema *self, const char *table, const char *column, an_sql_op op) {
  an_sql_item a = {as_intern_str(self->names, table),
                   column && *column ? as_intern_str(self->names, column) : NULL, op, NULL};
  as_array_push(&self->acc, a);
}

/* Access: record, never refuse, except a PRAGMA (some act while prepared). */
static int an_schema__auth_access(an_schema *self, int action, const char *a1, const char *a2) {
  switch (action) {
  case SQLITE_SELECT:
    self->kinds |= AN_SQL_KIND_SELECT;
    break;
  case SQLITE_READ:
    if (a1) an_schema__push(self, a1, a2, AN_SQL_READ);
    break;
  case SQLITE_INSERT:
    if (!a1) break;
    if (!an_sql__is_internal(a1)) {
      self->kinds |= AN_SQL_KIND_INSERT;
      if (!self->insert_table) self->insert_table = as_intern_str(self->names, a1);
    }
    an_schema__push(self, a1, NULL, AN_SQL_WRITE);
    break;
  case SQLITE_UPDATE:
    if (!a1) break;
    if (!an_sql__is_internal(a1)) self->kinds |= AN_SQL_KIND_UPDATE;
    an_schema__push(self, a1, a2, AN_SQL_WRITE);
    break;
  case SQLITE_DELETE:
    if (!a1) break;
    if (!an_sql__is_internal(a1)) self->kinds |= AN_SQL_KIND_DELETE;
    an_schema__push(self, a1, NULL, AN_SQL_WRITE);
    break;
  case SQLITE_PRAGMA:
    self->refused = "not a data access: PRAGMA";
    return SQLITE_DENY;
  case SQLITE_CREATE_INDEX:
  case SQLITE_CREATE_TABLE:
  case SQLITE_CREATE_VIEW:
  case SQLITE_CREATE_TRIGGER:
  case SQLITE_CREATE_TEMP_INDEX:
  case SQLITE_CREATE_TEMP_TABLE:
  case SQLITE_CREATE_TEMP_TRIGGER:
  case SQLITE_CREATE_TEMP_VIEW:
  case SQLITE_CREATE_VTABLE:
  case SQLITE_DROP_INDEX:
  case SQLITE_DROP_TABLE:
  case SQLITE_DROP_VIEW:
  case SQLITE_DROP_TRIGGER:
  case SQLITE_DROP_TEMP_INDEX:
  case SQLITE_DROP_TEMP_TABLE:
  case SQLITE_DROP_TEMP_TRIGGER:
  case SQLITE_DROP_TEMP_VIEW:
  case SQLITE_DROP_VTABLE:
  case SQLITE_ALTER_TABLE:
    self->kinds |= AN_SQL_KIND_DDL;
    self->stmt_ddl = true;
    break;
  default:
    break;
  }
  return SQLITE_OK;
}

static int an_schema__auth(void *user, int action, const char *a1, const char *a2, const char *db,
                           const char *inner) {
  an_schema *self = user;
  switch (self->mode) {
  case AN_SCHEMA__LOADING:
    return an_schema__auth_load(self, action, a1, a2);
  case AN_SCHEMA__ACCESS:
    return an_schema__auth_access(self, action, a1, a2);
  default:
    return SQLITE_OK;
  }
}

/* ---- schema ----------------------------------------------------------------- */

an_schema *an_schema_new(void) {
  an_schema *self = as_calloc(1, sizeof *self);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY;
  if (sqlite3_open_v2(":memory:", &self->db, flags, NULL) != SQLITE_OK)
    as_die("sqlite3_open(:memory:): %s", self->db ? sqlite3_errmsg(self->db) : "out of memory");
  /* Extension loading is off by default; say so, and refuse schema tricks. */
  sqlite3_db_config(self->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, (int *)NULL);
  sqlite3_db_config(self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
  sqlite3_db_config(self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
  sqlite3_set_authorizer(self->db, an_schema__auth, self);
  self->arena = as_arena_new();
  self->names = as_intern_new();
  return self;
}

void an_schema_delete(an_schema *self) {
  if (!self) return;
  sqlite3_close(self->db);
  as_array_free(&self->diags);
  as_array_free(&self->acc);
  as_ptrmap_free(&self->columns);
  as_ptrmap_free(&self->origins);
  as_intern_delete(self->names);
  as_arena_delete(self->arena);
  free(self);
}

const as_diag *an_schema_diags(const an_schema *self, size_t *n) {
  *n = self->diags.len;
  return self->diags.items;
}

static void an_schema__diag(an_schema *self, as_diag_level level, const char *code,
                            const char *origin, uint32_t line, uint32_t col, const char *message) {
  as_diag d = {level, origin, line, col, code, as_arena_strdup(self->arena, message)};
  as_array_push(&self->diags, d);
}

size_t an_schema_add_sql(an_schema *self, const char *text, const char *origin) {
  as_ptrmap_free(&self->columns);
  self->tables_valid = false;
  origin = as_arena_strdup(self->arena, origin ? origin : "");
  size_t applied = 0;
  uint32_t line = 1;
  const char *line_start = text, *p = text;
  for (;;) {
    const char *start = an_sql__skip_space(p, &line, &line_start);
    if (!*start) break;
    uint32_t col = (uint32_t)(start - line_start) + 1;
    self->mode = AN_SCHEMA__LOADING;
    self->ddl_seen = false;
    self->denied = 0;
    self->load_origin = origin;
    self->load_line = line;
    sqlite3_stmt *st = NULL;
    const char *tail = NULL;
    int rc = sqlite3_prepare_v2(self->db, start, -1, &st, &tail);
    const char *end = rc == SQLITE_OK ? tail : an_sql__stmt_end(start);
    if (rc != SQLITE_OK) {
      char *snip = an_sql__snippet(self->arena, start, end);
      char *msg = self->denied
                      ? as_sprintf("not loaded (%s): %s", an_sql__action_name(self->denied), snip)
                      : as_sprintf("%s: %s", sqlite3_errmsg(self->db), snip);
      an_schema__diag(self, self->denied ? AS_DIAG_NOTE : AS_DIAG_WARNING,
                      self->denied ? "sql-skipped" : "sql-rejected", origin, line, col, msg);
      free(msg);
    } else if (st) {
      while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      }
      if (rc == SQLITE_DONE) {
        applied++;
      } else {
        char *snip = an_sql__snippet(self->arena, start, end);
        char *msg = as_sprintf("%s: %s", sqlite3_errmsg(self->db), snip);
        an_schema__diag(self, AS_DIAG_WARNING, "sql-rejected", origin, line, col, msg);
        free(msg);
      }
      sqlite3_finalize(st);
    }
    self->mode = AN_SCHEMA__IDLE;
    an_sql__count_lines(start, end, &line, &line_start);
    if (end == start) break; /* cannot happen: a statement is never empty here */
    p = end;
  }
  return applied;
}

size_t an_schema_columns(an_schema *self, const char *table, const char *const **out) {
  *out = NULL;
  if (!table) return 0;
  const char *key = as_intern_str(self->names, table);
  an_schema__cols *c = as_ptrmap_get(&self->columns, key);
  if (!c) {
    c = as_arena_alloc(self->arena, sizeof *c);
    AS_ARRAY(const char *) names = {0};
    sqlite3_stmt *st = NULL;
    an_schema__mode saved = self->mode;
    self->mode = AN_SCHEMA__IDLE;
    if (sqlite3_prepare_v2(self->db, "SELECT name FROM pragma_table_info(?1)", -1, &st, NULL) !=
        SQLITE_OK)
      as_die("an_schema_columns: %s", sqlite3_errmsg(self->db));
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
      const char *name = (const char *)sqlite3_column_text(st, 0);
      if (name) as_array_push(&names, as_intern_str(self->names, name));
    }
    sqlite3_finalize(st);
    self->mode = saved;
    c->n = names.len;
    c->names = as_arena_memdup(self->arena, names.items, names.len * sizeof(const char *));
    as_array_free(&names);
    *as_ptrmap_slot(&self->columns, key) = c;
  }
  *out = c->names;
  return c->n;
}

bool an_schema_table_origin(an_schema *self, const char *table, const char **path, uint32_t *line) {
  char low[256];
  size_t n = 0;
  for (; table && table[n] && n + 1 < sizeof low; n++)
    low[n] = (char)(table[n] >= 'A' && table[n] <= 'Z' ? table[n] + 32 : table[n]);
  low[n] = 0;
  const an_schema__origin *o = as_ptrmap_get(&self->origins, as_intern_str(self->names, low));
  if (!o) return false;
  *path = o->path;
  *line = o->line;
  return true;
}

size_t an_schema_tables(an_schema *self, const char *const **out) {
  if (!self->tables_valid) {
    AS_ARRAY(const char *) names = {0};
    sqlite3_stmt *st = NULL;
    an_schema__mode saved = self->mode;
    self->mode = AN_SCHEMA__IDLE;
    if (sqlite3_prepare_v2(self->db,
                           "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') "
                           "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
                           -1, &st, NULL) != SQLITE_OK)
      as_die("an_schema_tables: %s", sqlite3_errmsg(self->db));
    while (sqlite3_step(st) == SQLITE_ROW)
      as_array_push(&names, as_intern_str(self->names, (const char *)sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    self->mode = saved;
    self->ntables = names.len;
    self->tables = as_arena_memdup(self->arena, names.items, names.len * sizeof(const char *));
    as_array_free(&names);
    self->tables_valid = true;
  }
  *out = self->tables;
  return self->ntables;
}

/* ---- INSERT column lists ---------------------------------------------------- */

/* A token of the tiny lexer that finds an INSERT's column list. */
typedef enum { AN_TOK_END, AN_TOK_WORD, AN_TOK_NAME, AN_TOK_PUNCT } an_sql__tok_kind;
typedef struct an_sql__tok {
  an_sql__tok_kind kind;
  const char *s; /* for AN_TOK_NAME: including the quotes */
  size_t n;
} an_sql__tok;

static bool an_sql__word_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '$' || c >= 0x80;
}

static an_sql__tok an_sql__next(const char **pp, const char *end) {
  const char *p = *pp;
  for (;;) { /* whitespace and comments */
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f'))
      p++;
    if (p + 1 < end && p[0] == '-' && p[1] == '-') {
      while (p < end && *p != '\n')
        p++;
    } else if (p + 1 < end && p[0] == '/' && p[1] == '*') {
      p += 2;
      while (p + 1 < end && !(p[0] == '*' && p[1] == '/'))
        p++;
      p = p + 1 < end ? p + 2 : end;
    } else {
      break;
    }
  }
  an_sql__tok t = {AN_TOK_END, p, 0};
  if (p >= end) {
    *pp = p;
    return t;
  }
  unsigned char c = (unsigned char)*p;
  if (c == '"' || c == '`' || c == '\'' || c == '[') {
    char close = c == '[' ? ']' : (char)c;
    const char *q = p + 1;
    while (q < end) {
      if (*q == close) {
        if (close != ']' && q + 1 < end && q[1] == close) {
          q += 2;
          continue;
        }
        q++;
        break;
      }
      q++;
    }
    t.kind = AN_TOK_NAME;
    t.n = (size_t)(q - p);
  } else if (an_sql__word_char(c)) {
    const char *q = p;
    while (q < end && an_sql__word_char((unsigned char)*q))
      q++;
    t.kind = AN_TOK_WORD;
    t.n = (size_t)(q - p);
  } else {
    t.kind = AN_TOK_PUNCT;
    t.n = 1;
  }
  *pp = p + t.n;
  return t;
}

static bool an_sql__is(an_sql__tok t, const char *s) {
  if (t.kind == AN_TOK_PUNCT) return t.n == 1 && *t.s == *s && s[1] == 0;
  return t.kind == AN_TOK_WORD && strlen(s) == t.n && sqlite3_strnicmp(t.s, s, (int)t.n) == 0;
}

static bool an_sql__is_name(an_sql__tok t) {
  return t.kind == AN_TOK_WORD || t.kind == AN_TOK_NAME;
}

/* The name a token spells, quotes removed, into buf (NUL-terminated). */
static void an_sql__dequote(an_sql__tok t, char *buf, size_t size) {
  size_t n = 0;
  if (t.kind == AN_TOK_WORD) {
    for (size_t i = 0; i < t.n && n + 1 < size; i++)
      buf[n++] = t.s[i];
  } else {
    char close = t.s[0] == '[' ? ']' : t.s[0];
    for (size_t i = 1; i + 1 < t.n && n + 1 < size; i++) {
      buf[n++] = t.s[i];
      if (t.s[i] == close && close != ']' && i + 2 < t.n && t.s[i + 1] == close) i++;
    }
  }
  buf[n] = 0;
}

/* The columns an INSERT fills, from a statement SQLite accepted:
 *   [WITH ...] (INSERT [OR action] | REPLACE) INTO [schema .] table [AS alias]
 *   [ '(' name {',' name} ')' ] ...
 * INTO is the first one outside parentheses. Each name is matched to the
 * table's own spelling. Without a list, every column of the table. */
static void an_schema__insert_columns(an_schema *self, const char *start, const char *end) {
  const char *const *cols;
  size_t ncols = an_schema_columns(self, self->insert_table, &cols);
  const char *p = start;
  int depth = 0;
  an_sql__tok t;
  for (;;) {
    t = an_sql__next(&p, end);
    if (t.kind == AN_TOK_END) return; /* cannot happen after SQLITE_INSERT */
    if (an_sql__is(t, "(")) depth++;
    if (an_sql__is(t, ")")) depth--;
    if (depth == 0 && an_sql__is(t, "INTO")) break;
  }
  t = an_sql__next(&p, end); /* [schema .] table */
  t = an_sql__next(&p, end);
  if (an_sql__is(t, ".")) {
    an_sql__next(&p, end);
    t = an_sql__next(&p, end);
  }
  if (an_sql__is(t, "AS")) {
    an_sql__next(&p, end);
    t = an_sql__next(&p, end);
  }
  if (!an_sql__is(t, "(")) {
    for (size_t i = 0; i < ncols; i++)
      an_schema__push(self, self->insert_table, cols[i], AN_SQL_WRITE);
    return;
  }
  char name[256];
  for (;;) {
    t = an_sql__next(&p, end);
    if (!an_sql__is_name(t)) return;
    an_sql__dequote(t, name, sizeof name);
    const char *column = name;
    for (size_t i = 0; i < ncols; i++)
      if (sqlite3_stricmp(cols[i], name) == 0) column = cols[i];
    an_schema__push(self, self->insert_table, column, AN_SQL_WRITE);
    t = an_sql__next(&p, end);
    if (!an_sql__is(t, ",")) return;
  }
}

/* ---- access ----------------------------------------------------------------- */

const char *an_sql_op_name(an_sql_op op) {
  return op == AN_SQL_WRITE ? "write" : "read";
}

static int an_sql__cmp(const void *a, const void *b) {
  const an_sql_item *x = a, *y = b;
  int c = strcmp(x->table, y->table);
  if (c) return c;
  if (x->column != y->column) {
    if (!x->column) return -1;
    if (!y->column) return 1;
    c = strcmp(x->column, y->column);
    if (c) return c;
  }
  return (int)x->op - (int)y->op;
}

static bool an_sql__in_hole(const an_sql_holes *holes, size_t offset) {
  if (!holes) return false;
  for (size_t i = 0; i < holes->n; i++)
    if (holes->offsets[i] == offset) return true;
  return false;
}

int an_sql_access(an_schema *self, const char *sql, const an_sql_holes *holes,
                  const an_catalogue *cat, as_arena *arena, an_sql_result *out) {
  memset(out, 0, sizeof *out);
  out->unresolved_offset = -1;
  self->acc.len = 0;
  self->kinds = 0;
  self->refused = NULL;
  int status = 0;
  const char *p = sql;
  for (;;) {
    const char *start = an_sql__skip_space(p, NULL, NULL);
    if (!*start) break;
    size_t first = self->acc.len;
    unsigned kinds_before = self->kinds;
    self->insert_table = NULL;
    self->stmt_ddl = false;
    self->mode = AN_SCHEMA__ACCESS;
    sqlite3_stmt *st = NULL;
    const char *tail = NULL;
    int rc = sqlite3_prepare_v2(self->db, start, -1, &st, &tail);
    self->mode = AN_SCHEMA__IDLE;
    if (rc != SQLITE_OK) {
      int off = sqlite3_error_offset(self->db);
      size_t at = (size_t)(start - sql) + (size_t)(off >= 0 ? off : 0);
      out->unresolved_offset = off >= 0 ? (int32_t)at : -1;
      const char *why = self->refused                            ? self->refused
                        : off >= 0 && an_sql__in_hole(holes, at) ? AN_SQL_DYNAMIC_REASON
                                                                 : sqlite3_errmsg(self->db);
      out->unresolved = as_arena_strdup(arena, why);
      self->acc.len = first;
      self->kinds = kinds_before;
      status = -1;
      break;
    }
    if (!st) { /* only a ';' */
      p = tail;
      continue;
    }
    sqlite3_finalize(st); /* never stepped */
    out->nstatements++;
    if (self->stmt_ddl) { /* SQLite's own bookkeeping of a CREATE/DROP/ALTER */
      size_t k = first;
      for (size_t i = first; i < self->acc.len; i++)
        if (!an_sql__is_internal(self->acc.items[i].table))
          self->acc.items[k++] = self->acc.items[i];
      self->acc.len = k;
    }
    if (self->insert_table) an_schema__insert_columns(self, start, tail);
    p = tail;
  }
  out->kinds = self->kinds;

  an_sql_item *a = self->acc.items;
  size_t n = self->acc.len;
  if (n) qsort(a, n, sizeof *a, an_sql__cmp);
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (k && an_sql__cmp(&a[k - 1], &a[i]) == 0) continue;
    if (!a[i].column && a[i].op == AN_SQL_READ) { /* drop if a column of the table is read */
      bool column_read = false;
      for (size_t j = i + 1; j < n && a[j].table == a[i].table && !column_read; j++)
        column_read = a[j].column && a[j].op == AN_SQL_READ;
      if (column_read) continue;
    }
    a[k] = a[i];
    a[k].category = cat && a[k].column ? an_catalogue_classify(cat, a[k].column) : NULL;
    k++;
  }
  out->naccesses = k;
  out->accesses = as_arena_memdup(arena, a, k * sizeof *a);
  self->acc.len = 0;
  return status;
}

char *an_sql_from_parts(const char *const *parts, const bool *is_hole, size_t n, as_arena *arena,
                        an_sql_holes *holes) {
  as_buf b = {0};
  AS_ARRAY(uint32_t) offs = {0};
  as_buf_puts(&b, "");
  for (size_t i = 0; i < n; i++) {
    if (is_hole[i]) {
      as_array_push(&offs, (uint32_t)b.len);
      as_buf_putc(&b, '?');
    } else if (parts[i]) {
      as_buf_puts(&b, parts[i]);
    }
  }
  char *text = as_arena_strndup(arena, b.data, b.len);
  if (holes) {
    holes->n = offs.len;
    holes->offsets = as_arena_memdup(arena, offs.items, offs.len * sizeof(uint32_t));
  }
  as_array_free(&offs);
  as_buf_free(&b);
  return text;
}
