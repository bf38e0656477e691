/* perf_record.c — `assay perf record`: run the user's command under
 * callgrind (instruction counts) and/or N times on the wall clock. The
 * command is executed directly (execvp, no shell); nothing else is run. */
#include "perf.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void pf__err(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void pf__err(char *err, size_t errlen, const char *fmt, ...) {
  if (!err || !errlen) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
}

char *pf_host_environment(void) {
  json_t *env = json_object();
  FILE *f = fopen("/proc/cpuinfo", "r");
  if (f) {
    char line[512];
    while (fgets(line, sizeof line, f)) {
      if (strncmp(line, "model name", 10) != 0) continue;
      char *colon = strchr(line, ':');
      if (!colon) continue;
      char *v = colon + 1;
      while (*v == ' ' || *v == '\t')
        v++;
      v[strcspn(v, "\r\n")] = 0;
      json_object_set_new(env, "cpu", json_string(v));
      break;
    }
    fclose(f);
  }
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  if (cores > 0) json_object_set_new(env, "cores", json_integer(cores));
  struct utsname u;
  if (uname(&u) == 0) {
    char *k = as_sprintf("%s %s", u.sysname, u.release);
    json_object_set_new(env, "kernel", json_string(k));
    json_object_set_new(env, "arch", json_string(u.machine));
    free(k);
  }
  char *s = json_dumps(env, JSON_COMPACT | JSON_SORT_KEYS);
  json_decref(env);
  if (!s) as_die("out of memory encoding the environment");
  return s;
}

/* Whether an executable named name is on PATH (or is a path itself). */
static bool pf__on_path(const char *name) {
  if (strchr(name, '/')) return access(name, X_OK) == 0;
  const char *path = getenv("PATH");
  if (!path) path = "/usr/bin:/bin";
  char *copy = as_strdup(path);
  bool found = false;
  for (char *save = NULL, *dir = strtok_r(copy, ":", &save); dir && !found;
       dir = strtok_r(NULL, ":", &save)) {
    char *p = as_sprintf("%s/%s", *dir ? dir : ".", name);
    found = access(p, X_OK) == 0;
    free(p);
  }
  free(copy);
  return found;
}

/* Run argv with its standard output on our standard error; wait for it.
 * Returns 0 when it exited 0, else -1 with err describing how it ended. */
static int pf__run(char *const *argv, const char *what, char *err, size_t errlen) {
  fflush(stdout);
  fflush(stderr);
  pid_t pid = fork();
  if (pid < 0) {
    pf__err(err, errlen, "cannot start %s: %s", what, strerror(errno));
    return -1;
  }
  if (pid == 0) {
    dup2(STDERR_FILENO, STDOUT_FILENO);
    execvp(argv[0], argv);
    fprintf(stderr, "assay: cannot run %s: %s\n", argv[0], strerror(errno));
    _exit(127);
  }
  int st;
  while (waitpid(pid, &st, 0) < 0) {
    if (errno != EINTR) {
      pf__err(err, errlen, "cannot wait for %s: %s", what, strerror(errno));
      return -1;
    }
  }
  if (WIFEXITED(st) && WEXITSTATUS(st) == 0) return 0;
  if (WIFEXITED(st))
    pf__err(err, errlen, "%s exited with status %d", what, WEXITSTATUS(st));
  else if (WIFSIGNALED(st))
    pf__err(err, errlen, "%s was killed by signal %d (%s)", what, WTERMSIG(st),
            strsignal(WTERMSIG(st)));
  else
    pf__err(err, errlen, "%s ended abnormally", what);
  return -1;
}

/* The total of the first event (Ir) in a callgrind output file: its
 * "totals:" line, else its "summary:" line. Returns 0 or -1. */
