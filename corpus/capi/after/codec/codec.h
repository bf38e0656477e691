/* codec.h - length-prefixed frames for the telemetry wire format. */
#ifndef CODEC_H
#define CODEC_H

#include <stddef.h>
#include <stdint.h>

enum codec_kind { CODEC_HELLO = 1, CODEC_SAMPLE = 2, CODEC_BYE = 3 };

struct codec_frame {
  uint16_t kind;  /* enum codec_kind */
  uint16_t flags;
  uint32_t length; /* bytes of payload */
  const uint8_t *payload;
  double timestamp; /* seconds since the epoch */
};

/* Bytes written to buf (at most cap), or 0 when it does not fit. */
size_t codec_encode(const struct codec_frame *frame, uint8_t *buf, size_t cap);
/* Bytes consumed from buf, or 0 for a truncated frame; frame->payload points into buf. */
size_t codec_decode(const uint8_t *buf, size_t len, struct codec_frame *frame);

#endif
