/*
 * api: the JSON API under /api/ (README "HTTP API" has examples).
 *
 *   GET  /api/facts            filters of `supplyline facts`, reviewed=,
 *                              limit/offset paging; format=csv downloads
 *   GET  /api/facts/{id}       one fact, every source with evidence, span
 *   POST /api/facts/{id}/review  confirm | reject | correct (session+CSRF)
 *   GET  /api/documents/{id}   a document's text and records
 *   GET  /api/consent          the consent board (src/consent)
 *   GET  /api/stats            counts and the overview's aggregates
 *   GET  /api/session          who is logged in, and the CSRF token
 *   POST /api/login, /api/logout
 *   GET  /api/audit            the audit log, newest first
 *
 * Facts are shown as reviewed: a correction overrides the fields it
 * names in every answer and in the CSV, and `reviewed=` keeps only
 * confirmed or corrected facts (only), drops rejected ones
 * (exclude-rejected), or keeps all (the default).  Filters compare the
 * stored fields, as `supplyline facts` does.
 */
#include "serve_int.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../base/json.h"
#include "../consent/consent.h"

#define SV_PAGE_DEFAULT 50

/* ---- facts in memory ---------------------------------------------------- */

typedef struct item {
	fact f;
	fact_source *src;
	size_t nsrc;
	const sv_review *rv;
} item;

typedef struct items {
	item *v;
	size_t n, cap;
	int64_t want;     /* > 0: only this fact id */
} items;

static int keep(void *ctx, const fact *f)
{
	items *it = ctx;
	if (it->want > 0 && f->id != it->want)
		return 0;
	if (it->n == it->cap) {
		it->cap = it->cap ? 2 * it->cap : 64;
		it->v = xrealloc(it->v, it->cap * sizeof *it->v);
	}
	item *c = &it->v[it->n++];
	memset(c, 0, sizeof *c);
	fact_copy(&c->f, f);
	return it->want > 0 ? SL_DONE : 0;
}

static void items_free(items *it)
{
	for (size_t i = 0; i < it->n; i++) {
		fact_release(&it->v[i].f);
		fact_sources_free(it->v[i].src, it->v[i].nsrc);
	}
	free(it->v);
	memset(it, 0, sizeof *it);
}

static int load_sources(store *s, item *c, sl_err *e)
{
	if (c->nsrc)
		return SL_OK;
	return store_fact_sources(s, c->f.id, &c->src, &c->nsrc, e);
}

/* ---- corrections -------------------------------------------------------- */

static const char *const text_fields[] = {
	"donor", "recipient", "consent_by", "category", "system", "item", "unit", "currency", NULL
};

static char **text_slot(fact *f, const char *k)
{
	if (!strcmp(k, "donor")) return &f->donor;
	if (!strcmp(k, "recipient")) return &f->recipient;
	if (!strcmp(k, "consent_by")) return &f->consent_by;
	if (!strcmp(k, "category")) return &f->category;
	if (!strcmp(k, "system")) return &f->system;
	if (!strcmp(k, "item")) return &f->item;
	if (!strcmp(k, "unit")) return &f->unit;
	if (!strcmp(k, "currency")) return &f->currency;
	return NULL;
}

/* Overrides f's fields with a correction (fields was validated when
 * stored). */
static void apply_fields(fact *f, const char *fields)
{
	json_t *o = fields ? json_loads(fields, 0, NULL) : NULL;
	const char *k;
	json_t *v;
	if (!o)
		return;
	json_object_foreach(o, k, v) {
		char **slot = text_slot(f, k);
		if (slot) {
			free(*slot);
			*slot = json_is_string(v) ? xstrdup(json_string_value(v)) : NULL;
		} else if (!strcmp(k, "quantity")) {
			f->quantity = json_is_number(v) ? json_number_value(v) : -1;
		} else if (!strcmp(k, "value")) {
			f->value = json_is_number(v) ? json_number_value(v) : -1;
		} else if (!strcmp(k, "when")) {
			snprintf(f->when, sizeof f->when, "%s", json_is_string(v) ? json_string_value(v) : "");
		}
	}
	json_decref(o);
}

static int date_ok(const char *d)
{
	char lo[11], hi[11];
	return store_date_range(d, lo, hi);
}

/* Checks a correction object and renders it compactly with sorted keys;
 * NULL with msg set when a key or value is not acceptable. */
