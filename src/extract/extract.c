/*
 * extract: from a document's sentences to aid records.
 *
 * The pipeline for one document: find the article body (after the date
 * header), mark boilerplate lines (clean.h), tokenize (token.h), guess the
 * language (lang.h), split sentences (split.h), and then for each sentence:
 *
 *   1. mentions: the lexicon automaton (lex.h) gives actors, weapon
 *      systems, item words (whole words, compound heads, suspended
 *      compounds) and cues; number.h and date.h give numbers, money and
 *      dates;
 *   2. clauses: the sentence is cut at clause-joining words ("maar",
 *      "but", "aber", "mais") and semicolons, each clause carrying its own
 *      predicate;
 *   3. the predicate's type: the strongest type cue in the clause, turned
 *      by modality and negation in its scope (grammar.c);
 *   4. roles: recipient from recipient prepositions and the recipient
 *      states seen so far, donor as the clause's first other actor (with
 *      passives, "receive" verbs, requests and consents turning roles
 *      round), coordinated actors giving one record each, and a light
 *      coreference to the last donor for clauses without an actor;
 *   5. items: one record per item phrase (merged per category when
 *      nothing tells them apart), with the number and money that belong to
 *      it and the clause's date.
 *
 * Records repeating a fact already found in the same document are merged
 * into the first (rec_merge).
 */
#include "extract.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "../base/buf.h"
#include "../base/utf8.h"
#include "../lex/lex.h"
#include "../text/clean.h"
#include "../text/fold.h"
#include "../text/lang.h"
#include "../text/split.h"
#include "../text/token.h"
#include "date.h"
#include "grammar.h"
#include "numlex.h"
#include "number.h"
#include "prefilter.h"

struct extractor {
	lex *lx;
	num_lex *nums;
	date_lex *dates;
	nlx_sieve *sieve;    /* of nums' and dates' tables, for their start lists */
	clean_rules *clean;
	lang_model *langs;
	split_rules *split;
	hostile_pairs *hostile;
	lex *sep;
	lex *words;          /* gram_word_classes' lists */
	FILE *trace;
	prefilter *pre;      /* NULL: off (ext_set_prefilter) */
};

#define MAXNUM 64
#define MAXDATE 16

struct ext_scratch {
	tok_list tl;
	sentence *sent;
	size_t nsent, capsent;
	gram_bufs gb;          /* the grammar's arrays, kept between documents */
	num_span nums[MAXNUM];
	date_span dates[MAXDATE];
	buf tmp;
	nlx_starts ws;         /* the sentence's word starts, for numbers and dates */
	/* the word starts and numbers of an earlier sentence, for
	 * sentence_money */
	nlx_starts ws_money;
	num_span nums_money[MAXNUM];
	unsigned char *debris; /* per token: on a boilerplate line */
	size_t capdebris;
	ext_stats st;
};

void rec_list_init(rec_list *l)
{
	l->v = NULL;
	l->n = l->cap = 0;
}

record *rec_list_push(rec_list *l)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	record *r = &l->v[l->n++];
	record_init(r);
	return r;
}

void rec_list_clear(rec_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		record_release(&l->v[i]);
	l->n = 0;
}

void rec_list_release(rec_list *l)
{
	rec_list_clear(l);
	free(l->v);
	rec_list_init(l);
}

static int load_file(const char *dir, const char *name, buf *path)
{
	buf_reset(path);
	buf_addf(path, "%s/%s", dir, name);
	return 0;
}

extractor *ext_new(const char *datadir, sl_err *e)
{
	fold_init();
	extractor *x = xcalloc(1, sizeof *x);
	buf p = BUF_INIT;
	int rc = SL_OK;
	x->lx = lex_new();
	load_file(datadir, "actors.tsv", &p);
	rc = lex_load_actors(x->lx, p.p, 0, e);
	if (!rc) {
		load_file(datadir, "actors_cased.tsv", &p);
		rc = lex_load_actors(x->lx, p.p, 1, e);
	}
	if (!rc) {
		load_file(datadir, "actor_groups.tsv", &p);
		rc = lex_load_actor_groups(x->lx, p.p, e);
	}
	if (!rc) {
		load_file(datadir, "systems.tsv", &p);
		rc = lex_load_systems(x->lx, p.p, e);
	}
	if (!rc) {
		load_file(datadir, "items.tsv", &p);
		rc = lex_load_items(x->lx, p.p, e);
	}
	if (!rc) {
		load_file(datadir, "cues.tsv", &p);
		rc = lex_load_cues(x->lx, p.p, gram_cue_classes, e);
	}
	if (!rc) {
		load_file(datadir, "grammar_words.tsv", &p);
		rc = gram_words_load(x->lx, &x->words, p.p, e);
	}
	if (!rc) {
		load_file(datadir, "particles.tsv", &p);
		x->sep = gram_particles_load(p.p, e);
		if (!x->sep)
			rc = SL_EFORMAT;
	}
	if (!rc) {
		load_file(datadir, "hostile.tsv", &p);
		x->hostile = gram_hostile_load(p.p, e);
		if (!x->hostile)
			rc = SL_EFORMAT;
	}
	if (!rc) {
		load_file(datadir, "boilerplate.tsv", &p);
		x->clean = clean_load(p.p, e);
		if (!x->clean)
			rc = SL_EFORMAT;
	}
	if (!rc) {
		load_file(datadir, "stopwords.tsv", &p);
		x->langs = lang_load(p.p, e);
		if (!x->langs)
			rc = SL_EFORMAT;
	}
	if (!rc) {
		load_file(datadir, "abbrev.tsv", &p);
		x->split = split_load(p.p, e);
		if (!x->split)
			rc = SL_EFORMAT;
	}
	if (!rc) {
		x->nums = num_lex_load(datadir, e);
		if (!x->nums)
			rc = SL_EFORMAT;
	}
	if (!rc) {
		x->dates = date_lex_load(datadir, e);
		if (!x->dates)
			rc = SL_EFORMAT;
	}
	buf_release(&p);
	if (rc) {
		ext_free(x);
		return NULL;
	}
	x->pre = prefilter_new(x->lx, x->sep, gram_makes_record);
	x->sieve = nlx_sieve_new();
	num_lex_sieve(x->nums, x->sieve);
	date_lex_sieve(x->dates, x->sieve);
	return x;
}

