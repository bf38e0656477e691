/* test_sql.c — SQL access through SQLite's authorizer: the schema loaded from
 * tests/sql/, then the exact accesses of each kind of statement. */
#include "check.h"
#include "analyses/sql.h"

#include <string.h>

static an_catalogue *cat;

/* A schema from tests/sql/schema.sql and the migration. */
static an_schema *fixture(void) {
  an_schema *s = an_schema_new();
  const char *files[] = {"tests/sql/schema.sql", "tests/sql/migrations/0001_audit.sql"};
  for (size_t i = 0; i < 2; i++) {
    char *text;
    size_t len;
    if (as_read_file(files[i], &text, &len) != 0) {
      fprintf(stderr, "cannot read %s\n", files[i]);
      abort();
    }
    an_schema_add_sql(s, text, files[i]);
    free(text);
  }
  return s;
}

/* "table.column op [category]" per access, one a line; "table.* op" for a
 * whole row; then "unresolved: reason" when there is one. */
static char *summary(const an_sql_result *r) {
  as_buf b = {0};
  as_buf_puts(&b, "");
  for (size_t i = 0; i < r->naccesses; i++) {
    const an_sql_item *a = &r->accesses[i];
    as_buf_printf(&b, "%s.%s %s%s%s\n", a->table, a->column ? a->column : "*",
                  an_sql_op_name(a->op), a->category ? " " : "", a->category ? a->category : "");
  }
  if (r->unresolved) as_buf_printf(&b, "unresolved: %s\n", r->unresolved);
  return b.data;
}

static as_arena *arena;

#define EXPECT_ACCESS(schema, sql, holes, status, text)                                            \
  do {                                                                                             \
    an_sql_result r_;                                                                              \
    CHECK_INT(an_sql_access(schema, sql, holes, cat, arena, &r_), status);                         \
    char *s_ = summary(&r_);                                                                       \
    CHECK_STR(s_, text);                                                                           \
    free(s_);                                                                                      \
  } while (0)

