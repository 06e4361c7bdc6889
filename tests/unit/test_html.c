/*
 * test_html: the HTML main-text extractor on pages written for it
 * (tests/data/html/): a news page with navigation, teasers, a share bar,
 * a related-links box, comments, a sidebar and a cookie banner; a page
 * whose text only lives in its JSON-LD articleBody; a windows-1252 page;
 * a page with a visible date line only; a page whose <header> is never
 * closed; a forum thread of several <article> posts.  The expectations
 * are in cases.tsv; dates.tsv tables the date-line reader; the tree
 * builder's nesting rules are checked on small inline snippets.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/tsv.h"
#include "base/utf8.h"
#include "read/doc.h"
#include "read/html.h"
#include "read/html_date.h"
#include "read/html_dom.h"

static char *path_of(const char *name)
{
	const char *root = getenv("SL_TESTS");
	buf b = BUF_INIT;
	buf_addf(&b, "%s/data/html/%s", root ? root : "tests", name);
	return buf_detach(&b, NULL);
}

static char *slurp(const char *name, size_t *n)
{
	char *path = path_of(name);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	buf b = BUF_INIT;
	char tmp[4096];
	size_t k;
	while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
		buf_add(&b, tmp, k);
	fclose(f);
	free(path);
	return buf_detach(&b, n);
}

/* ---- table of page expectations --------------------------------------- */

typedef struct page {
	char file[64];
	doc d;
	const char *body; /* d.text after the title line */
} page;

typedef struct cases_ctx {
	page cur;
	int loaded;
	size_t checked;
} cases_ctx;

static void load(cases_ctx *c, const char *file)
{
	if (c->loaded && !strcmp(c->cur.file, file))
		return;
	if (c->loaded)
		doc_release(&c->cur.d);
	snprintf(c->cur.file, sizeof c->cur.file, "%s", file);
	size_t n;
	char *bytes = slurp(file, &n);
	doc_init(&c->cur.d);
	assert_int_equal(html_extract_doc(bytes, n, NULL, &c->cur.d), SL_OK);
	free(bytes);
	buf clean = BUF_INIT;
	assert_int_equal(utf8_clean(&clean, c->cur.d.text, c->cur.d.len), 0);
	assert_int_equal(memchr(c->cur.d.text, '\0', c->cur.d.len) == NULL, 1);
	buf_release(&clean);
	const char *t = c->cur.d.text;
	if (c->cur.d.title && !strncmp(t, c->cur.d.title, strlen(c->cur.d.title)) &&
	    !strncmp(t + strlen(c->cur.d.title), "\n\n", 2))
		t += strlen(c->cur.d.title) + 2;
	c->cur.body = t;
	c->loaded = 1;
}

static int on_case(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	(void)nf;
	(void)e;
	cases_ctx *c = ctx;
	load(c, f[0]);
	const doc *d = &c->cur.d;
	const char *check = f[1], *want = f[2];
	int ok;
	if (!strcmp(check, "has")) {
		ok = strstr(d->text, want) != NULL;
	} else if (!strcmp(check, "lacks")) {
		ok = strstr(d->text, want) == NULL;
	} else if (!strcmp(check, "date")) {
		ok = !strcmp(want, "-") ? d->date == NULL : d->date && !strcmp(d->date, want);
	} else if (!strcmp(check, "title")) {
		ok = d->title && !strcmp(d->title, want);
	} else if (!strcmp(check, "first")) {
		size_t k = strcspn(c->cur.body, "\n");
		ok = strlen(want) == k && !strncmp(c->cur.body, want, k);
	} else {
		fail_msg("cases.tsv:%zu: unknown check '%s'", line, check);
		return SL_EFORMAT;
	}
	if (!ok)
		fail_msg("cases.tsv:%zu: %s %s '%s' failed; date %s, text:\n%s", line, f[0], check,
		         want, d->date ? d->date : "(none)", d->text);
	c->checked++;
	return SL_OK;
}

static void test_pages(void **state)
{
	(void)state;
	cases_ctx c;
	memset(&c, 0, sizeof c);
	sl_err e = { "" };
	char *path = path_of("cases.tsv");
	int rc = tsv_each(path, 3, on_case, &c, &e);
	free(path);
	if (rc != SL_OK)
		fail_msg("%s", e.msg);
	if (c.loaded)
		doc_release(&c.cur.d);
	assert_true(c.checked >= 30);
}

