#!/usr/bin/env bash
# access_reach.sh — which endpoints reach a data access, across services
# (tests/access/reach): the gateway's public GET /api/users/{} calls the users
# service over HTTP; that service's GET /users/{} handler calls find(), which
# reads users.email. The row lists both endpoints, the other service's named
# with its service; GET /internal/count reaches count() only. The access graph
# draws the gateway's endpoint in the gateway's cluster, with its edge to find().
#   $1 = path to the assay binary, $2 = repository root.
set -uo pipefail
ASSAY=${1:?usage: access_reach.sh ASSAY_BINARY REPO_ROOT}
ROOT=${2:?usage: access_reach.sh ASSAY_BINARY REPO_ROOT}
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-access-reach.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"
FIX="$ROOT/tests/access/reach"

"$ASSAY" scan "$FIX" --format json --output "$T/out.json" 2>"$T/err.txt" ||
  { echo "FAIL: scan exited $?"; cat "$T/err.txt"; exit 1; }
"$ASSAY" export "$FIX" --graph access --format dot --output "$T/access.dot" 2>"$T/err.txt" ||
  { echo "FAIL: export exited $?"; cat "$T/err.txt"; exit 1; }

python3 - "$T/out.json" "$T/access.dot" <<'PYEOF'
import json, sys

out = json.load(open(sys.argv[1]))
dot = open(sys.argv[2]).read()
ok = True


def check(label, got, want):
    global ok
    if got == want:
        print("ok   %s" % label)
    else:
        ok = False
        print("FAIL %s:\n  got  %r\n  want %r" % (label, got, want))


links = [(l["service"], l["method"], l["target"], l["target_service"], l["state"])
         for l in out["links"]]
check("the gateway's call is linked to the users service",
      links, [("gateway", "GET", "/users/{}", "users", "matched")])
rows = sorted((a["service"], a["function"], a["resource"], a["op"],
               tuple(c["name"] for c in a["columns"]), tuple(a["endpoints"]))
              for a in out["data_access"]["accesses"])
check("rows with the endpoints reaching them", rows, [
    ("users", "app:count", "users", "read", (), ("GET /internal/count",)),
    ("users", "app:find", "users", "read", ("email", "id", "name"),
     ("GET /users/{}", "gateway: GET /api/users/{}")),
])

# The graph: the gateway's endpoint sits in the gateway's cluster, the edge
# from it to find() outside both clusters.
clusters = {}
for block in dot.split("\n\tsubgraph ")[1:]:
    name, body = block.split(" ", 1)
    clusters[name] = body[:body.find("\n\t}")]
check("one cluster per service", sorted(clusters), ["cluster_gateway", "cluster_users"])
EP = '"endpoint gateway GET /api/users/{}"'
EDGE = EP + ' -> "function users app:find"'
check("the gateway's cluster holds its endpoint",
      (EP + "\t[") in clusters.get("cluster_gateway", ""), True)
check("the users cluster holds neither it nor the edge",
      EP in clusters.get("cluster_users", "x" + EP), False)
check("the edge from the gateway's endpoint to find() is drawn", EDGE in dot, True)
sys.exit(0 if ok else 1)
PYEOF
rc=$?
[ "$rc" -eq 0 ] && echo "access_reach: passed" || echo "access_reach: FAILED"
exit "$rc"
