/*
 * ir.h — Assay's intermediate representation.
 *
 * A unit is one source file lowered by its language's frontend. It holds
 * functions (each a list of value-flow instructions over named values),
 * records (struct/class with fields) and imports. Lowering is pure: the same
 * bytes and the same frontend version give the same unit, so units are cached
 * by content hash (see ir_unit_serialize).
 *
 * Strings inside a unit are interned in an as_intern owned by the caller (the
 * analysis run), so within a run any two equal names are the same pointer.
 * All unit memory (besides the interned strings) lives in the unit's arena.
 */
#ifndef ASSAY_IR_H
#define ASSAY_IR_H

#include "base.h"

/* Bump when the meaning or layout of a serialized unit changes. A cached unit
 * whose version is below IR_UNIT_MIN_COMPATIBLE_VERSION is re-lowered. */
#define IR_UNIT_VERSION 6
#define IR_UNIT_MIN_COMPATIBLE_VERSION 6

typedef enum {
#define X(name, text) IR_##name,
#include "opcodes.def"
#undef X
  IR_OP__COUNT
} ir_op;

const char *ir_op_name(ir_op op);

typedef struct ir_loc {
  uint32_t line, col; /* 1-based */
} ir_loc;

/* Sink kinds and sanitizer/source facts are attached after lowering by the
 * models pass (analyses/models.c); they are not part of the cached unit. */
/* X(NAME, "kind", "words for a sentence") */
#define IR_SINK_KINDS(X)                                                                           \
  X(NONE, "none", "a sink")                                                                        \
  X(LOG, "log", "a log")                                                                           \
  X(STDOUT, "stdout", "standard output")                                                           \
  X(FILE, "file", "a file")                                                                        \
  X(RESPONSE, "response", "an HTTP response")                                                      \
  X(EXTERNAL, "external", "an external host")                                                      \
  X(THIRD_PARTY, "third-party", "a third party")                                                   \
  X(DB_WRITE, "db-write", "a database write")                                                      \
  X(COOKIE, "cookie", "a cookie")                                                                  \
  X(EXCEPTION, "exception", "an exception message")
typedef enum {
#define X(name, text, words) IR_SINK_##name,
  IR_SINK_KINDS(X)
#undef X
      IR_SINK__COUNT
} ir_sink_kind;
const char *ir_sink_kind_name(ir_sink_kind k);  /* "log" */
const char *ir_sink_kind_words(ir_sink_kind k); /* "a log" */
const char *ir_sink_kind_rule(ir_sink_kind k);  /* "assay/pii-to-log" */

typedef enum {
  IR_FACT_NONE = 0,
  IR_FACT_SINK,        /* the call writes its data arguments to a sink */
  IR_FACT_SANITIZER,   /* the call's result carries no personal data */
  IR_FACT_PROPAGATE,   /* the call copies args[fact_from..] into args[fact_to] (sprintf) */
  IR_FACT_MUTATE_RECV, /* the call stores its arguments into its receiver (list.append) */
} ir_fact_kind;

typedef struct ir_inst {
  ir_op op;
  uint16_t depth;     /* control nesting: 0 = straight-line function body,
                         >0 inside if/else/loop/try/switch (weak update) */
  const char *dst;    /* value written, or NULL */
  const char *obj;    /* LOAD/STORE object value; CALL receiver value or NULL */
  const char *field;  /* LOAD/STORE field or constant key; NULL = unknown key */
  const char *callee; /* CALL: callee as written, dotted: "logging.info",
                         "self.repo.save", "printf", "log_user" */
  const char *text;   /* CONST: literal text (may be truncated to 4096 bytes) */
  const char **args;  /* value names */
  uint32_t nargs;
  const char **argnames; /* CALL: keyword of each argument (Python f(x, key=v)),
                            NULL for a positional one; NULL when none has one */
  ir_loc loc;
  /* filled by the models pass, not serialized */
  uint8_t fact;               /* ir_fact_kind */
  uint8_t sink_kind;          /* ir_sink_kind when fact == IR_FACT_SINK */
  uint8_t fact_from, fact_to; /* SINK: data args are [fact_from..fact_to] (255 = to the
                                 end); PROPAGATE: args[fact_from..] flow into args[fact_to] */
  int16_t fact_url;           /* SINK external: the URL argument, or -1 */
  bool fact_recv_data;        /* SINK: the receiver is data too (user.save()) */
  const char *fact_vendor;    /* SINK third-party: the vendor ("sentry"), static */
  /* Independent of fact: the call runs SQL (args[fact_sql - 1] is its text)
   * or a key-value command (args[fact_key - 1] is the key; with
   * fact_key_format it is a hiredis format string "SET user:%s %s" holding
   * command and key); 0 when not. */
  uint8_t fact_sql, fact_key;
  bool fact_key_format;
  bool fact_opaque; /* the result carries none of the arguments (models: opaque-result) */
  bool fact_carries; /* the result carries its arguments (models: carries) */
} ir_inst;

