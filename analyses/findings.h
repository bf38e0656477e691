/*
 * findings.h — what the analyses produce: flows of personal data to sinks.
 * Shared by the flow analysis, the baseline store and the reports.
 */
#ifndef ASSAY_FINDINGS_H
#define ASSAY_FINDINGS_H

#include "../ir/ir.h"

typedef enum {
  AN_STATE_NONE = 0, /* scan: no baseline */
  AN_STATE_NEW,
  AN_STATE_UNCHANGED,
  AN_STATE_ABSENT,
} an_state;
const char *an_state_name(an_state s); /* "none", "new", "unchanged", "absent" */

/* One step of a flow's path, from where the data was classified to the sink. */
typedef struct an_step {
  const char *path; /* relative to the scan root */
  uint32_t line, col;
  const char *function; /* qualified: "module:func" */
  const char *message;  /* "user.email is classified user.contact.email", ... */
  const char *service;  /* the service the step is in ("users"; "." for the root), or NULL */
  int32_t link;         /* crossing a link here: client index + 1 (the request), or
                           -(client index + 1) (the response coming back); 0 otherwise */
} an_step;

typedef struct an_finding {
  const char *rule_id; /* "assay/pii-to-log", "assay/pii-to-stdout", "assay/pii-to-file" */
  ir_sink_kind sink_kind;
  const char **categories; /* sorted, unique fideslang categories */
  uint32_t ncategories;
  const char *service;   /* service of the sink */
  const char **services; /* the services the path visits, in order (consecutive steps
                            in one service count once); NULL when it stays in one */
  uint32_t nservices;
  const char *source_symbol; /* "service:module:function:name" where data was classified */
  const char *sink_symbol;   /* "service:module:function:callee" */
  const char *fingerprint;   /* 64 hex: sha256 over rule, categories, symbols, services */
  const char *path;          /* sink location */
  uint32_t line, col;
  const char *message; /* human sentence */
  an_step *steps;
  uint32_t nsteps;
  an_state state;
  /* Set when the policy or an inline comment allows the finding: it is
   * reported but does not fail the gate. NULL: not suppressed. */
  const char *suppressed_reason;
  const char *suppressed_origin; /* policy file path, or "path:line" of the comment */
  /* A contract change found by check: "breaking", "potentially-breaking" or
   * "compatible"; NULL for every other finding. */
  const char *contract_class;
} an_finding;

/* An endpoint of the repository (see analyses/link.h), as reported. */
typedef struct an_endpoint_rec {
  const char *protocol; /* "http", "grpc", "queue" */
  const char *service;
  const char *method; /* HTTP method ("*": any), queue broker, NULL for gRPC */
  const char *target; /* normalised template, gRPC path, topic */
  const char *display;
  const char *handler; /* "module:function" */
  const char *path;
  uint32_t line;
  const char **guards;
  uint32_t nguards;
  uint32_t nclients;     /* clients of the repository linked to it */
  const char **response; /* personal data its responses carry (sorted, unique) */
  uint32_t nresponse;
  /* HTTP: the request fields its handler reads and the response fields it
   * sends, as the flow analysis saw them (sorted, unique) */
  const char **request_fields;
  uint32_t nrequest_fields;
  const char **required_fields; /* those read so that a missing one fails (body["x"] in Python) */
  uint32_t nrequired_fields;
  const char **response_fields;
  uint32_t nresponse_fields;
} an_endpoint_rec;

/* An outbound call and what it was linked to. */
typedef struct an_link_rec {
  const char *protocol;
  const char *service;
  const char *method;
  const char *target; /* NULL when unresolved */
  const char *url;    /* HTTP URL template / queue topic as computed, or NULL */
  const char *host;   /* HTTP: the host of the URL, or NULL */
  const char *target_service;
  const char *state; /* "matched", "unmatched", "ambiguous", "external", "unresolved" */
  const char *path;
  uint32_t line;
  uint32_t *endpoints; /* indexes into an_result.endpoints */
  uint32_t nendpoints;
  const char **categories; /* personal data its requests carry (sorted, unique) */
  uint32_t ncategories;
  const char **returned; /* personal data its responses carry back */
  uint32_t nreturned;
} an_link_rec;

/* A column of an access or a table, with its data category (or NULL). */
typedef struct an_access_col {
  const char *name;
  const char *category;
} an_access_col;

/* One edge of the data-access graph: a function reads or writes a table (some
 * of its columns) or a cache key. Rows are unique by (service, function,
 * kind, resource, op); a function's several statements on one table and
 * operation merge into one row (columns united, the first location kept). */
