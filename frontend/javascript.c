/*
 * javascript.c — lowering JavaScript and TypeScript to IR through
 * tree-sitter-javascript (.js .jsx .mjs .cjs), tree-sitter-typescript (.ts)
 * and its tsx dialect (.tsx).
 *
 * One pass over the syntax tree, shaped like python.c: children are gathered
 * with one reused TSTreeCursor onto a scratch stack (js_kids), call arguments
 * and string parts onto another (vals), names are built in reused buffers, so
 * the walk allocates nothing per node besides interned strings and the unit's
 * own instructions. Each grammar gets its own symbol -> kind table, built
 * once. TypeScript's types are skipped; interfaces and object type aliases
 * become records. The rules are the contract with analyses/flow.c; see
 * tests/golden/javascript/ for an example of each.
 */
#include "treesitter.h"

#include <string.h>
#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_javascript(void);
const TSLanguage *tree_sitter_typescript(void);
const TSLanguage *tree_sitter_tsx(void);

#define JS_CONST_MAX 4096 /* CONST text is truncated to this many bytes */
#define JS_MAX_NEST 1500  /* deeper expressions/statements lower to "<expr>" */
#define JS_MAX_DECOS 16

/* Named node kinds we dispatch on (union of the three grammars); everything
 * else is JK_OTHER. */
/* clang-format off */
#define JS_KINDS(X) \
  X(program) X(comment) X(identifier) X(property_identifier) X(shorthand_property_identifier) \
  X(private_property_identifier) X(this) X(super) X(string) X(template_string) \
  X(template_substitution) X(number) X(true) X(false) X(null) X(undefined) X(regex) \
  X(member_expression) X(subscript_expression) X(call_expression) X(arguments) X(new_expression) \
  X(parenthesized_expression) X(await_expression) X(spread_element) X(binary_expression) \
  X(unary_expression) X(update_expression) X(ternary_expression) X(assignment_expression) \
  X(augmented_assignment_expression) X(sequence_expression) X(object) X(pair) \
  X(method_definition) X(array) X(arrow_function) X(function_expression) X(generator_function) \
  X(function_declaration) X(generator_function_declaration) X(class) X(class_declaration) \
  X(abstract_class_declaration) X(class_body) X(field_definition) X(public_field_definition) \
  X(class_static_block) X(formal_parameters) X(required_parameter) X(optional_parameter) \
  X(assignment_pattern) X(object_pattern) X(array_pattern) X(pair_pattern) \
  X(shorthand_property_identifier_pattern) X(object_assignment_pattern) X(rest_pattern) \
  X(expression_statement) X(lexical_declaration) X(variable_declaration) X(variable_declarator) \
  X(return_statement) X(throw_statement) X(if_statement) X(else_clause) X(for_statement) \
  X(for_in_statement) X(while_statement) X(do_statement) X(try_statement) X(catch_clause) \
  X(finally_clause) X(switch_statement) X(switch_body) X(switch_case) X(switch_default) \
  X(statement_block) X(labeled_statement) X(with_statement) X(import_statement) \
  X(import_clause) X(named_imports) X(import_specifier) X(namespace_import) \
  X(import_require_clause) X(export_statement) X(decorator) X(as_expression) \
  X(satisfies_expression) X(non_null_expression) X(type_assertion) X(type_arguments) \
  X(instantiation_expression) X(interface_declaration) X(interface_body) X(object_type) \
  X(property_signature) X(type_alias_declaration) X(type_annotation) X(internal_module) \
  X(module) X(nested_identifier) X(yield_expression) X(jsx_element) X(jsx_self_closing_element) \
  X(jsx_opening_element) X(jsx_expression) X(jsx_attribute) X(computed_property_name) \
  X(accessibility_modifier) X(override_modifier) X(escape_sequence) X(string_fragment) X(import) X(empty_statement)
/* clang-format on */

typedef enum {
  JK_OTHER = 0,
#define X(k) JK_##k,
  JS_KINDS(X)
#undef X
      JK__COUNT
} js_kind;

static const char *const js_kind_names[] = {"",
#define X(k) #k,
                                            JS_KINDS(X)
#undef X
};

/* clang-format off */
#define JS_FIELDS(X) \
  X(function) X(arguments) X(object) X(property) X(index) X(left) X(right) X(operator) X(body) \
  X(name) X(parameters) X(parameter) X(value) X(key) X(condition) X(consequence) \
  X(alternative) X(constructor) X(source) X(alias) X(declaration) X(decorator) X(pattern) \
  X(type) X(handler) X(finalizer) X(initializer) X(increment) X(argument) X(member) X(open_tag) \
  X(return_type)
/* clang-format on */

typedef struct js_lang {
  const TSLanguage *lang;
  uint8_t *kind_of; /* symbol -> js_kind */
  uint32_t nsyms;
#define X(f) TSFieldId f_##f;
  JS_FIELDS(X)
#undef X
} js_lang;

enum { JS_GRAMMAR_JS, JS_GRAMMAR_TS, JS_GRAMMAR_TSX, JS_GRAMMAR__COUNT };

static js_lang js_langs[JS_GRAMMAR__COUNT];
static _Thread_local TSParser *js_parsers[JS_GRAMMAR__COUNT];

static const js_lang *js_lang_get(int g) {
  js_lang *L = &js_langs[g];
  if (L->lang) return L;
  const TSLanguage *lang = g == JS_GRAMMAR_JS   ? tree_sitter_javascript()
                           : g == JS_GRAMMAR_TS ? tree_sitter_typescript()
                                                : tree_sitter_tsx();
  L->kind_of = fe_ts_kind_table(lang, js_kind_names, JK__COUNT, &L->nsyms);
#define X(f) L->f_##f = ts_language_field_id_for_name(lang, #f, (uint32_t)strlen(#f));
  JS_FIELDS(X)
#undef X
  L->lang = lang;
  return L;
}

static TSParser *js_parser(int g) {
  const js_lang *L = js_lang_get(g);
  if (!js_parsers[g]) {
    js_parsers[g] = ts_parser_new();
    if (!ts_parser_set_language(js_parsers[g], L->lang))
      as_die("tree-sitter-javascript/typescript: grammar ABI not accepted by the runtime");
  }
  return js_parsers[g];
}

/* The grammar for a path's extension: .ts -> typescript, .tsx -> tsx, else
 * javascript. */
static int js_grammar_of(const char *path) {
  const char *dot = path ? strrchr(path, '.') : NULL;
  if (dot && strcmp(dot, ".ts") == 0) return JS_GRAMMAR_TS;
  if (dot && strcmp(dot, ".tsx") == 0) return JS_GRAMMAR_TSX;
  return JS_GRAMMAR_JS;
}

/* ---- lowering context ------------------------------------------------------ */

typedef struct js_kid {
  TSNode node;
  TSFieldId field;
  uint8_t kind;
} js_kid;

typedef struct js_ctx {
  ir_unit *unit;
  const js_lang *L;
  const char *src;
  size_t len;
  TSTreeCursor cur;
  AS_ARRAY(js_kid) kids;           /* scratch stack of collected children */
  AS_ARRAY(const char *) vals;     /* scratch stack of argument values */
  as_buf nb;                       /* scratch for names */
  as_buf sb;                       /* scratch for string text */
  uint32_t fi;                     /* index of the current function */
  uint16_t depth;                  /* control nesting in the current function */
  uint32_t nest;                   /* recursion guard */
  const char *prefix;              /* qualified name of the enclosing function/class, or NULL */
  int32_t this_rec;                /* record that `this.x = ...` adds fields to, else -1 */
  uint32_t lambda_seq;             /* anonymous functions so far in this scope */
  const char *lambda_callee;       /* naming hint for a function passed to a */
  const char *lambda_lit;          /* call whose first argument is a string */
  const char *decos[JS_MAX_DECOS]; /* decorators waiting for the next method */
  uint32_t ndecos;
} js_ctx;

static const TSNode js_null_node = {{0}, 0, 0};

static js_kind js_kind_of(const js_ctx *c, TSNode n) {
  TSSymbol s = ts_node_symbol(n);
  return s < c->L->nsyms ? (js_kind)c->L->kind_of[s] : JK_OTHER;
}

static ir_loc js_loc(TSNode n) {
  TSPoint p = ts_node_start_point(n);
  return (ir_loc){p.row + 1, p.column + 1};
}

static const char *js_text(js_ctx *c, TSNode n) {
  uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
  return ir_strn(c->unit, c->src + a, b - a);
}

static bool js_text_is(const js_ctx *c, TSNode n, const char *s) {
  uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
  size_t l = strlen(s);
  return b - a == l && memcmp(c->src + a, s, l) == 0;
}

/* A field test that never matches when the grammar lacks the field (id 0). */
static bool js_is(TSFieldId have, TSFieldId want) {
  return want != 0 && have == want;
}

/* Push the named, non-extra children of n onto c->kids; returns the index of
 * the first. The caller pops with c->kids.len = start when done. */
static size_t js_kids(js_ctx *c, TSNode n) {
  size_t start = c->kids.len;
  ts_tree_cursor_reset(&c->cur, n);
  if (!ts_tree_cursor_goto_first_child(&c->cur)) return start;
  do {
    TSNode k = ts_tree_cursor_current_node(&c->cur);
    if (!ts_node_is_named(k) || ts_node_is_extra(k)) continue;
    js_kid kid = {k, ts_tree_cursor_current_field_id(&c->cur), (uint8_t)js_kind_of(c, k)};
    as_array_push(&c->kids, kid);
  } while (ts_tree_cursor_goto_next_sibling(&c->cur));
  return start;
}

static TSNode js_field(TSNode n, TSFieldId f) {
  if (!f) return js_null_node;
  return ts_node_child_by_field_id(n, f);
}

static TSNode js_first_named(TSNode n) {
  uint32_t cnt = ts_node_named_child_count(n);
  for (uint32_t i = 0; i < cnt; i++) {
    TSNode k = ts_node_named_child(n, i);
    if (!ts_node_is_extra(k)) return k;
  }
  return js_null_node;
}

/* The first named child that is not a type (as, satisfies, <T>x). */
static TSNode js_first_value(js_ctx *c, TSNode n) {
  uint32_t cnt = ts_node_named_child_count(n);
  for (uint32_t i = 0; i < cnt; i++) {
    TSNode k = ts_node_named_child(n, i);
    if (ts_node_is_extra(k) || js_kind_of(c, k) == JK_type_arguments) continue;
    return k;
  }
  return js_null_node;
}

