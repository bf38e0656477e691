/*
 * bench_sql.c — assay-bench-sql [STATEMENTS]: the SQL extraction figure.
 * Generates, deterministically and in memory, a schema of 50 tables and
 * STATEMENTS (default 10000) varied statements — selects with joins,
 * subqueries and CTEs, inserts with and without column lists, updates,
 * deletes, upserts, statements with value holes and with table-name holes,
 * PostgreSQL-only ones — then times only an_sql_access over all of them with
 * CLOCK_MONOTONIC and prints
 * "statements N seconds S statements_per_sec R resolved X unresolved Y accesses Z".
 */
#include "analyses/sql.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BENCH_TABLES 50

static const char *const words[] = {
    "email", "full_name",  "phone", "status",   "created_at", "amount",   "address",
    "city",  "country",    "title", "body",     "score",      "quantity", "birth_date",
    "note",  "ip_address", "label", "priority", "last_name",  "price",    "user_agent",
};
#define NWORDS (sizeof words / sizeof *words)

static uint64_t bench_state = 0x9E3779B97F4A7C15u;
static uint32_t bench_rand(uint32_t n) {
  bench_state = bench_state * 6364136223846793005u + 1442695040888963407u;
  return (uint32_t)(bench_state >> 33) % n;
}

typedef struct bench_table {
  char name[32];
  const char *cols[8];
  size_t ncols;
} bench_table;

typedef struct bench_stmt {
  char *sql;
  an_sql_holes holes;
} bench_stmt;

static bench_table tables[BENCH_TABLES];

static void bench_schema(an_schema *schema) {
  as_buf ddl = {0};
  for (size_t t = 0; t < BENCH_TABLES; t++) {
    bench_table *tb = &tables[t];
    snprintf(tb->name, sizeof tb->name, "t%zu_%s", t, words[t % NWORDS]);
    tb->ncols = 3 + bench_rand(5);
    as_buf_printf(&ddl, "CREATE TABLE %s (id INTEGER PRIMARY KEY, parent_id INTEGER", tb->name);
    size_t first = bench_rand(NWORDS);
    for (size_t c = 0; c < tb->ncols; c++) {
      tb->cols[c] = words[(first + c) % NWORDS];
      as_buf_printf(&ddl, ", %s TEXT", tb->cols[c]);
    }
    as_buf_puts(&ddl, ");\n");
    if (t % 5 == 0)
      as_buf_printf(&ddl, "CREATE INDEX %s_parent ON %s (parent_id);\n", tb->name, tb->name);
  }
  as_buf_puts(&ddl, "CREATE VIEW v_people AS SELECT a.id, a.");
  as_buf_printf(&ddl, "%s FROM %s a JOIN %s b ON b.parent_id = a.id;\n", tables[0].cols[0],
                tables[0].name, tables[1].name);
  size_t applied = an_schema_add_sql(schema, ddl.data, "bench.sql");
  if (applied != BENCH_TABLES + BENCH_TABLES / 5 + 1) {
    fprintf(stderr, "bench schema: %zu statements applied\n", applied);
    exit(3);
  }
  as_buf_free(&ddl);
}

static const char *col(const bench_table *t) {
  return t->cols[bench_rand((uint32_t)t->ncols)];
}

