/*
 * java.c — lowering Java source to IR through tree-sitter-java.
 *
 * One pass over the syntax tree, in the manner of python.c: children are
 * collected with one reused TSTreeCursor onto a scratch stack (jv_kids),
 * argument values onto another (vals), names are built in reused byte
 * buffers; nothing is allocated per node besides interned strings and the
 * unit's own instructions. See tests/golden/java/ for an example of each rule.
 *
 * Java specifics:
 *   - the unit's module is the package name; functions are "Class.method"
 *     ("Outer.Inner.method"), constructors "Class.<init>" with the field
 *     initialisers (and initializer blocks) lowered at their start, or a
 *     separate "Class.<init>" holding them when the class declares no
 *     constructor; `this` is not a parameter and yields the value "this";
 *   - JavaBeans accessors are lowered as field accesses, because the flow
 *     analysis classifies data by field names and does not know getters:
 *     `x.getCardNumber()` (no arguments) is LOAD x.cardNumber, `x.isActive()`
 *     LOAD x.active, `x.setEmail(v)` (one argument) STORE x.email = v (its
 *     value is x, for chained setters); unqualified ones act on "this". The
 *     property name is decapitalised as java.beans.Introspector does
 *     ("getEmail" -> "email", but "getSSN" -> "SSN");
 *   - records get their components as fields, an implicit canonical
 *     constructor "R.<init>" storing them, and accessors "R.comp";
 *   - lambdas and the methods of anonymous classes are functions
 *     named by ir_lambda_name ("<enclosing>.<lambda#N>").
 */
#include "treesitter.h"

#include <string.h>
#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_java(void);

#define JV_CONST_MAX 4096 /* CONST text is truncated to this many bytes */
#define JV_MAX_NEST 1500  /* deeper expressions/statements lower to "<expr>" */

/* Named node kinds we dispatch on; everything else is JK_OTHER. */
/* clang-format off */
#define JV_KINDS(X) \
  X(program) X(package_declaration) X(import_declaration) X(scoped_identifier) X(identifier) \
  X(asterisk) X(class_declaration) X(interface_declaration) X(enum_declaration) \
  X(record_declaration) X(annotation_type_declaration) X(class_body) X(interface_body) \
  X(enum_body) X(enum_body_declarations) X(enum_constant) X(annotation_type_body) \
  X(field_declaration) X(constant_declaration) X(method_declaration) X(constructor_declaration) \
  X(compact_constructor_declaration) X(constructor_body) X(static_initializer) X(block) \
  X(modifiers) X(annotation) X(marker_annotation) X(annotation_argument_list) X(element_value_array_initializer) \
  X(element_value_pair) X(formal_parameters) X(formal_parameter) X(spread_parameter) \
  X(variable_declarator) X(local_variable_declaration) X(expression_statement) \
  X(return_statement) X(throw_statement) X(if_statement) X(while_statement) X(do_statement) \
  X(for_statement) X(enhanced_for_statement) X(try_statement) X(try_with_resources_statement) \
  X(resource_specification) X(resource) X(catch_clause) X(catch_formal_parameter) \
  X(finally_clause) X(switch_expression) X(switch_block) X(switch_block_statement_group) \
  X(switch_rule) X(switch_label) X(yield_statement) X(synchronized_statement) \
  X(labeled_statement) X(explicit_constructor_invocation) X(string_literal) X(string_fragment) \
  X(escape_sequence) X(multiline_string_fragment) X(string_interpolation) X(character_literal) \
  X(decimal_integer_literal) X(hex_integer_literal) X(octal_integer_literal) \
  X(binary_integer_literal) X(decimal_floating_point_literal) X(hex_floating_point_literal) \
  X(true) X(false) X(null_literal) X(this) X(super) X(field_access) X(array_access) \
  X(method_invocation) X(argument_list) X(object_creation_expression) \
  X(array_creation_expression) X(array_initializer) X(assignment_expression) \
  X(binary_expression) X(unary_expression) X(update_expression) X(ternary_expression) \
  X(cast_expression) X(instanceof_expression) X(lambda_expression) X(inferred_parameters) \
  X(parenthesized_expression) X(type_identifier) X(scoped_type_identifier) X(generic_type)
/* clang-format on */

typedef enum {
  JK_OTHER = 0,
#define X(k) JK_##k,
  JV_KINDS(X)
#undef X
      JK__COUNT
} jv_kind;

static const char *const jv_kind_names[] = {"",
#define X(k) #k,
                                            JV_KINDS(X)
#undef X
};

/* clang-format off */
#define JV_FIELDS(X) \
  X(name) X(body) X(object) X(arguments) X(type) X(value) X(declarator) X(left) X(right) \
  X(operator) X(condition) X(consequence) X(alternative) X(parameters) X(field) X(array) \
  X(index) X(key) X(init) X(update) X(resources) X(operand) X(scope) X(constructor) X(pattern)
/* clang-format on */

typedef struct jv_lang {
  const TSLanguage *lang;
  uint8_t *kind_of; /* symbol -> jv_kind */
  uint32_t nsyms;
#define X(f) TSFieldId f_##f;
  JV_FIELDS(X)
#undef X
} jv_lang;

static jv_lang jv_L;

static void jv_lang_init(void) {
  if (jv_L.lang) return;
  const TSLanguage *lang = tree_sitter_java();
  jv_L.kind_of = fe_ts_kind_table(lang, jv_kind_names, JK__COUNT, &jv_L.nsyms);
#define X(f) jv_L.f_##f = ts_language_field_id_for_name(lang, #f, (uint32_t)strlen(#f));
  JV_FIELDS(X)
#undef X
  jv_L.lang = lang;
}

static jv_kind jv_kind_of(TSNode n) {
  TSSymbol s = ts_node_symbol(n);
  return s < jv_L.nsyms ? (jv_kind)jv_L.kind_of[s] : JK_OTHER;
}

static _Thread_local TSParser *jv_parser_tls;

static TSParser *jv_parser(void) {
  jv_lang_init();
  if (!jv_parser_tls) {
    jv_parser_tls = ts_parser_new();
    if (!ts_parser_set_language(jv_parser_tls, jv_L.lang))
      as_die("tree-sitter-java: grammar ABI not accepted by the runtime");
  }
  return jv_parser_tls;
}

/* ---- lowering context ------------------------------------------------------ */

typedef struct jv_kid {
  TSNode node;
  TSFieldId field;
  uint8_t kind;
} jv_kid;

typedef struct jv_ctx {
  ir_unit *unit;
  const char *src;
  size_t len;
  TSTreeCursor cur;
  AS_ARRAY(jv_kid) kids;       /* scratch stack of collected children */
  AS_ARRAY(const char *) vals; /* scratch stack of argument values */
  as_buf nb;                   /* scratch for names */
  as_buf sb;                   /* scratch for string literal text */
  ir_func *fn;                 /* the function being lowered, or NULL in a class body */
  uint16_t depth;              /* control nesting in the current function */
  uint32_t nest;               /* recursion guard */
  const char *scope;           /* qualified name of the enclosing class or function */
  uint32_t lambda_seq;         /* lambdas so far in this function */
  const char *lambda_callee;   /* naming hint for a lambda passed to a */
  const char *lambda_lit;      /* call whose first argument is a string */
  const char *switch_dst;      /* value of the innermost switch expression, or NULL */
  const char *this_;           /* interned "this" */
} jv_ctx;

static const TSNode jv_null = {{0}, 0, 0};

static ir_loc jv_loc(TSNode n) {
  TSPoint p = ts_node_start_point(n);
  return (ir_loc){p.row + 1, p.column + 1};
}

static const char *jv_text(jv_ctx *c, TSNode n) {
  uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
  return ir_strn(c->unit, c->src + a, b - a);
}

static bool jv_text_is(jv_ctx *c, TSNode n, const char *s) {
  uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
  size_t l = strlen(s);
  return b - a == l && memcmp(c->src + a, s, l) == 0;
}

/* Push the named, non-extra children of n onto c->kids; returns the index of
 * the first. The caller pops with c->kids.len = start when done. */
static size_t jv_kids(jv_ctx *c, TSNode n) {
  size_t start = c->kids.len;
  ts_tree_cursor_reset(&c->cur, n);
  if (!ts_tree_cursor_goto_first_child(&c->cur)) return start;
  do {
    TSNode k = ts_tree_cursor_current_node(&c->cur);
    if (!ts_node_is_named(k) || ts_node_is_extra(k)) continue;
    jv_kid kid = {k, ts_tree_cursor_current_field_id(&c->cur), (uint8_t)jv_kind_of(k)};
    as_array_push(&c->kids, kid);
  } while (ts_tree_cursor_goto_next_sibling(&c->cur));
  return start;
}

static TSNode jv_field(TSNode n, TSFieldId f) {
  return ts_node_child_by_field_id(n, f);
}

static TSNode jv_first_named(TSNode n) {
  uint32_t cnt = ts_node_named_child_count(n);
  for (uint32_t i = 0; i < cnt; i++) {
    TSNode k = ts_node_named_child(n, i);
    if (!ts_node_is_extra(k)) return k;
  }
  return jv_null;
}

/* The operator token of a binary/unary/assignment expression, as text. */
static const char *jv_op(TSNode n) {
  TSNode op = jv_field(n, jv_L.f_operator);
  return ts_node_is_null(op) ? "" : ts_node_type(op);
}

static const char *jv_temp(jv_ctx *c) {
  return ir_temp(c->unit, c->fn);
}

static void jv_emit(jv_ctx *c, ir_op op, TSNode at, const char *dst, const char *obj,
                    const char *field, const char *callee, const char *text,
                    const char *const *args, uint32_t nargs) {
  ir_emit(c->unit, c->fn, op, c->depth, dst, obj, field, callee, text, args, nargs, jv_loc(at));
}

static const char *jv_const_to(jv_ctx *c, TSNode at, const char *dst, const char *text) {
  const char *t = dst ? dst : jv_temp(c);
  jv_emit(c, IR_CONST, at, t, NULL, NULL, NULL, text, NULL, 0);
  return t;
}

static const char *jv_const(jv_ctx *c, TSNode at, const char *text) {
  return jv_const_to(c, at, NULL, ir_str(c->unit, text));
}

/* Intern at most JV_CONST_MAX bytes of s, cut at a UTF-8 character boundary. */
static const char *jv_str_trunc(jv_ctx *c, const char *s, size_t n) {
  if (n > JV_CONST_MAX) {
    n = JV_CONST_MAX;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
      n--;
  }
  return ir_strn(c->unit, s, n);
}

