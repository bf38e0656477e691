/* orm.c — ORM models as tables, and the ORM calls on them (see orm.h). */
#include "orm.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

typedef enum { K_DJANGO, K_SQLALCHEMY, K_JPA, K_GORM, K_SEQUELIZE, K_PRISMA, K__COUNT } orm_kind;
static const char *const orm_kind_names[K__COUNT] = {"django", "sqlalchemy", "jpa",
                                                     "gorm",   "sequelize",  "prisma"};

typedef struct orm_model {
  an_orm_model pub; /* first: an an_orm_model * is an orm_model * */
  orm_kind kind;
  struct orm_model *next; /* hash chain */
} orm_model;

struct an_orm_set {
  as_arena *arena;
  AS_ARRAY(orm_model *) models;
  orm_model **buckets;
  size_t nbuckets;
  size_t nkind[K__COUNT]; /* models per ORM: calls of a language with none are not read */
};

#define ORM_NONE UINT32_MAX
#define ORM_DEPTH 16 /* longest call chain followed */
#define ORM_PARTS 16 /* most components of a dotted callee read */

/* ---- strings ---------------------------------------------------------------- */

typedef struct orm_span {
  const char *s;
  size_t n;
} orm_span;

static bool orm_same(const char *a, const char *b) {
  return a == b || (a && b && strcmp(a, b) == 0);
}

static bool orm_is(orm_span p, const char *s) {
  return strlen(s) == p.n && memcmp(p.s, s, p.n) == 0;
}

/* Is p one of the words of a list written " a b c " (spaces around each)? */
static bool orm_in(orm_span p, const char *words) {
  if (p.n == 0 || memchr(p.s, ' ', p.n)) return false;
  for (const char *w = strstr(words, " "); w && w[1]; w = strchr(w + 1, ' '))
    if (strncmp(w + 1, p.s, p.n) == 0 && w[1 + p.n] == ' ') return true;
  return false;
}

static bool orm_in_str(const char *s, const char *words) {
  return s && orm_in((orm_span){s, strlen(s)}, words);
}

static bool orm_temp(const char *v) {
  return v && v[0] == '%';
}

static const char *orm_last(const char *dotted) {
  const char *dot = strrchr(dotted, '.');
  return dot ? dot + 1 : dotted;
}

/* Split a dotted callee into its components. */
static size_t orm_split(const char *callee, orm_span *parts, size_t max) {
  size_t n = 0;
  const char *s = callee;
  while (n < max) {
    const char *dot = strchr(s, '.');
    parts[n++] = (orm_span){s, dot ? (size_t)(dot - s) : strlen(s)};
    if (!dot) break;
    s = dot + 1;
  }
  return n;
}

static bool orm_ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* CamelCase to snake_case, keeping initialisms together: UserID -> user_id,
 * HTTPServer -> http_server. */
static const char *orm_snake(as_arena *a, const char *s) {
  size_t n = strlen(s), k = 0;
  char *out = as_arena_alloc(a, 2 * n + 1);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (isupper(c) && i > 0) {
      unsigned char p = (unsigned char)s[i - 1];
      bool after_lower = islower(p) || isdigit(p);
      bool word_start = isupper(p) && i + 1 < n && islower((unsigned char)s[i + 1]);
      if ((after_lower || word_start) && out[k - 1] != '_') out[k++] = '_';
    }
    out[k++] = (char)tolower(c);
  }
  out[k] = 0;
  return out;
}

static const char *orm_lower(as_arena *a, const char *s) {
  char *out = as_arena_strdup(a, s);
  for (char *p = out; *p; p++)
    *p = (char)tolower((unsigned char)*p);
  return out;
}

static bool orm_ends_ci(const char *w, size_t n, const char *suffix) {
  size_t k = strlen(suffix);
  return n >= k && strncasecmp(w + n - k, suffix, k) == 0;
}

/* English plural of the last word of s (snake_case or CamelCase); see orm.h. */
static const char *orm_plural(as_arena *a, const char *s) {
  static const char uncountable[] =
      " equipment information rice money species series fish sheep jeans police news ";
  static const char *const irregular[][2] = {
      {"person", "people"}, {"man", "men"}, {"woman", "women"}, {"child", "children"}};
  size_t n = strlen(s), ws = 0;
  for (size_t i = 1; i < n; i++)
    if (s[i - 1] == '_' || (isupper((unsigned char)s[i]) && islower((unsigned char)s[i - 1])))
      ws = i;
  const char *w = s + ws;
  size_t wn = n - ws;
  if (n == 0) return as_arena_strdup(a, s);
  char lw[64];
  if (wn < sizeof lw) {
    for (size_t i = 0; i <= wn; i++)
      lw[i] = (char)tolower((unsigned char)w[i]);
    if (orm_in((orm_span){lw, wn}, uncountable)) return as_arena_strdup(a, s);
  }
  for (size_t i = 0; i < sizeof irregular / sizeof irregular[0]; i++) {
    const char *sing = irregular[i][0], *plur = irregular[i][1];
    if (strlen(sing) != wn || strncasecmp(w, sing, wn) != 0) continue;
    char *out = as_arena_alloc(a, ws + strlen(plur) + 1);
    memcpy(out, s, ws);
    strcpy(out + ws, plur);
    if (isupper((unsigned char)w[0])) out[ws] = (char)toupper((unsigned char)out[ws]);
    return out;
  }
  size_t keep = n;       /* bytes of s kept */
  const char *add = "s"; /* then appended */
  char last = (char)tolower((unsigned char)s[n - 1]);
  char prev = n >= 2 ? (char)tolower((unsigned char)s[n - 2]) : 0;
  if (orm_ends_ci(w, wn, "quiz")) {
    add = "zes";
  } else if (orm_ends_ci(w, wn, "matrix") || orm_ends_ci(w, wn, "vertex") ||
             orm_ends_ci(w, wn, "index")) {
    keep = n - 2, add = "ices";
  } else if (last == 'x' || last == 'z' || orm_ends_ci(w, wn, "ch") || orm_ends_ci(w, wn, "ss") ||
             orm_ends_ci(w, wn, "sh")) {
    add = "es";
  } else if (last == 'y' && ((prev && !strchr("aeiouy", prev)) || orm_ends_ci(w, wn, "quy"))) {
    keep = n - 1, add = "ies";
  } else if (orm_ends_ci(w, wn, "fe") && !orm_ends_ci(w, wn, "ffe")) {
    keep = n - 2, add = "ves";
  } else if (orm_ends_ci(w, wn, "lf") || orm_ends_ci(w, wn, "rf")) {
    keep = n - 1, add = "ves";
  } else if (orm_ends_ci(w, wn, "sis") || orm_ends_ci(w, wn, "axis") ||
             orm_ends_ci(w, wn, "testis")) {
    keep = n - 2, add = "es";
  } else if (orm_ends_ci(w, wn, "tum") || orm_ends_ci(w, wn, "ium")) {
    keep = n - 2, add = "a";
  } else if (orm_ends_ci(w, wn, "buffalo") || orm_ends_ci(w, wn, "tomato")) {
    add = "es";
  } else if (orm_ends_ci(w, wn, "octopus") || orm_ends_ci(w, wn, "virus")) {
    keep = n - 2, add = "i";
  } else if (orm_ends_ci(w, wn, "bus") || orm_ends_ci(w, wn, "alias") ||
             orm_ends_ci(w, wn, "status")) {
    add = "es";
  } else if (last == 's') {
    add = "";
  }
  char *out = as_arena_alloc(a, keep + strlen(add) + 1);
  memcpy(out, s, keep);
  strcpy(out + keep, add);
  return out;
}

/* ---- the set ---------------------------------------------------------------- */

static uint64_t orm_hash(orm_kind kind, const char *s, size_t n) {
  return as_hash64(s, n) ^ ((uint64_t)kind * 0x9e3779b97f4a7c15ull);
}

static const orm_model *orm_find(const an_orm_set *self, orm_kind kind, orm_span name) {
  if (!self->nbuckets || name.n == 0) return NULL;
  const orm_model *m = self->buckets[orm_hash(kind, name.s, name.n) % self->nbuckets];
  for (; m; m = m->next)
    if (m->kind == kind && orm_is(name, m->pub.name)) return m;
  return NULL;
}

static const orm_model *orm_find_str(const an_orm_set *self, orm_kind kind, const char *name) {
  return name ? orm_find(self, kind, (orm_span){name, strlen(name)}) : NULL;
}

static void orm_rehash(an_orm_set *self) {
  free(self->buckets);
  self->nbuckets = self->models.len * 2 + 16;
  self->buckets = as_calloc(self->nbuckets, sizeof *self->buckets);
  for (size_t i = 0; i < self->models.len; i++) {
    orm_model *m = self->models.items[i];
    size_t h = orm_hash(m->kind, m->pub.name, strlen(m->pub.name)) % self->nbuckets;
    m->next = NULL;
    orm_model **tail = &self->buckets[h];
    while (*tail)
      tail = &(*tail)->next; /* the first added stays first */
    *tail = m;
  }
}

an_orm_set *an_orm_set_new(void) {
  an_orm_set *self = as_calloc(1, sizeof *self);
  self->arena = as_arena_new();
  return self;
}

void an_orm_set_delete(an_orm_set *self) {
  if (!self) return;
  as_array_free(&self->models);
  free(self->buckets);
  as_arena_delete(self->arena);
  free(self);
}

size_t an_orm_count(const an_orm_set *self) {
  return self ? self->models.len : 0;
}

const an_orm_model *an_orm_at(const an_orm_set *self, size_t i) {
  return self && i < self->models.len ? &self->models.items[i]->pub : NULL;
}

const an_orm_model *an_orm_find(const an_orm_set *self, const char *orm, const char *name) {
  if (!self || !orm || !name) return NULL;
  for (int k = 0; k < K__COUNT; k++)
    if (strcmp(orm_kind_names[k], orm) == 0) {
      const orm_model *m = orm_find_str(self, (orm_kind)k, name);
      return m ? &m->pub : NULL;
    }
  return NULL;
}

