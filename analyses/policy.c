/* policy.c — `.assay/policy.yaml` (performance tolerances, data types,
 * approved flows, exceptions), read with libyaml's document API, and the
 * application of the policy and of inline suppressions to findings. */
#include "policy.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <time.h>
#include <yaml.h>

an_policy *an_policy_new(void) {
  an_policy *self = as_calloc(1, sizeof(*self));
  self->arena = as_arena_new();
  self->perf = PF_TOLERANCE_DEFAULT;
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(self->today, sizeof self->today, "%Y-%m-%d", &tm);
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

/* ---- data_types, approved_flows, exceptions ---------------------------- */

static const yaml_node_t *pl__get(pl__ctx *c, const yaml_node_t *root, const char *name) {
  for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top;
       p++) {
    const char *key = pl__scalar(yaml_document_get_node(c->doc, p->key));
    if (key && strcmp(key, name) == 0) return yaml_document_get_node(c->doc, p->value);
  }
  return NULL;
}

/* The entries of a section: NULL for an absent or empty one, else a sequence
 * of mappings (checked). */
static int pl__section(pl__ctx *c, const yaml_node_t *sec, const char *name) {
  if (!sec || (sec->type == YAML_SCALAR_NODE && !*pl__scalar(sec))) return 0;
  if (sec->type != YAML_SEQUENCE_NODE)
    return pl__fail(c, sec, "%s must be a list of entries (- key: value)", name);
  for (yaml_node_item_t *i = sec->data.sequence.items.start; i < sec->data.sequence.items.top;
       i++) {
    yaml_node_t *e = yaml_document_get_node(c->doc, *i);
    if (e->type != YAML_MAPPING_NODE) return pl__fail(c, e, "%s: an entry must be a mapping", name);
  }
  return 1;
}

/* Text without leading and trailing blanks, in the arena; NULL when empty. */
static const char *pl__trimmed(an_policy *self, const char *s) {
  while (*s == ' ' || *s == '\t')
    s++;
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
    n--;
  return n ? as_arena_strndup(self->arena, s, n) : NULL;
}