void ext_free(extractor *x)
{
	if (!x)
		return;
	lex_free(x->lx);
	num_lex_free(x->nums);
	date_lex_free(x->dates);
	nlx_sieve_free(x->sieve);
	clean_free(x->clean);
	lang_free(x->langs);
	split_free(x->split);
	gram_hostile_free(x->hostile);
	lex_free(x->sep);
	lex_free(x->words);
	prefilter_free(x->pre);
	free(x);
}

ext_scratch *ext_scratch_new(void)
{
	ext_scratch *s = xcalloc(1, sizeof *s);
	tok_list_init(&s->tl);
	buf_init(&s->tmp);
	gram_bufs_init(&s->gb);
	return s;
}

void ext_scratch_free(ext_scratch *s)
{
	if (!s)
		return;
	tok_list_release(&s->tl);
	free(s->sent);
	gram_bufs_release(&s->gb);
	free(s->debris);
	nlx_starts_release(&s->ws);
	nlx_starts_release(&s->ws_money);
	buf_release(&s->tmp);
	free(s);
}

/* Tokenizes d's body into s->tl and marks boilerplate lines.  Returns the
 * language bit. */
static int prepare(const extractor *x, ext_scratch *s, const doc *d)
{
	tok_list_reset(&s->tl);
	size_t cp0 = utf8_count(d->text, d->body);
	tok_scan(&s->tl, d->text, d->body, d->len, cp0);
	int lang = lex_lang_bit(d->lang);
	if (!lang || lang == LANG_ALL)
		lang = lang_guess(x->langs, &s->tl, 0, s->tl.n);
	if (s->capdebris < s->tl.n + 1) {
		s->capdebris = s->tl.n + 1;
		s->debris = xrealloc(s->debris, s->capdebris);
	}
	/* boilerplate, line by line */
	size_t i = 0;
	while (i < s->tl.n) {
		size_t j = i + 1;
		while (j < s->tl.n && !(s->tl.v[j].flags & TOK_NL))
			j++;
		const token *a = &s->tl.v[i], *b = &s->tl.v[j - 1];
		unsigned char deb = (unsigned char)clean_is_debris(x->clean, lang,
			d->text + a->start, b->end - a->start);
		memset(s->debris + i, deb, j - i);
		i = j;
	}
	return lang;
}

void ext_set_trace(extractor *x, FILE *f)
{
	x->trace = f;
}

const char *ext_lang(const extractor *x, const doc *d)
{
	int lang = lex_lang_bit(d->lang);
	if (lang && lang != LANG_ALL)
		return lang_name(lang);
	tok_list tl;
	tok_list_init(&tl);
	tok_scan(&tl, d->text, d->body, d->len, 0);
	lang = lang_guess(x->langs, &tl, 0, tl.n);
	tok_list_release(&tl);
	return lang_name(lang);
}

void ext_set_prefilter(extractor *x, int on)
{
	if (!on) {
		prefilter_free(x->pre);
		x->pre = NULL;
	} else if (!x->pre) {
		x->pre = prefilter_new(x->lx, x->sep, gram_makes_record);
	}
}

void ext_get_stats(const ext_scratch *s, ext_stats *st)
{
	*st = s->st;
}

/* What the scans of a document's sentences need (gram_scans.ctx,
 * gram_doc.money_ctx). */
struct scan_ctx {
	const extractor *x;
	ext_scratch *s;
	const doc *d;
	int lang;
	size_t n0, n1;        /* the sentence being read, in bytes */
	int ws;               /* s->ws holds its word starts */
};

