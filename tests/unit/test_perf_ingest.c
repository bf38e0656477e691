/* test_perf_ingest.c — reading benchmark files (the files in tests/perf), the
 * message of every malformed input, the policy file, and the baseline's
 * performance tables (schema v2, v1 read as it is). */
#include "analyses/perf.h"
#include "analyses/policy.h"
#include "baselines/store.h"
#include "check.h"

#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

static void check_samples(const pf_bench *b, const double *want, size_t n) {
  CHECK(b != NULL);
  if (!b) return;
  CHECK_INT(b->nsamples, n);
  for (size_t i = 0; i < n && i < b->nsamples; i++)
    CHECK(b->samples[i] == want[i]);
}

static void test_google(void) {
  pf_set *s = pf_set_new();
  char err[512] = {0};
  CHECK_INT(pf_ingest_file(s, "tests/perf/gbench.json", err, sizeof err), 0);
  CHECK_STR(err, "");
  CHECK_INT(s->len, 2); /* the four aggregate rows are skipped */
  /* us -> ns; repetitions in file order */
  double parse[] = {1500, 1250, 1750}, hash[] = {20, 22};
  const pf_bench *b = pf_set_find(s, "BM_Parse/64", PF_UNIT_NS);
  check_samples(b, parse, 3);
  check_samples(pf_set_find(s, "BM_Hash", PF_UNIT_NS), hash, 2);
  if (b) {
    /* host_name, date, executable, caches and load are not the environment */
    CHECK_STR(b->environment, "{\"library_build_type\":\"release\",\"mhz_per_cpu\":2400,"
                              "\"num_cpus\":8}");
    CHECK_STR(b->source, "tests/perf/gbench.json");
  }
  pf_set_delete(s);
}

static void test_hyperfine_and_assay(void) {
  pf_set *s = pf_set_new();
  char err[512] = {0};
  CHECK_INT(pf_ingest_file(s, "tests/perf/hyperfine.json", err, sizeof err), 0);
  double sortn[] = {12000000, 12500000, 13000000}; /* seconds -> ns */
  check_samples(pf_set_find(s, "sort -n big.txt", PF_UNIT_NS), sortn, 3);
  CHECK(pf_set_find(s, "sort -g big.txt", PF_UNIT_NS) != NULL);
  CHECK_STR(s->items[0].environment, "{}");
  CHECK_INT(pf_ingest_file(s, "tests/perf/assay.json", err, sizeof err), 0);
  CHECK_INT(s->len, 4);
  double ir[] = {123456789}, ns[] = {1000, 1100.5, 900};
  check_samples(pf_set_find(s, "scan-corpus", PF_UNIT_INSTRUCTIONS), ir, 1);
  const pf_bench *b = pf_set_find(s, "scan-corpus", PF_UNIT_NS);
  check_samples(b, ns, 3);
  if (b) CHECK_STR(b->environment, "{\"cores\":4,\"cpu\":\"Test CPU\",\"kernel\":\"Linux 6.1\"}");
  /* The same file twice: the second is refused whole, the set unchanged. */
  CHECK_INT(pf_ingest_file(s, "tests/perf/assay.json", err, sizeof err), -1);
  CHECK_STR(err, "tests/perf/assay.json: benchmark 'scan-corpus' (instructions) is already in "
                 "tests/perf/assay.json");
  CHECK_INT(s->len, 4);

  /* Written back in Assay's format and read again: the same. */
  char path[] = "/tmp/assay-perf-rt.XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  FILE *f = fdopen(fd, "w");
  pf_set *one = pf_set_new();
  pf_set_add(one, "x", PF_UNIT_NS, ns, 3, "{\"cpu\":\"A\"}", NULL);
  CHECK_INT(pf_write_json(one, f), 0);
  fclose(f);
  pf_set *back = pf_set_new();
  CHECK_INT(pf_ingest_file(back, path, err, sizeof err), 0);
  check_samples(pf_set_find(back, "x", PF_UNIT_NS), ns, 3);
  if (back->len) CHECK_STR(back->items[0].environment, "{\"cpu\":\"A\"}");
  unlink(path);
  pf_set_delete(back);
  pf_set_delete(one);
  pf_set_delete(s);
}

/* expect_bad(TEXT, MESSAGE): ingesting TEXT as "b.json" fails with exactly
 * MESSAGE and adds nothing. */
