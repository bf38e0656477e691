/* contract.c — contract items, and their diff through each domain's classifier. */
#include "contract.h"

#include <string.h>

/* ---- the domains' classifiers (one line each) ------------------------------- */
/* CONTRACT-INCLUDES */
#include "abi.h"
#include "openapi.h"
#include "protocontract.h"

static const struct {
  const char *prefix; /* the kind up to its first '.' */
  an_contract_classifier classify;
} an_contract__domains[] = {
    /* CONTRACT-DOMAINS */
    {"c", an_abi_classify},
    {"http", an_http_classify},
    {"proto", an_protocontract_classify},
    {NULL, NULL},
};

const char *an_change_class_name(an_change_class c) {
  static const char *const names[] = {"compatible", "potentially-breaking", "breaking"};
  return (unsigned)c <= AN_CHANGE_BREAKING ? names[c] : "?";
}

/* ---- sets --------------------------------------------------------------------- */

struct an_contract_set {
  as_arena *arena;
  AS_ARRAY(an_contract_item) items;
};

an_contract_set *an_contract_set_new(void) {
  an_contract_set *self = as_calloc(1, sizeof(*self));
  self->arena = as_arena_new();
  return self;
}

void an_contract_set_delete(an_contract_set *self) {
  if (!self) return;
  as_array_free(&self->items);
  as_arena_delete(self->arena);
  free(self);
}

static const char *an_contract__dup(as_arena *a, const char *s) {
  return s ? as_arena_strdup(a, s) : NULL;
}

void an_contract_add(an_contract_set *self, const char *kind, const char *key, const char *value,
                     const char *display, const char *service, const char *path, uint32_t line) {
  an_contract_item it = {an_contract__dup(self->arena, kind ? kind : ""),
                         an_contract__dup(self->arena, key ? key : ""),
                         an_contract__dup(self->arena, value ? value : ""),
                         an_contract__dup(self->arena, display),
                         an_contract__dup(self->arena, service),
                         an_contract__dup(self->arena, path),
                         line};
  as_array_push(&self->items, it);
}

size_t an_contract_count(const an_contract_set *self) {
  return self ? self->items.len : 0;
}

const an_contract_item *an_contract_at(const an_contract_set *self, size_t i) {
  return &self->items.items[i];
}

const an_contract_item *an_contract_find(const an_contract_set *self, const char *kind,
                                         const char *key) {
  for (size_t i = 0; self && i < self->items.len; i++)
    if (strcmp(self->items.items[i].kind, kind) == 0 && strcmp(self->items.items[i].key, key) == 0)
      return &self->items.items[i];
  return NULL;
}

const char *an_contract_attr(const an_contract_item *item, const char *name, char *buf, size_t n) {
  size_t nl = strlen(name);
  for (const char *p = item->value; p && *p;) {
    const char *eol = strchr(p, '\n');
    size_t len = eol ? (size_t)(eol - p) : strlen(p);
    if (len > nl && strncmp(p, name, nl) == 0 && p[nl] == '=') {
      snprintf(buf, n, "%.*s", (int)(len - nl - 1), p + nl + 1);
      return buf;
    }
    p = eol ? eol + 1 : NULL;
  }
  return NULL;
}

/* ---- changes -------------------------------------------------------------------- */

struct an_contract_changes {
  as_arena *arena;
  AS_ARRAY(an_contract_change) items;
};

static const an_contract_item *an_contract__copy_item(as_arena *a, const an_contract_item *it) {
  if (!it) return NULL;
  an_contract_item *c = as_arena_alloc(a, sizeof(*c));
  *c = (an_contract_item){an_contract__dup(a, it->kind),
                          an_contract__dup(a, it->key),
                          an_contract__dup(a, it->value),
                          an_contract__dup(a, it->display),
                          an_contract__dup(a, it->service),
                          an_contract__dup(a, it->path),
                          it->line};
  return c;
}

void an_contract_report(an_contract_changes *out, an_change_class cls, const char *change,
                        const an_contract_item *before, const an_contract_item *after,
                        const char *message) {
  an_contract_change ch = {
      cls, an_contract__dup(out->arena, change), an_contract__dup(out->arena, message),
      an_contract__copy_item(out->arena, before), an_contract__copy_item(out->arena, after)};
  as_array_push(&out->items, ch);
}

static an_contract_classifier an_contract__classifier(const char *kind) {
  size_t n = strcspn(kind, ".");
  for (size_t i = 0; an_contract__domains[i].prefix; i++)
    if (strlen(an_contract__domains[i].prefix) == n &&
        strncmp(an_contract__domains[i].prefix, kind, n) == 0)
      return an_contract__domains[i].classify;
  return NULL;
}

/* A kind without a classifier: said plainly. */
static void an_contract__generic(const an_contract_item *b, const an_contract_item *a,
                                 an_contract_changes *out) {
  const an_contract_item *it = b ? b : a;
  char change[256], msg[1024];
  const char *what = !b ? "added" : !a ? "removed" : "changed";
  snprintf(change, sizeof change, "%s-%s", it->kind, what);
  snprintf(msg, sizeof msg, "%s %s %s", it->kind, it->display ? it->display : it->key, what);
  an_contract_report(out, a && !b ? AN_CHANGE_COMPATIBLE : AN_CHANGE_POTENTIALLY_BREAKING, change,
                     b, a, msg);
}

