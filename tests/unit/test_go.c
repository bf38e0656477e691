/* test_go.c — the Go frontend: golden IR dumps of small snippets
 * (tests/golden/go/NAME.go beside NAME.ir; ASSAY_UPDATE_GOLDEN=1 rewrites
 * the .ir files, which must then be reviewed), direct structure checks, parse
 * failures, binary input, raw parse counts, a generated stress input and
 * every Go file of the shipped corpus. */
#include "frontend/frontend.h"
#include "ir/ir.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "golden.h"

#define GOLDEN_DIR "tests/golden/go"

static as_intern *strings;

static int verify(const ir_unit *u) {
  char err[512] = "";
  int rc = ir_unit_verify(u, err, sizeof err);
  if (rc != 0) fprintf(stderr, "verify: %s\n", err);
  return rc;
}

static ir_unit *lower(const char *src) {
  return fe_go_lower(strings, "pkg/x.go", "pkg", src, strlen(src));
}

static ir_unit *golden_lower(as_intern *st, const char *file, const char *stem, const char *src,
                             size_t len) {
  (void)file;
  char *rel = as_sprintf("pkg/%s.go", stem);
  ir_unit *u = fe_go_lower(st, rel, "pkg", src, len);
  free(rel);
  return u;
}

static void test_goldens(void) {
  static const char *const exts[] = {".go", NULL};
  CHECK(golden_run(GOLDEN_DIR, exts, golden_lower, strings) >= 8);
}

static const ir_func *find_func(const ir_unit *u, const char *name) {
  for (uint32_t i = 0; i < u->nfuncs; i++)
    if (strcmp(u->funcs[i]->name, name) == 0) return u->funcs[i];
  return NULL;
}

/* Direct checks of the structure, independent of the printer. */
static void test_structure(void) {
  ir_unit *u = lower("package p\n"
                     "\n"
                     "type S struct {\n"
                     "\tCardNumber string `json:\"card_number,omitempty\"`\n"
                     "}\n"
                     "\n"
                     "func (s *S) Save(u User, n int) (int, error) {\n"
                     "\ts.repo.Put(u.Email)\n"
                     "\tif n > 0 {\n"
                     "\t\treturn n, nil\n"
                     "\t}\n"
                     "\treturn 0, nil\n"
                     "}\n");
  CHECK_INT(u->failed, 0);
  CHECK_STR(u->lang, "go");
  CHECK_STR(u->module, "pkg");
  CHECK_INT(u->nfuncs, 2);
  CHECK_STR(u->funcs[0]->name, "<module>");
  CHECK_INT(u->nrecords, 1);
  if (u->nrecords == 1 && u->records[0]->nfields == 1) {
    const ir_field *f = &u->records[0]->fields[0];
    CHECK_STR(f->name, "CardNumber");
    CHECK_STR(f->type, "string");
    CHECK_STR(f->tag, "card_number");
    CHECK_INT(f->loc.line, 4);
    CHECK_INT(f->loc.col, 2);
  } else {
    CHECK(0);
  }
  const ir_func *f = find_func(u, "S.Save");
  CHECK(f != NULL);
  if (f) {
    CHECK_INT(f->nparams, 3);
    CHECK_STR(f->params[0], "s");
    CHECK_STR(f->params[1], "u");
    CHECK_STR(f->params[2], "n");
    CHECK_INT(f->loc.line, 7);
    CHECK_INT(f->loc.col, 1);
    /* LOAD s.repo; LOAD u.Email; CALL; CONST 0; CONST <bool>; (d1) CONST <tuple>;
     * STORE "0" = n; CONST nil; STORE "1"; RETURN; (d0) CONST <tuple>; CONST 0;
     * STORE; CONST nil; STORE; RETURN */
    CHECK_INT(f->ninsts, 16);
    if (f->ninsts == 16) {
      const ir_inst *in = &f->insts[2];
      CHECK_INT(in->op, IR_CALL);
      CHECK_STR(in->callee, "s.repo.Put");
      CHECK(in->obj == f->insts[0].dst);
      CHECK_STR(f->insts[0].obj, "s");
      CHECK_STR(f->insts[0].field, "repo");
      CHECK_INT(in->nargs, 1);
      CHECK(in->args[0] == f->insts[1].dst);
      CHECK_INT(in->loc.line, 8);
      CHECK_INT(in->loc.col, 2);
      CHECK_INT(f->insts[4].op, IR_CONST);
      CHECK_STR(f->insts[4].text, "<bool>");
      CHECK_INT(f->insts[4].depth, 0);
      in = &f->insts[5];
      CHECK_INT(in->op, IR_CONST);
      CHECK_STR(in->text, "<tuple>");
      CHECK_INT(in->depth, 1);
      CHECK_INT(f->insts[6].op, IR_STORE);
      CHECK_STR(f->insts[6].field, "0");
      CHECK_STR(f->insts[6].args[0], "n");
      CHECK(f->insts[6].obj == in->dst);
      CHECK_STR(f->insts[8].field, "1");
      CHECK_INT(f->insts[9].op, IR_RETURN);
      CHECK_INT(f->insts[9].nargs, 1);
      if (f->insts[9].nargs == 1) CHECK(f->insts[9].args[0] == in->dst);
      CHECK_INT(f->insts[15].op, IR_RETURN);
      CHECK_INT(f->insts[15].depth, 0);
    }
  }
  CHECK(u->funcs[1]->name == as_intern_str(strings, "S.Save"));
  CHECK_INT(verify(u), 0);
  ir_unit_delete(u);
}

