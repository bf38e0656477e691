/* assay — the command-line entry point: scan, baseline save, check, dump-ir,
 * perf record.
 * Exit codes: 0 pass, 1 gate failed, 2 usage or input error, 3 internal error. */
#include "analyses/catalogue.h"
#include "analyses/access.h"
#include "analyses/contract.h"
#include "analyses/models.h"
#include "analyses/perf.h"
#include "analyses/policy.h"
#include "analyses/scan.h"
#include "analyses/surface.h"
#include "baselines/store.h"
#include "frontend/frontend.h"
#include "report/graph.h"
#include "report/dsse.h"
#include "report/report.h"

#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { EXIT_PASS = 0, EXIT_GATE = 1, EXIT_USAGE = 2, EXIT_INTERNAL = 3 };

static const char *const usage_main =
    "usage: assay <command> [options]\n"
    "\n"
    "commands:\n"
    "  scan PATH            find personal-data flows in PATH\n"
    "  baseline save PATH   store PATH's findings as the baseline\n"
    "  check PATH           compare PATH with a baseline and gate on new flows\n"
    "                       (and on performance regressions, with --perf FILE)\n"
    "  perf record -- CMD   run CMD and record instruction counts and wall-clock times\n"
    "  export PATH          draw PATH's flows as a graph (DOT, SVG, PNG), or their diff\n"
    "                       against a baseline\n"
    "  dump-ir PATH FILE    print the IR of one file (FILE relative to PATH)\n"
    "  attest keygen|sign|verify\n"
    "                       sign check's attestation (DSSE, Ed25519) and verify it\n"
    "                       with the evidence files it names\n"
    "\n"
    "options: --help (also after a command), --version\n"
    "exit codes: 0 pass, 1 gate failed, 2 usage or input error, 3 internal error\n";

static const char *const usage_scan =
    "usage: assay scan PATH [--format sarif|json|text] [--output FILE]\n"
    "                       [--catalogue FILE] [--policy FILE] [--cache FILE | --no-cache]\n"
    "\n"
    "Scan PATH and report every flow of personal data to a sink.\n"
    "  --format      output format (default text)\n"
    "  --output      write the report to FILE instead of standard output\n"
    "  --catalogue   extra classification rules (analyses/data/categories.tsv format);\n"
    "                PATH/.assay/categories.tsv is read too when present\n"
    "  --cache       unit cache file (default $XDG_CACHE_HOME/assay/units.sqlite)\n"
    "  --no-cache    lower every file again\n"
    "  --policy      the policy file (default PATH/.assay/policy.yaml when present):\n"
    "                data types, approved flows, exceptions; see README \"Policy file\"\n";

static const char *const usage_baseline =
    "usage: assay baseline save PATH --db FILE [--perf FILE]... [--catalogue FILE]\n"
    "                           [--cache FILE | --no-cache]\n"
    "\n"
    "Scan PATH and store its findings in the baseline FILE (SQLite), in one\n"
    "transaction. An existing FILE must be an Assay baseline; it is never\n"
    "overwritten otherwise.\n"
    "  --perf   benchmark results to store with the findings (repeatable): Google\n"
    "           Benchmark JSON, hyperfine --export-json, or assay perf record's output.\n"
    "           Every file is checked before the baseline is opened.\n";

static const char *const usage_check =
    "usage: assay check PATH --baseline FILE [--perf FILE]... [--sarif FILE]\n"
    "                        [--attestation FILE] [--format text|json|sarif] [--output FILE]\n"
    "                        [--summary FILE] [--html FILE]\n"
    "                        [--catalogue FILE] [--policy FILE] [--cache FILE | --no-cache]\n"
    "\n"
    "Scan PATH, compare with the baseline by stable fingerprint and fail (exit 1)\n"
    "when a flow is new. Every result carries its state: new, unchanged, absent.\n"
    "  --perf          benchmark results to compare with the baseline's (repeatable);\n"
    "                  a regression fails the check too. Tolerances come from\n"
    "                  PATH/.assay/policy.yaml (performance: alpha, min_effect,\n"
    "                  instructions, benchmarks: {NAME: {..., reason}}).\n"
    "  --sarif         also write SARIF 2.1.0 to FILE\n"
    "  --attestation   also write an in-toto Statement v1 to FILE\n"
    "  --summary       also write a Markdown summary for a pull request to FILE: the\n"
    "                  verdict per gate, new and absent findings, exceptions applied\n"
    "  --html          also write a self-contained HTML report to FILE: the same\n"
    "                  tables and the flows graph of the diff (inline SVG)\n"
    "  --policy        the policy file (default PATH/.assay/policy.yaml when present):\n"
    "                  approved flows, exceptions by fingerprint and data types; a\n"
    "                  finding they or an inline `assay: allow RULE -- REASON` cover\n"
    "                  is reported as suppressed and does not fail the check\n";

static const char *const usage_perf =
    "usage: assay perf record --name NAME [--runs N] [--instructions] [--wall]\n"
    "                         [--output FILE] -- CMD [ARGS...]\n"
    "\n"
    "Run CMD (directly, not through a shell) and record a benchmark in Assay's\n"
    "format, for baseline save --perf and check --perf.\n"
    "  --instructions  count instructions: one run under valgrind --tool=callgrind\n"
    "                  (deterministic: the figure for noisy machines)\n"
    "  --wall          time N runs with a monotonic clock (nanoseconds)\n"
    "                  (neither flag: both)\n"
    "  --runs          wall-clock runs (default 10)\n"
    "  --output        write to FILE instead of standard output\n"
    "CMD's standard output goes to standard error; a non-zero exit is an error.\n";

static const char *const usage_dump =
    "usage: assay dump-ir PATH FILE\n"
    "\n"
    "Print the IR unit of FILE (relative to PATH) as the frontend lowers it.\n";

static const char *const usage_export =
    "usage: assay export PATH --graph flows|services|access --format dot|svg|png --output FILE\n"
    "                         [--baseline FILE] [--catalogue FILE] [--cache FILE | --no-cache]\n"
    "\n"
    "Scan PATH and draw a graph for security review with Graphviz.\n"
    "  --graph      flows: personal data from where it is classified (sources) to the\n"
    "               sinks, grouped by service, the categories on the edges (default flows);\n"
    "               services: the service map, each service with its endpoints (HTTP\n"
    "               routes, gRPC methods, queue consumers) and the calls linking them,\n"
    "               with the personal data each link carries;\n"
    "               access: the data-access graph, endpoints to the functions they\n"
    "               reach to the tables (columns, personal data marked) and cache keys\n"
    "               they read or write, and the statements that could not be read\n"
    "  --format     dot (no layout), svg or png (dot layout); by default from the\n"
    "               extension of --output\n"
    "  --output     the file to write\n"
    "  --baseline   draw the diff against this baseline: new flows bold red, absent\n"
    "               ones dashed grey, unchanged ones plain (exit 0 all the same)\n";

