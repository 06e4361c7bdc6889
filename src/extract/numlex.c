/*
 * numlex: the folding window and word table behind number.c and date.c
 * (see numlex.h for the folded form and why it is done by hand).
 */
#include "numlex.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/swar.h"
#include "../base/utf8.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Latin-1 letters U+00C0..U+00FF without their diacritics; "" marks the
 * two symbols (× and ÷) in the block. */
static const char *const latin1[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
};

static int is_space_cp(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
	       cp == '\v' || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
	       cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

static int is_apos_cp(int32_t cp)
{
	return cp == 0x2018 || cp == 0x2019 || cp == 0x02BC || cp == 0x00B4 || cp == 0x2032;
}

static int is_dash_cp(int32_t cp)
{
	return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
}

/* Letters are what may glue to a number word; anything from U+0100 up
 * counts except the punctuation, symbol and special blocks. */
static int cls_of_cp(int32_t cp)
{
	if (cp < 0x80) {
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
			return NLX_LET;
		if (cp >= '0' && cp <= '9')
			return NLX_DIG;
		if (is_space_cp(cp))
			return NLX_SPACE;
		return NLX_PUNCT;
	}
	if (is_space_cp(cp))
		return NLX_SPACE;
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
		return NLX_PUNCT;
	if (cp < 0x100)
		return NLX_LET;
	if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
	    (cp >= 0xFE00 && cp <= 0xFFFF) || cp == 0x02BC)
		return NLX_PUNCT;
	return NLX_LET;
}

#define L NLX_LET
#define D NLX_DIG
#define S NLX_SPACE
#define P NLX_PUNCT
const unsigned char nlx_ascii_cls[128] = {
	P, P, P, P, P, P, P, P, P, S, S, S, S, S, P, P,
	P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,
	S, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,
	D, D, D, D, D, D, D, D, D, D, P, P, P, P, P, P,
	P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
	L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, P,
	P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
	L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, P,
};
#undef L
#undef D
#undef S
#undef P

const unsigned char nlx_ascii_fold[128] = {
	0, 1, 2, 3, 4, 5, 6, 7, 8, ' ', ' ', ' ', ' ', ' ', 14, 15,
	16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
	' ', '!', '"', '#', '$', '%', '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/',
	'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?',
	'@', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
	'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '[', '\\', ']', '^', '_',
	'\'', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
	'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '{', '|', '}', '~', 127,
};

int nlx_fast = 1;

static void put(nlx_fold *f, unsigned char c, int cls, size_t from)
{
	f->b[f->len] = c;
	f->cls[f->len] = (unsigned char)cls;
	f->map[f->len] = from;
	f->len++;
}

/* Folds one code point (or one run of white space); 0 when full or done. */
static int fold_one(nlx_fold *f)
{
	if (f->si >= f->n || f->len + 4 > NLX_FOLDMAX)
		return 0;
	size_t from = f->si;
	unsigned char c = (unsigned char)f->src[from];
	int32_t cp;
	size_t l;
	if (c < 0x80 && nlx_ascii_cls[c] != NLX_SPACE) {
		f->si = from + 1;
		if (c >= 'A' && c <= 'Z')
			put(f, (unsigned char)(c + 32), NLX_LET, from);
		else if (c == '`')
			put(f, '\'', NLX_PUNCT, from);
		else
			put(f, c, nlx_ascii_cls[c], from);
		return 1;
	}
	if (c == 0xC3 && nlx_fast && from + 1 < f->n) {
		/* U+00C0..U+00FF, most of the non-ASCII text scanned: what
		 * the general path below makes of them (utf8_decode reads the
		 * byte after 0xC3 as a continuation whatever it is), without
		 * decoding and testing the code point */
		unsigned char d = (unsigned char)f->src[from + 1];
		const char *r = latin1[d & 0x3F];
		f->si = from + 2;
		if (!*r) {              /* × and ÷ */
			put(f, c, NLX_PUNCT, from);
			put(f, d, NLX_PUNCT, from);
		}
		for (; *r; r++)
			put(f, (unsigned char)*r, NLX_LET, from);
		return 1;
	}
	if (c < 0x80) {
		cp = c;
		l = 1;
	} else {
		l = utf8_decode(f->src + from, f->n - from, &cp);
		if (l == 0)
			l = 1;
	}
	if (is_space_cp(cp)) {
		size_t j = from + l;
		while (j < f->n) {
			int32_t c2;
			size_t l2 = utf8_decode(f->src + j, f->n - j, &c2);
			if (!l2 || !is_space_cp(c2))
				break;
			j += l2;
		}
		put(f, ' ', NLX_SPACE, from);
		f->si = j;
		return 1;
	}
	f->si = from + l;
	if (cp < 0x80) {
		if (cp >= 'A' && cp <= 'Z')
			put(f, (unsigned char)(cp + 32), NLX_LET, from);
		else if (cp == '`')
			put(f, '\'', NLX_PUNCT, from);
		else
			put(f, (unsigned char)cp, cls_of_cp(cp), from);
		return 1;
	}
	if (cp == 0xAD || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF)
		return 1;               /* soft hyphen and zero-width marks: invisible */
	if (is_apos_cp(cp)) {
		put(f, '\'', NLX_PUNCT, from);
		return 1;
	}
	if (is_dash_cp(cp)) {
		put(f, '-', NLX_PUNCT, from);
		return 1;
	}
	const char *rep = NULL;
	if (cp >= 0xC0 && cp <= 0xFF)
		rep = latin1[cp - 0xC0];
	else if (cp == 0x152 || cp == 0x153)
		rep = "oe";
	else if (cp == 0x141 || cp == 0x142)
		rep = "l";
	else if (cp == 0x178)
		rep = "y";
	if (rep && *rep) {
		for (const char *r = rep; *r; r++)
			put(f, (unsigned char)*r, NLX_LET, from);
		return 1;
	}
	int cls = cls_of_cp(cp);
	for (size_t k = 0; k < l; k++)
		put(f, (unsigned char)f->src[from + k], cls, from);
	return 1;
}

/* The top bit of each byte of x (all ASCII) that is from lo to hi. */
static inline uint64_t in_range(uint64_t x, unsigned lo, unsigned hi)
{
	return (x + SWAR_ONES * (0x80 - lo)) & ~(x + SWAR_ONES * (0x7f - hi)) & SWAR_HIGH;
}

/* The top bit of each byte of x (all ASCII) that is white space. */
static inline uint64_t ascii_spaces(uint64_t x)
{
	return in_range(x, '\t', '\r') | (~((x ^ SWAR_ONES * ' ') + SWAR_ONES * 0x7f) & SWAR_HIGH);
}

/* nlx_fold_to's loop for the eight source bytes at si, which must have a
 * ninth after them, folded at len in one go: 0 unless each is a code
 * point of its own that folds to one byte there (ASCII, no '`', and no
 * white space followed by more of it or by a byte from 0x80 up, which
 * would make a longer run). */
