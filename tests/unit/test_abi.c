/* test_abi.c — the C contract surface through libclang (analyses/abi.h): the
 * items of corpus/contract/{before,after}/clib, their diff against
 * corpus/contract/truth/c.json, every item of a header using the corners of
 * C (anonymous records, bit-fields, opaque, hidden and static declarations),
 * the diagnostics of a broken and of a missing header, and the classifier's
 * rules on hand-made sets. */
#include "check.h"
#include "analyses/abi.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BEFORE "corpus/contract/before/clib"
#define AFTER "corpus/contract/after/clib"
#define TRUTH "corpus/contract/truth/c.json"

/* Every item, one a line: KIND | KEY | VALUE (lines joined by ';') | DISPLAY | PATH:LINE. */
static char *dump(const an_contract_set *set) {
  as_buf b = {0};
  as_buf_puts(&b, "");
  for (size_t i = 0; i < an_contract_count(set); i++) {
    const an_contract_item *it = an_contract_at(set, i);
    as_buf_printf(&b, "%s | %s | ", it->kind, it->key);
    for (const char *p = it->value; *p; p++)
      as_buf_putc(&b, *p == '\n' ? ';' : *p);
    as_buf_printf(&b, " | %s | %s:%u\n", it->display, it->path, it->line);
  }
  return b.data;
}

/* Every change, one a line: CHANGE CLASS BEFORE-KEY > AFTER-KEY ("-" when absent). */
static char *dump_changes(const an_contract_changes *ch) {
  as_buf b = {0};
  as_buf_puts(&b, "");
  for (size_t i = 0; i < an_contract_nchanges(ch); i++) {
    const an_contract_change *c = an_contract_change_at(ch, i);
    as_buf_printf(&b, "%s %s %s > %s\n", c->change, an_change_class_name(c->cls),
                  c->before ? c->before->key : "-", c->after ? c->after->key : "-");
  }
  return b.data;
}

static an_contract_set *extract(const char *root, const char *const *rel, size_t n,
                                const char *const *args, int nargs, size_t want_diags) {
  an_contract_set *set = an_contract_set_new();
  as_diag *diags = NULL;
  size_t nd = 0;
  CHECK_INT(an_abi_extract(root, rel, n, args, nargs, "clib", set, &diags, &nd), 0);
  CHECK_INT(nd, want_diags);
  for (size_t i = 0; nd != want_diags && i < nd; i++)
    fprintf(stderr, "  diag %s:%u: %s\n", diags[i].path, diags[i].line, diags[i].message);
  an_abi_diags_free(diags, nd);
  return set;
}

static void check_item(const an_contract_set *set, const char *kind, const char *key,
                       const char *value, const char *display, uint32_t line) {
  const an_contract_item *it = an_contract_find(set, kind, key);
  CHECK(it != NULL);
  if (!it) {
    fprintf(stderr, "  no %s %s\n", kind, key);
    return;
  }
  CHECK_STR(it->value, value);
  CHECK_STR(it->display, display);
  CHECK_STR(it->service, "clib");
  CHECK_STR(it->path, "include/clib.h");
  CHECK_INT(it->line, line);
}

static const char *const CLIB_H[] = {"include/clib.h"};

