#!/usr/bin/env bash
# test.sh — set up, build, and run every test twice: on the Release build in
# build/ and on an ASan+UBSan Debug build in build-san/. Exits non-zero when
# either run fails; prints both ctest summaries at the end.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
if [ -t 1 ]; then B=$'\033[1m' N=$'\033[0m'; else B= N=; fi
say() { printf '%s==> %s%s\n' "$B" "$*" "$N"; }

: skip setup

BUILD=${ASSAY_BUILD_DIR:-build}
SAN=${ASSAY_SAN_BUILD_DIR:-build-san}
JOBS=${ASSAY_JOBS:-$(nproc 2>/dev/null || echo 2)}

say "configuring $SAN/ (Debug, AddressSanitizer + UndefinedBehaviorSanitizer)"
cmake -S . -B "$SAN" -DASSAY_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
say "building $SAN/"
cmake --build "$SAN" -j"$JOBS"

LOG=$(mktemp -d "${TMPDIR:-/tmp}/assay-test.XXXXXX")
trap 'rm -rf "$LOG"' EXIT

status=0
say "ctest: $BUILD (Release)"
ctest --test-dir "$BUILD" --output-on-failure --no-tests=error 2>&1 | tee "$LOG/release.txt" || status=1

# Leak detection is on. A parse through libclang 14 frees everything (checked),
# so no suppressions are needed; should a libclang version leak on its own, put
# "leak:libclang" in tests/lsan.supp and it is picked up here.
export ASAN_OPTIONS="detect_leaks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
if [ -f tests/lsan.supp ]; then
  export LSAN_OPTIONS="suppressions=$ROOT/tests/lsan.supp:print_suppressions=0"
fi
say "ctest: $SAN (ASan + UBSan, leak detection on)"
ctest --test-dir "$SAN" --output-on-failure --no-tests=error 2>&1 | tee "$LOG/sanitize.txt" || status=1

summary() { # the "N% tests passed, M tests failed out of K" line and what follows it
  grep -E 'tests passed|tests failed|^[[:space:]]+[0-9]+ - |The following tests FAILED|No tests were found' "$1" || echo "  (no ctest summary: see the output above)"
}
echo
say "summary"
echo "Release ($BUILD):"
summary "$LOG/release.txt"
echo "Sanitizers ($SAN):"
summary "$LOG/sanitize.txt"
if [ "$status" -ne 0 ]; then
  echo "test.sh: FAILED" >&2
  exit 1
fi
echo "test.sh: all tests passed in both builds"