static ir_func *js_fn(js_ctx *c) {
  return c->unit->funcs[c->fi];
}

static const char *js_temp(js_ctx *c) {
  return ir_temp(c->unit, js_fn(c));
}

static void js_emit(js_ctx *c, ir_op op, TSNode at, const char *dst, const char *obj,
                    const char *field, const char *callee, const char *text,
                    const char *const *args, uint32_t nargs) {
  ir_emit(c->unit, js_fn(c), op, c->depth, dst, obj, field, callee, text, args, nargs, js_loc(at));
}

static const char *js_const(js_ctx *c, TSNode at, const char *text) {
  const char *t = js_temp(c);
  js_emit(c, IR_CONST, at, t, NULL, NULL, NULL, text, NULL, 0);
  return t;
}

static const char *js_const_s(js_ctx *c, TSNode at, const char *text) {
  return js_const(c, at, ir_str(c->unit, text));
}

static void js_copy(js_ctx *c, TSNode at, const char *dst, const char *v) {
  if (dst == v) return;
  const char *arg[1] = {v};
  js_emit(c, IR_COPY, at, dst, NULL, NULL, NULL, NULL, arg, 1);
}

/* Intern at most JS_CONST_MAX bytes of s, cut at a UTF-8 character boundary. */
static const char *js_str_trunc(js_ctx *c, const char *s, size_t n) {
  if (n > JS_CONST_MAX) {
    n = JS_CONST_MAX;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
      n--;
  }
  return ir_strn(c->unit, s, n);
}

static void js_buf_reset(as_buf *b) {
  b->len = 0;
  if (b->data) b->data[0] = '\0';
}

static const char *js_expr(js_ctx *c, TSNode n, const char *dst);
static void js_stmt(js_ctx *c, TSNode n, js_kind k);
static void js_block(js_ctx *c, TSNode n);
static void js_assign(js_ctx *c, TSNode target, const char *v, TSNode at);
static void js_destructure(js_ctx *c, TSNode pattern, const char *src, TSNode at);
static void js_class(js_ctx *c, TSNode n, const char *name);
static void js_function(js_ctx *c, TSNode n, const char *name, bool method);
static const char *js_function_value(js_ctx *c, TSNode n, const char *name);

/* ---- syntax errors ------------------------------------------------------------ */

/* Function and class bodies are lowered statement by statement: an error in
 * one is its own. */
static bool js_stop(const void *arg, TSNode n) {
  js_kind k = js_kind_of(arg, n);
  return k == JK_statement_block || k == JK_class_body;
}

/* Does n hold a syntax error of its own (not inside a nested body)? Such a
 * statement is not lowered, such an expression is "<expr>". */
static bool js_broken(const js_ctx *c, TSNode n) {
  return ts_node_has_error(n) && fe_ts_error_outside(n, js_stop, c);
}

/* Statements lowered part by part even around a syntax error: the parts
 * that parsed are kept, expressions with an error in them are "<expr>". */
static bool js_is_compound(js_kind k) {
  switch (k) {
  case JK_function_declaration:
  case JK_generator_function_declaration:
  case JK_class_declaration:
  case JK_abstract_class_declaration:
  case JK_if_statement:
  case JK_for_statement:
  case JK_for_in_statement:
  case JK_while_statement:
  case JK_do_statement:
  case JK_try_statement:
  case JK_switch_statement:
  case JK_statement_block:
  case JK_labeled_statement:
  case JK_with_statement:
  case JK_internal_module:
  case JK_module:
  case JK_export_statement:
  case JK_interface_declaration:
  case JK_type_alias_declaration:
    return true;
  default:
    return false;
  }
}

/* ---- names ------------------------------------------------------------------ */

/* Append the dotted text of an identifier/member chain ("this.repo.save") to
 * c->nb; false when n is anything else. `a?.b` and `a!.b` count as `a.b`. */
static bool js_dotted(js_ctx *c, TSNode n, unsigned guard) {
  js_kind k = js_kind_of(c, n);
  switch (k) {
  case JK_identifier:
  case JK_this:
  case JK_super:
  case JK_property_identifier:
  case JK_private_property_identifier: {
    uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
    as_buf_put(&c->nb, c->src + a, b - a);
    return true;
  }
  case JK_non_null_expression: {
    TSNode e = js_first_named(n);
    return guard <= JS_MAX_NEST && !ts_node_is_null(e) && js_dotted(c, e, guard + 1);
  }
  case JK_member_expression: {
    if (guard > JS_MAX_NEST) return false;
    TSNode obj = js_field(n, c->L->f_object), prop = js_field(n, c->L->f_property);
    if (ts_node_is_null(obj) || ts_node_is_null(prop)) return false;
    if (!js_dotted(c, obj, guard + 1)) return false;
    as_buf_putc(&c->nb, '.');
    return js_dotted(c, prop, guard + 1);
  }
  default:
    return false;
  }
}

/* prefix.name, interned (name alone at the top level). */
static const char *js_qualify(js_ctx *c, const char *name) {
  if (!c->prefix) return ir_str(c->unit, name);
  js_buf_reset(&c->nb);
  as_buf_puts(&c->nb, c->prefix);
  as_buf_putc(&c->nb, '.');
  as_buf_puts(&c->nb, name);
  return ir_strn(c->unit, c->nb.data, c->nb.len);
}

/* The text of a string literal without its quotes, truncated. */
static const char *js_string_text(js_ctx *c, TSNode n) {
  uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
  if (b - a >= 2) a++, b--;
  return js_str_trunc(c, c->src + a, b - a);
}

/* A property name: identifier text, string content, number text; NULL for a
 * computed name (after lowering its expression). */
static const char *js_prop_name(js_ctx *c, TSNode key) {
  switch (js_kind_of(c, key)) {
  case JK_property_identifier:
  case JK_private_property_identifier:
  case JK_identifier:
  case JK_number:
  case JK_shorthand_property_identifier_pattern:
  case JK_shorthand_property_identifier:
    return js_text(c, key);
  case JK_string:
    return js_string_text(c, key);
  case JK_computed_property_name: {
    TSNode e = js_first_named(key);
    if (!ts_node_is_null(e)) {
      if (js_kind_of(c, e) == JK_string) return js_string_text(c, e);
      js_expr(c, e, NULL);
    }
    return NULL;
  }
  default:
    return NULL;
  }
}

/* ---- strings ------------------------------------------------------------------ */

/* Flush the literal text gathered in c->sb as a CONST argument. */
static void js_flush_part(js_ctx *c, TSNode at) {
  if (c->sb.len == 0) return;
  const char *text = js_str_trunc(c, c->sb.data, c->sb.len);
  js_buf_reset(&c->sb);
  as_array_push(&c->vals, js_const(c, at, text));
}

/* `a ${b} c`: CONST without substitutions, else CONCAT of the parts in order. */
static const char *js_template(js_ctx *c, TSNode n, const char *dst) {
  uint32_t pos = ts_node_start_byte(n) + 1, to = ts_node_end_byte(n);
  if (to > pos) to--; /* the closing backtick */
  size_t mark = c->vals.len;
  js_buf_reset(&c->sb);
  bool subs = false;
  size_t k0 = js_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    js_kid k = c->kids.items[i];
    if (k.kind != JK_template_substitution) continue;
    subs = true;
    uint32_t at = ts_node_start_byte(k.node);
    if (at > pos && c->sb.len < JS_CONST_MAX + 4) as_buf_put(&c->sb, c->src + pos, at - pos);
    js_flush_part(c, n);
    TSNode e = js_first_named(k.node);
    if (!ts_node_is_null(e)) {
      const char *v = js_expr(c, e, NULL);
      as_array_push(&c->vals, v);
    }
    pos = ts_node_end_byte(k.node);
  }
  c->kids.len = k0;
  if (to > pos && c->sb.len < JS_CONST_MAX + 4) as_buf_put(&c->sb, c->src + pos, to - pos);
  if (!subs) {
    const char *text = js_str_trunc(c, c->sb.data ? c->sb.data : "", c->sb.len);
    js_buf_reset(&c->sb);
    return js_const(c, n, text);
  }
  js_flush_part(c, n);
  const char *d = dst ? dst : js_temp(c);
  js_emit(c, IR_CONCAT, n, d, NULL, NULL, NULL, NULL, c->vals.items + mark,
          (uint32_t)(c->vals.len - mark));
  c->vals.len = mark;
  return d;
}

/* ---- imports ---------------------------------------------------------------------- */

/* The dotted target of a module specifier into c->nb: a relative one
 * ("./util", "../util/mask.js") resolved against the current module's folder
 * and stripped of its extension; a package one as written. */
static void js_resolve(js_ctx *c, TSNode spec) {
  uint32_t a = ts_node_start_byte(spec), b = ts_node_end_byte(spec);
  if (b - a >= 2) a++, b--;
  const char *s = c->src + a;
  size_t n = b - a;
  js_buf_reset(&c->nb);
  bool relative = (n >= 1 && s[0] == '.' && (n == 1 || s[1] == '/')) ||
                  (n >= 2 && s[0] == '.' && s[1] == '.' && (n == 2 || s[2] == '/'));
  if (!relative) {
    as_buf_put(&c->nb, s, n);
    return;
  }
  const char *mod = c->unit->module ? c->unit->module : "";
  const char *slash = strrchr(mod, '/');
  if (slash) as_buf_put(&c->nb, mod, (size_t)(slash - mod));
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && s[j] != '/')
      j++;
    size_t seg = j - i;
    if (seg == 0 || (seg == 1 && s[i] == '.')) {
      /* nothing */
    } else if (seg == 2 && s[i] == '.' && s[i + 1] == '.') {
      size_t keep = c->nb.len;
      while (keep > 0 && c->nb.data[keep - 1] != '/')
        keep--;
      bool dotdot = c->nb.len - keep == 2 && c->nb.data[keep] == '.' && c->nb.data[keep + 1] == '.';
      if (c->nb.len == 0 || dotdot) {
        if (c->nb.len) as_buf_putc(&c->nb, '/');
        as_buf_puts(&c->nb, "..");
      } else {
        c->nb.len = keep > 0 ? keep - 1 : 0;
        c->nb.data[c->nb.len] = '\0';
      }
    } else {
      if (c->nb.len) as_buf_putc(&c->nb, '/');
      as_buf_put(&c->nb, s + i, seg);
    }
    i = j + 1;
  }
  if (c->nb.len == 0) as_buf_puts(&c->nb, "index"); /* '..' back to the service root */
  static const char *const exts[] = {".js", ".ts", ".mjs", ".cjs", ".jsx", ".tsx"};
  for (size_t e = 0; e < sizeof exts / sizeof *exts; e++) {
    size_t el = strlen(exts[e]);
    if (c->nb.len > el && strcmp(c->nb.data + c->nb.len - el, exts[e]) == 0 &&
        c->nb.data[c->nb.len - el - 1] != '/') {
      c->nb.len -= el;
      c->nb.data[c->nb.len] = '\0';
      break;
    }
  }
}

