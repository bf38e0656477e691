/* link.c — endpoints, clients and the links between services. */
#include "link.h"
#include "deploy.h"
#include "proto.h"

#include <ctype.h>
#include <fnmatch.h>
#include <string.h>
#include <strings.h>

struct an_links {
  as_arena *arena;
  AS_ARRAY(an_endpoint) endpoints;
  AS_ARRAY(an_client) clients;
  AS_ARRAY(as_diag) diags;
  as_ptrmap client_at;   /* ir_inst * -> client index + 1 */
  as_ptrmap endpoint_of; /* ir_func * -> endpoint index + 1 */
};

typedef struct lk_ctx {
  an_links *self;
  const an_link_service *services;
  size_t nservices;
  const an_deploy *deploy;
  const an_proto_set *protos;
  const an_link_service *svc; /* being scanned */
  /* Express: app.use("/api", router) mounts the routes of a router under a
   * prefix: of module `module` (an imported router), or of the value named
   * `recv` in unit `unit` (a router of the same file). */
  AS_ARRAY(struct lk_mount {
    const char *module;
    const ir_unit *unit;
    const char *recv;
    const char *prefix;
  })
  mounts;
} lk_ctx;

const char *an_protocol_name(an_protocol p) {
  static const char *const names[] = {"http", "grpc", "queue"};
  return (unsigned)p <= AN_PROTO_QUEUE ? names[p] : "?";
}

const char *an_link_state_name(an_link_state s) {
  static const char *const names[] = {"matched", "unmatched", "ambiguous", "external",
                                      "unresolved"};
  return (unsigned)s <= AN_LINK_UNRESOLVED ? names[s] : "?";
}

static const char *lk_str(lk_ctx *c, const char *s) {
  return s ? as_arena_strdup(c->self->arena, s) : NULL;
}

static const char *lk_svcname(const an_link_service *s) {
  return s->root[0] ? s->root : ".";
}

static const char *lk_last(const char *dotted) {
  const char *d = strrchr(dotted, '.');
  return d ? d + 1 : dotted;
}

static void lk_diag(lk_ctx *c, as_diag_level level, const char *path, uint32_t line,
                    const char *code, const char *msg) {
  as_diag d = {level, lk_str(c, path), line, 0, code, lk_str(c, msg)};
  as_array_push(&c->self->diags, d);
}

/* ---- names and keys --------------------------------------------------------- */

bool an_link_same_key(const char *a, const char *b) {
  if (!a || !b) return false;
  for (;;) {
    while (*a == '_' || *a == '-')
      a++;
    while (*b == '_' || *b == '-')
      b++;
    if (!*a || !*b) return !*a && !*b;
    if (tolower((unsigned char)*a) != tolower((unsigned char)*b)) return false;
    a++, b++;
  }
}

/* Is this decorator, middleware or annotation an authentication guard? */
static bool lk_is_guard(const char *name) {
  static const char *const words[] = {
      "auth",      "login_required", "jwt",          "permission",  "token_required",
      "secured",   "rolesallowed",   "preauthorize", "requirerole", "requires_role",
      "signed_in", "logged_in",      "protect"};
  char low[256];
  size_t n = 0;
  for (const char *p = name; *p && n < sizeof low - 1; p++)
    low[n++] = (char)tolower((unsigned char)*p);
  low[n] = 0;
  for (size_t k = 0; k < sizeof words / sizeof *words; k++)
    if (strstr(low, words[k])) return true;
  return false;
}

void an_link_normalise_path(const char *path, char *out, size_t n) {
  size_t o = 0;
  if (n == 0) return;
  if (*path != '/' && o + 1 < n) out[o++] = '/';
  for (const char *p = path; *p && *p != '?' && *p != '#' && o + 3 < n;) {
    bool seg_start = p == path || p[-1] == '/';
    if (seg_start && (*p == ':' || *p == '<' || *p == '{' || *p == '*')) {
      /* a parameter: :id, <int:id>, {id}, {id...}, * — up to the segment's end */
      while (*p && *p != '/' && *p != '?')
        p++;
      out[o++] = '{';
      out[o++] = '}';
      continue;
    }
    if (*p == '/' && o && out[o - 1] == '/') {
      p++;
      continue;
    }
    out[o++] = *p++;
  }
  while (o > 1 && out[o - 1] == '/')
    o--;
  out[o] = 0;
}

/* ---- values: the literal text a value is built from ---------------------- */

typedef enum { LK_HOLE, LK_TEXT, LK_ENV_MISSING } lk_kind;

typedef struct lk_eval {
  lk_ctx *c;
  const ir_unit *unit;
  as_buf out;
  int depth;
} lk_eval;

static const ir_func *lk_module_func(const ir_unit *u) {
  for (uint32_t f = 0; f < u->nfuncs; f++)
    if (strcmp(u->funcs[f]->name, "<module>") == 0) return u->funcs[f];
  return NULL;
}

static lk_kind lk_value(lk_eval *e, const ir_unit *u, const ir_func *fn, uint32_t i, const char *v);

/* The unit of the service whose module is `module`, or NULL. */
static const ir_unit *lk_unit_of_module(lk_ctx *c, const char *module) {
  for (size_t k = 0; k < c->svc->nunits; k++) {
    const ir_unit *u = c->svc->units[k];
    if (!u->failed && strcmp(u->module, module) == 0) return u;
  }
  return NULL;
}

/* A module-level definition of name v: in the unit's <module>, or imported. */
static lk_kind lk_global(lk_eval *e, const ir_unit *u, const char *v) {
  const ir_func *m = lk_module_func(u);
  if (m) {
    for (uint32_t i = m->ninsts; i-- > 0;)
      if (m->insts[i].dst == v) return lk_value(e, u, m, i + 1, v);
  }
  for (uint32_t k = 0; k < u->nimports; k++) {
    if (u->imports[k].alias != v) continue;
    const char *t = u->imports[k].target, *dot = strrchr(t, '.');
    if (!dot) break;
    char mod[512];
    snprintf(mod, sizeof mod, "%.*s", (int)(dot - t), t);
    /* Python relative imports are resolved to the dotted module already. */
    const ir_unit *g = lk_unit_of_module(e->c, mod);
    if (g && g != u) {
      const char *name = as_intern_str(u->strings, dot + 1);
      return lk_global(e, g, name);
    }
    break;
  }
  return LK_HOLE;
}

static bool lk_env_call(const char *callee) {
  static const char *const pats[] = {"os.environ.get", "os.getenv",    "os.Getenv",
                                     "System.getenv",  "os.LookupEnv", "getenv"};
  for (size_t k = 0; k < sizeof pats / sizeof *pats; k++)
    if (strcmp(callee, pats[k]) == 0) return true;
  return false;
}