static void test_corpus_items(void) {
  an_contract_set *b = extract(BEFORE, CLIB_H, 1, NULL, 0, 0);
  an_contract_set *a = extract(AFTER, CLIB_H, 1, NULL, 0, 0);
  CHECK_INT(an_contract_count(b), 27);
  CHECK_INT(an_contract_count(a), 30);

  check_item(b, "c.function", "clib_post",
             "return=enum clib_status\nparams=struct clib_ledger *, long, const char *\nvariadic=0",
             "enum clib_status clib_post(struct clib_ledger *, long, const char *)", 45);
  check_item(a, "c.function", "clib_post",
             "return=enum clib_status\nparams=struct clib_ledger *, long, const char *, unsigned "
             "int\nvariadic=0",
             "enum clib_status clib_post(struct clib_ledger *, long, const char *, unsigned int)",
             48);
  check_item(b, "c.function", "clib_format",
             "return=int\nparams=char *, unsigned long, const char *\nvariadic=1",
             "int clib_format(char *, unsigned long, const char *, ...)", 48);
  check_item(b, "c.function", "clib_visit",
             "return=unsigned long\nparams=const struct clib_ledger *, int (*)(const struct "
             "clib_entry *, void *), void *\nvariadic=0",
             "unsigned long clib_visit(const struct clib_ledger *, int (*)(const struct clib_entry "
             "*, void *), void *)",
             47);
  check_item(b, "c.type", "struct clib_entry", "size=16\nalign=8", "struct clib_entry", 20);
  check_item(a, "c.type", "struct clib_entry", "size=24\nalign=8", "struct clib_entry", 21);
  check_item(b, "c.field", "struct clib_entry.currency", "offset=96\ntype=char[4]",
             "struct clib_entry.currency: char[4]", 23);
  check_item(a, "c.field", "struct clib_entry.currency", "offset=128\ntype=char[4]",
             "struct clib_entry.currency: char[4]", 25);
  check_item(a, "c.field", "struct clib_ledger.owner", "offset=128\ntype=long",
             "struct clib_ledger.owner: long", 32);
  check_item(b, "c.type", "enum clib_status", "underlying=unsigned int", "enum clib_status", 9);
  check_item(a, "c.enum-constant", "enum clib_status.CLIB_EFULL", "value=4", "CLIB_EFULL = 4", 14);
  check_item(b, "c.enum-constant", "enum .CLIB_VOID", "value=2", "CLIB_VOID = 2", 17);
  check_item(b, "c.typedef", "clib_ledger_t", "type=struct clib_ledger",
             "typedef struct clib_ledger clib_ledger_t", 33);
  check_item(b, "c.typedef", "clib_visit_fn", "type=int (*)(const struct clib_entry *, void *)",
             "typedef int (*clib_visit_fn)(const struct clib_entry *, void *)", 34);
  /* static inline: not exported, in either version */
  CHECK(an_contract_find(b, "c.function", "clib_is_void") == NULL);
  CHECK(an_contract_find(a, "c.function", "clib_is_void") == NULL);
  /* nothing from <stdint.h> and <stddef.h> */
  CHECK(an_contract_find(b, "c.typedef", "int64_t") == NULL);
  CHECK(an_contract_find(b, "c.typedef", "size_t") == NULL);

  /* explicit arguments, with a relative -I taken from the root, read the same */
  const char *args[] = {"-std=c11", "-Iinclude"};
  an_contract_set *b2 = extract(BEFORE, CLIB_H, 1, args, 2, 0);
  char *d1 = dump(b), *d2 = dump(b2);
  CHECK_STR(d2, d1);
  free(d1);
  free(d2);
  an_contract_set_delete(b2);
  an_contract_set_delete(a);
  an_contract_set_delete(b);
}

