/* test_operators.c — slices, negative numbers and subtraction keep what they
 * mean (ir/opcodes.def): a slice is CALL <slice>(lo, hi) recv s into a
 * temporary, a missing bound the CONST "" (Python, Go); a number under unary
 * minus is one CONST with the sign (every language), unary minus of anything
 * else a COPY; a - b is CALL <sub>(a, b) into a temporary (every language),
 * a + b stays CONCAT and plain indexing a LOAD. Each language's exact IR. */
#include "frontend/frontend.h"
#include "ir/ir.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"

static as_intern *strings;

/* The instructions of function fn as printed, without location and depth,
 * one per line. */
static void expect_body(const ir_unit *u, const char *fn, const char *want) {
  char err[512] = "";
  CHECK_INT(ir_unit_verify(u, err, sizeof err), 0);
  if (err[0]) fprintf(stderr, "verify: %s\n", err);
  as_buf all = {0}, got = {0};
  ir_unit_print(u, &all);
  char head[256];
  snprintf(head, sizeof head, "func %s(", fn);
  const char *p = strstr(all.data ? all.data : "", head);
  CHECK(p != NULL);
  if (p) p = strchr(p, '\n');
  while (p && p[1] == ' ' && p[2] == ' ') {
    const char *line = p + 3, *end = strchr(line, '\n');
    if (!end) break;
    const char *sp = line[0] >= '0' && line[0] <= '9' ? strchr(line, ' ') : NULL;
    if (sp) sp = strchr(sp + 1, ' '); /* past "L:C dN" */
    if (sp && sp < end) as_buf_printf(&got, "%.*s\n", (int)(end - sp - 1), sp + 1);
    p = end;
  }
  CHECK_STR(got.data ? got.data : "", want);
  as_buf_free(&all);
  as_buf_free(&got);
}

static void test_python(void) {
  static const char src[] = "def f(card, s, a, b):\n"
                            "    x = card[-4:]\n"
                            "    y = s[:2]\n"
                            "    z = s[a:b]\n"
                            "    w = s[::2]\n"
                            "    v = s[1:2:g(a)]\n"
                            "    i = s[-1]\n"
                            "    j = s[0]\n"
                            "    n = -4\n"
                            "    m = -x\n"
                            "    d = a - b\n"
                            "    e = a + b\n"
                            "    k = -4.5\n"
                            "    return s[1:]\n";
  ir_unit *u = fe_python_lower(strings, "app/f.py", "app.f", src, sizeof src - 1);
  expect_body(u, "f",
              "%t1 = const \"-4\"\n"
              "%t2 = const \"\"\n"
              "%t3 = call <slice>(%t1, %t2) recv card\n"
              "x = copy %t3\n"
              "%t4 = const \"\"\n"
              "%t5 = const \"2\"\n"
              "%t6 = call <slice>(%t4, %t5) recv s\n"
              "y = copy %t6\n"
              "%t7 = call <slice>(a, b) recv s\n"
              "z = copy %t7\n"
              "%t8 = const \"\"\n"
              "%t9 = const \"\"\n"
              "%t10 = call <slice>(%t8, %t9) recv s\n"
              "w = copy %t10\n"
              "%t11 = const \"1\"\n"
              "%t12 = const \"2\"\n"
              "%t13 = call g(a)\n"
              "%t14 = call <slice>(%t11, %t12) recv s\n"
              "v = copy %t14\n"
              "%t15 = const \"-1\"\n"
              "i = load s.[?]\n"
              "j = load s.0\n"
              "%t16 = const \"-4\"\n"
              "n = copy %t16\n"
              "%t17 = copy x\n"
              "m = copy %t17\n"
              "%t18 = call <sub>(a, b)\n"
              "d = copy %t18\n"
              "e = concat a, b\n"
              "%t19 = const \"-4.5\"\n"
              "k = copy %t19\n"
              "%t20 = const \"1\"\n"
              "%t21 = const \"\"\n"
              "%t22 = call <slice>(%t20, %t21) recv s\n"
              "return %t22\n");
  ir_unit_delete(u);
  /* an assignment to a slice stays a store with an unknown key */
  static const char store[] = "def g(s, v):\n    s[1:2] = v\n";
  u = fe_python_lower(strings, "app/g.py", "app.g", store, sizeof store - 1);
  expect_body(u, "g", "store s.[?] = v\n");
  ir_unit_delete(u);
}

static void test_go(void) {
  static const char src[] = "package p\n"
                            "func F(email string, s []byte, a, b int) {\n"
                            "\tlast := email[len(email)-4:]\n"
                            "\thead := email[:4]\n"
                            "\tmid := s[a:b]\n"
                            "\tall := s[:]\n"
                            "\tthree := s[1:2:cap(s)]\n"
                            "\ti := s[0]\n"
                            "\tn := -4\n"
                            "\tm := -a\n"
                            "\td := a - b\n"
                            "\te := a + b\n"
                            "\tf := -1.5\n"
                            "\tg(s[1:])\n"
                            "}\n";
  ir_unit *u = fe_go_lower(strings, "p/p.go", "p", src, sizeof src - 1);
  expect_body(u, "F",
              "%t1 = call len(email)\n"
              "%t2 = const \"4\"\n"
              "%t3 = call <sub>(%t1, %t2)\n"
              "%t4 = const \"\"\n"
              "%t5 = call <slice>(%t3, %t4) recv email\n"
              "last = copy %t5\n"
              "%t6 = const \"\"\n"
              "%t7 = const \"4\"\n"
              "%t8 = call <slice>(%t6, %t7) recv email\n"
              "head = copy %t8\n"
              "%t9 = call <slice>(a, b) recv s\n"
              "mid = copy %t9\n"
              "%t10 = const \"\"\n"
              "%t11 = const \"\"\n"
              "%t12 = call <slice>(%t10, %t11) recv s\n"
              "all = copy %t12\n"
              "%t13 = const \"1\"\n"
              "%t14 = const \"2\"\n"
              "%t15 = call cap(s)\n"
              "%t16 = call <slice>(%t13, %t14) recv s\n"
              "three = copy %t16\n"
              "i = load s.0\n"
              "%t17 = const \"-4\"\n"
              "n = copy %t17\n"
              "%t18 = copy a\n"
              "m = copy %t18\n"
              "%t19 = call <sub>(a, b)\n"
              "d = copy %t19\n"
              "e = concat a, b\n"
              "%t20 = const \"-1.5\"\n"
              "f = copy %t20\n"
              "%t21 = const \"1\"\n"
              "%t22 = const \"\"\n"
              "%t23 = call <slice>(%t21, %t22) recv s\n"
              "%t24 = call g(%t23)\n");
  ir_unit_delete(u);
}

