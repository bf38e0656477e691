/* test_graph_access.c — the data-access graph (rp_graph_access in
 * report/graph.c), checked through cgraph's own API, then written as DOT
 * (deterministic whatever the input order) and drawn as SVG. */
#include "check.h"
#include "report/graph.h"

#include <stdlib.h>
#include <string.h>

#define EMAIL "user.contact.email"
#define NAME "user.name"
#define IBAN "user.financial.bank_account"
#define IP "user.device.ip_address"

#define F_CREATE "app.views:create_user"
#define F_GET "app.views:get_user"
#define F_CLEANUP "app.jobs:cleanup"
#define F_SEARCH "app.views:search"
#define F_REPORT "main:report"

#define N_EP_POST "endpoint users POST /users"
#define N_EP_GET "endpoint users GET /users/{id}"
#define N_EP_SEARCH "endpoint users GET /search"
#define N_CREATE "function users " F_CREATE
#define N_GET "function users " F_GET
#define N_CLEANUP "function users " F_CLEANUP
#define N_SEARCH "function users " F_SEARCH
#define N_REPORT "function . " F_REPORT
#define N_USERS "table users users"
#define N_PAYOUTS "table users payouts"
#define N_SESSIONS "table users sessions"
#define N_AUDIT "table users audit_log"
#define N_EVENTS "table . events"
#define N_KEY "key users user:{}:email"
#define N_UNRES "unresolved users users/app/views.py:42"

#define REASON                                                                                     \
  "the query is built from a value computed at run time (f-string with a call) and cannot be read"

static const char *cats_email_name[] = {EMAIL, NAME};
static const char *cats_email[] = {EMAIL};
static const char *cats_ip[] = {IP};
/* One row lists the endpoint with its service, the other without. */
static const char *eps_post[] = {"users POST /users"};
static const char *eps_get[] = {"GET /users/{id}"};
static const char *eps_search[] = {"users GET /search"};

static an_access_col cols_create[] = {{"email", EMAIL}, {"name", NAME}, {"plan", NULL}};
static an_access_col cols_get[] = {{"email", EMAIL}, {"id", NULL}};
static an_access_col cols_audit_a[] = {{"actor", NULL}, {"ts", NULL}};
static an_access_col cols_audit_b[] = {{"actor", NAME}};
static an_access_col cols_events[] = {{"ip", IP}};
static an_access_col schema_users[] = {
    {"id", NULL}, {"email", EMAIL}, {"name", NAME}, {"plan", NULL}};
static an_access_col schema_payouts[] = {{"user_id", NULL}, {"iban", IBAN}};
static an_access_col schema_events[] = {{"ip", IP}, {"at", NULL}};

