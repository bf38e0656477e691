/*
 * models.h — library models: which calls are sinks, sanitizers, propagators.
 *
 * The models are data (analyses/data/models.tsv, embedded at build time; its
 * header documents the format). an_models_apply attaches the facts to the
 * CALL instructions of a unit after lowering, so the cached unit stays
 * independent of the models.
 */
#ifndef ASSAY_MODELS_H
#define ASSAY_MODELS_H

#include "../ir/ir.h"

typedef struct an_models an_models;

/* The built-in models. Aborts if the embedded file is malformed (a build bug). */
an_models *an_models_new_default(void);
an_models *an_models_new_empty(void);
void an_models_delete(an_models *self); /* NULL is safe */
/* Add models from text; returns 0 or -1 with "origin:line: problem" in err. */
int an_models_add_text(an_models *self, const char *text, const char *origin, char *err,
                       size_t errlen);
size_t an_models_count(const an_models *self);

/* Set fact/sink_kind/fact_from/fact_to on every CALL of the unit. */
void an_models_apply(const an_models *self, ir_unit *unit);

#endif
