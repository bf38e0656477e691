#!/usr/bin/env bash
# link_queues.sh — Python consumers written as code (a KafkaConsumer loop, a
# Redis pub/sub loop, a pika callback) are endpoints: each publish of
# tests/link/queues/pub links to exactly its consumer, and the personal data
# it carries is followed into the consumer's sink (one cross-service finding
# each, with the services in order), besides the consumer's own finding;
# and a Java gRPC stub links to its server (tests/link/grpc).
#   $1 = path to the assay binary, $2 = repository root.
set -uo pipefail
ASSAY=${1:?usage: link_queues.sh ASSAY_BINARY REPO_ROOT}
ROOT=${2:?usage: link_queues.sh ASSAY_BINARY REPO_ROOT}
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-queues.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"
"$ASSAY" scan "$ROOT/tests/link/queues" --format json --output "$T/q.json" || {
  echo "link_queues: scan failed"
  exit 1
}
python3 - "$T/q.json" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
ok = True
links = sorted((l["method"], l["target"], l["state"], l["file"], l["line"],
                tuple(d["endpoints"][i]["handler"] for i in l["endpoints"])) for l in d["links"])
want_links = [
    ("amqp", "orders", "matched", "pub/events.py", 22, ("workers:on_order",)),
    ("kafka", "user-events", "matched", "pub/events.py", 14, ("workers:user_events",)),
    ("redis", "alerts", "matched", "pub/events.py", 18, ("workers:alerts",)),
]
if links != want_links:
    print("FAIL links:\n  got  %s\n  want %s" % (links, want_links)); ok = False
found = sorted((f["file"], f["line"], f["rule"], tuple(f["categories"]), tuple(f["services"]))
               for f in d["findings"])
want = sorted([
    ("sub/workers.py", 16, "assay/pii-to-log", ("user.contact.phone_number",), ("pub", "sub")),
    ("sub/workers.py", 16, "assay/pii-to-log", ("user.contact.phone_number",), ("sub",)),
    ("sub/workers.py", 24, "assay/pii-to-stdout", ("user.contact.email",), ("pub", "sub")),
    ("sub/workers.py", 24, "assay/pii-to-stdout", ("user.contact.email",), ("sub",)),
    ("sub/workers.py", 29, "assay/pii-to-log", ("user.contact.address",), ("pub", "sub")),
    ("sub/workers.py", 29, "assay/pii-to-log", ("user.contact.address",), ("sub",)),
])
if found != want:
    print("FAIL findings:\n  got  %s\n  want %s" % (found, want)); ok = False
cross = [f for f in d["findings"] if len(f["services"]) > 1]
for f in cross:
    steps = [s["message"] for s in f["steps"]]
    if not any(m.startswith("published to ") for m in steps):
        print("FAIL %s:%d: no publish step in %s" % (f["file"], f["line"], steps)); ok = False
print("queues: %s" % ("ok" if ok else "FAILED"))
sys.exit(0 if ok else 1)
PYEOF
q=$?

# Java gRPC: a blocking stub's call links to the BillingImplBase subclass
# implementing the .proto's method; the email set through the builder is
# followed into the server's log.
"$ASSAY" scan "$ROOT/tests/link/grpc" --format json --output "$T/g.json" || {
  echo "link_queues: grpc scan failed"
  exit 1
}
python3 - "$T/g.json" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
ok = True
eps = [(e["protocol"], e["target"], e["handler"]) for e in d["endpoints"]]
if eps != [("grpc", "/billing.v1.Billing/CreateCustomer", "com.x:BillingImpl.createCustomer")]:
    print("FAIL endpoints: %s" % eps); ok = False
links = [(l["protocol"], l["target"], l["state"], l["file"], l["line"]) for l in d["links"]]
if links != [("grpc", "/billing.v1.Billing/CreateCustomer", "matched", "cli/src/main/java/com/y/Caller.java", 7)]:
    print("FAIL links: %s" % links); ok = False
found = sorted((f["file"], f["line"], tuple(f["services"])) for f in d["findings"])
want = [("svc/src/main/java/com/x/BillingImpl.java", 12, ("cli", "svc")),
        ("svc/src/main/java/com/x/BillingImpl.java", 12, ("svc",))]
if found != want:
    print("FAIL findings:\n  got  %s\n  want %s" % (found, want)); ok = False
print("grpc (Java): %s" % ("ok" if ok else "FAILED"))
sys.exit(0 if ok else 1)
PYEOF
g=$?
[ "$q" -eq 0 ] && [ "$g" -eq 0 ] && echo "link_queues: ok" || { echo "link_queues: FAILED"; exit 1; }
