/* scan.c — discover, lower with the unit cache, analyse per service. */
#include "scan.h"
#include "access.h"
#include "contract.h"
#include "abi.h"
#include "deploy.h"
#include "flow.h"
#include "link.h"
#include "openapi.h"
#include "proto.h"
#include "protocontract.h"
#include "pubhdr.h"
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

/* Copy the endpoints into the result (the units go away); the flow analysis
 * adds what their responses carry. */
static void an_scan__endpoints(an_result *res, const an_links *links) {
  as_arena *a = res->arena;
  size_t ne = an_links_nendpoints(links);
  res->endpoints = as_arena_alloc(a, (ne ? ne : 1) * sizeof(an_endpoint_rec));
  res->nendpoints = ne;
  for (size_t i = 0; i < ne; i++) {
    const an_endpoint *e = an_links_endpoint(links, i);
    an_endpoint_rec *r = &res->endpoints[i];
    *r = (an_endpoint_rec){an_protocol_name(e->protocol),
                           as_arena_strdup(a, e->service),
                           as_arena_strdup(a, e->method),
                           as_arena_strdup(a, e->target),
                           as_arena_strdup(a, e->display),
                           as_arena_strdup(a, e->handler_qname),
                           as_arena_strdup(a, e->path),
                           e->line,
                           NULL,
                           e->nguards,
                           e->nclients,
                           NULL,
                           0,
                           NULL,
                           0,
                           NULL,
                           0,
                           NULL,
                           0};
    r->guards = as_arena_alloc(a, (e->nguards ? e->nguards : 1) * sizeof(char *));
    for (uint32_t g = 0; g < e->nguards; g++)
      r->guards[g] = as_arena_strdup(a, e->guards[g]);
  }
}

/* Copy the links into the result, with the categories of the flows that
 * cross each. */
static void an_scan__links(an_result *res, const an_links *links) {
  as_arena *a = res->arena;
  size_t nc = an_links_nclients(links);
  res->links = as_arena_alloc(a, (nc ? nc : 1) * sizeof(an_link_rec));
  res->nlinks = nc;
  for (size_t i = 0; i < nc; i++) {
    const an_client *cl = an_links_client(links, i);
    an_link_rec *r = &res->links[i];
    *r = (an_link_rec){0};
    r->protocol = an_protocol_name(cl->protocol);
    r->service = as_arena_strdup(a, cl->service);
    r->method = as_arena_strdup(a, cl->method);
    r->target = as_arena_strdup(a, cl->target);
    r->url = as_arena_strdup(a, cl->url);
    r->host = as_arena_strdup(a, cl->host);
    r->target_service = as_arena_strdup(a, cl->target_service);
    r->state = an_link_state_name(cl->state);
    r->path = as_arena_strdup(a, cl->path);
    r->line = cl->line;
    r->endpoints = as_arena_alloc(a, (cl->nendpoints ? cl->nendpoints : 1) * sizeof(uint32_t));
    if (cl->nendpoints) memcpy(r->endpoints, cl->endpoints, cl->nendpoints * sizeof(uint32_t));
    r->nendpoints = cl->nendpoints;
  }
  for (size_t f = 0; f < res->nfindings; f++) {
    const an_finding *fd = &res->findings[f];
    for (uint32_t s = 0; s < fd->nsteps; s++) {
      int32_t l = fd->steps[s].link;
      if (!l) continue;
      size_t k = (size_t)(l > 0 ? l : -l) - 1;
      if (k >= nc) continue;
      an_link_rec *r = &res->links[k];
      for (uint32_t c = 0; c < fd->ncategories; c++) {
        if (l > 0)
          an_sorted_add(a, &r->categories, &r->ncategories, fd->categories[c]);
        else
          an_sorted_add(a, &r->returned, &r->nreturned, fd->categories[c]);
      }
    }
  }
}

/* The HTTP API as the code shows it: each route, the request fields its
 * handler reads (required when read so that a missing one fails), the
 * response fields it sends, under status 200 (what the frameworks answer
 * unless told otherwise), keyed as an OpenAPI document's items are
 * (openapi.h), without types: the classifier compares what is there. */
