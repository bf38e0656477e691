#!/usr/bin/env bash
# conformance.sh — run the conformance suite (tests/conformance/LANG/CASE/) and
# compare every finding with the marks written in the fixtures.
#
#   tools/conformance.sh ASSAY [ROOT]          exact check: prints each miss and
#                                              each unexpected finding, exits 1
#                                              when there is any
#   tools/conformance.sh --stats ASSAY [ROOT]  recall and precision per language
#                                              and per sink kind (exit 0)
#
# A fixture marks what it expects on the line the finding is reported at (the
# sink call's first line), in a comment of its language:
#     log.info("signed up %s", user.email)  # expect: pii-to-log user.contact.email
#     fmt.Println(card) // expect: pii-to-stdout user.financial.credit_card
# One mark is a rule (without "assay/") and one or more categories; a line may
# hold several "expect:" marks. Every finding of a case must be marked and
# every mark found, per (file, line, rule, category). Files without marks are
# negative cases: any finding in them is a false positive. Each CASE directory
# is scanned on its own, as a repository.
#
# A known miss is marked "todo: RULE CATEGORY... (what the analysis lacks)":
# the exact check ignores it (and reports it as unexpected once it is found,
# so that it becomes an expect: mark), the statistics count it as missed.
set -euo pipefail

STATS=0
if [ "${1:-}" = "--stats" ]; then STATS=1; shift; fi
ASSAY=${1:?usage: conformance.sh [--stats] ASSAY [ROOT]}
ROOT=${2:-$(cd "$(dirname "$0")/.." && pwd)}
SUITE="$ROOT/tests/conformance"
[ -d "$SUITE" ] || { echo "conformance.sh: no suite at $SUITE" >&2; exit 2; }

