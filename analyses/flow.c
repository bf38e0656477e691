/* flow.c — inter-procedural taint propagation with per-function summaries.
 *
 * A label is either a source (an index into the run's source table: a data
 * category and the symbol where it was classified) or a parameter of the
 * function being analysed (symbolic: what the caller passes). Each label
 * carries the path it took, as a persistent list of steps shared between
 * labels. A function's summary holds the labels its return value carries and
 * the sinks its parameters reach; callers instantiate it with their own
 * labels. Summaries only grow, so the worklist over the call graph
 * terminates, recursion included.
 */
#include "flow.h"
#include "access.h"
#include "link.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define AN_PARAM_BIT 0x80000000u
/* A request field a handler reads: an index into the run's key table
 * (parameter, field name). Only endpoint handlers make them, so a link can
 * bind the client's payload field by field. */
#define AN_KEY_BIT 0x40000000u
#define AN_MAX_LABELS 32
#define AN_MAX_PATH 48

typedef struct an_pnode {
  const struct an_pnode *prev;
  an_step step;
  uint32_t len;
} an_pnode;

typedef struct an_label {
  uint32_t id; /* source index, or AN_PARAM_BIT | parameter index */
  const an_pnode *path;
} an_label;

typedef struct an_taint {
  an_label *v;
  uint32_t n, cap;
} an_taint;

typedef struct an_fieldt {
  const char *name; /* NULL: unknown key */
  an_taint t;
  struct an_fieldt *next;
} an_fieldt;

typedef struct an_val {
  const char *name;
  an_taint t;
  an_fieldt *fields;
} an_val;

/* Where data ends: a sink call (or a handler's return). */
typedef struct an_sink {
  const char *symbol;  /* "service:module:function:callee" */
  const char *service; /* the service it is in */
  const char *callee;  /* as written, or "return" */
  const char *vendor;  /* third-party sinks, else NULL */
  ir_sink_kind kind;
  const an_access_site *site; /* db-write: the statement that writes, or NULL */
} an_sink;

typedef struct an_hit {
  uint32_t label; /* AN_PARAM_BIT | parameter, or AN_KEY_BIT | key */
  an_sink sink;
  const an_pnode *path;
} an_hit;

/* A write a function makes into the fields of what it was given: after the
 * call, field `field` of parameter `target` (or of the receiver, AN_THIS)
 * holds `label`. This is what makes constructors and setters carry data:
 * Customer(email=e) stores e in the new object's email field. */
#define AN_THIS 0xFFFFFFFFu
typedef struct an_effect {
  uint32_t target;
  const char *field;
  an_label label;
} an_effect;

/* How a resolved call binds its callee's parameters. */
enum {
  AN_BIND_SHIFT_OBJ = 1, /* parameter 0 is the receiver (self.m(), s.m() in Go) */
  AN_BIND_SHIFT_DST = 2, /* parameter 0 is the new object (Python X() to __init__) */
  AN_BIND_THIS_DST = 4,  /* `this` is the new object (Java/JS new X() to a constructor) */
};

typedef struct an_rfield {
  const char *field;
  an_label label;
} an_rfield;

/* A request field a handler reads, and where. */
typedef struct an_read {
  const char *key;
  ir_loc loc;
  bool required; /* body["key"] in Python: the handler fails without it */
} an_read;

typedef struct an_fn {
  ir_unit *unit;
  ir_func *fn;
  const char *service;   /* its service ("." for the root) */
  const an_endpoint *ep; /* when it handles an endpoint */
  const char *qname;     /* "module:function" */
  const char *cls;       /* Python class prefix of a method, or NULL */
  struct an_fn **callee; /* per instruction: resolved function or NULL */
  uint8_t *bind;         /* per instruction: AN_BIND_* flags */
  struct an_fn **callers;
  uint32_t ncallers, callers_cap;
  bool has_callers, queued, visited;
  bool reads_known;     /* fields_read computed */
  uint64_t fields_read; /* bit p: the function reads fields of parameter p */
  AS_ARRAY(an_label) ret;
  AS_ARRAY(an_hit) hits;
  AS_ARRAY(an_effect) effects;
  AS_ARRAY(an_label) resp;          /* endpoint handlers: what reaches their response */
  AS_ARRAY(struct an_rfield) respf; /* ... and under which response field */
  AS_ARRAY(struct an_fn *) linked;  /* handlers its client calls reach */
  AS_ARRAY(an_read) reads;          /* endpoint handlers: request fields read */
  AS_ARRAY(const char *) respnames; /* ... and the names of their response fields */
} an_fn;

typedef struct an_src {
  const char *category;
  const char *symbol;
  const char *name;
  const char *where;  /* "module:function" that classified it */
  const char *column; /* read from a column or key: its store key (an_col), else NULL */
  /* A record as a whole (a User with email and ssn fields): all the
   * categories of its classified fields (category is the first), and the
   * record's name in name. */
  const char *const *cats;
  uint32_t ncats;
} an_src;

/* A record type of a service and the categories of its classified fields
 * (computed on first use). */
typedef struct an_rec {
  const ir_record *rec;
  const char **cats;
  uint32_t ncats;
  bool done;
} an_rec;

/* What the program stores in one column (or key) of a service's database:
 * the labels written into it, and the functions that read it back. */
typedef struct an_col {
  const char *key;  /* interned "service\x1fresource\x1fcolumn" */
  const char *name; /* "users.email", "session:{}:email" */
  AS_ARRAY(an_label) stored;
  AS_ARRAY(struct an_fn *) readers;
} an_col;

/* Where a label was read from a database: the column's store key, the
 * column as the statement names it, and the statement. */
typedef struct an_dbread {
  const char *key;
  const char *column;
  const an_access_site *site;
} an_dbread;

/* A finding the analysis emitted, for the storage clean-up at the end. */
typedef struct an_emitted {
  size_t index; /* into res->findings */
  const char *sink;
  const char *category;
  const char *column;   /* its source is this column's read, or NULL */
  const char **through; /* the columns its path was read back from */
  uint32_t nthrough;
} an_emitted;

typedef struct an_key {
  uint32_t param;
  const char *key;
} an_key;

typedef struct an_ctx {
  const char *rsvc; /* the service whose functions name resolution sees */
  as_ptrmap own;    /* interned "service\x1fname": a function or method the service defines */
  const an_links *links;
  as_ptrmap fn_of; /* ir_func * -> an_fn * */
  AS_ARRAY(an_key) keys;
  as_ptrmap key_index; /* interned "param\x1fkey" -> index + 1 */
  /* per client (by index): the fields of its payload at its last analysis,
   * as "field" pointers, or NULL when the payload has no fields */
  struct an_payload {
    const char **fields;
    ir_loc *locs;
    uint32_t n;
    bool seen;
  } * payloads;
  an_access_set *access;
  AS_ARRAY(an_col) cols;
  as_ptrmap col_index; /* key -> index + 1 */
  as_ptrmap dbsteps;   /* path nodes made where data is read from a database -> an_dbread */
  AS_ARRAY(an_emitted) emitted;
  AS_ARRAY(struct an_fn *) work;
  const char *const *hosts; /* the repository's service names */
  size_t nhosts;
  const an_catalogue *catalogue;
  an_result *res;
  as_arena *arena;   /* paths, messages: lives for the whole service */
  as_arena *scratch; /* per analysed function */
  as_intern *names;  /* symbols */
  AS_ARRAY(an_src) srcs;
  /* classification cache: interned name pointer -> category (or miss) */
  as_ptrmap classified;
  /* source symbol -> index + 1 */
  as_ptrmap src_index;
  /* interned "service\x1fRecord" -> an_rec */
  as_ptrmap recs;
  /* findings emitted: (source + 1, sink symbol) pairs, open addressing */
  struct an_seen {
    uint32_t src1;
    const char *sink;
  } * seen;
  size_t seen_cap, seen_count;
  /* current function's values */
  an_val *vals;
  size_t vals_cap;
  an_fn *cur;
} an_ctx;

static const char AN_MISS[] = "";

/* ---- classification (cached per interned name) ---------------------------- */

static const char *an_flow__classify(an_ctx *c, const char *name) {
  if (!name || !*name || name[0] == '%') return NULL;
  void **slot = as_ptrmap_slot(&c->classified, name);
  if (*slot) return *slot == AN_MISS ? NULL : *slot;
  const char *cat = an_catalogue_classify(c->catalogue, name);
  *slot = (void *)(cat ? cat : AN_MISS);
  return cat;
}

/* ---- paths ------------------------------------------------------------------ */

static const an_pnode *an_flow__push(an_ctx *c, const an_pnode *prev, const ir_unit *u,
                                     const char *qname, ir_loc loc, const char *msg) {
  if (prev && prev->len >= AN_MAX_PATH) return prev;
  an_pnode *n = as_arena_alloc(c->arena, sizeof(*n));
  n->prev = prev;
  n->len = prev ? prev->len + 1 : 1;
  n->step = (an_step){u->path,
                      loc.line,
                      loc.col,
                      qname,
                      as_arena_strdup(c->arena, msg),
                      c->cur ? c->cur->service : NULL,
                      0};
  return n;
}

/* prefix followed by the steps of tail (a complete path of its own). */
static const an_pnode *an_flow__append(an_ctx *c, const an_pnode *prefix, const an_pnode *tail) {
  const an_pnode *stack[AN_MAX_PATH + 1];
  uint32_t n = 0;
  for (const an_pnode *p = tail; p && n <= AN_MAX_PATH; p = p->prev)
    stack[n++] = p;
  const an_pnode *out = prefix;
  while (n-- > 0) {
    if (out && out->len >= AN_MAX_PATH) break;
    an_pnode *m = as_arena_alloc(c->arena, sizeof(*m));
    m->prev = out;
    m->len = out ? out->len + 1 : 1;
    m->step = stack[n]->step;
    out = m;
  }
  return out;
}

/* ---- taint sets (scratch arena) ------------------------------------------- */

static bool an_flow__add(an_ctx *c, an_taint *t, uint32_t id, const an_pnode *path) {
  for (uint32_t i = 0; i < t->n; i++)
    if (t->v[i].id == id) return false;
  if (t->n >= AN_MAX_LABELS) return false;
  if (t->n == t->cap) {
    uint32_t ncap = t->cap ? t->cap * 2 : 4;
    an_label *nv = as_arena_alloc(c->scratch, ncap * sizeof(an_label));
    if (t->n) memcpy(nv, t->v, t->n * sizeof(an_label));
    t->v = nv;
    t->cap = ncap;
  }
  t->v[t->n++] = (an_label){id, path};
  return true;
}

static void an_flow__union(an_ctx *c, an_taint *dst, const an_taint *src) {
  for (uint32_t i = 0; i < src->n; i++)
    an_flow__add(c, dst, src->v[i].id, src->v[i].path);
}

/* ---- values of the current function --------------------------------------- */

static an_val *an_flow__val(an_ctx *c, const char *name) {
  size_t j = (uintptr_t)name * 0x9E3779B97F4A7C15ull >> 20 & (c->vals_cap - 1);
  while (c->vals[j].name) {
    if (c->vals[j].name == name) return &c->vals[j];
    j = (j + 1) & (c->vals_cap - 1);
  }
  c->vals[j].name = name;
  return &c->vals[j];
}

/* Everything a value carries: itself and all its fields. */
static an_taint an_flow__flatten(an_ctx *c, const char *name) {
  an_val *v = an_flow__val(c, name);
  if (!v->fields) return v->t;
  an_taint t = {0};
  an_flow__union(c, &t, &v->t);
  for (an_fieldt *f = v->fields; f; f = f->next)
    an_flow__union(c, &t, &f->t);
  return t;
}

static an_fieldt *an_flow__field(an_ctx *c, an_val *v, const char *field) {
  for (an_fieldt *f = v->fields; f; f = f->next)
    if (f->name == field) return f;
  an_fieldt *f = as_arena_alloc(c->scratch, sizeof(*f));
  f->name = field;
  f->next = v->fields;
  v->fields = f;
  return f;
}

static void an_flow__set(an_ctx *c, const char *dst, const an_taint *t, bool strong) {
  if (!dst) return;
  an_val *v = an_flow__val(c, dst);
  if (strong) {
    v->t = (an_taint){0};
    v->fields = NULL;
  }
  an_flow__union(c, &v->t, t);
}

/* ---- symbols, sources, findings ------------------------------------------- */

static const char *an_flow__symbol(an_ctx *c, const char *name) {
  char buf[1024];
  snprintf(buf, sizeof buf, "%s:%s:%s", c->cur->service, c->cur->qname, name);
  return as_intern_str(c->names, buf);
}

/* The symbol names the category too (it ends with the classified name). */
static uint32_t an_flow__source(an_ctx *c, const char *category, const char *name) {
  const char *sym = an_flow__symbol(c, name);
  void **slot = as_ptrmap_slot(&c->src_index, sym);
  if (*slot) return (uint32_t)((uintptr_t)*slot - 1);
  an_src s = {category, sym, name, c->cur->qname, NULL, NULL, 0};
  as_array_push(&c->srcs, s);
  *slot = (void *)(uintptr_t)c->srcs.len;
  return (uint32_t)(c->srcs.len - 1);
}

static size_t an_flow__seen_slot(uint32_t src, const char *sink, size_t cap) {
  return ((uintptr_t)sink * 0x9E3779B97F4A7C15ull >> 20 ^ src * 0x85EBCA6Bu) & (cap - 1);
}

/* Record the (source, sink symbol) pair as emitted; false when it already was. */
static bool an_flow__first(an_ctx *c, uint32_t src, const char *sink) {
  if ((c->seen_count + 1) * 2 > c->seen_cap) {
    size_t ncap = c->seen_cap ? c->seen_cap * 2 : 256;
    struct an_seen *nk = as_calloc(ncap, sizeof(*nk));
    for (size_t i = 0; i < c->seen_cap; i++) {
      if (!c->seen[i].src1) continue;
      size_t j = an_flow__seen_slot(c->seen[i].src1, c->seen[i].sink, ncap);
      while (nk[j].src1)
        j = (j + 1) & (ncap - 1);
      nk[j] = c->seen[i];
    }
    free(c->seen);
    c->seen = nk;
    c->seen_cap = ncap;
  }
  size_t j = an_flow__seen_slot(src + 1, sink, c->seen_cap);
  while (c->seen[j].src1) {
    if (c->seen[j].src1 == src + 1 && c->seen[j].sink == sink) return false;
    j = (j + 1) & (c->seen_cap - 1);
  }
  c->seen[j].src1 = src + 1;
  c->seen[j].sink = sink;
  c->seen_count++;
  return true;
}

