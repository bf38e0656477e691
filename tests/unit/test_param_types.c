/* test_param_types.c — every frontend records each parameter's declared
 * type as written (ir_func.param_types, NULL when undeclared): Go (grouped
 * names, variadic, the receiver), Java (constructors, spread, typed and
 * inferred lambda parameters), TypeScript (annotations; constructor
 * parameter properties also store into this and type the class's field),
 * Python (annotations), C (libclang's spelling); and the types survive the
 * unit's serialized form. */
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

/* "name: type, name, ..." of fn's parameters (types left out when NULL). */
static void expect_params(const ir_unit *u, const char *fn, const char *want) {
  const ir_func *f = find_func(u, fn);
  CHECK(f != NULL);
  if (!f) return;
  as_buf b = {0};
  for (uint32_t p = 0; p < f->nparams; p++) {
    as_buf_printf(&b, "%s%s", p ? ", " : "", f->params[p]);
    if (f->param_types[p]) as_buf_printf(&b, ": %s", f->param_types[p]);
  }
  CHECK_STR(b.data ? b.data : "", want);
  as_buf_free(&b);
}

/* The same unit after a round trip through its serialized form. */
static ir_unit *round_trip(const ir_unit *u) {
  return round_trip_in(strings, u);
}

static void test_go(void) {
  static const char src[] = "package svc\n"
                            "func New(log *zap.Logger, db *sql.DB) *Service { return nil }\n"
                            "func Pair(a, b string, n int, rest ...string) {}\n"
                            "func (s *Service) Handle(ctx context.Context, f func(int) error) {}\n"
                            "func (Service) Name() string { return \"\" }\n"
                            "var h = func(w http.ResponseWriter, r *http.Request) {}\n";
  ir_unit *u = fe_go_lower(strings, "svc/svc.go", "svc", src, sizeof src - 1);
  CHECK_INT(u->ndiags, 0);
  expect_params(u, "New", "log: *zap.Logger, db: *sql.DB");
  expect_params(u, "Pair", "a: string, b: string, n: int, rest: ...string");
  expect_params(u, "Service.Handle", "s: *Service, ctx: context.Context, f: func(int) error");
  expect_params(u, "Service.Name", "_: Service");
  expect_params(u, "<module>.<lambda#1>", "w: http.ResponseWriter, r: *http.Request");
  ir_unit *v = round_trip(u);
  if (v) {
    expect_params(v, "New", "log: *zap.Logger, db: *sql.DB");
    expect_params(v, "Service.Handle", "s: *Service, ctx: context.Context, f: func(int) error");
  }
  ir_unit_delete(v);
  ir_unit_delete(u);
}

static void test_java(void) {
  static const char src[] =
      "package app;\n"
      "public class Users {\n"
      "  private final Logger log;\n"
      "  public Users(Logger log, final JdbcTemplate jdbc) { this.log = log; }\n"
      "  public void run(@RequestBody List<String> xs, String... rest) {\n"
      "    xs.forEach((String s) -> log.info(s));\n"
      "    xs.forEach(s -> log.info(s));\n"
      "  }\n"
      "  record Row(String email, int n) {}\n"
      "}\n";
  ir_unit *u = fe_java_lower(strings, "src/Users.java", "src", src, sizeof src - 1);
  CHECK_INT(u->ndiags, 0);
  expect_params(u, "Users.<init>", "log: Logger, jdbc: JdbcTemplate");
  expect_params(u, "Users.run", "xs: List<String>, rest: String...");
  expect_params(u, "Users.run.<lambda#1>", "s: String");
  expect_params(u, "Users.run.<lambda#2>", "s");
  expect_params(u, "Users.Row.<init>", "email: String, n: int");
  ir_unit *v = round_trip(u);
  if (v) expect_params(v, "Users.<init>", "log: Logger, jdbc: JdbcTemplate");
  ir_unit_delete(v);
  ir_unit_delete(u);
}

