/* scan.c — discover, lower with the unit cache, analyse per service. */
#include "scan.h"
#include "flow.h"
#include "../baselines/store.h"
#include "../frontend/frontend.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

/* libclang prints to stderr when a folder has no compilation database, so
 * only ask it when the file is there. */
static int an_scan__compdb(const char *dir, const char *abspath, char ***args, int *nargs) {
  char *db = as_sprintf("%s/compile_commands.json", dir);
  struct stat st;
  int there = stat(db, &st) == 0;
  free(db);
  return there ? fe_c_compdb_args(dir, abspath, args, nargs) : -1;
}

/* The compile arguments of a C file: from a compile_commands.json in its
 * service or in the root, else NULL (the frontend's defaults). */
typedef struct an_scan__cargs {
  char **args;
  int nargs;
  bool have;
} an_scan__cargs;

static an_scan__cargs an_scan__c_args(const fe_file *f, const char *root) {
  an_scan__cargs a = {0};
  size_t sr = strlen(f->service_root);
  char *svc = sr ? as_sprintf("%s/%s", root, f->service_root) : as_strdup(root);
  a.have = an_scan__compdb(svc, f->abspath, &a.args, &a.nargs) == 0 ||
           an_scan__compdb(root, f->abspath, &a.args, &a.nargs) == 0;
  free(svc);
  return a;
}

static ir_unit *an_scan__lower(as_intern *strings, const fe_file *f, const an_scan__cargs *cargs,
                               const char *src, size_t len) {
  const char *in_service = f->relpath;
  size_t sr = strlen(f->service_root);
  if (sr && strncmp(f->relpath, f->service_root, sr) == 0 && f->relpath[sr] == '/')
    in_service = f->relpath + sr + 1;
  if (f->lang == FE_LANG_PYTHON) {
    char *module = fe_python_module_name(in_service);
    ir_unit *u = fe_python_lower(strings, f->relpath, module, src, len);
    free(module);
    return u;
  }
  if (f->lang == FE_LANG_JAVASCRIPT || f->lang == FE_LANG_TYPESCRIPT) {
    const char *dot = strrchr(in_service, '.');
    char *module = dot ? as_strndup(in_service, (size_t)(dot - in_service)) : as_strdup(in_service);
    ir_unit *u = fe_javascript_lower(strings, f->relpath, module, src, len);
    free(module);
    return u;
  }
  if (f->lang == FE_LANG_GO || f->lang == FE_LANG_JAVA) {
    const char *slash = strrchr(in_service, '/');
    char *module = slash ? as_strndup(in_service, (size_t)(slash - in_service)) : as_strdup(".");
    if (f->lang == FE_LANG_JAVA)
      for (char *p = module; *p; p++)
        if (*p == '/') *p = '.';
    ir_unit *u = f->lang == FE_LANG_GO ? fe_go_lower(strings, f->relpath, module, src, len)
                                       : fe_java_lower(strings, f->relpath, module, src, len);
    free(module);
    return u;
  }
  bool have = cargs && cargs->have;
  ir_unit *u = fe_c_lower(strings, f->relpath, f->abspath, src, len,
                          have ? (const char *const *)cargs->args : NULL, have ? cargs->nargs : 0);
  /* A C module is named by its path inside its service, like a Python one,
   * so moving a service folder keeps its symbols. */
  u->module = ir_str(u, in_service);
  return u;
}

static const char *an_scan__version(fe_lang lang) {
  switch (lang) {
  case FE_LANG_PYTHON:
    return FE_PYTHON_VERSION;
  case FE_LANG_JAVASCRIPT:
  case FE_LANG_TYPESCRIPT:
    return FE_JAVASCRIPT_VERSION;
  case FE_LANG_GO:
    return FE_GO_VERSION;
  case FE_LANG_JAVA:
    return FE_JAVA_VERSION;
  default:
    return FE_C_VERSION;
  }
}

