/* access.c — the data-access graph (see access.h). */
#include "access.h"
#include "orm.h"
#include "sql.h"

#include <ctype.h>
#include <errno.h>
#include <string.h>
#include <strings.h>

typedef struct ac_svc {
  const char *name; /* "." for the root */
  const char *root; /* "" for the root */
  const an_flow_service *fs;
  an_schema *schema;
  an_orm_set *orm;
  as_ptrmap orm_tables; /* interned lower-case table -> const an_orm_model * */
} ac_svc;

typedef struct ac_reach {
  const char *endpoint;
  struct ac_reach *next;
} ac_reach;

struct an_access_set {
  as_arena *arena;
  as_intern *names;
  const an_catalogue *cat;
  AS_ARRAY(ac_svc) svcs;
  AS_ARRAY(an_access_site) sites;
  as_ptrmap site_of;  /* const ir_inst * -> site index + 1 */
  as_ptrmap reached;  /* const ir_func * -> ac_reach list */
  as_ptrmap classify; /* interned name -> category or AC_MISS */
};

static const char AC_MISS[] = "";

const char *an_access_op_name(bool write) {
  return write ? "write" : "read";
}

static const char *ac_str(an_access_set *s, const char *t) {
  return as_intern_str(s->names, t ? t : "");
}

static const char *ac_classify(an_access_set *s, const char *name) {
  if (!name || !*name || !s->cat) return NULL;
  const char *key = ac_str(s, name);
  void **slot = as_ptrmap_slot(&s->classify, key);
  if (*slot) return *slot == AC_MISS ? NULL : *slot;
  const char *cat = an_catalogue_classify(s->cat, name);
  *slot = (void *)(cat ? cat : AC_MISS);
  return cat;
}

/* ---- rebuilding a statement from the IR ----------------------------------------- */

typedef struct ac_eval {
  an_access_set *set;
  const ac_svc *svc;
  as_buf out;
  AS_ARRAY(uint32_t) holes;
  bool python;      /* Python paramstyles: %s and %(name)s are parameters */
  const char *hole; /* what a computed part becomes: "?" (SQL) or "{}" (keys) */
  int depth;
  bool no_pct;  /* read "...%s..." + x as concatenation, not as % formatting */
  bool saw_pct; /* a concatenation was read as % formatting */
} ac_eval;

static void ac_hole(ac_eval *e) {
  /* Two computed parts in a row are one hole. */
  if (e->holes.len && e->holes.items[e->holes.len - 1] + strlen(e->hole) == e->out.len) return;
  as_array_push(&e->holes, (uint32_t)e->out.len);
  as_buf_puts(&e->out, e->hole);
}

/* Literal text; Python's DB-API parameters become SQLite's. */
static void ac_literal(ac_eval *e, const char *t) {
  if (!e->python || e->hole[0] != '?') {
    as_buf_puts(&e->out, t);
    return;
  }
  for (const char *p = t; *p; p++) {
    if (p[0] == '%' && p[1] == '%') {
      as_buf_putc(&e->out, '%');
      p++;
    } else if (p[0] == '%' && (p[1] == 's' || p[1] == 'd')) {
      as_buf_putc(&e->out, '?');
      p++;
    } else if (p[0] == '%' && p[1] == '(') {
      const char *close = strchr(p, ')');
      if (close && (close[1] == 's' || close[1] == 'd')) {
        as_buf_printf(&e->out, ":%.*s", (int)(close - p - 2), p + 2);
        p = close + 1;
      } else {
        as_buf_putc(&e->out, *p);
      }
    } else {
      as_buf_putc(&e->out, *p);
    }
  }
}

static void ac_value(ac_eval *e, const ir_unit *u, const ir_func *fn, uint32_t i, const char *v);

static const ir_func *ac_module_func(const ir_unit *u) {
  for (uint32_t f = 0; f < u->nfuncs; f++)
    if (strcmp(u->funcs[f]->name, "<module>") == 0) return u->funcs[f];
  return NULL;
}

/* A field initialiser of the unit's classes (Java's `static final String Q =
 * "..."`, lowered as `store this.Q` in the constructor). */
static bool ac_field_init(ac_eval *e, const ir_unit *u, const char *field) {
  for (uint32_t f = 0; f < u->nfuncs; f++) {
    const ir_func *fn = u->funcs[f];
    size_t n = strlen(fn->name);
    if (n < 7 || strcmp(fn->name + n - 7, ".<init>") != 0) continue;
    for (uint32_t i = 0; i < fn->ninsts; i++) {
      const ir_inst *in = &fn->insts[i];
      if (in->op == IR_STORE && in->field == field && in->nargs == 1 &&
          strcmp(in->obj, "this") == 0) {
        ac_value(e, u, fn, i, in->args[0]);
        return true;
      }
    }
  }
  return false;
}

/* A module-level definition of v: in the unit, or imported from a unit of the
 * service. */
