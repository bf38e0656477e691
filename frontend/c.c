/*
 * c.c — the C frontend: libclang's AST lowered to value-flow IR.
 *
 * The file's bytes are handed to libclang as an unsaved file, so the unit
 * depends only on (bytes, path, arguments). One CXIndex is shared by every
 * call (created once). Only declarations written in the main file are
 * lowered; headers are parsed for types but never lowered.
 */
#include "frontend.h"

#include <clang-c/CXCompilationDatabase.h>
#include <clang-c/Index.h>
#include <glob.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define FE_C_MAX_DIAGS 50
#define FE_C_MAX_SYNTAX 5 /* syntax errors listed; the last one says how many more */
#define FE_C_MAX_CONST 4096

/* ---- the shared index ------------------------------------------------------ */

static CXIndex fe_c__index;
static char *fe_c__builtin_include; /* -isystem dir when libclang misses stddef.h */
static pthread_once_t fe_c__once = PTHREAD_ONCE_INIT;

/* The resource dir of the libclang we link against, found by glob: prefer the
 * llvm-N folder matching libclang's major version. */
static char *fe_c__find_builtin_include(void) {
  glob_t g;
  char *found = NULL;
  if (glob("/usr/lib/llvm-*/lib/clang/*/include/stddef.h", 0, NULL, &g) != 0) return NULL;
  CXString v = clang_getClangVersion();
  const char *vs = clang_getCString(v);
  const char *p = vs ? strstr(vs, "version ") : NULL;
  char want[32] = "";
  if (p) snprintf(want, sizeof want, "/llvm-%d/", atoi(p + 8));
  for (size_t i = 0; i < g.gl_pathc && !found; i++)
    if (want[0] && strstr(g.gl_pathv[i], want)) found = g.gl_pathv[i];
  if (!found && g.gl_pathc) found = g.gl_pathv[0];
  char *dir = found ? as_strndup(found, strlen(found) - strlen("/stddef.h")) : NULL;
  clang_disposeString(v);
  globfree(&g);
  return dir;
}

/* Create the index and check once whether libclang finds its builtin headers. */
static void fe_c__init(void) {
  fe_c__index = clang_createIndex(0, 0);
  static const char probe[] = "#include <stddef.h>\nsize_t fe_c_probe;\n";
  struct CXUnsavedFile uf = {"/assay-builtin-probe.c", probe, sizeof probe - 1};
  const char *args[] = {"-x", "c", "-std=c11"};
  CXTranslationUnit tu = NULL;
  bool ok = false;
  if (clang_parseTranslationUnit2(fe_c__index, uf.Filename, args, 3, &uf, 1,
                                  CXTranslationUnit_KeepGoing, &tu) == CXError_Success) {
    ok = true;
    for (unsigned i = 0, n = clang_getNumDiagnostics(tu); i < n; i++) {
      CXDiagnostic d = clang_getDiagnostic(tu, i);
      if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) ok = false;
      clang_disposeDiagnostic(d);
    }
    clang_disposeTranslationUnit(tu);
  }
  if (!ok) fe_c__builtin_include = fe_c__find_builtin_include();
}

/* ---- lowering context ------------------------------------------------------ */

typedef AS_ARRAY(CXCursor) fe_c__cursors;

typedef struct fe_c__ctx {
  ir_unit *unit;
  ir_func *fn;
  CXTranslationUnit tu;
  const char *src;
  size_t len;
  AS_ARRAY(ir_loc) errors; /* where the main file's syntax errors are */
} fe_c__ctx;

static enum CXChildVisitResult fe_c__collect(CXCursor c, CXCursor parent, CXClientData data) {
  fe_c__cursors *out = data;
  as_array_push(out, c);
  return CXChildVisit_Continue;
}

/* Direct children of c (the caller frees with as_array_free). */
static fe_c__cursors fe_c__children(CXCursor c) {
  fe_c__cursors v = {0};
  clang_visitChildren(c, fe_c__collect, &v);
  return v;
}

static const char *fe_c__spelling(fe_c__ctx *self, CXCursor c) {
  CXString s = clang_getCursorSpelling(c);
  const char *r = ir_str(self->unit, clang_getCString(s) ? clang_getCString(s) : "");
  clang_disposeString(s);
  return r;
}

static ir_loc fe_c__loc_at(CXSourceLocation l) {
  unsigned line = 0, col = 0;
  clang_getExpansionLocation(l, NULL, &line, &col, NULL);
  return (ir_loc){line, col};
}

/* An expression's location: the expansion location of its extent's start. */
static ir_loc fe_c__loc(CXCursor c) {
  return fe_c__loc_at(clang_getRangeStart(clang_getCursorExtent(c)));
}

/* True when l is written directly in the main file (not inside a macro);
 * *off receives its byte offset. */
static bool fe_c__plain(CXSourceLocation l, unsigned *off) {
  CXFile f1, f2;
  unsigned o1, o2;
  clang_getSpellingLocation(l, &f1, NULL, NULL, &o1);
  clang_getExpansionLocation(l, &f2, NULL, NULL, &o2);
  if (!f1 || !f2 || o1 != o2 || !clang_File_isEqual(f1, f2)) return false;
  if (!clang_Location_isFromMainFile(l)) return false;
  *off = o1;
  return true;
}

static bool fe_c__is_expr(CXCursor c) {
  return clang_isExpression(clang_getCursorKind(c));
}

/* Strip parentheses and implicit casts (UnexposedExpr with one child). */
static CXCursor fe_c__strip(CXCursor c) {
  for (;;) {
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k != CXCursor_ParenExpr && k != CXCursor_UnexposedExpr) return c;
    fe_c__cursors ch = fe_c__children(c);
    bool one = ch.len == 1 && fe_c__is_expr(ch.items[0]);
    CXCursor next = one ? ch.items[0] : c;
    as_array_free(&ch);
    if (!one) return c;
    c = next;
  }
}

/* The first expression child of c whose kind is not a type reference; the
 * last such one when last is set (casts: "(T)x"). */
static CXCursor fe_c__expr_child(CXCursor c, bool last) {
  fe_c__cursors ch = fe_c__children(c);
  CXCursor r = clang_getNullCursor();
  for (size_t i = 0; i < ch.len; i++)
    if (fe_c__is_expr(ch.items[i])) {
      r = ch.items[i];
      if (!last) break;
    }
  as_array_free(&ch);
  return r;
}

/* Tokens of the main file between byte offsets [lo, hi): calls fn for the
 * first punctuation token and returns its interned spelling, or NULL. */
static const char *fe_c__first_punct(fe_c__ctx *self, CXSourceLocation at, unsigned lo,
                                     unsigned hi) {
  if (hi <= lo) return NULL;
  CXFile file;
  clang_getSpellingLocation(at, &file, NULL, NULL, NULL);
  CXSourceRange r = clang_getRange(clang_getLocationForOffset(self->tu, file, lo),
                                   clang_getLocationForOffset(self->tu, file, hi));
  CXToken *toks = NULL;
  unsigned n = 0;
  const char *found = NULL;
  clang_tokenize(self->tu, r, &toks, &n);
  for (unsigned i = 0; i < n && !found; i++) {
    unsigned off;
    clang_getSpellingLocation(clang_getTokenLocation(self->tu, toks[i]), NULL, NULL, NULL, &off);
    if (off < lo) continue;
    if (off >= hi) break;
    if (clang_getTokenKind(toks[i]) != CXToken_Punctuation) continue;
    CXString s = clang_getTokenSpelling(self->tu, toks[i]);
    found = ir_str(self->unit, clang_getCString(s));
    clang_disposeString(s);
  }
  if (toks) clang_disposeTokens(self->tu, toks, n);
  return found;
}