static void test_schema_load(void) {
  an_schema *s = an_schema_new();
  char *text;
  size_t len;
  CHECK_INT(as_read_file("tests/sql/schema.sql", &text, &len), 0);
  /* users, orders, the index, the view, ADD COLUMN */
  CHECK_INT(an_schema_add_sql(s, text, "db/schema.sql"), 5);
  free(text);
  size_t n;
  const as_diag *d = an_schema_diags(s, &n);
  as_buf b = {0};
  for (size_t i = 0; i < n; i++)
    as_buf_printf(&b, "%s:%u:%u %s %s %s\n", d[i].path, d[i].line, d[i].col,
                  as_diag_level_name(d[i].level), d[i].code, d[i].message);
  CHECK_STR(b.data,
            "db/schema.sql:3:1 warning sql-rejected near \"EXTENSION\": syntax error: CREATE "
            "EXTENSION IF NOT EXISTS pgcrypto;\n"
            "db/schema.sql:21:1 warning sql-rejected near \"(\": syntax error: CREATE TABLE "
            "sessions ( id uuid PRIMARY KEY DEFAULT gen_rand\n"
            "db/schema.sql:30:1 warning sql-rejected near \"CONSTRAINT\": syntax error: ALTER "
            "TABLE users ADD CONSTRAINT users_email_key UNIQUE USIN\n"
            "db/schema.sql:31:1 note sql-skipped not loaded (INSERT): INSERT INTO users (email) "
            "VALUES ('seed@example.com');\n"
            "db/schema.sql:31:56 note sql-skipped not loaded (PRAGMA): PRAGMA foreign_keys = ON;\n"
            "db/schema.sql:32:1 note sql-skipped not loaded (CREATE TRIGGER): CREATE TRIGGER "
            "users_touch AFTER UPDATE ON users BEGIN UPDAT\n"
            "db/schema.sql:35:1 note sql-skipped not loaded (DROP TABLE): DROP TABLE orders;\n");
  as_buf_free(&b);

  const char *const *cols;
  size_t nc = an_schema_columns(s, "users", &cols);
  CHECK_INT(nc, 6);
  if (nc == 6) {
    CHECK_STR(cols[0], "id");
    CHECK_STR(cols[1], "email");
    CHECK_STR(cols[2], "full_name");
    CHECK_STR(cols[3], "password_hash");
    CHECK_STR(cols[4], "created_at");
    CHECK_STR(cols[5], "phone");
  }
  nc = an_schema_columns(s, "ORDER_EMAILS", &cols); /* a view, any case */
  CHECK_INT(nc, 2);
  if (nc == 2) {
    CHECK_STR(cols[0], "order_id");
    CHECK_STR(cols[1], "email");
  }
  CHECK_INT(an_schema_columns(s, "sessions", &cols), 0);
  CHECK(cols == NULL);

  const char *const *tables;
  size_t nt = an_schema_tables(s, &tables);
  CHECK_INT(nt, 3);
  if (nt == 3) {
    CHECK_STR(tables[0], "order_emails");
    CHECK_STR(tables[1], "orders");
    CHECK_STR(tables[2], "users");
  }

  /* Statements split across calls keep their own origins and lines. */
  CHECK_INT(an_schema_add_sql(s, "\n\n  CREATE TABLE users(x);\nSELECT 1", "b.sql"), 0);
  d = an_schema_diags(s, &n);
  CHECK_INT(n, 9);
  if (n == 9) {
    CHECK_STR(d[7].path, "b.sql");
    CHECK_INT(d[7].line, 3);
    CHECK_INT(d[7].col, 3);
    CHECK_STR(d[7].message, "table users already exists: CREATE TABLE users(x);");
    CHECK_INT(d[8].line, 4);
    CHECK_STR(d[8].message, "not loaded (SELECT): SELECT 1");
  }
  an_schema_delete(s);
}

static void test_select(void) {
  an_schema *s = fixture();
  /* joins and aliases */
  EXPECT_ACCESS(s,
                "SELECT u.email, o.total_cents FROM users AS u JOIN orders o ON o.user_id = u.id "
                "WHERE u.full_name = ?",
                NULL, 0,
                "orders.total_cents read\n"
                "orders.user_id read user.unique_id\n"
                "users.email read user.contact.email\n"
                "users.full_name read user.name\n"
                "users.id read\n");
  /* a subquery, MySQL backticks */
  EXPECT_ACCESS(s,
                "SELECT `shipping_address` FROM `orders` WHERE user_id IN "
                "(SELECT id FROM users WHERE phone = ?)",
                NULL, 0,
                "orders.shipping_address read user.contact.address\n"
                "orders.user_id read user.unique_id\n"
                "users.id read\n"
                "users.phone read user.contact.phone_number\n");
  /* SELECT * reads every column; password_hash is not personal data for the
   * catalogue (no pattern), so it has no category */
  EXPECT_ACCESS(s, "SELECT * FROM users", NULL, 0,
                "users.created_at read\n"
                "users.email read user.contact.email\n"
                "users.full_name read user.name\n"
                "users.id read\n"
                "users.password_hash read\n"
                "users.phone read user.contact.phone_number\n");
  /* no column at all: a table-level read */
  EXPECT_ACCESS(s, "SELECT count(*) FROM audit_log", NULL, 0, "audit_log.* read\n");
  /* CTEs: the CTE's own name is not a table */
  EXPECT_ACCESS(s,
                "WITH big AS (SELECT user_id FROM orders WHERE total_cents > 100) "
                "SELECT email FROM users WHERE id IN (SELECT user_id FROM big)",
                NULL, 0,
                "orders.total_cents read\n"
                "orders.user_id read user.unique_id\n"
                "users.email read user.contact.email\n"
                "users.id read\n");
  /* a view: SQLite reports the view's columns and the underlying ones it
   * uses (both the select list and the join) */
  EXPECT_ACCESS(s, "SELECT email FROM order_emails", NULL, 0,
                "order_emails.email read user.contact.email\n"
                "orders.id read\n"
                "orders.user_id read user.unique_id\n"
                "users.email read user.contact.email\n"
                "users.id read\n");
  /* kinds */
  an_sql_result r;
  CHECK_INT(an_sql_access(s, "SELECT id FROM users", NULL, cat, arena, &r), 0);
  CHECK_INT(r.kinds, AN_SQL_KIND_SELECT);
  CHECK_INT(r.nstatements, 1);
  CHECK(r.unresolved == NULL);
  CHECK_INT(r.unresolved_offset, -1);
  an_schema_delete(s);
}

