#!/bin/sh
# Behaviour tests as data: every tests/cases/NAME.txt is a document; its
# records must be exactly those described by NAME.expect.jsonl (each line
# lists the fields that must agree; see tests/check_case.py).  One extract
# run reads all the cases (a document's records do not depend on the
# others), and check_case.py sorts the records by document.
set -u
BIN=${SL_BIN:-build/supplyline}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
if ! SUPPLYLINE_DATA=data "$BIN" extract tests/cases/*.txt > "$out"; then
	echo "FAIL: extract exited $? on tests/cases"
	exit 1
fi
python3 tests/check_case.py --dir tests/cases "$out"