/* A model's columns while it is read. */
typedef AS_ARRAY(const char *) orm_strs;
typedef struct orm_build {
  orm_strs cols, types, attrs;
} orm_build;

/* Add a column, unless one of that name (SQLite compares case-insensitively)
 * is already there. */
static void orm_build_col(orm_build *b, const char *attr, const char *col, const char *type) {
  for (size_t i = 0; i < b->cols.len; i++)
    if (strcasecmp(b->cols.items[i], col) == 0) return;
  as_array_push(&b->cols, col);
  as_array_push(&b->types, type);
  as_array_push(&b->attrs, attr);
}

static void orm_build_free(orm_build *b) {
  as_array_free(&b->cols);
  as_array_free(&b->types);
  as_array_free(&b->attrs);
}

/* Add the model built in b (freed here); nothing when it has no column or
 * the same model of the same file is already there. */
static void orm_commit(an_orm_set *self, orm_kind kind, const char *name, const char *table,
                       orm_build *b, const char *path, uint32_t line) {
  const orm_model *dup = orm_find_str(self, kind, name);
  if (b->cols.len == 0 || (dup && orm_same(dup->pub.path, path) && dup->pub.line == line)) {
    orm_build_free(b);
    return;
  }
  as_arena *a = self->arena;
  orm_model *m = as_arena_alloc(a, sizeof *m);
  size_t bytes = b->cols.len * sizeof(const char *);
  m->kind = kind;
  m->pub.orm = orm_kind_names[kind];
  m->pub.name = name;
  m->pub.table = table;
  m->pub.columns = as_arena_memdup(a, b->cols.items, bytes);
  m->pub.types = as_arena_memdup(a, b->types.items, bytes);
  m->pub.attrs = as_arena_memdup(a, b->attrs.items, bytes);
  m->pub.ncolumns = (uint32_t)b->cols.len;
  m->pub.path = path ? as_arena_strdup(a, path) : NULL;
  m->pub.line = line;
  orm_build_free(b);
  as_array_push(&self->models, m);
  self->nkind[kind]++;
  if (self->models.len * 2 > self->nbuckets) {
    orm_rehash(self);
  } else {
    orm_model **tail = &self->buckets[orm_hash(kind, name, strlen(name)) % self->nbuckets];
    while (*tail)
      tail = &(*tail)->next;
    *tail = m;
  }
}

/* The column of model m that code names name (an attribute or a column). */
static const char *orm_col(const an_orm_model *m, orm_span name) {
  for (uint32_t i = 0; i < m->ncolumns; i++)
    if (orm_is(name, m->attrs[i])) return m->columns[i];
  for (uint32_t i = 0; i < m->ncolumns; i++)
    if (orm_is(name, m->columns[i])) return m->columns[i];
  return NULL;
}

static const char *orm_col_str(const an_orm_model *m, const char *name) {
  return name ? orm_col(m, (orm_span){name, strlen(name)}) : NULL;
}

/* ---- reading instructions ------------------------------------------------------ */

/* The index of the instruction that last wrote v before end in fn, looking
 * through copies, or ORM_NONE. */
static uint32_t orm_def(const ir_func *fn, const char *v, uint32_t end) {
  for (int hops = 0; v && hops < 8; hops++) {
    uint32_t at = ORM_NONE;
    for (uint32_t i = end; i-- > 0;)
      if (fn->insts[i].dst && orm_same(fn->insts[i].dst, v)) {
        at = i;
        break;
      }
    if (at == ORM_NONE) return ORM_NONE;
    const ir_inst *d = &fn->insts[at];
    if (d->op != IR_COPY || d->nargs != 1) return at;
    v = d->args[0];
    end = at;
  }
  return ORM_NONE;
}

/* The literal text v holds at end, or NULL. */
static const char *orm_const(const ir_func *fn, const char *v, uint32_t end) {
  uint32_t d = orm_def(fn, v, end);
  return d != ORM_NONE && fn->insts[d].op == IR_CONST ? fn->insts[d].text : NULL;
}

/* Is v, at end, a literal container ("<object>", "<dict>", "<list>")? */
static bool orm_literal(const ir_func *fn, const char *v, uint32_t end, const char *what) {
  const char *t = orm_const(fn, v, end);
  return t && strcmp(t, what) == 0;
}

static bool orm_is_object(const ir_func *fn, const char *v, uint32_t end) {
  return orm_literal(fn, v, end, "<object>") || orm_literal(fn, v, end, "<dict>");
}

/* A store into an object: obj.field = value at index at. */
typedef struct orm_store {
  const char *field; /* NULL: an unknown key or a list element */
  const char *value;
  uint32_t at;
} orm_store;
typedef AS_ARRAY(orm_store) orm_stores;

/* The stores into v (and into the values v was copied from) made in
 * [lo, hi) of fn, in order. */
static void orm_stores_of(const ir_func *fn, const char *v, uint32_t lo, uint32_t hi,
                          orm_stores *out) {
  const char *names[8];
  size_t nn = 0;
  uint32_t end = hi;
  while (v && nn < 8) {
    names[nn++] = v;
    uint32_t at = ORM_NONE;
    for (uint32_t i = end; i-- > 0;)
      if (fn->insts[i].dst && orm_same(fn->insts[i].dst, v)) {
        at = i;
        break;
      }
    if (at == ORM_NONE || fn->insts[at].op != IR_COPY || fn->insts[at].nargs != 1) break;
    v = fn->insts[at].args[0];
    end = at;
  }
  for (uint32_t i = lo; i < hi && i < fn->ninsts; i++) {
    const ir_inst *in = &fn->insts[i];
    if (in->op != IR_STORE || in->nargs != 1) continue;
    for (size_t k = 0; k < nn; k++)
      if (orm_same(in->obj, names[k])) {
        orm_store s = {in->field, in->args[0], i};
        as_array_push(out, s);
        break;
      }
  }
}

/* The value last stored under field of the object v, or NULL. */
static const char *orm_field_value(const ir_func *fn, const char *v, uint32_t end,
                                   const char *field) {
  orm_stores st = {0};
  orm_stores_of(fn, v, 0, end, &st);
  const char *r = NULL;
  for (size_t i = 0; i < st.len; i++)
    if (orm_same(st.items[i].field, field)) r = st.items[i].value;
  as_array_free(&st);
  return r;
}

static const char *orm_field_const(const ir_func *fn, const char *v, uint32_t end,
                                   const char *field) {
  const char *x = orm_field_value(fn, v, end, field);
  return x ? orm_const(fn, x, end) : NULL;
}

/* The value of keyword argument key of a call, or NULL. */
static const char *orm_kwarg(const ir_inst *in, const char *key) {
  if (!in->argnames) return NULL;
  for (uint32_t k = 0; k < in->nargs; k++)
    if (in->argnames[k] && strcmp(in->argnames[k], key) == 0) return in->args[k];
  return NULL;
}

static bool orm_positional(const ir_inst *in, uint32_t k) {
  return !in->argnames || !in->argnames[k];
}

/* What an import alias names, or NULL. */
static const char *orm_import(const ir_unit *u, orm_span alias) {
  for (uint32_t i = 0; i < u->nimports; i++)
    if (u->imports[i].alias && orm_is(alias, u->imports[i].alias)) return u->imports[i].target;
  return NULL;
}

static orm_span orm_head(const char *dotted) {
  const char *dot = strchr(dotted, '.');
  return (orm_span){dotted, dot ? (size_t)(dot - dotted) : strlen(dotted)};
}

/* ---- Python: Django and SQLAlchemy models ------------------------------------------- */

/* An assignment in some function of the unit, found by line and name. */
typedef struct orm_site {
  uint32_t line;
  const ir_func *fn;
  uint32_t inst;
} orm_site;
typedef AS_ARRAY(orm_site) orm_sites;

static int orm_site_cmp(const void *a, const void *b) {
  const orm_site *x = a, *y = b;
  if (x->line != y->line) return x->line < y->line ? -1 : 1;
  return x->inst < y->inst ? -1 : x->inst > y->inst;
}

static void orm_sites_build(const ir_unit *u, orm_sites *out) {
  for (uint32_t f = 0; f < u->nfuncs; f++) {
    const ir_func *fn = u->funcs[f];
    for (uint32_t i = 0; i < fn->ninsts; i++) {
      const ir_inst *in = &fn->insts[i];
      if (!in->dst || orm_temp(in->dst)) continue;
      orm_site s = {in->loc.line, fn, i};
      as_array_push(out, s);
    }
  }
  if (out->len) qsort(out->items, out->len, sizeof *out->items, orm_site_cmp);
}

/* The assignment name = ... at line, or NULL. */
static const orm_site *orm_site_find(const orm_sites *s, uint32_t line, const char *name) {
  size_t lo = 0, hi = s->len;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (s->items[mid].line < line)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t i = lo; i < s->len && s->items[i].line == line; i++)
    if (orm_same(s->items[i].fn->insts[s->items[i].inst].dst, name)) return &s->items[i];
  return NULL;
}

/* The literal a class attribute is assigned, or NULL. */
static const char *orm_site_const(const orm_sites *s, const ir_field *f) {
  const orm_site *site = orm_site_find(s, f->loc.line, f->name);
  return site ? orm_const(site->fn, f->name, site->inst + 1) : NULL;
}

static const ir_inst *orm_site_call(const orm_sites *s, const ir_field *f) {
  const orm_site *site = orm_site_find(s, f->loc.line, f->name);
  if (!site) return NULL;
  const ir_inst *in = &site->fn->insts[site->inst];
  return in->op == IR_CALL && in->callee ? in : NULL;
}

/* The Django field class a call constructs ("CharField", "ForeignKey"), or
 * NULL: models.XField(...), or an XField imported from django. */
static const char *dj_field_class(const ir_unit *u, const ir_inst *in) {
  if (!in) return NULL;
  const char *last = orm_last(in->callee);
  if (!orm_ends_with(last, "Field") && strcmp(last, "ForeignKey") != 0) return NULL;
  orm_span head = orm_head(in->callee);
  const char *target = orm_import(u, head);
  if (target) return strncmp(target, "django.", 7) == 0 ? last : NULL;
  return orm_is(head, "models") && last != in->callee ? last : NULL;
}