static void bench_statement(as_arena *arena, bench_stmt *out) {
  const bench_table *a = &tables[bench_rand(BENCH_TABLES)], *b = &tables[bench_rand(BENCH_TABLES)];
  as_buf s = {0};
  out->holes.n = 0;
  out->holes.offsets = NULL;
  switch (bench_rand(12)) {
  case 0:
    as_buf_printf(&s, "SELECT %s, %s FROM %s WHERE id = ?", col(a), col(a), a->name);
    break;
  case 1:
    as_buf_printf(&s,
                  "SELECT x.%s, y.%s FROM %s AS x JOIN %s y ON y.parent_id = x.id "
                  "WHERE x.%s = ? ORDER BY y.%s LIMIT 20",
                  col(a), col(b), a->name, b->name, col(a), col(b));
    break;
  case 2:
    as_buf_printf(&s, "SELECT * FROM %s WHERE parent_id IN (SELECT id FROM %s WHERE %s LIKE ?)",
                  a->name, b->name, col(b));
    break;
  case 3:
    as_buf_printf(&s,
                  "WITH recent AS (SELECT id, %s FROM %s WHERE id > ?) "
                  "SELECT r.%s, count(*) FROM recent r JOIN %s o ON o.parent_id = r.id GROUP BY 1",
                  a->cols[0], a->name, a->cols[0], b->name);
    break;
  case 4:
    as_buf_printf(&s, "INSERT INTO %s (parent_id, %s, %s) VALUES (?, ?, ?)", a->name, a->cols[0],
                  a->cols[1]);
    break;
  case 5: {
    as_buf_printf(&s, "INSERT INTO %s VALUES (?, ?", a->name);
    for (size_t c = 0; c < a->ncols; c++)
      as_buf_puts(&s, ", ?");
    as_buf_puts(&s, ")");
    break;
  }
  case 6:
    as_buf_printf(&s, "UPDATE %s SET %s = ?, %s = ? WHERE id = ? AND parent_id = ?", a->name,
                  a->cols[0], a->cols[1]);
    break;
  case 7:
    as_buf_printf(&s, "DELETE FROM %s WHERE %s = ?", a->name, col(a));
    break;
  case 8:
    as_buf_printf(&s,
                  "INSERT INTO %s (id, %s) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET %s = "
                  "excluded.%s",
                  a->name, a->cols[0], a->cols[0], a->cols[0]);
    break;
  case 9: { /* a value hole */
    const char *parts[] = {"SELECT ", col(a), " FROM ", a->name, " WHERE id = ", "id"};
    const bool hole[] = {false, false, false, false, false, true};
    as_buf_free(&s);
    out->sql = an_sql_from_parts(parts, hole, 6, arena, &out->holes);
    return;
  }
  case 10: { /* a table-name hole */
    const char *parts[] = {"SELECT ", col(a), " FROM ", "table", " WHERE id = ?"};
    const bool hole[] = {false, false, false, true, false};
    as_buf_free(&s);
    out->sql = an_sql_from_parts(parts, hole, 5, arena, &out->holes);
    return;
  }
  default: /* PostgreSQL only */
    as_buf_printf(&s, "SELECT id::text FROM %s WHERE %s ILIKE ?", a->name, col(a));
    break;
  }
  out->sql = as_arena_strdup(arena, s.data);
  as_buf_free(&s);
}

int main(int argc, char **argv) {
  size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 10000;
  if (n == 0) {
    fprintf(stderr, "usage: assay-bench-sql [STATEMENTS]\n");
    return 2;
  }
  an_schema *schema = an_schema_new();
  bench_schema(schema);
  an_catalogue *cat = an_catalogue_new_default();
  as_arena *arena = as_arena_new(), *results = as_arena_new();
  bench_stmt *stmts = as_calloc(n, sizeof *stmts);
  for (size_t i = 0; i < n; i++)
    bench_statement(arena, &stmts[i]);

  size_t resolved = 0, unresolved = 0, accesses = 0;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (size_t i = 0; i < n; i++) {
    an_sql_result r;
    if (an_sql_access(schema, stmts[i].sql, &stmts[i].holes, cat, results, &r) == 0)
      resolved++;
    else
      unresolved++;
    accesses += r.naccesses;
    if (i % 1024 == 1023) as_arena_reset(results);
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  printf("statements %zu seconds %.3f statements_per_sec %.0f resolved %zu unresolved %zu "
         "accesses %zu\n",
         n, secs, secs > 0 ? (double)n / secs : 0.0, resolved, unresolved, accesses);
  free(stmts);
  as_arena_delete(results);
  as_arena_delete(arena);
  an_catalogue_delete(cat);
  an_schema_delete(schema);
  return 0;
}
