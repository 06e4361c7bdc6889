/*
 * rules: reading the consent knowledge under data/ (consent rules, the
 * system catalogue's origins, known chains of holders) and answering
 * "does state X's consent cover this materiel, towards this recipient, on
 * this date?".  The answer is data: a wrong or missing rule is fixed by
 * editing data/consent_rules.tsv, never this file.
 */
#include "consent.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../base/tsv.h"
#include "../extract/record.h"

/* Categories a consent rule can cover: materiel.  Money, training,
 * troops and medical aid are not re-exported materiel. */
static const char *const war_material[] = {
	"small-arms", "anti-tank", "air-defence", "artillery", "ammunition",
	"armoured-vehicle", "aircraft", "drone", "naval", "missile", "weapons", NULL
};
static const char *const other_material[] = { "equipment", "vehicle", NULL };

static int in_list(const char *const *l, const char *s)
{
	for (; *l; l++)
		if (!strcmp(*l, s))
			return 1;
	return 0;
}

/* Whether s appears in the "|"-separated list. */
static int in_bar_list(const char *list, const char *s)
{
	size_t n = strlen(s);
	for (const char *p = list; *p;) {
		const char *q = strchr(p, '|');
		size_t k = q ? (size_t)(q - p) : strlen(p);
		if (k == n && !memcmp(p, s, n))
			return 1;
		if (!q)
			break;
		p = q + 1;
	}
	return 0;
}

int consent_scope_covers(const char *scope, const char *category)
{
	if (!strcmp(scope, "all"))
		return !category || in_list(war_material, category) ||
		       in_list(other_material, category);
	if (!category)
		return 0;
	if (!strcmp(scope, "war_material"))
		return in_list(war_material, category);
	return in_bar_list(scope, category);
}

const char *consent_need_name(consent_need n)
{
	return n == CONSENT_BAN ? "ban" : n == CONSENT_YES ? "yes" : "no";
}

static int is_code(const char *s)
{
	size_t n = strlen(s);
	if (n < 2 || n > 8)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!(s[i] >= 'A' && s[i] <= 'Z'))
			return 0;
	return 1;
}

/* Whether the "|"-separated list s has items, and ok takes each of
 * them (as a string of its own). */
static int bar_list_all(const char *s, int (*ok)(const char *item))
{
	if (!*s)
		return 0;
	buf b = BUF_INIT;
	int all = 1;
	for (const char *p = s;;) {
		const char *q = strchr(p, '|');
		size_t k = q ? (size_t)(q - p) : strlen(p);
		buf_reset(&b);
		buf_add(&b, p, k);
		if (!ok(b.p))
			all = 0;
		if (!q)
			break;
		p = q + 1;
	}
	buf_release(&b);
	return all;
}

static int is_category(const char *s)
{
	return rec_category_intern(s) != NULL;
}

static int scope_ok(const char *s)
{
	return !strcmp(s, "all") || !strcmp(s, "war_material") || bar_list_all(s, is_category);
}

/* "-" is open; else a date store_date_range accepts. */
static int date_field(const char *s, char out[11])
{
	char lo[11], hi[11];
	out[0] = '\0';
	if (!strcmp(s, "-"))
		return 1;
	if (strlen(s) > 10 || !store_date_range(s, lo, hi))
		return 0;
	memcpy(out, s, strlen(s) + 1);
	return 1;
}

typedef struct load_ctx {
	const char *path;
	void *dst;
} load_ctx;

/* Reads path's lines into dst with fn; *dst_path keeps the first file
 * read, which later ones add to. */
static int load(void *dst, char **dst_path, const char *path, size_t ncols, tsv_fn fn,
                sl_err *e)
{
	load_ctx lc = { path, dst };
	if (!*dst_path)
		*dst_path = xstrdup(path);
	return tsv_each(path, ncols, fn, &lc, e);
}