static void test_writes(void) {
  an_schema *s = fixture();
  /* INSERT with a column list: the row and the listed columns, spelled as
   * the schema spells them */
  EXPECT_ACCESS(s, "INSERT INTO users (EMAIL, \"full_name\") VALUES (?, ?)", NULL, 0,
                "users.* write\n"
                "users.email write user.contact.email\n"
                "users.full_name write user.name\n");
  /* schema-qualified, aliased, quoted with brackets, OR REPLACE */
  EXPECT_ACCESS(s, "INSERT OR REPLACE INTO main.orders AS o ([user_id], total_cents) VALUES (?, ?)",
                NULL, 0,
                "orders.* write\n"
                "orders.total_cents write\n"
                "orders.user_id write user.unique_id\n");
  /* without a column list: every column */
  EXPECT_ACCESS(s, "INSERT INTO audit_log VALUES (?, ?, ?)", NULL, 0,
                "audit_log.* write\n"
                "audit_log.action write\n"
                "audit_log.actor_email write user.contact.email\n"
                "audit_log.id write\n");
  /* INSERT ... SELECT */
  EXPECT_ACCESS(s, "INSERT INTO audit_log (actor_email, action) SELECT email, 'x' FROM users", NULL,
                0,
                "audit_log.* write\n"
                "audit_log.action write\n"
                "audit_log.actor_email write user.contact.email\n"
                "users.email read user.contact.email\n");
  EXPECT_ACCESS(s, "UPDATE users SET email = ?, full_name = ? WHERE id = ?", NULL, 0,
                "users.email write user.contact.email\n"
                "users.full_name write user.name\n"
                "users.id read\n");
  EXPECT_ACCESS(s, "DELETE FROM orders WHERE user_id = ?", NULL, 0,
                "orders.* write\n"
                "orders.user_id read user.unique_id\n");
  /* upsert: DO UPDATE SET columns come from the authorizer; the conflict
   * target is read */
  EXPECT_ACCESS(s,
                "INSERT INTO users (email, full_name) VALUES (?, ?) "
                "ON CONFLICT (email) DO UPDATE SET full_name = excluded.full_name",
                NULL, 0,
                "users.* write\n"
                "users.email read user.contact.email\n"
                "users.email write user.contact.email\n"
                "users.full_name write user.name\n");
  /* SQLite generates no DO UPDATE when the conflict target is the rowid
   * and the INSERT does not set it (no conflict is possible): no write of
   * phone is reported */
  EXPECT_ACCESS(s, "INSERT INTO users (email) VALUES (?) ON CONFLICT (id) DO UPDATE SET phone = ?",
                NULL, 0,
                "users.* write\n"
                "users.email write user.contact.email\n"
                "users.id read\n");
  an_sql_result r;
  CHECK_INT(an_sql_access(s,
                          "INSERT INTO users (email) VALUES (?) ON CONFLICT (email) DO UPDATE "
                          "SET phone = ?",
                          NULL, cat, arena, &r),
            0);
  CHECK_INT(r.kinds, AN_SQL_KIND_INSERT | AN_SQL_KIND_UPDATE);
  an_schema_delete(s);
}

