#!/usr/bin/env bash
# errors.sh — usage and input errors through the CLI: exit codes and messages.
#   $1 = path to the assay binary, $2 = repository root.
set -uo pipefail
ASSAY=${1:?usage: errors.sh ASSAY_BINARY REPO_ROOT}
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-errors.XXXXXX")
chmod 755 "$T"
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"
fail=0

# expect CODE 'substring of stderr+stdout' CMD...
expect() {
  local want=$1 msg=$2
  shift 2
  "$@" >"$T/out" 2>"$T/err"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL: exit $got, expected $want: $*"; sed 's/^/  | /' "$T/err" "$T/out" | head; fail=1
    return
  fi
  if ! grep -qF -- "$msg" "$T/err" "$T/out"; then
    echo "FAIL: output lacks '$msg': $*"; sed 's/^/  | /' "$T/err" "$T/out" | head; fail=1
  fi
}

mkdir -p "$T/src/svc"
: >"$T/src/svc/requirements.txt"
printf 'import logging\ndef f(user):\n    logging.info("%%s", user.email)\n' >"$T/src/svc/a.py"

expect 2 "usage: assay <command>" "$ASSAY"
expect 0 "assay 0." "$ASSAY" --version
expect 0 "usage: assay scan PATH" "$ASSAY" scan --help
expect 0 "usage: assay check PATH" "$ASSAY" check --help
expect 0 "usage: assay baseline save PATH" "$ASSAY" baseline save --help
expect 2 "assay: unknown command 'scna'" "$ASSAY" scna
expect 2 "assay: missing PATH" "$ASSAY" scan
expect 2 "assay: unknown option '--bogus'" "$ASSAY" scan "$T/src" --bogus
expect 2 "assay: unknown format 'xml' (sarif, json or text)" "$ASSAY" scan "$T/src" --format xml
expect 2 "assay: option '--output' needs a value" "$ASSAY" scan "$T/src" --output
expect 2 "assay: unexpected argument 'extra'" "$ASSAY" scan "$T/src" extra
expect 2 "assay: $T/nope: No such file or directory" "$ASSAY" scan "$T/nope"
expect 2 "assay: $T/src/svc/a.py: not a directory" "$ASSAY" scan "$T/src/svc/a.py"
expect 2 "assay: missing --baseline FILE" "$ASSAY" check "$T/src"
expect 2 "assay: missing --db FILE" "$ASSAY" baseline save "$T/src"
expect 2 "assay: unknown baseline subcommand 'load'" "$ASSAY" baseline load "$T/src"
expect 2 "assay: cannot write $T/no/dir/out.json" "$ASSAY" scan "$T/src" --format json --output "$T/no/dir/out.json"

# Paths in outputs are relative to PATH.
expect 0 "svc/a.py:3:5: assay/pii-to-log user.contact.email" "$ASSAY" scan "$T/src"
if grep -qF "$T" "$T/out"; then echo "FAIL: absolute path in scan output"; fail=1; fi

# Missing baseline.
expect 2 "assay: baseline $T/missing.sqlite does not exist" \
  "$ASSAY" check "$T/src" --baseline "$T/missing.sqlite"
[ -e "$T/missing.sqlite" ] && { echo "FAIL: check created the missing baseline"; fail=1; }

# Corrupt baseline: named, never overwritten, by check or by save.
printf 'this is not a database, just some bytes that look like nothing at all\n%.0s' {1..40} >"$T/corrupt.sqlite"
before=$(sha256sum "$T/corrupt.sqlite")
expect 2 "assay: baseline $T/corrupt.sqlite is not a valid Assay baseline: file is not a database" \
  "$ASSAY" check "$T/src" --baseline "$T/corrupt.sqlite"
expect 2 "assay: baseline $T/corrupt.sqlite is not a valid Assay baseline: file is not a database" \
  "$ASSAY" baseline save "$T/src" --db "$T/corrupt.sqlite"
[ "$(sha256sum "$T/corrupt.sqlite")" = "$before" ] || { echo "FAIL: corrupt baseline was modified"; fail=1; }

# Another program's SQLite file is not a baseline either.
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table t(x)'); c.commit()" "$T/other.sqlite"
expect 2 "is not a valid Assay baseline: not an Assay baseline" \
  "$ASSAY" baseline save "$T/src" --db "$T/other.sqlite"

