#!/bin/sh
# bench/run.sh BIN: the throughput benchmark of issue 7 (make bench).
#
# Generates its input at run time in a temp dir (deleted at the end): the
# dev articles (../shared/eval/dev/*.txt, or samples/ and tests/cases/
# when that is absent) repeated with distinct ids to >= 200 MB of JSONL,
# plus .jsonl.gz, .warc.gz and a directory of .txt.gz files, and text with
# no military vocabulary for the prefilter.  Runs BIN extract and the grep
# baseline over the same bytes in the same run and prints one table.
#
# The grep baseline is `grep -c -F -f TERMS`, TERMS being every lexicon
# form from data/*.tsv as written plus its lower-case form (grep -F is
# case-sensitive, so this is the cheapest scan that still finds "Leopard"
# and "leopard"; folding diacritics is left out: grep cannot).  Counting
# matching lines, grep stops reading a line at its first match and jumps
# to the next newline; the input is JSON Lines, one document a line, so it
# reads each document up to its first lexicon word (mostly in the first
# few bytes) and no further.  A second baseline therefore finds every
# lexicon word, as an extractor must: `grep -o -w -F -f TERMS | wc -l`.
# Both are printed, with a ratio each.
#
# When the main-text benchmark of issue 9 is present (../shared/peers/html,
# or SL_HTML_BENCH), one more row: `supplyline text` over its dev pages,
# in MB of HTML and pages per second of CPU time (user + system: the
# command runs on one core, and CPU time does not depend on how busy the
# machine is, wall time does).
#
# Environment: BENCH_MB (default 200) size of the main input, BENCH_REPS
# (default 3) runs of -j1 and of -j2 on it, the fastest kept, BENCH_DIR
# where to put it (default a mktemp dir), DATA (default data),
# SL_HTML_BENCH (default ../shared/peers/html).
set -eu
BIN=${1:?usage: bench/run.sh path/to/supplyline}
DATA=${DATA:-data}
MB=${BENCH_MB:-200}
REPS=${BENCH_REPS:-3}
here=$(cd "$(dirname "$0")" && pwd)
tmp=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/slbench.XXXXXX")}
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT INT TERM

if ! command -v python3 >/dev/null 2>&1; then
	echo "bench: python3 is needed to generate the input; skipped" >&2
	exit 0
fi
dev=../shared/eval/dev
if ls "$dev"/*.txt >/dev/null 2>&1; then
	src="--src $dev"
	what="dev articles ($dev)"
else
	echo "bench: $dev is absent; generating from samples/ and tests/cases/ instead" >&2
	src="--src samples --src tests/cases"
	what="samples/ and tests/cases/"
fi

# ---- input ----
terms=$tmp/terms.txt
{
	for f in actors.tsv actors_cased.tsv actor_groups.tsv; do
		[ -f "$DATA/$f" ] && awk -F'\t' '!/^#/ && NF >= 4 { print $4 }' "$DATA/$f"
	done
	awk -F'\t' '!/^#/ && NF >= 4 { print $1; n = split($4, a, "|"); for (i = 1; i <= n; i++) if (a[i] != "-") print a[i] }' "$DATA/systems.tsv" | sed 's/^~//'
	awk -F'\t' '!/^#/ && NF >= 4 { print $4 }' "$DATA/items.tsv"
	for f in cues.tsv grammar_words.tsv; do
		awk -F'\t' '!/^#/ && NF >= 3 { print $3 }' "$DATA/$f" | sed 's/^~//'
	done
} | awk 'NF' > "$terms.raw"
{ cat "$terms.raw"; tr '[:upper:]' '[:lower:]' < "$terms.raw"; } | sort -u > "$terms"

echo "bench: generating ${MB} MB from $what in $tmp" >&2
python3 "$here/gen.py" --format jsonl $src --mb "$MB" --out "$tmp/main.jsonl"
python3 "$here/gen.py" --format jsonl $src --mb 50 --out "$tmp/m50.jsonl"
python3 "$here/gen.py" --format warc $src --mb 50 --out "$tmp/w.warc"
gzip -1 < "$tmp/w.warc" > "$tmp/w.warc.gz"
gzip -1 < "$tmp/m50.jsonl" > "$tmp/m50.jsonl.gz"
python3 "$here/gen.py" --format txtdir $src --mb 20 --out "$tmp/txtgz"
words=
for w in /usr/share/dict/american-english /usr/share/dict/ngerman /usr/share/dict/nederlands /usr/share/dict/french; do
	[ -f "$w" ] && words="$words --words $w"
done
python3 "$here/gen.py" --format noise $words --lexicon "$terms" --mb 100 --out "$tmp/noise.jsonl"

size() { wc -c < "$1" | tr -d ' '; }
dsize() { du -sb "$1" | cut -f1; }

# run LABEL CMD...: wall seconds, peak RSS (KB) and the --stats line
run() {
	label=$1; shift
	/usr/bin/time -f "%e %M %U %S" -o "$tmp/time" "$@" > "$tmp/out" 2> "$tmp/err" || true
	set -- $(cat "$tmp/time" | tail -1)
	secs=$1; rss=$2; cpu=$(awk -v u="$3" -v s="$4" 'BEGIN { print u + s }')
	stats=$(grep 'stats:' "$tmp/err" || true)
}
field() { echo "$stats" | sed -n "s/.* $1 \([0-9.]*\).*/\1/p"; }
rate() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", ((b > 0) ? a / b : 0) }'; }