T=$(mktemp -d "${TMPDIR:-/tmp}/assay-conf.XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"

: >"$T/expected"
: >"$T/todo"
: >"$T/found"
: >"$T/negfiles"
ncases=0
for dir in "$SUITE"/*/*/; do
  dir=${dir%/}
  lang=$(basename "$(dirname "$dir")")
  name=$(basename "$dir")
  ncases=$((ncases + 1))
  # Marks: LANG CASE FILE LINE RULE CATEGORY, one row per category.
  marks() { # $1 = the mark word ("expect" or "todo"), $2 = output file
    (cd "$dir" && grep -rn -I "$1:" . || true) | sed 's|^\./||' |
    awk -v lang="$lang" -v name="$name" -v word="$1:" '{
      split($0, head, ":"); file = head[1]; line = head[2]
      rest = $0
      while ((p = index(rest, word)) > 0) {
        rest = substr(rest, p + length(word))
        sub(/\(.*$/, "", rest) # the reason of a todo, in parentheses
        q = index(rest, word)
        mark = q > 0 ? substr(rest, 1, q - 1) : rest
        n = split(mark, tok, /[ \t,]+/)
        rule = ""
        for (i = 1; i <= n; i++) {
          if (tok[i] == "" || tok[i] == "//" || tok[i] == "#" || tok[i] == "*/" || tok[i] == "--") continue
          if (rule == "") { rule = tok[i]; continue }
          if (tok[i] !~ /\./) { rule = tok[i]; continue }
          print lang, name, file, line, rule, tok[i]
        }
      }
    }' >>"$2"
  }
  marks expect "$T/expected"
  marks todo "$T/todo"
  # Source files with no mark at all are the negative files of the case.
  (cd "$dir" && find . -type f \( -name '*.py' -o -name '*.js' -o -name '*.ts' -o -name '*.tsx' \
    -o -name '*.go' -o -name '*.java' -o -name '*.c' -o -name '*.h' \) | sed 's|^\./||' | sort) |
    while read -r f; do
      grep -q 'expect:\|todo:' "$dir/$f" || echo "$lang $name $f" >>"$T/negfiles"
    done
  set +e
  "$ASSAY" scan "$dir" --format text --no-cache >"$T/out.txt" 2>"$T/err.txt"
  rc=$?
  set -e
  if [ "$rc" -gt 1 ]; then
    echo "conformance.sh: scan of $lang/$name exited $rc:" >&2
    cat "$T/err.txt" >&2
    exit 3
  fi
  # "path:line:col: assay/RULE CATEGORY: message"
  awk -v lang="$lang" -v name="$name" '
    /^[^ ].*:[0-9]+:[0-9]+: assay\// {
      split($1, loc, ":"); rule = $2; sub(/^assay\//, "", rule)
      cats = $3; sub(/:$/, "", cats)
      n = split(cats, cat, ",")
      for (i = 1; i <= n; i++) print lang, name, loc[1], loc[2], rule, cat[i]
    }' "$T/out.txt" >>"$T/found"
done

sort -u "$T/expected" -o "$T/expected"
sort -u "$T/found" -o "$T/found"
comm -23 "$T/expected" "$T/found" >"$T/missed"
comm -13 "$T/expected" "$T/found" >"$T/extra"
comm -12 "$T/expected" "$T/found" >"$T/hit"

if [ "$STATS" -eq 1 ]; then
  # Negative cases: the negative files, and every unmarked finding elsewhere.
  awk -v hitf="$T/hit" -v missf="$T/missed" -v todof="$T/todo" -v extraf="$T/extra" -v negf="$T/negfiles" '
    function kind(rule) { k = rule; sub(/^pii-to-/, "", k); return k }
    function add(arr, key) { arr[key]++ }
    BEGIN {
      while ((getline l < hitf) > 0) { split(l, a, " "); add(tp, a[1]); add(tpk, kind(a[5])); langs[a[1]]; kinds[kind(a[5])] }
      while ((getline l < missf) > 0) { split(l, a, " "); add(fn, a[1]); add(fnk, kind(a[5])); langs[a[1]]; kinds[kind(a[5])] }
      while ((getline l < todof) > 0) { split(l, a, " "); add(fn, a[1]); add(fnk, kind(a[5])); langs[a[1]]; kinds[kind(a[5])] }
      while ((getline l < extraf) > 0) { split(l, a, " "); add(fp, a[1]); add(fpk, kind(a[5])); langs[a[1]]; kinds[kind(a[5])] }
      while ((getline l < negf) > 0) { split(l, a, " "); add(neg, a[1]); langs[a[1]] }
      printf "%-14s %6s %6s %6s %8s %9s %10s\n", "language", "marks", "found", "extra", "recall", "precision", "neg-files"
      for (g in langs) {
        m = tp[g] + fn[g]; r = m ? 100 * tp[g] / m : 100; p = (tp[g] + fp[g]) ? 100 * tp[g] / (tp[g] + fp[g]) : 100
        printf "%-14s %6d %6d %6d %7.1f%% %8.1f%% %10d\n", g, m, tp[g], fp[g], r, p, neg[g]
        TM += m; TT += tp[g]; TF += fp[g]; TN += neg[g]
      }
      r = TM ? 100 * TT / TM : 100; p = (TT + TF) ? 100 * TT / (TT + TF) : 100
      printf "%-14s %6d %6d %6d %7.1f%% %8.1f%% %10d\n\n", "all", TM, TT, TF, r, p, TN
      printf "%-14s %6s %6s %6s %8s %9s\n", "sink kind", "marks", "found", "extra", "recall", "precision"
      for (k in kinds) {
        m = tpk[k] + fnk[k]; r = m ? 100 * tpk[k] / m : 100; p = (tpk[k] + fpk[k]) ? 100 * tpk[k] / (tpk[k] + fpk[k]) : 100
        printf "%-14s %6d %6d %6d %7.1f%% %8.1f%%\n", k, m, tpk[k], fpk[k], r, p
      }
    }'
  echo
  echo "$ncases cases; positive marks: $(wc -l <"$T/expected") expected + $(wc -l <"$T/todo") known misses (todo:, counted as missed above), negative files: $(wc -l <"$T/negfiles")"
  exit 0
fi

status=0
if [ -s "$T/missed" ]; then
  echo "missed (marked, not found): LANG CASE FILE LINE RULE CATEGORY"
  sed 's/^/  /' "$T/missed"
  status=1
fi
if [ -s "$T/extra" ]; then
  echo "unexpected (found, not marked): LANG CASE FILE LINE RULE CATEGORY"
  sed 's/^/  /' "$T/extra"
  status=1
fi
echo "conformance: $ncases cases, $(wc -l <"$T/expected") marks, $(wc -l <"$T/hit") found, $(wc -l <"$T/missed") missed, $(wc -l <"$T/extra") unexpected, $(wc -l <"$T/negfiles") negative files"
exit $status