static const an_access_rec accesses[] = {
    {.service = "users",
     .function = F_CREATE,
     .kind = "table",
     .resource = "users",
     .op = "write",
     .via = "sql",
     .columns = cols_create,
     .ncolumns = 3,
     .categories = cats_email_name,
     .ncategories = 2,
     .endpoints = eps_post,
     .nendpoints = 1,
     .statement = "INSERT INTO users (email, name, plan) VALUES (?, ?, ?)",
     .path = "users/app/views.py",
     .line = 10,
     .col = 5},
    {.service = "users",
     .function = F_GET,
     .kind = "table",
     .resource = "users",
     .op = "read",
     .via = "orm:django",
     .columns = cols_get,
     .ncolumns = 2,
     .categories = cats_email,
     .ncategories = 1,
     .endpoints = eps_get,
     .nendpoints = 1,
     .statement = "User.objects.get(id=?)",
     .path = "users/app/views.py",
     .line = 20,
     .col = 9},
    {.service = "users",
     .function = F_GET,
     .kind = "key",
     .resource = "user:{}:email",
     .op = "read",
     .via = "redis",
     .categories = cats_email,
     .ncategories = 1,
     .endpoints = eps_get,
     .nendpoints = 1,
     .statement = "GET user:{}:email",
     .path = "users/app/views.py",
     .line = 18,
     .col = 9},
    {.service = "users",
     .function = F_GET,
     .kind = "key",
     .resource = "user:{}:email",
     .op = "write",
     .via = "redis",
     .categories = cats_email,
     .ncategories = 1,
     .endpoints = eps_get,
     .nendpoints = 1,
     .statement = "SET user:{}:email ?",
     .path = "users/app/views.py",
     .line = 22,
     .col = 9},
    {.service = "users",
     .function = F_CLEANUP,
     .kind = "table",
     .resource = "sessions",
     .op = "write",
     .via = "sql",
     .statement = "DELETE FROM sessions WHERE expires < ?",
     .path = "users/app/jobs.py",
     .line = 5,
     .col = 5},
    {.service = "users",
     .function = F_CLEANUP,
     .kind = "table",
     .resource = "audit_log",
     .op = "read",
     .via = "sql",
     .columns = cols_audit_a,
     .ncolumns = 2,
     .statement = "SELECT actor, ts FROM audit_log",
     .path = "users/app/jobs.py",
     .line = 9,
     .col = 5},
    {.service = "users",
     .function = F_CREATE,
     .kind = "table",
     .resource = "audit_log",
     .op = "write",
     .via = "sql",
     .columns = cols_audit_b,
     .ncolumns = 1,
     .categories = (const char *[]){NAME},
     .ncategories = 1,
     .endpoints = eps_post,
     .nendpoints = 1,
     .statement = "INSERT INTO audit_log (actor) VALUES (?)",
     .path = "users/app/views.py",
     .line = 12,
     .col = 5},
    {.service = ".",
     .function = F_REPORT,
     .kind = "table",
     .resource = "events",
     .op = "read",
     .via = "sql",
     .columns = cols_events,
     .ncolumns = 1,
     .categories = cats_ip,
     .ncategories = 1,
     .statement = "SELECT ip FROM events",
     .path = "main.py",
     .line = 3,
     .col = 1},
};

static const an_access_rec unresolved[] = {
    {.service = "users",
     .function = F_SEARCH,
     .via = "sql",
     .endpoints = eps_search,
     .nendpoints = 1,
     .statement = "cursor.execute(f\"SELECT * FROM {table()}\")",
     .unresolved = REASON,
     .path = "users/app/views.py",
     .line = 42,
     .col = 5},
};

static const an_table_rec tables[] = {
    {.service = ".",
     .name = "events",
     .origin = "sql",
     .columns = schema_events,
     .ncolumns = 2,
     .path = "schema.sql",
     .line = 1},
    {.service = "users",
     .name = "payouts",
     .origin = "sql",
     .columns = schema_payouts,
     .ncolumns = 2,
     .path = "users/migrations/0002.sql",
     .line = 1},
    {.service = "users",
     .name = "users",
     .origin = "orm:django",
     .columns = schema_users,
     .ncolumns = 4,
     .path = "users/app/models.py",
     .line = 4},
};

#define NACCESSES (sizeof accesses / sizeof *accesses)
#define NTABLES (sizeof tables / sizeof *tables)

/* The rows above in the result's arena, in order or reversed. */
static an_result *make_result(bool reversed) {
  an_result *r = an_result_new();
  r->accesses = as_arena_alloc(r->arena, sizeof accesses);
  for (size_t i = 0; i < NACCESSES; i++)
    r->accesses[i] = accesses[reversed ? NACCESSES - 1 - i : i];
  r->naccesses = NACCESSES;
  r->unresolved_access = as_arena_memdup(r->arena, unresolved, sizeof unresolved);
  r->nunresolved_access = 1;
  r->tables = as_arena_alloc(r->arena, sizeof tables);
  for (size_t i = 0; i < NTABLES; i++)
    r->tables[i] = tables[reversed ? NTABLES - 1 - i : i];
  r->ntables = NTABLES;
  return r;
}

static const char *attr(void *obj, const char *name) {
  const char *v = agget(obj, (char *)name);
  return v ? v : "(undeclared)";
}

