/* findings.c — the findings container, its order and the stable fingerprint. */
#include "findings.h"
#include "contract.h"

#include <stdlib.h>
#include <string.h>

static const char *const an__state_names[] = {"none", "new", "unchanged", "absent"};

const char *an_state_name(an_state s) {
  return (unsigned)s <= AN_STATE_ABSENT ? an__state_names[s] : "?";
}

an_result *an_result_new(void) {
  an_result *self = as_calloc(1, sizeof(*self));
  self->arena = as_arena_new();
  return self;
}

void an_result_delete(an_result *self) {
  if (!self) return;
  /* The two record arrays grow by realloc; everything they point to is in the arena. */
  free(self->findings);
  free(self->diags);
  free(self->c_headers);
  an_contract_set_delete(self->contract);
  as_arena_delete(self->arena);
  free(self);
}

an_finding *an_result_add(an_result *self, const an_finding *f) {
  if (self->nfindings == self->cap) {
    self->cap = self->cap ? self->cap * 2 : 16;
    self->findings = as_realloc(self->findings, self->cap * sizeof(*self->findings));
  }
  as_arena *a = self->arena;
  an_finding *c = &self->findings[self->nfindings++];
  *c = *f;
  c->rule_id = as_arena_strdup(a, f->rule_id);
  c->service = as_arena_strdup(a, f->service);
  c->source_symbol = as_arena_strdup(a, f->source_symbol);
  c->sink_symbol = as_arena_strdup(a, f->sink_symbol);
  c->fingerprint = as_arena_strdup(a, f->fingerprint);
  c->path = as_arena_strdup(a, f->path);
  c->message = as_arena_strdup(a, f->message);
  c->suppressed_reason = as_arena_strdup(a, f->suppressed_reason);
  c->suppressed_origin = as_arena_strdup(a, f->suppressed_origin);
  c->contract_class = as_arena_strdup(a, f->contract_class);
  c->categories = NULL;
  if (f->ncategories) {
    c->categories = as_arena_alloc(a, f->ncategories * sizeof(*c->categories));
    for (uint32_t i = 0; i < f->ncategories; i++)
      c->categories[i] = as_arena_strdup(a, f->categories[i]);
  }
  c->steps = NULL;
  if (f->nsteps) {
    c->steps = as_arena_alloc(a, f->nsteps * sizeof(*c->steps));
    for (uint32_t i = 0; i < f->nsteps; i++) {
      const an_step *s = &f->steps[i];
      c->steps[i] = (an_step){.path = as_arena_strdup(a, s->path),
                              .line = s->line,
                              .col = s->col,
                              .function = as_arena_strdup(a, s->function),
                              .message = as_arena_strdup(a, s->message),
                              .service = as_arena_strdup(a, s->service),
                              .link = s->link};
    }
  }
  c->services = NULL;
  if (f->nservices) {
    c->services = as_arena_alloc(a, f->nservices * sizeof(*c->services));
    for (uint32_t i = 0; i < f->nservices; i++)
      c->services[i] = as_arena_strdup(a, f->services[i]);
  }
  return c;
}

void an_result_add_diag(an_result *self, const as_diag *d) {
  if (self->ndiags == self->diags_cap) {
    self->diags_cap = self->diags_cap ? self->diags_cap * 2 : 16;
    self->diags = as_realloc(self->diags, self->diags_cap * sizeof(*self->diags));
  }
  as_diag *c = &self->diags[self->ndiags++];
  *c = *d;
  c->path = as_arena_strdup(self->arena, d->path);
  c->code = as_arena_strdup(self->arena, d->code);
  c->message = as_arena_strdup(self->arena, d->message);
}

void an_result_add_c_header(an_result *self, const char *service, const char *path,
                            const char *rule, const char *origin) {
  if (self->nc_headers == self->c_headers_cap) {
    self->c_headers_cap = self->c_headers_cap ? self->c_headers_cap * 2 : 8;
    self->c_headers = as_realloc(self->c_headers, self->c_headers_cap * sizeof(*self->c_headers));
  }
  as_arena *a = self->arena;
  self->c_headers[self->nc_headers++] =
      (an_c_header_rec){as_arena_strdup(a, service), as_arena_strdup(a, path),
                        as_arena_strdup(a, rule), as_arena_strdup(a, origin)};
}

/* NULL sorts before every string, so a half-filled finding still has a place. */
static int an__strcmp(const char *a, const char *b) {
  if (a == b) return 0;
  if (!a) return -1;
  if (!b) return 1;
  return strcmp(a, b);
}

static int an__cmp_u32(uint32_t a, uint32_t b) {
  return a < b ? -1 : a > b;
}

/* (path, line, col, fingerprint) is the documented order; the remaining keys
 * only make ties deterministic, since qsort is not stable. */