static bool fe_c__is_scalar_nonint(CXType t) {
  t = clang_getCanonicalType(t);
  return t.kind == CXType_Pointer || (t.kind >= CXType_Float && t.kind <= CXType_Float128) ||
         t.kind == CXType_Half || t.kind == CXType_Float16;
}

static bool fe_c__is_int_result(CXCursor e) {
  CXType t = clang_getCanonicalType(clang_getCursorType(e));
  return t.kind == CXType_Int || t.kind == CXType_Bool;
}

/* An lvalue written directly (no implicit lvalue-to-rvalue conversion above
 * it): the left side of an assignment. */
static bool fe_c__is_lvalue(CXCursor c) {
  switch (clang_getCursorKind(c)) {
  case CXCursor_DeclRefExpr:
  case CXCursor_MemberRefExpr:
  case CXCursor_ArraySubscriptExpr:
    return true;
  case CXCursor_ParenExpr: {
    CXCursor inner = fe_c__expr_child(c, false);
    return !clang_Cursor_isNull(inner) && fe_c__is_lvalue(inner);
  }
  case CXCursor_UnaryOperator: { /* *p: the operand's pointee is the result */
    CXCursor inner = fe_c__expr_child(c, false);
    if (clang_Cursor_isNull(inner)) return false;
    CXType pt = clang_getPointeeType(clang_getCanonicalType(clang_getCursorType(inner)));
    return pt.kind != CXType_Invalid &&
           clang_equalTypes(clang_getCanonicalType(pt),
                            clang_getCanonicalType(clang_getCursorType(c)));
  }
  default:
    return false;
  }
}

static bool fe_c__is_binop_spelling(const char *op) {
  static const char *const ops[] = {"=", ",", "+",  "-",  "*", "/", "%",  "<<", ">>", "&",
                                    "|", "^", "==", "!=", "<", ">", "<=", ">=", "&&", "||"};
  for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
    if (strcmp(op, ops[i]) == 0) return true;
  return false;
}

/* The operator of a BinaryOperator: the punctuation token between its
 * operands. Inside a macro body the operands' locations collapse onto the
 * macro invocation and libclang 14 offers no operator kind, so the operator is
 * inferred from the operands: a bare lvalue on the left is an assignment; an
 * int result from pointer or floating operands is a comparison; anything
 * else is treated as arithmetic ("?"). */
static const char *fe_c__binop(fe_c__ctx *self, CXCursor e, CXCursor lhs, CXCursor rhs) {
  CXSourceLocation le = clang_getRangeEnd(clang_getCursorExtent(lhs));
  CXSourceLocation rs = clang_getRangeStart(clang_getCursorExtent(rhs));
  unsigned lo, hi;
  if (fe_c__plain(le, &lo) && fe_c__plain(rs, &hi)) {
    const char *op = fe_c__first_punct(self, le, lo, hi);
    if (op && fe_c__is_binop_spelling(op)) return op;
  }
  if (fe_c__is_lvalue(lhs)) return ir_str(self->unit, "=");
  if (fe_c__is_int_result(e) && (fe_c__is_scalar_nonint(clang_getCursorType(lhs)) ||
                                 fe_c__is_scalar_nonint(clang_getCursorType(rhs))))
    return ir_str(self->unit, "==");
  return ir_str(self->unit, "?");
}

/* Is the UnaryOperator e a logical not? Read from the source when the
 * operator is written there; else (a macro body) inferred from the types. */
static bool fe_c__is_not(fe_c__ctx *self, CXCursor e, CXCursor operand) {
  CXSourceLocation s = clang_getRangeStart(clang_getCursorExtent(e));
  unsigned off;
  if (fe_c__plain(s, &off) && off < self->len) {
    char ch = self->src[off];
    if (ch == '!') return true;
    if (strchr("-~*&+", ch)) return false;
  }
  return fe_c__is_int_result(e) && fe_c__is_scalar_nonint(clang_getCursorType(operand));
}

/* Is the UnaryOperator e a minus written in the source (not --x, not in a
 * macro body)? */
static bool fe_c__is_minus(fe_c__ctx *self, CXCursor e) {
  CXSourceLocation s = clang_getRangeStart(clang_getCursorExtent(e));
  unsigned off;
  return fe_c__plain(s, &off) && off + 1 < self->len && self->src[off] == '-' &&
         self->src[off + 1] != '-';
}

static bool fe_c__is_bool_op(const char *op) {
  static const char *const ops[] = {"==", "!=", "<", ">", "<=", ">=", "&&", "||"};
  for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
    if (strcmp(op, ops[i]) == 0) return true;
  return false;
}

/* A literal's spelling: the literal token at its location, or (for a literal
 * written inside a macro body, whose location is the macro invocation) its
 * evaluated value. */
static const char *fe_c__literal_text(fe_c__ctx *self, CXCursor c) {
  CXSourceLocation s = clang_getRangeStart(clang_getCursorExtent(c));
  CXFile file;
  unsigned off;
  clang_getSpellingLocation(s, &file, NULL, NULL, &off);
  const char *r = NULL;
  if (file) {
    CXSourceLocation at = clang_getLocationForOffset(self->tu, file, off);
    CXToken *toks = NULL;
    unsigned n = 0;
    clang_tokenize(self->tu, clang_getRange(at, at), &toks, &n);
    if (n && clang_getTokenKind(toks[0]) == CXToken_Literal) {
      CXString t = clang_getTokenSpelling(self->tu, toks[0]);
      r = ir_str(self->unit, clang_getCString(t));
      clang_disposeString(t);
    }
    if (toks) clang_disposeTokens(self->tu, toks, n);
  }
  if (!r) {
    CXEvalResult ev = clang_Cursor_Evaluate(c);
    char buf[64];
    if (ev && clang_EvalResult_getKind(ev) == CXEval_Int) {
      if (clang_EvalResult_isUnsignedInt(ev))
        snprintf(buf, sizeof buf, "%llu", clang_EvalResult_getAsUnsigned(ev));
      else
        snprintf(buf, sizeof buf, "%lld", clang_EvalResult_getAsLongLong(ev));
      r = ir_str(self->unit, buf);
    } else if (ev && clang_EvalResult_getKind(ev) == CXEval_Float) {
      snprintf(buf, sizeof buf, "%g", clang_EvalResult_getAsDouble(ev));
      r = ir_str(self->unit, buf);
    }
    if (ev) clang_EvalResult_dispose(ev);
  }
  return r ? r : ir_str(self->unit, "<literal>");
}

/* Cut a constant to FE_C_MAX_CONST bytes, not inside a UTF-8 sequence nor
 * after a lone backslash. */
static const char *fe_c__const_text(fe_c__ctx *self, const char *s, size_t n) {
  if (n > FE_C_MAX_CONST) {
    n = FE_C_MAX_CONST;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
      n--;
    size_t bs = 0;
    while (bs < n && s[n - 1 - bs] == '\\')
      bs++;
    if (bs % 2) n--;
  }
  return ir_strn(self->unit, s, n);
}

