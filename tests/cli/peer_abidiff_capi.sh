#!/usr/bin/env bash
# peer_abidiff_capi.sh — the C public API found without include/ (corpus/capi) next to abidiff
# (libabigail, abigail-tools), service by service.
#   $1 = path to the assay binary (unused: corpus/capi/truth/capi.json stands for Assay's
#        output, and tests/cli/capi.sh checks that Assay's check equals it exactly),
#   $2 = repository root.
# Builds each C service of corpus/capi/{before,after,private} as a shared library
# (gcc -g -shared -fPIC, its .c files), copies the public headers the truth lists for it
# (public_headers: what Assay chose, by which rule) into a folder of their own, and runs
# `abidiff --leaf-changes-only --headers-dir1 D1 --headers-dir2 D2 before.so after.so`: abidiff
# then treats the types of every other header (the private ones) as private and filters them,
# as Assay leaves them out. Every change abidiff names (read by tests/cli/abidiff_parse.py) must
# be in the truth for that service with a class abidiff's verdict allows, and every change of
# the truth must be named by abidiff, except what docs/peers/abidiff.json explains (a member
# insertion shown only through the moves and size change it causes). abidiff must find nothing
# between before.so and itself, and nothing between before.so and private.so (only private
# headers, .c files and comments change there). A missing abidiff is a broken set-up, not a skip.
set -uo pipefail

ROOT=${2:?usage: peer_abidiff_capi.sh ASSAY_BINARY REPO_ROOT}
TRUTH=corpus/capi/truth/capi.json
KNOWN=docs/peers/abidiff.json
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-abidiff-capi.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$ROOT" || exit 1
for tool in abidiff gcc python3; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "FAIL: $tool not found: run tools/setup.sh"
    exit 1
  }
done

# service: its sources, relative to the service folder, and the link flags
declare -A SOURCES=(
  [ringbuf]="ringbuf.c ringbuf_stats.c"
  [codec]="codec.c varint.c"
  [geo]="src/geo.c src/haversine.c"
  [sensor]="sensor.c calib.c"
  [collector]="main.c batch.c spool.c"
)
declare -A LIBS=([geo]="-lm")
SERVICES=$(python3 -c 'import json,sys; print(" ".join(sorted({h["service"] for h in json.load(open(sys.argv[1]))["public_headers"]})))' "$TRUTH")
fail=0

for svc in $SERVICES; do
  [ -n "${SOURCES[$svc]:-}" ] || {
    echo "FAIL: no sources listed here for service $svc of $TRUTH"
    exit 1
  }
  for v in before after private; do
    srcs=()
    for s in ${SOURCES[$svc]}; do srcs+=("corpus/capi/$v/$svc/$s"); done
    # shellcheck disable=SC2086
    gcc -g -shared -fPIC -std=c11 "${srcs[@]}" ${LIBS[$svc]:-} -o "$T/$svc-$v.so" 2>"$T/cc.txt" || {
      echo "FAIL: cannot build corpus/capi/$v/$svc as a shared library:"
      sed 's/^/  /' "$T/cc.txt" | head -20
      exit 1
    }
    mkdir -p "$T/hdr-$svc-$v"
    for h in $(python3 -c 'import json,sys; print(" ".join(h["path"] for h in json.load(open(sys.argv[1]))["public_headers"] if h["service"] == sys.argv[2]))' "$TRUTH" "$svc"); do
      cp "corpus/capi/$v/$h" "$T/hdr-$svc-$v/"
    done
  done
  for pair in "before before self" "before private private" "before after main"; do
    set -- $pair
    abidiff --leaf-changes-only --headers-dir1 "$T/hdr-$svc-$1" --headers-dir2 "$T/hdr-$svc-$2" \
      "$T/$svc-$1.so" "$T/$svc-$2.so" >"$T/$svc-$3.txt" 2>"$T/$svc-$3.err"
    rc=$?
    echo "$rc" >"$T/$svc-$3.rc"
    if [ $((rc & 3)) -ne 0 ]; then
      echo "FAIL: abidiff on $svc ($1 -> $2) exited $rc:"
      sed 's/^/  /' "$T/$svc-$3.err" "$T/$svc-$3.txt" | head -20
      exit 1
    fi
    if [ "$3" != main ] && [ "$rc" -ne 0 ]; then
      echo "FAIL: abidiff finds public ABI changes in $svc between $1 and $2:"
      sed 's/^/  /' "$T/$svc-$3.txt" | head -20
      fail=1
    fi
  done
done
echo "peer: $(abidiff --version) on corpus/capi, services: $SERVICES"

python3 - "$TRUTH" "$KNOWN" "$T" $SERVICES <<'PYEOF' || fail=1
import json, os, sys
sys.path.insert(0, "tests/cli")
from abidiff_parse import parse  # noqa: E402

truth_path, known_path, tmp = sys.argv[1:4]
services = sys.argv[4:]
ALLOWED = {"incompatible": {"breaking"}, "change": {"breaking", "potentially-breaking"},
           "compatible": {"compatible"}}
truth = json.load(open(truth_path))
known = json.load(open(known_path))["disagreements"]
ok = True


def bad(msg):
    global ok
    ok = False
    print("FAIL " + msg)


def explained(side, change, key, mine):
    for k in known:
        if k["side"] != side or k["change"] != change or k["key"] not in ("*", key):
            continue
        if k.get("seen_with"):
            continue  # those need a rerun with the option: not accepted here
        if k.get("requires") == "owner-layout-changed":
            owner = key.split(".", 1)[0]
            return any(tc == "c.type-size-changed" and tk == owner or
                       tc == "c.field-offset-changed" and tk.startswith(owner + ".")
                       for tc, tk in mine)
        if not k.get("requires"):
            return True
    return False


for svc in services:
    facts, _ = parse(os.path.join(tmp, svc + "-main.txt"))
    rc = int(open(os.path.join(tmp, svc + "-main.rc")).read())
    mine = {(c["change"], c["key"]): c["class"] for c in truth["changes"] if c["service"] == svc}
    if bool(rc & 4) != bool(facts):
        bad("%s: abidiff's exit bit 4 (%s) does not match its report (%d facts)" % (svc, bool(rc & 4), len(facts)))
    for fk in sorted(set(facts) | set(mine)):
        change, key = fk
        v, cls = facts.get(fk), mine.get(fk)
        if v and cls:
            if cls in ALLOWED[v]:
                print("agree %-10s %-28s %-36s abidiff %s, Assay %s" % (svc, change, key, v, cls))
            else:
                bad("%s %s %s: abidiff %s, Assay %s" % (svc, change, key, v, cls))
        elif v:
            if explained("abidiff-only", change, key, mine):
                print("known %-10s %-28s %-36s abidiff %s (docs/peers/abidiff.md)" % (svc, change, key, v))
            else:
                bad("%s %s %s: abidiff only (%s)" % (svc, change, key, v))
        else:
            if explained("assay-only", change, key, mine):
                print("known %-10s %-28s %-36s Assay %s (docs/peers/abidiff.md)" % (svc, change, key, cls))
            else:
                bad("%s %s %s: Assay only (%s)" % (svc, change, key, cls))
sys.exit(0 if ok else 1)
PYEOF
if [ "$fail" -ne 0 ]; then
  echo "peer_abidiff_capi: FAILED"
  exit 1
fi
echo "peer_abidiff_capi: ok"