static inline int fold8(nlx_fold *f, size_t len, size_t si)
{
	const unsigned char *src = (const unsigned char *)f->src + si;
	uint64_t x = swar_load8(src);
	if (x & SWAR_HIGH)
		return 0;
	uint64_t sp = ascii_spaces(x);
	unsigned char nx = src[8];
	uint64_t nsp = sp >> 8 | (nx >= 0x80 || nlx_ascii_cls[nx] == NLX_SPACE ? SWAR_HIGH << 56 : 0);
	if ((sp & nsp) || in_range(x, '`', '`'))
		return 0;
	uint64_t let = in_range(x | SWAR_ONES * 0x20, 'a', 'z'), dig = in_range(x, '0', '9');
	/* letters lower-cased by their 0x20 bit, white space becomes ' ';
	 * classes 4 (NLX_PUNCT) less 3 for a letter, 2 a digit, 1 a space */
	swar_store8(f->b + len, ((x | let >> 2) & ~((sp >> 7) * 0xff)) | sp >> 2);
	swar_store8(f->cls + len, SWAR_ONES * NLX_PUNCT - (let >> 7) * 3 - (dig >> 7) * 2 - (sp >> 7));
	for (int j = 0; j < 8; j++)
		f->map[len + (size_t)j] = si + (size_t)j;
	return 1;
}

int nlx_fold_to(nlx_fold *f, size_t k)
{
	if (k >= NLX_FOLDMAX)
		return 0;
	while (f->len <= k) {
		/* ASCII other than '`' folds to itself lower-cased, and a run
		 * of ASCII white space to one ' ': fold_one's first cases,
		 * without the call (and in locals, which the byte stores into
		 * f->b cannot alias).  A run that ends in a byte from 0x80 up
		 * may go on (U+00A0): fold_one reads it.  Eight bytes that
		 * fold one by one are folded at once (fold8), past k: the
		 * matchers read on byte by byte, and a call per byte cost
		 * more than the bytes.  Folding on over ASCII changes nothing
		 * a caller sees: each such unit starts where the last ended,
		 * so nlx_src is the same.  Without nlx_fast, fold_one does
		 * all. */
		size_t len = f->len, si = f->si, n = f->n;
		const unsigned char *src = (const unsigned char *)f->src;
		while (nlx_fast && len <= k && si < n && len + 4 <= NLX_FOLDMAX) {
			if (len + 12 <= NLX_FOLDMAX && si + 9 <= n && fold8(f, len, si)) {
				len += 8;
				si += 8;
				continue;
			}
			unsigned char c = src[si];
			if (c >= 0x80 || c == '`')
				break;
			size_t next = si + 1;
			if (nlx_ascii_cls[c] == NLX_SPACE) {
				while (next < n && src[next] < 0x80 && nlx_ascii_cls[src[next]] == NLX_SPACE)
					next++;
				if (next < n && src[next] >= 0x80)
					break;
			}
			f->b[len] = nlx_ascii_fold[c];
			f->cls[len] = nlx_ascii_cls[c];
			f->map[len] = si;
			len++;
			si = next;
		}
		f->len = len;
		f->si = si;
		if (len > k)
			break;
		if (!fold_one(f))
			return 0;
	}
	return 1;
}

size_t nlx_src(const nlx_fold *f, size_t k)
{
	return k < f->len ? f->map[k] : f->si;
}

int nlx_truncated(const nlx_fold *f)
{
	return f->si < f->n;
}

int nlx_cls_at(const char *s, size_t n)
{
	if (!n)
		return NLX_END;
	if ((unsigned char)s[0] < 0x80)
		return nlx_ascii_cls[(unsigned char)s[0]];
	if ((unsigned char)s[0] == 0xC3 && n >= 2 && nlx_fast) {
		/* as fold_one's: the table's empty entries are × and ÷ */
		return *latin1[(unsigned char)s[1] & 0x3F] ? NLX_LET : NLX_PUNCT;
	}
	int32_t cp;
	utf8_decode(s, n, &cp);
	return cls_of_cp(cp);
}

int nlx_cls_before(const char *s, size_t i)
{
	if (!i)
		return NLX_SPACE;
	size_t j = i - 1, back = 0;
	while (j > 0 && back < 3 && ((unsigned char)s[j] & 0xC0) == 0x80) {
		j--;
		back++;
	}
	return nlx_cls_at(s + j, i - j);
}

/* A direct-mapped table of walks' answers with the bytes they read. */
#define MEMO_BITS 13

struct nlx_memo {
	struct memo_ent {
		const nlx_tab *t;   /* NULL: empty */
		uint64_t key;       /* the bytes read, at bits 8i */
		unsigned char lang, len, ans;
	} v[1u << MEMO_BITS];
};

#ifdef __SSE2__
/* The letters, digits and white space (nlx_ascii_cls) of sixteen ASCII
 * bytes as bit masks, bit k for byte k: with every byte below 0x80, the
 * signed compares order them as unsigned ones would. */
static inline void ascii_masks16(__m128i v, unsigned *let, unsigned *dig, unsigned *sp)
{
	__m128i z = _mm_or_si128(v, _mm_set1_epi8(0x20));
	__m128i l = _mm_and_si128(_mm_cmpgt_epi8(z, _mm_set1_epi8('a' - 1)),
	                          _mm_cmplt_epi8(z, _mm_set1_epi8('z' + 1)));
	__m128i d = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
	                          _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
	__m128i w = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
	                         _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('\t' - 1)),
	                                       _mm_cmplt_epi8(v, _mm_set1_epi8('\r' + 1))));
	*let = (unsigned)_mm_movemask_epi8(l);
	*dig = (unsigned)_mm_movemask_epi8(d);
	*sp = (unsigned)_mm_movemask_epi8(w);
}
#endif

static inline void add_start(nlx_starts *w, size_t i, uint32_t glued)
{
	w->at[w->n++] = (uint32_t)i | glued;
}

/* Whether the start at s[a] (not glued) passes the sieve sv in language
 * index li: nlx_quick_no's tests, for all the tables at once, and like
 * them taking what they cannot answer (a word of one byte, bytes from
 * 0x80 up). */
static inline int sieve_keeps(const nlx_sieve *sv, int li, const char *s, size_t n, size_t a)
{
	const unsigned char *u = (const unsigned char *)s + a;
	if (a + 1 >= n || (u[0] | u[1]) >= 0x80)
		return 1;
	unsigned v = sv->pair[li][(unsigned)u[0] << 7 | u[1]];
	if (v != NLX_SIEVE_THIRD)
		return v != 0;
	if (a + 2 >= n || u[2] >= 0x80)
		return 1;
	const unsigned char *tri = sv->tri[li];
	unsigned b = nlx_tri_bit(nlx_ascii_fold[u[0]], nlx_ascii_fold[u[1]], nlx_ascii_fold[u[2]]);
	return (tri[b >> 3] >> (b & 7)) & 1;
}

