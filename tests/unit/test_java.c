/* test_java.c — the Java frontend: golden IR dumps of small snippets
 * (tests/golden/java/NAME.java beside NAME.ir; ASSAY_UPDATE_GOLDEN=1 rewrites
 * the .ir files, which must then be reviewed), direct structural checks,
 * parse failures, binary input, the raw parse baseline, a generated stress
 * input and every Java file of the shipped corpus. */
#include "frontend/frontend.h"
#include "ir/ir.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "golden.h"

#define GOLDEN_DIR "tests/golden/java"

static as_intern *strings;

static int verify(const ir_unit *u) {
  char err[512] = "";
  int rc = ir_unit_verify(u, err, sizeof err);
  if (rc != 0) fprintf(stderr, "verify: %s\n", err);
  return rc;
}

static ir_unit *lower(const char *src) {
  return fe_java_lower(strings, "src/X.java", "src", src, strlen(src));
}

static ir_unit *golden_lower(as_intern *st, const char *file, const char *stem, const char *src,
                             size_t len) {
  (void)file;
  char *rel = as_sprintf("src/%s.java", stem);
  ir_unit *u = fe_java_lower(st, rel, "fallback.module", src, len);
  free(rel);
  return u;
}

static void test_goldens(void) {
  static const char *const exts[] = {".java", NULL};
  CHECK(golden_run(GOLDEN_DIR, exts, golden_lower, strings) >= 10);
}

static const ir_func *find_func(const ir_unit *u, const char *name) {
  for (uint32_t i = 0; i < u->nfuncs; i++)
    if (strcmp(u->funcs[i]->name, name) == 0) return u->funcs[i];
  return NULL;
}

/* Direct checks of the structure, independent of the printer. */
static void test_structure(void) {
  ir_unit *u = lower("package com.shop.users;\n"
                     "import com.shop.util.Masker;\n"
                     "class A {\n"
                     "  @PostMapping(\"/u\")\n"
                     "  Object m(User user, int n) {\n"
                     "    this.repo.save(user.getEmail());\n"
                     "    if (n > 0) {\n"
                     "      user.setPhone(\"x\");\n"
                     "    }\n"
                     "    return this;\n"
                     "  }\n"
                     "}\n");
  CHECK_INT(u->failed, 0);
  CHECK_STR(u->module, "com.shop.users");
  CHECK_STR(u->lang, "java");
  CHECK_INT(u->nimports, 1);
  if (u->nimports == 1) {
    CHECK_STR(u->imports[0].alias, "Masker");
    CHECK_STR(u->imports[0].target, "com.shop.util.Masker");
  }
  CHECK_INT(u->nrecords, 1);
  CHECK_INT(u->nfuncs, 1);
  const ir_func *f = find_func(u, "A.m");
  CHECK(f != NULL);
  if (f) {
    CHECK_INT(f->nparams, 2); /* no `this` */
    CHECK_STR(f->params[0], "user");
    CHECK_STR(f->params[1], "n");
    CHECK_INT(f->ndecorators, 1);
    if (f->ndecorators == 1) CHECK_STR(f->decorators[0], "PostMapping");
    CHECK_INT(f->loc.line, 4); /* the declaration starts at its annotation */
    CHECK_INT(f->loc.col, 3);
    /* LOAD this.repo; LOAD user.email; CALL; CONST 0; CONST <bool>; CONST x; STORE; RETURN */
    CHECK_INT(f->ninsts, 8);
    if (f->ninsts == 8) {
      const ir_inst *in = &f->insts[0];
      CHECK_INT(in->op, IR_LOAD);
      CHECK_STR(in->obj, "this");
      CHECK_STR(in->field, "repo");
      in = &f->insts[1];
      CHECK_INT(in->op, IR_LOAD);
      CHECK_STR(in->obj, "user");
      CHECK_STR(in->field, "email");
      in = &f->insts[2];
      CHECK_INT(in->op, IR_CALL);
      CHECK_STR(in->callee, "this.repo.save");
      CHECK(in->obj == f->insts[0].dst);
      CHECK_INT(in->nargs, 1);
      CHECK(in->args[0] == f->insts[1].dst);
      CHECK(in->dst != NULL);
      CHECK_INT(in->loc.line, 6);
      CHECK_INT(in->loc.col, 5);
      CHECK_INT(in->depth, 0);
      in = &f->insts[6];
      CHECK_INT(in->op, IR_STORE);
      CHECK_STR(in->obj, "user");
      CHECK_STR(in->field, "phone");
      CHECK_INT(in->depth, 1);
      CHECK(in->args[0] == f->insts[5].dst);
      in = &f->insts[7];
      CHECK_INT(in->op, IR_RETURN);
      CHECK_INT(in->nargs, 1);
      if (in->nargs == 1) CHECK(in->args[0] == as_intern_str(strings, "this"));
    }
  }
  CHECK_INT(verify(u), 0);
  ir_unit_delete(u);
}