static bool ac_global(ac_eval *e, const ir_unit *u, const char *v) {
  if (strcmp(u->lang, "java") == 0 && ac_field_init(e, u, v)) return true;
  const ir_func *m = ac_module_func(u);
  if (m)
    for (uint32_t i = m->ninsts; i-- > 0;)
      if (m->insts[i].dst == v) {
        ac_value(e, u, m, i + 1, v);
        return true;
      }
  for (uint32_t k = 0; k < u->nimports; k++) {
    if (u->imports[k].alias != v) continue;
    const char *t = u->imports[k].target, *dot = strrchr(t, '.');
    if (!dot) return false;
    for (size_t x = 0; x < e->svc->fs->nunits; x++) {
      const ir_unit *g = e->svc->fs->units[x];
      if (g == u || g->failed || strlen(g->module) != (size_t)(dot - t) ||
          strncmp(g->module, t, (size_t)(dot - t)) != 0)
        continue;
      return ac_global(e, g, as_intern_str(u->strings, dot + 1));
    }
    return false;
  }
  return false;
}

static const ir_inst *ac_def(const ir_func *fn, uint32_t i, const char *v, uint32_t *at) {
  while (i-- > 0)
    if (fn->insts[i].dst == v) {
      *at = i;
      return &fn->insts[i];
    }
  return NULL;
}

static const char *ac_const_at(const ir_func *fn, uint32_t i, const char *v) {
  uint32_t at;
  const ir_inst *d = ac_def(fn, i, v, &at);
  return d && d->op == IR_CONST ? d->text : NULL;
}

/* A format string whose placeholders (printf's %s/%d/%v..., or Python's
 * {}/{name}) each take one computed part. */
static void ac_format(ac_eval *e, const char *fmt, bool braces) {
  bool py = e->python;
  e->python = false;
  as_buf lit = {0};
  for (const char *p = fmt; *p; p++) {
    bool ph = false;
    if (braces && p[0] == '{' && p[1] == '{') {
      as_buf_putc(&lit, '{');
      p++;
      continue;
    }
    if (braces && *p == '{') {
      const char *close = strchr(p, '}');
      if (close) {
        p = close;
        ph = true;
      }
    } else if (!braces && p[0] == '%' && p[1] == '%') {
      as_buf_putc(&lit, '%');
      p++;
      continue;
    } else if (!braces && *p == '%') {
      const char *q = p + 1;
      if (*q == '(') {
        const char *close = strchr(q, ')');
        if (close) q = close + 1;
      }
      while (*q && strchr("-+ #0123456789.lhqzjt", *q))
        q++;
      if (*q && strchr("sdifuxXvqbcegEG", *q)) {
        p = q;
        ph = true;
      }
    }
    if (ph) {
      if (lit.len) {
        as_buf_putc(&lit, 0);
        ac_literal(e, lit.data);
        lit.len = 0;
      }
      ac_hole(e);
    } else {
      as_buf_putc(&lit, *p);
    }
  }
  if (lit.len) {
    as_buf_putc(&lit, 0);
    ac_literal(e, lit.data);
  }
  as_buf_free(&lit);
  e->python = py;
}

static bool ac_is_formatter(const char *callee) {
  static const char *const names[] = {"String.format", "fmt.Sprintf", "format", "util.format",
                                      "str.format"};
  for (size_t k = 0; k < sizeof names / sizeof *names; k++)
    if (strcmp(callee, names[k]) == 0) return true;
  return false;
}

/* Calls that wrap a statement without changing it: SQLAlchemy's text(),
 * psycopg's sql.SQL(). */
static bool ac_is_wrapper(const char *callee) {
  static const char *const names[] = {"text",    "sqlalchemy.text",  "sa.text",
                                      "sql.SQL", "psycopg2.sql.SQL", "db.text"};
  for (size_t k = 0; k < sizeof names / sizeof *names; k++)
    if (strcmp(callee, names[k]) == 0) return true;
  return false;
}

static void ac_value(ac_eval *e, const ir_unit *u, const ir_func *fn, uint32_t i, const char *v) {
  if (!v || ++e->depth > 24) {
    ac_hole(e);
    if (v) e->depth--;
    return;
  }
  uint32_t at = 0;
  const ir_inst *d = ac_def(fn, i, v, &at);
  if (!d) {
    if (strcmp(fn->name, "<module>") == 0 || !ac_global(e, u, v)) ac_hole(e);
  } else if (d->op == IR_CONST) {
    size_t n = strlen(d->text);
    if (n >= 2 && d->text[0] == '<' && d->text[n - 1] == '>')
      ac_hole(e); /* a placeholder ("<list>", "<expr>") */
    else
      ac_literal(e, d->text);
  } else if (d->op == IR_COPY) {
    ac_value(e, u, fn, at, d->args[0]);
  } else if (d->op == IR_CONCAT) {
    /* Python's "..." % x is lowered as string building: the format's
     * placeholders take the parts after it. */
    const char *first = d->nargs > 1 ? ac_const_at(fn, at, d->args[0]) : NULL;
    if (first && e->python && strchr(first, '%') && !e->no_pct) {
      e->saw_pct = true;
      ac_format(e, first, false);
    } else {
      for (uint32_t a = 0; a < d->nargs; a++)
        ac_value(e, u, fn, at, d->args[a]);
    }
  } else if (d->op == IR_LOAD && d->field && d->obj && strcmp(d->obj, "this") == 0) {
    if (!ac_field_init(e, u, d->field)) ac_hole(e); /* this.QUERY */
  } else if (d->op == IR_CALL && d->nargs >= 1 && ac_is_wrapper(d->callee)) {
    ac_value(e, u, fn, at, d->args[0]);
  } else if (d->op == IR_CALL && d->nargs >= 1 && ac_is_formatter(d->callee)) {
    const char *fmt = ac_const_at(fn, at, d->args[0]);
    if (fmt)
      ac_format(e, fmt, false);
    else
      ac_hole(e);
  } else if (d->op == IR_CALL && d->obj && strcmp(d->callee, "<str>.format") == 0) {
    const char *fmt = ac_const_at(fn, at, d->obj);
    if (fmt)
      ac_format(e, fmt, true);
    else
      ac_hole(e);
  } else {
    ac_hole(e);
  }
  e->depth--;
}

