/* test_c.c — the C frontend: golden IR dumps of tests/golden/c/NAME.c in
 * NAME.ir (ASSAY_UPDATE_GOLDEN=1 rewrites them), plus targeted checks of
 * diagnostics, purity and the compilation database. */
#define _XOPEN_SOURCE 700
#include "check.h"
#include "frontend/frontend.h"

#include <ftw.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static as_intern *strings;

static const char *const goldens[] = {
    "loads", "stores",  "calls",        "strings",         "control",
    "exprs", "records", "syntax_error", "missing_include",
};

static void check_verifies(const ir_unit *u) {
  char err[256] = "";
  int rc = ir_unit_verify(u, err, sizeof err);
  if (rc != 0) fprintf(stderr, "verify %s: %s\n", u->path, err);
  CHECK_INT(rc, 0);
}

/* Lower a file from disk with the default arguments. */
static ir_unit *lower_file(const char *path, const char *relpath) {
  char *src = NULL;
  size_t len = 0;
  if (as_read_file(path, &src, &len) != 0) {
    fprintf(stderr, "cannot read %s\n", path);
    CHECK(0);
    return NULL;
  }
  char *abs = realpath(path, NULL);
  ir_unit *u = fe_c_lower(strings, relpath, abs, src, len, NULL, 0);
  free(abs);
  free(src);
  return u;
}

static void golden(const char *name) {
  char c_path[256], ir_path[256], rel[64];
  snprintf(c_path, sizeof c_path, "tests/golden/c/%s.c", name);
  snprintf(ir_path, sizeof ir_path, "tests/golden/c/%s.ir", name);
  snprintf(rel, sizeof rel, "%s.c", name);
  ir_unit *u = lower_file(c_path, rel);
  if (!u) return;
  check_verifies(u);
  as_buf out = {0};
  ir_unit_print(u, &out);
  const char *update = getenv("ASSAY_UPDATE_GOLDEN");
  if (update && strcmp(update, "1") == 0) {
    FILE *f = fopen(ir_path, "w");
    CHECK(f != NULL);
    if (f) {
      fputs(out.data, f);
      fclose(f);
    }
  } else {
    char *want = NULL;
    size_t wlen = 0;
    if (as_read_file(ir_path, &want, &wlen) != 0) {
      fprintf(stderr, "missing golden %s\n", ir_path);
      CHECK(0);
    } else {
      if (strcmp(want, out.data) != 0)
        fprintf(stderr, "golden %s differs; got:\n%s", ir_path, out.data);
      CHECK_STR(out.data, want);
      free(want);
    }
  }
  as_buf_free(&out);
  ir_unit_delete(u);
}

static const ir_func *find_func(const ir_unit *u, const char *name) {
  for (uint32_t i = 0; i < u->nfuncs; i++)
    if (strcmp(u->funcs[i]->name, name) == 0) return u->funcs[i];
  return NULL;
}

/* A syntax error is one error with clang's text; libclang recovers and the
 * unit is lowered around it: fine() whole, broken() without the statement
 * holding the error. */
static void test_syntax_error(void) {
  ir_unit *u = lower_file("tests/golden/c/syntax_error.c", "syntax_error.c");
  CHECK(!u->failed);
  CHECK_INT(u->nfuncs, 2);
  const ir_func *fine = find_func(u, "fine"), *broken = find_func(u, "broken");
  CHECK(fine && fine->ninsts == 1);
  CHECK(broken && broken->ninsts == 0);
  CHECK_INT(u->ndiags, 1);
  if (u->ndiags == 1) {
    CHECK_INT(u->diags[0].level, AS_DIAG_ERROR);
    CHECK_STR(u->diags[0].code, "parse-error");
    CHECK_INT(u->diags[0].line, 6);
    CHECK_INT(u->diags[0].col, 13);
    CHECK_STR(u->diags[0].message, "expected expression; the rest of the file is analysed");
    CHECK_STR(u->diags[0].path, "syntax_error.c");
  }
  check_verifies(u);
  ir_unit_delete(u);
}

/* A missing include warns and lowering goes on. */
static void test_missing_include(void) {
  ir_unit *u = lower_file("tests/golden/c/missing_include.c", "missing_include.c");
  CHECK(!u->failed);
  CHECK(u->ndiags >= 1);
  if (u->ndiags >= 1) {
    CHECK_INT(u->diags[0].level, AS_DIAG_WARNING);
    CHECK_STR(u->diags[0].code, "include-not-found");
    CHECK_INT(u->diags[0].line, 1);
    CHECK_STR(u->diags[0].message, "'generated/not_there.h' file not found");
  }
  /* The unknown type that came from the missing header only warns. */
  CHECK_INT(u->ndiags, 2);
  if (u->ndiags == 2) {
    CHECK_INT(u->diags[1].level, AS_DIAG_WARNING);
    CHECK_STR(u->diags[1].code, "error-after-missing-include");
    CHECK_INT(u->diags[1].line, 10);
  }
  CHECK(find_func(u, "check") != NULL);
  const ir_func *f = find_func(u, "log_email");
  CHECK(f != NULL);
  if (f) {
    CHECK_INT(f->ninsts, 4);
    CHECK_INT(f->insts[1].op, IR_CALL);
    CHECK_STR(f->insts[1].callee, "printf");
  }
  ir_unit_delete(u);
}

