int check(int);

int control(int n, const char *email, const char **out) {
  int r = 0;
  if (n > 0) {
    *out = email;
  } else if (n < -5) {
    r = check(n);
  } else {
    r = 2;
  }
  for (int i = 0; i < n; i++) {
    r = check(i);
  }
  for (;;) {
    if (check(r)) break;
  }
  for (r = 0; r < 3;) r = r + 1;
  while (check(n)) {
    n = n - 1;
  }
  do {
    n = check(n);
  } while (n);
  switch (n) {
  case 1:
    r = 1;
    break;
  default:
    r = check(r);
  }
  const char *p = n ? email : "none";
  *out = p;
  return r;
}