static void expect_bad_(const char *text, const char *want, int line) {
  pf_set *s = pf_set_new();
  char err[512] = {0};
  int rc = pf_ingest_buffer(s, "b.json", text, strlen(text), err, sizeof err);
  check_count_++;
  if (rc != -1 || strcmp(err, want) != 0 || s->len != 0) {
    fprintf(stderr, "%s:%d: ingest gave %d \"%s\" (%zu benchmarks), expected \"%s\"\n", __FILE__,
            line, rc, err, s->len, want);
    check_failures_++;
  }
  pf_set_delete(s);
}
#define expect_bad(t, m) expect_bad_((t), (m), __LINE__)

#define ASSAY_HEAD "{\"format\": \"assay-perf\", \"version\": 1, \"benchmarks\": "

static void test_malformed(void) {
  expect_bad("", "b.json: not valid JSON: '[' or '{' expected near end of file (line 1)");
  expect_bad("{\"results\": [\n {\"command\": \"a\",\n",
             "b.json: not valid JSON: string or '}' expected near end of file (line 3)");
  expect_bad("[1, 2]", "b.json: not a benchmark file: the top level is not an object");
  expect_bad("{\"numbers\": [1]}",
             "b.json: unknown benchmark format: expected Google Benchmark JSON (context and "
             "benchmarks), hyperfine --export-json (results) or assay-perf");
  expect_bad("{\"format\": \"criterion\"}", "b.json: unknown format 'criterion' (expected "
                                            "assay-perf)");
  expect_bad("{\"format\": \"assay-perf\", \"version\": 2, \"benchmarks\": []}",
             "b.json: assay-perf version 2 is not supported (this Assay reads version 1)");
  expect_bad(ASSAY_HEAD "[]}", "b.json: benchmarks is empty");
  expect_bad(ASSAY_HEAD "[{\"name\": \"a\", \"unit\": \"ns\", \"samples\": []}]}",
             "b.json: benchmarks[0] (a) has no samples");
  expect_bad(ASSAY_HEAD "[{\"name\": \"a\", \"unit\": \"ns\", \"samples\": [1]},"
                        " {\"name\": \"b\", \"unit\": \"ns\", \"samples\": [1]},"
                        " {\"name\": \"c\", \"unit\": \"ns\", \"samples\": [\"12\"]}]}",
             "b.json: benchmarks[2].samples[0] is not a number");
  expect_bad(ASSAY_HEAD "[{\"name\": \"a\", \"unit\": \"ns\", \"samples\": [1, -3]}]}",
             "b.json: benchmarks[0].samples[1] is negative");
  expect_bad(ASSAY_HEAD "[{\"name\": \"a\", \"unit\": \"ms\", \"samples\": [1]}]}",
             "b.json: benchmarks[0].unit 'ms' is not known (ns or instructions)");
  expect_bad(ASSAY_HEAD "[{\"unit\": \"ns\", \"samples\": [1]}]}",
             "b.json: benchmarks[0].name is missing or empty");
  expect_bad(ASSAY_HEAD "[{\"name\": \"a\", \"unit\": \"ns\", \"samples\": [1]},"
                        " {\"name\": \"a\", \"unit\": \"ns\", \"samples\": [2]}]}",
             "b.json: benchmarks[1]: benchmark 'a' (ns) appears twice");
  expect_bad("{\"results\": [{\"command\": \"x\", \"times\": []}]}",
             "b.json: results[0] (x) has no samples");
  expect_bad("{\"results\": [{\"command\": \"x\", \"mean\": 1.0}]}",
             "b.json: results[0].times is missing or not an array");
  expect_bad("{\"results\": [{\"command\": \"x\", \"times\": [0.1, null]}]}",
             "b.json: results[0].times[1] is not a number");
  expect_bad("{\"context\": {}, \"benchmarks\": [{\"name\": \"BM_A_mean\", \"run_name\": "
             "\"BM_A\", \"run_type\": \"aggregate\", \"aggregate_name\": \"mean\", "
             "\"real_time\": 1, \"time_unit\": \"ns\"}]}",
             "b.json: benchmarks holds only aggregate rows (_mean, _median, ...): run without "
             "--benchmark_report_aggregates_only");
  expect_bad("{\"context\": {}, \"benchmarks\": [{\"name\": \"BM_A\", \"real_time\": \"fast\", "
             "\"time_unit\": \"ns\"}]}",
             "b.json: benchmarks[0].real_time is not a number");
  expect_bad("{\"context\": {}, \"benchmarks\": [{\"name\": \"BM_A\", \"real_time\": 1, "
             "\"time_unit\": \"fortnights\"}]}",
             "b.json: benchmarks[0].time_unit 'fortnights' is not known");
  expect_bad("{\"context\": {}, \"benchmarks\": [{\"name\": \"BM_A\", \"error_occurred\": true, "
             "\"error_message\": \"setup failed\"}]}",
             "b.json: benchmarks[0] (BM_A) reports an error: setup failed");
  pf_set *s = pf_set_new();
  char err[512];
  CHECK_INT(pf_ingest_file(s, "tests/perf/none.json", err, sizeof err), -1);
  CHECK_STR(err, "tests/perf/none.json: cannot read: No such file or directory");
  pf_set_delete(s);
}

