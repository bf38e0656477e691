/* dsse.c — DSSE v1 envelopes signed with Ed25519 (OpenSSL 3 EVP). */
#include "dsse.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct ds_key {
  EVP_PKEY *pkey;
  bool is_private;
};

static void ds__err(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void ds__err(char *err, size_t errlen, const char *fmt, ...) {
  if (!err || !errlen) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
}

/* The last OpenSSL error as text (the queue is emptied). */
static const char *ds__ossl_reason(char *buf, size_t len) {
  unsigned long e = ERR_peek_last_error();
  if (!e) {
    snprintf(buf, len, "unknown OpenSSL error");
  } else {
    const char *r = ERR_reason_error_string(e);
    snprintf(buf, len, "%s", r ? r : "OpenSSL error");
  }
  ERR_clear_error();
  return buf;
}

void ds_pae(const char *type, const void *body, size_t len, as_buf *out) {
  as_buf_printf(out, "DSSEv1 %zu %s %zu ", strlen(type), type, len);
  as_buf_put(out, body, len);
}

char *ds_base64_encode(const void *data, size_t len) {
  if (len > (size_t)INT_MAX / 4 * 3 - 3) as_die("Base64: %zu bytes is too much", len);
  size_t outlen = 4 * ((len + 2) / 3) + 1;
  unsigned char *out = malloc(outlen);
  if (!out) as_die("out of memory");
  EVP_EncodeBlock(out, data, (int)len);
  return (char *)out;
}

static bool ds__b64_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/';
}

int ds_base64_decode(const char *text, unsigned char **out, size_t *len) {
  *out = NULL;
  *len = 0;
  size_t n = strlen(text);
  if (n > (size_t)INT_MAX / 2) return -1;
  /* Normalise: URL-safe alphabet to the standard one, padding restored;
   * EVP_DecodeBlock is lenient about '=' in the middle, so check here. */
  char *norm = malloc(n + 4);
  if (!norm) as_die("out of memory");
  size_t m = 0, pad = 0;
  for (size_t i = 0; i < n; i++) {
    char c = text[i];
    if (c == '-') c = '+';
    if (c == '_') c = '/';
    if (c == '=') {
      pad++;
    } else if (pad || !ds__b64_char(c)) {
      free(norm);
      return -1;
    }
    norm[m++] = c;
  }
  if (pad > 2 || (pad && m % 4 != 0) || m % 4 == 1) {
    free(norm);
    return -1;
  }
  while (m % 4) {
    norm[m++] = '=';
    pad++;
  }
  norm[m] = 0;
  unsigned char *buf = malloc(m / 4 * 3 + 1);
  if (!buf) as_die("out of memory");
  int got = EVP_DecodeBlock(buf, (const unsigned char *)norm, (int)m);
  free(norm);
  if (got < 0 || (size_t)got < pad) {
    free(buf);
    return -1;
  }
  /* EVP_DecodeBlock counts the padding as zero bytes: drop them. */
  *len = (size_t)got - pad;
  buf[*len] = 0;
  *out = buf;
  return 0;
}

static ds_key *ds__key_wrap(EVP_PKEY *pkey, bool is_private) {
  ds_key *k = calloc(1, sizeof *k);
  if (!k) as_die("out of memory");
  k->pkey = pkey;
  k->is_private = is_private;
  return k;
}

ds_key *ds_key_generate(void) {
  EVP_PKEY *pkey = EVP_PKEY_Q_keygen(NULL, NULL, "ED25519");
  if (!pkey) as_die("cannot generate an Ed25519 key");
  return ds__key_wrap(pkey, true);
}

void ds_key_delete(ds_key *self) {
  if (!self) return;
  EVP_PKEY_free(self->pkey);
  free(self);
}

void ds_key_id(const ds_key *self, char out[65]) {
  unsigned char *der = NULL;
  int n = i2d_PUBKEY(self->pkey, &der);
  if (n <= 0) as_die("cannot encode a public key");
  as_sha256_hex(der, (size_t)n, out);
  OPENSSL_free(der);
}

