#!/usr/bin/env bash
# parse_error_c.sh — a C file with a syntax error is analysed around it
# (libclang recovers): the error is a parse-error at its exact line:col on
# stderr and in the JSON, the scan exits 0, the statement holding the error
# is not analysed (its printf of the e-mail is no finding), and the rest —
# the next statement of the same function, and another function — is: their
# flows are found at their exact lines.
#   $1 = path to the assay binary, $2 = repository root.
set -uo pipefail
ASSAY=${1:?usage: parse_error_c.sh ASSAY_BINARY REPO_ROOT}
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-cerr.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"

mkdir -p "$T/src/ledger/src"
: >"$T/src/ledger/CMakeLists.txt"
cat >"$T/src/ledger/src/audit.c" <<'C'
#include <stdio.h>

struct account {
  const char *owner_email;
  const char *phone;
};

int broken(struct account *a) {
  printf("%s %d\n", a->owner_email, (1 + ));
  fprintf(stderr, "%s\n", a->phone);
  return 0;
}

void report(struct account *a, FILE *out) {
  fprintf(out, "%s\n", a->owner_email);
}
C

"$ASSAY" scan "$T/src" --format json --output "$T/out.json" 2>"$T/err.txt"
rc=$?
fail=0
if [ "$rc" -ne 0 ]; then
  echo "FAIL: exit $rc, want 0"
  fail=1
fi
want_err="assay: ledger/src/audit.c:9:42: parse-error: expected expression; the rest of the file is analysed"
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
want_d = [("ledger/src/audit.c", 9, 42, "parse-error", "expected expression; the rest of the file is analysed")]
if got_d != want_d:
    print("FAIL: diagnostics %r, want %r" % (got_d, want_d))
    ok = False
got_f = sorted((f["file"], f["line"], tuple(f["categories"]), f["sink"], f["source"])
               for f in out.get("findings", []))
want_f = [("ledger/src/audit.c", 10, ("user.contact.phone_number",), "stdout",
           "ledger:src/audit.c:broken:phone"),
          ("ledger/src/audit.c", 15, ("user.contact.email",), "file",
           "ledger:src/audit.c:report:owner_email")]
if got_f != want_f:
    print("FAIL: findings\n  got  %r\n  want %r" % (got_f, want_f))
    ok = False
if out["stats"]["failed"] != 1:
    print("FAIL: stats %r, want 1 failed" % out["stats"])
    ok = False
sys.exit(0 if ok else 1)
PY
[ "$fail" -eq 0 ] && echo "ok   parse_error_c"
exit "$fail"
