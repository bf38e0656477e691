struct user {
  const char *email;
  const char *name;
  int tags[4];
};

void stores(struct user *u, struct user v, const char *e, char *p, int i) {
  u->email = e;
  v.name = u->email;
  u->tags[i] = 3;
  u->tags[0] = i;
  *p = 'x';
  const char *copy = e;
  const char *none;
  none = copy;
  int a, b;
  a = b = i;
  struct user w = {.email = e, .name = "n"};
  struct user x = {e, 0};
  char buf[16] = "abc";
  (void)a;
  (void)w;
  (void)x;
  (void)buf;
  (void)none;
}