static void an_scan__http_contract(an_result *res) {
  char key[1200], disp[1200];
  for (size_t i = 0; i < res->nendpoints; i++) {
    const an_endpoint_rec *e = &res->endpoints[i];
    if (strcmp(e->protocol, "http") != 0) continue;
    const char *m = e->method && strcmp(e->method, "*") != 0 ? e->method : "ANY";
    snprintf(key, sizeof key, "%s %s", m, e->target);
    if (an_contract_find(res->contract, "http.operation", key)) continue; /* declared twice */
    snprintf(disp, sizeof disp, "%s %s", m, e->display ? e->display : e->target);
    an_contract_add(res->contract, "http.operation", key, "", disp, e->service, e->path, e->line);
    for (uint32_t k = 0; k < e->nrequest_fields; k++) {
      snprintf(key, sizeof key, "%s %s body:%s", m, e->target, e->request_fields[k]);
      snprintf(disp, sizeof disp, "request field '%s' of %s %s", e->request_fields[k], m,
               e->display ? e->display : e->target);
      bool req = false;
      for (uint32_t q = 0; q < e->nrequired_fields && !req; q++)
        req = strcmp(e->required_fields[q], e->request_fields[k]) == 0;
      an_contract_add(res->contract, "http.request-field", key, req ? "required=1" : "", disp,
                      e->service, e->path, e->line);
    }
    for (uint32_t k = 0; k < e->nresponse_fields; k++) {
      snprintf(key, sizeof key, "%s %s 200:%s", m, e->target, e->response_fields[k]);
      snprintf(disp, sizeof disp, "response field '%s' of %s %s", e->response_fields[k], m,
               e->display ? e->display : e->target);
      an_contract_add(res->contract, "http.response-field", key, "", disp, e->service, e->path,
                      e->line);
    }
  }
}

/* The C API/ABI of each C service: its public headers (pubhdr.h: those its
 * build files install or export, else those under include/, else those
 * included from outside or by its entry point), read by libclang (abi.h).
 * Each chosen header is recorded in res->c_headers with its rule. */
static void an_scan__c_contract(an_result *res, const char *root, const fe_file_list *files,
                                const char *const *roots, size_t nroots) {
  AS_ARRAY(an_pubhdr_file) cfiles = {0};
  for (size_t k = 0; k < files->len; k++)
    if (files->items[k].lang == FE_LANG_C) {
      an_pubhdr_file pf = {files->items[k].relpath, files->items[k].service_root};
      as_array_push(&cfiles, pf);
    }
  for (size_t r = 0; r < nroots && cfiles.len; r++) {
    an_pubhdr *pub = NULL;
    size_t np = an_pubhdr_find(root, roots[r], cfiles.items, cfiles.len, &pub);
    if (!np) continue;
    const char *svc = roots[r][0] ? roots[r] : ".";
    const char **hdrs = as_malloc(np * sizeof(char *));
    for (size_t h = 0; h < np; h++) {
      hdrs[h] = pub[h].relpath;
      an_result_add_c_header(res, svc, pub[h].relpath, pub[h].rule, pub[h].origin);
    }
    as_diag *diags = NULL;
    size_t nd = 0;
    an_abi_extract(root, hdrs, np, NULL, 0, svc, res->contract, &diags, &nd);
    for (size_t d = 0; d < nd; d++)
      an_result_add_diag(res, &diags[d]);
    an_abi_diags_free(diags, nd);
    free(hdrs);
    an_pubhdr_free(pub, np);
  }
  as_array_free(&cfiles);
}

/* The service root a path belongs to: the longest root containing it ("."
 * for the repository root). */
static const char *an_scan__service_of(const char *path, const char *const *roots, size_t n) {
  const char *best = ".";
  size_t bl = 0;
  for (size_t i = 0; path && i < n; i++) {
    size_t l = strlen(roots[i]);
    if (l > bl && strncmp(path, roots[i], l) == 0 && path[l] == '/') {
      best = roots[i];
      bl = l;
    }
  }
  return best;
}

/* The contract from the repository's schemas: .proto files (through the
 * set protoc built for the links) and OpenAPI 3 documents. */
