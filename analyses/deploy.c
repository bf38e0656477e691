/* deploy.c — host names and environment variables of docker-compose files
 * and Kubernetes manifests (libyaml's document API). Files are read into
 * "units" (a compose service, a Kubernetes workload or Service) with their
 * host and variable candidates; roots that depend on other files (a Service's
 * workload, an override file's base) are resolved once everything is read,
 * and the candidates are then kept in reading order. */
#include "deploy.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

struct an_deploy {
  as_arena *arena;
  const char **roots; /* normalised, unique */
  const char **names; /* each root's last component ("" root: the folder's name) */
  size_t nroots;
  AS_ARRAY(an_deploy_host) hosts;
  AS_ARRAY(an_deploy_env) envs;
  AS_ARRAY(as_diag) diags;
};

typedef struct dp__kv {
  const char *key, *value;
} dp__kv;

typedef enum { DP__COMPOSE, DP__WORKLOAD, DP__SERVICE } dp__kind;

typedef struct dp__unit {
  dp__kind kind;
  const char *folder; /* compose: the file's folder (NULL when outside root) */
  const char *name;   /* compose service key, metadata.name */
  const char *ns;     /* metadata.namespace or NULL */
  dp__kv *labels;     /* workload: pod labels; Service: selector */
  size_t nlabels;
  const char *root; /* resolved service root or NULL */
} dp__unit;

/* A host or variable found in a file, kept when its unit gets a root. */
typedef struct dp__cand {
  size_t unit;
  const char *host; /* host candidate, or NULL for a variable */
  const char *name, *value;
  const char *origin;
  uint32_t line;
} dp__cand;

typedef struct dp__ctx {
  an_deploy *self;
  yaml_document_t *doc;
  const char *origin, *folder;
  AS_ARRAY(dp__unit) units;
  AS_ARRAY(dp__cand) cands;
} dp__ctx;

static void dp__diag(an_deploy *self, const char *path, uint32_t line, const char *code,
                     const char *msg) {
  as_diag d = {AS_DIAG_WARNING,
               as_arena_strdup(self->arena, path),
               line,
               0,
               code,
               as_arena_strdup(self->arena, msg)};
  as_array_push(&self->diags, d);
}

/* ---- paths and roots ---------------------------------------------------- */

/* base joined with rel ("" for none), without "." parts, doubled or trailing
 * '/', ".." applied; in the arena. NULL when ".." leaves the scan root. */
static const char *dp__normalise(as_arena *a, const char *base, const char *rel) {
  char *joined = as_sprintf("%s/%s", base ? base : "", rel ? rel : "");
  size_t n = strlen(joined), len = 0;
  char *out = as_malloc(n + 1);
  bool ok = true;
  for (const char *p = joined; *p && ok;) {
    while (*p == '/')
      p++;
    const char *s = p;
    while (*p && *p != '/')
      p++;
    size_t k = (size_t)(p - s);
    if (k == 0 || (k == 1 && s[0] == '.')) continue;
    if (k == 2 && s[0] == '.' && s[1] == '.') {
      if (!len) ok = false;
      while (len && out[len - 1] != '/')
        len--;
      if (len) len--; /* the '/' before the dropped part */
      continue;
    }
    if (len) out[len++] = '/';
    memcpy(out + len, s, k);
    len += k;
  }
  out[len] = 0;
  const char *r = ok ? as_arena_strdup(a, out) : NULL;
  free(out);
  free(joined);
  return r;
}

/* The folder of a relative file path, normalised ("" for the root). */
static const char *dp__folder(as_arena *a, const char *relpath) {
  const char *slash = strrchr(relpath, '/');
  if (!slash) return "";
  char *dir = as_strndup(relpath, (size_t)(slash - relpath));
  const char *r = dp__normalise(a, dir, NULL);
  free(dir);
  return r;
}

