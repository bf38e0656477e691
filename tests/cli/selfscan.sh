#!/usr/bin/env bash
# selfscan.sh — Assay scans its own repository: every C and Python file of
# Assay parses (only the deliberately broken golden files fail), and Assay's
# own code reports no personal-data flow (findings come only from corpus/,
# tests/golden/, tests/link/, tests/surface/, tests/access/ and tests/conformance/, which contain them on purpose).
#   $1 = path to the assay binary, $2 = repository root.
set -uo pipefail
ASSAY=${1:?}
ROOT=${2:?}
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-self.XXXXXX")
trap 'rm -rf "$T"' EXIT
fail=0

"$ASSAY" scan "$ROOT" --no-cache --format json --output "$T/self.json" 2>"$T/err"
rc=$?
[ "$rc" -eq 0 ] || { echo "FAIL: scan exited $rc"; cat "$T/err"; fail=1; }

python3 - "$T/self.json" <<'PY' || fail=1
import json, re, sys
r = json.load(open(sys.argv[1]))
ok = True
# A file with syntax errors has one error diagnostic per error (the first few).
failed = sorted(set(d["file"] for d in r["diagnostics"] if d["level"] == "error"))
# Only the deliberately broken golden inputs may fail, and these must.
unexpected = [f for f in failed if not re.fullmatch(r"tests/golden/[a-z]+/syntax_error[a-z_]*\.[a-z]+", f)]
if unexpected:
    print("FAIL: files that failed to parse:", unexpected); ok = False
for want in ["tests/golden/c/syntax_error.c", "tests/golden/python/syntax_error.py"]:
    if want not in failed:
        print("FAIL: %s did not fail to parse" % want); ok = False
if r["stats"]["failed"] != len(failed):
    print("FAIL: stats.failed =", r["stats"]["failed"], "but", len(failed), "files with error diagnostics"); ok = False
own = [f for f in r["findings"] if not f["file"].startswith(("corpus/", "tests/golden/", "tests/link/", "tests/surface/", "tests/access/", "tests/conformance/"))]
for f in own:
    print("FAIL: finding in Assay's own code: %s:%d %s" % (f["file"], f["line"], f["message"])); ok = False
c_files = r["stats"]["files"]
if c_files < 40:
    print("FAIL: only %d files scanned" % c_files); ok = False
print("selfscan: %d files, %d findings (all in corpus/, tests/golden/, tests/link/, tests/surface/, tests/access/ and tests/conformance/)" % (c_files, len(r["findings"])))
sys.exit(0 if ok else 1)
PY
[ "$fail" -eq 0 ] && echo "selfscan: passed" || { echo "selfscan: FAILED"; exit 1; }
