/*
 * proto.h — the gRPC services, methods, messages and enums a repository
 * declares in its .proto files, parsed by protoc rather than by a hand-written
 * parser.
 *
 * an_proto_load runs protoc (Debian package protobuf-compiler) on the files,
 * asks it for a binary FileDescriptorSet with source info
 * (--descriptor_set_out --include_source_info) and decodes that with
 * protobuf-c's generated descriptor.pb-c.c. protoc resolves every type name,
 * so the types below are fully qualified exactly as protoc sees them.
 *
 * Names and paths. A file's path is its name inside protoc's source tree: the
 * path relative to root (protoc canonicalises it: "./a//b.proto" is
 * "a/b.proto"). Full names have no leading dot ("billing.v1.Customer"). A
 * message nested in a message is listed with its full name
 * ("billing.v1.Customer.PaymentCard"), after its parent; an enum nested in a
 * message likewise. Map fields are what protoc makes of them: a repeated field
 * of a nested "<Name>Entry" message (key = 1, value = 2), whose map_entry is
 * true.
 *
 * Lines are 1-based, from the SourceCodeInfo span of each declaration (the line
 * where it starts, its leading comment excluded); 0 when protoc gave none.
 *
 * Every string and array reachable from a set is owned by the set and lives
 * until an_proto_set_delete. A set is immutable once loaded and can be read
 * from several threads.
 */
#ifndef ASSAY_PROTO_H
#define ASSAY_PROTO_H

#include "../ir/base.h"

/* One field of a message. */
typedef struct an_proto_field {
  const char *name;      /* "card_number", as declared */
  const char *json_name; /* "cardNumber": protoc's json_name (its lowerCamelCase,
                            or the [json_name = "..."] option) */
  const char *type;      /* a scalar: "double" "float" "int64" "uint64" "int32"
                            "fixed64" "fixed32" "bool" "string" "bytes" "uint32"
                            "sfixed32" "sfixed64" "sint32" "sint64"; a message,
                            group or enum: its full name "billing.v1.Address" */
  int32_t number;        /* the field number */
  bool repeated;         /* repeated (map fields included) */
  bool is_message;       /* type is a message (or a proto2 group) */
  bool is_enum;          /* type is an enum */
  uint32_t line;
} an_proto_field;

/* One message, top-level or nested. */
typedef struct an_proto_message {
  const char *full_name; /* "billing.v1.CreateCustomerRequest" */
  const char *name;      /* "CreateCustomerRequest" */
  const char *path;      /* the file, relative to root */
  uint32_t line;
  an_proto_field *fields; /* in declaration order; NULL when nfields == 0 */
  uint32_t nfields;
  bool map_entry; /* protoc's synthetic entry message of a map field */
} an_proto_message;

typedef struct an_proto_enum_value {
  const char *name; /* "CUSTOMER_STATUS_ACTIVE" */
  int32_t number;
  uint32_t line;
} an_proto_enum_value;

/* One enum, top-level or nested in a message. */
typedef struct an_proto_enum {
  const char *full_name; /* "billing.v1.CustomerStatus" */
  const char *path;      /* the file, relative to root */
  uint32_t line;
  an_proto_enum_value *values; /* in declaration order */
  uint32_t nvalues;
} an_proto_enum;

/* One rpc of a service. */
typedef struct an_proto_method {
  const char *name;        /* "CreateCustomer" */
  const char *full_name;   /* "/billing.v1.Billing/CreateCustomer": the gRPC
                              path (":path" of the HTTP/2 request) */
  const char *input_type;  /* full name of the request message */
  const char *output_type; /* full name of the response message */
  bool client_streaming;   /* rpc M(stream Req) */
  bool server_streaming;   /* returns (stream Resp) */
  uint32_t line;
} an_proto_method;

typedef struct an_proto_service {
  const char *full_name; /* "billing.v1.Billing" */
  const char *name;      /* "Billing" */
  const char *package;   /* "billing.v1"; "" when the file has no package */
  const char *path;      /* the file, relative to root */
  uint32_t line;
  an_proto_method *methods; /* in declaration order */
  uint32_t nmethods;
} an_proto_service;

