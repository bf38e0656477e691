/* javascript.c — placeholder until the javascript frontend lands: every file is reported as
 * not analysed yet. */
#include "frontend.h"

ir_unit *fe_javascript_lower(as_intern *strings, const char *relpath, const char *module,
                             const char *src, size_t len) {
  ir_unit *u = ir_unit_new(strings, relpath, "javascript", module);
  ir_add_diag(u, AS_DIAG_NOTE, 0, 0, "unsupported", "JavaScript/TypeScript is not analysed yet");
  return u;
}
size_t fe_javascript_parse_only(const char *relpath, const char *src, size_t len) {
  return 0;
}
