/*
 * chain: the provenance of a transfer, as the holders the materiel went
 * through before the donor passes it on.
 *
 * The chain starts as the donor alone and grows backwards, each holder
 * remembering the evidence that put it there:
 *   1. the catalogue's country of origin of the system, as the oldest
 *      holder (where a state is both maker and later holder, the
 *      catalogue is the firmer evidence);
 *   2. the user's known chains (data/chains.tsv) for the system, or for
 *      the category when no system is named, up to the donor;
 *   3. earlier delivered facts of the same named system to a holder
 *      (A delivered to B before the transfer: A held it before B),
 *      repeated so that A's own supplier is found too;
 *   4. consent facts for the same donor, recipient and materiel, dated
 *      within CONSENT_NEAR_DAYS of the transfer: the news names a state
 *      whose consent is asked, so it is put before the donor even when no
 *      rule or chain knows it.
 * A state appears once; the recipient never counts as an earlier holder.
 */
#include "consent.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const consent_link_names[] = { "donor", "origin", "chain", "fact", "consent" };

static long find(const consent_chain *ch, const char *code)
{
	for (size_t i = 0; i < ch->n; i++)
		if (!strcmp(ch->v[i].code, code))
			return (long)i;
	return -1;
}

/* Inserts h before position pos (0 = new oldest holder). */
static void insert(consent_chain *ch, size_t pos, const consent_holder *h)
{
	ch->v = xrealloc(ch->v, (ch->n + 1) * sizeof *ch->v);
	memmove(&ch->v[pos + 1], &ch->v[pos], (ch->n - pos) * sizeof *ch->v);
	ch->v[pos] = *h;
	ch->n++;
}

static consent_holder holder(const char *code, consent_link_kind kind)
{
	consent_holder h;
	memset(&h, 0, sizeof h);
	snprintf(h.code, sizeof h.code, "%s", code);
	h.kind = kind;
	h.fact = (size_t)-1;
	return h;
}