/* ---- sites ------------------------------------------------------------------------- */

static an_access_site *ac_site(an_access_set *s, const ac_svc *svc, const ir_unit *u,
                               const ir_func *fn, uint32_t i, const char *via) {
  an_access_site st = {0};
  st.unit = u;
  st.fn = fn;
  st.inst = i;
  st.service = svc->name;
  st.via = via;
  as_array_push(&s->sites, st);
  *as_ptrmap_slot(&s->site_of, &fn->insts[i]) = (void *)(uintptr_t)s->sites.len;
  return &s->sites.items[s->sites.len - 1];
}

static void ac_item(an_access_set *s, an_access_site *site, an_access_kind kind, const char *res,
                    const char *column, const char *category, bool write) {
  an_access_item it = {kind, res, column, category, write};
  an_access_item *n = as_arena_alloc(s->arena, (site->nitems + 1) * sizeof *n);
  if (site->nitems) memcpy(n, site->items, site->nitems * sizeof *n);
  n[site->nitems++] = it;
  site->items = n;
  if (write)
    site->writes = true;
  else
    site->reads = true;
}

/* Rebuild the statement of v and prepare it. *shown is the statement as
 * reported: each computed part marked "{}" (a bound parameter stays "?").
 * *out and the texts live in tmp. */
static int ac_prepare(an_access_set *s, ac_svc *svc, const ir_unit *u, const ir_func *fn,
                      uint32_t i, const char *v, bool no_pct, bool *saw_pct, as_arena *tmp,
                      const char **shown, an_sql_result *out) {
  ac_eval e = {s, svc, {0}, {0}, strcmp(u->lang, "python") == 0, "?", 0, no_pct, false};
  ac_value(&e, u, fn, i, v);
  const char *text = as_arena_strdup(tmp, e.out.data ? e.out.data : "");
  as_buf b = {0};
  size_t from = 0;
  for (size_t h = 0; h < e.holes.len; h++) {
    as_buf_put(&b, text + from, e.holes.items[h] - from);
    as_buf_puts(&b, "{}");
    from = e.holes.items[h] + 1;
  }
  as_buf_puts(&b, text + from);
  *shown = as_arena_strdup(tmp, b.data ? b.data : "");
  as_buf_free(&b);
  *saw_pct = e.saw_pct;
  int rc = -1;
  if (e.holes.len == 1 && e.out.len == 1) {
    memset(out, 0, sizeof *out);
    out->unresolved = "dynamic SQL: the whole statement is computed";
  } else {
    an_sql_holes holes = {e.holes.items, e.holes.len};
    rc = an_sql_access(svc->schema, text, &holes, s->cat, tmp, out);
  }
  as_buf_free(&e.out);
  as_array_free(&e.holes);
  return rc;
}

static void ac_sql_site(an_access_set *s, ac_svc *svc, const ir_unit *u, const ir_func *fn,
                        uint32_t i) {
  const ir_inst *in = &fn->insts[i];
  uint32_t a = in->fact_sql - 1u;
  if (a >= in->nargs) return; /* executeQuery() of a prepared statement: read at prepare */
  /* pgx takes the context first where database/sql does not. */
  if (strcmp(u->lang, "go") == 0 && a + 1 < in->nargs &&
      (strncmp(in->args[a], "ctx", 3) == 0 || strcmp(in->args[a], "context.Background()") == 0))
    a++;
  /* session.execute(select(User)): the ORM call that built the statement is
   * the access, already read. */
  uint32_t at;
  const ir_inst *d = ac_def(fn, i, in->args[a], &at);
  if (d && d->op == IR_CALL && as_ptrmap_get(&s->site_of, d)) return;
  as_arena *tmp = as_arena_new();
  const char *text;
  bool saw_pct;
  an_sql_result r;
  int rc = ac_prepare(s, svc, u, fn, i, in->args[a], false, &saw_pct, tmp, &text, &r);
  if (rc != 0 && saw_pct) {
    /* f"... = %s AND id = {uid}" lowers like "... = %s AND id = " % uid:
     * when reading it as % formatting does not prepare, read it as
     * concatenation (the %s a DB-API parameter). */
    const char *text2;
    an_sql_result r2;
    if (ac_prepare(s, svc, u, fn, i, in->args[a], true, &saw_pct, tmp, &text2, &r2) == 0) {
      text = text2;
      r = r2;
    }
  }
  an_access_site *site = ac_site(s, svc, u, fn, i, "sql");
  site->statement = as_arena_strdup(s->arena, text);
  if (r.unresolved) site->unresolved = as_arena_strdup(s->arena, r.unresolved);
  for (size_t k = 0; k < r.naccesses; k++) {
    const an_sql_item *it = &r.accesses[k];
    ac_item(s, site, AN_ACCESS_TABLE, ac_str(s, it->table),
            it->column ? ac_str(s, it->column) : NULL, it->category, it->op == AN_SQL_WRITE);
  }
  as_arena_delete(tmp);
}