/* The schema of a set of .proto files. Opaque; read it with the functions
 * below. */
typedef struct an_proto_set an_proto_set;

/* Parse the n files relpaths (relative to root) with protoc and return their
 * schema in *out (the caller frees it with an_proto_set_delete).
 *
 * protoc runs without a shell (posix_spawnp, argv), with its standard error
 * captured, and with these include paths, in order: root; the folder of each
 * file (so `import "sibling.proto"` resolves next to the importing file); the
 * folder that holds google/protobuf/descriptor.proto (/usr/include or
 * /usr/local/include, for the well-known types). Its descriptor set goes to a
 * temporary file under $TMPDIR (default /tmp), removed before returning.
 *
 * Only what relpaths define is listed — not what they import (the
 * google/protobuf types, a file that is imported but not in relpaths) — in the
 * order of relpaths, then of declaration in each file.
 *
 * Files protoc rejects do not fail the call. All the files are compiled at
 * once; when protoc rejects the batch, each file is compiled alone, so the
 * files it accepts are still loaded and each rejected one gets a diagnostic per
 * line of protoc's error output: level AS_DIAG_ERROR, code "proto-error",
 * path, line and column from protoc's "path:line:col: message" (the path is
 * protoc's, usually relative to root: an import that is missing or broken is
 * named as imported; line and col are 0 when protoc gave none), message
 * protoc's text. A file in relpaths that does not exist (or is not a regular
 * file) is such a diagnostic too, with the system's reason ("No such file or
 * directory") and line 0, and is not passed to protoc. protoc's warnings on
 * files it accepts ("path:line:col: warning: Import x is unused.") are
 * AS_DIAG_WARNING diagnostics with code "proto-warning" and the text after
 * "warning: ". Equal diagnostics are reported once; they come in the order
 * found (missing files first, then protoc's, file by file).
 *
 * A rejected batch costs one protoc run per file. A batch is also rejected when
 * a file in relpaths is imported by its sibling name (`import "parcel.proto"`
 * next to shipping/parcel.proto): protoc then sees it under two names and
 * reports every symbol as defined twice; file by file it loads cleanly.
 *
 * Returns -1 with a message in err (at most errlen bytes, NUL-terminated; err
 * may be NULL when errlen is 0) and *out == NULL only when protoc itself cannot be run — "protoc
 * not found: install protobuf-compiler" when it is not on PATH — or the temporary file cannot be
 * created. n == 0 gives an empty set without running protoc. */
int an_proto_load(const char *root, const char *const *relpaths, size_t n, an_proto_set **out,
                  char *err, size_t errlen);

void an_proto_set_delete(an_proto_set *self); /* NULL is safe */

/* ---- reading a set ------------------------------------------------------------- */

/* The services, messages, enums and diagnostics of the set, in the order
 * described at an_proto_load, with their count in *n. The arrays are owned by
 * the set (NULL when *n == 0). */
const an_proto_service *an_proto_services(const an_proto_set *self, size_t *n);
const an_proto_message *an_proto_messages(const an_proto_set *self, size_t *n);
const an_proto_enum *an_proto_enums(const an_proto_set *self, size_t *n);
const as_diag *an_proto_diags(const an_proto_set *self, size_t *n);

/* The message, service or enum with this full name (no leading dot, e.g.
 * "billing.v1.Customer.PaymentCard"), or NULL. When two files of the set
 * define the same name (protoc rejects that in one batch, not file by file),
 * the first in set order is returned. Owned by the set. */
const an_proto_message *an_proto_find_message(const an_proto_set *self, const char *full_name);
const an_proto_service *an_proto_find_service(const an_proto_set *self, const char *full_name);
const an_proto_enum *an_proto_find_enum(const an_proto_set *self, const char *full_name);

/* The method whose gRPC path is grpc_path ("/billing.v1.Billing/CreateCustomer"),
 * or NULL; the method's service in *service when service is not NULL. */
const an_proto_method *an_proto_find_method(const an_proto_set *self, const char *grpc_path,
                                            const an_proto_service **service);

#endif
