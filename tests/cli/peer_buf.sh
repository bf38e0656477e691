#!/usr/bin/env bash
# peer_buf.sh — Assay's protobuf/gRPC contract classes (analyses/protocontract.h) next to a peer:
# `buf breaking` at buf's WIRE_JSON category, the Buf CLI pinned by tools/buf/package-lock.json
# and installed by tools/setup.sh.
#   $1 = path to the assay binary (unused: the truth file stands for Assay's output, and
#        tests/unit/test_protocontract.c checks that Assay's diff equals it exactly),
#   $2 = repository root.
# Runs `buf breaking corpus/contract/after/protos --against corpus/contract/before/protos` with
# the WIRE_JSON category and --error-format json, turns each of buf's findings into the element
# it names (a field "<message>#<number>", an enum value "<enum>#<number>", an rpc
# "/<service>/<method>", resolved to full names through `buf build`) and the Assay change id its
# rule stands for, and compares, element by element, with the breaking changes of
# corpus/contract/truth/proto.json. Prints the comparison. Fails on a disagreement that
# docs/peers/buf.json (explained in docs/peers/buf.md) does not list; a listed disagreement that
# no longer occurs is reported, not failed. First, buf must find nothing between the before
# tree and itself and must find something in after: the test proves the peer can both stay
# silent and speak before trusting either. A missing buf is a broken set-up, not a skip.
set -uo pipefail

ROOT=${2:?usage: peer_buf.sh ASSAY_BINARY REPO_ROOT}
BUF="$ROOT/tools/buf/node_modules/@bufbuild/buf-linux-x64/bin/buf"
TRUTH=corpus/contract/truth/proto.json
KNOWN=docs/peers/buf.json
BEFORE=corpus/contract/before/protos
AFTER=corpus/contract/after/protos
CONFIG='{"version":"v1","breaking":{"use":["WIRE_JSON"]}}'
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-buf.XXXXXX")
trap 'rm -rf "$T"' EXIT
export BUF_CACHE_DIR="$T/cache" XDG_CACHE_HOME="$T/cache"
cd "$ROOT" || exit 1

if [ ! -x "$BUF" ]; then
  echo "FAIL: buf is not installed ($BUF): run tools/setup.sh"
  exit 1
fi
command -v python3 >/dev/null 2>&1 || {
  echo "FAIL: python3 not found: run tools/setup.sh"
  exit 1
}
for f in "$TRUTH" "$KNOWN"; do
  [ -f "$f" ] || {
    echo "FAIL: $f is missing"
    exit 1
  }
done

# buf breaking AGAINST INPUT OUT: exit 0 (nothing) or 100 (findings); anything else is buf failing.
breaking() {
  "$BUF" breaking "$2" --against "$1" --config "$CONFIG" --error-format json >"$3" 2>"$T/err.txt"
  local rc=$?
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 100 ]; then
    echo "FAIL: buf breaking $2 --against $1 exited $rc:"
    sed 's/^/  /' "$T/err.txt" "$3" | head -20
    exit 1
  fi
  return "$rc"
}

breaking "$BEFORE" "$BEFORE" "$T/self.jsonl"
if [ $? -ne 0 ] || [ -s "$T/self.jsonl" ]; then
  echo "FAIL: buf finds breaking changes between $BEFORE and itself:"
  sed 's/^/  /' "$T/self.jsonl" | head -20
  exit 1
fi
breaking "$BEFORE" "$AFTER" "$T/findings.jsonl"
if [ $? -ne 100 ] || [ ! -s "$T/findings.jsonl" ]; then
  echo "FAIL: buf finds no breaking change from $BEFORE to $AFTER (the corpus has some)"
  exit 1
fi
# The full names of both trees' messages, enums and services, to resolve buf's short names.
for side in before after; do
  dir=$BEFORE
  [ "$side" = after ] && dir=$AFTER
  if ! "$BUF" build "$dir" --exclude-imports -o "$T/$side.json#format=json" 2>"$T/err.txt"; then
    echo "FAIL: buf build $dir:"
    sed 's/^/  /' "$T/err.txt"
    exit 1
  fi
done

python3 - "$T/findings.jsonl" "$TRUTH" "$KNOWN" "$T/before.json" "$T/after.json" <<'EOF'
import json, re, sys

findings_file, truth_file, known_file, *images = sys.argv[1:]