static void test_several_statements(void) {
  an_schema *s = fixture();
  an_sql_result r;
  CHECK_INT(
      an_sql_access(s, "SELECT email FROM users; ; DELETE FROM audit_log;", NULL, cat, arena, &r),
      0);
  CHECK_INT(r.nstatements, 2);
  CHECK_INT(r.kinds, AN_SQL_KIND_SELECT | AN_SQL_KIND_DELETE);
  char *t = summary(&r);
  CHECK_STR(t, "audit_log.* write\nusers.email read user.contact.email\n");
  free(t);
  /* the second fails: the first one's accesses are kept */
  CHECK_INT(an_sql_access(s, "SELECT email FROM users; SELECT x FROM nope", NULL, cat, arena, &r),
            -1);
  t = summary(&r);
  CHECK_STR(t, "users.email read user.contact.email\nunresolved: no such table: nope\n");
  free(t);
  CHECK_INT(r.nstatements, 1);
  /* DDL at a call site: SQLite's bookkeeping is not an access */
  CHECK_INT(
      an_sql_access(s, "CREATE TABLE IF NOT EXISTS kv (k TEXT, v TEXT)", NULL, cat, arena, &r), 0);
  CHECK_INT(r.kinds, AN_SQL_KIND_DDL);
  CHECK_INT(r.naccesses, 0);
  const char *const *cols;
  CHECK_INT(an_schema_columns(s, "kv", &cols), 0); /* prepared, not created */
  an_schema_delete(s);
}

static void test_unresolved(void) {
  an_schema *s = fixture();
  EXPECT_ACCESS(s, "SELECT id::text FROM users", NULL, -1,
                "unresolved: unrecognized token: \":\"\n");
  EXPECT_ACCESS(s, "SELECT id FROM users WHERE email ILIKE ?", NULL, -1,
                "unresolved: near \"ILIKE\": syntax error\n");
  EXPECT_ACCESS(s, "INSERT INTO users (email) VALUES (?) RETURNING id::text", NULL, -1,
                "unresolved: unrecognized token: \":\"\n");
  EXPECT_ACCESS(s, "SELECT * FROM sessions WHERE id = ?", NULL, -1,
                "unresolved: no such table: sessions\n");
  EXPECT_ACCESS(s, "SELECT nickname FROM users", NULL, -1,
                "unresolved: no such column: nickname\n");
  EXPECT_ACCESS(s, "PRAGMA foreign_keys = OFF", NULL, -1,
                "unresolved: not a data access: PRAGMA\n");
  an_sql_result r;
  CHECK_INT(an_sql_access(s, "SELECT id FROM users WHERE email ILIKE ?", NULL, cat, arena, &r), -1);
  CHECK_INT(r.unresolved_offset, 33);
  CHECK_INT(r.kinds, 0); /* the SELECT seen before the error does not count */
  CHECK_INT(r.naccesses, 0);
  an_schema_delete(s);
}

