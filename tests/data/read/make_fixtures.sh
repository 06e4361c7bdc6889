#!/bin/sh
# Regenerates the binary and byte-exact fixtures of tests/unit/test_read.c
# (gzip files, WARC files, non-UTF-8 text, the directory tree with its
# symlinks).  Run from anywhere; the generated files are committed so the
# tests never need this script.  Plain-text fixtures are kept by hand.
set -eu
cd "$(dirname "$0")"
export LC_ALL=C

# --- text with invalid UTF-8 and a NUL -----------------------------------
# \351 (a lone lead byte), \000, \377 and \376: four replacements.
printf 'Caf\351 au lait\000 and \377\376 end.\n' > bad_utf8.txt

# --- JSON Lines with broken lines in the middle --------------------------
{
	printf '%s\n' '{"id": "j1", "text": " date 2022-05-02 Het leger ontvangt drones.", "url": "https://a.example/1"}'
	printf '%s\n' '{"id": "j2", "text": "broken line without closing brace"'
	printf '%s\n' '{"id": "j3", "title": "no text field"}'
	printf '%s\n' '{"id": "j4", "text": 42}'
	printf '%s\n' ''
	printf '%s\n' '{"id": "j5", "text": "Frankreich liefert Helme.", "date": "2022-06-07T08:00:00Z", "lang": "de", "title": "Helme"}'
	printf '%s\377%s\n' '{"id": 6, "text": "A NUL\u0000here and a bad byte: ' '.", "date": "2021-09"}'
} > docs.jsonl

# --- gzip ---------------------------------------------------------------
printf ' date 2021-12-24 Les soldats reçoivent des gilets pare-balles.\n' | gzip -n -9 > note.txt.gz

# A JSON Lines stream of 300 documents, cut at two thirds of its
# compressed size: the first documents must still come out.
i=1
while [ $i -le 300 ]; do
	printf '{"id": "t%d", "text": "Document number %d mentions %d trucks and %d rifles."}\n' \
		$i $i $((i * 7 % 101)) $((i * 13 % 97))
	i=$((i + 1))
done | gzip -n -9 > full.tmp
size=$(wc -c < full.tmp)
head -c $((size * 2 / 3)) full.tmp > truncated.jsonl.gz
rm -f full.tmp

# --- HTML in windows-1252 ------------------------------------------------
printf '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Gr\374\337e aus K\366ln</title></head><body><article>
<p>Die Stadt K\366ln schickt Gr\374\337e und einen Scheck \374ber 500 \200 an die Partnerstadt.</p>
<p>Der B\374rgermeister sagte, die Hilfe werde \204schnell und unb\374rokratisch\223 ankommen.</p>
</article></body></html>\n' > cp1252.html
# no declaration and not valid UTF-8: read as windows-1252 too
printf '<html><body><p>Le minist\350re de la D\351fense a livr\351 des v\351hicules blind\351s \340 l\047arm\351e, selon un communiqu\351 publi\351 jeudi.</p></body></html>\n' > nodecl.html

