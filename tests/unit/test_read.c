/*
 * test_read: the document readers against the fixtures in
 * tests/data/read/ (see make_fixtures.sh there for the binary ones):
 * the date header (table in headers.tsv), txt/jsonl/html/warc files,
 * gzip (whole, truncated, multi-member), directory walking with hidden
 * files, unknown extensions, a dangling symlink and symlink loops, stdin
 * sniffing and in-memory input.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "read/doc.h"
#include "read/html.h"
#include "base/utf8.h"

/* ---- helpers ------------------------------------------------------------ */

typedef struct warns {
	char *msg[64];
	size_t n;
} warns;

static void on_warn(void *ctx, const char *msg)
{
	warns *w = ctx;
	if (w->n < 64)
		w->msg[w->n++] = xstrdup(msg);
}

static void warns_free(warns *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->msg[i]);
	w->n = 0;
}

static int warns_has(const warns *w, const char *a, const char *b)
{
	for (size_t i = 0; i < w->n; i++)
		if (strstr(w->msg[i], a) && (!b || strstr(w->msg[i], b)))
			return 1;
	return 0;
}

/* A copy of every document a reader produced. */
typedef struct docs {
	doc d[400];
	size_t n;
	size_t warnings;
} docs;

static void copy_doc(doc *dst, const doc *s)
{
	doc_init(dst);
	dst->id = s->id ? xstrdup(s->id) : NULL;
	dst->url = s->url ? xstrdup(s->url) : NULL;
	dst->lang = s->lang ? xstrdup(s->lang) : NULL;
	dst->date = s->date ? xstrdup(s->date) : NULL;
	dst->title = s->title ? xstrdup(s->title) : NULL;
	dst->text = xstrndup(s->text, s->len);
	dst->source = s->source ? xstrdup(s->source) : NULL;
	dst->len = s->len;
	dst->body = s->body;
	dst->repaired = s->repaired;
	dst->line = s->line;
}

static void drain(reader *r, docs *out)
{
	doc *d;
	sl_err e;
	int rc;
	out->n = 0;
	while ((rc = reader_next(r, &d, &e)) == SL_OK) {
		assert_true(out->n < 400);
		/* the doc contract: valid UTF-8, no NUL inside, NUL-terminated */
		assert_non_null(d->text);
		assert_int_equal(strlen(d->text), d->len);
		buf chk = BUF_INIT;
		assert_int_equal(utf8_clean(&chk, d->text, d->len), 0);
		buf_release(&chk);
		assert_true(d->body <= d->len);
		assert_non_null(d->id);
		copy_doc(&out->d[out->n++], d);
	}
	assert_int_equal(rc, SL_DONE);
	out->warnings = reader_warnings(r);
	reader_free(r);
}

static void docs_free(docs *ds)
{
	for (size_t i = 0; i < ds->n; i++)
		doc_release(&ds->d[i]);
	ds->n = 0;
}

static const char *fixture(const char *name)
{
	static char path[16][1024];
	static int k;
	const char *t = getenv("SL_TESTS");
	k = (k + 1) % 16;
	snprintf(path[k], sizeof path[k], "%s/data/read/%s", t ? t : "tests", name);
	return path[k];
}

static void read_paths(const char *const *names, size_t n, docs *out, warns *w)
{
	const char *p[8];
	for (size_t i = 0; i < n; i++)
		p[i] = fixture(names[i]);
	drain(reader_new(p, n, on_warn, w), out);
}

static void read_one(const char *name, docs *out, warns *w)
{
	read_paths(&name, 1, out, w);
}

static const doc *find(const docs *ds, const char *id)
{
	for (size_t i = 0; i < ds->n; i++)
		if (!strcmp(ds->d[i].id, id))
			return &ds->d[i];
	return NULL;
}

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	buf b = BUF_INIT;
	char tmp[65536];
	size_t k;
	while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
		buf_add(&b, tmp, k);
	fclose(f);
	return buf_detach(&b, n);
}

/* ---- header table ---------------------------------------------------------- */

static void unescape(buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n) {
			char c = s[++i];
			buf_addc(b, c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c);
		} else {
			buf_addc(b, s[i]);
		}
	}
}

