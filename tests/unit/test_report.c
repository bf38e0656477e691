/* test_report.c — SARIF, JSON, text and attestation writers, read back. */
#include "check.h"
#include "report/report.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];

static an_result *make_result(void) {
  an_result *r = an_result_new();
  static const char *cats[] = {"user.contact.email", "user.name"};
  an_step steps[3] = {
      {"app/models.py", 4, 5, "app.models:User", "user.email is classified user.contact.email",
       NULL, 0},
      {"app/handlers.py", 10, 9, "app.handlers:create", "copied into msg", NULL, 0},
      {"app/handlers.py", 12, 5, "app.handlers:create", "msg reaches logging.info", NULL, 0},
  };
  an_finding f = {.rule_id = "assay/pii-to-log",
                  .sink_kind = IR_SINK_LOG,
                  .categories = cats,
                  .ncategories = 2,
                  .service = "users",
                  .source_symbol = "users:app.models:User:email",
                  .sink_symbol = "users:app.handlers:create:logging.info",
                  .path = "app/handlers.py",
                  .line = 12,
                  .col = 5,
                  .message = "Personal data (user.contact.email) reaches logging.info",
                  .steps = steps,
                  .nsteps = 3,
                  .state = AN_STATE_NEW};
  f.fingerprint = an_finding_fingerprint(r->arena, &f);
  an_result_add(r, &f);
  an_step one = {"src/my file.c", 20, 3, "src/my file.c:dump", "p->ssn reaches fprintf", NULL, 0};
  an_finding g = {.rule_id = "assay/pii-to-file",
                  .sink_kind = IR_SINK_FILE,
                  .categories = cats,
                  .ncategories = 1,
                  .service = "legacy",
                  .source_symbol = "legacy:src/my file.c:dump:ssn",
                  .sink_symbol = "legacy:src/my file.c:dump:fprintf",
                  .path = "src/my file.c",
                  .line = 20,
                  .col = 3,
                  .message = "Personal data reaches a file",
                  .steps = &one,
                  .nsteps = 1,
                  .state = AN_STATE_ABSENT};
  g.fingerprint = an_finding_fingerprint(r->arena, &g);
  an_result_add(r, &g);
  as_diag d = {AS_DIAG_ERROR, "app/broken.py", 3, 7, "parse-error", "invalid syntax"};
  an_result_add_diag(r, &d);
  r->files_scanned = 14;
  r->files_failed = 1;
  r->lines_scanned = 812;
  return r;
}

static json_t *write_and_parse(int (*writer)(const an_result *, const rp_options *, FILE *),
                               const an_result *r, const rp_options *opt, const char *name) {
  char *p = as_sprintf("%s/%s", dir, name);
  FILE *f = fopen(p, "w");
  AS_ASSERT(f);
  CHECK_INT(writer(r, opt, f), 0);
  fclose(f);
  json_error_t jerr;
  json_t *root = json_load_file(p, 0, &jerr);
  if (!root) fprintf(stderr, "%s: %s\n", p, jerr.text);
  CHECK(root != NULL);
  unlink(p);
  free(p);
  return root;
}

#define JGET(o, k) json_object_get((o), (k))
#define JSTR(o, k) json_string_value(json_object_get((o), (k)))
#define JINT(o, k) json_integer_value(json_object_get((o), (k)))

