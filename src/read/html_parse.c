/*
 * html_parse: tokeniser and tree builder for html_dom.h.
 *
 * One forward pass over the bytes.  The tokeniser follows the HTML5
 * states that real pages exercise (tags with quoted or bare attributes,
 * comments, <!...> and <?...> declarations, raw text in script/style,
 * RCDATA in title/textarea, numeric and named character references, the
 * windows-1252 reading of &#128;..&#159;); named references come from
 * libxml2's HTML 4 table, which holds every name news pages use.  The
 * tree builder keeps a stack of open elements and applies a reduced
 * HTML5 rule set (see html_dom.h); it has no foster parenting and no
 * adoption agency, neither of which moves text between blocks in a way
 * that matters for extraction.  Strings are copied into an arena so the
 * input can be released at once.
 */
#include "html_dom.h"

#include <libxml/HTMLparser.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../base/buf.h"

#define MAX_OPEN 512

/* ---- arena ------------------------------------------------------------ */

typedef struct ablock {
	struct ablock *next;
	size_t used, cap;
	char data[];
} ablock;

struct hdom {
	ablock *blocks;
	hnode *root;
	hnode *stack[MAX_OPEN];
	int depth;       /* elements on the stack above root */
	int foreign;     /* open svg/math elements */
	hnode *head, *html, *body;
	int head_done;
};

