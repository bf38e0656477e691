/* text.c — the plain-text report for terminals and CI logs. Colour (new
 * findings red, absent ones grey) only when out is a terminal and NO_COLOR is
 * not set (https://no-color.org: set and not empty); never in a file or pipe. */
#include "report.h"

#include <stdlib.h>
#include <unistd.h>

static const char *rp__or(const char *s, const char *dflt) {
  return s ? s : dflt;
}

int rp_write_text(const an_result *res, const rp_options *opt, FILE *out) {
  bool states = opt && opt->with_states;
  size_t counts[AN_STATE_ABSENT + 1] = {0};
  size_t nsuppressed = 0;
  const char *no_color = getenv("NO_COLOR");
  bool colour = isatty(fileno(out)) && !(no_color && *no_color);
  for (size_t i = 0; i < res->nfindings; i++) {
    const an_finding *f = &res->findings[i];
    if ((unsigned)f->state <= AN_STATE_ABSENT) counts[f->state]++;
    const char *on = !colour                       ? NULL
                     : f->state == AN_STATE_NEW    ? "\033[31m"
                     : f->state == AN_STATE_ABSENT ? "\033[90m"
                                                   : NULL;
    if (on) fputs(on, out);
    fprintf(out, "%s:%u:%u: ", rp__or(f->path, "?"), f->line, f->col);
    if (states) fprintf(out, "[%s] ", an_state_name(f->state));
    fputs(rp__or(f->rule_id, "?"), out);
    for (uint32_t c = 0; c < f->ncategories; c++)
      fprintf(out, "%c%s", c ? ',' : ' ', rp__or(f->categories[c], "?"));
    fprintf(out, ": %s%s\n", rp__or(f->message, ""), on ? "\033[0m" : "");
    if (f->suppressed_reason) {
      nsuppressed++;
      fprintf(out, "    suppressed (%s): %s\n", rp__or(f->suppressed_origin, "policy"),
              f->suppressed_reason);
    }
    for (uint32_t s = 0; s < f->nsteps; s++) {
      const an_step *st = &f->steps[s];
      fprintf(out, "    %s:%u:%u: %s\n", rp__or(st->path, "?"), st->line, st->col,
              rp__or(st->message, ""));
    }
  }
  for (size_t i = 0; i < res->ndiags; i++) {
    const as_diag *d = &res->diags[i];
    fprintf(out, "%s:%u:%u: %s: %s", rp__or(d->path, "?"), d->line, d->col,
            as_diag_level_name(d->level), rp__or(d->message, ""));
    if (d->code) fprintf(out, " [%s]", d->code);
    fputc('\n', out);
  }
  for (size_t i = 0; i < res->nc_headers; i++) {
    const an_c_header_rec *h = &res->c_headers[i];
    fprintf(out, "public C header of %s: %s (rule %s%s%s)\n", rp__or(h->service, "."),
            rp__or(h->path, "?"), rp__or(h->rule, "?"), h->origin && h->origin[0] ? ", " : "",
            rp__or(h->origin, ""));
  }
  fprintf(out, "%zu finding%s", res->nfindings, res->nfindings == 1 ? "" : "s");
  if (states)
    fprintf(out, " (%zu new, %zu unchanged, %zu absent)", counts[AN_STATE_NEW],
            counts[AN_STATE_UNCHANGED], counts[AN_STATE_ABSENT]);
  if (nsuppressed) fprintf(out, ", %zu suppressed", nsuppressed);
  fprintf(out, ", %zu files scanned, %zu failed\n", res->files_scanned, res->files_failed);
  if (res->naccesses || res->ntables || res->nunresolved_access)
    fprintf(
        out, "data access: %zu access%s, %zu table%s in the schemas, %zu statement%s not read\n",
        res->naccesses, res->naccesses == 1 ? "" : "es", res->ntables, res->ntables == 1 ? "" : "s",
        res->nunresolved_access, res->nunresolved_access == 1 ? "" : "s");
  const pf_report *p = opt ? opt->perf : NULL;
  for (size_t i = 0; p && i < p->nresults; i++) {
    const pf_result *r = &p->results[i];
    fprintf(out, "perf: [%s] %s", pf_verdict_name(r->verdict), rp__or(r->message, r->name));
    if (r->tested && r->hl.has_ci)
      fprintf(out, "; %.0f%% interval [%+.6g, %+.6g] ns", r->hl.confidence * 100, r->hl.ci_low,
              r->hl.ci_high);
    if (r->tol.reason) fprintf(out, "; policy: %s", r->tol.reason);
    fputc('\n', out);
  }
  for (size_t i = 0; p && i < p->nadded; i++)
    fprintf(out, "perf: [added] %s: not in the baseline\n", p->added[i]);
  for (size_t i = 0; p && i < p->nmissing; i++)
    fprintf(out, "perf: [missing] %s: in the baseline, not measured now\n", p->missing[i]);
  if (p)
    fprintf(out,
            "performance: %s — %zu regressions, %zu improvements, %zu inconclusive, %zu "
            "unchanged\n",
            pf_report_verdict(p), p->counts[PF_REGRESSION], p->counts[PF_IMPROVEMENT],
            p->counts[PF_INCONCLUSIVE], p->counts[PF_UNCHANGED]);
  return fflush(out) != 0 || ferror(out) ? -1 : 0;
}
