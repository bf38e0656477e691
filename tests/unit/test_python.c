/* test_python.c — the Python frontend: golden IR dumps of small snippets
 * (tests/golden/python/NAME.py beside NAME.ir; ASSAY_UPDATE_GOLDEN=1 rewrites
 * the .ir files, which must then be reviewed), parse failures, binary input,
 * a generated stress input and every Python file of the shipped corpus. */
#include "frontend/frontend.h"
#include "ir/ir.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "golden.h"

#define GOLDEN_DIR "tests/golden/python"

static as_intern *strings;

static int verify(const ir_unit *u) {
  char err[512] = "";
  int rc = ir_unit_verify(u, err, sizeof err);
  if (rc != 0) fprintf(stderr, "verify: %s\n", err);
  return rc;
}

static ir_unit *lower(const char *src, const char *module) {
  return fe_python_lower(strings, "app/x.py", module, src, strlen(src));
}

/* Find the instruction printed as `text` (after its location and depth)
 * in the dump; helper for targeted checks. */

static ir_unit *golden_lower(as_intern *st, const char *file, const char *stem, const char *src,
                             size_t len) {
  (void)file;
  char *rel = as_sprintf("app/%s.py", stem);
  char *mod = as_sprintf("app.%s", stem);
  ir_unit *u = fe_python_lower(st, rel, mod, src, len);
  free(rel);
  free(mod);
  return u;
}

static void test_goldens(void) {
  static const char *const exts[] = {".py", NULL};
  CHECK(golden_run(GOLDEN_DIR, exts, golden_lower, strings) >= 10);
}

static const ir_func *find_func(const ir_unit *u, const char *name) {
  for (uint32_t i = 0; i < u->nfuncs; i++)
    if (strcmp(u->funcs[i]->name, name) == 0) return u->funcs[i];
  return NULL;
}

/* Direct checks of the structure, independent of the printer. */
static void test_structure(void) {
  ir_unit *u = lower("def f(u, *a, **k):\n"
                     "    self.repo.save(u.email)\n"
                     "    if u:\n"
                     "        return body[\"email\"]\n",
                     "app.handlers");
  CHECK_INT(u->failed, 0);
  CHECK_INT(u->nfuncs, 2);
  const ir_func *f = find_func(u, "f");
  CHECK(f != NULL);
  if (f) {
    CHECK_INT(f->nparams, 3);
    CHECK_STR(f->params[0], "u");
    CHECK_STR(f->params[1], "a");
    CHECK_STR(f->params[2], "k");
    CHECK_INT(f->loc.line, 1);
    CHECK_INT(f->loc.col, 1);
    /* LOAD t1 = self.repo; LOAD t2 = u.email; CALL; LOAD; RETURN */
    CHECK_INT(f->ninsts, 5);
    if (f->ninsts == 5) {
      const ir_inst *in = &f->insts[0];
      CHECK_INT(in->op, IR_LOAD);
      CHECK_STR(in->obj, "self");
      CHECK_STR(in->field, "repo");
      in = &f->insts[2];
      CHECK_INT(in->op, IR_CALL);
      CHECK_STR(in->callee, "self.repo.save");
      CHECK(in->obj == f->insts[0].dst);
      CHECK_INT(in->nargs, 1);
      CHECK(in->dst != NULL);
      CHECK(in->args[0] == f->insts[1].dst);
      CHECK_INT(in->loc.line, 2);
      CHECK_INT(in->loc.col, 5);
      CHECK_INT(in->depth, 0);
      in = &f->insts[3];
      CHECK_INT(in->op, IR_LOAD);
      CHECK_STR(in->field, "email");
      CHECK_INT(in->depth, 1);
      CHECK_INT(f->insts[4].op, IR_RETURN);
      CHECK_INT(f->insts[4].depth, 1);
      CHECK_INT(f->insts[4].nargs, 1);
    }
  }
  /* interned: equal names are the same pointer */
  CHECK(u->funcs[0]->name == as_intern_str(strings, "<module>"));
  CHECK_INT(verify(u), 0);
  ir_unit_delete(u);
}

/* A syntax error is a diagnostic at its place; the unit is not failed: the
 * rest of the file is lowered (tests/unit/test_recover.c checks what). */
