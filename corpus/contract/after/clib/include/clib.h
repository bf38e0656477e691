/* clib.h — a small ledger library: the public header (version 2). */
#ifndef CLIB_H
#define CLIB_H

#include <stddef.h>
#include <stdint.h>

/* Result codes of every operation. */
enum clib_status {
  CLIB_OK = 0,
  CLIB_EINVAL = 1,
  CLIB_ENOMEM = 2,
  CLIB_EBUSY = 3,
  CLIB_EFULL = 4,
};

/* Flags of an entry (stored in clib_entry.flags). */
enum { CLIB_PENDING = 1, CLIB_VOID = 2 };

/* One posting, in minor units of its currency. */
struct clib_entry {
  int64_t amount;
  uint32_t account; /* new: the account posted to */
  uint32_t flags;
  char currency[4]; /* ISO 4217, NUL-terminated */
};

/* A ledger: an array of entries and its owner. */
struct clib_ledger {
  struct clib_entry *entries;
  size_t len; /* was count */
  int64_t owner;
};

typedef struct clib_ledger clib_ledger_t;
typedef int (*clib_visit_fn)(const struct clib_entry *entry, void *arg);

/* Usage counters, kept by the library for itself: no function takes or
 * returns one. */
struct clib_stats {
  uint32_t posts;
  uint32_t failures;
  uint32_t retries;
};

clib_ledger_t *clib_ledger_new(int owner);
void clib_ledger_free(clib_ledger_t *self);
enum clib_status clib_post(clib_ledger_t *self, int64_t amount, const char *currency,
                           uint32_t account);
int64_t clib_balance(const clib_ledger_t *self);
size_t clib_visit(const clib_ledger_t *self, clib_visit_fn fn, void *arg);
int clib_format(char *buf, size_t n, const char *fmt, ...);
/* New: the number of entries. */
size_t clib_count(const clib_ledger_t *self);

/* Not exported: each caller gets its own copy. */
static inline unsigned clib_is_void(const struct clib_entry *e, unsigned mask) {
  return e->flags & mask & CLIB_VOID;
}

#endif
