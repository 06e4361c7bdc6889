/*
 * fold: case and diacritic folding through utf8proc, with a per-code-point
 * cache for the scripts news in nl/en/de/fr uses (see fold.h).
 */
#include "fold.h"

#include <string.h>
#include <utf8proc.h>
#include "../base/utf8.h"

/* For each cached code point: its folded UTF-8 (at most 7 bytes) and
 * length, and its class (fold.h reads them inline). */
char fold_tab[FOLD_CACHE][8];
unsigned char fold_len[FOLD_CACHE];
unsigned char fold_cls_tab[FOLD_CACHE];
static int fold_ready;
/* ASCII folded: lower case, '`' as '\'' (fold_init fills it) */
static unsigned char ascii_fold[128];

enum { C_ALNUM = FOLD_ALNUM, C_UPPER = FOLD_UPPER, C_SPACE = FOLD_SPACE };

#define D (FOLD_ALNUM | FOLD_DIGIT)
#define U (FOLD_ALNUM | FOLD_UPPER)
#define L (FOLD_ALNUM | FOLD_LOWER)
#define S FOLD_SPACE
/* ASCII letters and digits, upper case, and ' ' and \t..\r as space */
const unsigned char fold_ascii_cls[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, S, S, S, S, S, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	S, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	D, D, D, D, D, D, D, D, D, D, 0, 0, 0, 0, 0, 0,
	0, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
	U, U, U, U, U, U, U, U, U, U, U, 0, 0, 0, 0, 0,
	0, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
	L, L, L, L, L, L, L, L, L, L, L, 0, 0, 0, 0, 0,
};
#undef D
#undef U
#undef L
#undef S

static size_t fold_one(int32_t cp, char *out, size_t max)
{
	/* the soft hyphen (&shy;) that web pages put inside long words folds
	 * to nothing, so "Panzer\u00ADhaubitze" matches "Panzerhaubitze" */
	if (cp == 0x00AD)
		return 0;
	utf8proc_int32_t dec[8];
	int last = 0;
	utf8proc_ssize_t n = utf8proc_decompose_char(cp, dec, 8,
		UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_COMPAT, &last);
	if (n < 0 || n > 8) {
		dec[0] = cp;
		n = 1;
	}
	size_t len = 0;
	for (utf8proc_ssize_t i = 0; i < n; i++) {
		int32_t c = dec[i];
		if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x0060 || c == 0x00B4)
			c = '\'';
		unsigned char t[4];
		size_t k = (size_t)utf8proc_encode_char(c, t);
		if (len + k > max)
			break;
		memcpy(out + len, t, k);
		len += k;
	}
	return len;
}

static int classify(int32_t cp)
{
	int c = 0;
	utf8proc_category_t cat = utf8proc_category(cp);
	if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
	    (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME) ||
	    (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO))
		c |= C_ALNUM;
	if (cp == 0x00AD)
		c |= C_ALNUM;    /* inside a word, not between two */
	if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT)
		c |= C_UPPER;
	if (cat == UTF8PROC_CATEGORY_ZS || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == '\f' || cp == '\v' || (cp >= 0x200B && cp <= 0x200D) || cp == 0xFEFF)
		c |= C_SPACE;
	return c;
}

void fold_init(void)
{
	if (fold_ready)
		return;
	for (int c = 0; c < 128; c++)
		ascii_fold[c] = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c == '`' ? '\'' : c);
	for (int32_t cp = 0; cp < FOLD_CACHE; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		fold_len[cp] = (unsigned char)fold_one(cp, fold_tab[cp], 7);
		fold_cls_tab[cp] = (unsigned char)classify(cp);
	}
	fold_ready = 1;
}

void fold_append(buf *out, const char *s, size_t n)
{
	size_t i = 0;
	buf_grow(out, 2 * n + 8);
	/* ASCII folds to one byte, most cached code points to at most twice
	 * their bytes: both are written straight into the room kept for
	 * twice the bytes left (plus 8); the rest goes through buf_add, after
	 * which that room is made again */
	char *o = out->p + out->len;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			*o++ = (char)ascii_fold[c];
			i++;
			continue;
		}
		out->len = (size_t)(o - out->p);
		int32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		i += k;
		if (cp < FOLD_CACHE && k >= 2 && fold_len[cp] <= 2 * k) {
			/* no longer than twice its source bytes: fits in the room
			 * kept below for what is left of s, like ASCII */
			memcpy(o, fold_tab[cp], 8);
			o += fold_len[cp];
			continue;
		}
		if (cp < FOLD_CACHE) {
			buf_add(out, fold_tab[cp], fold_len[cp]);
		} else {
			char t[32];
			size_t len = fold_one(cp, t, sizeof t);
			buf_add(out, t, len);
		}
		buf_grow(out, 2 * (n - i) + 8);
		o = out->p + out->len;
	}
	out->len = (size_t)(o - out->p);
	out->p[out->len] = '\0';
}

size_t fold_cp_beyond(int32_t cp, char *out)
{
	return fold_one(cp, out, FOLD_CP_MAX);
}

int fold_cls_beyond(int32_t cp)
{
	return cp < 0 ? 0 : classify(cp);
}

int fold_is_dash(int32_t cp)
{
	return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
}

int fold_is_apos(int32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC;
}