static void test_sarif(void) {
  an_result *r = make_result();
  rp_options opt = {"0.1.0", true, NULL};
  json_t *root = write_and_parse(rp_write_sarif, r, &opt, "out.sarif");
  if (!root) return;
  CHECK_STR(JSTR(root, "version"), "2.1.0");
  CHECK_STR(JSTR(root, "$schema"), "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK_INT(json_array_size(JGET(root, "runs")), 1);
  json_t *run = json_array_get(JGET(root, "runs"), 0);
  json_t *driver = JGET(JGET(run, "tool"), "driver");
  CHECK_STR(JSTR(driver, "name"), "Assay");
  CHECK_STR(JSTR(driver, "version"), "0.1.0");
  CHECK_STR(JSTR(driver, "informationUri"), "https://assay.dev");
  json_t *rules = JGET(driver, "rules");
  CHECK_INT(json_array_size(rules), 18);
  const char *ids[] = {"assay/pii-to-log",
                       "assay/pii-to-stdout",
                       "assay/pii-to-file",
                       "assay/pii-to-response",
                       "assay/pii-to-external",
                       "assay/pii-to-third-party",
                       "assay/pii-to-db-write",
                       "assay/pii-to-cookie",
                       "assay/pii-to-exception",
                       "assay/contract-field-missing",
                       "assay/contract-field-unread",
                       "assay/surface-endpoint-added",
                       "assay/surface-auth-removed",
                       "assay/surface-response-pii",
                       "assay/access-pii-read",
                       "assay/access-pii-write",
                       "assay/access-table-added",
                       "assay/parse-error"};
  for (size_t i = 0; i < 18; i++)
    CHECK_STR(JSTR(json_array_get(rules, i), "id"), ids[i]);
  /* Every sink kind the analysis can report has its rule, with help text. */
  for (int k = IR_SINK_LOG; k < IR_SINK__COUNT; k++) {
    bool found = false;
    for (size_t i = 0; i < json_array_size(rules); i++) {
      json_t *r = json_array_get(rules, i);
      if (strcmp(JSTR(r, "id"), ir_sink_kind_rule((ir_sink_kind)k)) == 0)
        found = JSTR(JGET(r, "help"), "text") != NULL;
    }
    CHECK(found);
  }
  json_t *r0 = json_array_get(rules, 0);
  CHECK_STR(JSTR(r0, "name"), "PiiToLog");
  CHECK_STR(JSTR(JGET(r0, "shortDescription"), "text"), "Personal data reaches a log");
  CHECK(JSTR(JGET(r0, "fullDescription"), "text") != NULL);
  CHECK(JSTR(JGET(r0, "help"), "markdown") != NULL);
  CHECK_STR(JSTR(JGET(r0, "defaultConfiguration"), "level"), "error");
  json_t *tags = JGET(JGET(r0, "properties"), "tags");
  CHECK_INT(json_array_size(tags), 2);
  CHECK_STR(json_string_value(json_array_get(tags, 0)), "security");
  CHECK_STR(json_string_value(json_array_get(tags, 1)), "privacy");
  json_t *r3 = json_array_get(rules, 17);
  CHECK_STR(JSTR(r3, "name"), "ParseError");
  CHECK_STR(JSTR(JGET(r3, "defaultConfiguration"), "level"), "warning");

  json_t *results = JGET(run, "results");
  CHECK_INT(json_array_size(results), 2);
  json_t *res = json_array_get(results, 0);
  CHECK_STR(JSTR(res, "ruleId"), "assay/pii-to-log");
  CHECK_INT(JINT(res, "ruleIndex"), 0);
  CHECK_STR(JSTR(res, "level"), "error");
  CHECK_STR(JSTR(JGET(res, "message"), "text"),
            "Personal data (user.contact.email) reaches logging.info");
  CHECK_STR(JSTR(res, "baselineState"), "new");
  CHECK_STR(JSTR(JGET(res, "partialFingerprints"), "assayFingerprint/v1"),
            r->findings[0].fingerprint);
  json_t *phys = JGET(json_array_get(JGET(res, "locations"), 0), "physicalLocation");
  CHECK_STR(JSTR(JGET(phys, "artifactLocation"), "uri"), "app/handlers.py");
  CHECK_STR(JSTR(JGET(phys, "artifactLocation"), "uriBaseId"), "SRCROOT");
  CHECK_INT(JINT(JGET(phys, "region"), "startLine"), 12);
  CHECK_INT(JINT(JGET(phys, "region"), "startColumn"), 5);
  json_t *cfs = JGET(res, "codeFlows");
  CHECK_INT(json_array_size(cfs), 1);
  json_t *tlocs = JGET(json_array_get(JGET(json_array_get(cfs, 0), "threadFlows"), 0), "locations");
  CHECK_INT(json_array_size(tlocs), 3);
  const char *step_uris[] = {"app/models.py", "app/handlers.py", "app/handlers.py"};
  const int step_lines[] = {4, 10, 12};
  for (size_t i = 0; i < 3; i++) {
    json_t *loc = JGET(json_array_get(tlocs, i), "location");
    json_t *pl = JGET(loc, "physicalLocation");
    CHECK_STR(JSTR(JGET(pl, "artifactLocation"), "uri"), step_uris[i]);
    CHECK_INT(JINT(JGET(pl, "region"), "startLine"), step_lines[i]);
    CHECK_STR(JSTR(JGET(loc, "message"), "text"), r->findings[0].steps[i].message);
  }
  json_t *props = JGET(res, "properties");
  CHECK_INT(json_array_size(JGET(props, "categories")), 2);
  CHECK_STR(json_string_value(json_array_get(JGET(props, "categories"), 1)), "user.name");
  CHECK_STR(JSTR(props, "sinkKind"), "log");
  CHECK_STR(JSTR(props, "sourceSymbol"), "users:app.models:User:email");
  CHECK_STR(JSTR(props, "sinkSymbol"), "users:app.handlers:create:logging.info");
  CHECK_STR(JSTR(props, "service"), "users");

  json_t *res1 = json_array_get(results, 1);
  CHECK_STR(JSTR(res1, "ruleId"), "assay/pii-to-file");
  CHECK_INT(JINT(res1, "ruleIndex"), 2);
  CHECK_STR(JSTR(res1, "level"), "note");
  CHECK_STR(JSTR(res1, "baselineState"), "absent");
  json_t *al1 = JGET(JGET(json_array_get(JGET(res1, "locations"), 0), "physicalLocation"),
                     "artifactLocation");
  CHECK_STR(JSTR(al1, "uri"), "src/my%20file.c");
  CHECK_STR(JSTR(JGET(res1, "properties"), "sinkKind"), "file");

  json_t *inv = json_array_get(JGET(run, "invocations"), 0);
  CHECK(json_is_true(JGET(inv, "executionSuccessful")));
  json_t *notes = JGET(inv, "toolExecutionNotifications");
  CHECK_INT(json_array_size(notes), 1);
  json_t *n0 = json_array_get(notes, 0);
  CHECK_STR(JSTR(n0, "level"), "error");
  CHECK_STR(JSTR(JGET(n0, "message"), "text"), "invalid syntax");
  json_t *npl = JGET(json_array_get(JGET(n0, "locations"), 0), "physicalLocation");
  CHECK_STR(JSTR(JGET(npl, "artifactLocation"), "uri"), "app/broken.py");
  CHECK_INT(JINT(JGET(npl, "region"), "startLine"), 3);
  CHECK_STR(JSTR(JGET(n0, "associatedRule"), "id"), "assay/parse-error");
  CHECK_INT(JINT(JGET(n0, "associatedRule"), "index"), 17);
  CHECK(JGET(JGET(run, "originalUriBaseIds"), "SRCROOT") != NULL);
  json_decref(root);

  /* Without states: no baselineState anywhere. */
  opt.with_states = false;
  root = write_and_parse(rp_write_sarif, r, &opt, "out2.sarif");
  if (root) {
    json_t *rs = JGET(json_array_get(JGET(root, "runs"), 0), "results");
    CHECK(JGET(json_array_get(rs, 0), "baselineState") == NULL);
    CHECK(JGET(json_array_get(rs, 1), "baselineState") == NULL);
    CHECK_INT(json_array_size(JGET(json_array_get(JGET(root, "runs"), 0), "results")), 2);
    json_decref(root);
  }

  /* Deterministic: two writes give the same bytes. */
  char *out1 = NULL, *out2 = NULL;
  size_t n1 = 0, n2 = 0;
  FILE *m1 = open_memstream(&out1, &n1), *m2 = open_memstream(&out2, &n2);
  CHECK_INT(rp_write_sarif(r, &opt, m1), 0);
  CHECK_INT(rp_write_sarif(r, &opt, m2), 0);
  fclose(m1);
  fclose(m2);
  CHECK(n1 == n2 && n1 > 0 && memcmp(out1, out2, n1) == 0);
  free(out1);
  free(out2);
  an_result_delete(r);
}

static void test_json(void) {
  an_result *r = make_result();
  rp_options opt = {"0.1.0", true, NULL};
  json_t *root = write_and_parse(rp_write_json, r, &opt, "out.json");
  if (!root) return;
  CHECK_STR(JSTR(root, "version"), "0.1.0");
  json_t *fs = JGET(root, "findings");
  CHECK_INT(json_array_size(fs), 2);
  json_t *f = json_array_get(fs, 0);
  CHECK_STR(JSTR(f, "rule"), "assay/pii-to-log");
  CHECK_STR(JSTR(f, "sink"), "log");
  CHECK_INT(json_array_size(JGET(f, "categories")), 2);
  CHECK_STR(json_string_value(json_array_get(JGET(f, "categories"), 0)), "user.contact.email");
  CHECK_STR(JSTR(f, "service"), "users");
  CHECK_STR(JSTR(f, "source"), "users:app.models:User:email");
  CHECK_STR(JSTR(f, "sink_symbol"), "users:app.handlers:create:logging.info");
  CHECK_STR(JSTR(f, "fingerprint"), r->findings[0].fingerprint);
  CHECK_STR(JSTR(f, "file"), "app/handlers.py");
  CHECK_INT(JINT(f, "line"), 12);
  CHECK_INT(JINT(f, "col"), 5);
  CHECK_STR(JSTR(f, "state"), "new");
  CHECK_STR(JSTR(json_array_get(fs, 1), "state"), "absent");
  json_t *steps = JGET(f, "steps");
  CHECK_INT(json_array_size(steps), 3);
  CHECK_STR(JSTR(json_array_get(steps, 0), "file"), "app/models.py");
  CHECK_STR(JSTR(json_array_get(steps, 0), "function"), "app.models:User");
  CHECK_INT(JINT(json_array_get(steps, 2), "line"), 12);
  json_t *d = json_array_get(JGET(root, "diagnostics"), 0);
  CHECK_STR(JSTR(d, "level"), "error");
  CHECK_STR(JSTR(d, "file"), "app/broken.py");
  CHECK_INT(JINT(d, "line"), 3);
  CHECK_INT(JINT(d, "col"), 7);
  CHECK_STR(JSTR(d, "code"), "parse-error");
  CHECK_STR(JSTR(d, "message"), "invalid syntax");
  json_t *st = JGET(root, "stats");
  CHECK_INT(JINT(st, "files"), 14);
  CHECK_INT(JINT(st, "failed"), 1);
  CHECK_INT(JINT(st, "lines"), 812);
  json_decref(root);

  opt.with_states = false;
  root = write_and_parse(rp_write_json, r, &opt, "out2.json");
  if (root) {
    CHECK(JGET(json_array_get(JGET(root, "findings"), 0), "state") == NULL);
    json_decref(root);
  }
  an_result_delete(r);
}

static char *text_of(const an_result *r, const rp_options *opt) {
  char *out = NULL;
  size_t n = 0;
  FILE *m = open_memstream(&out, &n);
  CHECK_INT(rp_write_text(r, opt, m), 0);
  fclose(m);
  return out;
}

static void test_text(void) {
  an_result *r = make_result();
  rp_options opt = {"0.1.0", true, NULL};
  char *out = text_of(r, &opt);
  CHECK_STR(out, "app/handlers.py:12:5: [new] assay/pii-to-log user.contact.email,user.name: "
                 "Personal data (user.contact.email) reaches logging.info\n"
                 "    app/models.py:4:5: user.email is classified user.contact.email\n"
                 "    app/handlers.py:10:9: copied into msg\n"
                 "    app/handlers.py:12:5: msg reaches logging.info\n"
                 "src/my file.c:20:3: [absent] assay/pii-to-file user.contact.email: "
                 "Personal data reaches a file\n"
                 "    src/my file.c:20:3: p->ssn reaches fprintf\n"
                 "app/broken.py:3:7: error: invalid syntax [parse-error]\n"
                 "2 findings (1 new, 0 unchanged, 1 absent), 14 files scanned, 1 failed\n");
  free(out);
  opt.with_states = false;
  an_result *empty = an_result_new();
  empty->files_scanned = 3;
  out = text_of(empty, &opt);
  CHECK_STR(out, "0 findings, 3 files scanned, 0 failed\n");
  free(out);
  out = text_of(r, &opt);
  const char *want = "app/handlers.py:12:5: assay/pii-to-log user.contact.email,user.name: "
                     "Personal data (user.contact.email) reaches logging.info\n";
  CHECK(strncmp(out, want, strlen(want)) == 0);
  CHECK(strstr(out, "[new]") == NULL);
  free(out);
  an_result_delete(empty);
  an_result_delete(r);
}

static void test_attestation(void) {
  char *p = as_sprintf("%s/attestation.json", dir);
  rp_attestation a = {.subject_name = "services/",
                      .digest_alg = "gitCommit",
                      .digest = "0123456789abcdef0123456789abcdef01234567",
                      .verdict = "fail",
                      .n_new = 2,
                      .n_unchanged = 5,
                      .n_absent = 1,
                      .baseline_path = ".assay/baseline.db",
                      .baseline_sha256 = "aa11",
                      .baseline_commit = "fedcba",
                      .tool_version = "0.1.0"};
  rp_evidence ev[2] = {{"sarif", "reports/check.sarif", "11aa"},
                       {"report-json", "reports/check.json", "22bb"}};
  rp_exception ex[2] = {
      {"fp1", "assay/pii-to-log", "legal approved", "2027-01-31", ".assay/policy.yaml"},
      {"fp2", "assay/pii-to-stdout", "debug only", NULL, "svc/a.py:3"}};
  a.evidence = ev;
  a.nevidence = 2;
  a.policy_path = ".assay/policy.yaml";
  a.policy_sha256 = "33cc";
  a.exceptions = ex;
  a.nexceptions = 2;
  char err[512] = "";
  CHECK_INT(rp_write_attestation(&a, p, err, sizeof err), 0);
  json_error_t jerr;
  json_t *root = json_load_file(p, 0, &jerr);
  CHECK(root != NULL);
  if (root) {
    CHECK_STR(JSTR(root, "_type"), "https://in-toto.io/Statement/v1");
    CHECK_STR(JSTR(root, "predicateType"), "https://assay.dev/attestation/check/v1");
    json_t *subj = json_array_get(JGET(root, "subject"), 0);
    CHECK_INT(json_array_size(JGET(root, "subject")), 1);
    CHECK_STR(JSTR(subj, "name"), "services/");
    CHECK_STR(JSTR(JGET(subj, "digest"), "gitCommit"), a.digest);
    json_t *pred = JGET(root, "predicate");
    CHECK_STR(JSTR(pred, "verdict"), "fail");
    CHECK_STR(JSTR(JGET(pred, "tool"), "name"), "assay");
    CHECK_STR(JSTR(JGET(pred, "tool"), "version"), "0.1.0");
    CHECK_INT(JINT(JGET(pred, "counts"), "new"), 2);
    CHECK_INT(JINT(JGET(pred, "counts"), "unchanged"), 5);
    CHECK_INT(JINT(JGET(pred, "counts"), "absent"), 1);
    json_t *flow = JGET(JGET(pred, "gates"), "dataFlow");
    CHECK_STR(JSTR(flow, "verdict"), "fail");
    CHECK_INT(JINT(flow, "new"), 2);
    CHECK_INT(JINT(JGET(flow, "counts"), "absent"), 1);
    CHECK_INT(json_array_size(JGET(flow, "evidence")), 2);
    CHECK_STR(json_string_value(json_array_get(JGET(flow, "evidence"), 0)), "sarif");
    /* Every gate is present: the ones not run or not evaluated say so. */
    CHECK_STR(JSTR(JGET(JGET(pred, "gates"), "performance"), "verdict"), "not-run");
    CHECK_STR(JSTR(JGET(JGET(pred, "gates"), "dataAccess"), "verdict"), "not-evaluated");
    CHECK_STR(JSTR(JGET(JGET(pred, "gates"), "contract"), "verdict"), "not-evaluated");
    json_t *bl = JGET(pred, "baseline");
    CHECK_STR(JSTR(bl, "path"), ".assay/baseline.db");
    CHECK_STR(JSTR(JGET(bl, "digest"), "sha256"), "aa11");
    CHECK_STR(JSTR(bl, "commit"), "fedcba");
    json_t *evs = JGET(pred, "evidence");
    CHECK_INT(json_array_size(evs), 2);
    CHECK_STR(JSTR(json_array_get(evs, 0), "role"), "sarif");
    CHECK_STR(JSTR(json_array_get(evs, 0), "path"), "reports/check.sarif");
    CHECK_STR(JSTR(JGET(json_array_get(evs, 0), "digest"), "sha256"), "11aa");
    CHECK_STR(JSTR(json_array_get(evs, 1), "role"), "report-json");
    CHECK_STR(JSTR(JGET(json_array_get(evs, 1), "digest"), "sha256"), "22bb");
    json_t *pol = JGET(pred, "policy");
    CHECK_STR(JSTR(pol, "path"), ".assay/policy.yaml");
    CHECK_STR(JSTR(JGET(pol, "digest"), "sha256"), "33cc");
    json_t *exs = JGET(pred, "exceptions");
    CHECK_INT(json_array_size(exs), 2);
    json_t *x0 = json_array_get(exs, 0), *x1 = json_array_get(exs, 1);
    CHECK_STR(JSTR(x0, "fingerprint"), "fp1");
    CHECK_STR(JSTR(x0, "rule"), "assay/pii-to-log");
    CHECK_STR(JSTR(x0, "reason"), "legal approved");
    CHECK_STR(JSTR(x0, "expires"), "2027-01-31");
    CHECK_STR(JSTR(x0, "origin"), ".assay/policy.yaml");
    CHECK_STR(JSTR(x1, "reason"), "debug only");
    CHECK(JGET(x1, "expires") == NULL);
    CHECK_STR(JSTR(x1, "origin"), "svc/a.py:3");
    json_decref(root);
  }
  /* Overwrite: no commit, evidence, policy or exception this time (the
   * evidence and exceptions arrays stay, empty); no temp file left behind. */
  a.baseline_commit = NULL;
  a.verdict = "pass";
  a.nevidence = 0;
  a.policy_path = NULL;
  a.nexceptions = 0;
  CHECK_INT(rp_write_attestation(&a, p, err, sizeof err), 0);
  root = json_load_file(p, 0, &jerr);
  CHECK(root != NULL);
  if (root) {
    CHECK(JGET(JGET(JGET(root, "predicate"), "baseline"), "commit") == NULL);
    CHECK_STR(JSTR(JGET(root, "predicate"), "verdict"), "pass");
    CHECK(json_is_array(JGET(JGET(root, "predicate"), "evidence")));
    CHECK_INT(json_array_size(JGET(JGET(root, "predicate"), "evidence")), 0);
    CHECK(JGET(JGET(root, "predicate"), "policy") == NULL);
    CHECK(json_is_array(JGET(JGET(root, "predicate"), "exceptions")));
    CHECK_INT(json_array_size(JGET(JGET(root, "predicate"), "exceptions")), 0);
    json_decref(root);
  }
  char *tmp = as_sprintf("%s.tmp.%ld", p, (long)getpid());
  struct stat sb;
  CHECK(stat(tmp, &sb) != 0);
  free(tmp);
  unlink(p);

  /* An unwritable place: the error names the file. */
  char *bad = as_sprintf("%s/no/such/dir/att.json", dir);
  CHECK_INT(rp_write_attestation(&a, bad, err, sizeof err), -1);
  char *want = as_sprintf("cannot write attestation %s: No such file or directory", bad);
  CHECK_STR(err, want);
  free(want);
  free(bad);
  free(p);
}

int main(void) {
  snprintf(dir, sizeof dir, "/tmp/assay-report-XXXXXX");
  if (!mkdtemp(dir)) {
    perror("mkdtemp");
    return 1;
  }
  test_sarif();
  test_json();
  test_text();
  test_attestation();
  if (rmdir(dir) != 0) {
    fprintf(stderr, "temp dir %s not empty\n", dir);
    return 1;
  }
  return CHECK_DONE();
}
