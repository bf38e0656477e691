/* test_openapi.c — OpenAPI 3 documents as HTTP contract items
 * (analyses/openapi.c): the items of corpus/contract/{before,after}/webapi, the changes
 * between its two versions against truth/openapi.json, the diagnostics of a
 * broken document, files that are not OpenAPI, and the classification of
 * items derived from code (no type, no required). */
#include "check.h"

#include "analyses/openapi.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CORPUS "corpus/contract"

static const char *const webapi_files[] = {"webapi/openapi.yaml", "webapi/internal.openapi.json"};
static const char *const webapi_services[] = {"webapi", "webapi"};

static an_contract_set *load_webapi(const char *side) {
  an_contract_set *set = an_contract_set_new();
  char *root = as_sprintf(CORPUS "/%s", side);
  as_diag *diags = NULL;
  size_t nd = 0;
  CHECK_INT(an_openapi_extract(root, webapi_files, 2, webapi_services, set, &diags, &nd), 0);
  CHECK_INT(nd, 0);
  an_openapi_diags_free(diags, nd);
  free(root);
  return set;
}

/* The item (kind, key) has this value, display and line. */
static void expect_item_(const an_contract_set *set, const char *kind, const char *key,
                         const char *value, const char *display, const char *path, uint32_t line,
                         int at) {
  const an_contract_item *it = an_contract_find(set, kind, key);
  check_count_++;
  if (!it) {
    fprintf(stderr, "%s:%d: no item %s \"%s\"\n", __FILE__, at, kind, key);
    check_failures_++;
    return;
  }
  if (strcmp(it->value, value) != 0 || strcmp(it->display ? it->display : "", display) != 0 ||
      strcmp(it->path ? it->path : "", path) != 0 || it->line != line ||
      strcmp(it->service ? it->service : "", "webapi") != 0) {
    fprintf(stderr,
            "%s:%d: %s \"%s\" is \"%s\" \"%s\" %s:%u (%s), expected \"%s\" \"%s\" %s:%u (webapi)\n",
            __FILE__, at, kind, key, it->value, it->display ? it->display : "(null)",
            it->path ? it->path : "(null)", it->line, it->service ? it->service : "(null)", value,
            display, path, line);
    check_failures_++;
  }
}
#define expect_item(s, k, key, v, d, p, l)                                                         \
  expect_item_((s), (k), (key), (v), (d), (p), (l), __LINE__)

static size_t count_kind(const an_contract_set *set, const char *kind) {
  size_t n = 0;
  for (size_t i = 0; i < an_contract_count(set); i++)
    n += strcmp(an_contract_at(set, i)->kind, kind) == 0;
  return n;
}

