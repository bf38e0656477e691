/*
 * go.c — lowering Go source to IR through tree-sitter-go.
 *
 * One pass over the syntax tree, shaped like python.c: children are collected
 * with one reused TSTreeCursor onto a scratch stack (go_kids), call arguments
 * onto another (vals), names are built in reused buffers, so the walk
 * allocates nothing per node besides interned strings and the unit's own
 * instructions. Go specifics (see tests/golden/go/ for each):
 *   - methods are "T.m" with the receiver as the first parameter;
 *   - func literals are functions named by ir_lambda_name ("<enclosing>.<lambda#N>",
 *     or after the call they are passed to: "main.<http.HandleFunc(/pay)>");
 *   - package-level `var x = e` and `const x = e` go into "<module>";
 *   - `a, b := f()` loads the elements "0", "1" of the call's value, and
 *     `return x, err` returns a "<tuple>";
 *   - a channel is a container: `ch <- v` stores into it, `<-ch` reads it;
 *   - `s[lo:hi]` is CALL <slice>(lo, hi) recv s and `a - b` CALL <sub>(a, b)
 *     (ir/opcodes.def);
 *   - `os.Stdout` / `os.Stderr` are the values "stdout" / "stderr", the names
 *     the models' stream=N option knows (fmt.Fprintf(os.Stderr, ...)).
 */
#include "treesitter.h"

#include <string.h>
#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_go(void);

#define GO_CONST_MAX 4096 /* CONST text is truncated to this many bytes */
#define GO_MAX_NEST 1500  /* deeper expressions/statements lower to "<expr>" */

/* Named node kinds we dispatch on; everything else is GK_OTHER. */
/* clang-format off */
#define GO_KINDS(X) \
  X(source_file) X(package_clause) X(import_declaration) X(import_spec) X(import_spec_list) \
  X(function_declaration) X(method_declaration) X(parameter_list) X(parameter_declaration) \
  X(variadic_parameter_declaration) X(block) X(expression_statement) X(short_var_declaration) \
  X(assignment_statement) X(inc_statement) X(dec_statement) X(return_statement) \
  X(if_statement) X(for_statement) X(for_clause) X(range_clause) \
  X(expression_switch_statement) X(type_switch_statement) X(expression_case) X(default_case) \
  X(type_case) X(select_statement) X(communication_case) X(send_statement) \
  X(receive_statement) X(go_statement) X(defer_statement) X(labeled_statement) \
  X(var_declaration) X(var_spec) X(var_spec_list) X(const_declaration) X(const_spec) \
  X(type_declaration) X(type_spec) X(struct_type) X(field_declaration_list) \
  X(field_declaration) X(expression_list) X(identifier) X(blank_identifier) \
  X(field_identifier) X(type_identifier) X(package_identifier) X(qualified_type) \
  X(pointer_type) X(generic_type) X(interpreted_string_literal) X(raw_string_literal) \
  X(rune_literal) X(int_literal) X(float_literal) X(imaginary_literal) X(true) X(false) \
  X(nil) X(iota) X(selector_expression) X(index_expression) X(slice_expression) \
  X(call_expression) X(argument_list) X(variadic_argument) X(composite_literal) \
  X(literal_value) X(keyed_element) X(literal_element) X(func_literal) \
  X(binary_expression) X(unary_expression) X(parenthesized_expression) \
  X(type_assertion_expression) X(type_conversion_expression) X(dot) X(label_name)
/* clang-format on */

typedef enum {
  GK_OTHER = 0,
#define X(k) GK_##k,
  GO_KINDS(X)
#undef X
      GK__COUNT
} go_kind;

static const char *const go_kind_names[] = {"",
#define X(k) #k,
                                            GO_KINDS(X)
#undef X
};

/* clang-format off */
#define GO_FIELDS(X) \
  X(name) X(type) X(tag) X(body) X(parameters) X(receiver) X(function) X(arguments) \
  X(operand) X(field) X(index) X(left) X(right) X(value) X(condition) X(consequence) \
  X(alternative) X(initializer) X(update) X(key) X(path) X(alias) X(communication) \
  X(operator) X(channel) X(label) X(result) X(start) X(end) X(capacity)
/* clang-format on */

typedef struct go_lang {
  const TSLanguage *lang;
  uint8_t *kind_of; /* symbol -> go_kind */
  uint32_t nsyms;
#define X(f) TSFieldId f_##f;
  GO_FIELDS(X)
#undef X
} go_lang;

static go_lang go_L;

static void go_lang_init(void) {
  if (go_L.lang) return;
  const TSLanguage *lang = tree_sitter_go();
  go_L.kind_of = fe_ts_kind_table(lang, go_kind_names, GK__COUNT, &go_L.nsyms);
#define X(f) go_L.f_##f = ts_language_field_id_for_name(lang, #f, (uint32_t)strlen(#f));
  GO_FIELDS(X)
#undef X
  go_L.lang = lang;
}

static go_kind go_kind_of(TSNode n) {
  TSSymbol s = ts_node_symbol(n);
  return s < go_L.nsyms ? (go_kind)go_L.kind_of[s] : GK_OTHER;
}

static _Thread_local TSParser *go_parser_tls;

static TSParser *go_parser(void) {
  go_lang_init();
  if (!go_parser_tls) {
    go_parser_tls = ts_parser_new();
    if (!ts_parser_set_language(go_parser_tls, go_L.lang))
      as_die("tree-sitter-go: grammar ABI not accepted by the runtime");
  }
  return go_parser_tls;
}

/* ---- lowering context ------------------------------------------------------ */

typedef struct go_kid {
  TSNode node;
  TSFieldId field;
  uint8_t kind;
} go_kid;

typedef struct go_ctx {
  ir_unit *unit;
  const char *src;
  TSTreeCursor cur;
  AS_ARRAY(go_kid) kids;       /* scratch stack of collected children */
  AS_ARRAY(const char *) vals; /* scratch stack of argument values */
  as_buf nb;                   /* scratch for names */
  uint32_t fi;                 /* index of the current function */
  uint16_t depth;              /* control nesting in the current function */
  uint32_t nest;               /* recursion guard */
  const char *fname;           /* name of the current function */
  uint32_t lambda_seq;         /* func literals so far in this function */
  const char *lambda_callee;   /* naming hint for a func literal passed to a */
  const char *lambda_lit;      /* call whose first argument is a string */
  const char *s_stdout, *s_stderr, *s_os, *s_blank;
} go_ctx;

static const TSNode go_null = {{0}, 0, 0};

static ir_loc go_loc(TSNode n) {
  TSPoint p = ts_node_start_point(n);
  return (ir_loc){p.row + 1, p.column + 1};
}

static const char *go_text(go_ctx *c, TSNode n) {
  uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
  return ir_strn(c->unit, c->src + a, b - a);
}

static bool go_text_is(go_ctx *c, TSNode n, const char *s) {
  uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
  size_t l = strlen(s);
  return b - a == l && memcmp(c->src + a, s, l) == 0;
}

/* Push the named, non-extra children of n onto c->kids; returns the index of
 * the first. The caller pops with c->kids.len = start when done. */
static size_t go_kids(go_ctx *c, TSNode n) {
  size_t start = c->kids.len;
  ts_tree_cursor_reset(&c->cur, n);
  if (!ts_tree_cursor_goto_first_child(&c->cur)) return start;
  do {
    TSNode k = ts_tree_cursor_current_node(&c->cur);
    if (!ts_node_is_named(k) || ts_node_is_extra(k)) continue;
    go_kid kid = {k, ts_tree_cursor_current_field_id(&c->cur), (uint8_t)go_kind_of(k)};
    as_array_push(&c->kids, kid);
  } while (ts_tree_cursor_goto_next_sibling(&c->cur));
  return start;
}

