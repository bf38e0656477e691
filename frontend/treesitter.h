/*
 * treesitter.h — what the tree-sitter frontends share (private to frontend/).
 */
#ifndef ASSAY_FE_TREESITTER_H
#define ASSAY_FE_TREESITTER_H

#include "frontend.h"

#include <tree_sitter/api.h>

/* A table from the grammar's symbols to a frontend's node kinds: kind_of[s]
 * is the index in names[1..nnames-1] of symbol s's name (0: none of them).
 * Only named, regular symbols are mapped. Returns a malloc'd table of
 * *nsyms entries, owned by the caller (frontends keep theirs for the
 * process). */
uint8_t *fe_ts_kind_table(const TSLanguage *lang, const char *const *names, int nnames,
                          uint32_t *nsyms);

/* Bytes of offending text quoted in a parse-error message. */
#define FE_TS_ERR_SNIPPET 30

/* Syntax errors listed in a unit's diagnostics; the last one says how many
 * more the file has. */
#define FE_TS_MAX_ERRORS 5

/* Where a language's files split into definitions, for resynchronising
 * after a syntax error: a line at column 0 that begins with one of starts
 * (NULL-terminated: "def ", "func ", "@"), or, with calls, with a name
 * followed by '.' or '(' (router.get(...)). Or, with member_column (Java),
 * the members of classes: every line indented by the column member_column
 * finds in the file's tree (0: none), the lines around them (package,
 * imports, class headers, closing braces) staying with each. A line
 * attached to decorators ('@' lines above it) does not start one. */
typedef struct fe_ts_chunking {
  const char *const *starts;
  bool calls;
  uint32_t (*member_column)(TSNode root, const char *src);
} fe_ts_chunking;

/* The trees of one file: one, or, for a file with syntax errors that
 * resynchronised, the tree of its definitions that parse (first) and one
 * tree per definition that does not (with the lines around definitions, in
 * member mode); from/to are the bytes each tree is there for (0 and the
 * length for the first). Node positions are the file's. */
typedef struct fe_ts_doc {
  TSTree **trees;
  uint32_t *from, *to;
  uint32_t ntrees;
} fe_ts_doc;

/* Parse src with parser after checking its bytes. Returns false after
 * failing u (unit->failed) with one AS_DIAG_ERROR "parse-error"
 * diagnostic: "file contains NUL bytes" / "file is not valid UTF-8" at the
 * offending byte, "file is too large" or "parser gave up". Else fills doc
 * (free with fe_ts_doc_free) and returns true.
 *
 * A file with syntax errors is parsed too (tree-sitter recovers). When an
 * error's recovery takes more than the definition it is in (an unclosed
 * bracket swallows the rest of the file: a node that begins in one
 * definition ends in another), the file is split into definitions as
 * chunking says, and each definition that does not parse alone (with the
 * lines around definitions, in member mode) gets a tree of its own, the
 * others one together, so that each error stays in its definition
 * (chunking may be NULL: no splitting; a run of definitions that parses
 * together is one). Each of the first
 * FE_TS_MAX_ERRORS outermost ERROR or MISSING nodes, in file order, gets an
 * AS_DIAG_ERROR "parse-error" diagnostic: "syntax error near '...'" /
 * "missing 'X'", then "; the rest of the file is analysed" (and, on the
 * last, "(N more syntax errors)"); the unit is not failed.
 *
 * How the frontends lower such trees: an ERROR node is never lowered (what
 * is in it may be misread); a simple statement with an ERROR or MISSING node
 * in it (fe_ts_error_outside, not counting nested function and class
 * bodies, which are lowered statement by statement) is skipped; an
 * expression with one is an opaque "<expr>"; functions, classes and
 * compound statements around an error keep all the parts that parsed. */
bool fe_ts_parse(ir_unit *u, TSParser *parser, const fe_ts_chunking *chunking, const char *src,
                 size_t len, fe_ts_doc *doc);
void fe_ts_doc_free(fe_ts_doc *doc);

/* The top-level nodes of doc's trees (the named children of their roots,
 * comments left out) in file order; a malloc'd array the caller frees
 * (NULL when there are none). */
size_t fe_ts_doc_toplevel(const fe_ts_doc *doc, TSNode **out);

/* An ERROR node or a MISSING one (a token tree-sitter inserted). */
bool fe_ts_is_error(TSNode n);

/* Is there an ERROR or MISSING node in n's subtree (n included), outside the
 * subtrees rooted at a descendant for which stop(arg, node) is true (the
 * bodies lowered on their own: blocks, class bodies)? Cheap when n has no
 * error. */
bool fe_ts_error_outside(TSNode n, bool (*stop)(const void *arg, TSNode n), const void *arg);

#endif
