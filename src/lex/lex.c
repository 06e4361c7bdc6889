/*
 * lex: loading the lexicons and matching them over tokens (see lex.h).
 *
 * The trie's edges live in one open-addressing hash table keyed by
 * (parent node, folded token); this is the classic way to hold a trie
 * with a huge alphabet (every word is a letter) in a few flat arrays.
 * Written by hand because no Debian library offers token-level longest
 * match over folded words; Hyperscan matches bytes, not our folded tokens,
 * and would need a second pass to map back.
 */
#include "lex.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "../base/buf.h"
#include "../base/swar.h"
#include "../base/tsv.h"
#include "../extract/record.h"
#include "../text/fold.h"

const char *const lex_actor_kinds[ACT_NKINDS] = {
	"name", "adj", "people", "capital", "gov", "person", "org"
};

#define SFX_BITS LEX_SFX_BITS
#define SFX_END LEX_SFX_END    /* lex_suffix's shortest tail */

typedef struct edge {
	/* hash and parent side by side: a probe compares both at once */
	uint32_t hash;
	uint32_t parent;
	uint32_t key;      /* offset of the folded token in strs */
	uint32_t klen;
	uint32_t child;
} edge;

typedef struct node {
	int32_t first[LEX_NKINDS];  /* first entry of each kind, -1 if none */
	/* byte k: NODE_HAS | the LANG_* bits of the entries of kind k, so a
	 * walk sees with one test that a node has nothing in the document's
	 * language (most nodes are inner words of longer entries) */
	uint32_t kinds;
	/* bit th >> (32 - 6) of the token hash th of every child edge: most
	 * walks end because the next token continues no entry, and this says
	 * so without a probe of the edge table */
	uint64_t next;
} node;

enum { NODE_HAS = 0x80 };

struct lex {
	lex_entry *ent;
	size_t nent, capent;
	node *nodes;
	size_t nnodes, capnodes;
	edge *edges;          /* hash table, size a power of two */
	size_t nedges, capedges;
	buf strs;             /* folded edge keys */
	char **owned;         /* strings entries point to */
	size_t nowned, capowned;
	char **intern;        /* hash set over owned, for own() */
	size_t capintern;
	/* suffix table: folded word -> first entry (chained by next_suffix) */
	struct sfx { uint32_t key, klen, hash; int32_t ent; } *sfx;
	size_t nsfx, capsfx;
	int32_t *sfx_next;    /* per entry: next entry with the same suffix key */
	size_t sfx_maxlen;    /* longest suffix key: lex_suffix tries no longer tail */
	tok_list tl;          /* scratch for tokenizing forms */
	/* bit th >> (32 - LEX_ROOT_BITS) of the token hash th of every first
	 * token of an entry: most tokens of a text start none, and this 8 KB
	 * set in the L1 cache says so without a probe of the edge table */
	uint64_t root[(1u << LEX_ROOT_BITS) / 64];
	/* the same for the entries of each language (LANG_NL, _EN, _DE,
	 * _FR): a walk in one language tests the set of its own, in which
	 * the function words of the other three (Dutch "de", French "la")
	 * start nothing */
	uint64_t root_lang[4][(1u << LEX_ROOT_BITS) / 64];
	uint64_t sfx_seen[(1u << SFX_BITS) / 64];  /* the same for suffix keys' hashes */
	/* the same for the end_hash of the last SFX_END bytes of every
	 * suffix key, which every tail lex_suffix tries ends with: most
	 * words end in none of them and cost one short hash */
	uint64_t sfx_end[(1u << SFX_BITS) / 64];
	int sfx_langs;        /* LANG_* bits of the suffix entries */
};

