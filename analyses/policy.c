/* policy.c — the performance section of `.assay/policy.yaml`, read with
 * libyaml's document API. */
#include "policy.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <yaml.h>

an_policy *an_policy_new(void) {
  an_policy *self = as_calloc(1, sizeof(*self));
  self->arena = as_arena_new();
  self->perf = PF_TOLERANCE_DEFAULT;
  return self;
}

void an_policy_delete(an_policy *self) {
  if (!self) return;
  free(self->overrides);
  as_arena_delete(self->arena);
  free(self);
}

typedef struct pl__ctx {
  const char *path;
  yaml_document_t *doc;
  char *err;
  size_t errlen;
} pl__ctx;

static int pl__fail(pl__ctx *c, const yaml_node_t *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int pl__fail(pl__ctx *c, const yaml_node_t *at, const char *fmt, ...) {
  if (!c->err || !c->errlen) return -1;
  int n = snprintf(c->err, c->errlen, "%s:%zu: ", c->path, at ? at->start_mark.line + 1 : 1);
  if (n >= 0 && (size_t)n < c->errlen) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err + n, c->errlen - (size_t)n, fmt, ap);
    va_end(ap);
  }
  return -1;
}

static const char *pl__scalar(const yaml_node_t *n) {
  return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* A number in [lo, hi) (hi_inclusive: [lo, hi]). */
static int pl__number(pl__ctx *c, const yaml_node_t *n, const char *key, double lo, double hi,
                      bool hi_inclusive, double *out) {
  const char *s = pl__scalar(n);
  char *end = NULL;
  errno = 0;
  double v = s && *s ? strtod(s, &end) : 0;
  if (!s || !*s || *end || errno) return pl__fail(c, n, "performance: %s must be a number", key);
  if (v < lo || v > hi || (!hi_inclusive && v == hi))
    return pl__fail(c, n, "performance: %s = %s is out of range (%g to %g%s)", key, s, lo, hi,
                    hi_inclusive ? "" : ", exclusive");
  *out = v;
  return 0;
}

/* One mapping of tolerances: the section itself (top = true, where
 * `benchmarks` may appear) or one benchmark's (where `reason` may). */
static int pl__tolerances(pl__ctx *c, const yaml_node_t *map, pf_tolerance *tol, bool top,
                          const yaml_node_t **benchmarks, bool *has_reason) {
  if (map->type != YAML_MAPPING_NODE)
    return pl__fail(c, map, "performance%s must be a mapping", top ? "" : ": a benchmark");
  for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
    yaml_node_t *k = yaml_document_get_node(c->doc, p->key);
    yaml_node_t *v = yaml_document_get_node(c->doc, p->value);
    const char *key = pl__scalar(k);
    if (!key) return pl__fail(c, k, "performance: a key is not a scalar");
    int rc = 0;
    if (strcmp(key, "alpha") == 0) {
      rc = pl__number(c, v, key, 0, 1, false, &tol->alpha);
      if (rc == 0 && tol->alpha == 0) rc = pl__fail(c, v, "performance: alpha must be above 0");
    } else if (strcmp(key, "min_effect") == 0) {
      rc = pl__number(c, v, key, 0, 10, true, &tol->min_effect);
    } else if (strcmp(key, "instructions") == 0) {
      rc = pl__number(c, v, key, 0, 10, true, &tol->instructions);
    } else if (top && strcmp(key, "benchmarks") == 0) {
      *benchmarks = v;
    } else if (!top && strcmp(key, "reason") == 0) {
      const char *r = pl__scalar(v);
      if (!r) return pl__fail(c, v, "performance: reason must be text");
      while (*r == ' ' || *r == '\t')
        r++;
      *has_reason = *r != 0;
      tol->reason = *r ? r : NULL;
    } else {
      rc = pl__fail(c, k, "performance: unknown key '%s'", key);
    }
    if (rc) return rc;
  }
  return 0;
}

static int pl__load_doc(an_policy *self, pl__ctx *c) {
  yaml_node_t *root = yaml_document_get_root_node(c->doc);
  if (!root) return 0; /* an empty file */
  if (root->type != YAML_MAPPING_NODE)
    return pl__fail(c, root, "the policy must be a mapping (performance: ...)");
  const yaml_node_t *perf = NULL;
  for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top;
       p++) {
    const char *key = pl__scalar(yaml_document_get_node(c->doc, p->key));
    if (key && strcmp(key, "performance") == 0) perf = yaml_document_get_node(c->doc, p->value);
  }
  if (!perf) return 0;
  if (perf->type == YAML_SCALAR_NODE && !*pl__scalar(perf)) return 0; /* "performance:" */
  const yaml_node_t *benches = NULL;
  pf_tolerance dflt = self->perf;
  if (pl__tolerances(c, perf, &dflt, true, &benches, NULL) != 0) return -1;
  AS_ARRAY(pf_override) ov = {0};
  int rc = 0;
  if (benches && benches->type == YAML_SCALAR_NODE && !*pl__scalar(benches)) benches = NULL;
  if (benches && benches->type != YAML_MAPPING_NODE)
    rc = pl__fail(c, benches, "performance: benchmarks must be a mapping of names");
  for (yaml_node_pair_t *p = benches && rc == 0 ? benches->data.mapping.pairs.start : NULL;
       p && p < benches->data.mapping.pairs.top; p++) {
    yaml_node_t *k = yaml_document_get_node(c->doc, p->key);
    yaml_node_t *v = yaml_document_get_node(c->doc, p->value);
    const char *name = pl__scalar(k);
    if (!name || !*name) {
      rc = pl__fail(c, k, "performance: a benchmark name is not text");
      break;
    }
    pf_tolerance t = dflt;
    t.reason = NULL;
    bool has_reason = false;
    if (pl__tolerances(c, v, &t, false, NULL, &has_reason) != 0) {
      rc = -1;
      break;
    }
    if (!has_reason) {
      rc = pl__fail(c, k, "performance: benchmark '%s' has its own tolerance without a reason",
                    name);
      break;
    }
    t.reason = as_arena_strdup(self->arena, t.reason);
    pf_override o = {as_arena_strdup(self->arena, name), t};
    as_array_push(&ov, o);
  }
  if (rc != 0) {
    as_array_free(&ov);
    return rc;
  }
  self->perf = dflt;
  free(self->overrides);
  self->overrides = ov.items;
  self->noverrides = ov.len;
  return 0;
}

int an_policy_load(an_policy *self, const char *path, char *err, size_t errlen) {
  char *data;
  size_t len;
  pl__ctx c = {path, NULL, err, errlen};
  if (as_read_file(path, &data, &len) != 0) {
    if (err && errlen) snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
    return -1;
  }
  yaml_parser_t parser;
  yaml_document_t doc;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
  int rc;
  if (!yaml_parser_load(&parser, &doc)) {
    if (err && errlen)
      snprintf(err, errlen, "%s:%zu: not valid YAML: %s%s%s", path, parser.problem_mark.line + 1,
               parser.problem ? parser.problem : "parse error", parser.context ? " " : "",
               parser.context ? parser.context : "");
    rc = -1;
  } else {
    c.doc = &doc;
    rc = pl__load_doc(self, &c);
    yaml_document_delete(&doc);
  }
  yaml_parser_delete(&parser);
  free(data);
  return rc;
}