/* ---- written-out dates ------------------------------------------------ */

static int on_date(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	(void)nf;
	(void)e;
	size_t *n = ctx;
	char got[16] = "-";
	if (hdate_find(f[0], strlen(f[0]), got) != 0)
		snprintf(got, sizeof got, "-");
	if (strcmp(got, f[1]) != 0)
		fail_msg("dates.tsv:%zu: '%s' gave %s, want %s", line, f[0], got, f[1]);
	(*n)++;
	return SL_OK;
}

static void test_dates(void **state)
{
	(void)state;
	size_t n = 0;
	sl_err e = { "" };
	char *path = path_of("dates.tsv");
	int rc = tsv_each(path, 2, on_date, &n, &e);
	free(path);
	if (rc != SL_OK)
		fail_msg("%s", e.msg);
	assert_true(n >= 10);
	char d[16];
	assert_int_equal(hdate_url("https://x.example/2019/06/19/some-post/", d), 0);
	assert_string_equal(d, "2019-06-19");
	assert_int_equal(hdate_url("https://x.example/news/20211103/item", d), 0);
	assert_string_equal(d, "2021-11-03");
	assert_int_equal(hdate_url("https://x.example/id/123456789/", d), -1);
	assert_int_equal(hdate_url("https://x.example/2021/13/01/", d), -1);
}

/* ---- tree building ---------------------------------------------------- */

/* The tag path from the root to the first text node containing s. */
static int path_to(const hnode *n, const char *s, buf *out)
{
	for (; n; n = n->next) {
		if (n->type == HN_TEXT) {
			if (strstr(n->content, s))
				return 1;
			continue;
		}
		size_t mark = out->len;
		buf_addf(out, "/%s", n->name);
		if (path_to(n->children, s, out))
			return 1;
		out->len = mark;
		out->p[mark] = '\0';
	}
	return 0;
}

static void expect_path(const char *html, const char *text, const char *want)
{
	hdom *d = hdom_parse(html, strlen(html));
	buf p = BUF_INIT;
	if (!path_to(hdom_root(d)->children, text, &p))
		fail_msg("%s: '%s' not in the tree", html, text);
	if (strcmp(p.p, want) != 0)
		fail_msg("%s: '%s' at %s, want %s", html, text, p.p, want);
	buf_release(&p);
	hdom_free(d);
}

static void expect_absent(const char *html, const char *text)
{
	hdom *d = hdom_parse(html, strlen(html));
	buf p = BUF_INIT;
	if (path_to(hdom_root(d)->children, text, &p))
		fail_msg("%s: '%s' at %s, want it dropped", html, text, p.p);
	buf_release(&p);
	hdom_free(d);
}

/* The first element called t, depth first. */
static const hnode *find_el(const hnode *n, const char *t)
{
	for (; n; n = n->next) {
		if (n->type != HN_ELEM)
			continue;
		if (!strcmp(n->name, t))
			return n;
		const hnode *k = find_el(n->children, t);
		if (k)
			return k;
	}
	return NULL;
}

