/*
 * html_dom: the small HTML tree the main-text extractor walks, and the
 * parser that builds it (html_parse.c, on libxml2's HTML parser).
 *
 * The tree is close to HTML5's: <html>, <head> and <body> always exist
 * (implied when the page omits them), tables get their <tbody>, stray
 * table content is foster-parented before the table, block end tags
 * close what is open inside them; misnested formatting elements are
 * closed rather than split as HTML5's adoption agency would (see
 * html_parse.c).  Comments are dropped; script/style text is raw.
 * Everything lives in one arena freed at once.
 */
#ifndef SL_HTML_DOM_H
#define SL_HTML_DOM_H

#include <stddef.h>

enum { HN_ELEM = 1, HN_TEXT = 3 };

typedef struct hattr {
	const char *name;  /* lower case (SVG/MathML keep their camel case) */
	const char *value; /* decoded, "" when empty */
} hattr;

typedef struct hnode {
	struct hnode *parent, *children, *last, *next;
	const char *name;  /* element: lower-case tag name; text: NULL */
	const char *content; /* text: decoded UTF-8, NUL-terminated */
	size_t len;        /* text: bytes in content */
	hattr *attrs;
	unsigned nattr;
	unsigned char type;
	unsigned char mark; /* free for the walkers (0 after parsing) */
	size_t priv;        /* free for the walkers (0 after parsing) */
} hnode;

typedef struct hdom hdom;

/* Parses UTF-8 s[0..n) into a tree; never fails on bad markup (NUL
 * bytes become U+FFFD).  s may be released as soon as this returns.
 * The root is a synthetic "#root" element whose one element child is
 * <html>. */
hdom *hdom_parse(const char *s, size_t n);
/* The synthetic root; valid until hdom_free. */
hnode *hdom_root(hdom *d);
/* Frees the tree and every string in it (d may be NULL). */
void hdom_free(hdom *d);

/* The value of attribute name (lower case) or NULL. */
const char *hdom_attr(const hnode *n, const char *name);

#endif
