/*
 * graph.h — graphs for security review, built with Graphviz cgraph and drawn
 * with gvc: the personal-data flows (sources → services → sinks), optionally
 * as a diff view against a baseline; the service map; the data-access graph.
 *
 * The graphs are deterministic: node names are the findings' stable symbols
 * (never line numbers), edge keys their fingerprints, and everything is
 * created in sorted order, so the same findings give the same DOT.
 */
#ifndef ASSAY_GRAPH_H
#define ASSAY_GRAPH_H

#include "../analyses/findings.h"

#include <graphviz/cgraph.h>

/* The flows of res as a directed graph:
 *   - one node per source symbol (shape note, label "name\ncategories"),
 *     outside the clusters;
 *   - one cluster subgraph "cluster_SERVICE" per service of a sink, holding a
 *     node per sink symbol (shape box, label "callee (kind)", filled in the
 *     sink kind's colour);
 *   - one edge per fingerprint, source → sink, labelled with the categories
 *     (" xN" appended when N findings share the fingerprint);
 *   - a legend node ("legend", an HTML-like table).
 * Every node and edge carries assay_* attributes for tools (assay_role:
 * source|sink|legend, assay_kind, assay_categories; with diff, assay_state).
 * With diff, edges are styled by state: new bold red (color, fontcolor red,
 * penwidth 2.5, style bold), absent dashed grey, unchanged plain, and edge
 * labels end in " (new)" or " (absent)".
 * res is not changed. On success returns 0 and the graph in *out (the caller
 * frees it with rp_graph_close); -1 when Graphviz cannot allocate it. */
int rp_graph_flows(const an_result *res, bool diff, Agraph_t **out);

/* The service map of res (its endpoints and links, see an_result):
 *   - one cluster "cluster_SERVICE" per service, holding the node "service
 *     SERVICE" (assay_role=service) and one node per endpoint, named
 *     "endpoint SERVICE PROTOCOL METHOD TARGET" ("rpc" for gRPC's method;
 *     assay_role=endpoint, assay_protocol, assay_guards; label: the route, the
 *     handler, its guards);
 *   - one edge per (calling service, endpoint) linked, keyed "SERVICE ->
 *     ENDPOINT-NODE", from the calling service's node: assay_categories (what
 *     its requests carry), assay_returned (what comes back), assay_clients
 *     (how many calls), assay_state (matched, ambiguous: one edge per
 *     candidate, dashed orange), assay_protocol; red when personal data
 *     crosses;
 *   - calls to hosts outside the repository go to a node "external HOST";
 *     calls to a service of the repository that has no such endpoint go to a
 *     dashed node "missing SERVICE PROTOCOL METHOD TARGET" in that service.
 * Unresolved calls are not drawn (the JSON report lists them). Deterministic
 * like the flows graph. Returns 0 and *out, or -1. */
int rp_graph_services(const an_result *res, Agraph_t **out);

/* The data-access graph of res (its accesses, unresolved_access and tables,
 * see an_result): who reads and writes which table columns and cache keys.
 *   - one cluster "cluster_SERVICE" per service (label SERVICE, "." for the
 *     repository root; assay_service), holding:
 *       - "endpoint SERVICE ENDPOINT" per endpoint a row lists (ENDPOINT
 *         without its leading "SERVICE ", e.g. "endpoint users POST /users";
 *         assay_role=endpoint, label ENDPOINT);
 *       - "function SERVICE MODULE:FUNCTION" per function of a row
 *         (assay_role=function, label MODULE:FUNCTION);
 *       - "table SERVICE NAME" per table of the service's schema, accessed or
 *         not, and per table an access names (assay_role=table; label an
 *         HTML-like table: the name, then one row per column, those with a
 *         category filled and followed by it; columns: the schema's in
 *         declaration order, else those the accesses mention, by name;
 *         assay_columns: their names joined by ','; assay_categories: the
 *         sorted, unique categories of those columns joined by ',';
 *         assay_origin: the schema's origin, "" when not in the schema);
 *       - "key SERVICE PATTERN" per cache key (assay_role=key, shape
 *         cylinder; assay_categories: those of every access to it, sorted);
 *       - "unresolved SERVICE PATH:LINE" per statement that could not be
 *         read (one per location; assay_role=unresolved, assay_function,
 *         assay_reason; dashed; label: the location, the reason cut to 60
 *         bytes, "in FUNCTION");
 *     every one of them with assay_service=SERVICE;
 *   - edges endpoint → function, one per pair, keyed "SERVICE ENDPOINT ->
 *     FUNCTION" (assay_role=reaches, style dotted);
 *   - edges function → table or key, one per row, keyed "SERVICE FUNCTION
 *     KIND RESOURCE OP" (assay_role=access, assay_kind table|key, assay_op
 *     read|write, assay_via, assay_columns and assay_categories joined by
 *     ','; label "read: a, b", "write: c", or "read"/"write" without
 *     columns; style solid; write: colour dark orange, normal arrow; read:
 *     blue, open arrow; touching personal data: red (write) or pink (read),
 *     penwidth 2);
 *   - edges function → unresolved, keyed "SERVICE FUNCTION -> PATH:LINE"
 *     (assay_role=unresolved, style dashed);
 *   - a legend node ("legend", assay_role=legend, an HTML-like table, no
 *     edges).
 * The graph has assay_view=access and the label "Data access: T tables, K
 * keys, A accesses, U unresolved". Deterministic like the flows graph,
 * whatever the order of res's arrays. Returns 0 and *out (the caller frees
 * it with rp_graph_close), or -1 when Graphviz cannot allocate it. */
int rp_graph_access(const an_result *res, Agraph_t **out);

/* Write g to path in format "dot" (agwrite, no layout), "svg" or "png"
 * (gvc: the dot layout, rendered in memory, then written). Graphviz's own
 * messages are silenced and become the error. g is not freed; its layout is.
 * Returns 0, or -1 with err naming the file (or the unknown format). */
int rp_graph_write(Agraph_t *g, const char *format, const char *path, char *err, size_t errlen);

/* agclose; NULL is safe. */
void rp_graph_close(Agraph_t *g);

#endif