/* Redis commands and whether they write. */
static int ac_kv_command(const char *cmd) {
  static const char *const reads[] = {"get",     "mget",          "hget",   "hgetall",  "hmget",
                                      "hexists", "hkeys",         "hvals",  "exists",   "ttl",
                                      "pttl",    "lrange",        "lindex", "smembers", "sismember",
                                      "zrange",  "zrangebyscore", "zscore"};
  static const char *const writes[] = {"set",    "setex",  "psetex", "setnx",  "getset",  "getdel",
                                       "getex",  "mset",   "hset",   "hsetnx", "hmset",   "hdel",
                                       "del",    "delete", "unlink", "expire", "pexpire", "incr",
                                       "incrby", "decr",   "decrby", "append", "lpush",   "rpush",
                                       "lpop",   "rpop",   "sadd",   "srem",   "zadd",    "zrem"};
  for (size_t k = 0; k < sizeof reads / sizeof *reads; k++)
    if (strcasecmp(cmd, reads[k]) == 0) return 0;
  for (size_t k = 0; k < sizeof writes / sizeof *writes; k++)
    if (strcasecmp(cmd, writes[k]) == 0) return 1;
  return -1;
}

static bool ac_kv_hash(const char *cmd) {
  return strncasecmp(cmd, "h", 1) == 0 && strcasecmp(cmd, "hgetall") != 0 &&
         strcasecmp(cmd, "hkeys") != 0 && strcasecmp(cmd, "hvals") != 0;
}

/* The category of a key pattern: of its literal words ("session:{}:email"). */
static const char *ac_key_category(an_access_set *s, const char *key) {
  char word[128];
  size_t n = 0;
  const char *cat = NULL;
  for (const char *p = key;; p++) {
    bool sep = !*p || *p == ':' || *p == '/' || *p == '.' || *p == '{' || *p == '}' || *p == '|' ||
               *p == '#';
    if (!sep) {
      if (n + 1 < sizeof word) word[n++] = *p;
      continue;
    }
    if (n) {
      word[n] = 0;
      const char *c = ac_classify(s, word);
      if (c && !cat) cat = c;
      n = 0;
    }
    if (!*p) break;
  }
  return cat;
}

static void ac_kv_site(an_access_set *s, ac_svc *svc, const ir_unit *u, const ir_func *fn,
                       uint32_t i) {
  const ir_inst *in = &fn->insts[i];
  uint32_t a = in->fact_key - 1u;
  if (a >= in->nargs) return;
  char cmd[32] = "", field[128] = "";
  /* python: "user:%s" % uid is formatting, as in statements. */
  ac_eval e = {s, svc, {0}, {0}, strcmp(u->lang, "python") == 0, "{}", 0, false, false};
  if (in->fact_key_format) {
    const char *fmt = ac_const_at(fn, i, in->args[a]);
    if (!fmt) return;
    /* "SET user:%s:email %s": the command, the key, the hash field. */
    const char *p = fmt;
    while (*p == ' ')
      p++;
    size_t n = strcspn(p, " ");
    snprintf(cmd, sizeof cmd, "%.*s", (int)n, p);
    p += n;
    while (*p == ' ')
      p++;
    n = strcspn(p, " ");
    char *key = as_strndup(p, n);
    ac_format(&e, key, false);
    free(key);
    p += n;
    while (*p == ' ')
      p++;
    n = strcspn(p, " ");
    if (n && !memchr(p, '%', n)) snprintf(field, sizeof field, "%.*s", (int)n, p);
  } else {
    const char *dot = strrchr(in->callee, '.');
    snprintf(cmd, sizeof cmd, "%s", dot ? dot + 1 : in->callee);
    ac_value(&e, u, fn, i, in->args[a]);
    const char *f = a + 1 < in->nargs ? ac_const_at(fn, i, in->args[a + 1]) : NULL;
    if (f && !(f[0] == '<' && f[strlen(f) - 1] == '>')) snprintf(field, sizeof field, "%s", f);
  }
  int w = ac_kv_command(cmd);
  if (w >= 0 && e.out.data) {
    an_access_site *site = ac_site(s, svc, u, fn, i, "redis");
    const char *key = ac_str(s, e.out.data);
    for (char *c = cmd; *c; c++)
      *c = (char)toupper((unsigned char)*c);
    char *stmt = as_sprintf("%s %s%s%s", cmd, key, field[0] && ac_kv_hash(cmd) ? " " : "",
                            field[0] && ac_kv_hash(cmd) ? field : "");
    site->statement = as_arena_strdup(s->arena, stmt);
    free(stmt);
    const char *col = field[0] && ac_kv_hash(cmd) ? ac_str(s, field) : NULL;
    const char *cat = col ? ac_classify(s, col) : NULL;
    if (!cat) cat = ac_key_category(s, key);
    ac_item(s, site, AN_ACCESS_KEY, key, col, cat, w == 1);
  }
  as_buf_free(&e.out);
  as_array_free(&e.holes);
}