static TSNode go_field(TSNode n, TSFieldId f) {
  return ts_node_child_by_field_id(n, f);
}

static TSNode go_first_named(TSNode n) {
  uint32_t cnt = ts_node_named_child_count(n);
  for (uint32_t i = 0; i < cnt; i++) {
    TSNode k = ts_node_named_child(n, i);
    if (!ts_node_is_extra(k)) return k;
  }
  return go_null;
}

static ir_func *go_fn(go_ctx *c) {
  return c->unit->funcs[c->fi];
}

static const char *go_temp(go_ctx *c) {
  return ir_temp(c->unit, go_fn(c));
}

static void go_emit(go_ctx *c, ir_op op, TSNode at, const char *dst, const char *obj,
                    const char *field, const char *callee, const char *text,
                    const char *const *args, uint32_t nargs) {
  ir_emit(c->unit, go_fn(c), op, c->depth, dst, obj, field, callee, text, args, nargs, go_loc(at));
}

static const char *go_const(go_ctx *c, TSNode at, const char *text, const char *dst) {
  const char *t = dst ? dst : go_temp(c);
  go_emit(c, IR_CONST, at, t, NULL, NULL, NULL, text, NULL, 0);
  return t;
}

static const char *go_const_s(go_ctx *c, TSNode at, const char *text) {
  return go_const(c, at, ir_str(c->unit, text), NULL);
}

static void go_copy(go_ctx *c, TSNode at, const char *dst, const char *v) {
  if (dst == v) return;
  const char *arg[1] = {v};
  go_emit(c, IR_COPY, at, dst, NULL, NULL, NULL, NULL, arg, 1);
}

/* Intern at most GO_CONST_MAX bytes of s, cut at a UTF-8 character boundary. */
static const char *go_str_trunc(go_ctx *c, const char *s, size_t n) {
  if (n > GO_CONST_MAX) {
    n = GO_CONST_MAX;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
      n--;
  }
  return ir_strn(c->unit, s, n);
}

static void go_buf_reset(as_buf *b) {
  b->len = 0;
  if (b->data) b->data[0] = '\0';
}

static bool go_is_string(go_kind k) {
  return k == GK_interpreted_string_literal || k == GK_raw_string_literal;
}

/* The text of a string or rune literal without its delimiters, as written
 * (escape sequences are kept), truncated. */
static const char *go_literal_text(go_ctx *c, TSNode n) {
  uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
  if (b - a >= 2) a++, b--;
  return go_str_trunc(c, c->src + a, b - a);
}

static const char *go_expr(go_ctx *c, TSNode n, const char *dst);
static void go_block(go_ctx *c, TSNode n);
static void go_stmt(go_ctx *c, TSNode n, go_kind k);

/* ---- syntax errors ------------------------------------------------------------ */

/* Blocks (function bodies too) are lowered statement by statement: an error
 * in one is its own. */
static bool go_stop(const void *arg, TSNode n) {
  (void)arg;
  return go_kind_of(n) == GK_block;
}

/* Does n hold a syntax error of its own (not inside a nested block)? Such a
 * statement is not lowered, such an expression is "<expr>". */
static bool go_broken(TSNode n) {
  return ts_node_has_error(n) && fe_ts_error_outside(n, go_stop, NULL);
}

/* Statements lowered part by part even around a syntax error: the parts
 * that parsed are kept, expressions with an error in them are "<expr>". */
static bool go_is_compound(go_kind k) {
  switch (k) {
  case GK_if_statement:
  case GK_for_statement:
  case GK_expression_switch_statement:
  case GK_type_switch_statement:
  case GK_select_statement:
  case GK_labeled_statement:
  case GK_type_declaration:
  case GK_block:
    return true;
  default:
    return false;
  }
}

/* ---- names ------------------------------------------------------------------ */

/* Append the dotted text of an identifier/selector chain ("h.store.Save")
 * to c->nb; false when n is anything else. */
static bool go_dotted(go_ctx *c, TSNode n, unsigned guard) {
  go_kind k = go_kind_of(n);
  if (k == GK_identifier || k == GK_field_identifier) {
    uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
    as_buf_put(&c->nb, c->src + a, b - a);
    return true;
  }
  if (k != GK_selector_expression || guard > GO_MAX_NEST) return false;
  TSNode o = go_field(n, go_L.f_operand), f = go_field(n, go_L.f_field);
  if (ts_node_is_null(o) || ts_node_is_null(f)) return false;
  if (!go_dotted(c, o, guard + 1)) return false;
  as_buf_putc(&c->nb, '.');
  return go_dotted(c, f, guard + 1);
}

/* The constant key of an index or a composite-literal key: string content,
 * integer text, an identifier's name (composite keys only), else NULL after
 * lowering the key for its side effects. */
static const char *go_key(go_ctx *c, TSNode key, bool ident_is_name) {
  go_kind k = go_kind_of(key);
  if (k == GK_literal_element) {
    TSNode e = go_first_named(key);
    if (ts_node_is_null(e)) return NULL;
    key = e;
    k = go_kind_of(e);
  }
  if (go_is_string(k)) return go_literal_text(c, key);
  if (k == GK_int_literal) return go_text(c, key);
  if (k == GK_identifier) return ident_is_name ? go_text(c, key) : NULL;
  if (k != GK_literal_value) go_expr(c, key, NULL);
  return NULL;
}

/* ---- expressions ---------------------------------------------------------------- */

/* Arguments of a call onto c->vals (types, as in make([]T, n), give "<expr>").
 * When the first argument is a string literal (http.HandleFunc("/pay", ...)),
 * func literals passed after it are named after the call (ir_lambda_name). */
static void go_args(go_ctx *c, TSNode argn, const char *callee) {
  if (ts_node_is_null(argn)) return;
  const char *hint_callee = c->lambda_callee, *hint_lit = c->lambda_lit;
  c->lambda_callee = c->lambda_lit = NULL;
  size_t k0 = go_kids(c, argn), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    go_kid k = c->kids.items[i];
    TSNode e = k.node;
    if (k.kind == GK_variadic_argument) {
      e = go_first_named(k.node);
      if (ts_node_is_null(e)) continue;
    }
    const char *v = go_expr(c, e, NULL);
    as_array_push(&c->vals, v);
    const ir_func *fn = c->unit->funcs[c->fi];
    const ir_inst *last = fn->ninsts ? &fn->insts[fn->ninsts - 1] : NULL;
    if (i == k0 && callee && go_is_string(go_kind_of(e)) && last && last->dst == v &&
        last->op == IR_CONST) {
      c->lambda_callee = callee;
      c->lambda_lit = last->text;
    }
  }
  c->kids.len = k0;
  c->lambda_callee = hint_callee;
  c->lambda_lit = hint_lit;
}

/* call_expression: CALL dst = callee(args) with receiver obj for selector calls. */
static const char *go_call(go_ctx *c, TSNode n, const char *dst) {
  TSNode fn = go_field(n, go_L.f_function), argn = go_field(n, go_L.f_arguments);
  const char *callee = NULL, *obj = NULL;
  go_kind fk = ts_node_is_null(fn) ? GK_OTHER : go_kind_of(fn);
  go_buf_reset(&c->nb);
  if (fk == GK_identifier) {
    callee = go_text(c, fn);
  } else if (fk == GK_selector_expression) {
    TSNode recv = go_field(fn, go_L.f_operand), f = go_field(fn, go_L.f_field);
    if (go_dotted(c, fn, 0)) {
      callee = ir_strn(c->unit, c->nb.data, c->nb.len);
    } else {
      go_buf_reset(&c->nb);
      as_buf_puts(&c->nb, "<expr>.");
      if (!ts_node_is_null(f)) {
        uint32_t a = ts_node_start_byte(f), b = ts_node_end_byte(f);
        as_buf_put(&c->nb, c->src + a, b - a);
      }
      callee = ir_strn(c->unit, c->nb.data, c->nb.len);
    }
    if (!ts_node_is_null(recv)) obj = go_expr(c, recv, NULL);
  } else {
    if (!ts_node_is_null(fn)) go_expr(c, fn, NULL);
    callee = ir_str(c->unit, "<expr>");
  }
  size_t mark = c->vals.len;
  go_args(c, argn, callee);
  const char *d = dst ? dst : go_temp(c);
  go_emit(c, IR_CALL, n, d, obj, NULL, callee, NULL, c->vals.items + mark,
          (uint32_t)(c->vals.len - mark));
  c->vals.len = mark;
  return d;
}

