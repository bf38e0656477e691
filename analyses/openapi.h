/*
 * openapi.h — the HTTP API contract as OpenAPI 3 documents declare it, and
 * the classifier of HTTP contract changes.
 *
 * an_openapi_extract reads OpenAPI 3.x documents (YAML or JSON, both through
 * libyaml's document API) into contract items (contract.h). an_http_classify
 * tells what a difference between two HTTP items means for the API's
 * clients; it serves the items of OpenAPI documents and those Assay derives
 * from code (analyses/scan.c: routes, the request fields a handler reads, the
 * response fields it returns), which carry fewer attributes.
 *
 * ---- items ------------------------------------------------------------------
 *
 * Values are "name=value" lines joined by '\n' in the order listed; an
 * attribute that is unknown is left out (the whole value may be ""). PATH is
 * the path template normalised by an_link_normalise_path ("/users/{id}" ->
 * "/users/{}", a trailing slash dropped), so that an OpenAPI document, a
 * Flask route and an Express route of the same operation get the same key;
 * the base paths of `servers` are not prepended. METHOD is upper-case. The
 * display keeps the template as written.
 *
 *   http.operation       key "METHOD PATH"                value "deprecated=0|1"
 *                        display "POST /users/{id}"
 *   http.param           key "METHOD PATH IN:NAME"        value "required=0|1\ntype=T"
 *                        IN is path, query, header or cookie; display
 *                        "query parameter 'limit' of GET /users". Parameters of
 *                        the path item apply to each of its operations (an
 *                        operation's own of the same IN and NAME wins); a path
 *                        parameter is always required.
 *   http.request-field   key "METHOD PATH body:NAME"      value "required=0|1\ntype=T"
 *                        the top-level properties of the request body's JSON
 *                        schema; display "request field 'email' of POST /users"
 *   http.request-field   key "METHOD PATH body"           value "required=0|1"
 *                        the request body itself, whenever the operation
 *                        declares one; display "request body of POST /users"
 *   http.response-field  key "METHOD PATH STATUS:NAME"    value "type=T"
 *                        the top-level properties of the JSON schema of each
 *                        2xx response (STATUS as written: "200", "2XX");
 *                        display "response field 'id' of GET /users/{id} (200)"
 *
 * T is the schema's `type`, then "/" and its `format` when it has one
 * ("integer/int32", "string/date-time", "array"); an OpenAPI 3.1 list of types
 * is joined with '|' ("string|null"); a schema with `properties` and no `type`
 * is "object"; without either, T is unknown and the line is left out.
 *
 * Resolved: local `$ref`s ("#/components/parameters/Limit",
 * "#/components/schemas/User", "#/components/requestBodies/...",
 * "#/components/responses/...", any JSON pointer into the same document),
 * chains of them up to 16 deep; `allOf` merged one level (the properties and
 * `required` lists of the schema and of each of its allOf parts). The JSON
 * schema of a body is the one of "application/json", else of the first media
 * type whose name contains "json" ("application/problem+json"). Not
 * resolved: `$ref`s to other files (the schema counts as unknown), oneOf and
 * anyOf (no fields), the elements of an array body (no fields: only
 * top-level properties are items), `callbacks`, `webhooks`.
 *
 * ---- classification (close to oasdiff's rules) ------------------------------
 *
 * An attribute missing on either side is not compared: items derived from
 * code have no `type` and usually no `required`, and their operations no
 * `deprecated`. A parameter or field added or removed together with its
 * operation is not reported on its own (an_contract_diff).
 *
 *   http.operation removed                  breaking              http.operation-removed
 *   http.operation added                    compatible            http.operation-added
 *   deprecated 0 -> 1                       compatible            http.operation-deprecated
 *   deprecated 1 -> 0                       compatible            http.operation-reactivated
 *   http.param removed                      potentially breaking  http.param-removed
 *     (a path parameter)                    breaking              http.param-removed
 *   http.param added with required=1        breaking              http.param-newly-required
 *   http.param required 0 -> 1              breaking              http.param-newly-required
 *   http.param added, not required          compatible            http.param-added
 *   http.param required 1 -> 0              compatible            http.param-became-optional
 *   http.param type changed                 breaking              http.param-type-changed
 *   http.request-field removed              potentially breaking  http.request-field-removed
 *   http.request-field added required=1     breaking              http.request-field-newly-required
 *   http.request-field required 0 -> 1      breaking              http.request-field-newly-required
 *   http.request-field added, not required  compatible            http.request-field-added
 *   http.request-field required 1 -> 0      compatible http.request-field-became-optional
 *   http.request-field type changed         breaking              http.request-field-type-changed
 *   http.response-field removed             breaking              http.response-field-removed
 *   http.response-field added               compatible            http.response-field-added
 *   http.response-field type changed        breaking              http.response-field-type-changed
 *   another http.* kind                     KIND-removed potentially breaking, KIND-added
 *                                           compatible, KIND-changed potentially breaking
 *
 * (The request body item follows the request-field rules: a body that becomes
 * required is newly required, one removed is a removed request field.) One
 * change of an item may report two changes (required and type). A value that
 * differs in nothing compared reports nothing. Messages are one sentence: the
 * item's display (which names the operation), what happened, and both values
 * ("(before: required=0, type=string; after: absent)").
 */
#ifndef ASSAY_OPENAPI_H
#define ASSAY_OPENAPI_H

#include "contract.h"

/* Read the OpenAPI 3 documents among the n files relpaths (relative to root;
 * root NULL or "" for the working directory) and add their items to out:
 * one per operation, parameter, request body, request field and response
 * field, with path the relpath and line the 1-based line of the declaring
 * key. services[i] is the service root relpaths[i] belongs to ("." for the
 * repository root) and becomes the items' service; services NULL, or
 * services[i] NULL, means ".".
 *
 * A file is an OpenAPI 3 document when it parses (YAML, or JSON, which
 * libyaml reads as YAML) to a mapping whose `openapi` is "3.x"; other files
 * (a docker-compose file, Swagger 2.0, an empty file) are ignored silently,
 * and so is a file that does not parse unless its text has an `openapi` key
 * (`openapi:` or `"openapi":`), since any YAML or JSON file of a repository
 * may be passed. Such a broken document, or a file that cannot be read, is a
 * diagnostic appended to *diags: level AS_DIAG_WARNING, code "openapi-error",
 * path the relpath, line and col (1-based) of libyaml's problem (0 when
 * unreadable), message libyaml's ("did not find expected key while parsing a
 * block mapping") or "cannot read: " and the system's reason. The other files
 * are still read.
 *
 * *diags is an array of *ndiags diagnostics (NULL and 0 to start) that grows
 * with realloc; the caller frees it with an_openapi_diags_free. Returns 0. */
int an_openapi_extract(const char *root, const char *const *relpaths, size_t n,
                       const char *const *services, an_contract_set *out, as_diag **diags,
                       size_t *ndiags);

/* Free the diagnostics an_openapi_extract appended (their path and message
 * strings and the array). NULL is safe. */
void an_openapi_diags_free(as_diag *diags, size_t ndiags);

/* The classifier of kinds "http.*" (an an_contract_classifier, registered in
 * contract.c): see the table above. */
void an_http_classify(const an_contract_set *before_set, const an_contract_set *after_set,
                      const an_contract_item *before, const an_contract_item *after,
                      an_contract_changes *out);

#endif
