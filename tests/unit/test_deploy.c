/* test_deploy.c — host names and environment variables of deployment files
 * (analyses/deploy.c) on the fixtures under tests/deploy/: a compose project
 * (build string and map forms, image-only services, aliases, environment as
 * map and list, merge keys, an override file, a second project one folder
 * down), Kubernetes manifests (Deployment + Service with a namespace, a
 * StatefulSet, a Pod in a List, selector-less Services), broken files, and
 * YAML that is no deployment file. */
#include "check.h"

#include "analyses/deploy.h"

#include <string.h>

#define COMPOSE "tests/deploy/compose-repo"
#define K8S "tests/deploy/k8s-repo"
#define BROKEN "tests/deploy/broken-repo"

#define LEN(a) (sizeof(a) / sizeof(*(a)))

static an_deploy *load_(const char *root, const char *const *files, size_t n,
                        const char *const *roots, size_t nroots, int line) {
  an_deploy *d = NULL;
  char err[256] = {0};
  int rc = an_deploy_load(root, files, n, roots, nroots, &d, err, sizeof err);
  check_count_++;
  if (rc != 0 || !d) {
    fprintf(stderr, "%s:%d: an_deploy_load(%s) gave %d \"%s\"\n", __FILE__, line, root, rc, err);
    check_failures_++;
    abort();
  }
  return d;
}
#define load(root, files, roots) load_((root), (files), LEN(files), (roots), LEN(roots), __LINE__)

/* "host -> root origin:line" per host, then "env root NAME=value
 * origin:line" per variable, then "level path:line code: message" per
 * diagnostic; one a line. Caller frees. */
static char *summary(const an_deploy *d) {
  as_buf b = {0};
  as_buf_puts(&b, "");
  size_t n;
  const an_deploy_host *h = an_deploy_hosts(d, &n);
  for (size_t i = 0; i < n; i++)
    as_buf_printf(&b, "%s -> %s %s:%u\n", h[i].host, h[i].service_root, h[i].origin, h[i].line);
  const an_deploy_env *e = an_deploy_envs(d, &n);
  for (size_t i = 0; i < n; i++)
    as_buf_printf(&b, "env %s %s=%s %s:%u\n", e[i].service_root, e[i].name, e[i].value, e[i].origin,
                  e[i].line);
  const as_diag *g = an_deploy_diags(d, &n);
  for (size_t i = 0; i < n; i++)
    as_buf_printf(&b, "%s %s:%u %s: %s\n", as_diag_level_name(g[i].level), g[i].path, g[i].line,
                  g[i].code, g[i].message);
  return b.data;
}

#define CHECK_SUMMARY(d, text)                                                                     \
  do {                                                                                             \
    char *s_ = summary(d);                                                                         \
    CHECK_STR(s_, text);                                                                           \
    free(s_);                                                                                      \
  } while (0)

static const char *const compose_roots[] = {"billing", "services/users", "notifier", "web"};

