#include "../api/geo.h"

bool geo_fix_usable(const struct geo_fix *fix, float max_error_m) {
  return fix->satellites >= 4 && fix->accuracy_m <= max_error_m;
}