static char *fields_check(json_t *o, char *msg, size_t cap)
{
	const char *k;
	json_t *v;
	if (!json_is_object(o) || !json_object_size(o)) {
		snprintf(msg, cap, "correct wants a non-empty object 'fields'");
		return NULL;
	}
	json_object_foreach(o, k, v) {
		int is_text = 0;
		for (int i = 0; text_fields[i]; i++)
			is_text |= !strcmp(k, text_fields[i]);
		if (is_text) {
			if (!json_is_null(v) && (!json_is_string(v) || json_string_length(v) > 200 ||
			                         !json_string_length(v))) {
				snprintf(msg, cap, "field '%s' wants a string of 1-200 bytes or null", k);
				return NULL;
			}
		} else if (!strcmp(k, "quantity") || !strcmp(k, "value")) {
			if (!json_is_null(v) && (!json_is_number(v) || json_number_value(v) < 0 ||
			                         json_number_value(v) > 1e15)) {
				snprintf(msg, cap, "field '%s' wants a number >= 0 or null", k);
				return NULL;
			}
		} else if (!strcmp(k, "when")) {
			if (!json_is_null(v) && (!json_is_string(v) || !date_ok(json_string_value(v)))) {
				snprintf(msg, cap, "field 'when' wants YYYY[-MM[-DD]] or null");
				return NULL;
			}
		} else {
			snprintf(msg, cap, "field '%.64s' cannot be corrected", k);
			return NULL;
		}
	}
	return json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
}

/* ---- fact output -------------------------------------------------------- */

static const char *status_name(const sv_review *r)
{
	if (!r)
		return "unreviewed";
	if (!strcmp(r->action, "confirm"))
		return "confirmed";
	if (!strcmp(r->action, "reject"))
		return "rejected";
	return "corrected";
}

static void review_json(buf *b, const sv_review *r)
{
	if (!r) {
		buf_adds(b, "null");
		return;
	}
	buf_adds(b, "{\"status\": ");
	json_cstr(b, status_name(r));
	buf_addf(b, ", \"audit_id\": %lld, \"by\": ", (long long)r->audit_id);
	json_cstr(b, r->user);
	buf_adds(b, ", \"at\": ");
	json_cstr(b, r->at);
	buf_adds(b, ", \"fields\": ");
	buf_adds(b, r->fields ? r->fields : "null");
	buf_adds(b, "}");
}

/* facts_json with the review appended inside the object. */
static void fact_out(buf *b, const item *c)
{
	facts_json(b, &c->f, c->src, c->nsrc);
	if (b->len && b->p[b->len - 1] == '}')
		b->p[--b->len] = '\0';
	buf_adds(b, ", \"review\": ");
	review_json(b, c->rv);
	buf_adds(b, "}");
}

/* ---- parameters --------------------------------------------------------- */

/* A non-negative decimal of at most 9 digits, else -1. */
static long num_arg(const char *s)
{
	if (!s || !*s || strlen(s) > 9 || s[strspn(s, "0123456789")])
		return -1;
	return strtol(s, NULL, 10);
}

typedef enum { RV_ALL, RV_ONLY, RV_NOT_REJECTED, RV_UNREVIEWED } rv_mode;

static int rv_parse(const char *s, rv_mode *m)
{
	if (!s || !*s || !strcmp(s, "all"))
		*m = RV_ALL;
	else if (!strcmp(s, "only"))
		*m = RV_ONLY;
	else if (!strcmp(s, "exclude-rejected"))
		*m = RV_NOT_REJECTED;
	else if (!strcmp(s, "unreviewed"))
		*m = RV_UNREVIEWED;
	else
		return 0;
	return 1;
}

static int rv_keep(rv_mode m, const sv_review *r)
{
	switch (m) {
	case RV_ONLY: return r && strcmp(r->action, "reject");
	case RV_NOT_REJECTED: return !r || strcmp(r->action, "reject");
	case RV_UNREVIEWED: return !r;
	default: return 1;
	}
}

static void filter_args(const sv_req *r, fact_filter *f)
{
	f->donor = sv_arg(r, "donor");
	f->recipient = sv_arg(r, "recipient");
	f->type = sv_arg(r, "type");
	f->category = sv_arg(r, "category");
	f->since = sv_arg(r, "since");
	f->until = sv_arg(r, "until");
	/* an empty field from a form does not filter */
	const char **all[6] = { &f->donor, &f->recipient, &f->type, &f->category, &f->since, &f->until };
	for (int i = 0; i < 6; i++)
		if (*all[i] && !**all[i])
			*all[i] = NULL;
}

/* Loads the facts matching the request's filters and review mode, with
 * reviews attached and corrections applied.  Sends the error itself and
 * returns non-zero on failure. */