ir_unit *an_scan_lower_file(as_intern *strings, const char *root, const char *relpath, char *err,
                            size_t errlen) {
  fe_file_list files = {0};
  if (fe_discover(root, &files, err, errlen) != 0) return NULL;
  ir_unit *u = NULL;
  for (size_t i = 0; i < files.len; i++) {
    if (strcmp(files.items[i].relpath, relpath) != 0) continue;
    char *src;
    size_t len;
    if (as_read_file(files.items[i].abspath, &src, &len) != 0) {
      snprintf(err, errlen, "%s: cannot read: %s", relpath, strerror(errno));
      break;
    }
    an_scan__cargs cargs = {0};
    if (files.items[i].lang == FE_LANG_C) cargs = an_scan__c_args(&files.items[i], root);
    u = an_scan__lower(strings, &files.items[i], &cargs, src, len);
    if (cargs.have) fe_c_free_args(cargs.args, cargs.nargs);
    free(src);
    break;
  }
  if (!u && !err[0]) snprintf(err, errlen, "%s: not a source file under %s", relpath, root);
  fe_file_list_free(&files);
  return u;
}

static size_t an_scan__lines(const char *s, size_t n) {
  size_t lines = 0;
  for (const char *p = s; (p = memchr(p, '\n', n - (size_t)(p - s))) != NULL; p++)
    lines++;
  if (n && s[n - 1] != '\n') lines++;
  return lines;
}