static void fail_usage(const char *usage, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("assay: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputs("\n\n", stderr);
  fputs(usage, stderr);
  va_end(ap);
}

typedef struct opts {
  const char *path;
  const char *format;
  const char *output;
  const char *db;
  const char *baseline;
  const char *sarif;
  const char *attestation;
  const char *summary; /* check --summary: Markdown */
  const char *html;    /* check --html */
  const char *catalogue;
  const char *cache;
  const char *policy; /* --policy: instead of PATH/.assay/policy.yaml */
  bool no_cache;
  const char *file; /* dump-ir */
  const char *perf[64];
  size_t nperf;
} opts;

/* Parse "--name VALUE" options and up to two positionals. Returns 0, 1 for
 * --help (printed), or -1 after printing a usage error. */
static int parse_opts(int argc, char **argv, const char *usage, const char *allowed, opts *o,
                      int npos) {
  int pos = 0;
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      fputs(usage, stdout);
      return 1;
    }
    if (strncmp(a, "--", 2) == 0) {
      char name[64];
      snprintf(name, sizeof name, " %s ", a + 2);
      if (!strstr(allowed, name)) {
        fail_usage(usage, "unknown option '%s'", a);
        return -1;
      }
      if (strcmp(a, "--no-cache") == 0) {
        o->no_cache = true;
        continue;
      }
      if (i + 1 >= argc) {
        fail_usage(usage, "option '%s' needs a value", a);
        return -1;
      }
      const char *v = argv[++i];
      if (strcmp(a, "--format") == 0)
        o->format = v;
      else if (strcmp(a, "--output") == 0)
        o->output = v;
      else if (strcmp(a, "--db") == 0)
        o->db = v;
      else if (strcmp(a, "--baseline") == 0)
        o->baseline = v;
      else if (strcmp(a, "--sarif") == 0)
        o->sarif = v;
      else if (strcmp(a, "--attestation") == 0)
        o->attestation = v;
      else if (strcmp(a, "--summary") == 0)
        o->summary = v;
      else if (strcmp(a, "--html") == 0)
        o->html = v;
      else if (strcmp(a, "--catalogue") == 0)
        o->catalogue = v;
      else if (strcmp(a, "--cache") == 0)
        o->cache = v;
      else if (strcmp(a, "--policy") == 0)
        o->policy = v;
      else if (strcmp(a, "--perf") == 0) {
        if (o->nperf == sizeof(o->perf) / sizeof(o->perf[0])) {
          fail_usage(usage, "too many --perf files (at most 64)");
          return -1;
        }
        o->perf[o->nperf++] = v;
      }
      continue;
    }
    if (pos >= npos) {
      fail_usage(usage, "unexpected argument '%s'", a);
      return -1;
    }
    if (pos == 0)
      o->path = a;
    else
      o->file = a;
    pos++;
  }
  if (pos < npos) {
    fail_usage(usage, pos == 0 ? "missing PATH" : "missing FILE");
    return -1;
  }
  if (o->format && strcmp(o->format, "sarif") != 0 && strcmp(o->format, "json") != 0 &&
      strcmp(o->format, "text") != 0) {
    fail_usage(usage, "unknown format '%s' (sarif, json or text)", o->format);
    return -1;
  }
  return 0;
}

static char *default_cache_path(void) {
  const char *xdg = getenv("XDG_CACHE_HOME");
  const char *home = getenv("HOME");
  char *dir;
  if (xdg && *xdg)
    dir = as_sprintf("%s/assay", xdg);
  else if (home && *home)
    dir = as_sprintf("%s/.cache/assay", home);
  else
    return NULL;
  /* mkdir -p of the last two levels is enough for ~/.cache/assay. */
  char *parent = as_strdup(dir);
  char *slash = strrchr(parent, '/');
  if (slash) *slash = 0;
  mkdir(parent, 0700);
  free(parent);
  mkdir(dir, 0700);
  char *path = as_sprintf("%s/units.sqlite", dir);
  free(dir);
  return path;
}

/* The policy of a scan: --policy, else PATH/.assay/policy.yaml when present,
 * else the defaults. NULL after a message when the file is bad. */
static an_policy *load_policy(const opts *o) {
  an_policy *pol = an_policy_new();
  char *path = o->policy ? as_strdup(o->policy) : as_sprintf("%s/.assay/policy.yaml", o->path);
  char err[1024];
  if ((o->policy || access(path, F_OK) == 0) && an_policy_load(pol, path, err, sizeof err) != 0) {
    fprintf(stderr, "assay: %s\n", err);
    an_policy_delete(pol);
    pol = NULL;
  }
  free(path);
  return pol;
}

/* Apply the policy and inline suppressions to res; notes on unused entries.
 * Returns an exit code. */
static int apply_policy(an_policy *pol, an_result *res, const char *root) {
  char err[1024];
  if (an_policy_apply(pol, res, root, err, sizeof err) != 0) {
    fprintf(stderr, "assay: %s\n", err);
    return EXIT_USAGE;
  }
  for (size_t i = 0; i < pol->nexceptions; i++)
    if (!pol->exceptions[i].used)
      fprintf(stderr, "assay: note: %s:%u: exception %.12s\u2026 matched no finding\n", pol->path,
              pol->exceptions[i].line, pol->exceptions[i].fingerprint);
  for (size_t i = 0; i < pol->nflows; i++)
    if (!pol->flows[i].used)
      fprintf(stderr, "assay: note: %s:%u: approved flow %s -> %s matched no finding\n", pol->path,
              pol->flows[i].line, pol->flows[i].category, ir_sink_kind_name(pol->flows[i].sink));
  return EXIT_PASS;
}

static int run_scan_policy(const opts *o, an_result **out, an_scan_info *info, an_policy **policy);

/* The shared part of scan, baseline save and check. Returns an exit code. */
static int run_scan(const opts *o, an_result **out, an_scan_info *info) {
  return run_scan_policy(o, out, info, NULL);
}

/* run_scan, keeping the policy (its data types are in the catalogue) for
 * the caller to apply when policy is not NULL. */
static int run_scan_policy(const opts *o, an_result **out, an_scan_info *info, an_policy **policy) {
  struct stat st;
  if (stat(o->path, &st) != 0) {
    fprintf(stderr, "assay: %s: %s\n", o->path, strerror(errno));
    return EXIT_USAGE;
  }
  if (!S_ISDIR(st.st_mode)) {
    fprintf(stderr, "assay: %s: not a directory\n", o->path);
    return EXIT_USAGE;
  }
  an_policy *pol = load_policy(o);
  if (!pol) return EXIT_USAGE;
  an_catalogue *cat = an_catalogue_new_default();
  char err[1024];
  char *local = as_sprintf("%s/.assay/categories.tsv", o->path);
  if (access(local, R_OK) == 0 && an_catalogue_add_file(cat, local, err, sizeof err) != 0) {
    fprintf(stderr, "assay: %s\n", err);
    free(local);
    an_catalogue_delete(cat);
    an_policy_delete(pol);
    return EXIT_USAGE;
  }
  free(local);
  if ((o->catalogue && an_catalogue_add_file(cat, o->catalogue, err, sizeof err) != 0) ||
      an_policy_add_types(pol, cat, err, sizeof err) != 0) {
    fprintf(stderr, "assay: %s\n", err);
    an_catalogue_delete(cat);
    an_policy_delete(pol);
    return EXIT_USAGE;
  }
  an_models *models = an_models_new_default();
  char *cache = NULL;
  if (!o->no_cache) cache = o->cache ? as_strdup(o->cache) : default_cache_path();
  an_scan_options so = {o->path, cache, cat, models};
  an_result *res = an_result_new();
  int rc = an_scan(&so, res, info, err, sizeof err);
  free(cache);
  an_models_delete(models);
  an_catalogue_delete(cat);
  if (rc != 0) {
    fprintf(stderr, "assay: %s\n", err);
    an_result_delete(res);
    an_policy_delete(pol);
    return EXIT_USAGE;
  }
  if (policy)
    *policy = pol;
  else
    an_policy_delete(pol);
  if (info->cache_warning[0])
    fprintf(stderr, "assay: warning: unit cache not used: %s\n", info->cache_warning);
  for (size_t i = 0; i < res->ndiags; i++) {
    const as_diag *d = &res->diags[i];
    if (d->level == AS_DIAG_ERROR)
      fprintf(stderr, "assay: %s:%u:%u: %s: %s\n", d->path, d->line, d->col, d->code, d->message);
  }
  *out = res;
  return EXIT_PASS;
}