static int load_facts(sv_server *sv, const sv_req *r, sv_resp *o, items *it, sv_reviews *rv)
{
	fact_filter flt;
	rv_mode m;
	sl_err e = { "" };
	int rc;
	filter_args(r, &flt);
	if (!rv_parse(sv_arg(r, "reviewed"), &m)) {
		sv_error(o, 400, "reviewed wants all, only, exclude-rejected or unreviewed");
		return 1;
	}
	if ((rc = sv_reviews_load(sv->s, rv, &e))) {
		sv_error(o, 500, "%s", e.msg);
		return 1;
	}
	if ((rc = sv->s->ops->each_fact(sv->s, &flt, keep, it, &e)) < 0) {
		sv_error(o, rc == SL_EARG ? 400 : 500, "%s", e.msg);
		return 1;
	}
	size_t k = 0;
	for (size_t i = 0; i < it->n; i++) {
		item *c = &it->v[i];
		c->rv = sv_reviews_get(rv, c->f.id);
		if (!rv_keep(m, c->rv)) {
			fact_release(&c->f);
			continue;
		}
		if (c->rv && !strcmp(c->rv->action, "correct"))
			apply_fields(&c->f, c->rv->fields);
		it->v[k++] = *c;
	}
	it->n = k;
	return 0;
}

/* ---- handlers ----------------------------------------------------------- */

static void get_facts(sv_server *sv, sv_req *r, sv_resp *o)
{
	items it = { NULL, 0, 0, 0 };
	sv_reviews rv = { NULL, 0 };
	sl_err e = { "" };
	const char *fmt = sv_arg(r, "format");
	int csv = fmt && !strcmp(fmt, "csv");
	long limit = sv_arg(r, "limit") ? num_arg(sv_arg(r, "limit")) : SV_PAGE_DEFAULT;
	long offset = sv_arg(r, "offset") ? num_arg(sv_arg(r, "offset")) : 0;
	if (fmt && strcmp(fmt, "csv") && strcmp(fmt, "json")) {
		sv_error(o, 400, "format wants json or csv");
		return;
	}
	if (limit < 1 || offset < 0 || (unsigned long)limit > sv->cfg->max_page) {
		sv_error(o, 400, "limit wants 1..%u and offset a number >= 0", sv->cfg->max_page);
		return;
	}
	if (load_facts(sv, r, o, &it, &rv))
		goto out;
	buf_reset(&o->body);
	if (csv) {
		/* the CSV of docs/schema.md, with the review status appended */
		buf line = BUF_INIT;
		facts_csv_header(&line);
		line.len -= 2;
		buf_add(&o->body, line.p, line.len);
		buf_adds(&o->body, ",review\r\n");
		for (size_t i = 0; i < it.n; i++) {
			if (load_sources(sv->s, &it.v[i], &e)) {
				sv_error(o, 500, "%s", e.msg);
				buf_release(&line);
				goto out;
			}
			buf_reset(&line);
			facts_csv_row(&line, &it.v[i].f, it.v[i].src, it.v[i].nsrc);
			buf_add(&o->body, line.p, line.len - 2);
			buf_adds(&o->body, ",");
			buf_adds(&o->body, it.v[i].rv ? status_name(it.v[i].rv) : "");
			buf_adds(&o->body, "\r\n");
		}
		buf_release(&line);
		o->ctype = "text/csv; charset=utf-8";
		snprintf(o->disposition, sizeof o->disposition, "attachment; filename=\"facts.csv\"");
		goto out;
	}
	buf_addf(&o->body, "{\"total\": %zu, \"limit\": %ld, \"offset\": %ld, \"facts\": [",
	         it.n, limit, offset);
	for (size_t i = (size_t)offset, k = 0; i < it.n && k < (size_t)limit; i++, k++) {
		if (load_sources(sv->s, &it.v[i], &e)) {
			sv_error(o, 500, "%s", e.msg);
			goto out;
		}
		if (k)
			buf_adds(&o->body, ", ");
		fact_out(&o->body, &it.v[i]);
	}
	buf_adds(&o->body, "]}\n");
out:
	items_free(&it);
	sv_reviews_release(&rv);
}

/* Loads fact id with its sources and review into it (one item). */
static int one_fact(sv_server *sv, int64_t id, items *it, sv_reviews *rv, sv_resp *o)
{
	sl_err e = { "" };
	int rc;
	it->want = id;
	if ((rc = sv_reviews_load(sv->s, rv, &e)) ||
	    ((rc = sv->s->ops->each_fact(sv->s, NULL, keep, it, &e)) < 0)) {
		sv_error(o, 500, "%s", e.msg);
		return 1;
	}
	if (!it->n) {
		sv_error(o, 404, "no fact %lld", (long long)id);
		return 1;
	}
	if (load_sources(sv->s, &it->v[0], &e)) {
		sv_error(o, 500, "%s", e.msg);
		return 1;
	}
	it->v[0].rv = sv_reviews_get(rv, id);
	return 0;
}

