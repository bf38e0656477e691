/*
 * python.c — lowering Python source to IR through tree-sitter-python.
 *
 * One pass over the syntax tree. Children are collected with a single reused
 * TSTreeCursor onto a scratch stack (py_kids), values of calls and literals
 * onto another (vals), and names are built in reused byte buffers, so the walk
 * allocates nothing per node besides interned strings and the unit's own
 * instructions. The lowering rules are the contract with analyses/flow.c; see
 * tests/golden/python/ for examples of each.
 */
#include "treesitter.h"

#include <string.h>
#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_python(void);

#define PY_CONST_MAX 4096 /* CONST text is truncated to this many bytes */
#define PY_MAX_NEST 1500  /* deeper expressions/statements lower to "<expr>" */

/* Named node kinds we dispatch on; everything else is PK_OTHER. */
/* clang-format off */
#define PY_KINDS(X) \
  X(module) X(block) X(comment) X(identifier) X(string) X(concatenated_string) X(string_start) \
  X(string_end) X(interpolation) X(integer) X(float) X(true) X(false) X(none) X(ellipsis) \
  X(attribute) X(subscript) X(slice) X(call) X(argument_list) X(keyword_argument) X(list_splat) \
  X(dictionary_splat) X(parenthesized_expression) X(binary_operator) X(boolean_operator) \
  X(comparison_operator) X(not_operator) X(unary_operator) X(conditional_expression) X(await) \
  X(lambda) X(lambda_parameters) X(dictionary) X(pair) X(list) X(tuple) X(set) \
  X(expression_list) X(list_comprehension) X(set_comprehension) X(dictionary_comprehension) \
  X(generator_expression) X(for_in_clause) X(if_clause) X(named_expression) X(yield) \
  X(expression_statement) X(assignment) X(augmented_assignment) X(return_statement) \
  X(if_statement) X(elif_clause) X(else_clause) X(for_statement) X(while_statement) \
  X(try_statement) X(except_clause) X(except_group_clause) X(finally_clause) X(with_statement) \
  X(with_clause) X(with_item) X(as_pattern) X(as_pattern_target) X(match_statement) \
  X(case_clause) X(function_definition) X(class_definition) X(decorated_definition) \
  X(decorator) X(parameters) X(default_parameter) X(typed_parameter) X(typed_default_parameter) \
  X(list_splat_pattern) X(dictionary_splat_pattern) X(tuple_pattern) X(list_pattern) \
  X(pattern_list) X(import_statement) X(import_from_statement) X(aliased_import) X(dotted_name) \
  X(relative_import) X(import_prefix) X(wildcard_import) X(raise_statement) X(print_statement) \
  X(parenthesized_list_splat)
/* clang-format on */

typedef enum {
  PK_OTHER = 0,
#define X(k) PK_##k,
  PY_KINDS(X)
#undef X
      PK__COUNT
} py_kind;

static const char *const py_kind_names[] = {"",
#define X(k) #k,
                                            PY_KINDS(X)
#undef X
};

/* clang-format off */
#define PY_FIELDS(X) \
  X(function) X(arguments) X(object) X(attribute) X(left) X(right) X(value) X(subscript) \
  X(body) X(parameters) X(name) X(alternative) X(consequence) X(condition) X(type) X(alias) \
  X(key) X(expression) X(module_name) X(argument) X(definition) X(subject) X(guard) X(cause) \
  X(return_type) X(operator)
/* clang-format on */

typedef struct py_lang {
  const TSLanguage *lang;
  uint8_t *kind_of; /* symbol -> py_kind */
  uint32_t nsyms;
#define X(f) TSFieldId f_##f;
  PY_FIELDS(X)
#undef X
} py_lang;

static py_lang py_L;

static void py_lang_init(void) {
  if (py_L.lang) return;
  const TSLanguage *lang = tree_sitter_python();
  py_L.kind_of = fe_ts_kind_table(lang, py_kind_names, PK__COUNT, &py_L.nsyms);
#define X(f) py_L.f_##f = ts_language_field_id_for_name(lang, #f, (uint32_t)strlen(#f));
  PY_FIELDS(X)
#undef X
  py_L.lang = lang;
}

static py_kind py_kind_of(TSNode n) {
  TSSymbol s = ts_node_symbol(n);
  return s < py_L.nsyms ? (py_kind)py_L.kind_of[s] : PK_OTHER;
}

static _Thread_local TSParser *py_parser_tls;

static TSParser *py_parser(void) {
  py_lang_init();
  if (!py_parser_tls) {
    py_parser_tls = ts_parser_new();
    if (!ts_parser_set_language(py_parser_tls, py_L.lang))
      as_die("tree-sitter-python: grammar ABI not accepted by the runtime");
  }
  return py_parser_tls;
}

/* ---- lowering context ------------------------------------------------------ */

typedef struct py_kid {
  TSNode node;
  TSFieldId field;
  uint8_t kind;
} py_kid;

typedef struct py_ctx {
  ir_unit *unit;
  const char *src;
  size_t len;
  TSTreeCursor cur;
  AS_ARRAY(py_kid) kids;       /* scratch stack of collected children */
  AS_ARRAY(const char *) vals; /* scratch stack of argument values */
  as_buf nb;                   /* scratch for names */
  as_buf sb;                   /* scratch for string literal text */
  uint32_t fi;                 /* index of the current function */
  uint16_t depth;              /* control nesting in the current function */
  uint32_t nest;               /* recursion guard */
  const char *prefix;          /* qualified name of the enclosing def/class, or NULL */
  int32_t cls;                 /* record index while lowering a class body, else -1 */
  const char *self_name;       /* first parameter of the current method, or NULL */
  int32_t self_rec;            /* record of the current method's class, else -1 */
  uint32_t lambda_seq;         /* lambdas so far in the enclosing scope */
  bool staticmethod;           /* the next def is decorated @staticmethod */
  const char *decos[16];       /* the next def's decorators, dotted */
  uint32_t ndecos;
  ir_attr dattrs[32]; /* their literal arguments (deco indexes into decos) */
  uint32_t ndattrs;
} py_ctx;

static ir_loc py_loc(TSNode n) {
  TSPoint p = ts_node_start_point(n);
  return (ir_loc){p.row + 1, p.column + 1};
}

static const char *py_text(py_ctx *c, TSNode n) {
  uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
  return ir_strn(c->unit, c->src + a, b - a);
}

/* Push the named, non-extra children of n onto c->kids; returns the index of
 * the first. The caller pops with c->kids.len = start when done. */
static size_t py_kids(py_ctx *c, TSNode n) {
  size_t start = c->kids.len;
  ts_tree_cursor_reset(&c->cur, n);
  if (!ts_tree_cursor_goto_first_child(&c->cur)) return start;
  do {
    TSNode k = ts_tree_cursor_current_node(&c->cur);
    if (!ts_node_is_named(k) || ts_node_is_extra(k)) continue;
    py_kid kid = {k, ts_tree_cursor_current_field_id(&c->cur), (uint8_t)py_kind_of(k)};
    as_array_push(&c->kids, kid);
  } while (ts_tree_cursor_goto_next_sibling(&c->cur));
  return start;
}

static TSNode py_field(TSNode n, TSFieldId f) {
  return ts_node_child_by_field_id(n, f);
}

static TSNode py_first_named(TSNode n) {
  uint32_t cnt = ts_node_named_child_count(n);
  for (uint32_t i = 0; i < cnt; i++) {
    TSNode k = ts_node_named_child(n, i);
    if (!ts_node_is_extra(k)) return k;
  }
  return (TSNode){{0}, 0, 0};
}

static ir_func *py_fn(py_ctx *c) {
  return c->unit->funcs[c->fi];
}

static const char *py_temp(py_ctx *c) {
  return ir_temp(c->unit, py_fn(c));
}

static void py_emit(py_ctx *c, ir_op op, TSNode at, const char *dst, const char *obj,
                    const char *field, const char *callee, const char *text,
                    const char *const *args, uint32_t nargs) {
  ir_emit(c->unit, py_fn(c), op, c->depth, dst, obj, field, callee, text, args, nargs, py_loc(at));
}