/* Write a report in a format to a file or stdout. */
static int write_report(const an_result *res, const char *format, const char *path,
                        bool with_states, const pf_report *perf) {
  rp_options ro = {ASSAY_VERSION, with_states, perf};
  FILE *f = stdout;
  if (path && strcmp(path, "-") != 0) {
    f = fopen(path, "w");
    if (!f) {
      fprintf(stderr, "assay: cannot write %s: %s\n", path, strerror(errno));
      return EXIT_USAGE;
    }
  }
  int rc;
  if (!format || strcmp(format, "text") == 0)
    rc = rp_write_text(res, &ro, f);
  else if (strcmp(format, "json") == 0)
    rc = rp_write_json(res, &ro, f);
  else
    rc = rp_write_sarif(res, &ro, f);
  if (f != stdout) {
    if (fclose(f) != 0) rc = -1;
  } else {
    fflush(stdout);
  }
  if (rc != 0) {
    fprintf(stderr, "assay: cannot write %s\n", path ? path : "standard output");
    return EXIT_USAGE;
  }
  return EXIT_PASS;
}

static int cmd_scan(int argc, char **argv) {
  opts o = {0};
  int p =
      parse_opts(argc, argv, usage_scan, " format output catalogue policy cache no-cache ", &o, 1);
  if (p) return p > 0 ? EXIT_PASS : EXIT_USAGE;
  an_result *res;
  an_scan_info info;
  an_policy *pol = NULL;
  int rc = run_scan_policy(&o, &res, &info, &pol);
  if (rc) return rc;
  rc = apply_policy(pol, res, o.path);
  if (rc == EXIT_PASS) rc = write_report(res, o.format, o.output, false, NULL);
  an_policy_delete(pol);
  an_result_delete(res);
  return rc;
}

/* The commit of a git work tree holding path, or NULL. The repository is
 * only read: fsmonitor and hooks are disabled for the call. */
static char *git_commit(const char *path) {
  if (access("/usr/bin/git", X_OK) != 0) return NULL;
  char *q = as_sprintf("git -c core.fsmonitor=false -C '%s' rev-parse --verify -q HEAD 2>/dev/null",
                       path);
  if (strchr(path, '\'')) {
    free(q);
    return NULL;
  }
  FILE *p = popen(q, "r");
  free(q);
  if (!p) return NULL;
  char line[128] = {0};
  char *ok = fgets(line, sizeof line, p);
  int st = pclose(p);
  if (!ok || st != 0) return NULL;
  line[strcspn(line, "\r\n")] = 0;
  return strlen(line) == 40 ? as_strdup(line) : NULL;
}