/* Imports: the default alias is the package name the path implies. */
static void test_imports(void) {
  ir_unit *u = lower("package p\n"
                     "import (\n"
                     "\t\"fmt\"\n"
                     "\t\"github.com/gin-gonic/gin\"\n"
                     "\t\"github.com/go-chi/chi/v5\"\n"
                     "\tu \"example.com/shop/internal/users\"\n"
                     "\t_ \"github.com/lib/pq\"\n"
                     "\t. \"strings\"\n"
                     ")\n");
  CHECK_INT(u->nimports, 4);
  if (u->nimports == 4) {
    CHECK_STR(u->imports[0].alias, "fmt");
    CHECK_STR(u->imports[0].target, "fmt");
    CHECK_STR(u->imports[1].alias, "gin");
    CHECK_STR(u->imports[1].target, "github.com/gin-gonic/gin");
    CHECK_STR(u->imports[2].alias, "chi");
    CHECK_STR(u->imports[2].target, "github.com/go-chi/chi/v5");
    CHECK_STR(u->imports[3].alias, "u");
    CHECK_STR(u->imports[3].target, "example.com/shop/internal/users");
  }
  ir_unit_delete(u);
}

/* A syntax error is a diagnostic at its place; the unit is not failed: the
 * rest of the file is lowered (tests/unit/test_recover.c checks what). */
static void expect_parse_error(const char *src, uint32_t line, uint32_t col, const char *msg) {
  ir_unit *u = lower(src);
  CHECK_INT(u->failed, 0);
  CHECK(u->nfuncs >= 1); /* <module> */
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
  expect_parse_error("package p\nimport \"fmt\"\nfunc f() {\n\tfmt.Println(1\n}\n", 4, 15,
                     "missing ')'");
  expect_parse_error("package p\nfunc f() {\n\tx := = 2\n}\n", 3, 7, "syntax error near '='");
  /* long offending text is cut to 30 bytes */
  expect_parse_error("package p\nvar x = [alpha beta gamma delta epsilon zeta\neta]\n", 2, 1,
                     "syntax error near 'var x = [alpha beta gamma delt'");
  /* newlines are shown as spaces */
  expect_parse_error("package p\nvar x = [a\nb c]\n", 2, 1, "syntax error near 'var x = [a b c]'");
}

