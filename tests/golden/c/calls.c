#include <stdio.h>

struct logger {
  void (*log)(const char *msg);
  struct logger *next;
};

void calls(struct logger *s, const char *email, int id, void (*fp)(const char *)) {
  printf("user %s\n", email);
  fprintf(stderr, "id=%d email=%s\n", id, email);
  char buf[64];
  sprintf(buf, "%s", email);
  int n = snprintf(buf, sizeof buf, "<%s>", email);
  s->log(email);
  s->next->log(buf);
  (*fp)(email);
  fp(buf);
  puts(buf);
  (void)n;
}
