/* models.c — loading the model table and attaching facts to calls. */
#include "models.h"
#include "catalogue.h"

#include <ctype.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

extern const char an_builtin_models[];

typedef enum {
  AN_MODEL_SINK,
  AN_MODEL_SANITIZER,
  AN_MODEL_SANITIZER_WORD,
  AN_MODEL_PROPAGATE,
  AN_MODEL_MUTATE_RECV,
  AN_MODEL_HANDLER,
  AN_MODEL_SQL,     /* the call runs SQL: arg=N is its text */
  AN_MODEL_KV,      /* a key-value command: arg=N is the key (format=N: a hiredis format) */
  AN_MODEL_MAKES,   /* what matches makes an object of model type type= */
  AN_MODEL_OPAQUE,  /* the call's result carries none of its arguments (a client's response) */
  AN_MODEL_CARRIES, /* the call's result carries its arguments (formatting, encoding, copying) */
} an_model_kind;

static const struct {
  const char *name;
  ir_sink_kind kind;
} an_models__sinks[] = {
    {"sink-log", IR_SINK_LOG},
    {"sink-stdout", IR_SINK_STDOUT},
    {"sink-file", IR_SINK_FILE},
    {"sink-response", IR_SINK_RESPONSE},
    {"sink-external", IR_SINK_EXTERNAL},
    {"sink-third-party", IR_SINK_THIRD_PARTY},
    {"sink-db-write", IR_SINK_DB_WRITE},
    {"sink-cookie", IR_SINK_COOKIE},
    {"sink-exception", IR_SINK_EXCEPTION},
};

static const char *const an_models__langs[] = {"python", "c", "javascript", "go", "java"};

typedef struct an_model {
  char lang[16]; /* "javascript" needs 11 bytes */
  an_model_kind kind;
  ir_sink_kind sink_kind;
  char *pattern; /* glob, lowercase; or the word for SANITIZER_WORD */
  int from, to, only, stream, url, arg;
  bool format;
  bool recv_data;
  bool on_store; /* the pattern matches an assignment target "obj.field" */
  char *vendor, *category;
  char *type;       /* makes: the model type made, lowercase ("logging.logger") */
  char *stream_key; /* stream=NAME: the keyword argument naming the stream (print's file=) */
  char **recv;      /* NULL-terminated globs, or NULL */
} an_model;

/* Models are tried in file order, first match wins. To avoid running every
 * glob on every call, models whose pattern ends in a literal name ("*.info",
 * "print") are indexed by that name: a call only tries the models keyed by its
 * own last name part, merged in file order with the models that have no such
 * key (globs in the last part, sanitizer words). */
typedef struct an_model_key {
  const char *key; /* points into the model's pattern */
  uint32_t index;
} an_model_key;

struct an_models {
  AS_ARRAY(an_model) models;
  AS_ARRAY(an_model_key) keyed; /* sorted by (key, index) */
  AS_ARRAY(uint32_t) general;   /* ascending */
  AS_ARRAY(uint32_t) stores;    /* on=store sink models, ascending */
  AS_ARRAY(uint32_t) makers;    /* makes models, ascending */
};

static int an_models__key_cmp(const void *a, const void *b) {
  const an_model_key *x = a, *y = b;
  int c = strcmp(x->key, y->key);
  return c ? c : (x->index > y->index) - (x->index < y->index);
}

static void an_models__reindex(an_models *self) {
  self->keyed.len = self->general.len = self->stores.len = self->makers.len = 0;
  for (size_t i = 0; i < self->models.len; i++) {
    const an_model *m = &self->models.items[i];
    if (m->on_store && m->kind == AN_MODEL_SINK) as_array_push(&self->stores, (uint32_t)i);
    if (m->kind == AN_MODEL_MAKES) as_array_push(&self->makers, (uint32_t)i);
    if (m->kind == AN_MODEL_HANDLER || m->kind == AN_MODEL_MAKES || m->on_store) continue;
    const char *dot = strrchr(m->pattern, '.');
    const char *last = dot ? dot + 1 : m->pattern;
    if (m->kind != AN_MODEL_SANITIZER_WORD && *last && !strpbrk(last, "*?[\\")) {
      an_model_key k = {last, (uint32_t)i};
      as_array_push(&self->keyed, k);
    } else {
      as_array_push(&self->general, (uint32_t)i);
    }
  }
  if (self->keyed.len)
    qsort(self->keyed.items, self->keyed.len, sizeof(an_model_key), an_models__key_cmp);
}

an_models *an_models_new_empty(void) {
  return as_calloc(1, sizeof(an_models));
}

an_models *an_models_new_default(void) {
  an_models *self = an_models_new_empty();
  char err[256];
  if (an_models_add_text(self, an_builtin_models, "models.tsv", err, sizeof err) != 0)
    as_die("built-in models: %s", err);
  return self;
}

static void an_models__free_model(an_model *m) {
  free(m->pattern);
  free(m->vendor);
  free(m->category);
  free(m->type);
  free(m->stream_key);
  if (m->recv)
    for (char **r = m->recv; *r; r++)
      free(*r);
  free(m->recv);
}

void an_models_delete(an_models *self) {
  if (!self) return;
  for (size_t i = 0; i < self->models.len; i++)
    an_models__free_model(&self->models.items[i]);
  as_array_free(&self->models);
  as_array_free(&self->keyed);
  as_array_free(&self->general);
  as_array_free(&self->stores);
  as_array_free(&self->makers);
  free(self);
}

size_t an_models_count(const an_models *self) {
  return self->models.len;
}

typedef AS_ARRAY(char *) an_strvec;

