/* clib.c — the ledger library (version 1). */
#include "clib.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct clib_stats clib__stats;

/* Not exported. */
static int clib__grow(clib_ledger_t *self) {
  struct clib_entry *e = realloc(self->entries, (self->count + 1) * sizeof(*e));
  if (!e) return -1;
  self->entries = e;
  return 0;
}

clib_ledger_t *clib_ledger_new(int owner) {
  clib_ledger_t *self = calloc(1, sizeof(*self));
  if (self) self->owner = owner;
  return self;
}

void clib_ledger_free(clib_ledger_t *self) {
  if (!self) return;
  free(self->entries);
  free(self);
}

enum clib_status clib_post(clib_ledger_t *self, int64_t amount, const char *currency) {
  if (!self || !currency || strlen(currency) != 3) {
    clib__stats.failures++;
    return CLIB_EINVAL;
  }
  if (clib__grow(self) != 0) {
    clib__stats.failures++;
    return CLIB_ENOMEM;
  }
  struct clib_entry *e = &self->entries[self->count++];
  e->amount = amount;
  e->flags = CLIB_PENDING;
  memcpy(e->currency, currency, 4);
  clib__stats.posts++;
  return CLIB_OK;
}

int64_t clib_balance(const clib_ledger_t *self) {
  int64_t sum = 0;
  for (size_t i = 0; self && i < self->count; i++)
    if (!clib_is_void(&self->entries[i])) sum += self->entries[i].amount;
  return sum;
}

size_t clib_visit(const clib_ledger_t *self, clib_visit_fn fn, void *arg) {
  size_t i = 0;
  for (; self && i < self->count; i++)
    if (fn(&self->entries[i], arg) != 0) break;
  return i;
}

int clib_format(char *buf, size_t n, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vsnprintf(buf, n, fmt, ap);
  va_end(ap);
  return r;
}

void clib_reset(clib_ledger_t *self) {
  if (self) self->count = 0;
}
