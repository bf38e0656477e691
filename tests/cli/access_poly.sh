#!/usr/bin/env bash
# access_poly.sh — SQL and key-value call sites in every language
# (tests/access/poly: C sqlite3 and hiredis, Go database/sql and go-redis,
# Java JDBC, JdbcTemplate and Jedis, TypeScript pg and ioredis, Python
# sqlite3/DB-API paramstyles, SQLAlchemy text(), a Django model; Redis
# clients known by what made them, not by their names) against
# tests/access/poly.truth.json: exact rows with their categories and lines,
# statements SQLite cannot prepare with SQLite's reason (JSON and a
# diagnostic each), and the flows out of columns read.
#   $1 = path to the assay binary, $2 = repository root.
set -uo pipefail
ASSAY=${1:?usage: access_poly.sh ASSAY_BINARY REPO_ROOT}
ROOT=${2:?usage: access_poly.sh ASSAY_BINARY REPO_ROOT}
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-access-poly.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"

"$ASSAY" scan "$ROOT/tests/access/poly" --format json --output "$T/out.json" 2>"$T/err.txt"
rc=$?
# The two flows make the scan report findings; a scan exits 0 all the same.
[ "$rc" -eq 0 ] || { echo "FAIL: scan exited $rc"; cat "$T/err.txt"; exit 1; }

python3 - "$ROOT/tests/access/poly.truth.json" "$T/out.json" <<'PYEOF'
import json, sys

truth, out = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
da = out["data_access"]
ok = True


def compare(label, got, want):
    global ok
    got, want = sorted(got), sorted(want)
    if got == want:
        print("ok   %s: %d as expected" % (label, len(want)))
        return
    ok = False
    for k in sorted(set(want) - set(got)):
        print("FAIL %s: missing    %s" % (label, k))
    for k in sorted(set(got) - set(want)):
        print("FAIL %s: unexpected %s" % (label, k))
    if set(got) == set(want):
        print("FAIL %s: duplicates in %s" % (label, got))


compare("accesses",
        [(r["service"], r["function"], r["kind"], r["resource"], r["op"],
          tuple(c["name"] for c in r["columns"]), tuple(r["categories"]), r["via"], r["line"],
          r["statement"]) for r in da["accesses"]],
        [(r["service"], r["function"], r["kind"], r["resource"], r["op"], tuple(r["columns"]),
          tuple(r["categories"]), r["via"], r["line"], r["statement"]) for r in truth["accesses"]])
compare("unresolved",
        [(u["service"], u["function"], u["file"], u["line"], u["reason"], u["statement"])
         for u in da["unresolved"]],
        [(u["service"], u["function"], u["file"], u["line"], u["reason"], u["statement"])
         for u in truth["unresolved"]])
compare("sql-unresolved diagnostics",
        [(d["file"], d["line"], d["message"]) for d in out["diagnostics"]
         if d["code"] == "sql-unresolved"],
        [(u["file"], u["line"], "SQL not read (%s): %s" % (u["reason"], u["statement"]))
         for u in truth["unresolved"]])
compare("flows", [(f["file"], f["line"], f["source"], f["sink"]) for f in out["findings"]],
        [(f["file"], f["line"], f["source"], f["sink"]) for f in truth["flows"]])
sys.exit(0 if ok else 1)
PYEOF
rc=$?
[ "$rc" -eq 0 ] && echo "access_poly: passed" || echo "access_poly: FAILED"
exit "$rc"
