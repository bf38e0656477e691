/*
 * link.h — who answers whom: endpoints, clients, and the links between them.
 *
 * An endpoint is code that receives a request from outside its service: an
 * HTTP route (method, path template, handler, auth guards), a gRPC method
 * implementation (matched to a service of the repository's .proto files), a
 * queue consumer (broker, topic). A client is code that sends one: an
 * outbound HTTP call whose URL is built from literals, module constants,
 * environment variables with their defaults (or the values the deployment
 * files declare) and string building; a gRPC stub call; a queue publish.
 *
 * an_link_build finds both in the lowered units of the whole repository (after
 * the models pass) and matches every client to the endpoints that receive it:
 * HTTP by host (the service the host denotes) and (method, path template),
 * where the most specific template wins and a tie is ambiguous; gRPC by the
 * fully-qualified method; queues by broker and topic (every consumer of a
 * topic receives each message, so several are not ambiguous). Nothing is
 * guessed: a client that matches no endpoint, or more than one, is reported
 * as such, and endpoints that no client reaches are listed.
 *
 * The flow analysis (flow.h) follows data across each matched link.
 */
#ifndef ASSAY_LINK_H
#define ASSAY_LINK_H

#include "../ir/ir.h"

struct an_deploy;
struct an_proto_set;

typedef enum {
  AN_PROTO_HTTP,
  AN_PROTO_GRPC,
  AN_PROTO_QUEUE,
} an_protocol;
const char *an_protocol_name(an_protocol p); /* "http", "grpc", "queue" */

/* Which of the handler's values receive the request. */
typedef enum {
  AN_REQ_PARAMS, /* HTTP: every parameter but the response/next ones (res, w, next...),
                    each bound to the request field of its name, else the whole request */
  AN_REQ_PARAM,  /* gRPC, queues: the one parameter req_param */
} an_req_binding;

typedef struct an_endpoint {
  an_protocol protocol;
  const char *service; /* service root ("users"; "." for the root) */
  const char *method;  /* HTTP "POST" ("*": any); queue: the broker "kafka" | "redis" | "amqp";
                          gRPC: NULL */
  const char *target;  /* HTTP: normalised path template ("/users/{}"); gRPC:
                          "/billing.v1.Billing/CreateCustomer"; queue: the topic */
  const char *display; /* the template as written ("/users/<int:user_id>") */
  const char **guards; /* auth guards protecting it (decorators, middleware, annotations) */
  uint32_t nguards;
  ir_unit *unit;
  ir_func *handler;
  const char *handler_qname; /* "module:function" */
  const char *path;          /* where it is declared (relative to the scan root) */
  uint32_t line;
  an_req_binding binding;
  uint32_t req_param;    /* AN_REQ_PARAM: the parameter index; the handler's
                            parameter count stands for req_value */
  const char *req_value; /* a value of the handler that holds the request besides its
                            parameters: Flask's module-level `request`, the
                            consumer a Kafka loop iterates (interned), or NULL */
  uint32_t nclients;     /* matched clients */
} an_endpoint;

typedef enum {
  AN_LINK_MATCHED,    /* exactly one endpoint (queues: one or more) */
  AN_LINK_UNMATCHED,  /* the target is a service of the repository, no endpoint matches */
  AN_LINK_AMBIGUOUS,  /* more than one endpoint matches equally well */
  AN_LINK_EXTERNAL,   /* the host is not one of the repository's services */
  AN_LINK_UNRESOLVED, /* the target cannot be computed statically */
} an_link_state;
const char *an_link_state_name(an_link_state s); /* "matched", ... */

typedef struct an_client {
  an_protocol protocol;
  const char *service;
  const char *method; /* as for endpoints; gRPC: NULL */
  const char *target; /* normalised path template / gRPC path / topic; NULL when unresolved */
  const char *url;    /* HTTP: the URL template as computed ("http://users:5000/users/{}") */
  const char *host;   /* HTTP: host; NULL otherwise */
  const char *target_service; /* service the host (or gRPC method) denotes, or NULL */
  ir_unit *unit;
  ir_func *fn;
  uint32_t inst; /* index of the CALL in fn */
  const char *path;
  uint32_t line;
  int32_t payload_arg;       /* argument index of the request payload, or -1 */
  const char *payload_field; /* the payload is this field of that argument ({body: ...}), or NULL */
  an_link_state state;
  uint32_t *endpoints; /* indexes into the endpoint list: the match (one; queues: each
                          consumer), or the candidates when ambiguous */
  uint32_t nendpoints;
} an_client;

typedef struct an_links an_links;

/* One service's units, as the scan groups them. */
typedef struct an_link_service {
  const char *root; /* service root ("" for the repository root) */
  const char *name; /* its folder's basename: the host name it answers to by default */
  ir_unit *const *units;
  size_t nunits;
} an_link_service;

/* Find endpoints and clients in every service and link them. deploy and
 * protos may be NULL (no deployment files, no .proto files). The units must
 * outlive the result. Never fails; findings about links are in the result's
 * diagnostics. Free with an_links_delete. */
an_links *an_link_build(const an_link_service *services, size_t nservices,
                        const struct an_deploy *deploy, const struct an_proto_set *protos);
void an_links_delete(an_links *self); /* NULL is safe */

size_t an_links_nendpoints(const an_links *self);
const an_endpoint *an_links_endpoint(const an_links *self, size_t i);
size_t an_links_nclients(const an_links *self);
const an_client *an_links_client(const an_links *self, size_t i);
/* The client at instruction inst of fn, or NULL. */
const an_client *an_links_client_at(const an_links *self, const ir_func *fn, uint32_t inst);
/* The first endpoint whose handler is fn, or NULL. */
const an_endpoint *an_links_endpoint_of(const an_links *self, const ir_func *fn);
/* Diagnostics: ambiguous and unmatched clients (warnings), endpoints no
 * client reaches (notes), each with the declaring file and line. Owned by
 * the links. */
size_t an_links_ndiags(const an_links *self);
const as_diag *an_links_diag(const an_links *self, size_t i);

/* "/users/<int:id>/" (Flask), "/users/:id" (Express), "/users/{id}" (Spring,
 * FastAPI, Go) -> "/users/{}"; a query string and a trailing slash dropped.
 * Written into out (size n). */
void an_link_normalise_path(const char *path, char *out, size_t n);

/* Two request field names denote the same field: case, '_' and '-' ignored
 * ("card_number" == "cardNumber" == "CardNumber"). */
bool an_link_same_key(const char *a, const char *b);

#endif
