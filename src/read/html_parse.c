/*
 * html_parse: builds the html_dom.h tree with gumbo, Google's conformant
 * HTML5 parser (Debian libgumbo-dev).
 *
 * gumbo does the tokenising, the character references and the whole
 * HTML5 tree construction (implied <html>/<head>/<body>/<tbody>,
 * adoption agency for misnested formatting, foster parenting of table
 * content); this file only converts its output into the arena DOM the
 * extractor walks, in one iterative pass.  Why a conversion at all: the
 * walkers need parent/next links, a last child and two scratch fields
 * per node, which gumbo's vectors do not give.
 *
 * Speed: gumbo allocates every node, vector and string separately.  All
 * of that goes to one bump arena through gumbo's allocator hooks (free
 * is a no-op), and the DOM nodes live in the same arena, pointing at
 * gumbo's strings instead of copying them.  hdom_free drops the arena in
 * one go, which is why gumbo_destroy_output is never called: it would
 * only walk the tree to call the no-op free.
 */
#include "html_dom.h"

#include <gumbo.h>
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

static void *gumbo_alloc(void *userdata, size_t n)
{
	return aalloc(userdata, n ? n : 1);
}

static void gumbo_free(void *userdata, void *p)
{
	/* the arena is released as a whole by hdom_free */
	(void)userdata;
	(void)p;
}

/* ---- conversion ------------------------------------------------------- */

static void append(hnode *parent, hnode *n)
{
	n->parent = parent;
	if (parent->last)
		parent->last->next = n;
	else
		parent->children = n;
	parent->last = n;
}

/* Lower-case tag name of an element gumbo has no enum value for
 * (custom elements, most SVG/MathML names). */
static const char *unknown_name(hdom *d, const GumboElement *el)
{
	GumboStringPiece s = el->original_tag;
	if (!s.data || !s.length)
		return "unknown";
	gumbo_tag_from_original_text(&s);
	if (!s.data || !s.length)
		return "unknown";
	char *o = aalloc(d, s.length + 1);
	for (size_t i = 0; i < s.length; i++)
		o[i] = (s.data[i] >= 'A' && s.data[i] <= 'Z') ? (char)(s.data[i] + 32) : s.data[i];
	o[s.length] = '\0';
	return o;
}

/* The DOM node for gumbo node g, or NULL for nodes the walkers never
 * see (comments). */
static hnode *convert(hdom *d, const GumboNode *g)
{
	hnode *n;
	switch (g->type) {
	case GUMBO_NODE_TEXT:
	case GUMBO_NODE_WHITESPACE:
	case GUMBO_NODE_CDATA:
		n = aalloc(d, sizeof *n);
		memset(n, 0, sizeof *n);
		n->type = HN_TEXT;
		n->content = g->v.text.text;
		n->len = strlen(n->content);
		return n;
	case GUMBO_NODE_ELEMENT:
	case GUMBO_NODE_TEMPLATE: {
		const GumboElement *el = &g->v.element;
		n = aalloc(d, sizeof *n);
		memset(n, 0, sizeof *n);
		n->type = HN_ELEM;
		n->name = el->tag == GUMBO_TAG_UNKNOWN ? unknown_name(d, el)
		                                       : gumbo_normalized_tagname(el->tag);
		if (!n->name[0])
			n->name = unknown_name(d, el);
		if (el->attributes.length) {
			n->attrs = aalloc(d, el->attributes.length * sizeof *n->attrs);
			for (unsigned i = 0; i < el->attributes.length; i++) {
				const GumboAttribute *a = el->attributes.data[i];
				n->attrs[n->nattr].name = a->name;
				n->attrs[n->nattr].value = a->value ? a->value : "";
				n->nattr++;
			}
		}
		return n;
	}
	default:
		return NULL;
	}
}

/* Children vector of a document or element node, or NULL. */
static const GumboVector *kids(const GumboNode *g)
{
	if (g->type == GUMBO_NODE_DOCUMENT)
		return &g->v.document.children;
	if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE)
		return &g->v.element.children;
	return NULL;
}

/* Source offset where gumbo node g starts. */
static size_t start_of(const GumboNode *g)
{
	if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE)
		return g->v.element.start_pos.offset;
	if (g->type == GUMBO_NODE_DOCUMENT)
		return 0;
	return g->v.text.start_pos.offset;
}

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

/* Gumbo nodes whose DOM counterpart was dropped (see hdom_parse). */
typedef struct {
	const GumboNode *g;
	size_t end; /* offset where the raw noscript text ends */
} dropped;

/* Gumbo's tree builder slows down much faster than the page grows when
 * elements nest very deeply (seconds at 30,000 levels, minutes at
 * 200,000), and it has no depth limit of its own.  No real article nests
 * anywhere near HTML_MAX_DEPTH, so a page is cut where an approximate
 * count of open elements (start tags minus end tags and self-closing
 * ones) first exceeds it: what comes before is kept and parsed. */
