/* protocontract.c — protobuf/gRPC contract items, and their classifier at buf's WIRE_JSON level. */
#include "protocontract.h"

#include <stdarg.h>
#include <string.h>

/* ---- extraction --------------------------------------------------------------- */

typedef struct {
  an_contract_set *out;
  const char *service;
} an_protocontract__sink;

/* "<service>/<file>", or file alone at the scan root. The caller frees it. */
static char *an_protocontract__path(const char *service, const char *file) {
  if (!service || !*service || strcmp(service, ".") == 0) return as_strdup(file ? file : "");
  return as_sprintf("%s/%s", service, file ? file : "");
}

static void an_protocontract__add(const an_protocontract__sink *s, const char *kind,
                                  const char *key, const char *value, const char *display,
                                  const char *file, uint32_t line) {
  char *path = an_protocontract__path(s->service, file);
  an_contract_add(s->out, kind, key, value, display, s->service, path, line);
  free(path);
}

/* The line of the map field whose entry message is entry (protoc gives the entry none). */
static uint32_t an_protocontract__map_line(const an_proto_set *set, const an_proto_message *entry) {
  const char *dot = strrchr(entry->full_name, '.');
  if (!dot) return 0;
  char *parent = as_strndup(entry->full_name, (size_t)(dot - entry->full_name));
  const an_proto_message *p = an_proto_find_message(set, parent);
  free(parent);
  for (uint32_t i = 0; p && i < p->nfields; i++)
    if (strcmp(p->fields[i].type, entry->full_name) == 0) return p->fields[i].line;
  return 0;
}

static void an_protocontract__message(const an_protocontract__sink *s, const an_proto_set *set,
                                      const an_proto_message *m) {
  uint32_t map_line = m->map_entry ? an_protocontract__map_line(set, m) : 0;
  /* a map's entry message is protoc's, not the author's: its fields say what matters */
  if (!m->map_entry) {
    char *value = as_sprintf("file=%s", m->path);
    an_protocontract__add(s, "proto.message", m->full_name, value, m->full_name, m->path, m->line);
    free(value);
  }
  for (uint32_t i = 0; i < m->nfields; i++) {
    const an_proto_field *f = &m->fields[i];
    char *key = as_sprintf("%s#%d", m->full_name, (int)f->number);
    char *value = as_sprintf("name=%s\njson_name=%s\ntype=%s\nlabel=%s", f->name, f->json_name,
                             f->type, f->repeated ? "repeated" : "optional");
    char *display = as_sprintf("%s.%s (%d)", m->full_name, f->name, (int)f->number);
    an_protocontract__add(s, "proto.field", key, value, display, m->path,
                          m->map_entry ? map_line : f->line);
    free(key);
    free(value);
    free(display);
  }
}

static void an_protocontract__enum(const an_protocontract__sink *s, const an_proto_enum *e) {
  char *value = as_sprintf("file=%s", e->path);
  an_protocontract__add(s, "proto.enum", e->full_name, value, e->full_name, e->path, e->line);
  free(value);
  for (uint32_t i = 0; i < e->nvalues; i++) {
    const an_proto_enum_value *v = &e->values[i];
    char *key = as_sprintf("%s#%d", e->full_name, (int)v->number);
    char *val = as_sprintf("name=%s", v->name);
    char *display = as_sprintf("%s.%s (%d)", e->full_name, v->name, (int)v->number);
    an_protocontract__add(s, "proto.enum-value", key, val, display, e->path, v->line);
    free(key);
    free(val);
    free(display);
  }
}

static void an_protocontract__service(const an_protocontract__sink *s, const an_proto_service *sv) {
  char *value = as_sprintf("file=%s", sv->path);
  an_protocontract__add(s, "proto.service", sv->full_name, value, sv->full_name, sv->path,
                        sv->line);
  free(value);
  for (uint32_t i = 0; i < sv->nmethods; i++) {
    const an_proto_method *m = &sv->methods[i];
    char *val =
        as_sprintf("input=%s\noutput=%s\nclient_streaming=%d\nserver_streaming=%d", m->input_type,
                   m->output_type, m->client_streaming ? 1 : 0, m->server_streaming ? 1 : 0);
    an_protocontract__add(s, "proto.method", m->full_name, val, m->full_name, sv->path, m->line);
    free(val);
  }
}

