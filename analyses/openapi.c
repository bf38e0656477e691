/* openapi.c — OpenAPI 3 documents as HTTP contract items, read with
 * libyaml's document API (JSON too: libyaml reads it as YAML), and the
 * classifier of HTTP contract changes. */
#include "openapi.h"

#include "link.h"

#include <ctype.h>
#include <errno.h>
#include <string.h>
#include <yaml.h>

/* ---- reading a document ------------------------------------------------------ */

typedef struct an_openapi__doc {
  yaml_document_t *doc;
  const char *path, *service;
  an_contract_set *out;
} an_openapi__doc;

typedef struct an_openapi__field {
  const char *name;
  yaml_node_t *schema;
  uint32_t line;
  bool required;
} an_openapi__field;

typedef AS_ARRAY(an_openapi__field) an_openapi__fields;

/* Refs longer than this are cycles or nonsense. */
#define AN_OPENAPI__MAX_HOPS 16

static const char *an_openapi__scalar(const yaml_node_t *n) {
  return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static uint32_t an_openapi__line(const yaml_node_t *n) {
  return n ? (uint32_t)n->start_mark.line + 1 : 0;
}

/* The value of name in mapping map (and its key node in *key), or NULL. */
static yaml_node_t *an_openapi__get_at(const an_openapi__doc *d, const yaml_node_t *map,
                                       const char *name, yaml_node_t **key) {
  if (!map || map->type != YAML_MAPPING_NODE) return NULL;
  for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
    yaml_node_t *k = yaml_document_get_node(d->doc, p->key);
    const char *s = an_openapi__scalar(k);
    if (s && strcmp(s, name) == 0) {
      if (key) *key = k;
      return yaml_document_get_node(d->doc, p->value);
    }
  }
  return NULL;
}

static yaml_node_t *an_openapi__get(const an_openapi__doc *d, const yaml_node_t *map,
                                    const char *name) {
  return an_openapi__get_at(d, map, name, NULL);
}

static bool an_openapi__true(const yaml_node_t *n) {
  const char *s = an_openapi__scalar(n);
  return s && (strcmp(s, "true") == 0 || strcmp(s, "True") == 0 || strcmp(s, "TRUE") == 0);
}

/* A local JSON pointer ("#/components/schemas/User", "~1" for '/', "~0" for
 * '~') from the document's root, or NULL. */
static yaml_node_t *an_openapi__pointer(const an_openapi__doc *d, const char *ref) {
  if (ref[0] != '#') return NULL;
  yaml_node_t *n = yaml_document_get_root_node(d->doc);
  const char *p = ref + 1;
  while (n && *p == '/') {
    char seg[512];
    size_t k = 0;
    for (p++; *p && *p != '/' && k + 1 < sizeof seg;) {
      if (p[0] == '~' && (p[1] == '0' || p[1] == '1')) {
        seg[k++] = p[1] == '1' ? '/' : '~';
        p += 2;
      } else {
        seg[k++] = *p++;
      }
    }
    seg[k] = 0;
    if (n->type == YAML_MAPPING_NODE) {
      n = an_openapi__get(d, n, seg);
    } else if (n->type == YAML_SEQUENCE_NODE && k && strspn(seg, "0123456789") == k) {
      size_t i = strtoul(seg, NULL, 10),
             len = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
      n = i < len ? yaml_document_get_node(d->doc, n->data.sequence.items.start[i]) : NULL;
    } else {
      n = NULL;
    }
  }
  return *p ? NULL : n;
}

/* n with its local $refs followed; an external or dangling one leaves the
 * node that holds it (whose type is then unknown). */
static yaml_node_t *an_openapi__deref(const an_openapi__doc *d, yaml_node_t *n) {
  for (int hops = 0; n && hops < AN_OPENAPI__MAX_HOPS; hops++) {
    const char *ref = an_openapi__scalar(an_openapi__get(d, n, "$ref"));
    yaml_node_t *t = ref ? an_openapi__pointer(d, ref) : NULL;
    if (!t) return n;
    n = t;
  }
  return n;
}