/* The starts of a chunk of text at s[i] from its masks: bit b of start
 * (glued) marks a start (a glued digit) at byte b >> shift, the byte's
 * bit in the masks of SSE2 (shift 0) or SWAR (3). */
static inline void chunk_starts(nlx_starts *w, const nlx_sieve *pt, int li, const char *s,
                                size_t n, size_t i, uint64_t start, uint64_t glued,
                                unsigned shift)
{
	for (uint64_t m = start | glued; m; m &= m - 1) {
		unsigned b = (unsigned)__builtin_ctzll(m);
		size_t a = i + (b >> shift);
		if ((glued >> b) & 1)
			add_start(w, a, NLX_GLUED);
		else if (!pt || sieve_keeps(pt, li, s, n, a))
			add_start(w, a, 0);
	}
}

void nlx_starts_find(nlx_starts *w, const char *s, size_t n, const nlx_sieve *sv,
                     unsigned lang)
{
	w->n = 0;
	w->ok = n < NLX_GLUED;
	int li = nlx_fast_ix(lang);
	w->sv = li >= 0 ? sv : NULL;
	w->lang = lang;
	if (!w->ok)
		return;
	const nlx_sieve *pt = w->sv;
	if (!w->memo)
		w->memo = xcalloc(1, sizeof *w->memo);
	/* a sentence has at most one start per byte: room for all of them
	 * once, so that adding one tests nothing */
	if (w->cap < n) {
		w->cap = n > 256 ? n : 256;
		w->at = xrealloc(w->at, w->cap * sizeof *w->at);
	}
	size_t i = 0;
	int prev = NLX_SPACE;
	while (i < n) {
		uint64_t x;
#ifdef __SSE2__
		if (i + 16 <= n) {
			/* sixteen ASCII bytes, as the eight below, in half the
			 * instructions a byte: SSE2 compares give each class's mask
			 * at once, where SWAR pays additions and masks for each */
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
			if (!_mm_movemask_epi8(v)) {
				unsigned let, dig, sp;
				ascii_masks16(v, &let, &dig, &sp);
				unsigned pword = ((let | dig) << 1 | (prev == NLX_LET || prev == NLX_DIG)) & 0xFFFF;
				unsigned plet = (let << 1 | (prev == NLX_LET)) & 0xFFFF;
				unsigned start = ~(sp | pword) & 0xFFFF, glued = dig & plet;
				chunk_starts(w, pt, li, s, n, i, start, glued, 0);
				prev = nlx_ascii_cls[(unsigned char)s[i + 15]];
				i += 16;
				continue;
			}
		}
#endif
		if (i + 8 <= n && !((x = swar_load8(s + i)) & SWAR_HIGH)) {
			/* eight ASCII bytes, each a code point of its own: their
			 * classes (nlx_ascii_cls) as bit masks, and the starts
			 * from those of the bytes before them, the walk's prev
			 * carried in from the last chunk */
			uint64_t z = x | SWAR_ONES * 0x20;
			uint64_t let = in_range(z, 'a', 'z'), dig = in_range(x, '0', '9');
			uint64_t sp = ascii_spaces(x);
			uint64_t pword = (let | dig) << 8 | (prev == NLX_LET || prev == NLX_DIG ? 0x80 : 0);
			uint64_t plet = let << 8 | (prev == NLX_LET ? 0x80 : 0);
			uint64_t start = ~(sp | pword) & SWAR_HIGH, glued = dig & plet;
			chunk_starts(w, pt, li, s, n, i, start, glued, 3);
			prev = nlx_ascii_cls[(unsigned char)s[i + 7]];
			i += 8;
			continue;
		}
		size_t len;
		int cls = nlx_step(s, n, i, &len);
		if (prev != NLX_LET && prev != NLX_DIG && cls != NLX_SPACE) {
			if (!pt || sieve_keeps(pt, li, s, n, i))
				add_start(w, i, 0);
		} else if (prev == NLX_LET && cls == NLX_DIG) {
			add_start(w, i, NLX_GLUED);
		}
		prev = cls;
		i += len;
	}
}

nlx_sieve *nlx_sieve_new(void)
{
	return xcalloc(1, sizeof(nlx_sieve));
}

void nlx_sieve_add(nlx_sieve *sv, const nlx_tab *t)
{
	if (sv->ntab == NLX_SIEVE_TABS)
		abort();                /* a fixed set of callers: a bug, not an input */
	sv->tab[sv->ntab++] = t;
	for (int l = 0; l < 5; l++) {
		/* a pair some table keeps is kept; one that some table passes
		 * on to its third byte, and none keeps, goes to the third */
		for (unsigned k = 0; k < sizeof sv->pair[l]; k++) {
			unsigned a = t->ascii2[l][k >> 3] >> (k & 7) & 1;
			unsigned q = t->qno2[l][k >> 3] >> (k & 7) & 1;
			unsigned v = sv->pair[l][k] | (a && !q ? NLX_SIEVE_KEEP : 0) |
			             (a && q ? NLX_SIEVE_THIRD : 0);
			sv->pair[l][k] = (unsigned char)(v & NLX_SIEVE_KEEP ? NLX_SIEVE_KEEP : v);
		}
		/* digits start numbers and dates whatever follows them */
		memset(&sv->pair[l]['0' << 7], NLX_SIEVE_KEEP, 10 << 7);
		for (size_t b = 0; b < sizeof sv->tri[l]; b++)
			sv->tri[l][b] |= t->tri[l][b];
	}
}

void nlx_sieve_free(nlx_sieve *sv)
{
	free(sv);
}

void nlx_starts_release(nlx_starts *w)
{
	free(w->at);
	free(w->memo);
	memset(w, 0, sizeof *w);
}

int nlx_is_upper(const char *s, size_t n)
{
	if (!n)
		return 0;
	int32_t cp;
	utf8_decode(s, n, &cp);
	return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7);
}

unsigned nlx_lang(const char *lang)
{
	if (!lang)
		return NLX_ALL;
	if (!strcmp(lang, "nl"))
		return NLX_NL;
	if (!strcmp(lang, "en"))
		return NLX_EN;
	if (!strcmp(lang, "de"))
		return NLX_DE;
	if (!strcmp(lang, "fr"))
		return NLX_FR;
	return NLX_ALL;
}

int nlx_lang_list(const char *s, unsigned *mask)
{
	static const nlx_flag langs[] = {
		{ "nl", NLX_NL }, { "en", NLX_EN }, { "de", NLX_DE }, { "fr", NLX_FR },
	};
	if (!strcmp(s, "*")) {
		*mask = NLX_ALL;
		return 0;
	}
	/* "-" names no language, as an empty column does: both refused */
	if (nlx_parse_flags(s, langs, sizeof langs / sizeof langs[0], mask))
		return -1;
	return *mask ? 0 : -1;
}

void nlx_tab_init(nlx_tab *t)
{
	memset(t, 0, sizeof *t);
}

