/* html.c — the self-contained HTML report: the gates, the findings tables and
 * the diff view of the flows graph as inline SVG; no external resources. */
#include "graph.h"
#include "report.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *rp__html_or(const char *s, const char *dflt) {
  return s && *s ? s : dflt;
}

static void rp__h(FILE *out, const char *s) {
  for (; s && *s; s++) {
    switch (*s) {
    case '&':
      fputs("&amp;", out);
      break;
    case '<':
      fputs("&lt;", out);
      break;
    case '>':
      fputs("&gt;", out);
      break;
    case '"':
      fputs("&quot;", out);
      break;
    case '\'':
      fputs("&#39;", out);
      break;
    default:
      fputc(*s, out);
    }
  }
}

static const char rp__html_css[] =
    "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
    "table{border-collapse:collapse;margin:1em 0}"
    "th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}"
    "th{background:#f3f3f3}code{font-family:monospace}"
    ".fail{color:#b00020;font-weight:bold}.pass{color:#1b7f3b;font-weight:bold}"
    ".inconclusive{color:#a86b00;font-weight:bold}"
    "tr.new td{background:#fdecec}tr.absent td{color:#777}"
    ".graph svg{max-width:100%;height:auto}";

static void rp__html_verdict(FILE *out, const char *v) {
  fputs("<span class=\"", out);
  rp__h(out, v);
  fputs("\">", out);
  rp__h(out, v);
  fputs("</span>", out);
}

static void rp__html_findings(FILE *out, const an_result *res, an_state state, const char *id,
                              const char *heading, size_t n) {
  fprintf(out, "<h2>%s (%zu)</h2>\n", heading, n);
  if (!n) {
    fputs("<p>None.</p>\n", out);
    return;
  }
  fprintf(out,
          "<table id=\"%s\"><thead><tr><th>Rule</th><th>Categories</th><th>Sink</th>"
          "<th>Location</th><th>Message</th></tr></thead><tbody>\n",
          id);
  for (size_t i = 0; i < res->nfindings; i++) {
    const an_finding *f = &res->findings[i];
    if (f->state != state) continue;
    fprintf(out, "<tr class=\"%s\"><td>", an_state_name(state));
    rp__h(out, rp__html_or(f->rule_id, "?"));
    fputs("</td><td>", out);
    for (uint32_t c = 0; c < f->ncategories; c++) {
      if (c) fputs(", ", out);
      rp__h(out, f->categories[c]);
    }
    fputs("</td><td>", out);
    rp__h(out, ir_sink_kind_name(f->sink_kind));
    fputs("</td><td><code>", out);
    rp__h(out, rp__html_or(f->path, "?"));
    fprintf(out, ":%u</code></td><td>", f->line);
    rp__h(out, rp__html_or(f->message, ""));
    if (f->suppressed_reason) {
      fputs(" <em>(allowed: ", out);
      rp__h(out, f->suppressed_reason);
      fputs(")</em>", out);
    }
    fputs("</td></tr>\n", out);
  }
  fputs("</tbody></table>\n", out);
}

/* The diff view of the flows graph as SVG text (rp_graph_write through a
 * temporary file), from "<svg" on. NULL with err on failure. */