void an_protocontract_extract(const an_proto_set *set, const char *service, an_contract_set *out) {
  if (!set || !out) return;
  an_protocontract__sink s = {out, service};
  size_t n;
  const an_proto_message *m = an_proto_messages(set, &n);
  for (size_t i = 0; i < n; i++)
    an_protocontract__message(&s, set, &m[i]);
  const an_proto_enum *e = an_proto_enums(set, &n);
  for (size_t i = 0; i < n; i++)
    an_protocontract__enum(&s, &e[i]);
  const an_proto_service *sv = an_proto_services(set, &n);
  for (size_t i = 0; i < n; i++)
    an_protocontract__service(&s, &sv[i]);
}

/* ---- classification ------------------------------------------------------------- */

/* An attribute's value, "" when absent: values of one kind always have the same lines. */
typedef struct {
  char s[512];
} an_protocontract__attr;

static const char *an_protocontract__get(const an_contract_item *it, const char *name,
                                         an_protocontract__attr *buf) {
  if (!an_contract_attr(it, name, buf->s, sizeof buf->s)) buf->s[0] = '\0';
  return buf->s;
}

static bool an_protocontract__same_service(const an_contract_item *it, const char *service) {
  return strcmp(it->service ? it->service : "", service ? service : "") == 0;
}

/* Whether set has an item (kind, key) in service. */
static bool an_protocontract__has(const an_contract_set *set, const char *service, const char *kind,
                                  const char *key) {
  for (size_t i = 0; i < an_contract_count(set); i++) {
    const an_contract_item *it = an_contract_at(set, i);
    if (strcmp(it->kind, kind) == 0 && strcmp(it->key, key) == 0 &&
        an_protocontract__same_service(it, service))
      return true;
  }
  return false;
}

/* Whether set has the message name in service: a proto.message item, or — for a
 * map's entry, which has none — a field of that type. */
static bool an_protocontract__has_message(const an_contract_set *set, const char *service,
                                          const char *name) {
  if (an_protocontract__has(set, service, "proto.message", name)) return true;
  an_protocontract__attr type;
  for (size_t i = 0; i < an_contract_count(set); i++) {
    const an_contract_item *it = an_contract_at(set, i);
    if (strcmp(it->kind, "proto.field") == 0 && an_protocontract__same_service(it, service) &&
        strcmp(an_protocontract__get(it, "type", &type), name) == 0)
      return true;
  }
  return false;
}

/* The parent of a "<parent>#<number>" key, in buf (size n). */
static const char *an_protocontract__parent(const char *key, char *buf, size_t n) {
  const char *hash = strrchr(key, '#');
  snprintf(buf, n, "%.*s", (int)(hash ? hash - key : (ptrdiff_t)strlen(key)), key);
  return buf;
}

/* The number after '#' in a key ("" when none). */
static const char *an_protocontract__number(const char *key) {
  const char *hash = strrchr(key, '#');
  return hash ? hash + 1 : "";
}

static void an_protocontract__report(an_contract_changes *out, an_change_class cls,
                                     const char *change, const an_contract_item *b,
                                     const an_contract_item *a, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
static void an_protocontract__report(an_contract_changes *out, an_change_class cls,
                                     const char *change, const an_contract_item *b,
                                     const an_contract_item *a, const char *fmt, ...) {
  char msg[2048];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  an_contract_report(out, cls, change, b, a, msg);
}

static const char *an_protocontract__display(const an_contract_item *it) {
  return it->display ? it->display : it->key;
}

/* Removed, added or moved: messages, enums and services, whose value is file=. */
static void an_protocontract__decl(const char *what, const char *noun, const an_contract_item *b,
                                   const an_contract_item *a, an_contract_changes *out) {
  char change[64];
  an_protocontract__attr fb, fa;
  if (!a) {
    snprintf(change, sizeof change, "proto.%s-removed", what);
    an_protocontract__report(out, AN_CHANGE_BREAKING, change, b, NULL, "%s %s (%s) was removed",
                             noun, b->key, an_protocontract__get(b, "file", &fb));
  } else if (!b) {
    snprintf(change, sizeof change, "proto.%s-added", what);
    an_protocontract__report(out, AN_CHANGE_COMPATIBLE, change, NULL, a, "%s %s (%s) was added",
                             noun, a->key, an_protocontract__get(a, "file", &fa));
  } else {
    snprintf(change, sizeof change, "proto.%s-moved", what);
    an_protocontract__report(out, AN_CHANGE_COMPATIBLE, change, b, a, "%s %s moved from %s to %s",
                             noun, a->key, an_protocontract__get(b, "file", &fb),
                             an_protocontract__get(a, "file", &fa));
  }
}

/* buf's WIRE_JSON compatibility groups of the scalar types (fieldKindToWireJSONCompatiblityGroup):
 * two scalars are interchangeable on the wire and in JSON when their groups are equal. 0 for a
 * message or enum. */
static int an_protocontract__group(const char *type) {
  static const struct {
    const char *type;
    int group;
  } groups[] = {
      {"int32", 1},    {"uint32", 1},  {"int64", 2},    {"uint64", 2},  {"fixed32", 3},
      {"sfixed32", 3}, {"fixed64", 4}, {"sfixed64", 4}, {"bool", 5},    {"sint32", 6},
      {"sint64", 7},   {"string", 8},  {"bytes", 9},    {"double", 10}, {"float", 11},
  };
  for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++)
    if (strcmp(groups[i].type, type) == 0) return groups[i].group;
  return 0;
}

