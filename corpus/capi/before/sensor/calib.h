/* calib.h - the calibration table; private to libsensor. */
#ifndef SENSOR_CALIB_H
#define SENSOR_CALIB_H

#include <stdint.h>

struct calib_entry {
  uint32_t sensor_id;
  double gain;
  double offset;
};

double calib_apply(uint32_t sensor_id, int32_t raw);

#endif