static void jv_buf_reset(as_buf *b) {
  b->len = 0;
  if (b->data) b->data[0] = '\0';
}

static void jv_put_text(jv_ctx *c, as_buf *b, TSNode n) {
  uint32_t a = ts_node_start_byte(n), e = ts_node_end_byte(n);
  as_buf_put(b, c->src + a, e - a);
}

static const char *jv_qualify(jv_ctx *c, const char *prefix, const char *name) {
  if (!prefix) return name;
  jv_buf_reset(&c->nb);
  as_buf_puts(&c->nb, prefix);
  as_buf_putc(&c->nb, '.');
  as_buf_puts(&c->nb, name);
  return ir_strn(c->unit, c->nb.data, c->nb.len);
}

static const char *jv_expr(jv_ctx *c, TSNode n, const char *dst);
static void jv_stmt(jv_ctx *c, TSNode n, jv_kind k);

/* ---- syntax errors ------------------------------------------------------------ */

/* Blocks, class bodies (anonymous classes) and switch blocks are lowered
 * statement by statement or member by member: an error in one is its own. */
static bool jv_stop(const void *arg, TSNode n) {
  (void)arg;
  switch (jv_kind_of(n)) {
  case JK_block:
  case JK_constructor_body:
  case JK_class_body:
  case JK_interface_body:
  case JK_enum_body:
  case JK_switch_block:
    return true;
  default:
    return false;
  }
}

/* Does n hold a syntax error of its own (not inside a nested body)? Such a
 * statement is not lowered, such an expression is "<expr>". */
static bool jv_broken(TSNode n) {
  return ts_node_has_error(n) && fe_ts_error_outside(n, jv_stop, NULL);
}

/* Statements lowered part by part even around a syntax error: the parts
 * that parsed are kept, expressions with an error in them are "<expr>". */
static bool jv_is_compound(jv_kind k) {
  switch (k) {
  case JK_block:
  case JK_constructor_body:
  case JK_if_statement:
  case JK_while_statement:
  case JK_do_statement:
  case JK_for_statement:
  case JK_enhanced_for_statement:
  case JK_try_statement:
  case JK_try_with_resources_statement:
  case JK_switch_expression:
  case JK_synchronized_statement:
  case JK_labeled_statement:
  case JK_class_declaration:
  case JK_interface_declaration:
  case JK_enum_declaration:
  case JK_record_declaration:
    return true;
  default:
    return false;
  }
}
static void jv_block(jv_ctx *c, TSNode n);
static void jv_type_decl(jv_ctx *c, TSNode n, jv_kind k);

/* ---- names ------------------------------------------------------------------ */

/* Append the dotted text of an identifier/field-access chain ("this.repo",
 * "System.out") to c->nb; false when n is anything else. */
static bool jv_dotted(jv_ctx *c, TSNode n, unsigned guard) {
  jv_kind k = jv_kind_of(n);
  if (k == JK_identifier || k == JK_this || k == JK_super) {
    jv_put_text(c, &c->nb, n);
    return true;
  }
  if (k != JK_field_access || guard > JV_MAX_NEST) return false;
  TSNode obj = jv_field(n, jv_L.f_object), f = jv_field(n, jv_L.f_field);
  if (ts_node_is_null(obj) || ts_node_is_null(f)) return false;
  if (!jv_dotted(c, obj, guard + 1)) return false;
  as_buf_putc(&c->nb, '.');
  jv_put_text(c, &c->nb, f);
  return true;
}

/* identifier / scoped_identifier ("org.acme.Foo"), appended to c->nb. */
static void jv_scoped(jv_ctx *c, TSNode n, unsigned guard) {
  if (jv_kind_of(n) == JK_scoped_identifier && guard < JV_MAX_NEST) {
    TSNode scope = jv_field(n, jv_L.f_scope), name = jv_field(n, jv_L.f_name);
    if (!ts_node_is_null(scope)) {
      jv_scoped(c, scope, guard + 1);
      as_buf_putc(&c->nb, '.');
    }
    if (!ts_node_is_null(name)) jv_put_text(c, &c->nb, name);
    return;
  }
  jv_put_text(c, &c->nb, n);
}

/* A type's dotted name without type arguments or annotations
 * ("java.util.List<String>" -> "java.util.List"), appended to c->nb. */
static void jv_type_name(jv_ctx *c, TSNode n, unsigned guard) {
  jv_kind k = jv_kind_of(n);
  if ((k == JK_scoped_type_identifier || k == JK_generic_type) && guard < JV_MAX_NEST) {
    bool first = true;
    uint32_t cnt = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < cnt; i++) {
      TSNode kid = ts_node_named_child(n, i);
      jv_kind kk = jv_kind_of(kid);
      if (kk != JK_type_identifier && kk != JK_scoped_type_identifier && kk != JK_generic_type)
        continue;
      if (!first) as_buf_putc(&c->nb, '.');
      jv_type_name(c, kid, guard + 1);
      first = false;
    }
    return;
  }
  jv_put_text(c, &c->nb, n);
}

/* ---- annotations ------------------------------------------------------------ */

/* The dotted name of an annotation, without '@' and arguments. */
static const char *jv_annotation_name(jv_ctx *c, TSNode a) {
  TSNode nm = jv_field(a, jv_L.f_name);
  if (ts_node_is_null(nm)) return NULL;
  jv_buf_reset(&c->nb);
  jv_scoped(c, nm, 0);
  return ir_strn(c->unit, c->nb.data, c->nb.len);
}

/* The literal text of a string_literal without quotes into c->sb; false when
 * it is anything else or has interpolations. */
static bool jv_literal_string(jv_ctx *c, TSNode s) {
  jv_buf_reset(&c->sb);
  if (jv_kind_of(s) != JK_string_literal) return false;
  bool plain = true;
  size_t k0 = jv_kids(c, s);
  for (size_t i = k0; i < c->kids.len; i++) {
    jv_kid *k = &c->kids.items[i];
    if (k->kind == JK_string_interpolation)
      plain = false;
    else if (c->sb.len < JV_CONST_MAX + 4)
      jv_put_text(c, &c->sb, k->node);
  }
  c->kids.len = k0;
  return plain;
}

/* The serialized name a field annotation gives: @JsonProperty("x"),
 * @SerializedName("x"), @JsonbProperty("x") (or value = "x"), @Column(name = "x"). */
static const char *jv_tag(jv_ctx *c, TSNode mods) {
  if (ts_node_is_null(mods)) return NULL;
  const char *tag = NULL;
  size_t k0 = jv_kids(c, mods), k1 = c->kids.len;
  for (size_t i = k0; i < k1 && !tag; i++) {
    if (c->kids.items[i].kind != JK_annotation) continue;
    TSNode a = c->kids.items[i].node;
    const char *name = jv_annotation_name(c, a);
    if (!name) continue;
    const char *last = strrchr(name, '.');
    last = last ? last + 1 : name;
    const char *key;
    if (strcmp(last, "JsonProperty") == 0 || strcmp(last, "SerializedName") == 0 ||
        strcmp(last, "JsonbProperty") == 0)
      key = "value";
    else if (strcmp(last, "Column") == 0)
      key = "name";
    else
      continue;
    TSNode args = jv_field(a, jv_L.f_arguments);
    if (ts_node_is_null(args)) continue;
    size_t j0 = jv_kids(c, args), j1 = c->kids.len;
    for (size_t j = j0; j < j1 && !tag; j++) {
      jv_kid kid = c->kids.items[j];
      TSNode v = jv_null;
      if (kid.kind == JK_string_literal && strcmp(key, "value") == 0) {
        v = kid.node;
      } else if (kid.kind == JK_element_value_pair) {
        TSNode kn = jv_field(kid.node, jv_L.f_key);
        if (!ts_node_is_null(kn) && jv_text_is(c, kn, key)) v = jv_field(kid.node, jv_L.f_value);
      }
      if (!ts_node_is_null(v) && jv_literal_string(c, v) && c->sb.len)
        tag = jv_str_trunc(c, c->sb.data, c->sb.len);
    }
    c->kids.len = j0;
  }
  c->kids.len = k0;
  return tag;
}

/* The modifiers child of a declaration, or a null node. */
static TSNode jv_modifiers(TSNode n) {
  uint32_t cnt = ts_node_named_child_count(n);
  for (uint32_t i = 0; i < cnt; i++) {
    TSNode k = ts_node_named_child(n, i);
    if (jv_kind_of(k) == JK_modifiers) return k;
  }
  return jv_null;
}

/* One literal annotation argument: a string's text, a name's dotted form
 * (RequestMethod.POST), else "<expr>"; {"a", "b"} gives one per element. */
static void jv_annotation_value(jv_ctx *c, ir_func *fn, ir_record *rec, uint32_t deco,
                                const char *key, TSNode v, int nest) {
  jv_kind k = jv_kind_of(v);
  if (k == JK_element_value_array_initializer && nest == 0) {
    uint32_t cnt = ts_node_named_child_count(v);
    for (uint32_t i = 0; i < cnt; i++)
      jv_annotation_value(c, fn, rec, deco, key, ts_node_named_child(v, i), 1);
    return;
  }
  const char *value;
  if (jv_literal_string(c, v)) {
    value = jv_str_trunc(c, c->sb.data ? c->sb.data : "", c->sb.len);
  } else {
    jv_buf_reset(&c->nb);
    if (k == JK_scoped_identifier)
      jv_scoped(c, v, 0);
    else if (!jv_dotted(c, v, 0))
      jv_buf_reset(&c->nb);
    value = c->nb.len ? ir_strn(c->unit, c->nb.data, c->nb.len) : ir_str(c->unit, "<expr>");
  }
  if (fn) ir_func_add_attr(c->unit, fn, deco, key, value);
  if (rec) ir_record_add_attr(c->unit, rec, deco, key, value);
}

/* The annotations of a declaration, with their literal arguments, onto the
 * function fn or the record rec (one of them is NULL). */
