/* perf.c — benchmark sets, Assay's own file format, and the comparison of a
 * current set with a baseline. */
#include "perf.h"

#include <jansson.h>
#include <math.h>
#include <string.h>

const char *pf_unit_name(pf_unit u) {
  return u == PF_UNIT_INSTRUCTIONS ? "instructions" : "ns";
}

const char *pf_verdict_name(pf_verdict v) {
  switch (v) {
  case PF_REGRESSION:
    return "regression";
  case PF_IMPROVEMENT:
    return "improvement";
  case PF_INCONCLUSIVE:
    return "inconclusive";
  default:
    return "unchanged";
  }
}

pf_set *pf_set_new(void) {
  pf_set *self = as_calloc(1, sizeof(*self));
  self->arena = as_arena_new();
  return self;
}

void pf_set_delete(pf_set *self) {
  if (!self) return;
  free(self->items);
  as_arena_delete(self->arena);
  free(self);
}

const pf_bench *pf_set_find(const pf_set *self, const char *name, pf_unit unit) {
  for (size_t i = 0; self && i < self->len; i++)
    if (self->items[i].unit == unit && strcmp(self->items[i].name, name) == 0)
      return &self->items[i];
  return NULL;
}

pf_bench *pf_set_add(pf_set *self, const char *name, pf_unit unit, const double *samples, size_t n,
                     const char *environment, const char *source) {
  if (pf_set_find(self, name, unit)) return NULL;
  as_array_grow(self, 1);
  pf_bench *b = &self->items[self->len++];
  b->name = as_arena_strdup(self->arena, name);
  b->unit = unit;
  b->samples = n ? as_arena_memdup(self->arena, samples, n * sizeof(*samples)) : NULL;
  b->nsamples = n;
  b->environment = as_arena_strdup(self->arena, environment ? environment : "{}");
  b->source = source ? as_arena_strdup(self->arena, source) : NULL;
  return b;
}

/* A sample as JSON: an integer when it is one (instruction counts, ns). */
static json_t *pf__sample_json(double v) {
  if (v == floor(v) && fabs(v) < 9007199254740992.0) return json_integer((json_int_t)v);
  return json_real(v);
}

int pf_write_json(const pf_set *self, FILE *out) {
  json_t *root = json_object();
  json_object_set_new(root, "format", json_string("assay-perf"));
  json_object_set_new(root, "version", json_integer(1));
  json_t *env = self->len ? json_loads(self->items[0].environment, 0, NULL) : NULL;
  json_object_set_new(root, "environment", env ? env : json_object());
  json_t *benches = json_array();
  for (size_t i = 0; i < self->len; i++) {
    const pf_bench *b = &self->items[i];
    json_t *o = json_object();
    json_object_set_new(o, "name", json_string(b->name));
    json_object_set_new(o, "unit", json_string(pf_unit_name(b->unit)));
    json_t *s = json_array();
    for (size_t k = 0; k < b->nsamples; k++)
      json_array_append_new(s, pf__sample_json(b->samples[k]));
    json_object_set_new(o, "samples", s);
    json_array_append_new(benches, o);
  }
  json_object_set_new(root, "benchmarks", benches);
  int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  json_decref(root);
  if (rc == 0 && fputc('\n', out) == EOF) rc = -1;
  if (fflush(out) != 0 || ferror(out)) rc = -1;
  return rc == 0 ? 0 : -1;
}

/* ---- comparison ------------------------------------------------------------- */

static pf_env_match pf__env_match(const char *a, const char *b) {
  if (!a || !b || strcmp(a, "{}") == 0 || strcmp(b, "{}") == 0) return PF_ENV_UNKNOWN;
  return strcmp(a, b) == 0 ? PF_ENV_MATCH : PF_ENV_DIFFER;
}

static const char *pf__env_note(pf_env_match env) {
  return env == PF_ENV_DIFFER ? " (the environments differ)" : "";
}