static int write_text(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  if (!f) return -1;
  fputs(text, f);
  return fclose(f);
}

static void expect_policy_(const char *text, int want_rc, const char *want_err, int line) {
  char path[] = "/tmp/assay-policy.XXXXXX";
  int fd = mkstemp(path);
  AS_ASSERT(fd >= 0);
  close(fd);
  AS_ASSERT(write_text(path, text) == 0);
  an_policy *p = an_policy_new();
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
  an_policy_delete(p);
  unlink(path);
}
#define expect_policy(t, rc, e) expect_policy_((t), (rc), (e), __LINE__)

static void test_policy(void) {
  char path[] = "/tmp/assay-policy.XXXXXX";
  int fd = mkstemp(path);
  AS_ASSERT(fd >= 0);
  close(fd);
  AS_ASSERT(write_text(path, "# ours\n"
                             "approved_flows: []\n"
                             "performance:\n"
                             "  alpha: 0.01\n"
                             "  instructions: 0.02\n"
                             "  benchmarks:\n"
                             "    BM_Net:\n"
                             "      min_effect: 0.10\n"
                             "      reason: \"talks to a loopback socket\"\n") == 0);
  an_policy *p = an_policy_new();
  CHECK(p->perf.alpha == 0.05 && p->perf.min_effect == 0.05 && p->perf.instructions == 0.01);
  char err[512] = {0};
  CHECK_INT(an_policy_load(p, path, err, sizeof err), 0);
  CHECK_STR(err, "");
  CHECK(p->perf.alpha == 0.01);
  CHECK(p->perf.min_effect == 0.05);
  CHECK(p->perf.instructions == 0.02);
  CHECK_INT(p->noverrides, 1);
  if (p->noverrides) {
    CHECK_STR(p->overrides[0].name, "BM_Net");
    CHECK(p->overrides[0].tol.min_effect == 0.10);
    CHECK(p->overrides[0].tol.alpha == 0.01); /* inherited from the section */
    CHECK_STR(p->overrides[0].tol.reason, "talks to a loopback socket");
  }
  an_policy_delete(p);
  unlink(path);

  expect_policy("", 0, NULL);
  expect_policy("performance:\n  benchmarks:\n    BM_A: {min_effect: 0.2}\n", -1,
                ":3: performance: benchmark 'BM_A' has its own tolerance without a reason");
  expect_policy("performance:\n  benchmarks:\n    BM_A: {min_effect: 0.2, reason: \"\"}\n", -1,
                ":3: performance: benchmark 'BM_A' has its own tolerance without a reason");
  expect_policy("performance:\n  alpha: 1.5\n", -1,
                ":2: performance: alpha = 1.5 is out of range (0 to 1, exclusive)");
  expect_policy("performance:\n  min_effect: lots\n", -1,
                ":2: performance: min_effect must be a number");
  expect_policy("performance:\n  tolerance: 3\n", -1, ":2: performance: unknown key 'tolerance'");
  expect_policy("performance: [1, 2]\n", -1, ":1: performance must be a mapping");
  expect_policy("performance:\n  alpha: [0.05\n", -1,
                ":3: not valid YAML: did not find expected ',' or ']' while parsing a flow "
                "sequence");
}

/* A version 1 baseline (as the spine wrote it) is read as it is, with no
 * samples; saving into it migrates it to version 2 and stores samples in
 * the same transaction as the findings. */
