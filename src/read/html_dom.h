/*
 * html_dom: the small HTML tree the main-text extractor walks, and the
 * parser that builds it (html_parse.c).
 *
 * Why not libxml2's HTML parser: it follows HTML 4 nesting rules, so an
 * end tag such as </nav> or </header> that meets a still-open <div> is
 * dropped and the whole rest of the page ends up inside the navigation;
 * and it spends most of its time in malloc.  This parser tokenises as
 * HTML5 does (raw text for script/style, character references, comments)
 * and builds the tree with the parts of the HTML5 tree-construction rules
 * that matter for text: block end tags close what is open inside them,
 * inline end tags never close a block, <p>/<li>/<dd>/<td>/<tr>/<option>
 * close implicitly, void elements never open, <head> ends at the first
 * body content.  Everything lives in one arena freed at once.
 */
#ifndef SL_HTML_DOM_H
#define SL_HTML_DOM_H

#include <stddef.h>

enum { HN_ELEM = 1, HN_TEXT = 3 };

typedef struct hattr {
	const char *name;  /* lower case */
	const char *value; /* decoded, "" when absent */
} hattr;

typedef struct hnode {
	struct hnode *parent, *children, *last, *next;
	const char *name;  /* element: lower-case tag name; text: NULL */
	char *content;     /* text: decoded UTF-8, NUL-terminated */
	size_t len;        /* text: bytes in content */
	hattr *attrs;
	unsigned nattr;
	unsigned char type;
	unsigned char mark; /* free for the walkers (0 after parsing) */
	size_t priv;        /* free for the walkers (0 after parsing) */
} hnode;

typedef struct hdom hdom;

/* Parses UTF-8 (without NUL bytes) s[0..n) into a tree; never fails on
 * bad markup.  The root is a synthetic "#root" element holding <html>
 * (or whatever the page starts with). */
hdom *hdom_parse(const char *s, size_t n);
/* The synthetic root; valid until hdom_free. */
hnode *hdom_root(hdom *d);
/* Frees the tree and every string in it (d may be NULL). */
void hdom_free(hdom *d);

/* The value of attribute name (lower case) or NULL. */
const char *hdom_attr(const hnode *n, const char *name);

#endif
