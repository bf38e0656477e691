#!/usr/bin/env bash
# perf.sh — the performance gate through the CLI on fixed sample files
# (tests/perf/wall_*.json: numbers, not timings): wall-clock decisions,
# inconclusive sample sizes and environments, policy tolerances, malformed
# inputs (exit 2, baseline untouched), perf record's errors, and a version 1
# baseline read as it is.
#   $1 = path to the assay binary, $2 = repository root.
set -uo pipefail
ASSAY=${1:?usage: perf.sh ASSAY_BINARY REPO_ROOT}
ROOT=${2:?usage: perf.sh ASSAY_BINARY REPO_ROOT}
P="$ROOT/tests/perf"
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-perf.XXXXXX")
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
unchanged_file() { # unchanged_file FILE SHA: the file still has that digest
  [ "$(sha256sum <"$1")" = "$2" ] || { echo "FAIL: $1 was modified"; fail=1; }
}

mkdir -p "$T/src/svc"
: >"$T/src/svc/requirements.txt"
printf 'def add(a, b):\n    return a + b\n' >"$T/src/svc/m.py"
S="$T/src"

# ---- wall clock ---------------------------------------------------------------
expect 0 "baseline $T/w.sqlite: 2 benchmarks (20 samples)" \
  "$ASSAY" baseline save "$S" --db "$T/w.sqlite" --perf "$P/wall_base.json"
# parse: every sample 1.2x -> U = 0, p = 2/C(20,10), +20%: a regression;
# render: the same samples reordered -> unchanged.
expect 1 "perf: [regression] parse: median 1.0045e+06 ns -> 1.2054e+06 ns (+20.00%, minimum effect 5.00%), U = 0, p = 1.083e-05 (alpha 0.05)" \
  "$ASSAY" check "$S" --baseline "$T/w.sqlite" --perf "$P/wall_slow.json"
expect 1 "perf: [unchanged] render: median 1.0045e+06 ns -> 1.0045e+06 ns (+0.00%" \
  "$ASSAY" check "$S" --baseline "$T/w.sqlite" --perf "$P/wall_slow.json"
expect 1 "performance: fail — 1 regressions, 0 improvements, 0 inconclusive, 1 unchanged" \
  "$ASSAY" check "$S" --baseline "$T/w.sqlite" --perf "$P/wall_slow.json"
# parse +500 ns (0.05%), interleaved: unchanged; the gate passes.
expect 0 "performance: 0 regressions, 0 improvements, 0 inconclusive, 2 unchanged" \
  "$ASSAY" check "$S" --baseline "$T/w.sqlite" --perf "$P/wall_same.json"
# The same +20% from another CPU: inconclusive, never a regression nor a pass.
expect 0 "parse: the baseline and the current samples come from different environments" \
  "$ASSAY" check "$S" --baseline "$T/w.sqlite" --perf "$P/wall_other_env.json"
expect 0 "performance: inconclusive — 0 regressions, 0 improvements, 2 inconclusive, 0 unchanged" \
  "$ASSAY" check "$S" --baseline "$T/w.sqlite" --perf "$P/wall_other_env.json"

# JSON, SARIF and the attestation carry the figures.
expect 1 "" "$ASSAY" check "$S" --baseline "$T/w.sqlite" --perf "$P/wall_slow.json" \
  --format json --output "$T/c.json" --sarif "$T/c.sarif" --attestation "$T/c.att"
python3 - "$T" <<'PYEOF' || fail=1
import json, sys
t = sys.argv[1]
ok = True
def bad(m):
    global ok
    ok = False
    print("FAIL: " + m)
perf = json.load(open(f"{t}/c.json"))["performance"]
by = {r["name"]: r for r in perf["results"]}
p = by["parse"]
if (p["verdict"], p["statisticU"], p["exact"], p["samples"]) != ("regression", 0, True, {"baseline": 10, "current": 10}):
    bad(f"json parse {p}")
if abs(p["pValue"] - 2 / 184756) > 1e-9 or abs(p["relativeEffect"] - 0.2) > 1e-3:
    bad(f"json parse p/effect {p['pValue']} {p['relativeEffect']}")
hl = p["hodgesLehmann"]
if not (0 < hl["ciLow"] <= hl["shift"] <= hl["ciHigh"]) or abs(hl["confidence"] - 0.956743) > 1e-6:
    bad(f"json hl {hl}")
if by["render"]["verdict"] != "unchanged" or by["render"]["pValue"] != 1.0:
    bad(f"json render {by['render']}")
run = json.load(open(f"{t}/c.sarif"))["runs"][0]
rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
got = sorted((r["ruleId"], r["level"], r["properties"]["name"]) for r in run["results"])
if got != [("assay/perf-regression", "error", "parse"), ("assay/perf-unchanged", "note", "render")]:
    bad(f"sarif results {got}")
for r in run["results"]:
    if rules[r["ruleIndex"]] != r["ruleId"]:
        bad("sarif ruleIndex")
    if "pValue" not in r["properties"] or "hodgesLehmann" not in r["properties"]:
        bad("sarif properties lack the test")