static void ac_orm_site(an_access_set *s, ac_svc *svc, const ir_unit *u, const ir_func *fn,
                        uint32_t i, const an_orm_call *oc) {
  const an_orm_model *m = oc->model;
  char via[64];
  snprintf(via, sizeof via, "orm:%s", m->orm);
  an_access_site *site = ac_site(s, svc, u, fn, i, ac_str(s, via));
  site->statement = ac_str(s, fn->insts[i].callee);
  /* The table as the schema spells it (the SQL may have declared it). */
  const char *const *cols = NULL;
  size_t ncols = an_schema_columns(svc->schema, m->table, &cols);
  const char *table = ac_str(s, m->table);
  const char *const *names = oc->columns ? oc->columns : (ncols ? cols : m->columns);
  size_t n = oc->columns ? oc->ncolumns : (ncols ? ncols : m->ncolumns);
  bool write = oc->op == AN_ORM_WRITE;
  if (write && !oc->columns) ac_item(s, site, AN_ACCESS_TABLE, table, NULL, NULL, true);
  for (size_t k = 0; k < n; k++)
    ac_item(s, site, AN_ACCESS_TABLE, table, ac_str(s, names[k]), ac_classify(s, names[k]), write);
  if (!n) ac_item(s, site, AN_ACCESS_TABLE, table, NULL, NULL, write);
}

/* ---- building ---------------------------------------------------------------------- */

static const char *ac_service_of(const char *path, const char *const *roots, size_t n) {
  const char *best = NULL;
  size_t bl = 0;
  for (size_t i = 0; i < n; i++) {
    size_t l = strlen(roots[i]);
    if (l && l > bl && strncmp(path, roots[i], l) == 0 && path[l] == '/') {
      best = roots[i];
      bl = l;
    }
  }
  return best; /* NULL: outside every service */
}

