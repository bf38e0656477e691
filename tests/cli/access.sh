#!/usr/bin/env bash
# access.sh — the data-access graph of the shop corpus against its ground
# truth (corpus/shop/access_truth.json), end to end through the CLI.
#   $1 = path to the assay binary, $2 = repository root.
# scan before and after: exactly the expected (service, function, kind,
# resource, op, columns, via, endpoints reaching the function) rows, unresolved statements with SQLite's
# reason, tables with their columns, schema statements SQLite rejected;
# baseline save (before) and check (after): exactly the expected
# new-access findings, in the JSON report, in SARIF (baselineState new) and
# in the attestation's dataAccess gate; the access graph exported as DOT.
set -uo pipefail

ASSAY=${1:?usage: access.sh ASSAY_BINARY REPO_ROOT}
ROOT=${2:?usage: access.sh ASSAY_BINARY REPO_ROOT}
CORPUS="$ROOT/corpus/shop"
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-access.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"

fail=0
run() { # run EXPECTED_EXIT CMD...
  local want=$1
  shift
  "$@" >"$T/out.txt" 2>"$T/err.txt"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL: exit $got (want $want): $*"
    sed 's/^/  stderr: /' "$T/err.txt" | head -20
    fail=1
  fi
}

run 0 "$ASSAY" scan "$CORPUS/before" --format json --output "$T/before.json"
run 0 "$ASSAY" scan "$CORPUS/after" --format json --output "$T/after.json"
run 0 "$ASSAY" baseline save "$CORPUS/before" --db "$T/b.sqlite"
run 1 "$ASSAY" check "$CORPUS/after" --baseline "$T/b.sqlite" --format json \
  --output "$T/check.json" --sarif "$T/check.sarif" --attestation "$T/att.json"
grep -q "; data access: 6 new" "$T/out.txt" ||
  { echo "FAIL: check's verdict line lacks '; data access: 6 new':"; cat "$T/out.txt"; fail=1; }
run 0 "$ASSAY" export "$CORPUS/after" --graph access --format dot --output "$T/access.dot"

python3 - "$CORPUS/access_truth.json" "$T" "$ROOT/tests/lib" <<'PYEOF' || fail=1
import json, os, sys

truth_path, tmp, lib = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path.insert(0, lib)
import dotgraph

truth = json.load(open(truth_path))
ok = True


def compare(label, got, want):
    global ok
    got_l, want_s = list(got), set(want)
    got_s = set(got_l)
    for k in sorted(want_s - got_s):
        print("FAIL %s: missing    %s" % (label, k))
    for k in sorted(got_s - want_s):
        print("FAIL %s: unexpected %s" % (label, k))
    dups = sorted(k for k in got_s if got_l.count(k) > 1)
    for k in dups:
        print("FAIL %s: reported %d times: %s" % (label, got_l.count(k), k))
    if want_s != got_s or dups:
        ok = False
    else:
        print("ok   %s: %d as expected" % (label, len(want_s)))


def row(r):
    cols = r["columns"]
    names = [c["name"] if isinstance(c, dict) else c for c in cols]
    return (r["service"], r["function"], r["kind"], r["resource"], r["op"],
            tuple(sorted(names)), r["via"], tuple(sorted(r["endpoints"])))


for version in ("before", "after"):
    out = json.load(open(os.path.join(tmp, version + ".json")))
    da, want = out["data_access"], truth[version]
    compare("%s accesses" % version, [row(r) for r in da["accesses"]],
            [row(r) for r in want["accesses"]])
    compare("%s unresolved" % version,
            [(u["service"], u["function"], u["file"], u["line"], u["reason"])
             for u in da["unresolved"]],
            [(u["service"], u["function"], u["path"], u["line"], u["reason"])
             for u in want["unresolved"]])
    compare("%s tables" % version,
            [(t["service"], t["name"], t["origin"], tuple(c["name"] for c in t["columns"]))
             for t in da["tables"]],
            [(t["service"], t["name"], t["origin"], tuple(t["columns"])) for t in want["tables"]])
    compare("%s skipped schema statements" % version,
            [(d["file"], d["line"], d["message"]) for d in out["diagnostics"]
             if d["code"] == "sql-rejected"],
            [(s["path"], s["line"], s["message"]) for s in want["skipped"]])
    # Every unresolved statement is also a diagnostic naming its file and line.
    notes = set((d["file"], d["line"]) for d in out["diagnostics"] if d["code"] == "sql-unresolved")
    for u in want["unresolved"]:
        if (u["path"], u["line"]) not in notes:
            print("FAIL %s: no sql-unresolved diagnostic at %s:%d" % (version, u["path"], u["line"]))
            ok = False

# check: the new-access findings, by identity.
check = json.load(open(os.path.join(tmp, "check.json")))


def ident(f):
    # source: "service:kind:resource:column" (keys and tables: no column)
    svc = f["service"]
    src = f["source"][len(svc) + 1:]
    kind, rest = src.split(":", 1)
    column = None
    if f["rule"] != "assay/access-table-added" and kind == "table":
        rest, column = rest.rsplit(":", 1)
    function = None
    if f["rule"] != "assay/access-table-added":
        function = f["sink_symbol"][len(svc) + 1:].rsplit(":", 1)[0]
    return (f["rule"], svc, function, rest, column, f.get("state"), f["file"], f["line"])


compare("check access findings",
        [ident(f) for f in check["findings"] if f["rule"].startswith("assay/access-")],
        [(c["rule"], c["service"], c["function"], c["resource"], c["column"], c["state"],
          c["file"], c["line"]) for c in truth["check"]])

