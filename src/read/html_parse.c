/*
 * html_parse: builds the html_dom.h tree with libxml2's HTML parser
 * (Debian libxml2-dev), driven through its SAX interface: the callbacks
 * append straight to the arena DOM, no libxml2 tree is ever built.
 *
 * Why libxml2 and not gumbo: on the main-text benchmark gumbo's parse
 * alone took 80% of the reader's time and capped the whole command near
 * 25 MB/s (a node, vector and string allocated for everything, a
 * tokenizer that decodes UTF-8 one character at a time); libxml2's
 * parser is several times faster and the extraction scores the same.
 *
 * What its recovery does differently from an HTML5 tree builder, and
 * what this file adds back:
 *   - libxml2 closes elements by HTML 4's rules: a block start tag
 *     closes an open <p>, <li> closes <li>, an end tag closes what is
 *     open inside its element unless that is of higher rank (</span>
 *     never closes a <div>, </div> never a <td>), an end tag with
 *     nothing to close is dropped.  HTML5's sectioning elements
 *     (<article>, <section>, <nav>, <header>, ...) are unknown to it and
 *     nest like <span>, so here they close an open <p> themselves.
 *   - no adoption agency: <b>1<p>2</b>3 ends the <b> and the <p> at </b>
 *     instead of splitting the <b>; the text stays, only its nesting
 *     differs (harmless for scoring);
 *   - no <tbody> and no foster parenting: both are done here (a <tr> in
 *     a <table> goes into a <tbody>, text and non-table elements inside
 *     a table's structure are hung before the table, as browsers do);
 *   - <noscript> content is markup to libxml2 and an element left open
 *     in it swallows the page; browsers run scripts, so to them it is
 *     raw text ending at the first </noscript>: what libxml2 reports
 *     before that end tag is dropped, what comes after is hung after the
 *     noscript (where a browser has it).
 * Implied <html>, <head> and <body>, void elements, raw-text <script>
 * and <style>, character references and lower-cased names come from
 * libxml2 itself.
 *
 * Speed: names live in libxml2's dictionary, which the tree keeps (one
 * reference) instead of copying them; text and attribute values are
 * copied once into a bump arena freed in one go by hdom_free.
 */
#include "html_dom.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "../base/buf.h"

/* ---- arena ------------------------------------------------------------ */

typedef struct ablock {
	struct ablock *next;
	size_t used, cap;
	_Alignas(16) char data[];
} ablock;

struct hdom {
	ablock *blocks;
	hnode *root;
	xmlDictPtr dict; /* holds the element and attribute names */
};

static void *aalloc(hdom *d, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	ablock *b = d->blocks;
	if (!b || b->used + n > b->cap) {
		size_t cap = 1u << 16;
		if (b && b->cap < (1u << 22))
			cap = b->cap * 2;
		else if (b)
			cap = b->cap;
		if (cap < n)
			cap = n;
		ablock *nb = xmalloc(sizeof *nb + cap);
		nb->used = 0;
		nb->cap = cap;
		nb->next = b;
		d->blocks = nb;
		b = nb;
	}
	void *p = b->data + b->used;
	b->used += n;
	return p;
}

static char *astrdup(hdom *d, const char *s, size_t n)
{
	char *o = aalloc(d, n + 1);
	memcpy(o, s, n);
	o[n] = '\0';
	return o;
}

static hnode *new_node(hdom *d, int type)
{
	hnode *n = aalloc(d, sizeof *n);
	memset(n, 0, sizeof *n);
	n->type = (unsigned char)type;
	return n;
}

static void append(hnode *parent, hnode *n)
{
	n->parent = parent;
	if (parent->last)
		parent->last->next = n;
	else
		parent->children = n;
	parent->last = n;
}


/* ---- limits on hostile input ------------------------------------------ */

/* Offset of the first "</noscript" (then a delimiter) at or after from,
 * or n.  cache[0..1] is the last question and answer: nothing lies
 * between them, so a later question in that range has the same answer,
 * which keeps a page of many unclosed noscripts linear. */
