/* clib.h — a small ledger library: the public header (version 1). */
#ifndef CLIB_H
#define CLIB_H

#include <stddef.h>
#include <stdint.h>

/* Result codes of every operation. */
enum clib_status {
  CLIB_OK = 0,
  CLIB_EINVAL = 1,
  CLIB_ENOMEM = 2,
  CLIB_EFULL = 3,
};

/* Flags of an entry (stored in clib_entry.flags). */
enum { CLIB_PENDING = 1, CLIB_VOID = 2 };

/* One posting, in minor units of its currency. */
struct clib_entry {
  int64_t amount;
  uint32_t flags;
  char currency[4]; /* ISO 4217, NUL-terminated */
};

/* A ledger: an array of entries and its owner. */
struct clib_ledger {
  struct clib_entry *entries;
  size_t count;
  int owner;
};

typedef struct clib_ledger clib_ledger_t;
typedef int (*clib_visit_fn)(const struct clib_entry *entry, void *arg);

/* Usage counters, kept by the library for itself: no function takes or
 * returns one. */
struct clib_stats {
  uint32_t posts;
  uint32_t failures;
};

clib_ledger_t *clib_ledger_new(int owner);
void clib_ledger_free(clib_ledger_t *self);
enum clib_status clib_post(clib_ledger_t *self, int64_t amount, const char *currency);
int64_t clib_balance(const clib_ledger_t *self);
size_t clib_visit(const clib_ledger_t *self, clib_visit_fn fn, void *arg);
int clib_format(char *buf, size_t n, const char *fmt, ...);
/* Deprecated: empties the ledger. */
void clib_reset(clib_ledger_t *self);

/* Not exported: each caller gets its own copy. */
static inline int clib_is_void(const struct clib_entry *e) {
  return (e->flags & CLIB_VOID) != 0;
}

#endif
