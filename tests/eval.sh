#!/bin/sh
# Scores the extractor on the dev set when it is present, failing below the
# floor in tests/eval_floor (raise the floor as the extractor improves;
# never lower it to pass).
set -eu
BIN=${1:-build/supplyline}
DEV=${SL_EVAL_DEV:-../shared/eval/dev}
SCORE=${SL_EVAL_SCORE:-../shared/eval/score.py}
if [ ! -d "$DEV" ] || [ ! -f "$SCORE" ]; then
	echo "eval: $DEV not present, skipped"
	exit 0
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
SUPPLYLINE_DATA=data "$BIN" extract "$DEV"/*.txt > "$out"
floor=$(cat tests/eval_floor)
if python3 "$SCORE" "$DEV" "$out" --min-f1 "$floor"; then
	exit 0
fi
echo "eval: strict F1 fell below the floor $floor (tests/eval_floor)"
exit 1
