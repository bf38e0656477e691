#include "collector.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int collector_configure(struct collector_config *cfg, int argc, char **argv) {
  cfg->spool_dir = "/var/spool/collector";
  cfg->flush_ms = 1000;
  cfg->port = 7311;
  cfg->verbose = 0;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-v") == 0)
      cfg->verbose = 1;
    else if (strcmp(argv[i], "-d") == 0 && i + 1 < argc)
      cfg->spool_dir = argv[++i];
    else
      return -1;
  }
  return 0;
}

int main(int argc, char **argv) {
  struct collector_config cfg;
  if (collector_configure(&cfg, argc, argv) != 0) {
    fprintf(stderr, "usage: collector [-v] [-d SPOOL_DIR]\n");
    return 2;
  }
  return collector_run(&cfg);
}