/* The longest service root equal to or containing folder, or NULL. */
static const char *dp__root_containing(const an_deploy *self, const char *folder) {
  const char *best = NULL;
  for (size_t i = 0; folder && i < self->nroots; i++) {
    const char *r = self->roots[i];
    size_t k = strlen(r);
    bool inside = k == 0 || (strncmp(folder, r, k) == 0 && (folder[k] == 0 || folder[k] == '/'));
    if (inside && (!best || k > strlen(best))) best = r;
  }
  return best;
}

/* The one service root whose last component is name[0..n), or NULL (none,
 * or several). */
static const char *dp__root_named(const an_deploy *self, const char *name, size_t n) {
  const char *hit = NULL;
  size_t hits = 0;
  for (size_t i = 0; n && i < self->nroots; i++)
    if (strlen(self->names[i]) == n && strncasecmp(self->names[i], name, n) == 0) {
      hit = self->roots[i];
      hits++;
    }
  return hits == 1 ? hit : NULL;
}

/* image = [registry[:port]/]path/name[:tag][@digest]: the root named name. */
static const char *dp__root_of_image(const an_deploy *self, const char *image) {
  if (!image) return NULL;
  size_t end = strcspn(image, "@");
  size_t start = end;
  while (start && image[start - 1] != '/')
    start--;
  size_t n = strcspn(image + start, ":");
  if (n > end - start) n = end - start;
  return dp__root_named(self, image + start, n);
}

static const char *dp__root_of_build(const dp__ctx *c, const char *context) {
  if (!context || !c->folder || context[0] == '/' || strstr(context, "://") ||
      strncmp(context, "git@", 4) == 0)
    return NULL;
  return dp__root_containing(c->self, dp__normalise(c->self->arena, c->folder, context));
}

/* ---- YAML ---------------------------------------------------------------- */

static yaml_node_t *dp__node(const dp__ctx *c, int id) {
  return yaml_document_get_node(c->doc, id);
}

static const char *dp__scalar(const yaml_node_t *n) {
  return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* A plain "", "~" or "null": YAML's null (the document API tags every
 * untagged scalar as a string, so the text decides). */
static bool dp__is_null(const yaml_node_t *n) {
  const char *s = dp__scalar(n);
  if (!s || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE) return false;
  return !*s || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 || strcmp(s, "Null") == 0 ||
         strcmp(s, "NULL") == 0;
}

static bool dp__is(const yaml_node_t *n, yaml_node_type_t t) {
  return n && n->type == t;
}

static uint32_t dp__line(const yaml_node_t *n) {
  return n ? (uint32_t)n->start_mark.line + 1 : 0;
}

typedef AS_ARRAY(yaml_node_pair_t) dp__pairs_t;
typedef AS_ARRAY(const yaml_node_t *) dp__seen_t;

/* Merge keys nest through aliases, which may be cyclic or fan out like
 * "billion laughs": each mapping is merged once per lookup (a second merge
 * would add no key), and nesting is bounded. */
#define DP__MERGE_DEPTH 16

static bool dp__has_key(const dp__ctx *c, const dp__pairs_t *pairs, const char *key) {
  for (size_t i = 0; key && i < pairs->len; i++) {
    const char *o = dp__scalar(dp__node(c, pairs->items[i].key));
    if (o && strcmp(o, key) == 0) return true;
  }
  return false;
}

/* The pairs of map: its own (without "<<"), then those of its merge sources
 * whose keys are not there yet (earlier sources first, as YAML 1.1 says). */
