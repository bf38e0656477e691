/* go.c — placeholder until the go frontend lands: every file is reported as
 * not analysed yet. */
#include "frontend.h"

ir_unit *fe_go_lower(as_intern *strings, const char *relpath, const char *module, const char *src,
                     size_t len) {
  ir_unit *u = ir_unit_new(strings, relpath, "go", module);
  ir_add_diag(u, AS_DIAG_NOTE, 0, 0, "unsupported", "Go is not analysed yet");
  return u;
}
size_t fe_go_parse_only(const char *src, size_t len) {
  return 0;
}