/* The literal of value a at instruction i, or NULL. */
static const char *lk_const_at(const ir_func *fn, uint32_t i, const char *a) {
  while (i-- > 0)
    if (fn->insts[i].dst == a) return fn->insts[i].op == IR_CONST ? fn->insts[i].text : NULL;
  return NULL;
}

static lk_kind lk_env(lk_eval *e, const char *name, const char *dflt) {
  const char *val = e->c->deploy ? an_deploy_env_value(e->c->deploy, e->c->svc->root, name) : NULL;
  if (val) {
    as_buf_puts(&e->out, val);
    return LK_TEXT;
  }
  if (dflt) {
    as_buf_puts(&e->out, dflt);
    return LK_TEXT;
  }
  return LK_ENV_MISSING;
}

static bool lk_has_scheme(const char *s) {
  const char *p = strstr(s, "://");
  if (!p || p == s) return false;
  for (const char *q = s; q < p; q++)
    if (!isalpha((unsigned char)*q) && *q != '+') return false;
  return true;
}

/* Append what value v (as seen before instruction i of fn) is built from to
 * e->out: literal text, or "{}" for a part that is not known statically. */
static lk_kind lk_value(lk_eval *e, const ir_unit *u, const ir_func *fn, uint32_t i,
                        const char *v) {
  if (++e->depth > 24) {
    e->depth--;
    as_buf_puts(&e->out, "{}");
    return LK_HOLE;
  }
  const ir_inst *d = NULL;
  uint32_t at = i;
  while (at-- > 0)
    if (fn->insts[at].dst == v) {
      d = &fn->insts[at];
      break;
    }
  lk_kind k = LK_HOLE;
  if (!d) {
    size_t mark = e->out.len;
    k = strcmp(fn->name, "<module>") != 0 ? lk_global(e, u, v) : LK_HOLE;
    if (k == LK_HOLE) {
      e->out.len = mark;
      as_buf_puts(&e->out, "{}");
    }
  } else if (d->op == IR_CONST) {
    size_t n = strlen(d->text);
    if (n >= 2 && d->text[0] == '<' && d->text[n - 1] == '>') { /* a placeholder */
      as_buf_puts(&e->out, "{}");
    } else {
      as_buf_puts(&e->out, d->text);
      k = LK_TEXT;
    }
  } else if (d->op == IR_COPY) {
    k = lk_value(e, u, fn, at, d->args[0]);
  } else if (d->op == IR_CONCAT) {
    k = LK_TEXT;
    for (uint32_t a = 0; a < d->nargs; a++) {
      size_t mark = e->out.len;
      lk_kind part = lk_value(e, u, fn, at, d->args[a]);
      /* `process.env.X ?? "http://..."` is lowered as string building:
       * the environment's value, else the literal default. */
      if ((part == LK_ENV_MISSING || part == LK_TEXT) && a + 1 < d->nargs) {
        lk_eval probe = {e->c, u, {0}, e->depth};
        lk_kind next = lk_value(&probe, u, fn, at, d->args[a + 1]);
        bool url_default = next == LK_TEXT && probe.out.data && lk_has_scheme(probe.out.data);
        bool is_env = part == LK_ENV_MISSING || (e->out.data && lk_has_scheme(e->out.data + mark));
        if (url_default && is_env) {
          if (part == LK_ENV_MISSING) {
            e->out.len = mark;
            as_buf_puts(&e->out, probe.out.data);
            if (e->out.data) e->out.data[e->out.len] = 0;
          }
          as_buf_free(&probe.out);
          a++;
          continue;
        }
        as_buf_free(&probe.out);
      }
      if (part == LK_ENV_MISSING) {
        e->out.len = mark;
        as_buf_puts(&e->out, "{}");
      }
      if (part != LK_TEXT) k = LK_HOLE;
    }
  } else if (d->op == IR_LOAD && d->field) {
    /* process.env.X (JavaScript) */
    const ir_inst *o = NULL;
    for (uint32_t b = at; b-- > 0 && !o;)
      if (fn->insts[b].dst == d->obj) o = &fn->insts[b];
    if (o && o->op == IR_LOAD && o->field && strcmp(o->field, "env") == 0 && o->obj &&
        strcmp(o->obj, "process") == 0) {
      k = lk_env(e, d->field, NULL);
    } else {
      as_buf_puts(&e->out, "{}");
    }
  } else if (d->op == IR_CALL && lk_env_call(d->callee) && d->nargs >= 1) {
    const char *name = lk_const_at(fn, at, d->args[0]);
    const char *dflt = d->nargs >= 2 ? lk_const_at(fn, at, d->args[1]) : NULL;
    k = name ? lk_env(e, name, dflt) : LK_HOLE;
    if (k == LK_HOLE) as_buf_puts(&e->out, "{}");
  } else {
    as_buf_puts(&e->out, "{}");
  }
  if (e->out.data) e->out.data[e->out.len] = 0;
  e->depth--;
  return k;
}

/* The text of value v before instruction i ("{}" for unknown parts), in the
 * links' arena; *literal says whether it has no unknown part. */
static const char *lk_template(lk_ctx *c, const ir_unit *u, const ir_func *fn, uint32_t i,
                               const char *v, bool *literal) {
  lk_eval e = {c, u, {0}, 0};
  lk_kind k = lk_value(&e, u, fn, i, v);
  const char *s = lk_str(c, e.out.data ? e.out.data : "");
  as_buf_free(&e.out);
  if (literal) *literal = k == LK_TEXT && !strstr(s, "{}");
  return s;
}

/* ---- functions named by registrations ------------------------------------- */

/* The function a registration call's argument names: a lambda lowered as
 * "<callee(literal)>", a function of the unit, or one imported from another
 * module of the service. */
