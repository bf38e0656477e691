/* test_recover.c — lowering around syntax errors, what the goldens
 * (tests/golden/LANG/syntax_error*) do not show on their own: how many errors
 * are listed, where the file is split at top-level definitions to
 * resynchronise (decorators stay with their definition; a definition that
 * only looks split is put back together), that the functions come in file
 * order, and that a leak written inside an error's recovery is not lowered. */
#include "frontend/frontend.h"
#include "ir/ir.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"

static as_intern *strings;

static int verify(const ir_unit *u) {
  char err[512] = "";
  int rc = ir_unit_verify(u, err, sizeof err);
  if (rc != 0) fprintf(stderr, "verify: %s\n", err);
  return rc;
}

/* The functions of u, "name name ...", and whether any CALL has callee. */
static void names_of(const ir_unit *u, as_buf *out) {
  out->len = 0;
  for (uint32_t f = 0; f < u->nfuncs; f++)
    as_buf_printf(out, "%s%s", f ? " " : "", u->funcs[f]->name);
  if (!out->data) as_buf_puts(out, "");
}

static bool calls(const ir_unit *u, const char *fn, const char *callee, uint32_t line) {
  for (uint32_t f = 0; f < u->nfuncs; f++) {
    if (strcmp(u->funcs[f]->name, fn) != 0) continue;
    for (uint32_t i = 0; i < u->funcs[f]->ninsts; i++) {
      const ir_inst *in = &u->funcs[f]->insts[i];
      if (in->op == IR_CALL && strcmp(in->callee, callee) == 0 && in->loc.line == line) return true;
    }
  }
  return false;
}

static void print_on_mismatch(const ir_unit *u, bool ok) {
  if (ok) return;
  as_buf b = {0};
  ir_unit_print(u, &b);
  fprintf(stderr, "unit:\n%s", b.data ? b.data : "");
  as_buf_free(&b);
}

/* Seven errors: five listed, the last one saying two more. */
static void test_many_errors(void) {
  as_buf src = {0};
  for (int i = 0; i < 7; i++)
    as_buf_printf(&src, "def f%d(user):\n    x = = %d\n    print(user.email)\n\n", i, i);
  ir_unit *u = fe_python_lower(strings, "app/many.py", "app.many", src.data, src.len);
  CHECK_INT(u->failed, 0);
  CHECK_INT(u->nfuncs, 8);
  CHECK_INT(u->ndiags, 5);
  for (uint32_t d = 0; d < u->ndiags; d++) {
    CHECK_INT(u->diags[d].line, 2 + 4 * d);
    CHECK_INT(u->diags[d].col, 9);
  }
  if (u->ndiags == 5) {
    CHECK_STR(u->diags[0].message, "syntax error near '='; the rest of the file is analysed");
    CHECK_STR(u->diags[4].message,
              "syntax error near '='; the rest of the file is analysed (2 more syntax errors)");
  }
  /* each function keeps its good statement */
  for (int i = 0; i < 7; i++) {
    char fn[8];
    snprintf(fn, sizeof fn, "f%d", i);
    CHECK(calls(u, fn, "print", (uint32_t)(3 + 4 * i)));
  }
  CHECK_INT(verify(u), 0);
  ir_unit_delete(u);

  /* libclang: the same count */
  as_buf c = {0};
  for (int i = 0; i < 7; i++)
    as_buf_printf(&c, "int f%d(int x) {\n  int y = x + ;\n  return x;\n}\n", i);
  u = fe_c_lower(strings, "many.c", "/tmp/assay-many.c", c.data, c.len, NULL, 0);
  CHECK_INT(u->failed, 0);
  CHECK_INT(u->nfuncs, 7);
  CHECK_INT(u->ndiags, 5);
  if (u->ndiags == 5) {
    CHECK_INT(u->diags[4].line, 18);
    CHECK_STR(u->diags[4].message,
              "expected expression; the rest of the file is analysed (2 more syntax errors)");
  }
  for (uint32_t f = 0; f < u->nfuncs; f++)
    CHECK_INT(u->funcs[f]->ninsts, 1); /* return x; the declaration in error is skipped */
  ir_unit_delete(u);
  as_buf_free(&src);
  as_buf_free(&c);
}