/* Append a string literal token's content (prefix and quotes removed). */
static void fe_c__put_string_token(as_buf *out, const char *t) {
  const char *q1 = strchr(t, '"'), *q2 = strrchr(t, '"');
  if (q1 && q2 > q1) as_buf_put(out, q1 + 1, (size_t)(q2 - q1 - 1));
}

/* A string literal's content as written, without prefix and quotes, escapes
 * kept; adjacent literals are joined. A literal from a macro body (not in the
 * invocation's tokens) is taken from clang's own spelling. */
static const char *fe_c__string_text(fe_c__ctx *self, CXCursor c) {
  CXToken *toks = NULL;
  unsigned n = 0;
  as_buf b = {0};
  bool found = false;
  clang_tokenize(self->tu, clang_getCursorExtent(c), &toks, &n);
  for (unsigned i = 0; i < n; i++) {
    CXString t = clang_getTokenSpelling(self->tu, toks[i]);
    const char *ts = clang_getCString(t);
    bool lit = clang_getTokenKind(toks[i]) == CXToken_Literal && ts && strchr(ts, '"');
    if (lit) fe_c__put_string_token(&b, ts);
    clang_disposeString(t);
    if (!lit) {
      found = false;
      break;
    }
    found = true;
  }
  if (toks) clang_disposeTokens(self->tu, toks, n);
  if (!found) {
    b.len = 0;
    CXString sp = clang_getCursorSpelling(c);
    fe_c__put_string_token(&b, clang_getCString(sp) ? clang_getCString(sp) : "");
    clang_disposeString(sp);
  }
  const char *r = fe_c__const_text(self, b.data ? b.data : "", b.len);
  as_buf_free(&b);
  return r;
}

/* Integer literal index "a[0]" -> "0"; else NULL (unknown key). */
static const char *fe_c__index_key(fe_c__ctx *self, CXCursor idx) {
  CXCursor s = fe_c__strip(idx);
  if (clang_getCursorKind(s) != CXCursor_IntegerLiteral) return NULL;
  return fe_c__literal_text(self, s);
}

/* Dotted text of a callee made of names and members: "s.log"; NULL if not. */
static bool fe_c__dotted(fe_c__ctx *self, CXCursor c, as_buf *out) {
  c = fe_c__strip(c);
  enum CXCursorKind k = clang_getCursorKind(c);
  if (k == CXCursor_DeclRefExpr) {
    as_buf_puts(out, fe_c__spelling(self, c));
    return true;
  }
  if (k == CXCursor_UnaryOperator) { /* (*fp)(x) */
    CXCursor inner = fe_c__expr_child(c, false);
    return !clang_Cursor_isNull(inner) && fe_c__dotted(self, inner, out);
  }
  if (k == CXCursor_MemberRefExpr) {
    CXCursor base = fe_c__expr_child(c, false);
    if (clang_Cursor_isNull(base) || !fe_c__dotted(self, base, out)) return false;
    const char *m = fe_c__spelling(self, c);
    if (m[0]) {
      as_buf_putc(out, '.');
      as_buf_puts(out, m);
    }
    return true;
  }
  return false;
}

/* ---- expressions ----------------------------------------------------------- */

static const char *fe_c__expr(fe_c__ctx *self, CXCursor e, uint16_t depth, const char *want);
static void fe_c__stmt(fe_c__ctx *self, CXCursor s, uint16_t depth);

static const char *fe_c__dst(fe_c__ctx *self, const char *want) {
  return want ? want : ir_temp(self->unit, self->fn);
}

static void fe_c__emit(fe_c__ctx *self, ir_op op, uint16_t depth, const char *dst, const char *obj,
                       const char *field, const char *callee, const char *text,
                       const char *const *args, uint32_t nargs, ir_loc loc) {
  ir_emit(self->unit, self->fn, op, depth, dst, obj, field, callee, text, args, nargs, loc);
}

static const char *fe_c__const(fe_c__ctx *self, uint16_t depth, const char *want, const char *text,
                               ir_loc loc) {
  const char *dst = fe_c__dst(self, want);
  fe_c__emit(self, IR_CONST, depth, dst, NULL, NULL, NULL, ir_str(self->unit, text), NULL, 0, loc);
  return dst;
}

static const char *fe_c__concat(fe_c__ctx *self, uint16_t depth, const char *want,
                                const char *const *args, uint32_t nargs, ir_loc loc) {
  const char *dst = fe_c__dst(self, want);
  fe_c__emit(self, IR_CONCAT, depth, dst, NULL, NULL, NULL, NULL, args, nargs, loc);
  return dst;
}

/* Lower e so that its value ends up in dst (COPY when e names another value). */
static void fe_c__expr_into(fe_c__ctx *self, CXCursor e, uint16_t depth, const char *dst) {
  const char *v = fe_c__expr(self, e, depth, dst);
  if (v != dst) fe_c__emit(self, IR_COPY, depth, dst, NULL, NULL, NULL, NULL, &v, 1, fe_c__loc(e));
}

/* An lvalue written to: a named value, or obj.field (store). */
typedef struct fe_c__lvalue {
  const char *name;  /* a plain variable, or NULL */
  const char *obj;   /* otherwise: the object stored into */
  const char *field; /* its field, NULL = unknown key */
} fe_c__lvalue;

static fe_c__lvalue fe_c__lvalue_of(fe_c__ctx *self, CXCursor lhs, uint16_t depth) {
  CXCursor t = fe_c__strip(lhs);
  fe_c__lvalue lv = {0};
  switch (clang_getCursorKind(t)) {
  case CXCursor_DeclRefExpr:
    lv.name = fe_c__spelling(self, t);
    return lv;
  case CXCursor_MemberRefExpr: {
    CXCursor base = fe_c__expr_child(t, false);
    const char *m = fe_c__spelling(self, t);
    if (clang_Cursor_isNull(base)) break;
    if (!m[0]) return fe_c__lvalue_of(self, base, depth); /* anonymous member */
    lv.obj = fe_c__expr(self, base, depth, NULL);
    lv.field = m;
    return lv;
  }
  case CXCursor_ArraySubscriptExpr: {
    fe_c__cursors ch = fe_c__children(t);
    if (ch.len == 2) {
      lv.obj = fe_c__expr(self, ch.items[0], depth, NULL);
      lv.field = fe_c__index_key(self, ch.items[1]);
      if (!lv.field) fe_c__expr(self, ch.items[1], depth, NULL);
    }
    as_array_free(&ch);
    if (lv.obj) return lv;
    break;
  }
  case CXCursor_UnaryOperator: { /* *p = e */
    CXCursor inner = fe_c__expr_child(t, false);
    if (clang_Cursor_isNull(inner)) break;
    lv.obj = fe_c__expr(self, inner, depth, NULL);
    return lv;
  }
  default:
    break;
  }
  lv.name = fe_c__expr(self, lhs, depth, NULL);
  return lv;
}

