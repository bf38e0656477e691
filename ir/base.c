/* base.c — allocation, arenas, interning, buffers, files, hashing. */
#include "base.h"

#include <errno.h>
#include <openssl/evp.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---- allocation ---------------------------------------------------------- */

_Noreturn void as_die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("assay: internal error: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(3);
}

void *as_malloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) as_die("out of memory (%zu bytes)", n);
  return p;
}

void *as_calloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p) as_die("out of memory (%zu x %zu bytes)", n, size);
  return p;
}

void *as_realloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) as_die("out of memory (%zu bytes)", n);
  return q;
}

char *as_strndup(const char *s, size_t n) {
  char *p = as_malloc(n + 1);
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

char *as_strdup(const char *s) {
  return as_strndup(s, strlen(s));
}

char *as_sprintf(const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) as_die("bad format %s", fmt);
  char *p = as_malloc((size_t)n + 1);
  vsnprintf(p, (size_t)n + 1, fmt, ap2);
  va_end(ap2);
  return p;
}

/* ---- arena ---------------------------------------------------------------- */

typedef struct as_arena_block {
  struct as_arena_block *next;
  size_t used, size;
  _Alignas(16) unsigned char data[];
} as_arena_block;

struct as_arena {
  as_arena_block *head;
  size_t total;
};

#define AS_ARENA_BLOCK 65536

as_arena *as_arena_new(void) {
  return as_calloc(1, sizeof(as_arena));
}

void as_arena_delete(as_arena *self) {
  if (!self) return;
  for (as_arena_block *b = self->head, *next; b; b = next) {
    next = b->next;
    free(b);
  }
  free(self);
}

void *as_arena_alloc(as_arena *self, size_t n) {
  n = (n + 15) & ~(size_t)15;
  if (n == 0) n = 16;
  as_arena_block *b = self->head;
  if (!b || b->used + n > b->size) {
    /* Large requests get a block of their own behind the current one, so the
     * current block's free space is not wasted. */
    size_t size = n > AS_ARENA_BLOCK / 4 ? n : AS_ARENA_BLOCK;
    as_arena_block *nb = as_malloc(sizeof(as_arena_block) + size);
    nb->used = 0;
    nb->size = size;
    if (b && size != AS_ARENA_BLOCK) {
      nb->next = b->next;
      b->next = nb;
    } else {
      nb->next = b;
      self->head = nb;
    }
    self->total += size;
    b = nb;
  }
  void *p = b->data + b->used;
  b->used += n;
  memset(p, 0, n);
  return p;
}