/* A prefix of a start-kind entry: the languages with an entry that goes
 * on past it, or ends there (as a loose, a glued (nlx_tab_prefixes'
 * gluemask), a leading (NLX_F_LEAD), a prefix word's (pfxmask) or a
 * whole-word entry). */
struct nlx_pre {
	uint64_t key;           /* FNV-1a of the folded prefix, | 1; 0: empty */
	unsigned char lang, loose, whole, glue, lead, pfx;
	/* the languages of an exact entry ending here whose source form has
	 * a byte from 0x80 up ("één"): it never matches ASCII text */
	unsigned char xend;
};

static void free_index(nlx_tab *t)
{
	free(t->pre);
	t->pre = NULL;
	t->precap = 0;
	for (int l = 0; l < 5; l++) {
		free(t->lref[l]);
		free(t->lfirst[l]);
		free(t->lkinds[l]);
		t->lref[l] = NULL;
		t->lfirst[l] = t->lkinds[l] = NULL;
	}
}

void nlx_tab_release(nlx_tab *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].fold);
		free(t->v[i].raw);
	}
	free(t->v);
	free_index(t);
	nlx_tab_init(t);
}

/* ASCII and Latin-1 upper case to lower case, diacritics kept. */
static char *lower_raw(const char *s, size_t *len)
{
	size_t n = strlen(s);
	char *r = xstrndup(s, n);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)r[i];
		if (c >= 'A' && c <= 'Z')
			r[i] = (char)(c + 32);
		else if (c == 0xC3 && i + 1 < n) {
			unsigned char d = (unsigned char)r[i + 1];
			if (d >= 0x80 && d <= 0x9E && d != 0x97)
				r[i + 1] = (char)(d + 0x20);
			i++;
		}
	}
	*len = n;
	return r;
}

nlx_ent *nlx_tab_add(nlx_tab *t, const char *word, unsigned lang, int kind,
                     unsigned flags, double value)
{
	nlx_fold f;
	size_t wn = strlen(word);
	nlx_fold_init(&f, word, wn);
	nlx_fold_to(&f, NLX_FOLDMAX - 1);
	if (!f.len || nlx_truncated(&f))
		return NULL;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 256;
		t->v = xrealloc(t->v, t->cap * sizeof *t->v);
	}
	nlx_ent *e = &t->v[t->n];
	memset(e, 0, sizeof *e);
	e->fold = xstrndup((const char *)f.b, f.len);
	e->flen = f.len;
	e->raw = lower_raw(word, &e->rlen);
	e->lang = lang;
	e->kind = kind;
	e->flags = flags;
	e->value = value;
	e->order = t->n;
	t->n++;
	return e;
}

static unsigned bucket_of(const unsigned char *w, size_t len)
{
	if (len == 1)
		return NLX_HBUCKETS + w[0];
	return ((unsigned)w[0] * 131u + w[1]) & (NLX_HBUCKETS - 1);
}

