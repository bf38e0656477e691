/* spool.h - the on-disk batch files; used by batch.c and spool.c. */
#ifndef COLLECTOR_SPOOL_H
#define COLLECTOR_SPOOL_H

#include <stddef.h>

struct spool {
  int dir_fd;
  unsigned next_seq;
};

int spool_open(struct spool *sp, const char *dir);
int spool_write(struct spool *sp, const void *data, size_t len);

#endif