/* The store of one column or key of a service, made on first use. */
static an_col *an_flow__col(an_ctx *c, const char *service, const an_access_item *it) {
  char buf[1024];
  snprintf(buf, sizeof buf, "%s\x1f%s\x1f%s", service, it->resource, it->column ? it->column : "");
  const char *key = as_intern_str(c->names, buf);
  void **slot = as_ptrmap_slot(&c->col_index, key);
  if (!*slot) {
    an_col col = {0};
    col.key = key;
    if (it->kind == AN_ACCESS_TABLE && it->column)
      snprintf(buf, sizeof buf, "%s.%s", it->resource, it->column);
    else if (it->column)
      snprintf(buf, sizeof buf, "%s %s", it->resource, it->column);
    else
      snprintf(buf, sizeof buf, "%s", it->resource);
    col.name = as_intern_str(c->names, buf);
    as_array_push(&c->cols, col);
    *slot = (void *)(uintptr_t)c->cols.len;
  }
  return &c->cols.items[(uintptr_t)*slot - 1];
}

static void an_flow__requeue(an_ctx *c, an_col *col) {
  for (size_t r = 0; r < col->readers.len; r++) {
    an_fn *g = col->readers.items[r];
    if (!g->queued) {
      g->queued = true;
      as_array_push(&c->work, g);
    }
  }
}

/* Personal data reaches a database write: what the statement writes into a
 * column of the same category is stored there, and every reader of that
 * column reads it back. */
static void an_flow__store(an_ctx *c, uint32_t src, const an_sink *sink, const an_pnode *path) {
  const an_access_site *site = sink->site;
  if (!site || !site->writes) return;
  const an_src *s = &c->srcs.items[src];
  for (uint32_t k = 0; k < site->nitems; k++) {
    const an_access_item *it = &site->items[k];
    if (!it->write || !it->category || strcmp(it->category, s->category) != 0) continue;
    an_col *col = an_flow__col(c, site->service, it);
    if (s->column == col->key) continue; /* read from there in the first place */
    bool had = col->stored.len >= AN_MAX_LABELS;
    for (size_t l = 0; l < col->stored.len && !had; l++)
      had = col->stored.items[l].id == src;
    if (had) continue;
    char msg[600];
    snprintf(msg, sizeof msg, "stored in the database as '%s'", col->name);
    const an_pnode *last = path;
    an_pnode *n = as_arena_alloc(c->arena, sizeof(*n));
    n->prev = last;
    n->len = last ? last->len + 1 : 1;
    n->step = last ? last->step : (an_step){0};
    n->step.message = as_arena_strdup(c->arena, msg);
    an_label l = {src, n};
    as_array_push(&col->stored, l);
    an_flow__requeue(c, col);
  }
}

static void an_flow__emit(an_ctx *c, uint32_t src, const an_sink *sink, const an_pnode *path) {
  if (sink->kind == IR_SINK_DB_WRITE) an_flow__store(c, src, sink, path);
  if (!an_flow__first(c, src, sink->symbol)) return;
  const an_src *s = &c->srcs.items[src];
  an_step steps[AN_MAX_PATH + 1];
  uint32_t n = 0;
  for (const an_pnode *p = path; p && n <= AN_MAX_PATH; p = p->prev)
    steps[n++] = p->step;
  for (uint32_t i = 0; i < n / 2; i++) {
    an_step tmp = steps[i];
    steps[i] = steps[n - 1 - i];
    steps[n - 1 - i] = tmp;
  }
  const an_step *last = &steps[n - 1];
  char msg[2048], vendor[128] = "";
  if (sink->vendor) snprintf(vendor, sizeof vendor, " (%s)", sink->vendor);
  char in_svc[300] = "";
  const char *src_svc = s->symbol; /* "service:..." */
  size_t sl = strcspn(src_svc, ":");
  if (strlen(sink->service) != sl || strncmp(sink->service, src_svc, sl) != 0)
    snprintf(in_svc, sizeof in_svc, " of service %.*s", (int)sl, src_svc);
  char what[640], cats_text[512] = "";
  if (s->ncats) {
    for (uint32_t k = 0; k < s->ncats; k++) {
      size_t l = strlen(cats_text);
      snprintf(cats_text + l, sizeof cats_text - l, "%s%s", k ? ", " : "", s->cats[k]);
    }
    snprintf(what, sizeof what, "Personal data (%.500s) held by a %.100s record", cats_text,
             s->name);
  } else {
    snprintf(what, sizeof what, "Personal data (%.200s) read as '%.400s'", s->category, s->name);
  }
  if (sink->kind == IR_SINK_RESPONSE && strcmp(sink->callee, "return") == 0)
    snprintf(msg, sizeof msg, "%.640s in %.300s%.300s is returned in %s%s%.200s", what, s->where,
             in_svc, ir_sink_kind_words(sink->kind), in_svc[0] ? " by service " : "",
             in_svc[0] ? sink->service : "");
  else
    snprintf(msg, sizeof msg, "%.640s in %.300s%.300s reaches %s%.128s through %.300s%s%.200s",
             what, s->where, in_svc, ir_sink_kind_words(sink->kind), vendor, sink->callee,
             in_svc[0] ? " in service " : "", in_svc[0] ? sink->service : "");
  an_finding f = {0};
  f.rule_id = ir_sink_kind_rule(sink->kind);
  f.sink_kind = sink->kind;
  const char *cats[1] = {s->category};
  f.categories = s->ncats ? (const char **)s->cats : cats;
  f.ncategories = s->ncats ? s->ncats : 1;
  f.service = sink->service;
  f.source_symbol = s->symbol;
  f.sink_symbol = sink->symbol;
  f.path = last->path;
  f.line = last->line;
  f.col = last->col;
  f.message = msg;
  f.steps = steps;
  f.nsteps = n;
  an_finding_set_services(c->arena, &f);
  if (f.nservices > 1) {
    size_t ml = strlen(msg);
    ml += (size_t)snprintf(msg + ml, sizeof msg - ml, ", across services ");
    for (uint32_t k = 0; k < f.nservices && ml < sizeof msg; k++)
      ml += (size_t)snprintf(msg + ml, sizeof msg - ml, "%s%s", k ? " -> " : "", f.services[k]);
  }
  f.fingerprint = an_finding_fingerprint(c->arena, &f);
  an_result_add(c->res, &f);
  an_emitted em = {c->res->nfindings - 1, sink->symbol, s->category, s->column, NULL, 0};
  for (const an_pnode *p = path; p; p = p->prev) {
    const an_dbread *db = as_ptrmap_get(&c->dbsteps, p);
    if (!db) continue;
    const char *col = db->key;
    const char **nt = as_arena_alloc(c->arena, (em.nthrough + 1) * sizeof(char *));
    if (em.nthrough) memcpy(nt, em.through, em.nthrough * sizeof(char *));
    nt[em.nthrough++] = col;
    em.through = nt;
  }
  as_array_push(&c->emitted, em);
}

/* A label reaches a sink: a finding for a source, a summary hit for a parameter. */
static void an_flow__reach(an_ctx *c, const an_label *l, const an_sink *sink,
                           const an_pnode *path) {
  an_fn *f = c->cur;
  if (sink->kind == IR_SINK_RESPONSE && f->ep) {
    bool dup = f->resp.len >= AN_MAX_LABELS;
    for (size_t r = 0; r < f->resp.len && !dup; r++)
      dup = f->resp.items[r].id == l->id;
    if (!dup) {
      an_label rl = {l->id, path};
      as_array_push(&f->resp, rl);
    }
  }
  if (!(l->id & (AN_PARAM_BIT | AN_KEY_BIT))) {
    an_flow__emit(c, l->id, sink, path);
    return;
  }
  for (size_t i = 0; i < f->hits.len; i++)
    if (f->hits.items[i].label == l->id && f->hits.items[i].sink.symbol == sink->symbol) return;
  an_hit h = {l->id, *sink, path};
  as_array_push(&f->hits, h);
}

/* ---- one function --------------------------------------------------------- */

/* The symbol of the sink call at instruction i: "callee" for the first call
 * of that callee in the function, "callee#2" for the second, ..., so two
 * calls that log the same value are two findings. */
static const char *an_flow__call_symbol(an_ctx *c, const ir_func *fn, uint32_t i) {
  const ir_inst *in = &fn->insts[i];
  unsigned nth = 1;
  for (uint32_t k = 0; k < i; k++)
    nth += fn->insts[k].op == IR_CALL && fn->insts[k].callee == in->callee;
  if (nth == 1) return an_flow__symbol(c, in->callee);
  char buf[300];
  snprintf(buf, sizeof buf, "%.280s#%u", in->callee, nth);
  return an_flow__symbol(c, buf);
}

/* The words of a callee's last part after a verb that fetches
 * ("get_password" is "password", "readSSN" is "SSN"), into buf; NULL when it
 * starts with no such verb. */
static const char *an_flow__fetched(const char *callee, char *buf, size_t cap) {
  static const char *const verbs[] = {"get", "read",  "fetch", "load",     "lookup",  "prompt",
                                      "ask", "input", "find",  "retrieve", "decrypt", "decode"};
  const char *dot = strrchr(callee, '.');
  const char *last = dot ? dot + 1 : callee;
  while (*last == '_')
    last++;
  for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++) {
    size_t n = strlen(verbs[k]);
    if (strncasecmp(last, verbs[k], n) != 0) continue;
    const char *rest = last + n;
    bool boundary = *rest == '_' || (*rest >= 'A' && *rest <= 'Z');
    if (!boundary) continue;
    while (*rest == '_')
      rest++;
    if (!*rest) return NULL;
    snprintf(buf, cap, "%s", rest);
    return buf;
  }
  return NULL;
}

/* The caller's value bound to the callee's parameter j (AN_THIS: its
 * receiver), or NULL: a keyword argument by the parameter's name, else the
 * positional arguments in order. */
static const char *an_flow__param_value(const ir_inst *in, const an_fn *g, unsigned bind,
                                        uint32_t j) {
  if (j == AN_THIS) return (bind & AN_BIND_THIS_DST) ? in->dst : in->obj;
  uint32_t pos = j;
  if (bind & (AN_BIND_SHIFT_OBJ | AN_BIND_SHIFT_DST)) {
    if (j == 0) return (bind & AN_BIND_SHIFT_DST) ? in->dst : in->obj;
    pos--;
  }
  if (!in->argnames) return pos < in->nargs ? in->args[pos] : NULL;
  const char *pname = j < g->fn->nparams ? g->fn->params[j] : NULL;
  for (uint32_t a = 0; a < in->nargs; a++)
    if (in->argnames[a] && in->argnames[a] == pname) return in->args[a];
  for (uint32_t a = 0; a < in->nargs; a++)
    if (!in->argnames[a] && pos-- == 0) return in->args[a];
  return NULL;
}

/* The parameter a symbolic label stands for, or AN_NOT_PARAM for a source. */
#define AN_NOT_PARAM 0xFFFFFFFEu
static uint32_t an_flow__param_of(const an_ctx *c, uint32_t id) {
  if (id & AN_PARAM_BIT) return id & ~AN_PARAM_BIT;
  if (id & AN_KEY_BIT) return c->keys.items[id & ~AN_KEY_BIT].param;
  return AN_NOT_PARAM;
}

/* Does g read fields of its parameter j (p.email, p.getEmail())? Then a
 * record passed there is not passed whole: what g returns, stores or sends
 * of it are those fields, which classify on their own. */
static bool an_flow__reads_fields(an_fn *g, uint32_t j) {
  if (!g->reads_known) {
    g->reads_known = true;
    const ir_func *fn = g->fn;
    for (uint32_t i = 0; i < fn->ninsts; i++) {
      const ir_inst *in = &fn->insts[i];
      if (in->op != IR_LOAD || !in->field || !in->obj) continue;
      for (uint32_t p = 0; p < fn->nparams && p < 64; p++)
        if (fn->params[p] == in->obj) g->fields_read |= 1ull << p;
    }
  }
  return j < 64 && (g->fields_read >> j & 1);
}

/* The labels of v to instantiate a summary of g's parameter j with. */
static an_taint an_flow__bound_taint(an_ctx *c, an_fn *g, uint32_t j, const char *v) {
  an_taint t = an_flow__flatten(c, v);
  if (!an_flow__reads_fields(g, j)) return t;
  an_taint kept = {0};
  for (uint32_t i = 0; i < t.n; i++)
    if ((t.v[i].id & (AN_PARAM_BIT | AN_KEY_BIT)) || !c->srcs.items[t.v[i].id].ncats)
      an_flow__add(c, &kept, t.v[i].id, t.v[i].path);
  return kept;
}

static void an_flow__call(an_ctx *c, const ir_inst *in, an_fn *g, unsigned bind, bool strong) {
  an_fn *f = c->cur;
  const ir_unit *u = f->unit;
  char msg[512];
  /* Parameters that reach sinks inside g. */
  for (size_t h = 0; h < g->hits.len; h++) {
    an_hit hit = g->hits.items[h];
    uint32_t param = an_flow__param_of(c, hit.label);
    const char *v = an_flow__param_value(in, g, bind, param);
    if (!v) continue;
    an_taint t = an_flow__bound_taint(c, g, param, v);
    for (uint32_t i = 0; i < t.n; i++) {
      snprintf(msg, sizeof msg, "passed to %s() as '%s'", g->fn->name,
               param < g->fn->nparams ? g->fn->params[param] : "?");
      const an_pnode *p = an_flow__push(c, t.v[i].path, u, f->qname, in->loc, msg);
      p = an_flow__append(c, p, hit.path);
      an_flow__reach(c, &t.v[i], &hit.sink, p);
    }
  }
  /* What g returns. */
  an_taint out = {0};
  for (size_t r = 0; r < g->ret.len; r++) {
    an_label rl = g->ret.items[r];
    snprintf(msg, sizeof msg, "returned from %s()", g->fn->name);
    if (rl.id & (AN_PARAM_BIT | AN_KEY_BIT)) {
      uint32_t j = an_flow__param_of(c, rl.id);
      const char *v = an_flow__param_value(in, g, bind, j);
      if (!v) continue;
      an_taint t = an_flow__bound_taint(c, g, j, v);
      for (uint32_t i = 0; i < t.n; i++) {
        char pm[512];
        snprintf(pm, sizeof pm, "passed to %s() as '%s'", g->fn->name,
                 j < g->fn->nparams ? g->fn->params[j] : "?");
        const an_pnode *p = an_flow__push(c, t.v[i].path, u, f->qname, in->loc, pm);
        p = an_flow__append(c, p, rl.path);
        p = an_flow__push(c, p, u, f->qname, in->loc, msg);
        an_flow__add(c, &out, t.v[i].id, p);
      }
    } else {
      const an_pnode *p = an_flow__push(c, rl.path, u, f->qname, in->loc, msg);
      an_flow__add(c, &out, rl.id, p);
    }
  }
  /* A constructor's result is the object it filled, not what it returns. */
  if (!(bind & (AN_BIND_SHIFT_DST | AN_BIND_THIS_DST)))
    an_flow__set(c, in->dst, &out, strong);
  else
    an_flow__set(c, in->dst, &(an_taint){0}, strong);
  /* What g wrote into the fields of its parameters and receiver. */
  for (size_t e = 0; e < g->effects.len; e++) {
    an_effect ef = g->effects.items[e];
    const char *target = an_flow__param_value(in, g, bind, ef.target);
    if (!target) continue;
    an_fieldt *fl = an_flow__field(c, an_flow__val(c, target), ef.field);
    snprintf(msg, sizeof msg, "stored in %s.%s by %s()", target[0] == '%' ? "the object" : target,
             ef.field, g->fn->name);
    if (ef.label.id & (AN_PARAM_BIT | AN_KEY_BIT)) {
      uint32_t j = an_flow__param_of(c, ef.label.id);
      const char *v = an_flow__param_value(in, g, bind, j);
      if (!v) continue;
      an_taint t = an_flow__bound_taint(c, g, j, v);
      for (uint32_t i = 0; i < t.n; i++) {
        char pm[512];
        snprintf(pm, sizeof pm, "passed to %s() as '%s'", g->fn->name,
                 j < g->fn->nparams ? g->fn->params[j] : "?");
        const an_pnode *p = an_flow__push(c, t.v[i].path, u, f->qname, in->loc, pm);
        p = an_flow__append(c, p, ef.label.path);
        an_flow__add(c, &fl->t, t.v[i].id, an_flow__push(c, p, u, f->qname, in->loc, msg));
      }
    } else {
      an_flow__add(c, &fl->t, ef.label.id,
                   an_flow__push(c, ef.label.path, u, f->qname, in->loc, msg));
    }
  }
}

