#!/usr/bin/env bash
# mesh.sh — the cross-service corpus (corpus/mesh: TypeScript, Python, Go and
# Java services linked over HTTP, gRPC, Kafka and Redis) against its ground
# truth, end to end through the CLI:
#   - scan's JSON findings are exactly the ground truth's (file, line, rule,
#     categories, sink, services in order), and so are its endpoints and links;
#   - every SARIF result's code flow visits the ground truth's services in
#     that order (taken from the steps' service property), and no result is
#     extra;
#   - a baseline of the corpus checks against the corpus with every finding
#     unchanged (the fingerprints are stable) and exit 0;
#   - the service map's DOT has exactly the ground truth's nodes and edges
#     (with the categories each link carries), and its SVG and PNG render.
#   $1 = path to the assay binary, $2 = repository root.
set -uo pipefail

ASSAY=${1:?usage: mesh.sh ASSAY_BINARY REPO_ROOT}
ROOT=${2:?usage: mesh.sh ASSAY_BINARY REPO_ROOT}
CORPUS="$ROOT/corpus/mesh"
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-mesh.XXXXXX")
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

run 0 "$ASSAY" scan "$CORPUS" --format json --output "$T/scan.json"
run 0 "$ASSAY" scan "$CORPUS" --format sarif --output "$T/scan.sarif"
run 0 "$ASSAY" baseline save "$CORPUS" --db "$T/b.sqlite"
run 0 "$ASSAY" check "$CORPUS" --baseline "$T/b.sqlite" --format json --output "$T/check.json"
run 0 "$ASSAY" export "$CORPUS" --graph services --output "$T/services.dot"
run 0 "$ASSAY" export "$CORPUS" --graph services --output "$T/services.svg"
run 0 "$ASSAY" export "$CORPUS" --graph services --format png --output "$T/services.png"

python3 - "$CORPUS/ground_truth.json" "$T" "$ROOT/tests/lib" <<'PYEOF' || fail=1
import collections, json, os, sys
import xml.etree.ElementTree as ET

truth_path, tmp, lib = sys.argv[1:4]
sys.path.insert(0, lib)
from dotgraph import parse  # noqa: E402

truth = json.load(open(truth_path))
ok = True


def bad(msg):
    global ok
    ok = False
    print("FAIL " + msg)


def load(name):
    try:
        return json.load(open(os.path.join(tmp, name)))
    except (OSError, ValueError) as e:
        bad("cannot read %s: %s" % (name, e))
        return None


def key(e):
    return (e["file"], int(e["line"]), e["rule"], tuple(sorted(e["categories"])), e["sink"],
            tuple(e["services"]))


def compare(label, got, want):
    g, w = collections.Counter(got), collections.Counter(want)
    for k in sorted(w - g):
        bad("%s: missing %s" % (label, k))
    for k in sorted(g - w):
        bad("%s: extra %s" % (label, k))
    if g == w:
        print("ok   %s: %d entries as in the ground truth" % (label, sum(w.values())))


want = [key(e) for e in truth["scan"]]
cross = [k for k in want if len(k[5]) > 1]
hops = max(len(k[5]) for k in want)
protocols = {l["protocol"] for l in truth["links"] if l["state"] == "matched"}
if len(cross) < 6 or hops < 3 or protocols != {"http", "grpc", "queue"}:
    bad("the ground truth lost its cross-service flows (%d, longest %d services, %s)"
        % (len(cross), hops, sorted(protocols)))

scan = load("scan.json")
if scan:
    compare("scan findings", [key(f) for f in scan["findings"]], want)
    for f in scan["findings"]:
        if len(f["services"]) > 1 and "across services " + " -> ".join(f["services"]) not in f["message"] \
                and not f["rule"].startswith("assay/contract-"):
            bad("message does not name the services crossed: %s" % f["message"])
    ep = lambda e: (e["protocol"], e["service"], e["method"], e["target"], e["handler"],
                    tuple(e["guards"]), e["file"], e["line"])
    compare("endpoints", [ep(e) for e in scan["endpoints"]], [ep(e) for e in truth["endpoints"]])
    lk = lambda l, hs: (l["protocol"], l["service"], l["method"], l["target"], l["state"],
                        l["file"], l["line"], tuple(hs))
    compare("links", [lk(l, [scan["endpoints"][i]["handler"] for i in l["endpoints"]])
                      for l in scan["links"]],
            [lk(l, l["handlers"]) for l in truth["links"]])
    errs = [d for d in scan["diagnostics"] if d["level"] in ("warning", "error")]
    for d in errs:
        bad("unexpected diagnostic %s:%s %s %s" % (d["file"], d["line"], d["code"], d["message"]))