static void test_compose(void) {
  const char *files[] = {"docker-compose.yml",  "docker-compose.override.yml",
                         "deploy/compose.yaml", ".github/workflows/ci.yml",
                         "openapi.yaml",        "config/broken-settings.yml"};
  an_deploy *d = load(COMPOSE, files, compose_roots);
  CHECK_SUMMARY(
      d,
      /* the key, hostname:, the aliases of network backend */
      "billing-svc -> billing docker-compose.yml:7\n"
      "billing.internal -> billing docker-compose.yml:9\n"
      "payments -> billing docker-compose.yml:13\n"
      "BILLING-API -> billing docker-compose.yml:14\n"
      /* build: {context: services/users}, container_name: */
      "users -> services/users docker-compose.yml:23\n"
      "shop-users -> services/users docker-compose.yml:27\n"
      /* image registry.example/shop/notifier:1.4; redis and ../outside: none */
      "notifier -> notifier docker-compose.yml:34\n"
      /* deploy/compose.yaml: ../web; ../services/users/api is inside services/users */
      "web -> web deploy/compose.yaml:3\n"
      "users-api -> services/users deploy/compose.yaml:5\n"
      /* map form, explicit keys first, then the merged ones; FROM_SHELL: null */
      "env billing DATABASE_URL=postgres://db:5432/billing docker-compose.yml:17\n"
      "env billing PORT=8080 docker-compose.yml:18\n"
      "env billing RATIO=3.5 docker-compose.yml:19\n"
      "env billing EMPTY= docker-compose.yml:20\n"
      "env billing LOG_LEVEL=debug docker-compose.yml:22\n"
      "env billing TRACING=true docker-compose.yml:4\n"
      /* list form; SECRET_FROM_SHELL has no value */
      "env services/users BILLING_URL=http://billing-svc:8080/v1 docker-compose.yml:31\n"
      "env services/users EQUALS=a=b docker-compose.yml:32\n"
      "env notifier SMTP_HOST=mail docker-compose.yml:37\n"
      /* the override file's notifier has the base file's root */
      "env notifier SMTP_PORT=2525 docker-compose.override.yml:5\n"
      "warning deploy/compose.yaml:8 deploy-conflict: host 'payments' denotes service 'billing' "
      "in docker-compose.yml:13 and service 'web' in deploy/compose.yaml:8; the first is kept\n");

  CHECK_STR(an_deploy_service_of_host(d, "billing-svc"), "billing");
  CHECK_STR(an_deploy_service_of_host(d, "Billing-SVC"), "billing");
  CHECK_STR(an_deploy_service_of_host(d, "billing-api"), "billing");
  CHECK_STR(an_deploy_service_of_host(d, "billing.internal."), "billing");
  CHECK_STR(an_deploy_service_of_host(d, "payments"), "billing");
  CHECK_STR(an_deploy_service_of_host(d, "shop-users"), "services/users");
  CHECK_STR(an_deploy_service_of_host(d, "users-api"), "services/users");
  CHECK_STR(an_deploy_service_of_host(d, "notifier"), "notifier");
  CHECK(an_deploy_service_of_host(d, "cache") == NULL);
  CHECK(an_deploy_service_of_host(d, "gateway") == NULL);
  CHECK(an_deploy_service_of_host(d, "postgres") == NULL); /* a workflow's job service */
  CHECK(an_deploy_service_of_host(d, "") == NULL);
  CHECK(an_deploy_service_of_host(d, NULL) == NULL);

  CHECK_STR(an_deploy_env_value(d, "billing", "LOG_LEVEL"), "debug");
  CHECK_STR(an_deploy_env_value(d, "billing", "TRACING"), "true");
  CHECK_STR(an_deploy_env_value(d, "./billing/", "PORT"), "8080");
  CHECK_STR(an_deploy_env_value(d, "billing", "EMPTY"), "");
  CHECK_STR(an_deploy_env_value(d, "services/users", "BILLING_URL"), "http://billing-svc:8080/v1");
  CHECK_STR(an_deploy_env_value(d, "notifier", "SMTP_PORT"), "2525");
  CHECK(an_deploy_env_value(d, "billing", "FROM_SHELL") == NULL);
  CHECK(an_deploy_env_value(d, "services/users", "SECRET_FROM_SHELL") == NULL);
  CHECK(an_deploy_env_value(d, "billing", "port") == NULL); /* names are case-sensitive */
  CHECK(an_deploy_env_value(d, "web", "PORT") == NULL);
  an_deploy_delete(d);
}

/* The first file in relpaths order keeps a conflicting host. */
static void test_conflict_order(void) {
  const char *files[] = {"deploy/compose.yaml", "docker-compose.yml"};
  an_deploy *d = load(COMPOSE, files, compose_roots);
  CHECK_STR(an_deploy_service_of_host(d, "payments"), "web");
  size_t n;
  const as_diag *g = an_deploy_diags(d, &n);
  CHECK_INT(n, 1);
  if (n == 1) {
    CHECK_INT(g[0].level, AS_DIAG_WARNING);
    CHECK_STR(g[0].path, "docker-compose.yml");
    CHECK_INT(g[0].line, 13);
    CHECK_STR(g[0].code, "deploy-conflict");
    CHECK_STR(g[0].message, "host 'payments' denotes service 'web' in deploy/compose.yaml:8 and "
                            "service 'billing' in docker-compose.yml:13; the first is kept");
  }
  an_deploy_delete(d);
}