/* Add an import alias -> base[.member], base being the resolved specifier in
 * c->nb (left intact). */
static void js_add_import(js_ctx *c, const char *alias, size_t base_len, const char *member) {
  c->nb.len = base_len;
  if (c->nb.data) c->nb.data[base_len] = '\0';
  if (member) {
    as_buf_putc(&c->nb, '.');
    as_buf_puts(&c->nb, member);
  }
  ir_add_import(c->unit, alias, ir_strn(c->unit, c->nb.data ? c->nb.data : "", c->nb.len));
  c->nb.len = base_len;
  if (c->nb.data) c->nb.data[base_len] = '\0';
}

/* import d, {a as b}, * as ns from 'spec'; import x = require('spec') */
static void js_import(js_ctx *c, TSNode n) {
  TSNode src = js_field(n, c->L->f_source);
  size_t k0 = js_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    js_kid k = c->kids.items[i];
    if (k.kind == JK_import_require_clause) {
      TSNode id = js_first_named(k.node), s = js_field(k.node, c->L->f_source);
      if (ts_node_is_null(id) || ts_node_is_null(s)) continue;
      js_resolve(c, s);
      js_add_import(c, js_text(c, id), c->nb.len, NULL);
      continue;
    }
    if (k.kind != JK_import_clause || ts_node_is_null(src)) continue;
    js_resolve(c, src);
    size_t base = c->nb.len;
    size_t j0 = js_kids(c, k.node), j1 = c->kids.len;
    for (size_t j = j0; j < j1; j++) {
      js_kid cl = c->kids.items[j];
      if (cl.kind == JK_identifier) {
        js_add_import(c, js_text(c, cl.node), base, "default");
      } else if (cl.kind == JK_namespace_import) {
        TSNode id = js_first_named(cl.node);
        if (!ts_node_is_null(id)) js_add_import(c, js_text(c, id), base, NULL);
      } else if (cl.kind == JK_named_imports) {
        uint32_t cnt = ts_node_named_child_count(cl.node);
        for (uint32_t s = 0; s < cnt; s++) {
          TSNode spec = ts_node_named_child(cl.node, s);
          if (js_kind_of(c, spec) != JK_import_specifier) continue;
          TSNode name = js_field(spec, c->L->f_name), al = js_field(spec, c->L->f_alias);
          if (ts_node_is_null(name)) continue;
          const char *member =
              js_kind_of(c, name) == JK_string ? js_string_text(c, name) : js_text(c, name);
          js_add_import(c, ts_node_is_null(al) ? member : js_text(c, al), base, member);
        }
      }
    }
    c->kids.len = j0;
  }
  c->kids.len = k0;
}

/* `require('spec')` with one string argument: its specifier node, else null. */
static TSNode js_require_spec(js_ctx *c, TSNode value) {
  while (!ts_node_is_null(value) && (js_kind_of(c, value) == JK_await_expression ||
                                     js_kind_of(c, value) == JK_parenthesized_expression))
    value = js_first_named(value);
  if (ts_node_is_null(value) || js_kind_of(c, value) != JK_call_expression) return js_null_node;
  TSNode fn = js_field(value, c->L->f_function), args = js_field(value, c->L->f_arguments);
  if (ts_node_is_null(fn) || ts_node_is_null(args) || js_kind_of(c, fn) != JK_identifier ||
      !js_text_is(c, fn, "require") || ts_node_named_child_count(args) != 1)
    return js_null_node;
  TSNode s = ts_node_named_child(args, 0);
  return js_kind_of(c, s) == JK_string ? s : js_null_node;
}

/* const u = require('./u') / const {f, g: h} = require('./u'). */
static bool js_require(js_ctx *c, TSNode name, TSNode value) {
  TSNode spec = js_require_spec(c, value);
  if (ts_node_is_null(spec)) return false;
  js_kind nk = js_kind_of(c, name);
  js_resolve(c, spec);
  size_t base = c->nb.len;
  if (nk == JK_identifier) {
    js_add_import(c, js_text(c, name), base, NULL);
    return true;
  }
  if (nk != JK_object_pattern) return false;
  uint32_t cnt = ts_node_named_child_count(name);
  for (uint32_t i = 0; i < cnt; i++) {
    TSNode p = ts_node_named_child(name, i);
    js_kind pk = js_kind_of(c, p);
    if (pk == JK_shorthand_property_identifier_pattern) {
      const char *nm = js_text(c, p);
      js_add_import(c, nm, base, nm);
    } else if (pk == JK_pair_pattern) {
      TSNode key = js_field(p, c->L->f_key), val = js_field(p, c->L->f_value);
      if (ts_node_is_null(key) || ts_node_is_null(val) || js_kind_of(c, val) != JK_identifier)
        continue;
      js_kind kk = js_kind_of(c, key);
      if (kk != JK_property_identifier && kk != JK_string) continue;
      const char *member = kk == JK_string ? js_string_text(c, key) : js_text(c, key);
      js_add_import(c, js_text(c, val), base, member);
    }
  }
  return true;
}

/* ---- expressions ---------------------------------------------------------------- */

/* Lower the arguments of a call/new onto c->vals (spread: its inner value).
 * When the first argument is a string literal (a route, an event name), the
 * functions passed after it are named after the call: see ir_lambda_name. */
static void js_args(js_ctx *c, TSNode args, const char *callee) {
  if (ts_node_is_null(args)) return;
  if (js_kind_of(c, args) == JK_template_string) { /* tag`...` */
    const char *v = js_template(c, args, NULL);
    as_array_push(&c->vals, v);
    return;
  }
  const char *hint_callee = c->lambda_callee, *hint_lit = c->lambda_lit;
  c->lambda_callee = c->lambda_lit = NULL;
  size_t k0 = js_kids(c, args), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    TSNode e = c->kids.items[i].node;
    const char *v = js_expr(c, e, NULL);
    as_array_push(&c->vals, v);
    if (i == k0 && callee && js_kind_of(c, e) == JK_string) {
      c->lambda_callee = callee;
      c->lambda_lit = js_string_text(c, e);
    }
  }
  c->kids.len = k0;
  c->lambda_callee = hint_callee;
  c->lambda_lit = hint_lit;
}

/* call: CALL dst = callee(args), with the receiver's value as obj for member
 * calls. */
static const char *js_call(js_ctx *c, TSNode n, const char *dst) {
  TSNode fn = js_field(n, c->L->f_function), args = js_field(n, c->L->f_arguments);
  const char *callee = NULL, *obj = NULL;
  js_kind fk = ts_node_is_null(fn) ? JK_OTHER : js_kind_of(c, fn);
  /* await pool.query<Customer>(...): tree-sitter-typescript parses the
   * callee as await(pool.query) when the call has type arguments; the call
   * is pool.query's. */
  bool typed = false;
  for (uint32_t k = 0; k < ts_node_named_child_count(n) && !typed; k++)
    typed = js_kind_of(c, ts_node_named_child(n, k)) == JK_type_arguments;
  if (typed && fk == JK_await_expression && !ts_node_is_null(js_first_value(c, fn))) {
    fn = js_first_value(c, fn);
    fk = js_kind_of(c, fn);
  }
  js_buf_reset(&c->nb);
  if (fk == JK_member_expression) {
    TSNode recv = js_field(fn, c->L->f_object), prop = js_field(fn, c->L->f_property);
    if (js_dotted(c, fn, 0)) {
      callee = ir_strn(c->unit, c->nb.data, c->nb.len);
    } else {
      js_buf_reset(&c->nb);
      as_buf_puts(&c->nb, "<expr>.");
      if (!ts_node_is_null(prop)) {
        uint32_t a = ts_node_start_byte(prop), b = ts_node_end_byte(prop);
        as_buf_put(&c->nb, c->src + a, b - a);
      }
      callee = ir_strn(c->unit, c->nb.data, c->nb.len);
    }
    if (!ts_node_is_null(recv)) obj = js_expr(c, recv, NULL);
  } else if (fk != JK_OTHER && js_dotted(c, fn, 0)) {
    callee = ir_strn(c->unit, c->nb.data, c->nb.len);
  } else if (fk == JK_import) {
    callee = ir_str(c->unit, "import");
  } else {
    if (!ts_node_is_null(fn)) js_expr(c, fn, NULL);
    callee = ir_str(c->unit, "<expr>");
  }
  size_t mark = c->vals.len;
  js_args(c, args, callee);
  const char *d = dst ? dst : js_temp(c);
  js_emit(c, IR_CALL, n, d, obj, NULL, callee, NULL, c->vals.items + mark,
          (uint32_t)(c->vals.len - mark));
  c->vals.len = mark;
  return d;
}

/* new X(args): CALL "new X" (X dotted, type arguments dropped). */
static const char *js_new(js_ctx *c, TSNode n, const char *dst) {
  TSNode ctor = js_field(n, c->L->f_constructor), args = js_field(n, c->L->f_arguments);
  js_buf_reset(&c->nb);
  as_buf_puts(&c->nb, "new ");
  const char *callee;
  if (!ts_node_is_null(ctor) && js_dotted(c, ctor, 0)) {
    callee = ir_strn(c->unit, c->nb.data, c->nb.len);
  } else {
    if (!ts_node_is_null(ctor)) js_expr(c, ctor, NULL);
    callee = ir_str(c->unit, "new <expr>");
  }
  size_t mark = c->vals.len;
  js_args(c, args, NULL);
  const char *d = dst ? dst : js_temp(c);
  js_emit(c, IR_CALL, n, d, NULL, NULL, callee, NULL, c->vals.items + mark,
          (uint32_t)(c->vals.len - mark));
  c->vals.len = mark;
  return d;
}

