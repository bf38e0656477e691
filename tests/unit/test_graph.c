/* test_graph.c — the flows graph (report/graph.c), checked through cgraph's
 * own API, and its DOT, SVG and PNG writers. */
#include "check.h"
#include "report/graph.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *cat_email[] = {"user.contact.email"};
static const char *cat_iban[] = {"user.financial.bank_account"};
static const char *cat_card[] = {"user.financial.credit_card", "user.name"};

#define SRC_EMAIL "accounts:app.handlers:signup:email"
#define SRC_IBAN "ledger:ledger:record:iban"
#define SRC_CARD "ledger:audit:log_card:card"
#define SINK_LOG "accounts:app.handlers:signup:logging.info"
#define SINK_PRINT "accounts:app.handlers:signup:print"
#define SINK_FILE "ledger:ledger:record:fprintf"
#define SINK_SYSLOG "ledger:audit:log_card:syslog"

/* Four findings over two services, one of each state; `reversed` adds them
 * in the opposite order (the graph must not depend on it). extra adds the
 * first flow a second time at another line (same fingerprint). */
static an_result *make_result(bool reversed, bool extra) {
  an_finding f[5] = {
      {.rule_id = "assay/pii-to-log",
       .sink_kind = IR_SINK_LOG,
       .categories = cat_email,
       .ncategories = 1,
       .service = "accounts",
       .source_symbol = SRC_EMAIL,
       .sink_symbol = SINK_LOG,
       .path = "accounts/app/handlers.py",
       .line = 10,
       .col = 5,
       .message = "m",
       .state = AN_STATE_UNCHANGED},
      {.rule_id = "assay/pii-to-stdout",
       .sink_kind = IR_SINK_STDOUT,
       .categories = cat_email,
       .ncategories = 1,
       .service = "accounts",
       .source_symbol = SRC_EMAIL,
       .sink_symbol = SINK_PRINT,
       .path = "accounts/app/handlers.py",
       .line = 12,
       .col = 5,
       .message = "m",
       .state = AN_STATE_NEW},
      {.rule_id = "assay/pii-to-file",
       .sink_kind = IR_SINK_FILE,
       .categories = cat_iban,
       .ncategories = 1,
       .service = "ledger",
       .source_symbol = SRC_IBAN,
       .sink_symbol = SINK_FILE,
       .path = "ledger/src/ledger.c",
       .line = 30,
       .col = 3,
       .message = "m",
       .state = AN_STATE_ABSENT},
      {.rule_id = "assay/pii-to-log",
       .sink_kind = IR_SINK_LOG,
       .categories = cat_card,
       .ncategories = 2,
       .service = "ledger",
       .source_symbol = SRC_CARD,
       .sink_symbol = SINK_SYSLOG,
       .path = "ledger/src/audit.c",
       .line = 8,
       .col = 3,
       .message = "m",
       .state = AN_STATE_UNCHANGED},
      {.rule_id = "assay/pii-to-log",
       .sink_kind = IR_SINK_LOG,
       .categories = cat_email,
       .ncategories = 1,
       .service = "accounts",
       .source_symbol = SRC_EMAIL,
       .sink_symbol = SINK_LOG,
       .path = "accounts/app/handlers.py",
       .line = 44,
       .col = 5,
       .message = "m",
       .state = AN_STATE_UNCHANGED},
  };
  an_result *r = an_result_new();
  int n = extra ? 5 : 4;
  for (int k = 0; k < n; k++) {
    an_finding *added = an_result_add(r, &f[reversed ? n - 1 - k : k]);
    added->fingerprint = an_finding_fingerprint(r->arena, added);
  }
  return r;
}

static const char *attr(void *obj, const char *name) {
  const char *v = agget(obj, (char *)name);
  return v ? v : "(undeclared)";
}

static Agedge_t *edge_between(Agraph_t *g, const char *t, const char *h) {
  Agnode_t *tn = agnode(g, (char *)t, 0), *hn = agnode(g, (char *)h, 0);
  if (!tn || !hn) return NULL;
  return agedge(g, tn, hn, NULL, 0);
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

/* Edges of g as sorted "tail->head:label" joined by '|'. */
static char *edge_list(Agraph_t *g) {
  char *items[64];
  size_t n = 0;
  for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v))
    for (Agedge_t *e = agfstout(g, v); e && n < 64; e = agnxtout(g, e))
      items[n++] =
          as_sprintf("%s->%s:%s", agnameof(agtail(e)), agnameof(aghead(e)), attr(e, "label"));
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