static void dp__pairs_into(const dp__ctx *c, const yaml_node_t *map, dp__pairs_t *out,
                           dp__seen_t *seen, int depth) {
  if (!dp__is(map, YAML_MAPPING_NODE) || depth > DP__MERGE_DEPTH) return;
  for (size_t i = 0; i < seen->len; i++)
    if (seen->items[i] == map) return;
  as_array_push(seen, map);
  yaml_node_pair_t *start = map->data.mapping.pairs.start, *top = map->data.mapping.pairs.top;
  for (yaml_node_pair_t *p = start; p < top; p++) {
    const char *k = dp__scalar(dp__node(c, p->key));
    if (!k || strcmp(k, "<<") != 0) as_array_push(out, *p);
  }
  for (yaml_node_pair_t *p = start; p < top; p++) {
    const char *k = dp__scalar(dp__node(c, p->key));
    if (!k || strcmp(k, "<<") != 0) continue;
    yaml_node_t *src = dp__node(c, p->value);
    bool seq = dp__is(src, YAML_SEQUENCE_NODE);
    size_t nsrc = seq ? (size_t)(src->data.sequence.items.top - src->data.sequence.items.start) : 1;
    for (size_t i = 0; i < nsrc; i++) {
      dp__pairs_t sub = {0};
      dp__pairs_into(c, seq ? dp__node(c, src->data.sequence.items.start[i]) : src, &sub, seen,
                     depth + 1);
      for (size_t j = 0; j < sub.len; j++)
        if (!dp__has_key(c, out, dp__scalar(dp__node(c, sub.items[j].key))))
          as_array_push(out, sub.items[j]);
      as_array_free(&sub);
    }
  }
}

static void dp__pairs(const dp__ctx *c, const yaml_node_t *map, dp__pairs_t *out) {
  dp__seen_t seen = {0};
  dp__pairs_into(c, map, out, &seen, 0);
  as_array_free(&seen);
}

/* map[name] (merge keys followed), or NULL; *key gets the key's node. */
static yaml_node_t *dp__get_key(const dp__ctx *c, const yaml_node_t *map, const char *name,
                                yaml_node_t **key) {
  if (key) *key = NULL;
  if (!dp__is(map, YAML_MAPPING_NODE)) return NULL;
  dp__pairs_t pairs = {0};
  dp__pairs(c, map, &pairs);
  yaml_node_t *v = NULL;
  for (size_t i = 0; i < pairs.len && !v; i++) {
    yaml_node_t *k = dp__node(c, pairs.items[i].key);
    const char *s = dp__scalar(k);
    if (s && strcmp(s, name) == 0) {
      v = dp__node(c, pairs.items[i].value);
      if (key) *key = k;
    }
  }
  as_array_free(&pairs);
  return v;
}

static yaml_node_t *dp__get(const dp__ctx *c, const yaml_node_t *map, const char *name) {
  return dp__get_key(c, map, name, NULL);
}

/* The scalar text of map[name], or NULL (absent, null, not a scalar). */
static const char *dp__get_text(const dp__ctx *c, const yaml_node_t *map, const char *name,
                                yaml_node_t **key) {
  yaml_node_t *v = dp__get_key(c, map, name, key);
  return dp__is_null(v) ? NULL : dp__scalar(v);
}

/* ---- candidates ----------------------------------------------------------- */

static size_t dp__unit_new(dp__ctx *c, dp__kind kind, const char *name) {
  dp__unit u = {.kind = kind, .folder = c->folder, .name = as_arena_strdup(c->self->arena, name)};
  as_array_push(&c->units, u);
  return c->units.len - 1;
}

static void dp__host(dp__ctx *c, size_t unit, const char *host, uint32_t line) {
  size_t n = host ? strlen(host) : 0;
  while (n && host[n - 1] == '.')
    n--;
  if (!n) return;
  dp__cand k = {unit, as_arena_strndup(c->self->arena, host, n), NULL, NULL, c->origin, line};
  as_array_push(&c->cands, k);
}

static void dp__env(dp__ctx *c, size_t unit, const char *name, size_t nlen, const char *value,
                    uint32_t line) {
  if (!nlen) return;
  dp__cand k = {unit,
                NULL,
                as_arena_strndup(c->self->arena, name, nlen),
                as_arena_strdup(c->self->arena, value),
                c->origin,
                line};
  as_array_push(&c->cands, k);
}