/* "type[/format]" of a schema into buf; false when unknown. */
static bool an_openapi__type(const an_openapi__doc *d, yaml_node_t *schema, char *buf, size_t n) {
  schema = an_openapi__deref(d, schema);
  buf[0] = 0;
  if (!schema || schema->type != YAML_MAPPING_NODE) return false;
  yaml_node_t *t = an_openapi__get(d, schema, "type");
  const char *format = an_openapi__scalar(an_openapi__get(d, schema, "format"));
  as_buf b = {0};
  if (an_openapi__scalar(t)) {
    as_buf_puts(&b, an_openapi__scalar(t));
  } else if (t && t->type == YAML_SEQUENCE_NODE) {
    for (yaml_node_item_t *i = t->data.sequence.items.start; i < t->data.sequence.items.top; i++) {
      const char *s = an_openapi__scalar(yaml_document_get_node(d->doc, *i));
      if (!s) continue;
      if (b.len) as_buf_putc(&b, '|');
      as_buf_puts(&b, s);
    }
  } else if (an_openapi__get(d, schema, "properties")) {
    as_buf_puts(&b, "object");
  }
  if (b.len && format && *format) as_buf_printf(&b, "/%s", format);
  bool known = b.len > 0;
  if (known) snprintf(buf, n, "%s", b.data);
  as_buf_free(&b);
  return known;
}

/* The JSON schema of a request body or response: "application/json", else
 * the first media type whose name mentions json. */
static yaml_node_t *an_openapi__json_schema(const an_openapi__doc *d, yaml_node_t *holder) {
  yaml_node_t *content = an_openapi__get(d, holder, "content");
  if (!content || content->type != YAML_MAPPING_NODE) return NULL;
  yaml_node_t *media = an_openapi__get(d, content, "application/json");
  for (yaml_node_pair_t *p = content->data.mapping.pairs.start;
       !media && p < content->data.mapping.pairs.top; p++) {
    const char *s = an_openapi__scalar(yaml_document_get_node(d->doc, p->key));
    if (s && strstr(s, "json")) media = yaml_document_get_node(d->doc, p->value);
  }
  return media ? an_openapi__get(d, media, "schema") : NULL;
}

/* The properties of one part of a schema (the first declaration of a name
 * wins), then the names its `required` lists. */
static void an_openapi__part_props(const an_openapi__doc *d, yaml_node_t *part,
                                   an_openapi__fields *out) {
  yaml_node_t *props = an_openapi__get(d, part, "properties");
  if (!props || props->type != YAML_MAPPING_NODE) return;
  for (yaml_node_pair_t *p = props->data.mapping.pairs.start; p < props->data.mapping.pairs.top;
       p++) {
    yaml_node_t *k = yaml_document_get_node(d->doc, p->key);
    const char *name = an_openapi__scalar(k);
    if (!name) continue;
    bool seen = false;
    for (size_t i = 0; i < out->len && !seen; i++)
      seen = strcmp(out->items[i].name, name) == 0;
    if (seen) continue;
    an_openapi__field f = {name, yaml_document_get_node(d->doc, p->value), an_openapi__line(k),
                           false};
    as_array_push(out, f);
  }
}

static void an_openapi__part_required(const an_openapi__doc *d, yaml_node_t *part,
                                      an_openapi__fields *out) {
  yaml_node_t *req = an_openapi__get(d, part, "required");
  if (!req || req->type != YAML_SEQUENCE_NODE) return;
  for (yaml_node_item_t *i = req->data.sequence.items.start; i < req->data.sequence.items.top;
       i++) {
    const char *name = an_openapi__scalar(yaml_document_get_node(d->doc, *i));
    for (size_t f = 0; name && f < out->len; f++)
      if (strcmp(out->items[f].name, name) == 0) out->items[f].required = true;
  }
}

/* The top-level properties of schema: its own and those of its allOf parts
 * (one level), each part's $ref followed. */
static void an_openapi__fields_of(const an_openapi__doc *d, yaml_node_t *schema,
                                  an_openapi__fields *out) {
  schema = an_openapi__deref(d, schema);
  if (!schema || schema->type != YAML_MAPPING_NODE) return;
  yaml_node_t *all = an_openapi__get(d, schema, "allOf");
  bool has_all = all && all->type == YAML_SEQUENCE_NODE;
  for (int pass = 0; pass < 2; pass++) {
    void (*each)(const an_openapi__doc *, yaml_node_t *, an_openapi__fields *) =
        pass == 0 ? an_openapi__part_props : an_openapi__part_required;
    each(d, schema, out);
    for (yaml_node_item_t *i = has_all ? all->data.sequence.items.start : NULL;
         i && i < all->data.sequence.items.top; i++)
      each(d, an_openapi__deref(d, yaml_document_get_node(d->doc, *i)), out);
  }
}