/* literal_value: CONST "<init>", then STORE per element (keyed: the key's
 * name; positional: NULL). */
static const char *go_literal_value_as(go_ctx *c, TSNode lit, TSNode at, const char *tag);
static const char *go_literal_value(go_ctx *c, TSNode lit, TSNode at) {
  return go_literal_value_as(c, lit, at, "<init>");
}

/* The same, with the CONST's text given ("<init Payout>"). */
static const char *go_literal_value_as(go_ctx *c, TSNode lit, TSNode at, const char *tag) {
  const char *d = go_const_s(c, at, tag);
  if (ts_node_is_null(lit)) return d;
  size_t k0 = go_kids(c, lit), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    go_kid k = c->kids.items[i];
    const char *field = NULL;
    TSNode val = k.node;
    if (k.kind == GK_keyed_element) {
      TSNode key = go_field(k.node, go_L.f_key);
      val = go_field(k.node, go_L.f_value);
      if (!ts_node_is_null(key)) field = go_key(c, key, true);
      if (ts_node_is_null(val)) continue;
    } else if (k.kind != GK_literal_element) {
      continue;
    }
    TSNode e = go_first_named(val);
    if (ts_node_is_null(e)) continue;
    const char *v =
        go_kind_of(e) == GK_literal_value ? go_literal_value(c, e, e) : go_expr(c, e, NULL);
    const char *arg[1] = {v};
    go_emit(c, IR_STORE, k.node, NULL, d, field, NULL, NULL, arg, 1);
  }
  c->kids.len = k0;
  return d;
}

/* The declared type of a parameter declaration as written ("*zap.Logger";
 * "...string" for a variadic one), or NULL. */
static const char *go_param_type(go_ctx *c, TSNode decl) {
  TSNode t = go_field(decl, go_L.f_type);
  if (ts_node_is_null(t) || ts_node_has_error(t)) return NULL;
  if (go_kind_of(decl) != GK_variadic_parameter_declaration) return go_text(c, t);
  go_buf_reset(&c->nb);
  as_buf_puts(&c->nb, "...");
  as_buf_put(&c->nb, c->src + ts_node_start_byte(t), ts_node_end_byte(t) - ts_node_start_byte(t));
  return ir_strn(c->unit, c->nb.data, c->nb.len);
}

/* Add the parameters of a parameter_list to the current function, each with
 * its declared type (a, b string: both string). */
static void go_params(go_ctx *c, TSNode params) {
  if (ts_node_is_null(params)) return;
  size_t k0 = go_kids(c, params), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    go_kid k = c->kids.items[i];
    if (k.kind != GK_parameter_declaration && k.kind != GK_variadic_parameter_declaration) continue;
    const char *type = go_param_type(c, k.node);
    size_t j0 = go_kids(c, k.node), j1 = c->kids.len;
    for (size_t j = j0; j < j1; j++)
      if (c->kids.items[j].field == go_L.f_name && !ts_node_is_missing(c->kids.items[j].node))
        ir_func_add_typed_param(c->unit, go_fn(c), go_text(c, c->kids.items[j].node), type);
    c->kids.len = j0;
  }
  c->kids.len = k0;
}

static bool go_is_blank(go_ctx *c, TSNode n);

/* The declared result of a function as written: a single type ("*User"),
 * or the type of the first of a result list ("*User" of (*User, error),
 * also of (u *User, err error)); NULL when it returns nothing. Named results
 * are locals of their declared type. */
static void go_result(go_ctx *c, TSNode result) {
  if (ts_node_is_null(result) || ts_node_has_error(result)) return;
  if (go_kind_of(result) != GK_parameter_list) {
    ir_func_set_ret_type(c->unit, go_fn(c), go_text(c, result));
    return;
  }
  size_t k0 = go_kids(c, result), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    go_kid k = c->kids.items[i];
    if (k.kind != GK_parameter_declaration && k.kind != GK_variadic_parameter_declaration) continue;
    const char *type = go_param_type(c, k.node);
    if (!go_fn(c)->ret_type) ir_func_set_ret_type(c->unit, go_fn(c), type);
    size_t j0 = go_kids(c, k.node), j1 = c->kids.len;
    for (size_t j = j0; j < j1; j++) {
      TSNode nm = c->kids.items[j].node;
      if (c->kids.items[j].field == go_L.f_name && !ts_node_is_missing(nm) && !go_is_blank(c, nm))
        ir_func_add_local(c->unit, go_fn(c), go_text(c, nm), type, go_loc(nm));
    }
    c->kids.len = j0;
  }
  c->kids.len = k0;
}

typedef struct go_saved {
  uint32_t fi;
  uint16_t depth;
  const char *fname;
  uint32_t lambda_seq;
  const char *lambda_callee, *lambda_lit;
} go_saved;

/* Save the scope and start a new one: its func literals are numbered from 1
 * and no naming hint reaches into it. */
static go_saved go_save(go_ctx *c) {
  go_saved s = {c->fi, c->depth, c->fname, c->lambda_seq, c->lambda_callee, c->lambda_lit};
  c->lambda_seq = 0;
  c->lambda_callee = c->lambda_lit = NULL;
  return s;
}

static void go_restore(go_ctx *c, go_saved s) {
  c->fi = s.fi;
  c->depth = s.depth;
  c->fname = s.fname;
  c->lambda_seq = s.lambda_seq;
  c->lambda_callee = s.lambda_callee;
  c->lambda_lit = s.lambda_lit;
}

static const char *go_join(go_ctx *c, const char *a, const char *b) {
  go_buf_reset(&c->nb);
  as_buf_puts(&c->nb, a);
  as_buf_putc(&c->nb, '.');
  as_buf_puts(&c->nb, b);
  return ir_strn(c->unit, c->nb.data, c->nb.len);
}

/* func literal: a function named by ir_lambda_name (after the call it is
 * passed to, or its position); the expression's own value is CONST
 * "<lambda>". */
static const char *go_func_literal(go_ctx *c, TSNode n) {
  ir_loc loc = go_loc(n);
  const char *qual = c->lambda_callee
                         ? ir_lambda_name(c->unit, c->fname, c->lambda_callee, c->lambda_lit, 0)
                         : ir_lambda_name(c->unit, c->fname, NULL, NULL, ++c->lambda_seq);
  go_saved s = go_save(c);
  ir_add_func(c->unit, qual, loc);
  c->fi = c->unit->nfuncs - 1;
  c->depth = 0;
  c->fname = qual;
  go_params(c, go_field(n, go_L.f_parameters));
  go_result(c, go_field(n, go_L.f_result));
  TSNode body = go_field(n, go_L.f_body);
  if (!ts_node_is_null(body)) go_block(c, body);
  go_restore(c, s);
  return go_const_s(c, n, "<lambda>");
}

/* The operator token of a binary/unary expression or an assignment. */
static TSNode go_operator(TSNode n) {
  return go_field(n, go_L.f_operator);
}

static bool go_is_bool_op(go_ctx *c, TSNode op) {
  if (ts_node_is_null(op)) return false;
  static const char *const ops[] = {"&&", "||", "==", "!=", "<", "<=", ">", ">="};
  for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
    if (go_text_is(c, op, ops[i])) return true;
  return false;
}