static void jv_annotations(jv_ctx *c, TSNode decl, ir_func *fn, ir_record *rec) {
  TSNode mods = jv_modifiers(decl);
  if (ts_node_is_null(mods)) return;
  size_t k0 = jv_kids(c, mods), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    jv_kid k = c->kids.items[i];
    if (k.kind != JK_annotation && k.kind != JK_marker_annotation) continue;
    const char *name = jv_annotation_name(c, k.node);
    if (!name) continue;
    uint32_t deco = fn ? fn->ndecorators : rec->ndecorators;
    if (fn) ir_func_add_decorator(c->unit, fn, name);
    if (rec) ir_record_add_decorator(c->unit, rec, name);
    TSNode args = jv_field(k.node, jv_L.f_arguments);
    uint32_t cnt = ts_node_is_null(args) ? 0 : ts_node_named_child_count(args);
    for (uint32_t j = 0; j < cnt; j++) {
      TSNode a = ts_node_named_child(args, j);
      if (jv_kind_of(a) == JK_element_value_pair) {
        TSNode kn = jv_field(a, jv_L.f_key), kv = jv_field(a, jv_L.f_value);
        if (!ts_node_is_null(kn) && !ts_node_is_null(kv))
          jv_annotation_value(c, fn, rec, deco, jv_text(c, kn), kv, 0);
      } else if (ts_node_is_named(a) && !ts_node_is_extra(a)) {
        jv_annotation_value(c, fn, rec, deco, NULL, a, 0);
      }
    }
  }
  c->kids.len = k0;
}

static void jv_decorators(jv_ctx *c, TSNode decl) {
  jv_annotations(c, decl, c->fn, NULL);
}

/* ---- functions -------------------------------------------------------------------- */

typedef struct jv_saved {
  ir_func *fn;
  uint16_t depth;
  const char *scope, *switch_dst;
  uint32_t lambda_seq;
  const char *lambda_callee, *lambda_lit;
} jv_saved;

/* Start a function; its lambdas are numbered from 1 and no naming hint
 * reaches into it. */
static jv_saved jv_begin_func(jv_ctx *c, const char *qname, TSNode at) {
  jv_saved s = {c->fn,         c->depth,         c->scope,     c->switch_dst,
                c->lambda_seq, c->lambda_callee, c->lambda_lit};
  c->fn = ir_add_func(c->unit, qname, jv_loc(at));
  c->depth = 0;
  c->scope = qname;
  c->switch_dst = NULL;
  c->lambda_seq = 0;
  c->lambda_callee = c->lambda_lit = NULL;
  return s;
}

static void jv_restore(jv_ctx *c, jv_saved s) {
  c->fn = s.fn;
  c->depth = s.depth;
  c->scope = s.scope;
  c->switch_dst = s.switch_dst;
  c->lambda_seq = s.lambda_seq;
  c->lambda_callee = s.lambda_callee;
  c->lambda_lit = s.lambda_lit;
}

/* A declared type as written ("User", "List<User>"), or NULL (none, a
 * syntax error, or Java 10's "var", which declares none). */
static const char *jv_type_text(jv_ctx *c, TSNode t) {
  if (ts_node_is_null(t) || ts_node_has_error(t) || jv_text_is(c, t, "var")) return NULL;
  return jv_text(c, t);
}

/* Local nm (an identifier node) of the current function declared with type
 * node t (ir_func_add_local; nothing without a type). */
static void jv_local(jv_ctx *c, TSNode nm, TSNode t) {
  if (!c->fn || ts_node_is_null(nm) || jv_kind_of(nm) != JK_identifier) return;
  const char *type = jv_type_text(c, t);
  if (type) ir_func_add_local(c->unit, c->fn, jv_text(c, nm), type, jv_loc(nm));
}

/* Parameters of formal_parameters, an inferred_parameters list or a single
 * identifier (x -> ...), each with its declared type as written ("Logger",
 * "List<String>", "String..." for a spread one; none for a lambda's
 * inferred ones). The receiver parameter (Foo this) is not one. */
static void jv_params(jv_ctx *c, TSNode params) {
  if (ts_node_is_null(params)) return;
  jv_kind pk = jv_kind_of(params);
  if (pk == JK_identifier) {
    ir_func_add_param(c->unit, c->fn, jv_text(c, params));
    return;
  }
  size_t k0 = jv_kids(c, params), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    jv_kid k = c->kids.items[i];
    TSNode nm = jv_null;
    const char *type = NULL;
    if (k.kind == JK_identifier) {
      nm = k.node;
    } else if (k.kind == JK_formal_parameter) {
      nm = jv_field(k.node, jv_L.f_name);
      TSNode t = jv_field(k.node, jv_L.f_type);
      if (!ts_node_is_null(t) && !ts_node_has_error(t)) type = jv_text(c, t);
    } else if (k.kind == JK_spread_parameter) { /* [modifiers] Type ... declarator */
      uint32_t cnt = ts_node_named_child_count(k.node);
      for (uint32_t j = 0; j < cnt; j++) {
        TSNode d = ts_node_named_child(k.node, j);
        jv_kind dk = jv_kind_of(d);
        if (dk == JK_variable_declarator) {
          nm = jv_field(d, jv_L.f_name);
        } else if (dk != JK_modifiers && !type && !ts_node_has_error(d) && !ts_node_is_extra(d)) {
          jv_buf_reset(&c->nb);
          jv_put_text(c, &c->nb, d);
          as_buf_puts(&c->nb, "...");
          type = ir_strn(c->unit, c->nb.data, c->nb.len);
        }
      }
    }
    if (!ts_node_is_null(nm) && !ts_node_is_missing(nm) && jv_kind_of(nm) == JK_identifier)
      ir_func_add_typed_param(c->unit, c->fn, jv_text(c, nm), type);
  }
  c->kids.len = k0;
}

/* A lambda's name (ir_lambda_name): after the call it is passed to when that
 * call's first argument is a string, else its position in the function. */
static const char *jv_lambda_name(jv_ctx *c, TSNode at) {
  (void)at;
  if (c->lambda_callee)
    return ir_lambda_name(c->unit, c->scope, c->lambda_callee, c->lambda_lit, 0);
  return ir_lambda_name(c->unit, c->scope, NULL, NULL, ++c->lambda_seq);
}

/* lambda_expression: a function returning a concise body; the expression's
 * own value is CONST "<lambda>". */
static const char *jv_lambda(jv_ctx *c, TSNode n, const char *dst) {
  jv_saved s = jv_begin_func(c, jv_lambda_name(c, n), n);
  jv_params(c, jv_field(n, jv_L.f_parameters));
  TSNode body = jv_field(n, jv_L.f_body);
  if (!ts_node_is_null(body)) {
    if (jv_kind_of(body) == JK_block) {
      jv_block(c, body);
    } else {
      const char *arg[1] = {jv_expr(c, body, NULL)};
      jv_emit(c, IR_RETURN, body, NULL, NULL, NULL, NULL, NULL, arg, 1);
    }
  }
  jv_restore(c, s);
  return jv_const_to(c, n, dst, ir_str(c->unit, "<lambda>"));
}

/* A method with a body as function qname (abstract and interface methods
 * without one are declarations, not code: calls to them stay unknown). */
static void jv_method(jv_ctx *c, TSNode n, const char *qname) {
  TSNode body = jv_field(n, jv_L.f_body);
  if (ts_node_is_null(body)) return;
  jv_saved s = jv_begin_func(c, qname, n);
  jv_decorators(c, n);
  jv_params(c, jv_field(n, jv_L.f_parameters));
  ir_func_set_ret_type(c->unit, c->fn, jv_type_text(c, jv_field(n, jv_L.f_type)));
  jv_block(c, body);
  jv_restore(c, s);
}

/* ---- expressions ---------------------------------------------------------------- */

/* Is name a JavaBeans accessor "getX"/"isX"/"setX" (prefix length in *plen)? */
static bool jv_accessor(const char *name, size_t len, const char *prefix, size_t *plen) {
  size_t p = strlen(prefix);
  if (len <= p || memcmp(name, prefix, p) != 0) return false;
  if (!(name[p] >= 'A' && name[p] <= 'Z')) return false;
  *plen = p;
  return true;
}

/* The property of accessor name after its prefix, decapitalised as
 * java.beans.Introspector.decapitalize does ("Email" -> "email", "URL" -> "URL"). */
static const char *jv_property(jv_ctx *c, const char *name, size_t len) {
  jv_buf_reset(&c->nb);
  as_buf_put(&c->nb, name, len);
  if (!(len >= 2 && c->nb.data[1] >= 'A' && c->nb.data[1] <= 'Z'))
    c->nb.data[0] = (char)(c->nb.data[0] - 'A' + 'a');
  return ir_strn(c->unit, c->nb.data, c->nb.len);
}

/* The value of a call's receiver: "this" for super, else the expression. */
static const char *jv_receiver(jv_ctx *c, TSNode obj) {
  if (ts_node_is_null(obj) || jv_kind_of(obj) == JK_super) return c->this_;
  return jv_expr(c, obj, NULL);
}

/* Push the values of an argument_list onto c->vals; returns the mark. */
/* Lower arguments onto c->vals. When the first is a string literal (a route:
 * get("/users", ctx -> ...)), lambdas passed after it are named after the
 * call (ir_lambda_name). */
static size_t jv_args(jv_ctx *c, TSNode argn, const char *callee) {
  size_t mark = c->vals.len;
  if (ts_node_is_null(argn)) return mark;
  const char *hint_callee = c->lambda_callee, *hint_lit = c->lambda_lit;
  c->lambda_callee = c->lambda_lit = NULL;
  size_t k0 = jv_kids(c, argn), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    const char *v = jv_expr(c, c->kids.items[i].node, NULL);
    as_array_push(&c->vals, v);
    const ir_inst *last = c->fn->ninsts ? &c->fn->insts[c->fn->ninsts - 1] : NULL;
    if (i == k0 && callee && last && last->dst == v && last->op == IR_CONST &&
        jv_kind_of(c->kids.items[i].node) == JK_string_literal) {
      c->lambda_callee = callee;
      c->lambda_lit = last->text;
    }
  }
  c->kids.len = k0;
  c->lambda_callee = hint_callee;
  c->lambda_lit = hint_lit;
  return mark;
}

static uint32_t jv_count_args(TSNode argn) {
  if (ts_node_is_null(argn)) return 0;
  uint32_t n = 0, cnt = ts_node_named_child_count(argn);
  for (uint32_t i = 0; i < cnt; i++)
    if (!ts_node_is_extra(ts_node_named_child(argn, i))) n++;
  return n;
}

/* method_invocation: CALL dst = callee(args) with receiver obj, or an
 * accessor lowered as LOAD/STORE (see the header comment). */