static const char *an_protocontract__short(const char *full) {
  const char *dot = strrchr(full, '.');
  return dot ? dot + 1 : full;
}

/* Whether the enum after (in as) holds every value (number and name) of the enum before (in bs). */
static bool an_protocontract__enum_subset(const an_contract_set *bs, const char *bsvc,
                                          const char *before, const an_contract_set *as,
                                          const char *asvc, const char *after) {
  char parent[512];
  for (size_t i = 0; i < an_contract_count(bs); i++) {
    const an_contract_item *v = an_contract_at(bs, i);
    if (strcmp(v->kind, "proto.enum-value") != 0 || !an_protocontract__same_service(v, bsvc) ||
        strcmp(an_protocontract__parent(v->key, parent, sizeof parent), before) != 0)
      continue;
    bool found = false;
    for (size_t j = 0; j < an_contract_count(as) && !found; j++) {
      const an_contract_item *w = an_contract_at(as, j);
      found = strcmp(w->kind, "proto.enum-value") == 0 && an_protocontract__same_service(w, asvc) &&
              strcmp(an_protocontract__parent(w->key, parent, sizeof parent), after) == 0 &&
              strcmp(an_protocontract__number(w->key), an_protocontract__number(v->key)) == 0 &&
              strcmp(w->value, v->value) == 0;
    }
    if (!found) return false;
  }
  return true;
}

/* FIELD_WIRE_JSON_COMPATIBLE_TYPE: scalars by group; a message only as itself; an enum as itself
 * or as an enum of the same short name that keeps every old value (buf allows that so values can
 * be added in the same change). */
static bool an_protocontract__type_compatible(const an_contract_set *bs, const an_contract_item *b,
                                              const an_contract_set *as, const an_contract_item *a,
                                              const char *tb, const char *ta) {
  int gb = an_protocontract__group(tb), ga = an_protocontract__group(ta);
  if (gb || ga) return gb == ga;
  if (!an_protocontract__has(bs, b->service, "proto.enum", tb) ||
      !an_protocontract__has(as, a->service, "proto.enum", ta))
    return false; /* a message (or a type the set does not define) of another name */
  return strcmp(an_protocontract__short(tb), an_protocontract__short(ta)) == 0 &&
         an_protocontract__enum_subset(bs, b->service, tb, as, a->service, ta);
}