/* The diff of the corpus is exactly truth/c.json, in order. */
static void test_corpus_diff(void) {
  an_contract_set *b = extract(BEFORE, CLIB_H, 1, NULL, 0, 0);
  an_contract_set *a = extract(AFTER, CLIB_H, 1, NULL, 0, 0);
  an_contract_changes *ch = an_contract_diff(b, a);
  json_error_t err;
  json_t *truth = json_load_file(TRUTH, 0, &err);
  CHECK(truth != NULL);
  if (!truth) {
    fprintf(stderr, "%s: %s\n", TRUTH, err.text);
    exit(1);
  }
  json_t *want = json_object_get(truth, "changes");
  CHECK_INT(an_contract_nchanges(ch), json_array_size(want));
  for (size_t i = 0; i < an_contract_nchanges(ch) && i < json_array_size(want); i++) {
    const an_contract_change *c = an_contract_change_at(ch, i);
    json_t *w = json_array_get(want, i);
    const an_contract_item *first = c->before ? c->before : c->after;
    const char *after_key = json_string_value(json_object_get(w, "after_key"));
    CHECK_STR(c->change, json_string_value(json_object_get(w, "change")));
    CHECK_STR(an_change_class_name(c->cls), json_string_value(json_object_get(w, "class")));
    CHECK_STR(first->key, json_string_value(json_object_get(w, "key")));
    if (after_key) {
      CHECK(c->before && c->after);
      if (c->after) CHECK_STR(c->after->key, after_key);
    } else if (c->before && c->after) {
      CHECK_STR(c->after->key, c->before->key);
    }
  }
  for (size_t i = 0; i < an_contract_nchanges(ch); i++) {
    const an_contract_change *c = an_contract_change_at(ch, i);
    if (strcmp(c->change, "c.function-signature-changed") == 0)
      CHECK_STR(c->message, "clib_post: parameter types changed from (struct clib_ledger *, long, "
                            "const char *) to (struct clib_ledger *, long, const char *, "
                            "unsigned int)");
    if (strcmp(c->change, "c.field-renamed") == 0)
      CHECK_STR(c->message, "struct clib_ledger.count: renamed to len (offset 64 bits and type "
                            "unsigned long unchanged), which breaks source using the old name");
    if (c->before && strcmp(c->before->key, "struct clib_stats") == 0)
      CHECK_STR(c->message, "struct clib_stats: size changed from 8 to 12 bytes, not reachable "
                            "from any exported function");
    if (c->before && strcmp(c->before->key, "enum clib_status.CLIB_EFULL") == 0)
      CHECK_STR(c->message, "enum clib_status.CLIB_EFULL: value changed from 3 to 4");
  }
  /* a version against itself: nothing */
  an_contract_changes *same = an_contract_diff(b, b);
  CHECK_INT(an_contract_nchanges(same), 0);
  an_contract_changes_delete(same);
  json_decref(truth);
  an_contract_changes_delete(ch);
  an_contract_set_delete(a);
  an_contract_set_delete(b);
}

/* ---- headers of the test's own -------------------------------------------------- */

static char dir[] = "/tmp/assay-test-abi-XXXXXX";

static void write_file(const char *name, const char *text) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "w");
  CHECK(f != NULL);
  if (!f) return;
  fputs(text, f);
  fclose(f);
}

static const char CORNERS_H[] =
    "#include <stddef.h>\n"                                                          /* 1 */
    "typedef struct { int x, y; } point_t;\n"                                        /* 2 */
    "typedef enum { RED, GREEN = -1 } color_t;\n"                                    /* 3 */
    "enum { ANON_A = 5 };\n"                                                         /* 4 */
    "struct S {\n"                                                                   /* 5 */
    "  int a;\n"                                                                     /* 6 */
    "  union { int u1; float u2; };\n"                                               /* 7 */
    "  struct { char c; long d; } pos;\n"                                            /* 8 */
    "  unsigned bf : 3;\n"                                                           /* 9 */
    "  point_t p;\n"                                                                 /* 10 */
    "  char tail[];\n"                                                               /* 11 */
    "};\n"                                                                           /* 12 */
    "struct opaque;\n"                                                               /* 13 */
    "struct fwd;\n"                                                                  /* 14 */
    "struct fwd { int z; };\n"                                                       /* 15 */
    "int f(struct S *s, point_t p, color_t c, int (*cb)(const struct fwd *, ...),\n" /* 16 */
    "      const char arr[4], int m[3][4], void fn(int), struct opaque *const o);\n" /* 17 */
    "const int g();\n"                                                               /* 18 */
    "int f(struct S *s, point_t p, color_t c, int (*cb)(const struct fwd *, ...),\n" /* 19 */
    "      const char arr[4], int m[3][4], void fn(int), struct opaque *o);\n"       /* 20 */
    "static int h(void) { return 0; }\n"                                             /* 21 */
    "static inline int hi(void) { return 1; }\n"                                     /* 22 */
    "inline int il(void) { return 2; }\n"                                            /* 23 */
    "extern int gv;\n"                                                               /* 24 */
    "extern const char *names[];\n"                                                  /* 25 */
    "static int sv;\n"                                                               /* 26 */
    "__attribute__((visibility(\"hidden\"))) int hid(void);\n"                       /* 27 */
    "typedef unsigned long my_size;\n"                                               /* 28 */
    "typedef enum flag { F_A = 1u, F_B = 0x80000000u } flag_t;\n"                    /* 29 */
    "union U { int i; double d; };\n";                                               /* 30 */