static Agedge_t *edge_keyed(Agraph_t *g, const char *t, const char *h, const char *key) {
  Agnode_t *tn = agnode(g, (char *)t, 0), *hn = agnode(g, (char *)h, 0);
  if (!tn || !hn) return NULL;
  return agedge(g, tn, hn, (char *)key, 0);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Node names of g (or a subgraph), sorted, joined by '|'. */
static char *node_names(Agraph_t *g) {
  const char *names[64];
  size_t n = 0;
  for (Agnode_t *v = agfstnode(g); v && n < 64; v = agnxtnode(g, v))
    names[n++] = agnameof(v);
  qsort(names, n, sizeof *names, cmp_str);
  as_buf b = {0};
  for (size_t i = 0; i < n; i++) {
    if (i) as_buf_putc(&b, '|');
    as_buf_puts(&b, names[i]);
  }
  as_buf_putc(&b, 0);
  return b.data;
}

/* Edges of g as sorted "tail->head[role]" joined by '|'. */
static char *edge_list(Agraph_t *g) {
  char *items[64];
  size_t n = 0;
  for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v))
    for (Agedge_t *e = agfstout(g, v); e && n < 64; e = agnxtout(g, e))
      items[n++] =
          as_sprintf("%s->%s[%s]", agnameof(agtail(e)), agnameof(aghead(e)), attr(e, "assay_role"));
  qsort(items, n, sizeof *items, cmp_str);
  as_buf b = {0};
  for (size_t i = 0; i < n; i++) {
    if (i) as_buf_putc(&b, '|');
    as_buf_puts(&b, items[i]);
    free(items[i]);
  }
  as_buf_putc(&b, 0);
  return b.data;
}

static char *slurp(const char *path, size_t *len) {
  char *data = NULL;
  if (as_read_file(path, &data, len) != 0) return NULL;
  return data;
}