static uint32_t hash_bytes(uint32_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

/* An edge's hash combines the token's own hash, which the tokenizer
 * computes once (token.h), with its parent node: a trie step costs one
 * probe, not a rehash of the word.  An edge from the root, the first step
 * of every walk, takes the token's hash as it is. */
static inline uint32_t edge_mix(uint32_t parent, uint32_t th)
{
	if (!parent)
		return th;
	uint32_t h = th ^ (parent * 0x9E3779B1u);
	h ^= h >> 16;
	h *= 0x85EBCA6Bu;
	h ^= h >> 13;
	return h;
}

static uint32_t edge_hash(uint32_t parent, const char *s, size_t n)
{
	return edge_mix(parent, tok_hash(s, n));
}

/* Interns s: equal strings get the same pointer, so callers compare codes
 * ("UA", "Javelin", "air-defence") by pointer.  Contract categories are
 * interned to record.c's table. */
static const char *own(lex *x, const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s);
	uint32_t h = hash_bytes(2166136261u, s, n);
	/* the table holds no category (they are not added below), so a
	 * string found in it is none, and most strings (codes, forms
	 * written again as their squeezed form) are found */
	if (x->capintern) {
		for (size_t j = h & (x->capintern - 1); x->intern[j]; j = (j + 1) & (x->capintern - 1))
			if (!strcmp(x->intern[j], s))
				return x->intern[j];
	}
	const char *cat = rec_category_intern(s);
	if (cat)
		return cat;
	if ((x->nowned + 1) * 2 > x->capintern) {
		size_t cap = x->capintern ? x->capintern * 2 : 4096;
		char **t = xcalloc(cap, sizeof *t);
		for (size_t i = 0; i < x->nowned; i++) {
			const char *o = x->owned[i];
			size_t j = hash_bytes(2166136261u, o, strlen(o)) & (cap - 1);
			while (t[j])
				j = (j + 1) & (cap - 1);
			t[j] = x->owned[i];
		}
		free(x->intern);
		x->intern = t;
		x->capintern = cap;
	}
	if (x->nowned == x->capowned) {
		x->capowned = x->capowned ? x->capowned * 2 : 1024;
		x->owned = xrealloc(x->owned, x->capowned * sizeof *x->owned);
	}
	char *p = xstrndup(s, n);
	x->owned[x->nowned++] = p;
	size_t j = h & (x->capintern - 1);
	while (x->intern[j])
		j = (j + 1) & (x->capintern - 1);
	x->intern[j] = p;
	return p;
}

static uint32_t new_node(lex *x)
{
	if (x->nnodes == x->capnodes) {
		x->capnodes = x->capnodes ? x->capnodes * 2 : 4096;
		x->nodes = xrealloc(x->nodes, x->capnodes * sizeof *x->nodes);
	}
	node *nd = &x->nodes[x->nnodes];
	for (int k = 0; k < LEX_NKINDS; k++)
		nd->first[k] = -1;
	nd->kinds = 0;
	nd->next = 0;
	return (uint32_t)x->nnodes++;
}

static void edges_rehash(lex *x)
{
	size_t cap = x->capedges ? x->capedges * 2 : 8192;
	edge *t = xcalloc(cap, sizeof *t);
	for (size_t i = 0; i < x->capedges; i++) {
		edge *e = &x->edges[i];
		if (!e->child)
			continue;
		size_t j = e->hash & (cap - 1);
		while (t[j].child)
			j = (j + 1) & (cap - 1);
		t[j] = *e;
	}
	free(x->edges);
	x->edges = t;
	x->capedges = cap;
}

/* Inline: it is the step of every trie walk, most of them one probe.
 * The table must not be empty. */
static inline uint32_t edge_probe(const lex *x, uint32_t parent, uint32_t th, const char *s,
                                  size_t n)
{
	uint32_t h = edge_mix(parent, th);
	uint32_t hp[2] = { h, parent };
	uint64_t want;
	memcpy(&want, hp, 8);
	size_t j = h & (x->capedges - 1);
	for (;;) {
		const edge *e = &x->edges[j];
		if (!e->child)
			return 0;
		uint64_t have;
		memcpy(&have, &e->hash, 8);
		if (have == want && e->klen == n && swar_eq(x->strs.p + e->key, s, n))
			return e->child;
		j = (j + 1) & (x->capedges - 1);
	}
}

static inline uint32_t edge_find_h(const lex *x, uint32_t parent, uint32_t th, const char *s,
                                   size_t n)
{
	return x->capedges ? edge_probe(x, parent, th, s, n) : 0;
}

/* The start set of a walk in lang: its language's own for one of the
 * four, else that of every entry. */
static inline const uint64_t *starts_in(const lex *x, int lang)
{
	switch (lang) {
	case LANG_NL: return x->root_lang[0];
	case LANG_EN: return x->root_lang[1];
	case LANG_DE: return x->root_lang[2];
	case LANG_FR: return x->root_lang[3];
	default: return x->root;
	}
}

static inline void bit_set_root(uint64_t *set, uint32_t th)
{
	uint32_t b = th >> (32 - LEX_ROOT_BITS);
	set[b >> 6] |= (uint64_t)1 << (b & 63);
}