static bool sa_column_call(const ir_unit *u, const ir_inst *in) {
  if (!in) return false;
  const char *last = orm_last(in->callee);
  if (strcmp(last, "Column") != 0 && strcmp(last, "mapped_column") != 0) return false;
  const char *target = orm_import(u, orm_head(in->callee));
  return !target || strncmp(target, "django.", 7) != 0;
}

static const char *dj_type(const char *cls) {
  static const char ints[] =
      " AutoField BigAutoField SmallAutoField IntegerField BigIntegerField SmallIntegerField "
      "PositiveIntegerField PositiveBigIntegerField PositiveSmallIntegerField BooleanField "
      "NullBooleanField DurationField ForeignKey OneToOneField ";
  static const char reals[] = " FloatField DecimalField ";
  if (orm_in_str(cls, ints)) return "INTEGER";
  if (orm_in_str(cls, reals)) return "REAL";
  if (strcmp(cls, "BinaryField") == 0) return "BLOB";
  return "TEXT";
}

static bool orm_true(const char *t) {
  return t && (strcmp(t, "True") == 0 || strcmp(t, "true") == 0);
}

static void dj_model(an_orm_set *self, const ir_unit *u, const ir_record *r, const orm_sites *s,
                     const char *name) {
  /* class Meta: db_table = "...", abstract = True */
  const char *table = NULL;
  char *meta = as_sprintf("%s.Meta", r->name);
  for (uint32_t i = 0; i < u->nrecords; i++) {
    const ir_record *m = u->records[i];
    if (strcmp(m->name, meta) != 0) continue;
    for (uint32_t k = 0; k < m->nfields; k++) {
      const char *v = orm_site_const(s, &m->fields[k]);
      if (strcmp(m->fields[k].name, "db_table") == 0 && v) table = v;
      if (strcmp(m->fields[k].name, "abstract") == 0 && orm_true(v)) {
        free(meta);
        return;
      }
    }
  }
  free(meta);
  orm_build b = {0};
  bool has_pk = false;
  for (uint32_t k = 0; k < r->nfields; k++) {
    const orm_site *site = orm_site_find(s, r->fields[k].loc.line, r->fields[k].name);
    const ir_inst *in = orm_site_call(s, &r->fields[k]);
    const char *pk = in && dj_field_class(u, in) ? orm_kwarg(in, "primary_key") : NULL;
    if (pk && orm_true(orm_const(site->fn, pk, site->inst))) has_pk = true;
  }
  if (!has_pk) orm_build_col(&b, "id", "id", "INTEGER");
  for (uint32_t k = 0; k < r->nfields; k++) {
    const ir_field *f = &r->fields[k];
    const ir_inst *in = orm_site_call(s, f);
    const char *cls = dj_field_class(u, in);
    if (!cls || strcmp(cls, "ManyToManyField") == 0) continue;
    const orm_site *site = orm_site_find(s, f->loc.line, f->name);
    const char *dbcol = orm_kwarg(in, "db_column");
    const char *col = dbcol ? orm_const(site->fn, dbcol, site->inst) : NULL;
    if (!col && (strcmp(cls, "ForeignKey") == 0 || strcmp(cls, "OneToOneField") == 0)) {
      char *id = as_sprintf("%s_id", f->name);
      col = as_arena_strdup(self->arena, id);
      free(id);
    }
    orm_build_col(&b, f->name, col ? col : f->name, dj_type(cls));
  }
  orm_commit(self, K_DJANGO, name, table ? table : orm_lower(self->arena, name), &b, u->path,
             r->loc.line);
}

/* The SQL type of a SQLAlchemy type name (Integer, String, VARCHAR), or NULL
 * when it is not one. */
static const char *sa_type(orm_span t) {
  static const char ints[] =
      " Integer BigInteger SmallInteger INTEGER INT BIGINT SMALLINT Boolean BOOLEAN ";
  static const char reals[] = " Float Numeric REAL FLOAT NUMERIC DECIMAL Double DOUBLE ";
  static const char blobs[] = " LargeBinary BLOB BINARY VARBINARY PickleType ";
  static const char texts[] =
      " String Text Unicode UnicodeText VARCHAR CHAR TEXT NVARCHAR Enum DateTime Date Time "
      "Interval JSON Uuid UUID TIMESTAMP DATETIME DATE ARRAY ";
  if (orm_in(t, ints)) return "INTEGER";
  if (orm_in(t, reals)) return "REAL";
  if (orm_in(t, blobs)) return "BLOB";
  if (orm_in(t, texts)) return "TEXT";
  return NULL;
}

/* The SQL type of a Python annotation (Mapped[Optional[int]] -> INTEGER), or
 * NULL when it is not a scalar. */
static const char *py_annot_type(const char *annot) {
  if (!annot) return NULL;
  char buf[128];
  size_t n = strlen(annot);
  if (n >= sizeof buf) return NULL;
  memcpy(buf, annot, n + 1);
  char *s = buf;
  for (bool again = true; again;) {
    again = false;
    while (*s == ' ')
      s++;
    n = strlen(s);
    while (n && s[n - 1] == ' ')
      s[--n] = 0;
    static const char *const wraps[] = {"Mapped[", "Optional[", "orm.Mapped[", "typing.Optional[",
                                        NULL};
    for (const char *const *w = wraps; *w; w++) {
      size_t k = strlen(*w);
      if (n > k && strncmp(s, *w, k) == 0 && s[n - 1] == ']') {
        s[n - 1] = 0;
        s += k;
        again = true;
        break;
      }
    }
    n = strlen(s);
    if (n > 7 && strcmp(s + n - 7, "| None") == 0) {
      s[n - 7] = 0;
      again = true;
    }
  }
  orm_span t = {orm_last(s), strlen(orm_last(s))};
  static const char ints[] = " int bool ";
  static const char reals[] = " float Decimal ";
  static const char texts[] = " str datetime date time UUID dict ";
  if (orm_in(t, ints)) return "INTEGER";
  if (orm_in(t, reals)) return "REAL";
  if (orm_is(t, "bytes")) return "BLOB";
  if (orm_in(t, texts)) return "TEXT";
  return NULL;
}

/* The SQLAlchemy type an argument value names: Integer, sa.Integer (a load),
 * String(50) (a call). */
static const char *sa_arg_type(const ir_func *fn, const char *v, uint32_t end) {
  if (!orm_temp(v)) return sa_type((orm_span){orm_last(v), strlen(orm_last(v))});
  uint32_t d = orm_def(fn, v, end);
  if (d == ORM_NONE) return NULL;
  const ir_inst *in = &fn->insts[d];
  if (in->op == IR_CALL && in->callee) {
    const char *last = orm_last(in->callee);
    return sa_type((orm_span){last, strlen(last)});
  }
  if (in->op == IR_LOAD && in->field) return sa_type((orm_span){in->field, strlen(in->field)});
  return NULL;
}

static void sa_model(an_orm_set *self, const ir_unit *u, const ir_record *r, const orm_sites *s,
                     const char *name) {
  const char *table = NULL;
  orm_build b = {0};
  for (uint32_t k = 0; k < r->nfields; k++) {
    const ir_field *f = &r->fields[k];
    if (strcmp(f->name, "__tablename__") == 0) {
      table = orm_site_const(s, f);
      continue;
    }
    const orm_site *site = orm_site_find(s, f->loc.line, f->name);
    const ir_inst *in = orm_site_call(s, f);
    if (!site) { /* x: Mapped[int] */
      const char *t =
          f->type && strncmp(f->type, "Mapped[", 7) == 0 ? py_annot_type(f->type) : NULL;
      if (t) orm_build_col(&b, f->name, f->name, t);
      continue;
    }
    if (!sa_column_call(u, in)) continue;
    const char *col = NULL, *type = NULL;
    const char *kw = orm_kwarg(in, "name");
    if (kw) col = orm_const(site->fn, kw, site->inst);
    for (uint32_t a = 0; a < in->nargs; a++) {
      if (!orm_positional(in, a)) continue;
      if (a == 0 && !col && orm_temp(in->args[0])) {
        const char *c = orm_const(site->fn, in->args[0], site->inst);
        if (c) {
          col = c;
          continue;
        }
      }
      if (!type) type = sa_arg_type(site->fn, in->args[a], site->inst);
    }
    if (!type) type = py_annot_type(f->type);
    orm_build_col(&b, f->name, col ? col : f->name, type ? type : "TEXT");
  }
  if (b.cols.len == 0 && !table) return;
  orm_commit(self, K_SQLALCHEMY, name, table ? table : orm_snake(self->arena, name), &b, u->path,
             r->loc.line);
}

static void orm_add_python(an_orm_set *self, const ir_unit *u) {
  orm_sites s = {0};
  orm_sites_build(u, &s);
  for (uint32_t i = 0; i < u->nrecords; i++) {
    const ir_record *r = u->records[i];
    const char *name = orm_last(r->name);
    if (strcmp(name, "Meta") == 0 && name != r->name) continue;
    bool django = false, sa = false;
    for (uint32_t k = 0; k < r->nfields; k++) {
      const ir_inst *in = orm_site_call(&s, &r->fields[k]);
      if (dj_field_class(u, in)) django = true;
      if (sa_column_call(u, in) || strcmp(r->fields[k].name, "__tablename__") == 0) sa = true;
    }
    if (django)
      dj_model(self, u, r, &s, name);
    else if (sa)
      sa_model(self, u, r, &s, name);
  }
  as_array_free(&s);
}

/* ---- Java: JPA entities -------------------------------------------------------------- */

