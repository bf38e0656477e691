/* pubhdr.c — the public headers of a C service, from its build files (read as
 * text), its include/ folder, or who includes them (pubhdr.h). */
#include "pubhdr.h"

#include <ctype.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* In expanded CMake text: SRC stands for the service folder, UNRES for a
 * variable the reader cannot know (the path is then skipped). */
#define AN_PH_SRC '\x01'
#define AN_PH_UNRES '\x02'

typedef struct an_ph__var {
  char *name, *value;
} an_ph__var;
typedef AS_ARRAY(an_ph__var) an_ph__vars;
typedef AS_ARRAY(char *) an_ph__strs;

static const char *an_ph__get(const an_ph__vars *v, const char *name) {
  for (size_t i = v->len; i-- > 0;)
    if (strcmp(v->items[i].name, name) == 0) return v->items[i].value;
  return NULL;
}

static void an_ph__set(an_ph__vars *v, const char *name, const char *value) {
  for (size_t i = 0; i < v->len; i++)
    if (strcmp(v->items[i].name, name) == 0) {
      free(v->items[i].value);
      v->items[i].value = as_strdup(value);
      return;
    }
  an_ph__var nv = {as_strdup(name), as_strdup(value)};
  as_array_push(v, nv);
}

static void an_ph__vars_free(an_ph__vars *v) {
  for (size_t i = 0; i < v->len; i++) {
    free(v->items[i].name);
    free(v->items[i].value);
  }
  as_array_free(v);
}

static void an_ph__strs_free(an_ph__strs *s) {
  for (size_t i = 0; i < s->len; i++)
    free(s->items[i]);
  as_array_free(s);
}

/* A path of a build file, relative to the service folder: SRC prefix and
 * "./" dropped, ".." resolved; NULL when it leaves the service folder, is
 * absolute or has an unknown variable. Malloc'd. */
static char *an_ph__norm(const char *p) {
  if (strchr(p, AN_PH_UNRES)) return NULL;
  if (*p == AN_PH_SRC) {
    p++;
    while (*p == '/')
      p++;
  } else if (*p == '/' || !*p) {
    return NULL;
  }
  if (strchr(p, AN_PH_SRC)) return NULL;
  as_buf b = {0};
  as_buf_puts(&b, "");
  while (*p) {
    size_t n = strcspn(p, "/");
    if (n == 2 && p[0] == '.' && p[1] == '.') {
      if (!b.len) {
        as_buf_free(&b);
        return NULL;
      }
      char *slash = strrchr(b.data, '/');
      b.len = slash ? (size_t)(slash - b.data) : 0;
      b.data[b.len] = '\0';
    } else if (n && !(n == 1 && p[0] == '.')) {
      if (b.len) as_buf_putc(&b, '/');
      as_buf_put(&b, p, n);
    }
    p += n;
    while (*p == '/')
      p++;
  }
  return b.data;
}

static bool an_ph__is_header(const char *p) {
  size_t n = strlen(p);
  return n > 2 && strcmp(p + n - 2, ".h") == 0;
}

static void an_ph__add(an_pubhdr_decls *out, const char *raw, bool dir, const char *patterns,
                       const char *excludes, const char *rule, uint32_t line) {
  if (!dir && !an_ph__is_header(raw)) return;
  char *path = an_ph__norm(raw);
  if (!path) return;
  an_pubhdr_decl d = {
      path, dir, patterns ? as_strdup(patterns) : NULL, excludes ? as_strdup(excludes) : NULL,
      rule, line};
  as_array_push(out, d);
}

void an_pubhdr_decls_free(an_pubhdr_decls *d) {
  for (size_t i = 0; i < d->len; i++) {
    free(d->items[i].path);
    free(d->items[i].patterns);
    free(d->items[i].excludes);
  }
  as_array_free(d);
}

/* ---- CMake ---------------------------------------------------------------------- */

typedef struct an_ph__cm {
  const char *s;
  size_t i;
  uint32_t line;
  an_ph__vars vars;
  char *project; /* NAME of project(NAME), for ${NAME_SOURCE_DIR} */
} an_ph__cm;

/* "[" "="* "[" at s: the number of '=' (>= 0), or -1. */
static int an_ph__bracket_open(const char *s) {
  if (*s != '[') return -1;
  int eq = 0;
  while (s[1 + eq] == '=')
    eq++;
  return s[1 + eq] == '[' ? eq : -1;
}

/* Skip a bracket argument or comment opened at c->s + c->i with eq '=';
 * the content goes to out when not NULL. */