static void now_iso(char out[32]) {
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Read every --perf file; NULL (after a message) when one is bad. */
static pf_set *read_perf(const opts *o) {
  pf_set *set = pf_set_new();
  char err[1024];
  for (size_t i = 0; i < o->nperf; i++) {
    if (pf_ingest_file(set, o->perf[i], err, sizeof err) != 0) {
      fprintf(stderr, "assay: %s\n", err);
      pf_set_delete(set);
      return NULL;
    }
  }
  return set;
}

static int cmd_baseline(int argc, char **argv) {
  if (argc < 1 || strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0) {
    if (argc < 1) {
      fail_usage(usage_baseline, "missing subcommand (save)");
      return EXIT_USAGE;
    }
    fputs(usage_baseline, stdout);
    return EXIT_PASS;
  }
  if (strcmp(argv[0], "save") != 0) {
    fail_usage(usage_baseline, "unknown baseline subcommand '%s'", argv[0]);
    return EXIT_USAGE;
  }
  opts o = {0};
  int p = parse_opts(argc - 1, argv + 1, usage_baseline,
                     " db perf catalogue policy cache no-cache ", &o, 1);
  if (p) return p > 0 ? EXIT_PASS : EXIT_USAGE;
  if (!o.db) {
    fail_usage(usage_baseline, "missing --db FILE");
    return EXIT_USAGE;
  }
  /* Benchmark files are checked whole before the baseline is opened for
   * writing: a bad one leaves the baseline untouched. */
  pf_set *perf = read_perf(&o);
  if (!perf) return EXIT_USAGE;
  /* Validate the baseline file before the (long) scan: never overwrite a bad one. */
  char err[1024];
  bl_store *store;
  if (bl_store_open(o.db, true, &store, err, sizeof err) != 0) {
    fprintf(stderr, "assay: %s\n", err);
    pf_set_delete(perf);
    return EXIT_USAGE;
  }
  an_result *res;
  an_scan_info info;
  int rc = run_scan(&o, &res, &info);
  if (rc) {
    bl_store_close(store);
    pf_set_delete(perf);
    return rc;
  }
  char *commit = git_commit(o.path);
  char when[32];
  now_iso(when);
  bl_meta meta = {commit, info.tree_digest, ASSAY_VERSION, when};
  if (bl_store_save_all(store, res, perf, &meta, err, sizeof err) != 0) {
    fprintf(stderr, "assay: %s\n", err);
    rc = EXIT_INTERNAL;
  } else {
    printf("baseline %s: %zu finding%s from %zu files (%zu failed to parse)\n", o.db,
           res->nfindings, res->nfindings == 1 ? "" : "s", res->files_scanned, res->files_failed);
    if (perf->len) {
      size_t nsamples = 0;
      for (size_t i = 0; i < perf->len; i++)
        nsamples += perf->items[i].nsamples;
      printf("baseline %s: %zu benchmarks (%zu samples)\n", o.db, perf->len, nsamples);
    }
  }
  pf_set_delete(perf);
  free(commit);
  bl_store_close(store);
  an_result_delete(res);
  return rc;
}

static int file_sha256(const char *path, char out[65]) {
  char *data;
  size_t len;
  if (as_read_file(path, &data, &len) != 0) return -1;
  as_sha256_hex(data, len, out);
  free(data);
  return 0;
}

/* The performance comparison of check: the current benchmarks against the
 * baseline's, with PATH/.assay/policy.yaml's tolerances. Returns an exit
 * code; *out is NULL when no --perf file was given. */
static int compare_perf(const opts *o, const pf_set *cur, const pf_set *base, pf_report **out) {
  *out = NULL;
  if (!o->nperf) {
    if (base->len)
      fprintf(stderr,
              "assay: note: the baseline holds %zu benchmarks; pass --perf FILE to compare "
              "them\n",
              base->len);
    return EXIT_PASS;
  }
  an_policy *policy = an_policy_new();
  char *path = o->policy ? as_strdup(o->policy) : as_sprintf("%s/.assay/policy.yaml", o->path);
  char err[1024];
  if ((o->policy || access(path, F_OK) == 0) &&
      an_policy_load(policy, path, err, sizeof err) != 0) {
    fprintf(stderr, "assay: %s\n", err);
    free(path);
    an_policy_delete(policy);
    return EXIT_USAGE;
  }
  free(path);
  if (!base->len)
    fprintf(stderr, "assay: note: the baseline holds no benchmarks: nothing to compare\n");
  *out = pf_compare(base, cur, &policy->perf, policy->overrides, policy->noverrides);
  an_policy_delete(policy);
  return EXIT_PASS;
}

/* The folder of path relative to its git work tree's top, with a trailing
 * '/' ("corpus/shop/after/"), or "" (a malloc'd string either way): links in
 * the summary are relative to the repository. Outside git: path itself when
 * it is relative. */
static char *repo_prefix(const char *path) {
  if (access("/usr/bin/git", X_OK) == 0 && !strchr(path, '\'')) {
    char *q =
        as_sprintf("git -c core.fsmonitor=false -C '%s' rev-parse --show-prefix 2>/dev/null", path);
    FILE *p = popen(q, "r");
    free(q);
    if (p) {
      char line[4096] = {0};
      char *ok = fgets(line, sizeof line, p);
      int st = pclose(p);
      if (st == 0) {
        if (!ok) line[0] = 0;
        line[strcspn(line, "\r\n")] = 0;
        return as_strdup(line);
      }
    }
  }
  if (path[0] == '/' || strcmp(path, ".") == 0) return as_strdup("");
  size_t n = strlen(path);
  while (n > 1 && path[n - 1] == '/')
    n--;
  return as_sprintf("%.*s/", (int)n, path);
}

/* Open path for writing ("-": standard output). */
static FILE *open_out(const char *path) {
  if (strcmp(path, "-") == 0) return stdout;
  FILE *f = fopen(path, "w");
  if (!f) fprintf(stderr, "assay: cannot write %s: %s\n", path, strerror(errno));
  return f;
}

/* check --summary and --html, after the other reports. Returns an exit code. */
static int write_summaries(const opts *o, const an_result *res, const an_policy *pol,
                           const pf_report *perf, const char *verdict, const char *flow_verdict) {
  rp_exception *excs = as_calloc(pol->napplied ? pol->napplied : 1, sizeof(*excs));
  for (size_t i = 0; i < pol->napplied; i++) {
    const an_policy_applied *ap = &pol->applied[i];
    excs[i] = (rp_exception){ap->fingerprint, ap->rule, ap->reason, ap->expires, ap->origin};
  }
  char *prefix = repo_prefix(o->path);
  rp_summary s = {o->path, verdict, flow_verdict, perf, prefix, excs, pol->napplied};
  int rc = EXIT_PASS;
  if (o->summary) {
    FILE *f = open_out(o->summary);
    if (!f) {
      rc = EXIT_USAGE;
    } else {
      int w = rp_write_summary(res, &s, f);
      if (f != stdout && fclose(f) != 0) w = -1;
      if (w != 0) {
        fprintf(stderr, "assay: cannot write %s\n", o->summary);
        rc = EXIT_USAGE;
      }
    }
  }
  if (rc == EXIT_PASS && o->html) {
    FILE *f = open_out(o->html);
    char err[1024] = {0};
    if (!f) {
      rc = EXIT_USAGE;
    } else {
      int w = rp_write_html(res, &s, f, err, sizeof err);
      if (f != stdout && fclose(f) != 0 && w == 0) {
        snprintf(err, sizeof err, "%s", strerror(errno));
        w = -1;
      }
      if (w != 0) {
        fprintf(stderr, "assay: cannot write %s: %s\n", o->html, err);
        rc = EXIT_USAGE;
      }
    }
  }
  free(prefix);
  free(excs);
  return rc;
}

static int cmd_check(int argc, char **argv) {
  opts o = {0};
  int p = parse_opts(
      argc, argv, usage_check,
      " baseline perf sarif attestation summary html format output catalogue policy cache "
      "no-cache ",
      &o, 1);
  if (p) return p > 0 ? EXIT_PASS : EXIT_USAGE;
  if (!o.baseline) {
    fail_usage(usage_check, "missing --baseline FILE");
    return EXIT_USAGE;
  }
  pf_set *cur_perf = read_perf(&o);
  if (!cur_perf) return EXIT_USAGE;
  char err[1024];
  bl_store *store;
  if (bl_store_open(o.baseline, false, &store, err, sizeof err) != 0) {
    fprintf(stderr, "assay: %s\n", err);
    pf_set_delete(cur_perf);
    return EXIT_USAGE;
  }
  an_result *base = an_result_new();
  pf_set *base_perf = pf_set_new();
  bl_meta meta = {0};
  bool base_surface = false, base_access = false;
  an_contract_set *base_contract = NULL;
  if (bl_store_load(store, base, &meta, err, sizeof err) != 0 ||
      bl_store_load_perf(store, base_perf, err, sizeof err) != 0 ||
      bl_store_load_surface(store, base, &base_surface, err, sizeof err) != 0 ||
      bl_store_load_contract(store, &base_contract, err, sizeof err) != 0 ||
      bl_store_load_access(store, base, &base_access, err, sizeof err) != 0) {
    fprintf(stderr, "assay: %s\n", err);
    bl_store_close(store);
    an_result_delete(base);
    an_contract_set_delete(base_contract);
    pf_set_delete(base_perf);
    pf_set_delete(cur_perf);
    return EXIT_USAGE;
  }
  bl_store_close(store);
  char base_digest[65];
  pf_report *report = NULL;
  int rc = EXIT_PASS;
  if (file_sha256(o.baseline, base_digest) != 0) {
    fprintf(stderr, "assay: cannot read %s: %s\n", o.baseline, strerror(errno));
    rc = EXIT_USAGE;
  }
  if (rc == EXIT_PASS) rc = compare_perf(&o, cur_perf, base_perf, &report);
  pf_set_delete(base_perf);
  pf_set_delete(cur_perf);
  an_result *res = NULL;
  an_scan_info info;
  an_policy *pol = NULL;
  if (rc == EXIT_PASS) rc = run_scan_policy(&o, &res, &info, &pol);
  if (rc == EXIT_PASS) {
    bl_diff(base, res);
    /* The attack surface against the baseline's: new endpoints, guards
     * removed, responses newly carrying personal data. */
    if (base_surface) {
      an_surface_diff(base, res);
      an_surface_contract_diff(base_contract, res->contract, res);
    } else
      fprintf(stderr,
              "assay: note: the baseline %s holds no attack surface (an older schema); "
              "save a new baseline to compare endpoints and their guards\n",
              o.baseline);
    /* The data-access graph: new reads and writes of personal data, new tables. */
    if (base_access)
      an_access_diff(base, res);
    else
      fprintf(stderr,
              "assay: note: the baseline %s holds no data-access graph (an older schema); "
              "save a new baseline to compare table and key access\n",
              o.baseline);
    an_result_sort(res);
    /* Policy and inline suppressions; a bad one stops here, before any
     * output is written. */
    rc = apply_policy(pol, res, o.path);
  }
  if (rc) {
    an_result_delete(res);
    an_policy_delete(pol);
    an_result_delete(base);
    an_contract_set_delete(base_contract);
    pf_report_delete(report);
    return rc;
  }
  size_t n_new = 0, n_unchanged = 0, n_absent = 0, n_suppressed = 0, n_new_open = 0;
  /* The contract and attack-surface gate's findings, counted apart. */
  size_t c_counts[AN_STATE_ABSENT + 1] = {0}, c_new_open = 0;
  size_t c_class[3] = {0}; /* new changes: breaking, potentially breaking, compatible */
  /* The data-access gate's findings (all new), counted apart too. */
  size_t a_new = 0, a_new_open = 0;
  for (size_t i = 0; i < res->nfindings; i++) {
    if (res->findings[i].suppressed_reason) n_suppressed++;
    if (strncmp(res->findings[i].rule_id, "assay/access-", 13) == 0) {
      if (res->findings[i].state == AN_STATE_NEW) {
        a_new++;
        if (!res->findings[i].suppressed_reason) a_new_open++;
      }
      continue;
    }
    if (an_surface_is_contract_rule(res->findings[i].rule_id)) {
      if ((unsigned)res->findings[i].state <= AN_STATE_ABSENT) c_counts[res->findings[i].state]++;
      /* potentially breaking and compatible changes are reported, not failed */
      const char *cls = res->findings[i].contract_class;
      if (res->findings[i].state == AN_STATE_NEW && !res->findings[i].suppressed_reason &&
          (!cls || strcmp(cls, "breaking") == 0))
        c_new_open++;
      if (cls && res->findings[i].state == AN_STATE_NEW)
        c_class[strcmp(cls, "breaking") == 0 ? 0 : strcmp(cls, "compatible") == 0 ? 2 : 1]++;
      continue;
    }
    switch (res->findings[i].state) {
    case AN_STATE_NEW:
      n_new++;
      if (!res->findings[i].suppressed_reason) n_new_open++;
      break;
    case AN_STATE_UNCHANGED:
      n_unchanged++;
      break;
    case AN_STATE_ABSENT:
      n_absent++;
      break;
    default:
      break;
    }
  }
  /* A suppressed new finding is reported but does not fail the gate. */
  const char *flow_verdict = n_new_open ? "fail" : "pass";
  const char *perf_verdict = report ? pf_report_verdict(report) : "pass";
  const char *contract_verdict = c_new_open ? "fail" : "pass";
  const char *access_verdict = a_new_open ? "fail" : "pass";
  bool failed = n_new_open || c_new_open || a_new_open || strcmp(perf_verdict, "fail") == 0;
  /* Both gates: fail when either fails; inconclusive (still exit 0: noise
   * or too few samples must not fail a build) when performance could not
   * decide; pass otherwise. */
  const char *verdict = failed                                      ? "fail"
                        : strcmp(perf_verdict, "inconclusive") == 0 ? "inconclusive"
                                                                    : "pass";
  int out_rc = write_report(res, o.format, o.output, true, report);
  if (out_rc == EXIT_PASS && o.sarif) out_rc = write_report(res, "sarif", o.sarif, true, report);
  if (out_rc == EXIT_PASS && o.attestation) {
    char *commit = git_commit(o.path);
    rp_attestation a = {0};
    a.subject_name = o.path;
    a.digest_alg = commit ? "gitCommit" : "sha256";
    a.digest = commit ? commit : info.tree_digest;
    a.verdict = verdict;
    a.n_new = n_new;
    a.n_unchanged = n_unchanged;
    a.n_absent = n_absent;
    a.baseline_path = o.baseline;
    a.baseline_sha256 = base_digest;
    a.baseline_commit = meta.commit;
    a.tool_version = ASSAY_VERSION;
    a.perf = report;
    a.flow_verdict = flow_verdict;
    a.contract_evaluated = true;
    a.contract_verdict = contract_verdict;
    a.contract_surface = base_surface;
    a.contract_new = c_counts[AN_STATE_NEW];
    a.contract_unchanged = c_counts[AN_STATE_UNCHANGED];
    a.contract_absent = c_counts[AN_STATE_ABSENT];
    static const char *const contract_rules[] = {
        "assay/surface-endpoint-added", "assay/surface-auth-removed", "assay/surface-response-pii",
        "assay/contract-field-missing", "assay/contract-field-unread"};
    rp_rule_count by_rule[sizeof contract_rules / sizeof *contract_rules];
    for (size_t r = 0; r < sizeof contract_rules / sizeof *contract_rules; r++) {
      by_rule[r] = (rp_rule_count){contract_rules[r], 0};
      for (size_t i = 0; i < res->nfindings; i++)
        by_rule[r].n_new += res->findings[i].state == AN_STATE_NEW &&
                            strcmp(res->findings[i].rule_id, contract_rules[r]) == 0;
    }
    a.contract_rules = by_rule;
    a.contract_breaking = c_class[0];
    a.contract_potentially_breaking = c_class[1];
    a.contract_compatible = c_class[2];
    a.ncontract_rules = sizeof contract_rules / sizeof *contract_rules;
    static const char *const access_rules[] = {"assay/access-pii-read", "assay/access-pii-write",
                                               "assay/access-table-added"};
    rp_rule_count a_by_rule[sizeof access_rules / sizeof *access_rules];
    for (size_t r = 0; r < sizeof access_rules / sizeof *access_rules; r++) {
      a_by_rule[r] = (rp_rule_count){access_rules[r], 0};
      for (size_t i = 0; i < res->nfindings; i++)
        a_by_rule[r].n_new += res->findings[i].state == AN_STATE_NEW &&
                              strcmp(res->findings[i].rule_id, access_rules[r]) == 0;
    }
    a.access_evaluated = true;
    a.access_verdict = access_verdict;
    a.access_compared = base_access;
    a.access_new = a_new;
    a.access_rules = a_by_rule;
    a.naccess_rules = sizeof access_rules / sizeof *access_rules;
    a.access_rows = res->naccesses;
    a.access_tables = res->ntables;
    a.access_unresolved = res->nunresolved_access;
    /* The policy and every suppression applied (rp_exception mirrors
     * an_policy_applied field by field). */
    rp_exception *excs = as_calloc(pol->napplied ? pol->napplied : 1, sizeof(*excs));
    for (size_t i = 0; i < pol->napplied; i++) {
      const an_policy_applied *ap = &pol->applied[i];
      excs[i] = (rp_exception){ap->fingerprint, ap->rule, ap->reason, ap->expires, ap->origin};
    }
    a.exceptions = excs;
    a.nexceptions = pol->napplied;
    a.policy_path = pol->path;
    a.policy_sha256 = pol->path ? pol->sha256 : NULL;
    /* The evidence files this check wrote, digested after writing. */
    rp_evidence evidence[2];
    size_t nevidence = 0;
    if (o.sarif && strcmp(o.sarif, "-") != 0)
      evidence[nevidence++] = (rp_evidence){"sarif", o.sarif, {0}};
    if (o.output && strcmp(o.output, "-") != 0 && o.format &&
        (strcmp(o.format, "json") == 0 || strcmp(o.format, "sarif") == 0))
      evidence[nevidence++] =
          (rp_evidence){strcmp(o.format, "json") == 0 ? "report-json" : "sarif", o.output, {0}};
    for (size_t i = 0; i < nevidence && out_rc == EXIT_PASS; i++) {
      if (file_sha256(evidence[i].path, evidence[i].sha256) != 0) {
        fprintf(stderr, "assay: cannot read %s: %s\n", evidence[i].path, strerror(errno));
        out_rc = EXIT_USAGE;
      }
    }
    a.evidence = evidence;
    a.nevidence = nevidence;
    if (out_rc == EXIT_PASS && rp_write_attestation(&a, o.attestation, err, sizeof err) != 0) {
      fprintf(stderr, "assay: %s\n", err);
      out_rc = EXIT_USAGE;
    }
    free(excs);
    free(commit);
  }
  if (out_rc == EXIT_PASS && (o.summary || o.html))
    out_rc = write_summaries(&o, res, pol, report, verdict, flow_verdict);
  {
    /* The one-line verdict goes to standard output only when the report went
     * to a file; a report on standard output (SARIF, JSON) stays parseable. */
    bool report_on_stdout = !o.output || strcmp(o.output, "-") == 0;
    FILE *s = report_on_stdout ? stderr : stdout;
    fprintf(s, "assay check: %s — %zu new, %zu unchanged, %zu absent",
            failed                                 ? "FAILED"
            : strcmp(verdict, "inconclusive") == 0 ? "inconclusive"
                                                   : "passed",
            n_new, n_unchanged, n_absent);
    if (n_suppressed) fprintf(s, ", %zu suppressed by policy", n_suppressed);
    if (c_counts[AN_STATE_NEW] || c_counts[AN_STATE_UNCHANGED] || c_counts[AN_STATE_ABSENT])
      fprintf(s, "; contract and attack surface: %zu new, %zu unchanged, %zu absent",
              c_counts[AN_STATE_NEW], c_counts[AN_STATE_UNCHANGED], c_counts[AN_STATE_ABSENT]);
    if (a_new) fprintf(s, "; data access: %zu new", a_new);
    if (report)
      fprintf(s,
              "; performance: %zu regressions, %zu improvements, %zu inconclusive, %zu unchanged",
              report->counts[PF_REGRESSION], report->counts[PF_IMPROVEMENT],
              report->counts[PF_INCONCLUSIVE], report->counts[PF_UNCHANGED]);
    fputc('\n', s);
  }
  an_result_delete(res);
  an_policy_delete(pol);
  an_result_delete(base);
  an_contract_set_delete(base_contract);
  pf_report_delete(report);
  if (out_rc) return out_rc;
  return failed ? EXIT_GATE : EXIT_PASS;
}

/* assay perf record --name NAME [--runs N] [--instructions] [--wall]
 *                   [--output FILE] -- CMD [ARGS...] */
static int cmd_perf(int argc, char **argv) {
  if (argc < 1 || strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0) {
    if (argc < 1) {
      fail_usage(usage_perf, "missing subcommand (record)");
      return EXIT_USAGE;
    }
    fputs(usage_perf, stdout);
    return EXIT_PASS;
  }
  if (strcmp(argv[0], "record") != 0) {
    fail_usage(usage_perf, "unknown perf subcommand '%s'", argv[0]);
    return EXIT_USAGE;
  }
  pf_record_options ro = {.runs = 10};
  const char *output = NULL;
  int i = 1;
  for (; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--") == 0) {
      i++;
      break;
    }
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      fputs(usage_perf, stdout);
      return EXIT_PASS;
    }
    if (strcmp(a, "--instructions") == 0) {
      ro.instructions = true;
    } else if (strcmp(a, "--wall") == 0) {
      ro.wall = true;
    } else if (strcmp(a, "--name") == 0 || strcmp(a, "--runs") == 0 || strcmp(a, "--output") == 0) {
      if (i + 1 >= argc) {
        fail_usage(usage_perf, "option '%s' needs a value", a);
        return EXIT_USAGE;
      }
      const char *v = argv[++i];
      if (strcmp(a, "--name") == 0) {
        ro.name = v;
      } else if (strcmp(a, "--output") == 0) {
        output = v;
      } else {
        char *end;
        long n = strtol(v, &end, 10);
        if (!*v || *end || n < 1 || n > 100000) {
          fail_usage(usage_perf, "--runs needs a count from 1 to 100000, not '%s'", v);
          return EXIT_USAGE;
        }
        ro.runs = (int)n;
      }
    } else if (strncmp(a, "--", 2) == 0) {
      fail_usage(usage_perf, "unknown option '%s'", a);
      return EXIT_USAGE;
    } else {
      fail_usage(usage_perf, "unexpected argument '%s' (the command goes after --)", a);
      return EXIT_USAGE;
    }
  }
  if (!ro.name || !*ro.name) {
    fail_usage(usage_perf, "missing --name NAME");
    return EXIT_USAGE;
  }
  if (i >= argc) {
    fail_usage(usage_perf, "missing command: assay perf record --name NAME -- CMD [ARGS...]");
    return EXIT_USAGE;
  }
  if (!ro.instructions && !ro.wall) ro.instructions = ro.wall = true;
  ro.argv = argv + i; /* argv[argc] is NULL */
  pf_set *set = pf_set_new();
  char err[1024];
  if (pf_record(set, &ro, err, sizeof err) != 0) {
    fprintf(stderr, "assay: %s\n", err);
    pf_set_delete(set);
    return EXIT_USAGE;
  }
  int rc = EXIT_PASS;
  FILE *f = stdout;
  if (output && strcmp(output, "-") != 0 && !(f = fopen(output, "w"))) {
    fprintf(stderr, "assay: cannot write %s: %s\n", output, strerror(errno));
    pf_set_delete(set);
    return EXIT_USAGE;
  }
  int wrc = pf_write_json(set, f);
  if (f != stdout && fclose(f) != 0) wrc = -1;
  if (wrc != 0) {
    fprintf(stderr, "assay: cannot write %s\n", output ? output : "standard output");
    rc = EXIT_USAGE;
  }
  pf_set_delete(set);
  return rc;
}

