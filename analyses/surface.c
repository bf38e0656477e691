/* surface.c — attack-surface regressions against the baseline. */
#include "surface.h"

#include "contract.h"

#include <string.h>

bool an_surface_is_contract_rule(const char *rule) {
  return rule &&
         (strncmp(rule, "assay/surface-", 14) == 0 || strncmp(rule, "assay/contract-", 15) == 0 ||
          strncmp(rule, "assay/change/", 13) == 0);
}

static const char *an_surface__s(const char *s) {
  return s ? s : "";
}

static bool an_surface__same(const an_endpoint_rec *a, const an_endpoint_rec *b) {
  return strcmp(an_surface__s(a->service), an_surface__s(b->service)) == 0 &&
         strcmp(an_surface__s(a->protocol), an_surface__s(b->protocol)) == 0 &&
         strcmp(an_surface__s(a->method), an_surface__s(b->method)) == 0 &&
         strcmp(an_surface__s(a->target), an_surface__s(b->target)) == 0;
}

static bool an_surface__has(const char *const *v, uint32_t n, const char *s) {
  for (uint32_t i = 0; i < n; i++)
    if (strcmp(an_surface__s(v[i]), s) == 0) return true;
  return false;
}

/* "POST /users" (HTTP), "rpc /billing.v1.Billing/CreateCustomer", "kafka user-events" */
static void an_surface__name(char *out, size_t n, const an_endpoint_rec *e) {
  snprintf(out, n, "%s %s", e->method ? e->method : "rpc", an_surface__s(e->display));
}

static void an_surface__add(an_result *cur, const char *rule, const an_endpoint_rec *e,
                            const char *what, const char *category, const char *msg,
                            const an_endpoint_rec *was) {
  an_finding f = {0};
  f.rule_id = rule;
  f.sink_kind = IR_SINK_NONE;
  const char *cats[1] = {category};
  f.categories = cats;
  f.ncategories = category ? 1 : 0;
  f.service = e->service;
  char src[1024], sink[1536];
  snprintf(src, sizeof src, "%s:%s:%s:%s", an_surface__s(e->service), an_surface__s(e->protocol),
           e->method ? e->method : "rpc", an_surface__s(e->target));
  snprintf(sink, sizeof sink, "%s:%s", src, what ? what : "");
  f.source_symbol = src;
  f.sink_symbol = sink;
  f.path = e->path;
  f.line = e->line;
  f.col = 1;
  f.message = msg;
  an_step steps[2];
  uint32_t n = 0;
  if (was && was->path)
    steps[n++] = (an_step){was->path, was->line, 1, was->handler, "in the baseline", e->service, 0};
  steps[n++] = (an_step){e->path, e->line, 1, e->handler, "now", e->service, 0};
  f.steps = steps;
  f.nsteps = n;
  f.state = AN_STATE_NEW;
  f.fingerprint = an_finding_fingerprint(cur->arena, &f);
  an_result_add(cur, &f);
}

size_t an_surface_contract_diff(const an_contract_set *before, const an_contract_set *after,
                                an_result *cur) {
  an_contract_changes *ch = an_contract_diff(before, after);
  size_t n = an_contract_nchanges(ch);
  for (size_t i = 0; i < n; i++) {
    const an_contract_change *c = an_contract_change_at(ch, i);
    /* identity from the old item (a rename is reported on its old key),
     * location from the new one when there is one */
    const an_contract_item *it = c->before ? c->before : c->after;
    const an_contract_item *at = c->after ? c->after : c->before;
    char rule[300], src[1200], sink[1500];
    snprintf(rule, sizeof rule, "assay/change/%s", c->change);
    snprintf(src, sizeof src, "%s:%s:%s", an_surface__s(it->service), it->kind, it->key);
    snprintf(sink, sizeof sink, "%s:%s", src, c->change);
    an_finding f = {0};
    f.rule_id = rule;
    f.sink_kind = IR_SINK_NONE;
    f.service = it->service ? it->service : ".";
    f.source_symbol = src;
    f.sink_symbol = sink;
    f.path = at->path;
    f.line = at->line;
    f.col = 1;
    f.message = c->message;
    f.contract_class = an_change_class_name(c->cls);
    an_step steps[2];
    uint32_t ns = 0;
    if (c->before)
      steps[ns++] = (an_step){c->before->path,     c->before->line,    1, c->before->display,
                              "before the change", c->before->service, 0};
    if (c->after)
      steps[ns++] = (an_step){c->after->path,     c->after->line,    1, c->after->display,
                              "after the change", c->after->service, 0};
    f.steps = steps;
    f.nsteps = ns;
    f.state = AN_STATE_NEW;
    f.fingerprint = an_finding_fingerprint(cur->arena, &f);
    an_result_add(cur, &f);
  }
  an_contract_changes_delete(ch);
  return n;
}

size_t an_surface_diff(const an_result *base, an_result *cur) {
  size_t before = cur->nfindings;
  char name[768], msg[1536];
  for (size_t i = 0; i < cur->nendpoints; i++) {
    const an_endpoint_rec *e = &cur->endpoints[i];
    bool dup = false; /* the same endpoint declared twice: one finding */
    for (size_t k = 0; k < i && !dup; k++)
      dup = an_surface__same(&cur->endpoints[k], e);
    if (dup) continue;
    const an_endpoint_rec *was = NULL;
    for (size_t k = 0; k < base->nendpoints && !was; k++)
      if (an_surface__same(&base->endpoints[k], e)) was = &base->endpoints[k];
    an_surface__name(name, sizeof name, e);
    if (!was) {
      snprintf(msg, sizeof msg,
               "New %s endpoint %s in service %s (handled by %s)%s%s: the attack surface grew",
               an_surface__s(e->protocol), name, an_surface__s(e->service),
               an_surface__s(e->handler), e->nguards ? ", guarded by " : ", with no auth guard",
               e->nguards ? e->guards[0] : "");
      an_surface__add(cur, "assay/surface-endpoint-added", e, NULL, NULL, msg, NULL);
      continue;
    }
    for (uint32_t g = 0; g < was->nguards; g++) {
      if (an_surface__has(e->guards, e->nguards, was->guards[g])) continue;
      snprintf(msg, sizeof msg,
               "The %s endpoint %s in service %s lost its auth guard %s (%s:%u in the baseline)%s",
               an_surface__s(e->protocol), name, an_surface__s(e->service), was->guards[g],
               an_surface__s(was->path), was->line,
               e->nguards ? "" : ": it is now open to any caller");
      an_surface__add(cur, "assay/surface-auth-removed", e, was->guards[g], NULL, msg, was);
    }
    for (uint32_t c = 0; c < e->nresponse; c++) {
      if (an_surface__has(was->response, was->nresponse, e->response[c])) continue;
      snprintf(msg, sizeof msg,
               "The responses of the %s endpoint %s in service %s newly carry personal data (%s)",
               an_surface__s(e->protocol), name, an_surface__s(e->service), e->response[c]);
      an_surface__add(cur, "assay/surface-response-pii", e, e->response[c], e->response[c], msg,
                      was);
    }
  }
  return cur->nfindings - before;
}