/* The root as the only service root contains every build context; an image
 * name matching two roots' last component decides nothing. */
static void test_root_rules(void) {
  const char *files[] = {"docker-compose.yml", "docker-compose.override.yml",
                         "deploy/compose.yaml"};
  const char *const top[] = {"."};
  an_deploy *d = load(COMPOSE, files, top);
  CHECK_STR(an_deploy_service_of_host(d, "billing-svc"), "");
  CHECK_STR(an_deploy_service_of_host(d, "users-api"), "");
  CHECK_STR(an_deploy_service_of_host(d, "payments"), "");
  CHECK(an_deploy_service_of_host(d, "notifier") == NULL); /* "" is named compose-repo */
  CHECK(an_deploy_service_of_host(d, "gateway") == NULL);  /* ../outside leaves the root */
  CHECK_STR(an_deploy_env_value(d, "", "PORT"), "8080");
  size_t n;
  an_deploy_diags(d, &n);
  CHECK_INT(n, 0);
  an_deploy_delete(d);

  const char *const twins[] = {"billing", "notifier", "old/notifier"};
  d = load(COMPOSE, files, twins);
  CHECK(an_deploy_service_of_host(d, "notifier") == NULL);
  CHECK(an_deploy_env_value(d, "notifier", "SMTP_HOST") == NULL);
  CHECK(an_deploy_env_value(d, "notifier", "SMTP_PORT") == NULL);
  CHECK(an_deploy_service_of_host(d, "users") == NULL); /* services/users is no root here */
  CHECK_STR(an_deploy_service_of_host(d, "billing-svc"), "billing");
  an_deploy_delete(d);
}

static void test_kubernetes(void) {
  const char *files[] = {"deploy/k8s/billing.yaml", "deploy/k8s/users.yaml",
                         "deploy/k8s/reports.yaml", "deploy/kustomization.yaml",
                         "deploy/chart/Chart.yaml", "deploy/chart/templates/service.yaml"};
  const char *const roots[] = {"billing", "services/users", "notifier", "reports"};
  an_deploy *d = load(K8S, files, roots);
  CHECK_SUMMARY(
      d,
      /* selects billing-deployment, image .../billing:1.4@sha256:... */
      "billing-svc -> billing deploy/k8s/billing.yaml:37\n"
      "billing-svc.shop -> billing deploy/k8s/billing.yaml:37\n"
      "billing-svc.shop.svc -> billing deploy/k8s/billing.yaml:37\n"
      "billing-svc.shop.svc.cluster.local -> billing deploy/k8s/billing.yaml:37\n"
      /* selects the StatefulSet users (image users-image: no; name: yes) */
      "users-api -> services/users deploy/k8s/users.yaml:4\n"
      "users-api.default -> services/users deploy/k8s/users.yaml:4\n"
      "users-api.default.svc -> services/users deploy/k8s/users.yaml:4\n"
      "users-api.default.svc.cluster.local -> services/users deploy/k8s/users.yaml:4\n"
      /* no selector: its own name */
      "notifier -> notifier deploy/k8s/users.yaml:36\n"
      "notifier.default -> notifier deploy/k8s/users.yaml:36\n"
      "notifier.default.svc -> notifier deploy/k8s/users.yaml:36\n"
      "notifier.default.svc.cluster.local -> notifier deploy/k8s/users.yaml:36\n"
      /* a List holding a Service and the Pod it selects */
      "reports-api -> reports deploy/k8s/reports.yaml:7\n"
      "reports-api.default -> reports deploy/k8s/reports.yaml:7\n"
      "reports-api.default.svc -> reports deploy/k8s/reports.yaml:7\n"
      "reports-api.default.svc.cluster.local -> reports deploy/k8s/reports.yaml:7\n"
      /* every container's env; DB_PASSWORD has valueFrom */
      "env billing DATABASE_URL=postgres://billing-db.shop.svc.cluster.local:5432/billing "
      "deploy/k8s/billing.yaml:21\n"
      "env billing PORT=8080 deploy/k8s/billing.yaml:23\n"
      "env billing ENVOY_ADMIN_PORT=9901 deploy/k8s/billing.yaml:31\n"
      "env services/users BILLING_URL=http://billing-svc.shop:8080 deploy/k8s/users.yaml:30\n"
      "env reports EMPTY= deploy/k8s/reports.yaml:22\n");

  CHECK_STR(an_deploy_service_of_host(d, "BILLING-SVC.shop.svc.cluster.local"), "billing");
  CHECK(an_deploy_service_of_host(d, "billing-svc.default") == NULL);
  CHECK(an_deploy_service_of_host(d, "billing-staging") == NULL); /* other namespace */
  CHECK(an_deploy_service_of_host(d, "legacy") == NULL);
  CHECK(an_deploy_service_of_host(d, "users-config") == NULL); /* a ConfigMap */
  CHECK(an_deploy_service_of_host(d, "billing-deployment") == NULL);
  CHECK_STR(an_deploy_env_value(d, "billing", "PORT"), "8080");
  CHECK(an_deploy_env_value(d, "billing", "DB_PASSWORD") == NULL);
  CHECK_STR(an_deploy_env_value(d, "services/users", "BILLING_URL"),
            "http://billing-svc.shop:8080");
  an_deploy_delete(d);
}

