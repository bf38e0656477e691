/*
 * frontend.h — lowering source files to IR units, and discovering them.
 *
 * Every frontend is pure: the unit depends only on (bytes, path, frontend
 * version, options). A file with syntax errors yields a unit of everything
 * around them (the parsers recover: functions, classes and statements that
 * parsed are lowered, a statement with an error in it is not) and an
 * AS_DIAG_ERROR diagnostic (code "parse-error") at each of the first few
 * errors, "...; the rest of the file is analysed". A file that cannot be
 * parsed at all (not UTF-8, NUL bytes, too large, libclang gave up) yields a
 * unit with unit->failed set and one such diagnostic saying why. Callers
 * report the diagnostics and go on.
 */
#ifndef ASSAY_FRONTEND_H
#define ASSAY_FRONTEND_H

#include "../ir/ir.h"

/* Bumped whenever a frontend's lowering changes; part of the unit cache key. */
#define FE_PYTHON_VERSION "python-7"
#define FE_C_VERSION "c-5"
#define FE_JAVASCRIPT_VERSION "javascript-5"
#define FE_GO_VERSION "go-6"
#define FE_JAVA_VERSION "java-6"

/* Python through tree-sitter. relpath is the path relative to the scan root,
 * module the dotted module name ("app.handlers"). The caller owns the unit. */
ir_unit *fe_python_lower(as_intern *strings, const char *relpath, const char *module,
                         const char *src, size_t len);

/* C through libclang. abspath is used for the translation unit's name and to
 * resolve includes; the contents come from src (an unsaved file), so lowering
 * does not race with edits. args/nargs are compiler arguments (from a
 * compile_commands.json entry, see fe_c_compdb_args) or NULL for defaults
 * ("-std=c11" plus the file's directory and the service root on the include
 * path). The caller owns the unit. */
ir_unit *fe_c_lower(as_intern *strings, const char *relpath, const char *abspath, const char *src,
                    size_t len, const char *const *args, int nargs);

/* Look up the compile arguments for abspath in the compile_commands.json of
 * dir (libclang's compilation-database API). Returns 0 and a malloc'd argv
 * (each string malloc'd; free with fe_c_free_args) without the compiler and
 * the source file itself, or -1 when there is no database or no entry. */
int fe_c_compdb_args(const char *dir, const char *abspath, char ***args, int *nargs);
void fe_c_free_args(char **args, int nargs);

/* JavaScript and TypeScript through tree-sitter: .js .jsx .mjs .cjs with the
 * javascript grammar (unit->lang "javascript"), .ts with the typescript
 * grammar and .tsx with the tsx grammar (unit->lang "typescript"); relpath's
 * extension picks the grammar. module is the path inside the service without
 * its extension ("src/routes/users"). The caller owns the unit. */
ir_unit *fe_javascript_lower(as_intern *strings, const char *relpath, const char *module,
                             const char *src, size_t len);

/* Go through tree-sitter. module is the package folder inside the service
 * ("internal/users", "." for the service root): all files of a package share
 * it. The caller owns the unit. */
ir_unit *fe_go_lower(as_intern *strings, const char *relpath, const char *module, const char *src,
                     size_t len);

/* Java through tree-sitter. The unit's module is the file's package
 * ("com.shop.users", from its package declaration; module is used when there
 * is none). Functions are "Class.method" ("Outer.Inner.method"). The caller
 * owns the unit. */
ir_unit *fe_java_lower(as_intern *strings, const char *relpath, const char *module, const char *src,
                       size_t len);

/* Raw tree-sitter parse, for the benchmark's baseline figure. Returns the
 * number of nodes in the tree (so the parse is not optimised out). */
size_t fe_python_parse_only(const char *src, size_t len);
size_t fe_javascript_parse_only(const char *relpath, const char *src, size_t len);
size_t fe_go_parse_only(const char *src, size_t len);
size_t fe_java_parse_only(const char *src, size_t len);

/* ---- discovery ------------------------------------------------------------ */

typedef enum {
  FE_LANG_UNKNOWN,
  FE_LANG_PYTHON,
  FE_LANG_C,
  FE_LANG_JAVASCRIPT, /* .js .jsx .mjs .cjs */
  FE_LANG_TYPESCRIPT, /* .ts .tsx (not .d.ts) */
  FE_LANG_GO,
  FE_LANG_JAVA,
} fe_lang;

typedef struct fe_file {
  char *relpath; /* relative to root, '/' separated */
  char *abspath;
  fe_lang lang;
  char *
      service; /* service name: its folder's basename (the root's realpath basename for the root) */
  char *service_root; /* service folder relative to root ("" for the root) */
} fe_file;

typedef struct fe_file_list {
  fe_file *items;
  size_t len, cap;
  /* Other files the analyses read (not lowered): .proto, .yml, .yaml,
   * .json, .sql and .prisma, relative to root, sorted. */
  char **extra;
  size_t nextra, extra_cap;
} fe_file_list;

/* List the source files under root (git ls-files when root is inside a git
 * work tree, else a directory walk that skips hidden folders, build/,
 * node_modules/, venv/ and __pycache__/), sorted by relpath, each with its
 * language and service. A service is the nearest folder holding one of
 * pyproject.toml, requirements.txt, setup.py, CMakeLists.txt, Makefile,
 * Dockerfile, go.mod, package.json, pom.xml; else the root.
 * Returns 0, or -1 with a message in err when root cannot be read. */
int fe_discover(const char *root, fe_file_list *out, char *err, size_t errlen);
void fe_file_list_free(fe_file_list *self);
fe_lang fe_lang_of_path(const char *path);
const char *fe_lang_name(fe_lang lang);
/* Raw parse of a file of any tree-sitter language (the benchmark). */
size_t fe_parse_only(fe_lang lang, const char *relpath, const char *src, size_t len);
/* Dotted Python module name for a path relative to its service root:
 * "app/handlers.py" -> "app.handlers", "app/__init__.py" -> "app". malloc'd. */
char *fe_python_module_name(const char *path_in_service);

#endif
