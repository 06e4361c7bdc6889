/* lang: the stop-word vote (see lang.h): a table of one-token stop words,
 * with the lexicon engine's trie for the folds it cannot key. */
#include "lang.h"

#include <stdlib.h>
#include <string.h>
#include "../base/buf.h"
#include "../base/swar.h"
#include "../base/tsv.h"
#include "../lex/lex.h"

int lang_table = 1;

/* The vote asks for every word of a document, and a third of them are
 * stop words: so besides the trie, the words that are one token are in
 * a table of their own, keyed by the token hash and filled with the
 * answer of the trie itself (lex_lookup_tok on the word's token), behind
 * a bit set of 2^LANG_BITS bits over the hashes that rejects most other
 * words with one look-up. */
#define LANG_BITS 14

typedef struct stop {
	uint32_t hash, off, len;
	uint8_t lang;           /* 0: an empty slot */
} stop;

struct lang_model {
	lex *words;
	const char *path;
	stop *t;
	size_t cap;             /* a power of two */
	buf keys;               /* the folded words */
	uint64_t seen[(1u << LANG_BITS) / 64];
};

static int word_line(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	lang_model *m = ctx;
	int lang = lex_lang_bit(f[0]);
	if (!lang || lang == LANG_ALL) {
		sl_err_set(e, "%s:%zu: unknown language '%s'", m->path, line, f[0]);
		return SL_EFORMAT;
	}
	if (lex_add(m->words, LEX_CUE, 0, lang, 0, f[1], f[0], NULL, NULL)) {
		sl_err_set(e, "%s:%zu: no word in '%s'", m->path, line, f[1]);
		return SL_EFORMAT;
	}
	return SL_OK;
}

static stop *find(const lang_model *m, const char *s, size_t n, uint32_t h)
{
	for (size_t j = h & (m->cap - 1);; j = (j + 1) & (m->cap - 1)) {
		stop *e = &m->t[j];
		if (!e->lang || (e->hash == h && e->len == n && !memcmp(m->keys.p + e->off, s, n)))
			return e;
	}
}

struct fill {
	lang_model *m;
	tok_list tl;
};

/* An entry of the trie into the table, when its form is one token that
 * lang_guess looks up by its hash (not empty, no space). */
static void fill_entry(void *ctx, const lex_entry *en)
{
	struct fill *c = ctx;
	lang_model *m = c->m;
	tok_list_reset(&c->tl);
	tok_scan(&c->tl, en->form, 0, strlen(en->form), 0);
	const token *t = &c->tl.v[0];
	if (c->tl.n != 1 || !t->flen || (t->flags & TOK_FOLDSPACE))
		return;
	const lex_entry *e = lex_lookup_tok(m->words, LEX_CUE, &c->tl, t, 0);
	stop *s = find(m, tok_fold(&c->tl, t), t->flen, t->hash);
	if (s->lang || !e || !e->lang)
		return;
	s->hash = t->hash;
	s->off = (uint32_t)m->keys.len;
	s->len = t->flen;
	s->lang = e->lang;
	buf_add(&m->keys, tok_fold(&c->tl, t), t->flen);
	m->seen[t->hash >> (32 - LANG_BITS) >> 6] |= (uint64_t)1 << (t->hash >> (32 - LANG_BITS) & 63);
}

lang_model *lang_load(const char *path, sl_err *e)
{
	lang_model *m = xcalloc(1, sizeof *m);
	m->words = lex_new();
	m->path = path;
	buf_init(&m->keys);
	if (tsv_each(path, 2, word_line, m, e) != SL_OK) {
		lang_free(m);
		return NULL;
	}
	/* at most half full */
	for (m->cap = 64; m->cap < 2 * lex_size(m->words); m->cap *= 2)
		;
	m->t = xcalloc(m->cap, sizeof *m->t);
	struct fill c = { m, { 0 } };
	tok_list_init(&c.tl);
	lex_each_entry(m->words, fill_entry, &c);
	tok_list_release(&c.tl);
	return m;
}

