/* treesitter.c — what the tree-sitter frontends share: checking the bytes,
 * parsing, reporting syntax errors and finding them in a subtree, and the
 * raw-parse entry point the benchmark measures against. */
#include "treesitter.h"

#include <stdlib.h>
#include <string.h>

static void fe_ts__fail(ir_unit *u, uint32_t line, uint32_t col, const char *msg) {
  u->failed = true;
  ir_add_diag(u, AS_DIAG_ERROR, line, col, "parse-error", msg);
}

/* Position (1-based line, byte column) of byte offset off. */
static void fe_ts__pos_of(const char *src, size_t off, uint32_t *line, uint32_t *col) {
  uint32_t l = 1;
  size_t bol = 0;
  for (size_t i = 0; i < off; i++)
    if (src[i] == '\n') {
      l++;
      bol = i + 1;
    }
  *line = l;
  *col = (uint32_t)(off - bol + 1);
}

/* Offset of the first byte that is not valid UTF-8 (overlong forms,
 * surrogates and code points past U+10FFFF included), or len. */
static size_t fe_ts__utf8_invalid(const unsigned char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    unsigned char b = s[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    size_t n;
    uint32_t cp;
    if ((b & 0xE0) == 0xC0)
      n = 2, cp = b & 0x1F;
    else if ((b & 0xF0) == 0xE0)
      n = 3, cp = b & 0x0F;
    else if ((b & 0xF8) == 0xF0)
      n = 4, cp = b & 0x07;
    else
      return i;
    if (i + n > len) return i;
    for (size_t j = 1; j < n; j++) {
      if ((s[i + j] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + j] & 0x3F);
    }
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += n;
  }
  return len;
}

bool fe_ts_is_error(TSNode n) {
  return ts_node_is_missing(n) || ts_node_symbol(n) == (TSSymbol)-1;
}

/* What a syntax error is called in its diagnostic, and where: "missing
 * ')'" at the inserted token, or "syntax error near '...'" (the first
 * FE_TS_ERR_SNIPPET bytes of the ERROR node, or of what follows an empty
 * one) at its first byte that is not white space. */
static void fe_ts__describe(TSNode e, const char *src, size_t len, char *msg, size_t cap,
                            uint32_t *line, uint32_t *col) {
  TSPoint p = ts_node_start_point(e);
  *line = p.row + 1;
  *col = p.column + 1;
  if (ts_node_is_missing(e)) {
    snprintf(msg, cap, "missing '%s'", ts_node_type(e));
    return;
  }
  size_t a = ts_node_start_byte(e), b = ts_node_end_byte(e);
  if (b <= a) b = len; /* an empty ERROR: show what follows */
  size_t lead = a;
  while (lead < b &&
         (src[lead] == ' ' || src[lead] == '\t' || src[lead] == '\n' || src[lead] == '\r'))
    lead++;
  if (lead < b) {
    for (size_t i = a; i < lead; i++) {
      if (src[i] == '\n') {
        (*line)++;
        *col = 1;
      } else {
        (*col)++;
      }
    }
    a = lead;
  }
  if (b - a > FE_TS_ERR_SNIPPET) {
    b = a + FE_TS_ERR_SNIPPET;
    while (b > a && ((unsigned char)src[b] & 0xC0) == 0x80) /* not inside a character */
      b--;
  }
  char snip[FE_TS_ERR_SNIPPET + 1];
  size_t n = 0;
  for (size_t i = a; i < b; i++) {
    char ch = src[i];
    snip[n++] = ch == '\n' || ch == '\r' || ch == '\t' ? ' ' : ch;
  }
  while (n > 0 && snip[n - 1] == ' ')
    n--;
  snip[n] = '\0';
  snprintf(msg, cap, "syntax error near '%s'", snip);
}

/* The outermost ERROR and MISSING nodes of a tree, in pre-order (what is
 * inside an ERROR node is part of that error), appended to *out. */
typedef AS_ARRAY(TSNode) fe_ts__nodes;

static void fe_ts__errors_of(TSNode root, fe_ts__nodes *out) {
  if (!ts_node_has_error(root)) return;
  TSTreeCursor cur = ts_tree_cursor_new(root);
  for (bool more = true; more;) {
    TSNode n = ts_tree_cursor_current_node(&cur);
    bool descend = false;
    if (fe_ts_is_error(n))
      as_array_push(out, n);
    else
      descend = ts_node_has_error(n);
    if (descend && ts_tree_cursor_goto_first_child(&cur)) continue;
    while (!ts_tree_cursor_goto_next_sibling(&cur))
      if (!ts_tree_cursor_goto_parent(&cur)) {
        more = false;
        break;
      }
  }
  ts_tree_cursor_delete(&cur);
}

