/* test_javascript.c — the JavaScript/TypeScript frontend: golden IR dumps
 * (tests/golden/javascript/NAME.{js,jsx,mjs,cjs,ts,tsx} beside NAME.ir;
 * ASSAY_UPDATE_GOLDEN=1 rewrites the .ir files, which must then be reviewed),
 * grammar choice by extension, parse failures, binary input, the raw parse
 * baseline, the library models applied to lowered calls, a generated stress
 * input and every JS/TS file of the corpus. */
#include "analyses/models.h"
#include "frontend/frontend.h"
#include "ir/ir.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "golden.h"

#define GOLDEN_DIR "tests/golden/javascript"

static as_intern *strings;

static int verify(const ir_unit *u) {
  char err[512] = "";
  int rc = ir_unit_verify(u, err, sizeof err);
  if (rc != 0) fprintf(stderr, "verify: %s\n", err);
  return rc;
}

static ir_unit *lower_as(const char *path, const char *module, const char *src) {
  return fe_javascript_lower(strings, path, module, src, strlen(src));
}

static ir_unit *golden_lower(as_intern *st, const char *file, const char *stem, const char *src,
                             size_t len) {
  char *rel = as_sprintf("src/%s", file);
  char *mod = as_sprintf("src/%s", stem);
  ir_unit *u = fe_javascript_lower(st, rel, mod, src, len);
  free(rel);
  free(mod);
  return u;
}

static void test_goldens(void) {
  static const char *const exts[] = {".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", NULL};
  CHECK(golden_run(GOLDEN_DIR, exts, golden_lower, strings) >= 12);
}

static const ir_func *find_func(const ir_unit *u, const char *name) {
  for (uint32_t i = 0; i < u->nfuncs; i++)
    if (strcmp(u->funcs[i]->name, name) == 0) return u->funcs[i];
  return NULL;
}

/* The grammar follows the extension: TypeScript syntax fails as JavaScript,
 * JSX fails as .ts but parses as .tsx. */
static void test_languages(void) {
  static const struct {
    const char *path, *lang;
  } cases[] = {{"a.js", "javascript"},  {"a.jsx", "javascript"}, {"a.mjs", "javascript"},
               {"a.cjs", "javascript"}, {"a.ts", "typescript"},  {"a.tsx", "typescript"}};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    ir_unit *u = lower_as(cases[i].path, "a", "const x = f(1);\n");
    CHECK_STR(u->lang, cases[i].lang);
    CHECK_STR(u->module, "a");
    CHECK_INT(u->failed, 0);
    ir_unit_delete(u);
  }
  const char *typed = "let n: number = parse<number>(s);\n";
  ir_unit *u = lower_as("a.ts", "a", typed);
  CHECK_INT(u->failed, 0);
  ir_unit_delete(u);
  u = lower_as("a.js", "a", typed); /* a syntax error in JavaScript, analysed around */
  CHECK_INT(u->failed, 0);
  CHECK(u->ndiags >= 1 && strcmp(u->diags[0].code, "parse-error") == 0);
  ir_unit_delete(u);
  const char *jsx = "const el = <div>{x}</div>;\n";
  u = lower_as("a.tsx", "a", jsx);
  CHECK_INT(u->failed, 0);
  ir_unit_delete(u);
  u = lower_as("a.jsx", "a", jsx);
  CHECK_INT(u->failed, 0);
  ir_unit_delete(u);
  u = lower_as("a.ts", "a", jsx);
  CHECK_INT(u->failed, 0);
  CHECK(u->ndiags >= 1 && strcmp(u->diags[0].code, "parse-error") == 0);
  ir_unit_delete(u);
}

