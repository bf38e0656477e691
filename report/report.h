/*
 * report.h — writers for Assay's outputs: SARIF 2.1.0, JSON, text and the
 * in-toto Statement v1 attestation. Everything JSON is built with jansson.
 */
#ifndef ASSAY_REPORT_H
#define ASSAY_REPORT_H

#include "../analyses/findings.h"
#include "../analyses/perf.h"

#define RP_PREDICATE_TYPE "https://assay.dev/attestation/check/v1"

typedef struct rp_options {
  const char *tool_version;
  bool with_states; /* check: every result carries baselineState */
  /* check with --perf: the performance verdicts, listed after the findings
   * (SARIF: one result per verdict, rules assay/perf-*; JSON: "performance";
   * text: one line per benchmark). NULL: no performance section. */
  const pf_report *perf;
} rp_options;

/* Write SARIF 2.1.0 to out. Returns 0, or -1 on a write error. */
int rp_write_sarif(const an_result *res, const rp_options *opt, FILE *out);
/* Assay's own JSON: {"version", "findings": [...], "diagnostics": [...], "stats"}. */
int rp_write_json(const an_result *res, const rp_options *opt, FILE *out);
/* One line per finding "path:line:col: [state] rule categories: message", then
 * the path steps indented, then diagnostics; a closing count line. */
int rp_write_text(const an_result *res, const rp_options *opt, FILE *out);

/* An evidence file the attestation rests on: its sha256 is recomputed by
 * `assay attest verify`. */
typedef struct rp_evidence {
  const char *role;  /* "sarif", "report-json", "flows-graph", ... */
  const char *path;  /* as given on the command line */
  char sha256[65];
} rp_evidence;

/* A policy exception applied to a finding (it no longer fails the gate). */
typedef struct rp_exception {
  const char *fingerprint;
  const char *rule;
  const char *reason;  /* required */
  const char *expires; /* "YYYY-MM-DD" or NULL */
  const char *origin;  /* ".assay/policy.yaml" or "path:line" of an inline suppression */
} rp_exception;

typedef struct rp_attestation {
  const char *subject_name; /* the scanned folder, as given */
  const char *digest_alg;   /* "gitCommit" or "sha256" */
  const char *digest;
  const char *verdict; /* "pass" | "fail" | "inconclusive" (both gates) */
  size_t n_new, n_unchanged, n_absent;
  const char *baseline_path;
  const char *baseline_sha256;
  const char *baseline_commit; /* may be NULL */
  const char *tool_version;
  /* The performance gate (predicate.gates.performance), or NULL when no
   * benchmark was compared; gates.dataFlow's verdict is then flow_verdict. */
  const pf_report *perf;
  const char *flow_verdict; /* "pass" | "fail"; NULL: the same as verdict */
  /* predicate.evidence: the files the verdicts rest on, with their digests. */
  const rp_evidence *evidence;
  size_t nevidence;
  /* predicate.policy: the policy file and its digest (NULL: none), and every
   * exception applied with its reason. */
  const char *policy_path;
  const char *policy_sha256;
  const rp_exception *exceptions;
  size_t nexceptions;
} rp_attestation;

/* Write the in-toto Statement v1 (pretty JSON) to path. Returns 0, or -1 with
 * err naming the file. */
int rp_write_attestation(const rp_attestation *a, const char *path, char *err, size_t errlen);

#endif