/* The unit depends on the given bytes, not on what is on disk. */
static void test_uses_given_bytes(void) {
  char *abs = realpath("tests/golden/c/loads.c", NULL);
  static const char src[] = "int other(int q) { return q; }\n";
  ir_unit *u = fe_c_lower(strings, "loads.c", abs, src, sizeof src - 1, NULL, 0);
  CHECK(!u->failed);
  CHECK_INT(u->nfuncs, 1);
  CHECK_INT(u->nrecords, 0);
  if (u->nfuncs == 1) {
    CHECK_STR(u->funcs[0]->name, "other");
    CHECK_INT(u->funcs[0]->nparams, 1);
    CHECK_STR(u->funcs[0]->params[0], "q");
    CHECK_INT(u->funcs[0]->ninsts, 1);
  }
  /* A nonexistent path works as well: the bytes are all libclang sees. */
  ir_unit *v = fe_c_lower(strings, "x.c", "/nonexistent/dir/x.c", src, sizeof src - 1, NULL, 0);
  CHECK(!v->failed);
  CHECK_INT(v->nfuncs, 1);
  /* Explicit arguments replace the defaults: -D reaches the preprocessor. */
  static const char src2[] = "#ifdef WITH_F\nint f(void) { return 1; }\n#endif\n";
  const char *args[] = {"-x", "c", "-DWITH_F=1"};
  ir_unit *w = fe_c_lower(strings, "w.c", "/nonexistent/w.c", src2, sizeof src2 - 1, args, 3);
  ir_unit *w0 = fe_c_lower(strings, "w.c", "/nonexistent/w.c", src2, sizeof src2 - 1, NULL, 0);
  CHECK_INT(w->nfuncs, 1);
  CHECK_INT(w0->nfuncs, 0);
  ir_unit_delete(w0);
  ir_unit_delete(w);
  ir_unit_delete(v);
  ir_unit_delete(u);
  free(abs);
}

static const char *first_const(const ir_unit *u) {
  for (uint32_t f = 0; f < u->nfuncs; f++)
    for (uint32_t i = 0; i < u->funcs[f]->ninsts; i++)
      if (u->funcs[f]->insts[i].op == IR_CONST) return u->funcs[f]->insts[i].text;
  return NULL;
}

/* String constants: content as written, adjacent literals joined, macro bodies
 * resolved, at most 4096 bytes and never cut inside a UTF-8 sequence. */