int an_scan(const an_scan_options *opt, an_result *res, an_scan_info *info, char *err,
            size_t errlen) {
  memset(info, 0, sizeof(*info));
  fe_file_list files = {0};
  if (fe_discover(opt->root, &files, err, errlen) != 0) return -1;

  bl_cache *cache = NULL;
  if (opt->cache_path) {
    char cerr[400];
    if (bl_cache_open(opt->cache_path, &cache, cerr, sizeof cerr) != 0) {
      snprintf(info->cache_warning, sizeof info->cache_warning, "%s", cerr);
      cache = NULL;
    } else {
      bl_cache_begin(cache);
    }
  }
  /* A C unit depends on the headers it includes (macros, types), not only on
   * its own bytes: its cache key carries the digest of every header of its
   * service. Headers outside the scanned tree (the system's) are not covered. */
  typedef struct {
    const char *service_root;
    as_buf digests;
    char hex[65];
  } an_scan__hdrs;
  AS_ARRAY(an_scan__hdrs) hdrs = {0};
  for (size_t i = 0; i < files.len; i++) {
    const fe_file *f = &files.items[i];
    size_t n = strlen(f->relpath);
    if (f->lang != FE_LANG_C || n < 2 || strcmp(f->relpath + n - 2, ".h") != 0) continue;
    an_scan__hdrs *h = NULL;
    for (size_t k = 0; k < hdrs.len && !h; k++)
      if (strcmp(hdrs.items[k].service_root, f->service_root) == 0) h = &hdrs.items[k];
    if (!h) {
      an_scan__hdrs nh = {f->service_root, {0}, {0}};
      as_array_push(&hdrs, nh);
      h = &hdrs.items[hdrs.len - 1];
    }
    char *data;
    size_t dlen;
    char hex[65] = "unreadable";
    if (as_read_file(f->abspath, &data, &dlen) == 0) {
      as_sha256_hex(data, dlen, hex);
      free(data);
    }
    as_buf_printf(&h->digests, "%s %s\n", f->relpath, hex);
  }
  for (size_t k = 0; k < hdrs.len; k++)
    as_sha256_hex(hdrs.items[k].digests.data, hdrs.items[k].digests.len, hdrs.items[k].hex);

  as_intern *strings = as_intern_new();
  ir_unit **units = as_calloc(files.len ? files.len : 1, sizeof(ir_unit *));
  as_buf tree = {0};
  for (size_t i = 0; i < files.len; i++) {
    const fe_file *f = &files.items[i];
    char *src = NULL;
    size_t len = 0;
    res->files_scanned++;
    if (as_read_file(f->abspath, &src, &len) != 0) {
      char msg[512];
      snprintf(msg, sizeof msg, "cannot read file: %s", strerror(errno));
      as_diag d = {AS_DIAG_ERROR, f->relpath, 0, 0, "read-error", msg};
      an_result_add_diag(res, &d);
      res->files_failed++;
      continue;
    }
    res->lines_scanned += an_scan__lines(src, len);
    char digest[65], key[65];
    as_sha256_hex(src, len, digest);
    as_buf_printf(&tree, "%s%c%s\n", f->relpath, 0, digest);
    as_buf keysrc = {0};
    as_buf_printf(&keysrc, "%s\n%s\n%s\n%s\n", an_scan__version(f->lang), f->relpath,
                  f->service_root, digest);
    an_scan__cargs cargs = {0};
    if (f->lang == FE_LANG_C) {
      cargs = an_scan__c_args(f, opt->root);
      for (int a = 0; cargs.have && a < cargs.nargs; a++)
        as_buf_printf(&keysrc, "arg %s\n", cargs.args[a]);
      for (size_t k = 0; k < hdrs.len; k++)
        if (strcmp(hdrs.items[k].service_root, f->service_root) == 0)
          as_buf_printf(&keysrc, "headers %s\n", hdrs.items[k].hex);
    }
    as_sha256_hex(keysrc.data, keysrc.len, key);
    as_buf_free(&keysrc);
    ir_unit *u = NULL;
    void *blob;
    size_t blen;
    if (cache && bl_cache_get(cache, key, &blob, &blen) == 1) {
      char derr[256];
      u = ir_unit_deserialize(strings, blob, blen, derr, sizeof derr);
      free(blob);
    }
    if (u) {
      info->cache_hits++;
    } else {
      info->cache_misses++;
      u = an_scan__lower(strings, f, &cargs, src, len);
      if (cache) {
        as_buf b = {0};
        ir_unit_serialize(u, &b);
        bl_cache_put(cache, key, b.data, b.len);
        as_buf_free(&b);
      }
    }
    if (cargs.have) fe_c_free_args(cargs.args, cargs.nargs);
    free(src);
    for (uint32_t d = 0; d < u->ndiags; d++)
      an_result_add_diag(res, &u->diags[d]);
    if (u->failed) res->files_failed++;
    an_models_apply(opt->models, u);
    units[i] = u;
  }
  for (size_t k = 0; k < hdrs.len; k++)
    as_buf_free(&hdrs.items[k].digests);
  as_array_free(&hdrs);
  if (cache) bl_cache_commit(cache);
  bl_cache_close(cache);
  as_sha256_hex(tree.data ? tree.data : "", tree.len, info->tree_digest);
  as_buf_free(&tree);

  /* The names services answer to: their folder names. */
  AS_ARRAY(const char *) hosts = {0};
  for (size_t i = 0; i < files.len; i++) {
    const char *name = files.items[i].service;
    bool seen = false;
    for (size_t h = 0; h < hosts.len && !seen; h++)
      seen = strcmp(hosts.items[h], name) == 0;
    if (!seen) as_array_push(&hosts, name);
  }
  /* One analysis per service, in the order services first appear. */
  bool *done = as_calloc(files.len ? files.len : 1, sizeof(bool));
  ir_unit **group = as_calloc(files.len ? files.len : 1, sizeof(ir_unit *));
  for (size_t i = 0; i < files.len; i++) {
    if (done[i]) continue;
    const char *svc = files.items[i].service_root;
    size_t n = 0;
    for (size_t j = i; j < files.len; j++) {
      if (done[j] || strcmp(files.items[j].service_root, svc) != 0) continue;
      done[j] = true;
      if (units[j]) group[n++] = units[j];
    }
    an_flow_analyze_service(svc[0] ? svc : ".", group, n, opt->catalogue, hosts.items, hosts.len,
                            res);
  }
  free(done);
  free(group);
  as_array_free(&hosts);
  for (size_t i = 0; i < files.len; i++)
    ir_unit_delete(units[i]);
  free(units);
  as_intern_delete(strings);
  fe_file_list_free(&files);
  an_result_sort(res);
  return 0;
}
