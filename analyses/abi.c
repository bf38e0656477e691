/* abi.c — the exported declarations of C headers through libclang, as contract
 * items, and their classifier (abidiff's notion of a change). */
#include "abi.h"

#include <clang-c/Index.h>
#include <ctype.h>
#include <errno.h>
#include <glob.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- spelling types ----------------------------------------------------------- */

static char *an_abi__str(CXString s) {
  const char *c = clang_getCString(s);
  char *r = as_strdup(c ? c : "");
  clang_disposeString(s);
  return r;
}

static bool an_abi__ends_with(const as_buf *b, const char *s) {
  size_t n = strlen(s);
  return b->len >= n && memcmp(b->data + b->len - n, s, n) == 0;
}

static void an_abi__truncate(as_buf *b, size_t len) {
  b->len = len;
  b->data[len] = '\0';
}

/* clang spells an anonymous record "struct S::(unnamed at t.h:5:48)" or
 * "union (anonymous at ...)": keys and values must not carry a position, so
 * the whole qualified name becomes "(anonymous)". Takes s. */
static char *an_abi__clean(char *s) {
  if (!strstr(s, "(anonymous") && !strstr(s, "(unnamed")) return s;
  as_buf b = {0};
  as_buf_puts(&b, "");
  for (const char *p = s; *p;) {
    if (*p == '(' && (strncmp(p, "(anonymous", 10) == 0 || strncmp(p, "(unnamed", 8) == 0)) {
      while (an_abi__ends_with(&b, "::")) { /* drop the qualifiers "S::" or "(anonymous)::" */
        size_t len = b.len - 2;
        if (len >= 11 && memcmp(b.data + len - 11, "(anonymous)", 11) == 0)
          len -= 11;
        else
          while (len && (isalnum((unsigned char)b.data[len - 1]) || b.data[len - 1] == '_'))
            len--;
        an_abi__truncate(&b, len);
      }
      const char *q = strchr(p, ')');
      as_buf_puts(&b, "(anonymous)");
      p = q ? q + 1 : p + strlen(p);
      continue;
    }
    as_buf_putc(&b, *p++);
  }
  free(s);
  return b.data;
}

/* The canonical spelling of t (malloc'd). */
static char *an_abi__spell(CXType t) {
  return an_abi__clean(an_abi__str(clang_getTypeSpelling(clang_getCanonicalType(t))));
}

static bool an_abi__is_array(enum CXTypeKind k) {
  return k == CXType_ConstantArray || k == CXType_IncompleteArray || k == CXType_VariableArray ||
         k == CXType_DependentSizedArray;
}

static bool an_abi__is_function(enum CXTypeKind k) {
  return k == CXType_FunctionProto || k == CXType_FunctionNoProto;
}

/* "T *" for a pointee spelled s of kind k: "char *" "char **" "int (*)[4]"
 * "int (*)(int)" "int (**)(void)". Takes s. */
static char *an_abi__pointer_to(char *s, enum CXTypeKind k) {
  as_buf b = {0};
  const char *at = an_abi__is_function(k) ? strchr(s, '(')
                   : an_abi__is_array(k)  ? strchr(s, '[')
                                          : NULL;
  const char *fp = strstr(s, "(*");
  if (at) {
    size_t n = (size_t)(at - s);
    while (n && s[n - 1] == ' ')
      n--;
    as_buf_put(&b, s, n);
    as_buf_printf(&b, " (*)%s", at);
  } else if (fp) {
    as_buf_put(&b, s, (size_t)(fp - s) + 2);
    as_buf_printf(&b, "*%s", fp + 2);
  } else {
    size_t n = strlen(s);
    as_buf_printf(&b, "%s%s", s, n && s[n - 1] == '*' ? "*" : " *");
  }
  free(s);
  return b.data;
}

/* t's canonical spelling without its top-level qualifiers, which the ABI
 * does not see on a parameter or a return type ("const int" is "int",
 * "char *const" "char *"). */
static char *an_abi__spell_unqualified(CXType t) {
  CXType c = clang_getCanonicalType(t);
  if (!clang_isConstQualifiedType(c) && !clang_isVolatileQualifiedType(c) &&
      !clang_isRestrictQualifiedType(c))
    return an_abi__spell(c);
  if (c.kind == CXType_Pointer) {
    CXType pointee = clang_getCanonicalType(clang_getPointeeType(c));
    return an_abi__pointer_to(an_abi__spell(pointee), pointee.kind);
  }
  char *s = an_abi__spell(c), *p = s;
  for (bool more = true; more;) { /* clang spells them first: "const volatile int" */
    more = false;
    static const char *const quals[] = {"const ", "volatile ", "restrict ", NULL};
    for (size_t i = 0; quals[i]; i++)
      if (strncmp(p, quals[i], strlen(quals[i])) == 0) {
        p += strlen(quals[i]);
        more = true;
      }
  }
  char *r = as_strdup(p);
  free(s);
  return r;
}

/* A parameter's type as the ABI sees it: libclang gives the declared type,
 * so arrays and functions are decayed to pointers here ("const char[4]"
 * becomes "const char *", "int[3][4]" "int (*)[4]", "int (int)" "int
 * (*)(int)"), and top-level qualifiers dropped. */
static char *an_abi__spell_param(CXType t) {
  CXType c = clang_getCanonicalType(t);
  if (an_abi__is_function(c.kind)) return an_abi__pointer_to(an_abi__spell(c), c.kind);
  if (!an_abi__is_array(c.kind)) return an_abi__spell_unqualified(c);
  /* clang keeps an array's qualifiers on the array, not on its element */
  CXType e = clang_getCanonicalType(clang_getArrayElementType(c));
  char *es = an_abi__spell(e);
  const char *q = clang_isConstQualifiedType(c) && !clang_isConstQualifiedType(e) ? "const" : "";
  const char *v =
      clang_isVolatileQualifiedType(c) && !clang_isVolatileQualifiedType(e) ? "volatile" : "";
  if (*q || *v) {
    as_buf b = {0};
    if (e.kind == CXType_Pointer) /* "char *const" */
      as_buf_printf(&b, "%s%s%s%s%s", es, *q ? " " : "", q, *v ? " " : "", v);
    else /* "const char" */
      as_buf_printf(&b, "%s%s%s%s%s", q, *q ? " " : "", v, *v ? " " : "", es);
    free(es);
    es = b.data;
  }
  return an_abi__pointer_to(es, e.kind);
}

static bool an_abi__unsigned(CXType t) {
  switch (clang_getCanonicalType(t).kind) {
  case CXType_Bool:
  case CXType_Char_U:
  case CXType_UChar:
  case CXType_UShort:
  case CXType_UInt:
  case CXType_ULong:
  case CXType_ULongLong:
  case CXType_UInt128:
    return true;
  default:
    return false;
  }
}

