/* json.c — Assay's own JSON report: findings, diagnostics and scan counts. */
#include "report.h"
#include "perf_json.h"

#include <jansson.h>

static json_t *rp__jstr(const char *s) {
  return s ? json_string(s) : json_null();
}

static json_t *rp__finding_json(const an_finding *f, const rp_options *opt) {
  json_t *o = json_object();
  json_object_set_new(o, "rule", rp__jstr(f->rule_id));
  json_object_set_new(o, "sink", json_string(ir_sink_kind_name(f->sink_kind)));
  json_t *cats = json_array();
  for (uint32_t i = 0; i < f->ncategories; i++)
    json_array_append_new(cats, rp__jstr(f->categories[i]));
  json_object_set_new(o, "categories", cats);
  json_object_set_new(o, "service", rp__jstr(f->service));
  json_object_set_new(o, "source", rp__jstr(f->source_symbol));
  json_object_set_new(o, "sink_symbol", rp__jstr(f->sink_symbol));
  json_object_set_new(o, "fingerprint", rp__jstr(f->fingerprint));
  json_object_set_new(o, "file", rp__jstr(f->path));
  json_object_set_new(o, "line", json_integer(f->line));
  json_object_set_new(o, "col", json_integer(f->col));
  json_object_set_new(o, "message", rp__jstr(f->message));
  if (opt && opt->with_states)
    json_object_set_new(o, "state", json_string(an_state_name(f->state)));
  if (f->suppressed_reason) {
    json_t *sup = json_object();
    json_object_set_new(sup, "reason", json_string(f->suppressed_reason));
    json_object_set_new(sup, "origin", rp__jstr(f->suppressed_origin));
    json_object_set_new(o, "suppressed", sup);
  }
  json_t *steps = json_array();
  for (uint32_t i = 0; i < f->nsteps; i++) {
    const an_step *s = &f->steps[i];
    json_t *so = json_object();
    json_object_set_new(so, "file", rp__jstr(s->path));
    json_object_set_new(so, "line", json_integer(s->line));
    json_object_set_new(so, "col", json_integer(s->col));
    json_object_set_new(so, "function", rp__jstr(s->function));
    json_object_set_new(so, "message", rp__jstr(s->message));
    json_array_append_new(steps, so);
  }
  json_object_set_new(o, "steps", steps);
  return o;
}

int rp_write_json(const an_result *res, const rp_options *opt, FILE *out) {
  json_t *findings = json_array();
  for (size_t i = 0; i < res->nfindings; i++)
    json_array_append_new(findings, rp__finding_json(&res->findings[i], opt));
  json_t *diags = json_array();
  for (size_t i = 0; i < res->ndiags; i++) {
    const as_diag *d = &res->diags[i];
    json_t *o = json_object();
    json_object_set_new(o, "level", json_string(as_diag_level_name(d->level)));
    json_object_set_new(o, "file", rp__jstr(d->path));
    json_object_set_new(o, "line", json_integer(d->line));
    json_object_set_new(o, "col", json_integer(d->col));
    json_object_set_new(o, "code", rp__jstr(d->code));
    json_object_set_new(o, "message", rp__jstr(d->message));
    json_array_append_new(diags, o);
  }
  json_t *stats = json_object();
  json_object_set_new(stats, "files", json_integer((json_int_t)res->files_scanned));
  json_object_set_new(stats, "failed", json_integer((json_int_t)res->files_failed));
  json_object_set_new(stats, "lines", json_integer((json_int_t)res->lines_scanned));

  json_t *root = json_object();
  json_object_set_new(root, "version", rp__jstr(opt ? opt->tool_version : NULL));
  json_object_set_new(root, "findings", findings);
  json_object_set_new(root, "diagnostics", diags);
  json_object_set_new(root, "stats", stats);
  if (opt && opt->perf) json_object_set_new(root, "performance", rp_perf_report_json(opt->perf));
  int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  json_decref(root);
  if (rc == 0 && fputc('\n', out) == EOF) rc = -1;
  if (fflush(out) != 0 || ferror(out)) rc = -1;
  return rc == 0 ? 0 : -1;
}
