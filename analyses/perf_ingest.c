/* perf_ingest.c — reading benchmark results: Google Benchmark JSON,
 * hyperfine's JSON export and Assay's own format. Every file is parsed and
 * checked whole into a private set before anything reaches the caller's. */
#include "perf.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

static int pf__fail(char *err, size_t errlen, const char *label, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int pf__fail(char *err, size_t errlen, const char *label, const char *fmt, ...) {
  if (err && errlen) {
    int n = snprintf(err, errlen, "%s: ", label);
    if (n >= 0 && (size_t)n < errlen) {
      va_list ap;
      va_start(ap, fmt);
      vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
      va_end(ap);
    }
  }
  return -1;
}

/* Canonical text of an environment object: compact, keys sorted. */
static char *pf__canonical(const json_t *env) {
  char *s = json_dumps(env, JSON_COMPACT | JSON_SORT_KEYS);
  if (!s) as_die("out of memory encoding an environment");
  return s;
}

typedef AS_ARRAY(double) pf__doubles;

/* Check one sample value; *out gets it times scale. */
static int pf__sample(const json_t *v, double scale, double *out) {
  if (!json_is_number(v)) return -1;
  double d = json_number_value(v) * scale;
  if (!isfinite(d)) return -1;
  if (d < 0) return -2;
  *out = d;
  return 0;
}

/* ---- Assay's own format ------------------------------------------------------ */

static int pf__assay(pf_set *into, const char *label, const json_t *root, char *err,
                     size_t errlen) {
  const json_t *ver = json_object_get(root, "version");
  if (!json_is_integer(ver))
    return pf__fail(err, errlen, label, "assay-perf: version is missing or not an integer");
  if (json_integer_value(ver) != 1)
    return pf__fail(err, errlen, label,
                    "assay-perf version %lld is not supported (this Assay "
                    "reads version 1)",
                    (long long)json_integer_value(ver));
  const json_t *env = json_object_get(root, "environment");
  if (env && !json_is_object(env))
    return pf__fail(err, errlen, label, "environment is not an object");
  char *canon = env ? pf__canonical(env) : as_strdup("{}");
  const json_t *benches = json_object_get(root, "benchmarks");
  int rc = 0;
  if (!json_is_array(benches)) {
    rc = pf__fail(err, errlen, label, "benchmarks is missing or not an array");
  } else if (json_array_size(benches) == 0) {
    rc = pf__fail(err, errlen, label, "benchmarks is empty");
  }
  pf__doubles s = {0};
  for (size_t i = 0; rc == 0 && i < json_array_size(benches); i++) {
    const json_t *b = json_array_get(benches, i);
    if (!json_is_object(b)) {
      rc = pf__fail(err, errlen, label, "benchmarks[%zu] is not an object", i);
      break;
    }
    const char *name = json_string_value(json_object_get(b, "name"));
    const char *unit = json_string_value(json_object_get(b, "unit"));
    const json_t *samples = json_object_get(b, "samples");
    if (!name || !*name) {
      rc = pf__fail(err, errlen, label, "benchmarks[%zu].name is missing or empty", i);
      break;
    }
    pf_unit u;
    if (!unit) {
      rc = pf__fail(err, errlen, label, "benchmarks[%zu].unit is missing", i);
      break;
    }
    if (strcmp(unit, "ns") == 0) {
      u = PF_UNIT_NS;
    } else if (strcmp(unit, "instructions") == 0) {
      u = PF_UNIT_INSTRUCTIONS;
    } else {
      rc = pf__fail(err, errlen, label,
                    "benchmarks[%zu].unit '%s' is not known (ns or instructions)", i, unit);
      break;
    }
    if (!json_is_array(samples)) {
      rc = pf__fail(err, errlen, label, "benchmarks[%zu].samples is missing or not an array", i);
      break;
    }
    if (json_array_size(samples) == 0) {
      rc = pf__fail(err, errlen, label, "benchmarks[%zu] (%s) has no samples", i, name);
      break;
    }
    s.len = 0;
    for (size_t k = 0; rc == 0 && k < json_array_size(samples); k++) {
      double d;
      int bad = pf__sample(json_array_get(samples, k), 1, &d);
      if (bad)
        rc = pf__fail(err, errlen, label, "benchmarks[%zu].samples[%zu] %s", i, k,
                      bad == -2 ? "is negative" : "is not a number");
      else
        as_array_push(&s, d);
    }
    if (rc == 0 && !pf_set_add(into, name, u, s.items, s.len, canon, label))
      rc = pf__fail(err, errlen, label, "benchmarks[%zu]: benchmark '%s' (%s) appears twice", i,
                    name, unit);
  }
  as_array_free(&s);
  free(canon);
  return rc;
}

/* ---- Google Benchmark ------------------------------------------------------ */

static double pf__time_scale(const char *unit) {
  if (!unit) return 0;
  if (strcmp(unit, "ns") == 0) return 1;
  if (strcmp(unit, "us") == 0) return 1e3;
  if (strcmp(unit, "ms") == 0) return 1e6;
  if (strcmp(unit, "s") == 0) return 1e9;
  return 0;
}

typedef struct pf__group {
  const char *name;
  pf__doubles samples;
} pf__group;

static int pf__google(pf_set *into, const char *label, const json_t *root, char *err,
                      size_t errlen) {
  const json_t *ctx = json_object_get(root, "context");
  const json_t *benches = json_object_get(root, "benchmarks");
  if (!json_is_object(ctx)) return pf__fail(err, errlen, label, "context is not an object");
  if (!json_is_array(benches)) return pf__fail(err, errlen, label, "benchmarks is not an array");
  /* The environment: what describes the machine and the build, not the run
   * (host_name, date and executable are left out). */
  json_t *env = json_object();
  static const char *const keys[] = {"num_cpus", "mhz_per_cpu", "library_build_type"};
  for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
    json_t *v = json_object_get(ctx, keys[i]);
    if (v) json_object_set(env, keys[i], v);
  }
  char *canon = pf__canonical(env);
  json_decref(env);

  AS_ARRAY(pf__group) groups = {0};
  int rc = 0;
  size_t aggregates = 0;
  for (size_t i = 0; rc == 0 && i < json_array_size(benches); i++) {
    const json_t *b = json_array_get(benches, i);
    if (!json_is_object(b)) {
      rc = pf__fail(err, errlen, label, "benchmarks[%zu] is not an object", i);
      break;
    }
    const char *run_type = json_string_value(json_object_get(b, "run_type"));
    if (json_object_get(b, "aggregate_name") || (run_type && strcmp(run_type, "aggregate") == 0)) {
      aggregates++;
      continue;
    }
    const char *name = json_string_value(json_object_get(b, "run_name"));
    if (!name) name = json_string_value(json_object_get(b, "name"));
    if (!name || !*name) {
      rc = pf__fail(err, errlen, label, "benchmarks[%zu].name is missing", i);
      break;
    }
    if (json_is_true(json_object_get(b, "error_occurred"))) {
      const char *m = json_string_value(json_object_get(b, "error_message"));
      rc = pf__fail(err, errlen, label, "benchmarks[%zu] (%s) reports an error: %s", i, name,
                    m ? m : "(no message)");
      break;
    }
    const char *tu = json_string_value(json_object_get(b, "time_unit"));
    double scale = tu ? pf__time_scale(tu) : 1;
    if (scale == 0) {
      rc = pf__fail(err, errlen, label, "benchmarks[%zu].time_unit '%s' is not known", i, tu);
      break;
    }
    const json_t *rt = json_object_get(b, "real_time");
    double d;
    int bad = rt ? pf__sample(rt, scale, &d) : -3;
    if (bad) {
      rc = pf__fail(err, errlen, label, "benchmarks[%zu].real_time %s", i,
                    bad == -3   ? "is missing"
                    : bad == -2 ? "is negative"
                                : "is not a number");
      break;
    }
    pf__group *g = NULL;
    for (size_t k = 0; k < groups.len; k++)
      if (strcmp(groups.items[k].name, name) == 0) g = &groups.items[k];
    if (!g) {
      as_array_push(&groups, ((pf__group){name, {0}}));
      g = &groups.items[groups.len - 1];
    }
    as_array_push(&g->samples, d);
  }
  if (rc == 0 && groups.len == 0)
    rc = pf__fail(err, errlen, label,
                  aggregates ? "benchmarks holds only aggregate rows (_mean, _median, ...): run "
                               "without --benchmark_report_aggregates_only"
                             : "benchmarks is empty");
  for (size_t k = 0; rc == 0 && k < groups.len; k++)
    if (!pf_set_add(into, groups.items[k].name, PF_UNIT_NS, groups.items[k].samples.items,
                    groups.items[k].samples.len, canon, label))
      rc = pf__fail(err, errlen, label, "benchmark '%s' (ns) appears twice", groups.items[k].name);
  for (size_t k = 0; k < groups.len; k++)
    as_array_free(&groups.items[k].samples);
  as_array_free(&groups);
  free(canon);
  return rc;
}

