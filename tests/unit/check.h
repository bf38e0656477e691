/* check.h — the unit tests' assertions. A failed check prints file:line and the
 * values, counts the failure and goes on; CHECK_DONE() returns the exit code. */
#ifndef ASSAY_TEST_CHECK_H
#define ASSAY_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures_;
static int check_count_;

#define CHECK(c)                                                                                   \
  do {                                                                                             \
    check_count_++;                                                                                \
    if (!(c)) {                                                                                    \
      fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #c);                        \
      check_failures_++;                                                                           \
    }                                                                                              \
  } while (0)
#define CHECK_INT(a, b)                                                                            \
  do {                                                                                             \
    long long a_ = (long long)(a), b_ = (long long)(b);                                            \
    check_count_++;                                                                                \
    if (a_ != b_) {                                                                                \
      fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #a, a_, b_);       \
      check_failures_++;                                                                           \
    }                                                                                              \
  } while (0)
#define CHECK_STR(a, b)                                                                            \
  do {                                                                                             \
    const char *a_ = (a), *b_ = (b);                                                               \
    check_count_++;                                                                                \
    if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                                       \
      fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #a,            \
              a_ ? a_ : "(null)", b_ ? b_ : "(null)");                                             \
      check_failures_++;                                                                           \
    }                                                                                              \
  } while (0)
#define CHECK_DONE()                                                                               \
  (fprintf(stderr, "%d checks, %d failed\n", check_count_, check_failures_),                       \
   check_failures_ ? 1 : 0)

#endif