/* The key/value pairs of a mapping with scalar values (labels, selectors). */
static void dp__labels(dp__ctx *c, const yaml_node_t *map, dp__unit *u) {
  if (!dp__is(map, YAML_MAPPING_NODE)) return;
  dp__pairs_t pairs = {0};
  dp__pairs(c, map, &pairs);
  u->labels = as_arena_alloc(c->self->arena, (pairs.len ? pairs.len : 1) * sizeof(dp__kv));
  for (size_t i = 0; i < pairs.len; i++) {
    const char *k = dp__scalar(dp__node(c, pairs.items[i].key));
    const char *v = dp__scalar(dp__node(c, pairs.items[i].value));
    if (!k || !v) continue;
    u->labels[u->nlabels++] =
        (dp__kv){as_arena_strdup(c->self->arena, k), as_arena_strdup(c->self->arena, v)};
  }
  as_array_free(&pairs);
}

/* ---- compose ---------------------------------------------------------------- */

/* services: NAME: {hostname, container_name, networks: {N: {aliases}}, build,
 * image, environment} */
static void dp__compose_service(dp__ctx *c, const yaml_node_t *key, const yaml_node_t *svc) {
  const char *name = dp__scalar(key);
  if (!name || !*name) return;
  size_t u = dp__unit_new(c, DP__COMPOSE, name);
  dp__host(c, u, name, dp__line(key));
  if (!dp__is(svc, YAML_MAPPING_NODE)) return;
  static const char *const names[] = {"hostname", "container_name"};
  for (size_t i = 0; i < 2; i++) {
    yaml_node_t *k;
    const char *h = dp__get_text(c, svc, names[i], &k);
    if (h) dp__host(c, u, h, dp__line(k));
  }
  yaml_node_t *nets = dp__get(c, svc, "networks");
  if (dp__is(nets, YAML_MAPPING_NODE)) {
    dp__pairs_t pairs = {0};
    dp__pairs(c, nets, &pairs);
    for (size_t i = 0; i < pairs.len; i++) {
      yaml_node_t *al = dp__get(c, dp__node(c, pairs.items[i].value), "aliases");
      if (!dp__is(al, YAML_SEQUENCE_NODE)) continue;
      for (yaml_node_item_t *it = al->data.sequence.items.start; it < al->data.sequence.items.top;
           it++) {
        yaml_node_t *a = dp__node(c, *it);
        if (!dp__is_null(a)) dp__host(c, u, dp__scalar(a), dp__line(a));
      }
    }
    as_array_free(&pairs);
  }

  const char *root = NULL;
  yaml_node_t *build = dp__get(c, svc, "build");
  if (dp__is(build, YAML_MAPPING_NODE)) {
    const char *ctx = dp__get_text(c, build, "context", NULL);
    root = dp__root_of_build(c, ctx ? ctx : ".");
  } else if (build && !dp__is_null(build)) {
    root = dp__root_of_build(c, dp__scalar(build));
  }
  if (!root) root = dp__root_of_image(c->self, dp__get_text(c, svc, "image", NULL));
  c->units.items[u].root = root;

  yaml_node_t *env = dp__get(c, svc, "environment");
  if (dp__is(env, YAML_MAPPING_NODE)) {
    dp__pairs_t pairs = {0};
    dp__pairs(c, env, &pairs);
    for (size_t i = 0; i < pairs.len; i++) {
      yaml_node_t *k = dp__node(c, pairs.items[i].key), *v = dp__node(c, pairs.items[i].value);
      const char *ks = dp__scalar(k), *vs = dp__scalar(v);
      if (ks && vs && !dp__is_null(v)) dp__env(c, u, ks, strlen(ks), vs, dp__line(k));
    }
    as_array_free(&pairs);
  } else if (dp__is(env, YAML_SEQUENCE_NODE)) {
    for (yaml_node_item_t *it = env->data.sequence.items.start; it < env->data.sequence.items.top;
         it++) {
      yaml_node_t *e = dp__node(c, *it);
      const char *s = dp__scalar(e), *eq = s ? strchr(s, '=') : NULL;
      if (eq) dp__env(c, u, s, (size_t)(eq - s), eq + 1, dp__line(e));
    }
  }
}

