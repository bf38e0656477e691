/* perf_json.c — performance verdicts as JSON (see perf_json.h). */
#include "perf_json.h"

#include <math.h>

static json_t *rp__num(double v) {
  return isfinite(v) ? json_real(v) : json_null();
}

json_t *rp_perf_result_json(const pf_result *r) {
  json_t *o = json_object();
  json_object_set_new(o, "name", json_string(r->name));
  json_object_set_new(o, "unit", json_string(pf_unit_name(r->unit)));
  json_object_set_new(o, "verdict", json_string(pf_verdict_name(r->verdict)));
  json_t *n = json_object();
  json_object_set_new(n, "baseline", json_integer((json_int_t)r->n_base));
  json_object_set_new(n, "current", json_integer((json_int_t)r->n_new));
  json_object_set_new(o, "samples", n);
  json_t *med = json_object();
  json_object_set_new(med, "baseline", rp__num(r->median_base));
  json_object_set_new(med, "current", rp__num(r->median_new));
  json_object_set_new(o, "medians", med);
  json_object_set_new(o, "relativeEffect", r->effect_finite ? rp__num(r->effect) : json_null());
  if (r->tested) {
    json_object_set_new(o, "statisticU", rp__num(r->mwu.u));
    json_object_set_new(o, "uBaseline", rp__num(r->mwu.u_base));
    json_object_set_new(o, "pValue", rp__num(r->mwu.p));
    json_object_set_new(o, "exact", json_boolean(r->mwu.exact));
    json_object_set_new(o, "minimumP", rp__num(r->mwu.min_p));
    json_t *hl = json_object();
    json_object_set_new(hl, "shift", rp__num(r->hl.shift));
    json_object_set_new(hl, "ciLow", r->hl.has_ci ? rp__num(r->hl.ci_low) : json_null());
    json_object_set_new(hl, "ciHigh", r->hl.has_ci ? rp__num(r->hl.ci_high) : json_null());
    json_object_set_new(hl, "confidence", r->hl.has_ci ? rp__num(r->hl.confidence) : json_null());
    json_object_set_new(o, "hodgesLehmann", hl);
  }
  json_t *tol = json_object();
  if (r->unit == PF_UNIT_INSTRUCTIONS) {
    json_object_set_new(tol, "threshold", rp__num(r->tol.instructions));
  } else {
    json_object_set_new(tol, "alpha", rp__num(r->tol.alpha));
    json_object_set_new(tol, "minEffect", rp__num(r->tol.min_effect));
  }
  if (r->tol.reason) json_object_set_new(tol, "reason", json_string(r->tol.reason));
  json_object_set_new(o, "tolerance", tol);
  json_object_set_new(o, "environmentsMatch",
                      r->env == PF_ENV_UNKNOWN ? json_null()
                                               : json_boolean(r->env == PF_ENV_MATCH));
  if (r->env == PF_ENV_DIFFER) {
    json_t *env = json_object();
    json_t *b = json_loads(r->env_base, 0, NULL), *c = json_loads(r->env_new, 0, NULL);
    json_object_set_new(env, "baseline", b ? b : json_null());
    json_object_set_new(env, "current", c ? c : json_null());
    json_object_set_new(o, "environments", env);
  }
  json_object_set_new(o, "message", json_string(r->message ? r->message : ""));
  return o;
}

static json_t *rp__names(const char *const *names, size_t n) {
  json_t *a = json_array();
  for (size_t i = 0; i < n; i++)
    json_array_append_new(a, json_string(names[i]));
  return a;
}

json_t *rp_perf_report_json(const pf_report *p) {
  json_t *o = json_object();
  json_object_set_new(o, "verdict", json_string(pf_report_verdict(p)));
  json_object_set_new(o, "regressions", json_integer((json_int_t)p->counts[PF_REGRESSION]));
  json_object_set_new(o, "improvements", json_integer((json_int_t)p->counts[PF_IMPROVEMENT]));
  json_object_set_new(o, "inconclusive", json_integer((json_int_t)p->counts[PF_INCONCLUSIVE]));
  json_object_set_new(o, "unchanged", json_integer((json_int_t)p->counts[PF_UNCHANGED]));
  json_object_set_new(o, "added", rp__names(p->added, p->nadded));
  json_object_set_new(o, "missing", rp__names(p->missing, p->nmissing));
  json_t *rs = json_array();
  for (size_t i = 0; i < p->nresults; i++)
    json_array_append_new(rs, rp_perf_result_json(&p->results[i]));
  json_object_set_new(o, "results", rs);
  return o;
}
