#!/usr/bin/env bash
# contract.sh — the contract gate end to end: a baseline of
# corpus/contract/before, checked against corpus/contract/after, reports
# exactly the changes of every truth file in corpus/contract/truth/ (protobuf,
# OpenAPI, the HTTP API from code, and the C ABI when present), each with its
# class, as assay/change/CHANGE findings; breaking ones fail check; SARIF
# levels follow the class; the attestation counts them.
#   $1 = path to the assay binary, $2 = repository root.
set -uo pipefail
ASSAY=${1:?usage: contract.sh ASSAY_BINARY REPO_ROOT}
ROOT=${2:?usage: contract.sh ASSAY_BINARY REPO_ROOT}
C="$ROOT/corpus/contract"
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-contract.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"
fail=0
"$ASSAY" baseline save "$C/before" --db "$T/b.sqlite" >"$T/out" 2>&1 || {
  echo "FAIL: baseline save"; cat "$T/out"; exit 1; }
"$ASSAY" check "$C/after" --baseline "$T/b.sqlite" --format json --output "$T/check.json" \
  --sarif "$T/check.sarif" --attestation "$T/att.json" >"$T/out" 2>&1
rc=$?
[ "$rc" -eq 1 ] || { echo "FAIL: check exit $rc (want 1)"; cat "$T/out"; fail=1; }
"$ASSAY" check "$C/before" --baseline "$T/b.sqlite" --format json --output "$T/same.json" >"$T/out" 2>&1 ||
  { echo "FAIL: before against its own baseline does not pass"; cat "$T/out"; fail=1; }

python3 - "$C/truth" "$T" <<'PYEOF' || fail=1
import collections, json, os, sys
tdir, tmp = sys.argv[1], sys.argv[2]
ok = True


def bad(msg):
    global ok
    ok = False
    print("FAIL " + msg)


want, surface = [], []
for name in sorted(os.listdir(tdir)):
    if name.endswith(".json"):
        t = json.load(open(os.path.join(tdir, name)))
        want += [(c["change"], c["class"], c["key"]) for c in t["changes"]]
        surface += [(s["rule"], s["key"]) for s in t.get("surface", [])]
check = json.load(open(os.path.join(tmp, "check.json")))
got, got_surface = [], []
for f in check["findings"]:
    key = f["source"].split(":", 2)[2]  # "service:kind:key" (changes) / "service:proto:method:target"
    if f["rule"].startswith("assay/change/"):
        got.append((f["rule"][len("assay/change/"):], f.get("contract_class"), key))
    elif f["rule"].startswith("assay/surface-"):
        parts = f["source"].split(":", 3)
        got_surface.append((f["rule"], parts[2] + " " + parts[3]))
    else:
        bad("unexpected finding %s at %s:%d" % (f["rule"], f["file"], f["line"]))
for label, g, w in (("contract changes", got, want), ("attack surface", got_surface, surface)):
    gc, wc = collections.Counter(g), collections.Counter(w)
    for k in sorted(wc - gc):
        bad("%s: missing %s" % (label, k))
    for k in sorted(gc - wc):
        bad("%s: extra %s" % (label, k))
    if gc == wc:
        print("ok   %s: %d as in the ground truth" % (label, len(w)))
same = json.load(open(os.path.join(tmp, "same.json")))
if any(f["rule"].startswith(("assay/change/", "assay/surface-")) for f in same["findings"]):
    bad("before against its own baseline reports changes")
levels = {"breaking": "error", "potentially-breaking": "warning", "compatible": "note"}
for r in json.load(open(os.path.join(tmp, "check.sarif")))["runs"][0]["results"]:
    cls = r.get("properties", {}).get("contractClass")
    if cls and r["level"] != levels[cls]:
        bad("SARIF %s: level %s for a %s change" % (r["ruleId"], r["level"], cls))
gate = json.load(open(os.path.join(tmp, "att.json")))["predicate"]["gates"]["contract"]
by = collections.Counter(c for _, c, _ in want)
want_changes = {"breaking": by["breaking"], "potentiallyBreaking": by["potentially-breaking"],
                "compatible": by["compatible"]}
if gate["changes"] != want_changes or gate["verdict"] != "fail":
    bad("attestation gates.contract: %s %s (want fail, %s)" % (gate["verdict"], gate["changes"], want_changes))
sys.exit(0 if ok else 1)
PYEOF
[ "$fail" -eq 0 ] && echo "contract: ok" || { echo "contract: FAILED"; exit 1; }