/* Whether a token of hash th can start an entry in lang (no false "no"). */
static inline int may_start(const lex *x, uint32_t th, int lang)
{
	lex_starts s = { starts_in(x, lang) };
	token t = { .hash = th };
	return lex_may_start(s, &t);
}

lex_starts lex_get_starts(const lex *x, int lang)
{
	lex_starts s = { starts_in(x, lang) };
	return s;
}

static uint32_t edge_find(const lex *x, uint32_t parent, const char *s, size_t n)
{
	return edge_find_h(x, parent, tok_hash(s, n), s, n);
}

static uint32_t edge_add(lex *x, uint32_t parent, const char *s, size_t n)
{
	uint32_t c = edge_find(x, parent, s, n);
	if (c)
		return c;
	if ((x->nedges + 1) * 4 > x->capedges)
		edges_rehash(x);
	uint32_t child = new_node(x);
	uint32_t h = edge_hash(parent, s, n);
	size_t j = h & (x->capedges - 1);
	while (x->edges[j].child)
		j = (j + 1) & (x->capedges - 1);
	edge *e = &x->edges[j];
	e->parent = parent;
	e->key = (uint32_t)x->strs.len;
	e->klen = (uint32_t)n;
	e->child = child;
	e->hash = h;
	buf_add(&x->strs, s, n);
	x->nedges++;
	uint32_t th = tok_hash(s, n);
	if (!parent)
		bit_set_root(x->root, th);
	x->nodes[parent].next |= (uint64_t)1 << (th >> (32 - 6));
	return child;
}

static void sfx_rehash(lex *x)
{
	size_t cap = x->capsfx ? x->capsfx * 2 : 1024;
	struct sfx *t = xcalloc(cap, sizeof *t);
	for (size_t i = 0; i < cap; i++)
		t[i].ent = -1;
	for (size_t i = 0; i < x->capsfx; i++) {
		if (x->sfx[i].ent < 0)
			continue;
		size_t j = x->sfx[i].hash & (cap - 1);
		while (t[j].ent >= 0)
			j = (j + 1) & (cap - 1);
		t[j] = x->sfx[i];
	}
	free(x->sfx);
	x->sfx = t;
	x->capsfx = cap;
}

/* The suffix table's hash: FNV over the bytes from the last to the
 * first, so lex_suffix has the hash of every tail of a word from one
 * pass back from its end instead of hashing each tail again. */
static uint32_t hash_back(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	while (n) {
		h ^= (unsigned char)s[--n];
		h *= 16777619u;
	}
	return h;
}

static inline int bit_test(const uint64_t *set, uint32_t h)
{
	uint32_t b = h >> (32 - SFX_BITS);
	return (int)(set[b >> 6] >> (b & 63) & 1);
}

static inline void bit_set(uint64_t *set, uint32_t h)
{
	uint32_t b = h >> (32 - SFX_BITS);
	set[b >> 6] |= (uint64_t)1 << (b & 63);
}

/* The hash of a word's last SFX_END bytes for sfx_end: one load and a
 * multiply, as lex_suffix asks it of most words of a text. */
static inline uint32_t end_hash(const char *w, size_t n)
{
	return lex_end_hash(w, n);
}

static inline int sfx_seen(const lex *x, uint32_t h)
{
	return bit_test(x->sfx_seen, h);
}

/* s[0..n) of hash_back h */
static int32_t sfx_find(const lex *x, const char *s, size_t n, uint32_t h)
{
	if (!x->capsfx || !sfx_seen(x, h))
		return -1;
	size_t j = h & (x->capsfx - 1);
	while (x->sfx[j].ent >= 0) {
		if (x->sfx[j].hash == h && x->sfx[j].klen == n &&
		    swar_eq(x->strs.p + x->sfx[j].key, s, n))
			return x->sfx[j].ent;
		j = (j + 1) & (x->capsfx - 1);
	}
	return -1;
}