static void test_broken(void) {
  const char *files[] = {"docker-compose.yml", "k8s/half.yaml", "missing.yml", "README.md"};
  const char *const roots[] = {"billing"};
  an_deploy *d = load(BROKEN, files, roots);
  CHECK_SUMMARY(d,
                /* the document before the error is kept */
                "billing -> billing k8s/half.yaml:4\n"
                "billing.default -> billing k8s/half.yaml:4\n"
                "billing.default.svc -> billing k8s/half.yaml:4\n"
                "billing.default.svc.cluster.local -> billing k8s/half.yaml:4\n"
                "warning docker-compose.yml:6 deploy-error: did not find expected key while "
                "parsing a block mapping\n"
                "warning k8s/half.yaml:10 deploy-error: did not find expected ',' or ']' while "
                "parsing a flow sequence\n"
                "warning missing.yml:0 read-error: cannot read: No such file or directory\n");
  CHECK(an_deploy_env_value(d, "billing", "PORT") == NULL);
  an_deploy_delete(d);
}

/* A workflow, an OpenAPI document, broken settings, a Helm chart: nothing. */
static void test_ignored(void) {
  const char *files[] = {".github/workflows/ci.yml", "openapi.yaml", "config/broken-settings.yml"};
  an_deploy *d = load(COMPOSE, files, compose_roots);
  CHECK_SUMMARY(d, "");
  an_deploy_delete(d);
  const char *chart[] = {"deploy/chart/Chart.yaml", "deploy/chart/templates/service.yaml",
                         "deploy/kustomization.yaml"};
  const char *const roots[] = {"billing"};
  d = load(K8S, chart, roots);
  CHECK_SUMMARY(d, "");
  an_deploy_delete(d);
}

static void test_root_error(void) {
  an_deploy *d = (an_deploy *)&d;
  char err[256] = {0};
  const char *files[] = {"docker-compose.yml"};
  CHECK_INT(an_deploy_load("tests/deploy/no-such-repo", files, 1, NULL, 0, &d, err, sizeof err),
            -1);
  CHECK(d == NULL);
  CHECK_STR(err, "tests/deploy/no-such-repo: cannot read: No such file or directory");
  an_deploy_delete(NULL);
}

int main(void) {
  test_compose();
  test_conflict_order();
  test_root_rules();
  test_kubernetes();
  test_broken();
  test_ignored();
  test_root_error();
  return CHECK_DONE();
}
