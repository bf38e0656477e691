/* test_perf_stats.c — the performance statistics on sample sets whose
 * answers are computed by hand (each derivation is in the comment above its
 * case), and the verdicts built on them. */
#include "analyses/perf.h"
#include "check.h"

#include <math.h>

static void check_near(const char *what, double got, double want, double tol, int line) {
  check_count_++;
  if (!(fabs(got - want) <= tol)) {
    fprintf(stderr, "%s:%d: %s == %.12g, expected %.12g (+-%g)\n", __FILE__, line, what, got, want,
            tol);
    check_failures_++;
  }
}
#define CHECK_NEAR(a, b, tol) check_near(#a, (a), (b), (tol), __LINE__)

static pf_bench bench(const char *name, pf_unit unit, double *s, size_t n, const char *env) {
  return (pf_bench){name, unit, s, n, env, NULL};
}

static void test_median(void) {
  double odd[] = {5, 1, 3};
  double even[] = {4, 1, 3, 2};
  CHECK_NEAR(pf_median(odd, 3), 3, 0);
  CHECK_NEAR(pf_median(even, 4), 2.5, 0);
  CHECK_NEAR(odd[0], 5, 0); /* not sorted in place */
}

/* {1,2,3} vs {4,5,6}: every baseline value is below every current one, so
 * U_base = 0 = U. Of the C(6,3) = 20 equally likely splits only one gives
 * U <= 0, so P(U <= 0) = 1/20 and the two-sided p = 2/20 = 0.1 — also the
 * smallest p 3 vs 3 samples can reach. */
static void test_three_vs_three(void) {
  double b[] = {1, 2, 3}, c[] = {4, 5, 6};
  pf_mwu t;
  pf_mann_whitney(b, 3, c, 3, &t);
  CHECK(t.exact);
  CHECK(!t.ties);
  CHECK_NEAR(t.u_base, 0, 0);
  CHECK_NEAR(t.u, 0, 0);
  CHECK_NEAR(t.p, 0.1, 1e-6);
  CHECK_NEAR(t.min_p, 0.1, 1e-6);
  CHECK_NEAR(pf_mwu_exact_cdf(3, 3, 0), 0.05, 1e-12);
  /* The 9 differences c - b: 1,2,2,3,3,3,4,4,5; the median (5th) is 3.
   * At alpha 0.05 no interval: P(U <= 0) = 0.05 > alpha/2. At alpha 0.1,
   * k = 1 (P(U <= 0) = 0.05 <= 0.05, P(U <= 1) = 0.1 > 0.05): [d(1), d(9)] =
   * [1, 5] with coverage 1 - 2 * 0.05 = 0.9. */
  pf_hl hl;
  pf_hodges_lehmann(b, 3, c, 3, 0.05, &hl);
  CHECK_NEAR(hl.shift, 3, 0);
  CHECK(!hl.has_ci);
  pf_hodges_lehmann(b, 3, c, 3, 0.10, &hl);
  CHECK(hl.has_ci);
  CHECK_NEAR(hl.ci_low, 1, 0);
  CHECK_NEAR(hl.ci_high, 5, 0);
  CHECK_NEAR(hl.confidence, 0.9, 1e-12);
  /* Swapping the sides mirrors U_base (9 pairs with b > c) and the shift. */
  pf_mann_whitney(c, 3, b, 3, &t);
  CHECK_NEAR(t.u_base, 9, 0);
  CHECK_NEAR(t.u, 0, 0);
  CHECK_NEAR(t.p, 0.1, 1e-6);
}

/* {1..5} vs {6..10}: U = 0; one split of C(10,5) = 252 gives it, so p =
 * 2/252 = 0.007936508. The counts of U = 0,1,2,3,4 for 5 vs 5 are the
 * partitions of u into at most 5 parts of at most 5: 1,1,2,3,5 (cumulative
 * 1,2,4,7). The 25 differences are 1..9 with multiplicities 1,2,3,4,5,4,3,2,1;
 * their median (13th) is 5. At alpha 0.05, alpha/2 * 252 = 6.3: P(U <= 2) =
 * 4/252 fits, P(U <= 3) = 7/252 does not, so k = 3 and the interval is
 * [d(3), d(23)] = [2, 8], coverage 1 - 2 * 4/252 = 0.968254. */
