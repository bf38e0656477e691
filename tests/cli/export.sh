#!/usr/bin/env bash
# export.sh — assay export: the flows graph of the shop corpus as DOT, SVG and
# PNG, and its diff view against a baseline, checked against the ground truth.
#   $1 = path to the assay binary, $2 = repository root.
# The DOT is parsed by a small DOT reader below (Graphviz's `dot` program is
# not needed; when it is installed it must accept the file too).
set -uo pipefail

ASSAY=${1:?usage: export.sh ASSAY_BINARY REPO_ROOT}
ROOT=${2:?usage: export.sh ASSAY_BINARY REPO_ROOT}
CORPUS="$ROOT/corpus/shop"
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-export.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"
fail=0

run() { # run EXPECTED_EXIT CMD...: exit code, and nothing on stderr on success
  local want=$1
  shift
  "$@" >"$T/out.txt" 2>"$T/err.txt"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL: exit $got (want $want): $*"
    sed 's/^/  stdout: /' "$T/out.txt" | head -20
    sed 's/^/  stderr: /' "$T/err.txt" | head -20
    fail=1
    return 1
  fi
  if [ "$want" -eq 0 ] && [ -s "$T/err.txt" ]; then
    echo "FAIL: unexpected standard error: $*"
    sed 's/^/  stderr: /' "$T/err.txt" | head -20
    fail=1
    return 1
  fi
  return 0
}

# expect CODE 'exact first line of stderr' CMD...
expect() {
  local want=$1 msg=$2
  shift 2
  "$@" >"$T/out.txt" 2>"$T/err.txt"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL: exit $got, expected $want: $*"
    sed 's/^/  | /' "$T/err.txt" "$T/out.txt" | head
    fail=1
    return
  fi
  local first
  first=$(head -n 1 "$T/err.txt")
  if [ "$first" != "$msg" ]; then
    echo "FAIL: message '$first', expected '$msg': $*"
    fail=1
  else
    echo "ok   exit $want: $msg"
  fi
}

run 0 "$ASSAY" export "$CORPUS/before" --graph flows --format dot --output "$T/flows.dot"
run 0 "$ASSAY" export "$CORPUS/before" --graph flows --format dot --output "$T/flows2.dot"
if cmp -s "$T/flows.dot" "$T/flows2.dot"; then
  echo "ok   the DOT is the same on a second run (warm cache)"
else
  echo "FAIL: two exports of the same tree differ"
  fail=1
fi
run 0 "$ASSAY" export "$CORPUS/before" --graph flows --format svg --output "$T/flows.svg"
run 0 "$ASSAY" export "$CORPUS/before" --format png --output "$T/flows.png"
run 0 "$ASSAY" baseline save "$CORPUS/before" --db "$T/b.sqlite"
run 0 "$ASSAY" export "$CORPUS/after" --graph flows --format dot --output "$T/diff.dot" \
  --baseline "$T/b.sqlite"
run 0 "$ASSAY" export "$CORPUS/after" --output "$T/diff.svg" --baseline "$T/b.sqlite"

if command -v dot >/dev/null 2>&1; then
  for f in flows.dot diff.dot; do
    if dot -Tsvg "$T/$f" -o /dev/null 2>"$T/dot.err"; then
      echo "ok   Graphviz dot reads $f"
    else
      echo "FAIL: dot rejects $f"
      sed 's/^/  | /' "$T/dot.err" | head
      fail=1
    fi
  done
fi

python3 - "$CORPUS/ground_truth.json" "$T" <<'PYEOF' || fail=1
import collections, json, os, re, sys
import xml.etree.ElementTree as ET

truth_path, tmp = sys.argv[1], sys.argv[2]
truth = json.load(open(truth_path))
tdir = os.path.join(os.path.dirname(truth_path), "truth")
for name in sorted(os.listdir(tdir)) if os.path.isdir(tdir) else []:
    if name.endswith(".json"):
        frag = json.load(open(os.path.join(tdir, name)))
        for k in ("before", "after", "check"):
            truth[k] = truth[k] + frag.get(k, [])
ok = True


def bad(msg):
    global ok
    ok = False
    print("FAIL " + msg)


sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(truth_path)), "..", "tests", "lib"))
from dotgraph import parse  # noqa: E402


def load(name):
    try:
        return parse(open(os.path.join(tmp, name), encoding="utf-8").read())
    except (OSError, ValueError) as e:
        bad("%s: %s" % (name, e))
        return None