sarif = json.load(open(os.path.join(tmp, "check.sarif")))
res = [r for run in sarif["runs"] for r in run["results"] if r["ruleId"].startswith("assay/access-")]
states = sorted(set(r.get("baselineState") for r in res))
if len(res) != len(truth["check"]) or states != ["new"]:
    print("FAIL sarif: %d access results with states %s, want %d new" % (len(res), states,
                                                                          len(truth["check"])))
    ok = False
else:
    print("ok   sarif: %d access results, baselineState new" % len(res))

att = json.load(open(os.path.join(tmp, "att.json")))
gate = att["predicate"]["gates"]["dataAccess"]
by_rule = {}
for c in truth["check"]:
    by_rule[c["rule"]] = by_rule.get(c["rule"], 0) + 1
want_gate = {"verdict": "fail", "new": len(truth["check"]),
             "newByRule": {r: by_rule.get(r, 0) for r in
                           ("assay/access-pii-read", "assay/access-pii-write",
                            "assay/access-table-added")},
             "graph": {"accesses": len(truth["after"]["accesses"]),
                       "tables": len(truth["after"]["tables"]),
                       "unresolvedStatements": len(truth["after"]["unresolved"])},
             "graphCompared": True}
if gate != want_gate:
    print("FAIL attestation dataAccess gate: %s, want %s" % (json.dumps(gate, sort_keys=True),
                                                             json.dumps(want_gate, sort_keys=True)))
    ok = False
else:
    print("ok   attestation: dataAccess gate %s" % json.dumps(gate, sort_keys=True))

# The graph: one access edge per row, a table node per table, an
# unresolved node per statement not read.
g = dotgraph.parse(open(os.path.join(tmp, "access.dot")).read())
edges = [e for e in g["edges"] if e[2].get("assay_role") == "access"]
tables = [n for n, a in g["nodes"].items() if a.get("assay_role") == "table"]
unres = [n for n, a in g["nodes"].items() if a.get("assay_role") == "unresolved"]
want = (len(truth["after"]["accesses"]),
        len(set((t["service"], t["name"]) for t in truth["after"]["tables"]) |
            set((r["service"], r["resource"]) for r in truth["after"]["accesses"]
                if r["kind"] == "table")),
        len(truth["after"]["unresolved"]))
if (len(edges), len(tables), len(unres)) != want:
    print("FAIL access.dot: %d access edges, %d tables, %d unresolved; want %s"
          % (len(edges), len(tables), len(unres), want))
    ok = False
else:
    print("ok   access.dot: %d access edges, %d tables, %d unresolved" % want)
sys.exit(0 if ok else 1)
PYEOF

# Identity: moving the code down its file changes no access finding's
# fingerprint; approving every access finding by fingerprint (with a reason)
# passes the data-access gate.
cp -r "$CORPUS/after" "$T/moved"
for f in "$T/moved/accounts/app/logins.py" "$T/moved/accounts/app/store.py"; do
  { printf '\n\n\n'; cat "$f"; } >"$f.tmp" && mv "$f.tmp" "$f"
done
run 1 "$ASSAY" check "$T/moved" --baseline "$T/b.sqlite" --format json --output "$T/moved.json"
python3 - "$T" <<'PYEOF' || fail=1
import json, os, sys
tmp = sys.argv[1]
def fps(name):
    out = json.load(open(os.path.join(tmp, name)))
    return sorted(f["fingerprint"] for f in out["findings"] if f["rule"].startswith("assay/access-"))
a, b = fps("check.json"), fps("moved.json")
if a != b or len(a) != 6:
    print("FAIL: access fingerprints moved with the code: %s vs %s" % (a, b))
    sys.exit(1)
print("ok   6 access fingerprints stable when the code moves down")
with open(os.path.join(tmp, "fps"), "w") as f:
    f.write("".join(fp + "\n" for fp in a))
PYEOF
mkdir -p "$T/moved/.assay"
{
  echo "exceptions:"
  while read -r fp; do
    printf '  - fingerprint: %s\n    reason: "reviewed with the privacy team (PRIV-7)"\n' "$fp"
  done <"$T/fps"
} >"$T/moved/.assay/policy.yaml"
run 1 "$ASSAY" check "$T/moved" --baseline "$T/b.sqlite" --attestation "$T/att2.json"
python3 -c '
import json, sys
g = json.load(open(sys.argv[1]))["predicate"]["gates"]["dataAccess"]
sys.exit(0 if g["verdict"] == "pass" and g["new"] == 6 else 1)' "$T/att2.json" ||
  { echo "FAIL: approved access findings still fail the data-access gate"; fail=1; }

# A baseline older than schema 4 holds no access graph: check says so and
# reports no access finding.
cp "$T/b.sqlite" "$T/v3.sqlite"
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript("DROP TABLE access_rows; DROP TABLE schema_tables; PRAGMA user_version = 3"); c.close()' "$T/v3.sqlite"
run 1 "$ASSAY" check "$CORPUS/after" --baseline "$T/v3.sqlite" --format json --output "$T/v3.json"
grep -qx "assay: note: the baseline $T/v3.sqlite holds no data-access graph (an older schema); save a new baseline to compare table and key access" "$T/err.txt" ||
  { echo "FAIL: no note about the schema-3 baseline:"; cat "$T/err.txt"; fail=1; }
python3 -c '
import json, sys
n = sum(1 for f in json.load(open(sys.argv[1]))["findings"] if f["rule"].startswith("assay/access-"))
sys.exit(0 if n == 0 else 1)' "$T/v3.json" || { echo "FAIL: access findings against a schema-3 baseline"; fail=1; }

[ "$fail" -eq 0 ] && echo "access: passed" || echo "access: FAILED"
exit "$fail"