static void an_ph__bracket(an_ph__cm *c, int eq, as_buf *out) {
  c->i += (size_t)eq + 2;
  if (c->s[c->i] == '\n') { /* a newline right after the opening is dropped */
    c->line++;
    c->i++;
  }
  for (; c->s[c->i]; c->i++) {
    if (c->s[c->i] == ']') {
      int k = 0;
      while (c->s[c->i + 1 + (size_t)k] == '=')
        k++;
      if (k == eq && c->s[c->i + 1 + (size_t)k] == ']') {
        c->i += (size_t)k + 2;
        return;
      }
    }
    if (c->s[c->i] == '\n') c->line++;
    if (out) as_buf_putc(out, c->s[c->i]);
  }
}

/* Skip blanks, newlines and comments. */
static void an_ph__skip(an_ph__cm *c) {
  for (;;) {
    char ch = c->s[c->i];
    if (ch == '\n') {
      c->line++;
      c->i++;
    } else if (ch == ' ' || ch == '\t' || ch == '\r') {
      c->i++;
    } else if (ch == '#') {
      int eq = an_ph__bracket_open(c->s + c->i + 1);
      if (eq >= 0) {
        c->i++;
        an_ph__bracket(c, eq, NULL);
      } else {
        while (c->s[c->i] && c->s[c->i] != '\n')
          c->i++;
      }
    } else {
      return;
    }
  }
}

static const char *an_ph__lookup(const an_ph__cm *c, const char *name) {
  static const char *const src[] = {"CMAKE_CURRENT_SOURCE_DIR", "CMAKE_CURRENT_LIST_DIR",
                                    "PROJECT_SOURCE_DIR", "CMAKE_SOURCE_DIR"};
  static const char srcdir[] = {AN_PH_SRC, '\0'}, unres[] = {AN_PH_UNRES, '\0'};
  for (size_t k = 0; k < sizeof src / sizeof *src; k++)
    if (strcmp(name, src[k]) == 0) return srcdir;
  size_t pn = c->project ? strlen(c->project) : 0;
  if (pn && strncmp(name, c->project, pn) == 0 && strcmp(name + pn, "_SOURCE_DIR") == 0)
    return srcdir;
  const char *v = an_ph__get(&c->vars, name);
  return v ? v : unres;
}

/* Expand ${VAR} (nested) and $<BUILD_INTERFACE:x> in s from *i, up to the
 * end or (inner) the closing '}' / '>'. */
static void an_ph__expand(const an_ph__cm *c, const char *s, size_t *i, char close, as_buf *out) {
  while (s[*i]) {
    if (close && s[*i] == close) {
      (*i)++;
      return;
    }
    if (s[*i] == '$' && s[*i + 1] == '{') {
      *i += 2;
      as_buf name = {0};
      as_buf_puts(&name, "");
      an_ph__expand(c, s, i, '}', &name);
      as_buf_puts(out, an_ph__lookup(c, name.data));
      as_buf_free(&name);
      continue;
    }
    if (s[*i] == '$' && s[*i + 1] == '<') {
      *i += 2;
      as_buf g = {0};
      as_buf_puts(&g, "");
      an_ph__expand(c, s, i, '>', &g);
      if (strncmp(g.data, "BUILD_INTERFACE:", 16) == 0)
        as_buf_puts(out, g.data + 16);
      else if (strncmp(g.data, "INSTALL_INTERFACE:", 18) != 0)
        as_buf_putc(out, AN_PH_UNRES);
      as_buf_free(&g);
      continue;
    }
    as_buf_putc(out, s[(*i)++]);
  }
}

/* Split a list on ';' into out (empty elements dropped). */
static void an_ph__split(const char *s, an_ph__strs *out) {
  while (*s) {
    size_t n = strcspn(s, ";");
    if (n) as_array_push(out, as_strndup(s, n));
    s += n;
    if (*s) s++;
  }
}

/* The arguments of the command whose '(' is at c->i, expanded (unquoted ones
 * split on ';'); c->i ends after its ')'. */
static void an_ph__args(an_ph__cm *c, an_ph__strs *out) {
  c->i++;
  int depth = 0;
  for (;;) {
    an_ph__skip(c);
    char ch = c->s[c->i];
    if (!ch) return;
    if (ch == ')') {
      c->i++;
      if (depth-- == 0) return;
      continue;
    }
    if (ch == '(') {
      depth++;
      c->i++;
      continue;
    }
    as_buf raw = {0};
    as_buf_puts(&raw, "");
    bool quoted = false;
    int eq = an_ph__bracket_open(c->s + c->i);
    if (eq >= 0) {
      an_ph__bracket(c, eq, &raw);
      as_array_push(out, as_strdup(raw.data));
      as_buf_free(&raw);
      continue;
    }
    if (ch == '"') {
      quoted = true;
      for (c->i++; c->s[c->i] && c->s[c->i] != '"'; c->i++) {
        if (c->s[c->i] == '\\' && c->s[c->i + 1]) {
          c->i++;
          char e = c->s[c->i];
          if (e == '\n') {
            c->line++;
            continue;
          }
          as_buf_putc(&raw, e == 'n' ? '\n' : e == 't' ? '\t' : e);
          continue;
        }
        if (c->s[c->i] == '\n') c->line++;
        as_buf_putc(&raw, c->s[c->i]);
      }
      if (c->s[c->i]) c->i++;
    } else {
      while (c->s[c->i] && !strchr(" \t\r\n()\"#", c->s[c->i])) {
        if (c->s[c->i] == '\\' && c->s[c->i + 1]) c->i++;
        as_buf_putc(&raw, c->s[c->i++]);
      }
    }
    as_buf x = {0};
    as_buf_puts(&x, "");
    size_t k = 0;
    an_ph__expand(c, raw.data, &k, 0, &x);
    if (quoted)
      as_array_push(out, as_strdup(x.data));
    else
      an_ph__split(x.data, out);
    as_buf_free(&x);
    as_buf_free(&raw);
  }
}

