/* ir.c — building and verifying IR units. */
#include "ir.h"

#include <stdlib.h>
#include <string.h>

static const char *const ir__op_names[] = {
#define X(name, text) text,
#include "opcodes.def"
#undef X
};

const char *ir_op_name(ir_op op) {
  return (unsigned)op < IR_OP__COUNT ? ir__op_names[op] : "?";
}

static const struct {
  const char *name, *words, *rule;
} ir__sinks[] = {
#define X(name, text, words) {text, words, "assay/pii-to-" text},
    IR_SINK_KINDS(X)
#undef X
};

const char *ir_sink_kind_name(ir_sink_kind k) {
  return (unsigned)k < IR_SINK__COUNT ? ir__sinks[k].name : "?";
}

const char *ir_sink_kind_words(ir_sink_kind k) {
  return (unsigned)k < IR_SINK__COUNT ? ir__sinks[k].words : "a sink";
}

const char *ir_sink_kind_rule(ir_sink_kind k) {
  return (unsigned)k < IR_SINK__COUNT ? ir__sinks[k].rule : "assay/pii-flow";
}

ir_unit *ir_unit_new(as_intern *strings, const char *path, const char *lang, const char *module) {
  as_arena *arena = as_arena_new();
  ir_unit *self = as_arena_alloc(arena, sizeof(*self));
  self->arena = arena;
  self->strings = strings;
  self->path = as_intern_str(strings, path);
  self->lang = as_intern_str(strings, lang);
  self->module = as_intern_str(strings, module ? module : path);
  return self;
}

void ir_unit_delete(ir_unit *self) {
  if (!self) return;
  /* Instruction and field arrays are realloc'd as they grow. */
  for (uint32_t i = 0; i < self->nfuncs; i++) {
    free(self->funcs[i]->insts);
    free(self->funcs[i]->attrs);
    free(self->funcs[i]->locals);
  }
  for (uint32_t i = 0; i < self->nrecords; i++) {
    free(self->records[i]->fields);
    free(self->records[i]->attrs);
  }
  free(self->funcs);
  free(self->records);
  free(self->imports);
  free(self->diags);
  as_arena_delete(self->arena);
}

const char *ir_str(ir_unit *self, const char *s) {
  return as_intern_str(self->strings, s);
}

const char *ir_strn(ir_unit *self, const char *s, size_t n) {
  return as_intern_strn(self->strings, s, n);
}

const char *ir_temp(ir_unit *self, ir_func *fn) {
  char name[32];
  snprintf(name, sizeof name, "%%t%u", ++fn->ntemps);
  return ir_str(self, name);
}

#define IR__GROW(arr, n, cap)                                                                      \
  do {                                                                                             \
    if ((n) == (cap)) {                                                                            \
      (cap) = (cap) ? (cap)*2 : 8;                                                                 \
      (arr) = as_realloc((arr), (cap) * sizeof(*(arr)));                                           \
    }                                                                                              \
  } while (0)

ir_func *ir_add_func(ir_unit *self, const char *name, ir_loc loc) {
  IR__GROW(self->funcs, self->nfuncs, self->funcs_cap);
  ir_func *fn = as_arena_alloc(self->arena, sizeof(*fn));
  fn->name = ir_str(self, name);
  fn->loc = loc;
  self->funcs[self->nfuncs++] = fn;
  return fn;
}

static const char **ir__append(ir_unit *self, const char **arr, uint32_t *n, const char *s) {
  const char **na = as_arena_alloc(self->arena, sizeof(char *) * (*n + 1));
  if (*n) memcpy(na, arr, sizeof(char *) * *n);
  na[(*n)++] = ir_str(self, s);
  return na;
}

const char *ir_unique_func_name(ir_unit *self, const char *name) {
  const char *base = ir_str(self, name), *cand = base;
  for (uint32_t n = 2;; n++) {
    bool taken = false;
    for (uint32_t f = 0; f < self->nfuncs && !taken; f++)
      taken = self->funcs[f]->name == cand;
    if (!taken) return cand;
    char buf[1100];
    snprintf(buf, sizeof buf, "%s#%u", base, n);
    cand = ir_str(self, buf);
  }
}

const char *ir_lambda_name(ir_unit *self, const char *prefix, const char *callee,
                           const char *literal, uint32_t ordinal) {
  char name[1024];
  if (callee && literal) {
    /* Keep the name readable and bounded: no newlines, at most 64 bytes of
     * the literal. */
    char lit[65];
    size_t n = 0;
    for (const char *p = literal; *p && n < sizeof lit - 1; p++)
      lit[n++] = (*p == '\n' || *p == '\t') ? ' ' : *p;
    lit[n] = 0;
    snprintf(name, sizeof name, "%s%s<%.256s(%s)>", prefix ? prefix : "", prefix ? "." : "", callee,
             lit);
  } else {
    snprintf(name, sizeof name, "%s%s<lambda#%u>", prefix ? prefix : "", prefix ? "." : "",
             ordinal);
  }
  return ir_unique_func_name(self, name);
}

