#!/usr/bin/env bash
# capi.sh — the C public API found without include/ (corpus/capi, analyses/pubhdr.h): a baseline
# of corpus/capi/before, checked against corpus/capi/after, reports exactly the changes of
# corpus/capi/truth/capi.json (service, change, class, key), fails (exit 1) and fails the
# attestation's contract gate; the JSON report's c_public_headers lists exactly the public headers
# of the truth, each with its rule and origin, in scan and check alike (and the text report says
# the same), no private header among them, and no diagnostic (every header parses);
# corpus/capi/private (only private headers, .c files, comments and layout of the public
# headers change) passes with exit 0, no change and a passing contract gate; before against its
# own baseline passes.
#   $1 = path to the assay binary, $2 = repository root.
set -uo pipefail
ASSAY=${1:?usage: capi.sh ASSAY_BINARY REPO_ROOT}
ROOT=${2:?usage: capi.sh ASSAY_BINARY REPO_ROOT}
C="$ROOT/corpus/capi"
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-capi.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"
fail=0
run() { # WANT_RC NAME ARGS...
  local want=$1 name=$2
  shift 2
  "$ASSAY" "$@" >"$T/$name.out" 2>&1
  local rc=$?
  if [ "$rc" -ne "$want" ]; then
    echo "FAIL: assay $* exited $rc (want $want)"
    sed 's/^/  /' "$T/$name.out" | head -30
    fail=1
  fi
}
run 0 scan scan "$C/before" --format json --output "$T/scan.json"
run 0 save baseline save "$C/before" --db "$T/b.sqlite"
run 1 check check "$C/after" --baseline "$T/b.sqlite" --format json --output "$T/check.json" \
  --attestation "$T/att.json"
run 0 private check "$C/private" --baseline "$T/b.sqlite" --format json --output "$T/private.json" \
  --attestation "$T/att-private.json"
run 0 same check "$C/before" --baseline "$T/b.sqlite" --format json --output "$T/same.json"
run 1 text check "$C/after" --baseline "$T/b.sqlite"

python3 - "$C/truth/capi.json" "$T" <<'PYEOF' || fail=1
import collections, json, os, sys
truth_path, tmp = sys.argv[1:3]
truth = json.load(open(truth_path))
ok = True


def bad(msg):
    global ok
    ok = False
    print("FAIL " + msg)


def compare(label, got, want):
    gc, wc = collections.Counter(got), collections.Counter(want)
    for k in sorted(wc - gc):
        bad("%s: missing %s" % (label, k))
    for k in sorted(gc - wc):
        bad("%s: extra %s" % (label, k))
    if gc == wc:
        print("ok   %s: %d as in the ground truth" % (label, len(want)))


want_headers = [(h["service"], h["path"], h["rule"], h["origin"]) for h in truth["public_headers"]]
for name in ("scan", "check", "private", "same"):
    out = json.load(open(os.path.join(tmp, name + ".json")))
    got_headers = [(h["service"], h["file"], h["rule"], h["origin"]) for h in out["c_public_headers"]]
    compare("%s: public headers" % name, got_headers, want_headers)
    if got_headers != sorted(got_headers, key=lambda h: h[1]):
        bad("%s: c_public_headers not in path order: %s" % (name, got_headers))
    if out["diagnostics"]:
        bad("%s: diagnostics %s" % (name, out["diagnostics"]))
    for f in out["findings"]:
        for p in truth["private_headers"]:
            if f["file"] == p:
                bad("%s: a finding in the private header %s: %s" % (name, p, f["rule"]))

check = json.load(open(os.path.join(tmp, "check.json")))
got = []
for f in check["findings"]:
    if not f["rule"].startswith("assay/change/"):
        bad("unexpected finding %s at %s:%d" % (f["rule"], f["file"], f["line"]))
        continue
    service, kind, key = f["source"].split(":", 2)
    got.append((service, f["rule"][len("assay/change/"):], f.get("contract_class"), key))
    if f["file"] not in [h["path"] for h in truth["public_headers"] if h["service"] == service]:
        bad("change %s %s reported at %s, not at its service's public header" % (f["rule"], key, f["file"]))
compare("contract changes", got, [(c["service"], c["change"], c["class"], c["key"]) for c in truth["changes"]])

for name in ("private", "same"):
    out = json.load(open(os.path.join(tmp, name + ".json")))
    if out["findings"]:
        bad("%s: findings %s" % (name, [(f["rule"], f["source"]) for f in out["findings"]]))
    else:
        print("ok   %s: no findings" % name)

by = collections.Counter(c["class"] for c in truth["changes"])
want_changes = {"breaking": by["breaking"], "potentiallyBreaking": by["potentially-breaking"],
                "compatible": by["compatible"]}
gate = json.load(open(os.path.join(tmp, "att.json")))["predicate"]["gates"]["contract"]
if gate["changes"] != want_changes or gate["verdict"] != "fail":
    bad("attestation gates.contract: %s %s (want fail, %s)" % (gate["verdict"], gate["changes"], want_changes))
else:
    print("ok   attestation: contract gate fails with %s" % want_changes)
gate = json.load(open(os.path.join(tmp, "att-private.json")))["predicate"]["gates"]["contract"]
zero = {"breaking": 0, "potentiallyBreaking": 0, "compatible": 0}
if gate["changes"] != zero or gate["verdict"] != "pass":
    bad("private attestation gates.contract: %s %s (want pass, %s)" % (gate["verdict"], gate["changes"], zero))
else:
    print("ok   private attestation: contract gate passes")

# the text report names the rule next to each header
text = open(os.path.join(tmp, "text.out")).read()
for h in truth["public_headers"]:
    line = "public C header of %s: %s (rule %s, %s)" % (h["service"], h["path"], h["rule"], h["origin"])
    if line not in text.splitlines():
        bad("text report lacks: %s" % line)
sys.exit(0 if ok else 1)
PYEOF
[ "$fail" -eq 0 ] && echo "capi: ok" || { echo "capi: FAILED"; exit 1; }
