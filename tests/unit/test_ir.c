/* test_ir.c — the IR builder, verifier, printer and serialized form. */
#include "check.h"
#include "ir/ir.h"

#include <string.h>

static ir_unit *build(as_intern *strings) {
  ir_unit *u = ir_unit_new(strings, "svc/app.py", "python", "app");
  ir_add_import(u, ir_str(u, "log_user"), ir_str(u, "app.util.log_user"));
  ir_record *rec = ir_add_record(u, "User", (ir_loc){2, 1});
  ir_record_add_field(u, rec, "email", "str", (ir_loc){3, 5});
  ir_record_add_tagged_field(u, rec, "CardNumber", "string", "card_number", (ir_loc){4, 5});
  ir_func *fn = ir_add_func(u, "handle", (ir_loc){5, 1});
  ir_func_add_decorator(u, fn, "app.route");
  ir_func_add_param(u, fn, "body");
  ir_func_add_typed_param(u, fn, "log", "logging.Logger");
  ir_func_set_ret_type(u, fn, "Response");
  CHECK(ir_func_add_local(u, fn, "user", "User", (ir_loc){6, 5}));
  CHECK(!ir_func_add_local(u, fn, "user", "Admin", (ir_loc){7, 5})); /* the first one wins */
  CHECK(!ir_func_add_local(u, fn, "other", NULL, (ir_loc){7, 5}));   /* untyped: not listed */
  CHECK(!ir_func_add_local(u, fn, "other", "", (ir_loc){7, 5}));
  CHECK_STR(ir_func_local_type(fn, ir_str(u, "user")), "User");
  CHECK(ir_func_local_type(fn, ir_str(u, "other")) == NULL);
  /* A nested function added while fn is being built must not move fn. */
  ir_func *inner = ir_add_func(u, "handle.inner", (ir_loc){9, 5});
  const char *t1 = ir_temp(u, fn);
  ir_emit(u, fn, IR_LOAD, 0, t1, ir_str(u, "body"), ir_str(u, "email"), NULL, NULL, NULL, 0,
          (ir_loc){6, 13});
  const char *t2 = ir_temp(u, fn);
  ir_emit(u, fn, IR_CONST, 1, t2, NULL, NULL, NULL, ir_str(u, "to \"x\"\n"), NULL, 0,
          (ir_loc){7, 9});
  const char *parts[] = {t2, t1};
  const char *t3 = ir_temp(u, fn);
  ir_emit(u, fn, IR_CONCAT, 1, t3, NULL, NULL, NULL, NULL, parts, 2, (ir_loc){7, 9});
  const char *args[] = {t3};
  ir_emit(u, fn, IR_CALL, 1, ir_temp(u, fn), ir_str(u, "%t9"), NULL, ir_str(u, "logger.info"), NULL,
          args, 1, (ir_loc){7, 5});
  ir_emit(u, fn, IR_STORE, 0, NULL, ir_str(u, "body"), NULL, NULL, NULL, args, 1, (ir_loc){8, 5});
  ir_emit(u, inner, IR_RETURN, 0, NULL, NULL, NULL, NULL, NULL, NULL, 0, (ir_loc){10, 9});
  ir_add_diag(u, AS_DIAG_WARNING, 4, 2, "header-error", "something odd");
  return u;
}

static const char *const expected = "unit svc/app.py lang=python module=app\n"
                                    "import log_user = app.util.log_user\n"
                                    "record User @2:1\n"
                                    "  field email : str @3:5\n"
                                    "  field CardNumber : string tag card_number @4:5\n"
                                    "func handle(body, log: logging.Logger) -> Response @5:1\n"
                                    "  @app.route\n"
                                    "  local user : User @6:5\n"
                                    "  6:13 d0 %t1 = load body.email\n"
                                    "  7:9 d1 %t2 = const \"to \\\"x\\\"\\n\"\n"
                                    "  7:9 d1 %t3 = concat %t2, %t1\n"
                                    "  7:5 d1 %t4 = call logger.info(%t3) recv %t9\n"
                                    "  8:5 d0 store body.[?] = %t3\n"
                                    "func handle.inner() @9:5\n"
                                    "  10:9 d0 return\n"
                                    "diag warning 4:2 header-error: something odd\n";