static void test_five_vs_five(void) {
  double b[] = {3, 1, 5, 2, 4}, c[] = {10, 6, 8, 7, 9};
  pf_mwu t;
  pf_mann_whitney(b, 5, c, 5, &t);
  CHECK(t.exact);
  CHECK_NEAR(t.u, 0, 0);
  CHECK_NEAR(t.p, 2.0 / 252, 1e-6);
  CHECK_NEAR(t.p, 0.007937, 1e-6);
  CHECK_NEAR(pf_mwu_exact_cdf(5, 5, 3), 7.0 / 252, 1e-12);
  CHECK_NEAR(pf_mwu_exact_cdf(5, 5, 4), 12.0 / 252, 1e-12);
  pf_hl hl;
  pf_hodges_lehmann(b, 5, c, 5, 0.05, &hl);
  CHECK_NEAR(hl.shift, 5, 0);
  CHECK(hl.has_ci);
  CHECK_NEAR(hl.ci_low, 2, 0);
  CHECK_NEAR(hl.ci_high, 8, 0);
  CHECK_NEAR(hl.confidence, 1 - 8.0 / 252, 1e-12);
}

/* 4 vs 5, interleaved: base {1,3,5,7}, current {2,4,6,8,9}. Pairs with
 * b > c: 1 -> 0, 3 -> 1 (2), 5 -> 2 (2,4), 7 -> 3 (2,4,6): U_base = 6, and
 * n*m - 6 = 14, so U = 6. C(9,4) = 126 splits; the counts of U = 0..6 are
 * the partitions of u into at most 4 parts of at most 5: 1,1,2,3,5,6,8
 * (e.g. for 6: 51,42,411,33,321,3111,222,2211), cumulative 26. p = 2 * 26/126
 * = 0.412698. */
static void test_four_vs_five(void) {
  double b[] = {1, 3, 5, 7}, c[] = {2, 4, 6, 8, 9};
  pf_mwu t;
  pf_mann_whitney(b, 4, c, 5, &t);
  CHECK(t.exact);
  CHECK_NEAR(t.u_base, 6, 0);
  CHECK_NEAR(t.u, 6, 0);
  CHECK_NEAR(t.p, 52.0 / 126, 1e-6);
  CHECK_NEAR(t.p, 0.412698, 1e-6);
  CHECK_NEAR(t.min_p, 2.0 / 126, 1e-12);
}

/* Ties, so the normal approximation: base {1,2,2,3}, current {3,4,4,5}.
 * Pooled 1,2,2,3,3,4,4,5 with midranks 1, 2.5, 2.5, 4.5, 4.5, 6.5, 6.5, 8;
 * the base's rank sum is 1 + 2.5 + 2.5 + 4.5 = 10.5, U_base = 10.5 - 4*5/2 =
 * 0.5. Three pairs of ties: sum(t^3 - t) = 18. var = nm/12 * ((N+1) -
 * 18/(N(N-1))) = 16/12 * (9 - 18/56) = 11.5714286; z = (|0.5 - 8| - 0.5) /
 * sqrt(var) = 7 / 3.4016803 = 2.0578066; p = erfc(z / sqrt 2) = 0.0396087. */
static void test_ties_normal(void) {
  double b[] = {1, 2, 2, 3}, c[] = {3, 4, 4, 5};
  pf_mwu t;
  pf_mann_whitney(b, 4, c, 4, &t);
  CHECK(!t.exact);
  CHECK(t.ties);
  CHECK_NEAR(t.u_base, 0.5, 0);
  CHECK_NEAR(t.u, 0.5, 0);
  CHECK_NEAR(t.z, 2.0578066, 1e-6);
  CHECK_NEAR(t.p, 0.0396087, 1e-6);
  /* What 4 vs 4 samples allow does not depend on the ties: 2/C(8,4) = 2/70. */
  CHECK_NEAR(t.min_p, 2.0 / 70, 1e-12);
}

/* Identical sets: every value tied across the sides, U_base = nm/2 = 12.5,
 * z = 0 and p = 1; the shift is 0. */