static bool an_ph__is(const char *s, const char *const *words) {
  for (; *words; words++)
    if (strcmp(s, *words) == 0) return true;
  return false;
}

static void an_ph__join(as_buf *b, const char *s) {
  if (!b->data) as_buf_puts(b, "");
  if (b->len) as_buf_putc(b, '\n');
  as_buf_puts(b, s);
}

static void an_ph__install(const an_ph__strs *a, uint32_t line, an_pubhdr_decls *out) {
  static const char *const file_kw[] = {"DESTINATION", "TYPE",   "PERMISSIONS", "CONFIGURATIONS",
                                        "COMPONENT",   "RENAME", "OPTIONAL",    "EXCLUDE_FROM_ALL",
                                        NULL};
  static const char *const dir_kw[] = {"DESTINATION",
                                       "TYPE",
                                       "FILE_PERMISSIONS",
                                       "DIRECTORY_PERMISSIONS",
                                       "USE_SOURCE_PERMISSIONS",
                                       "OPTIONAL",
                                       "MESSAGE_NEVER",
                                       "CONFIGURATIONS",
                                       "COMPONENT",
                                       "EXCLUDE_FROM_ALL",
                                       "FILES_MATCHING",
                                       "PATTERN",
                                       "REGEX",
                                       NULL};
  if (!a->len) return;
  if (strcmp(a->items[0], "FILES") == 0) {
    for (size_t k = 1; k < a->len && !an_ph__is(a->items[k], file_kw); k++)
      an_ph__add(out, a->items[k], false, NULL, NULL, "cmake-install-files", line);
    return;
  }
  if (strcmp(a->items[0], "DIRECTORY") != 0) return;
  size_t k = 1;
  while (k < a->len && !an_ph__is(a->items[k], dir_kw))
    k++;
  bool matching = false, regex = false;
  as_buf pats = {0}, excl = {0};
  for (size_t j = k; j < a->len; j++) {
    if (strcmp(a->items[j], "FILES_MATCHING") == 0) matching = true;
    if ((strcmp(a->items[j], "PATTERN") == 0 || strcmp(a->items[j], "REGEX") == 0) &&
        j + 1 < a->len) {
      bool exclude = j + 2 < a->len && strcmp(a->items[j + 2], "EXCLUDE") == 0;
      if (strcmp(a->items[j], "REGEX") == 0) {
        if (!exclude && matching) regex = true; /* cannot tell: the folder is not read */
      } else if (exclude) {
        an_ph__join(&excl, a->items[j + 1]);
      } else if (matching) {
        an_ph__join(&pats, a->items[j + 1]);
      }
      j++;
    }
  }
  for (size_t d = 1; d < k && !regex; d++)
    an_ph__add(out, a->items[d], true, pats.data, excl.data, "cmake-install-directory", line);
  as_buf_free(&pats);
  as_buf_free(&excl);
}

static void an_ph__public_header(const char *value, uint32_t line, an_pubhdr_decls *out) {
  an_ph__strs l = {0};
  an_ph__split(value, &l);
  for (size_t k = 0; k < l.len; k++)
    an_ph__add(out, l.items[k], false, NULL, NULL, "cmake-public-header", line);
  an_ph__strs_free(&l);
}