static const char *an_flow__const_text(const ir_func *fn, uint32_t i, const char *v);
static void an_flow__load(an_ctx *c, const ir_inst *in, const char *obj, const char *field,
                          an_taint *t);

/* Accessors that read one named entry of their receiver:
 * body.get("email"), r.FormValue("email"), c.Query("phone"),
 * request.getParameter("ssn"), r.Header.Get("X-Email"). */
static bool an_flow__accessor(const char *callee) {
  static const char *const names[] = {
      "get",        "pop",          "getlist",   "formvalue",       "postformvalue",
      "query",      "defaultquery", "postform",  "defaultpostform", "param",
      "queryparam", "getparameter", "getheader", "getattribute",    "getstring",
      "getquery",   "getfirst",     "getvalue"};
  const char *dot = strrchr(callee, '.');
  if (!dot) return false;
  for (size_t k = 0; k < sizeof names / sizeof *names; k++)
    if (strcasecmp(dot + 1, names[k]) == 0) return true;
  return false;
}

/* Unknown code: its result carries what went in. An accessor with a literal
 * key reads like a field: body.get("email") is body.email. */
/* Serialisers keep an object's fields apart: json.dumps(event) still has
 * event's "phone" as "phone" on the other side of a link. */
static bool an_flow__serializer(const char *callee) {
  static const char *const names[] = {"json.dumps",        "JSON.stringify",  "json.Marshal",
                                      "json.marshal",      "bytes.NewReader", "bytes.NewBuffer",
                                      "Buffer.from",       "JSON.parse",      "json.loads",
                                      "strings.NewReader", "jsonify",         "flask.jsonify"};
  for (size_t k = 0; k < sizeof names / sizeof *names; k++)
    if (strcmp(callee, names[k]) == 0) return true;
  return false;
}

static void an_flow__copy(an_ctx *c, const char *dst, const char *from, bool strong);

/* ---- masking by what the code does ---------------------------------------- */

#define AN_MASK_KEEP 4 /* at most this many characters kept: the last four of a card */

/* The instruction before i of fn that defines v, or NULL. */
static const ir_inst *an_flow__def_of(const ir_func *fn, uint32_t i, const char *v) {
  while (v && i-- > 0)
    if (fn->insts[i].dst == v) return &fn->insts[i];
  return NULL;
}

/* A small count as a literal: "4" gives 4, "-4" gives -4; false otherwise. */
static bool an_flow__small(const char *t, long *out) {
  if (!t || !*t) return false;
  char *end;
  long n = strtol(t, &end, 10);
  if (*end || n < -1000 || n > 1000) return false;
  *out = n;
  return true;
}

/* Is v, before instruction i, "the length of x minus N" with 0 < N <= 4
 * (len(card) - 4, card.length - 4, card.length() - 4)? */
static bool an_flow__length_minus_few(const ir_func *fn, uint32_t i, const char *v) {
  uint32_t at = i;
  const ir_inst *d = an_flow__def_of(fn, at, v);
  if (!d || d->op != IR_CALL || strcmp(d->callee, "<sub>") != 0 || d->nargs != 2) return false;
  at = (uint32_t)(d - fn->insts);
  long n;
  if (!an_flow__small(an_flow__const_text(fn, at, d->args[1]), &n) || n <= 0 || n > AN_MASK_KEEP)
    return false;
  const ir_inst *l = an_flow__def_of(fn, at, d->args[0]);
  if (!l) return false;
  if (l->op == IR_LOAD) return l->field && strcmp(l->field, "length") == 0;
  if (l->op != IR_CALL) return false;
  const char *dot = strrchr(l->callee, '.');
  const char *last = dot ? dot + 1 : l->callee;
  return strcmp(last, "len") == 0 || strcmp(last, "length") == 0 ||
         strcmp(last, "RuneCountInString") == 0;
}

/* Does the call at instruction i keep only a few characters of its
 * receiver: the last four (s[-4:], s[len(s)-4:], s.slice(-4),
 * s.substring(s.length - 4)) or a prefix of at most four (s[:2],
 * s.substring(0, 2))? Its result is masked: not the personal data. */
static bool an_flow__keeps_little(const ir_func *fn, uint32_t i, const ir_inst *in) {
  if (!in->obj || !in->nargs) return false;
  const char *dot = strrchr(in->callee, '.');
  const char *last = dot ? dot + 1 : in->callee;
  bool slice = strcmp(in->callee, "<slice>") == 0;
  if (!slice && strcmp(last, "slice") != 0 && strcmp(last, "substring") != 0 &&
      strcmp(last, "substr") != 0)
    return false;
  const char *lo = an_flow__const_text(fn, i, in->args[0]);
  const char *hi = in->nargs > 1 ? an_flow__const_text(fn, i, in->args[1]) : "";
  bool to_end = hi && !*hi;
  long n, m;
  /* the last few: a negative start, or the length minus a few, to the end */
  if (to_end && an_flow__small(lo, &n) && n < 0 && -n <= AN_MASK_KEEP &&
      strcmp(last, "substring") != 0)
    return true;
  if (to_end && an_flow__length_minus_few(fn, i, in->args[0])) return true;
  /* a short prefix: from the start to a small end (substr's second argument
   * is a length, the others' an end) */
  bool from_start = lo && (!*lo || (an_flow__small(lo, &n) && n == 0));
  return from_start && in->nargs > 1 && an_flow__small(hi, &m) && m > 0 && m <= AN_MASK_KEEP;
}

static bool an_flow__object(an_ctx *c, const char *v);

/* Does v hold a plain value, not an object with fields nor a record? */
static bool an_flow__scalar(an_ctx *c, const char *v) {
  if (an_flow__object(c, v)) return false;
  an_taint t = an_flow__flatten(c, v);
  for (uint32_t k = 0; k < t.n; k++)
    if (!(t.v[k].id & (AN_PARAM_BIT | AN_KEY_BIT)) && c->srcs.items[t.v[k].id].ncats) return false;
  return true;
}

/* JavaScript or TypeScript? */
static bool an_flow__is_js(const ir_unit *u) {
  return strcmp(u->lang, "javascript") == 0 || strcmp(u->lang, "typescript") == 0;
}

/* Does the call at instruction i replace characters of any kind with a mask
 * ("*", "x", "#"): re.sub(r".", "*", s), s.replace(/\d(?=\d{4})/g, "*"),
 * s.replaceAll("[^@]", "*")? A pattern of literal text (str.replace("@", "*"),
 * JavaScript's replace with a string) masks nothing. */
static bool an_flow__masks_chars(const an_fn *f, uint32_t i, const ir_inst *in) {
  const ir_func *fn = f->fn;
  const char *dot = strrchr(in->callee, '.');
  const char *last = dot ? dot + 1 : in->callee;
  const char *lang = f->unit->lang;
  bool py = lang[0] == 'p' && strcmp(in->callee, "re.sub") == 0;
  bool java = strcmp(lang, "java") == 0 && strcmp(last, "replaceAll") == 0 && in->obj;
  bool js = an_flow__is_js(f->unit) && in->obj &&
            (strcmp(last, "replace") == 0 || strcmp(last, "replaceAll") == 0);
  if ((!py && !java && !js) || in->nargs < 2) return false;
  const char *pat = an_flow__const_text(fn, i, in->args[0]);
  const char *rep = an_flow__const_text(fn, i, in->args[1]);
  if (!pat || !rep || !*rep || (js && pat[0] != '/')) return false;
  for (const char *r = rep; *r; r++)
    if (!strchr("*xX#", *r)) return false;
  static const char *const classes[] = {"\\d", "\\w", "\\S", "[^", "[0-9", "[a-z", "[A-Z"};
  bool any = strchr(pat, '.') != NULL;
  for (size_t k = 0; k < sizeof classes / sizeof *classes && !any; k++)
    any = strstr(pat, classes[k]) != NULL;
  return any;
}

/* A Go library call whose one result is kept as an error: err, someErr. */
static bool an_flow__go_error(const an_ctx *c, const ir_inst *in) {
  if (!in->dst || in->dst[0] == '%' || c->cur->unit->lang[0] != 'g') return false;
  size_t n = strlen(in->dst);
  return strcmp(in->dst, "err") == 0 || (n > 3 && strcmp(in->dst + n - 3, "Err") == 0);
}

static bool an_flow__constructs(const ir_inst *in);

/* Does the result of a call no code of the repository answers carry its
 * arguments' data? Only where the models say the callee does (formatting,
 * encoding, copying, building a collection, wrapping an error: "carries"),
 * for a constructor (what is built holds what it is given: new
 * RuntimeException(msg), MIMEText(body)) and for the frontends' own
 * operations (<slice>, <sub>). A library call that takes personal data and
 * answers something else (a lookup by email, a status, a handle) does not.
 * The receiver's data is carried either way: email.lower(), user.to_dict(). */
static bool an_flow__passes_args(an_ctx *c, const ir_inst *in) {
  if (in->fact_carries || in->callee[0] == '<' || an_flow__constructs(in)) return true;
  /* A method of the service's own code that a call could not be resolved
   * to (an interface, an injected field): what it does is not known, so its
   * result carries what went in. */
  const char *dot = strrchr(in->callee, '.');
  char buf[512];
  snprintf(buf, sizeof buf, "%s\x1f%.300s", c->cur->service, dot ? dot + 1 : in->callee);
  return as_ptrmap_get(&c->own, as_intern_str(c->names, buf)) != NULL;
}

static void an_flow__unknown_call(an_ctx *c, const ir_func *fn, uint32_t i, const ir_inst *in,
                                  bool strong) {
  an_taint t = {0};
  if ((an_flow__keeps_little(fn, i, in) || an_flow__masks_chars(c->cur, i, in)) &&
      an_flow__scalar(c, in->obj ? in->obj : in->args[in->nargs - 1])) {
    /* masked: card[-4:], email.slice(0, 2) (the last four of a list of
     * users are still users: a value with fields or records is not masked) */
    an_flow__set(c, in->dst, &t, strong);
    return;
  }
  if (in->fact_opaque || an_flow__go_error(c, in)) {
    /* a client's response is what the other side answered; Go's
     * err := tmpl.Execute(w, user) is the error, not the user */
    an_flow__set(c, in->dst, &t, strong);
    return;
  }
  if (in->nargs >= 1 && in->dst && an_flow__serializer(in->callee)) {
    an_flow__copy(c, in->dst, in->args[0], strong);
    return;
  }
  const char *dot = strrchr(in->callee, '.');
  if (in->obj && in->nargs == 0 && in->dst && dot && strcmp(dot + 1, "json") == 0) {
    an_flow__copy(c, in->dst, in->obj, strong); /* resp.json(): the body it holds */
    return;
  }
  /* Request(user_id=u, email=e): keyword arguments become the fields of
   * the result (a message, a record, a dict). */
  const char *ctor = strrchr(in->callee, '.');
  ctor = ctor ? ctor + 1 : in->callee;
  bool all_named = in->argnames && in->dst && (!in->obj || (*ctor >= 'A' && *ctor <= 'Z'));
  for (uint32_t a = 0; all_named && a < in->nargs; a++)
    all_named = in->argnames[a] && in->argnames[a][0] != '*';
  if (all_named && in->dst) {
    an_flow__set(c, in->dst, &t, strong);
    an_val *d = an_flow__val(c, in->dst);
    for (uint32_t a = 0; a < in->nargs; a++) {
      an_taint s = an_flow__flatten(c, in->args[a]);
      an_fieldt *fl = an_flow__field(c, d, in->argnames[a]);
      an_flow__union(c, &fl->t, &s);
    }
    return;
  }
  const char *key = NULL;
  if (in->obj && in->nargs && an_flow__accessor(in->callee))
    key = an_flow__const_text(fn, i, in->args[0]);
  if (key) {
    an_flow__load(c, in, in->obj, as_intern_str(c->names, key), &t);
    for (uint32_t a = 1; a < in->nargs; a++) { /* a default value */
      an_taint s = an_flow__flatten(c, in->args[a]);
      an_flow__union(c, &t, &s);
    }
    an_flow__set(c, in->dst, &t, strong);
    return;
  }
  for (uint32_t a = 0, pass = in->nargs && an_flow__passes_args(c, in); pass && a < in->nargs;
       a++) {
    an_taint s = an_flow__flatten(c, in->args[a]);
    an_flow__union(c, &t, &s);
  }
  if (in->obj) {
    an_taint s = an_flow__flatten(c, in->obj);
    an_flow__union(c, &t, &s);
    /* Go's err := row.Scan(&email): the row's columns go into the
     * arguments; the result is the error, not the data. */
    if (dot && strcmp(dot + 1, "Scan") == 0 && s.n) {
      for (uint32_t a = 0; a < in->nargs; a++)
        an_flow__set(c, in->args[a], &s, false);
      an_flow__set(c, in->dst, &(an_taint){0}, strong);
      return;
    }
  }
  an_flow__set(c, in->dst, &t, strong);
}

/* The literal text a value starts with, looking back from instruction i
 * through its definitions (a constant, or string building that starts with
 * one). NULL when it does not start with a literal. */
static const char *an_flow__const_prefix(const ir_func *fn, uint32_t i, const char *v, int depth) {
  if (depth > 8) return NULL;
  while (i-- > 0) {
    const ir_inst *d = &fn->insts[i];
    if (d->dst != v) continue;
    if (d->op == IR_CONST) return d->text;
    if ((d->op == IR_CONCAT || d->op == IR_COPY) && d->nargs)
      return an_flow__const_prefix(fn, i, d->args[0], depth + 1);
    return NULL;
  }
  return NULL;
}

