/* attest.c — the in-toto Statement v1 that carries the check's verdict. */
#include "report.h"
#include "perf_json.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void rp__err(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void rp__err(char *err, size_t errlen, const char *fmt, ...) {
  if (!err || !errlen) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
}

static json_t *rp__statement(const rp_attestation *a) {
  json_t *digest = json_object();
  json_object_set_new(digest, a->digest_alg ? a->digest_alg : "sha256",
                      json_string(a->digest ? a->digest : ""));
  json_t *subject = json_object();
  json_object_set_new(subject, "name", json_string(a->subject_name ? a->subject_name : "."));
  json_object_set_new(subject, "digest", digest);
  json_t *subjects = json_array();
  json_array_append_new(subjects, subject);

  const char *verdict = a->verdict ? a->verdict : "fail";
  json_t *tool = json_object();
  json_object_set_new(tool, "name", json_string("assay"));
  json_object_set_new(tool, "version", json_string(a->tool_version ? a->tool_version : "0"));
  json_t *counts = json_object();
  json_object_set_new(counts, "new", json_integer((json_int_t)a->n_new));
  json_object_set_new(counts, "unchanged", json_integer((json_int_t)a->n_unchanged));
  json_object_set_new(counts, "absent", json_integer((json_int_t)a->n_absent));
  json_t *flow = json_object();
  json_object_set_new(flow, "verdict", json_string(a->flow_verdict ? a->flow_verdict : verdict));
  json_object_set_new(flow, "new", json_integer((json_int_t)a->n_new));
  json_object_set_new(flow, "counts", json_deep_copy(counts));
  json_object_set_new(flow, "exceptionsApplied", json_integer((json_int_t)a->nexceptions));
  /* The evidence the data-flow verdict rests on: every file that carries
   * the findings (by role; their digests are in predicate.evidence). */
  json_t *roles = json_array();
  for (size_t i = 0; i < a->nevidence; i++)
    json_array_append_new(roles, json_string(a->evidence[i].role ? a->evidence[i].role : ""));
  json_object_set_new(flow, "evidence", roles);
  json_t *gates = json_object();
  json_object_set_new(gates, "dataFlow", flow);
  if (a->perf) {
    json_object_set_new(gates, "performance", rp_perf_report_json(a->perf));
  } else {
    json_t *np = json_object();
    json_object_set_new(np, "verdict", json_string("not-run"));
    json_object_set_new(np, "reason", json_string("no benchmark results were given (--perf)"));
    json_object_set_new(gates, "performance", np);
  }
  /* Gates this version does not evaluate yet are said so, never implied. */
  static const char *const later[][2] = {
      {"dataAccess", "the data-access gate is not evaluated by this version"},
      {"contract", "the contract and attack-surface gate is not evaluated by this version"}};
  if (a->contract_evaluated) {
    json_t *g = json_object();
    json_object_set_new(g, "verdict",
                        json_string(a->contract_verdict ? a->contract_verdict : "fail"));
    json_object_set_new(g, "new", json_integer((json_int_t)a->contract_new));
    json_t *cc = json_object();
    json_object_set_new(cc, "new", json_integer((json_int_t)a->contract_new));
    json_object_set_new(cc, "unchanged", json_integer((json_int_t)a->contract_unchanged));
    json_object_set_new(cc, "absent", json_integer((json_int_t)a->contract_absent));
    json_object_set_new(g, "counts", cc);
    json_t *br = json_object();
    for (size_t i = 0; i < a->ncontract_rules; i++)
      json_object_set_new(br, a->contract_rules[i].rule,
                          json_integer((json_int_t)a->contract_rules[i].n_new));
    json_object_set_new(g, "newByRule", br);
    json_t *cls = json_object();
    json_object_set_new(cls, "breaking", json_integer((json_int_t)a->contract_breaking));
    json_object_set_new(cls, "potentiallyBreaking",
                        json_integer((json_int_t)a->contract_potentially_breaking));
    json_object_set_new(cls, "compatible", json_integer((json_int_t)a->contract_compatible));
    json_object_set_new(g, "changes", cls);
    json_object_set_new(g, "surfaceCompared", json_boolean(a->contract_surface));
    json_object_set_new(gates, "contract", g);
  }
  if (a->access_evaluated) {
    json_t *g = json_object();
    json_object_set_new(g, "verdict", json_string(a->access_verdict ? a->access_verdict : "fail"));
    json_object_set_new(g, "new", json_integer((json_int_t)a->access_new));
    json_t *br = json_object();
    for (size_t i = 0; i < a->naccess_rules; i++)
      json_object_set_new(br, a->access_rules[i].rule,
                          json_integer((json_int_t)a->access_rules[i].n_new));
    json_object_set_new(g, "newByRule", br);
    json_t *gr = json_object();
    json_object_set_new(gr, "accesses", json_integer((json_int_t)a->access_rows));
    json_object_set_new(gr, "tables", json_integer((json_int_t)a->access_tables));
    json_object_set_new(gr, "unresolvedStatements", json_integer((json_int_t)a->access_unresolved));
    json_object_set_new(g, "graph", gr);
    json_object_set_new(g, "graphCompared", json_boolean(a->access_compared));
    json_object_set_new(gates, "dataAccess", g);
  }
  for (size_t i = 0; i < sizeof later / sizeof *later; i++) {
    if (a->contract_evaluated && strcmp(later[i][0], "contract") == 0) continue;
    if (a->access_evaluated && strcmp(later[i][0], "dataAccess") == 0) continue;
    json_t *g = json_object();
    json_object_set_new(g, "verdict", json_string("not-evaluated"));
    json_object_set_new(g, "reason", json_string(later[i][1]));
    json_object_set_new(gates, later[i][0], g);
  }

  json_t *pred = json_object();
  json_object_set_new(pred, "verdict", json_string(verdict));
  json_object_set_new(pred, "tool", tool);
  json_object_set_new(pred, "counts", counts);
  json_object_set_new(pred, "gates", gates);
  if (a->baseline_path) {
    json_t *bl = json_object();
    json_object_set_new(bl, "path", json_string(a->baseline_path));
    if (a->baseline_sha256) {
      json_t *bd = json_object();
      json_object_set_new(bd, "sha256", json_string(a->baseline_sha256));
      json_object_set_new(bl, "digest", bd);
    }
    if (a->baseline_commit) json_object_set_new(bl, "commit", json_string(a->baseline_commit));
    json_object_set_new(pred, "baseline", bl);
  }
  json_t *evidence = json_array();
  for (size_t i = 0; i < a->nevidence; i++) {
    const rp_evidence *e = &a->evidence[i];
    json_t *ev = json_object();
    json_object_set_new(ev, "role", json_string(e->role ? e->role : ""));
    json_object_set_new(ev, "path", json_string(e->path ? e->path : ""));
    json_t *ed = json_object();
    json_object_set_new(ed, "sha256", json_string(e->sha256));
    json_object_set_new(ev, "digest", ed);
    json_array_append_new(evidence, ev);
  }
  json_object_set_new(pred, "evidence", evidence);
  if (a->policy_path) {
    json_t *pol = json_object();
    json_object_set_new(pol, "path", json_string(a->policy_path));
    if (a->policy_sha256) {
      json_t *pd = json_object();
      json_object_set_new(pd, "sha256", json_string(a->policy_sha256));
      json_object_set_new(pol, "digest", pd);
    }
    json_object_set_new(pred, "policy", pol);
  }
  json_t *exceptions = json_array();
  for (size_t i = 0; i < a->nexceptions; i++) {
    const rp_exception *x = &a->exceptions[i];
    json_t *ex = json_object();
    json_object_set_new(ex, "fingerprint", json_string(x->fingerprint ? x->fingerprint : ""));
    json_object_set_new(ex, "rule", json_string(x->rule ? x->rule : ""));
    json_object_set_new(ex, "reason", json_string(x->reason ? x->reason : ""));
    if (x->expires) json_object_set_new(ex, "expires", json_string(x->expires));
    json_object_set_new(ex, "origin", json_string(x->origin ? x->origin : ""));
    json_array_append_new(exceptions, ex);
  }
  json_object_set_new(pred, "exceptions", exceptions);

  json_t *root = json_object();
  json_object_set_new(root, "_type", json_string("https://in-toto.io/Statement/v1"));
  json_object_set_new(root, "subject", subjects);
  json_object_set_new(root, "predicateType", json_string(RP_PREDICATE_TYPE));
  json_object_set_new(root, "predicate", pred);
  return root;
}