# buf's WIRE_JSON rules and the Assay change id each stands for (analyses/protocontract.h).
RULES = {
    "FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED": "proto.field-removed",
    "FIELD_NO_DELETE_UNLESS_NAME_RESERVED": "proto.field-removed",
    "FIELD_WIRE_JSON_COMPATIBLE_TYPE": "proto.field-type-changed",
    "FIELD_SAME_NAME": "proto.field-name-changed",
    "FIELD_SAME_JSON_NAME": "proto.field-json-name-changed",
    "FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY": "proto.field-label-changed",
    "ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED": "proto.enum-value-removed",
    "ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED": "proto.enum-value-removed",
    "ENUM_VALUE_SAME_NAME": "proto.enum-value-name-changed",
    "RPC_SAME_REQUEST_TYPE": "proto.method-request-type-changed",
    "RPC_SAME_RESPONSE_TYPE": "proto.method-response-type-changed",
    "RPC_SAME_CLIENT_STREAMING": "proto.method-streaming-changed",
    "RPC_SAME_SERVER_STREAMING": "proto.method-streaming-changed",
}

# short name -> full names, per kind, from both trees (a deleted element is named as it was)
names = {"message": {}, "enum": {}, "service": {}}
def walk_messages(msgs, prefix):
    for m in msgs or []:
        full = prefix + m["name"]
        names["message"].setdefault(m["name"], set()).add(full)
        walk_messages(m.get("nestedType"), full + ".")
        for e in m.get("enumType") or []:
            names["enum"].setdefault(e["name"], set()).add(full + "." + e["name"])
for image in images:
    for f in json.load(open(image)).get("file", []):
        prefix = f["package"] + "." if f.get("package") else ""
        walk_messages(f.get("messageType"), prefix)
        for e in f.get("enumType") or []:
            names["enum"].setdefault(e["name"], set()).add(prefix + e["name"])
        for s in f.get("service") or []:
            names["service"].setdefault(s["name"], set()).add(prefix + s["name"])

def full(kind, short):
    got = sorted(names[kind].get(short, ()))
    return got[0] if len(got) == 1 else "?" + short  # unknown or ambiguous: never matches

def element(f):
    """The Assay key of the element buf's finding is about, or None."""
    msg = f.get("message", "")
    m = re.search(r'[Ff]ield "(\d+)".*? on message "([^"]+)"', msg)
    if m:
        return "%s#%s" % (full("message", m.group(2)), m.group(1))
    m = re.search(r'[Ee]num value "(-?\d+)" on enum "([^"]+)"', msg)
    if m:
        return "%s#%s" % (full("enum", m.group(2)), m.group(1))
    m = re.search(r'RPC "([^"]+)" on service "([^"]+)"', msg)
    if m:
        return "/%s/%s" % (full("service", m.group(2)), m.group(1))
    return None

buf = {}  # (key, change) -> [rules]
for line in open(findings_file):
    if not line.strip():
        continue
    f = json.loads(line)
    rule = f.get("type", "?")
    key = element(f) or "%s:%s" % (f.get("path", "?"), f.get("start_line", 0))
    change = RULES.get(rule, "buf:" + rule)
    buf.setdefault((key, change), []).append(rule)

assay = {}
for r in json.load(open(truth_file))["changes"]:
    if r["class"] == "breaking":
        assay[(r["key"], r["change"])] = r["class"]

known = json.load(open(known_file))["disagreements"]
def explained(side, key, change):
    for d in known:
        if d["side"] == side and d["change"] == change and d.get("key", "*") in ("*", key):
            return d
    return None

elements = sorted({k for k, _ in assay} | {k for k, _ in buf})
print("buf breaking --against before, WIRE_JSON: %d findings on %d elements; the truth file: %d "
      "breaking changes" % (sum(len(v) for v in buf.values()), len({k for k, _ in buf}), len(assay)))
unexplained, used = [], set()
for key in elements:
    changes = sorted({c for k, c in assay if k == key} | {c for k, c in buf if k == key})
    for change in changes:
        a, b = (key, change) in assay, (key, change) in buf
        rules = ",".join(sorted(set(buf.get((key, change), []))))
        if a and b:
            verdict = "agree"
        else:
            side = "assay-only" if a else "buf-only"
            d = explained(side, key, change)
            if d:
                used.add(id(d))
                verdict = "%s, documented" % side
            else:
                verdict = "%s, NOT DOCUMENTED" % side
                unexplained.append((side, key, change, rules))
        print("  %-34s %-34s %-44s %s" % (key, change, rules or "-", verdict))
for d in known:
    if id(d) not in used:
        print("note: documented disagreement not seen: %s %s %s" %
              (d["side"], d["change"], d.get("key", "*")))
if unexplained:
    print("FAIL: %d disagreements with buf that %s does not list (see docs/peers/buf.md):" %
          (len(unexplained), known_file))
    for side, key, change, rules in unexplained:
        print("  %s %s %s %s" % (side, key, change, rules))
    sys.exit(1)
print("ok: Assay's breaking protobuf changes and buf's WIRE_JSON findings agree on every element "
      "but the documented ones")
EOF