static void get_fact(sv_server *sv, int64_t id, sv_resp *o)
{
	items it = { NULL, 0, 0, 0 };
	sv_reviews rv = { NULL, 0 };
	if (!one_fact(sv, id, &it, &rv, o)) {
		item *c = &it.v[0];
		if (c->rv && !strcmp(c->rv->action, "correct"))
			apply_fields(&c->f, c->rv->fields);
		buf_reset(&o->body);
		fact_out(&o->body, c);
		buf_addc(&o->body, '\n');
	}
	items_free(&it);
	sv_reviews_release(&rv);
}

static int need_session(sv_server *sv, sv_req *r, sv_resp *o, sv_session *ses)
{
	sl_err e = { "" };
	int rc = sv_session_get(sv, r, ses, &e);
	if (rc < 0) {
		sv_error(o, 500, "%s", e.msg);
		return 0;
	}
	if (!rc) {
		sv_error(o, 401, "log in first");
		return 0;
	}
	if (!sv_csrf_ok(r, ses)) {
		sv_error(o, 403, "missing or wrong X-CSRF-Token");
		return 0;
	}
	return 1;
}

/* The request body as a JSON object; sends 400/415 itself. */
static json_t *body_json(sv_req *r, sv_resp *o)
{
	const char *ct = sv_header(r, "Content-Type");
	json_error_t je;
	if (!ct || strncmp(ct, "application/json", 16)) {
		sv_error(o, 415, "send Content-Type: application/json");
		return NULL;
	}
	json_t *j = json_loadb(r->body.p, r->body.len, JSON_REJECT_DUPLICATES, &je);
	if (!json_is_object(j)) {
		json_decref(j);
		sv_error(o, 400, "body is not a JSON object");
		return NULL;
	}
	return j;
}

static void post_review(sv_server *sv, sv_req *r, int64_t id, sv_resp *o)
{
	sv_session ses;
	items it = { NULL, 0, 0, 0 };
	sv_reviews rv = { NULL, 0 };
	sl_err e = { "" };
	json_t *j = NULL;
	char *fields = NULL, msg[256];
	buf before = BUF_INIT;
	sv_mark *marks = NULL;

	if (!need_session(sv, r, o, &ses) || !(j = body_json(r, o)))
		goto out;
	const char *action = json_string_value(json_object_get(j, "action"));
	json_t *note_j = json_object_get(j, "note");
	const char *note = json_string_value(note_j);
	if (!action || (strcmp(action, "confirm") && strcmp(action, "reject") &&
	                strcmp(action, "correct"))) {
		sv_error(o, 400, "action wants confirm, reject or correct");
		goto out;
	}
	if ((note_j && !json_is_null(note_j) && !note) || (note && strlen(note) > 2000)) {
		sv_error(o, 400, "note wants a string of at most 2000 bytes");
		goto out;
	}
	if (!strcmp(action, "correct") &&
	    !(fields = fields_check(json_object_get(j, "fields"), msg, sizeof msg))) {
		sv_error(o, 400, "%s", msg);
		goto out;
	}
	if (one_fact(sv, id, &it, &rv, o))
		goto out;
	item *c = &it.v[0];
	facts_json(&before, &c->f, c->src, c->nsrc);
	marks = xcalloc(c->nsrc ? c->nsrc : 1, sizeof *marks);
	for (size_t i = 0; i < c->nsrc; i++) {
		marks[i].doc = c->src[i].doc;
		marks[i].ord = c->src[i].ord;
		marks[i].span[0] = c->src[i].span[0];
		marks[i].span[1] = c->src[i].span[1];
	}
	int64_t aid;
	if (sv_review_put(sv->s, ses.user, action, id, before.p, fields, note, marks, c->nsrc,
	                  &aid, &e)) {
		sv_error(o, 500, "%s", e.msg);
		goto out;
	}
	items_free(&it);
	sv_reviews_release(&rv);
	get_fact(sv, id, o);
	if (o->status == 200) {
		buf tmp = BUF_INIT;
		buf_addf(&tmp, "{\"audit_id\": %lld, \"fact\": ", (long long)aid);
		buf_add(&tmp, o->body.p, o->body.len ? o->body.len - 1 : 0);
		buf_adds(&tmp, "}\n");
		buf_release(&o->body);
		o->body = tmp;
	}
out:
	free(marks);
	free(fields);
	json_decref(j);
	buf_release(&before);
	items_free(&it);
	sv_reviews_release(&rv);
}

typedef struct doc_out {
	buf *b;
	int n;
} doc_out;

static void num_or_null(buf *b, const char *v)
{
	if (v)
		json_num(b, strtod(v, NULL));
	else
		buf_adds(b, "null");
}