static int an__finding_cmp(const void *pa, const void *pb) {
  const an_finding *a = pa, *b = pb;
  int c;
  if ((c = an__strcmp(a->path, b->path))) return c;
  if ((c = an__cmp_u32(a->line, b->line))) return c;
  if ((c = an__cmp_u32(a->col, b->col))) return c;
  if ((c = an__strcmp(a->fingerprint, b->fingerprint))) return c;
  if ((c = an__cmp_u32(a->state, b->state))) return c;
  if ((c = an__strcmp(a->rule_id, b->rule_id))) return c;
  if ((c = an__strcmp(a->sink_symbol, b->sink_symbol))) return c;
  if ((c = an__strcmp(a->source_symbol, b->source_symbol))) return c;
  if ((c = an__strcmp(a->message, b->message))) return c;
  return an__cmp_u32(a->nsteps, b->nsteps);
}

static int an__diag_cmp(const void *pa, const void *pb) {
  const as_diag *a = pa, *b = pb;
  int c;
  if ((c = an__strcmp(a->path, b->path))) return c;
  if ((c = an__cmp_u32(a->line, b->line))) return c;
  if ((c = an__cmp_u32(a->col, b->col))) return c;
  if ((c = an__cmp_u32(a->level, b->level))) return c;
  if ((c = an__strcmp(a->code, b->code))) return c;
  return an__strcmp(a->message, b->message);
}

void an_result_sort(an_result *self) {
  if (self->nfindings > 1)
    qsort(self->findings, self->nfindings, sizeof(*self->findings), an__finding_cmp);
  if (self->ndiags > 1) qsort(self->diags, self->ndiags, sizeof(*self->diags), an__diag_cmp);
}

static int an__cat_cmp(const void *pa, const void *pb) {
  return an__strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

const char *an_finding_fingerprint(as_arena *arena, const an_finding *f) {
  as_buf b = {0};
  as_buf_puts(&b, "assay-fp-1\n");
  as_buf_puts(&b, f->rule_id ? f->rule_id : "");
  as_buf_putc(&b, '\n');
  /* Categories are documented as sorted and unique; sorting a copy here keeps
   * the identity independent of the order a producer happened to use. */
  const char **cats = NULL;
  if (f->ncategories) {
    cats = as_malloc(f->ncategories * sizeof(*cats));
    memcpy(cats, f->categories, f->ncategories * sizeof(*cats));
    qsort(cats, f->ncategories, sizeof(*cats), an__cat_cmp);
  }
  const char *prev = NULL;
  bool first = true;
  for (uint32_t i = 0; i < f->ncategories; i++) {
    if (!cats[i] || (prev && strcmp(prev, cats[i]) == 0)) continue;
    if (!first) as_buf_putc(&b, ',');
    as_buf_puts(&b, cats[i]);
    prev = cats[i];
    first = false;
  }
  free(cats);
  as_buf_putc(&b, '\n');
  as_buf_puts(&b, f->source_symbol ? f->source_symbol : "");
  as_buf_putc(&b, '\n');
  as_buf_puts(&b, f->sink_symbol ? f->sink_symbol : "");
  as_buf_putc(&b, '\n');
  as_buf_puts(&b, f->service ? f->service : "");
  if (f->nservices > 1) {
    as_buf_puts(&b, "\nvia ");
    for (uint32_t i = 0; i < f->nservices; i++)
      as_buf_printf(&b, "%s%s", i ? "," : "", f->services[i]);
  }
  char hex[65];
  as_sha256_hex(b.data, b.len, hex);
  as_buf_free(&b);
  return as_arena_strdup(arena, hex);
}

void an_finding_set_services(as_arena *arena, an_finding *f) {
  f->services = NULL;
  f->nservices = 0;
  uint32_t n = 0;
  const char *prev = NULL;
  for (uint32_t i = 0; i < f->nsteps; i++) {
    const char *s = f->steps[i].service;
    if (s && (!prev || strcmp(prev, s) != 0)) n++, prev = s;
  }
  if (n < 2) return;
  f->services = as_arena_alloc(arena, n * sizeof(*f->services));
  prev = NULL;
  for (uint32_t i = 0; i < f->nsteps; i++) {
    const char *s = f->steps[i].service;
    if (s && (!prev || strcmp(prev, s) != 0)) f->services[f->nservices++] = prev = s;
  }
}

/* Sorted, unique insertion of s into a string list of the arena. */
void an_sorted_add(as_arena *a, const char ***list, uint32_t *n, const char *s) {
  uint32_t at = 0;
  while (at < *n && strcmp((*list)[at], s) < 0)
    at++;
  if (at < *n && strcmp((*list)[at], s) == 0) return;
  const char **nl = as_arena_alloc(a, (*n + 1) * sizeof(char *));
  if (at) memcpy(nl, *list, at * sizeof(char *));
  nl[at] = as_arena_strdup(a, s);
  if (*n > at) memcpy(nl + at + 1, *list + at, (*n - at) * sizeof(char *));
  *list = nl;
  (*n)++;
}