static int rule_line(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	load_ctx *lc = ctx;
	consent_rules *r = lc->dst;
	consent_rule x;
	memset(&x, 0, sizeof x);
	if (!is_code(f[0])) {
		sl_err_set(e, "%s:%zu: state '%s' is not an ISO code", lc->path, line, f[0]);
		return SL_EFORMAT;
	}
	if (!scope_ok(f[1])) {
		sl_err_set(e, "%s:%zu: scope '%s' is not all, war_material or a list of categories",
		           lc->path, line, f[1]);
		return SL_EFORMAT;
	}
	if (strcmp(f[2], "*") && !bar_list_all(f[2], is_code)) {
		sl_err_set(e, "%s:%zu: recipients '%s' is not * or a list of codes", lc->path, line, f[2]);
		return SL_EFORMAT;
	}
	if (!strcmp(f[3], "yes"))
		x.need = CONSENT_YES;
	else if (!strcmp(f[3], "no"))
		x.need = CONSENT_NO;
	else if (!strcmp(f[3], "ban"))
		x.need = CONSENT_BAN;
	else {
		sl_err_set(e, "%s:%zu: needs_consent '%s' is not yes, no or ban", lc->path, line, f[3]);
		return SL_EFORMAT;
	}
	if (!*f[4] || !strcmp(f[4], "-")) {
		sl_err_set(e, "%s:%zu: a rule needs its legal basis", lc->path, line);
		return SL_EFORMAT;
	}
	if (!date_field(f[5], x.from) || !date_field(f[6], x.to)) {
		sl_err_set(e, "%s:%zu: valid_from/valid_to want YYYY[-MM[-DD]] or -, not '%s' / '%s'",
		           lc->path, line, f[5], f[6]);
		return SL_EFORMAT;
	}
	if (x.from[0] && x.to[0]) {
		char a[11], b[11], c[11], d[11];
		store_date_range(x.from, a, b);
		store_date_range(x.to, c, d);
		if (strcmp(a, d) > 0) {
			sl_err_set(e, "%s:%zu: valid_from %s is after valid_to %s", lc->path, line,
			           x.from, x.to);
			return SL_EFORMAT;
		}
	}
	if (!*f[7]) {
		sl_err_set(e, "%s:%zu: a rule needs a source note", lc->path, line);
		return SL_EFORMAT;
	}
	x.state = xstrdup(f[0]);
	x.scope = xstrdup(f[1]);
	x.recipients = xstrdup(f[2]);
	x.basis = xstrdup(f[4]);
	x.note = xstrdup(f[7]);
	x.line = line;
	r->v = xrealloc(r->v, (r->n + 1) * sizeof *r->v);
	r->v[r->n++] = x;
	return SL_OK;
}

int consent_rules_load(consent_rules *r, const char *path, sl_err *e)
{
	return load(r, &r->path, path, 8, rule_line, e);
}

void consent_rules_release(consent_rules *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].state);
		free(r->v[i].scope);
		free(r->v[i].recipients);
		free(r->v[i].basis);
		free(r->v[i].note);
	}
	free(r->v);
	free(r->path);
	memset(r, 0, sizeof *r);
}

/* Whether rule x's validity overlaps the days [lo, hi]; lo NULL = the
 * date is unknown, which only open-ended rules cover. */
static int valid_at(const consent_rule *x, const char *lo, const char *hi)
{
	char a[11], b[11];
	if (!lo)
		return !x->to[0];
	if (x->from[0]) {
		store_date_range(x->from, a, b);
		if (strcmp(hi, a) < 0)
			return 0;
	}
	if (x->to[0]) {
		store_date_range(x->to, a, b);
		if (strcmp(lo, b) > 0)
			return 0;
	}
	return 1;
}

const consent_rule *consent_rules_find(const consent_rules *r, const char *state,
                                       const char *category, const char *recipient,
                                       const char *date)
{
	char lo[11], hi[11];
	int dated = date && *date && store_date_range(date, lo, hi);
	const consent_rule *best = NULL;
	int best_score = -1;
	for (size_t i = 0; i < r->n; i++) {
		const consent_rule *x = &r->v[i];
		if (strcmp(x->state, state) || !consent_scope_covers(x->scope, category))
			continue;
		int listed = strcmp(x->recipients, "*") != 0;
		if (listed && (!recipient || !in_bar_list(x->recipients, recipient)))
			continue;
		if (!valid_at(x, dated ? lo : NULL, dated ? hi : NULL))
			continue;
		int spec = !strcmp(x->scope, "all") ? 0 : !strcmp(x->scope, "war_material") ? 1 : 2;
		int strength = x->need == CONSENT_BAN ? 2 : x->need == CONSENT_YES ? 1 : 0;
		int score = (spec * 2 + listed) * 3 + strength;
		if (score > best_score) {
			best = x;
			best_score = score;
		}
	}
	return best;
}

/* ---- systems ----------------------------------------------------------- */

static int system_line(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	load_ctx *lc = ctx;
	consent_systems *s = lc->dst;
	if (!*f[0] || !rec_category_intern(f[1]) || !is_code(f[2])) {
		sl_err_set(e, "%s:%zu: want name, category, origin code, aliases", lc->path, line);
		return SL_EFORMAT;
	}
	s->v = xrealloc(s->v, (s->n + 1) * sizeof *s->v);
	consent_system *x = &s->v[s->n++];
	x->name = xstrdup(f[0]);
	x->category = xstrdup(f[1]);
	x->origin = xstrdup(f[2]);
	x->line = line;
	return SL_OK;
}