static void dp__compose(dp__ctx *c, const yaml_node_t *top) {
  yaml_node_t *services = dp__get(c, top, "services");
  if (!dp__is(services, YAML_MAPPING_NODE)) return;
  dp__pairs_t pairs = {0};
  dp__pairs(c, services, &pairs);
  for (size_t i = 0; i < pairs.len; i++)
    dp__compose_service(c, dp__node(c, pairs.items[i].key), dp__node(c, pairs.items[i].value));
  as_array_free(&pairs);
}

/* ---- Kubernetes --------------------------------------------------------------- */

static bool dp__is_manifest(const dp__ctx *c, const yaml_node_t *top) {
  return dp__get_text(c, top, "apiVersion", NULL) && dp__get_text(c, top, "kind", NULL);
}

static bool dp__is_workload(const char *kind) {
  static const char *const kinds[] = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
                                      "Job",        "CronJob",     "Pod"};
  for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
    if (strcmp(kind, kinds[i]) == 0) return true;
  return false;
}

/* A workload: its pod template's labels, its root (first container's image,
 * else its name) and its containers' env. */
static void dp__workload(dp__ctx *c, const char *kind, const yaml_node_t *top, const char *name,
                         const char *ns) {
  const yaml_node_t *tmpl = top;
  if (strcmp(kind, "CronJob") == 0)
    tmpl = dp__get(c, dp__get(c, dp__get(c, dp__get(c, top, "spec"), "jobTemplate"), "spec"),
                   "template");
  else if (strcmp(kind, "Pod") != 0)
    tmpl = dp__get(c, dp__get(c, top, "spec"), "template");
  size_t u = dp__unit_new(c, DP__WORKLOAD, name);
  c->units.items[u].ns = ns;
  dp__labels(c, dp__get(c, dp__get(c, tmpl, "metadata"), "labels"), &c->units.items[u]);
  yaml_node_t *containers = dp__get(c, dp__get(c, tmpl, "spec"), "containers");
  const char *root = NULL;
  if (dp__is(containers, YAML_SEQUENCE_NODE) &&
      containers->data.sequence.items.start < containers->data.sequence.items.top)
    root = dp__root_of_image(
        c->self,
        dp__get_text(c, dp__node(c, *containers->data.sequence.items.start), "image", NULL));
  if (!root) root = dp__root_named(c->self, name, strlen(name));
  c->units.items[u].root = root;
  if (!dp__is(containers, YAML_SEQUENCE_NODE)) return;
  for (yaml_node_item_t *ci = containers->data.sequence.items.start;
       ci < containers->data.sequence.items.top; ci++) {
    yaml_node_t *env = dp__get(c, dp__node(c, *ci), "env");
    if (!dp__is(env, YAML_SEQUENCE_NODE)) continue;
    for (yaml_node_item_t *ei = env->data.sequence.items.start; ei < env->data.sequence.items.top;
         ei++) {
      yaml_node_t *e = dp__node(c, *ei), *k;
      const char *en = dp__get_text(c, e, "name", &k);
      yaml_node_t *v = dp__get(c, e, "value");
      if (!en || !v || dp__get(c, e, "valueFrom") || !dp__is(v, YAML_SCALAR_NODE)) continue;
      dp__env(c, u, en, strlen(en), dp__is_null(v) ? "" : dp__scalar(v), dp__line(k));
    }
  }
}