X="$BIN extract --data $DATA --stats"
# MB/s, docs/s and sentences/s are per wall second; "MB/CPU s" is per
# second of CPU time (user + system), the speed per core, which does not
# depend on how busy the machine is (with -j2 it is the speed of each
# of the two cores).
printf '%-34s %8s %9s %9s %10s %11s %8s %9s\n' "run" "MB" "MB/s" "MB/CPU s" "docs/s" "sentences/s" "RSS MB" "s"
row() {
	mb=$(awk -v b="$2" 'BEGIN { printf "%.0f", b / 1e6 }')
	docs=$(field docs); sents=$(field sentences)
	printf '%-34s %8s %9s %9s %10s %11s %8s %9s\n' "$1" "$mb" "$(rate "$(awk -v b="$2" 'BEGIN { print b / 1e6 }')" "$secs")" \
		"$(rate "$(awk -v b="$2" 'BEGIN { print b / 1e6 }')" "$cpu")" \
		"$(rate "${docs:-0}" "$secs")" "$(rate "${sents:-0}" "$secs")" "$((rss / 1024))" "$secs"
}

B=$(size "$tmp/main.jsonl")
run grep grep -c -F -f "$terms" "$tmp/main.jsonl"; gsecs=$secs
stats=""; row "grep -c -F -f TERMS (baseline)" "$B"
run grepw sh -c 'grep -o -w -F -f "$1" "$2" | wc -l' sh "$terms" "$tmp/main.jsonl"; wsecs=$secs
wmatches=$(tr -d ' ' < "$tmp/out")
stats=""; row "grep -o -w -F -f TERMS | wc -l" "$B"
# -j1 and -j2 on the main input: REPS runs of each, and
# the fastest of each kept (the least disturbed by whatever else the
# machine runs), so the speed-up compares like with like
best() { # best NAME ARGS...: the fastest of REPS runs into $secs etc.
	name=$1; shift
	i=0; bsecs=; bcpu=; brss=; bstats=
	while [ "$i" -lt "$REPS" ]; do
		run "$name" "$@"
		if [ -z "$bsecs" ] || awk -v a="$secs" -v b="$bsecs" 'BEGIN { exit !(a < b) }'; then
			bsecs=$secs; bcpu=$cpu; brss=$rss; bstats=$stats
		fi
		i=$((i + 1))
	done
	secs=$bsecs; cpu=$bcpu; rss=$brss; stats=$bstats
}
best x1 $X "$tmp/main.jsonl"; x1=$secs; x1cpu=$cpu; row "extract -j1 (JSONL, best of $REPS)" "$B"
load=$(field load_ms); skipped1=$(field skipped)
best x2 $X -j2 "$tmp/main.jsonl"; x2=$secs; row "extract -j2 (JSONL, best of $REPS)" "$B"
run np $X --no-prefilter "$tmp/main.jsonl"; row "extract -j1 --no-prefilter" "$B"
run m50 $X "$tmp/m50.jsonl"; rss50=$rss; row "extract -j1, 50 MB" "$(size "$tmp/m50.jsonl")"
# 500 MB: the main file read 2.5 times (several paths, one process)
half=$tmp/half.jsonl
head -c $((B / 2)) "$tmp/main.jsonl" | sed '$d' > "$half"
run m500 $X "$tmp/main.jsonl" "$tmp/main.jsonl" "$half"; rss500=$rss
row "extract -j1, main x2.5" "$((B * 2 + $(size "$half")))"
run gz $X "$tmp/m50.jsonl.gz"; row "extract .jsonl.gz" "$(size "$tmp/m50.jsonl")"
run warc $X "$tmp/w.warc.gz"; row "extract .warc.gz (HTML pages)" "$(size "$tmp/w.warc")"
run txt $X "$tmp/txtgz"; row "extract dir of .txt.gz" "$(dsize "$tmp/txtgz")"
NB=$(size "$tmp/noise.jsonl")
run noise $X "$tmp/noise.jsonl"; nsk=$(field skipped); nd=$(field docs); row "extract, irrelevant text" "$NB"
pre_mbs=$(awk -v b="$(field pre_bytes)" -v ms="$(field pre_ms)" 'BEGIN { printf "%.0f", ((ms > 0) ? b / 1e3 / ms : 0) }')
run noisegrep grep -c -F -f "$terms" "$tmp/noise.jsonl"; stats=""; row "grep, irrelevant text" "$NB"
hpages=${SL_HTML_BENCH:-../shared/peers/html}/dev/pages
html_row=
if ls "$hpages"/*.html >/dev/null 2>&1; then
	HB=$(cat "$hpages"/*.html | wc -c | tr -d ' ')
	run html $BIN text --data "$DATA" "$hpages"
	np=$(wc -l < "$tmp/out" | tr -d ' ')
	hmbs=$(rate "$(awk -v b="$HB" 'BEGIN { print b / 1e6 }')" "$cpu")
	stats=" docs $np"; row "text, HTML pages" "$HB"
	html_row="HTML main text (supplyline text, $np pages of $hpages): $hmbs MB/s of HTML, $(rate "$np" "$cpu") pages/s, per core (${cpu} s of CPU)"
else
	echo "bench: $hpages absent; the HTML main-text row is skipped" >&2
fi

echo
echo "ratio to grep (extract -j1 time / grep time): $(awk -v a="$x1" -v b="$gsecs" 'BEGIN { printf "%.1fx", ((b > 0) ? a / b : 0) }') (grep -c: each line read up to its first match)"
echo "ratio to grep finding every lexicon word: $(awk -v a="$x1" -v b="$wsecs" 'BEGIN { printf "%.2fx", ((b > 0) ? a / b : 0) }') (grep -o -w: ${wmatches} words found)"
echo "extract -j1 per core: $(rate "$(awk -v b="$B" 'BEGIN { print b / 1e6 }')" "$x1cpu") MB per CPU second (user + system)"
echo "speed-up -j2 vs -j1: $(awk -v a="$x1" -v b="$x2" 'BEGIN { printf "%.2fx", ((b > 0) ? a / b : 0) }') ($(nproc) cores)"
echo "peak RSS: $((rss50 / 1024)) MB at 50 MB of input, $((rss500 / 1024)) MB at ~$((B * 25 / 10000000)) MB"
echo "lexicon load (ext_new): ${load} ms"
if [ -n "$html_row" ]; then echo "$html_row"; fi
echo "prefilter: ${nsk}/${nd} irrelevant documents skipped at ${pre_mbs} MB/s (the test alone, one core); ${skipped1} of the main input's documents skipped"
