#!/usr/bin/env bash
# sarif_validate.sh — Assay's SARIF, checked by a real validator: Microsoft's
# SARIF Multitool (`validate`), pinned by tools/sarif-validator/package-lock.json
# and installed by tools/setup.sh.
#   $1 = path to the assay binary, $2 = repository root.
# Validates the SARIF of `check` (corpus/shop/after against a baseline of
# before) and of `scan` (corpus/shop/after), and fails on any result the
# validator reports at level "error" (JSON schema violations and SARIF spec
# rules), printing each. A missing validator is a broken set-up, not a skip.
# First, a deliberately broken log must be rejected: the test proves the
# validator can fail before trusting its silence.
set -uo pipefail

ASSAY=${1:?usage: sarif_validate.sh ASSAY_BINARY REPO_ROOT}
ROOT=${2:?usage: sarif_validate.sh ASSAY_BINARY REPO_ROOT}
CORPUS="$ROOT/corpus/shop"
VALIDATOR="$ROOT/tools/sarif-validator/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-sarif.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"

if [ ! -f "$VALIDATOR" ]; then
  echo "FAIL: the SARIF validator is not installed ($VALIDATOR): run tools/setup.sh"
  exit 1
fi
if [ ! -x "$VALIDATOR" ]; then
  echo "FAIL: the SARIF validator is not executable ($VALIDATOR): run tools/setup.sh"
  exit 1
fi
command -v jq >/dev/null 2>&1 || {
  echo "FAIL: jq not found: run tools/setup.sh"
  exit 1
}

indent() { while IFS= read -r l; do printf '  %s\n' "$l"; done; }

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

# validate SARIF: run the validator on SARIF; its findings go to SARIF.val (a
# SARIF log of its own). Prints "level ruleId location: message" for each
# error-level finding on stdout. Returns 2 when the validator itself failed.
validate() {
  local in=$1 out=$1.val
  if ! "$VALIDATOR" validate "$in" --output "$out" --log ForceOverwrite \
    --level "Error;Warning;Note" --quiet >"$T/validator.log" 2>&1; then
    echo "validator failed on $in:" >&2
    sed 's/^/  /' "$T/validator.log" >&2
    return 2
  fi
  if ! jq -e '.runs[0].results | type == "array"' "$out" >/dev/null 2>&1; then
    echo "validator wrote no readable log for $in:" >&2
    sed 's/^/  /' "$T/validator.log" >&2
    return 2
  fi
  # A result's message has either text or a rule message id with arguments;
  # the arguments (location path first) say what is wrong.
  jq -r '.runs[0].results[] | select(.level == "error")
    | "\(.level) \(.ruleId) "
      + ((.message.text // ((.message.arguments // []) | join(": ")))
         | gsub("\n"; " "))' "$out"
}

# 1. The validator must reject a broken log: Assay's check SARIF with a line
#    number of 0 (SARIF lines start at 1) and the version removed.
run 0 "$ASSAY" baseline save "$CORPUS/before" --db "$T/b.sqlite"
run 1 "$ASSAY" check "$CORPUS/after" --baseline "$T/b.sqlite" --format json \
  --output "$T/check.json" --sarif "$T/check.sarif"
run 0 "$ASSAY" scan "$CORPUS/after" --format sarif --output "$T/scan.sarif"
# Cross-service paths (services per step) and contract/attack-surface results
# (levels by class, rules per change kind) are valid SARIF too.
run 0 "$ASSAY" scan "$ROOT/corpus/mesh" --format sarif --output "$T/mesh.sarif"
run 0 "$ASSAY" baseline save "$ROOT/tests/surface/before" --db "$T/s.sqlite"
run 1 "$ASSAY" check "$ROOT/tests/surface/after" --baseline "$T/s.sqlite" --format json \
  --output "$T/surface.json" --sarif "$T/surface.sarif"

for f in check.sarif scan.sarif mesh.sarif surface.sarif; do
  if [ ! -s "$T/$f" ]; then
    echo "FAIL: assay wrote no $f"
    exit 1
  fi
done

jq 'del(.version)
    | .runs[0].results[0].locations[0].physicalLocation.region.startLine = 0' \
  "$T/check.sarif" >"$T/broken.sarif"
errs=$(validate "$T/broken.sarif")
rc=$?
if [ "$rc" -eq 2 ]; then
  fail=1
elif ! grep -q 'startLine' <<<"$errs" || ! grep -q 'version' <<<"$errs"; then
  echo "FAIL: the validator accepted a broken SARIF log (startLine 0, no version); it reported:"
  if [ -n "$errs" ]; then indent <<<"$errs"; else echo "  (no errors)"; fi
  fail=1
fi

# 2. Assay's own SARIF: no error-level finding.
for f in check.sarif scan.sarif mesh.sarif surface.sarif; do
  n=$(jq '.runs[0].results | length' "$T/$f")
  if [ "$n" -lt 1 ]; then
    echo "FAIL: $f has no results (the corpus has findings): nothing to validate"
    fail=1
  fi
  errs=$(validate "$T/$f")
  rc=$?
  if [ "$rc" -eq 2 ]; then
    fail=1
  elif [ -n "$errs" ]; then
    echo "FAIL: the SARIF validator rejects $f ($(wc -l <<<"$errs") errors):"
    indent <<<"$errs"
    fail=1
  fi
done

[ "$fail" -eq 0 ] && echo "ok: check, scan, mesh and surface SARIF pass the SARIF Multitool's validate"
exit "$fail"