/* Expand one {a,b,c} group of pattern into out (malloc'd strings). */
static void an_models__expand(const char *pat, an_strvec *out) {
  const char *lb = strchr(pat, '{'), *rb = lb ? strchr(lb, '}') : NULL;
  if (!lb || !rb) {
    char *p = as_strdup(pat);
    for (char *c = p; *c; c++)
      *c = (char)tolower((unsigned char)*c);
    as_array_push(out, p);
    return;
  }
  const char *alt = lb + 1;
  while (alt <= rb) {
    const char *end = alt;
    while (end < rb && *end != ',')
      end++;
    char *p = as_sprintf("%.*s%.*s%s", (int)(lb - pat), pat, (int)(end - alt), alt, rb + 1);
    an_strvec sub = {0};
    an_models__expand(p, &sub); /* a second group in the rest */
    for (size_t i = 0; i < sub.len; i++)
      as_array_push(out, sub.items[i]);
    as_array_free(&sub);
    free(p);
    alt = end + 1;
  }
}

static int an_models__int(const char *v, int *out) {
  char *end;
  long n = strtol(v, &end, 10);
  if (*v == 0 || *end != 0 || n < 0 || n > 254) return -1;
  *out = (int)n;
  return 0;
}

int an_models_add_text(an_models *self, const char *text, const char *origin, char *err,
                       size_t errlen) {
  AS_ARRAY(an_model) added = {0};
  int line = 0;
  const char *p = text;
  int rc = 0;
  while (*p && rc == 0) {
    line++;
    const char *eol = strchr(p, '\n');
    size_t n = eol ? (size_t)(eol - p) : strlen(p);
    char *buf = as_strndup(p, n);
    p += n + (eol ? 1 : 0);
    char *hash = strchr(buf, '#');
    if (hash) *hash = 0;
    char *fields[16];
    int nf = 0;
    for (char *tok = strtok(buf, " \t\r"); tok && nf < 16; tok = strtok(NULL, " \t\r"))
      fields[nf++] = tok;
    if (nf == 0) {
      free(buf);
      continue;
    }
#define BAD(...)                                                                                   \
  do {                                                                                             \
    int k_ = snprintf(err, errlen, "%s:%d: ", origin, line);                                       \
    if (k_ >= 0 && (size_t)k_ < errlen) snprintf(err + k_, errlen - (size_t)k_, __VA_ARGS__);      \
    rc = -1;                                                                                       \
  } while (0)
    an_model m = {0};
    m.from = 0;
    m.to = 255;
    m.only = -1;
    m.stream = -1;
    m.url = -1;
    bool lang_ok = false;
    for (size_t i = 0; nf >= 1 && i < sizeof an_models__langs / sizeof *an_models__langs; i++)
      lang_ok |= strcmp(fields[0], an_models__langs[i]) == 0;
    if (nf < 3) {
      BAD("expected LANG KIND PATTERN");
    } else if (!lang_ok) {
      BAD("unknown language '%s' (python, c, javascript, go or java)", fields[0]);
    } else {
      snprintf(m.lang, sizeof m.lang, "%s", fields[0]);
      const char *k = fields[1];
      bool sink = false;
      for (size_t i = 0; i < sizeof an_models__sinks / sizeof *an_models__sinks; i++)
        if (strcmp(k, an_models__sinks[i].name) == 0) {
          m.kind = AN_MODEL_SINK;
          m.sink_kind = an_models__sinks[i].kind;
          sink = true;
        }
      if (sink)
        ;
      else if (strcmp(k, "sanitizer") == 0)
        m.kind = AN_MODEL_SANITIZER;
      else if (strcmp(k, "sanitizer-word") == 0)
        m.kind = AN_MODEL_SANITIZER_WORD;
      else if (strcmp(k, "propagate") == 0)
        m.kind = AN_MODEL_PROPAGATE, m.to = -1;
      else if (strcmp(k, "mutate-receiver") == 0)
        m.kind = AN_MODEL_MUTATE_RECV;
      else if (strcmp(k, "handler") == 0)
        m.kind = AN_MODEL_HANDLER;
      else if (strcmp(k, "sql") == 0)
        m.kind = AN_MODEL_SQL, m.arg = -1;
      else if (strcmp(k, "kv") == 0)
        m.kind = AN_MODEL_KV, m.arg = -1;
      else if (strcmp(k, "makes") == 0)
        m.kind = AN_MODEL_MAKES;
      else if (strcmp(k, "opaque-result") == 0)
        m.kind = AN_MODEL_OPAQUE;
      else if (strcmp(k, "carries") == 0)
        m.kind = AN_MODEL_CARRIES;
      else
        BAD("unknown kind '%s'", k);
      for (int i = 3; i < nf && rc == 0; i++) {
        char *eq = strchr(fields[i], '=');
        if (!eq) {
          BAD("option '%s' is not NAME=VALUE", fields[i]);
          break;
        }
        *eq = 0;
        const char *v = eq + 1;
        int num = 0;
        if (strcmp(fields[i], "recv") == 0) {
          size_t cnt = 1;
          for (const char *c = v; *c; c++)
            cnt += *c == ',';
          free(m.recv);
          m.recv = as_calloc(cnt + 1, sizeof(char *));
          size_t j = 0;
          char *copy = as_strdup(v), *save = NULL;
          for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save))
            m.recv[j++] = as_strdup(t);
          free(copy);
        } else if (strcmp(fields[i], "vendor") == 0) {
          free(m.vendor);
          m.vendor = as_strdup(v);
        } else if (strcmp(fields[i], "category") == 0) {
          free(m.category);
          m.category = as_strdup(v);
        } else if (strcmp(fields[i], "type") == 0) {
          free(m.type);
          m.type = as_strdup(v);
          for (char *c = m.type; *c; c++)
            *c = (char)tolower((unsigned char)*c);
        } else if (strcmp(fields[i], "stream") == 0 && isalpha((unsigned char)*v)) {
          free(m.stream_key);
          m.stream_key = as_strdup(v);
        } else if (strcmp(fields[i], "on") == 0) {
          if (strcmp(v, "store") != 0) BAD("option on takes 'store', not '%s'", v);
          m.on_store = true;
        } else if (strcmp(fields[i], "data") == 0) {
          if (strcmp(v, "recv") != 0) BAD("option data takes 'recv', not '%s'", v);
          m.recv_data = true;
        } else if (an_models__int(v, &num) != 0) {
          BAD("option %s needs a small number, not '%s'", fields[i], v);
        } else if (strcmp(fields[i], "from") == 0)
          m.from = num;
        else if (strcmp(fields[i], "to") == 0)
          m.to = num;
        else if (strcmp(fields[i], "only") == 0)
          m.only = num;
        else if (strcmp(fields[i], "stream") == 0)
          m.stream = num;
        else if (strcmp(fields[i], "url") == 0)
          m.url = num;
        else if (strcmp(fields[i], "arg") == 0)
          m.arg = num;
        else if (strcmp(fields[i], "format") == 0)
          m.arg = num, m.format = true;
        else
          BAD("unknown option '%s'", fields[i]);
      }
      if (rc == 0 && m.kind == AN_MODEL_PROPAGATE && m.to < 0) BAD("propagate needs to=N");
      if (rc == 0 && (m.kind == AN_MODEL_SQL || m.kind == AN_MODEL_KV) && m.arg < 0)
        BAD("%s needs arg=N%s", k, m.kind == AN_MODEL_KV ? " or format=N" : "");
      if (rc == 0 && m.kind == AN_MODEL_SINK && m.sink_kind == IR_SINK_THIRD_PARTY && !m.vendor)
        BAD("sink-third-party needs vendor=NAME");
      if (rc == 0 && m.kind == AN_MODEL_MAKES && !m.type) BAD("makes needs type=T");
      if (rc == 0 && m.kind != AN_MODEL_MAKES && m.type) BAD("type= is an option of makes");
    }
    if (rc == 0) { /* groups do not nest: {a.{b,c}} would expand to nonsense */
      int open = 0;
      for (const char *c = fields[2]; *c && rc == 0; c++) {
        if (*c == '{' && open++) BAD("nested {...} in pattern '%s'", fields[2]);
        if (*c == '}' && --open < 0) BAD("unbalanced } in pattern '%s'", fields[2]);
      }
      if (rc == 0 && open) BAD("unbalanced { in pattern '%s'", fields[2]);
    }
    if (rc == 0) {
      an_strvec pats = {0};
      an_models__expand(fields[2], &pats);
      for (size_t i = 0; i < pats.len; i++) {
        an_model c = m;
        c.pattern = pats.items[i];
        c.vendor = m.vendor ? as_strdup(m.vendor) : NULL;
        c.category = m.category ? as_strdup(m.category) : NULL;
        c.type = m.type ? as_strdup(m.type) : NULL;
        c.stream_key = m.stream_key ? as_strdup(m.stream_key) : NULL;
        if (m.recv) { /* each expansion owns its copy */
          size_t cnt = 0;
          while (m.recv[cnt])
            cnt++;
          c.recv = as_calloc(cnt + 1, sizeof(char *));
          for (size_t j = 0; j < cnt; j++)
            c.recv[j] = as_strdup(m.recv[j]);
        }
        as_array_push(&added, c);
      }
      as_array_free(&pats);
    }
    if (m.recv) {
      for (char **r = m.recv; *r; r++)
        free(*r);
      free(m.recv);
    }
    free(m.vendor);
    free(m.category);
    free(m.type);
    free(m.stream_key);
    free(buf);
