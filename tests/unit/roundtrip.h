/* roundtrip.h — a unit after a round trip through its serialized form, for
 * the tests of what the IR carries (include after check.h and ir/ir.h). */
#ifndef ASSAY_TEST_ROUNDTRIP_H
#define ASSAY_TEST_ROUNDTRIP_H

static ir_unit *round_trip_in(as_intern *strings, const ir_unit *u) {
  as_buf blob = {0};
  ir_unit_serialize(u, &blob);
  char err[256] = "";
  ir_unit *v = ir_unit_deserialize(strings, blob.data, blob.len, err, sizeof err);
  if (!v) fprintf(stderr, "deserialize: %s\n", err);
  CHECK(v != NULL);
  as_buf_free(&blob);
  return v;
}

#endif
