/*
 * abi.h — the C API/ABI contract surface of public headers, through libclang,
 * and its classifier, which follows abidiff's (libabigail's) notion of a
 * change.
 *
 * an_abi_extract parses each public header on its own (as the main file of a
 * translation unit) and adds one contract item (contract.h) per exported
 * declaration made in that header; declarations of other files (system
 * headers, other headers it includes) are ignored, so each header gives the
 * items it declares. Types are spelled canonically (typedefs resolved; for
 * parameters and return types, top-level qualifiers dropped and arrays and
 * functions decayed to pointers; an anonymous record or enum without a
 * typedef name is spelled "struct (anonymous)"), so keys and values never
 * contain a line number or a path. Values are "name=value" lines in this order:
 *
 *   kind               key                        value
 *   c.function         name                       return=T\nparams=T1, T2\nvariadic=0|1
 *   c.variable         name                       type=T
 *   c.type (record)    "struct S" / "union U"     size=BYTES\nalign=BYTES
 *   c.type (opaque)    "struct S" / "union U"     opaque=1   (declared, defined nowhere in the TU)
 *   c.type (enum)      "enum E"                   underlying=T
 *   c.field            "struct S.f"               offset=BITS\ntype=T[\nbits=WIDTH]
 *   c.enum-constant    "enum E.NAME"              value=N    ("T.NAME" for a typedef'd
 *                                                            anonymous enum T, "enum .NAME"
 *                                                            for an unnamed one)
 *   c.typedef          name                       type=T
 *
 *   - c.function: one per function with external linkage and default
 *     visibility (a plain C99 `inline` one included); static and static
 *     inline functions and hidden ones (__attribute__((visibility("hidden"))),
 *     #pragma GCC visibility, -fvisibility=hidden in args) are not exported. params is
 *     empty for "(void)"; an unprototyped "f()" has params= and variadic=1
 *     (it accepts any arguments). display is the canonical prototype:
 *     "enum clib_status clib_post(struct clib_ledger *, long, const char *)".
 *   - c.variable: one per file-scope variable with external linkage (an
 *     exported variable is ABI as much as a function); display "T name".
 *   - c.type: one per record defined in the header, keyed by its tag; a
 *     typedef of an anonymous record or enum is keyed by its typedef name
 *     ("point_t", and its fields "point_t.x"), and gets no c.typedef item. A
 *     record only declared (an opaque handle) gets opaque=1 when the
 *     translation unit defines it nowhere. An enum without any name gets no
 *     c.type item; its constants are "enum .NAME".
 *   - c.field: offsets in bits from the start of the outermost record
 *     (clang_Cursor_getOffsetOfField); the members of an unnamed member
 *     record are flattened into the outer one ("struct S.u1" for
 *     `union { int u1; };`), those of a named member of anonymous record type
 *     are nested ("struct S.pos.x", after "struct S.pos" itself).
 *   - c.enum-constant: the value in decimal, signed unless the enum's
 *     underlying type is unsigned.
 *   - display: the prototype (functions), the declaration ("int gv",
 *     "typedef int (*clib_visit_fn)(void *)"), the key ("struct S"), "KEY: TYPE"
 *     for fields ("struct S.bf: unsigned int : 3") and "NAME = VALUE" for enum
 *     constants; path is the header's relpath, line the declaration's line.
 *
 * The classifier (an_abi_classify) works on pairs of items of the same
 * (service, kind, key), as an_contract_diff gives them, and looks at the two
 * sets for context. A type is REACHABLE in a set when an exported function or
 * variable of that set (same service) mentions it in its return, parameter or
 * variable type — directly, through pointers, arrays, function pointers or
 * typedefs (canonical spellings resolve typedefs) — or when a c.field of a
 * reachable record mentions it, transitively. Reachability is taken in the
 * after set for changes and in the before set for removals. REACH below
 * means: breaking when reachable, potentially breaking otherwise (abidiff
 * does not look at types no exported interface reaches; a caller may still
 * use them, e.g. in a file format).
 *
 *   change id                       class                when
 *   c.function-removed              breaking             an exported function is gone
 *                                                        (static now, hidden, or deleted)
 *   c.function-added                compatible           a new exported function
 *   c.function-signature-changed    breaking             its return or parameter types
 *                                                        differ (one change for both)
 *   c.function-variadic-changed     breaking             "..." added or removed
 *   c.variable-removed              breaking
 *   c.variable-added                compatible
 *   c.variable-type-changed         breaking
 *   c.type-removed                  REACH (before set)   the type's definition is gone
 *   c.type-added                    compatible
 *   c.type-size-changed             REACH
 *   c.type-alignment-changed        REACH
 *   c.type-made-opaque              REACH                a definition became a declaration
 *   c.type-defined                  compatible           an opaque type got a definition
 *   c.type-kind-changed             REACH                a typedef name now names an enum
 *                                                        instead of a record or back
 *   c.enum-underlying-changed       REACH
 *   c.field-removed                 REACH (before set)   (unless renamed, below)
 *   c.field-offset-changed          REACH
 *   c.field-type-changed            REACH                type or bit-field width differ
 *   c.field-added                   compatible           only when the record's size and
 *                                                        the offsets of all its other
 *                                                        fields are unchanged; otherwise
 *                                                        the addition is reported only
 *                                                        through the c.type-size-changed and
 *                                                        c.field-offset-changed it causes
 *                                                        (never twice)
 *   c.field-renamed                 potentially breaking a field removed and another added
 *                                                        in the same record at the same
 *                                                        offset with the same type (and
 *                                                        width): ABI-compatible, but
 *                                                        source using the old name breaks
 *                                                        (abidiff calls it harmless). The
 *                                                        k-th such removal (by key) pairs
 *                                                        with the k-th such addition; the
 *                                                        change is reported once, with
 *                                                        both items, on the removed key
 *   c.enum-constant-removed         breaking             (source using the name breaks)
 *   c.enum-constant-added           compatible
 *   c.enum-value-changed            breaking             values are compiled into callers
 *   c.typedef-removed               REACH (before set)
 *   c.typedef-added                 compatible
 *   c.typedef-changed               REACH                the canonical underlying type
 *                                                        differs
 *
 * A typedef is reachable when its underlying type (before or after) mentions
 * a reachable type. A typedef of a scalar is therefore never reachable by
 * itself, but every function, variable and field using it changes its
 * canonical type too and is reported as breaking there. Members (fields,
 * enum constants) of a record or enum that is added, removed, opaque or
 * changes kind on either side are not reported one by one: the type's change
 * says it. Other "c." kinds are reported as "KIND-removed" (potentially
 * breaking), "KIND-added" (compatible) and "KIND-changed" (potentially
 * breaking).
 *
 * Each message is one sentence naming the item and both values:
 * "clib_post: parameter types changed from (struct clib_ledger *, long, const
 * char *) to (struct clib_ledger *, long, const char *, unsigned int)".
 */