/* {k: v, s, ...o, m() {}}: CONST "<object>" then one STORE per member. */
static const char *js_object(js_ctx *c, TSNode n) {
  const char *d = js_const_s(c, n, "<object>");
  size_t k0 = js_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    js_kid k = c->kids.items[i];
    const char *field = NULL, *v = NULL;
    if (k.kind == JK_pair) {
      TSNode key = js_field(k.node, c->L->f_key), val = js_field(k.node, c->L->f_value);
      if (!ts_node_is_null(key)) field = js_prop_name(c, key);
      if (ts_node_is_null(val)) continue;
      v = js_expr(c, val, NULL);
    } else if (k.kind == JK_shorthand_property_identifier) {
      field = v = js_text(c, k.node);
    } else if (k.kind == JK_spread_element) {
      TSNode e = js_first_named(k.node);
      if (ts_node_is_null(e)) continue;
      v = js_expr(c, e, NULL);
    } else if (k.kind == JK_method_definition) {
      TSNode key = js_field(k.node, c->L->f_name);
      if (!ts_node_is_null(key)) field = js_prop_name(c, key);
      v = js_function_value(c, k.node, NULL);
    } else {
      continue;
    }
    const char *arg[1] = {v};
    js_emit(c, IR_STORE, k.node, NULL, d, field, NULL, NULL, arg, 1);
  }
  c->kids.len = k0;
  return d;
}

/* [a, ...b]: CONST "<list>" then STORE [NULL] per element. */
static const char *js_array(js_ctx *c, TSNode n) {
  const char *d = js_const_s(c, n, "<list>");
  size_t k0 = js_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    TSNode e = c->kids.items[i].node;
    const char *arg[1] = {js_expr(c, e, NULL)};
    js_emit(c, IR_STORE, e, NULL, d, NULL, NULL, NULL, arg, 1);
  }
  c->kids.len = k0;
  return d;
}

/* Values embedded in JSX ({expr} children and attribute values) onto c->vals. */
static void js_jsx_parts(js_ctx *c, TSNode n) {
  if (c->nest > JS_MAX_NEST) return;
  c->nest++;
  size_t k0 = js_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    js_kid k = c->kids.items[i];
    switch (k.kind) {
    case JK_jsx_expression: {
      TSNode e = js_first_named(k.node);
      if (!ts_node_is_null(e)) {
        const char *v = js_expr(c, e, NULL);
        as_array_push(&c->vals, v);
      }
      break;
    }
    case JK_jsx_element:
    case JK_jsx_self_closing_element:
    case JK_jsx_opening_element:
    case JK_jsx_attribute:
      js_jsx_parts(c, k.node);
      break;
    default:
      break;
    }
  }
  c->kids.len = k0;
  c->nest--;
}

/* JSX: CONCAT of the embedded values ("<jsx>" when there are none). */
static const char *js_jsx(js_ctx *c, TSNode n, const char *dst) {
  size_t mark = c->vals.len;
  js_jsx_parts(c, n);
  if (c->vals.len == mark) return js_const_s(c, n, "<jsx>");
  const char *d = dst ? dst : js_temp(c);
  js_emit(c, IR_CONCAT, n, d, NULL, NULL, NULL, NULL, c->vals.items + mark,
          (uint32_t)(c->vals.len - mark));
  c->vals.len = mark;
  return d;
}

static bool js_is_comparison(const char *op) {
  static const char *const ops[] = {"==", "!=", "===", "!==",        "<",
                                    ">",  "<=", ">=",  "instanceof", "in"};
  for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
    if (strcmp(op, ops[i]) == 0) return true;
  return false;
}

/* The operator token of a binary/unary/augmented expression. */
static const char *js_operator(js_ctx *c, TSNode n) {
  TSNode op = js_field(n, c->L->f_operator);
  return ts_node_is_null(op) ? "" : ts_node_type(op);
}

static bool js_is_function_kind(js_kind k) {
  return k == JK_arrow_function || k == JK_function_expression || k == JK_generator_function;
}

/* An anonymous function's name (ir_lambda_name): after the call it is passed
 * to when that call's first argument is a string, else its position. */
static const char *js_lambda_name(js_ctx *c, TSNode n) {
  (void)n;
  if (c->lambda_callee)
    return ir_lambda_name(c->unit, c->prefix, c->lambda_callee, c->lambda_lit, 0);
  return ir_lambda_name(c->unit, c->prefix, NULL, NULL, ++c->lambda_seq);
}

/* A function-valued expression (arrow, function, class) named `name` when the
 * code gives it one (const f = () => ..., exports.f = function ...). Other
 * expressions are lowered as usual. */
static const char *js_named_value(js_ctx *c, TSNode n, const char *name, const char *dst) {
  TSNode e = n;
  while (!ts_node_is_null(e) &&
         (js_kind_of(c, e) == JK_parenthesized_expression || js_kind_of(c, e) == JK_as_expression ||
          js_kind_of(c, e) == JK_satisfies_expression))
    e = js_first_value(c, e);
  if (name && !ts_node_is_null(e)) {
    js_kind k = js_kind_of(c, e);
    if (js_is_function_kind(k)) return js_function_value(c, e, name);
    if (k == JK_class) {
      js_class(c, e, name);
      return js_const_s(c, e, "<class>");
    }
  }
  return js_expr(c, n, dst);
}

/* The type of a cast as written: the type of `e as T` (last child), of
 * `<T>e` (its type arguments, without the brackets); NULL for `as const`. */
static const char *js_cast_type(js_ctx *c, TSNode n) {
  uint32_t cnt = ts_node_named_child_count(n);
  if (cnt < 2) return NULL;
  TSNode t = ts_node_named_child(n, js_kind_of(c, n) == JK_as_expression ? cnt - 1 : 0);
  if (js_kind_of(c, t) == JK_type_arguments) t = js_first_named(t);
  if (ts_node_is_null(t) || ts_node_has_error(t) || js_text_is(c, t, "const")) return NULL;
  return js_text(c, t);
}

/* The cast an initializer is (through parentheses and await), or a null
 * node: const u = (await r.json()) as User. */
static TSNode js_cast_of(js_ctx *c, TSNode e) {
  for (int guard = 0; guard < 64 && !ts_node_is_null(e); guard++) {
    js_kind k = js_kind_of(c, e);
    if (k == JK_as_expression || k == JK_type_assertion) return e;
    if (k != JK_parenthesized_expression && k != JK_await_expression) break;
    e = js_first_value(c, e);
  }
  return js_null_node;
}

