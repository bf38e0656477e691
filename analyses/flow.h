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
struct an_access_set;

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
 * one of them is not an external sink.
 *
 * access (may be NULL) holds the data-access sites (access.h): a read of a
 * classified column or key is a source, a statement that writes is a
 * db-write sink, and what reaches a write of a column of its category is
 * stored there and read back by every reader of that column, so a flow from
 * a request through a table to a log is one path. The analysis tells access
 * which endpoints reach which functions. */
void an_flow_analyze(const an_flow_service *services, size_t nservices,
                     const struct an_links *links, const an_catalogue *catalogue,
                     const char *const *hosts, size_t nhosts, struct an_access_set *access,
                     an_result *res);

#endif