static int doc_row(void *ctx, int n, const char *const *v)
{
	doc_out *d = ctx;
	if (n < 6)
		return 0;
	buf_adds(d->b, "{\"id\": ");
	json_cstr(d->b, v[0]);
	buf_adds(d->b, ", \"url\": ");
	json_cstr(d->b, v[1]);
	buf_adds(d->b, ", \"lang\": ");
	json_cstr(d->b, v[2]);
	buf_adds(d->b, ", \"date\": ");
	json_cstr(d->b, v[3]);
	buf_adds(d->b, ", \"ingested_at\": ");
	json_cstr(d->b, v[4]);
	buf_adds(d->b, ", \"text\": ");
	json_cstr(d->b, v[5]);
	d->n++;
	return 0;
}

static int rec_row(void *ctx, int n, const char *const *v)
{
	static const char *const names[] = {
		"record", "type", "donor", "recipient", "consent_by", "category", "system", "item",
		"quantity", "unit", "value", "currency", "when", "evidence"
	};
	doc_out *d = ctx;
	if (n < 16)
		return 0;
	buf_adds(d->b, d->n++ ? ", {" : "{");
	for (int i = 0; i < 14; i++) {
		buf_addf(d->b, "%s\"%s\": ", i ? ", " : "", names[i]);
		if (i == 0 || i == 8 || i == 10)
			num_or_null(d->b, v[i]);
		else
			json_cstr(d->b, v[i]);
	}
	buf_addf(d->b, ", \"span\": [%lld, %lld]}", v[14] ? strtoll(v[14], NULL, 10) : 0,
	         v[15] ? strtoll(v[15], NULL, 10) : 0);
	return 0;
}

static void get_document(sv_server *sv, const char *id, sv_resp *o)
{
	sl_err e = { "" };
	const char *p[1] = { id };
	doc_out d = { &o->body, 0 };
	buf_reset(&o->body);
	if (store_query(sv->s, "SELECT id, url, lang, date, ingested_at, text FROM documents "
	                       "WHERE id = $1", 1, p, doc_row, &d, &e)) {
		sv_error(o, 500, "%s", e.msg);
		return;
	}
	if (!d.n) {
		sv_error(o, 404, "no document '%.200s'", id);
		return;
	}
	buf_adds(&o->body, ", \"records\": [");
	d.n = 0;
	if (store_query(sv->s, "SELECT ord, type, donor, recipient, consent_by, category, system, "
	                       "item, quantity, unit, value, currency, event_date, evidence, "
	                       "span_start, span_end FROM records WHERE doc_id = $1 ORDER BY ord",
	                1, p, rec_row, &d, &e)) {
		sv_error(o, 500, "%s", e.msg);
		return;
	}
	buf_adds(&o->body, "]}\n");
}

static void get_consent(sv_server *sv, sv_req *r, sv_resp *o)
{
	consent_ctx ctx;
	consent_facts fs = { NULL, 0 };
	consent_board board;
	sl_err e = { "" };
	const char *data = sv->cfg->data ? sv->cfg->data : "data";
	memset(&board, 0, sizeof board);
	if (consent_ctx_load(&ctx, data, NULL, &e)) {
		sv_error(o, 500, "%s", e.msg);
		return;
	}
	consent_filter flt = { sv_arg(r, "donor"), sv_arg(r, "recipient"), sv_arg(r, "since"),
	                       sv_arg(r, "until") };
	if (flt.donor && !*flt.donor) flt.donor = NULL;
	if (flt.recipient && !*flt.recipient) flt.recipient = NULL;
	if (flt.since && !*flt.since) flt.since = NULL;
	if (flt.until && !*flt.until) flt.until = NULL;
	int rc;
	if ((rc = consent_facts_load(sv->s, &fs, &e)) ||
	    (rc = consent_board_build(&ctx, &fs, &flt, &board, &e))) {
		sv_error(o, rc == SL_EARG ? 400 : 500, "%s", e.msg);
		goto out;
	}
	for (size_t i = 0; i < board.n; i++)
		for (size_t k = 0; k < board.v[i].nreq; k++)
			for (size_t j = 0; j < board.v[i].req[k].nfacts; j++)
				if (consent_facts_sources(sv->s, &fs, board.v[i].req[k].facts[j], &e))
					goto dberr;
	for (size_t i = 0; i < board.nunmatched; i++)
		if (consent_facts_sources(sv->s, &fs, board.unmatched[i], &e))
			goto dberr;
	buf_reset(&o->body);
	buf_adds(&o->body, "{\"entries\": [");
	for (size_t i = 0; i < board.n; i++) {
		if (i)
			buf_adds(&o->body, ", ");
		consent_json_entry(&o->body, &ctx, &fs, &board.v[i]);
	}
	buf_adds(&o->body, "], \"unmatched\": [");
	for (size_t i = 0; i < board.nunmatched; i++) {
		if (i)
			buf_adds(&o->body, ", ");
		consent_json_unmatched(&o->body, &fs, board.unmatched[i]);
	}
	buf_adds(&o->body, "]}\n");
	goto out;
dberr:
	sv_error(o, 500, "%s", e.msg);
out:
	consent_board_release(&board);
	consent_facts_release(&fs);
	consent_ctx_release(&ctx);
}