static void an_ph__command(an_ph__cm *c, const char *name, const an_ph__strs *a, uint32_t line,
                           an_pubhdr_decls *out) {
  if (strcasecmp(name, "project") == 0 && a->len) {
    free(c->project);
    c->project = as_strdup(a->items[0]);
  } else if (strcasecmp(name, "set") == 0 && a->len) {
    as_buf v = {0};
    as_buf_puts(&v, "");
    for (size_t k = 1; k < a->len; k++) {
      if (strcmp(a->items[k], "CACHE") == 0 || strcmp(a->items[k], "PARENT_SCOPE") == 0) break;
      if (v.len) as_buf_putc(&v, ';');
      as_buf_puts(&v, a->items[k]);
    }
    an_ph__set(&c->vars, a->items[0], v.data);
    as_buf_free(&v);
  } else if (strcasecmp(name, "list") == 0 && a->len >= 2 && strcmp(a->items[0], "APPEND") == 0) {
    const char *old = an_ph__get(&c->vars, a->items[1]);
    as_buf v = {0};
    as_buf_puts(&v, old ? old : "");
    for (size_t k = 2; k < a->len; k++) {
      if (v.len) as_buf_putc(&v, ';');
      as_buf_puts(&v, a->items[k]);
    }
    an_ph__set(&c->vars, a->items[1], v.data);
    as_buf_free(&v);
  } else if (strcasecmp(name, "install") == 0) {
    an_ph__install(a, line, out);
  } else if (strcasecmp(name, "set_target_properties") == 0) {
    size_t k = 0;
    while (k < a->len && strcmp(a->items[k], "PROPERTIES") != 0)
      k++;
    for (k++; k + 1 < a->len; k += 2)
      if (strcmp(a->items[k], "PUBLIC_HEADER") == 0)
        an_ph__public_header(a->items[k + 1], line, out);
  } else if (strcasecmp(name, "set_property") == 0 && a->len &&
             strcmp(a->items[0], "TARGET") == 0) {
    size_t k = 0;
    while (k < a->len && strcmp(a->items[k], "PROPERTY") != 0)
      k++;
    if (k + 1 < a->len && strcmp(a->items[k + 1], "PUBLIC_HEADER") == 0)
      for (k += 2; k < a->len; k++)
        an_ph__public_header(a->items[k], line, out);
  } else if (strcasecmp(name, "target_include_directories") == 0) {
    static const char *const mods[] = {"SYSTEM", "AFTER", "BEFORE", NULL};
    bool pub = false;
    for (size_t k = 1; k < a->len; k++) {
      const char *s = a->items[k];
      if (strcmp(s, "PUBLIC") == 0 || strcmp(s, "INTERFACE") == 0)
        pub = true;
      else if (strcmp(s, "PRIVATE") == 0)
        pub = false;
      else if (!an_ph__is(s, mods) && pub)
        an_ph__add(out, s, true, NULL, NULL, "cmake-include-directories", line);
    }
  }
}

void an_pubhdr_cmake(const char *text, an_pubhdr_decls *out) {
  an_ph__cm c = {text, 0, 1, {0}, NULL};
  for (;;) {
    an_ph__skip(&c);
    if (!c.s[c.i]) break;
    char ch = c.s[c.i];
    if (!(isalpha((unsigned char)ch) || ch == '_')) {
      c.i++;
      continue;
    }
    size_t start = c.i;
    while (isalnum((unsigned char)c.s[c.i]) || c.s[c.i] == '_')
      c.i++;
    char *name = as_strndup(c.s + start, c.i - start);
    uint32_t line = c.line;
    while (c.s[c.i] == ' ' || c.s[c.i] == '\t')
      c.i++;
    if (c.s[c.i] == '(') {
      an_ph__strs a = {0};
      an_ph__args(&c, &a);
      an_ph__command(&c, name, &a, line, out);
      an_ph__strs_free(&a);
    }
    free(name);
  }
  an_ph__vars_free(&c.vars);
  free(c.project);
}

/* ---- Make ----------------------------------------------------------------------- */

/* Expand $(VAR), ${VAR}, $(wildcard P) and $$ of s, at most depth levels deep
 * (a variable that names itself stops there). Unknown variables, automatic
 * ones and other functions are empty, as make has them; with names, an
 * unknown variable gives its name instead (so that $(STAGE) of STAGE =
 * $(DESTDIR)$(INCLUDEDIR) still says where it goes). */
static void an_ph__mexpand(const an_ph__vars *v, const char *s, int depth, bool names,
                           as_buf *out) {
  for (size_t i = 0; s[i];) {
    if (s[i] != '$') {
      as_buf_putc(out, s[i++]);
      continue;
    }
    char open = s[i + 1];
    if (open == '$') {
      as_buf_putc(out, '$');
      i += 2;
      continue;
    }
    if (open != '(' && open != '{') {
      i += open ? 2 : 1; /* $@, $<, $^: not known here */
      continue;
    }
    char close = open == '(' ? ')' : '}';
    size_t j = i + 2;
    int nest = 0;
    for (; s[j] && !(s[j] == close && nest == 0); j++) {
      if (s[j] == open) nest++;
      if (s[j] == close) nest--;
    }
    char *inner = as_strndup(s + i + 2, j - i - 2);
    i = s[j] ? j + 1 : j;
    if (depth <= 0) {
      free(inner);
      continue;
    }
    if (strncmp(inner, "wildcard ", 9) == 0) {
      an_ph__mexpand(v, inner + 9, depth - 1, names, out);
    } else if (!strchr(inner, ' ')) {
      as_buf name = {0};
      as_buf_puts(&name, "");
      an_ph__mexpand(v, inner, depth - 1, false, &name);
      const char *val = an_ph__get(v, name.data);
      if (val)
        an_ph__mexpand(v, val, depth - 1, names, out);
      else if (names)
        as_buf_puts(out, name.data);
      as_buf_free(&name);
    }
    free(inner);
  }
}