/* "T name" as C declares it: "char *buf", "char buf[4]", "int (*fn)(void)". */
static void an_abi__declarator(as_buf *out, const char *type, const char *name) {
  const char *fp = strstr(type, "(*)"), *br = strchr(type, '[');
  if (fp) {
    as_buf_printf(out, "%.*s(*%s)%s", (int)(fp - type), type, name, fp + 3);
  } else if (br) {
    size_t n = (size_t)(br - type);
    while (n && type[n - 1] == ' ')
      n--;
    as_buf_printf(out, "%.*s%s%s%s", (int)n, type, n && type[n - 1] == '*' ? "" : " ", name, br);
  } else {
    size_t n = strlen(type);
    as_buf_printf(out, "%s%s%s", type, n && type[n - 1] == '*' ? "" : " ", name);
  }
}

/* ---- extraction ------------------------------------------------------------------ */

typedef AS_ARRAY(char *) an_abi__names;

typedef struct an_abi__pending {
  char *kind, *key, *value, *display;
  const char *path; /* a relpath of the call */
  uint32_t line;
} an_abi__pending;

/* Items are collected first and added to the set at the end, once per
 * (kind, key): a record declared opaque by one header and defined by a later
 * one ends up defined. */
typedef struct an_abi__ctx {
  const char *relpath; /* of the header being read */
  as_intern *keys;     /* "kind\nkey" */
  as_ptrmap index;     /* interned "kind\nkey" -> 1 + position in items */
  AS_ARRAY(an_abi__pending) items;
} an_abi__ctx;

static uint32_t an_abi__line(CXCursor c) {
  unsigned line = 0;
  clang_getSpellingLocation(clang_getCursorLocation(c), NULL, &line, NULL, NULL);
  return line;
}

/* Add (kind, key) once, at its first declaration; only an opaque record's
 * item is replaced, by its definition. Takes value and display. */
static void an_abi__add(an_abi__ctx *self, CXCursor at, const char *kind, const char *key,
                        char *value, char *display) {
  as_buf k = {0};
  as_buf_printf(&k, "%s\n%s", kind, key);
  void **slot = as_ptrmap_slot(&self->index, as_intern_str(self->keys, k.data));
  as_buf_free(&k);
  an_abi__pending p = {as_strdup(kind), as_strdup(key), value,
                       display,         self->relpath,  an_abi__line(at)};
  if (!*slot) {
    as_array_push(&self->items, p);
    *slot = (void *)(uintptr_t)self->items.len;
    return;
  }
  an_abi__pending *old = &self->items.items[(uintptr_t)*slot - 1];
  if (strcmp(old->value, "opaque=1") == 0 && strcmp(value, "opaque=1") != 0) {
    an_abi__pending t = *old;
    *old = p;
    p = t;
  }
  free(p.kind);
  free(p.key);
  free(p.value);
  free(p.display);
}

static bool an_abi__exported(CXCursor c) {
  return clang_getCursorLinkage(c) == CXLinkage_External &&
         clang_Cursor_getStorageClass(c) != CX_SC_Static &&
         clang_getCursorVisibility(c) != CXVisibility_Hidden;
}

static void an_abi__function(an_abi__ctx *self, CXCursor c) {
  if (!an_abi__exported(c)) return;
  char *name = an_abi__str(clang_getCursorSpelling(c));
  CXType ft = clang_getCursorType(c);
  char *ret = an_abi__spell_unqualified(clang_getResultType(ft));
  as_buf params = {0};
  as_buf_puts(&params, "");
  int n = clang_getNumArgTypes(ft);
  for (int i = 0; i < n; i++) {
    CXType t = clang_getArgType(ft, (unsigned)i);
    char *p = an_abi__spell_param(t);
    as_buf_printf(&params, "%s%s", i ? ", " : "", p);
    free(p);
  }
  bool noproto = clang_getCanonicalType(ft).kind == CXType_FunctionNoProto;
  bool variadic = clang_isFunctionTypeVariadic(ft) != 0;
  as_buf value = {0}, display = {0};
  as_buf_printf(&value, "return=%s\nparams=%s\nvariadic=%d", ret, params.data, variadic);
  as_buf_printf(&display, "%s %s(%s%s)", ret, name,
                noproto               ? ""
                : n == 0 && !variadic ? "void"
                                      : params.data,
                noproto || !variadic ? ""
                : n                  ? ", ..."
                                     : "...");
  an_abi__add(self, c, "c.function", name, value.data, display.data);
  as_buf_free(&params);
  free(ret);
  free(name);
}

static void an_abi__variable(an_abi__ctx *self, CXCursor c) {
  if (!an_abi__exported(c)) return;
  if (clang_getCursorKind(clang_getCursorSemanticParent(c)) != CXCursor_TranslationUnit) return;
  char *name = an_abi__str(clang_getCursorSpelling(c));
  char *type = an_abi__spell(clang_getCursorType(c));
  as_buf value = {0}, display = {0};
  as_buf_printf(&value, "type=%s", type);
  an_abi__declarator(&display, type, name);
  an_abi__add(self, c, "c.variable", name, value.data, display.data);
  free(type);
  free(name);
}

/* "struct S", "union U", "enum E"; a record or enum that is anonymous but has
 * a typedef name is spelled by clang with that name, and keyed by it; NULL
 * for one with no name at all. */
static char *an_abi__type_key(CXCursor c) {
  enum CXCursorKind k = clang_getCursorKind(c);
  const char *tag = k == CXCursor_StructDecl  ? "struct"
                    : k == CXCursor_UnionDecl ? "union"
                                              : "enum";
  char *name = an_abi__str(clang_getCursorSpelling(c));
  if (name[0]) {
    as_buf b = {0};
    as_buf_printf(&b, "%s %s", tag, name);
    free(name);
    return b.data;
  }
  free(name);
  if (clang_Cursor_isAnonymous(c)) return NULL;
  char *spelled = an_abi__spell(clang_getCursorType(c));
  if (!spelled[0] || strchr(spelled, '(') || strchr(spelled, ' ')) {
    free(spelled);
    return NULL;
  }
  return spelled;
}

typedef struct an_abi__fields {
  an_abi__ctx *self;
  const char *prefix; /* "struct S" or "struct S.pos" */
  long long base;     /* bits from the start of the outermost record */
} an_abi__fields;

static enum CXVisitorResult an_abi__field(CXCursor f, CXClientData data);

static void an_abi__visit_fields(an_abi__ctx *self, CXType record, const char *prefix,
                                 long long base) {
  an_abi__fields fv = {self, prefix, base};
  clang_Type_visitFields(clang_getCanonicalType(record), an_abi__field, &fv);
}