static void test_typescript(void) {
  static const char src[] = "function f(x: string, a: number, b: number) {\n"
                            "  const last = x.slice(-4);\n"
                            "  const head = x.substring(0, x.length - 4);\n"
                            "  const n = -4;\n"
                            "  const m = -a;\n"
                            "  const d = a - b;\n"
                            "  const e = a + b;\n"
                            "  const i = x[-1];\n"
                            "}\n";
  static const char body[] = "%t1 = const \"-4\"\n"
                             "last = call x.slice(%t1) recv x\n"
                             "%t2 = const \"0\"\n"
                             "%t3 = load x.length\n"
                             "%t4 = const \"4\"\n"
                             "%t5 = call <sub>(%t3, %t4)\n"
                             "head = call x.substring(%t2, %t5) recv x\n"
                             "%t6 = const \"-4\"\n"
                             "n = copy %t6\n"
                             "%t7 = copy a\n"
                             "m = copy %t7\n"
                             "%t8 = call <sub>(a, b)\n"
                             "d = copy %t8\n"
                             "e = concat a, b\n"
                             "%t9 = const \"-1\"\n"
                             "i = load x.[?]\n";
  ir_unit *u = fe_javascript_lower(strings, "src/f.ts", "src/f", src, sizeof src - 1);
  expect_body(u, "f", body);
  ir_unit_delete(u);
  /* JavaScript: the same without the types */
  static const char js[] = "function f(x, a, b) {\n"
                           "  const last = x.slice(-4);\n"
                           "  const head = x.substring(0, x.length - 4);\n"
                           "  const n = -4;\n"
                           "  const m = -a;\n"
                           "  const d = a - b;\n"
                           "  const e = a + b;\n"
                           "  const i = x[-1];\n"
                           "}\n";
  u = fe_javascript_lower(strings, "src/f.js", "src/f", js, sizeof js - 1);
  expect_body(u, "f", body);
  ir_unit_delete(u);
}

static void test_java(void) {
  static const char src[] = "class A {\n"
                            "  void f(String s, int a, int b) {\n"
                            "    String last = s.substring(s.length() - 4);\n"
                            "    int n = -4;\n"
                            "    int m = -a;\n"
                            "    int d = a - b - 1;\n"
                            "    int e = a + b;\n"
                            "    double g = -1.5;\n"
                            "    int[] xs = {1, -2};\n"
                            "  }\n"
                            "}\n";
  ir_unit *u = fe_java_lower(strings, "src/A.java", "src", src, sizeof src - 1);
  expect_body(u, "A.f",
              "%t1 = call s.length() recv s\n"
              "%t2 = const \"4\"\n"
              "%t3 = call <sub>(%t1, %t2)\n"
              "last = call s.substring(%t3) recv s\n"
              "n = const \"-4\"\n"
              "m = copy a\n"
              "%t4 = call <sub>(a, b)\n"
              "%t5 = const \"1\"\n"
              "%t6 = call <sub>(%t4, %t5)\n"
              "d = copy %t6\n"
              "e = concat a, b\n"
              "g = const \"-1.5\"\n"
              "xs = const \"<list>\"\n"
              "%t7 = const \"1\"\n"
              "store xs.[?] = %t7\n"
              "%t8 = const \"-2\"\n"
              "store xs.[?] = %t8\n");
  ir_unit_delete(u);
}

static void test_c(void) {
  static const char src[] = "#define NEG(x) (-x)\n"
                            "#define SUB(a, b) ((a) - (b))\n"
                            "int f(int a, int b) {\n"
                            "  int n = -4;\n"
                            "  int m = -a;\n"
                            "  int d = a - b;\n"
                            "  int e = a + b;\n"
                            "  double g = -1.5;\n"
                            "  int k = NEG(4), s = SUB(a, b);\n"
                            "  return d - 1;\n"
                            "}\n";
  ir_unit *u = fe_c_lower(strings, "f.c", "/tmp/assay-ops.c", src, sizeof src - 1, NULL, 0);
  CHECK_INT(u->failed, 0);
  expect_body(u, "f",
              "n = const \"-4\"\n"
              "m = copy a\n"
              "%t1 = call <sub>(a, b)\n"
              "d = copy %t1\n"
              "e = concat a, b\n"
              "g = const \"-1.5\"\n"
              /* in a macro body the operators are not seen: as before */
              "k = const \"4\"\n"
              "s = concat a, b\n"
              "%t2 = const \"1\"\n"
              "%t3 = call <sub>(d, %t2)\n"
              "return %t3\n");
  ir_unit_delete(u);
}

int main(void) {
  strings = as_intern_new();
  test_python();
  test_go();
  test_typescript();
  test_java();
  test_c();
  as_intern_delete(strings);
  return CHECK_DONE();
}