static void expect_parse_error(const char *src, uint32_t line, uint32_t col, const char *msg) {
  ir_unit *u = lower(src, "app.bad");
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

static void test_relative_imports(void) {
  ir_unit *u = lower("from .util import f\n"
                     "from . import util as ut\n"
                     "from ..models import User\n"
                     "from ...top import t\n"
                     "from .....beyond import z\n",
                     "app.api.handlers");
  CHECK_INT(u->nimports, 5);
  if (u->nimports == 5) {
    CHECK_STR(u->imports[0].alias, "f");
    CHECK_STR(u->imports[0].target, "app.api.util.f");
    CHECK_STR(u->imports[1].alias, "ut");
    CHECK_STR(u->imports[1].target, "app.api.util");
    CHECK_STR(u->imports[2].target, "app.models.User");
    CHECK_STR(u->imports[3].target, "top.t");
    CHECK_STR(u->imports[4].alias, "z");
    CHECK_STR(u->imports[4].target, "beyond.z");
  }
  ir_unit_delete(u);
}

static void test_parse_error(void) {
  /* tree-sitter recovers by inserting the closing parenthesis */
  expect_parse_error("import os\nx = 1\ndef foo(:\n    pass\n", 3, 9, "missing ')'");
  expect_parse_error("print((1)\n", 1, 1, "syntax error near 'print((1)'");
  expect_parse_error("x = (1 +\ny = 2\n", 1, 3, "syntax error near '= (1 + y'");
  /* long offending text is cut to 30 bytes */
  expect_parse_error("x = 1\nfoo(alpha beta gamma delta epsilon zeta\n    eta)\n", 2, 5,
                     "syntax error near 'alpha beta gamma delta epsilon'");
  /* newlines are shown as spaces */
  expect_parse_error("def f():\n  x = [1, 2\n  return x\n", 2, 3,
                     "syntax error near 'x = [1, 2   return x'");
}

static void test_binary(void) {
  static const char nul[] = "x = 1\ny = \0\x01\x02";
  ir_unit *u = fe_python_lower(strings, "app/bin.py", "app.bin", nul, sizeof nul - 1);
  CHECK_INT(u->failed, 1);
  CHECK_INT(u->nfuncs, 0);
  CHECK_INT(u->ndiags, 1);
  if (u->ndiags == 1) {
    CHECK_STR(u->diags[0].code, "parse-error");
    CHECK_STR(u->diags[0].message, "file contains NUL bytes");
    CHECK_INT(u->diags[0].line, 2);
    CHECK_INT(u->diags[0].col, 5);
  }
  ir_unit_delete(u);

  static const char latin1[] = "# caf\xe9\nx = 1\n";
  u = fe_python_lower(strings, "app/l1.py", "app.l1", latin1, sizeof latin1 - 1);
  CHECK_INT(u->failed, 1);
  CHECK_INT(u->ndiags, 1);
  if (u->ndiags == 1) {
    CHECK_STR(u->diags[0].message, "file is not valid UTF-8");
    CHECK_INT(u->diags[0].line, 1);
    CHECK_INT(u->diags[0].col, 6);
  }
  ir_unit_delete(u);

  /* valid multi-byte UTF-8 is fine, and columns count bytes */
  u = lower("s = \"caf\xc3\xa9\"; t = a.b\n", "app.u8");
  CHECK_INT(u->failed, 0);
  CHECK_INT(u->ndiags, 0);
  if (u->nfuncs == 1 && u->funcs[0]->ninsts == 3) {
    CHECK_STR(u->funcs[0]->insts[0].text, "caf\xc3\xa9");
    CHECK_INT(u->funcs[0]->insts[2].op, IR_LOAD);
    CHECK_INT(u->funcs[0]->insts[2].loc.col, 18);
  } else {
    CHECK(0);
  }
  ir_unit_delete(u);
}

static void test_parse_only(void) {
  /* module, expression_statement, assignment, identifier, "=", integer */
  CHECK_INT(fe_python_parse_only("x = 1\n", 6), 6);
  CHECK_INT(fe_python_parse_only("", 0), 1);
  const char *two = "x = 1\ny = 2\n";
  CHECK_INT(fe_python_parse_only(two, strlen(two)), 11);
}

static void test_long_string(void) {
  as_buf b = {0};
  as_buf_puts(&b, "x = \"");
  for (int i = 0; i < 1000; i++)
    as_buf_puts(&b, "abcd\xc3\xa9"); /* 6 bytes each */
  as_buf_puts(&b, "\"\n");
  ir_unit *u = lower(b.data, "app.long");
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

/* A generated input of ~50k lines using every construct above. */
static void test_stress(void) {
  as_buf b = {0};
  int lines = 0;
  for (int i = 0; lines < 50000; i++) {
    as_buf_printf(&b,
                  "import app.m%d as m%d\n"
                  "from .util import helper%d\n"
                  "class C%d(Base):\n"
                  "    email: str\n"
                  "    name = Column(String)\n"
                  "    def m(self, user, *a, **kw):\n"
                  "        self.x%d = user.email\n"
                  "        for k, v in user.items():\n"
                  "            if v and k != 'id':\n"
                  "                log.info(f\"{k}={v!r:>10} %%s\" %% v, extra={'u': user})\n"
                  "        try:\n"
                  "            with open(p) as f:\n"
                  "                data = [x.strip() for x in f if x]\n"
                  "        except Exception as e:\n"
                  "            raise ValueError(\"bad\") from e\n"
                  "        return {k: v for k, v in kw.items()}, lambda q: q + 1\n"
                  "x%d = -a[1:2] + b[\"k\"] * (yield) if c else not d\n",
                  i, i, i, i, i, i);
    lines += 17;
  }
  /* deep nesting must not crash */
  for (int i = 0; i < 3000; i++)
    as_buf_puts(&b, i ? " + a" : "y = a");
  as_buf_puts(&b, "\n");
  ir_unit *u = fe_python_lower(strings, "app/stress.py", "app.stress", b.data, b.len);
  CHECK_INT(u->failed, 0);
  CHECK(u->nfuncs > 5000);
  CHECK_INT(verify(u), 0);
  CHECK(fe_python_parse_only(b.data, b.len) > 100000);
  ir_unit_delete(u);
  as_buf_free(&b);
}

int main(void) {
  strings = as_intern_new();
  test_goldens();
  test_structure();
  test_relative_imports();
  test_parse_error();
  test_binary();
  test_parse_only();
  test_long_string();
  test_stress();
  static const char *const corpus_exts[] = {".py", NULL};
  int corpus_files = golden_lower_tree("corpus", corpus_exts, golden_lower, strings);
  fprintf(stderr, "corpus: %d python files\n", corpus_files);
  CHECK(corpus_files >= 12);
  as_intern_delete(strings);
  return CHECK_DONE();
}
