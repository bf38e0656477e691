#!/usr/bin/env bash
# parse_error_typescript.sh — a TypeScript file with a syntax error in one
# function is analysed around it: the flows of its other function and of its
# route handler are found at their exact lines, the error is reported at its
# exact line:col on stderr and in the JSON (tree-sitter recovers from
# "(1 + ;" by inserting ')' after the next statement: two diagnostics), and
# the scan exits 0. The console.log that the recovery made part of the
# broken statement is not analysed, so it is no finding.
#   $1 = path to the assay binary, $2 = repository root.
set -uo pipefail
ASSAY=${1:?usage: parse_error_typescript.sh ASSAY_BINARY REPO_ROOT}
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-tserr.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"

mkdir -p "$T/src/web/src"
printf '{ "name": "web", "private": true }\n' >"$T/src/web/package.json"
cat >"$T/src/web/src/users.ts" <<'TS'
import express from 'express';

const router = express.Router();

interface User {
  email: string;
  phone: string;
}

export function broken(user: User): number {
  const total = (1 + ;
  console.log(user.phone);
  return total;
}

export function register(user: User): void {
  console.log(`new user ${user.email}`);
}

router.post('/signup', (req, res) => {
  res.json({ welcome: req.body.email });
});

export default router;
TS

"$ASSAY" scan "$T/src" --format json --output "$T/out.json" 2>"$T/err.txt"
rc=$?
fail=0
if [ "$rc" -ne 0 ]; then
  echo "FAIL: exit $rc, want 0"
  fail=1
fi
want_err="assay: web/src/users.ts:11:22: parse-error: syntax error near ';'; the rest of the file is analysed
assay: web/src/users.ts:12:26: parse-error: missing ')'; the rest of the file is analysed"
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
want_d = [("web/src/users.ts", 11, 22, "parse-error", "syntax error near ';'; the rest of the file is analysed"),
          ("web/src/users.ts", 12, 26, "parse-error", "missing ')'; the rest of the file is analysed")]
if got_d != want_d:
    print("FAIL: diagnostics %r, want %r" % (got_d, want_d))
    ok = False
got_f = sorted((f["file"], f["line"], tuple(f["categories"]), f["sink"], f["source"])
               for f in out.get("findings", []))
want_f = [("web/src/users.ts", 17, ("user.contact.email",), "stdout", "web:src/users:register:email"),
          ("web/src/users.ts", 21, ("user.contact.email",), "response",
           "web:src/users:<router.post(/signup)>:email")]
if got_f != want_f:
    print("FAIL: findings\n  got  %r\n  want %r" % (got_f, want_f))
    ok = False
if out["stats"]["failed"] != 1:
    print("FAIL: stats %r, want 1 failed" % out["stats"])
    ok = False
sys.exit(0 if ok else 1)
PY
[ "$fail" -eq 0 ] && echo "ok   parse_error_typescript"
exit "$fail"
