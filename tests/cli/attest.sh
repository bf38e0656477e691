#!/usr/bin/env bash
# attest.sh — signed attestations end to end on the shop corpus: check writes
# the statement with its evidence digests, attest keygen/sign/verify, and the
# tamper cases (statement, evidence file, wrong key) each rejected by name.
#   $1 = path to the assay binary, $2 = repository root.
set -uo pipefail
ASSAY=$(realpath "${1:?usage: attest.sh ASSAY_BINARY REPO_ROOT}")
ROOT=$(realpath "${2:?usage: attest.sh ASSAY_BINARY REPO_ROOT}")
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-attest.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"
fail=0
cd "$T" || exit 1

# expect CODE 'substring of stderr+stdout' CMD...
expect() {
  local want=$1 msg=$2
  shift 2
  "$@" >"$T/out" 2>"$T/err"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL: exit $got, expected $want: $*"; sed 's/^/  | /' "$T/err" "$T/out" | head; fail=1
    return
  fi
  if ! grep -qF -- "$msg" "$T/err" "$T/out"; then
    echo "FAIL: output lacks '$msg': $*"; sed 's/^/  | /' "$T/err" "$T/out" | head; fail=1
  fi
}
sha() { sha256sum "$1" | cut -d' ' -f1; }

expect 0 "usage: assay attest keygen --output PREFIX" "$ASSAY" attest --help
expect 0 "usage: assay attest keygen" "$ASSAY" attest keygen --help
expect 0 "assay attest sign STATEMENT --key PRIVATE.pem" "$ASSAY" attest sign --help
expect 0 "assay attest verify ENVELOPE --key PUBLIC.pem [--root DIR]" "$ASSAY" attest verify --help
expect 2 "assay: missing subcommand (keygen, sign or verify)" "$ASSAY" attest
expect 2 "assay: unknown attest subcommand 'check'" "$ASSAY" attest check
expect 2 "assay: missing --output PREFIX" "$ASSAY" attest keygen
expect 2 "assay: missing --key PRIVATE.pem" "$ASSAY" attest sign att.json
expect 2 "assay: missing --key PUBLIC.pem" "$ASSAY" attest verify env.json
expect 2 "assay: missing ENVELOPE" "$ASSAY" attest verify --key k.pub.pem
expect 2 "assay: unknown option '--root'" "$ASSAY" attest sign att.json --root x

# The check, with relative evidence paths.
expect 0 "41 findings" "$ASSAY" baseline save "$ROOT/corpus/shop/before" --db b.sqlite
expect 1 "FAILED — 5 new" "$ASSAY" check "$ROOT/corpus/shop/after" --baseline b.sqlite \
  --sarif check.sarif --attestation att.json --format json --output check.json
python3 - "$(sha check.sarif)" "$(sha check.json)" "$(sha b.sqlite)" <<'EOF' || fail=1
import json, sys
p = json.load(open("att.json"))["predicate"]
want = [{"role": "sarif", "path": "check.sarif", "digest": {"sha256": sys.argv[1]}},
        {"role": "report-json", "path": "check.json", "digest": {"sha256": sys.argv[2]}}]
if p["evidence"] != want:
    print("FAIL: predicate.evidence", p["evidence"]); sys.exit(1)
if p["baseline"]["digest"]["sha256"] != sys.argv[3] or p["baseline"]["path"] != "b.sqlite":
    print("FAIL: predicate.baseline", p["baseline"]); sys.exit(1)
if p["exceptions"] != []:
    print("FAIL: predicate.exceptions", p["exceptions"]); sys.exit(1)
for k in ("verdict", "tool", "counts", "gates"):
    if k not in p:
        print("FAIL: predicate lacks", k); sys.exit(1)
EOF

# Keys, signature, verification.
expect 0 "private: k.pem (keep it secret)" "$ASSAY" attest keygen --output k
[ "$(stat -c %a k.pem)" = 600 ] || { echo "FAIL: k.pem mode $(stat -c %a k.pem)"; fail=1; }
keyid=$(openssl pkey -pubin -in k.pub.pem -outform DER | sha256sum | cut -d' ' -f1)
expect 0 "att.json signed with key $keyid: env.json" "$ASSAY" attest sign att.json --key k.pem --output env.json
expect 0 "verified: signature by $keyid, 2 evidence files match, baseline matches" \
  "$ASSAY" attest verify env.json --key k.pub.pem
mkdir elsewhere
(cd elsewhere && expect 0 "verified: signature by $keyid, 2 evidence files match" \
  "$ASSAY" attest verify ../env.json --key ../k.pub.pem --root "$T")
expect 1 "assay: evidence check.sarif: cannot read: No such file or directory" \
  "$ASSAY" attest verify env.json --key k.pub.pem --root elsewhere