/* ---- stats -------------------------------------------------------------- */

typedef struct agg {
	char key[64];
	long long facts;
	double value;           /* in the main currency */
	double quantity;
	long long c_facts, d_facts;   /* committed / delivered */
	double c_value, d_value, c_qty, d_qty;
} agg;

typedef struct aggs {
	agg *v;
	size_t n;
} aggs;

static agg *agg_get(aggs *a, const char *key)
{
	if (!key || !*key)
		key = "?";
	for (size_t i = 0; i < a->n; i++)
		if (!strcmp(a->v[i].key, key))
			return &a->v[i];
	a->v = xrealloc(a->v, (a->n + 1) * sizeof *a->v);
	agg *g = &a->v[a->n++];
	memset(g, 0, sizeof *g);
	snprintf(g->key, sizeof g->key, "%s", key);
	return g;
}

static int by_facts(const void *x, const void *y)
{
	const agg *a = x, *b = y;
	if (a->facts != b->facts)
		return a->facts < b->facts ? 1 : -1;
	return strcmp(a->key, b->key);
}

static int by_key(const void *x, const void *y)
{
	return strcmp(((const agg *)x)->key, ((const agg *)y)->key);
}

static void aggs_json(buf *b, const char *name, aggs *a, int sort_key, int cvd)
{
	qsort(a->v, a->n, sizeof *a->v, sort_key ? by_key : by_facts);
	buf_addf(b, ", \"%s\": [", name);
	for (size_t i = 0; i < a->n; i++) {
		const agg *g = &a->v[i];
		buf_adds(b, i ? ", {\"key\": " : "{\"key\": ");
		json_cstr(b, g->key);
		buf_addf(b, ", \"facts\": %lld, \"value\": ", g->facts);
		json_num(b, g->value);
		if (cvd) {
			buf_addf(b, ", \"committed\": {\"facts\": %lld, \"value\": ", g->c_facts);
			json_num(b, g->c_value);
			buf_adds(b, ", \"quantity\": ");
			json_num(b, g->c_qty);
			buf_addf(b, "}, \"delivered\": {\"facts\": %lld, \"value\": ", g->d_facts);
			json_num(b, g->d_value);
			buf_adds(b, ", \"quantity\": ");
			json_num(b, g->d_qty);
			buf_adds(b, "}");
		}
		buf_adds(b, "}");
	}
	buf_adds(b, "]");
}

static void get_stats(sv_server *sv, sv_req *r, sv_resp *o)
{
	items it = { NULL, 0, 0, 0 };
	sv_reviews rv = { NULL, 0 };
	store_counts cnt;
	sl_err e = { "" };
	aggs donor = { NULL, 0 }, cat = { NULL, 0 }, type = { NULL, 0 }, month = { NULL, 0 },
	     cur = { NULL, 0 };
	long long st[4] = { 0, 0, 0, 0 }, undated = 0;
	if (sv->s->ops->counts(sv->s, &cnt, &e)) {
		sv_error(o, 500, "%s", e.msg);
		return;
	}
	if (load_facts(sv, r, o, &it, &rv))
		goto out;
	/* values are summed in the currency most facts with a value give */
	for (size_t i = 0; i < it.n; i++)
		if (it.v[i].f.value >= 0 && it.v[i].f.currency)
			agg_get(&cur, it.v[i].f.currency)->facts++;
	qsort(cur.v, cur.n, sizeof *cur.v, by_facts);
	const char *main_cur = cur.n ? cur.v[0].key : NULL;
	for (size_t i = 0; i < it.n; i++) {
		const fact *f = &it.v[i].f;
		const sv_review *rw = it.v[i].rv;
		double val = f->value >= 0 && f->currency && main_cur && !strcmp(f->currency, main_cur)
		             ? f->value : 0;
		double qty = f->quantity >= 0 ? f->quantity : 0;
		const char *date = f->when[0] ? f->when : f->first_report;
		char mon[8];
		agg *gs[4] = { agg_get(&donor, f->donor), agg_get(&cat, f->category),
		               agg_get(&type, f->type), NULL };
		if (strlen(date) >= 7) {
			snprintf(mon, sizeof mon, "%.7s", date);
			gs[3] = agg_get(&month, mon);
		} else {
			undated++;
		}
		for (int k = 0; k < 4; k++) {
			if (!gs[k])
				continue;
			gs[k]->facts++;
			gs[k]->value += val;
			gs[k]->quantity += qty;
			if (!strcmp(f->type, "committed")) {
				gs[k]->c_facts++;
				gs[k]->c_value += val;
				gs[k]->c_qty += qty;
			} else if (!strcmp(f->type, "delivered")) {
				gs[k]->d_facts++;
				gs[k]->d_value += val;
				gs[k]->d_qty += qty;
			}
		}
		st[!rw ? 0 : !strcmp(rw->action, "confirm") ? 1 : !strcmp(rw->action, "reject") ? 2 : 3]++;
	}
	buf_reset(&o->body);
	buf_addf(&o->body, "{\"documents\": %lld, \"records\": %lld, \"facts_stored\": %lld, "
	         "\"multi_source\": %lld, \"contradictions\": %lld, \"facts\": %zu, "
	         "\"undated\": %lld, \"reviews\": {\"unreviewed\": %lld, \"confirmed\": %lld, "
	         "\"rejected\": %lld, \"corrected\": %lld}, \"stale\": %s, \"currency\": ",
	         cnt.documents, cnt.records, cnt.facts, cnt.multi_source, cnt.contradictions, it.n,
	         undated, st[0], st[1], st[2], st[3], facts_stale(sv->s, &e) ? "true" : "false");
	json_cstr(&o->body, main_cur);
	aggs_json(&o->body, "by_donor", &donor, 0, 1);
	aggs_json(&o->body, "by_category", &cat, 0, 0);
	aggs_json(&o->body, "by_type", &type, 0, 0);
	aggs_json(&o->body, "by_month", &month, 1, 1);
	aggs_json(&o->body, "currencies", &cur, 0, 0);
	buf_adds(&o->body, "}\n");
out:
	free(donor.v);
	free(cat.v);
	free(type.v);
	free(month.v);
	free(cur.v);
	items_free(&it);
	sv_reviews_release(&rv);
}