static int same(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

/* Whether the fact's date range starts no later than the transfer's ends
 * (unknown dates on either side do not exclude). */
static int not_after(const fact *f, const consent_transfer *t)
{
	char lo[11], hi[11];
	if (!f->date_lo[0] || !t->date[0] || !store_date_range(t->date, lo, hi))
		return 1;
	return strcmp(f->date_lo, hi) <= 0;
}

static int usable(const consent_transfer *t, const char *code)
{
	return !same(code, t->recipient);
}

static void from_known_chains(const consent_ctx *c, const consent_transfer *t,
                              consent_chain *ch)
{
	const char *key = t->system ? t->system : t->category;
	if (!key)
		return;
	for (size_t i = 0; i < c->chains.n; i++) {
		const consent_chain_line *l = &c->chains.v[i];
		if (strcmp(l->materiel, key))
			continue;
		size_t k = 0;
		while (k < l->n && strcmp(l->holders[k], t->donor))
			k++;
		if (k == l->n)
			continue;
		/* holders[0..k-1] go before holders[k], in their order */
		for (size_t j = k; j-- > 0;) {
			if (find(ch, l->holders[j]) >= 0 || !usable(t, l->holders[j]))
				continue;
			long next = find(ch, l->holders[j + 1]);
			consent_holder h = holder(l->holders[j], LINK_CHAIN);
			h.cline = l;
			insert(ch, next >= 0 ? (size_t)next : 0, &h);
		}
	}
}

static void from_deliveries(const consent_facts *fs, const consent_transfer *t,
                            size_t skip, consent_chain *ch)
{
	if (!t->system)
		return;
	for (int round = 0, changed = 1; changed && round < 8; round++) {
		changed = 0;
		for (size_t i = 0; i < fs->n; i++) {
			const fact *f = &fs->v[i].f;
			if (i == skip || strcmp(f->type, "delivered") || !f->donor || !f->recipient ||
			    !same(f->system, t->system) || !not_after(f, t))
				continue;
			long at = find(ch, f->recipient);
			if (at < 0 || find(ch, f->donor) >= 0 || !usable(t, f->donor))
				continue;
			consent_holder h = holder(f->donor, LINK_FACT);
			h.fact = i;
			insert(ch, (size_t)at, &h);
			changed = 1;
		}
	}
}

static int consent_type(const char *type)
{
	return !strncmp(type, "consent_", 8);
}

/* A consent fact names the transfer's materiel: the same system, or, with
 * no system on either side, the same category. */
static int names_materiel(const fact *f, const consent_transfer *t)
{
	if (t->system || f->system)
		return same(f->system, t->system);
	return same(f->category, t->category);
}

/* A consent fact speaks of this transfer only when it is near it in time
 * (a request before, a decision after); unknown dates do not exclude. */
static int near(const fact *f, const consent_transfer *t)
{
	char lo[11], hi[11];
	if (!f->date_lo[0] || !f->date_hi[0] || !t->date[0] || !store_date_range(t->date, lo, hi))
		return 1;
	return store_days(f->date_lo) <= store_days(hi) + CONSENT_NEAR_DAYS &&
	       store_days(lo) <= store_days(f->date_hi) + CONSENT_NEAR_DAYS;
}

static void from_consent_facts(const consent_facts *fs, const consent_transfer *t,
                               consent_chain *ch)
{
	for (size_t i = 0; i < fs->n; i++) {
		const fact *f = &fs->v[i].f;
		if (!consent_type(f->type) || !f->consent_by || !same(f->donor, t->donor) ||
		    !same(f->recipient, t->recipient) || !names_materiel(f, t) || !near(f, t))
			continue;
		if (find(ch, f->consent_by) >= 0 || !usable(t, f->consent_by))
			continue;
		consent_holder h = holder(f->consent_by, LINK_CONSENT);
		h.fact = i;
		insert(ch, (size_t)find(ch, t->donor), &h);
	}
}

void consent_chain_build(const consent_ctx *c, const consent_facts *fs,
                         const consent_transfer *t, size_t skip, consent_chain *out)
{
	out->v = NULL;
	out->n = 0;
	consent_holder d = holder(t->donor, LINK_DONOR);
	insert(out, 0, &d);
	const consent_system *sys = consent_systems_find(&c->systems, t->system);
	if (sys && strcmp(sys->origin, t->donor) && usable(t, sys->origin)) {
		consent_holder h = holder(sys->origin, LINK_ORIGIN);
		h.sys = sys;
		insert(out, 0, &h);
	}
	from_known_chains(c, t, out);
	if (fs) {
		from_deliveries(fs, t, skip, out);
		from_consent_facts(fs, t, out);
	}
}

void consent_chain_release(consent_chain *ch)
{
	free(ch->v);
	ch->v = NULL;
	ch->n = 0;
}

void consent_chain_text(buf *b, const consent_chain *ch)
{
	for (size_t i = 0; i < ch->n; i++) {
		if (i)
			buf_adds(b, " > ");
		buf_adds(b, ch->v[i].code);
		if (ch->v[i].kind != LINK_DONOR)
			buf_addf(b, " (%s)", consent_link_names[ch->v[i].kind]);
	}
}

void consent_link_text(buf *b, const consent_ctx *c, const consent_facts *fs,
                       const consent_chain *ch, size_t i)
{
	const consent_holder *h = &ch->v[i];
	const char *next = i + 1 < ch->n ? ch->v[i + 1].code : "";
	switch (h->kind) {
	case LINK_DONOR:
		buf_adds(b, "the donor");
		break;
	case LINK_ORIGIN:
		buf_addf(b, "%s:%zu: %s is of %s origin", c->systems.path, h->sys->line,
		         h->sys->name, h->code);
		break;
	case LINK_CHAIN:
		buf_addf(b, "%s:%zu: %s", c->chains.path, h->cline->line, h->cline->note);
		break;
	case LINK_FACT: {
		const fact *f = &fs->v[h->fact].f;
		buf_addf(b, "fact %lld: delivered %s>%s %s %s (%d source%s)", (long long)f->id,
		         f->donor, next, f->system ? f->system : "",
		         consent_fact_date(f)[0] ? consent_fact_date(f) : "undated",
		         f->n_sources, f->n_sources == 1 ? "" : "s");
		break;
	}
	case LINK_CONSENT: {
		const fact *f = &fs->v[h->fact].f;
		buf_addf(b, "fact %lld: %s of %s by %s named in the news", (long long)f->id,
		         f->type, f->donor, h->code);
		break;
	}
	}
}
