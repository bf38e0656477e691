/* test_proto.c — .proto schemas through protoc: the services, methods,
 * messages, fields and enums of tests/proto/, their lines, and the diagnostics
 * of a broken and of a missing file. */
#include "check.h"
#include "analyses/proto.h"

#include <stdlib.h>
#include <string.h>

#define ROOT "tests/proto"

/* Everything in the set, one declaration a line:
 *   service FULL NAME PACKAGE PATH:LINE, then "  rpc GRPC-PATH IN -> OUT LINE [cs] [ss]"
 *   message FULL NAME PATH:LINE [map_entry], then "  NUMBER NAME JSON TYPE LINE [flags]"
 *   enum FULL PATH:LINE, then "  NAME = NUMBER LINE"
 *   diag PATH:LINE:COL LEVEL CODE MESSAGE */
static char *dump(const an_proto_set *set) {
  as_buf b = {0};
  as_buf_puts(&b, "");
  size_t n;
  const an_proto_service *s = an_proto_services(set, &n);
  for (size_t i = 0; i < n; i++) {
    as_buf_printf(&b, "service %s %s %s %s:%u\n", s[i].full_name, s[i].name, s[i].package,
                  s[i].path, s[i].line);
    for (uint32_t j = 0; j < s[i].nmethods; j++) {
      const an_proto_method *m = &s[i].methods[j];
      as_buf_printf(&b, "  rpc %s %s %s -> %s %u%s%s\n", m->full_name, m->name, m->input_type,
                    m->output_type, m->line, m->client_streaming ? " client-streaming" : "",
                    m->server_streaming ? " server-streaming" : "");
    }
  }
  const an_proto_message *m = an_proto_messages(set, &n);
  for (size_t i = 0; i < n; i++) {
    as_buf_printf(&b, "message %s %s %s:%u%s\n", m[i].full_name, m[i].name, m[i].path, m[i].line,
                  m[i].map_entry ? " map_entry" : "");
    for (uint32_t j = 0; j < m[i].nfields; j++) {
      const an_proto_field *f = &m[i].fields[j];
      as_buf_printf(&b, "  %d %s %s %s %u%s%s%s\n", (int)f->number, f->name, f->json_name, f->type,
                    f->line, f->repeated ? " repeated" : "", f->is_message ? " message" : "",
                    f->is_enum ? " enum" : "");
    }
  }
  const an_proto_enum *e = an_proto_enums(set, &n);
  for (size_t i = 0; i < n; i++) {
    as_buf_printf(&b, "enum %s %s:%u\n", e[i].full_name, e[i].path, e[i].line);
    for (uint32_t j = 0; j < e[i].nvalues; j++)
      as_buf_printf(&b, "  %s = %d %u\n", e[i].values[j].name, (int)e[i].values[j].number,
                    e[i].values[j].line);
  }
  const as_diag *d = an_proto_diags(set, &n);
  for (size_t i = 0; i < n; i++)
    as_buf_printf(&b, "diag %s:%u:%u %s %s %s\n", d[i].path, d[i].line, d[i].col,
                  as_diag_level_name(d[i].level), d[i].code, d[i].message);
  return b.data;
}

static an_proto_set *load(const char *const *files, size_t n) {
  an_proto_set *set = NULL;
  char err[256] = "";
  int rc = an_proto_load(ROOT, files, n, &set, err, sizeof err);
  CHECK_INT(rc, 0);
  CHECK_STR(err, "");
  if (rc != 0 || !set) {
    fprintf(stderr, "an_proto_load: %s\n", err);
    exit(1);
  }
  return set;
}

static const char *const BILLING_SERVICE =
    "service billing.v1.Billing Billing billing.v1 billing/v1/billing.proto:9\n"
    "  rpc /billing.v1.Billing/CreateCustomer CreateCustomer billing.v1.CreateCustomerRequest -> "
    "billing.v1.Customer 10\n"
    "  rpc /billing.v1.Billing/StreamInvoices StreamInvoices billing.v1.StreamInvoicesRequest -> "
    "billing.v1.Invoice 12 server-streaming\n"
    "  rpc /billing.v1.Billing/UploadUsage UploadUsage billing.v1.UsageRecord -> "
    "billing.v1.UploadUsageResponse 13 client-streaming\n"
    "  rpc /billing.v1.Billing/Chat Chat billing.v1.ChatMessage -> billing.v1.ChatMessage 14 "
    "client-streaming server-streaming\n";