static ir_func *lk_handler_ref(lk_ctx *c, ir_unit *u, const ir_func *fn, uint32_t i,
                               const char *arg, const char *callee, const char *literal,
                               ir_unit **hu) {
  *hu = u;
  const char *text = lk_const_at(fn, i, arg);
  if (text && strcmp(text, "<lambda>") == 0) {
    char want[600];
    snprintf(want, sizeof want, "<%.256s(%s)>", callee, literal);
    size_t wn = strlen(want);
    for (uint32_t f = 0; f < u->nfuncs; f++) {
      const char *name = u->funcs[f]->name;
      size_t n = strlen(name);
      if (n >= wn && strcmp(name + n - wn, want) == 0 && (n == wn || name[n - wn - 1] == '.'))
        return u->funcs[f];
    }
    return NULL;
  }
  if (arg[0] == '%') return NULL;
  for (uint32_t f = 0; f < u->nfuncs; f++)
    if (u->funcs[f]->name == arg) return u->funcs[f];
  /* Go: a function of the same package in another file. */
  for (size_t k = 0; k < c->svc->nunits; k++) {
    ir_unit *g = c->svc->units[k];
    if (g->failed || g == u || strcmp(g->module, u->module) != 0 || strcmp(g->lang, "go") != 0)
      continue;
    for (uint32_t f = 0; f < g->nfuncs; f++)
      if (strcmp(g->funcs[f]->name, arg) == 0) {
        *hu = g;
        return g->funcs[f];
      }
  }
  for (uint32_t k = 0; k < u->nimports; k++) {
    if (u->imports[k].alias != arg) continue;
    const char *t = u->imports[k].target, *dot = strrchr(t, '.');
    if (!dot) break;
    char mod[512];
    snprintf(mod, sizeof mod, "%.*s", (int)(dot - t), t);
    ir_unit *g = (ir_unit *)lk_unit_of_module(c, mod);
    if (!g) break;
    for (uint32_t f = 0; f < g->nfuncs; f++)
      if (strcmp(g->funcs[f]->name, dot + 1) == 0) {
        *hu = g;
        return g->funcs[f];
      }
    break;
  }
  return NULL;
}

static int32_t lk_kwarg(const ir_inst *in, const char *const *names);

/* ---- endpoints -------------------------------------------------------------- */

static an_endpoint *lk_add_endpoint(lk_ctx *c, an_protocol proto, ir_unit *u, ir_func *fn,
                                    const char *method, const char *target, const char *display,
                                    uint32_t line) {
  an_endpoint ep = {0};
  ep.protocol = proto;
  ep.service = lk_str(c, lk_svcname(c->svc));
  ep.method = lk_str(c, method);
  ep.target = lk_str(c, target);
  ep.display = lk_str(c, display);
  ep.unit = u;
  ep.handler = fn;
  char q[1024];
  snprintf(q, sizeof q, "%s:%s", u->module, fn->name);
  ep.handler_qname = lk_str(c, q);
  ep.path = u->path;
  ep.line = line ? line : fn->loc.line;
  ep.binding = AN_REQ_PARAMS;
  /* Flask, Quart: the request is the module-level `request` */
  if (proto == AN_PROTO_HTTP && strcmp(u->lang, "python") == 0) ep.req_value = ir_str(u, "request");
  as_array_push(&c->self->endpoints, ep);
  void **slot = as_ptrmap_slot(&c->self->endpoint_of, fn);
  if (!*slot) *slot = (void *)(uintptr_t)c->self->endpoints.len;
  return &c->self->endpoints.items[c->self->endpoints.len - 1];
}

static void lk_add_guard(lk_ctx *c, an_endpoint *ep, const char *g) {
  const char **ng = as_arena_alloc(c->self->arena, (ep->nguards + 1) * sizeof(char *));
  if (ep->nguards) memcpy(ng, ep->guards, ep->nguards * sizeof(char *));
  ng[ep->nguards++] = lk_str(c, g);
  ep->guards = ng;
}

static void lk_http_endpoint(lk_ctx *c, ir_unit *u, ir_func *fn, const char *method,
                             const char *raw, uint32_t line, const char *const *guards,
                             uint32_t nguards) {
  char norm[1024];
  an_link_normalise_path(raw, norm, sizeof norm);
  char up[32];
  size_t n = 0;
  for (const char *p = method; *p && n < sizeof up - 1; p++)
    up[n++] = (char)toupper((unsigned char)*p);
  up[n] = 0;
  an_endpoint *ep = lk_add_endpoint(c, AN_PROTO_HTTP, u, fn, up, norm, raw, line);
  for (uint32_t g = 0; g < nguards; g++)
    lk_add_guard(c, ep, guards[g]);
}

static bool lk_is_http_verb(const char *s) {
  static const char *const verbs[] = {"get", "post", "put", "patch", "delete", "head", "options"};
  for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++)
    if (strcasecmp(s, verbs[k]) == 0) return true;
  return false;
}

/* The record named by the class part of a method name ("Cls.m" -> Cls). */
static const ir_record *lk_class_of(const ir_unit *u, const ir_func *fn) {
  const char *dot = strrchr(fn->name, '.');
  if (!dot) return NULL;
  size_t n = (size_t)(dot - fn->name);
  for (uint32_t r = 0; r < u->nrecords; r++)
    if (strlen(u->records[r]->name) == n && strncmp(u->records[r]->name, fn->name, n) == 0)
      return u->records[r];
  return NULL;
}