/* x = e; a->b = e; a[i] = e; *p = e */
static const char *fe_c__assign(fe_c__ctx *self, CXCursor e, CXCursor lhs, CXCursor rhs,
                                uint16_t depth) {
  fe_c__lvalue lv = fe_c__lvalue_of(self, lhs, depth);
  if (lv.name) {
    fe_c__expr_into(self, rhs, depth, lv.name);
    return lv.name;
  }
  const char *v = fe_c__expr(self, rhs, depth, NULL);
  fe_c__emit(self, IR_STORE, depth, NULL, lv.obj, lv.field, NULL, NULL, &v, 1, fe_c__loc(e));
  return v;
}

/* x += e -> x = concat(x, e); a->b += e -> t = a.b; t2 = concat(t, e); a.b = t2 */
static const char *fe_c__compound_assign(fe_c__ctx *self, CXCursor e, uint16_t depth) {
  fe_c__cursors ch = fe_c__children(e);
  if (ch.len != 2) {
    as_array_free(&ch);
    return fe_c__const(self, depth, NULL, "<expr>", fe_c__loc(e));
  }
  CXCursor lhs = ch.items[0], rhs = ch.items[1];
  as_array_free(&ch);
  ir_loc loc = fe_c__loc(e);
  fe_c__lvalue lv = fe_c__lvalue_of(self, lhs, depth);
  const char *v = fe_c__expr(self, rhs, depth, NULL);
  if (lv.name) {
    const char *args[2] = {lv.name, v};
    return fe_c__concat(self, depth, lv.name, args, 2, loc);
  }
  const char *t = ir_temp(self->unit, self->fn);
  fe_c__emit(self, IR_LOAD, depth, t, lv.obj, lv.field, NULL, NULL, NULL, 0, loc);
  const char *args[2] = {t, v};
  const char *t2 = fe_c__concat(self, depth, NULL, args, 2, loc);
  fe_c__emit(self, IR_STORE, depth, NULL, lv.obj, lv.field, NULL, NULL, &t2, 1, loc);
  return t2;
}

/* f(x, y) -> dst = call f(x, y); s->log(x) -> callee "s.log" */
static const char *fe_c__call(fe_c__ctx *self, CXCursor e, uint16_t depth, const char *want) {
  fe_c__cursors ch = fe_c__children(e);
  const char *callee = NULL;
  if (ch.len > 0) {
    as_buf b = {0};
    if (fe_c__dotted(self, ch.items[0], &b)) callee = ir_str(self->unit, b.data);
    as_buf_free(&b);
    if (!callee) fe_c__expr(self, ch.items[0], depth, NULL);
  }
  as_array_free(&ch);
  if (!callee) callee = ir_str(self->unit, "<expr>");
  int n = clang_Cursor_getNumArguments(e);
  AS_ARRAY(const char *) args = {0};
  for (int i = 0; i < n; i++) {
    const char *v = fe_c__expr(self, clang_Cursor_getArgument(e, (unsigned)i), depth, NULL);
    as_array_push(&args, v);
  }
  const char *dst = fe_c__dst(self, want);
  fe_c__emit(self, IR_CALL, depth, dst, NULL, NULL, callee, NULL, args.items, (uint32_t)args.len,
             fe_c__loc(e));
  as_array_free(&args);
  return dst;
}

/* { .email = e, 1 } -> t = const "<init>"; t.email = e; t.? = 1 */
static const char *fe_c__init_list(fe_c__ctx *self, CXCursor e, uint16_t depth, const char *want) {
  ir_loc loc = fe_c__loc(e);
  const char *dst = fe_c__const(self, depth, want, "<init>", loc);
  fe_c__cursors ch = fe_c__children(e);
  for (size_t i = 0; i < ch.len; i++) {
    CXCursor c = ch.items[i];
    fe_c__cursors parts = {0};
    if (clang_getCursorKind(c) == CXCursor_UnexposedExpr) parts = fe_c__children(c);
    const char *obj = dst, *field = NULL, *v;
    ir_loc at = fe_c__loc(c);
    if (parts.len >= 2) { /* a designated initializer: designators, then the value */
      v = fe_c__expr(self, parts.items[parts.len - 1], depth, NULL);
      for (size_t j = 0; j + 1 < parts.len; j++) {
        CXCursor d = parts.items[j];
        const char *key = clang_getCursorKind(d) == CXCursor_MemberRef ? fe_c__spelling(self, d)
                                                                       : fe_c__index_key(self, d);
        if (j > 0) {
          const char *t = ir_temp(self->unit, self->fn);
          fe_c__emit(self, IR_LOAD, depth, t, obj, field, NULL, NULL, NULL, 0, at);
          obj = t;
        }
        field = key;
      }
    } else {
      v = fe_c__expr(self, c, depth, NULL);
    }
    as_array_free(&parts);
    fe_c__emit(self, IR_STORE, depth, NULL, obj, field, NULL, NULL, &v, 1, at);
  }
  as_array_free(&ch);
  return dst;
}

/* Lower every expression child; one value passes through, several concat. */
static const char *fe_c__generic(fe_c__ctx *self, CXCursor e, uint16_t depth, const char *want) {
  fe_c__cursors ch = fe_c__children(e);
  AS_ARRAY(const char *) vals = {0};
  for (size_t i = 0; i < ch.len; i++) {
    if (fe_c__is_expr(ch.items[i])) {
      const char *v = fe_c__expr(self, ch.items[i], depth, ch.len == 1 ? want : NULL);
      as_array_push(&vals, v);
    } else if (clang_isStatement(clang_getCursorKind(ch.items[i]))) {
      fe_c__stmt(self, ch.items[i], depth);
    }
  }
  as_array_free(&ch);
  const char *r;
  if (vals.len == 0)
    r = fe_c__const(self, depth, want, "<expr>", fe_c__loc(e));
  else if (vals.len == 1)
    r = vals.items[0];
  else
    r = fe_c__concat(self, depth, want, vals.items, (uint32_t)vals.len, fe_c__loc(e));
  as_array_free(&vals);
  return r;
}

/* Lower expression e at depth; returns the value name holding its result.
 * want, when set, is the preferred destination (x in "x = f()"): an
 * instruction that defines a fresh value writes want instead. */