static const char *py_const(py_ctx *c, TSNode at, const char *text) {
  const char *t = py_temp(c);
  py_emit(c, IR_CONST, at, t, NULL, NULL, NULL, text, NULL, 0);
  return t;
}

/* Intern at most PY_CONST_MAX bytes of s, cut at a UTF-8 character boundary. */
static const char *py_str_trunc(py_ctx *c, const char *s, size_t n) {
  if (n > PY_CONST_MAX) {
    n = PY_CONST_MAX;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
      n--;
  }
  return ir_strn(c->unit, s, n);
}

static void py_buf_reset(as_buf *b) {
  b->len = 0;
  if (b->data) b->data[0] = '\0';
}

static const char *py_expr(py_ctx *c, TSNode n, const char *dst);
static bool py_is_inert(py_kind k);
static void py_block(py_ctx *c, TSNode n);
static void py_stmt(py_ctx *c, TSNode n, py_kind k);

/* ---- syntax errors ------------------------------------------------------------ */

/* Blocks are lowered statement by statement: an error in one is its own. */
static bool py_stop(const void *arg, TSNode n) {
  (void)arg;
  return py_kind_of(n) == PK_block;
}

/* Does n hold a syntax error of its own (not inside a nested block)? Such a
 * statement is not lowered, such an expression is "<expr>". */
static bool py_broken(TSNode n) {
  return ts_node_has_error(n) && fe_ts_error_outside(n, py_stop, NULL);
}

/* Statements lowered part by part even around a syntax error: the parts
 * that parsed (name, parameters, blocks) are kept, expressions with an
 * error in them are "<expr>". */
static bool py_is_compound(py_kind k) {
  switch (k) {
  case PK_function_definition:
  case PK_class_definition:
  case PK_decorated_definition:
  case PK_if_statement:
  case PK_for_statement:
  case PK_while_statement:
  case PK_try_statement:
  case PK_with_statement:
  case PK_match_statement:
  case PK_block:
    return true;
  default:
    return false;
  }
}

/* ---- names ------------------------------------------------------------------ */

/* Append the dotted text of an identifier/attribute chain ("self.repo.save")
 * to c->nb; false when n is anything else. */
static bool py_dotted(py_ctx *c, TSNode n, unsigned guard) {
  py_kind k = py_kind_of(n);
  if (k == PK_identifier) {
    uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
    as_buf_put(&c->nb, c->src + a, b - a);
    return true;
  }
  if (k != PK_attribute || guard > PY_MAX_NEST) return false;
  TSNode obj = py_field(n, py_L.f_object), attr = py_field(n, py_L.f_attribute);
  if (ts_node_is_null(obj) || ts_node_is_null(attr)) return false;
  if (!py_dotted(c, obj, guard + 1)) return false;
  as_buf_putc(&c->nb, '.');
  return py_dotted(c, attr, guard + 1);
}

/* A dotted_name's identifiers joined by '.', appended to c->nb. */
static void py_dotted_name(py_ctx *c, TSNode n) {
  if (py_kind_of(n) != PK_dotted_name) {
    uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
    as_buf_put(&c->nb, c->src + a, b - a);
    return;
  }
  bool first = true;
  uint32_t cnt = ts_node_named_child_count(n);
  for (uint32_t i = 0; i < cnt; i++) {
    TSNode k = ts_node_named_child(n, i);
    if (py_kind_of(k) != PK_identifier) continue;
    if (!first) as_buf_putc(&c->nb, '.');
    uint32_t a = ts_node_start_byte(k), b = ts_node_end_byte(k);
    as_buf_put(&c->nb, c->src + a, b - a);
    first = false;
  }
}

static const char *py_qualify(py_ctx *c, const char *name) {
  if (!c->prefix) return name;
  py_buf_reset(&c->nb);
  as_buf_puts(&c->nb, c->prefix);
  as_buf_putc(&c->nb, '.');
  as_buf_puts(&c->nb, name);
  return ir_strn(c->unit, c->nb.data, c->nb.len);
}

/* ---- string literals ---------------------------------------------------------- */

/* Append the literal text of a string node without prefix and quotes. Returns
 * false when it has interpolations (an f-string with replacement fields). */
static bool py_string_plain(py_ctx *c, TSNode s, as_buf *out) {
  uint32_t from = ts_node_start_byte(s), to = ts_node_end_byte(s);
  bool plain = true;
  size_t k0 = py_kids(c, s);
  for (size_t i = k0; i < c->kids.len; i++) {
    py_kid *k = &c->kids.items[i];
    if (k->kind == PK_string_start)
      from = ts_node_end_byte(k->node);
    else if (k->kind == PK_string_end)
      to = ts_node_start_byte(k->node);
    else if (k->kind == PK_interpolation)
      plain = false;
  }
  c->kids.len = k0;
  if (plain && to > from && out->len < PY_CONST_MAX + 4) as_buf_put(out, c->src + from, to - from);
  return plain;
}

/* True (and the text in c->sb) when n is a string or implicit concatenation of
 * strings without interpolations. */
static bool py_literal_string(py_ctx *c, TSNode n) {
  py_buf_reset(&c->sb);
  py_kind k = py_kind_of(n);
  if (k == PK_string) return py_string_plain(c, n, &c->sb);
  if (k != PK_concatenated_string) return false;
  uint32_t cnt = ts_node_named_child_count(n);
  for (uint32_t i = 0; i < cnt; i++) {
    TSNode s = ts_node_named_child(n, i);
    if (py_kind_of(s) == PK_string && !py_string_plain(c, s, &c->sb)) return false;
  }
  return true;
}

/* Flush the literal text gathered in c->sb as a CONST argument. */
static void py_flush_part(py_ctx *c, TSNode at) {
  if (c->sb.len == 0) return;
  const char *text = py_str_trunc(c, c->sb.data, c->sb.len);
  py_buf_reset(&c->sb);
  const char *t = py_const(c, at, text);
  as_array_push(&c->vals, t);
}

/* One string of an f-string: literal parts and interpolated values onto
 * c->vals, in source order. */
static void py_fstring_parts(py_ctx *c, TSNode s, TSNode whole) {
  uint32_t pos = ts_node_start_byte(s), to = ts_node_end_byte(s);
  size_t k0 = py_kids(c, s), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    py_kid k = c->kids.items[i];
    if (k.kind == PK_string_start) {
      pos = ts_node_end_byte(k.node);
    } else if (k.kind == PK_string_end) {
      to = ts_node_start_byte(k.node);
    } else if (k.kind == PK_interpolation) {
      uint32_t at = ts_node_start_byte(k.node);
      if (at > pos && c->sb.len < PY_CONST_MAX + 4) as_buf_put(&c->sb, c->src + pos, at - pos);
      py_flush_part(c, whole);
      TSNode e = py_field(k.node, py_L.f_expression);
      if (!ts_node_is_null(e)) {
        const char *v = py_expr(c, e, NULL);
        py_buf_reset(&c->sb);
        as_array_push(&c->vals, v);
      }
      pos = ts_node_end_byte(k.node);
    }
  }
  c->kids.len = k0;
  if (to > pos && c->sb.len < PY_CONST_MAX + 4) as_buf_put(&c->sb, c->src + pos, to - pos);
}

/* string / concatenated_string: CONST, or CONCAT over parts for f-strings. */
static const char *py_string(py_ctx *c, TSNode n, const char *dst) {
  if (py_literal_string(c, n)) {
    const char *text = py_str_trunc(c, c->sb.data ? c->sb.data : "", c->sb.len);
    return py_const(c, n, text);
  }
  size_t mark = c->vals.len;
  py_buf_reset(&c->sb);
  if (py_kind_of(n) == PK_string) {
    py_fstring_parts(c, n, n);
  } else {
    size_t k0 = py_kids(c, n);
    for (size_t i = k0, k1 = c->kids.len; i < k1; i++) {
      py_kid k = c->kids.items[i];
      if (k.kind == PK_string) py_fstring_parts(c, k.node, n);
    }
    c->kids.len = k0;
  }
  py_flush_part(c, n);
  const char *d = dst ? dst : py_temp(c);
  py_emit(c, IR_CONCAT, n, d, NULL, NULL, NULL, NULL, c->vals.items + mark,
          (uint32_t)(c->vals.len - mark));
  c->vals.len = mark;
  return d;
}

