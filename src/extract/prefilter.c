/*
 * prefilter: the document-level "can this yield a record" test (see
 * prefilter.h).  The keys live in one open-addressing hash table of
 * folded words, each with bits saying which condition it meets, and a
 * bit set of their hashes in front of it.  The scan classifies the text
 * 64 bytes at a time into bit masks and finds the words from them; an
 * ASCII word is hashed from two loads with the case bit set (which folds
 * ASCII letters and digits), a word beyond ASCII folded code point by
 * code point, exactly as the tokenizer does; it stops as soon as both
 * conditions are met.
 */
#include "prefilter.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../base/swar.h"
#include "../base/utf8.h"
#include "../text/fold.h"
#include "../text/token.h"

enum { NEED_CUE = 1, NEED_ACTOR = 2, NEED_ALL = 3 };
#define SEEN_BITS 17
#define FOLD_ROOM 128   /* a word folded in place (fold_word) */

/* Cue classes whose cues make a predicate in grammar.c's clause_pred. */

typedef struct slot {
	uint32_t hash, off, len;
	unsigned char bits;     /* 0: empty */
} slot;

struct prefilter {
	slot *t;
	size_t n, cap;          /* cap: a power of two */
	buf keys;               /* key bytes */
	unsigned char always;   /* conditions some entry without a key makes unknowable */
	uint64_t lens;          /* bit l: a key of l bytes (l < 63), bit 63: longer */
	size_t maxlen;
	/* bit h >> (32 - SEEN_BITS) of every key's hash h: a word whose bit
	 * is clear is no key, known from 16 KB that stay in the L1 cache
	 * instead of a probe of the 256 KB table */
	uint64_t seen[(1u << SEEN_BITS) / 64];
	unsigned char pred[256];/* per cue class: makes a predicate */
	tok_list tl;            /* scratch for tokenizing forms */
	int sep;                /* adding the separable-verb lexicon */
};

/* A word's hash from at most two 8-byte loads (its first and its last
 * eight bytes, overlapping when it is shorter than 16), so the scan hashes
 * a word with one or two multiplications instead of one per byte.  The bytes
 * are the folded form; for an ASCII word of the text that is its bytes
 * with 0x20 set (letters lower-cased, digits unchanged), so the scan
 * hashes it straight from the text. */
/* the n < 8 bytes at q, the rest 0, as swar_load8 would give them */
static inline uint64_t load_part(const unsigned char *q, size_t n)
{
	unsigned char t[8] = { 0 };
	memcpy(t, q, n);
	return swar_load8(t);
}

static inline uint32_t hash_ab(uint64_t a, uint64_t b, size_t n)
{
	/* one multiplication for a word of up to eight bytes (b is 0): the
	 * top bits of the product, which the seen bits take, mix them all */
	return (uint32_t)(((a ^ b * 0xC2B2AE3D27D4EB4Full) + n) * 0x9E3779B97F4A7C15ull >> 32);
}

static uint32_t hash_word(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	uint64_t a = n >= 8 ? swar_load8(s) : load_part(s, n);
	uint64_t b = n > 8 ? swar_load8(s + n - 8) : 0;
	return hash_ab(a, b, n);
}

/* hash_word of s[0..n), n >= 1, where 8 bytes can be read at s */
static inline uint32_t hash_room(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	uint64_t a = swar_load8(s), b = 0;
	if (n > 8)
		b = swar_load8(s + n - 8);
	else if (n < 8)
		a &= ((uint64_t)1 << (8 * n)) - 1;
	return hash_ab(a, b, n);
}

/* Bit 7 of each byte of v set where that byte is not an ASCII letter or
 * digit (bytes >= 0x80 included): x + (0x80 - lo) has bit 7 set exactly
 * when the 7-bit byte x >= lo, and no byte carries into the next. */
static inline uint64_t nonword(uint64_t v)
{
	uint64_t x = v & ~SWAR_HIGH, l = x | 0x20 * SWAR_ONES;
	uint64_t letter = (l + (0x80 - 'a') * SWAR_ONES) & ~(l + (0x80 - 'z' - 1) * SWAR_ONES);
	uint64_t digit = (x + (0x80 - '0') * SWAR_ONES) & ~(x + (0x80 - '9' - 1) * SWAR_ONES);
	return ~((letter | digit) & ~v) & SWAR_HIGH;
}

/* ASCII letters and digits lower-cased, 0 for every other byte: the
 * scan's one table look-up per byte. */