static int ent_cmp(const void *a, const void *b)
{
	const nlx_ent *x = a, *y = b;
	unsigned bx = bucket_of((const unsigned char *)x->fold, x->flen);
	unsigned by = bucket_of((const unsigned char *)y->fold, y->flen);
	if (bx != by)
		return bx < by ? -1 : 1;
	if (x->flen != y->flen)
		return x->flen > y->flen ? -1 : 1;
	int ex = !!(x->flags & NLX_F_EXACT), ey = !!(y->flags & NLX_F_EXACT);
	if (ex != ey)
		return ex ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* The test behind nlx_could_start on the first two folded bytes: c,
 * and d (-1: none) of class cls1. */
static int could_start2(const nlx_tab *t, int c, int d, int cls1, unsigned lang)
{
	if (c < 0 || !t->start[c])
		return 0;
	int solo = d < 0 || (cls1 != NLX_LET && cls1 != NLX_DIG);
	unsigned bit = d < 0 ? 0 : (unsigned)c << 8 | (unsigned)d;
	for (int l = 0; l < 4; l++) {
		if (!(lang >> l & 1))
			continue;
		unsigned char one = t->sone[l][c];
		if ((one & 1) || ((one & 2) && solo))
			return 1;
		if (d >= 0 && ((t->spair[l][bit >> 3] >> (bit & 7)) & 1))
			return 1;
	}
	return 0;
}

int nlx_could_start_fold(const nlx_tab *t, nlx_fold *f, unsigned lang)
{
	int c = nlx_at(f, 0);
	int d = c < 0 ? -1 : nlx_at(f, 1);
	return could_start2(t, c, d, d < 0 ? NLX_END : f->cls[1], lang);
}

/* nlx_could_start's table of ASCII pairs: their folded form is known
 * unless the first byte is white space (nlx_ascii_fold). */
static void ascii_pairs(nlx_tab *t)
{
	memset(t->ascii2, 0, sizeof t->ascii2);
	for (unsigned a = 0; a < 128; a++)
		for (unsigned b = 0; b < 128; b++) {
			unsigned k = a << 7 | b;
			for (int l = 0; l < 4; l++)
				if (could_start2(t, nlx_ascii_fold[a], nlx_ascii_fold[b], nlx_ascii_cls[b],
				                 1u << l)) {
					t->ascii2[l][k >> 3] |= (unsigned char)(1u << (k & 7));
					t->ascii2[4][k >> 3] |= (unsigned char)(1u << (k & 7));
				}
		}
}

void nlx_tab_finish(nlx_tab *t, unsigned startmask)
{
	t->startmask = startmask;
	t->maxflen = 0;
	for (size_t k = 0; k < t->n; k++)
		if (t->v[k].flen > t->maxflen)
			t->maxflen = t->v[k].flen;
	if (t->n)
		qsort(t->v, t->n, sizeof *t->v, ent_cmp);
	memset(t->start, 0, sizeof t->start);
	memset(t->pair, 0, sizeof t->pair);
	memset(t->one, 0, sizeof t->one);
	memset(t->spair, 0, sizeof t->spair);
	memset(t->sone, 0, sizeof t->sone);
	for (size_t k = 0; k < t->n; k++) {
		const nlx_ent *e = &t->v[k];
		const unsigned char *w = (const unsigned char *)e->fold;
		int st = (startmask >> e->kind) & 1;
		t->start[w[0]] = 1;
		if (e->flen == 1) {
			int let = (w[0] >= 'a' && w[0] <= 'z') || w[0] >= 0x80;
			t->one[w[0]] |= let ? 2 : 1;
			for (int l = 0; l < 4; l++)
				if (st && (e->lang >> l & 1))
					t->sone[l][w[0]] |= let ? 2 : 1;
		} else {
			unsigned bit = (unsigned)w[0] << 8 | w[1];
			t->pair[bit >> 3] |= (unsigned char)(1u << (bit & 7));
			for (int l = 0; l < 4; l++)
				if (st && (e->lang >> l & 1))
					t->spair[l][bit >> 3] |= (unsigned char)(1u << (bit & 7));
		}
	}
	size_t i = 0;
	for (unsigned b = 0; b < NLX_HBUCKETS + 256; b++) {
		t->first[b] = (uint32_t)i;
		while (i < t->n && bucket_of((const unsigned char *)t->v[i].fold, t->v[i].flen) == b)
			i++;
	}
	t->first[NLX_HBUCKETS + 256] = (uint32_t)t->n;
	ascii_pairs(t);
	free_index(t);
	for (int l = 0; l < 5; l++) {
		unsigned lbit = l < 4 ? 1u << l : NLX_ALL;
		t->lref[l] = xmalloc((t->n ? t->n : 1) * sizeof *t->lref[l]);
		t->lfirst[l] = xmalloc((NLX_NBUCKETS + 1) * sizeof *t->lfirst[l]);
		t->lkinds[l] = xcalloc(NLX_NBUCKETS, sizeof *t->lkinds[l]);
		memset(t->lstart[l], 0, sizeof t->lstart[l]);
		uint32_t m = 0;
		for (unsigned b = 0; b < NLX_NBUCKETS; b++) {
			t->lfirst[l][b] = m;
			for (uint32_t k = t->first[b]; k < t->first[b + 1]; k++) {
				if (!(t->v[k].lang & lbit))
					continue;
				nlx_ref *r = &t->lref[l][m++];
				r->ent = k;
				r->kbit = 1u << t->v[k].kind;
				r->lang = (unsigned char)t->v[k].lang;
				unsigned char w[8] = { 0 };
				r->hlen = (unsigned char)(t->v[k].flen < 8 ? t->v[k].flen : 8);
				memcpy(w, t->v[k].fold, r->hlen);
				r->head = swar_load8(w);
				t->lkinds[l][b] |= r->kbit;
				t->lstart[l][(unsigned char)t->v[k].fold[0]] |= r->kbit;
			}
		}
		t->lfirst[l][NLX_NBUCKETS] = m;
	}
}

#define PRE_SEED 0xcbf29ce484222325ull
#define PRE_MUL 0x100000001b3ull

static struct nlx_pre *pre_slot(struct nlx_pre *v, size_t cap, uint64_t key)
{
	size_t i = (size_t)(key ^ (key >> 29)) & (cap - 1);
	while (v[i].key && v[i].key != key)
		i = (i + 1) & (cap - 1);
	return &v[i];
}

/* The languages in which a prefix of the given folded bytes ends, as a
 * loose, a glued, a leading, a prefix word's or a whole-word entry. */
static unsigned pre_ends(const nlx_tab *t, const unsigned char *w, size_t len, unsigned *on)
{
	uint64_t h = PRE_SEED;
	for (size_t j = 0; j < len; j++)
		h = (h ^ w[j]) * PRE_MUL;
	const struct nlx_pre *s = pre_slot(t->pre, t->precap, h | 1);
	*on = s->key ? s->lang : 0;
	return s->key ? (unsigned)(s->loose | s->whole | s->glue | s->lead | s->pfx | s->xend) : 0;
}

/* nlx_may_start's pairs where no prefix ends within two bytes, so that
 * a third byte outside tri means no, and of those the ones that begin a
 * prefix (qon2), where the walk starts at the third byte; never a pair
 * with white space (a run of it folds as one). */
static void quick_no(nlx_tab *t)
{
	for (unsigned a = 0; a < 128; a++) {
		if (nlx_ascii_cls[a] == NLX_SPACE)
			continue;
		unsigned char w[2] = { nlx_ascii_fold[a], 0 };
		unsigned on;
		unsigned one = pre_ends(t, w, 1, &on);
		for (unsigned b = 0; b < 128; b++) {
			if (nlx_ascii_cls[b] == NLX_SPACE)
				continue;
			w[1] = nlx_ascii_fold[b];
			unsigned ends = one | pre_ends(t, w, 2, &on), k = a << 7 | b;
			for (int l = 0; l < 5; l++) {
				unsigned lb = l < 4 ? 1u << l : NLX_ALL;
				if (ends & lb)
					continue;
				t->qno2[l][k >> 3] |= (unsigned char)(1u << (k & 7));
				if (on & lb)
					t->qon2[l][k >> 3] |= (unsigned char)(1u << (k & 7));
			}
		}
	}
}

void nlx_tab_prefixes(nlx_tab *t, unsigned loosemask, unsigned gluemask,
                      unsigned leadmask, unsigned pfxmask, int stop)
{
	size_t total = 0;
	for (size_t k = 0; k < t->n; k++)
		if ((t->startmask >> t->v[k].kind) & 1)
			total += t->v[k].flen;
	size_t cap = 64;
	while (cap < total * 2)
		cap *= 2;
	free(t->pre);
	t->pre = xcalloc(cap, sizeof *t->pre);
	t->precap = cap;
	t->gluemask = gluemask;
	t->leadmask = leadmask;
	memset(t->qno2, 0, sizeof t->qno2);
	memset(t->qon2, 0, sizeof t->qon2);
	memset(t->tri, 0, sizeof t->tri);
	for (size_t k = 0; k < t->n; k++) {
		const nlx_ent *e = &t->v[k];
		if (!((t->startmask >> e->kind) & 1))
			continue;
		size_t len = e->flen;
		const char *sp = stop ? memchr(e->fold, stop, len) : NULL;
		int loose = (loosemask >> e->kind) & 1;
		int glue = loose && ((gluemask >> e->kind) & 1);
		int lead = glue && leadmask && (e->flags & NLX_F_LEAD);
		/* one that ends in an apostrophe ("jusqu'") needs no space */
		int pfx = !loose && ((pfxmask >> e->kind) & 1) && e->fold[e->flen - 1] != '\'';
		int xend = 0;
		for (size_t q = 0; (e->flags & NLX_F_EXACT) && q < e->rlen; q++)
			xend |= (unsigned char)e->raw[q] >= 0x80;
		if (sp) {
			len = (size_t)(sp - e->fold);
			loose = 1;
			glue = lead = pfx = 0;
		}
		if (!len) {             /* matches anywhere: no prefix set */
			free(t->pre);
			t->pre = NULL;
			t->precap = 0;
			return;
		}
		uint64_t h = PRE_SEED;
		for (size_t j = 0; j < len; j++) {
			h = (h ^ (unsigned char)e->fold[j]) * PRE_MUL;
			struct nlx_pre *s = pre_slot(t->pre, cap, h | 1);
			s->key = h | 1;
			s->lang |= (unsigned char)e->lang;
			if (j + 1 == len) {
				if (xend)
					s->xend |= (unsigned char)e->lang;
				else if (lead)
					s->lead |= (unsigned char)e->lang;
				else if (glue)
					s->glue |= (unsigned char)e->lang;
				else if (loose)
					s->loose |= (unsigned char)e->lang;
				else if (pfx)
					s->pfx |= (unsigned char)e->lang;
				else
					s->whole |= (unsigned char)e->lang;
			}
		}
		const unsigned char *w = (const unsigned char *)e->fold;
		if (len >= 3 && (w[0] | w[1] | w[2]) < 0x80) {
			unsigned b = nlx_tri_bit(w[0], w[1], w[2]);
			for (int l = 0; l < 5; l++)
				if (e->lang & (l < 4 ? 1u << l : NLX_ALL))
					t->tri[l][b >> 3] |= (unsigned char)(1u << (b & 7));
		}
	}
	quick_no(t);
}

/* What the prefix table says of the folded prefix read so far (ascii:
 * of source bytes all below 0x80, which no xend entry matches): no entry
 * starts so (0), one that may end anywhere does (1), or only longer ones
 * (PRE_ON); else the kinds of ending there are, as bits: one that must
 * end at a word boundary (PRE_WHOLE), a glued one (PRE_GLUE), a leading
 * one (PRE_LEAD), a prefix word (PRE_PFX, at a word boundary too). */
enum { PRE_ON = -1, PRE_WHOLE = 2, PRE_GLUE = 4, PRE_LEAD = 8, PRE_PFX = 16 };

static int pre_state(const struct nlx_pre *s, unsigned lang, int ascii)
{
	if (!s->key || !(s->lang & lang))
		return 0;
	if ((s->loose | (ascii ? 0 : s->xend)) & lang)
		return 1;
	int st = (s->whole & lang ? PRE_WHOLE : 0) | (s->glue & lang ? PRE_GLUE : 0) |
	         (s->lead & lang ? PRE_LEAD : 0) | (s->pfx & lang ? PRE_PFX : 0);
	return st ? st : PRE_ON;
}

/* Whether the classes on either side of a boundary are both of a word. */
static int inside_word(int last, int next)
{
	return (last == NLX_LET || last == NLX_DIG) && (next == NLX_LET || next == NLX_DIG);
}

/* Whether an entry of a glued entry's kinds (nlx_tab_prefixes'
 * gluemask) matches at folded byte k of f, at source offset a: what the
 * owner reads after such an entry glued to a letter, where only another
 * of them makes a number ("a" in "ahundred", not in "are").  nlx_match
 * on a window of its own there, as the owner's own match without the
 * boundary rule.  Near the end of f's room to fold the owner reads less
 * than that window would: 1. */
/* The index nlx_tab_finish made for lang: its own for one language,
 * else the one of all entries (the loop still tests each entry's). */
static int lang_index(unsigned lang)
{
	switch (lang) {
	case NLX_NL: return 0;
	case NLX_EN: return 1;
	case NLX_DE: return 2;
	case NLX_FR: return 3;
	default: return 4;
	}
}

static int glue_follows(const nlx_tab *t, const nlx_fold *f, size_t k, size_t a, unsigned lang);

/* glue_follows on the two ASCII bytes u[0..2) (u[0] a letter) as they
 * are, for the entries of kinds in mask: nlx_match's own first tests (the kinds at the first byte, of the
 * pair's bucket and of the one-byte bucket), which let through every
 * window an entry of those kinds matches at; -1 where they cannot tell
 * from the bytes as they are (the window ends, a byte from 0x80 up, or
 * '`', which folds to an apostrophe). */
static int glue_quick(const nlx_tab *t, const unsigned char *u, size_t m, unsigned lang,
                      unsigned mask)
{
	if (m < 2 || (u[0] | u[1]) >= 0x80 || u[1] == '`')
		return -1;
	unsigned c = nlx_ascii_fold[u[0]];
	unsigned d = nlx_ascii_cls[u[1]] == NLX_SPACE ? ' ' : nlx_ascii_fold[u[1]];
	int li = lang_index(lang);
	if (!(t->lstart[li][c] & mask))
		return 0;
	unsigned bit = c << 8 | d;
	if ((t->pair[bit >> 3] >> (bit & 7)) & 1) {
		unsigned char w[2] = { (unsigned char)c, (unsigned char)d };
		if (t->lkinds[li][bucket_of(w, 2)] & mask)
			return 1;
	}
	return t->one[c] && (t->lkinds[li][NLX_HBUCKETS + c] & mask);
}

static int glue_follows(const nlx_tab *t, const nlx_fold *f, size_t k, size_t a, unsigned lang)
{
	if (k + t->maxflen + 8 >= NLX_FOLDMAX)
		return 1;
	nlx_fold g;
	nlx_fold_init(&g, f->src + a, f->n - a);
	return nlx_match(t, &g, 0, lang, t->gluemask, 0) != NULL;
}

/* The class of source byte k of src[0..n) for the follow tests below:
 * NLX_END past n, -1 from 0x80 up (where they cannot tell without
 * folding), else its ASCII class; *end becomes k + 1 when that is all
 * the answer depends on. */
static int src_cls(const unsigned char *src, size_t n, size_t k, size_t *end)
{
	if (k >= n)
		return NLX_END;
	*end = k + 1;
	return src[k] >= 0x80 ? -1 : nlx_ascii_cls[src[k]];
}

/* The end of the run of ASCII white space at src[k], which folds to one
 * space. */
static size_t space_end(const unsigned char *src, size_t n, size_t k)
{
	while (k < n && src[k] < 0x80 && nlx_ascii_cls[src[k]] == NLX_SPACE)
		k++;
	return k;
}

/* Whether a leading entry that ends before source offset nx of the
 * window src[0..n) and not before a letter may start an expression: a
 * space or a hyphen must follow, then a letter that an entry of the
 * table's leadmask may start at (glue_quick).  *end becomes how many
 * source bytes the answer depends on, SIZE_MAX for more (the window's
 * end); 1 where the bytes as they are cannot tell. */
static int lead_follows(const nlx_tab *t, const unsigned char *src, size_t n, size_t nx,
                        unsigned lang, size_t *end)
{
	*end = SIZE_MAX;
	int c = src_cls(src, n, nx, end);
	if (c < 0 || c == NLX_END)
		return c < 0;
	if (c != NLX_SPACE && src[nx] != '-')
		return 0;
	size_t k = c == NLX_SPACE ? space_end(src, n, nx) : nx + 1;
	*end = SIZE_MAX;
	c = src_cls(src, n, k, end);
	if (c != NLX_LET)
		return c < 0;
	if (glue_quick(t, src + k, n - k, lang, t->leadmask))
		return 1;
	*end = k + 2;
	return 0;
}

/* Whether a prefix word ("van", "about", "zwischen") that ends at a word
 * boundary before source offset nx, folded byte k of the window
 * src[0..n), may start an expression: a space must follow, then a digit
 * or what nlx_may_start's first test (qno2, tri) lets through, as the
 * owner asks (number.c's parse_expr).  *end as for lead_follows. */
static int pfx_follows(const nlx_tab *t, const unsigned char *src, size_t n, size_t nx,
                       size_t k, int li, size_t *end)
{
	*end = SIZE_MAX;
	int c = src_cls(src, n, nx, end);
	if (c != NLX_SPACE)
		return c < 0;
	size_t a = space_end(src, n, nx);
	*end = SIZE_MAX;
	/* what follows must lie well inside the owner's window, as
	 * nlx_may_start_at asks */
	if (a >= n || src[a] >= 0x80 || li < 0 || k + 2 + t->maxflen + 8 >= NLX_FOLDMAX)
		return a < n;
	const unsigned char *u = src + a;
	if ((unsigned)(u[0] - '0') < 10 || a + 3 > n || (u[1] | u[2]) >= 0x80)
		return 1;
	*end = a + 3;
	unsigned q = (unsigned)u[0] << 7 | u[1];
	if (!((t->qno2[li][q >> 3] >> (q & 7)) & 1))
		return 1;
	unsigned b = nlx_tri_bit(nlx_ascii_fold[u[0]], nlx_ascii_fold[u[1]], nlx_ascii_fold[u[2]]);
	return (t->tri[li][b >> 3] >> (b & 7)) & 1;
}

/* nlx_may_start_walk, which also sets *ext to how many bytes of the
 * window's source the answer depends on, or SIZE_MAX when it depends on
 * more (the window's end, or bytes it folded, or those a glued entry's
 * match read). */
static int walk(const nlx_tab *t, nlx_fold *f, unsigned lang, size_t *ext)
{
	*ext = SIZE_MAX;
	if (!t->precap)
		return 1;
	size_t hi = 2;          /* source bytes read so far (the pair test's two) */
	int known = 1;          /* 0: the answer depends on more than bytes */
	uint64_t h = PRE_SEED;
	size_t j = 0;
	/* While the window is ASCII, folded byte j is source byte si
	 * lower-cased, or ' ' for a run of white space: walk the source
	 * without folding it (most words are rejected within their first
	 * bytes, or on the space after them).  A space run that ends in a
	 * byte from 0x80 up may go on (U+00A0), so folding takes over there. */
	const unsigned char *src = (const unsigned char *)f->src;
	size_t si = 0;
	int li = nlx_lang_ix(lang);
	if (nlx_fast && li >= 0 && f->n >= 2 && (src[0] | src[1]) < 0x80) {
		/* two bytes that only begin longer prefixes: no need to look
		 * them up */
		unsigned k = (unsigned)src[0] << 7 | src[1];
		if ((t->qon2[li][k >> 3] >> (k & 7)) & 1) {
			h = (h ^ nlx_ascii_fold[src[0]]) * PRE_MUL;
			h = (h ^ nlx_ascii_fold[src[1]]) * PRE_MUL;
			j = si = 2;
		}
	}
	for (; nlx_fast && si < f->n && j + 8 < NLX_FOLDMAX; j++) {
		unsigned c = src[si];
		if (c >= 0x80)
			break;
		if (si + 1 > hi)
			hi = si + 1;
		int cls = nlx_ascii_cls[c];
		size_t nx = si + 1;     /* source of folded byte j + 1 */
		if (cls == NLX_SPACE) {
			while (nx < f->n && src[nx] < 0x80 && nlx_ascii_cls[src[nx]] == NLX_SPACE)
				nx++;
			if (nx == f->n)
				known = 0;
			else if (nx + 1 > hi)
				hi = nx + 1;
			if (nx < f->n && src[nx] >= 0x80)
				break;
			c = ' ';
		} else if (c == '`') {
			c = '\'';
		} else if (c - 'A' < 26u) {
			c += 32;
		}
		h = (h ^ c) * PRE_MUL;
		int st = pre_state(pre_slot(t->pre, t->precap, h | 1), lang, 1);
		if (st == 0 || st == 1) {
			*ext = known ? hi : SIZE_MAX;
			return st;
		}
		if (st != PRE_ON) {
			int next;
			if (nx >= f->n) {
				next = NLX_END;
				known = 0;
			} else if (src[nx] < 0x80) {
				next = nlx_ascii_cls[src[nx]];
				if (nx + 1 > hi)
					hi = nx + 1;
			} else {
				next = nlx_cls(f, j + 1);
				known = 0;
			}
			if ((st & PRE_WHOLE) && !inside_word(cls, next)) {
				*ext = known ? hi : SIZE_MAX;
				return 1;
			}
			if ((st & PRE_PFX) && !inside_word(cls, next)) {
				size_t end;
				if (pfx_follows(t, src, f->n, nx, j, li, &end))
					return 1;
				if (end == SIZE_MAX)
					known = 0;
				else if (end > hi)
					hi = end;
			}
			if ((st & PRE_GLUE) && next != NLX_LET) {
				*ext = known ? hi : SIZE_MAX;
				return 1;
			}
			if ((st & (PRE_GLUE | PRE_LEAD)) && next == NLX_LET) {
				/* most letters after one begin no such entry: a
				 * test of their first two bytes, which the answer then
				 * depends on, says so; where it cannot, or lets them
				 * through, the match itself */
				int q = glue_quick(t, src + nx, f->n - nx, lang, t->gluemask);
				if (q == 0) {
					if (nx + 2 > hi)
						hi = nx + 2;
				} else {
					known = 0;
					if (glue_follows(t, f, j + 1, nx, lang))
						return 1;
				}
			} else if (st & PRE_LEAD) {
				size_t end;
				if (lead_follows(t, src, f->n, nx, lang, &end))
					return 1;
				if (end == SIZE_MAX)
					known = 0;
				else if (end > hi)
					hi = end;
			}
		}
		si = nx;
	}
	for (; ; j++) {
		int c = nlx_at(f, j);
		if (c < 0)
			return 0;
		h = (h ^ (unsigned)c) * PRE_MUL;
		int st = pre_state(pre_slot(t->pre, t->precap, h | 1), lang, 0);
		if (st == 0 || st == 1)
			return st;
		if (st == PRE_ON)
			continue;
		/* nlx_match's boundary rule, as it reads the window */
		int next = nlx_cls(f, j + 1);
		if ((st & (PRE_WHOLE | PRE_PFX)) && !inside_word(f->cls[j], next))
			return 1;
		/* a leading entry before no letter is taken here as the fast
		 * loop's test cannot tell: the answer stays one the owner's
		 * parse is a subset of */
		if ((st & (PRE_GLUE | PRE_LEAD)) &&
		    (next != NLX_LET || glue_follows(t, f, j + 1, nlx_src(f, j + 1), lang)))
			return 1;
	}
}

int nlx_may_start_walk(const nlx_tab *t, nlx_fold *f, unsigned lang)
{
	size_t ext;
	return walk(t, f, lang, &ext);
}

/* The low len bytes of a word loaded by swar_load8 (len 1..8). */
static uint64_t bytes_mask(size_t len)
{
	return len >= 8 ? ~0ull : (1ull << 8 * len) - 1;
}

int nlx_may_start_memo(const nlx_tab *t, nlx_fold *f, unsigned lang, nlx_memo *m)
{
	size_t ext;
	if (f->n < 8)
		return walk(t, f, lang, &ext);
	uint64_t x = swar_load8(f->src);
	/* the slot from the first word and the two bytes after it, which
	 * most answers depend on ("de " and the next word's first letter);
	 * an entry is taken only if its own bytes agree */
	unsigned l = nlx_letters8(x);
	size_t w = (l < 6 ? l : 6) + 2;
	uint64_t h = ((x & bytes_mask(w)) ^ (uint64_t)(uintptr_t)t ^ lang) * 0x9E3779B97F4A7C15ull;
	struct memo_ent *e = &m->v[h >> (64 - MEMO_BITS)];
	if (e->t == t && e->lang == lang && (x & bytes_mask(e->len)) == e->key)
		return e->ans;
	int r = walk(t, f, lang, &ext);
	if (ext >= 1 && ext <= 8) {
		e->t = t;
		e->lang = (unsigned char)lang;
		e->ans = (unsigned char)r;
		e->len = (unsigned char)ext;
		e->key = x & bytes_mask(ext);
	}
	return r;
}

int nlx_may_start_at(const nlx_tab *t, nlx_fold *f, size_t k, unsigned lang)
{
	/* the entry's last byte and the one after it, for the boundary
	 * rule, must lie well inside f's window */
	if (k > f->len || k + t->maxflen + 8 >= NLX_FOLDMAX)
		return 1;
	size_t a = nlx_src(f, k);
	nlx_fold g;
	nlx_fold_init(&g, f->src + a, f->n - a);
	return nlx_may_start(t, &g, lang, nlx_fast_ix(lang), NULL);
}

/* Exact entries compare the lower-cased source, diacritics included. */
static int exact_ok(const nlx_ent *e, nlx_fold *f, size_t k)
{
	size_t a = nlx_src(f, k), z = nlx_src(f, k + e->flen);
	if (z - a != e->rlen)
		return 0;
	for (size_t i = 0; i < e->rlen; i++) {
		unsigned char c = (unsigned char)f->src[a + i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		else if (i > 0 && (unsigned char)f->src[a + i - 1] == 0xC3 && c >= 0x80 &&
		         c <= 0x9E && c != 0x97)
			c = (unsigned char)(c + 0x20);
		if (c != (unsigned char)e->raw[i])
			return 0;
	}
	return 1;
}

/* The first entry that matches at k of bucket b in index li, then of
 * bucket b1 (NLX_NBUCKETS: none); the caller has seen the buckets' kinds
 * meet kindmask.  Both in one call, which nlx_match makes as its last. */
static const nlx_ent *match_bucket(const nlx_tab *t, int li, unsigned b, unsigned b1,
                                   nlx_fold *f, size_t k, unsigned lang, unsigned kindmask,
                                   int boundary)
{
	const nlx_ref *ref = t->lref[li];
	/* with eight bytes folded at k (most windows: nlx_fold_to folds
	 * ASCII eight at a time), an entry's head is compared in one go */
	int whole = k + 8 <= f->len;
	uint64_t w = whole ? swar_load8(f->b + k) : 0;
next:
	for (size_t i = t->lfirst[li][b]; i < t->lfirst[li][b + 1]; i++) {
		if (!(ref[i].kbit & kindmask) || !(ref[i].lang & lang))
			continue;
		size_t q = 0;
		if (whole) {
			if ((w ^ ref[i].head) & bytes_mask(ref[i].hlen))
				continue;
			q = ref[i].hlen;
		}
		const nlx_ent *e = &t->v[ref[i].ent];
		/* byte by byte, folding only as far as the entry agrees: the
		 * longest entries come first and most differ early */
		while (q < e->flen && nlx_at(f, k + q) == (unsigned char)e->fold[q])
			q++;
		if (q < e->flen)
			continue;
		if (boundary) {
			int last = f->cls[k + e->flen - 1];
			int next = nlx_cls(f, k + e->flen);
			if ((last == NLX_LET || last == NLX_DIG) && (next == NLX_LET || next == NLX_DIG))
				continue;
		}
		if ((e->flags & NLX_F_EXACT) && !exact_ok(e, f, k))
			continue;
		return e;
	}
	if (b1 != b && b1 < NLX_NBUCKETS) {
		b = b1;
		goto next;
	}
	return NULL;
}

const nlx_ent *nlx_match(const nlx_tab *t, nlx_fold *f, size_t k, unsigned lang,
                         unsigned kindmask, int boundary)
{
	int c = nlx_at(f, k);
	int li = lang_index(lang);
	if (c < 0 || !(t->lstart[li][c] & kindmask))
		return NULL;
	const uint32_t *kinds = t->lkinds[li];
	int d = nlx_at(f, k + 1);
	unsigned b2 = NLX_NBUCKETS, b1 = NLX_HBUCKETS + (unsigned)c;
	if (d >= 0) {
		unsigned bit = (unsigned)c << 8 | (unsigned)d;
		if ((t->pair[bit >> 3] >> (bit & 7)) & 1) {
			unsigned char w[2] = { (unsigned char)c, (unsigned char)d };
			b2 = bucket_of(w, 2);
			if (!(kinds[b2] & kindmask))
				b2 = NLX_NBUCKETS;
		}
	}
	if (!t->one[c] || !(kinds[b1] & kindmask))
		b1 = NLX_NBUCKETS;
	if (b2 == NLX_NBUCKETS) {
		if (b1 == NLX_NBUCKETS)
			return NULL;
		b2 = b1;
	}
	return match_bucket(t, li, b2, b1, f, k, lang, kindmask, boundary);
}

int nlx_parse_double(const char *s, double *v)
{
	if (!*s)
		return -1;
	char *end;
	errno = 0;
	double d = strtod(s, &end);
	if (*end || errno || !isfinite(d))
		return -1;
	*v = d;
	return 0;
}

int nlx_parse_int(const char *s, long lo, long hi, long *v)
{
	if (!*s)
		return -1;
	char *end;
	errno = 0;
	long d = strtol(s, &end, 10);
	if (*end || errno || d < lo || d > hi)
		return -1;
	*v = d;
	return 0;
}

int nlx_bad(sl_err *e, const char *path, size_t line, const char *why, const char *what)
{
	sl_err_set(e, "%s:%zu: %s%s%s", path, line, why, what ? ": " : "", what ? what : "");
	return SL_EFORMAT;
}

int nlx_name_ix(const char *const *names, int n, const char *s)
{
	int i = 0;
	while (i < n && strcmp(s, names[i]))
		i++;
	return i;
}

int nlx_parse_flags(const char *s, const nlx_flag *names, size_t n, unsigned *flags)
{
	*flags = 0;
	if (!strcmp(s, "-"))
		return 0;
	while (*s) {
		size_t l = strcspn(s, ",");
		size_t i = 0;
		while (i < n && (strlen(names[i].name) != l || strncmp(names[i].name, s, l)))
			i++;
		if (i == n)
			return -1;
		*flags |= names[i].bit;
		s += l;
		if (*s == ',')
			s++;
	}
	return 0;
}
