/* geo.h - positions and GNSS fixes. */
#ifndef GEO_H
#define GEO_H

#include <stdbool.h>
#include <stdint.h>

struct geo_point {
  double lat; /* degrees, north positive */
  double lon; /* degrees, east positive */
};

struct geo_fix {
  struct geo_point pos;
  float accuracy_m;
  uint32_t satellites;
  int64_t taken_at; /* unix seconds */
};

double geo_distance_m(const struct geo_point *a, const struct geo_point *b);
bool geo_fix_usable(const struct geo_fix *fix, float max_error_m);

#endif