/* Items are matched by (service, kind, key): two services may both have
 * GET /healthz. */
static int an_contract__cmp(const void *pa, const void *pb) {
  const an_contract_item *a = *(const an_contract_item *const *)pa,
                         *b = *(const an_contract_item *const *)pb;
  int c = strcmp(a->service ? a->service : "", b->service ? b->service : "");
  if (c) return c;
  c = strcmp(a->kind, b->kind);
  return c ? c : strcmp(a->key, b->key);
}

static const an_contract_item **an_contract__sorted(const an_contract_set *s, size_t *n) {
  *n = an_contract_count(s);
  const an_contract_item **v = as_malloc((*n ? *n : 1) * sizeof(*v));
  for (size_t i = 0; i < *n; i++)
    v[i] = &s->items.items[i];
  /* qsort is not stable: equal (kind, key) keep their set order by index */
  for (size_t i = 1; i < *n; i++)
    for (size_t j = i; j > 0 && an_contract__cmp(&v[j - 1], &v[j]) > 0; j--) {
      const an_contract_item *t = v[j];
      v[j] = v[j - 1];
      v[j - 1] = t;
    }
  return v;
}

/* The item an item belongs to, whose own removal or addition already says
 * everything about it: a field's message or struct, an enum constant's enum,
 * an HTTP parameter's or field's operation. false when it has none. */
static bool an_contract__parent(const an_contract_item *it, char *kind, size_t kn, char *key,
                                size_t keyn) {
  static const struct {
    const char *child, *parent;
    char sep; /* the key is "PARENT<sep>rest" (the last sep) */
  } rel[] = {{"proto.field", "proto.message", '#'},
             {"proto.enum-value", "proto.enum", '#'},
             {"c.field", "c.type", '.'},
             {"c.enum-constant", "c.type", '.'},
             {"http.param", "http.operation", ' '},
             {"http.request-field", "http.operation", ' '},
             {"http.response-field", "http.operation", ' '}};
  for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
    if (strcmp(it->kind, rel[i].child) != 0) continue;
    const char *sep = strrchr(it->key, rel[i].sep);
    if (!sep) return false;
    snprintf(kind, kn, "%s", rel[i].parent);
    snprintf(key, keyn, "%.*s", (int)(sep - it->key), it->key);
    return true;
  }
  return false;
}

/* Is it (only on one side) part of a parent that is only on that side too? */
static bool an_contract__subsumed(const an_contract_item *it, const an_contract_set *own,
                                  const an_contract_set *other) {
  char kind[64], key[1024];
  if (!an_contract__parent(it, kind, sizeof kind, key, sizeof key)) return false;
  const an_contract_item *mine = NULL, *theirs = NULL;
  for (size_t i = 0; own && i < own->items.len && !mine; i++) {
    const an_contract_item *p = &own->items.items[i];
    if (strcmp(p->kind, kind) == 0 && strcmp(p->key, key) == 0 &&
        strcmp(p->service ? p->service : "", it->service ? it->service : "") == 0)
      mine = p;
  }
  for (size_t i = 0; other && i < other->items.len && !theirs; i++) {
    const an_contract_item *p = &other->items.items[i];
    if (strcmp(p->kind, kind) == 0 && strcmp(p->key, key) == 0 &&
        strcmp(p->service ? p->service : "", it->service ? it->service : "") == 0)
      theirs = p;
  }
  return mine && !theirs;
}

an_contract_changes *an_contract_diff(const an_contract_set *before, const an_contract_set *after) {
  an_contract_changes *out = as_calloc(1, sizeof(*out));
  out->arena = as_arena_new();
  size_t nb, na;
  const an_contract_item **b = an_contract__sorted(before, &nb),
                         **a = an_contract__sorted(after, &na);
  size_t i = 0, j = 0;
  while (i < nb || j < na) {
    int c = i >= nb ? 1 : j >= na ? -1 : an_contract__cmp(&b[i], &a[j]);
    const an_contract_item *x = c <= 0 ? b[i] : NULL, *y = c >= 0 ? a[j] : NULL;
    if (c <= 0) i++;
    if (c >= 0) j++;
    if (x && y && strcmp(x->value, y->value) == 0) continue;
    /* a field of a message that went away is not reported again */
    if (x && !y && an_contract__subsumed(x, before, after)) continue;
    if (y && !x && an_contract__subsumed(y, after, before)) continue;
    an_contract_classifier f = an_contract__classifier((x ? x : y)->kind);
    if (f)
      f(before, after, x, y, out);
    else
      an_contract__generic(x, y, out);
  }
  free(b);
  free(a);
  return out;
}

void an_contract_changes_delete(an_contract_changes *self) {
  if (!self) return;
  as_array_free(&self->items);
  as_arena_delete(self->arena);
  free(self);
}

size_t an_contract_nchanges(const an_contract_changes *self) {
  return self ? self->items.len : 0;
}

const an_contract_change *an_contract_change_at(const an_contract_changes *self, size_t i) {
  return &self->items.items[i];
}
