#define _POSIX_C_SOURCE 200809L
#include "spool.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int spool_open(struct spool *sp, const char *dir) {
  sp->dir_fd = open(dir, O_RDONLY | O_DIRECTORY);
  sp->next_seq = 0;
  return sp->dir_fd < 0 ? -1 : 0;
}

int spool_write(struct spool *sp, const void *data, size_t len) {
  char name[32];
  snprintf(name, sizeof name, "batch-%08u", sp->next_seq++);
  int fd = openat(sp->dir_fd, name, O_WRONLY | O_CREAT | O_EXCL, 0640);
  if (fd < 0) return -1;
  ssize_t n = write(fd, data, len);
  close(fd);
  return n == (ssize_t)len ? 0 : -1;
}