/* The literal a value is, when its last definition before i is a constant. */
static const char *an_flow__const_text(const ir_func *fn, uint32_t i, const char *v) {
  while (i-- > 0) {
    const ir_inst *d = &fn->insts[i];
    if (d->dst == v) return d->op == IR_CONST ? d->text : NULL;
  }
  return NULL;
}

/* Is the URL argument of an outbound call a literal naming one of the
 * repository's services ("http://accounts:8000/...")? */
static bool an_flow__internal_url(an_ctx *c, const ir_func *fn, uint32_t i, const ir_inst *in) {
  if (in->fact_url < 0 || (uint32_t)in->fact_url >= in->nargs) return false;
  const char *url = an_flow__const_prefix(fn, i, in->args[in->fact_url], 0);
  if (!url) return false;
  const char *host = strstr(url, "://");
  host = host ? host + 3 : url;
  size_t n = strcspn(host, ":/?#");
  for (size_t h = 0; h < c->nhosts; h++)
    if (strlen(c->hosts[h]) == n && strncmp(c->hosts[h], host, n) == 0) return true;
  return false;
}

/* What reading obj.field gives (field NULL: an unknown key): the field's own
 * labels, the object's, and a source when the field's name is personal data. */
/* Names under which a request object holds its whole body: req.body.email
 * is the request's field "email". */
static bool an_flow__transparent(const char *field) {
  static const char *const names[] = {
      "body",  "json",    "form",  "data",    "args", "values", "query",    "params", "payload",
      "value", "request", "files", "content", "Body", "Form",   "PostForm", "URL"};
  for (size_t k = 0; k < sizeof names / sizeof *names; k++)
    if (strcmp(field, names[k]) == 0) return true;
  return false;
}

static uint32_t an_flow__key(an_ctx *c, uint32_t param, const char *key) {
  char buf[600];
  snprintf(buf, sizeof buf, "%u\x1f%.500s", param, key);
  void **slot = as_ptrmap_slot(&c->key_index, as_intern_str(c->names, buf));
  if (!*slot) {
    an_key k = {param, as_intern_str(c->names, key)};
    as_array_push(&c->keys, k);
    *slot = (void *)(uintptr_t)c->keys.len;
  }
  return AN_KEY_BIT | (uint32_t)((uintptr_t)*slot - 1);
}

static bool an_flow__not_request(const char *p);

/* Does parameter p of the current handler receive the request? */
static bool an_flow__request_param(const an_fn *f, uint32_t p) {
  if (f->ep->binding == AN_REQ_PARAM) return p == f->ep->req_param;
  return p >= f->fn->nparams || !an_flow__not_request(f->fn->params[p]);
}

/* Remember that the current handler reads request field key (not a path
 * parameter of its route, not a header). */
static void an_flow__note_read(an_ctx *c, uint32_t param, const char *key, ir_loc loc,
                               bool required) {
  an_fn *f = c->cur;
  static const char *const not_body[] = {"headers", "header",  "cookies", "session",     "method",
                                         "path",    "url",     "user",    "remote_addr", "ip",
                                         "Header",  "Context", "ctx"};
  if (!an_flow__request_param(f, param)) return;
  for (size_t k = 0; k < sizeof not_body / sizeof *not_body; k++)
    if (strcmp(key, not_body[k]) == 0) return;
  /* a parameter of the route's path: /users/:id, /users/<int:user_id>, {id} */
  const char *d = f->ep->display;
  size_t kn = strlen(key);
  for (const char *p = d ? strstr(d, key) : NULL; p; p = strstr(p + 1, key)) {
    char before = p > d ? p[-1] : 0, after = p[kn];
    if ((before == ':' || before == '{' || before == '<') &&
        (after == 0 || after == '/' || after == '}' || after == '>'))
      return;
  }
  for (size_t r = 0; r < f->reads.len; r++)
    if (f->reads.items[r].key == key) {
      f->reads.items[r].required |= required;
      return;
    }
  an_read rd = {key, loc, required};
  as_array_push(&f->reads, rd);
}

static bool an_flow__from_db(an_ctx *c, const an_taint *t, const char *cat);
static void an_flow__narrow_to_column(an_ctx *c, an_taint *t, const char *field);
static void an_flow__load(an_ctx *c, const ir_inst *in, const char *obj, const char *field,
                          an_taint *t) {
  an_val *o = an_flow__val(c, obj);
  if (field && c->cur->ep && !an_flow__transparent(field)) {
    /* In a handler, reading a field of the request is reading that request
     * field: a link binds it to the same field of the client's payload. */
    char msg[512];
    snprintf(msg, sizeof msg, "'%s' is read from the request", field);
    for (uint32_t k = 0; k < o->t.n; k++) {
      uint32_t id = o->t.v[k].id;
      if (id & (AN_PARAM_BIT | AN_KEY_BIT)) {
        uint32_t param = an_flow__param_of(c, id);
        an_flow__add(c, t, an_flow__key(c, param, field),
                     an_flow__push(c, o->t.v[k].path, c->cur->unit, c->cur->qname, in->loc, msg));
        an_flow__note_read(c, param, field, in->loc,
                           in->op == IR_LOAD && strcmp(c->cur->unit->lang, "python") == 0);
      } else
        an_flow__add(c, t, id, o->t.v[k].path);
    }
    for (an_fieldt *fl = o->fields; fl; fl = fl->next)
      if (fl->name == field || fl->name == NULL) an_flow__union(c, t, &fl->t);
  } else if (field) {
    an_flow__union(c, t, &o->t);
    for (an_fieldt *fl = o->fields; fl; fl = fl->next)
      if (fl->name == field || fl->name == NULL) an_flow__union(c, t, &fl->t);
  } else {
    an_taint all = an_flow__flatten(c, obj);
    an_flow__union(c, t, &all);
  }
  if (field && !(field[0] >= '0' && field[0] <= '9')) {
    /* one field of a record is that field, not the whole record (a tuple's
     * element 0, Go's data of data, err := json.Marshal(ps), is the value) */
    uint32_t keep = 0;
    for (uint32_t k = 0; k < t->n; k++)
      if ((t->v[k].id & (AN_PARAM_BIT | AN_KEY_BIT)) || !c->srcs.items[t->v[k].id].ncats)
        t->v[keep++] = t->v[k];
    t->n = keep;
  }
  static const char *const scalar[] = {"length", "size", "empty", "blank", "present"};
  for (size_t k = 0; field && k < sizeof scalar / sizeof *scalar; k++)
    if (strcmp(field, scalar[k]) == 0) /* email.length is a number, isEmpty() a boolean */
      *t = (an_taint){0};
  an_flow__narrow_to_column(c, t, field);
  const char *cat = an_flow__classify(c, field);
  if (cat && !an_flow__from_db(c, t, cat)) {
    /* row["email"] of a row read from users.email is that column: one path. */
    char msg[512];
    snprintf(msg, sizeof msg, "'%s' is read here and classified %s", field, cat);
    an_flow__add(c, t, an_flow__source(c, cat, field),
                 an_flow__push(c, NULL, c->cur->unit, c->cur->qname, in->loc, msg));
  }
}

/* Does value v have named fields, none of them a tuple element? */
static bool an_flow__object(an_ctx *c, const char *v) {
  an_fieldt *fl = an_flow__val(c, v)->fields;
  if (!fl) return false;
  for (; fl; fl = fl->next)
    if (!fl->name || (fl->name[0] >= '0' && fl->name[0] <= '9')) return false;
  return true;
}

static bool an_flow__has_field(an_ctx *c, const char *v, const char *field) {
  for (an_fieldt *fl = an_flow__val(c, v)->fields; fl; fl = fl->next)
    if (fl->name == field) return true;
  return false;
}

/* dst = from, keeping the fields apart: d = {...} must stay field-sensitive. */
static void an_flow__copy(an_ctx *c, const char *dst, const char *from, bool strong) {
  an_val *src = an_flow__val(c, from);
  an_taint s = src->t;
  an_fieldt *fields = src->fields;
  an_flow__set(c, dst, &s, strong);
  an_val *d = an_flow__val(c, dst);
  for (an_fieldt *fl = fields; fl; fl = fl->next) {
    if (d == src) break;
    an_fieldt *df = an_flow__field(c, d, fl->name);
    an_flow__union(c, &df->t, &fl->t);
  }
}

/* Is the statement a database call runs a literal that only reads (SELECT,
 * or WITH ... SELECT)? */
static bool an_flow__reads_only(const ir_func *fn, uint32_t i, const ir_inst *in) {
  const char *sql = an_flow__const_prefix(fn, i, in->args[0], 0);
  if (!sql) return false;
  while (*sql == ' ' || *sql == '\n' || *sql == '\t' || *sql == '(')
    sql++;
  if (strncasecmp(sql, "select", 6) != 0) return false;
  for (const char *p = sql; *p; p++) /* SELECT ... INTO writes */
    if (strncasecmp(p, " into ", 6) == 0) return false;
  return true;
}

/* ---- storage ------------------------------------------------------------------ */

static an_dbread *an_flow__dbread(an_ctx *c, const an_col *col, const an_access_item *it,
                                  const an_access_site *site) {
  an_dbread *d = as_arena_alloc(c->arena, sizeof *d);
  d->key = col->key;
  d->column = it->column;
  d->site = site;
  return d;
}

/* The database read a label comes out of (the last one on its path), or NULL. */
static const an_dbread *an_flow__dbread_of(an_ctx *c, const an_label *l) {
  for (const an_pnode *p = l->path; p; p = p->prev) {
    const an_dbread *d = as_ptrmap_get(&c->dbsteps, p);
    if (d) return d;
  }
  return NULL;
}

/* row.email of a row read by `SELECT email, full_name, created_at ...` is
 * the email column only: of the labels read from a database by a statement
 * that reads a column named like field (ignoring case, '_' and '-'), keep
 * those of that column. A field that names no column of the statement (an
 * alias, an index) keeps them all. */
static void an_flow__narrow_to_column(an_ctx *c, an_taint *t, const char *field) {
  if (!field || (field[0] >= '0' && field[0] <= '9')) return;
  uint32_t w = 0;
  for (uint32_t k = 0; k < t->n; k++) {
    const an_dbread *d = an_flow__dbread_of(c, &t->v[k]);
    bool keep = true;
    if (d && d->column && !an_link_same_key(d->column, field)) {
      bool named = false;
      for (uint32_t i = 0; i < d->site->nitems && !named; i++)
        named = d->site->items[i].column && !d->site->items[i].write &&
                an_link_same_key(d->site->items[i].column, field);
      keep = !named;
    }
    if (keep) t->v[w++] = t->v[k];
  }
  t->n = w;
}

/* What a statement that reads gives the code: for each classified column or
 * key it reads, what the program stored there (the path goes on through
 * the database), or else the column itself as a source. */
static an_taint an_flow__db_read(an_ctx *c, const ir_inst *in, const an_access_site *site) {
  an_fn *f = c->cur;
  an_taint t = {0};
  char msg[700];
  for (uint32_t k = 0; k < site->nitems; k++) {
    const an_access_item *it = &site->items[k];
    if (it->write || !it->category) continue;
    an_col *col = an_flow__col(c, site->service, it);
    bool reader = false;
    for (size_t r = 0; r < col->readers.len && !reader; r++)
      reader = col->readers.items[r] == f;
    if (!reader) as_array_push(&col->readers, f);
    const char *from = it->kind == AN_ACCESS_KEY ? "Redis" : "the database";
    if (col->stored.len) {
      snprintf(msg, sizeof msg, "read back from %s as '%s'", from, col->name);
      for (size_t l = 0; l < col->stored.len; l++) {
        const an_pnode *p =
            an_flow__push(c, col->stored.items[l].path, f->unit, f->qname, in->loc, msg);
        *as_ptrmap_slot(&c->dbsteps, p) = an_flow__dbread(c, col, it, site);
        an_flow__add(c, &t, col->stored.items[l].id, p);
      }
      continue;
    }
    snprintf(msg, sizeof msg, "'%s' is read from %s here and classified %s", col->name, from,
             it->category);
    uint32_t id = an_flow__source(c, it->category, col->name);
    c->srcs.items[id].column = col->key;
    const an_pnode *p = an_flow__push(c, NULL, f->unit, f->qname, in->loc, msg);
    *as_ptrmap_slot(&c->dbsteps, p) = an_flow__dbread(c, col, it, site);
    an_flow__add(c, &t, id, p);
  }
  return t;
}

/* Does some label of t come out of a database read of category cat? */
static bool an_flow__from_db(an_ctx *c, const an_taint *t, const char *cat) {
  for (uint32_t k = 0; k < t->n; k++) {
    uint32_t id = t->v[k].id;
    if ((id & (AN_PARAM_BIT | AN_KEY_BIT)) || strcmp(c->srcs.items[id].category, cat) != 0)
      continue;
    for (const an_pnode *p = t->v[k].path; p; p = p->prev)
      if (as_ptrmap_get(&c->dbsteps, p)) return true;
  }
  return false;
}

/* ---- across services ---------------------------------------------------------- */

/* A handler responds with value v: remember its fields one by one, so the
 * caller on the other side of a link reads resp.phone as the phone only. */
static void an_flow__respond(an_ctx *c, const char *v, ir_loc loc) {
  an_fn *f = c->cur;
  if (!f->ep || !an_flow__object(c, v)) return;
  char msg[512];
  for (an_fieldt *fl = an_flow__val(c, v)->fields; fl; fl = fl->next) {
    bool known = false;
    for (size_t r = 0; r < f->respnames.len && !known; r++)
      known = f->respnames.items[r] == fl->name;
    if (!known && f->respnames.len < 256) as_array_push(&f->respnames, fl->name);
    snprintf(msg, sizeof msg, "sent in the response as '%s'", fl->name);
    for (uint32_t k = 0; k < fl->t.n; k++) {
      bool dup = f->respf.len >= 4 * AN_MAX_LABELS;
      for (size_t r = 0; r < f->respf.len && !dup; r++)
        dup = f->respf.items[r].field == fl->name && f->respf.items[r].label.id == fl->t.v[k].id;
      if (dup) continue;
      an_rfield rf = {
          fl->name,
          {fl->t.v[k].id, an_flow__push(c, fl->t.v[k].path, f->unit, f->qname, loc, msg)}};
      as_array_push(&f->respf, rf);
    }
  }
}

/* Parameters of an HTTP handler that do not receive the request. */
static bool an_flow__not_request(const char *p) {
  static const char *const names[] = {"res",  "resp", "response", "w",   "rw",   "writer",
                                      "next", "self", "this",     "cls", "reply"};
  for (size_t k = 0; k < sizeof names / sizeof *names; k++)
    if (strcmp(p, names[k]) == 0) return true;
  return false;
}

