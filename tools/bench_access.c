/*
 * bench_access.c — assay-bench-access [--sites N] [--runs R] [--keep]: the
 * data-access graph's figure. Generates, deterministically, one service in a
 * temporary directory: svc/schema.sql (users, orders, sessions, addresses)
 * and Python, JavaScript, Go, Java and C files holding N (default 10000) SQL
 * call sites between them, 150 to a file and 25 to a function, each a
 * different statement (selects with WHERE and JOIN, inserts with column
 * lists, updates, deletes) written as a literal, a module constant (a local
 * constant in C), a concatenation with a value hole (adjacent literals in C)
 * or an f-string/template literal/Sprintf/String.format (a macro in C); one
 * site in 20 cannot be read (PostgreSQL's ILIKE, or an unknown table).
 *
 * Then times, with CLOCK_MONOTONIC, best of R runs (default 3):
 *   - lowering every file with its frontend (tree-sitter, libclang for C)
 *     plus the models pass, which marks the SQL calls;
 *   - an_access_build + an_access_emit over the lowered units (schema load,
 *     statement rebuild, SQLite prepare with the authorizer);
 * and prints the figures and their ratio. Each run is checked untimed: every
 * generated site must be a SQL call in the IR with an access site, and the
 * unresolved statements must be exactly the generated unreadable ones (exit
 * status 1 otherwise). --keep leaves the generated directory in place (its
 * path is printed) for `assay dump-ir DIR/svc FILE`. Exit status 2 is a usage
 * error, 3 a file that cannot be written.
 */
#include "analyses/access.h"
#include "analyses/catalogue.h"
#include "analyses/findings.h"
#include "analyses/flow.h"
#include "analyses/models.h"
#include "frontend/frontend.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define SITES_PER_FILE 150
#define SITES_PER_FUNC 25
#define UNREADABLE_EVERY 20 /* one site in 20 cannot be read: 5% */

typedef enum { B_PY, B_JS, B_GO, B_JAVA, B_C, B_NLANGS } bench_lang;
static const char *const lang_names[B_NLANGS] = {"python", "javascript", "go", "java", "c"};

/* How a site writes its statement. */
typedef enum { F_LITERAL, F_CONST, F_CONCAT, F_FORMAT, F_NFORMS } bench_form;

/* How a bound parameter is spelled. */
typedef enum { P_QMARK, P_PYFORMAT, P_NAMED, P_DOLLAR } bench_param;

typedef struct bench_file {
  bench_lang lang;
  char *relpath;    /* relative to the root: "svc/py/mod_000.py" */
  char *abspath;    /* root/relpath */
  char *in_service; /* relative to the service: "py/mod_000.py" */
  as_buf text;
  size_t lines;
} bench_file;

static char root[4096];
static AS_ARRAY(char *) made_dirs; /* to remove, deepest last */
static AS_ARRAY(char *) made_files;

static double bench_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- statements -------------------------------------------------------------------- */

static const char *const user_cols[] = {"email", "full_name", "phone", "date_of_birth",
                                        "created_at"};
#define NUSER_COLS (sizeof user_cols / sizeof *user_cols)

/* The statement of site i as a template: '?' is a bound parameter, '#' the
 * value hole (a computed part in the concatenation and format forms, a bound
 * parameter in the others). Sets *unreadable for the sites SQLite must
 * refuse. */
