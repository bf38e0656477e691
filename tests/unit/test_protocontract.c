/* test_protocontract.c — the protobuf/gRPC contract items of corpus/contract/before/protos, the
 * changes to corpus/contract/after/protos against corpus/contract/truth/proto.json, an identical
 * set, and the WIRE_JSON rules the corpus does not exercise, on hand-made items. */
#include "check.h"
#include "analyses/protocontract.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define CORPUS "corpus/contract"

static an_contract_set *load(const char *root) {
  static const char *const files[] = {"contract/v1/types.proto", "contract/v1/orders.proto"};
  an_proto_set *set = NULL;
  char err[256] = "";
  int rc = an_proto_load(root, files, 2, &set, err, sizeof err);
  CHECK_INT(rc, 0);
  if (rc != 0 || !set) {
    fprintf(stderr, "an_proto_load(%s): %s\n", root, err);
    exit(1);
  }
  size_t nd;
  an_proto_diags(set, &nd);
  CHECK_INT(nd, 0);
  an_contract_set *c = an_contract_set_new();
  an_protocontract_extract(set, "protos", c);
  an_proto_set_delete(set);
  return c;
}

/* The item (kind, key) as "value | display | service | path:line", or "(none)". */
static const char *item(const an_contract_set *set, const char *kind, const char *key) {
  static char buf[1024];
  const an_contract_item *it = an_contract_find(set, kind, key);
  if (!it) return "(none)";
  snprintf(buf, sizeof buf, "%s | %s | %s | %s:%u", it->value, it->display ? it->display : "(null)",
           it->service ? it->service : "(null)", it->path ? it->path : "(null)", it->line);
  return buf;
}

static size_t count_kind(const an_contract_set *set, const char *kind) {
  size_t n = 0;
  for (size_t i = 0; i < an_contract_count(set); i++)
    n += strcmp(an_contract_at(set, i)->kind, kind) == 0;
  return n;
}

