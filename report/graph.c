/* graph.c — the flows graph, the service map and the data-access graph
 * (cgraph), and their writers (agwrite, gvc). */
#include "graph.h"

#include <errno.h>
#include <graphviz/gvc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Border and fill colour of each sink kind, in ir_sink_kind order. */
static const char *const rp_graph__kind_color[IR_SINK__COUNT] = {
    "#7f7f7f", /* none */
    "#1f77b4", /* log */
    "#17becf", /* stdout */
    "#8c564b", /* file */
    "#2ca02c", /* response */
    "#9467bd", /* external */
    "#e377c2", /* third-party */
    "#bcbd22", /* db-write */
    "#ff7f0e", /* cookie */
    "#393b79", /* exception */
};
static const char *const rp_graph__kind_fill[IR_SINK__COUNT] = {
    "#eeeeee", "#d6e6f4", "#d4f3f6", "#eadcd8", "#d9f0d9",
    "#e6dcf0", "#f8dcef", "#f1f1cc", "#ffe5cc", "#d7d8e8",
};

#define RP_GRAPH_NEW_COLOR "#d62728"
#define RP_GRAPH_ABSENT_COLOR "#999999"

static ir_sink_kind rp_graph__kind(const an_finding *f) {
  return (unsigned)f->sink_kind < IR_SINK__COUNT ? f->sink_kind : IR_SINK_NONE;
}

static void rp_graph__set(void *obj, const char *name, const char *value, const char *def) {
  agsafeset(obj, (char *)name, (char *)value, (char *)def);
}

static const char *rp_graph__str(const char *s) {
  return s ? s : "";
}

/* Text for a DOT escString: a backslash stands for itself. */
static void rp_graph__put_esc(as_buf *b, const char *s) {
  for (; *s; s++) {
    if (*s == '\\') as_buf_putc(b, '\\');
    as_buf_putc(b, *s);
  }
}

static void rp_graph__put_html(as_buf *b, const char *s) {
  for (; *s; s++) {
    switch (*s) {
    case '&':
      as_buf_puts(b, "&amp;");
      break;
    case '<':
      as_buf_puts(b, "&lt;");
      break;
    case '>':
      as_buf_puts(b, "&gt;");
      break;
    case '"':
      as_buf_puts(b, "&quot;");
      break;
    default:
      as_buf_putc(b, *s);
    }
  }
}

/* The last part of "service:module:function:name". */
static const char *rp_graph__last(const char *symbol) {
  const char *c = strrchr(symbol, ':');
  return c ? c + 1 : symbol;
}

static void rp_graph__join_categories(as_buf *b, const an_finding *f, const char *sep) {
  for (uint32_t i = 0; i < f->ncategories; i++) {
    if (i) as_buf_puts(b, sep);
    as_buf_puts(b, rp_graph__str(f->categories[i]));
  }
}

static int rp_graph__cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A total order on everything that identifies a finding, so that sorting
 * does not depend on the input order. */
static int rp_graph__cmp_rest(const an_finding *x, const an_finding *y) {
  int c;
  if ((c = strcmp(rp_graph__str(x->fingerprint), rp_graph__str(y->fingerprint)))) return c;
  if (x->state != y->state) return x->state < y->state ? -1 : 1;
  if ((c = strcmp(rp_graph__str(x->path), rp_graph__str(y->path)))) return c;
  if (x->line != y->line) return x->line < y->line ? -1 : 1;
  if (x->col != y->col) return x->col < y->col ? -1 : 1;
  return 0;
}

static int rp_graph__cmp_source(const void *a, const void *b) {
  const an_finding *x = *(const an_finding *const *)a, *y = *(const an_finding *const *)b;
  int c = strcmp(rp_graph__str(x->source_symbol), rp_graph__str(y->source_symbol));
  return c ? c : rp_graph__cmp_rest(x, y);
}

static int rp_graph__cmp_sink(const void *a, const void *b) {
  const an_finding *x = *(const an_finding *const *)a, *y = *(const an_finding *const *)b;
  int c;
  if ((c = strcmp(rp_graph__str(x->service), rp_graph__str(y->service)))) return c;
  if ((c = strcmp(rp_graph__str(x->sink_symbol), rp_graph__str(y->sink_symbol)))) return c;
  if ((c = strcmp(rp_graph__str(x->source_symbol), rp_graph__str(y->source_symbol)))) return c;
  return rp_graph__cmp_rest(x, y);
}

/* The source nodes: one per source symbol, labelled with the classified name
 * and the union of the categories of its findings. */
static void rp_graph__sources(Agraph_t *g, const an_finding **v, size_t n) {
  for (size_t i = 0; i < n;) {
    const char *sym = rp_graph__str(v[i]->source_symbol);
    size_t j = i, ncat = 0;
    while (j < n && strcmp(rp_graph__str(v[j]->source_symbol), sym) == 0)
      ncat += v[j++]->ncategories;
    const char **cats = malloc((ncat ? ncat : 1) * sizeof *cats);
    size_t k = 0;
    for (size_t m = i; m < j; m++)
      for (uint32_t c = 0; c < v[m]->ncategories; c++)
        cats[k++] = rp_graph__str(v[m]->categories[c]);
    qsort(cats, k, sizeof *cats, rp_graph__cmp_str);
    as_buf label = {0}, joined = {0};
    rp_graph__put_esc(&label, rp_graph__last(sym));
    for (size_t m = 0; m < k; m++) {
      if (m && strcmp(cats[m], cats[m - 1]) == 0) continue;
      as_buf_puts(&label, "\\n");
      rp_graph__put_esc(&label, cats[m]);
      if (joined.len) as_buf_putc(&joined, ',');
      as_buf_puts(&joined, cats[m]);
    }
    Agnode_t *node = agnode(g, (char *)sym, 1);
    rp_graph__set(node, "assay_role", "source", "");
    rp_graph__set(node, "label", label.data ? label.data : "", "\\N");
    rp_graph__set(node, "shape", "note", "");
    rp_graph__set(node, "style", "filled", "");
    rp_graph__set(node, "fillcolor", "#fff4c2", "");
    rp_graph__set(node, "assay_categories", joined.data ? joined.data : "", "");
    as_buf tip = {0};
    as_buf_puts(&tip, "source ");
    rp_graph__put_esc(&tip, sym);
    rp_graph__set(node, "tooltip", tip.data, "");
    as_buf_free(&tip);
    as_buf_free(&label);
    as_buf_free(&joined);
    free(cats);
    i = j;
  }
}

/* The sink node of f in cluster sub; its name is the sink symbol (prefixed by
 * "sink " in the unlikely case a source has the same symbol). */
static Agnode_t *rp_graph__sink(Agraph_t *g, Agraph_t *sub, const an_finding *f) {
  const char *sym = rp_graph__str(f->sink_symbol);
  Agnode_t *n = agnode(g, (char *)sym, 0);
  char *renamed = NULL;
  if (n) {
    const char *role = agget(n, "assay_role");
    if (role && strcmp(role, "sink") == 0) return n;
    renamed = as_sprintf("sink %s", sym);
    n = agnode(g, renamed, 0);
    if (n) {
      free(renamed);
      return n;
    }
  }
  n = agnode(sub, renamed ? renamed : (char *)sym, 1);
  free(renamed);
  ir_sink_kind kind = rp_graph__kind(f);
  as_buf label = {0}, tip = {0};
  rp_graph__put_esc(&label, rp_graph__last(sym));
  as_buf_printf(&label, " (%s)", ir_sink_kind_name(kind));
  as_buf_printf(&tip, "%s: ", ir_sink_kind_words(kind));
  rp_graph__put_esc(&tip, sym);
  rp_graph__set(n, "assay_role", "sink", "");
  rp_graph__set(n, "assay_kind", ir_sink_kind_name(kind), "");
  rp_graph__set(n, "label", label.data, "\\N");
  rp_graph__set(n, "shape", "box", "");
  rp_graph__set(n, "style", "filled", "");
  rp_graph__set(n, "color", rp_graph__kind_color[kind], "");
  rp_graph__set(n, "fillcolor", rp_graph__kind_fill[kind], "");
  rp_graph__set(n, "tooltip", tip.data, "");
  as_buf_free(&label);
  as_buf_free(&tip);
  return n;
}