static void bench_template(size_t i, as_buf *t, bool *unreadable) {
  const char *c1 = user_cols[i % NUSER_COLS],
             *c2 = user_cols[(i / NUSER_COLS + 1 + i) % NUSER_COLS];
  if (c1 == c2) c2 = user_cols[(i + 1) % NUSER_COLS];
  size_t k = i + 1, block = i / UNREADABLE_EVERY;
  /* One site of each block of 20 cannot be read; its place moves by 5 from
   * block to block so that it takes every form (i % 4) in turn. */
  *unreadable = i % UNREADABLE_EVERY == (block % 4) * 5 + 4;
  if (*unreadable) {
    if ((block + block / 4) % 2 == 0) /* PostgreSQL only */
      as_buf_printf(t, "SELECT id, %s FROM users WHERE %s ILIKE ? AND id > # LIMIT %zu", c1, c1, k);
    else /* no such table */
      as_buf_printf(t, "SELECT id, actor_id FROM audit_log_%zu WHERE actor_id = # AND kind = ?", k);
    return;
  }
  switch ((i / 3) % 10) {
  case 0:
    as_buf_printf(t, "SELECT %s, %s FROM users WHERE id = # AND created_at > ? LIMIT %zu", c1, c2,
                  k);
    break;
  case 1:
    as_buf_printf(t,
                  "SELECT u.%s, o.total_cents, o.status FROM users u JOIN orders o ON o.user_id = "
                  "u.id WHERE o.id = # AND o.status = ? ORDER BY o.created_at LIMIT %zu",
                  c1, k);
    break;
  case 2:
    as_buf_printf(t,
                  "INSERT INTO orders (user_id, total_cents, card_number, status) VALUES (#, ?, ?, "
                  "'new-%zu')",
                  k);
    break;
  case 3:
    as_buf_printf(t, "UPDATE users SET %s = ?, %s = ? WHERE id = # AND created_at < '%zu'", c1, c2,
                  k);
    break;
  case 4:
    as_buf_printf(t, "DELETE FROM sessions WHERE user_id = # AND expires_at < %zu", k);
    break;
  case 5:
    as_buf_printf(t,
                  "SELECT s.token, s.ip_address, u.%s FROM sessions s JOIN users u ON u.id = "
                  "s.user_id WHERE s.id = # LIMIT %zu",
                  c1, k);
    break;
  case 6:
    as_buf_printf(t,
                  "INSERT INTO sessions (user_id, token, ip_address, user_agent, expires_at) "
                  "VALUES (#, ?, ?, ?, %zu)",
                  k);
    break;
  case 7:
    as_buf_printf(t, "UPDATE orders SET status = ?, total_cents = total_cents + %zu WHERE id = #",
                  k);
    break;
  case 8:
    as_buf_printf(t,
                  "SELECT a.city, a.postal_code FROM addresses a WHERE a.user_id = # AND a.id IN "
                  "(SELECT id FROM addresses WHERE country = ?) LIMIT %zu",
                  k);
    break;
  default:
    as_buf_printf(t, "DELETE FROM orders WHERE id = # AND status = 'cancelled-%zu'", k);
    break;
  }
}

/* Append template[from, to) with its parameters (and the hole, when hole is
 * true) spelled in style; *n numbers $N parameters. */
static void bench_sql(as_buf *out, const char *tmpl, size_t from, size_t to, bench_param style,
                      bool hole, int *n) {
  for (size_t p = from; p < to; p++) {
    char c = tmpl[p];
    if (c != '?' && !(hole && c == '#')) {
      as_buf_putc(out, c);
      continue;
    }
    ++*n;
    switch (style) {
    case P_QMARK:
      as_buf_putc(out, '?');
      break;
    case P_PYFORMAT:
      as_buf_puts(out, "%s");
      break;
    case P_NAMED:
      as_buf_printf(out, ":p%d", *n);
      break;
    case P_DOLLAR:
      as_buf_printf(out, "$%d", *n);
      break;
    }
  }
}

/* ---- source files ------------------------------------------------------------------ */