def pairs(entries):
    return collections.Counter((e["sink"], tuple(sorted(e["categories"]))) for e in entries)


def edge_pairs(g, state=None):
    c = collections.Counter()
    for t, h, a in g["edges"]:
        if state is None or a.get("assay_state") == state:
            c[(a["assay_kind"], tuple(sorted(a["assay_categories"].split(","))))] += int(
                a.get("assay_count", "1"))
    return c


# ---- flows of before: every ground-truth flow has its edge ----
g = load("flows.dot")
if g:
    want = truth["before"]
    if len(g["edges"]) != len(want):
        bad("flows.dot: %d edges, %d ground-truth flows" % (len(g["edges"]), len(want)))
    if edge_pairs(g) != pairs(want):
        bad("flows.dot: (sink kind, categories) of the edges differ from the ground truth:\n"
            "  got  %s\n  want %s" % (sorted(edge_pairs(g).items()), sorted(pairs(want).items())))
    services = sorted(set(e["file"].split("/")[0] for e in want))
    if sorted(g["clusters"]) != ["cluster_" + s for s in services]:
        bad("flows.dot: clusters %s, services %s" % (sorted(g["clusters"]), services))
    where = {n: c for c, v in g["clusters"].items() for n in v["nodes"]}
    for t, h, a in g["edges"]:
        src, snk = g["nodes"].get(t, {}), g["nodes"].get(h, {})
        if src.get("assay_role") != "source" or src.get("shape") != "note":
            bad("flows.dot: edge tail %s is not a source note: %s" % (t, src))
        if snk.get("assay_role") != "sink" or snk.get("shape") != "box":
            bad("flows.dot: edge head %s is not a sink box: %s" % (h, snk))
        if not snk.get("label", "").endswith("(%s)" % a["assay_kind"]):
            bad("flows.dot: sink %s label %r lacks its kind %s" % (h, snk.get("label"), a["assay_kind"]))
        if where.get(h) != "cluster_" + h.split(":")[0]:
            bad("flows.dot: sink %s in %s" % (h, where.get(h)))
        if t in where:
            bad("flows.dot: source %s inside a cluster" % t)
        if a.get("label", "").replace(", ", ",") != a["assay_categories"]:
            bad("flows.dot: edge label %r, categories %r" % (a.get("label"), a["assay_categories"]))
        for k in ("style", "color", "assay_state"):
            if k in a:
                bad("flows.dot: %s on an edge without a baseline: %s" % (k, a))
        cats = set(a["assay_categories"].split(","))
        if not cats <= set(src.get("assay_categories", "").split(",")):
            bad("flows.dot: source %s lacks the categories %s" % (t, cats))
    if "legend" not in g["nodes"]:
        bad("flows.dot: no legend")
    if ok:
        print("ok   flows.dot: %d edges, one per ground-truth flow, in %d service clusters"
              % (len(g["edges"]), len(services)))

    # ---- SVG: well-formed XML with every node and edge ----
    try:
        svg = ET.parse(os.path.join(tmp, "flows.svg")).getroot()
        ns = "{http://www.w3.org/2000/svg}"
        groups = [(e.get("class"), e.findtext(ns + "title")) for e in svg.iter(ns + "g")]
        titles = set(t for c, t in groups if c == "node")
        nedges = sum(1 for c, t in groups if c == "edge")
        if svg.tag != ns + "svg":
            bad("flows.svg: root element %s" % svg.tag)
        elif titles != set(g["nodes"]):
            bad("flows.svg: node titles differ from the DOT's nodes: %s"
                % sorted(titles ^ set(g["nodes"])))
        elif nedges != len(g["edges"]):
            bad("flows.svg: %d edges, the DOT has %d" % (nedges, len(g["edges"])))
        else:
            print("ok   flows.svg: well-formed SVG with %d nodes and %d edges" % (len(titles), nedges))
    except (OSError, ET.ParseError) as e:
        bad("flows.svg: %s" % e)

# ---- PNG: signature and a non-empty image ----
png = open(os.path.join(tmp, "flows.png"), "rb").read()
if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
    bad("flows.png: not a PNG")
else:
    w, h = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    if w < 100 or h < 100:
        bad("flows.png: %dx%d" % (w, h))
    else:
        print("ok   flows.png: a %dx%d PNG" % (w, h))