static void *aalloc(hdom *d, size_t n)
{
	n = (n + 7) & ~(size_t)7;
	ablock *b = d->blocks;
	if (!b || b->used + n > b->cap) {
		size_t cap = n > 65536 ? n : 65536;
		if (b && b->cap * 2 > cap && b->cap < (1u << 22))
			cap = b->cap * 2 > n ? b->cap * 2 : n;
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

/* ---- character classes and tag sets ----------------------------------- */

static int is_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_alnum(int c)
{
	return is_alpha(c) || (c >= '0' && c <= '9');
}

static int in_set(const char *t, const char *const *set)
{
	for (; *set; set++)
		if (t[0] == (*set)[0] && !strcmp(t, *set))
			return 1;
	return 0;
}

static const char *const void_tags[] = {
	"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
	"param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame",
	"image", NULL,
};

/* Start tags that close an open <p> (HTML5 "close a p element"). */
static const char *const closes_p[] = {
	"address", "article", "aside", "blockquote", "center", "details", "dialog",
	"dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form",
	"h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main",
	"menu", "nav", "ol", "p", "pre", "section", "table", "ul", "li", "dd",
	"dt", "listing", "plaintext", "search", "xmp", NULL,
};

/* Block end tags: close everything open inside the matching element
 * when one is in scope, else are ignored. */
static const char *const block_end[] = {
	"address", "article", "aside", "blockquote", "button", "center", "details",
	"dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer",
	"form", "header", "hgroup", "listing", "main", "menu", "nav", "ol", "pre",
	"section", "summary", "ul", "search", "applet", "marquee", "object",
	"select", "table", "caption", "colgroup", "tbody", "thead", "tfoot", "tr",
	"td", "th", "li", "dd", "dt", "p", NULL,
};

/* HTML5 "special" elements: an inline end tag never closes past one. */
static const char *const special[] = {
	"address", "applet", "area", "article", "aside", "base", "basefont",
	"bgsound", "blockquote", "body", "br", "button", "caption", "center",
	"col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed",
	"fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset",
	"h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr",
	"html", "iframe", "img", "input", "li", "link", "listing", "main",
	"marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript",
	"object", "ol", "p", "param", "plaintext", "pre", "script", "search",
	"section", "select", "source", "style", "summary", "table", "tbody", "td",
	"template", "textarea", "tfoot", "th", "thead", "title", "tr", "track",
	"ul", "wbr", "xmp", "#root", NULL,
};

static const char *const head_tags[] = {
	"meta", "title", "link", "script", "style", "base", "noscript",
	"template", "basefont", "bgsound", NULL,
};

static int heading(const char *t)
{
	return t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && !t[2];
}

/* ---- character references --------------------------------------------- */

static size_t put_utf8(char *o, uint32_t cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xE0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* &#128;..&#159; name windows-1252 characters (HTML5 table). */
static const uint16_t c1_map[32] = {
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
	0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

/* Decodes the reference at s[0] == '&' (s < e); writes the character to
 * o and returns the bytes consumed, or 0 when it is no reference. */
static size_t char_ref(const char *s, const char *e, int in_attr, char *o, size_t *olen)
{
	const char *p = s + 1;
	if (p < e && *p == '#') {
		p++;
		int hex = p < e && (*p == 'x' || *p == 'X');
		if (hex)
			p++;
		uint32_t cp = 0;
		const char *d0 = p;
		while (p < e && (hex ? (is_alnum((unsigned char)*p) &&
		                        ((*p >= '0' && *p <= '9') || (*p | 32) <= 'f'))
		                     : (*p >= '0' && *p <= '9'))) {
			int v = *p <= '9' ? *p - '0' : (*p | 32) - 'a' + 10;
			if (cp < 0x110000)
				cp = cp * (hex ? 16u : 10u) + (uint32_t)v;
			p++;
		}
		if (p == d0)
			return 0;
		if (p < e && *p == ';')
			p++;
		if (cp >= 0x80 && cp < 0xA0)
			cp = c1_map[cp - 0x80];
		else if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			cp = 0xFFFD;
		*olen = put_utf8(o, cp);
		return (size_t)(p - s);
	}
	char name[40];
	size_t k = 0;
	while (p + k < e && k + 1 < sizeof name && is_alnum((unsigned char)p[k])) {
		name[k] = p[k];
		k++;
	}
	if (!k)
		return 0;
	name[k] = '\0';
	int semi = p + k < e && p[k] == ';';
	if (!semi && (in_attr || k + 1 >= sizeof name))
		return 0;
	const htmlEntityDesc *ent = htmlEntityLookup((const xmlChar *)name);
	if (!ent)
		return 0;
	*olen = put_utf8(o, ent->value);
	return 1 + k + (size_t)semi;
}

/* Copies s[0..n) into the arena, decoding references when decode. */
static char *copy_text(hdom *d, const char *s, size_t n, int decode, int in_attr, size_t *len)
{
	/* a reference never decodes to more bytes than it is written with */
	char *o = aalloc(d, n + 1);
	size_t j = 0;
	const char *e = s + n;
	if (!decode || !memchr(s, '&', n)) {
		memcpy(o, s, n);
		j = n;
	} else {
		while (s < e) {
			const char *amp = memchr(s, '&', (size_t)(e - s));
			size_t run = amp ? (size_t)(amp - s) : (size_t)(e - s);
			memcpy(o + j, s, run);
			j += run;
			s += run;
			if (!amp)
				break;
			size_t w = 0, used = char_ref(s, e, in_attr, o + j, &w);
			if (used && w <= used) {
				j += w;
				s += used;
			} else {
				o[j++] = '&';
				s++;
			}
		}
	}
	o[j] = '\0';
	if (len)
		*len = j;
	return o;
}

static char *copy_lower(hdom *d, const char *s, size_t n)
{
	char *o = aalloc(d, n + 1);
	for (size_t i = 0; i < n; i++)
		o[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] + 32) : s[i];
	o[n] = '\0';
	return o;
}

/* ---- tree building ---------------------------------------------------- */

static hnode *cur(hdom *d)
{
	return d->stack[d->depth];
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

static void pop_to(hdom *d, int i)
{
	/* pops stack[i] and everything above it */
	for (int k = d->depth; k >= i; k--) {
		const char *t = d->stack[k]->name;
		if (!strcmp(t, "svg") || !strcmp(t, "math"))
			d->foreign--;
	}
	d->depth = i - 1;
}

/* Index of the topmost open element called t within the scope, or 0.
 * scope: 0 default, 1 button, 2 list item, 3 table. */
static int in_scope(hdom *d, const char *t, int scope)
{
	for (int i = d->depth; i >= 1; i--) {
		const char *s = d->stack[i]->name;
		if (!strcmp(s, t) || (heading(t) && heading(s)))
			return i;
		if (scope == 3) {
			if (!strcmp(s, "table") || !strcmp(s, "html") || !strcmp(s, "template"))
				return 0;
			continue;
		}
		if (!strcmp(s, "table") || !strcmp(s, "td") || !strcmp(s, "th") ||
		    !strcmp(s, "caption") || !strcmp(s, "html") || !strcmp(s, "template") ||
		    !strcmp(s, "applet") || !strcmp(s, "marquee") || !strcmp(s, "object"))
			return 0;
		if (scope == 1 && !strcmp(s, "button"))
			return 0;
		if (scope == 2 && (!strcmp(s, "ul") || !strcmp(s, "ol")))
			return 0;
	}
	return 0;
}

static void close_head(hdom *d)
{
	if (!d->head || d->head_done)
		return;
	d->head_done = 1;
	for (int i = d->depth; i >= 1; i--)
		if (d->stack[i] == d->head) {
			pop_to(d, i);
			return;
		}
}

static void add_text(hdom *d, const char *s, size_t n, int decode)
{
	if (!n)
		return;
	if (d->head && !d->head_done && cur(d) == d->head) {
		size_t i = 0;
		while (i < n && is_ws((unsigned char)s[i]))
			i++;
		if (i == n)
			return;
		close_head(d);
	}
	hnode *t = aalloc(d, sizeof *t);
	memset(t, 0, sizeof *t);
	t->type = HN_TEXT;
	t->content = copy_text(d, s, n, decode, 0, &t->len);
	append(cur(d), t);
}

/* Implied closes before start tag t opens. */
static void before_start(hdom *d, const char *t)
{
	int i;
	if (d->head && !d->head_done && !in_set(t, head_tags) && strcmp(t, "head") != 0)
		close_head(d);
	if (d->foreign)
		return;
	if (in_set(t, closes_p) && (i = in_scope(d, "p", 1)))
		pop_to(d, i);
	if (heading(t) && heading(cur(d)->name))
		pop_to(d, d->depth);
	if (!strcmp(t, "li") || !strcmp(t, "dd") || !strcmp(t, "dt")) {
		for (i = d->depth; i >= 1; i--) {
			const char *s = d->stack[i]->name;
			if (!strcmp(t, "li") ? !strcmp(s, "li") : (!strcmp(s, "dd") || !strcmp(s, "dt"))) {
				pop_to(d, i);
				break;
			}
			if (in_set(s, special) && strcmp(s, "address") && strcmp(s, "div") && strcmp(s, "p"))
				break;
		}
	} else if (!strcmp(t, "a")) {
		for (i = d->depth; i >= 1 && !in_set(d->stack[i]->name, special); i--)
			if (!strcmp(d->stack[i]->name, "a")) {
				pop_to(d, i);
				break;
			}
	} else if (!strcmp(t, "td") || !strcmp(t, "th")) {
		if ((i = in_scope(d, "td", 3)) || (i = in_scope(d, "th", 3)))
			pop_to(d, i);
	} else if (!strcmp(t, "tr")) {
		if ((i = in_scope(d, "tr", 3)))
			pop_to(d, i);
	} else if (!strcmp(t, "tbody") || !strcmp(t, "thead") || !strcmp(t, "tfoot")) {
		if ((i = in_scope(d, "tbody", 3)) || (i = in_scope(d, "thead", 3)) ||
		    (i = in_scope(d, "tfoot", 3)))
			pop_to(d, i);
	} else if (!strcmp(t, "option") || !strcmp(t, "optgroup")) {
		if (!strcmp(cur(d)->name, "option"))
			pop_to(d, d->depth);
		if (!strcmp(t, "optgroup") && !strcmp(cur(d)->name, "optgroup"))
			pop_to(d, d->depth);
	}
}

static hnode *start_tag(hdom *d, const char *t, hattr *attrs, unsigned nattr, int selfclose)
{
	if (!strcmp(t, "html") && d->html) {
		if (!d->html->nattr) {
			d->html->attrs = attrs;
			d->html->nattr = nattr;
		}
		return NULL;
	}
	if ((!strcmp(t, "body") && d->body) || (!strcmp(t, "head") && d->head))
		return NULL;
	before_start(d, t);
	hnode *n = aalloc(d, sizeof *n);
	memset(n, 0, sizeof *n);
	n->type = HN_ELEM;
	n->name = t;
	n->attrs = attrs;
	n->nattr = nattr;
	append(cur(d), n);
	if (!strcmp(t, "html"))
		d->html = n;
	else if (!strcmp(t, "head"))
		d->head = n;
	else if (!strcmp(t, "body")) {
		d->body = n;
		close_head(d);
	}
	int foreign = !strcmp(t, "svg") || !strcmp(t, "math");
	if (in_set(t, void_tags) || ((d->foreign || foreign) && selfclose) || d->depth + 1 >= MAX_OPEN)
		return n;
	d->stack[++d->depth] = n;
	if (foreign)
		d->foreign++;
	return n;
}

static void end_tag(hdom *d, const char *t)
{
	int i;
	if (!strcmp(t, "body") || !strcmp(t, "html"))
		return;
	if (!strcmp(t, "head")) {
		close_head(d);
		return;
	}
	if (!strcmp(t, "br")) {
		start_tag(d, "br", NULL, 0, 0);
		return;
	}
	if (!d->foreign && (in_set(t, block_end) || heading(t))) {
		int scope = !strcmp(t, "p") ? 1 : !strcmp(t, "li") ? 2 :
		            (!strcmp(t, "tr") || !strcmp(t, "td") || !strcmp(t, "th") ||
		             !strcmp(t, "tbody") || !strcmp(t, "thead") || !strcmp(t, "tfoot") ||
		             !strcmp(t, "table") || !strcmp(t, "caption")) ? 3 : 0;
		if ((i = in_scope(d, t, scope)))
			pop_to(d, i);
		return;
	}
	for (i = d->depth; i >= 1; i--) {
		const char *s = d->stack[i]->name;
		if (!strcmp(s, t)) {
			pop_to(d, i);
			return;
		}
		if (!d->foreign && in_set(s, special))
			return;
	}
}

/* ---- tokeniser -------------------------------------------------------- */

/* Finds "</name" followed by a delimiter from p on, case-insensitively. */
static const char *find_end(const char *p, const char *e, const char *name)
{
	size_t k = strlen(name);
	while (p < e && (p = memchr(p, '<', (size_t)(e - p))) != NULL) {
		if (p + 2 + k <= e && p[1] == '/' && strncasecmp(p + 2, name, k) == 0 &&
		    (p + 2 + k == e || is_ws((unsigned char)p[2 + k]) || p[2 + k] == '>' ||
		     p[2 + k] == '/'))
			return p;
		p++;
	}
	return NULL;
}

/* Parses the tag at p ('<' then a letter, or "</" then a letter);
 * returns the position after it, or NULL when the input ends inside. */
static const char *tag(hdom *d, const char *p, const char *e)
{
	int end = p[1] == '/';
	const char *s = p + 1 + end;
	const char *q = s;
	while (q < e && !is_ws((unsigned char)*q) && *q != '/' && *q != '>')
		q++;
	char *name = copy_lower(d, s, (size_t)(q - s));
	hattr buf_attrs[64];
	unsigned na = 0;
	int selfclose = 0;
	for (;;) {
		while (q < e && (is_ws((unsigned char)*q) || *q == '/')) {
			selfclose = *q == '/';
			q++;
		}
		if (q >= e)
			return NULL;
		if (*q == '>') {
			q++;
			break;
		}
		selfclose = 0;
		const char *an = q++;
		while (q < e && !is_ws((unsigned char)*q) && *q != '/' && *q != '>' && *q != '=')
			q++;
		size_t anl = (size_t)(q - an);
		while (q < e && is_ws((unsigned char)*q))
			q++;
		const char *v = NULL;
		size_t vl = 0;
		if (q < e && *q == '=') {
			q++;
			while (q < e && is_ws((unsigned char)*q))
				q++;
			if (q < e && (*q == '"' || *q == '\'')) {
				const char *close = memchr(q + 1, *q, (size_t)(e - q - 1));
				if (!close)
					return NULL;
				v = q + 1;
				vl = (size_t)(close - v);
				q = close + 1;
			} else {
				v = q;
				while (q < e && !is_ws((unsigned char)*q) && *q != '>')
					q++;
				vl = (size_t)(q - v);
			}
		}
		if (!end && na < sizeof buf_attrs / sizeof buf_attrs[0]) {
			hattr *a = &buf_attrs[na];
			a->name = copy_lower(d, an, anl);
			int dup = 0;
			for (unsigned i = 0; i < na && !dup; i++)
				dup = !strcmp(buf_attrs[i].name, a->name);
			if (!dup) {
				a->value = v ? copy_text(d, v, vl, 1, 1, NULL) : "";
				na++;
			}
		}
	}
	if (end) {
		end_tag(d, name);
		return q;
	}
	hattr *attrs = NULL;
	if (na) {
		attrs = aalloc(d, na * sizeof *attrs);
		memcpy(attrs, buf_attrs, na * sizeof *attrs);
	}
	hnode *n = start_tag(d, name, attrs, na, selfclose);
	if (d->foreign)
		return q;
	int raw = !strcmp(name, "script") || !strcmp(name, "style") || !strcmp(name, "xmp") ||
	          !strcmp(name, "iframe") || !strcmp(name, "noembed") ||
	          !strcmp(name, "noframes") || !strcmp(name, "noscript");
	int rcdata = !strcmp(name, "title") || !strcmp(name, "textarea");
	if (!strcmp(name, "plaintext")) {
		add_text(d, q, (size_t)(e - q), 0);
		return e;
	}
	if (raw || rcdata) {
		const char *close = find_end(q, e, name);
		const char *stop = close ? close : e;
		if (n && cur(d) == n)
			add_text(d, q, (size_t)(stop - q), rcdata);
		if (!close)
			return e;
		end_tag(d, name);
		const char *gt = memchr(close, '>', (size_t)(e - close));
		return gt ? gt + 1 : e;
	}
	return q;
}

/* Skips a comment or declaration at p ('<' then '!', '?' or '/'). */
static const char *skip_decl(const char *p, const char *e)
{
	if (p + 4 <= e && p[1] == '!' && p[2] == '-' && p[3] == '-') {
		const char *q = p + 4;
		if (q < e && *q == '>')
			return q + 1;
		if (q + 1 < e && q[0] == '-' && q[1] == '>')
			return q + 2;
		while (q < e && (q = memchr(q, '-', (size_t)(e - q))) != NULL) {
			if (q + 2 < e && q[1] == '-' && q[2] == '>')
				return q + 3;
			if (q + 3 < e && q[1] == '-' && q[2] == '!' && q[3] == '>')
				return q + 4;
			q++;
		}
		return e;
	}
	const char *gt = memchr(p, '>', (size_t)(e - p));
	return gt ? gt + 1 : e;
}

hdom *hdom_parse(const char *s, size_t n)
{
	hdom *d = xcalloc(1, sizeof *d);
	d->root = aalloc(d, sizeof *d->root);
	memset(d->root, 0, sizeof *d->root);
	d->root->type = HN_ELEM;
	d->root->name = "#root";
	d->stack[0] = d->root;
	const char *p = s, *e = s + n, *text = s;
	while (p < e) {
		const char *lt = memchr(p, '<', (size_t)(e - p));
		if (!lt)
			break;
		if (lt + 1 >= e) {
			p = e;
			break;
		}
		unsigned char c = (unsigned char)lt[1];
		if (is_alpha(c) || (c == '/' && lt + 2 < e && is_alpha((unsigned char)lt[2]))) {
			add_text(d, text, (size_t)(lt - text), 1);
			const char *q = tag(d, lt, e);
			p = text = q ? q : e;
		} else if (c == '!' || c == '?' || c == '/') {
			add_text(d, text, (size_t)(lt - text), 1);
			p = text = skip_decl(lt, e);
		} else {
			p = lt + 1;
		}
	}
	add_text(d, text, (size_t)(e - text), 1);
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
	free(d);
}

const char *hdom_attr(const hnode *n, const char *name)
{
	for (unsigned i = 0; i < n->nattr; i++)
		if (n->attrs[i].name[0] == name[0] && !strcmp(n->attrs[i].name, name))
			return n->attrs[i].value;
	return NULL;
}
