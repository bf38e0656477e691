/* sensor.h - one reading of a bus sensor. */
#ifndef SENSOR_H
#define SENSOR_H

#include <stdint.h>

#define SENSOR_OK 0u
#define SENSOR_STALE 1u

struct sensor_reading {
  uint32_t sensor_id;
  double value; /* calibrated, in the sensor's unit */
  uint32_t status; /* SENSOR_OK, SENSOR_STALE */
};

int sensor_read(int bus_fd, uint32_t sensor_id, struct sensor_reading *out);
const char *sensor_status_name(uint32_t status);

#endif