static void sfx_add(lex *x, const char *s, size_t n, int32_t ent)
{
	if ((x->nsfx + 1) * 2 > x->capsfx)
		sfx_rehash(x);
	uint32_t h = hash_back(s, n);
	size_t j = h & (x->capsfx - 1);
	while (x->sfx[j].ent >= 0) {
		if (x->sfx[j].hash == h && x->sfx[j].klen == n &&
		    !memcmp(x->strs.p + x->sfx[j].key, s, n)) {
			x->sfx_next[ent] = x->sfx[j].ent;
			x->sfx[j].ent = ent;
			return;
		}
		j = (j + 1) & (x->capsfx - 1);
	}
	x->sfx[j].key = (uint32_t)x->strs.len;
	x->sfx[j].klen = (uint32_t)n;
	x->sfx[j].hash = h;
	x->sfx[j].ent = ent;
	buf_add(&x->strs, s, n);
	x->nsfx++;
	bit_set(x->sfx_seen, h);
	if (n >= SFX_END)
		bit_set(x->sfx_end, end_hash(s, n));
	if (n > x->sfx_maxlen)
		x->sfx_maxlen = n;
}

lex *lex_new(void)
{
	fold_init();
	lex *x = xcalloc(1, sizeof *x);
	buf_init(&x->strs);
	tok_list_init(&x->tl);
	new_node(x); /* the root */
	return x;
}

void lex_free(lex *x)
{
	if (!x)
		return;
	for (size_t i = 0; i < x->nowned; i++)
		free(x->owned[i]);
	free(x->owned);
	free(x->intern);
	free(x->ent);
	free(x->nodes);
	free(x->edges);
	free(x->sfx);
	free(x->sfx_next);
	buf_release(&x->strs);
	tok_list_release(&x->tl);
	free(x);
}

int lex_lang_bit(const char *lang)
{
	if (!lang)
		return 0;
	if (!strcmp(lang, "nl"))
		return LANG_NL;
	if (!strcmp(lang, "en"))
		return LANG_EN;
	if (!strcmp(lang, "de"))
		return LANG_DE;
	if (!strcmp(lang, "fr"))
		return LANG_FR;
	if (!strcmp(lang, "*"))
		return LANG_ALL;
	return 0;
}

const char *lex_code(const lex *x, const char *s)
{
	if (!x->capintern)
		return NULL;
	uint32_t h = hash_bytes(2166136261u, s, strlen(s));
	for (size_t j = h & (x->capintern - 1); x->intern[j]; j = (j + 1) & (x->capintern - 1))
		if (!strcmp(x->intern[j], s))
			return x->intern[j];
	return NULL;
}

const lex_entry *lex_next(const lex *x, const lex_entry *e)
{
	return e->next >= 0 ? &x->ent[e->next] : NULL;
}

size_t lex_size(const lex *x)
{
	return x->nent;
}

int lex_add(lex *x, lex_kind kind, int sub, int lang, int cased, const char *form,
            const char *code, const char *category, const char *origin)
{
	tok_list_reset(&x->tl);
	/* a form of several words that ends in an elided clitic ("fait don
	 * d'", "en provenance d'") is cut as running text cuts it, where a
	 * word follows the apostrophe: scanned with a letter after it, the
	 * letter's token dropped.  (A lone clitic, "n'", "d'", is left as it
	 * was read: matched as a word of its own it would be a cue on every
	 * "n'a", and the negation is read from "pas".) */
	size_t flen = strlen(form);
	if (flen >= 2 && form[flen - 1] == '\'' && memchr(form, ' ', flen)) {
		buf el = BUF_INIT;
		buf_add(&el, form, flen);
		buf_add(&el, "x", 1);
		tok_scan(&x->tl, el.p, 0, flen + 1, 0);
		if (x->tl.n >= 2 && x->tl.v[x->tl.n - 1].start == flen)
			x->tl.n--;
		else
			tok_list_reset(&x->tl);
		buf_release(&el);
	}
	if (!x->tl.n)
		tok_scan(&x->tl, form, 0, flen, 0);
	if (!x->tl.n)
		return SL_EFORMAT;
	if (x->nent == x->capent) {
		x->capent = x->capent ? x->capent * 2 : 4096;
		x->ent = xrealloc(x->ent, x->capent * sizeof *x->ent);
		x->sfx_next = xrealloc(x->sfx_next, x->capent * sizeof *x->sfx_next);
	}
	int32_t id = (int32_t)x->nent++;
	lex_entry *e = &x->ent[id];
	memset(e, 0, sizeof *e);
	e->kind = (uint8_t)kind;
	e->sub = (uint8_t)sub;
	e->lang = (uint8_t)lang;
	e->cased = (uint8_t)cased;
	e->ntok = (uint16_t)(x->tl.n > 65535 ? 65535 : x->tl.n);
	e->code = own(x, code);
	e->category = own(x, category);
	e->origin = own(x, origin);
	e->form = own(x, form);
	x->sfx_next[id] = -1;
	buf sq = BUF_INIT;
	for (size_t i = 0; i < x->tl.n; i++)
		buf_add(&sq, form + x->tl.v[i].start, x->tl.v[i].end - x->tl.v[i].start);
	e->squeezed = own(x, sq.p);
	buf_release(&sq);
	uint32_t nd = 0;
	for (size_t i = 0; i < x->tl.n; i++) {
		const token *t = &x->tl.v[i];
		nd = edge_add(x, nd, tok_fold(&x->tl, t), t->flen);
	}
	e = &x->ent[id];
	for (int b = 0; b < 4; b++)
		if (lang >> b & 1)
			bit_set_root(x->root_lang[b], x->tl.v[0].hash);
	e->next = x->nodes[nd].first[kind];
	x->nodes[nd].first[kind] = id;
	x->nodes[nd].kinds |= (uint32_t)(NODE_HAS | e->lang) << (8 * kind);
	if (kind == LEX_ITEM && sub == ITEM_SUFFIX && x->tl.n == 1) {
		sfx_add(x, tok_fold(&x->tl, &x->tl.v[0]), x->tl.v[0].flen, id);
		x->sfx_langs |= lang;
	}
	return SL_OK;
}

