#include <stdio.h>
#include <string.h>

struct msg {
  char *text;
  int len;
};

void build(struct msg *m, const char *email, const char *name) {
  char line[128];
  snprintf(line, sizeof line, "%s <%s>", name, email);
  strcat(line, "!");
  int total = 0;
  total += m->len;
  m->len += total * 2;
  const char *s = email + 1;
  printf("%s %s\n", line, s);
}
