/* print.c — the textual IR dump used by golden tests and `assay dump-ir`.
 *
 *   unit PATH lang=LANG module=MODULE [failed]
 *   import ALIAS = TARGET
 *   record NAME @L:C
 *     field NAME : TYPE @L:C
 *   func NAME(P1, P2: TYPE) -> RET @L:C [static]  (": TYPE", "-> RET" when declared)
 *     @DECORATOR
 *     local NAME : TYPE @L:C
 *     L:C dN DST = OP ...
 *   diag LEVEL L:C CODE: MESSAGE
 */
#include "ir.h"

static void ir_print__quoted(as_buf *out, const char *s) {
  as_buf_putc(out, '"');
  for (; *s; s++) {
    switch (*s) {
    case '"':
      as_buf_puts(out, "\\\"");
      break;
    case '\\':
      as_buf_puts(out, "\\\\");
      break;
    case '\n':
      as_buf_puts(out, "\\n");
      break;
    case '\t':
      as_buf_puts(out, "\\t");
      break;
    default:
      if ((unsigned char)*s < 0x20)
        as_buf_printf(out, "\\x%02x", (unsigned char)*s);
      else
        as_buf_putc(out, *s);
    }
  }
  as_buf_putc(out, '"');
}

static void ir_print__args(as_buf *out, const ir_inst *in) {
  for (uint32_t a = 0; a < in->nargs; a++) {
    if (a) as_buf_puts(out, ", ");
    if (in->argnames && in->argnames[a]) as_buf_printf(out, "%s=", in->argnames[a]);
    as_buf_puts(out, in->args[a]);
  }
}

static void ir_print__inst(as_buf *out, const ir_inst *in) {
  as_buf_printf(out, "  %u:%u d%u ", in->loc.line, in->loc.col, in->depth);
  if (in->dst) as_buf_printf(out, "%s = ", in->dst);
  as_buf_puts(out, ir_op_name(in->op));
  as_buf_putc(out, ' ');
  switch (in->op) {
  case IR_CONST:
    ir_print__quoted(out, in->text);
    break;
  case IR_COPY:
  case IR_CONCAT:
  case IR_RETURN:
    ir_print__args(out, in);
    break;
  case IR_LOAD:
    as_buf_printf(out, "%s.%s", in->obj, in->field ? in->field : "[?]");
    break;
  case IR_STORE:
    as_buf_printf(out, "%s.%s = ", in->obj, in->field ? in->field : "[?]");
    ir_print__args(out, in);
    break;
  case IR_CALL:
    as_buf_printf(out, "%s(", in->callee);
    ir_print__args(out, in);
    as_buf_putc(out, ')');
    if (in->obj) as_buf_printf(out, " recv %s", in->obj);
    break;
  default:
    break;
  }
  /* Trim the trailing space of argument-less forms ("return "). */
  if (out->len && out->data[out->len - 1] == ' ') out->data[--out->len] = 0;
  as_buf_putc(out, '\n');
}

/* "  @app.route("/users", methods="POST")": literal arguments quoted. */
static void ir_print__decorators(as_buf *out, const char *const *decos, uint32_t n,
                                 const ir_attr *attrs, uint32_t nattrs) {
  for (uint32_t d = 0; d < n; d++) {
    as_buf_printf(out, "  @%s", decos[d]);
    bool open = false;
    for (uint32_t a = 0; a < nattrs; a++) {
      if (attrs[a].deco != d) continue;
      as_buf_puts(out, open ? ", " : "(");
      open = true;
      if (attrs[a].key) as_buf_printf(out, "%s=", attrs[a].key);
      as_buf_printf(out, "\"%s\"", attrs[a].value);
    }
    as_buf_puts(out, open ? ")\n" : "\n");
  }
}

void ir_unit_print(const ir_unit *self, as_buf *out) {
  as_buf_printf(out, "unit %s lang=%s module=%s%s\n", self->path, self->lang, self->module,
                self->failed ? " failed" : "");
  for (uint32_t i = 0; i < self->nimports; i++)
    as_buf_printf(out, "import %s = %s\n", self->imports[i].alias, self->imports[i].target);
  for (uint32_t r = 0; r < self->nrecords; r++) {
    const ir_record *rec = self->records[r];
    as_buf_printf(out, "record %s @%u:%u\n", rec->name, rec->loc.line, rec->loc.col);
    ir_print__decorators(out, rec->decorators, rec->ndecorators, rec->attrs, rec->nattrs);
    for (uint32_t i = 0; i < rec->nfields; i++) {
      const ir_field *fl = &rec->fields[i];
      as_buf_printf(out, "  field %s", fl->name);
      if (fl->type) as_buf_printf(out, " : %s", fl->type);
      if (fl->tag) as_buf_printf(out, " tag %s", fl->tag);
      as_buf_printf(out, " @%u:%u\n", fl->loc.line, fl->loc.col);
    }
  }
  for (uint32_t f = 0; f < self->nfuncs; f++) {
    const ir_func *fn = self->funcs[f];
    as_buf_printf(out, "func %s(", fn->name);
    for (uint32_t p = 0; p < fn->nparams; p++) {
      as_buf_printf(out, "%s%s", p ? ", " : "", fn->params[p]);
      if (fn->param_types[p]) as_buf_printf(out, ": %s", fn->param_types[p]);
    }
    as_buf_putc(out, ')');
    if (fn->ret_type) as_buf_printf(out, " -> %s", fn->ret_type);
    as_buf_printf(out, " @%u:%u%s\n", fn->loc.line, fn->loc.col, fn->is_static ? " static" : "");
    ir_print__decorators(out, fn->decorators, fn->ndecorators, fn->attrs, fn->nattrs);
    for (uint32_t l = 0; l < fn->nlocals; l++)
      as_buf_printf(out, "  local %s : %s @%u:%u\n", fn->locals[l].name, fn->locals[l].type,
                    fn->locals[l].loc.line, fn->locals[l].loc.col);
    for (uint32_t i = 0; i < fn->ninsts; i++)
      ir_print__inst(out, &fn->insts[i]);
  }
  for (uint32_t i = 0; i < self->ndiags; i++) {
    const as_diag *d = &self->diags[i];
    as_buf_printf(out, "diag %s %u:%u %s: %s\n", as_diag_level_name(d->level), d->line, d->col,
                  d->code, d->message);
  }
}
