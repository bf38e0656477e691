/* geo_math.h - helpers shared by the geo sources. */
#ifndef GEO_MATH_H
#define GEO_MATH_H

#define GEO_EARTH_RADIUS_M 6371008.8
#define GEO_PI 3.14159265358979323846

struct geo_rad {
  double phi, lambda;
};

struct geo_rad geo_to_rad(double lat, double lon);

#endif