static void rp_graph__edge_label(Agedge_t *e, const an_finding *f, bool diff, int count) {
  as_buf label = {0};
  rp_graph__join_categories(&label, f, ", ");
  if (count > 1) as_buf_printf(&label, " x%d", count);
  if (diff && (f->state == AN_STATE_NEW || f->state == AN_STATE_ABSENT))
    as_buf_printf(&label, " (%s)", an_state_name(f->state));
  as_buf esc = {0};
  rp_graph__put_esc(&esc, label.data ? label.data : "");
  rp_graph__set(e, "label", esc.data ? esc.data : "", "");
  as_buf_free(&label);
  as_buf_free(&esc);
}

static void rp_graph__edge(Agraph_t *g, Agnode_t *t, Agnode_t *h, const an_finding *f, bool diff,
                           as_arena *scratch) {
  const char *key = f->fingerprint;
  if (!key || !*key) key = an_finding_fingerprint(scratch, f);
  Agedge_t *e = agedge(g, t, h, (char *)key, 0);
  if (e) {
    /* The same flow at several places (the fingerprint ignores lines). */
    int count = atoi(agget(e, "assay_count")) + 1;
    char buf[32];
    snprintf(buf, sizeof buf, "%d", count);
    rp_graph__set(e, "assay_count", buf, "1");
    rp_graph__edge_label(e, f, diff, count);
    return;
  }
  e = agedge(g, t, h, (char *)key, 1);
  ir_sink_kind kind = rp_graph__kind(f);
  as_buf cats = {0}, tip = {0};
  rp_graph__join_categories(&cats, f, ",");
  rp_graph__set(e, "assay_kind", ir_sink_kind_name(kind), "");
  rp_graph__set(e, "assay_categories", cats.data ? cats.data : "", "");
  rp_graph__set(e, "assay_count", "1", "1");
  rp_graph__edge_label(e, f, diff, 1);
  as_buf_printf(&tip, "%s:%u: ", rp_graph__str(f->path), f->line);
  rp_graph__put_esc(&tip, rp_graph__str(f->rule_id));
  rp_graph__set(e, "tooltip", tip.data, "");
  as_buf_free(&cats);
  as_buf_free(&tip);
  if (!diff) return;
  rp_graph__set(e, "assay_state", an_state_name(f->state), "");
  if (f->state == AN_STATE_NEW) {
    rp_graph__set(e, "color", RP_GRAPH_NEW_COLOR, "");
    rp_graph__set(e, "fontcolor", RP_GRAPH_NEW_COLOR, "");
    rp_graph__set(e, "penwidth", "2.5", "");
    rp_graph__set(e, "style", "bold", "");
  } else if (f->state == AN_STATE_ABSENT) {
    rp_graph__set(e, "color", RP_GRAPH_ABSENT_COLOR, "");
    rp_graph__set(e, "fontcolor", RP_GRAPH_ABSENT_COLOR, "");
    rp_graph__set(e, "style", "dashed", "");
  }
}

/* The legend: one node with an HTML-like table (no edges, so that counting
 * the graph's edges counts flows). */
static void rp_graph__legend(Agraph_t *g, const bool *kinds, bool diff) {
  as_buf b = {0};
  as_buf_puts(&b, "<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" cellpadding=\"4\">"
                  "<tr><td colspan=\"2\"><b>Legend</b></td></tr>"
                  "<tr><td bgcolor=\"#fff4c2\">source</td>"
                  "<td align=\"left\">personal data where it is classified</td></tr>");
  for (int k = 0; k < IR_SINK__COUNT; k++) {
    if (!kinds[k]) continue;
    as_buf_printf(&b, "<tr><td bgcolor=\"%s\"><font color=\"%s\">", rp_graph__kind_fill[k],
                  rp_graph__kind_color[k]);
    rp_graph__put_html(&b, ir_sink_kind_name((ir_sink_kind)k));
    as_buf_puts(&b, "</font></td><td align=\"left\">sink: ");
    rp_graph__put_html(&b, ir_sink_kind_words((ir_sink_kind)k));
    as_buf_puts(&b, "</td></tr>");
  }
  if (diff)
    as_buf_printf(&b,
                  "<tr><td><font color=\"%s\"><b>bold red</b></font></td>"
                  "<td align=\"left\">new flow (not in the baseline)</td></tr>"
                  "<tr><td>plain</td><td align=\"left\">unchanged flow</td></tr>"
                  "<tr><td><font color=\"%s\">dashed grey</font></td>"
                  "<td align=\"left\">absent flow (in the baseline, gone now)</td></tr>",
                  RP_GRAPH_NEW_COLOR, RP_GRAPH_ABSENT_COLOR);
  as_buf_puts(&b, "</table>");
  Agnode_t *n = agnode(g, "legend", 1);
  rp_graph__set(n, "assay_role", "legend", "");
  rp_graph__set(n, "shape", "none", "");
  rp_graph__set(n, "margin", "0", "");
  char *html = agstrdup_html(g, b.data);
  rp_graph__set(n, "label", html, "\\N");
  agstrfree(g, html);
  as_buf_free(&b);
}

/* ---- object identifiers ------------------------------------------------------
 * cgraph's default ID discipline uses the address of a name's string as its
 * ID, and keeps subgraphs ordered by ID: agwrite would write the clusters in
 * an order that depends on malloc. This one numbers names in the order they
 * are first created (even IDs; anonymous objects get odd ones), so the DOT
 * follows the (sorted) order of creation. */
typedef struct rp_graph__ids {
  as_intern *strings;
  as_ptrmap ids;                /* interned name -> (void *)(uintptr_t)id */
  AS_ARRAY(const char *) names; /* names.items[id / 2 - 1] */
  IDTYPE anon;
} rp_graph__ids;

static void *rp_graph__ids_open(Agraph_t *g, Agdisc_t *disc) {
  rp_graph__ids *self = calloc(1, sizeof *self);
  if (!self) return NULL;
  self->strings = as_intern_new();
  self->anon = 1;
  return self;
}

static long rp_graph__ids_map(void *state, int objtype, char *str, IDTYPE *id, int createflag) {
  rp_graph__ids *self = state;
  if (!str) {
    if (!createflag) return 0;
    *id = self->anon;
    self->anon += 2;
    return 1;
  }
  const char *name = as_intern_str(self->strings, str);
  void *known = as_ptrmap_get(&self->ids, name);
  if (known) {
    *id = (IDTYPE)(uintptr_t)known;
    return 1;
  }
  if (!createflag) return 0;
  as_array_push(&self->names, name);
  *id = (IDTYPE)(2 * self->names.len);
  *as_ptrmap_slot(&self->ids, name) = (void *)(uintptr_t)*id;
  return 1;
}

static long rp_graph__ids_alloc(void *state, int objtype, IDTYPE id) {
  return 0;
}

static void rp_graph__ids_free(void *state, int objtype, IDTYPE id) {}

static char *rp_graph__ids_print(void *state, int objtype, IDTYPE id) {
  rp_graph__ids *self = state;
  if (id % 2 || id == 0 || id / 2 > self->names.len) return NULL;
  return (char *)self->names.items[id / 2 - 1];
}

static void rp_graph__ids_close(void *state) {
  rp_graph__ids *self = state;
  if (!self) return;
  as_intern_delete(self->strings);
  as_ptrmap_free(&self->ids);
  as_array_free(&self->names);
  free(self);
}

static void rp_graph__ids_register(void *state, int objtype, void *obj) {}

static Agiddisc_t rp_graph__id_disc = {
    rp_graph__ids_open,  rp_graph__ids_map,   rp_graph__ids_alloc,   rp_graph__ids_free,
    rp_graph__ids_print, rp_graph__ids_close, rp_graph__ids_register};
static Agdisc_t rp_graph__disc = {&AgMemDisc, &rp_graph__id_disc, &AgIoDisc};