static void dp__manifest(dp__ctx *c, const yaml_node_t *top, int depth) {
  const char *kind = dp__get_text(c, top, "kind", NULL);
  if (!kind) return;
  if (strcmp(kind, "List") == 0 && depth == 0) {
    yaml_node_t *items = dp__get(c, top, "items");
    if (!dp__is(items, YAML_SEQUENCE_NODE)) return;
    for (yaml_node_item_t *i = items->data.sequence.items.start; i < items->data.sequence.items.top;
         i++)
      if (dp__is_manifest(c, dp__node(c, *i))) dp__manifest(c, dp__node(c, *i), depth + 1);
    return;
  }
  yaml_node_t *meta = dp__get(c, top, "metadata"), *name_key;
  const char *name = dp__get_text(c, meta, "name", &name_key);
  const char *ns = dp__get_text(c, meta, "namespace", NULL);
  if (!name || !*name) return;
  ns = ns && *ns ? as_arena_strdup(c->self->arena, ns) : NULL;
  if (strcmp(kind, "Service") == 0) {
    size_t u = dp__unit_new(c, DP__SERVICE, name);
    c->units.items[u].ns = ns;
    dp__labels(c, dp__get(c, dp__get(c, top, "spec"), "selector"), &c->units.items[u]);
    uint32_t line = dp__line(name_key);
    const char *n = ns ? ns : "default";
    dp__host(c, u, name, line);
    static const char *const suffixes[] = {"", ".svc", ".svc.cluster.local"};
    for (size_t i = 0; i < 3; i++) {
      char *h = as_sprintf("%s.%s%s", name, n, suffixes[i]);
      dp__host(c, u, h, line);
      free(h);
    }
  } else if (dp__is_workload(kind)) {
    dp__workload(c, kind, top, name, ns);
  }
}

/* ---- loading ------------------------------------------------------------------ */

static bool dp__ends_with_ci(const char *s, size_t n, const char *suffix) {
  size_t k = strlen(suffix);
  return n >= k && strncasecmp(s + n - k, suffix, k) == 0;
}

/* docker-compose[.NAME].y(a)ml or compose[.NAME].y(a)ml */
static bool dp__is_compose_name(const char *base) {
  size_t n = strlen(base);
  size_t ext = dp__ends_with_ci(base, n, ".yml") ? 4 : dp__ends_with_ci(base, n, ".yaml") ? 5 : 0;
  if (!ext) return false;
  static const char *const stems[] = {"docker-compose", "compose"};
  for (size_t i = 0; i < 2; i++) {
    size_t k = strlen(stems[i]);
    if (strncasecmp(base, stems[i], k) == 0 &&
        (k == n - ext || (base[k] == '.' && k + 1 < n - ext)))
      return true;
  }
  return false;
}

/* Does some line of text start with key (a top-level key)? */
static bool dp__has_top_key(const char *text, const char *key) {
  size_t k = strlen(key);
  for (const char *p = text;;) {
    if (strncmp(p, key, k) == 0) return true;
    p = strchr(p, '\n');
    if (!p) return false;
    p++;
  }
}