#undef BAD
  }
  if (rc != 0) {
    for (size_t i = 0; i < added.len; i++)
      an_models__free_model(&added.items[i]);
  } else {
    for (size_t i = 0; i < added.len; i++)
      as_array_push(&self->models, added.items[i]);
    an_models__reindex(self);
  }
  as_array_free(&added);
  return rc;
}

/* ---- applying ------------------------------------------------------------- */

static const char *an_models__last_part(const char *callee) {
  const char *dot = strrchr(callee, '.');
  return dot ? dot + 1 : callee;
}

static void an_models__lower(const char *s, char *out, size_t cap) {
  size_t i = 0;
  for (; s[i] && i + 1 < cap; i++)
    out[i] = (char)tolower((unsigned char)s[i]);
  out[i] = 0;
}

/* Models written for javascript apply to TypeScript too. */
static bool an_models__applies(const char *model_lang, const char *unit_lang) {
  if (model_lang[0] != unit_lang[0] && !(model_lang[0] == 'j' && unit_lang[0] == 't')) return false;
  return strcmp(model_lang, unit_lang) == 0 ||
         (strcmp(model_lang, "javascript") == 0 && strcmp(unit_lang, "typescript") == 0);
}

/* ---- what produced a receiver (recv=) ----------------------------------------------------- */

/* The last instruction before i of fn that writes v, or NULL. */
static const ir_inst *an_models__def(const ir_func *fn, uint32_t i, const char *v, uint32_t *at) {
  while (i-- > 0) {
    if (fn->insts[i].dst == v) {
      if (at) *at = i;
      return &fn->insts[i];
    }
  }
  return NULL;
}

