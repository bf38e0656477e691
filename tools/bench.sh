#!/usr/bin/env bash
# bench.sh [LINES] — Assay's throughput against tree-sitter's raw parse.
#
# Generates a synthetic Python service of at least LINES lines (default
# 200000) with tools/gen_bench.py, then times, wall-clock:
#   - assay scan DIR --no-cache          (cold: every file lowered and analysed)
#   - assay scan DIR, twice with a fresh cache file; the second run is the warm figure
#   - assay-bench-parse on the same files (tree-sitter parse only, in-process)
# and prints lines/s of each and the ratio scan/parse. The same is then done
# on corpus/shop/before (the parse baseline there covers its Python files only).
set -euo pipefail

cd "$(dirname "$0")/.."
LINES=${1:-200000}
BUILD=${ASSAY_BUILD_DIR:-build}
JOBS=${ASSAY_JOBS:-$(nproc 2>/dev/null || echo 2)}
if [ -t 1 ]; then B=$'\033[1m' N=$'\033[0m'; else B= N=; fi
say() { printf '%s==> %s%s\n' "$B" "$*" "$N"; }
die() {
  printf 'bench.sh: error: %s\n' "$*" >&2
  exit 1
}
case $LINES in '' | *[!0-9]*) die "LINES must be a number (got '$LINES')" ;; esac

# Release build, configured if needed (benchmarks of a Debug build mislead).
type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$BUILD/CMakeCache.txt" 2>/dev/null || true)
if [ "$type" != Release ]; then
  [ -z "$type" ] || say "$BUILD/ is a '$type' build: reconfiguring it as Release"
  cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD" -j"$JOBS" --target assay assay-bench-parse >/dev/null ||
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

# bench NAME DIR: one benchmark over the source tree DIR.
bench() {
  local name=$1 dir=$2
  local pyfiles=() f
  while IFS= read -r f; do pyfiles+=("$f"); done < <(find "$dir" -name '*.py' -type f | sort)
  [ ${#pyfiles[@]} -gt 0 ] || die "no Python files under $dir"
  local all_lines py_lines
  all_lines=$(find "$dir" -type f \( -name '*.py' -o -name '*.c' -o -name '*.h' \) -exec cat {} + | wc -l)

  say "$name: scan --no-cache (cold)"
  local cold
  cold=$(timed_scan "$dir" --no-cache)
  say "$name: scan with the cache, twice (the second is warm)"
  local first warm
  rm -f "$WORK/units.sqlite"
  first=$(timed_scan "$dir" --cache "$WORK/units.sqlite")
  warm=$(timed_scan "$dir" --cache "$WORK/units.sqlite")
  say "$name: tree-sitter parse only (${#pyfiles[@]} Python files)"
  local out
  out=$("$PARSE" "${pyfiles[@]}" 2>/dev/null) || die "assay-bench-parse failed"
  echo "  $out"
  py_lines=$(awk '{ for (i = 1; i < NF; i++) if ($i == "lines") print $(i + 1) }' <<<"$out")
  local parse_s
  parse_s=$(awk '{ for (i = 1; i < NF; i++) if ($i == "seconds") print $(i + 1) }' <<<"$out")

  local scan_rate warm_rate parse_rate
  scan_rate=$(rate "$all_lines" "$cold")
  warm_rate=$(rate "$all_lines" "$warm")
  parse_rate=$(rate "$py_lines" "$parse_s")
  echo
  printf '%s\n' "$name"
  printf '  %-34s %s (Python: %s)\n' "lines scanned" "$all_lines" "$py_lines"
  printf '  %-34s %10s s  %12s lines/s\n' "scan, cold (--no-cache)" "$cold" "$scan_rate"
  printf '  %-34s %10s s  %12s lines/s\n' "scan, first run filling the cache" "$first" \
    "$(rate "$all_lines" "$first")"
  printf '  %-34s %10s s  %12s lines/s\n' "scan, warm cache" "$warm" "$warm_rate"
  printf '  %-34s %10s s  %12s lines/s\n' "tree-sitter parse only" "$parse_s" "$parse_rate"
  printf '  %-34s %s\n' "scan/parse throughput (cold)" "$(ratio "$scan_rate" "$parse_rate")"
  printf '  %-34s %s\n' "scan/parse throughput (warm)" "$(ratio "$warm_rate" "$parse_rate")"
  if [ "$all_lines" != "$py_lines" ]; then
    echo "  (the scan also covers C files; the parse figure is Python only)"
  fi
  echo
}

say "generating a service of at least $LINES lines in $WORK"
python3 tools/gen_bench.py "$WORK" "$LINES"
bench "synthetic service ($WORK/benchsvc)" "$WORK/benchsvc"
# The corpus is scanned from a copy, so a cache kept beside it stays out of the repo.
cp -r corpus/shop/before "$WORK/shop-before"
bench "corpus/shop/before" "$WORK/shop-before"