static const char *jv_call(jv_ctx *c, TSNode n, const char *dst) {
  TSNode objn = jv_field(n, jv_L.f_object), namen = jv_field(n, jv_L.f_name);
  TSNode argn = jv_field(n, jv_L.f_arguments);
  if (ts_node_is_null(namen)) return jv_const_to(c, n, dst, ir_str(c->unit, "<expr>"));
  const char *name = c->src + ts_node_start_byte(namen);
  size_t nlen = ts_node_end_byte(namen) - ts_node_start_byte(namen);
  uint32_t nargs = jv_count_args(argn);
  size_t plen;
  if (nargs == 0 &&
      (jv_accessor(name, nlen, "get", &plen) || jv_accessor(name, nlen, "is", &plen))) {
    const char *obj = jv_receiver(c, objn);
    const char *field = jv_property(c, name + plen, nlen - plen);
    const char *d = dst ? dst : jv_temp(c);
    jv_emit(c, IR_LOAD, n, d, obj, field, NULL, NULL, NULL, 0);
    return d;
  }
  if (nargs == 1 && jv_accessor(name, nlen, "set", &plen)) {
    const char *obj = jv_receiver(c, objn);
    size_t mark = jv_args(c, argn, NULL);
    const char *arg[1] = {c->vals.items[mark]};
    c->vals.len = mark;
    const char *field = jv_property(c, name + plen, nlen - plen);
    jv_emit(c, IR_STORE, n, NULL, obj, field, NULL, NULL, arg, 1);
    return obj;
  }
  const char *callee, *obj = NULL;
  if (ts_node_is_null(objn)) {
    callee = ir_strn(c->unit, name, nlen);
  } else {
    jv_buf_reset(&c->nb);
    if (!jv_dotted(c, objn, 0)) {
      jv_buf_reset(&c->nb);
      as_buf_puts(&c->nb, "<expr>");
    }
    as_buf_putc(&c->nb, '.');
    as_buf_put(&c->nb, name, nlen);
    callee = ir_strn(c->unit, c->nb.data, c->nb.len);
    obj = jv_receiver(c, objn);
  }
  size_t mark = jv_args(c, argn, callee);
  const char *d = dst ? dst : jv_temp(c);
  jv_emit(c, IR_CALL, n, d, obj, NULL, callee, NULL, c->vals.items + mark,
          (uint32_t)(c->vals.len - mark));
  c->vals.len = mark;
  return d;
}

static void jv_anonymous_body(jv_ctx *c, TSNode body, const char *inst);

/* object_creation_expression: CALL "new Type" (dotted, generics stripped);
 * an anonymous class body's methods become lambda functions. */
static const char *jv_new(jv_ctx *c, TSNode n, const char *dst) {
  TSNode type = jv_field(n, jv_L.f_type), body = jv_null;
  uint32_t cnt = ts_node_named_child_count(n);
  for (uint32_t i = 0; i < cnt; i++) {
    TSNode k = ts_node_named_child(n, i);
    if (jv_kind_of(k) == JK_class_body) body = k;
  }
  jv_buf_reset(&c->nb);
  as_buf_puts(&c->nb, "new ");
  if (!ts_node_is_null(type)) jv_type_name(c, type, 0);
  const char *callee = ir_strn(c->unit, c->nb.data, c->nb.len);
  size_t mark = jv_args(c, jv_field(n, jv_L.f_arguments), NULL);
  const char *d = dst ? dst : jv_temp(c);
  jv_emit(c, IR_CALL, n, d, NULL, NULL, callee, NULL, c->vals.items + mark,
          (uint32_t)(c->vals.len - mark));
  c->vals.len = mark;
  if (!ts_node_is_null(body)) jv_anonymous_body(c, body, d);
  return d;
}

/* array_initializer: CONST "<list>" + STORE field NULL per element. */
static const char *jv_list(jv_ctx *c, TSNode n, const char *dst) {
  const char *d = jv_const_to(c, n, dst, ir_str(c->unit, "<list>"));
  size_t k0 = jv_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    TSNode e = c->kids.items[i].node;
    const char *arg[1] = {jv_expr(c, e, NULL)};
    jv_emit(c, IR_STORE, e, NULL, d, NULL, NULL, NULL, arg, 1);
  }
  c->kids.len = k0;
  return d;
}

/* string_literal (and text blocks): CONST of the text between the quotes,
 * escapes as written; with interpolations, CONCAT of the parts. */
static const char *jv_string(jv_ctx *c, TSNode n, const char *dst) {
  if (jv_literal_string(c, n))
    return jv_const_to(c, n, dst, jv_str_trunc(c, c->sb.data ? c->sb.data : "", c->sb.len));
  size_t mark = c->vals.len;
  jv_buf_reset(&c->sb);
  size_t k0 = jv_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    jv_kid k = c->kids.items[i];
    if (k.kind != JK_string_interpolation) {
      if (c->sb.len < JV_CONST_MAX + 4) jv_put_text(c, &c->sb, k.node);
      continue;
    }
    if (c->sb.len) {
      const char *t = jv_const_to(c, n, NULL, jv_str_trunc(c, c->sb.data, c->sb.len));
      as_array_push(&c->vals, t);
      jv_buf_reset(&c->sb);
    }
    TSNode e = jv_first_named(k.node);
    if (!ts_node_is_null(e)) {
      const char *v = jv_expr(c, e, NULL);
      jv_buf_reset(&c->sb);
      as_array_push(&c->vals, v);
    }
  }
  c->kids.len = k0;
  if (c->sb.len) {
    const char *t = jv_const_to(c, n, NULL, jv_str_trunc(c, c->sb.data, c->sb.len));
    as_array_push(&c->vals, t);
  }
  if (c->vals.len == mark) {
    c->vals.len = mark;
    return jv_const_to(c, n, dst, ir_str(c->unit, ""));
  }
  const char *d = dst ? dst : jv_temp(c);
  jv_emit(c, IR_CONCAT, n, d, NULL, NULL, NULL, NULL, c->vals.items + mark,
          (uint32_t)(c->vals.len - mark));
  c->vals.len = mark;
  return d;
}

static bool jv_is_number(jv_kind k) {
  switch (k) {
  case JK_decimal_integer_literal:
  case JK_hex_integer_literal:
  case JK_octal_integer_literal:
  case JK_binary_integer_literal:
  case JK_decimal_floating_point_literal:
  case JK_hex_floating_point_literal:
    return true;
  default:
    return false;
  }
}

static bool jv_is_bool_op(const char *op) {
  static const char *const ops[] = {"&&", "||", "==", "!=", "<", ">", "<=", ">="};
  for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
    if (strcmp(op, ops[i]) == 0) return true;
  return false;
}

/* binary_expression. A chain a + b + c (left-nested in the tree) is one
 * CONCAT [a, b, c], walked without recursion down its left spine. */
static const char *jv_binary(jv_ctx *c, TSNode n, const char *dst) {
  const char *op = jv_op(n);
  if (jv_is_bool_op(op)) {
    TSNode l = jv_field(n, jv_L.f_left), r = jv_field(n, jv_L.f_right);
    if (!ts_node_is_null(l)) jv_expr(c, l, NULL);
    if (!ts_node_is_null(r)) jv_expr(c, r, NULL);
    return jv_const_to(c, n, dst, ir_str(c->unit, "<bool>"));
  }
  size_t k0 = c->kids.len, mark = c->vals.len;
  TSNode cur = n;
  if (strcmp(op, "+") == 0) {
    while (jv_kind_of(cur) == JK_binary_expression && strcmp(jv_op(cur), "+") == 0) {
      jv_kid kid = {cur, 0, JK_binary_expression};
      as_array_push(&c->kids, kid);
      cur = jv_field(cur, jv_L.f_left);
      if (ts_node_is_null(cur)) break;
    }
  } else {
    jv_kid kid = {cur, 0, JK_binary_expression};
    as_array_push(&c->kids, kid);
    cur = jv_field(cur, jv_L.f_left);
  }
  if (!ts_node_is_null(cur)) {
    const char *v = jv_expr(c, cur, NULL);
    as_array_push(&c->vals, v);
  }
  for (size_t i = c->kids.len; i-- > k0;) {
    TSNode r = jv_field(c->kids.items[i].node, jv_L.f_right);
    if (ts_node_is_null(r)) continue;
    const char *v = jv_expr(c, r, NULL);
    as_array_push(&c->vals, v);
  }
  c->kids.len = k0;
  if (c->vals.len == mark) return jv_const_to(c, n, dst, ir_str(c->unit, "<expr>"));
  bool sub = strcmp(op, "-") == 0; /* a - b: CALL <sub> into a temporary */
  const char *d = dst && !sub ? dst : jv_temp(c);
  jv_emit(c, sub ? IR_CALL : IR_CONCAT, n, d, NULL, NULL, sub ? ir_str(c->unit, "<sub>") : NULL,
          NULL, c->vals.items + mark, (uint32_t)(c->vals.len - mark));
  c->vals.len = mark;
  return d;
}

/* The constant key of an array index: an integer literal's text, else NULL. */
static const char *jv_index_key(jv_ctx *c, TSNode idx) {
  if (ts_node_is_null(idx)) return NULL;
  if (jv_kind_of(idx) == JK_decimal_integer_literal) return jv_text(c, idx);
  if (jv_kind_of(idx) != JK_identifier) jv_expr(c, idx, NULL);
  return NULL;
}

/* assignment_expression; returns the assigned value. */
static const char *jv_assign(jv_ctx *c, TSNode n) {
  TSNode left = jv_field(n, jv_L.f_left), right = jv_field(n, jv_L.f_right);
  if (ts_node_is_null(left) || ts_node_is_null(right)) return jv_const(c, n, "<expr>");
  bool compound = strcmp(jv_op(n), "=") != 0;
  jv_kind lk = jv_kind_of(left);
  if (lk == JK_identifier) {
    const char *name = jv_text(c, left);
    if (compound) {
      const char *args[2] = {name, jv_expr(c, right, NULL)};
      jv_emit(c, IR_CONCAT, n, name, NULL, NULL, NULL, NULL, args, 2);
      return name;
    }
    const char *v = jv_expr(c, right, name);
    if (v != name) {
      const char *arg[1] = {v};
      jv_emit(c, IR_COPY, n, name, NULL, NULL, NULL, NULL, arg, 1);
    }
    return name;
  }
  const char *obj, *field;
  if (lk == JK_field_access) {
    TSNode o = jv_field(left, jv_L.f_object), f = jv_field(left, jv_L.f_field);
    obj = jv_receiver(c, o);
    field = ts_node_is_null(f) ? NULL : jv_text(c, f);
  } else if (lk == JK_array_access) {
    TSNode a = jv_field(left, jv_L.f_array);
    obj = ts_node_is_null(a) ? jv_const(c, left, "<expr>") : jv_expr(c, a, NULL);
    field = jv_index_key(c, jv_field(left, jv_L.f_index));
  } else {
    jv_expr(c, left, NULL);
    return jv_expr(c, right, NULL);
  }
  const char *v;
  if (compound) {
    const char *old = jv_temp(c);
    jv_emit(c, IR_LOAD, left, old, obj, field, NULL, NULL, NULL, 0);
    const char *args[2] = {old, jv_expr(c, right, NULL)};
    v = jv_temp(c);
    jv_emit(c, IR_CONCAT, n, v, NULL, NULL, NULL, NULL, args, 2);
  } else {
    v = jv_expr(c, right, NULL);
  }
  const char *arg[1] = {v};
  jv_emit(c, IR_STORE, n, NULL, obj, field, NULL, NULL, arg, 1);
  return v;
}