/* An unclosed bracket would take the rest of the file: the file is split at
 * its top-level definitions; a decorator (on several lines) stays with its
 * function, a triple-quoted string holding a "def " line at column 0 is not
 * cut in two, and the functions keep the file's order. */
static void test_resync_python(void) {
  static const char src[] = "import logging\n"                    /* 1 */
                            "log = logging.getLogger(__name__)\n" /* 2 */
                            "QUERY = \"\"\"\n"                    /* 3 */
                            "def not_a_function():\n"             /* 4 */
                            "\"\"\"\n"                            /* 5 */
                            "\n"                                  /* 6 */
                            "def first(user):\n"                  /* 7 */
                            "    log.info(\"%s\", user.name)\n"   /* 8 */
                            "\n"                                  /* 9 */
                            "def broken(user):\n"                 /* 10 */
                            "    total = [1, 2\n"                 /* 11 */
                            "    log.info(\"%s\", user.email)\n"  /* 12: swallowed */
                            "\n"                                  /* 13 */
                            "@app.route(\n"                       /* 14 */
                            "    \"/users\",\n"                   /* 15 */
                            ")\n"                                 /* 16 */
                            "# a comment\n"                       /* 17 */
                            "@login_required\n"                   /* 18 */
                            "def register(user):\n"               /* 19 */
                            "    log.info(\"%s\", user.email)\n"  /* 20 */
                            "\n"                                  /* 21 */
                            "class After:\n"                      /* 22 */
                            "    def m(self, user):\n"            /* 23 */
                            "        print(user.phone)\n";        /* 24 */
  ir_unit *u = fe_python_lower(strings, "app/r.py", "app.r", src, sizeof src - 1);
  as_buf names = {0};
  names_of(u, &names);
  CHECK_STR(names.data, "<module> first broken register After.m");
  bool ok = u->ndiags == 1 && u->diags[0].line == 11 && u->diags[0].col == 5;
  CHECK(ok);
  print_on_mismatch(u, ok);
  CHECK(calls(u, "first", "log.info", 8));
  CHECK(!calls(u, "broken", "log.info", 12));
  CHECK(calls(u, "register", "log.info", 20));
  CHECK(calls(u, "After.m", "print", 24));
  for (uint32_t f = 0; f < u->nfuncs; f++)
    if (strcmp(u->funcs[f]->name, "register") == 0) {
      CHECK_INT(u->funcs[f]->ndecorators, 2);
      if (u->funcs[f]->ndecorators == 2) {
        CHECK_STR(u->funcs[f]->decorators[0], "app.route");
        CHECK_STR(u->funcs[f]->decorators[1], "login_required");
      }
    }
  /* the string is one constant of <module> */
  bool query = false;
  for (uint32_t i = 0; i < u->funcs[0]->ninsts; i++)
    query |= u->funcs[0]->insts[i].op == IR_CONST &&
             strstr(u->funcs[0]->insts[i].text, "def not_a_function") != NULL;
  CHECK(query);
  CHECK_INT(verify(u), 0);
  ir_unit_delete(u);
  as_buf_free(&names);
}

/* The same in Go and JavaScript: an unclosed brace no longer makes the
 * functions after it part of the broken one. */
