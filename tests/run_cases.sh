#!/bin/sh
# Behaviour tests as data: every tests/cases/NAME.txt is a document; its
# records must be exactly those described by NAME.expect.jsonl (each line
# lists the fields that must agree; see tests/check_case.py).
set -u
BIN=${SL_BIN:-build/supplyline}
fail=0; n=0
for txt in tests/cases/*.txt; do
	name=${txt%.txt}
	n=$((n + 1))
	out=$(mktemp)
	if ! SUPPLYLINE_DATA=data "$BIN" extract "$txt" > "$out"; then
		echo "FAIL $txt: extract exited $?"
		fail=$((fail + 1))
	elif ! python3 tests/check_case.py "$name.expect.jsonl" "$out"; then
		echo "FAIL $txt"
		fail=$((fail + 1))
	fi
	rm -f "$out"
done
echo "cases: $((n - fail)) of $n passed"
[ "$fail" = 0 ]