static void test_items(void) {
  an_contract_set *b = load(CORPUS "/before/protos");
  /* 9 messages (not the map entry, not the imported Timestamp), 25 fields (the map entry's 2
   * included), 2 enums with 8 values, 1 service with 5 methods */
  CHECK_INT(count_kind(b, "proto.message"), 9);
  CHECK_INT(count_kind(b, "proto.field"), 25);
  CHECK_INT(count_kind(b, "proto.enum"), 2);
  CHECK_INT(count_kind(b, "proto.enum-value"), 8);
  CHECK_INT(count_kind(b, "proto.service"), 1);
  CHECK_INT(count_kind(b, "proto.method"), 5);
  CHECK_INT(an_contract_count(b), 50);
  /* the set's order: messages with their fields first */
  CHECK_STR(an_contract_at(b, 0)->kind, "proto.message");
  CHECK_STR(an_contract_at(b, 0)->key, "contract.v1.Money");
  CHECK_STR(an_contract_at(b, 1)->key, "contract.v1.Money#1");

  CHECK_STR(item(b, "proto.message", "contract.v1.Order.Item"),
            "file=contract/v1/orders.proto | contract.v1.Order.Item | protos | "
            "protos/contract/v1/orders.proto:19");
  CHECK_STR(item(b, "proto.field", "contract.v1.Order#5"),
            "name=coupon\njson_name=coupon\ntype=string\nlabel=optional | contract.v1.Order.coupon "
            "(5) | protos | protos/contract/v1/orders.proto:35");
  CHECK_STR(item(b, "proto.field", "contract.v1.Order#3"),
            "name=items\njson_name=items\ntype=contract.v1.Order.Item\nlabel=repeated | "
            "contract.v1.Order.items (3) | protos | protos/contract/v1/orders.proto:33");
  CHECK_STR(item(b, "proto.field", "contract.v1.Order#9"),
            "name=gift_wrap\njson_name=giftWrap\ntype=string\nlabel=optional | "
            "contract.v1.Order.gift_wrap (9) | protos | protos/contract/v1/orders.proto:39");
  CHECK_STR(
      item(b, "proto.field", "contract.v1.Order#6"),
      "name=created_at\njson_name=createdAt\ntype=google.protobuf.Timestamp\nlabel=optional | "
      "contract.v1.Order.created_at (6) | protos | protos/contract/v1/orders.proto:36");
  /* a map: a repeated field of its entry, whose fields carry the map field's line */
  CHECK_STR(item(b, "proto.field", "contract.v1.Order#8"),
            "name=labels\njson_name=labels\ntype=contract.v1.Order.LabelsEntry\nlabel=repeated | "
            "contract.v1.Order.labels (8) | protos | protos/contract/v1/orders.proto:38");
  CHECK_STR(
      item(b, "proto.field", "contract.v1.Order.LabelsEntry#2"),
      "name=value\njson_name=value\ntype=string\nlabel=optional | "
      "contract.v1.Order.LabelsEntry.value (2) | protos | protos/contract/v1/orders.proto:38");
  CHECK_STR(item(b, "proto.message", "contract.v1.Order.LabelsEntry"), "(none)");
  CHECK_STR(item(b, "proto.message", "google.protobuf.Timestamp"), "(none)");
  CHECK_STR(item(b, "proto.enum", "contract.v1.Order.Item.Packaging"),
            "file=contract/v1/orders.proto | contract.v1.Order.Item.Packaging | protos | "
            "protos/contract/v1/orders.proto:21");
  CHECK_STR(
      item(b, "proto.enum-value", "contract.v1.OrderStatus#2"),
      "name=ORDER_STATUS_SHIPPED | contract.v1.OrderStatus.ORDER_STATUS_SHIPPED (2) | protos | "
      "protos/contract/v1/types.proto:9");
  CHECK_STR(item(b, "proto.service", "contract.v1.Orders"),
            "file=contract/v1/orders.proto | contract.v1.Orders | protos | "
            "protos/contract/v1/orders.proto:9");
  CHECK_STR(item(b, "proto.method", "/contract.v1.Orders/GetOrder"),
            "input=contract.v1.GetOrderRequest\noutput=contract.v1.Order\nclient_streaming=0\n"
            "server_streaming=0 | /contract.v1.Orders/GetOrder | protos | "
            "protos/contract/v1/orders.proto:11");
  CHECK_STR(item(b, "proto.method", "/contract.v1.Orders/ImportOrders"),
            "input=contract.v1.Order\noutput=contract.v1.ImportOrdersResponse\nclient_streaming=1\n"
            "server_streaming=0 | /contract.v1.Orders/ImportOrders | protos | "
            "protos/contract/v1/orders.proto:14");
  an_contract_set_delete(b);

  /* at the scan root (and without a service), paths are protoc's */
  an_proto_set *set = NULL;
  static const char *const one[] = {"contract/v1/types.proto"};
  CHECK_INT(an_proto_load(CORPUS "/before/protos", one, 1, &set, NULL, 0), 0);
  an_contract_set *root = an_contract_set_new(), *none = an_contract_set_new();
  an_protocontract_extract(set, ".", root);
  an_protocontract_extract(set, NULL, none);
  CHECK_STR(
      item(root, "proto.enum", "contract.v1.OrderStatus"),
      "file=contract/v1/types.proto | contract.v1.OrderStatus | . | contract/v1/types.proto:6");
  CHECK_STR(item(none, "proto.enum", "contract.v1.OrderStatus"),
            "file=contract/v1/types.proto | contract.v1.OrderStatus | (null) | "
            "contract/v1/types.proto:6");
  an_protocontract_extract(NULL, ".", root); /* nothing */
  CHECK_INT(an_contract_count(root), 9);
  an_contract_set_delete(root);
  an_contract_set_delete(none);
  an_proto_set_delete(set);
}

static const an_contract_change *find_change(const an_contract_changes *ch, const char *change,
                                             const char *key) {
  for (size_t i = 0; i < an_contract_nchanges(ch); i++) {
    const an_contract_change *c = an_contract_change_at(ch, i);
    const an_contract_item *it = c->after ? c->after : c->before;
    if (strcmp(c->change, change) == 0 && strcmp(it->key, key) == 0) return c;
  }
  return NULL;
}

