/* collector.h - the collector's configuration, shared with its plugins. */
#ifndef COLLECTOR_H
#define COLLECTOR_H

#include <stdint.h>

struct collector_config {
  const char *spool_dir;
  uint32_t flush_ms; /* flush a batch at least this often */
  uint16_t port;
  uint8_t verbose;
};

int collector_configure(struct collector_config *cfg, int argc, char **argv);
int collector_run(const struct collector_config *cfg);

#endif