int rp_graph_flows(const an_result *res, bool diff, Agraph_t **out) {
  *out = NULL;
  size_t n = res ? res->nfindings : 0;
  Agraph_t *g = agopen("flows", Agdirected, &rp_graph__disc);
  if (!g) return -1;
  const an_finding **by_source = malloc((n ? n : 1) * sizeof *by_source);
  const an_finding **by_sink = malloc((n ? n : 1) * sizeof *by_sink);
  size_t counts[AN_STATE_ABSENT + 1] = {0};
  bool kinds[IR_SINK__COUNT] = {0};
  for (size_t i = 0; i < n; i++) {
    by_source[i] = by_sink[i] = &res->findings[i];
    if ((unsigned)res->findings[i].state <= AN_STATE_ABSENT) counts[res->findings[i].state]++;
    kinds[rp_graph__kind(&res->findings[i])] = true;
  }
  qsort(by_source, n, sizeof *by_source, rp_graph__cmp_source);
  qsort(by_sink, n, sizeof *by_sink, rp_graph__cmp_sink);

  as_buf title = {0};
  if (diff)
    as_buf_printf(&title, "Personal-data flows: %zu new, %zu unchanged, %zu absent",
                  counts[AN_STATE_NEW], counts[AN_STATE_UNCHANGED], counts[AN_STATE_ABSENT]);
  else
    as_buf_printf(&title, "Personal-data flows: %zu", n);
  rp_graph__set(g, "label", title.data, "");
  as_buf_free(&title);
  rp_graph__set(g, "labelloc", "t", "");
  rp_graph__set(g, "rankdir", "LR", "");
  rp_graph__set(g, "fontname", "Helvetica", "");
  rp_graph__set(g, "assay_view", diff ? "diff" : "flows", "");
  agattr(g, AGNODE, "fontname", "Helvetica");
  agattr(g, AGEDGE, "fontname", "Helvetica");

  rp_graph__sources(g, by_source, n);

  as_arena *scratch = as_arena_new();
  Agraph_t *sub = NULL;
  const char *service = NULL;
  for (size_t i = 0; i < n; i++) {
    const an_finding *f = by_sink[i];
    if (!service || strcmp(service, rp_graph__str(f->service)) != 0) {
      service = rp_graph__str(f->service);
      char *name = as_sprintf("cluster_%s", service);
      sub = agsubg(g, name, 1);
      free(name);
      as_buf label = {0};
      rp_graph__put_esc(&label, service);
      rp_graph__set(sub, "label", label.data ? label.data : "", "");
      as_buf_free(&label);
      rp_graph__set(sub, "style", "rounded", "");
      rp_graph__set(sub, "assay_service", service, "");
    }
    Agnode_t *h = rp_graph__sink(g, sub, f);
    Agnode_t *t = agnode(g, (char *)rp_graph__str(f->source_symbol), 0);
    rp_graph__edge(g, t, h, f, diff, scratch);
  }
  as_arena_delete(scratch);
  rp_graph__legend(g, kinds, diff);
  free(by_source);
  free(by_sink);
  *out = g;
  return 0;
}

void rp_graph_close(Agraph_t *g) {
  if (g) agclose(g);
}

/* Graphviz's last (silenced) message, without its newline. */
static void rp_graph__lasterr(char *buf, size_t len) {
  const char *e = aglasterr();
  snprintf(buf, len, "%s", e ? e : "");
  buf[strcspn(buf, "\r\n")] = 0;
  if (!buf[0]) snprintf(buf, len, "Graphviz failed");
}

static int rp_graph__write_file(const char *path, const void *data, size_t len, char *err,
                                size_t errlen) {
  FILE *f = fopen(path, "wb");
  if (!f) {
    snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
    return -1;
  }
  size_t w = fwrite(data, 1, len, f);
  int e = errno;
  if (fclose(f) != 0 || w != len) {
    snprintf(err, errlen, "cannot write %s: %s", path, strerror(w != len ? e : errno));
    return -1;
  }
  return 0;
}

/* One Graphviz context for the process, freed at exit. Not one per drawing:
 * Graphviz 2.43's pango plugin keeps a pointer to the last font name, which
 * is owned by the context, and reads it in the next context (a use after
 * free that AddressSanitizer reports). */
static GVC_t *rp_graph__gvc;

static void rp_graph__free_context(void) {
  if (rp_graph__gvc) gvFreeContext(rp_graph__gvc);
  rp_graph__gvc = NULL;
}

static GVC_t *rp_graph__context(void) {
  if (!rp_graph__gvc) {
    rp_graph__gvc = gvContext();
    if (rp_graph__gvc) atexit(rp_graph__free_context);
  }
  return rp_graph__gvc;
}

static int rp_graph__render(Agraph_t *g, const char *format, const char *path, char *err,
                            size_t errlen) {
  char why[512];
  GVC_t *gvc = rp_graph__context();
  if (!gvc) {
    snprintf(err, errlen, "cannot draw %s: no Graphviz context", path);
    return -1;
  }
  int rc = -1;
  const char *prev_bb = agget(g, "bb");
  char *bb = prev_bb ? as_strdup(prev_bb) : NULL;
  if (gvLayout(gvc, g, "dot") != 0) {
    rp_graph__lasterr(why, sizeof why);
    snprintf(err, errlen, "cannot draw %s: layout failed: %s", path, why);
    gvFreeLayout(gvc, g);
    free(bb);
    return -1;
  }
  char *data = NULL;
  unsigned int len = 0;
  if (gvRenderData(gvc, g, format, &data, &len) != 0 || !data) {
    rp_graph__lasterr(why, sizeof why);
    snprintf(err, errlen, "cannot draw %s as %s: %s", path, format, why);
  } else {
    rc = rp_graph__write_file(path, data, len, err, errlen);
  }
  if (data) gvFreeRenderData(data);
  gvFreeLayout(gvc, g);
  /* gvLayout leaves the bounding box in the graph's "bb": put back what was
   * there, so that the graph (and its DOT) is what it was. */
  if (agattr(g, AGRAPH, "bb", NULL)) agsafeset(g, "bb", bb ? bb : "", "");
  free(bb);
  return rc;
}

int rp_graph_write(Agraph_t *g, const char *format, const char *path, char *err, size_t errlen) {
  if (!format ||
      (strcmp(format, "dot") != 0 && strcmp(format, "svg") != 0 && strcmp(format, "png") != 0)) {
    snprintf(err, errlen, "unknown graph format '%s' (dot, svg or png)", format ? format : "");
    return -1;
  }
  if (!g) {
    snprintf(err, errlen, "cannot write %s: no graph", path);
    return -1;
  }
  /* Graphviz reports through agerr, to standard error by default: keep its
   * messages for our own error instead. */
  agerrlevel_t old = agseterr(AGMAX);
  agreseterrors();
  int rc;
  if (strcmp(format, "dot") == 0) {
    FILE *f = fopen(path, "w");
    if (!f) {
      snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
      rc = -1;
    } else {
      rc = agwrite(g, f) == 0 ? 0 : -1;
      int e = errno;
      if (fclose(f) != 0 && rc == 0) {
        e = errno;
        rc = -1;
      }
      if (rc) snprintf(err, errlen, "cannot write %s: %s", path, strerror(e));
    }
  } else {
    rc = rp_graph__render(g, format, path, err, errlen);
  }
  agseterr(old);
  return rc;
}

/* ---- the service map ---------------------------------------------------------- */

/* "POST /users", "rpc /billing.v1.Billing/CreateCustomer", "kafka user-events" */
static void rp_graph__endpoint_text(as_buf *b, const an_endpoint_rec *e) {
  if (e->method)
    as_buf_printf(b, "%s %s", e->method, rp_graph__str(e->display));
  else
    as_buf_printf(b, "rpc %s", rp_graph__str(e->display));
}

static char *rp_graph__endpoint_name(const an_endpoint_rec *e) {
  return as_sprintf("endpoint %s %s %s %s", rp_graph__str(e->service), e->protocol,
                    e->method ? e->method : "rpc", rp_graph__str(e->target));
}

static Agraph_t *rp_graph__cluster(Agraph_t *g, const char *service) {
  char *name = as_sprintf("cluster_%s", service);
  Agraph_t *sub = agsubg(g, name, 0);
  if (!sub) {
    sub = agsubg(g, name, 1);
    rp_graph__set(sub, "label", service, "");
    rp_graph__set(sub, "style", "rounded", "");
    rp_graph__set(sub, "assay_service", service, "");
  }
  free(name);
  return sub;
}

static Agnode_t *rp_graph__service_node(Agraph_t *g, const char *service) {
  char *name = as_sprintf("service %s", service);
  Agnode_t *n = agnode(g, name, 0);
  if (!n) {
    n = agnode(rp_graph__cluster(g, service), name, 1);
    rp_graph__set(n, "assay_role", "service", "");
    rp_graph__set(n, "assay_service", service, "");
    rp_graph__set(n, "label", service, "\\N");
    rp_graph__set(n, "shape", "component", "");
    rp_graph__set(n, "style", "filled", "");
    rp_graph__set(n, "fillcolor", "#e8e8e8", "");
  }
  free(name);
  return n;
}