/* ---- audit and sessions ------------------------------------------------- */

typedef struct audit_out {
	buf *b;
	int n;
} audit_out;

/* A JSON text the server stored itself, embedded as it is once jansson
 * agrees it is JSON; null otherwise. */
static void raw_json(buf *b, const char *s)
{
	json_t *j = s ? json_loads(s, JSON_DECODE_ANY, NULL) : NULL;
	if (j)
		buf_adds(b, s);
	else
		buf_adds(b, "null");
	json_decref(j);
}

static int audit_row(void *ctx, int n, const char *const *v)
{
	audit_out *a = ctx;
	if (n < 8)
		return 0;
	buf_adds(a->b, a->n++ ? ", {\"id\": " : "{\"id\": ");
	num_or_null(a->b, v[0]);
	buf_adds(a->b, ", \"at\": ");
	json_cstr(a->b, v[1]);
	buf_adds(a->b, ", \"user\": ");
	json_cstr(a->b, v[2]);
	buf_adds(a->b, ", \"action\": ");
	json_cstr(a->b, v[3]);
	buf_adds(a->b, ", \"fact_id\": ");
	num_or_null(a->b, v[4]);
	buf_adds(a->b, ", \"fields\": ");
	raw_json(a->b, v[6]);
	buf_adds(a->b, ", \"note\": ");
	json_cstr(a->b, v[7]);
	buf_adds(a->b, ", \"fact\": ");
	raw_json(a->b, v[5]);
	buf_adds(a->b, "}");
	return 0;
}

static int count_row(void *ctx, int n, const char *const *v)
{
	long long *c = ctx;
	if (n > 0 && v[0])
		*c = strtoll(v[0], NULL, 10);
	return 0;
}

static void get_audit(sv_server *sv, sv_req *r, sv_resp *o)
{
	sl_err e = { "" };
	long limit = sv_arg(r, "limit") ? num_arg(sv_arg(r, "limit")) : SV_PAGE_DEFAULT;
	long offset = sv_arg(r, "offset") ? num_arg(sv_arg(r, "offset")) : 0;
	long long total = 0;
	char l[24], of[24];   /* any long */
	if (limit < 1 || offset < 0 || (unsigned long)limit > sv->cfg->max_page) {
		sv_error(o, 400, "limit wants 1..%u and offset a number >= 0", sv->cfg->max_page);
		return;
	}
	snprintf(l, sizeof l, "%ld", limit);
	snprintf(of, sizeof of, "%ld", offset);
	const char *p[2] = { l, of };
	audit_out a = { &o->body, 0 };
	buf_reset(&o->body);
	if (store_query(sv->s, "SELECT COUNT(*) FROM audit", 0, NULL, count_row, &total, &e)) {
		sv_error(o, 500, "%s", e.msg);
		return;
	}
	buf_addf(&o->body, "{\"total\": %lld, \"limit\": %ld, \"offset\": %ld, \"entries\": [",
	         total, limit, offset);
	if (store_query(sv->s, "SELECT id, at, user_name, action, fact_id, fact, fields, note "
	                       "FROM audit ORDER BY id DESC LIMIT CAST($1 AS INTEGER) "
	                       "OFFSET CAST($2 AS INTEGER)", 2, p, audit_row, &a, &e)) {
		sv_error(o, 500, "%s", e.msg);
		return;
	}
	buf_adds(&o->body, "]}\n");
}