# The envelope is plain DSSE: payload = the statement's bytes, and OpenSSL
# itself accepts the signature over PAE(type, payload).
python3 - <<'EOF' || fail=1
import base64, json, sys
e = json.load(open("env.json"))
body = base64.b64decode(e["payload"])
if body != open("att.json", "rb").read() or e["payloadType"] != "application/vnd.in-toto+json":
    print("FAIL: envelope payload or type"); sys.exit(1)
t = e["payloadType"].encode()
open("pae.bin", "wb").write(b"DSSEv1 %d %s %d %s" % (len(t), t, len(body), body))
open("sig.bin", "wb").write(base64.b64decode(e["signatures"][0]["sig"]))
EOF
openssl pkeyutl -verify -pubin -inkey k.pub.pem -rawin -in pae.bin -sigfile sig.bin >/dev/null ||
  { echo "FAIL: openssl does not verify the DSSE signature"; fail=1; }

# (a) One byte of the statement flipped, re-encoded: the envelope still parses.
python3 - <<'EOF' || fail=1
import base64, json
e = json.load(open("env.json"))
body = bytearray(base64.b64decode(e["payload"]))
i = body.index(b'"verdict": "fail"') + len('"verdict": "')
body[i] = ord("p")  # "fail" -> "pail"
e["payload"] = base64.b64encode(bytes(body)).decode()
json.dump(e, open("tampered.json", "w"))
EOF
expect 1 "assay: signature does not verify with k.pub.pem" \
  "$ASSAY" attest verify tampered.json --key k.pub.pem
# A flipped signature byte too.
python3 -c '
import base64, json
e = json.load(open("env.json")); s = bytearray(base64.b64decode(e["signatures"][0]["sig"]))
s[0] ^= 1; e["signatures"][0]["sig"] = base64.b64encode(bytes(s)).decode()
json.dump(e, open("badsig.json", "w"))'
expect 1 "assay: signature does not verify with k.pub.pem" \
  "$ASSAY" attest verify badsig.json --key k.pub.pem

# (b) One byte appended to the SARIF evidence: named, both digests shown.
cp check.sarif check.sarif.orig
before=$(sha check.sarif)
printf ' ' >>check.sarif
expect 1 "assay: evidence check.sarif: sha256 differs (statement $before, file $(sha check.sarif))" \
  "$ASSAY" attest verify env.json --key k.pub.pem
grep -qF "verified" "$T/out" && { echo "FAIL: verified despite a changed evidence file"; fail=1; }
mv check.sarif.orig check.sarif
# The baseline changed: rejected; the baseline gone: a note, not checked.
cp b.sqlite b.sqlite.orig
bbefore=$(sha b.sqlite)
printf 'x' >>b.sqlite
expect 1 "assay: baseline b.sqlite: sha256 differs (statement $bbefore, file $(sha b.sqlite))" \
  "$ASSAY" attest verify env.json --key k.pub.pem
rm b.sqlite
expect 0 "assay: note: baseline b.sqlite not found, not checked" \
  "$ASSAY" attest verify env.json --key k.pub.pem
expect 0 "verified: signature by $keyid, 2 evidence files match" \
  "$ASSAY" attest verify env.json --key k.pub.pem
mv b.sqlite.orig b.sqlite

# (c) Another key pair: rejected.
expect 0 "private: other.pem" "$ASSAY" attest keygen --output other
expect 1 "assay: signature does not verify with other.pub.pem" \
  "$ASSAY" attest verify env.json --key other.pub.pem

# (d) keygen never overwrites a key (private or public).
ksum=$(sha k.pem)
expect 2 "assay: k.pem already exists: not overwritten" "$ASSAY" attest keygen --output k
[ "$(sha k.pem)" = "$ksum" ] || { echo "FAIL: keygen overwrote k.pem"; fail=1; }
rm other.pem
expect 2 "assay: other.pub.pem already exists: not overwritten" "$ASSAY" attest keygen --output other
[ -e other.pem ] && { echo "FAIL: keygen wrote other.pem beside an existing other.pub.pem"; fail=1; }

# Inputs that are not what they claim: exit 2, named.
printf '{"payload": "%%%%"}' >junk.json
expect 2 "assay: junk.json: not a DSSE envelope: no \"payloadType\" string" \
  "$ASSAY" attest verify junk.json --key k.pub.pem
expect 2 "assay: cannot read none.json: No such file or directory" \
  "$ASSAY" attest verify none.json --key k.pub.pem
expect 2 "assay: check.sarif: not an in-toto Statement v1" \
  "$ASSAY" attest sign check.sarif --key k.pem --output x.json
expect 2 "assay: k.pub.pem: not a PEM private key" \
  "$ASSAY" attest sign att.json --key k.pub.pem --output x.json
expect 2 "assay: cannot read key nokey.pem: No such file or directory" \
  "$ASSAY" attest verify env.json --key nokey.pem
[ -e x.json ] && { echo "FAIL: sign wrote an envelope after an error"; fail=1; }

if [ "$fail" -ne 0 ]; then echo "attest.sh: FAILED"; exit 1; fi
echo "attest.sh: all passed"