static size_t noscript_end(const char *s, size_t n, size_t from, size_t cache[2])
{
	if (cache[0] <= from && from <= cache[1])
		return cache[1];
	cache[0] = from;
	const char *p = s + from, *e = s + n;
	while ((p = memchr(p, '<', (size_t)(e - p))) != NULL) {
		if (e - p >= 11 && p[1] == '/' && !strncasecmp(p + 2, "noscript", 8) &&
		    (p[10] == '>' || p[10] == '/' || p[10] == ' ' || p[10] == '\t' ||
		     p[10] == '\n' || p[10] == '\r' || p[10] == '\f'))
			break;
		p++;
	}
	cache[1] = p ? (size_t)(p - s) : n;
	return cache[1];
}

/* Closing an element costs the parser a scan of its stack of open
 * elements, so very deep nesting makes it quadratic; no real article
 * nests anywhere near HTML_MAX_DEPTH, so a page is cut where an
 * approximate count of open elements (start tags minus end tags and
 * self-closing ones) first exceeds it: what comes before is kept and
 * parsed. */
#define HTML_MAX_DEPTH 4096

/* Void elements and those whose end tag is usually left out close
 * themselves: they never deepen the tree.  t[0..n) follows the '<'. */
static int never_nests(const char *t, size_t n)
{
	static const char *const names[] = { "br", "img", "meta", "link", "input", "hr", "area",
		"base", "col", "embed", "param", "source", "track", "wbr", "p", "li", "dt", "dd",
		"option", "tr", "td", "th", NULL };
	char low[8];
	size_t len = 0;
	while (len < n && len < sizeof low && ((t[len] | 0x20) >= 'a' && (t[len] | 0x20) <= 'z')) {
		low[len] = (char)(t[len] | 0x20);
		len++;
	}
	if (len == sizeof low)
		return 0;
	for (size_t k = 0; names[k]; k++)
		if (names[k][0] == low[0] && !strncmp(names[k], low, len) && !names[k][len])
			return 1;
	return 0;
}

static size_t depth_cut(const char *s, size_t n)
{
	long depth = 0;
	const char *p = s, *e = s + n;
	for (; (p = memchr(p, '<', (size_t)(e - p))) != NULL && e - p >= 2; p++) {
		unsigned char c = (unsigned char)p[1];
		if (c == '/') {
			if (depth > 0)
				depth--;
		} else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
			/* a start tag; self-closing ones and void elements do not
			 * open anything, but counting them only makes the cut
			 * earlier on pages that are pathological anyway */
			size_t lim = (size_t)(e - p) < 512 ? (size_t)(e - p) : 512;
			const char *gt = memchr(p + 1, '>', lim - 1);
			if (gt && gt[-1] == '/')
				continue;
			if (never_nests(p + 1, (size_t)((gt ? gt : p + lim) - p - 1)))
				continue;
			if (++depth > HTML_MAX_DEPTH)
				return (size_t)(p - s);
		}
	}
	return n;
}

/* ---- the SAX builder -------------------------------------------------- */

/* One element open in libxml2's stack, which the builder mirrors. */
typedef struct open_el {
	const xmlChar *name; /* as libxml2 reports it (a dictionary string) */
	hnode *into;         /* where content goes: the element, or where
	                      * it went when the element was closed early */
} open_el;

typedef struct builder {
	hdom *d;
	htmlParserCtxtPtr ctxt;
	const char *src;
	size_t n;
	open_el *st;
	size_t nst, cap;
	buf text;            /* text not yet in a node */
	size_t skip_from;    /* stack index of the <noscript> being skipped */
	size_t skip_end;     /* offset of its </noscript>; 0: not skipping */
	size_t ns_cache[2];
	char pending[16];    /* an end tag libxml2 may have refused */
	size_t pending_at;   /* the offset where it did */
	hnode *html, *body;  /* the first <html> and <body> */
	hnode *foster_tab, *foster_prev; /* the last node fostered, and where */
	struct {
		const char *name;
		unsigned flags;
	} tags[128];         /* tag_flags by name pointer (see there) */
} builder;

/* Hangs n into t's parent just before t (foster parenting).  Nodes have
 * no back link, so the one before t is looked for, unless n follows the
 * node fostered last before the same table: a table full of stray text
 * stays linear. */