static int ds__key_load(const char *path, bool want_private, ds_key **out, char *err,
                        size_t errlen) {
  *out = NULL;
  FILE *f = fopen(path, "r");
  if (!f) {
    ds__err(err, errlen, "cannot read key %s: %s", path, strerror(errno));
    return -1;
  }
  EVP_PKEY *pkey = NULL;
  bool is_private = false;
  if (!want_private) pkey = PEM_read_PUBKEY(f, NULL, NULL, NULL);
  if (!pkey) {
    ERR_clear_error();
    rewind(f);
    pkey = PEM_read_PrivateKey(f, NULL, NULL, NULL);
    is_private = pkey != NULL;
  }
  fclose(f);
  if (!pkey) {
    char why[256];
    ds__err(err, errlen, "%s: not a PEM %s key: %s", path, want_private ? "private" : "public",
            ds__ossl_reason(why, sizeof why));
    return -1;
  }
  if (!EVP_PKEY_is_a(pkey, "ED25519")) {
    ds__err(err, errlen, "%s: not an Ed25519 key (%s)", path, EVP_PKEY_get0_type_name(pkey));
    EVP_PKEY_free(pkey);
    return -1;
  }
  *out = ds__key_wrap(pkey, is_private);
  return 0;
}

int ds_key_load_private(const char *path, ds_key **out, char *err, size_t errlen) {
  return ds__key_load(path, true, out, err, errlen);
}

int ds_key_load_public(const char *path, ds_key **out, char *err, size_t errlen) {
  return ds__key_load(path, false, out, err, errlen);
}

/* Create path exclusively with mode and write the private or public key to it. */
static int ds__write_pem(const ds_key *self, const char *path, mode_t mode, bool private_part,
                         char *err, size_t errlen) {
  int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) {
    ds__err(err, errlen, "cannot write key %s: %s", path, strerror(errno));
    return -1;
  }
  fchmod(fd, mode); /* whatever the umask */
  FILE *f = fdopen(fd, "w");
  if (!f) {
    ds__err(err, errlen, "cannot write key %s: %s", path, strerror(errno));
    close(fd);
    unlink(path);
    return -1;
  }
  int ok = private_part ? PEM_write_PrivateKey(f, self->pkey, NULL, NULL, 0, NULL, NULL)
                        : PEM_write_PUBKEY(f, self->pkey);
  if (fclose(f) != 0) ok = 0;
  if (!ok) {
    char why[256];
    ds__err(err, errlen, "cannot write key %s: %s", path, ds__ossl_reason(why, sizeof why));
    unlink(path);
    return -1;
  }
  return 0;
}

int ds_key_write(const ds_key *self, const char *private_path, const char *public_path,
                 bool *exists, char *err, size_t errlen) {
  *exists = false;
  const char *paths[2] = {private_path, public_path};
  for (int i = 0; i < 2; i++) {
    struct stat st;
    if (lstat(paths[i], &st) == 0) {
      *exists = true;
      ds__err(err, errlen, "%s already exists: not overwritten", paths[i]);
      return -1;
    }
  }
  if (!self->is_private) {
    ds__err(err, errlen, "cannot write %s: the key has no private part", private_path);
    return -1;
  }
  if (ds__write_pem(self, private_path, 0600, true, err, errlen) != 0) return -1;
  if (ds__write_pem(self, public_path, 0644, false, err, errlen) != 0) {
    unlink(private_path);
    return -1;
  }
  return 0;
}

char *ds_sign(const ds_key *key, const char *type, const void *body, size_t len, char *err,
              size_t errlen) {
  if (!key->is_private) {
    ds__err(err, errlen, "signing needs a private key");
    return NULL;
  }
  as_buf pae = {0};
  ds_pae(type, body, len, &pae);
  EVP_MD_CTX *ctx = EVP_MD_CTX_new();
  if (!ctx) as_die("out of memory");
  unsigned char *sig = NULL;
  size_t siglen = 0;
  int ok = EVP_DigestSignInit(ctx, NULL, NULL, NULL, key->pkey) == 1 &&
           EVP_DigestSign(ctx, NULL, &siglen, (const unsigned char *)pae.data, pae.len) == 1;
  if (ok) {
    sig = malloc(siglen);
    if (!sig) as_die("out of memory");
    ok = EVP_DigestSign(ctx, sig, &siglen, (const unsigned char *)pae.data, pae.len) == 1;
  }
  EVP_MD_CTX_free(ctx);
  as_buf_free(&pae);
  if (!ok) {
    char why[256];
    ds__err(err, errlen, "cannot sign: %s", ds__ossl_reason(why, sizeof why));
    free(sig);
    return NULL;
  }
  char keyid[65];
  ds_key_id(key, keyid);
  char *payload64 = ds_base64_encode(body, len);
  char *sig64 = ds_base64_encode(sig, siglen);
  free(sig);
  json_t *s = json_object();
  json_object_set_new(s, "keyid", json_string(keyid));
  json_object_set_new(s, "sig", json_string(sig64));
  json_t *sigs = json_array();
  json_array_append_new(sigs, s);
  json_t *root = json_object();
  json_object_set_new(root, "payloadType", json_string(type));
  json_object_set_new(root, "payload", json_string(payload64));
  json_object_set_new(root, "signatures", sigs);
  char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  json_decref(root);
  free(payload64);
  free(sig64);
  if (!text) as_die("out of memory encoding the envelope");
  return text;
}