static bool go_is_number(go_kind k) {
  return k == GK_int_literal || k == GK_float_literal || k == GK_imaginary_literal;
}

/* Is n a binary subtraction a - b? */
static bool go_is_sub(go_ctx *c, TSNode n) {
  TSNode op = go_operator(n);
  return !ts_node_is_null(op) && go_text_is(c, op, "-");
}

/* Expressions whose single instruction can write a named destination (not
 * slices and subtractions: their calls write a temporary). */
static bool go_direct(go_ctx *c, TSNode n, unsigned guard) {
  if (guard > 64) return false;
  switch (go_kind_of(n)) {
  case GK_call_expression:
  case GK_selector_expression:
  case GK_index_expression:
    return true;
  case GK_binary_expression:
    return !go_is_bool_op(c, go_operator(n)) && !go_is_sub(c, n);
  case GK_parenthesized_expression:
  case GK_type_assertion_expression:
  case GK_type_conversion_expression: {
    TSNode e = go_kind_of(n) == GK_parenthesized_expression ? go_first_named(n)
                                                            : go_field(n, go_L.f_operand);
    return !ts_node_is_null(e) && go_direct(c, e, guard + 1);
  }
  case GK_unary_expression: {
    TSNode op = go_operator(n), e = go_field(n, go_L.f_operand);
    bool through = !ts_node_is_null(op) &&
                   (go_text_is(c, op, "&") || go_text_is(c, op, "*") || go_text_is(c, op, "<-"));
    return through && !ts_node_is_null(e) && go_direct(c, e, guard + 1);
  }
  default:
    return false;
  }
}

/* Lower an expression; returns its value name. When dst is given and the
 * expression is a call, selector, index or arithmetic (see go_direct), its
 * instruction writes dst directly (and dst is returned). */
static const char *go_expr(go_ctx *c, TSNode n, const char *dst) {
  go_kind k = go_kind_of(n);
  if (go_broken(n)) return go_const_s(c, n, "<expr>");
  if (k == GK_identifier) return go_text(c, n);
  if (c->nest > GO_MAX_NEST) return go_const_s(c, n, "<expr>");
  c->nest++;
  const char *r = NULL;
  switch (k) {
  case GK_interpreted_string_literal:
  case GK_raw_string_literal:
  case GK_rune_literal:
    r = go_const(c, n, go_literal_text(c, n), NULL);
    break;
  case GK_int_literal:
  case GK_float_literal:
  case GK_imaginary_literal:
  case GK_true:
  case GK_false:
  case GK_nil:
  case GK_iota:
    r = go_const(c, n,
                 go_str_trunc(c, c->src + ts_node_start_byte(n),
                              ts_node_end_byte(n) - ts_node_start_byte(n)),
                 NULL);
    break;
  case GK_selector_expression: {
    TSNode o = go_field(n, go_L.f_operand), f = go_field(n, go_L.f_field);
    const char *obj = ts_node_is_null(o) ? go_const_s(c, n, "<expr>") : go_expr(c, o, NULL);
    const char *field = ts_node_is_null(f) ? NULL : go_text(c, f);
    r = dst;
    if (!r && obj == c->s_os && field && strcmp(field, "Stdout") == 0) r = c->s_stdout;
    if (!r && obj == c->s_os && field && strcmp(field, "Stderr") == 0) r = c->s_stderr;
    if (!r) r = go_temp(c);
    go_emit(c, IR_LOAD, n, r, obj, field, NULL, NULL, NULL, 0);
    break;
  }
  case GK_index_expression: {
    TSNode o = go_field(n, go_L.f_operand), ix = go_field(n, go_L.f_index);
    const char *obj = ts_node_is_null(o) ? go_const_s(c, n, "<expr>") : go_expr(c, o, NULL);
    const char *field = ts_node_is_null(ix) ? NULL : go_key(c, ix, false);
    r = dst ? dst : go_temp(c);
    go_emit(c, IR_LOAD, n, r, obj, field, NULL, NULL, NULL, 0);
    break;
  }
  case GK_slice_expression: {
    /* s[lo:hi:max]: CALL %t = <slice>(lo, hi) recv s, a missing bound the
     * CONST "" (s[:4] gives <slice>("", "4")), max lowered for its effects
     * only; into a temporary (an assignment copies it) */
    TSNode o = go_field(n, go_L.f_operand), cap = go_field(n, go_L.f_capacity);
    TSNode bound[2] = {go_field(n, go_L.f_start), go_field(n, go_L.f_end)};
    const char *obj = ts_node_is_null(o) ? go_const_s(c, n, "<expr>") : go_expr(c, o, NULL);
    const char *args[2];
    for (int i = 0; i < 2; i++)
      args[i] = ts_node_is_null(bound[i]) ? go_const_s(c, n, "") : go_expr(c, bound[i], NULL);
    if (!ts_node_is_null(cap)) go_expr(c, cap, NULL);
    r = go_temp(c);
    go_emit(c, IR_CALL, n, r, obj, NULL, ir_str(c->unit, "<slice>"), NULL, args, 2);
    break;
  }
  case GK_call_expression:
    r = go_call(c, n, dst);
    break;
  case GK_parenthesized_expression:
  case GK_type_assertion_expression:
  case GK_type_conversion_expression: {
    TSNode e = k == GK_parenthesized_expression ? go_first_named(n) : go_field(n, go_L.f_operand);
    r = ts_node_is_null(e) ? go_const_s(c, n, "<expr>") : go_expr(c, e, dst);
    break;
  }
  case GK_unary_expression: {
    TSNode op = go_operator(n), e = go_field(n, go_L.f_operand);
    if (ts_node_is_null(e)) {
      r = go_const_s(c, n, "<expr>");
    } else if (!ts_node_is_null(op) &&
               (go_text_is(c, op, "&") || go_text_is(c, op, "*") || go_text_is(c, op, "<-"))) {
      r = go_expr(c, e, dst); /* &x, *p, <-ch: the value itself */
    } else if (!ts_node_is_null(op) && go_text_is(c, op, "!")) {
      go_expr(c, e, NULL);
      r = go_const_s(c, n, "<bool>");
    } else if (!ts_node_is_null(op) && go_text_is(c, op, "-") && go_is_number(go_kind_of(e))) {
      go_buf_reset(&c->nb); /* -4: CONST "-4" */
      as_buf_putc(&c->nb, '-');
      as_buf_put(&c->nb, c->src + ts_node_start_byte(e),
                 ts_node_end_byte(e) - ts_node_start_byte(e));
      r = go_const(c, n, go_str_trunc(c, c->nb.data, c->nb.len), NULL);
    } else {
      const char *arg[1] = {go_expr(c, e, NULL)};
      r = go_temp(c);
      go_emit(c, IR_COPY, n, r, NULL, NULL, NULL, NULL, arg, 1);
    }
    break;
  }
  case GK_binary_expression: {
    TSNode l = go_field(n, go_L.f_left), rt = go_field(n, go_L.f_right);
    const char *args[2];
    uint32_t na = 0;
    if (!ts_node_is_null(l)) args[na++] = go_expr(c, l, NULL);
    if (!ts_node_is_null(rt)) args[na++] = go_expr(c, rt, NULL);
    if (go_is_bool_op(c, go_operator(n))) {
      r = go_const_s(c, n, "<bool>");
    } else if (go_is_sub(c, n)) { /* a - b: CALL <sub> into a temporary */
      r = go_temp(c);
      go_emit(c, IR_CALL, n, r, NULL, NULL, ir_str(c->unit, "<sub>"), NULL, args, na);
    } else {
      r = dst ? dst : go_temp(c);
      go_emit(c, IR_CONCAT, n, r, NULL, NULL, NULL, NULL, args, na);
    }
    break;
  }
  case GK_composite_literal: {
    /* Payout{...}: "<init Payout>" names the type (gdb.AutoMigrate(&Payout{})). */
    TSNode ty = go_field(n, go_L.f_type);
    const char *tag = "<init>";
    char buf[160];
    if (!ts_node_is_null(ty) &&
        (go_kind_of(ty) == GK_type_identifier || go_kind_of(ty) == GK_qualified_type)) {
      uint32_t a = ts_node_start_byte(ty), b = ts_node_end_byte(ty);
      if (b - a < 128) {
        snprintf(buf, sizeof buf, "<init %.*s>", (int)(b - a), c->src + a);
        tag = buf;
      }
    }
    r = go_literal_value_as(c, go_field(n, go_L.f_body), n, tag);
    break;
  }
  case GK_literal_value:
    r = go_literal_value(c, n, n);
    break;
  case GK_func_literal:
    r = go_func_literal(c, n);
    break;
  default:
    r = go_const_s(c, n, "<expr>");
    break;
  }
  c->nest--;
  return r;
}