/* Write one site: declarations go to decls (module level), the call to body. */
static void bench_site(bench_lang lang, size_t i, const char *tmpl, as_buf *decls, as_buf *body) {
  bench_form form = (bench_form)(i % F_NFORMS);
  size_t len = strlen(tmpl), h = (size_t)(strchr(tmpl, '#') - tmpl);
  int n = 0;
  switch (lang) {
  case B_PY:
    if (form == F_LITERAL || form == F_CONST) {
      as_buf *b = form == F_CONST ? decls : body;
      as_buf_puts(b, form == F_CONST ? "" : "    cur.execute(");
      if (form == F_CONST) as_buf_printf(b, "Q_%zu = ", i);
      as_buf_putc(b, '"');
      bench_sql(b, tmpl, 0, len, P_PYFORMAT, true, &n);
      as_buf_puts(b, form == F_CONST ? "\"\n" : "\", (uid, 1))\n");
      if (form == F_CONST) as_buf_printf(body, "    cur.execute(Q_%zu, (uid, 1))\n", i);
    } else if (form == F_CONCAT) { /* named parameters: "%" would read as %-formatting */
      as_buf_puts(body, "    cur.execute(\"");
      bench_sql(body, tmpl, 0, h, P_NAMED, false, &n);
      as_buf_puts(body, "\" + str(uid)");
      if (h + 1 < len) {
        as_buf_puts(body, " + \"");
        bench_sql(body, tmpl, h + 1, len, P_NAMED, false, &n);
        as_buf_putc(body, '"');
      }
      as_buf_puts(body, ", {\"p1\": 1, \"p2\": 2, \"p3\": 3})\n");
    } else {
      as_buf_puts(body, "    cur.execute(f\"");
      bench_sql(body, tmpl, 0, h, P_NAMED, false, &n);
      as_buf_puts(body, "{uid}");
      bench_sql(body, tmpl, h + 1, len, P_NAMED, false, &n);
      as_buf_puts(body, "\", {\"p1\": 1, \"p2\": 2, \"p3\": 3})\n");
    }
    break;
  case B_JS:
    if (form == F_LITERAL || form == F_CONST) {
      as_buf *b = form == F_CONST ? decls : body;
      if (form == F_CONST)
        as_buf_printf(b, "const Q_%zu = \"", i);
      else
        as_buf_puts(b, "  await pool.query(\"");
      bench_sql(b, tmpl, 0, len, P_DOLLAR, true, &n);
      as_buf_puts(b, form == F_CONST ? "\";\n" : "\", [uid, 1, 2, 3]);\n");
      if (form == F_CONST) as_buf_printf(body, "  await pool.query(Q_%zu, [uid, 1, 2, 3]);\n", i);
    } else if (form == F_CONCAT) {
      as_buf_puts(body, "  await pool.query(\"");
      bench_sql(body, tmpl, 0, h, P_DOLLAR, false, &n);
      as_buf_puts(body, "\" + uid");
      if (h + 1 < len) {
        as_buf_puts(body, " + \"");
        bench_sql(body, tmpl, h + 1, len, P_DOLLAR, false, &n);
        as_buf_putc(body, '"');
      }
      as_buf_puts(body, ", [1, 2, 3]);\n");
    } else {
      as_buf_puts(body, "  await pool.query(`");
      bench_sql(body, tmpl, 0, h, P_DOLLAR, false, &n);
      as_buf_puts(body, "${uid}");
      bench_sql(body, tmpl, h + 1, len, P_DOLLAR, false, &n);
      as_buf_puts(body, "`, [1, 2, 3]);\n");
    }
    break;
  case B_GO: {
    const char *call = i % 2 ? "\tdb.Exec(" : "\tdb.QueryContext(ctx, ";
    if (form == F_LITERAL || form == F_CONST) {
      as_buf *b = form == F_CONST ? decls : body;
      if (form == F_CONST)
        as_buf_printf(b, "const q%zu = \"", i);
      else
        as_buf_printf(b, "%s\"", call);
      bench_sql(b, tmpl, 0, len, P_QMARK, true, &n);
      as_buf_puts(b, form == F_CONST ? "\"\n" : "\", uid, 1, 2, 3)\n");
      if (form == F_CONST) as_buf_printf(body, "%sq%zu, uid, 1, 2, 3)\n", call, i);
    } else if (form == F_CONCAT) {
      as_buf_printf(body, "%s\"", call);
      bench_sql(body, tmpl, 0, h, P_QMARK, false, &n);
      as_buf_puts(body, "\"+uid");
      if (h + 1 < len) {
        as_buf_puts(body, "+\"");
        bench_sql(body, tmpl, h + 1, len, P_QMARK, false, &n);
        as_buf_putc(body, '"');
      }
      as_buf_puts(body, ", 1, 2, 3)\n");
    } else {
      as_buf_printf(body, "%sfmt.Sprintf(\"", call);
      bench_sql(body, tmpl, 0, h, P_QMARK, false, &n);
      as_buf_puts(body, "%s");
      bench_sql(body, tmpl, h + 1, len, P_QMARK, false, &n);
      as_buf_puts(body, "\", uid), 1, 2, 3)\n");
    }
    break;
  }
  case B_JAVA:
    if (form == F_LITERAL || form == F_CONST) {
      as_buf *b = form == F_CONST ? decls : body;
      if (form == F_CONST)
        as_buf_printf(b, "  static final String Q%zu = \"", i);
      else
        as_buf_puts(b, "    conn.prepareStatement(\"");
      bench_sql(b, tmpl, 0, len, P_QMARK, true, &n);
      as_buf_puts(b, form == F_CONST ? "\";\n" : "\");\n");
      if (form == F_CONST) as_buf_printf(body, "    conn.prepareStatement(Q%zu);\n", i);
    } else if (form == F_CONCAT) {
      as_buf_puts(body, "    conn.prepareStatement(\"");
      bench_sql(body, tmpl, 0, h, P_QMARK, false, &n);
      as_buf_puts(body, "\" + uid");
      if (h + 1 < len) {
        as_buf_puts(body, " + \"");
        bench_sql(body, tmpl, h + 1, len, P_QMARK, false, &n);
        as_buf_putc(body, '"');
      }
      as_buf_puts(body, ");\n");
    } else {
      as_buf_puts(body, "    conn.prepareStatement(String.format(\"");
      bench_sql(body, tmpl, 0, h, P_QMARK, false, &n);
      as_buf_puts(body, "%d");
      bench_sql(body, tmpl, h + 1, len, P_QMARK, false, &n);
      as_buf_puts(body, "\", uid));\n");
    }
    break;
  default: /* C: no value holes, the statement is always known */
    if (form == F_LITERAL) {
      as_buf_puts(body, "  sqlite3_prepare_v2(db, \"");
      bench_sql(body, tmpl, 0, len, P_QMARK, true, &n);
      as_buf_puts(body, "\", -1, &st, NULL);\n");
    } else if (form == F_CONST) {
      as_buf_printf(body, "  const char *q%zu = \"", i);
      bench_sql(body, tmpl, 0, len, P_QMARK, true, &n);
      as_buf_printf(body, "\";\n  sqlite3_prepare_v2(db, q%zu, -1, &st, NULL);\n", i);
    } else if (form == F_CONCAT) {
      as_buf_puts(body, "  sqlite3_prepare_v2(db,\n                     \"");
      bench_sql(body, tmpl, 0, h + 1, P_QMARK, true, &n);
      as_buf_puts(body, "\"\n                     \"");
      bench_sql(body, tmpl, h + 1, len, P_QMARK, true, &n);
      as_buf_puts(body, "\",\n                     -1, &st, NULL);\n");
    } else {
      as_buf_printf(decls, "#define Q%zu \"", i);
      bench_sql(decls, tmpl, 0, h + 1, P_QMARK, true, &n);
      as_buf_puts(decls, "\"\n");
      as_buf_printf(body, "  sqlite3_prepare_v2(db, Q%zu \"", i);
      bench_sql(body, tmpl, h + 1, len, P_QMARK, true, &n);
      as_buf_puts(body, "\", -1, &st, NULL);\n");
    }
    break;
  }
}