static bool pl__is_date(const char *s) {
  static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
  int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
  if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

/* Read the keys of one entry: every key must be one of names (space
 * separated, with spaces around); values must be text. vals[i] gets the value
 * of the i-th name and nodes[i] its node. */
static int pl__entry(pl__ctx *c, const yaml_node_t *e, const char *section, const char *names,
                     const char **vals, const yaml_node_t **nodes) {
  for (yaml_node_pair_t *p = e->data.mapping.pairs.start; p < e->data.mapping.pairs.top; p++) {
    yaml_node_t *k = yaml_document_get_node(c->doc, p->key);
    yaml_node_t *v = yaml_document_get_node(c->doc, p->value);
    const char *key = pl__scalar(k);
    char want[64];
    snprintf(want, sizeof want, " %s ", key ? key : "");
    const char *at = key && *key ? strstr(names, want) : NULL;
    if (!at) return pl__fail(c, k, "%s: unknown key '%s'", section, key ? key : "?");
    int idx = 0;
    for (const char *q = names + 1; q < at + 1; q++)
      if (*q == ' ') idx++;
    const char *val = pl__scalar(v);
    if (!val) return pl__fail(c, v, "%s: %s must be text", section, key);
    vals[idx] = val;
    nodes[idx] = v;
  }
  return 0;
}

/* "9f2c5a1b03de…": enough of a fingerprint to find it. */
static const char *pl__short(char buf[32], const char *fp) {
  snprintf(buf, 32, "%.12s%s", fp, strlen(fp) > 12 ? "\u2026" : "");
  return buf;
}

static int pl__expires(an_policy *self, pl__ctx *c, const char *section, const char *what,
                       const char *val, const yaml_node_t *node, const char **out) {
  *out = NULL;
  if (!val) return 0;
  if (!pl__is_date(val))
    return pl__fail(c, node, "%s: expires '%s' is not a date (YYYY-MM-DD)", section, val);
  if (strcmp(val, self->today) < 0) return pl__fail(c, node, "%s expired on %s", what, val);
  *out = as_arena_strdup(self->arena, val);
  return 0;
}

static int pl__rules(an_policy *self, pl__ctx *c, const yaml_node_t *root) {
  AS_ARRAY(an_policy_type) types = {0};
  AS_ARRAY(an_policy_flow) flows = {0};
  AS_ARRAY(an_policy_exception) excs = {0};
  int rc = 0;
  const yaml_node_t *sec = pl__get(c, root, "data_types");
  int has = pl__section(c, sec, "data_types");
  if (has < 0) rc = -1;
  an_catalogue *scratch = an_catalogue_new_empty();
  for (yaml_node_item_t *i = has > 0 ? sec->data.sequence.items.start : NULL;
       rc == 0 && i && i < sec->data.sequence.items.top; i++) {
    const yaml_node_t *e = yaml_document_get_node(c->doc, *i);
    const char *v[3] = {0};
    const yaml_node_t *n[3] = {0};
    if ((rc = pl__entry(c, e, "data_types", " pattern category exclude ", v, n)) != 0) break;
    if (!v[0] == !v[2]) {
      rc = pl__fail(c, e, "data_types: an entry needs either pattern (with category) or exclude");
      break;
    }
    if (v[2] && v[1]) {
      rc = pl__fail(c, n[1], "data_types: an exclusion takes no category");
      break;
    }
    if (v[0] && !v[1]) {
      rc = pl__fail(c, e, "data_types: pattern '%s' has no category", v[0]);
      break;
    }
    an_policy_type t = {pl__trimmed(self, v[0] ? v[0] : v[2]),
                        v[1] ? pl__trimmed(self, v[1]) : NULL, (uint32_t)e->start_mark.line + 1};
    /* Check the rule as the catalogue will read it. */
    char line[512], cerr[512];
    if (!t.words || strpbrk(t.words, "\t\n") ||
        (v[1] && (!t.category || strpbrk(t.category, " \t\n")))) {
      rc = pl__fail(c, e, "data_types: '%s' is not a valid rule", v[0] ? v[0] : v[2]);
      break;
    }
    snprintf(line, sizeof line, "%s\t%s%s%s\n", t.category ? "pattern" : "exclude", t.words,
             t.category ? "\t" : "", t.category ? t.category : "");
    if (an_catalogue_add_text(scratch, line, "", cerr, sizeof cerr) != 0) {
      const char *msg = strstr(cerr, ": ");
      rc = pl__fail(c, e, "data_types: %s", msg ? msg + 2 : cerr);
      break;
    }
    as_array_push(&types, t);
  }
  an_catalogue_delete(scratch);

  sec = rc == 0 ? pl__get(c, root, "approved_flows") : NULL;
  has = rc == 0 ? pl__section(c, sec, "approved_flows") : 0;
  if (has < 0) rc = -1;
  for (yaml_node_item_t *i = has > 0 ? sec->data.sequence.items.start : NULL;
       rc == 0 && i && i < sec->data.sequence.items.top; i++) {
    const yaml_node_t *e = yaml_document_get_node(c->doc, *i);
    const char *v[5] = {0};
    const yaml_node_t *n[5] = {0};
    if ((rc = pl__entry(c, e, "approved_flows", " category sink service reason expires ", v, n)) !=
        0)
      break;
    an_policy_flow f = {.line = (uint32_t)e->start_mark.line + 1};
    f.category = v[0] ? pl__trimmed(self, v[0]) : NULL;
    if (!f.category) {
      rc = pl__fail(c, e, "approved_flows: an entry has no category");
      break;
    }
    if (!v[1] || !*v[1]) {
      rc = pl__fail(c, e, "approved_flows: %s has no sink", f.category);
      break;
    }
    int kind = -1;
    for (int k = IR_SINK_NONE + 1; k < IR_SINK__COUNT; k++)
      if (strcmp(ir_sink_kind_name((ir_sink_kind)k), v[1]) == 0) kind = k;
    if (kind < 0) {
      as_buf kinds = {0};
      for (int k = IR_SINK_NONE + 1; k < IR_SINK__COUNT; k++)
        as_buf_printf(&kinds, "%s%s", k > IR_SINK_NONE + 1 ? ", " : "",
                      ir_sink_kind_name((ir_sink_kind)k));
      rc = pl__fail(c, n[1], "approved_flows: unknown sink kind '%s' (%s)", v[1], kinds.data);
      as_buf_free(&kinds);
      break;
    }
    f.sink = (ir_sink_kind)kind;
    f.service = v[2] ? pl__trimmed(self, v[2]) : NULL;
    f.reason = v[3] ? pl__trimmed(self, v[3]) : NULL;
    char what[256];
    snprintf(what, sizeof what, "approved flow %s -> %s", f.category, v[1]);
    if (!f.reason) {
      rc = pl__fail(c, v[3] ? n[3] : e, "%s has no reason", what);
      break;
    }
    if ((rc = pl__expires(self, c, "approved_flows", what, v[4], n[4], &f.expires)) != 0) break;
    as_array_push(&flows, f);
  }

  sec = rc == 0 ? pl__get(c, root, "exceptions") : NULL;
  has = rc == 0 ? pl__section(c, sec, "exceptions") : 0;
  if (has < 0) rc = -1;
  for (yaml_node_item_t *i = has > 0 ? sec->data.sequence.items.start : NULL;
       rc == 0 && i && i < sec->data.sequence.items.top; i++) {
    const yaml_node_t *e = yaml_document_get_node(c->doc, *i);
    const char *v[3] = {0};
    const yaml_node_t *n[3] = {0};
    if ((rc = pl__entry(c, e, "exceptions", " fingerprint reason expires ", v, n)) != 0) break;
    if (!v[0]) {
      rc = pl__fail(c, e, "exceptions: an entry has no fingerprint");
      break;
    }
    bool hex = strlen(v[0]) == 64;
    for (const char *q = v[0]; hex && *q; q++)
      hex = (*q >= '0' && *q <= '9') || (*q >= 'a' && *q <= 'f');
    if (!hex) {
      rc = pl__fail(c, n[0], "exceptions: fingerprint '%s' is not 64 lowercase hex digits", v[0]);
      break;
    }
    char sh[32], what[64];
    snprintf(what, sizeof what, "exception %s", pl__short(sh, v[0]));
    for (size_t j = 0; j < excs.len && rc == 0; j++)
      if (strcmp(excs.items[j].fingerprint, v[0]) == 0)
        rc = pl__fail(c, n[0], "%s is listed twice (first on line %u)", what, excs.items[j].line);
    if (rc) break;
    an_policy_exception x = {.fingerprint = as_arena_strdup(self->arena, v[0]),
                             .line = (uint32_t)e->start_mark.line + 1};
    x.reason = v[1] ? pl__trimmed(self, v[1]) : NULL;
    if (!x.reason) {
      rc = pl__fail(c, v[1] ? n[1] : e, "%s has no reason", what);
      break;
    }
    if ((rc = pl__expires(self, c, "exceptions", what, v[2], n[2], &x.expires)) != 0) break;
    as_array_push(&excs, x);
  }
  if (rc == 0) {
    self->types = as_arena_memdup(self->arena, types.items, types.len * sizeof(*types.items));
    self->ntypes = types.len;
    self->flows = as_arena_memdup(self->arena, flows.items, flows.len * sizeof(*flows.items));
    self->nflows = flows.len;
    self->exceptions = as_arena_memdup(self->arena, excs.items, excs.len * sizeof(*excs.items));
    self->nexceptions = excs.len;
  }
  as_array_free(&types);
  as_array_free(&flows);
  as_array_free(&excs);
  return rc;
}

static int pl__load_doc(an_policy *self, pl__ctx *c) {
  yaml_node_t *root = yaml_document_get_root_node(c->doc);
  if (!root) return 0; /* an empty file */
  if (root->type != YAML_MAPPING_NODE)
    return pl__fail(c, root, "the policy must be a mapping (performance: ...)");
  const yaml_node_t *perf = NULL;
  for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top;
       p++) {
    yaml_node_t *k = yaml_document_get_node(c->doc, p->key);
    yaml_node_t *v = yaml_document_get_node(c->doc, p->value);
    const char *key = pl__scalar(k);
    if (key && strcmp(key, "performance") == 0)
      perf = v;
    else if (!key || (strcmp(key, "data_types") != 0 && strcmp(key, "approved_flows") != 0 &&
                      strcmp(key, "exceptions") != 0))
      return pl__fail(c, k,
                      "unknown key '%s' (performance, data_types, approved_flows, "
                      "exceptions)",
                      key ? key : "?");
  }
  if (pl__rules(self, c, root) != 0) return -1;
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
    if (rc == 0) {
      self->path = as_arena_strdup(self->arena, path);
      as_sha256_hex(data, len, self->sha256);
    }
  }
  yaml_parser_delete(&parser);
  free(data);
  return rc;
}