static void an_openapi__add(const an_openapi__doc *d, const char *kind, char *key, char *value,
                            char *display, uint32_t line) {
  an_contract_add(d->out, kind, key, value, display, d->service, d->path, line);
  free(key);
  free(value);
  free(display);
}

/* One parameter (already dereferenced) of the operation "M norm". */
static void an_openapi__param(const an_openapi__doc *d, const char *m, const char *norm,
                              const char *op_display, yaml_node_t *p) {
  const char *name = an_openapi__scalar(an_openapi__get(d, p, "name"));
  const char *in = an_openapi__scalar(an_openapi__get(d, p, "in"));
  if (!name || !in) return;
  bool required = strcmp(in, "path") == 0 || an_openapi__true(an_openapi__get(d, p, "required"));
  yaml_node_t *schema = an_openapi__get(d, p, "schema");
  yaml_node_t *content = an_openapi__get(d, p, "content");
  if (!schema && content && content->type == YAML_MAPPING_NODE &&
      content->data.mapping.pairs.top > content->data.mapping.pairs.start)
    schema = an_openapi__get(
        d, yaml_document_get_node(d->doc, content->data.mapping.pairs.start->value), "schema");
  char type[256];
  bool typed = an_openapi__type(d, schema, type, sizeof type);
  an_openapi__add(d, "http.param", as_sprintf("%s %s %s:%s", m, norm, in, name),
                  as_sprintf("required=%d%s%s", required, typed ? "\ntype=" : "", type),
                  as_sprintf("%s parameter '%s' of %s", in, name, op_display), an_openapi__line(p));
}

static bool an_openapi__same_param(const an_openapi__doc *d, yaml_node_t *a, yaml_node_t *b) {
  const char *na = an_openapi__scalar(an_openapi__get(d, a, "name")),
             *nb = an_openapi__scalar(an_openapi__get(d, b, "name")),
             *ia = an_openapi__scalar(an_openapi__get(d, a, "in")),
             *ib = an_openapi__scalar(an_openapi__get(d, b, "in"));
  return na && nb && ia && ib && strcmp(na, nb) == 0 && strcmp(ia, ib) == 0;
}

/* The parameters of the path item that the operation does not redeclare,
 * then the operation's own. */
static void an_openapi__params(const an_openapi__doc *d, const char *m, const char *norm,
                               const char *op_display, yaml_node_t *path_params,
                               yaml_node_t *op_params) {
  bool has_op = op_params && op_params->type == YAML_SEQUENCE_NODE;
  if (path_params && path_params->type == YAML_SEQUENCE_NODE)
    for (yaml_node_item_t *i = path_params->data.sequence.items.start;
         i < path_params->data.sequence.items.top; i++) {
      yaml_node_t *p = an_openapi__deref(d, yaml_document_get_node(d->doc, *i));
      bool redeclared = false;
      for (yaml_node_item_t *j = has_op ? op_params->data.sequence.items.start : NULL;
           j && j < op_params->data.sequence.items.top && !redeclared; j++)
        redeclared =
            an_openapi__same_param(d, p, an_openapi__deref(d, yaml_document_get_node(d->doc, *j)));
      if (!redeclared) an_openapi__param(d, m, norm, op_display, p);
    }
  for (yaml_node_item_t *j = has_op ? op_params->data.sequence.items.start : NULL;
       j && j < op_params->data.sequence.items.top; j++)
    an_openapi__param(d, m, norm, op_display,
                      an_openapi__deref(d, yaml_document_get_node(d->doc, *j)));
}

static void an_openapi__request(const an_openapi__doc *d, const char *m, const char *norm,
                                const char *op_display, yaml_node_t *op) {
  yaml_node_t *at = NULL;
  yaml_node_t *body = an_openapi__deref(d, an_openapi__get_at(d, op, "requestBody", &at));
  if (!body || body->type != YAML_MAPPING_NODE) return;
  an_openapi__add(d, "http.request-field", as_sprintf("%s %s body", m, norm),
                  as_sprintf("required=%d", an_openapi__true(an_openapi__get(d, body, "required"))),
                  as_sprintf("request body of %s", op_display), an_openapi__line(at));
  an_openapi__fields fields = {0};
  an_openapi__fields_of(d, an_openapi__json_schema(d, body), &fields);
  for (size_t i = 0; i < fields.len; i++) {
    const an_openapi__field *f = &fields.items[i];
    char type[256];
    bool typed = an_openapi__type(d, f->schema, type, sizeof type);
    an_openapi__add(d, "http.request-field", as_sprintf("%s %s body:%s", m, norm, f->name),
                    as_sprintf("required=%d%s%s", f->required, typed ? "\ntype=" : "", type),
                    as_sprintf("request field '%s' of %s", f->name, op_display), f->line);
  }
  as_array_free(&fields);
}