static enum CXVisitorResult an_abi__field(CXCursor f, CXClientData data) {
  an_abi__fields *fv = data;
  long long off = clang_Cursor_getOffsetOfField(f);
  if (off >= 0) off += fv->base;
  CXType ft = clang_getCursorType(f);
  CXCursor decl = clang_getTypeDeclaration(clang_getCanonicalType(ft));
  enum CXCursorKind dk = clang_getCursorKind(decl);
  bool anon_record =
      (dk == CXCursor_StructDecl || dk == CXCursor_UnionDecl) && clang_Cursor_isAnonymous(decl);
  char *name = an_abi__str(clang_getCursorSpelling(f));
  if (!name[0]) { /* an unnamed member record: its fields are the outer one's */
    if (anon_record) an_abi__visit_fields(fv->self, ft, fv->prefix, off);
    free(name);
    return CXVisit_Continue;
  }
  as_buf key = {0}, value = {0}, display = {0};
  as_buf_printf(&key, "%s.%s", fv->prefix, name);
  char *type = an_abi__spell(ft);
  as_buf_printf(&value, "offset=%lld\ntype=%s", off, type);
  as_buf_printf(&display, "%s: %s", key.data, type);
  if (clang_Cursor_isBitField(f)) {
    int w = clang_getFieldDeclBitWidth(f);
    as_buf_printf(&value, "\nbits=%d", w);
    as_buf_printf(&display, " : %d", w);
  }
  an_abi__add(fv->self, f, "c.field", key.data, value.data, display.data);
  if (anon_record) an_abi__visit_fields(fv->self, ft, key.data, off);
  free(type);
  as_buf_free(&key);
  free(name);
  return CXVisit_Continue;
}

static void an_abi__record(an_abi__ctx *self, CXCursor c) {
  char *key = an_abi__type_key(c);
  if (!key) return;
  if (clang_isCursorDefinition(c)) {
    CXType t = clang_getCursorType(c);
    long long size = clang_Type_getSizeOf(t), align = clang_Type_getAlignOf(t);
    as_buf value = {0};
    if (size >= 0 && align >= 0)
      as_buf_printf(&value, "size=%lld\nalign=%lld", size, align);
    else
      as_buf_puts(&value, "size=invalid\nalign=invalid");
    an_abi__add(self, c, "c.type", key, value.data, as_strdup(key));
    an_abi__visit_fields(self, t, key, 0);
  } else if (clang_Cursor_isNull(clang_getCursorDefinition(c))) { /* defined nowhere */
    an_abi__add(self, c, "c.type", key, as_strdup("opaque=1"), as_strdup(key));
  }
  free(key);
}

typedef struct an_abi__enumv {
  an_abi__ctx *self;
  const char *prefix;
  bool is_unsigned;
} an_abi__enumv;

static enum CXChildVisitResult an_abi__constant(CXCursor c, CXCursor parent, CXClientData data) {
  an_abi__enumv *ev = data;
  if (clang_getCursorKind(c) != CXCursor_EnumConstantDecl) return CXChildVisit_Continue;
  char *name = an_abi__str(clang_getCursorSpelling(c));
  as_buf key = {0}, value = {0}, display = {0};
  as_buf_printf(&key, "%s.%s", ev->prefix, name);
  if (ev->is_unsigned) {
    as_buf_printf(&value, "value=%llu", clang_getEnumConstantDeclUnsignedValue(c));
    as_buf_printf(&display, "%s = %llu", name, clang_getEnumConstantDeclUnsignedValue(c));
  } else {
    as_buf_printf(&value, "value=%lld", clang_getEnumConstantDeclValue(c));
    as_buf_printf(&display, "%s = %lld", name, clang_getEnumConstantDeclValue(c));
  }
  an_abi__add(ev->self, c, "c.enum-constant", key.data, value.data, display.data);
  as_buf_free(&key);
  free(name);
  return CXChildVisit_Continue;
}

static void an_abi__enum(an_abi__ctx *self, CXCursor c) {
  if (!clang_isCursorDefinition(c)) return;
  char *key = an_abi__type_key(c);
  CXType it = clang_getEnumDeclIntegerType(c);
  if (key) {
    char *u = an_abi__spell(it);
    as_buf value = {0};
    as_buf_printf(&value, "underlying=%s", u);
    an_abi__add(self, c, "c.type", key, value.data, as_strdup(key));
    free(u);
  }
  an_abi__enumv ev = {self, key ? key : "enum ", an_abi__unsigned(it)};
  clang_visitChildren(c, an_abi__constant, &ev);
  free(key);
}

static void an_abi__typedef(an_abi__ctx *self, CXCursor c) {
  char *name = an_abi__str(clang_getCursorSpelling(c));
  CXType u = clang_getTypedefDeclUnderlyingType(c);
  char *type = an_abi__spell(u);
  /* a typedef naming an anonymous record or enum: the c.type item is keyed by
   * this name already */
  if (strcmp(type, name) != 0) {
    as_buf value = {0}, display = {0};
    as_buf_printf(&value, "type=%s", type);
    as_buf_puts(&display, "typedef ");
    an_abi__declarator(&display, type, name);
    an_abi__add(self, c, "c.typedef", name, value.data, display.data);
  }
  free(type);
  free(name);
}

static enum CXChildVisitResult an_abi__visit(CXCursor c, CXCursor parent, CXClientData data) {
  an_abi__ctx *self = data;
  enum CXCursorKind k = clang_getCursorKind(c);
  bool mine = clang_Location_isFromMainFile(clang_getCursorLocation(c)) != 0;
  switch (k) {
  case CXCursor_FunctionDecl: /* not into parameters or bodies */
    if (mine) an_abi__function(self, c);
    return CXChildVisit_Continue;
  case CXCursor_VarDecl:
    if (mine) an_abi__variable(self, c);
    return CXChildVisit_Continue;
  case CXCursor_StructDecl:
  case CXCursor_UnionDecl: /* and into it: C's nested records are file-scope */
    if (mine) an_abi__record(self, c);
    return mine ? CXChildVisit_Recurse : CXChildVisit_Continue;
  case CXCursor_EnumDecl:
    if (mine) an_abi__enum(self, c);
    return CXChildVisit_Continue;
  case CXCursor_TypedefDecl: /* and into it: "typedef struct {...} T" */
    if (mine) an_abi__typedef(self, c);
    return mine ? CXChildVisit_Recurse : CXChildVisit_Continue;
  default:
    return CXChildVisit_Continue;
  }
}

/* ---- diagnostics and arguments --------------------------------------------------- */

static void an_abi__diag(as_diag **diags, size_t *ndiags, const char *path, unsigned line,
                         unsigned col, const char *message) {
  *diags = as_realloc(*diags, (*ndiags + 1) * sizeof(**diags));
  (*diags)[(*ndiags)++] =
      (as_diag){AS_DIAG_WARNING, as_strdup(path), line, col, "abi-parse", as_strdup(message)};
}

void an_abi_diags_free(as_diag *diags, size_t ndiags) {
  if (!diags) return;
  for (size_t i = 0; i < ndiags; i++) {
    free((char *)diags[i].path);
    free((char *)diags[i].message);
  }
  free(diags);
}