/* The constant key of a subscript or dict pair: string content or integer
 * text, else NULL (after lowering the key for its side effects). */
static const char *py_key(py_ctx *c, TSNode key) {
  py_kind k = py_kind_of(key);
  if (k == PK_integer) return py_text(c, key);
  if ((k == PK_string || k == PK_concatenated_string) && py_literal_string(c, key))
    return py_str_trunc(c, c->sb.data ? c->sb.data : "", c->sb.len);
  if (k != PK_slice && k != PK_identifier) py_expr(c, key, NULL);
  return NULL;
}

/* The object and key of a subscript `a[k]`: the object lowered (NULL when
 * missing), the field the key names (NULL for a computed or sliced key). */
static void py_subscript(py_ctx *c, TSNode n, const char **obj, const char **field) {
  TSNode key = {{0}, 0, 0};
  int nkeys = 0;
  *obj = *field = NULL;
  size_t k0 = py_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    py_kid kid = c->kids.items[i];
    if (kid.field == py_L.f_value)
      *obj = py_expr(c, kid.node, NULL);
    else if (kid.field == py_L.f_subscript && nkeys++ == 0)
      key = kid.node;
  }
  c->kids.len = k0;
  if (nkeys == 1) *field = py_key(c, key);
}

/* ---- expressions ---------------------------------------------------------------- */

/* call: CALL dst = callee(args) with receiver obj for method calls. */
static const char *py_call(py_ctx *c, TSNode n, const char *dst) {
  TSNode fn = py_field(n, py_L.f_function), argn = py_field(n, py_L.f_arguments);
  const char *callee = NULL, *obj = NULL;
  py_kind fk = ts_node_is_null(fn) ? PK_OTHER : py_kind_of(fn);
  py_buf_reset(&c->nb);
  if (fk == PK_identifier) {
    callee = py_text(c, fn);
  } else if (fk == PK_attribute) {
    TSNode recv = py_field(fn, py_L.f_object), attr = py_field(fn, py_L.f_attribute);
    if (py_dotted(c, fn, 0)) {
      callee = ir_strn(c->unit, c->nb.data, c->nb.len);
    } else {
      py_kind rk = ts_node_is_null(recv) ? PK_OTHER : py_kind_of(recv);
      py_buf_reset(&c->nb);
      as_buf_puts(&c->nb, rk == PK_string || rk == PK_concatenated_string ? "<str>." : "<expr>.");
      if (!ts_node_is_null(attr)) {
        uint32_t a = ts_node_start_byte(attr), b = ts_node_end_byte(attr);
        as_buf_put(&c->nb, c->src + a, b - a);
      }
      callee = ir_strn(c->unit, c->nb.data, c->nb.len);
    }
    if (!ts_node_is_null(recv)) obj = py_expr(c, recv, NULL);
  } else {
    if (!ts_node_is_null(fn)) py_expr(c, fn, NULL);
    callee = ir_str(c->unit, "<expr>");
  }

  size_t mark = c->vals.len;
  /* Keyword arguments keep their keyword, so a call binds them to the
   * callee's parameters by name; **kwargs is named "**" (binds nothing). */
  const char *names[64];
  uint32_t nnamed = 0;
  if (!ts_node_is_null(argn)) {
    if (py_kind_of(argn) != PK_argument_list) {
      const char *v = py_expr(c, argn, NULL);
      as_array_push(&c->vals, v);
    } else {
      size_t k0 = py_kids(c, argn), k1 = c->kids.len;
      for (int pass = 0; pass < 2; pass++) {
        for (size_t i = k0; i < k1; i++) {
          py_kid k = c->kids.items[i];
          bool named = k.kind == PK_keyword_argument || k.kind == PK_dictionary_splat;
          if (named != (pass == 1)) continue;
          TSNode e = k.node;
          const char *kw = NULL;
          if (k.kind == PK_keyword_argument) {
            TSNode kn = py_field(k.node, py_L.f_name);
            kw = ts_node_is_null(kn) ? NULL : py_text(c, kn);
            e = py_field(k.node, py_L.f_value);
          } else if (k.kind == PK_dictionary_splat) {
            kw = ir_str(c->unit, "**");
          }
          if (ts_node_is_null(e)) continue;
          const char *v = py_expr(c, e, NULL);
          as_array_push(&c->vals, v);
          size_t at = c->vals.len - mark - 1;
          if (at < 64) names[at] = kw;
          if (kw) nnamed++;
        }
      }
      c->kids.len = k0;
    }
  }
  const char *d = dst ? dst : py_temp(c);
  uint32_t nargs = (uint32_t)(c->vals.len - mark);
  py_emit(c, IR_CALL, n, d, obj, NULL, callee, NULL, c->vals.items + mark, nargs);
  if (nnamed && nargs <= 64) {
    ir_func *fn = py_fn(c);
    ir_set_argnames(c->unit, &fn->insts[fn->ninsts - 1], names);
  }
  c->vals.len = mark;
  return d;
}

/* dict/list/tuple/set literal: CONST "<dict>"/"<list>", then STORE per element. */
static const char *py_container(py_ctx *c, TSNode n, const char *text) {
  const char *d = py_const(c, n, ir_str(c->unit, text));
  size_t k0 = py_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    py_kid k = c->kids.items[i];
    const char *field = NULL, *v = NULL;
    if (k.kind == PK_pair) {
      TSNode key = py_field(k.node, py_L.f_key), val = py_field(k.node, py_L.f_value);
      if (!ts_node_is_null(key)) field = py_key(c, key);
      if (ts_node_is_null(val)) continue;
      v = py_expr(c, val, NULL);
    } else {
      v = py_expr(c, k.node, NULL);
    }
    const char *arg[1] = {v};
    py_emit(c, IR_STORE, k.node, NULL, d, field, NULL, NULL, arg, 1);
  }
  c->kids.len = k0;
  return d;
}

static void py_bind_elem(py_ctx *c, TSNode target, const char *src, TSNode at);

/* list/set/dict comprehensions and generator expressions. */
static const char *py_comprehension(py_ctx *c, TSNode n) {
  const char *L = py_const(c, n, ir_str(c->unit, "<list>"));
  c->depth++;
  TSNode body = {{0}, 0, 0};
  size_t k0 = py_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    py_kid k = c->kids.items[i];
    if (k.field == py_L.f_body) {
      body = k.node;
    } else if (k.kind == PK_for_in_clause) {
      TSNode left = py_field(k.node, py_L.f_left), right = py_field(k.node, py_L.f_right);
      if (ts_node_is_null(right)) continue;
      const char *xs = py_expr(c, right, NULL);
      if (!ts_node_is_null(left)) py_bind_elem(c, left, xs, left);
    } else if (k.kind == PK_if_clause) {
      TSNode cond = py_first_named(k.node);
      if (!ts_node_is_null(cond)) py_expr(c, cond, NULL);
    }
  }
  c->kids.len = k0;
  if (!ts_node_is_null(body)) {
    TSNode val = body;
    if (py_kind_of(body) == PK_pair) {
      TSNode key = py_field(body, py_L.f_key);
      if (!ts_node_is_null(key)) py_key(c, key);
      val = py_field(body, py_L.f_value);
    }
    if (!ts_node_is_null(val)) {
      const char *arg[1] = {py_expr(c, val, NULL)};
      py_emit(c, IR_STORE, val, NULL, L, NULL, NULL, NULL, arg, 1);
    }
  }
  c->depth--;
  return L;
}

/* The identifier a parameter binds, or a null node. */
static TSNode py_param_name(py_ctx *c, TSNode p) {
  switch (py_kind_of(p)) {
  case PK_identifier:
    return p;
  case PK_default_parameter:
  case PK_typed_default_parameter: {
    TSNode nm = py_field(p, py_L.f_name);
    if (!ts_node_is_null(nm) && py_kind_of(nm) == PK_identifier) return nm;
    break;
  }
  case PK_typed_parameter:
  case PK_list_splat_pattern:
  case PK_dictionary_splat_pattern: {
    TSNode k = py_first_named(p);
    if (!ts_node_is_null(k)) return py_param_name(c, k);
    break;
  }
  default:
    break;
  }
  return (TSNode){{0}, 0, 0};
}

