struct user {
  const char *email;
  struct user *manager;
};
struct entry {
  const char *user_email;
  struct user *user;
  int ids[4];
};

const char *entry_email(struct entry *entry) {
  return entry->user_email;
}

const char *by_value(struct user u) {
  const char *e = u.email;
  return e;
}

const char *chain(struct entry *e) {
  return e->user->manager->email;
}

int index_loads(struct entry *e, int i, char **names) {
  int first = e->ids[0];
  const char *n = names[i];
  return first + (n != 0);
}
