/* treesitter.c — what the tree-sitter frontends share: checking the bytes,
 * parsing, reporting the first syntax error, and the raw-parse entry point
 * the benchmark measures against. */
#include "treesitter.h"

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

/* Pre-order search for the first ERROR or MISSING node. */
static bool fe_ts__find_error(TSTreeCursor *cur, TSNode *out) {
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(cur);
    if (ts_node_is_missing(n) || ts_node_symbol(n) == (TSSymbol)-1) {
      *out = n;
      return true;
    }
    if (ts_node_has_error(n) && ts_tree_cursor_goto_first_child(cur)) continue;
    while (!ts_tree_cursor_goto_next_sibling(cur))
      if (!ts_tree_cursor_goto_parent(cur)) return false;
  }
}

static void fe_ts__report_error(ir_unit *u, TSNode root, const char *src, size_t len) {
  TSTreeCursor cur = ts_tree_cursor_new(root);
  TSNode e = root;
  fe_ts__find_error(&cur, &e);
  ts_tree_cursor_delete(&cur);
  TSPoint p = ts_node_start_point(e);
  char msg[96];
  if (ts_node_is_missing(e)) {
    snprintf(msg, sizeof msg, "missing '%s'", ts_node_type(e));
  } else {
    size_t a = ts_node_start_byte(e), b = ts_node_end_byte(e);
    if (b <= a) b = len; /* an empty ERROR: show what follows */
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
    snprintf(msg, sizeof msg, "syntax error near '%s'", snip);
  }
  fe_ts__fail(u, p.row + 1, p.column + 1, msg);
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

TSTree *fe_ts_parse(ir_unit *u, TSParser *parser, const char *src, size_t len) {
  if (!src) src = "";
  uint32_t line, col;
  const char *nul = memchr(src, '\0', len);
  if (nul) {
    fe_ts__pos_of(src, (size_t)(nul - src), &line, &col);
    fe_ts__fail(u, line, col, "file contains NUL bytes");
    return NULL;
  }
  size_t bad = fe_ts__utf8_invalid((const unsigned char *)src, len);
  if (bad < len) {
    fe_ts__pos_of(src, bad, &line, &col);
    fe_ts__fail(u, line, col, "file is not valid UTF-8");
    return NULL;
  }
  if (len >= UINT32_MAX) {
    fe_ts__fail(u, 0, 0, "file is too large");
    return NULL;
  }
  TSTree *tree = ts_parser_parse_string(parser, NULL, src, (uint32_t)len);
  if (!tree) {
    fe_ts__fail(u, 0, 0, "parser gave up");
    return NULL;
  }
  if (ts_node_has_error(ts_tree_root_node(tree))) {
    fe_ts__report_error(u, ts_tree_root_node(tree), src, len);
    ts_tree_delete(tree);
    return NULL;
  }
  return tree;
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
