#!/bin/bash
# store_cli.sh: the ingest and facts commands end to end, on the article
# fixtures of tests/data/store (JSON Lines documents; their "records"
# field is ignored by the reader, the extractor finds its own).  Runs on
# SQLite, and also on PostgreSQL when SL_PG_URL is set (for instance
# under tests/store_pg.sh), where it checks both give the same CSV.
#
#   SL_BIN=build/supplyline tests/store_cli.sh
#   tests/store_pg.sh tests/store_cli.sh
set -u
cd "$(dirname "$0")/.."
bin=${SL_BIN:-build/supplyline}
tmp=$(mktemp -d /tmp/sl-cli.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
. tests/tally.sh

fixtures=(tests/data/store/*.jsonl)
ndocs=$(cat "${fixtures[@]}" | grep -c .)
header='fact_id,donor,recipient,consent_by,announcement_date,first_report,last_report,measure,category,system,item,quantity,unit,value,currency,n_sources,contradiction,conflict,linked_fact,source_1,source_2,source_3,source_4,source_5,source_6,source_7,source_8,source_9,source_10'

run_db() {
	local db=$1 tag=$2
	"$bin" ingest --db "$db" "${fixtures[@]}" 2>"$tmp/$tag.1"
	check "$tag: ingest exits 0" test $? = 0
	check "$tag: all documents new" grep -q "($ndocs new, 0 unchanged, 0 changed)" "$tmp/$tag.1"
	"$bin" ingest -j 2 --db "$db" "${fixtures[@]}" 2>"$tmp/$tag.2"
	check "$tag: re-ingest exits 0" test $? = 0
	check "$tag: re-ingest changes nothing" grep -q "(0 new, $ndocs unchanged, 0 changed), 0 records" "$tmp/$tag.2"
	"$bin" facts --db "$db" --format csv >"$tmp/$tag.csv"
	check "$tag: facts exits 0" test $? = 0
	check "$tag: CSV header" test "$(head -n 1 "$tmp/$tag.csv" | tr -d '\r')" = "$header"
	check "$tag: CSV lines end in CRLF" test "$(grep -c $'\r$' "$tmp/$tag.csv")" = "$(wc -l <"$tmp/$tag.csv")"
	"$bin" facts --db "$db" --format json >"$tmp/$tag.json"
	check "$tag: one JSON line per CSV row" test "$(wc -l <"$tmp/$tag.json")" = "$(($(wc -l <"$tmp/$tag.csv") - 1))"
	check "$tag: JSON lines are fact objects" test -z "$(grep -v '^{"fact_id": [0-9]*, ' "$tmp/$tag.json")"
	"$bin" facts --db "$db" --type sent >/dev/null 2>"$tmp/$tag.err"
	check "$tag: unknown --type exits 2" test $? = 2
	check "$tag: unknown --type is named" grep -q "'sent'" "$tmp/$tag.err"
	"$bin" facts --db "$db" --format table --donor ZZ >"$tmp/$tag.table"
	check "$tag: empty table has its header" grep -q '^ *ID  MEASURE' "$tmp/$tag.table"
	"$bin" ingest --db "$db" --rebuild 2>/dev/null
	check "$tag: --rebuild exits 0" test $? = 0
}

run_db "$tmp/t.db" sqlite
"$bin" facts --db "$tmp/none.db" >/dev/null 2>&1
check "facts on a missing database exits 2" test $? = 2
"$bin" ingest --bogus >/dev/null 2>&1
check "unknown option exits 2" test $? = 2
"$bin" ingest --db "$tmp/t.db" "$tmp/does-not-exist.txt" >/dev/null 2>&1
check "a missing input exits 1" test $? = 1
"$bin" ingest --help | grep -q '^usage: supplyline ingest'
check "ingest --help" test $? = 0
"$bin" facts --help | grep -q '^usage: supplyline facts'
check "facts --help" test $? = 0

if [ -n "${SL_PG_URL:-}" ]; then
	run_db "$SL_PG_URL" pg
	check "sqlite and postgresql give the same CSV" cmp -s "$tmp/sqlite.csv" "$tmp/pg.csv"
	check "sqlite and postgresql give the same JSON" cmp -s "$tmp/sqlite.json" "$tmp/pg.json"
fi

tally store_cli
