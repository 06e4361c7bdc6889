/*
 * prefilter: the document-level "can this yield a record" test (see
 * prefilter.h).  The keys live in one open-addressing hash table of
 * folded words, each with bits saying which condition it meets, and a
 * bit set of their hashes in front of it.  The scan finds the end of an
 * ASCII word eight bytes at a time, hashes it from two loads with the
 * case bit set (which folds ASCII letters and digits), and folds the rare
 * non-ASCII word code point by code point, exactly as the tokenizer
 * does; it stops as soon as both conditions are met.
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
 * a word with three multiplications instead of one per byte.  The bytes
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
	uint64_t h = (a + n) * 0x9E3779B97F4A7C15ull;
	h ^= b * 0xC2B2AE3D27D4EB4Full;
	h ^= h >> 29;
	h *= 0xFF51AFD7ED558CCDull;
	return (uint32_t)(h >> 32);
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

/* The word at s of the text that has a letter or digit beyond ASCII:
 * found to its end (returned) and looked up in its folded form, folded
 * code point by code point as fold_append does.  Folding stops once the
 * form is longer than any key (it cannot be one); *bits gets the key's
 * conditions. */
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
		if (fl + k > FOLD_ROOM) {
			over = 1;
		} else if ((size_t)(e - q) >= k + 8) {
			/* eight at a time; f has room for the last one's overhang */
			for (size_t i = 0; i < k; i += 8)
				swar_store8(f + fl + i, swar_load8(q + i) | 0x20 * SWAR_ONES);
		} else {
			for (size_t i = 0; i < k; i++)
				f[fl + i] = (char)(q[i] | 0x20);
		}
		fl += k;
		q = r;
		if (q == e || *q < 0x80)
			break;
		int32_t cp;
		k = utf8_decode((const char *)q, (size_t)(e - q), &cp);
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
 * meets: hashed from two loads with the case bit set, so not copied. */
static unsigned char ascii_word(const prefilter *p, const unsigned char *s, size_t wl,
                                const unsigned char *e)
{
	if (!len_ok(p, wl))
		return 0;
	uint64_t a, b = 0;
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

/* Whether the code point at q (q < e, *q >= 0x80) is a letter or digit;
 * *k gets its length. */
static inline int alnum_at(const unsigned char *q, const unsigned char *e, size_t *k)
{
	int32_t cp;
	*k = utf8_decode((const char *)q, (size_t)(e - q), &cp);
	return fold_is_alnum(cp);
}

int prefilter_pass(const prefilter *p, const char *text, size_t n, buf *tmp)
{
	unsigned char have = p->always;
	if (have == NEED_ALL)
		return 1;
	const unsigned char *u = (const unsigned char *)text, *e = u + n, *q = u;
	while (q < e) {
		const unsigned char *s = q;
		size_t k;
		if (*q >= 0x80) {
			if (!alnum_at(q, e, &k)) {
				q += k;     /* between words */
				continue;
			}
		} else if (!word_tab[*q]) {
			q++;
			continue;
		} else {
			/* an ASCII word, or the start of one that goes on beyond */
			q = ascii_end(q, e);
			if (q == e || *q < 0x80 || !alnum_at(q, e, &k)) {
				have |= ascii_word(p, s, (size_t)(q - s), e);
				if (have == NEED_ALL)
					return 1;
				continue;
			}
		}
		/* a word with a letter or digit beyond ASCII */
		unsigned char bits;
		q = fold_word(p, s, e, tmp, &bits);
		have |= bits;
		if (have == NEED_ALL)
			return 1;
	}
	return 0;
}