/* Whether the text of tokens [i, i+n) has the letters of the cased
 * entry e in the same case.  Not inlined into the walk: few entries are
 * cased, and the walk keeps its registers. */
__attribute__((noinline))
static int cased_ok(const lex_entry *e, const tok_list *tl, const char *text, size_t i, size_t n)
{
	size_t k = 0, sl = strlen(e->squeezed);
	for (size_t j = i; j < i + n; j++) {
		const token *t = &tl->v[j];
		size_t len = t->end - t->start;
		if (k + len > sl || memcmp(e->squeezed + k, text + t->start, len))
			return 0;
		k += len;
	}
	return k == sl;
}

static inline int entry_ok(const lex_entry *e, const tok_list *tl, const char *text, size_t i,
                           size_t n, int lang)
{
	if (lang && !(e->lang & lang))
		return 0;
	return !e->cased || cased_ok(e, tl, text, i, n);
}

int lex_entry_ok(const lex_entry *e, const tok_list *tl, const char *text, size_t i,
                 size_t n, int lang)
{
	return entry_ok(e, tl, text, i, n, lang);
}

static int match_cased(const lex *x, const tok_list *tl, const char *text, size_t i,
                       size_t end, int lang, lex_match out[LEX_NKINDS]);

/* The walk of lex_match_at from token i.  With cased 0 it gives up on
 * the first case-sensitive entry it meets and hands the whole walk to
 * match_cased: few walks meet one, and a walk with no call of cased_ok
 * in it needs fewer registers saved and restored, at every token. */
static inline __attribute__((always_inline))
int walk(const lex *x, const tok_list *tl, const char *text, size_t i, size_t end, int lang,
         lex_match out[LEX_NKINDS], int cased, int started)
{
	for (int k = 0; k < LEX_NKINDS; k++)
		out[k].e = NULL;
	if (!started && (i >= end || !may_start(x, tl->v[i].hash, lang)))
		return 0;
	int found = 0;
	/* the kinds' bytes of a node that can hold an entry in lang (an
	 * entry of no language matches only when lang is 0) */
	uint32_t want = (lang ? (uint32_t)lang : NODE_HAS) * 0x01010101u;
	uint32_t nd = 0;
	const token *t = &tl->v[i];
	/* a start bit is set only with an edge: the table is not empty */
	for (size_t j = i;;) {
		nd = edge_probe(x, nd, t->hash, tok_fold(tl, t), t->flen);
		if (!nd)
			break;
		const node *n = &x->nodes[nd];
		uint32_t km = n->kinds & want;
		/* a bit at a time: want has one bit a byte for a document's
		 * one language, and a kind met again (lang of several bits)
		 * only finds the same entry again */
		for (; km; km &= km - 1) {
			int k = __builtin_ctz(km) >> 3;
			for (int32_t id = n->first[k]; id >= 0; id = x->ent[id].next) {
				const lex_entry *e = &x->ent[id];
				if (lang && !(e->lang & lang))
					continue;
				if (e->cased && !cased)
					return match_cased(x, tl, text, i, end, lang, out);
				if (e->cased && !cased_ok(e, tl, text, i, j - i + 1))
					continue;
				out[k].tok = (uint32_t)i;
				out[k].ntok = (uint32_t)(j - i + 1);
				out[k].e = e;
				found |= 1 << k;
				break;
			}
		}
		if (++j >= end)
			break;
		t++;
		/* a phrase does not run across a line break */
		if ((t->flags & TOK_NL) || !(n->next >> (t->hash >> (32 - 6)) & 1))
			break;
	}
	return found;
}

