#!/usr/bin/env bash
# demo.sh — set up and build Assay, then run its main job on the bundled shop
# corpus: save a baseline of corpus/shop/before and check corpus/shop/after
# against it. Reports go to reports/. Exits with check's exit code: 1 is
# expected (the after version adds two personal-data flows).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
if [ -t 1 ]; then B=$'\033[1m' N=$'\033[0m'; else B= N=; fi
say() { printf '%s==> %s%s\n' "$B" "$*" "$N"; }

bash tools/setup.sh

ASSAY=${ASSAY_BUILD_DIR:-build}/assay
REPORTS=reports
mkdir -p "$REPORTS"
rm -f "$REPORTS/baseline.sqlite" "$REPORTS/check.sarif" "$REPORTS/attestation.json" \
  "$REPORTS/check.txt" "$REPORTS/check.json" "$REPORTS/flows.svg" "$REPORTS/flows.dot" \
  "$REPORTS/demo-key.pem" "$REPORTS/demo-key.pub.pem" "$REPORTS/attestation.dsse.json" \
  "$REPORTS/summary.md" "$REPORTS/report.html" "$REPORTS/services.svg" "$REPORTS/mesh.json" \
  "$REPORTS/access.svg"

say "baseline: $ASSAY baseline save corpus/shop/before --db $REPORTS/baseline.sqlite"
"$ASSAY" baseline save corpus/shop/before --db "$REPORTS/baseline.sqlite"

say "check: $ASSAY check corpus/shop/after --baseline $REPORTS/baseline.sqlite ..."
set +e
"$ASSAY" check corpus/shop/after --baseline "$REPORTS/baseline.sqlite" \
  --sarif "$REPORTS/check.sarif" --attestation "$REPORTS/attestation.json" \
  --summary "$REPORTS/summary.md" --html "$REPORTS/report.html" \
  --format text --output "$REPORTS/check.txt"
rc=$?
# The same check again for the machine-readable JSON report.
"$ASSAY" check corpus/shop/after --baseline "$REPORTS/baseline.sqlite" \
  --format json --output "$REPORTS/check.json" >/dev/null 2>"$REPORTS/.check-json.err"
rc_json=$?
set -e
if [ "$rc" -ne "$rc_json" ]; then
  echo "demo.sh: warning: the two check runs exited $rc and $rc_json:" >&2
  cat "$REPORTS/.check-json.err" >&2
fi
rm -f "$REPORTS/.check-json.err"

say "graph: $ASSAY export corpus/shop/after --baseline $REPORTS/baseline.sqlite --output $REPORTS/flows.svg"
"$ASSAY" export corpus/shop/after --graph flows --baseline "$REPORTS/baseline.sqlite" \
  --output "$REPORTS/flows.svg"
"$ASSAY" export corpus/shop/after --graph flows --baseline "$REPORTS/baseline.sqlite" \
  --output "$REPORTS/flows.dot"
# The data-access graph: endpoints, functions, tables (personal-data columns
# marked) and cache keys, and the statements that could not be read.
say "data access: $ASSAY export corpus/shop/after --graph access --output $REPORTS/access.svg"
"$ASSAY" export corpus/shop/after --graph access --output "$REPORTS/access.svg"

# The cross-service corpus: personal data followed across HTTP, gRPC, Kafka
# and Redis, and its service map.
say "cross-service: $ASSAY scan corpus/mesh --format json --output $REPORTS/mesh.json"
"$ASSAY" scan corpus/mesh --format json --output "$REPORTS/mesh.json"
"$ASSAY" export corpus/mesh --graph services --output "$REPORTS/services.svg"

# Sign the attestation with a throwaway key and verify it: the signature and
# the digests of the evidence files it names (reports/check.sarif, the baseline).
say "sign: $ASSAY attest keygen --output $REPORTS/demo-key; $ASSAY attest sign ..."
"$ASSAY" attest keygen --output "$REPORTS/demo-key" >/dev/null
"$ASSAY" attest sign "$REPORTS/attestation.json" --key "$REPORTS/demo-key.pem" \
  --output "$REPORTS/attestation.dsse.json"
set +e
verify_out=$("$ASSAY" attest verify "$REPORTS/attestation.dsse.json" \
  --key "$REPORTS/demo-key.pub.pem" 2>&1)
rc_verify=$?
set -e

echo
say "report ($REPORTS/check.txt)"
if [ -f "$REPORTS/check.txt" ]; then cat "$REPORTS/check.txt"; fi

if [ -f "$REPORTS/check.json" ] && command -v python3 >/dev/null 2>&1; then
  python3 - "$REPORTS/check.json" <<'PYEOF' || true
import json, sys
findings = json.load(open(sys.argv[1])).get("findings", [])
count = {}
for f in findings:
    count[f.get("state", "none")] = count.get(f.get("state", "none"), 0) + 1
print("\nflows: %d new, %d unchanged, %d absent" % (
    count.get("new", 0), count.get("unchanged", 0), count.get("absent", 0)))
PYEOF
fi

case $rc in
0) verdict="pass: no new personal-data flow" ;;
1) verdict="fail: new personal-data flows (expected for this corpus)" ;;
2) verdict="usage or input error" ;;
*) verdict="internal error" ;;
esac
echo
echo "check exit code: $rc ($verdict)"
echo "attestation: $ASSAY attest verify $REPORTS/attestation.dsse.json --key $REPORTS/demo-key.pub.pem"
echo "  exit $rc_verify: $verify_out"
echo "reports in $ROOT/$REPORTS/:"
for f in baseline.sqlite check.txt check.json check.sarif attestation.json \
  attestation.dsse.json demo-key.pem demo-key.pub.pem flows.svg flows.dot summary.md \
  report.html mesh.json services.svg access.svg; do
  [ -f "$REPORTS/$f" ] && echo "  $REPORTS/$f"
done
exit "$rc"