/* One literal argument of a decorator or annotation: @app.route("/users",
 * methods=["POST"]) gives (0, NULL, "/users") and (0, "methods", "POST");
 * @KafkaListener(topics = {"a", "b"}) gives (0, "topics", "a"), (0, "topics",
 * "b"). A string literal's value is its text; an identifier or member
 * expression its dotted name ("RequestMethod.POST"); anything else "<expr>". */
typedef struct ir_attr {
  uint32_t deco;     /* index into the owner's decorators */
  const char *key;   /* keyword, or NULL for a positional argument */
  const char *value; /* never NULL */
} ir_attr;

/* A value of a function declared with a type, the type as written:
 *   Java      User u = repo.find(id);  for (User u : us)  try (Conn c = ...)
 *             catch (IOException e)  o instanceof User u  var u = (User) o
 *   TypeScript const u: User = ...;  let u: User;  const u = x as User / <User>x
 *   Go        var u User;  var u *User = f();  u := v.(*User);  named results
 *   Python    u: User = repo.get(id);  u: User
 *   C         every local variable (libclang's spelling: "struct user *")
 * A cast whose value is a temporary types that temporary too ((await
 * r.json()) as User gives "%t3 : User"). A local declared without a type
 * (var u = f(), const u = f(), u := f(), u = f()) is not listed: its type
 * is NULL. The first declaration of a name wins (a name declared again in
 * another block keeps its first type). Parameters are not listed (see
 * param_types); a local of a parameter's name is. */
typedef struct ir_local {
  const char *name; /* the value name, as instructions use it */
  const char *type; /* as written, never NULL */
  ir_loc loc;       /* where it is declared */
} ir_local;

typedef struct ir_func {
  const char *name;        /* within the module: "func", "Class.method", "<module>" */
  const char **decorators; /* decorators/annotations as written, dotted, without '@'
                              and arguments: "app.route", "router.get", "GetMapping" */
  uint32_t ndecorators;
  ir_attr *attrs; /* the decorators' literal arguments, in order */
  uint32_t nattrs, attrs_cap;
  const char **params;      /* parameter value names, in order ("self" included) */
  const char **param_types; /* parallel to params: each one's declared type as written
                               ("*zap.Logger", "logging.Logger", "FILE *", a Go
                               receiver's "*Service"), NULL when not declared */
  uint32_t nparams;
  const char *ret_type; /* the declared return type as written, or NULL: Go's first
                           result ("*User" of (*User, error)), Java's method type
                           ("ResponseEntity<User>", "void"), TypeScript's annotation
                           ("Promise<User>"), Python's "-> User", C's result type
                           ("const char *"); NULL for constructors and lambdas
                           without one */
  ir_local *locals;     /* values declared with a type, in declaration order */
  uint32_t nlocals, locals_cap;
  bool is_static;  /* C: internal linkage */
  bool is_handler; /* set by the models pass: a route handler (its return is a response) */
  ir_loc loc;
  ir_inst *insts;
  uint32_t ninsts, cap;
  uint32_t ntemps; /* temporaries handed out by ir_temp */
} ir_func;

typedef struct ir_field {
  const char *name;
  const char *type; /* as written, or NULL */
  const char *tag;  /* the name it is serialized under, from a struct tag
                       (json:"card_number") or an annotation
                       (@JsonProperty("card_number")), or NULL */
  ir_loc loc;
} ir_field;

typedef struct ir_record {
  const char *name;        /* struct tag / typedef name / class name */
  const char **decorators; /* class annotations/decorators, as for functions */
  uint32_t ndecorators;
  ir_attr *attrs;
  uint32_t nattrs, attrs_cap;
  ir_field *fields;
  uint32_t nfields, cap;
  ir_loc loc;
} ir_record;

typedef struct ir_import {
  const char *alias;  /* local name bound: "log_user", "logging", "u" */
  const char *target; /* what it names, dotted: "app.util.log_user", "logging" */
} ir_import;

typedef struct ir_unit {
  as_arena *arena;    /* owns everything below except interned strings */
  as_intern *strings; /* not owned */
  const char *path;   /* relative to the scan root, '/' separated */
  const char *lang;   /* "python" | "c" | "javascript" | "typescript" | "go" | "java" */
  const char *module; /* Python: dotted module path relative to its service
                         root ("app.handlers"); C: the path */
  bool failed;        /* the file could not be parsed; see diags */
  /* Arrays of pointers: an ir_func or ir_record never moves once added, so a
   * frontend may keep one while it adds nested functions. */
  ir_func **funcs;
  uint32_t nfuncs, funcs_cap;
  ir_record **records;
  uint32_t nrecords, records_cap;
  ir_import *imports;
  uint32_t nimports, imports_cap;
  as_diag *diags;
  uint32_t ndiags, diags_cap;
} ir_unit;

/* ---- building (used by frontends) ----------------------------------------- */

/* A new empty unit. strings must outlive the unit. Free with ir_unit_delete. */
ir_unit *ir_unit_new(as_intern *strings, const char *path, const char *lang, const char *module);
void ir_unit_delete(ir_unit *self); /* NULL is safe */