static void test_items(void) {
  an_contract_set *b = load_webapi("before");
  const char *y = "webapi/openapi.yaml", *j = "webapi/internal.openapi.json";
  /* operations: METHOD upper-case, the path normalised, the template as written */
  expect_item(b, "http.operation", "GET /users/{}/orders", "deprecated=0",
              "GET /users/{userId}/orders", y, 66);
  expect_item(b, "http.operation", "POST /orders/{}/cancel", "deprecated=0",
              "POST /orders/{orderId}/cancel", y, 137);
  /* a path-level parameter through $ref, applied to each operation (declared in components) */
  expect_item(b, "http.param", "GET /users/{} path:userId", "required=1\ntype=string/uuid",
              "path parameter 'userId' of GET /users/{userId}", y, 158);
  expect_item(b, "http.param", "DELETE /users/{} path:userId", "required=1\ntype=string/uuid",
              "path parameter 'userId' of DELETE /users/{userId}", y, 158);
  expect_item(b, "http.param", "GET /users query:limit", "required=0\ntype=integer/int32",
              "query parameter 'limit' of GET /users", y, 172);
  expect_item(b, "http.param", "GET /users query:status", "required=0\ntype=string",
              "query parameter 'status' of GET /users", y, 20);
  expect_item(b, "http.param", "POST /orders header:Idempotency-Key", "required=0\ntype=string",
              "header parameter 'Idempotency-Key' of POST /orders", y, 100);
  /* the request body through components/requestBodies, its schema through components/schemas */
  expect_item(b, "http.request-field", "POST /users body", "required=1",
              "request body of POST /users", y, 39);
  expect_item(b, "http.request-field", "POST /users body:email", "required=1\ntype=string/email",
              "request field 'email' of POST /users", y, 210);
  expect_item(b, "http.request-field", "POST /users body:phone", "required=0\ntype=string",
              "request field 'phone' of POST /users", y, 215);
  /* allOf merged one level: OrderBase's required fields and the inline part's optional one */
  expect_item(b, "http.request-field", "POST /orders body:userId", "required=1\ntype=string/uuid",
              "request field 'userId' of POST /orders", y, 250);
  expect_item(b, "http.request-field", "POST /orders body:items", "required=1\ntype=array",
              "request field 'items' of POST /orders", y, 253);
  expect_item(b, "http.request-field", "POST /orders body:note", "required=0\ntype=string",
              "request field 'note' of POST /orders", y, 262);
  expect_item(b, "http.request-field", "POST /orders/{}/cancel body", "required=0",
              "request body of POST /orders/{orderId}/cancel", y, 140);
  /* 2xx responses through components/responses, and through allOf */
  expect_item(b, "http.response-field", "POST /users 201:legacyId", "type=integer/int64",
              "response field 'legacyId' of POST /users (201)", y, 231);
  expect_item(b, "http.response-field", "GET /orders/{} 200:total", "type=number/double",
              "response field 'total' of GET /orders/{orderId} (200)", y, 285);
  expect_item(b, "http.response-field", "GET /orders/{} 200:userId", "type=string/uuid",
              "response field 'userId' of GET /orders/{orderId} (200)", y, 250);
  expect_item(b, "http.response-field", "GET /users 200:users", "type=array",
              "response field 'users' of GET /users (200)", y, 240);
  /* not 2xx (404, default), and without a JSON body (204): no fields */
  CHECK(!an_contract_find(b, "http.response-field", "GET /users/{} 404:title"));
  CHECK(!an_contract_find(b, "http.response-field", "GET /users default:title"));
  CHECK(!an_contract_find(b, "http.request-field", "GET /users body"));
  /* the JSON document (OpenAPI 3.1, a list of types) */
  expect_item(b, "http.operation", "GET /internal/healthz", "deprecated=0", "GET /internal/healthz",
              j, 6);
  expect_item(b, "http.param", "POST /internal/users/{}/export header:X-Admin-Token",
              "required=1\ntype=string",
              "header parameter 'X-Admin-Token' of POST /internal/users/{userId}/export", j, 31);
  expect_item(b, "http.request-field", "POST /internal/users/{}/export body:since",
              "required=0\ntype=string|null/date",
              "request field 'since' of POST /internal/users/{userId}/export", j, 41);
  expect_item(b, "http.response-field", "GET /internal/healthz 200:uptimeSeconds",
              "type=integer/int64", "response field 'uptimeSeconds' of GET /internal/healthz (200)",
              j, 17);
  CHECK_INT(count_kind(b, "http.operation"), 11);
  CHECK_INT(count_kind(b, "http.param"), 14);
  CHECK_INT(count_kind(b, "http.request-field"), 13);
  CHECK_INT(count_kind(b, "http.response-field"), 35);
  CHECK_INT(an_contract_count(b), 73);

  an_contract_set *a = load_webapi("after");
  expect_item(a, "http.operation", "GET /users/{}/orders", "deprecated=1",
              "GET /users/{userId}/orders", y, 79);
  expect_item(a, "http.param", "GET /users query:status", "required=1\ntype=string",
              "query parameter 'status' of GET /users", y, 20);
  expect_item(a, "http.request-field", "POST /orders body:currency", "required=1\ntype=string",
              "request field 'currency' of POST /orders", y, 266);
  expect_item(a, "http.response-field", "GET /orders/{} 200:total", "type=string/decimal",
              "response field 'total' of GET /orders/{orderId} (200)", y, 292);
  CHECK(!an_contract_find(a, "http.operation", "POST /orders/{}/cancel"));
  CHECK(!an_contract_find(a, "http.response-field", "GET /users/{} 200:legacyId"));
  an_contract_set_delete(a);
  an_contract_set_delete(b);
}

