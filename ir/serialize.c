/* serialize.c — the cached form of a unit: a versioned little binary format.
 *
 *   "ASIR" u32 version
 *   u32 nstrings { u32 len, bytes }          string table (index 0 = NULL)
 *   str path, str lang, str module, u8 failed
 *   u32 nimports { str alias, str target }
 *   u32 nrecords { str name, loc, decos, u32 nfields { str name, str type, str tag, loc } }
 *   u32 nfuncs { str name, loc, u8 static, decos,
 *                u32 nparams { str name, str type }, str ret_type,
 *                u32 nlocals { str name, str type, loc }, u32 ntemps,
 *                u32 ninsts { u8 op, u16 depth, str dst obj field callee text,
 *                             loc, u32 nargs { str }, u8 named [ nargs { str } ] } }
 *   u32 ndiags { u8 level, u32 line, u32 col, str code, str message }
 *
 * where decos = u32 ndecorators { str }, u32 nattrs { u32 deco, str key, str value }.
 *
 * Integers are written little-endian by hand so the blob is portable.
 */
#include "ir.h"

#include <string.h>

/* ---- writing -------------------------------------------------------------- */

/* Strings in first-use order, each with its 1-based index in the table. */
typedef struct {
  as_ptrmap index; /* interned pointer -> (void *)index */
  AS_ARRAY(const char *) order;
} ir_ser__strmap;

static void ir_ser__u32(as_buf *b, uint32_t v) {
  unsigned char x[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                        (unsigned char)(v >> 24)};
  as_buf_put(b, x, 4);
}

static uint32_t ir_ser__index(ir_ser__strmap *m, const char *s) {
  if (!s) return 0;
  void **slot = as_ptrmap_slot(&m->index, s);
  if (!*slot) {
    as_array_push(&m->order, s);
    *slot = (void *)(uintptr_t)m->order.len;
  }
  return (uint32_t)(uintptr_t)*slot;
}

#define W_STR(s) ir_ser__u32(&body, ir_ser__index(&map, (s)))
#define W_U32(v) ir_ser__u32(&body, (uint32_t)(v))
#define W_U8(v)                                                                                    \
  do {                                                                                             \
    unsigned char c_ = (unsigned char)(v);                                                         \
    as_buf_put(&body, &c_, 1);                                                                     \
  } while (0)
#define W_LOC(l)                                                                                   \
  do {                                                                                             \
    W_U32((l).line);                                                                               \
    W_U32((l).col);                                                                                \
  } while (0)

#define W_DECOS(owner)                                                                             \
  do {                                                                                             \
    W_U32((owner)->ndecorators);                                                                   \
    for (uint32_t d_ = 0; d_ < (owner)->ndecorators; d_++)                                         \
      W_STR((owner)->decorators[d_]);                                                              \
    W_U32((owner)->nattrs);                                                                        \
    for (uint32_t a_ = 0; a_ < (owner)->nattrs; a_++) {                                            \
      W_U32((owner)->attrs[a_].deco);                                                              \
      W_STR((owner)->attrs[a_].key);                                                               \
      W_STR((owner)->attrs[a_].value);                                                             \
    }                                                                                              \
  } while (0)

void ir_unit_serialize(const ir_unit *self, as_buf *out) {
  ir_ser__strmap map = {0};
  as_buf body = {0};
  W_STR(self->path);
  W_STR(self->lang);
  W_STR(self->module);
  W_U8(self->failed);
  W_U32(self->nimports);
  for (uint32_t i = 0; i < self->nimports; i++) {
    W_STR(self->imports[i].alias);
    W_STR(self->imports[i].target);
  }
  W_U32(self->nrecords);
  for (uint32_t r = 0; r < self->nrecords; r++) {
    const ir_record *rec = self->records[r];
    W_STR(rec->name);
    W_LOC(rec->loc);
    W_DECOS(rec);
    W_U32(rec->nfields);
    for (uint32_t i = 0; i < rec->nfields; i++) {
      W_STR(rec->fields[i].name);
      W_STR(rec->fields[i].type);
      W_STR(rec->fields[i].tag);
      W_LOC(rec->fields[i].loc);
    }
  }
  W_U32(self->nfuncs);
  for (uint32_t f = 0; f < self->nfuncs; f++) {
    const ir_func *fn = self->funcs[f];
    W_STR(fn->name);
    W_LOC(fn->loc);
    W_U8(fn->is_static);
    W_DECOS(fn);
    W_U32(fn->nparams);
    for (uint32_t p = 0; p < fn->nparams; p++) {
      W_STR(fn->params[p]);
      W_STR(fn->param_types[p]);
    }
    W_STR(fn->ret_type);
    W_U32(fn->nlocals);
    for (uint32_t l = 0; l < fn->nlocals; l++) {
      W_STR(fn->locals[l].name);
      W_STR(fn->locals[l].type);
      W_LOC(fn->locals[l].loc);
    }
    W_U32(fn->ntemps);
    W_U32(fn->ninsts);
    for (uint32_t i = 0; i < fn->ninsts; i++) {
      const ir_inst *in = &fn->insts[i];
      W_U8(in->op);
      W_U32(in->depth);
      W_STR(in->dst);
      W_STR(in->obj);
      W_STR(in->field);
      W_STR(in->callee);
      W_STR(in->text);
      W_LOC(in->loc);
      W_U32(in->nargs);
      for (uint32_t a = 0; a < in->nargs; a++)
        W_STR(in->args[a]);
      W_U8(in->argnames != NULL);
      for (uint32_t a = 0; in->argnames && a < in->nargs; a++)
        W_STR(in->argnames[a]);
    }
  }
  W_U32(self->ndiags);
  for (uint32_t i = 0; i < self->ndiags; i++) {
    const as_diag *d = &self->diags[i];
    W_U8(d->level);
    W_U32(d->line);
    W_U32(d->col);
    W_STR(d->code);
    W_STR(d->message);
  }
  as_buf_put(out, "ASIR", 4);
  ir_ser__u32(out, IR_UNIT_VERSION);
  ir_ser__u32(out, (uint32_t)map.order.len);
  for (size_t i = 0; i < map.order.len; i++) {
    size_t n = strlen(map.order.items[i]);
    ir_ser__u32(out, (uint32_t)n);
    as_buf_put(out, map.order.items[i], n);
  }
  as_buf_put(out, body.data ? body.data : "", body.len);
  as_buf_free(&body);
  as_ptrmap_free(&map.index);
  as_array_free(&map.order);
}