/* Add the parameters of a def or lambda, each with its annotation as
 * written ("logging.Logger"); returns the first one's name. */
static const char *py_params(py_ctx *c, TSNode params) {
  const char *first = NULL;
  if (ts_node_is_null(params)) return NULL;
  size_t k0 = py_kids(c, params), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    TSNode p = c->kids.items[i].node;
    TSNode nm = py_param_name(c, p);
    if (ts_node_is_null(nm) || ts_node_is_missing(nm)) continue;
    const char *name = py_text(c, nm);
    if (!first) first = name;
    py_kind k = py_kind_of(p);
    TSNode type = k == PK_typed_parameter || k == PK_typed_default_parameter
                      ? py_field(p, py_L.f_type)
                      : (TSNode){{0}, 0, 0};
    bool typed = !ts_node_is_null(type) && !fe_ts_is_error(type);
    ir_func_add_typed_param(c->unit, py_fn(c), name, typed ? py_text(c, type) : NULL);
  }
  c->kids.len = k0;
  return first;
}

typedef struct py_saved {
  uint32_t fi;
  uint16_t depth;
  const char *prefix, *self_name;
  int32_t cls, self_rec;
  uint32_t lambda_seq;
} py_saved;

/* Save the scope and start a new one (its lambdas are numbered from 1). */
static py_saved py_save(py_ctx *c) {
  py_saved s = {c->fi, c->depth, c->prefix, c->self_name, c->cls, c->self_rec, c->lambda_seq};
  c->lambda_seq = 0;
  return s;
}

static void py_restore(py_ctx *c, py_saved s) {
  c->fi = s.fi;
  c->depth = s.depth;
  c->prefix = s.prefix;
  c->self_name = s.self_name;
  c->cls = s.cls;
  c->self_rec = s.self_rec;
  c->lambda_seq = s.lambda_seq;
}

/* lambda: a function "<enclosing>.<lambda#N>" (ir_lambda_name) returning
 * its body; the expression's own value is CONST "<lambda>". */
static const char *py_lambda(py_ctx *c, TSNode n) {
  ir_loc loc = py_loc(n);
  const char *qual = ir_lambda_name(c->unit, c->prefix, NULL, NULL, ++c->lambda_seq);
  py_saved s = py_save(c);
  ir_add_func(c->unit, qual, loc);
  c->fi = c->unit->nfuncs - 1;
  c->depth = 0;
  c->prefix = qual;
  c->cls = -1;
  c->self_name = NULL;
  c->self_rec = -1;
  py_params(c, py_field(n, py_L.f_parameters));
  TSNode body = py_field(n, py_L.f_body);
  if (!ts_node_is_null(body)) {
    const char *arg[1] = {py_expr(c, body, NULL)};
    py_emit(c, IR_RETURN, body, NULL, NULL, NULL, NULL, NULL, arg, 1);
  }
  py_restore(c, s);
  return py_const(c, n, ir_str(c->unit, "<lambda>"));
}

static void py_assign(py_ctx *c, TSNode target, const char *v, TSNode at, TSNode type);

/* yield e / yield from e: RETURN [v] (nargs 0 for a bare yield). */
static void py_yield(py_ctx *c, TSNode n) {
  TSNode e = py_first_named(n);
  if (ts_node_is_null(e)) {
    py_emit(c, IR_RETURN, n, NULL, NULL, NULL, NULL, NULL, NULL, 0);
    return;
  }
  const char *arg[1] = {py_kind_of(e) == PK_expression_list ? py_container(c, e, "<list>")
                                                            : py_expr(c, e, NULL)};
  py_emit(c, IR_RETURN, n, NULL, NULL, NULL, NULL, NULL, arg, 1);
}

/* s[lo:hi:step], a subscript by one slice: CALL %t = <slice>(lo, hi) recv s,
 * a missing bound the CONST "" (s[-4:] gives <slice>("-4", "")), the step
 * lowered for its effects only; into a temporary (an assignment copies it).
 * NULL when n is not such a subscript (nothing is lowered then). */
static const char *py_slice(py_ctx *c, TSNode n) {
  TSNode value = {{0}, 0, 0}, sl = {{0}, 0, 0};
  int nkeys = 0;
  size_t k0 = py_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    py_kid kid = c->kids.items[i];
    if (kid.field == py_L.f_value)
      value = kid.node;
    else if (kid.field == py_L.f_subscript && nkeys++ == 0)
      sl = kid.node;
  }
  c->kids.len = k0;
  if (nkeys != 1 || ts_node_is_null(value) || py_kind_of(sl) != PK_slice) return NULL;
  TSNode part[3] = {{{0}, 0, 0}, {{0}, 0, 0}, {{0}, 0, 0}};
  uint32_t colons = 0, cnt = ts_node_child_count(sl);
  for (uint32_t i = 0; i < cnt; i++) {
    TSNode k = ts_node_child(sl, i);
    if (!ts_node_is_named(k))
      colons += strcmp(ts_node_type(k), ":") == 0;
    else if (!ts_node_is_extra(k) && colons < 3)
      part[colons] = k;
  }
  const char *obj = py_expr(c, value, NULL);
  const char *args[2];
  for (int i = 0; i < 2; i++)
    args[i] =
        ts_node_is_null(part[i]) ? py_const(c, sl, ir_str(c->unit, "")) : py_expr(c, part[i], NULL);
  if (!ts_node_is_null(part[2]) && !py_is_inert(py_kind_of(part[2])) &&
      py_kind_of(part[2]) != PK_unary_operator)
    py_expr(c, part[2], NULL);
  const char *d = py_temp(c);
  py_emit(c, IR_CALL, n, d, obj, NULL, ir_str(c->unit, "<slice>"), NULL, args, 2);
  return d;
}

/* Is the operator of n (a binary or unary operator) op? */
static bool py_op_is(py_ctx *c, TSNode n, const char *op) {
  TSNode o = py_field(n, py_L.f_operator);
  if (ts_node_is_null(o)) return false;
  uint32_t a = ts_node_start_byte(o), b = ts_node_end_byte(o);
  return b - a == strlen(op) && memcmp(c->src + a, op, b - a) == 0;
}

/* Lower an expression; returns its value name. When dst is given and the
 * expression is a call, attribute, subscript, binary operation or f-string,
 * its instruction writes dst directly (and dst is returned). */