/* The whole change list against truth/openapi.json, in order. */
static void test_diff_truth(void) {
  an_contract_set *b = load_webapi("before"), *a = load_webapi("after");
  an_contract_changes *ch = an_contract_diff(b, a);
  json_error_t jerr;
  json_t *truth = json_load_file(CORPUS "/truth/openapi.json", 0, &jerr);
  CHECK(truth != NULL);
  json_t *rows = json_object_get(truth, "changes");
  CHECK(json_is_array(rows));
  CHECK_INT(an_contract_nchanges(ch), json_array_size(rows));
  for (size_t i = 0; i < an_contract_nchanges(ch) && i < json_array_size(rows); i++) {
    const an_contract_change *c = an_contract_change_at(ch, i);
    json_t *row = json_array_get(rows, i);
    const an_contract_item *it = c->before ? c->before : c->after;
    CHECK_STR(c->change, json_string_value(json_object_get(row, "change")));
    CHECK_STR(an_change_class_name(c->cls), json_string_value(json_object_get(row, "class")));
    CHECK_STR(it->key, json_string_value(json_object_get(row, "key")));
    CHECK_INT(json_object_size(row), 3);
  }
  /* messages: the operation, the item, both values */
  for (size_t i = 0; i < an_contract_nchanges(ch); i++) {
    const an_contract_change *c = an_contract_change_at(ch, i);
    const an_contract_item *it = c->before ? c->before : c->after;
    if (strcmp(it->key, "GET /users query:status") == 0)
      CHECK_STR(c->message, "Query parameter 'status' of GET /users became required (before: "
                            "required=0, type=string; after: required=1, type=string).");
    if (strcmp(it->key, "POST /orders/{}/cancel") == 0)
      CHECK_STR(c->message, "Operation POST /orders/{orderId}/cancel was removed (before: "
                            "deprecated=0; after: absent).");
    if (strcmp(it->key, "GET /orders/{} 200:total") == 0)
      CHECK_STR(c->message, "Response field 'total' of GET /orders/{orderId} (200) changed type "
                            "(before: type=number/double; after: type=string/decimal).");
  }
  json_decref(truth);
  an_contract_changes_delete(ch);
  an_contract_set_delete(a);
  an_contract_set_delete(b);
}

static void write_text(const char *dir, const char *name, const char *text) {
  char *p = as_sprintf("%s/%s", dir, name);
  FILE *f = fopen(p, "w");
  AS_ASSERT(f);
  fputs(text, f);
  AS_ASSERT(fclose(f) == 0);
  free(p);
}

static void remove_files(const char *dir, const char *const *names, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char *p = as_sprintf("%s/%s", dir, names[i]);
    unlink(p);
    free(p);
  }
  rmdir(dir);
}

static void test_files(void) {
  char dir[] = "/tmp/assay-openapi.XXXXXX";
  AS_ASSERT(mkdtemp(dir));
  /* line 6: the mapping value that cannot be there */
  write_text(dir, "broken.yaml",
             "openapi: 3.0.3\n"
             "info: {title: t, version: '1'}\n"
             "paths:\n"
             "  /a:\n"
             "    get:\n"
             "      responses: x: y\n");
  write_text(dir, "good.yml",
             "openapi: 3.1.0\n"
             "info: {title: t, version: '1'}\n"
             "paths:\n"
             "  /things/<id>/:\n"
             "    delete:\n"
             "      deprecated: true\n"
             "      responses: {'204': {description: gone}}\n");
  write_text(dir, "docker-compose.yml",
             "services:\n"
             "  web:\n"
             "    image: shop/web:1.4\n"
             "    ports: [\"8080:8080\"]\n"
             "    environment:\n"
             "      OPENAPI_URL: http://web:8080/openapi.yaml\n");
  write_text(dir, "swagger.json", "{\"swagger\": \"2.0\", \"paths\": {\"/a\": {\"get\": {}}}}\n");
  /* a broken YAML file that does not look like OpenAPI (a Helm template) */
  write_text(dir, "deployment.yaml", "metadata:\n  name: {{ .Release.Name }\n  labels: x: y\n");
  write_text(dir, "empty.yaml", "");
  const char *const names[] = {"broken.yaml",  "good.yml",        "docker-compose.yml",
                               "swagger.json", "deployment.yaml", "empty.yaml",
                               "missing.yaml"};
  an_contract_set *set = an_contract_set_new();
  as_diag *diags = NULL;
  size_t nd = 0;
  CHECK_INT(an_openapi_extract(dir, names, 7, NULL, set, &diags, &nd), 0);
  CHECK_INT(nd, 2);
  if (nd == 2) {
    CHECK_INT(diags[0].level, AS_DIAG_WARNING);
    CHECK_STR(diags[0].path, "broken.yaml");
    CHECK_INT(diags[0].line, 6);
    CHECK_INT(diags[0].col, 19);
    CHECK_STR(diags[0].code, "openapi-error");
    CHECK_STR(diags[0].message, "mapping values are not allowed in this context");
    CHECK_STR(diags[1].path, "missing.yaml");
    CHECK_INT(diags[1].line, 0);
    CHECK_STR(diags[1].code, "openapi-error");
    CHECK_STR(diags[1].message, "cannot read: No such file or directory");
  }
  /* the good document is still read; the others add nothing */
  CHECK_INT(an_contract_count(set), 1);
  const an_contract_item *op = an_contract_find(set, "http.operation", "DELETE /things/{}");
  CHECK(op != NULL);
  if (op) {
    CHECK_STR(op->value, "deprecated=1");
    CHECK_STR(op->display, "DELETE /things/<id>/");
    CHECK_STR(op->service, ".");
    CHECK_STR(op->path, "good.yml");
    CHECK_INT(op->line, 5);
  }
  an_openapi_diags_free(diags, nd);
  an_contract_set_delete(set);
  remove_files(dir, names, 6);
}