/* ---- reading -------------------------------------------------------------- */

typedef struct {
  const unsigned char *p, *end;
  const char **strs;
  uint32_t nstrs;
  bool bad;
} ir_de__reader;

static uint32_t ir_de__u32(ir_de__reader *r) {
  if (r->end - r->p < 4) {
    r->bad = true;
    return 0;
  }
  uint32_t v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 |
               (uint32_t)r->p[3] << 24;
  r->p += 4;
  return v;
}

static uint8_t ir_de__u8(ir_de__reader *r) {
  if (r->p >= r->end) {
    r->bad = true;
    return 0;
  }
  return *r->p++;
}

static const char *ir_de__str(ir_de__reader *r) {
  uint32_t i = ir_de__u32(r);
  if (i > r->nstrs) {
    r->bad = true;
    return NULL;
  }
  return i ? r->strs[i - 1] : NULL;
}

/* A count must be plausible for the bytes left (each element needs >= 4). */
static uint32_t ir_de__count(ir_de__reader *r) {
  uint32_t n = ir_de__u32(r);
  if ((size_t)n > (size_t)(r->end - r->p) / 4) {
    r->bad = true;
    return 0;
  }
  return n;
}

static ir_loc ir_de__loc(ir_de__reader *r) {
  ir_loc l;
  l.line = ir_de__u32(r);
  l.col = ir_de__u32(r);
  return l;
}

/* decos (see the format above) onto fn or rec; false when malformed. */
static bool ir_de__decos(ir_de__reader *r, ir_unit *u, ir_func *fn, ir_record *rec) {
  uint32_t nd = ir_de__count(r);
  for (uint32_t k = 0; k < nd && !r->bad; k++) {
    const char *d = ir_de__str(r);
    if (!d) return false;
    if (fn) ir_func_add_decorator(u, fn, d);
    if (rec) ir_record_add_decorator(u, rec, d);
  }
  uint32_t na = ir_de__count(r);
  for (uint32_t k = 0; k < na && !r->bad; k++) {
    uint32_t deco = ir_de__u32(r);
    const char *key = ir_de__str(r), *value = ir_de__str(r);
    if (r->bad || !value || deco >= (fn ? fn->ndecorators : rec->ndecorators)) return false;
    if (fn) ir_func_add_attr(u, fn, deco, key, value);
    if (rec) ir_record_add_attr(u, rec, deco, key, value);
  }
  return !r->bad;
}

