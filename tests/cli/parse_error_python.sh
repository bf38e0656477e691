#!/usr/bin/env bash
# parse_error_python.sh — a Python file with a syntax error is analysed
# around it: its other functions' flows are found at their exact lines, the
# error is a parse-error diagnostic at its exact line:col on stderr, in the
# JSON (stats.failed counts the file) and in SARIF (a notification tied to
# assay/parse-error), and the scan exits 0 (a scan has no gate). What the
# error's recovery swallowed (the unclosed parenthesis takes the next line)
# is not analysed: the log call inside the broken statement is not a
# finding. The good file beside it is analysed as before.
#   $1 = path to the assay binary, $2 = repository root.
set -uo pipefail
ASSAY=${1:?usage: parse_error_python.sh ASSAY_BINARY REPO_ROOT}
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-pyerr.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"

mkdir -p "$T/src/accounts/app"
printf 'flask\n' >"$T/src/accounts/requirements.txt"
cat >"$T/src/accounts/app/users.py" <<'PY'
import logging

log = logging.getLogger(__name__)


def broken(user):
    total = (1 +
    log.info("inside %s", user.email)
    return total


def register(user):
    log.info("new user %s", user.email)


class Notifier:
    def notify(self, user):
        print(user.phone)
PY
cat >"$T/src/accounts/app/good.py" <<'PY'
def audit(user):
    print(user.ip_address)
PY

fail=0
"$ASSAY" scan "$T/src" --format json --output "$T/out.json" 2>"$T/err.txt"
rc=$?
if [ "$rc" -ne 0 ]; then
  echo "FAIL: exit $rc, want 0"
  fail=1
fi
want_err="assay: accounts/app/users.py:7:5: parse-error: syntax error near 'total = (1 +     log.info(\"ins'; the rest of the file is analysed"
if [ "$(cat "$T/err.txt")" != "$want_err" ]; then
  echo "FAIL: stderr:"
  sed 's/^/  | /' "$T/err.txt"
  echo "  want: $want_err"
  fail=1
fi
"$ASSAY" scan "$T/src" --format sarif --output "$T/out.sarif" 2>/dev/null || {
  echo "FAIL: sarif scan exit $?"
  fail=1
}
python3 - "$T/out.json" "$T/out.sarif" <<'PYEOF' || fail=1
import json, sys
out = json.load(open(sys.argv[1]))
ok = True
got_d = [(d["level"], d["file"], d["line"], d["col"], d["code"], d["message"])
         for d in out.get("diagnostics", [])]
want_d = [("error", "accounts/app/users.py", 7, 5, "parse-error",
           "syntax error near 'total = (1 +     log.info(\"ins'; the rest of the file is analysed")]
if got_d != want_d:
    print("FAIL: diagnostics %r, want %r" % (got_d, want_d))
    ok = False
got_f = sorted((f["file"], f["line"], tuple(f["categories"]), f["sink"], f["source"])
               for f in out.get("findings", []))
want_f = [
    ("accounts/app/good.py", 2, ("user.device.ip_address",), "stdout", "accounts:app.good:audit:ip_address"),
    ("accounts/app/users.py", 13, ("user.contact.email",), "log", "accounts:app.users:register:email"),
    ("accounts/app/users.py", 18, ("user.contact.phone_number",), "stdout",
     "accounts:app.users:Notifier.notify:phone"),
]
if got_f != want_f:
    print("FAIL: findings\n  got  %r\n  want %r" % (got_f, want_f))
    ok = False
if out["stats"]["files"] != 2 or out["stats"]["failed"] != 1:
    print("FAIL: stats %r, want 2 files, 1 failed" % out["stats"])
    ok = False
sarif = json.load(open(sys.argv[2]))
run = sarif["runs"][0]
notes = [n for inv in run.get("invocations", []) for n in inv.get("toolExecutionNotifications", [])]
got_n = [(n["level"], n["associatedRule"]["id"],
          n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
          n["locations"][0]["physicalLocation"]["region"]["startLine"],
          n["locations"][0]["physicalLocation"]["region"]["startColumn"]) for n in notes]
want_n = [("error", "assay/parse-error", "accounts/app/users.py", 7, 5)]
if got_n != want_n:
    print("FAIL: SARIF notifications %r, want %r" % (got_n, want_n))
    ok = False
got_r = sorted((r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                r["locations"][0]["physicalLocation"]["region"]["startLine"])
               for r in run["results"])
want_r = [("accounts/app/good.py", 2), ("accounts/app/users.py", 13), ("accounts/app/users.py", 18)]
if got_r != want_r:
    print("FAIL: SARIF results %r, want %r" % (got_r, want_r))
    ok = False
sys.exit(0 if ok else 1)
PYEOF
[ "$fail" -eq 0 ] && echo "ok   parse_error_python"
exit "$fail"