static const char *js_expr(js_ctx *c, TSNode n, const char *dst) {
  js_kind k = js_kind_of(c, n);
  if (js_broken(c, n)) return js_const_s(c, n, "<expr>");
  if (k == JK_identifier) return js_text(c, n);
  if (k == JK_this) return ir_str(c->unit, "this");
  if (c->nest > JS_MAX_NEST) return js_const_s(c, n, "<expr>");
  c->nest++;
  const char *r = NULL;
  switch (k) {
  case JK_string:
    r = js_const(c, n, js_string_text(c, n));
    break;
  case JK_template_string:
    r = js_template(c, n, dst);
    break;
  case JK_number:
  case JK_true:
  case JK_false:
  case JK_null:
  case JK_undefined:
  case JK_regex:
    r = js_const(c, n,
                 js_str_trunc(c, c->src + ts_node_start_byte(n),
                              ts_node_end_byte(n) - ts_node_start_byte(n)));
    break;
  case JK_super:
    r = ir_str(c->unit, "super");
    break;
  case JK_member_expression: {
    TSNode o = js_field(n, c->L->f_object), p = js_field(n, c->L->f_property);
    const char *obj = ts_node_is_null(o) ? js_const_s(c, n, "<expr>") : js_expr(c, o, NULL);
    r = dst ? dst : js_temp(c);
    js_emit(c, IR_LOAD, n, r, obj, ts_node_is_null(p) ? NULL : js_text(c, p), NULL, NULL, NULL, 0);
    break;
  }
  case JK_subscript_expression: {
    TSNode o = js_field(n, c->L->f_object), ix = js_field(n, c->L->f_index);
    const char *obj = ts_node_is_null(o) ? js_const_s(c, n, "<expr>") : js_expr(c, o, NULL);
    const char *field = NULL;
    if (!ts_node_is_null(ix)) {
      js_kind ik = js_kind_of(c, ix);
      if (ik == JK_string)
        field = js_string_text(c, ix);
      else if (ik == JK_number)
        field = js_text(c, ix);
      else
        js_expr(c, ix, NULL);
    }
    r = dst ? dst : js_temp(c);
    js_emit(c, IR_LOAD, n, r, obj, field, NULL, NULL, NULL, 0);
    break;
  }
  case JK_call_expression:
    r = js_call(c, n, dst);
    break;
  case JK_new_expression:
    r = js_new(c, n, dst);
    break;
  case JK_parenthesized_expression:
  case JK_await_expression:
  case JK_spread_element:
  case JK_as_expression:
  case JK_satisfies_expression:
  case JK_non_null_expression:
  case JK_type_assertion:
  case JK_instantiation_expression: {
    TSNode e = k == JK_type_assertion ? js_null_node : js_first_value(c, n);
    if (k == JK_type_assertion) { /* <T>x: the expression comes last */
      uint32_t cnt = ts_node_named_child_count(n);
      e = cnt ? ts_node_named_child(n, cnt - 1) : js_null_node;
    }
    r = ts_node_is_null(e) ? js_const_s(c, n, "<expr>") : js_expr(c, e, dst);
    /* x as User, <User>x: a temporary holding the value is typed User */
    const char *ty = k == JK_as_expression || k == JK_type_assertion ? js_cast_type(c, n) : NULL;
    if (ty && r[0] == '%') ir_func_add_local(c->unit, js_fn(c), r, ty, js_loc(n));
    break;
  }
  case JK_binary_expression: {
    TSNode l = js_field(n, c->L->f_left), rt = js_field(n, c->L->f_right);
    const char *args[2];
    uint32_t na = 0;
    if (!ts_node_is_null(l)) args[na++] = js_expr(c, l, NULL);
    if (!ts_node_is_null(rt)) args[na++] = js_expr(c, rt, NULL);
    if (js_is_comparison(js_operator(c, n)) || na == 0) {
      r = js_const_s(c, n, "<bool>");
    } else if (strcmp(js_operator(c, n), "-") == 0) { /* a - b: CALL <sub> into a temporary */
      r = js_temp(c);
      js_emit(c, IR_CALL, n, r, NULL, NULL, ir_str(c->unit, "<sub>"), NULL, args, na);
    } else {
      r = dst ? dst : js_temp(c);
      js_emit(c, IR_CONCAT, n, r, NULL, NULL, NULL, NULL, args, na);
    }
    break;
  }
  case JK_unary_expression: {
    TSNode a = js_field(n, c->L->f_argument);
    if (!ts_node_is_null(a) && js_kind_of(c, a) == JK_number &&
        strcmp(js_operator(c, n), "-") == 0) {
      js_buf_reset(&c->nb); /* -4: CONST "-4" */
      as_buf_putc(&c->nb, '-');
      as_buf_put(&c->nb, c->src + ts_node_start_byte(a),
                 ts_node_end_byte(a) - ts_node_start_byte(a));
      r = js_const(c, n, js_str_trunc(c, c->nb.data, c->nb.len));
      break;
    }
    const char *v = ts_node_is_null(a) ? js_const_s(c, n, "<expr>") : js_expr(c, a, NULL);
    const char *op = js_operator(c, n);
    if (strcmp(op, "-") == 0 || strcmp(op, "+") == 0 || strcmp(op, "~") == 0) {
      r = js_temp(c);
      js_copy(c, n, r, v);
    } else if (strcmp(op, "void") == 0) {
      r = js_const_s(c, n, "undefined");
    } else {
      r = js_const_s(c, n, "<bool>"); /* ! typeof delete */
    }
    break;
  }
  case JK_update_expression: {
    TSNode a = js_field(n, c->L->f_argument);
    r = ts_node_is_null(a) ? js_const_s(c, n, "<expr>") : js_expr(c, a, NULL);
    break;
  }
  case JK_ternary_expression: {
    TSNode cond = js_field(n, c->L->f_condition), th = js_field(n, c->L->f_consequence),
           el = js_field(n, c->L->f_alternative);
    if (!ts_node_is_null(cond)) js_expr(c, cond, NULL);
    const char *args[2];
    uint32_t na = 0;
    if (!ts_node_is_null(th)) args[na++] = js_expr(c, th, NULL);
    if (!ts_node_is_null(el)) args[na++] = js_expr(c, el, NULL);
    if (na == 0) {
      r = js_const_s(c, n, "<expr>");
    } else {
      r = js_temp(c);
      js_emit(c, IR_CONCAT, n, r, NULL, NULL, NULL, NULL, args, na);
    }
    break;
  }
  case JK_assignment_expression: {
    TSNode l = js_field(n, c->L->f_left), rt = js_field(n, c->L->f_right);
    if (ts_node_is_null(rt)) {
      r = js_const_s(c, n, "<expr>");
      break;
    }
    const char *name = NULL, *hint = NULL;
    js_kind lk = ts_node_is_null(l) ? JK_OTHER : js_kind_of(c, l);
    if (lk == JK_identifier) {
      name = hint = js_text(c, l);
    } else if (lk == JK_member_expression) {
      /* exports.f = function ..., module.exports.f = ... keep the name f */
      TSNode o = js_field(l, c->L->f_object), p = js_field(l, c->L->f_property);
      js_buf_reset(&c->nb);
      if (!ts_node_is_null(o) && !ts_node_is_null(p) && js_dotted(c, o, 0) &&
          (strcmp(c->nb.data, "exports") == 0 || strcmp(c->nb.data, "module.exports") == 0))
        name = js_text(c, p);
    }
    r = js_named_value(c, rt, name, hint);
    if (!ts_node_is_null(l)) js_assign(c, l, r, n);
    break;
  }
  case JK_augmented_assignment_expression: {
    TSNode l = js_field(n, c->L->f_left), rt = js_field(n, c->L->f_right);
    if (ts_node_is_null(l) || ts_node_is_null(rt)) {
      r = js_const_s(c, n, "<expr>");
      break;
    }
    const char *v = js_expr(c, rt, NULL);
    while (js_kind_of(c, l) == JK_parenthesized_expression ||
           js_kind_of(c, l) == JK_non_null_expression) {
      TSNode inner = js_first_named(l);
      if (ts_node_is_null(inner)) break;
      l = inner;
    }
    js_kind lk = js_kind_of(c, l);
    if (lk == JK_identifier) {
      const char *x = js_text(c, l);
      const char *args[2] = {x, v};
      js_emit(c, IR_CONCAT, n, x, NULL, NULL, NULL, NULL, args, 2);
      r = x;
    } else if (lk == JK_member_expression || lk == JK_subscript_expression) {
      const char *old = js_expr(c, l, NULL);
      const char *args[2] = {old, v};
      r = js_temp(c);
      js_emit(c, IR_CONCAT, n, r, NULL, NULL, NULL, NULL, args, 2);
      js_assign(c, l, r, n);
    } else {
      r = v;
    }
    break;
  }
  case JK_sequence_expression: {
    size_t k0 = js_kids(c, n), k1 = c->kids.len;
    for (size_t i = k0; i < k1; i++)
      r = js_expr(c, c->kids.items[i].node, NULL);
    c->kids.len = k0;
    if (!r) r = js_const_s(c, n, "<expr>");
    break;
  }
  case JK_object:
    r = js_object(c, n);
    break;
  case JK_array:
    r = js_array(c, n);
    break;
  case JK_arrow_function:
  case JK_function_expression:
  case JK_generator_function: {
    /* a named function expression keeps the anonymous-function naming: its
     * name is only visible inside itself */
    r = js_function_value(c, n, NULL);
    break;
  }
  case JK_class: {
    TSNode nm = js_field(n, c->L->f_name);
    js_class(c, n, ts_node_is_null(nm) ? NULL : js_text(c, nm));
    r = js_const_s(c, n, "<class>");
    break;
  }
  case JK_yield_expression: {
    TSNode e = js_first_named(n);
    if (ts_node_is_null(e)) {
      js_emit(c, IR_RETURN, n, NULL, NULL, NULL, NULL, NULL, NULL, 0);
    } else {
      const char *arg[1] = {js_expr(c, e, NULL)};
      js_emit(c, IR_RETURN, n, NULL, NULL, NULL, NULL, NULL, arg, 1);
    }
    r = js_const_s(c, n, "<expr>");
    break;
  }
  case JK_jsx_element:
  case JK_jsx_self_closing_element:
    r = js_jsx(c, n, dst);
    break;
  default:
    r = js_const_s(c, n, "<expr>");
    break;
  }
  c->nest--;
  return r;
}

/* ---- records ------------------------------------------------------------------ */

/* Add a field to record rec unless it has one of that name. */
static void js_add_field(js_ctx *c, int32_t rec, const char *name, TSNode type, TSNode at) {
  if (rec < 0 || !name) return;
  ir_record *r = c->unit->records[rec];
  for (uint32_t i = 0; i < r->nfields; i++)
    if (r->fields[i].name == name) return;
  const char *ty = NULL;
  if (!ts_node_is_null(type)) {
    TSNode t = js_kind_of(c, type) == JK_type_annotation ? js_first_named(type) : type;
    if (!ts_node_is_null(t)) ty = js_text(c, t);
  }
  ir_record_add_field(c->unit, r, name, ty, js_loc(at));
}

/* interface I { a: T; b?: U } / type T = { ... }: a record of the property
 * signatures. */
static void js_type_record(js_ctx *c, TSNode n, TSNode body) {
  TSNode nm = js_field(n, c->L->f_name);
  if (ts_node_is_null(nm) || ts_node_is_null(body)) return;
  ir_add_record(c->unit, js_qualify(c, js_text(c, nm)), js_loc(n));
  int32_t rec = (int32_t)(c->unit->nrecords - 1);
  uint32_t cnt = ts_node_named_child_count(body);
  for (uint32_t i = 0; i < cnt; i++) {
    TSNode p = ts_node_named_child(body, i);
    if (js_kind_of(c, p) != JK_property_signature) continue;
    TSNode pn = js_field(p, c->L->f_name);
    if (ts_node_is_null(pn)) continue;
    js_kind pk = js_kind_of(c, pn);
    const char *name = pk == JK_string                   ? js_string_text(c, pn)
                       : pk == JK_computed_property_name ? NULL
                                                         : js_text(c, pn);
    js_add_field(c, rec, name, js_field(p, c->L->f_type), pn);
  }
}

/* ---- functions -------------------------------------------------------------------- */

typedef struct js_saved {
  uint32_t fi;
  uint16_t depth;
  const char *prefix;
  int32_t this_rec;
  uint32_t lambda_seq;
  const char *lambda_callee, *lambda_lit;
} js_saved;

/* Save the scope and start a new one: its anonymous functions are numbered
 * from 1 and no naming hint reaches into it. */
static js_saved js_save(js_ctx *c) {
  js_saved s = {c->fi,         c->depth,         c->prefix,    c->this_rec,
                c->lambda_seq, c->lambda_callee, c->lambda_lit};
  c->lambda_seq = 0;
  c->lambda_callee = c->lambda_lit = NULL;
  return s;
}

static void js_restore(js_ctx *c, js_saved s) {
  c->fi = s.fi;
  c->depth = s.depth;
  c->prefix = s.prefix;
  c->this_rec = s.this_rec;
  c->lambda_seq = s.lambda_seq;
  c->lambda_callee = s.lambda_callee;
  c->lambda_lit = s.lambda_lit;
}

/* The text of a type annotation's type (": pino.Logger" gives
 * "pino.Logger"), or NULL. */
static const char *js_type_text(js_ctx *c, TSNode type) {
  if (ts_node_is_null(type)) return NULL;
  TSNode t = js_kind_of(c, type) == JK_type_annotation ? js_first_named(type) : type;
  if (ts_node_is_null(t) || ts_node_has_error(t)) return NULL;
  return js_text(c, t);
}

/* Add one parameter, with its TypeScript type as written ("Logger",
 * "pino.Logger"; NULL without one). Identifiers keep their name; patterns
 * are named "%pN" (N its position) and destructured at the start of the
 * body; TypeScript parameter properties (constructor(private repo: Repo),
 * also with only readonly or override) also store into this and become
 * fields of the class. */