void pf_compare_one(as_arena *arena, const pf_bench *base, const pf_bench *cur,
                    const pf_tolerance *tol, pf_result *r) {
  memset(r, 0, sizeof(*r));
  r->name = as_arena_strdup(arena, cur->name);
  r->unit = cur->unit;
  r->tol = *tol;
  if (tol->reason) r->tol.reason = as_arena_strdup(arena, tol->reason);
  r->n_base = base->nsamples;
  r->n_new = cur->nsamples;
  r->env_base = as_arena_strdup(arena, base->environment);
  r->env_new = as_arena_strdup(arena, cur->environment);
  r->env = pf__env_match(base->environment, cur->environment);
  r->median_base = r->n_base ? pf_median(base->samples, r->n_base) : 0;
  r->median_new = r->n_new ? pf_median(cur->samples, r->n_new) : 0;
  r->effect_finite = true;
  if (r->median_base > 0)
    r->effect = (r->median_new - r->median_base) / r->median_base;
  else if (r->median_new == r->median_base)
    r->effect = 0;
  else
    r->effect_finite = false, r->effect = r->median_new > r->median_base ? HUGE_VAL : -HUGE_VAL;
  char *msg = NULL;
  double pct = r->effect * 100;

  if (r->unit == PF_UNIT_INSTRUCTIONS) {
    double th = tol->instructions;
    if (r->n_base < 1 || r->n_new < 1) {
      r->verdict = PF_INCONCLUSIVE;
      msg = as_sprintf("%s: no samples on one side", r->name);
    } else if (r->effect >= th) {
      r->verdict = PF_REGRESSION;
    } else if (r->effect <= -th) {
      r->verdict = PF_IMPROVEMENT;
    } else {
      r->verdict = PF_UNCHANGED;
    }
    if (!msg)
      msg = as_sprintf("%s: instructions %.0f -> %.0f (%+.2f%%, threshold %.2f%%)%s", r->name,
                       r->median_base, r->median_new, pct, th * 100, pf__env_note(r->env));
    r->message = as_arena_strdup(arena, msg);
    free(msg);
    return;
  }

  /* wall clock */
  if (r->n_base < 2 || r->n_new < 2) {
    r->verdict = PF_INCONCLUSIVE;
    msg = as_sprintf("%s: %zu baseline and %zu current samples; the test needs at "
                     "least 2 on each side",
                     r->name, r->n_base, r->n_new);
    r->message = as_arena_strdup(arena, msg);
    free(msg);
    return;
  }
  r->tested = true;
  pf_mann_whitney(base->samples, r->n_base, cur->samples, r->n_new, &r->mwu);
  pf_hodges_lehmann(base->samples, r->n_base, cur->samples, r->n_new, tol->alpha, &r->hl);
  double alpha = tol->alpha;
  if (r->env == PF_ENV_DIFFER) {
    r->verdict = PF_INCONCLUSIVE;
    msg = as_sprintf("%s: the baseline and the current samples come from different "
                     "environments (median %+.2f%%, p = %.4g)",
                     r->name, pct, r->mwu.p);
  } else if (r->mwu.min_p >= alpha) {
    r->verdict = PF_INCONCLUSIVE;
    msg = as_sprintf("%s: with %zu and %zu samples the smallest reachable p-value "
                     "is %.4g, not below alpha %.4g; record more runs",
                     r->name, r->n_base, r->n_new, r->mwu.min_p, alpha);
  } else if (r->mwu.p < alpha && r->effect >= tol->min_effect && r->hl.has_ci && r->hl.ci_low > 0) {
    r->verdict = PF_REGRESSION;
  } else if (r->mwu.p < alpha && r->effect <= -tol->min_effect && r->hl.has_ci &&
             r->hl.ci_high < 0) {
    r->verdict = PF_IMPROVEMENT;
  } else {
    r->verdict = PF_UNCHANGED;
  }
  if (!msg)
    msg = as_sprintf("%s: median %.6g ns -> %.6g ns (%+.2f%%, minimum effect %.2f%%), "
                     "U = %g, p = %.4g (alpha %.4g), shift %+.6g ns",
                     r->name, r->median_base, r->median_new, pct, tol->min_effect * 100, r->mwu.u,
                     r->mwu.p, alpha, r->hl.shift);
  r->message = as_arena_strdup(arena, msg);
  free(msg);
}

pf_report *pf_compare(const pf_set *base, const pf_set *cur, const pf_tolerance *defaults,
                      const pf_override *overrides, size_t noverrides) {
  pf_report *self = as_calloc(1, sizeof(*self));
  self->arena = as_arena_new();
  pf_tolerance dflt = defaults ? *defaults : PF_TOLERANCE_DEFAULT;
  size_t ncur = cur ? cur->len : 0, nbase = base ? base->len : 0;
  self->results = as_arena_alloc(self->arena, (ncur ? ncur : 1) * sizeof(*self->results));
  self->added = as_arena_alloc(self->arena, (ncur ? ncur : 1) * sizeof(*self->added));
  self->missing = as_arena_alloc(self->arena, (nbase ? nbase : 1) * sizeof(*self->missing));
  for (size_t i = 0; i < ncur; i++) {
    const pf_bench *c = &cur->items[i];
    const pf_bench *b = pf_set_find(base, c->name, c->unit);
    if (!b) {
      char *s = as_sprintf("%s (%s)", c->name, pf_unit_name(c->unit));
      self->added[self->nadded++] = as_arena_strdup(self->arena, s);
      free(s);
      continue;
    }
    const pf_tolerance *tol = &dflt;
    for (size_t k = 0; k < noverrides; k++)
      if (strcmp(overrides[k].name, c->name) == 0) tol = &overrides[k].tol;
    pf_result *r = &self->results[self->nresults++];
    pf_compare_one(self->arena, b, c, tol, r);
    self->counts[r->verdict]++;
  }
  for (size_t i = 0; i < nbase; i++) {
    const pf_bench *b = &base->items[i];
    if (pf_set_find(cur, b->name, b->unit)) continue;
    char *s = as_sprintf("%s (%s)", b->name, pf_unit_name(b->unit));
    self->missing[self->nmissing++] = as_arena_strdup(self->arena, s);
    free(s);
  }
  return self;
}

void pf_report_delete(pf_report *self) {
  if (!self) return;
  as_arena_delete(self->arena);
  free(self);
}

const char *pf_report_verdict(const pf_report *self) {
  if (self->counts[PF_REGRESSION]) return "fail";
  if (self->counts[PF_INCONCLUSIVE]) return "inconclusive";
  return "pass";
}
