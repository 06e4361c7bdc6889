/*
 * html: main-text extraction (see html.h for the contract) and the .html
 * file reader built on it.
 *
 * The page is parsed by html_parse.c (libxml2's HTML parser, building
 * the arena tree of html_dom.h through SAX), then walked a few times,
 * each walk recursive with a depth bound (hostile pages nest deeply):
 *   1. meta: title, canonical URL, language, publication date candidates
 *      ranked by how reliable the source usually is (JSON-LD first), the
 *      JSON-LD articleBody, <time> and date-like elements, and the
 *      elements that name the article (itemprop=articleBody, <article>,
 *      <main>); a <header>/<aside> holding one of those is not junk;
 *   2. stats: per element, visible text, link text and paragraph text
 *      (text in <p>, or in a <div>/<td> through inline elements only),
 *      counted both with and without the "soft" boilerplate (elements
 *      whose class/id/role/aria-label look like navigation, comments,
 *      teasers, credits, ...); a soft element holding most of the page's
 *      paragraph text ("content-sidebar-wrap") loses its mark and the
 *      counts are redone;
 *   3. emit: the chosen root's text, one block element a line, leaving
 *      out blocks that are mostly link text (related-article lists, tag
 *      clouds, "more on this" boxes inside the article) and short
 *      headings over a block that was left out.
 * The root is a preferred element when one holds real text (several
 * side by side, as the posts of a thread: their common ancestor), unless
 * the scored block outside it holds far more; otherwise the block to
 * which paragraphs contribute most (each paragraph scores its non-link
 * length on its parent and half on its grandparent, the score shrinks
 * with link density and grows with content-like class names), widened
 * to an ancestor that gathers clearly more paragraph text with few
 * links, plus its siblings that score well.  When the strict pass yields
 * almost nothing the page is redone without the soft boilerplate rules,
 * and a page whose text only lives in its JSON-LD articleBody takes it.
 * The publication date falls back to an URL date, then a date written
 * near the article (html_date.c).
 *
 * The class/id word lists are a short, stable vocabulary of web markup,
 * not knowledge of the world, and the reader API takes no data
 * directory (reader_new would need one, and every command with it), so
 * they stay here next to the code they tune.
 */
#include "html.h"
#include "read_int.h"
#include "html_dom.h"
#include "html_date.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../base/utf8.h"

#define MAX_DEPTH 400

/* ---- charset ---------------------------------------------------------- */