static void test_header_table(void **state)
{
	(void)state;
	size_t n;
	char *all = slurp(fixture("headers.tsv"), &n);
	size_t cases = 0, lineno = 0;
	for (char *line = all, *next; line && *line; line = next) {
		char *nl = strchr(line, '\n');
		next = nl ? nl + 1 : NULL;
		if (nl)
			*nl = '\0';
		lineno++;
		if (line[0] == '#' || !line[0])
			continue;
		char *t1 = strchr(line, '\t');
		char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
		if (!t1 || !t2)
			fail_msg("headers.tsv:%zu: needs three fields", lineno);
		buf in = BUF_INIT;
		unescape(&in, line, (size_t)(t1 - line));
		*t2 = '\0';
		const char *want_date = t1 + 1;
		size_t want_body = strtoul(t2 + 1, NULL, 10);
		doc d;
		doc_init(&d);
		d.text = buf_detach(&in, &d.len);
		doc_parse_header(&d);
		if (!strcmp(want_date, "-")) {
			if (d.date)
				fail_msg("headers.tsv:%zu: unexpected date %s", lineno, d.date);
		} else {
			if (!d.date || strcmp(d.date, want_date))
				fail_msg("headers.tsv:%zu: date %s, want %s", lineno, d.date ? d.date : "none",
				         want_date);
		}
		if (d.body != want_body)
			fail_msg("headers.tsv:%zu: body %zu, want %zu", lineno, d.body, want_body);
		doc_release(&d);
		cases++;
	}
	free(all);
	assert_true(cases >= 15);
}

/* ---- txt ----------------------------------------------------------------- */

static void test_txt(void **state)
{
	(void)state;
	const char *names[] = { "header_same_line.txt", "header_newline.txt", "no_header.txt",
	                        "bad_utf8.txt", "bad_header.txt" };
	docs ds;
	warns w = { 0 };
	read_paths(names, 5, &ds, &w);
	assert_int_equal(ds.n, 5);
	assert_int_equal(ds.warnings, 0);

	const doc *d = &ds.d[0];
	assert_string_equal(d->id, "header_same_line");
	assert_string_equal(d->date, "2022-03");
	assert_int_equal(d->body, 14);
	assert_true(!strncmp(d->text, " date 2022-03 Het kabinet", 25)); /* header kept */
	assert_true(!strncmp(d->text + d->body, "Het kabinet", 11));
	assert_true(strstr(d->text, "Oekraïne") != NULL);
	assert_int_equal(d->repaired, 0);
	assert_string_equal(d->source, fixture("header_same_line.txt"));

	d = &ds.d[1];
	assert_string_equal(d->id, "header_newline");
	assert_string_equal(d->date, "2023-01-15");
	assert_int_equal(d->body, 16);
	assert_true(!strncmp(d->text + d->body, "The government", 14));

	d = &ds.d[2];
	assert_string_equal(d->id, "no_header");
	assert_null(d->date);
	assert_int_equal(d->body, 0);

	d = &ds.d[3];
	assert_string_equal(d->id, "bad_utf8");
	assert_int_equal(d->repaired, 4);
	assert_string_equal(d->text, "Caf\xEF\xBF\xBD au lait\xEF\xBF\xBD and \xEF\xBF\xBD\xEF\xBF\xBD end.\n");

	d = &ds.d[4];
	assert_null(d->date);
	assert_int_equal(d->body, 0);
	docs_free(&ds);
	warns_free(&w);
}

/* ---- jsonl ---------------------------------------------------------------- */

static void test_jsonl(void **state)
{
	(void)state;
	docs ds;
	warns w = { 0 };
	read_one("docs.jsonl", &ds, &w);
	assert_int_equal(ds.n, 3);
	assert_int_equal(ds.warnings, 3);
	assert_int_equal(w.n, 3);
	assert_true(warns_has(&w, "docs.jsonl:2: invalid JSON", NULL));
	assert_true(warns_has(&w, "docs.jsonl:3: missing \"text\"", NULL));
	assert_true(warns_has(&w, "docs.jsonl:4: \"text\" is not a string", NULL));

	const doc *d = &ds.d[0];
	assert_string_equal(d->id, "j1");
	assert_int_equal(d->line, 1);
	assert_string_equal(d->date, "2022-05-02");
	assert_int_equal(d->body, 17);
	assert_string_equal(d->text + d->body, "Het leger ontvangt drones.");
	assert_string_equal(d->url, "https://a.example/1");
	assert_null(d->title);

	d = &ds.d[1];
	assert_string_equal(d->id, "j5");
	assert_int_equal(d->line, 6);
	assert_string_equal(d->date, "2022-06-07"); /* from the field, normalised */
	assert_int_equal(d->body, 0);
	assert_string_equal(d->lang, "de");
	assert_string_equal(d->title, "Helme");

	d = &ds.d[2];
	assert_string_equal(d->id, "6"); /* a numeric id is accepted */
	assert_int_equal(d->line, 7);
	assert_string_equal(d->date, "2021-09");
	assert_int_equal(d->repaired, 2); /* \u0000 and a raw \377 */
	assert_string_equal(d->text, "A NUL\xEF\xBF\xBDhere and a bad byte: \xEF\xBF\xBD.");
	docs_free(&ds);
	warns_free(&w);
}

