#!/usr/bin/env bash
# bench.sh [LINES] [LANG...] — Assay's throughput against tree-sitter's raw parse.
#
# LANG is python, javascript, typescript, go or java (default: all five, or
# the space-separated list in ASSAY_BENCH_LANGS). For each, tools/gen_bench.py
# generates a synthetic service of at least LINES lines (default: 200000 for
# Python, 100000 for the others), then times, wall-clock, with the same
# Release build (ASSAY_BUILD_DIR, default build/):
#   - assay scan DIR --no-cache          (cold: every file lowered and analysed)
#   - assay scan DIR, twice with a fresh cache file; the second run is the warm figure
#   - assay-bench-parse --check on the same files (tree-sitter parse only,
#     in-process; the untimed check fails the run on any syntax error)
# and prints lines/s of each and the ratio scan/parse. With Python, the same
# is done on corpus/shop/before (its parse baseline covers its Python files
# only). A closing table lists every language's figures.
set -euo pipefail

cd "$(dirname "$0")/.."
LINES=
if [ $# -gt 0 ] && [[ $1 =~ ^[0-9]+$ ]]; then
  LINES=$1
  shift
fi
if [ $# -gt 0 ]; then
  LANGS=("$@")
else
  read -r -a LANGS <<<"${ASSAY_BENCH_LANGS:-python javascript typescript go java}"
fi
BUILD=${ASSAY_BUILD_DIR:-build}
JOBS=${ASSAY_JOBS:-$(nproc 2>/dev/null || echo 2)}
if [ -t 1 ]; then B=$'\033[1m' N=$'\033[0m'; else B= N=; fi
say() { printf '%s==> %s%s\n' "$B" "$*" "$N"; }
die() {
  printf 'bench.sh: error: %s\n' "$*" >&2
  exit 1
}
case $LINES in *[!0-9]*) die "LINES must be a number (got '$LINES')" ;; esac
for lang in "${LANGS[@]}"; do
  case $lang in python | javascript | typescript | go | java) ;;
  *) die "unknown language '$lang' (python, javascript, typescript, go or java)" ;;
  esac
done

# Release build, configured if needed (benchmarks of a Debug build mislead).
type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$BUILD/CMakeCache.txt" 2>/dev/null || true)
if [ "$type" != Release ]; then
  [ -z "$type" ] || say "$BUILD/ is a '$type' build: reconfiguring it as Release"
  cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD" -j"$JOBS" --target assay assay-bench-parse assay-bench-access >/dev/null ||
  die "build failed (run: cmake --build $BUILD)"
ASSAY=$BUILD/assay
PARSE=$BUILD/assay-bench-parse

WORK=$(mktemp -d "${TMPDIR:-/tmp}/assay-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

now() { date +%s.%N; }
# timed_scan DIR [ARGS...]: prints the wall-clock seconds of one scan.
timed_scan() {
  local dir=$1
  shift
  local t0 t1 rc
  t0=$(now)
  set +e
  "$ASSAY" scan "$dir" --format json --output /dev/null "$@" 2>"$WORK/scan.err"
  rc=$?
  set -e
  t1=$(now)
  if [ "$rc" -ne 0 ]; then
    sed 's/^/  /' "$WORK/scan.err" | head -20 >&2
    die "assay scan $dir $* exited $rc"
  fi
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }'
}
rate() { awk -v n="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "inf" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "n/a" }'; }
field() { awk -v k="$1" '{ for (i = 1; i < NF; i++) if ($i == k) print $(i + 1) }' <<<"$2"; }

# The find(1) name tests of a language's sources.
exts() {
  case $1 in
  python) echo "-name *.py" ;;
  javascript) echo "-name *.js -o -name *.jsx -o -name *.mjs -o -name *.cjs" ;;
  typescript) echo "-name *.ts -o -name *.tsx" ;;
  go) echo "-name *.go" ;;
  java) echo "-name *.java" ;;
  esac
}

