/* perf_stats.c — medians, the Mann–Whitney U test and the Hodges–Lehmann
 * shift with its confidence interval. */
#include "perf.h"

#include <math.h>
#include <string.h>

static int pf__cmp_double(const void *pa, const void *pb) {
  double a = *(const double *)pa, b = *(const double *)pb;
  return (a > b) - (a < b);
}

double pf_median(const double *x, size_t n) {
  AS_ASSERT(n > 0);
  double *s = as_malloc(n * sizeof(*s));
  memcpy(s, x, n * sizeof(*s));
  qsort(s, n, sizeof(*s), pf__cmp_double);
  double med = n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  free(s);
  return med;
}

/* The number of arrangements of n x's and m y's giving each U_x = u (pairs
 * with x > y), u = 0..n*m: the elements are taken in increasing order and
 * dp[k][u] counts the ways with k x's taken so far. Taking an x after j
 * elements, k of them x's, adds the j - k y's already taken to U. Counts are
 * doubles: C(100, 50) ~ 1e29 needs no more than their 53-bit precision for
 * probabilities. Returns a malloc'd array of n*m + 1 counts. */
static double *pf__u_counts(size_t n, size_t m) {
  size_t width = n * m + 1;
  double *dp = as_calloc((n + 1) * width, sizeof(*dp));
  dp[0] = 1;
  for (size_t j = 0; j < n + m; j++) {
    size_t kmax = j < n ? j : n;
    for (size_t k = kmax + 1; k-- > 0;) {
      double *row = dp + k * width;
      size_t ys = j - k;    /* y's taken so far */
      if (ys > m) continue; /* unreachable state, all zero */
      if (k < n) {
        double *next = dp + (k + 1) * width;
        for (size_t u = 0; u + ys < width; u++)
          next[u + ys] += row[u];
      }
      if (ys + 1 > m) /* the next element cannot be a y */
        memset(row, 0, width * sizeof(*row));
    }
  }
  double *out = as_malloc(width * sizeof(*out));
  memcpy(out, dp + n * width, width * sizeof(*out));
  free(dp);
  return out;
}

double pf_mwu_exact_cdf(size_t n, size_t m, double u) {
  AS_ASSERT(n <= PF_EXACT_MAX && m <= PF_EXACT_MAX);
  if (u < 0) return 0;
  double *c = pf__u_counts(n, m);
  size_t width = n * m + 1;
  double total = 0, below = 0;
  for (size_t v = 0; v < width; v++) {
    total += c[v];
    if ((double)v <= u) below += c[v];
  }
  free(c);
  return below / total;
}

/* Standard normal upper tail: P(Z > z). */
static double pf__upper_tail(double z) {
  return 0.5 * erfc(z / sqrt(2.0));
}

/* z with P(Z > z) = q, 0 < q < 1/2, by bisection (monotone, exact to the
 * double's precision in 200 halvings). */
static double pf__upper_quantile(double q) {
  double lo = 0, hi = 40;
  for (int i = 0; i < 200; i++) {
    double mid = (lo + hi) / 2;
    if (pf__upper_tail(mid) > q)
      lo = mid;
    else
      hi = mid;
  }
  return (lo + hi) / 2;
}

typedef struct pf__ranked {
  double v;
  bool base;
} pf__ranked;

static int pf__cmp_ranked(const void *pa, const void *pb) {
  return pf__cmp_double(&((const pf__ranked *)pa)->v, &((const pf__ranked *)pb)->v);
}

/* Rank sum of base in the pooled sample (midranks for ties) and the tie term
 * sum(t^3 - t) over groups of equal values. */
static void pf__ranks(const double *base, size_t n, const double *cur, size_t m, double *rsum,
                      double *tie_term) {
  size_t N = n + m;
  pf__ranked *all = as_malloc(N * sizeof(*all));
  for (size_t i = 0; i < n; i++)
    all[i] = (pf__ranked){base[i], true};
  for (size_t j = 0; j < m; j++)
    all[n + j] = (pf__ranked){cur[j], false};
  qsort(all, N, sizeof(*all), pf__cmp_ranked);
  *rsum = 0;
  *tie_term = 0;
  for (size_t i = 0; i < N;) {
    size_t e = i;
    while (e + 1 < N && all[e + 1].v == all[i].v)
      e++;
    double t = (double)(e - i + 1);
    double mid = ((double)(i + 1) + (double)(e + 1)) / 2; /* 1-based midrank */
    for (size_t k = i; k <= e; k++)
      if (all[k].base) *rsum += mid;
    *tie_term += t * t * t - t;
    i = e + 1;
  }
  free(all);
}