/* File order: by first byte, then by last. */
static int fe_ts__by_start(const void *a, const void *b) {
  TSNode m = *(const TSNode *)a, n = *(const TSNode *)b;
  uint32_t x = ts_node_start_byte(m), y = ts_node_start_byte(n);
  if (x != y) return x < y ? -1 : 1;
  x = ts_node_end_byte(m), y = ts_node_end_byte(n);
  return x < y ? -1 : x > y;
}

/* One diagnostic per syntax error of the trees, in the order of the file,
 * the first FE_TS_MAX_ERRORS of them; the last one listed says how many
 * more there are. */
static void fe_ts__report_errors(ir_unit *u, TSTree *const *trees, uint32_t ntrees, const char *src,
                                 size_t len) {
  fe_ts__nodes errs = {0};
  for (uint32_t t = 0; t < ntrees; t++)
    fe_ts__errors_of(ts_tree_root_node(trees[t]), &errs);
  if (errs.len == 0) { /* has_error without an ERROR or MISSING node: not seen */
    ir_add_diag(u, AS_DIAG_ERROR, 1, 1, "parse-error",
                "syntax error; the rest of the file is analysed");
    return;
  }
  qsort(errs.items, errs.len, sizeof *errs.items, fe_ts__by_start);
  /* the same error seen from two trees (the lines around definitions are in
   * each of them) is one */
  size_t kept = 0;
  for (size_t i = 0; i < errs.len; i++)
    if (!kept || fe_ts__by_start(&errs.items[kept - 1], &errs.items[i]) != 0 ||
        ts_node_symbol(errs.items[kept - 1]) != ts_node_symbol(errs.items[i]))
      errs.items[kept++] = errs.items[i];
  errs.len = kept;
  size_t shown = errs.len < FE_TS_MAX_ERRORS ? errs.len : FE_TS_MAX_ERRORS;
  for (size_t i = 0; i < shown; i++) {
    char what[64], msg[160];
    uint32_t line, col;
    fe_ts__describe(errs.items[i], src, len, what, sizeof what, &line, &col);
    if (i + 1 == shown && errs.len > shown)
      snprintf(msg, sizeof msg, "%s; the rest of the file is analysed (%zu more syntax error%s)",
               what, errs.len - shown, errs.len - shown == 1 ? "" : "s");
    else
      snprintf(msg, sizeof msg, "%s; the rest of the file is analysed", what);
    ir_add_diag(u, AS_DIAG_ERROR, line, col, "parse-error", msg);
  }
  as_array_free(&errs);
}

/* ---- chunks ----------------------------------------------------------------- */

/* Does the line l (n bytes, at column 0) start a top-level definition? */
static bool fe_ts__starts(const fe_ts_chunking *ck, const char *l, size_t n) {
  for (const char *const *p = ck->starts; *p; p++) {
    size_t k = strlen(*p);
    if (n >= k && memcmp(l, *p, k) == 0) return true;
  }
  if (ck->calls) { /* router.post(...), describe(...) */
    size_t i = 0;
    while (i < n && ((l[i] >= 'a' && l[i] <= 'z') || (l[i] >= 'A' && l[i] <= 'Z') || l[i] == '_' ||
                     l[i] == '$' || (i > 0 && l[i] >= '0' && l[i] <= '9')))
      i++;
    if (i > 0 && i < n && (l[i] == '.' || l[i] == '(')) return true;
  }
  return false;
}

typedef struct fe_ts__chunk {
  uint32_t start, end; /* bytes */
  TSPoint pstart, pend;
  bool member; /* a definition, tested alone; else lines around them (member mode) */
  bool broken; /* a definition that does not parse */
} fe_ts__chunk;

typedef AS_ARRAY(fe_ts__chunk) fe_ts__chunks;

/* End the chunk being built at line `row`, byte a, and start the next one
 * there (a chunk is never empty). */
static void fe_ts__cut(fe_ts__chunks *out, fe_ts__chunk *cur, size_t a, uint32_t row, bool member) {
  if (a > cur->start) {
    cur->end = (uint32_t)a;
    cur->pend = (TSPoint){row, 0};
    as_array_push(out, *cur);
    *cur = (fe_ts__chunk){(uint32_t)a, 0, {row, 0}, {0, 0}, member, false};
  } else {
    cur->member = member;
  }
}