static void test_literals(void) {
  static const struct {
    const char *src, *text;
  } cases[] = {
      {"const char *f(void) { return \"a\\tb\" \"c\"; }\n", "a\\tbc"},
      {"#define G \"hi %s\"\nconst char *f(void) { return G; }\n", "hi %s"},
      {"#define N 0x10\nint f(void) { return N; }\n", "16"},
      {"int f(void) { return 0x10; }\n", "0x10"},
      {"const char *f(void) { return u8\"\xc3\xa9\"; }\n", "\xc3\xa9"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    ir_unit *u = fe_c_lower(strings, "lit.c", "/nonexistent/lit.c", cases[i].src,
                            strlen(cases[i].src), NULL, 0);
    CHECK(!u->failed);
    CHECK_STR(first_const(u), cases[i].text);
    ir_unit_delete(u);
  }
  /* 4095 ASCII bytes then a 2-byte character: the cut falls before it. */
  as_buf src = {0};
  as_buf_puts(&src, "const char *f(void) { return \"");
  for (int i = 0; i < 4095; i++)
    as_buf_putc(&src, 'x');
  as_buf_puts(&src, "\xc3\xa9\"; }\n");
  ir_unit *u = fe_c_lower(strings, "lit.c", "/nonexistent/lit.c", src.data, src.len, NULL, 0);
  const char *t = first_const(u);
  CHECK_INT(t ? strlen(t) : 0, 4095);
  ir_unit_delete(u);
  as_buf_free(&src);
}

/* An error inside an included header warns once per header; lowering goes on. */
static void test_header_error(void) {
  char dir[] = "/tmp/assay-test-c-XXXXXX";
  CHECK(mkdtemp(dir) != NULL);
  char *h = as_sprintf("%s/bad.h", dir), *c = as_sprintf("%s/main.c", dir);
  FILE *f = fopen(h, "w");
  fputs("int broken(int x) { return x +; }\nint also_bad = ;\n", f);
  fclose(f);
  static const char src[] = "#include \"bad.h\"\nint ok(int y) { return y; }\n";
  ir_unit *u = fe_c_lower(strings, "main.c", c, src, sizeof src - 1, NULL, 0);
  CHECK(!u->failed);
  CHECK_INT(u->nfuncs, 1);
  CHECK_INT(u->ndiags, 1);
  if (u->ndiags == 1) {
    CHECK_INT(u->diags[0].level, AS_DIAG_WARNING);
    CHECK_STR(u->diags[0].code, "header-error");
    CHECK(strstr(u->diags[0].message, "bad.h:1:") != NULL);
  }
  ir_unit_delete(u);
  unlink(h);
  rmdir(dir);
  free(h);
  free(c);
}

static void test_compdb(void) {
  char dir[] = "/tmp/assay-test-compdb-XXXXXX";
  CHECK(mkdtemp(dir) != NULL);
  char *db = as_sprintf("%s/compile_commands.json", dir);
  char *src = as_sprintf("%s/src/main.c", dir);
  FILE *f = fopen(db, "w");
  CHECK(f != NULL);
  if (!f) return;
  fprintf(f,
          "[{\"directory\": \"%s\", \"file\": \"src/main.c\",\n"
          "  \"arguments\": [\"/usr/bin/cc\", \"-Iinclude\", \"-I\", \"/abs/inc\", \"-DMODE=2\","
          " \"-O2\", \"-c\", \"-o\", \"out/main.o\", \"src/main.c\"]},\n"
          " {\"directory\": \"%s\", \"file\": \"src/other.c\",\n"
          "  \"command\": \"gcc -Dother -c src/other.c\"}]\n",
          dir, dir);
  fclose(f);
  char **args = NULL;
  int nargs = -1;
  CHECK_INT(fe_c_compdb_args(dir, src, &args, &nargs), 0);
  CHECK_INT(nargs, 5);
  if (nargs == 5) {
    char *inc = as_sprintf("-I%s/include", dir);
    CHECK_STR(args[0], inc);
    CHECK_STR(args[1], "-I");
    CHECK_STR(args[2], "/abs/inc");
    CHECK_STR(args[3], "-DMODE=2");
    CHECK_STR(args[4], "-O2");
    free(inc);
  }
  fe_c_free_args(args, nargs);

  char *other = as_sprintf("%s/src/other.c", dir);
  CHECK_INT(fe_c_compdb_args(dir, other, &args, &nargs), 0);
  CHECK_INT(nargs, 1);
  if (nargs == 1) CHECK_STR(args[0], "-Dother");
  fe_c_free_args(args, nargs);

  /* A file without an entry gets the command libclang infers from the
   * nearest entry (as clangd does), without the "--" and the file name. */
  char *missing = as_sprintf("%s/src/missing.c", dir);
  CHECK_INT(fe_c_compdb_args(dir, missing, &args, &nargs), 0);
  CHECK_INT(nargs, 5);
  if (nargs == 5) {
    char *inc = as_sprintf("-I%s/include", dir);
    CHECK_STR(args[0], inc);
    CHECK_STR(args[3], "-DMODE=2");
    CHECK_STR(args[4], "-O2");
    free(inc);
  }
  fe_c_free_args(args, nargs);
  CHECK_INT(fe_c_compdb_args("/nonexistent-assay-dir", src, &args, &nargs), -1);
  unlink(db);
  rmdir(dir);
  free(missing);
  free(other);
  free(db);
  free(src);
  fe_c_free_args(NULL, 0);
}

/* Every C file of the shipped corpus lowers and verifies. */
static int corpus_count;
static int corpus_visit(const char *path, const struct stat *st, int type, struct FTW *ftw) {
  size_t n = strlen(path);
  if (type != FTW_F || n < 2 || (strcmp(path + n - 2, ".c") != 0 && strcmp(path + n - 2, ".h")))
    return 0;
  ir_unit *u = lower_file(path, path);
  if (u) {
    check_verifies(u);
    if (u->failed) fprintf(stderr, "corpus file failed to parse: %s\n", path);
    ir_unit_delete(u);
    corpus_count++;
  }
  return 0;
}

int main(void) {
  strings = as_intern_new();
  for (size_t i = 0; i < sizeof goldens / sizeof *goldens; i++)
    golden(goldens[i]);
  test_syntax_error();
  test_missing_include();
  test_uses_given_bytes();
  test_header_error();
  test_literals();
  test_compdb();
  struct stat st;
  if (stat("corpus", &st) == 0) {
    nftw("corpus", corpus_visit, 16, FTW_PHYS);
    fprintf(stderr, "corpus: %d C files lowered\n", corpus_count);
  }
  as_intern_delete(strings);
  return CHECK_DONE();
}
