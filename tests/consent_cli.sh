#!/bin/bash
# consent_cli.sh: the consent command end to end.  Ingests the story of
# tests/data/consent/story.jsonl (short articles written for the tests:
# Estonia asks Germany and Finland for consent to pass ex-GDR D-30
# howitzers to Ukraine; Finland grants it, Germany blocks it; Spain gets a
# green light for tanks no stored transfer mentions) with the extractor,
# then checks the board in every format, the single-transfer query, and
# the errors.
#
#   SL_BIN=build/supplyline tests/consent_cli.sh
set -u
cd "$(dirname "$0")/.."
bin=${SL_BIN:-build/supplyline}
tmp=$(mktemp -d /tmp/sl-consent.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
. tests/tally.sh
has() { grep -qF -- "$2" "$1"; }
# the CSV row of a required consent: measure,donor,recipient,system ... consent_by,needs,status
row() { grep -c "^required,[0-9]*,$1,$2,$3,$4,[^,]*,[^,]*,$5,[a-z]*,$6," "$tmp/board.csv"; }

db=$tmp/story.db
chains=tests/data/consent/chains.tsv
header='row,transfer_fact,measure,donor,recipient,system,category,date,consent_by,needs,status,status_date,consent_facts,basis,rule,link,chain,sources'

"$bin" ingest --db "$db" tests/data/consent/story.jsonl 2>"$tmp/ingest.err"
check "ingest exits 0" test $? = 0

"$bin" consent --db "$db" --chains "$chains" --format csv >"$tmp/board.csv"
check "board exits 0" test $? = 0
check "CSV header" test "$(head -n 1 "$tmp/board.csv" | tr -d '\r')" = "$header"
check "CSV lines end in CRLF" test "$(grep -c $'\r$' "$tmp/board.csv")" = "$(wc -l <"$tmp/board.csv")"
check "Germany denied the D-30" test "$(row committed EE UA D-30 DE denied)" = 1
check "Finland granted the D-30" test "$(row committed EE UA D-30 FI granted)" = 1
check "Russia (origin, no rule) is not asked" test "$(grep -c '^required,.*,RU,' "$tmp/board.csv")" = 0
check "the US must consent to the Javelins, nothing known" test "$(row committed EE UA Javelin US unknown)" = 1
check "German basis is the KWKG" has "$tmp/board.csv" 'Kriegswaffenkontrollgesetz'
check "the chain link is the chains file line" has "$tmp/board.csv" "$chains:"
check "the D-30 chain" has "$tmp/board.csv" 'RU (origin) > DE (chain) > FI (chain) > EE'
check "Spain's consent matches no transfer" test "$(grep -c '^unmatched,,,ES,UA,Leopard 2,[^,]*,[^,]*,DE,,granted,' "$tmp/board.csv")" = 1
check "three required consents" test "$(grep -c '^required,' "$tmp/board.csv")" = 3

"$bin" consent --db "$db" --chains "$chains" --format json >"$tmp/board.json"
check "json exits 0" test $? = 0
check "JSON lines are objects" test -z "$(grep -v '^{"kind": "\(transfer\|unmatched\)", ' "$tmp/board.json")"
check "JSON has the denial's evidence" has "$tmp/board.json" '"evidence": "Berlin blocked Estonia'
check "JSON: two transfers and one unmatched" test "$(wc -l <"$tmp/board.json")" = 3

"$bin" consent --db "$db" --chains "$chains" --format table >"$tmp/board.txt"
check "table exits 0" test $? = 0
check "table: Germany denied" grep -qE '^  DE +denied 2022-01-21' "$tmp/board.txt"
check "table: Finland granted" grep -qE '^  FI +granted 2022-01-26' "$tmp/board.txt"
check "table: nothing known yet" grep -qE '^  US +nothing known yet' "$tmp/board.txt"
check "table: unmatched section" has "$tmp/board.txt" 'Consent facts matching no stored transfer:'

"$bin" consent --db "$db" --chains "$chains" --donor ES --format csv >"$tmp/es.csv"
check "--donor filters" test "$(grep -c '^required' "$tmp/es.csv"),$(grep -c '^unmatched' "$tmp/es.csv")" = "0,1"

# one transfer, no database needed
(cd "$tmp" && SUPPLYLINE_DATA="$OLDPWD/data" "$OLDPWD/$bin" consent --from EE --to UA --system D-30 --date 2022-01 --format csv) >"$tmp/q.csv" 2>"$tmp/q.err"
check "query without a database exits 0" test $? = 0
check "query: Germany and Finland" test "$(cut -d, -f9 "$tmp/q.csv" | tail -n +2 | tr '\n' ' ')" = "DE FI "
"$bin" consent --from EE --to UA --system Javelin --format json --db "$db" >"$tmp/j.json"
check "query: US for Javelins" has "$tmp/j.json" '"consent_by": "US", "needs": "yes"'
"$bin" consent --from DE --to UA --category ammunition --date 2022-06 --chains "$tmp/ch.tsv" --format csv >/dev/null 2>&1
check "a missing --chains file exits 2" test $? = 2
printf 'Gepard\tCH > DE\tSwiss-made ammunition for a German system (test)\n' >"$tmp/ch.tsv"
"$bin" consent --from DE --to UA --system Gepard --date 2022-06 --chains "$tmp/ch.tsv" --format csv >"$tmp/g.csv"
check "Swiss ban towards a state at war" test "$(grep -c '^required,,query,DE,UA,Gepard,[^,]*,[^,]*,CH,ban,' "$tmp/g.csv")" = 1

# errors
"$bin" consent --db "$tmp/none.db" >/dev/null 2>&1
check "board on a missing database exits 2" test $? = 2
"$bin" consent --from EE --to UA >/dev/null 2>&1
check "a transfer without materiel exits 2" test $? = 2
"$bin" consent --from EE --to UA --system D-30 --date 2022-13 >/dev/null 2>&1
check "a bad --date exits 2" test $? = 2
"$bin" consent --db "$db" --since soon >/dev/null 2>"$tmp/since.err"
check "a bad --since exits 2" test $? = 2
"$bin" consent --bogus >/dev/null 2>&1
check "unknown option exits 2" test $? = 2
mkdir "$tmp/data"
cp data/systems.tsv "$tmp/data/"
printf 'US\tall\t*\tperhaps\tAct\t-\t-\tnote\n' >"$tmp/data/consent_rules.tsv"
SUPPLYLINE_DATA="$tmp/data" "$bin" consent --from EE --to UA --system D-30 >/dev/null 2>"$tmp/rules.err"
check "a malformed rules line exits 2" test $? = 2
check "the message names file:line" has "$tmp/rules.err" "$tmp/data/consent_rules.tsv:1:"
"$bin" consent --help | grep -q '^usage: supplyline consent'
check "consent --help" test $? = 0

tally consent_cli