static void dp__read_file(dp__ctx *c, const char *root, const char *relpath) {
  const char *base = strrchr(relpath, '/');
  base = base ? base + 1 : relpath;
  size_t bn = strlen(base);
  bool compose = dp__is_compose_name(base);
  if (!compose && !dp__ends_with_ci(base, bn, ".yml") && !dp__ends_with_ci(base, bn, ".yaml"))
    return;
  char *path = as_sprintf("%s/%s", root ? root : ".", relpath);
  char *text = NULL;
  size_t len = 0;
  if (as_read_file(path, &text, &len) != 0) {
    char *msg = as_sprintf("cannot read: %s", strerror(errno));
    dp__diag(c->self, relpath, 0, "read-error", msg);
    free(msg);
    free(path);
    return;
  }
  free(path);
  c->origin = as_arena_strdup(c->self->arena, relpath);
  c->folder = dp__folder(c->self->arena, relpath);

  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
  bool manifest_seen = false;
  for (;;) {
    yaml_document_t doc;
    if (!yaml_parser_load(&parser, &doc)) {
      bool report = compose || manifest_seen ||
                    (dp__has_top_key(text, "apiVersion:") && dp__has_top_key(text, "kind:") &&
                     !strstr(text, "{{"));
      if (report) {
        char *msg = as_sprintf("%s%s%s", parser.problem ? parser.problem : "not valid YAML",
                               parser.context ? " " : "", parser.context ? parser.context : "");
        dp__diag(c->self, relpath, (uint32_t)parser.problem_mark.line + 1, "deploy-error", msg);
        free(msg);
      }
      break;
    }
    yaml_node_t *top = yaml_document_get_root_node(&doc);
    if (!top) {
      yaml_document_delete(&doc);
      break;
    }
    c->doc = &doc;
    if (compose) {
      dp__compose(c, top);
    } else if (dp__is_manifest(c, top)) {
      manifest_seen = true;
      dp__manifest(c, top, 0);
    }
    c->doc = NULL;
    yaml_document_delete(&doc);
  }
  yaml_parser_delete(&parser);
  free(text);
}

static bool dp__selects(const dp__unit *svc, const dp__unit *w) {
  if (!svc->nlabels) return false;
  if (svc->ns && w->ns && strcmp(svc->ns, w->ns) != 0) return false;
  for (size_t i = 0; i < svc->nlabels; i++) {
    bool found = false;
    for (size_t j = 0; j < w->nlabels && !found; j++)
      found = strcmp(svc->labels[i].key, w->labels[j].key) == 0 &&
              strcmp(svc->labels[i].value, w->labels[j].value) == 0;
    if (!found) return false;
  }
  return true;
}

/* Roots that depend on other files: an override file's service takes the
 * root of its namesake in the same folder; a Service, its workload's. */
static void dp__resolve(dp__ctx *c) {
  dp__unit *us = c->units.items;
  size_t n = c->units.len;
  for (size_t i = 0; i < n; i++) {
    if (us[i].kind != DP__COMPOSE || us[i].root || !us[i].folder) continue;
    for (size_t j = 0; j < n && !us[i].root; j++)
      if (j != i && us[j].kind == DP__COMPOSE && us[j].root && us[j].folder &&
          strcmp(us[j].folder, us[i].folder) == 0 && strcmp(us[j].name, us[i].name) == 0)
        us[i].root = us[j].root;
  }
  for (size_t i = 0; i < n; i++) {
    if (us[i].kind != DP__SERVICE) continue;
    for (size_t j = 0; j < n && !us[i].root; j++)
      if (us[j].kind == DP__WORKLOAD && us[j].root && dp__selects(&us[i], &us[j]))
        us[i].root = us[j].root;
    if (!us[i].root) us[i].root = dp__root_named(c->self, us[i].name, strlen(us[i].name));
  }
}

static const an_deploy_host *dp__find_host(const an_deploy *self, const char *host, size_t n) {
  for (size_t i = 0; i < self->hosts.len; i++) {
    const an_deploy_host *h = &self->hosts.items[i];
    if (strlen(h->host) == n && strncasecmp(h->host, host, n) == 0) return h;
  }
  return NULL;
}

static void dp__keep(dp__ctx *c) {
  an_deploy *self = c->self;
  for (size_t i = 0; i < c->cands.len; i++) {
    const dp__cand *k = &c->cands.items[i];
    const char *root = c->units.items[k->unit].root;
    if (!root) continue;
    if (!k->host) {
      an_deploy_env e = {root, k->name, k->value, k->origin, k->line};
      as_array_push(&self->envs, e);
      continue;
    }
    const an_deploy_host *old = dp__find_host(self, k->host, strlen(k->host));
    if (!old) {
      an_deploy_host h = {k->host, root, k->origin, k->line};
      as_array_push(&self->hosts, h);
    } else if (strcmp(old->service_root, root) != 0) {
      char *msg =
          as_sprintf("host '%s' denotes service '%s' in %s:%u and service '%s' in %s:%u; "
                     "the first is kept",
                     k->host, old->service_root, old->origin, old->line, root, k->origin, k->line);
      dp__diag(self, k->origin, k->line, "deploy-conflict", msg);
      free(msg);
    }
  }
}

