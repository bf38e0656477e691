/* catalogue.c — identifier names to fideslang data categories.
 *
 * Every word of every rule is numbered once (the catalogue's vocabulary, a
 * hash table); each vocabulary word lists the rules that start with it. A name
 * is split into words, each word looked up once, and only the rules starting
 * with one of its words are tried — so classifying costs a few hash lookups,
 * not a scan of the whole catalogue. */
#include "catalogue.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

extern const char an_builtin_categories[];

#define AN_NO_WORD UINT32_MAX

typedef struct an_rule {
  const uint32_t *ids; /* vocabulary ids of the words, in order */
  uint32_t n;
  uint32_t order;       /* position among all rules added, for ties */
  const char *category; /* NULL for an exclusion */
} an_rule;

typedef struct an_word {
  const char *text;
  size_t len;
  uint64_t hash;
  AS_ARRAY(uint32_t) pats;  /* patterns starting with this word */
  AS_ARRAY(uint32_t) excls; /* exclusions starting with this word */
} an_word;

struct an_catalogue {
  as_arena *arena;
  AS_ARRAY(an_rule) pats;
  AS_ARRAY(an_rule) excls;
  AS_ARRAY(an_word) words;
  uint32_t *slots; /* open addressing: word index + 1, 0 when empty */
  size_t nslots;
  uint32_t next_order;
};

/* ---- word splitting ------------------------------------------------------- */

enum { AN_OTHER, AN_LOWER, AN_UPPER, AN_DIGIT };

static int an__class(unsigned char c) {
  if (c >= 'a' && c <= 'z') return AN_LOWER;
  if (c >= 'A' && c <= 'Z') return AN_UPPER;
  if (c >= '0' && c <= '9') return AN_DIGIT;
  return AN_OTHER;
}

/* Words break at non-alphanumerics, at lower->Upper ("userEmail"), before the
 * last capital of a run followed by lowercase ("HTTPServer" -> HTTP Server,
 * but a plural acronym "IDs" stays one word), and between letters and digits
 * ("address2" -> address 2, "ipv4" -> ipv 4). Writes the lowercased words,
 * each NUL-terminated, into buf (room for 2n+1 bytes) and their offsets into
 * starts; returns the number of words, at most maxw. */
static size_t an__split(const char *s, size_t n, char *buf, size_t *starts, size_t maxw) {
  size_t nw = 0, o = 0;
  int in = 0;
  for (size_t i = 0; i < n; i++) {
    const unsigned char *u = (const unsigned char *)s;
    int k = an__class(u[i]);
    if (k == AN_OTHER) {
      if (in) buf[o++] = 0;
      in = 0;
      continue;
    }
    if (in) {
      int p = an__class(u[i - 1]);
      int brk = 0;
      if (p == AN_LOWER && k == AN_UPPER)
        brk = 1;
      else if ((p == AN_DIGIT) != (k == AN_DIGIT))
        brk = 1;
      else if (p == AN_UPPER && k == AN_UPPER && i + 1 < n && an__class(u[i + 1]) == AN_LOWER) {
        int plural = u[i + 1] == 's' && (i + 2 == n || an__class(u[i + 2]) != AN_LOWER);
        brk = !plural;
      }
      if (brk) {
        buf[o++] = 0;
        in = 0;
      }
    }
    if (!in) {
      if (nw == maxw) return nw;
      starts[nw++] = o;
      in = 1;
    }
    buf[o++] = (char)tolower(u[i]);
  }
  if (in) buf[o++] = 0;
  return nw;
}

size_t an_split_words(const char *name, char **words, size_t max) {
  if (!name || max == 0) return 0;
  size_t n = strlen(name);
  char *buf = as_malloc(2 * n + 1);
  size_t *starts = as_malloc((n + 1) * sizeof(size_t));
  size_t nw = an__split(name, n, buf, starts, max);
  for (size_t i = 0; i < nw; i++)
    words[i] = as_strdup(buf + starts[i]);
  free(starts);
  free(buf);
  return nw;
}

size_t an_split_words_into(const char *name, char *buf, size_t bufsize, const char **words,
                           size_t max) {
  if (!name || max == 0) return 0;
  size_t n = strlen(name);
  size_t starts[128];
  if (n + 1 > sizeof starts / sizeof *starts || 2 * n + 1 > bufsize) return 0;
  size_t nw = an__split(name, n, buf, starts, max);
  for (size_t i = 0; i < nw; i++)
    words[i] = buf + starts[i];
  return nw;
}

/* ---- vocabulary ------------------------------------------------------------- */

static uint32_t an__lookup(const an_catalogue *self, const char *w, size_t len, uint64_t h) {
  if (!self->nslots) return AN_NO_WORD;
  for (size_t i = h & (self->nslots - 1);; i = (i + 1) & (self->nslots - 1)) {
    uint32_t s = self->slots[i];
    if (!s) return AN_NO_WORD;
    const an_word *e = &self->words.items[s - 1];
    if (e->hash == h && e->len == len && memcmp(e->text, w, len) == 0) return s - 1;
  }
}