__attribute__((noinline))
static int match_cased(const lex *x, const tok_list *tl, const char *text, size_t i,
                       size_t end, int lang, lex_match out[LEX_NKINDS])
{
	return walk(x, tl, text, i, end, lang, out, 1, 0);
}

int lex_match_at(const lex *x, const tok_list *tl, const char *text, size_t i,
                 size_t end, int lang, lex_match out[LEX_NKINDS])
{
	return walk(x, tl, text, i, end, lang, out, 0, 0);
}

int lex_match_started(const lex *x, const tok_list *tl, const char *text, size_t i,
                      size_t end, int lang, lex_match out[LEX_NKINDS])
{
	return walk(x, tl, text, i, end, lang, out, 0, 1);
}

/* lex_suffix's search of the tails w[k0..n), w[k0+1..n), ... in turn.
 * Not inlined: lex_suffix's filters reject most words, and they should
 * not pay for the frame of this loop. */
__attribute__((noinline))
static const lex_entry *suffix_tails(const lex *x, const char *w, size_t n, size_t k0, int lang,
                                     size_t *at)
{
	/* the hash of every tail, from one pass back from the end */
	uint32_t hs[64];
	int rolled = n - k0 <= 64;
	if (rolled) {
		uint32_t h = 2166136261u;
		for (size_t j = n; j-- > k0;) {
			h ^= (unsigned char)w[j];
			h *= 16777619u;
			hs[j - k0] = h;
		}
	}
	for (size_t k = k0; k + SFX_END <= n; k++) {
		if (((unsigned char)w[k] & 0xC0) == 0x80)
			continue;
		uint32_t h = rolled ? hs[k - k0] : hash_back(w + k, n - k);
		for (int32_t id = sfx_find(x, w + k, n - k, h); id >= 0; id = x->sfx_next[id]) {
			if (!lang || (x->ent[id].lang & lang)) {
				if (at)
					*at = k;
				return &x->ent[id];
			}
		}
	}
	return NULL;
}

const lex_entry *lex_suffix(const lex *x, const char *w, size_t n, int lang, size_t *at)
{
	/* Tails longer than every key cannot match: skipping them keeps a
	 * hostile 100 MB "word" linear instead of quadratic. */
	if (!lex_sfx_may(lex_get_sfx(x), w, n, lang))
		return NULL;
	size_t k0 = n > x->sfx_maxlen + 2 ? n - x->sfx_maxlen : 2;
	return suffix_tails(x, w, n, k0, lang, at);
}

lex_sfx lex_get_sfx(const lex *x)
{
	lex_sfx s = { x->sfx_end, x->sfx_maxlen, x->sfx_langs };
	return s;
}

/* The first entry of a kind in a language at trie node nd (0: none). */
static const lex_entry *node_entry(const lex *x, uint32_t nd, lex_kind kind, int lang)
{
	if (!nd)
		return NULL;
	for (int32_t id = x->nodes[nd].first[kind]; id >= 0; id = x->ent[id].next)
		if (!lang || (x->ent[id].lang & lang))
			return &x->ent[id];
	return NULL;
}

const lex_entry *lex_lookup(const lex *x, lex_kind kind, const char *folded, int lang)
{
	/* the folded text may be several space-separated tokens */
	uint32_t nd = 0;
	const char *p = folded;
	while (*p) {
		while (*p == ' ')
			p++;
		const char *q = p;
		while (*q && *q != ' ')
			q++;
		if (q == p)
			break;
		nd = edge_find(x, nd, p, (size_t)(q - p));
		if (!nd)
			return NULL;
		p = q;
	}
	return node_entry(x, nd, kind, lang);
}

const lex_entry *lex_lookup_tok(const lex *x, lex_kind kind, const tok_list *tl,
                                const token *t, int lang)
{
	const char *f = tok_fold(tl, t);
	/* a fold with a space (a compatibility decomposition, which the
	 * tokenizer flags) is several keys for lex_lookup; an empty one is
	 * none */
	if (!t->flen || (t->flags & TOK_FOLDSPACE))
		return lex_lookup(x, kind, f, lang);
	if (!may_start(x, t->hash, lang))
		return NULL;
	return node_entry(x, edge_find_h(x, 0, t->hash, f, t->flen), kind, lang);
}