int an_deploy_load(const char *root, const char *const *relpaths, size_t n,
                   const char *const *service_roots, size_t nservices, an_deploy **out, char *err,
                   size_t errlen) {
  *out = NULL;
  DIR *dir = opendir(root ? root : ".");
  if (!dir) {
    if (err && errlen)
      snprintf(err, errlen, "%s: cannot read: %s", root ? root : ".", strerror(errno));
    return -1;
  }
  closedir(dir);

  an_deploy *self = as_calloc(1, sizeof(*self));
  self->arena = as_arena_new();
  self->roots = as_arena_alloc(self->arena, (nservices ? nservices : 1) * sizeof(char *));
  self->names = as_arena_alloc(self->arena, (nservices ? nservices : 1) * sizeof(char *));
  char real[PATH_MAX];
  const char *top_name = realpath(root ? root : ".", real) ? strrchr(real, '/') : NULL;
  top_name = top_name ? top_name + 1 : "";
  for (size_t i = 0; i < nservices; i++) {
    const char *r = dp__normalise(self->arena, service_roots[i], NULL);
    bool dup = !r;
    for (size_t j = 0; r && j < self->nroots && !dup; j++)
      dup = strcmp(self->roots[j], r) == 0;
    if (dup) continue;
    const char *slash = strrchr(r, '/');
    self->names[self->nroots] =
        *r ? (slash ? slash + 1 : r) : as_arena_strdup(self->arena, top_name);
    self->roots[self->nroots++] = r;
  }

  dp__ctx c = {.self = self};
  for (size_t i = 0; i < n; i++)
    if (relpaths[i]) dp__read_file(&c, root, relpaths[i]);
  dp__resolve(&c);
  dp__keep(&c);
  as_array_free(&c.units);
  as_array_free(&c.cands);
  *out = self;
  return 0;
}

void an_deploy_delete(an_deploy *self) {
  if (!self) return;
  as_array_free(&self->hosts);
  as_array_free(&self->envs);
  as_array_free(&self->diags);
  as_arena_delete(self->arena);
  free(self);
}

const char *an_deploy_service_of_host(const an_deploy *self, const char *host) {
  if (!self || !host) return NULL;
  size_t n = strlen(host);
  while (n && host[n - 1] == '.')
    n--;
  const an_deploy_host *h = n ? dp__find_host(self, host, n) : NULL;
  return h ? h->service_root : NULL;
}

const char *an_deploy_env_value(const an_deploy *self, const char *service_root, const char *name) {
  if (!self || !service_root || !name) return NULL;
  as_arena *tmp = as_arena_new();
  const char *root = dp__normalise(tmp, service_root, NULL);
  const char *value = NULL;
  for (size_t i = 0; root && i < self->envs.len && !value; i++) {
    const an_deploy_env *e = &self->envs.items[i];
    if (strcmp(e->service_root, root) == 0 && strcmp(e->name, name) == 0) value = e->value;
  }
  as_arena_delete(tmp);
  return value;
}

const an_deploy_host *an_deploy_hosts(const an_deploy *self, size_t *n) {
  *n = self->hosts.len;
  return self->hosts.items;
}

const an_deploy_env *an_deploy_envs(const an_deploy *self, size_t *n) {
  *n = self->envs.len;
  return self->envs.items;
}

const as_diag *an_deploy_diags(const an_deploy *self, size_t *n) {
  *n = self->diags.len;
  return self->diags.items;
}