static void js_param(js_ctx *c, TSNode p, uint32_t index) {
  js_kind k = js_kind_of(c, p);
  TSNode pat = p, type = js_null_node;
  bool property = false;
  if (k == JK_required_parameter || k == JK_optional_parameter) {
    pat = js_field(p, c->L->f_pattern);
    if (ts_node_is_null(pat)) pat = js_field(p, c->L->f_name);
    type = js_field(p, c->L->f_type);
    uint32_t cnt = ts_node_child_count(p);
    for (uint32_t i = 0; i < cnt; i++) {
      TSNode m = ts_node_child(p, i);
      if (js_kind_of(c, m) == JK_accessibility_modifier ||
          js_kind_of(c, m) == JK_override_modifier ||
          (!ts_node_is_named(m) && js_text_is(c, m, "readonly")))
        property = true;
    }
  } else if (k == JK_assignment_pattern) {
    pat = js_field(p, c->L->f_left);
  }
  if (ts_node_is_null(pat)) return;
  js_kind pk = js_kind_of(c, pat);
  if (pk == JK_this) return; /* TypeScript's this parameter is a type only */
  if (pk == JK_rest_pattern) {
    TSNode inner = js_first_named(pat);
    if (ts_node_is_null(inner)) return;
    pat = inner;
    pk = js_kind_of(c, pat);
  }
  const char *ty = js_type_text(c, type);
  if (pk == JK_identifier) {
    const char *name = js_text(c, pat);
    ir_func_add_typed_param(c->unit, js_fn(c), name, ty);
    if (property && c->this_rec >= 0) {
      const char *arg[1] = {name};
      js_emit(c, IR_STORE, p, NULL, ir_str(c->unit, "this"), name, NULL, NULL, arg, 1);
      js_add_field(c, c->this_rec, name, type, pat);
    }
    return;
  }
  char buf[32];
  snprintf(buf, sizeof buf, "%%p%u", index);
  const char *name = ir_str(c->unit, buf);
  ir_func_add_typed_param(c->unit, js_fn(c), name, ty);
  js_destructure(c, pat, name, pat);
}

/* A function (declaration, expression, arrow, method) as a function of its
 * own named `name` (qualified by the enclosing name), or an anonymous one
 * named by js_lambda_name. The pending decorators go to it. */
static void js_function(js_ctx *c, TSNode n, const char *name, bool method) {
  js_kind k = js_kind_of(c, n);
  ir_loc loc = js_loc(n);
  const char *qual = name ? js_qualify(c, name) : js_lambda_name(c, n);
  js_saved s = js_save(c);
  ir_func *fn = ir_add_func(c->unit, qual, loc);
  for (uint32_t d = 0; d < c->ndecos; d++)
    ir_func_add_decorator(c->unit, fn, c->decos[d]);
  c->ndecos = 0;
  c->fi = c->unit->nfuncs - 1;
  c->depth = 0;
  c->prefix = qual;
  /* arrow functions see the enclosing this; other functions have their own */
  if (!method && k != JK_arrow_function) c->this_rec = -1;
  TSNode params = js_field(n, c->L->f_parameters);
  if (!ts_node_is_null(params)) {
    size_t k0 = js_kids(c, params), k1 = c->kids.len;
    /* js_param pushes kids of its own (destructuring): re-read by index */
    for (size_t i = k0; i < k1; i++) {
      TSNode p = c->kids.items[i].node;
      if (c->kids.items[i].kind == JK_decorator || fe_ts_is_error(p)) continue;
      js_param(c, p, (uint32_t)(i - k0));
    }
    c->kids.len = k0;
  } else {
    TSNode p = js_field(n, c->L->f_parameter); /* x => ... */
    if (!ts_node_is_null(p)) js_param(c, p, 0);
  }
  /* (): Promise<User> => ..., also x is User and asserts x predicates */
  TSNode ret = js_field(n, c->L->f_return_type);
  if (!ts_node_is_null(ret)) {
    TSNode t = js_first_named(ret);
    if (!ts_node_is_null(t) && !ts_node_has_error(t))
      ir_func_set_ret_type(c->unit, fn, js_text(c, t));
  }
  TSNode body = js_field(n, c->L->f_body);
  if (!ts_node_is_null(body)) {
    if (js_kind_of(c, body) == JK_statement_block) {
      js_block(c, body);
    } else { /* x => expr: return expr */
      const char *arg[1] = {js_expr(c, body, NULL)};
      js_emit(c, IR_RETURN, body, NULL, NULL, NULL, NULL, NULL, arg, 1);
    }
  }
  js_restore(c, s);
}

/* A function as an expression: its value is CONST "<lambda>". */
static const char *js_function_value(js_ctx *c, TSNode n, const char *name) {
  js_function(c, n, name, false);
  return js_const_s(c, n, "<lambda>");
}

/* The dotted name of a decorator without '@' and arguments: @Get(':id') is
 * "Get", @nest.Get() is "nest.Get"; NULL for other shapes. */
static const char *js_decorator_name(js_ctx *c, TSNode d) {
  TSNode e = js_first_named(d);
  if (ts_node_is_null(e)) return NULL;
  if (js_kind_of(c, e) == JK_call_expression) e = js_field(e, c->L->f_function);
  js_buf_reset(&c->nb);
  if (ts_node_is_null(e) || !js_dotted(c, e, 0)) return NULL;
  return ir_strn(c->unit, c->nb.data, c->nb.len);
}

static void js_push_decorator(js_ctx *c, TSNode d) {
  const char *name = js_decorator_name(c, d);
  if (name && c->ndecos < JS_MAX_DECOS) c->decos[c->ndecos++] = name;
}

/* The function that holds a class's field initializers and static blocks,
 * "Class.<init>", created when first needed. */
static uint32_t js_init_fn(js_ctx *c, const char *cls, int64_t *init_fi, TSNode at) {
  if (*init_fi < 0) {
    js_buf_reset(&c->nb);
    as_buf_puts(&c->nb, cls);
    as_buf_puts(&c->nb, ".<init>");
    ir_add_func(c->unit, ir_strn(c->unit, c->nb.data, c->nb.len), js_loc(at));
    *init_fi = c->unit->nfuncs - 1;
  }
  return (uint32_t)*init_fi;
}

/* Does a class member carry the `static` keyword? */
static bool js_is_static(js_ctx *c, TSNode member) {
  uint32_t cnt = ts_node_child_count(member);
  for (uint32_t i = 0; i < cnt; i++) {
    TSNode k = ts_node_child(member, i);
    if (!ts_node_is_named(k) && js_text_is(c, k, "static")) return true;
  }
  return false;
}

/* class C { field = v; m() {} }: a record C (fields declared in the body, then
 * those `this.x = ...` adds in methods, in first-seen order), methods "C.m",
 * field initializers in "C.<init>". */
static void js_class(js_ctx *c, TSNode n, const char *name) {
  char anon[48];
  if (!name) {
    snprintf(anon, sizeof anon, "<class:%u>", js_loc(n).line);
    name = ir_str(c->unit, anon);
  }
  const char *qual = js_qualify(c, name);
  ir_add_record(c->unit, qual, js_loc(n));
  int32_t rec = (int32_t)(c->unit->nrecords - 1);
  TSNode body = js_field(n, c->L->f_body);
  if (ts_node_is_null(body)) return;
  js_saved s = js_save(c);
  c->ndecos = 0; /* class decorators are not the methods' */
  int64_t init_fi = -1;
  size_t k0 = js_kids(c, body), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    js_kid k = c->kids.items[i];
    c->prefix = qual;
    c->this_rec = rec;
    switch (k.kind) {
    case JK_decorator:
      js_push_decorator(c, k.node);
      break;
    case JK_method_definition: {
      size_t j0 = js_kids(c, k.node), j1 = c->kids.len; /* JS: decorators inside */
      for (size_t j = j0; j < j1; j++)
        if (c->kids.items[j].kind == JK_decorator) js_push_decorator(c, c->kids.items[j].node);
      c->kids.len = j0;
      TSNode mn = js_field(k.node, c->L->f_name);
      const char *mname = ts_node_is_null(mn) ? NULL : js_prop_name(c, mn);
      if (!mname) mname = ir_str(c->unit, "<computed>");
      js_function(c, k.node, mname, true);
      break;
    }
    case JK_field_definition:
    case JK_public_field_definition: {
      c->ndecos = 0;
      TSNode fnm = js_field(k.node, c->L->f_property);
      if (ts_node_is_null(fnm)) fnm = js_field(k.node, c->L->f_name);
      if (ts_node_is_null(fnm)) break;
      const char *fname = js_prop_name(c, fnm);
      js_add_field(c, rec, fname, js_field(k.node, c->L->f_type), fnm);
      TSNode val = js_field(k.node, c->L->f_value);
      if (ts_node_is_null(val)) break;
      c->fi = js_init_fn(c, qual, &init_fi, k.node);
      c->depth = 0;
      c->prefix = c->unit->funcs[c->fi]->name;
      /* handle = (req) => ... is a method "C.handle" */
      const char *v;
      TSNode e = val;
      while (js_kind_of(c, e) == JK_parenthesized_expression && !ts_node_is_null(js_first_named(e)))
        e = js_first_named(e);
      if (fname && js_kind_of(c, e) == JK_arrow_function) {
        c->prefix = qual;
        js_function(c, e, fname, true);
        v = js_const_s(c, e, "<lambda>");
      } else {
        v = js_expr(c, val, NULL);
      }
      const char *arg[1] = {v};
      js_emit(c, IR_STORE, k.node, NULL, js_is_static(c, k.node) ? name : ir_str(c->unit, "this"),
              fname, NULL, NULL, arg, 1);
      break;
    }
    case JK_class_static_block: {
      TSNode b = js_field(k.node, c->L->f_body);
      if (ts_node_is_null(b)) break;
      c->fi = js_init_fn(c, qual, &init_fi, k.node);
      c->depth = 0;
      c->prefix = c->unit->funcs[c->fi]->name;
      js_block(c, b);
      break;
    }
    default:
      c->ndecos = 0;
      break;
    }
  }
  c->kids.len = k0;
  c->ndecos = 0;
  js_restore(c, s);
}

/* ---- statements ---------------------------------------------------------------- */

/* Bind the parts of a destructuring pattern from value src:
 * {a, b: c, ...r} -> LOAD a = src.a, LOAD c = src.b, COPY r = src;
 * [x, , y] -> LOAD x = src."0", LOAD y = src."2". */
