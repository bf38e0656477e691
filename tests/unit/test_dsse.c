/* test_dsse.c — DSSE envelopes: PAE bytes, Base64, Ed25519 sign and verify,
 * tampering, keys on disk. */
#include "check.h"
#include "report/dsse.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];

static void test_pae(void) {
  as_buf b = {0};
  ds_pae("http://example.com/HelloWorld", "hello world", 11, &b);
  CHECK_INT(b.len, strlen("DSSEv1 29 http://example.com/HelloWorld 11 hello world"));
  CHECK_STR(b.data, "DSSEv1 29 http://example.com/HelloWorld 11 hello world");
  as_buf_free(&b);
  /* Empty type and body; a body with a NUL byte is counted whole. */
  ds_pae("", "", 0, &b);
  CHECK_STR(b.data, "DSSEv1 0  0 ");
  as_buf_free(&b);
  ds_pae("t", "a\0b", 3, &b);
  CHECK_INT(b.len, 16);
  CHECK(memcmp(b.data, "DSSEv1 1 t 3 a\0b", 16) == 0);
  as_buf_free(&b);
}

static void check_decode(const char *in, const char *want, size_t wantlen) {
  unsigned char *out;
  size_t len;
  int rc = ds_base64_decode(in, &out, &len);
  if (!want) {
    CHECK_INT(rc, -1);
    CHECK(out == NULL);
    return;
  }
  CHECK_INT(rc, 0);
  CHECK_INT(len, wantlen);
  if (rc == 0) CHECK(memcmp(out, want, wantlen) == 0);
  free(out);
}

static void test_base64(void) {
  char *e = ds_base64_encode("ab", 2);
  CHECK_STR(e, "YWI=");
  free(e);
  e = ds_base64_encode("a", 1);
  CHECK_STR(e, "YQ==");
  free(e);
  e = ds_base64_encode("", 0);
  CHECK_STR(e, "");
  free(e);
  check_decode("YQ==", "a", 1);
  check_decode("YWI=", "ab", 2);
  check_decode("YWJj", "abc", 3);
  check_decode("YWJjZA==", "abcd", 4);
  check_decode("", "", 0);
  check_decode("YQ", "a", 1);          /* unpadded */
  check_decode("-_8=", "\xfb\xff", 2); /* URL-safe */
  check_decode("+/8=", "\xfb\xff", 2);
  check_decode("Y===", NULL, 0);
  check_decode("YW=j", NULL, 0);
  check_decode("YWJ", "ab", 2);
  check_decode("Y", NULL, 0);
  check_decode("YW J", NULL, 0);
  check_decode("YWI=YWI=", NULL, 0);
  check_decode("YQ=", NULL, 0);
  /* Round trip over every byte value and length. */
  unsigned char all[256];
  for (int i = 0; i < 256; i++)
    all[i] = (unsigned char)(255 - i);
  for (size_t n = 250; n <= 256; n++) {
    char *t = ds_base64_encode(all, n);
    unsigned char *back;
    size_t len;
    CHECK_INT(ds_base64_decode(t, &back, &len), 0);
    CHECK_INT(len, n);
    CHECK(memcmp(back, all, n) == 0);
    free(back);
    free(t);
  }
}

static const char statement[] = "{\"_type\": \"https://in-toto.io/Statement/v1\", \"x\": 1}\n";