/* assay export PATH --graph flows --format dot|svg|png --output FILE
 *              [--baseline FILE]: --graph and --format are taken out before
 * the shared option parser (its --format is the report's). */
static int cmd_export(int argc, char **argv) {
  const char *graph = NULL, *format = NULL;
  char **rest = calloc((size_t)argc + 1, sizeof *rest);
  int nrest = 0;
  for (int i = 0; i < argc; i++) {
    if (strcmp(argv[i], "--graph") == 0 || strcmp(argv[i], "--format") == 0) {
      if (i + 1 >= argc) {
        fail_usage(usage_export, "option '%s' needs a value", argv[i]);
        free(rest);
        return EXIT_USAGE;
      }
      if (strcmp(argv[i], "--graph") == 0)
        graph = argv[++i];
      else
        format = argv[++i];
      continue;
    }
    rest[nrest++] = argv[i];
  }
  opts o = {0};
  int p =
      parse_opts(nrest, rest, usage_export, " output baseline catalogue cache no-cache ", &o, 1);
  free(rest);
  if (p) return p > 0 ? EXIT_PASS : EXIT_USAGE;
  if (!graph) graph = "flows";
  bool services = strcmp(graph, "services") == 0, access = strcmp(graph, "access") == 0;
  if (strcmp(graph, "flows") != 0 && !services && !access) {
    fail_usage(usage_export, "unknown graph '%s' (flows, services or access)", graph);
    return EXIT_USAGE;
  }
  if ((services || access) && o.baseline) {
    fail_usage(usage_export, "--baseline draws the flows diff; the %s graph has none", graph);
    return EXIT_USAGE;
  }
  if (!o.output) {
    fail_usage(usage_export, "missing --output FILE");
    return EXIT_USAGE;
  }
  if (!format) {
    const char *dot = strrchr(o.output, '.');
    if (dot && (strcmp(dot, ".dot") == 0 || strcmp(dot, ".svg") == 0 || strcmp(dot, ".png") == 0))
      format = dot + 1;
    else {
      fail_usage(usage_export, "missing --format dot|svg|png (not implied by '%s')", o.output);
      return EXIT_USAGE;
    }
  }
  if (strcmp(format, "dot") != 0 && strcmp(format, "svg") != 0 && strcmp(format, "png") != 0) {
    fail_usage(usage_export, "unknown graph format '%s' (dot, svg or png)", format);
    return EXIT_USAGE;
  }
  char err[1024];
  an_result *base = NULL;
  if (o.baseline) {
    bl_store *store;
    if (bl_store_open(o.baseline, false, &store, err, sizeof err) != 0) {
      fprintf(stderr, "assay: %s\n", err);
      return EXIT_USAGE;
    }
    base = an_result_new();
    bl_meta meta = {0};
    int lrc = bl_store_load(store, base, &meta, err, sizeof err);
    bl_store_close(store);
    if (lrc != 0) {
      fprintf(stderr, "assay: %s\n", err);
      an_result_delete(base);
      return EXIT_USAGE;
    }
  }
  an_result *res = NULL;
  an_scan_info info;
  int rc = run_scan(&o, &res, &info);
  if (rc) {
    an_result_delete(base);
    return rc;
  }
  if (base) bl_diff(base, res);
  an_result_sort(res);
  Agraph_t *g = NULL;
  int grc = access     ? rp_graph_access(res, &g)
            : services ? rp_graph_services(res, &g)
                       : rp_graph_flows(res, base != NULL, &g);
  if (grc != 0) {
    fprintf(stderr, "assay: cannot build the %s graph\n", graph);
    rc = EXIT_INTERNAL;
  } else if (rp_graph_write(g, format, o.output, err, sizeof err) != 0) {
    fprintf(stderr, "assay: %s\n", err);
    rc = EXIT_USAGE;
  } else if (access) {
    printf("assay export: data-access graph of %zu access%s, %zu table%s (%zu statement%s not "
           "read) written to %s\n",
           res->naccesses, res->naccesses == 1 ? "" : "es", res->ntables,
           res->ntables == 1 ? "" : "s", res->nunresolved_access,
           res->nunresolved_access == 1 ? "" : "s", o.output);
  } else if (services) {
    size_t linked = 0;
    for (size_t i = 0; i < res->nlinks; i++)
      linked += strcmp(res->links[i].state, "matched") == 0;
    printf("assay export: service map of %zu endpoint%s and %zu linked call%s written to %s\n",
           res->nendpoints, res->nendpoints == 1 ? "" : "s", linked, linked == 1 ? "" : "s",
           o.output);
  } else {
    printf("assay export: flows graph of %zu finding%s (%s) written to %s\n", res->nfindings,
           res->nfindings == 1 ? "" : "s", base ? "diff against the baseline" : "current",
           o.output);
  }
  rp_graph_close(g);
  an_result_delete(res);
  an_result_delete(base);
  return rc;
}