/* The change ids and classes of a diff, "class change key" a line. */
static char *changes_text(const an_contract_set *b, const an_contract_set *a) {
  an_contract_changes *ch = an_contract_diff(b, a);
  as_buf out = {0};
  as_buf_puts(&out, "");
  for (size_t i = 0; i < an_contract_nchanges(ch); i++) {
    const an_contract_change *c = an_contract_change_at(ch, i);
    as_buf_printf(&out, "%s %s %s\n", an_change_class_name(c->cls), c->change,
                  (c->before ? c->before : c->after)->key);
  }
  an_contract_changes_delete(ch);
  return out.data;
}

/* Items as analyses/scan.c derives them from code: no type, required only
 * when the handler reads the field unconditionally, no deprecated. */
static void test_code_derived(void) {
  an_contract_set *b = an_contract_set_new(), *a = an_contract_set_new();
  const char *svc = "webcode", *p = "webcode/app/api.py";
  an_contract_add(b, "http.operation", "POST /tickets", "", "POST /tickets", svc, p, 7);
  an_contract_add(b, "http.request-field", "POST /tickets body:subject", "required=1",
                  "request field 'subject' of POST /tickets", svc, p, 7);
  an_contract_add(b, "http.response-field", "POST /tickets response:priority", "",
                  "response field 'priority' of POST /tickets", svc, p, 7);
  an_contract_add(b, "http.operation", "GET /tickets/{}", "", "GET /tickets/<int:ticket_id>", svc,
                  p, 13);
  an_contract_add(b, "http.response-field", "GET /tickets/{} response:assignee", "",
                  "response field 'assignee' of GET /tickets/<int:ticket_id>", svc, p, 13);
  an_contract_add(b, "http.operation", "DELETE /tickets/{}", "", "DELETE /tickets/<int:ticket_id>",
                  svc, p, 18);

  an_contract_add(a, "http.operation", "POST /tickets", "", "POST /tickets", svc, p, 7);
  an_contract_add(a, "http.request-field", "POST /tickets body:subject", "required=1",
                  "request field 'subject' of POST /tickets", svc, p, 7);
  an_contract_add(a, "http.request-field", "POST /tickets body:tags", "",
                  "request field 'tags' of POST /tickets", svc, p, 7);
  an_contract_add(a, "http.request-field", "POST /tickets body:queue", "required=1",
                  "request field 'queue' of POST /tickets", svc, p, 7);
  an_contract_add(a, "http.response-field", "POST /tickets response:priority", "",
                  "response field 'priority' of POST /tickets", svc, p, 7);
  an_contract_add(a, "http.response-field", "POST /tickets response:eta", "",
                  "response field 'eta' of POST /tickets", svc, p, 7);
  /* the same route now documented by OpenAPI: no attribute in common, nothing to say */
  an_contract_add(a, "http.operation", "GET /tickets/{}", "deprecated=0", "GET /tickets/{id}", svc,
                  "webcode/openapi.yaml", 4);
  char *got = changes_text(b, a);
  CHECK_STR(got, "breaking http.operation-removed DELETE /tickets/{}\n"
                 "breaking http.request-field-newly-required POST /tickets body:queue\n"
                 "compatible http.request-field-added POST /tickets body:tags\n"
                 "breaking http.response-field-removed GET /tickets/{} response:assignee\n"
                 "compatible http.response-field-added POST /tickets response:eta\n");
  free(got);
  an_contract_changes *ch = an_contract_diff(b, a);
  for (size_t i = 0; i < an_contract_nchanges(ch); i++) {
    const an_contract_change *c = an_contract_change_at(ch, i);
    if (strcmp(c->change, "http.request-field-added") == 0)
      CHECK_STR(c->message, "Request field 'tags' of POST /tickets was added (before: absent; "
                            "after: present).");
    if (strcmp(c->change, "http.operation-removed") == 0)
      CHECK_STR(c->message, "Operation DELETE /tickets/<int:ticket_id> was removed (before: "
                            "present; after: absent).");
  }
  an_contract_changes_delete(ch);
  an_contract_set_delete(a);
  an_contract_set_delete(b);
}