static const char *py_expr(py_ctx *c, TSNode n, const char *dst) {
  py_kind k = py_kind_of(n);
  if (py_broken(n)) return py_const(c, n, ir_str(c->unit, "<expr>"));
  if (k == PK_identifier) return py_text(c, n);
  if (c->nest > PY_MAX_NEST) return py_const(c, n, ir_str(c->unit, "<expr>"));
  c->nest++;
  const char *r = NULL;
  switch (k) {
  case PK_string:
  case PK_concatenated_string:
    r = py_string(c, n, dst);
    break;
  case PK_integer:
  case PK_float:
  case PK_true:
  case PK_false:
  case PK_none:
  case PK_ellipsis:
    r = py_const(c, n,
                 py_str_trunc(c, c->src + ts_node_start_byte(n),
                              ts_node_end_byte(n) - ts_node_start_byte(n)));
    break;
  case PK_attribute: {
    TSNode o = py_field(n, py_L.f_object), a = py_field(n, py_L.f_attribute);
    const char *obj =
        ts_node_is_null(o) ? py_const(c, n, ir_str(c->unit, "<expr>")) : py_expr(c, o, NULL);
    r = dst ? dst : py_temp(c);
    py_emit(c, IR_LOAD, n, r, obj, ts_node_is_null(a) ? NULL : py_text(c, a), NULL, NULL, NULL, 0);
    break;
  }
  case PK_subscript: {
    if ((r = py_slice(c, n))) break;
    const char *obj, *field;
    py_subscript(c, n, &obj, &field);
    if (!obj) obj = py_const(c, n, ir_str(c->unit, "<expr>"));
    r = dst ? dst : py_temp(c);
    py_emit(c, IR_LOAD, n, r, obj, field, NULL, NULL, NULL, 0);
    break;
  }
  case PK_call:
    r = py_call(c, n, dst);
    break;
  case PK_parenthesized_expression:
  case PK_await:
  case PK_list_splat:
  case PK_dictionary_splat:
  case PK_parenthesized_list_splat: {
    TSNode e = py_first_named(n);
    r = ts_node_is_null(e) ? py_const(c, n, ir_str(c->unit, "<expr>")) : py_expr(c, e, dst);
    break;
  }
  case PK_binary_operator:
  case PK_boolean_operator: {
    TSNode l = py_field(n, py_L.f_left), rt = py_field(n, py_L.f_right);
    const char *args[2];
    uint32_t na = 0;
    if (!ts_node_is_null(l)) args[na++] = py_expr(c, l, NULL);
    if (!ts_node_is_null(rt)) args[na++] = py_expr(c, rt, NULL);
    if (k == PK_binary_operator && py_op_is(c, n, "-")) { /* a - b: CALL <sub> */
      r = py_temp(c);
      py_emit(c, IR_CALL, n, r, NULL, NULL, ir_str(c->unit, "<sub>"), NULL, args, na);
      break;
    }
    r = dst && k == PK_binary_operator ? dst : py_temp(c);
    py_emit(c, IR_CONCAT, n, r, NULL, NULL, NULL, NULL, args, na);
    break;
  }
  case PK_conditional_expression: {
    /* children: value-if-true, condition, value-if-false */
    const char *args[2];
    uint32_t na = 0, idx = 0;
    size_t k0 = py_kids(c, n), k1 = c->kids.len;
    for (size_t i = k0; i < k1; i++, idx++) {
      const char *v = py_expr(c, c->kids.items[i].node, NULL);
      if (idx != 1 && na < 2) args[na++] = v;
    }
    c->kids.len = k0;
    r = py_temp(c);
    py_emit(c, IR_CONCAT, n, r, NULL, NULL, NULL, NULL, args, na);
    break;
  }
  case PK_comparison_operator:
  case PK_not_operator: {
    size_t k0 = py_kids(c, n), k1 = c->kids.len;
    for (size_t i = k0; i < k1; i++)
      py_expr(c, c->kids.items[i].node, NULL);
    c->kids.len = k0;
    r = py_const(c, n, ir_str(c->unit, "<bool>"));
    break;
  }
  case PK_unary_operator: {
    TSNode a = py_field(n, py_L.f_argument);
    py_kind ak = ts_node_is_null(a) ? PK_OTHER : py_kind_of(a);
    if ((ak == PK_integer || ak == PK_float) && py_op_is(c, n, "-")) { /* -4: CONST "-4" */
      py_buf_reset(&c->nb);
      as_buf_putc(&c->nb, '-');
      as_buf_put(&c->nb, c->src + ts_node_start_byte(a),
                 ts_node_end_byte(a) - ts_node_start_byte(a));
      r = py_const(c, n, py_str_trunc(c, c->nb.data, c->nb.len));
      break;
    }
    const char *arg[1] = {ts_node_is_null(a) ? py_const(c, n, ir_str(c->unit, "<expr>"))
                                             : py_expr(c, a, NULL)};
    r = py_temp(c);
    py_emit(c, IR_COPY, n, r, NULL, NULL, NULL, NULL, arg, 1);
    break;
  }
  case PK_dictionary:
    r = py_container(c, n, "<dict>");
    break;
  case PK_list:
  case PK_tuple:
  case PK_set:
  case PK_expression_list:
    r = py_container(c, n, "<list>");
    break;
  case PK_list_comprehension:
  case PK_set_comprehension:
  case PK_dictionary_comprehension:
  case PK_generator_expression:
    r = py_comprehension(c, n);
    break;
  case PK_lambda:
    r = py_lambda(c, n);
    break;
  case PK_named_expression: {
    TSNode nm = py_field(n, py_L.f_name), val = py_field(n, py_L.f_value);
    if (ts_node_is_null(nm) || ts_node_is_null(val)) {
      r = py_const(c, n, ir_str(c->unit, "<expr>"));
      break;
    }
    const char *name = py_text(c, nm);
    const char *v = py_expr(c, val, name);
    if (v != name) {
      const char *arg[1] = {v};
      py_emit(c, IR_COPY, n, name, NULL, NULL, NULL, NULL, arg, 1);
    }
    r = name;
    break;
  }
  case PK_yield:
    py_yield(c, n);
    r = py_const(c, n, ir_str(c->unit, "<expr>"));
    break;
  default:
    r = py_const(c, n, ir_str(c->unit, "<expr>"));
    break;
  }
  c->nest--;
  return r;
}

/* ---- records ------------------------------------------------------------------ */

static void py_add_field(py_ctx *c, int32_t rec, TSNode name, TSNode type) {
  if (rec < 0) return;
  ir_record *r = c->unit->records[rec];
  const char *nm = py_text(c, name);
  for (uint32_t i = 0; i < r->nfields; i++)
    if (r->fields[i].name == nm) return;
  const char *ty = ts_node_is_null(type) ? NULL : py_text(c, type);
  ir_record_add_field(c->unit, r, nm, ty, py_loc(name));
}

/* ---- statements ---------------------------------------------------------------- */

static bool py_is_sequence_target(py_kind k) {
  return k == PK_pattern_list || k == PK_tuple_pattern || k == PK_list_pattern || k == PK_tuple ||
         k == PK_list || k == PK_expression_list;
}

/* Bind one element of an iterable or unpacked value: identifiers get
 * LOAD x = src[NULL]; nested sequences are flattened. */
static void py_bind_elem(py_ctx *c, TSNode target, const char *src, TSNode at) {
  py_kind k = py_kind_of(target);
  if (k == PK_identifier) {
    py_emit(c, IR_LOAD, target, py_text(c, target), src, NULL, NULL, NULL, NULL, 0);
  } else if (py_is_sequence_target(k)) {
    size_t k0 = py_kids(c, target), k1 = c->kids.len;
    for (size_t i = k0; i < k1; i++)
      py_bind_elem(c, c->kids.items[i].node, src, at);
    c->kids.len = k0;
  } else if (k == PK_list_splat_pattern || k == PK_parenthesized_expression || k == PK_list_splat) {
    TSNode e = py_first_named(target);
    if (!ts_node_is_null(e)) py_bind_elem(c, e, src, at);
  } else if (k == PK_attribute || k == PK_subscript) {
    const char *t = py_temp(c);
    py_emit(c, IR_LOAD, target, t, src, NULL, NULL, NULL, NULL, 0);
    py_assign(c, target, t, target, (TSNode){{0}, 0, 0});
  }
}

/* Assign value v to an assignment target. */
static void py_assign(py_ctx *c, TSNode target, const char *v, TSNode at, TSNode type) {
  py_kind k = py_kind_of(target);
  if (k == PK_identifier) {
    const char *name = py_text(c, target);
    if (name != v) {
      const char *arg[1] = {v};
      py_emit(c, IR_COPY, at, name, NULL, NULL, NULL, NULL, arg, 1);
    }
  } else if (k == PK_attribute) {
    TSNode o = py_field(target, py_L.f_object), a = py_field(target, py_L.f_attribute);
    if (ts_node_is_null(o) || ts_node_is_null(a)) return;
    const char *obj = py_expr(c, o, NULL);
    const char *arg[1] = {v};
    py_emit(c, IR_STORE, at, NULL, obj, py_text(c, a), NULL, NULL, arg, 1);
    if (c->self_name && c->self_rec >= 0 && obj == c->self_name && py_kind_of(o) == PK_identifier)
      py_add_field(c, c->self_rec, a, type);
  } else if (k == PK_subscript) {
    const char *obj, *field;
    py_subscript(c, target, &obj, &field);
    if (!obj) return;
    const char *arg[1] = {v};
    py_emit(c, IR_STORE, at, NULL, obj, field, NULL, NULL, arg, 1);
  } else if (py_is_sequence_target(k)) {
    py_bind_elem(c, target, v, at);
  } else if (k == PK_parenthesized_expression) {
    TSNode e = py_first_named(target);
    if (!ts_node_is_null(e)) py_assign(c, e, v, at, type);
  }
}