/* ---- records ------------------------------------------------------------------ */

/* The serialized name from a struct tag: `json:"card_number,omitempty"` ->
 * card_number; `json:"-"`, `json:",omitempty"` or no json key -> NULL. */
static const char *go_json_tag(go_ctx *c, TSNode tag) {
  uint32_t a = ts_node_start_byte(tag), b = ts_node_end_byte(tag);
  if (b - a < 2) return NULL;
  const char *s = c->src + a + 1, *end = c->src + b - 1;
  for (const char *p = s; p + 6 <= end; p++) {
    if (memcmp(p, "json:", 5) != 0 || (p > s && p[-1] != ' ' && p[-1] != '\t')) continue;
    const char *q = p + 5;
    if (q < end && *q == '\\') q++; /* an interpreted string: json:\"x\" */
    if (q >= end || *q != '"') return NULL;
    const char *v = ++q;
    while (q < end && *q != '"' && *q != ',' && *q != '\\')
      q++;
    if (q == v || (q - v == 1 && *v == '-')) return NULL;
    return ir_strn(c->unit, v, (size_t)(q - v));
  }
  return NULL;
}

/* The type's name without '*', package qualifier or type arguments. */
static TSNode go_type_name(TSNode t) {
  for (int guard = 0; guard < 16 && !ts_node_is_null(t); guard++) {
    switch (go_kind_of(t)) {
    case GK_type_identifier:
      return t;
    case GK_qualified_type:
      return go_field(t, go_L.f_name);
    case GK_generic_type:
      t = go_field(t, go_L.f_type);
      break;
    case GK_pointer_type:
      t = go_first_named(t);
      break;
    default:
      if (ts_node_named_child_count(t) == 1) { /* parenthesized type */
        t = go_first_named(t);
        break;
      }
      return go_null;
    }
  }
  return go_null;
}

/* type T struct {...}: a record with a field per name (embedded fields by
 * their type's name). */
static void go_type_spec(go_ctx *c, TSNode spec) {
  TSNode nm = go_field(spec, go_L.f_name), ty = go_field(spec, go_L.f_type);
  if (ts_node_is_null(nm) || ts_node_is_null(ty) || go_kind_of(ty) != GK_struct_type) return;
  ir_record *rec = ir_add_record(c->unit, go_text(c, nm), go_loc(spec));
  TSNode list = go_first_named(ty);
  if (ts_node_is_null(list)) return;
  size_t k0 = go_kids(c, list), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    go_kid fd = c->kids.items[i];
    if (fd.kind != GK_field_declaration) continue;
    TSNode ftype = go_field(fd.node, go_L.f_type), tag = go_field(fd.node, go_L.f_tag);
    const char *type = ts_node_is_null(ftype) ? NULL : go_text(c, ftype);
    const char *tagname = ts_node_is_null(tag) ? NULL : go_json_tag(c, tag);
    bool named = false;
    size_t j0 = go_kids(c, fd.node), j1 = c->kids.len;
    for (size_t j = j0; j < j1; j++) {
      go_kid f = c->kids.items[j];
      if (f.field != go_L.f_name) continue;
      named = true;
      ir_record_add_tagged_field(c->unit, rec, go_text(c, f.node), type, tagname, go_loc(f.node));
    }
    c->kids.len = j0;
    if (!named) {
      TSNode tn = go_type_name(ftype);
      if (!ts_node_is_null(tn))
        ir_record_add_tagged_field(c->unit, rec, go_text(c, tn), type, tagname, go_loc(fd.node));
    }
  }
  c->kids.len = k0;
}

static void go_type_declaration(go_ctx *c, TSNode n) {
  size_t k0 = go_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++)
    if (c->kids.items[i].kind == GK_type_spec) go_type_spec(c, c->kids.items[i].node);
  c->kids.len = k0;
}

/* ---- statements ---------------------------------------------------------------- */

static bool go_is_blank(go_ctx *c, TSNode n) {
  go_kind k = go_kind_of(n);
  return k == GK_blank_identifier || (k == GK_identifier && go_text(c, n) == c->s_blank);
}

/* Assign value v to a target expression. */
static void go_assign_target(go_ctx *c, TSNode target, const char *v, TSNode at, unsigned guard) {
  go_kind k = go_kind_of(target);
  if (k == GK_identifier) {
    if (!go_is_blank(c, target)) go_copy(c, at, go_text(c, target), v);
  } else if (k == GK_selector_expression) {
    TSNode o = go_field(target, go_L.f_operand), f = go_field(target, go_L.f_field);
    if (ts_node_is_null(o) || ts_node_is_null(f)) return;
    const char *obj = go_expr(c, o, NULL);
    const char *arg[1] = {v};
    go_emit(c, IR_STORE, at, NULL, obj, go_text(c, f), NULL, NULL, arg, 1);
  } else if (k == GK_index_expression) {
    TSNode o = go_field(target, go_L.f_operand), ix = go_field(target, go_L.f_index);
    if (ts_node_is_null(o)) return;
    const char *obj = go_expr(c, o, NULL);
    const char *field = ts_node_is_null(ix) ? NULL : go_key(c, ix, false);
    const char *arg[1] = {v};
    go_emit(c, IR_STORE, at, NULL, obj, field, NULL, NULL, arg, 1);
  } else if ((k == GK_unary_expression || k == GK_parenthesized_expression) && guard < 64) {
    TSNode e = k == GK_unary_expression ? go_field(target, go_L.f_operand) : go_first_named(target);
    if (!ts_node_is_null(e)) go_assign_target(c, e, v, at, guard + 1); /* *p = v */
  }
}

/* Push the expressions of an expression_list (or a single expression) onto
 * c->kids; returns the first index. */
static size_t go_list(go_ctx *c, TSNode n) {
  if (ts_node_is_null(n)) return c->kids.len;
  if (go_kind_of(n) == GK_expression_list) return go_kids(c, n);
  size_t start = c->kids.len;
  go_kid kid = {n, 0, (uint8_t)go_kind_of(n)};
  as_array_push(&c->kids, kid);
  return start;
}

static const char *const go_index_names[] = {"0", "1", "2",  "3",  "4",  "5",  "6",  "7",
                                             "8", "9", "10", "11", "12", "13", "14", "15"};

/* Targets c->kids[t0..t1) get values c->kids[v0..v1):
 *   x := e / x = e          the instruction of e writes x, or COPY x = e
 *   a, b = e1, e2           both values first, then both assignments
 *   a, b := f()             t = f(); LOAD a = t."0"; LOAD b = t."1"
 *   x += e                  CONCAT x = [x, e] (LOAD/CONCAT/STORE for x.f += e) */