/* Intern into the unit's string table. */
const char *ir_str(ir_unit *self, const char *s);
const char *ir_strn(ir_unit *self, const char *s, size_t n);
/* A fresh temporary value name "%tN", unique within the function. */
const char *ir_temp(ir_unit *self, ir_func *fn);

ir_func *ir_add_func(ir_unit *self, const char *name, ir_loc loc);
/* name, or name#2, name#3... when the unit already has a function so named. */
const char *ir_unique_func_name(ir_unit *self, const char *name);
/* The name of an anonymous function (lambda, arrow function, func literal),
 * stable when code moves: "<CALLEE(LITERAL)>" when it is an argument of a
 * call whose first argument is a string literal (a route, an event:
 * router.post("/login", ...) gives "<router.post(/login)>"), else
 * "<lambda#N>" with N its 1-based position among the anonymous functions of
 * its enclosing function. prefix is the enclosing function's name or NULL;
 * the result is unique in the unit and interned. */
const char *ir_lambda_name(ir_unit *self, const char *prefix, const char *callee,
                           const char *literal, uint32_t ordinal);
/* A parameter without a declared type. */
void ir_func_add_param(ir_unit *self, ir_func *fn, const char *name);
/* A parameter with its declared type as written (type may be NULL). */
void ir_func_add_typed_param(ir_unit *self, ir_func *fn, const char *name, const char *type);
/* The declared return type as written (type may be NULL: none). */
void ir_func_set_ret_type(ir_unit *self, ir_func *fn, const char *type);
/* Record that value name of fn is declared with type (as written) at loc.
 * Nothing is recorded when type is NULL or empty, or when name already has a
 * type (the first declaration wins); returns whether it was recorded. */
bool ir_func_add_local(ir_unit *self, ir_func *fn, const char *name, const char *type, ir_loc loc);
/* The declared type of value name (interned) in fn, or NULL. */
const char *ir_func_local_type(const ir_func *fn, const char *name);
void ir_func_add_decorator(ir_unit *self, ir_func *fn, const char *decorator);
/* A literal argument of decorator deco (an index into fn->decorators); key
 * may be NULL, value may not. Strings are interned here. */
void ir_func_add_attr(ir_unit *self, ir_func *fn, uint32_t deco, const char *key,
                      const char *value);
void ir_record_add_decorator(ir_unit *self, ir_record *rec, const char *decorator);
void ir_record_add_attr(ir_unit *self, ir_record *rec, uint32_t deco, const char *key,
                        const char *value);
/* The i-th value (0-based) of decorator deco under key (NULL: positional,
 * where a "value"/"path" keyword counts as positional too), or NULL. */
const char *ir_attr_find(const ir_attr *attrs, uint32_t nattrs, uint32_t deco, const char *key,
                         uint32_t i);
/* Append an instruction; strings must already be interned (ir_str), args is
 * copied. Returns the instruction (valid until the next append to fn). */
ir_inst *ir_emit(ir_unit *self, ir_func *fn, ir_op op, uint16_t depth, const char *dst,
                 const char *obj, const char *field, const char *callee, const char *text,
                 const char *const *args, uint32_t nargs, ir_loc loc);
/* Name the arguments of a CALL: names has in->nargs entries, NULL for a
 * positional argument (copied; nothing is set when all are NULL). */
void ir_set_argnames(ir_unit *self, ir_inst *in, const char *const *names);
ir_record *ir_add_record(ir_unit *self, const char *name, ir_loc loc);
void ir_record_add_field(ir_unit *self, ir_record *rec, const char *name, const char *type,
                         ir_loc loc);
/* Same, with the serialized name (tag may be NULL). */
void ir_record_add_tagged_field(ir_unit *self, ir_record *rec, const char *name, const char *type,
                                const char *tag, ir_loc loc);
void ir_add_import(ir_unit *self, const char *alias, const char *target);
/* Record a diagnostic (message is copied). */
void ir_add_diag(ir_unit *self, as_diag_level level, uint32_t line, uint32_t col, const char *code,
                 const char *message);

/* ---- checking and printing ------------------------------------------------ */

/* Verify structural invariants (operand counts per opcode, non-NULL names).
 * Returns 0, or -1 and writes a description of the first problem to err. */
int ir_unit_verify(const ir_unit *self, char *err, size_t errlen);

/* Textual dump, stable and diff-friendly; used by golden tests of lowering. */
void ir_unit_print(const ir_unit *self, as_buf *out);

/* ---- serialization -------------------------------------------------------- */

/* Serialize to a compact versioned binary form (malloc'd, caller frees). */
void ir_unit_serialize(const ir_unit *self, as_buf *out);
/* Rebuild a unit from ir_unit_serialize output. Returns NULL on a corrupt or
 * incompatible blob (message in err). */
ir_unit *ir_unit_deserialize(as_intern *strings, const void *data, size_t len, char *err,
                             size_t errlen);

#endif