/* ---- hyperfine ------------------------------------------------------------------ */

static int pf__hyperfine(pf_set *into, const char *label, const json_t *root, char *err,
                         size_t errlen) {
  const json_t *results = json_object_get(root, "results");
  if (json_array_size(results) == 0) return pf__fail(err, errlen, label, "results is empty");
  pf__doubles s = {0};
  int rc = 0;
  for (size_t i = 0; rc == 0 && i < json_array_size(results); i++) {
    const json_t *r = json_array_get(results, i);
    if (!json_is_object(r)) {
      rc = pf__fail(err, errlen, label, "results[%zu] is not an object", i);
      break;
    }
    const char *cmd = json_string_value(json_object_get(r, "command"));
    if (!cmd || !*cmd) {
      rc = pf__fail(err, errlen, label, "results[%zu].command is missing", i);
      break;
    }
    const json_t *times = json_object_get(r, "times");
    if (!json_is_array(times)) {
      rc = pf__fail(err, errlen, label, "results[%zu].times is missing or not an array", i);
      break;
    }
    if (json_array_size(times) == 0) {
      rc = pf__fail(err, errlen, label, "results[%zu] (%s) has no samples", i, cmd);
      break;
    }
    s.len = 0;
    for (size_t k = 0; rc == 0 && k < json_array_size(times); k++) {
      double d;
      int bad = pf__sample(json_array_get(times, k), 1e9, &d);
      if (bad)
        rc = pf__fail(err, errlen, label, "results[%zu].times[%zu] %s", i, k,
                      bad == -2 ? "is negative" : "is not a number");
      else
        as_array_push(&s, d);
    }
    if (rc == 0 && !pf_set_add(into, cmd, PF_UNIT_NS, s.items, s.len, "{}", label))
      rc = pf__fail(err, errlen, label, "results[%zu]: command '%s' appears twice", i, cmd);
  }
  as_array_free(&s);
  return rc;
}