/* The errors of tu, as diagnostics on relpath (or on the file under root, an
 * absolute path, they are in). */
static void an_abi__errors(CXTranslationUnit tu, const char *root, const char *full,
                           const char *relpath, as_diag **diags, size_t *ndiags) {
  CXFile main_file = clang_getFile(tu, full);
  size_t rl = strlen(root);
  for (unsigned i = 0, n = clang_getNumDiagnostics(tu); i < n; i++) {
    CXDiagnostic d = clang_getDiagnostic(tu, i);
    if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
      CXFile file = NULL;
      unsigned line = 0, col = 0;
      clang_getSpellingLocation(clang_getDiagnosticLocation(d), &file, &line, &col, NULL);
      char *fname = file ? an_abi__str(clang_getFileName(file)) : NULL;
      const char *path = relpath;
      if (file && !(main_file && clang_File_isEqual(file, main_file))) {
        if (strncmp(fname, root, rl) == 0 && fname[rl] == '/')
          path = fname + rl + 1;
        else
          line = col = 0; /* outside the root: said on the header */
      }
      char *msg = an_abi__str(clang_getDiagnosticSpelling(d));
      an_abi__diag(diags, ndiags, path, line, col, msg);
      free(msg);
      free(fname);
    }
    clang_disposeDiagnostic(d);
  }
}

/* -isystem DIR when libclang does not find its own builtin headers (a
 * libclang without its resource folder): the installed clang's include
 * folder, preferring the version libclang reports. NULL when not needed or
 * not found; malloc'd. */
static char *an_abi__builtin_include(CXIndex index) {
  static const char probe[] = "#include <stddef.h>\nsize_t an_abi_probe;\n";
  struct CXUnsavedFile uf = {"/assay-abi-probe.c", probe, sizeof probe - 1};
  const char *args[] = {"-x", "c", "-std=c11"};
  CXTranslationUnit tu = NULL;
  bool ok = false;
  if (clang_parseTranslationUnit2(index, uf.Filename, args, 3, &uf, 1, CXTranslationUnit_KeepGoing,
                                  &tu) == CXError_Success) {
    ok = true;
    for (unsigned i = 0, n = clang_getNumDiagnostics(tu); i < n; i++) {
      CXDiagnostic d = clang_getDiagnostic(tu, i);
      if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) ok = false;
      clang_disposeDiagnostic(d);
    }
    clang_disposeTranslationUnit(tu);
  }
  if (ok) return NULL;
  glob_t g;
  if (glob("/usr/lib/llvm-*/lib/clang/*/include/stddef.h", 0, NULL, &g) != 0) return NULL;
  char *version = an_abi__str(clang_getClangVersion()), want[32] = "";
  const char *p = strstr(version, "version ");
  if (p) snprintf(want, sizeof want, "/llvm-%d/", atoi(p + 8));
  const char *found = NULL;
  for (size_t i = 0; i < g.gl_pathc && !found; i++)
    if (want[0] && strstr(g.gl_pathv[i], want)) found = g.gl_pathv[i];
  if (!found && g.gl_pathc) found = g.gl_pathv[0];
  char *dir = found ? as_strndup(found, strlen(found) - strlen("/stddef.h")) : NULL;
  free(version);
  globfree(&g);
  return dir;
}

/* args[j], with the relative path of an include option made absolute under
 * root: "-Iinclude", "-I" "include", "-isystem" "x", "-include" "config.h"
 * (also -iquote, -idirafter). New strings go to owned. */
static const char *an_abi__arg(an_abi__names *owned, const char *root, const char *const *args,
                               int j) {
  static const char *const opts[] = {"-I", "-iquote", "-isystem", "-idirafter", "-include", NULL};
  const char *a = args[j], *path = NULL;
  for (size_t k = 0; opts[k] && !path; k++) {
    size_t n = strlen(opts[k]);
    if (j > 0 && strcmp(args[j - 1], opts[k]) == 0)
      path = a; /* the path of "-I" "include" */
    else if (strncmp(a, opts[k], n) == 0 && a[n] && strcmp(opts[k], "-include") != 0)
      path = a + n; /* "-Iinclude" */
  }
  if (!path || !path[0] || path[0] == '/') return a;
  as_buf b = {0};
  as_buf_printf(&b, "%.*s%s/%s", (int)(path - a), a, root, path);
  as_array_push(owned, b.data);
  return b.data;
}

int an_abi_extract(const char *root, const char *const *relpaths, size_t n, const char *const *args,
                   int nargs, const char *service, an_contract_set *out, as_diag **diags,
                   size_t *ndiags) {
  /* root made absolute, and relative include paths with it: clang's own
   * -working-directory would chdir the whole process */
  char *absroot = realpath(root && root[0] ? root : ".", NULL);
  if (!absroot) absroot = as_strdup(root && root[0] ? root : ".");
  CXIndex index = clang_createIndex(0, 0);
  char *builtin = an_abi__builtin_include(index);
  an_abi__ctx ctx = {0};
  ctx.keys = as_intern_new();
  for (size_t i = 0; i < n; i++) {
    as_buf full = {0}, incdir = {0};
    an_abi__names owned = {0};
    as_buf_printf(&full, "%s/%s", absroot, relpaths[i]);
    FILE *f = fopen(full.data, "r");
    if (!f) {
      as_buf msg = {0};
      as_buf_printf(&msg, "cannot read: %s", strerror(errno));
      an_abi__diag(diags, ndiags, relpaths[i], 0, 0, msg.data);
      as_buf_free(&msg);
      as_buf_free(&full);
      continue;
    }
    fclose(f);
    AS_ARRAY(const char *) argv = {0};
    if (!args || nargs <= 0) {
      const char *slash = strrchr(full.data, '/');
      as_buf_printf(&incdir, "-I%.*s", slash ? (int)(slash - full.data) : 1,
                    slash ? full.data : ".");
      as_array_push(&argv, "-x");
      as_array_push(&argv, "c-header");
      as_array_push(&argv, "-std=c11");
      as_array_push(&argv, incdir.data);
    } else {
      for (int j = 0; j < nargs; j++)
        as_array_push(&argv, an_abi__arg(&owned, absroot, args, j));
    }
    if (builtin) {
      as_array_push(&argv, "-isystem");
      as_array_push(&argv, builtin);
    }
    CXTranslationUnit tu = NULL;
    enum CXErrorCode rc = clang_parseTranslationUnit2(
        index, full.data, argv.items, (int)argv.len, NULL, 0,
        CXTranslationUnit_KeepGoing | CXTranslationUnit_SkipFunctionBodies, &tu);
    if (rc != CXError_Success || !tu) {
      as_buf msg = {0};
      as_buf_printf(&msg, "libclang could not parse the header (error %d)", (int)rc);
      an_abi__diag(diags, ndiags, relpaths[i], 0, 0, msg.data);
      as_buf_free(&msg);
    } else {
      an_abi__errors(tu, absroot, full.data, relpaths[i], diags, ndiags);
      ctx.relpath = relpaths[i];
      clang_visitChildren(clang_getTranslationUnitCursor(tu), an_abi__visit, &ctx);
      clang_disposeTranslationUnit(tu);
    }
    as_array_free(&argv);
    for (size_t j = 0; j < owned.len; j++)
      free(owned.items[j]);
    as_array_free(&owned);
    as_buf_free(&incdir);
    as_buf_free(&full);
  }
  for (size_t i = 0; i < ctx.items.len; i++) {
    an_abi__pending *p = &ctx.items.items[i];
    an_contract_add(out, p->kind, p->key, p->value, p->display, service, p->path, p->line);
    free(p->kind);
    free(p->key);
    free(p->value);
    free(p->display);
  }
  as_array_free(&ctx.items);
  as_ptrmap_free(&ctx.index);
  as_intern_delete(ctx.keys);
  free(builtin);
  free(absroot);
  clang_disposeIndex(index);
  return 0;
}