ir_unit *ir_unit_deserialize(as_intern *strings, const void *data, size_t len, char *err,
                             size_t errlen) {
  ir_de__reader r = {data, (const unsigned char *)data + len, NULL, 0, false};
  if (len < 12 || memcmp(data, "ASIR", 4) != 0) {
    snprintf(err, errlen, "not a serialized IR unit");
    return NULL;
  }
  r.p += 4;
  uint32_t version = ir_de__u32(&r);
  if (version < IR_UNIT_MIN_COMPATIBLE_VERSION || version > IR_UNIT_VERSION) {
    snprintf(err, errlen, "IR unit version %u not supported (%u..%u)", version,
             IR_UNIT_MIN_COMPATIBLE_VERSION, IR_UNIT_VERSION);
    return NULL;
  }
  uint32_t nstrs = ir_de__count(&r);
  r.strs = as_malloc(sizeof(char *) * (nstrs ? nstrs : 1));
  for (uint32_t i = 0; i < nstrs && !r.bad; i++) {
    uint32_t n = ir_de__u32(&r);
    if ((size_t)(r.end - r.p) < n) {
      r.bad = true;
      break;
    }
    r.strs[i] = as_intern_strn(strings, (const char *)r.p, n);
    r.p += n;
    r.nstrs = i + 1;
  }
  ir_unit *u = NULL;
  if (r.bad) goto bad;
  const char *path = ir_de__str(&r), *lang = ir_de__str(&r), *module = ir_de__str(&r);
  if (r.bad || !path || !lang) goto bad;
  u = ir_unit_new(strings, path, lang, module);
  u->failed = ir_de__u8(&r) != 0;
  uint32_t n = ir_de__count(&r);
  for (uint32_t i = 0; i < n && !r.bad; i++) {
    const char *a = ir_de__str(&r), *t = ir_de__str(&r);
    ir_add_import(u, a, t);
  }
  n = ir_de__count(&r);
  for (uint32_t i = 0; i < n && !r.bad; i++) {
    const char *name = ir_de__str(&r);
    ir_loc loc = ir_de__loc(&r);
    if (r.bad || !name) goto bad;
    ir_record *rec = ir_add_record(u, name, loc);
    if (!ir_de__decos(&r, u, NULL, rec)) goto bad;
    uint32_t nf = ir_de__count(&r);
    for (uint32_t k = 0; k < nf && !r.bad; k++) {
      const char *fname = ir_de__str(&r), *type = ir_de__str(&r), *tag = ir_de__str(&r);
      ir_loc floc = ir_de__loc(&r);
      if (r.bad || !fname) goto bad;
      ir_record_add_tagged_field(u, rec, fname, type, tag, floc);
    }
  }
  n = ir_de__count(&r);
  for (uint32_t i = 0; i < n && !r.bad; i++) {
    const char *name = ir_de__str(&r);
    ir_loc loc = ir_de__loc(&r);
    if (r.bad || !name) goto bad;
    ir_func *fn = ir_add_func(u, name, loc);
    fn->is_static = ir_de__u8(&r) != 0;
    if (!ir_de__decos(&r, u, fn, NULL)) goto bad;
    uint32_t np = ir_de__count(&r);
    for (uint32_t k = 0; k < np && !r.bad; k++) {
      const char *p = ir_de__str(&r), *type = ir_de__str(&r);
      if (!p) goto bad;
      ir_func_add_typed_param(u, fn, p, type);
    }
    ir_func_set_ret_type(u, fn, ir_de__str(&r));
    uint32_t nl = ir_de__count(&r);
    for (uint32_t k = 0; k < nl && !r.bad; k++) {
      const char *lname = ir_de__str(&r), *ltype = ir_de__str(&r);
      ir_loc lloc = ir_de__loc(&r);
      if (r.bad || !lname || !ltype || !ir_func_add_local(u, fn, lname, ltype, lloc)) goto bad;
    }
    fn->ntemps = ir_de__u32(&r);
    uint32_t ni = ir_de__count(&r);
    for (uint32_t k = 0; k < ni && !r.bad; k++) {
      uint8_t op = ir_de__u8(&r);
      uint32_t depth = ir_de__u32(&r);
      const char *dst = ir_de__str(&r), *obj = ir_de__str(&r), *field = ir_de__str(&r);
      const char *callee = ir_de__str(&r), *text = ir_de__str(&r);
      ir_loc iloc = ir_de__loc(&r);
      uint32_t na = ir_de__count(&r);
      const char *argv[64];
      const char **args = na <= 64 ? argv : as_malloc(sizeof(char *) * na);
      for (uint32_t a = 0; a < na; a++)
        args[a] = ir_de__str(&r);
      ir_inst *in = NULL;
      if (!r.bad && op < IR_OP__COUNT)
        in = ir_emit(u, fn, (ir_op)op, (uint16_t)depth, dst, obj, field, callee, text, args, na,
                     iloc);
      else
        r.bad = true;
      if (ir_de__u8(&r) && in) { /* argument keywords */
        for (uint32_t a = 0; a < na; a++)
          args[a] = ir_de__str(&r);
        if (!r.bad) ir_set_argnames(u, in, args);
      }
      if (args != argv) free(args);
    }
  }
  n = ir_de__count(&r);
  for (uint32_t i = 0; i < n && !r.bad; i++) {
    uint8_t level = ir_de__u8(&r);
    uint32_t line = ir_de__u32(&r), col = ir_de__u32(&r);
    const char *code = ir_de__str(&r), *msg = ir_de__str(&r);
    if (r.bad || !code || !msg || level > AS_DIAG_ERROR) goto bad;
    ir_add_diag(u, (as_diag_level)level, line, col, code, msg);
  }
  if (r.bad || r.p != r.end) goto bad;
  free(r.strs);
  char verr[256];
  if (ir_unit_verify(u, verr, sizeof verr) != 0) {
    snprintf(err, errlen, "serialized unit does not verify: %s", verr);
    ir_unit_delete(u);
    return NULL;
  }
  return u;
bad:
  snprintf(err, errlen, "serialized IR unit is truncated or corrupt");
  free(r.strs);
  ir_unit_delete(u);
  return NULL;
}