/* A line far longer than the read buffer. */
static void test_jsonl_long_line(void **state)
{
	(void)state;
	size_t big = 3u << 20;
	buf in = BUF_INIT;
	buf_adds(&in, "{\"id\": \"long\", \"text\": \"");
	for (size_t i = 0; i < big / 10; i++)
		buf_adds(&in, "word word ");
	buf_adds(&in, "end\"}\n{\"id\": \"after\", \"text\": \"x\"}\n");
	docs ds;
	warns w = { 0 };
	drain(reader_new_mem("big.jsonl", in.p, in.len, on_warn, &w), &ds);
	assert_int_equal(ds.n, 2);
	assert_int_equal(ds.d[0].len, big / 10 * 10 + 3);
	assert_string_equal(ds.d[1].id, "after");
	assert_int_equal(ds.d[1].line, 2);
	docs_free(&ds);
	buf_release(&in);
}

/* ---- gzip ----------------------------------------------------------------- */

static void test_gz(void **state)
{
	(void)state;
	docs ds;
	warns w = { 0 };
	read_one("note.txt.gz", &ds, &w);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.warnings, 0);
	assert_string_equal(ds.d[0].id, "note");
	assert_string_equal(ds.d[0].date, "2021-12-24");
	assert_int_equal(ds.d[0].body, 17);
	assert_string_equal(ds.d[0].text + ds.d[0].body, "Les soldats reçoivent des gilets pare-balles.\n");
	docs_free(&ds);
}

static void test_gz_truncated(void **state)
{
	(void)state;
	docs ds;
	warns w = { 0 };
	const char *path = fixture("truncated.jsonl.gz");
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	read_one("truncated.jsonl.gz", &ds, &w);
	/* the documents before the cut survive, in order */
	assert_true(ds.n >= 100);
	assert_true(ds.n < 300);
	for (size_t i = 0; i < ds.n; i++) {
		char id[32];
		snprintf(id, sizeof id, "t%zu", i + 1);
		assert_string_equal(ds.d[i].id, id);
	}
	char want[64];
	snprintf(want, sizeof want, "truncated gzip data at byte offset %lld", (long long)st.st_size);
	assert_true(warns_has(&w, "truncated.jsonl.gz", want));
	assert_true(ds.warnings >= 1);
	docs_free(&ds);
	warns_free(&w);
}

/* ---- html ----------------------------------------------------------------- */

static void test_html_article(void **state)
{
	(void)state;
	docs ds;
	warns w = { 0 };
	read_one("article.html", &ds, &w);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.warnings, 0);
	const doc *d = &ds.d[0];
	assert_string_equal(d->id, "article");
	assert_string_equal(d->title, "Ministry confirms radar delivery");
	assert_string_equal(d->date, "2023-04-05");
	assert_string_equal(d->url, "https://herald.example/world/radar-delivery");
	assert_string_equal(d->lang, "en");
	assert_int_equal(d->body, 0);
	/* title line, blank line, then the body; the h1 is not repeated */
	assert_true(!strncmp(d->text, "Ministry confirms radar delivery\n\nThe defence ministry", 54));
	assert_null(strstr(d->text + 34, "Ministry confirms radar delivery"));
	/* article text, one block a line */
	assert_non_null(strstr(d->text, "\nThe two radar systems arrived at an undisclosed location last week, "
	                                "a spokesperson said in a statement to reporters.\n"));
	assert_non_null(strstr(d->text, "completed in March & April."));
	assert_non_null(strstr(d->text, "\nFurther support\n"));
	assert_non_null(strstr(d->text, "\nTwo radar systems\nSpare parts for two years"));
	/* boilerplate gone */
	assert_null(strstr(d->text, "cookies"));
	assert_null(strstr(d->text, "Reader comment"));
	assert_null(strstr(d->text, "World news"));
	assert_null(strstr(d->text, "Share on social"));
	assert_null(strstr(d->text, "Sidebar story"));
	assert_null(strstr(d->text, "Copyright"));
	assert_null(strstr(d->text, "script text"));
	assert_null(strstr(d->text, "color"));
	docs_free(&ds);
}