static const char *jpa_type(const char *type, bool *skip) {
  static const char colls[] = " List Set Collection Map Iterable ArrayList LinkedList HashSet "
                              "TreeSet SortedSet HashMap LinkedHashSet ";
  static const char ints[] = " long Long int Integer short Short byte Byte BigInteger boolean "
                             "Boolean AtomicLong AtomicInteger ";
  static const char reals[] = " double Double float Float BigDecimal ";
  *skip = false;
  if (!type) return "TEXT";
  size_t n = strcspn(type, "<");
  const char *dot = NULL;
  for (size_t i = 0; i < n; i++)
    if (type[i] == '.') dot = type + i;
  const char *base = dot ? dot + 1 : type;
  orm_span t = {base, (size_t)(type + n - base)};
  if (orm_ends_with(type, "[]")) {
    if (strncmp(base, "byte[", 5) == 0 || strncmp(base, "Byte[", 5) == 0) return "BLOB";
    if (strncmp(base, "char[", 5) == 0 || strncmp(base, "Character[", 10) == 0) return "TEXT";
    *skip = true;
    return NULL;
  }
  if (orm_in(t, colls)) {
    *skip = true;
    return NULL;
  }
  if (orm_in(t, ints)) return "INTEGER";
  if (orm_in(t, reals)) return "REAL";
  return "TEXT";
}

/* A name written as a constant (MAX_LEN): taken as a static field. */
static bool jpa_constant_name(const char *s) {
  bool letter = false;
  for (; *s; s++) {
    if (islower((unsigned char)*s)) return false;
    if (isupper((unsigned char)*s)) letter = true;
  }
  return letter;
}

static int orm_deco(const char **decos, uint32_t n, const char *last) {
  for (uint32_t i = 0; i < n; i++)
    if (strcmp(orm_last(decos[i]), last) == 0) return (int)i;
  return -1;
}

static void orm_add_java(an_orm_set *self, const ir_unit *u) {
  for (uint32_t i = 0; i < u->nrecords; i++) {
    const ir_record *r = u->records[i];
    int ent = orm_deco(r->decorators, r->ndecorators, "Entity");
    if (ent < 0) continue;
    int tab = orm_deco(r->decorators, r->ndecorators, "Table");
    const char *table =
        tab >= 0 ? ir_attr_find(r->attrs, r->nattrs, (uint32_t)tab, "name", 0) : NULL;
    const char *ename = ir_attr_find(r->attrs, r->nattrs, (uint32_t)ent, "name", 0);
    const char *name = orm_last(r->name);
    orm_build b = {0};
    for (uint32_t k = 0; k < r->nfields; k++) {
      const ir_field *f = &r->fields[k];
      if (strcmp(f->name, "serialVersionUID") == 0 || jpa_constant_name(f->name)) continue;
      bool skip;
      const char *type = jpa_type(f->type, &skip);
      if (skip) continue;
      orm_build_col(&b, f->name, f->tag ? f->tag : f->name, type);
    }
    orm_commit(self, K_JPA, name, table ? table : ename ? ename : name, &b, u->path, r->loc.line);
  }
}

/* ---- Go: GORM models -------------------------------------------------------------------- */

static const char *gorm_type(const char *type) {
  static const char ints[] =
      " int int8 int16 int32 int64 uint uint8 uint16 uint32 uint64 uintptr byte rune bool "
      "sql.NullInt64 sql.NullInt32 sql.NullInt16 sql.NullByte sql.NullBool ";
  static const char reals[] = " float32 float64 sql.NullFloat64 decimal.Decimal ";
  if (!type) return "TEXT";
  while (*type == '*')
    type++;
  if (strcmp(type, "[]byte") == 0 || strcmp(type, "[]uint8") == 0) return "BLOB";
  if (orm_in_str(type, ints)) return "INTEGER";
  if (orm_in_str(type, reals)) return "REAL";
  return "TEXT";
}

/* Does the package alias of a gorm.X type name GORM (or is it unimported)? */
static bool gorm_pkg(const ir_unit *u, const char *type) {
  while (type && *type == '*')
    type++;
  if (!type || strncmp(type, "gorm.", 5) != 0) return false;
  const char *target = orm_import(u, (orm_span){"gorm", 4});
  return !target || strstr(target, "gorm");
}

static bool orm_unit_has_record(const ir_unit *u, const char *name) {
  for (uint32_t i = 0; i < u->nrecords; i++)
    if (strcmp(u->records[i]->name, name) == 0) return true;
  return false;
}

/* The literal a TableName() method of struct name returns, or NULL. */
static const char *gorm_table_name(const ir_unit *u, const char *name) {
  size_t n = strlen(name);
  for (uint32_t f = 0; f < u->nfuncs; f++) {
    const ir_func *fn = u->funcs[f];
    if (strncmp(fn->name, name, n) != 0 || strcmp(fn->name + n, ".TableName") != 0) continue;
    for (uint32_t i = 0; i < fn->ninsts; i++)
      if (fn->insts[i].op == IR_RETURN && fn->insts[i].nargs == 1)
        return orm_const(fn, fn->insts[i].args[0], i);
  }
  return NULL;
}

/* Does a function of the unit pass a literal of the struct to AutoMigrate
 * (gdb.AutoMigrate(&Payout{}), lowered with the CONST "<init Payout>")? */
static bool gorm_migrated(const ir_unit *u, const char *name) {
  char want[160];
  snprintf(want, sizeof want, "<init %s>", name);
  for (uint32_t f = 0; f < u->nfuncs; f++) {
    const ir_func *fn = u->funcs[f];
    for (uint32_t i = 0; i < fn->ninsts; i++) {
      const ir_inst *in = &fn->insts[i];
      const char *dot = in->op == IR_CALL ? strrchr(in->callee, '.') : NULL;
      if (!dot || strcmp(dot + 1, "AutoMigrate") != 0) continue;
      for (uint32_t a = 0; a < in->nargs; a++)
        for (uint32_t j = i; j-- > 0;)
          if (fn->insts[j].dst == in->args[a]) {
            if (fn->insts[j].op == IR_CONST && strcmp(fn->insts[j].text, want) == 0) return true;
            break;
          }
    }
  }
  return false;
}

static void orm_add_go(an_orm_set *self, const ir_unit *u) {
  static const char *const model_cols[][3] = {{"ID", "id", "INTEGER"},
                                              {"CreatedAt", "created_at", "TEXT"},
                                              {"UpdatedAt", "updated_at", "TEXT"},
                                              {"DeletedAt", "deleted_at", "TEXT"}};
  for (uint32_t i = 0; i < u->nrecords; i++) {
    const ir_record *r = u->records[i];
    bool gorm = gorm_migrated(u, r->name);
    for (uint32_t k = 0; k < r->nfields; k++)
      if (gorm_pkg(u, r->fields[k].type)) gorm = true;
    if (!gorm) continue;
    orm_build b = {0};
    for (uint32_t k = 0; k < r->nfields; k++) {
      const ir_field *f = &r->fields[k];
      const char *type = f->type ? f->type : "";
      while (*type == '*')
        type++;
      /* the IR does not mark embedded fields: a field named as its type is
       * taken as embedded, unless the type is a scalar (DeletedAt
       * gorm.DeletedAt, Time time.Time, NullString sql.NullString) */
      bool scalar_pkg = strncmp(type, "gorm.", 5) == 0 || strncmp(type, "time.", 5) == 0 ||
                        strncmp(type, "sql.", 4) == 0;
      bool embedded =
          strcmp(orm_last(type), f->name) == 0 && (strcmp(type, "gorm.Model") == 0 || !scalar_pkg);
      if (embedded && strcmp(type, "gorm.Model") == 0 && gorm_pkg(u, type)) {
        for (size_t c = 0; c < 4; c++)
          orm_build_col(&b, model_cols[c][0], model_cols[c][1], model_cols[c][2]);
        continue;
      }
      if (embedded || !isupper((unsigned char)f->name[0])) continue;
      bool bytes = strcmp(type, "[]byte") == 0 || strcmp(type, "[]uint8") == 0;
      bool local = f->type && f->type[0] == '*' && isupper((unsigned char)type[0]) &&
                   !strchr(type, '.'); /* *User: a struct of the package, a relation */
      if ((strncmp(type, "[]", 2) == 0 && !bytes) || strncmp(type, "map[", 4) == 0 ||
          strncmp(type, "chan ", 5) == 0 || strncmp(type, "func", 4) == 0 || local ||
          orm_unit_has_record(u, type))
        continue;
      orm_build_col(&b, f->name, orm_snake(self->arena, f->name), gorm_type(type));
    }
    const char *table = gorm_table_name(u, r->name);
    if (!table) table = orm_plural(self->arena, orm_snake(self->arena, r->name));
    orm_commit(self, K_GORM, r->name, table, &b, u->path, r->loc.line);
  }
}

/* ---- JavaScript / TypeScript: Sequelize models ---------------------------------------------- */

/* The SQL type of a Sequelize data type name; *skip for VIRTUAL; NULL when
 * it is not one. */
static const char *seq_type(const char *t, bool *skip) {
  static const char texts[] =
      " STRING CHAR TEXT CITEXT TSVECTOR DATE DATEONLY TIME NOW UUID UUIDV1 UUIDV4 ENUM JSON JSONB "
      "ARRAY GEOMETRY GEOGRAPHY INET CIDR MACADDR RANGE HSTORE ";
  static const char ints[] = " INTEGER BIGINT SMALLINT MEDIUMINT TINYINT BOOLEAN ";
  static const char reals[] = " DECIMAL FLOAT DOUBLE REAL ";
  *skip = false;
  if (!t) return NULL;
  if (strcmp(t, "VIRTUAL") == 0) {
    *skip = true;
    return NULL;
  }
  if (orm_in_str(t, ints)) return "INTEGER";
  if (orm_in_str(t, reals)) return "REAL";
  if (strcmp(t, "BLOB") == 0) return "BLOB";
  if (orm_in_str(t, texts)) return "TEXT";
  return NULL;
}

/* The Sequelize type name a value holds: DataTypes.STRING (a load) or
 * DataTypes.STRING(100) (a call). */
