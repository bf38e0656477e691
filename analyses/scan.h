/*
 * scan.h — the whole pipeline over a folder: discover → lower (cached) →
 * models → per-service flow analysis. What the CLI's scan, baseline and check
 * commands share.
 */
#ifndef ASSAY_SCAN_H
#define ASSAY_SCAN_H

#include "catalogue.h"
#include "findings.h"
#include "models.h"

typedef struct an_scan_options {
  const char *root;
  const char *cache_path;        /* unit cache (SQLite) or NULL for none */
  const an_catalogue *catalogue; /* not owned */
  const an_models *models;       /* not owned */
} an_scan_options;

typedef struct an_scan_info {
  char tree_digest[65]; /* sha256 over "relpath\0sha256(content)\n" of every source file
                           and every file read besides (.proto, .yml/.yaml, .json, .sql,
                           .prisma), sorted by relpath */
  size_t cache_hits, cache_misses;
  char cache_warning[512]; /* set when the cache could not be used */
} an_scan_info;

/* Scan opt->root into res. A file that cannot be read or parsed becomes a
 * diagnostic in res and the scan goes on; a file with syntax errors is
 * analysed around them (frontend.h), and counted in res->files_failed with
 * those that could not be read or parsed at all. Returns 0, or -1 with err when the
 * root itself cannot be listed. */
int an_scan(const an_scan_options *opt, an_result *res, an_scan_info *info, char *err,
            size_t errlen);

/* Lower one file without the cache (used by `assay dump-ir`). The caller owns
 * the unit; returns NULL with err when the file cannot be read. */
ir_unit *an_scan_lower_file(as_intern *strings, const char *root, const char *relpath, char *err,
                            size_t errlen);

#endif
