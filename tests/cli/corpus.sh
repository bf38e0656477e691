#!/usr/bin/env bash
# corpus.sh — the shop corpus against its ground truth, end to end through the CLI.
#   $1 = path to the assay binary, $2 = repository root.
# Runs scan (before, after, before again with the cache warm), baseline save
# (before) and check (after against before), and compares the set of (file, line, categories, sink[, state]) of
# each JSON output with corpus/shop/ground_truth.json exactly; checks the exit
# codes and that check's SARIF has one result per expected entry with the
# expected baselineState.
set -uo pipefail

ASSAY=${1:?usage: corpus.sh ASSAY_BINARY REPO_ROOT}
ROOT=${2:?usage: corpus.sh ASSAY_BINARY REPO_ROOT}
CORPUS="$ROOT/corpus/shop"
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-corpus.XXXXXX")
trap 'rm -rf "$T"' EXIT

# A unit cache of the test's own: hermetic, and the second scan of before
# below reads it warm (the cache must not change a finding).
export XDG_CACHE_HOME="$T/cache"

fail=0
run() { # run EXPECTED_EXIT CMD...: run a command, check its exit code
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
  return 0
}

run 0 "$ASSAY" scan "$CORPUS/before" --format json --output "$T/before.json"
run 0 "$ASSAY" scan "$CORPUS/after" --format json --output "$T/after.json"
run 0 "$ASSAY" scan "$CORPUS/before" --format json --output "$T/before-warm.json"
run 0 "$ASSAY" baseline save "$CORPUS/before" --db "$T/b.sqlite"
run 1 "$ASSAY" check "$CORPUS/after" --baseline "$T/b.sqlite" --format json \
  --output "$T/check.json" --sarif "$T/check.sarif"

python3 - "$CORPUS/ground_truth.json" "$T" <<'PYEOF' || fail=1
import json, os, sys

truth_path, tmp = sys.argv[1], sys.argv[2]
truth = json.load(open(truth_path))
# Each service may keep its expected findings in truth/SERVICE.json (same
# shape); they add to ground_truth.json.
_tdir = os.path.join(os.path.dirname(truth_path), "truth")
for _f in sorted(os.listdir(_tdir)) if os.path.isdir(_tdir) else []:
    if _f.endswith(".json"):
        _frag = json.load(open(os.path.join(_tdir, _f)))
        for _k in ("before", "after", "check"):
            truth[_k] = truth[_k] + _frag.get(_k, [])
ok = True


def key(e, with_state):
    k = (e["file"], int(e["line"]), tuple(sorted(e["categories"])), e["sink"])
    return k + (e["state"],) if with_state else k


def show(k):
    s = "%s:%d %s %s" % (k[0], k[1], ",".join(k[2]), k[3])
    return s + (" [%s]" % k[4] if len(k) > 4 else "")


def load(name):
    path = os.path.join(tmp, name)
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        print("FAIL: cannot read %s: %s" % (name, e))
        return None


def compare(label, output, expected, with_state):
    global ok
    if output is None:
        ok = False
        return
    # New table and column accesses are checked by tests/cli/access.sh.
    got_list = [key(f, with_state) for f in output.get("findings", [])
                if not f["rule"].startswith("assay/access-")]
    got, want = set(got_list), set(key(e, with_state) for e in expected)
    missing, extra = sorted(want - got), sorted(got - want)
    dups = sorted(k for k in got if got_list.count(k) > 1)
    for k in missing:
        print("FAIL %s: missing   %s" % (label, show(k)))
    for k in extra:
        print("FAIL %s: unexpected %s" % (label, show(k)))
    for k in dups:
        print("FAIL %s: reported %d times: %s" % (label, got_list.count(k), show(k)))
    if missing or extra or dups:
        ok = False
    else:
        print("ok   %s: %d findings as expected" % (label, len(want)))
    for d in output.get("diagnostics", []):
        print("     %s diagnostic: %s" % (label, json.dumps(d, sort_keys=True)))