static const char *seq_type_name(const ir_func *fn, const char *v, uint32_t end) {
  uint32_t d = orm_def(fn, v, end);
  if (d == ORM_NONE) return NULL;
  const ir_inst *in = &fn->insts[d];
  if (in->op == IR_LOAD) return in->field;
  if (in->op == IR_CALL && in->callee && strchr(in->callee, '.')) return orm_last(in->callee);
  return NULL;
}

/* Read a model's attributes object and options object (may be NULL) at
 * call index at, and add the model. */
static void seq_model(an_orm_set *self, const ir_unit *u, const ir_func *fn, uint32_t at,
                      const char *name, const char *model_name, const char *attrs,
                      const char *opts) {
  as_arena *a = self->arena;
  const char *table = NULL;
  bool freeze = false, timestamps = true, paranoid = false, underscored = false;
  const char *created = NULL, *updated = NULL, *deleted = NULL;
  if (opts) {
    table = orm_field_const(fn, opts, at, "tableName");
    const char *mn = orm_field_const(fn, opts, at, "modelName");
    if (mn) model_name = mn;
    freeze = orm_true(orm_field_const(fn, opts, at, "freezeTableName"));
    const char *ts = orm_field_const(fn, opts, at, "timestamps");
    timestamps = !(ts && strcmp(ts, "false") == 0);
    paranoid = orm_true(orm_field_const(fn, opts, at, "paranoid"));
    underscored = orm_true(orm_field_const(fn, opts, at, "underscored"));
    created = orm_field_const(fn, opts, at, "createdAt");
    updated = orm_field_const(fn, opts, at, "updatedAt");
    deleted = orm_field_const(fn, opts, at, "deletedAt");
  }
  orm_stores st = {0};
  orm_stores_of(fn, attrs, 0, at, &st);
  orm_build b = {0};
  bool has_pk = false;
  size_t typed = 0;
  for (int pass = 0; pass < 2; pass++) {
    if (pass == 1 && typed == 0) break; /* not a model: no attribute has a data type */
    if (pass == 1 && !has_pk) {
      bool named_id = false;
      for (size_t i = 0; i < st.len; i++)
        if (orm_same(st.items[i].field, "id")) named_id = true;
      if (!named_id && st.len) orm_build_col(&b, "id", "id", "INTEGER");
    }
    for (size_t i = 0; i < st.len; i++) {
      const orm_store *s = &st.items[i];
      if (!s->field) continue;
      const char *type = NULL, *col = NULL;
      bool skip = false, pk = false;
      if (orm_is_object(fn, s->value, at)) {
        const char *tv = orm_field_value(fn, s->value, at, "type");
        type = tv ? seq_type(seq_type_name(fn, tv, at), &skip) : NULL;
        col = orm_field_const(fn, s->value, at, "field");
        pk = orm_true(orm_field_const(fn, s->value, at, "primaryKey"));
      } else {
        type = seq_type(seq_type_name(fn, s->value, at), &skip);
      }
      if (skip || !type) continue;
      if (pass == 0) {
        has_pk |= pk;
        typed++;
        continue;
      }
      if (!col) col = underscored ? orm_snake(a, s->field) : s->field;
      orm_build_col(&b, s->field, col, type);
    }
  }
  as_array_free(&st);
  if (b.cols.len && timestamps) {
    const char *stamps[3][3] = {{"createdAt", "created_at", created},
                                {"updatedAt", "updated_at", updated},
                                {"deletedAt", "deleted_at", paranoid ? deleted : "false"}};
    for (int i = 0; i < 3; i++) {
      const char *given = stamps[i][2];
      if (given && strcmp(given, "false") == 0) continue;
      const char *col = given && strcmp(given, "true") != 0 ? given
                        : underscored                       ? stamps[i][1]
                                                            : stamps[i][0];
      orm_build_col(&b, stamps[i][0], col, "TEXT");
    }
  }
  if (!table) table = freeze ? model_name : orm_plural(a, model_name);
  orm_commit(self, K_SEQUELIZE, name, table, &b, u->path, fn->insts[at].loc.line);
}

static void orm_add_js(an_orm_set *self, const ir_unit *u) {
  for (uint32_t f = 0; f < u->nfuncs; f++) {
    const ir_func *fn = u->funcs[f];
    for (uint32_t i = 0; i < fn->ninsts; i++) {
      const ir_inst *in = &fn->insts[i];
      if (in->op != IR_CALL || !in->callee || in->nargs < 2) continue;
      orm_span p[ORM_PARTS];
      size_t n = orm_split(in->callee, p, ORM_PARTS);
      if (n >= 2 && orm_is(p[n - 1], "define")) {
        /* sequelize.define('User', {attrs}, {options}) */
        const char *mname = orm_const(fn, in->args[0], i);
        if (!mname || mname[0] == '<' || !orm_is_object(fn, in->args[1], i)) continue;
        const char *name = in->dst && !orm_temp(in->dst) ? in->dst : mname;
        const char *opts = in->nargs >= 3 && orm_is_object(fn, in->args[2], i) ? in->args[2] : NULL;
        seq_model(self, u, fn, i, name, mname, in->args[1], opts);
      } else if (n == 2 && orm_is(p[1], "init") && orm_is_object(fn, in->args[0], i) &&
                 orm_is_object(fn, in->args[1], i) &&
                 orm_field_value(fn, in->args[1], i, "sequelize")) {
        /* class X extends Model {}; X.init({attrs}, {sequelize, ...}) */
        const char *name = as_arena_strndup(self->arena, p[0].s, p[0].n);
        seq_model(self, u, fn, i, name, name, in->args[0], in->args[1]);
      }
    }
  }
}

void an_orm_add_unit(an_orm_set *self, const ir_unit *u) {
  if (!self || !u || !u->lang) return;
  if (strcmp(u->lang, "python") == 0)
    orm_add_python(self, u);
  else if (strcmp(u->lang, "java") == 0)
    orm_add_java(self, u);
  else if (strcmp(u->lang, "go") == 0)
    orm_add_go(self, u);
  else if (strcmp(u->lang, "javascript") == 0 || strcmp(u->lang, "typescript") == 0)
    orm_add_js(self, u);
}

/* ---- Prisma schemas ------------------------------------------------------------------------ */

typedef struct prisma_block {
  orm_span kind, name;
  size_t body, end; /* offsets of the body, after '{', and of its '}' */
  uint32_t line;
} prisma_block;

static bool prisma_ident(char c) {
  return isalnum((unsigned char)c) || c == '_';
}

/* The offset after the string starting at s[i] == '"'. */
static size_t prisma_skip_string(const char *s, size_t i) {
  for (i++; s[i] && s[i] != '"'; i++)
    if (s[i] == '\\' && s[i + 1]) i++;
  return s[i] ? i + 1 : i;
}

/* The string argument of an attribute whose '(' is at s: ("x") or (name: "x"). */
static const char *prisma_attr_string(as_arena *a, const char *s, const char *end) {
  if (s >= end || *s != '(') return NULL;
  s++;
  while (s < end && isspace((unsigned char)*s))
    s++;
  if (end - s > 5 && strncmp(s, "name", 4) == 0 && !prisma_ident(s[4])) {
    s += 4;
    while (s < end && (isspace((unsigned char)*s) || *s == ':'))
      s++;
  }
  if (s >= end || *s != '"') return NULL;
  char *out = as_arena_alloc(a, (size_t)(end - s));
  size_t k = 0;
  for (s++; s < end && *s != '"'; s++) {
    if (*s == '\\' && s + 1 < end) s++;
    out[k++] = *s;
  }
  return s < end ? out : NULL;
}

/* Where attribute attr ("@map", "@@map", "@relation") starts in [s, end), or NULL. */
static const char *prisma_find_attr(const char *s, const char *end, const char *attr) {
  size_t k = strlen(attr);
  for (const char *p = s; p + k <= end; p++) {
    if (*p == '"') {
      p = s + prisma_skip_string(s, (size_t)(p - s)) - 1;
      continue;
    }
    if (memcmp(p, attr, k) != 0 || (p > s && p[-1] == '@')) continue;
    if (p + k < end && (prisma_ident(p[k]) || p[k] == '.')) continue;
    return p;
  }
  return NULL;
}

static bool prisma_named(const prisma_block *bl, size_t n, orm_span type, const char *kind) {
  for (size_t i = 0; i < n; i++)
    if (orm_is(bl[i].kind, kind) && bl[i].name.n == type.n &&
        memcmp(bl[i].name.s, type.s, type.n) == 0)
      return true;
  return false;
}

static const char *prisma_type(orm_span t) {
  if (orm_is(t, "Int") || orm_is(t, "BigInt") || orm_is(t, "Boolean")) return "INTEGER";
  if (orm_is(t, "String") || orm_is(t, "DateTime") || orm_is(t, "Json")) return "TEXT";
  if (orm_is(t, "Float") || orm_is(t, "Decimal")) return "REAL";
  if (orm_is(t, "Bytes")) return "BLOB";
  if (t.n > 12 && memcmp(t.s, "Unsupported(", 12) == 0) return "TEXT";
  return NULL;
}

