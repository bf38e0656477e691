/* test_decl_types.c — every frontend records the declared return type of a
 * function (ir_func.ret_type, as written, NULL without one) and the locals
 * declared with a type (ir_func.locals: the first declaration of a name
 * wins, a local declared without a type is not listed): Go (first result,
 * named results, var with a type, type assertions), Java (method types,
 * local declarations, for-each, resources, catch, instanceof patterns, var
 * with a cast), TypeScript (return annotations, annotated declarations, as
 * and <T> casts), Python (-> annotations, annotated assignments) and C
 * (libclang's spelling); and they survive the unit's serialized form. */
#include "frontend/frontend.h"
#include "ir/ir.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "roundtrip.h"

static as_intern *strings;

static const ir_func *find_func(const ir_unit *u, const char *name) {
  for (uint32_t i = 0; i < u->nfuncs; i++)
    if (strcmp(u->funcs[i]->name, name) == 0) return u->funcs[i];
  fprintf(stderr, "no function %s in %s\n", name, u->path);
  return NULL;
}

/* fn's return type ("" when NULL) and "name: type, ..." of its locals. */
static void expect(const ir_unit *u, const char *fn, const char *ret, const char *locals) {
  const ir_func *f = find_func(u, fn);
  CHECK(f != NULL);
  if (!f) return;
  CHECK_STR(f->ret_type ? f->ret_type : "", ret);
  as_buf b = {0};
  for (uint32_t l = 0; l < f->nlocals; l++)
    as_buf_printf(&b, "%s%s: %s", l ? ", " : "", f->locals[l].name, f->locals[l].type);
  CHECK_STR(b.data ? b.data : "", locals);
  as_buf_free(&b);
}

/* The same unit after a round trip through its serialized form. */
static ir_unit *round_trip(const ir_unit *u) {
  return round_trip_in(strings, u);
}

static void test_go(void) {
  static const char src[] = "package svc\n"
                            "func Find(id string) (*User, error) {\n"
                            "\tvar u *User = repo.Get(id)\n"
                            "\tvar n, m int\n"
                            "\tvar k = 3\n"
                            "\tq := repo.Get(id)\n"
                            "\ta := x.(*Admin)\n"
                            "\tb := (x.(Admin))\n"
                            "\tc, ok := x.(Admin)\n"
                            "\tif ok {\n"
                            "\t\tvar u Admin\n"
                            "\t\t_ = u\n"
                            "\t}\n"
                            "\treturn u, nil\n"
                            "}\n"
                            "func Name() string { return \"\" }\n"
                            "func Named() (u *User, err error) { return }\n"
                            "func Pair() (a, b int) { return }\n"
                            "func None() {}\n"
                            "func (s *Service) Get() ([]User, error) { return nil, nil }\n"
                            "var h = func(w http.ResponseWriter) error { return nil }\n"
                            "var cfg Config\n";
  ir_unit *u = fe_go_lower(strings, "svc/svc.go", "svc", src, sizeof src - 1);
  CHECK_INT(u->ndiags, 0);
  expect(u, "Find", "*User", "u: *User, n: int, m: int, a: *Admin, b: Admin");
  expect(u, "Name", "string", "");
  expect(u, "Named", "*User", "u: *User, err: error");
  expect(u, "Pair", "int", "a: int, b: int");
  expect(u, "None", "", "");
  expect(u, "Service.Get", "[]User", "");
  expect(u, "<module>.<lambda#1>", "error", "");
  expect(u, "<module>", "", "cfg: Config");
  ir_unit *v = round_trip(u);
  if (v) {
    expect(v, "Find", "*User", "u: *User, n: int, m: int, a: *Admin, b: Admin");
    expect(v, "None", "", "");
  }
  ir_unit_delete(v);
  ir_unit_delete(u);
}

static void test_java(void) {
  static const char src[] =
      "package app;\n"
      "public class Users {\n"
      "  public Users(Repo repo) { this.repo = repo; }\n"
      "  public User find(long id) {\n"
      "    User u = repo.find(id), other;\n"
      "    var v = repo.find(id);\n"
      "    var w = (Customer) repo.find(id);\n"
      "    for (Order o : u.orders) {}\n"
      "    for (int i = 0; i < 3; i++) {}\n"
      "    try (Connection c = ds.get()) {} catch (IOException | SQLException e) {}\n"
      "    if (obj instanceof Admin a) {}\n"
      "    List<User> xs = List.of();\n"
      "    return u;\n"
      "  }\n"
      "  public ResponseEntity<User> get() { return null; }\n"
      "  public List<User> all() { return null; }\n"
      "  public Optional<Customer> one() { return null; }\n"
      "  <T> T any() { return null; }\n"
      "  void run() { Runnable r = () -> {}; }\n"
      "  record Row(String email, int n) {}\n"
      "}\n";
  ir_unit *u = fe_java_lower(strings, "src/Users.java", "src", src, sizeof src - 1);
  CHECK_INT(u->ndiags, 0);
  expect(u, "Users.<init>", "", "");
  expect(u, "Users.find", "User",
         "u: User, other: User, w: Customer, o: Order, i: int, c: Connection, "
         "e: IOException | SQLException, a: Admin, xs: List<User>");
  expect(u, "Users.get", "ResponseEntity<User>", "");
  expect(u, "Users.all", "List<User>", "");
  expect(u, "Users.one", "Optional<Customer>", "");
  expect(u, "Users.any", "T", "");
  expect(u, "Users.run", "void", "r: Runnable");
  expect(u, "Users.run.<lambda#1>", "", "");
  expect(u, "Users.Row.email", "String", "");
  expect(u, "Users.Row.n", "int", "");
  ir_unit *v = round_trip(u);
  if (v) expect(v, "Users.get", "ResponseEntity<User>", "");
  ir_unit_delete(v);
  ir_unit_delete(u);

  /* A cast whose value is a temporary types the temporary. */
  static const char cast[] = "class A {\n"
                             "  String f() { return ((Customer) repo.any()).name; }\n"
                             "}\n";
  u = fe_java_lower(strings, "src/A.java", "src", cast, sizeof cast - 1);
  expect(u, "A.f", "String", "%t1: Customer");
  const ir_func *f = find_func(u, "A.f");
  if (f && f->ninsts > 0) {
    CHECK_STR(f->insts[0].callee, "repo.any");
    CHECK_STR(f->insts[0].dst, "%t1");
  }
  ir_unit_delete(u);
}