static void session_out(sv_resp *o, const sv_session *ses)
{
	buf_reset(&o->body);
	buf_adds(&o->body, "{\"user\": ");
	json_cstr(&o->body, ses && ses->user[0] ? ses->user : NULL);
	buf_adds(&o->body, ", \"csrf\": ");
	json_cstr(&o->body, ses && ses->user[0] ? ses->csrf : NULL);
	buf_adds(&o->body, "}\n");
}

static void post_login(sv_server *sv, sv_req *r, sv_resp *o)
{
	sv_session ses;
	sl_err e = { "" };
	json_t *j = body_json(r, o);
	if (!j)
		return;
	const char *u = json_string_value(json_object_get(j, "user"));
	const char *pw = json_string_value(json_object_get(j, "password"));
	memset(&ses, 0, sizeof ses);
	int rc = u && pw ? sv_login(sv, u, pw, o, &ses, &e) : 0;
	if (rc < 0)
		sv_error(o, 500, "%s", e.msg);
	else if (!rc)
		sv_error(o, 401, "wrong user name or password");
	else
		session_out(o, &ses);
	json_decref(j);
}

static void post_logout(sv_server *sv, sv_req *r, sv_resp *o)
{
	sv_session ses;
	sl_err e = { "" };
	if (!need_session(sv, r, o, &ses))
		return;
	if (sv_logout(sv, r, o, &e) || sv_audit_event(sv->s, ses.user, "logout", NULL, &e)) {
		sv_error(o, 500, "%s", e.msg);
		return;
	}
	session_out(o, NULL);
}

/* ---- routing ------------------------------------------------------------ */

/* "/123" or "/123/review": the id and what follows it. */
static int64_t path_id(const char *p, const char **rest)
{
	char *end;
	if (*p != '/' || p[1] < '0' || p[1] > '9')
		return -1;
	long long v = strtoll(p + 1, &end, 10);
	if (v <= 0 || end - p > 12)
		return -1;
	*rest = end;
	return v;
}

void sv_api(sv_server *sv, sv_req *r, sv_resp *o)
{
	const char *p = r->path, *rest = "";
	int get = !strcmp(r->method, "GET") || !strcmp(r->method, "HEAD");
	int post = !strcmp(r->method, "POST");
	int64_t id;
	sv_session ses;
	sl_err e = { "" };

	if (!strcmp(p, "/api/facts") || !strcmp(p, "/api/facts.csv")) {
		if (!get)
			goto method;
		get_facts(sv, r, o);
		if (!strcmp(p, "/api/facts.csv") && o->status == 200 && !o->disposition[0])
			sv_error(o, 400, "use /api/facts?format=csv");
	} else if (!strncmp(p, "/api/facts/", 10) && (id = path_id(p + 10, &rest)) > 0) {
		if (!*rest) {
			if (!get)
				goto method;
			get_fact(sv, id, o);
		} else if (!strcmp(rest, "/review")) {
			if (!post)
				goto method;
			post_review(sv, r, id, o);
		} else {
			sv_error(o, 404, "no such endpoint");
		}
	} else if (!strncmp(p, "/api/documents/", 15) && p[15]) {
		if (!get)
			goto method;
		get_document(sv, p + 15, o);
	} else if (!strcmp(p, "/api/consent")) {
		if (!get)
			goto method;
		get_consent(sv, r, o);
	} else if (!strcmp(p, "/api/stats")) {
		if (!get)
			goto method;
		get_stats(sv, r, o);
	} else if (!strcmp(p, "/api/audit")) {
		if (!get)
			goto method;
		get_audit(sv, r, o);
	} else if (!strcmp(p, "/api/session")) {
		if (!get)
			goto method;
		int rc = sv_session_get(sv, r, &ses, &e);
		if (rc < 0)
			sv_error(o, 500, "%s", e.msg);
		else
			session_out(o, rc ? &ses : NULL);
	} else if (!strcmp(p, "/api/login")) {
		if (!post)
			goto method;
		post_login(sv, r, o);
	} else if (!strcmp(p, "/api/logout")) {
		if (!post)
			goto method;
		post_logout(sv, r, o);
	} else {
		sv_error(o, 404, "no such endpoint");
	}
	return;
method:
	sv_error(o, 405, "method not allowed");
}
