/*
 * policy.h — the repository's policy file, `.assay/policy.yaml` (libyaml).
 *
 * The performance tolerances:
 *
 *   performance:
 *     alpha: 0.05          # significance level of the U test
 *     min_effect: 0.05     # minimum relative change of the median (wall clock)
 *     instructions: 0.01   # relative threshold for instruction counts
 *     benchmarks:
 *       NAME: {min_effect: 0.10, reason: "why this benchmark is noisier"}
 *
 * A per-benchmark tolerance needs a non-empty reason; a value out of range,
 * an unknown key under performance or a malformed file is an error naming the
 * file and line.
 *
 * The rest of the policy (README "Policy file"):
 *
 *   data_types:                 # extra catalogue rules (categories.tsv meaning)
 *     - pattern: "loyalty number"
 *       category: user.financial.account_number
 *     - exclude: "email template"
 *   approved_flows:             # a category may reach a sink kind
 *     - category: user.contact.email   # (or any category below it)
 *       sink: log
 *       service: accounts       # optional: only in this service
 *       reason: "..."           # required
 *       expires: 2027-06-30     # optional, UTC; past it the file is an error
 *   exceptions:                 # one finding, by its stable fingerprint
 *     - fingerprint: <64 hex>
 *       reason: "..."
 *       expires: 2026-12-31
 *
 * Missing reasons, expired entries, malformed dates or fingerprints, unknown
 * keys and unknown sink kinds are errors "FILE:LINE: what". Inline
 * suppressions (`assay: allow RULE -- REASON` on a sink's line or the line
 * above) are read by an_policy_apply.
 */
#ifndef ASSAY_POLICY_H
#define ASSAY_POLICY_H

#include "catalogue.h"
#include "findings.h"
#include "perf.h"

/* A custom data type: a catalogue pattern (category set) or exclusion. */
typedef struct an_policy_type {
  const char *words;
  const char *category; /* NULL: an exclusion */
  uint32_t line;
} an_policy_type;

typedef struct an_policy_flow {
  const char *category;
  ir_sink_kind sink;
  const char *service; /* NULL: any */
  const char *reason;
  const char *expires; /* "YYYY-MM-DD" or NULL */
  uint32_t line;
  size_t used; /* findings it matched (an_policy_apply) */
} an_policy_flow;

typedef struct an_policy_exception {
  const char *fingerprint;
  const char *reason;
  const char *expires;
  uint32_t line;
  size_t used;
} an_policy_exception;

/* A suppression applied to a finding, for the attestation. */
typedef struct an_policy_applied {
  const char *fingerprint, *rule, *reason, *expires;
  const char *origin; /* the policy path, or "path:line" of an inline suppression */
} an_policy_applied;

typedef struct an_policy {
  as_arena *arena;
  pf_tolerance perf;      /* the defaults, after the file's performance section */
  pf_override *overrides; /* per benchmark, complete (unset fields from perf) */
  size_t noverrides;
  char today[11];   /* "YYYY-MM-DD" (UTC) for expiry; set by new, tests may change */
  const char *path; /* the file loaded last, or NULL */
  char sha256[65];  /* its digest */
  an_policy_type *types;
  size_t ntypes;
  an_policy_flow *flows;
  size_t nflows;
  an_policy_exception *exceptions;
  size_t nexceptions;
  an_policy_applied *applied; /* filled by an_policy_apply */
  size_t napplied;
} an_policy;

/* A policy with the built-in defaults. Caller deletes. */
an_policy *an_policy_new(void);
void an_policy_delete(an_policy *self); /* NULL is safe */
/* Read a policy file into self. Returns 0, or -1 with "FILE:LINE: what" in err. */
int an_policy_load(an_policy *self, const char *path, char *err, size_t errlen);

/* Add the policy's data types to a catalogue. Returns 0, or -1 with err. */
int an_policy_add_types(const an_policy *self, an_catalogue *cat, char *err, size_t errlen);

/* Mark the findings of res (not the absent ones) that an approved flow, an
 * exception or an inline suppression in the source (root/finding path)
 * covers: suppressed_reason/origin are set and self->applied lists them.
 * Returns 0, or -1 with "path:line: suppression of RULE has no reason". */
int an_policy_apply(an_policy *self, an_result *res, const char *root, char *err, size_t errlen);

#endif