/* Written beside the target and renamed over it, so a reader never sees half
 * a statement. */
int rp_write_attestation(const rp_attestation *a, const char *path, char *err, size_t errlen) {
  json_t *root = rp__statement(a);
  char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  json_decref(root);
  if (!text) as_die("out of memory encoding the attestation");

  char *tmp = as_sprintf("%s.tmp.%ld", path, (long)getpid());
  int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  int rc = fd < 0 ? -1 : 0;
  size_t len = strlen(text), off = 0;
  while (rc == 0 && off < len) {
    ssize_t n = write(fd, text + off, len - off);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      rc = -1;
    else
      off += (size_t)n;
  }
  if (rc == 0 && write(fd, "\n", 1) != 1) rc = -1;
  if (rc == 0 && fsync(fd) != 0) rc = -1;
  int saved = errno;
  if (fd >= 0 && close(fd) != 0 && rc == 0) {
    rc = -1;
    saved = errno;
  }
  if (rc == 0 && rename(tmp, path) != 0) {
    rc = -1;
    saved = errno;
  }
  if (rc != 0) {
    rp__err(err, errlen, "cannot write attestation %s: %s", path, strerror(saved));
    if (fd >= 0) unlink(tmp);
  }
  free(tmp);
  free(text);
  return rc;
}
