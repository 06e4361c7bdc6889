#!/bin/bash
# crash_ingest.sh: ingest survives SIGKILL at any moment.
#
# Builds a corpus of a few thousand small documents (the dev articles in
# ../shared/eval/dev repeated under distinct ids when they are there,
# else sentences generated here), ingests it once without interruption
# for the reference database, then 20 times starts an ingest into a fresh
# database and kills it with SIGKILL after a random fraction of the
# reference run's time (every other time the resumed ingest is killed
# too), until 20 kills have landed while ingest was running.  After each kill:
#   - PRAGMA integrity_check is "ok" and foreign_key_check is empty;
#   - every stored document has exactly the records the reference run
#     stored for it (no document without its records, no half document);
# then an ingest is run to completion, and a canonical dump (documents,
# records, facts with their sources, meta), sorted, must equal the
# reference's byte for byte.  Kills use -j 1 or -j 2 at random and
# --batch 25, so they land inside open transactions.
#
#   SL_BIN=build/supplyline tests/crash_ingest.sh
#   CRASH_SEED=1234 CRASH_KILLS=20 tests/crash_ingest.sh
# Needs the sqlite3 command-line shell (Debian's sqlite3 package).
set -u
cd "$(dirname "$0")/.."
bin=${SL_BIN:-build/supplyline}
kills=${CRASH_KILLS:-20}
seed=${CRASH_SEED:-$$}
RANDOM=$seed
tmp=$(mktemp -d /tmp/sl-crash.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
. tests/tally.sh
if ! command -v sqlite3 >/dev/null; then
	echo "crash_ingest: needs the sqlite3 shell (apt-get install sqlite3)" >&2
	exit 2
fi
echo "crash_ingest: seed $seed (CRASH_SEED=$seed reproduces the kill times)"

# --- the corpus ----------------------------------------------------------
mkdir "$tmp/corpus"
dev=../shared/eval/dev
if ls "$dev"/*.txt >/dev/null 2>&1; then
	for k in $(seq 1 40); do
		for f in "$dev"/*.txt; do
			cp "$f" "$tmp/corpus/r$k-$(basename "$f")"
		done
	done
else
	python3 - "$tmp/corpus" <<'PY'
import random, sys
rnd = random.Random(7)
donors = ["Duitsland", "Frankrijk", "Nederland", "Polen", "Noorwegen", "Canada", "Spanje"]
things = ["tanks", "granaten", "drones", "helmen", "luchtafweersystemen", "houwitsers"]
verbs = ["levert", "stuurt", "heeft geleverd", "belooft", "overweegt"]
filler = ["Het weer was die dag koud.", "De minister sprak met journalisten.",
          "Er werd lang vergaderd in de hoofdstad.", "Analisten verwachten meer nieuws."]
for i in range(3000):
    parts = [" date 2022-%02d-%02d" % (rnd.randint(1, 12), rnd.randint(1, 28))]
    for _ in range(rnd.randint(2, 6)):
        if rnd.random() < 0.5:
            parts.append("%s %s %d %s aan Oekraïne." % (rnd.choice(donors), rnd.choice(verbs),
                         rnd.randint(1, 200), rnd.choice(things)))
        else:
            parts.append(rnd.choice(filler))
    open("%s/g%04d.txt" % (sys.argv[1], i), "w", encoding="utf-8").write("\n".join(parts) + "\n")
PY
fi
ndocs=$(ls "$tmp/corpus" | wc -l)

dump() { # db -> canonical text on stdout
	sqlite3 -batch -noheader "$1" \
		"SELECT 'D', id, url, lang, date, hash, text FROM documents ORDER BY id;" \
		"SELECT 'R', id, doc_id, ord, type, donor, recipient, consent_by, category, system, item,
		        quantity, unit, value, currency, event_date, evidence, span_start, span_end
		 FROM records ORDER BY doc_id, ord;" \
		"SELECT 'F', * FROM facts ORDER BY id;" \
		"SELECT 'S', s.fact_id, r.doc_id, r.ord FROM fact_sources s JOIN records r ON r.id = s.record_id
		 ORDER BY 2, 3, 4;" \
		"SELECT 'M', key, value FROM meta ORDER BY key;"
}
per_doc() { # db -> "doc|records" for every stored document
	sqlite3 -batch -noheader "$1" \
		"SELECT d.id, (SELECT count(*) FROM records r WHERE r.doc_id = d.id) FROM documents d ORDER BY 1;"
}
now() { date +%s.%N; }

# --- the reference -------------------------------------------------------
t0=$(now)
"$bin" ingest --db "$tmp/ref.db" "$tmp/corpus" 2>"$tmp/ref.err"
rc=$?
t1=$(now)
if [ "$rc" != 0 ]; then
	echo "crash_ingest: the reference ingest failed ($rc):" >&2
	cat "$tmp/ref.err" >&2
	exit 1
fi
dump "$tmp/ref.db" >"$tmp/ref.dump"
per_doc "$tmp/ref.db" >"$tmp/ref.docs"
span=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
check_db() { # db what
	local db=$1 what=$2
	local ic
	ic=$(sqlite3 -batch "$db" 'PRAGMA integrity_check' 2>&1)
	if [ "$ic" = ok ]; then ok; else bad "$what: integrity_check: $ic"; fi
	local fk
	fk=$(sqlite3 -batch "$db" 'PRAGMA foreign_key_check' 2>&1)
	if [ -z "$fk" ]; then ok; else bad "$what: foreign_key_check: $fk"; fi
	# a kill before the schema was committed leaves no tables: nothing stored
	per_doc "$db" >"$tmp/now.docs" 2>/dev/null || : >"$tmp/now.docs"
	local partial
	partial=$(comm -23 "$tmp/now.docs" "$tmp/ref.docs" | head -3)
	if [ -z "$partial" ]; then ok; else bad "$what: documents stored without their records: $partial"; fi
}

# kill_run db what: starts an ingest, SIGKILLs it after a random part of
# the reference time; prints how many documents it had committed.
landed=0
kill_run() {
	local db=$1 what=$2
	local j=$((RANDOM % 2 + 1))
	local at
	at=$(awk -v s="$span" -v r="$RANDOM" 'BEGIN { printf "%.3f", s * (0.02 + 0.98 * r / 32768) }')
	"$bin" ingest --db "$db" -j "$j" --batch 25 "$tmp/corpus" 2>/dev/null &
	local pid=$!
	sleep "$at"
	if kill -KILL "$pid" 2>/dev/null; then
		landed=$((landed + 1))
	fi
	wait "$pid" 2>/dev/null
	local n
	n=$(sqlite3 -batch "$db" 'SELECT count(*) FROM documents' 2>/dev/null)
	printf '  %-10s -j %s killed at %5.3fs: %s/%s documents stored\n' "$what" "$j" "$at" "${n:-?}" "$ndocs"
	check_db "$db" "$what"
}

echo "crash_ingest: $ndocs documents, uninterrupted ingest ${span}s; $kills kills"
# rounds until $kills kills have landed inside a running ingest (a kill
# after the process ended proves nothing), at most 2 * $kills rounds
i=0
while [ "$landed" -lt "$kills" ] && [ "$i" -lt $((2 * kills)) ]; do
	i=$((i + 1))
	db="$tmp/k$i.db"
	kill_run "$db" "kill $i"
	if [ $((i % 2)) = 0 ]; then
		kill_run "$db" "kill $i+"
	fi
	"$bin" ingest --db "$db" "$tmp/corpus" 2>"$tmp/resume.err"
	rc=$?
	if [ "$rc" != 0 ]; then
		bad "kill $i: resumed ingest exit $rc: $(tail -1 "$tmp/resume.err")"
		continue
	fi
	dump "$db" >"$tmp/k.dump"
	if cmp -s "$tmp/k.dump" "$tmp/ref.dump"; then
		ok
	else
		bad "kill $i: resumed database differs from the uninterrupted one:"
		diff "$tmp/ref.dump" "$tmp/k.dump" | head -6 >&2
	fi
	rm -f "$db" "$db-wal" "$db-shm"
done
echo "crash_ingest: $landed kills landed while ingest was running, in $i rounds"
if [ "$landed" -ge "$kills" ]; then ok; else bad "only $landed of $kills kills landed"; fi
tally crash_ingest