static void test_typescript(void) {
  static const char src[] =
      "export async function find(id: string): Promise<User> {\n"
      "  const u: User = await repo.find(id);\n"
      "  const v = await repo.find(id);\n"
      "  const w = (await r.json()) as User;\n"
      "  let x: User[];\n"
      "  const y = <Admin>legacy;\n"
      "  const z = cfg as const;\n"
      "  return u;\n"
      "}\n"
      "export const list = (): User[] => [];\n"
      "export class Svc {\n"
      "  get(): Promise<Customer> { return res.json() as Promise<Customer>; }\n"
      "  isUser(x: unknown): x is User { return true; }\n"
      "}\n"
      "function none() {}\n";
  ir_unit *u = fe_javascript_lower(strings, "src/users.ts", "src/users", src, sizeof src - 1);
  CHECK_INT(u->ndiags, 0);
  expect(u, "find", "Promise<User>", "u: User, w: User, x: User[], y: Admin");
  expect(u, "list", "User[]", "");
  expect(u, "Svc.get", "Promise<Customer>", "%t1: Promise<Customer>");
  expect(u, "Svc.isUser", "x is User", "");
  expect(u, "none", "", "");
  ir_unit *v = round_trip(u);
  if (v) expect(v, "find", "Promise<User>", "u: User, w: User, x: User[], y: Admin");
  ir_unit_delete(v);
  ir_unit_delete(u);
}

static void test_python(void) {
  static const char src[] = "def get(id: int) -> User:\n"
                            "    u: User = repo.get(id)\n"
                            "    v = repo.get(id)\n"
                            "    w: \"Optional[User]\"\n"
                            "    u: Admin = repo.admin(id)\n"
                            "    return u\n"
                            "class Svc:\n"
                            "    repo: Repo\n"
                            "    def one(self) -> Optional[Customer]:\n"
                            "        c: Customer = self.repo.one()\n"
                            "        self.last: Customer = c\n"
                            "        return c\n"
                            "def none():\n"
                            "    pass\n"
                            "cfg: Config = load()\n";
  ir_unit *u = fe_python_lower(strings, "app/svc.py", "app.svc", src, sizeof src - 1);
  CHECK_INT(u->ndiags, 0);
  expect(u, "get", "User", "u: User, w: \"Optional[User]\"");
  expect(u, "Svc.one", "Optional[Customer]", "c: Customer");
  expect(u, "none", "", "");
  expect(u, "<module>", "", "cfg: Config");
  ir_unit *v = round_trip(u);
  if (v) expect(v, "get", "User", "u: User, w: \"Optional[User]\"");
  ir_unit_delete(v);
  ir_unit_delete(u);
}

static void test_c(void) {
  static const char src[] = "#include <stdio.h>\n"
                            "struct user { const char *email; };\n"
                            "struct user *lookup(int id);\n"
                            "struct user *find(int id) {\n"
                            "  struct user *u = lookup(id);\n"
                            "  int n;\n"
                            "  FILE *out = stdout;\n"
                            "  return u;\n"
                            "}\n"
                            "static const char *name(void) { return \"\"; }\n"
                            "void none(void) {}\n";
  ir_unit *u = fe_c_lower(strings, "find.c", "/tmp/assay-find.c", src, sizeof src - 1, NULL, 0);
  CHECK_INT(u->failed, 0);
  expect(u, "find", "struct user *", "u: struct user *, n: int, out: FILE *");
  expect(u, "name", "const char *", "");
  expect(u, "none", "void", "");
  ir_unit *v = round_trip(u);
  if (v) expect(v, "find", "struct user *", "u: struct user *, n: int, out: FILE *");
  ir_unit_delete(v);
  ir_unit_delete(u);
}

int main(void) {
  strings = as_intern_new();
  test_go();
  test_java();
  test_typescript();
  test_python();
  test_c();
  as_intern_delete(strings);
  return CHECK_DONE();
}