static unsigned char word_tab[256];

static void word_tab_init(void)
{
	for (int c = 0; c < 128; c++)
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			word_tab[c] = (unsigned char)c;
		else if (c >= 'A' && c <= 'Z')
			word_tab[c] = (unsigned char)(c + 32);
}

static slot *find(const prefilter *p, const char *s, size_t n, uint32_t h)
{
	size_t j = h & (p->cap - 1);
	for (;;) {
		slot *e = &p->t[j];
		if (!e->bits || (e->hash == h && e->len == n && !memcmp(p->keys.p + e->off, s, n)))
			return e;
		j = (j + 1) & (p->cap - 1);
	}
}

static void grow(prefilter *p)
{
	size_t cap = p->cap ? p->cap * 2 : 1024;
	slot *t = xcalloc(cap, sizeof *t);
	for (size_t i = 0; i < p->cap; i++) {
		if (!p->t[i].bits)
			continue;
		size_t j = p->t[i].hash & (cap - 1);
		while (t[j].bits)
			j = (j + 1) & (cap - 1);
		t[j] = p->t[i];
	}
	free(p->t);
	p->t = t;
	p->cap = cap;
}

static void add_key(prefilter *p, const char *s, size_t n, unsigned char bits)
{
	if ((p->n + 1) * 2 > p->cap)
		grow(p);
	uint32_t h = hash_word(s, n);
	slot *e = find(p, s, n, h);
	if (!e->bits) {
		e->hash = h;
		e->off = (uint32_t)p->keys.len;
		e->len = (uint32_t)n;
		buf_add(&p->keys, s, n);
		p->n++;
	}
	e->bits |= bits;
	p->seen[h >> (32 - SEEN_BITS) >> 6] |= (uint64_t)1 << (h >> (32 - SEEN_BITS) & 63);
	p->lens |= (uint64_t)1 << (n < 63 ? n : 63);
	if (n > p->maxlen)
		p->maxlen = n;
}

/* A word the tokenizer gives as a whole alphanumeric run: a letter first,
 * nothing but letters and digits (no elided "l'"). */
static int plain_word(const tok_list *tl, const token *t)
{
	if (!(t->flags & TOK_WORD) || (t->flags & TOK_NUM))
		return 0;
	const char *f = tok_fold(tl, t);
	for (size_t i = 0; i < t->flen; i++) {
		unsigned char c = (unsigned char)f[i];
		if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			return 0;
	}
	return 1;
}

static void entry_key(void *ctx, const lex_entry *e)
{
	prefilter *p = ctx;
	unsigned char bits = 0;
	if (p->sep)
		bits = NEED_CUE;
	else if (e->kind == LEX_ACTOR)
		bits = NEED_ACTOR;
	else if (e->kind == LEX_CUE && p->pred[e->sub])
		bits = NEED_CUE;
	if (!bits)
		return;
	tok_list_reset(&p->tl);
	tok_scan(&p->tl, e->form, 0, strlen(e->form), 0);
	/* the longest plain word of the form: the text must contain every
	 * one, and "west" of "the West" is far rarer than "the" */
	const token *best = NULL;
	for (size_t i = 0; i < p->tl.n; i++) {
		const token *t = &p->tl.v[i];
		if (plain_word(&p->tl, t) && (!best || t->flen > best->flen))
			best = t;
	}
	if (best) {
		add_key(p, tok_fold(&p->tl, best), best->flen, bits);
		return;
	}
	p->always |= bits;  /* no word to look for: cannot rule it out */
}

prefilter *prefilter_new(const lex *lx, const lex *sep, int (*makes_record)(int cls))
{
	fold_init();
	word_tab_init();
	prefilter *p = xcalloc(1, sizeof *p);
	buf_init(&p->keys);
	tok_list_init(&p->tl);
	for (int k = 0; k < 256; k++)
		p->pred[k] = (unsigned char)makes_record(k);
	grow(p);
	lex_each_entry(lx, entry_key, p);
	if (sep) {
		p->sep = 1;
		lex_each_entry(sep, entry_key, p);
	}
	tok_list_release(&p->tl);
	return p;
}

void prefilter_free(prefilter *p)
{
	if (!p)
		return;
	free(p->t);
	buf_release(&p->keys);
	free(p);
}

static inline int seen(const prefilter *p, uint32_t h)
{
	uint32_t k = h >> (32 - SEEN_BITS);
	return (int)(p->seen[k >> 6] >> (k & 63) & 1);
}