/* Python and Java: routes and queue listeners declared by decorators. */
static void lk_decorated(lk_ctx *c, ir_unit *u, ir_func *fn) {
  bool py = strcmp(u->lang, "python") == 0, java = strcmp(u->lang, "java") == 0;
  if (!py && !java) return;
  const char *guards[16];
  uint32_t nguards = 0;
  const ir_record *cls = java ? lk_class_of(u, fn) : NULL;
  for (uint32_t d = 0; d < fn->ndecorators && nguards < 16; d++)
    if (lk_is_guard(lk_last(fn->decorators[d]))) guards[nguards++] = fn->decorators[d];
  for (uint32_t d = 0; cls && d < cls->ndecorators && nguards < 16; d++)
    if (lk_is_guard(lk_last(cls->decorators[d]))) guards[nguards++] = cls->decorators[d];
  for (uint32_t d = 0; d < fn->ndecorators; d++) {
    const char *name = fn->decorators[d], *last = lk_last(name);
    if (py && last != name) {
      bool route = strcmp(last, "route") == 0 || strcmp(last, "api_route") == 0;
      if (!route && !lk_is_http_verb(last)) continue;
      const char *path = ir_attr_find(fn->attrs, fn->nattrs, d, NULL, 0);
      if (!path) path = ir_attr_find(fn->attrs, fn->nattrs, d, "rule", 0);
      if (!path) continue;
      if (!route) {
        lk_http_endpoint(c, u, fn, last, path, fn->loc.line, guards, nguards);
        continue;
      }
      const char *m = ir_attr_find(fn->attrs, fn->nattrs, d, "methods", 0);
      if (!m) lk_http_endpoint(c, u, fn, "GET", path, fn->loc.line, guards, nguards);
      for (uint32_t k = 0; (m = ir_attr_find(fn->attrs, fn->nattrs, d, "methods", k)); k++)
        lk_http_endpoint(c, u, fn, m, path, fn->loc.line, guards, nguards);
      continue;
    }
    if (!java) continue;
    static const struct {
      const char *annotation, *method;
    } maps[] = {{"GetMapping", "GET"},     {"PostMapping", "POST"},     {"PutMapping", "PUT"},
                {"PatchMapping", "PATCH"}, {"DeleteMapping", "DELETE"}, {"RequestMapping", NULL}};
    for (size_t k = 0; k < sizeof maps / sizeof *maps; k++) {
      if (strcmp(last, maps[k].annotation) != 0) continue;
      const char *path = ir_attr_find(fn->attrs, fn->nattrs, d, NULL, 0);
      const char *prefix = NULL;
      for (uint32_t cd = 0; cls && cd < cls->ndecorators && !prefix; cd++)
        if (strcmp(lk_last(cls->decorators[cd]), "RequestMapping") == 0)
          prefix = ir_attr_find(cls->attrs, cls->nattrs, cd, NULL, 0);
      char full[1024];
      snprintf(full, sizeof full, "%s%s%s", prefix ? prefix : "",
               prefix && path && path[0] != '/' ? "/" : "", path ? path : "");
      const char *method = maps[k].method;
      const char *m = method ? NULL : ir_attr_find(fn->attrs, fn->nattrs, d, "method", 0);
      if (!method) method = m ? lk_last(m) : "*";
      lk_http_endpoint(c, u, fn, method, full[0] ? full : "/", fn->loc.line, guards, nguards);
    }
    static const struct {
      const char *annotation, *key, *broker;
    } listeners[] = {{"KafkaListener", "topics", "kafka"},
                     {"RabbitListener", "queues", "amqp"},
                     {"JmsListener", "destination", "jms"}};
    for (size_t k = 0; k < sizeof listeners / sizeof *listeners; k++) {
      if (strcmp(last, listeners[k].annotation) != 0) continue;
      const char *t;
      for (uint32_t j = 0; (t = ir_attr_find(fn->attrs, fn->nattrs, d, listeners[k].key, j)); j++) {
        an_endpoint *ep =
            lk_add_endpoint(c, AN_PROTO_QUEUE, u, fn, listeners[k].broker, t, t, fn->loc.line);
        ep->binding = AN_REQ_PARAM;
        ep->req_param = 0;
      }
    }
  }
}

static void lk_mounts(lk_ctx *c, ir_unit *u, ir_func *fn) {
  if (strcmp(u->lang, "javascript") != 0 && strcmp(u->lang, "typescript") != 0) return;
  for (uint32_t i = 0; i < fn->ninsts; i++) {
    const ir_inst *in = &fn->insts[i];
    if (in->op != IR_CALL || !in->obj || in->nargs < 2 || strcmp(lk_last(in->callee), "use") != 0)
      continue;
    const char *prefix = lk_const_at(fn, i, in->args[0]);
    const char *r = in->args[in->nargs - 1];
    if (!prefix || prefix[0] != '/' || r[0] == '%') continue;
    struct lk_mount m = {NULL, u, r, prefix};
    for (uint32_t k = 0; k < u->nimports; k++) {
      if (u->imports[k].alias != r) continue;
      const char *t = u->imports[k].target, *dot = strrchr(t, '.');
      char mod[512];
      snprintf(mod, sizeof mod, "%.*s", (int)(dot ? dot - t : (ptrdiff_t)strlen(t)), t);
      m.module = lk_str(c, mod);
      m.unit = NULL;
      m.recv = NULL;
    }
    as_array_push(&c->mounts, m);
  }
}

/* Python consumers written as code rather than registrations:
 *   consumer = KafkaConsumer("topic", ...); for message in consumer: ...
 *   pubsub.subscribe("channel"); for message in pubsub.listen(): ...
 *   channel.basic_consume(queue="q", on_message_callback=handle)  (pika) */
static void lk_python_consumers(lk_ctx *c, ir_unit *u, ir_func *fn) {
  if (strcmp(u->lang, "python") != 0) return;
  for (uint32_t i = 0; i < fn->ninsts; i++) {
    const ir_inst *in = &fn->insts[i];
    if (in->op != IR_CALL || in->fact != IR_FACT_NONE) continue;
    const char *last = lk_last(in->callee);
    bool kafka = strcmp(last, "KafkaConsumer") == 0 || strcmp(last, "AIOKafkaConsumer") == 0;
    bool sub = in->obj && (strcmp(last, "subscribe") == 0 || strcmp(last, "psubscribe") == 0);
    if ((kafka && in->dst) || sub) {
      for (uint32_t a = 0; a < in->nargs; a++) {
        if (in->argnames && in->argnames[a]) continue;
        const char *topic = lk_const_at(fn, i, in->args[a]);
        if (!topic) continue;
        an_endpoint *ep = lk_add_endpoint(c, AN_PROTO_QUEUE, u, fn, kafka ? "kafka" : "redis",
                                          topic, topic, in->loc.line);
        ep->binding = AN_REQ_PARAM;
        ep->req_param = fn->nparams;
        ep->req_value = kafka ? in->dst : in->obj;
      }
      continue;
    }
    static const char *const queue_kw[] = {"queue", NULL}, *const cb_kw[] = {"on_message_callback",
                                                                             NULL};
    if (strcmp(last, "basic_consume") != 0) continue;
    int32_t q = lk_kwarg(in, queue_kw), cb = lk_kwarg(in, cb_kw);
    if (q < 0 || cb < 0) continue;
    const char *queue = lk_const_at(fn, i, in->args[q]);
    ir_unit *hu;
    ir_func *h = queue ? lk_handler_ref(c, u, fn, i, in->args[cb], in->callee, "", &hu) : NULL;
    if (!h || !h->nparams) continue;
    an_endpoint *ep = lk_add_endpoint(c, AN_PROTO_QUEUE, hu, h, "amqp", queue, queue, in->loc.line);
    ep->path = u->path;
    ep->binding = AN_REQ_PARAM;
    ep->req_param = h->nparams >= 4 ? 3 : h->nparams - 1; /* (channel, method, properties, body) */
    ep->req_value = NULL;
  }
}

/* The prefix a router's routes are mounted under, or "". */
static const char *lk_mount_prefix(const lk_ctx *c, const ir_unit *u, const char *recv) {
  for (size_t k = 0; k < c->mounts.len; k++) {
    const struct lk_mount *m = &c->mounts.items[k];
    if ((m->module && strcmp(m->module, u->module) == 0) || (m->unit == u && m->recv == recv))
      return m->prefix;
  }
  return "";
}