static const char CORNERS_ITEMS[] =
    "c.type | point_t | size=8;align=4 | point_t | corners.h:2\n"
    "c.field | point_t.x | offset=0;type=int | point_t.x: int | corners.h:2\n"
    "c.field | point_t.y | offset=32;type=int | point_t.y: int | corners.h:2\n"
    "c.type | color_t | underlying=int | color_t | corners.h:3\n"
    "c.enum-constant | color_t.RED | value=0 | RED = 0 | corners.h:3\n"
    "c.enum-constant | color_t.GREEN | value=-1 | GREEN = -1 | corners.h:3\n"
    "c.enum-constant | enum .ANON_A | value=5 | ANON_A = 5 | corners.h:4\n"
    "c.type | struct S | size=40;align=8 | struct S | corners.h:5\n"
    "c.field | struct S.a | offset=0;type=int | struct S.a: int | corners.h:6\n"
    "c.field | struct S.u1 | offset=32;type=int | struct S.u1: int | corners.h:7\n"
    "c.field | struct S.u2 | offset=32;type=float | struct S.u2: float | corners.h:7\n"
    "c.field | struct S.pos | offset=64;type=struct (anonymous) | struct S.pos: struct "
    "(anonymous) | corners.h:8\n"
    "c.field | struct S.pos.c | offset=64;type=char | struct S.pos.c: char | corners.h:8\n"
    "c.field | struct S.pos.d | offset=128;type=long | struct S.pos.d: long | corners.h:8\n"
    "c.field | struct S.bf | offset=192;type=unsigned int;bits=3 | struct S.bf: unsigned int : 3 "
    "| corners.h:9\n"
    "c.field | struct S.p | offset=224;type=point_t | struct S.p: point_t | corners.h:10\n"
    "c.field | struct S.tail | offset=288;type=char[] | struct S.tail: char[] | corners.h:11\n"
    "c.type | struct opaque | opaque=1 | struct opaque | corners.h:13\n"
    "c.type | struct fwd | size=4;align=4 | struct fwd | corners.h:15\n"
    "c.field | struct fwd.z | offset=0;type=int | struct fwd.z: int | corners.h:15\n"
    "c.function | f | return=int;params=struct S *, point_t, color_t, int (*)(const struct fwd *, "
    "...), const char *, int (*)[4], void (*)(int), struct opaque *;variadic=0 | int f(struct S "
    "*, point_t, color_t, int (*)(const struct fwd *, ...), const char *, int (*)[4], void "
    "(*)(int), struct opaque *) | corners.h:16\n"
    "c.function | g | return=int;params=;variadic=1 | int g() | corners.h:18\n"
    "c.function | il | return=int;params=;variadic=0 | int il(void) | corners.h:23\n"
    "c.variable | gv | type=int | int gv | corners.h:24\n"
    "c.variable | names | type=const char *[] | const char *names[] | corners.h:25\n"
    "c.typedef | my_size | type=unsigned long | typedef unsigned long my_size | corners.h:28\n"
    "c.type | enum flag | underlying=unsigned int | enum flag | corners.h:29\n"
    "c.enum-constant | enum flag.F_A | value=1 | F_A = 1 | corners.h:29\n"
    "c.enum-constant | enum flag.F_B | value=2147483648 | F_B = 2147483648 | corners.h:29\n"
    "c.typedef | flag_t | type=enum flag | typedef enum flag flag_t | corners.h:29\n"
    "c.type | union U | size=8;align=8 | union U | corners.h:30\n"
    "c.field | union U.i | offset=0;type=int | union U.i: int | corners.h:30\n"
    "c.field | union U.d | offset=0;type=double | union U.d: double | corners.h:30\n";

