/* discover.c — which files to analyse, in which language, in which service.
 *
 * Inside a git work tree the list comes from `git ls-files` (tracked plus
 * untracked-but-not-ignored files), so .gitignore is honoured exactly as git
 * reads it. Only the git binary is run, never anything from the repository:
 * the fsmonitor hook, the one thing ls-files could start from the repository's
 * configuration, is switched off on the command line. */
#include "frontend.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static const char *const fe_discover__markers[] = {
    "pyproject.toml", "requirements.txt", "setup.py",         "CMakeLists.txt",
    "Makefile",       "Dockerfile",       "go.mod",           "package.json",
    "pom.xml",        "build.gradle",     "build.gradle.kts",
};

static const char *const fe_discover__skipped_dirs[] = {
    "build", "node_modules", "venv", "__pycache__", "dist", "target", "vendor"};

/* ---- languages and module names ------------------------------------------- */

fe_lang fe_lang_of_path(const char *path) {
  const char *slash = strrchr(path, '/');
  const char *base = slash ? slash + 1 : path;
  const char *dot = strrchr(base, '.');
  if (!dot || dot == base) return FE_LANG_UNKNOWN;
  if (strcmp(dot, ".py") == 0) return FE_LANG_PYTHON;
  if (strcmp(dot, ".c") == 0 || strcmp(dot, ".h") == 0) return FE_LANG_C;
  if (strcmp(dot, ".js") == 0 || strcmp(dot, ".jsx") == 0 || strcmp(dot, ".mjs") == 0 ||
      strcmp(dot, ".cjs") == 0) {
    /* A minified bundle is build output, not source. */
    size_t n = strlen(base);
    if (n > 7 && strcmp(base + n - 7, ".min.js") == 0) return FE_LANG_UNKNOWN;
    return FE_LANG_JAVASCRIPT;
  }
  if (strcmp(dot, ".tsx") == 0) return FE_LANG_TYPESCRIPT;
  if (strcmp(dot, ".ts") == 0) {
    /* Declaration files describe types only. */
    size_t n = strlen(base);
    if (n > 5 && strcmp(base + n - 5, ".d.ts") == 0) return FE_LANG_UNKNOWN;
    return FE_LANG_TYPESCRIPT;
  }
  if (strcmp(dot, ".go") == 0) return FE_LANG_GO;
  if (strcmp(dot, ".java") == 0) return FE_LANG_JAVA;
  return FE_LANG_UNKNOWN;
}

const char *fe_lang_name(fe_lang lang) {
  switch (lang) {
  case FE_LANG_PYTHON:
    return "python";
  case FE_LANG_C:
    return "c";
  case FE_LANG_JAVASCRIPT:
    return "javascript";
  case FE_LANG_TYPESCRIPT:
    return "typescript";
  case FE_LANG_GO:
    return "go";
  case FE_LANG_JAVA:
    return "java";
  case FE_LANG_UNKNOWN:
    break;
  }
  return "unknown";
}

char *fe_python_module_name(const char *path_in_service) {
  const char *p = path_in_service;
  while (p[0] == '.' && p[1] == '/')
    p += 2;
  size_t n = strlen(p);
  if (n >= 3 && strcmp(p + n - 3, ".py") == 0) n -= 3;
  /* a package is named by its folder: "app/__init__" -> "app" */
  if (n >= 8 && memcmp(p + n - 8, "__init__", 8) == 0 && (n == 8 || p[n - 9] == '/'))
    n = n == 8 ? 0 : n - 9;
  char *m = as_strndup(p, n);
  for (char *q = m; *q; q++)
    if (*q == '/') *q = '.';
  return m;
}

/* ---- listing ----------------------------------------------------------------- */

typedef AS_ARRAY(char *) fe_discover__paths;

/* Runs git with argv (argv[0] == "git") in no shell; its stdout goes to out.
 * Returns its exit status, or -1 when git cannot be started. */
static int fe_discover__git(char *const argv[], as_buf *out) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&fa, fds[0]);
  posix_spawn_file_actions_addclose(&fa, fds[1]);
  posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  pid_t pid;
  int rc = posix_spawnp(&pid, "git", &fa, NULL, argv, environ);
  posix_spawn_file_actions_destroy(&fa);
  close(fds[1]);
  if (rc != 0) {
    close(fds[0]);
    return -1;
  }
  char chunk[65536];
  for (;;) {
    ssize_t r = read(fds[0], chunk, sizeof chunk);
    if (r > 0)
      as_buf_put(out, chunk, (size_t)r);
    else if (r == 0 || errno != EINTR)
      break;
  }
  close(fds[0]);
  int status;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* 0 and the relative paths git lists under root, or -1 when root is not in a
 * work tree or git is missing (the caller then walks the tree). */
