#include "generated/not_there.h"
#include <stdio.h>

int log_email(const char *email) {
  printf("%s\n", email);
  return 0;
}
