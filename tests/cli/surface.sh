#!/usr/bin/env bash
# surface.sh — the attack-surface gate (tests/surface: a Flask API before and
# after a change). A baseline stores the endpoints with their guards and
# what their responses carry; check reports, each as its own finding:
#   - a guard removed from GET /accounts/<ref>  (assay/surface-auth-removed)
#   - a response newly carrying an e-mail       (assay/surface-response-pii)
#   - a new endpoint POST /exports              (assay/surface-endpoint-added)
# Each regression alone fails check (exit 1); an exception by fingerprint in
# the policy approves one (exit 0); the attestation's contract gate counts
# them; a baseline without a surface (schema 2) says so and reports none.
#   $1 = path to the assay binary, $2 = repository root.
set -uo pipefail
ASSAY=${1:?usage: surface.sh ASSAY_BINARY REPO_ROOT}
ROOT=${2:?usage: surface.sh ASSAY_BINARY REPO_ROOT}
FIX="$ROOT/tests/surface"
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-surface.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"
fail=0
expect() { # expect EXIT CMD...
  local want=$1
  shift
  "$@" >"$T/out" 2>"$T/err"
  local got=$?
  [ "$got" -eq "$want" ] || {
    echo "FAIL: exit $got (want $want): $*"
    sed 's/^/  | /' "$T/err" | head -5
    fail=1
  }
}

expect 0 "$ASSAY" baseline save "$FIX/before" --db "$T/b.sqlite"
expect 1 "$ASSAY" check "$FIX/after" --baseline "$T/b.sqlite" --format json --output "$T/after.json" \
  --attestation "$T/att.json"
expect 0 "$ASSAY" check "$FIX/before" --baseline "$T/b.sqlite" --format json --output "$T/same.json"

# One regression at a time, on copies of before.
cp -r "$FIX/before" "$T/guard" && sed -i '/^@login_required$/d' "$T/guard/api/app/routes.py"
cp -r "$FIX/before" "$T/pii" &&
  sed -i 's/"total": found.total})/"total": found.total, "contact": found.email})/' "$T/pii/api/app/routes.py"
expect 1 "$ASSAY" check "$T/guard" --baseline "$T/b.sqlite" --format json --output "$T/guard.json"
expect 1 "$ASSAY" check "$T/pii" --baseline "$T/b.sqlite" --format json --output "$T/pii.json"

# An older baseline (schema 2: no surface table) compares no surface.
cp "$T/b.sqlite" "$T/v2.sqlite"
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript("DROP TABLE surface_endpoints; PRAGMA user_version = 2"); c.close()' "$T/v2.sqlite"
expect 0 "$ASSAY" check "$T/guard" --baseline "$T/v2.sqlite" --format json --output "$T/v2.json"
grep -q "^assay: note: the baseline $T/v2.sqlite holds no attack surface (an older schema); save a new baseline to compare endpoints and their guards$" "$T/err" ||
  { echo "FAIL: no note about the baseline without a surface"; cat "$T/err"; fail=1; }

python3 - "$T" <<'PYEOF' || fail=1
import json, os, sys
tmp = sys.argv[1]
ok = True


def bad(msg):
    global ok
    ok = False
    print("FAIL " + msg)


def rows(name):
    d = json.load(open(os.path.join(tmp, name)))
    return sorted((f["file"], f["line"], f["rule"], tuple(f["categories"]), f["state"])
                  for f in d["findings"]), d


got, after = rows("after.json")
want = sorted([
    ("api/app/routes.py", 10, "assay/surface-auth-removed", (), "new"),
    ("api/app/routes.py", 15, "assay/surface-response-pii", ("user.contact.email",), "new"),
    ("api/app/routes.py", 17, "assay/pii-to-response", ("user.contact.email",), "new"),
    ("api/app/routes.py", 21, "assay/surface-endpoint-added", (), "new"),
    # the HTTP API from code: compatible changes, reported, not failing
    ("api/app/routes.py", 15, "assay/change/http.response-field-added", (), "new"),
    ("api/app/routes.py", 21, "assay/change/http.operation-added", (), "new"),
])
if got != want:
    bad("after:\n  got  %s\n  want %s" % (got, want))
msgs = {f["rule"]: f["message"] for f in after["findings"]}
if msgs.get("assay/surface-auth-removed") != (
        "The http endpoint GET /accounts/<int:ref> in service api lost its auth guard "
        "login_required (api/app/routes.py:12 in the baseline): it is now open to any caller"):
    bad("auth-removed message: %r" % msgs.get("assay/surface-auth-removed"))
same, _ = rows("same.json")
if any(r[2].startswith("assay/surface-") for r in same):
    bad("before against its own baseline reports a surface change: %s" % same)
guard, _ = rows("guard.json")
if guard != [("api/app/routes.py", 11, "assay/surface-auth-removed", (), "new")]:
    bad("guard removed alone: %s" % guard)
pii, _ = rows("pii.json")
if [r[2] for r in pii] != ["assay/change/http.response-field-added", "assay/surface-response-pii",
                          "assay/pii-to-response"]:
    bad("PII returned alone: %s" % pii)
v2, _ = rows("v2.json")
if any(r[2].startswith("assay/surface-") for r in v2):
    bad("a schema-2 baseline still produced surface findings: %s" % v2)
gate = json.load(open(os.path.join(tmp, "att.json")))["predicate"]["gates"]["contract"]
want_gate = {"verdict": "fail", "new": 5, "counts": {"new": 5, "unchanged": 0, "absent": 0},
             "newByRule": {"assay/surface-endpoint-added": 1, "assay/surface-auth-removed": 1,
                           "assay/surface-response-pii": 1, "assay/contract-field-missing": 0,
                           "assay/contract-field-unread": 0},
             "changes": {"breaking": 0, "potentiallyBreaking": 0, "compatible": 2},
             "surfaceCompared": True}
if gate != want_gate:
    bad("attestation gates.contract:\n  got  %s\n  want %s" % (gate, want_gate))
# The fingerprint of the removed guard, for the policy exception below.
fp = [f["fingerprint"] for f in json.load(open(os.path.join(tmp, "guard.json")))["findings"]
      if f["rule"] == "assay/surface-auth-removed"][0]
open(os.path.join(tmp, "fp"), "w").write(fp)
sys.exit(0 if ok else 1)
PYEOF

# Approved by fingerprint, with a reason: the removal no longer fails check.
mkdir -p "$T/guard/.assay"
printf 'exceptions:\n  - fingerprint: %s\n    reason: "the account page is public now (PROD-12)"\n' \
  "$(cat "$T/fp")" >"$T/guard/.assay/policy.yaml"
expect 0 "$ASSAY" check "$T/guard" --baseline "$T/b.sqlite"

[ "$fail" -eq 0 ] && echo "surface: ok" || { echo "surface: FAILED"; exit 1; }
