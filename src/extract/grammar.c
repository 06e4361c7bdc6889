/*
 * grammar: one sentence's mentions to records (see grammar.h and the
 * overview in extract.c).  The rules here describe the four languages'
 * grammar of giving, promising, refusing and asking; the words themselves
 * are all in data/cues.tsv, data/items.tsv, data/systems.tsv and
 * data/actors.tsv.
 */
#include "grammar.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include "../base/buf.h"
#include "../base/tsv.h"
#include "../base/utf8.h"
#include "../text/fold.h"
#include "../text/token.h"

const char *const gram_cue_classes[] = {
	"delivered", "committed", "offered", "considering", "refused", "requested",
	"consent_requested", "consent_granted", "consent_denied",
	"transfer", "transfer_noun", "purchase", "receive", "neg", "future", "past_want", "cond",
	"aux_passive", "recip", "source", "coord", "clause", "anaphor", "more",
	"report", "question_word", "should", "actor_head", "not_only", "would", "relative",
	"pronoun", "already", "elaboration", "against", "denial",
	"train", "trained", "comp", "filler", "article", "respectively", "some_donor", "permission", "jointly", "inf", "service", "or", "weight",
	"backref", "partitive", "carrying", "system_anaphor",
	"reexport", "one_of", "include", "maker", "demonstrative", "ranked_after", "possessive",
	"if", "territory", "passage", "permitted", "stative", "begun", "not_yet", "only_if", "third_party",
	"exercise", "civil", "company", "claim", "let", "approve", "craft_anaphor", "instead", "like", "variant", "pair",
	"own_forces", "pass_verb", "rebuffed", "without",
	"follows", "followed", "unit_anaphor", "likewise",
	"completed",
	"export", "export_licence", "despite",
	"take_part",
	"meeting", "unlike", "hypernym", "use_verb",
	"hesitation_over", "third_recipient",
	"blame", "supplier_of", "calibre", "interviewer",
	"first_person", "nobody", "quant_pronoun",
	"interview", "topic", "accuse", "topic_close",
	NULL
};

enum { ROLE_NONE, ROLE_RECIP, ROLE_SOURCE };

/* How far (in tokens) negation and modal verbs reach from the predicate. */
#define SCOPE 8
/* Modal verbs reach further: "wilde ... in het buitenland tanks kopen om ... te leveren". */
#define MODAL_SCOPE 16

/* ---- hostile pairs ---- */

struct hostile_pairs {
	char (*v)[2][8];
	size_t n, cap;
	const char *path;
};

static int hostile_line(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	hostile_pairs *h = ctx;
	if (strlen(f[0]) >= 8 || strlen(f[1]) >= 8 || !f[0][0] || !f[1][0]) {
		sl_err_set(e, "%s:%zu: expected two actor codes", h->path, line);
		return SL_EFORMAT;
	}
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 16;
		h->v = xrealloc(h->v, h->cap * sizeof *h->v);
	}
	snprintf(h->v[h->n][0], 8, "%s", f[0]);
	snprintf(h->v[h->n][1], 8, "%s", f[1]);
	h->n++;
	return SL_OK;
}

hostile_pairs *gram_hostile_load(const char *path, sl_err *e)
{
	hostile_pairs *h = xcalloc(1, sizeof *h);
	h->path = path;
	if (tsv_each(path, 2, hostile_line, h, e) != SL_OK) {
		gram_hostile_free(h);
		return NULL;
	}
	return h;
}

void gram_hostile_free(hostile_pairs *h)
{
	if (!h)
		return;
	free(h->v);
	free(h);
}

int gram_hostile(const hostile_pairs *h, const char *a, const char *b)
{
	if (!a || !b)
		return 0;
	for (size_t i = 0; i < h->n; i++)
		if ((!strcmp(h->v[i][0], a) && !strcmp(h->v[i][1], b)) ||
		    (!strcmp(h->v[i][0], b) && !strcmp(h->v[i][1], a)))
			return 1;
	return 0;
}

int gram_attacked(const hostile_pairs *h, const char *a)
{
	if (!h || !a)
		return 0;
	for (size_t i = 0; i < h->n; i++)
		if (!strcmp(h->v[i][1], a))
			return 1;
	return 0;
}

int gram_at_war(const hostile_pairs *h, const char *a)
{
	if (!a)
		return 0;
	for (size_t i = 0; i < h->n; i++)
		if (!strcmp(h->v[i][0], a) || !strcmp(h->v[i][1], a))
			return 1;
	return 0;
}

/* ---- separable verbs ---- */

struct sep_ctx {
	lex *x;
	const char *path;
	buf fold;
};

static int sep_line(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	struct sep_ctx *c = ctx;
	int lang = lex_lang_bit(f[0]);
	int cls = -1;
	for (int k = 0; gram_cue_classes[k]; k++)
		if (!strcmp(gram_cue_classes[k], f[1]))
			cls = k;
	if (!lang || lang == LANG_ALL || cls < 0 || !f[2][0] || !f[3][0]) {
		sl_err_set(e, "%s:%zu: expected lang, cue class, finite form, particle", c->path, line);
		return SL_EFORMAT;
	}
	/* the particle's folded tokens, space-separated, as the code */
	tok_list tl;
	tok_list_init(&tl);
	tok_scan(&tl, f[3], 0, strlen(f[3]), 0);
	buf_reset(&c->fold);
	for (size_t i = 0; i < tl.n; i++) {
		if (i)
			buf_addc(&c->fold, ' ');
		buf_adds(&c->fold, tok_fold(&tl, &tl.v[i]));
	}
	tok_list_release(&tl);
	if (lex_add(c->x, LEX_CUE, cls, lang, 0, f[2], c->fold.p, NULL, NULL)) {
		sl_err_set(e, "%s:%zu: no word in '%s'", c->path, line, f[2]);
		return SL_EFORMAT;
	}
	return SL_OK;
}

lex *gram_particles_load(const char *path, sl_err *e)
{
	struct sep_ctx c = { lex_new(), path, BUF_INIT };
	int rc = tsv_each(path, 4, sep_line, &c, e);
	buf_release(&c.fold);
	if (rc != SL_OK) {
		lex_free(c.x);
		return NULL;
	}
	return c.x;
}

/* ---- word lists ---- */

/* The word lists some rules test a token against, in
 * data/grammar_words.tsv with the cue classes but kept out of the cue
 * lexicon: they are common words ("a", "so", "pas") that, as cues, would
 * make a mention in nearly every sentence, and mentions the rules read. */
const char *const gram_word_classes[] = {
	"of_this_kind", "before_as", "after_as", "neg_particle", "place_in",
	"before_that",
	NULL
};
enum { W_OF_THIS_KIND, W_BEFORE_AS, W_AFTER_AS, W_NEG_PARTICLE, W_PLACE_IN, W_BEFORE_THAT };

int gram_words_load(lex *lx, lex **words, const char *path, sl_err *e)
{
	lex *w = lex_new();
	int rc = lex_load_cues_split(lx, gram_cue_classes, w, gram_word_classes, path, e);
	if (rc != SL_OK) {
		lex_free(w);
		w = NULL;
	}
	*words = w;
	return rc;
}

/* Whether a form of the word list cls (gram_word_classes) starts at token
 * t and ends before t1.  Of several forms from t only the longest is
 * seen: a list's forms must not be the start of another list's. */
static int word_at(const gram_doc *g, size_t t, size_t t1, int cls)
{
	lex_match m[LEX_NKINDS];
	if (!g->words || t >= t1 || !lex_may_start(g->words_starts, &g->tl->v[t]) ||
	    !(lex_match_started(g->words, g->tl, g->d->text, t, t1, g->lang, m) & 1 << LEX_CUE))
		return 0;
	for (const lex_entry *e = m[LEX_CUE].e; e; e = lex_next(g->words, e))
		if (e->sub == cls && lex_entry_ok(e, g->tl, g->d->text, t, e->ntok, g->lang))
			return 1;
	return 0;
}

/* Whether token t is a one-word form of the word list cls. */
static int word_is(const gram_doc *g, size_t t, int cls)
{
	if (!g->words)
		return 0;
	for (const lex_entry *e = lex_lookup_tok(g->words, LEX_CUE, g->tl, &g->tl->v[t], g->lang); e;
	     e = lex_next(g->words, e))
		if (e->sub == cls && e->ntok == 1 && (e->lang & g->lang))
			return 1;
	return 0;
}

/* ---- document state ---- */

static void swap_bytes(void *a, void *b, size_t n)
{
	unsigned char t[sizeof(buf)];
	memcpy(t, a, n);
	memcpy(a, b, n);
	memcpy(b, t, n);
}

#define SWAP_FIELD(a, b) do { \
	_Static_assert(sizeof(a) == sizeof(b) && sizeof(a) <= sizeof(buf), "same field"); \
	swap_bytes(&(a), &(b), sizeof(a)); \
} while (0)

/* Exchanges g's growable arrays with those of g->bufs: gram_doc_init
 * takes them (leaving the empty ones of the cleared g), gram_doc_release
 * gives them back, grown. */
static void bufs_swap(gram_doc *g)
{
	gram_bufs *b = g->bufs;
	SWAP_FIELD(g->m, b->m);
	SWAP_FIELD(g->capm, b->capm);
	SWAP_FIELD(g->skip, b->skip);
	SWAP_FIELD(g->capskip, b->capskip);
	SWAP_FIELD(g->kept, b->kept);
	SWAP_FIELD(g->capkept, b->capkept);
	SWAP_FIELD(g->pending, b->pending);
	SWAP_FIELD(g->cappending, b->cappending);
	SWAP_FIELD(g->tmp, b->tmp);
}

/* ---- the document's recipient ----
 *
 * A sentence that gives materiel and names no recipient gives it to the
 * state the document is about as a recipient.  gram_doc_init's walk
 * scores each state it names by its role: after a recipient preposition
 * where that speaks of aid ("tanks to Israel", "an die Ukraine
 * geliefert", "for the Moldovan army"), the subject of a verb of
 * receiving ("Taipei received"), the object of a verb of giving ("supply
 * Armenia with", "hat Israel Granaten geliefert"), the subject of a verb
 * of asking ("Kyiv asks for").  A state under attack (data/hostile.tsv)
 * counts as named in receiving positions twice more: a story about its
 * war need not say "to Ukraine"; unless the story names it in passing
 * (no role, seldom).  Ties go to the state named most, the headline
 * counting most.  In a story of more than one recipient a sentence may
 * take another (sentence_recipient, below). */

/* A cue class's bit in a word of classes below 64. */
#define CUE_BIT(c) ((uint64_t)1 << (c))

/* A state's role (the first key) and how much it is named (the second). */
enum {
	RW_RECEIVING = 2,  /* after a recipient preposition, or the subject of a verb of receiving */
	RW_OBJECT = 1,     /* right after a verb of giving (its object, or an inverted subject) */
	RW_ASKER = 1,      /* the subject of a verb of asking (for aid, or for consent) */
	RW_WAR = 4,        /* a state under attack, named */
	RW_NAME = 2,       /* named (an adjective: half) */
	RW_HEADLINE = 4    /* ... in the headline, as well */
};

/* How far (in tokens) a preposition or a verb reaches to its state. */
enum { RECIP_REACH = 3, GIVE_REACH = 2, SUBJ_REACH = 3, ASKER_REACH = 1 };

/* A recipient preposition counts where it speaks of aid: right after an
 * item ("tanks to Ukraine", "Waffen für Israel") or within this many
 * tokens of a cue that makes records, in the same sentence ("sent ...
 * to", "an die Ukraine geliefert"); not "a warning to Russia", "bang voor
 * Moskou", "the war in Ukraine". */
enum { AID_REACH = 10 };

/* The states a document's tally keeps (a story names seldom more; the
 * ones named after that go uncounted), and the tokens a first line may
 * have and be a headline (a longer one is a lead paragraph). */
enum { RECIP_CANDS = 16, HEADLINE_MAX = 40 };

/* A state attacked in no role of its own counts as such when it is
 * named at least 1/WAR_SHARE as much as the state named most of those in
 * a receiving role. */
enum { WAR_SHARE = 3 };

typedef struct recip_cand {
	const char *code;
	int score;        /* its role (RW_RECEIVING, RW_OBJECT, RW_ASKER) */
	int named;        /* how much it is named (RW_NAME, RW_HEADLINE) */
	int received;     /* how often in a receiving role (RW_RECEIVING) */
} recip_cand;

typedef struct recip_tally {
	recip_cand v[RECIP_CANDS];
	size_t n;
	size_t head0, head1;  /* the headline's tokens (the first line of the body) */
	size_t recip_until;   /* a recipient preposition reaches tokens before this, */
	int recip_aid;        /* and speaks of aid */
	size_t give_until;    /* a verb of giving reaches tokens before this */
	size_t aid_end;       /* 1 + the last record-making cue's token, or 0 */
	size_t item_end;      /* the token after the last item named */
	size_t ask_end;       /* 1 + the last verb of asking's token, or 0 */
	recip_cand *last;     /* the state named last, */
	size_t last_end;      /* the token after it, */
	int last_done;        /* and whether its role is known */
	size_t give_end;      /* 1 + the last verb of giving's token, or 0 */
	int recip_asked;      /* the preposition of recip_until follows a verb of asking */
	recip_cand *pending;  /* a state after a preposition not yet speaking of aid, */
	size_t pending_tok;   /* its token, */
	int pending_asked;    /* and whether only a verb of giving makes it receive */
	recip_cand *adj;      /* an adjective after a recipient preposition, */
	size_t adj_end;       /* the token after it, */
	int adj_aid, adj_asked; /* and what the preposition said */
	recip_cand *dat;      /* a state after another in its clause ("hat Israel"), */
	size_t dat_end;       /* and the token after it */
	size_t coord_tok;     /* 1 + the last coordinating word's token, or 0 */
	uint64_t makes;       /* the classes below 64 that make records */
	recip_cand *speaker;  /* the state of the one an interview asks, */
	size_t speaker_until; /* the token after the interview's opening line, */
	size_t we_end;        /* and 1 + the last first-person word's token, or 0 */
	int we_object;        /* ... where it is the object before its verb (fr) */
} recip_tally;

static void recip_tally_init(recip_tally *rt, const tok_list *tl, const doc *d)
{
	memset(rt, 0, sizeof *rt);
	for (int k = 0; k < 64; k++)
		if (gram_makes_record(k))
			rt->makes |= CUE_BIT(k);
	size_t t = 0;
	while (t < tl->n && tl->v[t].start < d->body)
		t++;
	/* a headline is a short first line; a lead paragraph on the
	 * header's line is none */
	size_t e = t + 1;
	while (e < tl->n && e < t + HEADLINE_MAX && !(tl->v[e].flags & TOK_NL))
		e++;
	if (e < tl->n && (tl->v[e].flags & TOK_NL)) {
		rt->head0 = t;
		rt->head1 = e;
	}
}

static recip_cand *recip_cand_of(recip_tally *rt, const char *code)
{
	for (size_t k = 0; k < rt->n; k++)
		if (rt->v[k].code == code)
			return &rt->v[k];
	if (rt->n == RECIP_CANDS)
		return NULL;
	recip_cand *c = &rt->v[rt->n++];
	c->code = code;
	c->score = 0;
	c->named = 0;
	c->received = 0;
	return c;
}

static int is_person_category(const char *c);

/* Gives c the role w of one of its mentions.  The headline, which says
 * what the story is about ("Paris liefert Munition an Moldau" over a
 * passing "Krieg in der Ukraine"), counts in how much it is named
 * (RW_HEADLINE), not here. */
static void recip_credit(recip_cand *c, int w)
{
	c->score += w;
	c->received += w == RW_RECEIVING;
}

/* Whether a sentence or a clause ends between tokens t0 and t1: a full
 * stop (or a comma, if asked) in [t0, t1), or a line break (a headline
 * ends at one) before a token of (t0, t1]. */
static int recip_break(const tok_list *tl, size_t t0, size_t t1, int comma)
{
	for (size_t t = t0; t <= t1 && t < tl->n; t++) {
		const token *k = &tl->v[t];
		if (t > t0 && (k->flags & (TOK_PARA | TOK_NL)))
			return 1;
		if (t == t1)
			break;
		if ((k->flags & TOK_PUNCT) && (comma || (k->end - k->start == 1 &&
		    strchr(".?!", tl->arena.p[k->fold]))))
			return 1;
	}
	return 0;
}

/* The classes among want (below 64) of the cue entries of match cm that
 * apply at token i: a form can be two ("krijgt", "bekommt": receiving
 * and the future). */
static uint64_t recip_cue_classes(const gram_doc *g, size_t i, const lex_match *cm, uint64_t want)
{
	/* the walk that matched cm->e found it to apply at i: only the
	 * forms after it are tested (most forms are one class) */
	const lex_entry *e = cm->e;
	uint64_t bits = e->sub < 64 ? CUE_BIT(e->sub) : 0;
	if (e->next < 0)
		return bits & want;
	for (e = lex_next(g->lx, e); e; e = lex_next(g->lx, e))
		if (e->sub < 64 && lex_entry_ok(e, g->tl, g->d->text, i, cm->ntok, g->lang))
			bits |= CUE_BIT(e->sub);
	return bits & want;
}

_Static_assert(C_RECIP < 64 && C_RECEIVE < 64 && C_REQUESTED < 64 && C_TRANSFER < 64 && C_COORD < 64,
               "recip_note's classes lie below 64");

/* Notes what the matches m at token i say of the state they name: its
 * naming, and the role the preposition or verb before it gives it. */
static void recip_note_state(recip_tally *rt, const gram_doc *g, size_t i,
                             const lex_match m[LEX_NKINDS])
{
	const tok_list *tl = g->tl;
	const lex_entry *a = m[LEX_ACTOR].e;
	/* "für die moldauische Armee", "aan het Oekraïense leger", "to
	 * Ukrainian pilots": an adjective after a recipient preposition
	 * names the receiving side unless materiel follows it ("for German
	 * tanks": their origin) */
	if (rt->adj) {
		int materiel = m[LEX_SYSTEM].e ||
		               (m[LEX_ITEM].e && !is_person_category(m[LEX_ITEM].e->category));
		if (!(materiel && i == rt->adj_end)) {
			if (rt->adj_aid) {
				recip_credit(rt->adj, RW_RECEIVING);
			} else {
				rt->pending = rt->adj;
				rt->pending_tok = rt->adj_end - 1;
				rt->pending_asked = rt->adj_asked;
			}
		}
		rt->adj = NULL;
	}
	if (a && a->sub != ACT_ORG) {
		recip_cand *c = recip_cand_of(rt, a->code);
		if (c && !rt->speaker && i < rt->speaker_until)
			rt->speaker = c;
		if (c) {
			c->named += a->sub == ACT_ADJ ? RW_NAME / 2 : RW_NAME;
			if (i >= rt->head0 && i < rt->head1)
				c->named += RW_HEADLINE;
			/* an adjective qualifies a noun ("the Ukrainian army"),
			 * and a letter goes "to the Chancellery", "to Scholz":
			 * a state's name, capital or people takes the
			 * preposition's role */
			int place = a->sub == ACT_NAME || a->sub == ACT_CAPITAL || a->sub == ACT_PEOPLE;
			int receiving = place && i < rt->recip_until &&
			                !recip_break(tl, rt->recip_until - RECIP_REACH, i, 0);
			if (receiving && rt->recip_aid) {
				recip_credit(c, RW_RECEIVING);
			} else if (receiving) {
				rt->pending = c;
				rt->pending_tok = i;
				rt->pending_asked = rt->recip_asked;
			} else if (a->sub == ACT_ADJ && i < rt->recip_until &&
			           !recip_break(tl, rt->recip_until - RECIP_REACH, i, 0)) {
				rt->adj = c;
				rt->adj_end = m[LEX_ACTOR].tok + m[LEX_ACTOR].ntok;
				rt->adj_aid = rt->recip_aid;
				rt->adj_asked = rt->recip_asked;
			} else if (i < rt->give_until && !recip_break(tl, rt->give_until - GIVE_REACH, i, 1)) {
				recip_credit(c, RW_OBJECT);
			}
			rt->dat = NULL;
			if (place && !receiving && rt->last && rt->last != c &&
			    rt->last_end < i && !(rt->coord_tok > rt->last_end && rt->coord_tok <= i) &&
			    !recip_break(tl, rt->last_end, i, 1)) {
				rt->dat = c;
				rt->dat_end = m[LEX_ACTOR].tok + m[LEX_ACTOR].ntok;
			}
			rt->recip_until = rt->give_until = 0;
			rt->last = c;
			rt->last_end = m[LEX_ACTOR].tok + m[LEX_ACTOR].ntok;
			/* "an die Ukraine geliefert": a verb after the
			 * preposition's object makes no subject of it */
			rt->last_done = receiving;
		}
	}
}

/* Whether the cue entries of match cm at token i include class cls (of
 * any number: the bits of recip_cue_classes reach only 64). */
static int recip_cue_is(const gram_doc *g, size_t i, const lex_match *cm, int cls)
{
	for (const lex_entry *e = cm->e; e; e = lex_next(g->lx, e))
		if (e->sub == cls && (e == cm->e || lex_entry_ok(e, g->tl, g->d->text, i, cm->ntok, g->lang)))
			return 1;
	return 0;
}

/* An interview ("Entretien avec le ministre moldave de la Défense"):
 * the line it opens names the state of the one who speaks, and "we" is
 * that state.  The first person right before a verb of receiving ("nous
 * avons reçu", "we received"), or as the object before a verb of giving
 * ("La France nous a promis", "voulait nous livrer"; French puts the
 * object pronoun there, the subject one opens its clause), is the
 * receiving side: the state the story is about. */
static void recip_note_person(recip_tally *rt, const gram_doc *g, const lex_match *cm)
{
	const tok_list *tl = g->tl;
	size_t at = cm->tok, after = at + cm->ntok;
	if (recip_cue_is(g, at, cm, C_INTERVIEW) && !rt->speaker &&
	    (at == 0 || (tl->v[at].flags & (TOK_NL | TOK_PARA)))) {
		size_t e = after;
		while (e < tl->n && !(tl->v[e].flags & (TOK_NL | TOK_PARA)))
			e++;
		rt->speaker_until = e;
	}
	if (!rt->speaker || !recip_cue_is(g, at, cm, C_FIRST_PERSON))
		return;
	rt->we_end = after;
	/* the subject opens its clause: nothing before it in the sentence
	 * but a coordinator; the object follows its subject */
	rt->we_object = g->lang == LANG_FR && at > 0 && !(tl->v[at].flags & (TOK_NL | TOK_PARA)) &&
	                !(tl->v[at - 1].flags & TOK_PUNCT) && rt->coord_tok != at;
}

/* Notes what the cue of the matches m says: the role it gives the state
 * named just before it, or opens for the state after it. */
static void recip_note_cue(recip_tally *rt, const gram_doc *g, const lex_match m[LEX_NKINDS])
{
	const tok_list *tl = g->tl;
	size_t at = m[LEX_CUE].tok, after = at + m[LEX_CUE].ntok;
	if (m[LEX_CUE].e->sub >= 64 || m[LEX_CUE].e->next >= 0)
		recip_note_person(rt, g, &m[LEX_CUE]);
	uint64_t cls = recip_cue_classes(g, at, &m[LEX_CUE],
	                                 rt->makes | CUE_BIT(C_RECIP) | CUE_BIT(C_COORD));
	if (!cls)
		return;
	/* "nous avons reçu", "La France nous a promis" (recip_note_person) */
	if (rt->we_end && at >= rt->we_end && at <= rt->we_end + 2 && !recip_break(tl, rt->we_end - 1, at, 1) &&
	    ((cls & CUE_BIT(C_RECEIVE)) ||
	     (rt->we_object && (cls & (CUE_BIT(C_TRANSFER) | CUE_BIT(C_DELIVERED) | CUE_BIT(C_COMMITTED)))))) {
		recip_credit(rt->speaker, RW_RECEIVING);
		rt->we_end = 0;
	} else if (rt->we_end && !rt->we_object && (cls & CUE_BIT(C_REQUESTED)) && at >= rt->we_end &&
	           at <= rt->we_end + 1 && !recip_break(tl, rt->we_end - 1, at, 1)) {
		/* "Nous avons demandé", "we asked" */
		recip_credit(rt->speaker, RW_ASKER);
		rt->we_end = 0;
	}
	if (cls & CUE_BIT(C_COORD))
		rt->coord_tok = at + 1;
	uint64_t giving = CUE_BIT(C_TRANSFER) | CUE_BIT(C_DELIVERED) | CUE_BIT(C_COMMITTED);
	if (cls & giving) {
		rt->give_end = at + 1;
		/* "Deutschland hat Israel 3000 Granaten geliefert",
		 * "Noorwegen heeft Oekraïne NASAMS geleverd": in a clause
		 * whose verb of giving comes last, a state between the
		 * subject and the verb is its indirect object */
		if (rt->dat && at <= rt->dat_end + AID_REACH && !recip_break(tl, rt->dat_end, at, 1))
			recip_credit(rt->dat, RW_OBJECT);
		rt->dat = NULL;
	}
	if (cls & rt->makes) {
		rt->aid_end = at + 1;
		if (rt->pending && at <= rt->pending_tok + AID_REACH &&
		    (!rt->pending_asked || (cls & giving)) &&
		    !recip_break(tl, rt->pending_tok, at, 0))
			recip_credit(rt->pending, RW_RECEIVING);
		rt->pending = NULL;
		/* "to transfer": a preposition before a verb is an
		 * infinitive's */
		if (at < rt->recip_until)
			rt->recip_until = 0;
	}
	/* the subject right before its verb: "Kyiv received", "Israel
	 * asks for", "Israel hat gebeten"; not the one that answers a
	 * request ("Berlin rejected the request") */
	int receive = (cls & CUE_BIT(C_RECEIVE)) != 0, ask = (cls & CUE_BIT(C_REQUESTED)) != 0;
	size_t reach = receive ? SUBJ_REACH : ASKER_REACH;
	if ((receive || ask) && rt->last && !rt->last_done &&
	    at >= rt->last_end && at <= rt->last_end + reach &&
	    !recip_break(tl, rt->last_end, at, 1)) {
		recip_credit(rt->last, receive ? RW_RECEIVING : RW_ASKER);
		rt->last_done = 1;
	}
	if (ask)
		rt->ask_end = at + 1;
	/* a preposition takes a noun phrase: one before a comma is a verb's
	 * particle ("kündigte ... an, Spanien werde"); after a verb of
	 * asking it names the side asked ("demandé des chars à la France",
	 * "vroeg aan Duitsland"), unless a verb of giving takes it, before
	 * ("asked to send tanks to Ukraine") or after it ("vroeg om
	 * houwitsers aan Oekraïne te geven") */
	if (cls & CUE_BIT(C_RECIP)) {
		if (!(after < tl->n && (tl->v[after].flags & TOK_PUNCT))) {
			rt->recip_until = after + RECIP_REACH;
			rt->recip_asked = rt->ask_end && rt->ask_end + AID_REACH >= at &&
			                  rt->give_end <= rt->ask_end;
			rt->recip_aid = !rt->recip_asked &&
			                ((rt->item_end && rt->item_end + 1 >= at) ||
			                 (rt->aid_end && rt->aid_end + AID_REACH >= at &&
			                  !recip_break(tl, rt->aid_end, at, 0)));
		}
	} else if (cls & giving) {
		rt->give_until = after + GIVE_REACH;
	}
}

/* Notes what the matches m at token i say of the state they name, or of
 * the state named just before them. */
static void recip_note(recip_tally *rt, const gram_doc *g, size_t i, const lex_match m[LEX_NKINDS])
{
	recip_note_state(rt, g, i, m);
	if (m[LEX_ITEM].e)
		rt->item_end = m[LEX_ITEM].tok + m[LEX_ITEM].ntok;
	else if (m[LEX_SYSTEM].e)
		rt->item_end = m[LEX_SYSTEM].tok + m[LEX_SYSTEM].ntok;
	if (m[LEX_CUE].e)
		recip_note_cue(rt, g, m);
}

/* The state of the tally the document is about as a recipient, or NULL
 * (the West, a group of donors, is none); why[0] and why[1] tell the
 * chosen one and the runner-up, for --trace. */
static const char *recip_choose(const recip_tally *rt, const hostile_pairs *h,
                                const char *west, struct gram_recip_why why[2])
{
	memset(why, 0, 2 * sizeof *why);
	int most = 0;
	for (size_t k = 0; k < rt->n; k++)
		if (rt->v[k].code != west && rt->v[k].score > 0 && rt->v[k].named > most)
			most = rt->v[k].named;
	for (size_t k = 0; k < rt->n; k++) {
		const recip_cand *c = &rt->v[k];
		if (c->code == west)
			continue;
		/* a state attacked that the story names in passing (in no
		 * role, and seldom beside one it names all along as
		 * receiving) is not its subject */
		int war = (c->score > 0 || c->named * WAR_SHARE >= most) && gram_attacked(h, c->code);
		int score = c->score + (war ? RW_WAR : 0);
		/* the state of the one an interview asks, when "we" receive, is
		 * what the story is about as much as a war would make it */
		if (c == rt->speaker && c->received)
			score += RW_WAR;
		if (score <= 0)
			continue;
		struct gram_recip_why w = { c->code, score, c->named };
		int at = 2;
		while (at > 0 && (!why[at - 1].code || score > why[at - 1].score ||
		                  (score == why[at - 1].score && c->named > why[at - 1].named)))
			at--;
		if (at == 0)
			why[1] = why[0];
		if (at < 2)
			why[at] = w;
	}
	return why[0].code;
}

/* The index of code among the document's recipients, or -1. */
static int doc_recip_at(const gram_doc *g, const char *code)
{
	for (size_t k = 0; k < g->ndoc_recips; k++)
		if (g->doc_recips[k] == code)
			return (int)k;
	return -1;
}

/* Lists in g->doc_recips the document's recipient and the other states
 * the tally found in a receiving role at least once ("shells to
 * Russia" in a story of a package for Ukraine), the likeliest first: a
 * sentence of a story of two recipients that names none may take one of
 * them (sentence_recipient).  A state only named, or only asking (the
 * one that asks a maker's state to let it pass arms on), is none. */
static void recip_others(const recip_tally *rt, gram_doc *g)
{
	g->ndoc_recips = 0;
	if (!g->doc_recipient)
		return;
	g->doc_recips[g->ndoc_recips++] = g->doc_recipient;
	while (g->ndoc_recips < GRAM_RECIPS) {
		const recip_cand *best = NULL;
		for (size_t k = 0; k < rt->n; k++) {
			const recip_cand *c = &rt->v[k];
			if (c->code == g->west || !c->received || doc_recip_at(g, c->code) >= 0)
				continue;
			if (!best || c->score > best->score || (c->score == best->score && c->named > best->named))
				best = c;
		}
		if (!best)
			break;
		g->doc_recips[g->ndoc_recips++] = best->code;
	}
}

/* Walks the lexicon over the document's tokens from the first, into
 * g->kept, until the end or GRAM_KEEP matches; returns the token where
 * it stopped (g->kept_end).  The kept array ends in a hit at no token
 * (tok SIZE_MAX), so that matches_at's cursor needs no bound. */
static size_t doc_walk(gram_doc *g)
{
	const tok_list *tl = g->tl;
	const lex *lx = g->lx;
	const char *text = g->d->text;
	const lex_starts st = g->lx_starts;
	const int lang = g->lang;
	const size_t n = tl->n;
	gram_hit *kept = g->kept;
	size_t nkept = 0, cap = g->capkept;
	if (!cap) {
		cap = 256;
		kept = xrealloc(kept, cap * sizeof *kept);
	}
	gram_hit *kh = kept;   /* where the next hit goes */
	const token *v = tl->v;
	size_t i = 0;
	for (;; i++) {
		/* to the next token that may start an entry, in a loop of no
		 * call (many start none) */
		while (i < n && !lex_may_start(st, &v[i]))
			i++;
		if (i == n)
			break;
		/* matched in place: most tokens let through match nothing,
		 * and a kept one is not copied */
		unsigned kinds = (unsigned)lex_match_started(lx, tl, text, i, n, lang, kh->m);
		if (!kinds)
			continue;
		/* every match of a walk starts at i */
		uint32_t len = 0;
		for (unsigned b = kinds; b; b &= b - 1) {
			uint32_t l = kh->m[__builtin_ctz(b)].ntok;
			len = l > len ? l : len;
		}
		kh->tok = i;
		kh->end = i + len;
		kh->kinds = kinds;
		kh++;
		/* room for the next hit, and for the end one */
		if (++nkept == cap) {
			cap *= 2;
			kept = xrealloc(kept, cap * sizeof *kept);
			kh = kept + nkept;
		}
		if (nkept == GRAM_KEEP) {
			i++;
			break;
		}
	}
	kept[nkept].tok = SIZE_MAX;
	g->kept = kept;
	g->capkept = cap;
	g->nkept = nkept;
	return i;
}

/* Brussels is the capital of Belgium and the seat of the EU: lexicons
 * read "Bruxelles", "Brussels", "Brüssel" as the EU.  A story that names
 * Belgium (not by its capital) at least three times and more than twice
 * as often as the EU speaks of Belgium's government ("Bruxelles
 * participera à l'initiative tchèque"). */
static void brussels_reading(gram_doc *g)
{
	const char *eu = lex_code(g->lx, "EU"), *be = lex_code(g->lx, "BE");
	if (!eu || !be)
		return;
	g->eu_code = eu;
	g->be_code = be;
	int nbe = 0, neu = 0;
	for (size_t k = 0; k < g->nkept; k++) {
		const lex_entry *a = g->kept[k].m[LEX_ACTOR].e;
		if (!(g->kept[k].kinds >> LEX_ACTOR & 1) || !a || a->sub == ACT_CAPITAL)
			continue;
		nbe += a->code == be;
		neu += a->code == eu;
	}
	if (nbe >= 3 && nbe > 2 * neu)
		g->brussels_to = be;
}

void gram_doc_init(gram_doc *g, const lex *lx, const lex *sep, const lex *words,
                   const hostile_pairs *h, const tok_list *tl, const doc *d, int lang,
                   gram_bufs *bufs)
{
	memset(g, 0, sizeof *g);
	g->bufs = bufs;
	bufs_swap(g);
	g->lx = lx;
	g->sep = sep;
	g->lx_starts = lex_get_starts(lx, lang);
	g->lx_sfx = lex_get_sfx(lx);
	if (sep)
		g->sep_starts = lex_get_starts(sep, lang);
	g->words = words;
	if (words)
		g->words_starts = lex_get_starts(words, lang);
	g->west = lex_code(lx, "WEST");
	g->hostile = h;
	g->tl = tl;
	g->d = d;
	g->lang = lang;
	g->last_type = -1;
	/* a statement of the present is dated as precisely as the document
	 * is: its day when it has one ("Germany will send 5,000 helmets" in a
	 * story of 2022-01-26) */
	if (d->date) {
		size_t n = strlen(d->date);
		if (n >= 10 && d->date[4] == '-' && d->date[7] == '-')
			n = 10;
		else if (n >= 7)
			n = 7;
		else if (n > 4)
			n = 4;
		memcpy(g->now, d->date, n);   /* g->now holds "YYYY-MM-DD" */
		g->now[n] = '\0';
	}
	/* One walk of the lexicon over the document: its matches are kept
	 * for find_mentions (which so does not match these tokens again),
	 * and what they say of each state named chooses the document's
	 * recipient (recip_note, recip_choose); a huge document's from its
	 * first GRAM_KEEP matches.  The tally reads the kept matches after
	 * the walk, in the same order: the walk's loop then holds only its
	 * own few values. */
	g->kept_end = doc_walk(g);
	brussels_reading(g);
	recip_tally rt;
	recip_tally_init(&rt, tl, d);
	for (const gram_hit *kh = g->kept, *end = kh + g->nkept; kh < end; kh++)
		recip_note(&rt, g, kh->tok, kh->m);
	g->doc_recipient = g->default_recipient = recip_choose(&rt, h, g->west, g->recip_why);
	recip_others(&rt, g);
}

/* Whether category cat names aid without saying what it is: "weapons"
 * (arms, military aid) or "funds" (money).  Items of such a category sum
 * up or restate the ones that say what was given. */
static int generic_category(const char *cat)
{
	return !strcmp(cat, "weapons") || !strcmp(cat, "funds");
}

/* Whether record r of the headline only names, as weapons or military
 * aid with no number and no money, what the body gives in detail: the
 * same type, donor and recipient with items of their own category
 * ("Sweden and Finland send weapons to Ukraine" over the body's
 * anti-tank weapons and helmets).  The headline restates the body's fact
 * (records.md: headline and body are one record).  A sum of money makes
 * the headline's aid a package of its own.  The body's records come after
 * r's, from index next on. */
static int headline_generic(const gram_doc *g, const rec_list *out, size_t next, const record *r)
{
	if (!g->head_end || r->span[1] > g->head_end || strcmp(r->category, "weapons") ||
	    r->value >= 0 || r->quantity >= 0 || !(r->type == REC_COMMITTED || r->type == REC_DELIVERED))
		return 0;
	for (size_t j = next; j < out->n; j++) {
		const record *o = &out->v[j];
		if (o->span[0] >= g->head_end && o->type == r->type && o->donor == r->donor &&
		    o->recipient == r->recipient && !generic_category(o->category))
			return 1;
	}
	return 0;
}

/* Whether record r of the headline tells a sum that a record of the
 * body, of the same type, donor and recipient, tells again as its value
 * ("EU approves 60 million for Moldova's army" over "has approved a
 * further 60 million in military assistance"): one fact, the body's. */
static int headline_same_sum(const gram_doc *g, const rec_list *out, size_t next, const record *r)
{
	if (!g->head_end || r->span[1] > g->head_end || r->value < 0 || strcmp(r->category, "funds"))
		return 0;
	for (size_t j = next; j < out->n; j++) {
		const record *o = &out->v[j];
		if (o->span[0] >= g->head_end && o->type == r->type && o->donor == r->donor &&
		    o->recipient == r->recipient && o->value == r->value && o->category != r->category)
			return 1;
	}
	return 0;
}

/* Whether consent record r names no asker where another of the document,
 * of its type, by the same state for the same recipient, names one: "De
 * regering-Biden gaf groen licht voor de levering van Stingers aan Kiev"
 * beside "Estland mag met toestemming van Washington Stingers
 * doorleveren", a headline's "Scholz gibt grünes Licht für Leopard-Panzer"
 * over the body's grant to Poland.  It is the same permission told again
 * (records.md: a fact repeated in a document is one record).  A refusal
 * is told again only of the same materiel ("laat Britse mijnenjagers niet
 * door", then "laat twee mijnenjagers niet via de Bosporus varen"): a
 * state that bars all transit of weapons and also one state's shells
 * tells two facts. */
static int consent_restated(const rec_list *out, size_t first, const record *r)
{
	if ((r->type != REC_CONSENT_GRANTED && r->type != REC_CONSENT_DENIED) || r->donor || !r->consent_by)
		return 0;
	int deny = r->type == REC_CONSENT_DENIED;
	if (deny && (!r->category || !strcmp(r->category, "weapons")))
		return 0;
	for (size_t j = first; j < out->n; j++) {
		const record *o = &out->v[j];
		if (o != r && o->type == r->type && o->donor && o->consent_by == r->consent_by &&
		    o->recipient == r->recipient && (!deny || o->category == r->category))
			return 1;
	}
	return 0;
}

/* Makes each own grant left (record.own_grant: no consent of the
 * document restates it) the approver's commitment; one the document
 * already holds as a commitment of the same key is dropped. */
static void own_grants_committed(rec_list *out, size_t first)
{
	size_t w = first;
	for (size_t i = first; i < out->n; i++) {
		record *r = &out->v[i];
		if (r->own_grant && r->type == REC_CONSENT_GRANTED) {
			r->type = REC_COMMITTED;
			r->donor = r->consent_by;
			r->consent_by = NULL;
			r->own_grant = 0;
			int held = 0;
			for (size_t j = first; j < out->n && !held; j++) {
				const record *o = &out->v[j];
				held = j != i && o->type == REC_COMMITTED && o->donor == r->donor &&
				       o->recipient == r->recipient && o->category == r->category;
			}
			if (held) {
				record_release(r);
				continue;
			}
		}
		if (w != i)
			out->v[w] = out->v[i];
		w++;
	}
	out->n = w;
}

void gram_doc_finish(gram_doc *g, rec_list *out, size_t first)
{
	size_t w = first;
	for (size_t i = first; i < out->n; i++) {
		if (headline_generic(g, out, i + 1, &out->v[i]) || headline_same_sum(g, out, i + 1, &out->v[i]) ||
		    consent_restated(out, first, &out->v[i])) {
			record_release(&out->v[i]);
			continue;
		}
		if (w != i)
			out->v[w] = out->v[i];
		w++;
	}
	out->n = w;
	own_grants_committed(out, first);
	for (size_t i = first; i < out->n; i++) {
		record *r = &out->v[i];
		if (r->system || rec_is_consent(r->type))
			continue;
		const char *only = NULL;
		int n = 0;
		for (size_t k = 0; k < g->nseen; k++)
			if (g->seen_cat[k] == r->category) {
				only = g->seen_sys[k];
				n++;
			}
		if (n != 1)
			continue;
		/* not a system another donor of the document is giving ("Norway
		 * pledged armoured vehicles" beside Spain's Leopard 2) */
		int other = 0;
		for (size_t j = first; j < out->n; j++)
			if (out->v[j].system == only && out->v[j].donor != r->donor)
				other = 1;
		if (!other)
			r->system = only;
	}
}

void gram_doc_release(gram_doc *g)
{
	bufs_swap(g);
}

void gram_bufs_init(gram_bufs *b)
{
	memset(b, 0, sizeof *b);
	buf_init(&b->tmp);
}

void gram_bufs_release(gram_bufs *b)
{
	free(b->kept);
	free(b->m);
	free(b->skip);
	free(b->pending);
	buf_release(&b->tmp);
	gram_bufs_init(b);
}

static mention *push_mention(gram_doc *g)
{
	if (g->nm == g->capm) {
		g->capm = g->capm ? g->capm * 2 : 64;
		g->m = xrealloc(g->m, g->capm * sizeof *g->m);
	}
	mention *m = &g->m[g->nm++];
	memset(m, 0, sizeof *m);
	return m;
}

/* Gives cue mention mm the class cls of its lexicon entry: a verb of
 * approving ("approved", "genehmigte") is a commitment that remembers it
 * approves, which the consent rules ask (approving_at). */
static void set_cue_class(mention *mm, int cls)
{
	mm->sub = (unsigned char)(cls == C_APPROVE ? C_COMMITTED : cls);
	mm->approve = cls == C_APPROVE;
}

/* ---- step 1: mentions ---- */

/* Makes item mention mm the system of category cat (or cat2, if not
 * NULL) that the story named last (seen_sys, seen_cat); mm->category
 * stays NULL when it named none.  A word that stands for a system only
 * in a story that named one ("toestellen", "Startgeräte") reads so. */
static void last_seen_system(const gram_doc *g, mention *mm, const char *cat, const char *cat2)
{
	for (size_t k = g->nseen; k-- > 0;)
		if (!strcmp(g->seen_cat[k], cat) || (cat2 && !strcmp(g->seen_cat[k], cat2))) {
			mm->category = g->seen_cat[k];
			mm->system = g->seen_sys[k];
			return;
		}
}

/* Whether token t folds to the one byte c: two byte loads, where a call
 * of strcmp would be made for every token between mentions. */
static int is_fold(const tok_list *tl, size_t t, char c)
{
	const char *f = tok_fold(tl, &tl->v[t]);
	return f[0] == c && !f[1];
}

/* Whether token t is written with the umlaut of vowel v, 'u' or 'a'
 * ("würden", which folds like "wurden"; "hätte", like "hatte"): the
 * second byte of ü/Ü is 0xBC/0x9C, of ä/Ä 0xA4/0x84. */
static int umlaut(const gram_doc *g, size_t t, char v)
{
	const token *k = &g->tl->v[t];
	const unsigned char *s = (const unsigned char *)g->d->text;
	unsigned char lo = v == 'u' ? 0xBC : 0xA4, up = v == 'u' ? 0x9C : 0x84;
	for (uint32_t b = k->start; b + 1 < k->end; b++)
		if (s[b] == 0xC3 && (s[b + 1] == lo || s[b + 1] == up))
			return 1;
	return 0;
}

/* Categories a compound's modifier imposes on its head: an
 * "antitank|raket" is anti-tank, a "luchtafweer|tank" air defence. */
static const char *modifier_category(const gram_doc *g, const char *w, size_t at,
                                     const char *head_cat)
{
	if (at < 3 || !head_cat || !strcmp(head_cat, "ammunition"))
		return head_cat;
	buf *t = (buf *)&g->tmp;
	buf_reset(t);
	buf_add(t, w, at);
	const lex_entry *e = lex_lookup(g->lx, LEX_ITEM, t->p, g->lang);
	if (!e) {
		size_t at2 = 0;
		e = lex_suffix(g->lx, t->p, t->len, g->lang, &at2);
	}
	if (e && e->category && (!strcmp(e->category, "anti-tank") || !strcmp(e->category, "air-defence")))
		return e->category;
	return head_cat;
}

/* The longest item word that a folded word starts with ("antitank" in
 * "antitankwapens"), as a byte length, or 0. */
static size_t item_prefix(gram_doc *g, const char *w, size_t n)
{
	for (size_t k = n >= 4 ? n - 4 : 0; k >= 3; k--) {
		if (((unsigned char)w[k] & 0xC0) == 0x80)
			continue;
		buf_reset(&g->tmp);
		buf_add(&g->tmp, w, k);
		if (lex_lookup(g->lx, LEX_ITEM, g->tmp.p, g->lang))
			return k;
	}
	return 0;
}

/* Where the shortest item word ending the folded word w starts (at least
 * three bytes in), or 0. */
static size_t shortest_head(gram_doc *g, const char *w, size_t n)
{
	for (size_t k = n >= 4 ? n - 4 : 0; k >= 3; k--) {
		if (((unsigned char)w[k] & 0xC0) == 0x80)
			continue;
		if (lex_lookup(g->lx, LEX_ITEM, w + k, g->lang))
			return k;
	}
	return 0;
}

/* The item a folded compound word names: whole word, else its head. */
static const lex_entry *compound_item(const gram_doc *g, const char *w, size_t n,
                                      const char **cat)
{
	const lex_entry *e = lex_lookup(g->lx, LEX_ITEM, w, g->lang);
	if (e) {
		*cat = e->category;
		return e;
	}
	size_t at = 0;
	e = lex_suffix(g->lx, w, n, g->lang, &at);
	if (e)
		*cat = modifier_category(g, w, at, e->category);
	return e;
}

/* Does the finite verb at token i have its particle later in the
 * sentence?  The particle closes the main clause, so it must stand before
 * punctuation or the end ("kondigde nieuwe wapens aan."), never before
 * more words ("tegen Rusland", "zu liefern").  Returns the cue class,
 * marks the particle's tokens as used and sets *at to its first token;
 * or returns -1. */
/* Does a Dutch noun phrase go on at token q with a preposition that
 * opens another recipient or of-phrase ("de productie van drones voor
 * Oekraïne")? */
static int nl_phrase_goes_on(gram_doc *g, size_t q, size_t t1)
{
	lex_match px[LEX_NKINDS];
	lex_match_at(g->lx, g->tl, g->d->text, q, t1, g->lang, px);
	const lex_entry *c = px[LEX_CUE].e;
	return c && (c->sub == C_RECIP || c->sub == C_SOURCE);
}

static int separable(gram_doc *g, size_t i, size_t t1, size_t *at)
{
	const tok_list *tl = g->tl;
	if (!lex_may_start(g->sep_starts, &tl->v[i]))
		return -1;
	lex_match m[LEX_NKINDS];
	lex_match_at(g->sep, tl, g->d->text, i, i + 1, g->lang, m);
	const lex_entry *e = m[LEX_CUE].e;
	if (!e)
		return -1;
	for (; e; e = lex_next(g->sep, e)) {
		if (!lex_entry_ok(e, tl, g->d->text, i, 1, g->lang))
			continue;
		const char *part = e->code;
		size_t plen = strlen(part);
		for (size_t j = t1; j-- > i + 1;) {
			/* match the particle's tokens ending at j */
			size_t k = j + 1, off = plen;
			int ok = 1;
			while (ok && off > 0) {
				if (k == i + 1) {
					ok = 0;
					break;
				}
				k--;
				const token *t = &tl->v[k];
				if (t->flen > off || memcmp(part + off - t->flen, tok_fold(tl, t), t->flen)) {
					ok = 0;
					break;
				}
				off -= t->flen;
				if (off > 0) {
					if (part[off - 1] != ' ')
						ok = 0;
					off--;
				}
			}
			if (!ok)
				continue;
			int closes = j + 1 >= t1 || (tl->v[j + 1].flags & TOK_PUNCT);
			if (!closes) {
				lex_match nx[LEX_NKINDS];
				lex_match_at(g->lx, tl, g->d->text, j + 1, t1, g->lang, nx);
				const lex_entry *c = nx[LEX_CUE].e;
				/* "weegt nog af of het levert": Dutch "of" opens the
				 * question the verb is about */
				closes = c && (c->sub == C_COMP || c->sub == C_CLAUSE || c->sub == C_RELATIVE ||
				               (c->sub == C_OR && g->lang == LANG_NL));
				/* "maakte de eerste tranche vrij uit de opbrengsten
				 * van ...", "stellte Geld bereit aus dem Fonds": a
				 * particle that is no preposition itself cannot be the
				 * start of the phrase after it, which trails the
				 * clause */
				/* "stemde deze maand in met 14 miljard": a Dutch
				 * particle verb's "met" object may trail it too */
				if (!closes && c && (c->sub == C_SOURCE || c->sub == C_RECIP ||
				                     (g->lang == LANG_NL && c->sub == C_CARRYING))) {
					lex_match px[LEX_NKINDS];
					lex_match_at(g->lx, tl, g->d->text, k, j + 1, g->lang, px);
					const lex_entry *pc = px[LEX_CUE].e;
					closes = !(pc && (pc->sub == C_SOURCE || pc->sub == C_RECIP ||
					                  pc->sub == C_AGAINST || pc->sub == C_CARRYING));
				}
				/* "maakte 200 miljoen vrij voor Oekraïne", "trekt 300
				 * miljoen uit voor munitie voor Oekraïne": recipient and
				 * purpose phrases may follow the particle at the
				 * clause's end */
				size_t q = j + 1;
				/* "trekt 500 miljoen uit voor de productie van
				 * drones voor Oekraïne": in Dutch the purpose phrase
				 * may carry an of-phrase ("van") after its noun */
				while (!closes && c &&
				       (c->sub == C_RECIP ||
				        (g->lang == LANG_NL && c->sub == C_SOURCE && q > j + 1))) {
					q += nx[LEX_CUE].ntok;
					lex_match ax[LEX_NKINDS];
					if (q >= t1)
						break;
					lex_match_at(g->lx, tl, g->d->text, q, t1, g->lang, ax);
					/* past an article: "aan het Westen" */
					if (!ax[LEX_ACTOR].e && !ax[LEX_ITEM].e && ax[LEX_CUE].e &&
					    ax[LEX_CUE].e->sub == C_ARTICLE && q + ax[LEX_CUE].ntok < t1) {
						q += ax[LEX_CUE].ntok;
						lex_match_at(g->lx, tl, g->d->text, q, t1, g->lang, ax);
					}
					if (ax[LEX_ACTOR].e)
						q += ax[LEX_ACTOR].ntok;
					else if (ax[LEX_ITEM].e)
						q += ax[LEX_ITEM].ntok;
					/* "draagt 50 miljoen bij aan het fonds": one
					 * noun the lexicon does not know after its
					 * article, the phrase's last word */
					else if (!ax[LEX_CUE].e && q + 1 < t1 && (tl->v[q].flags & TOK_WORD) &&
					         ((tl->v[q + 1].flags & TOK_PUNCT) ||
					          (g->lang == LANG_NL && nl_phrase_goes_on(g, q + 1, t1))))
						q++;
					/* "voor de productie van ...": a determiner the
					 * lexicon does not know and its noun */
					else if (g->lang == LANG_NL && !ax[LEX_CUE].e && q + 2 < t1 &&
					         (tl->v[q].flags & TOK_WORD) && (tl->v[q + 1].flags & TOK_WORD) &&
					         !nl_phrase_goes_on(g, q + 1, t1) &&
					         ((tl->v[q + 2].flags & TOK_PUNCT) || nl_phrase_goes_on(g, q + 2, t1))) {
						lex_match bx[LEX_NKINDS];
						lex_match_at(g->lx, tl, g->d->text, q + 1, t1, g->lang, bx);
						if (bx[LEX_CUE].e || bx[LEX_ACTOR].e)
							break;
						q += 2;
					}
					else
						break;
					closes = q >= t1 || (tl->v[q].flags & TOK_PUNCT);
					if (closes)
						break;
					lex_match_at(g->lx, tl, g->d->text, q, t1, g->lang, nx);
					c = nx[LEX_CUE].e;
				}
			}
			/* "maakte bekend in overleg met Polen tien mortieren
			 * te sturen": the main clause runs on into its
			 * te/zu infinitive */
			for (size_t q = j + 1; !closes && q + 1 < t1; q++) {
				lex_match nx[LEX_NKINDS];
				lex_match_at(g->lx, tl, g->d->text, q, q + 1, g->lang, nx);
				if (nx[LEX_CUE].e && nx[LEX_CUE].e->sub == C_INF && (tl->v[q + 1].flags & TOK_WORD))
					closes = 1;
			}
			if (!closes)
				continue;
			for (size_t q = k; q <= j; q++)
				g->skip[q - g->s0] = 1;
			*at = k;
			return e->sub;
		}
	}
	return -1;
}

static int cue_at(const gram_doc *g, size_t i, int cls);
static int is_relative_cut(const gram_doc *g, size_t i);
static int no_punct(const gram_doc *g, size_t t0, size_t t1);
static int comma_at(const gram_doc *g, size_t t);

/* No match of any kind. */
static const lex_match no_match[LEX_NKINDS];

/* lex_match_at of token i in the sentence ending at t1: the kinds
 * matched, and in *mp the matches, gram_doc_init's kept ones when it
 * walked the token and none of its kinds runs past the sentence's end,
 * else those of a walk into own (no_match where no entry starts). */
static int matches_at(gram_doc *g, const gram_hit **next, size_t i, size_t t1,
                      lex_match own[LEX_NKINDS], const lex_match **mp)
{
	*mp = no_match;
	if (i < g->kept_end) {
		/* the cursor stops at the end hit (doc_walk) */
		const gram_hit *h = *next;
		while (h->tok < i)
			h++;
		*next = h;
		if (h->tok != i)
			return 0;
		if (h->end <= t1) {
			*mp = h->m;
			return (int)h->kinds;
		}
	} else if (!lex_may_start(g->lx_starts, &g->tl->v[i])) {
		return 0;
	}
	/* a kept token starts an entry too */
	*mp = own;
	return lex_match_started(g->lx, g->tl, g->d->text, i, t1, g->lang, own);
}

/* Whether find_mentions makes nothing of token t when no entry starts
 * at it: no suspended compound ("antitank-"), nor its second half
 * ("-raketten"), nor a word that may be a separable verb or a compound
 * with an item head. */
static inline int plain_token(const gram_doc *g, const token *t)
{
	if (t->flags & (TOK_SUSP | TOK_LEADHYPH))
		return 0;
	if (!(t->flags & TOK_WORD))
		return 1;
	if (g->sep && lex_may_start(g->sep_starts, t))
		return 0;
	return !lex_sfx_may(g->lx_sfx, tok_fold(g->tl, t), t->flen, g->lang);
}

static int tok_is(const gram_doc *g, size_t t, const char *w);

/* Whether the tokens from t (before t1) say "of this kind": "de ce
 * type", "of this type", "dieser Art", "van dit type" (word list
 * of_this_kind). */
static int of_this_kind(const gram_doc *g, size_t t, size_t t1)
{
	return word_at(g, t, t1, W_OF_THIS_KIND);
}

static void find_mentions(gram_doc *g, size_t t0, size_t t1)
{
	const tok_list *tl = g->tl;
	g->nm = 0;
	g->s0 = t0;
	if (g->capskip < t1 - t0 + 1) {
		g->capskip = t1 - t0 + 1;
		g->skip = xrealloc(g->skip, g->capskip);
	}
	memset(g->skip, 0, t1 - t0 + 1);
	/* matches_at's cursor only moves forward */
	const gram_hit *next = g->kept + g->kept_next;
	if (g->kept_next && next[-1].tok >= t0)
		next = g->kept;
	for (size_t i = t0; i < t1;) {
		/* to the next token the walk kept a match at, in a loop of its
		 * own, past those no rule below reads (plain_token); about half
		 * of a sentence's tokens start no entry */
		if (i < g->kept_end) {
			const gram_hit *h = next;
			while (h->tok < i)
				h++;
			next = h;
			size_t stop = h->tok < t1 ? h->tok : t1;
			if (stop > g->kept_end)
				stop = g->kept_end;
			while (i < stop && plain_token(g, &tl->v[i]))
				i++;
			if (i == t1)
				break;
		}
		const token *t = &tl->v[i];
		if (g->skip[i - t0]) {
			i++;
			continue;
		}
		lex_match own[LEX_NKINDS];
		const lex_match *m;
		int best = -1;
		uint32_t len = 0;
		int kinds = matches_at(g, &next, i, t1, own, &m);
		if (kinds && !(kinds & (kinds - 1))) {
			/* one kind, as at most tokens */
			best = __builtin_ctz((unsigned)kinds);
			len = m[best].ntok;
		} else if (kinds) {
			static const int prio[] = { LEX_SYSTEM, LEX_ACTOR, LEX_ITEM, LEX_CUE };
			for (int k = 0; k < 4; k++) {
				int kind = prio[k];
				if (m[kind].e && m[kind].ntok > len) {
					best = kind;
					len = m[kind].ntok;
				}
			}
		}
		/* suspended compound: "antitank- en luchtafweerraketten" */
		if ((t->flags & TOK_SUSP) && i + 2 < t1 &&
		    m[LEX_CUE].e == NULL && (best < 0 || best == LEX_ITEM || len == 1)) {
			const token *w = &tl->v[i + 2];
			lex_match cm[LEX_NKINDS];
			lex_match_at(g->lx, tl, g->d->text, i + 1, i + 2, g->lang, cm);
			if ((cm[LEX_CUE].e && (cm[LEX_CUE].e->sub == C_COORD || cm[LEX_CUE].e->sub == C_OR)) ||
			    is_fold(tl, i + 1, ',')) {
				size_t at = 0;
				const char *wf = tok_fold(tl, w);
				const lex_entry *h = lex_suffix(g->lx, wf, w->flen, g->lang, &at);
				if (!h) {
					h = lex_lookup(g->lx, LEX_ITEM, wf, g->lang);
					at = 0;
				}
				if (h) {
					buf_reset(&g->tmp);
					size_t first = i;
					while (first > t0 && (tl->v[first].flags & TOK_JOINED))
						first--;
					for (size_t q = first; q <= i; q++)
						buf_add(&g->tmp, tok_fold(tl, &tl->v[q]), tl->v[q].flen);
					buf_adds(&g->tmp, wf + at);
					char *comp = xstrdup(g->tmp.p);
					const char *cat = NULL;
					if (compound_item(g, comp, strlen(comp), &cat) && cat) {
						/* "anti-pantser-" was read as its parts: drop them */
						while (g->nm && g->m[g->nm - 1].t1 > first)
							g->nm--;
						mention *mm = push_mention(g);
						mm->kind = M_ITEM;
						mm->t0 = first;
						mm->t1 = i + 1;
						mm->category = cat;
						mm->susp = 1;
						free(comp);
						i++;
						continue;
					}
					free(comp);
				}
			}
		}
		/* the second half: "antitankwapens en -raketten" */
		if ((t->flags & TOK_LEADHYPH) && g->nm >= 1 && i >= 2) {
			const mention *pm = &g->m[g->nm - 1];
			if (pm->kind == M_CUE && (pm->sub == C_COORD || pm->sub == C_OR) && g->nm >= 2)
				pm = &g->m[g->nm - 2];
			if (pm->kind == M_ITEM && pm->t1 + 1 >= i - 1) {
				const token *p = &tl->v[pm->t1 - 1];
				const char *pf = tok_fold(tl, p);
				/* the head the second half replaces is the shortest one:
				 * "antitank|wapens", not "anti|tankwapens" */
				size_t at = shortest_head(g, pf, p->flen);
				if (!at)
					at = item_prefix(g, pf, p->flen);
				if (at) {
					buf_reset(&g->tmp);
					buf_add(&g->tmp, pf, at);
					buf_add(&g->tmp, tok_fold(tl, t), t->flen);
					char *comp = xstrdup(g->tmp.p);
					const char *cat = NULL;
					if (compound_item(g, comp, strlen(comp), &cat) && cat) {
						mention *mm = push_mention(g);
						mm->kind = M_ITEM;
						mm->t0 = i;
						mm->t1 = i + 1;
						mm->category = cat;
						mm->susp = 2;
						free(comp);
						i++;
						continue;
					}
					free(comp);
				}
			}
		}
		/* a separable verb: "kondigde ... aan", "sagte ... zu".  Its
		 * particle closing the clause wins over the finite form's
		 * reading as a verb of saying ("sagte" said, "zegt" says) */
		if ((t->flags & TOK_WORD) && g->sep && lex_may_start(g->sep_starts, t) &&
		    (best < 0 || (best == LEX_CUE && len == 1 && m[LEX_CUE].e->sub == C_REPORT))) {
			size_t part = 0;
			int cls = separable(g, i, t1, &part);
			if (cls >= 0) {
				mention *mm = push_mention(g);
				mm->part = part;
				mm->kind = M_CUE;
				set_cue_class(mm, cls);
				mm->t0 = i;
				mm->t1 = i + 1;
				i++;
				continue;
			}
		}
		if (best < 0) {
			/* a compound whose head is an item word */
			if ((t->flags & TOK_WORD) && lex_sfx_may(g->lx_sfx, tok_fold(tl, t), t->flen, g->lang)) {
				const char *cat = NULL;
				size_t at = 0;
				const lex_entry *h = lex_suffix(g->lx, tok_fold(tl, t), t->flen, g->lang, &at);
				if (h) {
					cat = modifier_category(g, tok_fold(tl, t), at, h->category);
					mention *mm = push_mention(g);
					mm->kind = M_ITEM;
					mm->t0 = i;
					mm->t1 = i + 1;
					mm->category = cat;
				}
			}
			i++;
			continue;
		}
		const lex_entry *e = m[best].e;
		mention *mm = push_mention(g);
		mm->t0 = i;
		mm->t1 = i + len;
		switch (best) {
		case LEX_ACTOR:
			/* "het westen van Polen", "the west of the country": a
			 * direction, not the West */
			if (e->code == g->west && g->west && i + len < t1) {
				lex_match nx[LEX_NKINDS];
				lex_match_at(g->lx, tl, g->d->text, i + len, t1, g->lang, nx);
				/* ... but "a demandé aux partenaires occidentaux des
				 * radars": a French partitive with its item is the
				 * object asked for */
				int item = 0;
				if (nx[LEX_CUE].e && nx[LEX_CUE].e->sub == C_SOURCE) {
					size_t k0 = i + len + nx[LEX_CUE].ntok;
					for (size_t k = k0; k < t1 && k < k0 + 4 && !item; k++) {
						lex_match it[LEX_NKINDS];
						if (!lex_match_at(g->lx, tl, g->d->text, k, t1, g->lang, it))
							continue;
						if (it[LEX_ACTOR].e)
							break;
						item = it[LEX_ITEM].e || it[LEX_SYSTEM].e;
					}
				}
				if (nx[LEX_CUE].e && nx[LEX_CUE].e->sub == C_SOURCE && !item) {
					g->nm--;
					break;
				}
			}
			mm->kind = M_ACTOR;
			mm->sub = e->sub;
			mm->code = e->code;
			if (e->code == g->eu_code && e->sub == ACT_CAPITAL && g->brussels_to)
				mm->code = g->brussels_to;
			else if (e->code == g->eu_code && e->sub == ACT_CAPITAL && g->be_sent &&
			         g->be_sent + 1 >= g->nsent && g->be_sent > g->eu_sent)
				mm->code = g->be_code;
			else if (e->code == g->be_code && e->sub != ACT_CAPITAL)
				g->be_sent = g->nsent;
			else if (e->code == g->eu_code && e->sub != ACT_CAPITAL)
				g->eu_sent = g->nsent;
			break;
		case LEX_SYSTEM:
			mm->kind = M_ITEM;
			mm->category = e->category;
			mm->system = e->code;
			mm->sys_origin = e->origin;
			g->last_sys = e->code;
			g->last_sys_cat = e->category;
			g->last_sys_sent = g->nsent;
			if (g->nseen < 32) {
				size_t k = 0;
				while (k < g->nseen && g->seen_sys[k] != e->code)
					k++;
				if (k == g->nseen) {
					g->seen_sys[g->nseen] = e->code;
					g->seen_cat[g->nseen++] = e->category;
				}
			}
			break;
		case LEX_ITEM:
			mm->kind = M_ITEM;
			mm->category = e->category;
			/* "deze geavanceerde raket", "this system": a demonstrative
			 * before a generic noun points at the system of its kind
			 * the document named last */
			if (g->nm >= 2 && cue_at(g, g->nm - 2, C_DEMONSTRATIVE) &&
			    i - g->m[g->nm - 2].t1 <= 2) {
				if (g->last_sys && g->last_sys_cat == e->category)
					mm->system = g->last_sys;
				for (size_t k = g->nseen; k-- > 0 && !mm->system;)
					if (g->seen_cat[k] == e->category)
						mm->system = g->seen_sys[k];
			}
			/* "des armes de ce type", "weapons of this kind": a
			 * generic noun with a phrase of kind after it is the
			 * system named last, of a sentence just before */
			if (e->category && !strcmp(e->category, "weapons") && g->last_sys &&
			    g->last_sys_sent + 3 >= g->nsent && of_this_kind(g, i + len, t1)) {
				mm->category = g->last_sys_cat;
				mm->system = g->last_sys;
			}
			/* "Waffenlieferungen", "steunpakket": both the item and a cue */
			if (m[LEX_CUE].e && m[LEX_CUE].ntok == len) {
				mention *cm = push_mention(g);
				cm->kind = M_CUE;
				set_cue_class(cm, m[LEX_CUE].e->sub);
				cm->t0 = i;
				cm->t1 = i + len;
			}
			break;
		default:
			mm->kind = M_CUE;
			set_cue_class(mm, e->sub);
			/* "die Übergabe des 140 Millionen Euro teuren Systems": the
			 * system the document named last */
			/* a form listed both as a passive auxiliary or a receiving
			 * verb and as the future is the first and also the second:
			 * "wird", "recevra", "bekommt" (German and Dutch present
			 * receiving is what is coming: "Die Ukraine bekommt
			 * Panzer") */
			if (e->sub == C_AUX_PASSIVE || e->sub == C_RECEIVE || e->sub == C_FUTURE) {
				for (const lex_entry *o = lex_next(g->lx, e); o; o = lex_next(g->lx, o))
					if (lex_entry_ok(o, tl, g->d->text, i, len, g->lang) &&
					    (o->sub == C_FUTURE) != (e->sub == C_FUTURE) &&
					    (o->sub == C_AUX_PASSIVE || o->sub == C_RECEIVE || o->sub == C_FUTURE)) {
						mm->sub = e->sub == C_FUTURE ? o->sub : e->sub;
						mm->also_future = 1;
					}
			}
			/* "würden" folds to "wurden": the written umlaut tells
			 * the conditional from the past */
			if (e->sub == C_AUX_PASSIVE && len == 1 && umlaut(g, i, 'u'))
				mm->would_form = 1;
			/* "bereit, der Ukraine Panzer zu überlassen": a German
			 * participle that is also the infinitive ("überlassen",
			 * "übergeben") is the infinitive after "zu", a verb of
			 * giving whose tense the clause's modality decides */
			if (e->sub == C_DELIVERED && g->lang == LANG_DE && len == 1 && g->nm >= 2 &&
			    cue_at(g, g->nm - 2, C_INF) && g->m[g->nm - 2].t1 == i)
				mm->sub = C_TRANSFER;
			if (e->sub == C_REEXPORT) {
				mm->sub = C_TRANSFER_NOUN;
				mm->reexport = 1;
			}
			/* an export is a transfer noun, its licence a
			 * permission; both say the state's own goods leave */
			if (e->sub == C_EXPORT || e->sub == C_EXPORT_LICENCE) {
				mm->sub = e->sub == C_EXPORT ? C_TRANSFER_NOUN : C_PERMISSION;
				mm->export = 1;
			}
			/* "through", "über": looked up only before a territory
			 * noun (transit_at), no mention of their own */
			if (e->sub == C_PASSAGE) {
				g->nm--;
				break;
			}
			/* "toestellen", "Maschinen", "appareils": a word that
			 * means aircraft only in a story that named one; it is
			 * the aircraft system named last */
			if (e->sub == C_CRAFT_ANAPHOR) {
				mm->kind = M_ITEM;
				mm->category = NULL;
				last_seen_system(g, mm, "aircraft", NULL);
				if (!mm->category)
					g->nm--;
			}
			/* "één batterij", "twee lanceerinrichtingen", "zwei
			 * Startgeräte": a unit of a launching system, in a story
			 * that named one, is the air-defence or rocket system
			 * named last; right after that system's name
			 * ("Patriot-lanceerinrichtingen") it is part of its
			 * phrase, no item of its own */
			if (e->sub == C_UNIT_ANAPHOR) {
				mm->kind = M_ITEM;
				mm->category = NULL;
				const mention *pm = g->nm >= 2 ? &g->m[g->nm - 2] : NULL;
				int joined = pm && pm->kind == M_ITEM &&
				             (pm->t1 == i || (pm->t1 + 1 == i && is_fold(tl, pm->t1, '-')));
				if (!joined)
					last_seen_system(g, mm, "air-defence", "artillery");
				if (!mm->category)
					g->nm--;
			}
			if (e->sub == C_SYSTEM_ANAPHOR) {
				if (g->last_sys) {
					mm->kind = M_ITEM;
					mm->category = g->last_sys_cat;
					mm->system = g->last_sys;
				} else {
					g->nm--;
				}
			}
			break;
		}
		i += len;
	}
	g->kept_next = (size_t)(next - g->kept);
}

/* "fellow NATO member Latvia", "EU-lid Polen": an organisation naming
 * what a state is a member of is not an actor of its own. */
static void drop_org_modifiers(gram_doc *g)
{
	size_t w = 0;
	for (size_t i = 0; i < g->nm; i++) {
		const mention *m = &g->m[i];
		if (m->kind == M_ACTOR && m->sub == ACT_ORG && i + 1 < g->nm) {
			const mention *n = &g->m[i + 1];
			if (n->kind == M_ACTOR && n->sub == ACT_NAME && n->t0 - m->t1 <= 2)
				continue;
		}
		if (w != i)
			g->m[w] = *m;
		w++;
	}
	g->nm = w;
}

/* "Defence Minister Wellington Koo", "Sydney Smith": a capital right
 * after a title, or before a capitalised word that no lexicon knows, is
 * a person's first name, not the state it names.  A capital as a
 * government stands alone or before a verb ("Wellington said"). */
static void drop_name_capitals(gram_doc *g, size_t t1)
{
	const tok_list *tl = g->tl;
	size_t w = 0;
	for (size_t i = 0; i < g->nm; i++) {
		const mention *m = &g->m[i];
		if (m->kind == M_ACTOR && m->sub == ACT_CAPITAL && m->t1 < t1 &&
		    (tl->v[m->t1].flags & TOK_CAP) && !(tl->v[m->t1].flags & (TOK_NL | TOK_PARA)) &&
		    i > 0 && g->m[i - 1].kind == M_CUE && g->m[i - 1].sub == C_ACTOR_HEAD &&
		    g->m[i - 1].t1 == m->t0 &&
		    (i + 1 >= g->nm || g->m[i + 1].t0 > m->t1))
			continue;
		if (w != i)
			g->m[w] = *m;
		w++;
	}
	g->nm = w;
}

/* Inserts at index i of the sentence's mentions a cue of class sub on
 * token t (a word the lexicon cannot list as that cue, see
 * mark_as_clauses and mark_that_relatives). */
static void insert_cue(gram_doc *g, size_t i, size_t t, int sub)
{
	push_mention(g);
	memmove(&g->m[i + 1], &g->m[i], (g->nm - 1 - i) * sizeof *g->m);
	mention *c = &g->m[i];
	memset(c, 0, sizeof *c);
	c->kind = M_CUE;
	c->sub = sub;
	c->t0 = t;
	c->t1 = t + 1;
}

/* Whether mention m is a verb an English subject relative's pronoun
 * stands right before ("that has sent", "which will deliver"): a verb of
 * the record types or of receiving, or a future, "would" or a condition. */
static int relative_verb(const mention *m)
{
	return m->kind == M_CUE &&
	       ((m->sub <= C_RECEIVE && m->sub != C_TRANSFER_NOUN) || m->sub == C_FUTURE ||
	        m->sub == C_WOULD || m->sub == C_COND);
}

/* Whether the sentence at token t0 stands in a paragraph or line that an
 * interviewer's mark opens ("Q:", "Vraag:", "Frage:", data class
 * interviewer) followed by a colon. */
static int interviewer_turn(const gram_doc *g, size_t t0)
{
	const tok_list *tl = g->tl;
	if (t0 >= tl->n)
		return 0;
	size_t ps = t0;
	while (ps > 0 && !(tl->v[ps].flags & (TOK_NL | TOK_PARA)))
		ps--;
	lex_match wm[LEX_NKINDS];
	for (size_t e = ps + 1; e <= ps + 2 && e < tl->n; e++) {
		if (!is_fold(tl, e, ':'))
			continue;
		lex_match_at(g->lx, tl, g->d->text, ps, e, g->lang, wm);
		return wm[LEX_CUE].e && wm[LEX_CUE].e->sub == C_INTERVIEWER;
	}
	return 0;
}

/* "the same emergency authority that has sent billions of dollars of
 * arms to Ukraine": an English "that" right after a noun and right before
 * a verb of giving (or its auxiliary) is a subject relative pronoun, and
 * the clause it opens only says which thing is meant (see mark_relative).
 * The word is no cue of the lexicon, for it is far more often the
 * conjunction after a verb of saying ("said that Germany will send"),
 * where a state, not a verb, follows it; so its relative cue is added
 * here. */
static void mark_that_relatives(gram_doc *g, size_t t0)
{
	const tok_list *tl = g->tl;
	for (size_t i = 0; i < g->nm; i++) {
		const mention *m = &g->m[i];
		if (!relative_verb(m) || m->t0 < t0 + 2)
			continue;
		size_t t = m->t0 - 1;
		if (!tok_is(g, t, "that") || (i > 0 && g->m[i - 1].t1 > t))
			continue;
		/* after a cue ("said that", "announced that") or a word of the
		 * list before_that ("so that") it is the conjunction; after
		 * punctuation, no noun is there */
		if ((i > 0 && g->m[i - 1].t1 == t) || !(tl->v[t - 1].flags & TOK_WORD) ||
		    word_is(g, t - 1, W_BEFORE_THAT))
			continue;
		insert_cue(g, i, t, C_RELATIVE);
		i++;
	}
}

/* "Romania to give Ukraine a Patriot system as Kyiv appeals for more",
 * "sends tanks as Germany weighs its own": English "as" before a state
 * opens a clause of its own (the state is its subject), as "while"
 * does; not so after "such", "same", "known", "well", "so" ("countries
 * such as Poland"), nor before a possessive ("as Ukraine's ally").  The
 * word is no cue of the lexicon ("as" is also "like", "because",
 * "when"), so its clause cue is added here. */
static void mark_as_clauses(gram_doc *g, size_t t0, size_t t1)
{
	const tok_list *tl = g->tl;
	for (size_t i = 0; i < g->nm; i++) {
		const mention *m = &g->m[i];
		if (m->kind != M_ACTOR || m->sub == ACT_ADJ || m->t0 < t0 + 2)
			continue;
		size_t as = m->t0 - 1;
		if (strcmp(tok_fold(tl, &tl->v[as]), "as") || (i > 0 && g->m[i - 1].t1 > as))
			continue;
		/* "such as", "known as", "as well as" (word list before_as) */
		if (word_is(g, as - 1, W_BEFORE_AS) || is_fold(tl, as - 1, ','))
			continue;
		if (m->t1 < tl->n && (!strcmp(tok_fold(tl, &tl->v[m->t1]), "'s") || !strcmp(tok_fold(tl, &tl->v[m->t1]), "'")))
			continue;
		insert_cue(g, i, as, C_CLAUSE);
		i++;
	}
	/* "UK to send tanks as pressure mounts on Berlin": right after the
	 * object, "as" and a few words before a state open a clause too;
	 * not "as part of", "as a gift", "as soon as" (word list after_as) */
	for (size_t i = 0; i + 1 < g->nm; i++) {
		const mention *m = &g->m[i];
		if (m->kind != M_ITEM || m->t1 + 1 >= tl->n || g->m[i + 1].t0 <= m->t1)
			continue;
		size_t as = m->t1;
		if (strcmp(tok_fold(tl, &tl->v[as]), "as") || (tl->v[as + 1].flags & TOK_PUNCT))
			continue;
		const mention *n = &g->m[i + 1];
		if (word_is(g, as + 1, W_AFTER_AS) || n->kind != M_ACTOR || n->sub == ACT_ADJ || n->t0 > as + 5 || n->t0 == as + 1 ||
		    !no_punct(g, as, n->t0))
			continue;
		insert_cue(g, i + 1, as, C_CLAUSE);
		i++;
	}
	/* "EU approves 60 million for Moldova's army as drones stray over
	 * border": a headline's "as" joins two events, whatever follows */
	if (g->nsent != 1 || !g->head_end)
		return;
	for (size_t t = t0 + 2, i = 0; t + 1 < t1; t++) {
		while (i < g->nm && g->m[i].t1 <= t)
			i++;
		if ((i < g->nm && g->m[i].t0 <= t) || strcmp(tok_fold(tl, &tl->v[t]), "as") ||
		    (tl->v[t + 1].flags & TOK_PUNCT))
			continue;
		if (i < g->nm && g->m[i].kind == M_CUE && g->m[i].sub == C_CLAUSE && g->m[i].t0 == t)
			continue;
		if (word_is(g, t - 1, W_BEFORE_AS) || word_is(g, t + 1, W_AFTER_AS) || i >= g->nm)
			continue;
		insert_cue(g, i, t, C_CLAUSE);
	}
}

/* "The first howitzers arrived, and soldiers trained on the guns",
 * "pledged 31 of the tanks, and the remaining vehicles will follow": a
 * wider word (cue class hypernym: "guns", "vehicles") with a definite
 * article, after an item of another category in the sentence, names
 * those pieces again (a howitzer is a gun, a tank a vehicle), not small
 * arms or trucks.  The word is an item too, so the cue is looked up
 * here. */
static int definite_two_before(const gram_doc *g, size_t i)
{
	const mention *m = &g->m[i];
	if (i > 0 && cue_at(g, i - 1, C_ARTICLE)) {
		size_t gap = m->t0 - g->m[i - 1].t1;
		if (gap == 0)
			return 1;
		/* one lower-case word between: "the remaining vehicles" */
		return gap == 1 && !(g->tl->v[m->t0 - 1].flags & (TOK_CAP | TOK_PUNCT));
	}
	return 0;
}

static int tok_has_cue(const gram_doc *g, size_t t, int cls);

static void drop_gun_anaphors(gram_doc *g)
{
	size_t w = 0;
	const char *first_cat = NULL;
	for (size_t i = 0; i < g->nm; i++) {
		const mention *m = &g->m[i];
		int drop = 0;
		if (m->kind == M_ITEM && m->category && first_cat && !m->system && m->t1 == m->t0 + 1 &&
		    strcmp(m->category, first_cat) && definite_two_before(g, i)) {
			drop = tok_has_cue(g, m->t0, C_HYPERNYM);
		}
		if (m->kind == M_ITEM && m->category && !first_cat && !generic_category(m->category))
			first_cat = m->category;
		if (drop)
			continue;
		if (w != i)
			g->m[w] = *m;
		w++;
	}
	g->nm = w;
}

/* The item that follows mention i past "more", "weitere" and articles,
 * as an index of m[0, m1); m1 when the next mention there is no item. */
static size_t item_after(const gram_doc *g, size_t i, size_t m1)
{
	size_t j = i + 1;
	while (j < m1 && (cue_at(g, j, C_MORE) || cue_at(g, j, C_ARTICLE)))
		j++;
	return j < m1 && g->m[j].kind == M_ITEM ? j : m1;
}

/* Whether the actor m[i] stands right before an item of m[0, m1), past
 * "meer", "weitere" and articles: the object that would receive it ("dat
 * Duitsland Oekraïne meer tanks moet leveren", "hat Russland Hunderte
 * Drohnen geliefert"). */
static int object_before_item(const gram_doc *g, size_t i, size_t m1)
{
	size_t j = item_after(g, i, m1);
	return j < m1 && g->m[j].t0 - g->m[i].t1 <= 3;
}

/* Whether a cue or a state's adjective stands within three tokens after
 * digits, where it may be the currency of a sum: only then are the
 * sentence's numbers scanned for drop_money_words (they are scanned
 * lazily, for the sentences that need them). */
static int money_word_near(const gram_doc *g)
{
	const tok_list *tl = g->tl;
	for (size_t i = 0; i < g->nm; i++) {
		const mention *m = &g->m[i];
		if (m->kind != M_CUE && !(m->kind == M_ACTOR && m->sub == ACT_ADJ))
			continue;
		/* the three tokens before it in one test: every sentence asks
		 * this of each of its cues */
		const token *v = tl->v + m->t0;
		if (m->t0 >= 3) {
			if ((v[-1].flags | v[-2].flags | v[-3].flags) & TOK_NUM)
				return 1;
		} else {
			for (size_t k = 0; k < m->t0; k++)
				if (tl->v[k].flags & TOK_NUM)
					return 1;
		}
	}
	return 0;
}

/* "2,3 milliards de livres", "sieben Milliarden dänische Kronen": the
 * words of a sum of money name its currency, so none is a cue ("livres"
 * pounds folds to "livrés" delivered) or a state's adjective. */
static void drop_money_words(gram_doc *g, const num_span *nums, size_t nn)
{
	const tok_list *tl = g->tl;
	size_t w = 0;
	for (size_t i = 0; i < g->nm; i++) {
		const mention *m = &g->m[i];
		int in = 0;
		if (m->kind == M_CUE || (m->kind == M_ACTOR && m->sub == ACT_ADJ)) {
			size_t a = tl->v[m->t0].start, b = tl->v[m->t1 - 1].end;
			for (size_t k = 0; k < nn && !in; k++)
				in = (nums[k].flags & NUM_MONEY) && nums[k].start <= a && b <= nums[k].end;
		}
		if (in)
			continue;
		if (w != i)
			g->m[w] = *m;
		w++;
	}
	g->nm = w;
}

/* "WASHINGTON (AP) —", "Berlin (iwr-pressedienst) -", "Berlin -Die Ukraine",
 * "WASHINGTON, Oct 13 (Reuters) -", "Berne, 16 juin 2023 –", "KHARKIV,
 * Ukraine (AP) —", "Taipeh/Washington –": a dateline names where (and
 * when) the story was filed, not who acts.  It opens the sentence or a
 * line (after a headline the splitter kept with it): places joined by
 * commas and slashes, words only beside a number (the date), an agency in
 * brackets, then a dash. */
static int is_dash_token(const gram_doc *g, size_t t)
{
	const char *f = tok_fold(g->tl, &g->tl->v[t]);
	int32_t c;
	size_t k = utf8_decode(f, strlen(f), &c);
	return k && k == strlen(f) && fold_is_dash(c);
}

/* The mention one past the dateline that opens at the actor m[i], or i
 * when none does. */
static size_t dateline_end(const gram_doc *g, size_t i, size_t t1)
{
	const tok_list *tl = g->tl;
	size_t t = g->m[i].t1, j = i + 1;
	int words = 0, num = 0;
	for (size_t steps = 0; t < t1 && steps < 8; steps++) {
		if (j < g->nm && g->m[j].t0 == t) {
			if (g->m[j].kind != M_ACTOR || g->m[j].sub == ACT_ADJ)
				return i;
			t = g->m[j++].t1;
			continue;
		}
		/* the dash stands alone or runs into the next word ("-Die") */
		if (is_dash_token(g, t) || (tl->v[t].flags & TOK_LEADHYPH))
			return (!words || num) && t + 1 < t1 ? j : i;
		if (is_fold(tl, t, '(')) {
			size_t q = t + 1;
			while (q < t1 && q < t + 8 && !is_fold(tl, q, ')'))
				q++;
			if (q >= t1 || q >= t + 8)
				return i;
			while (j < g->nm && g->m[j].t0 < q)
				j++;
			t = q + 1;
			continue;
		}
		if (comma_at(g, t) || is_fold(tl, t, '/'))
			;
		else if (tl->v[t].flags & TOK_NUM)
			num = 1;
		else if ((tl->v[t].flags & TOK_WORD) && tl->v[t].flen <= 10)
			words = 1;
		else
			return i;
		t++;
	}
	return i;
}

/* "Thales Nederland levert radars", "Rheinmetall Italia": a state's
 * name right after a maker's is the name of the maker's branch there, a
 * company and no state that gives. */
static void drop_maker_branches(gram_doc *g)
{
	for (size_t i = 0; i + 1 < g->nm; i++) {
		const mention *a = &g->m[i + 1];
		if (!cue_at(g, i, C_MAKER) || a->kind != M_ACTOR || a->sub != ACT_NAME ||
		    a->t0 != g->m[i].t1 || !(g->tl->v[a->t0].flags & TOK_CAP))
			continue;
		memmove(g->m + i + 1, g->m + i + 2, (g->nm - i - 2) * sizeof *g->m);
		g->nm--;
	}
}

static void drop_dateline(gram_doc *g, size_t t0, size_t t1)
{
	/* a dateline opens at a state's name (note_mentions' bits) */
	if (!g->actors)
		return;
	for (size_t i = 0; i < g->nm; i++) {
		const mention *m = &g->m[i];
		if (m->kind != M_ACTOR || !(m->t0 == t0 || (g->tl->v[m->t0].flags & TOK_NL)))
			continue;
		size_t j = dateline_end(g, i, t1);
		if (j == i)
			continue;
		if (!g->dateline)
			g->dateline = m->code;
		memmove(g->m + i, g->m + j, (g->nm - j) * sizeof *g->m);
		g->nm -= j - i;
		return;
	}
}

/* "Seoul: Pjöngjang schickt Moskau Granaten", "Zuid-Korea: Noord-Korea
 * stuurde granaten": a state before a colon that opens the sentence, with
 * another state right after it, is whose account it is, not who acts. */
static void drop_source_prefix(gram_doc *g, size_t t0, size_t t1)
{
	if (g->nm < 2 || g->m[0].kind != M_ACTOR || g->m[0].sub == ACT_ADJ || g->m[0].t0 != t0)
		return;
	size_t t = g->m[0].t1;
	const mention *n = &g->m[1];
	if (t + 1 >= t1 || !is_fold(g->tl, t, ':') || n->kind != M_ACTOR || n->sub == ACT_ADJ ||
	    n->t0 > t + 2 || n->code == g->m[0].code)
		return;
	memmove(g->m, g->m + 1, (g->nm - 1) * sizeof *g->m);
	g->nm--;
}

/* "Ringtausch mit der Slowakei: Deutschland liefert ...", "Hilfe aus
 * Polen: Tschechien schickt ...": a short topic label with no predicate
 * that opens the sentence and ends at a colon, with a state right after
 * the colon to act, only says what the news is about; its states are no
 * party of the clause (its items stay: "Panzer für Kiew: ..."). */
static int pred_cue(const mention *m);

static void drop_topic_label(gram_doc *g, size_t t0, size_t t1)
{
	size_t tc = t0;
	while (tc < t1 && tc < t0 + 6 && !is_fold(g->tl, tc, ':'))
		tc++;
	if (tc >= t1 || tc >= t0 + 6 || tc == t0)
		return;
	size_t after = 0, label_actors = 0;
	while (after < g->nm && g->m[after].t0 < tc) {
		if (pred_cue(&g->m[after]))
			return;
		label_actors += g->m[after].kind == M_ACTOR;
		after++;
	}
	if (!label_actors || after >= g->nm)
		return;
	size_t a = after;
	if (cue_at(g, a, C_ARTICLE) && a + 1 < g->nm)
		a++;
	const mention *n = &g->m[a];
	if (n->kind != M_ACTOR || n->sub == ACT_ADJ || n->t0 > tc + 2)
		return;
	size_t w = 0;
	for (size_t i = 0; i < g->nm; i++) {
		if (i < after && g->m[i].kind == M_ACTOR)
			continue;
		if (w != i)
			g->m[w] = g->m[i];
		w++;
	}
	g->nm = w;
}

/* "travelling on a train", "conditions of travel on trains": a training
 * verb right after an article or a preposition is a noun, and names
 * nothing given. */
static void drop_train_nouns(gram_doc *g)
{
	size_t w = 0;
	for (size_t i = 0; i < g->nm; i++) {
		const mention *m = &g->m[i];
		if (m->kind == M_CUE && (m->sub == C_TRAIN || m->sub == C_TRAINED) && w > 0) {
			const mention *p = &g->m[w - 1];
			/* "a proposé de former des soldats", "pour former des
			 * pilotes": French "de", "pour", "à" before an infinitive
			 * mark the verb, not a noun */
			const token *t = &g->tl->v[m->t0];
			const char *f = tok_fold(g->tl, t);
			int fr_inf = g->lang == LANG_FR && p->kind == M_CUE &&
			             (p->sub == C_SOURCE || p->sub == C_RECIP) &&
			             m->t1 == m->t0 + 1 && t->flen > 2 && !memcmp(f + t->flen - 2, "er", 2);
			if (p->kind == M_CUE && p->t1 == m->t0 && !fr_inf &&
			    (p->sub == C_ARTICLE || p->sub == C_RECIP || p->sub == C_SOURCE ||
			     p->sub == C_CARRYING))
				continue;
		}
		if (w != i)
			g->m[w] = *m;
		w++;
	}
	g->nm = w;
}

/* "Instead of tanks, Norway sends shells", "in plaats van tanks", "statt
 * Kampfpanzern", "au lieu de chars": what stands after "instead of" is
 * what is not given.  The items of that phrase (with their articles,
 * adjectives and coordination, up to a comma or the next other word of
 * the grammar) are dropped. */
static int no_punct(const gram_doc *g, size_t t0, size_t t1);

static void drop_instead_items(gram_doc *g)
{
	size_t w = 0, open = 0, last_t = 0;
	for (size_t i = 0; i < g->nm; i++) {
		const mention *m = &g->m[i];
		/* "ohne deutsche Soldaten", "without ammunition": what the
		 * clause goes without is not given either */
		if (m->kind == M_CUE && (m->sub == C_INSTEAD || m->sub == C_WITHOUT)) {
			open = 1;
			last_t = m->t1;
			/* the without cue stays: after_without reads it for a
			 * consent the clause goes without */
			if (m->sub == C_INSTEAD)
				continue;
			if (w != i)
				g->m[w] = *m;
			w++;
			continue;
		}
		if (open) {
			int inside = no_punct(g, last_t, m->t0) &&
			             (m->kind == M_ITEM ||
			              (m->kind == M_CUE &&
			               (m->sub == C_ARTICLE || m->sub == C_COORD || m->sub == C_OR ||
			                m->sub == C_SOURCE ||
			                m->sub == C_DEMONSTRATIVE || m->sub == C_POSSESSIVE ||
			                m->sub == C_MORE)) ||
			              (m->kind == M_ACTOR && m->sub == ACT_ADJ));
			if (!inside) {
				open = 0;
			} else {
				last_t = m->t1;
				if (m->kind == M_ITEM)
					continue;
			}
		}
		if (w != i)
			g->m[w] = *m;
		w++;
	}
	g->nm = w;
}

static void trace_mentions(const gram_doc *g, size_t t0, size_t t1)
{
	const tok_list *tl = g->tl;
	if (g->nsent == 1) {   /* gram_scan counted this sentence */
		const struct gram_recip_why *w = g->recip_why;
		fprintf(g->trace, "\n# document recipient: %s", w[0].code ? w[0].code : "none");
		for (int k = 0; k < 2 && w[k].code; k++)
			fprintf(g->trace, "%s%s score %d named %d", k ? "; next " : " (", w[k].code,
			        w[k].score, w[k].named);
		fprintf(g->trace, "%s\n", w[0].code ? ")" : "");
	}
	fprintf(g->trace, "\n# %.*s\n", (int)(tl->v[t1 - 1].end - tl->v[t0].start),
	        g->d->text + tl->v[t0].start);
	for (size_t i = 0; i < g->nm; i++) {
		const mention *m = &g->m[i];
		const char *txt = g->d->text + tl->v[m->t0].start;
		int len = (int)(tl->v[m->t1 - 1].end - tl->v[m->t0].start);
		if (m->kind == M_ACTOR)
			fprintf(g->trace, "  actor %s/%s%s%s%s '%.*s'\n", m->code, lex_actor_kinds[m->sub],
			        m->role == ROLE_RECIP ? " recip" : m->role == ROLE_SOURCE ? " source" : "",
			        m->origin_only ? " origin" : "", m->rel ? " rel" : "", len, txt);
		else if (m->kind == M_ITEM)
			fprintf(g->trace, "  item  %s%s%s '%.*s'\n", m->category, m->system ? " " : "",
			        m->system ? m->system : "", len, txt);
		else
			fprintf(g->trace, "  cue   %s%s '%.*s'\n", gram_cue_classes[m->sub],
			        m->rel ? " rel" : "", len, txt);
	}
}

/* ---- step 2..5 ---- */

typedef struct clause {
	size_t m0, m1;      /* mentions [m0, m1) */
	size_t t0, t1;      /* tokens */
	const struct mention *antecedent;      /* of a clause opened by ", which" */
	const struct mention *next_antecedent; /* for the clause after this one */
	int gapped;         /* its verb is the clause before's (gap_or_subject) */
	int resumes;        /* the main clause going on after a relative closed */
} clause;

static int cue_at(const gram_doc *g, size_t i, int cls)
{
	const mention *m = &g->m[i];
	return m->kind == M_CUE && m->sub == cls;
}

/* Whether the sentence has a cue of class cls anywhere.  gram_sentence
 * notes the classes of its mentions once, so that a rule looking for a
 * rare cue does not walk the mentions of every clause (or item) to find
 * none; only for what gram_sentence calls. */
_Static_assert(C_NCLASSES <= 128, "gram_doc.cues and cues_hi hold a bit per cue class");
static int has_cue(const gram_doc *g, int cls)
{
	return cls < 64 ? (int)(g->cues >> cls & 1) : (int)(g->cues_hi >> (cls - 64) & 1);
}

/* Token distance between two mentions. */
static size_t mdist(const mention *a, const mention *b)
{
	if (a->t1 <= b->t0)
		return b->t0 - a->t1;
	if (b->t1 <= a->t0)
		return a->t0 - b->t1;
	return 0;
}

/* Does cue m stand right before the separated particle of verb pm, with
 * at most one word between ("sluit de levering van F-16's aan Oekraïne
 * niet uit", "schließt ... nicht mehr aus")?  Such a negation is the
 * verb's however far its finite form stands. */
static int before_particle(const mention *m, const mention *pm)
{
	return pm->part && m->t1 <= pm->part && pm->part - m->t1 <= 1;
}

static int is_short_function_word(const gram_doc *g, size_t i)
{
	const token *t = &g->tl->v[i];
	if (t->flags & TOK_PUNCT)
		return 0;
	return t->flen <= 3 || (t->flen <= 4 && !(t->flags & TOK_CAP));
}

/* Whether the actors m[i] and m[i + 1] stand with only a comma between,
 * or a comma and the article of the second ("par les États-Unis,
 * l'Allemagne et les Pays-Bas", "uit Polen, de VS en Canada"). */
static int comma_joined(const gram_doc *g, size_t i)
{
	const mention *a = &g->m[i], *b = &g->m[i + 1];
	if (a->kind != M_ACTOR || b->kind != M_ACTOR || b->t0 < a->t1 + 1 || b->t0 > a->t1 + 2)
		return 0;
	if (b->t0 == a->t1 + 2 && !is_short_function_word(g, a->t1 + 1))
		return 0;
	return comma_at(g, a->t1);
}

/* Whether the actor m[i] is inside a list "A, B and C" (of m[0, m1))
 * that goes on to a coordinator. */
static int in_comma_list(const gram_doc *g, size_t i, size_t m1)
{
	size_t j = i;
	while (j + 1 < m1 && comma_joined(g, j))
		j++;
	return j + 2 < m1 && (cue_at(g, j + 1, C_COORD) || cue_at(g, j + 1, C_OR)) &&
	       g->m[j + 1].t0 == g->m[j].t1;
}

/* Whether the list whose actor m[k] is (of m[m0, ...)) hangs on a noun:
 * its preposition stands right after an item or a transfer noun
 * ("Patriot systems from Germany and the United States have arrived",
 * "deliveries from Poland, Norway and Denmark"). */
static int list_on_noun(const gram_doc *g, size_t k, size_t m0)
{
	while (k > m0 && comma_joined(g, k - 1))
		k--;
	size_t j = k;
	while (j > m0 && cue_at(g, j - 1, C_ARTICLE))
		j--;
	if (j < m0 + 2 || !(cue_at(g, j - 1, C_SOURCE) || cue_at(g, j - 1, C_RECIP)))
		return 0;
	/* past a head noun the item leaves out ("air-defence systems",
	 * "F-16's"), not past a comma */
	const mention *n = &g->m[j - 2];
	if (n->t1 + 2 < g->m[j - 1].t0)
		return 0;
	for (size_t t = n->t1; t < g->m[j - 1].t0; t++)
		if (comma_at(g, t) || is_fold(g->tl, t, ';'))
			return 0;
	return n->kind == M_ITEM || (n->kind == M_CUE && n->sub == C_TRANSFER_NOUN);
}

/* Marks actors preceded by a recipient or source preposition. */
static int gives_own_item(const gram_doc *g, size_t i);
static int pred_cue(const mention *m);

/* "Quelques heures plus tard, à Copenhague, la Première ministre ...",
 * "a indiqué mercredi à Séoul un député": a capital after "à"/"in" that
 * sets the scene (before any verb that gives, followed by a comma) or
 * says where something was said is a place, not a recipient.  c is the
 * preposition's mention. */
static int is_location(const gram_doc *g, size_t m0, size_t c, const mention *a)
{
	if (c > m0 && cue_at(g, c - 1, C_REPORT) && g->m[c].t0 - g->m[c - 1].t1 <= 2)
		return 1;
	/* "officials in Madrid", "le porte-parole du gouvernement à Tokyo",
	 * "ein Sprecher in Berlin": right after the noun of an official it is
	 * where the official sits, unless the official is the one given to
	 * ("to the government in Kyiv") */
	if (c > m0 && cue_at(g, c - 1, C_ACTOR_HEAD) && g->m[c].t0 == g->m[c - 1].t1) {
		size_t k = c - 1;
		while (k > m0 && g->m[k - 1].kind == M_CUE &&
		       (g->m[k - 1].sub == C_ACTOR_HEAD || g->m[k - 1].sub == C_ARTICLE ||
		        g->m[k - 1].sub == C_SOURCE) &&
		       g->m[k].t0 - g->m[k - 1].t1 <= 1)
			k--;
		if (!(k > m0 && cue_at(g, k - 1, C_RECIP) && g->m[k].t0 - g->m[k - 1].t1 <= 1))
			return 1;
	}
	if (a->t1 >= g->tl->n || !comma_at(g, a->t1))
		return 0;
	for (size_t j = m0; j < c; j++)
		if (g->m[j].kind == M_CUE && g->m[j].sub <= C_RECEIVE)
			return 0;
	return 1;
}

/* Whether the state a at the head of its sentence, after the
 * preposition at mention r and before a comma (past at most one word:
 * "En Slovaquie voisine, le chef du gouvernement a annoncé", "In
 * Germany, the debate goes on"), sets the scene: where the sentence's
 * story happens, not a party of it.  The document's recipient is left
 * alone ("À Kiev, on attend les chars"). */
static int tok_is(const gram_doc *g, size_t t, const char *w);

static int scene_setting(const gram_doc *g, size_t r, const mention *a)
{
	const mention *p = &g->m[r];
	if (p->t0 != g->sent_t0 || a->t0 > p->t1 + 1 || a->code == g->doc_recipient ||
	    (a->sub != ACT_NAME && a->sub != ACT_CAPITAL))
		return 0;
	if (!(tok_is(g, p->t0, "en") || tok_is(g, p->t0, "a") || tok_is(g, p->t0, "in")))
		return 0;
	size_t t = a->t1;
	if (t + 1 < g->tl->n && !(g->tl->v[t].flags & TOK_PUNCT) && !(g->tl->v[t].flags & TOK_CAP))
		t++;
	return t < g->tl->n && comma_at(g, t);
}

/* Whether token t's folded form is w. */
static int tok_is(const gram_doc *g, size_t t, const char *w)
{
	const token *k = &g->tl->v[t];
	return k->flen == strlen(w) && !memcmp(g->tl->arena.p + k->fold, w, k->flen);
}

/* Whether the preposition at mention r is the French "à" of the seller
 * right after a verb or noun of buying ("acheter aux États-Unis",
 * "l'achat à l'Allemagne", "commandés à la Corée du Sud"); "pour" after
 * it names whom the purchase is for. */
static int bought_from(const gram_doc *g, size_t m0, size_t r)
{
	const mention *p = &g->m[r];
	if (r == m0 || !cue_at(g, r - 1, C_PURCHASE) || p->t0 != g->m[r - 1].t1 || p->t1 != p->t0 + 1)
		return 0;
	return tok_is(g, p->t0, "a") || tok_is(g, p->t0, "au") || tok_is(g, p->t0, "aux");
}

/* Whether a cue of class cls ends at most six tokens before mention i
 * (from m0 on), with no punctuation and no predicate between. */
static int cue_shortly_before(const gram_doc *g, size_t m0, size_t i, int cls)
{
	if (!has_cue(g, cls))
		return 0;
	for (size_t j = i; j-- > m0;) {
		const mention *c = &g->m[j];
		if (g->m[i].t0 > c->t1 + 6 || !no_punct(g, c->t1, g->m[i].t0) || pred_cue(c))
			return 0;
		if (cue_at(g, j, cls))
			return 1;
	}
	return 0;
}

/* Whether the preposition at mention r follows a noun of a meeting
 * ("lors du sommet du Conseil de l'Europe à Reykjavik", "at the summit
 * in Vilnius"): the state it introduces is the venue. */
static int at_meeting(const gram_doc *g, size_t m0, size_t r)
{
	return cue_shortly_before(g, m0, r, C_MEETING);
}

/* Whether mention m is a verb that gives: delivers, promises or
 * transfers. */
static int giving_cue(const mention *m)
{
	return m->kind == M_CUE &&
	       (m->sub == C_DELIVERED || m->sub == C_COMMITTED || m->sub == C_TRANSFER);
}

/* Whether the tokens [t0, t1) hold no punctuation. */
static int no_punct(const gram_doc *g, size_t t0, size_t t1)
{
	for (size_t t = t0; t < t1; t++)
		if (g->tl->v[t].flags & TOK_PUNCT)
			return 0;
	return 1;
}

/* Whether a comma stands among the tokens [t0, t1). */
static int comma_between(const gram_doc *g, size_t t0, size_t t1)
{
	for (size_t t = t0; t < t1; t++)
		if (comma_at(g, t))
			return 1;
	return 0;
}

/* Whether "with" at mention w is followed by its items and then, right
 * after them or past a short phrase of what they are for, the verb that
 * gives ("mit weiteren Panzern versorgen", "mit Drohnen zur
 * Grenzüberwachung auszustatten"). */
static int verb_after_with(const gram_doc *g, size_t w, size_t m1)
{
	size_t j = item_after(g, w, m1);
	if (j >= m1 || g->m[j].t0 - g->m[w].t1 > 3)
		return 0;
	while (j + 1 < m1 && g->m[j + 1].kind == M_ITEM && g->m[j + 1].t0 - g->m[j].t1 <= 1)
		j++;
	size_t v = j + 1;
	while (v < m1 && (cue_at(g, v, C_RECIP) || cue_at(g, v, C_ARTICLE)))
		v++;
	if (v >= m1 || g->m[v].t0 - g->m[j].t1 > 3)
		return 0;
	if (!no_punct(g, g->m[j].t1, g->m[v].t0))
		return 0;
	return giving_cue(&g->m[v]);
}

/* Whether the actor at mention i stands in a concessive phrase ("malgré
 * les protestations de l'Azerbaïdjan", "despite objections from
 * Hungary", "ondanks Russisch protest", "trotz der Kritik Moskaus"): the
 * word of conceding before it in the same stretch, at most six tokens
 * back, no punctuation and no predicate between. */
static int conceded(const gram_doc *g, size_t m0, size_t i)
{
	return cue_shortly_before(g, m0, i, C_DESPITE);
}

static int genitive_s(const gram_doc *g, size_t t0, size_t t1);
/* Whether actor mention i is the topic its sentence opens with
 * ("Concernant la Géorgie, le ministre ...", "Sur l'Ukraine, ..."): a
 * topic word first, the state within two tokens of it, then a comma. */
static int topic_state(const gram_doc *g, size_t i)
{
	const mention *a = &g->m[i];
	/* "Was Armenien betrifft, ...", "Wat Armenië betreft, ...": the
	 * German and Dutch opener frames the state, whose closing verb comes
	 * right after it; one word (with an article, two) stands before */
	if (i + 1 < g->nm && cue_at(g, i + 1, C_TOPIC_CLOSE) && g->m[i + 1].t0 == a->t1 &&
	    a->t0 > g->sent_t0 && a->t0 <= g->sent_t0 + 2 && a->sub != ACT_ADJ) {
		size_t e = g->m[i + 1].t1;
		const token *k = e < g->tl->n ? &g->tl->v[e] : NULL;
		return k && (k->flags & TOK_PUNCT) && g->tl->arena.p[k->fold] == ',';
	}
	if (i == 0 || !cue_at(g, i - 1, C_TOPIC) || g->m[i - 1].t0 != g->sent_t0)
		return 0;
	if (a->t0 > g->m[i - 1].t1 + 2 || a->sub == ACT_ADJ)
		return 0;
	const token *k = a->t1 < g->tl->n ? &g->tl->v[a->t1] : NULL;
	return k && (k->flags & TOK_PUNCT) && g->tl->arena.p[k->fold] == ',';
}

static void mark_roles(gram_doc *g, size_t m0, size_t m1)
{
	for (size_t i = m0; i < m1; i++) {
		mention *a = &g->m[i];
		if (a->kind != M_ACTOR)
			continue;
		/* "stood ready to provide training if Chisinau asked", "could
		 * send more if Kyiv requests it": the state whose request an
		 * offer waits for is the one that would receive, no giver */
		if (i > m0 && i + 1 < m1 && a->sub != ACT_ADJ && cue_at(g, i - 1, C_IF) &&
		    g->m[i - 1].t1 == a->t0 && cue_at(g, i + 1, C_REQUESTED) &&
		    g->m[i + 1].t0 == a->t1) {
			a->role = ROLE_RECIP;
			continue;
		}
		/* "Iran, another supplier of Moscow, has delivered": the state
		 * after a noun of supplying and its "of" is the one supplied */
		if (i > m0 && ((cue_at(g, i - 1, C_SUPPLIER_OF) && g->m[i - 1].t1 == a->t0) ||
		               (i > m0 + 1 && cue_at(g, i - 1, C_ARTICLE) && g->m[i - 1].t1 == a->t0 &&
		                cue_at(g, i - 2, C_SUPPLIER_OF) && g->m[i - 2].t1 == g->m[i - 1].t0))) {
			a->role = ROLE_RECIP;
			continue;
		}
		if (topic_state(g, i)) {
			a->role = ROLE_RECIP;
			continue;
		}
		/* "Washington accuse Téhéran d'avoir livré", "Washington
		 * accuses Tehran of": the accuser, right before its verb and
		 * with a state after it, is no party of what it tells */
		if (i + 2 < m1 && cue_at(g, i + 1, C_ACCUSE) && g->m[i + 1].t0 <= a->t1 + 1 &&
		    g->m[i + 2].kind == M_ACTOR && g->m[i + 2].t0 <= g->m[i + 1].t1 + 3 &&
		    no_punct(g, g->m[i + 1].t1, g->m[i + 2].t0)) {
			a->origin_only = 1;
			continue;
		}
		/* a state that protests is no party of the transfer */
		if (conceded(g, m0, i)) {
			a->origin_only = 1;
			continue;
		}
		/* "applied to Berlin for permission", "turned to Washington for
		 * approval": the state between "to" and "for" a permission is
		 * the one asked, not the one who receives */
		if (i > m0 && i + 2 < m1 && a->sub != ACT_ADJ && cue_at(g, i - 1, C_RECIP) &&
		    g->m[i - 1].t1 == a->t0 && cue_at(g, i + 1, C_RECIP) && g->m[i + 1].t0 == a->t1 &&
		    (cue_at(g, i + 2, C_PERMISSION) || cue_at(g, i + 2, C_CONS_REQ) ||
		     cue_at(g, i + 2, C_CONS_GRANT)) && g->m[i + 2].t0 <= g->m[i + 1].t1 + 1)
			continue;
		/* "from Germany, Denmark and the Netherlands": an actor after a
		 * comma in a list shares the role of the one before it */
		if (i > m0 && comma_joined(g, i - 1) && g->m[i - 1].role != ROLE_NONE &&
		    in_comma_list(g, i, m1)) {
			a->role = g->m[i - 1].role;
			continue;
		}
		/* a state (not a state's adjective) right before "with", or
		 * before the "de" of its items ("doter la Moldavie de radars") */
		int with_next = 0;
		if (i > m0 && i + 1 < m1 && a->sub != ACT_ADJ && g->m[i + 1].t0 == a->t1) {
			with_next = cue_at(g, i + 1, C_CARRYING);
			if (!with_next && cue_at(g, i + 1, C_SOURCE)) {
				size_t it = item_after(g, i + 1, m1);
				with_next = it < m1 && g->m[it].t0 - g->m[i + 1].t1 <= 1;
			}
		}
		/* "supplied Russia with drones", "versorgt Russland seit dem
		 * Herbst mit Drohnen": the state between a transfer verb and
		 * "with" receives */
		if (!with_next && i > m0 && i + 1 < m1 && a->sub != ACT_ADJ &&
		    cue_at(g, i + 1, C_CARRYING) && g->m[i + 1].t0 - a->t1 <= 5)
			with_next = no_punct(g, a->t1, g->m[i + 1].t0);
		/* "to equip Ghana's armed forces with armoured vehicles": the
		 * state's forces named after it are still the state that
		 * receives */
		if (!with_next && i > m0 && i + 2 < m1 && a->sub != ACT_ADJ &&
		    cue_at(g, i + 1, C_ACTOR_HEAD) &&
		    (g->m[i + 1].t0 == a->t1 || genitive_s(g, a->t1, g->m[i + 1].t0)) &&
		    cue_at(g, i + 2, C_CARRYING) && g->m[i + 2].t0 == g->m[i + 1].t1)
			with_next = 1;
		if (with_next && giving_cue(&g->m[i - 1]) && a->t0 - g->m[i - 1].t1 <= 1) {
			a->role = ROLE_RECIP;
			continue;
		}
		/* "soll Russland mit Artilleriemunition versorgen", "voorziet
		 * Rusland van drones": with the verb last, the state before
		 * "with" and its items receives; so does the state right before
		 * a verb that gives and its "with" ("Moldavië uit te rusten met
		 * drones") */
		int verb_with = i > m0 && i + 2 < m1 && a->sub != ACT_ADJ && giving_cue(&g->m[i + 1]) &&
		                g->m[i + 1].t0 == a->t1 && cue_at(g, i + 2, C_CARRYING) &&
		                g->m[i + 2].t0 == g->m[i + 1].t1;
		if ((with_next && verb_after_with(g, i + 1, m1)) || verb_with) {
			/* not the agent of a passive ("wurde von Deutschland mit
			 * Panzern beliefert") */
			int subject = 0;
			for (size_t j = m0; j < i; j++) {
				if (g->m[j].kind == M_ACTOR && g->m[j].code != a->code)
					subject = 1;
				if (cue_at(g, j, C_AUX_PASSIVE))
					subject = 0;
			}
			if (subject) {
				a->role = ROLE_RECIP;
				continue;
			}
		}
		/* the closest preceding cue within two function words */
		size_t from = a->t0;   /* where the actor's phrase starts */
		int head_adj = 0;      /* "à l'armée moldave": from its noun */
		for (size_t j = i; j-- > m0;) {
			const mention *c = &g->m[j];
			if (from - c->t1 > 2)
				break;
			if (c->kind != M_CUE)
				break;
			int ok = 1;
			for (size_t t = c->t1; t < from; t++)
				if (!is_short_function_word(g, t))
					ok = 0;
			if (!ok)
				break;
			/* "to the UK": look past the article; "à l'armée
			 * ukrainienne": past the noun a French adjective follows */
			/* "nach Angaben von Verteidigungsminister Pistorius": past
			 * the title to the report cue before it */
			if (c->sub == C_ACTOR_HEAD && a->sub == ACT_ADJ && c->t1 == a->t0 && from == a->t0) {
				from = c->t0;   /* the phrase starts at its noun */
				head_adj = 1;
				continue;
			}
			if (c->sub == C_ARTICLE || c->sub == C_MORE || (c->sub == C_ACTOR_HEAD && a->sub == ACT_ADJ))
				continue;
			if (c->sub == C_ACTOR_HEAD && a->sub == ACT_PERSON && c->t1 == a->t0) {
				from = c->t0;
				continue;
			}
			if (from != a->t0 && c->sub != C_REPORT && !head_adj)
				break;   /* "in a letter from Minister X" keeps its role */
			/* "voor 3 miljoen aan Franse munitie": an adjective on
			 * an item qualifies the item, it receives nothing */
			/* "durch die Niederlande und Dänemark": an actor
			 * coordinated to one after a preposition shares its role,
			 * unless a verb of its own follows ("to Poland and Norway
			 * sent") */
			/* ... but the verb after a list that hangs on a noun is
			 * the noun's ("tanks from Poland and Norway arrived") */
			if (c->sub == C_COORD) {
				if (j > m0 && g->m[j - 1].kind == M_ACTOR && g->m[j - 1].t1 == c->t0 &&
				    g->m[j - 1].role != ROLE_NONE &&
				    !(i + 1 < m1 && g->m[i + 1].kind == M_CUE && g->m[i + 1].sub <= C_RECEIVE &&
				      g->m[i + 1].t0 - a->t1 <= 1 && !list_on_noun(g, j - 1, m0)))
					a->role = g->m[j - 1].role;
				break;
			}
			/* "indique-t-on au ministère", "said at the ministry": a
			 * preposition right after a verb of saying names where or
			 * to whom it was said, whose account it is */
			if (c->sub == C_RECIP && j > m0 &&
			    (cue_at(g, j - 1, C_REPORT) ||
			     (j > m0 + 1 && cue_at(g, j - 1, C_PRONOUN) && cue_at(g, j - 2, C_REPORT) &&
			      c->t0 - g->m[j - 2].t1 <= 3)) &&
			    c->t0 - g->m[j - 1].t1 <= 1) {
				a->weak = 1;
				break;
			}
			/* "contrairement à l'Allemagne": a state set against
			 * the subject takes no part */
			if (c->sub == C_UNLIKE) {
				a->origin_only = 1;
				break;
			}
			/* "acheter aux États-Unis un système pour l'Ukraine",
			 * "commandés à la Corée": the state one buys from
			 * sells; it gives nothing */
			if (c->sub == C_RECIP && bought_from(g, m0, j)) {
				a->origin_only = 1;
				break;
			}
			if (c->sub == C_RECIP && scene_setting(g, j, a)) {
				a->origin_only = 1;
				break;
			}
			/* (a meeting in the state the story is about may
			 * well be where it is given to) */
			if (c->sub == C_RECIP && ((a->sub == ACT_CAPITAL && is_location(g, m0, j, a)) ||
			                          (a->code != g->doc_recipient && at_meeting(g, m0, j))))
				a->origin_only = 1;   /* a place: no party of the clause */
			else if (c->sub == C_RECIP && !(a->sub == ACT_ADJ && i + 1 < m1 &&
			                           g->m[i + 1].kind == M_ITEM &&
			                           g->m[i + 1].t0 - a->t1 <= 1))
				a->role = ROLE_RECIP;
			/* "Abwehrsysteme gegen Raketen aus Iran", "defence against
			 * drones from Iran": where a target comes from is the
			 * attacker's state, no party of the clause */
			else if (c->sub == C_SOURCE && j >= m0 + 2 && g->m[j - 1].kind == M_ITEM &&
			         cue_at(g, j - 2, C_AGAINST) && g->m[j - 1].t0 - g->m[j - 2].t1 <= 1 &&
			         c->t0 == g->m[j - 1].t1)
				a->origin_only = 1;
			else if (c->sub == C_SOURCE)
				a->role = ROLE_SOURCE;
			/* "nach Angaben der US-Regierung", "according to
			 * Washington": whose account it is, a party only when no
			 * other is named */
			else if (c->sub == C_REPORT)
				a->weak = 1;
			break;
		}
		/* an adjective right before an item word qualifies the item:
		 * "Duitse tanks", "German-made howitzers"; before "regering",
		 * "government", "Regierung" it names the actor; before any other
		 * noun ("nach dem russischen Angriff") it is only a weak hint */
		if (a->sub == ACT_ADJ) {
			const mention *n = i + 1 < m1 ? &g->m[i + 1] : NULL;
			/* "Duitse tanks" names where the tanks come from, but
			 * "het Noorse hulppakket" who gives */
			if (n && n->kind == M_ITEM && n->t0 - a->t1 <= 2 && !n->system &&
			    n->category && generic_category(n->category))
				;
			else if (n && n->kind == M_ITEM && n->t0 - a->t1 <= 2)
				a->origin_only = 1;
			/* "the launchers are American", "die Panzer sind deutsch":
			 * an adjective after the verb "to be" says where the
			 * item comes from; it is no party of the clause */
			else if (i > m0 && cue_at(g, i - 1, C_AUX_PASSIVE) && a->t0 == g->m[i - 1].t1 &&
			         i > m0 + 1 && (g->m[i - 2].kind == M_ITEM || cue_at(g, i - 2, C_ARTICLE)))
				a->origin_only = 1;
			else if (!(n && n->kind == M_CUE && n->sub == C_ACTOR_HEAD && n->t0 - a->t1 <= 1) &&
			         !(i > m0 && cue_at(g, i - 1, C_ACTOR_HEAD) && a->t0 - g->m[i - 1].t1 <= 0))
				a->weak = 1;
		}
	}
}

/* "Nederlandse en Duitse trainers": adjectives coordinated to one that
 * qualifies an item qualify it too. */
static void mark_coordinated_origins(gram_doc *g, size_t m0, size_t m1)
{
	for (size_t i = m1; i-- > m0;) {
		mention *a = &g->m[i];
		if (a->kind != M_ACTOR || a->sub != ACT_ADJ || a->origin_only || i + 2 >= m1)
			continue;
		const mention *o = &g->m[i + 2];
		if (cue_at(g, i + 1, C_COORD) && o->kind == M_ACTOR && o->sub == ACT_ADJ && o->origin_only &&
		    g->m[i + 1].t0 == a->t1 && o->t0 == g->m[i + 1].t1) {
			a->origin_only = 1;
			a->weak = 0;
		}
	}
}

/* What one clause asserts. */
typedef struct pred {
	int prov;         /* provision type, or -1 */
	int prov2;        /* a second one: "refused the request" is requested + refused */
	int cons[3];      /* consent types */
	size_t ncons;
	int receive;      /* the subject receives: roles turn round */
	int passive;      /* a passive auxiliary: "door X" / "by X" is the agent */
	int transferish;  /* a transfer verb or noun stands in the clause */
	int tentative;    /* a bare present transfer verb read as a pledge */
	int present;      /* ... and a finite or participle form, not "to send" */
	int transit;      /* the clause names ground crossed (transit_at) */
	int approve;      /* a request approved, for a transfer the clause names */
	int reply;        /* the answer a request noun gets: refused, committed (approved), considering; or -1 */
	int backref;      /* a consent request that refers back to the consent just told */
	const mention *by; /* the state that permits, named after "mag van" */
	const mention *owner; /* the state that ground is named of, or NULL */
	const mention *asker; /* a state other than the document's recipient that
	                         asks for items for itself (own_request) */
} pred;

/* "Kyiv heeft toegezegd de raketten alleen op eigen grondgebied in te
 * zetten": the recipient, as the subject right before a verb that gives,
 * promises or refuses, acts itself; the clause is no donor's story to go
 * on with.  Not when it receives, is given to (a passive), or speaks. */
static int recipient_acts(const gram_doc *g, const clause *c, const char *recipient,
                          const pred *p)
{
	if (!recipient || p->receive || p->passive)
		return 0;
	size_t i = c->m0;
	while (i < c->m1 && g->m[i].kind == M_CUE && !(g->m[i].sub <= C_RECEIVE))
		i++;
	if (i >= c->m1 || g->m[i].kind != M_ACTOR || g->m[i].code != recipient ||
	    g->m[i].role != ROLE_NONE)
		return 0;
	for (size_t j = i + 1; j < c->m1 && g->m[j].t0 <= g->m[i].t1 + 3; j++) {
		const mention *n = &g->m[j];
		if (n->kind != M_CUE)
			return 0;
		if (n->sub <= C_RECEIVE)
			return n->sub != C_RECEIVE && n->sub != C_REQUESTED && n->sub != C_TRANSFER_NOUN;
	}
	return 0;
}

/* Whether a verb of passing ("pass", "passieren", "passer", "passeren")
 * follows the verb of letting at mention li in the clause, with the
 * materiel let through named after the verb of letting. */
static int let_pass(const gram_doc *g, const clause *c, size_t li)
{
	int item = 0;
	for (size_t i = li + 1; i < c->m1; i++) {
		if (g->m[i].kind == M_ITEM)
			item = 1;
		if (cue_at(g, i, C_PASS_VERB) && !g->m[i].rel)
			return item || (i + 1 < c->m1 && g->m[i + 1].kind == M_ITEM) ||
			       (i + 2 < c->m1 && cue_at(g, i + 1, C_ARTICLE) && g->m[i + 2].kind == M_ITEM);
	}
	return 0;
}

/* "über sein Territorium", "through Hungarian territory", "par son
 * territoire", "over het grondgebied van Hongarije": a territory noun right
 * after a word of passage (or of source: "door", "durch", "par"), or in a
 * clause that names a transit, is ground that materiel crosses.  Returns
 * whether the clause has one; *owner is the state the phrase names, or
 * NULL (a possessive: the ground of the clause's subject). */
/* Whether token q and the one after it are written as one word with a
 * hyphen between ("ungarisch-ukrainische"). */
static int hyphen_joined(const gram_doc *g, size_t q)
{
	const token *a = &g->tl->v[q], *b = &g->tl->v[q + 1];
	return b->start == a->end + 1 && g->d->text[a->end] == '-';
}

static int transit_at(const gram_doc *g, const clause *c, const mention **owner)
{
	*owner = NULL;
	if (!has_cue(g, C_TERRITORY))
		return 0;
	int named_transit = 0;
	for (size_t i = c->m0; i < c->m1; i++)
		if (g->m[i].reexport && !g->m[i].rel)
			named_transit = 1;
	for (size_t i = c->m0; i < c->m1; i++) {
		const mention *t = &g->m[i];
		if (!cue_at(g, i, C_TERRITORY) || t->rel)
			continue;
		/* at most two words between: "sein", "het Hongaarse"; pend is
		 * where the phrase after the word of passage starts */
		int passage = named_transit;
		size_t pend = t->t0;
		/* a hyphenated compound between is one word: "über die
		 * ungarisch-ukrainische Grenze" */
		size_t hy = 0;
		for (size_t q = t->t0 > c->t0 + 5 ? t->t0 - 5 : c->t0; q + 1 < t->t0; q++)
			if (hyphen_joined(g, q))
				hy++;
		size_t span = 4 + hy, gap = 2 + hy;
		size_t lo = t->t0 > c->t0 + span ? t->t0 - span : c->t0;
		for (size_t q = lo; q < t->t0; q++) {
			lex_match m[LEX_NKINDS];
			m[LEX_CUE].e = NULL;
			lex_match_at(g->lx, g->tl, g->d->text, q, t->t0, g->lang, m);
			for (const lex_entry *e = m[LEX_CUE].e; e; e = lex_next(g->lx, e))
				if (e->sub == C_PASSAGE && lex_entry_ok(e, g->tl, g->d->text, q, m[LEX_CUE].ntok, g->lang) &&
				    q + m[LEX_CUE].ntok + gap >= t->t0) {
					passage = 1;
					pend = q + m[LEX_CUE].ntok;
					break;
				}
		}
		for (size_t j = i; j-- > c->m0 && pend == t->t0;) {
			if (t->t0 - g->m[j].t1 > 2)
				break;
			if (cue_at(g, j, C_SOURCE)) {
				passage = 1;
				pend = g->m[j].t1;
			}
		}
		/* "weigerden de Amerikanen hun bases te laten gebruiken", "let
		 * US planes use its air bases", "refused to let them use its
		 * bases": the subject's own ground, with a verb of letting (or
		 * of refusing, permitting or forbidding) in the clause, is
		 * ground it lets others use for the transfer */
		if (!passage && i > c->m0 && cue_at(g, i - 1, C_POSSESSIVE) && g->m[i - 1].t1 == t->t0)
			for (size_t j = c->m0; j < c->m1 && !passage; j++)
				if ((cue_at(g, j, C_LET) || cue_at(g, j, C_REFUSED) || cue_at(g, j, C_CONS_GRANT) ||
				     cue_at(g, j, C_CONS_DENY)) && !g->m[j].rel)
					passage = 1;
		if (!passage)
			continue;
		/* the state named in the phrase: before the noun ("Hongaars
		 * grondgebied"), after it ("territoire hongrois"), or after
		 * "van", "of", "de" */
		for (size_t j = i; j-- > c->m0 && !*owner;) {
			if (g->m[j].t0 < pend)
				break;
			if (g->m[j].kind == M_ACTOR)
				*owner = &g->m[j];
		}
		size_t j = i + 1;
		if (!*owner && j < c->m1 && cue_at(g, j, C_SOURCE) && g->m[j].t0 == t->t1)
			j++;
		if (!*owner && j < c->m1 && cue_at(g, j, C_ARTICLE) && g->m[j].t0 - g->m[j - 1].t1 <= 0)
			j++;
		if (!*owner && j < c->m1 && g->m[j].kind == M_ACTOR && g->m[j].t0 - g->m[j - 1].t1 <= 1)
			*owner = &g->m[j];
		return 1;
	}
	return 0;
}

/* Whether the negation at mention i stands right before a verb of
 * saying, which it negates. */
static int negates_report(const gram_doc *g, const clause *c, size_t i)
{
	for (size_t j = i + 1; j < c->m1 && g->m[j].t0 <= g->m[i].t1 + 1; j++)
		if (cue_at(g, j, C_REPORT))
			return 1;
	return 0;
}

/* Whether token t is a form of the cue class cls in the lexicon, whatever
 * mention it is part of ("zou" inside "zou kunnen", "new" inside "the new
 * package includes"). */
static int tok_has_cue(const gram_doc *g, size_t t, int cls)
{
	for (const lex_entry *e = lex_lookup_tok(g->lx, LEX_CUE, g->tl, &g->tl->v[t], g->lang); e;
	     e = lex_next(g->lx, e))
		if (e->sub == cls)
			return 1;
	return 0;
}

/* Whether a conditional of "have" stands in the clause before the
 * participle at mention p: fr "aurait livré", de "hätte ... geliefert", nl
 * "zou ... hebben geleverd" (English "would have sent" is a cue of its
 * own).  With a condition it tells a past that did not happen; alone it
 * is the reporter's "reportedly" and the delivery stands. */
static int counterfactual_perfect(const gram_doc *g, const clause *c, size_t p)
{
	const tok_list *tl = g->tl;
	int zou = 0;
	for (size_t t = c->t0; t < g->m[p].t0; t++) {
		const char *f = tok_fold(tl, &tl->v[t]);
		if (g->lang == LANG_FR && !strncmp(f, "aur", 3) &&
		    (!strcmp(f + 3, "ait") || !strcmp(f + 3, "aient") || !strcmp(f + 3, "ais") ||
		     !strcmp(f + 3, "ions") || !strcmp(f + 3, "iez")))
			return 1;
		if (g->lang == LANG_DE && (!strcmp(f, "hatte") || !strcmp(f, "hatten")) && umlaut(g, t, 'a'))
			return 1;
		if (g->lang == LANG_NL && tok_has_cue(g, t, C_WOULD))
			zou = 1;
		if (g->lang == LANG_NL && zou && !strcmp(f, "hebben") && t + 1 == g->m[p].t0)
			return 1;
	}
	return 0;
}

/* Whether the cue at mention i opens a condition: "if", "falls", or a
 * conjunction after a restrictive "only" of the clause ("will only send
 * tanks when", "wil pas leveren als", "nur liefern, wenn"), or one that
 * says both ("only if", "que si").  Dutch "als" is also "as" and German
 * "wenn" also "when": without the "only" they open no condition. */
static int opens_if(const gram_doc *g, const clause *c, size_t i)
{
	if (cue_at(g, i, C_IF))
		return 1;
	if (!cue_at(g, i, C_ONLY_IF))
		return 0;
	if (g->m[i].t1 - g->m[i].t0 > 1)
		return 1;
	for (size_t j = c->m0; j < i; j++)
		if (cue_at(g, j, C_NOT_ONLY) && !(j > c->m0 && cue_at(g, j - 1, C_NEG) &&
		                                  g->m[j - 1].t1 == g->m[j].t0))
			return 1;
	/* "zou de levering overwegen als Kyiv erom vraagt", "würde Jets
	 * anbieten, wenn die USA zustimmen": after a conditional auxiliary,
	 * the word with a state right after it opens the condition the
	 * conditional waits for ("als lid van de NAVO" has none).  After a
	 * verb of saying the auxiliary is a future told in reported speech
	 * ("Seoul said it would send weapons when North Korean troops join"),
	 * and the word only says when. */
	if (i + 1 < c->m1 && g->m[i + 1].kind == M_ACTOR && g->m[i + 1].t0 <= g->m[i].t1 + 1)
		for (size_t j = c->m0; j < i; j++) {
			if (cue_at(g, j, C_REPORT))
				break;
			if (cue_at(g, j, C_WOULD) || cue_at(g, j, C_COND) || g->m[j].would_form)
				return 1;
		}
	return 0;
}

/* How far (in tokens) before the verb of saying its negation may stand:
 * an auxiliary, a modal and the negation ("did not say", "wilde niet
 * zeggen", "n'a pas précisé"). */
enum { UNSAID_NEG_REACH = 3 };

/* Whether the conjunction at mention i opens the question a negated verb
 * of saying right before it leaves open: "would not say when the tanks
 * would arrive", "did not say if", "wilde niet zeggen wanneer (of)",
 * "n'a pas précisé quand".  What follows it is not asserted.  "when",
 * "wanneer", "quand", "if" and "si" are conditions elsewhere, and Dutch
 * "of" is "or"; only a verb of saying with its negation before it makes
 * them the question (German "ob" and "wann" are question words
 * outright). */
static int unanswered_question(const gram_doc *g, const clause *c, size_t i)
{
	if (!(cue_at(g, i, C_ONLY_IF) || cue_at(g, i, C_IF) || (g->lang == LANG_NL && cue_at(g, i, C_OR))))
		return 0;
	if (i == c->m0 || !cue_at(g, i - 1, C_REPORT) || g->m[i].t0 > g->m[i - 1].t1 + 1 ||
	    !no_punct(g, g->m[i - 1].t1, g->m[i].t0))
		return 0;
	for (size_t j = i - 1; j-- > c->m0 && g->m[i - 1].t0 <= g->m[j].t1 + UNSAID_NEG_REACH;)
		if (cue_at(g, j, C_NEG))
			return 1;
	return 0;
}

/* Whether the negation at mention i stands nearer a predicate other than
 * the one at mention p (a transfer verb of its own: "terughoudend: wil
 * geen wapens sturen"). */
static int negates_other(const gram_doc *g, const clause *c, size_t i, size_t p)
{
	size_t d = mdist(&g->m[i], &g->m[p]);
	for (size_t q = c->m0; q < c->m1; q++)
		if (q != p && q != i && !g->m[q].rel && giving_cue(&g->m[q]) && mdist(&g->m[i], &g->m[q]) < d)
			return 1;
	return 0;
}

/* Whether a promise stands before mention i in the sentence. */
static int promised_before(const gram_doc *g, size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (cue_at(g, j, C_COMMITTED) && !g->m[j].rel)
			return 1;
	return 0;
}

/* Whether the French negation at mention i ("ne", "n'") is the first
 * half of the restrictive "ne ... que" ("ne livre que des casques", "ne
 * seraient cédés qu'une fois remplacés", "ne livrera qu'après"): a "que"
 * follows in its clause before any particle that completes a negation
 * (word list neg_particle: "pas", "jamais" ...).  It says "only", and
 * what it restricts is still given. */
static int restricts_que(const gram_doc *g, const clause *c, size_t i)
{
	const tok_list *tl = g->tl;
	if (g->lang != LANG_FR)
		return 0;
	const char *f = tok_fold(tl, &tl->v[g->m[i].t0]);
	if (strcmp(f, "ne") != 0 && strcmp(f, "n'") != 0)
		return 0;
	for (size_t t = g->m[i].t1; t < c->t1 && t < tl->n; t++) {
		if (tl->v[t].flags & TOK_PUNCT)
			return 0;
		if (word_is(g, t, W_NEG_PARTICLE))
			return 0;
		f = tok_fold(tl, &tl->v[t]);
		if (strcmp(f, "que") == 0 || strncmp(f, "qu'", 3) == 0)
			return 1;
	}
	return 0;
}

/* Whether the negation at mention i is the first half of a restriction
 * whose second half opens a condition ("ne ... que si"). */
static int restricts_if(const gram_doc *g, const clause *c, size_t i)
{
	for (size_t j = i + 1; j < c->m1; j++) {
		if (cue_at(g, j, C_NOT_ONLY))
			return 0;
		if (cue_at(g, j, C_ONLY_IF) && g->m[j].t1 - g->m[j].t0 > 1)
			return 1;
	}
	return 0;
}

/* The clause's first state before mention k that no preposition marks,
 * named outright and not as an origin: its subject; NULL if none. */
static const mention *subject_before(const gram_doc *g, const clause *c, size_t k)
{
	for (size_t i = c->m0; i < k; i++)
		if (g->m[i].kind == M_ACTOR && g->m[i].role == ROLE_NONE && !g->m[i].weak &&
		    !g->m[i].origin_only)
			return &g->m[i];
	return NULL;
}

/* Whether the purchase at mention pi is made for the state the document
 * is about, named after a recipient word ("for Ukraine", "voor
 * Oekraïne"): not an adjective ("beim südkoreanischen Hersteller"), not
 * the place of a maker ("à KNDS France"), not the buyer itself, and not
 * another state, which sells ("achète vingt hélicoptères aux
 * États-Unis": French "à" is "from" after a verb of buying). */
static int buys_for_other(const gram_doc *g, const clause *c, size_t pi)
{
	const mention *b = subject_before(g, c, pi);
	const char *buyer = b ? b->code : NULL;
	for (size_t i = c->m0; i < c->m1; i++) {
		const mention *a = &g->m[i];
		if (a->kind != M_ACTOR || a->role != ROLE_RECIP || a->weak || a->origin_only ||
		    a->sub == ACT_ADJ || a->code == buyer || a->code != g->default_recipient)
			continue;
		if (i > c->m0 && cue_at(g, i - 1, C_MAKER) && g->m[i - 1].t1 == a->t0)
			continue;
		return 1;
	}
	return 0;
}

/* "Turkse dronemaker schenkt Litouwers een Bayraktar", "Le conglomérat
 * tchèque CSG a annoncé le rachat", "the German company will supply": a
 * company that acts is no state donor, and the state adjective beside
 * it is its nationality.  The subject is the clause's opening phrase:
 * articles, state adjectives and maker names around a company noun,
 * before any predicate or other state. */
static int company_subject(const gram_doc *g, const clause *c)
{
	/* "Thales a remporté un marché pour fournir des radars": a maker's
	 * name alone opening the sentence, its verb right after, is such a
	 * subject too; with no state named in the clause */
	size_t i0 = c->m0;
	if (i0 < c->m1 && cue_at(g, i0, C_MAKER) && g->m[i0].t0 == g->sent_t0) {
		int state = 0;
		for (size_t i = i0; i < c->m1; i++)
			if (g->m[i].kind == M_ACTOR && g->m[i].sub != ACT_ADJ)
				state = 1;
		if (!state)
			return 1;
	}
	if (!has_cue(g, C_COMPANY))
		return 0;
	for (size_t i = c->m0; i < c->m1; i++) {
		const mention *m = &g->m[i];
		if (cue_at(g, i, C_COMPANY))
			return 1;
		if (cue_at(g, i, C_ARTICLE) || cue_at(g, i, C_MAKER) ||
		    (m->kind == M_ACTOR && m->sub == ACT_ADJ))
			continue;
		return 0;
	}
	return 0;
}

/* "l'arrivée de nouveaux drones, achetés au fabricant turc Baykar",
 * "drones bought from the maker": materiel bought from a company, with
 * no verb of giving and no recipient after the purchase, is trade, not
 * support (records.md: industry contracts are no aid). */
static int pred_class(int cls);

static int bought_from_maker(const gram_doc *g, const clause *c)
{
	if (!has_cue(g, C_PURCHASE))
		return 0;
	for (size_t i = c->m0; i < c->m1; i++) {
		if (!cue_at(g, i, C_PURCHASE) || g->m[i].rel)
			continue;
		size_t j = i + 1;
		if (j >= c->m1 || !(cue_at(g, j, C_RECIP) || cue_at(g, j, C_SOURCE)))
			return 0;
		int maker = 0;
		for (size_t k = j + 1; k < c->m1 && k <= j + 3; k++)
			if (cue_at(g, k, C_COMPANY) || cue_at(g, k, C_MAKER))
				maker = 1;
		if (!maker)
			return 0;
		for (size_t k = j + 1; k < c->m1; k++)
			if ((g->m[k].kind == M_CUE && !g->m[k].rel && pred_class(g->m[k].sub)) ||
			    (g->m[k].kind == M_ACTOR && g->m[k].role == ROLE_RECIP && g->m[k].sub != ACT_ADJ))
				return 0;
		return 1;
	}
	return 0;
}

/* Whether cue class cls is a predicate's: one of the provision and
 * consent classes up to receive, or training. */
static int pred_class(int cls)
{
	return cls <= C_RECEIVE || cls == C_TRAIN || cls == C_TRAINED;
}

/* "Als Europa niet snel meer munitie stuurt, komt Oekraïne in
 * problemen", "If Europe does not send more shells, Kyiv will run out":
 * a condition that opens the clause and ends at a comma holds every verb
 * of giving, and what follows says nothing of giving: the clause asserts
 * no transfer, nor a refusal by its negation.  Dutch "als", German
 * "wenn" and English "when" open it here too, at the head of a clause
 * and closed by a comma. */
static int lead_condition_only(const gram_doc *g, const clause *c)
{
	size_t i = c->m0;
	if (i >= c->m1 || !(cue_at(g, i, C_IF) || cue_at(g, i, C_ONLY_IF)) || g->m[i].t0 > c->t0 + 1)
		return 0;
	size_t comma = SIZE_MAX;
	for (size_t t = g->m[i].t1; t < c->t1 && comma == SIZE_MAX; t++)
		if (comma_at(g, t))
			comma = t;
	if (comma == SIZE_MAX)
		return 0;
	int inside = 0;
	for (size_t q = i + 1; q < c->m1; q++) {
		const mention *m = &g->m[q];
		if (m->kind != M_CUE || m->rel || !pred_class(m->sub))
			continue;
		if (m->t0 > comma)
			return 0;
		inside = 1;
	}
	return inside;
}

/* Whether mention i, of a clause that opens at mention m0 and token t0,
 * follows the comma that closes a condition leading the clause ("if",
 * "falls", "als", "wenn", "when"), with a verb of giving inside the
 * condition and another after it. */
static int lead_condition_end(const gram_doc *g, size_t m0, size_t i, size_t t0)
{
	if (!(cue_at(g, m0, C_IF) || cue_at(g, m0, C_ONLY_IF)) || g->m[m0].t0 > t0 + 1 ||
	    !comma_between(g, g->m[i - 1].t1, g->m[i].t0) || comma_between(g, g->m[m0].t1, g->m[i - 1].t1))
		return 0;
	int inside = 0, after = 0;
	for (size_t q = m0 + 1; q < i; q++)
		if (g->m[q].kind == M_CUE && !g->m[q].rel && pred_class(g->m[q].sub))
			inside = 1;
	for (size_t q = i; q < g->nm && !after; q++)
		if (g->m[q].kind == M_CUE && !g->m[q].rel && pred_class(g->m[q].sub))
			after = 1;
	return inside && after;
}

/* "'If they attack, we stop the shipments,' he said, while stressing
 * that Washington would keep sending interceptors": a speech tag in the
 * clause that the condition leads closes the quote the condition was
 * part of; what follows is the speaker's own word, not held by it. */
static int condition_told(const gram_doc *g, const clause *c)
{
	for (size_t i = c->m0 + 1; i < c->m1; i++)
		if (cue_at(g, i, C_REPORT))
			return 1;
	return 0;
}

/* "will not supply the weapons Israel needs to carry out": English
 * drops the relative pronoun, so a state right after the predicate's
 * item, with a modal after it, opens a relative clause on that item;
 * the modal is the relative clause's, not the predicate's. */
static int zero_relative_modal(const gram_doc *g, const clause *c, size_t i, const mention *pm)
{
	if (g->lang != LANG_EN || g->m[i].t0 < pm->t1 || i < c->m0 + 2)
		return 0;
	const mention *a = &g->m[i - 1], *it = &g->m[i - 2];
	return a->kind == M_ACTOR && a->t1 == g->m[i].t0 && it->kind == M_ITEM &&
	       it->t1 == a->t0 && it->t0 >= pm->t1;
}

/* The clause's first verb of approving (cue class approve), or c->m1. */
static size_t approving_at(const gram_doc *g, const clause *c)
{
	for (size_t i = c->m0; i < c->m1; i++)
		if (g->m[i].kind == M_CUE && g->m[i].approve && !g->m[i].rel)
			return i;
	return c->m1;
}

/* Whether the tokens [t0, t1) are an English genitive's "'s" (or a bare
 * apostrophe, "Belgians'"). */
static int genitive_s(const gram_doc *g, size_t t0, size_t t1)
{
	if (t0 >= t1 || t1 - t0 > 2)
		return 0;
	for (size_t t = t0; t < t1; t++) {
		const char *f = tok_fold(g->tl, &g->tl->v[t]);
		if (strcmp(f, "'") && strcmp(f, "s") && strcmp(f, "'s"))
			return 0;
	}
	return 1;
}

/* Whether the approval at mention ap is of a transfer that another state
 * than the approver makes: a re-export, or a transfer noun with a state
 * in the genitive before it ("Norway's transfer", "Norwegens Übergabe"),
 * a possessive that points back to one ("approved their transfer") or
 * named after it as its source ("the transfer from Norway", "de
 * overdracht door Noorwegen").  The approver is the clause's first
 * state, when it stands before the verb. */
static int approves_other(const gram_doc *g, const clause *c, size_t ap, int passive)
{
	const char *approver = NULL;
	for (size_t i = c->m0; i < ap && !approver; i++) {
		const mention *a = &g->m[i];
		if (a->kind == M_ACTOR && a->role == ROLE_NONE && !a->origin_only &&
		    a->code != g->default_recipient)
			approver = a->code;
	}
	if (!approver && c->antecedent)
		approver = c->antecedent->code;
	for (size_t n = c->m0; n < c->m1; n++) {
		const mention *t = &g->m[n];
		/* "has approved their transfer": the owner named before (fr
		 * "leur transfert": a pronoun form right before the noun is its
		 * possessive) */
		if (n > c->m0 && (cue_at(g, n, C_TRANSFER_NOUN) || cue_at(g, n, C_TRANSFER)) && !t->rel &&
		    n > ap && (cue_at(g, n - 1, C_POSSESSIVE) || cue_at(g, n - 1, C_PRONOUN)) &&
		    g->m[n - 1].t1 == t->t0 && approver)
			return 1;
		if (!cue_at(g, n, C_TRANSFER_NOUN) || t->rel)
			continue;
		if (t->reexport)
			return 1;
		if (n > c->m0) {
			const mention *a = &g->m[n - 1];
			if (a->kind == M_ACTOR && (a->t1 == t->t0 || genitive_s(g, a->t1, t->t0)) &&
			    a->code != approver &&
			    a->code != g->default_recipient)
				return 1;
		}
		/* "the transfer from Norway", "de overdracht door Noorwegen";
		 * in a passive, "by", "door", "par" name who approves, not
		 * who transfers */
		if (passive)
			continue;
		for (size_t j = n + 1; j < c->m1; j++) {
			const mention *a = &g->m[j];
			if (a->kind == M_ACTOR && a->role == ROLE_SOURCE && a->sub != ACT_ADJ && !a->weak &&
			    a->code != approver && a->code != g->default_recipient)
				return 1;
		}
	}
	return 0;
}

/* Whether the mention q is capitalised inside a German clause c: a
 * noun. */
static int german_noun(const gram_doc *g, const clause *c, const mention *q)
{
	return g->lang == LANG_DE && q->t0 > c->t0 && (g->tl->v[q->t0].flags & TOK_CAP);
}

/* Whether the request cue at mention i is a noun: after an article, a
 * possessive or a state's adjective or genitive ("het Poolse verzoek",
 * "Poland's request"), or capitalised inside a German sentence. */
static int request_noun(const gram_doc *g, const clause *c, size_t i)
{
	const mention *q = &g->m[i];
	if (german_noun(g, c, q))
		return 1;
	if (i == 0)
		return 0;
	const mention *p = &g->m[i - 1];
	if (p->kind == M_CUE)
		return p->t1 == q->t0 && (p->sub == C_ARTICLE || p->sub == C_POSSESSIVE);
	return p->kind == M_ACTOR && (p->sub == ACT_ADJ ? p->t1 == q->t0 : genitive_s(g, p->t1, q->t0));
}

/* Whether the request cue at mention r is a German noun standing bare,
 * with no article, possessive, adjective or number before it and no
 * asker after it ("Forderungen nach Kampfflugzeugen"), in a clause that
 * names no state but one: calls of nobody named. */
static int unowned_calls(const gram_doc *g, const clause *c, size_t r)
{
	const mention *q = &g->m[r];
	/* one word: "Die Bitte" is a cue with its article */
	if (q->t1 != q->t0 + 1 || (!german_noun(g, c, q) && !(g->lang == LANG_DE && q->t0 == c->t0)))
		return 0;
	/* an article, a possessive or a state's adjective or genitive right
	 * before it owns or specifies the request */
	if (r > c->m0 && g->m[r - 1].t1 == q->t0)
		return 0;
	/* "Die Bitte wurde ...": a capitalised word before it is a
	 * sentence's determiner or a name */
	if (q->t0 > c->t0 && (g->tl->v[q->t0 - 1].flags & TOK_CAP))
		return 0;
	if (r + 2 < c->m1 && cue_at(g, r + 1, C_SOURCE) && g->m[r + 2].kind == M_ACTOR)
		return 0;
	size_t states = 0;
	const char *first = NULL;
	for (size_t i = c->m0; i < c->m1; i++) {
		const mention *m = &g->m[i];
		if (m->kind != M_ACTOR || m->role == ROLE_RECIP || m->code == g->default_recipient)
			continue;
		if (!first || strcmp(first, m->code)) {
			states++;
			first = m->code;
		}
	}
	return states == 1;
}

/* Whether the first state of the clause, before the request cue at
 * mention r, is the recipient. */
static int recipient_asks(const gram_doc *g, const clause *c, size_t r)
{
	for (size_t i = c->m0; i < r; i++)
		if (g->m[i].kind == M_ACTOR)
			return g->m[i].code == g->default_recipient;
	return 0;
}

/* The state that asks, at request cue r of clause c, for items for
 * itself: the subject right before the verb (a state or its leader, not
 * the document's recipient, nor a pronoun, an anaphor or a third party),
 * with an item after the verb and no state named to receive it; NULL
 * otherwise. */
static const mention *own_request(const gram_doc *g, const clause *c, size_t r)
{
	if (g->m[r].t0 > 0 && request_noun(g, c, r))
		return NULL;
	const mention *asker = NULL;
	for (size_t i = c->m0; i < r; i++) {
		const mention *m = &g->m[i];
		if (cue_at(g, i, C_ANAPHOR) || cue_at(g, i, C_PRONOUN) || cue_at(g, i, C_THIRD_PARTY) ||
		    cue_at(g, i, C_REPORT) || (m->kind == M_CUE && m->sub <= C_RECEIVE))
			return NULL;
		if (m->kind == M_ACTOR && !m->weak && !m->origin_only && m->role == ROLE_NONE &&
		    m->sub != ACT_ADJ && !asker)
			asker = m;
		/* "De Moldavische president heeft Duitsland gevraagd om ...":
		 * a state's adjective on a title is the subject, and the state
		 * between the auxiliary and the participle the one asked */
		if (m->kind == M_ACTOR && m->sub == ACT_ADJ && !m->weak && !asker && i + 1 < r &&
		    cue_at(g, i + 1, C_ACTOR_HEAD) && g->m[i + 1].t0 == m->t1)
			asker = m;
	}
	/* the title's participle may stand past its object */
	if (!asker || asker->code == g->default_recipient ||
	    (g->m[r].t0 - asker->t1 > 3 && asker->sub != ACT_ADJ))
		return NULL;
	int item = 0;
	for (size_t i = r + 1; i < c->m1; i++) {
		const mention *m = &g->m[i];
		if (m->kind == M_ITEM)
			item = 1;
		if (m->kind == M_ACTOR && m->role == ROLE_RECIP && m->code == g->default_recipient)
			return NULL;
		if (m->kind == M_ACTOR && m->code == asker->code)
			return NULL;
	}
	return item ? asker : NULL;
}

/* Does clause c name as its object only "more" ("is considering sending
 * more", "erwägt weitere Lieferungen", "overweegt meer te sturen", "envisage
 * d'en livrer davantage")?  That is: a "more" cue after which the clause
 * has nothing but verbs and nouns of transfer, infinitive markers and the
 * recipient. */
static int more_of_before(const gram_doc *g, const clause *c)
{
	if (!has_cue(g, C_MORE))
		return 0;
	for (size_t i = c->m0; i < c->m1; i++) {
		if (!cue_at(g, i, C_MORE))
			continue;
		int alone = 1;
		for (size_t j = i + 1; j < c->m1 && alone; j++) {
			const mention *m = &g->m[j];
			alone = (m->kind == M_ACTOR && m->role == ROLE_RECIP) ||
			        (m->kind == M_CUE && (m->sub == C_TRANSFER || m->sub == C_TRANSFER_NOUN ||
			                              m->sub == C_INF || m->sub == C_RECIP));
		}
		if (alone)
			return 1;
	}
	return 0;
}

/* "Après mûre réflexion, la France a décidé de livrer des chars", "Nach
 * langer Prüfung hat die Bundesregierung beschlossen, Panzer zu liefern",
 * "weighed the request for months and then agreed to send tanks": a
 * weighing told before a decision of the same clause is over, and the
 * clause asserts the decision (records.md: considering is what is not yet
 * decided).  The two must be parted by the deciding state or a
 * coordination, and the decision must have what it gives after it, so
 * that "is considering plans to send tanks" stays a weighing and "is
 * weighing more tanks, the ministry announced" is not a pledge. */
static int weighed_then_decided(const gram_doc *g, const clause *c, const int *have,
                                const size_t *pos)
{
	if (!have[C_CONSIDERING] || !have[C_COMMITTED] || pos[C_CONSIDERING] > pos[C_COMMITTED])
		return 0;
	int parted = 0, gives = 0;
	/* the deciding state may stand right after its verb ("Nach langem
	 * Abwägen sagte Berlin ... zu") */
	for (size_t i = pos[C_CONSIDERING] + 1; i <= pos[C_COMMITTED] + 1 && i < c->m1; i++)
		if ((g->m[i].kind == M_ACTOR && g->m[i].role == ROLE_NONE) ||
		    (i < pos[C_COMMITTED] && cue_at(g, i, C_COORD)))
			parted = 1;
	for (size_t i = pos[C_COMMITTED] + 1; i < c->m1; i++)
		if (g->m[i].kind == M_ITEM || cue_at(g, i, C_TRANSFER))
			gives = 1;
	return parted && gives;
}

/* Whether the claim at mention k stands before every predicate of its
 * clause with no state named before it in the sentence: nobody makes the
 * claim ("Rumours say", "Berichte, wonach"), unlike "Kyiv cited reports
 * that" or "Washington's allegations". */
static int unattributed_claim(const gram_doc *g, const clause *c, size_t k)
{
	for (size_t i = 0; i < k; i++)
		if (g->m[i].kind == M_ACTOR && !g->m[i].origin_only)
			return 0;
	for (size_t i = c->m0; i < k; i++)
		if (g->m[i].kind == M_CUE && !g->m[i].rel && g->m[i].sub <= C_RECEIVE)
			return 0;
	return 1;
}

/* Whether the training participle at mention i stands right after a
 * people item and right before a state with at most one word between
 * ("soldiers trained in Germany", "soldats formés en Allemagne"), and no
 * other verb of the clause gives. */
static int trained_where(const gram_doc *g, const clause *c, size_t i)
{
	const mention *m = &g->m[i];
	if (i == c->m0 || i + 1 >= c->m1 || g->m[i - 1].kind != M_ITEM || g->m[i - 1].t1 != m->t0 ||
	    !g->m[i - 1].category || !is_person_category(g->m[i - 1].category))
		return 0;
	size_t a = i + 1;
	if (cue_at(g, a, C_RECIP) && g->m[a].t0 == m->t1)
		a++;
	if (a >= c->m1 || g->m[a].kind != M_ACTOR || g->m[a].sub == ACT_ADJ || g->m[a].t0 > m->t1 + 1 ||
	    !no_punct(g, m->t1, g->m[a].t0))
		return 0;
	for (size_t k = c->m0; k < c->m1; k++)
		if (k != i && pred_cue(&g->m[k]))
			return 0;
	return 1;
}

/* Whether the participle at mention i stands right after "already" right
 * after an item ("Leopard 2A6 déjà livrés", "tanks already delivered"),
 * with no auxiliary of its own before it and no other verb of the clause
 * that gives. */
static int already_participle(const gram_doc *g, const clause *c, size_t i)
{
	if (i < c->m0 + 2 || !cue_at(g, i - 1, C_ALREADY) || g->m[i - 1].t1 != g->m[i].t0 ||
	    g->m[i - 2].kind != M_ITEM || g->m[i - 2].t1 != g->m[i - 1].t0 || g->m[i].t1 - g->m[i].t0 != 1)
		return 0;
	for (size_t k = c->m0; k < c->m1; k++)
		if (k != i && g->m[k].kind == M_CUE && !g->m[k].rel &&
		    (g->m[k].sub <= C_RECEIVE || g->m[k].sub == C_AUX_PASSIVE || g->m[k].sub == C_FUTURE) &&
		    g->m[k].sub != C_TRANSFER_NOUN)
			return 0;
	return 1;
}

/* Whether the cue at mention i stands right after "without" ("zonder",
 * "ohne", "sans"), an article or a state's adjective between. */
static int after_without(const gram_doc *g, const clause *c, size_t i)
{
	size_t j = i;
	while (j > c->m0 && g->m[i].t0 - g->m[j - 1].t1 <= 2 &&
	       (cue_at(g, j - 1, C_ARTICLE) || (g->m[j - 1].kind == M_ACTOR && g->m[j - 1].sub == ACT_ADJ)))
		j--;
	return j > c->m0 && cue_at(g, j - 1, C_WITHOUT) && g->m[i].t0 - g->m[j - 1].t1 <= 2;
}

/* How far (in tokens) past the verb of announcing the consent cue may
 * stand when only a complementizer, a pronoun, a negation and modal or
 * future words come between ("announced that it would not allow",
 * "a annoncé qu'elle n'autoriserait pas"). */
enum { ANNOUNCED_REACH = 5 };

/* Whether the committed cue at mention i is followed, across nothing but
 * a complementizer, a pronoun, a negation and modal or future words, by
 * a consent cue; or opens a complement ("aangekondigd dat", "angekündigt,
 * dass") whose only predicate is a consent cue, at its end in Dutch and
 * German. */
static int announces_consent(const gram_doc *g, const clause *c, size_t i)
{
	if (i + 1 < c->m1 && cue_at(g, i + 1, C_COMP) && g->m[i + 1].t0 - g->m[i].t1 <= 1) {
		int cons = 0;
		for (size_t j = i + 2; j < c->m1; j++) {
			const mention *m = &g->m[j];
			if (m->kind != M_CUE)
				continue;
			if (m->sub == C_CONS_GRANT || m->sub == C_CONS_DENY || m->sub == C_CONS_REQ)
				cons = 1;
			else if (m->sub <= C_RECEIVE && m->sub != C_TRANSFER_NOUN)
				return 0;
		}
		if (cons)
			return 1;
	}
	for (size_t j = i + 1; j < c->m1; j++) {
		if (cue_at(g, j, C_CONS_GRANT) || cue_at(g, j, C_CONS_DENY) || cue_at(g, j, C_CONS_REQ))
			return g->m[j].t0 - g->m[i].t1 <= ANNOUNCED_REACH;
		if (!(cue_at(g, j, C_COMP) || cue_at(g, j, C_PRONOUN) || cue_at(g, j, C_NEG) ||
		      cue_at(g, j, C_WOULD) || cue_at(g, j, C_FUTURE)))
			return 0;
	}
	return 0;
}

static const mention *consent_request_owner(const gram_doc *g, const clause *c,
                                            const char *recipient);

/* Whether the clause names an item of its own. */
static int clause_has_item(const gram_doc *g, const clause *c)
{
	for (size_t i = c->m0; i < c->m1; i++)
		if (g->m[i].kind == M_ITEM && !g->m[i].rel)
			return 1;
	return 0;
}

/* Whether the approval noun at mention ap names whose it is, right before
 * it ("parliament's approval", "Washington's approval") or after "of",
 * "van", "des", "du" ("de goedkeuring van het parlement", "l'accord du
 * Parlement"). */
static int approval_owned(const gram_doc *g, const clause *c, size_t ap)
{
	const mention *b = ap > c->m0 ? &g->m[ap - 1] : NULL;
	if (b && (b->t1 == g->m[ap].t0 || genitive_s(g, b->t1, g->m[ap].t0)) &&
	    (b->kind == M_ACTOR || (b->kind == M_CUE && b->sub == C_ACTOR_HEAD)))
		return 1;
	size_t j = ap + 1;
	if (j < c->m1 && cue_at(g, j, C_SOURCE) && g->m[j].t0 <= g->m[ap].t1 + 1)
		j++;
	else
		return 0;
	if (j < c->m1 && cue_at(g, j, C_ARTICLE))
		j++;
	return j < c->m1 && g->m[j].t0 <= g->m[j - 1].t1 + 1 &&
	       (g->m[j].kind == M_ACTOR || cue_at(g, j, C_ACTOR_HEAD));
}

/* The state whose consent a record asked for last (last_cby), when that
 * record was told at most window sentences back; else NULL.  A sentence
 * that names nobody to decide refers to it: the request made for that
 * consent ("Oslo hatte den Antrag gestellt"), a request turned down
 * ("het kabinet wees een verzoek van Italië af"), states that received
 * no permission. */
static const char *recent_consent_by(const gram_doc *g, size_t window)
{
	return g->nsent && g->last_cby_sent + window >= g->nsent ? g->last_cby : NULL;
}

/* The state the text is about: the donor of its last sentences
 * (last_donor[0], named at most two sentences back), unless that is a
 * or b; else NULL. */
static const char *recent_subject(const gram_doc *g, const char *a, const char *b)
{
	if (!g->nlast || g->last_actor_sent + 2 < g->nsent || g->last_donor[0] == a || g->last_donor[0] == b)
		return NULL;
	return g->last_donor[0];
}

/* A verb of approving that answers a request for consent: "approved the
 * Danish request" (a request another state owns, and no materiel of
 * the clause's own) asks for and grants the consent; approving the
 * request for consent the clause names grants it.  Turns the classes
 * the clause has (have, pos) into the consent cues. */
static void approval_answers_request(const gram_doc *g, const clause *c, const pred *p, int *have,
                                     size_t *pos)
{
	/* "The State Department approved the Danish request", "a donné son
	 * feu vert à la demande danoise", "hat den dänischen Antrag
	 * genehmigt": approving a request that a state other than the
	 * recipient owns, with no materiel of the clause's own, answers a
	 * request for consent to pass on what the text was about */
	if (have[C_REQUESTED] && !have[C_CONS_REQ] && !have[C_CONS_DENY] && !have[C_TRANSFER] &&
	    !have[C_DELIVERED] && !have[C_TRANSFER_NOUN] && !have[C_NEG] && !have[C_REFUSED] &&
	    (have[C_CONS_GRANT] || (have[C_COMMITTED] && approving_at(g, c) < c->m1)) &&
	    !clause_has_item(g, c)) {
		/* the request's owner, and a state before it that answers */
		const mention *own = consent_request_owner(g, c, g->default_recipient);
		int other = 0;
		for (size_t i = c->m0; own && i < c->m1 && !other; i++)
			other = g->m[i].kind == M_ACTOR && g->m[i].code != own->code && g->m[i].role == ROLE_NONE &&
			        g->m[i].code != g->default_recipient && g->m[i].t0 < own->t0;
		if (own && other && own->code != g->default_recipient) {
			have[C_CONS_REQ]++;
			pos[C_CONS_REQ] = pos[C_REQUESTED];
			have[C_REQUESTED] = 0;
			if (!have[C_CONS_GRANT]) {
				have[C_CONS_GRANT]++;
				pos[C_CONS_GRANT] = approving_at(g, c);
				have[C_COMMITTED] = 0;
			}
		}
	}
	/* "Die Schweiz hat dem Antrag auf Weitergabe stattgegeben", "n'a pas
	 * donné suite à une demande de réexportation": approving the request
	 * for consent the clause tells grants it (negated, denies it), as
	 * rejecting it denies it */
	if (have[C_CONS_REQ] && have[C_COMMITTED] && !have[C_CONS_GRANT] && !have[C_CONS_DENY] &&
	    !have[C_REFUSED] && !have[C_TRANSFER] && !have[C_DELIVERED] && !p->backref) {
		int approves = 0, other = 0;
		for (size_t i = c->m0; i < c->m1; i++)
			if (cue_at(g, i, C_COMMITTED) && !g->m[i].rel)
				*(g->m[i].approve ? &approves : &other) += 1;
		if (approves && !other) {
			have[C_CONS_GRANT]++;
			have[C_COMMITTED] = 0;
		}
	}
}

/* Whether clause c names anyone before its mention v: a state, an
 * anaphor or a pronoun.  A clause that names nobody before its verb goes
 * on with the subject of the clause before ("Belgien schließt eine
 * Lieferung aus, weil ...", "will send tanks and allow Poland to"). */
static int names_subject_before(const gram_doc *g, const clause *c, size_t v)
{
	for (size_t i = c->m0; i < v; i++)
		if (g->m[i].kind == M_ACTOR || cue_at(g, i, C_ANAPHOR) || cue_at(g, i, C_PRONOUN))
			return 1;
	return 0;
}

/* Whether the verb at mention v closes clause c and takes the re-export
 * or passage named before it, with no other predicate between: "indem
 * sie den Niederlanden die Weitergabe von F-16 genehmigten", "the
 * re-export was approved".  A request also passes nouns of transfer
 * (asked_for): "had Wenen om doorvaart voor de konvooien gevraagd", "um
 * die Durchfahrt gebeten". */
static int reexport_before_closing(const gram_doc *g, const clause *c, size_t v, int asked_for)
{
	if (v + 1 != c->m1)
		return 0;
	for (size_t q = v; q-- > c->m0;) {
		const mention *n = &g->m[q];
		if (n->reexport && !n->rel)
			return 1;
		if (n->kind == M_CUE && n->sub <= C_RECEIVE && !(asked_for && n->sub == C_TRANSFER_NOUN))
			return 0;
	}
	return 0;
}

/* Whether every committed cue of clause c is a word of approving. */
static int only_approvals(const gram_doc *g, const clause *c)
{
	for (size_t i = c->m0; i < c->m1; i++)
		if (cue_at(g, i, C_COMMITTED) && !g->m[i].rel && !g->m[i].approve)
			return 0;
	return 1;
}

/* Whether clause c is a bare refusal ("il lui a été refusé", "it was
 * refused", "Berne refused") of the consent asked of g->last_cby in this
 * sentence or the one before: a refusal with no other predicate, no
 * item, and no state named but that one (pronouns and anaphors do). */
static int refusal_backref(const gram_doc *g, const clause *c, const int *have)
{
	if (!have[C_REFUSED] || !g->last_cby || !g->nsent || g->last_cby_sent + 1 < g->nsent)
		return 0;
	static const int others[] = { C_TRANSFER, C_TRANSFER_NOUN, C_DELIVERED, C_COMMITTED, C_RECEIVE,
	                              C_REQUESTED, C_OFFERED, C_CONSIDERING, C_NEG, C_CONS_REQ,
	                              C_CONS_GRANT, C_CONS_DENY, C_PERMISSION };
	for (size_t k = 0; k < sizeof others / sizeof others[0]; k++)
		if (have[others[k]])
			return 0;
	for (size_t i = c->m0; i < c->m1; i++) {
		const mention *m = &g->m[i];
		if (m->kind == M_ITEM || (m->kind == M_ACTOR && m->code != g->last_cby))
			return 0;
	}
	return 1;
}

/* Whether a modal of need in the conditional stands in clause c before
 * the cue at mention cp (or right after it, "toestemming zou moeten
 * vragen" puts it between): German "müsste", Dutch "zou moeten",
 * English "would" before "have to", French "devrait", "faudrait".  A
 * past "musste", "moest", "had to", "a dû" tells what was done. */
static int hypothetical_need(const gram_doc *g, const clause *c, size_t cp)
{
	for (size_t i = c->m0; i < c->m1 && i <= cp + 2; i++) {
		const mention *m = &g->m[i];
		if (!cue_at(g, i, C_SHOULD) || m->rel)
			continue;
		for (size_t t = m->t0; t < m->t1; t++) {
			const char *f = tok_fold(g->tl, &g->tl->v[t]);
			if (g->lang == LANG_DE && umlaut(g, t, 'u') && !strncmp(f, "musste", 6))
				return 1;
			if (g->lang == LANG_NL && (!strcmp(f, "zou") || !strcmp(f, "zouden")))
				return 1;
			if (g->lang == LANG_FR && (!strncmp(f, "devrai", 6) || !strcmp(f, "faudrait")))
				return 1;
		}
		if (g->lang == LANG_EN && i > c->m0 && cue_at(g, i - 1, C_WOULD) && g->m[i - 1].t1 == m->t0)
			return 1;
	}
	return 0;
}

/* The first consent cue granting or denying of a clause, or c->m1. */
static size_t consent_cue_pos(const clause *c, const int *have, const size_t *pos)
{
	size_t cp = c->m1;
	if (have[C_CONS_GRANT] && pos[C_CONS_GRANT] < cp)
		cp = pos[C_CONS_GRANT];
	if (have[C_CONS_DENY] && pos[C_CONS_DENY] < cp)
		cp = pos[C_CONS_DENY];
	return cp;
}

/* "Ob Berlin die Weitergabe genehmigen würde, ließ er offen", "whether
 * Bern will allow the re-export is unclear", "hoe Den Haag de doorvoer
 * zou toestaan": a permission or a veto inside an open question, its
 * question word before the consent cue, is neither granted nor denied
 * (asking whether stays a request: only granting and denying drop) */
static int consent_in_question(const int *have, const size_t *pos, size_t cp)
{
	return have[C_QUESTION_WORD] && pos[C_QUESTION_WORD] < cp;
}

/* "moet Berlijn instemmen met de doorlevering", "Germany must approve
 * the re-export", "Berlin müsste die Weitergabe genehmigen", "Berne
 * devrait autoriser le transfert": a consent that must or should be
 * given is one needed, not one given (records.md: what a party should
 * do is no record).  The modal stands shortly before the consent cue,
 * no punctuation between. */
static int consent_required(const gram_doc *g, const clause *c, size_t cp)
{
	for (size_t i = c->m0; i < cp; i++)
		if (cue_at(g, i, C_SHOULD) && !g->m[i].rel && g->m[cp].t0 <= g->m[i].t1 + 6 &&
		    no_punct(g, g->m[i].t1, g->m[cp].t0))
			return 1;
	return 0;
}

/* "These tanks will allow Ukraine to keep winning", "while allowing
 * earlier contracts to be completed", "zal het leger toestaan de linie
 * te houden", "erlaubt der Armee, die Front zu halten": a verb of
 * permitting followed by the act it permits ("to", "te", "zu") grants a
 * consent to pass materiel on only where its clause names what passes
 * (a transfer, a re-export, ground crossed, materiel after the verb) or
 * a state other than the recipient that is let do it ("allowed Poland
 * to do the same").  A bare "gave its approval too" still refers back
 * to the transfer told before. */
static int permits_nothing(const gram_doc *g, const clause *c, size_t cp, const pred *p)
{
	if (p->transit)
		return 0;
	int act = 0, states = 0;
	for (size_t i = c->m0; i < c->m1; i++) {
		const mention *m = &g->m[i];
		if (cue_at(g, i, C_SOME_DONOR))
			return 0;
		/* the state let do it stands right after the verb ("allowed
		 * Poland to"), or, verb-final, as a second state before it */
		if (m->kind == M_ACTOR && !m->origin_only && m->code != g->default_recipient &&
		    (i > cp ? m->t0 <= g->m[cp].t1 + 3 : ++states > 1))
			return 0;
		/* "dit ook te doen", "to do the same": the act permitted
		 * refers back to a transfer */
		if (i > cp && cue_at(g, i, C_DEMONSTRATIVE))
			return 0;
		if (i > cp && (cue_at(g, i, C_RECIP) || cue_at(g, i, C_INF)))
			act = 1;
	}
	if (!act)
		return 0;
	for (size_t i = c->m0; i < c->m1; i++) {
		const mention *m = &g->m[i];
		/* not the recipient's own ("Ukraine's soldiers") */
		int own = i > c->m0 && g->m[i - 1].kind == M_ACTOR && g->m[i - 1].code == g->default_recipient &&
		          m->t0 <= g->m[i - 1].t1 + 2;
		if (m->reexport || (m->kind == M_ITEM && i > cp && !own) || (m->kind == M_CUE &&
		    (m->sub == C_TRANSFER || m->sub == C_TRANSFER_NOUN || m->sub == C_DELIVERED ||
		     m->sub == C_COMMITTED || m->sub == C_PERMISSION || m->sub == C_TERRITORY ||
		     m->sub == C_PASS_VERB || m->sub == C_LET || m->sub == C_ANAPHOR ||
		     m->sub == C_SYSTEM_ANAPHOR || m->sub == C_CRAFT_ANAPHOR)))
			return 0;
	}
	return 1;
}

/* Whether clause c, which names materiel, names nobody who could weigh
 * it: no state, no pronoun, and no person counted as an item ("De
 * trainer weegt nog af of hij de spits opstelt" weighs no trainers). */
static int weighed_items_only(const gram_doc *g, const clause *c)
{
	for (size_t i = c->m0; i < c->m1; i++) {
		const mention *m = &g->m[i];
		if (m->kind == M_ACTOR || cue_at(g, i, C_PRONOUN) || cue_at(g, i, C_ANAPHOR) ||
		    cue_at(g, i, C_ACTOR_HEAD) ||
		    (m->kind == M_ITEM && m->category && is_person_category(m->category)))
			return 0;
	}
	return 1;
}

static int weighs_told(const gram_doc *g, const clause *c);
static int comma_at(const gram_doc *g, size_t t);
static int clause_has(const gram_doc *g, const clause *c, int cls);
static int clause_has_item(const gram_doc *g, const clause *c);

/* Whether the refusal at mention r governs a second one right after it
 * (at most four tokens on, no punctuation between): "a refusé fin
 * février d'écarter l'envoi", "refused to rule out". */
static int refuses_refusal(const gram_doc *g, const clause *c, size_t r)
{
	for (size_t j = r + 1; j < c->m1; j++) {
		const mention *m = &g->m[j];
		if (m->t0 > g->m[r].t1 + 4 || !no_punct(g, g->m[r].t1, m->t0))
			return 0;
		if (cue_at(g, j, C_REFUSED))
			return 1;
		if (m->kind != M_CUE || pred_cue(m))
			return 0;
	}
	return 0;
}

/* Whether mentions [m0, m1) name state code (not as an adjective). */
static int actor_between(const gram_doc *g, size_t m0, size_t m1, const char *code)
{
	for (size_t i = m0; i < m1; i++)
		if (g->m[i].kind == M_ACTOR && g->m[i].sub != ACT_ADJ && g->m[i].code == code)
			return 1;
	return 0;
}

static void clause_pred(gram_doc *g, const clause *c, int ua_in_sentence, int report_before,
                        pred *p)
{
	int have[C_NCLASSES] = { 0 };
	size_t pos[C_NCLASSES];
	p->prov = p->prov2 = -1;
	p->ncons = 0;
	p->receive = 0;
	p->passive = 0;
	p->transferish = 0;
	p->tentative = 0;
	p->present = 0;
	p->transit = 0;
	p->owner = NULL;
	p->approve = 0;
	p->reply = -1;
	p->backref = 0;
	p->by = NULL;
	p->asker = NULL;
	int in_if = 0, preds_before_if = 0, in_source = 0;
	if (lead_condition_only(g, c) || company_subject(g, c) || bought_from_maker(g, c))
		return;
	for (size_t i = c->m0; i < c->m1; i++) {
		const mention *m = &g->m[i];
		if (m->kind != M_CUE || m->rel)
			continue;
		int cls = m->sub;
		if (unanswered_question(g, c, i))
			cls = C_QUESTION_WORD;
		else if (cls == C_ONLY_IF && !opens_if(g, c, i))
			continue;
		/* "könnte Haubitzen schicken, falls Kiew darum bittet", "if Kyiv
		 * asks for them": a request after "if" is what an offer waits
		 * for, not one made; so is a transfer after one, when the
		 * clause has its own predicate before it ("ne livrera des
		 * chars que si l'Allemagne en livre aussi") */
		/* "lieferte ..., wie aus einer Antwort auf eine Anfrage im
		 * Bundestag hervorgeht", "as a reply to a request shows": after
		 * the predicate, ", wie" opens the source of the statement; a
		 * request named there is how it became known, not one made */
		if (cls == C_LIKE && preds_before_if && m->t0 > 0 && comma_at(g, m->t0 - 1))
			in_source = 1;
		if (cls == C_REQUESTED && in_source && request_noun(g, c, i))
			continue;
		if (cls == C_IF || cls == C_ONLY_IF) {
			in_if = 1;
			cls = C_COND;
		} else if (cls == C_REQUESTED && in_if) {
			continue;
		} else if (in_if && preds_before_if && pred_class(cls)) {
			continue;
		}
		if (!in_if && pred_class(cls))
			preds_before_if++;
		/* "noch nicht", "pas encore": a negation, remembered as one
		 * of what is yet to come */
		if (cls == C_NOT_YET) {
			if (!have[cls])
				pos[cls] = i;
			have[cls]++;
			cls = C_NEG;
		}
		/* "refused to say whether", "weigerde te zeggen of": what is
		 * refused is an answer, and what follows is its question */
		if (cls == C_REFUSED) {
			size_t j = i + 1;
			while (j < c->m1 && (cue_at(g, j, C_INF) || cue_at(g, j, C_RECIP) || cue_at(g, j, C_COMP) ||
			                     cue_at(g, j, C_SOURCE)) && g->m[j].t0 - g->m[j - 1].t1 <= 0)
				j++;
			if (j > i + 1 && j < c->m1 && cue_at(g, j, C_REPORT) && g->m[j].t0 - m->t1 <= 2)
				return;
		}
		/* "desnoods zonder Duitse instemming", "ohne deutsche
		 * Zustimmung", "without German approval", "sans l'accord
		 * allemand": a consent the clause goes without is none given */
		if ((cls == C_CONS_GRANT || cls == C_PERMISSION || (cls == C_COMMITTED && m->approve)) &&
		    after_without(g, c, i))
			continue;
		/* "announced that it would not allow", "a annoncé qu'elle
		 * n'autoriserait pas": a verb of announcing before a consent
		 * reports it; it promises nothing of its own */
		if (cls == C_COMMITTED && !m->approve && announces_consent(g, c, i))
			continue;
		/* training is given like anything else: train as a transfer
		 * verb, trained as a delivery */
		if (cls == C_SUPPLIER_OF)
			cls = C_DELIVERED;
		else if (cls == C_TRAIN)
			cls = C_TRANSFER;
		else if (cls == C_TRAINED)
			cls = C_DELIVERED;
		/* "het sturen van wapens", "the sending of": a verb after an
		 * article is a noun */
		if (cls == C_TRANSFER && i > c->m0 && cue_at(g, i - 1, C_ARTICLE) &&
		    g->m[i - 1].t1 == m->t0)
			cls = C_TRANSFER_NOUN;
		/* "the offer of radios came late": an offer named with an
		 * article is talked about, not made */
		if (cls == C_OFFERED && i > c->m0 && cue_at(g, i - 1, C_ARTICLE) &&
		    g->m[i - 1].t1 == m->t0)
			continue;
		/* ... and so is one named by its item ("called the helmet
		 * offer a joke", "das Helm-Angebot") */
		if (cls == C_OFFERED && i > c->m0 + 1 && g->m[i - 1].kind == M_ITEM &&
		    g->m[i - 1].t1 == m->t0 && cue_at(g, i - 2, C_ARTICLE) && g->m[i - 2].t1 == g->m[i - 1].t0)
			continue;
		/* "has received the M270 launchers promised by Britain": a
		 * participle with its agent right after the item of a verb
		 * before it qualifies the item; its agent stays the source */
		if ((cls == C_COMMITTED || cls == C_DELIVERED) && i > c->m0 && i + 1 < c->m1 &&
		    g->m[i - 1].kind == M_ITEM && g->m[i - 1].t1 == m->t0 && cue_at(g, i + 1, C_SOURCE) &&
		    g->m[i + 1].t0 == m->t1 &&
		    have[C_RECEIVE] + have[C_DELIVERED] + have[C_COMMITTED] + have[C_TRANSFER] > 0)
			continue;
		/* "Les Mirage rejoindront les F-16 fournis par les Pays-Bas",
		 * "will join the F-16s supplied by Denmark": with no verb of the
		 * clause's own that gives, the participle only presupposes the
		 * transfer of the item it qualifies */
		if ((cls == C_COMMITTED || cls == C_DELIVERED) && i > c->m0 && i + 2 < c->m1 &&
		    g->m[i - 1].kind == M_ITEM &&
		    (g->m[i - 1].t1 == m->t0 ||   /* or past the noun a system qualifies */
		     (g->m[i - 1].system && g->m[i - 1].t1 + 1 == m->t0 && no_punct(g, g->m[i - 1].t1, m->t0))) &&
		    cue_at(g, i + 1, C_SOURCE) &&
		    g->m[i + 1].t0 == m->t1 &&
		    (g->m[i + 2].kind == M_ACTOR ||
		     (cue_at(g, i + 2, C_ARTICLE) && i + 3 < c->m1 && g->m[i + 3].kind == M_ACTOR))) {
			int own = 0;
			for (size_t k = c->m0; k < c->m1; k++)
				if (k != i && g->m[k].kind == M_CUE && !g->m[k].rel && g->m[k].sub <= C_RECEIVE &&
				    g->m[k].sub != C_TRANSFER_NOUN)
					own = 1;
			if (!own)
				continue;
		}
		/* "flown by pilots trained in Spain and Italy", "des
		 * soldats formés en Allemagne": a training participle right
		 * after the people it qualifies, with where they were trained
		 * after it, presupposes the training where the clause gives
		 * nothing of its own */
		if (cls == C_DELIVERED && m->sub == C_TRAINED && trained_where(g, c, i))
			continue;
		/* "s'ajoutent aux dix-huit Leopard déjà livrés", "on top of
		 * the tanks already delivered": "already" between an item and
		 * a participle after it makes the participle the item's
		 * modifier; with no verb of the clause's own that gives, the
		 * transfer is presupposed, not stated */
		if ((cls == C_COMMITTED || cls == C_DELIVERED) && already_participle(g, c, i))
			continue;
		if (!have[cls])
			pos[cls] = i;
		have[cls]++;
	}
	/* "refused to give up its Patriots, saying it needs them", "citing
	 * its own needs", "lehnte ab, weil es sie selbst brauche": a need
	 * after a refusal, said of the refuser itself (a pronoun or its
	 * possessive, no state between but the one refused), is the reason for the
	 * refusal, not a request */
	if (have[C_REFUSED] && have[C_REQUESTED] && pos[C_REFUSED] < pos[C_REQUESTED]) {
		size_t r = pos[C_REQUESTED];
		int own = 0;
		if (r > c->m0 && (cue_at(g, r - 1, C_PRONOUN) || cue_at(g, r - 1, C_POSSESSIVE))) {
			size_t gap = g->m[r].t0 - g->m[r - 1].t1;
			own = cue_at(g, r - 1, C_PRONOUN) ? gap <= 1 : gap == 1;
		}
		for (size_t i = pos[C_REFUSED] + 1; i < r && own; i++)
			if (g->m[i].kind == M_ACTOR && g->m[i].sub != ACT_ADJ && g->m[i].role != ROLE_RECIP)
				own = 0;
		if (own)
			have[C_REQUESTED] = 0;
	}
	/* "a obtenu l'accord de Washington pour transférer", "obtained
	 * Washington's approval to transfer": an approval received right
	 * after the receiving verb is a permission received, no commitment */
	if (have[C_RECEIVE] && have[C_COMMITTED] && !have[C_PERMISSION] && !have[C_REQUESTED]) {
		size_t ap = approving_at(g, c), rv = pos[C_RECEIVE];
		/* a date may stand between ("obtenu dès l'an dernier l'accord") */
		if (ap < c->m1 && ap > rv && g->m[ap].t0 <= g->m[rv].t1 + 6) {
			int between = 0;
			for (size_t i = rv + 1; i < ap; i++) {
				/* a preposition of the date ("en mars", "dès l'an
				 * dernier"), not one of a state */
				int prep = (cue_at(g, i, C_SOURCE) || cue_at(g, i, C_RECIP)) && g->m[i + 1].kind != M_ACTOR;
				if (!(cue_at(g, i, C_ARTICLE) || cue_at(g, i, C_POSSESSIVE) || prep ||
				      (g->m[i].kind == M_ACTOR && !g->m[i].origin_only && g->m[i].role == ROLE_NONE)))
					between = 1;
			}
			if (!between) {
				have[C_PERMISSION]++;
				pos[C_PERMISSION] = ap;
			}
		}
	}
	/* "erhielt einen Auftrag über 105 Panzer für Litauen", "received
	 * orders for shells": an order received is a maker's business, no
	 * giving, where nothing else in the clause gives */
	if (have[C_RECEIVE] && have[C_PURCHASE] && pos[C_PURCHASE] > pos[C_RECEIVE] &&
	    g->m[pos[C_PURCHASE]].t0 <= g->m[pos[C_RECEIVE]].t1 + 2 && !have[C_DELIVERED] &&
	    !have[C_COMMITTED] && !have[C_TRANSFER] && !have[C_PERMISSION] && !have[C_REQUESTED])
		return;
	/* "trying to get more ammunition to Ukraine": a receiving verb with
	 * a recipient after it moves the items on; it receives nothing.  Not
	 * where that state is the subject itself ("Le Tchad a reçu deux
	 * avions ..., selon une source à N'Djamena": a place in it) */
	if (have[C_RECEIVE] && !have[C_PERMISSION] && !have[C_REQUESTED] && !have[C_CONS_REQ] &&
	    !have[C_CONS_GRANT] && !have[C_CONS_DENY]) {
		for (size_t i = pos[C_RECEIVE] + 1; i < c->m1; i++)
			if (g->m[i].kind == M_ACTOR && g->m[i].role == ROLE_RECIP && !g->m[i].weak &&
			    !actor_between(g, c->m0, pos[C_RECEIVE], g->m[i].code)) {
				if (!have[C_TRANSFER])
					pos[C_TRANSFER] = pos[C_RECEIVE];
				have[C_TRANSFER] += have[C_RECEIVE];
				have[C_RECEIVE] = 0;
				break;
			}
	}
	/* "has not yet said whether it will send", "hat sich noch nicht
	 * geäußert, ob", "ne s'est pas encore prononcé sur ces demandes": a
	 * saying or deciding not yet done leaves open what it is about */
	if (have[C_NOT_YET] && !have[C_PERMISSION] && !have[C_DENIAL]) {
		size_t ny = pos[C_NOT_YET];
		int said = 0, to = 0;
		for (size_t j = ny + 1; j < c->m1 && g->m[j].t0 <= g->m[ny].t1 + 2; j++)
			if (cue_at(g, j, C_REPORT))
				said = 1;
		for (size_t i = c->m0; i < c->m1; i++)
			if (g->m[i].kind == M_ACTOR && g->m[i].role == ROLE_RECIP)
				to = 1;
		if (said && (to || have[C_TRANSFER] || have[C_TRANSFER_NOUN] || have[C_COMMITTED] ||
		             have[C_DELIVERED] || have[C_REQUESTED] || have[C_OFFERED])) {
			p->prov = REC_CONSIDERING;
			return;
		}
	}
	/* "Defensie bestelt 46 tanks voor de eigen landmacht", "Warsaw
	 * ordered 1,000 tanks from the maker", "Ukraine bought drones from
	 * Baykar": a purchase is procurement, no support; it is a pledge
	 * only where the buyer buys for another state ("hat für die Ukraine
	 * 18 Haubitzen bestellt").  Beside a verb of giving it says how the
	 * items were had ("a livré des canons commandés à l'industrie"). */
	if (have[C_PURCHASE]) {
		size_t pi = pos[C_PURCHASE];
		/* "to buy shells for Ukraine", "un fonds destiné à l'achat
		 * d'armes", "voor de aankoop van munitie": a purchase named as
		 * a purpose is what the clause's own predicate serves */
		size_t q = pi;
		if (q > c->m0 && cue_at(g, q - 1, C_ARTICLE) && g->m[q - 1].t1 + 1 >= g->m[q].t0)
			q--;
		int purpose = q > c->m0 && g->m[q - 1].t1 + 1 >= g->m[q].t0 &&
		              (cue_at(g, q - 1, C_INF) || cue_at(g, q - 1, C_RECIP) || cue_at(g, q - 1, C_COMP));
		int other = 0;
		for (int k = C_DELIVERED; k <= C_TRANSFER; k++)
			other += have[k];
		other += have[C_RECEIVE] + have[C_PERMISSION];
		/* "..., a annoncé le ministère": a speech tag after a comma
		 * gives nothing of its own */
		int tag = 0;
		if (!purpose && have[C_COMMITTED] == 1 && pos[C_COMMITTED] > pi &&
		    !gives_own_item(g, pos[C_COMMITTED]))
			tag = comma_between(g, g->m[pi].t1, g->m[pos[C_COMMITTED]].t0);
		if (!purpose && other == tag) {
			if (!buys_for_other(g, c, pi))
				return;
			have[C_COMMITTED] = have[C_PURCHASE];
			pos[C_COMMITTED] = pi;
		} else if (!purpose) {
			/* the seller after it is where the items come from */
			for (size_t i = pi + 1; i < c->m1 && g->m[i].t0 <= g->m[pi].t1 + 5; i++) {
				if (pred_cue(&g->m[i]) || comma_at(g, g->m[i].t0 - 1))
					break;
				if (g->m[i].kind == M_ACTOR)
					g->m[i].origin_only = 1;
			}
		}
		have[C_PURCHASE] = 0;
	}
	p->receive = have[C_RECEIVE] > 0;
	p->passive = have[C_AUX_PASSIVE] > 0;
	/* "elle a exclu toute livraison, expliquant que la flotte était
	 * sollicitée par l'OTAN": an auxiliary past a comma after the verb
	 * belongs to another phrase, and does not make the verb passive */
	if (p->passive) {
		size_t pv = c->m1, aux = c->m1;
		for (size_t i = c->m0; i < c->m1; i++) {
			const mention *m = &g->m[i];
			if (pv == c->m1 && m->kind == M_CUE && !m->rel && m->sub <= C_RECEIVE &&
			    m->sub != C_TRANSFER_NOUN)
				pv = i;
			if (aux == c->m1 && cue_at(g, i, C_AUX_PASSIVE))
				aux = i;
		}
		if (pv < aux && aux < c->m1 && comma_between(g, g->m[pv].t1, g->m[aux].t0))
			p->passive = 0;
	}
	/* "Deutschland wird der Ukraine Panzer überlassen": "wird" after a
	 * named subject and with no agent phrase is the future, not the
	 * passive */
	int future_aux = 0;
	if (have[C_AUX_PASSIVE] == 1 && g->m[pos[C_AUX_PASSIVE]].also_future) {
		size_t ai = pos[C_AUX_PASSIVE];
		int subject = 0, agent = 0;
		for (size_t i = c->m0; i < c->m1; i++) {
			const mention *m = &g->m[i];
			if (m->kind != M_ACTOR)
				continue;
			if (i < ai && m->role == ROLE_NONE && !m->weak && !m->origin_only)
				subject = 1;
			if (m->role == ROLE_SOURCE)
				agent = 1;
		}
		if (subject && !agent) {
			p->passive = 0;
			future_aux = 1;
		}
	}
	/* "seront livrés", "sera fourni": the French passive auxiliary in
	 * the future is what is promised; German "werden geliefert" is the
	 * present, future only with a time ahead ("bis Jahresende") */
	if (p->passive && have[C_AUX_PASSIVE] == 1 && g->m[pos[C_AUX_PASSIVE]].also_future &&
	    g->lang == LANG_FR)
		future_aux = 1;
	p->transferish = have[C_TRANSFER] || have[C_TRANSFER_NOUN] || have[C_DELIVERED] ||
	                 have[C_COMMITTED] || have[C_RECEIVE];
	/* "asked Germany for permission", "gave Estonia permission",
	 * "verweigert die Genehmigung": a permission noun makes the verb a
	 * consent */
	if (have[C_PERMISSION]) {
		if (have[C_REQUESTED]) {
			have[C_CONS_REQ]++;
			have[C_REQUESTED] = 0;
		} else if (have[C_REFUSED] || have[C_DENIAL] || (have[C_NEG] && !have[C_CONS_GRANT])) {
			have[C_CONS_DENY]++;
			have[C_REFUSED] = have[C_DENIAL] = have[C_NEG] = 0;
		} else if (have[C_RECEIVE] || have[C_DELIVERED] || have[C_TRANSFER] || have[C_COMMITTED]) {
			have[C_CONS_GRANT]++;
		}
		have[C_DELIVERED] = have[C_TRANSFER] = have[C_COMMITTED] = 0;
		if (have[C_CONS_REQ] || have[C_CONS_DENY] || have[C_CONS_GRANT])
			pos[C_CONS_REQ] = pos[C_CONS_DENY] = pos[C_CONS_GRANT] = pos[C_PERMISSION];
	}
	/* "om toestemming gevraagd", "um Erlaubnis gebeten": the verb that
	 * asks is the consent request's own, not a request for the arms */
	if (have[C_CONS_REQ] && have[C_REQUESTED])
		have[C_REQUESTED] = 0;
	/* "Warschau hatte den Antrag vor drei Wochen gestellt", "Varsovie
	 * avait sollicité ce feu vert": right after a consent is told, a
	 * request that names no materiel and no transfer of its own, made by
	 * a state other than the recipient, is the request for that consent */
	if (have[C_REQUESTED] && !have[C_CONS_REQ] && !have[C_CONS_GRANT] && !have[C_CONS_DENY] &&
	    !have[C_TRANSFER] && !have[C_TRANSFER_NOUN] && !have[C_DELIVERED] && !have[C_COMMITTED] &&
	    !have[C_RECEIVE] && !have[C_REFUSED] && !have[C_NEG] && !have[C_OFFERED] && !have[C_CONSIDERING] &&
	    recent_consent_by(g, 2)) {
		int other = 0, items = 0;
		/* the asker is the subject before the verb of asking (or right
		 * after it, inverted: "Eerder vroeg België Ankara"), or stands after a request noun that opens the
		 * clause ("Den Antrag hatte Warschau gestellt"); "pressed the
		 * government on Israel" names a topic, no asker */
		size_t rq = pos[C_REQUESTED];
		int noun_first = request_noun(g, c, rq);
		for (size_t i = c->m0; i + 1 < rq && noun_first; i++)
			if (!cue_at(g, i, C_ARTICLE) && !cue_at(g, i, C_DEMONSTRATIVE) && !cue_at(g, i, C_MORE))
				noun_first = 0;
		for (size_t i = c->m0; i < c->m1; i++) {
			const mention *m = &g->m[i];
			if (m->kind == M_ITEM)
				items = 1;
			else if (m->kind == M_ACTOR && !m->weak && !m->origin_only) {
				if (m->code == g->default_recipient)
					items = 1;   /* the recipient asks, or is named: no back-reference */
				else if (i < rq || noun_first ||
				         ((g->lang == LANG_NL || g->lang == LANG_DE) && m->t0 <= g->m[rq].t1 + 1))
					other = 1;
			}
		}
		if (other && !items) {
			p->backref = 1;
			have[C_CONS_REQ]++;
			pos[C_CONS_REQ] = pos[C_REQUESTED];
			have[C_REQUESTED] = 0;
		}
	}
	/* "Madrid avait sollicité le feu vert suisse ... ; il lui a été
	 * refusé", "Oslo asked Berlin for approval; it was refused": right
	 * after a consent request, a refusal naming no materiel, no verb of
	 * giving and no state but the one asked denies that consent */
	if (refusal_backref(g, c, have)) {
		p->backref = 1;
		have[C_CONS_DENY]++;
		pos[C_CONS_DENY] = pos[C_REFUSED];
		have[C_REFUSED] = 0;
	}
	/* "Italy approved Norway's transfer of tanks", "genehmigte die
	 * Weitergabe", "keurde de overdracht door Noorwegen goed": approving
	 * a transfer that another state makes, or a re-export, grants it
	 * consent; asking a state to approve one asks for consent ("asked
	 * Bern to approve the re-export", "gevraagd in te stemmen met de
	 * levering").  Approving one's own delivery stays a commitment. */
	if (have[C_COMMITTED] && !have[C_CONS_GRANT] && !have[C_CONS_DENY] && !have[C_CONS_REQ]) {
		size_t ap = approving_at(g, c);
		/* "needed Berlin's approval before selling them": an approval
		 * named as a noun is asked for with or without a verb of giving */
		int asked = have[C_REQUESTED] && ap < c->m1 && pos[C_REQUESTED] < ap &&
		            (have[C_TRANSFER] || have[C_TRANSFER_NOUN] || request_noun(g, c, ap)) &&
		            !request_noun(g, c, pos[C_REQUESTED]);
		if (ap < c->m1 && (asked || approves_other(g, c, ap, have[C_AUX_PASSIVE] > 0))) {
			int to = asked ? C_CONS_REQ : C_CONS_GRANT;
			have[to]++;
			pos[to] = asked ? pos[C_REQUESTED] : ap;
			/* a promise of the clause's own stays ("announced and
			 * approved") */
			have[C_COMMITTED] = 0;
			for (size_t i = c->m0; i < c->m1; i++)
				if (cue_at(g, i, C_COMMITTED) && !g->m[i].approve && !g->m[i].rel &&
				    !have[C_COMMITTED]++)
					pos[C_COMMITTED] = i;
			if (asked)
				have[C_REQUESTED] = 0;
		} else if (have[C_REQUESTED] && ap < c->m1 && pos[C_REQUESTED] < ap &&
		           ap - pos[C_REQUESTED] <= 2 && approval_owned(g, c, ap)) {
			/* "Poland needed parliament's approval to buy more
			 * howitzers", "avait besoin de l'accord du Parlement":
			 * what is asked for is someone's approval, and when it
			 * is no consent to pass materiel on, nobody is asked for
			 * the materiel */
			have[C_REQUESTED] = 0;
		}
	}
	/* "genehmigten die Weitergabe von F-16", "verweigert den Transit":
	 * approving or refusing a re-export or a transit is a consent */
	if (!have[C_PERMISSION] && !have[C_CONS_GRANT] && !have[C_CONS_DENY] && !have[C_CONS_REQ]) {
		static const int verbs[] = { C_COMMITTED, C_REFUSED, C_REQUESTED };
		for (size_t k = 0; k < sizeof verbs / sizeof verbs[0]; k++) {
			int v = verbs[k];
			if (!have[v])
				continue;
			size_t j = pos[v] + 1;
			while (j < c->m1 && cue_at(g, j, C_ARTICLE))
				j++;
			int named = j < c->m1 && g->m[j].reexport && g->m[j].t0 - g->m[pos[v]].t1 <= 4;
			/* "genehmigte die Regierung Dänemark und den Niederlanden
			 * die Weitergabe": the subject and those given it may
			 * stand between */
			for (size_t q = pos[v] + 1; q < c->m1 && !named; q++) {
				const mention *n = &g->m[q];
				if (n->reexport && !n->rel && n->t0 - g->m[pos[v]].t1 <= 10)
					named = 1;
				/* "a request from Warsaw to re-export": the asker
				 * after its preposition, and the infinitive's "to" */
				else if (!(n->kind == M_ACTOR || cue_at(g, q, C_ARTICLE) || cue_at(g, q, C_ANAPHOR) ||
				           cue_at(g, q, C_COORD) || cue_at(g, q, C_PRONOUN) ||
				           (v == C_REQUESTED && cue_at(g, q, C_SOURCE) && q + 1 < c->m1 &&
				            g->m[q + 1].kind == M_ACTOR) ||
				           (v == C_REQUESTED && cue_at(g, q, C_RECIP) && q + 1 < c->m1 &&
				            g->m[q + 1].reexport && g->m[q + 1].t0 == n->t1)))
					break;
			}
			/* a verb closing the clause takes the re-export or
			 * passage named before it (with a request, only when the
			 * clause asks for nothing else) */
			if (!named && (v == C_REQUESTED || !have[C_REQUESTED]))
				named = reexport_before_closing(g, c, pos[v], v == C_REQUESTED);
			if (named) {
				int to = v == C_COMMITTED ? C_CONS_GRANT : v == C_REFUSED ? C_CONS_DENY : C_CONS_REQ;
				have[to]++;
				pos[to] = pos[v];
				have[v] = 0;
				break;
			}
		}
	}
	/* "die Schweiz verweigert Deutschland weiterhin die Weitergabe", "hat
	 * Spanien die Weitergabe von Munition verweigert": a refusal with a
	 * state (not the refuser) right before a re-export denies that state
	 * consent */
	if (have[C_REFUSED] && !have[C_REQUESTED] && !have[C_CONS_GRANT] && !have[C_CONS_DENY] &&
	    !have[C_CONS_REQ] && !have[C_NEG]) {
		const mention *subj = NULL;
		for (size_t i = c->m0; i < c->m1 && !subj; i++)
			if (g->m[i].kind == M_ACTOR && !g->m[i].origin_only)
				subj = &g->m[i];
		for (size_t n = c->m0 + 1; n < c->m1 && subj; n++) {
			if (!g->m[n].reexport || g->m[n].rel)
				continue;
			size_t j = n - 1;
			while (j > c->m0 && cue_at(g, j, C_ARTICLE))
				j--;
			const mention *a = &g->m[j];
			if (a->kind == M_ACTOR && a != subj && a->role == ROLE_NONE && !a->origin_only &&
			    a->code != subj->code && a->code != g->default_recipient && a->t1 + 3 >= g->m[n].t0) {
				have[C_CONS_DENY]++;
				pos[C_CONS_DENY] = pos[C_REFUSED];
				have[C_REFUSED] = 0;
			}
			break;
		}
	}
	/* "Romania has agreed to let military aid pass through its
	 * territory", "Hongarije staat niet toe dat wapens over Hongaars
	 * grondgebied worden vervoerd": what a state agrees to or refuses on
	 * its own ground is a transit, which it permits or denies */
	p->transit = transit_at(g, c, &p->owner);
	/* "Polen lässt Militärgüter in die Ukraine passieren", "lets weapons
	 * pass into Ukraine", "laisse passer les armes": letting materiel
	 * pass is a transit on the letting state's ground, named or not */
	if (!p->transit && have[C_LET] && !have[C_TRANSFER] && !have[C_DELIVERED] && let_pass(g, c, pos[C_LET]))
		p->transit = 1;
	if (p->transit && !have[C_CONS_GRANT] && !have[C_CONS_DENY] && !have[C_CONS_REQ]) {
		int own = !p->owner;
		for (size_t i = c->m0; i < c->m1 && p->owner && !own; i++)
			if (g->m[i].kind == M_ACTOR && g->m[i].role == ROLE_NONE && !g->m[i].origin_only) {
				own = g->m[i].code == p->owner->code;
				break;
			}
		/* "agreed to send weapons through its territory" is a
		 * transfer of its own: only what passes is permitted */
		int v = have[C_REFUSED] ? C_REFUSED : have[C_COMMITTED] ? C_COMMITTED : -1;
		if (own && v >= 0 && !have[C_TRANSFER] && !have[C_DELIVERED]) {
			int to = v == C_REFUSED ? C_CONS_DENY : C_CONS_GRANT;
			have[to]++;
			pos[to] = pos[v];
			have[v] = 0;
		} else if (!own && p->owner && have[C_REQUESTED] && v < 0 && !have[C_TRANSFER] &&
		           !have[C_DELIVERED] && !have[C_NEG]) {
			/* "Die Slowakei hatte Budapest gebeten, Transporte über die
			 * ungarisch-ukrainische Grenze zu ermöglichen": asking
			 * for passage over another state's ground asks that state
			 * for consent */
			have[C_CONS_REQ]++;
			pos[C_CONS_REQ] = pos[C_REQUESTED];
			have[C_REQUESTED] = 0;
		} else if (own && have[C_LET]) {
			/* "Polen en Slowakije laten de wapenleveringen over hun
			 * grondgebied gaan", "will not let weapons cross its
			 * territory": letting pass is permitting (negated,
			 * refusing) */
			have[C_CONS_GRANT]++;
			pos[C_CONS_GRANT] = pos[C_LET];
			have[C_TRANSFER] = have[C_DELIVERED] = 0;
		}
	}
	/* "Berne refuse que l'Allemagne réexporte des munitions", "refused
	 * to let Germany pass on ammunition": a refusal whose object is
	 * another state's transfer denies that state consent */
	if (have[C_REFUSED] && !have[C_REQUESTED] && !have[C_CONS_GRANT] && !have[C_CONS_DENY] &&
	    !have[C_CONS_REQ] && !have[C_NEG]) {
		size_t r = pos[C_REFUSED], j = r + 1;
		int comp = 0;
		/* "refuse de laisser d'autres pays réexporter": the French
		 * infinitive's "de" and a verb of letting stand between too */
		while (j < c->m1 && (cue_at(g, j, C_COMP) || cue_at(g, j, C_INF) || cue_at(g, j, C_PRONOUN) ||
		                     cue_at(g, j, C_LET) ||
		                     (j == r + 1 && cue_at(g, j, C_RECIP)) ||
		                     (j == r + 1 && g->lang == LANG_FR && cue_at(g, j, C_SOURCE) &&
		                      j + 1 < c->m1 && cue_at(g, j + 1, C_LET)))) {
			comp |= cue_at(g, j, C_COMP);
			j++;
		}
		const mention *subj = j < c->m1 ? &g->m[j] : NULL;
		/* "refused to let other countries re-export": states the text
		 * leaves unnamed are denied it as well */
		int some = subj && cue_at(g, j, C_SOME_DONOR) && subj->t0 - g->m[r].t1 <= 4;
		int other = some ||
		            (subj && subj->kind == M_ACTOR && subj->role == ROLE_NONE && !subj->origin_only &&
		             !subj->weak && subj->code != g->default_recipient && subj->t0 - g->m[r].t1 <= 4);
		/* "refuses, like Austria, to send": a comma only before "dass" */
		if (other && !comp && comma_between(g, g->m[r].t1, subj->t0))
			other = 0;
		/* the refuser stands before the verb ("Vorige week weigerde
		 * Duitsland": inverted, the state after it is the subject),
		 * and a state right before an item is the one refused it
		 * ("weigert Nederland tanks te leveren") */
		int refuser = 0;
		for (size_t i = c->m0; i < r && other; i++) {
			if (g->m[i].kind != M_ACTOR)
				continue;
			if (!some && g->m[i].code == subj->code)
				other = 0;
			else if (g->m[i].code != g->default_recipient && !g->m[i].origin_only)
				refuser = 1;
		}
		/* ... unless a verb of letting comes after the item: "weigerde
		 * Duitsland munitie aan Oekraïne te laten doorgeven" */
		int lets = 0;
		for (size_t i = j + 1; i < c->m1 && other && !lets; i++)
			lets = cue_at(g, i, C_LET) && !g->m[i].rel;
		if (!refuser || (object_before_item(g, j, c->m1) && !lets))
			other = 0;
		/* "refused to let Germany pass Swiss-made shells on to
		 * Ukraine": a state that passes materiel on transfers it, as
		 * one that lets ships pass through its straits does not (no
		 * state stands after the refusal there) */
		int transfer = 0;
		for (size_t i = j + 1; i < c->m1 && other; i++)
			if (!g->m[i].rel && (cue_at(g, i, C_TRANSFER) || cue_at(g, i, C_DELIVERED) ||
			                     cue_at(g, i, C_PASS_VERB) ||
			                     (cue_at(g, i, C_TRANSFER_NOUN) && g->m[i].reexport)))
				transfer = 1;
		if (other && transfer) {
			have[C_CONS_DENY]++;
			pos[C_CONS_DENY] = r;
			have[C_REFUSED] = 0;
		}
	}
	/* "Nederland mag van de Verenigde Staten F-16's leveren": the
	 * subject is allowed a transfer by the state after the modal */
	if (have[C_PERMITTED] && !have[C_CONS_GRANT] && !have[C_CONS_DENY] && !have[C_CONS_REQ] &&
	    (have[C_TRANSFER] || have[C_DELIVERED] || have[C_COMMITTED])) {
		size_t j = pos[C_PERMITTED] + 1;
		if (j < c->m1 && cue_at(g, j, C_ARTICLE) && g->m[j].t0 == g->m[j - 1].t1)
			j++;
		if (j < c->m1 && g->m[j].kind == M_ACTOR && g->m[j].t0 - g->m[j - 1].t1 <= 1 &&
		    g->m[j].code != g->default_recipient) {
			p->by = &g->m[j];
			have[C_CONS_GRANT]++;
			pos[C_CONS_GRANT] = pos[C_PERMITTED];
			have[C_TRANSFER] = have[C_DELIVERED] = have[C_COMMITTED] = 0;
		}
	}
	/* "verzochten de VS de toestellen te mogen doorleveren", "asked to
	 * be allowed to pass them on": asking to be permitted a transfer
	 * asks for consent */
	if (have[C_PERMITTED] && have[C_REQUESTED] && !have[C_CONS_GRANT] && !have[C_CONS_DENY] &&
	    !have[C_CONS_REQ] && !have[C_NEG] && pos[C_REQUESTED] < pos[C_PERMITTED] &&
	    (have[C_TRANSFER] || have[C_PASS_VERB]) && !recipient_asks(g, c, pos[C_REQUESTED])) {
		have[C_CONS_REQ]++;
		pos[C_CONS_REQ] = pos[C_REQUESTED];
		have[C_REQUESTED] = have[C_TRANSFER] = have[C_PASS_VERB] = 0;
	}
	/* "avait sollicité un feu vert", "asked Berlin for the green light",
	 * "bat um grünes Licht": asking for a grant asks for consent (a
	 * request noun before a grant is what is granted: "Poland's request
	 * was given the green light"); the recipient that asks a state to
	 * release arms ("forderte die Bundesregierung auf, Panzer
	 * freizugeben") asks for the arms */
	if (have[C_CONS_GRANT] && have[C_REQUESTED] && !have[C_CONS_REQ] &&
	    pos[C_REQUESTED] < pos[C_CONS_GRANT] && !request_noun(g, c, pos[C_REQUESTED]) &&
	    !recipient_asks(g, c, pos[C_REQUESTED])) {
		have[C_CONS_REQ]++;
		pos[C_CONS_REQ] = pos[C_REQUESTED];
		have[C_CONS_GRANT] = have[C_REQUESTED] = 0;
	}
	/* "Rome had asked Vienna to let the convoys pass", "demandé à
	 * Vienne de laisser passer les convois", "gevraagd de konvooien door
	 * te laten": asking a state to let materiel go is asking it for consent */
	if (have[C_REQUESTED] && have[C_LET] && pos[C_REQUESTED] < pos[C_LET] && !have[C_CONS_REQ] &&
	    !have[C_CONS_GRANT] && !have[C_CONS_DENY] && !have[C_TRANSFER] && !have[C_DELIVERED] &&
	    !have[C_NEG] && !request_noun(g, c, pos[C_REQUESTED]) && !recipient_asks(g, c, pos[C_REQUESTED])) {
		have[C_CONS_REQ]++;
		pos[C_CONS_REQ] = pos[C_REQUESTED];
		have[C_REQUESTED] = have[C_LET] = 0;
	}
	/* "a refusé d'autoriser l'Allemagne à réexporter", "refused to
	 * approve the re-export", "weigerte, die Weitergabe zu genehmigen":
	 * refusing to permit is denying; the refusal is the consent's, not a
	 * refusal to supply */
	if (have[C_CONS_GRANT] && have[C_REFUSED] && !have[C_REQUESTED] && !have[C_CONS_REQ] &&
	    pos[C_REFUSED] < pos[C_CONS_GRANT]) {
		have[C_CONS_DENY]++;
		pos[C_CONS_DENY] = pos[C_REFUSED];
		have[C_CONS_GRANT] = have[C_REFUSED] = 0;
	}
	/* "will not stand in the way if Poland wants to send", "hat die
	 * Weitergabe nicht blockiert": a negated veto lets the transfer go */
	int veto_negated = have[C_CONS_DENY] && have[C_NEG] && !have[C_CONS_GRANT] && !have[C_CONS_REQ] &&
	                   !have[C_REFUSED] && !have[C_PERMISSION];
	/* after the verb ("blokkeerde de doorvoer niet"), not past a
	 * coordinator ("verbietet den Transport ... und nicht über die
	 * Grenze") */
	if (veto_negated)
		for (size_t i = pos[C_CONS_DENY] + 1; i < pos[C_NEG]; i++)
			if (cue_at(g, i, C_COORD) || cue_at(g, i, C_OR))
				veto_negated = 0;
	/* "heeft de VS nooit gevraagd die wederuitvoer tegen te houden",
	 * "never asked Washington to block the re-export": the negation is
	 * the request's; a veto nobody asked for is neither given nor lifted */
	if (veto_negated && have[C_REQUESTED] && pos[C_NEG] < pos[C_REQUESTED] &&
	    pos[C_REQUESTED] < pos[C_CONS_DENY]) {
		veto_negated = 0;
		have[C_CONS_DENY] = 0;
	}
	if (veto_negated) {
		have[C_CONS_GRANT]++;
		pos[C_CONS_GRANT] = pos[C_CONS_DENY];
		have[C_CONS_DENY] = have[C_NEG] = 0;
	}
	approval_answers_request(g, c, p, have, pos);
	/* "Auch Norwegen war mit seinem Wunsch abgeblitzt, ... abzugeben",
	 * "Ook Noorwegen ving bot", "s'est heurté à un refus": the subject was
	 * refused what it asked for, a consent (it asked, and was denied, by
	 * the state after "von", "de", or the materiel's maker); the roles
	 * turn as with a permission received */
	if (have[C_REBUFFED] && !have[C_CONS_REQ] && !have[C_CONS_GRANT] && !have[C_CONS_DENY] &&
	    !have[C_NEG]) {
		p->receive = 1;
		p->cons[p->ncons++] = REC_CONSENT_DENIED;
		p->cons[p->ncons++] = REC_CONSENT_REQUESTED;
		return;
	}
	if (have[C_CONS_GRANT] || have[C_CONS_DENY]) {
		size_t cp = consent_cue_pos(c, have, pos);
		if (cp < c->m1 && (consent_in_question(have, pos, cp) || consent_required(g, c, cp))) {
			have[C_CONS_GRANT] = have[C_CONS_DENY] = 0;
			/* the consent is still what the story is about: a bare
			 * "Warsaw has asked for it" next refers back to it */
			g->last_any_sent = g->nsent;
			/* "muss Washington der Weitergabe zustimmen; einen
			 * Antrag hat Canberra gestellt": the state whose consent
			 * is needed is the one a request told next is made to */
			for (size_t i = c->m0; i < c->m1; i++) {
				const mention *a = &g->m[i];
				if (a->kind == M_ACTOR && a->role == ROLE_NONE && a->sub != ACT_ADJ && !a->origin_only &&
				    !a->weak && a->code != g->default_recipient) {
					g->last_cby = a->code;
					g->last_cby_sent = g->nsent;
					break;
				}
			}
		}
		else if (cp < c->m1 && have[C_CONS_GRANT] && !have[C_NEG] && !have[C_CONS_DENY] &&
		         permits_nothing(g, c, cp, p))
			have[C_CONS_GRANT] = 0;
	}
	/* "Tokio müsste die USA um Zustimmung bitten", "would have to ask
	 * Washington for permission", "zou toestemming moeten vragen",
	 * "devrait demander l'accord de Paris": a request the asker would
	 * need to make is none made (the consent stays the story's topic) */
	if (have[C_CONS_REQ] && hypothetical_need(g, c, pos[C_CONS_REQ])) {
		have[C_CONS_REQ] = 0;
		g->last_any_sent = g->nsent;
	}
	/* consent: an approval of someone else's transfer */
	if (have[C_CONS_REQ])
		p->cons[p->ncons++] = REC_CONSENT_REQUESTED;
	if (have[C_CONS_GRANT] && !have[C_NEG])
		p->cons[p->ncons++] = REC_CONSENT_GRANTED;
	if (have[C_CONS_DENY] || (have[C_CONS_GRANT] && have[C_NEG]) ||
	    (have[C_CONS_REQ] && have[C_REFUSED]))
		p->cons[p->ncons++] = REC_CONSENT_DENIED;
	/* "Polens Regierung forderte Deutschland auf, Panzer zu liefern", "a
	 * resolution calling on member states to deliver": a call on a donor
	 * by a third party is what that party says the donor should do; a
	 * request stays one where the recipient speaks */
	/* "Chișinău a demandé à ses partenaires des radars", "Warschau bat
	 * Washington um Patriot-Systeme": a state that asks for items
	 * itself, with no verb of giving and nobody else named to get them,
	 * asks for its own support, whoever the story is about */
	if (have[C_REQUESTED] && !have[C_TRANSFER] && !have[C_TRANSFER_NOUN] && !have[C_COMMITTED] &&
	    !have[C_DELIVERED] && !have[C_RECEIVE] && !have[C_REFUSED] && !have[C_CONS_GRANT] &&
	    !have[C_CONS_DENY] && !have[C_OFFERED] && !have[C_CONSIDERING] && !have[C_SHOULD] &&
	    !have[C_NEG])
		p->asker = own_request(g, c, pos[C_REQUESTED]);
	/* "Plusieurs députés ont demandé que la France cesse d'envoyer des
	 * armes", "Une députée a plaidé pour l'envoi d'instructeurs en
	 * Ukraine": a third party that asks, as the clause's subject, asks
	 * nothing of the recipient's, whatever the sentence names after (not
	 * "des députés ukrainiens", who speak for it) */
	if (have[C_REQUESTED] && !p->asker) {
		for (size_t i = c->m0; i < pos[C_REQUESTED]; i++) {
			if (g->m[i].kind == M_ACTOR || (g->m[i].kind == M_CUE && g->m[i].sub <= C_RECEIVE))
				break;
			if (cue_at(g, i, C_THIRD_PARTY)) {
				const mention *n = i + 1 < c->m1 ? &g->m[i + 1] : NULL;
				if (n && n->kind == M_ACTOR && n->sub == ACT_ADJ && n->code == g->default_recipient)
					break;
				return;
			}
		}
	}
	if (have[C_REQUESTED] && !ua_in_sentence && !have[C_REFUSED] && !have[C_COMMITTED] &&
	    !have[C_CONS_GRANT] && !have[C_CONS_DENY] && !have[C_OFFERED] && !have[C_CONSIDERING] &&
	    g->default_recipient && !p->asker) {
		/* the asker is the clause's first actor, the one asked may
		 * stand before the verb too ("Het land heeft het westen
		 * gevraagd"); a pronoun or an anaphor first is no third party */
		const mention *asker = c->antecedent;
		for (size_t i = c->m0; i < pos[C_REQUESTED] && !asker; i++) {
			/* "approved Poland's request": the verb before a
			 * request noun is what is done with it */
			if (cue_at(g, i, C_ANAPHOR) || cue_at(g, i, C_PRONOUN) ||
			    (g->m[i].kind == M_CUE && g->m[i].sub <= C_RECEIVE && g->m[i].sub != C_TRANSFER))
				break;
			/* "The opposition called on the government to deliver" */
			if (cue_at(g, i, C_THIRD_PARTY))
				return;
			/* "À Paris, il avait demandé", "In Berlin, he asked":
			 * a place that sets the scene is no party */
			if (g->m[i].kind == M_ACTOR && !g->m[i].weak && !g->m[i].origin_only)
				asker = &g->m[i];
		}
		/* "Belgien schließt eine Lieferung aus, weil die Luftwaffe die
		 * Jets selbst benötigt": a clause that names nobody before its
		 * verb goes on with the sentence's subject */
		int named = names_subject_before(g, c, pos[C_REQUESTED]);
		for (size_t i = 0; i < c->m0 && !asker && !named; i++)
			if (g->m[i].kind == M_ACTOR) {
				if (g->m[i].role == ROLE_NONE && !g->m[i].weak && !g->m[i].origin_only)
					asker = &g->m[i];
				break;
			}
		if (asker && asker->role == ROLE_NONE && asker->code != g->default_recipient)
			return;
	}
	if (weighed_then_decided(g, c, have, pos))
		have[C_CONSIDERING] = 0;
	/* "Le Portugal enverra des obusiers, répondant à une demande de
	 * Kiev", "Australia will send vehicles following a request from
	 * Zelensky": a request named after a comma or an article past the
	 * clause's verb of giving is what that verb answers; the clause gives
	 * both */
	int answers = 0;
	if (have[C_REQUESTED] && !have[C_REFUSED] && !have[C_NEG] && !have[C_CONS_REQ] &&
	    !have[C_CONS_GRANT] && !have[C_CONS_DENY] && !have[C_RECEIVE]) {
		size_t r = pos[C_REQUESTED], v = SIZE_MAX;
		static const int gives[] = { C_COMMITTED, C_DELIVERED, C_TRANSFER };
		for (size_t k = 0; k < sizeof gives / sizeof gives[0]; k++)
			if (have[gives[k]] && pos[gives[k]] < r && pos[gives[k]] < v)
				v = pos[gives[k]];
		if (v != SIZE_MAX && r > c->m0 && g->m[r - 1].t1 + 1 >= g->m[r].t0 &&
		    (cue_at(g, r - 1, C_ARTICLE) || cue_at(g, r - 1, C_RECIP) || cue_at(g, r - 1, C_SOURCE)))
			answers = comma_between(g, g->m[v].t1, g->m[r].t0);
	}
	if (answers) {
		have[C_REQUESTED] = 0;
		p->prov2 = REC_REQUESTED;
	}
	/* "Forderungen nach Kampfflugzeugen erteilte Scholz eine Absage",
	 * "hat Forderungen nach Waffenlieferungen eine Absage erteilt":
	 * calls made by nobody named, with no article or owner, are what
	 * the refusal answers, not a request the text reports */
	if (have[C_REQUESTED] && have[C_REFUSED] && unowned_calls(g, c, pos[C_REQUESTED])) {
		have[C_REQUESTED] = 0;
		p->prov = REC_REFUSED;
	}
	/* "it has not been asked to", "Kyiv did not ask for tanks": a
	 * request denied right at its verb was never made, no record */
	if (have[C_REQUESTED] && have[C_NEG] && !have[C_REFUSED] && pos[C_NEG] < pos[C_REQUESTED] &&
	    g->m[pos[C_REQUESTED]].t0 - g->m[pos[C_NEG]].t1 <= 2) {
		int close = 1;
		for (size_t j = pos[C_NEG] + 1; j < pos[C_REQUESTED]; j++)
			if (!cue_at(g, j, C_AUX_PASSIVE))
				close = 0;
		if (close) {
			p->prov = p->prov2 = -1;
			return;
		}
	}
	/* "Wij hebben niemand om wapens gevraagd": a request of nobody is
	 * a denial that one was made, no request */
	/* French "n'avons demandé ... à personne": the nobody stands apart
	 * from the "ne" (which the clause does not read as a negation of
	 * its own), after the verb of asking */
	if (have[C_REQUESTED] && !have[C_REFUSED] &&
	    ((have[C_NEG] && tok_has_cue(g, g->m[pos[C_NEG]].t0, C_NOBODY)) ||
	     (have[C_NOBODY] && pos[C_NOBODY] > pos[C_REQUESTED] &&
	      !tok_has_cue(g, g->m[pos[C_NOBODY]].t0, C_NEG)))) {
		p->prov = -1;
		return;
	}
	if (have[C_REQUESTED]) {
		p->prov = REC_REQUESTED;
		if (have[C_REFUSED])
			p->prov2 = REC_REFUSED;
		/* "the Pentagon is reviewing Kyiv's request for missiles",
		 * "über die Anfrage ist noch nicht entschieden": weighing a
		 * request is weighing what it asks for, as refusing one is
		 * refusing it */
		else if (have[C_CONSIDERING] && !have[C_NEG] &&
		         (request_noun(g, c, pos[C_REQUESTED]) ||
		          (pos[C_CONSIDERING] < pos[C_REQUESTED] &&
		           g->m[pos[C_REQUESTED]].t0 - g->m[pos[C_CONSIDERING]].t1 <= 1)))
			p->prov2 = REC_CONSIDERING;
		/* "approved Poland's request to send tanks": kept for a
		 * request that turns out to be one for consent */
		p->approve = (have[C_COMMITTED] || have[C_CONS_GRANT]) && have[C_TRANSFER] && !have[C_NEG];
		/* "dat verzoek werd afgewezen", "die Anfrage werde geprüft",
		 * "the request was approved": what a request is answered */
		if (!have[C_NEG] && !have[C_TRANSFER] && !have[C_DELIVERED]) {
			if (have[C_REFUSED] || have[C_CONS_DENY])
				p->reply = REC_REFUSED;
			else if (have[C_COMMITTED] || have[C_CONS_GRANT])
				p->reply = REC_COMMITTED;
			else if (have[C_CONSIDERING])
				p->reply = REC_CONSIDERING;
		}
		return;
	}
	/* "Les États-Unis, dont l'accord est nécessaire pour tout transfert,
	 * ont donné leur feu vert", "Washington, whose approval the transfer
	 * needs, gave the green light": beside a consent cue, a word of
	 * approving is that consent's, no promise of the approver's own */
	if (p->ncons && have[C_COMMITTED] && only_approvals(g, c))
		have[C_COMMITTED] = 0;
	/* under a consent cue a bare transfer verb is what is permitted
	 * ("permission to export howitzers"), not a provision of its own;
	 * but a wish to give, told before the consent cue, is the wisher's
	 * own offer ("Berlin souhaitait transmettre des obus et avait
	 * demandé l'autorisation", "wanted to send tanks and asked Bern") */
	if (p->ncons && !have[C_COMMITTED] && !have[C_OFFERED] && !have[C_CONSIDERING]) {
		size_t cpos = (size_t)-1;
		for (int k = C_CONS_REQ; k <= C_CONS_DENY; k++)
			if (have[k] && pos[k] < cpos)
				cpos = pos[k];
		if (!(have[C_PAST_WANT] && have[C_TRANSFER] && pos[C_PAST_WANT] < pos[C_TRANSFER] &&
		      pos[C_TRANSFER] < cpos && !have[C_NEG]))
			return;
		have[C_OFFERED]++;
		pos[C_OFFERED] = pos[C_TRANSFER];
	}
	if (p->ncons) {
		/* "Germany blocked Estonia's plan to give": what comes after
		 * the consent verb is what it permits or forbids */
		size_t cpos = (size_t)-1;
		for (int k = C_CONS_REQ; k <= C_CONS_DENY; k++)
			if (have[k] && pos[k] < cpos)
				cpos = pos[k];
		int before = 0;
		for (int k = C_COMMITTED; k <= C_CONSIDERING; k++)
			if (have[k] && pos[k] < cpos)
				before = 1;
		if (!before)
			return;
	}
	if (p->ncons)
		have[C_DELIVERED] = 0;
	/* "L'Iran a démenti avoir fourni des missiles": a denial asserts
	 * nothing; nor does rejecting a claim ("Berichte, wonach Südafrika
	 * Granaten bereitgestellt habe, wies Pretoria zurück", "rejected
	 * allegations that it had sent drones") */
	if (have[C_DENIAL])
		return;
	/* "condemned North Korea for providing Russia with shells": what a
	 * state is blamed for is presupposed, not told */
	if (have[C_BLAME])
		for (size_t i = pos[C_BLAME] + 1; i + 1 < c->m1; i++)
			if (cue_at(g, i, C_RECIP) && g->m[i + 1].kind == M_CUE && g->m[i + 1].t0 == g->m[i].t1 &&
			    (g->m[i + 1].sub == C_TRANSFER || g->m[i + 1].sub == C_DELIVERED))
				return;
	if (have[C_CLAIM] && have[C_REFUSED]) {
		/* the claim is what is rejected, not a cause of it told before
		 * a colon ("steht wegen der Berichte unter Druck: Bislang
		 * lehnt Seoul es ab") */
		size_t a = g->m[pos[C_CLAIM]].t1, b = g->m[pos[C_REFUSED]].t0;
		if (a > b) {
			size_t x = a;
			a = g->m[pos[C_REFUSED]].t1;
			b = x;
		}
		int cut = 0;
		for (size_t t = a; t < b && !cut; t++)
			cut = is_fold(g->tl, t, ':') || is_fold(g->tl, t, ';');
		if (!cut)
			return;
	}
	/* "Rumours on social media say Iran will deliver missiles", "Des
	 * rumeurs évoquent la livraison": a claim that nobody is named as
	 * making, told before what it claims, is a rumour and asserts
	 * nothing */
	if (have[C_CLAIM] && !have[C_REFUSED] && unattributed_claim(g, c, pos[C_CLAIM]))
		return;
	/* "discussions about how the vehicles could be supplied", "vroeg zich
	 * af waarom": an embedded question asserts no provision, unless the
	 * clause weighs or declines it ("prüft, ob") */
	if (have[C_QUESTION_WORD] && !have[C_CONSIDERING] && !have[C_REFUSED]) {
		/* "train soldiers how to use it": only a question word before
		 * the predicate opens the question */
		static const int preds[] = { C_DELIVERED, C_OFFERED, C_COMMITTED, C_RECEIVE,
		                             C_TRANSFER, C_TRANSFER_NOUN };
		int before = 1;
		for (size_t k = 0; k < sizeof preds / sizeof preds[0]; k++)
			if (have[preds[k]] && pos[preds[k]] < pos[C_QUESTION_WORD])
				before = 0;
		if (before)
			return;
	}
	/* "Le Mali a reçu des avions de Russie, a annoncé l'armée", "Ukraine
	 * has received jets, the air force announced": an announcing verb
	 * past a comma that gives nothing of its own is the
	 * speech tag of the receipt before it, not a promise */
	if (have[C_RECEIVE] && have[C_COMMITTED] && pos[C_COMMITTED] > pos[C_RECEIVE] &&
	    !have[C_DELIVERED] && !have[C_TRANSFER] && !gives_own_item(g, pos[C_COMMITTED])) {
		if (comma_between(g, g->m[pos[C_RECEIVE]].t1, g->m[pos[C_COMMITTED]].t0))
			have[C_COMMITTED] = 0;
	}
	/* "Kiev s'est engagé à ne pas utiliser ces armes", "Ukraine has
	 * promised to use them only at home": a promise the recipient makes,
	 * of nothing given, is its own and no support */
	if (have[C_COMMITTED] && !have[C_TRANSFER] && !have[C_DELIVERED] && !have[C_TRANSFER_NOUN] &&
	    !have[C_RECEIVE] && !have[C_AUX_PASSIVE] && !have[C_REFUSED] && !have[C_OFFERED] &&
	    !have[C_CONSIDERING] && g->default_recipient) {
		const mention *subj = subject_before(g, c, pos[C_COMMITTED]);
		if (subj && subj->code == g->default_recipient)
			return;
	}
	/* "ont achevé en mai la livraison", "completed the delivery": a
	 * verb of completing right before its transfer noun (a date or an
	 * article between) says the transfer is done, as "begun" says it is
	 * under way; "completed negotiations on the delivery" does not */
	if (have[C_COMPLETED] && !have[C_BEGUN] && have[C_TRANSFER_NOUN] &&
	    pos[C_TRANSFER_NOUN] > pos[C_COMPLETED] &&
	    g->m[pos[C_TRANSFER_NOUN]].t0 - g->m[pos[C_COMPLETED]].t1 <= 3 &&
	    no_punct(g, g->m[pos[C_COMPLETED]].t1, g->m[pos[C_TRANSFER_NOUN]].t0)) {
		/* between them only prepositions and short words (articles,
		 * the month of "en mai la livraison"), no noun of its own
		 * ("completed negotiations on the delivery") */
		size_t k = pos[C_COMPLETED] + 1;
		while (k < pos[C_TRANSFER_NOUN] && (cue_at(g, k, C_RECIP) || cue_at(g, k, C_ARTICLE)))
			k++;
		int short_only = 1;
		for (size_t t = g->m[pos[C_COMPLETED]].t1; t < g->m[pos[C_TRANSFER_NOUN]].t0; t++)
			if (!is_short_function_word(g, t))
				short_only = 0;
		if (k == pos[C_TRANSFER_NOUN] && short_only) {
			have[C_BEGUN] = 1;
			pos[C_BEGUN] = pos[C_COMPLETED];
		}
	}
	/* "ont achevé en mai la livraison des F-16 promis", "completed the
	 * delivery of the promised jets": a transfer begun or completed
	 * fulfils the promise that a participle after its noun recalls */
	if (have[C_BEGUN] && have[C_TRANSFER_NOUN] && have[C_COMMITTED] && !have[C_DELIVERED] &&
	    !have[C_TRANSFER] && pos[C_COMMITTED] > pos[C_TRANSFER_NOUN] &&
	    g->m[pos[C_COMMITTED]].t1 - g->m[pos[C_COMMITTED]].t0 == 1)
		have[C_COMMITTED] = 0;
	/* the strongest provision predicate; a delivery outranks the promise
	 * it fulfils ("de beloofde wapens zijn geleverd") */
	static const int order[] = { C_REFUSED, C_CONSIDERING, C_DELIVERED, C_OFFERED, C_COMMITTED,
	                             C_RECEIVE, C_TRANSFER, C_TRANSFER_NOUN };
	int core = -1;
	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++)
		if (have[order[k]]) {
			core = order[k];
			break;
		}
	if (core < 0)
		return;
	const mention *pm = &g->m[pos[core]];
	/* modality and negation within reach of the predicate */
	int neg = 0, fut = 0, pastw = 0, cond = 0, should = 0, already = 0;
	for (size_t i = c->m0; i < c->m1; i++) {
		const mention *m = &g->m[i];
		if (m->kind != M_CUE || m->rel || (mdist(m, pm) > MODAL_SCOPE && !before_particle(m, pm)))
			continue;
		/* a modal after the predicate belongs to what follows ("piloten
		 * opleiden om te kunnen vliegen"), unless it stands right by it */
		int is_if = m->sub == C_IF || (m->sub == C_ONLY_IF && opens_if(g, c, i));
		/* "hätte geliefert, wenn", "zou hebben geleverd als": after
		 * a past that did not happen, "wenn" and "als" are "if" */
		if (m->sub == C_ONLY_IF && !is_if && core == C_DELIVERED && m->t0 >= pm->t1 &&
		    counterfactual_perfect(g, c, pos[core]))
			is_if = 1;
		if (m->sub == C_ONLY_IF && !is_if)
			continue;
		int sub = is_if ? C_COND : m->sub == C_NOT_YET ? C_NEG : m->sub;
		/* "In den kommenden Tagen würden vier MiG-29 übergeben" */
		if (m->would_form)
			sub = C_WOULD;
		/* a condition ("if needed", "falls Kiew darum bittet") bounds
		 * the predicate wherever it stands */
		if ((sub == C_COND || sub == C_FUTURE || sub == C_PAST_WANT || sub == C_WOULD) &&
		    m->t0 > pm->t1 + 2 && !is_if)
			continue;
		switch (sub) {
		case C_NEG:
			if (mdist(m, pm) > SCOPE && !before_particle(m, pm))
				break;
			/* a transfer noun is negated only from before ("geen levering") */
			if (core == C_TRANSFER_NOUN && m->t0 > pm->t0)
				break;
			/* "niet alleen" is no negation, nor is "niet-Navo-lid" */
			if (i + 1 < c->m1 && cue_at(g, i + 1, C_NOT_ONLY) && g->m[i + 1].t0 == m->t1)
				break;
			if (m->t1 < g->tl->n && (g->tl->v[m->t1].flags & TOK_JOINED))
				break;
			/* "n'a pas précisé le nombre de missiles envoyés", "hat
			 * nicht gesagt, wie viele": what is negated is the saying */
			if (negates_report(g, c, i))
				break;
			/* "ne livrera des chars que si": "ne ... que" restricts */
			if (restricts_if(g, c, i) || restricts_que(g, c, i))
				break;
			/* "blijft terughoudend: wil geen wapens sturen": a
			 * negation nearer another verb is that verb's, and leaves
			 * a refusal, an offer or a weighing as it is */
			if ((core == C_REFUSED || core == C_OFFERED || core == C_CONSIDERING) &&
			    negates_other(g, c, i, pos[core]))
				break;
			neg = 1;
			break;
		case C_FUTURE: fut = 1; break;
		case C_PAST_WANT: pastw = 1; break;
		case C_COND:
			/* "could be delivered", but not "would match the rifles
			 * the allies are sending"; a condition of a past that
			 * did not happen ("aurait livré ... si", "hätte
			 * geliefert, wenn") makes the delivery an offer */
			if (core != C_DELIVERED || mdist(m, pm) <= 2 ||
			    (is_if && counterfactual_perfect(g, c, pos[core])))
				cond = 1;
			break;
		case C_WOULD:
			/* "zou hebben geleverd": the reporter's "reportedly", a
			 * delivery (a condition, if any, makes it an offer) */
			if (core == C_DELIVERED && counterfactual_perfect(g, c, pos[core]))
				break;
			/* "said it would send": the future of reported speech,
			 * and so of a promise ("sicherte zu, die USA würden
			 * liefern") */
			if (report_before || promised_before(g, i))
				fut = 1;
			else if (core != C_DELIVERED || mdist(m, pm) <= 2)
				cond = 1;
			break;
		case C_SHOULD:
			if (!zero_relative_modal(g, c, i, pm))
				should = 1;
			break;
		case C_ALREADY:
			/* "levert dertig tanks, bovenop de al geleverde": an
			 * "already" past a comma is another phrase's */
			if (!comma_between(g, m->t0 < pm->t0 ? m->t1 : pm->t1, m->t0 < pm->t0 ? pm->t0 : m->t0))
				already = 1;
			break;
		default: break;
		}
	}
	/* "Die Ukraine bekommt 14 Panzer geliefert", "krijgt ... geleverd":
	 * in the passive with a receiving verb, its tense is the clause's */
	if (future_aux || (core == C_RECEIVE && pm->also_future) ||
	    (core == C_DELIVERED && have[C_RECEIVE] && g->m[pos[C_RECEIVE]].also_future &&
	     pos[C_RECEIVE] < pos[C_DELIVERED]))
		fut = 1;
	/* "Kyiv to get 100 Leopard 1 tanks", "Ukraine to be given 20 tanks
	 * by Poland": a headline's infinitive right after its subject is
	 * what is to come */
	if ((core == C_RECEIVE || core == C_DELIVERED) && pos[core] >= c->m0 + 2) {
		/* the verb, or the passive auxiliary before a participle */
		size_t v = pos[core];
		if (core == C_DELIVERED)
			v = cue_at(g, v - 1, C_AUX_PASSIVE) && g->m[v - 1].t1 == pm->t0 ? v - 1 : c->m0;
		if (v >= c->m0 + 2) {
			const mention *to = &g->m[v - 1], *s = &g->m[v - 2];
			if ((cue_at(g, v - 1, C_RECIP) || cue_at(g, v - 1, C_INF)) &&
			    to->t1 == g->m[v].t0 && s->kind == M_ACTOR && s->t1 == to->t0)
				fut = 1;
		}
	}
	/* what some third party should do is no record; "Germany must send
	 * tanks", where Ukraine speaks, is a request */
	if (should && core != C_REQUESTED) {
		p->prov = ua_in_sentence ? REC_REQUESTED : -1;
		return;
	}
	int t;
	switch (core) {
	case C_REFUSED:
		/* "sluit niet uit", "schließt ... nicht aus", "does not rule
		 * out", "n'exclut pas": not having ruled it out is not having
		 * decided (records.md, considering), in every language and
		 * word order, as the contiguous cues read it */
		t = neg ? REC_CONSIDERING : REC_REFUSED;
		/* "a refusé d'écarter", "refuses to rule out", "weigert uit te
		 * sluiten": refusing a refusal leaves the question open, as a
		 * negated one does */
		if (refuses_refusal(g, c, pos[core]))
			t = t == REC_REFUSED ? REC_CONSIDERING : REC_REFUSED;
		break;
	case C_CONSIDERING: {
		/* "prêt à examiner toute preuve d'un recours aux drones": what
		 * is weighed must be a transfer, or go to someone */
		int to = 0;
		for (size_t i = c->m0; i < c->m1; i++)
			if (g->m[i].kind == M_ACTOR && g->m[i].role == ROLE_RECIP)
				to = 1;
		/* "n'envisage pas d'envoyer", "is not considering": ruled out */
		/* "Madrid is still considering it": or be what the sentence
		 * just before told (weighs_told, weighed_record) */
		int told = g->last_any_sent && g->last_any_sent + 1 >= g->nsent;
		if (!to && !p->transferish && (told || clause_has(g, c, C_TAKE_PART)) && weighs_told(g, c))
			to = 1;
		/* "Eine Entscheidung über Kampfpanzer sei noch nicht gefallen",
		 * "No decision on fighter jets has been made": materiel weighed
		 * with no state named goes on with the story of the sentence
		 * just before, which told a record */
		if (!to && !p->transferish && told && clause_has_item(g, c))
			to = weighed_items_only(g, c);
		t = p->transferish || to ? (neg ? REC_REFUSED : REC_CONSIDERING) : -1;
		break;
	}
	case C_OFFERED:
		t = neg ? REC_REFUSED : REC_OFFERED;
		break;
	default:
		/* "Ukraine has not received any tanks from Germany" says what
		 * has not come, not that the donor declines ("Kyiv will not
		 * get F-16s" does) */
		if (neg && core == C_RECEIVE && !fut)
			t = -1;
		else if (neg)
			t = REC_REFUSED;
		else if (pastw || cond)
			t = REC_OFFERED;
		else if (core == C_COMMITTED)
			t = REC_COMMITTED;
		else if (core == C_DELIVERED || core == C_RECEIVE)
			t = fut ? REC_COMMITTED : REC_DELIVERED;
		else if (core == C_TRANSFER)
			/* "behoort tot de landen die tanks leveren": what defines a class
			 * of donors is done, not promised */
		{
			t = (already || have[C_ONE_OF]) && !fut ? REC_DELIVERED : REC_COMMITTED;
			/* "Norway sends eight Leopard tanks to Ukraine": a present
			 * tense may report what was done as well as what will be */
			p->tentative = !fut;
			/* not the infinitive a promise governs ("maakte bekend
			 * twaalf houwitsers te sturen", "s'est engagé à livrer") */
			size_t v = pos[C_TRANSFER];
			p->present = !fut && !(v > c->m0 && g->m[v - 1].t1 == g->m[v].t0 &&
			                       (cue_at(g, v - 1, C_INF) || cue_at(g, v - 1, C_RECIP) ||
			                        cue_at(g, v - 1, C_SOURCE) || cue_at(g, v - 1, C_COMP)));
		}
		else if (have[C_BEGUN] && !fut)
			/* "Deliveries of Leopard 2 tanks from Portugal have
			 * begun": a transfer that has begun is under way */
			t = REC_DELIVERED;
		else /* a transfer noun asserts nothing by itself */
			t = fut ? REC_COMMITTED : -1;
		break;
	}
	p->prov = t;
}

/* The number span that ends right before token i (adjectives allowed in between). */
/* The first token of a maker mention that ends at token t, or SIZE_MAX. */
static size_t maker_start(const gram_doc *g, size_t t)
{
	if (!has_cue(g, C_MAKER))
		return SIZE_MAX;
	for (size_t i = 0; i < g->nm; i++)
		if (cue_at(g, i, C_MAKER) && g->m[i].t1 == t + 1 && g->m[i].t0 <= t)
			return g->m[i].t0;
	return SIZE_MAX;
}

/* Whether token t is the multiplication sign of "4×4", "6x6". */
static int times_sign(const gram_doc *g, size_t t)
{
	const token *k = &g->tl->v[t];
	const char *f = tok_fold(g->tl, k);
	int32_t c;
	size_t n = utf8_decode(f, k->flen, &c);
	return n == k->flen && (c == 0x00D7 || ((c == 'x') && t > 0 && (g->tl->v[t - 1].flags & TOK_NUM)));
}

static const num_span *quantity_before(const gram_doc *g, size_t i, size_t tmin,
                                       const num_span *nums, size_t nn, size_t *qtok,
                                       const char **unit)
{
	const tok_list *tl = g->tl;
	*unit = NULL;
	size_t j = i, skipped = 0;
	int calibre = 0;   /* a calibre unit stood between: "155 mm shells" */
	while (j > tmin && skipped <= 3) {
		const token *p = &tl->v[j - 1];
		for (size_t k = 0; k < nn; k++) {
			if (nums[k].end == p->end || (nums[k].end <= p->end && nums[k].end > p->start)) {
				if (nums[k].flags & (NUM_YEAR | NUM_ORDINAL | NUM_RANGE | NUM_PERCENT |
				                     NUM_MONEY | NUM_OVERFLOW))
					return NULL;
				if (nums[k].value < 0)
					return NULL;
				/* the token where the number starts */
				size_t s = j - 1;
				while (s > tmin && tl->v[s - 1].end > nums[k].start)
					s--;
				/* "4×4 Bushmaster vehicles": a drive or size, no count */
				if (s > 0 && times_sign(g, s - 1))
					return NULL;
				/* "155-millimetre shells", "1,800 2,000-pound bombs",
				 * "5,000 155 mm rounds": a number joined by a hyphen
				 * to a word, or before a calibre unit, measures the
				 * item; the count, if any, is the number before it */
				const char *text = g->d->text;
				if (calibre || (text[nums[k].end] == '-' && isalpha((unsigned char)text[nums[k].end + 1]))) {
					if (s <= tmin)
						return NULL;
					for (size_t k2 = 0; k2 < nn; k2++)
						if (nums[k2].end == tl->v[s - 1].end &&
						    !(nums[k2].flags & (NUM_YEAR | NUM_ORDINAL | NUM_RANGE | NUM_PERCENT |
						                        NUM_MONEY | NUM_OVERFLOW)) &&
						    nums[k2].value >= 0) {
							size_t s2 = s - 1;
							while (s2 > tmin && tl->v[s2 - 1].end > nums[k2].start)
								s2--;
							*qtok = s2;
							return &nums[k2];
						}
					return NULL;
				}
				*qtok = s;
				return &nums[k];
			}
		}
		/* "108 General Dynamics Corp. M1A2T Abrams tanks": a maker's
		 * name between the count and the item */
		size_t mk = maker_start(g, j - 1);
		if (mk != SIZE_MAX) {
			j = mk;
			continue;
		}
		if ((p->flags & TOK_PUNCT) && (p->flags & TOK_QUOTE)) {
			/* "40 ton ‘aan medische hulp’": quotes are no boundary */
			j--;
			continue;
		}
		if (p->flags & TOK_PUNCT)
			return NULL;
		/* "40 ton aan ...", "two tonnes of ..." (weight words in
		 * data/grammar_words.tsv) */
		lex_match wm[LEX_NKINDS];
		lex_match_at(g->lx, tl, g->d->text, j - 1, j, g->lang, wm);
		if (wm[LEX_CUE].e && wm[LEX_CUE].e->sub == C_WEIGHT) {
			*unit = "ton";
			skipped = 0;
			j--;
			continue;
		}
		if (wm[LEX_CUE].e && wm[LEX_CUE].e->sub == C_CALIBRE) {
			calibre = 1;
			j--;
			continue;
		}
		skipped++;
		j--;
	}
	*unit = NULL;
	return NULL;
}

/* The sentence's dates, scanned at the first call. */
static const date_span *dates_of(gram_scans *sc, size_t *nd)
{
	if (!sc->dscanned) {
		sc->dscanned = 1;
		sc->nd = sc->on ? sc->dates(sc->ctx, sc->dv, sc->dmax) : 0;
	}
	*nd = sc->nd;
	return sc->dv;
}

/* "Ukraine received a call from Germany about tanks", "a reçu un appel
 * de Paris": the receiving verb's object is a phrase of its own (a
 * determiner and a noun that is no item, no number and no date) right
 * before the source, so what it receives is that, not the items named
 * after. */
static int receives_other(const gram_doc *g, const clause *c, gram_scans *sc)
{
	size_t r = c->m0;
	while (r < c->m1 && !(cue_at(g, r, C_RECEIVE) && !g->m[r].rel))
		r++;
	size_t s = r + 1;
	if (s < c->m1 && cue_at(g, s, C_ARTICLE) && g->m[s].t0 == g->m[r].t1)
		s++;
	if (s + 1 >= c->m1 || !cue_at(g, s, C_SOURCE))
		return 0;
	for (size_t i = c->m0; i < r; i++)
		if (g->m[i].kind == M_ITEM)
			return 0;
	size_t a = g->m[r].t1, b = g->m[s].t0;
	if (b < a + 2 || b > a + 3)
		return 0;
	size_t nd;
	const date_span *dv = dates_of(sc, &nd);
	const tok_list *tl = g->tl;
	for (size_t t = a; t < b; t++) {
		if (tl->v[t].flags & (TOK_PUNCT | TOK_NUM))
			return 0;
		for (size_t k = 0; k < nd; k++)
			if (dv[k].start < tl->v[t].end && dv[k].end > tl->v[t].start)
				return 0;
	}
	return 1;
}

/* Sets r's when; returns 1 when the date it took lies ahead of the
 * document's ("la semaine prochaine"). */
static int set_when(const gram_doc *g, record *r, size_t c0, size_t c1, gram_scans *gd,
                    size_t s0, size_t s1, const date_span **used)
{
	const tok_list *tl = g->tl;
	size_t nd;
	const date_span *dates = dates_of(gd, &nd);
	const date_span *best = NULL;
	/* the first date inside the clause, else inside the sentence */
	for (int pass = 0; pass < 2 && !best; pass++) {
		size_t a = pass ? s0 : c0, b = pass ? s1 : c1;
		for (size_t k = 0; k < nd; k++) {
			if (dates[k].start >= tl->v[a].start && dates[k].end <= tl->v[b - 1].end) {
				best = &dates[k];
				break;
			}
		}
	}
	if (used)
		*used = best;
	if (best) {
		if (best->kind == DATE_VAGUE)
			r->when[0] = '\0';
		else
			str_copy(r->when, sizeof r->when, best->when);
		return best->ahead;
	}
	str_copy(r->when, sizeof r->when, g->now);
	r->when_default = 1;
	return 0;
}

/* Whether two canonical system names are one family: equal, or one the
 * other's first words ("Leopard", "Leopard 2"; not "Leopard 1" and
 * "Leopard 2"). */
static int same_family(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > lb) {
		const char *t = a;
		a = b;
		b = t;
		size_t n = la;
		la = lb;
		lb = n;
	}
	return !strncmp(a, b, la) && (lb == la || b[la] == ' ' || b[la] == '-');
}

/* Whether r, of the same sentence as o, counts or names after a colon
 * what o's bare item only said in general: "Kampfpanzer für Kiew: Berlin
 * liefert 14 Leopard 2".  o's evidence holds both items. */
static int colon_elaborates(const record *o, const record *r)
{
	if (o->quantity >= 0 || o->system || (r->quantity < 0 && !r->system) || !o->evidence)
		return 0;
	const char *a = strstr(o->evidence, o->item);
	if (!a)
		return 0;
	const char *colon = strchr(a + strlen(o->item), ':');
	return colon && strstr(colon, r->item) != NULL;
}

/* Merges r into an earlier record of the document stating the same fact;
 * returns 1 when merged (r is then released by the caller).  A back
 * reference (its item a bare noun after a possessive or a demonstrative:
 * "its aircraft", "diese Bomben") repeats an item of its own sentence
 * too. */
static int rec_merge(rec_list *out, size_t first, record *r, int backref)
{
	for (size_t i = first; i + 1 < out->n; i++) {
		record *o = &out->v[i];
		if (o->donor != r->donor || o->recipient != r->recipient)
			continue;
		/* a headline's tentative pledge and the body's delivery are one
		 * fact, a delivery */
		int retype = 0;
		if (o->type != r->type) {
			if (!((o->type == REC_COMMITTED && o->tentative && r->type == REC_DELIVERED) ||
			      (r->type == REC_COMMITTED && r->tentative && o->type == REC_DELIVERED)))
				continue;
			/* of the same time: not the background "delivered last year" */
			size_t a = strlen(o->when), b = strlen(r->when);
			if (strncmp(o->when, r->when, a < b ? a : b))
				continue;
			retype = 1;
		}
		if (rec_is_consent(r->type)) {
			if (o->consent_by != r->consent_by)
				continue;
		} else if (o->category != r->category) {
			continue;
		}
		if (o->quantity >= 0 && r->quantity >= 0 && o->quantity != r->quantity)
			continue;
		/* "a package of 200 million", then "3 billion since 2022": two
		 * sums are two pledges, as two counts are */
		if (o->value >= 0 && r->value >= 0 && o->value != r->value)
			continue;
		/* two items of one sentence are two records ("een noodhospitaal
		 * en verbandmiddelen"); a repeat elsewhere is the same fact, and
		 * so is a bare noun that a colon goes on to count or name
		 * ("Ook de VS sturen tanks: ... 31 Abrams-tanks") */
		if (o->span[0] == r->span[0] && !rec_is_consent(r->type) && o->item && r->item &&
		    strcmp(o->item, r->item) && !colon_elaborates(o, r) && !backref)
			continue;
		if (o->system && r->system && !same_family(o->system, r->system))
			continue;
		/* "NASAMS, HAWKs, Stingers and counter-UAV equipment": an item
		 * with no system beside systems of its kind is one more of them,
		 * not a repeat of an earlier named one */
		if (o->system && !r->system && !backref) {
			int listed = 0;
			for (size_t k = first; k + 1 < out->n; k++)
				if (out->v[k].span[0] == r->span[0] && out->v[k].system &&
				    out->v[k].category == r->category)
					listed = 1;
			if (listed)
				continue;
		}
		if (o->quantity < 0 && r->quantity >= 0) {
			o->quantity = r->quantity;
			o->unit = r->unit;
		}
		/* the more precise name of the family: "Leopard 2" over "Leopard" */
		if (!o->system || (r->system && strlen(r->system) > strlen(o->system)))
			o->system = r->system;
		if (retype) {
			o->type = REC_DELIVERED;
			o->tentative = 0;
		}
		if (o->value < 0 && r->value >= 0) {
			o->value = r->value;
			o->currency = r->currency;
		}
		/* the repeat may say more precisely when: "im März", then "am
		 * 3. März" */
		size_t ow = strlen(o->when), rw = strlen(r->when);
		if ((rw > ow && !strncmp(o->when, r->when, ow)) ||
		    (o->when_default && !r->when_default && r->when[0])) {
			memcpy(o->when, r->when, sizeof o->when);
			o->when_default = r->when_default;
		}
		/* a headline's green light, then the body's permission given
		 * to others ("erteilt Partnerländern die Genehmigung"): the
		 * document tells a consent, not the approver's own pledge */
		if (!r->own_grant)
			o->own_grant = 0;
		return 1;
	}
	return 0;
}

static char *text_of(const gram_doc *g, size_t t0, size_t t1)
{
	const tok_list *tl = g->tl;
	return xstrndup(g->d->text + tl->v[t0].start, tl->v[t1 - 1].end - tl->v[t0].start);
}

static size_t cp_end(const gram_doc *g, size_t t)
{
	const token *k = &g->tl->v[t];
	return k->cp + utf8_count(g->d->text + k->start, k->end - k->start);
}


/* Whether date a (YYYY[-MM[-DD]]) lies wholly after date b, compared at
 * the precision both have. */
static int date_after(const char *a, const char *b)
{
	size_t n = strlen(a) < strlen(b) ? strlen(a) : strlen(b);
	return strncmp(a, b, n) > 0;
}

/* Whether date a lies wholly before date b in an earlier year or month,
 * compared at the precision both have, days left out ("2022" is not
 * before "2022-03"; "2022-02-27" is). */
static int month_before(const char *a, const char *b)
{
	size_t n = strlen(a) < strlen(b) ? strlen(a) : strlen(b);
	if (n > 7)
		n = 7;
	return strncmp(a, b, n) < 0;
}

/* Whether the item phrase's noun stands right after a word of class det
 * or a demonstrative ("the helmets", "its aircraft", "diese Bomben"), the
 * phrase starting at the noun or, when head, at that word ("deze
 * toestellen"). */
static int item_after_det(const gram_doc *g, const item_ref *it, int det, int head)
{
	size_t mi = it->mi;
	if (mi == 0 || mi >= g->nm || g->m[mi].kind != M_ITEM)
		return 0;
	const mention *d = &g->m[mi - 1];
	return (cue_at(g, mi - 1, det) || cue_at(g, mi - 1, C_DEMONSTRATIVE)) &&
	       d->t1 == g->m[mi].t0 && (it->t0 == g->m[mi].t0 || (head && it->t0 == d->t0));
}

/* The last word of a phrase, for comparing heads. */
static const char *last_word(const char *s)
{
	const char *w = strrchr(s, ' ');
	return w ? w + 1 : s;
}

static void same_count(const rec_list *out, size_t first, record *r)
{
	const char *head = last_word(r->item);
	for (size_t i = out->n - 1; i-- > first;) {
		const record *o = &out->v[i];
		if (o->donor == r->donor && o->category == r->category && o->quantity >= 0 && o->item &&
		    !strcasecmp(last_word(o->item), head)) {
			r->quantity = o->quantity;
			r->unit = o->unit;
			return;
		}
	}
}

/* "Großbritannien und Frankreich haben ihre Systeme Storm Shadow und
 * Scalp überlassen", "Britain and France sent Storm Shadow and SCALP":
 * as many donors as named systems, each system from a different one of
 * the donors, pair each donor with its own system, not every donor with
 * every system.  Whether they do. */
/* The origin of the system item it names, from the mention in its
 * phrase that names it ("Marschflugkörper Scalp"), or NULL. */
static const char *system_origin(const gram_doc *g, const item_ref *it)
{
	if (!it->system)
		return NULL;
	for (size_t i = 0; i < g->nm; i++) {
		const mention *m = &g->m[i];
		if (m->kind == M_ITEM && m->t0 >= it->t0 && m->t1 <= it->t1 && m->system &&
		    !strcmp(m->system, it->system))
			return m->sys_origin;
	}
	return NULL;
}

static int origins_pair(const gram_doc *g, const char *const *dv, size_t dn, const item_ref *items,
                        size_t ni)
{
	if (dn != ni || dn < 2)
		return 0;
	for (size_t j = 0; j < ni; j++) {
		const char *o = system_origin(g, &items[j]);
		if (!o)
			return 0;
		size_t d = 0;
		while (d < dn && (!dv[d] || strcmp(dv[d], o)))
			d++;
		if (d == dn)
			return 0;
		for (size_t k = 0; k < j; k++)
			if (!strcmp(system_origin(g, &items[k]), o))
				return 0;
	}
	return 1;
}

/* The state whose adjective stands right before item it, or the list it
 * ends ("Russische raketten en drones"), or NULL. */
static const char *item_origin(const gram_doc *g, const item_ref *it)
{
	size_t j = it->mi;
	while (j > 0 && (g->m[j - 1].kind == M_ITEM || cue_at(g, j - 1, C_COORD)) &&
	       g->m[j].t0 - g->m[j - 1].t1 <= 1)
		j--;
	if (j == 0)
		return NULL;
	const mention *a = &g->m[j - 1];
	return a->kind == M_ACTOR && a->sub == ACT_ADJ && a->t1 == g->m[j].t0 ? a->code : NULL;
}

/* Whether date span d stands right after a word of comparison ("net als
 * vorig jaar", "like last year", "wie im Vorjahr", "comme l'an
 * dernier"): it dates the other event, not this one. */
static int compared_date(const gram_doc *g, const date_span *d)
{
	if (!d)
		return 0;
	for (size_t i = 0; i < g->nm; i++) {
		const mention *m = &g->m[i];
		if (m->kind == M_CUE && m->sub == C_LIKE && g->tl->v[m->t1 - 1].end <= d->start &&
		    (m->t1 == g->tl->n || g->tl->v[m->t1].start >= d->start))
			return 1;
	}
	return 0;
}

static int in_list(const char *const *v, size_t n, const char *c);

/* The donors of the document's latest sentence that gave materiel of
 * category cat to recipient, other than not_by: the states holding what
 * a consent told without an asker is about.  Returns how many went into
 * don (at most max). */
static size_t holders_of(const rec_list *out, size_t first, const char *not_by, const char *recipient,
                         const char *cat, const char **don, size_t max)
{
	size_t n = 0;
	for (size_t r = out->n; r-- > first;) {
		const record *o = &out->v[r];
		if (rec_is_consent(o->type) || o->type == REC_REQUESTED || o->type == REC_REFUSED ||
		    !o->donor || o->donor == not_by || o->recipient != recipient || !o->category ||
		    strcmp(o->category, cat))
			continue;
		for (size_t q = first; q < out->n && n < max; q++) {
			const record *s = &out->v[q];
			if (s->span[0] == o->span[0] && s->donor && s->donor != not_by && s->category &&
			    !strcmp(s->category, cat) && !rec_is_consent(s->type) && !in_list(don, n, s->donor))
				don[n++] = s->donor;
		}
		break;
	}
	return n;
}

/* The last record of out[first, end) that donor gave and that names
 * materiel, or NULL: what a giving of donor that names no item of its
 * own gives again (emit), and so what the sentence may refer back to. */
static const record *last_item_of(const rec_list *out, size_t first, size_t end, const char *donor)
{
	for (size_t i = end; i-- > first;)
		if (out->v[i].donor == donor && out->v[i].item)
			return &out->v[i];
	return NULL;
}

/* The members of a group actor ("EE LV LT", data/actor_groups.tsv) as the
 * lexicon's own codes, into v; 0 when code is one state's, or no group. */
static size_t group_members(const gram_doc *g, const char *code, const char **v, size_t max)
{
	if (!code || !strchr(code, ' '))
		return 0;
	size_t n = 0;
	for (const char *p = code; *p && n < max; p += p[2] ? 3 : 2) {
		char one[3] = { p[0], p[1], 0 };
		const char *m = lex_code(g->lx, one);
		if (m)
			v[n++] = m;
		if (!p[2])
			break;
	}
	return n;
}

static void emit_one(gram_doc *g, rec_list *out, size_t first, int type, const char *donor,
                     const char *recipient, const char *consent_by, const item_ref *it,
                     size_t s0, size_t s1, size_t c0, size_t c1, gram_scans *dates);

/* One record of the clause: a group actor in any role gives one record
 * per member ("the Baltic states asked Washington" is three requests,
 * records.md: one record per donor). */
static void emit(gram_doc *g, rec_list *out, size_t first, int type, const char *donor,
                 const char *recipient, const char *consent_by, const item_ref *it,
                 size_t s0, size_t s1, size_t c0, size_t c1, gram_scans *dates)
{
	const char *const role[3] = { donor, recipient, consent_by };
	for (int k = 0; k < 3; k++) {
		const char *mem[LEX_GROUP_MAX];
		size_t n = group_members(g, role[k], mem, sizeof mem / sizeof mem[0]);
		if (!n)
			continue;
		for (size_t i = 0; i < n; i++)
			emit(g, out, first, type, k == 0 ? mem[i] : donor, k == 1 ? mem[i] : recipient,
			     k == 2 ? mem[i] : consent_by, it, s0, s1, c0, c1, dates);
		return;
	}
	emit_one(g, out, first, type, donor, recipient, consent_by, it, s0, s1, c0, c1, dates);
}

/* "finanziert die Lieferung von 18 Haubitzen; die ersten sechs Haubitzen
 * sollen Ende des Jahres übergeben werden", "the first six of them will
 * follow in May": a count after an ordinal is the first batch of a larger
 * count the sentence already gave the same donor and recipient; told with
 * the same type it is part of that record, no record of its own. */
static int first_batch_of(const gram_doc *g, const rec_list *out, size_t first, const record *r,
                          const item_ref *it, const gram_scans *sc)
{
	if (!it || rec_is_consent(r->type) || r->quantity < 0 || !sc || !sc->np || it->t0 == 0)
		return 0;
	const token *before = &g->tl->v[it->t0 - 1];
	int ordinal = 0;
	for (size_t k = 0; k < sc->nn; k++)
		if ((sc->np[k].flags & NUM_ORDINAL) && sc->np[k].start == before->start && sc->np[k].end == before->end)
			ordinal = 1;
	if (!ordinal)
		return 0;
	for (size_t k = first; k + 1 < out->n; k++) {
		const record *o = &out->v[k];
		if (o->span[0] == r->span[0] && o->type == r->type && o->donor == r->donor &&
		    o->recipient == r->recipient && o->category == r->category && o->quantity > r->quantity)
			return 1;
	}
	return 0;
}

/* The record of one donor, recipient and decider, each a single state or
 * NULL: its item (it, or the materiel the record answered or the donor
 * last gave), its date and its merge with the records before. */
static void emit_one(gram_doc *g, rec_list *out, size_t first, int type, const char *donor,
                     const char *recipient, const char *consent_by, const item_ref *it,
                     size_t s0, size_t s1, size_t c0, size_t c1, gram_scans *dates)
{
	if (donor && recipient && !strcmp(donor, recipient))
		return;
	if (gram_hostile(g->hostile, donor, recipient))
		return;
	/* "asks for air defence, as Russian missiles and drones hit power
	 * plants": weapons of the recipient's enemy are not what it asks for */
	const char *origin = it ? item_origin(g, it) : NULL;
	if (type == REC_REQUESTED && gram_hostile(g->hostile, origin, recipient))
		return;
	/* "Ukrainian troops have been forced to ration shells": the
	 * recipient's own soldiers are not sent to it */
	if (origin && origin == recipient && !strcmp(it->category, "troops"))
		return;
	/* "is sending 3,000 more troops to Poland": troops sent to a state
	 * at peace are stationed there, not given */
	if (it && !rec_is_consent((rec_type)type) && !strcmp(it->category, "troops") &&
	    recipient && !gram_at_war(g->hostile, recipient))
		return;
	g->nemit++;
	record *r = rec_list_push(out);
	r->type = (rec_type)type;
	r->tentative = type == REC_COMMITTED && g->emit_tentative;
	r->own_grant = type == REC_CONSENT_GRANTED && g->emit_own;
	r->donor = donor;
	r->recipient = recipient;
	r->consent_by = rec_is_consent((rec_type)type) ? consent_by : NULL;
	if (it) {
		r->category = it->category;
		r->system = it->system;
		r->item = text_of(g, it->t0, it->t1);
		r->quantity = rec_is_consent((rec_type)type) ? -1 : it->qty;
		r->unit = it->unit;
		/* "The helmets were promised ..." after "5,000 helmets": a
		 * definite noun with no number of its own counts what the
		 * document counted before under the same word */
		if (r->quantity < 0 && !rec_is_consent((rec_type)type) && item_after_det(g, it, C_ARTICLE, 0))
			same_count(out, first, r);
		/* "De wens van Nederland om Leopard 1-tanks te kopen ... Het
		 * Zwitserse parlement heeft leveranties van oorlogsmateriaal
		 * getorpedeerd": the materiel of a consent named only in general
		 * is the system named in this sentence or the one before */
		if (rec_is_consent((rec_type)type) && !r->system && !strcmp(r->category, "weapons") &&
		    g->last_sys && g->last_sys_sent + 1 >= g->nsent) {
			r->system = g->last_sys;
			r->category = g->last_sys_cat;
		}
		r->value = rec_is_consent((rec_type)type) ? -1 : it->value;
		r->currency = it->currency;
	} else if (g->reply_to) {
		/* an answer to a request is about what was asked for */
		const record *o = &out->v[g->reply_to - 1];
		r->category = o->category;
		r->system = o->system;
		r->item = o->item ? xstrdup(o->item) : NULL;
	} else {
		/* "Germany approved the transfer": the materiel is the one the
		 * document's last record about this donor named */
		r->category = rec_category_intern("weapons");
		/* or, when the donor is unnamed ("allowed other countries to do
		 * the same"), the last one the approving state gave */
		const char *who[2] = { donor, r->consent_by };
		for (int w = 0; w < 2 && !r->item; w++) {
			if (!who[w])
				continue;
			const record *o = last_item_of(out, first, out->n - 1, who[w]);
			if (o) {
				r->category = o->category;
				r->system = o->system;
				r->item = xstrdup(o->item);
			}
		}
	}
	const date_span *used = NULL;
	int ahead = set_when(g, r, c0, c1, dates, s0, s1, &used);
	int compared = compared_date(g, used);
	if (compared) {
		/* the date of the event compared with is not this one's */
		str_copy(r->when, sizeof r->when, g->now);
		r->when_default = 1;
		ahead = 0;
	}
	/* "has delivered 20 howitzers, and it will send 30 more next year":
	 * a time ahead in a later clause of the sentence dates that
	 * clause's promise, not the delivery done */
	if (r->type == REC_DELIVERED && ahead && used && c1 > c0 && used->start >= g->tl->v[c1 - 1].end) {
		str_copy(r->when, sizeof r->when, g->now);
		r->when_default = 1;
		ahead = 0;
	}
	/* "De F-16's worden pas volgend jaar geleverd", "livre dès la
	 * semaine prochaine": a delivery dated after the document is still
	 * to come */
	if (r->type == REC_DELIVERED && r->when[0] && g->now[0] && (ahead || date_after(r->when, g->now)))
		r->type = REC_COMMITTED;
	/* "Iran versorgt Russland seit dem Herbst 2022 mit Drohnen", "India
	 * has emerged as a partner, sending rocket launchers to Armenia last
	 * year": a present or a participle of giving dated in a month or
	 * year before the document's tells what was done, not what is
	 * promised */
	else if (r->type == REC_COMMITTED && g->emit_present && !r->when_default && r->when[0] &&
	         g->now[0] && month_before(r->when, g->now) && !compared)
		r->type = REC_DELIVERED;
	r->span[0] = g->tl->v[s0].cp;
	r->span[1] = cp_end(g, s1 - 1);
	if (first_batch_of(g, out, first, r, it, dates)) {
		record_release(r);
		out->n--;
		return;
	}
	if (rec_merge(out, first, r, it && item_after_det(g, it, C_POSSESSIVE, 1) && it->qty < 0)) {
		record_release(r);
		out->n--;
		return;
	}
	/* what no merge reads, copied only for a record that stays */
	r->doc = xstrdup(g->d->id ? g->d->id : "");
	r->evidence = text_of(g, s0, s1);
}

/* Whether clause c has a cue of class cls (the sentence's bits first). */
static int clause_has(const gram_doc *g, const clause *c, int cls)
{
	for (size_t i = c->m0; i < c->m1 && has_cue(g, cls); i++)
		if (cue_at(g, i, cls))
			return 1;
	return 0;
}

/* Whether clause c, the sentence's first, names a request that points
 * back: a request noun that opens it, within its first three tokens,
 * after nothing but function words ("Ook dat verzoek", "Die Anfrage"), or
 * one right after a demonstrative, whoever answers it before ("Het
 * Pentagon heeft dat verzoek goedgekeurd", "Berlin rejected this
 * request"). */
static int reply_anaphor(const gram_doc *g, const clause *c)
{
	if (c->m0 > 0)
		return 0;
	int opens = 1;
	for (size_t i = c->m0; i < c->m1; i++) {
		const mention *m = &g->m[i];
		if (m->kind == M_CUE && m->sub == C_REQUESTED) {
			const mention *d = i > c->m0 ? &g->m[i - 1] : NULL;
			if (d && d->t1 == m->t0 && (cue_at(g, i - 1, C_DEMONSTRATIVE) ||
			                             (cue_at(g, i - 1, C_COMP) && g->lang == LANG_NL)))
				return 1;
			return opens && m->t0 <= c->t0 + 3;
		}
		if (m->kind != M_CUE || m->sub <= C_RECEIVE)
			opens = 0;
	}
	return 0;
}

/* Whether clause c, the k-th of its sentence, opens with a request noun
 * and an earlier clause of the sentence told a request: "Israel hat
 * Berlin um Munition gebeten; über die Anfrage sei noch nicht
 * entschieden", "..., and that request is still being weighed".  The
 * answer is about that request (reply_anaphor asks the same of a
 * sentence's first clause). */
static int request_told_before(const gram_doc *g, const clause *c, size_t k, const rec_list *out,
                               size_t first)
{
	if (k == 0 || c->m0 >= c->m1 || out->n <= first)
		return 0;
	/* after a demonstrative ("over dat verzoek", "cette demande") */
	size_t i = c->m0;
	if (i + 1 < c->m1 && g->m[i].t1 == g->m[i + 1].t0 &&
	    (cue_at(g, i, C_DEMONSTRATIVE) || cue_at(g, i, C_ARTICLE) ||
	     (cue_at(g, i, C_COMP) && g->lang == LANG_NL)))
		i++;
	if (!cue_at(g, i, C_REQUESTED))
		return 0;
	const record *o = &out->v[out->n - 1];
	return o->type == REC_REQUESTED && o->span[0] == g->tl->v[g->s0].cp;
}

/* Whether the clause names a look-alike that is no military support
 * (items.tsv's "-": "Passagierflugzeuge", "civilian airliners"). */
static int clause_nonmilitary(const gram_doc *g, const clause *c)
{
	for (size_t i = c->m0; i < c->m1; i++)
		if (g->m[i].kind == M_ITEM && g->m[i].category && !strcmp(g->m[i].category, "-"))
			return 1;
	return 0;
}

/* The agent of a passive: the state after "by", "door", "von", "par"
 * that follows the auxiliary ("La demande du Danemark ... a été rejetée
 * par la Suisse": not the Denmark of "du"), or NULL. */
static const mention *passive_agent(const gram_doc *g, const clause *c, const mention *const *act,
                                    size_t na, const char *recipient)
{
	size_t aux = SIZE_MAX;
	for (size_t i = c->m0; i < c->m1 && aux == SIZE_MAX; i++)
		if (cue_at(g, i, C_AUX_PASSIVE))
			aux = g->m[i].t0;
	for (size_t i = 0; i < na && aux != SIZE_MAX; i++)
		if (act[i]->role == ROLE_SOURCE && act[i]->code != recipient && !act[i]->weak &&
		    act[i]->t0 > aux)
			return act[i];
	return NULL;
}

/* The state that owns the request at mention i of clause c, named after
 * it: past a preposition of source ("het verzoek van Polen", "a request
 * from Poland", "la demande de la Pologne"), or a German noun's genitive
 * ("ein Gesuch Deutschlands"); NULL if none (nor the recipient). */
static const mention *state_after_request(const gram_doc *g, const clause *c, size_t i,
                                          const char *recipient)
{
	const mention *q = &g->m[i];
	size_t j = i + 1;
	int prep = 0;
	while (j < c->m1 && (cue_at(g, j, C_SOURCE) || cue_at(g, j, C_ARTICLE))) {
		if (cue_at(g, j, C_SOURCE))
			prep = 1;
		j++;
	}
	if (j >= c->m1 || g->m[j].kind != M_ACTOR || g->m[j].code == recipient ||
	    g->m[j].t0 > q->t1 + 3)
		return NULL;
	return prep || german_noun(g, c, q) ? &g->m[j] : NULL;
}

/* The state a request noun belongs to asks; it never decides: "ein
 * Gesuch Deutschlands" (a German noun, capitalised, with its genitive
 * after it), "Gesuche aus Dänemark", "het verzoek van Polen", "a request
 * from Poland", "la demande de la Pologne" (after a preposition of
 * source).  A verb's object ("bittet Berlin") is the side asked. */
static const mention *request_owner(const gram_doc *g, const clause *c, const char *recipient)
{
	for (size_t i = c->m0; i < c->m1; i++) {
		if (!cue_at(g, i, C_REQUESTED))
			continue;
		const mention *o = state_after_request(g, c, i, recipient);
		if (o)
			return o;
	}
	return NULL;
}

/* "Denmark's request to hand Ukraine ...", "Polens Antrag": the state in
 * the genitive right before a request noun, or NULL. */
static const mention *genitive_request_owner(const gram_doc *g, const clause *c,
                                             const char *recipient)
{
	for (size_t i = c->m0 + 1; i < c->m1; i++) {
		if (!cue_at(g, i, C_REQUESTED) || g->m[i].rel)
			continue;
		const mention *a = &g->m[i - 1];
		/* German and Dutch write the genitive on the name itself */
		int joined = a->t1 == g->m[i].t0 && a->sub == ACT_NAME &&
		             (g->lang == LANG_DE || g->lang == LANG_NL);
		if (a->kind == M_ACTOR && a->code != recipient && !a->origin_only &&
		    (joined || genitive_s(g, a->t1, g->m[i].t0)))
			return a;
	}
	return NULL;
}

/* "The United States approved the two requests", "Die USA haben beide
 * Anträge genehmigt", "Les États-Unis ont rejeté la demande": a request
 * noun that is the object of the clause's one state, after it and with
 * no state of its own (no "Poland's request", no "request from
 * Warsaw"), is the request the document told before, answered by that
 * state. */
static int object_reply_anaphor(const gram_doc *g, const clause *c, const mention *const *act,
                                size_t na, const char *recipient)
{
	if (na != 1 || act[0]->role != ROLE_NONE || act[0]->code == recipient || act[0]->rel)
		return 0;
	for (size_t i = c->m0; i < c->m1; i++) {
		if (!cue_at(g, i, C_REQUESTED) || g->m[i].rel)
			continue;
		if (g->m[i].t0 <= act[0]->t1 || genitive_request_owner(g, c, recipient))
			return 0;
		/* the verb or the state, then only determiners ("the two",
		 * "beide", "les deux"), before the noun */
		size_t j = i;
		while (j > c->m0 && (cue_at(g, j - 1, C_ARTICLE) || cue_at(g, j - 1, C_DEMONSTRATIVE)))
			j--;
		if (j == c->m0 || cue_at(g, j - 1, C_SOURCE) || cue_at(g, j - 1, C_RECIP) ||
		    g->m[i].t0 - g->m[j - 1].t1 > 2)
			return 0;
		/* the cue is the noun, not the verb of asking ("Lisbonne a
		 * sollicité l'accord de ..."): the answer's verb comes before
		 * it, or it is a German noun before the verb at the end */
		if (german_noun(g, c, &g->m[i]))
			return 1;
		for (size_t k = c->m0; k < i; k++)
			if (cue_at(g, k, C_COMMITTED) || cue_at(g, k, C_REFUSED) || cue_at(g, k, C_CONSIDERING) ||
			    cue_at(g, k, C_CONS_GRANT) || cue_at(g, k, C_CONS_DENY))
				return 1;
		return 0;
	}
	return 0;
}

/* Answers the request record req - 1 (1-based) with reply (refused,
 * committed for an approval, considering): "Polen und die Slowakei baten
 * ... Die USA haben beide Anträge genehmigt": the request told in one
 * sentence for several askers is answered for each of them. */
static void answer_request(gram_doc *g, rec_list *out, size_t first, size_t req, int reply,
                           const char *by, size_t t0, size_t t1, const clause *c, gram_scans *dates)
{
	for (size_t r = req; r-- > first;) {
		const record *o = &out->v[r];
		if (o->span[0] != out->v[req - 1].span[0])
			break;
		if (o->type != out->v[req - 1].type)
			continue;
		/* "... asked Norway and Sweden for howitzers.  Oslo is weighing
		 * the request": a state that answers answers the request made of
		 * it, not the one made of the other */
		if (by && o->donor != by && o->consent_by != by)
			continue;
		int cons = o->type == REC_CONSENT_REQUESTED;
		int type = cons ? (reply == REC_REFUSED ? REC_CONSENT_DENIED :
		                   reply == REC_COMMITTED ? REC_CONSENT_GRANTED : -1)
		                : reply;
		if (type >= 0) {
			const char *dn = o->donor, *rc = o->recipient, *cb = o->consent_by;
			g->reply_to = r + 1;
			emit(g, out, first, type, dn, rc, cb, NULL, t0, t1, c->t0, c->t1, dates);
			g->reply_to = 0;
		}
	}
}

/* The state right before the clause's first verb of asking ("Norway
 * needed", "Vilnius had to ask"), or NULL.  English only: its subject
 * stands before the verb, where Dutch and German put an object before a
 * participle at the end ("hat Wien die Regierung in Tokio ... gebeten"). */
static const mention *subject_of_request(const gram_doc *g, const clause *c)
{
	if (g->lang != LANG_EN)
		return NULL;
	for (size_t i = c->m0 + 1; i < c->m1; i++) {
		if (!(cue_at(g, i, C_REQUESTED) || cue_at(g, i, C_CONS_REQ)) || g->m[i].rel)
			continue;
		/* "had to ask": the infinitive's "to" between */
		size_t j = i - 1;
		if (j > c->m0 && (cue_at(g, j, C_RECIP) || cue_at(g, j, C_INF)) && g->m[j].t1 == g->m[i].t0)
			j--;
		const mention *a = &g->m[j];
		if (a->kind == M_ACTOR && a->role == ROLE_NONE && !a->origin_only && !a->weak &&
		    g->m[i].t0 - a->t1 <= 3 && no_punct(g, a->t1, g->m[i].t0))
			return a;
		return NULL;
	}
	return NULL;
}

/* Whether a state other than a stands before it among the clause's
 * actors act[0, na). */
static int na_before(const mention *const *act, size_t na, const mention *a)
{
	for (size_t i = 0; i < na; i++)
		if (act[i]->t0 < a->t0 && act[i]->code != a->code)
			return 1;
	return 0;
}

/* Whether a request cue (a consent request or a plain one) stands after
 * the actor a in the clause: a is not the request's owner after it. */
static int request_after(const gram_doc *g, const clause *c, const mention *a)
{
	for (size_t i = (size_t)(a - g->m) + 1; i < c->m1; i++)
		if ((cue_at(g, i, C_CONS_REQ) || cue_at(g, i, C_REQUESTED)) && !g->m[i].rel)
			return 1;
	return 0;
}

/* The state whose request for consent the clause names: the adjective
 * right before the request ("a German request to re-export", "einem
 * deutschen Antrag auf Weitergabe"), or the state after it as
 * request_owner reads one ("request from Denmark", "Antrag
 * Deutschlands"); NULL when the request is nobody's in the text. */
static const mention *consent_request_owner(const gram_doc *g, const clause *c,
                                            const char *recipient)
{
	for (size_t i = c->m0; i < c->m1; i++) {
		if (!(cue_at(g, i, C_CONS_REQ) || cue_at(g, i, C_REQUESTED)) || g->m[i].rel)
			continue;
		const mention *q = &g->m[i];
		if (i > c->m0) {
			const mention *a = &g->m[i - 1];
			if (a->kind == M_ACTOR && a->sub == ACT_ADJ && a->code != recipient && q->t0 - a->t1 <= 1)
				return a;
		}
		/* French puts it after the noun: "la demande danoise" */
		if (g->lang == LANG_FR && i + 1 < c->m1) {
			const mention *a = &g->m[i + 1];
			if (a->kind == M_ACTOR && a->sub == ACT_ADJ && a->code != recipient && a->t0 == q->t1)
				return a;
		}
		const mention *o = state_after_request(g, c, i, recipient);
		if (o && !o->origin_only)
			return o;
	}
	return NULL;
}

/* The agent of a passive relative clause that opens with its pronoun
 * (", die von den USA bereitgestellt wurden", ", which were supplied by
 * Norway", ", die door Duitsland zijn geleverd"): a state after a
 * preposition of source, with a passive auxiliary and a verb of giving
 * in the clause. */
static const mention *relative_agent(const gram_doc *g, const clause *r, const char *recipient)
{
	if (r->m0 >= r->m1 || !cue_at(g, r->m0, C_RELATIVE))
		return NULL;
	const mention *agent = NULL;
	int aux = 0, give = 0;
	for (size_t i = r->m0 + 1; i < r->m1; i++) {
		const mention *m = &g->m[i];
		if (cue_at(g, i, C_AUX_PASSIVE))
			aux = 1;
		else if (cue_at(g, i, C_DELIVERED) || cue_at(g, i, C_TRANSFER) || cue_at(g, i, C_COMMITTED))
			give = 1;
		else if (m->kind == M_ACTOR && !agent && m->role == ROLE_SOURCE && m->code != recipient &&
		         !m->weak && m->sub != ACT_ADJ)
			agent = m;
	}
	return aux && give ? agent : NULL;
}

/* "asked for rocket systems, which Washington has declined to provide",
 * "tanks, which Poland will send": a relative clause set off by a comma
 * right after an item, whose subject is a state (not the recipient) and
 * whose verb gives, promises, offers or refuses.  That state is the
 * one who gives (or was asked for) the antecedent; NULL otherwise. */
static const mention *relative_subject(const gram_doc *g, const clause *r, const char *recipient)
{
	if (r->m0 >= r->m1 || r->m0 == 0 || !is_relative_cut(g, r->m0) || g->m[r->m0 - 1].kind != M_ITEM)
		return NULL;
	size_t i = r->m0 + 1;
	while (i < r->m1 && (cue_at(g, i, C_ARTICLE) || cue_at(g, i, C_FILLER)))
		i++;
	if (i >= r->m1)
		return NULL;
	const mention *a = &g->m[i];
	if (a->kind != M_ACTOR || a->weak || a->sub == ACT_ADJ || a->role != ROLE_NONE || a->code == recipient)
		return NULL;
	for (size_t j = i + 1; j < r->m1; j++) {
		if (g->m[j].kind == M_ACTOR || cue_at(g, j, C_AUX_PASSIVE))
			return NULL;
		if (cue_at(g, j, C_REFUSED) || cue_at(g, j, C_TRANSFER) || cue_at(g, j, C_DELIVERED) ||
		    cue_at(g, j, C_COMMITTED) || cue_at(g, j, C_OFFERED))
			return a;
	}
	return NULL;
}

/* "des missiles Mistral, qui seront cédés à l'Ukraine", "howitzers,
 * which will be handed to Kyiv": a relative set off by a comma right
 * after an item, opening with a passive auxiliary and a verb of giving,
 * with no state before that verb, gives its antecedent. */
static int passive_relative(const gram_doc *g, const clause *r)
{
	if (r->m0 + 2 >= r->m1 || r->m0 == 0 || !is_relative_cut(g, r->m0) || g->m[r->m0 - 1].kind != M_ITEM)
		return 0;
	size_t i = r->m0 + 1;
	if (!cue_at(g, i, C_AUX_PASSIVE) && !cue_at(g, i, C_FUTURE))
		return 0;
	for (size_t j = i + 1; j < r->m1 && j <= i + 2; j++) {
		if (g->m[j].kind == M_ACTOR)
			return 0;
		if (cue_at(g, j, C_TRANSFER) || cue_at(g, j, C_DELIVERED) || cue_at(g, j, C_COMMITTED))
			return 1;
	}
	return 0;
}

/* "asked its allies to let it use the missiles against Russia": a
 * request to be let use what it holds (cue class use_verb within three
 * words of "let") asks for a freedom, not for materiel. */
static int let_use(const gram_doc *g, const clause *c)
{
	for (size_t i = c->m0; i < c->m1; i++) {
		if (!cue_at(g, i, C_LET))
			continue;
		for (size_t t = g->m[i].t1; t < g->m[i].t1 + 3 && t < c->t1; t++) {
			if (tok_has_cue(g, t, C_USE_VERB))
				return 1;
		}
	}
	return 0;
}

/* "Teheran stuurde drones, die Rusland inzet tegen Oekraïense steden",
 * "drones that Russia uses against Ukrainian cities", "des drones, que
 * Moscou utilise contre": the state that turns the clause's items
 * against a target (its verb is no cue) is the one they went to; the
 * target is no recipient. */
static const mention *weapon_user(const gram_doc *g, const clause *c)
{
	for (size_t i = c->m0 + 1; i < g->nm && i <= c->m1 + 1; i++) {
		const mention *m = &g->m[i];
		/* right after the items, past a comma and a relative pronoun,
		 * and the verb that ends the clause ("Raketen geliefert, die
		 * Moskau") */
		size_t k = i - 1;
		if (cue_at(g, k, C_RELATIVE) && k > c->m0)
			k--;
		if (g->m[k].kind == M_CUE && g->m[k].sub <= C_RECEIVE && k > c->m0)
			k--;
		if (g->m[k].kind != M_ITEM || m->t0 - g->m[k].t1 > 4 || m->kind != M_ACTOR ||
		    m->sub == ACT_ADJ || m->sub == ACT_PERSON || m->role != ROLE_NONE || m->origin_only)
			continue;
		for (size_t j = i + 1; j < g->nm && g->m[j].t0 - m->t1 <= 4; j++) {
			if (cue_at(g, j, C_AGAINST))
				return m;
			if (g->m[j].kind != M_CUE || g->m[j].sub <= C_RECEIVE)
				break;
		}
	}
	return NULL;
}


/* The state of the trainees a training word of clause c names right
 * after it, past "of" and an article ("la formation de militaires
 * arméniens", "training of Armenian officers", "opleiding van Armeense
 * militairen", "Ausbildung armenischer Soldaten"); NULL if none. */
static const char *trainee_state(const gram_doc *g, const clause *c)
{
	/* asked of every clause: most sentences name no state's adjective */
	if (!(g->actors >> ACT_ADJ & 1))
		return NULL;
	for (size_t i = c->m0; i + 1 < c->m1; i++) {
		const mention *m = &g->m[i];
		if (!(cue_at(g, i, C_TRAIN) || cue_at(g, i, C_TRAINED) ||
		      (m->kind == M_ITEM && m->category && !strcmp(m->category, "training"))))
			continue;
		/* "des artilleurs ukrainiens seront formés en France",
		 * "Ukrainian pilots will be trained": in the passive the
		 * trainees and their state stand before the verb */
		if (m->kind == M_CUE && i >= c->m0 + 2 && cue_at(g, i - 1, C_AUX_PASSIVE) &&
		    g->m[i - 1].t1 == m->t0 && g->m[i - 2].kind == M_ACTOR && g->m[i - 2].sub == ACT_ADJ &&
		    g->m[i - 2].t1 == g->m[i - 1].t0 && g->m[i - 2].t0 > g->m[c->m0].t0 &&
		    !(g->tl->v[g->m[i - 2].t0 - 1].flags & TOK_PUNCT))
			return g->m[i - 2].code;
		size_t j = i + 1;
		while (j < c->m1 && (cue_at(g, j, C_SOURCE) || cue_at(g, j, C_ARTICLE) ||
		                     cue_at(g, j, C_PARTITIVE) ||
		                     (g->m[j].kind == M_ITEM && is_person_category(g->m[j].category))))
			j++;
		/* "des instructeurs iraniens": the state right after a
		 * training item is that of the trainers, unless people follow
		 * it ("Ausbildung moldauischer Soldaten") */
		if (m->kind == M_ITEM && j == i + 1 && j < c->m1 &&
		    !(j + 1 < c->m1 && g->m[j + 1].kind == M_ITEM && is_person_category(g->m[j + 1].category) &&
		      g->m[j + 1].t0 == g->m[j].t1))
			continue;
		/* "a formé plus de 35 000 soldats ukrainiens": a number
		 * may stand before the people, their state right after them */
		if (j < c->m1 && g->m[j].kind == M_ACTOR && g->m[j].sub == ACT_ADJ &&
		    (g->m[j].t0 - m->t1 <= 3 ||
		     (j > i + 1 && g->m[j - 1].kind == M_ITEM && g->m[j - 1].t1 == g->m[j].t0 &&
		      g->m[j].t0 - m->t1 <= 8 && no_punct(g, m->t1, g->m[j].t0))))
			return g->m[j].code;
	}
	return NULL;
}

/* Whether the actor a of clause c is the speaker a speech tag names: a
 * report verb follows it ("Norwegian Defence Minister Gram told
 * reporters") or, past the clause's predicate at token pred_t0, stands
 * within three tokens before it ("», a déclaré le ministre
 * néerlandais"; not "saying the army was stretched by missions of
 * NATO"). */
static int speaker_of_tag(const gram_doc *g, const clause *c, const mention *a, size_t pred_t0)
{
	for (size_t i = c->m0; i < c->m1; i++)
		if (cue_at(g, i, C_REPORT) &&
		    (g->m[i].t0 > a->t0 ||
		     (g->m[i].t0 > pred_t0 && g->m[i].t1 <= a->t0 && a->t0 - g->m[i].t1 <= 3)))
			return 1;
	return 0;
}

/* "Iran has delivered drones since 2022, Western officials say": a
 * state (or its officials) after the predicate, set off by a comma and
 * followed by a verb of saying, is the source of the account, not who
 * gives; unless a pronoun before the predicate is the subject, which
 * the tag's speaker says of itself. */
static int trailing_tag_speaker(const gram_doc *g, const clause *c, const mention *a, size_t pred_t0)
{
	size_t ai = (size_t)(a - g->m);
	if (a->t0 <= pred_t0 || ai <= c->m0)
		return 0;
	/* "We are sending machine guns, Norway's minister said": a
	 * pronoun subject is the speaker, whom the tag names */
	for (size_t i = c->m0; i < ai && g->m[i].t0 < pred_t0; i++)
		if (cue_at(g, i, C_PRONOUN))
			return 0;
	size_t b = ai;
	if (b > 0 && cue_at(g, b - 1, C_ARTICLE) && g->m[b - 1].t1 == a->t0)
		b--;
	if (g->m[b].t0 == 0)
		return 0;
	size_t ct = g->m[b].t0 - 1;
	/* "..., a Pentagon official told reporters": one short lower-case
	 * word the lexicon does not know may stand after the comma */
	if (!comma_at(g, ct) && ct > 0 && (b == 0 || g->m[b - 1].t1 <= ct) &&
	    !(g->tl->v[ct].flags & (TOK_CAP | TOK_PUNCT)) && g->tl->v[ct].flen <= 2)
		ct--;
	if (!comma_at(g, ct))
		return 0;
	size_t j = ai + 1;
	if (j < c->m1 && cue_at(g, j, C_ACTOR_HEAD))
		j++;
	return j < c->m1 && cue_at(g, j, C_REPORT) && g->m[j].t0 <= g->m[j - 1].t1 + 1;
}

/* "completed training on the guns in Germany", "arrived at a base in
 * Poland": in English a state right after "in" (word list place_in)
 * past the predicate is where it happens, not who gives. */
static int place_after_in(const gram_doc *g, const mention *a, size_t pred_t0)
{
	if (g->lang != LANG_EN || a->t0 <= pred_t0 || a->t0 == 0 || a->sub == ACT_ADJ)
		return 0;
	return word_is(g, a->t0 - 1, W_PLACE_IN);
}

/* Whether the request of clause c is made by a state other than the
 * recipient, for a transfer that goes to the recipient: the recipient is
 * named only as the one who receives ("to Ukraine", "der Ukraine ...
 * liefern"), a verb or noun of transfer is there, and a state asks (its
 * request: "requests by Estonia", "Denmark's request"; or it stands
 * before the verb: "Berlin asked Bern"). */
static int foreign_request(const gram_doc *g, const clause *c, const char *recipient)
{
	int to = 0, transfer = 0, asks = 0;
	size_t rq = SIZE_MAX;
	for (size_t i = c->m0; i < c->m1; i++) {
		const mention *m = &g->m[i];
		if (m->kind == M_ACTOR && m->code == recipient) {
			/* "to hand Ukraine Swiss-made carriers": the state right
			 * after a verb of giving is its indirect object */
			if (m->role == ROLE_RECIP || object_before_item(g, i, c->m1) ||
			    (i > c->m0 && cue_at(g, i - 1, C_TRANSFER) && g->m[i - 1].t1 == m->t0))
				to = 1;
			else
				asks = 1;   /* "Ukraine's request", "a request from Ukrainian leaders" */
		}
		if (!m->rel && (cue_at(g, i, C_TRANSFER) || m->reexport))
			transfer = 1;
		if (cue_at(g, i, C_REQUESTED) && rq == SIZE_MAX)
			rq = i;
	}
	if (rq == SIZE_MAX)
		return 0;
	/* "has approved a Polish request to send five jets": a request
	 * the adjective of another state owns, answered by the clause's
	 * subject, is that state's (for a consent), wherever the recipient
	 * is named */
	if (!to && g->lang == LANG_EN && rq > c->m0 + 1 && g->m[rq - 1].kind == M_ACTOR &&
	    g->m[rq - 1].sub == ACT_ADJ && g->m[rq - 1].code != recipient && g->m[rq - 1].t1 == g->m[rq].t0) {
		for (size_t i = c->m0; i + 1 < rq; i++)
			if (g->m[i].kind == M_CUE && (g->m[i].approve || g->m[i].sub == C_REFUSED ||
			                              g->m[i].sub == C_CONS_GRANT || g->m[i].sub == C_CONS_DENY))
				return 1;
	}
	if (!to)
		return 0;
	/* "einem Ersuchen Italiens, Waffen für die Ukraine durch Österreich
	 * zu transportieren": a request that is another state's own asks
	 * for no support, whatever it asks to do */
	const mention *owner = request_owner(g, c, recipient);
	if (owner && owner->code != recipient)
		return 1;
	if (!transfer)
		return 0;
	if (asks)
		return 0;
	for (size_t i = c->m0; i < rq; i++) {
		const mention *m = &g->m[i];
		if (m->kind == M_ACTOR && !m->weak && m->code != recipient)
			return 1;
		if (cue_at(g, i, C_PRONOUN) || cue_at(g, i, C_ANAPHOR))
			return 0;
	}
	return 0;
}

static int is_person_category(const char *c)
{
	/* the first byte first: asked of every item, which is seldom either */
	return c && c[0] == 't' && (!strcmp(c, "troops") || !strcmp(c, "training"));
}

static int comma_at(const gram_doc *g, size_t t)
{
	return is_fold(g->tl, t, ',');
}

/* Restrictive relative clauses ("de wapens die Nederland stuurt") only
 * presuppose their predicate: their cues are marked rel.  A relative
 * pronoun after a comma opens a clause of its own (see gram_sentence). */
static size_t include_relative(const gram_doc *g, size_t i);

static void mark_relative(gram_doc *g, size_t t1)
{
	const tok_list *tl = g->tl;
	if (!has_cue(g, C_RELATIVE))
		return;
	for (size_t i = 0; i < g->nm; i++) {
		mention *m = &g->m[i];
		if (m->kind != M_CUE || m->sub != C_RELATIVE)
			continue;
		/* the items of ", which includes ..." belong to the clause of
		 * its antecedent; its own verbs are set aside */
		size_t inc = include_relative(g, i);
		if (inc) {
			for (size_t j = i; j <= inc; j++)
				if (g->m[j].kind == M_CUE)
					g->m[j].rel = 1;
			continue;
		}
		if (comma_at(g, m->t0) || (m->t0 > 0 && comma_at(g, m->t0 - 1)))
			continue;
		/* "die wapens": a demonstrative before its noun, not a relative,
		 * unless a noun stands right before it ("landen die geweren sturen") */
		int after_noun = i > 0 && g->m[i - 1].kind != M_CUE && g->m[i - 1].t1 == m->t0;
		/* a relative pronoun follows its noun: "om die reden" is none */
		/* ("de Pbv 302 die Zweden nog heeft": a system name ending
		 * in a number is a noun too) */
		if (m->t0 == 0 ||
		    (!(tl->v[m->t0 - 1].flags & TOK_WORD) && !(after_noun && g->lang == LANG_NL)) ||
		    (i > 0 && g->m[i - 1].kind == M_CUE && g->m[i - 1].t1 == m->t0))
			continue;
		if (!after_noun && i + 1 < g->nm && g->m[i + 1].kind == M_ITEM && g->m[i + 1].t0 == m->t1)
			continue;
		/* "Nederland behoort tot de landen die het meeste materieel
		 * leveren": membership of the class the relative defines asserts
		 * the relative of the subject */
		int member = 0;
		for (size_t j = i; j-- > 0;) {
			if (cue_at(g, j, C_ONE_OF) && m->t0 - g->m[j].t1 <= 4)
				member = 1;
			if (g->m[j].kind == M_CUE && g->m[j].sub == C_CLAUSE)
				break;
		}
		if (member)
			continue;
		/* a relative clause ends at a comma; a semicolon or colon
		 * ends its sentence's clause, so the relative too ("... die
		 * Denemarken heeft geleverd; Kopenhagen had ... toegezegd") */
		size_t end = t1;
		for (size_t t = m->t1; t < t1; t++)
			if (is_fold(tl, t, ',') || is_fold(tl, t, ';') || is_fold(tl, t, ':')) {
				end = t;
				break;
			}
		/* "landen die geweren sturen geprezen en hen gevraagd": a
		 * coordinated predicate ends the relative clause too */
		for (size_t j = i + 1; j + 1 < g->nm && g->m[j].t0 < end; j++) {
			if (!(cue_at(g, j, C_COORD) || cue_at(g, j, C_OR)))
				continue;
			for (size_t q = j + 1; q < g->nm && q <= j + 2; q++) {
				const mention *nq = &g->m[q];
				if (nq->t0 - g->m[j].t1 > 2 || nq->kind != M_CUE)
					break;
				if (nq->sub <= C_RECEIVE && nq->sub != C_TRANSFER_NOUN) {
					end = g->m[j].t0;
					break;
				}
			}
			if (end == g->m[j].t0)
				break;
		}
		/* "the programme that has sent rifles to Ukraine": in an
		 * English subject relative, the verb stands right after the
		 * pronoun, and the items after it are that verb's objects, no
		 * items of the clause around it */
		int subj_rel = g->lang == LANG_EN && i + 1 < g->nm && relative_verb(&g->m[i + 1]) &&
		               g->m[i + 1].t0 == m->t1;
		/* "un traité qui interdit les mines antipersonnel", "a
		 * maker that builds the shells": a relative on a noun the
		 * lexicon does not know, with no verb of giving, receiving or
		 * including of its own, tells what that noun does with its
		 * items; they are given by nobody */
		int telling = 0;
		for (size_t j = i + 1; j < g->nm && g->m[j].t0 < end; j++)
			if (g->m[j].kind == M_ACTOR ||
			    (g->m[j].kind == M_CUE && ((g->m[j].sub <= C_RECEIVE &&
			                                !(g->m[j].sub >= C_CONS_REQ && g->m[j].sub <= C_CONS_DENY)) ||
			                               g->m[j].sub == C_INCLUDE ||
			                               g->m[j].sub == C_TRAIN || g->m[j].sub == C_TRAINED ||
			                               g->m[j].sub == C_ELABORATION || g->m[j].sub == C_AUX_PASSIVE)))
				telling = 1;
		int on_noun = i == 0 || g->m[i - 1].t1 < m->t0;
		for (size_t j = i + 1; j < g->nm && g->m[j].t0 < end; j++)
			if (g->m[j].kind != M_ITEM || subj_rel) {
				g->m[j].rel = 1;
			} else if (on_noun && !telling) {
				g->m[j].kind = M_CUE;
				g->m[j].sub = C_FILLER;
				g->m[j].rel = 1;
			}
	}
}

/* "The howitzers delivered by Germany are already in use", "les chars
 * livrés par l'Allemagne sont déjà au front": a participle right after
 * its item, with the clause's own verb after it, only names which items
 * are meant; the transfer is presupposed, not stated.  Its cue is marked
 * rel.  Without a later verb ("Ukraine received howitzers delivered by
 * Germany", a headline "Tanks delivered to Kyiv") it still asserts. */
static void mark_reduced_relative(gram_doc *g)
{
	if (!has_cue(g, C_AUX_PASSIVE))
		return;
	for (size_t i = 1; i + 1 < g->nm; i++) {
		mention *m = &g->m[i];
		if (!(cue_at(g, i, C_DELIVERED) || cue_at(g, i, C_COMMITTED)) || m->rel ||
		    g->m[i - 1].kind != M_ITEM || g->m[i - 1].t1 != m->t0 ||
		    (m->t0 > 0 && comma_at(g, m->t0 - 1)))
			continue;
		/* what a finite participle ("delivered") could still be the
		 * verb of: a subject before the item ("Germany delivered
		 * howitzers used ...") makes it the main verb */
		int subject = 0;
		for (size_t j = 0; j + 1 < i; j++)
			if (g->m[j].kind == M_ACTOR || (g->m[j].kind == M_CUE && g->m[j].sub <= C_RECEIVE))
				subject = 1;
		if (subject)
			continue;
		for (size_t j = i + 1; j < g->nm; j++) {
			const mention *n = &g->m[j];
			size_t t;
			for (t = g->m[j - 1].t1; t < n->t0 && !comma_at(g, t); t++)
				;
			if (t < n->t0 || cue_at(g, j, C_CLAUSE) || cue_at(g, j, C_RELATIVE))
				break;
			if (cue_at(g, j, C_AUX_PASSIVE)) {
				m->rel = 1;
				break;
			}
		}
	}
}

/* ", which it said could also include machine guns": a relative that
 * only lists what its antecedent holds; returns the index of the include
 * verb, or 0.  What stands between (pronouns, report and modal verbs)
 * says nothing of the transfer. */
static size_t include_relative(const gram_doc *g, size_t i)
{
	/* Dutch and German put the verb last: ", dat ook twintig
	 * pantserwagens omvat" */
	int verb_last = g->lang == LANG_NL || g->lang == LANG_DE;
	for (size_t j = i + 1; j < g->nm && j <= i + 10; j++) {
		const mention *m = &g->m[j];
		if (m->t0 - g->m[i].t1 > (verb_last ? 16u : 8u))
			return 0;
		for (size_t t = g->m[j - 1].t1; t < m->t0; t++)
			if (comma_at(g, t))
				return 0;
		if (cue_at(g, j, C_INCLUDE))
			return j;
		/* "..., das unter anderem 10.000 Schuss aus Bundeswehrbeständen
		 * sowie 100 Fahrzeuge umfasst": a listing word and the stock
		 * the items come from stand inside the phrase too */
		if (verb_last && (m->kind == M_ITEM || cue_at(g, j, C_ARTICLE) || cue_at(g, j, C_COORD) ||
		                  cue_at(g, j, C_ELABORATION) || cue_at(g, j, C_SOURCE)))
			continue;
		if (m->kind != M_CUE || !(m->sub == C_PRONOUN || m->sub == C_REPORT || m->sub == C_COND || m->sub == C_IF ||
		                          m->sub == C_WOULD || m->sub == C_FUTURE || m->sub == C_MORE ||
		                          m->sub == C_ALREADY))
			return 0;
	}
	return 0;
}

/* ", der Ukraine weitere Haubitzen zu liefern": in German a comma, an
 * article and a zu-infinitive before the next comma open an infinitive
 * clause of the sentence, not a relative (a relative has a finite
 * verb). */
/* Whether the one-token verb cue m[j] is a German zu-infinitive of a
 * particle verb ("weiterzugeben", "bereitzustellen"): lower case, "zu"
 * inside after the particle, ending in -n. */
static int fused_zu_infinitive(const gram_doc *g, size_t j)
{
	const mention *m = &g->m[j];
	if (m->kind != M_CUE || m->sub > C_RECEIVE || m->sub == C_TRANSFER_NOUN || m->t1 != m->t0 + 1)
		return 0;
	const token *k = &g->tl->v[m->t0];
	const char *s = g->d->text + k->start;
	size_t n = k->end - k->start;
	if (n < 7 || !(s[0] >= 'a' && s[0] <= 'z') || s[n - 1] != 'n')
		return 0;
	for (size_t b = 2; b + 4 < n; b++)
		if (s[b] == 'z' && s[b + 1] == 'u')
			return 1;
	return 0;
}

static int infinitive_not_relative(const gram_doc *g, size_t i)
{
	if (g->lang != LANG_DE)
		return 0;
	for (size_t j = i + 1; j + 1 < g->nm; j++) {
		for (size_t t = g->m[j - 1].t1; t < g->m[j].t0; t++)
			if (comma_at(g, t))
				return 0;
		if (cue_at(g, j, C_INF) && g->m[j + 1].kind == M_CUE && g->m[j + 1].sub <= C_RECEIVE &&
		    g->m[j + 1].t0 == g->m[j].t1)
			return 1;
		/* "die Genehmigung erteilt, die Flugzeuge an Kiew
		 * weiterzugeben" */
		int cut = 0;
		for (size_t t = g->m[j].t1; t < g->m[j + 1].t0; t++)
			if (comma_at(g, t))
				cut = 1;
		if (!cut && fused_zu_infinitive(g, j + 1))
			return 1;
	}
	return 0;
}

/* "after the United States." at the end of a sentence, "donor after the
 * United States, having delivered": a clause word with only a noun phrase
 * after it, up to the sentence's end or a comma that no other state
 * follows (not "after Germany, France and Britain agreed") or up to a
 * coordinated verb, is a preposition. */
static int clause_word_before_np(const gram_doc *g, size_t i, size_t t1)
{
	if (!cue_at(g, i, C_CLAUSE) || i + 1 >= g->nm)
		return 0;
	size_t j = i + 1;
	if (cue_at(g, j, C_ARTICLE) && j + 1 < g->nm)
		j++;
	const mention *a = &g->m[j];
	if (a->kind != M_ACTOR || a->t0 - g->m[i].t1 > 1)
		return 0;
	/* "after the United States and Germany," */
	while (j + 2 < g->nm && cue_at(g, j + 1, C_COORD) && g->m[j + 1].t0 == a->t1) {
		size_t k = j + 2;
		if (cue_at(g, k, C_ARTICLE) && k + 1 < g->nm)
			k++;
		if (g->m[k].kind != M_ACTOR || g->m[k].t0 - g->m[j + 1].t1 > 1)
			break;
		j = k;
		a = &g->m[j];
	}
	if (a->t1 < t1 && comma_at(g, a->t1))
		return !(j + 1 < g->nm && g->m[j + 1].kind == M_ACTOR && g->m[j + 1].t0 <= a->t1 + 2);
	/* "donor after the United States and has pledged": a coordinated
	 * predicate right after the noun phrase is the main subject's, so
	 * the clause word had no verb of its own */
	if (j + 2 < g->nm && cue_at(g, j + 1, C_COORD) && g->m[j + 1].t0 == a->t1 &&
	    pred_cue(&g->m[j + 2]) && g->m[j + 2].t0 <= g->m[j + 1].t1 + 2)
		return 1;
	if (j + 1 != g->nm)
		return 0;
	for (size_t t = a->t1; t < t1; t++)
		if (!(g->tl->v[t].flags & TOK_PUNCT))
			return 0;
	return 1;
}

static int is_relative_cut(const gram_doc *g, size_t i)
{
	const mention *m = &g->m[i];
	return m->kind == M_CUE && m->sub == C_RELATIVE &&
	       (comma_at(g, m->t0) || (m->t0 > 0 && comma_at(g, m->t0 - 1))) &&
	       !include_relative(g, i) && !infinitive_not_relative(g, i);
}

/* "twaalf van zijn beruchte Bayraktar TB2", "twelve of its drones": a
 * number, then "of" and a short determiner phrase before the item, counts
 * the item. */
static int partitive(const gram_doc *g, size_t si, const mention *item, const num_span *nums,
                     size_t nn)
{
	const mention *src = &g->m[si];
	if (!(cue_at(g, si, C_SOURCE) || cue_at(g, si, C_PARTITIVE)) || src->t0 == 0 ||
	    item->t0 < src->t1 ||
	    item->t0 - src->t1 > 2)
		return 0;
	const token *p = &g->tl->v[src->t0 - 1];
	for (size_t k = 0; k < nn; k++)
		if (nums[k].end == p->end && !(nums[k].flags & (NUM_YEAR | NUM_MONEY | NUM_PERCENT)))
			return 1;
	return 0;
}

/* Whether item it is weapons or military aid named bare: no system, no
 * number and no money of its own. */
static int bare_weapons(const item_ref *it)
{
	return !strcmp(it->category, "weapons") && !it->system && it->qty < 0 && it->value < 0;
}

/* "Norway will send howitzers, armoured vehicles and anti-tank rockets
 * to Ukraine, ..., in its biggest package of weapons yet", "one more of
 * the countries that deliver weapons": a bare
 * generic item (weapons, military aid: no type, number or money) past a
 * comma after the clause's named items says again what they are, one
 * fact with them, not another item. */
static size_t drop_restated_generic(const gram_doc *g, item_ref *items, size_t ni)
{
	size_t w = 0;
	for (size_t j = 0; j < ni; j++) {
		const item_ref *it = &items[j];
		int generic = bare_weapons(it);
		int restates = 0;
		for (size_t k = 0; k < w && generic && !restates; k++)
			restates = !generic_category(items[k].category) && items[k].t1 <= it->t0 &&
			           comma_between(g, items[k].t1, it->t0);
		/* "howitzers, tanks, and other weapons": a list goes on */
		for (size_t q = w ? items[w - 1].mi + 1 : 0; q < it->mi && restates; q++)
			if (cue_at(g, q, C_COORD) || cue_at(g, q, C_OR))
				restates = 0;
		/* "has sent 20,000 artillery shells from a fund that buys
		 * ammunition abroad": a bare noun of the category of a
		 * counted item before it, not listed with it, names that
		 * item again */
		int bare = !it->system && it->qty < 0 && it->value < 0;
		for (size_t k = 0; k < w && bare && !restates; k++) {
			if (items[k].category != it->category || items[k].qty < 0 || items[k].t1 > it->t0)
				continue;
			int listed = 0;
			for (size_t q = items[k].mi + 1; q < it->mi && !listed; q++)
				listed = cue_at(g, q, C_COORD) || cue_at(g, q, C_OR);
			restates = !listed;
		}
		if (restates)
			continue;
		items[w++] = *it;
	}
	return w;
}

/* "will send 49 tanks to Ukraine in a package worth 245 million
 * dollars", "livre 30 chars dans un paquet d'une valeur de ...": a
 * package with only its worth, after the clause's named items and not
 * listed with them nor set off by a comma, is those items sent together; its worth is their
 * value (records.md: money attached to an in-kind package), not another
 * item.  The nearest item before it without a value of its own takes it. */
static int package_of_items_before(const gram_doc *g, item_ref *items, size_t w, const item_ref *pk)
{
	if (strcmp(pk->category, "weapons") || pk->system || pk->qty >= 0 || pk->value < 0 || !w)
		return 0;
	item_ref *prev = &items[w - 1];
	/* "two radar aircraft, as part of a new package worth ...": past a
	 * comma the package is a larger whole, a record of its own */
	if (generic_category(prev->category) || prev->t1 > pk->t0 || comma_between(g, prev->t1, pk->t0))
		return 0;
	for (size_t q = prev->mi + 1; q < pk->mi; q++)
		if (cue_at(g, q, C_COORD) || cue_at(g, q, C_OR))
			return 0;
	if (prev->value < 0) {
		prev->value = pk->value;
		prev->currency = pk->currency;
	}
	return 1;
}

/* "the new military aid package will include tanks", "een nieuw
 * steunpakket ..., dat twintig pantserwagens omvat": the package noun is
 * the pledge and its contents the items, so when the clause names items
 * of its own the package counts only if it has a worth of its own ("a $2
 * billion package ..., including Patriot missiles").  "military support
 * announced on Thursday" is a participle, and stays. */
static size_t drop_package_nouns(const gram_doc *g, const clause *c, item_ref *items, size_t ni)
{
	if (ni < 2)
		return ni;
	size_t w = 0;
	for (size_t j = 0; j < ni; j++) {
		size_t mi = items[j].mi;
		int generic = bare_weapons(&items[j]);
		if (generic && mi + 2 < c->m1 && cue_at(g, mi + 1, C_COMMITTED) &&
		    g->m[mi + 1].t0 == g->m[mi].t1 &&
		    (cue_at(g, mi + 2, C_FUTURE) || cue_at(g, mi + 2, C_SHOULD) ||
		     cue_at(g, mi + 2, C_WOULD)) && g->m[mi + 2].t0 == g->m[mi + 1].t1)
			continue;
		if (generic && mi + 1 < c->m1 && cue_at(g, mi + 1, C_COMMITTED) &&
		    g->m[mi + 1].t0 == g->m[mi].t0 && g->m[mi + 1].t1 == g->m[mi].t1)
			continue;
		/* "a package worth 500 million euros of armoured vehicles": the
		 * worth is the vehicles' value, and the package names no
		 * materiel of its own */
		if (generic && mi + 2 < c->m1 && cue_at(g, mi + 1, C_PARTITIVE) &&
		    g->m[mi + 2].kind == M_ITEM && g->m[mi + 2].t0 == g->m[mi + 1].t1)
			continue;
		if (package_of_items_before(g, items, w, &items[j]))
			continue;
		items[w++] = items[j];
	}
	return w;
}

/* Whether the conjunction at mention i ("als", "when", "wenn", "quand")
 * opens a clause with a state's people or forces as its own subject right
 * after it ("als Noord-Koreaanse troepen deelnemen", "when Russian troops
 * attack"): what that clause names is its own, not what the clause before
 * gives, whether it is a condition or a time. */
static int conjunction_subject(const gram_doc *g, const clause *c, size_t i)
{
	if (!cue_at(g, i, C_ONLY_IF) || i + 2 >= c->m1)
		return 0;
	size_t j = i + 1;
	if (cue_at(g, j, C_ARTICLE) && g->m[j].t0 == g->m[i].t1)
		j++;
	if (j + 1 >= c->m1 || g->m[j].t0 > g->m[j - 1].t1 + 1)
		return 0;
	/* the adjective before its noun, or after it in French ("quand
	 * les troupes nord-coréennes") */
	const mention *a = &g->m[j], *n = &g->m[j + 1];
	if (g->lang == LANG_FR && a->kind == M_ITEM) {
		a = &g->m[j + 1];
		n = &g->m[j];
	}
	return a->kind == M_ACTOR && a->sub == ACT_ADJ && n->kind == M_ITEM && n->category &&
	       is_person_category(n->category) && (n->t0 == a->t1 || a->t0 == n->t1);
}

/* "promised heavy tanks to Ukraine, in January, with fourteen Challenger
 * 2s", "des chars lourds ..., avec quatorze Challenger 2", "Kampfpanzer
 * ..., mit vierzehn Challenger 2", "zware tanks ..., met veertien": past
 * a comma, "with" and an item of the category of the item before, with a
 * number or a type that one lacks, say again what that item is: one
 * item, the one that says more. */
static size_t merge_with_restatement(const gram_doc *g, item_ref *items, size_t ni)
{
	size_t w = 0;
	for (size_t j = 0; j < ni; j++) {
		const item_ref *it = &items[j];
		size_t mi = it->mi;
		if (w > 0 && mi > 0 && cue_at(g, mi - 1, C_CARRYING) && g->m[mi - 1].t0 > 0 &&
		    comma_at(g, g->m[mi - 1].t0 - 1) && it->t0 - g->m[mi - 1].t1 <= 2) {
			item_ref *p = &items[w - 1];
			if (p->category == it->category && p->qty < 0 && (it->qty >= 0 || it->system) &&
			    (!p->system || !it->system || same_family(p->system, it->system)) &&
			    p->t1 <= g->m[mi - 1].t0) {
				*p = *it;
				continue;
			}
		}
		items[w++] = *it;
	}
	return w;
}

/* Whether the item at mention i stands past a speech tag that follows
 * the clause's statement, in a phrase of the speaker's own past another
 * comma: "Ukraine has received its first Gripen jets, the minister said
 * on Monday, standing beside one of the aircraft".  That phrase
 * tells where or how the speaker spoke, not what was given; a list the
 * statement goes on with ("including", "and") or a verb of its own that
 * gives keeps its items. */
static int after_speech_tag(const gram_doc *g, const clause *c, size_t i)
{
	size_t r = SIZE_MAX, last_item = SIZE_MAX;
	int stated = 0;
	for (size_t j = c->m0; j < i; j++) {
		const mention *m = &g->m[j];
		if (r == SIZE_MAX) {
			if (pred_cue(m))
				stated = 1;
			else if (m->kind == M_ITEM)
				last_item = j;
			else if (cue_at(g, j, C_REPORT) && stated && last_item != SIZE_MAX &&
			         comma_between(g, g->m[last_item].t1, m->t0))
				r = j;
			continue;
		}
		if (pred_cue(m) || cue_at(g, j, C_INCLUDE) || cue_at(g, j, C_ELABORATION) ||
		    cue_at(g, j, C_COORD) || cue_at(g, j, C_OR) || cue_at(g, j, C_REPORT))
			return 0;
	}
	return r != SIZE_MAX && comma_between(g, g->m[r].t1, g->m[i].t0);
}

/* "zes Hawk-lanceerinrichtingen en veertig raketten",
 * "Javelin-Starter und Raketen", "NASAMS launchers and missiles": bare
 * missiles listed next to an air-defence or anti-tank system are that
 * system's rounds, of its category, not strike missiles. */
static void missiles_of_system(const gram_doc *g, item_ref *items, size_t ni)
{
	for (size_t j = 0; j < ni; j++) {
		if (items[j].system || strcmp(items[j].category, "missile"))
			continue;
		for (size_t d = 0; d < 2; d++) {
			size_t k = d ? j + 1 : j - 1;
			if ((!d && j == 0) || k >= ni || !items[k].system ||
			    (strcmp(items[k].category, "air-defence") && strcmp(items[k].category, "anti-tank")))
				continue;
			size_t a = items[k].mi < items[j].mi ? items[k].mi : items[j].mi;
			size_t b = items[k].mi < items[j].mi ? items[j].mi : items[k].mi;
			int coord = 0;
			for (size_t i = a + 1; i < b; i++)
				if (cue_at(g, i, C_COORD))
					coord = 1;
			if (coord) {
				items[j].category = items[k].category;
				break;
			}
		}
	}
}

/* "Noorwegen zegde er zes toe": a count right after a quantitative
 * pronoun, in a clause that names no materiel, counts the materiel of the
 * record told just before (any donor's: the pronoun stands for the noun,
 * not for who gave it).  Fills *it and returns 1, else 0. */
static int counted_by_pronoun(const gram_doc *g, const clause *c, const num_span *nums, size_t nn,
                              const rec_list *out, size_t first, item_ref *it)
{
	if (!has_cue(g, C_QUANT_PRONOUN) || out->n <= first)
		return 0;
	const record *last = &out->v[out->n - 1];
	if (!last->category || !last->item || rec_is_consent(last->type))
		return 0;
	const tok_list *tl = g->tl;
	for (size_t i = c->m0; i < c->m1; i++) {
		if (!cue_at(g, i, C_QUANT_PRONOUN) || g->m[i].t1 >= c->t1)
			continue;
		size_t t = g->m[i].t1;
		for (size_t k = 0; k < nn; k++) {
			const num_span *n = &nums[k];
			if (n->start != tl->v[t].start ||
			    (n->flags & (NUM_MONEY | NUM_YEAR | NUM_ORDINAL | NUM_RANGE | NUM_PERCENT)) ||
			    n->value < 1)
				continue;
			size_t e = t;
			while (e < c->t1 && tl->v[e].start < n->end)
				e++;
			/* the count stands alone: no noun after it */
			for (size_t j = i + 1; j < c->m1; j++)
				if (g->m[j].t0 < e + 1 && g->m[j].t1 > t && g->m[j].kind != M_CUE)
					return 0;
			memset(it, 0, sizeof *it);
			it->mi = i;
			it->t0 = t;
			it->t1 = e;
			it->category = last->category;
			it->system = last->system;
			it->qty = n->value;
			it->unit = "item";
			it->value = -1;
			return 1;
		}
	}
	return 0;
}

/* Fills *it as the money itself, a funds item spanning the sum n in
 * clause c, its worth still unset. */
static void money_item(const gram_doc *g, const clause *c, const num_span *n, item_ref *it)
{
	const tok_list *tl = g->tl;
	memset(it, 0, sizeof *it);
	it->mi = c->m0;
	it->t0 = c->t0;
	while (it->t0 < c->t1 && tl->v[it->t0].end <= n->start)
		it->t0++;
	it->t1 = it->t0;
	while (it->t1 < c->t1 && tl->v[it->t1].start < n->end)
		it->t1++;
	if (it->t1 == it->t0)
		it->t1 = it->t0 + 1;
	it->category = rec_category_intern("funds");
	it->qty = -1;
	it->value = -1;
}

/* The item a sum is the worth of by standing right before it ("40
 * miljoen euro aan munitie", "$40 million in ammunition", "40 Millionen
 * Euro für Munition"), or ni. */
static size_t item_after_sum(const gram_doc *g, const num_span *money, const item_ref *items,
                             size_t ni)
{
	const tok_list *tl = g->tl;
	size_t te = 0;
	while (te < tl->n && tl->v[te].start < money->end)
		te++;
	for (size_t j = 0; j < ni; j++) {
		if (items[j].t0 == te)
			return j;
		/* one preposition between, not a coordinator: "en 10 tanks"
		 * is the next member of the list */
		if (items[j].t0 == te + 1)
			for (size_t i = 0; i < g->nm; i++)
				if (g->m[i].t0 == te && g->m[i].t1 == te + 1 &&
				    (cue_at(g, i, C_SOURCE) || cue_at(g, i, C_RECIP) || cue_at(g, i, C_PARTITIVE)))
					return j;
	}
	return ni;
}

/* "tweehonderd helmen en 5 miljoen euro", "500 helmets and 20
 * million pounds": a sum that stands in the list of
 * items as a member of its own, right after a coordinator that follows
 * an item, and before no item it could be the worth of ("en 40 miljoen
 * euro aan munitie"), is money given, not the worth of the item before. */
static int listed_sum(const gram_doc *g, const clause *c, const num_span *money,
                      const item_ref *items, size_t ni)
{
	const tok_list *tl = g->tl;
	int after_coord = 0;
	for (size_t i = c->m0; i < c->m1 && !after_coord; i++) {
		const mention *m = &g->m[i];
		if (!cue_at(g, i, C_COORD) || m->t1 >= tl->n || tl->v[m->t1].start != money->start)
			continue;
		for (size_t j = 0; j < ni; j++)
			if (items[j].t1 <= m->t0 && m->t0 - items[j].t1 <= 1)
				after_coord = 1;
	}
	return after_coord && item_after_sum(g, money, items, ni) == ni;
}

/* The items of a clause, each with its quantity, and the clause's money
 * given to the item it is closest to. */
static size_t clause_items(gram_doc *g, const clause *c, const num_span *nums, size_t nn,
                           item_ref *items, size_t max)
{
	const tok_list *tl = g->tl;
	size_t ni = 0;
	/* "wil pas Leopard 2-tanks leveren als de VS ook tanks sturen": past
	 * a predicate and an item, a condition's items are its own */
	size_t cond = c->m1;
	if (has_cue(g, C_IF) || has_cue(g, C_ONLY_IF)) {
		int verb = 0, item = 0;
		for (size_t i = c->m0; i < c->m1 && cond == c->m1; i++) {
			const mention *m = &g->m[i];
			if (m->kind == M_ITEM)
				item = 1;
			else if (m->kind == M_CUE && !m->rel && (m->sub <= C_RECEIVE || m->sub == C_TRAIN))
				verb = 1;
			else if (verb && item && (opens_if(g, c, i) || conjunction_subject(g, c, i)))
				cond = i;
		}
	}
	for (size_t i = c->m0; i < cond && ni < max; i++) {
		const mention *m = &g->m[i];
		if (m->kind != M_ITEM || !m->category || !strcmp(m->category, "-") || m->rel)
			continue;
		if (after_speech_tag(g, c, i))
			continue;
		/* "protection against mines and artillery fire": targets, not
		 * items; the phrase ends at the next cue or actor past its object */
		int target = 0;
		for (size_t j = c->m0; j < i && has_cue(g, C_AGAINST); j++) {
			const mention *q = &g->m[j];
			if (cue_at(g, j, C_AGAINST))
				target = 1;
			else if (target && q->kind == M_CUE && q->sub != C_COORD && q->sub != C_OR &&
			         q->sub != C_ARTICLE && q->sub != C_SOURCE && q->sub != C_POSSESSIVE)
				target = 0;
			else if (target && q->kind == M_ACTOR && j > 0 && !cue_at(g, j - 1, C_AGAINST))
				target = 0;
		}
		if (target)
			continue;
		/* "munitie voor militairen", "to the Ukrainian Armed Forces
		 * soldiers": people after "for" or after the recipient are the
		 * ones helped, not what is given */
		size_t before = i;
		if (before > c->m0 + 1 && cue_at(g, before - 1, C_ACTOR_HEAD) &&
		    g->m[before - 2].kind == M_ACTOR && m->t0 - g->m[before - 1].t1 <= 1)
			before--;
		/* "très appréciées des soldats ukrainiens", "Ukrainian
		 * soldiers": the recipient's own people are the ones helped */
		if (is_person_category(m->category) && g->default_recipient &&
		    ((i > c->m0 && g->m[i - 1].kind == M_ACTOR && g->m[i - 1].sub == ACT_ADJ &&
		      g->m[i - 1].code == g->default_recipient && g->m[i - 1].t1 == m->t0) ||
		     (g->lang == LANG_FR && i + 1 < c->m1 && g->m[i + 1].kind == M_ACTOR &&
		      g->m[i + 1].sub == ACT_ADJ && g->m[i + 1].code == g->default_recipient &&
		      g->m[i + 1].t0 == m->t1)))
			continue;
		if (is_person_category(m->category) && before > c->m0 &&
		    ((cue_at(g, before - 1, C_RECIP) && m->t0 - g->m[before - 1].t1 <= 1) ||
		     (g->m[before - 1].kind == M_ACTOR && g->m[before - 1].role == ROLE_RECIP &&
		      g->m[before].t0 - g->m[before - 1].t1 <= 1)))
			continue;
		/* "SCALP-raketten, de Franse variant van de Storm Shadow", "des
		 * missiles SCALP, l'équivalent français du Storm Shadow": what an
		 * item is said to be like, in an apposition past a comma, is no
		 * item of its own */
		if (i > 0 && has_cue(g, C_VARIANT)) {
			size_t j = i;
			while (j-- > 0 && (cue_at(g, j, C_ARTICLE) || cue_at(g, j, C_SOURCE) ||
			                   cue_at(g, j, C_RECIP) || cue_at(g, j, C_PARTITIVE) ||
			                   (g->m[j].kind == M_ACTOR && g->m[j].sub == ACT_ADJ)))
				;
			if (j < i && cue_at(g, j, C_VARIANT)) {
				size_t s0 = g->m[j].t0;
				while (j-- > 0 && g->m[j].t1 == s0 &&
				       (cue_at(g, j, C_ARTICLE) ||
				        (g->m[j].kind == M_ACTOR && (g->m[j].sub == ACT_ADJ || g->m[j].sub == ACT_PEOPLE))))
					s0 = g->m[j].t0;
				/* past an article the lexicon does not list ("de") */
				for (int k = 0; k < 2 && s0 > 1 && is_short_function_word(g, s0 - 1); k++)
					s0--;
				if (s0 > 0 && comma_at(g, s0 - 1))
					continue;
			}
		}
		/* a system and its generic noun are one item: "Patriot missile
		 * battery", "pantserwagens, van het type Boxer" */
		if (ni > 0) {
			item_ref *p = &items[ni - 1];
			const mention *pm = &g->m[p->mi];
			/* "Carl Gustaf rifles, a weapon popular with ...": a
			 * generic noun in apposition names the item before again */
			if (!m->system && !strcmp(m->category, "weapons") && m->t0 == p->t1 + 2 &&
			    comma_at(g, p->t1) && !(tl->v[p->t1 + 1].flags & (TOK_CAP | TOK_NUM | TOK_PUNCT)) &&
			    tl->v[p->t1 + 1].flen <= 3 && (g->m[i - 1].t1 <= p->t1 || cue_at(g, i - 1, C_ARTICLE)))
				continue;
			/* "weapons or lethal aid": alternatives of one category are one
			 * item */
			if (m->category == p->category && i == p->mi + 2 && cue_at(g, p->mi + 1, C_OR) &&
			    !m->system && !p->system) {
				p->t1 = m->t1;
				p->mi = i;
				continue;
			}
			/* "chars antiaériens", "véhicules blindés": French puts the
			 * adjective that says what an item is for after its noun;
			 * the two are one item, of the adjective's category */
			if (g->lang == LANG_FR && !m->system && !p->system && i == p->mi + 1 &&
			    m->t0 == pm->t1) {
				p->t1 = m->t1;
				p->mi = i;
				/* but rounds for anti-aircraft tanks stay rounds */
				if (strcmp(p->category, "ammunition"))
					p->category = m->category;
				continue;
			}
			/* "lance-roquettes antichars", "anti-tank rocket launchers":
			 * two generic words of one category side by side are one
			 * noun and its qualifier */
			if (m->category == p->category && i == p->mi + 1 && m->t0 == pm->t1 && !m->system &&
			    !p->system) {
				p->t1 = m->t1;
				p->mi = i;
				continue;
			}
			/* "M1A2T Abrams tanks": two names of one system side by side */
			if (m->system && m->system == p->system && m->t0 <= pm->t1 + 1 && i == p->mi + 1) {
				p->t1 = m->t1;
				p->mi = i;
				continue;
			}
			/* the halves of "Kampf- und Schützenpanzer", "antitankwapens
			 * en -raketten" are one phrase when they are one category */
			if (m->susp == 2 && m->category == p->category && i == p->mi + 2 &&
			    (cue_at(g, p->mi + 1, C_COORD) || cue_at(g, p->mi + 1, C_OR))) {
				p->t1 = m->t1;
				p->mi = i;
				continue;
			}
			int coord = 0, comma = 0;
			for (size_t j = p->mi + 1; j < i; j++)
				if (g->m[j].kind == M_CUE && (g->m[j].sub == C_COORD || g->m[j].sub == C_OR))
					coord = 1;
			for (size_t t = pm->t1; t < m->t0; t++)
				if (is_fold(tl, t, ','))
					comma = 1;
			int num_between = 0;
			for (size_t k = 0; k < nn; k++)
				if (nums[k].start >= tl->v[pm->t1 - 1].end && nums[k].end <= tl->v[m->t0].start)
					num_between = 1;
			/* across a comma only a system naming the type of the noun
			 * before it ("pantserwagens, van het type Boxer"), not the
			 * next item of a list ("ammunition, Hercules vehicles") */
			/* "ammunition for Gepard tanks", "munitions pour les canons
			 * Caesar": what ammunition is for is part of its phrase, and
			 * names its system, but it stays ammunition */
			/* "langeafstandsraketten voor de F-16's", "missiles for the
			 * F-16s": what an aircraft carries is given, the aircraft
			 * only says what for; the missiles stay missiles */
			int carried = !strcmp(p->category, "missile") && !strcmp(m->category, "aircraft");
			int for_it = 0;
			for (size_t j = i; j-- > c->m0 && g->m[j].t0 >= p->t0 &&
			                   (carried || !strcmp(p->category, "ammunition"));)
				if (cue_at(g, j, C_RECIP))
					for_it = 1;
			/* "raketten voor het luchtafweersysteem", "missiles for
			 * the Patriot system": interceptors for an air-defence
			 * system are that system's, air defence */
			/* "missiles Aster 30 pour le système SAMP/T": named
			 * interceptors keep their own name, and the launcher they
			 * are for is part of their phrase */
			int num_after = 0;   /* a number past the phrase so far (not "Aster 30") */
			for (size_t k = 0; k < nn; k++)
				if (nums[k].start >= tl->v[p->t1 - 1].end && nums[k].end <= tl->v[m->t0].start)
					num_after = 1;
			if (!coord && !num_after && !comma && m->t0 - p->t1 <= 4 &&
			    (!p->system || !strcmp(p->category, "air-defence")) &&
			    (!strcmp(p->category, "missile") || !strcmp(p->category, "air-defence")) &&
			    !strcmp(m->category, "air-defence")) {
				int via = 0;
				for (size_t j = p->mi + 1; j < i && via >= 0; j++)
					if (g->m[j].t1 <= p->t1 || (!via && cue_at(g, j, C_MORE)))
						continue;   /* the phrase's own name, "supplémentaires" */
					else if (cue_at(g, j, C_RECIP) && !via)
						via = 1;
					else if (!cue_at(g, j, C_ARTICLE) && !cue_at(g, j, C_POSSESSIVE) &&
					         !cue_at(g, j, C_DEMONSTRATIVE) && !(via && cue_at(g, j, C_SOURCE)))
						via = -1;
				if (via == 1) {
					p->category = m->category;
					if (!p->system)
						p->system = m->system;
					p->t1 = m->t1;
					p->mi = i;
					/* "le système SAMP/T": the name right after the
					 * noun is the same launcher */
					if (i + 1 < c->m1 && g->m[i + 1].kind == M_ITEM && g->m[i + 1].system &&
					    g->m[i + 1].t0 <= m->t1 + 1 && !strcmp(g->m[i + 1].category, "air-defence")) {
						p->t1 = g->m[i + 1].t1;
						if (!p->system)
							p->system = g->m[i + 1].system;
						p->mi = ++i;
					}
					continue;
				}
			}
			if (!coord && !num_between && !comma && for_it && !p->system && m->t0 - pm->t1 <= 4) {
				if (m->system && !carried)
					p->system = m->system;
				p->t1 = m->t1;
				p->mi = i;
				continue;
			}
			if (!coord && !num_between && m->t0 - pm->t1 <= 4 && (!!m->system != !!p->system) &&
			    !(comma && (m->system == NULL || m->category != p->category))) {
				/* "ammunition for HIMARS rocket launchers", "Gepard-Munition",
				 * "HIMARS rockets": rounds for a named system are
				 * ammunition of that system */
				const char *ammo = !strcmp(p->category, "ammunition") ? p->category :
				                   !m->system && !strcmp(m->category, "ammunition") ? m->category :
				                   NULL;
				if (m->system) {
					p->system = m->system;
					if (!for_it)
						p->category = m->category;
				}
				if (ammo)
					p->category = ammo;
				p->t1 = m->t1;
				continue;
			}
		}
		item_ref *it = &items[ni++];
		it->mi = i;
		it->t0 = m->t0;
		it->t1 = m->t1;
		it->category = m->category;
		it->system = m->system;
		it->qty = -1;
		it->unit = NULL;
		it->value = -1;
		it->currency = NULL;
		size_t qt = 0;
		const char *unit = NULL;
		size_t pi = i;
		/* "drei weitere Mörser", "40 ton aan medische hulp" */
		while (pi > c->m0 && (cue_at(g, pi - 1, C_MORE) || cue_at(g, pi - 1, C_ARTICLE) ||
		                      cue_at(g, pi - 1, C_WEIGHT) || cue_at(g, pi - 1, C_MAKER) ||
		                      cue_at(g, pi - 1, C_CALIBRE) ||
		                      /* "20 military trucks": a head noun used as
		                       * the item's adjective */
		                      (cue_at(g, pi - 1, C_ACTOR_HEAD) && g->m[pi - 1].t1 == g->m[pi].t0) ||
		                      ((cue_at(g, pi - 1, C_RECIP) || cue_at(g, pi - 1, C_SOURCE)) &&
		                       g->m[pi - 1].t1 == g->m[pi].t0) ||
		                      partitive(g, pi - 1, m, nums, nn)))
			pi--;
		/* the determiner of a partitive may read as a cue ("van zijn") */
		if (pi == i && pi >= c->m0 + 2 && partitive(g, pi - 2, m, nums, nn))
			pi -= 2;
		size_t tmin = pi > c->m0 ? g->m[pi - 1].t1 : c->t0;
		if (tmin < c->t0)
			tmin = c->t0;
		const num_span *q = quantity_before(g, m->t0, tmin, nums, nn, &qt, &unit);
		if (q) {
			it->qty = q->value;
			it->unit = unit ? unit : is_person_category(m->category) ? "person" : "item";
			it->t0 = qt;
		}
	}
	/* "de vrachtwagens helpen repareren": what a service verb governs is
	 * serviced, not given */
	for (size_t i = c->m0; i < c->m1 && has_cue(g, C_SERVICE); i++) {
		if (!cue_at(g, i, C_SERVICE))
			continue;
		size_t w = 0;
		for (size_t j = 0; j < ni; j++)
			if (!(items[j].t0 > g->m[i].t0 || (g->m[i].t0 > items[j].t1 &&
			      g->m[i].t0 - items[j].t1 <= 3)))
				items[w++] = items[j];
		ni = w;
		break;
	}
	/* "een vrachtvliegtuig met militaire goederen", "trucks carrying
	 * ammunition": the plane, ship or truck that carries the items is
	 * how they travel, not what is given */
	if (ni > 0) {
		size_t w = 0;
		for (size_t j = 0; j < ni; j++) {
			size_t mi = items[j].mi;
			const char *cat = items[j].category;
			int carrier = !items[j].system &&
			              (!strcmp(cat, "aircraft") || !strcmp(cat, "naval") || !strcmp(cat, "vehicle")) &&
			              mi + 2 < c->m1 && cue_at(g, mi + 1, C_CARRYING) &&
			              g->m[mi + 1].t0 == g->m[mi].t1;
			if (carrier && j + 1 < ni && items[j + 1].t0 >= g->m[mi + 1].t1 &&
			    items[j + 1].t0 - g->m[mi + 1].t1 <= 3)
				continue;
			/* "tien vrachtwagens met voedsel en dekens": what they
			 * carry is civilian aid, out of scope */
			if (carrier) {
				const mention *n = &g->m[mi + 2];
				if (n->kind == M_ITEM && n->category && !strcmp(n->category, "-") &&
				    n->t0 - g->m[mi + 1].t1 <= 3)
					continue;
			}
			items[w++] = items[j];
		}
		ni = w;
	}
	ni = merge_with_restatement(g, items, ni);
	/* "de training wordt verzorgd door Nederlandse trainers": training
	 * and its trainers are one activity, one record, and the soldiers
	 * of its clause are trained, not sent ("de training van Oekraïense
	 * soldaten") */
	{
		size_t w = 0, tj = SIZE_MAX;
		int training = 0;
		for (size_t j = 0; j < ni; j++)
			if (!strcmp(items[j].category, "training"))
				training = 1;
		for (size_t j = 0; j < ni; j++) {
			if (training && !strcmp(items[j].category, "troops"))
				continue;
			if (!strcmp(items[j].category, "training")) {
				if (tj != SIZE_MAX) {
					if (items[tj].qty < 0 && items[j].qty >= 0) {
						items[tj].qty = items[j].qty;
						items[tj].unit = items[j].unit;
						items[tj].t0 = items[j].t0;
						items[tj].t1 = items[j].t1;
					}
					continue;
				}
				tj = w;
			}
			items[w++] = items[j];
		}
		ni = w;
	}
	/* "Moldavische soldaten trainen": a training verb makes the people
	 * in its clause trainees, and the record is the training itself */
	const mention *tr = NULL;
	for (size_t i = c->m0; i < c->m1 && (has_cue(g, C_TRAIN) || has_cue(g, C_TRAINED)); i++)
		if (cue_at(g, i, C_TRAIN) || cue_at(g, i, C_TRAINED))
			tr = &g->m[i];
	if (tr) {
		/* the people trained and the weapons they learn to use are
		 * not given: the record is the training */
		int have_training = 0;
		size_t w = 0;
		const char *learnt = NULL;   /* the system they learn to use */
		for (size_t j = 0; j < ni; j++) {
			/* the people are trainers or trainees, both the training;
			 * what follows the verb is what they learn to use */
			if (!strcmp(items[j].category, "troops") ||
			    (strcmp(items[j].category, "training") && items[j].t0 > tr->t0)) {
				if (!learnt && items[j].system && items[j].t0 > tr->t0)
					learnt = items[j].system;
				continue;
			}
			if (!strcmp(items[j].category, "training"))
				have_training = 1;
			items[w++] = items[j];
		}
		ni = w;
		/* the verb alone makes a training only with someone to train:
		 * people, a state after it or a state's adjective ("train
		 * Ukrainian pilots", "Oekraïense piloten opleiden"), not
		 * "travelling on trains" */
		int trainees = 0;
		for (size_t i = c->m0; i < c->m1; i++) {
			const mention *m = &g->m[i];
			if ((m->kind == M_ITEM && m->category && is_person_category(m->category)) ||
			    (m->kind == M_ACTOR && (m->t0 >= tr->t1 || m->sub == ACT_ADJ)))
				trainees = 1;
		}
		if (!have_training && trainees && ni < max) {
			item_ref *it = &items[ni++];
			memset(it, 0, sizeof *it);
			it->mi = (size_t)(tr - g->m);
			it->t0 = tr->t0;
			it->t1 = tr->t1;
			it->category = rec_category_intern("training");
			it->qty = -1;
			it->value = -1;
		}
		/* "Oekraïense piloten opleiden om met F-16's te vliegen": the
		 * training is on that system */
		for (size_t j = 0; j < ni && learnt; j++)
			if (!strcmp(items[j].category, "training") && !items[j].system)
				items[j].system = learnt;
	}
	/* "$80 million in military aid under its Foreign Military Financing
	 * programme", "Militärhilfe aus dem Programm FMF": aid that a fund
	 * pays is that fund's money, one funds item */
	if (ni >= 2) {
		size_t w = 0;
		for (size_t j = 0; j < ni; j++) {
			const item_ref *a = &items[j];
			if (j + 1 < ni && !strcmp(a->category, "weapons") && !a->system && a->qty < 0 &&
			    !strcmp(items[j + 1].category, "funds") && items[j + 1].t0 >= a->t1) {
				/* the aid's amount may stand between ("une aide militaire
				 * de 40 millions de dollars au titre du FMF") */
				int joined = 1;
				size_t gap = 0;
				for (size_t t = a->t1; t < items[j + 1].t0; t++) {
					int money = 0;
					for (size_t k = 0; k < nn; k++)
						if ((nums[k].flags & NUM_MONEY) && tl->v[t].start >= nums[k].start &&
						    tl->v[t].end <= nums[k].end)
							money = 1;
					gap += !money;
					if (comma_at(g, t))
						joined = 0;
				}
				if (gap > 4)
					joined = 0;
				for (size_t k = a->mi + 1; k < items[j + 1].mi; k++)
					if (g->m[k].kind != M_CUE || g->m[k].sub == C_COORD || g->m[k].sub == C_OR ||
					    g->m[k].sub <= C_RECEIVE)
						joined = 0;
				if (joined) {
					items[j + 1].t0 = a->t0;
					continue;
				}
			}
			items[w++] = items[j];
		}
		ni = w;
	}
	/* "200 millions d'euros pour acheter des armes", "a fund that buys
	 * weapons", "een fonds waarmee wapens worden gekocht": what money
	 * is to buy is not given, the money is */
	if (ni && has_cue(g, C_PURCHASE)) {
		for (size_t i = c->m0; i < c->m1; i++) {
			const mention *b = &g->m[i];
			if (!cue_at(g, i, C_PURCHASE))
				continue;
			/* the money before it, in this clause or the one it hangs
			 * on ("gaf 50 miljoen euro om granaten te kopen") */
			const num_span *money = NULL;
			for (size_t k = 0; k < nn; k++)
				if ((nums[k].flags & NUM_MONEY) && nums[k].value >= 0 &&
				    nums[k].end <= tl->v[b->t0].start)
					money = &nums[k];
			if (!money)
				break;
			size_t money_end = money->end;
			/* Dutch and German put the object before the verb */
			int verb_last = g->lang == LANG_NL || g->lang == LANG_DE;
			size_t w = 0;
			int funds = 0;
			for (size_t j = 0; j < ni; j++) {
				int bought = items[j].t0 >= b->t1 ||
				             (verb_last && tl->v[items[j].t0].start >= money_end &&
				              items[j].t1 <= b->t0 && b->t0 - items[j].t1 <= 4);
				/* "om voor 32 miljoen euro munitie aan te kopen": an
				 * amount right before the item is its worth, and the
				 * donor buys it in kind */
				size_t t = items[j].t0;
				/* one word between, "of" or "d'" */
				for (size_t q = c->m0; q < c->m1 && t > 0; q++)
					if ((cue_at(g, q, C_SOURCE) || cue_at(g, q, C_PARTITIVE)) &&
					    g->m[q].t1 == t && g->m[q].t0 + 1 == t) {
						t--;
						break;
					}
				if (t > 0 && tl->v[t - 1].end == money_end)
					bought = 0;
				if (!strcmp(items[j].category, "funds"))
					funds = 1;
				if (!bought)
					items[w++] = items[j];
			}
			/* the money itself, where no other item is left to hold it */
			if (w == 0 && !funds) {
				item_ref *it = &items[w++];
				it->category = rec_category_intern("funds");
				it->system = NULL;
				it->qty = -1;
				it->unit = NULL;
				it->value = money->value;
				it->currency = money->code;
				it->t0 = c->t0;
				while (it->t0 > 0 && tl->v[it->t0].start > money->start)
					it->t0--;
				while (it->t0 < c->t1 && tl->v[it->t0].end <= money->start)
					it->t0++;
				it->t1 = it->t0;
				while (tl->v[it->t1].start < money->end)
					it->t1++;
			}
			ni = w;
			break;
		}
	}
	/* "trok 50 miljoen euro uit": money given with no materiel
	 * named is the money itself, unless the text says what kind of money
	 * it is and that kind is no military aid ("financial aid") */
	int blocked = 0;
	for (size_t i = c->m0; i < c->m1 && !ni; i++)
		if (g->m[i].kind == M_ITEM && g->m[i].category && !strcmp(g->m[i].category, "-"))
			blocked = 1;
	if (!ni && !blocked && ni < max) {
		for (size_t k = 0; k < nn; k++) {
			if (!(nums[k].flags & NUM_MONEY) || nums[k].value < 0)
				continue;
			if (nums[k].start < tl->v[c->t0].start || nums[k].end > tl->v[c->t1 - 1].end)
				continue;
			money_item(g, c, &nums[k], &items[ni++]);
			break;
		}
	}
	for (size_t k = 0, nitems = ni; k < nn && ni; k++) {
		if (!(nums[k].flags & NUM_MONEY) || nums[k].value < 0)
			continue;
		if (nums[k].start < tl->v[c->t0].start || nums[k].end > tl->v[c->t1 - 1].end)
			continue;
		if (ni < max && listed_sum(g, c, &nums[k], items, nitems)) {
			item_ref *it = &items[ni++];
			money_item(g, c, &nums[k], it);
			it->value = nums[k].value;
			it->currency = nums[k].code;
			continue;
		}
		size_t best = 0, bd = (size_t)-1;
		size_t next = item_after_sum(g, &nums[k], items, nitems);
		if (next < nitems) {
			best = next;
			bd = 0;
		}
		for (size_t j = 0; j < ni && bd; j++) {
			const token *a = &tl->v[items[j].t0], *b = &tl->v[items[j].t1 - 1];
			size_t dd = nums[k].end <= a->start ? a->start - nums[k].end
			          : nums[k].start >= b->end ? nums[k].start - b->end : 0;
			if (dd < bd) {
				bd = dd;
				best = j;
			}
		}
		if (items[best].value < 0) {
			items[best].value = nums[k].value;
			items[best].currency = nums[k].code;
		}
	}
	missiles_of_system(g, items, ni);
	ni = drop_restated_generic(g, items, ni);
	return drop_package_nouns(g, c, items, ni);
}

static int in_list(const char *const *v, size_t n, const char *c)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == c)
			return 1;
	return 0;
}

/* The states conjoined with the actor lead by a conjunction right
 * before each, or by commas in a list that a conjunction closes
 * ("Estland, Letland en Litouwen"), added to v[0, n); returns n. */
static size_t conjoined(const gram_doc *g, const clause *c, const mention *lead, const char **v,
                        size_t n, size_t max)
{
	size_t li = (size_t)(lead - g->m), prev_end = lead->t1;
	const char *list[8];
	size_t nl = 0;
	for (size_t i = li + 1; i < c->m1 && nl < 8; i++) {
		const mention *m = &g->m[i];
		if (m->kind == M_CUE && (m->sub == C_COORD || m->sub == C_OR) && m->t0 == prev_end) {
			if (i + 1 < c->m1 && g->m[i + 1].kind == M_ACTOR && g->m[i + 1].t0 <= m->t1 + 1 &&
			    g->m[i + 1].role == lead->role) {
				list[nl++] = g->m[i + 1].code;
				for (size_t k = 0; k < nl && n < max; k++)
					if (!in_list(v, n, list[k]))
						v[n++] = list[k];
			}
			break;
		}
		if (m->kind != M_ACTOR || m->role != lead->role || m->t0 != prev_end + 1 ||
		    !comma_at(g, prev_end))
			break;
		list[nl++] = m->code;
		prev_end = m->t1;
	}
	return n;
}

/* Appends to v (n so far, at most max) the actors coordinated with lead
 * ("Noorwegen, Zweden en Finland", "l'Italie et l'Espagne"), in the
 * same role, other than except; returns the new count. */
static size_t coordinated(const gram_doc *g, const clause *c, const mention *lead,
                          const char **v, size_t n, size_t max, const char *except)
{
	const tok_list *tl = g->tl;
	size_t li = (size_t)(lead - g->m);
	size_t prev_end = lead->t1;
	for (size_t i = li + 1; i < c->m1 && n < max; i++) {
		const mention *m = &g->m[i];
		int joined = 1;
		for (size_t t = prev_end; t < m->t0; t++)
			if (!is_fold(tl, t, ',') && !is_short_function_word(g, t))
				joined = 0;
		if (m->kind == M_CUE && (m->sub == C_COORD || m->sub == C_OR || m->sub == C_ARTICLE) && joined) {
			prev_end = m->t1;
			continue;
		}
		/* "de l'Allemagne, du Danemark et des Pays-Bas", "from Germany
		 * and from Poland": the preposition said again for each */
		if (m->kind == M_CUE && joined && lead->role != ROLE_NONE &&
		    m->sub == (lead->role == ROLE_SOURCE ? C_SOURCE : C_RECIP) && i + 1 < c->m1 &&
		    (g->m[i + 1].kind == M_ACTOR || cue_at(g, i + 1, C_ARTICLE))) {
			prev_end = m->t1;
			continue;
		}
		/* origin adjectives coordinate with origin adjectives ("door
		 * Nederlandse en Duitse trainers"), names with names */
		if (m->kind == M_ACTOR && joined && m->role == lead->role &&
		    m->origin_only == lead->origin_only) {
			if (!in_list(v, n, m->code) && m->code != except)
				v[n++] = m->code;
			prev_end = m->t1;
			continue;
		}
		break;
	}
	return n;
}

/* Whether the actor b stands in one list with the actor a before it
 * ("Polen und Rumänien", "Poland, Slovakia and Romania"): coordinated,
 * with a coordinator between them, not only side by side ("hat Estland
 * erlaubt" after "Die Bundesregierung"). */
static int listed_with(const gram_doc *g, const clause *c, const mention *a, const mention *b)
{
	const tok_list *tl = g->tl;
	size_t prev_end = a->t1;
	int joined = 0, found = 0, coord = 0;
	for (size_t i = (size_t)(a - g->m) + 1; i < c->m1; i++) {
		const mention *m = &g->m[i];
		if (cue_at(g, i, C_COORD) || cue_at(g, i, C_OR) || cue_at(g, i, C_ARTICLE)) {
			joined |= !cue_at(g, i, C_ARTICLE);
			coord |= !cue_at(g, i, C_ARTICLE);
			prev_end = m->t1;
			continue;
		}
		if (m->kind != M_ACTOR || m->role != a->role || m->origin_only != a->origin_only)
			break;
		/* commas, and an article after a comma or a coordinator ("und
		 * die Slowakei", "et la Roumanie"): nothing else, and not
		 * nothing ("gaf Washington Estland") */
		int sep = coord;
		coord = 0;
		if (!sep && !(m->t0 > prev_end && is_fold(tl, prev_end, ',')))
			break;
		for (size_t t = prev_end; t < m->t0; t++) {
			if (is_fold(tl, t, ','))
				sep = 1;
			else if (sep && is_short_function_word(g, t))
				sep = 0;
			else
				return found && joined;
		}
		found |= m == b;
		prev_end = m->t1;
	}
	return found && joined;
}

/* Whether the actor a, or the list it opens ("Dänemark und den
 * Niederlanden"), stands right before a permission or a re-export noun
 * ("Polen die Genehmigung", "Poland permission", "den Niederlanden die
 * Weitergabe"): the one who is given it. */
static int holds_permission(const gram_doc *g, const clause *c, const mention *a)
{
	const char *v[8];
	size_t n = coordinated(g, c, a, v, 0, 8, NULL);
	size_t i = (size_t)(a - g->m) + 1;
	size_t end = a->t1;
	while (i < c->m1 && (cue_at(g, i, C_COORD) || cue_at(g, i, C_ARTICLE) ||
	                     (g->m[i].kind == M_ACTOR && in_list(v, n, g->m[i].code)))) {
		if (g->m[i].kind == M_ACTOR)
			end = g->m[i].t1;
		i++;
	}
	size_t j = (size_t)(a - g->m) + 1;
	while (j < c->m1 && g->m[j].t1 <= end)
		j++;
	if (j < c->m1 && cue_at(g, j, C_ARTICLE) && g->m[j].t0 == end)
		end = g->m[j++].t1;
	else if (j < c->m1 && g->m[j].t0 == end + 1 && is_short_function_word(g, end))
		end++;
	return j < c->m1 && g->m[j].t0 == end && !g->m[j].rel &&
	       (cue_at(g, j, C_PERMISSION) || g->m[j].reexport);
}

/* The actors coordinated before lead ("the US and NATO allies, who
 * have been sending"): the antecedent of a relative is the last of them. */
static size_t coordinated_before(const gram_doc *g, const mention *lead, const char **v,
                                 size_t n, size_t max, const char *except)
{
	const tok_list *tl = g->tl;
	size_t li = (size_t)(lead - g->m);
	size_t next_start = lead->t0;
	int coord = 0;
	for (size_t i = li; i-- > 0 && n < max;) {
		const mention *m = &g->m[i];
		int joined = 1;
		for (size_t t = m->t1; t < next_start; t++)
			if (!is_fold(tl, t, ',') && !is_short_function_word(g, t))
				joined = 0;
		if (!joined)
			break;
		if (m->kind == M_CUE && (m->sub == C_COORD || m->sub == C_OR || m->sub == C_ARTICLE)) {
			coord |= m->sub != C_ARTICLE;
			next_start = m->t0;
			continue;
		}
		if (m->kind == M_ACTOR && coord && !m->origin_only) {
			if (!in_list(v, n, m->code) && m->code != except)
				v[n++] = m->code;
			next_start = m->t0;
			coord = 0;
			continue;
		}
		break;
	}
	return n;
}

/* Is actor a the partner named after "samen met", "together with"? */
static int is_partner(const gram_doc *g, const clause *c, const mention *a)
{
	if (!has_cue(g, C_JOINTLY))
		return 0;
	for (size_t i = c->m0; i < c->m1; i++)
		if (cue_at(g, i, C_JOINTLY) && g->m[i].t1 <= a->t0 && a->t0 - g->m[i].t1 <= 6)
			return 1;
	return 0;
}

/* Does the clause refer back to a state named before ("het land", "it")? */
/* Whether the actors of a clause are only its recipient and actors inside
 * restrictive relatives. */
static int names_only(const mention *const *act, size_t na, const char *recipient)
{
	for (size_t i = 0; i < na; i++)
		if (!act[i]->rel && act[i]->code != recipient)
			return 0;
	return 1;
}

static int refers_back(const gram_doc *g, const clause *c)
{
	for (size_t i = c->m0; i < c->m1; i++) {
		/* "Präsident Wolodymyr Selenskyj", "Defence Secretary Ben
		 * Wallace": a title right before the name it belongs to refers
		 * to nobody before */
		if (cue_at(g, i, C_ACTOR_HEAD) && i + 1 < c->m1 && g->m[i + 1].kind == M_ACTOR &&
		    g->m[i + 1].sub == ACT_PERSON && g->m[i + 1].t0 == g->m[i].t1)
			continue;
		if (cue_at(g, i, C_ANAPHOR) || cue_at(g, i, C_PRONOUN) || cue_at(g, i, C_ACTOR_HEAD) ||
		    cue_at(g, i, C_POSSESSIVE))
			return 1;
	}
	return 0;
}


/* Whether an anaphor, a title or a pronoun ("the government", "le
 * gouvernement", "sie") stands in clause c before mention end: a subject
 * that stands for a state named before. */
static int anaphor_before(const gram_doc *g, const clause *c, size_t end)
{
	for (size_t i = c->m0; i < end; i++)
		if (cue_at(g, i, C_ANAPHOR) || cue_at(g, i, C_ACTOR_HEAD) || cue_at(g, i, C_PRONOUN))
			return 1;
	return 0;
}

/* Whether clause c opens with a word that stands for things named
 * before: a pronoun or demonstrative standing alone ("Ze worden in mei
 * geleverd", "they were shipped"; a relative pronoun that opens the
 * sentence is a demonstrative: "Die worden in mei geleverd"), or a bare
 * ordinal ("die ersten sind geliefert worden", "de eerste worden ...
 * overgedragen").  In a passive of giving that subject is the materiel. */
static int item_pronoun_opens(const gram_doc *g, const clause *c, size_t s0,
                              const num_span *nums, size_t nn)
{
	const tok_list *tl = g->tl;
	size_t t = c->t0;
	while (t < c->t1 && (tl->v[t].flags & TOK_PUNCT))
		t++;
	if (t >= c->t1)
		return 0;
	size_t i = c->m0;
	while (i < c->m1 && g->m[i].t0 < t)
		i++;
	int det = 0;
	if (i < c->m1 && g->m[i].t0 == t) {
		/* "..., dont les quatre premiers sont arrivés": the French
		 * relative of a part stands for the items of its antecedent */
		int pron = cue_at(g, i, C_PRONOUN) || cue_at(g, i, C_DEMONSTRATIVE) ||
		           (cue_at(g, i, C_RELATIVE) && (t == s0 || tok_is(g, t, "dont")));
		/* standing alone: no noun of its own after it */
		if (pron && !(i + 1 < c->m1 && g->m[i + 1].kind == M_ITEM &&
		              g->m[i + 1].t0 <= g->m[i].t1 + 1))
			return 1;
		if (pron || cue_at(g, i, C_ARTICLE))
			det = 1;
		t = g->m[i].t1;
	} else if (t + 1 < c->t1 && !(tl->v[t].flags & TOK_NUM)) {
		/* an article the lexicon does not mark ("die" of "die ersten") */
		det = 1;
		t++;
	}
	int ordinal = 0;
	for (size_t k = 0; k < nn; k++)
		if ((nums[k].flags & NUM_ORDINAL) && nums[k].start == tl->v[t].start && (det || t == c->t0))
			ordinal = 1;
	for (size_t j = c->m0; j < c->m1 && ordinal; j++)
		if (g->m[j].kind == M_ITEM)
			ordinal = 0;
	return ordinal;
}

/* Whether clause c has for its object a bare pronoun, a demonstrative or
 * an article standing alone, before nothing but the end of the clause or
 * a separated particle ("lehnt das ab", "wees dat af", "rejected it"):
 * the thing named just before, here a request. */
static int bare_object(const gram_doc *g, const clause *c)
{
	const tok_list *tl = g->tl;
	for (size_t i = c->m0; i < c->m1; i++) {
		if (!(cue_at(g, i, C_PRONOUN) || cue_at(g, i, C_DEMONSTRATIVE) || cue_at(g, i, C_ARTICLE) ||
		      (cue_at(g, i, C_COMP) && g->lang == LANG_NL)) || i == c->m0)
			continue;
		size_t t = g->m[i].t1;
		if (t >= c->t1 || (tl->v[t].flags & TOK_PUNCT))
			return 1;
		if ((t + 1 >= c->t1 || (tl->v[t + 1].flags & TOK_PUNCT)) && t >= g->s0 && g->skip[t - g->s0])
			return 1;
	}
	return 0;
}

/* Whether r, the clause after c, is a relative on c's materiel that
 * gives it: it opens with its pronoun right after c, which names an item,
 * and holds a participle of giving but no item nor state of its own
 * (before a list of what that materiel includes). */
static int relative_giving_after(const gram_doc *g, const clause *c, const clause *r)
{
	if (r->m0 >= r->m1 || r->m0 != c->m1 || !cue_at(g, r->m0, C_RELATIVE))
		return 0;
	int item = 0, giving = 0;
	for (size_t i = c->m0; i < c->m1; i++)
		item |= g->m[i].kind == M_ITEM;
	/* what an elaboration lists after it ("darunter Ersatzteile") is
	 * part of that materiel */
	for (size_t i = r->m0; i < r->m1 && !cue_at(g, i, C_ELABORATION); i++) {
		if (g->m[i].kind == M_ITEM || g->m[i].kind == M_ACTOR)
			return 0;
		giving |= cue_at(g, i, C_DELIVERED);
	}
	return item && giving;
}

/* Whether the clause refers back only through possessives ("called on
 * its allies"), which name no party asked. */
static int possessive_only(const gram_doc *g, const clause *c)
{
	return !anaphor_before(g, c, c->m1);
}


/* Whether clause c, whose predicate weighs, offers or refuses and that
 * names no materiel of its own, is about what was told just before:
 * nothing stands after its predicate but other mentions ("Madrid has not
 * ruled it out", "Oslo is open to it", "Paris n'a pas encore tranché",
 * "is weighing whether to take part"), and at most three words of the
 * clause are no mention ("Eine Entscheidung darüber sei noch nicht
 * gefallen").  "Berlin is considering new sanctions" weighs a thing of
 * its own: a word after the predicate that no lexicon knows. */
static int weighs_told(const gram_doc *g, const clause *c)
{
	const tok_list *tl = g->tl;
	size_t pred_end = 0, loose = 0, i = c->m0;
	int ref = 0;
	for (size_t t = c->t0; t < c->t1; t++) {
		while (i < c->m1 && g->m[i].t1 <= t)
			i++;
		if (i < c->m1 && g->m[i].t0 <= t) {
			if (g->m[i].kind == M_ITEM)
				return 0;
			if (g->m[i].kind == M_CUE && pred_class(g->m[i].sub))
				pred_end = g->m[i].t1;
			else if (pred_end && (cue_at(g, i, C_PRONOUN) || cue_at(g, i, C_DEMONSTRATIVE) ||
			                      cue_at(g, i, C_ARTICLE) || cue_at(g, i, C_COMP)))
				ref = 1;
			continue;
		}
		if (tl->v[t].flags & TOK_PUNCT) {
			if (pred_end)
				break;
			continue;
		}
		if (t >= g->s0 && g->skip[t - g->s0])
			continue;
		/* after the predicate, only a short adverb after the word that
		 * stands for what was told ("prüft das noch", "overweegt het
		 * nu"); "is also considering a loan" weighs a thing of its own */
		const token *tk = &tl->v[t];
		/* "lehnt die Lieferung ab", "rejects the delivery": a short
		 * article before a bare transfer noun right after the
		 * predicate stands for the transfer told before, as a pronoun
		 * would */
		if (pred_end && !ref && i < c->m1 && g->m[i].t0 == t + 1 && cue_at(g, i, C_TRANSFER_NOUN) &&
		    tk->end - tk->start <= 4 && g->d->text[tk->start] >= 'a' && g->d->text[tk->start] <= 'z') {
			ref = 1;
			continue;
		}
		if (pred_end && (!ref || tk->end - tk->start > 4 ||
		                 !(g->d->text[tk->start] >= 'a' && g->d->text[tk->start] <= 'z')))
			return 0;
		if (++loose > 3)
			return 0;
	}
	return pred_end != 0;
}

/* Whether out->v[r] is a record, of the sentence just before this one,
 * that a clause weighing with no materiel of its own takes its materiel
 * from: one of donor's (its giving, or a request made of it), or, with
 * no donor named, a request (the state asked weighs it).  A clause that
 * weighs taking part (joins) is about the giving of others, told before
 * or earlier in its own sentence ("Sweden will send drones, while
 * Lithuania is weighing whether to take part").  A sentence far from any
 * record, or after one of consent, takes nothing. */
static int weighed_record(const gram_doc *g, const rec_list *out, size_t first, size_t r,
                          size_t last, const char *donor, int joins)
{
	if (r < first || r >= last)
		return 0;
	const record *o = &out->v[r];
	/* the records of one sentence, the last told before out->v[last] */
	if (o->span[0] != out->v[last - 1].span[0])
		return 0;
	/* "souhaitait transmettre des systèmes, mais y a renoncé": a clause
	 * of the sentence that told the record tells it with it */
	if (o->span[0] >= g->tl->v[g->s0].cp) {
		if (!joins)
			return 0;
	} else if (!g->last_any_sent || g->last_any_sent + 1 < g->nsent) {
		return 0;
	}
	if (rec_is_consent(o->type) || !o->item || !o->donor)
		return 0;
	if (joins)
		return o->type != REC_REQUESTED && o->donor != donor;
	return donor ? o->donor == donor : o->type == REC_REQUESTED;
}

/* The cue classes that can give a clause its record type. */
#define RECORD_CUES ((CUE_BIT(C_RECEIVE + 1) - 1) | CUE_BIT(C_TRAIN) | CUE_BIT(C_TRAINED) | \
                     CUE_BIT(C_PERMISSION) | CUE_BIT(C_REEXPORT))

/* Notes the cue classes, actor kinds and items among the sentence's
 * mentions in one walk: the passes of gram_scan and the rules of
 * gram_sentence then skip, by a bit test, what a sentence without their
 * words cannot need (most sentences have no organisation, no training
 * verb, no relative pronoun). */
static void note_mentions(gram_doc *g)
{
	uint64_t cues = 0, hi = 0;
	unsigned actors = 0;
	int items = 0, named = 0;
	for (size_t i = 0; i < g->nm; i++) {
		const mention *m = &g->m[i];
		if (m->kind == M_CUE) {
			if (m->sub < 64)
				cues |= CUE_BIT(m->sub);
			else
				hi |= CUE_BIT((m->sub - 64) & 63);
		} else if (m->kind == M_ACTOR) {
			actors |= 1u << m->sub;
		} else {
			items = 1;
			named |= m->category && (m->category[0] != '-' || m->category[1]);
		}
	}
	g->cues = cues;
	g->cues_hi = hi;
	g->actors = actors;
	g->items = items;
	g->named_items = named;
}

int gram_scan(gram_doc *g, size_t t0, size_t t1)
{
	g->nsent++;
	/* until sentence_recipient chooses; a line break opens a paragraph */
	g->default_recipient = g->doc_recipient;
	if (t0 < g->tl->n && (g->tl->v[t0].flags & (TOK_NL | TOK_PARA)))
		g->para_recipient = NULL;
	/* a first sentence that a line break ends is the headline */
	if (g->nsent == 1 && t1 > t0) {
		const char *s = g->d->text;
		size_t b = g->tl->v[t1 - 1].end;
		while (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')
			b++;
		g->head_end = s[b] == '\n' ? cp_end(g, t1 - 1) : 0;
	}
	find_mentions(g, t0, t1);
	note_mentions(g);
	size_t nm = g->nm;
	if ((g->actors >> ACT_ORG & 1) && (g->actors >> ACT_NAME & 1))
		drop_org_modifiers(g);
	drop_dateline(g, t0, t1);
	if (has_cue(g, C_MAKER))
		drop_maker_branches(g);
	drop_source_prefix(g, t0, t1);
	if (g->lang == LANG_DE && g->actors)
		drop_topic_label(g, t0, t1);
	if (g->actors >> ACT_CAPITAL & 1)
		drop_name_capitals(g, t1);
	if (g->lang == LANG_EN && g->actors)
		mark_as_clauses(g, t0, t1);
	if (g->lang == LANG_EN)
		mark_that_relatives(g, t0);
	if (g->lang == LANG_EN && g->items)
		drop_gun_anaphors(g);
	if (has_cue(g, C_TRAIN) || has_cue(g, C_TRAINED))
		drop_train_nouns(g);
	if (has_cue(g, C_INSTEAD) || has_cue(g, C_WITHOUT))
		drop_instead_items(g);
	if (g->nm != nm)
		note_mentions(g);
	return g->items || (g->cues & RECORD_CUES);
}

static void defer_money(gram_doc *g, size_t t0, size_t t1)
{
	if (g->npending == g->cappending) {
		g->cappending = g->cappending ? 2 * g->cappending : 16;
		g->pending = xrealloc(g->pending, g->cappending * sizeof *g->pending);
	}
	g->pending[g->npending].t0 = t0;
	g->pending[g->npending].t1 = t1;
	g->npending++;
}

/* The document's last currency, once the sentences whose numbers were
 * left unscanned have been asked for theirs, newest first. */
static const char *last_currency(gram_doc *g)
{
	for (size_t k = g->npending; k-- > 0;) {
		const char *c = g->money(g->money_ctx, g->pending[k].t0, g->pending[k].t1);
		if (c) {
			g->last_currency = c;
			break;
		}
	}
	g->npending = 0;
	return g->last_currency;
}

int gram_makes_record(int cls)
{
	/* the record-making classes lie below 64, in RECORD_CUES' word; and
	 * ground crossed, which "let" across it makes a consent (a rarer
	 * word for the prefilter to key on than "let") */
	return cls == C_TERRITORY || cls == C_PASS_VERB || cls == C_REBUFFED || cls == C_EXPORT ||
	       cls == C_EXPORT_LICENCE ||
	       (cls >= 0 && cls < 64 && (RECORD_CUES >> cls & 1));
}

/* "60 miljard aan Amerikaans oorlogstuig" after "200 miljoen dollar": a sum
 * in millions or more, counted "aan"/"an" an item, is money in the
 * currency the document last named.  Copies nums into buf when one is
 * changed; returns the spans to use. */
static const num_span *implied_money(gram_doc *g, const num_span *nums, size_t nn,
                                     num_span *copy, size_t cap)
{
	const tok_list *tl = g->tl;
	const num_span *v = nums;
	for (size_t k = 0; k < nn; k++) {
		const num_span *n = &v[k];
		if (n->flags & NUM_MONEY) {
			g->last_currency = n->code;
			g->npending = 0;    /* what went before is older */
			continue;
		}
		if (n->value < 1e6 || nn > cap ||
		    (n->flags & (NUM_YEAR | NUM_PERCENT | NUM_ORDINAL | NUM_RANGE | NUM_OVERFLOW)) ||
		    !last_currency(g))
			continue;
		/* the mention right after the number: "aan", then an item */
		for (size_t i = 0; i + 1 < g->nm; i++) {
			const mention *m = &g->m[i];
			if (m->t0 == 0 || tl->v[m->t0 - 1].end != n->end)
				continue;
			if (cue_at(g, i, C_RECIP) && g->m[i + 1].kind != M_CUE &&
			    g->m[i + 1].t0 - m->t1 <= 2) {
				size_t j = i + 1;
				while (j < g->nm && g->m[j].kind == M_ACTOR)
					j++;
				if (j < g->nm && g->m[j].kind == M_ITEM && g->m[j].t0 - m->t1 <= 3) {
					if (v == nums) {
						memcpy(copy, nums, nn * sizeof *nums);
						v = copy;
					}
					copy[k].flags |= NUM_MONEY;
					copy[k].code = g->last_currency;
					str_copy(copy[k].currency, sizeof copy[k].currency, g->last_currency);
				}
			}
			break;
		}
	}
	return v;
}

/* A double quotation mark (not the apostrophe, which English writes in
 * "Britain's"). */
static int is_double_quote(const gram_doc *g, size_t t)
{
	const token *k = &g->tl->v[t];
	if (!(k->flags & TOK_QUOTE))
		return 0;
	int32_t c;
	utf8_decode(g->d->text + k->start, k->end - k->start, &c);
	return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB;
}

/* Whether token t stands inside a quotation: an odd number of double
 * quotes between the start of its paragraph and it. */
static int in_quotation(const gram_doc *g, size_t t)
{
	size_t n = 0;
	for (size_t q = t; q-- > 0;) {
		n += (size_t)is_double_quote(g, q);
		if (g->tl->v[q].flags & (TOK_PARA | TOK_NL))
			break;
	}
	return (int)(n & 1);
}

/* "U kondigde een nieuw pakket aan? \"Wij leveren drones aan
 * Oekraïne\"": the first-person subject (before the predicate at token
 * pred_t0) of a quotation no tag gives a state to, where the clause
 * names no actor of its own, speaks for the side the story was filed
 * with: the dateline's state, or NULL. */
static const char *own_side_speaking(const gram_doc *g, const clause *c, size_t pred_t0,
                                     const char *recipient)
{
	if (!g->dateline || g->dateline == recipient)
		return NULL;
	for (size_t i = c->m0; i < c->m1; i++) {
		const mention *m = &g->m[i];
		if (m->t0 >= pred_t0 + 3)
			break;
		if (m->kind == M_CUE && m->sub == C_PRONOUN && tok_has_cue(g, m->t0, C_FIRST_PERSON))
			return in_quotation(g, m->t0) ? g->dateline : NULL;
	}
	return NULL;
}

/* When the sentence [t0, t1) opens a quotation it does not close, finds
 * where it closes and who is said to speak after it: an actor within a
 * few words of a report verb ("», rappelle le cabinet de la ministre
 * Dedonder", "\", said Defence Minister Pistorius"). */
static void find_quote_speaker(gram_doc *g, size_t t0, size_t t1)
{
	const tok_list *tl = g->tl;
	if (t0 < g->quote_end)
		return;                 /* still inside the last one */
	g->quote_speaker = NULL;
	if (!is_double_quote(g, t0))
		return;
	size_t nq = 0;
	for (size_t t = t0; t < t1; t++)
		nq += (size_t)is_double_quote(g, t);
	if (nq % 2 == 0)
		return;
	size_t q = t1;
	while (q < tl->n && q < t1 + 400 && !is_double_quote(g, q))
		q++;
	if (q >= tl->n || q >= t1 + 400)
		return;
	int report = 0;
	for (size_t t = q + 1; t < tl->n && t < q + 14;) {
		if (tl->v[t].flags & TOK_PARA)
			break;
		lex_match m[LEX_NKINDS];
		lex_match_at(g->lx, tl, g->d->text, t, tl->n < q + 14 ? tl->n : q + 14, g->lang, m);
		if (m[LEX_CUE].e && m[LEX_CUE].e->sub == C_REPORT)
			report = 1;
		if (m[LEX_ACTOR].e && m[LEX_ACTOR].e->sub != ACT_ADJ && report) {
			g->quote_speaker = m[LEX_ACTOR].e->code;
			g->quote_end = q;
			return;
		}
		size_t len = 1;
		for (int k = 0; k < LEX_NKINDS; k++)
			if (m[k].e && m[k].ntok > len)
				len = m[k].ntok;
		t += len;
	}
}

/* Whether the sentence's elaboration opener names a new package ("the
 * new package includes", "le nouveau paquet comprend", "das neue Paket
 * umfasst"): a word of the class "more" inside it.  What it spells out is
 * the pledge the document reports, not the deliveries the sentence
 * before told as background ("Oslo avait déjà livré ...  Le nouveau
 * paquet comprend aussi des obus"). */
static int elaborates_new_package(const gram_doc *g)
{
	for (size_t i = 0; i < g->nm; i++) {
		if (!cue_at(g, i, C_ELABORATION))
			continue;
		for (size_t t = g->m[i].t0; t < g->m[i].t1; t++)
			if (tok_has_cue(g, t, C_MORE))
				return 1;
	}
	return 0;
}

/* The sentence's numbers, scanned at the first call, with the sums the
 * document's last currency implies (implied_money: as of the sentence's
 * start, which the reading of the sentence does not change). */
static const num_span *nums_of(gram_doc *g, gram_scans *sc, size_t *nn)
{
	if (!sc->nscanned) {
		sc->nscanned = 1;
		sc->nn = sc->on ? sc->nums(sc->ctx, sc->nv, sc->nmax) : 0;
		sc->np = implied_money(g, sc->nv, sc->nn, sc->implied, 32);
	}
	*nn = sc->nn;
	return sc->np;
}

static void sentence(gram_doc *g, size_t t0, size_t t1, gram_scans *dates, rec_list *out,
                     size_t first);

/* object_before_item, where what stands between the state and the item
 * may also be a date and a number ("hat Russland seit August mehr als
 * eine Million Granaten geliefert", "heeft Rusland vorig jaar honderden
 * drones geleverd"): their tokens are not counted. */
static int object_before_counted(gram_doc *g, size_t i, size_t m1, gram_scans *sc)
{
	if (object_before_item(g, i, m1))
		return 1;
	const tok_list *tl = g->tl;
	/* past whose account it is ("hat Russland nach Angaben der
	 * südkoreanischen Regierung Granaten geliefert") */
	size_t r = i, from = g->m[i].t1;
	if (r + 1 < m1 && cue_at(g, r + 1, C_REPORT) && g->m[r + 1].t0 == from) {
		r++;
		while (r + 1 < m1 && (g->m[r + 1].kind == M_ACTOR || cue_at(g, r + 1, C_ACTOR_HEAD) ||
		                      cue_at(g, r + 1, C_ARTICLE) || cue_at(g, r + 1, C_SOURCE)) &&
		       g->m[r + 1].t0 - g->m[r].t1 <= 1)
			r++;
		from = g->m[r].t1;
	}
	/* past an adverb of time ("hatte Moldau bereits 2023 16
	 * Radschützenpanzer überlassen"); its word counts below */
	while (r + 1 < m1 && cue_at(g, r + 1, C_ALREADY))
		r++;
	size_t j = item_after(g, r, m1);
	if (j >= m1)
		return 0;
	size_t nn, nd;
	const num_span *nums = nums_of(g, sc, &nn);
	const date_span *dv = dates_of(sc, &nd);
	size_t other = 0;
	for (size_t t = from; t < g->m[j].t0; t++) {
		size_t b = tl->v[t].start;
		int in = 0;
		if (tl->v[t].flags & TOK_PUNCT)
			return 0;
		for (size_t k = 0; k < nn && !in; k++)
			if (b >= nums[k].start && b < nums[k].end)
				in = 1;
		for (size_t k = 0; k < nd && !in; k++)
			if (b >= dv[k].start && b < dv[k].end)
				in = 1;
		/* besides, at most three words: the date's preposition
		 * ("seit", "since"), an adverb ("bisher") */
		if (!in && ++other > 3)
			return 0;
	}
	return 1;
}

/* A cue that is a clause's own predicate: a verb that gives, promises,
 * refuses, asks, receives or trains, not a transfer noun nor one
 * presupposed in a restrictive relative. */
static int pred_cue(const mention *m)
{
	return m->kind == M_CUE && (m->sub <= C_RECEIVE || m->sub == C_TRAIN || m->sub == C_TRAINED) &&
	       m->sub != C_TRANSFER_NOUN && !m->rel;
}

/* Whether the mentions m[m0, m1) hold a predicate. */
static int has_pred(const gram_doc *g, size_t m0, size_t m1)
{
	for (size_t i = m0; i < m1; i++)
		if (pred_cue(&g->m[i]))
			return 1;
	return 0;
}

/* Whether the stretch after m[i] names an item before the next predicate
 * or clause cut (a clause word right at i + 1 is inside it): a verb that
 * gives nothing of its own may be the speech tag of the clause before,
 * whose speaker may be its donor ("..., a annoncé le ministère",
 * "Ukraine has received tanks, Germany announced"). */
static int gives_own_item(const gram_doc *g, size_t i)
{
	for (size_t q = i + 1; q < g->nm; q++) {
		if (pred_cue(&g->m[q]) || (cue_at(g, q, C_CLAUSE) && q != i + 1) || is_relative_cut(g, q))
			return 0;
		if (g->m[q].kind == M_ITEM)
			return 1;
		/* "and Canada had trained Ukrainian sappers": the trainees
		 * are what a training verb gives */
		if ((cue_at(g, i, C_TRAIN) || cue_at(g, i, C_TRAINED)) && g->m[q].kind == M_ACTOR &&
		    g->m[q].sub == ACT_ADJ)
			return 1;
	}
	return 0;
}

/* A second clause that opens with its own subject, after a comma or a
 * coordinator, once the clause before has its predicate: "Britain has
 * sent Storm Shadows, and France has sent SCALPs", "Groot-Brittannie
 * leverde raketten, Frankrijk stuurde ...".  The subject is followed by
 * its verb (1), or, the verb gapped, right by what it gives (2):
 * "Washington promet des Abrams, Berlin des Leopard", "the United States
 * sends 31 tanks, Germany 14".  m[i] is the coordinator or, after a
 * comma, the state; *cut_t is the token the clause before ends at. */
/* gap_or_subject's first test, inline at its callers: they ask it of
 * every mention of the sentence, and what cannot open such a clause (no
 * state here, or right after a coordinator, an article or a relative
 * pronoun) is turned away without a call. */
static inline int may_open_state(const gram_doc *g, size_t i)
{
	int opener = cue_at(g, i, C_COORD) || cue_at(g, i, C_ARTICLE) || cue_at(g, i, C_RELATIVE);
	return opener ? i + 1 < g->nm && g->m[i + 1].kind == M_ACTOR : g->m[i].kind == M_ACTOR;
}

static int gap_or_subject(gram_doc *g, size_t i, size_t cm0, size_t t1, gram_scans *sc,
                          size_t *cut_t)
{
	const tok_list *tl = g->tl;
	const mention *m = &g->m[i];
	size_t j = i;
	int coord = cue_at(g, i, C_COORD), rel = 0;
	int opener = coord || cue_at(g, i, C_ARTICLE) || cue_at(g, i, C_RELATIVE);
	if (!may_open_state(g, i))
		return 0;
	if (opener) {
		/* "and France", "the Netherlands", and the German article that
		 * reads as a relative pronoun after a comma ("die Niederlande") */
		j = i + 1;
		if (j >= g->nm || g->m[j].t0 > m->t1 + (coord ? 1u : 0u))
			return 0;
		if (cue_at(g, i, C_RELATIVE)) {
			if (!comma_at(g, m->t0))
				return 0;
			rel = 1;
			*cut_t = m->t0;
		} else if (coord) {
			*cut_t = m->t0;
		} else {
			if (m->t0 == 0 || !comma_at(g, m->t0 - 1))
				return 0;
			*cut_t = m->t0 - 1;
		}
	} else {
		/* after the comma at most a short lower-case word outside any
		 * mention: an article ("la Norvège", "de Verenigde Staten") */
		size_t t = m->t0;
		if (t > 1 && !comma_at(g, t - 1) && (i == 0 || g->m[i - 1].t1 < t) &&
		    !(tl->v[t - 1].flags & (TOK_PUNCT | TOK_CAP)) && tl->v[t - 1].flen <= 3)
			t--;
		if (t == 0 || !comma_at(g, t - 1) || (i > 0 && g->m[i - 1].t1 > t - 1))
			return 0;
		*cut_t = t - 1;
	}
	const mention *a = &g->m[j];
	if (a->kind != M_ACTOR || a->origin_only || a->sub == ACT_ADJ || a->weak ||
	    !has_pred(g, cm0, i))
		return 0;
	/* the state's own verb, after at most an auxiliary or adverb (after
	 * a relative pronoun that is one: "Panzer, die Polen liefert") */
	/* "and Germany has said it stands ready to pay", "et l'Allemagne a
	 * fait savoir qu'elle", "en Duitsland zei dat het": a report of the
	 * state's own, its pronoun after, puts the verb further on */
	size_t reach = a->t1 + 3;
	for (size_t q = j + 1; !rel && q < g->nm && g->m[q].t0 <= reach; q++) {
		if ((cue_at(g, q, C_REPORT) ||
		     ((cue_at(g, q, C_PRONOUN) || cue_at(g, q, C_COMP) || cue_at(g, q, C_ARTICLE) ||
		       cue_at(g, q, C_MORE)) &&
		      reach > a->t1 + 3)) &&
		    !comma_between(g, g->m[q - 1].t1, g->m[q].t0) && g->m[q].t1 + 3 > reach) {
			reach = g->m[q].t1 + 3;
			continue;
		}
		/* "en Duitsland zei dat het nog granaten zal leveren": the
		 * reported clause puts its verb after the item */
		if (reach > a->t1 + 3 && g->m[q].kind == M_ITEM &&
		    (g->lang == LANG_NL || g->lang == LANG_DE)) {
			for (size_t k = q + 1; k < g->nm && no_punct(g, g->m[k - 1].t1, g->m[k].t0) &&
			                       g->m[k].kind != M_ACTOR; k++)
				if (pred_cue(&g->m[k]))
					return 1;
			break;
		}
		if (pred_cue(&g->m[q])) {
			/* "hat Gesuche aus Polen und Litauen abgelehnt, ...": in
			 * a verb-final language a participle or infinitive
			 * right after the state that ends the stretch closes the
			 * clause before; a clause of the state's own has its
			 * finite verb first ("und Litauen lehnte ... ab") */
			size_t e = g->m[q].t1;
			if ((g->lang == LANG_DE || g->lang == LANG_NL) && g->m[q].t0 == a->t1 &&
			    (e >= t1 || (tl->v[e].flags & TOK_PUNCT)))
				return 0;
			/* "ready to send", "prête à livrer": the verb the first
			 * one governs gives the item */
			if (reach > a->t1 + 3) {
				size_t k = q + 1;
				while (k < g->nm && (cue_at(g, k, C_RECIP) || cue_at(g, k, C_INF)) &&
				       g->m[k].t0 <= g->m[k - 1].t1 + 1)
					k++;
				if (k < g->nm && pred_cue(&g->m[k]) && g->m[k].t0 <= g->m[q].t1 + 2)
					q = k;
			}
			return gives_own_item(g, q);
		}
		int s = g->m[q].sub;
		if (g->m[q].kind != M_CUE || !(s == C_NEG || s == C_FUTURE || s == C_ALREADY ||
		                               s == C_SHOULD || s == C_WOULD || s == C_FILLER ||
		                               s == C_AUX_PASSIVE))
			break;
	}
	/* "en Frankrijk heeft Caesar-houwitsers gestuurd", "und Frankreich hat
	 * Haubitzen geschickt": the finite auxiliary right after the state
	 * (a word the lexicon does not know), the participle at the end of
	 * the same stretch without punctuation; no preposition or infinitive
	 * marker between ("and Finland for permission to send" is asked) */
	if (!rel && a->t1 < t1 && !(tl->v[a->t1].flags & (TOK_PUNCT | TOK_CAP)) && j + 1 < g->nm &&
	    g->m[j + 1].t0 > a->t1) {
		int seen_item = 0;
		for (size_t q = j + 1; q < g->nm && g->m[q].t0 <= a->t1 + 8; q++) {
			const mention *n = &g->m[q];
			if (!no_punct(g, g->m[q - 1].t1, n->t0) || n->kind == M_ACTOR)
				break;
			if (pred_cue(n))
				return seen_item; /* "heeft houwitsers gestuurd", not "heeft dat aangekondigd" */
			if (n->kind == M_ITEM)
				seen_item = 1;
			if (n->kind == M_CUE && (n->sub == C_RECIP || n->sub == C_SOURCE || n->sub == C_INF ||
			                         n->sub == C_PERMISSION || n->sub == C_CLAUSE ||
			                         n->sub == C_COORD || n->sub == C_OR || n->sub == C_RELATIVE ||
			                         n->sub == C_COMP || n->sub == C_REPORT))
				break;
		}
	}
	/* gapped: what it gives comes right after it (a number, an article
	 * between), and no verb of its own follows; the recipient, or a list
	 * of states after "and", is none */
	if (a->code == g->default_recipient)
		return 0;
	/* "has supplied Ukraine with Storm Shadow missiles, and France with
	 * their twin": the state right before the "with" of the clause
	 * before's frame, and no verb of its own after it */
	if (coord && j + 1 < g->nm && cue_at(g, j + 1, C_CARRYING) && g->m[j + 1].t0 == a->t1 &&
	    comma_at(g, g->m[i].t0 - 1)) {
		int frame = 0;
		for (size_t k = cm0; k < i; k++)
			if (cue_at(g, k, C_CARRYING) && k > cm0 && g->m[k - 1].kind == M_ACTOR &&
			    g->m[k - 1].t1 == g->m[k].t0)
				frame = 1;
		for (size_t k = j + 2; k < g->nm && frame; k++) {
			if (pred_cue(&g->m[k]))
				frame = 0;
			if (cue_at(g, k, C_CLAUSE) || is_relative_cut(g, k))
				break;
		}
		if (frame)
			return 2;
	}
	/* "pledged 40 million Canadian dollars and Denmark 1.6 billion
	 * kroner": without a comma only where the same shape stands on both
	 * sides of "and", an amount before it and one right after the state */
	int amounts = 0;
	{
		/* an amount (or count) right after the state, and one of the
		 * same kind in the clause before */
		size_t nn;
		const num_span *nums = nums_of(g, sc, &nn);
		int before = 0, after = -1;
		for (size_t k = 0; k < nn; k++)
			if (!(nums[k].flags & (NUM_ORDINAL | NUM_YEAR | NUM_PERCENT)) && a->t1 < t1 &&
			    nums[k].start == tl->v[a->t1].start)
				after = (nums[k].flags & NUM_MONEY) != 0;
		for (size_t k = 0; k < nn && after >= 0; k++)
			if (!(nums[k].flags & (NUM_ORDINAL | NUM_YEAR | NUM_PERCENT)) &&
			    ((nums[k].flags & NUM_MONEY) != 0) == after &&
			    nums[k].start >= tl->v[g->m[cm0].t0].start && nums[k].end <= tl->v[m->t0].start)
				before = 1;
		if (coord && !comma_at(g, g->m[i].t0 - 1)) {
			/* "Italy sent Ukraine 20 howitzers and Poland 40 trucks",
			 * "300 miljoen euro toegezegd en Finland 90 miljoen": the
			 * clause before ends in its amount, its item or its verb,
			 * not in a state ("to Poland and Lithuania") */
			const mention *p = &g->m[i - 1];
			int shape = 0;
			for (size_t k = 0; k < nn; k++)
				if (nums[k].end == tl->v[m->t0 - 1].end)
					shape = 1;
			if (p->t1 == m->t0 && (p->kind == M_ITEM || pred_cue(p)))
				shape = 1;
			if (!before || !shape)
				return 0;
		}
		amounts = before && after == 1;
	}
	if (amounts) {
		/* the amount ends the clause, or a recipient follows it */
		size_t nn;
		const num_span *nums = nums_of(g, sc, &nn);
		for (size_t k = 0; k < nn; k++) {
			if (nums[k].start != tl->v[a->t1].start)
				continue;
			size_t t = a->t1;
			while (t < t1 && tl->v[t].end <= nums[k].end)
				t++;
			if (t >= t1 || (tl->v[t].flags & TOK_PUNCT))
				return 2;
			for (size_t q = j + 1; q < g->nm; q++)
				if (g->m[q].t0 == t)
					return cue_at(g, q, C_RECIP) ? 2 : 0;
		}
		return 0;
	}
	size_t q = j + 1;
	while (q < g->nm && g->m[q].kind == M_CUE && !pred_cue(&g->m[q]) &&
	       !cue_at(g, q, C_CLAUSE) && !cue_at(g, q, C_RELATIVE) && g->m[q].t0 <= a->t1 + 4)
		q++;
	if (q >= g->nm || g->m[q].t0 > a->t1 + 4 || (g->m[q].kind != M_ITEM && g->m[q].kind != M_CUE)) {
		/* "Sweden pledges ten Archers, Norway eight": only a few words
		 * (a number, told in the clause loop) up to the end; the items
		 * are the clause before's */
		size_t t = a->t1, n = 0;
		while (t < t1 && !(tl->v[t].flags & TOK_PUNCT) && (q >= g->nm || t < g->m[q].t0)) {
			t++;
			n++;
		}
		if (n < 1 || n > 3 || (t < t1 && !comma_at(g, t) && !is_fold(tl, t, '.') &&
		                       !is_fold(tl, t, ';')))
			return 0;
		size_t nn;
		const num_span *nums = nums_of(g, sc, &nn);
		/* "Canada eveneens twee", "Polen ebenfalls vier":
		 * an adverb of likeness may stand before the number */
		size_t nt = a->t1;
		if (j + 1 < g->nm && cue_at(g, j + 1, C_LIKEWISE) && g->m[j + 1].t0 == a->t1 &&
		    g->m[j + 1].t1 < t)
			nt = g->m[j + 1].t1;
		for (size_t k = 0; k < nn; k++)
			if (!(nums[k].flags & (NUM_ORDINAL | NUM_YEAR | NUM_PERCENT)) &&
			    (amounts || !(nums[k].flags & NUM_MONEY)) &&
			    nums[k].start == tl->v[nt].start && nums[k].end <= tl->v[t - 1].end)
				return 2;
		return 0;
	}
	if (g->m[q].kind != M_ITEM)
		return 0;
	/* the phrase up to the next punctuation holds no word the lexicon
	 * does not know, but numbers and, before the item, a short article:
	 * "en Polen heeft munitie gekocht" has a verb of its own */
	size_t nn, mj = j + 1;
	const num_span *nums = nums_of(g, sc, &nn);
	for (size_t t = a->t1; t < t1 && !(tl->v[t].flags & TOK_PUNCT); t++) {
		while (mj < g->nm && g->m[mj].t1 <= t)
			mj++;
		if (mj < g->nm && g->m[mj].t0 <= t)
			continue;
		int in_num = 0;
		for (size_t k = 0; k < nn && !in_num; k++)
			if (nums[k].start <= tl->v[t].start && nums[k].end >= tl->v[t].end)
				in_num = 1;
		if (in_num || (t < g->m[q].t0 && !(tl->v[t].flags & TOK_CAP) && tl->v[t].flen <= 3))
			continue;
		/* the head noun a system name qualifies ("Patriot launchers") */
		if (mj > 0 && g->m[mj - 1].kind == M_ITEM && g->m[mj - 1].system && g->m[mj - 1].t1 == t)
			continue;
		return 0;
	}
	/* "et la France leur équivalent, le SCALP": a variant noun the
	 * item stands in apposition to may take its comma */
	int variant = 0;
	for (size_t k = j + 1; k < q; k++)
		if (cue_at(g, k, C_VARIANT))
			variant = 1;
	if (!no_punct(g, a->t1, g->m[q].t0) && !variant)
		return 0;
	for (; q < g->nm; q++) {
		if (pred_cue(&g->m[q]))
			return 0;
		if (cue_at(g, q, C_CLAUSE) || is_relative_cut(g, q))
			break;
	}
	return 2;
}

/* "refused to send weapons, pledging instead helmets", "lehnte Waffen
 * ab, sagte aber Helme zu": after a comma, a verb of its own opens a
 * second predicate of the same subject, once the clause before has its
 * own.  Not a participle that an agent follows ("14 tanks, delivered by
 * Germany"): that qualifies the item. */
static int comma_predicate(const gram_doc *g, size_t i, size_t cm0, size_t *cut_t)
{
	const mention *m = &g->m[i];
	if (!pred_cue(m) || m->t0 == 0 || !comma_at(g, m->t0 - 1) || !has_pred(g, cm0, i))
		return 0;
	if (i + 1 < g->nm && cue_at(g, i + 1, C_SOURCE) && g->m[i + 1].t0 == m->t1 &&
	    i + 2 < g->nm && g->m[i + 2].kind == M_ACTOR)
		return 0;
	if (!gives_own_item(g, i))
		return 0;
	*cut_t = m->t0 - 1;
	return 1;
}

/* How far (in tokens) past the conjunct's pronoun or auxiliary its verb
 * may stand: a few words in English and French ("and it has since
 * trained"), the end of an object and adverbials in verb-final Dutch and
 * German ("und es hat seither ... ausgebildet"). */
enum { CONJ_VERB_REACH = 4, CONJ_VERB_REACH_FINAL = 12 };

/* Whether the coordinator at mention i, once the conjunct before (from
 * mention m0) has its predicate, opens a conjunct with a subject pronoun
 * of its own and its own verb: "pledged a dozen tanks, and it has since
 * trained 15,000 recruits", "et il a depuis formé", "und es hat seither
 * ... ausgebildet".  Each conjunct keeps its tense: the training done
 * makes no delivery of the tanks promised.  The verb comes within a few
 * words in English and French, at the end of the stretch (before any
 * punctuation) in Dutch and German, where a finite auxiliary right after
 * the coordinator opens such a conjunct without a pronoun. */
/* Whether the coordinator at mention i, after a comma, opens a clause
 * with a subject of its own: a state or its officials, then their verb
 * (of speech, hope, will, or a record type) with at most one word
 * between (", and Ukrainian officials hope the scheme ...", ", et les
 * responsables ukrainiens espèrent", ", und ukrainische Beamte hoffen").
 * The items of that clause are not the first clause's; a state after
 * the coordinator with no verb of its own is gapping and stays. */
static int comma_coordinated_subject(const gram_doc *g, size_t i)
{
	if (!comma_at(g, g->m[i].t0 - 1))
		return 0;
	size_t j = i + 1;
	if (j < g->nm && cue_at(g, j, C_ARTICLE) && g->m[j].t0 == g->m[j - 1].t1)
		j++;
	/* the state and the noun of its officials, in either order ("les
	 * responsables ukrainiens") */
	int state = 0;
	size_t j0 = j;
	while (j < g->nm && j < j0 + 2 && g->m[j].t0 <= g->m[j - 1].t1 + 1 &&
	       (g->m[j].kind == M_ACTOR || cue_at(g, j, C_ACTOR_HEAD))) {
		state |= g->m[j].kind == M_ACTOR;
		j++;
	}
	if (!state)
		return 0;
	if (j >= g->nm || g->m[j].t0 > g->m[j - 1].t1 + 1 || !no_punct(g, g->m[j - 1].t1, g->m[j].t0))
		return 0;
	const mention *v = &g->m[j];
	return pred_cue(v) || cue_at(g, j, C_SHOULD) || cue_at(g, j, C_REPORT) || cue_at(g, j, C_FUTURE) ||
	       cue_at(g, j, C_WOULD) || cue_at(g, j, C_COND);
}

/* Whether the coordinator at mention i joins a second infinitive to an
 * infinitive that a predicate of the conjunct m[m0, i) governs: "asked
 * Belgium to speed up the schedule and (to) deliver ten jets", "a demandé
 * à la Belgique d'accélérer le calendrier et de livrer dix F-16".  The
 * verb of giving is then the request's (or the promise's) object, not a
 * predicate of its own.  The first infinitive is a word the lexicon does
 * not know right after its marker ("to", "de", "à"); the second follows
 * the coordinator with or without its own marker (English only drops
 * it, and a bare English form in -s is finite, not an infinitive). */
static int shared_infinitive(const gram_doc *g, size_t m0, size_t i)
{
	if ((g->lang != LANG_EN && g->lang != LANG_FR) || i + 1 >= g->nm)
		return 0;
	size_t j = i + 1;
	int marked = (cue_at(g, j, C_RECIP) || cue_at(g, j, C_SOURCE)) && g->m[j].t0 == g->m[i].t1;
	if (marked)
		j++;
	if (j >= g->nm || !cue_at(g, j, C_TRANSFER) || g->m[j].t0 != g->m[j - 1].t1)
		return 0;
	if (!marked) {
		const token *v = &g->tl->v[g->m[j].t0];
		if (g->lang != LANG_EN || tok_fold(g->tl, v)[v->flen - 1] == 's')
			return 0;
	}
	for (size_t k = m0; k + 1 < i; k++) {
		if (!pred_cue(&g->m[k]))
			continue;
		for (size_t q = k + 1; q < i; q++) {
			const mention *mk = &g->m[q];
			if (!(cue_at(g, q, C_RECIP) || cue_at(g, q, C_SOURCE)))
				continue;
			size_t t = mk->t1;
			if (t < g->tl->n && (g->tl->v[t].flags & TOK_WORD) && !(g->tl->v[t].flags & TOK_CAP) &&
			    g->m[q + 1].t0 > t && no_punct(g, t, g->m[i].t0))
				return 1;
		}
		return 0;
	}
	return 0;
}

static int coordinated_subject(const gram_doc *g, size_t m0, size_t i)
{
	if (!cue_at(g, i, C_COORD) || i + 1 >= g->nm || g->m[i + 1].t0 != g->m[i].t1 || !has_pred(g, m0, i))
		return 0;
	/* Dutch "het" is the pronoun and the article: a pronoun where the
	 * word after it is a bare finite verb ("en het heeft") */
	size_t after = g->m[i + 1].t1;
	int het = g->lang == LANG_NL && cue_at(g, i + 1, C_ARTICLE) && after < g->tl->n &&
	          (g->tl->v[after].flags & TOK_WORD) && !(g->tl->v[after].flags & TOK_CAP) &&
	          (i + 2 >= g->nm || g->m[i + 2].t0 > after);
	/* "hat Munition geliefert und wird im Sommer Haubitzen liefern",
	 * "heeft munitie geleverd en zal houwitsers leveren": in a
	 * verb-final language a finite auxiliary right after the
	 * coordinator opens the conjunct too, its verb at the end */
	int aux = (g->lang == LANG_NL || g->lang == LANG_DE) &&
	          (cue_at(g, i + 1, C_FUTURE) || cue_at(g, i + 1, C_AUX_PASSIVE) || cue_at(g, i + 1, C_WOULD) ||
	           cue_at(g, i + 1, C_SHOULD) || cue_at(g, i + 1, C_COND));
	if (!cue_at(g, i + 1, C_PRONOUN) && !het && !aux)
		return 0;
	size_t reach = g->m[i + 1].t1 + (size_t)(g->lang == LANG_NL || g->lang == LANG_DE ?
	                                         CONJ_VERB_REACH_FINAL : CONJ_VERB_REACH);
	for (size_t j = i + 2; j < g->nm && g->m[j].t0 <= reach; j++) {
		if (!no_punct(g, g->m[j - 1].t1, g->m[j].t0))
			return 0;
		if (pred_cue(&g->m[j]))
			return 1;
	}
	return 0;
}

/* Whether the coordinator at mention i, after a negated conjunct (from
 * mention m0), is followed by a lower-case word outside every mention (a
 * finite auxiliary: "heeft", "hat", "has") and, in the same stretch
 * without punctuation or a state that is not a recipient, by a
 * restrictive "only" and then a record-type verb: the contrast "will X
 * not ... and has only ...". */
static int coordinated_aux(const gram_doc *g, size_t m0, size_t i, size_t t1)
{
	const tok_list *tl = g->tl;
	size_t t = g->m[i].t1;
	if (t >= t1 || !(tl->v[t].flags & TOK_WORD) || (tl->v[t].flags & TOK_CAP) ||
	    (i + 1 < g->nm && g->m[i + 1].t0 <= t))
		return 0;
	int neg = 0, only = 0;
	for (size_t j = m0; j < i; j++)
		if (cue_at(g, j, C_NEG))
			neg = 1;
	if (!neg)
		return 0;
	for (size_t j = i + 1; j < g->nm && j <= i + 8; j++) {
		const mention *n = &g->m[j];
		if (!no_punct(g, g->m[j - 1].t1, n->t0))
			return 0;
		if (n->kind == M_ACTOR && !cue_at(g, j - 1, C_RECIP))
			return 0;   /* roles are not marked yet: "naar Oekraïne" */
		if (cue_at(g, j, C_NOT_ONLY))
			only = 1;
		if (n->kind == M_CUE && n->sub <= C_RECEIVE && n->sub != C_TRANSFER_NOUN)
			return only;
	}
	return 0;
}

void gram_sentence(gram_doc *g, size_t t0, size_t t1, gram_scans *sc, rec_list *out,
                   size_t first)
{
	sc->nscanned = sc->dscanned = 0;
	sentence(g, t0, t1, sc, out, first);
	/* numbers left unscanned may hold the currency a later sentence takes */
	if (sc->on && !sc->nscanned)
		defer_money(g, t0, t1);
}

/* Does the sentence spell out what the one before it gave?  An opener
 * ("Het gaat om", "the package includes"), or a verb of containing in a
 * main clause with nothing before it but its subject pronoun or whose
 * account it is ("Nach Angaben des Ministers umfasst es 30 Leopard 1",
 * "Il comprend 20 chars"), and an item after it. */
static int elaborates(const gram_doc *g)
{
	if (has_cue(g, C_ELABORATION))
		return 1;
	if (!has_cue(g, C_INCLUDE))
		return 0;
	for (size_t i = 0; i < g->nm; i++) {
		const mention *m = &g->m[i];
		if (cue_at(g, i, C_INCLUDE) && !m->rel) {
			/* its subject a pronoun beside it ("es", "il", Dutch
			 * "het" standing alone), not a noun ("chaque système
			 * comprend un radar") */
			int pron = 0;
			if (i > 0 && g->m[i - 1].t1 == m->t0 &&
			    (cue_at(g, i - 1, C_PRONOUN) || cue_at(g, i - 1, C_DEMONSTRATIVE) ||
			     cue_at(g, i - 1, C_ARTICLE)))
				pron = 1;
			if (i + 1 < g->nm && g->m[i + 1].t0 == m->t1 &&
			    (cue_at(g, i + 1, C_PRONOUN) || cue_at(g, i + 1, C_DEMONSTRATIVE)))
				pron = 1;
			/* "omvat het 30 pantservoertuigen": an article before a
			 * number stands for the package */
			if (i + 1 < g->nm && g->m[i + 1].t0 == m->t1 && cue_at(g, i + 1, C_ARTICLE) &&
			    g->m[i + 1].t1 < g->tl->n && (g->tl->v[g->m[i + 1].t1].flags & TOK_NUM))
				pron = 1;
			for (size_t j = i + 1; j < g->nm && pron; j++)
				if (g->m[j].kind == M_ITEM)
					return 1;
			return 0;
		}
		if (m->kind == M_ACTOR && m->weak)
			continue;
		if (m->kind != M_CUE || !(m->sub == C_REPORT || m->sub == C_ACTOR_HEAD ||
		                          m->sub == C_PRONOUN || m->sub == C_DEMONSTRATIVE ||
		                          m->sub == C_ARTICLE || m->sub == C_MORE || m->sub == C_ALREADY))
			return 0;
	}
	return 0;
}

/* The type of the records a sentence of more to come continues, or -1:
 * "Volgende maand volgen nog veertig vrachtwagens", "Im Sommer folgten
 * weitere acht Haubitzen".  What follows now or later is promised; what followed was
 * given. */
static int follow_type(const gram_doc *g)
{
	if (has_cue(g, C_FOLLOWED))
		return REC_DELIVERED;
	if (has_cue(g, C_FOLLOWS))
		return REC_COMMITTED;
	return -1;
}

/* Whether clause c names an export or an export licence (a green light
 * alone may be for a state that asked; an export licence is the state's
 * own goods leaving). */
static int names_export(const gram_doc *g, const clause *c)
{
	for (size_t i = c->m0; i < c->m1; i++)
		if (g->m[i].kind == M_CUE && g->m[i].export && !g->m[i].rel)
			return 1;
	return 0;
}

/* Whether mention i of clause c has a definite article or a
 * demonstrative right before it, past "new" and "more" ("the export
 * licence", "these permits"): it refers back to what the text told. */
static int definite_before(const gram_doc *g, const clause *c, size_t i)
{
	size_t j = i;
	while (j > c->m0 && cue_at(g, j - 1, C_MORE))
		j--;
	return j > c->m0 && (cue_at(g, j - 1, C_ARTICLE) || cue_at(g, j - 1, C_DEMONSTRATIVE));
}

/* Whether clause c names an export licence, not one the text told
 * before ("the export licence"), and the state consent_by as one of
 * its actors, with no other state but the recipient: the state's own
 * exports, which it licenses or stops ("Canada stopped approving export
 * permits for arms to Israel"). */
static int own_export(const gram_doc *g, const clause *c, const char *consent_by,
                      const mention *const *act, size_t na)
{
	if (!consent_by)
		return 0;
	int licence = 0;
	for (size_t i = c->m0; i < c->m1 && !licence; i++)
		licence = cue_at(g, i, C_PERMISSION) && g->m[i].export && !g->m[i].rel &&
		          !definite_before(g, c, i);
	if (!licence)
		return 0;
	int named = 0;
	for (size_t i = 0; i < na; i++) {
		if (act[i]->code == consent_by && act[i]->role != ROLE_RECIP && act[i]->sub != ACT_ADJ)
			named = 1;
		else if (act[i]->role != ROLE_RECIP && act[i]->code != consent_by &&
		         act[i]->sub != ACT_ADJ && act[i]->sub != ACT_PERSON)
			return 0;
	}
	return named;
}

/* "Seoul would review options including the provision of arms": a
 * state named before the elaboration is the clause's own subject, and
 * its "including" lists what that state does, not what went to the
 * recipient of the sentences before. */
static int state_before_elaboration(const gram_doc *g, const clause *c)
{
	for (size_t i = c->m0; i < c->m1; i++) {
		const mention *m = &g->m[i];
		if (cue_at(g, i, C_ELABORATION))
			return 0;
		if (m->kind == M_ACTOR && !m->weak && !m->origin_only && m->role != ROLE_RECIP &&
		    m->sub != ACT_ADJ)
			return 1;
	}
	return 0;
}

/* Whether a consent of clause c, decided by consent_by, is about
 * materiel of a third state: a transit, a re-export, or items that
 * another state made or held (origin[0, no)). */
static int third_state_materiel(const gram_doc *g, const clause *c, const pred *p,
                                const char *consent_by, const mention *const *origin, size_t no)
{
	if (p->transit)
		return 1;
	for (size_t i = c->m0; i < c->m1; i++)
		if (g->m[i].reexport)
			return 1;
	for (size_t i = 0; i < no; i++)
		if (origin[i]->code != consent_by)
			return 1;
	return 0;
}

/* Whether a people is named as a share of itself: "60 % des Français",
 * "55 Prozent der Deutschen", "60 procent van de Nederlanders", "60
 * percent of Americans".  Such a sentence reports a poll, and no state
 * does what that share thinks. */
static int population_share(gram_doc *g, gram_scans *sc)
{
	size_t nn;
	const num_span *nums = nums_of(g, sc, &nn);
	for (size_t i = 0; i < g->nm; i++) {
		const mention *a = &g->m[i];
		if (a->kind != M_ACTOR || (a->sub != ACT_PEOPLE && a->sub != ACT_ADJ))
			continue;
		size_t at = g->tl->v[a->t0].start;
		for (size_t k = 0; k < nn; k++)
			if ((nums[k].flags & NUM_PERCENT) && nums[k].end <= at && at - nums[k].end <= 10)
				return 1;
	}
	return 0;
}

/* ---- a story of two recipients ----
 *
 * "Pyongyang has shipped shells to Moscow ... Berlin announced a package
 * for Kyiv": where the document names more than one recipient (those of
 * recip_others, and each a clause reads as one), a sentence that names
 * none takes the one its donor was last read with, or its system, or
 * (naming no state) the one last read in its paragraph, else the
 * document's (sentence_recipient).  roles_note keeps the memos where a
 * clause's roles are known: fixed arrays of gram_doc, nothing allocated
 * per sentence or token. */

/* The recipient memo v[0, n) holds for key (a donor's code, a
 * system's name), or NULL. */
static const char *memo_get(const struct gram_recip_memo *v, size_t n, const char *key)
{
	for (size_t k = n; k-- > 0;)
		if (v[k].key == key || !strcmp(v[k].key, key))
			return v[k].recipient;
	return NULL;
}

/* Notes in memo v[0, *n) (of GRAM_GAVE pairs) that key was read going
 * to recipient: its pair moves last, and the oldest goes when the memo
 * is full. */
static void memo_put(struct gram_recip_memo *v, size_t *n, const char *key, const char *recipient)
{
	size_t k = 0;
	while (k < *n && v[k].key != key && strcmp(v[k].key, key))
		k++;
	if (k == *n && *n == GRAM_GAVE)
		k = 0;
	else if (k == *n)
		(*n)++;
	memmove(&v[k], &v[k + 1], (*n - 1 - k) * sizeof *v);
	v[*n - 1].key = key;
	v[*n - 1].recipient = recipient;
}

/* Notes the roles a clause was read with: each donor's recipient, and
 * the paragraph's.  A state a clause reads as the recipient is one of
 * the document's ("kündigte ein Paket für die Ukraine an", which the
 * tally of gram_doc_init does not count, the preposition far from a
 * verb of giving). */
static void roles_note(gram_doc *g, const char *recipient, const char *const *donors, size_t ndon,
                       const item_ref *items, size_t ni)
{
	if (!g->doc_recipient || !recipient || recipient == g->west)
		return;
	if (doc_recip_at(g, recipient) < 0) {
		if (g->ndoc_recips == GRAM_RECIPS)
			return;
		g->doc_recips[g->ndoc_recips++] = recipient;
		if (g->trace) {
			fprintf(g->trace, "  document recipients:");
			for (size_t k = 0; k < g->ndoc_recips; k++)
				fprintf(g->trace, " %s", g->doc_recips[k]);
			fprintf(g->trace, "\n");
		}
	}
	g->para_recipient = recipient;
	g->para_sent = g->nsent;
	for (size_t d = 0; d < ndon; d++)
		if (donors[d] && donors[d] != recipient && donors[d] != g->west)
			memo_put(g->gave, &g->ngave, donors[d], recipient);
	for (size_t j = 0; j < ni; j++)
		if (items[j].system)
			memo_put(g->sys_to, &g->nsys_to, items[j].system, recipient);
}

/* Chooses the sentence's default recipient, once its roles are marked.
 * A sentence that names the document's recipient (not as an adjective,
 * nor as the source) keeps it, as before.  Else it takes the one its
 * first donor was last read with ("Tehran will deliver 200 more drones"
 * after "Iran supplied drones to Russia"), else the one its system was
 * last read with; one that names no state, the one last read in its
 * paragraph, else the one the donor of the sentences before was.  One
 * that names a donor new to the story takes the document's.  A state the
 * document names as a recipient is no donor here. */
static void sentence_recipient(gram_doc *g)
{
	g->default_recipient = g->doc_recipient;
	if (g->ndoc_recips < 2)
		return;
	const char *r = NULL, *said = NULL;
	for (size_t i = 0; i < g->nm; i++) {
		const mention *m = &g->m[i];
		if (m->kind != M_ACTOR || m->origin_only)
			continue;
		if (m->code == g->doc_recipient && m->sub != ACT_ADJ && m->role != ROLE_SOURCE && !m->weak)
			return;
		if (r || m->role == ROLE_RECIP || m->code == g->west || doc_recip_at(g, m->code) >= 0)
			continue;
		/* whose account it is ("Berlin said ...") is the donor only
		 * when no other is named ("Seoul said Pyongyang will ...") */
		if (!m->weak)
			r = memo_get(g->gave, g->ngave, m->code);
		else if (!said)
			said = memo_get(g->gave, g->ngave, m->code);
	}
	const char *by = "donor";
	/* "Weitere Shahed-Drohnen trafen ein": the system's own recipient,
	 * before a donor only spoken for or inherited */
	for (size_t i = 0; i < g->nm && !r && g->nsys_to; i++)
		if (g->m[i].kind == M_ITEM && g->m[i].system && (r = memo_get(g->sys_to, g->nsys_to, g->m[i].system)))
			by = "system";
	if (!r)
		r = said;
	/* naming no state, the sentence goes on with what came last: the
	 * donor of the sentences before, if named after the paragraph last
	 * read a recipient ("... an die Ukraine abgegeben.  Darauf
	 * verständigten sich Lambrecht und ihr Amtskollege.  Der erste
	 * Panzer soll ... übergeben werden"), else that recipient ("Russia
	 * received 300 drones.  Another 100 arrived in March.") */
	if (!r && !g->actors && g->nlast && (!g->para_recipient || g->last_actor_sent > g->para_sent))
		r = memo_get(g->gave, g->ngave, g->last_donor[0]);
	if (!r && !g->actors && g->para_recipient) {
		r = g->para_recipient;
		by = "paragraph";
	}
	if (!r || doc_recip_at(g, r) < 0)
		return;
	g->default_recipient = r;
	if (g->trace && r != g->doc_recipient)
		fprintf(g->trace, "  sentence recipient: %s (%s)\n", r, by);
}

static void sentence(gram_doc *g, size_t t0, size_t t1, gram_scans *dates, rec_list *out,
                     size_t first)
{
	const tok_list *tl = g->tl;
	g->sent_t0 = t0;
	g->exercise_before = g->exercise_now;
	g->exercise_now = has_cue(g, C_EXERCISE);
	if (money_word_near(g)) {
		size_t nn;
		const num_span *nums = nums_of(g, dates, &nn);
		drop_money_words(g, nums, nn);
	}
	find_quote_speaker(g, t0, t1);
	const char *speaker = t0 < g->quote_end ? g->quote_speaker : NULL;
	if (g->trace) {
		trace_mentions(g, t0, t1);
		size_t nn;
		const num_span *nums = nums_of(g, dates, &nn);
		for (size_t k = 0; k < nn; k++)
			fprintf(g->trace, "  num   %g flags %#x %s '%.*s'\n", nums[k].value, nums[k].flags,
			        nums[k].currency, (int)(nums[k].end - nums[k].start),
			        g->d->text + nums[k].start);
		size_t nd;
		const date_span *dv = dates_of(dates, &nd);
		for (size_t k = 0; k < nd; k++)
			fprintf(g->trace, "  date  %s kind %d '%.*s'\n", dv[k].when, dv[k].kind,
			        (int)(dv[k].end - dv[k].start), g->d->text + dv[k].start);
	}
	if (!g->nm)
		return;
	/* a question asserts nothing */
	for (size_t i = t1; i-- > t0;) {
		const token *t = &tl->v[i];
		if (!(t->flags & TOK_PUNCT))
			break;
		if (is_fold(tl, i, '?'))
			return;
	}
	/* nor does an interviewer's turn ("Q: Germany announced another
	 * package. Are you satisfied?"): it sets up the question, and what
	 * the text asserts is in the answer */
	if (interviewer_turn(g, t0))
		return;
	/* nor does a poll: what a share of a people approves */
	if ((g->actors >> ACT_PEOPLE & 1 || g->actors >> ACT_ADJ & 1) && population_share(g, dates))
		return;
	/* what gram_scan noted of the mentions */
	int report = has_cue(g, C_REPORT), sent_items = g->named_items, sent_actors = 0, sent_pred = 0;
	/* with no cue that makes a record the sentence asserts nothing, and
	 * its clauses need no clause_pred */
	/* "will not let weapons cross its territory": letting across one's
	 * ground is a consent cue of its own */
	int preds = (g->cues & RECORD_CUES) != 0 ||
	            (has_cue(g, C_LET) && (has_cue(g, C_TERRITORY) || has_cue(g, C_PASS_VERB))) ||
	            has_cue(g, C_REBUFFED) || has_cue(g, C_SUPPLIER_OF);
	int sent_transfer = (g->cues & (CUE_BIT(C_DELIVERED) | CUE_BIT(C_COMMITTED) |
	                                CUE_BIT(C_TRANSFER) | CUE_BIT(C_TRANSFER_NOUN) |
	                                CUE_BIT(C_RECEIVE))) != 0;
	/* nor does it, with no actor, tell the next sentence who it is
	 * about; what is left to do (unless traced) is only an elaboration
	 * of the sentence before */
	if (!preds && !g->actors && !g->trace &&
	    !(sent_items && (elaborates(g) || follow_type(g) >= 0))) {
		g->nnom = 0;
		return;
	}
	mark_relative(g, t1);
	mark_reduced_relative(g);
	/* clauses: cut at clause words, semicolons and ", which" */
	clause cl[32];
	size_t ncl = 0;
	size_t cm0 = 0, ct0 = t0;
	int open_gap = 0, verb_open = 0, open_resume = 0;
	/* lead_condition_end needs a clause that opens with "if": not asked
	 * at every mention of a sentence that has none */
	int lead_if = has_cue(g, C_IF) || has_cue(g, C_ONLY_IF);
	/* the semicolons between mentions are looked for only when the
	 * sentence's folded forms, which lie in token order in the arena,
	 * have one */
	const char *f0 = tok_fold(tl, &tl->v[t0]);
	int semi = memchr(f0, ';', (size_t)(tok_fold(tl, &tl->v[t1 - 1]) - f0) + tl->v[t1 - 1].flen) != NULL;
	for (size_t i = 0; i <= g->nm && ncl < 32; i++) {
		int cut = i == g->nm, cut_by_verb = 0;
		size_t ct1 = t1;
		/* "sagte aber Helme zu": a clause word right after the verb
		 * that opened the clause is inside it */
		size_t gt = 0;
		int relgap = i < g->nm && i > cm0 && cue_at(g, i, C_RELATIVE) &&
		             may_open_state(g, i) && gap_or_subject(g, i, cm0, t1, dates, &gt) == 2;
		if (!cut && i > 0 && ((cue_at(g, i, C_CLAUSE) && !clause_word_before_np(g, i, t1) &&
		                       !(verb_open && i == cm0 + 1)) ||
		                      (has_cue(g, C_RELATIVE) && !relgap && is_relative_cut(g, i)))) {
			cut = 1;
			ct1 = g->m[i].t0;
		}
		/* "refused to send tanks and offered radios instead": a
		 * coordinated predicate is a clause of its own */
		if (!cut && i > 0 && (cue_at(g, i, C_COORD) || cue_at(g, i, C_OR)) && i + 1 < g->nm &&
		    !shared_infinitive(g, cm0, i)) {
			for (size_t j = i + 1; j < g->nm && j <= i + 3; j++) {
				const mention *n = &g->m[j];
				/* "en andere Europese landen toe te staan": an unnamed
				 * object may come first */
				int loose = j == i + 1 || (j == i + 2 && cue_at(g, i + 1, C_SOME_DONOR));
				if (n->t0 - g->m[i].t1 > (loose ? 4u : 2u))
					break;
				if (n->kind == M_CUE && n->sub <= C_RECEIVE && n->sub != C_TRANSFER_NOUN) {
					cut = 1;
					ct1 = g->m[i].t0;
					break;
				}
				if (n->kind != M_CUE)
					break;
			}
		}
		/* "dat de VS Israël steun geven en dat Nederland een klein
		 * radertje is": a second complement clause after a coordinator
		 * has its own subject and verb */
		if (!cut && i > cm0 && cue_at(g, i, C_COORD) && i + 1 < g->nm && cue_at(g, i + 1, C_COMP) &&
		    g->m[i + 1].t0 == g->m[i].t1 && has_pred(g, cm0, i)) {
			cut = 1;
			ct1 = g->m[i].t0;
		}
		/* "Wenn Nordkorea Soldaten schickt, werden wir prüfen", "Als
		 * Rusland aanvalt, stuurt ...": a condition that leads the
		 * clause ends at its comma; its states and items are its own */
		if (!cut && i > cm0 + 1 && lead_if && lead_condition_end(g, cm0, i, ct0)) {
			cut = 1;
			ct1 = g->m[i].t0;
		}
		/* "wil geen wapens sturen en heeft tot nu toe alleen helmen
		 * toegezegd", "will keine Panzer liefern und hat bisher nur
		 * Helme zugesagt": after a negated conjunct with its verb, a
		 * coordinator, a finite auxiliary the lexicon does not know and
		 * a restrictive "only" open a predicate of its own, whose verb
		 * may come last, and which the negation does not reach */
		if (!cut && i > cm0 && cue_at(g, i, C_COORD) && has_pred(g, cm0, i) &&
		    (coordinated_aux(g, cm0, i, t1) || coordinated_subject(g, cm0, i) ||
		     comma_coordinated_subject(g, i))) {
			cut = 1;
			ct1 = g->m[i].t0;
		}
		/* ", and another 100,000 rounds will be sent", ", et 20 chars
		 * seront livrés": after a comma, an item with its auxiliary and
		 * its participle is the subject of a passive clause of its own */
		if (!cut && i > cm0 && cue_at(g, i, C_COORD) && comma_at(g, g->m[i].t0 - 1) &&
		    has_pred(g, cm0, i)) {
			size_t j = i + 1;
			while (j < g->nm && cue_at(g, j, C_MORE) && g->m[j].t0 - g->m[j - 1].t1 <= 2)
				j++;
			if (j < g->nm && g->m[j].kind == M_ITEM && g->m[j].t0 - g->m[i].t1 <= 3) {
				size_t q = j + 1;
				int aux = 0;
				while (q < g->nm && (cue_at(g, q, C_FUTURE) || cue_at(g, q, C_AUX_PASSIVE) ||
				                     cue_at(g, q, C_WOULD) || cue_at(g, q, C_SHOULD)) &&
				       g->m[q].t0 - g->m[q - 1].t1 <= 1) {
					aux = 1;
					q++;
				}
				/* the participle at the end in Dutch and German
				 * ("en tien toestellen worden voor het einde van het
				 * jaar geleverd") */
				if (aux && (g->lang == LANG_DE || g->lang == LANG_NL))
					while (q < g->nm && !pred_cue(&g->m[q]) && g->m[q].kind == M_CUE &&
					       q < j + 10 && no_punct(g, g->m[j].t1, g->m[q].t0))
						q++;
				else if (q < g->nm && g->m[q].t0 - g->m[q - 1].t1 > 1)
					aux = 0;
				if (aux && q < g->nm && pred_cue(&g->m[q]) && no_punct(g, g->m[j].t1, g->m[q].t0)) {
					cut = 1;
					ct1 = g->m[i].t0;
				}
			}
		}
		/* "Letland, dat de coalitie met Groot-Brittannië leidt, zegde
		 * geld toe": a Dutch relative clause ends with its verb; the
		 * finite verb right after the closing comma is the main
		 * clause's, whose subject is the relative's antecedent */
		int resumes = 0;
		if (!cut && g->lang == LANG_NL && i > cm0 + 1 && is_relative_cut(g, cm0) && ncl > 0 &&
		    cl[ncl - 1].next_antecedent && g->m[i].t0 > 0 && comma_at(g, g->m[i].t0 - 1) &&
		    g->m[i].t0 - 1 > g->m[cm0].t1 && g->m[i].kind == M_CUE &&
		    (pred_cue(&g->m[i]) || cue_at(g, i, C_FUTURE) || cue_at(g, i, C_AUX_PASSIVE) ||
		     cue_at(g, i, C_COND) || cue_at(g, i, C_SHOULD)) &&
		    (g->tl->v[g->m[i].t0 - 2].flags & TOK_WORD)) {
			cut = 1;
			resumes = 1;
			ct1 = g->m[i].t0 - 1;
		}
		int gap = 0;
		if (!cut && i > cm0) {
			size_t ct = 0;
			int r = may_open_state(g, i) ? gap_or_subject(g, i, cm0, t1, dates, &ct) : 0;
			if (!r && comma_predicate(g, i, cm0, &ct))
				r = cut_by_verb = 1;
			if (r && ct > ct0) {
				cut = 1;
				ct1 = ct;
				gap = r == 2;
			} else {
				cut_by_verb = 0;
			}
		}
		/* "Scholz bleibt beim Nein zu Taurus – Pistorius schnürt neues
		 * Munitionspaket": a dash between two predicates, before the
		 * second one's subject, joins two clauses as a semicolon does */
		if (!cut && i > cm0 && i < g->nm && g->m[i].kind == M_ACTOR && g->m[i].sub != ACT_ADJ &&
		    has_pred(g, cm0, i) && has_pred(g, i, g->nm)) {
			for (size_t t = g->m[i - 1].t1; t < g->m[i].t0; t++)
				if (is_dash_token(g, t)) {
					cut = 1;
					ct1 = t;
				}
		}
		if (!cut && i > cm0 && semi) {
			for (size_t t = g->m[i - 1].t1; t < g->m[i].t0; t++)
				if (is_fold(tl, t, ';')) {
					cut = 1;
					ct1 = t;
				}
		}
		if (!cut)
			continue;
		if (ct1 <= ct0)
			ct1 = ct0 + 1;
		if (ct1 > t1)
			ct1 = t1;
		cl[ncl].m0 = cm0;
		cl[ncl].m1 = i;
		cl[ncl].t0 = ct0;
		cl[ncl].t1 = ct1;
		cl[ncl].antecedent = NULL;
		cl[ncl].next_antecedent = NULL;
		cl[ncl].gapped = open_gap;
		cl[ncl].resumes = open_resume;
		open_resume = resumes;
		open_gap = gap;
		verb_open = cut_by_verb;
		if (i < g->nm && !gap && is_relative_cut(g, i)) {
			/* the next clause's subject is the relative's antecedent */
			for (size_t j = i; j-- > cm0;) {
				if (g->m[i].t0 - g->m[j].t1 > 3)
					break;
				if (g->m[j].kind == M_ACTOR) {
					cl[ncl].next_antecedent = &g->m[j];
					break;
				}
			}
		}
		ncl++;
		cm0 = i;
		ct0 = ct1;
	}
	for (size_t k = 1; k < ncl; k++) {
		if (cl[k - 1].m1 < g->nm && !cl[k].gapped && is_relative_cut(g, cl[k - 1].m1))
			cl[k].antecedent = cl[k - 1].next_antecedent;
		else if (cl[k].resumes)
			cl[k].antecedent = cl[k - 1].antecedent;
	}
	const char *sent_donor[8];
	size_t nsent_donor = 0;
	size_t emitted0 = out->n, nemit0 = g->nemit;
	/* roles and origins are marked on actors, adjectives for origins */
	for (size_t k = 0; k < ncl && g->actors; k++) {
		mark_roles(g, cl[k].m0, cl[k].m1);
		if (g->actors >> ACT_ADJ & 1)
			mark_coordinated_origins(g, cl[k].m0, cl[k].m1);
	}
	sentence_recipient(g);
	/* the recipient speaks in the sentence when it is named other than
	 * as the one something is for ("Kyiv hopes for tanks", not "a
	 * package for Ukraine") */
	/* the recipient speaks where it is named other than as the one who
	 * receives: not after "to", nor as the object before the item
	 * ("dat Duitsland Oekraïne tanks moet leveren") */
	int ua_speaks = 0;
	for (size_t i = 0; i < g->nm && g->actors && g->default_recipient; i++)
		if (g->m[i].kind == M_ACTOR && g->m[i].code == g->default_recipient &&
		    g->m[i].role != ROLE_RECIP && !object_before_item(g, i, g->nm))
			ua_speaks = 1;
	size_t told = SIZE_MAX;   /* a relative clause that told a request's items */
	pred prevp;
	int have_prev = 0;
	const char *said_recip = NULL;   /* the recipient a clause named, */
	size_t said_recip_k = SIZE_MAX;  /* and that clause's index */
	item_ref prev_item;   /* the one item of the clause before, for a gap */
	size_t nprev_items = 0;
	memset(&prev_item, 0, sizeof prev_item);
	for (size_t k = 0; k < ncl; k++) {
		clause *c = &cl[k];
		if (k == told)
			continue;
		pred p;
		memset(&p, 0, sizeof p);
		if (preds && c->gapped && k > 0 && have_prev) {
			/* "Washington promet des Abrams, Berlin des Leopard": the
			 * verb of the clause before */
			p = prevp;
		} else if (preds) {
			clause_pred(g, c, ua_speaks, report, &p);
		} else {
			p.prov = p.prov2 = -1;   /* the rest is zero from the memset */
		}
		/* "Beijing sent warships across the median line during drills",
		 * "wird Patriot-Einheiten in Ostpolen stationieren": forces moved
		 * for an exercise or stationed are not given, nor do they
		 * pass anywhere by consent */
		if (has_cue(g, C_EXERCISE)) {
			p.prov = p.prov2 = -1;
			p.ncons = 0;
		}

		/* "If Kyiv asks for them, Norway will send howitzers": a
		 * promise after a condition that leads the sentence waits for
		 * it, an offer */
		if (k > 0 && p.prov == REC_COMMITTED && cl[k - 1].m0 < cl[k - 1].m1 &&
		    cue_at(g, cl[k - 1].m0, C_IF) && g->m[cl[k - 1].m0].t0 <= cl[k - 1].t0 + 1 &&
		    cl[k - 1].t0 <= t0 + 1 && !condition_told(g, &cl[k - 1]))
			p.prov = REC_OFFERED;
		/* "haben 100.000 Granaten finanziert, die im Sommer geliefert
		 * werden sollen", "hat Exporte genehmigt, die inzwischen
		 * geliefert worden seien": a German relative right after the
		 * verb-final clause that says how its materiel is given (to
		 * come, or done) tells the type of that giving, where the
		 * clause itself only paid for it or approved it */
		if (preds && g->lang == LANG_DE && k + 1 < ncl && (p.prov == REC_DELIVERED || p.prov == REC_COMMITTED) &&
		    !p.ncons && relative_giving_after(g, c, &cl[k + 1])) {
			pred q;
			memset(&q, 0, sizeof q);
			clause_pred(g, &cl[k + 1], ua_speaks, report, &q);
			if (p.prov == REC_DELIVERED && q.prov == REC_COMMITTED && !clause_has(g, c, C_DELIVERED))
				p.prov = REC_COMMITTED;
			else if (p.prov == REC_COMMITTED && q.prov == REC_DELIVERED) {
				/* only an approval, not a pledge, is told by what
				 * came of it */
				int approves = 0;
				for (size_t i = c->m0; i < c->m1; i++)
					approves |= g->m[i].kind == M_CUE && g->m[i].approve;
				if (approves)
					p.prov = REC_DELIVERED;
			}
		}
		prevp = p;
		have_prev = 1;
		if (g->trace)
			fprintf(g->trace, "  clause %zu: mentions %zu..%zu prov %s%s%s consent %zu\n", k,
			        c->m0, c->m1, p.prov >= 0 ? rec_type_names[p.prov] : "-",
			        p.prov2 >= 0 ? "+" : "", p.prov2 >= 0 ? rec_type_names[p.prov2] : "",
			        p.ncons);
		/* actors of the clause: the antecedent of a relative first */
		const mention *act[16];
		const mention *origin[8];
		size_t na = 0, no = 0;
		if (c->antecedent)
			act[na++] = c->antecedent;
		for (size_t i = c->m0; i < c->m1 && na < 16; i++) {
			if (g->m[i].kind != M_ACTOR)
				continue;
			if (g->m[i].origin_only) {
				if (no < 8)
					origin[no++] = &g->m[i];
			} else {
				act[na++] = &g->m[i];
			}
		}
		/* whose account it is ("according to the minister") is no
		 * party of the sentence */
		for (size_t i = 0; i < na; i++)
			/* "pantserwagens die de Zweedse krijgsmacht nog in bezit
			 * heeft": a state inside a restrictive relative only says
			 * which items are meant */
			sent_actors += !act[i]->weak && !(act[i]->rel && g->lang == LANG_NL);
		if (p.prov < 0 && !p.ncons) {
			/* remember who the sentence is about, for "het land", "it";
			 * a condition's subject is not ("Wenn Nordkorea Soldaten
			 * schickt, werden wir ...") */
			int cond_clause = k + 1 < ncl && lead_condition_end(g, c->m0, c->m1, c->t0);
			for (size_t i = 0; i < na && !cond_clause; i++)
				if (act[i]->code != g->default_recipient && act[i]->role != ROLE_RECIP &&
				    act[i]->sub != ACT_ADJ) {
					g->last_donor[0] = act[i]->code;
					g->nlast = 1;
					g->last_actor_sent = g->nsent;
					break;
				}
			continue;
		}
		if (p.receive && !p.ncons && (p.prov == REC_DELIVERED || p.prov == REC_COMMITTED) &&
		    receives_other(g, c, dates))
			continue;
		sent_pred = 1;
		int requested = p.prov == REC_REQUESTED;
		/* recipient */
		/* recipient: the document's recipient after a preposition, else
		 * the first state after one; a request is made by the recipient
		 * ("Oekraïne vraagt Duitsland", "vroeg aan het Westen") and a
		 * consent concerns the document's recipient, so in those the
		 * prepositional state is the party asked, not the recipient */
		int consent_only = p.ncons && p.prov < 0;
		const char *recipient = NULL;
		if (requested && p.asker)
			recipient = p.asker->code;
		if (p.ncons || requested)
			for (size_t i = 0; i < na && !recipient; i++)
				if (act[i]->role == ROLE_RECIP && act[i]->code == g->default_recipient)
					recipient = act[i]->code;
		if (!consent_only && !requested)
			for (size_t i = 0; i < na && !recipient; i++)
				if (act[i]->role == ROLE_RECIP && !act[i]->rel && !act[i]->weak) {
					recipient = act[i]->code;
					said_recip = recipient;
					said_recip_k = k;
				}
		/* "Iran hat Raketen an Russland geliefert, und Nordkorea stellt
		 * Granaten bereit": a conjunct of giving that names no
		 * recipient gives to the one the conjunct before it named */
		if (!recipient && !consent_only && !requested && !p.receive && k > 0 && said_recip_k == k - 1 &&
		    g->lang == LANG_DE && cue_at(g, c->m0, C_COORD) && (p.prov == REC_DELIVERED || p.prov == REC_COMMITTED))
			recipient = said_recip;
		/* "a refusé le transit d'armes par son territoire vers
		 * l'Ukraine", "le passage sur son territoire de véhicules
		 * destinés au Burkina Faso": a state that a passage or a
		 * transfer goes to is its recipient, whichever state the story
		 * is about (not the one asked, "demande à l'Allemagne") */
		if (p.ncons)
			for (size_t i = 0; i < na && !recipient; i++) {
				if (act[i]->role != ROLE_RECIP || act[i]->rel || act[i]->weak)
					continue;
				/* not where it was said ("avant le transfert, selon une
				 * source à Whitehall") */
				for (size_t q = c->m0; q < (size_t)(act[i] - g->m); q++)
					if (cue_at(g, q, C_TRANSFER_NOUN) || cue_at(g, q, C_PASSAGE) ||
					    cue_at(g, q, C_TERRITORY))
						recipient = act[i]->code;
					else if (cue_at(g, q, C_REPORT) || cue_at(g, q, C_CLAUSE) || cue_at(g, q, C_COORD))
						recipient = NULL;
			}
		if (!recipient && p.receive && !consent_only) {
			/* the subject receives */
			for (size_t i = 0; i < na && !recipient; i++)
				if (act[i]->role != ROLE_SOURCE && act[i]->code == g->default_recipient)
					recipient = act[i]->code;
			for (size_t i = 0; i < na && !recipient; i++)
				if (act[i]->role != ROLE_SOURCE && !act[i]->weak)
					recipient = act[i]->code;
		}
		if (!recipient && !consent_only && !requested && has_cue(g, C_AGAINST)) {
			const mention *u = weapon_user(g, c);
			if (u)
				recipient = u->code;
		}
		if (!recipient)
			for (size_t i = 0; i < na && !recipient; i++)
				if (act[i]->code == g->default_recipient)
					recipient = act[i]->code;
		/* "Iran hat Russland Hunderte Drohnen geliefert": a state after
		 * the subject and right before the item is its indirect object */
		for (size_t i = 1; i < na && !recipient && !consent_only && !requested; i++) {
			if (act[i]->sub == ACT_ADJ || act[i]->sub == ACT_PERSON || act[i]->weak ||
			    act[i]->role != ROLE_NONE || act[i] == c->antecedent || act[0]->code == act[i]->code)
				continue;
			/* "qui produit avec Londres ce missile": a state after
			 * "with" is a partner, never an indirect object */
			size_t ai = (size_t)(act[i] - g->m);
			if (ai > c->m0 && cue_at(g, ai - 1, C_CARRYING) && g->m[ai - 1].t1 + 1 >= act[i]->t0)
				continue;
			/* "Die Niederlande und Deutschland haben ... geliefert": a
			 * state joined by "und" to the subject is a subject too */
			size_t sj = ai;
			while (sj >= c->m0 + 2 && cue_at(g, sj - 1, C_COORD) && g->m[sj - 2].kind == M_ACTOR &&
			       &g->m[sj - 2] != act[0])
				sj -= 2;
			if (sj >= c->m0 + 2 && cue_at(g, sj - 1, C_COORD) && &g->m[sj - 2] == act[0])
				continue;
			if (object_before_counted(g, (size_t)(act[i] - g->m), c->m1, dates))
				recipient = act[i]->code;
		}
		/* "la formation de militaires arméniens en France", "training
		 * of Armenian officers in Britain": the trainees named right after
		 * the training word receive it, not the place it is given in */
		if (!consent_only && !requested) {
			const char *tr = trainee_state(g, c);
			if (tr)
				recipient = tr;
		}
		/* "Het pakket bevat ...", "The package includes ...": an
		 * elaboration that names no recipient spells out what went to
		 * the recipient of the records just made */
		if (!recipient && g->last_recipient && g->last_emit_sent + 2 >= g->nsent &&
		    clause_has(g, c, C_ELABORATION) && !state_before_elaboration(g, c))
			recipient = g->last_recipient;
		/* "bestelt luchtverdediging voor de eigen krijgsmacht", "buys
		 * them for its own forces": a state that equips itself gives
		 * nothing to the document's recipient */
		if (!recipient && clause_has(g, c, C_OWN_FORCES))
			continue;
		/* "... participent à l'exercice Dacian Spring.  Blindés et
		 * canons ont été acheminés depuis la France": right after an
		 * exercise, materiel moved to nobody named is the exercise's */
		if (!recipient && g->exercise_before && !consent_only && !requested) {
			int named = 0;
			for (size_t i = 0; i < g->nm; i++)
				if (g->m[i].kind == M_ACTOR && g->m[i].code == g->default_recipient)
					named = 1;
			if (!named)
				continue;
		}
		/* "an Dritte weitergeben dürfen", "re-export to third
		 * countries": a clause that passes the materiel to states it
		 * does not name has no recipient, not the document's */
		if (!recipient && clause_has(g, c, C_THIRD_RECIPIENT))
			continue;
		if (!recipient)
			recipient = g->default_recipient;
		if (!recipient)
			continue;
		/* "sends instructors to Britain to train Ukrainian recruits":
		 * training goes to the trainees' state, wherever it is given */
		if (recipient != g->default_recipient && g->default_recipient && has_cue(g, C_TRAIN)) {
			int train = 0, trainees = 0;
			for (size_t i = c->m0; i < c->m1; i++) {
				const mention *m = &g->m[i];
				if (cue_at(g, i, C_TRAIN))
					train = 1;
				if (m->kind == M_ACTOR && m->sub == ACT_ADJ && m->code == g->default_recipient)
					trainees = 1;
			}
			if (train && trainees)
				recipient = g->default_recipient;
		}
		/* donors: the source of a passive or receive first ("door X",
		 * "van X"), the party asked in a request, else the first other
		 * actor; then the actors coordinated to it */
		const char *donors[8];
		size_t ndon = 0;
		const mention *lead = NULL;
		/* "van de Amerikanen" is no agent in an active clause */
		for (size_t i = 0; i < na && !lead && (p.receive || p.passive); i++)
			if (act[i]->role == ROLE_SOURCE && act[i]->code != recipient && !act[i]->weak)
				lead = act[i];
		/* "Patriot systems from Germany and the United States have
		 * arrived": with nobody before it, the source of the item
		 * that is the subject gives it */
		size_t pred_t0 = SIZE_MAX;
		for (size_t i = c->m0; i < c->m1 && pred_t0 == SIZE_MAX; i++)
			if (g->m[i].kind == M_CUE && g->m[i].sub <= C_RECEIVE && g->m[i].sub != C_TRANSFER_NOUN &&
			    !g->m[i].rel)
				pred_t0 = g->m[i].t0;
		int subject = 0; /* someone named before the verb acts */
		for (size_t i = 0; i < na; i++)
			if (act[i]->role == ROLE_NONE && !act[i]->weak && act[i]->code != recipient &&
			    act[i]->t0 < pred_t0)
				subject = 1;
		/* "que des instructeurs iraniens ont été envoyés en Crimée":
		 * in an agentless passive, the state of the people sent or
		 * deployed, right after them, sends them */
		for (size_t i = c->m0 + 1; i < c->m1 && !lead && !requested && !consent_only && p.passive &&
		                           !p.receive; i++) {
			const mention *it = &g->m[i - 1], *a = &g->m[i];
			if (it->kind == M_ITEM && is_person_category(it->category) && a->kind == M_ACTOR &&
			    a->sub == ACT_ADJ && a->t0 == it->t1 && a->code != recipient && a->t1 <= pred_t0)
				lead = a;
		}
		/* "des batteries Patriot, fournies par la Norvège, la Suède et
		 * le Danemark": with nobody acting before it, the agent right
		 * after a participle that gives is the donor, as in a passive */
		for (size_t i = c->m0 + 1; i + 1 < c->m1 && !lead && !requested && !subject && !p.receive; i++) {
			const mention *pt = &g->m[i - 1], *by = &g->m[i], *a = &g->m[i + 1];
			if (pt->kind == M_CUE && !pt->rel && (pt->sub == C_DELIVERED || pt->sub == C_COMMITTED) &&
			    cue_at(g, i, C_SOURCE) && by->t0 == pt->t1 && a->kind == M_ACTOR &&
			    a->role == ROLE_SOURCE && a->code != recipient && !a->weak && a->t0 <= by->t1 + 1)
				lead = a;
		}
		for (size_t i = 0; i < na && !lead && !requested && !consent_only && !subject; i++) {
			if (act[i]->code == recipient && act[i]->role != ROLE_SOURCE)
				continue;
			if (act[i]->role != ROLE_SOURCE || act[i]->code == recipient || act[i]->weak ||
			    act[i] == c->antecedent || act[i]->t0 > pred_t0 ||
			    !list_on_noun(g, (size_t)(act[i] - g->m), c->m0))
				break;
			lead = act[i];
		}
		/* "verkündet sie, dass Deutschland 5000 Helme liefere": the
		 * subject of a complement clause that holds the transfer gives,
		 * and what is given is named in it */
		size_t comp_at = SIZE_MAX;
		for (size_t i = c->m0; i + 1 < c->m1 && !lead && !p.receive && !p.passive &&
		                       has_cue(g, C_COMP); i++) {
			if (!cue_at(g, i, C_COMP) || g->m[i].rel)
				continue;
			size_t j = i + 1;
			if (cue_at(g, j, C_ARTICLE) && j + 1 < c->m1)
				j++;
			const mention *s = &g->m[j];
			if (s->kind != M_ACTOR || s->t0 - g->m[i].t1 > 1 || s->code == recipient ||
			    s->origin_only || s->weak || s->role != ROLE_NONE)
				continue;
			int pred_after = 0;
			for (size_t q = j + 1; q < c->m1; q++)
				if (g->m[q].kind == M_CUE && g->m[q].sub <= C_RECEIVE && !g->m[q].rel)
					pred_after = 1;
			if (pred_after)
				for (size_t a = 0; a < na && !lead; a++)
					if (act[a] == s) {
						lead = s;
						comp_at = i;
					}
		}
		/* "verzorgd door Nederlandse en Duitse trainers": the agent is
		 * named by the origin of the people who act */
		for (size_t i = 0; i < no && !lead && (p.receive || p.passive); i++)
			if (origin[i]->role == ROLE_SOURCE && origin[i]->code != recipient)
				lead = origin[i];
		/* the party asked: "vroeg aan het Westen", "fordert Waffen aus
		 * Deutschland" */
		if (requested)
			for (size_t i = 0; i < na && !lead; i++)
				if ((act[i]->role == ROLE_RECIP || act[i]->role == ROLE_SOURCE) &&
				    act[i]->code != recipient && !act[i]->weak)
					lead = act[i];
		/* "Interrogée sur les F-16, elle a exclu toute livraison,
		 * expliquant que ... par les missions de l'OTAN": a pronoun that
		 * is the subject of an active verb refers back; a state named
		 * after the verb is not what it means (but the party asked in a
		 * request: "riep hij de Verenigde Staten op"), unless it is the speaker
		 * a speech tag names ("\"We will deliver ...,\" Norwegian
		 * Defence Minister Gram told reporters") */
		int pron_subject = 0;
		for (size_t i = c->m0; i < c->m1 && !subject && !p.passive && !p.receive && !requested &&
		                       !p.ncons; i++)
			/* before the verb, or right after it ("schloss sie eine
			 * Lieferung aus", "sloot zij") */
			if (cue_at(g, i, C_PRONOUN) && (g->m[i].t0 < pred_t0 ||
			                                (i > c->m0 && g->m[i - 1].t0 == pred_t0 &&
			                                 g->m[i].t0 == g->m[i - 1].t1)))
				pron_subject = 1;
		/* "Le gouvernement a confirmé que les recettes des avoirs
		 * russes ...": a subject that refers back outranks a state's
		 * adjective that only hints at an actor, one not its own ("le
		 * gouvernement grec") */
		size_t anaphor_t1 = 0;
		for (size_t i = c->m0; i < c->m1 && !anaphor_t1; i++)
			if (cue_at(g, i, C_ANAPHOR) && g->m[i].t1 <= pred_t0)
				anaphor_t1 = g->m[i].t1;
		for (int weak = 0; weak < 2; weak++)
			for (size_t i = 0; i < na && !lead; i++)
				if (!(weak && anaphor_t1 && act[i]->sub == ACT_ADJ && act[i]->t0 > anaphor_t1))
				/* the antecedent of a relative is its subject, whatever
				 * its role in the clause before ("arms shipments by the
				 * US, who have been sending") */
				if (act[i]->code != recipient && act[i]->weak == weak && !is_partner(g, c, act[i]) &&
				    !trailing_tag_speaker(g, c, act[i], pred_t0) && !place_after_in(g, act[i], pred_t0) &&
				    !(pron_subject && act[i]->t0 > pred_t0 && act[i] != c->antecedent &&
				      !speaker_of_tag(g, c, act[i], pred_t0)) &&
				    (act[i]->role != ROLE_RECIP || requested || act[i] == c->antecedent) &&
				    (act[i]->role != ROLE_SOURCE || weak || act[i] == c->antecedent))
					lead = act[i];
		if (lead) {
			donors[ndon++] = lead->code;
			if (lead == c->antecedent)
				ndon = coordinated_before(g, lead, donors, ndon, 8, recipient);
			ndon = coordinated(g, c, lead, donors, ndon, 8, recipient);
		} else if (!requested && p.receive && k + 1 < ncl &&
		           relative_agent(g, &cl[k + 1], recipient)) {
			/* "hat NASAMS-Systeme erhalten, die von den USA
			 * bereitgestellt wurden": the passive relative on what
			 * it received names the giver */
			donors[ndon++] = relative_agent(g, &cl[k + 1], recipient)->code;
		} else if ((!requested && !recipient_acts(g, c, recipient, &p) &&
		            /* the story does not go on to the other side of a
		             * war: Denmark's pledge to Ukraine is no delivery "à la
		             * Russie" */
		            !gram_hostile(g->hostile, g->last_recipient, recipient) &&
		            (refers_back(g, c) || (k > 0 && nsent_donor) || p.receive ||
		             (clause_has(g, c, C_PAIR) && g->ngroup >= 2) ||
		                           g->last_actor_sent + 1 == g->nsent ||
		                           /* "the new package will include", an
		                            * agentless passive: a clause that names
		                            * nobody but the recipient goes on with
		                            * the story of the state it is about */
		                           (names_only(act, na, recipient) &&
		                            names_only(origin, no, NULL) &&
		                            (g->last_actor_sent + 3 >= g->nsent || speaker)))) ||
		           (requested && refers_back(g, c) && !possessive_only(g, c))) {
			/* no actor: the clause goes on with the last donor's story,
			 * or speaks for who is quoted */
			const char *own = NULL;
			if (speaker && speaker != recipient && !(k > 0 && nsent_donor)) {
				donors[ndon++] = speaker;
			} else if (!speaker && !requested && !(k > 0 && nsent_donor) &&
			           (own = own_side_speaking(g, c, pred_t0, recipient))) {
				donors[ndon++] = own;
			} else if (k > 0 && nsent_donor) {
				for (size_t d = 0; d < nsent_donor; d++)
					donors[ndon++] = sent_donor[d];
			} else if (clause_has(g, c, C_PAIR) && g->ngroup >= 2) {
				/* "Beide landen gaan piloten opleiden": the states last
				 * named together, whoever spoke since */
				for (size_t d = 0; d < g->ngroup; d++)
					if (g->last_group[d] != recipient)
						donors[ndon++] = g->last_group[d];
			} else {
				/* "het kabinet", "de regering" is one government: the
				 * lead of a joint story, not its partners */
				int one = clause_has(g, c, C_ANAPHOR);
				/* "DEN HAAG - Nederland stuurt ... Ook Duitsland
				 * levert. Het kabinet wil ...": the government the
				 * story was filed with, once it has given in the
				 * story, is still the one a bare anaphor means, past
				 * another state's word in passing */
				int home = one && g->dateline && g->dateline != recipient && g->nlast &&
				           g->last_donor[0] != g->dateline;
				if (home) {
					home = 0;
					for (size_t r = first; r < out->n && !home; r++)
						home = out->v[r].donor == g->dateline;
				}
				if (home)
					donors[ndon++] = g->dateline;
				for (size_t d = 0; d < g->nlast && !(one && d > 0) && !home; d++)
					donors[ndon++] = g->last_donor[d];
				/* "DEN HAAG - Het kabinet heeft 2,5 miljard
				 * gereserveerd": with no state named before, the
				 * government is the one where the story was filed */
				if (!g->nlast && (one || clause_has(g, c, C_ACTOR_HEAD)) && g->dateline &&
				    g->dateline != recipient)
					donors[ndon++] = g->dateline;
			}
		}
		/* "The first Dutch F-16s have arrived", "Tsjechische T-72-tanks
		 * zijn onderweg": with no donor named or to go on with, the one
		 * state the items come from gives them ("German-made" names
		 * the maker only) */
		if (!ndon && (p.prov == REC_DELIVERED || p.prov == REC_COMMITTED) && !p.ncons) {
			const char *from = NULL;
			int many = 0;
			for (size_t i = 0; i < no; i++) {
				const mention *a = origin[i];
				size_t ai = (size_t)(a - g->m);
				if (a->sub != ACT_ADJ || a->code == recipient ||
				    (ai + 1 < c->m1 && cue_at(g, ai + 1, C_MAKER)))
					continue;
				if (from && from != a->code)
					many = 1;
				from = a->code;
			}
			if (from && !many)
				donors[ndon++] = from;
		}
		/* "de tweede grootste leverancier na de Verenigde Staten", "the
		 * second largest supplier after the US": who ranks before the
		 * donor gives too */
		/* what the clause gives: its items, their numbers */
		size_t nn;
		const num_span *nums = nums_of(g, dates, &nn);
		/* donors[nown, nranked): the states ranked before the donor */
		size_t nown = ndon, nranked = ndon;
		if (p.prov == REC_DELIVERED && ndon && donors[0]) {
			int ordinal = 0;
			for (size_t k2 = 0; k2 < nn; k2++)
				if ((nums[k2].flags & NUM_ORDINAL) && nums[k2].value >= 2 &&
				    nums[k2].start >= tl->v[c->t0].start && nums[k2].end <= tl->v[c->t1 - 1].end)
					ordinal = 1;
			for (size_t i = c->m0; ordinal && i + 1 < c->m1 && ndon < 8; i++) {
				if (!cue_at(g, i, C_RANKED_AFTER) && !clause_word_before_np(g, i, t1))
					continue;
				size_t j = i + 1;
				if (cue_at(g, j, C_ARTICLE) && j + 1 < c->m1)
					j++;
				const mention *a = &g->m[j];
				if (a->kind == M_ACTOR && a->t0 - g->m[i].t1 <= 1 && a->code != recipient &&
				    !in_list(donors, ndon, a->code))
					donors[ndon++] = a->code;
			}
		}
		nranked = ndon;
		/* "samen met Polen en Tsjechië": each partner of a joint
		 * pledge is a donor too */
		for (size_t i = c->m0; i + 1 < c->m1 && ndon < 8 && (ndon == 0 || donors[0]) &&
		                       has_cue(g, C_JOINTLY); i++) {
			if (!cue_at(g, i, C_JOINTLY))
				continue;
			const mention *n = &g->m[i + 1];
			if (n->kind == M_ACTOR && n->t0 - g->m[i].t1 <= 2 && n->code != recipient) {
				if (!in_list(donors, ndon, n->code))
					donors[ndon++] = n->code;
				ndon = coordinated(g, c, n, donors, ndon, 8, recipient);
			}
		}
		item_ref items[16];
		clause inner = *c;
		if (comp_at != SIZE_MAX) {
			inner.m0 = comp_at + 1;
			inner.t0 = g->m[comp_at].t1;
		}
		size_t ni = clause_items(g, &inner, nums, nn, items, 16);
		/* "Sweden pledges ten Archer howitzers, Norway eight": a gapped
		 * clause that names only a number counts the one item of the
		 * clause before */
		if (!ni && c->gapped && nprev_items == 1) {
			for (size_t q = 0; q < nn; q++)
				if (!(nums[q].flags & (NUM_MONEY | NUM_ORDINAL | NUM_YEAR | NUM_PERCENT)) &&
				    nums[q].value >= 1 && nums[q].start >= tl->v[c->t0].start &&
				    nums[q].end <= tl->v[c->t1 - 1].end) {
					items[0] = prev_item;
					items[0].qty = nums[q].value;
					items[0].unit = NULL;
					ni = 1;
					break;
				}
		}
		/* "delivered 14 tanks and is considering sending more",
		 * "erwägt weitere Lieferungen", "overweegt er meer te sturen":
		 * a clause whose object is only "more" gives more of the one
		 * item of the clause before, with no number of its own */
		if (!ni && !c->gapped && nprev_items == 1 && more_of_before(g, c)) {
			items[0] = prev_item;
			items[0].qty = -1;
			items[0].unit = NULL;
			items[0].value = -1;
			items[0].currency = NULL;
			ni = 1;
		}
		/* a relative that tells of the giving of its antecedent, the
		 * items right before its pronoun: a passive one with its agent
		 * ("vor zwei Hubschraubern, die von Schweden geliefert wurden",
		 * "helicopters, which were supplied by Sweden"), or an active
		 * one whose subject gives or refuses ("asked for HIMARS, which
		 * Washington has declined to provide") */
		if (!ni && k > 0 && c->m0 > cl[k - 1].m0 &&
		    ((g->m[c->m0 - 1].kind == M_ITEM && relative_agent(g, c, recipient)) ||
		     relative_subject(g, c, recipient) || passive_relative(g, c))) {
			size_t j = c->m0 - 1;
			while (j > cl[k - 1].m0 && g->m[j - 1].kind == M_ITEM && g->m[j - 1].t1 + 1 >= g->m[j].t0)
				j--;
			clause ante = cl[k - 1];
			ante.m0 = j;
			ante.m1 = c->m0;
			ante.t0 = j > cl[k - 1].m0 ? g->m[j - 1].t1 : cl[k - 1].t0;
			ante.t1 = g->m[c->m0].t0;
			ni = clause_items(g, &ante, nums, nn, items, 16);
		}
		nprev_items = ni;
		if (ni)
			prev_item = items[0];
		/* the ranking tells that the state ranked first gives aid, not
		 * that it gave what the donor is said to have given ("the
		 * second-largest donor after the US, having delivered Leopard
		 * tanks") */
		for (size_t j = 0; j < ni && nranked > nown; j++)
			if (!items[j].category || !generic_category(items[j].category)) {
				memmove(donors + nown, donors + nranked, (ndon - nranked) * sizeof *donors);
				ndon -= nranked - nown;
				nranked = nown;
			}
		/* "Berlin a rejeté la demande de Kiev, qui réclamait des
		 * missiles Taurus": what a request asks for may be told by the
		 * relative clause on its asker */
		if (!ni && requested && k + 1 < ncl && cl[k + 1].antecedent &&
		    cl[k + 1].antecedent >= &g->m[c->m0] && cl[k + 1].antecedent < &g->m[c->m1]) {
			ni = clause_items(g, &cl[k + 1], nums, nn, items, 16);
			if (ni)
				told = k + 1;
		}
		/* "will buy a NASAMS system from the United States and donate
		 * it to Ukraine", "va acheter ... et en faire don à l'Ukraine":
		 * a conjunct of giving with no materiel of its own gives what
		 * the purchase before it bought */
		if (!ni && k > 0 && (p.prov == REC_COMMITTED || p.prov == REC_DELIVERED) &&
		    cue_at(g, c->m0, C_COORD) && clause_has(g, &cl[k - 1], C_PURCHASE))
			ni = clause_items(g, &cl[k - 1], nums, nn, items, 16);
		if (!ni && (p.prov == REC_COMMITTED || p.prov == REC_DELIVERED) && !p.ncons && ndon &&
		    counted_by_pronoun(g, c, nums, nn, out, first, &items[0]))
			ni = 1;
		/* the donor's last record that named materiel, which emit
		 * takes when given no item */
		const record *last = ndon && donors[0] && !ni ?
		                     last_item_of(out, first, out->n, donors[0]) : NULL;
		int last_request = last && last->type == REC_REQUESTED && last->recipient == recipient;
		/* "..., maar Jeruzalem wees dat verzoek af": a refused request
		 * that names no materiel is the one just asked of that state */
		int from_last = requested && p.prov2 == REC_REFUSED && last_request;
		/* "Kanada hatte zwölf Haubitzen zugesagt; die ersten sind
		 * inzwischen geliefert worden", "Ze zijn vorige week
		 * geleverd": a passive of giving whose subject stands for
		 * things named before gives the materiel of the donor's last
		 * record to the same recipient ("Die zijn nog niet geleverd"
		 * tells of no refusal: only what was or will be given) */
		if (last && (p.prov == REC_DELIVERED || p.prov == REC_COMMITTED) && p.passive &&
		    item_pronoun_opens(g, c, t0, nums, nn))
			from_last = last->recipient == recipient && !rec_is_consent(last->type);
		/* "Kyiv bat Berlin um Kampfjets, doch Berlin lehnt das ab":
		 * a refusal of a bare pronoun is of the request just made of
		 * that donor */
		if (last_request && p.prov == REC_REFUSED && bare_object(g, c))
			from_last = 1;
		/* "Germany will not deliver Taurus. We have asked for it since
		 * May 2023": a pronoun right after a request verb, in a
		 * sentence that names no materiel, is the materiel of the
		 * donor's last record, asked of that donor */
		if (!from_last && requested && last && last->recipient == recipient && p.prov2 < 0 &&
		    !sent_items)
			for (size_t i = c->m0; i + 1 < c->m1; i++)
				if (cue_at(g, i, C_REQUESTED) && !g->m[i].rel && cue_at(g, i + 1, C_PRONOUN) &&
				    g->m[i + 1].t0 == g->m[i].t1) {
					from_last = 1;
					break;
				}
		/* "Kyiv asked Madrid for Patriots. Madrid has not ruled it out",
		 * "Daarover is nog geen besluit genomen", "Paris n'a pas encore
		 * tranché": weighing, offering or refusing with no materiel of
		 * its own is of what the sentence before told (its donor's
		 * record, or the request made of the state that weighs it;
		 * with no donor named, the state the request asked) */
		if (!ni && !from_last && !requested && !p.ncons && p.prov2 < 0 &&
		    (p.prov == REC_CONSIDERING || p.prov == REC_OFFERED || p.prov == REC_REFUSED) &&
		    /* not a giving denied ("Die zijn nog niet geleverd" tells
		     * of no refusal) */
		    (p.prov == REC_CONSIDERING || clause_has(g, c, C_CONSIDERING) ||
		     clause_has(g, c, C_OFFERED) || clause_has(g, c, C_REFUSED)) && weighs_told(g, c)) {
			/* every item the sentence before told of it ("des chars
			 * Leclerc et des avions Rafale"), newest first */
			const char *who = ndon ? donors[0] : NULL;
			int joins = who && clause_has(g, c, C_TAKE_PART);
			/* "Over de munitie zegt Defensie dat die in overweging
			 * is": an item the sentence names before the clause is
			 * its topic, and only what was told of that is weighed */
			const char *topic[4];
			size_t ntopic = 0;
			for (size_t i = cl[0].m0; i < c->m0 && ntopic < 4; i++)
				if (g->m[i].kind == M_ITEM && g->m[i].category)
					topic[ntopic++] = g->m[i].category;
			size_t n0 = out->n;
			for (size_t r = n0; r-- > first && (!ndon || who);) {
				if (out->v[r].span[0] != out->v[n0 - 1].span[0])
					break;
				if (!weighed_record(g, out, first, r, n0, who, joins))
					continue;
				int on_topic = !ntopic;
				for (size_t j = 0; j < ntopic && !on_topic; j++)
					on_topic = out->v[r].category && !strcmp(out->v[r].category, topic[j]);
				if (!on_topic)
					continue;
				if (g->trace)
					fprintf(g->trace, "  weighs what was told: %s %s\n", out->v[r].donor,
					        out->v[r].category);
				g->reply_to = r + 1;
				emit(g, out, first, p.prov, joins ? who : out->v[r].donor, out->v[r].recipient, NULL,
				     NULL, t0, t1, c->t0, c->t1, dates);
				g->reply_to = 0;
			}
		}
		/* "Une livraison de chars français. C'est ce qu'a annoncé le
		 * gouvernement": a clause that refers back to a verbless
		 * sentence just before gives that sentence's items its verb */
		size_t ev0 = t0;
		if (!ni && p.prov >= 0 && g->nnom && g->nom_sent + 1 == g->nsent) {
			size_t nn2;
			const num_span *nums2 = nums_of(g, dates, &nn2);
			if (clause_has(g, c, C_BACKREF) ||
			    (p.passive && (p.prov == REC_DELIVERED || p.prov == REC_COMMITTED) &&
			     item_pronoun_opens(g, c, t0, nums2, nn2))) {
				for (size_t j = 0; j < g->nnom; j++)
					items[ni++] = g->nom_items[j];
				/* what was just bought to be given on is promised,
				 * unless told as given already */
				if (g->nom_bought && p.prov == REC_DELIVERED && !clause_has(g, c, C_ALREADY))
					p.prov = REC_COMMITTED;
				if (!lead && g->nom_donor) {
					ndon = 0;
					donors[ndon++] = g->nom_donor;
				}
				if (g->nom_recipient && recipient == g->default_recipient)
					recipient = g->nom_recipient;
				ev0 = g->nom_t0;
			}
		}
		roles_note(g, recipient, donors, ndon, items, ni);
		if (g->trace) {
			fprintf(g->trace, "  roles: recipient %s, donors", recipient);
			for (size_t d = 0; d < ndon; d++)
				fprintf(g->trace, " %s", donors[d] ? donors[d] : "null");
			fprintf(g->trace, ", %zu items\n", ni);
		}
		/* "Ook dat verzoek werd afgewezen", "Die Anfrage werde derzeit
		 * geprüft", "That request was approved by the Pentagon": a
		 * request noun that opens its clause, with no asker and no
		 * materiel of its own, is the request the document told last;
		 * the answer is about it (a consent request refused or granted,
		 * a request for support refused, approved or weighed) */
		if (requested && p.reply >= 0 && !ni && !p.ncons &&
		    (reply_anaphor(g, c) || object_reply_anaphor(g, c, act, na, recipient) ||
		     request_told_before(g, c, k, out, first))) {
			size_t req = 0;
			for (size_t r = out->n; r-- > first && !req;)
				if (out->v[r].type == REC_REQUESTED || out->v[r].type == REC_CONSENT_REQUESTED)
					req = r + 1;
			/* a state that answers it is the one it was made to
			 * ("Sollicité par Kiev, Israël a refusé" answers no
			 * request told before) */
			const char *by = ndon && donors[0] ? donors[0] : NULL;
			while (req > first && by && by != out->v[req - 1].donor && by != out->v[req - 1].consent_by) {
				/* or one more of the same sentence, made of the other
				 * states asked with it */
				size_t r = req - 1;
				if (r == first || out->v[r - 1].span[0] != out->v[r].span[0] ||
				    out->v[r - 1].type != out->v[r].type)
					req = 0;
				else
					req = r;
			}
			if (req)
				answer_request(g, out, first, req, p.reply, by, t0, t1, c, dates);
			continue;
		}
		/* "Britain had asked France for approval to send missiles,
		 * and that Paris had agreed": a clause of its own in the
		 * sentence of a consent request, with no materiel and no verb
		 * of giving, whose only state is the one asked, answers it */
		if (k > 0 && !ni && !p.ncons && p.prov2 < 0 && na && !clause_has(g, c, C_TRANSFER) &&
		    !clause_has(g, c, C_DELIVERED) && !clause_has(g, c, C_TRANSFER_NOUN) &&
		    (p.prov == REC_REFUSED || p.prov == REC_COMMITTED) && out->n > first &&
		    out->v[out->n - 1].span[0] == g->tl->v[t0].cp &&
		    out->v[out->n - 1].type == REC_CONSENT_REQUESTED && out->v[out->n - 1].consent_by) {
			int same = 1;
			for (size_t i = 0; i < na; i++)
				if (act[i]->code != out->v[out->n - 1].consent_by)
					same = 0;
			if (same) {
				answer_request(g, out, first, out->n, p.prov == REC_REFUSED ? REC_REFUSED : REC_COMMITTED,
				               NULL, t0, t1, c, dates);
				continue;
			}
		}
		/* "Berlin received a request from Warsaw to re-export tanks,
		 * which it turned down", "..., dat het afwees": a relative
		 * clause that only answers is about the request the sentence
		 * just told, and its answerer is the one asked */
		if (k > 0 && !ni && !p.ncons && p.prov2 < 0 && cue_at(g, c->m0, C_RELATIVE) &&
		    (p.prov == REC_REFUSED || (p.prov == REC_COMMITTED && approving_at(g, c) < c->m1)) &&
		    out->n > first && out->v[out->n - 1].span[0] == g->tl->v[t0].cp &&
		    (out->v[out->n - 1].type == REC_CONSENT_REQUESTED || out->v[out->n - 1].type == REC_REQUESTED)) {
			const record *o = &out->v[out->n - 1];
			const char *asked = o->type == REC_CONSENT_REQUESTED ? o->consent_by : o->donor;
			int same = 1;
			for (size_t i = 0; i < na; i++)
				if (act[i]->code != recipient && act[i]->code != asked)
					same = 0;
			if (same) {
				answer_request(g, out, first, out->n, p.prov == REC_REFUSED ? REC_REFUSED : REC_COMMITTED, NULL,
				               t0, t1, c, dates);
				continue;
			}
		}
		/* "l'Autriche a rejeté les demandes belge et néerlandaise de céder
		 * des blindés au Kosovo": a request by states other than the
		 * recipient, to a third state, is a request for consent to pass
		 * materiel on */
		if (requested && na >= 2) {
			/* the asker stands before the request or is its owner
			 * right after it ("requests by Kyiv"); "..., as tensions
			 * mount near Ukraine" is no asker */
			size_t rq_t = SIZE_MAX;
			for (size_t i = c->m0; i < c->m1 && rq_t == SIZE_MAX; i++)
				if (cue_at(g, i, C_REQUESTED))
					rq_t = g->m[i].t1;
			int rec_asks = 0;
			for (size_t i = 0; i < na; i++)
				if (act[i]->code == recipient && act[i]->role != ROLE_RECIP &&
				    (act[i]->t0 < rq_t || act[i]->role == ROLE_SOURCE || act[i]->t0 <= rq_t + 1))
					rec_asks = 1;
			size_t others = 0;
			for (size_t i = 0; i < na; i++)
				if (act[i]->code != recipient)
					others++;
			/* "Berlin approved Poland's request to send Leopard tanks to
			 * Ukraine": approved, the request is granted, when the
			 * transfer it asks for goes to the recipient */
			int to_recipient = 0;
			for (size_t i = 0; i < na; i++)
				if (act[i]->code == recipient && act[i]->role == ROLE_RECIP)
					to_recipient = 1;
			int granted = p.approve && to_recipient && p.prov2 < 0;
			/* "Denmark's request to hand Ukraine Swiss-made carriers was
			 * turned down": with the one who decides not named, it is
			 * the state the materiel comes from, else the one the
			 * consent just told was asked of */
			const char *implied_by = NULL;
			if (others == 1 && !rec_asks && (p.prov2 == REC_REFUSED || granted)) {
				const char *only = NULL;
				for (size_t i = 0; i < na; i++)
					if (act[i]->code != recipient)
						only = act[i]->code;
				for (size_t i = 0; i < no && !implied_by; i++)
					if (origin[i]->code != recipient && origin[i]->code != only)
						implied_by = origin[i]->code;
				const char *asked_last = recent_consent_by(g, 2);
				if (!implied_by && asked_last && asked_last != only)
					implied_by = asked_last;
				/* or the state the text is about ("Oostenrijk houdt
				 * voet bij stuk. Het kabinet wees een verzoek van
				 * Italië af") */
				if (!implied_by)
					implied_by = recent_subject(g, only, recipient);
				if (implied_by && !request_owner(g, c, recipient) &&
				    !genitive_request_owner(g, c, recipient))
					implied_by = NULL;
			}
			if (!rec_asks && (others >= 2 || implied_by) && (p.prov2 == REC_REFUSED || granted)) {
				p.ncons = 0;
				p.cons[p.ncons++] = REC_CONSENT_REQUESTED;
				p.cons[p.ncons++] = granted ? REC_CONSENT_GRANTED : REC_CONSENT_DENIED;
				p.prov = p.prov2 = -1;
				ndon = 0;
				/* the subject decides, or in a passive the agent
				 * ("Denmark's request ... was rejected by
				 * Switzerland") */
				const mention *agent = p.passive ? passive_agent(g, c, act, na, recipient) : NULL;
				const mention *owner = request_owner(g, c, recipient);
				/* "Dat bleek toen de regering een verzoek uit
				 * Madrid afwees": the state right after the request
				 * noun is its owner, not an agent */
				if (agent && agent == owner)
					agent = NULL;
				const char *by = agent ? agent->code : NULL;
				if (!owner && implied_by)
					owner = genitive_request_owner(g, c, recipient);
				if (owner && owner != agent) {
					/* "Gesuche aus Dänemark und Spanien"; not the
					 * maker after it ("Dänemarks ab, in der Schweiz") */
					size_t oi = (size_t)(owner - g->m);
					donors[ndon++] = owner->code;
					if (oi + 1 < c->m1 && (cue_at(g, oi + 1, C_COORD) || cue_at(g, oi + 1, C_OR)))
						ndon = coordinated(g, c, owner, donors, ndon, 8, recipient);
					/* "des demandes de l'Allemagne, pour des munitions,
					 * et du Danemark": the preposition said again after a
					 * coordinator names one more asker */
					for (size_t i = oi + 1; i + 2 < c->m1 && ndon < 8; i++) {
						if (!cue_at(g, i, C_COORD) || !cue_at(g, i + 1, C_SOURCE) ||
						    g->m[i + 1].t0 > g->m[i].t1)
							continue;
						size_t j = i + 2;
						while (j < c->m1 && cue_at(g, j, C_ARTICLE))
							j++;
						const mention *a = j < c->m1 ? &g->m[j] : NULL;
						if (a && a->kind == M_ACTOR && a->code != recipient && !a->origin_only &&
						    a->t0 <= g->m[i + 1].t1 + 1 && !in_list(donors, ndon, a->code))
							donors[ndon++] = a->code;
					}
				}
				for (size_t i = 0; i < na; i++) {
					if (act[i]->code == recipient || (owner && in_list(donors, ndon, act[i]->code)))
						continue;
					if (!by)
						by = act[i]->code;
					else if (act[i]->code != by && !in_list(donors, ndon, act[i]->code) && ndon < 8)
						donors[ndon++] = act[i]->code;
				}
				/* "Le gouvernement avait rejeté des demandes de
				 * l'Allemagne et du Danemark": with every state named an
				 * asker, the subject's anaphor decides: the state that
				 * last decided on a consent, else the story's */
				int anaphor = owner && anaphor_before(g, c, (size_t)(owner - g->m));
				for (size_t r = out->n; r-- > first && !by && anaphor;) {
					const record *o = &out->v[r];
					if ((o->type == REC_CONSENT_GRANTED || o->type == REC_CONSENT_DENIED) &&
					    o->consent_by && o->consent_by != recipient &&
					    !in_list(donors, ndon, o->consent_by))
						by = o->consent_by;
				}
				for (size_t d = 0; d < g->nlast && !by && anaphor; d++)
					if (g->last_donor[d] != recipient && !in_list(donors, ndon, g->last_donor[d]))
						by = g->last_donor[d];
				if (!by)
					by = implied_by;
				item_ref items2[16];
				size_t ni2 = clause_items(g, c, nums, nn, items2, 16);
				for (size_t ti = 0; ti < p.ncons; ti++)
					for (size_t d = 0; d < ndon; d++)
						emit(g, out, first, p.cons[ti], donors[d], recipient, by,
						     ni2 ? &items2[0] : NULL, t0, t1, c->t0, c->t1, dates);
				if (by) {
					g->last_cby = by;
					g->last_cby_sent = g->nsent;
				}
				continue;
			}
		}
		/* "requests by Estonia to transfer U.S.-made weapons to Ukraine",
		 * "Berlin asked Bern to approve the re-export of rounds to
		 * Ukraine", "Polen forderte Deutschland auf, der Ukraine Panzer
		 * zu liefern": a request made by a state other than the
		 * recipient, for a transfer to the recipient, asks for no
		 * support of its own (a consent, or a call on a third party) */
		if (requested && !p.ncons && let_use(g, c))
			continue;
		if (requested && foreign_request(g, c, recipient)) {
			p.prov = p.prov2 = -1;
			if (!p.ncons)
				continue;
		}
		int some = 0, resp = 0;
		int some_resp = has_cue(g, C_SOME_DONOR) || has_cue(g, C_RESPECTIVELY);
		for (size_t i = c->m0; i < c->m1 && some_resp; i++) {
			if (cue_at(g, i, C_SOME_DONOR))
				some = 1;
			if (cue_at(g, i, C_RESPECTIVELY))
				resp = 1;
		}
		if (p.prov >= 0) {
			const char *const *dv = donors;
			const char *none[1] = { NULL };
			size_t dn = ndon;
			/* a donor the text does not give is null, but only where the
			 * text says so ("verschillende landen"); otherwise an unknown
			 * donor is a sentence we did not understand */
			/* a request that names no addressee is made of the states
			 * supporting the recipient, the West (as the contract
			 * codes "het Westen" and "Western allies") */
			const char *west[1] = { g->west };
			/* only the recipient's own request goes to the West:
			 * "verlangt die Rückzahlung" by nobody named asks nobody */
			int rec_asks = 0;
			for (size_t i = 0; i < na; i++)
				if (act[i]->code == recipient && act[i]->role != ROLE_RECIP)
					rec_asks = 1;
			int anaphor = clause_has(g, c, C_ANAPHOR);
			/* "Kyiv asked for HIMARS, which Washington declined to
			 * provide": the state the relative clause on the item
			 * tells giving or refusing it is the one asked */
			const mention *rs = !dn && requested && !some && k + 1 < ncl ?
			                    relative_subject(g, &cl[k + 1], recipient) : NULL;
			if (rs && cl[k + 1].m0 == c->m1) {
				west[0] = rs->code;
				dv = west;
				dn = 1;
			} else if (!dn && requested && !some && west[0] && (rec_asks || anaphor)) {
				dv = west;
				dn = 1;
			} else if (!dn && requested && !some) {
				;   /* nobody asks anybody: no record */
			} else if (!dn && (some || requested)) {
				dv = none;
				dn = 1;
			}
			int civil = has_cue(g, C_CIVIL);
			int types[2] = { p.prov, p.prov2 };
			for (int ti = 0; ti < 2; ti++) {
				if (types[ti] < 0)
					continue;
				/* a bare present's tentative pledge (the headline's, or
				 * the body's "nous envoyons des missiles" beside "a
				 * livré des missiles"), unless it calls its items
				 * additional ("liefern weitere Haubitzen") */
				g->emit_tentative = ti == 0 && p.tentative && !clause_has(g, c, C_MORE);
				g->emit_present = ti == 0 && p.present;
				int paired = !resp && origins_pair(g, dv, dn, items, ni);
				for (size_t d = 0; d < dn; d++)
					for (size_t j = 0; j < ni; j++) {
						if (resp && dn == ni && dn > 1 && d != j)
							continue;
						if (paired && strcmp(system_origin(g, &items[j]), dv[d]))
							continue;
						/* "50 miljoen om Oekraïners de winter door
						 * te helpen", "destinée à payer les
						 * salaires": money for civilian ends or a
						 * budget is out of scope */
						if (civil && !strcmp(items[j].category, "funds"))
							continue;
						emit(g, out, first, types[ti], dv[d], recipient, NULL, &items[j],
						     ev0, t1, c->t0, c->t1, dates);
					}
				g->emit_tentative = 0;
				g->emit_present = 0;
				/* emit without an item takes the materiel of the
				 * donor's last record: the request, or the things
				 * a pronoun stands for */
				if (from_last)
					emit(g, out, first, types[ti], donors[0], recipient, NULL, NULL, ev0, t1,
					     c->t0, c->t1, dates);
			}
			if (ni && ndon) {
				/* what an elaboration in the next sentence spells out */
				record tmp;
				record_init(&tmp);
				set_when(g, &tmp, c->t0, c->t1, dates, t0, t1, NULL);
				memcpy(g->last_when, tmp.when, sizeof g->last_when);
				g->last_type = types[0];
				g->last_recipient = recipient;
				g->last_emit_sent = g->nsent;
				g->nelab = 0;
				for (size_t d = 0; d < ndon && d < 8; d++)
					g->elab_donor[g->nelab++] = donors[d];
			}
		}
		/* "erlaubt Passagierflugzeugen den Flug über sein Gebiet": a
		 * permission for what the clause names as no materiel is none
		 * of a transfer's */
		/* "erteilte der Firma Rheinmetall die Genehmigung": a licence
		 * given to a maker is its own sale's, no state's consent */
		int licence = 0;
		if (p.ncons && has_cue(g, C_MAKER))
			for (size_t i = c->m0; i + 1 < c->m1 && !licence; i++)
				licence = cue_at(g, i, C_MAKER) && cue_at(g, i + 1, C_PERMISSION) &&
				          g->m[i + 1].t0 <= g->m[i].t1 + 1;
		/* "Berlin hatte im Januar um die Genehmigung gebeten": a consent
		 * asked for or given in the sentences right after one was
		 * told is about the same materiel, named there */
		int consent_story = 0, own_licence = 0;
		for (size_t i = c->m0; i < c->m1 && p.ncons; i++) {
			if (cue_at(g, i, C_PERMISSION) && g->m[i].export)
				own_licence = 1;
			else if (cue_at(g, i, C_PERMISSION) && recent_consent_by(g, 2))
				consent_story = 1;
		}
		/* "the minister suspended 12 export licences for goods bound for
		 * the Gulf": a decision on the state's own export licences that
		 * names no materiel and no state is about none of the consents
		 * told before */
		if (own_licence && !consent_story && !ni && !na)
			licence = 1;
		if (p.ncons && !licence && (ni || p.backref || consent_story || ((p.transferish || sent_transfer ||
		                        (g->last_any_sent && g->last_any_sent + 1 >= g->nsent)) &&
		                       !clause_nonmilitary(g, c)))) {
			/* who approves, and who wants to pass the materiel on */
			const char *cdon[8];
			size_t ncd = 0;
			const char *consent_by = NULL;
			if (p.backref && p.ncons == 1 && p.cons[0] == REC_CONSENT_DENIED) {
				/* a bare refusal of the consent just asked
				 * (refusal_backref): its askers and the state asked */
				consent_by = g->last_cby;
				for (size_t r = out->n; r-- > first && !ncd;)
					if (out->v[r].type == REC_CONSENT_REQUESTED && out->v[r].consent_by == consent_by &&
					    out->v[r].recipient == recipient)
						cdon[ncd++] = out->v[r].donor;
			} else if (p.prov >= 0 && ndon && donors[0]) {
				for (size_t d = 0; d < ndon; d++)
					cdon[ncd++] = donors[d];
				for (size_t i = 0; i < na && !consent_by; i++)
					if (!in_list(cdon, ncd, act[i]->code) && act[i]->code != recipient)
						consent_by = act[i]->code;
				for (size_t i = 0; i < no && !consent_by; i++)
					if (!in_list(cdon, ncd, origin[i]->code) && origin[i]->code != recipient)
						consent_by = origin[i]->code;
				/* "beschlossen, Panzer zu liefern und anderen Ländern zu
				 * erlauben, dasselbe zu tun": the donor decides on the
				 * unnamed states it lets do the same */
				if (!consent_by && some) {
					consent_by = donors[0];
					ncd = 0;
					cdon[ncd++] = NULL;
				}
			} else {
				const mention *fa = NULL, *sa = NULL, *src = NULL;
				int pair = 0;
				/* "Polen und Rumänien erlauben", "België en Noorwegen
				 * hadden Washington gevraagd", "Deutschland und
				 * Dänemark erhielten keine Erlaubnis": the states
				 * listed or coordinated with the first are on its
				 * side, never the other party */
				const char *fside[8];
				size_t nfs = 0;
				for (size_t i = 0; i < na; i++) {
					if (act[i]->code == recipient || act[i] == p.by)
						continue;
					/* "Spanien hat nach Angaben aus Madrid von Bern
					 * die Genehmigung erhalten": a source after a
					 * phrase of reporting tells who said it, not who
					 * decides */
					size_t ai = (size_t)(act[i] - g->m);
					if (act[i]->role == ROLE_SOURCE && ai >= c->m0 + 2 && cue_at(g, ai - 1, C_SOURCE) &&
					    cue_at(g, ai - 2, C_REPORT))
						continue;
					if (act[i]->role == ROLE_SOURCE && !src)
						src = act[i];
					else if (!fa) {
						fa = act[i];
						fside[nfs++] = fa->code;
						nfs = conjoined(g, c, fa, fside, nfs, 8);
					} else if (!sa && act[i]->code != fa->code && !listed_with(g, c, fa, act[i]) &&
					           !in_list(fside, nfs, act[i]->code))
						sa = act[i];
				}
				const mention *asker = NULL;
				/* "Latvia asked Sweden", "sought approval from
				 * Sweden": the subject asks; "Sweden approved the
				 * transfer from Latvia": the subject decides; with a
				 * receiving verb it is the other way round ("Zweden
				 * ontving van Letland een verzoek", "Latvia received
				 * permission from Sweden"), and so with a passive
				 * whose agent is named ("Poland was allowed by
				 * Germany", "mag van de VS") */
				const mention *agent = p.passive ? passive_agent(g, c, act, na, recipient) : NULL;
				if (agent) {
					/* "le transfert des chars du Danemark ... a été
					 * autorisé par l'Allemagne": whoever else is named,
					 * after "du" too, asks */
					fa = sa = NULL;
					for (size_t i = 0; i < na; i++) {
						if (act[i]->code == recipient || act[i]->code == agent->code || act[i] == p.by)
							continue;
						if (!fa)
							fa = act[i];
						else if (!sa && act[i]->code != fa->code)
							sa = act[i];
					}
					src = agent;
				}
				if (p.by)
					src = p.by;
				int asks = p.cons[0] == REC_CONSENT_REQUESTED;
				/* "Polens Antrag ... wurde von Deutschland abgelehnt":
				 * the agent of a request's answer is who answers it */
				int answered = asks && p.ncons >= 2 && agent && !p.receive && !p.by;
				int turned = p.receive || (agent && !answered) || p.by;
				if (asks != turned) {
					asker = fa;
					consent_by = src ? src->code : sa ? sa->code : NULL;
					/* "As the howitzers were made in France, Norway
					 * needed the approval of Paris": the state
					 * right before the verb of asking is its subject */
					const mention *subj = asks && !turned ? subject_of_request(g, c) : NULL;
					if (subj && fa && consent_by == subj->code && subj->code != fa->code) {
						consent_by = fa->code;
						asker = subj;
					}
				} else {
					consent_by = fa ? fa->code : src ? src->code : NULL;
					/* "erlaubten Estland, ... Raketen aus amerikanischer
					 * Produktion abzugeben": a source that names the
					 * approving state again is where the materiel comes
					 * from, not who asks */
					asker = fa ? (src && src->code != fa->code ? src : sa) : NULL;
				}
				/* "Germany will send tanks and allow Poland to do the
				 * same", "et autorise la Pologne à en faire autant": a
				 * coordinated predicate with no subject of its own keeps
				 * the one of the clause before, who decides; the state
				 * after the verb is allowed */
				if (!turned && !asks && fa && k > 0 && nsent_donor && !in_list(sent_donor, nsent_donor, fa->code)) {
					size_t cv = c->m1;
					for (size_t i = c->m0; i < c->m1 && cv == c->m1; i++)
						if (cue_at(g, i, C_CONS_GRANT) || cue_at(g, i, C_CONS_DENY))
							cv = i;
					if (cv < c->m1 && !names_subject_before(g, c, cv) && fa->t0 > g->m[cv].t0 && sent_donor[0] &&
					    sent_donor[0] != recipient) {
						asker = fa;
						consent_by = sent_donor[0];
					}
				}
				/* "Zugleich erteilte die Regierung Polen die
				 * Genehmigung": the first state named, after the
				 * subject's anaphor, right before the permission, is
				 * given it; the anaphor's state gives it */
				if (!turned && fa && !asks && holds_permission(g, c, fa)) {
					if (anaphor_before(g, c, (size_t)(fa - g->m))) {
						asker = fa;
						consent_by = sa ? sa->code : NULL;
						for (size_t d = 0; d < g->nlast && !consent_by; d++)
							if (g->last_donor[d] != fa->code && g->last_donor[d] != recipient)
								consent_by = g->last_donor[d];
					}
				}
				/* "Switzerland refused a German request to re-export",
				 * "weigerte sich, einem deutschen Antrag zuzustimmen": a
				 * request the clause decides on is its owner's, and the
				 * subject (or a passive's agent) decides */
				const mention *rq = p.ncons >= 2 && p.cons[0] == REC_CONSENT_REQUESTED && !p.receive &&
				                    !p.by ? consent_request_owner(g, c, recipient) : NULL;
				if (rq) {
					const mention *dec = agent;
					for (size_t i = 0; i < na && !dec; i++)
						if (act[i]->code != recipient && act[i]->code != rq->code &&
						    act[i]->role == ROLE_NONE && !act[i]->weak && act[i]->t0 < rq->t0)
							dec = act[i];
					const char *about = dec || na_before(act, na, rq) ? NULL :
					                    recent_subject(g, rq->code, recipient);
					if (dec) {
						asker = rq;
						consent_by = dec->code;
					} else if (about) {
						/* "Österreich bleibt dabei ... Die Regierung hat ein
						 * Gesuch Polens abgelehnt": with no state
						 * named to decide, the one the text is about
						 * decides */
						asker = rq;
						consent_by = about;
					}
				}
				/* "Die Schweiz hat ein Ersuchen um die Weitergabe von
				 * Munition abgelehnt", "Zwitserland heeft een verzoek om
				 * munitie door te leveren afgewezen": a request for
				 * consent that the clause answers, with no asker named
				 * and the subject the only state, is answered by the
				 * subject and asked by nobody the text names */
				int nobody = 0, own_exp = 0;
				if (!rq && asks && p.ncons >= 2 && !turned && !p.passive && fa && !sa && !src &&
				    !some && !pair && fa->role == ROLE_NONE && !fa->origin_only &&
				    genitive_request_owner(g, c, recipient) != fa && request_after(g, c, fa)) {
					consent_by = fa->code;
					asker = NULL;
					nobody = 1;
				}
				/* "l'entreprise n'avait pas obtenu l'autorisation de
				 * réexporter ces pièces, fabriquées en France": a firm
				 * that received (or was refused) permission asks as no
				 * state; the one state the clause names besides the
				 * recipient decides */
				if (!consent_by && turned && p.receive && fa && !sa && !src && !some && !pair) {
					size_t fi = (size_t)(fa - g->m), rv = c->m1;
					for (size_t i = c->m0; i < c->m1 && rv == c->m1; i++)
						if (cue_at(g, i, C_RECEIVE))
							rv = i;
					int firm = 0;
					for (size_t i = c->m0; i < rv && i < fi; i++)
						if (cue_at(g, i, C_COMPANY))
							firm = 1;
					if (firm) {
						consent_by = fa->code;
						asker = NULL;
						nobody = 1;
					}
				}
				/* "Auch Deutschland und Dänemark erhielten keine
				 * Erlaubnis": permission received from nobody named is
				 * that of the state the document's last consent was
				 * asked of */
				if (!consent_by && turned && asker && !no && out->n > first) {
					const record *o = &out->v[out->n - 1];
					if (rec_is_consent(o->type) && o->consent_by && o->consent_by != asker->code &&
					    o->consent_by != recipient)
						consent_by = o->consent_by;
				}
				if (!consent_by && no)
					consent_by = origin[0]->code;
				/* "Washington had given both countries permission", "les
				 * deux pays avaient demandé l'autorisation à Washington":
				 * the states last named together ask, and the state the
				 * clause names beside them decides */
				if (clause_has(g, c, C_PAIR) && g->ngroup >= 2 && !p.transit) {
					const mention *dec = src;
					for (size_t i = 0; i < na && !dec; i++)
						if (act[i]->code != recipient && !in_list(g->last_group, g->ngroup, act[i]->code))
							dec = act[i];
					if (dec && !in_list(g->last_group, g->ngroup, dec->code)) {
						consent_by = dec->code;
						asker = NULL;
						pair = 1;
					}
				}
				/* the ground crossed is the state's who permits */
				if (p.transit && p.owner && p.owner->code != recipient) {
					if (asker && asker->code == p.owner->code)
						asker = fa && fa->code != p.owner->code ? fa : NULL;
					consent_by = p.owner->code;
				}
				/* "besliste Berlijn tanks te sturen en andere landen toe
				 * te staan": a coordinated predicate keeps its subject,
				 * who decides */
				if (!consent_by && asks == p.receive && k > 0 && nsent_donor)
					consent_by = sent_donor[0];
				/* "Duitsland blokkeert de levering van Estse
				 * houwitsers": with nobody else named, the state
				 * whose materiel it is wants to pass it on ("German-
				 * made" names the maker only) */
				if (!asker && consent_by && !some) {
					const mention *own = NULL;
					int many = 0;
					for (size_t i = 0; i < no; i++) {
						const mention *a = origin[i];
						size_t ai = (size_t)(a - g->m);
						if (a->sub != ACT_ADJ || a->code == recipient || a->code == consent_by ||
						    (ai + 1 < c->m1 && cue_at(g, ai + 1, C_MAKER)))
							continue;
						if (own && own->code != a->code)
							many = 1;
						own = a;
					}
					if (own && !many)
						asker = own;
				}
				if (pair) {
					for (size_t d = 0; d < g->ngroup; d++)
						cdon[ncd++] = g->last_group[d];
				} else if (asker && asker->code != consent_by) {
					/* "durch die Niederlande und Dänemark" */
					cdon[ncd++] = asker->code;
					ncd = coordinated(g, c, asker, cdon, ncd, 8, recipient);
				} else if (some || nobody) {
					/* "andere landen toestemming geven": the text leaves
					 * them unnamed */
					cdon[ncd++] = NULL;
				} else if (p.transit) {
					/* "Paris sent 24 vehicles to Armenia; Georgia allowed
					 * the convoy to cross its territory": the materiel of
					 * a transit is that of the sentence's transfer before
					 * it, if any */
					for (size_t d = 0; d < nsent_donor && k > 0; d++)
						if (sent_donor[d] && sent_donor[d] != consent_by)
							cdon[ncd++] = sent_donor[d];
					/* "België droeg de mijnenjager over. Het vaartuig
					 * blijft in België, omdat Turkije geen oorlogsschepen
					 * door de Bosporus laat varen": a transit of a kind
					 * of materiel (not weapons at large) just given to
					 * the recipient, in a sentence that names the giver
					 * again, is of that gift */
					if (!ncd && ni && strcmp(items[0].category, "weapons") && g->last_emit_sent &&
					    g->last_emit_sent + 2 >= g->nsent) {
						const char *held[8];
						size_t nh = holders_of(out, first, consent_by, recipient, items[0].category, held, 8);
						for (size_t h = 0; h < nh; h++)
							for (size_t i = 0; i < g->nm; i++)
								if (g->m[i].kind == M_ACTOR && g->m[i].code == held[h] &&
								    !in_list(cdon, ncd, held[h])) {
									cdon[ncd++] = held[h];
									break;
								}
					}

				} else if ((own_exp = own_export(g, c, consent_by, act, na))) {
					/* "Canada stopped approving export permits for
					 * arms to Israel": the licences of the state that
					 * is the clause's subject are its own goods leaving;
					 * no state of the story before asked for them */
				} else {
					/* the asker is the donor the text was just about;
					 * not so for a transit, where the state whose ground
					 * it is decides on materiel nobody is named as
					 * having.  "Germany approved the transfer of Estonian
					 * howitzers. Finland also gave its permission": a
					 * consent that names only who gives it is one more
					 * to the asker of the consent just told */
					/* "Nederland en Denemarken dienden een verzoek in
					 * ... Het groene licht kwam": all who asked
					 * together in that sentence are answered */
					if (out->n > first) {
						const record *o = &out->v[out->n - 1];
						for (size_t r = out->n; r-- > first && ncd < 8;) {
							const record *q = &out->v[r];
							if (q->span[0] != o->span[0] || !rec_is_consent(q->type))
								break;
							if (q->donor && q->donor != consent_by && q->consent_by == o->consent_by &&
							    !in_list(cdon, ncd, q->donor))
								cdon[ncd++] = q->donor;
						}
					}
					int ncd0 = ncd > 0;
					for (size_t d = 0; d < g->nlast && !ncd0; d++)
						if (g->last_donor[d] != consent_by)
							cdon[ncd++] = g->last_donor[d];
					/* "Australia will send 49 Abrams tanks ... The United
					 * States, which built the tanks, has approved their
					 * transfer": with the story's state the approving one,
					 * the materiel is that of the latest sentence that gave
					 * it to the recipient, and its donors ask */
					if (!ncd && consent_by && ni)
						ncd = holders_of(out, first, consent_by, recipient, items[0].category, cdon, 8);
				}
				/* "Frankrijk heeft Armenië pantservoertuigen geleverd.
				 * De voertuigen werden via Georgië aangevoerd. Georgië
				 * gaf toestemming voor de doorvoer": a consent that
				 * names nobody who asks is for the delivery or pledge to
				 * the same recipient told in the two sentences before
				 * (not so across one's ground, where the materiel is
				 * nobody's named: see the transit branch above) */
				if (!ncd && consent_by && !some && !nobody && !pair && !p.transit && !own_exp && g->last_emit_sent &&
				    g->last_emit_sent + 2 >= g->nsent && g->last_recipient == recipient &&
				    (g->last_type == REC_DELIVERED || g->last_type == REC_COMMITTED))
					for (size_t d = 0; d < g->nelab && ncd < 8; d++)
						if (g->elab_donor[d] && g->elab_donor[d] != consent_by &&
						    !in_list(cdon, ncd, g->elab_donor[d]))
							cdon[ncd++] = g->elab_donor[d];
			}
			/* "Auch Deutschland und Dänemark erhielten keine
			 * Erlaubnis": states that ask, with nobody named who
			 * decides, ask the state a consent record of the last
			 * sentences was asked of */
			const char *asked_last = recent_consent_by(g, 3);
			if (!consent_by && ncd && cdon[0] && asked_last && !in_list(cdon, ncd, asked_last))
				consent_by = asked_last;
			if (consent_by) {
				g->last_cby = consent_by;
				g->last_cby_sent = g->nsent;
				/* "asked Germany and Finland for permission" */
				const char *cby[8] = { consent_by };
				size_t ncb = 1;
				for (size_t i = 0; i < na; i++)
					if (act[i]->code == consent_by) {
						/* "la Suède et le Danemark s'associent, Stockholm
						 * autorise": the state named again later decides
						 * alone; the list it opened was another phrase's */
						int again = 0;
						for (size_t j = i + 1; j < na; j++)
							if (act[j]->code == consent_by && !listed_with(g, c, act[i], act[j]))
								again = 1;
						for (size_t j = i + 1; j < na && ncb < 8 && !again; j++)
							if (act[j]->code != recipient && !in_list(cby, ncb, act[j]->code) &&
							    !in_list(cdon, ncd, act[j]->code) && listed_with(g, c, act[i], act[j]))
								cby[ncb++] = act[j]->code;
						break;
					}
				if (!ncd && !some && p.prov < 0 && p.ncons == 1 && ni &&
				    (p.cons[0] == REC_CONSENT_DENIED ||
				     (p.cons[0] == REC_CONSENT_GRANTED && names_export(g, c))) &&
				    !third_state_materiel(g, c, &p, consent_by, origin, no)) {
					/* "Het houdt de export van wapens voor Oekraïne tegen":
					 * blocking an export no other state asked for, of
					 * materiel from nowhere else, is refusing to supply;
					 * "approved an export licence for 14 Leopard tanks to
					 * Ukraine", "a autorisé l'exportation de canons vers
					 * l'Ukraine": granting one is the state's own
					 * commitment, no consent */
					int t = p.cons[0] == REC_CONSENT_DENIED ? REC_REFUSED : REC_COMMITTED;
					for (size_t j = 0; j < ni; j++)
						emit(g, out, first, t, consent_by, recipient, NULL,
						     &items[j], t0, t1, c->t0, c->t1, dates);
					ncb = 0;
				}
				/* "Der Bundestag gab grünes Licht für die Lieferung von
				 * Leopard-Panzern an die Ukraine", "the EU cleared 5
				 * billion euros in military aid": a green light with
				 * nobody asking, of materiel of nowhere else, approves
				 * the state's own aid; gram_doc_finish makes it the
				 * commitment it is, unless the document tells the
				 * consent with its asker too (a headline's "Washington
				 * gives green light for Stingers") */
				g->emit_own = !ncd && !some && p.prov < 0 && p.ncons == 1 && ni && ncb == 1 &&
				              p.cons[0] == REC_CONSENT_GRANTED &&
				              !third_state_materiel(g, c, &p, consent_by, origin, no);
				if (!ncd)
					cdon[ncd++] = NULL;
				for (size_t ti = 0; ti < p.ncons; ti++)
					for (size_t b = 0; b < ncb; b++)
						for (size_t d = 0; d < ncd; d++)
							if (cdon[d] != cby[b])
								emit(g, out, first, p.cons[ti], cdon[d], recipient, cby[b],
								     ni ? &items[0] : NULL, t0, t1, c->t0, c->t1, dates);
				g->emit_own = 0;
			}
		}
		if (ndon && donors[0] && !requested) {
			nsent_donor = 0;
			for (size_t d = 0; d < ndon; d++)
				if (d < nown || d >= nranked)
					sent_donor[nsent_donor++] = donors[d];
			for (size_t d = 0; d < ndon; d++)
				g->last_donor[d] = donors[d];
			g->nlast = ndon;
			g->last_actor_sent = g->nsent;
			if (ndon >= 2) {
				for (size_t d = 0; d < ndon; d++)
					g->last_group[d] = donors[d];
				g->ngroup = ndon;
			}
		} else if (!ndon && !requested && !p.ncons) {
			/* "De wens van Nederland om tanks te leveren lijkt niet door
			 * te gaan": a clause whose donor we could not tell is still
			 * about the state it names, for the next sentence */
			for (size_t i = 0; i < na; i++)
				if (act[i]->code != recipient && act[i]->sub == ACT_NAME && !act[i]->rel) {
					g->last_donor[0] = act[i]->code;
					g->nlast = 1;
					g->last_actor_sent = g->nsent;
					break;
				}
		}
	}
	/* a verbless sentence that names a transfer and its items waits for
	 * a next sentence that refers back to it */
	g->nnom = 0;
	int transfer_noun = has_cue(g, C_TRANSFER_NOUN);
	/* so does one that only buys them ("Defensie bestelde twintig
	 * vrachtwagens bij DAF"), for a next one that gives them on ("Die
	 * worden aan Moldavië geschonken") */
	if (out->n == emitted0 && !sent_pred && sent_items && (transfer_noun || has_cue(g, C_PURCHASE))) {
		clause whole = { 0, g->nm, t0, t1, NULL, NULL, 0, 0 };
		size_t nn;
		const num_span *nums = nums_of(g, dates, &nn);
		g->nnom = clause_items(g, &whole, nums, nn, g->nom_items, 8);
		g->nom_sent = g->nsent;
		g->nom_t0 = t0;
		g->nom_bought = !transfer_noun;
		g->nom_donor = g->nom_recipient = NULL;
		for (size_t i = 0; i < g->nm; i++) {
			const mention *m = &g->m[i];
			if (m->kind != M_ACTOR || m->code == g->default_recipient)
				continue;
			if (m->role == ROLE_RECIP && !g->nom_recipient)
				g->nom_recipient = m->code;
			/* who sells what is bought gives nothing */
			else if (m->role != ROLE_RECIP && !g->nom_donor && !g->nom_bought)
				g->nom_donor = m->code;
		}
	}
	/* "Het gaat om twintig mortieren": a sentence naming only items
	 * spells out what the sentence before it said was given */
	/* a fact restated (merged into the headline's) is told here too */
	/* "Dat maakte de Zweedse regering dinsdag bekend.", "Das teilte
	 * das Ministerium mit.": a sentence between that names no item and
	 * only restates the giving or tells who reported it leaves the next
	 * one an elaboration of it still */
	int restated = g->last_emit_sent + 2 == g->nsent && g->restate_sent + 1 == g->nsent;
	if (g->nemit > nemit0)
		g->last_any_sent = g->nsent;
	if ((sent_pred || report) && !sent_items)
		g->restate_sent = g->nsent;
	int elab = elaborates(g), follow = follow_type(g);
	/* "The package includes 72 howitzers ..., a Pentagon official told
	 * reporters": the speaker of a trailing tag is no actor of the
	 * elaboration */
	int only_tag = sent_actors > 0 && (elab || follow >= 0);
	if (only_tag) {
		clause whole = { 0, g->nm, t0, t1, NULL, NULL, 0, 0 };
		for (size_t i = 0; i < g->nm && only_tag; i++)
			if (g->m[i].kind == M_ACTOR && !g->m[i].weak &&
			    !trailing_tag_speaker(g, &whole, &g->m[i], t0))
				only_tag = 0;
	}
	if (out->n == emitted0 && !sent_pred && sent_items && (!sent_actors || only_tag) && (elab || follow >= 0) &&
	    (g->last_emit_sent + 1 == g->nsent || restated) && g->nelab && g->last_type >= 0) {
		/* more to come is a giving of its own, typed by its tense;
		 * an elaboration tells the same giving again */
		int type = follow >= 0 ? follow : g->last_type;
		clause whole = { 0, g->nm, t0, t1, NULL, NULL, 0, 0 };
		/* "Het pakket omvat 11 miljoen euro, daarmee worden M113's
		 * aangekocht": money right after the opener is the worth of the
		 * package the sentence before named, not of its items */
		num_span rest[32];
		size_t nn;
		const num_span *nums = nums_of(g, dates, &nn);
		const num_span *inums = nums;
		for (size_t i = 0; i < g->nm && nn <= 32; i++) {
			if (!cue_at(g, i, C_ELABORATION))
				continue;
			const token *after = &tl->v[g->m[i].t1 < t1 ? g->m[i].t1 : t1 - 1];
			for (size_t k = 0; k < nn; k++) {
				if (!(nums[k].flags & NUM_MONEY) || nums[k].value < 0 || nums[k].start != after->start)
					continue;
				for (size_t r = out->n; r-- > first;) {
					record *o = &out->v[r];
					if ((int)o->type == g->last_type && o->value < 0 && !o->system &&
					    generic_category(o->category)) {
						o->value = nums[k].value;
						o->currency = nums[k].code;
						memcpy(rest, nums, nn * sizeof *nums);
						rest[k].flags &= ~NUM_MONEY;
						inums = rest;
						break;
					}
				}
			}
			break;
		}
		item_ref items[16];
		size_t ni = clause_items(g, &whole, inums, nn, items, 16);
		size_t before = out->n;
		if (follow < 0 && type == REC_DELIVERED && elaborates_new_package(g))
			type = REC_COMMITTED;
		for (size_t d = 0; d < g->nelab; d++)
			for (size_t j = 0; j < ni; j++)
				emit(g, out, first, type, g->elab_donor[d], g->last_recipient, NULL,
				     &items[j], t0, t1, t0, t1, dates);
		/* the date is that of the sentence spelled out, unless this one
		 * gives its own */
		int own_date = 0;
		size_t nd;
		const date_span *dv = dates_of(dates, &nd);
		for (size_t k = 0; k < nd; k++)
			if (dv[k].kind != DATE_NONE)
				own_date = 1;
		if (!own_date)
			for (size_t r = before; r < out->n; r++)
				memcpy(out->v[r].when, g->last_when, sizeof g->last_when);
		if (ni)
			g->last_emit_sent = g->nsent;
	}
}