sarif = load("scan.sarif")
if sarif:
    got = []
    for r in sarif["runs"][0]["results"]:
        loc = r["locations"][0]["physicalLocation"]
        services = []
        for tl in r["codeFlows"][0]["threadFlows"][0]["locations"]:
            s = tl.get("properties", {}).get("service")
            if s and (not services or services[-1] != s):
                services.append(s)
        props = r["properties"]
        sink = props["sinkKind"]
        got.append((loc["artifactLocation"]["uri"], loc["region"]["startLine"], r["ruleId"],
                    tuple(sorted(props["categories"])), sink, tuple(services)))
    # a contract finding's two steps are the handler and the client, in the
    # order of the finding's location; its services are client, handler
    got_flows = [k for k in got if not k[2].startswith("assay/contract-")]
    compare("SARIF code flows (services visited in order)", got_flows,
            [k for k in want if not k[2].startswith("assay/contract-")])
    compare("SARIF contract results", [k[:5] for k in got if k[2].startswith("assay/contract-")],
            [k[:5] for k in want if k[2].startswith("assay/contract-")])

check = load("check.json")
if check:
    states = collections.Counter(f["state"] for f in check["findings"])
    if states != collections.Counter({"unchanged": len(want)}):
        bad("check against its own baseline: %s (want %d unchanged)" % (dict(states), len(want)))
    else:
        print("ok   check against its own baseline: %d unchanged" % len(want))

try:
    g = parse(open(os.path.join(tmp, "services.dot"), encoding="utf-8").read())
except (OSError, ValueError) as e:
    bad("services.dot: %s" % e)
    g = None
if g:
    sm = truth["service_map"]
    compare("service map nodes", list(g["nodes"]), sm["nodes"])
    ed = lambda t, h, cats, back, state: (t, h, tuple(cats), tuple(back), state)
    compare("service map edges",
            [ed(t, h, [c for c in a.get("assay_categories", "").split(",") if c],
                [c for c in a.get("assay_returned", "").split(",") if c], a.get("assay_state"))
             for t, h, a in g["edges"]],
            [ed(e["from"], e["to"], e["categories"], e["returned"], e["state"]) for e in sm["edges"]])
    for name, attrs in g["nodes"].items():
        role = attrs.get("assay_role")
        cluster = "cluster_" + attrs.get("assay_service", "?")
        if role in ("service", "endpoint") and name not in g["clusters"].get(cluster, {}).get("nodes", []):
            bad("node %r is not in its service's cluster %s" % (name, cluster))
    try:
        svg = ET.parse(os.path.join(tmp, "services.svg")).getroot()
        ns = "{http://www.w3.org/2000/svg}"
        groups = [e.get("class") for e in svg.iter(ns + "g")]
        n_nodes, n_edges = groups.count("node"), groups.count("edge")
        if n_nodes != len(sm["nodes"]) or n_edges != len(sm["edges"]):
            bad("services.svg: %d nodes and %d edges, want %d and %d"
                % (n_nodes, n_edges, len(sm["nodes"]), len(sm["edges"])))
        else:
            print("ok   services.svg: well-formed, %d nodes and %d edges" % (n_nodes, n_edges))
    except (OSError, ET.ParseError) as e:
        bad("services.svg: %s" % e)
    with open(os.path.join(tmp, "services.png"), "rb") as f:
        if f.read(8) != b"\x89PNG\r\n\x1a\n":
            bad("services.png is not a PNG")
sys.exit(0 if ok else 1)
PYEOF

if [ "$fail" -ne 0 ]; then
  echo "mesh: FAILED"
  exit 1
fi
echo "mesh: ok"