static void js_destructure(js_ctx *c, TSNode pattern, const char *src, TSNode at) {
  if (c->nest > JS_MAX_NEST) return;
  c->nest++;
  js_kind k = js_kind_of(c, pattern);
  if (k == JK_object_pattern) {
    size_t k0 = js_kids(c, pattern), k1 = c->kids.len;
    for (size_t i = k0; i < k1; i++) {
      js_kid p = c->kids.items[i];
      if (p.kind == JK_shorthand_property_identifier_pattern) {
        const char *nm = js_text(c, p.node);
        js_emit(c, IR_LOAD, p.node, nm, src, nm, NULL, NULL, NULL, 0);
      } else if (p.kind == JK_object_assignment_pattern) { /* {a = 1} */
        TSNode l = js_field(p.node, c->L->f_left);
        if (ts_node_is_null(l)) continue;
        if (js_kind_of(c, l) == JK_shorthand_property_identifier_pattern) {
          const char *nm = js_text(c, l);
          js_emit(c, IR_LOAD, l, nm, src, nm, NULL, NULL, NULL, 0);
        } else {
          js_destructure(c, l, src, l);
        }
      } else if (p.kind == JK_pair_pattern) {
        TSNode key = js_field(p.node, c->L->f_key), val = js_field(p.node, c->L->f_value);
        if (ts_node_is_null(val)) continue;
        const char *field = ts_node_is_null(key) ? NULL : js_prop_name(c, key);
        if (js_kind_of(c, val) == JK_assignment_pattern) val = js_field(val, c->L->f_left);
        if (ts_node_is_null(val)) continue;
        if (js_kind_of(c, val) == JK_identifier) {
          js_emit(c, IR_LOAD, p.node, js_text(c, val), src, field, NULL, NULL, NULL, 0);
        } else {
          const char *t = js_temp(c);
          js_emit(c, IR_LOAD, p.node, t, src, field, NULL, NULL, NULL, 0);
          js_assign(c, val, t, p.node);
        }
      } else if (p.kind == JK_rest_pattern) {
        TSNode inner = js_first_named(p.node);
        if (!ts_node_is_null(inner)) js_assign(c, inner, src, p.node);
      }
    }
    c->kids.len = k0;
  } else if (k == JK_array_pattern) {
    /* count the commas so that holes keep the positions right */
    uint32_t index = 0;
    uint32_t cnt = ts_node_child_count(pattern);
    for (uint32_t i = 0; i < cnt; i++) {
      TSNode e = ts_node_child(pattern, i);
      if (!ts_node_is_named(e)) {
        if (js_text_is(c, e, ",")) index++;
        continue;
      }
      if (ts_node_is_extra(e)) continue;
      js_kind ek = js_kind_of(c, e);
      if (ek == JK_rest_pattern) {
        TSNode inner = js_first_named(e);
        if (!ts_node_is_null(inner)) js_assign(c, inner, src, e);
        continue;
      }
      if (ek == JK_assignment_pattern) e = js_field(e, c->L->f_left);
      if (ts_node_is_null(e)) continue;
      char num[16];
      snprintf(num, sizeof num, "%u", index);
      const char *field = ir_str(c->unit, num);
      if (js_kind_of(c, e) == JK_identifier) {
        js_emit(c, IR_LOAD, e, js_text(c, e), src, field, NULL, NULL, NULL, 0);
      } else {
        const char *t = js_temp(c);
        js_emit(c, IR_LOAD, e, t, src, field, NULL, NULL, NULL, 0);
        js_assign(c, e, t, e);
      }
    }
  } else {
    js_assign(c, pattern, src, at);
  }
  c->nest--;
}

/* Assign value v to a target: x = v (COPY), o.f = v / o[k] = v (STORE),
 * destructuring patterns. `this.f = v` in a method adds the field to the
 * class's record. */
static void js_assign(js_ctx *c, TSNode target, const char *v, TSNode at) {
  js_kind k = js_kind_of(c, target);
  switch (k) {
  case JK_identifier:
  case JK_shorthand_property_identifier_pattern:
    js_copy(c, at, js_text(c, target), v);
    break;
  case JK_member_expression: {
    TSNode o = js_field(target, c->L->f_object), p = js_field(target, c->L->f_property);
    if (ts_node_is_null(o) || ts_node_is_null(p)) return;
    const char *obj = js_expr(c, o, NULL);
    const char *field = js_text(c, p);
    const char *arg[1] = {v};
    js_emit(c, IR_STORE, at, NULL, obj, field, NULL, NULL, arg, 1);
    if (js_kind_of(c, o) == JK_this && c->this_rec >= 0)
      js_add_field(c, c->this_rec, field, js_null_node, p);
    break;
  }
  case JK_subscript_expression: {
    TSNode o = js_field(target, c->L->f_object), ix = js_field(target, c->L->f_index);
    if (ts_node_is_null(o)) return;
    const char *obj = js_expr(c, o, NULL);
    const char *field = NULL;
    if (!ts_node_is_null(ix)) {
      js_kind ik = js_kind_of(c, ix);
      if (ik == JK_string)
        field = js_string_text(c, ix);
      else if (ik == JK_number)
        field = js_text(c, ix);
      else
        js_expr(c, ix, NULL);
    }
    const char *arg[1] = {v};
    js_emit(c, IR_STORE, at, NULL, obj, field, NULL, NULL, arg, 1);
    break;
  }
  case JK_object_pattern:
  case JK_array_pattern:
    js_destructure(c, target, v, at);
    break;
  case JK_parenthesized_expression:
  case JK_non_null_expression:
  case JK_as_expression:
  case JK_satisfies_expression: {
    TSNode e = js_first_value(c, target);
    if (!ts_node_is_null(e)) js_assign(c, e, v, at);
    break;
  }
  case JK_assignment_pattern: {
    TSNode l = js_field(target, c->L->f_left);
    if (!ts_node_is_null(l)) js_assign(c, l, v, at);
    break;
  }
  default:
    break;
  }
}

/* const/let/var declarators. */
static void js_declaration(js_ctx *c, TSNode n) {
  size_t k0 = js_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    js_kid d = c->kids.items[i];
    if (d.kind != JK_variable_declarator) continue;
    TSNode name = js_field(d.node, c->L->f_name), val = js_field(d.node, c->L->f_value);
    /* const u: User = ..., let u: User; const u = x as User: a local of type User */
    if (!ts_node_is_null(name) && js_kind_of(c, name) == JK_identifier) {
      const char *ty = js_type_text(c, js_field(d.node, c->L->f_type));
      TSNode cast = ty || ts_node_is_null(val) ? js_null_node : js_cast_of(c, val);
      if (!ts_node_is_null(cast)) ty = js_cast_type(c, cast);
      if (ty) ir_func_add_local(c->unit, js_fn(c), js_text(c, name), ty, js_loc(name));
    }
    if (ts_node_is_null(name) || ts_node_is_null(val)) continue;
    if (js_require(c, name, val)) continue;
    js_kind nk = js_kind_of(c, name);
    if (nk == JK_identifier) {
      const char *x = js_text(c, name);
      const char *v = js_named_value(c, val, x, x);
      js_copy(c, d.node, x, v);
    } else {
      const char *v = js_expr(c, val, NULL);
      js_destructure(c, name, v, name);
    }
  }
  c->kids.len = k0;
}

/* The statements of a namespace (TypeScript `namespace N { ... }`), with N as
 * the prefix of the functions and classes it declares. */
static void js_namespace(js_ctx *c, TSNode n) {
  TSNode nm = js_field(n, c->L->f_name), body = js_field(n, c->L->f_body);
  if (ts_node_is_null(body)) return;
  const char *saved = c->prefix;
  if (!ts_node_is_null(nm) && js_kind_of(c, nm) != JK_string)
    c->prefix = js_qualify(c, js_text(c, nm));
  js_block(c, body);
  c->prefix = saved;
}

/* A for-header part: a declaration, an expression statement or an expression. */
static void js_stmt_or_expr(js_ctx *c, TSNode n) {
  js_kind k = js_kind_of(c, n);
  if (k == JK_lexical_declaration || k == JK_variable_declaration || k == JK_expression_statement)
    js_stmt(c, n, k);
  else if (k != JK_empty_statement && ts_node_is_named(n))
    js_expr(c, n, NULL);
}

/* for (init; cond; step) body / for (x of xs) body / for (k in o) body. */
static void js_for(js_ctx *c, TSNode n, js_kind k) {
  TSNode body = js_field(n, c->L->f_body);
  if (k == JK_for_in_statement) {
    TSNode left = js_field(n, c->L->f_left), right = js_field(n, c->L->f_right);
    const char *xs = ts_node_is_null(right) ? NULL : js_expr(c, right, NULL);
    c->depth++;
    if (xs && !ts_node_is_null(left)) {
      if (js_kind_of(c, left) == JK_identifier) {
        js_emit(c, IR_LOAD, left, js_text(c, left), xs, NULL, NULL, NULL, NULL, 0);
      } else {
        const char *t = js_temp(c);
        js_emit(c, IR_LOAD, left, t, xs, NULL, NULL, NULL, NULL, 0);
        js_assign(c, left, t, left);
      }
    }
  } else {
    TSNode init = js_field(n, c->L->f_initializer);
    if (!ts_node_is_null(init)) js_stmt_or_expr(c, init);
    c->depth++;
    TSNode cond = js_field(n, c->L->f_condition), step = js_field(n, c->L->f_increment);
    if (!ts_node_is_null(cond)) js_stmt_or_expr(c, cond);
    if (!ts_node_is_null(step)) js_expr(c, step, NULL);
  }
  if (!ts_node_is_null(body)) js_stmt(c, body, js_kind_of(c, body));
  c->depth--;
}

static void js_try(js_ctx *c, TSNode n) {
  c->depth++;
  TSNode body = js_field(n, c->L->f_body), handler = js_field(n, c->L->f_handler),
         fin = js_field(n, c->L->f_finalizer);
  if (!ts_node_is_null(body)) js_block(c, body);
  if (!ts_node_is_null(handler)) {
    TSNode p = js_field(handler, c->L->f_parameter);
    if (!ts_node_is_null(p) && js_kind_of(c, p) == JK_identifier)
      js_emit(c, IR_CONST, p, js_text(c, p), NULL, NULL, NULL, ir_str(c->unit, "<exception>"), NULL,
              0);
    TSNode hb = js_field(handler, c->L->f_body);
    if (!ts_node_is_null(hb)) js_block(c, hb);
  }
  if (!ts_node_is_null(fin)) {
    TSNode fb = js_field(fin, c->L->f_body);
    if (!ts_node_is_null(fb)) js_block(c, fb);
  }
  c->depth--;
}