static void an__rehash(an_catalogue *self, size_t nslots) {
  free(self->slots);
  self->slots = as_calloc(nslots, sizeof(uint32_t));
  self->nslots = nslots;
  for (size_t k = 0; k < self->words.len; k++) {
    size_t i = self->words.items[k].hash & (nslots - 1);
    while (self->slots[i])
      i = (i + 1) & (nslots - 1);
    self->slots[i] = (uint32_t)k + 1;
  }
}

static uint32_t an__intern_word(an_catalogue *self, const char *w) {
  size_t len = strlen(w);
  uint64_t h = as_hash64(w, len);
  uint32_t id = an__lookup(self, w, len, h);
  if (id != AN_NO_WORD) return id;
  an_word e = {.text = as_arena_strndup(self->arena, w, len), .len = len, .hash = h};
  as_array_push(&self->words, e);
  if (2 * self->words.len > self->nslots)
    an__rehash(self, self->nslots ? 2 * self->nslots : 64);
  else {
    size_t i = h & (self->nslots - 1);
    while (self->slots[i])
      i = (i + 1) & (self->nslots - 1);
    self->slots[i] = (uint32_t)self->words.len;
  }
  return (uint32_t)self->words.len - 1;
}

/* ---- construction ----------------------------------------------------------- */

an_catalogue *an_catalogue_new_empty(void) {
  an_catalogue *self = as_calloc(1, sizeof(an_catalogue));
  self->arena = as_arena_new();
  return self;
}

an_catalogue *an_catalogue_new_default(void) {
  an_catalogue *self = an_catalogue_new_empty();
  char err[256];
  if (an_catalogue_add_text(self, an_builtin_categories, "categories.tsv", err, sizeof err) != 0)
    as_die("built-in catalogue: %s", err);
  return self;
}

void an_catalogue_delete(an_catalogue *self) {
  if (!self) return;
  for (size_t i = 0; i < self->words.len; i++) {
    as_array_free(&self->words.items[i].pats);
    as_array_free(&self->words.items[i].excls);
  }
  as_array_free(&self->words);
  as_array_free(&self->pats);
  as_array_free(&self->excls);
  free(self->slots);
  as_arena_delete(self->arena);
  free(self);
}

size_t an_catalogue_pattern_count(const an_catalogue *self) {
  return self ? self->pats.len : 0;
}

/* ---- parsing ----------------------------------------------------------------- */

/* category := segment ('.' segment)+ ; segment := [a-z][a-z0-9_]* */
static int an__valid_category(const char *c) {
  int segs = 0;
  const char *p = c;
  for (;;) {
    if (!(*p >= 'a' && *p <= 'z')) return 0;
    while ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_')
      p++;
    segs++;
    if (*p == 0) return segs >= 2;
    if (*p != '.') return 0;
    p++;
  }
}

__attribute__((format(printf, 5, 6))) static void
an__err(char *err, size_t errlen, const char *origin, unsigned line, const char *fmt, ...) {
  if (!err || !errlen) return;
  int n = snprintf(err, errlen, "%s:%u: ", origin, line);
  if (n < 0 || (size_t)n >= errlen) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
  va_end(ap);
}

/* Adds one rule: words is the field's text, already NUL-terminated. */
static void an__add_rule(an_catalogue *self, const char *words, const char *category) {
  size_t n = strlen(words);
  char *buf = as_malloc(2 * n + 1);
  size_t *starts = as_malloc((n + 1) * sizeof(size_t));
  size_t nw = an__split(words, n, buf, starts, n);
  uint32_t *ids = as_arena_alloc(self->arena, nw * sizeof(uint32_t));
  for (size_t i = 0; i < nw; i++)
    ids[i] = an__intern_word(self, buf + starts[i]);
  free(starts);
  free(buf);
  an_rule r = {.ids = ids, .n = (uint32_t)nw, .order = self->next_order++};
  an_word *first = &self->words.items[ids[0]];
  if (category) {
    r.category = as_arena_strdup(self->arena, category);
    as_array_push(&first->pats, (uint32_t)self->pats.len);
    as_array_push(&self->pats, r);
  } else {
    as_array_push(&first->excls, (uint32_t)self->excls.len);
    as_array_push(&self->excls, r);
  }
}

static int an__has_words(const char *s) {
  for (; *s; s++)
    if (an__class((unsigned char)*s) != AN_OTHER) return 1;
  return 0;
}

/* One pass over the text: checks every line, and adds the rules when commit.
 * The text is copied so fields can be NUL-terminated in place. */