/* switch_expression (also the switch statement): the selector, then the
 * arms at depth+1; as an expression, each arm's value (rule expression or
 * yield) is copied into the result. */
static const char *jv_switch(jv_ctx *c, TSNode n, bool is_expr, const char *dst) {
  TSNode cond = jv_field(n, jv_L.f_condition), body = jv_field(n, jv_L.f_body);
  if (!ts_node_is_null(cond)) jv_expr(c, cond, NULL);
  const char *r = is_expr ? (dst ? dst : jv_temp(c)) : NULL;
  const char *saved = c->switch_dst;
  if (is_expr) c->switch_dst = r;
  c->depth++;
  if (!ts_node_is_null(body)) {
    size_t k0 = jv_kids(c, body), k1 = c->kids.len;
    for (size_t i = k0; i < k1; i++) {
      jv_kid arm = c->kids.items[i];
      if (arm.kind != JK_switch_block_statement_group && arm.kind != JK_switch_rule) continue;
      size_t j0 = jv_kids(c, arm.node), j1 = c->kids.len;
      for (size_t j = j0; j < j1; j++) {
        jv_kid s = c->kids.items[j];
        if (s.kind == JK_switch_label) continue;
        if (arm.kind == JK_switch_rule && s.kind == JK_expression_statement) {
          TSNode e = jv_first_named(s.node);
          if (ts_node_is_null(e)) continue;
          const char *v = jv_expr(c, e, NULL);
          if (r) {
            const char *arg[1] = {v};
            jv_emit(c, IR_COPY, e, r, NULL, NULL, NULL, NULL, arg, 1);
          }
        } else {
          jv_stmt(c, s.node, (jv_kind)s.kind);
        }
      }
      c->kids.len = j0;
    }
    c->kids.len = k0;
  }
  c->depth--;
  c->switch_dst = saved;
  return r;
}

/* Lower an expression; returns its value name. When dst is given, the
 * instruction computing the value writes dst directly where there is one
 * (callers COPY when the returned name differs). */
static const char *jv_expr(jv_ctx *c, TSNode n, const char *dst) {
  jv_kind k = jv_kind_of(n);
  if (jv_broken(n)) return jv_const_to(c, n, dst, ir_str(c->unit, "<expr>"));
  if (k == JK_identifier) return jv_text(c, n);
  if (k == JK_this) return c->this_;
  if (c->nest > JV_MAX_NEST) return jv_const_to(c, n, dst, ir_str(c->unit, "<expr>"));
  c->nest++;
  const char *r = NULL;
  switch (k) {
  case JK_string_literal:
    r = jv_string(c, n, dst);
    break;
  case JK_character_literal: {
    uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
    if (b - a >= 2) a++, b--;
    r = jv_const_to(c, n, dst, jv_str_trunc(c, c->src + a, b - a));
    break;
  }
  case JK_decimal_integer_literal:
  case JK_hex_integer_literal:
  case JK_octal_integer_literal:
  case JK_binary_integer_literal:
  case JK_decimal_floating_point_literal:
  case JK_hex_floating_point_literal:
  case JK_true:
  case JK_false:
  case JK_null_literal:
    r = jv_const_to(c, n, dst,
                    jv_str_trunc(c, c->src + ts_node_start_byte(n),
                                 ts_node_end_byte(n) - ts_node_start_byte(n)));
    break;
  case JK_super:
    r = c->this_;
    break;
  case JK_field_access: {
    TSNode o = jv_field(n, jv_L.f_object), f = jv_field(n, jv_L.f_field);
    const char *obj = jv_receiver(c, o);
    r = dst ? dst : jv_temp(c);
    jv_emit(c, IR_LOAD, n, r, obj, ts_node_is_null(f) ? NULL : jv_text(c, f), NULL, NULL, NULL, 0);
    break;
  }
  case JK_array_access: {
    TSNode a = jv_field(n, jv_L.f_array);
    const char *obj = ts_node_is_null(a) ? jv_const(c, n, "<expr>") : jv_expr(c, a, NULL);
    const char *field = jv_index_key(c, jv_field(n, jv_L.f_index));
    r = dst ? dst : jv_temp(c);
    jv_emit(c, IR_LOAD, n, r, obj, field, NULL, NULL, NULL, 0);
    break;
  }
  case JK_method_invocation:
    r = jv_call(c, n, dst);
    break;
  case JK_object_creation_expression:
    r = jv_new(c, n, dst);
    break;
  case JK_array_creation_expression: {
    TSNode v = jv_field(n, jv_L.f_value);
    r = ts_node_is_null(v) ? jv_const_to(c, n, dst, ir_str(c->unit, "<list>")) : jv_list(c, v, dst);
    break;
  }
  case JK_array_initializer:
    r = jv_list(c, n, dst);
    break;
  case JK_assignment_expression:
    r = jv_assign(c, n);
    break;
  case JK_binary_expression:
    r = jv_binary(c, n, dst);
    break;
  case JK_unary_expression: {
    TSNode o = jv_field(n, jv_L.f_operand);
    if (!ts_node_is_null(o) && jv_is_number(jv_kind_of(o)) && strcmp(jv_op(n), "-") == 0) {
      jv_buf_reset(&c->nb); /* -4: CONST "-4" */
      as_buf_putc(&c->nb, '-');
      jv_put_text(c, &c->nb, o);
      r = jv_const_to(c, n, dst, jv_str_trunc(c, c->nb.data, c->nb.len));
      break;
    }
    const char *v = ts_node_is_null(o) ? jv_const(c, n, "<expr>") : jv_expr(c, o, NULL);
    if (strcmp(jv_op(n), "!") == 0) {
      r = jv_const_to(c, n, dst, ir_str(c->unit, "<bool>"));
    } else {
      const char *arg[1] = {v};
      r = dst ? dst : jv_temp(c);
      jv_emit(c, IR_COPY, n, r, NULL, NULL, NULL, NULL, arg, 1);
    }
    break;
  }
  case JK_update_expression: { /* x++ yields x */
    TSNode e = jv_first_named(n);
    r = ts_node_is_null(e) ? jv_const_to(c, n, dst, ir_str(c->unit, "<expr>"))
                           : jv_expr(c, e, NULL);
    break;
  }
  case JK_ternary_expression: {
    TSNode cond = jv_field(n, jv_L.f_condition), t = jv_field(n, jv_L.f_consequence),
           e = jv_field(n, jv_L.f_alternative);
    if (!ts_node_is_null(cond)) jv_expr(c, cond, NULL);
    const char *args[2];
    uint32_t na = 0;
    if (!ts_node_is_null(t)) args[na++] = jv_expr(c, t, NULL);
    if (!ts_node_is_null(e)) args[na++] = jv_expr(c, e, NULL);
    if (na == 0) {
      r = jv_const_to(c, n, dst, ir_str(c->unit, "<expr>"));
      break;
    }
    r = dst ? dst : jv_temp(c);
    jv_emit(c, IR_CONCAT, n, r, NULL, NULL, NULL, NULL, args, na);
    break;
  }
  case JK_cast_expression: { /* (User) e is e; a temporary holding it is typed User */
    TSNode v = jv_field(n, jv_L.f_value);
    r = ts_node_is_null(v) ? jv_const_to(c, n, dst, ir_str(c->unit, "<expr>")) : jv_expr(c, v, dst);
    const char *type = jv_type_text(c, jv_field(n, jv_L.f_type));
    if (r[0] == '%' && type && c->fn) ir_func_add_local(c->unit, c->fn, r, type, jv_loc(n));
    break;
  }
  case JK_parenthesized_expression: {
    TSNode e = jv_first_named(n);
    r = ts_node_is_null(e) ? jv_const_to(c, n, dst, ir_str(c->unit, "<expr>")) : jv_expr(c, e, dst);
    break;
  }
  case JK_instanceof_expression: {
    /* x instanceof User u: the pattern variable is x */
    TSNode l = jv_field(n, jv_L.f_left), nm = jv_field(n, jv_L.f_name);
    const char *v = ts_node_is_null(l) ? NULL : jv_expr(c, l, NULL);
    if (v && !ts_node_is_null(nm)) {
      const char *arg[1] = {v};
      jv_emit(c, IR_COPY, nm, jv_text(c, nm), NULL, NULL, NULL, NULL, arg, 1);
      jv_local(c, nm, jv_field(n, jv_L.f_right));
    }
    r = jv_const_to(c, n, dst, ir_str(c->unit, "<bool>"));
    break;
  }
  case JK_lambda_expression:
    r = jv_lambda(c, n, dst);
    break;
  case JK_switch_expression:
    r = jv_switch(c, n, true, dst);
    break;
  default:
    r = jv_const_to(c, n, dst, ir_str(c->unit, "<expr>"));
    break;
  }
  c->nest--;
  return r;
}

/* ---- statements ---------------------------------------------------------------- */

/* The cast an initializer is, through parentheses, or a null node. */
static TSNode jv_cast_of(TSNode e) {
  for (int guard = 0; guard < 64 && jv_kind_of(e) == JK_parenthesized_expression; guard++)
    e = jv_first_named(e);
  return jv_kind_of(e) == JK_cast_expression ? e : jv_null;
}

/* T x = e, y = f;  (also resources and for-loop initialisers). x is a local
 * of type T (type, the declaration's type node); var x = (T) e of type T. */
static void jv_declarator(jv_ctx *c, TSNode d, TSNode type) {
  TSNode nm = jv_field(d, jv_L.f_name), val = jv_field(d, jv_L.f_value);
  if (!jv_type_text(c, type) && !ts_node_is_null(val) && !ts_node_is_null(jv_cast_of(val)))
    type = jv_field(jv_cast_of(val), jv_L.f_type);
  jv_local(c, nm, type);
  if (ts_node_is_null(val)) return;
  if (ts_node_is_null(nm) || jv_kind_of(nm) != JK_identifier) {
    jv_expr(c, val, NULL);
    return;
  }
  const char *name = jv_text(c, nm);
  const char *v = jv_expr(c, val, name);
  if (v != name) {
    const char *arg[1] = {v};
    jv_emit(c, IR_COPY, d, name, NULL, NULL, NULL, NULL, arg, 1);
  }
}