# The gate: unchanged passes (0), a new flow fails (1).
expect 0 "baseline $T/b.sqlite: 1 finding from" "$ASSAY" baseline save "$T/src" --db "$T/b.sqlite"
expect 0 "passed — 0 new, 1 unchanged, 0 absent" "$ASSAY" check "$T/src" --baseline "$T/b.sqlite"
printf 'def g(user):\n    print(user.phone)\n' >"$T/src/svc/b.py"
expect 1 "FAILED — 1 new, 1 unchanged, 0 absent" "$ASSAY" check "$T/src" --baseline "$T/b.sqlite"
expect 1 "svc/b.py:2:5: [new] assay/pii-to-stdout user.contact.phone_number" \
  "$ASSAY" check "$T/src" --baseline "$T/b.sqlite"

# A report on standard output stays parseable: the verdict line goes to stderr.
"$ASSAY" check "$T/src" --baseline "$T/b.sqlite" --format sarif >"$T/stdout.sarif" 2>"$T/stderr.txt"
if ! python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/stdout.sarif" 2>/dev/null; then
  echo "FAIL: check --format sarif on stdout is not valid JSON"; fail=1
fi
grep -qF "FAILED — 1 new" "$T/stderr.txt" || { echo "FAIL: verdict line not on stderr"; fail=1; }

# A file that does not parse is reported with its path; the scan goes on.
printf 'def broken(:\n    pass\n' >"$T/src/svc/bad.py"
expect 0 "assay: svc/bad.py:1:" "$ASSAY" scan "$T/src"
expect 0 "svc/a.py:3:5: assay/pii-to-log" "$ASSAY" scan "$T/src"
expect 0 "parse-error" "$ASSAY" scan "$T/src"
printf 'int main(void) { return 0 }\n' >"$T/src/svc/bad.c"
expect 0 "assay: svc/bad.c:1:" "$ASSAY" scan "$T/src"
expect 0 "svc/b.py:2:5: assay/pii-to-stdout" "$ASSAY" scan "$T/src"
rm -f "$T/src/svc/bad.py" "$T/src/svc/bad.c"

# An unreadable file is reported with its path; the scan goes on. Root reads
# everything, so there run without the capabilities that bypass permissions.
printf 'def h(user):\n    print(user.ssn)\n' >"$T/src/svc/secret.py"
chmod 000 "$T/src/svc/secret.py"
AS=()
if [ "$(id -u)" = 0 ]; then AS=(setpriv --bounding-set=-dac_override,-dac_read_search); fi
expect 0 "assay: svc/secret.py:0:0: read-error: cannot read file: Permission denied" \
  "${AS[@]}" "$ASSAY" scan "$T/src" --no-cache
expect 0 "svc/a.py:3:5: assay/pii-to-log" "${AS[@]}" "$ASSAY" scan "$T/src" --no-cache

# The catalogue is extended from configuration: PATH/.assay/categories.tsv
# and --catalogue FILE; a malformed rule is a usage error naming its line.
mkdir -p "$T/cat/svc/.assay"
: >"$T/cat/svc/requirements.txt"
printf 'def f(member):\n    print(member.loyalty_number)\n    print(member.phone)\n' >"$T/cat/svc/m.py"
expect 0 "1 finding," "$ASSAY" scan "$T/cat" --no-cache
mkdir -p "$T/cat/.assay"
printf '# ours\npattern\tloyalty number\tuser.financial.account_number\n' >"$T/cat/.assay/categories.tsv"
expect 0 "svc/m.py:2:5: assay/pii-to-stdout user.financial.account_number" "$ASSAY" scan "$T/cat" --no-cache
printf 'exclude\tphone\n' >"$T/extra.tsv"
expect 0 "1 finding," "$ASSAY" scan "$T/cat" --no-cache --catalogue "$T/extra.tsv"
printf 'pattern\tloyalty number\n' >"$T/bad.tsv"
expect 2 "assay: $T/bad.tsv:1: " "$ASSAY" scan "$T/cat" --no-cache --catalogue "$T/bad.tsv"
expect 2 "assay: $T/none.tsv" "$ASSAY" scan "$T/cat" --no-cache --catalogue "$T/none.tsv"

# dump-ir prints the lowered unit.
expect 0 "  3:5 d0 %t" "$ASSAY" dump-ir "$T/src" svc/a.py

if [ "$fail" -ne 0 ]; then echo "errors.sh: FAILED"; exit 1; fi
echo "errors.sh: all passed"