int an_policy_add_types(const an_policy *self, an_catalogue *cat, char *err, size_t errlen) {
  if (!self->ntypes) return 0;
  as_buf b = {0};
  for (size_t i = 0; i < self->ntypes; i++) {
    const an_policy_type *t = &self->types[i];
    if (t->category)
      as_buf_printf(&b, "pattern\t%s\t%s\n", t->words, t->category);
    else
      as_buf_printf(&b, "exclude\t%s\n", t->words);
  }
  int rc = an_catalogue_add_text(cat, b.data, self->path ? self->path : "policy", err, errlen);
  as_buf_free(&b);
  return rc;
}

/* ---- applying ----------------------------------------------------------- */

/* One inline suppression found on a line. */
typedef struct pl__inline {
  char rule[128];
  char reason[512];
} pl__inline;

/* Parse "assay: allow RULE -- REASON" in line [s, e). Returns 0 when the
 * line has none, 1 when found. */
static int pl__parse_inline(const char *s, const char *e, pl__inline *out) {
  static const char tag[] = "assay: allow";
  size_t tl = sizeof tag - 1;
  const char *p = NULL;
  for (const char *q = s; q + tl <= e; q++)
    if (memcmp(q, tag, tl) == 0) {
      p = q + tl;
      break;
    }
  if (!p) return 0;
  while (p < e && (*p == ' ' || *p == '\t'))
    p++;
  const char *r = p;
  while (p < e && *p != ' ' && *p != '\t' && *p != '\r')
    p++;
  snprintf(out->rule, sizeof out->rule, "%.*s", (int)(p - r), r);
  out->reason[0] = 0;
  while (p < e && (*p == ' ' || *p == '\t'))
    p++;
  if (p + 2 <= e && p[0] == '-' && p[1] == '-') {
    p += 2;
    const char *end = e;
    /* Closers of block comments are not part of the reason. */
    while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
      end--;
    if (end - p >= 3 && memcmp(end - 3, "-->", 3) == 0)
      end -= 3;
    else if (end - p >= 2 && memcmp(end - 2, "*/", 2) == 0)
      end -= 2;
    while (p < end && (*p == ' ' || *p == '\t'))
      p++;
    while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
      end--;
    snprintf(out->reason, sizeof out->reason, "%.*s", (int)(end - p), p);
  }
  return 1;
}