static void rp_graph__join(as_buf *b, const char *const *v, uint32_t n, const char *sep) {
  for (uint32_t i = 0; i < n; i++) {
    if (i) as_buf_puts(b, sep);
    as_buf_puts(b, rp_graph__str(v[i]));
  }
}

static int rp_graph__cmp_link(const void *a, const void *b) {
  const an_link_rec *x = *(const an_link_rec *const *)a, *y = *(const an_link_rec *const *)b;
  int c;
  if ((c = strcmp(rp_graph__str(x->service), rp_graph__str(y->service)))) return c;
  if ((c = strcmp(rp_graph__str(x->protocol), rp_graph__str(y->protocol)))) return c;
  if ((c = strcmp(rp_graph__str(x->method), rp_graph__str(y->method)))) return c;
  if ((c = strcmp(rp_graph__str(x->url), rp_graph__str(y->url)))) return c;
  if ((c = strcmp(rp_graph__str(x->path), rp_graph__str(y->path)))) return c;
  return x->line < y->line ? -1 : x->line > y->line;
}

/* One edge per (client service, target): requests' categories merged. */
static void rp_graph__link_edge(Agraph_t *g, Agnode_t *from, Agnode_t *to, const char *key,
                                const an_link_rec *l, const char *state) {
  Agedge_t *e = agedge(g, from, to, (char *)key, 0);
  const char *had = e ? agget(e, "assay_categories") : NULL;
  const char *had_back = e ? agget(e, "assay_returned") : NULL;
  const char *had_n = e ? agget(e, "assay_clients") : NULL;
  /* merge the categories already on the edge with l's, sorted and unique */
  const char *cats[64];
  uint32_t nc = 0;
  const char *back[64];
  uint32_t nb = 0;
  char *hadc = as_strdup(had ? had : ""), *hadb = as_strdup(had_back ? had_back : "");
  for (char *t = strtok(hadc, ","); t && nc < 64; t = strtok(NULL, ","))
    cats[nc++] = t;
  for (uint32_t i = 0; i < l->ncategories && nc < 64; i++)
    cats[nc++] = l->categories[i];
  for (char *t = strtok(hadb, ","); t && nb < 64; t = strtok(NULL, ","))
    back[nb++] = t;
  for (uint32_t i = 0; i < l->nreturned && nb < 64; i++)
    back[nb++] = l->returned[i];
  qsort(cats, nc, sizeof *cats, rp_graph__cmp_str);
  qsort(back, nb, sizeof *back, rp_graph__cmp_str);
  as_buf jc = {0}, jb = {0}, label = {0};
  for (uint32_t i = 0; i < nc; i++)
    if (!i || strcmp(cats[i], cats[i - 1]) != 0) {
      if (jc.len) as_buf_putc(&jc, ',');
      as_buf_puts(&jc, cats[i]);
    }
  for (uint32_t i = 0; i < nb; i++)
    if (!i || strcmp(back[i], back[i - 1]) != 0) {
      if (jb.len) as_buf_putc(&jb, ',');
      as_buf_puts(&jb, back[i]);
    }
  int clients = (had_n ? atoi(had_n) : 0) + 1;
  if (!e) e = agedge(g, from, to, (char *)key, 1);
  if (jc.len) {
    for (const char *p = jc.data; *p; p++)
      as_buf_puts(&label, *p == ',' ? "\\n" : (char[]){*p, 0});
  }
  if (jb.len) {
    if (label.len) as_buf_puts(&label, "\\n");
    as_buf_puts(&label, "returns: ");
    for (const char *p = jb.data; *p; p++)
      as_buf_puts(&label, *p == ',' ? ", " : (char[]){*p, 0});
  }
  if (clients > 1) as_buf_printf(&label, "%s(%d calls)", label.len ? "\\n" : "", clients);
  char nbuf[16];
  snprintf(nbuf, sizeof nbuf, "%d", clients);
  rp_graph__set(e, "assay_categories", jc.data ? jc.data : "", "");
  rp_graph__set(e, "assay_returned", jb.data ? jb.data : "", "");
  rp_graph__set(e, "assay_clients", nbuf, "");
  rp_graph__set(e, "assay_state", state, "");
  rp_graph__set(e, "assay_protocol", l->protocol, "");
  rp_graph__set(e, "label", label.data ? label.data : "", "");
  if (jc.len || jb.len) {
    rp_graph__set(e, "color", RP_GRAPH_NEW_COLOR, "");
    rp_graph__set(e, "fontcolor", RP_GRAPH_NEW_COLOR, "");
    rp_graph__set(e, "penwidth", "2", "");
  }
  if (strcmp(state, "matched") != 0) rp_graph__set(e, "style", "dashed", "");
  if (strcmp(state, "ambiguous") == 0) rp_graph__set(e, "color", "#ff7f0e", "");
  if (strcmp(l->protocol, "queue") == 0) rp_graph__set(e, "arrowhead", "veevee", "");
  as_buf_free(&jc);
  as_buf_free(&jb);
  as_buf_free(&label);
  free(hadc);
  free(hadb);
}

