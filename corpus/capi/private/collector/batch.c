#include "collector.h"
#include "spool.h"

#include <string.h>

int collector_run(const struct collector_config *cfg) {
  struct spool sp;
  if (spool_open(&sp, cfg->spool_dir) != 0) return 1;
  const char hello[] = "collector started\n";
  return spool_write(&sp, hello, strlen(hello)) == 0 ? 0 : 1;
}