static void test_html_charsets(void **state)
{
	(void)state;
	const char *names[] = { "cp1252.html", "nodecl.html" };
	docs ds;
	warns w = { 0 };
	read_paths(names, 2, &ds, &w);
	assert_int_equal(ds.n, 2);
	assert_string_equal(ds.d[0].title, "Grüße aus Köln");
	assert_non_null(strstr(ds.d[0].text, "einen Scheck über 500 € an die Partnerstadt."));
	assert_non_null(strstr(ds.d[0].text, "\xE2\x80\x9Eschnell und unbürokratisch\xE2\x80\x9C"));
	assert_int_equal(ds.d[0].repaired, 0);
	assert_null(ds.d[1].title);
	assert_string_equal(ds.d[1].text, "Le ministère de la Défense a livré des véhicules blindés à "
	                                  "l'armée, selon un communiqué publié jeudi.");
	docs_free(&ds);
}

static void test_html_jsonld(void **state)
{
	(void)state;
	docs ds;
	warns w = { 0 };
	read_one("jsonld.html", &ds, &w);
	assert_int_equal(ds.n, 1);
	const doc *d = &ds.d[0];
	assert_string_equal(d->date, "2022-11-30");
	assert_string_equal(d->title, "Hilfspaket beschlossen"); /* site suffix cut */
	assert_non_null(strstr(d->text, "\nDer Bundestag hat am Mittwoch"));
	assert_non_null(strstr(d->text, "stimmte dem Paket aber zu."));
	assert_null(strstr(d->text, "Weitere Nachrichten"));
	assert_null(strstr(d->text, "Wirtschaft"));
	docs_free(&ds);
}

/* html_extract on its own, as the benchmark uses it. */
static void test_html_extract_api(void **state)
{
	(void)state;
	buf t = BUF_INIT;
	char *title = NULL, *date = NULL;
	/* charset from the caller (an HTTP header), not from the page */
	const char page[] = "<p>Stra\337e nach M\374nchen wird f\374r Konvois gesperrt, "
	                    "teilte die Polizei am Montag mit.</p><time datetime=\"2021-07-19\">";
	assert_int_equal(html_extract(page, sizeof page - 1, "text/html; charset=ISO-8859-1", &t,
	                              &title, &date), SL_OK);
	assert_string_equal(t.p, "Straße nach München wird für Konvois gesperrt, teilte die "
	                         "Polizei am Montag mit.");
	assert_null(title);
	assert_string_equal(date, "2021-07-19");
	free(date);
	buf_reset(&t);

	/* a wrapper whose class looks like boilerplate but holds the article */
	const char wrap[] =
		"<html><body><div class=\"layout has-sidebar\"><div class=\"story\">"
		"<p>The parliament approved the purchase of four patrol boats for the coast guard on Tuesday.</p>"
		"<p>The first boat is expected to arrive before the end of the year, the ministry said.</p>"
		"<p>Opposition members asked for a debate on the costs of the programme next month.</p>"
		"</div></div><div class=\"comments\"><p>A short comment.</p></div></body></html>";
	assert_int_equal(html_extract(wrap, sizeof wrap - 1, NULL, &t, NULL, NULL), SL_OK);
	assert_non_null(strstr(t.p, "four patrol boats"));
	assert_non_null(strstr(t.p, "\nOpposition members"));
	assert_null(strstr(t.p, "short comment"));
	buf_reset(&t);

	/* <br> and divs with direct text become lines; hidden text is dropped */
	const char br[] = "<div>First line of a poem<br>second line<div style=\"display: none\">secret</div>"
	                  "<div hidden>also secret</div></div>";
	assert_int_equal(html_extract(br, sizeof br - 1, NULL, &t, NULL, NULL), SL_OK);
	assert_string_equal(t.p, "First line of a poem\nsecond line");
	buf_reset(&t);

	/* meta-date variants, normalised */
	static const struct { const char *html, *date; } dates[] = {
		{ "<meta name=\"pubdate\" content=\"20220314\"><p>x</p>", "2022-03-14" },
		{ "<meta name=\"DC.date.issued\" content=\"2019/12/01\"><p>x</p>", "2019-12-01" },
		{ "<meta property=\"og:published_time\" content=\"05.06.2020 10:00\"><p>x</p>", "2020-06-05" },
		{ "<span itemprop=\"datePublished\" content=\"2018-02-03\">3 Feb</span>", "2018-02-03" },
		{ "<meta name=\"sailthru.date\" content=\"2017-08-09 12:00:00\"><time datetime=\"2001-01-01\">", "2017-08-09" },
		{ "<time datetime=\"2016-04\">April</time>", "2016-04" },
		{ "<meta name=\"date\" content=\"yesterday\"><p>x</p>", NULL },
	};
	for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
		date = NULL;
		html_extract(dates[i].html, strlen(dates[i].html), NULL, &t, NULL, &date);
		if (dates[i].date) {
			assert_non_null(date);
			assert_string_equal(date, dates[i].date);
		} else {
			assert_null(date);
		}
		free(date);
		buf_reset(&t);
	}
	buf_release(&t);
}

