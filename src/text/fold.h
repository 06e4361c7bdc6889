/*
 * fold: the comparison form of text.  Lower case (Unicode case folding),
 * diacritics stripped (NFD then marks removed), typographic apostrophes
 * and quotes unified, so "Oekraïne", "OEKRAINE" and "oekraine" compare
 * equal and "l’Élysée" equals "l'elysee".  Folding is done by utf8proc;
 * fold_init caches the folded form of every code point below U+3000 so
 * the hot path is a table lookup.
 *
 * fold_init must be called once before any other call (ext_new and the
 * lexicon loader do); it is idempotent and not thread-safe itself.
 */
#ifndef SL_FOLD_H
#define SL_FOLD_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "../base/buf.h"

void fold_init(void);

/* Appends the folded form of s[0..n) (valid UTF-8) to out. */
void fold_append(buf *out, const char *s, size_t n);

/* The cache of fold_init: the folded form (padded to 8 bytes), its
 * length and the class (below) of every code point below FOLD_CACHE,
 * read inline by fold_cp_to and fold_cls_cp, which the scanners call for
 * every code point beyond ASCII. */
#define FOLD_CACHE 0x3000
extern char fold_tab[FOLD_CACHE][8];
extern unsigned char fold_len[FOLD_CACHE];
extern unsigned char fold_cls_tab[FOLD_CACHE];

/* The folded form of one code point, as fold_append writes it for a
 * code point decoded from a multi-byte sequence, into out (room for
 * FOLD_CP_MAX bytes); returns its length (0 for the soft hyphen).  For
 * scanners that fold a word into a fixed array and stop early. */
#define FOLD_CP_MAX 32
size_t fold_cp_beyond(int32_t cp, char *out);   /* from FOLD_CACHE */
static inline size_t fold_cp_to(int32_t cp, char *out)
{
	if ((uint32_t)cp < FOLD_CACHE) {
		memcpy(out, fold_tab[cp], 8);
		return fold_len[cp];
	}
	return fold_cp_beyond(cp, out);
}

/* Character classes used by the tokenizer.  ASCII is answered inline
 * from a table (the tokenizer asks for every byte); other code points
 * from the cache or, beyond it, from utf8proc's categories.  The table
 * has 256 entries, 0 from 0x80 up, so that any byte indexes it;
 * FOLD_LOWER and FOLD_DIGIT are only in it (ASCII lower-case letters and
 * digits). */
enum { FOLD_ALNUM = 1, FOLD_UPPER = 2, FOLD_SPACE = 4, FOLD_LOWER = 8, FOLD_DIGIT = 16 };
extern const unsigned char fold_ascii_cls[256];
int fold_cls_beyond(int32_t cp);   /* from FOLD_CACHE, and 0 below 0 */

/* the FOLD_ bits of any code point */
static inline int fold_cls_cp(int32_t cp)
{
	if ((uint32_t)cp < 0x80)
		return fold_ascii_cls[cp];
	if ((uint32_t)cp < FOLD_CACHE)
		return fold_cls_tab[cp];
	return fold_cls_beyond(cp);
}

static inline int fold_is_alnum(int32_t cp)
{
	return ((uint32_t)cp < 0x80 ? fold_ascii_cls[cp] : fold_cls_cp(cp)) & FOLD_ALNUM;
}
static inline int fold_is_upper(int32_t cp)
{
	return (((uint32_t)cp < 0x80 ? fold_ascii_cls[cp] : fold_cls_cp(cp)) & FOLD_UPPER) != 0;
}
/* includes U+00A0, U+2000..U+200B, U+202F */
static inline int fold_is_space(int32_t cp)
{
	return (((uint32_t)cp < 0x80 ? fold_ascii_cls[cp] : fold_cls_cp(cp)) & FOLD_SPACE) != 0;
}
int fold_is_dash(int32_t cp);    /* - and U+2010..U+2015 */
int fold_is_apos(int32_t cp);    /* ' and U+2019, U+2018, U+02BC */

#endif