g = json.load(open(f"{t}/c.att"))["predicate"]["gates"]
gf = g["dataFlow"]
if (gf["verdict"], gf["new"], gf["counts"], gf["exceptionsApplied"]) != (
        "pass", 0, {"new": 0, "unchanged": 0, "absent": 0}, 0):
    bad(f"gates.dataFlow {gf}")
gp = g["performance"]
if (gp["verdict"], gp["regressions"], gp["unchanged"], gp["inconclusive"], gp["improvements"]) != ("fail", 1, 1, 0, 0):
    bad(f"gates.performance {gp}")
sys.exit(0 if ok else 1)
PYEOF

# ---- too few samples: 3 vs 3 can never reach p < 0.05 -------------------------
expect 0 "baseline $T/few.sqlite: 2 benchmarks (6 samples)" \
  "$ASSAY" baseline save "$S" --db "$T/few.sqlite" --perf "$P/wall_few.json"
expect 0 "perf: [inconclusive] parse: with 3 and 3 samples the smallest reachable p-value is 0.1, not below alpha 0.05" \
  "$ASSAY" check "$S" --baseline "$T/few.sqlite" --perf "$P/wall_few.json"
expect 0 "performance: inconclusive — 0 regressions, 0 improvements, 2 inconclusive, 0 unchanged" \
  "$ASSAY" check "$S" --baseline "$T/few.sqlite" --perf "$P/wall_few.json"
expect 0 "assay check: inconclusive — 0 new, 0 unchanged, 0 absent; performance: 0 regressions, 0 improvements, 2 inconclusive, 0 unchanged" \
  "$ASSAY" check "$S" --baseline "$T/few.sqlite" --perf "$P/wall_few.json"
expect 0 "" "$ASSAY" check "$S" --baseline "$T/few.sqlite" --perf "$P/wall_few.json" \
  --attestation "$T/few.att"
python3 -c '
import json, sys
p = json.load(open(sys.argv[1]))["predicate"]
assert p["verdict"] == "inconclusive" and p["gates"]["performance"]["verdict"] == "inconclusive", p
' "$T/few.att" || { echo "FAIL: inconclusive attestation"; fail=1; }

# ---- policy: tolerances per benchmark, each with a reason ----------------------
mkdir -p "$S/.assay"
printf 'performance:\n  benchmarks:\n    parse:\n      min_effect: 0.25\n      reason: "cold caches on CI"\n' >"$S/.assay/policy.yaml"
expect 0 "perf: [unchanged] parse: median 1.0045e+06 ns -> 1.2054e+06 ns (+20.00%, minimum effect 25.00%)" \
  "$ASSAY" check "$S" --baseline "$T/w.sqlite" --perf "$P/wall_slow.json"
expect 0 "; policy: cold caches on CI" \
  "$ASSAY" check "$S" --baseline "$T/w.sqlite" --perf "$P/wall_slow.json"
printf 'performance:\n  benchmarks:\n    parse:\n      min_effect: 0.25\n' >"$S/.assay/policy.yaml"
expect 2 "assay: $S/.assay/policy.yaml:3: performance: benchmark 'parse' has its own tolerance without a reason" \
  "$ASSAY" check "$S" --baseline "$T/w.sqlite" --perf "$P/wall_slow.json"
printf 'performance:\n  alpha: 0.2\n' >"$S/.assay/policy.yaml"
# alpha 0.2: 3 vs 3 can reach p = 0.1 < 0.2 now; identical samples are unchanged.
expect 0 "performance: 0 regressions, 0 improvements, 0 inconclusive, 2 unchanged" \
  "$ASSAY" check "$S" --baseline "$T/few.sqlite" --perf "$P/wall_few.json"
rm -rf "$S/.assay"

# ---- malformed inputs: exit 2, the file named, the baseline untouched ----------
before=$(sha256sum <"$T/w.sqlite")
printf '{"format": "assay-perf", "version": 1,\n "benchmarks": [\n' >"$T/trunc.json"
expect 2 "assay: $T/trunc.json: not valid JSON: " \
  "$ASSAY" baseline save "$S" --db "$T/w.sqlite" --perf "$P/wall_slow.json" --perf "$T/trunc.json"
unchanged_file "$T/w.sqlite" "$before"
printf '{"format": "assay-perf", "version": 1, "benchmarks": [\n {"name": "a", "unit": "ns", "samples": [1]},\n {"name": "b", "unit": "ns", "samples": [2]},\n {"name": "c", "unit": "ns", "samples": ["fast"]}]}\n' >"$T/nan.json"
expect 2 "assay: $T/nan.json: benchmarks[2].samples[0] is not a number" \
  "$ASSAY" baseline save "$S" --db "$T/w.sqlite" --perf "$T/nan.json"
unchanged_file "$T/w.sqlite" "$before"
printf '{"format": "assay-perf", "version": 1, "benchmarks": [{"name": "a", "unit": "ns", "samples": []}]}\n' >"$T/empty.json"
expect 2 "assay: $T/empty.json: benchmarks[0] (a) has no samples" \
  "$ASSAY" check "$S" --baseline "$T/w.sqlite" --perf "$T/empty.json"