/* Split src into chunks at the lines that start a definition, a line
 * attached to decorators above it not counted (the closest line above at
 * the same column that is not blank, a comment or a closing bracket begins
 * with '@'). With col 0: lines at column 0 that begin with one of ck's
 * starts; every chunk is a definition. With col > 0 (member mode): every
 * line indented by col bytes; a line indented less ends the definition, and
 * the lines up to the next definition (package, imports, class headers,
 * closing braces) make a chunk that is not one. */
static void fe_ts__split(const fe_ts_chunking *ck, uint32_t col, const char *src, size_t len,
                         fe_ts__chunks *out) {
  fe_ts__chunk cur = {0, 0, {0, 0}, {0, 0}, col == 0, false};
  bool after_deco = false;
  uint32_t row = 0;
  for (size_t a = 0; a < len; row++) {
    const char *nl = memchr(src + a, '\n', len - a);
    size_t b = nl ? (size_t)(nl - src) : len, n = b - a, w = 0;
    const char *l = src + a;
    while (w < n && (l[w] == ' ' || l[w] == '\t'))
      w++;
    char f = w < n ? l[w] : '\0';
    bool blank = w == n || f == '\r' || f == '#' || f == '/' || (col && f == '*');
    if (!blank && col == 0 && w == 0 && f != ')' && f != ']' && f != '}') {
      if (a > 0 && !after_deco && fe_ts__starts(ck, l, n)) fe_ts__cut(out, &cur, a, row, true);
      after_deco = f == '@';
    } else if (!blank && col > 0 && w < col) {
      if (cur.member) fe_ts__cut(out, &cur, a, row, false);
      after_deco = false;
    } else if (!blank && col > 0 && w == col && f != ')' && f != ']' && f != '}') {
      if (!after_deco) fe_ts__cut(out, &cur, a, row, true);
      after_deco = f == '@';
    }
    a = nl ? b + 1 : len;
  }
  cur.end = (uint32_t)len;
  uint32_t bol = cur.start;
  cur.pend.row = cur.pstart.row;
  for (uint32_t i = cur.start; i < len; i++)
    if (src[i] == '\n') {
      cur.pend.row++;
      bol = i + 1;
    }
  cur.pend.column = (uint32_t)len - bol;
  as_array_push(out, cur);
}

/* Parse the chunks that are not definitions, with the definitions [from,
 * to) (only_good: with every definition that is not broken instead); NULL
 * when the parser gives up. */
static TSTree *fe_ts__parse_ranges(TSParser *parser, const char *src, size_t len,
                                   const fe_ts__chunk *chunks, size_t nchunks, size_t from,
                                   size_t to, bool only_good) {
  AS_ARRAY(TSRange) ranges = {0};
  for (size_t i = 0; i < nchunks; i++) {
    if (chunks[i].member && (only_good ? chunks[i].broken : i < from || i >= to)) continue;
    if (ranges.len && ranges.items[ranges.len - 1].end_byte == chunks[i].start) {
      ranges.items[ranges.len - 1].end_byte = chunks[i].end;
      ranges.items[ranges.len - 1].end_point = chunks[i].pend;
    } else {
      TSRange r = {chunks[i].pstart, chunks[i].pend, chunks[i].start, chunks[i].end};
      as_array_push(&ranges, r);
    }
  }
  TSTree *tree = NULL;
  if (ranges.len && ts_parser_set_included_ranges(parser, ranges.items, (uint32_t)ranges.len))
    tree = ts_parser_parse_string(parser, NULL, src, (uint32_t)len);
  ts_parser_set_included_ranges(parser, NULL, 0); /* the whole document again */
  as_array_free(&ranges);
  return tree;
}

/* The chunk byte s is in. */
static size_t fe_ts__chunk_at(const fe_ts__chunk *chunks, size_t nchunks, uint32_t s) {
  size_t k = 0;
  while (k + 1 < nchunks && chunks[k].end <= s)
    k++;
  return k;
}

/* Does the error e stay in the chunk it begins in: is the smallest node
 * around it that is not inside that chunk the root, or one that begins in
 * lines around definitions (a class body)? Else the recovery made a
 * definition take what follows it (or an earlier one take e's). */
static bool fe_ts__local(TSNode e, const fe_ts__chunk *chunks, size_t nchunks) {
  const fe_ts__chunk *in = &chunks[fe_ts__chunk_at(chunks, nchunks, ts_node_start_byte(e))];
  for (TSNode n = e;;) {
    TSNode p = ts_node_parent(n);
    if (ts_node_is_null(p)) return true; /* n is the root */
    uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
    if (a < in->start || b > in->end) return !chunks[fe_ts__chunk_at(chunks, nchunks, a)].member;
    n = p;
  }
}