/* The rules one by one, through the classifier directly. */
static void test_rules(void) {
  static const struct {
    const char *kind, *key, *before, *after; /* NULL: no item on that side */
    const char *want;                        /* "class change" lines */
  } cases[] = {
      {"http.param", "GET /a/{} path:id", "required=1\ntype=string", NULL,
       "breaking http.param-removed\n"},
      {"http.param", "GET /a query:q", "required=0\ntype=string", NULL,
       "potentially-breaking http.param-removed\n"},
      {"http.param", "GET /a query:q", NULL, "required=1\ntype=string",
       "breaking http.param-newly-required\n"},
      {"http.param", "GET /a query:q", NULL, "required=0\ntype=string",
       "compatible http.param-added\n"},
      {"http.param", "GET /a query:q", NULL, "", "compatible http.param-added\n"},
      {"http.param", "GET /a query:q", "required=1\ntype=string", "required=0\ntype=string",
       "compatible http.param-became-optional\n"},
      {"http.param", "GET /a query:q", "required=0\ntype=integer", "required=1\ntype=string",
       "breaking http.param-newly-required\nbreaking http.param-type-changed\n"},
      {"http.param", "GET /a query:q", "required=0\ntype=integer", "required=0", ""},
      {"http.request-field", "POST /a body:x", "required=0\ntype=string", NULL,
       "potentially-breaking http.request-field-removed\n"},
      {"http.request-field", "POST /a body:x", "required=0\ntype=string",
       "required=0\ntype=integer", "breaking http.request-field-type-changed\n"},
      {"http.request-field", "POST /a body:x", "required=1", "required=0",
       "compatible http.request-field-became-optional\n"},
      {"http.request-field", "POST /a body:x", "", "required=1", ""},
      {"http.request-field", "POST /a body", "required=0", "required=1",
       "breaking http.request-field-newly-required\n"},
      {"http.response-field", "GET /a 200:x", "type=string", NULL,
       "breaking http.response-field-removed\n"},
      {"http.response-field", "GET /a 200:x", NULL, "type=string",
       "compatible http.response-field-added\n"},
      {"http.response-field", "GET /a 200:x", "type=string", "type=string/date",
       "breaking http.response-field-type-changed\n"},
      {"http.response-field", "GET /a 200:x", "type=string", "", ""},
      {"http.operation", "GET /a", "deprecated=1", "deprecated=0",
       "compatible http.operation-reactivated\n"},
      {"http.operation", "GET /a", "", "deprecated=1", ""},
      {"http.webhook", "orderPaid", NULL, "x=1", "compatible http.webhook-added\n"},
      {"http.webhook", "orderPaid", "x=1", "x=2", "potentially-breaking http.webhook-changed\n"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    an_contract_set *b = an_contract_set_new(), *a = an_contract_set_new();
    if (cases[i].before)
      an_contract_add(b, cases[i].kind, cases[i].key, cases[i].before, NULL, ".", "x", 1);
    if (cases[i].after)
      an_contract_add(a, cases[i].kind, cases[i].key, cases[i].after, NULL, ".", "x", 1);
    an_contract_changes *ch = an_contract_diff(b, a);
    as_buf got = {0};
    as_buf_puts(&got, "");
    for (size_t k = 0; k < an_contract_nchanges(ch); k++) {
      const an_contract_change *c = an_contract_change_at(ch, k);
      as_buf_printf(&got, "%s %s\n", an_change_class_name(c->cls), c->change);
    }
    check_count_++;
    if (strcmp(got.data, cases[i].want) != 0) {
      fprintf(stderr, "%s: case %zu (%s \"%s\"): got \"%s\", expected \"%s\"\n", __FILE__, i,
              cases[i].kind, cases[i].key, got.data, cases[i].want);
      check_failures_++;
    }
    as_buf_free(&got);
    an_contract_changes_delete(ch);
    an_contract_set_delete(a);
    an_contract_set_delete(b);
  }
}

int main(void) {
  test_items();
  test_diff_truth();
  test_files();
  test_code_derived();
  test_rules();
  return CHECK_DONE();
}