char *as_arena_strndup(as_arena *self, const char *s, size_t n) {
  char *p = as_arena_alloc(self, n + 1);
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

char *as_arena_strdup(as_arena *self, const char *s) {
  return s ? as_arena_strndup(self, s, strlen(s)) : NULL;
}

void *as_arena_memdup(as_arena *self, const void *p, size_t n) {
  if (n == 0) return NULL;
  void *q = as_arena_alloc(self, n);
  memcpy(q, p, n);
  return q;
}

void as_arena_reset(as_arena *self) {
  as_arena_block *keep = NULL;
  for (as_arena_block *b = self->head, *next; b; b = next) {
    next = b->next;
    if (!keep && b->size == AS_ARENA_BLOCK)
      keep = b;
    else
      free(b);
  }
  self->head = keep;
  self->total = 0;
  if (keep) {
    keep->next = NULL;
    keep->used = 0;
    self->total = keep->size;
  }
}

size_t as_arena_bytes(const as_arena *self) {
  return self->total;
}

/* ---- interned strings ----------------------------------------------------- */

/* Open addressing over (hash, pointer) pairs; strings live in an arena with
 * their length stored just before the bytes. */
typedef struct {
  uint64_t hash;
  const char *str;
  size_t len;
} as_intern_slot;

struct as_intern {
  as_arena *arena;
  as_intern_slot *slots;
  size_t cap, count;
};

as_intern *as_intern_new(void) {
  as_intern *self = as_calloc(1, sizeof(*self));
  self->arena = as_arena_new();
  self->cap = 1024;
  self->slots = as_calloc(self->cap, sizeof(as_intern_slot));
  return self;
}

void as_intern_delete(as_intern *self) {
  if (!self) return;
  as_arena_delete(self->arena);
  free(self->slots);
  free(self);
}

static void as_intern__grow(as_intern *self) {
  size_t ncap = self->cap * 2;
  as_intern_slot *ns = as_calloc(ncap, sizeof(as_intern_slot));
  for (size_t i = 0; i < self->cap; i++) {
    as_intern_slot s = self->slots[i];
    if (!s.str) continue;
    size_t j = s.hash & (ncap - 1);
    while (ns[j].str)
      j = (j + 1) & (ncap - 1);
    ns[j] = s;
  }
  free(self->slots);
  self->slots = ns;
  self->cap = ncap;
}

const char *as_intern_strn(as_intern *self, const char *s, size_t n) {
  if (!s) return NULL;
  uint64_t h = as_hash64(s, n);
  size_t j = h & (self->cap - 1);
  while (self->slots[j].str) {
    as_intern_slot *slot = &self->slots[j];
    if (slot->hash == h && slot->len == n && memcmp(slot->str, s, n) == 0) return slot->str;
    j = (j + 1) & (self->cap - 1);
  }
  const char *copy = as_arena_strndup(self->arena, s, n);
  self->slots[j] = (as_intern_slot){h, copy, n};
  if (++self->count * 2 > self->cap) as_intern__grow(self);
  return copy;
}

const char *as_intern_str(as_intern *self, const char *s) {
  return s ? as_intern_strn(self, s, strlen(s)) : NULL;
}

size_t as_intern_count(const as_intern *self) {
  return self->count;
}

/* ---- pointer maps ----------------------------------------------------------- */

static size_t as_ptrmap__home(const void *key, size_t cap) {
  return (size_t)((uintptr_t)key * 0x9E3779B97F4A7C15ull >> 20) & (cap - 1);
}

void *as_ptrmap_get(const as_ptrmap *self, const void *key) {
  if (!self->cap) return NULL;
  for (size_t j = as_ptrmap__home(key, self->cap); self->keys[j]; j = (j + 1) & (self->cap - 1))
    if (self->keys[j] == key) return self->vals[j];
  return NULL;
}

void **as_ptrmap_slot(as_ptrmap *self, const void *key) {
  AS_ASSERT(key != NULL);
  if ((self->count + 1) * 2 > self->cap) {
    size_t ncap = self->cap ? self->cap * 2 : 64;
    const void **nk = as_calloc(ncap, sizeof(void *));
    void **nv = as_calloc(ncap, sizeof(void *));
    for (size_t i = 0; i < self->cap; i++) {
      if (!self->keys[i]) continue;
      size_t j = as_ptrmap__home(self->keys[i], ncap);
      while (nk[j])
        j = (j + 1) & (ncap - 1);
      nk[j] = self->keys[i];
      nv[j] = self->vals[i];
    }
    free(self->keys);
    free(self->vals);
    self->keys = nk;
    self->vals = nv;
    self->cap = ncap;
  }
  size_t j = as_ptrmap__home(key, self->cap);
  while (self->keys[j] && self->keys[j] != key)
    j = (j + 1) & (self->cap - 1);
  if (!self->keys[j]) {
    self->keys[j] = key;
    self->count++;
  }
  return &self->vals[j];
}

void as_ptrmap_free(as_ptrmap *self) {
  free(self->keys);
  free(self->vals);
  memset(self, 0, sizeof(*self));
}

/* ---- byte buffer ---------------------------------------------------------- */

void as_buf_put(as_buf *self, const void *p, size_t n) {
  if (self->len + n + 1 > self->cap) {
    size_t nc = self->cap ? self->cap * 2 : 256;
    while (nc < self->len + n + 1)
      nc *= 2;
    self->data = as_realloc(self->data, nc);
    self->cap = nc;
  }
  if (n) memcpy(self->data + self->len, p, n);
  self->len += n;
  self->data[self->len] = 0;
}

void as_buf_puts(as_buf *self, const char *s) {
  as_buf_put(self, s, strlen(s));
}

void as_buf_putc(as_buf *self, char c) {
  as_buf_put(self, &c, 1);
}

void as_buf_printf(as_buf *self, const char *fmt, ...) {
  char small[256];
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) as_die("bad format %s", fmt);
  if ((size_t)n < sizeof small) {
    as_buf_put(self, small, (size_t)n);
  } else {
    char *big = as_malloc((size_t)n + 1);
    vsnprintf(big, (size_t)n + 1, fmt, ap2);
    as_buf_put(self, big, (size_t)n);
    free(big);
  }
  va_end(ap2);
}

void as_buf_free(as_buf *self) {
  free(self->data);
  self->data = NULL;
  self->len = self->cap = 0;
}

/* ---- files ---------------------------------------------------------------- */

int as_read_file(const char *path, char **out, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return -1;
  as_buf b = {0};
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    as_buf_put(&b, chunk, n);
  int err = ferror(f);
  int saved = errno;
  fclose(f);
  if (err) {
    as_buf_free(&b);
    errno = saved ? saved : EIO;
    return -1;
  }
  if (!b.data) as_buf_put(&b, "", 0);
  *out = b.data;
  *len = b.len;
  return 0;
}

/* ---- hashing -------------------------------------------------------------- */

void as_sha256_hex(const void *data, size_t len, char out[65]) {
  unsigned char md[32];
  unsigned int mdlen = 0;
  if (!EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL) || mdlen != 32)
    as_die("sha256 failed");
  static const char hex[] = "0123456789abcdef";
  for (int i = 0; i < 32; i++) {
    out[2 * i] = hex[md[i] >> 4];
    out[2 * i + 1] = hex[md[i] & 15];
  }
  out[64] = 0;
}

uint64_t as_hash64(const void *data, size_t len) {
  const unsigned char *p = data;
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < len; i++) {
    h ^= p[i];
    h *= 1099511628211ull;
  }
  return h;
}

/* ---- diagnostics ---------------------------------------------------------- */

const char *as_diag_level_name(as_diag_level l) {
  switch (l) {
  case AS_DIAG_NOTE:
    return "note";
  case AS_DIAG_WARNING:
    return "warning";
  case AS_DIAG_ERROR:
    return "error";
  }
  return "error";
}