int rp_graph_services(const an_result *res, Agraph_t **out) {
  *out = NULL;
  Agraph_t *g = agopen("services", Agdirected, &rp_graph__disc);
  if (!g) return -1;
  as_buf title = {0};
  size_t matched = 0;
  for (size_t i = 0; i < res->nlinks; i++)
    matched += strcmp(res->links[i].state, "matched") == 0;
  as_buf_printf(&title, "Service map: %zu endpoints, %zu linked calls", res->nendpoints, matched);
  rp_graph__set(g, "label", title.data, "");
  as_buf_free(&title);
  rp_graph__set(g, "labelloc", "t", "");
  rp_graph__set(g, "rankdir", "LR", "");
  rp_graph__set(g, "fontname", "Helvetica", "");
  rp_graph__set(g, "assay_view", "services", "");
  agattr(g, AGNODE, "fontname", "Helvetica");
  agattr(g, AGEDGE, "fontname", "Helvetica");

  /* Endpoints, in their services, sorted by name. */
  char **names = malloc((res->nendpoints ? res->nendpoints : 1) * sizeof *names);
  size_t *order = malloc((res->nendpoints ? res->nendpoints : 1) * sizeof *order);
  for (size_t i = 0; i < res->nendpoints; i++) {
    names[i] = rp_graph__endpoint_name(&res->endpoints[i]);
    order[i] = i;
  }
  for (size_t i = 1; i < res->nendpoints; i++) /* insertion sort: a few hundred at most */
    for (size_t j = i; j > 0 && strcmp(names[order[j - 1]], names[order[j]]) > 0; j--) {
      size_t t = order[j];
      order[j] = order[j - 1];
      order[j - 1] = t;
    }
  for (size_t k = 0; k < res->nendpoints; k++) {
    const an_endpoint_rec *e = &res->endpoints[order[k]];
    rp_graph__service_node(g, e->service);
    Agnode_t *n = agnode(g, names[order[k]], 0);
    if (n) continue; /* the same route declared twice */
    n = agnode(rp_graph__cluster(g, e->service), names[order[k]], 1);
    as_buf label = {0}, guards = {0};
    rp_graph__endpoint_text(&label, e);
    as_buf_puts(&label, "\\n");
    rp_graph__put_esc(&label, rp_graph__str(e->handler));
    rp_graph__join(&guards, e->guards, e->nguards, ",");
    if (e->nguards) {
      as_buf_puts(&label, "\\nguard: ");
      rp_graph__put_esc(&label, guards.data);
    }
    rp_graph__set(n, "assay_role", "endpoint", "");
    rp_graph__set(n, "assay_protocol", e->protocol, "");
    rp_graph__set(n, "assay_service", e->service, "");
    rp_graph__set(n, "assay_guards", guards.data ? guards.data : "", "");
    rp_graph__set(n, "label", label.data, "\\N");
    rp_graph__set(n, "shape", strcmp(e->protocol, "queue") == 0 ? "cds" : "box", "");
    rp_graph__set(n, "style", e->nguards ? "filled,bold" : "filled", "");
    rp_graph__set(n, "fillcolor",
                  strcmp(e->protocol, "http") == 0   ? "#d9f0d9"
                  : strcmp(e->protocol, "grpc") == 0 ? "#d6e6f4"
                                                     : "#f1f1cc",
                  "");
    as_buf_free(&label);
    as_buf_free(&guards);
  }

  /* Links, from the calling service to what answers them. */
  const an_link_rec **links = malloc((res->nlinks ? res->nlinks : 1) * sizeof *links);
  for (size_t i = 0; i < res->nlinks; i++)
    links[i] = &res->links[i];
  qsort(links, res->nlinks, sizeof *links, rp_graph__cmp_link);
  for (size_t i = 0; i < res->nlinks; i++) {
    const an_link_rec *l = links[i];
    if (strcmp(l->state, "unresolved") == 0) continue; /* listed in the JSON report */
    Agnode_t *from = rp_graph__service_node(g, rp_graph__str(l->service));
    if (strcmp(l->state, "matched") == 0 || strcmp(l->state, "ambiguous") == 0) {
      for (uint32_t k = 0; k < l->nendpoints; k++) {
        if (l->endpoints[k] >= res->nendpoints) continue;
        Agnode_t *to = agnode(g, names[l->endpoints[k]], 0);
        if (!to) continue;
        char *key = as_sprintf("%s -> %s", rp_graph__str(l->service), names[l->endpoints[k]]);
        rp_graph__link_edge(g, from, to, key, l, l->state);
        free(key);
      }
    } else if (strcmp(l->state, "external") == 0) {
      char *name = as_sprintf("external %s", rp_graph__str(l->host ? l->host : l->url));
      Agnode_t *to = agnode(g, name, 0);
      if (!to) {
        to = agnode(g, name, 1);
        rp_graph__set(to, "assay_role", "external", "");
        rp_graph__set(to, "label", rp_graph__str(l->host ? l->host : l->url), "\\N");
        rp_graph__set(to, "shape", "doubleoctagon", "");
      }
      char *key = as_sprintf("%s -> %s", rp_graph__str(l->service), name);
      rp_graph__link_edge(g, from, to, key, l, l->state);
      free(key);
      free(name);
    } else { /* unmatched: the missing endpoint, in the service that lacks it */
      const char *svc = l->target_service ? l->target_service : "?";
      char *name = as_sprintf("missing %s %s %s %s", svc, rp_graph__str(l->protocol),
                              rp_graph__str(l->method), rp_graph__str(l->target));
      Agnode_t *to = agnode(g, name, 0);
      if (!to) {
        to = agnode(rp_graph__cluster(g, svc), name, 1);
        as_buf label = {0};
        as_buf_printf(&label, "no endpoint: %s %s", rp_graph__str(l->method),
                      rp_graph__str(l->target));
        rp_graph__set(to, "assay_role", "missing", "");
        rp_graph__set(to, "label", label.data, "\\N");
        rp_graph__set(to, "shape", "box", "");
        rp_graph__set(to, "style", "dashed", "");
        as_buf_free(&label);
      }
      char *key = as_sprintf("%s -> %s", rp_graph__str(l->service), name);
      rp_graph__link_edge(g, from, to, key, l, l->state);
      free(key);
      free(name);
    }
  }
  for (size_t i = 0; i < res->nendpoints; i++)
    free(names[i]);
  free(names);
  free(order);
  free(links);
  *out = g;
  return 0;
}

/* ---- the data-access graph ---------------------------------------------------- */

#define RP_GRAPH_READ_COLOR "#1f77b4"
#define RP_GRAPH_WRITE_COLOR "#d95f02"
#define RP_GRAPH_PII_READ_COLOR "#c51b7d"
#define RP_GRAPH_PII_WRITE_COLOR RP_GRAPH_NEW_COLOR
#define RP_GRAPH_PII_FILL "#fde0dd"
#define RP_GRAPH_FUNCTION_FILL "#e8e8e8"
#define RP_GRAPH_ENDPOINT_FILL "#d9f0d9"
#define RP_GRAPH_KEY_FILL "#f1f1cc"
#define RP_GRAPH_REASON_MAX 60

typedef AS_ARRAY(const char *) rp_graph__strs;

static bool rp_graph__is_key(const an_access_rec *a) {
  return a->kind && strcmp(a->kind, "key") == 0;
}

static bool rp_graph__is_write(const an_access_rec *a) {
  return a->op && strcmp(a->op, "write") == 0;
}

static int rp_graph__cmp_access(const void *a, const void *b) {
  const an_access_rec *x = *(const an_access_rec *const *)a, *y = *(const an_access_rec *const *)b;
  int c;
  if ((c = strcmp(rp_graph__str(x->service), rp_graph__str(y->service)))) return c;
  if ((c = strcmp(rp_graph__str(x->function), rp_graph__str(y->function)))) return c;
  if ((c = strcmp(rp_graph__str(x->kind), rp_graph__str(y->kind)))) return c;
  if ((c = strcmp(rp_graph__str(x->resource), rp_graph__str(y->resource)))) return c;
  if ((c = strcmp(rp_graph__str(x->op), rp_graph__str(y->op)))) return c;
  if ((c = strcmp(rp_graph__str(x->path), rp_graph__str(y->path)))) return c;
  if (x->line != y->line) return x->line < y->line ? -1 : 1;
  if (x->col != y->col) return x->col < y->col ? -1 : 1;
  return strcmp(rp_graph__str(x->via), rp_graph__str(y->via));
}

static int rp_graph__cmp_unresolved(const void *a, const void *b) {
  const an_access_rec *x = *(const an_access_rec *const *)a, *y = *(const an_access_rec *const *)b;
  int c;
  if ((c = strcmp(rp_graph__str(x->service), rp_graph__str(y->service)))) return c;
  if ((c = strcmp(rp_graph__str(x->path), rp_graph__str(y->path)))) return c;
  if (x->line != y->line) return x->line < y->line ? -1 : 1;
  if (x->col != y->col) return x->col < y->col ? -1 : 1;
  if ((c = strcmp(rp_graph__str(x->function), rp_graph__str(y->function)))) return c;
  if ((c = strcmp(rp_graph__str(x->unresolved), rp_graph__str(y->unresolved)))) return c;
  return strcmp(rp_graph__str(x->statement), rp_graph__str(y->statement));
}

static int rp_graph__cmp_table(const void *a, const void *b) {
  const an_table_rec *x = *(const an_table_rec *const *)a, *y = *(const an_table_rec *const *)b;
  int c;
  if ((c = strcmp(rp_graph__str(x->service), rp_graph__str(y->service)))) return c;
  if ((c = strcmp(rp_graph__str(x->name), rp_graph__str(y->name)))) return c;
  if ((c = strcmp(rp_graph__str(x->path), rp_graph__str(y->path)))) return c;
  return x->line < y->line ? -1 : x->line > y->line;
}

/* By name, then category (none first). */
static int rp_graph__cmp_col(const void *a, const void *b) {
  const an_access_col *x = *(const an_access_col *const *)a, *y = *(const an_access_col *const *)b;
  int c = strcmp(rp_graph__str(x->name), rp_graph__str(y->name));
  if (c || x->category == y->category) return c;
  if (!x->category || !y->category) return x->category ? 1 : -1;
  return strcmp(x->category, y->category);
}

/* Sort v and drop repeated strings; returns the new length. */
static size_t rp_graph__sort_unique(const char **v, size_t n) {
  if (n < 2) return n;
  qsort(v, n, sizeof *v, rp_graph__cmp_str);
  size_t k = 1;
  for (size_t i = 1; i < n; i++)
    if (strcmp(v[i], v[k - 1]) != 0) v[k++] = v[i];
  return k;
}

/* The endpoint without its service: rows list "users POST /users", the node
 * is "endpoint users POST /users" either way. */
static const char *rp_graph__endpoint_of(const char *service, const char *e) {
  size_t n = strlen(service);
  return strncmp(e, service, n) == 0 && e[n] == ' ' ? e + n + 1 : e;
}

/* An endpoint of another service than the row's, named "gateway: GET /x":
 * its service into home and the rest returned; NULL for the row's own. */
