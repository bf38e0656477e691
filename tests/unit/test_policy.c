/* test_policy.c — the policy file's data types, approved flows and
 * exceptions (analyses/policy.c; its performance section is tested in
 * test_perf_ingest.c), and their application with inline suppressions. */
#include "check.h"

#include "analyses/catalogue.h"
#include "analyses/policy.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FP_A "9f2c5a1b03de11112222333344445555666677778888999900001111aaaabbbb"
#define FP_B "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

static int write_text(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  if (!f) return -1;
  fputs(text, f);
  return fclose(f);
}

/* Load text as a policy on 2026-11-25; want_err follows the file's path. */
static an_policy *load_(const char *text, int want_rc, const char *want_err, int line) {
  char path[] = "/tmp/assay-policy.XXXXXX";
  int fd = mkstemp(path);
  AS_ASSERT(fd >= 0);
  close(fd);
  AS_ASSERT(write_text(path, text) == 0);
  an_policy *p = an_policy_new();
  memcpy(p->today, "2026-11-25", 11);
  char err[512] = {0};
  int rc = an_policy_load(p, path, err, sizeof err);
  char *want = want_err ? as_sprintf("%s%s", path, want_err) : as_strdup("");
  check_count_++;
  if (rc != want_rc || strcmp(err, want) != 0) {
    fprintf(stderr, "%s:%d: policy gave %d \"%s\", expected %d \"%s\"\n", __FILE__, line, rc, err,
            want_rc, want);
    check_failures_++;
  }
  free(want);
  unlink(path);
  if (rc != 0) {
    an_policy_delete(p);
    return NULL;
  }
  return p;
}
#define expect_error(t, e) load_((t), -1, (e), __LINE__)
#define load_ok(t) load_((t), 0, NULL, __LINE__)

static void test_errors(void) {
  expect_error("exceptions:\n"
               "  - fingerprint: " FP_A "\n"
               "    expires: 2027-01-01\n",
               ":2: exception 9f2c5a1b03de\u2026 has no reason");
  expect_error("exceptions:\n"
               "  - fingerprint: " FP_A "\n"
               "    reason: \"  \"\n",
               ":3: exception 9f2c5a1b03de\u2026 has no reason");
  expect_error("exceptions:\n"
               "  - fingerprint: " FP_A "\n"
               "    reason: legacy export\n"
               "    expires: 2026-11-24\n",
               ":4: exception 9f2c5a1b03de\u2026 expired on 2026-11-24");
  expect_error("exceptions:\n"
               "  - fingerprint: " FP_A "\n"
               "    reason: legacy export\n"
               "    expires: 2026-02-30\n",
               ":4: exceptions: expires '2026-02-30' is not a date (YYYY-MM-DD)");
  expect_error("exceptions:\n"
               "  - fingerprint: 9f2c\n"
               "    reason: legacy export\n",
               ":2: exceptions: fingerprint '9f2c' is not 64 lowercase hex digits");
  expect_error("exceptions:\n"
               "  - fingerprint: " FP_A "\n"
               "    reasn: typo\n",
               ":3: exceptions: unknown key 'reasn'");
  expect_error("exceptions:\n"
               "  - {fingerprint: " FP_A ", reason: a}\n"
               "  - {fingerprint: " FP_A ", reason: b}\n",
               ":3: exception 9f2c5a1b03de\u2026 is listed twice (first on line 2)");
  expect_error("exception:\n  - fingerprint: " FP_A "\n",
               ":1: unknown key 'exception' (performance, data_types, approved_flows, "
               "exceptions)");
  expect_error("approved_flows:\n"
               "  - category: user.contact.email\n"
               "    sink: logs\n"
               "    reason: audit\n",
               ":3: approved_flows: unknown sink kind 'logs' (log, stdout, file, response, "
               "external, third-party, db-write, cookie, exception)");
  expect_error("approved_flows:\n"
               "  - category: user.contact.email\n"
               "    sink: log\n",
               ":2: approved flow user.contact.email -> log has no reason");
  expect_error("approved_flows:\n"
               "  - category: user.contact.email\n"
               "    sink: log\n"
               "    reason: audit\n"
               "    expires: 2025-12-31\n",
               ":5: approved flow user.contact.email -> log expired on 2025-12-31");
  expect_error("approved_flows:\n"
               "  - category: user.contact.email\n"
               "    sink: log\n"
               "    reason: audit\n"
               "    expires: 31/12/2027\n",
               ":5: approved_flows: expires '31/12/2027' is not a date (YYYY-MM-DD)");
  expect_error("approved_flows:\n  - sink: log\n    reason: audit\n",
               ":2: approved_flows: an entry has no category");
  expect_error("approved_flows: {category: x}\n",
               ":1: approved_flows must be a list of entries (- key: value)");
  expect_error("data_types:\n  - pattern: loyalty number\n",
               ":2: data_types: pattern 'loyalty number' has no category");
  expect_error("data_types:\n  - exclude: email template\n    category: x\n",
               ":3: data_types: an exclusion takes no category");
  expect_error("data_types:\n  - category: x\n",
               ":2: data_types: an entry needs either pattern (with category) or exclude");
  /* Today is still valid; an empty file is the defaults. */
  an_policy *p = load_ok("exceptions:\n"
                         "  - {fingerprint: " FP_A ", reason: r, expires: 2026-11-25}\n");
  CHECK(p != NULL);
  an_policy_delete(p);
  p = load_ok("");
  CHECK(p && p->nexceptions == 0 && p->nflows == 0 && p->ntypes == 0);
  an_policy_delete(p);
}

