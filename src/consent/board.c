/*
 * board: required consents for stored transfers, and what the news says
 * about each (requested, granted, denied, or nothing known yet).
 *
 * A transfer fact (delivered, committed, offered/considering, requested)
 * with donor and recipient gets a chain (chain.c); every holder before the
 * donor whose rule requires consent, or whom a consent fact names, gives a
 * required consent.  Its status comes from the consent facts of the same
 * donor, consent_by and recipient whose materiel does not contradict the
 * transfer's (different named systems, or different categories when
 * neither names one): the latest grant or denial decides (a denial wins a
 * tie, since a refusal is the safer reading), else a request makes it
 * requested.  Consent facts used by no required consent are the
 * board's "unmatched" list: news of consents for transfers not stored.
 */
#include "consent.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../base/json.h"

const char *const consent_status_names[] = { "unknown", "requested", "granted", "denied" };

/* ---- facts ------------------------------------------------------------- */

static int keep_fact(void *ctx, const fact *f)
{
	consent_facts *fs = ctx;
	fs->v = xrealloc(fs->v, (fs->n + 1) * sizeof *fs->v);
	consent_fact *c = &fs->v[fs->n++];
	memset(c, 0, sizeof *c);
	fact_copy(&c->f, f);
	return 0;
}

int consent_facts_load(store *s, consent_facts *fs, sl_err *e)
{
	fs->v = NULL;
	fs->n = 0;
	return s->ops->each_fact(s, NULL, keep_fact, fs, e);
}

int consent_facts_sources(store *s, consent_facts *fs, size_t i, sl_err *e)
{
	consent_fact *c = &fs->v[i];
	if (c->have_src)
		return SL_OK;
	c->have_src = 1;
	return store_fact_sources(s, c->f.id, &c->src, &c->nsrc, e);
}

void consent_facts_release(consent_facts *fs)
{
	for (size_t i = 0; i < fs->n; i++) {
		consent_fact *c = &fs->v[i];
		fact_release(&c->f);
		fact_sources_free(c->src, c->nsrc);
	}
	free(fs->v);
	fs->v = NULL;
	fs->n = 0;
}

const char *consent_fact_date(const fact *f)
{
	size_t n = strlen(f->when);
	if (!n)
		return f->first_report;
	/* a report day inside the event's month or year says more */
	if (strlen(f->first_report) > n && !strncmp(f->first_report, f->when, n))
		return f->first_report;
	return f->when;
}

/* ---- entries ----------------------------------------------------------- */