/* ---- entry points ------------------------------------------------------------- */

int pf_ingest_buffer(pf_set *self, const char *label, const char *text, size_t len, char *err,
                     size_t errlen) {
  json_error_t je;
  json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
  if (!root) return pf__fail(err, errlen, label, "not valid JSON: %s (line %d)", je.text, je.line);
  pf_set *tmp = pf_set_new();
  int rc;
  const char *format = json_string_value(json_object_get(root, "format"));
  if (!json_is_object(root)) {
    rc = pf__fail(err, errlen, label, "not a benchmark file: the top level is not an object");
  } else if (format) {
    rc = strcmp(format, "assay-perf") == 0
             ? pf__assay(tmp, label, root, err, errlen)
             : pf__fail(err, errlen, label, "unknown format '%s' (expected assay-perf)", format);
  } else if (json_object_get(root, "benchmarks") && json_object_get(root, "context")) {
    rc = pf__google(tmp, label, root, err, errlen);
  } else if (json_is_array(json_object_get(root, "results"))) {
    rc = pf__hyperfine(tmp, label, root, err, errlen);
  } else {
    rc = pf__fail(err, errlen, label,
                  "unknown benchmark format: expected Google Benchmark JSON (context and "
                  "benchmarks), hyperfine --export-json (results) or assay-perf");
  }
  json_decref(root);
  for (size_t i = 0; rc == 0 && i < tmp->len; i++) {
    const pf_bench *b = &tmp->items[i];
    const pf_bench *prev = pf_set_find(self, b->name, b->unit);
    if (prev)
      rc = pf__fail(err, errlen, label, "benchmark '%s' (%s) is already in %s", b->name,
                    pf_unit_name(b->unit), prev->source ? prev->source : "another input");
  }
  for (size_t i = 0; rc == 0 && i < tmp->len; i++) {
    const pf_bench *b = &tmp->items[i];
    pf_set_add(self, b->name, b->unit, b->samples, b->nsamples, b->environment, b->source);
  }
  pf_set_delete(tmp);
  return rc;
}

int pf_ingest_file(pf_set *self, const char *path, char *err, size_t errlen) {
  char *data;
  size_t len;
  if (as_read_file(path, &data, &len) != 0)
    return pf__fail(err, errlen, path, "cannot read: %s", strerror(errno));
  int rc = pf_ingest_buffer(self, path, data, len, err, errlen);
  free(data);
  return rc;
}
