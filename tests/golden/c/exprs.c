#include <stddef.h>
#define FIELD(p) ((p)->name)
#define IS_EMPTY(s) ((s)[0] == 0)
#define SET_NAME(p, v) ((p)->name = (v))
#define NOT_NULL(p) (!(p))
#define LIMIT 16

enum color { RED, GREEN };
struct user {
  const char *name;
  int age;
};
struct point {
  int x, y;
};

void use(const void *);

int exprs(struct user *u, const char *email, long v) {
  char buf[8];
  use(&buf);
  use((const char *)email);
  use(&u->name);
  int neg = -(int)v;
  int not = !neg;
  size_t sz = sizeof(struct user) + sizeof buf;
  int cmp = u->age >= 18 && neg != 0;
  int mixed = (neg, not);
  const char *n = FIELD(u);
  int e = IS_EMPTY(n);
  enum color c = GREEN;
  struct point p = (struct point){.x = 1, .y = neg};
  SET_NAME(u, email);
  int nn = NOT_NULL(email) + LIMIT;
  neg++;
  --not;
  return (int)sz + cmp + mixed + e + c + p.x + ~neg + nn;
}
