/*
 * grammar: one sentence's mentions to records (see grammar.h and the
 * overview in extract.c).  The rules here describe the four languages'
 * grammar of giving, promising, refusing and asking; the words themselves
 * are all in data/cues.tsv, data/items.tsv, data/systems.tsv and
 * data/actors.tsv.
 */
#include "grammar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../base/buf.h"
#include "../base/tsv.h"
#include "../base/utf8.h"
#include "../text/token.h"

const char *const gram_cue_classes[] = {
	"delivered", "committed", "offered", "considering", "refused", "requested",
	"consent_requested", "consent_granted", "consent_denied",
	"transfer", "transfer_noun", "receive", "neg", "future", "past_want", "cond",
	"aux_passive", "recip", "source", "coord", "clause", "anaphor", "more",
	"report", "question_word", "should", "actor_head", "not_only",
	NULL
};

enum { ROLE_NONE, ROLE_RECIP, ROLE_SOURCE };

/* How far (in tokens) negation and modal verbs reach from the predicate. */
#define SCOPE 8

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

/* ---- document state ---- */

void gram_doc_init(gram_doc *g, const lex *lx, const hostile_pairs *h, const tok_list *tl,
                   const doc *d, int lang)
{
	memset(g, 0, sizeof *g);
	g->lx = lx;
	g->hostile = h;
	g->tl = tl;
	g->d = d;
	g->lang = lang;
	buf_init(&g->tmp);
	if (d->date && strlen(d->date) >= 7)
		snprintf(g->month, sizeof g->month, "%.7s", d->date);
	else if (d->date)
		snprintf(g->month, sizeof g->month, "%.4s", d->date);
	/* The document's recipient: Ukraine when it is named at all (the
	 * war the corpus is about), else the first state named after a
	 * recipient preposition. */
	const char *first_recip = NULL;
	int after_recip = 0;
	for (size_t i = 0; i < tl->n; i++) {
		lex_match m[LEX_NKINDS];
		lex_match_at(lx, tl, d->text, i, tl->n, lang, m);
		if (m[LEX_ACTOR].e && m[LEX_ACTOR].e->sub != ACT_PERSON) {
			const char *c = m[LEX_ACTOR].e->code;
			if (!strcmp(c, "UA")) {
				g->default_recipient = m[LEX_ACTOR].e->code;
				break;
			}
			if (after_recip && !first_recip && m[LEX_ACTOR].e->sub != ACT_ADJ)
				first_recip = c;
		}
		if (m[LEX_CUE].e && m[LEX_CUE].e->sub == C_RECIP)
			after_recip = 3;
		else if (after_recip)
			after_recip--;
	}
	if (!g->default_recipient)
		g->default_recipient = first_recip;
}