static void insert_before(builder *b, hnode *t, hnode *n)
{
	hnode *p = t->parent;
	n->parent = p;
	n->next = t;
	hnode *q = b->foster_tab == t ? b->foster_prev : NULL;
	if (!q && p->children != t)
		for (q = p->children; q->next != t; q = q->next)
			;
	if (q)
		q->next = n;
	else
		p->children = n;
	b->foster_tab = t;
	b->foster_prev = n;
}

static hnode *into(builder *b)
{
	return b->nst ? b->st[b->nst - 1].into : b->d->root;
}

/* Byte offset in the page just after what libxml2 has read. */
static size_t offset(builder *b)
{
	xmlParserInputPtr in = b->ctxt->input;
	return (size_t)in->consumed + (size_t)(in->cur - in->base);
}

/* Closes, for the tree only, the elements of stack entries i..end-1:
 * their content goes where entry i's parent's goes.  libxml2 keeps them
 * open and reports their ends later. */
static void close_range(builder *b, size_t i, size_t end)
{
	hnode *to = i ? b->st[i - 1].into : b->d->root;
	for (size_t j = i; j < end; j++)
		b->st[j].into = to;
}

/* Ends a <noscript> once the parser is past its end tag: whatever is
 * still open from inside it gets its content where the noscript's
 * would go. */
static int skipping(builder *b)
{
	if (!b->skip_end)
		return 0;
	if (offset(b) <= b->skip_end && b->nst > b->skip_from)
		return 1;
	close_range(b, b->skip_from, b->nst);
	b->skip_end = 0;
	return 0;
}

/* Is t one of the NULL-terminated names? */
static int name_in(const char *t, const char *const *names)
{
	for (size_t i = 0; names[i]; i++)
		if (t[0] == names[i][0] && !strcmp(t, names[i]))
			return 1;
	return 0;
}

/* Start tags that close an open <p> in HTML5.  libxml2 closes it only
 * when it is the current element and knows none of HTML5's new ones. */
static int closes_p(const char *t)
{
	static const char *const tags[] = { "address", "article", "aside", "blockquote",
		"center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption",
		"figure", "footer", "form", "header", "hgroup", "h1", "h2", "h3", "h4", "h5", "h6",
		"hr", "listing", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "ul",
		NULL };
	return name_in(t, tags);
}

/* Where the search for an open <p> stops (HTML5's "button scope"). */
static int p_scope_end(const char *t)
{
	static const char *const tags[] = { "td", "th", "table", "caption", "button", "object",
		"html", "template", "marquee", "applet", NULL };
	return name_in(t, tags);
}

/* Elements at home in a table's structure (the rest is fostered). */
static int table_content(const char *t)
{
	static const char *const tags[] = { "tr", "td", "th", "tbody", "thead", "tfoot",
		"caption", "colgroup", "col", "script", "style", "template", "form", "input",
		NULL };
	return name_in(t, tags);
}

/* End tags that close everything open inside their element in HTML5
 * (its "special" block elements).  libxml2 ranks most of them below
 * <div>, so an unclosed <div> inside makes it drop the end tag. */
static int closes_inside(const char *t)
{
	static const char *const tags[] = { "address", "article", "aside", "blockquote",
		"center", "details", "dialog", "dir", "dl", "dd", "dt", "fieldset", "figcaption",
		"figure", "footer", "form", "header", "hgroup", "h1", "h2", "h3", "h4", "h5", "h6",
		"li", "listing", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "ul",
		NULL };
	return name_in(t, tags);
}

enum {
	T_CLOSES_P = 1 << 0,      /* closes_p */
	T_P_SCOPE = 1 << 1,       /* p_scope_end */
	T_IN_TABLE = 1 << 2,      /* table_content */
	T_CLOSES_INSIDE = 1 << 3, /* closes_inside */
	T_TABLE_PART = 1 << 4,    /* table, tbody, thead, tfoot, tr */
	T_TABLE = 1 << 5,
	T_TR = 1 << 6,
	T_CELL = 1 << 7,          /* td, th */
	T_P = 1 << 8,
	T_HTML = 1 << 9,
	T_BODY = 1 << 10,
	T_NOSCRIPT = 1 << 11,
};

