/* summary.c — the pull-request summary: Markdown tables of the gates, the new
 * and absent findings and the exceptions applied. */
#include "report.h"

#include <string.h>

static const char *rp__sum_or(const char *s, const char *dflt) {
  return s && *s ? s : dflt;
}

/* Text for a Markdown table cell: ASCII punctuation that Markdown reads is
 * backslash-escaped (| splits cells), line breaks become <br>. */
static void rp__md(FILE *out, const char *s) {
  for (; s && *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '\r') {
      if (s[1] != '\n') fputs("<br>", out);
    } else if (c == '\n') {
      fputs("<br>", out);
    } else if (strchr("\\|`*_[]<>#~!", c)) {
      fputc('\\', out);
      fputc(c, out);
    } else if (c < 0x20 || c == 0x7f) {
      fputc(' ', out);
    } else {
      fputc(c, out);
    }
  }
}

/* A link destination: unreserved characters and '/' as they are, everything
 * else percent-encoded. */
static void rp__md_url(FILE *out, const char *s) {
  for (; s && *s; s++) {
    unsigned char c = (unsigned char)*s;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
        strchr("/-._~", c))
      fputc(c, out);
    else
      fprintf(out, "%%%02X", c);
  }
}

static void rp__md_categories(FILE *out, const an_finding *f) {
  for (uint32_t c = 0; c < f->ncategories; c++) {
    if (c) fputs(", ", out);
    rp__md(out, f->categories[c]);
  }
}

static void rp__md_findings(FILE *out, const an_result *res, const rp_summary *s, an_state state,
                            const char *heading, size_t n) {
  fprintf(out, "\n## %s (%zu)\n\n", heading, n);
  if (!n) {
    fputs("None.\n", out);
    return;
  }
  fputs("| Rule | Categories | Sink | Location | Message |\n", out);
  fputs("|---|---|---|---|---|\n", out);
  for (size_t i = 0; i < res->nfindings; i++) {
    const an_finding *f = &res->findings[i];
    if (f->state != state) continue;
    fputs("| ", out);
    rp__md(out, rp__sum_or(f->rule_id, "?"));
    fputs(" | ", out);
    rp__md_categories(out, f);
    fputs(" | ", out);
    rp__md(out, ir_sink_kind_name(f->sink_kind));
    fputs(" | [", out);
    rp__md(out, rp__sum_or(f->path, "?"));
    fprintf(out, ":%u](", f->line);
    rp__md_url(out, s->link_prefix);
    rp__md_url(out, rp__sum_or(f->path, "?"));
    fprintf(out, "#L%u) | ", f->line);
    rp__md(out, rp__sum_or(f->message, ""));
    if (f->suppressed_reason) {
      fputs(" (allowed: ", out);
      rp__md(out, f->suppressed_reason);
      fputc(')', out);
    }
    fputs(" |\n", out);
  }
}

int rp_write_summary(const an_result *res, const rp_summary *s, FILE *out) {
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
  const char *verdict = rp__sum_or(s->verdict, "pass");
  fprintf(out, "# Assay check: %s\n\n", verdict);
  fputs("Checked `", out);
  for (const char *t = rp__sum_or(s->title, "."); *t; t++)
    fputc(*t == '`' || *t == '\n' || *t == '\r' ? '\'' : *t, out);
  fprintf(out, "`: %zu new, %zu unchanged, %zu absent.\n\n", counts[AN_STATE_NEW],
          counts[AN_STATE_UNCHANGED], counts[AN_STATE_ABSENT]);
  fputs("| Gate | Verdict | Details |\n", out);
  fputs("|---|---|---|\n", out);
  fprintf(out, "| Data flow | %s | %zu new, %zu unchanged, %zu absent, %zu suppressed |\n",
          rp__sum_or(s->flow_verdict, verdict), flow[AN_STATE_NEW], flow[AN_STATE_UNCHANGED],
          flow[AN_STATE_ABSENT], nsuppressed);
  if (access_new)
    fprintf(out, "| Data access | %s | %zu new reads, writes or tables of personal data |\n",
            access_open ? "fail" : "pass", access_new);
  if (s->perf)
    fprintf(out, "| Performance | %s | %zu regressions, %zu improvements, %zu inconclusive |\n",
            pf_report_verdict(s->perf), s->perf->counts[PF_REGRESSION],
            s->perf->counts[PF_IMPROVEMENT], s->perf->counts[PF_INCONCLUSIVE]);
  rp__md_findings(out, res, s, AN_STATE_NEW, "New findings", counts[AN_STATE_NEW]);
  rp__md_findings(out, res, s, AN_STATE_ABSENT, "Absent findings", counts[AN_STATE_ABSENT]);
  if (s->nexceptions) {
    fprintf(out, "\n## Exceptions applied (%zu)\n\n", s->nexceptions);
    fputs("| Fingerprint | Rule | Reason | Expires | Origin |\n", out);
    fputs("|---|---|---|---|---|\n", out);
    for (size_t i = 0; i < s->nexceptions; i++) {
      const rp_exception *e = &s->exceptions[i];
      fputs("| ", out);
      char fp[13] = {0};
      strncpy(fp, rp__sum_or(e->fingerprint, "?"), 12);
      rp__md(out, fp);
      fputs(" | ", out);
      rp__md(out, rp__sum_or(e->rule, "any"));
      fputs(" | ", out);
      rp__md(out, rp__sum_or(e->reason, ""));
      fputs(" | ", out);
      rp__md(out, rp__sum_or(e->expires, "never"));
      fputs(" | ", out);
      rp__md(out, rp__sum_or(e->origin, "policy"));
      fputs(" |\n", out);
    }
  }
  return fflush(out) != 0 || ferror(out) ? -1 : 0;
}