/* Registration calls: app.post("/x", [middleware...,] handler) (Express,
 * gin, chi, echo), http.HandleFunc("POST /x", h) (Go), and queue consumers
 * subscriber.subscribe("topic", handler) (Redis) and channel.consume("queue",
 * handler) (AMQP). */
static void lk_registrations(lk_ctx *c, ir_unit *u, ir_func *fn) {
  bool js = strcmp(u->lang, "javascript") == 0 || strcmp(u->lang, "typescript") == 0;
  bool go = strcmp(u->lang, "go") == 0;
  if (!js && !go) return;
  for (uint32_t i = 0; i < fn->ninsts; i++) {
    const ir_inst *in = &fn->insts[i];
    if (in->op != IR_CALL || in->fact != IR_FACT_NONE || !in->obj || in->nargs < 2) continue;
    const char *last = lk_last(in->callee);
    const char *lit = lk_const_at(fn, i, in->args[0]);
    if (!lit) continue;
    bool handle = go && (strcmp(last, "HandleFunc") == 0 || strcmp(last, "Handle") == 0);
    bool verb = lk_is_http_verb(last) || strcmp(last, "all") == 0 || strcmp(last, "Any") == 0;
    const char *broker = NULL;
    if (strcmp(last, "subscribe") == 0 || strcmp(last, "pSubscribe") == 0) broker = "redis";
    if (strcmp(last, "consume") == 0) broker = "amqp";
    if (!handle && !verb && !broker) continue;
    if (!broker && lit[0] != '/' && !(handle && strchr(lit, ' '))) continue;
    ir_unit *hu;
    const char *harg = in->args[in->nargs - 1];
    const char *guards[16];
    uint32_t nguards = 0;
    /* Go: a wrapped handler requireAuth(h) — the wrapper is a guard. */
    const ir_inst *wrap = NULL;
    for (uint32_t b = i; b-- > 0 && harg[0] == '%' && !wrap;)
      if (fn->insts[b].dst == harg) wrap = &fn->insts[b];
    if (wrap && wrap->op == IR_CALL && wrap->nargs == 1 && wrap->args[0][0] != '%') {
      if (lk_is_guard(wrap->callee)) guards[nguards++] = wrap->callee;
      harg = wrap->args[0];
    }
    ir_func *h = lk_handler_ref(c, u, fn, i, harg, in->callee, lit, &hu);
    if (!h) continue;
    for (uint32_t a = 1; a + 1 < in->nargs && nguards < 16; a++)
      if (in->args[a][0] != '%' && lk_is_guard(in->args[a])) guards[nguards++] = in->args[a];
    if (broker) {
      an_endpoint *ep = lk_add_endpoint(c, AN_PROTO_QUEUE, hu, h, broker, lit, lit, in->loc.line);
      ep->path = u->path;
      ep->binding = AN_REQ_PARAM;
      ep->req_param = 0;
      continue;
    }
    const char *method = handle ? "*" : last;
    const char *path = lit;
    char mbuf[16];
    const char *sp = handle ? strchr(lit, ' ') : NULL;
    if (sp && (size_t)(sp - lit) < sizeof mbuf) { /* Go 1.22: "POST /users/{id}" */
      snprintf(mbuf, sizeof mbuf, "%.*s", (int)(sp - lit), lit);
      method = mbuf;
      path = sp + 1;
    }
    if (strcmp(method, "all") == 0 || strcmp(method, "Any") == 0) method = "*";
    size_t before = c->self->endpoints.len;
    char full[1024];
    const char *mp = js ? lk_mount_prefix(c, u, in->obj) : "";
    snprintf(full, sizeof full, "%s%s", strcmp(path, "/") == 0 && mp[0] ? "" : mp, path);
    if (!full[0]) snprintf(full, sizeof full, "%s", mp);
    lk_http_endpoint(c, hu, h, method, full, in->loc.line, guards, nguards);
    c->self->endpoints.items[before].path = u->path;
  }
}

/* gRPC: the methods of the .proto services, matched to implementations by
 * name: a method M (Java: m) of a type whose name contains the service's
 * name (BillingServicer, billingServer, BillingService extends
 * BillingGrpc.BillingImplBase). */
static void lk_grpc_servers(lk_ctx *c) {
  if (!c->protos) return;
  size_t ns = 0;
  const an_proto_service *svcs = an_proto_services(c->protos, &ns);
  for (size_t s = 0; s < ns; s++) {
    for (uint32_t m = 0; m < svcs[s].nmethods; m++) {
      const an_proto_method *pm = &svcs[s].methods[m];
      for (size_t k = 0; k < c->svc->nunits; k++) {
        ir_unit *u = c->svc->units[k];
        if (u->failed) continue;
        bool py = strcmp(u->lang, "python") == 0, go = strcmp(u->lang, "go") == 0,
             java = strcmp(u->lang, "java") == 0;
        if (!py && !go && !java) continue;
        for (uint32_t f = 0; f < u->nfuncs; f++) {
          ir_func *fn = u->funcs[f];
          const char *dot = strrchr(fn->name, '.');
          if (!dot) continue;
          bool same =
              java ? strlen(dot + 1) == strlen(pm->name) &&
                         tolower((unsigned char)dot[1]) == tolower((unsigned char)pm->name[0]) &&
                         strcmp(dot + 2, pm->name + 1) == 0
                   : strcmp(dot + 1, pm->name) == 0;
          if (!same) continue;
          char type[256], want[256];
          size_t tn = (size_t)(dot - fn->name);
          if (tn >= sizeof type) continue;
          for (size_t q = 0; q < tn; q++)
            type[q] = (char)tolower((unsigned char)fn->name[q]);
          type[tn] = 0;
          snprintf(want, sizeof want, "%s", svcs[s].name);
          for (char *p = want; *p; p++)
            *p = (char)tolower((unsigned char)*p);
          if (!strstr(type, want) || strstr(type, "stub") || strstr(type, "client")) continue;
          uint32_t req = py ? 1 : go ? fn->nparams - 1 : 0;
          if (fn->nparams <= req || (py && fn->nparams < 2) || (go && fn->nparams < 2)) continue;
          an_endpoint *ep =
              lk_add_endpoint(c, AN_PROTO_GRPC, u, fn, NULL, pm->full_name, pm->full_name, 0);
          ep->binding = AN_REQ_PARAM;
          ep->req_param = req;
        }
      }
    }
  }
}

/* ---- clients ---------------------------------------------------------------- */