compare("scan before", load("before.json"), truth["before"], False)
compare("scan after", load("after.json"), truth["after"], False)
compare("scan before (warm cache)", load("before-warm.json"), truth["before"], False)
compare("check", load("check.json"), truth["check"], True)

# SARIF: one result per expected check entry, each with its baselineState.
sarif = load("check.sarif")
if sarif is None:
    ok = False
else:
    results = [r for run in sarif.get("runs", []) for r in run.get("results", [])
               if not r.get("ruleId", "").startswith("assay/access-")]

    def where(r):
        loc = r["locations"][0]["physicalLocation"]
        # Paths in outputs are relative to PATH: the uri must be exactly the
        # ground truth's file, under the SRCROOT base.
        uri = loc["artifactLocation"]["uri"]
        if loc["artifactLocation"].get("uriBaseId") != "SRCROOT":
            raise ValueError("no SRCROOT base on %s" % uri)
        return (uri, int(loc["region"]["startLine"]), r.get("baselineState"))

    try:
        got = sorted(where(r) for r in results)
    except (KeyError, IndexError, TypeError, ValueError) as e:
        print("FAIL sarif: a result without a location: %r" % e)
        got, ok = [], False
    want = sorted((e["file"], int(e["line"]), e["state"]) for e in truth["check"])
    if got != want:
        ok = False
        print("FAIL sarif: %d results, want %d" % (len(got), len(want)))
        for k in sorted(set(want) - set(got)):
            print("  missing    %s:%d [%s]" % k)
        for k in sorted(set(got) - set(want)):
            print("  unexpected %s:%d [%s]" % k)
    else:
        print("ok   sarif: %d results with the expected baselineState" % len(got))
    if sarif.get("version") != "2.1.0":
        ok = False
        print("FAIL sarif: version %r, want '2.1.0'" % sarif.get("version"))

sys.exit(0 if ok else 1)
PYEOF

# scan --format sarif reports exactly the ground-truth flows of before, with
# the path from classification to sink and a stable fingerprint; and check's
# attestation is an in-toto Statement whose subject is the tree's digest (a
# copy outside any git work tree) and whose predicate carries the verdict.
run 0 "$ASSAY" scan "$CORPUS/before" --format sarif --output "$T/before.sarif"
mkdir -p "$T/copy" && cp -r "$CORPUS/after/." "$T/copy/"
run 1 "$ASSAY" check "$T/copy" --baseline "$T/b.sqlite" --attestation "$T/att.json" \
  --sarif "$T/copy.sarif"
python3 - "$CORPUS/ground_truth.json" "$T" <<'PYEOF' || fail=1
import hashlib, json, os, re, sys
truth_path = sys.argv[1]
truth = json.load(open(truth_path))
# Each service may keep its expected findings in truth/SERVICE.json (same
# shape); they add to ground_truth.json.
_tdir = os.path.join(os.path.dirname(truth_path), "truth")
for _f in sorted(os.listdir(_tdir)) if os.path.isdir(_tdir) else []:
    if _f.endswith(".json"):
        _frag = json.load(open(os.path.join(_tdir, _f)))
        for _k in ("before", "after", "check"):
            truth[_k] = truth[_k] + _frag.get(_k, [])
tmp = sys.argv[2]
ok = True
def bad(msg):
    global ok
    ok = False
    print("FAIL " + msg)