/* The variance of U under the null hypothesis, corrected for ties. */
static double pf__u_variance(size_t n, size_t m, double tie_term) {
  double N = (double)(n + m), nm = (double)n * (double)m;
  return nm / 12.0 * ((N + 1) - tie_term / (N * (N - 1)));
}

void pf_mann_whitney(const double *base, size_t n, const double *cur, size_t m, pf_mwu *out) {
  memset(out, 0, sizeof(*out));
  out->p = 1;
  out->min_p = 1;
  if (n == 0 || m == 0) return;
  double rsum, tie_term;
  pf__ranks(base, n, cur, m, &rsum, &tie_term);
  double nm = (double)n * (double)m;
  out->u_base = rsum - (double)n * ((double)n + 1) / 2;
  out->u = fmin(out->u_base, nm - out->u_base);
  out->ties = tie_term > 0;
  out->exact = n <= PF_EXACT_MAX && m <= PF_EXACT_MAX && !out->ties;
  if (out->exact) {
    double *c = pf__u_counts(n, m);
    double total = 0, below = 0;
    for (size_t v = 0; v <= n * m; v++) {
      total += c[v];
      if ((double)v <= out->u) below += c[v];
    }
    out->p = fmin(1.0, 2 * below / total);
    out->min_p = fmin(1.0, 2 * c[0] / total);
    free(c);
    return;
  }
  /* What the sample sizes allow, ties or not: 2 / C(n+m, n) where the exact
   * distribution is computed, the normal tail at U = 0 beyond. */
  if (n <= PF_EXACT_MAX && m <= PF_EXACT_MAX) {
    double *c = pf__u_counts(n, m);
    double total = 0;
    for (size_t v = 0; v <= n * m; v++)
      total += c[v];
    out->min_p = fmin(1.0, 2 * c[0] / total);
    free(c);
  } else {
    double sd0 = sqrt(pf__u_variance(n, m, 0));
    out->min_p = fmin(1.0, 2 * pf__upper_tail(fmax(0.0, nm / 2 - 0.5) / sd0));
  }
  double var = pf__u_variance(n, m, tie_term);
  if (var <= 0) return; /* every value equal: nothing to tell apart */
  double sd = sqrt(var);
  double z = fmax(0.0, fabs(out->u_base - nm / 2) - 0.5) / sd;
  out->z = z;
  out->p = fmin(1.0, 2 * pf__upper_tail(z));
}

void pf_hodges_lehmann(const double *base, size_t n, const double *cur, size_t m, double alpha,
                       pf_hl *out) {
  memset(out, 0, sizeof(*out));
  if (n == 0 || m == 0) return;
  size_t K = n * m;
  double *d = as_malloc(K * sizeof(*d));
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < m; j++)
      d[i * m + j] = cur[j] - base[i];
  qsort(d, K, sizeof(*d), pf__cmp_double);
  out->shift = K % 2 ? d[K / 2] : (d[K / 2 - 1] + d[K / 2]) / 2;

  /* The interval [d(k), d(K+1-k)] (1-based) covers the shift with
   * probability 1 - 2 P(U <= k-1). */
  double rsum, tie_term;
  pf__ranks(base, n, cur, m, &rsum, &tie_term);
  bool exact = n <= PF_EXACT_MAX && m <= PF_EXACT_MAX && tie_term == 0;
  size_t k = 0;
  if (exact) {
    double *c = pf__u_counts(n, m);
    double total = 0;
    for (size_t v = 0; v <= K; v++)
      total += c[v];
    double cum = 0;
    /* the largest k with P(U <= k-1) <= alpha/2 */
    for (size_t v = 0; v < K / 2 + 1; v++) {
      cum += c[v];
      if (cum / total > alpha / 2 * (1 + 1e-12)) break;
      k = v + 1;
      out->confidence = 1 - 2 * cum / total;
    }
    free(c);
  } else {
    double var = pf__u_variance(n, m, tie_term);
    double z = pf__upper_quantile(alpha / 2);
    double kk = floor((double)K / 2 - z * sqrt(var > 0 ? var : 0) + 0.5); /* rounded */
    if (kk >= 1) {
      k = (size_t)kk;
      out->confidence = 1 - alpha;
    }
  }
  if (k >= 1 && k <= K + 1 - k) {
    out->has_ci = true;
    out->ci_low = d[k - 1];
    out->ci_high = d[K - k];
  } else {
    out->confidence = 0;
  }
  free(d);
}
