#!/usr/bin/env bash
# peer_abidiff.sh — Assay's C API/ABI contract classes (analyses/abi.h) next to a peer:
# abidiff (libabigail, Debian package abigail-tools, installed by tools/setup.sh).
#   $1 = path to the assay binary (unused: the truth file stands for Assay's output, and
#        tests/unit/test_abi.c checks that Assay's diff equals it exactly),
#   $2 = repository root.
# Builds corpus/contract/{before,after}/clib as shared libraries (gcc -g -shared -fPIC), runs
# `abidiff --leaf-changes-only --headers-dir1 before/include --headers-dir2 after/include
# before.so after.so`, turns every change abidiff names (a function removed, added or changed
# in its signature, a type's size or alignment, a data member inserted, deleted, moved or
# retyped, an enumerator inserted, deleted or changed) into the Assay change id and key it
# stands for, with abidiff's verdict (incompatible: a removed symbol, what exit bit 8 means;
# compatible: an addition; change: any other ABI change, exit bit 4), and compares fact by fact
# with corpus/contract/truth/c.json: a fact on one side only, or an Assay class the verdict
# does not allow (incompatible: breaking; change: breaking or potentially-breaking;
# compatible: compatible), is a disagreement. Also checks the exit status bits against the
# truth. Prints every element (function, type) with both verdicts. Fails on a disagreement
# docs/peers/abidiff.json (explained in docs/peers/abidiff.md) does not list; a listed
# disagreement with "seen_with" must show up when abidiff is rerun with that option (the
# documented reason still holds); a listed disagreement that no longer occurs is reported,
# not failed. First, abidiff must find nothing between before.so and itself.
# A missing abidiff is a broken set-up, not a skip.
set -uo pipefail

ROOT=${2:?usage: peer_abidiff.sh ASSAY_BINARY REPO_ROOT}
TRUTH=corpus/contract/truth/c.json
KNOWN=docs/peers/abidiff.json
BEFORE=corpus/contract/before/clib
AFTER=corpus/contract/after/clib
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-abidiff.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$ROOT" || exit 1

for tool in abidiff gcc python3; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "FAIL: $tool not found: run tools/setup.sh"
    exit 1
  }
done
for f in "$TRUTH" "$KNOWN"; do
  [ -f "$f" ] || {
    echo "FAIL: $f is missing"
    exit 1
  }
done

for v in before after; do
  src=corpus/contract/$v/clib
  gcc -g -shared -fPIC -std=c11 -I"$src/include" "$src/src/clib.c" -o "$T/$v.so" 2>"$T/cc.txt" || {
    echo "FAIL: cannot build $src as a shared library:"
    sed 's/^/  /' "$T/cc.txt" | head -20
    exit 1
  }
done

# abidiff OUT OPTION...: exit status in $T/OUT.rc; bits 1 (error) and 2 (usage) are abidiff failing.
abidiff_run() {
  local out=$1
  shift
  abidiff "$@" >"$T/$out" 2>"$T/$out.err"
  local rc=$?
  echo "$rc" >"$T/$out.rc"
  if [ $((rc & 3)) -ne 0 ]; then
    echo "FAIL: abidiff $* exited $rc:"
    sed 's/^/  /' "$T/$out.err" "$T/$out" | head -20
    exit 1
  fi
}

echo "peer: $(abidiff --version) on $BEFORE -> $AFTER (headers: include/, built with gcc -g -shared -fPIC)"
abidiff_run self.txt --headers-dir1 "$BEFORE/include" --headers-dir2 "$BEFORE/include" \
  "$T/before.so" "$T/before.so"
if [ "$(cat "$T/self.txt.rc")" -ne 0 ]; then
  echo "FAIL: abidiff finds changes between before.so and itself:"
  sed 's/^/  /' "$T/self.txt" | head -20
  exit 1
fi
DIRS=(--headers-dir1 "$BEFORE/include" --headers-dir2 "$AFTER/include" "$T/before.so" "$T/after.so")
abidiff_run main.txt --leaf-changes-only "${DIRS[@]}"
abidiff_run harmless.txt --leaf-changes-only --harmless "${DIRS[@]}"
abidiff_run non-reachable-types.txt --leaf-changes-only --non-reachable-types "${DIRS[@]}"

fail=0
python3 - "$TRUTH" "$KNOWN" "$T" <<'PYEOF' || fail=1
import collections, json, os, re, sys

truth_path, known_path, tmp = sys.argv[1:4]
RANK = {"compatible": 0, "potentially-breaking": 1, "breaking": 2}
VRANK = {"compatible": 0, "change": 1, "incompatible": 2}
ALLOWED = {"incompatible": {"breaking"}, "change": {"breaking", "potentially-breaking"},
           "compatible": {"compatible"}}
sys.path.insert(0, "tests/cli")
from abidiff_parse import VERDICT, parse  # noqa: E402


def element_of(change, key):
    if change.startswith(("c.field-", "c.enum-constant-", "c.enum-value-")):
        return key.split(".", 1)[0]
    return key


