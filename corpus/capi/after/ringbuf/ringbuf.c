#include "ringbuf_internal.h"

#include <stdlib.h>
#include <string.h>

struct ringbuf *rb_create(size_t capacity) {
  struct ringbuf *rb = calloc(1, sizeof *rb);
  if (!rb) return NULL;
  rb->data = malloc(capacity + 1);
  if (!rb->data) {
    free(rb);
    return NULL;
  }
  rb->capacity = capacity + 1;
  return rb;
}

void rb_destroy(struct ringbuf *rb) {
  if (!rb) return;
  free(rb->data);
  free(rb);
}

size_t rb_used(const struct ringbuf *rb) {
  return rb->tail >= rb->head ? rb->tail - rb->head : rb->capacity - rb->head + rb->tail;
}

size_t rb_push(struct ringbuf *rb, const void *data, size_t len) {
  size_t room = rb->capacity - 1 - rb_used(rb);
  if (len > room) {
    rb->stats.overruns++;
    len = room;
  }
  const unsigned char *p = data;
  for (size_t i = 0; i < len; i++) {
    rb->data[rb->tail] = p[i];
    rb->tail = rb__wrap(rb, rb->tail + 1);
  }
  rb->stats.pushed += len;
  if (rb_used(rb) > rb->stats.high_water) rb->stats.high_water = (uint32_t)rb_used(rb);
  return len;
}

size_t rb_pop(struct ringbuf *rb, void *out, size_t len) {
  size_t used = rb_used(rb);
  if (len > used) len = used;
  unsigned char *p = out;
  for (size_t i = 0; i < len; i++) {
    p[i] = rb->data[rb->head];
    rb->head = rb__wrap(rb, rb->head + 1);
  }
  rb->stats.popped += len;
  return len;
}