static void an_openapi__responses(const an_openapi__doc *d, const char *m, const char *norm,
                                  const char *op_display, yaml_node_t *op) {
  yaml_node_t *rs = an_openapi__get(d, op, "responses");
  if (!rs || rs->type != YAML_MAPPING_NODE) return;
  for (yaml_node_pair_t *p = rs->data.mapping.pairs.start; p < rs->data.mapping.pairs.top; p++) {
    const char *status = an_openapi__scalar(yaml_document_get_node(d->doc, p->key));
    if (!status || status[0] != '2') continue;
    yaml_node_t *r = an_openapi__deref(d, yaml_document_get_node(d->doc, p->value));
    an_openapi__fields fields = {0};
    an_openapi__fields_of(d, an_openapi__json_schema(d, r), &fields);
    for (size_t i = 0; i < fields.len; i++) {
      const an_openapi__field *f = &fields.items[i];
      char type[256];
      bool typed = an_openapi__type(d, f->schema, type, sizeof type);
      an_openapi__add(d, "http.response-field", as_sprintf("%s %s %s:%s", m, norm, status, f->name),
                      as_sprintf("%s%s", typed ? "type=" : "", type),
                      as_sprintf("response field '%s' of %s (%s)", f->name, op_display, status),
                      f->line);
    }
    as_array_free(&fields);
  }
}

static void an_openapi__document(const an_openapi__doc *d) {
  static const char *const methods[] = {"get",     "put",  "post",  "delete",
                                        "options", "head", "patch", "trace"};
  yaml_node_t *root = yaml_document_get_root_node(d->doc);
  const char *version = an_openapi__scalar(an_openapi__get(d, root, "openapi"));
  if (!version || strncmp(version, "3.", 2) != 0) return;
  yaml_node_t *paths = an_openapi__get(d, root, "paths");
  if (!paths || paths->type != YAML_MAPPING_NODE) return;
  for (yaml_node_pair_t *p = paths->data.mapping.pairs.start; p < paths->data.mapping.pairs.top;
       p++) {
    const char *tmpl = an_openapi__scalar(yaml_document_get_node(d->doc, p->key));
    yaml_node_t *item = an_openapi__deref(d, yaml_document_get_node(d->doc, p->value));
    if (!tmpl || tmpl[0] != '/' || !item || item->type != YAML_MAPPING_NODE) continue;
    char norm[2048];
    an_link_normalise_path(tmpl, norm, sizeof norm);
    yaml_node_t *path_params = an_openapi__get(d, item, "parameters");
    for (yaml_node_pair_t *q = item->data.mapping.pairs.start; q < item->data.mapping.pairs.top;
         q++) {
      yaml_node_t *mk = yaml_document_get_node(d->doc, q->key);
      yaml_node_t *op = yaml_document_get_node(d->doc, q->value);
      const char *method = an_openapi__scalar(mk);
      bool is_method = false;
      for (size_t k = 0; method && k < sizeof methods / sizeof *methods && !is_method; k++)
        is_method = strcmp(method, methods[k]) == 0;
      if (!is_method || !op || op->type != YAML_MAPPING_NODE) continue;
      char m[16];
      size_t n = 0;
      for (; method[n] && n + 1 < sizeof m; n++)
        m[n] = (char)toupper((unsigned char)method[n]);
      m[n] = 0;
      char *op_display = as_sprintf("%s %s", m, tmpl);
      an_openapi__add(
          d, "http.operation", as_sprintf("%s %s", m, norm),
          as_sprintf("deprecated=%d", an_openapi__true(an_openapi__get(d, op, "deprecated"))),
          as_strdup(op_display), an_openapi__line(mk));
      an_openapi__params(d, m, norm, op_display, path_params, an_openapi__get(d, op, "parameters"));
      an_openapi__request(d, m, norm, op_display, op);
      an_openapi__responses(d, m, norm, op_display, op);
      free(op_display);
    }
  }
}