static void test_corners(void) {
  write_file("corners.h", CORNERS_H);
  const char *rel[] = {"corners.h"};
  an_contract_set *set = an_contract_set_new();
  as_diag *diags = NULL;
  size_t nd = 0;
  CHECK_INT(an_abi_extract(dir, rel, 1, NULL, 0, NULL, set, &diags, &nd), 0);
  CHECK_INT(nd, 0);
  char *got = dump(set);
  CHECK_STR(got, CORNERS_ITEMS);
  free(got);
  CHECK(an_contract_at(set, 0)->service == NULL);
  an_abi_diags_free(diags, nd);
  an_contract_set_delete(set);
}

/* A broken header is a diagnostic (with what clang recovered), a missing one
 * too, and the headers after them are still read; a struct declared opaque by
 * one header and defined by a later one is defined. */
static void test_diagnostics(void) {
  write_file("bad.h", "int fine(void);\n"
                      "struct handle;\n"
                      "int broken(int x;\n"
                      "int later(void);\n");
  write_file("good.h", "struct handle { int fd; };\n"
                       "int good(struct handle *h);\n");
  const char *rel[] = {"bad.h", "missing.h", "good.h"};
  an_contract_set *set = an_contract_set_new();
  as_diag *diags = NULL;
  size_t nd = 0;
  CHECK_INT(an_abi_extract(dir, rel, 3, NULL, 0, ".", set, &diags, &nd), 0);
  CHECK_INT(nd, 2);
  if (nd == 2) {
    CHECK_INT(diags[0].level, AS_DIAG_WARNING);
    CHECK_STR(diags[0].code, "abi-parse");
    CHECK_STR(diags[0].path, "bad.h");
    CHECK_INT(diags[0].line, 3);
    CHECK_INT(diags[0].col, 17);
    CHECK_STR(diags[0].message, "expected ')'");
    CHECK_STR(diags[1].path, "missing.h");
    CHECK_STR(diags[1].code, "abi-parse");
    CHECK_INT(diags[1].line, 0);
    CHECK_STR(diags[1].message, "cannot read: No such file or directory");
  }
  for (size_t i = 0; i < nd; i++)
    fprintf(stderr, "  (expected) diag %s:%u:%u %s\n", diags[i].path, diags[i].line, diags[i].col,
            diags[i].message);
  CHECK(an_contract_find(set, "c.function", "fine") != NULL);
  const an_contract_item *good = an_contract_find(set, "c.function", "good");
  CHECK(good != NULL);
  if (good) CHECK_STR(good->path, "good.h");
  const an_contract_item *h = an_contract_find(set, "c.type", "struct handle");
  CHECK(h != NULL);
  if (h) {
    CHECK_STR(h->value, "size=4\nalign=4");
    CHECK_STR(h->path, "good.h");
  }
  size_t handles = 0;
  for (size_t i = 0; i < an_contract_count(set); i++)
    handles += strcmp(an_contract_at(set, i)->key, "struct handle") == 0;
  CHECK_INT(handles, 1);
  an_abi_diags_free(diags, nd);
  an_abi_diags_free(NULL, 0);
  an_contract_set_delete(set);
}

/* ---- the classifier's rules on hand-made sets ----------------------------------- */

static void add(an_contract_set *s, const char *kind, const char *key, const char *value) {
  an_contract_add(s, kind, key, value, key, ".", "x.h", 1);
}

static char *diff_of(an_contract_set *b, an_contract_set *a) {
  an_contract_changes *ch = an_contract_diff(b, a);
  char *d = dump_changes(ch);
  an_contract_changes_delete(ch);
  an_contract_set_delete(b);
  an_contract_set_delete(a);
  return d;
}

