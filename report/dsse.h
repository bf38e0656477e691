/*
 * dsse.h — Dead Simple Signing Envelopes (DSSE v1) around Assay's in-toto
 * statements, signed with Ed25519 keys through OpenSSL 3.
 *
 * Envelope (JSON):
 *   {"payloadType": TYPE, "payload": Base64(BODY),
 *    "signatures": [{"keyid": KEYID, "sig": Base64(SIG)}]}
 * where SIG = Ed25519(PAE(TYPE, BODY)) and
 *   PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body
 * (LEN: the byte count in ASCII decimal, no leading zeros). KEYID is the
 * lowercase hex sha256 of the public key's DER (SubjectPublicKeyInfo): a hint
 * only, never trusted; verification always uses the key it is given.
 */
#ifndef ASSAY_DSSE_H
#define ASSAY_DSSE_H

#include "../ir/base.h"

#define DS_PAYLOAD_TYPE_INTOTO "application/vnd.in-toto+json"

/* PAE(type, body), appended to out (which the caller frees). */
void ds_pae(const char *type, const void *body, size_t len, as_buf *out);

/* Standard Base64 (RFC 4648, padded). Returns a NUL-terminated string the
 * caller frees. */
char *ds_base64_encode(const void *data, size_t len);
/* Decode standard or URL-safe Base64, padded or not. Returns 0 and a buffer
 * the caller frees (NUL-terminated, *len excludes the NUL), or -1 when text
 * is not Base64. */
int ds_base64_decode(const char *text, unsigned char **out, size_t *len);

/* An Ed25519 key: private (can sign and verify) or public only. */
typedef struct ds_key ds_key;

/* A new private key. Never fails but on out-of-memory (which aborts). */
ds_key *ds_key_generate(void);
/* Load a PEM key. ds_key_load_public accepts a public key or a private one
 * (its public half is used). Returns 0, or -1 with err naming the file. Keys
 * other than Ed25519 are refused. */
int ds_key_load_private(const char *path, ds_key **out, char *err, size_t errlen);
int ds_key_load_public(const char *path, ds_key **out, char *err, size_t errlen);
/* Write the private key (mode 0600) and the public key (mode 0644) as PEM.
 * Neither file may exist: nothing is written then, and -1 is returned with
 * err naming the file and *exists set. Returns 0, or -1 with err. */
int ds_key_write(const ds_key *self, const char *private_path, const char *public_path,
                 bool *exists, char *err, size_t errlen);
/* The key's id: hex sha256 of its public key's DER. */
void ds_key_id(const ds_key *self, char out[65]);
/* NULL is fine. */
void ds_key_delete(ds_key *self);

/* Sign body as type with a private key: the envelope as pretty JSON text (the
 * caller frees), or NULL with err. */
char *ds_sign(const ds_key *key, const char *type, const void *body, size_t len, char *err,
              size_t errlen);

typedef struct ds_signature {
  char *keyid; /* "" when the envelope has none */
  unsigned char *sig;
  size_t siglen;
} ds_signature;

/* A parsed envelope; every field is owned by it. */
typedef struct ds_envelope {
  char *payload_type;
  unsigned char *payload; /* decoded; NUL-terminated for convenience */
  size_t payload_len;
  ds_signature *sigs;
  size_t nsigs;
} ds_envelope;

/* Parse envelope JSON text. Returns 0, or -1 with err saying what is wrong
 * (not JSON, a field missing or not Base64, no signature). ds_envelope_free
 * must be called either way. */
int ds_envelope_parse(const char *text, size_t len, ds_envelope *out, char *err, size_t errlen);
void ds_envelope_free(ds_envelope *self);
/* True when one of the envelope's signatures verifies, over the PAE of its
 * payload type and payload, with key. */
bool ds_verify(const ds_envelope *env, const ds_key *key);

#endif
