/* ringbuf_internal.h - the layout behind the opaque handle; not installed. */
#ifndef RINGBUF_INTERNAL_H
#define RINGBUF_INTERNAL_H

#include "ringbuf.h"

struct ringbuf {
  unsigned char *data;
  size_t capacity;
  size_t tail; /* next free byte */
  size_t head; /* next byte to pop */
  unsigned generation; /* bumped by rb_reset_stats */
  struct rb_stats stats;
};

static inline size_t rb__wrap(const struct ringbuf *rb, size_t i) {
  return i >= rb->capacity ? i - rb->capacity : i;
}

#endif