/* The class a method belongs to ("Store" for "Store.put"), into buf; false
 * for a free function. */
static bool an_models__class_of(const ir_func *fn, char *buf, size_t cap) {
  const char *dot = strrchr(fn->name, '.');
  if (!dot || (size_t)(dot - fn->name) >= cap) return false;
  memcpy(buf, fn->name, (size_t)(dot - fn->name));
  buf[dot - fn->name] = 0;
  return true;
}

/* Is v the object a method of its class is called on (self, this, Go's receiver)? */
static bool an_models__is_self(const ir_unit *u, const ir_func *fn, const char *v) {
  if (u->lang[0] == 'p')
    return fn->nparams && strcmp(v, fn->params[0]) == 0 && strcmp(v, "self") == 0;
  if (u->lang[0] == 'g')
    return fn->nparams && strcmp(v, fn->params[0]) == 0 && strchr(fn->name, '.');
  return strcmp(v, "this") == 0;
}

static const ir_record *an_models__record(const ir_unit *u, const char *cls) {
  for (uint32_t r = 0; r < u->nrecords; r++)
    if (strcmp(u->records[r]->name, cls) == 0) return u->records[r];
  return NULL;
}

/* What field_origin found for one (class, field) of the unit: a unit with
 * many calls on self.kv looks through its functions once. */
/* Where a call is: instruction at of fn. */
typedef struct an_models__site {
  const ir_func *fn;
  uint32_t at;
} an_models__site;

typedef struct an_models__field_memo {
  char cls[128];
  const char *field; /* interned */
  const char *callee;
  an_models__site site; /* where callee is called */
  char type[160];
} an_models__field_memo;
typedef AS_ARRAY(an_models__field_memo) an_models__memo;

static const char *an_models__origin(an_models__memo *memo, const ir_unit *u, const ir_func *fn,
                                     uint32_t i, const char *v, int depth, char *type, size_t cap,
                                     an_models__site *site);

/* What the unit stores into field of an object of class cls: the callee of
 * the call whose result a method of cls stores in self.field (this.field, a
 * Java field initialiser), or a function stores in the field of a composite
 * literal of cls (Go's &Svc{kv: redis.NewClient()}); else NULL with the
 * field's declared type in type. */
static const char *an_models__field_search(an_models__memo *memo, const ir_unit *u, const char *cls,
                                           const char *field, int depth, char *type, size_t cap,
                                           an_models__site *site) {
  size_t cl = strlen(cls);
  char init[300];
  snprintf(init, sizeof init, "<init %s>", cls);
  for (uint32_t f = 0; f < u->nfuncs; f++) {
    const ir_func *g = u->funcs[f];
    bool method = strncmp(g->name, cls, cl) == 0 && g->name[cl] == '.';
    for (uint32_t k = 0; k < g->ninsts; k++) {
      const ir_inst *s = &g->insts[k];
      if (s->op != IR_STORE || !s->field || !s->nargs || strcmp(s->field, field) != 0) continue;
      bool mine = method && an_models__is_self(u, g, s->obj);
      if (!mine) {
        const ir_inst *od = an_models__def(g, k, s->obj, NULL);
        mine = od && od->op == IR_CONST && od->text && strcmp(od->text, init) == 0;
      }
      if (!mine) continue;
      const char *c = an_models__origin(memo, u, g, k, s->args[0], depth + 1, NULL, 0, site);
      if (c) return c;
    }
  }
  const ir_record *r = an_models__record(u, cls);
  for (uint32_t k = 0; r && type && k < r->nfields; k++) {
    if (strcmp(r->fields[k].name, field) != 0 || !r->fields[k].type) continue;
    const char *t = r->fields[k].type;
    while (*t == '*' || *t == '&')
      t++;
    snprintf(type, cap, "new %s", t);
  }
  return NULL;
}

static const char *an_models__field_origin(an_models__memo *memo, const ir_unit *u, const char *cls,
                                           const char *field, int depth, char *type, size_t cap,
                                           an_models__site *site) {
  for (size_t k = 0; k < memo->len; k++) {
    const an_models__field_memo *e = &memo->items[k];
    if (e->field != field || strcmp(e->cls, cls) != 0) continue;
    if (type && !e->callee) snprintf(type, cap, "%s", e->type);
    if (site && e->callee) *site = e->site;
    return e->callee;
  }
  an_models__field_memo e = {.field = field};
  if (strlen(cls) >= sizeof e.cls) return NULL;
  memcpy(e.cls, cls, strlen(cls) + 1);
  e.callee = an_models__field_search(memo, u, cls, field, depth, e.type, sizeof e.type, &e.site);
  if (depth == 0) as_array_push(memo, e); /* a search cut short by depth is not the answer */
  if (type && !e.callee) snprintf(type, cap, "%s", e.type);
  if (site && e.callee) *site = e.site;
  return e.callee;
}

/* The callee of the call that produced v before instruction i of fn, as
 * written: followed through copies, through a field of the method's own
 * object (self.kv, this.kv, s.kv; a Java field named bare), and, for a name
 * fn never assigns, to the module's top level (a client made at import
 * time). NULL when no call produced it; then type may hold "new T" for a
 * field declared with type T, or the getter a Java load stands for
 * ("pool.getResource" for pool.resource). */
