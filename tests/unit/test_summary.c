/* test_summary.c — the pull-request summary (Markdown) and the HTML report,
 * from a result built by hand. */
#include "check.h"
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

static an_result *make_result(void) {
  an_result *r = an_result_new();
  static const char *cats[] = {"user.contact.email", "user.name"};
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
                  .message = "Personal data a|b reaches <log>\nnext",
                  .state = AN_STATE_NEW};
  f.fingerprint = an_finding_fingerprint(r->arena, &f);
  an_result_add(r, &f);
  an_finding u = f;
  u.sink_kind = IR_SINK_STDOUT;
  u.rule_id = "assay/pii-to-stdout";
  u.sink_symbol = "users:app.handlers:create:print";
  u.line = 30;
  u.message = "unchanged one";
  u.state = AN_STATE_UNCHANGED;
  u.fingerprint = an_finding_fingerprint(r->arena, &u);
  an_result_add(r, &u);
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
                  .state = AN_STATE_ABSENT};
  g.fingerprint = an_finding_fingerprint(r->arena, &g);
  an_result_add(r, &g);
  return r;
}

static char *render_md(const an_result *r, const rp_summary *s) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  AS_ASSERT(f);
  CHECK_INT(rp_write_summary(r, s, f), 0);
  fclose(f);
  return buf;
}

static void test_markdown(void) {
  an_result *r = make_result();
  rp_exception exc = {"0123456789abcdef0123", "assay/pii-to-log", "ok | approved\nby DPO", NULL,
                      ".assay/policy.yaml"};
  rp_summary s = {"svc", "fail", "fail", NULL, "services/", &exc, 1};
  char *md = render_md(r, &s);
  const char *want =
      "# Assay check: fail\n"
      "\n"
      "Checked `svc`: 1 new, 1 unchanged, 1 absent.\n"
      "\n"
      "| Gate | Verdict | Details |\n"
      "|---|---|---|\n"
      "| Data flow | fail | 1 new, 1 unchanged, 1 absent, 0 suppressed |\n"
      "\n"
      "## New findings (1)\n"
      "\n"
      "| Rule | Categories | Sink | Location | Message |\n"
      "|---|---|---|---|---|\n"
      "| assay/pii-to-log | user.contact.email, user.name | log | "
      "[app/handlers.py:12](services/app/handlers.py#L12) | "
      "Personal data a\\|b reaches \\<log\\><br>next |\n"
      "\n"
      "## Absent findings (1)\n"
      "\n"
      "| Rule | Categories | Sink | Location | Message |\n"
      "|---|---|---|---|---|\n"
      "| assay/pii-to-file | user.contact.email | file | "
      "[src/my file.c:20](services/src/my%20file.c#L20) | Personal data reaches a file |\n"
      "\n"
      "## Exceptions applied (1)\n"
      "\n"
      "| Fingerprint | Rule | Reason | Expires | Origin |\n"
      "|---|---|---|---|---|\n"
      "| 0123456789ab | assay/pii-to-log | ok \\| approved<br>by DPO | never | "
      ".assay/policy.yaml |\n";
  CHECK_STR(md, want);
  free(md);

  /* No new finding, a suppressed one, a performance gate, no exceptions. */
  r->findings[0].state = AN_STATE_UNCHANGED;
  r->findings[0].suppressed_reason = "test_data";
  pf_report perf = {0};
  perf.counts[PF_IMPROVEMENT] = 2;
  perf.counts[PF_INCONCLUSIVE] = 1;
  rp_summary p = {"svc", "inconclusive", "pass", &perf, "", NULL, 0};
  md = render_md(r, &p);
  CHECK(strstr(md, "| Data flow | pass | 0 new, 2 unchanged, 1 absent, 1 suppressed |\n") != NULL);
  CHECK(strstr(md, "| Performance | inconclusive | 0 regressions, 2 improvements, 1 inconclusive "
                   "|\n") != NULL);
  CHECK(strstr(md, "## New findings (0)\n\nNone.\n") != NULL);
  CHECK(strstr(md, "[src/my file.c:20](src/my%20file.c#L20)") != NULL);
  CHECK(strstr(md, "Exceptions") == NULL);
  free(md);
  an_result_delete(r);
}

static void test_html(void) {
  an_result *r = make_result();
  rp_exception exc = {"fedcba9876543210", NULL, "it's <fine> & \"ok\"", "2030-01-01", "a.c:3"};
  rp_summary s = {"svc<x>", "fail", NULL, NULL, "", &exc, 1};
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  AS_ASSERT(f);
  char err[256] = {0};
  int rc = rp_write_html(r, &s, f, err, sizeof err);
  fclose(f);
  CHECK_INT(rc, 0);
  if (rc != 0) fprintf(stderr, "%s\n", err);
  CHECK(strncmp(buf, "<!DOCTYPE html>\n", 16) == 0);
  CHECK(strstr(buf, "<title>Assay check: svc&lt;x&gt;</title>") != NULL);
  CHECK(strstr(buf, "Personal data a|b reaches &lt;log&gt;\nnext") != NULL);
  CHECK(strstr(buf, "it&#39;s &lt;fine&gt; &amp; &quot;ok&quot;") != NULL);
  CHECK(strstr(buf, "<span id=\"count-new\">1</span>") != NULL);
  CHECK(strstr(buf, "<span id=\"count-absent\">1</span>") != NULL);
  CHECK(strstr(buf, "<?xml") == NULL);
  CHECK(strstr(buf, "<!DOCTYPE svg") == NULL);
  /* One <svg>, one edge group per finding (three fingerprints). */
  int nsvg = 0, nedges = 0;
  for (const char *p = buf; (p = strstr(p, "<svg")); p++)
    nsvg++;
  for (const char *p = buf; (p = strstr(p, "class=\"edge\"")); p++)
    nedges++;
  CHECK_INT(nsvg, 1);
  CHECK_INT(nedges, 3);
  CHECK(strstr(buf, "</svg>\n</div>\n</body>\n</html>\n") != NULL);
  free(buf);
  an_result_delete(r);
}

int main(void) {
  test_markdown();
  test_html();
  return CHECK_DONE();
}
