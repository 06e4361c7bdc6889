#!/bin/bash
# badinput.sh: what supplyline does with hostile or broken input.  Every
# case checks the exit status (0 ok, 1 some input skipped with a warning,
# 2 fatal), the message (naming the file and the place: line, byte
# offset), that nothing crashes or hangs (each run is under a timeout),
# that the rest of the input is still processed, and for ingest that the
# database holds nothing of a document that failed.
#
# Inputs are generated at run time into a temporary directory (the
# 100 MB lines too; BADINPUT_BIG_MB changes their size).
#
#   SL_BIN=build/supplyline tests/badinput.sh
set -u
cd "$(dirname "$0")/.."
bin=${SL_BIN:-build/supplyline}
big_mb=${BADINPUT_BIG_MB:-100}
tmp=$(mktemp -d /tmp/sl-bad.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
. tests/tally.sh

# run NAME WANT [timeout] -- CMD...: runs CMD with stdout in $tmp/NAME.out,
# stderr in $tmp/NAME.err, and checks its exit status.
run() {
	local name=$1 want=$2 limit=30
	shift 2
	if [ "$1" != "--" ]; then limit=$1; shift; fi
	shift
	timeout "$limit" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
	local got=$?
	if [ "$got" = 124 ]; then
		bad "$name: still running after ${limit}s"
	elif [ "$got" -ge 128 ]; then
		bad "$name: killed by signal $((got - 128))"; sed 's/^/  /' "$tmp/$name.err" | tail -5 >&2
	elif [ "$got" != "$want" ]; then
		bad "$name: exit $got, want $want"; sed 's/^/  /' "$tmp/$name.err" | tail -5 >&2
	else
		ok
	fi
}
# says NAME TEXT: stderr of NAME holds TEXT (fixed string).
says() {
	if grep -qF -- "$2" "$tmp/$1.err"; then ok; else
		bad "$1: message lacks '$2'; got:"; sed 's/^/  /' "$tmp/$1.err" | head -5 >&2
	fi
}
quiet() { check "$1: no message" test ! -s "$tmp/$1.err"; }
# records NAME [python condition on the list rs]: stdout of NAME is valid
# JSON Lines in valid UTF-8 and the condition holds.
records() {
	local name=$1 cond=${2:-True}
	if python3 - "$tmp/$name.out" "$cond" <<'PY'; then ok; else bad "$name: records: $cond"; fi
import json, sys
raw = open(sys.argv[1], "rb").read()
text = raw.decode("utf-8")            # strict: invalid UTF-8 fails
rs = [json.loads(l, parse_constant=lambda c: sys.exit("non-finite number " + c))
      for l in text.splitlines() if l]
by = lambda doc: [r for r in rs if r["doc"] == doc]
sys.exit(0 if eval(sys.argv[2]) else 1)
PY
}
# sql DB QUERY: prints the query's result (sqlite3 CLI).
sql() { sqlite3 -batch -noheader "$1" "$2"; }

ua='Duitsland levert 10 tanks aan Oekraïne.'
fr='Frankrijk levert 5 tanks aan Oekraïne.'

# --- invalid UTF-8 and NUL bytes: repaired to U+FFFD, the record kept ----
printf 'Nederland levert \377\376 tanks\300\200 aan Oekra\303.\nNederland levert 3 tanks \355\240\200 aan Oekraïne.\n' >"$tmp/utf8.txt"
run utf8 0 -- "$bin" extract "$tmp/utf8.txt"
records utf8 "len(rs) >= 1 and all(r['doc'] == 'utf8' for r in rs) and any('\ufffd' in r['evidence'] for r in rs)"
printf 'Nederland\000 levert 3 tanks\000 aan Oekraïne.\n' >"$tmp/nul.txt"
run nul-txt 0 -- "$bin" extract "$tmp/nul.txt"
records nul-txt "len(rs) == 1 and '\x00' not in rs[0]['evidence'] and '\ufffd' in rs[0]['evidence']"
printf '{"id":"n1","text":"Nederland levert 3 tanks\\u0000 aan Oekra\\u00efne."}\n' >"$tmp/nul.jsonl"
run nul-jsonl 0 -- "$bin" extract "$tmp/nul.jsonl"
records nul-jsonl "len(by('n1')) == 1 and '\x00' not in rs[0]['evidence']"

# --- a 100 MB single line: one hostile "word", then a normal document ---
python3 - "$tmp" "$big_mb" "$ua" <<'PY'
import sys, json
d, mb, ua = sys.argv[1], int(sys.argv[2]), sys.argv[3]
word = "a" * (mb * 1024 * 1024)
with open(d + "/big.txt", "w") as f:
    f.write(word + "\n" + ua + "\n")
with open(d + "/big.jsonl", "w") as f:
    f.write(json.dumps({"id": "big", "text": word}) + "\n")
    f.write(json.dumps({"id": "after", "text": ua}, ensure_ascii=False) + "\n")
PY
run big-txt 0 90 -- "$bin" extract "$tmp/big.txt"
records big-txt "len(rs) == 1 and rs[0]['donor'] == 'DE' and rs[0]['quantity'] == 10"
run big-jsonl 0 90 -- "$bin" extract "$tmp/big.jsonl"
records big-jsonl "len(by('after')) == 1 and not by('big')"
rm -f "$tmp/big.txt" "$tmp/big.jsonl"

# --- a broken JSON line: skipped with file:line, the rest processed -----
{
	printf '{"id":"j1","text":"%s"}\n' "$ua"
	printf '{"id":"j2","text":"no closing quote\n'
	printf '[1, 2, 3]\n'
	printf '{"id":"j4","text":"%s"}\n' "$fr"
} >"$tmp/broken.jsonl"
run jsonl 1 -- "$bin" extract "$tmp/broken.jsonl"
says jsonl "$tmp/broken.jsonl:2:"
says jsonl "$tmp/broken.jsonl:3:"
records jsonl "len(by('j1')) == 1 and len(by('j4')) == 1 and not by('j2')"

# --- a truncated gzip stream: the complete lines before the cut kept ----
for i in $(seq 1 60); do
	printf '{"id":"g%02d","text":"Duitsland levert %d tanks aan Oekraïne. Het weer was mooi, zei men op dag %d."}\n' "$i" "$i" "$i"
done | gzip -9 >"$tmp/full.jsonl.gz"
size=$(wc -c <"$tmp/full.jsonl.gz")
head -c $((size / 2)) "$tmp/full.jsonl.gz" >"$tmp/cut.jsonl.gz"
run gzip 1 -- "$bin" extract "$tmp/cut.jsonl.gz"
says gzip "$tmp/cut.jsonl.gz: truncated gzip data at byte offset $((size / 2))"
records gzip "len(rs) >= 5 and all(r['quantity'] == int(r['doc'][1:]) for r in rs)"
head -c 20 "$tmp/full.jsonl.gz" >"$tmp/header.txt.gz"
run gzip-header 1 -- "$bin" extract "$tmp/header.txt.gz"
says gzip-header "$tmp/header.txt.gz: truncated gzip data"

# --- a WARC record with a wrong Content-Length: skipped, the next read ---
warc_rec() { # uri body length
	printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2022-03-01T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %s\r\n\r\n' "$1" "$3"
	printf '%s' "$2"
	printf '\r\n\r\n'
}
http() { printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>%s</p></body></html>' "$1"; }
b1=$(http "$ua"); b2=$(http "$fr")
n1=$(printf '%s' "$b1" | wc -c); n2=$(printf '%s' "$b2" | wc -c)
{ warc_rec http://news.example/a "$b1" $((n1 + 37)); warc_rec http://news.example/b "$b2" "$n2"; } >"$tmp/long.warc"
run warc-long 1 -- "$bin" extract "$tmp/long.warc"
says warc-long "$tmp/long.warc: record at byte offset 0: Content-Length $((n1 + 37))"
records warc-long "len(by('http://news.example/b')) == 1 and not by('http://news.example/a')"
{ warc_rec http://news.example/a "$b1" 12; warc_rec http://news.example/b "$b2" "$n2"; } >"$tmp/short.warc"
run warc-short 1 -- "$bin" extract "$tmp/short.warc"
says warc-short "$tmp/short.warc: record at byte offset 0: Content-Length 12"
records warc-short "len(by('http://news.example/b')) == 1"
{ warc_rec http://news.example/a "$b1" 99999999999999999999999; warc_rec http://news.example/b "$b2" "$n2"; } >"$tmp/huge.warc"
run warc-huge 1 -- "$bin" extract "$tmp/huge.warc"
says warc-huge "$tmp/huge.warc: record at byte offset 0:"
records warc-huge "len(by('http://news.example/b')) == 1"

# --- absurd numbers: no value rather than inf, nan or a wrapped integer --
printf '%s\n' 'Duitsland levert 10^400 granaten aan Oekraïne.' \
	'Nederland levert 999999999999999999999 miljard granaten aan Oekraïne.' \
	'Frankrijk levert 1e400 granaten aan Oekraïne.' \
	'Belgie levert Oekraïne munitie ter waarde van 2 miljard euro.' >"$tmp/numbers.txt"
run numbers 0 -- "$bin" extract "$tmp/numbers.txt"
quiet numbers
records numbers "[r['quantity'] for r in rs if r['donor'] in ('DE', 'NL', 'FR')] == [None, None, None] and any(r['value'] == 2e9 for r in rs)"
printf 'Germany sends 999999999999999999999 billion dollars and 18446744073709551617 tanks to Ukraine.\n' >"$tmp/numbers_en.txt"
run numbers-en 0 -- "$bin" extract "$tmp/numbers_en.txt"
records numbers-en "all(r['quantity'] is None or r['quantity'] < 1e15 for r in rs) and all(r['value'] is None or r['value'] < 1e20 for r in rs)"

# --- empty files: nothing to say, nothing stored -------------------------
mkdir "$tmp/empty"
for f in a.txt b.jsonl c.html d.warc e.txt.gz; do : >"$tmp/empty/$f"; done
printf '' | gzip >"$tmp/empty/f.jsonl.gz"
printf '\n\n\n' >"$tmp/empty/g.jsonl"
run empty 0 -- "$bin" extract "$tmp/empty"
check "empty: no records" test ! -s "$tmp/empty.out"
run empty-ingest 0 -- "$bin" ingest --db "$tmp/empty.db" "$tmp/empty"
check "empty-ingest: no records stored" test "$(sql "$tmp/empty.db" 'SELECT count(*) FROM records')" = 0

# --- unreadable entries in a directory: warned, the rest read -----------
mkdir "$tmp/dir"
printf '%s\n' "$ua" >"$tmp/dir/good.txt"
ln -s "$tmp/nowhere.txt" "$tmp/dir/dangling.txt"
ln -s loop.txt "$tmp/dir/loop.txt"
mkfifo "$tmp/dir/fifo.txt"
run dir 1 -- "$bin" extract "$tmp/dir" "$tmp/missing.txt"
says dir "$tmp/dir/dangling.txt: No such file or directory"
says dir "$tmp/dir/loop.txt: Too many levels of symbolic links"
says dir "$tmp/missing.txt: No such file or directory"
records dir "len(by('good')) == 1"

# --- ingest keeps nothing of a document it could not read ---------------
mkdir "$tmp/mixed"
cp "$tmp/broken.jsonl" "$tmp/cut.jsonl.gz" "$tmp/long.warc" "$tmp/utf8.txt" "$tmp/mixed/"
ln -s "$tmp/nowhere.txt" "$tmp/mixed/dangling.txt"
run mixed-extract 1 -- "$bin" extract "$tmp/mixed"
run mixed-ingest 1 -- "$bin" ingest --db "$tmp/mixed.db" "$tmp/mixed"
says mixed-ingest "broken.jsonl:2:"
says mixed-ingest "cut.jsonl.gz: truncated gzip data"
says mixed-ingest "dangling.txt: No such file or directory"
# every stored document has exactly the records extract gives for it, and
# no skipped document (j2, the cut gzip line, the bad WARC record) is there
sql "$tmp/mixed.db" 'SELECT d.id, (SELECT count(*) FROM records r WHERE r.doc_id = d.id) FROM documents d ORDER BY 1' >"$tmp/stored"
python3 - "$tmp/mixed-extract.out" "$tmp/stored" <<'PY' || bad "mixed-ingest: stored documents match extract"
import json, sys, collections
want = collections.Counter(json.loads(l)["doc"] for l in open(sys.argv[1], encoding="utf-8") if l.strip())
got = {}
for l in open(sys.argv[2], encoding="utf-8"):
    doc, n = l.rstrip("\n").rsplit("|", 1)
    got[doc] = int(n)
for doc, n in want.items():
    if got.get(doc) != n:
        sys.exit("document %s: %s records stored, extract gives %d" % (doc, got.get(doc), n))
for skipped in ("j2", "http://news.example/a"):
    if skipped in got:
        sys.exit("skipped document %s was stored" % skipped)
PY
[ $? = 0 ] && ok
check "mixed-ingest: integrity" test "$(sql "$tmp/mixed.db" 'PRAGMA integrity_check')" = ok

# --- a malformed data-file line: fatal, names file and line --------------
# Every data file a command reads must reject a line with too many fields;
# these at least are read by extract.
core="actors.tsv actors_cased.tsv actor_groups.tsv systems.tsv items.tsv cues.tsv numbers.tsv currencies.tsv dates.tsv stopwords.tsv boilerplate.tsv"
rejected=""
for f in data/*.tsv; do
	b=$(basename "$f")
	rm -rf "$tmp/data"
	cp -r data "$tmp/data"
	n=$(($(wc -l <"$f") + 1))
	printf 'x\tx\tx\tx\tx\tx\tx\tx\tx\tx\tx\tx\tx\tx\tx\tx\tx\n' >>"$tmp/data/$b"
	printf '%s\n' "$ua" >"$tmp/one.txt"
	timeout 30 "$bin" extract --data "$tmp/data" "$tmp/one.txt" >"$tmp/data.out" 2>"$tmp/data.err"
	rc=$?
	if [ "$rc" = 2 ]; then
		check "data $b: message names $tmp/data/$b:$n:" grep -qF "$tmp/data/$b:$n:" "$tmp/data.err"
		check "data $b: no output" test ! -s "$tmp/data.out"
		rejected="$rejected $b"
	elif [ "$rc" != 0 ]; then
		bad "data $b: exit $rc, want 2 (or 0 for a file extract does not read)"
	fi
done
for b in $core; do
	case " $rejected " in *" $b "*) ok ;; *) bad "data $b: a malformed line is not rejected" ;; esac
done
rm -rf "$tmp/data"; cp -r data "$tmp/data"
printf 'nl\tdelivered\n' >>"$tmp/data/cues.tsv"
n=$(wc -l <"$tmp/data/cues.tsv")
run data-ingest 2 -- "$bin" ingest --db "$tmp/data.db" --data "$tmp/data" "$tmp/dir/good.txt"
says data-ingest "$tmp/data/cues.tsv:$n: expected 3 tab-separated fields, found 2"
if [ -e "$tmp/data.db" ]; then
	check "data-ingest: nothing stored" test "$(sql "$tmp/data.db" 'SELECT count(*) FROM documents')" = 0
fi

tally badinput