/* Words of a shell command, split on blanks outside $(...). */
static void an_ph__words(const char *s, an_ph__strs *out) {
  while (*s) {
    while (*s == ' ' || *s == '\t')
      s++;
    if (!*s) break;
    const char *b = s;
    int nest = 0;
    for (; *s && (nest || (*s != ' ' && *s != '\t')); s++) {
      if (*s == '(' || *s == '{') nest++;
      if ((*s == ')' || *s == '}') && nest) nest--;
    }
    as_array_push(out, as_strndup(b, (size_t)(s - b)));
  }
}

static bool an_ph__mentions_include(const char *s) {
  for (; *s; s++)
    if (strncasecmp(s, "include", 7) == 0) return true;
  return false;
}

/* One shell command of a recipe: install or cp of headers into an include
 * folder. */
static void an_ph__recipe(const an_ph__vars *v, const char *cmd, uint32_t line,
                          an_pubhdr_decls *out) {
  an_ph__strs raw = {0};
  an_ph__words(cmd, &raw);
  /* each raw word and what it expands to (possibly several words) */
  an_ph__strs words = {0}, from = {0};
  for (size_t k = 0; k < raw.len; k++) {
    as_buf x = {0}, named = {0};
    as_buf_puts(&x, "");
    as_buf_puts(&named, "");
    an_ph__mexpand(v, raw.items[k], 16, false, &x);
    an_ph__mexpand(v, raw.items[k], 16, true, &named);
    an_ph__strs w = {0};
    an_ph__words(x.data, &w);
    for (size_t j = 0; j < w.len; j++) {
      as_array_push(&words, w.items[j]);
      as_array_push(&from, as_strdup(named.data));
    }
    if (!w.len && named.len) { /* "cp x.h $(STAGE)" with STAGE empty: still the target */
      as_array_push(&words, as_strdup(""));
      as_array_push(&from, as_strdup(named.data));
    }
    as_array_free(&w);
    as_buf_free(&x);
    as_buf_free(&named);
  }
  an_ph__strs_free(&raw);
  size_t k = 0;
  while (k < words.len && (words.items[k][0] == '@' || words.items[k][0] == '-') &&
         !words.items[k][1])
    k++;
  if (k < words.len) {
    const char *prog = words.items[k];
    while (*prog == '@' || *prog == '-' || *prog == '+')
      prog++;
    const char *base = strrchr(prog, '/');
    base = base ? base + 1 : prog;
    bool install = strcmp(base, "install") == 0, cp = strcmp(base, "cp") == 0;
    if (install || cp) {
      const char *target = NULL, *target_raw = NULL;
      bool dirs = false;
      AS_ARRAY(size_t) ops = {0};
      for (k++; k < words.len; k++) {
        const char *w = words.items[k];
        if (w[0] == '-' && w[1]) {
          if (strcmp(w, "-t") == 0 && k + 1 < words.len) {
            target = words.items[++k];
            target_raw = from.items[k];
          } else if (strncmp(w, "--target-directory=", 19) == 0) {
            target = w + 19;
            target_raw = from.items[k];
          } else if (install && strcmp(w, "-d") == 0) {
            dirs = true;
          } else if (install && strchr("mogS", w[1]) && !w[2] && k + 1 < words.len) {
            k++;
          }
          continue;
        }
        as_array_push(&ops, k);
      }
      size_t nsrc = ops.len;
      if (!target && ops.len >= 2) {
        target = words.items[ops.items[ops.len - 1]];
        target_raw = from.items[ops.items[ops.len - 1]];
        nsrc--;
      }
      if (!dirs && target &&
          (an_ph__mentions_include(target) || an_ph__mentions_include(target_raw)))
        for (size_t j = 0; j < nsrc; j++) {
          const char *src = words.items[ops.items[j]];
          if (!src[0] || src[0] == '/') continue;
          char *rel = as_sprintf("%c/%s", AN_PH_SRC, src);
          an_ph__add(out, rel, false, NULL, NULL, "make-install", line);
          free(rel);
        }
      as_array_free(&ops);
    }
  }
  an_ph__strs_free(&words);
  an_ph__strs_free(&from);
}

