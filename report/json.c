/* json.c — Assay's own JSON report: findings, diagnostics and scan counts. */
#include "report.h"
#include "perf_json.h"

#include <jansson.h>
#include <string.h>

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
  if (f->contract_class) json_object_set_new(o, "contract_class", json_string(f->contract_class));
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
    json_object_set_new(so, "service", rp__jstr(s->service));
    if (s->link)
      json_object_set_new(so, "link", json_integer(s->link > 0 ? s->link - 1 : -s->link - 1));
    json_array_append_new(steps, so);
  }
  json_object_set_new(o, "steps", steps);
  json_t *svcs = json_array();
  for (uint32_t i = 0; i < f->nservices; i++)
    json_array_append_new(svcs, rp__jstr(f->services[i]));
  if (!f->nservices) json_array_append_new(svcs, rp__jstr(f->service));
  json_object_set_new(o, "services", svcs);
  return o;
}

static json_t *rp__strs(const char *const *v, uint32_t n) {
  json_t *a = json_array();
  for (uint32_t i = 0; i < n; i++)
    json_array_append_new(a, rp__jstr(v[i]));
  return a;
}

/* The parameter names of a route template: ":id" (Express), "<int:id>"
 * (Flask), "{id}" / "{id...}" (Spring, FastAPI, Go). */
static json_t *rp__path_params(const char *tmpl) {
  json_t *a = json_array();
  for (const char *p = tmpl ? tmpl : ""; *p; p++) {
    if (p != tmpl && p[-1] != '/') continue;
    const char *b = NULL, *e = NULL;
    if (*p == ':') {
      b = p + 1;
      e = b + strcspn(b, "/");
    } else if (*p == '<' || *p == '{') {
      const char *close = strchr(p, *p == '<' ? '>' : '}');
      if (!close) continue;
      b = p + 1;
      const char *colon = memchr(b, ':', (size_t)(close - b));
      if (colon && *p == '<') b = colon + 1;  /* <int:id> */
      e = colon && *p == '{' ? colon : close; /* {id:[0-9]+} */
      const char *dots = strstr(b, "...");
      if (dots && dots < e) e = dots;
    }
    if (b && e > b) json_array_append_new(a, json_stringn(b, (size_t)(e - b)));
  }
  return a;
}

static json_t *rp__cols(const an_access_col *v, uint32_t n) {
  json_t *a = json_array();
  for (uint32_t i = 0; i < n; i++) {
    json_t *o = json_object();
    json_object_set_new(o, "name", rp__jstr(v[i].name));
    json_object_set_new(o, "category", v[i].category ? json_string(v[i].category) : json_null());
    json_array_append_new(a, o);
  }
  return a;
}

/* The data-access graph: rows, statements not read, tables. */
static json_t *rp__access_json(const an_result *res) {
  json_t *rows = json_array();
  for (size_t i = 0; i < res->naccesses; i++) {
    const an_access_rec *r = &res->accesses[i];
    json_t *o = json_object();
    json_object_set_new(o, "service", rp__jstr(r->service));
    json_object_set_new(o, "function", rp__jstr(r->function));
    json_object_set_new(o, "kind", rp__jstr(r->kind));
    json_object_set_new(o, "resource", rp__jstr(r->resource));
    json_object_set_new(o, "op", rp__jstr(r->op));
    json_object_set_new(o, "via", rp__jstr(r->via));
    json_object_set_new(o, "columns", rp__cols(r->columns, r->ncolumns));
    json_object_set_new(o, "categories", rp__strs(r->categories, r->ncategories));
    json_object_set_new(o, "endpoints", rp__strs(r->endpoints, r->nendpoints));
    json_object_set_new(o, "statement", rp__jstr(r->statement));
    json_object_set_new(o, "file", rp__jstr(r->path));
    json_object_set_new(o, "line", json_integer(r->line));
    json_array_append_new(rows, o);
  }
  json_t *unres = json_array();
  for (size_t i = 0; i < res->nunresolved_access; i++) {
    const an_access_rec *r = &res->unresolved_access[i];
    json_t *o = json_object();
    json_object_set_new(o, "service", rp__jstr(r->service));
    json_object_set_new(o, "function", rp__jstr(r->function));
    json_object_set_new(o, "via", rp__jstr(r->via));
    json_object_set_new(o, "statement", rp__jstr(r->statement));
    json_object_set_new(o, "reason", rp__jstr(r->unresolved));
    json_object_set_new(o, "file", rp__jstr(r->path));
    json_object_set_new(o, "line", json_integer(r->line));
    json_array_append_new(unres, o);
  }
  json_t *tables = json_array();
  for (size_t i = 0; i < res->ntables; i++) {
    const an_table_rec *t = &res->tables[i];
    json_t *o = json_object();
    json_object_set_new(o, "service", rp__jstr(t->service));
    json_object_set_new(o, "name", rp__jstr(t->name));
    json_object_set_new(o, "origin", rp__jstr(t->origin));
    json_object_set_new(o, "columns", rp__cols(t->columns, t->ncolumns));
    json_object_set_new(o, "file", rp__jstr(t->path));
    json_object_set_new(o, "line", json_integer(t->line));
    json_array_append_new(tables, o);
  }
  json_t *o = json_object();
  json_object_set_new(o, "accesses", rows);
  json_object_set_new(o, "unresolved", unres);
  json_object_set_new(o, "tables", tables);
  return o;
}