static void test_sign_verify(void) {
  ds_key *key = ds_key_generate();
  ds_key *other = ds_key_generate();
  char id[65], id2[65];
  ds_key_id(key, id);
  ds_key_id(other, id2);
  CHECK_INT(strlen(id), 64);
  CHECK(strcmp(id, id2) != 0);

  char err[512] = "";
  char *text = ds_sign(key, DS_PAYLOAD_TYPE_INTOTO, statement, strlen(statement), err, sizeof err);
  CHECK(text != NULL);
  if (!text) return;
  /* The envelope's fields, as the DSSE spec names them. */
  json_t *root = json_loads(text, 0, NULL);
  CHECK(root != NULL);
  CHECK_STR(json_string_value(json_object_get(root, "payloadType")),
            "application/vnd.in-toto+json");
  char *p64 = ds_base64_encode(statement, strlen(statement));
  CHECK_STR(json_string_value(json_object_get(root, "payload")), p64);
  free(p64);
  json_t *sig0 = json_array_get(json_object_get(root, "signatures"), 0);
  CHECK_STR(json_string_value(json_object_get(sig0, "keyid")), id);
  CHECK(json_is_string(json_object_get(sig0, "sig")));

  ds_envelope env;
  CHECK_INT(ds_envelope_parse(text, strlen(text), &env, err, sizeof err), 0);
  CHECK_STR(env.payload_type, DS_PAYLOAD_TYPE_INTOTO);
  CHECK_INT(env.payload_len, strlen(statement));
  CHECK_STR((const char *)env.payload, statement);
  CHECK_INT(env.nsigs, 1);
  CHECK_STR(env.sigs[0].keyid, id);
  CHECK_INT(env.sigs[0].siglen, 64); /* Ed25519 */
  CHECK(ds_verify(&env, key));
  /* A public-only key verifies as well. */
  char *pub = as_sprintf("%s/k.pub.pem", dir), *priv = as_sprintf("%s/k.pem", dir);
  bool exists;
  CHECK_INT(ds_key_write(key, priv, pub, &exists, err, sizeof err), 0);
  ds_key *pubkey = NULL;
  CHECK_INT(ds_key_load_public(pub, &pubkey, err, sizeof err), 0);
  if (pubkey) {
    CHECK(ds_verify(&env, pubkey));
    char pid[65];
    ds_key_id(pubkey, pid);
    CHECK_STR(pid, id);
    /* and cannot sign */
    CHECK(ds_sign(pubkey, "t", "x", 1, err, sizeof err) == NULL);
    CHECK_STR(err, "signing needs a private key");
  }
  ds_key_delete(pubkey);
  /* Another key: rejected. */
  CHECK(!ds_verify(&env, other));
  /* A flipped byte in the payload, in the signature, in the type: rejected. */
  env.payload[10] ^= 0x01;
  CHECK(!ds_verify(&env, key));
  env.payload[10] ^= 0x01;
  CHECK(ds_verify(&env, key));
  env.sigs[0].sig[5] ^= 0x80;
  CHECK(!ds_verify(&env, key));
  env.sigs[0].sig[5] ^= 0x80;
  CHECK(ds_verify(&env, key));
  env.payload_type[0] = 'A';
  CHECK(!ds_verify(&env, key));
  env.payload_type[0] = 'a';
  /* A payload one byte shorter (the PAE length changes): rejected. */
  env.payload_len--;
  CHECK(!ds_verify(&env, key));
  env.payload_len++;
  CHECK(ds_verify(&env, key));
  ds_envelope_free(&env);

  /* A second signature by another key: either key verifies the envelope. */
  char *text2 =
      ds_sign(other, DS_PAYLOAD_TYPE_INTOTO, statement, strlen(statement), err, sizeof err);
  json_t *root2 = json_loads(text2, 0, NULL);
  json_array_append(json_object_get(root, "signatures"),
                    json_array_get(json_object_get(root2, "signatures"), 0));
  char *both = json_dumps(root, 0);
  CHECK_INT(ds_envelope_parse(both, strlen(both), &env, err, sizeof err), 0);
  CHECK_INT(env.nsigs, 2);
  CHECK(ds_verify(&env, key));
  CHECK(ds_verify(&env, other));
  ds_envelope_free(&env);
  free(both);
  json_decref(root2);
  free(text2);
  json_decref(root);
  free(text);

  /* Keys on disk: modes, no overwrite, load back. */
  struct stat st;
  CHECK_INT(stat(priv, &st), 0);
  CHECK_INT(st.st_mode & 0777, 0600);
  CHECK_INT(stat(pub, &st), 0);
  CHECK_INT(st.st_mode & 0777, 0644);
  CHECK_INT(ds_key_write(other, priv, pub, &exists, err, sizeof err), -1);
  CHECK(exists);
  char *want = as_sprintf("%s already exists: not overwritten", priv);
  CHECK_STR(err, want);
  free(want);
  ds_key *loaded = NULL;
  CHECK_INT(ds_key_load_private(priv, &loaded, err, sizeof err), 0);
  if (loaded) {
    char lid[65];
    ds_key_id(loaded, lid);
    CHECK_STR(lid, id);
    char *t3 = ds_sign(loaded, "t", "x", 1, err, sizeof err);
    CHECK(t3 != NULL);
    free(t3);
  }
  ds_key_delete(loaded);
  /* A public key is not a private one; garbage is no key. */
  CHECK_INT(ds_key_load_private(pub, &loaded, err, sizeof err), -1);
  CHECK(strstr(err, "not a PEM private key") != NULL);
  char *junk = as_sprintf("%s/junk.pem", dir);
  FILE *f = fopen(junk, "w");
  fputs("not a key\n", f);
  fclose(f);
  CHECK_INT(ds_key_load_public(junk, &loaded, err, sizeof err), -1);
  CHECK(strstr(err, "not a PEM public key") != NULL);
  char *none = as_sprintf("%s/none.pem", dir);
  CHECK_INT(ds_key_load_public(none, &loaded, err, sizeof err), -1);
  want = as_sprintf("cannot read key %s: No such file or directory", none);
  CHECK_STR(err, want);
  free(want);
  unlink(junk);
  unlink(priv);
  unlink(pub);
  free(junk);
  free(none);
  free(priv);
  free(pub);
  ds_key_delete(key);
  ds_key_delete(other);
}