static int lc(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

static const char *memmem_ci(const char *h, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	if (k == 0 || n < k)
		return NULL;
	for (size_t i = 0; i + k <= n; i++)
		if (lc((unsigned char)h[i]) == needle[0] && rd_prefix_ci(h + i, n - i, needle))
			return h + i;
	return NULL;
}

/* Copies the charset name after "charset=" in s[0..n) into out. */
static int charset_param(const char *s, size_t n, char *out, size_t cap)
{
	const char *p = memmem_ci(s, n, "charset");
	if (!p)
		return 0;
	const char *e = s + n;
	p += 7;
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	if (p >= e || *p != '=')
		return 0;
	p++;
	while (p < e && (*p == ' ' || *p == '\t' || *p == '"' || *p == '\''))
		p++;
	size_t k = 0;
	while (p + k < e && k + 1 < cap &&
	       ((p[k] >= 'a' && p[k] <= 'z') || (p[k] >= 'A' && p[k] <= 'Z') ||
	        (p[k] >= '0' && p[k] <= '9') || p[k] == '-' || p[k] == '_' ||
	        p[k] == '.' || p[k] == ':'))
		k++;
	if (!k)
		return 0;
	for (size_t i = 0; i < k; i++)
		out[i] = (char)lc((unsigned char)p[i]);
	out[k] = '\0';
	return 1;
}

/* Maps labels to what iconv should use; the HTML standard reads the
 * Latin-1 family as windows-1252, which is what servers really send. */
static void charset_canon(char *cs, size_t cap)
{
	static const char *const w1252[] = {
		"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii",
		"ascii", "cp1252", "windows-1252", "x-cp1252", "iso_8859-1", "cp819",
	};
	if (!strcmp(cs, "utf8") || !strcmp(cs, "utf-8") || !strcmp(cs, "unicode-1-1-utf-8") ||
	    !strncmp(cs, "utf-16", 6) /* a <meta> cannot be read in UTF-16 */) {
		snprintf(cs, cap, "UTF-8");
		return;
	}
	for (size_t i = 0; i < sizeof w1252 / sizeof w1252[0]; i++)
		if (!strcmp(cs, w1252[i])) {
			snprintf(cs, cap, "WINDOWS-1252");
			return;
		}
}

/* Finds a <meta charset> or http-equiv declaration in the head. */
static int meta_charset(const char *s, size_t n, char *out, size_t cap)
{
	if (n > 8192)
		n = 8192;
	const char *p = s, *e = s + n;
	while ((p = memmem_ci(p, (size_t)(e - p), "<meta")) != NULL) {
		const char *gt = memchr(p, '>', (size_t)(e - p));
		size_t len = gt ? (size_t)(gt - p) : (size_t)(e - p);
		if (charset_param(p, len, out, cap))
			return 1;
		p += 5;
	}
	return 0;
}

/* Decodes s[0..n) from cs to UTF-8 into out; bytes that do not map
 * become U+FFFD.  Returns replacements, or -1 if iconv lacks cs. */
static long to_utf8(const char *cs, const char *s, size_t n, buf *out)
{
	iconv_t cd = iconv_open("UTF-8", cs);
	if (cd == (iconv_t)-1)
		return -1;
	long bad = 0;
	char *in = (char *)s;
	size_t inleft = n;
	buf_grow(out, n + n / 2 + 16);
	while (inleft) {
		buf_grow(out, inleft * 2 + 16);
		char *o = out->p + out->len;
		size_t oleft = out->cap - out->len - 1;
		size_t rc = iconv(cd, &in, &inleft, &o, &oleft);
		out->len = (size_t)(o - out->p);
		out->p[out->len] = '\0';
		if (rc != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		/* EILSEQ or EINVAL (cut at the end): replace one byte, go on */
		buf_add(out, "\xEF\xBF\xBD", 3);
		bad++;
		in++;
		inleft--;
	}
	iconv_close(cd);
	return bad;
}

/* Decodes the page to UTF-8 without NULs; returns the repairs. */
static size_t decode_page(const char *s, size_t n, const char *hint, buf *out)
{
	char cs[64] = "";
	if (n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
	    (unsigned char)s[2] == 0xBF) {
		s += 3;
		n -= 3;
		snprintf(cs, sizeof cs, "UTF-8");
	} else if (n >= 2 && (unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE) {
		s += 2;
		n -= 2;
		snprintf(cs, sizeof cs, "UTF-16LE");
	} else if (n >= 2 && (unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF) {
		s += 2;
		n -= 2;
		snprintf(cs, sizeof cs, "UTF-16BE");
	} else {
		if (hint && *hint) {
			if (!charset_param(hint, strlen(hint), cs, sizeof cs) && !strchr(hint, '/') &&
			    !strchr(hint, ';')) {
				snprintf(cs, sizeof cs, "%s", hint);
				for (char *c = cs; *c; c++)
					*c = (char)lc((unsigned char)*c);
			}
		}
		if (!cs[0])
			meta_charset(s, n, cs, sizeof cs);
		if (cs[0])
			charset_canon(cs, sizeof cs);
		if (!cs[0]) {
			/* nothing declared: UTF-8 if the bytes are, else 1252 */
			if (utf8_clean(out, s, n) == 0)
				return 0;
			buf_reset(out);
			snprintf(cs, sizeof cs, "WINDOWS-1252");
		}
	}
	size_t bad = 0;
	if (strcmp(cs, "UTF-8") != 0) {
		buf tmp = BUF_INIT;
		long b = to_utf8(cs, s, n, &tmp);
		if (b < 0) {
			/* unknown label: trust the bytes if they are UTF-8 */
			buf_reset(&tmp);
			if (utf8_clean(&tmp, s, n) != 0) {
				buf_reset(&tmp);
				b = to_utf8("WINDOWS-1252", s, n, &tmp);
			}
		}
		if (b > 0)
			bad += (size_t)b;
		bad += utf8_clean(out, tmp.p, tmp.len);
		buf_release(&tmp);
	} else {
		bad += utf8_clean(out, s, n);
	}
	return bad;
}

/* ---- tree helpers ----------------------------------------------------- */

static int is_el(const hnode *n)
{
	return n && n->type == HN_ELEM && n->name;
}

static int tag_is(const hnode *n, const char *t)
{
	return is_el(n) && strcmp((const char *)n->name, t) == 0;
}

/* The value of attribute name, or NULL; no allocation. */
static const char *attr(const hnode *n, const char *name)
{
	return hdom_attr(n, name);
}

static int attr_eq(const hnode *n, const char *name, const char *val)
{
	const char *v = attr(n, name);
	return v && strcasecmp(v, val) == 0;
}

/* Whitespace-separated token test, as for rel="canonical" lists. */
static int attr_has_word(const hnode *n, const char *name, const char *word)
{
	const char *v = attr(n, name);
	size_t k = strlen(word);
	while (v && *v) {
		while (*v == ' ' || *v == '\t' || *v == '\n')
			v++;
		size_t i = 0;
		while (v[i] && v[i] != ' ' && v[i] != '\t' && v[i] != '\n')
			i++;
		if (i == k && strncasecmp(v, word, k) == 0)
			return 1;
		v += i;
	}
	return 0;
}

/* Tags whose content is never article text. */
static int hard_junk_tag(const char *t)
{
	static const char *const tags[] = {
		"script", "style", "noscript", "nav", "header", "footer", "aside",
		"iframe", "svg", "template", "button", "select", "input", "textarea",
		"object", "embed", "canvas", "video", "audio", "map", "dialog",
		"menu", "figcaption", "head", "title", "meta", "link",
	};
	for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
		if (t[0] == tags[i][0] && !strcmp(t, tags[i]))
			return 1;
	return 0;
}

/* A class/id word: a token matches a PRE word it starts with ("nav" in
 * "navbar"), a WHOLE word only as the whole token ("tags" but not
 * "tagesschau"), an ANY word anywhere in it ("newsteaser",
 * "mainRelated").  Lower case; the lengths are counted at compile time. */
typedef struct cword {
	const char *w;
	unsigned char len, kind;
} cword;

enum { W_PRE, W_WHOLE, W_ANY };
#define PRE(s) { s, sizeof s - 1, W_PRE }
#define WHOLE(s) { s, sizeof s - 1, W_WHOLE }
#define ANY(s) { s, sizeof s - 1, W_ANY }

/* Class/id words of boilerplate (token_in says how a list is ordered). */
static const cword junk_words[] = {
	ANY("related"), ANY("newsletter"), ANY("teaser"), PRE("advert"), PRE("author"),
	PRE("autor"), WHOLE("ad"), WHOLE("ads"), PRE("anzeige"), PRE("breadcrumb"),
	WHOLE("bio"), PRE("banner"), PRE("cookie"), PRE("consent"), PRE("comment"),
	PRE("credit"), PRE("copyright"), PRE("caption"), PRE("citation"),
	PRE("contact"), PRE("disclaimer"), PRE("disclosure"), PRE("empfehl"),
	PRE("footer"), PRE("factbox"), PRE("follow"), PRE("gdpr"), PRE("infobox"),
	PRE("kicker"), PRE("login"), PRE("menu"), PRE("nav"), PRE("notice"),
	PRE("promo"), PRE("playlist"), PRE("paywall"), PRE("popup"), PRE("pagination"),
	PRE("pager"), PRE("quellen"), PRE("rating"), PRE("recommend"), PRE("share"),
	PRE("sharing"), PRE("social"), PRE("sidebar"), PRE("subscri"), PRE("shariff"),
	WHOLE("sources"), PRE("sponsor"), WHOLE("sr"), WHOLE("screen"), PRE("signup"),
	PRE("teilen"), WHOLE("tags"), PRE("tagcloud"), PRE("toolbar"),
	WHOLE("visually"),
};

/* Is the token v[0..k) one of words?  The token is lower-cased once (one
 * of over 256 letters is a hash, no word).  A word list holds its ANY
 * words first, then the others sorted by first letter, which is looked
 * up by halving. */
static int token_in(const char *v, size_t k, const cword *words, size_t nw)
{
	char t[256];
	if (k > sizeof t)
		return 0;
	for (size_t i = 0; i < k; i++)
		t[i] = (char)lc((unsigned char)v[i]);
	size_t i = 0;
	for (; i < nw && words[i].kind == W_ANY; i++)
		if (words[i].len <= k && memmem(t, k, words[i].w, words[i].len))
			return 1;
	size_t hi = nw;
	while (i < hi) {
		size_t mid = i + (hi - i) / 2;
		if ((unsigned char)words[mid].w[0] < (unsigned char)t[0])
			i = mid + 1;
		else
			hi = mid;
	}
	for (; i < nw && words[i].w[0] == t[0]; i++)
		if ((words[i].kind == W_WHOLE ? words[i].len == k : words[i].len <= k) &&
		    !memcmp(t, words[i].w, words[i].len))
			return 1;
	return 0;
}

/* Does a class/id value contain a boilerplate token?  Tokens split at
 * non-alphanumerics and camelCase humps, so "site-nav", "navbar" and
 * "mainNav" match but "unavailable" does not. */
static int junk_value(const char *v)
{
	while (v && *v) {
		while (*v && !((*v >= 'a' && *v <= 'z') || (*v >= 'A' && *v <= 'Z') ||
		               (*v >= '0' && *v <= '9')))
			v++;
		size_t k = 0;
		while ((v[k] >= 'a' && v[k] <= 'z') || (v[k] >= '0' && v[k] <= '9') ||
		       (v[k] >= 'A' && v[k] <= 'Z' &&
		        (k == 0 || (v[k - 1] >= 'A' && v[k - 1] <= 'Z'))))
			k++;
		if (!k)
			break;
		if (!(k == 10 && strncasecmp(v, "commentary", 10) == 0) &&
		    token_in(v, k, junk_words, sizeof junk_words / sizeof junk_words[0]))
			return 1;
		v += k;
	}
	return 0;
}

/* Class/id words of the element holding the article text. */
static const cword good_words[] = {
	PRE("article"), PRE("artikel"), PRE("body"), PRE("beitrag"), PRE("bodytext"),
	PRE("content"), WHOLE("copy"), PRE("copytext"), PRE("entry"), PRE("inhalt"),
	PRE("main"), PRE("post"), PRE("story"), PRE("text"),
};

static const double GOODF = 1.5;

static int good_value(const char *v)
{
	while (v && *v) {
		while (*v && !((*v >= 'a' && *v <= 'z') || (*v >= 'A' && *v <= 'Z')))
			v++;
		size_t k = 0;
		while ((v[k] >= 'a' && v[k] <= 'z') || (v[k] >= 'A' && v[k] <= 'Z' &&
		        (k == 0 || (v[k - 1] >= 'A' && v[k - 1] <= 'Z'))))
			k++;
		if (!k)
			break;
		if (token_in(v, k, good_words, sizeof good_words / sizeof good_words[0]))
			return 1;
		v += k;
	}
	return 0;
}

/* Words that mark the element holding a page's date line. */
static const cword date_words[] = {
	PRE("byline"), PRE("created"), PRE("date"), PRE("datum"), PRE("dateline"),
	PRE("info"), PRE("meta"), PRE("publish"), PRE("posted"), PRE("pubdate"),
	PRE("stand"), PRE("time"), PRE("zeit"),
};

static int dateish_value(const char *v)
{
	while (v && *v) {
		while (*v && !((*v >= 'a' && *v <= 'z') || (*v >= 'A' && *v <= 'Z')))
			v++;
		size_t k = 0;
		while ((v[k] >= 'a' && v[k] <= 'z') || (v[k] >= 'A' && v[k] <= 'Z'))
			k++;
		if (!k)
			break;
		if (token_in(v, k, date_words, sizeof date_words / sizeof date_words[0]))
			return 1;
		v += k;
	}
	return 0;
}

static int hidden(const hnode *n)
{
	if (attr(n, "hidden") || attr_eq(n, "aria-hidden", "true"))
		return 1;
	const char *st = attr(n, "style");
	if (st) {
		size_t k = strlen(st);
		char compact[128];
		size_t j = 0;
		for (size_t i = 0; i < k && j + 1 < sizeof compact; i++)
			if (st[i] != ' ' && st[i] != '\t')
				compact[j++] = (char)lc((unsigned char)st[i]);
		compact[j] = '\0';
		if (strstr(compact, "display:none") || strstr(compact, "visibility:hidden"))
			return 1;
	}
	return 0;
}

/* Boilerplate by markup that might, on a badly labelled page, still hold
 * the article: decided against the root's text in emit. */
static int soft_junk(const hnode *n)
{
	const char *t = (const char *)n->name;
	if (!strcmp(t, "form"))
		return 1;
	if (!strcmp(t, "html") || !strcmp(t, "body") || !strcmp(t, "article") || !strcmp(t, "main"))
		return 0;
	static const char *const roles[] = {
		"navigation", "banner", "contentinfo", "complementary", "search",
		"menu", "menubar", "dialog", "alertdialog",
	};
	const char *role = attr(n, "role");
	if (role)
		for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
			if (!strcasecmp(role, roles[i]))
				return 1;
	return junk_value(attr(n, "class")) || junk_value(attr(n, "id")) ||
	       junk_value(role) || junk_value(attr(n, "aria-label"));
}

static int block_tag(const char *t)
{
	static const char *const tags[] = {
		"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
		"blockquote", "pre", "table", "tr", "section", "article", "main",
		"figure", "dl", "dt", "dd", "address", "hr", "fieldset", "details",
		"summary", "center", "body", "caption", "thead", "tbody",
	};
	for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
		if (t[0] == tags[i][0] && !strcmp(t, tags[i]))
			return 1;
	return 0;
}

/* Elements whose text counts as paragraph text. */
static int para_tag(const char *t)
{
	return !strcmp(t, "p") || !strcmp(t, "pre") || !strcmp(t, "blockquote") || !strcmp(t, "dd");
}

/* Elements that do not break a line of text. */
static int inline_tag(const char *t)
{
	static const char *const tags[] = {
		"span", "strong", "b", "em", "i", "u", "font", "small", "big", "sub",
		"sup", "mark", "abbr", "cite", "q", "time", "code", "s", "strike", "del",
		"ins", "tt", "var", "kbd", "samp", "bdi", "bdo", "dfn",
	};
	for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
		if (t[0] == tags[i][0] && !strcmp(t, tags[i]))
			return 1;
	return 0;
}

/* Containers whose own text nodes count as paragraph text ("div with
 * direct text", pages that use <br> instead of <p>). */
static int direct_text_tag(const char *t)
{
	return !strcmp(t, "div") || !strcmp(t, "section") || !strcmp(t, "article") ||
	       !strcmp(t, "main") || !strcmp(t, "td") || !strcmp(t, "font") ||
	       !strcmp(t, "center") || !strcmp(t, "body");
}

/* ---- pass 1: metadata ------------------------------------------------- */

typedef struct nodes {
	hnode **v;
	size_t n, cap;
} nodes;

static void nodes_add(nodes *a, hnode *n)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 8;
		a->v = xrealloc(a->v, a->cap * sizeof *a->v);
	}
	a->v[a->n++] = n;
}

typedef struct stat_ {
	size_t text, link, ptext;    /* counting soft boilerplate */
	size_t own;                  /* non-link text in no <p>, by inline elements */
	size_t stext, slink, sptext; /* without it */
	double score;
	unsigned char hard, soft;
} stat_;

typedef struct ctx {
	hnode *doc;
	hnode *body;
	char *title_tag, *title_og, *h1;
	char *url_canon, *url_og, *lang;
	char date[16];
	int date_rank;
	char modified[16];         /* last change, the date of last resort */
	nodes body_cand, article_cand, main_cand;
	nodes time_cand, dateish;  /* <time datetime>, date-like class/id */
	hnode *final_root;
	buf ld_body;               /* longest JSON-LD articleBody */
	stat_ *st;                 /* indexed by (uintptr_t)node->priv - 1 */
	size_t nst, capst;
	int relaxed;
	hnode *root;
	size_t root_ptext;
	buf line;
	int pending_space;
	buf *out;
	size_t lines;
	const char *skip_first;    /* the title, not repeated as first line */
} ctx;

/* Appends the text of every text node below n. */
static void node_content(const hnode *n, buf *b, int depth)
{
	if (n->type == HN_TEXT) {
		buf_add(b, n->content, n->len);
		return;
	}
	if (depth < MAX_DEPTH)
		for (const hnode *k = n->children; k; k = k->next)
			node_content(k, b, depth + 1);
}

/* Text content with whitespace collapsed, malloc'ed, or NULL if empty. */
static char *node_text(hnode *n)
{
	buf all = BUF_INIT;
	node_content(n, &all, 0);
	if (!all.len) {
		buf_release(&all);
		return NULL;
	}
	const unsigned char *c = (const unsigned char *)all.p;
	buf b = BUF_INIT;
	int sp = 0;
	for (const unsigned char *p = c; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') {
			sp = b.len > 0;
			continue;
		}
		if (sp)
			buf_addc(&b, ' ');
		sp = 0;
		buf_addc(&b, (char)*p);
	}
	buf_release(&all);
	if (!b.len) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

static void set_date(ctx *c, const char *v, int rank)
{
	char norm[16];
	if (!v || (c->date[0] && rank >= c->date_rank))
		return;
	if (rd_date_norm(v, strlen(v), norm) != 0)
		return;
	memcpy(c->date, norm, sizeof norm);
	c->date_rank = rank;
}

static void set_modified(ctx *c, const char *v)
{
	char norm[16];
	if (!c->modified[0] && v && rd_date_norm(v, strlen(v), norm) == 0)
		memcpy(c->modified, norm, sizeof norm);
}

static void meta_tag(ctx *c, hnode *n)
{
	static const char *const names[] = {
		"pubdate", "publishdate", "publish-date", "publish_date", "date",
		"dc.date.issued", "dcterms.created", "dc.date", "dcterms.date",
		"parsely-pub-date", "sailthru.date", "article.published",
		"article:published_time", "og:published_time", "datepublished",
	};
	const char *content = attr(n, "content");
	if (!content)
		return;
	const char *prop = attr(n, "property");
	const char *name = attr(n, "name");
	const char *ip = attr(n, "itemprop");
	if (prop && !strcasecmp(prop, "og:title") && !c->title_og && *content)
		c->title_og = xstrdup(content);
	if (prop && !strcasecmp(prop, "og:url") && !c->url_og && *content)
		c->url_og = xstrdup(content);
	if (prop && !strcasecmp(prop, "article:published_time"))
		set_date(c, content, 1);
	if (prop && (!strcasecmp(prop, "og:published_time") || !strcasecmp(prop, "og:article:published_time")))
		set_date(c, content, 2);
	if (ip && !strcasecmp(ip, "datePublished"))
		set_date(c, content, 3);
	if ((prop && (!strcasecmp(prop, "article:modified_time") || !strcasecmp(prop, "og:updated_time"))) ||
	    (ip && (!strcasecmp(ip, "dateModified") || !strcasecmp(ip, "dateUpdate"))))
		set_modified(c, content);
	const char *key = name ? name : prop;
	if (key)
		for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
			if (!strcasecmp(key, names[i]))
				set_date(c, content, 4);
}

/* "datePublished": "..." in a JSON-LD block; a scan rather than a JSON
 * parse because real pages often carry slightly broken JSON. */
/* Finds the string value of "key": in p; returns a pointer just after
 * its opening quote, or NULL. */
static const char *json_key(const char *p, const char *key)
{
	size_t k = strlen(key);
	while ((p = strstr(p, key)) != NULL) {
		p += k;
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (*p != ':')
			continue;
		p++;
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (*p == '"')
			return p + 1;
	}
	return NULL;
}

static int hexval(int ch)
{
	return ch >= '0' && ch <= '9' ? ch - '0' : (ch | 32) >= 'a' && (ch | 32) <= 'f' ? (ch | 32) - 'a' + 10 : -1;
}

/* Decodes the JSON string body at p (after the quote) into out. */
static void json_unescape(const char *p, buf *out)
{
	for (; *p && *p != '"'; p++) {
		if (*p != '\\') {
			buf_addc(out, *p);
			continue;
		}
		p++;
		switch (*p) {
		case 'n': case 'r':
			buf_addc(out, '\n');
			break;
		case 't':
			buf_addc(out, ' ');
			break;
		case 'u': {
			unsigned cp = 0;
			int i;
			for (i = 1; i <= 4 && hexval((unsigned char)p[i]) >= 0; i++)
				cp = cp * 16 + (unsigned)hexval((unsigned char)p[i]);
			if (i != 5)
				return;
			p += 4;
			if (cp >= 0xD800 && cp < 0xDC00 && p[1] == '\\' && p[2] == 'u') {
				unsigned lo = 0;
				for (i = 3; i <= 6 && hexval((unsigned char)p[i]) >= 0; i++)
					lo = lo * 16 + (unsigned)hexval((unsigned char)p[i]);
				if (i == 7 && lo >= 0xDC00 && lo < 0xE000) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					p += 6;
				}
			}
			if ((cp >= 0xD800 && cp < 0xE000) || cp == 0)
				cp = 0xFFFD;
			char u[4];
			size_t n = 0;
			if (cp < 0x80) {
				u[n++] = (char)cp;
			} else if (cp < 0x800) {
				u[n++] = (char)(0xC0 | (cp >> 6));
				u[n++] = (char)(0x80 | (cp & 0x3F));
			} else if (cp < 0x10000) {
				u[n++] = (char)(0xE0 | (cp >> 12));
				u[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
				u[n++] = (char)(0x80 | (cp & 0x3F));
			} else {
				u[n++] = (char)(0xF0 | (cp >> 18));
				u[n++] = (char)(0x80 | ((cp >> 12) & 0x3F));
				u[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
				u[n++] = (char)(0x80 | (cp & 0x3F));
			}
			buf_add(out, u, n);
			break;
		}
		case '\0':
			return;
		default:
			buf_addc(out, *p);
		}
	}
}

/* "datePublished" and "articleBody" in a JSON-LD block; a scan rather
 * than a JSON parse because real pages often carry slightly broken
 * JSON. */
static void jsonld(ctx *c, hnode *n)
{
	buf all = BUF_INIT;
	node_content(n, &all, 0);
	if (!all.len) {
		buf_release(&all);
		return;
	}
	const char *v = json_key(all.p, "\"datePublished\"");
	if (v)
		set_date(c, v, 0);
	v = json_key(all.p, "\"dateModified\"");
	if (v)
		set_modified(c, v);
	v = json_key(all.p, "\"articleBody\"");
	if (v) {
		buf body = BUF_INIT;
		json_unescape(v, &body);
		if (body.len > c->ld_body.len) {
			buf_release(&c->ld_body);
			c->ld_body = body;
		} else {
			buf_release(&body);
		}
	}
	buf_release(&all);
}

static void walk_meta(ctx *c, hnode *n, int depth)
{
	for (; n; n = n->next) {
		if (!is_el(n))
			continue;
		const char *t = (const char *)n->name;
		if (!strcmp(t, "meta")) {
			meta_tag(c, n);
		} else if (!strcmp(t, "title")) {
			if (!c->title_tag)
				c->title_tag = node_text(n);
		} else if (!strcmp(t, "link")) {
			const char *href = attr(n, "href");
			if (href && *href && !c->url_canon && attr_has_word(n, "rel", "canonical"))
				c->url_canon = xstrdup(href);
		} else if (!strcmp(t, "script")) {
			if (attr_eq(n, "type", "application/ld+json"))
				jsonld(c, n);
			continue;
		} else if (!strcmp(t, "style") || !strcmp(t, "svg")) {
			continue; /* an <svg><title> is no page title */
		} else if (!strcmp(t, "html")) {
			const char *l = attr(n, "lang");
			if (!l)
				l = attr(n, "xml:lang");
			if (l && strlen(l) >= 2 && (l[2] == '\0' || l[2] == '-' || l[2] == '_')) {
				char two[3] = { (char)lc((unsigned char)l[0]), (char)lc((unsigned char)l[1]), 0 };
				if (!strcmp(two, "nl") || !strcmp(two, "en") || !strcmp(two, "de") || !strcmp(two, "fr"))
					c->lang = xstrdup(two);
			}
		} else if (!strcmp(t, "body")) {
			if (!c->body)
				c->body = n;
		} else if (!strcmp(t, "article")) {
			nodes_add(&c->article_cand, n);
		} else if (!strcmp(t, "main")) {
			nodes_add(&c->main_cand, n);
		} else if (!strcmp(t, "h1")) {
			if (!c->h1)
				c->h1 = node_text(n);
		} else if (!strcmp(t, "time")) {
			if (attr(n, "datetime"))
				nodes_add(&c->time_cand, n);
		}
		const char *ip = attr(n, "itemprop");
		if (ip && !strcasecmp(ip, "articleBody"))
			nodes_add(&c->body_cand, n);
		else if (ip && !strcasecmp(ip, "datePublished") && strcmp(t, "meta") != 0) {
			const char *v = attr(n, "datetime");
			if (!v)
				v = attr(n, "content");
			if (!v)
				v = attr(n, "title"); /* <abbr title="2018-06-05T08:00"> */
			if (v) {
				set_date(c, v, 3);
			} else {
				char *s = node_text(n);
				set_date(c, s, 3);
				free(s);
			}
		}
		if (dateish_value(attr(n, "class")) || dateish_value(attr(n, "id")) ||
		    dateish_value(attr(n, "itemprop")))
			nodes_add(&c->dateish, n);
		const char *role = attr(n, "role");
		if (role && (!strcasecmp(role, "main") || !strcasecmp(role, "article")))
			nodes_add(!strcasecmp(role, "main") ? &c->main_cand : &c->article_cand, n);
		if (depth < MAX_DEPTH)
			walk_meta(c, n->children, depth + 1);
	}
}

/* A <header> or <aside> left open swallows the rest of the page (the
 * browser shows it all the same): one that holds the article's element
 * is no boilerplate.  Marks the ancestors of every preferred element. */
static void mark_ancestors(const nodes *a)
{
	for (size_t i = 0; i < a->n; i++)
		for (hnode *p = a->v[i]->parent; p && !p->mark; p = p->parent)
			p->mark = 1;
}

static int structural_tag(const char *t)
{
	return !strcmp(t, "header") || !strcmp(t, "footer") || !strcmp(t, "nav") ||
	       !strcmp(t, "aside");
}

/* ---- pass 2: statistics ----------------------------------------------- */

static stat_ *st_of(ctx *c, const hnode *n)
{
	uintptr_t i = n->priv;
	return i ? &c->st[i - 1] : NULL;
}

static size_t nonspace(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t k = 0;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r' && *s != '\f')
			k++;
	return k;
}

/* A <header> inside an article holds its headline and lead, not the
 * site's masthead. */
static int in_article(const hnode *n)
{
	for (const hnode *a = n->parent; a && is_el(a); a = a->parent)
		if (tag_is(a, "article") || tag_is(a, "main"))
			return 1;
	return 0;
}

/* Gives every element of the list n (and below) its stats slot and adds
 * each text node to all its ancestors: to the counts with boilerplate
 * always, to the strict counts only below the nearest soft element. */
static void walk_stats(ctx *c, hnode *n, int in_link, int in_p, int depth)
{
	for (; n; n = n->next) {
		if (n->type == HN_TEXT) {
			if (!n->content)
				continue;
			size_t k = nonspace(n->content);
			if (!k)
				continue;
			/* text in <span>/<b>/<font> counts for the block around it */
			hnode *blk = n->parent;
			while (blk && is_el(blk) && blk->parent && inline_tag((const char *)blk->name))
				blk = blk->parent;
			int para = in_p || (blk && is_el(blk) && direct_text_tag((const char *)blk->name));
			if (para && !in_p && !in_link && blk && is_el(blk)) {
				stat_ *bs = st_of(c, blk);
				if (bs)
					bs->own += k;
			}
			int under_soft = 0;
			for (hnode *a = n->parent; a && is_el(a); a = a->parent) {
				stat_ *s = st_of(c, a);
				if (!s)
					break;
				s->text += k;
				if (in_link)
					s->link += k;
				if (para && !in_link)
					s->ptext += k;
				if (!under_soft) {
					s->stext += k;
					if (in_link)
						s->slink += k;
					if (para && !in_link)
						s->sptext += k;
				}
				if (s->soft)
					under_soft = 1;
			}
			continue;
		}
		if (!is_el(n))
			continue;
		const char *t = (const char *)n->name;
		stat_ *s;
		if (n->priv) {
			/* a recount: flags stay as decided */
			s = &c->st[n->priv - 1];
			unsigned char hard = s->hard, soft = s->soft;
			memset(s, 0, sizeof *s);
			s->hard = hard;
			s->soft = soft;
		} else {
			if (c->nst == c->capst) {
				c->capst = c->capst ? c->capst * 2 : 1024;
				c->st = xrealloc(c->st, c->capst * sizeof *c->st);
			}
			s = &c->st[c->nst];
			memset(s, 0, sizeof *s);
			c->nst++;
			n->priv = c->nst;
			s->hard = (hard_junk_tag(t) && !(!strcmp(t, "header") && in_article(n)) &&
			           !(n->mark && structural_tag(t))) || hidden(n);
			s->soft = !s->hard && soft_junk(n);
		}
		if (s->hard || depth >= MAX_DEPTH)
			continue;
		walk_stats(c, n->children, in_link || !strcmp(t, "a"), in_p || para_tag(t), depth + 1);
	}
}

/* A "boilerplate" wrapper that holds most of the page's paragraph text
 * ("content-sidebar-wrap", a theme's "has-comments" body) is the page
 * itself: its soft mark is dropped.  Returns whether any was. */
static int overrule_soft(ctx *c)
{
	stat_ *top = st_of(c, c->doc);
	if (!top || !top->ptext)
		return 0;
	int any = 0;
	for (size_t i = 0; i < c->nst; i++) {
		stat_ *s = &c->st[i];
		if (s->soft && s->ptext * 2 >= top->ptext && s->ptext >= 200 && s->link * 3 < s->text) {
			s->soft = 0;
			any = 1;
		}
	}
	return any;
}

/* ---- root choice ------------------------------------------------------ */

static size_t ptext_of(ctx *c, const hnode *n)
{
	stat_ *s = st_of(c, n);
	return s ? (c->relaxed ? s->ptext : s->sptext) : 0;
}

/* Is n inside boilerplate (soft boilerplate only counts when strict)? */
static int inside_junk(ctx *c, const hnode *n)
{
	for (const hnode *a = n; a && is_el(a); a = a->parent) {
		stat_ *s = st_of(c, a);
		if (s && (s->hard || (s->soft && !c->relaxed && a != n)))
			return 1;
	}
	return 0;
}

static int is_ancestor(const hnode *a, const hnode *n);

static hnode *best_of(ctx *c, const nodes *a)
{
	hnode *best = NULL;
	size_t bp = 0;
	for (size_t i = 0; i < a->n; i++) {
		size_t p = ptext_of(c, a->v[i]);
		if (p > bp && !inside_junk(c, a->v[i])) {
			bp = p;
			best = a->v[i];
		}
	}
	if (bp < 150)
		return NULL;
	/* several real articles side by side (the posts of a thread, the
	 * sections of a page each marked up as <article>): their common
	 * ancestor is the text, when it is not a link list */
	size_t total = 0, count = 0;
	hnode *lca = NULL;
	for (size_t i = 0; i < a->n; i++) {
		hnode *n = a->v[i];
		if (ptext_of(c, n) < 150 || inside_junk(c, n))
			continue;
		int nested = 0;
		for (size_t j = 0; j < a->n && !nested; j++)
			nested = j != i && a->v[j] != n && is_ancestor(a->v[j], n) &&
			         ptext_of(c, a->v[j]) >= 150;
		if (nested)
			continue;
		total += ptext_of(c, n);
		count++;
		if (!lca) {
			lca = n;
		} else {
			while (lca && !is_ancestor(lca, n))
				lca = lca->parent;
		}
	}
	if (count >= 2 && lca && bp * 10 < total * 7) {
		stat_ *ls = st_of(c, lca);
		size_t text = ls ? (c->relaxed ? ls->text : ls->stext) : 0;
		size_t link = ls ? (c->relaxed ? ls->link : ls->slink) : 0;
		if (ls && link * 3 < text)
			return lca;
	}
	return best;
}

/* Scores paragraphs onto their parent and grandparent. */
static void walk_score(ctx *c, hnode *n, int depth)
{
	for (; n; n = n->next) {
		if (!is_el(n))
			continue;
		stat_ *s = st_of(c, n);
		if (!s || s->hard || (s->soft && !c->relaxed))
			continue;
		const char *t = (const char *)n->name;
		size_t len = 0;
		hnode *p1 = NULL;
		if (para_tag(t)) {
			len = c->relaxed ? s->ptext : s->sptext;
			p1 = n->parent;
		} else if (direct_text_tag(t)) {
			/* own text only: children's paragraph text is scored by them */
			len = s->own;
			p1 = n;
		}
		if (len >= 25 && p1 && is_el(p1)) {
			double v = (double)len;
			stat_ *a = st_of(c, p1);
			if (a)
				a->score += v;
			if (p1->parent && is_el(p1->parent) && (a = st_of(c, p1->parent)))
				a->score += v / 2;
		}
		if (!para_tag(t) && depth < MAX_DEPTH)
			walk_score(c, n->children, depth + 1);
	}
}

static double final_score(ctx *c, const hnode *n)
{
	stat_ *s = st_of(c, n);
	if (!s || s->score <= 0)
		return 0;
	size_t text = c->relaxed ? s->text : s->stext;
	size_t link = c->relaxed ? s->link : s->slink;
	double ld = text ? (double)link / (double)text : 0;
	double v = s->score * (1 - ld);
	if (good_value(attr(n, "class")) || good_value(attr(n, "id")) || good_value(attr(n, "itemprop")))
		v *= GOODF;
	return v;
}

static void best_scored(ctx *c, hnode *n, int depth, hnode **best, double *bs)
{
	for (; n; n = n->next) {
		if (!is_el(n))
			continue;
		stat_ *s = st_of(c, n);
		if (!s || s->hard || (s->soft && !c->relaxed))
			continue;
		double v = final_score(c, n);
		if (v > *bs) {
			*bs = v;
			*best = n;
		}
		if (depth < MAX_DEPTH)
			best_scored(c, n->children, depth + 1, best, bs);
	}
}

/* ---- pass 3: emission ------------------------------------------------- */

static void flush_line(ctx *c)
{
	buf *l = &c->line;
	while (l->len && l->p[l->len - 1] == ' ')
		l->p[--l->len] = '\0';
	if (l->len) {
		if (!(c->lines == 0 && c->skip_first && strcmp(l->p, c->skip_first) == 0)) {
			if (c->out->len)
				buf_addc(c->out, '\n');
			buf_add(c->out, l->p, l->len);
		}
		c->lines++;
	}
	buf_reset(l);
	c->pending_space = 0;
}

static void add_text(ctx *c, const char *str, int pre)
{
	const unsigned char *s = (const unsigned char *)str;
	buf *l = &c->line;
	while (*s) {
		const unsigned char *run = s;
		while (*s && *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r' && *s != '\f' &&
		       !(s[0] == 0xC2 && s[1] == 0xA0))
			s++;
		if (s > run) {
			if (c->pending_space && l->len)
				buf_addc(l, ' ');
			c->pending_space = 0;
			buf_add(l, run, (size_t)(s - run));
		}
		if (!*s)
			break;
		if (pre && *s == '\n')
			flush_line(c);
		else
			c->pending_space = 1;
		s += (s[0] == 0xC2) ? 2 : 1;
	}
}

static int keep_soft(ctx *c, const hnode *n)
{
	if (c->relaxed)
		return 1;
	stat_ *s = st_of(c, n);
	/* a "boilerplate" wrapper holding most of the article is the article */
	return s && c->root_ptext && s->ptext * 10 >= c->root_ptext * 6 &&
	       s->link * 4 < s->text;
}

/* Link lists inside the article ("more on this", tag clouds) are
 * navigation however they are marked up. */
static int link_heavy(const stat_ *s)
{
	return s->text && s->link * 3 > s->text;
}

/* Would emit leave element n out? */
static int skipped(ctx *c, hnode *n)
{
	stat_ *s = st_of(c, n);
	if (!s || s->hard || (s->soft && !keep_soft(c, n)))
		return 1;
	const char *t = (const char *)n->name;
	return block_tag(t) && !c->relaxed && n != c->root && link_heavy(s);
}

static int heading_tag(const char *t)
{
	return t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && !t[2];
}

/* A heading over a block that is left out ("More on this" over a link
 * list, "Comments" over the comments) goes with it. */
static int orphan_heading(ctx *c, hnode *n)
{
	hnode *k = n->next;
	while (k && (k->type == HN_TEXT ? nonspace(k->content) == 0 : !is_el(k)))
		k = k->next;
	if (!k || !is_el(k) || !skipped(c, k))
		return 0;
	stat_ *s = st_of(c, k);
	/* an ad slot, a script or an image between heading and text is no
	 * left-out block */
	return (s && s->text > 0) || structural_tag((const char *)k->name);
}

static void emit(ctx *c, hnode *n, int pre, int depth)
{
	for (; n; n = n->next) {
		if (n->type == HN_TEXT) {
			if (n->content)
				add_text(c, n->content, pre);
			continue;
		}
		if (!is_el(n))
			continue;
		stat_ *s = st_of(c, n);
		if (!s || s->hard)
			continue;
		if (s->soft && !keep_soft(c, n))
			continue;
		const char *t = (const char *)n->name;
		if (!strcmp(t, "br")) {
			flush_line(c);
			continue;
		}
		int block = block_tag(t);
		if (block && !c->relaxed && n != c->root && link_heavy(s))
			continue;
		if (!c->relaxed && heading_tag(t) && s->text < 80 && orphan_heading(c, n))
			continue;
		if (block)
			flush_line(c);
		else if (!strcmp(t, "td") || !strcmp(t, "th"))
			c->pending_space = 1;
		if (depth < MAX_DEPTH)
			emit(c, n->children, pre || !strcmp(t, "pre"), depth + 1);
		if (block)
			flush_line(c);
	}
}

/* Emits one element as a whole (its own tag decides block-ness). */
static void emit_node(ctx *c, hnode *n)
{
	hnode *next = n->next;
	n->next = NULL;
	emit(c, n, 0, 0);
	n->next = next;
}


static void emit_root(ctx *c, hnode *root, int with_siblings)
{
	c->root = root;
	c->final_root = root;
	stat_ *rs = st_of(c, root);
	c->root_ptext = rs ? rs->ptext : 0;
	if (!with_siblings || !root->parent) {
		emit_node(c, root);
		return;
	}
	double bs = final_score(c, root);
	double thr = bs * 0.2 > 10 ? bs * 0.2 : 10;
	for (hnode *k = root->parent->children; k; k = k->next) {
		if (!is_el(k))
			continue;
		int take = k == root;
		stat_ *s = st_of(c, k);
		if (!take && s && !s->hard && !(s->soft && !c->relaxed)) {
			size_t text = c->relaxed ? s->text : s->stext;
			size_t link = c->relaxed ? s->link : s->slink;
			size_t ptext = c->relaxed ? s->ptext : s->sptext;
			double ld = text ? (double)link / (double)text : 1;
			if (final_score(c, k) >= thr)
				take = 1;
			else if (para_tag((const char *)k->name) && ptext > 80 && ld < 0.25)
				take = 1;
		}
		if (take)
			emit_node(c, k);
	}
}

/* Title: og:title, else <title> cut before a " | Site" suffix, else h1. */
static char *pick_title(ctx *c)
{
	if (c->title_og)
		return xstrdup(c->title_og);
	if (c->title_tag) {
		const char *t = c->title_tag;
		static const char *const seps[] = { " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB " };
		size_t n = strlen(t);
		if (c->h1 && strstr(t, c->h1))
			return xstrdup(c->h1);
		for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
			const char *last = NULL;
			for (const char *p = strstr(t, seps[i]); p; p = strstr(p + 1, seps[i]))
				last = p;
			if (last && (size_t)(last - t) >= 15 && (size_t)(last - t) * 2 >= n)
				return xstrndup(t, (size_t)(last - t));
		}
		return xstrdup(t);
	}
	return c->h1 ? xstrdup(c->h1) : NULL;
}

static void ctx_release(ctx *c)
{
	free(c->title_tag);
	free(c->title_og);
	free(c->h1);
	free(c->url_canon);
	free(c->url_og);
	free(c->lang);
	free(c->body_cand.v);
	free(c->article_cand.v);
	free(c->main_cand.v);
	free(c->time_cand.v);
	free(c->dateish.v);
	buf_release(&c->ld_body);
	free(c->st);
	buf_release(&c->line);
}

static int is_ancestor(const hnode *a, const hnode *n)
{
	for (; n; n = n->parent)
		if (n == a)
			return 1;
	return 0;
}

/* A page built of modules (intro, text blocks, FAQ) spreads its text
 * over several siblings: while the parent holds much more paragraph
 * text than the chosen block, with little link text, take the parent. */
static hnode *widen(ctx *c, hnode *best, hnode *top)
{
	const double fac = 1.6; /* 1.3..1.6 score alike on the benchmark */
	const int levels = 4;   /* wrappers climbed without a gain */
	hnode *p = best->parent;
	for (int up = 0; up < levels && p && is_el(p) && p != top; up++, p = p->parent) {
		stat_ *ps = st_of(c, p);
		if (!ps)
			break;
		size_t text = c->relaxed ? ps->text : ps->stext;
		size_t link = c->relaxed ? ps->link : ps->slink;
		if (link * 4 > text)
			break;
		if ((double)ptext_of(c, p) >= fac * (double)ptext_of(c, best)) {
			best = p;
			up = 0;
		}
	}
	return best;
}

/* Runs the root choice and emission once; appends to out.  A preferred
 * element (articleBody, <article>, <main>) wins unless the scored block
 * lies outside it and holds clearly more paragraph text: pages mark up
 * teasers and related items as <article> too. */
static void extract_body(ctx *c, buf *out)
{
	c->out = out;
	c->lines = 0;
	hnode *root = best_of(c, &c->body_cand);
	if (!root)
		root = best_of(c, &c->article_cand);
	if (!root)
		root = best_of(c, &c->main_cand);
	for (size_t i = 0; i < c->nst; i++)
		c->st[i].score = 0;
	hnode *start = c->body ? c->body : c->doc;
	walk_score(c, start, 0);
	double bs = 0;
	hnode *best = NULL;
	best_scored(c, start, 0, &best, &bs);
	if (root && best && !is_ancestor(root, best) && !is_ancestor(best, root) &&
	    ptext_of(c, best) > 2 * ptext_of(c, root))
		root = NULL;
	if (root)
		emit_root(c, root, 0);
	else if (best)
		emit_root(c, widen(c, best, start), 1);
	else
		emit_root(c, start, 0);
}

/* Appends the text below n, leaving out hard boilerplate, up to max
 * bytes. */
static void visible_text(ctx *c, const hnode *n, buf *b, size_t max, int depth)
{
	for (; n && b->len < max; n = n->next) {
		if (n->type == HN_TEXT) {
			buf_add(b, n->content, n->len);
			buf_addc(b, ' ');
			continue;
		}
		stat_ *s = st_of(c, n);
		if (!is_el(n) || (s && s->hard && !tag_is(n, "header")) || depth >= MAX_DEPTH)
			continue;
		visible_text(c, n->children, b, max, depth + 1);
	}
}

/* The publication date when the metadata names none: an URL path date,
 * a <time datetime> near the article, a date-like element's text near
 * it, then the first date written in the article's surroundings.  "Near"
 * is the root's parent or grandparent, as long as they are not much
 * bigger than the article itself (a date line sits just above or below
 * the text; sidebars and comment lists carry other dates). */
static void pick_date(ctx *c)
{
	char d[16];
	if (c->date[0] && c->date_rank <= 4)
		return;
	const char *url = c->url_canon ? c->url_canon : c->url_og;
	if (url && hdate_url(url, d) == 0) {
		memcpy(c->date, d, sizeof d);
		c->date_rank = 5;
		return;
	}
	hnode *scope = c->final_root;
	if (!scope)
		scope = c->body ? c->body : c->doc;
	stat_ *rs = st_of(c, scope);
	size_t base = rs ? rs->text : 0;
	for (int up = 0; up < 2 && scope->parent && is_el(scope->parent); up++) {
		stat_ *ps = st_of(c, scope->parent);
		if (!ps || ps->text > base + base / 2 + 1500)
			break;
		scope = scope->parent;
	}
	for (size_t i = 0; i < c->time_cand.n; i++)
		if (is_ancestor(scope, c->time_cand.v[i])) {
			const char *v = attr(c->time_cand.v[i], "datetime");
			if (rd_date_norm(v, strlen(v), d) == 0 && strlen(d) == 10) {
				memcpy(c->date, d, sizeof d);
				c->date_rank = 6;
				return;
			}
		}
	buf b = BUF_INIT;
	for (size_t i = 0; i < c->dateish.n; i++) {
		hnode *n = c->dateish.v[i];
		if (!is_ancestor(scope, n) && !is_ancestor(n, scope))
			continue;
		buf_reset(&b);
		visible_text(c, n->children, &b, 400, 0);
		if (b.len < 400 && hdate_find(b.p, b.len, d) == 0) {
			memcpy(c->date, d, sizeof d);
			c->date_rank = 7;
			buf_release(&b);
			return;
		}
	}
	buf_reset(&b);
	visible_text(c, scope->children, &b, 4000, 0);
	if (b.len && hdate_find(b.p, b.len, d) == 0) {
		memcpy(c->date, d, sizeof d);
		c->date_rank = 8;
		buf_release(&b);
		return;
	}
	/* nothing near the article: the first date line anywhere, one in
	 * the <title>, any <time>, the first date on the page, and last the
	 * date of the last change */
	for (size_t i = 0; i < c->dateish.n; i++) {
		hnode *n = c->dateish.v[i];
		if (inside_junk(c, n))
			continue;
		buf_reset(&b);
		visible_text(c, n->children, &b, 400, 0);
		if (b.len < 400 && hdate_find(b.p, b.len, d) == 0) {
			memcpy(c->date, d, sizeof d);
			c->date_rank = 9;
			buf_release(&b);
			return;
		}
	}
	buf_release(&b);
	if (c->title_tag && hdate_find(c->title_tag, strlen(c->title_tag), d) == 0) {
		memcpy(c->date, d, sizeof d);
		c->date_rank = 10;
		return;
	}
	if (c->time_cand.n && !c->date[0])
		set_date(c, attr(c->time_cand.v[0], "datetime"), 11);
	if (!c->date[0] && c->body) {
		buf_reset(&b);
		visible_text(c, c->body->children, &b, 20000, 0);
		if (b.len && hdate_find(b.p, b.len, d) == 0) {
			memcpy(c->date, d, sizeof d);
			c->date_rank = 12;
		}
		buf_release(&b);
	}
	if (!c->date[0] && c->modified[0])
		memcpy(c->date, c->modified, sizeof c->date);
}

/* The whole extraction; o_* may be NULL.  Returns SL_OK/SL_EFORMAT. */
static int extract(const char *bytes, size_t n, const char *hint, buf *text,
                   char **o_title, char **o_date, char **o_url, char **o_lang,
                   size_t *o_repaired)
{
	buf page = BUF_INIT;
	size_t repaired = decode_page(bytes, n, hint, &page);
	if (o_repaired)
		*o_repaired = repaired;
	if (page.len > INT32_MAX) {
		buf_release(&page);
		return SL_EFORMAT;
	}
	hdom *xd = page.len ? hdom_parse(page.p, page.len) : NULL;
	buf_release(&page);
	if (!xd)
		return SL_EFORMAT;
	ctx c;
	memset(&c, 0, sizeof c);
	c.doc = hdom_root(xd);
	buf_init(&c.line);
	c.date_rank = 99;
	walk_meta(&c, c.doc, 0);
	mark_ancestors(&c.body_cand);
	mark_ancestors(&c.article_cand);
	mark_ancestors(&c.main_cand);
	walk_stats(&c, c.doc, 0, 0, 0);
	if (overrule_soft(&c))
		walk_stats(&c, c.doc, 0, 0, 0);
	char *title = pick_title(&c);
	c.skip_first = title;
	size_t start = text->len;
	extract_body(&c, text);
	if (text->len - start < 250) {
		/* nearly nothing: the soft rules may have eaten a mislabelled
		 * article; take the relaxed reading if it finds clearly more */
		buf alt = BUF_INIT;
		hnode *strict_root = c.final_root;
		c.relaxed = 1;
		extract_body(&c, &alt);
		if (alt.len <= 2 * (text->len - start) + 50) {
			c.final_root = strict_root;
			c.relaxed = 0;
		} else {
			text->len = start;
			text->p[start] = '\0';
			buf_add(text, alt.p, alt.len);
		}
		buf_release(&alt);
	}
	if (text->len - start < 300 && c.ld_body.len > 2 * (text->len - start) + 200 &&
	    !memchr(c.ld_body.p, '<', c.ld_body.len)) {
		/* the page builds its text by script; the JSON-LD copy is it */
		text->len = start;
		text->p[start] = '\0';
		c.out = text;
		c.lines = 0;
		c.pending_space = 0;
		buf_reset(&c.line);
		add_text(&c, c.ld_body.p, 1);
		flush_line(&c);
	}
	if (o_title)
		*o_title = title;
	else
		free(title);
	if (o_date) {
		pick_date(&c);
		*o_date = c.date[0] ? xstrdup(c.date) : NULL;
	}
	if (o_url) {
		*o_url = c.url_canon ? c.url_canon : c.url_og;
		if (c.url_canon)
			c.url_canon = NULL;
		else
			c.url_og = NULL;
	}
	if (o_lang) {
		*o_lang = c.lang;
		c.lang = NULL;
	}
	ctx_release(&c);
	hdom_free(xd);
	return SL_OK;
}

int html_extract(const char *bytes, size_t n, const char *charset_hint,
                 buf *text, char **title, char **date)
{
	if (title)
		*title = NULL;
	if (date)
		*date = NULL;
	return extract(bytes, n, charset_hint, text, title, date, NULL, NULL, NULL);
}

int html_extract_doc(const char *bytes, size_t n, const char *charset_hint, doc *d)
{
	buf body = BUF_INIT;
	char *title = NULL, *date = NULL, *url = NULL, *lang = NULL;
	size_t repaired = 0;
	int rc = extract(bytes, n, charset_hint, &body, &title, &date, &url, &lang, &repaired);
	buf all = BUF_INIT;
	if (title) {
		buf_adds(&all, title);
		buf_adds(&all, "\n\n");
	}
	buf_add(&all, body.p, body.len);
	buf_release(&body);
	/* already clean UTF-8; this copies it into the doc and counts 0 */
	rd_set_text(d, all.p, all.len);
	buf_release(&all);
	d->repaired += repaired;
	d->body = 0;
	if (title) {
		free(d->title);
		d->title = title;
	}
	if (date) {
		free(d->date);
		d->date = date;
	}
	if (url) {
		if (!d->url)
			d->url = url;
		else
			free(url);
	}
	if (lang) {
		free(d->lang);
		d->lang = lang;
	}
	return rc;
}

int rd_html_next(rd_src *src, doc *d, rd_warner *w)
{
	if (src->done)
		return SL_DONE;
	src->done = 1;
	buf_reset(&src->tmp);
	rs_read_all(&src->s, &src->tmp);
	d->id = xstrdup(src->base);
	if (html_extract_doc(src->tmp.p, src->tmp.len, NULL, d) != SL_OK && src->tmp.len)
		rd_warn(w, "%s: cannot parse as HTML", src->path);
	buf_release(&src->tmp);
	return SL_OK;
}