static bool pl__rule_matches(const char *written, const char *rule_id) {
  if (!rule_id) return false;
  if (strcmp(written, rule_id) == 0) return true;
  return strncmp(rule_id, "assay/", 6) == 0 && strcmp(written, rule_id + 6) == 0;
}

/* The start and end of line n (1-based) of text, or false. */
static bool pl__line(const char *text, size_t len, uint32_t n, const char **s, const char **e) {
  const char *p = text, *end = text + len;
  for (uint32_t i = 1; i < n && p < end; i++) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl) return false;
    p = nl + 1;
  }
  if (n == 0 || p >= end) return false;
  const char *nl = memchr(p, '\n', (size_t)(end - p));
  *s = p;
  *e = nl ? nl : end;
  return true;
}

/* Does category cat fall under approved (equal or below it)? */
static bool pl__category_under(const char *cat, const char *approved) {
  size_t n = strlen(approved);
  return cat && strncmp(cat, approved, n) == 0 && (cat[n] == 0 || cat[n] == '.');
}

int an_policy_apply(an_policy *self, an_result *res, const char *root, char *err, size_t errlen) {
  AS_ARRAY(an_policy_applied) applied = {0};
  const char *origin_policy = self->path ? self->path : "policy";
  char *text = NULL;
  size_t len = 0;
  const char *text_path = NULL;
  bool have_text = false;
  int rc = 0;
  for (size_t i = 0; i < self->nflows; i++)
    self->flows[i].used = 0;
  for (size_t i = 0; i < self->nexceptions; i++)
    self->exceptions[i].used = 0;
  for (size_t fi = 0; fi < res->nfindings && rc == 0; fi++) {
    an_finding *f = &res->findings[fi];
    if (f->state == AN_STATE_ABSENT) continue;
    const char *reason = NULL, *origin = NULL, *expires = NULL;
    /* Inline: the sink's line and the one above. */
    if (f->path && (!text_path || strcmp(text_path, f->path) != 0)) {
      free(text);
      text = NULL;
      text_path = f->path;
      char *full = root ? as_sprintf("%s/%s", root, f->path) : as_strdup(f->path);
      have_text = as_read_file(full, &text, &len) == 0;
      free(full);
    }
    for (uint32_t ln = f->line; have_text && f->path && ln + 1 >= f->line && ln >= 1; ln--) {
      const char *s, *e;
      pl__inline in;
      if (pl__line(text, len, ln, &s, &e) && pl__parse_inline(s, e, &in)) {
        if (!in.rule[0]) {
          snprintf(err, errlen, "%s:%u: suppression without a rule (assay: allow RULE -- REASON)",
                   f->path, ln);
          rc = -1;
          break;
        }
        if (!in.reason[0]) {
          snprintf(err, errlen, "%s:%u: suppression of %s has no reason", f->path, ln, in.rule);
          rc = -1;
          break;
        }
        if (!reason && pl__rule_matches(in.rule, f->rule_id)) {
          reason = as_arena_strdup(self->arena, in.reason);
          char where[1200];
          snprintf(where, sizeof where, "%s:%u", f->path, ln);
          origin = as_arena_strdup(self->arena, where);
        }
      }
      if (ln == 1) break;
    }
    if (rc) break;
    /* An exception by fingerprint wins over the comment: it names the finding. */
    for (size_t x = 0; f->fingerprint && x < self->nexceptions; x++) {
      an_policy_exception *ex = &self->exceptions[x];
      if (strcmp(ex->fingerprint, f->fingerprint) == 0) {
        ex->used++;
        reason = ex->reason;
        expires = ex->expires;
        origin = origin_policy;
      }
    }
    /* Approved flows: every category of the finding must be approved for
     * its sink kind (and service). */
    if (!reason && f->ncategories && self->nflows) {
      as_buf why = {0};
      const char *exp = NULL;
      bool all = true;
      for (uint32_t ci = 0; ci < f->ncategories && all; ci++) {
        const an_policy_flow *hit = NULL;
        for (size_t k = 0; k < self->nflows && !hit; k++) {
          const an_policy_flow *fl = &self->flows[k];
          if (fl->sink == f->sink_kind && pl__category_under(f->categories[ci], fl->category) &&
              (!fl->service || (f->service && strcmp(fl->service, f->service) == 0)))
            hit = fl;
        }
        if (!hit) {
          all = false;
          break;
        }
        if (!why.data || !strstr(why.data, hit->reason))
          as_buf_printf(&why, "%s%s", why.len ? "; " : "", hit->reason);
        if (hit->expires && (!exp || strcmp(hit->expires, exp) < 0)) exp = hit->expires;
      }
      if (all) {
        for (uint32_t ci = 0; ci < f->ncategories; ci++)
          for (size_t k = 0; k < self->nflows; k++) {
            an_policy_flow *fl = &self->flows[k];
            if (fl->sink == f->sink_kind && pl__category_under(f->categories[ci], fl->category) &&
                (!fl->service || (f->service && strcmp(fl->service, f->service) == 0))) {
              fl->used++;
              break;
            }
          }
        reason = as_arena_strdup(self->arena, why.data);
        expires = exp;
        origin = origin_policy;
      }
      as_buf_free(&why);
    }
    if (!reason) continue;
    f->suppressed_reason = as_arena_strdup(res->arena, reason);
    f->suppressed_origin = as_arena_strdup(res->arena, origin);
    an_policy_applied a = {as_arena_strdup(self->arena, f->fingerprint),
                           as_arena_strdup(self->arena, f->rule_id), reason, expires, origin};
    as_array_push(&applied, a);
  }
  free(text);
  if (rc == 0) {
    self->applied =
        as_arena_memdup(self->arena, applied.items, applied.len * sizeof(*applied.items));
    self->napplied = applied.len;
  }
  as_array_free(&applied);
  return rc;
}