static void test_store(void) {
  char path[] = "/tmp/assay-perf-store.XXXXXX";
  int fd = mkstemp(path);
  AS_ASSERT(fd >= 0);
  close(fd);
  sqlite3 *db;
  AS_ASSERT(sqlite3_open(path, &db) == SQLITE_OK);
  char *sql = as_sprintf(
      "PRAGMA application_id = %d; PRAGMA user_version = 1;"
      "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
      "CREATE TABLE findings(fingerprint TEXT PRIMARY KEY NOT NULL, rule TEXT NOT NULL,"
      " sink_kind TEXT, categories TEXT NOT NULL, service TEXT, source_symbol TEXT,"
      " sink_symbol TEXT, path TEXT, line INT, col INT, message TEXT, steps TEXT NOT NULL);"
      "INSERT INTO meta VALUES ('tool_version', '0.1.0');",
      BL_APPLICATION_ID);
  AS_ASSERT(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK);
  free(sql);
  sqlite3_close(db);

  char err[512] = {0};
  bl_store *st = NULL;
  CHECK_INT(bl_store_open(path, false, &st, err, sizeof err), 0);
  pf_set *got = pf_set_new();
  CHECK_INT(bl_store_load_perf(st, got, err, sizeof err), 0);
  CHECK_INT(got->len, 0);
  bl_store_close(st);

  CHECK_INT(bl_store_open(path, true, &st, err, sizeof err), 0);
  pf_set *perf = pf_set_new();
  double ns[] = {1000, 1100.5, 900}, ir[] = {123456789};
  pf_set_add(perf, "a", PF_UNIT_NS, ns, 3, "{\"cpu\":\"A\"}", "x.json");
  pf_set_add(perf, "a", PF_UNIT_INSTRUCTIONS, ir, 1, "{}", NULL);
  an_result *res = an_result_new();
  bl_meta meta = {NULL, "d", "0.1.0", NULL};
  CHECK_INT(bl_store_save_all(st, res, perf, &meta, err, sizeof err), 0);
  bl_store_close(st);

  CHECK_INT(bl_store_open(path, false, &st, err, sizeof err), 0);
  CHECK_INT(bl_store_load_perf(st, got, err, sizeof err), 0);
  CHECK_INT(got->len, 2);
  const pf_bench *b = pf_set_find(got, "a", PF_UNIT_NS);
  check_samples(b, ns, 3);
  if (b) {
    CHECK_STR(b->environment, "{\"cpu\":\"A\"}");
    CHECK_STR(b->source, "x.json");
  }
  check_samples(pf_set_find(got, "a", PF_UNIT_INSTRUCTIONS), ir, 1);
  bl_store_close(st);

  /* A save without samples replaces them too: the snapshot is one. */
  CHECK_INT(bl_store_open(path, true, &st, err, sizeof err), 0);
  CHECK_INT(bl_store_save(st, res, &meta, err, sizeof err), 0);
  bl_store_close(st);
  pf_set *none = pf_set_new();
  CHECK_INT(bl_store_open(path, false, &st, err, sizeof err), 0);
  CHECK_INT(bl_store_load_perf(st, none, err, sizeof err), 0);
  CHECK_INT(none->len, 0);
  bl_store_close(st);

  /* Malformed samples in the table are an error naming the benchmark. */
  AS_ASSERT(sqlite3_open(path, &db) == SQLITE_OK);
  AS_ASSERT(sqlite3_exec(db,
                         "INSERT INTO perf_benchmarks VALUES ('bad', 'ns', '[1, \"x\"]', '{}', "
                         "NULL)",
                         NULL, NULL, NULL) == SQLITE_OK);
  sqlite3_close(db);
  CHECK_INT(bl_store_open(path, false, &st, err, sizeof err), 0);
  CHECK_INT(bl_store_load_perf(st, none, err, sizeof err), -1);
  char *want = as_sprintf("baseline %s: benchmark bad (ns) has malformed samples", path);
  CHECK_STR(err, want);
  free(want);
  bl_store_close(st);

  pf_set_delete(none);
  pf_set_delete(got);
  pf_set_delete(perf);
  an_result_delete(res);
  unlink(path);
}

int main(void) {
  test_google();
  test_hyperfine_and_assay();
  test_malformed();
  test_policy();
  test_store();
  return CHECK_DONE();
}