void an_pubhdr_make(const char *text, an_pubhdr_decls *out) {
  an_ph__vars v = {0};
  /* logical lines: continuations joined, comments cut */
  typedef struct {
    char *text;
    uint32_t line;
    bool recipe;
  } an_ph__line;
  AS_ARRAY(an_ph__line) lines = {0};
  uint32_t lineno = 1;
  for (const char *p = text; *p;) {
    an_ph__line l = {NULL, lineno, *p == '\t'};
    as_buf b = {0};
    as_buf_puts(&b, "");
    bool comment = false;
    for (; *p; p++) {
      if (*p == '\\' && p[1] == '\n') {
        p++;
        lineno++;
        as_buf_putc(&b, ' ');
        continue;
      }
      if (*p == '\n') {
        p++;
        lineno++;
        break;
      }
      if (*p == '#' && (p == text || p[-1] != '\\')) comment = true;
      if (!comment) as_buf_putc(&b, *p);
    }
    l.text = b.data;
    as_array_push(&lines, l);
  }
  for (size_t i = 0; i < lines.len; i++) {
    const char *s = lines.items[i].text;
    if (lines.items[i].recipe) {
      /* commands joined by ; && || */
      as_buf cmd = {0};
      as_buf_puts(&cmd, "");
      for (const char *q = s;; q++) {
        bool end = !*q || *q == ';' || (q[0] == '&' && q[1] == '&') || (q[0] == '|' && q[1] == '|');
        if (end) {
          an_ph__recipe(&v, cmd.data, lines.items[i].line, out);
          cmd.len = 0;
          cmd.data[0] = '\0';
          if (!*q) break;
          if (*q != ';') q++;
          continue;
        }
        as_buf_putc(&cmd, *q);
      }
      as_buf_free(&cmd);
      continue;
    }
    const char *q = s;
    while (*q == ' ')
      q++;
    if (strncmp(q, "override ", 9) == 0) q += 9;
    if (strncmp(q, "export ", 7) == 0) q += 7;
    const char *nb = q;
    while (isalnum((unsigned char)*q) || *q == '_' || *q == '.' || *q == '-')
      q++;
    size_t nlen = (size_t)(q - nb);
    while (*q == ' ' || *q == '\t')
      q++;
    const char *op = q;
    size_t oplen =
        strncmp(op, "::=", 3) == 0                                                              ? 3
        : (strncmp(op, ":=", 2) == 0 || strncmp(op, "?=", 2) == 0 || strncmp(op, "+=", 2) == 0) ? 2
        : *op == '='                                                                            ? 1
                                                                                                : 0;
    if (!nlen || !oplen) continue;
    char *name = as_strndup(nb, nlen);
    const char *val = op + oplen;
    while (*val == ' ' || *val == '\t')
      val++;
    as_buf b = {0};
    as_buf_puts(&b, "");
    const char *old = an_ph__get(&v, name);
    if (op[0] == '?' && old) {
      free(name);
      as_buf_free(&b);
      continue;
    }
    if (op[0] == '+' && old) {
      as_buf_puts(&b, old);
      as_buf_putc(&b, ' ');
    }
    if (op[0] == ':') /* simply expanded: now */
      an_ph__mexpand(&v, val, 16, false, &b);
    else
      as_buf_puts(&b, val);
    size_t e = b.len;
    while (e && (b.data[e - 1] == ' ' || b.data[e - 1] == '\t' || b.data[e - 1] == '\r'))
      e--;
    b.data[e] = '\0';
    an_ph__set(&v, name, b.data);
    free(name);
    as_buf_free(&b);
  }
  for (size_t i = 0; i < lines.len; i++)
    free(lines.items[i].text);
  as_array_free(&lines);
  an_ph__vars_free(&v);
}

/* ---- choosing ------------------------------------------------------------------- */

static bool an_ph__match_any(const char *globs, const char *s) {
  for (const char *p = globs; p && *p;) {
    size_t n = strcspn(p, "\n");
    char *g = as_strndup(p, n);
    bool m = fnmatch(g, s, 0) == 0;
    free(g);
    if (m) return true;
    p += n;
    if (*p) p++;
  }
  return false;
}

bool an_pubhdr_covers(const an_pubhdr_decl *d, const char *rel) {
  if (!d->dir) return fnmatch(d->path, rel, FNM_PATHNAME) == 0;
  size_t n = strlen(d->path);
  if (n && !(strncmp(rel, d->path, n) == 0 && rel[n] == '/')) return false;
  const char *rest = n ? rel + n + 1 : rel;
  const char *base = strrchr(rest, '/');
  base = base ? base + 1 : rest;
  if (d->patterns && !an_ph__match_any(d->patterns, base)) return false;
  /* PATTERN ... EXCLUDE applies to the file and to every folder on the way */
  for (const char *p = rest; d->excludes && *p;) {
    size_t k = strcspn(p, "/");
    char *part = as_strndup(p, k);
    bool ex = an_ph__match_any(d->excludes, part);
    free(part);
    if (ex) return false;
    p += k;
    if (*p) p++;
  }
  return true;
}