static const char *fe_c__expr(fe_c__ctx *self, CXCursor e, uint16_t depth, const char *want) {
  ir_loc loc = fe_c__loc(e);
  switch (clang_getCursorKind(e)) {
  case CXCursor_DeclRefExpr: {
    CXCursor ref = clang_getCursorReferenced(e);
    if (clang_getCursorKind(ref) == CXCursor_EnumConstantDecl)
      return fe_c__const(self, depth, want, fe_c__spelling(self, e), loc);
    return fe_c__spelling(self, e);
  }
  case CXCursor_IntegerLiteral:
  case CXCursor_FloatingLiteral:
  case CXCursor_CharacterLiteral:
  case CXCursor_ImaginaryLiteral:
    return fe_c__const(self, depth, want, fe_c__literal_text(self, e), loc);
  case CXCursor_StringLiteral:
    return fe_c__const(self, depth, want, fe_c__string_text(self, e), loc);
  case CXCursor_MemberRefExpr: {
    CXCursor base = fe_c__expr_child(e, false);
    if (clang_Cursor_isNull(base)) return fe_c__spelling(self, e);
    const char *obj = fe_c__expr(self, base, depth, NULL);
    const char *m = fe_c__spelling(self, e);
    if (!m[0]) return obj; /* member of an anonymous struct/union */
    const char *dst = fe_c__dst(self, want);
    fe_c__emit(self, IR_LOAD, depth, dst, obj, m, NULL, NULL, NULL, 0, loc);
    return dst;
  }
  case CXCursor_ArraySubscriptExpr: {
    fe_c__cursors ch = fe_c__children(e);
    if (ch.len != 2) {
      as_array_free(&ch);
      break;
    }
    const char *obj = fe_c__expr(self, ch.items[0], depth, NULL);
    const char *key = fe_c__index_key(self, ch.items[1]);
    if (!key) fe_c__expr(self, ch.items[1], depth, NULL);
    as_array_free(&ch);
    const char *dst = fe_c__dst(self, want);
    fe_c__emit(self, IR_LOAD, depth, dst, obj, key, NULL, NULL, NULL, 0, loc);
    return dst;
  }
  case CXCursor_CallExpr:
    return fe_c__call(self, e, depth, want);
  case CXCursor_BinaryOperator: {
    fe_c__cursors ch = fe_c__children(e);
    if (ch.len != 2) {
      as_array_free(&ch);
      break;
    }
    CXCursor lhs = ch.items[0], rhs = ch.items[1];
    as_array_free(&ch);
    const char *op = fe_c__binop(self, e, lhs, rhs);
    if (strcmp(op, "=") == 0) return fe_c__assign(self, e, lhs, rhs, depth);
    const char *args[2];
    args[0] = fe_c__expr(self, lhs, depth, NULL);
    args[1] = fe_c__expr(self, rhs, depth, NULL);
    if (fe_c__is_bool_op(op)) return fe_c__const(self, depth, want, "<bool>", loc);
    if (strcmp(op, "-") == 0) { /* a - b: CALL <sub> into a temporary */
      const char *dst = ir_temp(self->unit, self->fn);
      fe_c__emit(self, IR_CALL, depth, dst, NULL, NULL, ir_str(self->unit, "<sub>"), NULL, args, 2,
                 loc);
      return dst;
    }
    return fe_c__concat(self, depth, want, args, 2, loc);
  }
  case CXCursor_CompoundAssignOperator:
    return fe_c__compound_assign(self, e, depth);
  case CXCursor_UnaryOperator: {
    CXCursor inner = fe_c__expr_child(e, false);
    if (clang_Cursor_isNull(inner)) break;
    if (fe_c__is_not(self, e, inner)) {
      fe_c__expr(self, inner, depth, NULL);
      return fe_c__const(self, depth, want, "<bool>", loc);
    }
    enum CXCursorKind ik = clang_getCursorKind(inner);
    if ((ik == CXCursor_IntegerLiteral || ik == CXCursor_FloatingLiteral) &&
        fe_c__is_minus(self, e)) {
      char buf[128]; /* -4: CONST "-4" */
      snprintf(buf, sizeof buf, "-%s", fe_c__literal_text(self, inner));
      return fe_c__const(self, depth, want, buf, loc);
    }
    return fe_c__expr(self, inner, depth, want); /* - ~ * & ++ --: the operand */
  }
  case CXCursor_UnaryExpr: /* sizeof, _Alignof, offsetof: not evaluated */
    return fe_c__const(self, depth, want, "<size>", loc);
  case CXCursor_CStyleCastExpr:
  case CXCursor_CompoundLiteralExpr: {
    CXCursor inner = fe_c__expr_child(e, true);
    if (clang_Cursor_isNull(inner)) break;
    return fe_c__expr(self, inner, depth, want);
  }
  case CXCursor_ConditionalOperator: {
    fe_c__cursors ch = fe_c__children(e);
    if (ch.len != 3) {
      as_array_free(&ch);
      break;
    }
    fe_c__expr(self, ch.items[0], depth, NULL);
    const char *args[2];
    args[0] = fe_c__expr(self, ch.items[1], depth, NULL);
    args[1] = fe_c__expr(self, ch.items[2], depth, NULL);
    as_array_free(&ch);
    return fe_c__concat(self, depth, want, args, 2, loc);
  }
  case CXCursor_InitListExpr:
    return fe_c__init_list(self, e, depth, want);
  case CXCursor_StmtExpr: { /* ({ ...; v; }) has the value of its last statement */
    CXCursor body = clang_getNullCursor();
    fe_c__cursors ch = fe_c__children(e);
    if (ch.len == 1 && clang_getCursorKind(ch.items[0]) == CXCursor_CompoundStmt)
      body = ch.items[0];
    as_array_free(&ch);
    if (clang_Cursor_isNull(body)) break;
    ch = fe_c__children(body);
    const char *v = NULL;
    for (size_t i = 0; i < ch.len; i++) {
      if (i + 1 == ch.len && fe_c__is_expr(ch.items[i]))
        v = fe_c__expr(self, ch.items[i], depth, want);
      else
        fe_c__stmt(self, ch.items[i], depth);
    }
    as_array_free(&ch);
    return v ? v : fe_c__const(self, depth, want, "<expr>", loc);
  }
  default:
    break;
  }
  return fe_c__generic(self, e, depth, want);
}

/* ---- statements ------------------------------------------------------------ */

/* libclang's spelling of a type, interned ("FILE *", "struct user *"), or
 * NULL when it has none. */
static const char *fe_c__type_text(fe_c__ctx *self, CXType t) {
  CXString ts = clang_getTypeSpelling(t);
  const char *s = clang_getCString(ts);
  const char *r = s && s[0] ? ir_str(self->unit, s) : NULL;
  clang_disposeString(ts);
  return r;
}

static void fe_c__var(fe_c__ctx *self, CXCursor v, uint16_t depth) {
  const char *name = fe_c__spelling(self, v);
  if (name[0]) /* every local is declared with its type */
    ir_func_add_local(self->unit, self->fn, name, fe_c__type_text(self, clang_getCursorType(v)),
                      fe_c__loc_at(clang_getCursorLocation(v)));
  CXCursor init = clang_Cursor_getVarDeclInitializer(v);
  if (clang_Cursor_isNull(init)) return;
  fe_c__expr_into(self, init, depth, fe_c__spelling(self, v));
}

/* for (init; cond; inc) body: libclang lists only the parts present, so they
 * are told apart by where they start relative to the header's semicolons. */
