/*
 * access.h — the data-access graph: which functions read and write which
 * tables, columns and cache keys.
 *
 * Every call the models mark as running SQL (kind `sql`) has its statement
 * rebuilt from the IR: literals, module constants (also imported), string
 * building, f-strings and template literals, `%`/`.format`/`String.format`/
 * `fmt.Sprintf` formatting, SQLAlchemy's text(). A part that is not known
 * statically is a hole; the statement is prepared against its service's
 * schema with SQLite's own parser and authorizer (sql.h), which name every
 * table and column it reads or writes. What SQLite cannot prepare is kept as
 * unresolved with SQLite's reason.
 *
 * The schema of a service is the CREATE TABLE / ALTER TABLE of its .sql
 * files (migration folders included, applied in path order), then the tables
 * of its ORM models (orm.h) that the SQL did not declare. .sql files outside
 * every service belong to every service.
 *
 * Key-value commands (kind `kv`: redis-py, ioredis/node-redis, go-redis,
 * Jedis/Lettuce, hiredis format strings) give the key pattern ("{}" for each
 * computed part), the operation (by command) and, for hash commands with a
 * literal field, the field. ORM calls (orm.h) read every column of their
 * model or write the columns they name.
 *
 * Columns, hash fields and the literal words of a key are classified with
 * the catalogue, so each access carries its personal-data categories. The
 * flow analysis (flow.c) reads the sites: a read of a classified column is a
 * source, a write is the db-write sink, and what a write stores in a column
 * comes back out of every read of it.
 */
#ifndef ASSAY_ACCESS_H
#define ASSAY_ACCESS_H

#include "catalogue.h"
#include "findings.h"
#include "flow.h"

typedef enum { AN_ACCESS_TABLE, AN_ACCESS_KEY } an_access_kind;

/* One resource a call site touches. */
typedef struct an_access_item {
  an_access_kind kind;
  const char *resource; /* table as the schema spells it, or the key pattern (interned) */
  const char *column;   /* column or hash field, or NULL for the whole row/key */
  const char *category; /* of the column, field or key; NULL when none */
  bool write;
} an_access_item;

/* A call site that accesses data. */
typedef struct an_access_site {
  const ir_unit *unit;
  const ir_func *fn;
  uint32_t inst;
  const char *service;    /* "." for the repository root */
  const char *via;        /* "sql", "redis", "orm:django", ... */
  const char *statement;  /* the statement as rebuilt ("{}" for holes), the command, the ORM call */
  const char *unresolved; /* SQLite's reason, or NULL */
  an_access_item *items;
  uint32_t nitems;
  bool reads, writes; /* some item reads / writes */
} an_access_site;

typedef struct an_access_set an_access_set;

/* Build the access sites of every service. root is the scan root; files are
 * the repository's .sql and .prisma files relative to it (sorted), roots the
 * service roots ("" for the root) in the order of services. Diagnostics
 * (schema statements SQLite rejects or skips, unreadable files, statements
 * that could not be read) are appended to res. The units must be lowered and
 * have had the models pass; they must outlive the set. */
an_access_set *an_access_build(const char *root, const an_flow_service *services, size_t nservices,
                               const char *const *files, size_t nfiles, const char *const *roots,
                               const an_catalogue *cat, an_result *res);
void an_access_delete(an_access_set *self); /* NULL is safe */

/* The site at instruction in (of a unit given to an_access_build), or NULL. */
const an_access_site *an_access_site_of(const an_access_set *self, const ir_inst *in);

/* Record that endpoint (as reported: "POST /users") reaches function fn. */
void an_access_reached(an_access_set *self, const ir_func *fn, const char *endpoint);

/* Append the access rows, the unresolved statements and the tables of every
 * service to res (its accesses, unresolved_access and tables), sorted. */
void an_access_emit(an_access_set *self, an_result *res);

/* Compare cur's access graph with the baseline's (base->accesses, tables,
 * as bl_store_load_access gives them) and append to cur, in state new:
 *   assay/access-pii-read, assay/access-pii-write — one per (service,
 *     function, resource, column) of personal data the function reads or
 *     writes now and did not in the baseline (a key classified by its own
 *     words counts once, column-less);
 *   assay/access-table-added — one per table of a service's schema that the
 *     baseline's schema did not have (with its personal-data columns named).
 * Fingerprints come from those identities, never from lines. Returns the
 * number of findings added. */
size_t an_access_diff(const an_result *base, an_result *cur);

/* The op's name: "read" or "write". */
const char *an_access_op_name(bool write);

#endif
