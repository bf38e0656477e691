#!/usr/bin/env bash
# parse_error_javascript.sh — a TypeScript file that does not parse is
# reported and the scan goes on: exit 0, the broken file's path with
# "parse-error" on stderr, the diagnostic in the JSON output, and the flow of
# the good JavaScript file beside it still found, exactly.
#   $1 = path to the assay binary, $2 = repository root.
set -uo pipefail
ASSAY=${1:?usage: parse_error_javascript.sh ASSAY_BINARY REPO_ROOT}
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-jserr.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"

mkdir -p "$T/src/web/src"
printf '{ "name": "web", "private": true }\n' >"$T/src/web/package.json"
# line 3: a parameter without its type
printf 'export function ok(a: string) {\n  return a;\n}\nexport function broken(a: ) {\n  return a;\n}\n' \
  >"$T/src/web/src/bad.ts"
cat >"$T/src/web/src/routes.js" <<'JS'
const express = require('express');
const router = express.Router();

router.post('/signup', (req, res) => {
  const { email } = req.body;
  res.status(201).json({ welcome: `hello ${email}` });
});

module.exports = router;
JS

"$ASSAY" scan "$T/src" --format json --output "$T/out.json" 2>"$T/err.txt"
rc=$?
fail=0
if [ "$rc" -ne 0 ]; then
  echo "FAIL: exit $rc, want 0"
  fail=1
fi
if ! grep -q "web/src/bad.ts:4:25: parse-error" "$T/err.txt"; then
  echo "FAIL: stderr lacks the broken file's parse-error:"
  sed 's/^/  | /' "$T/err.txt"
  fail=1
fi
python3 - "$T/out.json" <<'PY' || fail=1
import json, sys
out = json.load(open(sys.argv[1]))
ok = True
diags = [d for d in out.get("diagnostics", []) if d.get("code") == "parse-error"]
want_d = [("web/src/bad.ts", 4, 25, "syntax error near ':'")]
got_d = [(d["file"], d["line"], d["col"], d["message"]) for d in diags]
if got_d != want_d:
    print("FAIL: parse-error diagnostics %r, want %r" % (got_d, want_d))
    ok = False
got_f = sorted((f["file"], f["line"], tuple(f["categories"]), f["sink"], f["source"])
               for f in out.get("findings", []))
want_f = [("web/src/routes.js", 6, ("user.contact.email",), "response",
           "web:src/routes:<router.post(/signup)>:email")]
if got_f != want_f:
    print("FAIL: findings %r, want %r" % (got_f, want_f))
    ok = False
sys.exit(0 if ok else 1)
PY
[ "$fail" -eq 0 ] && echo "ok   parse_error_javascript"
exit "$fail"