static bool py_direct_kind(py_ctx *c, TSNode n) {
  switch (py_kind_of(n)) {
  case PK_call:
  case PK_attribute:
  case PK_subscript:
  case PK_binary_operator:
    return true;
  case PK_string:
  case PK_concatenated_string:
    return !py_literal_string(c, n);
  case PK_parenthesized_expression:
  case PK_await: {
    TSNode e = py_first_named(n);
    return !ts_node_is_null(e) && py_direct_kind(c, e);
  }
  default:
    return false;
  }
}

/* x = e, a = b = e, x: T = e, a, b = e, self.x = e, a["k"] = e */
static void py_assignment(py_ctx *c, TSNode n) {
  enum { MAXT = 16 };
  TSNode targets[MAXT], types[MAXT];
  int nt = 0;
  TSNode cur = n;
  while (py_kind_of(cur) == PK_assignment) {
    TSNode left = py_field(cur, py_L.f_left), type = py_field(cur, py_L.f_type);
    if (!ts_node_is_null(left) && nt < MAXT) {
      targets[nt] = left;
      types[nt] = type;
      nt++;
      if (c->cls >= 0 && py_kind_of(left) == PK_identifier) py_add_field(c, c->cls, left, type);
      /* u: User = ... declares a local of that type (in a class body, a field) */
      if (c->cls < 0 && py_kind_of(left) == PK_identifier && !ts_node_is_null(type) &&
          !ts_node_has_error(type))
        ir_func_add_local(c->unit, py_fn(c), py_text(c, left), py_text(c, type), py_loc(left));
    }
    cur = py_field(cur, py_L.f_right);
    if (ts_node_is_null(cur)) return; /* annotation only: x: int */
  }
  if (nt == 0) return;
  const char *hint = NULL;
  TSNode last = targets[nt - 1];
  if (py_kind_of(last) == PK_identifier && py_direct_kind(c, cur)) hint = py_text(c, last);
  const char *v;
  if (py_kind_of(cur) == PK_augmented_assignment) {
    py_stmt(c, cur, PK_augmented_assignment);
    TSNode l = py_field(cur, py_L.f_left);
    v = !ts_node_is_null(l) && py_kind_of(l) == PK_identifier
            ? py_text(c, l)
            : py_const(c, cur, ir_str(c->unit, "<expr>"));
  } else if (py_kind_of(cur) == PK_pattern_list) {
    v = py_container(c, cur, "<list>");
  } else {
    v = py_expr(c, cur, hint);
  }
  for (int i = nt - 1; i >= 0; i--)
    py_assign(c, targets[i], v, n, types[i]);
}

/* x += e: CONCAT x = [x, v] (attributes and subscripts: load, concat, store). */
static void py_augmented(py_ctx *c, TSNode n) {
  TSNode left = py_field(n, py_L.f_left), right = py_field(n, py_L.f_right);
  if (ts_node_is_null(left) || ts_node_is_null(right)) return;
  const char *v = py_expr(c, right, NULL);
  py_kind k = py_kind_of(left);
  if (k == PK_identifier) {
    const char *x = py_text(c, left);
    const char *args[2] = {x, v};
    py_emit(c, IR_CONCAT, n, x, NULL, NULL, NULL, NULL, args, 2);
  } else if (k == PK_attribute || k == PK_subscript) {
    const char *old = py_expr(c, left, NULL);
    const char *args[2] = {old, v};
    const char *t = py_temp(c);
    py_emit(c, IR_CONCAT, n, t, NULL, NULL, NULL, NULL, args, 2);
    py_assign(c, left, t, n, (TSNode){{0}, 0, 0});
  }
}

/* One literal decorator argument: a string's text, a name's dotted form,
 * else "<expr>"; a list or tuple gives one attribute per element. */
static void py_decorator_value(py_ctx *c, TSNode v, uint32_t deco, const char *key, int nest) {
  if (c->ndattrs >= sizeof c->dattrs / sizeof *c->dattrs) return;
  py_kind k = py_kind_of(v);
  const char *value;
  if ((k == PK_list || k == PK_tuple) && nest == 0) {
    uint32_t cnt = ts_node_named_child_count(v);
    for (uint32_t i = 0; i < cnt; i++)
      py_decorator_value(c, ts_node_named_child(v, i), deco, key, 1);
    return;
  }
  if (py_literal_string(c, v)) {
    value = py_str_trunc(c, c->sb.data, c->sb.len);
  } else {
    py_buf_reset(&c->nb);
    value = (k == PK_identifier || k == PK_attribute) && py_dotted(c, v, 0)
                ? ir_strn(c->unit, c->nb.data, c->nb.len)
                : ir_str(c->unit, "<expr>");
  }
  c->dattrs[c->ndattrs++] = (ir_attr){deco, key ? ir_str(c->unit, key) : NULL, value};
}

static void py_decorator_args(py_ctx *c, TSNode args, uint32_t deco) {
  uint32_t cnt = ts_node_named_child_count(args);
  for (uint32_t i = 0; i < cnt; i++) {
    TSNode a = ts_node_named_child(args, i);
    if (py_kind_of(a) == PK_keyword_argument) {
      TSNode kn = py_field(a, py_L.f_name), kv = py_field(a, py_L.f_value);
      if (!ts_node_is_null(kn) && !ts_node_is_null(kv))
        py_decorator_value(c, kv, deco, py_text(c, kn), 0);
    } else if (py_kind_of(a) != PK_comment) {
      py_decorator_value(c, a, deco, NULL, 0);
    }
  }
}

static void py_function(py_ctx *c, TSNode n) {
  TSNode nm = py_field(n, py_L.f_name);
  if (ts_node_is_null(nm) || ts_node_is_missing(nm)) return;
  const char *qual = py_qualify(c, py_text(c, nm));
  bool method = c->cls >= 0 && !c->staticmethod;
  c->staticmethod = false;
  int32_t cls = c->cls;
  py_saved s = py_save(c);
  ir_func *fn = ir_add_func(c->unit, qual, py_loc(n));
  for (uint32_t d = 0; d < c->ndecos; d++)
    ir_func_add_decorator(c->unit, fn, c->decos[d]);
  for (uint32_t a = 0; a < c->ndattrs; a++)
    ir_func_add_attr(c->unit, fn, c->dattrs[a].deco, c->dattrs[a].key, c->dattrs[a].value);
  c->ndecos = 0;
  c->ndattrs = 0;
  c->fi = c->unit->nfuncs - 1;
  c->depth = 0;
  c->prefix = qual;
  c->cls = -1;
  c->self_name = NULL;
  c->self_rec = -1;
  const char *first = py_params(c, py_field(n, py_L.f_parameters));
  TSNode ret = py_field(n, py_L.f_return_type);
  if (!ts_node_is_null(ret) && !ts_node_has_error(ret))
    ir_func_set_ret_type(c->unit, fn, py_text(c, ret));
  if (method && first) {
    c->self_name = first;
    c->self_rec = cls;
  }
  TSNode body = py_field(n, py_L.f_body);
  if (!ts_node_is_null(body)) py_block(c, body);
  py_restore(c, s);
}

static void py_class(py_ctx *c, TSNode n) {
  TSNode nm = py_field(n, py_L.f_name);
  if (ts_node_is_null(nm) || ts_node_is_missing(nm)) return;
  const char *qual = py_qualify(c, py_text(c, nm));
  ir_add_record(c->unit, qual, py_loc(n));
  py_saved s = py_save(c);
  c->prefix = qual;
  c->cls = (int32_t)(c->unit->nrecords - 1);
  c->self_name = NULL;
  c->self_rec = -1;
  TSNode body = py_field(n, py_L.f_body);
  if (!ts_node_is_null(body)) py_block(c, body);
  py_restore(c, s);
}

/* The module a relative import names: one dot is the current package (the
 * module path minus its last component), each further dot one level up. */
