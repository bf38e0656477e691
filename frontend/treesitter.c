/* treesitter.c — what the tree-sitter frontends share: the raw-parse entry
 * point the benchmark measures against. */
#include "frontend.h"

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