int consent_systems_load(consent_systems *s, const char *path, sl_err *e)
{
	return load(s, &s->path, path, 4, system_line, e);
}

void consent_systems_release(consent_systems *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].name);
		free(s->v[i].category);
		free(s->v[i].origin);
	}
	free(s->v);
	free(s->path);
	memset(s, 0, sizeof *s);
}

const consent_system *consent_systems_find(const consent_systems *s, const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->v[i].name, name))
			return &s->v[i];
	return NULL;
}

/* ---- chains ------------------------------------------------------------ */

static void chain_line_free(consent_chain_line *x)
{
	for (size_t i = 0; i < x->n; i++)
		free(x->holders[i]);
	free(x->holders);
	free(x->materiel);
	free(x->note);
}

static int chain_line(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	load_ctx *lc = ctx;
	consent_chains *c = lc->dst;
	consent_chain_line x;
	memset(&x, 0, sizeof x);
	if (!*f[0]) {
		sl_err_set(e, "%s:%zu: materiel (a system or a category) is empty", lc->path, line);
		return SL_EFORMAT;
	}
	/* holders: codes separated by '>', spaces around them allowed */
	buf b = BUF_INIT;
	for (const char *p = f[1];;) {
		const char *q = strchr(p, '>');
		size_t k = q ? (size_t)(q - p) : strlen(p);
		while (k && *p == ' ')
			p++, k--;
		while (k && p[k - 1] == ' ')
			k--;
		buf_reset(&b);
		buf_add(&b, p, k);
		if (!is_code(b.p) || b.len >= sizeof ((consent_holder *)0)->code) {
			sl_err_set(e, "%s:%zu: holder '%s' is not an ISO code (holders are codes "
			           "separated by '>')", lc->path, line, b.p);
			buf_release(&b);
			chain_line_free(&x);
			return SL_EFORMAT;
		}
		x.holders = xrealloc(x.holders, (x.n + 1) * sizeof *x.holders);
		x.holders[x.n++] = xstrdup(b.p);
		if (!q)
			break;
		p = q + 1;
	}
	buf_release(&b);
	if (x.n < 2) {
		sl_err_set(e, "%s:%zu: a chain needs at least two holders", lc->path, line);
		chain_line_free(&x);
		return SL_EFORMAT;
	}
	if (!*f[2]) {
		sl_err_set(e, "%s:%zu: a chain needs a note saying how it is known", lc->path, line);
		chain_line_free(&x);
		return SL_EFORMAT;
	}
	x.materiel = xstrdup(f[0]);
	x.note = xstrdup(f[2]);
	x.line = line;
	c->v = xrealloc(c->v, (c->n + 1) * sizeof *c->v);
	c->v[c->n++] = x;
	return SL_OK;
}

int consent_chains_load(consent_chains *c, const char *path, sl_err *e)
{
	return load(c, &c->path, path, 3, chain_line, e);
}

void consent_chains_release(consent_chains *c)
{
	for (size_t i = 0; i < c->n; i++)
		chain_line_free(&c->v[i]);
	free(c->v);
	free(c->path);
	memset(c, 0, sizeof *c);
}

/* ---- all of it --------------------------------------------------------- */

int consent_ctx_load(consent_ctx *c, const char *datadir, const char *chains_path,
                     sl_err *e)
{
	char path[4096];
	int rc;
	memset(c, 0, sizeof *c);
	snprintf(path, sizeof path, "%s/consent_rules.tsv", datadir);
	if ((rc = consent_rules_load(&c->rules, path, e)))
		goto fail;
	snprintf(path, sizeof path, "%s/systems.tsv", datadir);
	if ((rc = consent_systems_load(&c->systems, path, e)))
		goto fail;
	if (chains_path) {
		rc = consent_chains_load(&c->chains, chains_path, e);
	} else {
		snprintf(path, sizeof path, "%s/chains.tsv", datadir);
		rc = access(path, F_OK) == 0 ? consent_chains_load(&c->chains, path, e) : SL_OK;
	}
	if (rc)
		goto fail;
	return SL_OK;
fail:
	consent_ctx_release(c);
	return rc;
}

void consent_ctx_release(consent_ctx *c)
{
	consent_rules_release(&c->rules);
	consent_systems_release(&c->systems);
	consent_chains_release(&c->chains);
}