static void test_load(void) {
  an_policy *p = load_ok("# policy\n"
                         "data_types:\n"
                         "  - pattern: \"loyalty number\"\n"
                         "    category: user.financial.account_number\n"
                         "  - exclude: \"email template\"\n"
                         "approved_flows:\n"
                         "  - category: user.contact.email\n"
                         "    sink: log\n"
                         "    service: accounts\n"
                         "    reason: \"support needs the address (DPA-12)\"\n"
                         "    expires: 2027-06-30\n"
                         "exceptions:\n"
                         "  - fingerprint: " FP_B "\n"
                         "    reason: \"legacy export, removed in SHOP-431\"\n"
                         "performance:\n"
                         "  alpha: 0.01\n");
  AS_ASSERT(p != NULL);
  CHECK(p->perf.alpha == 0.01);
  CHECK_INT(p->ntypes, 2);
  CHECK_STR(p->types[0].words, "loyalty number");
  CHECK_STR(p->types[0].category, "user.financial.account_number");
  CHECK_STR(p->types[1].words, "email template");
  CHECK(p->types[1].category == NULL);
  CHECK_INT(p->nflows, 1);
  CHECK_STR(p->flows[0].category, "user.contact.email");
  CHECK_INT(p->flows[0].sink, IR_SINK_LOG);
  CHECK_STR(p->flows[0].service, "accounts");
  CHECK_STR(p->flows[0].reason, "support needs the address (DPA-12)");
  CHECK_STR(p->flows[0].expires, "2027-06-30");
  CHECK_INT(p->flows[0].line, 7);
  CHECK_INT(p->nexceptions, 1);
  CHECK_STR(p->exceptions[0].fingerprint, FP_B);
  CHECK(p->exceptions[0].expires == NULL);
  CHECK_INT(strlen(p->sha256), 64);
  CHECK(p->path != NULL);

  /* The data types reach a catalogue. */
  an_catalogue *cat = an_catalogue_new_default();
  char err[256] = {0};
  CHECK_INT(an_policy_add_types(p, cat, err, sizeof err), 0);
  CHECK_STR(an_catalogue_classify(cat, "loyaltyNumber"), "user.financial.account_number");
  CHECK(an_catalogue_classify(cat, "email_template") == NULL);
  CHECK_STR(an_catalogue_classify(cat, "email"), "user.contact.email");
  an_catalogue_delete(cat);
  an_policy_delete(p);
}

static void add_finding(an_result *res, const char *path, uint32_t line, const char *cat,
                        const char *service, const char *fp, an_state st) {
  const char *cats[] = {cat};
  an_finding f = {.rule_id = "assay/pii-to-log",
                  .sink_kind = IR_SINK_LOG,
                  .categories = cats,
                  .ncategories = 1,
                  .service = service,
                  .fingerprint = fp,
                  .path = path,
                  .line = line,
                  .col = 5,
                  .message = "m",
                  .state = st};
  an_result_add(res, &f);
}

