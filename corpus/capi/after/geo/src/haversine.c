#include "../api/geo.h"
#include "geo_math.h"

#include <math.h>

struct geo_rad geo_to_rad(double lat, double lon) {
  struct geo_rad r = {lat * GEO_PI / 180.0, lon * GEO_PI / 180.0};
  return r;
}

double geo_distance_m(const struct geo_point *a, const struct geo_point *b) {
  struct geo_rad p = geo_to_rad(a->lat, a->lon), q = geo_to_rad(b->lat, b->lon);
  double dphi = q.phi - p.phi, dl = q.lambda - p.lambda;
  double h = sin(dphi / 2) * sin(dphi / 2) + cos(p.phi) * cos(q.phi) * sin(dl / 2) * sin(dl / 2);
  return 2 * GEO_EARTH_RADIUS_M * asin(sqrt(h));
}