static void test_identical(void) {
  double b[] = {5, 6, 7, 8, 9}, c[] = {9, 8, 7, 6, 5};
  pf_mwu t;
  pf_mann_whitney(b, 5, c, 5, &t);
  CHECK_NEAR(t.u_base, 12.5, 0);
  CHECK_NEAR(t.p, 1, 1e-12);
  pf_hl hl;
  pf_hodges_lehmann(b, 5, c, 5, 0.05, &hl);
  CHECK_NEAR(hl.shift, 0, 0);
  pf_result r;
  pf_bench pb = bench("same", PF_UNIT_NS, b, 5, "{\"cpu\":\"x\"}");
  pf_bench pc = bench("same", PF_UNIT_NS, c, 5, "{\"cpu\":\"x\"}");
  as_arena *a = as_arena_new();
  pf_tolerance tol = PF_TOLERANCE_DEFAULT;
  pf_compare_one(a, &pb, &pc, &tol, &r);
  CHECK_STR(pf_verdict_name(r.verdict), "unchanged");
  CHECK_INT(r.env, PF_ENV_MATCH);
  as_arena_delete(a);
}

/* Shifted sets: base 100..109, current 120..129. U = 0, p = 2/C(20,10) =
 * 2/184756 = 1.0825088e-5; medians 104.5 -> 124.5, +19.14%. The 100
 * differences are 20 + t for t = -9..9 with multiplicity 10 - |t|, so the
 * shift is 20. For 10 vs 10 the table's two-sided 5% critical value is U <=
 * 23 (P(U <= 23) = 0.0216285, P(U <= 24) > 0.025), so k = 24: d(24) is in
 * t = -3 (positions 22..28) -> 17, and d(77) -> 23 by symmetry. Coverage 1 -
 * 2 * 0.0216285 = 0.956743. A regression; the mirror image an improvement. */
static void test_shifted(void) {
  double b[10], c[10], faster[10];
  for (int i = 0; i < 10; i++) {
    b[i] = 100 + i;
    c[i] = 120 + i;
    faster[i] = 80 + i;
  }
  pf_mwu t;
  pf_mann_whitney(b, 10, c, 10, &t);
  CHECK(t.exact);
  CHECK_NEAR(t.u, 0, 0);
  CHECK_NEAR(t.p, 1.0825088e-5, 1e-9);
  pf_hl hl;
  pf_hodges_lehmann(b, 10, c, 10, 0.05, &hl);
  CHECK_NEAR(hl.shift, 20, 0);
  CHECK(hl.has_ci);
  CHECK_NEAR(hl.ci_low, 17, 0);
  CHECK_NEAR(hl.ci_high, 23, 0);
  CHECK_NEAR(hl.confidence, 0.956743, 1e-6);

  as_arena *a = as_arena_new();
  pf_tolerance tol = PF_TOLERANCE_DEFAULT;
  pf_bench pb = bench("shift", PF_UNIT_NS, b, 10, "{}");
  pf_bench pc = bench("shift", PF_UNIT_NS, c, 10, "{}");
  pf_bench pf = bench("shift", PF_UNIT_NS, faster, 10, "{}");
  pf_result r;
  pf_compare_one(a, &pb, &pc, &tol, &r);
  CHECK_STR(pf_verdict_name(r.verdict), "regression");
  CHECK_NEAR(r.effect, 20.0 / 104.5, 1e-12);
  CHECK_INT(r.env, PF_ENV_UNKNOWN);
  pf_compare_one(a, &pb, &pf, &tol, &r);
  CHECK_STR(pf_verdict_name(r.verdict), "improvement");
  CHECK_NEAR(r.hl.ci_low, -23, 0);
  CHECK_NEAR(r.hl.ci_high, -17, 0);
  /* Across environments the same figures are inconclusive, and say so. */
  pb.environment = "{\"cpu\":\"A\"}";
  pc.environment = "{\"cpu\":\"B\"}";
  pf_compare_one(a, &pb, &pc, &tol, &r);
  CHECK_STR(pf_verdict_name(r.verdict), "inconclusive");
  CHECK_INT(r.env, PF_ENV_DIFFER);
  CHECK(strstr(r.message, "different environments") != NULL);
  as_arena_delete(a);
}

/* Significant but small: base 1000..1009, current 1010..1019. p = 1.08e-5
 * as above, but the medians move 1004.5 -> 1014.5, +0.9955%: below the 5%
 * minimum effect, so unchanged; with a policy minimum of 0.5% a regression. */
