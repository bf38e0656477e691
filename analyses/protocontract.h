/*
 * protocontract.h — the protobuf/gRPC part of the contract (contract.h): the
 * messages, fields, enums, enum values, services and methods of a set of
 * .proto files (proto.h), and what a change to each means for callers,
 * judged at the level of buf's WIRE_JSON category: a change breaks when it
 * breaks the binary wire encoding or the canonical JSON mapping.
 *
 * Items (kind, key, value; values are "name=value" lines in this order):
 *
 *   proto.message     "contract.v1.Order"              file=<file>
 *   proto.field       "contract.v1.Order#5"            name=, json_name=, type=, label=
 *   proto.enum        "contract.v1.OrderStatus"        file=<file>
 *   proto.enum-value  "contract.v1.OrderStatus#2"      name=
 *   proto.service     "contract.v1.Orders"             file=<file>
 *   proto.method      "/contract.v1.Orders/GetOrder"   input=, output=,
 *                                                      client_streaming=0|1,
 *                                                      server_streaming=0|1
 *
 * <file> is the file's name in protoc's source tree (an_proto_message.path);
 * type is a scalar name ("string", "int64") or a full name without the dot
 * ("contract.v1.Money", "google.protobuf.Timestamp"); label is "optional" or
 * "repeated" (a map field is repeated, of its entry type). Fields are keyed by
 * number, so a rename is a change of one item, not a removal and an addition.
 * Displays: the full name for messages, enums and services, the gRPC path for
 * methods, "contract.v1.Order.coupon (5)" for fields and
 * "contract.v1.OrderStatus.ORDER_STATUS_SHIPPED (2)" for enum values.
 *
 * A map field's synthetic entry message ("contract.v1.Order.LabelsEntry") is
 * no proto.message item; its two fields (key = 1, value = 2) are proto.field
 * items, so a map's key or value type change is seen.
 *
 * What an_proto_set does not expose is not in the values and so is never
 * compared: oneof membership (buf's FIELD_SAME_ONEOF), proto2 `required`
 * (MESSAGE_SAME_REQUIRED_FIELDS), explicit presence (`optional` in proto3;
 * compatible at WIRE_JSON anyway), reserved numbers and names
 * (RESERVED_*_NO_DELETE, and the "unless reserved" of FIELD_NO_DELETE_*),
 * options (RPC_SAME_IDEMPOTENCY_LEVEL, the JSON-format features of editions)
 * and the file's package beyond the full names (FILE_SAME_PACKAGE). See
 * docs/peers/buf.md.
 */
#ifndef ASSAY_PROTOCONTRACT_H
#define ASSAY_PROTOCONTRACT_H

#include "contract.h"
#include "proto.h"

/* Add to out one item per message, field, enum, enum value, service and
 * method that set defines (an_proto_set lists only what the repository's
 * files define, never what they import), in the set's order: each message
 * followed by its fields, each enum by its values, each service by its
 * methods. service is the items' service (the service root, "." for the
 * scan root; may be NULL) and the set is expected to have been loaded with
 * that folder as its root: item paths are "<service>/<file>" (just <file>
 * when service is NULL or "."), so they are relative to the scan root; lines
 * are the declarations' (a map entry's fields, which protoc gives none, have
 * the line of their map field).
 * Nothing of set is retained; out copies every string. */
void an_protocontract_extract(const an_proto_set *set, const char *service, an_contract_set *out);

/* The classifier of the kinds "proto.*" (an an_contract_classifier), at buf's
 * WIRE_JSON level. Change ids, and their class:
 *
 *   breaking     proto.field-removed            (FIELD_NO_DELETE_UNLESS_{NUMBER,NAME}_RESERVED)
 *                proto.field-type-changed       to a type of another WIRE_JSON group
 *                                               (FIELD_WIRE_JSON_COMPATIBLE_TYPE)
 *                proto.field-name-changed       (FIELD_SAME_NAME: JSON parsers accept the
 *                                               proto name as well as the JSON name)
 *                proto.field-json-name-changed  (FIELD_SAME_JSON_NAME)
 *                proto.field-label-changed      optional <-> repeated
 *                                               (FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY)
 *                proto.enum-value-removed       (ENUM_VALUE_NO_DELETE_UNLESS_*_RESERVED)
 *                proto.enum-value-name-changed  (ENUM_VALUE_SAME_NAME: JSON carries names)
 *                proto.method-request-type-changed   (RPC_SAME_REQUEST_TYPE)
 *                proto.method-response-type-changed  (RPC_SAME_RESPONSE_TYPE)
 *                proto.method-streaming-changed      (RPC_SAME_{CLIENT,SERVER}_STREAMING)
 *                proto.message-removed, proto.enum-removed, proto.method-removed,
 *                proto.service-removed          (not in WIRE_JSON: buf files them under
 *                                               FILE/PACKAGE; a caller of a removed rpc
 *                                               gets UNIMPLEMENTED, so Assay says breaking)
 *   compatible   proto.field-type-changed       within a WIRE_JSON group (int32 <-> uint32,
 *                                               int64 <-> uint64, fixed32 <-> sfixed32,
 *                                               fixed64 <-> sfixed64), or to an enum of the
 *                                               same short name holding every old value
 *                proto.message-added, proto.field-added, proto.enum-added,
 *                proto.enum-value-added, proto.service-added, proto.method-added
 *                proto.message-moved, proto.enum-moved, proto.service-moved
 *                                               (to another file: FILE category only)
 *
 * A pair whose value differs in several attributes gives one change per
 * attribute (a renamed proto3 field changes its name and its JSON name: two
 * breaking changes), in the order above. A field, enum value or method whose
 * message, enum or service is itself removed or added gives no change of its
 * own: the parent's change says it. An unknown "proto.*" kind gives
 * "KIND-removed"/"-changed" (potentially breaking) or "KIND-added"
 * (compatible), as contract.c does for kinds without a classifier. Messages
 * are one sentence naming the item and both values. */
void an_protocontract_classify(const an_contract_set *before_set, const an_contract_set *after_set,
                               const an_contract_item *before, const an_contract_item *after,
                               an_contract_changes *out);

#endif