#ifndef ASSAY_ABI_H
#define ASSAY_ABI_H

#include "contract.h"

/* Parse the public headers relpaths[0..n) (relative to root; root NULL or ""
 * for the working directory) with libclang and add their items (above) to
 * out, each with service as its service (NULL allowed) and path the relpath.
 *
 * args are the compiler arguments (nargs of them), e.g. "-std=c11",
 * "-Iinclude"; the relative paths of -I, -iquote, -isystem, -idirafter and
 * -include are taken relative to root (the process's working directory is
 * never changed). args NULL or nargs 0 means "-x c-header -std=c11" and -I of
 * each header's own folder. When libclang cannot find its builtin
 * headers (stddef.h), -isystem of the installed clang resource folder is
 * added.
 *
 * An item is added once per (kind, key) over the whole call, at its first
 * declaration: a function declared by two headers gives one item.
 *
 * Parse problems are diagnostics appended to *diags (an array of *ndiags,
 * NULL and 0 to start, grown with realloc): level AS_DIAG_WARNING, code
 * "abi-parse", path the relpath (or, for a problem inside another file under
 * root, that file's path relative to root), line and col of clang's location
 * (0 when unknown), message clang's text ("expected ';' after top level
 * declarator"); one per error or fatal error. A header that cannot be read
 * gives one diagnostic "cannot read: REASON". A header with errors still
 * gives the declarations clang recovered; the other headers are read as
 * usual. The diagnostics' path and message strings are malloc'd and owned by
 * the array: free both with an_abi_diags_free. Returns 0. */
int an_abi_extract(const char *root, const char *const *relpaths, size_t n, const char *const *args,
                   int nargs, const char *service, an_contract_set *out, as_diag **diags,
                   size_t *ndiags);

/* Free the diagnostics an_abi_extract appended (their path and message
 * strings, and the array). NULL is safe. */
void an_abi_diags_free(as_diag *diags, size_t ndiags);

/* The classifier of kinds "c.*" (an an_contract_classifier, registered in
 * contract.c): see the table above. */
void an_abi_classify(const an_contract_set *before_set, const an_contract_set *after_set,
                     const an_contract_item *before, const an_contract_item *after,
                     an_contract_changes *out);

#endif
