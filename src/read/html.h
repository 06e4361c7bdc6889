/*
 * html: main-text extraction from one HTML page.
 *
 * Kept apart from the readers so it can be run (and tuned on the
 * main-text benchmark) on its own: bytes in, the article's text and
 * metadata out.  The page is decoded to UTF-8 first (BOM, then the
 * caller's charset hint such as an HTTP Content-Type, then <meta>, then
 * UTF-8 if the bytes are valid, else windows-1252) and parsed with
 * libxml2's HTML parser into the arena tree of html_dom.h.  Boilerplate
 * (navigation, cookie banners, share bars, teasers, credits, comments, ...) is
 * dropped; the article is taken from <article>/<main>/
 * itemprop=articleBody when present, else from the block with the most
 * paragraph text outside links (JSON-LD articleBody when the page shows
 * next to nothing).  Block elements become separate lines.  The date
 * comes from JSON-LD, meta tags, the URL, <time> or a visible date line
 * near the article.
 */
#ifndef SL_HTML_H
#define SL_HTML_H

#include <stddef.h>
#include "doc.h"

/*
 * Extracts the main text of the page bytes[0..n) into text (appended:
 * UTF-8, one block a line, no title) and sets *title and *date
 * ("YYYY-MM-DD" or "YYYY-MM") to malloc'ed strings or NULL; title or
 * date may be NULL when not wanted.  charset_hint may be NULL.  Returns
 * SL_OK, or SL_EFORMAT when the page cannot be parsed at all (text is
 * then left empty).
 */
int html_extract(const char *bytes, size_t n, const char *charset_hint,
                 buf *text, char **title, char **date);

/*
 * The document form used by the readers: fills d->text with the title
 * line, a blank line and the body lines (d->body = 0), and sets title,
 * date, url (canonical link or og:url), lang (from <html lang> when it
 * is nl/en/de/fr) and repaired (bytes the charset decoder could not
 * map).  Fields already set in d (id, source, a date) are kept unless
 * the page supplies better: a page date replaces d->date.  Returns as
 * html_extract.
 */
int html_extract_doc(const char *bytes, size_t n, const char *charset_hint, doc *d);

#endif