static bool fe_ts__clean(TSTree *t) {
  return t && !ts_node_has_error(ts_tree_root_node(t));
}

static void fe_ts__doc_add(fe_ts_doc *doc, TSTree *t, uint32_t from, uint32_t to) {
  doc->trees = as_realloc(doc->trees, (doc->ntrees + 1) * sizeof(TSTree *));
  doc->from = as_realloc(doc->from, (doc->ntrees + 1) * sizeof(uint32_t));
  doc->to = as_realloc(doc->to, (doc->ntrees + 1) * sizeof(uint32_t));
  doc->trees[doc->ntrees] = t;
  doc->from[doc->ntrees] = from;
  doc->to[doc->ntrees] = to;
  doc->ntrees++;
}

/* A file with syntax errors: when an error's recovery reaches past the
 * definition it is in (an unclosed bracket takes the rest of the file), each
 * definition that does not parse alone (with the lines around definitions,
 * in member mode) is parsed so, and all the others together; each error then
 * stays in its own definition. Fills doc with those trees (the others'
 * first), or with whole when splitting does not help. */
static void fe_ts__resync(TSParser *parser, const fe_ts_chunking *ck, const char *src, size_t len,
                          TSTree *whole, fe_ts_doc *doc) {
  fe_ts__chunks chunks = {0};
  uint32_t col = ck && ck->member_column ? ck->member_column(ts_tree_root_node(whole), src) : 0;
  if (ck && (col || ck->starts)) fe_ts__split(ck, col, src, len, &chunks);
  size_t nmembers = 0, nbroken = 0;
  for (size_t i = 0; i < chunks.len; i++)
    nmembers += chunks.items[i].member;
  /* When every error stays in its definition, the whole tree is as good
   * (a file with many errors is split without asking). */
  if (nmembers > 1) {
    fe_ts__nodes errs = {0};
    fe_ts__errors_of(ts_tree_root_node(whole), &errs);
    bool local = errs.len <= 16;
    for (size_t i = 0; i < errs.len && local; i++)
      local = fe_ts__local(errs.items[i], chunks.items, chunks.len);
    as_array_free(&errs);
    if (local) nmembers = 0;
  }
  AS_ARRAY(TSTree *) alone = {0}; /* the broken definitions' own trees, by chunk */
  for (size_t i = 0; nmembers > 1 && i < chunks.len; i++) {
    TSTree *t = NULL;
    if (chunks.items[i].member) {
      t = fe_ts__parse_ranges(parser, src, len, chunks.items, chunks.len, i, i + 1, false);
      chunks.items[i].broken = !fe_ts__clean(t);
      nbroken += chunks.items[i].broken;
      if (!chunks.items[i].broken) {
        ts_tree_delete(t);
        t = NULL;
      }
    }
    as_array_push(&alone, t);
  }
  /* A run of definitions broken alone that parses together was split where
   * it should not have been (a definition spanning a line that looks like
   * the start of another one): it is good. */
  for (size_t i = 0; nbroken && i < chunks.len;) {
    size_t j = i;
    while (j < chunks.len && chunks.items[j].broken)
      j++;
    if (j - i > 1) {
      TSTree *t = fe_ts__parse_ranges(parser, src, len, chunks.items, chunks.len, i, j, false);
      if (fe_ts__clean(t))
        for (size_t k = i; k < j; k++) {
          chunks.items[k].broken = false;
          nbroken--;
        }
      if (t) ts_tree_delete(t);
    }
    i = j > i ? j : i + 1;
  }
  TSTree *main = NULL;
  bool ok = nbroken > 0 && nbroken < nmembers;
  if (ok) {
    main = fe_ts__parse_ranges(parser, src, len, chunks.items, chunks.len, 0, 0, true);
    ok = main != NULL;
    for (size_t i = 0; ok && i < chunks.len; i++)
      ok = !chunks.items[i].broken || alone.items[i];
  }
  if (ok) {
    ts_tree_delete(whole);
    fe_ts__doc_add(doc, main, 0, (uint32_t)len);
    for (size_t i = 0; i < chunks.len; i++)
      if (chunks.items[i].broken) {
        fe_ts__doc_add(doc, alone.items[i], chunks.items[i].start, chunks.items[i].end);
        alone.items[i] = NULL;
      }
  } else {
    if (main) ts_tree_delete(main);
    fe_ts__doc_add(doc, whole, 0, (uint32_t)len);
  }
  for (size_t i = 0; i < alone.len; i++)
    if (alone.items[i]) ts_tree_delete(alone.items[i]);
  as_array_free(&alone);
  as_array_free(&chunks);
}

