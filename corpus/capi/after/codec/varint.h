/* varint.h - LEB128 integers, used by codec.c only. */
#ifndef CODEC_VARINT_H
#define CODEC_VARINT_H

#include <stddef.h>
#include <stdint.h>

struct varint_cursor {
  const uint8_t *p;
  size_t left;
};

size_t varint_put(uint64_t v, uint8_t *out, size_t cap);
int varint_get(struct varint_cursor *c, uint64_t *v);

#endif