/* ---- classification --------------------------------------------------------------- */

static const char *an_abi__svc(const an_contract_item *it) {
  return it->service ? it->service : "";
}

static const an_contract_item *an_abi__find(const an_contract_set *set, const char *service,
                                            const char *kind, const char *key) {
  for (size_t i = 0, n = an_contract_count(set); i < n; i++) {
    const an_contract_item *it = an_contract_at(set, i);
    if (strcmp(it->kind, kind) == 0 && strcmp(it->key, key) == 0 &&
        strcmp(an_abi__svc(it), service) == 0)
      return it;
  }
  return NULL;
}

/* The value of attribute name (malloc'd), or NULL: an_contract_attr without
 * a length limit. */
static char *an_abi__attr(const an_contract_item *it, const char *name) {
  size_t nl = strlen(name);
  for (const char *p = it ? it->value : NULL; p && *p;) {
    const char *eol = strchr(p, '\n');
    size_t len = eol ? (size_t)(eol - p) : strlen(p);
    if (len > nl && strncmp(p, name, nl) == 0 && p[nl] == '=')
      return as_strndup(p + nl + 1, len - nl - 1);
    p = eol ? eol + 1 : NULL;
  }
  return NULL;
}

static bool an_abi__same_attr(const an_contract_item *a, const an_contract_item *b,
                              const char *name) {
  char *x = an_abi__attr(a, name), *y = an_abi__attr(b, name);
  bool same = (!x && !y) || (x && y && strcmp(x, y) == 0);
  free(x);
  free(y);
  return same;
}

/* The type a member key belongs to: "struct S" of "struct S.f" / "struct S.pos.x". */
static char *an_abi__owner(const char *key) {
  return as_strndup(key, strcspn(key, "."));
}

/* Every type a canonical spelling mentions: "struct S", "union U", "enum E",
 * and bare identifiers other than C's type keywords (the typedef name of an
 * anonymous record). */
static void an_abi__mentions(const char *s, an_abi__names *out) {
  static const char *const words[] = {
      "const",    "volatile", "restrict", "_Atomic", "signed",    "unsigned",   "char",
      "short",    "int",      "long",     "float",   "double",    "void",       "_Bool",
      "_Complex", "__int128", "_Float16", "__fp16",  "anonymous", "__restrict", NULL};
  const char *tag = NULL;
  size_t taglen = 0;
  for (const char *p = s ? s : ""; *p;) {
    if (!isalpha((unsigned char)*p) && *p != '_') {
      if (*p != ' ') tag = NULL;
      p++;
      continue;
    }
    const char *w = p;
    while (isalnum((unsigned char)*p) || *p == '_')
      p++;
    size_t n = (size_t)(p - w);
    if ((n == 6 && strncmp(w, "struct", 6) == 0) || (n == 5 && strncmp(w, "union", 5) == 0) ||
        (n == 4 && strncmp(w, "enum", 4) == 0)) {
      tag = w;
      taglen = n;
      continue;
    }
    as_buf b = {0};
    if (tag) {
      as_buf_printf(&b, "%.*s %.*s", (int)taglen, tag, (int)n, w);
      tag = NULL;
    } else {
      bool keyword = false;
      for (size_t i = 0; words[i] && !keyword; i++)
        keyword = strlen(words[i]) == n && strncmp(words[i], w, n) == 0;
      if (keyword) continue;
      as_buf_put(&b, w, n);
    }
    as_array_push(out, b.data);
  }
}

static void an_abi__mention_attr(const an_contract_item *it, const char *name, an_abi__names *out) {
  char *v = an_abi__attr(it, name);
  an_abi__mentions(v, out);
  free(v);
}

static int an_abi__cmp_owner(const void *pa, const void *pb) {
  const an_contract_item *a = *(const an_contract_item *const *)pa,
                         *b = *(const an_contract_item *const *)pb;
  size_t na = strcspn(a->key, "."), nb = strcspn(b->key, ".");
  int c = strncmp(a->key, b->key, na < nb ? na : nb);
  return c ? c : (na > nb) - (na < nb);
}

/* Is type (a c.type key) reachable in set from an exported function or
 * variable of service, directly or through fields of reachable records? */
static bool an_abi__reachable(const an_contract_set *set, const char *service, const char *type) {
  an_abi__names work = {0};
  AS_ARRAY(const an_contract_item *) fields = {0};
  for (size_t i = 0, n = an_contract_count(set); i < n; i++) {
    const an_contract_item *it = an_contract_at(set, i);
    if (strcmp(an_abi__svc(it), service) != 0) continue;
    if (strcmp(it->kind, "c.function") == 0) {
      an_abi__mention_attr(it, "return", &work);
      an_abi__mention_attr(it, "params", &work);
    } else if (strcmp(it->kind, "c.variable") == 0) {
      an_abi__mention_attr(it, "type", &work);
    } else if (strcmp(it->kind, "c.field") == 0) {
      as_array_push(&fields, it);
    }
  }
  if (fields.len) qsort(fields.items, fields.len, sizeof(*fields.items), an_abi__cmp_owner);
  as_intern *seen = as_intern_new();
  bool found = false;
  while (work.len) {
    char *t = work.items[--work.len];
    size_t known = as_intern_count(seen);
    as_intern_str(seen, t);
    if (!found && as_intern_count(seen) != known) {
      if (strcmp(t, type) == 0) found = true;
      /* the fields of t: binary search for the first, then walk */
      size_t lo = 0, hi = fields.len, tl = strlen(t);
      while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *k = fields.items[mid]->key;
        size_t kl = strcspn(k, ".");
        int c = strncmp(k, t, kl < tl ? kl : tl);
        if (c < 0 || (c == 0 && kl < tl))
          lo = mid + 1;
        else
          hi = mid;
      }
      for (size_t i = lo; !found && i < fields.len; i++) {
        const char *k = fields.items[i]->key;
        if (strcspn(k, ".") != tl || strncmp(k, t, tl) != 0) break;
        an_abi__mention_attr(fields.items[i], "type", &work);
      }
    }
    free(t);
  }
  as_array_free(&work);
  as_array_free(&fields);
  as_intern_delete(seen);
  return found;
}