static void jv_local_decl(jv_ctx *c, TSNode n) {
  TSNode type = jv_field(n, jv_L.f_type);
  size_t k0 = jv_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++)
    if (c->kids.items[i].kind == JK_variable_declarator)
      jv_declarator(c, c->kids.items[i].node, type);
  c->kids.len = k0;
}

/* catch (E e) { ... }: e = CONST "<exception>", then the block. */
static void jv_catch(jv_ctx *c, TSNode n) {
  size_t k0 = jv_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    jv_kid k = c->kids.items[i];
    if (k.kind == JK_catch_formal_parameter) {
      TSNode nm = jv_field(k.node, jv_L.f_name);
      if (!ts_node_is_null(nm) && jv_kind_of(nm) == JK_identifier)
        jv_emit(c, IR_CONST, nm, jv_text(c, nm), NULL, NULL, NULL, ir_str(c->unit, "<exception>"),
                NULL, 0);
      uint32_t cnt = ts_node_named_child_count(k.node);
      for (uint32_t j = 0; j < cnt; j++) { /* catch (IOException | SQLException e) */
        TSNode t = ts_node_named_child(k.node, j);
        if (strcmp(ts_node_type(t), "catch_type") == 0) jv_local(c, nm, t);
      }
    } else if (k.kind == JK_block) {
      jv_block(c, k.node);
    }
  }
  c->kids.len = k0;
}

/* try / try-with-resources: resources at the current depth (they always
 * run), the body, catch clauses and finally at depth+1. */
static void jv_try(jv_ctx *c, TSNode n) {
  size_t k0 = jv_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    jv_kid k = c->kids.items[i];
    if (k.kind != JK_resource_specification) continue;
    size_t j0 = jv_kids(c, k.node), j1 = c->kids.len;
    for (size_t j = j0; j < j1; j++) {
      TSNode res = c->kids.items[j].node;
      if (!ts_node_is_null(jv_field(res, jv_L.f_value))) {
        jv_declarator(c, res, jv_field(res, jv_L.f_type));
      } else {
        TSNode e = jv_first_named(res);
        if (!ts_node_is_null(e)) jv_expr(c, e, NULL);
      }
    }
    c->kids.len = j0;
  }
  c->depth++;
  for (size_t i = k0; i < k1; i++) {
    jv_kid k = c->kids.items[i];
    if (k.kind == JK_block) {
      jv_block(c, k.node);
    } else if (k.kind == JK_catch_clause) {
      jv_catch(c, k.node);
    } else if (k.kind == JK_finally_clause) {
      TSNode b = jv_first_named(k.node);
      if (!ts_node_is_null(b)) jv_block(c, b);
    }
  }
  c->depth--;
  c->kids.len = k0;
}

/* A statement nested under control flow, at depth+1. */
static void jv_nested(jv_ctx *c, TSNode s) {
  if (ts_node_is_null(s)) return;
  c->depth++;
  jv_stmt(c, s, jv_kind_of(s));
  c->depth--;
}

static void jv_stmt(jv_ctx *c, TSNode n, jv_kind k) {
  if (c->nest > JV_MAX_NEST) return;
  if (!jv_is_compound(k) && jv_broken(n)) return; /* a statement with a syntax error */
  c->nest++;
  switch (k) {
  case JK_block:
  case JK_constructor_body:
    jv_block(c, n);
    break;
  case JK_expression_statement: {
    TSNode e = jv_first_named(n);
    if (ts_node_is_null(e)) break;
    jv_kind ek = jv_kind_of(e);
    if (ek == JK_switch_expression)
      jv_switch(c, e, false, NULL);
    else if (ek != JK_identifier && ek != JK_this)
      jv_expr(c, e, NULL);
    break;
  }
  case JK_local_variable_declaration:
    jv_local_decl(c, n);
    break;
  case JK_return_statement: {
    TSNode e = jv_first_named(n);
    if (ts_node_is_null(e)) {
      jv_emit(c, IR_RETURN, n, NULL, NULL, NULL, NULL, NULL, NULL, 0);
    } else {
      const char *arg[1] = {jv_expr(c, e, NULL)};
      jv_emit(c, IR_RETURN, n, NULL, NULL, NULL, NULL, NULL, arg, 1);
    }
    break;
  }
  case JK_throw_statement: {
    TSNode e = jv_first_named(n);
    if (ts_node_is_null(e)) break;
    const char *arg[1] = {jv_expr(c, e, NULL)};
    jv_emit(c, IR_CALL, n, jv_temp(c), NULL, NULL, ir_str(c->unit, "<throw>"), NULL, arg, 1);
    break;
  }
  case JK_if_statement: {
    TSNode cond = jv_field(n, jv_L.f_condition);
    if (!ts_node_is_null(cond)) jv_expr(c, cond, NULL);
    jv_nested(c, jv_field(n, jv_L.f_consequence));
    jv_nested(c, jv_field(n, jv_L.f_alternative));
    break;
  }
  case JK_while_statement: {
    TSNode cond = jv_field(n, jv_L.f_condition);
    if (!ts_node_is_null(cond)) jv_expr(c, cond, NULL);
    jv_nested(c, jv_field(n, jv_L.f_body));
    break;
  }
  case JK_do_statement: {
    jv_nested(c, jv_field(n, jv_L.f_body));
    TSNode cond = jv_field(n, jv_L.f_condition);
    if (!ts_node_is_null(cond)) jv_expr(c, cond, NULL);
    break;
  }
  case JK_for_statement: {
    /* init and condition at the loop's depth; body and update inside */
    size_t k0 = jv_kids(c, n), k1 = c->kids.len;
    for (size_t i = k0; i < k1; i++) {
      jv_kid kid = c->kids.items[i];
      if (kid.field == jv_L.f_init) {
        if (kid.kind == JK_local_variable_declaration)
          jv_local_decl(c, kid.node);
        else
          jv_expr(c, kid.node, NULL);
      } else if (kid.field == jv_L.f_condition) {
        jv_expr(c, kid.node, NULL);
      }
    }
    c->depth++;
    for (size_t i = k0; i < k1; i++) {
      jv_kid kid = c->kids.items[i];
      if (kid.field == jv_L.f_body) jv_stmt(c, kid.node, (jv_kind)kid.kind);
    }
    for (size_t i = k0; i < k1; i++) {
      jv_kid kid = c->kids.items[i];
      if (kid.field == jv_L.f_update) jv_expr(c, kid.node, NULL);
    }
    c->depth--;
    c->kids.len = k0;
    break;
  }
  case JK_enhanced_for_statement: {
    TSNode val = jv_field(n, jv_L.f_value), nm = jv_field(n, jv_L.f_name);
    const char *xs = ts_node_is_null(val) ? NULL : jv_expr(c, val, NULL);
    c->depth++;
    if (xs && !ts_node_is_null(nm) && jv_kind_of(nm) == JK_identifier)
      jv_emit(c, IR_LOAD, nm, jv_text(c, nm), xs, NULL, NULL, NULL, NULL, 0);
    jv_local(c, nm, jv_field(n, jv_L.f_type));
    TSNode body = jv_field(n, jv_L.f_body);
    if (!ts_node_is_null(body)) jv_stmt(c, body, jv_kind_of(body));
    c->depth--;
    break;
  }
  case JK_try_statement:
  case JK_try_with_resources_statement:
    jv_try(c, n);
    break;
  case JK_switch_expression:
    jv_switch(c, n, false, NULL);
    break;
  case JK_yield_statement: {
    TSNode e = jv_first_named(n);
    if (ts_node_is_null(e)) break;
    const char *v = jv_expr(c, e, NULL);
    if (c->switch_dst) {
      const char *arg[1] = {v};
      jv_emit(c, IR_COPY, n, c->switch_dst, NULL, NULL, NULL, NULL, arg, 1);
    }
    break;
  }
  case JK_synchronized_statement: {
    size_t k0 = jv_kids(c, n), k1 = c->kids.len;
    for (size_t i = k0; i < k1; i++) {
      jv_kid kid = c->kids.items[i];
      if (kid.kind == JK_parenthesized_expression)
        jv_expr(c, kid.node, NULL);
      else if (kid.kind == JK_block)
        jv_block(c, kid.node);
    }
    c->kids.len = k0;
    break;
  }
  case JK_labeled_statement: {
    size_t k0 = jv_kids(c, n), k1 = c->kids.len;
    for (size_t i = k0; i < k1; i++)
      if (c->kids.items[i].kind != JK_identifier)
        jv_stmt(c, c->kids.items[i].node, (jv_kind)c->kids.items[i].kind);
    c->kids.len = k0;
    break;
  }
  case JK_explicit_constructor_invocation: { /* super(a, b) / this(a) */
    TSNode ctor = jv_field(n, jv_L.f_constructor);
    const char *callee =
        ir_str(c->unit, !ts_node_is_null(ctor) && jv_kind_of(ctor) == JK_this ? "this" : "super");
    size_t mark = jv_args(c, jv_field(n, jv_L.f_arguments), NULL);
    jv_emit(c, IR_CALL, n, jv_temp(c), NULL, NULL, callee, NULL, c->vals.items + mark,
            (uint32_t)(c->vals.len - mark));
    c->vals.len = mark;
    break;
  }
  case JK_class_declaration:
  case JK_interface_declaration:
  case JK_enum_declaration:
  case JK_record_declaration: /* local types: named within the function */
    jv_type_decl(c, n, k);
    break;
  default:
    break; /* break, continue, assert, empty statements, ... */
  }
  c->nest--;
}

static void jv_block(jv_ctx *c, TSNode n) {
  size_t k0 = jv_kids(c, n), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    jv_kid kid = c->kids.items[i];
    jv_stmt(c, kid.node, (jv_kind)kid.kind);
  }
  c->kids.len = k0;
}

/* ---- classes ------------------------------------------------------------------- */

/* The members of a class/interface/enum body onto c->kids (an enum's
 * constants, then its declarations); returns the first index. Entries of
 * kind enum_body_declarations are containers to skip. */
static size_t jv_members(jv_ctx *c, TSNode body) {
  size_t k0 = jv_kids(c, body), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++)
    if (c->kids.items[i].kind == JK_enum_body_declarations) jv_kids(c, c->kids.items[i].node);
  return k0;
}

/* Field initialisers and initializer blocks of members [k0, k1), in order,
 * into the current function: STORE this.f = value. */