int main(void) {
  as_intern *strings = as_intern_new();
  /* Interning: equal strings are one pointer. */
  char a[] = "email", b[] = "email";
  CHECK(as_intern_str(strings, a) == as_intern_str(strings, b));
  CHECK(as_intern_strn(strings, "emailx", 5) == as_intern_str(strings, "email"));
  CHECK(as_intern_str(strings, "phone") != as_intern_str(strings, "email"));
  for (int i = 0; i < 5000; i++) {
    char k[32];
    snprintf(k, sizeof k, "name%d", i);
    as_intern_str(strings, k);
  }
  CHECK_STR(as_intern_str(strings, "name4321"), "name4321");
  CHECK(as_intern_str(strings, "name17") == as_intern_str(strings, "name17"));

  ir_unit *u = build(strings);
  char err[256] = {0};
  CHECK_INT(ir_unit_verify(u, err, sizeof err), 0);
  as_buf out = {0};
  ir_unit_print(u, &out);
  CHECK_STR(out.data, expected);

  /* Round trip through the serialized form, into another interner. */
  as_buf blob = {0};
  ir_unit_serialize(u, &blob);
  as_intern *other = as_intern_new();
  ir_unit *v = ir_unit_deserialize(other, blob.data, blob.len, err, sizeof err);
  CHECK(v != NULL);
  if (v) {
    as_buf out2 = {0};
    ir_unit_print(v, &out2);
    CHECK_STR(out2.data, expected);
    CHECK(v->funcs[0]->insts[0].field == as_intern_str(other, "email"));
    CHECK_STR(v->records[0]->fields[1].tag, "card_number");
    CHECK_INT(v->funcs[0]->ndecorators, 1);
    CHECK_INT(v->funcs[0]->ntemps, 4);
    CHECK_INT(v->funcs[0]->nparams, 2);
    if (v->funcs[0]->nparams == 2) { /* types are parallel to the names, NULL when undeclared */
      CHECK(v->funcs[0]->param_types[0] == NULL);
      CHECK(v->funcs[0]->param_types[1] == as_intern_str(other, "logging.Logger"));
    }
    CHECK(v->funcs[0]->ret_type == as_intern_str(other, "Response"));
    CHECK(v->funcs[1]->ret_type == NULL);
    CHECK_INT(v->funcs[0]->nlocals, 1);
    CHECK(ir_func_local_type(v->funcs[0], as_intern_str(other, "user")) ==
          as_intern_str(other, "User"));
    as_buf_free(&out2);
    ir_unit_delete(v);
  }
  /* Serialization is deterministic. */
  as_buf blob2 = {0};
  ir_unit_serialize(u, &blob2);
  CHECK(blob.len == blob2.len && memcmp(blob.data, blob2.data, blob.len) == 0);

  /* Every truncation is rejected, never crashes. */
  int rejected = 0;
  for (size_t n = 0; n < blob.len; n++) {
    ir_unit *w = ir_unit_deserialize(other, blob.data, n, err, sizeof err);
    if (!w) rejected++;
    ir_unit_delete(w);
  }
  CHECK_INT(rejected, (long long)blob.len);
  /* A flipped byte anywhere is rejected or yields a unit that verifies. */
  for (size_t n = 0; n < blob.len; n++) {
    char *copy = as_malloc(blob.len);
    memcpy(copy, blob.data, blob.len);
    copy[n] ^= 0x5a;
    ir_unit *w = ir_unit_deserialize(other, copy, blob.len, err, sizeof err);
    if (w) CHECK_INT(ir_unit_verify(w, err, sizeof err), 0);
    ir_unit_delete(w);
    free(copy);
  }
  /* Wrong magic and a future version. */
  CHECK(ir_unit_deserialize(other, "XXXX\1\0\0\0\0\0\0\0", 12, err, sizeof err) == NULL);
  CHECK_STR(err, "not a serialized IR unit");
  char fut[12];
  memcpy(fut, "ASIR\x63\0\0\0\0\0\0\0", 12);
  CHECK(ir_unit_deserialize(other, fut, 12, err, sizeof err) == NULL);
  CHECK_STR(err, "IR unit version 99 not supported (6..6)");

  /* The verifier catches malformed instructions. */
  ir_func *fn = ir_add_func(u, "bad", (ir_loc){20, 1});
  ir_emit(u, fn, IR_COPY, 0, ir_str(u, "x"), NULL, NULL, NULL, NULL, NULL, 0, (ir_loc){21, 3});
  CHECK_INT(ir_unit_verify(u, err, sizeof err), -1);
  CHECK_STR(err, "svc/app.py: bad: 21:3 copy: copy needs dst and one arg");

  /* Arena: reset keeps working memory, big blocks survive. */
  as_arena *ar = as_arena_new();
  char *big = as_arena_alloc(ar, 200000);
  big[199999] = 1;
  char *s = as_arena_strdup(ar, "kept");
  CHECK_STR(s, "kept");
  as_arena_reset(ar);
  char *t = as_arena_alloc(ar, 32);
  CHECK(t[0] == 0 && t[31] == 0);
  as_arena_delete(ar);

  char hex[65];
  as_sha256_hex("abc", 3, hex);
  CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

  as_buf_free(&blob);
  as_buf_free(&blob2);
  as_buf_free(&out);
  ir_unit_delete(u);
  as_intern_delete(other);
  as_intern_delete(strings);
  return CHECK_DONE();
}
