#!/usr/bin/env bash
# summary.sh — check --summary (Markdown) and --html on the shop corpus: one
# table row per new and per absent finding of the ground truth, links to
# file:line, and an HTML page that parses, embeds the flows graph as inline
# SVG (one edge group per finding) and states the counts.
#   $1 = path to the assay binary, $2 = repository root.
set -uo pipefail
ASSAY=${1:?usage: summary.sh ASSAY_BINARY REPO_ROOT}
ROOT=${2:?usage: summary.sh ASSAY_BINARY REPO_ROOT}
cd "$ROOT" || exit 2
T=$(mktemp -d "${TMPDIR:-/tmp}/assay-summary.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"
fail=0

"$ASSAY" baseline save corpus/shop/before --db "$T/base.sqlite" >/dev/null 2>"$T/err" || {
  echo "FAIL: baseline save"; cat "$T/err"; exit 1; }
"$ASSAY" check corpus/shop/after --baseline "$T/base.sqlite" --format json --output "$T/check.json" \
  --summary "$T/summary.md" --html "$T/report.html" >"$T/out" 2>"$T/err"
rc=$?
if [ "$rc" -ne 1 ]; then echo "FAIL: check exited $rc, expected 1"; cat "$T/err"; fail=1; fi

# The same check without --summary/--html writes the same JSON report.
"$ASSAY" check corpus/shop/after --baseline "$T/base.sqlite" --format json \
  --output "$T/plain.json" >/dev/null 2>&1
cmp -s "$T/check.json" "$T/plain.json" || { echo "FAIL: --summary/--html changed the report"; fail=1; }

python3 - "$T/summary.md" "$T/report.html" "$T/check.json" <<'PYEOF' || fail=1
import glob, html.parser, json, re, sys

md = open(sys.argv[1]).read()
page = open(sys.argv[2]).read()
report = json.load(open(sys.argv[3]))
bad = []

# Ground truth: the "check" entries of ground_truth.json, truth/*.json and
# access_truth.json (the data-access findings).
truth = list(json.load(open("corpus/shop/ground_truth.json")).get("check", []))
for p in sorted(glob.glob("corpus/shop/truth/*.json")) + ["corpus/shop/access_truth.json"]:
    truth += json.load(open(p)).get("check", [])
want = {s: sorted((e["file"], e["line"]) for e in truth if e["state"] == s)
        for s in ("new", "absent")}
if not want["new"] or not want["absent"]:
    bad.append("the ground truth has no new or no absent finding: %r" % want)

def section(text, heading):
    m = re.search(r"^## " + heading + r" \((\d+)\)\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    return (int(m.group(1)), m.group(2)) if m else (None, "")

link = re.compile(r"^\| [^|]+ \| [^|]+ \| [^|]+ \| \[([^\]]+):(\d+)\]\(corpus/shop/after/(\S+)#L(\d+)\) \| .* \|$")
for state, heading in (("new", "New findings"), ("absent", "Absent findings")):
    count, body = section(md, heading)
    if count != len(want[state]):
        bad.append("%s: heading count %r, expected %d" % (heading, count, len(want[state])))
    rows = [l for l in body.splitlines() if l.startswith("| ") and not l.startswith("| Rule ")]
    got = []
    for r in rows:
        m = link.match(r)
        if not m:
            bad.append("%s: row without a file:line link: %s" % (heading, r)); continue
        text_path = m.group(1).replace("\\_", "_")
        if text_path != m.group(3) or m.group(2) != m.group(4):
            bad.append("%s: link text and target differ: %s" % (heading, r))
        got.append((m.group(3), int(m.group(2))))
    if sorted(got) != want[state]:
        bad.append("%s: rows %r, expected %r" % (heading, sorted(got), want[state]))

first = md.splitlines()[0] if md else ""
if first != "# Assay check: fail":
    bad.append("title %r" % first)
n_access = sum(1 for e in truth if e["state"] == "new" and e.get("rule", "").startswith("assay/access-"))
if "| Data flow | fail | %d new, " % (len(want["new"]) - n_access) not in md:
    bad.append("no data-flow gate row with %d new" % (len(want["new"]) - n_access))
if "| Data access | fail | %d new reads, writes or tables of personal data |" % n_access not in md:
    bad.append("no data-access gate row with %d new" % n_access)
if "| Performance |" in md:
    bad.append("a performance row without --perf")

# HTML: parses; counts; one <svg> with one edge group per finding.
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.svg, self.edges, self.ids, self.rows = [], 0, 0, {}, {}
        self.cur = None
        self.external = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg": self.svg += 1
        if tag == "g" and a.get("class") == "edge": self.edges += 1
        if tag in ("script", "link", "img", "iframe"): self.external.append(tag)
        if a.get("href", "").startswith("http") or a.get("src"): self.external.append(tag)
        if tag == "span" and a.get("id"): self.cur = a["id"]; self.ids[self.cur] = ""
        if tag == "table" and a.get("id"): self.table = a["id"]; self.rows[self.table] = 0
        if tag == "tr" and a.get("class") in ("new", "absent"):
            self.rows[self.table] += 1
    def handle_endtag(self, tag):
        if tag == "span": self.cur = None
    def handle_data(self, d):
        if self.cur: self.ids[self.cur] += d

p = P()
p.feed(page)
p.close()
if not page.startswith("<!DOCTYPE html>"): bad.append("HTML: no doctype first")
if "<?xml" in page or "<!DOCTYPE svg" in page: bad.append("HTML: the SVG prolog was not stripped")
if p.svg != 1: bad.append("HTML: %d <svg> elements, expected 1" % p.svg)
n = len(report["findings"])
if p.edges != n: bad.append("HTML: %d edge groups, expected one per finding (%d)" % (p.edges, n))
if p.external: bad.append("HTML: external resources %r" % p.external)
for state in ("new", "absent"):
    if p.ids.get("count-" + state) != str(len(want[state])):
        bad.append("HTML: count-%s is %r, expected %d" % (state, p.ids.get("count-" + state), len(want[state])))
    if p.rows.get(state + "-findings") != len(want[state]):
        bad.append("HTML: %s-findings table has %r rows" % (state, p.rows.get(state + "-findings")))
for b in bad:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
PYEOF

# A file that cannot be written: exit 2, named.
"$ASSAY" check corpus/shop/after --baseline "$T/base.sqlite" --output "$T/c.txt" \
  --summary "$T/no/dir/s.md" >"$T/out" 2>"$T/err"
rc=$?
[ "$rc" -eq 2 ] || { echo "FAIL: unwritable --summary exited $rc, expected 2"; fail=1; }
grep -qF "cannot write $T/no/dir/s.md" "$T/err" || { echo "FAIL: unwritable --summary not named"; cat "$T/err"; fail=1; }

# Text colour: never when the output is not a terminal (a file here).
"$ASSAY" check corpus/shop/after --baseline "$T/base.sqlite" --output "$T/c.txt" >/dev/null 2>&1
if grep -q $'\033' "$T/c.txt"; then echo "FAIL: escape sequences in a text report file"; fail=1; fi
if command -v script >/dev/null 2>&1; then
  script -qec "'$ASSAY' check corpus/shop/after --baseline '$T/base.sqlite'" /dev/null \
    >"$T/tty.txt" 2>&1 </dev/null
  grep -q $'\033\\[31m' "$T/tty.txt" || { echo "FAIL: no red on a terminal"; fail=1; }
  NO_COLOR=1 script -qec "'$ASSAY' check corpus/shop/after --baseline '$T/base.sqlite'" /dev/null \
    >"$T/tty2.txt" 2>&1 </dev/null
  if grep -q $'\033' "$T/tty2.txt"; then echo "FAIL: colour with NO_COLOR set"; fail=1; fi
fi

[ "$fail" -eq 0 ] && echo "summary.sh: ok"
exit "$fail"
