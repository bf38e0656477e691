/*
 * sql.h — which tables and columns an SQL statement reads and writes, found
 * with SQLite's own parser rather than a hand-written one.
 *
 * An an_schema holds an in-memory SQLite database built from the repository's
 * CREATE TABLE / CREATE VIEW / CREATE INDEX statements (and ALTER TABLE, which
 * migrations use to add columns). A statement met at a call site is prepared
 * against that database — never stepped — with an authorizer callback that
 * SQLite calls for every table and column the statement reads or writes. What
 * SQLite cannot prepare (another dialect, an unknown table, a computed part
 * where an identifier belongs) is returned as unresolved with the reason.
 *
 * Nothing but schema DDL is ever executed: while the schema loads, an
 * authorizer denies every other action (INSERT, UPDATE, DELETE of user tables,
 * DROP, PRAGMA, ATTACH, triggers, transactions), and extension loading stays
 * off. A schema handle is used by one thread at a time.
 */
#ifndef ASSAY_SQL_H
#define ASSAY_SQL_H

#include "../ir/base.h"
#include "catalogue.h"

typedef struct an_schema an_schema;

/* A schema with an empty in-memory database. Aborts when SQLite cannot open
 * one (out of memory). Free with an_schema_delete. */
an_schema *an_schema_new(void);
void an_schema_delete(an_schema *self); /* NULL is safe */

/* Split text (a .sql file, a migration) into statements with SQLite's own
 * tokenizer (sqlite3_prepare_v2's tail, sqlite3_complete after an error) and
 * apply the schema DDL among them, in order. origin names the text in
 * diagnostics (a path relative to the scan root); it is copied.
 * - A statement SQLite rejects (PostgreSQL's CREATE EXTENSION, a DEFAULT that
 *   calls a function, ADD CONSTRAINT ... USING INDEX) is a warning with code
 *   "sql-rejected": "<sqlite message>: <first 60 bytes of the statement>".
 * - A statement SQLite accepts but that is not schema DDL (INSERT of seed data,
 *   PRAGMA, BEGIN, DROP, CREATE TRIGGER) is not executed: a note with code
 *   "sql-skipped": "not loaded (<ACTION>): <first 60 bytes>".
 * Diagnostics carry origin and the 1-based line and column where the statement
 * starts. Returns the number of statements applied. Never fails as a whole. */
size_t an_schema_add_sql(an_schema *self, const char *text, const char *origin);

/* The diagnostics recorded so far, in order; owned by the schema. */
const as_diag *an_schema_diags(const an_schema *self, size_t *n);

/* The table's columns in declaration order (PRAGMA table_info), spelled as
 * the schema declares them; 0 and *out = NULL when there is no such table or
 * view (matched case-insensitively, like SQLite). The array and its strings
 * are owned by the schema; the array is valid until the next
 * an_schema_add_sql, the strings as long as the schema. */
size_t an_schema_columns(an_schema *self, const char *table, const char *const **out);

/* The names of the tables and views, sorted; same ownership as
 * an_schema_columns. Internal sqlite_* tables are left out. */
size_t an_schema_tables(an_schema *self, const char *const **out);

/* Where the table or view was first created: the origin given to
 * an_schema_add_sql and the line of its CREATE statement. False when the
 * schema has no such table. path is owned by the schema. */
bool an_schema_table_origin(an_schema *self, const char *table, const char **path, uint32_t *line);

/* ---- access of one statement ------------------------------------------------ */

typedef enum { AN_SQL_READ, AN_SQL_WRITE } an_sql_op;
const char *an_sql_op_name(an_sql_op op); /* "read", "write" */

/* Kinds of statement SQLite reported while preparing (bits of kinds). */
enum {
  AN_SQL_KIND_SELECT = 1,
  AN_SQL_KIND_INSERT = 2,
  AN_SQL_KIND_UPDATE = 4,
  AN_SQL_KIND_DELETE = 8,
  AN_SQL_KIND_DDL = 16, /* CREATE, DROP, ALTER at a call site */
};

/* One access of a statement. */
typedef struct an_sql_item {
  const char *table;  /* as the schema spells it */
  const char *column; /* NULL: the whole row (INSERT, DELETE) or the table
                         without any column (SELECT count(*) FROM t) */
  an_sql_op op;
  const char *category; /* fideslang category of column, or NULL */
} an_sql_item;

/* The byte offsets in a statement's text of the '?' that stand for computed
 * parts (concatenation, formatting), in increasing order. */
typedef struct an_sql_holes {
  const uint32_t *offsets;
  size_t n;
} an_sql_holes;

typedef struct an_sql_result {
  /* Sorted by (table, column with NULL first, op) and unique. A table-level
   * read (column NULL) is kept only when no column of the table is read. */
  an_sql_item *accesses;
  size_t naccesses;
  unsigned kinds;            /* AN_SQL_KIND_* bits */
  size_t nstatements;        /* statements prepared */
  const char *unresolved;    /* NULL when every statement prepared, else why not */
  int32_t unresolved_offset; /* byte offset SQLite blames, or -1 */
} an_sql_result;

/* The reason given when a hole stands where SQLite expects a name. */
#define AN_SQL_DYNAMIC_REASON                                                                      \
  "dynamic SQL: a computed part stands where SQLite expects an identifier"

/* Prepare every statement of sql (one or several, separated by ';') against
 * the schema, never stepping it, and fill *out with what they access. holes
 * may be NULL. cat classifies each column (may be NULL: no categories).
 *
 * Returns 0 when every statement prepared, -1 when one did not: out->unresolved
 * holds SQLite's message (`no such table: x`, `near "ILIKE": syntax error`,
 * `unrecognized token: ":"`), or AN_SQL_DYNAMIC_REASON when SQLite stopped at a
 * hole, or "not a data access: PRAGMA" (a PRAGMA can act while it is prepared,
 * so it is refused). Statements after the failing one are not read; accesses
 * of the ones before are kept.
 *
 * INSERT columns: SQLite's authorizer names only the table for an INSERT, so
 * an INSERT is recorded as a write of the whole row (column NULL) plus a write
 * of each column it fills: the columns of its explicit column list (read with
 * a small tokenizer from the statement SQLite accepted: the identifiers
 * between the '(' after `INTO table [AS alias]` and its ')'), or every column
 * of the table when there is no list. UPDATE columns (also an upsert's DO
 * UPDATE SET) come from the authorizer. Views: SQLite reports reads of the
 * view's columns and of the underlying table columns it uses; both are kept.
 *
 * The accesses array and unresolved live in arena; table and column names are
 * owned by the schema (valid as long as it is, and pointer-equal for equal
 * names); categories are owned by cat. */
int an_sql_access(an_schema *self, const char *sql, const an_sql_holes *holes,
                  const an_catalogue *cat, as_arena *arena, an_sql_result *out);

/* Build a statement's text from literal parts and computed parts (is_hole[i]):
 * literal parts are kept as they are, each hole becomes '?' (a bound
 * parameter, so a hole in a value position still prepares). holes receives the
 * offsets of those '?' (may be NULL). Text and offsets live in arena. */
char *an_sql_from_parts(const char *const *parts, const bool *is_hole, size_t n, as_arena *arena,
                        an_sql_holes *holes);

#endif