typedef struct an_access_rec {
  const char *service;    /* service root ("." for the repository root) */
  const char *function;   /* "module:function" */
  const char *kind;       /* "table" | "key" */
  const char *resource;   /* table as the schema spells it, or key pattern ("user:{}:email",
                             "{}" for a computed part); NULL in an_result.unresolved_access */
  const char *op;         /* "read" | "write" (NULL when unresolved) */
  const char *via;        /* what it was read from: "sql", "redis", "orm:django",
                             "orm:sqlalchemy", "orm:jpa", "orm:gorm", "orm:sequelize",
                             "orm:prisma" */
  an_access_col *columns; /* sorted by name, unique; none: the whole row (DELETE,
                             count(*)) or a key */
  uint32_t ncolumns;
  const char **categories; /* sorted, unique: the columns' categories, or the key's */
  uint32_t ncategories;
  const char **endpoints; /* the endpoints whose handlers reach the function, through
                             calls and linked client calls ("POST /users/{}",
                             "rpc /pkg.Svc/M", "kafka topic"; one of another service
                             is named with it: "gateway: GET /api/users/{}"), sorted,
                             unique */
  uint32_t nendpoints;
  const char *statement;  /* SQL with "{}" for each computed part ('?' stays a bound
                             parameter), the Redis command, or the ORM call */
  const char *unresolved; /* why the statement could not be read, else NULL */
  const char *path;
  uint32_t line, col;
} an_access_rec;

/* A table of a service's schema (CREATE TABLE in .sql files and migrations,
 * or an ORM model). */
typedef struct an_table_rec {
  const char *service;
  const char *name;
  const char *origin;     /* "sql", or the ORM ("orm:django", ...) */
  an_access_col *columns; /* in declaration order */
  uint32_t ncolumns;
  const char *path;
  uint32_t line;
} an_table_rec;

/* A public C header: its service ("." for the root), path, the rule that
 * chose it ("cmake-install-files", ..., "included-by"; pubhdr.h) and where
 * that rule found it ("geo/CMakeLists.txt:5", "collector/main.c:1", or ""). */
typedef struct an_c_header_rec {
  const char *service, *path, *rule, *origin;
} an_c_header_rec;

/* A set of findings plus the diagnostics met on the way; everything is owned
 * by the set's arena. */
typedef struct an_result {
  as_arena *arena;
  an_finding *findings;
  size_t nfindings, cap;
  as_diag *diags;
  size_t ndiags, diags_cap;
  size_t files_scanned, files_failed, lines_scanned;
  /* The service map: every endpoint and every outbound call (scan only). */
  an_endpoint_rec *endpoints;
  size_t nendpoints;
  an_link_rec *links;
  size_t nlinks;
  /* The data-access graph (see access.h): rows sorted by (service, function,
   * kind, resource, op); statements that could not be read, in scan order;
   * the tables of every service's schema, sorted by (service, name). */
  an_access_rec *accesses;
  size_t naccesses;
  an_access_rec *unresolved_access;
  size_t nunresolved_access;
  an_table_rec *tables;
  size_t ntables;
  /* The contract surface (see contract.h), owned; NULL when not extracted. */
  struct an_contract_set *contract;
  /* The public C headers the contract was read from, in scan order, each
   * with the rule that chose it (pubhdr.h). */
  an_c_header_rec *c_headers;
  size_t nc_headers, c_headers_cap;
} an_result;

an_result *an_result_new(void);
void an_result_delete(an_result *self); /* NULL is safe */
/* Append a copy of f (strings are copied into the result's arena). */
an_finding *an_result_add(an_result *self, const an_finding *f);
void an_result_add_diag(an_result *self, const as_diag *d);
/* Append a public C header (strings copied into the arena). */
void an_result_add_c_header(an_result *self, const char *service, const char *path,
                            const char *rule, const char *origin);
/* Sort findings by (path, line, col, fingerprint): the order of every output. */
void an_result_sort(an_result *self);
/* Insert a copy of s (in arena) into the sorted, unique list *list of *n
 * strings, reallocating the list in the arena. */
void an_sorted_add(as_arena *arena, const char ***list, uint32_t *n, const char *s);

/* The services f's steps visit, in order, into f->services (arena-allocated);
 * left NULL when the path stays in one service. */
void an_finding_set_services(as_arena *arena, an_finding *f);
/* Compute f->fingerprint from its meaning (never from line numbers):
 * sha256("assay-fp-1\n" rule \n categories joined by ',' \n source_symbol \n
 * sink_symbol \n service), followed by "\nvia " and the services joined by
 * ',' when the path crosses services. The result is arena-allocated. */
const char *an_finding_fingerprint(as_arena *arena, const an_finding *f);

#endif