static void an_protocontract__field(const an_contract_set *bs, const an_contract_set *as,
                                    const an_contract_item *b, const an_contract_item *a,
                                    an_contract_changes *out) {
  char parent[512];
  an_protocontract__attr nb, na, jb, ja, tb, ta, lb, la;
  const an_contract_item *it = b ? b : a;
  an_protocontract__parent(it->key, parent, sizeof parent);
  const char *num = an_protocontract__number(it->key);
  if (!a) {
    if (!an_protocontract__has_message(as, b->service, parent)) return; /* the message went */
    an_protocontract__report(
        out, AN_CHANGE_BREAKING, "proto.field-removed", b, NULL,
        "Field %s (%s %s, JSON name %s) was removed: JSON parsers reject %s from old writers, "
        "and number %s is free to be reused with another type",
        an_protocontract__display(b), an_protocontract__get(b, "label", &lb),
        an_protocontract__get(b, "type", &tb), an_protocontract__get(b, "json_name", &jb), jb.s,
        num);
    return;
  }
  if (!b) {
    if (!an_protocontract__has_message(bs, a->service, parent)) return; /* the message is new */
    an_protocontract__report(out, AN_CHANGE_COMPATIBLE, "proto.field-added", NULL, a,
                             "Field %s was added (%s %s, JSON name %s)",
                             an_protocontract__display(a), an_protocontract__get(a, "label", &la),
                             an_protocontract__get(a, "type", &ta),
                             an_protocontract__get(a, "json_name", &ja));
    return;
  }
  if (strcmp(an_protocontract__get(b, "name", &nb), an_protocontract__get(a, "name", &na)) != 0)
    an_protocontract__report(out, AN_CHANGE_BREAKING, "proto.field-name-changed", b, a,
                             "Field %s of %s was renamed from %s to %s: JSON parsers accept the "
                             "proto name as well as the JSON name",
                             num, parent, nb.s, na.s);
  if (strcmp(an_protocontract__get(b, "json_name", &jb),
             an_protocontract__get(a, "json_name", &ja)))
    an_protocontract__report(out, AN_CHANGE_BREAKING, "proto.field-json-name-changed", b, a,
                             "Field %s changed its JSON name from %s to %s",
                             an_protocontract__display(a), jb.s, ja.s);
  if (strcmp(an_protocontract__get(b, "type", &tb), an_protocontract__get(a, "type", &ta)) != 0) {
    bool ok = an_protocontract__type_compatible(bs, b, as, a, tb.s, ta.s);
    an_protocontract__report(
        out, ok ? AN_CHANGE_COMPATIBLE : AN_CHANGE_BREAKING, "proto.field-type-changed", b, a,
        "Field %s changed type from %s to %s, which is %s", an_protocontract__display(a), tb.s,
        ta.s, ok ? "wire- and JSON-compatible" : "not wire- and JSON-compatible");
  }
  if (strcmp(an_protocontract__get(b, "label", &lb), an_protocontract__get(a, "label", &la)) != 0)
    an_protocontract__report(out, AN_CHANGE_BREAKING, "proto.field-label-changed", b, a,
                             "Field %s changed label from %s to %s", an_protocontract__display(a),
                             lb.s, la.s);
}

static void an_protocontract__enum_value(const an_contract_set *bs, const an_contract_set *as,
                                         const an_contract_item *b, const an_contract_item *a,
                                         an_contract_changes *out) {
  char parent[512];
  an_protocontract__attr nb, na;
  const an_contract_item *it = b ? b : a;
  an_protocontract__parent(it->key, parent, sizeof parent);
  const char *num = an_protocontract__number(it->key);
  if (!a) {
    if (!an_protocontract__has(as, b->service, "proto.enum", parent)) return;
    an_protocontract__report(out, AN_CHANGE_BREAKING, "proto.enum-value-removed", b, NULL,
                             "Enum value %s was removed: readers no longer know number %s or "
                             "the JSON name %s",
                             an_protocontract__display(b), num,
                             an_protocontract__get(b, "name", &nb));
  } else if (!b) {
    if (!an_protocontract__has(bs, a->service, "proto.enum", parent)) return;
    an_protocontract__report(out, AN_CHANGE_COMPATIBLE, "proto.enum-value-added", NULL, a,
                             "Enum value %s was added", an_protocontract__display(a));
  } else if (strcmp(an_protocontract__get(b, "name", &nb), an_protocontract__get(a, "name", &na))) {
    an_protocontract__report(out, AN_CHANGE_BREAKING, "proto.enum-value-name-changed", b, a,
                             "Enum value %s of %s was renamed from %s to %s: JSON carries enum "
                             "values by name",
                             num, parent, nb.s, na.s);
  }
}

static const char *an_protocontract__streaming(const an_contract_item *m) {
  an_protocontract__attr c, s;
  bool cs = strcmp(an_protocontract__get(m, "client_streaming", &c), "1") == 0;
  bool ss = strcmp(an_protocontract__get(m, "server_streaming", &s), "1") == 0;
  return cs && ss ? "bidirectional streaming"
         : cs     ? "client streaming"
         : ss     ? "server streaming"
                  : "unary";
}

