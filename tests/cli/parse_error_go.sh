#!/usr/bin/env bash
# parse_error_go.sh — a Go file with a syntax error in one function is
# analysed around it and the scan goes on: exit 0, the error as a
# parse-error at its exact line:col on stderr and in the JSON (stats.failed
# counts the file), the flow of the broken file's other function found at its
# exact line, and the good file's flow too. The unclosed parenthesis takes
# the next line into the broken statement (its recovery), so the log call
# there is not analysed: no finding at line 11.
#   $1 = path to the assay binary, $2 = repository root.
set -uo pipefail
ASSAY=${1:?usage: parse_error_go.sh ASSAY_BINARY REPO_ROOT}
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-goerr.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"

mkdir -p "$T/src/billing"
printf 'module example.com/billing\n\ngo 1.22\n' >"$T/src/billing/go.mod"
cat >"$T/src/billing/bad.go" <<'GO'
package main

import "log"

type Account struct {
	Phone string `json:"phone"`
}

func broken(a Account) int {
	total := (1 +
	log.Printf("inside %s", a.Phone)
	return total
}

func Charge(a Account) {
	log.Printf("charging %s", a.Phone)
}
GO
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
want_err="assay: billing/bad.go:10:2: parse-error: syntax error near 'total := (1 +  log.Printf(\"ins'; the rest of the file is analysed"
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
want_d = [("billing/bad.go", 10, 2, "parse-error",
           "syntax error near 'total := (1 +  log.Printf(\"ins'; the rest of the file is analysed")]
if got_d != want_d:
    print("FAIL: diagnostics %r, want %r" % (got_d, want_d))
    ok = False
got_f = sorted((f["file"], f["line"], tuple(f["categories"]), f["sink"], f["source"])
               for f in out.get("findings", []))
want_f = [("billing/bad.go", 16, ("user.contact.phone_number",), "log", "billing:.:Charge:Phone"),
          ("billing/good.go", 10, ("user.contact.email",), "log", "billing:.:Register:Email")]
if got_f != want_f:
    print("FAIL: findings\n  got  %r\n  want %r" % (got_f, want_f))
    ok = False
if out["stats"]["files"] != 2 or out["stats"]["failed"] != 1:
    print("FAIL: stats %r, want 2 files, 1 failed" % out["stats"])
    ok = False
sys.exit(0 if ok else 1)
PY
[ "$fail" -eq 0 ] && echo "ok   parse_error_go"
exit "$fail"