static void test_structure(void) {
  an_result *r = make_result(false, false);
  Agraph_t *g = NULL;
  CHECK_INT(rp_graph_flows(r, true, &g), 0);
  CHECK(g != NULL);
  if (!g) return;
  CHECK(agisdirected(g));
  CHECK_INT(agnnodes(g), 8);
  CHECK_INT(agnedges(g), 4);
  char *nodes = node_names(g);
  CHECK_STR(nodes, SRC_EMAIL "|" SINK_LOG "|" SINK_PRINT "|" SRC_CARD "|" SINK_SYSLOG "|" SINK_FILE
                             "|" SRC_IBAN "|legend");
  free(nodes);
  char *edges = edge_list(g);
  CHECK_STR(edges, SRC_EMAIL "->" SINK_LOG ":user.contact.email|" SRC_EMAIL "->" SINK_PRINT
                             ":user.contact.email (new)|" SRC_CARD "->" SINK_SYSLOG
                             ":user.financial.credit_card, user.name|" SRC_IBAN "->" SINK_FILE
                             ":user.financial.bank_account (absent)");
  free(edges);

  /* Sources: a note with the name and its categories, outside the clusters. */
  Agnode_t *email = agnode(g, SRC_EMAIL, 0);
  CHECK_STR(attr(email, "label"), "email\\nuser.contact.email");
  CHECK_STR(attr(email, "shape"), "note");
  CHECK_STR(attr(email, "assay_role"), "source");
  Agnode_t *card = agnode(g, SRC_CARD, 0);
  CHECK_STR(attr(card, "label"), "card\\nuser.financial.credit_card\\nuser.name");
  /* Sinks: a box "callee (kind)", coloured by kind. */
  Agnode_t *log = agnode(g, SINK_LOG, 0), *print = agnode(g, SINK_PRINT, 0);
  Agnode_t *file = agnode(g, SINK_FILE, 0), *syslog = agnode(g, SINK_SYSLOG, 0);
  CHECK_STR(attr(log, "label"), "logging.info (log)");
  CHECK_STR(attr(print, "label"), "print (stdout)");
  CHECK_STR(attr(file, "label"), "fprintf (file)");
  CHECK_STR(attr(syslog, "label"), "syslog (log)");
  CHECK_STR(attr(log, "shape"), "box");
  CHECK_STR(attr(log, "assay_kind"), "log");
  CHECK_STR(attr(log, "fillcolor"), attr(syslog, "fillcolor"));
  CHECK(strcmp(attr(log, "fillcolor"), attr(print, "fillcolor")) != 0);
  CHECK(strcmp(attr(log, "fillcolor"), attr(file, "fillcolor")) != 0);
  CHECK(strcmp(attr(print, "color"), attr(file, "color")) != 0);

  /* One cluster per service, holding that service's sinks and nothing else. */
  CHECK_INT(agnsubg(g), 2);
  Agraph_t *acc = agsubg(g, "cluster_accounts", 0), *led = agsubg(g, "cluster_ledger", 0);
  CHECK(acc && led);
  if (acc && led) {
    char *a = node_names(acc), *l = node_names(led);
    CHECK_STR(a, SINK_LOG "|" SINK_PRINT);
    CHECK_STR(l, SINK_SYSLOG "|" SINK_FILE);
    CHECK_STR(attr(acc, "label"), "accounts");
    free(a);
    free(l);
  }

  /* Diff styling: new bold red, absent dashed grey, unchanged plain. */
  Agedge_t *e_new = edge_between(g, SRC_EMAIL, SINK_PRINT);
  Agedge_t *e_abs = edge_between(g, SRC_IBAN, SINK_FILE);
  Agedge_t *e_same = edge_between(g, SRC_EMAIL, SINK_LOG);
  CHECK(e_new && e_abs && e_same);
  if (e_new && e_abs && e_same) {
    CHECK_STR(attr(e_new, "style"), "bold");
    CHECK_STR(attr(e_new, "color"), "#d62728");
    CHECK_STR(attr(e_new, "penwidth"), "2.5");
    CHECK_STR(attr(e_new, "assay_state"), "new");
    CHECK_STR(attr(e_abs, "style"), "dashed");
    CHECK_STR(attr(e_abs, "color"), "#999999");
    CHECK_STR(attr(e_abs, "assay_state"), "absent");
    CHECK_STR(attr(e_same, "style"), "");
    CHECK_STR(attr(e_same, "color"), "");
    CHECK_STR(attr(e_same, "penwidth"), "");
    CHECK_STR(attr(e_same, "assay_state"), "unchanged");
    CHECK_STR(attr(e_same, "assay_categories"), "user.contact.email");
    /* The edge key is the finding's fingerprint. */
    CHECK_STR(agnameof(e_same), r->findings[0].fingerprint);
  }
  CHECK_STR(attr(g, "label"), "Personal-data flows: 1 new, 2 unchanged, 1 absent");
  rp_graph_close(g);

  /* Without diff: no state styling, no state in the labels. */
  CHECK_INT(rp_graph_flows(r, false, &g), 0);
  e_new = edge_between(g, SRC_EMAIL, SINK_PRINT);
  CHECK(e_new != NULL);
  if (e_new) {
    CHECK_STR(attr(e_new, "label"), "user.contact.email");
    CHECK_STR(attr(e_new, "style"), "(undeclared)");
    CHECK_STR(attr(e_new, "color"), "(undeclared)");
  }
  CHECK_STR(attr(g, "label"), "Personal-data flows: 4");
  rp_graph_close(g);
  an_result_delete(r);

  /* The same flow twice (one fingerprint): one edge, counted. */
  r = make_result(false, true);
  CHECK_INT(rp_graph_flows(r, false, &g), 0);
  CHECK_INT(agnedges(g), 4);
  e_same = edge_between(g, SRC_EMAIL, SINK_LOG);
  CHECK(e_same != NULL);
  if (e_same) {
    CHECK_STR(attr(e_same, "label"), "user.contact.email x2");
    CHECK_STR(attr(e_same, "assay_count"), "2");
  }
  rp_graph_close(g);
  an_result_delete(r);

  /* No findings: only the legend. */
  r = an_result_new();
  CHECK_INT(rp_graph_flows(r, false, &g), 0);
  CHECK_INT(agnnodes(g), 1);
  CHECK_INT(agnedges(g), 0);
  rp_graph_close(g);
  an_result_delete(r);
}