#define FN_F "return=void\nparams=struct A *\nvariadic=0"

/* reachable transitively: f -> struct A -> struct B[2] -> enum E; struct Z is not */
static void base_set(an_contract_set *s) {
  add(s, "c.function", "f", FN_F);
  add(s, "c.type", "struct A", "size=16\nalign=8");
  add(s, "c.field", "struct A.b", "offset=0\ntype=const struct B[2]");
  add(s, "c.type", "struct B", "size=8\nalign=4");
  add(s, "c.field", "struct B.e", "offset=0\ntype=enum E");
  add(s, "c.field", "struct B.c", "offset=32\ntype=char");
  add(s, "c.type", "enum E", "underlying=unsigned int");
  add(s, "c.enum-constant", "enum E.E_ONE", "value=1");
  add(s, "c.type", "struct Z", "size=4\nalign=4");
  add(s, "c.field", "struct Z.z", "offset=0\ntype=int");
  add(s, "c.typedef", "a_t", "type=struct A");
  add(s, "c.typedef", "n_t", "type=int");
}

static void test_rules(void) {
  an_contract_set *b, *a;
  char *d;

  /* reachability through fields and arrays (f -> struct A -> struct B[2] ->
   * enum E); layout changes of unreachable types are potentially breaking; a
   * field added into padding is compatible */
  b = an_contract_set_new(), a = an_contract_set_new();
  base_set(b);
  add(a, "c.function", "f", FN_F);
  add(a, "c.type", "struct A", "size=16\nalign=8");
  add(a, "c.field", "struct A.b", "offset=0\ntype=const struct B[2]");
  add(a, "c.type", "struct B", "size=8\nalign=8");
  add(a, "c.field", "struct B.e", "offset=0\ntype=enum E");
  add(a, "c.field", "struct B.c", "offset=32\ntype=char");
  add(a, "c.field", "struct B.pad", "offset=40\ntype=char");
  add(a, "c.type", "enum E", "underlying=int");
  add(a, "c.enum-constant", "enum E.E_ONE", "value=1");
  add(a, "c.type", "struct Z", "size=8\nalign=8");
  add(a, "c.field", "struct Z.z", "offset=0\ntype=int");
  add(a, "c.field", "struct Z.y", "offset=32\ntype=int");
  add(a, "c.typedef", "a_t", "type=struct B");
  add(a, "c.typedef", "n_t", "type=long");
  d = diff_of(b, a);
  CHECK_STR(d, "c.field-added compatible - > struct B.pad\n"
               "c.enum-underlying-changed breaking enum E > enum E\n"
               "c.type-alignment-changed breaking struct B > struct B\n"
               "c.type-size-changed potentially-breaking struct Z > struct Z\n"
               "c.type-alignment-changed potentially-breaking struct Z > struct Z\n"
               "c.typedef-changed breaking a_t > a_t\n"
               "c.typedef-changed potentially-breaking n_t > n_t\n");
  free(d);

  /* functions: return, variadic; removal, addition */
  b = an_contract_set_new(), a = an_contract_set_new();
  add(b, "c.function", "f", "return=int\nparams=int\nvariadic=0");
  add(b, "c.function", "g", "return=void\nparams=const char *\nvariadic=0");
  add(b, "c.function", "gone", "return=void\nparams=\nvariadic=0");
  add(b, "c.variable", "v", "type=int");
  add(a, "c.function", "f", "return=long\nparams=int\nvariadic=0");
  add(a, "c.function", "g", "return=void\nparams=const char *\nvariadic=1");
  add(a, "c.function", "new", "return=void\nparams=\nvariadic=0");
  add(a, "c.variable", "v", "type=long");
  an_contract_changes *ch = an_contract_diff(b, a);
  d = dump_changes(ch);
  CHECK_STR(d, "c.function-signature-changed breaking f > f\n"
               "c.function-variadic-changed breaking g > g\n"
               "c.function-removed breaking gone > -\n"
               "c.function-added compatible - > new\n"
               "c.variable-type-changed breaking v > v\n");
  CHECK_STR(an_contract_change_at(ch, 0)->message, "f: return type changed from int to long");
  CHECK_STR(an_contract_change_at(ch, 1)->message,
            "g: changed from fixed to variadic arguments (g to g)");
  free(d);
  an_contract_changes_delete(ch);
  an_contract_set_delete(b);
  an_contract_set_delete(a);

  /* a field added that moves others is reported only through the moves; a
   * removed type takes its members with it; made opaque likewise; enum
   * constants removed are breaking */
  b = an_contract_set_new(), a = an_contract_set_new();
  base_set(b);
  add(a, "c.function", "f", FN_F);
  add(a, "c.type", "struct A", "opaque=1");
  add(a, "c.type", "struct B", "size=12\nalign=4");
  add(a, "c.field", "struct B.new", "offset=0\ntype=int");
  add(a, "c.field", "struct B.e", "offset=32\ntype=enum E");
  add(a, "c.field", "struct B.c", "offset=64\ntype=char");
  add(a, "c.type", "enum E", "underlying=unsigned int");
  add(a, "c.typedef", "a_t", "type=struct A");
  add(a, "c.typedef", "n_t", "type=int");
  d = diff_of(b, a);
  /* struct A opaque: struct B is no longer reachable through A's fields */
  CHECK_STR(d, "c.enum-constant-removed breaking enum E.E_ONE > -\n"
               "c.field-offset-changed potentially-breaking struct B.c > struct B.c\n"
               "c.field-offset-changed potentially-breaking struct B.e > struct B.e\n"
               "c.type-made-opaque breaking struct A > struct A\n"
               "c.type-size-changed potentially-breaking struct B > struct B\n"
               "c.type-removed potentially-breaking struct Z > -\n");
  free(d);

  /* renames pair k-th with k-th; a lone removal is c.field-removed */
  b = an_contract_set_new(), a = an_contract_set_new();
  add(b, "c.function", "f", "return=union U\nparams=\nvariadic=0");
  add(b, "c.type", "union U", "size=8\nalign=8");
  add(b, "c.field", "union U.a", "offset=0\ntype=int");
  add(b, "c.field", "union U.b", "offset=0\ntype=int");
  add(b, "c.field", "union U.x", "offset=0\ntype=double");
  add(a, "c.function", "f", "return=union U\nparams=\nvariadic=0");
  add(a, "c.type", "union U", "size=8\nalign=8");
  add(a, "c.field", "union U.c", "offset=0\ntype=int");
  add(a, "c.field", "union U.d", "offset=0\ntype=int");
  d = diff_of(b, a);
  CHECK_STR(d, "c.field-renamed potentially-breaking union U.a > union U.c\n"
               "c.field-renamed potentially-breaking union U.b > union U.d\n"
               "c.field-removed breaking union U.x > -\n");
  free(d);

  /* reachability is per service: a function of another service does not
   * make a type reachable */
  b = an_contract_set_new(), a = an_contract_set_new();
  an_contract_add(b, "c.function", "f", FN_F, "f", "one", "x.h", 1);
  an_contract_add(b, "c.type", "struct A", "size=4\nalign=4", "struct A", "two", "x.h", 2);
  an_contract_add(a, "c.function", "f", FN_F, "f", "one", "x.h", 1);
  an_contract_add(a, "c.type", "struct A", "size=8\nalign=4", "struct A", "two", "x.h", 2);
  d = diff_of(b, a);
  CHECK_STR(d, "c.type-size-changed potentially-breaking struct A > struct A\n");
  free(d);
}

static int rm_file(const char *name) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  return unlink(path);
}

int main(void) {
  test_corpus_items();
  test_corpus_diff();
  CHECK(mkdtemp(dir) != NULL);
  test_corners();
  test_diagnostics();
  rm_file("corners.h");
  rm_file("bad.h");
  rm_file("good.h");
  rmdir(dir);
  test_rules();
  return CHECK_DONE();
}