static void py_import_base(py_ctx *c, TSNode modn) {
  py_buf_reset(&c->nb);
  if (py_kind_of(modn) != PK_relative_import) {
    py_dotted_name(c, modn);
    return;
  }
  unsigned dots = 0;
  TSNode rest = {{0}, 0, 0};
  uint32_t cnt = ts_node_named_child_count(modn);
  for (uint32_t i = 0; i < cnt; i++) {
    TSNode k = ts_node_named_child(modn, i);
    py_kind kk = py_kind_of(k);
    if (kk == PK_import_prefix) {
      for (uint32_t b = ts_node_start_byte(k); b < ts_node_end_byte(k); b++)
        dots += c->src[b] == '.';
    } else if (kk == PK_dotted_name) {
      rest = k;
    }
  }
  const char *mod = c->unit->module ? c->unit->module : "";
  size_t keep = strlen(mod);
  for (unsigned d = 0; d < dots; d++) {
    while (keep > 0 && mod[keep - 1] != '.')
      keep--;
    if (keep > 0) keep--; /* the dot itself */
  }
  as_buf_put(&c->nb, mod, keep);
  if (!ts_node_is_null(rest)) {
    if (c->nb.len) as_buf_putc(&c->nb, '.');
    py_dotted_name(c, rest);
  }
}

static void py_import(py_ctx *c, TSNode n, bool from) {
  size_t base_len = 0;
  char *base = NULL;
  if (from) {
    TSNode modn = py_field(n, py_L.f_module_name);
    if (ts_node_is_null(modn)) return;
    py_import_base(c, modn);
    base = as_strndup(c->nb.data ? c->nb.data : "", c->nb.len);
    base_len = c->nb.len;
  }
  size_t k0 = py_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    py_kid k = c->kids.items[i];
    const char *alias = NULL, *target = NULL;
    if (k.kind == PK_wildcard_import && from) {
      alias = ir_str(c->unit, "*");
      target = ir_strn(c->unit, base, base_len);
    } else if (k.field != py_L.f_name) {
      continue;
    } else {
      TSNode name = k.node, al = {{0}, 0, 0};
      if (k.kind == PK_aliased_import) {
        name = py_field(k.node, py_L.f_name);
        al = py_field(k.node, py_L.f_alias);
        if (ts_node_is_null(name) || ts_node_is_null(al)) continue;
      }
      py_buf_reset(&c->nb);
      if (from && base_len) {
        as_buf_put(&c->nb, base, base_len);
        as_buf_putc(&c->nb, '.');
      }
      size_t name_at = c->nb.len;
      py_dotted_name(c, name);
      if (!ts_node_is_null(al)) {
        alias = py_text(c, al);
        target = ir_strn(c->unit, c->nb.data, c->nb.len);
      } else if (from) {
        alias = ir_strn(c->unit, c->nb.data + name_at, c->nb.len - name_at);
        target = ir_strn(c->unit, c->nb.data, c->nb.len);
      } else { /* import a.b binds a */
        size_t e = name_at;
        while (e < c->nb.len && c->nb.data[e] != '.')
          e++;
        alias = target = ir_strn(c->unit, c->nb.data + name_at, e - name_at);
      }
    }
    ir_add_import(c->unit, alias, target);
  }
  c->kids.len = k0;
  free(base);
}

static void py_with(py_ctx *c, TSNode n) {
  size_t k0 = py_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    py_kid k = c->kids.items[i];
    if (k.kind != PK_with_clause) continue;
    size_t j0 = py_kids(c, k.node), j1 = c->kids.len;
    for (size_t j = j0; j < j1; j++) {
      py_kid item = c->kids.items[j];
      if (item.kind != PK_with_item) continue;
      TSNode val = py_field(item.node, py_L.f_value);
      if (ts_node_is_null(val)) continue;
      if (py_kind_of(val) != PK_as_pattern) {
        py_expr(c, val, NULL);
        continue;
      }
      TSNode e = py_first_named(val), al = py_field(val, py_L.f_alias);
      if (ts_node_is_null(e)) continue;
      TSNode target = ts_node_is_null(al) ? al : py_first_named(al);
      const char *hint =
          !ts_node_is_null(target) && py_kind_of(target) == PK_identifier && py_direct_kind(c, e)
              ? py_text(c, target)
              : NULL;
      const char *v = py_expr(c, e, hint);
      if (!ts_node_is_null(target)) py_assign(c, target, v, val, (TSNode){{0}, 0, 0});
    }
    c->kids.len = j0;
  }
  c->depth++;
  for (size_t i = k0; i < k1; i++)
    if (c->kids.items[i].field == py_L.f_body) py_block(c, c->kids.items[i].node);
  c->depth--;
  c->kids.len = k0;
}

/* except E as e: e = CONST "<exception>" at depth+1, then the block. */
static void py_except(py_ctx *c, TSNode n) {
  size_t k0 = py_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    py_kid k = c->kids.items[i];
    TSNode target = {{0}, 0, 0};
    if (k.field == py_L.f_alias)
      target = k.node;
    else if (k.kind == PK_as_pattern) {
      TSNode al = py_field(k.node, py_L.f_alias);
      if (!ts_node_is_null(al)) target = py_first_named(al);
    } else if (k.kind == PK_block) {
      py_block(c, k.node);
      continue;
    }
    if (!ts_node_is_null(target) && py_kind_of(target) == PK_identifier)
      py_emit(c, IR_CONST, target, py_text(c, target), NULL, NULL, NULL,
              ir_str(c->unit, "<exception>"), NULL, 0);
  }
  c->kids.len = k0;
}

static bool py_is_inert(py_kind k) {
  switch (k) {
  case PK_identifier:
  case PK_integer:
  case PK_float:
  case PK_true:
  case PK_false:
  case PK_none:
  case PK_ellipsis:
    return true;
  default:
    return false;
  }
}

