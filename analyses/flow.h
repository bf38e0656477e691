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

/* Analyse the units of one service (facts already attached by the models
 * pass) and append its findings to res. Units that failed to parse are
 * skipped. hosts are the names the repository's services answer to: an
 * outbound call to a literal URL on one of them is not an external sink. */
void an_flow_analyze_service(const char *service, ir_unit *const *units, size_t nunits,
                             const an_catalogue *catalogue, const char *const *hosts, size_t nhosts,
                             an_result *res);

#endif