static void check_bad_envelope(const char *text, const char *want) {
  ds_envelope env;
  char err[512] = "";
  CHECK_INT(ds_envelope_parse(text, strlen(text), &env, err, sizeof err), -1);
  CHECK_STR(err, want);
  ds_envelope_free(&env);
}

static void test_bad_envelopes(void) {
  check_bad_envelope("{", "not JSON: line 1: string or '}' expected near end of file");
  check_bad_envelope("[1]", "not a JSON object");
  check_bad_envelope("{\"payload\": \"YQ==\", \"signatures\": [{\"sig\": \"YQ==\"}]}",
                     "no \"payloadType\" string");
  check_bad_envelope("{\"payloadType\": \"t\", \"signatures\": [{\"sig\": \"YQ==\"}]}",
                     "no \"payload\" string");
  check_bad_envelope("{\"payloadType\": \"t\", \"payload\": \"YQ==\", \"signatures\": []}",
                     "no \"signatures\" array with a signature");
  check_bad_envelope(
      "{\"payloadType\": \"t\", \"payload\": \"Y!==\", \"signatures\": [{\"sig\": \"YQ==\"}]}",
      "\"payload\" is not Base64");
  check_bad_envelope(
      "{\"payloadType\": \"t\", \"payload\": \"YQ==\", \"signatures\": [{\"keyid\": \"k\"}]}",
      "signature 1 has no \"sig\" string");
  check_bad_envelope("{\"payloadType\": \"t\", \"payload\": \"YQ==\", \"signatures\": "
                     "[{\"sig\": \"YQ==\"}, {\"sig\": \"%%\"}]}",
                     "signature 2: \"sig\" is not Base64");
  /* keyid is optional. */
  ds_envelope env;
  const char *ok = "{\"payloadType\": \"t\", \"payload\": \"YQ==\", \"signatures\": [{\"sig\": "
                   "\"YQ==\"}]}";
  char err[256];
  CHECK_INT(ds_envelope_parse(ok, strlen(ok), &env, err, sizeof err), 0);
  CHECK_STR(env.sigs[0].keyid, "");
  ds_key *k = ds_key_generate();
  CHECK(!ds_verify(&env, k));
  ds_key_delete(k);
  ds_envelope_free(&env);
}

int main(void) {
  snprintf(dir, sizeof dir, "/tmp/assay-dsse-XXXXXX");
  if (!mkdtemp(dir)) {
    perror("mkdtemp");
    return 1;
  }
  test_pae();
  test_base64();
  test_sign_verify();
  test_bad_envelopes();
  if (rmdir(dir) != 0) {
    fprintf(stderr, "temp dir %s not empty\n", dir);
    return 1;
  }
  return CHECK_DONE();
}