static void jv_inits(jv_ctx *c, size_t k0, size_t k1, const char *cls) {
  for (size_t i = k0; i < k1; i++) {
    jv_kid m = c->kids.items[i];
    if (m.kind == JK_field_declaration || m.kind == JK_constant_declaration) {
      size_t j0 = jv_kids(c, m.node), j1 = c->kids.len;
      for (size_t j = j0; j < j1; j++) {
        jv_kid d = c->kids.items[j];
        if (d.kind != JK_variable_declarator) continue;
        TSNode nm = jv_field(d.node, jv_L.f_name), val = jv_field(d.node, jv_L.f_value);
        if (ts_node_is_null(val)) continue;
        const char *arg[1] = {jv_expr(c, val, NULL)};
        if (!ts_node_is_null(nm))
          jv_emit(c, IR_STORE, d.node, NULL, c->this_, jv_text(c, nm), NULL, NULL, arg, 1);
      }
      c->kids.len = j0;
    } else if (m.kind == JK_static_initializer) {
      TSNode b = jv_first_named(m.node);
      if (!ts_node_is_null(b)) jv_block(c, b);
    } else if (m.kind == JK_block) {
      jv_block(c, m.node);
    } else if (m.kind == JK_enum_constant) {
      TSNode args = jv_field(m.node, jv_L.f_arguments);
      if (ts_node_is_null(args)) continue;
      jv_buf_reset(&c->nb);
      as_buf_puts(&c->nb, "new ");
      as_buf_puts(&c->nb, cls);
      const char *callee = ir_strn(c->unit, c->nb.data, c->nb.len);
      size_t mark = jv_args(c, args, NULL);
      jv_emit(c, IR_CALL, m.node, jv_temp(c), NULL, NULL, callee, NULL, c->vals.items + mark,
              (uint32_t)(c->vals.len - mark));
      c->vals.len = mark;
    }
  }
}

static bool jv_has_inits(jv_ctx *c, size_t k0, size_t k1) {
  for (size_t i = k0; i < k1; i++) {
    jv_kid m = c->kids.items[i];
    if (m.kind == JK_static_initializer || m.kind == JK_block) return true;
    if (m.kind == JK_enum_constant && !ts_node_is_null(jv_field(m.node, jv_L.f_arguments)))
      return true;
    if (m.kind != JK_field_declaration && m.kind != JK_constant_declaration) continue;
    uint32_t cnt = ts_node_named_child_count(m.node);
    for (uint32_t j = 0; j < cnt; j++) {
      TSNode d = ts_node_named_child(m.node, j);
      if (jv_kind_of(d) == JK_variable_declarator && !ts_node_is_null(jv_field(d, jv_L.f_value)))
        return true;
    }
  }
  return false;
}

static void jv_add_fields(jv_ctx *c, ir_record *rec, TSNode decl) {
  TSNode type = jv_field(decl, jv_L.f_type);
  const char *ty = ts_node_is_null(type) ? NULL : jv_text(c, type);
  const char *tag = jv_tag(c, jv_modifiers(decl));
  uint32_t cnt = ts_node_named_child_count(decl);
  for (uint32_t j = 0; j < cnt; j++) {
    TSNode d = ts_node_named_child(decl, j);
    if (jv_kind_of(d) != JK_variable_declarator) continue;
    TSNode nm = jv_field(d, jv_L.f_name);
    if (!ts_node_is_null(nm) && jv_kind_of(nm) == JK_identifier)
      ir_record_add_tagged_field(c->unit, rec, jv_text(c, nm), ty, tag, jv_loc(nm));
  }
}

static uint32_t jv_count_params(TSNode params) {
  if (ts_node_is_null(params)) return 0;
  uint32_t n = 0, cnt = ts_node_named_child_count(params);
  for (uint32_t i = 0; i < cnt; i++) {
    jv_kind k = jv_kind_of(ts_node_named_child(params, i));
    if (k == JK_formal_parameter || k == JK_spread_parameter) n++;
  }
  return n;
}

/* Does the body declare a method `name()` without parameters? */
static bool jv_declares_accessor(jv_ctx *c, size_t k0, size_t k1, TSNode comp_name) {
  for (size_t i = k0; i < k1; i++) {
    jv_kid m = c->kids.items[i];
    if (m.kind != JK_method_declaration) continue;
    TSNode nm = jv_field(m.node, jv_L.f_name);
    if (ts_node_is_null(nm) || jv_count_params(jv_field(m.node, jv_L.f_parameters)) != 0) continue;
    uint32_t a = ts_node_start_byte(comp_name), b = ts_node_end_byte(comp_name);
    uint32_t x = ts_node_start_byte(nm), y = ts_node_end_byte(nm);
    if (b - a == y - x && memcmp(c->src + a, c->src + x, b - a) == 0) return true;
  }
  return false;
}

/* A record's implicit parts: the canonical constructor "R.<init>" (params =
 * components; a compact constructor's body, the initialisers, then
 * STORE this.comp = comp) unless one is declared, and the accessors. */
static void jv_record_parts(jv_ctx *c, TSNode n, TSNode comps, const char *q, size_t k0,
                            size_t k1) {
  uint32_t ncomp = jv_count_params(comps);
  bool canonical = false;
  TSNode compact = jv_null;
  for (size_t i = k0; i < k1; i++) {
    jv_kid m = c->kids.items[i];
    if (m.kind == JK_constructor_declaration &&
        jv_count_params(jv_field(m.node, jv_L.f_parameters)) == ncomp)
      canonical = true;
    else if (m.kind == JK_compact_constructor_declaration)
      compact = m.node;
  }
  if (!canonical) {
    jv_saved s =
        jv_begin_func(c, jv_qualify(c, q, "<init>"), ts_node_is_null(compact) ? n : compact);
    if (!ts_node_is_null(compact)) jv_decorators(c, compact);
    jv_params(c, comps);
    jv_inits(c, k0, k1, q);
    if (!ts_node_is_null(compact)) {
      TSNode body = jv_field(compact, jv_L.f_body);
      if (!ts_node_is_null(body)) jv_block(c, body);
    }
    uint32_t cnt = ts_node_is_null(comps) ? 0 : ts_node_named_child_count(comps);
    for (uint32_t i = 0; i < cnt; i++) {
      TSNode p = ts_node_named_child(comps, i), nm = jv_field(p, jv_L.f_name);
      if (jv_kind_of(p) != JK_formal_parameter || ts_node_is_null(nm)) continue;
      const char *arg[1] = {jv_text(c, nm)};
      jv_emit(c, IR_STORE, p, NULL, c->this_, arg[0], NULL, NULL, arg, 1);
    }
    jv_restore(c, s);
  }
  if (ts_node_is_null(comps)) return;
  uint32_t cnt = ts_node_named_child_count(comps);
  for (uint32_t i = 0; i < cnt; i++) {
    TSNode p = ts_node_named_child(comps, i);
    if (jv_kind_of(p) != JK_formal_parameter) continue;
    TSNode nm = jv_field(p, jv_L.f_name);
    if (ts_node_is_null(nm) || jv_declares_accessor(c, k0, k1, nm)) continue;
    const char *field = jv_text(c, nm);
    jv_saved s = jv_begin_func(c, jv_qualify(c, q, field), p);
    ir_func_set_ret_type(c->unit, c->fn, jv_type_text(c, jv_field(p, jv_L.f_type)));
    const char *t = jv_temp(c);
    jv_emit(c, IR_LOAD, p, t, c->this_, field, NULL, NULL, NULL, 0);
    const char *arg[1] = {t};
    jv_emit(c, IR_RETURN, p, NULL, NULL, NULL, NULL, NULL, arg, 1);
    jv_restore(c, s);
  }
}

/* Methods, constructors and nested types of members [k0, k1) of class q. */
static void jv_class_members(jv_ctx *c, size_t k0, size_t k1, const char *q) {
  for (size_t i = k0; i < k1; i++) {
    jv_kid m = c->kids.items[i];
    switch ((jv_kind)m.kind) {
    case JK_method_declaration: {
      TSNode nm = jv_field(m.node, jv_L.f_name);
      if (!ts_node_is_null(nm)) jv_method(c, m.node, jv_qualify(c, q, jv_text(c, nm)));
      break;
    }
    case JK_constructor_declaration: {
      jv_saved s = jv_begin_func(c, jv_qualify(c, q, "<init>"), m.node);
      jv_decorators(c, m.node);
      jv_params(c, jv_field(m.node, jv_L.f_parameters));
      jv_inits(c, k0, k1, q);
      TSNode body = jv_field(m.node, jv_L.f_body);
      if (!ts_node_is_null(body)) jv_block(c, body);
      jv_restore(c, s);
      break;
    }
    case JK_class_declaration:
    case JK_interface_declaration:
    case JK_enum_declaration:
    case JK_record_declaration:
    case JK_annotation_type_declaration:
      jv_type_decl(c, m.node, (jv_kind)m.kind);
      break;
    case JK_enum_constant: { /* RED { int f() {...} }: methods as "E.RED.f" */
      TSNode body = jv_field(m.node, jv_L.f_body), nm = jv_field(m.node, jv_L.f_name);
      if (ts_node_is_null(body) || ts_node_is_null(nm)) break;
      const char *cq = jv_qualify(c, q, jv_text(c, nm));
      size_t j0 = jv_members(c, body), j1 = c->kids.len;
      jv_class_members(c, j0, j1, cq);
      c->kids.len = j0;
      break;
    }
    default:
      break;
    }
  }
}