/* One model block's fields. */
static void prisma_model(an_orm_set *self, const char *s, const prisma_block *bl, size_t nbl,
                         const prisma_block *m, const char *origin) {
  as_arena *a = self->arena;
  orm_build b = {0};
  const char *table = NULL;
  size_t pos = m->body;
  while (pos < m->end) {
    size_t eol = pos;
    while (eol < m->end && s[eol] != '\n')
      eol++;
    const char *p = s + pos, *end = s + eol;
    pos = eol + 1;
    while (p < end && isspace((unsigned char)*p))
      p++;
    if (p >= end) continue;
    if (p[0] == '@' && end - p > 1 && p[1] == '@') {
      const char *map = prisma_find_attr(p, end, "@@map");
      if (map) {
        const char *t = prisma_attr_string(a, map + 5, end);
        if (t) table = t;
      }
      continue;
    }
    const char *nm = p;
    while (p < end && prisma_ident(*p))
      p++;
    orm_span fname = {nm, (size_t)(p - nm)};
    while (p < end && (*p == ' ' || *p == '\t'))
      p++;
    const char *ty = p;
    while (p < end && !isspace((unsigned char)*p)) {
      if (*p == '(')
        while (p < end && *p != ')')
          p = *p == '"' ? s + prisma_skip_string(s, (size_t)(p - s)) : p + 1;
      else
        p++;
    }
    if (p > end) p = end;
    if (fname.n == 0 || p == ty) continue;
    orm_span type = {ty, (size_t)(p - ty)};
    if (type.n && type.s[type.n - 1] == '?') type.n--;
    if (type.n >= 2 && memcmp(type.s + type.n - 2, "[]", 2) == 0) continue;
    if (prisma_find_attr(p, end, "@relation")) continue;
    const char *sql = prisma_type(type);
    if (!sql && prisma_named(bl, nbl, type, "enum")) sql = "TEXT";
    if (!sql) continue; /* another model, a composite type, or unknown: a relation */
    const char *attr = as_arena_strndup(a, fname.s, fname.n);
    const char *map = prisma_find_attr(p, end, "@map");
    const char *col = map ? prisma_attr_string(a, map + 4, end) : NULL;
    orm_build_col(&b, attr, col ? col : attr, sql);
  }
  char *name = as_arena_strndup(a, m->name.s, m->name.n);
  char *client = as_arena_strdup(a, name);
  client[0] = (char)tolower((unsigned char)client[0]);
  orm_commit(self, K_PRISMA, client, table ? table : name, &b, origin, m->line);
}

size_t an_orm_add_prisma(an_orm_set *self, const char *text, const char *origin) {
  if (!self || !text) return 0;
  char *s = as_strdup(text);
  /* blank out // comments, keeping offsets and lines */
  for (size_t i = 0; s[i];) {
    if (s[i] == '"') {
      i = prisma_skip_string(s, i);
    } else if (s[i] == '/' && s[i + 1] == '/') {
      while (s[i] && s[i] != '\n')
        s[i++] = ' ';
    } else {
      i++;
    }
  }
  AS_ARRAY(prisma_block) bl = {0};
  uint32_t line = 1;
  size_t i = 0;
  while (s[i]) {
    if (isspace((unsigned char)s[i])) {
      if (s[i++] == '\n') line++;
      continue;
    }
    prisma_block b = {.line = line};
    size_t k = i;
    while (prisma_ident(s[i]))
      i++;
    b.kind = (orm_span){s + k, i - k};
    while (s[i] == ' ' || s[i] == '\t')
      i++;
    k = i;
    while (prisma_ident(s[i]))
      i++;
    b.name = (orm_span){s + k, i - k};
    while (s[i] == ' ' || s[i] == '\t')
      i++;
    if (b.kind.n == 0 || b.name.n == 0 || s[i] != '{') { /* not a block: skip the line */
      while (s[i] && s[i] != '\n')
        i++;
      continue;
    }
    b.body = ++i;
    while (s[i] && s[i] != '}') {
      if (s[i] == '"') {
        i = prisma_skip_string(s, i);
        continue;
      }
      if (s[i] == '\n') line++;
      i++;
    }
    b.end = i;
    if (s[i]) i++;
    as_array_push(&bl, b);
  }
  size_t before = self->models.len;
  for (size_t k = 0; k < bl.len; k++)
    if (orm_is(bl.items[k].kind, "model") || orm_is(bl.items[k].kind, "view"))
      prisma_model(self, s, bl.items, bl.len, &bl.items[k], origin);
  as_array_free(&bl);
  free(s);
  return self->models.len - before;
}

/* ---- DDL ------------------------------------------------------------------------------------ */

static void orm_quote(as_buf *b, const char *id) {
  as_buf_putc(b, '"');
  for (; *id; id++) {
    if (*id == '"') as_buf_putc(b, '"');
    as_buf_putc(b, *id);
  }
  as_buf_putc(b, '"');
}

char *an_orm_ddl(const an_orm_model *m) {
  as_buf b = {0};
  as_buf_puts(&b, "CREATE TABLE ");
  orm_quote(&b, m->table);
  as_buf_puts(&b, " (");
  for (uint32_t i = 0; i < m->ncolumns; i++) {
    if (i) as_buf_puts(&b, ", ");
    orm_quote(&b, m->columns[i]);
    as_buf_putc(&b, ' ');
    as_buf_puts(&b, m->types[i]);
  }
  as_buf_putc(&b, ')');
  return b.data;
}

/* ---- ORM calls ------------------------------------------------------------------------------ */

/* What a call evaluates to: a query or queryset that later links refine, a
 * model instance, a result (nothing more to chain), or an instance built but
 * not stored (a constructor: not an access by itself). */
enum { RK_QS, RK_INST, RK_DONE, RK_NEW };

typedef struct orm_res {
  const an_orm_model *m;
  an_orm_op op;
  int kind;
  uint32_t at;   /* the call's index */
  orm_strs cols; /* the columns named; empty: the whole row */
} orm_res;

static void orm_res_col(orm_res *r, const char *col) {
  if (!col) return;
  for (size_t i = 0; i < r->cols.len; i++)
    if (r->cols.items[i] == col) return;
  as_array_push(&r->cols, col);
}

static void orm_res_set(orm_res *r, an_orm_op op, int kind) {
  r->op = op;
  r->kind = kind;
}

/* The keyword arguments of a call that are columns (skipping skip). */
static void orm_res_kwcols(orm_res *r, const ir_inst *in, const char *skip) {
  if (!in->argnames) return;
  for (uint32_t k = 0; k < in->nargs; k++)
    if (in->argnames[k] && !orm_same(in->argnames[k], skip))
      orm_res_col(r, orm_col_str(r->m, in->argnames[k]));
}

/* The keys of object v that are columns. */
static void orm_res_objcols(orm_res *r, const ir_func *fn, const char *v, uint32_t end) {
  if (!v) return;
  orm_stores st = {0};
  orm_stores_of(fn, v, 0, end, &st);
  for (size_t i = 0; i < st.len; i++)
    if (st.items[i].field) orm_res_col(r, orm_col_str(r->m, st.items[i].field));
  as_array_free(&st);
}

/* The elements of list v, in order, into out (values). */
static void orm_list_items(const ir_func *fn, const char *v, uint32_t end, orm_stores *out) {
  if (!orm_literal(fn, v, end, "<list>")) return;
  orm_stores st = {0};
  orm_stores_of(fn, v, 0, end, &st);
  for (size_t i = 0; i < st.len; i++)
    if (!st.items[i].field) as_array_push(out, st.items[i]);
  as_array_free(&st);
}

/* Literal strings naming columns: a string value, or the elements of a list. */
static void orm_res_namecols(orm_res *r, const ir_func *fn, const char *v, uint32_t end) {
  if (!v) return;
  if (orm_literal(fn, v, end, "<list>")) {
    orm_stores st = {0};
    orm_list_items(fn, v, end, &st);
    for (size_t i = 0; i < st.len; i++)
      orm_res_namecols(r, fn, st.items[i].value, end);
    as_array_free(&st);
    return;
  }
  const char *t = orm_temp(v) ? orm_const(fn, v, end) : NULL;
  if (t && t[0] != '<' && !strstr(t, "__")) orm_res_col(r, orm_col_str(r->m, t));
}

/* The fields stored on an instance variable after it was produced: c.email = x. */
static void orm_res_setcols(orm_res *r, const ir_func *fn, const char *v, uint32_t from,
                            uint32_t to) {
  if (!v || orm_temp(v)) return;
  orm_stores st = {0};
  for (uint32_t i = from + 1; i < to; i++) {
    const ir_inst *in = &fn->insts[i];
    if (in->op == IR_STORE && orm_same(in->obj, v) && in->field) {
      orm_store s = {in->field, in->nargs ? in->args[0] : NULL, i};
      as_array_push(&st, s);
    }
  }
  for (size_t i = 0; i < st.len; i++)
    orm_res_col(r, orm_col_str(r->m, st.items[i].field));
  as_array_free(&st);
}

typedef struct orm_eval_ctx {
  const an_orm_set *self;
  const ir_unit *u;
  const ir_func *fn;
  bool python;
} orm_eval_ctx;

static bool orm_eval(const orm_eval_ctx *c, uint32_t i, int depth, orm_res *r);

/* ---- Django ---- */

static const char dj_qs_reads[] =
    " all filter exclude order_by values values_list only defer select_related prefetch_related "
    "distinct annotate alias using reverse none extra select_for_update dates datetimes union "
    "intersection difference ";
static const char dj_inst_reads[] = " get first last earliest latest ";
static const char dj_done_reads[] = " count exists aggregate in_bulk iterator contains explain ";

/* Apply Django method m (call i) to what its receiver evaluated to. */
static bool dj_apply(const orm_eval_ctx *c, uint32_t i, orm_span m, orm_res *r) {
  const ir_func *fn = c->fn;
  const ir_inst *in = &fn->insts[i];
  if (r->kind == RK_QS) {
    if (orm_in(m, dj_qs_reads)) {
      orm_res_set(r, AN_ORM_READ, RK_QS);
      if (orm_is(m, "values") || orm_is(m, "values_list") || orm_is(m, "only"))
        for (uint32_t k = 0; k < in->nargs; k++)
          if (orm_positional(in, k)) orm_res_namecols(r, fn, in->args[k], i);
      return true;
    }
    if (orm_in(m, dj_inst_reads)) {
      orm_res_set(r, AN_ORM_READ, RK_INST);
      return true;
    }
    if (orm_in(m, dj_done_reads)) {
      orm_res_set(r, AN_ORM_READ, RK_DONE);
      return true;
    }
    if (orm_is(m, "create") || orm_is(m, "get_or_create") || orm_is(m, "update_or_create")) {
      orm_res_set(r, AN_ORM_WRITE, RK_INST);
      r->cols.len = 0;
      orm_res_kwcols(r, in, "defaults");
      const char *d = orm_kwarg(in, "defaults");
      if (d) orm_res_objcols(r, fn, d, i);
      return true;
    }
    if (orm_is(m, "update") || orm_is(m, "delete") || orm_is(m, "bulk_create") ||
        orm_is(m, "bulk_update")) {
      orm_res_set(r, AN_ORM_WRITE, RK_DONE);
      r->cols.len = 0;
      if (orm_is(m, "update")) orm_res_kwcols(r, in, NULL);
      if (orm_is(m, "bulk_update")) {
        const char *fields = orm_kwarg(in, "fields");
        if (!fields && in->nargs >= 2 && orm_positional(in, 1)) fields = in->args[1];
        orm_res_namecols(r, fn, fields, i);
      }
      return true;
    }
    return false;
  }
  if (r->kind == RK_INST || r->kind == RK_NEW) {
    if (orm_is(m, "save")) {
      const char *uf = orm_kwarg(in, "update_fields");
      if (r->kind == RK_INST || uf) r->cols.len = 0;
      if (uf)
        orm_res_namecols(r, fn, uf, i);
      else
        orm_res_setcols(r, fn, in->obj, r->at, i);
      orm_res_set(r, AN_ORM_WRITE, RK_DONE);
      return true;
    }
    if (orm_is(m, "delete") || orm_is(m, "refresh_from_db")) {
      r->cols.len = 0;
      orm_res_set(r, orm_is(m, "delete") ? AN_ORM_WRITE : AN_ORM_READ, RK_DONE);
      return true;
    }
  }
  return false;
}

