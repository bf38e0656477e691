#include "codec.h"
#include "varint.h"

#include <string.h>

size_t codec_encode(const struct codec_frame *frame, uint8_t *buf, size_t cap) {
  size_t n = 0, k;
  uint64_t fields[4] = {frame->kind, frame->flags, (uint64_t)frame->timestamp, frame->length};
  for (int i = 0; i < 4; i++) {
    if (!(k = varint_put(fields[i], buf + n, cap - n))) return 0;
    n += k;
  }
  if (cap - n < frame->length) return 0;
  memcpy(buf + n, frame->payload, frame->length);
  return n + frame->length;
}

size_t codec_decode(const uint8_t *buf, size_t len, struct codec_frame *frame) {
  struct varint_cursor c = {buf, len};
  uint64_t v[4];
  for (int i = 0; i < 4; i++)
    if (varint_get(&c, &v[i]) != 0) return 0;
  if (c.left < v[3]) return 0;
  frame->kind = (uint16_t)v[0];
  frame->flags = (uint16_t)v[1];
  frame->timestamp = (int64_t)v[2];
  frame->length = (uint32_t)v[3];
  frame->payload = c.p;
  return (size_t)(c.p - buf) + frame->length;
}