static char *an_ph__read(const char *root, const char *svc, const char *name) {
  char *path = svc[0] ? as_sprintf("%s/%s/%s", root, svc, name) : as_sprintf("%s/%s", root, name);
  char *text = NULL;
  size_t len;
  if (as_read_file(path, &text, &len) != 0) text = NULL;
  free(path);
  return text;
}

static const char *an_ph__in_service(const char *relpath, const char *svc) {
  size_t n = strlen(svc);
  if (!n) return relpath;
  return strncmp(relpath, svc, n) == 0 && relpath[n] == '/' ? relpath + n + 1 : NULL;
}

/* Does a C text define main()? "int main(" at the start of a line, the
 * return type possibly on the line before. */
static bool an_ph__has_main(const char *text) {
  for (const char *p = text; (p = strstr(p, "main")) != NULL; p += 4) {
    const char *q = p + 4;
    while (*q == ' ' || *q == '\t')
      q++;
    if (*q != '(' || (p > text && (isalnum((unsigned char)p[-1]) || p[-1] == '_'))) continue;
    const char *b = p;
    while (b > text && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\n'))
      b--;
    if (b - text >= 3 && strncmp(b - 3, "int", 3) == 0 &&
        (b - text == 3 || !isalnum((unsigned char)b[-4])))
      return true;
  }
  return false;
}

static bool an_ph__private_name(const char *rel) {
  static const char *const words[] = {"internal", "private", "priv", "impl", "detail", NULL};
  char *low = as_strdup(rel);
  for (char *p = low; *p; p++)
    *p = (char)tolower((unsigned char)*p);
  bool priv = false;
  for (size_t k = 0; words[k] && !priv; k++)
    priv = strstr(low, words[k]) != NULL;
  free(low);
  return priv;
}

/* The #include "..." names of a C text, with their lines. */
typedef struct an_ph__inc {
  char *name;
  uint32_t line;
} an_ph__inc;
typedef AS_ARRAY(an_ph__inc) an_ph__incs;

static void an_ph__includes(const char *text, an_ph__incs *out) {
  uint32_t line = 1;
  for (const char *p = text; *p;) {
    const char *q = p;
    while (*q == ' ' || *q == '\t')
      q++;
    if (*q == '#') {
      q++;
      while (*q == ' ' || *q == '\t')
        q++;
      if (strncmp(q, "include", 7) == 0) {
        q += 7;
        while (*q == ' ' || *q == '\t')
          q++;
        if (*q == '"') {
          const char *e = strchr(q + 1, '"');
          const char *nl = strchr(q + 1, '\n');
          if (e && (!nl || e < nl)) {
            an_ph__inc inc = {as_strndup(q + 1, (size_t)(e - q - 1)), line};
            as_array_push(out, inc);
          }
        }
      }
    }
    const char *nl = strchr(p, '\n');
    if (!nl) break;
    p = nl + 1;
    line++;
  }
}

/* Does #include "name" in file from resolve to header hdr? Relative to the
 * including file's folder, to its service folder, or to the header's service
 * folder (a -I of either). */
static bool an_ph__resolves(const char *from, const char *from_svc, const char *name,
                            const char *hdr, const char *hdr_svc) {
  const char *slash = strrchr(from, '/');
  char *cands[3] = {
      slash ? as_sprintf("%c/%.*s/%s", AN_PH_SRC, (int)(slash - from), from, name)
            : as_sprintf("%c/%s", AN_PH_SRC, name),
      from_svc[0] ? as_sprintf("%c/%s/%s", AN_PH_SRC, from_svc, name)
                  : as_sprintf("%c/%s", AN_PH_SRC, name),
      hdr_svc[0] ? as_sprintf("%c/%s/%s", AN_PH_SRC, hdr_svc, name)
                 : as_sprintf("%c/%s", AN_PH_SRC, name),
  };
  bool hit = false;
  for (int k = 0; k < 3; k++) {
    char *n = an_ph__norm(cands[k]);
    if (n && strcmp(n, hdr) == 0) hit = true;
    free(n);
    free(cands[k]);
  }
  return hit;
}

static void an_ph__included(const char *root, const char *svc, const an_pubhdr_file *files,
                            size_t nfiles, const char *const *hdrs, size_t nh, char **origin) {
  /* the texts of every C file, and whether the service has an entry point */
  char **texts = as_calloc(nfiles ? nfiles : 1, sizeof(char *));
  bool lib = true;
  for (size_t f = 0; f < nfiles; f++) {
    char *path = as_sprintf("%s/%s", root, files[f].relpath);
    size_t len;
    if (as_read_file(path, &texts[f], &len) != 0) texts[f] = NULL;
    free(path);
    size_t n = strlen(files[f].relpath);
    if (texts[f] && strcmp(files[f].service_root, svc) == 0 && n > 2 &&
        strcmp(files[f].relpath + n - 2, ".c") == 0 && an_ph__has_main(texts[f]))
      lib = false;
  }
  for (size_t f = 0; f < nfiles; f++) {
    if (!texts[f]) continue;
    size_t n = strlen(files[f].relpath);
    bool is_c = n > 2 && strcmp(files[f].relpath + n - 2, ".c") == 0;
    bool outside = strcmp(files[f].service_root, svc) != 0;
    bool entry = !outside && is_c && an_ph__has_main(texts[f]);
    bool lib_source = !outside && is_c && lib;
    if (!outside && !entry && !lib_source) continue;
    an_ph__incs incs = {0};
    an_ph__includes(texts[f], &incs);
    for (size_t i = 0; i < incs.len; i++) {
      for (size_t h = 0; h < nh; h++) {
        if (origin[h] || strcmp(hdrs[h], files[f].relpath) == 0) continue;
        if (lib_source && !entry && an_ph__private_name(hdrs[h])) continue;
        if (an_ph__resolves(files[f].relpath, files[f].service_root, incs.items[i].name, hdrs[h],
                            svc))
          origin[h] = as_sprintf("%s:%u", files[f].relpath, incs.items[i].line);
      }
      free(incs.items[i].name);
    }
    as_array_free(&incs);
  }
  for (size_t f = 0; f < nfiles; f++)
    free(texts[f]);
  free(texts);
}

size_t an_pubhdr_find(const char *root, const char *service_root, const an_pubhdr_file *files,
                      size_t nfiles, an_pubhdr **out) {
  *out = NULL;
  AS_ARRAY(const char *) hdrs = {0};
  for (size_t f = 0; f < nfiles; f++)
    if (strcmp(files[f].service_root, service_root) == 0 && an_ph__is_header(files[f].relpath))
      as_array_push(&hdrs, files[f].relpath);
  if (!hdrs.len) return 0;
  const char **rules = as_calloc(hdrs.len, sizeof(char *));
  char **origin = as_calloc(hdrs.len, sizeof(char *));
  size_t found = 0;
  /* 1. the build files */
  static const char *const builds[] = {"CMakeLists.txt", "GNUmakefile", "Makefile", "makefile"};
  for (size_t b = 0; b < sizeof builds / sizeof *builds; b++) {
    char *text = an_ph__read(root, service_root, builds[b]);
    if (!text) continue;
    an_pubhdr_decls decls = {0};
    if (b == 0)
      an_pubhdr_cmake(text, &decls);
    else
      an_pubhdr_make(text, &decls);
    free(text);
    for (size_t h = 0; h < hdrs.len; h++) {
      const char *rel = an_ph__in_service(hdrs.items[h], service_root);
      for (size_t d = 0; d < decls.len && rel && !rules[h]; d++)
        if (an_pubhdr_covers(&decls.items[d], rel)) {
          rules[h] = decls.items[d].rule;
          origin[h] = service_root[0]
                          ? as_sprintf("%s/%s:%u", service_root, builds[b], decls.items[d].line)
                          : as_sprintf("%s:%u", builds[b], decls.items[d].line);
          found++;
        }
    }
    an_pubhdr_decls_free(&decls);
  }
  /* 2. include/ */
  if (!found)
    for (size_t h = 0; h < hdrs.len; h++)
      if (strstr(hdrs.items[h], "include/")) {
        rules[h] = "include-folder";
        origin[h] = as_strdup("");
        found++;
      }
  /* 3. who includes them */
  if (!found) {
    an_ph__included(root, service_root, files, nfiles, hdrs.items, hdrs.len, origin);
    for (size_t h = 0; h < hdrs.len; h++)
      if (origin[h]) {
        rules[h] = "included-by";
        found++;
      }
  }
  an_pubhdr *res = found ? as_calloc(found, sizeof(an_pubhdr)) : NULL;
  size_t n = 0;
  for (size_t h = 0; h < hdrs.len; h++)
    if (rules[h])
      res[n++] = (an_pubhdr){as_strdup(hdrs.items[h]), rules[h], origin[h]};
    else
      free(origin[h]);
  free(rules);
  free(origin);
  as_array_free(&hdrs);
  *out = res;
  return n;
}

void an_pubhdr_free(an_pubhdr *h, size_t n) {
  for (size_t i = 0; h && i < n; i++) {
    free(h[i].relpath);
    free(h[i].origin);
  }
  free(h);
}