static int cmd_dump(int argc, char **argv) {
  opts o = {0};
  int p = parse_opts(argc, argv, usage_dump, " ", &o, 2);
  if (p) return p > 0 ? EXIT_PASS : EXIT_USAGE;
  as_intern *strings = as_intern_new();
  char err[1024] = {0};
  ir_unit *u = an_scan_lower_file(strings, o.path, o.file, err, sizeof err);
  if (!u) {
    fprintf(stderr, "assay: %s\n", err);
    as_intern_delete(strings);
    return EXIT_USAGE;
  }
  as_buf b = {0};
  ir_unit_print(u, &b);
  fputs(b.data ? b.data : "", stdout);
  as_buf_free(&b);
  int rc = u->failed ? EXIT_USAGE : EXIT_PASS;
  ir_unit_delete(u);
  as_intern_delete(strings);
  return rc;
}

/* ---- assay attest: keygen, sign, verify --------------------------------- */

static const char *const usage_attest =
    "usage: assay attest keygen --output PREFIX\n"
    "       assay attest sign STATEMENT --key PRIVATE.pem [--output ENVELOPE]\n"
    "       assay attest verify ENVELOPE --key PUBLIC.pem [--root DIR]\n"
    "\n"
    "Sign check's in-toto statement (--attestation FILE) in a DSSE envelope with\n"
    "an Ed25519 key, and verify it.\n"
    "  keygen   write a new key pair: PREFIX.pem (private, mode 0600) and\n"
    "           PREFIX.pub.pem (public); existing files are never overwritten\n"
    "  sign     wrap STATEMENT in a signed DSSE envelope (standard output without\n"
    "           --output)\n"
    "  verify   check the envelope's signature with the public key, then the sha256\n"
    "           of every evidence file the statement names (and of the baseline and\n"
    "           the policy), paths relative to --root (default: the current folder)\n"
    "exit codes: 0 verified, 1 signature or digest mismatch, 2 usage or input error\n";

