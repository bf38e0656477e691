/*
 * store.h — the baseline store (one SQLite file) and the diff against it.
 *
 * The schema is versioned (PRAGMA user_version holds BL_SCHEMA_VERSION) with
 * forward migrations from BL_SCHEMA_MIN_COMPATIBLE; every save is one
 * transaction, so a killed save leaves the previous baseline intact. A file
 * that is not an Assay baseline (not SQLite, wrong application_id, a schema
 * newer than this build, missing tables) is reported and never overwritten.
 */
#ifndef ASSAY_STORE_H
#define ASSAY_STORE_H

#include "../analyses/findings.h"
#include "../analyses/perf.h"

/* Version 2 adds perf_benchmarks (performance samples), version 3
 * surface_endpoints (the attack surface: endpoints, their guards, the personal
 * data their responses carry) and contract_items, version 4 access_rows and
 * schema_tables (the data-access graph); an older file is read as it is (no
 * samples, no surface, no access graph) and migrated when opened for saving. */
#define BL_SCHEMA_VERSION 4
#define BL_SCHEMA_MIN_COMPATIBLE 1
#define BL_APPLICATION_ID 0x41535359 /* "ASSY" */

typedef struct bl_store bl_store;

typedef struct bl_meta {
  const char *commit;      /* git commit of the scanned tree, or NULL */
  const char *tree_digest; /* sha256 over the sorted file digests */
  const char *tool_version;
  const char *created_at; /* ISO 8601 UTC */
} bl_meta;

/* Open a baseline for reading (create = false: the file must exist and be a
 * valid baseline) or for saving (create = true: a missing file is created; an
 * existing one must be a valid baseline). Returns 0, or -1 with a message that
 * names the file in err. */
int bl_store_open(const char *path, bool create, bl_store **out, char *err, size_t errlen);
void bl_store_close(bl_store *self); /* NULL is safe */

/* Replace the stored snapshot with res's findings (states ignored), in one
 * transaction. Returns 0 or -1 with err. */
int bl_store_save(bl_store *self, const an_result *res, const bl_meta *meta, char *err,
                  size_t errlen);

/* The same, with performance samples (perf may be NULL: none are stored):
 * findings, metadata and samples are replaced together in one transaction. */
int bl_store_save_all(bl_store *self, const an_result *res, const pf_set *perf, const bl_meta *meta,
                      char *err, size_t errlen);

/* Append the stored benchmarks (name, unit, samples, environment) to out;
 * a version 1 baseline has none. Returns 0 or -1 with err. */
int bl_store_load_perf(bl_store *self, pf_set *out, char *err, size_t errlen);

/* Load the stored findings into res (appended, state AN_STATE_NONE) and the
 * snapshot's metadata into meta (strings owned by res's arena). */
int bl_store_load(bl_store *self, an_result *res, bl_meta *meta, char *err, size_t errlen);

/* Load the stored endpoints into res->endpoints (strings in res's arena;
 * res must have none yet). *present is false for a baseline older than
 * schema 3, which has no surface: nothing can be said about it. Returns 0 or
 * -1 with err. */
int bl_store_load_surface(bl_store *self, an_result *res, bool *present, char *err, size_t errlen);

/* The stored contract surface (contract.h) into *out (the caller frees it
 * with an_contract_set_delete), or *out = NULL for a baseline older than
 * schema 3. Returns 0 or -1 with err. */
struct an_contract_set;
int bl_store_load_contract(bl_store *self, struct an_contract_set **out, char *err, size_t errlen);

/* Load the stored data-access graph into res->accesses and res->tables
 * (strings in res's arena; res must have none yet). *present is false for a
 * baseline older than schema 4. Returns 0 or -1 with err. */
int bl_store_load_access(bl_store *self, an_result *res, bool *present, char *err, size_t errlen);

/* Diff current against baseline by fingerprint: every current finding gets
 * AN_STATE_NEW or AN_STATE_UNCHANGED; every baseline finding missing from
 * current is appended to current with AN_STATE_ABSENT. */
void bl_diff(const an_result *baseline, an_result *current);

/* ---- unit cache ----------------------------------------------------------- */

/* The IR unit cache: serialized units keyed by content hash, in SQLite. */
typedef struct bl_cache bl_cache;

int bl_cache_open(const char *path, bl_cache **out, char *err, size_t errlen);
void bl_cache_close(bl_cache *self); /* NULL is safe */
/* Returns 1 and a malloc'd blob (caller frees) on a hit, 0 on a miss. */
int bl_cache_get(bl_cache *self, const char *key, void **blob, size_t *len);
void bl_cache_put(bl_cache *self, const char *key, const void *blob, size_t len);
/* Group puts into one transaction (begin before a scan, commit after). */
void bl_cache_begin(bl_cache *self);
void bl_cache_commit(bl_cache *self);

#endif