static int fe_discover__git_list(const char *root, fe_discover__paths *paths) {
  char *dotgit = as_sprintf("%s/.git", root);
  struct stat st;
  int has_dotgit = lstat(dotgit, &st) == 0;
  free(dotgit);
  as_buf out = {0};
  if (!has_dotgit) {
    char *argv[] = {"git", "-C", (char *)root, "rev-parse", "--show-toplevel", NULL};
    int rc = fe_discover__git(argv, &out);
    as_buf_free(&out);
    if (rc != 0) return -1;
  }
  char *argv[] = {"git",
                  "-c",
                  "core.fsmonitor=false",
                  "--no-optional-locks",
                  "-C",
                  (char *)root,
                  "ls-files",
                  "-z",
                  "--cached",
                  "--others",
                  "--exclude-standard",
                  NULL};
  if (fe_discover__git(argv, &out) != 0) {
    as_buf_free(&out);
    return -1;
  }
  for (size_t i = 0; i < out.len;) {
    size_t n = strlen(out.data + i);
    if (n) as_array_push(paths, as_strndup(out.data + i, n));
    i += n + 1;
  }
  as_buf_free(&out);
  return 0;
}

static int fe_discover__skip_dir(const char *name) {
  if (name[0] == '.') return 1;
  for (size_t i = 0; i < sizeof fe_discover__skipped_dirs / sizeof *fe_discover__skipped_dirs; i++)
    if (strcmp(name, fe_discover__skipped_dirs[i]) == 0) return 1;
  return 0;
}

/* Appends the regular files under root/rel (symbolic links are not followed,
 * so a link cannot loop or list a file twice). */
static void fe_discover__walk(const char *root, const char *rel, fe_discover__paths *paths) {
  char *dir = *rel ? as_sprintf("%s/%s", root, rel) : as_strdup(root);
  DIR *d = opendir(dir);
  free(dir);
  if (!d) return;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    char *sub = *rel ? as_sprintf("%s/%s", rel, e->d_name) : as_strdup(e->d_name);
    char *abs = as_sprintf("%s/%s", root, sub);
    struct stat st;
    if (lstat(abs, &st) == 0 && S_ISDIR(st.st_mode) && !fe_discover__skip_dir(e->d_name)) {
      fe_discover__walk(root, sub, paths);
      free(sub);
    } else if (lstat(abs, &st) == 0 && S_ISREG(st.st_mode)) {
      as_array_push(paths, sub);
    } else {
      free(sub);
    }
    free(abs);
  }
  closedir(d);
}

/* ---- services ---------------------------------------------------------------- */

typedef struct fe_discover__svc {
  char *dir;    /* folder relative to root, "" for the root */
  char *svcdir; /* the service folder it belongs to */
} fe_discover__svc;

typedef AS_ARRAY(fe_discover__svc) fe_discover__svcs;

static int fe_discover__is_service(const char *root, const char *dir) {
  for (size_t i = 0; i < sizeof fe_discover__markers / sizeof *fe_discover__markers; i++) {
    char *p = *dir ? as_sprintf("%s/%s/%s", root, dir, fe_discover__markers[i])
                   : as_sprintf("%s/%s", root, fe_discover__markers[i]);
    struct stat st;
    int found = stat(p, &st) == 0 && S_ISREG(st.st_mode);
    free(p);
    if (found) return 1;
  }
  return 0;
}

/* The service folder of dir: itself when it holds a marker, else its parent's. */
static const char *fe_discover__service_of(const char *root, const char *dir,
                                           fe_discover__svcs *cache) {
  for (size_t i = 0; i < cache->len; i++)
    if (strcmp(cache->items[i].dir, dir) == 0) return cache->items[i].svcdir;
  const char *svc;
  if (fe_discover__is_service(root, dir))
    svc = dir;
  else if (!*dir)
    svc = "";
  else {
    const char *slash = strrchr(dir, '/');
    char *parent = as_strndup(dir, slash ? (size_t)(slash - dir) : 0);
    svc = fe_discover__service_of(root, parent, cache);
    free(parent);
  }
  fe_discover__svc e = {.dir = as_strdup(dir), .svcdir = as_strdup(svc)};
  as_array_push(cache, e);
  return e.svcdir;
}

/* ---- the list -------------------------------------------------------------------- */

/* Files read by the analyses besides the sources: protobuf schemas,
 * deployment manifests and OpenAPI documents (YAML or JSON), SQL schemas and
 * migrations, Prisma schemas. */
static bool fe_discover__extra(const char *rel) {
  size_t n = strlen(rel);
  return (n > 6 && strcmp(rel + n - 6, ".proto") == 0) ||
         (n > 4 && strcmp(rel + n - 4, ".yml") == 0) ||
         (n > 5 && strcmp(rel + n - 5, ".yaml") == 0) ||
         (n > 5 && strcmp(rel + n - 5, ".json") == 0) ||
         (n > 4 && strcmp(rel + n - 4, ".sql") == 0) ||
         (n > 7 && strcmp(rel + n - 7, ".prisma") == 0);
}