static void test_binary(void) {
  static const char nul[] = "package p\nvar x = \0\x01";
  ir_unit *u = fe_go_lower(strings, "pkg/bin.go", "pkg", nul, sizeof nul - 1);
  CHECK_INT(u->failed, 1);
  CHECK_INT(u->nfuncs, 0);
  CHECK_INT(u->ndiags, 1);
  if (u->ndiags == 1) {
    CHECK_STR(u->diags[0].code, "parse-error");
    CHECK_STR(u->diags[0].message, "file contains NUL bytes");
    CHECK_INT(u->diags[0].line, 2);
    CHECK_INT(u->diags[0].col, 9);
  }
  ir_unit_delete(u);

  static const char latin1[] = "package p // caf\xe9\n";
  u = fe_go_lower(strings, "pkg/l1.go", "pkg", latin1, sizeof latin1 - 1);
  CHECK_INT(u->failed, 1);
  CHECK_INT(u->ndiags, 1);
  if (u->ndiags == 1) {
    CHECK_STR(u->diags[0].message, "file is not valid UTF-8");
    CHECK_INT(u->diags[0].line, 1);
    CHECK_INT(u->diags[0].col, 17);
  }
  ir_unit_delete(u);

  /* valid multi-byte UTF-8 is fine, and columns count bytes */
  u = lower("package p\nvar s, t = \"caf\xc3\xa9\", a.b\n");
  CHECK_INT(u->failed, 0);
  CHECK_INT(u->ndiags, 0);
  const ir_func *m = u->nfuncs ? u->funcs[0] : NULL;
  if (m && m->ninsts == 4) {
    CHECK_STR(m->insts[0].text, "caf\xc3\xa9");
    CHECK_INT(m->insts[1].op, IR_LOAD);
    CHECK_INT(m->insts[1].loc.col, 21);
  } else {
    CHECK(0);
  }
  ir_unit_delete(u);
}

static void test_parse_only(void) {
  /* source_file, package_clause, "package", package_identifier */
  CHECK_INT(fe_go_parse_only("package p\n", 10), 4);
  CHECK_INT(fe_go_parse_only("", 0), 1);
  /* + var_declaration, "var", var_spec, identifier, "=", expression_list, int_literal */
  const char *two = "package p\nvar x = 1\n";
  CHECK_INT(fe_go_parse_only(two, strlen(two)), 11);
}

static void test_long_string(void) {
  as_buf b = {0};
  as_buf_puts(&b, "package p\nvar x = \"");
  for (int i = 0; i < 1000; i++)
    as_buf_puts(&b, "abcd\xc3\xa9"); /* 6 bytes each */
  as_buf_puts(&b, "\"\n");
  ir_unit *u = lower(b.data);
  CHECK_INT(u->failed, 0);
  if (u->nfuncs == 1 && u->funcs[0]->ninsts >= 1) {
    const char *t = u->funcs[0]->insts[0].text;
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
  as_buf_puts(&b, "package stress\n\nimport \"fmt\"\n\n");
  int lines = 4;
  for (int i = 0; lines < 50000; i++) {
    as_buf_printf(&b,
                  "type T%d struct {\n"
                  "\tEmail string `json:\"email\"`\n"
                  "}\n"
                  "func (t *T%d) M(w W, r *R, xs []string) (string, error) {\n"
                  "\tv, err := t.load(r.URL.Query().Get(\"id\"))\n"
                  "\tif err != nil {\n"
                  "\t\treturn \"\", fmt.Errorf(\"bad %%s: %%w\", t.Email, err)\n"
                  "\t}\n"
                  "\tfor i, x := range xs {\n"
                  "\t\tswitch {\n"
                  "\t\tcase i > 2 && x != \"\":\n"
                  "\t\t\tgo func(s string) { w.Write([]byte(s + v)) }(x)\n"
                  "\t\t}\n"
                  "\t}\n"
                  "\tm := map[string]any{\"email\": t.Email, \"n\": &T%d{Email: v}}\n"
                  "\treturn m[\"email\"].(string), nil\n"
                  "}\n",
                  i, i, i);
    lines += 17;
  }
  /* deep nesting must not crash */
  as_buf_puts(&b, "var deep = ");
  for (int i = 0; i < 3000; i++)
    as_buf_puts(&b, i ? " + a" : "a");
  as_buf_puts(&b, "\n");
  ir_unit *u = fe_go_lower(strings, "stress/s.go", "stress", b.data, b.len);
  CHECK_INT(u->failed, 0);
  CHECK(u->nfuncs > 5000);
  CHECK(u->nrecords > 2900);
  CHECK_INT(verify(u), 0);
  CHECK(fe_go_parse_only(b.data, b.len) > 100000);
  ir_unit_delete(u);
  as_buf_free(&b);
}

int main(void) {
  strings = as_intern_new();
  test_goldens();
  test_structure();
  test_imports();
  test_parse_error();
  test_binary();
  test_parse_only();
  test_long_string();
  test_stress();
  static const char *const corpus_exts[] = {".go", NULL};
  int corpus_files = golden_lower_tree("corpus", corpus_exts, golden_lower, strings);
  fprintf(stderr, "corpus: %d go files\n", corpus_files);
  CHECK(corpus_files >= 8);
  as_intern_delete(strings);
  return CHECK_DONE();
}