static void fe_c__for(fe_c__ctx *self, CXCursor s, fe_c__cursors *ch, uint16_t depth) {
  size_t nh = ch->len - 1; /* header parts; the body is last */
  CXCursor body = ch->items[nh];
  int role[3] = {0, 1, 2}; /* 0 init, 1 cond, 2 inc */
  unsigned lo, hi;
  CXSourceLocation start = clang_getRangeStart(clang_getCursorExtent(s));
  CXSourceLocation bstart = clang_getRangeStart(clang_getCursorExtent(body));
  bool plain = nh < 3 && fe_c__plain(start, &lo) && fe_c__plain(bstart, &hi);
  if (plain) {
    unsigned semi[2] = {0, 0}, nsemi = 0;
    CXFile file;
    clang_getSpellingLocation(start, &file, NULL, NULL, NULL);
    CXToken *toks = NULL;
    unsigned n = 0;
    clang_tokenize(self->tu, clang_getRange(start, clang_getLocationForOffset(self->tu, file, hi)),
                   &toks, &n);
    int paren = 0;
    for (unsigned i = 0; i < n && nsemi < 2; i++) {
      unsigned off;
      clang_getSpellingLocation(clang_getTokenLocation(self->tu, toks[i]), NULL, NULL, NULL, &off);
      if (off >= hi) break;
      if (clang_getTokenKind(toks[i]) != CXToken_Punctuation) continue;
      CXString t = clang_getTokenSpelling(self->tu, toks[i]);
      const char *ts = clang_getCString(t);
      if (strcmp(ts, "(") == 0) paren++;
      if (strcmp(ts, ")") == 0) paren--;
      if (strcmp(ts, ";") == 0 && paren == 1) semi[nsemi++] = off;
      clang_disposeString(t);
    }
    if (toks) clang_disposeTokens(self->tu, toks, n);
    if (nsemi == 2) {
      for (size_t i = 0; i < nh; i++) {
        unsigned off;
        if (!fe_c__plain(clang_getRangeStart(clang_getCursorExtent(ch->items[i])), &off)) {
          plain = false;
          break;
        }
        role[i] = off < semi[0] ? 0 : off < semi[1] ? 1 : 2;
      }
    } else {
      plain = false;
    }
  }
  if (!plain && nh < 3) { /* a macro: guess from the kinds present */
    bool decl = nh > 0 && clang_getCursorKind(ch->items[0]) == CXCursor_DeclStmt;
    if (nh == 1) role[0] = decl ? 0 : 1;
    if (nh == 2) role[0] = 0, role[1] = 1;
  }
  for (size_t i = 0; i < nh; i++) {
    CXCursor c = ch->items[i];
    if (role[i] == 2)
      fe_c__expr(self, c, (uint16_t)(depth + 1), NULL);
    else if (clang_getCursorKind(c) == CXCursor_DeclStmt || !fe_c__is_expr(c))
      fe_c__stmt(self, c, depth);
    else
      fe_c__expr(self, c, depth, NULL);
  }
  fe_c__stmt(self, body, (uint16_t)(depth + 1));
}

/* Statements lowered part by part around a syntax error. */
static bool fe_c__is_compound(enum CXCursorKind k) {
  switch (k) {
  case CXCursor_CompoundStmt:
  case CXCursor_IfStmt:
  case CXCursor_WhileStmt:
  case CXCursor_SwitchStmt:
  case CXCursor_DoStmt:
  case CXCursor_ForStmt:
  case CXCursor_CaseStmt:
  case CXCursor_DefaultStmt:
  case CXCursor_LabelStmt:
    return true;
  default:
    return false;
  }
}

static bool fe_c__before(ir_loc a, ir_loc b) {
  return a.line < b.line || (a.line == b.line && a.col <= b.col);
}

/* Is a syntax error of the main file within c's extent (its end included:
 * "expected ';'" is reported just after the statement)? */
static bool fe_c__has_error(fe_c__ctx *self, CXCursor c) {
  if (!self->errors.len) return false;
  CXSourceRange r = clang_getCursorExtent(c);
  ir_loc a = fe_c__loc_at(clang_getRangeStart(r)), b = fe_c__loc_at(clang_getRangeEnd(r));
  for (size_t i = 0; i < self->errors.len; i++)
    if (fe_c__before(a, self->errors.items[i]) && fe_c__before(self->errors.items[i], b))
      return true;
  return false;
}

static void fe_c__stmt(fe_c__ctx *self, CXCursor s, uint16_t depth) {
  enum CXCursorKind k = clang_getCursorKind(s);
  /* libclang recovers from a syntax error, but what it made of the
   * statement around one may be a misreading: a simple statement with an
   * error in it is not lowered (compound ones keep their other parts). */
  if (!fe_c__is_compound(k) && fe_c__has_error(self, s)) return;
  if (clang_isExpression(k)) {
    fe_c__expr(self, s, depth, NULL);
    return;
  }
  uint16_t in = (uint16_t)(depth + 1);
  fe_c__cursors ch = fe_c__children(s);
  switch (k) {
  case CXCursor_VarDecl:
    fe_c__var(self, s, depth);
    break;
  case CXCursor_IfStmt: /* cond, then, else */
    for (size_t i = 0; i < ch.len; i++)
      fe_c__stmt(self, ch.items[i], i == 0 ? depth : in);
    break;
  case CXCursor_WhileStmt:  /* cond, body */
  case CXCursor_SwitchStmt: /* cond, body */
    for (size_t i = 0; i < ch.len; i++)
      fe_c__stmt(self, ch.items[i], i + 1 < ch.len ? depth : in);
    break;
  case CXCursor_DoStmt: /* body, cond */
    for (size_t i = 0; i < ch.len; i++)
      fe_c__stmt(self, ch.items[i], i == 0 ? in : depth);
    break;
  case CXCursor_ForStmt:
    if (ch.len > 0) fe_c__for(self, s, &ch, depth);
    break;
  case CXCursor_CaseStmt: /* value (constant), substatement */
    if (ch.len > 0) fe_c__stmt(self, ch.items[ch.len - 1], depth);
    break;
  case CXCursor_ReturnStmt: {
    if (ch.len > 0 && fe_c__is_expr(ch.items[0])) {
      const char *v = fe_c__expr(self, ch.items[0], depth, NULL);
      fe_c__emit(self, IR_RETURN, depth, NULL, NULL, NULL, NULL, NULL, &v, 1, fe_c__loc(s));
    } else {
      fe_c__emit(self, IR_RETURN, depth, NULL, NULL, NULL, NULL, NULL, NULL, 0, fe_c__loc(s));
    }
    break;
  }
  case CXCursor_FunctionDecl: /* local prototypes */
  case CXCursor_StructDecl:
  case CXCursor_UnionDecl:
  case CXCursor_EnumDecl:
  case CXCursor_TypedefDecl:
  case CXCursor_AsmStmt:
  case CXCursor_GotoStmt:
  case CXCursor_BreakStmt:
  case CXCursor_ContinueStmt:
  case CXCursor_NullStmt:
    break;
  default: /* compound, declaration, label, default, indirect goto, ... */
    for (size_t i = 0; i < ch.len; i++) {
      enum CXCursorKind ck = clang_getCursorKind(ch.items[i]);
      if (clang_isStatement(ck) || clang_isExpression(ck) || clang_isDeclaration(ck))
        fe_c__stmt(self, ch.items[i], depth);
    }
    break;
  }
  as_array_free(&ch);
}

/* ---- declarations ---------------------------------------------------------- */

static void fe_c__function(fe_c__ctx *self, CXCursor f) {
  ir_func *fn =
      ir_add_func(self->unit, fe_c__spelling(self, f), fe_c__loc_at(clang_getCursorLocation(f)));
  fn->is_static = clang_getCursorLinkage(f) == CXLinkage_Internal;
  self->fn = fn;
  int n = clang_Cursor_getNumArguments(f);
  for (int i = 0; i < n; i++) {
    CXCursor arg = clang_Cursor_getArgument(f, (unsigned)i);
    const char *name = fe_c__spelling(self, arg);
    if (!name[0]) {
      char buf[32];
      snprintf(buf, sizeof buf, "%%p%d", i);
      name = ir_str(self->unit, buf);
    }
    /* the declared type as libclang spells it: typedef names kept ("FILE *") */
    ir_func_add_typed_param(self->unit, fn, name, fe_c__type_text(self, clang_getCursorType(arg)));
  }
  ir_func_set_ret_type(self->unit, fn,
                       fe_c__type_text(self, clang_getResultType(clang_getCursorType(f))));
  fe_c__cursors ch = fe_c__children(f);
  for (size_t i = 0; i < ch.len; i++)
    if (clang_getCursorKind(ch.items[i]) == CXCursor_CompoundStmt) fe_c__stmt(self, ch.items[i], 0);
  as_array_free(&ch);
  self->fn = NULL;
}