/* Does text that libyaml rejected look like an OpenAPI document (a key
 * `openapi:` or `"openapi":`)? Other YAML and JSON files of a repository (Helm
 * templates, tsconfig.json with comments) are not this extractor's business. */
static bool an_openapi__mentions(const char *text) {
  for (const char *p = text; (p = strstr(p, "openapi")) != NULL; p += 7) {
    if (p > text && (isalnum((unsigned char)p[-1]) || p[-1] == '-' || p[-1] == '_')) continue;
    const char *q = p + 7;
    if (*q == '"' || *q == '\'') q++;
    while (*q == ' ' || *q == '\t')
      q++;
    if (*q == ':') return true;
  }
  return false;
}

static void an_openapi__diag(as_diag **diags, size_t *ndiags, const char *path, uint32_t line,
                             uint32_t col, char *message) {
  if (diags && ndiags) {
    *diags = as_realloc(*diags, (*ndiags + 1) * sizeof(**diags));
    (*diags)[(*ndiags)++] =
        (as_diag){AS_DIAG_WARNING, as_strdup(path), line, col, "openapi-error", message};
  } else {
    free(message);
  }
}

int an_openapi_extract(const char *root, const char *const *relpaths, size_t n,
                       const char *const *services, an_contract_set *out, as_diag **diags,
                       size_t *ndiags) {
  for (size_t i = 0; i < n; i++) {
    char *full = root && *root ? as_sprintf("%s/%s", root, relpaths[i]) : as_strdup(relpaths[i]);
    char *text = NULL;
    size_t len = 0;
    if (as_read_file(full, &text, &len) != 0) {
      an_openapi__diag(diags, ndiags, relpaths[i], 0, 0,
                       as_sprintf("cannot read: %s", strerror(errno)));
      free(full);
      continue;
    }
    free(full);
    yaml_parser_t parser;
    yaml_document_t doc;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    if (!yaml_parser_load(&parser, &doc)) {
      if (an_openapi__mentions(text))
        an_openapi__diag(diags, ndiags, relpaths[i], (uint32_t)parser.problem_mark.line + 1,
                         (uint32_t)parser.problem_mark.column + 1,
                         as_sprintf("%s%s%s", parser.problem ? parser.problem : "parse error",
                                    parser.context ? " " : "",
                                    parser.context ? parser.context : ""));
    } else {
      an_openapi__doc d = {&doc, relpaths[i], services && services[i] ? services[i] : ".", out};
      an_openapi__document(&d);
      yaml_document_delete(&doc);
    }
    yaml_parser_delete(&parser);
    free(text);
  }
  return 0;
}

void an_openapi_diags_free(as_diag *diags, size_t ndiags) {
  for (size_t i = 0; diags && i < ndiags; i++) {
    free((void *)diags[i].path);
    free((void *)diags[i].message);
  }
  free(diags);
}

/* ---- classifying HTTP changes ------------------------------------------------- */

/* "required=0, type=string"; "present" for an item without attributes,
 * "absent" for no item. */
static void an_http__values(const an_contract_item *it, char *buf, size_t n) {
  if (!it || !*it->value) {
    snprintf(buf, n, "%s", it ? "present" : "absent");
    return;
  }
  size_t o = 0;
  for (const char *p = it->value; *p && o + 3 < n; p++) {
    if (*p == '\n') {
      buf[o++] = ',';
      buf[o++] = ' ';
    } else {
      buf[o++] = *p;
    }
  }
  buf[o] = 0;
}

/* Report "<Display> <what> (before: ...; after: ...)." */
static void an_http__say(an_contract_changes *out, an_change_class cls, const char *change,
                         const an_contract_item *b, const an_contract_item *a, const char *what) {
  const an_contract_item *it = a ? a : b;
  const char *disp = it->display && *it->display ? it->display : it->key;
  bool op = strcmp(it->kind, "http.operation") == 0;
  char vb[512], va[512];
  an_http__values(b, vb, sizeof vb);
  an_http__values(a, va, sizeof va);
  char *msg =
      as_sprintf("%s%s %s (before: %s; after: %s).", op ? "Operation " : "", disp, what, vb, va);
  msg[0] = (char)toupper((unsigned char)msg[0]);
  an_contract_report(out, cls, change, b, a, msg);
  free(msg);
}

