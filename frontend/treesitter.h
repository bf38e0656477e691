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

/* Parse src with parser after checking its bytes. Returns the tree (the
 * caller deletes it), or NULL after failing u with one AS_DIAG_ERROR
 * "parse-error" diagnostic: "file contains NUL bytes" / "file is not valid
 * UTF-8" at the offending byte, "file is too large", "parser gave up", or,
 * for a tree with errors, "syntax error near '...'" / "missing 'X'" at the
 * first ERROR or MISSING node in pre-order. */
TSTree *fe_ts_parse(ir_unit *u, TSParser *parser, const char *src, size_t len);

#endif