static int same(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

static int differ(const char *a, const char *b)
{
	return a && b && strcmp(a, b);
}

static int is_consent(const fact *f)
{
	return !strncmp(f->type, "consent_", 8);
}

/* The consent fact speaks of this transfer's consent by state. */
static int matches(const fact *f, const consent_transfer *t, const char *state)
{
	if (!is_consent(f) || !same(f->donor, t->donor) || !same(f->recipient, t->recipient) ||
	    !same(f->consent_by, state))
		return 0;
	if (differ(f->system, t->system))
		return 0;
	if (!f->system || !t->system)
		if (differ(f->category, t->category))
			return 0;
	return 1;
}

static const consent_facts *sort_fs;

static int by_date(const void *a, const void *b)
{
	const fact *x = &sort_fs->v[*(const size_t *)a].f;
	const fact *y = &sort_fs->v[*(const size_t *)b].f;
	int c = strcmp(consent_fact_date(x), consent_fact_date(y));
	if (c)
		return c;
	return x->id < y->id ? -1 : x->id > y->id;
}

static void settle(consent_req *r, const consent_facts *fs)
{
	r->status = ST_UNKNOWN;
	r->status_date = "";
	if (!r->nfacts)
		return;
	sort_fs = fs;
	qsort(r->facts, r->nfacts, sizeof *r->facts, by_date);
	int decided = 0;
	for (size_t k = 0; k < r->nfacts; k++) {
		const fact *f = &fs->v[r->facts[k]].f;
		const char *d = consent_fact_date(f);
		consent_status st = !strcmp(f->type, "consent_granted") ? ST_GRANTED
		                  : !strcmp(f->type, "consent_denied") ? ST_DENIED : ST_REQUESTED;
		if (st == ST_REQUESTED) {
			if (!decided && r->status == ST_UNKNOWN) {
				r->status = ST_REQUESTED;
				r->status_date = d;
			}
			continue;
		}
		/* later decisions override; on the same date a denial stays */
		if (decided && st == ST_GRANTED && r->status == ST_DENIED && !strcmp(d, r->status_date))
			continue;
		r->status = st;
		r->status_date = d;
		decided = 1;
	}
}

void consent_entry_build(const consent_ctx *c, const consent_facts *fs,
                         const consent_transfer *t, size_t fact_i, consent_entry *out)
{
	memset(out, 0, sizeof *out);
	out->t = *t;
	out->fact = fact_i;
	const consent_system *sys = consent_systems_find(&c->systems, t->system);
	out->category = t->category ? t->category : sys ? sys->category : NULL;
	out->t.category = out->category;
	consent_chain_build(c, fs, &out->t, fact_i, &out->chain);
	for (size_t i = 0; i + 1 < out->chain.n; i++) {
		const consent_holder *h = &out->chain.v[i];
		const consent_rule *rule = consent_rules_find(&c->rules, h->code, out->category,
		                                              t->recipient, t->date);
		if (rule && rule->need == CONSENT_NO)
			rule = NULL;
		if (!rule && h->kind != LINK_CONSENT)
			continue;
		out->req = xrealloc(out->req, (out->nreq + 1) * sizeof *out->req);
		consent_req *r = &out->req[out->nreq++];
		memset(r, 0, sizeof *r);
		snprintf(r->state, sizeof r->state, "%s", h->code);
		r->rule = rule;
		r->link = i;
		for (size_t k = 0; fs && k < fs->n; k++)
			if (matches(&fs->v[k].f, &out->t, h->code)) {
				r->facts = xrealloc(r->facts, (r->nfacts + 1) * sizeof *r->facts);
				r->facts[r->nfacts++] = k;
			}
		settle(r, fs);
	}
}

void consent_entry_release(consent_entry *en)
{
	for (size_t i = 0; i < en->nreq; i++)
		free(en->req[i].facts);
	free(en->req);
	consent_chain_release(&en->chain);
	memset(en, 0, sizeof *en);
}

/* ---- the board --------------------------------------------------------- */

static int transfer_type(const char *type)
{
	return !strcmp(type, "delivered") || !strcmp(type, "committed") ||
	       !strcmp(type, "offered") || !strcmp(type, "considering") ||
	       !strcmp(type, "requested");
}

static int passes(const fact *f, const consent_filter *flt, const char *since_lo,
                  const char *until_hi)
{
	if (!flt)
		return 1;
	if (flt->donor && !same(f->donor, flt->donor))
		return 0;
	if (flt->recipient && !same(f->recipient, flt->recipient))
		return 0;
	if (since_lo && (!f->date_hi[0] || strcmp(f->date_hi, since_lo) < 0))
		return 0;
	if (until_hi && (!f->date_lo[0] || strcmp(f->date_lo, until_hi) > 0))
		return 0;
	return 1;
}

int consent_board_build(const consent_ctx *c, const consent_facts *fs,
                        const consent_filter *flt, consent_board *b, sl_err *e)
{
	char slo[11], shi[11], ulo[11], uhi[11];
	memset(b, 0, sizeof *b);
	if (flt && flt->since && !store_date_range(flt->since, slo, shi)) {
		sl_err_set(e, "--since wants YYYY[-MM[-DD]], not '%s'", flt->since);
		return SL_EARG;
	}
	if (flt && flt->until && !store_date_range(flt->until, ulo, uhi)) {
		sl_err_set(e, "--until wants YYYY[-MM[-DD]], not '%s'", flt->until);
		return SL_EARG;
	}
	const char *since_lo = flt && flt->since ? slo : NULL;
	const char *until_hi = flt && flt->until ? uhi : NULL;
	unsigned char *used = xcalloc(fs->n ? fs->n : 1, 1);
	for (size_t i = 0; i < fs->n; i++) {
		const fact *f = &fs->v[i].f;
		if (!transfer_type(f->type) || !f->donor || !f->recipient ||
		    !strcmp(f->donor, f->recipient) || !passes(f, flt, since_lo, until_hi))
			continue;
		consent_transfer t = { f->donor, f->recipient, f->system, f->category, "" };
		snprintf(t.date, sizeof t.date, "%s", consent_fact_date(f));
		consent_entry en;
		consent_entry_build(c, fs, &t, i, &en);
		if (!en.nreq) {
			consent_entry_release(&en);
			continue;
		}
		for (size_t k = 0; k < en.nreq; k++)
			for (size_t j = 0; j < en.req[k].nfacts; j++)
				used[en.req[k].facts[j]] = 1;
		b->v = xrealloc(b->v, (b->n + 1) * sizeof *b->v);
		b->v[b->n++] = en;
	}
	for (size_t i = 0; i < fs->n; i++) {
		const fact *f = &fs->v[i].f;
		if (!is_consent(f) || used[i] || !passes(f, flt, since_lo, until_hi))
			continue;
		b->unmatched = xrealloc(b->unmatched, (b->nunmatched + 1) * sizeof *b->unmatched);
		b->unmatched[b->nunmatched++] = i;
	}
	free(used);
	return SL_OK;
}

void consent_board_release(consent_board *b)
{
	for (size_t i = 0; i < b->n; i++)
		consent_entry_release(&b->v[i]);
	free(b->v);
	free(b->unmatched);
	memset(b, 0, sizeof *b);
}

/* ---- CSV --------------------------------------------------------------- */

void consent_csv_header(buf *b)
{
	buf_adds(b, "row,transfer_fact,measure,donor,recipient,system,category,date,"
	            "consent_by,needs,status,status_date,consent_facts,basis,rule,link,"
	            "chain,sources\r\n");
}

static void field(buf *b, const char *s)
{
	facts_csv_field(b, s ? s : "");
	buf_addc(b, ',');
}

static void fact_ref(buf *b, const fact *f)
{
	buf_addf(b, "%lld:%s:%s", (long long)f->id, f->type,
	         consent_fact_date(f)[0] ? consent_fact_date(f) : "undated");
}

/* The sources of facts idx[0..n): URL, else document id, space-separated. */
static void sources_cell(buf *b, const consent_facts *fs, const size_t *idx, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const consent_fact *c = &fs->v[idx[i]];
		for (size_t j = 0; j < c->nsrc; j++) {
			if (k++)
				buf_addc(b, ' ');
			buf_adds(b, c->src[j].url ? c->src[j].url : c->src[j].doc);
		}
	}
}