static const char *rp_graph__endpoint_abroad(const char *e, char *home, size_t cap) {
  const char *sp = strchr(e, ' ');
  if (!sp || sp - e < 2 || sp[-1] != ':' || (size_t)(sp - e) > cap) return NULL;
  memcpy(home, e, (size_t)(sp - e - 1));
  home[sp - e - 1] = 0;
  return sp + 1;
}

static char *rp_graph__name(const char *role, const char *service, const char *rest) {
  return as_sprintf("%s %s %s", role, service, rest);
}

static Agnode_t *rp_graph__find(Agraph_t *g, const char *role, const char *service,
                                const char *rest) {
  char *name = rp_graph__name(role, service, rest);
  Agnode_t *n = agnode(g, name, 0);
  free(name);
  return n;
}

/* A new node "ROLE SERVICE REST" in sub with its assay_role and
 * assay_service, or NULL when it exists already. */
static Agnode_t *rp_graph__access_node(Agraph_t *g, Agraph_t *sub, const char *role,
                                       const char *service, const char *rest) {
  char *name = rp_graph__name(role, service, rest);
  Agnode_t *n = agnode(g, name, 0) ? NULL : agnode(sub, name, 1);
  free(name);
  if (n) {
    rp_graph__set(n, "assay_role", role, "");
    rp_graph__set(n, "assay_service", service, "");
  }
  return n;
}

static void rp_graph__endpoint_node(Agraph_t *g, Agraph_t *sub, const char *service,
                                    const char *name) {
  Agnode_t *n = rp_graph__access_node(g, sub, "endpoint", service, name);
  if (!n) return;
  as_buf label = {0};
  rp_graph__put_esc(&label, name);
  rp_graph__set(n, "label", label.data ? label.data : "", "\\N");
  rp_graph__set(n, "shape", "box", "");
  rp_graph__set(n, "style", "filled", "");
  rp_graph__set(n, "fillcolor", RP_GRAPH_ENDPOINT_FILL, "");
  as_buf_free(&label);
}

/* A DOT escString of s on one line, cut to max bytes (at a character
 * boundary) with "..." when longer. */
static void rp_graph__put_short(as_buf *b, const char *s, size_t max) {
  size_t n = strlen(s);
  if (n > max) {
    n = max - 3;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
      n--;
  }
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '\\') as_buf_putc(b, '\\');
    as_buf_putc(b, c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
  }
  if (n < strlen(s)) as_buf_puts(b, "...");
}

static void rp_graph__set_html(Agraph_t *g, Agnode_t *n, const char *html) {
  char *s = agstrdup_html(g, (char *)html);
  rp_graph__set(n, "label", s, "\\N");
  agstrfree(g, s);
}

/* The columns of table name into *out (malloc'd, the caller frees it): the
 * schema's, in declaration order, when the table is there, else those the
 * accesses mention, by name. Returns their number. */
static size_t rp_graph__table_columns(const char *name, const an_table_rec *t,
                                      const an_access_rec **acc, size_t na,
                                      const an_access_col ***out) {
  if (t) {
    const an_access_col **v = as_malloc((t->ncolumns ? t->ncolumns : 1) * sizeof *v);
    for (uint32_t c = 0; c < t->ncolumns; c++)
      v[c] = &t->columns[c];
    *out = v;
    return t->ncolumns;
  }
  size_t n = 0, k = 0;
  for (size_t i = 0; i < na; i++)
    if (!rp_graph__is_key(acc[i]) && strcmp(rp_graph__str(acc[i]->resource), name) == 0)
      n += acc[i]->ncolumns;
  const an_access_col **v = as_malloc((n ? n : 1) * sizeof *v);
  for (size_t i = 0; i < na; i++)
    if (!rp_graph__is_key(acc[i]) && strcmp(rp_graph__str(acc[i]->resource), name) == 0)
      for (uint32_t c = 0; c < acc[i]->ncolumns; c++)
        v[k++] = &acc[i]->columns[c];
  /* one per name: its first category, if any row gives one */
  qsort(v, k, sizeof *v, rp_graph__cmp_col);
  size_t u = 0;
  for (size_t i = 0; i < k; i++) {
    if (u && strcmp(rp_graph__str(v[u - 1]->name), rp_graph__str(v[i]->name)) == 0) {
      if (!v[u - 1]->category) v[u - 1] = v[i];
      continue;
    }
    v[u++] = v[i];
  }
  *out = v;
  return u;
}

/* A table: an HTML-like table of its columns, personal-data ones filled and
 * followed by their category. */
static void rp_graph__table_node(Agraph_t *g, Agraph_t *sub, const char *service, const char *name,
                                 const an_table_rec *t, const an_access_rec **acc, size_t na) {
  Agnode_t *n = rp_graph__access_node(g, sub, "table", service, name);
  if (!n) return;
  const an_access_col **cols = NULL;
  size_t ncols = rp_graph__table_columns(name, t, acc, na, &cols);
  const char **cats = as_malloc((ncols ? ncols : 1) * sizeof *cats);
  size_t ncats = 0;
  as_buf html = {0}, names = {0}, joined = {0}, tip = {0};
  as_buf_puts(&html, "<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" cellpadding=\"3\">");
  as_buf_printf(&html, "<tr><td colspan=\"2\" bgcolor=\"%s\"><b>", RP_GRAPH_FUNCTION_FILL);
  rp_graph__put_html(&html, name);
  as_buf_puts(&html, "</b></td></tr>");
  for (size_t i = 0; i < ncols; i++) {
    const char *col = rp_graph__str(cols[i]->name), *cat = cols[i]->category;
    if (names.len) as_buf_putc(&names, ',');
    as_buf_puts(&names, col);
    if (cat && *cat) {
      cats[ncats++] = cat;
      as_buf_printf(&html, "<tr><td align=\"left\" bgcolor=\"%s\">", RP_GRAPH_PII_FILL);
      rp_graph__put_html(&html, col);
      as_buf_printf(&html, "</td><td align=\"left\" bgcolor=\"%s\"><font color=\"%s\">",
                    RP_GRAPH_PII_FILL, RP_GRAPH_NEW_COLOR);
      rp_graph__put_html(&html, cat);
      as_buf_puts(&html, "</font></td></tr>");
    } else {
      as_buf_puts(&html, "<tr><td align=\"left\">");
      rp_graph__put_html(&html, col);
      as_buf_puts(&html, "</td><td> </td></tr>");
    }
  }
  as_buf_puts(&html, "</table>");
  ncats = rp_graph__sort_unique(cats, ncats);
  rp_graph__join(&joined, cats, (uint32_t)ncats, ",");
  as_buf_puts(&tip, "table ");
  rp_graph__put_esc(&tip, name);
  if (t)
    as_buf_printf(&tip, " (%s, %s:%u)", rp_graph__str(t->origin), rp_graph__str(t->path), t->line);
  else
    as_buf_puts(&tip, " (not in the schema)");
  rp_graph__set(n, "assay_categories", joined.data ? joined.data : "", "");
  rp_graph__set(n, "assay_columns", names.data ? names.data : "", "");
  rp_graph__set(n, "assay_origin", t ? rp_graph__str(t->origin) : "", "");
  rp_graph__set(n, "shape", "none", "");
  rp_graph__set(n, "margin", "0", "");
  rp_graph__set_html(g, n, html.data);
  rp_graph__set(n, "tooltip", tip.data, "");
  as_buf_free(&html);
  as_buf_free(&names);
  as_buf_free(&joined);
  as_buf_free(&tip);
  free(cats);
  free(cols);
}

/* A cache key pattern: its categories are those of every access to it. */
static void rp_graph__key_node(Agraph_t *g, Agraph_t *sub, const char *service, const char *pattern,
                               const an_access_rec **acc, size_t na) {
  Agnode_t *n = rp_graph__access_node(g, sub, "key", service, pattern);
  if (!n) return;
  rp_graph__strs cats = {0};
  for (size_t i = 0; i < na; i++)
    if (rp_graph__is_key(acc[i]) && strcmp(rp_graph__str(acc[i]->resource), pattern) == 0)
      for (uint32_t c = 0; c < acc[i]->ncategories; c++)
        as_array_push(&cats, rp_graph__str(acc[i]->categories[c]));
  cats.len = rp_graph__sort_unique(cats.items, cats.len);
  as_buf label = {0}, joined = {0}, tip = {0};
  rp_graph__put_esc(&label, pattern);
  for (size_t i = 0; i < cats.len; i++) {
    as_buf_puts(&label, "\\n");
    rp_graph__put_esc(&label, cats.items[i]);
  }
  rp_graph__join(&joined, cats.items, (uint32_t)cats.len, ",");
  as_buf_puts(&tip, "key ");
  rp_graph__put_esc(&tip, pattern);
  rp_graph__set(n, "assay_categories", joined.data ? joined.data : "", "");
  rp_graph__set(n, "label", label.data, "\\N");
  rp_graph__set(n, "shape", "cylinder", "");
  rp_graph__set(n, "style", "filled", "");
  rp_graph__set(n, "fillcolor", cats.len ? RP_GRAPH_PII_FILL : RP_GRAPH_KEY_FILL, "");
  rp_graph__set(n, "tooltip", tip.data, "");
  as_buf_free(&label);
  as_buf_free(&joined);
  as_buf_free(&tip);
  as_array_free(&cats);
}