/* The service map: endpoints and outbound calls with what they link to. */
static json_t *rp__endpoints_json(const an_result *res) {
  json_t *a = json_array();
  for (size_t i = 0; i < res->nendpoints; i++) {
    const an_endpoint_rec *e = &res->endpoints[i];
    json_t *o = json_object();
    json_object_set_new(o, "protocol", rp__jstr(e->protocol));
    json_object_set_new(o, "service", rp__jstr(e->service));
    json_object_set_new(o, "method", rp__jstr(e->method));
    json_object_set_new(o, "target", rp__jstr(e->target));
    json_object_set_new(o, "display", rp__jstr(e->display));
    if (strcmp(e->protocol, "http") == 0)
      json_object_set_new(o, "path_params", rp__path_params(e->display));
    json_object_set_new(o, "handler", rp__jstr(e->handler));
    json_object_set_new(o, "file", rp__jstr(e->path));
    json_object_set_new(o, "line", json_integer(e->line));
    json_object_set_new(o, "guards", rp__strs(e->guards, e->nguards));
    json_object_set_new(o, "clients", json_integer(e->nclients));
    json_object_set_new(o, "response", rp__strs(e->response, e->nresponse));
    json_array_append_new(a, o);
  }
  return a;
}

static json_t *rp__links_json(const an_result *res) {
  json_t *a = json_array();
  for (size_t i = 0; i < res->nlinks; i++) {
    const an_link_rec *l = &res->links[i];
    json_t *o = json_object();
    json_object_set_new(o, "protocol", rp__jstr(l->protocol));
    json_object_set_new(o, "service", rp__jstr(l->service));
    json_object_set_new(o, "method", rp__jstr(l->method));
    json_object_set_new(o, "target", rp__jstr(l->target));
    json_object_set_new(o, "url", rp__jstr(l->url));
    json_object_set_new(o, "host", rp__jstr(l->host));
    json_object_set_new(o, "target_service", rp__jstr(l->target_service));
    json_object_set_new(o, "state", rp__jstr(l->state));
    json_object_set_new(o, "file", rp__jstr(l->path));
    json_object_set_new(o, "line", json_integer(l->line));
    json_t *eps = json_array();
    for (uint32_t k = 0; k < l->nendpoints; k++)
      json_array_append_new(eps, json_integer(l->endpoints[k]));
    json_object_set_new(o, "endpoints", eps);
    json_object_set_new(o, "categories", rp__strs(l->categories, l->ncategories));
    json_object_set_new(o, "returned", rp__strs(l->returned, l->nreturned));
    json_array_append_new(a, o);
  }
  return a;
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
  json_t *cheaders = json_array();
  for (size_t i = 0; i < res->nc_headers; i++) {
    const an_c_header_rec *h = &res->c_headers[i];
    json_t *o = json_object();
    json_object_set_new(o, "service", rp__jstr(h->service));
    json_object_set_new(o, "file", rp__jstr(h->path));
    json_object_set_new(o, "rule", rp__jstr(h->rule));
    json_object_set_new(o, "origin", rp__jstr(h->origin));
    json_array_append_new(cheaders, o);
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
  json_object_set_new(root, "endpoints", rp__endpoints_json(res));
  json_object_set_new(root, "links", rp__links_json(res));
  json_object_set_new(root, "c_public_headers", cheaders);
  json_object_set_new(root, "data_access", rp__access_json(res));
  if (opt && opt->perf) json_object_set_new(root, "performance", rp_perf_report_json(opt->perf));
  int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  json_decref(root);
  if (rc == 0 && fputc('\n', out) == EOF) rc = -1;
  if (fflush(out) != 0 || ferror(out)) rc = -1;
  return rc == 0 ? 0 : -1;
}