# ---- the diff view: new bold red, absent dashed, the rest plain ----
d = load("diff.dot")
if d:
    check = truth["check"]
    states = collections.Counter(e["state"] for e in check)
    red = [a for t, h, a in d["edges"] if a.get("color") == "#d62728" and a.get("style") == "bold"
           and a.get("penwidth") == "2.5"]
    dashed = [a for t, h, a in d["edges"] if a.get("style") == "dashed"]
    plain = [a for t, h, a in d["edges"] if "style" not in a and "color" not in a]
    got = (len(red), len(dashed), len(plain))
    want = (states["new"], states["absent"], states["unchanged"])
    if got != want or len(d["edges"]) != len(check):
        bad("diff.dot: %d bold red, %d dashed, %d plain edges of %d; want %s of %d"
            % (got + (len(d["edges"]), want, len(check))))
    for st in ("new", "absent", "unchanged"):
        if edge_pairs(d, st) != pairs(e for e in check if e["state"] == st):
            bad("diff.dot: the %s edges differ from the ground truth: %s"
                % (st, sorted(edge_pairs(d, st).items())))
    if any(a["assay_state"] != "new" for a in red) or any(a["assay_state"] != "absent" for a in dashed):
        bad("diff.dot: styles and states disagree")
    if not all(a["label"].endswith(" (new)") for a in red):
        bad("diff.dot: a new edge's label lacks '(new)'")
    label = d["graph"].get("label", "")
    if label != "Personal-data flows: %d new, %d unchanged, %d absent" % (
            states["new"], states["unchanged"], states["absent"]):
        bad("diff.dot: graph label %r" % label)
    if ok:
        print("ok   diff.dot: %d new (bold red), %d absent (dashed), %d unchanged (plain)" % want)
    try:
        root = ET.parse(os.path.join(tmp, "diff.svg")).getroot()
        text = ET.tostring(root, encoding="unicode")
        if "#d62728" not in text or 'stroke-dasharray' not in text:
            bad("diff.svg: no red or dashed edge drawn")
        else:
            print("ok   diff.svg: well-formed, red and dashed edges drawn")
    except (OSError, ET.ParseError) as e:
        bad("diff.svg: %s" % e)

sys.exit(0 if ok else 1)
PYEOF

# Errors: exit 2, exact messages, nothing written.
expect 0 "" "$ASSAY" export --help
grep -q "^usage: assay export PATH --graph flows|services|access --format dot|svg|png --output FILE" "$T/out.txt" ||
  { echo "FAIL: export --help lacks the usage line"; fail=1; }
expect 2 "assay: unknown graph 'tables' (flows, services or access)" \
  "$ASSAY" export "$CORPUS/before" --graph tables --format dot --output "$T/x.dot"
expect 2 "assay: missing --output FILE" "$ASSAY" export "$CORPUS/before" --graph flows --format dot
expect 2 "assay: unknown graph format 'gif' (dot, svg or png)" \
  "$ASSAY" export "$CORPUS/before" --format gif --output "$T/x.gif"
expect 2 "assay: missing --format dot|svg|png (not implied by '$T/x.out')" \
  "$ASSAY" export "$CORPUS/before" --output "$T/x.out"
expect 2 "assay: option '--graph' needs a value" "$ASSAY" export "$CORPUS/before" --graph
expect 2 "assay: baseline $T/missing.sqlite does not exist" \
  "$ASSAY" export "$CORPUS/after" --format dot --output "$T/x.dot" --baseline "$T/missing.sqlite"
printf 'not a baseline at all\n' >"$T/bad.sqlite"
"$ASSAY" export "$CORPUS/after" --format dot --output "$T/x.dot" --baseline "$T/bad.sqlite" \
  >/dev/null 2>"$T/err.txt"
rc=$?
if [ "$rc" -ne 2 ] || ! grep -qF "$T/bad.sqlite" "$T/err.txt"; then
  echo "FAIL: a corrupt baseline: exit $rc, $(head -1 "$T/err.txt")"
  fail=1
else
  echo "ok   exit 2: a corrupt baseline is named"
fi
expect 2 "assay: cannot write $T/no/dir/x.svg: No such file or directory" \
  "$ASSAY" export "$CORPUS/before" --format svg --output "$T/no/dir/x.svg"
expect 2 "assay: cannot write $T/no/dir/x.dot: No such file or directory" \
  "$ASSAY" export "$CORPUS/before" --format dot --output "$T/no/dir/x.dot"
for f in x.dot x.gif x.out; do
  [ -e "$T/$f" ] && { echo "FAIL: $f written by a failed export"; fail=1; }
done

if [ "$fail" -ne 0 ]; then
  echo "export: FAILED"
  exit 1
fi
echo "export: passed"