static const char *const BILLING_MESSAGES =
    "message billing.v1.Customer Customer billing/v1/billing.proto:23\n"
    "  1 id id string 24\n"
    "  2 email_address emailAddress string 25\n"
    "  3 billing_address billingAddress common.Address 26 message\n"
    "  4 phone_numbers phoneNumbers string 27 repeated\n"
    "  5 status status billing.v1.CustomerStatus 28 enum\n"
    "  6 created_at createdAt google.protobuf.Timestamp 29 message\n"
    "  7 cards cards billing.v1.Customer.PaymentCard 40 repeated message\n"
    "  8 labels labels billing.v1.Customer.LabelsEntry 41 repeated message\n"
    "  9 avatar avatar bytes 42\n"
    "  10 vip vip bool 43\n"
    "  11 balance_cents balanceCents int64 44\n"
    "message billing.v1.Customer.PaymentCard PaymentCard billing/v1/billing.proto:31\n"
    "  1 card_number cardNumber string 32\n"
    "  2 expiry_month expiryMonth int32 33\n"
    "  3 brand brand billing.v1.Customer.PaymentCard.Brand 38 enum\n"
    "message billing.v1.Customer.LabelsEntry LabelsEntry billing/v1/billing.proto:0 map_entry\n"
    "  1 key key string 0\n"
    "  2 value value string 0\n"
    "message billing.v1.CreateCustomerRequest CreateCustomerRequest billing/v1/billing.proto:47\n"
    "  1 email_address emailAddress string 48\n"
    "  2 billing_address billingAddress common.Address 49 message\n"
    "message billing.v1.StreamInvoicesRequest StreamInvoicesRequest billing/v1/billing.proto:52\n"
    "  1 customer_id customerId string 53\n"
    "message billing.v1.Invoice Invoice billing/v1/billing.proto:56\n"
    "  1 id id string 57\n"
    "  2 customer_id customerId string 58\n"
    "  3 amount amount double 59\n"
    "message billing.v1.UsageRecord UsageRecord billing/v1/billing.proto:62\n"
    "  1 customer_id customerId string 63\n"
    "  2 units units uint64 64\n"
    "message billing.v1.UploadUsageResponse UploadUsageResponse billing/v1/billing.proto:67\n"
    "  1 accepted accepted uint32 68\n"
    "message billing.v1.ChatMessage ChatMessage billing/v1/billing.proto:71\n"
    "  1 text text string 72\n";

static const char *const ADDRESS_MESSAGE = "message common.Address Address common/address.proto:6\n"
                                           "  1 street_line streetLine string 7\n"
                                           "  2 city city string 8\n"
                                           "  3 postal_code postalCode string 9\n"
                                           "  4 country_code country string 10\n";

/* Enums in declaration order: the nested Brand (line 34) after the top-level
 * CustomerStatus (line 17), though protoc lists it with its message. */
static const char *const BILLING_ENUMS =
    "enum billing.v1.CustomerStatus billing/v1/billing.proto:17\n"
    "  CUSTOMER_STATUS_UNSPECIFIED = 0 18\n"
    "  CUSTOMER_STATUS_ACTIVE = 1 19\n"
    "  CUSTOMER_STATUS_SUSPENDED = 5 20\n"
    "enum billing.v1.Customer.PaymentCard.Brand "
    "billing/v1/billing.proto:34\n"
    "  BRAND_UNSPECIFIED = 0 35\n"
    "  BRAND_VISA = 1 36\n";