/* What the client's payload gives the handler's symbolic label id: the
 * payload field of the label's request field (of the parameter's name, for
 * an HTTP parameter), or the whole payload when it has no such structure. */
static an_taint an_flow__bound(an_ctx *c, const an_client *cl, const an_endpoint *ep,
                               const an_fn *g, const ir_inst *in, uint32_t id) {
  an_taint out = {0};
  uint32_t p = an_flow__param_of(c, id);
  if (p == AN_NOT_PARAM || cl->payload_arg < 0 || (uint32_t)cl->payload_arg >= in->nargs)
    return out;
  const ir_func *h = g->fn;
  if (ep->binding == AN_REQ_PARAM && p != ep->req_param) return out;
  if (ep->binding == AN_REQ_PARAMS && p < h->nparams && an_flow__not_request(h->params[p]))
    return out;
  const char *pv = in->args[cl->payload_arg];
  an_val *v = an_flow__val(c, pv);
  if (cl->payload_field) { /* fetch(url, {body: ...}): the field, as one value */
    for (an_fieldt *fl = v->fields; fl; fl = fl->next)
      if (fl->name && strcmp(fl->name, cl->payload_field) == 0) an_flow__union(c, &out, &fl->t);
    return out;
  }
  const char *key = (id & AN_KEY_BIT) ? c->keys.items[id & ~AN_KEY_BIT].key
                    : ep->binding == AN_REQ_PARAMS && p < h->nparams ? h->params[p]
                                                                     : NULL;
  if (key && v->fields) {
    bool found = false;
    for (an_fieldt *fl = v->fields; fl; fl = fl->next)
      if (fl->name && an_link_same_key(fl->name, key)) {
        an_flow__union(c, &out, &fl->t);
        found = true;
      }
    if (found || (id & AN_KEY_BIT)) {
      an_flow__union(c, &out, &v->t);
      return out;
    }
  }
  return an_flow__flatten(c, pv);
}

static const an_pnode *an_flow__push_link(an_ctx *c, const an_pnode *prev, ir_loc loc,
                                          const char *msg, int32_t link) {
  const an_pnode *n = an_flow__push(c, prev, c->cur->unit, c->cur->qname, loc, msg);
  if (n != prev) ((an_pnode *)n)->step.link = link;
  return n;
}

/* The fields the client's payload is sent with, for the contract check. */
static void an_flow__note_payload(an_ctx *c, const an_client *cl, int32_t idx, const ir_inst *in) {
  struct an_payload *pl = &c->payloads[idx];
  pl->seen = true;
  pl->n = 0;
  if (cl->payload_arg < 0 || (uint32_t)cl->payload_arg >= in->nargs || cl->payload_field ||
      !an_flow__object(c, in->args[cl->payload_arg]))
    return;
  uint32_t n = 0;
  for (an_fieldt *fl = an_flow__val(c, in->args[cl->payload_arg])->fields; fl; fl = fl->next)
    n++;
  pl->fields = as_arena_alloc(c->arena, n * sizeof(char *));
  pl->locs = as_arena_alloc(c->arena, n * sizeof(ir_loc));
  const ir_func *fn = c->cur->fn;
  for (an_fieldt *fl = an_flow__val(c, in->args[cl->payload_arg])->fields; fl; fl = fl->next) {
    ir_loc at = in->loc; /* where the field is set: the last store of it before the call */
    for (uint32_t i = 0; i < fn->ninsts && &fn->insts[i] != in; i++)
      if (fn->insts[i].op == IR_STORE && fn->insts[i].field == fl->name) at = fn->insts[i].loc;
    for (uint32_t i = 0; i < fn->ninsts && &fn->insts[i] != in; i++)
      if (fn->insts[i].op == IR_CALL && fn->insts[i].argnames)
        for (uint32_t a = 0; a < fn->insts[i].nargs; a++)
          if (fn->insts[i].argnames[a] == fl->name) at = fn->insts[i].loc;
    pl->fields[pl->n] = fl->name;
    pl->locs[pl->n++] = at;
  }
}

/* A call whose other end is in another service: the handler's summary,
 * instantiated with the client's payload; the call's result is what the
 * handler responds. */
static void an_flow__link(an_ctx *c, const ir_inst *in, const an_client *cl, bool strong) {
  int32_t li = (int32_t)(cl - an_links_client(c->links, 0)) + 1;
  an_taint out = {0};
  char sent[768], back[768];
  if (in->dst) an_flow__set(c, in->dst, &out, strong);
  an_flow__note_payload(c, cl, li - 1, in);
  for (uint32_t k = 0; k < cl->nendpoints; k++) {
    const an_endpoint *ep = an_links_endpoint(c->links, cl->endpoints[k]);
    an_fn *g = as_ptrmap_get(&c->fn_of, ep->handler);
    if (!g) continue;
    if (ep->protocol == AN_PROTO_QUEUE)
      snprintf(sent, sizeof sent, "published to %s topic '%s', consumed by %s() in service %s",
               ep->method, ep->target, g->fn->name, ep->service);
    else
      snprintf(sent, sizeof sent, "sent to service %s: %s%s%s, handled by %s()", ep->service,
               ep->method ? ep->method : "", ep->method ? " " : "", ep->display, g->fn->name);
    snprintf(back, sizeof back, "returned as the response of %s%s%s (service %s)",
             ep->method ? ep->method : "", ep->method ? " " : "", ep->display, ep->service);
    for (size_t h = 0; h < g->hits.len; h++) {
      an_hit hit = g->hits.items[h];
      an_taint t = an_flow__bound(c, cl, ep, g, in, hit.label);
      for (uint32_t i = 0; i < t.n; i++) {
        const an_pnode *p = an_flow__push_link(c, t.v[i].path, in->loc, sent, li);
        p = an_flow__append(c, p, hit.path);
        an_flow__reach(c, &t.v[i], &hit.sink, p);
      }
    }
    if (ep->protocol == AN_PROTO_QUEUE) continue; /* a publish has no response */
    an_val *d = in->dst ? an_flow__val(c, in->dst) : NULL;
    for (size_t r = 0; d && r < g->respf.len; r++) {
      an_rfield rf = g->respf.items[r];
      an_fieldt *fl = an_flow__field(c, d, rf.field);
      if (!(rf.label.id & (AN_PARAM_BIT | AN_KEY_BIT))) {
        an_flow__add(c, &fl->t, rf.label.id,
                     an_flow__push_link(c, rf.label.path, in->loc, back, -li));
        continue;
      }
      an_taint t = an_flow__bound(c, cl, ep, g, in, rf.label.id);
      for (uint32_t i = 0; i < t.n; i++) {
        const an_pnode *p = an_flow__push_link(c, t.v[i].path, in->loc, sent, li);
        p = an_flow__append(c, p, rf.label.path);
        an_flow__add(c, &fl->t, t.v[i].id, an_flow__push_link(c, p, in->loc, back, -li));
      }
    }
    for (int which = 0; which < 2; which++) {
      const an_label *rs = which ? g->resp.items : g->ret.items;
      size_t nr = which ? g->resp.len : g->ret.len;
      for (size_t r = 0; r < nr; r++) {
        bool in_field = false; /* already under its response field */
        for (size_t q = 0; q < g->respf.len && !in_field; q++)
          in_field = g->respf.items[q].label.id == rs[r].id;
        if (in_field) continue;
        if (!(rs[r].id & (AN_PARAM_BIT | AN_KEY_BIT))) {
          an_flow__add(c, &out, rs[r].id, an_flow__push_link(c, rs[r].path, in->loc, back, -li));
          continue;
        }
        an_taint t = an_flow__bound(c, cl, ep, g, in, rs[r].id);
        for (uint32_t i = 0; i < t.n; i++) {
          const an_pnode *p = an_flow__push_link(c, t.v[i].path, in->loc, sent, li);
          p = an_flow__append(c, p, rs[r].path);
          an_flow__add(c, &out, t.v[i].id, an_flow__push_link(c, p, in->loc, back, -li));
        }
      }
    }
  }
  if (in->dst) an_flow__union(c, &an_flow__val(c, in->dst)->t, &out);
}

/* ---- records: values whose type says they are personal data ---------------- */

/* The record a declared type names, as its bare name into buf: "*pb.User",
 * "[]User", "Optional<User>", "List<com.acme.User>", "Promise<User>",
 * "User[]", "Optional[User]", "User | None" all name "User". NULL when
 * nothing is left. */
static const char *an_flow__type_base(const char *t, char *buf, size_t cap) {
  if (!t) return NULL;
  const char *lt = strrchr(t, '<'), *lb = strrchr(t, '[');
  const char *open = lt && (!lb || lt > lb) ? lt : lb;
  if (open && open[1] && open[1] != ']') t = open + 1; /* the innermost argument */
  const char *comma = strrchr(t, ',');
  if (comma && (!strchr(t, '>') || comma < strchr(t, '>'))) t = comma + 1; /* Map<K, V>: V */
  while (*t == ' ' || *t == '*' || *t == '&' || *t == '[' || *t == ']' || *t == '.')
    t++;
  size_t n = strcspn(t, " <>[],|?");
  if (!n || n >= cap) return NULL;
  memcpy(buf, t, n);
  buf[n] = 0;
  char *dot = strrchr(buf, '.');
  if (dot) memmove(buf, dot + 1, strlen(dot + 1) + 1);
  return buf[0] && !strchr("0123456789", buf[0]) ? buf : NULL;
}

/* The record of the current service that type names, with its categories,
 * or NULL when there is none or none of its fields classifies. */
static const an_rec *an_flow__record(an_ctx *c, const char *type) {
  char base[256], key[400];
  if (!c->cur || !an_flow__type_base(type, base, sizeof base)) return NULL;
  snprintf(key, sizeof key, "%s\x1f%s", c->cur->service, base);
  an_rec *r = as_ptrmap_get(&c->recs, as_intern_str(c->names, key));
  if (!r) return NULL;
  if (!r->done) {
    r->done = true;
    r->cats = as_arena_alloc(c->arena, (r->rec->nfields + 1) * sizeof(char *));
    for (uint32_t k = 0; k < r->rec->nfields; k++) {
      const ir_field *fl = &r->rec->fields[k];
      const char *cat = an_catalogue_classify(c->catalogue, fl->name);
      if (!cat && fl->tag) cat = an_catalogue_classify(c->catalogue, fl->tag);
      bool dup = !cat;
      for (uint32_t j = 0; j < r->ncats && !dup; j++)
        dup = strcmp(r->cats[j], cat) == 0;
      if (!dup) r->cats[r->ncats++] = cat;
    }
  }
  return r->ncats ? r : NULL;
}

/* The source of a record value of type r made or received in the current
 * function. */
static uint32_t an_flow__record_source(an_ctx *c, const an_rec *r) {
  char name[300];
  snprintf(name, sizeof name, "<%s>", r->rec->name);
  uint32_t id = an_flow__source(c, r->cats[0], as_intern_str(c->names, name));
  an_src *s = &c->srcs.items[id];
  s->name = r->rec->name;
  s->cats = r->cats;
  s->ncats = r->ncats;
  return id;
}

/* A call's result whose name says what it is: a local the result is
 * assigned to (password = get_password(), ssn := readSSN()), or a call whose
 * name fetches it (print(get_password())). A parameter is not a local. */
/* Is the call a constructor (new User(), User(...), a Go literal's type)?
 * A record it makes holds what is put in it, field by field. */
static bool an_flow__constructs(const ir_inst *in) {
  if (strncmp(in->callee, "new ", 4) == 0) return true;
  const char *dot = strrchr(in->callee, '.');
  const char *last = dot ? dot + 1 : in->callee;
  return !in->obj && last[0] >= 'A' && last[0] <= 'Z';
}

/* Does v carry personal data already (not only what the parameters pass)? */
static bool an_flow__carries(an_ctx *c, const char *v) {
  const an_taint *have = &an_flow__val(c, v)->t;
  for (uint32_t k = 0; k < have->n; k++)
    if (!(have->v[k].id & AN_PARAM_BIT)) return true;
  return false;
}

/* A value declared with a record type whose fields classify, given what a
 * library call returned (User u = repo.findById(id), const u: User = await
 * r.json(), a handler declared to return a Customer): the record as a whole,
 * unless it carries personal data already. */
static void an_flow__typed_record(an_ctx *c, an_fn *f, const char *v, const char *type, ir_loc loc,
                                  const char *how) {
  const an_rec *rec = type ? an_flow__record(c, type) : NULL;
  if (!rec || an_flow__carries(c, v)) return;
  char msg[512];
  snprintf(msg, sizeof msg, "%s a %s, a record with personal data", how, rec->rec->name);
  an_flow__add(c, &an_flow__val(c, v)->t, an_flow__record_source(c, rec),
               an_flow__push(c, NULL, f->unit, f->qname, loc, msg));
}

static void an_flow__named_result(an_ctx *c, an_fn *f, const ir_inst *in) {
  const ir_func *fn = f->fn;
  const char *name = NULL, *cat = NULL;
  char buf[256];

  if (in->dst[0] != '%') {
    bool param = false;
    for (uint32_t p = 0; p < fn->nparams && !param; p++)
      param = fn->params[p] == in->dst;
    if (!param && (cat = an_flow__classify(c, in->dst))) name = in->dst;
  }
  if (!cat) {
    const char *w = an_flow__fetched(in->callee, buf, sizeof buf);
    if (w && (cat = an_catalogue_classify(c->catalogue, w))) name = as_intern_str(c->names, w);
  }
  if (!cat) return;
  /* What already carries personal data is not classified twice. */
  if (an_flow__carries(c, in->dst)) return;
  char msg[512];
  if (name == in->dst)
    snprintf(msg, sizeof msg, "'%s' is assigned what %s() returns and is classified %s", name,
             in->callee, cat);
  else
    snprintf(msg, sizeof msg, "%s() returns '%s', classified %s", in->callee, name, cat);
  an_flow__add(c, &an_flow__val(c, in->dst)->t, an_flow__source(c, cat, name),
               an_flow__push(c, NULL, f->unit, f->qname, in->loc, msg));
}

/* Is v, before instruction i, the result of a call to code outside the
 * service (followed through copies)? */
static bool an_flow__unresolved(const an_fn *f, uint32_t i, const char *v) {
  const ir_func *fn = f->fn;
  for (int hops = 0; hops < 4; hops++) {
    const ir_inst *d = an_flow__def_of(fn, i, v);
    if (!d) return false;
    i = (uint32_t)(d - fn->insts);
    if (d->op == IR_CALL) return !f->callee[i];
    if (d->op != IR_COPY || !d->nargs) return false;
    v = d->args[0];
  }
  return false;
}

/* Is v, before instruction i, the result of a Go call to code outside the
 * service (no summary, no link) that no model describes? */
static bool an_flow__unresolved_result(const an_fn *f, uint32_t i, const char *v) {
  if (!v || v[0] != '%' || f->unit->lang[0] != 'g') return false;
  const ir_inst *d = an_flow__def_of(f->fn, i, v);
  return d && d->op == IR_CALL && d->fact == IR_FACT_NONE && !f->callee[d - f->fn->insts];
}