#define HTML_MAX_DEPTH 4096

/* Void elements and those whose end tag is usually left out close
 * themselves: they never deepen the tree. */
static int never_nests(const char *t, size_t n)
{
	static const char *const names[] = { "br", "img", "meta", "link", "input", "hr", "area",
		"base", "col", "embed", "param", "source", "track", "wbr", "p", "li", "dt", "dd",
		"option", "tr", "td", "th", NULL };
	size_t len = 0;
	while (len < n && ((t[len] | 0x20) >= 'a' && (t[len] | 0x20) <= 'z'))
		len++;
	for (size_t k = 0; names[k]; k++)
		if (strlen(names[k]) == len && !strncasecmp(t, names[k], len))
			return 1;
	return 0;
}

static size_t depth_cut(const char *s, size_t n)
{
	long depth = 0;
	for (size_t i = 0; i + 1 < n; i++) {
		if (s[i] != '<')
			continue;
		unsigned char c = (unsigned char)s[i + 1];
		if (c == '/') {
			if (depth > 0)
				depth--;
		} else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
			/* a start tag; self-closing ones and void elements do not
			 * open anything, but counting them only makes the cut
			 * earlier on pages that are pathological anyway */
			size_t j = i + 1;
			while (j < n && s[j] != '>' && j - i < 512)
				j++;
			if (j < n && s[j] == '>' && s[j - 1] == '/')
				continue;
			if (never_nests(s + i + 1, j - i - 1))
				continue;
			if (++depth > HTML_MAX_DEPTH)
				return i;
		}
	}
	return n;
}

hdom *hdom_parse(const char *s, size_t n)
{
	n = depth_cut(s, n);
	hdom *d = xcalloc(1, sizeof *d);
	GumboOptions opt = kGumboDefaultOptions;
	opt.allocator = gumbo_alloc;
	opt.deallocator = gumbo_free;
	opt.userdata = d;
	/* error records cost time and nobody reads them */
	opt.max_errors = 0;
	GumboOutput *out = gumbo_parse_with_options(&opt, s, n);
	d->root = aalloc(d, sizeof *d->root);
	memset(d->root, 0, sizeof *d->root);
	d->root->type = HN_ELEM;
	d->root->name = "#root";
	if (!out)
		return d;
	/*
	 * <noscript>: gumbo parses as a browser with scripting off, so the
	 * content of a body <noscript> is markup, and an unclosed element in
	 * it (<noscript><div></noscript>) makes gumbo ignore </noscript> and
	 * nest the rest of the page inside.  Browsers run scripts: to them
	 * that content is raw text ending at the first </noscript>.  So a
	 * noscript element becomes an empty node, gumbo nodes inside it that
	 * start before that end tag are dropped, and those starting after it
	 * (the swallowed page) are hung after the noscript, where a browser
	 * has them.  What stays off is the nesting depth: gumbo still counts
	 * the element left open in the noscript, so the end tag that closes
	 * its parent in a browser closes that element instead, and the
	 * content after it stays one level too deep (harmless for scoring).
	 */
	dropped *drop = NULL;
	size_t ndrop = 0, capdrop = 0, ns_cache[2] = { 1, 0 };
	/* depth-first without recursion: pages nest deeper than a stack
	 * should; g walks gumbo's tree, p is the DOM parent of g's children */
	const GumboNode *g = out->document;
	hnode *p = d->root;
	size_t i = 0;
	for (;;) {
		const GumboVector *v = kids(g);
		if (v && i < v->length) {
			const GumboNode *k = v->data[i++];
			size_t at = start_of(k), end = 0;
			int hide = ndrop && drop[ndrop - 1].g == g && at < drop[ndrop - 1].end;
			if (hide) {
				end = drop[ndrop - 1].end;
			} else if (k->type == GUMBO_NODE_ELEMENT && k->v.element.tag == GUMBO_TAG_NOSCRIPT) {
				append(p, convert(d, k));
				end = noscript_end(s, n, at, ns_cache);
				hide = 1;
			}
			if (hide) {
				if (kids(k) && kids(k)->length) {
					if (ndrop == capdrop) {
						capdrop = capdrop ? 2 * capdrop : 16;
						drop = xrealloc(drop, capdrop * sizeof *drop);
					}
					drop[ndrop].g = k;
					drop[ndrop].end = end;
					ndrop++;
					g = k;
					i = 0;
				}
				continue;
			}
			hnode *c = convert(d, k);
			if (c) {
				append(p, c);
				if (kids(k) && kids(k)->length) {
					g = k;
					p = c;
					i = 0;
				}
			}
			continue;
		}
		if (g == out->document)
			break;
		if (ndrop && drop[ndrop - 1].g == g)
			ndrop--;
		else
			p = p->parent;
		i = g->index_within_parent + 1;
		g = g->parent;
	}
	free(drop);
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