static void test_apply(void) {
  char dir[] = "/tmp/assay-policy-tree.XXXXXX";
  AS_ASSERT(mkdtemp(dir) != NULL);
  char *svc = as_sprintf("%s/svc", dir);
  mkdir(svc, 0755);
  char *src = as_sprintf("%s/svc/a.py", dir);
  AS_ASSERT(write_text(src, "import logging\n"
                            "def f(user):\n"
                            "    # assay: allow pii-to-log -- audit trail (SEC-9)\n"
                            "    logging.info(user.email)\n"
                            "    logging.info(user.name)  # assay: allow assay/pii-to-stdout -- x\n"
                            "    logging.info(user.phone)\n"
                            "    logging.info(user.ssn)\n") == 0);
  an_policy *p = load_ok("approved_flows:\n"
                         "  - category: user.contact\n"
                         "    sink: log\n"
                         "    service: svc\n"
                         "    reason: support (DPA-12)\n"
                         "    expires: 2027-06-30\n"
                         "exceptions:\n"
                         "  - fingerprint: " FP_B "\n"
                         "    reason: legacy export\n"
                         "  - fingerprint: " FP_A "\n"
                         "    reason: unused\n");
  AS_ASSERT(p != NULL);
  an_result *res = an_result_new();
  add_finding(res, "svc/a.py", 4, "user.contact.email", "svc", "e1", AN_STATE_NEW); /* inline */
  add_finding(res, "svc/a.py", 5, "user.name", "svc", "e2", AN_STATE_NEW);          /* other rule */
  add_finding(res, "svc/a.py", 6, "user.contact.phone_number", "svc", "e3",
              AN_STATE_NEW); /* flow */
  add_finding(res, "svc/a.py", 6, "user.contact.phone_number", "web", "e4", AN_STATE_NEW);
  add_finding(res, "svc/a.py", 7, "user.government_id", "svc", FP_B, AN_STATE_UNCHANGED);
  add_finding(res, "svc/a.py", 7, "user.contact.email", "svc", "e6", AN_STATE_ABSENT);
  char err[256] = {0};
  CHECK_INT(an_policy_apply(p, res, dir, err, sizeof err), 0);
  CHECK_STR(err, "");
  CHECK_STR(res->findings[0].suppressed_reason, "audit trail (SEC-9)");
  CHECK_STR(res->findings[0].suppressed_origin, "svc/a.py:3");
  CHECK(res->findings[1].suppressed_reason == NULL);
  CHECK_STR(res->findings[2].suppressed_reason, "support (DPA-12)");
  CHECK_STR(res->findings[2].suppressed_origin, p->path);
  CHECK(res->findings[3].suppressed_reason == NULL); /* another service */
  CHECK_STR(res->findings[4].suppressed_reason, "legacy export");
  CHECK(res->findings[5].suppressed_reason == NULL); /* absent findings are left alone */
  CHECK_INT(p->napplied, 3);
  if (p->napplied == 3) {
    CHECK_STR(p->applied[0].fingerprint, "e1");
    CHECK_STR(p->applied[0].rule, "assay/pii-to-log");
    CHECK_STR(p->applied[0].origin, "svc/a.py:3");
    CHECK_STR(p->applied[1].expires, "2027-06-30");
    CHECK_STR(p->applied[2].reason, "legacy export");
  }
  CHECK_INT(p->flows[0].used, 1);
  CHECK_INT(p->exceptions[0].used, 1);
  CHECK_INT(p->exceptions[1].used, 0);
  an_result_delete(res);

  /* A comment without a reason is an error, with or without " -- ". */
  AS_ASSERT(write_text(src, "import logging\n"
                            "def f(user):\n"
                            "    logging.info(user.email)  // assay: allow pii-to-log\n") == 0);
  res = an_result_new();
  add_finding(res, "svc/a.py", 3, "user.contact.email", "svc", "e1", AN_STATE_NONE);
  CHECK_INT(an_policy_apply(p, res, dir, err, sizeof err), -1);
  CHECK_STR(err, "svc/a.py:3: suppression of pii-to-log has no reason");
  AS_ASSERT(write_text(src, "import logging\n"
                            "/* assay: allow assay/pii-to-log --  */\n"
                            "    logging.info(user.email)\n") == 0);
  CHECK_INT(an_policy_apply(p, res, dir, err, sizeof err), -1);
  CHECK_STR(err, "svc/a.py:2: suppression of assay/pii-to-log has no reason");
  AS_ASSERT(write_text(src, "import logging\n"
                            "<!-- assay: allow assay/pii-to-log -- shown to the owner -->\n"
                            "    logging.info(user.email)\n") == 0);
  CHECK_INT(an_policy_apply(p, res, dir, err, sizeof err), 0);
  CHECK_STR(res->findings[0].suppressed_reason, "shown to the owner");
  an_result_delete(res);

  an_policy_delete(p);
  unlink(src);
  rmdir(svc);
  rmdir(dir);
  free(src);
  free(svc);
}

int main(void) {
  test_errors();
  test_load();
  test_apply();
  return CHECK_DONE();
}