static an_client *lk_add_client(lk_ctx *c, an_protocol proto, ir_unit *u, ir_func *fn, uint32_t i) {
  an_client cl = {0};
  cl.protocol = proto;
  cl.service = lk_str(c, lk_svcname(c->svc));
  cl.unit = u;
  cl.fn = fn;
  cl.inst = i;
  cl.path = u->path;
  cl.line = fn->insts[i].loc.line;
  cl.payload_arg = -1;
  as_array_push(&c->self->clients, cl);
  *as_ptrmap_slot(&c->self->client_at, &fn->insts[i]) = (void *)(uintptr_t)c->self->clients.len;
  return &c->self->clients.items[c->self->clients.len - 1];
}

static int32_t lk_kwarg(const ir_inst *in, const char *const *names) {
  for (uint32_t a = 0; in->argnames && a < in->nargs; a++)
    for (const char *const *n = names; *n; n++)
      if (in->argnames[a] && strcmp(in->argnames[a], *n) == 0) return (int32_t)a;
  return -1;
}

/* The service a host name denotes: the deployment files' name for it, else a
 * service folder of that name. */
static const char *lk_host_service(lk_ctx *c, const char *host) {
  const char *root = c->deploy ? an_deploy_service_of_host(c->deploy, host) : NULL;
  for (size_t s = 0; s < c->nservices; s++) {
    if (root && strcmp(c->services[s].root, root) == 0) return lk_svcname(&c->services[s]);
    if (!root && strcasecmp(c->services[s].name, host) == 0) return lk_svcname(&c->services[s]);
  }
  return NULL;
}

static void lk_http_client(lk_ctx *c, ir_unit *u, ir_func *fn, uint32_t i) {
  const ir_inst *in = &fn->insts[i];
  if (in->fact_url < 0 || (uint32_t)in->fact_url >= in->nargs) return;
  an_client *cl = lk_add_client(c, AN_PROTO_HTTP, u, fn, i);
  bool lit;
  const char *url = lk_template(c, u, fn, i, in->args[in->fact_url], &lit);
  cl = &c->self->clients.items[c->self->clients.len - 1];
  cl->url = url;
  const char *last = lk_last(in->callee);
  char method[16] = "*";
  static const struct {
    const char *suffix, *method;
  } java_methods[] = {{"postforobject", "POST"},   {"postforentity", "POST"},
                      {"postforlocation", "POST"}, {"getforobject", "GET"},
                      {"getforentity", "GET"},     {"patchforobject", "PATCH"}};
  if (lk_is_http_verb(last)) {
    for (size_t n = 0; last[n] && n < sizeof method - 1; n++)
      method[n] = (char)toupper((unsigned char)last[n]), method[n + 1] = 0;
  } else if (strcmp(in->callee, "fetch") == 0) {
    snprintf(method, sizeof method, "GET");
  } else if (strcmp(in->callee, "http.NewRequest") == 0 ||
             strcmp(in->callee, "http.NewRequestWithContext") == 0) {
    const char *m = lk_const_at(fn, i, in->args[in->fact_url - 1]);
    snprintf(method, sizeof method, "%s", m ? m : "*");
  } else if (strcmp(in->callee, "http.PostForm") == 0) {
    snprintf(method, sizeof method, "POST");
  }
  for (size_t k = 0; k < sizeof java_methods / sizeof *java_methods; k++)
    if (strcasecmp(last, java_methods[k].suffix) == 0)
      snprintf(method, sizeof method, "%s", java_methods[k].method);
  /* fetch(url, {method: "POST", body: ...}) */
  if (strcmp(in->callee, "fetch") == 0 && in->nargs >= 2) {
    for (uint32_t b = 0; b < i; b++) {
      const ir_inst *s = &fn->insts[b];
      if (s->op != IR_STORE || s->obj != in->args[1] || !s->field) continue;
      if (strcmp(s->field, "method") == 0) {
        const char *m = lk_const_at(fn, b, s->args[0]);
        if (m)
          for (size_t n = 0; m[n] && n < sizeof method - 1; n++)
            method[n] = (char)toupper((unsigned char)m[n]), method[n + 1] = 0;
      }
    }
    cl->payload_arg = 1;
    cl->payload_field = "body";
  }
  cl->method = lk_str(c, method);
  /* The payload. */
  static const char *const py_payload[] = {"json", "data", NULL};
  if (cl->payload_arg < 0) {
    int32_t kw = lk_kwarg(in, py_payload);
    bool body_verb =
        strcmp(method, "POST") == 0 || strcmp(method, "PUT") == 0 || strcmp(method, "PATCH") == 0;
    if (kw >= 0)
      cl->payload_arg = kw;
    else if (strcmp(u->lang, "go") == 0 && strncmp(in->callee, "http.", 5) == 0 &&
             in->nargs >= (uint32_t)in->fact_url + 2)
      cl->payload_arg =
          (int32_t)in->nargs - 1; /* Post(url, ctype, body), NewRequest(m, url, body) */
    else if (body_verb && (uint32_t)in->fact_url + 1 < in->nargs && !in->argnames)
      cl->payload_arg = in->fact_url + 1;
  }
  /* scheme://host[:port]/path */
  const char *p = strstr(url, "://");
  if (!p || strncmp(p + 3, "{}", 2) == 0) {
    cl->state = AN_LINK_UNRESOLVED;
    return;
  }
  const char *h = p + 3;
  size_t hn = strcspn(h, ":/?#");
  char host[256];
  snprintf(host, sizeof host, "%.*s", (int)(hn < 255 ? hn : 255), h);
  cl->host = lk_str(c, host);
  const char *rest = h + hn;
  if (*rest == ':') rest += strcspn(rest, "/?#");
  char norm[1024];
  an_link_normalise_path(*rest ? rest : "/", norm, sizeof norm);
  cl->target = lk_str(c, norm);
  cl->target_service = lk_str(c, lk_host_service(c, host));
  cl->state = cl->target_service ? AN_LINK_UNMATCHED : AN_LINK_EXTERNAL;
}

/* The call that produced value v in fn (or at module level), or NULL. */
static const ir_inst *lk_producer(const ir_unit *u, const ir_func *fn, uint32_t i, const char *v) {
  for (uint32_t b = i; b-- > 0;)
    if (fn->insts[b].dst == v) return fn->insts[b].op == IR_CALL ? &fn->insts[b] : NULL;
  const ir_func *m = lk_module_func(u);
  if (m && m != fn)
    for (uint32_t b = m->ninsts; b-- > 0;)
      if (m->insts[b].dst == v) return m->insts[b].op == IR_CALL ? &m->insts[b] : NULL;
  return NULL;
}