static unsigned classify(const char *t)
{
	static const char *const parts[] = { "table", "tbody", "thead", "tfoot", "tr", NULL };
	unsigned f = 0;
	f |= closes_p(t) ? T_CLOSES_P : 0;
	f |= p_scope_end(t) ? T_P_SCOPE : 0;
	f |= table_content(t) ? T_IN_TABLE : 0;
	f |= closes_inside(t) ? T_CLOSES_INSIDE : 0;
	f |= name_in(t, parts) ? T_TABLE_PART : 0;
	f |= !strcmp(t, "table") ? T_TABLE : 0;
	f |= !strcmp(t, "tr") ? T_TR : 0;
	f |= !strcmp(t, "td") || !strcmp(t, "th") ? T_CELL : 0;
	f |= !strcmp(t, "p") ? T_P : 0;
	f |= !strcmp(t, "html") ? T_HTML : 0;
	f |= !strcmp(t, "body") ? T_BODY : 0;
	f |= !strcmp(t, "noscript") ? T_NOSCRIPT : 0;
	return f;
}

/* The T_* flags of tag name t.  libxml2 keeps one copy of every name in
 * its dictionary, so a page's names are a few dozen pointers: each is
 * classified once and found again by its address. */
static unsigned tag_flags(builder *b, const char *t)
{
	size_t n = sizeof b->tags / sizeof b->tags[0];
	size_t h = (size_t)(((uintptr_t)t * 0x9E3779B97F4A7C15u) >> 32) & (n - 1);
	for (size_t k = 0; k < 8; k++, h = (h + 1) & (n - 1)) {
		if (b->tags[h].name == t)
			return b->tags[h].flags;
		if (!b->tags[h].name) {
			b->tags[h].name = t;
			return b->tags[h].flags = classify(t);
		}
	}
	return classify(t);
}

/* The flags of node n (0 for text and NULL). */
static unsigned node_flags(builder *b, const hnode *n)
{
	return n && n->type == HN_ELEM ? tag_flags(b, n->name) : 0;
}

static hnode *table_of(builder *b, hnode *n)
{
	while (n && !(node_flags(b, n) & T_TABLE))
		n = n->parent;
	return n;
}

/* Copies text into the arena, reading U+0080..U+009F as the
 * windows-1252 characters HTML5 makes of &#128;..&#159; (libxml2 keeps
 * the C1 controls; old pages write "&#150;" for a dash). */
static size_t copy_text(hdom *d, const char *s, size_t n, char **out)
{
	static const unsigned short w1252[32] = {
		0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
		0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
		0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
		0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
	};
	if (!memchr(s, 0xC2, n)) {
		*out = astrdup(d, s, n);
		return n;
	}
	char *o = aalloc(d, n + n / 2 + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		unsigned char c2 = i + 1 < n ? (unsigned char)s[i + 1] : 0;
		if (c == 0xC2 && c2 >= 0x80 && c2 <= 0x9F && w1252[c2 - 0x80] > 0xFF) {
			unsigned u = w1252[c2 - 0x80];
			if (u < 0x800) {
				o[k++] = (char)(0xC0 | (u >> 6));
			} else {
				o[k++] = (char)(0xE0 | (u >> 12));
				o[k++] = (char)(0x80 | ((u >> 6) & 0x3F));
			}
			o[k++] = (char)(0x80 | (u & 0x3F));
			i++;
			continue;
		}
		o[k++] = (char)c;
	}
	o[k] = '\0';
	*out = o;
	return k;
}

static void flush_text(builder *b)
{
	if (!b->text.len)
		return;
	hnode *p = into(b), *tab = NULL;
	if (node_flags(b, p) & T_TABLE_PART) {
		/* white space between rows means nothing (and would hide the
		 * tbody made for the last row from the next); other text is
		 * fostered */
		size_t k = 0;
		while (k < b->text.len && strchr(" \t\n\r\f", b->text.p[k]))
			k++;
		if (k == b->text.len) {
			buf_reset(&b->text);
			return;
		}
		tab = table_of(b, p);
		if (tab && !tab->parent)
			tab = NULL;
	}
	hnode *t = new_node(b->d, HN_TEXT);
	char *c;
	t->len = copy_text(b->d, b->text.p, b->text.len, &c);
	t->content = c;
	buf_reset(&b->text);
	if (tab)
		insert_before(b, tab, t);
	else
		append(p, t);
}