static void go_assign(go_ctx *c, TSNode at, size_t t0, size_t t1, size_t v0, size_t v1,
                      bool compound) {
  size_t nt = t1 - t0, nv = v1 - v0;
  if (compound && nt == 1 && nv == 1) {
    TSNode target = c->kids.items[t0].node;
    const char *v = go_expr(c, c->kids.items[v0].node, NULL);
    if (go_kind_of(target) == GK_identifier) {
      const char *x = go_text(c, target);
      const char *args[2] = {x, v};
      go_emit(c, IR_CONCAT, at, x, NULL, NULL, NULL, NULL, args, 2);
    } else {
      const char *old = go_expr(c, target, NULL);
      const char *args[2] = {old, v};
      const char *t = go_temp(c);
      go_emit(c, IR_CONCAT, at, t, NULL, NULL, NULL, NULL, args, 2);
      go_assign_target(c, target, t, at, 0);
    }
    return;
  }
  if (nt == 1 && nv == 1) {
    TSNode target = c->kids.items[t0].node, e = c->kids.items[v0].node;
    const char *hint =
        go_kind_of(target) == GK_identifier && !go_is_blank(c, target) && go_direct(c, e, 0)
            ? go_text(c, target)
            : NULL;
    const char *v = go_expr(c, e, hint);
    go_assign_target(c, target, v, at, 0);
    return;
  }
  if (nv == 1 && nt > 1) {
    const char *t = go_expr(c, c->kids.items[v0].node, NULL);
    for (size_t i = t0; i < t1; i++) {
      TSNode target = c->kids.items[i].node;
      if (go_is_blank(c, target)) continue;
      size_t idx = i - t0;
      const char *field = idx < sizeof go_index_names / sizeof *go_index_names
                              ? ir_str(c->unit, go_index_names[idx])
                              : NULL;
      if (go_kind_of(target) == GK_identifier) {
        go_emit(c, IR_LOAD, target, go_text(c, target), t, field, NULL, NULL, NULL, 0);
      } else {
        const char *tmp = go_temp(c);
        go_emit(c, IR_LOAD, target, tmp, t, field, NULL, NULL, NULL, 0);
        go_assign_target(c, target, tmp, target, 0);
      }
    }
    return;
  }
  /* a, b = b, a: every value is read before any target is written */
  size_t mark = c->vals.len;
  for (size_t i = v0; i < v1; i++) {
    const char *v = go_expr(c, c->kids.items[i].node, NULL);
    for (size_t j = t0; j < t1 && nt == nv && v[0] != '%'; j++) {
      TSNode target = c->kids.items[j].node;
      if (go_kind_of(target) == GK_identifier && go_text(c, target) == v) {
        const char *t = go_temp(c);
        go_copy(c, c->kids.items[i].node, t, v);
        v = t;
        break;
      }
    }
    as_array_push(&c->vals, v);
  }
  if (nt == nv)
    for (size_t i = 0; i < nt; i++)
      go_assign_target(c, c->kids.items[t0 + i].node, c->vals.items[mark + i], at, 0);
  c->vals.len = mark;
}

/* u := v.(*User) / var u = v.(*User) declares u of the asserted type. */
static void go_asserted_local(go_ctx *c, size_t t0, size_t t1, size_t v0, size_t v1) {
  if (t1 - t0 != 1 || v1 - v0 != 1) return;
  TSNode target = c->kids.items[t0].node, e = c->kids.items[v0].node;
  for (int guard = 0; guard < 64 && go_kind_of(e) == GK_parenthesized_expression; guard++)
    e = go_first_named(e);
  if (go_kind_of(target) != GK_identifier || go_is_blank(c, target) ||
      go_kind_of(e) != GK_type_assertion_expression)
    return;
  TSNode ty = go_field(e, go_L.f_type);
  if (!ts_node_is_null(ty) && !ts_node_has_error(ty))
    ir_func_add_local(c->unit, go_fn(c), go_text(c, target), go_text(c, ty), go_loc(target));
}

/* x := e, x = e, x op= e (left/right expression lists). */
static void go_assignment(go_ctx *c, TSNode n, bool decl) {
  TSNode left = go_field(n, go_L.f_left), right = go_field(n, go_L.f_right);
  bool compound = false;
  if (!decl) {
    TSNode op = go_operator(n);
    compound = !ts_node_is_null(op) && !go_text_is(c, op, "=");
  }
  size_t t0 = go_list(c, left), t1 = c->kids.len;
  size_t v0 = go_list(c, right), v1 = c->kids.len;
  if (decl) go_asserted_local(c, t0, t1, v0, v1);
  go_assign(c, n, t0, t1, v0, v1, compound);
  c->kids.len = t0;
}

/* var a, b = e1, e2 / const c = e (names are identifiers); var u User and
 * var u *User = f() declare u of that type. */
static void go_var_spec(go_ctx *c, TSNode spec) {
  TSNode value = go_field(spec, go_L.f_value), type = go_field(spec, go_L.f_type);
  if (!ts_node_is_null(type) && !ts_node_has_error(type)) {
    const char *ty = go_text(c, type);
    size_t j0 = go_kids(c, spec), j1 = c->kids.len;
    for (size_t j = j0; j < j1; j++) {
      TSNode nm = c->kids.items[j].node;
      if (c->kids.items[j].field == go_L.f_name && !ts_node_is_missing(nm) && !go_is_blank(c, nm))
        ir_func_add_local(c->unit, go_fn(c), go_text(c, nm), ty, go_loc(nm));
    }
    c->kids.len = j0;
  }
  if (ts_node_is_null(value)) return;
  size_t t0 = c->kids.len;
  size_t k0 = go_kids(c, spec), k1 = c->kids.len;
  /* keep only the names, in place */
  size_t w = k0;
  for (size_t i = k0; i < k1; i++)
    if (c->kids.items[i].field == go_L.f_name) c->kids.items[w++] = c->kids.items[i];
  c->kids.len = w;
  size_t v0 = go_list(c, value), v1 = c->kids.len;
  if (ts_node_is_null(type)) go_asserted_local(c, t0, w, v0, v1);
  go_assign(c, spec, t0, w, v0, v1, false);
  c->kids.len = t0;
}

static void go_var_declaration(go_ctx *c, TSNode n) {
  size_t k0 = go_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    go_kid k = c->kids.items[i];
    if (k.kind == GK_var_spec || k.kind == GK_const_spec) {
      go_var_spec(c, k.node);
    } else if (k.kind == GK_var_spec_list) {
      size_t j0 = go_kids(c, k.node), j1 = c->kids.len;
      for (size_t j = j0; j < j1; j++)
        if (c->kids.items[j].kind == GK_var_spec) go_var_spec(c, c->kids.items[j].node);
      c->kids.len = j0;
    }
  }
  c->kids.len = k0;
}

/* return / return x / return x, err ("<tuple>" with elements "0", "1", ...). */
static void go_return(go_ctx *c, TSNode n) {
  TSNode list = go_first_named(n);
  if (ts_node_is_null(list)) {
    go_emit(c, IR_RETURN, n, NULL, NULL, NULL, NULL, NULL, NULL, 0);
    return;
  }
  size_t k0 = go_list(c, list), k1 = c->kids.len;
  const char *arg[1];
  if (k1 - k0 == 1) {
    arg[0] = go_expr(c, c->kids.items[k0].node, NULL);
  } else {
    arg[0] = go_const_s(c, list, "<tuple>");
    for (size_t i = k0; i < k1; i++) {
      TSNode e = c->kids.items[i].node;
      const char *v[1] = {go_expr(c, e, NULL)};
      size_t idx = i - k0;
      const char *field = idx < sizeof go_index_names / sizeof *go_index_names
                              ? ir_str(c->unit, go_index_names[idx])
                              : NULL;
      go_emit(c, IR_STORE, e, NULL, arg[0], field, NULL, NULL, v, 1);
    }
  }
  c->kids.len = k0;
  go_emit(c, IR_RETURN, n, NULL, NULL, NULL, NULL, NULL, arg, 1);
}