/* class / interface / enum / record / @interface declaration. */
static void jv_type_decl(jv_ctx *c, TSNode n, jv_kind k) {
  TSNode nm = jv_field(n, jv_L.f_name), body = jv_field(n, jv_L.f_body);
  if (ts_node_is_null(nm) || c->nest > JV_MAX_NEST) return;
  c->nest++;
  const char *q = jv_qualify(c, c->scope, jv_text(c, nm));
  ir_record *rec = NULL;
  if (k == JK_class_declaration || k == JK_enum_declaration || k == JK_record_declaration)
    rec = ir_add_record(c->unit, q, jv_loc(n));
  if (rec) jv_annotations(c, n, NULL, rec);
  TSNode comps = k == JK_record_declaration ? jv_field(n, jv_L.f_parameters) : jv_null;
  if (rec && !ts_node_is_null(comps)) {
    uint32_t cnt = ts_node_named_child_count(comps);
    for (uint32_t i = 0; i < cnt; i++) {
      TSNode p = ts_node_named_child(comps, i);
      TSNode pn = jv_field(p, jv_L.f_name), pt = jv_field(p, jv_L.f_type);
      if (jv_kind_of(p) != JK_formal_parameter || ts_node_is_null(pn)) continue;
      ir_record_add_tagged_field(c->unit, rec, jv_text(c, pn),
                                 ts_node_is_null(pt) ? NULL : jv_text(c, pt),
                                 jv_tag(c, jv_modifiers(p)), jv_loc(pn));
    }
  }
  size_t k0 = ts_node_is_null(body) ? c->kids.len : jv_members(c, body), k1 = c->kids.len;
  bool has_ctor = false;
  for (size_t i = k0; i < k1; i++) {
    jv_kid m = c->kids.items[i];
    if (m.kind == JK_field_declaration && rec) jv_add_fields(c, rec, m.node);
    if (m.kind == JK_constructor_declaration) has_ctor = true;
  }
  if (k == JK_record_declaration) {
    jv_record_parts(c, n, comps, q, k0, k1);
  } else if (!has_ctor && jv_has_inits(c, k0, k1)) {
    jv_saved s = jv_begin_func(c, jv_qualify(c, q, "<init>"), n);
    jv_inits(c, k0, k1, q);
    jv_restore(c, s);
  }
  const char *scope = c->scope;
  c->scope = q;
  jv_class_members(c, k0, k1, q);
  c->scope = scope;
  c->kids.len = k0;
  c->nest--;
}

/* An anonymous class body: its methods are lambda functions of the current
 * scope; its field initialisers and blocks run here (STORE inst.f = v). */
static void jv_anonymous_body(jv_ctx *c, TSNode body, const char *inst) {
  size_t k0 = jv_members(c, body), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    jv_kid m = c->kids.items[i];
    if (m.kind == JK_method_declaration) {
      jv_method(c, m.node, jv_lambda_name(c, m.node));
    } else if (m.kind == JK_field_declaration) {
      size_t j0 = jv_kids(c, m.node), j1 = c->kids.len;
      for (size_t j = j0; j < j1; j++) {
        jv_kid d = c->kids.items[j];
        if (d.kind != JK_variable_declarator) continue;
        TSNode nm = jv_field(d.node, jv_L.f_name), val = jv_field(d.node, jv_L.f_value);
        if (ts_node_is_null(val) || ts_node_is_null(nm)) continue;
        const char *arg[1] = {jv_expr(c, val, NULL)};
        jv_emit(c, IR_STORE, d.node, NULL, inst, jv_text(c, nm), NULL, NULL, arg, 1);
      }
      c->kids.len = j0;
    } else if (m.kind == JK_block) {
      jv_block(c, m.node);
    } else if (m.kind == JK_class_declaration || m.kind == JK_interface_declaration ||
               m.kind == JK_enum_declaration || m.kind == JK_record_declaration) {
      jv_type_decl(c, m.node, (jv_kind)m.kind);
    }
  }
  c->kids.len = k0;
}

/* ---- compilation unit ------------------------------------------------------------ */

/* import a.b.C;  import static a.b.C.m;  (wildcards skipped) */
static void jv_import(jv_ctx *c, TSNode n) {
  TSNode path = jv_null;
  bool wildcard = false;
  uint32_t cnt = ts_node_named_child_count(n);
  for (uint32_t i = 0; i < cnt; i++) {
    TSNode k = ts_node_named_child(n, i);
    jv_kind kk = jv_kind_of(k);
    if (kk == JK_asterisk)
      wildcard = true;
    else if (kk == JK_identifier || kk == JK_scoped_identifier)
      path = k;
  }
  if (wildcard || ts_node_is_null(path)) return;
  jv_buf_reset(&c->nb);
  jv_scoped(c, path, 0);
  const char *target = ir_strn(c->unit, c->nb.data, c->nb.len);
  TSNode last = jv_kind_of(path) == JK_scoped_identifier ? jv_field(path, jv_L.f_name) : path;
  if (ts_node_is_null(last)) return;
  ir_add_import(c->unit, jv_text(c, last), target);
}

static void jv_program(jv_ctx *c, TSNode root) {
  size_t k0 = jv_kids(c, root), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    jv_kid k = c->kids.items[i];
    switch ((jv_kind)k.kind) {
    case JK_package_declaration: {
      uint32_t cnt = ts_node_named_child_count(k.node);
      for (uint32_t j = 0; j < cnt; j++) {
        TSNode p = ts_node_named_child(k.node, j);
        jv_kind pk = jv_kind_of(p);
        if (pk != JK_identifier && pk != JK_scoped_identifier) continue;
        jv_buf_reset(&c->nb);
        jv_scoped(c, p, 0);
        c->unit->module = ir_strn(c->unit, c->nb.data, c->nb.len);
      }
      break;
    }
    case JK_import_declaration:
      jv_import(c, k.node);
      break;
    case JK_class_declaration:
    case JK_interface_declaration:
    case JK_enum_declaration:
    case JK_record_declaration:
    case JK_annotation_type_declaration:
      jv_type_decl(c, k.node, (jv_kind)k.kind);
      break;
    default:
      break;
    }
  }
  c->kids.len = k0;
}

/* ---- resynchronised members ------------------------------------------------------- */

/* The column the members of the file's first class begin at (its first
 * member that begins its line), or 0: where fe_ts_parse splits a file with
 * a syntax error into members. */
static uint32_t jv_member_column(TSNode root, const char *src) {
  uint32_t n = ts_node_named_child_count(root);
  for (uint32_t i = 0; i < n; i++) {
    TSNode t = ts_node_named_child(root, i);
    jv_kind k = jv_kind_of(t);
    if (k != JK_class_declaration && k != JK_interface_declaration && k != JK_record_declaration)
      continue;
    TSNode body = jv_field(t, jv_L.f_body);
    uint32_t m = ts_node_is_null(body) ? 0 : ts_node_named_child_count(body);
    for (uint32_t j = 0; j < m; j++) {
      TSNode mem = ts_node_named_child(body, j);
      if (ts_node_is_extra(mem) || fe_ts_is_error(mem)) continue;
      uint32_t a = ts_node_start_byte(mem), col = ts_node_start_point(mem).column;
      bool first = col > 0 && col <= a;
      for (uint32_t x = a - col; first && x < a; x++)
        first = src[x] == ' ' || src[x] == '\t';
      if (first) return col;
    }
  }
  return 0;
}

static const fe_ts_chunking jv_chunking = {NULL, false, jv_member_column};

static bool jv_is_type_decl(jv_kind k) {
  return k == JK_class_declaration || k == JK_interface_declaration || k == JK_enum_declaration ||
         k == JK_record_declaration || k == JK_annotation_type_declaration;
}

/* The members of type declaration n that begin in bytes [a, b) — a member
 * that did not parse with the others, in a tree of its own with the lines
 * around it (fe_ts_parse) — lowered as members of their class, which the
 * first tree lowered (its record gets the fields). */
static void jv_type_part(jv_ctx *c, TSNode n, uint32_t a, uint32_t b) {
  TSNode nm = jv_field(n, jv_L.f_name), body = jv_field(n, jv_L.f_body);
  if (ts_node_is_null(nm) || ts_node_is_null(body) || c->nest > JV_MAX_NEST) return;
  c->nest++;
  const char *q = jv_qualify(c, c->scope, jv_text(c, nm));
  ir_record *rec = NULL;
  for (uint32_t r = 0; r < c->unit->nrecords && !rec; r++)
    if (strcmp(c->unit->records[r]->name, q) == 0) rec = c->unit->records[r];
  const char *scope = c->scope;
  c->scope = q;
  size_t k0 = jv_members(c, body), k1 = c->kids.len;
  for (size_t i = k0; i < k1; i++) {
    jv_kid m = c->kids.items[i];
    uint32_t s = ts_node_start_byte(m.node), e = ts_node_end_byte(m.node);
    if (s >= a && s < b) {
      if (m.kind == JK_field_declaration) {
        if (rec) jv_add_fields(c, rec, m.node);
      } else {
        jv_class_members(c, i, i + 1, q);
      }
    } else if (s < a && e > a && jv_is_type_decl((jv_kind)m.kind)) {
      jv_type_part(c, m.node, a, b);
    }
  }
  c->kids.len = k0;
  c->scope = scope;
  c->nest--;
}

/* ---- entry points ------------------------------------------------------------------ */

ir_unit *fe_java_lower(as_intern *strings, const char *relpath, const char *module, const char *src,
                       size_t len) {
  ir_unit *u = ir_unit_new(strings, relpath, "java", module);
  if (!src) src = "";
  fe_ts_doc doc;
  if (!fe_ts_parse(u, jv_parser(), &jv_chunking, src, len, &doc)) return u;
  TSNode root = ts_tree_root_node(doc.trees[0]);
  jv_ctx c;
  memset(&c, 0, sizeof c);
  c.unit = u;
  c.src = src;
  c.len = len;
  c.cur = ts_tree_cursor_new(root);
  c.this_ = ir_str(u, "this");
  jv_program(&c, root);
  for (uint32_t t = 1; t < doc.ntrees; t++) { /* members that did not parse */
    TSNode r = ts_tree_root_node(doc.trees[t]);
    for (uint32_t i = 0, n = ts_node_named_child_count(r); i < n; i++) {
      TSNode k = ts_node_named_child(r, i);
      if (jv_is_type_decl(jv_kind_of(k)) && ts_node_start_byte(k) < doc.from[t] &&
          ts_node_end_byte(k) > doc.from[t])
        jv_type_part(&c, k, doc.from[t], doc.to[t]);
    }
  }
  ts_tree_cursor_delete(&c.cur);
  as_array_free(&c.kids);
  as_array_free(&c.vals);
  as_buf_free(&c.nb);
  as_buf_free(&c.sb);
  fe_ts_doc_free(&doc);
  return u;
}

size_t fe_java_parse_only(const char *src, size_t len) {
  if (!src || len >= UINT32_MAX) return 0;
  TSTree *tree = ts_parser_parse_string(jv_parser(), NULL, src, (uint32_t)len);
  if (!tree) return 0;
  TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(tree));
  size_t count = 1;
  for (;;) {
    if (ts_tree_cursor_goto_first_child(&cur)) {
      count++;
      continue;
    }
    bool more = false;
    while (!(more = ts_tree_cursor_goto_next_sibling(&cur)))
      if (!ts_tree_cursor_goto_parent(&cur)) break;
    if (!more) break;
    count++;
  }
  ts_tree_cursor_delete(&cur);
  ts_tree_delete(tree);
  return count;
}