static void an_protocontract__method(const an_contract_set *bs, const an_contract_set *as,
                                     const an_contract_item *b, const an_contract_item *a,
                                     an_contract_changes *out) {
  const an_contract_item *it = b ? b : a;
  /* "/pkg.Svc/M": the service is between the slashes */
  const char *slash = strrchr(it->key, '/');
  char service[512];
  snprintf(service, sizeof service, "%.*s",
           (int)(slash && slash > it->key ? slash - it->key - 1 : 0), it->key + 1);
  an_protocontract__attr ib, ia, ob, oa, cb, ca, sb, sa;
  if (!a) {
    if (!an_protocontract__has(as, b->service, "proto.service", service)) return;
    an_protocontract__report(out, AN_CHANGE_BREAKING, "proto.method-removed", b, NULL,
                             "Method %s (%s -> %s) was removed: its callers get UNIMPLEMENTED",
                             b->key, an_protocontract__get(b, "input", &ib),
                             an_protocontract__get(b, "output", &ob));
    return;
  }
  if (!b) {
    if (!an_protocontract__has(bs, a->service, "proto.service", service)) return;
    an_protocontract__report(
        out, AN_CHANGE_COMPATIBLE, "proto.method-added", NULL, a, "Method %s (%s -> %s) was added",
        a->key, an_protocontract__get(a, "input", &ia), an_protocontract__get(a, "output", &oa));
    return;
  }
  if (strcmp(an_protocontract__get(b, "input", &ib), an_protocontract__get(a, "input", &ia)) != 0)
    an_protocontract__report(out, AN_CHANGE_BREAKING, "proto.method-request-type-changed", b, a,
                             "Method %s changed its request type from %s to %s", a->key, ib.s,
                             ia.s);
  if (strcmp(an_protocontract__get(b, "output", &ob), an_protocontract__get(a, "output", &oa)) != 0)
    an_protocontract__report(out, AN_CHANGE_BREAKING, "proto.method-response-type-changed", b, a,
                             "Method %s changed its response type from %s to %s", a->key, ob.s,
                             oa.s);
  if (strcmp(an_protocontract__get(b, "client_streaming", &cb),
             an_protocontract__get(a, "client_streaming", &ca)) != 0 ||
      strcmp(an_protocontract__get(b, "server_streaming", &sb),
             an_protocontract__get(a, "server_streaming", &sa)) != 0)
    an_protocontract__report(out, AN_CHANGE_BREAKING, "proto.method-streaming-changed", b, a,
                             "Method %s changed from %s to %s", a->key,
                             an_protocontract__streaming(b), an_protocontract__streaming(a));
}

/* A kind this classifier does not know, or a difference it found nothing in: said plainly. */
static void an_protocontract__other(const an_contract_item *b, const an_contract_item *a,
                                    an_contract_changes *out) {
  const an_contract_item *it = b ? b : a;
  const char *what = !b ? "added" : !a ? "removed" : "changed";
  char change[256];
  snprintf(change, sizeof change, "%s-%s", it->kind, what);
  an_protocontract__report(out, b ? AN_CHANGE_POTENTIALLY_BREAKING : AN_CHANGE_COMPATIBLE, change,
                           b, a, "%s %s %s", it->kind, an_protocontract__display(it), what);
}

void an_protocontract_classify(const an_contract_set *before_set, const an_contract_set *after_set,
                               const an_contract_item *before, const an_contract_item *after,
                               an_contract_changes *out) {
  const an_contract_item *it = before ? before : after;
  if (!it) return;
  size_t n0 = an_contract_nchanges(out);
  const char *kind = it->kind;
  if (strcmp(kind, "proto.message") == 0)
    an_protocontract__decl("message", "Message", before, after, out);
  else if (strcmp(kind, "proto.enum") == 0)
    an_protocontract__decl("enum", "Enum", before, after, out);
  else if (strcmp(kind, "proto.service") == 0)
    an_protocontract__decl("service", "Service", before, after, out);
  else if (strcmp(kind, "proto.field") == 0)
    an_protocontract__field(before_set, after_set, before, after, out);
  else if (strcmp(kind, "proto.enum-value") == 0)
    an_protocontract__enum_value(before_set, after_set, before, after, out);
  else if (strcmp(kind, "proto.method") == 0)
    an_protocontract__method(before_set, after_set, before, after, out);
  else
    an_protocontract__other(before, after, out);
  /* a changed pair in which no known attribute differs (a value line this version does not
   * know) still says something */
  if (before && after && an_contract_nchanges(out) == n0)
    an_protocontract__other(before, after, out);
}