void ir_func_add_typed_param(ir_unit *self, ir_func *fn, const char *name, const char *type) {
  const char **types = as_arena_alloc(self->arena, sizeof(char *) * (fn->nparams + 1));
  if (fn->nparams) memcpy(types, fn->param_types, sizeof(char *) * fn->nparams);
  types[fn->nparams] = type ? ir_str(self, type) : NULL;
  fn->param_types = types;
  fn->params = ir__append(self, fn->params, &fn->nparams, name);
}

void ir_func_add_param(ir_unit *self, ir_func *fn, const char *name) {
  ir_func_add_typed_param(self, fn, name, NULL);
}

void ir_func_set_ret_type(ir_unit *self, ir_func *fn, const char *type) {
  fn->ret_type = type && type[0] ? ir_str(self, type) : NULL;
}

const char *ir_func_local_type(const ir_func *fn, const char *name) {
  for (uint32_t i = 0; i < fn->nlocals; i++)
    if (fn->locals[i].name == name) return fn->locals[i].type;
  return NULL;
}

bool ir_func_add_local(ir_unit *self, ir_func *fn, const char *name, const char *type, ir_loc loc) {
  if (!name || !type || !type[0]) return false;
  name = ir_str(self, name);
  if (ir_func_local_type(fn, name)) return false;
  IR__GROW(fn->locals, fn->nlocals, fn->locals_cap);
  fn->locals[fn->nlocals++] = (ir_local){name, ir_str(self, type), loc};
  return true;
}

void ir_func_add_decorator(ir_unit *self, ir_func *fn, const char *decorator) {
  fn->decorators = ir__append(self, fn->decorators, &fn->ndecorators, decorator);
}

void ir_func_add_attr(ir_unit *self, ir_func *fn, uint32_t deco, const char *key,
                      const char *value) {
  IR__GROW(fn->attrs, fn->nattrs, fn->attrs_cap);
  fn->attrs[fn->nattrs++] = (ir_attr){deco, ir_str(self, key), ir_str(self, value)};
}

void ir_record_add_decorator(ir_unit *self, ir_record *rec, const char *decorator) {
  rec->decorators = ir__append(self, rec->decorators, &rec->ndecorators, decorator);
}

void ir_record_add_attr(ir_unit *self, ir_record *rec, uint32_t deco, const char *key,
                        const char *value) {
  IR__GROW(rec->attrs, rec->nattrs, rec->attrs_cap);
  rec->attrs[rec->nattrs++] = (ir_attr){deco, ir_str(self, key), ir_str(self, value)};
}

const char *ir_attr_find(const ir_attr *attrs, uint32_t nattrs, uint32_t deco, const char *key,
                         uint32_t i) {
  for (uint32_t a = 0; a < nattrs; a++) {
    const ir_attr *at = &attrs[a];
    if (at->deco != deco) continue;
    bool match = key ? at->key && strcmp(at->key, key) == 0
                     : !at->key || strcmp(at->key, "value") == 0 || strcmp(at->key, "path") == 0;
    if (match && i-- == 0) return at->value;
  }
  return NULL;
}

ir_inst *ir_emit(ir_unit *self, ir_func *fn, ir_op op, uint16_t depth, const char *dst,
                 const char *obj, const char *field, const char *callee, const char *text,
                 const char *const *args, uint32_t nargs, ir_loc loc) {
  IR__GROW(fn->insts, fn->ninsts, fn->cap);
  ir_inst *in = &fn->insts[fn->ninsts++];
  memset(in, 0, sizeof(*in));
  in->op = op;
  in->depth = depth;
  in->dst = dst;
  in->obj = obj;
  in->field = field;
  in->callee = callee;
  in->text = text;
  in->nargs = nargs;
  in->args = nargs ? as_arena_memdup(self->arena, args, sizeof(char *) * nargs) : NULL;
  in->loc = loc;
  in->fact_url = -1;
  return in;
}

void ir_set_argnames(ir_unit *self, ir_inst *in, const char *const *names) {
  bool any = false;
  for (uint32_t a = 0; a < in->nargs && !any; a++)
    any = names[a] != NULL;
  if (!any) return;
  in->argnames = as_arena_alloc(self->arena, sizeof(char *) * in->nargs);
  for (uint32_t a = 0; a < in->nargs; a++)
    in->argnames[a] = names[a] ? ir_str(self, names[a]) : NULL;
}

ir_record *ir_add_record(ir_unit *self, const char *name, ir_loc loc) {
  IR__GROW(self->records, self->nrecords, self->records_cap);
  ir_record *rec = as_arena_alloc(self->arena, sizeof(*rec));
  rec->name = ir_str(self, name);
  rec->loc = loc;
  self->records[self->nrecords++] = rec;
  return rec;
}

void ir_record_add_tagged_field(ir_unit *self, ir_record *rec, const char *name, const char *type,
                                const char *tag, ir_loc loc) {
  IR__GROW(rec->fields, rec->nfields, rec->cap);
  rec->fields[rec->nfields++] =
      (ir_field){ir_str(self, name), ir_str(self, type), ir_str(self, tag), loc};
}