static char *rp__html_svg(const an_result *res, char *err, size_t errlen) {
  Agraph_t *g = NULL;
  if (rp_graph_flows(res, true, &g) != 0) {
    snprintf(err, errlen, "cannot build the flows graph");
    return NULL;
  }
  const char *tmpdir = getenv("TMPDIR");
  char *tmp = as_sprintf("%s/assay-html.XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
  int fd = mkstemp(tmp);
  char *svg = NULL;
  if (fd < 0) {
    snprintf(err, errlen, "cannot create a temporary file %s: %s", tmp, strerror(errno));
  } else {
    close(fd);
    size_t len;
    if (rp_graph_write(g, "svg", tmp, err, errlen) == 0) {
      if (as_read_file(tmp, &svg, &len) != 0) {
        snprintf(err, errlen, "cannot read %s: %s", tmp, strerror(errno));
        svg = NULL;
      } else {
        char *start = strstr(svg, "<svg");
        if (!start) {
          snprintf(err, errlen, "the flows graph's SVG has no <svg element");
          free(svg);
          svg = NULL;
        } else {
          memmove(svg, start, strlen(start) + 1);
        }
      }
    }
    unlink(tmp);
  }
  free(tmp);
  rp_graph_close(g);
  return svg;
}

int rp_write_html(const an_result *res, const rp_summary *s, FILE *out, char *err, size_t errlen) {
  char *svg = rp__html_svg(res, err, errlen);
  if (!svg) return -1;
  size_t counts[AN_STATE_ABSENT + 1] = {0}, nsuppressed = 0;
  size_t flow[AN_STATE_ABSENT + 1] = {0}, access_new = 0, access_open = 0;
  for (size_t i = 0; i < res->nfindings; i++) {
    const an_finding *f = &res->findings[i];
    bool access = strncmp(f->rule_id, "assay/access-", 13) == 0;
    if ((unsigned)f->state <= AN_STATE_ABSENT) {
      counts[f->state]++;
      if (!access) flow[f->state]++;
    }
    if (f->suppressed_reason) nsuppressed++;
    if (access && f->state == AN_STATE_NEW) {
      access_new++;
      if (!f->suppressed_reason) access_open++;
    }
  }
  const char *verdict = rp__html_or(s->verdict, "pass");
  const char *title = rp__html_or(s->title, ".");
  fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Assay "
        "check: ",
        out);
  rp__h(out, title);
  fprintf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>Assay check: ", rp__html_css);
  rp__html_verdict(out, verdict);
  fputs("</h1>\n<p>Checked <code>", out);
  rp__h(out, title);
  fprintf(out,
          "</code>: <span id=\"count-new\">%zu</span> new, <span "
          "id=\"count-unchanged\">%zu</span> unchanged, <span id=\"count-absent\">%zu</span> "
          "absent.</p>\n",
          counts[AN_STATE_NEW], counts[AN_STATE_UNCHANGED], counts[AN_STATE_ABSENT]);
  fputs("<h2>Gates</h2>\n<table id=\"gates\"><thead><tr><th>Gate</th><th>Verdict</th>"
        "<th>Details</th></tr></thead><tbody>\n<tr><td>Data flow</td><td>",
        out);
  rp__html_verdict(out, rp__html_or(s->flow_verdict, verdict));
  fprintf(out, "</td><td>%zu new, %zu unchanged, %zu absent, %zu suppressed</td></tr>\n",
          flow[AN_STATE_NEW], flow[AN_STATE_UNCHANGED], flow[AN_STATE_ABSENT], nsuppressed);
  if (access_new) {
    fputs("<tr><td>Data access</td><td>", out);
    rp__html_verdict(out, access_open ? "fail" : "pass");
    fprintf(out, "</td><td>%zu new reads, writes or tables of personal data</td></tr>\n",
            access_new);
  }
  if (s->perf) {
    fputs("<tr><td>Performance</td><td>", out);
    rp__html_verdict(out, pf_report_verdict(s->perf));
    fprintf(out, "</td><td>%zu regressions, %zu improvements, %zu inconclusive</td></tr>\n",
            s->perf->counts[PF_REGRESSION], s->perf->counts[PF_IMPROVEMENT],
            s->perf->counts[PF_INCONCLUSIVE]);
  }
  fputs("</tbody></table>\n", out);
  rp__html_findings(out, res, AN_STATE_NEW, "new-findings", "New findings", counts[AN_STATE_NEW]);
  rp__html_findings(out, res, AN_STATE_ABSENT, "absent-findings", "Absent findings",
                    counts[AN_STATE_ABSENT]);
  if (s->nexceptions) {
    fprintf(out,
            "<h2>Exceptions applied (%zu)</h2>\n<table id=\"exceptions\"><thead><tr>"
            "<th>Fingerprint</th><th>Rule</th><th>Reason</th><th>Expires</th><th>Origin</th>"
            "</tr></thead><tbody>\n",
            s->nexceptions);
    for (size_t i = 0; i < s->nexceptions; i++) {
      const rp_exception *e = &s->exceptions[i];
      char fp[13] = {0};
      strncpy(fp, rp__html_or(e->fingerprint, "?"), 12);
      fputs("<tr><td><code>", out);
      rp__h(out, fp);
      fputs("</code></td><td>", out);
      rp__h(out, rp__html_or(e->rule, "any"));
      fputs("</td><td>", out);
      rp__h(out, rp__html_or(e->reason, ""));
      fputs("</td><td>", out);
      rp__h(out, rp__html_or(e->expires, "never"));
      fputs("</td><td>", out);
      rp__h(out, rp__html_or(e->origin, "policy"));
      fputs("</td></tr>\n", out);
    }
    fputs("</tbody></table>\n", out);
  }
  fputs("<h2>Flows (diff against the baseline)</h2>\n<p>New flows bold red, absent ones dashed "
        "grey, unchanged ones plain.</p>\n<div class=\"graph\">\n",
        out);
  fputs(svg, out);
  fputs("</div>\n</body>\n</html>\n", out);
  free(svg);
  if (fflush(out) != 0 || ferror(out)) {
    snprintf(err, errlen, "write error");
    return -1;
  }
  return 0;
}