static const char *an_http__attr(const an_contract_item *it, const char *name, char *buf,
                                 size_t n) {
  return it ? an_contract_attr(it, name, buf, n) : NULL;
}

static bool an_http__is(const char *attr, const char *v) {
  return attr && strcmp(attr, v) == 0;
}

/* Is the parameter of key "M /path in:name" a path parameter? */
static bool an_http__path_param(const an_contract_item *it) {
  const char *sp = strrchr(it->key, ' ');
  return sp && strncmp(sp + 1, "path:", 5) == 0;
}

void an_http_classify(const an_contract_set *before_set, const an_contract_set *after_set,
                      const an_contract_item *before, const an_contract_item *after,
                      an_contract_changes *out) {
  const an_contract_item *it = before ? before : after;
  if (!it) return;
  char xb[256], xa[256], tb_[256], ta_[256], change[128];
  if (strcmp(it->kind, "http.operation") == 0) {
    const char *db = an_http__attr(before, "deprecated", xb, sizeof xb),
               *da = an_http__attr(after, "deprecated", xa, sizeof xa);
    if (!after)
      an_http__say(out, AN_CHANGE_BREAKING, "http.operation-removed", before, after, "was removed");
    else if (!before)
      an_http__say(out, AN_CHANGE_COMPATIBLE, "http.operation-added", before, after, "was added");
    else if (an_http__is(db, "0") && an_http__is(da, "1"))
      an_http__say(out, AN_CHANGE_COMPATIBLE, "http.operation-deprecated", before, after,
                   "was deprecated");
    else if (an_http__is(db, "1") && an_http__is(da, "0"))
      an_http__say(out, AN_CHANGE_COMPATIBLE, "http.operation-reactivated", before, after,
                   "is no longer deprecated");
    return;
  }
  bool param = strcmp(it->kind, "http.param") == 0,
       request = strcmp(it->kind, "http.request-field") == 0,
       response = strcmp(it->kind, "http.response-field") == 0;
  if (!param && !request && !response) {
    /* a kind this classifier does not know yet: said plainly */
    const char *what = !before ? "added" : !after ? "removed" : "changed";
    snprintf(change, sizeof change, "%s-%s", it->kind, what);
    char *w = as_sprintf("was %s", what);
    an_http__say(out, before ? AN_CHANGE_POTENTIALLY_BREAKING : AN_CHANGE_COMPATIBLE, change,
                 before, after, w);
    free(w);
    return;
  }
  const char *kind = it->kind;
  if (!after) {
    an_change_class cls = response || (param && an_http__path_param(before))
                              ? AN_CHANGE_BREAKING
                              : AN_CHANGE_POTENTIALLY_BREAKING;
    snprintf(change, sizeof change, "%s-removed", kind);
    an_http__say(out, cls, change, before, after, "was removed");
    return;
  }
  const char *ra = an_http__attr(after, "required", xa, sizeof xa);
  if (!before) {
    if (!response && an_http__is(ra, "1")) {
      snprintf(change, sizeof change, "%s-newly-required", kind);
      an_http__say(out, AN_CHANGE_BREAKING, change, before, after, "was added as required");
    } else {
      snprintf(change, sizeof change, "%s-added", kind);
      an_http__say(out, AN_CHANGE_COMPATIBLE, change, before, after,
                   an_http__is(ra, "0") ? "was added as optional" : "was added");
    }
    return;
  }
  const char *rb = an_http__attr(before, "required", xb, sizeof xb);
  if (!response && an_http__is(rb, "0") && an_http__is(ra, "1")) {
    snprintf(change, sizeof change, "%s-newly-required", kind);
    an_http__say(out, AN_CHANGE_BREAKING, change, before, after, "became required");
  } else if (!response && an_http__is(rb, "1") && an_http__is(ra, "0")) {
    snprintf(change, sizeof change, "%s-became-optional", kind);
    an_http__say(out, AN_CHANGE_COMPATIBLE, change, before, after, "became optional");
  }
  const char *tb = an_http__attr(before, "type", tb_, sizeof tb_),
             *ta = an_http__attr(after, "type", ta_, sizeof ta_);
  if (tb && ta && strcmp(tb, ta) != 0) {
    snprintf(change, sizeof change, "%s-type-changed", kind);
    an_http__say(out, AN_CHANGE_BREAKING, change, before, after, "changed type");
  }
}