/* Breaking when type is reachable in set, potentially breaking otherwise. */
static an_change_class an_abi__reach(const an_contract_set *set, const char *service,
                                     const char *type) {
  return an_abi__reachable(set, service, type) ? AN_CHANGE_BREAKING
                                               : AN_CHANGE_POTENTIALLY_BREAKING;
}

static const char *an_abi__reach_note(an_change_class c) {
  return c == AN_CHANGE_BREAKING ? "reachable from exported functions"
                                 : "not reachable from any exported function";
}

static void an_abi__report(an_contract_changes *out, an_change_class cls, const char *change,
                           const an_contract_item *b, const an_contract_item *a, as_buf *msg) {
  an_contract_report(out, cls, change, b, a, msg->data ? msg->data : "");
  as_buf_free(msg);
}

/* ---- functions and variables ---- */

static void an_abi__classify_function(const an_contract_item *b, const an_contract_item *a,
                                      an_contract_changes *out) {
  as_buf msg = {0};
  if (!a) {
    as_buf_printf(&msg, "%s: function %s removed", b->key, b->display ? b->display : b->key);
    an_abi__report(out, AN_CHANGE_BREAKING, "c.function-removed", b, a, &msg);
    return;
  }
  if (!b) {
    as_buf_printf(&msg, "%s: function %s added", a->key, a->display ? a->display : a->key);
    an_abi__report(out, AN_CHANGE_COMPATIBLE, "c.function-added", b, a, &msg);
    return;
  }
  char *rb = an_abi__attr(b, "return"), *ra = an_abi__attr(a, "return");
  char *pb = an_abi__attr(b, "params"), *pa = an_abi__attr(a, "params");
  bool ret = !an_abi__same_attr(b, a, "return"), par = !an_abi__same_attr(b, a, "params");
  if (ret && par)
    as_buf_printf(&msg, "%s: signature changed from %s to %s", b->key, b->display, a->display);
  else if (ret)
    as_buf_printf(&msg, "%s: return type changed from %s to %s", b->key, rb ? rb : "?",
                  ra ? ra : "?");
  else if (par)
    as_buf_printf(&msg, "%s: parameter types changed from (%s) to (%s)", b->key, pb ? pb : "",
                  pa ? pa : "");
  if (ret || par)
    an_abi__report(out, AN_CHANGE_BREAKING, "c.function-signature-changed", b, a, &msg);
  if (!an_abi__same_attr(b, a, "variadic")) {
    char *vb = an_abi__attr(b, "variadic");
    bool was = vb && strcmp(vb, "1") == 0;
    as_buf_printf(&msg, "%s: changed from %s to %s arguments (%s to %s)", b->key,
                  was ? "variadic" : "fixed", was ? "fixed" : "variadic", b->display, a->display);
    an_abi__report(out, AN_CHANGE_BREAKING, "c.function-variadic-changed", b, a, &msg);
    free(vb);
  }
  free(rb);
  free(ra);
  free(pb);
  free(pa);
}

static void an_abi__classify_variable(const an_contract_item *b, const an_contract_item *a,
                                      an_contract_changes *out) {
  as_buf msg = {0};
  if (!a) {
    as_buf_printf(&msg, "%s: variable %s removed", b->key, b->display ? b->display : b->key);
    an_abi__report(out, AN_CHANGE_BREAKING, "c.variable-removed", b, a, &msg);
  } else if (!b) {
    as_buf_printf(&msg, "%s: variable %s added", a->key, a->display ? a->display : a->key);
    an_abi__report(out, AN_CHANGE_COMPATIBLE, "c.variable-added", b, a, &msg);
  } else {
    char *tb = an_abi__attr(b, "type"), *ta = an_abi__attr(a, "type");
    as_buf_printf(&msg, "%s: variable type changed from %s to %s", b->key, tb ? tb : "?",
                  ta ? ta : "?");
    an_abi__report(out, AN_CHANGE_BREAKING, "c.variable-type-changed", b, a, &msg);
    free(tb);
    free(ta);
  }
}

/* ---- types ---- */

/* "size=16, align=8" from "size=16\nalign=8". */
static void an_abi__value_text(as_buf *msg, const an_contract_item *it) {
  for (const char *p = it->value; *p; p++)
    if (*p == '\n')
      as_buf_puts(msg, ", ");
    else
      as_buf_putc(msg, *p);
}

static void an_abi__classify_type(const an_contract_set *bs, const an_contract_set *as,
                                  const an_contract_item *b, const an_contract_item *a,
                                  an_contract_changes *out) {
  as_buf msg = {0};
  const an_contract_item *it = b ? b : a;
  const char *svc = an_abi__svc(it);
  if (!a || !b) {
    an_change_class cls = a ? AN_CHANGE_COMPATIBLE : an_abi__reach(bs, svc, b->key);
    as_buf_printf(&msg, "%s: type %s (", it->key, a ? "added" : "removed");
    an_abi__value_text(&msg, it);
    as_buf_printf(&msg, ")%s%s", a ? "" : ", ", a ? "" : an_abi__reach_note(cls));
    an_abi__report(out, cls, a ? "c.type-added" : "c.type-removed", b, a, &msg);
    return;
  }
  an_change_class cls = an_abi__reach(as, svc, a->key);
  char *ob = an_abi__attr(b, "opaque"), *oa = an_abi__attr(a, "opaque");
  char *ub = an_abi__attr(b, "underlying"), *ua = an_abi__attr(a, "underlying");
  if (ob || oa) {
    if (oa && ob) {
      /* both opaque and still different: nothing the ABI sees */
    } else if (oa) {
      as_buf_puts(&msg, b->key);
      as_buf_puts(&msg, ": made opaque (was ");
      an_abi__value_text(&msg, b);
      as_buf_printf(&msg, "), %s", an_abi__reach_note(cls));
      an_abi__report(out, cls, "c.type-made-opaque", b, a, &msg);
    } else {
      as_buf_printf(&msg, "%s: defined (was opaque, now ", b->key);
      an_abi__value_text(&msg, a);
      as_buf_puts(&msg, ")");
      an_abi__report(out, AN_CHANGE_COMPATIBLE, "c.type-defined", b, a, &msg);
    }
  } else if (!ub != !ua) {
    as_buf_printf(&msg, "%s: changed from %s to %s (", b->key, ub ? "an enum" : "a record",
                  ua ? "an enum" : "a record");
    an_abi__value_text(&msg, b);
    as_buf_puts(&msg, " to ");
    an_abi__value_text(&msg, a);
    as_buf_printf(&msg, "), %s", an_abi__reach_note(cls));
    an_abi__report(out, cls, "c.type-kind-changed", b, a, &msg);
  } else if (ub) {
    as_buf_printf(&msg, "%s: underlying type changed from %s to %s, %s", b->key, ub, ua,
                  an_abi__reach_note(cls));
    an_abi__report(out, cls, "c.enum-underlying-changed", b, a, &msg);
  } else {
    static const struct {
      const char *attr, *change, *what;
    } layout[] = {{"size", "c.type-size-changed", "size"},
                  {"align", "c.type-alignment-changed", "alignment"}};
    for (size_t i = 0; i < 2; i++) {
      if (an_abi__same_attr(b, a, layout[i].attr)) continue;
      char *x = an_abi__attr(b, layout[i].attr), *y = an_abi__attr(a, layout[i].attr);
      as_buf_printf(&msg, "%s: %s changed from %s to %s bytes, %s", b->key, layout[i].what,
                    x ? x : "?", y ? y : "?", an_abi__reach_note(cls));
      an_abi__report(out, cls, layout[i].change, b, a, &msg);
      free(x);
      free(y);
    }
  }
  free(ob);
  free(oa);
  free(ub);
  free(ua);
}