static void test_holes(void) {
  an_schema *s = fixture();
  an_sql_holes h;
  /* a value hole: f"SELECT email FROM users WHERE id = {uid}" */
  const char *p1[] = {"SELECT email FROM users WHERE id = ", "uid"};
  const bool h1[] = {false, true};
  char *sql = an_sql_from_parts(p1, h1, 2, arena, &h);
  CHECK_STR(sql, "SELECT email FROM users WHERE id = ?");
  CHECK_INT(h.n, 1);
  CHECK_INT(h.offsets[0], 35);
  EXPECT_ACCESS(s, sql, &h, 0, "users.email read user.contact.email\nusers.id read\n");
  /* a table-name hole: "SELECT email FROM " + table + " WHERE id = ?" */
  const char *p2[] = {"SELECT email FROM ", "table", " WHERE id = ?"};
  const bool h2[] = {false, true, false};
  sql = an_sql_from_parts(p2, h2, 3, arena, &h);
  CHECK_STR(sql, "SELECT email FROM ? WHERE id = ?");
  EXPECT_ACCESS(s, sql, &h, -1, "unresolved: " AN_SQL_DYNAMIC_REASON "\n");
  /* without the holes, SQLite's own message */
  EXPECT_ACCESS(s, sql, NULL, -1, "unresolved: near \"?\": syntax error\n");
  /* a hole glued to a name: "SELECT * FROM orders_" + year */
  const char *p3[] = {"SELECT * FROM orders_", "year"};
  const bool h3[] = {false, true};
  sql = an_sql_from_parts(p3, h3, 2, arena, &h);
  EXPECT_ACCESS(s, sql, &h, -1, "unresolved: " AN_SQL_DYNAMIC_REASON "\n");
  /* a column-list hole in an INSERT */
  const char *p4[] = {"INSERT INTO users (", "cols", ") VALUES (", "vals", ")"};
  const bool h4[] = {false, true, false, true, false};
  sql = an_sql_from_parts(p4, h4, 5, arena, &h);
  CHECK_INT(h.n, 2);
  EXPECT_ACCESS(s, sql, &h, -1, "unresolved: " AN_SQL_DYNAMIC_REASON "\n");
  /* an error elsewhere than at a hole keeps SQLite's message */
  const char *p5[] = {"SELECT email FROM nope WHERE id = ", "uid"};
  sql = an_sql_from_parts(p5, h1, 2, arena, &h);
  EXPECT_ACCESS(s, sql, &h, -1, "unresolved: no such table: nope\n");
  an_schema_delete(s);
}

/* Nothing is executed: d has two equal rows (from CREATE TABLE AS, which the
 * schema loader allows), so a UNIQUE index on it can be built only if the
 * rows are gone. */
static void test_nothing_executed(void) {
  an_schema *s = an_schema_new();
  CHECK_INT(an_schema_add_sql(s, "CREATE TABLE d AS SELECT 1 AS a UNION ALL SELECT 1;", "d.sql"),
            1);
  EXPECT_ACCESS(s, "DELETE FROM d", NULL, 0, "d.* write\n");
  EXPECT_ACCESS(s, "UPDATE d SET a = rowid", NULL, 0, "d.ROWID read\nd.a write\n");
  CHECK_INT(an_schema_add_sql(s, "CREATE UNIQUE INDEX dx ON d (a);", "d.sql"), 0);
  size_t n;
  const as_diag *d = an_schema_diags(s, &n);
  CHECK_INT(n, 1);
  if (n == 1)
    CHECK_STR(d[0].message, "UNIQUE constraint failed: d.a: CREATE UNIQUE INDEX dx ON d (a);");
  /* The loader refused the INSERT: the same index then builds on t. */
  CHECK_INT(an_schema_add_sql(s,
                              "CREATE TABLE t (a); INSERT INTO t VALUES (1), (1); "
                              "ATTACH 'x.db' AS x; SELECT load_extension('x'); "
                              "CREATE UNIQUE INDEX tx ON t (a);",
                              "t.sql"),
            2);
  d = an_schema_diags(s, &n);
  CHECK_INT(n, 4);
  if (n == 4) {
    CHECK_STR(d[1].message, "not loaded (INSERT): INSERT INTO t VALUES (1), (1);");
    CHECK_STR(d[2].message, "not loaded (ATTACH): ATTACH 'x.db' AS x;");
    CHECK_STR(d[3].message, "not loaded (SELECT): SELECT load_extension('x');");
  }
  an_schema_delete(s);
}

int main(void) {
  cat = an_catalogue_new_default();
  arena = as_arena_new();
  test_schema_load();
  test_select();
  test_writes();
  test_several_statements();
  test_unresolved();
  test_holes();
  test_nothing_executed();
  as_arena_delete(arena);
  an_catalogue_delete(cat);
  return CHECK_DONE();
}