static void test_resync_braces(void) {
  static const char go[] = "package p\n"
                           "\n"
                           "import \"log\"\n"
                           "\n"
                           "func broken(u User) {\n"
                           "\tfor _, x := range u.Items {\n"
                           "\t\tlog.Printf(\"%s\", x)\n"
                           "}\n"
                           "\n"
                           "func Register(u User) {\n"
                           "\tlog.Printf(\"%s\", u.Email)\n"
                           "}\n";
  ir_unit *u = fe_go_lower(strings, "p/x.go", "p", go, sizeof go - 1);
  as_buf names = {0};
  names_of(u, &names);
  CHECK_STR(names.data, "<module> broken Register");
  CHECK(calls(u, "broken", "log.Printf", 7));
  CHECK(calls(u, "Register", "log.Printf", 11));
  CHECK(!calls(u, "broken", "log.Printf", 11));
  CHECK_INT(u->ndiags, 1);
  CHECK_INT(verify(u), 0);
  ir_unit_delete(u);

  static const char js[] = "const router = require('express').Router();\n"
                           "function broken(user) {\n"
                           "  if (user.ok) {\n"
                           "    console.log(user.name);\n"
                           "}\n"
                           "router.get('/me', (req, res) => {\n"
                           "  res.json({ email: req.user.email });\n"
                           "});\n"
                           "export class Later {\n"
                           "  m(u) { console.log(u.phone); }\n"
                           "}\n";
  u = fe_javascript_lower(strings, "src/x.js", "src/x", js, sizeof js - 1);
  names_of(u, &names);
  CHECK_STR(names.data, "<module> broken <router.get(/me)> Later.m");
  CHECK(calls(u, "broken", "console.log", 4));
  CHECK(calls(u, "<router.get(/me)>", "res.json", 7));
  CHECK(calls(u, "Later.m", "console.log", 10));
  CHECK_INT(verify(u), 0);
  ir_unit_delete(u);
  as_buf_free(&names);
}

/* Java: an unclosed brace in a method would make the methods after it
 * blocks of that one; split at the members' column (from the class's
 * first member), each member is its class's again. An error that stays in
 * its member changes nothing (the file's order is kept). */
static void test_resync_java(void) {
  static const char src[] = "package app;\n"                                  /* 1 */
                            "public class M {\n"                              /* 2 */
                            "    private final Logger log = null;\n"          /* 3 */
                            "    void broken(User u) {\n"                     /* 4 */
                            "        if (u.ok()) {\n"                         /* 5 */
                            "            log.info(\"a {}\", u.getName());\n"  /* 6 */
                            "    }\n"                                         /* 7 */
                            "\n"                                              /* 8 */
                            "    @Override\n"                                 /* 9 */
                            "    public void register(User u) {\n"            /* 10 */
                            "        log.info(\"new {}\", u.getEmail());\n"   /* 11 */
                            "    }\n"                                         /* 12 */
                            "\n"                                              /* 13 */
                            "    static class Inner {\n"                      /* 14 */
                            "        void other(User u) {\n"                  /* 15 */
                            "            log.info(\"o {}\", u.getPhone());\n" /* 16 */
                            "        }\n"                                     /* 17 */
                            "    }\n"                                         /* 18 */
                            "}\n";                                            /* 19 */
  ir_unit *u = fe_java_lower(strings, "src/M.java", "src", src, sizeof src - 1);
  as_buf names = {0};
  names_of(u, &names);
  CHECK_STR(names.data, "M.<init> M.register M.Inner.other M.broken");
  CHECK(calls(u, "M.broken", "log.info", 6));
  CHECK(!calls(u, "M.broken", "log.info", 11));
  CHECK(calls(u, "M.register", "log.info", 11));
  CHECK(calls(u, "M.Inner.other", "log.info", 16));
  for (uint32_t f = 0; f < u->nfuncs; f++)
    if (strcmp(u->funcs[f]->name, "M.register") == 0) CHECK_INT(u->funcs[f]->ndecorators, 1);
  CHECK_INT(u->nrecords, 2);
  CHECK_INT(u->ndiags, 1);
  print_on_mismatch(u, u->ndiags == 1);
  CHECK_INT(verify(u), 0);
  ir_unit_delete(u);

  static const char local[] = "class A {\n"
                              "    void f() { int x = = 1; g(); }\n"
                              "    void h() { g(); }\n"
                              "}\n";
  u = fe_java_lower(strings, "src/A.java", "src", local, sizeof local - 1);
  names_of(u, &names);
  CHECK_STR(names.data, "A.f A.h");
  CHECK(calls(u, "A.f", "g", 2));
  ir_unit_delete(u);
  as_buf_free(&names);
}

