#!/usr/bin/env bash
# link_ambiguous.sh — a client two handlers could answer is reported as
# ambiguous, never silently linked to one of them; a client no handler
# answers is reported as unmatched; a call to a host outside the repository
# stays an external sink. The control: with one of the two handlers removed,
# the same client links, and the email it sends is followed into the handler.
#   $1 = path to the assay binary, $2 = repository root.
set -uo pipefail

ASSAY=${1:?usage: link_ambiguous.sh ASSAY_BINARY REPO_ROOT}
ROOT=${2:?usage: link_ambiguous.sh ASSAY_BINARY REPO_ROOT}
FIX="$ROOT/tests/link/ambiguous"
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-ambig.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"
fail=0

"$ASSAY" scan "$FIX" --format json --output "$T/amb.json" 2>"$T/amb.err" || {
  echo "FAIL: scan exited $?"
  fail=1
}
cp -r "$FIX" "$T/control"
rm "$T/control/inventory/app/legacy.py"
"$ASSAY" scan "$T/control" --format json --output "$T/control.json" 2>"$T/control.err" || {
  echo "FAIL: control scan exited $?"
  fail=1
}
"$ASSAY" scan "$FIX" >"$T/amb.txt" 2>&1
grep -q "^shop/src/cart.js:5:0: warning: http POST http://inventory:8000/items/{}/reserve matches 2 endpoints.*\[link-ambiguous\]$" "$T/amb.txt" ||
  { echo "FAIL: the text report does not show the ambiguity"; cat "$T/amb.txt"; fail=1; }

python3 - "$T" <<'PYEOF' || fail=1
import json, os, sys

tmp = sys.argv[1]
ok = True


def bad(msg):
    global ok
    ok = False
    print("FAIL " + msg)


amb = json.load(open(os.path.join(tmp, "amb.json")))
diags = sorted((d["file"], d["line"], d["level"], d["code"], d["message"]) for d in amb["diagnostics"])
want = [
    ("shop/src/cart.js", 5, "warning", "link-ambiguous",
     "http POST http://inventory:8000/items/{}/reserve matches 2 endpoints equally well: "
     "app.items:reserve (POST /items/<int:item_id>/reserve, inventory/app/items.py:10), "
     "app.legacy:reserve_legacy (POST /items/<item_id>/reserve, inventory/app/legacy.py:11); "
     "no flow is followed across it"),
    ("shop/src/cart.js", 10, "warning", "link-unmatched",
     "http POST http://inventory:8000/items/{}/release: the service inventory has no endpoint "
     "POST /items/{}/release"),
]
if diags != want:
    bad("diagnostics:\n  got  %s\n  want %s" % (diags, want))
links = sorted((l["url"], l["state"], tuple(amb["endpoints"][i]["handler"] for i in l["endpoints"]))
               for l in amb["links"])
want_links = [
    ("http://inventory:8000/items/{}/release", "unmatched", ()),
    ("http://inventory:8000/items/{}/reserve", "ambiguous", ("app.items:reserve", "app.legacy:reserve_legacy")),
    ("https://api.partner.example/v1/reservations", "external", ()),
]
if links != want_links:
    bad("links:\n  got  %s\n  want %s" % (links, want_links))
found = sorted((f["file"], f["line"], f["rule"], tuple(f["services"])) for f in amb["findings"])
want_found = [
    ("inventory/app/items.py", 12, "assay/pii-to-log", ("inventory",)),
    ("inventory/app/legacy.py", 13, "assay/pii-to-log", ("inventory",)),
    ("shop/src/cart.js", 17, "assay/pii-to-external", ("shop",)),
]
if found != want_found:
    bad("findings (no flow may cross the ambiguous link):\n  got  %s\n  want %s" % (found, want_found))

ctl = json.load(open(os.path.join(tmp, "control.json")))
states = sorted((l["url"], l["state"]) for l in ctl["links"])
if ("http://inventory:8000/items/{}/reserve", "matched") not in states:
    bad("control: the one remaining handler is not linked: %s" % states)
crossing = [(f["file"], f["line"], tuple(f["services"])) for f in ctl["findings"] if len(f["services"]) > 1]
if ("inventory/app/items.py", 12, ("shop", "inventory")) not in crossing:
    bad("control: the email is not followed into the handler: %s" % crossing)
if ok:
    print("ok   ambiguous and unmatched clients reported exactly; nothing crosses them; the control links")
sys.exit(0 if ok else 1)
PYEOF

[ "$fail" -eq 0 ] && echo "link_ambiguous: ok" || { echo "link_ambiguous: FAILED"; exit 1; }