static void test_nodes(Agraph_t *g) {
  CHECK(agisdirected(g));
  CHECK_INT(agnnodes(g), 16);
  char *nodes = node_names(g);
  CHECK_STR(nodes, N_EP_SEARCH "|" N_EP_GET "|" N_EP_POST "|" N_REPORT "|" N_CLEANUP "|" N_CREATE
                               "|" N_GET "|" N_SEARCH "|" N_KEY "|legend|" N_EVENTS "|" N_AUDIT
                               "|" N_PAYOUTS "|" N_SESSIONS "|" N_USERS "|" N_UNRES);
  free(nodes);
  CHECK_STR(attr(g, "assay_view"), "access");
  CHECK_STR(attr(g, "label"), "Data access: 5 tables, 1 keys, 8 accesses, 1 unresolved");

  /* One cluster per service, the repository root's labelled ".". */
  CHECK_INT(agnsubg(g), 2);
  Agraph_t *users = agsubg(g, "cluster_users", 0), *root = agsubg(g, "cluster_.", 0);
  CHECK(users && root);
  if (users && root) {
    char *u = node_names(users), *r = node_names(root);
    CHECK_STR(u, N_EP_SEARCH "|" N_EP_GET "|" N_EP_POST "|" N_CLEANUP "|" N_CREATE "|" N_GET
                             "|" N_SEARCH "|" N_KEY "|" N_AUDIT "|" N_PAYOUTS "|" N_SESSIONS
                             "|" N_USERS "|" N_UNRES);
    CHECK_STR(r, N_REPORT "|" N_EVENTS);
    CHECK(agnode(g, "legend", 0) && !agnode(users, "legend", 0) && !agnode(root, "legend", 0));
    CHECK_STR(attr(users, "label"), "users");
    CHECK_STR(attr(root, "label"), ".");
    CHECK_STR(attr(root, "assay_service"), ".");
    free(u);
    free(r);
  }

  Agnode_t *n = agnode(g, N_EP_POST, 0);
  CHECK_STR(attr(n, "assay_role"), "endpoint");
  CHECK_STR(attr(n, "assay_service"), "users");
  CHECK_STR(attr(n, "label"), "POST /users");
  n = agnode(g, N_GET, 0);
  CHECK_STR(attr(n, "assay_role"), "function");
  CHECK_STR(attr(n, "label"), F_GET);

  /* Tables: the schema's columns in declaration order, else the accesses'. */
  n = agnode(g, N_USERS, 0);
  CHECK_STR(attr(n, "assay_role"), "table");
  CHECK_STR(attr(n, "assay_service"), "users");
  CHECK_STR(attr(n, "assay_categories"), EMAIL "," NAME);
  CHECK_STR(attr(n, "assay_columns"), "id,email,name,plan");
  CHECK_STR(attr(n, "assay_origin"), "orm:django");
  const char *label = attr(n, "label");
  CHECK(aghtmlstr((char *)label));
  CHECK(strstr(label, "<b>users</b>") != NULL);
  const char *id = strstr(label, ">id<"), *email = strstr(label, ">email<");
  const char *name = strstr(label, ">name<"), *plan = strstr(label, ">plan<");
  CHECK(id && email && name && plan && id < email && email < name && name < plan);
  CHECK(strstr(label, "<td align=\"left\" bgcolor=\"#fde0dd\">email</td>"
                      "<td align=\"left\" bgcolor=\"#fde0dd\"><font color=\"#d62728\">" EMAIL
                      "</font></td>") != NULL);
  CHECK(strstr(label, "<tr><td align=\"left\">plan</td><td> </td></tr>") != NULL);
  /* Not accessed, still drawn. */
  n = agnode(g, N_PAYOUTS, 0);
  CHECK(n != NULL);
  CHECK_STR(attr(n, "assay_categories"), IBAN);
  CHECK_STR(attr(n, "assay_columns"), "user_id,iban");
  CHECK_INT(agdegree(g, n, 1, 1), 0);
  /* Not in the schema: the columns of both accesses, one category kept. */
  n = agnode(g, N_AUDIT, 0);
  CHECK_STR(attr(n, "assay_columns"), "actor,ts");
  CHECK_STR(attr(n, "assay_categories"), NAME);
  CHECK_STR(attr(n, "assay_origin"), "");
  n = agnode(g, N_SESSIONS, 0);
  CHECK_STR(attr(n, "assay_columns"), "");
  CHECK_STR(attr(n, "assay_categories"), "");
  CHECK_STR(attr(agnode(g, N_EVENTS, 0), "assay_columns"), "ip,at");

  n = agnode(g, N_KEY, 0);
  CHECK_STR(attr(n, "assay_role"), "key");
  CHECK_STR(attr(n, "assay_categories"), EMAIL);
  CHECK_STR(attr(n, "label"), "user:{}:email\\n" EMAIL);

  /* The unresolved statement: its reason cut to 60 bytes, and its function. */
  n = agnode(g, N_UNRES, 0);
  CHECK_STR(attr(n, "assay_role"), "unresolved");
  CHECK_STR(attr(n, "assay_function"), F_SEARCH);
  CHECK_STR(attr(n, "assay_reason"), REASON);
  CHECK_STR(attr(n, "style"), "dashed");
  char *want = as_sprintf("users/app/views.py:42\\n%.57s...\\nin " F_SEARCH, REASON);
  CHECK_STR(attr(n, "label"), want);
  free(want);

  CHECK_STR(attr(agnode(g, "legend", 0), "assay_role"), "legend");
}

