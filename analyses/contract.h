/*
 * contract.h — the behavioural contract as a set of items, and its diff.
 *
 * Every part of the contract surface — a C function or struct field, a
 * protobuf field or gRPC method, an HTTP operation or one of its parameters —
 * is one item: a kind, a key that identifies it stably within the kind (never
 * a line number), and a canonical value that changes exactly when the item's
 * meaning for callers changes. Extractors (analyses/abi.c for C through
 * libclang, analyses/proto.c's an_proto_contract for .proto files,
 * analyses/openapi.c for OpenAPI 3 documents, the HTTP routes found in code)
 * fill a set; the baseline stores it; an_contract_diff compares two sets by
 * (kind, key) and asks the classifier of the item's domain what each
 * difference means: breaking, potentially breaking, or compatible.
 *
 * Values are lines "name=value" joined by '\n', in a fixed order chosen by
 * the extractor (an_contract_attr reads one back), so two items compare equal
 * when their values are equal strings.
 */
#ifndef ASSAY_CONTRACT_H
#define ASSAY_CONTRACT_H

#include "../ir/base.h"

typedef enum {
  AN_CHANGE_COMPATIBLE,
  AN_CHANGE_POTENTIALLY_BREAKING,
  AN_CHANGE_BREAKING,
} an_change_class;
const char *an_change_class_name(an_change_class c); /* "compatible", "potentially-breaking",
                                                        "breaking" */

typedef struct an_contract_item {
  const char *kind;    /* "c.function", "proto.field", "http.param", ... (see each extractor) */
  const char *key;     /* identity within the kind: "ledger_post", "struct entry.amount",
                          "billing.v1.CreateCustomerRequest#2", "POST /users query:limit" */
  const char *value;   /* canonical "name=value\n..." lines */
  const char *display; /* for messages: "int ledger_post(const struct entry *)" */
  const char *service; /* the service it belongs to ("." for the root), or NULL */
  const char *path;    /* where it is declared, relative to the scan root */
  uint32_t line;
} an_contract_item;

typedef struct an_contract_set an_contract_set;

an_contract_set *an_contract_set_new(void);
void an_contract_set_delete(an_contract_set *self); /* NULL is safe */
/* Add an item; every string is copied. A second item with the same (kind,
 * key) replaces nothing: both are kept, and the diff pairs them in order. */
void an_contract_add(an_contract_set *self, const char *kind, const char *key, const char *value,
                     const char *display, const char *service, const char *path, uint32_t line);
size_t an_contract_count(const an_contract_set *self);
const an_contract_item *an_contract_at(const an_contract_set *self, size_t i);
/* The item of (kind, key), or NULL. */
const an_contract_item *an_contract_find(const an_contract_set *self, const char *kind,
                                         const char *key);
/* The value of attribute name in item->value (copied into buf, size n), or
 * NULL when the item has no such line. */
const char *an_contract_attr(const an_contract_item *item, const char *name, char *buf, size_t n);

typedef struct an_contract_change {
  an_change_class cls;
  const char *change;                     /* the change kind, a stable id: "c.function-removed",
                                             "proto.field-type-changed", "http.param-newly-required" */
  const char *message;                    /* one sentence for the report */
  const an_contract_item *before, *after; /* either may be NULL (added / removed) */
} an_contract_change;

typedef struct an_contract_changes an_contract_changes;

/* Record a change (message copied). Classifiers call this. */
void an_contract_report(an_contract_changes *out, an_change_class cls, const char *change,
                        const an_contract_item *before, const an_contract_item *after,
                        const char *message);

/* A domain's classifier: what the difference between before and after (one
 * of them NULL for an item removed or added; both with different values for
 * an item changed) means for callers. It reports zero or more changes.
 * before_set and after_set give the context (is this struct reachable from an
 * exported function? is this message used by a method?). */
typedef void (*an_contract_classifier)(const an_contract_set *before_set,
                                       const an_contract_set *after_set,
                                       const an_contract_item *before,
                                       const an_contract_item *after, an_contract_changes *out);

/* Compare before with after, matching items by (service, kind, key): every item of a kind whose
 * prefix (up to the first '.') has a classifier is classified; items of other kinds that differ
 * give a "KIND-removed"/"-added"/"-changed" change, potentially breaking when removed or changed,
 * compatible when added. Changes come out in a stable order (service, kind, key). An item removed
 * (added) together with its parent — a field with its message or struct, an enum constant with its
 * enum, a parameter or field with its HTTP operation — is not reported on its own. The result owns
 * copies of everything it points to; free with an_contract_changes_delete. */
an_contract_changes *an_contract_diff(const an_contract_set *before, const an_contract_set *after);
void an_contract_changes_delete(an_contract_changes *self); /* NULL is safe */
size_t an_contract_nchanges(const an_contract_changes *self);
const an_contract_change *an_contract_change_at(const an_contract_changes *self, size_t i);

#endif