void lex_each_form(const lex *x, void (*fn)(void *ctx, const char *form), void *ctx)
{
	for (size_t i = 0; i < x->nent; i++)
		fn(ctx, x->ent[i].form);
}

void lex_each_entry(const lex *x, void (*fn)(void *ctx, const lex_entry *e), void *ctx)
{
	for (size_t i = 0; i < x->nent; i++)
		fn(ctx, &x->ent[i]);
}

/* ---- loaders ---- */

struct load_ctx {
	lex *x;
	const char *path;
	int cased;
	const char *const *classes;
	int nclasses;
	lex *other;                      /* lex_load_cues_split */
	const char *const *other_classes;
	int nother;
};

static int bad(sl_err *e, const char *path, size_t line, const char *why, const char *what)
{
	sl_err_set(e, "%s:%zu: %s '%s'", path, line, why, what);
	return SL_EFORMAT;
}

static int actor_line(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	struct load_ctx *c = ctx;
	int lang = lex_lang_bit(f[1]);
	if (!lang)
		return bad(e, c->path, line, "unknown language", f[1]);
	int kind = -1;
	for (int k = 0; k < ACT_NKINDS; k++)
		if (f[2][0] == lex_actor_kinds[k][0] && !strcmp(f[2], lex_actor_kinds[k]))
			kind = k;
	if (kind < 0)
		return bad(e, c->path, line, "unknown actor kind", f[2]);
	if (!f[0][0] || !f[3][0])
		return bad(e, c->path, line, "empty field in", f[3]);
	if (lex_add(c->x, LEX_ACTOR, kind, lang, c->cased, f[3], f[0], NULL, NULL))
		return bad(e, c->path, line, "form has no word", f[3]);
	/* French contracts "à les" to "aux": "les Occidentaux" is also
	 * written "a réclamé aux Occidentaux" */
	if (kind == ACT_PEOPLE && lang == lex_lang_bit("fr") && !strncmp(f[3], "les ", 4)) {
		char aux[256];
		if ((size_t)snprintf(aux, sizeof aux, "aux %s", f[3] + 4) < sizeof aux &&
		    lex_add(c->x, LEX_ACTOR, kind, lang, c->cased, aux, f[0], NULL, NULL))
			return bad(e, c->path, line, "form has no word", aux);
	}
	return SL_OK;
}

int lex_load_actors(lex *x, const char *path, int cased, sl_err *e)
{
	struct load_ctx c = { .x = x, .path = path, .cased = cased };
	return tsv_each(path, 4, actor_line, &c, e);
}

/* A group line names its members in the code column ("EE LV LT"): the
 * form is one actor entry whose code is that list, which the grammar
 * reads as one actor and its records expand into one per member (see
 * data/actor_groups.tsv). */
static int group_line(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	struct load_ctx *c = ctx;
	size_t n = 0, len = 0;
	for (const char *p = f[0];; p++) {
		if (*p == ' ' || !*p) {
			if (len != 2)
				return bad(e, c->path, line, "a member is not a two-letter code in", f[0]);
			n++;
			len = 0;
			if (!*p)
				break;
		} else if (*p < 'A' || *p > 'Z') {
			return bad(e, c->path, line, "a member is not a two-letter code in", f[0]);
		} else {
			len++;
		}
	}
	if (n < 2)
		return bad(e, c->path, line, "a group needs two members or more, not", f[0]);
	if (n > LEX_GROUP_MAX)
		return bad(e, c->path, line, "a group has more members than LEX_GROUP_MAX in", f[0]);
	return actor_line(ctx, f, nf, line, e);
}

int lex_load_actor_groups(lex *x, const char *path, sl_err *e)
{
	struct load_ctx c = { .x = x, .path = path };
	return tsv_each(path, 4, group_line, &c, e);
}

static int system_alias(struct load_ctx *c, const char *form, char **f, size_t line, sl_err *e)
{
	int cased = lex_cased_form(&form);
	if (!form[0])
		return bad(e, c->path, line, "empty alias of", f[0]);
	if (lex_add(c->x, LEX_SYSTEM, 0, LANG_ALL, cased, form, f[0], f[1],
	            strcmp(f[2], "-") ? f[2] : NULL))
		return bad(e, c->path, line, "alias has no word", form);
	return SL_OK;
}