static const char *an_models__origin(an_models__memo *memo, const ir_unit *u, const ir_func *fn,
                                     uint32_t i, const char *v, int depth, char *type, size_t cap,
                                     an_models__site *site) {
  if (depth > 4 || !v) return NULL;
  uint32_t at = 0;
  const ir_inst *d = an_models__def(fn, i, v, &at);
  char cls[256];
  if (d) {
    if (d->op == IR_CALL) {
      if (site) site->fn = fn, site->at = at;
      return d->callee;
    }
    if (d->op == IR_COPY && d->nargs)
      return an_models__origin(memo, u, fn, at, d->args[0], depth + 1, type, cap, site);
    if (d->op == IR_LOAD && d->field && an_models__is_self(u, fn, d->obj) &&
        an_models__class_of(fn, cls, sizeof cls))
      return an_models__field_origin(memo, u, cls, d->field, depth, type, cap, site);
    /* logs.audit with import app.logs as logs: the imported module's value. */
    if (d->op == IR_LOAD && d->field && d->obj && d->obj[0] != '%' && type &&
        strcmp(u->lang, "java") != 0 && !an_models__def(fn, at, d->obj, NULL))
      for (uint32_t k = 0; k < u->nimports; k++)
        if (strcmp(u->imports[k].alias, d->obj) == 0) {
          snprintf(type, cap, "%s.%s", u->imports[k].target, d->field);
          return NULL;
        }
    /* Go's logger, err := cfg.Build(): the first result is what the call made. */
    if (d->op == IR_LOAD && d->field && d->obj && d->obj[0] == '%' && strcmp(d->field, "0") == 0 &&
        u->lang[0] == 'g')
      return an_models__origin(memo, u, fn, at, d->obj, depth + 1, type, cap, site);
    /* Java lowers pool.getResource() as a load of pool.resource: the getter. */
    if (d->op == IR_LOAD && d->field && d->obj && type && strcmp(u->lang, "java") == 0)
      snprintf(type, cap, "%s.get%c%s", d->obj, toupper((unsigned char)d->field[0]), d->field + 1);
    return NULL;
  }
  if (v[0] == '%') return NULL;
  for (uint32_t p = 0; p < fn->nparams; p++)
    if (strcmp(fn->params[p], v) == 0) return NULL;
  /* Java names its own fields bare. */
  if (strcmp(u->lang, "java") == 0 && an_models__class_of(fn, cls, sizeof cls)) {
    const ir_record *r = an_models__record(u, cls);
    for (uint32_t k = 0; r && k < r->nfields; k++)
      if (strcmp(r->fields[k].name, v) == 0)
        return an_models__field_origin(memo, u, cls, v, depth, type, cap, site);
  }
  for (uint32_t f = 0; f < u->nfuncs; f++) {
    const ir_func *top = u->funcs[f];
    if (top == fn || strcmp(top->name, "<module>") != 0) continue;
    const char *c = an_models__origin(memo, u, top, top->ninsts, v, depth + 1, type, cap, site);
    if (c || (type && type[0])) return c;
    break;
  }
  /* A name the file imports: the imported thing itself (from loguru import
   * logger is "loguru.logger"). */
  for (uint32_t k = 0; type && k < u->nimports; k++)
    if (strcmp(u->imports[k].alias, v) == 0) {
      snprintf(type, cap, "%s", u->imports[k].target);
      break;
    }
  return NULL;
}

/* callee with its first name resolved through the unit's imports
 * ("new Redis" with import Redis = ioredis: "new ioredis"), lowercased into
 * out; false when no import names it. */
static bool an_models__resolve_import(const ir_unit *u, const char *callee, char *out, size_t cap) {
  const char *s = callee, *pre = "";
  if (strncmp(s, "new ", 4) == 0) s += 4, pre = "new ";
  size_t n = strcspn(s, ".");
  for (uint32_t k = 0; k < u->nimports; k++) {
    const ir_import *im = &u->imports[k];
    if (strlen(im->alias) != n || strncmp(im->alias, s, n) != 0) continue;
    char tmp[512];
    snprintf(tmp, sizeof tmp, "%s%s%s", pre, im->target, s + n);
    an_models__lower(tmp, out, cap);
    return true;
  }
  return false;
}

/* ---- model types (makes) ------------------------------------------------------------------ */

/* Model types are made by the calls (and imported names, declared field
 * types) that makes models match, and by the methods of a typed object that
 * makes models written "<T>.method" match: a builder chain keeps or changes
 * the type at each link (zerolog.Info() is an event, its .Str() an event
 * too). A call on an object of type T is also matched as "<T>.method". */
typedef struct an_models__tctx {
  const an_models *self;
  const ir_unit *u;
  an_models__memo *memo;
  as_ptrmap calls;          /* const ir_inst * -> type, or an_models__notype */
  const as_ptrmap *exports; /* interned "module.name" -> type of the other units, or NULL */
} an_models__tctx;

static const char an_models__notype[] = "";

/* The type of the first makes model that matches one of the forms. */
static const char *an_models__makes(const an_models__tctx *t, const char *const *forms, size_t n) {
  for (size_t k = 0; k < t->self->makers.len; k++) {
    const an_model *m = &t->self->models.items[t->self->makers.items[k]];
    if (!an_models__applies(m->lang, t->u->lang)) continue;
    for (size_t c = 0; c < n; c++)
      if (forms[c][0] && fnmatch(m->pattern, forms[c], 0) == 0) return m->type;
  }
  return NULL;
}

static const char *an_models__value_type(an_models__tctx *t, const ir_func *fn, uint32_t i,
                                         const char *v, int depth);