static void bench_func_open(bench_lang lang, size_t file, size_t fn, as_buf *b) {
  switch (lang) {
  case B_PY:
    as_buf_printf(b, "\n\ndef query_%zu(cur, uid):\n", fn);
    break;
  case B_JS:
    as_buf_printf(b, "\nasync function query%zu(pool, uid) {\n", fn);
    break;
  case B_GO:
    as_buf_printf(b, "\nfunc Query%zu_%zu(ctx context.Context, db *sql.DB, uid string) {\n", file,
                  fn);
    break;
  case B_JAVA:
    as_buf_printf(b, "\n  void query%zu(Connection conn, long uid) throws Exception {\n", fn);
    break;
  default:
    as_buf_printf(b, "\nvoid query%zu_%zu(sqlite3 *db) {\n  sqlite3_stmt *st;\n", file, fn);
    break;
  }
}

static void bench_func_close(bench_lang lang, as_buf *b) {
  switch (lang) {
  case B_PY:
    break;
  case B_JAVA:
    as_buf_puts(b, "  }\n");
    break;
  case B_C:
    as_buf_puts(b, "  (void)st;\n}\n");
    break;
  default:
    as_buf_puts(b, "}\n");
    break;
  }
}

/* The whole file of sites [first, first + n) of lang, the file-th of it. */
static void bench_source(bench_file *f, size_t file, size_t first, size_t n, size_t *unreadable) {
  as_buf decls = {0}, body = {0}, tmpl = {0};
  for (size_t s = 0; s < n; s++) {
    if (s % SITES_PER_FUNC == 0) {
      if (s) bench_func_close(f->lang, &body);
      bench_func_open(f->lang, file, s / SITES_PER_FUNC, &body);
    }
    bool bad;
    tmpl.len = 0;
    if (tmpl.data) tmpl.data[0] = 0;
    bench_template(first + s, &tmpl, &bad);
    *unreadable += bad;
    bench_site(f->lang, first + s, tmpl.data, &decls, &body);
  }
  bench_func_close(f->lang, &body);
  as_buf *t = &f->text;
  switch (f->lang) {
  case B_PY:
    as_buf_printf(t, "\"\"\"Generated by assay-bench-access.\"\"\"\n\n");
    break;
  case B_JS:
    as_buf_puts(t, "// Generated by assay-bench-access.\n\"use strict\";\n\n");
    break;
  case B_GO:
    as_buf_puts(t, "// Generated by assay-bench-access.\npackage svc\n\nimport (\n\t\"context\"\n"
                   "\t\"database/sql\"\n\t\"fmt\"\n)\n\nvar _ = fmt.Sprintf\n\n");
    break;
  case B_JAVA:
    as_buf_printf(t,
                  "// Generated by assay-bench-access.\npackage com.shop;\n\nimport "
                  "java.sql.Connection;\n\npublic class Dao%03zu {\n",
                  file);
    break;
  default:
    as_buf_puts(t, "/* Generated by assay-bench-access; no headers, so libclang needs none. */\n"
                   "#define NULL ((void *)0)\n"
                   "typedef struct sqlite3 sqlite3;\n"
                   "typedef struct sqlite3_stmt sqlite3_stmt;\n"
                   "int sqlite3_prepare_v2(sqlite3 *db, const char *sql, int n, "
                   "sqlite3_stmt **st, const char **tail);\n\n");
    break;
  }
  if (decls.len) as_buf_put(t, decls.data, decls.len);
  if (body.len) as_buf_put(t, body.data, body.len);
  if (f->lang == B_JAVA) as_buf_puts(t, "}\n");
  for (size_t p = 0; p < t->len; p++)
    f->lines += t->data[p] == '\n';
  as_buf_free(&decls);
  as_buf_free(&body);
  as_buf_free(&tmpl);
}