static void js_switch(js_ctx *c, TSNode n) {
  TSNode v = js_field(n, c->L->f_value), body = js_field(n, c->L->f_body);
  if (!ts_node_is_null(v)) js_expr(c, v, NULL);
  if (ts_node_is_null(body)) return;
  c->depth++;
  size_t k0 = js_kids(c, body), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    js_kid kc = c->kids.items[i];
    if (kc.kind != JK_switch_case && kc.kind != JK_switch_default) continue;
    size_t j0 = js_kids(c, kc.node), j1 = c->kids.len;
    for (size_t j = j0; j < j1; j++) {
      js_kid s = c->kids.items[j];
      if (js_is(s.field, c->L->f_value))
        js_expr(c, s.node, NULL);
      else
        js_stmt(c, s.node, (js_kind)s.kind);
    }
    c->kids.len = j0;
  }
  c->kids.len = k0;
  c->depth--;
}

/* export ...: the declaration or value it exports; `export default` of an
 * anonymous function names it "default" (what `import x from` binds). */
static void js_export(js_ctx *c, TSNode n) {
  TSNode decl = js_field(n, c->L->f_declaration), val = js_field(n, c->L->f_value);
  if (!ts_node_is_null(decl)) {
    js_stmt(c, decl, js_kind_of(c, decl));
  } else if (!ts_node_is_null(val)) {
    js_kind vk = js_kind_of(c, val);
    TSNode nm = js_is_function_kind(vk) ? js_field(val, c->L->f_name) : js_null_node;
    if (js_is_function_kind(vk) || vk == JK_class)
      js_named_value(c, val, ts_node_is_null(nm) ? ir_str(c->unit, "default") : js_text(c, nm),
                     NULL);
    else if (vk != JK_identifier)
      js_expr(c, val, NULL);
  }
}

static void js_stmt(js_ctx *c, TSNode n, js_kind k) {
  if (c->nest > JS_MAX_NEST) return;
  if (!js_is_compound(k) && js_broken(c, n)) return; /* a statement with a syntax error */
  c->nest++;
  switch (k) {
  case JK_expression_statement: {
    size_t k0 = js_kids(c, n), k1 = c->kids.len;
    for (size_t i = k0; i < k1; i++) {
      js_kid e = c->kids.items[i];
      TSNode nm = e.kind == JK_function_expression || e.kind == JK_generator_function
                      ? js_field(e.node, c->L->f_name)
                      : js_null_node;
      if (e.kind == JK_internal_module || e.kind == JK_module)
        js_namespace(c, e.node);
      else if (!ts_node_is_null(nm) && !ts_node_is_missing(nm))
        /* a statement cannot begin with `function`: tree-sitter made this of
         * a declaration it recovered (an unclosed brace), so it is one */
        js_function(c, e.node, js_text(c, nm), false);
      else if (e.kind != JK_identifier && e.kind != JK_string && e.kind != JK_number)
        js_expr(c, e.node, NULL);
    }
    c->kids.len = k0;
    break;
  }
  case JK_lexical_declaration:
  case JK_variable_declaration:
    js_declaration(c, n);
    break;
  case JK_return_statement: {
    TSNode e = js_first_named(n);
    if (ts_node_is_null(e)) {
      js_emit(c, IR_RETURN, n, NULL, NULL, NULL, NULL, NULL, NULL, 0);
    } else {
      const char *arg[1] = {js_expr(c, e, NULL)};
      js_emit(c, IR_RETURN, n, NULL, NULL, NULL, NULL, NULL, arg, 1);
    }
    break;
  }
  case JK_throw_statement: {
    TSNode e = js_first_named(n);
    if (ts_node_is_null(e)) break;
    const char *arg[1] = {js_expr(c, e, NULL)};
    js_emit(c, IR_CALL, n, js_temp(c), NULL, NULL, ir_str(c->unit, "<throw>"), NULL, arg, 1);
    break;
  }
  case JK_if_statement: {
    TSNode cond = js_field(n, c->L->f_condition), th = js_field(n, c->L->f_consequence),
           el = js_field(n, c->L->f_alternative);
    if (!ts_node_is_null(cond)) js_expr(c, cond, NULL);
    c->depth++;
    if (!ts_node_is_null(th)) js_stmt(c, th, js_kind_of(c, th));
    if (!ts_node_is_null(el)) {
      TSNode s = js_first_named(el); /* else_clause */
      if (!ts_node_is_null(s)) js_stmt(c, s, js_kind_of(c, s));
    }
    c->depth--;
    break;
  }
  case JK_for_statement:
  case JK_for_in_statement:
    js_for(c, n, k);
    break;
  case JK_while_statement: {
    TSNode cond = js_field(n, c->L->f_condition), body = js_field(n, c->L->f_body);
    if (!ts_node_is_null(cond)) js_expr(c, cond, NULL);
    c->depth++;
    if (!ts_node_is_null(body)) js_stmt(c, body, js_kind_of(c, body));
    c->depth--;
    break;
  }
  case JK_do_statement: {
    TSNode cond = js_field(n, c->L->f_condition), body = js_field(n, c->L->f_body);
    c->depth++;
    if (!ts_node_is_null(body)) js_stmt(c, body, js_kind_of(c, body));
    if (!ts_node_is_null(cond)) js_expr(c, cond, NULL);
    c->depth--;
    break;
  }
  case JK_try_statement:
    js_try(c, n);
    break;
  case JK_switch_statement:
    js_switch(c, n);
    break;
  case JK_statement_block:
    js_block(c, n);
    break;
  case JK_labeled_statement:
  case JK_with_statement: {
    TSNode body = js_field(n, c->L->f_body);
    if (k == JK_with_statement) {
      TSNode o = js_field(n, c->L->f_object);
      if (!ts_node_is_null(o)) js_expr(c, o, NULL);
    }
    if (!ts_node_is_null(body)) js_stmt(c, body, js_kind_of(c, body));
    break;
  }
  case JK_function_declaration:
  case JK_generator_function_declaration: {
    TSNode nm = js_field(n, c->L->f_name);
    if (ts_node_is_null(nm) || ts_node_is_missing(nm)) break;
    js_function(c, n, js_text(c, nm), false);
    break;
  }
  case JK_class_declaration:
  case JK_abstract_class_declaration: {
    TSNode nm = js_field(n, c->L->f_name);
    js_class(c, n, ts_node_is_null(nm) ? NULL : js_text(c, nm));
    break;
  }
  case JK_interface_declaration:
    js_type_record(c, n, js_field(n, c->L->f_body));
    break;
  case JK_type_alias_declaration: {
    TSNode v = js_field(n, c->L->f_value);
    if (!ts_node_is_null(v) && js_kind_of(c, v) == JK_object_type) js_type_record(c, n, v);
    break;
  }
  case JK_internal_module:
  case JK_module:
    js_namespace(c, n);
    break;
  case JK_import_statement:
    js_import(c, n);
    break;
  case JK_export_statement:
    js_export(c, n);
    break;
  default:
    break; /* empty, break, continue, debugger, enum, declare, type aliases... */
  }
  c->nest--;
}

static void js_block(js_ctx *c, TSNode n) {
  size_t k0 = js_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    js_kid kid = c->kids.items[i];
    js_stmt(c, kid.node, (js_kind)kid.kind);
  }
  c->kids.len = k0;
}

/* ---- entry points ------------------------------------------------------------------ */

/* Top-level statements, where a file with a syntax error is split; also a
 * name followed by '.' or '(' (router.post(...), module.exports = ...). */
static const char *const js_starts[] = {
    "function ", "function*", "async ",     "export ", "class ",     "abstract class ",
    "const ",    "let ",      "var ",       "import ", "interface ", "type ",
    "enum ",     "declare ",  "namespace ", "@",       NULL};
static const fe_ts_chunking js_chunking = {js_starts, true, NULL};

ir_unit *fe_javascript_lower(as_intern *strings, const char *relpath, const char *module,
                             const char *src, size_t len) {
  int g = js_grammar_of(relpath);
  ir_unit *u =
      ir_unit_new(strings, relpath, g == JS_GRAMMAR_JS ? "javascript" : "typescript", module);
  if (!src) src = "";
  fe_ts_doc doc;
  if (!fe_ts_parse(u, js_parser(g), &js_chunking, src, len, &doc)) return u;
  TSNode root = ts_tree_root_node(doc.trees[0]);

  js_ctx c;
  memset(&c, 0, sizeof c);
  c.unit = u;
  c.L = js_lang_get(g);
  c.src = src;
  c.len = len;
  c.cur = ts_tree_cursor_new(root);
  c.this_rec = -1;
  ir_add_func(u, ir_str(u, "<module>"), (ir_loc){1, 1});
  c.fi = 0;
  TSNode *top;
  size_t ntop = fe_ts_doc_toplevel(&doc, &top);
  for (size_t i = 0; i < ntop; i++)
    js_stmt(&c, top[i], js_kind_of(&c, top[i]));
  free(top);

  ts_tree_cursor_delete(&c.cur);
  as_array_free(&c.kids);
  as_array_free(&c.vals);
  as_buf_free(&c.nb);
  as_buf_free(&c.sb);
  fe_ts_doc_free(&doc);
  return u;
}

size_t fe_javascript_parse_only(const char *relpath, const char *src, size_t len) {
  if (!src || len >= UINT32_MAX) return 0;
  TSParser *parser = js_parser(js_grammar_of(relpath));
  TSTree *tree = ts_parser_parse_string(parser, NULL, src, (uint32_t)len);
  if (!tree) return 0;
  TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(tree));
  size_t count = 1;
  for (;;) {
    if (ts_tree_cursor_goto_first_child(&cur)) {
      count++;
      continue;
    }
    bool more = true;
    while (more && !ts_tree_cursor_goto_next_sibling(&cur))
      more = ts_tree_cursor_goto_parent(&cur);
    if (!more) break;
    count++;
  }
  ts_tree_cursor_delete(&cur);
  ts_tree_delete(tree);
  return count;
}