/* The model type of what the call at instruction at of fn returns, or NULL. */
static const char *an_models__call_type(an_models__tctx *t, const ir_func *fn, uint32_t at,
                                        int depth) {
  const ir_inst *in = &fn->insts[at];
  void *known = as_ptrmap_get(&t->calls, in);
  if (known) return known == an_models__notype ? NULL : known;
  if (!t->self->makers.len) return NULL;
  *as_ptrmap_slot(&t->calls, in) = (void *)(uintptr_t)an_models__notype; /* a cycle has none */
  char low[256], res[256], typed[300] = "";
  an_models__lower(in->callee, low, sizeof low);
  if (!an_models__resolve_import(t->u, in->callee, res, sizeof res)) res[0] = 0;
  const char *rt = NULL;
  if (in->obj && depth < 8) {
    rt = an_models__value_type(t, fn, at, in->obj, depth + 1);
    if (rt) snprintf(typed, sizeof typed, "<%s>.%s", rt, an_models__last_part(low));
  }
  const char *forms[3] = {low, res, typed};
  const char *ty = an_models__makes(t, forms, 3);
  if (ty && strcmp(ty, "%") == 0) ty = rt; /* type=%: the receiver's own type (a child logger) */
  if (ty && ty[0] == '@' && depth < 8) {   /* type=@N: the type of what it wraps, argument N */
    uint32_t n = (uint32_t)atoi(ty + 1);
    ty = n < in->nargs ? an_models__value_type(t, fn, at, in->args[n], depth + 1) : NULL;
  }
  *as_ptrmap_slot(&t->calls, in) = (void *)(uintptr_t)(ty ? ty : an_models__notype);
  return ty;
}

/* The model type of value v before instruction i of fn, by what made it. */
static const char *an_models__value_type(an_models__tctx *t, const ir_func *fn, uint32_t i,
                                         const char *v, int depth) {
  if (!t->self->makers.len || !v) return NULL;
  char name[256] = "", low[256], res[256];
  an_models__site site = {0};
  const char *callee = an_models__origin(t->memo, t->u, fn, i, v, 0, name, sizeof name, &site);
  if (callee) return site.fn ? an_models__call_type(t, site.fn, site.at, depth) : NULL;
  if (!name[0]) return NULL;
  an_models__lower(name, low, sizeof low);
  if (!an_models__resolve_import(t->u, name, res, sizeof res)) res[0] = 0;
  const char *forms[2] = {low, res};
  const char *ty = an_models__makes(t, forms, 2);
  if (!ty && t->exports) { /* a value another file of the scan makes: from .logs import audit */
    ty = as_ptrmap_get(t->exports, as_intern_str(t->u->strings, name));
    /* Go names a package by its import path, the unit by its folder below
     * the module root: example.com/app/internal/logging.Audit is found as
     * internal/logging.Audit. */
    for (const char *p = name; !ty && t->u->lang[0] == 'g' && (p = strchr(p, '/')); p++)
      ty = as_ptrmap_get(t->exports, as_intern_str(t->u->strings, p + 1));
  }
  return ty;
}

const char *an_models_vendor_category(const an_models *self, const char *vendor) {
  for (size_t k = 0; k < self->models.len; k++) {
    const an_model *m = &self->models.items[k];
    if (m->vendor && m->category && strcmp(m->vendor, vendor) == 0) return m->category;
  }
  return NULL;
}

/* Is v, an argument of instruction i, standard output or error: named so
 * (C's stdout, Go's os.Stdout as the frontend writes it), or read as
 * sys.stdout / sys.stderr / process.stdout? */
static bool an_models__std_stream(const ir_func *fn, uint32_t i, const char *v) {
  if (!v) return false;
  if (strcmp(v, "stdout") == 0 || strcmp(v, "stderr") == 0) return true;
  const ir_inst *d = an_models__def(fn, i, v, NULL);
  return d && d->op == IR_LOAD && d->field &&
         (strcmp(d->field, "stdout") == 0 || strcmp(d->field, "stderr") == 0);
}