/* Members of owner are reported one by one only when owner is a defined
 * type of the same kind on both sides (or has no c.type item on either side:
 * an unnamed enum). */
static bool an_abi__members_reported(const an_contract_set *bs, const an_contract_set *as,
                                     const char *svc, const char *owner) {
  const an_contract_item *b = an_abi__find(bs, svc, "c.type", owner),
                         *a = an_abi__find(as, svc, "c.type", owner);
  if (!b && !a) return true;
  if (!b || !a) return false;
  char *ob = an_abi__attr(b, "opaque"), *oa = an_abi__attr(a, "opaque");
  char *ub = an_abi__attr(b, "underlying"), *ua = an_abi__attr(a, "underlying");
  bool r = !ob && !oa && !ub == !ua;
  free(ob);
  free(oa);
  free(ub);
  free(ua);
  return r;
}

/* ---- fields ---- */

/* The fields of owner in `in` with this value that `other` does not have,
 * by key (the set is sorted by the diff, not here). */
static size_t an_abi__orphans(const an_contract_set *in, const an_contract_set *other,
                              const char *svc, const char *owner, const char *value,
                              const an_contract_item ***res) {
  AS_ARRAY(const an_contract_item *) v = {0};
  size_t ol = strlen(owner);
  for (size_t i = 0, n = an_contract_count(in); i < n; i++) {
    const an_contract_item *it = an_contract_at(in, i);
    if (strcmp(it->kind, "c.field") != 0 || strcmp(an_abi__svc(it), svc) != 0) continue;
    if (strncmp(it->key, owner, ol) != 0 || it->key[ol] != '.') continue;
    if (strcmp(it->value, value) != 0) continue;
    if (an_abi__find(other, svc, "c.field", it->key)) continue;
    as_array_push(&v, it);
  }
  for (size_t i = 1; i < v.len; i++) /* insertion sort by key: few */
    for (size_t j = i; j > 0 && strcmp(v.items[j - 1]->key, v.items[j]->key) > 0; j--) {
      const an_contract_item *t = v.items[j];
      v.items[j] = v.items[j - 1];
      v.items[j - 1] = t;
    }
  *res = v.items;
  return v.len;
}

/* The field the removed field b was renamed to (paired k-th to k-th), or for
 * an added field a (b NULL) the removed field it was renamed from; NULL when
 * none. */
static const an_contract_item *an_abi__rename(const an_contract_set *bs, const an_contract_set *as,
                                              const an_contract_item *b,
                                              const an_contract_item *a) {
  const an_contract_item *it = b ? b : a;
  const char *svc = an_abi__svc(it);
  char *owner = an_abi__owner(it->key);
  const an_contract_item **removed, **added, *r = NULL;
  size_t nr = an_abi__orphans(bs, as, svc, owner, it->value, &removed);
  size_t na = an_abi__orphans(as, bs, svc, owner, it->value, &added);
  const an_contract_item **mine = b ? removed : added, **theirs = b ? added : removed;
  size_t nmine = b ? nr : na, ntheirs = b ? na : nr;
  for (size_t k = 0; k < nmine; k++)
    if (mine[k] == it) r = k < ntheirs ? theirs[k] : NULL;
  free(removed);
  free(added);
  free(owner);
  return r;
}

/* A field added without moving anything: the record's size and every other
 * field's offset are the same on both sides. */
static bool an_abi__layout_kept(const an_contract_set *bs, const an_contract_set *as,
                                const char *svc, const char *owner) {
  const an_contract_item *tb = an_abi__find(bs, svc, "c.type", owner),
                         *ta = an_abi__find(as, svc, "c.type", owner);
  if (!tb || !ta || !an_abi__same_attr(tb, ta, "size")) return false;
  size_t ol = strlen(owner);
  for (size_t i = 0, n = an_contract_count(bs); i < n; i++) {
    const an_contract_item *f = an_contract_at(bs, i);
    if (strcmp(f->kind, "c.field") != 0 || strcmp(an_abi__svc(f), svc) != 0) continue;
    if (strncmp(f->key, owner, ol) != 0 || f->key[ol] != '.') continue;
    const an_contract_item *g = an_abi__find(as, svc, "c.field", f->key);
    if (g && !an_abi__same_attr(f, g, "offset")) return false;
  }
  return true;
}

/* "unsigned int" or "unsigned int : 3" */
static void an_abi__field_type(as_buf *msg, const an_contract_item *f) {
  char *t = an_abi__attr(f, "type"), *bits = an_abi__attr(f, "bits");
  as_buf_printf(msg, "%s", t ? t : "?");
  if (bits) as_buf_printf(msg, " : %s", bits);
  free(t);
  free(bits);
}