/* ---- SQLAlchemy ---- */

static const char sa_chain[] =
    " filter filter_by where order_by group_by having limit offset join outerjoin options distinct "
    "select_from with_entities execution_options params correlate returning join_from "
    "with_for_update add_columns ";
static const char sa_inst_reads[] = " first one one_or_none get scalar first_or_404 get_or_404 "
                                    "one_or_404 scalar_one scalar_one_or_none ";
static const char sa_done_reads[] = " all count exists paginate scalars ";

/* The SQLAlchemy model an argument value names (X, or X.col whose column is
 * added to r when r's model is X or unset). */
static const an_orm_model *sa_arg_model(const orm_eval_ctx *c, const char *v, uint32_t end,
                                        orm_res *r) {
  if (!orm_temp(v)) {
    const orm_model *m = orm_find_str(c->self, K_SQLALCHEMY, v);
    return m ? &m->pub : NULL;
  }
  uint32_t d = orm_def(c->fn, v, end);
  if (d == ORM_NONE) return NULL;
  const ir_inst *ld = &c->fn->insts[d];
  if (ld->op != IR_LOAD || !ld->obj || !ld->field || orm_temp(ld->obj)) return NULL;
  const orm_model *m = orm_find_str(c->self, K_SQLALCHEMY, ld->obj);
  if (!m) return NULL;
  if (!r->m || r->m == &m->pub) {
    r->m = &m->pub;
    orm_res_col(r, orm_col_str(r->m, ld->field));
  }
  return &m->pub;
}

static bool sa_apply(const orm_eval_ctx *c, uint32_t i, orm_span m, orm_res *r) {
  const ir_func *fn = c->fn;
  const ir_inst *in = &fn->insts[i];
  if (r->kind != RK_QS) return false;
  if (orm_in(m, sa_chain)) return true;
  if (orm_is(m, "values")) {
    if (r->op != AN_ORM_WRITE) return false;
    orm_res_kwcols(r, in, NULL);
    for (uint32_t k = 0; k < in->nargs; k++)
      if (orm_positional(in, k)) orm_res_objcols(r, fn, in->args[k], i);
    return true;
  }
  if (orm_in(m, sa_inst_reads) || orm_in(m, sa_done_reads)) {
    r->kind = orm_in(m, sa_inst_reads) ? RK_INST : RK_DONE;
    return true;
  }
  if (orm_is(m, "update") || orm_is(m, "delete")) {
    orm_res_set(r, AN_ORM_WRITE, RK_DONE);
    r->cols.len = 0;
    if (orm_is(m, "update")) {
      orm_res_kwcols(r, in, NULL);
      if (in->nargs && orm_positional(in, 0)) orm_res_objcols(r, fn, in->args[0], i);
    }
    return true;
  }
  return false;
}

/* session.query(X), select(X), insert/update/delete(X), session.get(X, id). */
static bool sa_root(const orm_eval_ctx *c, uint32_t i, const orm_span *p, size_t n, orm_res *r) {
  const ir_inst *in = &c->fn->insts[i];
  orm_span m = p[n - 1];
  bool query = n >= 2 && orm_is(m, "query");
  bool select = orm_is(m, "select") && (n == 1 || (n == 2 && !orm_is(p[0], "<expr>")));
  bool write = (orm_is(m, "insert") || orm_is(m, "update") || orm_is(m, "delete")) &&
               (n == 1 || (n == 2 && !orm_is(p[0], "<expr>")));
  bool get = n >= 2 && orm_is(m, "get");
  if (!query && !select && !write && !get) return false;
  if (in->nargs == 0) return false;
  if (query || select) {
    for (uint32_t k = 0; k < in->nargs; k++) {
      const an_orm_model *x = sa_arg_model(c, in->args[k], i, r);
      if (x && !r->m) r->m = x;
    }
    if (!r->m) return false;
    orm_res_set(r, AN_ORM_READ, RK_QS);
    return true;
  }
  const orm_model *x =
      orm_temp(in->args[0]) ? NULL : orm_find_str(c->self, K_SQLALCHEMY, in->args[0]);
  if (!x) return false;
  r->m = &x->pub;
  orm_res_set(r, get ? AN_ORM_READ : AN_ORM_WRITE, get ? RK_INST : RK_QS);
  return true;
}

/* session.add(v) / merge / delete / add_all([...]) of an instance of a
 * SQLAlchemy model. */
static bool sa_session(const orm_eval_ctx *c, uint32_t i, int depth, orm_span m, orm_res *r) {
  const ir_func *fn = c->fn;
  const ir_inst *in = &fn->insts[i];
  if (in->nargs != 1) return false;
  bool add = orm_is(m, "add") || orm_is(m, "merge"), del = orm_is(m, "delete");
  orm_stores items = {0};
  if (add || del) {
    orm_store s = {NULL, in->args[0], i};
    as_array_push(&items, s);
  } else if (orm_is(m, "add_all")) {
    orm_list_items(fn, in->args[0], i, &items);
  }
  for (size_t k = 0; k < items.len; k++) {
    const char *v = items.items[k].value;
    uint32_t d = orm_def(fn, v, i);
    if (d == ORM_NONE) continue;
    orm_res e = {0};
    if (!orm_eval(c, d, depth + 1, &e) || ((const orm_model *)e.m)->kind != K_SQLALCHEMY ||
        (r->m && r->m != e.m) || e.kind == RK_DONE) {
      as_array_free(&e.cols);
      continue;
    }
    r->m = e.m;
    if (!del) {
      if (e.kind == RK_NEW)
        for (size_t j = 0; j < e.cols.len; j++)
          orm_res_col(r, e.cols.items[j]);
      orm_res_setcols(r, fn, v, d, i);
    }
    as_array_free(&e.cols);
  }
  as_array_free(&items);
  if (!r->m) return false;
  if (del) r->cols.len = 0;
  orm_res_set(r, AN_ORM_WRITE, RK_DONE);
  return true;
}

static bool py_eval(const orm_eval_ctx *c, uint32_t i, int depth, orm_res *r) {
  const ir_inst *in = &c->fn->insts[i];
  orm_span p[ORM_PARTS];
  size_t n = orm_split(in->callee, p, ORM_PARTS);
  orm_span m = p[n - 1];
  const orm_model *x;
  r->at = i;
  /* X.objects.m */
  if (n >= 3 && orm_is(p[n - 2], "objects") && (x = orm_find(c->self, K_DJANGO, p[n - 3]))) {
    r->m = &x->pub;
    orm_res_set(r, AN_ORM_READ, RK_QS);
    return dj_apply(c, i, m, r);
  }
  /* X.query.m (Flask-SQLAlchemy) */
  if (n >= 3 && orm_is(p[n - 2], "query") && (x = orm_find(c->self, K_SQLALCHEMY, p[n - 3]))) {
    r->m = &x->pub;
    orm_res_set(r, AN_ORM_READ, RK_QS);
    return sa_apply(c, i, m, r);
  }
  if (sa_root(c, i, p, n, r)) return true;
  r->m = NULL;
  r->cols.len = 0;
  /* X(...): an instance, stored later */
  if (!orm_is(p[0], "<expr>") &&
      ((x = orm_find(c->self, K_DJANGO, m)) || (x = orm_find(c->self, K_SQLALCHEMY, m)))) {
    r->m = &x->pub;
    orm_res_set(r, AN_ORM_WRITE, RK_NEW);
    orm_res_kwcols(r, in, NULL);
    return true;
  }
  /* a method on what an ORM call returned */
  if (in->obj && n >= 2) {
    uint32_t d = orm_def(c->fn, in->obj, i);
    if (d != ORM_NONE && c->fn->insts[d].op == IR_CALL) {
      orm_res prev = {0};
      if (orm_eval(c, d, depth + 1, &prev)) {
        as_array_free(&r->cols);
        *r = prev;
        r->at = d;
        bool ok = ((const orm_model *)r->m)->kind == K_DJANGO ? dj_apply(c, i, m, r)
                                                              : sa_apply(c, i, m, r);
        if (ok) return true;
        r->m = NULL;
        r->cols.len = 0;
      } else {
        as_array_free(&prev.cols);
      }
    }
  }
  if (n >= 2 &&
      (orm_is(m, "add") || orm_is(m, "merge") || orm_is(m, "delete") || orm_is(m, "add_all")))
    return sa_session(c, i, depth, m, r);
  return false;
}

/* ---- Sequelize and Prisma ---- */

static const char prisma_reads[] =
    " findMany findUnique findUniqueOrThrow findFirst findFirstOrThrow count aggregate groupBy ";
static const char prisma_writes[] = " create createMany createManyAndReturn update updateMany "
                                    "updateManyAndReturn upsert delete deleteMany ";