typedef struct attest_opts {
  const char *pos;
  const char *key;
  const char *output;
  const char *root;
} attest_opts;

/* Parse one subcommand's arguments: npos positionals (0 or 1) and the options
 * named in allowed (" key output root "). Returns 0, 1 for --help, -1 after a
 * usage error. */
static int attest_parse(int argc, char **argv, const char *allowed, int npos, attest_opts *o) {
  int pos = 0;
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      fputs(usage_attest, stdout);
      return 1;
    }
    if (strncmp(a, "--", 2) == 0) {
      char name[64];
      snprintf(name, sizeof name, " %s ", a + 2);
      if (!strstr(allowed, name)) {
        fail_usage(usage_attest, "unknown option '%s'", a);
        return -1;
      }
      if (i + 1 >= argc) {
        fail_usage(usage_attest, "option '%s' needs a value", a);
        return -1;
      }
      const char *v = argv[++i];
      if (strcmp(a, "--key") == 0)
        o->key = v;
      else if (strcmp(a, "--output") == 0)
        o->output = v;
      else
        o->root = v;
      continue;
    }
    if (pos >= npos) {
      fail_usage(usage_attest, "unexpected argument '%s'", a);
      return -1;
    }
    o->pos = a;
    pos++;
  }
  if (pos < npos) {
    fail_usage(usage_attest, "missing %s", strstr(allowed, " root ") ? "ENVELOPE" : "STATEMENT");
    return -1;
  }
  return 0;
}

static int attest_keygen(int argc, char **argv) {
  attest_opts o = {0};
  int p = attest_parse(argc, argv, " output ", 0, &o);
  if (p) return p > 0 ? EXIT_PASS : EXIT_USAGE;
  if (!o.output || !*o.output) {
    fail_usage(usage_attest, "missing --output PREFIX");
    return EXIT_USAGE;
  }
  char *priv = as_sprintf("%s.pem", o.output), *pub = as_sprintf("%s.pub.pem", o.output);
  ds_key *key = ds_key_generate();
  char err[1024], id[65];
  bool exists;
  int rc = EXIT_PASS;
  if (ds_key_write(key, priv, pub, &exists, err, sizeof err) != 0) {
    fprintf(stderr, "assay: %s\n", err);
    rc = EXIT_USAGE;
  } else {
    ds_key_id(key, id);
    printf("assay attest: key %s\n  private: %s (keep it secret)\n  public:  %s\n", id, priv, pub);
  }
  ds_key_delete(key);
  free(priv);
  free(pub);
  return rc;
}

/* Write text to path through a temporary file renamed over it. */
static int write_file_atomic(const char *path, const char *text, char *err, size_t errlen) {
  char *tmp = as_sprintf("%s.tmp.%ld", path, (long)getpid());
  FILE *f = fopen(tmp, "w");
  int rc = f ? 0 : -1;
  if (f && fputs(text, f) == EOF) rc = -1;
  if (f && fputc('\n', f) == EOF) rc = -1;
  if (f && fclose(f) != 0) rc = -1;
  if (rc == 0 && rename(tmp, path) != 0) rc = -1;
  if (rc != 0) {
    snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
    unlink(tmp);
  }
  free(tmp);
  return rc;
}

static int attest_sign(int argc, char **argv) {
  attest_opts o = {0};
  int p = attest_parse(argc, argv, " key output ", 1, &o);
  if (p) return p > 0 ? EXIT_PASS : EXIT_USAGE;
  if (!o.key) {
    fail_usage(usage_attest, "missing --key PRIVATE.pem");
    return EXIT_USAGE;
  }
  char *body;
  size_t len;
  if (as_read_file(o.pos, &body, &len) != 0) {
    fprintf(stderr, "assay: cannot read %s: %s\n", o.pos, strerror(errno));
    return EXIT_USAGE;
  }
  /* Only an in-toto statement is signed: the envelope says so. */
  json_error_t jerr;
  json_t *st = json_loadb(body, len, 0, &jerr);
  const char *type = st ? json_string_value(json_object_get(st, "_type")) : NULL;
  if (!st || !type || strcmp(type, "https://in-toto.io/Statement/v1") != 0) {
    if (!st)
      fprintf(stderr, "assay: %s: not an in-toto Statement v1: line %d: %s\n", o.pos, jerr.line,
              jerr.text);
    else
      fprintf(stderr, "assay: %s: not an in-toto Statement v1: \"_type\" is not %s\n", o.pos,
              "\"https://in-toto.io/Statement/v1\"");
    json_decref(st);
    free(body);
    return EXIT_USAGE;
  }
  json_decref(st);
  char err[1024];
  ds_key *key;
  if (ds_key_load_private(o.key, &key, err, sizeof err) != 0) {
    fprintf(stderr, "assay: %s\n", err);
    free(body);
    return EXIT_USAGE;
  }
  int rc = EXIT_PASS;
  char *env = ds_sign(key, DS_PAYLOAD_TYPE_INTOTO, body, len, err, sizeof err);
  if (!env) {
    fprintf(stderr, "assay: %s\n", err);
    rc = EXIT_INTERNAL;
  } else if (!o.output || strcmp(o.output, "-") == 0) {
    puts(env);
  } else if (write_file_atomic(o.output, env, err, sizeof err) != 0) {
    fprintf(stderr, "assay: %s\n", err);
    rc = EXIT_USAGE;
  } else {
    char id[65];
    ds_key_id(key, id);
    printf("assay attest: %s signed with key %s: %s\n", o.pos, id, o.output);
  }
  free(env);
  ds_key_delete(key);
  free(body);
  return rc;
}