static void an_abi__classify_field(const an_contract_set *bs, const an_contract_set *as,
                                   const an_contract_item *b, const an_contract_item *a,
                                   an_contract_changes *out) {
  const an_contract_item *it = b ? b : a;
  const char *svc = an_abi__svc(it);
  char *owner = an_abi__owner(it->key);
  as_buf msg = {0};
  if (!an_abi__members_reported(bs, as, svc, owner)) {
    free(owner);
    return;
  }
  if (!a || !b) {
    const an_contract_item *other = an_abi__rename(bs, as, b, a);
    char *off = an_abi__attr(it, "offset");
    if (b && other) {
      as_buf_printf(&msg, "%s: renamed to %s (offset %s bits and type ", b->key,
                    other->key + strlen(owner) + 1, off ? off : "?");
      an_abi__field_type(&msg, b);
      as_buf_puts(&msg, " unchanged), which breaks source using the old name");
      an_abi__report(out, AN_CHANGE_POTENTIALLY_BREAKING, "c.field-renamed", b, other, &msg);
    } else if (b) {
      an_change_class cls = an_abi__reach(bs, svc, owner);
      as_buf_printf(&msg, "%s: field removed (was offset %s bits, type ", b->key, off ? off : "?");
      an_abi__field_type(&msg, b);
      as_buf_printf(&msg, "), %s", an_abi__reach_note(cls));
      an_abi__report(out, cls, "c.field-removed", b, NULL, &msg);
    } else if (!other && an_abi__layout_kept(bs, as, svc, owner)) {
      as_buf_printf(&msg, "%s: field added at offset %s bits (type ", a->key, off ? off : "?");
      an_abi__field_type(&msg, a);
      as_buf_puts(&msg, ") without changing the size or the other fields' offsets");
      an_abi__report(out, AN_CHANGE_COMPATIBLE, "c.field-added", NULL, a, &msg);
    }
    free(off);
    free(owner);
    return;
  }
  an_change_class cls = an_abi__reach(as, svc, owner);
  if (!an_abi__same_attr(b, a, "offset")) {
    char *x = an_abi__attr(b, "offset"), *y = an_abi__attr(a, "offset");
    as_buf_printf(&msg, "%s: offset changed from %s to %s bits, %s", b->key, x ? x : "?",
                  y ? y : "?", an_abi__reach_note(cls));
    an_abi__report(out, cls, "c.field-offset-changed", b, a, &msg);
    free(x);
    free(y);
  }
  if (!an_abi__same_attr(b, a, "type") || !an_abi__same_attr(b, a, "bits")) {
    as_buf_printf(&msg, "%s: type changed from ", b->key);
    an_abi__field_type(&msg, b);
    as_buf_puts(&msg, " to ");
    an_abi__field_type(&msg, a);
    as_buf_printf(&msg, ", %s", an_abi__reach_note(cls));
    an_abi__report(out, cls, "c.field-type-changed", b, a, &msg);
  }
  free(owner);
}

/* ---- enum constants and typedefs ---- */

static void an_abi__classify_constant(const an_contract_set *bs, const an_contract_set *as,
                                      const an_contract_item *b, const an_contract_item *a,
                                      an_contract_changes *out) {
  const an_contract_item *it = b ? b : a;
  char *owner = an_abi__owner(it->key);
  bool reported = an_abi__members_reported(bs, as, an_abi__svc(it), owner);
  free(owner);
  if (!reported) return;
  char *vb = an_abi__attr(b, "value"), *va = an_abi__attr(a, "value");
  as_buf msg = {0};
  if (!a) {
    as_buf_printf(&msg, "%s: enum constant removed (was %s)", b->key, vb ? vb : "?");
    an_abi__report(out, AN_CHANGE_BREAKING, "c.enum-constant-removed", b, a, &msg);
  } else if (!b) {
    as_buf_printf(&msg, "%s: enum constant added (value %s)", a->key, va ? va : "?");
    an_abi__report(out, AN_CHANGE_COMPATIBLE, "c.enum-constant-added", b, a, &msg);
  } else {
    as_buf_printf(&msg, "%s: value changed from %s to %s", b->key, vb ? vb : "?", va ? va : "?");
    an_abi__report(out, AN_CHANGE_BREAKING, "c.enum-value-changed", b, a, &msg);
  }
  free(vb);
  free(va);
}

/* A typedef is reachable when a type its underlying type (on either side)
 * mentions is. */
static bool an_abi__typedef_reachable(const an_contract_set *set, const char *svc,
                                      const an_contract_item *b, const an_contract_item *a) {
  an_abi__names names = {0};
  if (b) an_abi__mention_attr(b, "type", &names);
  if (a) an_abi__mention_attr(a, "type", &names);
  bool r = false;
  for (size_t i = 0; i < names.len; i++) {
    if (!r && an_abi__find(set, svc, "c.type", names.items[i]))
      r = an_abi__reachable(set, svc, names.items[i]);
    free(names.items[i]);
  }
  as_array_free(&names);
  return r;
}

static void an_abi__classify_typedef(const an_contract_set *bs, const an_contract_set *as,
                                     const an_contract_item *b, const an_contract_item *a,
                                     an_contract_changes *out) {
  const an_contract_item *it = b ? b : a;
  const char *svc = an_abi__svc(it);
  char *tb = an_abi__attr(b, "type"), *ta = an_abi__attr(a, "type");
  as_buf msg = {0};
  if (!b) {
    as_buf_printf(&msg, "%s: typedef added (%s)", a->key, ta ? ta : "?");
    an_abi__report(out, AN_CHANGE_COMPATIBLE, "c.typedef-added", b, a, &msg);
  } else {
    an_change_class cls = an_abi__typedef_reachable(a ? as : bs, svc, b, a)
                              ? AN_CHANGE_BREAKING
                              : AN_CHANGE_POTENTIALLY_BREAKING;
    if (!a)
      as_buf_printf(&msg, "%s: typedef removed (was %s), %s", b->key, tb ? tb : "?",
                    an_abi__reach_note(cls));
    else
      as_buf_printf(&msg, "%s: underlying type changed from %s to %s, %s", b->key, tb ? tb : "?",
                    ta ? ta : "?", an_abi__reach_note(cls));
    an_abi__report(out, cls, a ? "c.typedef-changed" : "c.typedef-removed", b, a, &msg);
  }
  free(tb);
  free(ta);
}

void an_abi_classify(const an_contract_set *before_set, const an_contract_set *after_set,
                     const an_contract_item *before, const an_contract_item *after,
                     an_contract_changes *out) {
  const an_contract_item *it = before ? before : after;
  if (!it) return;
  const char *k = it->kind;
  if (strcmp(k, "c.function") == 0)
    an_abi__classify_function(before, after, out);
  else if (strcmp(k, "c.variable") == 0)
    an_abi__classify_variable(before, after, out);
  else if (strcmp(k, "c.type") == 0)
    an_abi__classify_type(before_set, after_set, before, after, out);
  else if (strcmp(k, "c.field") == 0)
    an_abi__classify_field(before_set, after_set, before, after, out);
  else if (strcmp(k, "c.enum-constant") == 0)
    an_abi__classify_constant(before_set, after_set, before, after, out);
  else if (strcmp(k, "c.typedef") == 0)
    an_abi__classify_typedef(before_set, after_set, before, after, out);
  else {
    const char *what = !before ? "added" : !after ? "removed" : "changed";
    as_buf change = {0}, msg = {0};
    as_buf_printf(&change, "%s-%s", k, what);
    as_buf_printf(&msg, "%s %s %s", k, it->display ? it->display : it->key, what);
    an_contract_report(out, before ? AN_CHANGE_POTENTIALLY_BREAKING : AN_CHANGE_COMPATIBLE,
                       change.data, before, after, msg.data);
    as_buf_free(&change);
    as_buf_free(&msg);
  }
}