/* Fields of rec; members of anonymous struct/union members are flattened, and
 * named nested definitions become records of their own. */
static void fe_c__fields(fe_c__ctx *self, ir_record *rec, CXCursor r) {
  fe_c__cursors ch = fe_c__children(r);
  for (size_t i = 0; i < ch.len; i++) {
    CXCursor c = ch.items[i];
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_FieldDecl) {
      CXString ts = clang_getTypeSpelling(clang_getCursorType(c));
      ir_record_add_field(self->unit, rec, fe_c__spelling(self, c),
                          ir_str(self->unit, clang_getCString(ts)),
                          fe_c__loc_at(clang_getCursorLocation(c)));
      clang_disposeString(ts);
    } else if ((k == CXCursor_StructDecl || k == CXCursor_UnionDecl) &&
               clang_isCursorDefinition(c)) {
      if (clang_Cursor_isAnonymousRecordDecl(c)) {
        fe_c__fields(self, rec, c);
      } else if (fe_c__spelling(self, c)[0]) {
        ir_record *inner = ir_add_record(self->unit, fe_c__spelling(self, c),
                                         fe_c__loc_at(clang_getCursorLocation(c)));
        fe_c__fields(self, inner, c);
      }
    }
  }
  as_array_free(&ch);
}

static void fe_c__record(fe_c__ctx *self, CXCursor r, const char *name) {
  ir_record *rec = ir_add_record(self->unit, name, fe_c__loc_at(clang_getCursorLocation(r)));
  fe_c__fields(self, rec, r);
}

static void fe_c__toplevel(fe_c__ctx *self, CXCursor tu) {
  fe_c__cursors ch = fe_c__children(tu);
  for (size_t i = 0; i < ch.len; i++) {
    CXCursor c = ch.items[i];
    if (!clang_Location_isFromMainFile(clang_getCursorLocation(c))) continue;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_FunctionDecl && clang_isCursorDefinition(c)) {
      fe_c__function(self, c);
    } else if ((k == CXCursor_StructDecl || k == CXCursor_UnionDecl) &&
               clang_isCursorDefinition(c)) {
      const char *name = fe_c__spelling(self, c);
      if (!name[0] && i + 1 < ch.len &&
          clang_getCursorKind(ch.items[i + 1]) == CXCursor_TypedefDecl) {
        /* typedef struct { ... } T; */
        CXType u = clang_getTypedefDeclUnderlyingType(ch.items[i + 1]);
        if (clang_equalCursors(clang_getTypeDeclaration(u), c))
          name = fe_c__spelling(self, ch.items[i + 1]);
      }
      if (name[0]) fe_c__record(self, c, name);
    }
  }
  as_array_free(&ch);
}

/* ---- diagnostics ----------------------------------------------------------- */

/* Is d about the syntax of the file (parse, lexical or preprocessor issue)
 * rather than its meaning? */
static bool fe_c__is_syntax(CXDiagnostic d) {
  CXString cat = clang_getDiagnosticCategoryText(d);
  const char *c = clang_getCString(cat);
  bool syntax = !c || strcmp(c, "Semantic Issue") != 0;
  clang_disposeString(cat);
  return syntax;
}

/* Syntax errors in the main file are listed (the first FE_C_MAX_SYNTAX, the
 * last saying how many more) and remembered, so that the statements holding
 * them are not lowered: libclang recovers and the rest of the file is
 * analysed. A missing include only warns, and so do the errors that follow
 * it; errors in headers give one warning per header. */
static void fe_c__diagnostics(fe_c__ctx *self) {
  ir_unit *u = self->unit;
  bool missing_include = false;
  uint32_t nsyntax = 0, last_syntax = 0;
  AS_ARRAY(CXFile) headers = {0};
  for (unsigned i = 0, n = clang_getNumDiagnostics(self->tu); i < n; i++) {
    CXDiagnostic d = clang_getDiagnostic(self->tu, i);
    enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
    if (sev < CXDiagnostic_Error) {
      clang_disposeDiagnostic(d);
      continue;
    }
    CXSourceLocation loc = clang_getDiagnosticLocation(d);
    CXString msg = clang_getDiagnosticSpelling(d);
    const char *m = clang_getCString(msg) ? clang_getCString(msg) : "";
    CXFile file;
    unsigned line = 0, col = 0;
    clang_getExpansionLocation(loc, &file, &line, &col, NULL);
    bool room = u->ndiags < FE_C_MAX_DIAGS;
    if (file && clang_Location_isFromMainFile(loc)) {
      if (strstr(m, "file not found")) {
        if (room) ir_add_diag(u, AS_DIAG_WARNING, line, col, "include-not-found", m);
        missing_include = true;
      } else if (missing_include) {
        if (room) ir_add_diag(u, AS_DIAG_WARNING, line, col, "error-after-missing-include", m);
      } else if (!fe_c__is_syntax(d)) {
        /* A semantic error (an identifier a build flag would define, a type
         * mismatch) leaves a complete syntax tree: lower it, and say so. */
        if (room) ir_add_diag(u, AS_DIAG_WARNING, line, col, "semantic-error", m);
      } else {
        ir_loc at = {line, col};
        as_array_push(&self->errors, at);
        if (++nsyntax <= FE_C_MAX_SYNTAX && room) {
          char *text = as_sprintf("%s; the rest of the file is analysed", m);
          last_syntax = u->ndiags;
          ir_add_diag(u, AS_DIAG_ERROR, line, col, "parse-error", text);
          free(text);
        }
      }
    } else if (room) {
      bool seen = false;
      for (size_t j = 0; j < headers.len && !seen; j++)
        seen = file && clang_File_isEqual(headers.items[j], file);
      if (!seen) {
        if (file) as_array_push(&headers, file);
        CXString fname = file ? clang_getFileName(file) : (CXString){0};
        const char *fn = file ? clang_getCString(fname) : "<command line>";
        char *text = as_sprintf("%s:%u:%u: %s", fn ? fn : "?", line, col, m);
        ir_add_diag(u, AS_DIAG_WARNING, 0, 0, "header-error", text);
        free(text);
        if (file) clang_disposeString(fname);
      }
    }
    clang_disposeString(msg);
    clang_disposeDiagnostic(d);
  }
  uint32_t shown = nsyntax < FE_C_MAX_SYNTAX ? nsyntax : FE_C_MAX_SYNTAX;
  if (nsyntax > shown && last_syntax < u->ndiags) {
    as_diag *d = &u->diags[last_syntax];
    char *text = as_sprintf("%s (%u more syntax error%s)", d->message, nsyntax - shown,
                            nsyntax - shown == 1 ? "" : "s");
    d->message = as_arena_strdup(u->arena, text);
    free(text);
  }
  as_array_free(&headers);
}