sarif = json.load(open(os.path.join(tmp, "before.sarif")))
run = sarif["runs"][0]
rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
got = []
for r in run["results"]:
    loc = r["locations"][0]["physicalLocation"]
    got.append((loc["artifactLocation"]["uri"], loc["region"]["startLine"],
                tuple(sorted(r["properties"]["categories"])), r["properties"]["sinkKind"]))
    if "baselineState" in r:
        bad("scan sarif: a result with baselineState %r" % r["baselineState"])
    if rules[r["ruleIndex"]] != r["ruleId"]:
        bad("scan sarif: ruleIndex does not point at %s" % r["ruleId"])
    fp = r["partialFingerprints"].get("assayFingerprint/v1", "")
    if not re.fullmatch(r"[0-9a-f]{64}", fp):
        bad("scan sarif: fingerprint %r" % fp)
    steps = r["codeFlows"][0]["threadFlows"][0]["locations"]
    first = steps[0]["location"]["message"]["text"]
    last = steps[-1]["location"]["physicalLocation"]
    if len(steps) < 2 or "classified" not in first:
        bad("scan sarif: code flow of %s:%d starts with %r" % (got[-1][0], got[-1][1], first))
    if (last["artifactLocation"]["uri"], last["region"]["startLine"]) != got[-1][:2]:
        bad("scan sarif: code flow of %s:%d does not end at the sink" % got[-1][:2])
    if any(c not in r["message"]["text"] for c in r["properties"]["categories"]):
        bad("scan sarif: message lacks the categories: %s" % r["message"]["text"])
want = sorted((e["file"], e["line"], tuple(sorted(e["categories"])), e["sink"]) for e in truth["before"])
if sorted(got) != want:
    bad("scan sarif: results differ from the ground truth:\n  got  %s\n  want %s" % (sorted(got), want))
else:
    print("ok   scan sarif: %d results, code flows from classification to sink" % len(got))

att = json.load(open(os.path.join(tmp, "att.json")))
lines = []
for dirpath, dirs, files in os.walk(os.path.join(tmp, "copy")):
    for f in files:
        # the languages Assay reads and the files it reads besides them
        # (frontend/discover.c)
        if f.endswith((".py", ".c", ".h", ".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx",
                       ".go", ".java", ".proto", ".yml", ".yaml", ".json", ".sql",
                       ".prisma")) and not f.endswith((".d.ts", ".min.js")):
            full = os.path.join(dirpath, f)
            rel = os.path.relpath(full, os.path.join(tmp, "copy"))
            lines.append((rel, hashlib.sha256(open(full, "rb").read()).hexdigest()))
tree = hashlib.sha256("".join("%s\0%s\n" % l for l in sorted(lines)).encode()).hexdigest()
checks = [
    (att["_type"], "https://in-toto.io/Statement/v1"),
    (att["subject"][0]["digest"], {"sha256": tree}),
    (att["predicate"]["verdict"], "fail"),
    (att["predicate"]["counts"], {st: sum(1 for e in truth["check"] if e["state"] == st)
                                  for st in ("new", "unchanged", "absent")}),
    (att["predicate"]["baseline"]["digest"]["sha256"],
     hashlib.sha256(open(os.path.join(tmp, "b.sqlite"), "rb").read()).hexdigest()),
]
for got_v, want_v in checks:
    if got_v != want_v:
        bad("attestation: %r, expected %r" % (got_v, want_v))
if not att["predicateType"].startswith("https://"):
    bad("attestation: predicateType %r" % att["predicateType"])
if ok:
    print("ok   attestation: subject is the tree digest, verdict fail, counts as expected")
sys.exit(0 if ok else 1)
PYEOF

# Inside a git work tree the subject is the commit.
if head=$(git -C "$CORPUS/after" rev-parse --verify -q HEAD 2>/dev/null); then
  run 1 "$ASSAY" check "$CORPUS/after" --baseline "$T/b.sqlite" --attestation "$T/att-git.json"
  got=$(python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["subject"][0]["digest"]))' "$T/att-git.json")
  if [ "$got" = "{\"gitCommit\": \"$head\"}" ]; then
    echo "ok   attestation in a git work tree: subject gitCommit $head"
  else
    echo "FAIL attestation in a git work tree: subject digest $got, expected gitCommit $head"
    fail=1
  fi
fi

if [ "$fail" -ne 0 ]; then
  echo "corpus: FAILED"
  exit 1
fi
echo "corpus: passed"