/* Statements of a case clause (everything but its value/type list). */
static void go_case_body(go_ctx *c, TSNode clause) {
  size_t k0 = go_kids(c, clause), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    go_kid k = c->kids.items[i];
    if (k.field == go_L.f_value) {
      size_t j0 = go_list(c, k.node), j1 = c->kids.len;
      for (size_t j = j0; j < j1; j++)
        go_expr(c, c->kids.items[j].node, NULL);
      c->kids.len = j0;
    } else if (k.field == go_L.f_type || k.field == go_L.f_communication) {
      if (k.field == go_L.f_communication) go_stmt(c, k.node, (go_kind)k.kind);
    } else {
      go_stmt(c, k.node, (go_kind)k.kind);
    }
  }
  c->kids.len = k0;
}

static void go_simple(go_ctx *c, TSNode n) {
  if (!ts_node_is_null(n)) go_stmt(c, n, go_kind_of(n));
}

static void go_for(go_ctx *c, TSNode n) {
  TSNode body = go_field(n, go_L.f_body);
  size_t k0 = go_kids(c, n), k1 = c->kids.len;
  TSNode head = go_null;
  for (size_t i = k0; i < k1; i++)
    if (c->kids.items[i].field != go_L.f_body) head = c->kids.items[i].node;
  c->kids.len = k0;
  go_kind hk = ts_node_is_null(head) ? GK_OTHER : go_kind_of(head);
  if (hk == GK_for_clause) {
    go_simple(c, go_field(head, go_L.f_initializer));
    TSNode cond = go_field(head, go_L.f_condition);
    if (!ts_node_is_null(cond)) go_expr(c, cond, NULL);
    c->depth++;
    go_simple(c, go_field(head, go_L.f_update));
    c->depth--;
  } else if (hk == GK_range_clause) {
    TSNode left = go_field(head, go_L.f_left), right = go_field(head, go_L.f_right);
    const char *xs = ts_node_is_null(right) ? NULL : go_expr(c, right, NULL);
    c->depth++;
    size_t j0 = go_list(c, left), j1 = c->kids.len;
    for (size_t j = j0; xs && j < j1; j++) {
      TSNode target = c->kids.items[j].node;
      if (go_is_blank(c, target)) continue;
      if (go_kind_of(target) == GK_identifier) {
        go_emit(c, IR_LOAD, target, go_text(c, target), xs, NULL, NULL, NULL, NULL, 0);
      } else {
        const char *t = go_temp(c);
        go_emit(c, IR_LOAD, target, t, xs, NULL, NULL, NULL, NULL, 0);
        go_assign_target(c, target, t, target, 0);
      }
    }
    c->kids.len = j0;
    c->depth--;
  } else if (!ts_node_is_null(head)) {
    go_expr(c, head, NULL); /* for cond { } */
  }
  c->depth++;
  if (!ts_node_is_null(body)) go_block(c, body);
  c->depth--;
}

/* if/else if/else: every branch at depth+1 (an else-if chain is not deeper). */
static void go_if(go_ctx *c, TSNode n) {
  uint16_t base = c->depth;
  for (unsigned guard = 0; guard < GO_MAX_NEST; guard++) {
    go_simple(c, go_field(n, go_L.f_initializer));
    TSNode cond = go_field(n, go_L.f_condition);
    if (!ts_node_is_null(cond)) go_expr(c, cond, NULL);
    c->depth = (uint16_t)(base + 1);
    TSNode cons = go_field(n, go_L.f_consequence), alt = go_field(n, go_L.f_alternative);
    if (!ts_node_is_null(cons)) go_block(c, cons);
    if (ts_node_is_null(alt)) break;
    if (go_kind_of(alt) != GK_if_statement) {
      go_stmt(c, alt, go_kind_of(alt));
      break;
    }
    n = alt;
  }
  c->depth = base;
}

static void go_switch(go_ctx *c, TSNode n, bool types) {
  go_simple(c, go_field(n, go_L.f_initializer));
  TSNode value = go_field(n, go_L.f_value);
  const char *v = ts_node_is_null(value) ? NULL : go_expr(c, value, NULL);
  TSNode alias = types ? go_field(n, go_L.f_alias) : go_null;
  TSNode name = ts_node_is_null(alias) ? go_null : go_first_named(alias);
  c->depth++;
  size_t k0 = go_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    go_kid k = c->kids.items[i];
    if (k.kind != GK_expression_case && k.kind != GK_default_case && k.kind != GK_type_case)
      continue;
    /* switch x := v.(type): x is v in every clause */
    if (v && !ts_node_is_null(name) && go_kind_of(name) == GK_identifier && !go_is_blank(c, name))
      go_copy(c, k.node, go_text(c, name), v);
    go_case_body(c, k.node);
  }
  c->kids.len = k0;
  c->depth--;
}

static void go_function(go_ctx *c, TSNode n, bool method) {
  TSNode nm = go_field(n, go_L.f_name);
  if (ts_node_is_null(nm) || ts_node_is_missing(nm)) return;
  const char *name = go_text(c, nm);
  TSNode recv_name = go_null, recv_decl = go_null;
  if (method) {
    TSNode recv = go_field(n, go_L.f_receiver);
    TSNode decl = ts_node_is_null(recv) ? go_null : go_first_named(recv);
    TSNode tn = ts_node_is_null(decl) ? go_null : go_type_name(go_field(decl, go_L.f_type));
    if (!ts_node_is_null(tn)) name = go_join(c, go_text(c, tn), name);
    if (!ts_node_is_null(decl)) recv_name = go_field(decl, go_L.f_name);
    if (!ts_node_is_null(decl) && go_kind_of(decl) == GK_parameter_declaration) recv_decl = decl;
  }
  go_saved s = go_save(c);
  ir_add_func(c->unit, name, go_loc(n));
  c->fi = c->unit->nfuncs - 1;
  c->depth = 0;
  c->fname = name;
  if (method) /* the receiver is the first parameter, named or not */
    ir_func_add_typed_param(c->unit, go_fn(c),
                            ts_node_is_null(recv_name) ? c->s_blank : go_text(c, recv_name),
                            ts_node_is_null(recv_decl) ? NULL : go_param_type(c, recv_decl));
  go_params(c, go_field(n, go_L.f_parameters));
  go_result(c, go_field(n, go_L.f_result));
  TSNode body = go_field(n, go_L.f_body);
  if (!ts_node_is_null(body)) go_block(c, body);
  go_restore(c, s);
}

/* The package name an import path binds by default: its last element, without
 * a major-version element ("chi/v5" -> chi), a gopkg.in ".vN" suffix, or a
 * "go-" prefix / "-go" suffix ("go-redis" -> redis). */
static void go_default_alias(const char *p, size_t n, size_t *from, size_t *len) {
  size_t e = n, b;
  for (int round = 0; round < 2; round++) {
    b = e;
    while (b > 0 && p[b - 1] != '/')
      b--;
    bool version = e - b >= 2 && p[b] == 'v';
    for (size_t i = b + 1; i < e && version; i++)
      version = p[i] >= '0' && p[i] <= '9';
    if (!version || b == 0 || round == 1) break;
    e = b - 1;
  }
  for (size_t i = e; i > b + 1; i--) /* yaml.v3 */
    if (p[i - 1] == '.' && p[i] == 'v' && p[i + 1] >= '0' && p[i + 1] <= '9') {
      e = i - 1;
      break;
    }
  if (e - b > 3 && memcmp(p + b, "go-", 3) == 0) b += 3;
  if (e - b > 3 && memcmp(p + e - 3, "-go", 3) == 0) e -= 3;
  *from = b;
  *len = e - b;
}

