/*
 * perf.h — the performance gate: benchmark samples, their ingestion from
 * benchmark tools, recording under callgrind or a wall clock, the statistics
 * and the comparison with a baseline.
 *
 * A benchmark is identified by (name, unit). Wall-clock samples are in
 * nanoseconds (PF_UNIT_NS) and are compared by a two-sided Mann–Whitney U test
 * with a minimum relative effect and the Hodges–Lehmann shift; instruction
 * counts (PF_UNIT_INSTRUCTIONS) are deterministic and are compared by the
 * relative difference of their medians against a threshold.
 */
#ifndef ASSAY_PERF_H
#define ASSAY_PERF_H

#include "../ir/base.h"

typedef enum { PF_UNIT_NS = 0, PF_UNIT_INSTRUCTIONS } pf_unit;
const char *pf_unit_name(pf_unit u); /* "ns", "instructions" */

/* ---- sample sets ------------------------------------------------------------ */

typedef struct pf_bench {
  const char *name;
  pf_unit unit;
  double *samples; /* each >= 0 */
  size_t nsamples; /* >= 1 */
  /* The environment fingerprint as canonical JSON (compact, keys sorted),
   * "{}" when the input says nothing about where it ran. */
  const char *environment;
  const char *source; /* the file it was read from, or NULL */
} pf_bench;

/* Benchmarks in input order; every string and array is owned by the arena. */
typedef struct pf_set {
  as_arena *arena;
  pf_bench *items;
  size_t len, cap;
} pf_set;

pf_set *pf_set_new(void);
void pf_set_delete(pf_set *self); /* NULL is safe */
/* Append a copy of a benchmark. Returns NULL (and adds nothing) when (name,
 * unit) is already in the set. environment NULL means "{}". */
pf_bench *pf_set_add(pf_set *self, const char *name, pf_unit unit, const double *samples, size_t n,
                     const char *environment, const char *source);
const pf_bench *pf_set_find(const pf_set *self, const char *name, pf_unit unit);

/* ---- ingestion ---------------------------------------------------------------- */

/* Read a benchmark file into self, its format detected from its content:
 *  - Google Benchmark JSON ("context" + "benchmarks"): iteration rows grouped
 *    by run_name (name when absent), aggregate rows skipped, real_time in the
 *    row's time_unit converted to ns; the environment is the context's
 *    num_cpus, mhz_per_cpu and library_build_type;
 *  - hyperfine --export-json ("results"): command, times in seconds -> ns;
 *  - Assay's own format ("format": "assay-perf", "version": 1).
 * Everything is validated before anything is added: on error self is
 * unchanged and err holds "FILE: what is wrong" (e.g. "b.json:
 * benchmarks[2].samples[0] is not a number"). Returns 0 or -1. */
int pf_ingest_file(pf_set *self, const char *path, char *err, size_t errlen);
/* The same on bytes in memory; label names them in messages. */
int pf_ingest_buffer(pf_set *self, const char *label, const char *text, size_t len, char *err,
                     size_t errlen);

/* Write self in Assay's own format (pretty JSON): {"format": "assay-perf",
 * "version": 1, "environment": the first benchmark's, "benchmarks": [...]}.
 * Returns 0, or -1 on a write error. */
int pf_write_json(const pf_set *self, FILE *out);

/* ---- recording ---------------------------------------------------------------- */

typedef struct pf_record_options {
  const char *name;  /* the benchmark's name */
  char *const *argv; /* the command, NULL-terminated; run as given, never through a shell */
  int runs;          /* wall-clock runs (>= 1) */
  bool instructions; /* one run under valgrind --tool=callgrind */
  bool wall;         /* `runs` timed runs (CLOCK_MONOTONIC) */
} pf_record_options;

/* Run the command and add (name, instructions) and/or (name, ns) to out, with
 * the host's environment fingerprint. The command's standard output goes to
 * standard error. A command that cannot be run, exits non-zero or is killed,
 * and a missing or failing valgrind are errors: -1 with err. */
int pf_record(pf_set *out, const pf_record_options *opt, char *err, size_t errlen);
/* The host's fingerprint as canonical JSON: cpu (/proc/cpuinfo "model name"),
 * cores (logical, online), kernel (uname -sr), arch. Caller frees. */
char *pf_host_environment(void);

/* ---- statistics --------------------------------------------------------------- */

/* The median of x[0..n) (n >= 1); x is not modified. */
double pf_median(const double *x, size_t n);

/* The two-sided Mann–Whitney U test of base (n values) against cur (m values).
 * Exact when n, m <= PF_EXACT_MAX and no value is tied; otherwise the normal
 * approximation with tie and continuity corrections. */