void ds_envelope_free(ds_envelope *self) {
  if (!self) return;
  free(self->payload_type);
  free(self->payload);
  for (size_t i = 0; i < self->nsigs; i++) {
    free(self->sigs[i].keyid);
    free(self->sigs[i].sig);
  }
  free(self->sigs);
  memset(self, 0, sizeof *self);
}

int ds_envelope_parse(const char *text, size_t len, ds_envelope *out, char *err, size_t errlen) {
  memset(out, 0, sizeof *out);
  json_error_t jerr;
  json_t *root = json_loadb(text, len, 0, &jerr);
  if (!root) {
    ds__err(err, errlen, "not JSON: line %d: %s", jerr.line, jerr.text);
    return -1;
  }
  int rc = -1;
  json_t *type = json_object_get(root, "payloadType");
  json_t *payload = json_object_get(root, "payload");
  json_t *sigs = json_object_get(root, "signatures");
  if (!json_is_object(root)) {
    ds__err(err, errlen, "not a JSON object");
  } else if (!json_is_string(type)) {
    ds__err(err, errlen, "no \"payloadType\" string");
  } else if (!json_is_string(payload)) {
    ds__err(err, errlen, "no \"payload\" string");
  } else if (!json_is_array(sigs) || json_array_size(sigs) == 0) {
    ds__err(err, errlen, "no \"signatures\" array with a signature");
  } else if (ds_base64_decode(json_string_value(payload), &out->payload, &out->payload_len) != 0) {
    ds__err(err, errlen, "\"payload\" is not Base64");
  } else {
    out->payload_type = as_strdup(json_string_value(type));
    size_t n = json_array_size(sigs);
    out->sigs = calloc(n, sizeof *out->sigs);
    if (!out->sigs) as_die("out of memory");
    rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
      json_t *s = json_array_get(sigs, i);
      json_t *kid = json_object_get(s, "keyid");
      json_t *sig = json_object_get(s, "sig");
      ds_signature *d = &out->sigs[out->nsigs];
      if (!json_is_object(s) || !json_is_string(sig)) {
        ds__err(err, errlen, "signature %zu has no \"sig\" string", i + 1);
        rc = -1;
      } else if (kid && !json_is_null(kid) && !json_is_string(kid)) {
        ds__err(err, errlen, "signature %zu: \"keyid\" is not a string", i + 1);
        rc = -1;
      } else if (ds_base64_decode(json_string_value(sig), &d->sig, &d->siglen) != 0) {
        ds__err(err, errlen, "signature %zu: \"sig\" is not Base64", i + 1);
        rc = -1;
      } else {
        d->keyid = as_strdup(json_is_string(kid) ? json_string_value(kid) : "");
        out->nsigs++;
      }
    }
  }
  json_decref(root);
  return rc;
}

bool ds_verify(const ds_envelope *env, const ds_key *key) {
  if (!env->payload_type || !env->nsigs) return false;
  as_buf pae = {0};
  ds_pae(env->payload_type, env->payload ? (const void *)env->payload : "", env->payload_len, &pae);
  bool ok = false;
  for (size_t i = 0; i < env->nsigs && !ok; i++) {
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    if (!ctx) as_die("out of memory");
    ok = EVP_DigestVerifyInit(ctx, NULL, NULL, NULL, key->pkey) == 1 &&
         EVP_DigestVerify(ctx, env->sigs[i].sig, env->sigs[i].siglen,
                          (const unsigned char *)pae.data, pae.len) == 1;
    EVP_MD_CTX_free(ctx);
  }
  ERR_clear_error();
  as_buf_free(&pae);
  return ok;
}