/* billing.proto and the address it imports, in one protoc run. */
static void test_billing(void) {
  const char *files[] = {"billing/v1/billing.proto", "common/address.proto"};
  an_proto_set *set = load(files, 2);
  char *got = dump(set);
  char *want =
      as_sprintf("%s%s%s%s", BILLING_SERVICE, BILLING_MESSAGES, ADDRESS_MESSAGE, BILLING_ENUMS);
  CHECK_STR(got, want);
  free(got);
  free(want);

  const an_proto_service *s = an_proto_find_service(set, "billing.v1.Billing");
  CHECK(s != NULL);
  if (s) {
    CHECK_INT(s->nmethods, 4);
    CHECK_STR(s->methods[1].full_name, "/billing.v1.Billing/StreamInvoices");
    CHECK(!s->methods[1].client_streaming && s->methods[1].server_streaming);
  }
  CHECK(an_proto_find_service(set, "Billing") == NULL);
  CHECK(an_proto_find_service(set, ".billing.v1.Billing") == NULL);

  const an_proto_message *card = an_proto_find_message(set, "billing.v1.Customer.PaymentCard");
  CHECK(card != NULL);
  if (card) {
    CHECK_STR(card->name, "PaymentCard");
    CHECK_INT(card->nfields, 3);
    CHECK_STR(card->fields[0].name, "card_number");
    CHECK_STR(card->fields[0].json_name, "cardNumber");
    CHECK_STR(card->fields[0].type, "string");
    CHECK_INT(card->fields[0].number, 1);
    CHECK_INT(card->fields[0].line, 32);
  }
  const an_proto_message *addr = an_proto_find_message(set, "common.Address");
  CHECK(addr != NULL);
  if (addr) CHECK_STR(addr->path, "common/address.proto");
  /* imported well-known types are not listed */
  CHECK(an_proto_find_message(set, "google.protobuf.Timestamp") == NULL);
  CHECK(an_proto_find_message(set, "billing.v1.Nope") == NULL);
  CHECK(an_proto_find_message(set, NULL) == NULL);

  const an_proto_enum *brand = an_proto_find_enum(set, "billing.v1.Customer.PaymentCard.Brand");
  CHECK(brand != NULL);
  if (brand) CHECK_INT(brand->nvalues, 2);

  const an_proto_service *owner = NULL;
  const an_proto_method *chat = an_proto_find_method(set, "/billing.v1.Billing/Chat", &owner);
  CHECK(chat != NULL);
  CHECK(owner == s);
  if (chat) CHECK(chat->client_streaming && chat->server_streaming);
  CHECK(an_proto_find_method(set, "/billing.v1.Billing/Nope", &owner) == NULL);
  CHECK(owner == NULL);
  an_proto_set_delete(set);
}

/* The broken file and a missing one are diagnostics; the good files are still
 * loaded (protoc rejects the batch, then runs file by file). */
static void test_broken_and_missing(void) {
  const char *files[] = {"broken/bad.proto", "billing/v1/billing.proto", "missing/nope.proto",
                         "common/address.proto"};
  an_proto_set *set = load(files, 4);
  char *got = dump(set);
  char *want =
      as_sprintf("%s%s%s%s%s", BILLING_SERVICE, BILLING_MESSAGES, ADDRESS_MESSAGE, BILLING_ENUMS,
                 "diag missing/nope.proto:0:0 error proto-error No such file or directory\n"
                 "diag broken/bad.proto:7:3 error proto-error Expected \";\".\n");
  CHECK_STR(got, want);
  free(got);
  free(want);
  size_t n;
  const as_diag *d = an_proto_diags(set, &n);
  CHECK_INT(n, 2);
  if (n == 2) {
    CHECK_STR(d[1].path, "broken/bad.proto");
    CHECK_INT(d[1].line, 7);
    CHECK_INT(d[1].level, AS_DIAG_ERROR);
    CHECK_STR(d[1].code, "proto-error");
  }
  CHECK(an_proto_find_service(set, "billing.v1.Billing") != NULL);
  CHECK(an_proto_find_message(set, "broken.Bad") == NULL);
  an_proto_set_delete(set);
}

/* `import "parcel.proto"` resolves next to the importing file. Listing both
 * files makes protoc see parcel.proto under two names (a duplicate in one
 * batch), so they load file by file, without a diagnostic. */
static void test_sibling_import(void) {
  const char *one[] = {"shipping/shipment.proto"};
  an_proto_set *set = load(one, 1);
  char *got = dump(set);
  CHECK_STR(got, "service shipping.Tracking Tracking shipping shipping/shipment.proto:13\n"
                 "  rpc /shipping.Tracking/Track Track shipping.Shipment -> shipping.Shipment 14\n"
                 "message shipping.Shipment Shipment shipping/shipment.proto:8\n"
                 "  1 tracking_id trackingId string 9\n"
                 "  2 parcels parcels shipping.Parcel 10 repeated message\n");
  free(got);
  an_proto_set_delete(set);

  const char *both[] = {"shipping/shipment.proto", "shipping/parcel.proto"};
  set = load(both, 2);
  size_t n;
  an_proto_diags(set, &n);
  CHECK_INT(n, 0);
  an_proto_messages(set, &n);
  CHECK_INT(n, 2);
  const an_proto_message *p = an_proto_find_message(set, "shipping.Parcel");
  CHECK(p != NULL);
  if (p) {
    CHECK_STR(p->path, "shipping/parcel.proto");
    CHECK_INT(p->line, 5);
    CHECK_STR(p->fields[0].json_name, "weightGrams");
    CHECK_STR(p->fields[0].type, "uint32");
  }
  an_proto_set_delete(set);
}