void gram_doc_release(gram_doc *g)
{
	free(g->m);
	buf_release(&g->tmp);
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

/* ---- step 1: mentions ---- */

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

static void find_mentions(gram_doc *g, size_t t0, size_t t1)
{
	const tok_list *tl = g->tl;
	g->nm = 0;
	for (size_t i = t0; i < t1;) {
		const token *t = &tl->v[i];
		lex_match m[LEX_NKINDS];
		lex_match_at(g->lx, tl, g->d->text, i, t1, g->lang, m);
		int best = -1;
		uint32_t len = 0;
		static const int prio[] = { LEX_SYSTEM, LEX_ACTOR, LEX_ITEM, LEX_CUE };
		for (int k = 0; k < 4; k++) {
			int kind = prio[k];
			if (m[kind].e && m[kind].ntok > len) {
				best = kind;
				len = m[kind].ntok;
			}
		}
		/* suspended compound: "antitank- en luchtafweerraketten" */
		if ((t->flags & TOK_SUSP) && i + 2 < t1 &&
		    m[LEX_CUE].e == NULL && (best < 0 || best == LEX_ITEM || len == 1)) {
			const token *c = &tl->v[i + 1], *w = &tl->v[i + 2];
			lex_match cm[LEX_NKINDS];
			lex_match_at(g->lx, tl, g->d->text, i + 1, i + 2, g->lang, cm);
			if ((cm[LEX_CUE].e && cm[LEX_CUE].e->sub == C_COORD) ||
			    !strcmp(tok_fold(tl, c), ",")) {
				size_t at = 0;
				const char *wf = tok_fold(tl, w);
				const lex_entry *h = lex_suffix(g->lx, wf, w->flen, g->lang, &at);
				if (!h) {
					h = lex_lookup(g->lx, LEX_ITEM, wf, g->lang);
					at = 0;
				}
				if (h) {
					buf_reset(&g->tmp);
					buf_add(&g->tmp, tok_fold(tl, t), t->flen);
					buf_adds(&g->tmp, wf + at);
					char *comp = xstrdup(g->tmp.p);
					const char *cat = NULL;
					if (compound_item(g, comp, strlen(comp), &cat) && cat) {
						mention *mm = push_mention(g);
						mm->kind = M_ITEM;
						mm->t0 = i;
						mm->t1 = i + 1;
						mm->category = cat;
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
			if (pm->kind == M_ITEM && pm->t1 == i - 1) {
				const token *p = &tl->v[pm->t1 - 1];
				const char *pf = tok_fold(tl, p);
				size_t at = 0;
				if (lex_suffix(g->lx, pf, p->flen, g->lang, &at)) {
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
						free(comp);
						i++;
						continue;
					}
					free(comp);
				}
			}
		}
		if (best < 0) {
			/* a compound whose head is an item word */
			if (t->flags & TOK_WORD) {
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
			mm->kind = M_ACTOR;
			mm->sub = e->sub;
			mm->code = e->code;
			break;
		case LEX_SYSTEM:
			mm->kind = M_ITEM;
			mm->category = e->category;
			mm->system = e->code;
			mm->sys_origin = e->origin;
			break;
		case LEX_ITEM:
			mm->kind = M_ITEM;
			mm->category = e->category;
			break;
		default:
			mm->kind = M_CUE;
			mm->sub = e->sub;
			break;
		}
		i += len;
	}
}

/* ---- step 2..5 ---- */

typedef struct clause {
	size_t m0, m1;      /* mentions [m0, m1) */
	size_t t0, t1;      /* tokens */
} clause;

static int cue_at(const gram_doc *g, size_t i, int cls)
{
	const mention *m = &g->m[i];
	return m->kind == M_CUE && m->sub == cls;
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

static int is_short_function_word(const gram_doc *g, size_t i)
{
	const token *t = &g->tl->v[i];
	if (t->flags & TOK_PUNCT)
		return 0;
	return t->flen <= 3 || (t->flen <= 4 && !(t->flags & TOK_CAP));
}

/* Marks actors preceded by a recipient or source preposition. */
static void mark_roles(gram_doc *g, size_t m0, size_t m1)
{
	for (size_t i = m0; i < m1; i++) {
		mention *a = &g->m[i];
		if (a->kind != M_ACTOR)
			continue;
		/* the closest preceding cue within two function words */
		for (size_t j = i; j-- > m0;) {
			const mention *c = &g->m[j];
			if (a->t0 - c->t1 > 2)
				break;
			if (c->kind != M_CUE)
				break;
			int ok = 1;
			for (size_t t = c->t1; t < a->t0; t++)
				if (!is_short_function_word(g, t))
					ok = 0;
			if (!ok)
				break;
			if (c->sub == C_RECIP)
				a->role = ROLE_RECIP;
			else if (c->sub == C_SOURCE)
				a->role = ROLE_SOURCE;
			break;
		}
		/* an adjective right before an item word qualifies the item:
		 * "Duitse tanks", "German-made howitzers" */
		if (a->sub == ACT_ADJ && i + 1 < m1) {
			const mention *n = &g->m[i + 1];
			if (n->kind == M_ITEM && n->t0 - a->t1 <= 2)
				a->origin_only = 1;
		}
	}
}

static int types_for_clause(gram_doc *g, const clause *c, int sentence_question, int ua_in_sentence,
                            int types[4], size_t *pred_tok)
{
	int have[C_NCLASSES] = { 0 };
	size_t pos[C_NCLASSES];
	for (size_t i = c->m0; i < c->m1; i++) {
		const mention *m = &g->m[i];
		if (m->kind != M_CUE)
			continue;
		if (!have[m->sub])
			pos[m->sub] = i;
		have[m->sub]++;
	}
	int n = 0;
	if (sentence_question)
		return 0;
	/* consent first: it names an approval, not a provision */
	if (have[C_CONS_REQ] || have[C_CONS_GRANT] || have[C_CONS_DENY]) {
		if (have[C_CONS_REQ]) {
			types[n++] = REC_CONSENT_REQUESTED;
			*pred_tok = g->m[pos[C_CONS_REQ]].t0;
		}
		if (have[C_CONS_GRANT] && !have[C_NEG]) {
			types[n++] = REC_CONSENT_GRANTED;
			*pred_tok = g->m[pos[C_CONS_GRANT]].t0;
		}
		if (have[C_CONS_DENY] || (have[C_CONS_GRANT] && have[C_NEG]) ||
		    (have[C_CONS_REQ] && have[C_REFUSED])) {
			types[n++] = REC_CONSENT_DENIED;
			*pred_tok = g->m[pos[have[C_CONS_DENY] ? C_CONS_DENY : C_CONS_REQ]].t0;
		}
		return n;
	}
	if (have[C_REQUESTED]) {
		types[n++] = REC_REQUESTED;
		*pred_tok = g->m[pos[C_REQUESTED]].t0;
		if (have[C_REFUSED])
			types[n++] = REC_REFUSED;
		return n;
	}
	/* the strongest provision predicate */
	static const int order[] = { C_REFUSED, C_CONSIDERING, C_OFFERED, C_COMMITTED, C_DELIVERED,
	                             C_RECEIVE, C_TRANSFER, C_TRANSFER_NOUN };
	int core = -1;
	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++)
		if (have[order[k]]) {
			core = order[k];
			break;
		}
	if (core < 0)
		return 0;
	const mention *p = &g->m[pos[core]];
	*pred_tok = p->t0;
	/* modality and negation within reach of the predicate */
	int neg = 0, fut = 0, pastw = 0, cond = 0, should = 0;
	for (size_t i = c->m0; i < c->m1; i++) {
		const mention *m = &g->m[i];
		if (m->kind != M_CUE || mdist(m, p) > SCOPE)
			continue;
		switch (m->sub) {
		case C_NEG:
			if (!(i + 1 < c->m1 && cue_at(g, i + 1, C_NOT_ONLY) && g->m[i + 1].t0 == m->t1))
				neg = 1;
			break;
		case C_FUTURE: fut = 1; break;
		case C_PAST_WANT: pastw = 1; break;
		case C_COND: cond = 1; break;
		case C_SHOULD: should = 1; break;
		default: break;
		}
	}
	int t;
	switch (core) {
	case C_REFUSED:
		t = neg ? REC_CONSIDERING : REC_REFUSED;
		break;
	case C_CONSIDERING:
		t = REC_CONSIDERING;
		break;
	case C_OFFERED:
		t = neg ? REC_REFUSED : REC_OFFERED;
		break;
	default:
		if (neg)
			t = REC_REFUSED;
		else if (should) {
			/* "Germany must send tanks", said where Ukraine speaks, is a
			 * request; what some third party should do is no record */
			if (!ua_in_sentence)
				return 0;
			t = REC_REQUESTED;
		}
		else if (pastw)
			t = REC_OFFERED;
		else if (cond)
			t = REC_OFFERED;
		else if (core == C_COMMITTED)
			t = REC_COMMITTED;
		else if (core == C_DELIVERED)
			t = fut ? REC_COMMITTED : REC_DELIVERED;
		else if (core == C_RECEIVE)
			t = fut ? REC_COMMITTED : REC_DELIVERED;
		else if (core == C_TRANSFER)
			t = REC_COMMITTED;
		else /* a transfer noun asserts nothing by itself */
			t = fut ? REC_COMMITTED : -1;
		break;
	}
	if (t < 0)
		return 0;
	types[n++] = t;
	return n;
}

/* The number span that ends right before token i (adjectives allowed in between). */
static const num_span *quantity_before(const gram_doc *g, size_t i, size_t tmin,
                                       const num_span *nums, size_t nn, size_t *qtok,
                                       const char **unit)
{
	const tok_list *tl = g->tl;
	*unit = NULL;
	size_t j = i, skipped = 0;
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
				*qtok = s;
				return &nums[k];
			}
		}
		if (p->flags & TOK_PUNCT)
			return NULL;
		const char *f = tok_fold(tl, p);
		/* "90 ton aan ...", "two tonnes of ..." */
		if (!strcmp(f, "ton") || !strcmp(f, "tons") || !strcmp(f, "tonnes") ||
		    !strcmp(f, "tonnen") || !strcmp(f, "tonne")) {
			*unit = "ton";
			skipped = 0;
			j--;
			continue;
		}
		skipped++;
		j--;
	}
	*unit = NULL;
	return NULL;
}

static void set_when(const gram_doc *g, record *r, size_t c0, size_t c1, const date_span *dates,
                     size_t nd, size_t s0, size_t s1)
{
	const tok_list *tl = g->tl;
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
	if (best) {
		if (best->kind == DATE_VAGUE)
			r->when[0] = '\0';
		else
			snprintf(r->when, sizeof r->when, "%s", best->when);
		return;
	}
	snprintf(r->when, sizeof r->when, "%s", g->month);
}

/* Merges r into an earlier record of the document stating the same fact;
 * returns 1 when merged (r is then released by the caller). */
static int rec_merge(rec_list *out, size_t first, record *r)
{
	for (size_t i = first; i + 1 < out->n; i++) {
		record *o = &out->v[i];
		if (o->type != r->type || o->donor != r->donor || o->recipient != r->recipient)
			continue;
		if (rec_is_consent(r->type)) {
			if (o->consent_by != r->consent_by)
				continue;
		} else if (o->category != r->category) {
			continue;
		}
		if (o->quantity >= 0 && r->quantity >= 0 && o->quantity != r->quantity)
			continue;
		if (o->system && r->system && strcmp(o->system, r->system))
			continue;
		if (o->quantity < 0 && r->quantity >= 0) {
			o->quantity = r->quantity;
			o->unit = r->unit;
		}
		if (!o->system)
			o->system = r->system;
		if (o->value < 0 && r->value >= 0) {
			o->value = r->value;
			o->currency = r->currency;
		}
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

typedef struct item_ref {
	size_t mi;            /* the item mention */
	size_t t0, t1;        /* phrase tokens */
	const char *category;
	const char *system;
	double qty;
	const char *unit;
	double value;
	const char *currency;
} item_ref;

static void emit(gram_doc *g, rec_list *out, size_t first, int type, const char *donor,
                 const char *recipient, const char *consent_by, const item_ref *it,
                 size_t s0, size_t s1, size_t c0, size_t c1, const date_span *dates, size_t nd)
{
	if (donor && recipient && !strcmp(donor, recipient))
		return;
	if (gram_hostile(g->hostile, donor, recipient))
		return;
	record *r = rec_list_push(out);
	r->doc = xstrdup(g->d->id ? g->d->id : "");
	r->type = (rec_type)type;
	r->donor = donor;
	r->recipient = recipient;
	r->consent_by = rec_is_consent((rec_type)type) ? consent_by : NULL;
	if (it) {
		r->category = it->category;
		r->system = it->system;
		r->item = text_of(g, it->t0, it->t1);
		r->quantity = rec_is_consent((rec_type)type) ? -1 : it->qty;
		r->unit = it->unit;
		r->value = rec_is_consent((rec_type)type) ? -1 : it->value;
		r->currency = it->currency;
	} else {
		r->category = rec_category_intern("weapons");
	}
	set_when(g, r, c0, c1, dates, nd, s0, s1);
	r->evidence = text_of(g, s0, s1);
	r->span[0] = g->tl->v[s0].cp;
	r->span[1] = cp_end(g, s1 - 1);
	if (rec_merge(out, first, r)) {
		record_release(r);
		out->n--;
	}
}

static int is_person_category(const char *c)
{
	return c && (!strcmp(c, "troops") || !strcmp(c, "training"));
}

void gram_sentence(gram_doc *g, size_t t0, size_t t1, const num_span *nums, size_t nn,
                   const date_span *dates, size_t nd, rec_list *out, size_t first)
{
	const tok_list *tl = g->tl;
	find_mentions(g, t0, t1);
	if (!g->nm)
		return;
	/* a question asserts nothing */
	int question = 0;
	for (size_t i = t1; i-- > t0;) {
		const token *t = &tl->v[i];
		if (!(t->flags & TOK_PUNCT))
			break;
		if (!strcmp(tok_fold(tl, t), "?"))
			question = 1;
	}
	int ua = 0;
	for (size_t i = 0; i < g->nm; i++)
		if (g->m[i].kind == M_ACTOR && g->default_recipient && g->m[i].code == g->default_recipient)
			ua = 1;
	/* clauses */
	clause cl[32];
	size_t ncl = 0;
	size_t cm0 = 0, ct0 = t0;
	for (size_t i = 0; i <= g->nm && ncl < 32; i++) {
		int cut = i == g->nm;
		size_t ct1 = t1;
		if (!cut && cue_at(g, i, C_CLAUSE)) {
			cut = 1;
			ct1 = g->m[i].t0;
		}
		if (!cut && i > cm0) {
			/* a semicolon between mentions ends a clause */
			for (size_t t = g->m[i - 1].t1; t < g->m[i].t0; t++)
				if (!strcmp(tok_fold(tl, &tl->v[t]), ";")) {
					cut = 1;
					ct1 = t;
				}
		}
		if (!cut)
			continue;
		if (ct1 <= ct0)
			ct1 = ct0 + 1;
		cl[ncl].m0 = cm0;
		cl[ncl].m1 = i;
		cl[ncl].t0 = ct0;
		cl[ncl].t1 = ct1 > t1 ? t1 : ct1;
		ncl++;
		cm0 = i;
		ct0 = ct1;
	}
	const char *sent_donor[8];
	size_t nsent_donor = 0;
	for (size_t k = 0; k < ncl; k++) {
		clause *c = &cl[k];
		mark_roles(g, c->m0, c->m1);
		int types[4];
		size_t pred = c->t0;
		int ntypes = types_for_clause(g, c, question, ua, types, &pred);
		/* actors of the clause */
		const mention *act[16];
		size_t na = 0;
		for (size_t i = c->m0; i < c->m1 && na < 16; i++)
			if (g->m[i].kind == M_ACTOR && !g->m[i].origin_only)
				act[na++] = &g->m[i];
		if (!ntypes) {
			/* remember who the sentence is about, for "het land", "it" */
			for (size_t i = 0; i < na; i++)
				if (act[i]->code != g->default_recipient && act[i]->role != ROLE_RECIP &&
				    act[i]->sub != ACT_ADJ) {
					g->last_donor[0] = act[i]->code;
					g->nlast = 1;
					break;
				}
			continue;
		}
		int receive = 0, passive_src = 0;
		for (size_t i = c->m0; i < c->m1; i++)
			if (cue_at(g, i, C_RECEIVE))
				receive = 1;
		for (size_t i = 0; i < na; i++)
			if (act[i]->role == ROLE_SOURCE)
				passive_src = 1;
		/* recipient */
		const char *recipient = NULL;
		for (size_t i = 0; i < na && !recipient; i++)
			if (act[i]->role == ROLE_RECIP)
				recipient = act[i]->code;
		if (!recipient && (receive || types[0] == REC_REQUESTED)) {
			/* the subject receives, or asks */
			for (size_t i = 0; i < na && !recipient; i++)
				if (act[i]->role != ROLE_SOURCE && act[i]->code == g->default_recipient)
					recipient = act[i]->code;
			if (!recipient && receive)
				for (size_t i = 0; i < na && !recipient; i++)
					if (act[i]->role != ROLE_SOURCE)
						recipient = act[i]->code;
		}
		if (!recipient)
			for (size_t i = 0; i < na && !recipient; i++)
				if (act[i]->code == g->default_recipient)
					recipient = act[i]->code;
		if (!recipient)
			recipient = g->default_recipient;
		if (!recipient)
			continue;
		/* donors: the source of a passive or receive first, else the first
		 * other actor, with the actors coordinated to it */
		const char *donors[8];
		size_t ndon = 0;
		const mention *lead = NULL;
		for (size_t i = 0; i < na && !lead; i++)
			if (act[i]->role == ROLE_SOURCE && act[i]->code != recipient)
				lead = act[i];
		if (!lead && !(receive && !passive_src))
			for (size_t i = 0; i < na && !lead; i++)
				if (act[i]->role != ROLE_RECIP && act[i]->code != recipient)
					lead = act[i];
		int is_consent = rec_is_consent((rec_type)types[0]);
		const char *consent_by = NULL;
		if (is_consent) {
			/* who approves and who wants to pass on */
			const mention *first_a = NULL, *second_a = NULL, *src = NULL;
			for (size_t i = 0; i < na; i++) {
				if (act[i]->code == recipient)
					continue;
				if (act[i]->role == ROLE_SOURCE && !src)
					src = act[i];
				else if (!first_a)
					first_a = act[i];
				else if (!second_a && act[i]->code != first_a->code)
					second_a = act[i];
			}
			if (types[0] == REC_CONSENT_REQUESTED) {
				if (src) {
					lead = src;
					consent_by = first_a ? first_a->code : NULL;
				} else {
					lead = first_a;
					consent_by = second_a ? second_a->code : NULL;
				}
			} else {
				if (src) {
					consent_by = src->code;
					lead = first_a;
				} else {
					consent_by = first_a ? first_a->code : NULL;
					lead = second_a;
				}
			}
			if (!consent_by)
				continue;
		}
		if (lead) {
			donors[ndon++] = lead->code;
			/* coordinated: "Estland, Letland en Litouwen" */
			size_t li = (size_t)(lead - g->m);
			size_t prev_end = lead->t1;
			for (size_t i = li + 1; i < c->m1 && ndon < 8; i++) {
				const mention *m = &g->m[i];
				int joined = 1;
				for (size_t t = prev_end; t < m->t0; t++) {
					const char *f = tok_fold(tl, &tl->v[t]);
					if (strcmp(f, ","))
						joined = 0;
				}
				if (m->kind == M_CUE && m->sub == C_COORD && joined) {
					prev_end = m->t1;
					continue;
				}
				if (m->kind == M_ACTOR && joined && m->role == lead->role && !m->origin_only) {
					int dup = 0;
					for (size_t d = 0; d < ndon; d++)
						if (donors[d] == m->code)
							dup = 1;
					if (!dup && m->code != recipient && m->code != consent_by)
						donors[ndon++] = m->code;
					prev_end = m->t1;
					continue;
				}
				break;
			}
		} else if (types[0] != REC_REQUESTED && !is_consent) {
			/* no actor: the clause continues the last donor's story */
			if (k > 0 && nsent_donor) {
				for (size_t d = 0; d < nsent_donor; d++)
					donors[ndon++] = sent_donor[d];
			} else {
				for (size_t d = 0; d < g->nlast; d++)
					donors[ndon++] = g->last_donor[d];
			}
		}
		if (!ndon)
			donors[ndon++] = NULL;
		/* items */
		item_ref items[16];
		size_t ni = 0;
		for (size_t i = c->m0; i < c->m1 && ni < 16; i++) {
			const mention *m = &g->m[i];
			if (m->kind != M_ITEM)
				continue;
			if (!m->category || !strcmp(m->category, "-")) {
				continue;
			}
			/* a system and its generic noun are one item: "Patriot missile
			 * battery", "luchtafweertanks van het type Gepard" */
			if (ni > 0) {
				item_ref *p = &items[ni - 1];
				const mention *pm = &g->m[p->mi];
				int coord = 0;
				for (size_t j = p->mi + 1; j < i; j++)
					if (g->m[j].kind == M_CUE && g->m[j].sub == C_COORD)
						coord = 1;
				int comma = 0;
				for (size_t t = pm->t1; t < m->t0; t++)
					if (!strcmp(tok_fold(tl, &tl->v[t]), ","))
						comma = 1;
				if (!coord && m->t0 - pm->t1 <= 4 && (!!m->system != !!p->system) &&
				    !(comma && m->system == NULL)) {
					if (m->system) {
						p->system = m->system;
						p->category = m->category;
					}
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
			size_t tmin = i > c->m0 ? g->m[i - 1].t1 : c->t0;
			if (tmin < c->t0)
				tmin = c->t0;
			const num_span *q = quantity_before(g, m->t0, tmin, nums, nn, &qt, &unit);
			if (q) {
				it->qty = q->value;
				it->unit = unit ? unit : is_person_category(m->category) ? "person" : "item";
				it->t0 = qt;
			}
		}
		/* money: the amount closest to an item */
		for (size_t k2 = 0; k2 < nn && ni; k2++) {
			if (!(nums[k2].flags & NUM_MONEY) || nums[k2].value < 0)
				continue;
			if (nums[k2].start < tl->v[c->t0].start || nums[k2].end > tl->v[c->t1 - 1].end)
				continue;
			size_t best = 0, bd = (size_t)-1;
			for (size_t j = 0; j < ni; j++) {
				const token *a = &tl->v[items[j].t0], *b = &tl->v[items[j].t1 - 1];
				size_t dd = nums[k2].end <= a->start ? a->start - nums[k2].end
				          : nums[k2].start >= b->end ? nums[k2].start - b->end : 0;
				if (dd < bd) {
					bd = dd;
					best = j;
				}
			}
			if (items[best].value < 0) {
				items[best].value = nums[k2].value;
				items[best].currency = NULL;
				/* ISO 4217 codes with static storage, as records require */
				static const char *const curs[] = { "USD", "EUR", "GBP", "CHF", "SEK", "NOK",
					"DKK", "PLN", "JPY", "UAH", "AUD", "CAD", "CZK", "HUF", "RUB", "CNY", NULL };
				for (size_t ci = 0; curs[ci]; ci++)
					if (!strcmp(curs[ci], nums[k2].currency))
						items[best].currency = curs[ci];
			}
		}
		for (int ti = 0; ti < ntypes; ti++) {
			for (size_t d = 0; d < ndon; d++) {
				if (rec_is_consent((rec_type)types[ti])) {
					emit(g, out, first, types[ti], donors[d], recipient, consent_by,
					     ni ? &items[0] : NULL, t0, t1, c->t0, c->t1, dates, nd);
					continue;
				}
				for (size_t j = 0; j < ni; j++)
					emit(g, out, first, types[ti], donors[d], recipient, NULL, &items[j],
					     t0, t1, c->t0, c->t1, dates, nd);
			}
		}
		if (ndon && donors[0] && types[0] != REC_REQUESTED) {
			nsent_donor = 0;
			for (size_t d = 0; d < ndon; d++)
				sent_donor[nsent_donor++] = donors[d];
			for (size_t d = 0; d < ndon; d++)
				g->last_donor[d] = donors[d];
			g->nlast = ndon;
		}
	}
}
