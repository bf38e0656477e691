/*
 * deploy.h — which host names and environment variables a repository's
 * deployment files (docker-compose files, Kubernetes manifests) declare for
 * its services, read with libyaml's document API.
 *
 * The flow analysis links an outbound call (`http://billing-svc:8080/...`, or
 * a URL taken from an environment variable) to the service that answers it:
 * an_deploy_service_of_host names the service root a host denotes, and
 * an_deploy_env_value the value a service's environment gives a variable.
 *
 * A service root is a folder relative to the scan root ("billing",
 * "services/users"; "" is the root itself), as frontend/discover.c finds
 * them. Roots are normalised when loaded (no "./", no trailing or doubled
 * '/'), and every service_root this module returns is one of them.
 *
 * Which files are read (relpaths, relative to root; the extension is matched
 * case-insensitively):
 * - compose files, in any folder: docker-compose.yml/.yaml, compose.yml/.yaml
 *   and their variants docker-compose.NAME.yml, compose.NAME.yaml
 *   (docker-compose.override.yml, docker-compose.prod.yml, ...);
 * - Kubernetes manifests: any other .yml/.yaml; only its documents whose root
 *   mapping has scalar `apiVersion` and `kind` are read (`---` separates
 *   documents; `kind: List` is read through its items).
 * Everything else (a GitHub workflow, an OpenAPI document, a Helm values
 * file) is ignored. Helm templates that happen to parse give names such as
 * "{{ include ... }}" that match no host and no root, so they record nothing.
 *
 * Compose. Under `services:` each entry's key is a host name, and so are its
 * `hostname:`, `container_name:` and every `networks: NET: aliases: [...]`.
 * The entry's service root:
 *   1. its `build:` context (a string, or a mapping's `context:`, "." when
 *      absent), resolved against the compose file's folder and normalised
 *      ("./billing" in the root's compose is "billing"; "../x" in
 *      "deploy/compose.yml" is "x"), when that folder is a service root or is
 *      inside one (the longest containing root wins). A context that leaves
 *      the scan root, is absolute or is a URL resolves to nothing;
 *   2. else its `image:`: the last path component without tag or digest
 *      ("registry.example/shop/billing:1.4@sha256:..." is "billing"), equal
 *      (case-insensitively) to the last component of exactly one service
 *      root (two roots with that name: no match);
 *   3. else (an override file naming only environment or ports) the root the
 *      same service name has in another compose file of the same folder.
 * An entry without a root records no host and no environment. `environment:`
 * as a mapping (values are kept as written: `PORT: 8080` is "8080", and a
 * null value, `KEY:` or `KEY: ~`, is skipped) or as a list ("KEY=value";
 * "KEY" alone is skipped) gives the entry's variables. `env_file` is not
 * read and `${VAR}` interpolation is not performed. Merge keys (`<<: *base`)
 * are followed (up to 16 levels), explicit keys winning over merged ones.
 *
 * Kubernetes. A `kind: Service` gives the host metadata.name and also
 * "NAME.NS", "NAME.NS.svc" and "NAME.NS.svc.cluster.local" for NS its
 * metadata.namespace ("default" when unset). Its service root: among the
 * workloads (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob,
 * Pod) of every file read, those whose pod labels (spec.template.metadata.
 * labels; a CronJob's spec.jobTemplate.spec.template...; a Pod's
 * metadata.labels) include every key/value of the Service's spec.selector
 * and whose namespace is compatible (equal, or unset on either side) are
 * taken in order, and the first with a root gives it. A workload's root comes
 * from its first container's image (the rule of compose step 2), else from its
 * metadata.name matched against the roots' last components the same way.
 * When no workload gives one, the Service's own name is matched the same
 * way; else the Service records no host. A Service without a selector
 * selects no workload. The `env:` entries of a workload's containers
 * (`name` with `value`; `valueFrom` is skipped) are variables of the
 * workload's root.
 *
 * Host names are compared case-insensitively, a trailing '.' ignored. A host
 * given to two different service roots keeps the first (files in relpaths
 * order, then the order within a file) and adds a warning "deploy-conflict"
 * naming both origins; a host given twice to the same root is kept once.
 * Variables are kept in the same order; an_deploy_env_value answers the
 * first.
 *
 * Lines are 1-based (libyaml's start_mark.line + 1) of the scalar that names
 * the thing: the service's key, the `hostname:` / `container_name:` /
 * metadata `name:` key, an alias's list item, an environment key or list
 * item, a Kubernetes env entry's `name:` key.
 *
 * Diagnostics (all level warning; path is the file relative to root):
 * - "deploy-error": a compose file, or a manifest (a file in which a manifest
 *   document came before the error, or with `apiVersion:` and `kind:` at the
 *   start of lines and no template "{{"), that is not valid YAML; the message is libyaml's problem
 *   text (and context), the line its problem mark. Documents before the
 *   error are kept. Other broken YAML files are ignored like other YAML.
 * - "read-error": a deployment candidate that cannot be read.
 * - "deploy-conflict": see above; path and line are those of the later one.
 */
#ifndef ASSAY_DEPLOY_H
#define ASSAY_DEPLOY_H

#include "../ir/base.h"

typedef struct an_deploy an_deploy;

/* A host name and the service root it denotes. */
typedef struct an_deploy_host {
  const char *host;         /* as written in the file */
  const char *service_root; /* a normalised service root */
  const char *origin;       /* the file, relative to root, as given in relpaths */
  uint32_t line;
} an_deploy_host;

/* An environment variable declared for a service root. */
typedef struct an_deploy_env {
  const char *service_root;
  const char *name;
  const char *value; /* as written (a scalar's text) */
  const char *origin;
  uint32_t line;
} an_deploy_env;

/* Read the deployment files among relpaths[0..n) (paths relative to root;
 * root NULL means the current directory) for the services service_roots[0..
 * nservices). Nothing is kept of the arguments: strings are copied. A file
 * that cannot be read or parsed is a diagnostic and the others are still
 * read.
 *
 * Returns 0 and *out (the caller frees it with an_deploy_delete), or -1 with
 * "ROOT: cannot read: <strerror>" in err (when err and errlen are set) and
 * *out = NULL when root itself is not a readable folder. */
int an_deploy_load(const char *root, const char *const *relpaths, size_t n,
                   const char *const *service_roots, size_t nservices, an_deploy **out, char *err,
                   size_t errlen);

void an_deploy_delete(an_deploy *self); /* NULL is safe */

/* The service root host denotes (case-insensitive; without port), or NULL.
 * The string is owned by self. */
const char *an_deploy_service_of_host(const an_deploy *self, const char *host);

/* The value of environment variable name (case-sensitive) declared for
 * service_root (normalised like the loaded roots before comparing), or NULL.
 * The first declaration in relpaths order wins. Owned by self. */
const char *an_deploy_env_value(const an_deploy *self, const char *service_root, const char *name);

/* Everything found, in the order described above; *n receives the count.
 * The arrays and their strings are owned by self and live as long as it. */
const an_deploy_host *an_deploy_hosts(const an_deploy *self, size_t *n);
const an_deploy_env *an_deploy_envs(const an_deploy *self, size_t *n);
const as_diag *an_deploy_diags(const an_deploy *self, size_t *n);

#endif