static void test_tree(void **state)
{
	(void)state;
	/* a block end tag closes what is open inside it */
	expect_path("<body><nav><div>menu</nav><p>text</p>", "text", "/html/body/p");
	/* an inline end tag never closes a block */
	expect_path("<div><span>a<div>b</span>c</div>", "c", "/html/body/div/span/div");
	/* <p> and <li> close implicitly */
	expect_path("<p>one<p>two", "two", "/html/body/p");
	expect_path("<ul><li>one<li>two</ul>", "two", "/html/body/ul/li");
	expect_path("<p>x<div>block</div>", "block", "/html/body/div");
	/* void elements do not open; script is raw text */
	expect_path("<p>a<br>b<img src=x>c</p>", "c", "/html/body/p");
	expect_path("<script>if (a<b) x='</p>';</script><p>after</p>", "after", "/html/body/p");
	/* the head ends at body content even without </head> or <body> */
	expect_path("<html><head><title>t</title><p>body text", "body text", "/html/body/p");
	expect_path("<title>t</title>", "t", "/html/head/title");
	/* tables get their tbody; stray table text moves before the table */
	expect_path("<table><tr><td>cell</table>", "cell", "/html/body/table/tbody/tr/td");
	expect_path("<table><tr><td>x</td></tr>stray<tr><td>y</table>", "stray", "/html/body");
	/* misnested formatting: libxml2 has no adoption agency (HTML5 would
	 * put "2" in a copy of the <b>); the text stays, in the <p> */
	expect_path("<b>1<p>2</b>3</p>", "1", "/html/body/b");
	expect_path("<b>1<p>2</b>3</p>", "3", "/html/body/p");
	/* HTML5's sectioning elements end an open <p>, even through inline
	 * elements, and their end tags close what is left open inside */
	expect_path("<p>x<span>y<section>s</section>z", "z", "/html/body");
	expect_path("<ul><li><div>a</li><li>b</ul>c", "b", "/html/body/ul/li");
	expect_path("<div><article><div>a</article>b</div>", "b", "/html/body/div");
	/* content after </body> or </html> goes into the body */
	expect_path("<body><p>a</p></body></html><p>after</p>", "after", "/html/body/p");
	/* noscript is raw text as in a browser running scripts: an element
	 * left open in it neither survives nor swallows the page */
	expect_absent("<body><noscript><div>enable js</noscript><p>article</p>", "enable js");
	expect_path("<body><noscript><div>enable js</noscript><p>article</p>", "article", "/html/body/p");
	expect_absent("<body><div><noscript><div><p>x</noscript><p>in</p></div>", "x");
	expect_path("<body><div><noscript><div><p>x</noscript><p>in</p></div>", "in",
	            "/html/body/div/p");
	expect_path("<head><noscript><img src=x></noscript><body><p>a</p>", "a", "/html/body/p");
	/* deep nesting neither exhausts the stack nor stalls the parser: a
	 * page is cut where it opens more than 4096 elements, and the text
	 * before that point is kept */
	buf deep = BUF_INIT;
	buf_adds(&deep, "<p>top</p>");
	for (int i = 0; i < 100000; i++)
		buf_add(&deep, "<div>", 5);
	buf_add(&deep, "bottom", 6);
	hdom *d = hdom_parse(deep.p, deep.len);
	const hnode *n = find_el(hdom_root(d)->children, "body");
	assert_non_null(n);
	assert_string_equal(n->children->children->content, "top");
	size_t depth = 0;
	const hnode *q = n->children->next;
	while (q && q->type == HN_ELEM) {
		q = q->children;
		depth++;
	}
	assert_int_equal(depth, 4096);
	hdom_free(d);
	/* a page nested 3000 deep is read whole */
	buf_reset(&deep);
	for (int i = 0; i < 3000; i++)
		buf_add(&deep, "<div>", 5);
	buf_add(&deep, "bottom", 6);
	d = hdom_parse(deep.p, deep.len);
	n = find_el(hdom_root(d)->children, "body");
	depth = 0;
	while (n->children && n->children->type == HN_ELEM) {
		n = n->children;
		depth++;
	}
	assert_int_equal(depth, 3000);
	assert_string_equal(n->children->content, "bottom");
	hdom_free(d);
	buf_release(&deep);
	/* character references; a named one must end in ';' for libxml2
	 * (HTML5 also reads a few dozen old names without it) */
	const char *refs = "<p>a&amp;b &eacute;t&eacute; &#8211; &#x20AC; &#150; &nosuch; &amp</p>";
	d = hdom_parse(refs, strlen(refs));
	const hnode *p = find_el(hdom_root(d)->children, "p");
	assert_non_null(p);
	assert_string_equal(p->children->content,
	                    "a&b \xC3\xA9t\xC3\xA9 \xE2\x80\x93 \xE2\x82\xAC \xE2\x80\x93 &nosuch; &amp");
	hdom_free(d);
	const char *attrs = "<a href='/x?a=1&copy=2' title=\"&quot;q&quot;\" DATA-X>l</a>";
	d = hdom_parse(attrs, strlen(attrs));
	p = find_el(hdom_root(d)->children, "a");
	assert_non_null(p);
	assert_string_equal(hdom_attr(p, "href"), "/x?a=1&copy=2");
	assert_string_equal(hdom_attr(p, "title"), "\"q\"");
	assert_string_equal(hdom_attr(p, "data-x"), "");
	hdom_free(d);
	/* unknown elements keep their lower-cased name */
	const char *custom = "<My-Widget>w</My-Widget>";
	d = hdom_parse(custom, strlen(custom));
	assert_non_null(find_el(hdom_root(d)->children, "my-widget"));
	hdom_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pages),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_tree),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
