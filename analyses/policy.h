/*
 * policy.h — the repository's policy file, `.assay/policy.yaml` (libyaml).
 *
 * Only the performance tolerances are read for now (the rest of the policy
 * comes later; other top-level keys are left alone):
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
 */
#ifndef ASSAY_POLICY_H
#define ASSAY_POLICY_H

#include "perf.h"

typedef struct an_policy {
  as_arena *arena;
  pf_tolerance perf;      /* the defaults, after the file's performance section */
  pf_override *overrides; /* per benchmark, complete (unset fields from perf) */
  size_t noverrides;
} an_policy;

/* A policy with the built-in defaults. Caller deletes. */
an_policy *an_policy_new(void);
void an_policy_delete(an_policy *self); /* NULL is safe */
/* Read a policy file into self. Returns 0, or -1 with "FILE:LINE: what" in err. */
int an_policy_load(an_policy *self, const char *path, char *err, size_t errlen);

#endif