/* A missing import is protoc's "path: message" line (no position) plus the
 * importing file's errors; an unused import is a warning on a loaded file. */
static void test_import_errors_and_warnings(void) {
  const char *files[] = {"broken/missing_import.proto", "warn/unused.proto"};
  an_proto_set *set = load(files, 2);
  char *got = dump(set);
  CHECK_STR(got,
            "message warn.Lonely Lonely warn/unused.proto:7\n"
            "  1 note note string 8\n"
            "diag nowhere/gone.proto:0:0 error proto-error File not found.\n"
            "diag broken/missing_import.proto:5:1 error proto-error Import \"nowhere/gone.proto\" "
            "was not found or had errors.\n"
            "diag broken/missing_import.proto:8:3 error proto-error \"nowhere.Gone\" is not "
            "defined.\n"
            "diag warn/unused.proto:5:1 warning proto-warning Import common/address.proto is "
            "unused.\n");
  free(got);
  an_proto_set_delete(set);

  /* accepted in one batch: the warning still comes through */
  const char *one[] = {"warn/unused.proto"};
  set = load(one, 1);
  got = dump(set);
  CHECK_STR(got, "message warn.Lonely Lonely warn/unused.proto:7\n"
                 "  1 note note string 8\n"
                 "diag warn/unused.proto:5:1 warning proto-warning Import common/address.proto is "
                 "unused.\n");
  free(got);
  an_proto_set_delete(set);
}

/* A missing file alone: a diagnostic, no protoc run needed; no files at all:
 * an empty set. */
static void test_missing_and_empty(void) {
  const char *files[] = {"nope.proto", "billing"};
  an_proto_set *set = load(files, 2);
  char *got = dump(set);
  CHECK_STR(got, "diag nope.proto:0:0 error proto-error No such file or directory\n"
                 "diag billing:0:0 error proto-error not a regular file\n");
  free(got);
  an_proto_set_delete(set);

  set = load(NULL, 0);
  size_t n;
  CHECK(an_proto_services(set, &n) == NULL);
  CHECK_INT(n, 0);
  an_proto_set_delete(set);
  an_proto_set_delete(NULL);
}

/* However root is spelled, paths are relative to it as protoc names them. */
static void test_root_spelling(void) {
  const char *roots[] = {"tests/proto/", "./tests//proto", "tests/../tests/proto"};
  const char *files[] = {"common/address.proto"};
  for (size_t i = 0; i < 3; i++) {
    an_proto_set *set = NULL;
    char err[256] = "";
    CHECK_INT(an_proto_load(roots[i], files, 1, &set, err, sizeof err), 0);
    if (!set) continue;
    size_t n;
    const an_proto_message *m = an_proto_messages(set, &n);
    CHECK_INT(n, 1);
    if (n) CHECK_STR(m[0].path, "common/address.proto");
    an_proto_diags(set, &n);
    CHECK_INT(n, 0);
    an_proto_set_delete(set);
  }
  /* an empty root is the working directory */
  const char *rel[] = {"tests/proto/common/address.proto"};
  an_proto_set *set = NULL;
  CHECK_INT(an_proto_load("", rel, 1, &set, NULL, 0), 0);
  if (set) {
    size_t n;
    const an_proto_message *m = an_proto_messages(set, &n);
    CHECK_INT(n, 1);
    if (n) CHECK_STR(m[0].path, "tests/proto/common/address.proto");
    an_proto_set_delete(set);
  }
}

/* protoc not on PATH: the call fails with the install hint. */
static void test_no_protoc(void) {
  const char *old = getenv("PATH");
  char *saved = old ? as_strdup(old) : NULL;
  setenv("PATH", "/nonexistent-assay-test", 1);
  const char *files[] = {"common/address.proto"};
  an_proto_set *set = (an_proto_set *)1;
  char err[256] = "";
  CHECK_INT(an_proto_load(ROOT, files, 1, &set, err, sizeof err), -1);
  CHECK(set == NULL);
  CHECK_STR(err, "protoc not found: install protobuf-compiler");
  if (saved)
    setenv("PATH", saved, 1);
  else
    unsetenv("PATH");
  free(saved);
}

int main(void) {
  test_billing();
  test_broken_and_missing();
  test_sibling_import();
  test_import_errors_and_warnings();
  test_missing_and_empty();
  test_root_spelling();
  test_no_protoc();
  return CHECK_DONE();
}