# --- WARC ---------------------------------------------------------------
# record TYPE URI DATE CONTENT-TYPE FILE [LENGTH]: one WARC record, the
# Content-Length taken from FILE unless LENGTH overrides it.
record() {
	len=${6:-$(wc -c < "$5")}
	printf 'WARC/1.0\r\nWARC-Type: %s\r\n' "$1"
	[ -n "$2" ] && printf 'WARC-Target-URI: %s\r\n' "$2"
	printf 'WARC-Date: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\nContent-Type: %s\r\nContent-Length: %s\r\n\r\n' \
		"$3" "$(printf '%s%s' "$1" "$2" | cksum | cut -d' ' -f1)" "$4" "$len"
	cat "$5"
	printf '\r\n\r\n'
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

printf 'software: make_fixtures.sh\r\nformat: WARC File Format 1.0\r\n' > "$tmp/info"
printf 'GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n' > "$tmp/req"

cat > "$tmp/page_a.html" <<'EOF'
<html><head><title>Page A</title><meta name="date" content="2023-02-01"></head>
<body><nav>Menu links</nav><article><h1>Page A</h1>
<p>Norway announced that it will donate eight tanks to the army, the minister said.</p>
<p>The tanks will be delivered within the next three months, according to officials.</p>
</article></body></html>
EOF
{ printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n'
  printf 'Content-Length: %s\r\n\r\n' "$(wc -c < "$tmp/page_a.html")"
  cat "$tmp/page_a.html"; } > "$tmp/resp_a"

printf '\211PNG\r\n\032\nnot really an image' > "$tmp/png"
{ printf 'HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n'; cat "$tmp/png"; } > "$tmp/resp_png"

cat > "$tmp/page_bad.html" <<'EOF'
<html><body><p>This page has a wrong Content-Length and must not become a document.</p></body></html>
EOF
{ printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n'; cat "$tmp/page_bad.html"; } > "$tmp/resp_bad"

cat > "$tmp/page_404.html" <<'EOF'
<html><body><p>Not found, this error page is no document.</p></body></html>
EOF
{ printf 'HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n'; cat "$tmp/page_404.html"; } > "$tmp/resp_404"

# page B: no date in the page (WARC-Date is the fallback), gzip content
# encoding inside chunked transfer encoding
cat > "$tmp/page_b.html" <<'EOF'
<html><head><title>Pagina B</title></head><body><div class="content">
<p>Nederland levert vijftig vrachtwagens aan het leger, zo meldt het ministerie.</p>
<p>De eerste voertuigen zijn volgens een woordvoerder al onderweg naar de grens.</p>
</div><div class="footer-links"><a href="/x">Over ons</a></div></body></html>
EOF
gzip -n -9 -c "$tmp/page_b.html" > "$tmp/page_b.gz"
gzsize=$(wc -c < "$tmp/page_b.gz")
half=$((gzsize / 2))
{ printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html;charset=ISO-8859-1\r\n'
  printf 'Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n'
  printf '%x\r\n' "$half"; head -c "$half" "$tmp/page_b.gz"; printf '\r\n'
  printf '%x\r\n' $((gzsize - half)); tail -c $((gzsize - half)) "$tmp/page_b.gz"; printf '\r\n'
  printf '0\r\n\r\n'; } > "$tmp/resp_b"

record warcinfo "" 2023-03-01T10:00:00Z application/warc-fields "$tmp/info" > "$tmp/r0"
record request https://news.example/a 2023-03-01T10:00:01Z 'application/http; msgtype=request' "$tmp/req" > "$tmp/r1"
record response https://news.example/a 2023-03-01T10:00:02Z 'application/http; msgtype=response' "$tmp/resp_a" > "$tmp/r2"
record response https://news.example/logo.png 2023-03-01T10:00:03Z 'application/http; msgtype=response' "$tmp/resp_png" > "$tmp/r3"
# declared 20 bytes short: the record does not end where it says
record response https://news.example/bad 2023-03-01T10:00:04Z 'application/http; msgtype=response' "$tmp/resp_bad" \
	$(( $(wc -c < "$tmp/resp_bad") - 20 )) > "$tmp/r4"
record response https://news.example/missing 2023-03-01T10:00:05Z 'application/http; msgtype=response' "$tmp/resp_404" > "$tmp/r5"
record response https://news.example/b 2023-03-02T11:00:00Z 'application/http; msgtype=response' "$tmp/resp_b" > "$tmp/r6"

cat "$tmp/r0" "$tmp/r1" "$tmp/r2" "$tmp/r3" "$tmp/r4" "$tmp/r5" "$tmp/r6" > crawl.warc
: > crawl.warc.gz
for r in r0 r1 r2 r3 r4 r5 r6; do gzip -n -9 -c "$tmp/$r" >> crawl.warc.gz; done
# the offset of the bad record, recorded for the test
cat "$tmp/r0" "$tmp/r1" "$tmp/r2" "$tmp/r3" | wc -c | tr -d ' ' > crawl.bad_offset
# cut in the middle of page B's record: page A survives
total=$(wc -c < crawl.warc)
head -c $((total - 100)) crawl.warc > crawl_cut.warc

# --- directory tree -------------------------------------------------------
rm -rf tree
mkdir -p tree/sub
printf 'Erster Text.\n' > tree/a.txt
printf '%s\n' '{"id": "b1", "text": "first"}' '{"id": "b2", "text": "second"}' > tree/b.jsonl
printf 'hidden\n' > tree/.hidden.txt
printf 'not a document\n' > tree/notes.md
printf 'Derde tekst.\n' > tree/sub/c.txt
printf '<html><body><p>Vierter Text im Unterordner.</p></body></html>\n' > tree/sub/d.html
printf 'Cinquième texte.\n' | gzip -n > tree/z.txt.gz
ln -s does-not-exist.txt tree/gone.txt
ln -s . tree/loop
ln -s .. tree/sub/up