/* ---- warc ----------------------------------------------------------------- */

static void check_crawl(const char *name, int cut)
{
	docs ds;
	warns w = { 0 };
	size_t n;
	char *off = slurp(fixture("crawl.bad_offset"), &n);
	char want[64];
	snprintf(want, sizeof want, "record at byte offset %ld:", strtol(off, NULL, 10));
	free(off);
	read_one(name, &ds, &w);
	assert_int_equal(ds.n, cut ? 1 : 2);
	assert_int_equal(ds.warnings, cut ? 2 : 1);
	assert_true(warns_has(&w, name, want));
	if (cut)
		assert_true(warns_has(&w, name, "truncated"));

	const doc *a = &ds.d[0];
	assert_string_equal(a->id, "https://news.example/a");
	assert_string_equal(a->url, "https://news.example/a");
	assert_string_equal(a->date, "2023-02-01"); /* the page's meta wins */
	assert_string_equal(a->title, "Page A");
	assert_non_null(strstr(a->text, "\nNorway announced that it will donate eight tanks"));
	assert_null(strstr(a->text, "Menu links"));
	assert_null(find(&ds, "https://news.example/bad"));
	assert_null(find(&ds, "https://news.example/missing"));
	assert_null(find(&ds, "https://news.example/logo.png"));
	if (!cut) {
		const doc *b = &ds.d[1];
		assert_string_equal(b->id, "https://news.example/b");
		assert_string_equal(b->date, "2023-03-02"); /* WARC-Date fallback */
		assert_non_null(strstr(b->text, "Nederland levert vijftig vrachtwagens aan het leger"));
		assert_null(strstr(b->text, "Over ons"));
	}
	docs_free(&ds);
	warns_free(&w);
}

static void test_warc(void **state)
{
	(void)state;
	check_crawl("crawl.warc", 0);
}

static void test_warc_gz(void **state)
{
	(void)state;
	check_crawl("crawl.warc.gz", 0);
}

static void test_warc_cut(void **state)
{
	(void)state;
	check_crawl("crawl_cut.warc", 1);
}

/* ---- paths ----------------------------------------------------------------- */

static void test_tree(void **state)
{
	(void)state;
	docs ds;
	warns w = { 0 };
	read_one("tree", &ds, &w);
	static const char *const ids[] = { "a", "b1", "b2", "c", "d", "z" };
	assert_int_equal(ds.n, 6);
	for (size_t i = 0; i < 6; i++)
		assert_string_equal(ds.d[i].id, ids[i]);
	assert_string_equal(ds.d[4].text, "Vierter Text im Unterordner.");
	assert_string_equal(ds.d[5].text, "Cinquième texte.\n");
	/* the dangling symlink is the one warning; loops are silent */
	assert_int_equal(ds.warnings, 1);
	assert_true(warns_has(&w, "tree/gone.txt", "No such file or directory"));
	docs_free(&ds);
	warns_free(&w);
}