static void test_min_effect(void) {
  double b[10], c[10];
  for (int i = 0; i < 10; i++) {
    b[i] = 1000 + i;
    c[i] = 1010 + i;
  }
  pf_set *base = pf_set_new(), *cur = pf_set_new();
  CHECK(pf_set_add(base, "small", PF_UNIT_NS, b, 10, "{}", NULL) != NULL);
  CHECK(pf_set_add(base, "small", PF_UNIT_NS, b, 10, "{}", NULL) == NULL); /* duplicate */
  CHECK(pf_set_add(cur, "small", PF_UNIT_NS, c, 10, "{}", NULL) != NULL);
  CHECK(pf_set_add(cur, "other", PF_UNIT_NS, c, 10, "{}", NULL) != NULL);
  CHECK(pf_set_add(base, "gone", PF_UNIT_INSTRUCTIONS, b, 1, "{}", NULL) != NULL);
  pf_tolerance dflt = PF_TOLERANCE_DEFAULT;
  pf_report *rep = pf_compare(base, cur, &dflt, NULL, 0);
  CHECK_INT(rep->nresults, 1);
  CHECK_STR(pf_verdict_name(rep->results[0].verdict), "unchanged");
  CHECK_NEAR(rep->results[0].mwu.p, 1.0825088e-5, 1e-9);
  CHECK_INT(rep->nadded, 1);
  CHECK_STR(rep->added[0], "other (ns)");
  CHECK_INT(rep->nmissing, 1);
  CHECK_STR(rep->missing[0], "gone (instructions)");
  CHECK_STR(pf_report_verdict(rep), "pass");
  pf_report_delete(rep);
  pf_override ov = {"small", {0.05, 0.005, 0.01, "a tight loop, quiet on our runners"}};
  rep = pf_compare(base, cur, &dflt, &ov, 1);
  CHECK_STR(pf_verdict_name(rep->results[0].verdict), "regression");
  CHECK_STR(rep->results[0].tol.reason, "a tight loop, quiet on our runners");
  CHECK_INT(rep->counts[PF_REGRESSION], 1);
  CHECK_STR(pf_report_verdict(rep), "fail");
  pf_report_delete(rep);
  pf_set_delete(base);
  pf_set_delete(cur);
}

/* Heavy tail: the current set is the baseline with one value replaced by
 * 100000 (a 1000x outlier). Ranks see one value move from rank 4 to rank
 * 20; the base's rank sum is 98, U_base = 98 - 55 = 43 (U = 43 of nm/2 = 50),
 * p = 0.6195 by the normal approximation (there are ties), and the median
 * moves 100 -> 100.5 (+0.5%): unchanged, although the mean grew ~100x. */
static void test_heavy_tail(void) {
  double b[] = {100, 102, 98, 101, 99, 103, 97, 100, 101, 99};
  double c[] = {100, 102, 98, 101, 99, 103, 97, 100, 101, 100000};
  pf_mwu t;
  pf_mann_whitney(b, 10, c, 10, &t);
  CHECK_NEAR(t.u_base, 43, 0);
  CHECK_NEAR(t.p, 0.619465, 1e-6);
  as_arena *a = as_arena_new();
  pf_tolerance tol = PF_TOLERANCE_DEFAULT;
  pf_bench pb = bench("tail", PF_UNIT_NS, b, 10, "{}");
  pf_bench pc = bench("tail", PF_UNIT_NS, c, 10, "{}");
  pf_result r;
  pf_compare_one(a, &pb, &pc, &tol, &r);
  CHECK_STR(pf_verdict_name(r.verdict), "unchanged");
  CHECK_NEAR(r.median_new, 100.5, 0);
  CHECK_NEAR(r.effect, 0.005, 1e-12);
  as_arena_delete(a);
}

/* Too few samples: 3 vs 3 cannot go below p = 0.1, 3 vs 4 not below 2/35 =
 * 0.0571; one sample is never enough. Never "unchanged" then. 4 vs 4 can
 * (2/70 = 0.0286). */