/* The first keyed model of a last name part. */
static size_t an_models__keyed_at(const an_models *self, const char *last) {
  size_t lo = 0, hi = self->keyed.len;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (strcmp(self->keyed.items[mid].key, last) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* Does a pattern name a model type ("<zap.logger>.info")? */
static bool an_models__typed_pattern(const char *pat) {
  if (pat[0] != '<' || strncmp(pat, "<expr>", 6) == 0) return false;
  const char *gt = strchr(pat, '>');
  return gt && gt[1] == '.';
}

static void an_models__apply(const an_models *self, ir_unit *unit, const as_ptrmap *exports);

void an_models_apply(const an_models *self, ir_unit *unit) {
  an_models__apply(self, unit, NULL);
}

/* What the module level of unit makes that other files can import, into
 * exports: "app.logs.audit" for audit = logging.getLogger("audit") in
 * app/logs.py, "logger" for module.exports = pino() in logger.js,
 * "logger.log" for exports.log = ... . True when something was added. */
static bool an_models__exports_of(const an_models *self, const ir_unit *u, as_ptrmap *exports) {
  const ir_func *top = NULL;
  for (uint32_t f = 0; f < u->nfuncs && !top; f++)
    if (strcmp(u->funcs[f]->name, "<module>") == 0) top = u->funcs[f];
  if (!top || !u->module) return false;
  an_models__memo memo = {0};
  an_models__tctx t = {self, u, &memo, {0}, exports};
  bool added = false;
  char key[512];
  for (uint32_t i = 0; i < top->ninsts; i++) {
    const ir_inst *in = &top->insts[i];
    const char *v = NULL;
    key[0] = 0;
    if (in->op == IR_STORE && in->nargs && in->field && strcmp(in->obj, "module") == 0 &&
        strcmp(in->field, "exports") == 0) {
      v = in->args[0];
      snprintf(key, sizeof key, "%s", u->module);
    } else if (in->op == IR_STORE && in->nargs && in->field && strcmp(in->obj, "exports") == 0) {
      v = in->args[0];
      snprintf(key, sizeof key, "%s.%s", u->module, in->field);
    } else if (in->dst && in->dst[0] != '%' && in->depth == 0 &&
               (in->op == IR_CALL || in->op == IR_COPY || in->op == IR_LOAD)) {
      v = in->dst;
      snprintf(key, sizeof key, "%s.%s", u->module, in->dst);
    }
    if (!v || !key[0]) continue;
    const char *ty = an_models__value_type(&t, top, v == in->dst ? i + 1 : i, v, 0);
    if (!ty) continue;
    void **slot = as_ptrmap_slot(exports, as_intern_str(u->strings, key));
    if (!*slot) {
      *slot = (void *)(uintptr_t)ty;
      added = true;
    }
  }
  as_array_free(&memo);
  as_ptrmap_free(&t.calls);
  return added;
}

void an_models_apply_units(const an_models *self, ir_unit *const *units, size_t n) {
  as_ptrmap exports = {0};
  /* A module may re-export what another makes (logs.py imports factory.py):
   * a few rounds reach what chains of that length make. */
  for (int round = 0; round < 3; round++) {
    bool added = false;
    for (size_t i = 0; i < n; i++)
      if (units[i] && !units[i]->failed) added |= an_models__exports_of(self, units[i], &exports);
    if (!added) break;
  }
  for (size_t i = 0; i < n; i++)
    if (units[i]) an_models__apply(self, units[i], exports.count ? &exports : NULL);
  as_ptrmap_free(&exports);
}

static void an_models__apply(const an_models *self, ir_unit *unit, const as_ptrmap *exports) {
  char callee[256], tmp[256], resolved_callee[256], typed[300];
  an_models__memo memo = {0};
  an_models__tctx tctx = {self, unit, &memo, {0}, exports};
  for (uint32_t f = 0; f < unit->nfuncs; f++) {
    ir_func *fn = unit->funcs[f];
    fn->is_handler = false;
    for (uint32_t d = 0; d < fn->ndecorators && !fn->is_handler; d++) {
      an_models__lower(fn->decorators[d], tmp, sizeof tmp);
      for (size_t k = 0; k < self->models.len && !fn->is_handler; k++) {
        const an_model *m = &self->models.items[k];
        fn->is_handler = m->kind == AN_MODEL_HANDLER && an_models__applies(m->lang, unit->lang) &&
                         fnmatch(m->pattern, tmp, 0) == 0;
      }
    }
    for (uint32_t i = 0; i < fn->ninsts; i++) {
      ir_inst *in = &fn->insts[i];
      if (in->op == IR_STORE) {
        /* Assignments that are sinks: Koa's ctx.body = x. */
        if (!self->stores.len || in->obj[0] == '%' || !in->field) continue;
        snprintf(tmp, sizeof tmp, "%s.%s", in->obj, in->field);
        an_models__lower(tmp, callee, sizeof callee);
        for (size_t si = 0; si < self->stores.len; si++) {
          const an_model *m = &self->models.items[self->stores.items[si]];
          if (!an_models__applies(m->lang, unit->lang) || fnmatch(m->pattern, callee, 0) != 0)
            continue;
          in->fact = IR_FACT_SINK;
          in->sink_kind = (uint8_t)m->sink_kind;
          in->fact_from = 0;
          in->fact_to = 255;
          break;
        }
        continue;
      }
      if (in->op != IR_CALL) continue;
      in->fact = IR_FACT_NONE; /* facts are set afresh: models may be applied again */
      in->sink_kind = 0;
      in->fact_sql = in->fact_key = 0;
      in->fact_key_format = in->fact_opaque = in->fact_recv_data = in->fact_carries = false;
      in->fact_vendor = NULL;
      an_models__lower(in->callee, callee, sizeof callee);
      /* The words of the callee's last part, split once for all word models. */
      const char *words[16];
      char wordbuf[260];
      size_t nwords =
          an_split_words_into(an_models__last_part(in->callee), wordbuf, sizeof wordbuf, words, 16);
      /* The models keyed by this call's last name part, then merge with the
       * general ones in file order. */
      const char *lastdot = strrchr(callee, '.');
      const char *last = lastdot ? lastdot + 1 : callee;
      bool fact_done = false, recv_done = false, typed_done = false;
      /* The callee is matched as written, with its first name resolved
       * through the imports (lg.info with import logging as lg is
       * logging.info; linfo with from logging import info as linfo too),
       * and as a method of its receiver's model type. */
      if (!an_models__resolve_import(unit, in->callee, resolved_callee, sizeof resolved_callee) ||
          strcmp(resolved_callee, callee) == 0)
        resolved_callee[0] = 0;
      const char *rdot = resolved_callee[0] ? strrchr(resolved_callee, '.') : NULL;
      const char *rlast = rdot ? rdot + 1 : resolved_callee;
      bool second = rlast[0] && strcmp(rlast, last) != 0;
      size_t ki = an_models__keyed_at(self, last), kend = ki;
      while (kend < self->keyed.len && strcmp(self->keyed.items[kend].key, last) == 0)
        kend++;
      size_t ri = second ? an_models__keyed_at(self, rlast) : 0, rend = ri;
      while (second && rend < self->keyed.len && strcmp(self->keyed.items[rend].key, rlast) == 0)
        rend++;
      size_t gi = 0;
      typed[0] = 0;
      char origin[256], resolved[256];
      for (;;) { /* the three lists merged in file order */
        size_t k = SIZE_MAX;
        int from = 0;
        if (ki < kend) k = self->keyed.items[ki].index, from = 1;
        if (ri < rend && self->keyed.items[ri].index < k) k = self->keyed.items[ri].index, from = 2;
        if (gi < self->general.len && self->general.items[gi] < k)
          k = self->general.items[gi], from = 3;
        if (!from) break;
        if (from == 1)
          ki++;
        else if (from == 2)
          ri++;
        else
          gi++;
        const an_model *m = &self->models.items[k];
        if (m->kind == AN_MODEL_HANDLER || !an_models__applies(m->lang, unit->lang)) continue;
        bool describes = m->kind == AN_MODEL_SQL || m->kind == AN_MODEL_KV ||
                         m->kind == AN_MODEL_OPAQUE || m->kind == AN_MODEL_CARRIES;
        if (fact_done && !describes) continue;
        if (m->kind == AN_MODEL_SANITIZER_WORD) {
          bool hit = false;
          for (size_t w = 0; w < nwords && !hit; w++)
            hit = strcmp(words[w], m->pattern) == 0;
          if (!hit) continue;
        } else if (an_models__typed_pattern(m->pattern)) {
          if (!typed_done) {
            typed_done = true;
            const char *rt = in->obj ? an_models__value_type(&tctx, fn, i, in->obj, 0) : NULL;
            if (rt) snprintf(typed, sizeof typed, "<%s>.%s", rt, last);
          }
          if (!typed[0] || fnmatch(m->pattern, typed, 0) != 0) continue;
        } else if (fnmatch(m->pattern, callee, 0) != 0 &&
                   (!resolved_callee[0] || fnmatch(m->pattern, resolved_callee, 0) != 0)) {
          continue;
        }
        if (m->recv) {
          if (!recv_done) { /* once per call, for all its recv= models */
            recv_done = true;
            origin[0] = resolved[0] = 0;
            const char *def = in->obj ? an_models__origin(&memo, unit, fn, i, in->obj, 0, origin,
                                                          sizeof origin, NULL)
                                      : NULL;
            if (def) snprintf(origin, sizeof origin, "%s", def);
            if (!origin[0] || !an_models__resolve_import(unit, origin, resolved, sizeof resolved))
              resolved[0] = 0;
            an_models__lower(origin, origin, sizeof origin);
          }
          bool ok = false;
          for (char **r = m->recv; *r && !ok && origin[0]; r++)
            ok = fnmatch(*r, origin, 0) == 0 || (resolved[0] && fnmatch(*r, resolved, 0) == 0);
          if (!ok) continue;
        }
        if (describes) {
          /* SQL and key-value models describe the call besides its fact:
           * the first of each kind counts. */
          if (m->kind == AN_MODEL_SQL && !in->fact_sql) in->fact_sql = (uint8_t)(m->arg + 1);
          if (m->kind == AN_MODEL_OPAQUE) in->fact_opaque = true;
          if (m->kind == AN_MODEL_CARRIES) in->fact_carries = true;
          if (m->kind == AN_MODEL_KV && !in->fact_key) {
            in->fact_key = (uint8_t)(m->arg + 1);
            in->fact_key_format = m->format;
          }
          continue;
        }
        switch (m->kind) {
        case AN_MODEL_SINK:
          in->fact = IR_FACT_SINK;
          in->sink_kind = (uint8_t)m->sink_kind;
          in->fact_from = (uint8_t)(m->only >= 0 ? m->only : m->from);
          in->fact_to = (uint8_t)(m->only >= 0 ? m->only : 255);
          in->fact_url = (int16_t)m->url;
          in->fact_recv_data = m->recv_data;
          in->fact_vendor = m->vendor;
          if (m->stream >= 0) {
            const char *s = (uint32_t)m->stream < in->nargs ? in->args[m->stream] : NULL;
            in->sink_kind =
                (uint8_t)(an_models__std_stream(fn, i, s) ? IR_SINK_STDOUT : IR_SINK_FILE);
          }
          for (uint32_t a = 0; m->stream_key && in->argnames && a < in->nargs; a++)
            if (in->argnames[a] && strcmp(in->argnames[a], m->stream_key) == 0)
              in->sink_kind = (uint8_t)(an_models__std_stream(fn, i, in->args[a]) ? IR_SINK_STDOUT
                                                                                  : IR_SINK_FILE);
          break;
        case AN_MODEL_SANITIZER:
        case AN_MODEL_SANITIZER_WORD:
          in->fact = IR_FACT_SANITIZER;
          break;
        case AN_MODEL_PROPAGATE:
          in->fact = IR_FACT_PROPAGATE;
          in->fact_from = (uint8_t)m->from;
          in->fact_to = (uint8_t)m->to;
          break;
        case AN_MODEL_MUTATE_RECV:
          in->fact = IR_FACT_MUTATE_RECV;
          break;
        case AN_MODEL_HANDLER:
          break;
        case AN_MODEL_MAKES:
        case AN_MODEL_SQL:
        case AN_MODEL_KV:
        case AN_MODEL_OPAQUE:
        case AN_MODEL_CARRIES:
          break;
        }
        fact_done = true; /* first matching model wins */
      }
      /* A factory or a builder's method makes its object from what it is
       * given: log.child({rider: email}), logger.bind(email=e). */
      if (!in->fact_carries && in->nargs && an_models__call_type(&tctx, fn, i, 0))
        in->fact_carries = true;
    }
  }
  as_array_free(&memo);
  as_ptrmap_free(&tctx.calls);
}
