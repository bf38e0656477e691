/* java.c — placeholder until the java frontend lands: every file is reported as
 * not analysed yet. */
#include "frontend.h"

ir_unit *fe_java_lower(as_intern *strings, const char *relpath, const char *module, const char *src,
                       size_t len) {
  ir_unit *u = ir_unit_new(strings, relpath, "java", module);
  ir_add_diag(u, AS_DIAG_NOTE, 0, 0, "unsupported", "Java is not analysed yet");
  return u;
}
size_t fe_java_parse_only(const char *src, size_t len) {
  return 0;
}
