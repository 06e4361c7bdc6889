#!/bin/sh
# Scores the HTML reader on the main-text benchmark (../shared/peers/html)
# when it is present: `supplyline text` over dev/pages, scored by the
# benchmark's score_html.py.  Fails when F1 or the share of publication
# dates right falls below the floors in tests/html_floor (raise them as
# the reader improves; never lower them to pass).
#   tests/html_bench.sh [BIN]      BIN defaults to build/supplyline
set -eu
BIN=${1:-build/supplyline}
SET=${SL_HTML_BENCH:-../shared/peers/html}
if [ ! -d "$SET/dev/pages" ] || [ ! -f "$SET/score_html.py" ]; then
	echo "html_bench: $SET/dev not present, skipped"
	exit 0
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
SUPPLYLINE_DATA=${SUPPLYLINE_DATA:-data} "$BIN" text "$SET/dev/pages" > "$out" || {
	echo "html_bench: $BIN text failed"
	exit 1
}
f1_floor=$(awk '$1 == "f1" { print $2 }' tests/html_floor)
date_floor=$(awk '$1 == "date" { print $2 }' tests/html_floor)
python3 "$SET/score_html.py" "$SET/dev" "$out"
python3 "$SET/score_html.py" "$SET/dev" "$out" --json | python3 -c '
import json, sys
r = json.load(sys.stdin)
f1_floor, date_floor = float(sys.argv[1]), float(sys.argv[2])
dates = r["date_agree"] / r["date_of"] if r["date_of"] else 0.0
bad = []
if r["f1"] < f1_floor:
    bad.append("F1 %.3f < floor %.3f" % (r["f1"], f1_floor))
if dates < date_floor:
    bad.append("dates right %.3f < floor %.3f" % (dates, date_floor))
for b in bad:
    print("html_bench: " + b + " (tests/html_floor)")
sys.exit(1 if bad else 0)
' "$f1_floor" "$date_floor"
