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
# CPU time of the whole command (reading, extraction, language guess,
# JSON out) on one core: wall time is at the mercy of a busy machine
python3 - "$BIN" "$SET/dev/pages" "$out" <<'PY' || exit 1
import os, resource, subprocess, sys
bin_, pages, out = sys.argv[1:4]
env = dict(os.environ)
env.setdefault("SUPPLYLINE_DATA", "data")
with open(out, "wb") as f:
    rc = subprocess.run([bin_, "text", pages], stdout=f, env=env).returncode
if rc != 0:
    print("html_bench: %s text failed (%d)" % (bin_, rc))
    sys.exit(1)
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = ru.ru_utime + ru.ru_stime
size = sum(os.path.getsize(os.path.join(pages, n)) for n in os.listdir(pages))
print("html_bench: %.1f MB of HTML in %.2f s of CPU: %.0f MB/s" % (size / 1e6, cpu, size / 1e6 / cpu))
PY
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