/* The child of table part p called t (tbody for tr, tr for td), made
 * when the page leaves it out, reusing the one just made. */
static hnode *implied(builder *b, hnode *p, const char *t)
{
	if (p->last && p->last->type == HN_ELEM && !strcmp(p->last->name, t))
		return p->last;
	hnode *n = new_node(b->d, HN_ELEM);
	n->name = t;
	append(p, n);
	return n;
}

/* libxml2 tells of an end tag it could not match through its error
 * channel ("Opening and ending tag mismatch: nav and div"), but raises
 * the same error while it closes inner elements on its way to a match.
 * Which one it was shows at the next event: a match ends the element
 * at the same input offset; a refusal reads on. */
static void sax_error(void *ud, xmlErrorPtr e)
{
	builder *b = ud;
	if (!e || e->code != XML_ERR_TAG_NAME_MISMATCH || !e->str1 || !e->str2 ||
	    strlen(e->str1) >= sizeof b->pending || !closes_inside(e->str1))
		return;
	memcpy(b->pending, e->str1, strlen(e->str1) + 1);
	b->pending_at = offset(b);
}

/* Before each event: an end tag libxml2 refused closes its element in
 * the tree, as in HTML5, unless a table cell or the like is open inside
 * it. */
static void settle(builder *b)
{
	if (!b->pending[0] || offset(b) == b->pending_at)
		return;
	for (size_t i = b->nst; i-- > 0;) {
		const char *t = (const char *)b->st[i].name;
		if (!strcmp(t, b->pending)) {
			flush_text(b);
			close_range(b, i, b->nst);
			break;
		}
		if (tag_flags(b, t) & T_P_SCOPE)
			break;
	}
	b->pending[0] = '\0';
}

static void sax_start(void *ud, const xmlChar *xname, const xmlChar **atts)
{
	builder *b = ud;
	settle(b);
	flush_text(b);
	const char *name = (const char *)xname;
	int skip = skipping(b);
	hnode *p = into(b);
	if (b->nst == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 64;
		b->st = xrealloc(b->st, b->cap * sizeof *b->st);
	}
	open_el *e = &b->st[b->nst++];
	e->name = xname;
	e->into = p;
	if (skip)
		return;
	/* libxml2 ends <body> and <html> at their end tags and implies a
	 * new <html> for content after them; HTML5 puts it in the body */
	unsigned f = tag_flags(b, name);
	if ((f & T_HTML) && b->html) {
		e->into = b->body ? b->body : b->html;
		return;
	}
	if ((f & T_BODY) && b->body) {
		e->into = b->body;
		return;
	}
	hnode *n = new_node(b->d, HN_ELEM);
	n->name = name;
	if (atts) {
		unsigned k = 0;
		while (atts[2 * k])
			k++;
		if (k) {
			n->attrs = aalloc(b->d, k * sizeof *n->attrs);
			for (unsigned i = 0; i < k; i++) {
				const char *v = (const char *)atts[2 * i + 1];
				n->attrs[i].name = (const char *)atts[2 * i];
				n->attrs[i].value = v ? astrdup(b->d, v, strlen(v)) : "";
			}
			n->nattr = k;
		}
	}
	if (f & T_CLOSES_P) {
		/* close an open <p> as HTML5 does; libxml2 keeps it open, so
		 * its stack entry just sends later content to its parent.  The
		 * search is bounded: no real <p> holds 64 open inline elements,
		 * and an unbounded one would make deep nesting quadratic */
		size_t lo = b->nst > 65 ? b->nst - 65 : 0;
		for (size_t i = b->nst - 1; i-- > lo;) {
			const char *t = (const char *)b->st[i].name;
			unsigned tf = tag_flags(b, t);
			if (tf & T_P_SCOPE)
				break;
			if (!(tf & T_P) || !(node_flags(b, b->st[i].into) & T_P))
				continue;
			close_range(b, i, b->nst - 1);
			p = b->st[b->nst - 2].into;
			break;
		}
	}
	unsigned pf = node_flags(b, p);
	if (pf & T_TABLE_PART) {
		hnode *tab;
		if ((f & T_TR) && (pf & T_TABLE))
			p = implied(b, p, "tbody");
		else if ((f & T_CELL) && !(pf & T_TR))
			p = implied(b, (pf & T_TABLE) ? implied(b, p, "tbody") : p, "tr");
		else if (!(f & T_IN_TABLE) && (tab = table_of(b, p)) != NULL && tab->parent) {
			insert_before(b, tab, n);
			e->into = n;
			goto opened;
		}
	}
	append(p, n);
	e->into = n;
opened:
	if (!b->html && (f & T_HTML))
		b->html = n;
	if (!b->body && (f & T_BODY))
		b->body = n;
	if ((f & T_NOSCRIPT) && !b->skip_end) {
		b->skip_end = noscript_end(b->src, b->n, offset(b), b->ns_cache);
		b->skip_from = b->nst - 1;
	}
}

