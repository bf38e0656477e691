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
  const char *role; /* "sarif", "report-json", "flows-graph", ... */
  const char *path; /* as given on the command line */
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

typedef struct rp_rule_count {
  const char *rule;
  size_t n_new;
} rp_rule_count;

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
  /* gates.contract: evaluated by check (contract_evaluated), with its verdict,
   * its findings by state and the new ones by rule; contract_surface says
   * whether the baseline held an attack surface to compare with. */
  bool contract_evaluated;
  const char *contract_verdict;
  bool contract_surface;
  size_t contract_new, contract_unchanged, contract_absent;
  const struct rp_rule_count *contract_rules;
  size_t ncontract_rules;
  size_t contract_breaking, contract_potentially_breaking, contract_compatible;
  /* gates.dataAccess: evaluated by check (access_evaluated): new reads and
   * writes of personal data and new tables against the baseline's access
   * graph (access_compared: the baseline held one), the new findings by
   * rule, and the size of the current graph. */
  bool access_evaluated;
  const char *access_verdict;
  bool access_compared;
  size_t access_new;
  const struct rp_rule_count *access_rules;
  size_t naccess_rules;
  size_t access_rows, access_tables, access_unresolved;
} rp_attestation;

/* Write the in-toto Statement v1 (pretty JSON) to path. Returns 0, or -1 with
 * err naming the file. */
int rp_write_attestation(const rp_attestation *a, const char *path, char *err, size_t errlen);

/* ---- pull-request summary (Markdown) and the HTML report ------------------ */

/* What check decided, for the summary and the HTML report. */
typedef struct rp_summary {
  const char *title;        /* the checked folder, as given */
  const char *verdict;      /* overall: "pass" | "fail" | "inconclusive" */
  const char *flow_verdict; /* data-flow gate: "pass" | "fail"; NULL: verdict */
  const pf_report *perf;    /* the performance gate, or NULL: no row */
  /* Prepended to a finding's path (relative to the scan root) in links, so
   * that they are relative to the repository: "corpus/shop/after/" or "". */
  const char *link_prefix;
  const rp_exception *exceptions; /* the exceptions applied */
  size_t nexceptions;
} rp_summary;

/* Markdown for a pull request: a title with the verdict, a table of gates,
 * tables of new and of absent findings (file:line linked as
 * [path:line](path#Lline)), the exceptions applied. Table text is escaped.
 * Returns 0, or -1 on a write error. */
int rp_write_summary(const an_result *res, const rp_summary *s, FILE *out);
/* One self-contained HTML page: the same tables and the diff view of the
 * flows graph (rp_graph_flows with diff) as inline SVG. res must carry its
 * states. Returns 0, or -1 with err (Graphviz or write error). */
int rp_write_html(const an_result *res, const rp_summary *s, FILE *out, char *err, size_t errlen);

#endif
