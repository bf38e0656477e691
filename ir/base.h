/*
 * base.h — the small utilities every layer of Assay uses: arenas, interned
 * strings, typed growable arrays, byte buffers, hashing and diagnostics.
 *
 * Out-of-memory policy: inside the analysis core an allocation failure aborts
 * the process (status code 3 is reserved for internal errors). Status codes are
 * returned only at I/O boundaries.
 */
#ifndef ASSAY_BASE_H
#define ASSAY_BASE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- allocation ---------------------------------------------------------- */

/* malloc/realloc/calloc that abort on failure. Memory is freed with free(). */
void *as_malloc(size_t n);
void *as_calloc(size_t n, size_t size);
void *as_realloc(void *p, size_t n);
char *as_strdup(const char *s);
char *as_strndup(const char *s, size_t n);
/* printf into a fresh malloc'd string; the caller must free it. */
char *as_sprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Abort with a message: an impossible case was reached (exit code 3). */
_Noreturn void as_die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#define AS_ASSERT(c)                                                                               \
  do {                                                                                             \
    if (!(c)) as_die("%s:%d: assertion failed: %s", __FILE__, __LINE__, #c);                       \
  } while (0)

/* ---- arena ---------------------------------------------------------------- */

/* An arena owns every allocation made from it; as_arena_delete frees them all.
 * One arena per lifetime (a file unit, an analysis run, an LSP document). */
typedef struct as_arena as_arena;

as_arena *as_arena_new(void);
void as_arena_delete(as_arena *self); /* NULL is safe */
/* Zeroed, 16-byte aligned memory owned by the arena. */
void *as_arena_alloc(as_arena *self, size_t n);
char *as_arena_strdup(as_arena *self, const char *s);
char *as_arena_strndup(as_arena *self, const char *s, size_t n);
/* Copy n elements of size sz into the arena (returns NULL when n == 0). */
void *as_arena_memdup(as_arena *self, const void *p, size_t n);
size_t as_arena_bytes(const as_arena *self);
/* Free everything allocated so far but keep one block for reuse. */
void as_arena_reset(as_arena *self);

/* ---- interned strings ----------------------------------------------------- */

/* An interner maps equal byte strings to one pointer, so interned strings are
 * compared with ==. Interned strings live as long as the interner. */
typedef struct as_intern as_intern;

as_intern *as_intern_new(void);
void as_intern_delete(as_intern *self); /* NULL is safe */
/* Returns the canonical copy of s (NUL-terminated). s == NULL returns NULL. */
const char *as_intern_str(as_intern *self, const char *s);
const char *as_intern_strn(as_intern *self, const char *s, size_t n);
size_t as_intern_count(const as_intern *self);

/* ---- pointer maps ----------------------------------------------------------- */

/* A hash map from pointers (interned strings, handles) to pointers, compared
 * by address. Zero-initialise to start; free with as_ptrmap_free. NULL is not
 * a valid key. */
typedef struct as_ptrmap {
  const void **keys;
  void **vals;
  size_t cap, count;
} as_ptrmap;

/* key's value, or NULL when key is absent. */
void *as_ptrmap_get(const as_ptrmap *self, const void *key);
/* The slot of key's value, inserted (holding NULL) when absent; valid until
 * the next insertion. */
void **as_ptrmap_slot(as_ptrmap *self, const void *key);
void as_ptrmap_free(as_ptrmap *self);

/* ---- typed growable arrays ------------------------------------------------ */

/* AS_ARRAY(T) declares an anonymous struct { T *items; size_t len, cap; }.
 * Memory is malloc'd; free with as_array_free. */
#define AS_ARRAY(T)                                                                                \
  struct {                                                                                         \
    T *items;                                                                                      \
    size_t len, cap;                                                                               \
  }
#define as_array_grow(a, n)                                                                        \
  do {                                                                                             \
    if ((a)->len + (n) > (a)->cap) {                                                               \
      size_t nc_ = (a)->cap ? (a)->cap * 2 : 8;                                                    \
      while (nc_ < (a)->len + (n))                                                                 \
        nc_ *= 2;                                                                                  \
      (a)->items = as_realloc((a)->items, nc_ * sizeof(*(a)->items));                              \
      (a)->cap = nc_;                                                                              \
    }                                                                                              \
  } while (0)
#define as_array_push(a, v)                                                                        \
  do {                                                                                             \
    as_array_grow((a), 1);                                                                         \
    (a)->items[(a)->len++] = (v);                                                                  \
  } while (0)
#define as_array_get(a, i) (AS_ASSERT((size_t)(i) < (a)->len), &(a)->items[(i)])
#define as_array_free(a)                                                                           \
  do {                                                                                             \
    free((a)->items);                                                                              \
    (a)->items = NULL;                                                                             \
    (a)->len = (a)->cap = 0;                                                                       \
  } while (0)

/* ---- byte buffer ---------------------------------------------------------- */

typedef struct as_buf {
  char *data; /* always NUL-terminated when non-NULL */
  size_t len, cap;
} as_buf;

void as_buf_put(as_buf *self, const void *p, size_t n);
void as_buf_puts(as_buf *self, const char *s);
void as_buf_putc(as_buf *self, char c);
void as_buf_printf(as_buf *self, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void as_buf_free(as_buf *self);

/* ---- files ---------------------------------------------------------------- */

/* Read a whole file. Returns 0 and a malloc'd NUL-terminated buffer (caller
 * frees) or -1 with errno set. */
int as_read_file(const char *path, char **out, size_t *len);

/* ---- hashing -------------------------------------------------------------- */

/* SHA-256 (OpenSSL libcrypto) of bytes, as 64 lowercase hex chars + NUL. */
void as_sha256_hex(const void *data, size_t len, char out[65]);
/* 64-bit FNV-1a, for hash tables only (never persisted). */
uint64_t as_hash64(const void *data, size_t len);

/* ---- diagnostics ---------------------------------------------------------- */

typedef enum { AS_DIAG_NOTE, AS_DIAG_WARNING, AS_DIAG_ERROR } as_diag_level;

/* A diagnostic is a record with a position, rendered later (text, SARIF, LSP). */
typedef struct as_diag {
  as_diag_level level;
  const char *path;   /* relative to the scan root */
  uint32_t line, col; /* 1-based; 0 when unknown */
  const char *code;   /* short machine id, e.g. "parse-error", "read-error" */
  const char *message;
} as_diag;

const char *as_diag_level_name(as_diag_level l);

#endif