static void py_stmt(py_ctx *c, TSNode n, py_kind k) {
  if (c->nest > PY_MAX_NEST) return;
  if (!py_is_compound(k) && py_broken(n)) return; /* a statement with a syntax error */
  c->nest++;
  switch (k) {
  case PK_expression_statement: {
    size_t k0 = py_kids(c, n), k1 = c->kids.len;
    for (size_t i = k0; i < k1; i++) {
      py_kid e = c->kids.items[i];
      if (e.kind == PK_assignment)
        py_assignment(c, e.node);
      else if (e.kind == PK_augmented_assignment)
        py_augmented(c, e.node);
      else if (e.kind == PK_yield)
        py_yield(c, e.node);
      else if (py_is_inert((py_kind)e.kind))
        continue;
      else if ((e.kind == PK_string || e.kind == PK_concatenated_string) &&
               py_literal_string(c, e.node))
        continue; /* docstrings */
      else
        py_expr(c, e.node, NULL);
    }
    c->kids.len = k0;
    break;
  }
  case PK_assignment:
    py_assignment(c, n);
    break;
  case PK_augmented_assignment:
    py_augmented(c, n);
    break;
  case PK_return_statement: {
    TSNode e = py_first_named(n);
    if (ts_node_is_null(e)) {
      py_emit(c, IR_RETURN, n, NULL, NULL, NULL, NULL, NULL, NULL, 0);
    } else {
      const char *arg[1] = {py_expr(c, e, NULL)};
      py_emit(c, IR_RETURN, n, NULL, NULL, NULL, NULL, NULL, arg, 1);
    }
    break;
  }
  case PK_if_statement: {
    size_t k0 = py_kids(c, n), k1 = c->kids.len;
    for (size_t i = k0; i < k1; i++) {
      py_kid kid = c->kids.items[i];
      if (kid.field == py_L.f_condition) {
        py_expr(c, kid.node, NULL);
      } else if (kid.field == py_L.f_consequence) {
        c->depth++;
        py_block(c, kid.node);
        c->depth--;
      } else if (kid.kind == PK_elif_clause || kid.kind == PK_else_clause) {
        c->depth++;
        TSNode cond = py_field(kid.node, py_L.f_condition);
        if (!ts_node_is_null(cond)) py_expr(c, cond, NULL);
        TSNode body =
            py_field(kid.node, kid.kind == PK_elif_clause ? py_L.f_consequence : py_L.f_body);
        if (!ts_node_is_null(body)) py_block(c, body);
        c->depth--;
      }
    }
    c->kids.len = k0;
    break;
  }
  case PK_for_statement: {
    TSNode left = py_field(n, py_L.f_left), right = py_field(n, py_L.f_right);
    const char *xs = ts_node_is_null(right) ? NULL : py_expr(c, right, NULL);
    c->depth++;
    if (xs && !ts_node_is_null(left)) py_bind_elem(c, left, xs, left);
    TSNode body = py_field(n, py_L.f_body);
    if (!ts_node_is_null(body)) py_block(c, body);
    TSNode alt = py_field(n, py_L.f_alternative);
    if (!ts_node_is_null(alt)) {
      TSNode b = py_field(alt, py_L.f_body);
      if (!ts_node_is_null(b)) py_block(c, b);
    }
    c->depth--;
    break;
  }
  case PK_while_statement: {
    TSNode cond = py_field(n, py_L.f_condition);
    if (!ts_node_is_null(cond)) py_expr(c, cond, NULL);
    c->depth++;
    TSNode body = py_field(n, py_L.f_body);
    if (!ts_node_is_null(body)) py_block(c, body);
    TSNode alt = py_field(n, py_L.f_alternative);
    if (!ts_node_is_null(alt)) {
      TSNode b = py_field(alt, py_L.f_body);
      if (!ts_node_is_null(b)) py_block(c, b);
    }
    c->depth--;
    break;
  }
  case PK_try_statement: {
    c->depth++;
    size_t k0 = py_kids(c, n), k1 = c->kids.len;
    for (size_t i = k0; i < k1; i++) {
      py_kid kid = c->kids.items[i];
      if (kid.kind == PK_block) {
        py_block(c, kid.node);
      } else if (kid.kind == PK_except_clause || kid.kind == PK_except_group_clause) {
        py_except(c, kid.node);
      } else if (kid.kind == PK_else_clause) {
        TSNode b = py_field(kid.node, py_L.f_body);
        if (!ts_node_is_null(b)) py_block(c, b);
      } else if (kid.kind == PK_finally_clause) {
        TSNode b = py_first_named(kid.node);
        if (!ts_node_is_null(b) && py_kind_of(b) == PK_block) py_block(c, b);
      }
    }
    c->kids.len = k0;
    c->depth--;
    break;
  }
  case PK_with_statement:
    py_with(c, n);
    break;
  case PK_match_statement: {
    TSNode subj = py_field(n, py_L.f_subject);
    if (!ts_node_is_null(subj)) py_expr(c, subj, NULL);
    TSNode body = py_field(n, py_L.f_body);
    if (ts_node_is_null(body)) break;
    c->depth++;
    size_t k0 = py_kids(c, body), k1 = c->kids.len;
    for (size_t i = k0; i < k1; i++) {
      py_kid kid = c->kids.items[i];
      if (kid.kind != PK_case_clause) continue;
      TSNode guard = py_field(kid.node, py_L.f_guard);
      if (!ts_node_is_null(guard)) {
        TSNode g = py_first_named(guard);
        if (!ts_node_is_null(g)) py_expr(c, g, NULL);
      }
      TSNode cons = py_field(kid.node, py_L.f_consequence);
      if (!ts_node_is_null(cons)) py_block(c, cons);
    }
    c->kids.len = k0;
    c->depth--;
    break;
  }
  case PK_function_definition:
    py_function(c, n);
    break;
  case PK_class_definition:
    py_class(c, n);
    break;
  case PK_decorated_definition: {
    TSNode d = py_field(n, py_L.f_definition);
    if (ts_node_is_null(d)) break;
    bool is_static = false;
    size_t k0 = py_kids(c, n), k1 = c->kids.len;
    for (size_t i = k0; i < k1; i++) {
      if (c->kids.items[i].kind != PK_decorator) continue;
      TSNode e = py_first_named(c->kids.items[i].node);
      if (!ts_node_is_null(e) && py_kind_of(e) == PK_identifier &&
          ts_node_end_byte(e) - ts_node_start_byte(e) == 12 &&
          memcmp(c->src + ts_node_start_byte(e), "staticmethod", 12) == 0)
        is_static = true;
      /* @app.route("/x") is recorded as "app.route": what the decorator is;
       * its literal arguments are attributes of the function. */
      TSNode args = {0};
      if (!ts_node_is_null(e) && py_kind_of(e) == PK_call) {
        args = py_field(e, py_L.f_arguments);
        e = py_field(e, py_L.f_function);
      }
      py_buf_reset(&c->nb);
      if (!ts_node_is_null(e) && c->ndecos < 16 && py_dotted(c, e, 0)) {
        c->decos[c->ndecos++] = ir_strn(c->unit, c->nb.data, c->nb.len);
        if (!ts_node_is_null(args)) py_decorator_args(c, args, c->ndecos - 1);
      }
    }
    c->kids.len = k0;
    c->staticmethod = is_static;
    if (py_kind_of(d) != PK_function_definition) c->ndecos = c->ndattrs = 0; /* class decorators */
    py_stmt(c, d, py_kind_of(d));
    c->staticmethod = false;
    c->ndecos = c->ndattrs = 0;
    break;
  }
  case PK_import_statement:
    py_import(c, n, false);
    break;
  case PK_import_from_statement:
    py_import(c, n, true);
    break;
  case PK_raise_statement: {
    TSNode e = {{0}, 0, 0};
    size_t k0 = py_kids(c, n), k1 = c->kids.len;
    for (size_t i = k0; i < k1 && ts_node_is_null(e); i++)
      if (c->kids.items[i].field != py_L.f_cause) e = c->kids.items[i].node;
    c->kids.len = k0;
    if (ts_node_is_null(e)) break; /* bare raise */
    const char *arg[1] = {py_expr(c, e, NULL)};
    py_emit(c, IR_CALL, n, py_temp(c), NULL, NULL, ir_str(c->unit, "<raise>"), NULL, arg, 1);
    break;
  }
  case PK_print_statement: { /* Python 2: print a, b */
    size_t mark = c->vals.len;
    size_t k0 = py_kids(c, n), k1 = c->kids.len;
    for (size_t i = k0; i < k1; i++) {
      py_kid kid = c->kids.items[i];
      if (kid.field != py_L.f_argument) continue;
      const char *v = py_expr(c, kid.node, NULL);
      as_array_push(&c->vals, v);
    }
    c->kids.len = k0;
    py_emit(c, IR_CALL, n, py_temp(c), NULL, NULL, ir_str(c->unit, "print"), NULL,
            c->vals.items + mark, (uint32_t)(c->vals.len - mark));
    c->vals.len = mark;
    break;
  }
  case PK_block:
    py_block(c, n);
    break;
  default:
    break; /* pass, del, global, assert, break, continue, ... */
  }
  c->nest--;
}

static void py_block(py_ctx *c, TSNode n) {
  size_t k0 = py_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    py_kid kid = c->kids.items[i];
    py_stmt(c, kid.node, (py_kind)kid.kind);
  }
  c->kids.len = k0;
}

/* ---- entry points ------------------------------------------------------------------ */

/* Top-level definitions, where a file with a syntax error is split. */
static const char *const py_starts[] = {"def ", "async def ", "class ", "@", "if __name__", NULL};
static const fe_ts_chunking py_chunking = {py_starts, false, NULL};

ir_unit *fe_python_lower(as_intern *strings, const char *relpath, const char *module,
                         const char *src, size_t len) {
  ir_unit *u = ir_unit_new(strings, relpath, "python", module);
  if (!src) src = "";
  fe_ts_doc doc;
  if (!fe_ts_parse(u, py_parser(), &py_chunking, src, len, &doc)) return u;
  TSNode root = ts_tree_root_node(doc.trees[0]);

  py_ctx c;
  memset(&c, 0, sizeof c);
  c.unit = u;
  c.src = src;
  c.len = len;
  c.cur = ts_tree_cursor_new(root);
  c.cls = -1;
  c.self_rec = -1;
  ir_add_func(u, ir_str(u, "<module>"), (ir_loc){1, 1});
  c.fi = 0;
  TSNode *top;
  size_t ntop = fe_ts_doc_toplevel(&doc, &top);
  for (size_t i = 0; i < ntop; i++)
    py_stmt(&c, top[i], py_kind_of(top[i]));
  free(top);

  ts_tree_cursor_delete(&c.cur);
  as_array_free(&c.kids);
  as_array_free(&c.vals);
  as_buf_free(&c.nb);
  as_buf_free(&c.sb);
  fe_ts_doc_free(&doc);
  return u;
}

size_t fe_python_parse_only(const char *src, size_t len) {
  if (!src || len >= UINT32_MAX) return 0;
  TSParser *parser = py_parser();
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