static int an__parse(an_catalogue *self, const char *text, const char *origin, char *err,
                     size_t errlen, int commit) {
  char *copy = as_strdup(text);
  unsigned line = 0;
  int rc = 0;
  for (char *p = copy; *p && rc == 0;) {
    char *eol = strchr(p, '\n');
    char *next = eol ? eol + 1 : p + strlen(p);
    if (eol) *eol = 0;
    line++;
    char *hash = strchr(p, '#');
    if (hash) *hash = 0;
    char *fields[4];
    size_t nf = 0, total = 0;
    char *save = NULL;
    for (char *f = strtok_r(p, "\t\r", &save); f; f = strtok_r(NULL, "\t\r", &save)) {
      while (*f == ' ')
        f++;
      size_t len = strlen(f);
      while (len && f[len - 1] == ' ')
        f[--len] = 0;
      if (!len) continue;
      if (nf < 4) fields[nf++] = f;
      total++;
    }
    p = next;
    if (nf == 0) continue;
    int is_pattern = strcmp(fields[0], "pattern") == 0;
    int is_exclude = strcmp(fields[0], "exclude") == 0;
    if (!is_pattern && !is_exclude) {
      if (strncmp(fields[0], "pattern ", 8) == 0 || strncmp(fields[0], "exclude ", 8) == 0)
        an__err(err, errlen, origin, line, "fields must be separated by tabs");
      else
        an__err(err, errlen, origin, line, "unknown directive '%s'", fields[0]);
      rc = -1;
    } else if (nf < 2) {
      an__err(err, errlen, origin, line, "missing words");
      rc = -1;
    } else if (!an__has_words(fields[1])) {
      an__err(err, errlen, origin, line, "empty words '%s'", fields[1]);
      rc = -1;
    } else if (is_pattern && nf < 3) {
      an__err(err, errlen, origin, line, "missing category");
      rc = -1;
    } else if (total > (is_pattern ? 3u : 2u)) {
      an__err(err, errlen, origin, line, "too many fields (%s)",
              is_pattern ? "pattern WORDS CATEGORY" : "exclude WORDS");
      rc = -1;
    } else if (is_pattern && !an__valid_category(fields[2])) {
      an__err(err, errlen, origin, line,
              "bad category '%s' (expected a dotted lowercase name like user.contact.email)",
              fields[2]);
      rc = -1;
    } else if (commit) {
      an__add_rule(self, fields[1], is_pattern ? fields[2] : NULL);
    }
  }
  free(copy);
  return rc;
}

int an_catalogue_add_text(an_catalogue *self, const char *text, const char *origin, char *err,
                          size_t errlen) {
  if (!text) return 0;
  if (!origin) origin = "<text>";
  if (an__parse(self, text, origin, err, errlen, 0) != 0) return -1;
  an__parse(self, text, origin, err, errlen, 1);
  return 0;
}

int an_catalogue_add_file(an_catalogue *self, const char *path, char *err, size_t errlen) {
  char *text;
  size_t len;
  if (as_read_file(path, &text, &len) != 0) {
    if (err && errlen) snprintf(err, errlen, "%s: %s", path, strerror(errno));
    return -1;
  }
  if (memchr(text, 0, len)) {
    if (err && errlen) snprintf(err, errlen, "%s: not a text file", path);
    free(text);
    return -1;
  }
  int rc = an_catalogue_add_text(self, text, path, err, errlen);
  free(text);
  return rc;
}

/* ---- classification ---------------------------------------------------------- */

static int an__matches(const an_rule *r, const uint32_t *ids, size_t nw, size_t at) {
  if (at + r->n > nw) return 0;
  for (uint32_t k = 1; k < r->n; k++)
    if (ids[at + k] != r->ids[k]) return 0;
  return 1;
}

const char *an_catalogue_classify(const an_catalogue *self, const char *name) {
  if (!self || !name || !self->pats.len) return NULL;
  enum { SMALL = 128 };
  char sbuf[2 * SMALL + 1];
  size_t sstarts[SMALL];
  uint32_t sids[SMALL];
  size_t n = strlen(name);
  char *buf = sbuf;
  size_t *starts = sstarts;
  uint32_t *ids = sids;
  if (n > SMALL) {
    buf = as_malloc(2 * n + 1);
    starts = as_malloc(n * sizeof(size_t));
    ids = as_malloc(n * sizeof(uint32_t));
  }
  size_t nw = an__split(name, n, buf, starts, n);
  for (size_t i = 0; i < nw; i++) {
    const char *w = buf + starts[i];
    size_t len = strlen(w);
    ids[i] = an__lookup(self, w, len, as_hash64(w, len));
  }
  const an_rule *best = NULL;
  int excluded = 0;
  for (size_t i = 0; i < nw && !excluded; i++) {
    if (ids[i] == AN_NO_WORD) continue;
    const an_word *w = &self->words.items[ids[i]];
    for (size_t k = 0; k < w->excls.len && !excluded; k++)
      excluded = an__matches(&self->excls.items[w->excls.items[k]], ids, nw, i);
    for (size_t k = 0; k < w->pats.len; k++) {
      const an_rule *r = &self->pats.items[w->pats.items[k]];
      if (!an__matches(r, ids, nw, i)) continue;
      if (!best || r->n > best->n || (r->n == best->n && r->order < best->order)) best = r;
    }
  }
  if (buf != sbuf) {
    free(buf);
    free(starts);
    free(ids);
  }
  return excluded || !best ? NULL : best->category;
}
