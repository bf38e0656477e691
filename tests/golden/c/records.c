struct account {
  const char *email;
  unsigned long balance;
  struct account *next;
};

typedef struct {
  int id;
  union {
    int code;
    const char *label;
  };
} tag_t;

typedef struct session {
  char token[32];
  struct inner {
    int a;
  } in;
} session_t;

union value {
  int i;
  double d;
};

struct declared_only;

static int helper(int x) {
  return x;
}

int exported(int, const char *name) {
  return helper(name != 0);
}