static void go_import_spec(go_ctx *c, TSNode spec) {
  TSNode path = go_field(spec, go_L.f_path), name = go_field(spec, go_L.f_name);
  if (ts_node_is_null(path)) return;
  const char *target = go_literal_text(c, path);
  const char *alias;
  if (!ts_node_is_null(name)) {
    go_kind nk = go_kind_of(name);
    if (nk == GK_blank_identifier || nk == GK_dot) return;
    alias = go_text(c, name);
  } else {
    size_t b, l;
    go_default_alias(target, strlen(target), &b, &l);
    if (l == 0) return;
    alias = ir_strn(c->unit, target + b, l);
  }
  ir_add_import(c->unit, alias, target);
}

static void go_import(go_ctx *c, TSNode n) {
  size_t k0 = go_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    go_kid k = c->kids.items[i];
    if (k.kind == GK_import_spec) {
      go_import_spec(c, k.node);
    } else if (k.kind == GK_import_spec_list) {
      size_t j0 = go_kids(c, k.node), j1 = c->kids.len;
      for (size_t j = j0; j < j1; j++)
        if (c->kids.items[j].kind == GK_import_spec) go_import_spec(c, c->kids.items[j].node);
      c->kids.len = j0;
    }
  }
  c->kids.len = k0;
}

static void go_stmt(go_ctx *c, TSNode n, go_kind k) {
  if (c->nest > GO_MAX_NEST) return;
  if (!go_is_compound(k) && go_broken(n)) return; /* a statement with a syntax error */
  c->nest++;
  switch (k) {
  case GK_expression_statement: {
    TSNode e = go_first_named(n);
    if (!ts_node_is_null(e) && go_kind_of(e) != GK_identifier) go_expr(c, e, NULL);
    break;
  }
  case GK_go_statement:
  case GK_defer_statement: {
    TSNode e = go_first_named(n);
    if (!ts_node_is_null(e)) go_expr(c, e, NULL);
    break;
  }
  case GK_short_var_declaration:
    go_assignment(c, n, true);
    break;
  case GK_assignment_statement:
    go_assignment(c, n, false);
    break;
  case GK_receive_statement: { /* select case v := <-ch */
    if (ts_node_is_null(go_field(n, go_L.f_left))) {
      TSNode r = go_field(n, go_L.f_right);
      if (!ts_node_is_null(r)) go_expr(c, r, NULL);
    } else {
      go_assignment(c, n, true);
    }
    break;
  }
  case GK_send_statement: { /* ch <- v: the channel holds v */
    TSNode ch = go_field(n, go_L.f_channel), val = go_field(n, go_L.f_value);
    if (ts_node_is_null(ch) || ts_node_is_null(val)) break;
    const char *arg[1] = {go_expr(c, val, NULL)};
    const char *obj = go_expr(c, ch, NULL);
    go_emit(c, IR_STORE, n, NULL, obj, NULL, NULL, NULL, arg, 1);
    break;
  }
  case GK_inc_statement:
  case GK_dec_statement:
    break; /* x++ keeps what x carries */
  case GK_return_statement:
    go_return(c, n);
    break;
  case GK_if_statement:
    go_if(c, n);
    break;
  case GK_for_statement:
    go_for(c, n);
    break;
  case GK_expression_switch_statement:
    go_switch(c, n, false);
    break;
  case GK_type_switch_statement:
    go_switch(c, n, true);
    break;
  case GK_select_statement: {
    c->depth++;
    size_t k0 = go_kids(c, n), k1 = c->kids.len;
    for (size_t i = k0; i < k1; i++)
      if (c->kids.items[i].kind == GK_communication_case ||
          c->kids.items[i].kind == GK_default_case)
        go_case_body(c, c->kids.items[i].node);
    c->kids.len = k0;
    c->depth--;
    break;
  }
  case GK_labeled_statement: {
    size_t k0 = go_kids(c, n), k1 = c->kids.len;
    for (size_t i = k0; i < k1; i++)
      if (c->kids.items[i].field != go_L.f_label)
        go_stmt(c, c->kids.items[i].node, (go_kind)c->kids.items[i].kind);
    c->kids.len = k0;
    break;
  }
  case GK_var_declaration:
  case GK_const_declaration:
    go_var_declaration(c, n);
    break;
  case GK_type_declaration:
    go_type_declaration(c, n);
    break;
  case GK_block:
    go_block(c, n);
    break;
  default:
    break; /* break, continue, goto, fallthrough, empty */
  }
  c->nest--;
}

static void go_block(go_ctx *c, TSNode n) {
  size_t k0 = go_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    go_kid kid = c->kids.items[i];
    go_stmt(c, kid.node, (go_kind)kid.kind);
  }
  c->kids.len = k0;
}

/* A child of source_file: imports, declarations; package-level var
 * initializers go into "<module>" (function 0). */
static void go_toplevel(go_ctx *c, TSNode n) {
  switch (go_kind_of(n)) {
  case GK_import_declaration:
    go_import(c, n);
    break;
  case GK_function_declaration:
    go_function(c, n, false);
    break;
  case GK_method_declaration:
    go_function(c, n, true);
    break;
  case GK_type_declaration:
    go_type_declaration(c, n);
    break;
  case GK_var_declaration:
  case GK_const_declaration: { /* URLs and topics often live in constants */
    if (go_broken(n)) break;
    go_saved s = go_save(c);
    c->fi = 0;
    c->depth = 0;
    c->fname = c->unit->funcs[0]->name;
    go_var_declaration(c, n);
    go_restore(c, s);
    break;
  }
  default:
    break; /* package clause */
  }
}

/* ---- entry points ------------------------------------------------------------------ */

/* Top-level declarations, where a file with a syntax error is split. */
static const char *const go_starts[] = {"func ",  "func(",   "type ", "var ",
                                        "const ", "import ", NULL};
static const fe_ts_chunking go_chunking = {go_starts, false, NULL};

ir_unit *fe_go_lower(as_intern *strings, const char *relpath, const char *module, const char *src,
                     size_t len) {
  ir_unit *u = ir_unit_new(strings, relpath, "go", module);
  if (!src) src = "";
  fe_ts_doc doc;
  if (!fe_ts_parse(u, go_parser(), &go_chunking, src, len, &doc)) return u;
  TSNode root = ts_tree_root_node(doc.trees[0]);

  go_ctx c;
  memset(&c, 0, sizeof c);
  c.unit = u;
  c.src = src;
  c.cur = ts_tree_cursor_new(root);
  c.s_stdout = ir_str(u, "stdout");
  c.s_stderr = ir_str(u, "stderr");
  c.s_os = ir_str(u, "os");
  c.s_blank = ir_str(u, "_");
  ir_add_func(u, ir_str(u, "<module>"), (ir_loc){1, 1});
  c.fi = 0;
  c.fname = u->funcs[0]->name;
  TSNode *top;
  size_t ntop = fe_ts_doc_toplevel(&doc, &top);
  for (size_t i = 0; i < ntop; i++)
    go_toplevel(&c, top[i]);
  free(top);

  ts_tree_cursor_delete(&c.cur);
  as_array_free(&c.kids);
  as_array_free(&c.vals);
  as_buf_free(&c.nb);
  fe_ts_doc_free(&doc);
  return u;
}

size_t fe_go_parse_only(const char *src, size_t len) {
  if (!src || len >= UINT32_MAX) return 0;
  TSParser *parser = go_parser();
  TSTree *tree = ts_parser_parse_string(parser, NULL, src, (uint32_t)len);
  if (!tree) return 0;
  TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(tree));
  size_t count = 1;
  for (;;) {
    if (ts_tree_cursor_goto_first_child(&cur)) {
      count++;
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(&cur))
      if (!ts_tree_cursor_goto_parent(&cur)) goto done;
    count++;
  }
done:
  ts_tree_cursor_delete(&cur);
  ts_tree_delete(tree);
  return count;
}