static void test_truth(void) {
  an_contract_set *b = load(CORPUS "/before/protos"), *a = load(CORPUS "/after/protos");
  an_contract_changes *ch = an_contract_diff(b, a);
  json_error_t jerr;
  json_t *truth = json_load_file(CORPUS "/truth/proto.json", 0, &jerr);
  CHECK(truth != NULL);
  if (!truth) {
    fprintf(stderr, "%s: %s\n", CORPUS "/truth/proto.json", jerr.text);
    exit(1);
  }
  json_t *rows = json_object_get(truth, "changes");
  CHECK(json_is_array(rows));
  CHECK_INT(an_contract_nchanges(ch), json_array_size(rows));
  for (size_t i = 0; i < an_contract_nchanges(ch) || i < json_array_size(rows); i++) {
    const an_contract_change *c =
        i < an_contract_nchanges(ch) ? an_contract_change_at(ch, i) : NULL;
    json_t *r = json_array_get(rows, i);
    const an_contract_item *it = c ? (c->after ? c->after : c->before) : NULL;
    char got[512], want[512];
    snprintf(got, sizeof got, "%s %s %s", c ? c->change : "(none)",
             c ? an_change_class_name(c->cls) : "", it ? it->key : "");
    snprintf(want, sizeof want, "%s %s %s",
             r ? json_string_value(json_object_get(r, "change")) : "(none)",
             r ? json_string_value(json_object_get(r, "class")) : "",
             r ? json_string_value(json_object_get(r, "key")) : "");
    CHECK_STR(got, want);
  }
  json_decref(truth);

  /* the messages, and what each change points to */
  const an_contract_change *c = find_change(ch, "proto.field-type-changed", "contract.v1.Order#5");
  CHECK(c && c->before && c->after);
  CHECK_STR(c ? c->message : NULL,
            "Field contract.v1.Order.discount_cents (5) changed type from string to int64, which "
            "is not wire- and JSON-compatible");
  c = find_change(ch, "proto.field-name-changed", "contract.v1.Order#9");
  CHECK_STR(c ? c->message : NULL,
            "Field 9 of contract.v1.Order was renamed from gift_wrap to gift_wrapping: JSON "
            "parsers accept the proto name as well as the JSON name");
  c = find_change(ch, "proto.field-removed", "contract.v1.Order#7");
  CHECK(c && c->before && !c->after);
  CHECK_STR(c ? c->message : NULL,
            "Field contract.v1.Order.internal_note (7) (optional string, JSON name internalNote) "
            "was removed: JSON parsers reject internalNote from old writers, and number 7 is free "
            "to be reused with another type");
  CHECK_STR(c && c->before ? c->before->path : NULL, "protos/contract/v1/orders.proto");
  CHECK_INT(c && c->before ? c->before->line : 0, 37);
  c = find_change(ch, "proto.field-type-changed", "contract.v1.Order.Item#2");
  CHECK_STR(c ? c->message : NULL,
            "Field contract.v1.Order.Item.quantity (2) changed type from int32 to uint32, which is "
            "wire- and JSON-compatible");
  c = find_change(ch, "proto.enum-value-name-changed", "contract.v1.OrderStatus#2");
  CHECK_STR(c ? c->message : NULL,
            "Enum value 2 of contract.v1.OrderStatus was renamed from ORDER_STATUS_SHIPPED to "
            "ORDER_STATUS_DISPATCHED: JSON carries enum values by name");
  c = find_change(ch, "proto.method-streaming-changed", "/contract.v1.Orders/WatchOrder");
  CHECK_STR(c ? c->message : NULL,
            "Method /contract.v1.Orders/WatchOrder changed from unary to server streaming");
  c = find_change(ch, "proto.method-removed", "/contract.v1.Orders/CancelOrder");
  CHECK(c && c->before && !c->after);
  CHECK_STR(c ? c->message : NULL,
            "Method /contract.v1.Orders/CancelOrder (contract.v1.CancelOrderRequest -> "
            "contract.v1.Order) was removed: its callers get UNIMPLEMENTED");
  c = find_change(ch, "proto.message-added", "contract.v1.Refund");
  CHECK(c && !c->before && c->after);
  CHECK_STR(c ? c->message : NULL,
            "Message contract.v1.Refund (contract/v1/orders.proto) was added");
  /* the fields of a message that went or came say nothing of their own */
  CHECK(!find_change(ch, "proto.field-removed", "contract.v1.CancelOrderRequest#1"));
  CHECK(!find_change(ch, "proto.field-added", "contract.v1.Refund#1"));
  an_contract_changes_delete(ch);

  /* the other way round, every removal is an addition */
  ch = an_contract_diff(a, b);
  CHECK(find_change(ch, "proto.field-added", "contract.v1.Order#7") != NULL);
  CHECK(find_change(ch, "proto.method-added", "/contract.v1.Orders/CancelOrder") != NULL);
  CHECK(find_change(ch, "proto.enum-value-added", "contract.v1.OrderStatus#4") != NULL);
  c = find_change(ch, "proto.method-streaming-changed", "/contract.v1.Orders/WatchOrder");
  CHECK_STR(c ? c->message : NULL,
            "Method /contract.v1.Orders/WatchOrder changed from server streaming to unary");
  an_contract_changes_delete(ch);
  an_contract_set_delete(a);
  an_contract_set_delete(b);
}