/* Does a container call return its receiver (a fluent builder)? Python's
 * return None, Go's nothing or (n, err), JavaScript's push/unshift a
 * length; Java's builders (StringBuilder.append, JSONObject.put) and
 * JavaScript's Map.set / Set.add return the receiver. */
static bool an_flow__fluent(const ir_unit *u, const char *callee) {
  if (u->lang[0] == 'p' || u->lang[0] == 'g' || u->lang[0] == 'c') return false;
  const char *dot = strrchr(callee, '.');
  const char *last = dot ? dot + 1 : callee;
  if (an_flow__is_js(u)) return strcmp(last, "push") != 0 && strcmp(last, "unshift") != 0;
  return true;
}

static bool an_flow__function(an_ctx *c, an_fn *f) {
  ir_func *fn = f->fn;
  ir_unit *u = f->unit;
  size_t before_ret = f->ret.len, before_hits = f->hits.len, before_effects = f->effects.len,
         before_resp = f->resp.len, before_respf = f->respf.len, before_names = f->respnames.len;
  as_arena_reset(c->scratch);
  c->cur = f;
  size_t names = fn->nparams + 4;
  for (uint32_t i = 0; i < fn->ninsts; i++)
    names += 2 + fn->insts[i].nargs;
  size_t need = 16;
  while (need < 2 * names)
    need *= 2;
  c->vals = as_arena_alloc(c->scratch, need * sizeof(an_val));
  c->vals_cap = need;
  char msg[512];

  an_label req_label = {0, NULL};
  if (f->ep && f->ep->req_value) {
    /* The request held by a value rather than a parameter (Flask's
     * `request`, the consumer a loop reads): one past the last parameter. */
    const char *req = f->ep->req_value;
    bool is_param = false;
    for (uint32_t p = 0; p < fn->nparams; p++)
      is_param |= fn->params[p] == req;
    if (!is_param) {
      snprintf(msg, sizeof msg, "the %s %s() receives",
               f->ep->protocol == AN_PROTO_QUEUE ? "message" : "request", fn->name);
      req_label =
          (an_label){AN_PARAM_BIT | fn->nparams, an_flow__push(c, NULL, u, f->qname, fn->loc, msg)};
      an_flow__add(c, &an_flow__val(c, req)->t, req_label.id, req_label.path);
    }
  }
  for (uint32_t p = 0; p < fn->nparams; p++) {
    an_val *v = an_flow__val(c, fn->params[p]);
    snprintf(msg, sizeof msg, "parameter '%s' of %s()", fn->params[p], fn->name);
    an_flow__add(c, &v->t, AN_PARAM_BIT | p, an_flow__push(c, NULL, u, f->qname, fn->loc, msg));
    const char *cat = f->has_callers ? NULL : an_flow__classify(c, fn->params[p]);
    if (cat) {
      snprintf(msg, sizeof msg, "parameter '%s' of %s() is classified %s", fn->params[p], fn->name,
               cat);
      an_flow__add(c, &v->t, an_flow__source(c, cat, fn->params[p]),
                   an_flow__push(c, NULL, u, f->qname, fn->loc, msg));
    }
    /* A parameter declared with a record type whose fields classify holds
     * personal data as a whole (func export(ps []Patient), save(User u));
     * not Go's receiver, the object a method belongs to. */
    bool receiver = p == 0 && u->lang[0] == 'g' && strchr(fn->name, '.');
    const an_rec *rec = !cat && !f->has_callers && !receiver && fn->param_types
                            ? an_flow__record(c, fn->param_types[p])
                            : NULL;
    if (rec) {
      snprintf(msg, sizeof msg, "parameter '%s' of %s() is a %s, a record with personal data",
               fn->params[p], fn->name, rec->rec->name);
      an_flow__add(c, &v->t, an_flow__record_source(c, rec),
                   an_flow__push(c, NULL, u, f->qname, fn->loc, msg));
    }
  }

  for (uint32_t i = 0; i < fn->ninsts; i++) {
    const ir_inst *in = &fn->insts[i];
    bool strong = in->depth == 0;
    an_taint t = {0};
    switch (in->op) {
    case IR_CONST:
      an_flow__set(c, in->dst, &t, strong);
      break;
    case IR_COPY:
      an_flow__copy(c, in->dst, in->args[0], strong);
      break;
    case IR_CONCAT:
      for (uint32_t a = 0; a < in->nargs; a++) {
        an_taint s = an_flow__flatten(c, in->args[a]);
        for (uint32_t k = 0; k < s.n; k++) {
          const an_pnode *p = s.v[k].path;
          if (in->nargs > 1)
            p = an_flow__push(c, p, u, f->qname, in->loc,
                              "combined into a new value (string building)");
          an_flow__add(c, &t, s.v[k].id, p);
        }
      }
      an_flow__set(c, in->dst, &t, strong);
      break;
    case IR_LOAD:
      if (in->field && an_flow__transparent(in->field) && an_flow__object(c, in->obj) &&
          !an_flow__has_field(c, in->obj, in->field)) {
        /* resp.data of a response whose body has fields: the body */
        an_flow__copy(c, in->dst, in->obj, strong);
        break;
      }
      if (in->field && in->field[0] == '0' && !in->field[1] && an_flow__object(c, in->obj)) {
        /* Go: v, err := f() reads element 0 of the result; a result that is
         * an object (not a tuple) is that object, fields and all. */
        an_flow__copy(c, in->dst, in->obj, strong);
        break;
      }
      if (in->field && in->field[0] >= '1' && in->field[0] <= '9' && !in->field[1] &&
          an_flow__unresolved_result(f, i, in->obj)) {
        /* Go: _, err := lib.Do(email): the results after the first of a
         * library call are its error or ok flag, not what went in. */
        an_flow__set(c, in->dst, &t, strong);
        break;
      }
      an_flow__load(c, in, in->obj, in->field, &t);
      an_flow__set(c, in->dst, &t, strong);
      break;
    case IR_STORE: {
      an_taint s = an_flow__flatten(c, in->args[0]);
      an_val *o = an_flow__val(c, in->obj);
      an_fieldt *fl = an_flow__field(c, o, in->field);
      if (strong && in->field) fl->t = (an_taint){0};
      if (in->obj[0] != '%')
        snprintf(msg, sizeof msg, "stored in %s.%s", in->obj, in->field ? in->field : "[...]");
      else if (in->field)
        snprintf(msg, sizeof msg, "stored under '%s' in a container", in->field);
      else
        snprintf(msg, sizeof msg, "stored in a container");
      for (uint32_t k = 0; k < s.n; k++)
        an_flow__add(c, &fl->t, s.v[k].id,
                     an_flow__push(c, s.v[k].path, u, f->qname, in->loc, msg));
      if (in->fact == IR_FACT_SINK) { /* an assignment that is a sink (ctx.body = x) */
        char target[512];
        snprintf(target, sizeof target, "%.200s.%.200s", in->obj, in->field);
        an_sink sink = {an_flow__symbol(c, target),      f->service,
                        as_intern_str(c->names, target), NULL,
                        (ir_sink_kind)in->sink_kind,     NULL};
        snprintf(msg, sizeof msg, "assigned to %.256s: %s", target, ir_sink_kind_words(sink.kind));
        for (uint32_t k = 0; k < s.n; k++)
          an_flow__reach(c, &s.v[k], &sink,
                         an_flow__push(c, s.v[k].path, u, f->qname, in->loc, msg));
      }
      break;
    }
    case IR_RETURN:
      if (in->nargs && fn->is_handler && fn->ret_type && an_flow__unresolved(f, i, in->args[0]))
        /* a handler declared to return a Customer returns one: the response */
        an_flow__typed_record(c, f, in->args[0], fn->ret_type, in->loc, "the handler returns");
      if (in->nargs) {
        an_flow__respond(c, in->args[0], in->loc);
        an_taint s = an_flow__flatten(c, in->args[0]);
        an_sink sink = {NULL, f->service, "return", NULL, IR_SINK_RESPONSE, NULL};
        if (fn->is_handler) {
          sink.symbol = an_flow__symbol(c, "<return>");
          snprintf(msg, sizeof msg, "returned by the route handler %s() as its response", fn->name);
        }
        for (uint32_t k = 0; k < s.n; k++) {
          if (fn->is_handler)
            an_flow__reach(c, &s.v[k], &sink,
                           an_flow__push(c, s.v[k].path, u, f->qname, in->loc, msg));
          bool dup = false;
          for (size_t r = 0; r < f->ret.len && !dup; r++)
            dup = f->ret.items[r].id == s.v[k].id;
          if (!dup && f->ret.len < AN_MAX_LABELS) as_array_push(&f->ret, s.v[k]);
        }
      }
      break;
    case IR_CALL: {
      const an_client *cl = an_links_client_at(c->links, fn, i);
      if (cl && cl->state == AN_LINK_MATCHED) {
        an_flow__link(c, in, cl, strong);
        break;
      }
      if (cl && (cl->state == AN_LINK_UNMATCHED || cl->state == AN_LINK_AMBIGUOUS)) {
        /* One of the repository's own services, but no single endpoint to
         * follow: not an external host (reported by the links). */
        an_flow__unknown_call(c, fn, i, in, strong);
        break;
      }
      const an_access_site *site = an_access_site_of(c->access, in);
      if (site && site->writes && in->fact != IR_FACT_SINK) {
        /* r.set("session:{}:email", e), prisma.x.create(...): a database
         * write, whether or not a sink model names it. */
        an_sink sink = {
            an_flow__symbol(c, in->callee), f->service, in->callee, NULL, IR_SINK_DB_WRITE, site};
        snprintf(msg, sizeof msg, "reaches %s through %s()", ir_sink_kind_words(sink.kind),
                 in->callee);
        for (uint32_t a = 0; a < in->nargs; a++) {
          an_taint s = an_flow__flatten(c, in->args[a]);
          for (uint32_t k = 0; k < s.n; k++)
            an_flow__reach(c, &s.v[k], &sink,
                           an_flow__push(c, s.v[k].path, u, f->qname, in->loc, msg));
        }
      }
      switch ((ir_fact_kind)in->fact) {
      case IR_FACT_SANITIZER:
        an_flow__set(c, in->dst, &t, strong);
        break;
      case IR_FACT_SINK: {
        if (in->sink_kind == IR_SINK_EXTERNAL && an_flow__internal_url(c, fn, i, in)) {
          /* A call to one of the repository's own services: not external
           * (linking it to the handler is the cross-service analysis). */
          an_flow__unknown_call(c, fn, i, in, strong);
          break;
        }
        if (in->sink_kind == IR_SINK_DB_WRITE && in->nargs &&
            (site && !site->unresolved ? !site->writes : an_flow__reads_only(fn, i, in))) {
          /* db.execute("SELECT ...", (id,)): a query, not a write; the rows
           * it returns are classified by their columns where they are read,
           * not by the values bound to find them. */
          an_flow__set(c, in->dst, &t, strong);
          break;
        }
        an_sink sink = {an_flow__call_symbol(c, fn, i), f->service, in->callee, in->fact_vendor,
                        (ir_sink_kind)in->sink_kind,    site};
        uint32_t last = in->fact_to == 255 ? in->nargs : (uint32_t)in->fact_to + 1;
        if (last > in->nargs) last = in->nargs;
        snprintf(msg, sizeof msg, "reaches %s through %s()", ir_sink_kind_words(sink.kind),
                 in->callee);
        for (uint32_t a = in->fact_from; a <= last; a++) {
          const char *v = a < last ? in->args[a] : in->fact_recv_data ? in->obj : NULL;
          if (!v) continue;
          if (sink.kind == IR_SINK_RESPONSE) an_flow__respond(c, v, in->loc);
          an_taint s = an_flow__flatten(c, v);
          for (uint32_t k = 0; k < s.n; k++) {
            const an_pnode *p = an_flow__push(c, s.v[k].path, u, f->qname, in->loc, msg);
            an_flow__reach(c, &s.v[k], &sink, p);
          }
        }
        an_flow__set(c, in->dst, &t, strong);
        break;
      }
      case IR_FACT_PROPAGATE: {
        if (in->fact_to >= in->nargs) break;
        const char *to = in->args[in->fact_to];
        snprintf(msg, sizeof msg, "copied into '%s' by %s()", to, in->callee);
        for (uint32_t a = in->fact_from; a < in->nargs; a++) {
          an_taint s = an_flow__flatten(c, in->args[a]);
          for (uint32_t k = 0; k < s.n; k++)
            an_flow__add(c, &t, s.v[k].id,
                         an_flow__push(c, s.v[k].path, u, f->qname, in->loc, msg));
        }
        an_flow__set(c, to, &t, strong);
        an_flow__set(c, in->dst, &t, strong);
        break;
      }
      case IR_FACT_MUTATE_RECV:
        if (in->obj) {
          snprintf(msg, sizeof msg, "added to a container by %s()", in->callee);
          for (uint32_t a = 0; a < in->nargs; a++) {
            an_taint s = an_flow__flatten(c, in->args[a]);
            for (uint32_t k = 0; k < s.n; k++)
              an_flow__add(c, &t, s.v[k].id,
                           an_flow__push(c, s.v[k].path, u, f->qname, in->loc, msg));
          }
          an_flow__set(c, in->obj, &t, false);
        }
        if (in->obj && an_flow__fluent(u, in->callee)) {
          /* sb.append(email).append(x), new JSONObject().put("phone", p),
           * new Map().set(k, v): the call returns its receiver */
          an_taint r = an_flow__flatten(c, in->obj);
          an_flow__set(c, in->dst, &r, strong);
        } else {
          an_flow__set(c, in->dst, &(an_taint){0}, strong);
        }
        break;
      default:
        if (f->callee[i]) {
          an_flow__call(c, in, f->callee[i], f->bind[i], strong);
        } else {
          an_flow__unknown_call(c, fn, i, in, strong);
        }
      }
      /* A call of the service's own code says what it returns in its summary. */
      if (in->dst && in->fact != IR_FACT_SANITIZER && in->fact != IR_FACT_SINK && !f->callee[i] &&
          !(cl && cl->state == AN_LINK_MATCHED))
        an_flow__named_result(c, f, in);
      if (in->dst && fn->nlocals && in->fact != IR_FACT_SANITIZER && !f->callee[i] &&
          !an_flow__constructs(in)) {
        /* User u = repo.findById(id): what a library returns as a record */
        const char *declared = ir_func_local_type(fn, in->dst);
        char how[300];
        snprintf(how, sizeof how, "'%.100s' is declared",
                 in->dst[0] == '%' ? "the value" : in->dst);
        if (declared) an_flow__typed_record(c, f, in->dst, declared, in->loc, how);
      }
      if (site && site->reads) {
        /* The rows come back in the result, through the cursor or statement
         * that ran it (cur.fetchone(), rs.getString()), or through the
         * statement handle C's sqlite3_prepare fills. */
        an_taint rt = an_flow__db_read(c, in, site);
        if (rt.n) {
          an_flow__set(c, in->dst, &rt, false);
          if (in->obj && in->obj[0] != '%') an_flow__set(c, in->obj, &rt, false);
          if (strncmp(in->callee, "sqlite3_prepare", 15) == 0 && in->nargs > 3)
            an_flow__set(c, in->args[3], &rt, false);
        }
      }
      break;
    }
    default:
      break;
    }
    if (req_label.path && in->dst == f->ep->req_value) /* consumer = KafkaConsumer(...) */
      an_flow__add(c, &an_flow__val(c, in->dst)->t, req_label.id, req_label.path);
  }
  /* Fields written into the parameters and the receiver stay with the caller. */
  for (uint32_t p = 0; p <= fn->nparams; p++) {
    const char *name = p < fn->nparams ? fn->params[p] : ir_str(u, "this");
    an_fieldt *fields = an_flow__val(c, name)->fields;
    for (an_fieldt *fl = fields; fl; fl = fl->next) {
      if (!fl->name) continue;
      for (uint32_t k = 0; k < fl->t.n; k++) {
        uint32_t target = p < fn->nparams ? p : AN_THIS;
        bool dup = f->effects.len >= 4 * AN_MAX_LABELS;
        for (size_t e = 0; e < f->effects.len && !dup; e++)
          dup = f->effects.items[e].target == target && f->effects.items[e].field == fl->name &&
                f->effects.items[e].label.id == fl->t.v[k].id;
        if (!dup) {
          an_effect ef = {target, fl->name, fl->t.v[k]};
          as_array_push(&f->effects, ef);
        }
      }
    }
  }
  c->cur = NULL;
  return f->ret.len != before_ret || f->hits.len != before_hits ||
         f->effects.len != before_effects || f->resp.len != before_resp ||
         f->respf.len != before_respf || f->respnames.len != before_names;
}