static int system_line(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	struct load_ctx *c = ctx;
	if (!rec_category_intern(f[1]))
		return bad(e, c->path, line, "unknown category", f[1]);
	/* a canonical name also listed as a ~alias is case-sensitive only */
	int name_cased = 0;
	size_t nl = strlen(f[0]);
	for (const char *p = f[3]; *p; ) {
		const char *q = strchr(p, '|');
		size_t len = q ? (size_t)(q - p) : strlen(p);
		if (len == nl + 1 && p[0] == '~' && !memcmp(p + 1, f[0], nl))
			name_cased = 1;
		p = q ? q + 1 : p + len;
	}
	if (!name_cased) {
		int rc = system_alias(c, f[0], f, line, e);
		if (rc)
			return rc;
	}
	if (!strcmp(f[3], "-"))
		return SL_OK;
	char *al = xstrdup(f[3]);
	int rc = SL_OK;
	for (char *p = al; p && *p && rc == SL_OK; ) {
		char *q = strchr(p, '|');
		if (q)
			*q = '\0';
		rc = system_alias(c, p, f, line, e);
		p = q ? q + 1 : NULL;
	}
	free(al);
	return rc;
}

int lex_load_systems(lex *x, const char *path, sl_err *e)
{
	struct load_ctx c = { .x = x, .path = path };
	return tsv_each(path, 4, system_line, &c, e);
}

static int item_line(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	struct load_ctx *c = ctx;
	int lang = lex_lang_bit(f[0]);
	if (!lang)
		return bad(e, c->path, line, "unknown language", f[0]);
	if (strcmp(f[1], "-") && !rec_category_intern(f[1]))
		return bad(e, c->path, line, "unknown category", f[1]);
	int m;
	if (!strcmp(f[2], "word"))
		m = ITEM_WORD;
	else if (!strcmp(f[2], "suffix"))
		m = ITEM_SUFFIX;
	else
		return bad(e, c->path, line, "match must be word or suffix, not", f[2]);
	if (lex_add(c->x, LEX_ITEM, m, lang, 0, f[3], NULL, f[1], NULL))
		return bad(e, c->path, line, "form has no word", f[3]);
	return SL_OK;
}

int lex_load_items(lex *x, const char *path, sl_err *e)
{
	struct load_ctx c = { .x = x, .path = path };
	return tsv_each(path, 4, item_line, &c, e);
}

/* The index of the last class named name in classes[0, n). */
static int class_index(const char *const *classes, int n, const char *name)
{
	/* the first byte first, as thousands of lines each ask it of some
	 * sixty classes */
	for (int k = n; k-- > 0;)
		if (classes[k][0] == name[0] && !strcmp(classes[k], name))
			return k;
	return -1;
}

static int cue_line(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	struct load_ctx *c = ctx;
	int lang = lex_lang_bit(f[0]);
	if (!lang)
		return bad(e, c->path, line, "unknown language", f[0]);
	lex *x = c->x;
	const char *const *classes = c->classes;
	int cls = -1;
	if (c->other) {
		if ((cls = class_index(c->other_classes, c->nother, f[1])) >= 0) {
			x = c->other;
			classes = c->other_classes;
		}
	}
	if (cls < 0)
		cls = class_index(c->classes, c->nclasses, f[1]);
	if (cls < 0)
		return bad(e, c->path, line, "unknown cue class", f[1]);
	/* "~may": only in this case (the modal, not the month "May") */
	const char *form = f[2];
	int cased = lex_cased_form(&form);
	if (lex_add(x, LEX_CUE, cls, lang, cased, form, classes[cls], NULL, NULL))
		return bad(e, c->path, line, "form has no word", f[2]);
	return SL_OK;
}

int lex_load_cues(lex *x, const char *path, const char *const *classes, sl_err *e)
{
	return lex_load_cues_split(x, classes, NULL, NULL, path, e);
}

int lex_load_cues_split(lex *x, const char *const *classes, lex *other,
                        const char *const *other_classes, const char *path, sl_err *e)
{
	struct load_ctx c = { .x = x, .path = path, .classes = classes,
	                      .other = other, .other_classes = other_classes };
	while (classes[c.nclasses])
		c.nclasses++;
	while (other_classes && other_classes[c.nother])
		c.nother++;
	return tsv_each(path, 3, cue_line, &c, e);
}