bool fe_ts_error_outside(TSNode n, bool (*stop)(const void *arg, TSNode n), const void *arg) {
  if (!ts_node_has_error(n)) return false;
  if (fe_ts_is_error(n)) return true;
  TSTreeCursor cur = ts_tree_cursor_new(n);
  bool found = false, more = ts_tree_cursor_goto_first_child(&cur);
  while (more && !found) {
    TSNode k = ts_tree_cursor_current_node(&cur);
    if (ts_node_has_error(k) && !stop(arg, k)) {
      if (fe_ts_is_error(k)) {
        found = true;
        break;
      }
      if (ts_tree_cursor_goto_first_child(&cur)) continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(&cur))
      if (!ts_tree_cursor_goto_parent(&cur)) { /* back at n */
        more = false;
        break;
      }
  }
  ts_tree_cursor_delete(&cur);
  return found;
}

uint8_t *fe_ts_kind_table(const TSLanguage *lang, const char *const *names, int nnames,
                          uint32_t *nsyms) {
  uint32_t n = ts_language_symbol_count(lang);
  uint8_t *kind_of = as_calloc(n ? n : 1, 1);
  for (uint32_t s = 0; s < n; s++) {
    if (ts_language_symbol_type(lang, (TSSymbol)s) != TSSymbolTypeRegular) continue;
    const char *name = ts_language_symbol_name(lang, (TSSymbol)s);
    for (int k = 1; k < nnames; k++)
      if (strcmp(name, names[k]) == 0) kind_of[s] = (uint8_t)k;
  }
  *nsyms = n;
  return kind_of;
}

bool fe_ts_parse(ir_unit *u, TSParser *parser, const fe_ts_chunking *chunking, const char *src,
                 size_t len, fe_ts_doc *doc) {
  memset(doc, 0, sizeof *doc);
  if (!src) src = "";
  uint32_t line, col;
  const char *nul = memchr(src, '\0', len);
  if (nul) {
    fe_ts__pos_of(src, (size_t)(nul - src), &line, &col);
    fe_ts__fail(u, line, col, "file contains NUL bytes");
    return false;
  }
  size_t bad = fe_ts__utf8_invalid((const unsigned char *)src, len);
  if (bad < len) {
    fe_ts__pos_of(src, bad, &line, &col);
    fe_ts__fail(u, line, col, "file is not valid UTF-8");
    return false;
  }
  if (len >= UINT32_MAX) {
    fe_ts__fail(u, 0, 0, "file is too large");
    return false;
  }
  TSTree *tree = ts_parser_parse_string(parser, NULL, src, (uint32_t)len);
  if (!tree) {
    fe_ts__fail(u, 0, 0, "parser gave up");
    return false;
  }
  if (!ts_node_has_error(ts_tree_root_node(tree))) {
    fe_ts__doc_add(doc, tree, 0, (uint32_t)len);
    return true;
  }
  fe_ts__resync(parser, chunking, src, len, tree, doc);
  fe_ts__report_errors(u, doc->trees, doc->ntrees, src, len);
  return true;
}

size_t fe_ts_doc_toplevel(const fe_ts_doc *doc, TSNode **out) {
  fe_ts__nodes v = {0};
  for (uint32_t t = 0; t < doc->ntrees; t++) {
    TSNode root = ts_tree_root_node(doc->trees[t]);
    uint32_t n = ts_node_child_count(root);
    for (uint32_t i = 0; i < n; i++) {
      TSNode k = ts_node_child(root, i);
      if (ts_node_is_named(k) && !ts_node_is_extra(k)) as_array_push(&v, k);
    }
  }
  if (doc->ntrees > 1 && v.len) qsort(v.items, v.len, sizeof *v.items, fe_ts__by_start);
  *out = v.items;
  return v.len;
}

void fe_ts_doc_free(fe_ts_doc *doc) {
  for (uint32_t i = 0; i < doc->ntrees; i++)
    ts_tree_delete(doc->trees[i]);
  free(doc->trees);
  free(doc->from);
  free(doc->to);
  memset(doc, 0, sizeof *doc);
}

size_t fe_parse_only(fe_lang lang, const char *relpath, const char *src, size_t len) {
  switch (lang) {
  case FE_LANG_PYTHON:
    return fe_python_parse_only(src, len);
  case FE_LANG_JAVASCRIPT:
  case FE_LANG_TYPESCRIPT:
    return fe_javascript_parse_only(relpath, src, len);
  case FE_LANG_GO:
    return fe_go_parse_only(src, len);
  case FE_LANG_JAVA:
    return fe_java_parse_only(src, len);
  default:
    return 0;
  }
}