static void test_identical(void) {
  an_contract_set *b = load(CORPUS "/before/protos"), *b2 = load(CORPUS "/before/protos");
  an_contract_changes *ch = an_contract_diff(b, b2);
  CHECK_INT(an_contract_nchanges(ch), 0);
  an_contract_changes_delete(ch);
  ch = an_contract_diff(b, b);
  CHECK_INT(an_contract_nchanges(ch), 0);
  an_contract_changes_delete(ch);
  an_contract_set_delete(b);
  an_contract_set_delete(b2);
}

/* ---- rules on hand-made items ------------------------------------------------------------- */

static void add(an_contract_set *s, const char *kind, const char *key, const char *value) {
  an_contract_add(s, kind, key, value, NULL, "svc", "svc/x.proto", 1);
}

static void field(an_contract_set *s, const char *key, const char *name, const char *json,
                  const char *type, const char *label) {
  char v[512];
  snprintf(v, sizeof v, "name=%s\njson_name=%s\ntype=%s\nlabel=%s", name, json, type, label);
  add(s, "proto.field", key, v);
}

/* The changes of before -> after, one "change class key" a line. The caller frees it. */
static char *changes(const an_contract_set *b, const an_contract_set *a) {
  an_contract_changes *ch = an_contract_diff(b, a);
  as_buf out = {0};
  as_buf_puts(&out, "");
  for (size_t i = 0; i < an_contract_nchanges(ch); i++) {
    const an_contract_change *c = an_contract_change_at(ch, i);
    const an_contract_item *it = c->after ? c->after : c->before;
    as_buf_printf(&out, "%s %s %s\n", c->change, an_change_class_name(c->cls), it->key);
  }
  an_contract_changes_delete(ch);
  return out.data;
}