ok = True


def bad(msg):
    global ok
    ok = False
    print("FAIL " + msg)


truth = {}
for c in json.load(open(truth_path))["changes"]:
    truth[(c["change"], c["key"])] = c["class"]
known = json.load(open(known_path))["disagreements"]
facts, named = parse(os.path.join(tmp, "main.txt"))
rc = int(open(os.path.join(tmp, "main.txt.rc")).read())
print("abidiff: exit %d (bit 4 ABI change: %s, bit 8 incompatible: %s), %d facts on %d elements"
      % (rc, "yes" if rc & 4 else "no", "yes" if rc & 8 else "no", len(facts), len(named)))

disagreements = []  # (side, change, key, detail)
for fk in sorted(set(facts) | set(truth)):
    change, key = fk
    v, cls = facts.get(fk), truth.get(fk)
    if v and cls:
        if cls not in ALLOWED[v]:
            disagreements.append(("class", change, key, "abidiff %s, Assay %s" % (v, cls)))
        else:
            print("agree %-12s %-30s %-34s abidiff %s, Assay %s" % ("", change, key, v, cls))
    elif v:
        disagreements.append(("abidiff-only", change, key, "abidiff %s" % v))
    else:
        disagreements.append(("assay-only", change, key, "Assay %s" % cls))

# exit status: bit 8 exactly when a symbol is removed, bit 4 when anything changed
want8 = any(truth.get(k) == "breaking" for k in truth if k[0] in ("c.function-removed", "c.variable-removed"))
if bool(rc & 8) != want8:
    disagreements.append(("exit", "bit-8", "*", "abidiff bit 8 %s, Assay removed symbols %s"
                          % (bool(rc & 8), want8)))
if bool(rc & 4) != bool(facts):
    bad("abidiff's exit bit 4 (%s) does not match its report (%d facts)" % (bool(rc & 4), len(facts)))


def documented(side, change, key):
    for k in known:
        if k["side"] == side and k["change"] == change and k["key"] in ("*", key):
            return k
    return None


confirm_cache = {}
used = set()
explained_elems = set()
for side, change, key, detail in disagreements:
    k = documented(side, change, key)
    if not k:
        bad("%s %s %s (%s): not explained by %s" % (side, change, key, detail, known_path))
        continue
    req = k.get("requires")
    if req == "owner-layout-changed":
        owner = element_of(change, key)
        if not any(tc == "c.type-size-changed" and tk == owner or
                   tc == "c.field-offset-changed" and tk.startswith(owner + ".") for tc, tk in truth):
            bad("%s %s %s: documented as part of a layout change of %s, but the truth has none"
                % (side, change, key, owner))
            continue
    elif req:
        bad("%s: unknown requires %r" % (known_path, req))
        continue
    used.add(id(k))
    explained_elems.add(element_of(change, key))
    note = "known %-12s %-30s %-34s %s" % (side, change, key, detail)
    flag = k.get("seen_with")
    if flag:
        if flag not in confirm_cache:
            confirm_cache[flag] = parse(os.path.join(tmp, flag.lstrip("-") + ".txt"))[0]
        if (change, key) not in confirm_cache[flag]:
            bad("%s %s %s: documented as seen by abidiff %s, but it is not" % (side, change, key, flag))
            continue
        note += " (abidiff %s shows it)" % flag
    print(note)
for k in known:
    if id(k) not in used and k["key"] != "*":
        print("note: documented disagreement no longer occurs: %s %s %s" % (k["side"], k["change"], k["key"]))

# element by element: the worst of each side
ab, asy = collections.defaultdict(lambda: -1), collections.defaultdict(lambda: -1)
for (change, key), v in facts.items():
    e = element_of(change, key)
    ab[e] = max(ab[e], VRANK[v])
for (change, key), cls in truth.items():
    e = element_of(change, key)
    asy[e] = max(asy[e], RANK[cls])
VNAMES = {v: k for k, v in VRANK.items()}
CNAMES = {v: k for k, v in RANK.items()}
print("%-30s %-14s %-22s %s" % ("element", "abidiff", "assay", ""))
for e in sorted(set(ab) | set(asy) | named):
    a = VNAMES.get(ab[e], "-") if ab[e] >= 0 else "-"
    c = CNAMES.get(asy[e], "-") if asy[e] >= 0 else "-"
    agree = (a == "-" and c in ("-", "compatible")) or (a != "-" and c in ALLOWED[a])
    print("%-30s %-14s %-22s %s" % (e, a, c, "agree" if agree else
                                     "explained" if e in explained_elems else "DISAGREE"))
    if not agree and e not in explained_elems:
        bad("element %s: abidiff %s, Assay %s" % (e, a, c))
sys.exit(0 if ok else 1)
PYEOF
if [ "$fail" -ne 0 ]; then
  echo "peer_abidiff: FAILED"
  exit 1
fi
echo "peer_abidiff: ok"