/* ---- the directory ----------------------------------------------------------------- */

static int bench_mkdir(const char *rel) {
  char *abs = as_sprintf("%s/%s", root, rel);
  if (mkdir(abs, 0700) != 0) {
    fprintf(stderr, "assay-bench-access: cannot create %s: %s\n", abs, strerror(errno));
    free(abs);
    return -1;
  }
  as_array_push(&made_dirs, abs);
  return 0;
}

static int bench_write(const char *abs, const char *data, size_t len) {
  FILE *out = fopen(abs, "wb");
  if (!out) {
    fprintf(stderr, "assay-bench-access: cannot write %s: %s\n", abs, strerror(errno));
    return -1;
  }
  as_array_push(&made_files, as_strdup(abs));
  bool bad = fwrite(data, 1, len, out) != len;
  if (fclose(out) != 0 || bad) {
    fprintf(stderr, "assay-bench-access: cannot write %s\n", abs);
    return -1;
  }
  return 0;
}

static void bench_cleanup(bool keep) {
  for (size_t k = 0; k < made_files.len; k++) {
    if (!keep) remove(made_files.items[k]);
    free(made_files.items[k]);
  }
  for (size_t k = made_dirs.len; k-- > 0;) {
    if (!keep) remove(made_dirs.items[k]);
    free(made_dirs.items[k]);
  }
  if (!keep && root[0]) remove(root);
  as_array_free(&made_files);
  as_array_free(&made_dirs);
}

static const char schema_sql[] = "-- Generated by assay-bench-access.\n"
                                 "CREATE TABLE users (\n"
                                 "  id INTEGER PRIMARY KEY,\n"
                                 "  email TEXT NOT NULL UNIQUE,\n"
                                 "  full_name TEXT,\n"
                                 "  phone TEXT,\n"
                                 "  date_of_birth TEXT,\n"
                                 "  created_at TEXT NOT NULL\n"
                                 ");\n"
                                 "CREATE TABLE orders (\n"
                                 "  id INTEGER PRIMARY KEY,\n"
                                 "  user_id INTEGER NOT NULL REFERENCES users (id),\n"
                                 "  total_cents INTEGER NOT NULL,\n"
                                 "  card_number TEXT,\n"
                                 "  status TEXT NOT NULL,\n"
                                 "  created_at TEXT NOT NULL\n"
                                 ");\n"
                                 "CREATE TABLE sessions (\n"
                                 "  id INTEGER PRIMARY KEY,\n"
                                 "  user_id INTEGER NOT NULL REFERENCES users (id),\n"
                                 "  token TEXT NOT NULL,\n"
                                 "  ip_address TEXT,\n"
                                 "  user_agent TEXT,\n"
                                 "  expires_at INTEGER\n"
                                 ");\n"
                                 "CREATE TABLE addresses (\n"
                                 "  id INTEGER PRIMARY KEY,\n"
                                 "  user_id INTEGER NOT NULL REFERENCES users (id),\n"
                                 "  street TEXT,\n"
                                 "  city TEXT,\n"
                                 "  postal_code TEXT,\n"
                                 "  country TEXT\n"
                                 ");\n"
                                 "CREATE INDEX orders_user ON orders (user_id);\n";

