/*
 * flow.h — the inter-procedural data-flow analysis of one service.
 *
 * Personal data is classified where a field, attribute or key whose name the
 * catalogue recognises is read (user.email, entry->user_email, body["email"]),
 * and at the parameters of entry points (functions no code in the service
 * calls) whose names it recognises. It propagates through copies, string
 * building, containers and fields (one level), and across calls through
 * per-function summaries computed over the call graph until they stop growing
 * (recursion terminates). Sanitizers stop it; sinks report it, with the path.
 */
#ifndef ASSAY_FLOW_H
#define ASSAY_FLOW_H

#include "catalogue.h"
#include "findings.h"

struct an_links;

/* The units of one service. */
typedef struct an_flow_service {
  const char *name; /* service root ("." for the repository root) */
  ir_unit *const *units;
  size_t nunits;
} an_flow_service;

/* Analyse the units of every service (facts already attached by the models
 * pass) as one program and append the findings to res. Calls resolve within
 * their service; a client call that links (links, may be NULL) resolves to
 * the handler in the service that answers it, so personal data follows the
 * request into the handler and the response back, across as many services
 * as it goes. Units that failed to parse are skipped. hosts are the names
 * the repository's services answer to: an outbound call to a literal URL on
 * one of them is not an external sink. */
void an_flow_analyze(const an_flow_service *services, size_t nservices,
                     const struct an_links *links, const an_catalogue *catalogue,
                     const char *const *hosts, size_t nhosts, an_result *res);

#endif
