/*
 * surface.h — the attack surface, compared with the baseline's.
 *
 * The surface is the repository's endpoints (an_result.endpoints: HTTP
 * routes, gRPC methods, queue consumers), each with its auth guards and the
 * personal-data categories its responses carry. `baseline save` stores it
 * (schema 3); `check` compares the current one with the stored one and
 * reports each regression as a finding of its own rule, state new:
 *
 *   assay/surface-endpoint-added   an endpoint the baseline does not have
 *                                  (service, protocol, method, target)
 *   assay/surface-auth-removed     an endpoint that had guards and lost one:
 *                                  one finding per guard removed
 *   assay/surface-response-pii     an endpoint whose responses carry a
 *                                  category they did not: one per category
 *
 * The fingerprint of each is built from the endpoint's identity and the
 * guard or category, never from a line, so an exception in the policy can
 * approve it. Endpoints identical in both say nothing; an endpoint that went
 * away is a contract question (issue 6, HTTP API), not a larger surface.
 */
#ifndef ASSAY_SURFACE_H
#define ASSAY_SURFACE_H

#include "findings.h"

/* Append to cur the findings of the regressions from base's endpoints to
 * cur's. Returns how many were added. */
size_t an_surface_diff(const an_result *base, an_result *cur);

/* Compare the contract surfaces (contract.h) before and after and append
 * to cur one finding per change, state new, rule "assay/change/CHANGE"
 * (CHANGE the classifier's change id, e.g. "assay/change/c.function-removed"),
 * contract_class its class, with the item's two locations as steps (before,
 * after). Returns how many were added. */
struct an_contract_set;
size_t an_surface_contract_diff(const struct an_contract_set *before,
                                const struct an_contract_set *after, an_result *cur);

/* Whether rule belongs to the contract and attack-surface gate
 * ("assay/surface-...", "assay/contract-...", "assay/change/...") rather than the
 * data-flow gate. */
bool an_surface_is_contract_rule(const char *rule);

#endif