static void rp_graph__unresolved_node(Agraph_t *g, Agraph_t *sub, const char *service,
                                      const an_access_rec *u) {
  char *where = as_sprintf("%s:%u", rp_graph__str(u->path), u->line);
  Agnode_t *n = rp_graph__access_node(g, sub, "unresolved", service, where);
  if (n) {
    const char *reason = u->unresolved && *u->unresolved ? u->unresolved : "unresolved";
    as_buf label = {0}, tip = {0};
    rp_graph__put_esc(&label, where);
    as_buf_puts(&label, "\\n");
    rp_graph__put_short(&label, reason, RP_GRAPH_REASON_MAX);
    as_buf_puts(&label, "\\nin ");
    rp_graph__put_esc(&label, rp_graph__str(u->function));
    rp_graph__put_short(&tip, rp_graph__str(u->statement), 200);
    rp_graph__set(n, "assay_function", rp_graph__str(u->function), "");
    rp_graph__set(n, "assay_reason", reason, "");
    rp_graph__set(n, "label", label.data, "\\N");
    rp_graph__set(n, "shape", "box", "");
    rp_graph__set(n, "style", "dashed", "");
    rp_graph__set(n, "color", RP_GRAPH_ABSENT_COLOR, "");
    rp_graph__set(n, "tooltip", tip.data ? tip.data : "", "");
    as_buf_free(&label);
    as_buf_free(&tip);
  }
  free(where);
}

/* endpoint -> function, once per pair. */
static void rp_graph__reach_edges(Agraph_t *g, Agraph_t *sub, const char *service,
                                  const an_access_rec *a) {
  Agnode_t *fn = rp_graph__find(g, "function", service, rp_graph__str(a->function));
  char home[256];
  for (uint32_t i = 0; fn && i < a->nendpoints; i++) {
    const char *ep = rp_graph__endpoint_of(service, rp_graph__str(a->endpoints[i]));
    const char *abroad = rp_graph__endpoint_abroad(ep, home, sizeof home);
    if (abroad) ep = abroad;
    Agnode_t *en = rp_graph__find(g, "endpoint", abroad ? home : service, ep);
    if (!en) continue;
    char *key = as_sprintf("%s %s -> %s", abroad ? home : service, ep, rp_graph__str(a->function));
    if (!agedge(g, en, fn, key, 0)) {
      /* An edge from another service's cluster belongs to neither. */
      Agedge_t *e = agedge(abroad ? g : sub, en, fn, key, 1);
      rp_graph__set(e, "assay_role", "reaches", "");
      rp_graph__set(e, "style", "dotted", "");
      rp_graph__set(e, "color", "#555555", "");
    }
    free(key);
  }
}

/* function -> table or key, one per row. */
static void rp_graph__access_edge(Agraph_t *g, Agraph_t *sub, const char *service,
                                  const an_access_rec *a) {
  bool key = rp_graph__is_key(a), write = rp_graph__is_write(a);
  const char *resource = rp_graph__str(a->resource);
  Agnode_t *fn = rp_graph__find(g, "function", service, rp_graph__str(a->function));
  Agnode_t *rn = rp_graph__find(g, key ? "key" : "table", service, resource);
  if (!fn || !rn) return;
  char *name = as_sprintf("%s %s %s %s %s", service, rp_graph__str(a->function),
                          key ? "key" : "table", resource, rp_graph__str(a->op));
  if (agedge(g, fn, rn, name, 0)) { /* rows are unique by this key */
    free(name);
    return;
  }
  Agedge_t *e = agedge(sub, fn, rn, name, 1);
  free(name);
  as_buf cols = {0}, label = {0}, cats = {0}, tip = {0};
  for (uint32_t i = 0; i < a->ncolumns; i++) {
    if (i) as_buf_putc(&cols, ',');
    as_buf_puts(&cols, rp_graph__str(a->columns[i].name));
  }
  as_buf_puts(&label, write ? "write" : "read");
  for (uint32_t i = 0; i < a->ncolumns; i++) {
    as_buf_puts(&label, i ? ", " : ": ");
    rp_graph__put_esc(&label, rp_graph__str(a->columns[i].name));
  }
  rp_graph__join(&cats, a->categories, a->ncategories, ",");
  as_buf_printf(&tip, "%s:%u: ", rp_graph__str(a->path), a->line);
  rp_graph__put_short(&tip, rp_graph__str(a->statement), 200);
  const char *color = a->ncategories ? (write ? RP_GRAPH_PII_WRITE_COLOR : RP_GRAPH_PII_READ_COLOR)
                                     : (write ? RP_GRAPH_WRITE_COLOR : RP_GRAPH_READ_COLOR);
  rp_graph__set(e, "assay_role", "access", "");
  rp_graph__set(e, "assay_kind", key ? "key" : "table", "");
  rp_graph__set(e, "assay_op", write ? "write" : "read", "");
  rp_graph__set(e, "assay_via", rp_graph__str(a->via), "");
  rp_graph__set(e, "assay_columns", cols.data ? cols.data : "", "");
  rp_graph__set(e, "assay_categories", cats.data ? cats.data : "", "");
  rp_graph__set(e, "label", label.data, "");
  rp_graph__set(e, "style", "solid", "");
  rp_graph__set(e, "color", color, "");
  rp_graph__set(e, "fontcolor", color, "");
  rp_graph__set(e, "arrowhead", write ? "normal" : "empty", "");
  if (a->ncategories) rp_graph__set(e, "penwidth", "2", "");
  rp_graph__set(e, "tooltip", tip.data, "");
  as_buf_free(&cols);
  as_buf_free(&label);
  as_buf_free(&cats);
  as_buf_free(&tip);
}

/* function -> unresolved statement. */
static void rp_graph__unresolved_edge(Agraph_t *g, Agraph_t *sub, const char *service,
                                      const an_access_rec *u) {
  char *where = as_sprintf("%s:%u", rp_graph__str(u->path), u->line);
  Agnode_t *fn = rp_graph__find(g, "function", service, rp_graph__str(u->function));
  Agnode_t *un = rp_graph__find(g, "unresolved", service, where);
  char *key = as_sprintf("%s %s -> %s", service, rp_graph__str(u->function), where);
  if (fn && un && !agedge(g, fn, un, key, 0)) {
    Agedge_t *e = agedge(sub, fn, un, key, 1);
    rp_graph__set(e, "assay_role", "unresolved", "");
    rp_graph__set(e, "style", "dashed", "");
    rp_graph__set(e, "color", RP_GRAPH_ABSENT_COLOR, "");
  }
  free(key);
  free(where);
}

/* One service's cluster: its endpoints, functions, tables, keys and
 * unresolved statements (each kind sorted by name), then the edges in the
 * rows' order. acc, unr and tab are the service's slices. Returns the number
 * of tables and keys drawn in *ntables and *nkeys. */