static void test_edges(Agraph_t *g) {
  CHECK_INT(agnedges(g), 12);
  char *edges = edge_list(g);
  CHECK_STR(edges,
            N_EP_SEARCH "->" N_SEARCH "[reaches]|" N_EP_GET "->" N_GET "[reaches]|" N_EP_POST
                        "->" N_CREATE "[reaches]|" N_REPORT "->" N_EVENTS "[access]|" N_CLEANUP
                        "->" N_AUDIT "[access]|" N_CLEANUP "->" N_SESSIONS "[access]|" N_CREATE
                        "->" N_AUDIT "[access]|" N_CREATE "->" N_USERS "[access]|" N_GET "->" N_KEY
                        "[access]|" N_GET "->" N_KEY "[access]|" N_GET "->" N_USERS
                        "[access]|" N_SEARCH "->" N_UNRES "[unresolved]");
  free(edges);

  /* endpoint -> function: once, however many rows list the endpoint. */
  Agedge_t *e = edge_keyed(g, N_EP_POST, N_CREATE, "users POST /users -> " F_CREATE);
  CHECK(e != NULL);
  if (e) {
    CHECK_STR(attr(e, "assay_role"), "reaches");
    CHECK_STR(attr(e, "style"), "dotted");
  }
  CHECK(edge_keyed(g, N_EP_GET, N_GET, "users GET /users/{id} -> " F_GET) != NULL);

  /* A write of personal data. */
  e = edge_keyed(g, N_CREATE, N_USERS, "users " F_CREATE " table users write");
  CHECK(e != NULL);
  if (e) {
    CHECK_STR(agnameof(e), "users " F_CREATE " table users write");
    CHECK_STR(attr(e, "assay_role"), "access");
    CHECK_STR(attr(e, "assay_kind"), "table");
    CHECK_STR(attr(e, "assay_op"), "write");
    CHECK_STR(attr(e, "assay_via"), "sql");
    CHECK_STR(attr(e, "assay_columns"), "email,name,plan");
    CHECK_STR(attr(e, "assay_categories"), EMAIL "," NAME);
    CHECK_STR(attr(e, "label"), "write: email, name, plan");
    CHECK_STR(attr(e, "style"), "solid");
    CHECK_STR(attr(e, "color"), "#d62728");
    CHECK_STR(attr(e, "penwidth"), "2");
    CHECK_STR(attr(e, "arrowhead"), "normal");
  }
  /* A read of personal data through the ORM. */
  e = edge_keyed(g, N_GET, N_USERS, "users " F_GET " table users read");
  CHECK(e != NULL);
  if (e) {
    CHECK_STR(attr(e, "assay_op"), "read");
    CHECK_STR(attr(e, "assay_via"), "orm:django");
    CHECK_STR(attr(e, "assay_columns"), "email,id");
    CHECK_STR(attr(e, "label"), "read: email, id");
    CHECK_STR(attr(e, "color"), "#c51b7d");
    CHECK_STR(attr(e, "penwidth"), "2");
    CHECK_STR(attr(e, "arrowhead"), "empty");
  }
  /* No personal data: plain read (blue) and write (dark orange). */
  e = edge_keyed(g, N_CLEANUP, N_AUDIT, "users " F_CLEANUP " table audit_log read");
  CHECK(e != NULL);
  if (e) {
    CHECK_STR(attr(e, "label"), "read: actor, ts");
    CHECK_STR(attr(e, "assay_categories"), "");
    CHECK_STR(attr(e, "color"), "#1f77b4");
    CHECK_STR(attr(e, "penwidth"), "");
  }
  e = edge_keyed(g, N_CLEANUP, N_SESSIONS, "users " F_CLEANUP " table sessions write");
  CHECK(e != NULL);
  if (e) {
    CHECK_STR(attr(e, "label"), "write");
    CHECK_STR(attr(e, "assay_columns"), "");
    CHECK_STR(attr(e, "color"), "#d95f02");
  }
  /* A key read and written: two edges. */
  Agedge_t *kr = edge_keyed(g, N_GET, N_KEY, "users " F_GET " key user:{}:email read");
  Agedge_t *kw = edge_keyed(g, N_GET, N_KEY, "users " F_GET " key user:{}:email write");
  CHECK(kr && kw && kr != kw);
  if (kr && kw) {
    CHECK_STR(attr(kr, "assay_kind"), "key");
    CHECK_STR(attr(kr, "assay_via"), "redis");
    CHECK_STR(attr(kr, "label"), "read");
    CHECK_STR(attr(kw, "label"), "write");
    CHECK_STR(attr(kw, "assay_categories"), EMAIL);
  }
  /* The unresolved statement hangs off its function. */
  e = edge_keyed(g, N_SEARCH, N_UNRES, "users " F_SEARCH " -> users/app/views.py:42");
  CHECK(e != NULL);
  if (e) {
    CHECK_STR(attr(e, "assay_role"), "unresolved");
    CHECK_STR(attr(e, "style"), "dashed");
  }
}

/* DOT is byte-identical from run to run and whatever the input order, reads
 * back; SVG lays it out. */
