/* ringbuf.h - a byte ring buffer for producer/consumer pipelines. */
#ifndef RINGBUF_H
#define RINGBUF_H

#include <stddef.h>
#include <stdint.h>

struct ringbuf; /* opaque: see ringbuf_internal.h */

/* Counters since rb_create or the last rb_reset_stats. */
struct rb_stats {
  uint32_t high_water; /* most bytes ever buffered */
  uint32_t overruns;   /* rb_push calls refused for lack of room */
  uint64_t pushed;     /* bytes accepted by rb_push */
  uint64_t popped;     /* bytes handed out by rb_pop */
};

struct ringbuf *rb_create(size_t capacity);
void rb_destroy(struct ringbuf *rb);
size_t rb_push(struct ringbuf *rb, const void *data, size_t len);
size_t rb_pop(struct ringbuf *rb, void *out, size_t len);
size_t rb_used(const struct ringbuf *rb);
void rb_get_stats(const struct ringbuf *rb, struct rb_stats *out);
void rb_reset_stats(struct ringbuf *rb);

#endif