/* ---- lowering ---------------------------------------------------------------------- */

/* As analyses/scan.c lowers a file of a service (module names included). */
static ir_unit *bench_lower(as_intern *strings, const bench_file *f) {
  const char *in = f->in_service;
  switch (f->lang) {
  case B_PY: {
    char *module = fe_python_module_name(in);
    ir_unit *u = fe_python_lower(strings, f->relpath, module, f->text.data, f->text.len);
    free(module);
    return u;
  }
  case B_JS: {
    const char *dot = strrchr(in, '.');
    char *module = dot ? as_strndup(in, (size_t)(dot - in)) : as_strdup(in);
    ir_unit *u = fe_javascript_lower(strings, f->relpath, module, f->text.data, f->text.len);
    free(module);
    return u;
  }
  case B_GO:
  case B_JAVA: {
    const char *slash = strrchr(in, '/');
    char *module = slash ? as_strndup(in, (size_t)(slash - in)) : as_strdup(".");
    if (f->lang == B_JAVA)
      for (char *p = module; *p; p++)
        if (*p == '/') *p = '.';
    ir_unit *u = f->lang == B_GO
                     ? fe_go_lower(strings, f->relpath, module, f->text.data, f->text.len)
                     : fe_java_lower(strings, f->relpath, module, f->text.data, f->text.len);
    free(module);
    return u;
  }
  default: {
    ir_unit *u = fe_c_lower(strings, f->relpath, f->abspath, f->text.data, f->text.len, NULL, 0);
    u->module = ir_str(u, in);
    return u;
  }
  }
}

static bool bench_unreadable_text(const char *statement) {
  return statement && (strstr(statement, " ILIKE ") || strstr(statement, "audit_log_"));
}

/* The untimed check of one run; prints what is wrong and returns false. */
static bool bench_check(ir_unit *const *units, size_t nunits, const an_access_set *set,
                        const an_result *res, size_t nsites, size_t want_unresolved,
                        size_t *resolved, size_t *unresolved) {
  size_t calls = 0, missing = 0, wrong = 0;
  *resolved = *unresolved = 0;
  for (size_t x = 0; x < nunits; x++) {
    const ir_unit *u = units[x];
    for (uint32_t f = 0; f < u->nfuncs; f++) {
      const ir_func *fn = u->funcs[f];
      for (uint32_t i = 0; i < fn->ninsts; i++) {
        const ir_inst *in = &fn->insts[i];
        if (in->op != IR_CALL || !in->fact_sql) continue;
        calls++;
        const an_access_site *site = an_access_site_of(set, in);
        if (!site) {
          if (missing++ < 5)
            fprintf(stderr, "assay-bench-access: %s:%u: SQL call without an access site\n", u->path,
                    in->loc.line);
          continue;
        }
        if (site->unresolved)
          ++*unresolved;
        else
          ++*resolved;
        if (!site->unresolved != !bench_unreadable_text(site->statement) && wrong++ < 10)
          fprintf(stderr, "assay-bench-access: %s:%u: %s: %s\n", u->path, in->loc.line,
                  site->unresolved ? site->unresolved : "read, but meant to be unreadable",
                  site->statement ? site->statement : "(no statement)");
      }
    }
  }
  bool ok = true;
  if (calls != nsites) {
    fprintf(stderr, "assay-bench-access: %zu SQL calls in the IR, %zu sites generated\n", calls,
            nsites);
    ok = false;
  }
  if (missing || wrong) {
    fprintf(stderr, "assay-bench-access: %zu calls without a site, %zu sites read wrongly\n",
            missing, wrong);
    ok = false;
  }
  if (*unresolved != want_unresolved || res->nunresolved_access != want_unresolved) {
    fprintf(stderr,
            "assay-bench-access: %zu unresolved sites (%zu in the result), %zu generated "
            "unreadable\n",
            *unresolved, res->nunresolved_access, want_unresolved);
    ok = false;
  }
  if (res->ntables != 4) {
    fprintf(stderr, "assay-bench-access: %zu tables in the schema, 4 generated\n", res->ntables);
    ok = false;
  }
  return ok;
}