static void test_writers(const char *dir) {
  char err[512] = "";
  char *dot1 = as_sprintf("%s/a.dot", dir), *dot2 = as_sprintf("%s/b.dot", dir);
  char *dot3 = as_sprintf("%s/c.dot", dir), *svg = as_sprintf("%s/a.svg", dir);
  an_result *r = make_result(false), *rr = make_result(true);
  Agraph_t *g = NULL, *g2 = NULL, *g3 = NULL;
  CHECK_INT(rp_graph_access(r, &g), 0);
  CHECK_INT(rp_graph_access(r, &g2), 0);
  CHECK_INT(rp_graph_access(rr, &g3), 0);
  CHECK_INT(rp_graph_write(g, "dot", dot1, err, sizeof err), 0);
  CHECK_STR(err, "");
  CHECK_INT(rp_graph_write(g2, "dot", dot2, err, sizeof err), 0);
  CHECK_INT(rp_graph_write(g3, "dot", dot3, err, sizeof err), 0);
  size_t l1 = 0, l2 = 0, l3 = 0;
  char *d1 = slurp(dot1, &l1), *d2 = slurp(dot2, &l2), *d3 = slurp(dot3, &l3);
  CHECK(d1 && d2 && l1 > 0 && l1 == l2 && memcmp(d1, d2, l1) == 0);
  CHECK(d1 && d3 && l1 == l3 && memcmp(d1, d3, l1) == 0);
  CHECK(d1 && strncmp(d1, "digraph access {", 16) == 0);
  /* Clusters in the order of their services. */
  const char *c1 = d1 ? strstr(d1, "subgraph \"cluster_.\" {") : NULL;
  const char *c2 = d1 ? strstr(d1, "subgraph cluster_users {") : NULL;
  CHECK(c1 && c2 && c1 < c2);
  Agraph_t *back = d1 ? agmemread(d1) : NULL;
  CHECK(back != NULL);
  if (back) {
    char *a = node_names(g), *b = node_names(back);
    CHECK_STR(b, a);
    free(a);
    free(b);
    a = edge_list(g);
    b = edge_list(back);
    CHECK_STR(b, a);
    free(a);
    free(b);
    CHECK_STR(attr(agnode(back, N_PAYOUTS, 0), "assay_categories"), IBAN);
    CHECK(aghtmlstr(agget(agnode(back, N_USERS, 0), "label")));
  }
  rp_graph_close(back);

  CHECK_INT(rp_graph_write(g, "svg", svg, err, sizeof err), 0);
  CHECK_STR(err, "");
  size_t ls = 0;
  char *s = slurp(svg, &ls);
  CHECK(s && strstr(s, "</svg>") != NULL);
  if (s) {
    CHECK(strstr(s, "<title>cluster_users</title>") != NULL);
    CHECK(strstr(s, "<title>" N_PAYOUTS "</title>") != NULL);
    CHECK(strstr(s, "<title>" N_UNRES "</title>") != NULL);
    CHECK(strstr(s, "#fde0dd") != NULL);
  }
  /* The layout is gone afterwards: the same DOT again. */
  CHECK_INT(rp_graph_write(g, "dot", dot2, err, sizeof err), 0);
  free(d2);
  d2 = slurp(dot2, &l2);
  CHECK(d1 && d2 && l1 == l2 && memcmp(d1, d2, l1) == 0);

  free(s);
  free(d1);
  free(d2);
  free(d3);
  rp_graph_close(g);
  rp_graph_close(g2);
  rp_graph_close(g3);
  an_result_delete(r);
  an_result_delete(rr);
  free(dot1);
  free(dot2);
  free(dot3);
  free(svg);
}

/* Nothing accessed: the legend alone; a schema alone: its tables. */
static void test_empty(void) {
  an_result *r = an_result_new();
  Agraph_t *g = NULL;
  CHECK_INT(rp_graph_access(r, &g), 0);
  CHECK_INT(agnnodes(g), 1);
  CHECK_INT(agnedges(g), 0);
  CHECK_INT(agnsubg(g), 0);
  CHECK_STR(attr(g, "label"), "Data access: 0 tables, 0 keys, 0 accesses, 0 unresolved");
  rp_graph_close(g);
  r->tables = as_arena_memdup(r->arena, tables, sizeof tables);
  r->ntables = NTABLES;
  CHECK_INT(rp_graph_access(r, &g), 0);
  char *nodes = node_names(g);
  CHECK_STR(nodes, "legend|" N_EVENTS "|" N_PAYOUTS "|" N_USERS);
  free(nodes);
  CHECK_INT(agnedges(g), 0);
  rp_graph_close(g);
  an_result_delete(r);
}