static void test_writers(const char *dir) {
  char err[512];
  char *dot1 = as_sprintf("%s/a.dot", dir), *dot2 = as_sprintf("%s/b.dot", dir);
  char *svg = as_sprintf("%s/a.svg", dir), *png = as_sprintf("%s/a.png", dir);
  an_result *r = make_result(false, false), *rr = make_result(true, false);
  Agraph_t *g = NULL, *g2 = NULL;
  CHECK_INT(rp_graph_flows(r, true, &g), 0);
  CHECK_INT(rp_graph_flows(rr, true, &g2), 0);

  /* DOT: deterministic whatever the input order, and cgraph reads it back. */
  err[0] = 0;
  CHECK_INT(rp_graph_write(g, "dot", dot1, err, sizeof err), 0);
  CHECK_STR(err, "");
  CHECK_INT(rp_graph_write(g2, "dot", dot2, err, sizeof err), 0);
  size_t l1 = 0, l2 = 0;
  char *d1 = slurp(dot1, &l1), *d2 = slurp(dot2, &l2);
  CHECK(d1 && d2 && l1 > 0 && l1 == l2 && memcmp(d1, d2, l1) == 0);
  CHECK(d1 && strncmp(d1, "digraph flows {", 15) == 0);
  /* Clusters come in the order of their services, not of their addresses. */
  const char *ca = d1 ? strstr(d1, "subgraph cluster_accounts {") : NULL;
  const char *cl = d1 ? strstr(d1, "subgraph cluster_ledger {") : NULL;
  CHECK(ca && cl && ca < cl);
  Agraph_t *back = d1 ? agmemread(d1) : NULL;
  CHECK(back != NULL);
  FILE *f = fopen(dot1, "r");
  Agraph_t *back2 = f ? agread(f, NULL) : NULL;
  if (f) fclose(f);
  CHECK(back2 != NULL);
  if (back && back2) {
    char *a = node_names(g), *b = node_names(back), *c = node_names(back2);
    CHECK_STR(b, a);
    CHECK_STR(c, a);
    free(a);
    free(b);
    free(c);
    a = edge_list(g);
    b = edge_list(back);
    CHECK_STR(b, a);
    free(a);
    free(b);
    CHECK_INT(agnsubg(back), 2);
    Agraph_t *led = agsubg(back, "cluster_ledger", 0);
    CHECK(led && agnnodes(led) == 2);
    Agedge_t *e = edge_between(back, SRC_EMAIL, SINK_PRINT);
    CHECK(e && strcmp(attr(e, "color"), "#d62728") == 0);
    CHECK(e && strcmp(attr(e, "style"), "bold") == 0);
    e = edge_between(back, SRC_IBAN, SINK_FILE);
    CHECK(e && strcmp(attr(e, "style"), "dashed") == 0);
    CHECK_STR(attr(agnode(back, SINK_FILE, 0), "label"), "fprintf (file)");
  }
  rp_graph_close(back);
  rp_graph_close(back2);

  /* SVG: an XML document with every node's title. */
  CHECK_INT(rp_graph_write(g, "svg", svg, err, sizeof err), 0);
  size_t ls = 0;
  char *s = slurp(svg, &ls);
  CHECK(s != NULL);
  if (s) {
    CHECK(strncmp(s, "<?xml", 5) == 0 || strncmp(s, "<svg", 4) == 0);
    CHECK(strstr(s, "</svg>") != NULL);
    for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v)) {
      char *title = as_sprintf("<title>%s</title>", agnameof(v));
      if (!strstr(s, title)) fprintf(stderr, "svg lacks %s\n", title);
      CHECK(strstr(s, title) != NULL);
      free(title);
    }
    CHECK(strstr(s, "<title>cluster_accounts</title>") != NULL);
    CHECK(strstr(s, "#d62728") != NULL);
  }
  /* The layout is freed: the DOT written afterwards is the same. */
  CHECK_INT(rp_graph_write(g, "dot", dot2, err, sizeof err), 0);
  free(d2);
  d2 = slurp(dot2, &l2);
  CHECK(d1 && d2 && l1 == l2 && memcmp(d1, d2, l1) == 0);

  /* PNG: the magic bytes. */
  CHECK_INT(rp_graph_write(g, "png", png, err, sizeof err), 0);
  size_t lp = 0;
  char *p = slurp(png, &lp);
  CHECK(p && lp > 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0);

  /* Errors name the file or the format; nothing is written. */
  char *bad = as_sprintf("%s/no/such/dir/x.svg", dir);
  CHECK_INT(rp_graph_write(g, "svg", bad, err, sizeof err), -1);
  char *want = as_sprintf("cannot write %s: No such file or directory", bad);
  CHECK_STR(err, want);
  free(want);
  bad[strlen(bad) - 3] = 0;
  strcat(bad, "dot");
  CHECK_INT(rp_graph_write(g, "dot", bad, err, sizeof err), -1);
  CHECK(strstr(err, bad) != NULL);
  char *gif = as_sprintf("%s/a.gif", dir);
  CHECK_INT(rp_graph_write(g, "gif", gif, err, sizeof err), -1);
  CHECK_STR(err, "unknown graph format 'gif' (dot, svg or png)");
  CHECK(access(gif, F_OK) != 0);
  free(gif);
  free(bad);

  free(s);
  free(p);
  free(d1);
  free(d2);
  rp_graph_close(g);
  rp_graph_close(g2);
  an_result_delete(r);
  an_result_delete(rr);
  free(dot1);
  free(dot2);
  free(svg);
  free(png);
}

int main(void) {
  char dir[] = "/tmp/assay-graph-XXXXXX";
  if (!mkdtemp(dir)) {
    perror("mkdtemp");
    return 1;
  }
  test_structure();
  test_writers(dir);
  char *rm = as_sprintf("rm -rf '%s'", dir);
  if (system(rm) != 0) fprintf(stderr, "could not remove %s\n", dir);
  free(rm);
  return CHECK_DONE();
}