static bool ac_ends(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void ac_load_file(an_access_set *s, ac_svc *svc, const char *root, const char *rel,
                         an_result *res) {
  char *abs = as_sprintf("%s/%s", root, rel), *text = NULL;
  size_t len = 0;
  if (as_read_file(abs, &text, &len) != 0) {
    char msg[512];
    snprintf(msg, sizeof msg, "cannot read schema file: %s", strerror(errno));
    as_diag d = {AS_DIAG_WARNING, rel, 0, 0, "read-error", msg};
    an_result_add_diag(res, &d);
  } else if (ac_ends(rel, ".prisma")) {
    an_orm_add_prisma(svc->orm, text, rel);
  } else {
    an_schema_add_sql(svc->schema, text, rel);
  }
  free(text);
  free(abs);
  (void)s;
}

an_access_set *an_access_build(const char *root, const an_flow_service *services, size_t nservices,
                               const char *const *files, size_t nfiles, const char *const *roots,
                               const an_catalogue *cat, an_result *res) {
  an_access_set *s = as_calloc(1, sizeof *s);
  s->arena = as_arena_new();
  s->names = as_intern_new();
  s->cat = cat;
  for (size_t k = 0; k < nservices; k++) {
    ac_svc v = {0};
    v.name = ac_str(s, services[k].name);
    v.root = roots[k];
    v.fs = &services[k];
    v.schema = an_schema_new();
    v.orm = an_orm_set_new();
    as_array_push(&s->svcs, v);
  }
  /* Schema files: the repository's shared ones first, then the service's own,
   * each in path order (migrations apply in order). */
  for (size_t k = 0; k < s->svcs.len; k++) {
    ac_svc *v = &s->svcs.items[k];
    for (int pass = 0; pass < 2; pass++)
      for (size_t f = 0; f < nfiles; f++) {
        const char *owner = ac_service_of(files[f], roots, nservices);
        bool mine = pass == 0 ? owner == NULL : owner && strcmp(owner, v->root) == 0;
        if (mine) ac_load_file(s, v, root, files[f], res);
      }
    for (size_t x = 0; x < v->fs->nunits; x++)
      if (!v->fs->units[x]->failed) an_orm_add_unit(v->orm, v->fs->units[x]);
    /* ORM tables the SQL did not declare join the schema. */
    for (size_t m = 0; m < an_orm_count(v->orm); m++) {
      const an_orm_model *om = an_orm_at(v->orm, m);
      const char *const *cols;
      char low[256];
      size_t n = 0;
      for (; om->table[n] && n + 1 < sizeof low; n++)
        low[n] = (char)tolower((unsigned char)om->table[n]);
      low[n] = 0;
      void **slot = as_ptrmap_slot(&v->orm_tables, ac_str(s, low));
      if (an_schema_columns(v->schema, om->table, &cols) == 0) {
        char *ddl = an_orm_ddl(om);
        an_schema_add_sql(v->schema, ddl, om->path);
        free(ddl);
        if (!*slot) *slot = (void *)om;
      }
    }
    size_t nd = 0;
    const as_diag *dd = an_schema_diags(v->schema, &nd);
    for (size_t d = 0; d < nd; d++)
      an_result_add_diag(res, &dd[d]);
  }
  /* Call sites. */
  for (size_t k = 0; k < s->svcs.len; k++) {
    ac_svc *v = &s->svcs.items[k];
    for (size_t x = 0; x < v->fs->nunits; x++) {
      const ir_unit *u = v->fs->units[x];
      if (u->failed) continue;
      for (uint32_t f = 0; f < u->nfuncs; f++) {
        const ir_func *fn = u->funcs[f];
        for (uint32_t i = 0; i < fn->ninsts; i++) {
          const ir_inst *in = &fn->insts[i];
          if (in->op != IR_CALL) continue;
          an_orm_call oc;
          if (in->fact_sql)
            ac_sql_site(s, v, u, fn, i);
          else if (in->fact_key)
            ac_kv_site(s, v, u, fn, i);
          else if (an_orm_call_at(v->orm, u, fn, i, &oc))
            ac_orm_site(s, v, u, fn, i, &oc);
        }
      }
    }
  }
  for (size_t k = 0; k < s->sites.len; k++) {
    const an_access_site *site = &s->sites.items[k];
    if (!site->unresolved) continue;
    char msg[700];
    snprintf(msg, sizeof msg, "SQL not read (%s): %.300s", site->unresolved, site->statement);
    const ir_inst *in = &site->fn->insts[site->inst];
    as_diag d = {AS_DIAG_NOTE, site->unit->path, in->loc.line, in->loc.col, "sql-unresolved", msg};
    an_result_add_diag(res, &d);
  }
  return s;
}

void an_access_delete(an_access_set *self) {
  if (!self) return;
  for (size_t k = 0; k < self->svcs.len; k++) {
    an_schema_delete(self->svcs.items[k].schema);
    an_orm_set_delete(self->svcs.items[k].orm);
    as_ptrmap_free(&self->svcs.items[k].orm_tables);
  }
  as_array_free(&self->svcs);
  as_array_free(&self->sites);
  as_ptrmap_free(&self->site_of);
  as_ptrmap_free(&self->reached);
  as_ptrmap_free(&self->classify);
  as_intern_delete(self->names);
  as_arena_delete(self->arena);
  free(self);
}

const an_access_site *an_access_site_of(const an_access_set *self, const ir_inst *in) {
  if (!self) return NULL;
  uintptr_t k = (uintptr_t)as_ptrmap_get(&self->site_of, in);
  return k ? &self->sites.items[k - 1] : NULL;
}

void an_access_reached(an_access_set *self, const ir_func *fn, const char *endpoint) {
  if (!self) return;
  const char *e = ac_str(self, endpoint);
  void **slot = as_ptrmap_slot(&self->reached, fn);
  for (ac_reach *r = *slot; r; r = r->next)
    if (r->endpoint == e) return;
  ac_reach *r = as_arena_alloc(self->arena, sizeof *r);
  r->endpoint = e;
  r->next = *slot;
  *slot = r;
}

/* ---- rows -------------------------------------------------------------------------- */

typedef struct ac_row {
  const char *service, *function, *kind, *resource, *op;
  const an_access_site *site; /* the first */
  AS_ARRAY(an_access_col) cols;
  const char **cats;
  uint32_t ncats;
  const char **eps;
  uint32_t neps;
} ac_row;

static int ac_row_cmp(const void *a, const void *b) {
  const ac_row *x = a, *y = b;
  int c;
  if ((c = strcmp(x->service, y->service))) return c;
  if ((c = strcmp(x->function, y->function))) return c;
  if ((c = strcmp(x->kind, y->kind))) return c;
  if ((c = strcmp(x->resource, y->resource))) return c;
  return strcmp(x->op, y->op);
}

static int ac_col_cmp(const void *a, const void *b) {
  return strcmp(((const an_access_col *)a)->name, ((const an_access_col *)b)->name);
}

static int ac_table_cmp(const void *a, const void *b) {
  const an_table_rec *x = a, *y = b;
  int c = strcmp(x->service, y->service);
  return c ? c : strcmp(x->name, y->name);
}

static const char *ac_qname(an_access_set *s, const an_access_site *site) {
  char buf[1024];
  snprintf(buf, sizeof buf, "%s:%s", site->unit->module, site->fn->name);
  return ac_str(s, buf);
}

void an_access_emit(an_access_set *self, an_result *res) {
  as_arena *A = res->arena;
  AS_ARRAY(ac_row) rows = {0};
  as_ptrmap row_of = {0}; /* interned key -> index + 1 */
  AS_ARRAY(an_access_rec) unres = {0};
  for (size_t k = 0; k < self->sites.len; k++) {
    const an_access_site *site = &self->sites.items[k];
    const char *fnq = ac_qname(self, site);
    const ir_inst *in = &site->fn->insts[site->inst];
    if (site->unresolved) {
      an_access_rec r = {0};
      r.service = site->service;
      r.function = fnq;
      r.via = site->via;
      r.statement = site->statement;
      r.unresolved = site->unresolved;
      r.path = site->unit->path;
      r.line = in->loc.line;
      r.col = in->loc.col;
      as_array_push(&unres, r);
    }
    for (uint32_t t = 0; t < site->nitems; t++) {
      const an_access_item *it = &site->items[t];
      const char *kind = it->kind == AN_ACCESS_TABLE ? "table" : "key";
      const char *op = an_access_op_name(it->write);
      char key[2048];
      snprintf(key, sizeof key, "%s\x1f%s\x1f%s\x1f%s\x1f%s", site->service, fnq, kind,
               it->resource, op);
      void **slot = as_ptrmap_slot(&row_of, ac_str(self, key));
      if (!*slot) {
        ac_row r = {site->service, fnq, kind, it->resource, op, site, {0}, NULL, 0, NULL, 0};
        for (ac_reach *e = as_ptrmap_get(&self->reached, site->fn); e; e = e->next)
          an_sorted_add(A, &r.eps, &r.neps, e->endpoint);
        as_array_push(&rows, r);
        *slot = (void *)(uintptr_t)rows.len;
      }
      ac_row *r = &rows.items[(uintptr_t)*slot - 1];
      if (it->category) an_sorted_add(A, &r->cats, &r->ncats, it->category);
      if (!it->column) continue;
      bool had = false;
      for (size_t c = 0; c < r->cols.len && !had; c++)
        had = r->cols.items[c].name == it->column;
      if (!had) {
        an_access_col col = {it->column, it->category};
        as_array_push(&r->cols, col);
      }
    }
  }
  if (rows.len) qsort(rows.items, rows.len, sizeof(ac_row), ac_row_cmp);
  res->accesses = as_arena_alloc(A, (rows.len ? rows.len : 1) * sizeof(an_access_rec));
  res->naccesses = rows.len;
  for (size_t k = 0; k < rows.len; k++) {
    ac_row *r = &rows.items[k];
    if (r->cols.len) qsort(r->cols.items, r->cols.len, sizeof(an_access_col), ac_col_cmp);
    const ir_inst *in = &r->site->fn->insts[r->site->inst];
    an_access_rec *o = &res->accesses[k];
    memset(o, 0, sizeof *o);
    o->service = as_arena_strdup(A, r->service);
    o->function = as_arena_strdup(A, r->function);
    o->kind = r->kind;
    o->resource = as_arena_strdup(A, r->resource);
    o->op = r->op;
    o->via = as_arena_strdup(A, r->site->via);
    o->ncolumns = (uint32_t)r->cols.len;
    o->columns = as_arena_alloc(A, (r->cols.len ? r->cols.len : 1) * sizeof(an_access_col));
    for (size_t c = 0; c < r->cols.len; c++) {
      o->columns[c].name = as_arena_strdup(A, r->cols.items[c].name);
      o->columns[c].category =
          r->cols.items[c].category ? as_arena_strdup(A, r->cols.items[c].category) : NULL;
    }
    o->categories = r->cats;
    o->ncategories = r->ncats;
    o->endpoints = r->eps;
    o->nendpoints = r->neps;
    o->statement = r->site->statement ? as_arena_strdup(A, r->site->statement) : NULL;
    o->path = as_arena_strdup(A, r->site->unit->path);
    o->line = in->loc.line;
    o->col = in->loc.col;
    as_array_free(&r->cols);
  }
  res->unresolved_access = as_arena_alloc(A, (unres.len ? unres.len : 1) * sizeof(an_access_rec));
  res->nunresolved_access = unres.len;
  for (size_t k = 0; k < unres.len; k++) {
    an_access_rec *o = &res->unresolved_access[k];
    *o = unres.items[k];
    o->service = as_arena_strdup(A, o->service);
    o->function = as_arena_strdup(A, o->function);
    o->via = as_arena_strdup(A, o->via);
    o->statement = as_arena_strdup(A, o->statement ? o->statement : "");
    o->unresolved = as_arena_strdup(A, o->unresolved);
    o->path = as_arena_strdup(A, o->path);
    o->columns = NULL;
  }
  /* The tables of every service. */
  AS_ARRAY(an_table_rec) tables = {0};
  for (size_t k = 0; k < self->svcs.len; k++) {
    ac_svc *v = &self->svcs.items[k];
    const char *const *names;
    size_t nt = an_schema_tables(v->schema, &names);
    for (size_t t = 0; t < nt; t++) {
      an_table_rec tr = {0};
      tr.service = as_arena_strdup(A, v->name);
      tr.name = as_arena_strdup(A, names[t]);
      char low[256];
      size_t n = 0;
      for (; names[t][n] && n + 1 < sizeof low; n++)
        low[n] = (char)tolower((unsigned char)names[t][n]);
      low[n] = 0;
      const an_orm_model *om = as_ptrmap_get(&v->orm_tables, ac_str(self, low));
      char origin[64] = "sql";
      if (om) snprintf(origin, sizeof origin, "orm:%s", om->orm);
      tr.origin = as_arena_strdup(A, origin);
      const char *path = NULL;
      uint32_t line = 0;
      if (om) {
        path = om->path;
        line = om->line;
      } else {
        an_schema_table_origin(v->schema, names[t], &path, &line);
      }
      tr.path = as_arena_strdup(A, path ? path : "");
      tr.line = line;
      const char *const *cols;
      size_t nc = an_schema_columns(v->schema, names[t], &cols);
      tr.ncolumns = (uint32_t)nc;
      tr.columns = as_arena_alloc(A, (nc ? nc : 1) * sizeof(an_access_col));
      for (size_t c = 0; c < nc; c++) {
        const char *cat = ac_classify(self, cols[c]);
        tr.columns[c].name = as_arena_strdup(A, cols[c]);
        tr.columns[c].category = cat ? as_arena_strdup(A, cat) : NULL;
      }
      as_array_push(&tables, tr);
    }
  }
  if (tables.len) qsort(tables.items, tables.len, sizeof(an_table_rec), ac_table_cmp);
  res->tables =
      tables.len ? as_arena_memdup(A, tables.items, tables.len * sizeof(an_table_rec)) : NULL;
  res->ntables = tables.len;
  as_array_free(&tables);
  as_array_free(&rows);
  as_array_free(&unres);
  as_ptrmap_free(&row_of);
}

/* ---- the diff against a baseline ----------------------------------------------------- */

static const an_access_rec *ac_find_row(const an_result *base, const an_access_rec *r) {
  for (size_t i = 0; i < base->naccesses; i++) {
    const an_access_rec *b = &base->accesses[i];
    if (strcmp(b->service, r->service) == 0 && strcmp(b->function, r->function) == 0 &&
        strcmp(b->kind, r->kind) == 0 && strcmp(b->resource, r->resource) == 0 &&
        strcmp(b->op, r->op) == 0)
      return b;
  }
  return NULL;
}

static void ac_finding(an_result *cur, const char *rule, const char *service, const char *source,
                       const char *sink, const char *category, const char *path, uint32_t line,
                       const char *function, const char *msg) {
  an_finding f = {0};
  f.rule_id = rule;
  f.sink_kind = IR_SINK_NONE;
  const char *cats[1] = {category};
  f.categories = cats;
  f.ncategories = category ? 1 : 0;
  f.service = service;
  f.source_symbol = source;
  f.sink_symbol = sink;
  f.path = path;
  f.line = line;
  f.col = 1;
  f.message = msg;
  an_step step = {path, line, 1, function, "now", service, 0};
  f.steps = &step;
  f.nsteps = 1;
  f.state = AN_STATE_NEW;
  f.fingerprint = an_finding_fingerprint(cur->arena, &f);
  an_result_add(cur, &f);
}

size_t an_access_diff(const an_result *base, an_result *cur) {
  size_t n = 0;
  char src[1200], sink[1200], msg[1600];
  for (size_t i = 0; i < cur->naccesses; i++) {
    const an_access_rec *r = &cur->accesses[i];
    if (!r->ncategories) continue;
    const an_access_rec *b = ac_find_row(base, r);
    bool write = strcmp(r->op, "write") == 0;
    const char *rule = write ? "assay/access-pii-write" : "assay/access-pii-read";
    const char *verb = write ? "writes" : "reads";
    snprintf(sink, sizeof sink, "%s:%s:%s", r->service, r->function, r->op);
    bool keyed = strcmp(r->kind, "key") == 0;
    bool any_col = false;
    for (uint32_t c = 0; c < r->ncolumns; c++) {
      const an_access_col *col = &r->columns[c];
      if (!col->category) continue;
      any_col = true;
      bool had = false;
      for (uint32_t k = 0; b && k < b->ncolumns && !had; k++)
        had = strcmp(b->columns[k].name, col->name) == 0;
      if (had) continue;
      snprintf(src, sizeof src, "%s:%s:%s:%s", r->service, r->kind, r->resource, col->name);
      snprintf(msg, sizeof msg,
               "%s now %s %s '%s%s%s' (%s) through %s, which it did not in the baseline",
               r->function, verb, keyed ? "the key" : "the column", r->resource, keyed ? " " : ".",
               col->name, col->category, r->via);
      ac_finding(cur, rule, r->service, src, sink, col->category, r->path, r->line, r->function,
                 msg);
      n++;
    }
    if (keyed && !any_col && !b) {
      /* A key classified by its own words ("session:{}:email"). */
      snprintf(src, sizeof src, "%s:key:%s", r->service, r->resource);
      snprintf(msg, sizeof msg,
               "%s now %s the key '%s' (%s) through %s, which it did not in the baseline",
               r->function, verb, r->resource, r->categories[0], r->via);
      ac_finding(cur, rule, r->service, src, sink, r->categories[0], r->path, r->line, r->function,
                 msg);
      n++;
    }
  }
  for (size_t i = 0; i < cur->ntables; i++) {
    const an_table_rec *t = &cur->tables[i];
    bool had = false;
    for (size_t k = 0; k < base->ntables && !had; k++)
      had = strcmp(base->tables[k].service, t->service) == 0 &&
            strcasecmp(base->tables[k].name, t->name) == 0;
    if (had) continue;
    const char *cat = NULL;
    as_buf pii = {0};
    for (uint32_t c = 0; c < t->ncolumns; c++) {
      if (!t->columns[c].category) continue;
      if (!cat) cat = t->columns[c].category;
      as_buf_printf(&pii, "%s%s (%s)", pii.len ? ", " : "", t->columns[c].name,
                    t->columns[c].category);
    }
    snprintf(src, sizeof src, "%s:table:%s", t->service, t->name);
    snprintf(sink, sizeof sink, "%s:schema", t->service);
    snprintf(msg, sizeof msg, "New table '%s' in the schema of %s (%s)%s%s", t->name, t->service,
             t->origin, pii.len ? ", with personal data: " : ", without personal data",
             pii.len ? pii.data : "");
    ac_finding(cur, "assay/access-table-added", t->service, src, sink, cat, t->path, t->line, NULL,
               msg);
    as_buf_free(&pii);
    n++;
  }
  return n;
}