static void sax_end(void *ud, const xmlChar *xname)
{
	builder *b = ud;
	settle(b);
	if (b->pending[0] && !strcmp(b->pending, (const char *)xname))
		b->pending[0] = '\0';
	flush_text(b);
	skipping(b);
	/* libxml2 reports the end of every element it opened, innermost
	 * first, so this is the top of the stack */
	size_t i = b->nst;
	while (i > 0 && b->st[i - 1].name != xname && strcmp((const char *)b->st[i - 1].name,
	                                                    (const char *)xname))
		i--;
	if (i > 0)
		b->nst = i - 1;
	if (b->skip_end && b->nst <= b->skip_from)
		b->skip_end = 0;
}

static void sax_text(void *ud, const xmlChar *s, int len)
{
	builder *b = ud;
	settle(b);
	if (skipping(b))
		return;
	buf_add(&b->text, s, (size_t)len);
}

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void)
{
	/* libxml2's global tables must be set up before threads use it */
	xmlInitParser();
}

hdom *hdom_parse(const char *s, size_t n)
{
	pthread_once(&xml_once, xml_init);
	n = depth_cut(s, n);
	hdom *d = xcalloc(1, sizeof *d);
	d->root = new_node(d, HN_ELEM);
	d->root->name = "#root";
	if (!n || n > INT32_MAX)
		return d;
	builder b;
	memset(&b, 0, sizeof b);
	b.d = d;
	b.src = s;
	b.n = n;
	b.ns_cache[0] = 1;
	buf_init(&b.text);
	htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(s, (int)n);
	if (!ctxt)
		return d;
	b.ctxt = ctxt;
	htmlSAXHandler *sax = ctxt->sax;
	memset(sax, 0, sizeof *sax);
	sax->startElement = sax_start;
	sax->endElement = sax_end;
	sax->characters = sax_text;
	sax->ignorableWhitespace = sax_text;
	sax->cdataBlock = sax_text;
	/* libxml2 hands structured errors to serror only in a SAX2 handler */
	sax->initialized = XML_SAX2_MAGIC;
	sax->serror = sax_error;
	ctxt->userData = &b;
	/* the page is UTF-8 already (html.c decoded it): a <meta charset>
	 * must not make libxml2 decode it a second time */
	htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	                             HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC |
	                             HTML_PARSE_NODEFDTD);
	xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
	htmlParseDocument(ctxt);
	flush_text(&b);
	d->dict = ctxt->dict;
	xmlDictReference(d->dict);
	htmlFreeParserCtxt(ctxt);
	free(b.st);
	buf_release(&b.text);
	return d;
}

hnode *hdom_root(hdom *d)
{
	return d->root;
}

void hdom_free(hdom *d)
{
	if (!d)
		return;
	for (ablock *b = d->blocks, *nb; b; b = nb) {
		nb = b->next;
		free(b);
	}
	if (d->dict)
		xmlDictFree(d->dict);
	free(d);
}

const char *hdom_attr(const hnode *n, const char *name)
{
	for (unsigned i = 0; i < n->nattr; i++)
		if (n->attrs[i].name[0] == name[0] && !strcmp(n->attrs[i].name, name))
			return n->attrs[i].value;
	return NULL;
}