/* ---- linking: resolve calls within the service ------------------------------ */

/* Functions by interned "module:function" (C externals: ":function"); the
 * first definition wins. */
static void an_fnmap_put(as_ptrmap *m, const char *key, an_fn *f) {
  void **slot = as_ptrmap_slot(m, key);
  if (!*slot) *slot = f;
}

static an_fn *an_flow__lookup(an_ctx *c, const as_ptrmap *m, const char *module, const char *fn,
                              size_t fnlen) {
  char buf[1024];
  int n = snprintf(buf, sizeof buf, "%s\x1f%s:%.*s", c->rsvc, module, (int)fnlen, fn);
  if (n < 0 || (size_t)n >= sizeof buf) return NULL; /* no such long name is defined */
  const char *k = as_intern_str(c->names, buf);
  return as_ptrmap_get(m, k);
}

/* Resolve a dotted target "pkg.mod.func" (or "pkg.mod.Class.method") to a function. */
static an_fn *an_flow__lookup_dotted(an_ctx *c, const as_ptrmap *m, const char *target) {
  char buf[1024];
  snprintf(buf, sizeof buf, "%s", target);
  /* Try every split point from the right: module = prefix, function = rest. */
  for (size_t i = strlen(buf); i-- > 0;) {
    if (buf[i] != '.') continue;
    buf[i] = 0;
    an_fn *f = an_flow__lookup(c, m, buf, buf + i + 1, strlen(buf + i + 1));
    buf[i] = '.';
    if (f) return f;
  }
  return NULL;
}

static const char *an_flow__import(const ir_unit *u, const char *alias, size_t n) {
  for (uint32_t i = 0; i < u->nimports; i++)
    if (strlen(u->imports[i].alias) == n && strncmp(u->imports[i].alias, alias, n) == 0)
      return u->imports[i].target;
  return NULL;
}

/* A dotted import target, trying shorter and shorter path suffixes: a Go
 * import "example.com/shop/internal/users" names the package folder
 * "internal/users" of its service. */
static an_fn *an_flow__lookup_import(an_ctx *c, const as_ptrmap *m, const char *target) {
  for (const char *t = target; t && *t;) {
    an_fn *g = an_flow__lookup_dotted(c, m, t);
    if (g) return g;
    const char *slash = strchr(t, '/');
    t = slash ? slash + 1 : NULL;
  }
  return NULL;
}

/* Resolve a call in Python, JavaScript/TypeScript, Go or Java, by names:
 *   f()                  a function of the module, a method of the enclosing
 *                        class (Java's implicit this), or an imported name
 *   self.m() / s.m()     a method of the enclosing class through the first
 *                        parameter (Python's self, Go's receiver): shift
 *   this.m()             a method of the enclosing class (JS, Java)
 *   alias.f()            through an import
 *   Class.m()            a static-style call within the module */
static an_fn *an_flow__resolve_text(an_ctx *c, const as_ptrmap *m, an_fn *f, const char *callee,
                                    unsigned *bind) {
  const char *mod = f->unit->module;
  char buf[1024];
  const char *dot = strchr(callee, '.');
  if (!dot) {
    if (f->cls) {
      snprintf(buf, sizeof buf, "%s.%s", f->cls, callee);
      an_fn *g = an_flow__lookup(c, m, mod, buf, strlen(buf));
      if (g) return g;
    }
    an_fn *g = an_flow__lookup(c, m, mod, callee, strlen(callee));
    if (g) return g;
    const char *t = an_flow__import(f->unit, callee, strlen(callee));
    return t ? an_flow__lookup_import(c, m, t) : NULL;
  }
  size_t head = (size_t)(dot - callee);
  if (f->cls && !strchr(dot + 1, '.')) {
    bool is_this = head == 4 && strncmp(callee, "this", 4) == 0;
    bool is_self = f->fn->nparams && strlen(f->fn->params[0]) == head &&
                   strncmp(callee, f->fn->params[0], head) == 0;
    if (is_this || is_self) {
      snprintf(buf, sizeof buf, "%s.%s", f->cls, dot + 1);
      an_fn *g = an_flow__lookup(c, m, mod, buf, strlen(buf));
      if (g) {
        if (is_self) *bind |= AN_BIND_SHIFT_OBJ;
        return g;
      }
    }
  }
  const char *t = an_flow__import(f->unit, callee, head);
  if (t) {
    snprintf(buf, sizeof buf, "%s%s", t, dot);
    return an_flow__lookup_import(c, m, buf);
  }
  return an_flow__lookup(c, m, mod, callee, strlen(callee));
}

/* Resolve a call in Python, JavaScript/TypeScript, Go or Java, by names:
 *   f()                  a function of the module, a method of the enclosing
 *                        class (Java's implicit this), or an imported name
 *   self.m() / s.m()     a method of the enclosing class through the first
 *                        parameter (Python's self, Go's receiver)
 *   this.m()             a method of the enclosing class (JS, Java)
 *   alias.f()            through an import
 *   Class.m()            a static-style call within the module
 *   X(...) / new X(...)  a constructor: Python X.__init__, Java X.<init>,
 *                        JavaScript X.constructor */
static an_fn *an_flow__resolve_named(an_ctx *c, const as_ptrmap *m, an_fn *f, const ir_inst *in,
                                     unsigned *bind) {
  const char *callee = in->callee;
  *bind = 0;
  if (callee[0] == '<') return NULL;
  bool is_new = strncmp(callee, "new ", 4) == 0;
  an_fn *g = is_new ? NULL : an_flow__resolve_text(c, m, f, callee, bind);
  if (g || !in->dst) return g;
  const char *name = is_new ? callee + 4 : callee;
  static const struct {
    const char *lang, *suffix;
    unsigned bind;
  } ctors[] = {{"python", "__init__", AN_BIND_SHIFT_DST},
               {"java", "<init>", AN_BIND_THIS_DST},
               {"javascript", "constructor", AN_BIND_THIS_DST},
               {"typescript", "constructor", AN_BIND_THIS_DST},
               {"javascript", "<init>", AN_BIND_THIS_DST},
               {"typescript", "<init>", AN_BIND_THIS_DST}};
  char buf[1024];
  for (size_t k = 0; k < sizeof ctors / sizeof *ctors; k++) {
    if (strcmp(f->unit->lang, ctors[k].lang) != 0) continue;
    if (strcmp(ctors[k].lang, "python") != 0 && !is_new) continue;
    snprintf(buf, sizeof buf, "%s.%s", name, ctors[k].suffix);
    unsigned b = 0;
    g = an_flow__resolve_text(c, m, f, buf, &b);
    if (g) {
      *bind = ctors[k].bind;
      return g;
    }
  }
  return NULL;
}

static void an_flow__add_caller(an_fn *g, an_fn *f) {
  for (uint32_t i = 0; i < g->ncallers; i++)
    if (g->callers[i] == f) return;
  if (g->ncallers == g->callers_cap) {
    g->callers_cap = g->callers_cap ? g->callers_cap * 2 : 4;
    g->callers = as_realloc(g->callers, g->callers_cap * sizeof(an_fn *));
  }
  g->callers[g->ncallers++] = f;
}

/* Post-order over callee edges, so callees are analysed before callers. */
static void an_flow__postorder(an_fn *f, an_fn **order, size_t *n) {
  /* Iterative DFS: a deep call chain must not overflow the C stack. */
  typedef struct {
    an_fn *f;
    uint32_t i;
  } frame;
  AS_ARRAY(frame) st = {0};
  f->visited = true;
  frame fr0 = {f, 0};
  as_array_push(&st, fr0);
  while (st.len) {
    frame *top = &st.items[st.len - 1];
    an_fn *cur = top->f;
    if (top->i < cur->fn->ninsts + cur->linked.len) {
      uint32_t at = top->i++;
      an_fn *g = at < cur->fn->ninsts ? cur->callee[at] : cur->linked.items[at - cur->fn->ninsts];
      if (g && !g->visited) {
        g->visited = true;
        frame fr = {g, 0};
        as_array_push(&st, fr);
      }
    } else {
      order[(*n)++] = cur;
      st.len--;
    }
  }
  as_array_free(&st);
}

static void an_flow__mismatch(an_ctx *c, const char *rule, const an_client *cl, const an_fn *g,
                              const char *field, const an_step *steps, const char *msg) {
  an_finding f = {0};
  f.rule_id = rule;
  f.sink_kind = IR_SINK_NONE;
  const char *cat = an_flow__classify(c, as_intern_str(c->names, field));
  const char *cats[1] = {cat};
  f.categories = cats;
  f.ncategories = cat ? 1 : 0;
  char src[1024], dst[1024];
  snprintf(src, sizeof src, "%s:%s:%s:%s", cl->service, cl->unit->module, cl->fn->name, field);
  snprintf(dst, sizeof dst, "%s:%s:%s", g->service, g->qname, field);
  f.service = strcmp(rule, "assay/contract-field-missing") == 0 ? g->service : cl->service;
  f.source_symbol = src;
  f.sink_symbol = dst;
  f.path = steps[1].path;
  f.line = steps[1].line;
  f.col = steps[1].col;
  f.message = msg;
  an_step st[2] = {steps[0], steps[1]};
  f.steps = st;
  f.nsteps = 2;
  const char *svcs[2] = {cl->service, g->service}; /* from the client to the handler */
  f.services = svcs;
  f.nservices = strcmp(svcs[0], svcs[1]) != 0 ? 2 : 0;
  f.fingerprint = an_finding_fingerprint(c->arena, &f);
  an_result_add(c->res, &f);
}

/* Contract mismatches across each link whose payload has named fields: a
 * handler reading a field the client does not send, and a client sending a
 * field the handler never reads — each with both locations. */
static void an_flow__contract(an_ctx *c) {
  size_t nc = an_links_nclients(c->links);
  for (size_t k = 0; k < nc; k++) {
    const an_client *cl = an_links_client(c->links, k);
    const struct an_payload *pl = &c->payloads[k];
    if (cl->state != AN_LINK_MATCHED || !pl->seen || !pl->n) continue;
    an_fn *cf = as_ptrmap_get(&c->fn_of, cl->fn);
    if (!cf) continue;
    for (uint32_t e = 0; e < cl->nendpoints; e++) {
      const an_endpoint *ep = an_links_endpoint(c->links, cl->endpoints[e]);
      an_fn *g = as_ptrmap_get(&c->fn_of, ep->handler);
      if (!g || !g->reads.len) continue; /* it reads the request whole, or not at all */
      char where[600], msg[1024];
      snprintf(where, sizeof where, "%s%s%s",
               ep->method && ep->protocol != AN_PROTO_QUEUE ? ep->method : "",
               ep->method && ep->protocol != AN_PROTO_QUEUE ? " " : "", ep->display);
      for (size_t r = 0; r < g->reads.len; r++) {
        const an_read *rd = &g->reads.items[r];
        bool sent = false;
        for (uint32_t q = 0; q < pl->n && !sent; q++)
          sent = an_link_same_key(pl->fields[q], rd->key);
        if (sent) continue;
        snprintf(msg, sizeof msg,
                 "%s() in service %s reads the request field '%s', which the client in service "
                 "%s (%s:%u) does not send to %s",
                 g->fn->name, g->service, rd->key, cl->service, cl->path, cl->line, where);
        an_step st[2] = {{cl->path, cl->line, 1, cf->qname, "the client sends its request here",
                          cf->service, (int32_t)k + 1},
                         {g->unit->path, rd->loc.line, rd->loc.col, g->qname,
                          "the handler reads a field the client does not send", g->service, 0}};
        an_flow__mismatch(c, "assay/contract-field-missing", cl, g, rd->key, st, msg);
      }
      for (uint32_t q = 0; q < pl->n; q++) {
        bool read = false;
        for (size_t r = 0; r < g->reads.len && !read; r++)
          read = an_link_same_key(pl->fields[q], g->reads.items[r].key);
        if (read) continue;
        snprintf(msg, sizeof msg,
                 "the client sends the field '%s' to %s, which %s() in service %s (%s:%u) never "
                 "reads",
                 pl->fields[q], where, g->fn->name, g->service, g->unit->path, g->fn->loc.line);
        an_step st[2] = {{g->unit->path, g->fn->loc.line, g->fn->loc.col, g->qname,
                          "the handler, which never reads the field", g->service, 0},
                         {cl->path, pl->locs[q].line, pl->locs[q].col, cf->qname,
                          "the client sends a field the handler never reads", cf->service,
                          (int32_t)k + 1}};
        an_flow__mismatch(c, "assay/contract-field-unread", cl, g, pl->fields[q], st, msg);
      }
    }
  }
}

/* What each endpoint's responses carry: the categories of the sources that
 * reach its handler's response or return (res->endpoints follows the links'
 * endpoint order). */