void ir_record_add_field(ir_unit *self, ir_record *rec, const char *name, const char *type,
                         ir_loc loc) {
  ir_record_add_tagged_field(self, rec, name, type, NULL, loc);
}

void ir_add_import(ir_unit *self, const char *alias, const char *target) {
  IR__GROW(self->imports, self->nimports, self->imports_cap);
  self->imports[self->nimports++] = (ir_import){ir_str(self, alias), ir_str(self, target)};
}

void ir_add_diag(ir_unit *self, as_diag_level level, uint32_t line, uint32_t col, const char *code,
                 const char *message) {
  IR__GROW(self->diags, self->ndiags, self->diags_cap);
  self->diags[self->ndiags++] = (as_diag){
      level, self->path, line, col, ir_str(self, code), as_arena_strdup(self->arena, message)};
}

/* ---- verify --------------------------------------------------------------- */

static int ir__fail(char *err, size_t errlen, const ir_unit *u, const ir_func *fn,
                    const ir_inst *in, const char *what) {
  snprintf(err, errlen, "%s: %s: %u:%u %s: %s", u->path, fn->name, in->loc.line, in->loc.col,
           ir_op_name(in->op), what);
  return -1;
}

int ir_unit_verify(const ir_unit *self, char *err, size_t errlen) {
  if (!self->path || !self->lang || !self->module) {
    snprintf(err, errlen, "unit without path, language or module");
    return -1;
  }
  for (uint32_t r = 0; r < self->nrecords; r++) {
    const ir_record *rec = self->records[r];
    for (uint32_t a = 0; a < rec->nattrs; a++)
      if (rec->attrs[a].deco >= rec->ndecorators || !rec->attrs[a].value) {
        snprintf(err, errlen, "%s: %s: annotation argument %u is malformed", self->path, rec->name,
                 a);
        return -1;
      }
  }
  for (uint32_t f = 0; f < self->nfuncs; f++) {
    const ir_func *fn = self->funcs[f];
    if (!fn->name) {
      snprintf(err, errlen, "%s: function without a name", self->path);
      return -1;
    }
    for (uint32_t d = 0; d < fn->ndecorators; d++)
      if (!fn->decorators[d]) {
        snprintf(err, errlen, "%s: %s: decorator %u has no name", self->path, fn->name, d);
        return -1;
      }
    for (uint32_t a = 0; a < fn->nattrs; a++)
      if (fn->attrs[a].deco >= fn->ndecorators || !fn->attrs[a].value) {
        snprintf(err, errlen, "%s: %s: decorator argument %u is malformed", self->path, fn->name,
                 a);
        return -1;
      }
    for (uint32_t p = 0; p < fn->nparams; p++)
      if (!fn->params[p]) {
        snprintf(err, errlen, "%s: %s: parameter %u has no name", self->path, fn->name, p);
        return -1;
      }
    for (uint32_t l = 0; l < fn->nlocals; l++)
      if (!fn->locals[l].name || !fn->locals[l].type) {
        snprintf(err, errlen, "%s: %s: local %u has no name or type", self->path, fn->name, l);
        return -1;
      }
    for (uint32_t i = 0; i < fn->ninsts; i++) {
      const ir_inst *in = &fn->insts[i];
      if ((unsigned)in->op >= IR_OP__COUNT)
        return ir__fail(err, errlen, self, fn, in, "bad opcode");
      if (in->loc.line == 0) return ir__fail(err, errlen, self, fn, in, "no location");
      for (uint32_t a = 0; a < in->nargs; a++)
        if (!in->args[a]) return ir__fail(err, errlen, self, fn, in, "NULL argument");
      switch (in->op) {
      case IR_CONST:
        if (!in->dst || !in->text || in->nargs)
          return ir__fail(err, errlen, self, fn, in, "const needs dst and text, no args");
        break;
      case IR_COPY:
        if (!in->dst || in->nargs != 1)
          return ir__fail(err, errlen, self, fn, in, "copy needs dst and one arg");
        break;
      case IR_CONCAT:
        if (!in->dst || in->nargs < 1)
          return ir__fail(err, errlen, self, fn, in, "concat needs dst and args");
        break;
      case IR_LOAD:
        if (!in->dst || !in->obj || in->nargs)
          return ir__fail(err, errlen, self, fn, in, "load needs dst and obj, no args");
        break;
      case IR_STORE:
        if (in->dst || !in->obj || in->nargs != 1)
          return ir__fail(err, errlen, self, fn, in, "store needs obj and one arg, no dst");
        break;
      case IR_CALL:
        if (!in->callee) return ir__fail(err, errlen, self, fn, in, "call without callee");
        break;
      case IR_RETURN:
        if (in->dst || in->nargs > 1)
          return ir__fail(err, errlen, self, fn, in, "return takes at most one arg, no dst");
        break;
      default:
        break;
      }
    }
  }
  for (uint32_t r = 0; r < self->nrecords; r++) {
    const ir_record *rec = self->records[r];
    for (uint32_t i = 0; i < rec->nfields; i++)
      if (!rec->fields[i].name) {
        snprintf(err, errlen, "%s: record %s: field %u has no name", self->path, rec->name, i);
        return -1;
      }
  }
  return 0;
}