static void test_inconclusive(void) {
  double b[] = {1, 2, 3, 4}, c[] = {40, 50, 60, 70};
  as_arena *a = as_arena_new();
  pf_tolerance tol = PF_TOLERANCE_DEFAULT;
  pf_result r;
  pf_bench pb = bench("few", PF_UNIT_NS, b, 3, "{}");
  pf_bench pc = bench("few", PF_UNIT_NS, c, 3, "{}");
  pf_compare_one(a, &pb, &pc, &tol, &r);
  CHECK_STR(pf_verdict_name(r.verdict), "inconclusive");
  CHECK(strstr(r.message, "smallest reachable p-value is 0.1,") != NULL);
  pc.nsamples = 4;
  pf_compare_one(a, &pb, &pc, &tol, &r);
  CHECK_STR(pf_verdict_name(r.verdict), "inconclusive");
  CHECK_NEAR(r.mwu.min_p, 2.0 / 35, 1e-12);
  pb.nsamples = 4;
  pf_compare_one(a, &pb, &pc, &tol, &r);
  CHECK_STR(pf_verdict_name(r.verdict), "regression");
  CHECK_NEAR(r.mwu.p, 2.0 / 70, 1e-12);
  pb.nsamples = 1;
  pf_compare_one(a, &pb, &pc, &tol, &r);
  CHECK_STR(pf_verdict_name(r.verdict), "inconclusive");
  CHECK(!r.tested);
  CHECK(strstr(r.message, "at least 2 on each side") != NULL);
  as_arena_delete(a);
}

/* Instruction counts: the median's relative change against 1%. */
static void test_instructions(void) {
  double b[] = {1000}, same[] = {1009}, up[] = {1010}, down[] = {980};
  as_arena *a = as_arena_new();
  pf_tolerance tol = PF_TOLERANCE_DEFAULT;
  pf_result r;
  pf_bench pb = bench("ir", PF_UNIT_INSTRUCTIONS, b, 1, "{\"cpu\":\"A\"}");
  pf_bench pc = bench("ir", PF_UNIT_INSTRUCTIONS, same, 1, "{\"cpu\":\"B\"}");
  pf_compare_one(a, &pb, &pc, &tol, &r);
  CHECK_STR(pf_verdict_name(r.verdict), "unchanged");
  CHECK_INT(r.env, PF_ENV_DIFFER); /* reported, but counts are still decided */
  CHECK(strstr(r.message, "environments differ") != NULL);
  pc.samples = up;
  pf_compare_one(a, &pb, &pc, &tol, &r);
  CHECK_STR(pf_verdict_name(r.verdict), "regression");
  CHECK_NEAR(r.effect, 0.01, 1e-12);
  pc.samples = down;
  pf_compare_one(a, &pb, &pc, &tol, &r);
  CHECK_STR(pf_verdict_name(r.verdict), "improvement");
  tol.instructions = 0.05;
  pf_compare_one(a, &pb, &pc, &tol, &r);
  CHECK_STR(pf_verdict_name(r.verdict), "unchanged");
  as_arena_delete(a);
}

/* Sizes above 50 go to the normal approximation even without ties: 60 vs 60
 * disjoint sets, U = 0, var = 3600 * 121/12 = 36300, z = (1800 - 0.5) /
 * 190.52559 = 9.44164. */
static void test_large(void) {
  double b[60], c[60];
  for (int i = 0; i < 60; i++) {
    b[i] = i;
    c[i] = 100 + i;
  }
  pf_mwu t;
  pf_mann_whitney(b, 60, c, 60, &t);
  CHECK(!t.exact);
  CHECK_NEAR(t.u, 0, 0);
  CHECK_NEAR(t.z, 1799.5 / sqrt(36300), 1e-9);
  CHECK(t.p < 1e-15);
  pf_hl hl;
  pf_hodges_lehmann(b, 60, c, 60, 0.05, &hl);
  CHECK_NEAR(hl.shift, 100, 0);
  CHECK(hl.has_ci && hl.ci_low > 80 && hl.ci_high < 120 && hl.ci_low < 100);
}

int main(void) {
  test_median();
  test_three_vs_three();
  test_five_vs_five();
  test_four_vs_five();
  test_ties_normal();
  test_identical();
  test_shifted();
  test_min_effect();
  test_heavy_tail();
  test_inconclusive();
  test_instructions();
  test_large();
  return CHECK_DONE();
}