static void rp_graph__access_service(Agraph_t *g, const char *service, const an_access_rec **acc,
                                     size_t na, const an_access_rec **unr, size_t nu,
                                     const an_table_rec **tab, size_t nt, size_t *ntables,
                                     size_t *nkeys) {
  Agraph_t *sub = rp_graph__cluster(g, service);

  /* Endpoints; one of another service goes in that service's cluster. */
  rp_graph__strs v = {0};
  char home[256];
  for (size_t i = 0; i < na + nu; i++) {
    const an_access_rec *a = i < na ? acc[i] : unr[i - na];
    for (uint32_t k = 0; k < a->nendpoints; k++) {
      const char *ep = rp_graph__endpoint_of(service, rp_graph__str(a->endpoints[k]));
      const char *abroad = rp_graph__endpoint_abroad(ep, home, sizeof home);
      if (abroad)
        rp_graph__endpoint_node(g, rp_graph__cluster(g, home), home, abroad);
      else
        as_array_push(&v, ep);
    }
  }
  v.len = rp_graph__sort_unique(v.items, v.len);
  for (size_t i = 0; i < v.len; i++)
    rp_graph__endpoint_node(g, sub, service, v.items[i]);

  v.len = 0;
  for (size_t i = 0; i < na + nu; i++)
    as_array_push(&v, rp_graph__str(i < na ? acc[i]->function : unr[i - na]->function));
  v.len = rp_graph__sort_unique(v.items, v.len);
  for (size_t i = 0; i < v.len; i++) {
    Agnode_t *n = rp_graph__access_node(g, sub, "function", service, v.items[i]);
    if (!n) continue;
    as_buf label = {0};
    rp_graph__put_esc(&label, v.items[i]);
    rp_graph__set(n, "label", label.data ? label.data : "", "\\N");
    rp_graph__set(n, "shape", "box", "");
    rp_graph__set(n, "style", "rounded,filled", "");
    rp_graph__set(n, "fillcolor", RP_GRAPH_FUNCTION_FILL, "");
    as_buf_free(&label);
  }

  /* Tables: the schema's, reached or not, and those the accesses name. */
  v.len = 0;
  for (size_t i = 0; i < nt; i++)
    as_array_push(&v, rp_graph__str(tab[i]->name));
  for (size_t i = 0; i < na; i++)
    if (!rp_graph__is_key(acc[i])) as_array_push(&v, rp_graph__str(acc[i]->resource));
  v.len = rp_graph__sort_unique(v.items, v.len);
  for (size_t i = 0; i < v.len; i++) {
    const an_table_rec *t = NULL;
    for (size_t k = 0; k < nt && !t; k++)
      if (strcmp(rp_graph__str(tab[k]->name), v.items[i]) == 0) t = tab[k];
    rp_graph__table_node(g, sub, service, v.items[i], t, acc, na);
  }
  *ntables += v.len;

  v.len = 0;
  for (size_t i = 0; i < na; i++)
    if (rp_graph__is_key(acc[i])) as_array_push(&v, rp_graph__str(acc[i]->resource));
  v.len = rp_graph__sort_unique(v.items, v.len);
  for (size_t i = 0; i < v.len; i++)
    rp_graph__key_node(g, sub, service, v.items[i], acc, na);
  *nkeys += v.len;
  as_array_free(&v);

  for (size_t i = 0; i < nu; i++)
    rp_graph__unresolved_node(g, sub, service, unr[i]);

  /* The edges go in the cluster: dot's layout would move them there (and
   * leave them), so that the DOT after a drawing would differ. */
  for (size_t i = 0; i < na + nu; i++)
    rp_graph__reach_edges(g, sub, service, i < na ? acc[i] : unr[i - na]);
  for (size_t i = 0; i < na; i++)
    rp_graph__access_edge(g, sub, service, acc[i]);
  for (size_t i = 0; i < nu; i++)
    rp_graph__unresolved_edge(g, sub, service, unr[i]);
}

static void rp_graph__access_legend(Agraph_t *g) {
  as_buf b = {0};
  as_buf_printf(&b,
                "<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" cellpadding=\"4\">"
                "<tr><td colspan=\"2\"><b>Legend</b></td></tr>"
                "<tr><td bgcolor=\"%s\">endpoint</td>"
                "<td align=\"left\">its handler reaches the function (dotted)</td></tr>"
                "<tr><td bgcolor=\"%s\">function</td>"
                "<td align=\"left\">reads or writes the table or key</td></tr>"
                "<tr><td><b>table</b></td><td align=\"left\">its columns; "
                "<font color=\"%s\">personal data</font> filled, with its category</td></tr>"
                "<tr><td bgcolor=\"%s\">key</td><td align=\"left\">a cache key pattern</td></tr>"
                "<tr><td><font color=\"%s\">blue, open arrow</font></td>"
                "<td align=\"left\">read: the columns read</td></tr>"
                "<tr><td><font color=\"%s\">orange, arrow</font></td>"
                "<td align=\"left\">write: the columns written</td></tr>"
                "<tr><td><font color=\"%s\"><b>thick red, pink</b></font></td>"
                "<td align=\"left\">reads or writes personal data</td></tr>"
                "<tr><td><font color=\"%s\">dashed</font></td>"
                "<td align=\"left\">a statement that could not be read</td></tr>"
                "</table>",
                RP_GRAPH_ENDPOINT_FILL, RP_GRAPH_FUNCTION_FILL, RP_GRAPH_NEW_COLOR,
                RP_GRAPH_KEY_FILL, RP_GRAPH_READ_COLOR, RP_GRAPH_WRITE_COLOR, RP_GRAPH_NEW_COLOR,
                RP_GRAPH_ABSENT_COLOR);
  Agnode_t *n = agnode(g, "legend", 1);
  rp_graph__set(n, "assay_role", "legend", "");
  rp_graph__set(n, "shape", "none", "");
  rp_graph__set(n, "margin", "0", "");
  rp_graph__set_html(g, n, b.data);
  as_buf_free(&b);
}

int rp_graph_access(const an_result *res, Agraph_t **out) {
  *out = NULL;
  Agraph_t *g = agopen("access", Agdirected, &rp_graph__disc);
  if (!g) return -1;
  size_t na = res ? res->naccesses : 0, nu = res ? res->nunresolved_access : 0;
  size_t nt = res ? res->ntables : 0;
  rp_graph__set(g, "label", "", "");
  rp_graph__set(g, "labelloc", "t", "");
  rp_graph__set(g, "rankdir", "LR", "");
  rp_graph__set(g, "fontname", "Helvetica", "");
  rp_graph__set(g, "assay_view", "access", "");
  agattr(g, AGNODE, "fontname", "Helvetica");
  agattr(g, AGEDGE, "fontname", "Helvetica");

  const an_access_rec **acc = as_malloc((na ? na : 1) * sizeof *acc);
  const an_access_rec **unr = as_malloc((nu ? nu : 1) * sizeof *unr);
  const an_table_rec **tab = as_malloc((nt ? nt : 1) * sizeof *tab);
  const char **services = as_malloc((na + nu + nt ? na + nu + nt : 1) * sizeof *services);
  size_t ns = 0;
  for (size_t i = 0; i < na; i++)
    services[ns++] = rp_graph__str((acc[i] = &res->accesses[i])->service);
  for (size_t i = 0; i < nu; i++)
    services[ns++] = rp_graph__str((unr[i] = &res->unresolved_access[i])->service);
  for (size_t i = 0; i < nt; i++)
    services[ns++] = rp_graph__str((tab[i] = &res->tables[i])->service);
  qsort(acc, na, sizeof *acc, rp_graph__cmp_access);
  qsort(unr, nu, sizeof *unr, rp_graph__cmp_unresolved);
  qsort(tab, nt, sizeof *tab, rp_graph__cmp_table);
  ns = rp_graph__sort_unique(services, ns);

  size_t ia = 0, iu = 0, it = 0, ntables = 0, nkeys = 0;
  for (size_t s = 0; s < ns; s++) {
    size_t ja = ia, ju = iu, jt = it;
    while (ja < na && strcmp(rp_graph__str(acc[ja]->service), services[s]) == 0)
      ja++;
    while (ju < nu && strcmp(rp_graph__str(unr[ju]->service), services[s]) == 0)
      ju++;
    while (jt < nt && strcmp(rp_graph__str(tab[jt]->service), services[s]) == 0)
      jt++;
    rp_graph__access_service(g, services[s], acc + ia, ja - ia, unr + iu, ju - iu, tab + it,
                             jt - it, &ntables, &nkeys);
    ia = ja;
    iu = ju;
    it = jt;
  }
  rp_graph__access_legend(g);

  as_buf title = {0};
  as_buf_printf(&title, "Data access: %zu tables, %zu keys, %zu accesses, %zu unresolved", ntables,
                nkeys, na, nu);
  rp_graph__set(g, "label", title.data, "");
  as_buf_free(&title);
  free(acc);
  free(unr);
  free(tab);
  free(services);
  *out = g;
  return 0;
}