static inline int len_ok(const prefilter *p, size_t n)
{
	return n <= p->maxlen && (p->lens & ((uint64_t)1 << (n < 63 ? n : 63)));
}

static unsigned char lookup_hashed(const prefilter *p, const char *s, size_t n, uint32_t h)
{
	return seen(p, h) ? find(p, s, n, h)->bits : 0;
}

static unsigned char lookup(const prefilter *p, const char *s, size_t n)
{
	return len_ok(p, n) ? lookup_hashed(p, s, n, hash_word(s, n)) : 0;
}

/* lookup for an ASCII word as it stands in the text, h its folded hash:
 * compares with 0x20 set (the folded byte) instead of folding a copy. */
static unsigned char find_ascii(const prefilter *p, const unsigned char *s, size_t n, uint32_t h)
{
	size_t j = h & (p->cap - 1);
	for (;;) {
		const slot *e = &p->t[j];
		if (!e->bits)
			return 0;
		if (e->hash == h && e->len == n) {
			const unsigned char *k = (const unsigned char *)p->keys.p + e->off;
			size_t i = 0;
			while (i < n && (s[i] | 0x20) == k[i])
				i++;
			if (i == n)
				return e->bits;
		}
		j = (j + 1) & (p->cap - 1);
	}
}

/* The end of the run of ASCII letters and digits at q, eight bytes at a
 * time. */
static inline const unsigned char *ascii_end(const unsigned char *q, const unsigned char *e)
{
	for (;;) {
		if (e - q < 8) {
			while (q < e && word_tab[*q])
				q++;
			return q;
		}
		uint64_t m = nonword(swar_load8(q));
		if (m)
			return q + (__builtin_ctzll(m) >> 3);
		q += 8;
	}
}

/* The k ASCII letters and digits at q (the text ends at e) folded into
 * f, which has room for k + 8: eight at a time, the last one's overhang
 * falling into that room. */
static inline void fold_ascii(char *f, const unsigned char *q, size_t k, const unsigned char *e)
{
	if ((size_t)(e - q) >= k + 8) {
		for (size_t i = 0; i < k; i += 8)
			swar_store8(f + i, swar_load8(q + i) | 0x20 * SWAR_ONES);
	} else {
		for (size_t i = 0; i < k; i++)
			f[i] = (char)(q[i] | 0x20);
	}
}

/* utf8_decode of the code point at q (q < e, *q >= 0x80), its length
 * returned: the two-byte sequences of the Latin, Greek and Cyrillic
 * letters inline, without the call. */
static inline size_t decode_at(const unsigned char *q, const unsigned char *e, int32_t *cp)
{
	if (*q < 0xE0 && e - q >= 2) {
		*cp = ((*q & 0x1F) << 6) | (q[1] & 0x3F);
		return 2;
	}
	return utf8_decode((const char *)q, (size_t)(e - q), cp);
}

/* The word at s of the text, s at a letter or digit: found to its end
 * (returned) and looked up in its folded form, folded code point by code
 * point as fold_append does.  Folding stops once the form is longer than
 * any key (it cannot be one); *bits gets the key's conditions. */
static const unsigned char *fold_word(const prefilter *p, const unsigned char *s,
                                      const unsigned char *e, buf *tmp, unsigned char *bits)
{
	char f[FOLD_ROOM + 8];
	size_t fl = 0;
	int over = 0;           /* f too small: fold_append does it */
	const unsigned char *q = s;
	for (;;) {
		const unsigned char *r = ascii_end(q, e);
		size_t k = (size_t)(r - q);
		if (fl + k > FOLD_ROOM)
			over = 1;
		else
			fold_ascii(f + fl, q, k, e);
		fl += k;
		q = r;
		if (q == e || *q < 0x80)
			break;
		int32_t cp;
		k = decode_at(q, e, &cp);
		if (!fold_is_alnum(cp))
			break;
		q += k;
		if (fl + FOLD_CP_MAX <= FOLD_ROOM)
			fl += fold_cp_to(cp, f + fl);
		else
			over = 1;
	}
	/* fl never counts more than the folded form has */
	if (fl > p->maxlen) {
		*bits = 0;
	} else if (!over) {
		*bits = len_ok(p, fl) ? lookup_hashed(p, f, fl, hash_room(f, fl)) : 0;
	} else {
		buf_reset(tmp);
		fold_append(tmp, (const char *)s, (size_t)(q - s));
		*bits = lookup(p, tmp->p, tmp->len);
	}
	return q;
}