static void test_typescript(void) {
  static const char src[] =
      "export class UsersService {\n"
      "  constructor(private readonly logger: Logger, readonly db: Db, plain: string) {}\n"
      "  find(log: pino.Logger, { id }: Query, ...rest: string[]) {}\n"
      "}\n"
      "export function f(log: pino.Logger, w?: winston.Logger) {}\n"
      "export const h = async (req: Request, res) => {};\n";
  ir_unit *u = fe_javascript_lower(strings, "src/users.ts", "src/users", src, sizeof src - 1);
  CHECK_INT(u->ndiags, 0);
  expect_params(u, "UsersService.constructor", "logger: Logger, db: Db, plain: string");
  expect_params(u, "UsersService.find", "log: pino.Logger, %p1: Query, rest: string[]");
  expect_params(u, "f", "log: pino.Logger, w: winston.Logger");
  expect_params(u, "h", "req: Request, res");
  /* parameter properties: this.logger = logger (readonly alone too), and
   * typed fields of the class; a plain parameter is neither */
  const ir_func *ctor = find_func(u, "UsersService.constructor");
  CHECK(ctor && ctor->ninsts == 2);
  if (ctor && ctor->ninsts == 2) {
    CHECK_INT(ctor->insts[0].op, IR_STORE);
    CHECK_STR(ctor->insts[0].obj, "this");
    CHECK_STR(ctor->insts[0].field, "logger");
    CHECK_STR(ctor->insts[0].args[0], "logger");
    CHECK_STR(ctor->insts[1].field, "db");
  }
  CHECK_INT(u->nrecords, 1);
  if (u->nrecords == 1) {
    const ir_record *r = u->records[0];
    CHECK_STR(r->name, "UsersService");
    CHECK_INT(r->nfields, 2);
    if (r->nfields == 2) {
      CHECK_STR(r->fields[0].name, "logger");
      CHECK_STR(r->fields[0].type, "Logger");
      CHECK_STR(r->fields[1].name, "db");
      CHECK_STR(r->fields[1].type, "Db");
    }
  }
  ir_unit_delete(u);
  /* JavaScript has no declared types */
  static const char js[] = "function g(log, n = 1) {}\n";
  u = fe_javascript_lower(strings, "src/g.js", "src/g", js, sizeof js - 1);
  expect_params(u, "g", "log, n");
  ir_unit_delete(u);
}

static void test_python(void) {
  static const char src[] =
      "import logging\n"
      "def f(log: logging.Logger, slog: structlog.stdlib.BoundLogger, n: int = 3, m=4,\n"
      "      *args: str, **kw):\n"
      "    pass\n"
      "class C:\n"
      "    def m(self, db: \"sql.DB\", x) -> None:\n"
      "        pass\n";
  ir_unit *u = fe_python_lower(strings, "app/f.py", "app.f", src, sizeof src - 1);
  CHECK_INT(u->ndiags, 0);
  expect_params(
      u, "f", "log: logging.Logger, slog: structlog.stdlib.BoundLogger, n: int, m, args: str, kw");
  expect_params(u, "C.m", "self, db: \"sql.DB\", x");
  ir_unit *v = round_trip(u);
  if (v)
    expect_params(v, "f",
                  "log: logging.Logger, slog: structlog.stdlib.BoundLogger, n: int, m, "
                  "args: str, kw");
  ir_unit_delete(v);
  ir_unit_delete(u);
}

static void test_c(void) {
  static const char src[] = "#include <stdio.h>\n"
                            "#include <stddef.h>\n"
                            "struct account;\n"
                            "typedef struct account account_t;\n"
                            "void post(struct account *a, FILE *out, const char *fmt, size_t n,\n"
                            "          account_t *b, int (*cb)(int)) {}\n"
                            "void none(void) {}\n";
  ir_unit *u = fe_c_lower(strings, "post.c", "/tmp/assay-post.c", src, sizeof src - 1, NULL, 0);
  CHECK_INT(u->failed, 0);
  expect_params(u, "post",
                "a: struct account *, out: FILE *, fmt: const char *, n: size_t, b: account_t *, "
                "cb: int (*)(int)");
  expect_params(u, "none", "");
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
