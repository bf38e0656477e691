#include "varint.h"

size_t varint_put(uint64_t v, uint8_t *out, size_t cap) {
  size_t n = 0;
  do {
    if (n == cap) return 0;
    uint8_t b = v & 0x7f;
    v >>= 7;
    out[n++] = b | (v ? 0x80 : 0);
  } while (v);
  return n;
}

int varint_get(struct varint_cursor *c, uint64_t *v) {
  *v = 0;
  for (unsigned shift = 0; c->left && shift < 64; shift += 7) {
    uint8_t b = *c->p++;
    c->left--;
    *v |= (uint64_t)(b & 0x7f) << shift;
    if (!(b & 0x80)) return 0;
  }
  return -1;
}