/* A syntax error is a diagnostic at its place; the unit is not failed: the
 * class around it is lowered (tests/unit/test_recover.c checks what). */
static void expect_parse_error(const char *src, uint32_t line, uint32_t col, const char *msg) {
  ir_unit *u = lower(src);
  CHECK_INT(u->failed, 0);
  CHECK_INT(u->nrecords, 1); /* class A */
  CHECK_INT(u->ndiags, 1);
  if (u->ndiags == 1) {
    CHECK_INT(u->diags[0].level, AS_DIAG_ERROR);
    CHECK_STR(u->diags[0].code, "parse-error");
    CHECK_INT(u->diags[0].line, line);
    CHECK_INT(u->diags[0].col, col);
    char want[200];
    snprintf(want, sizeof want, "%s; the rest of the file is analysed", msg);
    CHECK_STR(u->diags[0].message, want);
  }
  CHECK_INT(verify(u), 0);
  ir_unit_delete(u);
}

static void test_parse_error(void) {
  expect_parse_error("import a.B;\nclass A { void f() { int x = 1 } }\n", 2, 31, "missing ';'");
  expect_parse_error("class A { void f() { x = (1 + ; } }\n", 1, 24, "syntax error near '= (1 +'");
  expect_parse_error("class A {\n  void f() {\n    g(alpha beta gamma delta epsilon zeta eta);\n"
                     "  }\n}\n",
                     3, 7, "syntax error near 'alpha beta gamma delta epsilon'");
}

static void test_binary(void) {
  static const char nul[] = "class A {}\nclass \0B {}";
  ir_unit *u = fe_java_lower(strings, "src/B.java", "src", nul, sizeof nul - 1);
  CHECK_INT(u->failed, 1);
  CHECK_INT(u->nrecords, 0);
  CHECK_INT(u->ndiags, 1);
  if (u->ndiags == 1) {
    CHECK_STR(u->diags[0].code, "parse-error");
    CHECK_STR(u->diags[0].message, "file contains NUL bytes");
    CHECK_INT(u->diags[0].line, 2);
    CHECK_INT(u->diags[0].col, 7);
  }
  ir_unit_delete(u);

  static const char latin1[] = "// caf\xe9\nclass A {}\n";
  u = fe_java_lower(strings, "src/L.java", "src", latin1, sizeof latin1 - 1);
  CHECK_INT(u->failed, 1);
  CHECK_INT(u->ndiags, 1);
  if (u->ndiags == 1) {
    CHECK_STR(u->diags[0].message, "file is not valid UTF-8");
    CHECK_INT(u->diags[0].line, 1);
    CHECK_INT(u->diags[0].col, 7);
  }
  ir_unit_delete(u);

  /* valid multi-byte UTF-8 is fine, and columns count bytes */
  u = lower("class A { void f() { s = \"caf\xc3\xa9\"; t = a.b; } }\n");
  CHECK_INT(u->failed, 0);
  CHECK_INT(u->ndiags, 0);
  const ir_func *f = find_func(u, "A.f");
  if (f && f->ninsts == 2) {
    CHECK_STR(f->insts[0].text, "caf\xc3\xa9");
    CHECK_STR(f->insts[0].dst, "s");
    CHECK_INT(f->insts[1].op, IR_LOAD);
    CHECK_INT(f->insts[1].loc.col, 39);
  } else {
    CHECK(0);
  }
  ir_unit_delete(u);
}

