#!/usr/bin/env bash
# parse_error_go.sh — a Go file that does not parse is reported and the scan
# goes on: exit 0, the broken file's path with "parse-error" on stderr, the
# diagnostic in the JSON output, and the good file's flow still found.
#   $1 = path to the assay binary, $2 = repository root.
set -uo pipefail
ASSAY=${1:?usage: parse_error_go.sh ASSAY_BINARY REPO_ROOT}
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-goerr.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"

mkdir -p "$T/src/billing"
printf 'module example.com/billing\n\ngo 1.22\n' >"$T/src/billing/go.mod"
printf 'package main\n\nfunc broken( {\n\tx := 1\n}\n' >"$T/src/billing/bad.go"
cat >"$T/src/billing/good.go" <<'GO'
package main

import "log"

type User struct {
	Email string `json:"email"`
}

func Register(u User) {
	log.Printf("new user %s", u.Email)
}
GO

"$ASSAY" scan "$T/src" --format json --output "$T/out.json" 2>"$T/err.txt"
rc=$?
fail=0
if [ "$rc" -ne 0 ]; then
  echo "FAIL: exit $rc, want 0"
  fail=1
fi
if ! grep -q "billing/bad.go.*parse-error" "$T/err.txt"; then
  echo "FAIL: stderr lacks the broken file's parse-error:"
  sed 's/^/  | /' "$T/err.txt"
  fail=1
fi
python3 - "$T/out.json" <<'PY' || fail=1
import json, sys
out = json.load(open(sys.argv[1]))
ok = True
diags = [d for d in out.get("diagnostics", []) if d.get("code") == "parse-error"]
want_d = [("billing/bad.go", 3, 13, "missing ')'")]
got_d = [(d["file"], d["line"], d["col"], d["message"]) for d in diags]
if got_d != want_d:
    print("FAIL: parse-error diagnostics %r, want %r" % (got_d, want_d))
    ok = False
got_f = sorted((f["file"], f["line"], tuple(f["categories"]), f["sink"], f["source"])
               for f in out.get("findings", []))
want_f = [("billing/good.go", 10, ("user.contact.email",), "log", "billing:.:Register:Email")]
if got_f != want_f:
    print("FAIL: findings %r, want %r" % (got_f, want_f))
    ok = False
sys.exit(0 if ok else 1)
PY
[ "$fail" -eq 0 ] && echo "ok   parse_error_go"
exit "$fail"