static void test_missing(void **state)
{
	(void)state;
	const char *names[] = { "no-such-file.txt", "no_header.txt" };
	docs ds;
	warns w = { 0 };
	read_paths(names, 2, &ds, &w);
	assert_int_equal(ds.n, 1);
	assert_string_equal(ds.d[0].id, "no_header");
	assert_int_equal(ds.warnings, 1);
	assert_true(warns_has(&w, "no-such-file.txt: ", "No such file or directory"));
	docs_free(&ds);
	warns_free(&w);
}

/* "-" reads fd 0, sniffing the format. */
static void test_stdin(void **state)
{
	(void)state;
	int saved = dup(0);
	int fd = open(fixture("crawl.warc.gz"), O_RDONLY);
	assert_true(fd >= 0 && saved >= 0);
	dup2(fd, 0);
	close(fd);
	const char *dash = "-";
	docs ds;
	warns w = { 0 };
	drain(reader_new(&dash, 1, on_warn, &w), &ds);
	dup2(saved, 0);
	close(saved);
	assert_int_equal(ds.n, 2);
	assert_string_equal(ds.d[0].id, "https://news.example/a");
	assert_string_equal(ds.d[0].source, "-");
	docs_free(&ds);
	warns_free(&w);
}

static void test_sniff_mem(void **state)
{
	(void)state;
	static const struct { const char *name, *bytes, *id, *text; } cases[] = {
		{ "-", "\xEF\xBB\xBF  {\"id\": \"x1\", \"text\": \"json\"}\n", "x1", "json" },
		{ "-", " \n<html><body><p>markup</p></body></html>", "stdin", "markup" },
		{ "-", "plain words", "stdin", "plain words" },
		{ "-", " date 2020-02 plain", "stdin", " date 2020-02 plain" },
		{ "page.htm", "<p>by extension</p>", "page", "by extension" },
		{ "a.b.TXT", "<p>upper-case extension, read as text</p>", "a.b", "<p>upper-case extension, read as text</p>" },
		{ "noext", "{\"id\": \"n1\", \"text\": \"sniffed\"}", "n1", "sniffed" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		docs ds;
		warns w = { 0 };
		drain(reader_new_mem(cases[i].name, cases[i].bytes, strlen(cases[i].bytes), on_warn, &w), &ds);
		assert_int_equal(ds.n, 1);
		assert_string_equal(ds.d[0].id, cases[i].id);
		assert_string_equal(ds.d[0].text, cases[i].text);
		assert_int_equal(ds.warnings, 0);
		docs_free(&ds);
	}
	/* gzip in memory, sniffed through */
	size_t n;
	char *gz = slurp(fixture("note.txt.gz"), &n);
	docs ds;
	warns w = { 0 };
	drain(reader_new_mem("-", gz, n, on_warn, &w), &ds);
	assert_int_equal(ds.n, 1);
	assert_string_equal(ds.d[0].date, "2021-12-24");
	docs_free(&ds);
	/* garbage after the gzip member is reported, the document kept */
	char *more = xmalloc(n + 4);
	memcpy(more, gz, n);
	memcpy(more + n, "junk", 4);
	drain(reader_new_mem("x.txt.gz", more, n + 4, on_warn, &w), &ds);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.warnings, 1);
	assert_true(warns_has(&w, "x.txt.gz: trailing garbage", NULL));
	docs_free(&ds);
	warns_free(&w);
	free(more);
	free(gz);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header_table),
		cmocka_unit_test(test_txt),
		cmocka_unit_test(test_jsonl),
		cmocka_unit_test(test_jsonl_long_line),
		cmocka_unit_test(test_gz),
		cmocka_unit_test(test_gz_truncated),
		cmocka_unit_test(test_html_article),
		cmocka_unit_test(test_html_charsets),
		cmocka_unit_test(test_html_jsonld),
		cmocka_unit_test(test_html_extract_api),
		cmocka_unit_test(test_warc),
		cmocka_unit_test(test_warc_gz),
		cmocka_unit_test(test_warc_cut),
		cmocka_unit_test(test_tree),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_stdin),
		cmocka_unit_test(test_sniff_mem),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