/* The word starts of d's bytes [n0, n1) into ws. */
static void find_starts(const struct scan_ctx *c, size_t n0, size_t n1, nlx_starts *ws)
{
	nlx_starts_find(ws, c->d->text + n0, n1 - n0, c->x->sieve, nlx_lang(lang_name(c->lang)));
}

/* The sentence's word starts, found once for its numbers and its dates. */
static const nlx_starts *sentence_starts(struct scan_ctx *c)
{
	if (!c->ws) {
		find_starts(c, c->n0, c->n1, &c->s->ws);
		c->ws = 1;
	}
	return &c->s->ws;
}

/* The numbers of d's bytes [n0, n1) into out (at most max), with ws
 * their word starts; offsets into the document. */
static size_t scan_nums_in(const struct scan_ctx *c, size_t n0, size_t n1, const nlx_starts *ws,
                           num_span *out, size_t max)
{
	const char *text = c->d->text + n0;
	size_t nn = num_scan_starts(c->x->nums, lang_name(c->lang), text, n1 - n0, ws, out, max);
	if (nn > max)
		nn = max;
	for (size_t i = 0; i < nn; i++) {
		out[i].start += n0;
		out[i].end += n0;
	}
	return nn;
}

static size_t scan_nums(void *ctx, num_span *out, size_t max)
{
	struct scan_ctx *c = ctx;
	return scan_nums_in(c, c->n0, c->n1, sentence_starts(c), out, max);
}

static size_t scan_dates(void *ctx, date_span *out, size_t max)
{
	struct scan_ctx *c = ctx;
	const nlx_starts *ws = sentence_starts(c);
	size_t nd = date_scan_starts(c->x->dates, lang_name(c->lang), c->d->text + c->n0,
	                             c->n1 - c->n0, c->d->date, ws, out, max);
	if (nd > max)
		nd = max;
	for (size_t i = 0; i < nd; i++) {
		out[i].start += c->n0;
		out[i].end += c->n0;
	}
	return nd;
}

/* gram_doc.money: the currency of the last sum of money of the sentence
 * of tokens [t0, t1), whose numbers were left unscanned, scanned as for
 * gram_sentence (into scratch of its own: the sentence being read keeps
 * its word starts and numbers). */
static const char *sentence_money(void *ctx, size_t t0, size_t t1)
{
	struct scan_ctx *c = ctx;
	ext_scratch *s = c->s;
	size_t n0 = s->tl.v[t0].start, n1 = s->tl.v[t1 - 1].end;
	find_starts(c, n0, n1, &s->ws_money);
	size_t nn = scan_nums_in(c, n0, n1, &s->ws_money, s->nums_money, MAXNUM);
	const char *code = NULL;
	for (size_t k = 0; k < nn; k++)
		if (s->nums_money[k].flags & NUM_MONEY)
			code = s->nums_money[k].code;
	return code;
}

int ext_doc(const extractor *x, ext_scratch *s, const doc *d, rec_list *out)
{
	s->st.docs++;
	s->st.bytes += d->len;
	/* a document that cannot yield a record costs one scan (not when
	 * tracing: the trace shows every sentence) */
	if (x->pre && !x->trace) {
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		int pass = prefilter_pass(x->pre, d->text + d->body, d->len - d->body, &s->tmp);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		s->st.pre_bytes += d->len - d->body;
		s->st.pre_ms += (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
		if (!pass) {
			s->st.skipped++;
			return SL_OK;
		}
	}
	int lang = prepare(x, s, d);
	s->nsent = 0;
	split_sentences(x->split, lang, &s->tl, d->text, 0, s->tl.n, &s->sent, &s->nsent,
	                &s->capsent);
	s->st.sentences += s->nsent;
	gram_doc g;
	gram_doc_init(&g, x->lx, x->sep, x->words, x->hostile, &s->tl, d, lang, &s->gb);
	g.trace = x->trace;
	struct scan_ctx sc = { x, s, d, lang, 0, 0, 0 };
	g.money = sentence_money;
	g.money_ctx = &sc;
	gram_scans gs = { .nums = scan_nums, .dates = scan_dates, .ctx = &sc,
	                  .nv = s->nums, .nmax = MAXNUM, .dv = s->dates, .dmax = MAXDATE };
	size_t first = out->n;
	for (size_t k = 0; k < s->nsent; k++) {
		const sentence *st = &s->sent[k];
		if (s->debris[st->t0])
			continue;
		sc.n0 = s->tl.v[st->t0].start;
		sc.n1 = s->tl.v[st->t1 - 1].end;
		sc.ws = 0;
		/* numbers and dates only matter where a record can come from,
		 * and are scanned only if gram_sentence reads them */
		gs.on = gram_scan(&g, st->t0, st->t1) || x->trace;
		gram_sentence(&g, st->t0, st->t1, &gs, out, first);
	}
	gram_doc_finish(&g, out, first);
	gram_doc_release(&g);
	return SL_OK;
}
