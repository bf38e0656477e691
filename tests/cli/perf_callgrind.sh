#!/usr/bin/env bash
# perf_callgrind.sh — the performance gate end to end under callgrind: a tiny
# program (tests/perf/bench.c) built as is, rebuilt unchanged, and built with
# a deliberate slowdown (3x the loop); `assay perf record --instructions`
# each, `baseline save` with the first, `check` with the others.
#   $1 = path to the assay binary, $2 = repository root.
set -uo pipefail
ASSAY=${1:?usage: perf_callgrind.sh ASSAY_BINARY REPO_ROOT}
ROOT=${2:?usage: perf_callgrind.sh ASSAY_BINARY REPO_ROOT}
# tools/setup.sh installs valgrind: its absence is a broken set-up, not a skip.
if ! command -v valgrind >/dev/null 2>&1; then
  echo "perf_callgrind.sh: FAILED: valgrind is not installed (run tools/setup.sh)"
  exit 1
fi
command -v cc >/dev/null 2>&1 || { echo "perf_callgrind.sh: FAILED: no cc"; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-perf-cg.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"
fail=0

# expect CODE 'substring of stderr+stdout' CMD...
expect() {
  local want=$1 msg=$2
  shift 2
  "$@" >"$T/out" 2>"$T/err"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL: exit $got, expected $want: $*"; sed 's/^/  | /' "$T/err" "$T/out" | head -20; fail=1
    return
  fi
  if [ -n "$msg" ] && ! grep -qF -- "$msg" "$T/err" "$T/out"; then
    echo "FAIL: output lacks '$msg': $*"; sed 's/^/  | /' "$T/err" "$T/out" | head -20; fail=1
  fi
}

# The scanned tree: one Python service without personal data, so that the
# flow gate passes and only the performance gate decides.
mkdir -p "$T/src/svc"
: >"$T/src/svc/requirements.txt"
printf 'def add(a, b):\n    return a + b\n' >"$T/src/svc/m.py"

cc -O1 -o "$T/bench" "$ROOT/tests/perf/bench.c" || { echo "FAIL: cc"; exit 1; }
cc -O1 -o "$T/bench-rebuilt" "$ROOT/tests/perf/bench.c" || { echo "FAIL: cc"; exit 1; }
cc -O1 -DWORK=3 -o "$T/bench-slow" "$ROOT/tests/perf/bench.c" || { echo "FAIL: cc"; exit 1; }

expect 0 "" "$ASSAY" perf record --name loop --instructions \
  --output "$T/base.json" -- "$T/bench"
expect 0 "" "$ASSAY" perf record --name loop --instructions --output "$T/same.json" -- "$T/bench-rebuilt"
expect 0 "" "$ASSAY" perf record --name loop --instructions --output "$T/slow.json" -- "$T/bench-slow"
# The program's own output went to standard error, the record to the file.
grep -q '"format": "assay-perf"' "$T/base.json" || { echo "FAIL: base.json is not assay-perf"; fail=1; }
python3 - "$T" <<'PYEOF' || fail=1
import json, sys
t = sys.argv[1]
def ir(name):
    d = json.load(open(f"{t}/{name}.json"))
    (b,) = d["benchmarks"]
    assert b["name"] == "loop" and b["unit"] == "instructions", b
    assert set(d["environment"]) >= {"cpu", "cores", "kernel"}, d["environment"]
    return b["samples"][0]
base, same, slow = ir("base"), ir("same"), ir("slow")
# 400000 rounds of a loop of a few instructions dominate the count.
if not (base > 1_000_000 and abs(same - base) / base < 0.001 and 2.5 < slow / base < 3.5):
    print(f"FAIL: instruction counts base={base} same={same} slow={slow}")
    sys.exit(1)
PYEOF

expect 0 "baseline $T/b.sqlite: 1 benchmarks (1 samples)" \
  "$ASSAY" baseline save "$T/src" --db "$T/b.sqlite" --perf "$T/base.json"
expect 0 "perf: [unchanged] loop: instructions" \
  "$ASSAY" check "$T/src" --baseline "$T/b.sqlite" --perf "$T/same.json"
expect 0 "assay check: passed — 0 new, 0 unchanged, 0 absent; performance: 0 regressions, 0 improvements, 0 inconclusive, 1 unchanged" \
  "$ASSAY" check "$T/src" --baseline "$T/b.sqlite" --perf "$T/same.json"
expect 1 "perf: [regression] loop: instructions" \
  "$ASSAY" check "$T/src" --baseline "$T/b.sqlite" --perf "$T/slow.json" \
  --sarif "$T/slow.sarif" --attestation "$T/slow.att.json"
expect 1 "assay check: FAILED — 0 new, 0 unchanged, 0 absent; performance: 1 regressions" \
  "$ASSAY" check "$T/src" --baseline "$T/b.sqlite" --perf "$T/slow.json"
python3 - "$T" <<'PYEOF' || fail=1
import json, sys
t = sys.argv[1]
run = json.load(open(f"{t}/slow.sarif"))["runs"][0]
rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
(res,) = run["results"]
ok = True
def bad(m):
    global ok
    ok = False
    print("FAIL: " + m)
if res["ruleId"] != "assay/perf-regression" or rules[res["ruleIndex"]] != res["ruleId"]:
    bad(f"sarif result {res['ruleId']} at {res['ruleIndex']}")
if res["level"] != "error":
    bad("sarif level " + res["level"])
p = res["properties"]
if p["unit"] != "instructions" or p["verdict"] != "regression" or not (1.5 < p["relativeEffect"] < 2.5):
    bad(f"sarif properties {p}")
if p["environmentsMatch"] is not True:
    bad("environments should match on one machine")
pred = json.load(open(f"{t}/slow.att.json"))["predicate"]
if pred["verdict"] != "fail" or pred["gates"]["dataFlow"]["verdict"] != "pass":
    bad(f"attestation verdicts {pred['verdict']} {pred['gates']['dataFlow']}")
g = pred["gates"]["performance"]
if (g["verdict"], g["regressions"], g["unchanged"], len(g["results"])) != ("fail", 1, 0, 1):
    bad(f"gates.performance {g}")
sys.exit(0 if ok else 1)
PYEOF

if [ "$fail" -ne 0 ]; then echo "perf_callgrind.sh: FAILED"; exit 1; fi
echo "perf_callgrind.sh: all passed"