static void an_scan__schema_contracts(an_result *res, const char *root, const an_proto_set *protos,
                                      const char *const *roots, size_t nroots,
                                      const char *const *yamls, size_t nyamls,
                                      const char *const *jsons, size_t njsons) {
  if (protos) {
    an_contract_set *tmp = an_contract_set_new();
    an_protocontract_extract(protos, NULL, tmp);
    for (size_t i = 0; i < an_contract_count(tmp); i++) {
      const an_contract_item *it = an_contract_at(tmp, i);
      an_contract_add(res->contract, it->kind, it->key, it->value, it->display,
                      an_scan__service_of(it->path, roots, nroots), it->path, it->line);
    }
    an_contract_set_delete(tmp);
  }
  size_t n = nyamls + njsons;
  if (!n) return;
  const char **paths = as_malloc(n * sizeof(char *)), **svcs = as_malloc(n * sizeof(char *));
  for (size_t i = 0; i < n; i++) {
    paths[i] = i < nyamls ? yamls[i] : jsons[i - nyamls];
    svcs[i] = an_scan__service_of(paths[i], roots, nroots);
  }
  as_diag *diags = NULL;
  size_t nd = 0;
  an_openapi_extract(root, paths, n, svcs, res->contract, &diags, &nd);
  for (size_t i = 0; i < nd; i++)
    an_result_add_diag(res, &diags[i]);
  an_openapi_diags_free(diags, nd);
  free(paths);
  free(svcs);
}

/* "relpath\0digest\n" (relpath, NUL, 64 hex digits, newline). */
static char *an_scan__tree_line(const char *relpath, const char *digest) {
  size_t n = strlen(relpath);
  char *l = as_malloc(n + 1 + 65 + 1);
  memcpy(l, relpath, n + 1);
  snprintf(l + n + 1, 66, "%.64s\n", digest);
  return l;
}