void consent_csv_entry(buf *b, const consent_ctx *c, const consent_facts *fs,
                       const consent_entry *en)
{
	buf t = BUF_INIT;
	for (size_t k = 0; k < en->nreq; k++) {
		const consent_req *r = &en->req[k];
		field(b, "required");
		buf_reset(&t);
		if (en->fact != SIZE_MAX)
			buf_addf(&t, "%lld", (long long)fs->v[en->fact].f.id);
		field(b, t.p);
		field(b, en->fact != SIZE_MAX ? fs->v[en->fact].f.type : "query");
		field(b, en->t.donor);
		field(b, en->t.recipient);
		field(b, en->t.system);
		field(b, en->category);
		field(b, en->t.date);
		field(b, r->state);
		field(b, r->rule ? consent_need_name(r->rule->need) : "news");
		field(b, consent_status_names[r->status]);
		field(b, r->status_date);
		buf_reset(&t);
		for (size_t j = 0; j < r->nfacts; j++) {
			if (j)
				buf_addc(&t, '|');
			fact_ref(&t, &fs->v[r->facts[j]].f);
		}
		field(b, t.p);
		field(b, r->rule ? r->rule->basis : "named in the news; no rule in the rules file");
		buf_reset(&t);
		if (r->rule)
			buf_addf(&t, "%s:%zu", c->rules.path, r->rule->line);
		field(b, t.p);
		buf_reset(&t);
		consent_link_text(&t, c, fs, &en->chain, r->link);
		field(b, t.p);
		buf_reset(&t);
		consent_chain_text(&t, &en->chain);
		field(b, t.p);
		buf_reset(&t);
		if (fs)
			sources_cell(&t, fs, r->facts, r->nfacts);
		facts_csv_field(b, t.p);
		buf_adds(b, "\r\n");
	}
	buf_release(&t);
}

void consent_csv_unmatched(buf *b, const consent_facts *fs, size_t i)
{
	const fact *f = &fs->v[i].f;
	buf t = BUF_INIT;
	field(b, "unmatched");
	field(b, "");
	field(b, "");
	field(b, f->donor);
	field(b, f->recipient);
	field(b, f->system);
	field(b, f->category);
	field(b, consent_fact_date(f));
	field(b, f->consent_by);
	field(b, "");
	field(b, f->type + 8);
	field(b, consent_fact_date(f));
	fact_ref(&t, f);
	field(b, t.p);
	field(b, "");
	field(b, "");
	field(b, "");
	field(b, "");
	buf_reset(&t);
	sources_cell(&t, fs, &i, 1);
	facts_csv_field(b, t.p);
	buf_adds(b, "\r\n");
	buf_release(&t);
}

/* ---- JSON -------------------------------------------------------------- */

static void key(buf *b, const char *k)
{
	json_cstr(b, k);
	buf_adds(b, ": ");
}

