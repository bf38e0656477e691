#!/usr/bin/env bash
# parse_error_javascript.sh — a JavaScript file with syntax errors in two of
# its route handlers is analysed around them, and the scan exits 0:
#   /signup: "[1, 2;" — tree-sitter inserts the ']': that statement is
#     skipped, the handler's other statements are analysed (its response at
#     line 7 is a finding);
#   /profile: an unclosed template literal and object — the whole handler is
#     an ERROR node (its lines might be misread), so its response with the
#     phone number (line 13) is not analysed and no finding;
#   /me, after them: its flow is found at its exact line.
# Each error is a parse-error at its exact line:col on stderr and in the JSON.
#   $1 = path to the assay binary, $2 = repository root.
set -uo pipefail
ASSAY=${1:?usage: parse_error_javascript.sh ASSAY_BINARY REPO_ROOT}
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-jserr.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"

mkdir -p "$T/src/web/src"
printf '{ "name": "web", "private": true }\n' >"$T/src/web/package.json"
cat >"$T/src/web/src/routes.js" <<'JS'
const express = require('express');
const router = express.Router();

router.post('/signup', (req, res) => {
  const { email } = req.body;
  const total = [1, 2;
  res.status(201).json({ welcome: `hello ${email}` });
});

router.post('/profile', (req, res) => {
  const phone = req.body.phone;
  let greeting = `call ${phone` ;
  res.json({ phone: phone
});

router.get('/me', (req, res) => {
  res.json({ email: req.user.email });
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
want_err="assay: web/src/routes.js:6:22: parse-error: missing ']'; the rest of the file is analysed
assay: web/src/routes.js:10:1: parse-error: syntax error near 'router.post('/profile', (req,'; the rest of the file is analysed"
if [ "$(cat "$T/err.txt")" != "$want_err" ]; then
  echo "FAIL: stderr:"
  sed 's/^/  | /' "$T/err.txt"
  fail=1
fi
python3 - "$T/out.json" <<'PY' || fail=1
import json, sys
out = json.load(open(sys.argv[1]))
ok = True
got_d = [(d["file"], d["line"], d["col"], d["code"], d["message"]) for d in out.get("diagnostics", [])]
want_d = [("web/src/routes.js", 6, 22, "parse-error", "missing ']'; the rest of the file is analysed"),
          ("web/src/routes.js", 10, 1, "parse-error",
           "syntax error near 'router.post('/profile', (req,'; the rest of the file is analysed")]
if got_d != want_d:
    print("FAIL: diagnostics %r, want %r" % (got_d, want_d))
    ok = False
got_f = sorted((f["file"], f["line"], tuple(f["categories"]), f["sink"], f["source"])
               for f in out.get("findings", []))
want_f = [("web/src/routes.js", 7, ("user.contact.email",), "response",
           "web:src/routes:<router.post(/signup)>:email"),
          ("web/src/routes.js", 17, ("user.contact.email",), "response",
           "web:src/routes:<router.get(/me)>:email")]
if got_f != want_f:
    print("FAIL: findings\n  got  %r\n  want %r" % (got_f, want_f))
    ok = False
sys.exit(0 if ok else 1)
PY
[ "$fail" -eq 0 ] && echo "ok   parse_error_javascript"
exit "$fail"