/* The conditions the ASCII word s[0..wl) of the text (which ends at e)
 * meets: hashed from two loads with the case bit set, so not copied.
 * Inline: it is the scan's work for most words. */
static inline unsigned char ascii_word(const prefilter *p, const unsigned char *s, size_t wl,
                                       const unsigned char *e)
{
	uint64_t a, b = 0;      /* no len_ok: the seen bits turn nearly all words away */
	if (wl >= 8) {
		a = swar_load8(s) | 0x20 * SWAR_ONES;
		if (wl > 8)
			b = swar_load8(s + wl - 8) | 0x20 * SWAR_ONES;
	} else {
		uint64_t mask = ((uint64_t)1 << (8 * wl)) - 1;
		a = (e - s >= 8 ? swar_load8(s) : load_part(s, wl)) & mask;
		a |= 0x20 * SWAR_ONES & mask;
	}
	uint32_t h = hash_ab(a, b, wl);
	return seen(p, h) ? find_ascii(p, s, wl, h) : 0;
}

/* The words of q[0..r) of the text (which ends at e), r at a byte that is
 * no part of a word, one at a time as the tokenizer would find them: for
 * a run of bytes with one from 0x80 (a word with a letter beyond ASCII,
 * or punctuation beyond ASCII between words).  Their conditions are
 * added to *have; returns where it stopped: r, or before it once both
 * conditions are met (or after it, when a broken sequence at r - 1 took
 * in the byte at r, as the tokenizer's decoding does). */
static const unsigned char *scan_words(const prefilter *p, const unsigned char *q,
                                       const unsigned char *r, const unsigned char *e,
                                       buf *tmp, unsigned char *have)
{
	unsigned char h = *have;
	while (q < r && h != NEED_ALL) {
		if (*q < 0x80 && !word_tab[*q]) {
			q++;
			continue;
		}
		int32_t cp;
		size_t k;
		if (*q >= 0x80 && (k = decode_at(q, e, &cp), !fold_is_alnum(cp))) {
			q += k;     /* between words */
			continue;
		}
		unsigned char bits;
		q = fold_word(p, q, e, tmp, &bits);
		h |= bits;
	}
	*have = h;
	return q;
}

/* The common word beyond ASCII at once: the run s[0..r) of the text
 * (which ends at e) whose bytes from 0x80 are the bits of hm (bit i for
 * s[i]) when those bytes are all two-byte sequences of letters or
 * digits, so the run is one word.  Folded from the masks, with no test a
 * byte; 0 for any other run (scan_words takes it), else 1 and *bits
 * what fold_word would give. */
static int fold_run(const prefilter *p, const unsigned char *s, const unsigned char *r,
                    const unsigned char *e, uint64_t hm, unsigned char *bits)
{
	char f[FOLD_ROOM + 16];
	size_t fl = 0;
	const unsigned char *q = s;
	for (;;) {
		const unsigned char *h = hm ? s + __builtin_ctzll(hm) : r;
		size_t k = (size_t)(h - q);
		if (fl + k + 8 > FOLD_ROOM)
			return 0;
		fold_ascii(f + fl, q, k, e);
		fl += k;
		q = h;
		if (q == r)
			break;
		if (*q < 0xC2 || *q > 0xDF || r - q < 2 || (q[1] & 0xC0) != 0x80)
			return 0;
		int32_t cp = ((*q & 0x1F) << 6) | (q[1] & 0x3F);
		if (!(fold_cls_tab[cp] & FOLD_ALNUM))
			return 0;
		memcpy(f + fl, fold_tab[cp], 8);
		fl += fold_len[cp];
		q += 2;
		hm &= hm - 1;   /* the lead byte */
		hm &= hm - 1;   /* and the one after it */
	}
	*bits = fl <= p->maxlen && len_ok(p, fl) ? lookup_hashed(p, f, fl, hash_room(f, fl)) : 0;
	return 1;
}

/* Bit i of *run set when byte i of the 64 at q is an ASCII letter or digit
 * or from 0x80 (a byte that may be part of a word), bit i of *high when
 * it is from 0x80.  With SSE2 (every x86-64) sixteen bytes take a few
 * instructions: a signed compare after an offset add tests a range of
 * bytes at once, and bytes from 0x80 are negative, so in no ASCII range;
 * otherwise eight at a time with nonword, the top bits gathered into a
 * byte by one multiplication. */