/* ---- entry points ---------------------------------------------------------- */

static bool fe_c__is_dir(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *fe_c__dirname(const char *p) {
  const char *slash = strrchr(p, '/');
  if (!slash) return as_strdup(".");
  if (slash == p) return as_strdup("/");
  return as_strndup(p, (size_t)(slash - p));
}

ir_unit *fe_c_lower(as_intern *strings, const char *relpath, const char *abspath, const char *src,
                    size_t len, const char *const *args, int nargs) {
  pthread_once(&fe_c__once, fe_c__init);
  ir_unit *unit = ir_unit_new(strings, relpath, "c", relpath);

  AS_ARRAY(char *) owned = {0}; /* strings built for the default arguments */
  AS_ARRAY(const char *) argv = {0};
  if (args) {
    for (int i = 0; i < nargs; i++)
      as_array_push(&argv, args[i]);
  } else {
    char *dir = fe_c__dirname(abspath);
    char *parent = fe_c__dirname(dir);
    char *inc = as_sprintf("%s/include", parent);
    as_array_push(&owned, as_sprintf("-I%s", dir));
    as_array_push(&owned, as_sprintf("-I%s", parent));
    if (strcmp(inc, dir) != 0 && fe_c__is_dir(inc)) as_array_push(&owned, as_sprintf("-I%s", inc));
    free(inc);
    free(parent);
    free(dir);
    as_array_push(&argv, "-std=c11");
    for (size_t i = 0; i < owned.len; i++)
      as_array_push(&argv, owned.items[i]);
    as_array_push(&argv, "-x");
    as_array_push(&argv, "c");
  }
  if (fe_c__builtin_include) {
    as_array_push(&argv, "-isystem");
    as_array_push(&argv, fe_c__builtin_include);
  }

  struct CXUnsavedFile uf = {abspath, src ? src : "", src ? (unsigned long)len : 0};
  CXTranslationUnit tu = NULL;
  enum CXErrorCode err = clang_parseTranslationUnit2(
      fe_c__index, abspath, argv.items, (int)argv.len, &uf, 1,
      CXTranslationUnit_KeepGoing | CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles, &tu);
  for (size_t i = 0; i < owned.len; i++)
    free(owned.items[i]);
  as_array_free(&owned);
  as_array_free(&argv);
  if (err != CXError_Success || !tu) {
    char msg[96];
    snprintf(msg, sizeof msg, "libclang could not parse the file (error %d)", (int)err);
    unit->failed = true;
    ir_add_diag(unit, AS_DIAG_ERROR, 0, 0, "parse-error", msg);
    return unit;
  }

  fe_c__ctx ctx = {.unit = unit, .tu = tu, .src = src ? src : "", .len = src ? len : 0};
  fe_c__diagnostics(&ctx);
  fe_c__toplevel(&ctx, clang_getTranslationUnitCursor(tu));
  as_array_free(&ctx.errors);
  clang_disposeTranslationUnit(tu);
  return unit;
}

/* ---- compilation database -------------------------------------------------- */

static char *fe_c__join(const char *dir, const char *p) {
  if (p[0] == '/' || !dir || !dir[0]) return as_strdup(p);
  return as_sprintf("%s/%s", dir, p);
}

static bool fe_c__same_file(const char *dir, const char *arg, const char *abspath,
                            const char *filename) {
  if (strcmp(arg, filename) == 0 || strcmp(arg, abspath) == 0) return true;
  char *a = fe_c__join(dir, arg);
  char *ra = realpath(a, NULL), *rb = realpath(abspath, NULL);
  bool same = strcmp(a, abspath) == 0 || (ra && rb && strcmp(ra, rb) == 0);
  free(a);
  free(ra);
  free(rb);
  return same;
}

int fe_c_compdb_args(const char *dir, const char *abspath, char ***args, int *nargs) {
  *args = NULL;
  *nargs = 0;
  char *json = as_sprintf("%s/compile_commands.json", dir);
  struct stat st;
  bool have = stat(json, &st) == 0;
  free(json);
  if (!have) return -1; /* libclang would print its own error to stderr */
  CXCompilationDatabase_Error err;
  CXCompilationDatabase db = clang_CompilationDatabase_fromDirectory(dir, &err);
  if (err != CXCompilationDatabase_NoError || !db) return -1;
  CXCompileCommands cmds = clang_CompilationDatabase_getCompileCommands(db, abspath);
  if (!cmds || clang_CompileCommands_getSize(cmds) == 0) {
    if (cmds) clang_CompileCommands_dispose(cmds);
    clang_CompilationDatabase_dispose(db);
    return -1;
  }
  CXCompileCommand cmd = clang_CompileCommands_getCommand(cmds, 0);
  CXString cdir = clang_CompileCommand_getDirectory(cmd);
  CXString cfile = clang_CompileCommand_getFilename(cmd);
  const char *wd = clang_getCString(cdir) ? clang_getCString(cdir) : "";
  const char *file = clang_getCString(cfile) ? clang_getCString(cfile) : "";
  static const char *const path_opts[] = {"-I", "-isystem", "-iquote", "-idirafter"};
  AS_ARRAY(char *) out = {0};
  unsigned n = clang_CompileCommand_getNumArgs(cmd);
  for (unsigned i = 1; i < n; i++) {
    CXString s = clang_CompileCommand_getArg(cmd, i);
    const char *a = clang_getCString(s) ? clang_getCString(s) : "";
    char *keep = NULL;
    if (strcmp(a, "--") == 0) { /* only input files follow */
      clang_disposeString(s);
      break;
    } else if (strcmp(a, "-c") == 0) {
      /* dropped */
    } else if (strcmp(a, "-o") == 0) {
      i++; /* and its value */
    } else if (strncmp(a, "-o", 2) == 0) {
      /* -ofile */
    } else if (a[0] != '-' && fe_c__same_file(wd, a, abspath, file)) {
      /* the source file itself */
    } else {
      for (size_t j = 0; j < sizeof path_opts / sizeof *path_opts && !keep; j++) {
        size_t ol = strlen(path_opts[j]);
        if (strncmp(a, path_opts[j], ol) != 0) continue;
        if (a[ol] == '\0' && i + 1 < n) { /* "-I dir" */
          CXString v = clang_CompileCommand_getArg(cmd, ++i);
          char *p = fe_c__join(wd, clang_getCString(v));
          as_array_push(&out, as_strdup(a));
          keep = p;
          clang_disposeString(v);
        } else if (a[ol] != '\0' && strcmp(path_opts[j], "-I") == 0) { /* "-Idir" */
          char *p = fe_c__join(wd, a + ol);
          keep = as_sprintf("-I%s", p);
          free(p);
        }
      }
      if (!keep) keep = as_strdup(a);
    }
    if (keep) as_array_push(&out, keep);
    clang_disposeString(s);
  }
  clang_disposeString(cdir);
  clang_disposeString(cfile);
  clang_CompileCommands_dispose(cmds);
  clang_CompilationDatabase_dispose(db);
  *args = out.items;
  *nargs = (int)out.len;
  if (!out.items) *args = as_calloc(1, sizeof(char *));
  return 0;
}

void fe_c_free_args(char **args, int nargs) {
  if (!args) return;
  for (int i = 0; i < nargs; i++)
    free(args[i]);
  free(args);
}
