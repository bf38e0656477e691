#include "ringbuf_internal.h"

#include <string.h>

void rb_get_stats(const struct ringbuf *rb, struct rb_stats *out) {
  *out = rb->stats;
}

void rb_reset_stats(struct ringbuf *rb) {
  memset(&rb->stats, 0, sizeof rb->stats);
  rb->generation++;
}