/* Does the stub constructor name the service: BillingStub(...) (Python),
 * NewBillingClient(...) (Go), BillingGrpc.newBlockingStub(...) (Java)? */
static bool lk_stub_of(const char *callee, const char *svc) {
  char a[256], b[256];
  const char *last = lk_last(callee);
  snprintf(a, sizeof a, "%sStub", svc);
  snprintf(b, sizeof b, "New%sClient", svc);
  if (strcmp(last, a) == 0 || strcmp(last, b) == 0) return true;
  snprintf(a, sizeof a, "%sGrpc.", svc);
  const char *g = strstr(callee, a);
  return g && (strcmp(last, "newBlockingStub") == 0 || strcmp(last, "newStub") == 0 ||
               strcmp(last, "newFutureStub") == 0);
}

static void lk_grpc_client(lk_ctx *c, ir_unit *u, ir_func *fn, uint32_t i) {
  const ir_inst *in = &fn->insts[i];
  if (!c->protos || !in->obj) return;
  const ir_inst *mk = lk_producer(u, fn, i, in->obj);
  if (!mk) return;
  const char *last = lk_last(in->callee);
  bool java = strcmp(u->lang, "java") == 0, go = strcmp(u->lang, "go") == 0;
  size_t ns = 0;
  const an_proto_service *svcs = an_proto_services(c->protos, &ns);
  for (size_t s = 0; s < ns; s++) {
    if (!lk_stub_of(mk->callee, svcs[s].name)) continue;
    for (uint32_t m = 0; m < svcs[s].nmethods; m++) {
      const char *pm = svcs[s].methods[m].name;
      bool same = java ? strlen(last) == strlen(pm) &&
                             tolower((unsigned char)last[0]) == tolower((unsigned char)pm[0]) &&
                             strcmp(last + 1, pm + 1) == 0
                       : strcmp(last, pm) == 0;
      if (!same) continue;
      an_client *cl = lk_add_client(c, AN_PROTO_GRPC, u, fn, i);
      cl->target = lk_str(c, svcs[s].methods[m].full_name);
      cl->payload_arg = go ? 1 : 0;
      if ((uint32_t)cl->payload_arg >= in->nargs) cl->payload_arg = -1;
      cl->state = AN_LINK_UNMATCHED;
      return;
    }
  }
}

static void lk_queue_client(lk_ctx *c, ir_unit *u, ir_func *fn, uint32_t i) {
  const ir_inst *in = &fn->insts[i];
  if (!in->obj || in->nargs < 2) return;
  const char *last = lk_last(in->callee);
  bool go = strcmp(u->lang, "go") == 0, py = strcmp(u->lang, "python") == 0;
  const char *broker = NULL;
  uint32_t topic = 0;
  int32_t payload = 1;
  char low[256];
  size_t n = 0;
  for (const char *p = in->callee; *p && n < sizeof low - 1; p++)
    low[n++] = (char)tolower((unsigned char)*p);
  low[n] = 0;
  if (strcmp(last, "publish") == 0 || strcmp(last, "Publish") == 0) {
    broker = "redis";
    if (go) topic = 1, payload = 2;
  } else if (strcmp(last, "send") == 0 &&
             (strstr(low, "producer") || strstr(low, "kafkatemplate"))) {
    broker = "kafka";
    static const char *const value[] = {"value", NULL};
    int32_t kw = py ? lk_kwarg(in, value) : -1;
    payload = kw >= 0 ? kw : (int32_t)in->nargs - 1;
  } else if (strcmp(last, "convertAndSend") == 0 || strcmp(last, "sendToQueue") == 0) {
    broker = "amqp";
    payload = (int32_t)in->nargs - 1;
  } else if (strcmp(last, "basic_publish") == 0 && py) {
    static const char *const rk[] = {"routing_key", NULL}, *const body[] = {"body", NULL};
    int32_t t = lk_kwarg(in, rk), b = lk_kwarg(in, body);
    if (t < 0 || b < 0) return;
    broker = "amqp";
    topic = (uint32_t)t;
    payload = b;
  }
  if (!broker || topic >= in->nargs || payload < 0 || (uint32_t)payload >= in->nargs) return;
  bool lit;
  const char *t = lk_template(c, u, fn, i, in->args[topic], &lit);
  an_client *cl = lk_add_client(c, AN_PROTO_QUEUE, u, fn, i);
  cl->method = broker;
  cl->payload_arg = payload;
  cl->target = lit ? t : NULL;
  cl->url = t;
  cl->state = lit ? AN_LINK_UNMATCHED : AN_LINK_UNRESOLVED;
}

/* ---- matching --------------------------------------------------------------- */

/* How well an endpoint's template matches a client's path: -1 no match,
 * else the number of literal segments (the more, the more specific). */
static int lk_path_score(const char *tmpl, const char *path) {
  int score = 0;
  for (;;) {
    while (*tmpl == '/')
      tmpl++;
    while (*path == '/')
      path++;
    if (!*tmpl || !*path) return !*tmpl && !*path ? score : -1;
    size_t tn = strcspn(tmpl, "/"), pn = strcspn(path, "/");
    bool tparam = tn == 2 && strncmp(tmpl, "{}", 2) == 0;
    bool phole = strstr(path, "{}") && (size_t)(strstr(path, "{}") - path) < pn;
    if (tparam) {
      /* any segment */
    } else if (phole || tn != pn || strncmp(tmpl, path, tn) != 0) {
      return -1;
    } else {
      score++;
    }
    tmpl += tn;
    path += pn;
  }
}

static void lk_set_endpoints(lk_ctx *c, an_client *cl, const uint32_t *idx, uint32_t n) {
  cl->endpoints = as_arena_alloc(c->self->arena, (n ? n : 1) * sizeof(uint32_t));
  if (n) memcpy(cl->endpoints, idx, n * sizeof(uint32_t));
  cl->nendpoints = n;
}