static int pf__callgrind_total(const char *path, double *out, char *err, size_t errlen) {
  FILE *f = fopen(path, "r");
  if (!f) {
    pf__err(err, errlen, "callgrind wrote no output file %s: %s", path, strerror(errno));
    return -1;
  }
  char line[4096];
  bool have_summary = false, have_totals = false, ir_first = false;
  double summary = 0, totals = 0;
  while (fgets(line, sizeof line, f)) {
    if (strncmp(line, "events:", 7) == 0) {
      char ev[64] = {0};
      ir_first = sscanf(line + 7, "%63s", ev) == 1 && strcmp(ev, "Ir") == 0;
    } else if (strncmp(line, "summary:", 8) == 0) {
      have_summary = sscanf(line + 8, "%lf", &summary) == 1;
    } else if (strncmp(line, "totals:", 7) == 0) {
      have_totals = sscanf(line + 7, "%lf", &totals) == 1;
    }
  }
  fclose(f);
  if (!ir_first) {
    pf__err(err, errlen, "callgrind output %s does not count instructions (no 'events: Ir')", path);
    return -1;
  }
  if (!have_totals && !have_summary) {
    pf__err(err, errlen, "callgrind output %s has neither a totals: nor a summary: line", path);
    return -1;
  }
  *out = have_totals ? totals : summary;
  return 0;
}

static int pf__record_instructions(const pf_record_options *opt, double *out, char *err,
                                   size_t errlen) {
  if (!pf__on_path("valgrind")) {
    pf__err(err, errlen,
            "valgrind not found on PATH: perf record --instructions runs the command under "
            "valgrind's callgrind (Debian package valgrind)");
    return -1;
  }
  const char *tmpdir = getenv("TMPDIR");
  char *tmpl = as_sprintf("%s/assay-callgrind.XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
  int fd = mkstemp(tmpl);
  if (fd < 0) {
    pf__err(err, errlen, "cannot create a temporary file %s: %s", tmpl, strerror(errno));
    free(tmpl);
    return -1;
  }
  close(fd);
  size_t argc = 0;
  while (opt->argv[argc])
    argc++;
  char **args = as_calloc(argc + 5, sizeof(*args));
  char *outopt = as_sprintf("--callgrind-out-file=%s", tmpl);
  args[0] = "valgrind";
  args[1] = "--tool=callgrind";
  args[2] = outopt;
  args[3] = "-q";
  for (size_t i = 0; i < argc; i++)
    args[4 + i] = opt->argv[i];
  char what[512];
  snprintf(what, sizeof what, "'%s' under valgrind", opt->argv[0]);
  int rc = pf__run(args, what, err, errlen);
  if (rc == 0) rc = pf__callgrind_total(tmpl, out, err, errlen);
  unlink(tmpl);
  free(outopt);
  free(args);
  free(tmpl);
  return rc;
}

static double pf__now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

int pf_record(pf_set *out, const pf_record_options *opt, char *err, size_t errlen) {
  if (!opt->argv || !opt->argv[0]) {
    pf__err(err, errlen, "no command to record");
    return -1;
  }
  if (!opt->name || !*opt->name) {
    pf__err(err, errlen, "a benchmark needs a name");
    return -1;
  }
  if (!pf__on_path(opt->argv[0])) {
    pf__err(err, errlen, "cannot run %s: not found or not executable", opt->argv[0]);
    return -1;
  }
  char *env = pf_host_environment();
  int rc = 0;
  if (opt->instructions) {
    double ir = 0;
    rc = pf__record_instructions(opt, &ir, err, errlen);
    if (rc == 0 && !pf_set_add(out, opt->name, PF_UNIT_INSTRUCTIONS, &ir, 1, env, NULL)) {
      pf__err(err, errlen, "benchmark '%s' (instructions) is recorded twice", opt->name);
      rc = -1;
    }
  }
  if (rc == 0 && opt->wall) {
    int runs = opt->runs > 0 ? opt->runs : 1;
    double *t = as_malloc((size_t)runs * sizeof(*t));
    char what[512];
    snprintf(what, sizeof what, "'%s'", opt->argv[0]);
    for (int i = 0; rc == 0 && i < runs; i++) {
      double t0 = pf__now_ns();
      rc = pf__run(opt->argv, what, err, errlen);
      t[i] = pf__now_ns() - t0;
    }
    if (rc == 0 && !pf_set_add(out, opt->name, PF_UNIT_NS, t, (size_t)runs, env, NULL)) {
      pf__err(err, errlen, "benchmark '%s' (ns) is recorded twice", opt->name);
      rc = -1;
    }
    free(t);
  }
  free(env);
  return rc;
}