/* An endpoint of another service reaches the function: it is drawn in its
 * own service's cluster (made for it: gateway has no rows), and the edge
 * from it belongs to neither cluster; laying the graph out changes nothing. */
static void test_abroad(const char *dir) {
  static const char *eps[] = {"GET /users/{id}", "gateway: GET /api/users/{id}"};
  an_result *r = an_result_new();
  r->accesses = as_arena_memdup(r->arena, &accesses[1], sizeof accesses[1]);
  r->accesses[0].endpoints = eps;
  r->accesses[0].nendpoints = 2;
  r->naccesses = 1;
  Agraph_t *g = NULL;
  CHECK_INT(rp_graph_access(r, &g), 0);
#define N_ABROAD "endpoint gateway GET /api/users/{id}"
  const char *abroad = N_ABROAD;
  Agnode_t *n = agnode(g, (char *)abroad, 0);
  CHECK(n != NULL);
  CHECK_STR(attr(n, "assay_service"), "gateway");
  CHECK_STR(attr(n, "label"), "GET /api/users/{id}");
  Agraph_t *gw = agsubg(g, "cluster_gateway", 0), *users = agsubg(g, "cluster_users", 0);
  CHECK(gw && users);
  if (gw && users) {
    char *in_gw = node_names(gw);
    CHECK_STR(in_gw, abroad);
    free(in_gw);
    CHECK(agnode(users, (char *)abroad, 0) == NULL);
    CHECK_STR(attr(gw, "label"), "gateway");
    Agedge_t *e = edge_keyed(g, abroad, N_GET, "gateway GET /api/users/{id} -> " F_GET);
    CHECK(e != NULL);
    CHECK_STR(e ? attr(e, "assay_role") : "", "reaches");
    CHECK_INT(agnedges(users), 2); /* its own endpoint's edge and the read */
    CHECK_INT(agnedges(gw), 0);
  }
  char *edges = edge_list(g);
  CHECK_STR(edges, N_ABROAD "->" N_GET "[reaches]|" N_EP_GET "->" N_GET "[reaches]|" N_GET
                            "->" N_USERS "[access]");
  free(edges);
  char *dot1 = as_sprintf("%s/abroad1.dot", dir), *dot2 = as_sprintf("%s/abroad2.dot", dir);
  char *svg = as_sprintf("%s/abroad.svg", dir), err[256] = "";
  CHECK_INT(rp_graph_write(g, "dot", dot1, err, sizeof err), 0);
  CHECK_INT(rp_graph_write(g, "svg", svg, err, sizeof err), 0);
  CHECK_INT(rp_graph_write(g, "dot", dot2, err, sizeof err), 0);
  size_t l1 = 0, l2 = 0;
  char *d1 = slurp(dot1, &l1), *d2 = slurp(dot2, &l2);
  CHECK(d1 && d2 && l1 == l2 && memcmp(d1, d2, l1) == 0);
  free(d1);
  free(d2);
  free(dot1);
  free(dot2);
  free(svg);
  rp_graph_close(g);
  an_result_delete(r);
}

int main(void) {
  char dir[] = "/tmp/assay-graph-access-XXXXXX";
  if (!mkdtemp(dir)) {
    perror("mkdtemp");
    return 1;
  }
  an_result *r = make_result(false);
  Agraph_t *g = NULL;
  CHECK_INT(rp_graph_access(r, &g), 0);
  CHECK(g != NULL);
  if (g) {
    test_nodes(g);
    test_edges(g);
  }
  rp_graph_close(g);
  an_result_delete(r);
  test_writers(dir);
  test_empty();
  test_abroad(dir);
  char *rm = as_sprintf("rm -rf '%s'", dir);
  if (system(rm) != 0) fprintf(stderr, "could not remove %s\n", dir);
  free(rm);
  return CHECK_DONE();
}