printf '{"format": "assay-perf", "version": 1, "benchmarks": [{"name": "a", "unit": "ns", "samples": [5, -1]}]}\n' >"$T/neg.json"
expect 2 "assay: $T/neg.json: benchmarks[0].samples[1] is negative" \
  "$ASSAY" baseline save "$S" --db "$T/new.sqlite" --perf "$T/neg.json"
[ -e "$T/new.sqlite" ] && { echo "FAIL: a bad --perf file created the baseline"; fail=1; }
printf '{"hello": "world"}\n' >"$T/other.json"
expect 2 "assay: $T/other.json: unknown benchmark format" \
  "$ASSAY" check "$S" --baseline "$T/w.sqlite" --perf "$T/other.json"
expect 2 "assay: $T/missing.json: cannot read: No such file or directory" \
  "$ASSAY" check "$S" --baseline "$T/w.sqlite" --perf "$T/missing.json"
expect 2 "benchmark 'parse' (ns) is already in $P/wall_base.json" \
  "$ASSAY" check "$S" --baseline "$T/w.sqlite" --perf "$P/wall_base.json" --perf "$P/wall_base.json"
unchanged_file "$T/w.sqlite" "$before"
# Google Benchmark and hyperfine files go in as they are.
expect 0 "baseline $T/g.sqlite: 4 benchmarks (10 samples)" \
  "$ASSAY" baseline save "$S" --db "$T/g.sqlite" --perf "$P/gbench.json" --perf "$P/hyperfine.json"

# ---- a version 1 baseline: read as it is (no samples), migrated on save --------
python3 - "$T/v1.sqlite" <<'PYEOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript("""
PRAGMA application_id = 1095979865; PRAGMA user_version = 1;
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE findings(fingerprint TEXT PRIMARY KEY NOT NULL, rule TEXT NOT NULL, sink_kind TEXT,
 categories TEXT NOT NULL, service TEXT, source_symbol TEXT, sink_symbol TEXT, path TEXT,
 line INT, col INT, message TEXT, steps TEXT NOT NULL);
""")
c.commit()
PYEOF
expect 0 "assay: note: the baseline holds no benchmarks: nothing to compare" \
  "$ASSAY" check "$S" --baseline "$T/v1.sqlite" --perf "$P/wall_base.json"
expect 0 "perf: [added] parse (ns): not in the baseline" \
  "$ASSAY" check "$S" --baseline "$T/v1.sqlite" --perf "$P/wall_base.json"
[ "$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("pragma user_version").fetchone()[0])' "$T/v1.sqlite")" = 1 ] ||
  { echo "FAIL: check changed the version 1 baseline"; fail=1; }
expect 0 "baseline $T/v1.sqlite: 2 benchmarks" \
  "$ASSAY" baseline save "$S" --db "$T/v1.sqlite" --perf "$P/wall_base.json"
[ "$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("pragma user_version").fetchone()[0])' "$T/v1.sqlite")" = 4 ] ||
  { echo "FAIL: save did not migrate the baseline to version 4"; fail=1; }
# A baseline with samples, checked without --perf, says what was not compared.
expect 0 "assay: note: the baseline holds 2 benchmarks; pass --perf FILE to compare them" \
  "$ASSAY" check "$S" --baseline "$T/v1.sqlite"

# ---- perf record: its errors, and wall-clock samples --------------------------
expect 0 "usage: assay perf record --name NAME" "$ASSAY" perf --help
expect 2 "assay: missing --name NAME" "$ASSAY" perf record -- true
expect 2 "assay: missing command" "$ASSAY" perf record --name x
expect 2 "assay: unknown perf subcommand 'play'" "$ASSAY" perf play
expect 2 "assay: --runs needs a count from 1 to 100000, not '0'" "$ASSAY" perf record --name x --runs 0 -- true
expect 2 "assay: 'false' exited with status 1" "$ASSAY" perf record --name x --wall --runs 2 -- false
expect 2 "assay: cannot run $T/nothing: not found or not executable" \
  "$ASSAY" perf record --name x --wall -- "$T/nothing"
# Without valgrind on PATH, --instructions says so.
mkdir -p "$T/bin"
ln -s "$(type -P true)" "$T/bin/true"
expect 2 "assay: valgrind not found on PATH" env PATH="$T/bin" "$ASSAY" perf record --name x --instructions -- true
expect 0 "" "$ASSAY" perf record --name tick --wall --runs 3 --output "$T/tick.json" -- true
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
(b,) = d["benchmarks"]
assert d["format"] == "assay-perf" and b["name"] == "tick" and b["unit"] == "ns", d
assert len(b["samples"]) == 3 and all(isinstance(x, int) and x > 0 for x in b["samples"]), b
assert isinstance(d["environment"]["cores"], int) and d["environment"]["kernel"].startswith("Linux"), d
' "$T/tick.json" || { echo "FAIL: perf record --wall output"; fail=1; }

if [ "$fail" -ne 0 ]; then echo "perf.sh: FAILED"; exit 1; fi
echo "perf.sh: all passed"