#define PF_EXACT_MAX 50
typedef struct pf_mwu {
  double u_base; /* pairs (b, c) with b > c, ties counted 1/2 (SciPy's U1 of (base, cur)) */
  double u;      /* min(u_base, n*m - u_base): the statistic of the tables */
  double p;      /* two-sided p-value */
  double min_p;  /* the smallest two-sided p these sample sizes can reach */
  double z;      /* the normal approximation's z (0 when exact) */
  bool exact;
  bool ties;
} pf_mwu;
void pf_mann_whitney(const double *base, size_t n, const double *cur, size_t m, pf_mwu *out);
/* P(U <= u) under the null hypothesis for sizes n, m without ties (n, m <=
 * PF_EXACT_MAX), by dynamic programming over the counts of arrangements. */
double pf_mwu_exact_cdf(size_t n, size_t m, double u);

/* The Hodges–Lehmann shift of cur against base: the median of the n*m
 * differences cur[j] - base[i], and a (1 - alpha) confidence interval from
 * their order statistics (exact critical value when the U test is exact,
 * normal approximation otherwise). has_ci is false when the sample sizes
 * cannot give that confidence. */
typedef struct pf_hl {
  double shift;
  bool has_ci;
  double ci_low, ci_high;
  double confidence; /* the coverage actually reached (>= 1 - alpha when exact) */
} pf_hl;
void pf_hodges_lehmann(const double *base, size_t n, const double *cur, size_t m, double alpha,
                       pf_hl *out);

/* ---- comparison --------------------------------------------------------------- */

typedef enum {
  PF_UNCHANGED = 0,
  PF_REGRESSION,
  PF_IMPROVEMENT,
  PF_INCONCLUSIVE,
  PF_VERDICT__COUNT
} pf_verdict;
const char *pf_verdict_name(pf_verdict v); /* "unchanged", "regression", ... */

typedef struct pf_tolerance {
  double alpha;        /* significance level of the U test (default 0.05) */
  double min_effect;   /* minimum relative change of the median, wall clock (0.05) */
  double instructions; /* relative threshold for instruction counts (0.01) */
  const char *reason;  /* why a benchmark has its own tolerance (policy), or NULL */
} pf_tolerance;
#define PF_TOLERANCE_DEFAULT ((pf_tolerance){0.05, 0.05, 0.01, NULL})

/* A tolerance of one benchmark (by name, any unit). */
typedef struct pf_override {
  const char *name;
  pf_tolerance tol;
} pf_override;

typedef enum { PF_ENV_MATCH = 0, PF_ENV_DIFFER, PF_ENV_UNKNOWN } pf_env_match;

typedef struct pf_result {
  const char *name;
  pf_unit unit;
  pf_verdict verdict;
  size_t n_base, n_new;
  double median_base, median_new;
  double effect;      /* (median_new - median_base) / median_base */
  bool effect_finite; /* false when median_base is 0 and median_new is not */
  bool tested;        /* wall clock: mwu and hl hold the test */
  pf_mwu mwu;
  pf_hl hl;
  pf_env_match env;
  const char *env_base, *env_new;
  pf_tolerance tol;
  const char *message; /* one sentence: what was decided and why */
} pf_result;

typedef struct pf_report {
  as_arena *arena;
  pf_result *results; /* benchmarks in both sets, in the current set's order */
  size_t nresults;
  const char **added; /* "name (unit)" only in the current set */
  size_t nadded;
  const char **missing; /* "name (unit)" only in the baseline */
  size_t nmissing;
  size_t counts[PF_VERDICT__COUNT];
} pf_report;

/* Compare every benchmark present in both sets. Tolerances: overrides[i] for
 * a benchmark of that name, else defaults. The environments of a pair are
 * compared as canonical JSON ("{}" on either side: unknown); wall-clock
 * verdicts across different environments are inconclusive. Caller deletes. */
pf_report *pf_compare(const pf_set *base, const pf_set *cur, const pf_tolerance *defaults,
                      const pf_override *overrides, size_t noverrides);
void pf_report_delete(pf_report *self); /* NULL is safe */
/* The gate: "fail" with a regression, else "inconclusive" with an
 * inconclusive result, else "pass". */
const char *pf_report_verdict(const pf_report *self);

/* Decide one pair (what pf_compare does per benchmark); strings are copied
 * into arena. */
void pf_compare_one(as_arena *arena, const pf_bench *base, const pf_bench *cur,
                    const pf_tolerance *tol, pf_result *out);

#endif
