#!/bin/sh
# Command-line behaviour: help, usage errors, malformed data files, exit
# statuses.  Uses $SL_BIN (default build/supplyline).
set -u
BIN=${SL_BIN:-build/supplyline}
fail=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
check() { # name, expected status, command...
	name=$1; want=$2; shift 2
	"$@" > "$t/out" 2> "$t/err"
	got=$?
	if [ "$got" != "$want" ]; then
		echo "FAIL $name: exit $got, want $want"; cat "$t/err"; fail=1
	fi
}
check help 0 "$BIN" --help
grep -q extract "$t/out" || { echo "FAIL help lists extract"; fail=1; }
check extract-help 0 "$BIN" extract --help
check unknown-command 2 "$BIN" frobnicate
check unknown-option 2 "$BIN" extract --frobnicate
check bad-threads 2 "$BIN" extract -j 0 samples
# a malformed data-file line names the file and the line
cp -r data "$t/data"
printf 'nl\tdelivered\n' >> "$t/data/cues.tsv"
n=$(wc -l < "$t/data/cues.tsv")
check bad-data 2 "$BIN" extract --data "$t/data" samples
grep -q "cues.tsv:$n:" "$t/err" || { echo "FAIL bad-data message: $(cat "$t/err")"; fail=1; }
# a missing file is a warning and exit 1; the rest is still read
check missing-file 1 "$BIN" extract samples/en-sample-1.txt "$t/nope.txt"
grep -q "nope.txt" "$t/err" || { echo "FAIL missing-file message"; fail=1; }
[ -s "$t/out" ] || { echo "FAIL missing-file lost the other input"; fail=1; }
# stdin, and -j 2 gives the same output in the same order as -j 1
"$BIN" extract < samples/en-sample-1.txt > "$t/stdin" || fail=1
[ -s "$t/stdin" ] || { echo "FAIL stdin gave nothing"; fail=1; }
"$BIN" extract -j 1 samples > "$t/j1" && "$BIN" extract -j 2 samples > "$t/j2" || fail=1
cmp -s "$t/j1" "$t/j2" || { echo "FAIL -j 2 output differs from -j 1"; fail=1; }
# the prefilter never drops a document that yields records
"$BIN" extract samples tests/cases/*.txt > "$t/pf1" 2>/dev/null
"$BIN" extract --no-prefilter samples tests/cases/*.txt > "$t/pf0" 2>/dev/null
cmp -s "$t/pf0" "$t/pf1" || { echo "FAIL prefilter changed the output"; fail=1; }
[ -s "$t/pf1" ] || { echo "FAIL no records from samples and cases"; fail=1; }
# ... and does skip a document with nothing relevant in it
printf 'The weather was mild and the market opened higher on Tuesday.\n' > "$t/plain.txt"
"$BIN" extract --stats "$t/plain.txt" > /dev/null 2> "$t/stats"
grep -q "skipped 1" "$t/stats" || { echo "FAIL prefilter did not skip: $(cat "$t/stats")"; fail=1; }
# a sum takes the currency of an earlier sentence whose numbers only that
# needed (scanned when asked for), as when every sentence's numbers and
# dates are scanned (--trace)
printf 'De munitie kost 200 miljoen dollar.\nDe tanks zijn duur.\nNederland levert 60 miljard aan Amerikaans oorlogstuig aan Oekra\303\257ne.\n' > "$t/money.txt"
"$BIN" extract "$t/money.txt" > "$t/money1" && "$BIN" extract --trace "$t/money.txt" > "$t/money2" 2>/dev/null || fail=1
grep -q '"currency": "USD"' "$t/money1" || { echo "FAIL currency of an earlier sentence: $(cat "$t/money1")"; fail=1; }
cmp -s "$t/money1" "$t/money2" || { echo "FAIL --trace changed the records"; fail=1; }
# every record carries every contract field, and spans point at the evidence
python3 - "$t/j1" samples <<'PY' || fail=1
import json, sys, os
fields = ["doc", "type", "donor", "recipient", "consent_by", "category", "system", "item",
          "quantity", "unit", "value", "currency", "when", "evidence", "span"]
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    n += 1
    missing = [f for f in fields if f not in r]
    if missing:
        sys.exit("record lacks %s" % missing)
    text = open(os.path.join(sys.argv[2], r["doc"] + ".txt"), encoding="utf-8").read()
    a, b = r["span"]
    if text[a:b] != r["evidence"]:
        sys.exit("span %s does not point at the evidence of %s" % (r["span"], r["doc"]))
if n == 0:
    sys.exit("no records from the samples")
PY
[ "$fail" = 0 ] && echo "shell: all passed"
exit "$fail"