/* Byte order of "relpath\0..." lines: the relpath decides. */
static int an_scan__strcmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
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
  /* The tree digest's lines, "relpath\0sha256\n", sorted at the end. */
  AS_ARRAY(char *) tree = {0};
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
    as_array_push(&tree, an_scan__tree_line(f->relpath, digest));
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
    /* files_failed counts the files that did not parse: those not analysed
     * (unit->failed) and those analysed around their syntax errors. */
    bool parse_error = u->failed;
    for (uint32_t d = 0; d < u->ndiags; d++) {
      an_result_add_diag(res, &u->diags[d]);
      parse_error |=
          u->diags[d].level == AS_DIAG_ERROR && strcmp(u->diags[d].code, "parse-error") == 0;
    }
    if (parse_error) res->files_failed++;
    units[i] = u;
  }
  an_models_apply_units(opt->models, units, files.len);
  for (size_t k = 0; k < hdrs.len; k++)
    as_buf_free(&hdrs.items[k].digests);
  as_array_free(&hdrs);
  if (cache) bl_cache_commit(cache);
  bl_cache_close(cache);
  /* The files the analyses read besides the sources (schemas, manifests,
   * API documents) are part of the tree: a migration alone changes it. */
  for (size_t i = 0; i < files.nextra; i++) {
    char *abs = as_sprintf("%s/%s", opt->root, files.extra[i]), *data;
    size_t dlen;
    char digest[65] = "unreadable";
    if (as_read_file(abs, &data, &dlen) == 0) {
      as_sha256_hex(data, dlen, digest);
      free(data);
    }
    free(abs);
    as_array_push(&tree, an_scan__tree_line(files.extra[i], digest));
  }
  if (tree.len) qsort(tree.items, tree.len, sizeof(char *), an_scan__strcmp);
  as_buf treebuf = {0};
  for (size_t i = 0; i < tree.len; i++) {
    as_buf_put(&treebuf, tree.items[i], strlen(tree.items[i]) + 1 + 65);
    free(tree.items[i]);
  }
  as_array_free(&tree);
  as_sha256_hex(treebuf.data ? treebuf.data : "", treebuf.len, info->tree_digest);
  as_buf_free(&treebuf);

  /* The names services answer to: their folder names. */
  AS_ARRAY(const char *) hosts = {0};
  for (size_t i = 0; i < files.len; i++) {
    const char *name = files.items[i].service;
    bool seen = false;
    for (size_t h = 0; h < hosts.len && !seen; h++)
      seen = strcmp(hosts.items[h], name) == 0;
    if (!seen) as_array_push(&hosts, name);
  }
  /* The services, in the order they first appear, each with its units. */
  bool *done = as_calloc(files.len ? files.len : 1, sizeof(bool));
  ir_unit **group = as_calloc(files.len ? files.len : 1, sizeof(ir_unit *));
  AS_ARRAY(an_link_service) svcs = {0};
  AS_ARRAY(an_flow_service) fsvcs = {0};
  AS_ARRAY(const char *) roots = {0};
  size_t n = 0;
  for (size_t i = 0; i < files.len; i++) {
    if (done[i]) continue;
    const char *svc = files.items[i].service_root;
    size_t first = n;
    for (size_t j = i; j < files.len; j++) {
      if (done[j] || strcmp(files.items[j].service_root, svc) != 0) continue;
      done[j] = true;
      if (units[j]) group[n++] = units[j];
    }
    an_link_service ls = {svc, files.items[i].service, group + first, n - first};
    an_flow_service fs = {svc[0] ? svc : ".", group + first, n - first};
    as_array_push(&svcs, ls);
    as_array_push(&fsvcs, fs);
    as_array_push(&roots, svc);
  }
  /* Deployment files and protobuf schemas: who answers which host, which
   * gRPC services exist. */
  an_deploy *deploy = NULL;
  an_proto_set *protos = NULL;
  AS_ARRAY(const char *) yamls = {0};
  AS_ARRAY(const char *) protofiles = {0};
  AS_ARRAY(const char *) jsons = {0};
  AS_ARRAY(const char *) schemas = {0}; /* .sql and .prisma */
  for (size_t i = 0; i < files.nextra; i++) {
    size_t len = strlen(files.extra[i]);
    if (len > 6 && strcmp(files.extra[i] + len - 6, ".proto") == 0)
      as_array_push(&protofiles, files.extra[i]);
    else if ((len > 4 && strcmp(files.extra[i] + len - 4, ".sql") == 0) ||
             (len > 7 && strcmp(files.extra[i] + len - 7, ".prisma") == 0))
      as_array_push(&schemas, files.extra[i]);
    else if (len > 5 && strcmp(files.extra[i] + len - 5, ".json") == 0)
      as_array_push(&jsons, files.extra[i]);
    else
      as_array_push(&yamls, files.extra[i]);
  }
  char lerr[512];
  if (yamls.len && an_deploy_load(opt->root, yamls.items, yamls.len, roots.items, roots.len,
                                  &deploy, lerr, sizeof lerr) != 0) {
    as_diag d = {AS_DIAG_WARNING, ".", 0, 0, "deploy-error", lerr};
    an_result_add_diag(res, &d);
  }
  if (deploy) {
    size_t nd = 0;
    const as_diag *dd = an_deploy_diags(deploy, &nd);
    for (size_t k = 0; k < nd; k++)
      an_result_add_diag(res, &dd[k]);
  }
  if (protofiles.len &&
      an_proto_load(opt->root, protofiles.items, protofiles.len, &protos, lerr, sizeof lerr) != 0) {
    as_diag d = {AS_DIAG_WARNING, protofiles.items[0], 0, 0, "proto-error", lerr};
    an_result_add_diag(res, &d);
  }
  if (protos) {
    size_t nd = 0;
    const as_diag *dd = an_proto_diags(protos, &nd);
    /* A schema protoc rejects is reported, but it is not a source file
     * that failed: a warning. */
    for (size_t k = 0; k < nd; k++) {
      as_diag d = dd[k];
      if (d.level == AS_DIAG_ERROR) d.level = AS_DIAG_WARNING;
      an_result_add_diag(res, &d);
    }
  }
  an_links *links = an_link_build(svcs.items, svcs.len, deploy, protos);
  for (size_t k = 0; k < an_links_ndiags(links); k++)
    an_result_add_diag(res, an_links_diag(links, k));
  an_scan__endpoints(res, links);
  an_access_set *access = an_access_build(opt->root, fsvcs.items, fsvcs.len, schemas.items,
                                          schemas.len, roots.items, opt->catalogue, res);
  an_flow_analyze(fsvcs.items, fsvcs.len, links, opt->catalogue, hosts.items, hosts.len, access,
                  res);
  an_access_emit(access, res);
  an_access_delete(access);
  an_scan__links(res, links);
  res->contract = an_contract_set_new();
  an_scan__http_contract(res);
  an_scan__schema_contracts(res, opt->root, protos, roots.items, roots.len, yamls.items, yamls.len,
                            jsons.items, jsons.len);
  an_scan__c_contract(res, opt->root, &files, roots.items, roots.len);
  an_links_delete(links);
  an_deploy_delete(deploy);
  an_proto_set_delete(protos);
  as_array_free(&yamls);
  as_array_free(&protofiles);
  as_array_free(&jsons);
  as_array_free(&schemas);
  as_array_free(&svcs);
  as_array_free(&fsvcs);
  as_array_free(&roots);
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