/* A Prisma client's name: prisma, this.prisma, prismaService, tx, db. */
static bool prisma_client(orm_span p) {
  if (orm_is(p, "tx") || orm_is(p, "db")) return true;
  for (size_t i = 0; i + 6 <= p.n; i++)
    if (strncasecmp(p.s + i, "prisma", 6) == 0) return true;
  return false;
}

/* The key fields of the objects in a Prisma data value (an object or a list
 * of objects). */
static void prisma_data_cols(orm_res *r, const ir_func *fn, const char *v, uint32_t end) {
  if (!v) return;
  if (orm_literal(fn, v, end, "<list>")) {
    orm_stores st = {0};
    orm_list_items(fn, v, end, &st);
    for (size_t i = 0; i < st.len; i++)
      orm_res_objcols(r, fn, st.items[i].value, end);
    as_array_free(&st);
    return;
  }
  orm_res_objcols(r, fn, v, end);
}

static bool prisma_apply(const orm_eval_ctx *c, uint32_t i, orm_span m, orm_res *r) {
  const ir_func *fn = c->fn;
  const ir_inst *in = &fn->insts[i];
  const char *arg = in->nargs && orm_is_object(fn, in->args[0], i) ? in->args[0] : NULL;
  if (orm_in(m, prisma_reads)) {
    orm_res_set(r, AN_ORM_READ, RK_DONE);
    if (arg) orm_res_objcols(r, fn, orm_field_value(fn, arg, i, "select"), i);
    return true;
  }
  if (!orm_in(m, prisma_writes)) return false;
  orm_res_set(r, AN_ORM_WRITE, RK_DONE);
  if (!arg) return true;
  if (orm_is(m, "upsert")) {
    prisma_data_cols(r, fn, orm_field_value(fn, arg, i, "create"), i);
    prisma_data_cols(r, fn, orm_field_value(fn, arg, i, "update"), i);
  } else if (!orm_is(m, "delete") && !orm_is(m, "deleteMany")) {
    prisma_data_cols(r, fn, orm_field_value(fn, arg, i, "data"), i);
  }
  return true;
}

static const char seq_reads_list[] = " findAll findAndCountAll count max min sum ";

/* X.m for a Sequelize model X. */
static bool seq_static(const orm_eval_ctx *c, uint32_t i, orm_span m, orm_res *r) {
  const ir_func *fn = c->fn;
  const ir_inst *in = &fn->insts[i];
  const char *arg = in->nargs ? in->args[0] : NULL;
  bool obj = arg && orm_is_object(fn, arg, i);
  if (orm_in(m, seq_reads_list) || orm_is(m, "findOne") || orm_is(m, "findByPk")) {
    orm_res_set(r, AN_ORM_READ, orm_is(m, "findOne") || orm_is(m, "findByPk") ? RK_INST : RK_DONE);
    const char *opts = orm_is(m, "findByPk") ? (in->nargs >= 2 ? in->args[1] : NULL) : arg;
    if (opts && orm_is_object(fn, opts, i))
      orm_res_namecols(r, fn, orm_field_value(fn, opts, i, "attributes"), i);
    return true;
  }
  if (orm_is(m, "create") || orm_is(m, "build") || orm_is(m, "upsert") || orm_is(m, "update")) {
    orm_res_set(r, AN_ORM_WRITE,
                orm_is(m, "build")    ? RK_NEW
                : orm_is(m, "create") ? RK_INST
                                      : RK_DONE);
    if (obj) orm_res_objcols(r, fn, arg, i);
    return true;
  }
  if (orm_is(m, "bulkCreate")) {
    orm_res_set(r, AN_ORM_WRITE, RK_DONE);
    prisma_data_cols(r, fn, arg, i);
    return true;
  }
  if (orm_is(m, "increment") || orm_is(m, "decrement")) {
    orm_res_set(r, AN_ORM_WRITE, RK_DONE);
    if (obj)
      orm_res_objcols(r, fn, arg, i);
    else
      orm_res_namecols(r, fn, arg, i);
    return true;
  }
  if (orm_is(m, "findOrCreate")) {
    orm_res_set(r, AN_ORM_WRITE, RK_DONE);
    if (obj) orm_res_objcols(r, fn, orm_field_value(fn, arg, i, "defaults"), i);
    return true;
  }
  if (orm_is(m, "destroy") || orm_is(m, "truncate") || orm_is(m, "restore")) {
    orm_res_set(r, AN_ORM_WRITE, RK_DONE);
    return true;
  }
  return false;
}

/* inst.m for a Sequelize instance (findOne, findByPk, create, build). */
static bool seq_instance(const orm_eval_ctx *c, uint32_t i, orm_span m, orm_res *r) {
  const ir_func *fn = c->fn;
  const ir_inst *in = &fn->insts[i];
  const char *arg = in->nargs ? in->args[0] : NULL;
  bool was_new = r->kind == RK_NEW;
  if (orm_is(m, "save")) {
    if (!was_new) r->cols.len = 0;
    orm_res_setcols(r, fn, in->obj, r->at, i);
    orm_res_set(r, AN_ORM_WRITE, RK_DONE);
    return true;
  }
  r->cols.len = 0;
  if (orm_is(m, "update")) {
    orm_res_set(r, AN_ORM_WRITE, RK_DONE);
    if (arg && orm_is_object(fn, arg, i)) orm_res_objcols(r, fn, arg, i);
    return true;
  }
  if (orm_is(m, "increment") || orm_is(m, "decrement")) {
    orm_res_set(r, AN_ORM_WRITE, RK_DONE);
    if (arg && orm_is_object(fn, arg, i))
      orm_res_objcols(r, fn, arg, i);
    else
      orm_res_namecols(r, fn, arg, i);
    return true;
  }
  if (orm_is(m, "destroy") || orm_is(m, "restore")) {
    orm_res_set(r, AN_ORM_WRITE, RK_DONE);
    return true;
  }
  if (orm_is(m, "reload")) {
    orm_res_set(r, AN_ORM_READ, RK_DONE);
    return true;
  }
  return false;
}

static bool js_eval(const orm_eval_ctx *c, uint32_t i, int depth, orm_res *r) {
  const ir_inst *in = &c->fn->insts[i];
  orm_span p[ORM_PARTS];
  size_t n = orm_split(in->callee, p, ORM_PARTS);
  orm_span m = p[n - 1];
  const orm_model *x;
  r->at = i;
  if (n >= 3 && prisma_client(p[n - 3]) && (x = orm_find(c->self, K_PRISMA, p[n - 2]))) {
    r->m = &x->pub;
    if (prisma_apply(c, i, m, r)) return true;
    r->m = NULL;
    r->cols.len = 0;
  }
  if (n >= 2 && (x = orm_find(c->self, K_SEQUELIZE, p[n - 2]))) {
    r->m = &x->pub;
    if (seq_static(c, i, m, r)) return true;
    r->m = NULL;
    r->cols.len = 0;
  }
  if (in->obj && n >= 2) {
    uint32_t d = orm_def(c->fn, in->obj, i);
    if (d != ORM_NONE && c->fn->insts[d].op == IR_CALL) {
      orm_res prev = {0};
      if (orm_eval(c, d, depth + 1, &prev)) {
        if (((const orm_model *)prev.m)->kind == K_SEQUELIZE &&
            (prev.kind == RK_INST || prev.kind == RK_NEW)) {
          as_array_free(&r->cols);
          *r = prev;
          r->at = d;
          if (seq_instance(c, i, m, r)) return true;
          r->m = NULL;
          r->cols.len = 0;
        } else {
          as_array_free(&prev.cols);
        }
      } else {
        as_array_free(&prev.cols);
      }
    }
  }
  return false;
}

/* Evaluate call i; on false r->m is NULL (r->cols may hold memory: the
 * caller frees it). */
static bool orm_eval(const orm_eval_ctx *c, uint32_t i, int depth, orm_res *r) {
  const ir_inst *in = &c->fn->insts[i];
  if (depth > ORM_DEPTH || in->op != IR_CALL || !in->callee || !in->callee[0]) return false;
  bool ok = c->python ? py_eval(c, i, depth, r) : js_eval(c, i, depth, r);
  if (!ok) {
    r->m = NULL;
    r->cols.len = 0;
  }
  return ok && r->m;
}

bool an_orm_call_at(const an_orm_set *self, const ir_unit *u, const ir_func *fn, uint32_t inst,
                    an_orm_call *out) {
  if (!self || !u || !fn || !u->lang || inst >= fn->ninsts || fn->insts[inst].op != IR_CALL)
    return false;
  orm_eval_ctx c = {self, u, fn, strcmp(u->lang, "python") == 0};
  bool js = strcmp(u->lang, "javascript") == 0 || strcmp(u->lang, "typescript") == 0;
  if (c.python ? self->nkind[K_DJANGO] + self->nkind[K_SQLALCHEMY] == 0
               : !js || self->nkind[K_SEQUELIZE] + self->nkind[K_PRISMA] == 0)
    return false;
  orm_res r = {0};
  bool ok = orm_eval(&c, inst, 0, &r) && r.kind != RK_NEW;
  /* a link followed by another ORM link on the same model: the last reports */
  const char *dst = fn->insts[inst].dst;
  for (uint32_t j = inst + 1; ok && orm_temp(dst) && j < fn->ninsts; j++) {
    const ir_inst *next = &fn->insts[j];
    if (next->op != IR_CALL || !orm_same(next->obj, dst)) continue;
    orm_res r2 = {0};
    if (orm_eval(&c, j, 0, &r2) && r2.m == r.m) ok = false;
    as_array_free(&r2.cols);
    break;
  }
  if (ok) {
    out->model = r.m;
    out->op = r.op;
    out->ncolumns = (uint32_t)r.cols.len;
    out->columns =
        r.cols.len ? as_arena_memdup(self->arena, r.cols.items, r.cols.len * sizeof(const char *))
                   : NULL;
  }
  as_array_free(&r.cols);
  return ok;
}