SUMMARY=()
# bench NAME LANG DIR: one benchmark over the source tree DIR, whose LANG
# files are what the parse baseline covers.
bench() {
  local name=$1 lang=$2 dir=$3
  local files=() f
  # shellcheck disable=SC2046 # the name tests are meant to split
  set -f
  while IFS= read -r f; do files+=("$f"); done < <(find "$dir" -type f \( $(exts "$lang") \) | sort)
  set +f
  [ ${#files[@]} -gt 0 ] || die "no $lang files under $dir"

  say "$name: tree-sitter parse only (${#files[@]} $lang files, syntax checked first)"
  local out rc=0
  out=$("$PARSE" --check "${files[@]}" 2>"$WORK/parse.err") || rc=$?
  if [ "$rc" -ne 0 ] || [ -z "$out" ]; then
    sed 's/^/  /' "$WORK/parse.err" | tail -5 >&2
    [ "$rc" -ne 1 ] || die "$lang: the generated files have syntax errors"
    say "$name: skipped: no raw parse for $lang in this build (frontend not landed?)"
    SUMMARY+=("$(printf '%-19s %9s  %s' "$lang" "-" "skipped: $lang frontend not available")")
    return 0
  fi
  echo "  $out"
  local lang_lines parse_s all_lines
  lang_lines=$(field lines "$out")
  parse_s=$(field seconds "$out")
  all_lines=$(find "$dir" -type f \( -name '*.py' -o -name '*.c' -o -name '*.h' -o -name '*.js' \
    -o -name '*.jsx' -o -name '*.mjs' -o -name '*.cjs' -o -name '*.ts' -o -name '*.tsx' \
    -o -name '*.go' -o -name '*.java' \) -exec cat {} + | wc -l)

  say "$name: scan --no-cache (cold)"
  local cold
  cold=$(timed_scan "$dir" --no-cache)
  if grep -q "not analysed yet" "$WORK/scan.err"; then
    say "$name: note: assay reports files 'not analysed yet': the $lang frontend is a placeholder"
  fi
  say "$name: scan with the cache, twice (the second is warm)"
  local first warm
  rm -f "$WORK/units.sqlite"
  first=$(timed_scan "$dir" --cache "$WORK/units.sqlite")
  warm=$(timed_scan "$dir" --cache "$WORK/units.sqlite")

  local scan_rate warm_rate parse_rate
  scan_rate=$(rate "$all_lines" "$cold")
  warm_rate=$(rate "$all_lines" "$warm")
  parse_rate=$(rate "$lang_lines" "$parse_s")
  echo
  printf '%s\n' "$name"
  printf '  %-34s %s (%s: %s)\n' "lines scanned" "$all_lines" "$lang" "$lang_lines"
  printf '  %-34s %10s s  %12s lines/s\n' "scan, cold (--no-cache)" "$cold" "$scan_rate"
  printf '  %-34s %10s s  %12s lines/s\n' "scan, first run filling the cache" "$first" \
    "$(rate "$all_lines" "$first")"
  printf '  %-34s %10s s  %12s lines/s\n' "scan, warm cache" "$warm" "$warm_rate"
  printf '  %-34s %10s s  %12s lines/s\n' "tree-sitter parse only" "$parse_s" "$parse_rate"
  printf '  %-34s %s\n' "scan/parse throughput (cold)" "$(ratio "$scan_rate" "$parse_rate")"
  printf '  %-34s %s\n' "scan/parse throughput (warm)" "$(ratio "$warm_rate" "$parse_rate")"
  if [ "$all_lines" != "$lang_lines" ]; then
    echo "  (the scan also covers other languages' files; the parse figure is $lang only)"
  fi
  echo
  SUMMARY+=("$(printf '%-19s %9s %12s %12s %12s %10s' "${name%% *}" "$all_lines" "$scan_rate" \
    "$warm_rate" "$parse_rate" "$(ratio "$scan_rate" "$parse_rate")")")
}

for lang in "${LANGS[@]}"; do
  want=${LINES:-$([ "$lang" = python ] && echo 200000 || echo 100000)}
  say "generating a $lang service of at least $want lines in $WORK"
  python3 tools/gen_bench.py --lang "$lang" "$WORK" "$want"
  if [ "$lang" = python ]; then dir=$WORK/benchsvc; else dir=$WORK/benchsvc-$lang; fi
  bench "$lang ($dir)" "$lang" "$dir"
  rm -rf "$dir" "$WORK/units.sqlite"
  if [ "$lang" = python ]; then
    # The corpus is scanned from a copy, so a cache kept beside it stays out of the repo.
    cp -r corpus/shop/before "$WORK/shop-before"
    bench "corpus/shop/before" python "$WORK/shop-before"
    rm -rf "$WORK/shop-before" "$WORK/units.sqlite"
  fi
done

say "data-access graph: SQL call-site extraction against lowering (assay-bench-access)"
"$BUILD/assay-bench-access" | sed 's/^/  /' || die "assay-bench-access failed"

echo "Summary ($(basename "$BUILD") build, $(nproc 2>/dev/null || echo '?') CPUs; lines/s, wall-clock)"
printf '%-19s %9s %12s %12s %12s %10s\n' "input" "lines" "scan cold" "scan warm" "parse" \
  "cold/parse"
for row in "${SUMMARY[@]}"; do
  printf '%s\n' "$row"
done