static void kv(buf *b, const char *k, const char *v, int comma)
{
	key(b, k);
	json_cstr(b, v && *v ? v : NULL);
	if (comma)
		buf_adds(b, ", ");
}

static void json_fact(buf *b, const consent_facts *fs, size_t i)
{
	const consent_fact *c = &fs->v[i];
	buf_addf(b, "{\"fact_id\": %lld, ", (long long)c->f.id);
	kv(b, "type", c->f.type, 1);
	kv(b, "date", consent_fact_date(&c->f), 1);
	buf_addf(b, "\"n_sources\": %d, \"sources\": [", c->f.n_sources);
	for (size_t j = 0; j < c->nsrc; j++) {
		const fact_source *s = &c->src[j];
		if (j)
			buf_adds(b, ", ");
		buf_addc(b, '{');
		kv(b, "doc", s->doc, 1);
		kv(b, "url", s->url, 1);
		kv(b, "date", s->date, 1);
		kv(b, "evidence", s->evidence, 0);
		buf_addc(b, '}');
	}
	buf_adds(b, "]}");
}

void consent_json_entry(buf *b, const consent_ctx *c, const consent_facts *fs,
                        const consent_entry *en)
{
	buf t = BUF_INIT;
	buf_adds(b, "{\"kind\": \"transfer\", ");
	key(b, "fact_id");
	if (en->fact != SIZE_MAX)
		buf_addf(b, "%lld, ", (long long)fs->v[en->fact].f.id);
	else
		buf_adds(b, "null, ");
	kv(b, "measure", en->fact != SIZE_MAX ? fs->v[en->fact].f.type : "query", 1);
	kv(b, "donor", en->t.donor, 1);
	kv(b, "recipient", en->t.recipient, 1);
	kv(b, "system", en->t.system, 1);
	kv(b, "category", en->category, 1);
	kv(b, "date", en->t.date, 1);
	buf_adds(b, "\"chain\": [");
	for (size_t i = 0; i < en->chain.n; i++) {
		if (i)
			buf_adds(b, ", ");
		buf_addc(b, '{');
		kv(b, "state", en->chain.v[i].code, 1);
		kv(b, "link", consent_link_names[en->chain.v[i].kind], 1);
		buf_reset(&t);
		consent_link_text(&t, c, fs, &en->chain, i);
		kv(b, "source", t.p, 0);
		buf_addc(b, '}');
	}
	buf_adds(b, "], \"consents\": [");
	for (size_t k = 0; k < en->nreq; k++) {
		const consent_req *r = &en->req[k];
		if (k)
			buf_adds(b, ", ");
		buf_addc(b, '{');
		kv(b, "consent_by", r->state, 1);
		kv(b, "needs", r->rule ? consent_need_name(r->rule->need) : "news", 1);
		kv(b, "basis", r->rule ? r->rule->basis : NULL, 1);
		buf_reset(&t);
		if (r->rule)
			buf_addf(&t, "%s:%zu", c->rules.path, r->rule->line);
		kv(b, "rule", t.p, 1);
		kv(b, "rule_note", r->rule ? r->rule->note : NULL, 1);
		buf_adds(b, "\"link\": {");
		kv(b, "from", r->state, 1);
		kv(b, "to", en->chain.v[r->link + 1].code, 1);
		kv(b, "kind", consent_link_names[en->chain.v[r->link].kind], 1);
		buf_reset(&t);
		consent_link_text(&t, c, fs, &en->chain, r->link);
		kv(b, "source", t.p, 0);
		buf_adds(b, "}, ");
		kv(b, "status", consent_status_names[r->status], 1);
		kv(b, "status_date", r->status_date, 1);
		buf_adds(b, "\"facts\": [");
		for (size_t j = 0; j < r->nfacts; j++) {
			if (j)
				buf_adds(b, ", ");
			json_fact(b, fs, r->facts[j]);
		}
		buf_adds(b, "]}");
	}
	buf_adds(b, "]}");
	buf_release(&t);
}

void consent_json_unmatched(buf *b, const consent_facts *fs, size_t i)
{
	const fact *f = &fs->v[i].f;
	buf_adds(b, "{\"kind\": \"unmatched\", ");
	kv(b, "donor", f->donor, 1);
	kv(b, "consent_by", f->consent_by, 1);
	kv(b, "recipient", f->recipient, 1);
	kv(b, "system", f->system, 1);
	kv(b, "category", f->category, 1);
	kv(b, "status", f->type + 8, 1);
	key(b, "fact");
	json_fact(b, fs, i);
	buf_addc(b, '}');
}