static int fe_discover__strcmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int fe_discover__cmp(const void *a, const void *b) {
  return strcmp(((const fe_file *)a)->relpath, ((const fe_file *)b)->relpath);
}

static void fe_discover__seterr(char *err, size_t errlen, const char *fmt, const char *a,
                                const char *b) {
  if (err && errlen) snprintf(err, errlen, fmt, a, b);
}

int fe_discover(const char *root, fe_file_list *out, char *err, size_t errlen) {
  memset(out, 0, sizeof *out);
  struct stat st;
  if (stat(root, &st) != 0) {
    fe_discover__seterr(err, errlen, "%s: %s", root, strerror(errno));
    return -1;
  }
  if (!S_ISDIR(st.st_mode)) {
    fe_discover__seterr(err, errlen, "%s: %s", root, "not a directory");
    return -1;
  }
  char *absroot = realpath(root, NULL);
  if (!absroot) {
    fe_discover__seterr(err, errlen, "%s: %s", root, strerror(errno));
    return -1;
  }
  DIR *probe = opendir(absroot);
  if (!probe) {
    fe_discover__seterr(err, errlen, "%s: %s", root, strerror(errno));
    free(absroot);
    return -1;
  }
  closedir(probe);

  fe_discover__paths paths = {0};
  if (fe_discover__git_list(absroot, &paths) != 0) fe_discover__walk(absroot, "", &paths);

  const char *slash = strrchr(absroot, '/');
  const char *rootname = slash && slash[1] ? slash + 1 : ".";
  fe_discover__svcs cache = {0};
  for (size_t i = 0; i < paths.len; i++) {
    char *rel = paths.items[i];
    fe_lang lang = fe_lang_of_path(rel);
    char *abs = as_sprintf("%s/%s", absroot, rel);
    /* git lists tracked files that were deleted, and submodules: keep files */
    if (lang == FE_LANG_UNKNOWN && fe_discover__extra(rel) && lstat(abs, &st) == 0 &&
        S_ISREG(st.st_mode)) {
      if (out->nextra == out->extra_cap) {
        out->extra_cap = out->extra_cap ? out->extra_cap * 2 : 8;
        out->extra = as_realloc(out->extra, out->extra_cap * sizeof(char *));
      }
      out->extra[out->nextra++] = rel;
      free(abs);
      continue;
    }
    if (lang == FE_LANG_UNKNOWN || lstat(abs, &st) != 0 || !S_ISREG(st.st_mode)) {
      free(abs);
      free(rel);
      continue;
    }
    const char *last = strrchr(rel, '/');
    char *dir = as_strndup(rel, last ? (size_t)(last - rel) : 0);
    const char *svcdir = fe_discover__service_of(absroot, dir, &cache);
    free(dir);
    const char *svcslash = strrchr(svcdir, '/');
    fe_file f = {
        .relpath = rel,
        .abspath = abs,
        .lang = lang,
        .service = as_strdup(!*svcdir   ? rootname
                             : svcslash ? svcslash + 1
                                        : svcdir),
        .service_root = as_strdup(svcdir),
    };
    as_array_push(out, f);
  }
  for (size_t i = 0; i < cache.len; i++) {
    free(cache.items[i].dir);
    free(cache.items[i].svcdir);
  }
  as_array_free(&cache);
  as_array_free(&paths);
  free(absroot);
  if (out->len) qsort(out->items, out->len, sizeof *out->items, fe_discover__cmp);
  if (out->nextra) qsort(out->extra, out->nextra, sizeof *out->extra, fe_discover__strcmp);
  /* an unmerged path is listed once per conflict stage */
  size_t kept = 0;
  for (size_t i = 0; i < out->len; i++) {
    fe_file *f = &out->items[i];
    if (kept && strcmp(out->items[kept - 1].relpath, f->relpath) == 0) {
      free(f->relpath);
      free(f->abspath);
      free(f->service);
      free(f->service_root);
    } else {
      out->items[kept++] = *f;
    }
  }
  out->len = kept;
  return 0;
}

void fe_file_list_free(fe_file_list *self) {
  if (!self) return;
  for (size_t i = 0; i < self->len; i++) {
    free(self->items[i].relpath);
    free(self->items[i].abspath);
    free(self->items[i].service);
    free(self->items[i].service_root);
  }
  free(self->items);
  self->items = NULL;
  self->len = self->cap = 0;
  for (size_t i = 0; i < self->nextra; i++)
    free(self->extra[i]);
  free(self->extra);
  self->extra = NULL;
  self->nextra = self->extra_cap = 0;
}