/* Compare the sha256 a statement records for a file with the file's. what is
 * "evidence", "baseline" or "policy". Returns 0 when they match, 1 when they
 * differ or the file cannot be read (said on stderr), 2 when missing_ok and
 * the file does not exist. */
static int attest_check_digest(const char *what, const char *path, const char *want,
                               const char *root, bool missing_ok) {
  char *full = path[0] == '/' ? as_strdup(path) : as_sprintf("%s/%s", root, path);
  char got[65];
  int rc = 0;
  if (file_sha256(full, got) != 0) {
    if (missing_ok && errno == ENOENT) {
      rc = 2;
    } else {
      fprintf(stderr, "assay: %s %s: cannot read: %s\n", what, path, strerror(errno));
      rc = 1;
    }
  } else if (strcmp(got, want) != 0) {
    fprintf(stderr, "assay: %s %s: sha256 differs (statement %s, file %s)\n", what, path, want,
            got);
    rc = 1;
  }
  free(full);
  return rc;
}

/* {"path": P, "digest": {"sha256": D}}: P and D, or false. */
static bool attest_digest_entry(json_t *e, const char **path, const char **sha) {
  *path = json_string_value(json_object_get(e, "path"));
  *sha = json_string_value(json_object_get(json_object_get(e, "digest"), "sha256"));
  return *path && *sha;
}

static int attest_verify(int argc, char **argv) {
  attest_opts o = {0};
  int p = attest_parse(argc, argv, " key root ", 1, &o);
  if (p) return p > 0 ? EXIT_PASS : EXIT_USAGE;
  if (!o.key) {
    fail_usage(usage_attest, "missing --key PUBLIC.pem");
    return EXIT_USAGE;
  }
  const char *root = o.root ? o.root : ".";
  char *text;
  size_t len;
  if (as_read_file(o.pos, &text, &len) != 0) {
    fprintf(stderr, "assay: cannot read %s: %s\n", o.pos, strerror(errno));
    return EXIT_USAGE;
  }
  char err[1024];
  ds_envelope env;
  int prc = ds_envelope_parse(text, len, &env, err, sizeof err);
  free(text);
  if (prc != 0) {
    fprintf(stderr, "assay: %s: not a DSSE envelope: %s\n", o.pos, err);
    ds_envelope_free(&env);
    return EXIT_USAGE;
  }
  ds_key *key;
  if (ds_key_load_public(o.key, &key, err, sizeof err) != 0) {
    fprintf(stderr, "assay: %s\n", err);
    ds_envelope_free(&env);
    return EXIT_USAGE;
  }
  char id[65];
  ds_key_id(key, id);
  bool sig_ok = ds_verify(&env, key);
  ds_key_delete(key);
  if (!sig_ok) {
    fprintf(stderr, "assay: signature does not verify with %s\n", o.key);
    ds_envelope_free(&env);
    return EXIT_GATE;
  }
  /* The signature holds: now the statement and the files it vouches for. */
  if (strcmp(env.payload_type, DS_PAYLOAD_TYPE_INTOTO) != 0) {
    fprintf(stderr, "assay: %s: payload type '%s' is not %s\n", o.pos, env.payload_type,
            DS_PAYLOAD_TYPE_INTOTO);
    ds_envelope_free(&env);
    return EXIT_GATE;
  }
  json_error_t jerr;
  json_t *st = json_loadb((const char *)env.payload, env.payload_len, 0, &jerr);
  ds_envelope_free(&env);
  json_t *pred = json_object_get(st, "predicate");
  const char *stype = json_string_value(json_object_get(st, "_type"));
  if (!st || !json_is_object(pred) || !stype ||
      strcmp(stype, "https://in-toto.io/Statement/v1") != 0) {
    fprintf(stderr, "assay: %s: the signed payload is not an in-toto Statement v1\n", o.pos);
    json_decref(st);
    return EXIT_GATE;
  }
  int bad = 0;
  size_t nmatch = 0;
  json_t *evidence = json_object_get(pred, "evidence");
  if (evidence && !json_is_array(evidence)) {
    fprintf(stderr, "assay: %s: predicate.evidence is not an array\n", o.pos);
    bad = 1;
  }
  for (size_t i = 0; i < json_array_size(evidence); i++) {
    const char *path, *sha;
    if (!attest_digest_entry(json_array_get(evidence, i), &path, &sha)) {
      fprintf(stderr, "assay: %s: predicate.evidence[%zu] has no path or sha256 digest\n", o.pos,
              i);
      bad = 1;
    } else if (attest_check_digest("evidence", path, sha, root, false) != 0) {
      bad = 1;
    } else {
      nmatch++;
    }
  }
  const char *path, *sha;
  json_t *bl = json_object_get(pred, "baseline");
  bool baseline_checked = false;
  if (bl && attest_digest_entry(bl, &path, &sha)) {
    int r = attest_check_digest("baseline", path, sha, root, true);
    if (r == 2)
      fprintf(stderr, "assay: note: baseline %s not found, not checked\n", path);
    else if (r == 1)
      bad = 1;
    else
      baseline_checked = true;
  }
  json_t *pol = json_object_get(pred, "policy");
  bool policy_checked = false;
  if (pol && attest_digest_entry(pol, &path, &sha)) {
    if (attest_check_digest("policy", path, sha, root, false) != 0)
      bad = 1;
    else
      policy_checked = true;
  }
  json_decref(st);
  if (bad) return EXIT_GATE;
  printf("verified: signature by %s, %zu evidence file%s match%s%s%s\n", id, nmatch,
         nmatch == 1 ? "" : "s", nmatch == 1 ? "es" : "",
         baseline_checked ? ", baseline matches" : "", policy_checked ? ", policy matches" : "");
  return EXIT_PASS;
}

static int cmd_attest(int argc, char **argv) {
  if (argc < 1 || strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0) {
    if (argc < 1) {
      fail_usage(usage_attest, "missing subcommand (keygen, sign or verify)");
      return EXIT_USAGE;
    }
    fputs(usage_attest, stdout);
    return EXIT_PASS;
  }
  if (strcmp(argv[0], "keygen") == 0) return attest_keygen(argc - 1, argv + 1);
  if (strcmp(argv[0], "sign") == 0) return attest_sign(argc - 1, argv + 1);
  if (strcmp(argv[0], "verify") == 0) return attest_verify(argc - 1, argv + 1);
  fail_usage(usage_attest, "unknown attest subcommand '%s'", argv[0]);
  return EXIT_USAGE;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs(usage_main, stderr);
    return EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
    printf("assay %s\n", ASSAY_VERSION);
    return EXIT_PASS;
  }
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
    fputs(usage_main, stdout);
    return EXIT_PASS;
  }
  if (strcmp(cmd, "scan") == 0) return cmd_scan(argc - 2, argv + 2);
  if (strcmp(cmd, "baseline") == 0) return cmd_baseline(argc - 2, argv + 2);
  if (strcmp(cmd, "check") == 0) return cmd_check(argc - 2, argv + 2);
  if (strcmp(cmd, "dump-ir") == 0) return cmd_dump(argc - 2, argv + 2);
  if (strcmp(cmd, "export") == 0) return cmd_export(argc - 2, argv + 2);
  if (strcmp(cmd, "perf") == 0) return cmd_perf(argc - 2, argv + 2);
  if (strcmp(cmd, "attest") == 0) return cmd_attest(argc - 2, argv + 2);
  fprintf(stderr, "assay: unknown command '%s'\n\n%s", cmd, usage_main);
  return EXIT_USAGE;
}