static void test_parse_only(void) {
  /* program, class_declaration, "class", identifier, class_body, "{", "}" */
  CHECK_INT(fe_java_parse_only("class A {}", 10), 7);
  CHECK_INT(fe_java_parse_only("", 0), 1);
  const char *two = "class A {}\nclass B {}\n";
  CHECK_INT(fe_java_parse_only(two, strlen(two)), 13);
  CHECK_INT(fe_parse_only(FE_LANG_JAVA, "x.java", two, strlen(two)), 13);
}

static void test_long_string(void) {
  as_buf b = {0};
  as_buf_puts(&b, "class A { String x = \"");
  for (int i = 0; i < 1000; i++)
    as_buf_puts(&b, "abcd\xc3\xa9"); /* 6 bytes each */
  as_buf_puts(&b, "\"; }\n");
  ir_unit *u = lower(b.data);
  CHECK_INT(u->failed, 0);
  const ir_func *f = find_func(u, "A.<init>");
  if (f && f->ninsts >= 1) {
    const char *t = f->insts[0].text;
    CHECK(t != NULL);
    if (t) CHECK_INT(strlen(t), 4096); /* 682 chunks + "abcd" = 4096 bytes, on a boundary */
  } else {
    CHECK(0);
  }
  ir_unit_delete(u);
  as_buf_free(&b);
}

/* A generated input of ~50k lines using most constructs, and deep nesting. */
static void test_stress(void) {
  as_buf b = {0};
  as_buf_puts(&b, "package gen;\nimport java.util.*;\n");
  int lines = 2;
  for (int i = 0; lines < 50000; i++) {
    as_buf_printf(
        &b,
        "class C%d extends Base {\n"
        "  @JsonProperty(\"e\") private String email = \"x\";\n"
        "  @GetMapping(\"/c/%d\")\n"
        "  public Map<String, Object> m(User user, int n) {\n"
        "    for (String k : user.getKeys()) {\n"
        "      if (k != null && n > 0) log.info(\"k=\" + k + user.getEmail());\n"
        "    }\n"
        "    try (var w = new FileWriter(p)) { w.write(user.email); }\n"
        "    catch (IOException e) { throw new RuntimeException(e); }\n"
        "    String s = switch (n) { case 1 -> \"a\"; default -> { yield user.name; } };\n"
        "    users.forEach(u -> repo.save(u));\n"
        "    return Map.of(\"email\", user.getEmail(), \"n\", n > 1 ? s : null);\n"
        "  }\n"
        "}\n",
        i, i);
    lines += 14;
  }
  /* deep nesting must not crash */
  as_buf_puts(&b, "class Deep { void f() { y = a");
  for (int i = 0; i < 3000; i++)
    as_buf_puts(&b, " + a");
  as_buf_puts(&b, "; z = ");
  for (int i = 0; i < 1000; i++)
    as_buf_puts(&b, "(");
  as_buf_puts(&b, "a");
  for (int i = 0; i < 1000; i++)
    as_buf_puts(&b, ")");
  as_buf_puts(&b, "; } }\n");
  ir_unit *u = fe_java_lower(strings, "gen/Stress.java", "gen", b.data, b.len);
  CHECK_INT(u->failed, 0);
  CHECK(u->nfuncs > 7000);
  CHECK_INT(verify(u), 0);
  const ir_func *deep = find_func(u, "Deep.f");
  CHECK(deep != NULL);
  if (deep) {
    /* the + chain is one CONCAT of 3001 values */
    CHECK(deep->ninsts >= 1);
    if (deep->ninsts >= 1) CHECK_INT(deep->insts[0].nargs, 3001);
  }
  CHECK(fe_java_parse_only(b.data, b.len) > 100000);
  ir_unit_delete(u);
  as_buf_free(&b);
}

int main(void) {
  strings = as_intern_new();
  test_goldens();
  test_structure();
  test_parse_error();
  test_binary();
  test_parse_only();
  test_long_string();
  test_stress();
  static const char *const corpus_exts[] = {".java", NULL};
  int corpus_files = golden_lower_tree("corpus", corpus_exts, golden_lower, strings);
  fprintf(stderr, "corpus: %d java files\n", corpus_files);
  CHECK(corpus_files >= 12);
  as_intern_delete(strings);
  return CHECK_DONE();
}
