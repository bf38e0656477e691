#!/usr/bin/env bash
# conformance.sh — the conformance suite (tests/conformance/LANG/CASE/) passes
# exactly: every finding is marked in its fixture and every mark is found.
#   $1 = path to the assay binary, $2 = repository root.
set -uo pipefail
ASSAY=${1:?usage: conformance.sh ASSAY_BINARY REPO_ROOT}
ROOT=${2:?usage: conformance.sh ASSAY_BINARY REPO_ROOT}
exec bash "$ROOT/tools/conformance.sh" "$ASSAY" "$ROOT"