/* A statement with an error in it is not lowered, but a function literal
 * in it is a function of its own: an error inside its body is that body's. */
static void test_nested_bodies(void) {
  static const char js[] = "app.post('/a', (req, res) => {\n"
                           "  const x = = 1;\n"
                           "  res.send(req.body.email);\n"
                           "});\n";
  ir_unit *u = fe_javascript_lower(strings, "src/a.js", "src/a", js, sizeof js - 1);
  CHECK(calls(u, "<module>", "app.post", 1));
  CHECK(calls(u, "<app.post(/a)>", "res.send", 3));
  CHECK_INT(verify(u), 0);
  ir_unit_delete(u);
  /* "const x = ;" — tree-sitter skips the ';' and takes the next line as
   * the value: that line is part of the broken statement, not lowered. */
  static const char swallow[] = "app.post('/a', (req, res) => {\n"
                                "  const x = ;\n"
                                "  res.send(req.body.email);\n"
                                "});\n";
  u = fe_javascript_lower(strings, "src/a.js", "src/a", swallow, sizeof swallow - 1);
  CHECK(calls(u, "<module>", "app.post", 1));
  CHECK(!calls(u, "<app.post(/a)>", "res.send", 3));
  CHECK_INT(u->ndiags, 1);
  ir_unit_delete(u);

  static const char go[] =
      "package p\n"
      "func H() {\n"
      "\thttp.HandleFunc(\"/a\", func(w http.ResponseWriter, r *http.Request) {\n"
      "\t\tx := := 1\n"
      "\t\tlog.Print(r.FormValue(\"email\"))\n"
      "\t})\n"
      "}\n";
  u = fe_go_lower(strings, "p/h.go", "p", go, sizeof go - 1);
  CHECK(calls(u, "H", "http.HandleFunc", 3));
  CHECK(calls(u, "H.<http.HandleFunc(/a)>", "log.Print", 5));
  print_on_mismatch(u, calls(u, "H.<http.HandleFunc(/a)>", "log.Print", 5));
  CHECK_INT(verify(u), 0);
  ir_unit_delete(u);

  static const char java[] = "class A {\n"
                             "  void f(Form form) {\n"
                             "    run(() -> {\n"
                             "      int x = = 1;\n"
                             "      log.info(form.getEmail());\n"
                             "    });\n"
                             "  }\n"
                             "}\n";
  u = fe_java_lower(strings, "src/A.java", "src", java, sizeof java - 1);
  CHECK(calls(u, "A.f", "run", 3));
  CHECK(calls(u, "A.f.<lambda#1>", "log.info", 5));
  print_on_mismatch(u, calls(u, "A.f.<lambda#1>", "log.info", 5));
  CHECK_INT(verify(u), 0);
  ir_unit_delete(u);
}

/* A file that cannot be parsed at all still fails. */
static void test_still_failed(void) {
  static const char bad[] = "def f():\n    return '\xff'\n";
  ir_unit *u = fe_python_lower(strings, "app/b.py", "app.b", bad, sizeof bad - 1);
  CHECK_INT(u->failed, 1);
  CHECK_INT(u->nfuncs, 0);
  CHECK_INT(u->ndiags, 1);
  ir_unit_delete(u);
}

int main(void) {
  strings = as_intern_new();
  test_many_errors();
  test_resync_python();
  test_resync_braces();
  test_resync_java();
  test_nested_bodies();
  test_still_failed();
  as_intern_delete(strings);
  return CHECK_DONE();
}
