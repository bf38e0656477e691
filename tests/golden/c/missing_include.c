#include "generated/not_there.h"
#include <stdio.h>

int log_email(const char *email) {
  printf("%s\n", email);
  return 0;
}

/* status_t came from the missing header: the error that follows only warns. */
status_t check(const char *email) {
  return log_email(email);
}