static void lk_match(lk_ctx *c, an_client *cl) {
  an_links *L = c->self;
  AS_ARRAY(uint32_t) hits = {0};
  int best = -1;
  for (size_t e = 0; e < L->endpoints.len; e++) {
    const an_endpoint *ep = &L->endpoints.items[e];
    if (ep->protocol != cl->protocol) continue;
    if (cl->protocol == AN_PROTO_HTTP) {
      if (!cl->target_service || strcmp(ep->service, cl->target_service) != 0) continue;
      if (strcmp(ep->method, "*") != 0 && strcmp(cl->method, "*") != 0 &&
          strcmp(ep->method, cl->method) != 0)
        continue;
      int s = lk_path_score(ep->target, cl->target);
      if (s < 0 || s < best) continue;
      if (s > best) hits.len = 0;
      best = s;
    } else if (cl->protocol == AN_PROTO_GRPC) {
      if (strcmp(ep->target, cl->target) != 0) continue;
    } else {
      if (strcmp(ep->method, cl->method) != 0 || strcmp(ep->target, cl->target) != 0) continue;
    }
    as_array_push(&hits, (uint32_t)e);
  }
  lk_set_endpoints(c, cl, hits.items, (uint32_t)hits.len);
  char msg[2048];
  if (hits.len == 1 || (hits.len > 1 && cl->protocol == AN_PROTO_QUEUE)) {
    cl->state = AN_LINK_MATCHED;
    if (cl->protocol == AN_PROTO_GRPC)
      cl->target_service = L->endpoints.items[hits.items[0]].service;
    for (size_t k = 0; k < hits.len; k++)
      L->endpoints.items[hits.items[k]].nclients++;
  } else if (hits.len > 1) {
    cl->state = AN_LINK_AMBIGUOUS;
    as_buf b = {0};
    for (size_t k = 0; k < hits.len; k++) {
      const an_endpoint *ep = &L->endpoints.items[hits.items[k]];
      as_buf_printf(&b, "%s%s (%s %s, %s:%u)", k ? ", " : "", ep->handler_qname,
                    ep->method ? ep->method : "rpc", ep->display, ep->path, ep->line);
    }
    snprintf(msg, sizeof msg,
             "%s %s %s matches %zu endpoints equally well: %s; no flow is followed across it",
             an_protocol_name(cl->protocol), cl->method ? cl->method : "call",
             cl->url ? cl->url : cl->target, hits.len, b.data);
    as_buf_free(&b);
    lk_diag(c, AS_DIAG_WARNING, cl->path, cl->line, "link-ambiguous", msg);
  } else {
    if (cl->protocol == AN_PROTO_HTTP)
      snprintf(msg, sizeof msg, "http %s %s: the service %s has no endpoint %s %s", cl->method,
               cl->url, cl->target_service, cl->method, cl->target);
    else if (cl->protocol == AN_PROTO_GRPC)
      snprintf(msg, sizeof msg, "grpc %s: no service of the repository implements it", cl->target);
    else
      snprintf(msg, sizeof msg, "queue %s '%s': no service of the repository consumes it",
               cl->method, cl->target);
    lk_diag(c, AS_DIAG_WARNING, cl->path, cl->line, "link-unmatched", msg);
  }
  as_array_free(&hits);
}

/* ---- the whole repository ---------------------------------------------------- */

an_links *an_link_build(const an_link_service *services, size_t nservices, const an_deploy *deploy,
                        const an_proto_set *protos) {
  an_links *self = as_calloc(1, sizeof(*self));
  self->arena = as_arena_new();
  lk_ctx c = {0};
  c.self = self;
  c.services = services;
  c.nservices = nservices;
  c.deploy = deploy;
  c.protos = protos;
  for (size_t s = 0; s < nservices; s++) {
    c.svc = &services[s];
    c.mounts.len = 0;
    for (size_t k = 0; k < c.svc->nunits; k++)
      for (uint32_t f = 0; !c.svc->units[k]->failed && f < c.svc->units[k]->nfuncs; f++)
        lk_mounts(&c, c.svc->units[k], c.svc->units[k]->funcs[f]);
    for (size_t k = 0; k < c.svc->nunits; k++) {
      ir_unit *u = c.svc->units[k];
      if (u->failed) continue;
      for (uint32_t f = 0; f < u->nfuncs; f++) {
        lk_decorated(&c, u, u->funcs[f]);
        lk_python_consumers(&c, u, u->funcs[f]);
        lk_registrations(&c, u, u->funcs[f]);
      }
    }
    lk_grpc_servers(&c);
  }
  for (size_t s = 0; s < nservices; s++) {
    c.svc = &services[s];
    for (size_t k = 0; k < c.svc->nunits; k++) {
      ir_unit *u = c.svc->units[k];
      if (u->failed) continue;
      for (uint32_t f = 0; f < u->nfuncs; f++) {
        ir_func *fn = u->funcs[f];
        for (uint32_t i = 0; i < fn->ninsts; i++) {
          const ir_inst *in = &fn->insts[i];
          if (in->op != IR_CALL) continue;
          size_t before = self->clients.len;
          if (in->fact == IR_FACT_SINK && in->sink_kind == IR_SINK_EXTERNAL)
            lk_http_client(&c, u, fn, i);
          if (self->clients.len == before && in->fact == IR_FACT_NONE) lk_grpc_client(&c, u, fn, i);
          if (self->clients.len == before && in->fact == IR_FACT_NONE)
            lk_queue_client(&c, u, fn, i);
        }
      }
    }
  }
  as_array_free(&c.mounts);
  for (size_t k = 0; k < self->clients.len; k++) {
    an_client *cl = &self->clients.items[k];
    if (cl->state != AN_LINK_UNMATCHED) continue;
    c.svc = NULL;
    lk_match(&c, cl);
  }
  return self;
}

void an_links_delete(an_links *self) {
  if (!self) return;
  as_array_free(&self->endpoints);
  as_array_free(&self->clients);
  as_array_free(&self->diags);
  as_ptrmap_free(&self->client_at);
  as_ptrmap_free(&self->endpoint_of);
  as_arena_delete(self->arena);
  free(self);
}

size_t an_links_nendpoints(const an_links *self) {
  return self ? self->endpoints.len : 0;
}

const an_endpoint *an_links_endpoint(const an_links *self, size_t i) {
  return &self->endpoints.items[i];
}

size_t an_links_nclients(const an_links *self) {
  return self ? self->clients.len : 0;
}

const an_client *an_links_client(const an_links *self, size_t i) {
  return &self->clients.items[i];
}

const an_client *an_links_client_at(const an_links *self, const ir_func *fn, uint32_t inst) {
  if (!self || inst >= fn->ninsts) return NULL;
  uintptr_t k = (uintptr_t)as_ptrmap_get(&self->client_at, &fn->insts[inst]);
  return k ? &self->clients.items[k - 1] : NULL;
}

const an_endpoint *an_links_endpoint_of(const an_links *self, const ir_func *fn) {
  if (!self) return NULL;
  uintptr_t k = (uintptr_t)as_ptrmap_get(&self->endpoint_of, fn);
  return k ? &self->endpoints.items[k - 1] : NULL;
}

size_t an_links_ndiags(const an_links *self) {
  return self ? self->diags.len : 0;
}

const as_diag *an_links_diag(const an_links *self, size_t i) {
  return &self->diags.items[i];
}