/* Direct checks of the structure, independent of the printer. */
static void test_structure(void) {
  ir_unit *u = lower_as("src/h.ts", "src/h",
                        "export async function f(u: User, ...rest: string[]) {\n"
                        "  this.repo.save(u.email);\n"
                        "  if (u) {\n"
                        "    return body['email'];\n"
                        "  }\n"
                        "}\n");
  CHECK_INT(u->failed, 0);
  CHECK_INT(u->nfuncs, 2);
  const ir_func *f = find_func(u, "f");
  CHECK(f != NULL);
  if (f) {
    CHECK_INT(f->nparams, 2);
    CHECK_STR(f->params[0], "u");
    CHECK_STR(f->params[1], "rest");
    CHECK_INT(f->loc.line, 1);
    CHECK_INT(f->loc.col, 8);
    /* LOAD t1 = this.repo; LOAD t2 = u.email; CALL; LOAD; RETURN */
    CHECK_INT(f->ninsts, 5);
    if (f->ninsts == 5) {
      const ir_inst *in = &f->insts[0];
      CHECK_INT(in->op, IR_LOAD);
      CHECK_STR(in->obj, "this");
      CHECK_STR(in->field, "repo");
      in = &f->insts[2];
      CHECK_INT(in->op, IR_CALL);
      CHECK_STR(in->callee, "this.repo.save");
      CHECK(in->obj == f->insts[0].dst);
      CHECK_INT(in->nargs, 1);
      CHECK(in->dst != NULL);
      CHECK(in->args[0] == f->insts[1].dst);
      CHECK_INT(in->loc.line, 2);
      CHECK_INT(in->loc.col, 3);
      CHECK_INT(in->depth, 0);
      in = &f->insts[3];
      CHECK_INT(in->op, IR_LOAD);
      CHECK_STR(in->obj, "body");
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

  /* a decorator keeps its dotted name without '@' and arguments */
  u = lower_as("src/c.ts", "src/c",
               "class C {\n  @Get(':id') @api.Auth() @Public\n  m() {}\n  n() {}\n}\n");
  f = find_func(u, "C.m");
  CHECK(f != NULL);
  if (f) {
    CHECK_INT(f->ndecorators, 3);
    if (f->ndecorators == 3) {
      CHECK_STR(f->decorators[0], "Get");
      CHECK_STR(f->decorators[1], "api.Auth");
      CHECK_STR(f->decorators[2], "Public");
    }
  }
  f = find_func(u, "C.n");
  CHECK(f != NULL);
  if (f) CHECK_INT(f->ndecorators, 0);
  ir_unit_delete(u);
}

/* Relative specifiers resolve against the module's folder, without their
 * extension; package specifiers stay as written. */
static void test_resolution(void) {
  static const struct {
    const char *module, *spec, *target;
  } cases[] = {
      {"src/routes/users", "../util/mask.js", "src/util/mask.f"},
      {"src/routes/users", "./helpers", "src/routes/helpers.f"},
      {"src/routes/users", "././a/./b.tsx", "src/routes/a/b.f"},
      {"src/routes/users", "../../lib", "lib.f"},
      {"index", "../up", "../up.f"},
      {"index", "./same.mjs", "same.f"},
      {"a/b", "../../../x", "../../x.f"},
      {"src/a", "./dir.js/index", "src/dir.js/index.f"},
      {"src/a", "lodash", "lodash.f"},
      {"src/a", "@scope/pkg/sub", "@scope/pkg/sub.f"},
      {"src/a", "..", "index.f"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *src = as_sprintf("import { f } from '%s';\n", cases[i].spec);
    ir_unit *u = lower_as("x.ts", cases[i].module, src);
    CHECK_INT(u->nimports, 1);
    if (u->nimports == 1) {
      CHECK_STR(u->imports[0].alias, "f");
      if (strcmp(u->imports[0].target, cases[i].target) != 0)
        fprintf(stderr, "resolving '%s' in %s\n", cases[i].spec, cases[i].module);
      CHECK_STR(u->imports[0].target, cases[i].target);
    }
    ir_unit_delete(u);
    free(src);
  }
}

/* The default models on lowered calls: each call's fact, in order. */
static void test_models(void) {
  ir_unit *u = lower_as("src/m.ts", "src/m",
                        "console.log(a);\n"
                        "this.logger.info(a);\n"
                        "req.log.warn(a);\n"
                        "process.stderr.write(a);\n"
                        "fs.appendFileSync(p, a);\n"
                        "const out = fs.createWriteStream(p);\n"
                        "out.write(a);\n"
                        "other.write(a);\n"
                        "res.status(201).json(a);\n"
                        "res.render('v', a);\n"
                        "res.cookie('k', a);\n"
                        "reply.setCookie('k', a);\n"
                        "fetch(url, a);\n"
                        "axios.post(url, a);\n"
                        "pool.query(sql, [a]);\n"
                        "this.prisma.user.create(a);\n"
                        "Object.create(a);\n"
                        "axios.create(a);\n"
                        "userRepository.save(a);\n"
                        "crypto.createHash('sha256').update(a).digest('hex');\n"
                        "maskEmail(a);\n"
                        "encodeURIComponent(a);\n"
                        "throw a;\n");
  an_models *m = an_models_new_default();
  an_models_apply(m, u);
  static const char *const want[] = {
      "console.log stdout 0",
      "this.logger.info log 0",
      "req.log.warn log 0",
      "process.stderr.write stdout 0",
      "fs.appendFileSync file 1",
      "fs.createWriteStream -",
      "out.write file 0",
      "other.write -",
      "res.status -",
      "<expr>.json response 0",
      "res.render response 1",
      "res.cookie cookie 1",
      "reply.setCookie cookie 1",
      "fetch external 0 url=0",
      "axios.post external 0 url=0",
      "pool.query db-write 1",
      "this.prisma.user.create db-write 0",
      "Object.create -",
      "axios.create -",
      "userRepository.save db-write 0",
      "crypto.createHash sanitizer",
      "<expr>.update -",
      "<expr>.digest sanitizer",
      "maskEmail sanitizer",
      "encodeURIComponent -",
      "<throw> exception 0",
  };
  size_t n = 0;
  const ir_func *f = u->nfuncs ? u->funcs[0] : NULL;
  for (uint32_t i = 0; f && i < f->ninsts; i++) {
    const ir_inst *in = &f->insts[i];
    if (in->op != IR_CALL) continue;
    char got[256];
    if (in->fact == IR_FACT_SINK)
      snprintf(got, sizeof got, "%s %s %u%s", in->callee,
               ir_sink_kind_name((ir_sink_kind)in->sink_kind), in->fact_from,
               in->fact_url >= 0 ? " url=0" : "");
    else if (in->fact == IR_FACT_SANITIZER)
      snprintf(got, sizeof got, "%s sanitizer", in->callee);
    else
      snprintf(got, sizeof got, "%s -", in->callee);
    if (n < sizeof want / sizeof *want) CHECK_STR(got, want[n]);
    n++;
  }
  CHECK_INT(n, sizeof want / sizeof *want);
  /* a NestJS route method is a handler; a plain method is not */
  ir_unit *h = lower_as("src/h.ts", "src/h",
                        "class C {\n  @Get(':id') a() {}\n  @Injectable() b() {}\n  c() {}\n}\n");
  an_models_apply(m, h);
  const ir_func *a = find_func(h, "C.a"), *b = find_func(h, "C.b"), *c = find_func(h, "C.c");
  CHECK(a && b && c);
  if (a && b && c) {
    CHECK_INT(a->is_handler, 1);
    CHECK_INT(b->is_handler, 0);
    CHECK_INT(c->is_handler, 0);
  }
  ir_unit_delete(h);
  an_models_delete(m);
  ir_unit_delete(u);
}

/* A syntax error is a diagnostic at its place (the first of ndiags); the
 * unit is not failed: the rest of the file is lowered
 * (tests/unit/test_recover.c checks what). */
static void expect_parse_error(const char *path, const char *src, uint32_t line, uint32_t col,
                               const char *msg, uint32_t ndiags) {
  ir_unit *u = lower_as(path, "src/bad", src);
  CHECK_INT(u->failed, 0);
  CHECK(u->nfuncs >= 1); /* <module> */
  CHECK_INT(u->ndiags, ndiags);
  if (u->ndiags >= 1) {
    char want[200];
    snprintf(want, sizeof want, "%s; the rest of the file is analysed", msg);
    CHECK_INT(u->diags[0].level, AS_DIAG_ERROR);
    CHECK_STR(u->diags[0].code, "parse-error");
    if (u->diags[0].line != line || u->diags[0].col != col || strcmp(u->diags[0].message, want))
      fprintf(stderr, "for %s: %u:%u %s\n", path, u->diags[0].line, u->diags[0].col,
              u->diags[0].message);
    CHECK_INT(u->diags[0].line, line);
    CHECK_INT(u->diags[0].col, col);
    CHECK_STR(u->diags[0].message, want);
  }
  CHECK_INT(verify(u), 0);
  ir_unit_delete(u);
}

static void test_parse_error(void) {
  /* tree-sitter recovers by inserting the missing token */
  expect_parse_error("a.js", "function f() {\n  return 1;\n", 2, 12, "missing '}'", 1);
  expect_parse_error("a.js", "if (a {\n  b();\n}\n", 1, 6, "missing ')'", 1);
  expect_parse_error("a.js", "import x from 'y';\nconst a = (1 + ;\n", 2, 9,
                     "syntax error near '= (1 +'", 1);
  expect_parse_error("a.ts", "class {\n", 1, 1, "syntax error near 'class {'", 1);
  expect_parse_error("a.ts", "function f(a: ) {}\n", 1, 13, "syntax error near ':'", 1);
  /* long offending text is cut to 30 bytes; the second ERROR node is listed too */
  expect_parse_error("a.ts",
                     "let a = 1;\nlet = alpha beta gamma delta epsilon zeta\n  eta theta;\n", 2, 7,
                     "syntax error near 'alpha beta gamma delta epsilon'", 2);
  /* newlines are shown as spaces */
  expect_parse_error("a.jsx", "foo(a\n b\n c);\n", 2, 2, "syntax error near 'b  c'", 1);
}

static void test_binary(void) {
  static const char nul[] = "const x = 1;\nlet y = \0\x01\x02";
  ir_unit *u = fe_javascript_lower(strings, "src/bin.js", "src/bin", nul, sizeof nul - 1);
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

  static const char latin1[] = "// caf\xe9\nconst x = 1;\n";
  u = fe_javascript_lower(strings, "src/l1.ts", "src/l1", latin1, sizeof latin1 - 1);
  CHECK_INT(u->failed, 1);
  CHECK_INT(u->ndiags, 1);
  if (u->ndiags == 1) {
    CHECK_STR(u->diags[0].message, "file is not valid UTF-8");
    CHECK_INT(u->diags[0].line, 1);
    CHECK_INT(u->diags[0].col, 7);
  }
  ir_unit_delete(u);

  /* an overlong encoding and a lone surrogate are not valid UTF-8 either */
  static const char overlong[] = "x = '\xc0\xaf';\n";
  u = fe_javascript_lower(strings, "src/o.js", "src/o", overlong, sizeof overlong - 1);
  CHECK_INT(u->failed, 1);
  if (u->ndiags == 1) CHECK_INT(u->diags[0].col, 6);
  ir_unit_delete(u);
  static const char surrogate[] = "x = '\xed\xa0\x80';\n";
  u = fe_javascript_lower(strings, "src/s.js", "src/s", surrogate, sizeof surrogate - 1);
  CHECK_INT(u->failed, 1);
  ir_unit_delete(u);

  /* valid multi-byte UTF-8 is fine, and columns count bytes */
  u = lower_as("src/u8.js", "src/u8", "s = \"caf\xc3\xa9\"; t = a.b;\n");
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

  /* an empty file is a module with nothing in it */
  u = fe_javascript_lower(strings, "src/e.ts", "src/e", NULL, 0);
  CHECK_INT(u->failed, 0);
  CHECK_INT(u->nfuncs, 1);
  if (u->nfuncs == 1) CHECK_INT(u->funcs[0]->ninsts, 0);
  ir_unit_delete(u);
}

static void test_parse_only(void) {
  /* program, expression_statement, identifier, ";" */
  CHECK_INT(fe_javascript_parse_only("a.js", "a;", 2), 4);
  CHECK_INT(fe_javascript_parse_only("a.ts", "a;", 2), 4);
  CHECK_INT(fe_javascript_parse_only("a.js", "", 0), 1);
  CHECK_INT(fe_javascript_parse_only("a.js", NULL, 0), 0);
  /* program, lexical_declaration, "let", variable_declarator, identifier,
   * type_annotation, ":", predefined_type, "number", ";" in TypeScript */
  const char *typed = "let n: number;";
  CHECK_INT(fe_javascript_parse_only("a.ts", typed, strlen(typed)), 10);
  /* the same bytes are an error in JavaScript: a different tree */
  CHECK(fe_javascript_parse_only("a.js", typed, strlen(typed)) != 10);
  CHECK_INT(fe_parse_only(FE_LANG_TYPESCRIPT, "a.ts", typed, strlen(typed)), 10);
}

static void test_long_string(void) {
  as_buf b = {0};
  as_buf_puts(&b, "x = `");
  for (int i = 0; i < 1000; i++)
    as_buf_puts(&b, "abcd\xc3\xa9"); /* 6 bytes each */
  as_buf_puts(&b, "`;\n");
  ir_unit *u = lower_as("src/long.js", "src/long", b.data);
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

/* A generated TypeScript input of ~50k lines using most constructs. */
static void test_stress(void) {
  as_buf b = {0};
  int lines = 0;
  for (int i = 0; lines < 50000; i++) {
    as_buf_printf(&b,
                  "import { helper%d } from '../util/h%d';\n"
                  "export interface U%d { email: string; phone?: string }\n"
                  "@Injectable()\n"
                  "export class C%d extends Base<U%d> {\n"
                  "  private cache = new Map<string, U%d>();\n"
                  "  constructor(private readonly repo: Repo) { super(); }\n"
                  "  @Get(':id')\n"
                  "  async m(user: U%d, ...rest: any[]): Promise<void> {\n"
                  "    this.x%d = user.email!;\n"
                  "    for (const [k, v] of Object.entries(user)) {\n"
                  "      if (v && k !== 'id') logger.info(`${k}=${v as string}`, { u: user });\n"
                  "    }\n"
                  "    try { const { data } = await axios.post(url, { ...user }); }\n"
                  "    catch (e) { throw new Error(`bad ${e}`); }\n"
                  "    return items.map((q) => q + 1).filter(Boolean) as any;\n"
                  "  }\n"
                  "}\n"
                  "export const x%d = -a[1] + b['k'] * (c ? d : e) ?? !f;\n",
                  i, i, i, i, i, i, i, i, i);
    lines += 18;
  }
  /* deep nesting must not crash */
  for (int i = 0; i < 3000; i++)
    as_buf_puts(&b, i ? " + a" : "y = a");
  as_buf_puts(&b, ";\nz = ");
  for (int i = 0; i < 3000; i++)
    as_buf_puts(&b, "[");
  for (int i = 0; i < 3000; i++)
    as_buf_puts(&b, "]");
  as_buf_puts(&b, ";\n");
  ir_unit *u = fe_javascript_lower(strings, "src/stress.ts", "src/stress", b.data, b.len);
  CHECK_INT(u->failed, 0);
  CHECK(u->nfuncs > 5000);
  CHECK(u->nrecords > 5000);
  CHECK_INT(verify(u), 0);
  CHECK(fe_javascript_parse_only("src/stress.ts", b.data, b.len) > 100000);
  ir_unit_delete(u);
  as_buf_free(&b);
}

int main(void) {
  strings = as_intern_new();
  test_goldens();
  test_languages();
  test_structure();
  test_resolution();
  test_models();
  test_parse_error();
  test_binary();
  test_parse_only();
  test_long_string();
  test_stress();
  static const char *const corpus_exts[] = {".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", NULL};
  int corpus_files = golden_lower_tree("corpus", corpus_exts, golden_lower, strings);
  fprintf(stderr, "corpus: %d javascript/typescript files\n", corpus_files);
  CHECK(corpus_files >= 12);
  as_intern_delete(strings);
  return CHECK_DONE();
}