void lang_free(lang_model *m)
{
	if (!m)
		return;
	lex_free(m->words);
	free(m->t);
	buf_release(&m->keys);
	free(m);
}

/* The LANG_* bits of the stop word token t is, 0 if none: what
 * lex_lookup_tok on the trie answers, and asks it when t has one of the
 * flags trie (see lang_guess). */
static inline int stop_lang(const lang_model *m, const tok_list *tl, const token *t,
                            uint32_t trie)
{
	if (t->flags & trie) {
		const lex_entry *e = lex_lookup_tok(m->words, LEX_CUE, tl, t, 0);
		return e ? e->lang : 0;
	}
	uint32_t b = t->hash >> (32 - LANG_BITS);
	if (!(m->seen[b >> 6] >> (b & 63) & 1))
		return 0;
	/* find, with the few bytes of a stop word compared inline (swar_eq) */
	const char *f = tok_fold(tl, t);
	for (size_t j = t->hash & (m->cap - 1);; j = (j + 1) & (m->cap - 1)) {
		const stop *e = &m->t[j];
		if (!e->lang)
			return 0;
		if (e->hash == t->hash && e->len == t->flen && swar_eq(m->keys.p + e->off, f, e->len))
			return e->lang;
	}
}

/* Whether one score is ahead of each other one by more than margin. */
static int decided(const int score[4], size_t margin)
{
	int best = 0;
	for (int b = 1; b < 4; b++)
		if (score[b] > score[best])
			best = b;
	for (int b = 0; b < 4; b++)
		if (b != best && (size_t)(score[best] - score[b]) <= margin)
			return 0;
	return 1;
}

/* The four LANG_* bits of lang as the bytes of a word, bit b in byte b:
 * the product places a copy of lang at bits 0, 7, 14 and 21, which do
 * not overlap, and bit b of the copy at 7b lands on bit 8b. */
static inline uint32_t lang_bytes(int lang)
{
	return ((uint32_t)lang & LANG_ALL) * 0x204081u & 0x01010101u;
}

/* Adds the four byte-wide counts of votes to score. */
static void add_votes(int score[4], uint32_t votes)
{
	for (int b = 0; b < 4; b++)
		score[b] += (int)(votes >> 8 * b & 0xff);
}

int lang_guess(const lang_model *m, const tok_list *tl, size_t from, size_t to)
{
	int score[4] = { 0, 0, 0, 0 };
	/* the votes since the last look at score, a byte per language
	 * (lang_bytes): one addition a stop word, and at most 32 a byte */
	uint32_t votes = 0;
	/* copies that the calls into the trie do not make the compiler
	 * load again for every token */
	const token *v = tl->v;
	/* the words the table cannot answer: one test a word */
	uint32_t trie = lang_table ? TOK_FOLDSPACE : TOK_WORD;
	for (size_t b = from; b < to; b += 32) {
		/* each token left adds at most one to a score: once a language
		 * leads by more than they are, it is the answer whatever they
		 * are (a look every 32 tokens) */
		if (b > from) {
			add_votes(score, votes);
			votes = 0;
			if (decided(score, to - b))
				break;
		}
		size_t end = to - b < 32 ? to : b + 32;
		for (size_t i = b; i < end; i++)
			if (v[i].flags & TOK_WORD)
				votes += lang_bytes(stop_lang(m, tl, &v[i], trie));
	}
	add_votes(score, votes);
	int best = 1; /* en */
	for (int b = 0; b < 4; b++)
		if (score[b] > score[best])
			best = b;
	return 1 << best;
}

const char *lang_name(int bit)
{
	switch (bit) {
	case LANG_NL: return "nl";
	case LANG_DE: return "de";
	case LANG_FR: return "fr";
	default: return "en";
	}
}
