#include "sensor.h"
#include "calib.h"

#include <unistd.h>

int sensor_read(int bus_fd, uint32_t sensor_id, struct sensor_reading *out) {
  unsigned char cmd[2] = {0x52, (unsigned char)sensor_id}, reply[4];
  if (write(bus_fd, cmd, sizeof cmd) != (ssize_t)sizeof cmd) return -1;
  if (read(bus_fd, reply, sizeof reply) != (ssize_t)sizeof reply) return -1;
  int32_t counts = (int32_t)((uint32_t)reply[0] << 24 | (uint32_t)reply[1] << 16 |
                             (uint32_t)reply[2] << 8 | reply[3]);
  out->sensor_id = sensor_id;
  out->raw = counts;
  out->value = calib_apply(sensor_id, counts);
  out->status = SENSOR_OK;
  return 0;
}

const char *sensor_status_name(uint32_t status) {
  return status == SENSOR_OK ? "ok" : status == SENSOR_STALE ? "stale" : "unknown";
}