#ifdef __SSE2__
#include <emmintrin.h>
static inline void run_masks(const unsigned char *q, uint64_t *run, uint64_t *high)
{
	uint64_t r = 0, h = 0;
	const __m128i lower = _mm_set1_epi8(0x20);
	const __m128i a_off = _mm_set1_epi8((char)(0x80 - 'a')), a_lim = _mm_set1_epi8((char)(-128 + 26));
	const __m128i d_off = _mm_set1_epi8((char)(0x80 - '0')), d_lim = _mm_set1_epi8((char)(-128 + 10));
	for (int i = 0; i < 4; i++) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(q + 16 * i));
		__m128i letter = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(x, lower), a_off), a_lim);
		__m128i digit = _mm_cmplt_epi8(_mm_add_epi8(x, d_off), d_lim);
		uint64_t hi = (uint16_t)_mm_movemask_epi8(x);
		r |= ((uint16_t)_mm_movemask_epi8(_mm_or_si128(letter, digit)) | hi) << (16 * i);
		h |= hi << (16 * i);
	}
	*run = r;
	*high = h;
}
#else
/* the top bits of the eight bytes of m (nothing else set) as a byte */
static inline uint64_t gather8(uint64_t m)
{
	return (m >> 7) * 0x0102040810204080ull >> 56;
}

static inline void run_masks(const unsigned char *q, uint64_t *run, uint64_t *high)
{
	uint64_t r = 0, h = 0;
	for (int i = 0; i < 8; i++) {
		uint64_t v = swar_load8(q + 8 * i);
		r |= gather8((~nonword(v) | v) & SWAR_HIGH) << (8 * i);
		h |= gather8(v & SWAR_HIGH) << (8 * i);
	}
	*run = r;
	*high = h;
}
#endif

/* The scan goes 64 bytes at a time: from masks of the bytes that may be
 * part of a word, the runs of them are found with bit operations, and a
 * run of ASCII letters and digits, the common word, is looked up with
 * no test a byte; a run with a byte from 0x80 goes to scan_words.  A run
 * that may go on past the 64 bytes is left to the next window, which
 * starts with it (a run of 64 or more to scan_words). */
int prefilter_pass(const prefilter *p, const char *text, size_t n, buf *tmp)
{
	unsigned char have = p->always;
	if (have == NEED_ALL)
		return 1;
	const unsigned char *u = (const unsigned char *)text, *e = u + n, *q = u;
	unsigned char pad[64];
	while (q < e) {
		uint64_t run, high;
		if (e - q >= 64) {
			run_masks(q, &run, &high);
		} else {
			/* the last bytes: zeros after them are no part of a word */
			memset(pad, 0, sizeof pad);
			memcpy(pad, q, (size_t)(e - q));
			run_masks(pad, &run, &high);
		}
		if (run == ~0ull) {
			const unsigned char *r = q + 64;
			while (r < e && (*r >= 0x80 || word_tab[*r]))
				r++;
			q = scan_words(p, q, r, e, tmp, &have);
			if (have == NEED_ALL)
				return 1;
			continue;
		}
		/* lim: the start of a run that reaches the window's end, or 64 */
		unsigned lim = run >> 63 ? 64 - (unsigned)__builtin_clzll(~run) : 64;
		uint64_t starts = run & ~(run << 1), ends = ~run & (run << 1);
		if (lim < 64)
			starts &= ((uint64_t)1 << lim) - 1;
		const unsigned char *next = q + lim;
		while (starts) {
			unsigned a = (unsigned)__builtin_ctzll(starts), b = (unsigned)__builtin_ctzll(ends);
			starts &= starts - 1;
			ends &= ends - 1;
			/* high keeps the bytes from 0x80 of the runs not yet
			 * taken: those below b are this run's */
			uint64_t below = ((uint64_t)1 << b) - 1, hm = high & below;
			unsigned char bits;
			high &= ~below;
			if (!hm) {
				have |= ascii_word(p, q + a, b - a, e);
			} else if (fold_run(p, q + a, q + b, e, hm >> a, &bits)) {
				have |= bits;
			} else {
				const unsigned char *r = scan_words(p, q + a, q + b, e, tmp, &have);
				if (have == NEED_ALL)
					return 1;
				if (r > q + b) {
					/* a sequence cut short ran over r: go on from there */
					next = r;
					break;
				}
			}
			if (have == NEED_ALL)
				return 1;
		}
		q = next;
	}
	return 0;
}
