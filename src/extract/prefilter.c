/*
 * prefilter: the document-level "can this yield a record" test (see
 * prefilter.h).  The keys live in one open-addressing hash table of
 * folded words, each with bits saying which condition it meets; the scan
 * lower-cases ASCII words on the fly and folds the rare non-ASCII word
 * through fold_append, exactly as the tokenizer does, and stops as soon
 * as both conditions are met.
 */
#include "prefilter.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../base/utf8.h"
#include "../text/fold.h"
#include "../text/token.h"

enum { NEED_CUE = 1, NEED_ACTOR = 2, NEED_ALL = 3 };

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
	unsigned char pred[256];/* per cue class: makes a predicate */
	tok_list tl;            /* scratch for tokenizing forms */
	int sep;                /* adding the separable-verb lexicon */
};

static uint32_t hash_word(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
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

static unsigned char lookup(const prefilter *p, const char *s, size_t n)
{
	if (!(p->lens & ((uint64_t)1 << (n < 63 ? n : 63))))
		return 0;
	return find(p, s, n, hash_word(s, n))->bits;
}

/* lookup for an ASCII word as it stands in the text, h its folded hash:
 * compares through word_tab instead of folding a copy first. */
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
			while (i < n && word_tab[s[i]] == k[i])
				i++;
			if (i == n)
				return e->bits;
		}
		j = (j + 1) & (p->cap - 1);
	}
}

/* The end of the word that goes on at i with letters and digits of any
 * script; *ascii is cleared when a non-ASCII one is part of it. */
static size_t word_end(const char *text, size_t i, size_t n, int *ascii)
{
	while (i < n) {
		unsigned char c = (unsigned char)text[i];
		if (c < 0x80) {
			if (!word_tab[c])
				break;
			i++;
			continue;
		}
		int32_t cp;
		size_t k = utf8_decode(text + i, n - i, &cp);
		if (!fold_is_alnum(cp))
			break;
		*ascii = 0;
		i += k;
	}
	return i;
}

int prefilter_pass(const prefilter *p, const char *text, size_t n, buf *tmp)
{
	unsigned char have = p->always;
	if (have == NEED_ALL)
		return 1;
	const unsigned char *u = (const unsigned char *)text;
	size_t i = 0;
	while (i < n) {
		unsigned char c = u[i];
		size_t s = i;
		/* between words */
		if (c < 0x80) {
			if (!word_tab[c]) {
				i++;
				continue;
			}
			/* an ASCII word, folded and hashed in one pass (hash_word
			 * over w gives the same) while it lasts */
			uint32_t h = 2166136261u;
			const unsigned char *q = u + i, *e = u + n;
			unsigned char l;
			while (q < e && (l = word_tab[*q]) != 0) {
				h = (h ^ l) * 16777619u;
				q++;
			}
			size_t wl = (size_t)(q - (u + i));
			i += wl;
			int ascii = 1;
			if (i < n && u[i] >= 0x80)
				i = word_end(text, i, n, &ascii);
			if (ascii) {
				if (wl > p->maxlen || wl > 64 ||
				    !(p->lens & ((uint64_t)1 << (wl < 63 ? wl : 63))))
					continue;
				have |= find_ascii(p, u + s, wl, h);
				if (have == NEED_ALL)
					return 1;
				continue;
			}
		} else {
			int32_t cp;
			size_t k = utf8_decode(text + i, n - i, &cp);
			if (!fold_is_alnum(cp)) {
				i += k;
				continue;
			}
			int ascii = 1;
			i = word_end(text, i, n, &ascii); /* clears ascii */
		}
		/* a word with a non-ASCII letter: folded as the tokenizer does */
		buf_reset(tmp);
		fold_append(tmp, text + s, i - s);
		have |= lookup(p, tmp->p, tmp->len);
		if (have == NEED_ALL)
			return 1;
	}
	return 0;
}