static void usage(void) {
  fprintf(stderr, "usage: assay-bench-access [--sites N] [--runs R] [--keep]\n");
}

int main(int argc, char **argv) {
  size_t nsites = 10000, runs = 3;
  bool keep = false;
  for (int a = 1; a < argc; a++) {
    if ((strcmp(argv[a], "--sites") == 0 || strcmp(argv[a], "--runs") == 0) && a + 1 < argc) {
      char *end;
      unsigned long v = strtoul(argv[a + 1], &end, 10);
      if (*end || v == 0) {
        usage();
        return 2;
      }
      *(strcmp(argv[a], "--sites") == 0 ? &nsites : &runs) = (size_t)v;
      a++;
    } else if (strcmp(argv[a], "--keep") == 0) {
      keep = true;
    } else {
      usage();
      return 2;
    }
  }

  const char *tmp = getenv("TMPDIR");
  snprintf(root, sizeof root, "%s/assay-bench-access.XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (!mkdtemp(root)) {
    fprintf(stderr, "assay-bench-access: cannot create a directory in %s: %s\n",
            tmp && *tmp ? tmp : "/tmp", strerror(errno));
    return 3;
  }
  static const char *const dirs[] = {
      "svc",  "svc/py", "svc/js", "svc/go", "svc/java", "svc/java/com", "svc/java/com/shop",
      "svc/c"};
  int rc = 0;
  for (size_t d = 0; d < sizeof dirs / sizeof *dirs && rc == 0; d++)
    if (bench_mkdir(dirs[d]) != 0) rc = 3;
  char *schema_abs = as_sprintf("%s/svc/schema.sql", root);
  if (rc == 0 && bench_write(schema_abs, schema_sql, sizeof schema_sql - 1) != 0) rc = 3;
  free(schema_abs);

  /* Sites [0, nsites) go to the languages in turn, a fifth each. */
  AS_ARRAY(bench_file) files = {0};
  size_t per_lang[B_NLANGS] = {0}, lines_of[B_NLANGS] = {0}, lines = 0, want_unresolved = 0;
  size_t first = 0;
  for (int l = 0; l < B_NLANGS && rc == 0; l++) {
    per_lang[l] = nsites / B_NLANGS + ((size_t)l < nsites % B_NLANGS);
    for (size_t done = 0, file = 0; done < per_lang[l]; done += SITES_PER_FILE, file++) {
      size_t n = per_lang[l] - done < SITES_PER_FILE ? per_lang[l] - done : SITES_PER_FILE;
      bench_file f = {0};
      f.lang = (bench_lang)l;
      switch (f.lang) {
      case B_PY:
        f.in_service = as_sprintf("py/mod_%03zu.py", file);
        break;
      case B_JS:
        f.in_service = as_sprintf("js/queries_%03zu.js", file);
        break;
      case B_GO:
        f.in_service = as_sprintf("go/queries_%03zu.go", file);
        break;
      case B_JAVA:
        f.in_service = as_sprintf("java/com/shop/Dao%03zu.java", file);
        break;
      default:
        f.in_service = as_sprintf("c/queries_%03zu.c", file);
        break;
      }
      f.relpath = as_sprintf("svc/%s", f.in_service);
      f.abspath = as_sprintf("%s/%s", root, f.relpath);
      bench_source(&f, file, first + done, n, &want_unresolved);
      lines_of[l] += f.lines;
      lines += f.lines;
      as_array_push(&files, f);
      if (bench_write(f.abspath, f.text.data, f.text.len) != 0) {
        rc = 3;
        break;
      }
    }
    first += per_lang[l];
  }
  if (keep) fprintf(stderr, "assay-bench-access: generated service kept in %s/svc\n", root);

  an_models *models = an_models_new_default();
  an_catalogue *cat = an_catalogue_new_default();
  ir_unit **units = as_calloc(files.len ? files.len : 1, sizeof *units);
  double best_lower = -1, best_extract = -1, best_lang[B_NLANGS];
  size_t resolved = 0, unresolved = 0, naccesses = 0;
  for (int l = 0; l < B_NLANGS; l++)
    best_lang[l] = -1;
  for (size_t run = 0; run < runs && rc == 0; run++) {
    as_intern *strings = as_intern_new();
    double lang_s[B_NLANGS] = {0};
    double start = bench_now();
    for (size_t k = 0; k < files.len; k++) {
      double t0 = bench_now();
      units[k] = bench_lower(strings, &files.items[k]);
      an_models_apply(models, units[k]);
      lang_s[files.items[k].lang] += bench_now() - t0;
    }
    double lower_s = bench_now() - start;
    for (size_t k = 0; k < files.len && rc == 0; k++)
      if (units[k]->failed) {
        const as_diag *d = units[k]->ndiags ? &units[k]->diags[0] : NULL;
        fprintf(stderr, "assay-bench-access: %s does not parse: %s\n", files.items[k].relpath,
                d ? d->message : "?");
        rc = 1;
      }

    if (rc == 0) {
      an_flow_service svc = {"svc", units, files.len};
      const char *const schema_files[] = {"svc/schema.sql"};
      const char *const roots[] = {"svc"};
      an_result *res = an_result_new();
      start = bench_now();
      an_access_set *set = an_access_build(root, &svc, 1, schema_files, 1, roots, cat, res);
      an_access_emit(set, res);
      double extract_s = bench_now() - start;
      if (!bench_check(units, files.len, set, res, nsites, want_unresolved, &resolved, &unresolved))
        rc = 1;
      naccesses = res->naccesses;
      an_access_delete(set);
      an_result_delete(res);
      if (best_extract < 0 || extract_s < best_extract) best_extract = extract_s;
      if (best_lower < 0 || lower_s < best_lower) best_lower = lower_s;
      for (int l = 0; l < B_NLANGS; l++)
        if (best_lang[l] < 0 || lang_s[l] < best_lang[l]) best_lang[l] = lang_s[l];
    }
    for (size_t k = 0; k < files.len; k++) {
      ir_unit_delete(units[k]);
      units[k] = NULL;
    }
    as_intern_delete(strings);
  }

  if (rc == 0) {
    printf("sites: %zu (python %zu, javascript %zu, go %zu, java %zu, c %zu), statements "
           "resolved %zu, unresolved %zu\n",
           nsites, per_lang[B_PY], per_lang[B_JS], per_lang[B_GO], per_lang[B_JAVA], per_lang[B_C],
           resolved, unresolved);
    printf("files: %zu, lines: %zu, access rows: %zu, best of %zu runs\n", files.len, lines,
           naccesses, runs);
    double lower_rate = best_lower > 0 ? (double)lines / best_lower : 0.0;
    double extract_rate = best_extract > 0 ? (double)nsites / best_extract : 0.0;
    double lowered_sites = best_lower > 0 ? (double)nsites / best_lower : 0.0;
    printf("lower+models: %.3f s, %.0f lines/s (%.0f sites/s)\n", best_lower, lower_rate,
           lowered_sites);
    for (int l = 0; l < B_NLANGS; l++)
      printf("  %-10s %8.3f s, %10.0f lines/s (%.0f sites/s)\n", lang_names[l], best_lang[l],
             best_lang[l] > 0 ? (double)lines_of[l] / best_lang[l] : 0.0,
             best_lang[l] > 0 ? (double)per_lang[l] / best_lang[l] : 0.0);
    printf("access extraction: %.3f s, %.0f statements/s\n", best_extract, extract_rate);
    printf("ratio extraction/lowering: time %.3f, throughput %.2f (statements/s over sites "
           "lowered/s)\n",
           best_lower > 0 ? best_extract / best_lower : 0.0,
           lowered_sites > 0 ? extract_rate / lowered_sites : 0.0);
  }

  free(units);
  an_catalogue_delete(cat);
  an_models_delete(models);
  for (size_t k = 0; k < files.len; k++) {
    free(files.items[k].relpath);
    free(files.items[k].abspath);
    free(files.items[k].in_service);
    as_buf_free(&files.items[k].text);
  }
  as_array_free(&files);
  bench_cleanup(keep);
  return rc;
}