static void test_rules(void) {
  an_contract_set *b = an_contract_set_new(), *a = an_contract_set_new();
  for (int k = 0; k < 2; k++) {
    an_contract_set *s = k ? a : b;
    add(s, "proto.message", "p.M", k ? "file=y.proto" : "file=x.proto");
    add(s, "proto.enum", "p.Color", "file=x.proto");
    add(s, "proto.enum-value", "p.Color#0", "name=COLOR_UNSPECIFIED");
    add(s, "proto.enum-value", "p.Color#1", "name=COLOR_RED");
    /* a renamed enum of the same short name with every old value, and one more */
    add(s, "proto.enum", k ? "q.Color" : "p.Old", "file=x.proto");
    add(s, "proto.enum-value", k ? "q.Color#0" : "p.Old#0", "name=COLOR_UNSPECIFIED");
    add(s, "proto.enum-value", k ? "q.Color#1" : "p.Old#1", "name=COLOR_RED");
    if (k) add(s, "proto.enum-value", "q.Color#2", "name=COLOR_BLUE");
    field(s, "p.M#1", "tags", "tags", "string", k ? "repeated" : "optional");
    field(s, "p.M#2", "color", "color", k ? "q.Color" : "p.Color", "optional");
    field(s, "p.M#3", "shade", "shade", k ? "p.Other" : "p.Color", "optional");
    field(s, "p.M#4", "n", "n", k ? "sfixed64" : "fixed64", "optional");
    field(s, "p.M#5", "m", "m", k ? "sint64" : "int64", "optional");
    field(s, "p.M#6", "when", "when", k ? "google.protobuf.Duration" : "google.protobuf.Timestamp",
          "optional");
    field(s, "p.M#7", "attrs", "attrs", "p.M.AttrsEntry", "repeated");
    field(s, "p.M.AttrsEntry#1", "key", "key", "string", "optional");
    field(s, "p.M.AttrsEntry#2", "value", "value", k ? "int64" : "string", "optional");
    add(s, "proto.service", "p.S", "file=x.proto");
    add(s, "proto.method", "/p.S/Up",
        k ? "input=p.M\noutput=p.M\nclient_streaming=1\nserver_streaming=1"
          : "input=p.M\noutput=p.M\nclient_streaming=0\nserver_streaming=1");
    add(s, "proto.method", "/p.S/Out",
        k ? "input=p.M\noutput=p.N\nclient_streaming=0\nserver_streaming=0"
          : "input=p.M\noutput=p.M\nclient_streaming=0\nserver_streaming=0");
    if (!k) {
      /* a message, an enum and a service removed with their fields, values and methods */
      add(s, "proto.message", "p.Gone", "file=x.proto");
      field(s, "p.Gone#1", "x", "x", "string", "optional");
      add(s, "proto.enum", "p.GoneEnum", "file=x.proto");
      add(s, "proto.enum-value", "p.GoneEnum#0", "name=GONE_ENUM_UNSPECIFIED");
      add(s, "proto.service", "p.GoneService", "file=x.proto");
      add(s, "proto.method", "/p.GoneService/Call",
          "input=p.M\noutput=p.M\nclient_streaming=0\nserver_streaming=0");
      /* a map field removed: its entry's fields say nothing */
      field(s, "p.M#8", "meta", "meta", "p.M.MetaEntry", "repeated");
      field(s, "p.M.MetaEntry#1", "key", "key", "string", "optional");
      field(s, "p.M.MetaEntry#2", "value", "value", "string", "optional");
    } else {
      add(s, "proto.service", "p.NewService", "file=x.proto");
      add(s, "proto.method", "/p.NewService/Call",
          "input=p.M\noutput=p.M\nclient_streaming=0\nserver_streaming=0");
      add(s, "proto.enum-value", "p.Color#2", "name=COLOR_GREEN");
      add(s, "proto.widget", "p.W", "x=1"); /* a kind this version does not know */
    }
    /* a field whose value has a line this classifier does not know */
    add(s, "proto.field", "p.M#9",
        k ? "name=z\njson_name=z\ntype=string\nlabel=optional\nfuture=1"
          : "name=z\njson_name=z\ntype=string\nlabel=optional");
  }
  char *got = changes(b, a);
  CHECK_STR(got, "proto.enum-removed breaking p.GoneEnum\n"
                 "proto.enum-removed breaking p.Old\n"
                 "proto.enum-added compatible q.Color\n"
                 "proto.enum-value-added compatible p.Color#2\n"
                 "proto.field-label-changed breaking p.M#1\n"
                 "proto.field-type-changed compatible p.M#2\n"
                 "proto.field-type-changed breaking p.M#3\n"
                 "proto.field-type-changed compatible p.M#4\n"
                 "proto.field-type-changed breaking p.M#5\n"
                 "proto.field-type-changed breaking p.M#6\n"
                 "proto.field-removed breaking p.M#8\n"
                 "proto.field-changed potentially-breaking p.M#9\n"
                 "proto.field-type-changed breaking p.M.AttrsEntry#2\n"
                 "proto.message-removed breaking p.Gone\n"
                 "proto.message-moved compatible p.M\n"
                 "proto.method-response-type-changed breaking /p.S/Out\n"
                 "proto.method-streaming-changed breaking /p.S/Up\n"
                 "proto.service-removed breaking p.GoneService\n"
                 "proto.service-added compatible p.NewService\n"
                 "proto.widget-added compatible p.W\n");
  free(got);
  an_contract_changes *ch = an_contract_diff(b, a);
  const an_contract_change *c = find_change(ch, "proto.method-streaming-changed", "/p.S/Up");
  CHECK_STR(c ? c->message : NULL,
            "Method /p.S/Up changed from server streaming to bidirectional streaming");
  c = find_change(ch, "proto.message-moved", "p.M");
  CHECK_STR(c ? c->message : NULL, "Message p.M moved from x.proto to y.proto");
  c = find_change(ch, "proto.field-label-changed", "p.M#1");
  CHECK_STR(c ? c->message : NULL, "Field p.M#1 changed label from optional to repeated");
  CHECK(!find_change(ch, "proto.method-added", "/p.NewService/Call")); /* its service is new */
  c = find_change(ch, "proto.widget-added", "p.W");
  CHECK_STR(c ? c->message : NULL, "proto.widget p.W added");
  an_contract_changes_delete(ch);

  /* an enum of another short name, or missing a value, is another type */
  an_contract_set *b2 = an_contract_set_new(), *a2 = an_contract_set_new();
  for (int k = 0; k < 2; k++) {
    an_contract_set *s = k ? a2 : b2;
    add(s, "proto.message", "p.M", "file=x.proto");
    add(s, "proto.enum", "p.Color", "file=x.proto");
    add(s, "proto.enum-value", "p.Color#0", "name=COLOR_UNSPECIFIED");
    add(s, "proto.enum-value", "p.Color#1", "name=COLOR_RED");
    add(s, "proto.enum", "q.Hue", "file=x.proto");
    add(s, "proto.enum-value", "q.Hue#0", "name=COLOR_UNSPECIFIED");
    add(s, "proto.enum-value", "q.Hue#1", "name=COLOR_RED");
    add(s, "proto.enum", "q.Color", "file=x.proto");
    add(s, "proto.enum-value", "q.Color#0", "name=COLOR_UNSPECIFIED");
    field(s, "p.M#1", "a", "a", k ? "q.Hue" : "p.Color", "optional");
    field(s, "p.M#2", "b", "b", k ? "q.Color" : "p.Color", "optional");
    field(s, "p.M#3", "c", "c", k ? "int32" : "p.Color", "optional");
  }
  got = changes(b2, a2);
  CHECK_STR(got, "proto.field-type-changed breaking p.M#1\n"
                 "proto.field-type-changed breaking p.M#2\n"
                 "proto.field-type-changed breaking p.M#3\n");
  free(got);

  /* the same message in two services: matched within each service only */
  an_contract_set *b3 = an_contract_set_new(), *a3 = an_contract_set_new();
  an_contract_add(b3, "proto.message", "p.M", "file=x.proto", NULL, "one", "one/x.proto", 1);
  an_contract_add(b3, "proto.field", "p.M#1", "name=a\njson_name=a\ntype=string\nlabel=optional",
                  NULL, "one", "one/x.proto", 2);
  an_contract_add(a3, "proto.message", "p.M", "file=x.proto", NULL, "two", "two/x.proto", 1);
  an_contract_add(a3, "proto.field", "p.M#1", "name=a\njson_name=a\ntype=string\nlabel=optional",
                  NULL, "two", "two/x.proto", 2);
  an_contract_add(a3, "proto.message", "p.M", "file=x.proto", NULL, "one", "one/x.proto", 1);
  got = changes(b3, a3);
  /* one/p.M#1 went while one/p.M stayed; two/p.M came with its field */
  CHECK_STR(got, "proto.field-removed breaking p.M#1\n"
                 "proto.message-added compatible p.M\n");
  free(got);

  /* the classifier called alone: nothing to compare gives nothing */
  ch = an_contract_diff(b3, b3);
  an_protocontract_classify(b3, b3, NULL, NULL, ch);
  CHECK_INT(an_contract_nchanges(ch), 0);
  an_contract_changes_delete(ch);

  an_contract_set *sets[] = {a, b, a2, b2, a3, b3};
  for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++)
    an_contract_set_delete(sets[i]);
}

int main(void) {
  test_items();
  test_truth();
  test_identical();
  test_rules();
  return CHECK_DONE();
}