static void an_flow__responses(an_ctx *c) {
  size_t ne = an_links_nendpoints(c->links);
  if (c->res->nendpoints != ne) return;
  for (size_t e = 0; e < ne; e++) {
    const an_endpoint *ep = an_links_endpoint(c->links, e);
    an_fn *g = as_ptrmap_get(&c->fn_of, ep->handler);
    if (!g || ep->protocol == AN_PROTO_QUEUE) continue;
    an_endpoint_rec *r = &c->res->endpoints[e];
    for (int which = 0; which < 3; which++) {
      size_t n = which == 0 ? g->resp.len : which == 1 ? g->ret.len : g->respf.len;
      for (size_t k = 0; k < n; k++) {
        uint32_t id = which == 0   ? g->resp.items[k].id
                      : which == 1 ? g->ret.items[k].id
                                   : g->respf.items[k].label.id;
        if (id & (AN_PARAM_BIT | AN_KEY_BIT)) continue;
        an_sorted_add(c->res->arena, &r->response, &r->nresponse, c->srcs.items[id].category);
      }
    }
    for (size_t k = 0; k < g->reads.len; k++) {
      an_sorted_add(c->res->arena, &r->request_fields, &r->nrequest_fields, g->reads.items[k].key);
      if (g->reads.items[k].required)
        an_sorted_add(c->res->arena, &r->required_fields, &r->nrequired_fields,
                      g->reads.items[k].key);
    }
    for (size_t k = 0; k < g->respnames.len; k++)
      an_sorted_add(c->res->arena, &r->response_fields, &r->nresponse_fields,
                    g->respnames.items[k]);
  }
}

/* A finding whose source is a column's read, when another finding at the
 * same sink carries the same category read back from that column: the path
 * from where the data entered, through the database, says it all. */
static void an_flow__drop_column_duplicates(an_ctx *c, size_t first) {
  an_result *res = c->res;
  bool *drop = as_calloc(res->nfindings ? res->nfindings : 1, 1);
  size_t ndrop = 0;
  for (size_t a = 0; a < c->emitted.len; a++) {
    const an_emitted *x = &c->emitted.items[a];
    if (!x->column) continue;
    for (size_t b = 0; b < c->emitted.len && !drop[x->index]; b++) {
      const an_emitted *y = &c->emitted.items[b];
      if (a == b || y->column || y->sink != x->sink || strcmp(y->category, x->category) != 0)
        continue;
      for (uint32_t k = 0; k < y->nthrough && !drop[x->index]; k++)
        if (y->through[k] == x->column) drop[x->index] = true, ndrop++;
    }
  }
  if (ndrop) {
    size_t w = first;
    for (size_t r = first; r < res->nfindings; r++)
      if (!drop[r]) res->findings[w++] = res->findings[r];
    res->nfindings = w;
  }
  free(drop);
}

/* Tell the access graph which endpoints reach which functions: through the
 * calls resolved within a service and the client calls linked to handlers,
 * in this service or another. An endpoint of another service than the
 * function's is named with its service ("gateway: GET /api/users/{}"). */
static void an_flow__reach_endpoints(an_ctx *c, an_fn *fns, size_t nfns) {
  an_fn **stack = as_calloc(nfns ? nfns : 1, sizeof(an_fn *));
  uint8_t *seen = as_calloc(nfns ? nfns : 1, 1);
  char name[1024], foreign[1200];
  for (size_t i = 0; i < nfns; i++) {
    const an_endpoint *ep = fns[i].ep;
    if (!ep) continue;
    if (ep->protocol == AN_PROTO_HTTP)
      snprintf(name, sizeof name, "%s %s", ep->method ? ep->method : "*", ep->target);
    else if (ep->protocol == AN_PROTO_GRPC)
      snprintf(name, sizeof name, "rpc %s", ep->target);
    else
      snprintf(name, sizeof name, "%s %s", ep->method ? ep->method : "queue", ep->target);
    snprintf(foreign, sizeof foreign, "%s: %s", fns[i].service, name);
    memset(seen, 0, nfns);
    size_t n = 0;
    stack[n++] = &fns[i];
    seen[i] = 1;
    while (n) {
      an_fn *f = stack[--n];
      an_access_reached(c->access, f->fn, f->service == fns[i].service ? name : foreign);
      for (size_t j = 0; j < f->fn->ninsts + f->linked.len; j++) {
        an_fn *g = j < f->fn->ninsts ? f->callee[j] : f->linked.items[j - f->fn->ninsts];
        if (!g || seen[g - fns] || (j < f->fn->ninsts && g->service != f->service)) continue;
        seen[g - fns] = 1;
        stack[n++] = g;
      }
    }
  }
  free(stack);
  free(seen);
}

void an_flow_analyze(const an_flow_service *services, size_t nservices, const an_links *links,
                     const an_catalogue *catalogue, const char *const *hosts, size_t nhosts,
                     an_access_set *access, an_result *res) {
  an_ctx c = {0};
  c.access = access;
  size_t first_finding = res->nfindings;
  c.links = links;
  c.hosts = hosts;
  c.nhosts = nhosts;
  c.catalogue = catalogue;
  c.res = res;
  c.arena = as_arena_new();
  c.scratch = as_arena_new();
  c.names = as_intern_new();

  size_t nfns = 0;
  for (size_t s = 0; s < nservices; s++)
    for (size_t i = 0; i < services[s].nunits; i++)
      if (!services[s].units[i]->failed) nfns += services[s].units[i]->nfuncs;
  an_fn *fns = as_calloc(nfns ? nfns : 1, sizeof(an_fn));
  size_t nclients = an_links_nclients(links);
  c.payloads = as_calloc(nclients ? nclients : 1, sizeof(*c.payloads));
  as_ptrmap byname = {0};  /* "service\x1fmodule:function" */
  as_ptrmap cglobal = {0}; /* C: "service\x1f:function" for external linkage */

  size_t k = 0;
  char buf[1024];
  for (size_t s = 0; s < nservices; s++) {
    const char *svc = as_intern_str(c.names, services[s].name);
    for (size_t i = 0; i < services[s].nunits; i++) {
      ir_unit *u = services[s].units[i];
      if (u->failed) continue;
      bool is_c = strcmp(u->lang, "c") == 0;
      for (uint32_t j = 0; j < u->nfuncs; j++) {
        an_fn *f = &fns[k++];
        f->unit = u;
        f->fn = u->funcs[j];
        f->service = svc;
        f->ep = an_links_endpoint_of(links, f->fn);
        *as_ptrmap_slot(&c.fn_of, f->fn) = f;
        snprintf(buf, sizeof buf, "%s:%s", u->module, f->fn->name);
        f->qname = as_intern_str(c.names, buf);
        const char *dot = strrchr(f->fn->name, '.');
        if (!is_c && dot)
          f->cls = as_intern_strn(c.names, f->fn->name, (size_t)(dot - f->fn->name));
        snprintf(buf, sizeof buf, "%s\x1f%s:%s", svc, u->module, f->fn->name);
        an_fnmap_put(&byname, as_intern_str(c.names, buf), f);
        snprintf(buf, sizeof buf, "%s\x1f%s", svc, dot ? dot + 1 : f->fn->name);
        *as_ptrmap_slot(&c.own, as_intern_str(c.names, buf)) = f;
        if (is_c && !f->fn->is_static) {
          snprintf(buf, sizeof buf, "%s\x1f:%s", svc, f->fn->name);
          /* Prefer a definition in a .c file over an inline one in a header. */
          void **slot = as_ptrmap_slot(&cglobal, as_intern_str(c.names, buf));
          const an_fn *had = *slot;
          size_t n = strlen(u->path);
          bool in_c_file = n > 2 && strcmp(u->path + n - 2, ".c") == 0;
          if (!had ||
              (in_c_file && strcmp(had->unit->path + strlen(had->unit->path) - 2, ".c") != 0))
            *slot = f;
        }
      }
    }
  }
  /* The record types of each service, by bare name; the first one wins. */
  for (size_t s = 0; s < nservices; s++) {
    for (size_t i = 0; i < services[s].nunits; i++) {
      ir_unit *u = services[s].units[i];
      if (u->failed) continue;
      for (uint32_t r = 0; r < u->nrecords; r++) {
        snprintf(buf, sizeof buf, "%s\x1f%s", services[s].name, u->records[r]->name);
        void **slot = as_ptrmap_slot(&c.recs, as_intern_str(c.names, buf));
        if (*slot) continue;
        an_rec *rec = as_arena_alloc(c.arena, sizeof(*rec));
        *rec = (an_rec){u->records[r], NULL, 0, false};
        *slot = rec;
      }
    }
  }
  /* Resolve every call once. */
  for (size_t i = 0; i < nfns; i++) {
    an_fn *f = &fns[i];
    c.rsvc = f->service;
    f->callee = as_calloc(f->fn->ninsts ? f->fn->ninsts : 1, sizeof(an_fn *));
    f->bind = as_calloc(f->fn->ninsts ? f->fn->ninsts : 1, 1);
    bool is_c = strcmp(f->unit->lang, "c") == 0;
    /* Values built by a resolved constructor know their class: x = X(...);
     * x.m() calls X.m. */
    as_ptrmap made_by = {0};
    for (uint32_t j = 0; j < f->fn->ninsts; j++) {
      const ir_inst *in = &f->fn->insts[j];
      if (in->op != IR_CALL || in->fact != IR_FACT_NONE) continue;
      an_fn *g = NULL;
      unsigned bind = 0;
      an_fn *ctor = in->obj ? as_ptrmap_get(&made_by, in->obj) : NULL;
      const char *dot = strrchr(in->callee, '.');
      if (ctor && ctor->cls && dot) {
        snprintf(buf, sizeof buf, "%s.%s", ctor->cls, dot + 1);
        g = an_flow__lookup(&c, &byname, ctor->unit->module, buf, strlen(buf));
        /* Python passes the object as self; Java and JavaScript as this. */
        if (g) bind = strcmp(g->unit->lang, "python") == 0 ? AN_BIND_SHIFT_OBJ : 0;
      }
      if (!g && dot && in->obj && f->fn->param_types &&
          (f->unit->lang[0] == 'g' || strcmp(f->unit->lang, "java") == 0)) {
        /* A method called on a parameter declared with a type of the
         * package: func show(u *User) { u.FullName() } calls User.FullName. */
        for (uint32_t p = 0; p < f->fn->nparams && !g; p++) {
          char base[256];
          if (f->fn->params[p] != in->obj ||
              !an_flow__type_base(f->fn->param_types[p], base, sizeof base))
            continue;
          snprintf(buf, sizeof buf, "%s.%s", base, dot + 1);
          g = an_flow__lookup(&c, &byname, f->unit->module, buf, strlen(buf));
          /* Go passes the object as the receiver, its first parameter; Java as this. */
          if (g) bind = f->unit->lang[0] == 'g' ? AN_BIND_SHIFT_OBJ : 0;
        }
      }
      if (!g && is_c && !strchr(in->callee, '.')) {
        /* C: a static function of the file, else an external one of the service. */
        g = an_flow__lookup(&c, &byname, f->unit->module, in->callee, strlen(in->callee));
        if (!g) {
          snprintf(buf, sizeof buf, "%s\x1f:%s", f->service, in->callee);
          g = as_ptrmap_get(&cglobal, as_intern_str(c.names, buf));
        }
      } else if (!g && !is_c) {
        g = an_flow__resolve_named(&c, &byname, f, in, &bind);
      }
      if (g) {
        f->callee[j] = g;
        f->bind[j] = (uint8_t)bind;
        if (g != f) g->has_callers = true;
        an_flow__add_caller(g, f);
        if ((bind & (AN_BIND_SHIFT_DST | AN_BIND_THIS_DST)) && in->dst)
          *as_ptrmap_slot(&made_by, in->dst) = g;
      }
    }
    as_ptrmap_free(&made_by);
    /* Calls answered by a handler in another service (or this one). */
    for (uint32_t j = 0; links && j < f->fn->ninsts; j++) {
      const an_client *cl = an_links_client_at(links, f->fn, j);
      if (!cl || cl->state != AN_LINK_MATCHED) continue;
      for (uint32_t e = 0; e < cl->nendpoints; e++) {
        an_fn *g = as_ptrmap_get(&c.fn_of, an_links_endpoint(links, cl->endpoints[e])->handler);
        if (!g) continue;
        an_flow__add_caller(g, f);
        bool had = false;
        for (size_t q = 0; q < f->linked.len && !had; q++)
          had = f->linked.items[q] == g;
        if (!had) as_array_push(&f->linked, g);
      }
    }
  }
  /* Worklist, seeded callees-first. */
  an_fn **order = as_calloc(nfns ? nfns : 1, sizeof(an_fn *));
  size_t norder = 0;
  for (size_t i = 0; i < nfns; i++)
    if (!fns[i].visited) an_flow__postorder(&fns[i], order, &norder);
  for (size_t i = norder; i-- > 0;) {
    as_array_push(&c.work, order[i]);
    order[i]->queued = true;
  }
  size_t budget = 64 * (nfns + 1);
  while (c.work.len && budget--) {
    an_fn *f = c.work.items[--c.work.len];
    f->queued = false;
    if (an_flow__function(&c, f)) {
      for (uint32_t i = 0; i < f->ncallers; i++) {
        an_fn *g = f->callers[i];
        if (!g->queued) {
          g->queued = true;
          as_array_push(&c.work, g);
        }
      }
    }
  }
  as_array_free(&c.work);
  free(order);
  an_flow__drop_column_duplicates(&c, first_finding);
  if (access) an_flow__reach_endpoints(&c, fns, nfns);
  an_flow__contract(&c);
  an_flow__responses(&c);
  free(c.payloads);
  for (size_t i = 0; i < nfns; i++) {
    free(fns[i].callee);
    free(fns[i].bind);
    free(fns[i].callers);
    as_array_free(&fns[i].ret);
    as_array_free(&fns[i].hits);
    as_array_free(&fns[i].effects);
    as_array_free(&fns[i].resp);
    as_array_free(&fns[i].respf);
    as_array_free(&fns[i].reads);
    as_array_free(&fns[i].respnames);
    as_array_free(&fns[i].linked);
  }
  as_ptrmap_free(&c.fn_of);
  as_ptrmap_free(&c.key_index);
  as_array_free(&c.keys);
  free(fns);
  as_ptrmap_free(&byname);
  as_ptrmap_free(&cglobal);
  as_ptrmap_free(&c.classified);
  as_array_free(&c.srcs);
  free(c.seen);
  as_ptrmap_free(&c.src_index);
  as_ptrmap_free(&c.recs);
  as_ptrmap_free(&c.own);
  for (size_t i = 0; i < c.cols.len; i++) {
    as_array_free(&c.cols.items[i].stored);
    as_array_free(&c.cols.items[i].readers);
  }
  as_array_free(&c.cols);
  as_ptrmap_free(&c.col_index);
  as_ptrmap_free(&c.dbsteps);
  as_array_free(&c.emitted);
  as_arena_delete(c.scratch);
  as_arena_delete(c.arena);
  as_intern_delete(c.names);
}
