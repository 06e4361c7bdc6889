/*
 * store: the backend-independent half of the storage layer: choosing the
 * backend from the URL, the ingest contract (store_put_doc), the content
 * hash, and date helpers shared by the backends and the fact merger.
 */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include <time.h>
#include "../base/cal.h"

store *store_open(const char *url, sl_err *e)
{
	if (!url || !*url)
		url = STORE_DEFAULT_DB;
	if (!strncmp(url, "postgresql://", 13) || !strncmp(url, "postgres://", 11))
		return store_pg_open(url, e);
	if (!strncmp(url, "pg:", 3))
		return store_pg_open(url + 3, e);
	return store_sqlite_open(url, e);
}

void store_close(store *s)
{
	if (s)
		s->ops->close(s);
}

const char *store_backend(const store *s)
{
	return s->ops->name;
}

int store_begin(store *s, sl_err *e) { return s->ops->begin(s, e); }
int store_commit(store *s, sl_err *e) { return s->ops->commit(s, e); }
int store_rollback(store *s, sl_err *e) { return s->ops->rollback(s, e); }

int store_query(store *s, const char *sql, int nparams, const char *const *params,
                store_row_fn fn, void *ctx, sl_err *e)
{
	return s->ops->query(s, sql, nparams, params, fn, ctx, e);
}

int store_doc_check(store *s, const char *id, const char *hash,
                    store_doc_status *status, sl_err *e)
{
	char *old = NULL;
	int rc = s->ops->doc_hash(s, id, &old, e);
	if (rc)
		return rc;
	*status = !old ? STORE_DOC_NEW : strcmp(old, hash) ? STORE_DOC_CHANGED : STORE_DOC_UNCHANGED;
	free(old);
	return SL_OK;
}

int store_put_doc(store *s, const store_doc *d, const record *recs, size_t n,
                  store_doc_status *status, sl_err *e)
{
	char *old = NULL;
	int rc;
	if (s->ops->lock) {
		rc = s->ops->lock(s, STORE_LOCK_DOC, d->id, 0, e);
		if (rc == SL_DONE) {
			/* another writer has this id: finish ours, then wait holding
			 * nothing, so no cycle of waiting writers can form */
			if ((rc = s->ops->commit(s, e)) || (rc = s->ops->begin(s, e)))
				return rc;
			rc = s->ops->lock(s, STORE_LOCK_DOC, d->id, 1, e);
		}
		if (rc)
			return rc;
	}
	if ((rc = s->ops->doc_hash(s, d->id, &old, e)))
		return rc;
	if (old && !strcmp(old, d->hash)) {
		free(old);
		*status = STORE_DOC_UNCHANGED;
		return SL_OK;
	}
	*status = old ? STORE_DOC_CHANGED : STORE_DOC_NEW;
	free(old);
	if ((rc = s->ops->put_document(s, d, e)))
		return rc;
	if (*status == STORE_DOC_CHANGED && (rc = s->ops->delete_records_of(s, d->id, e)))
		return rc;
	for (size_t i = 0; i < n; i++)
		if ((rc = s->ops->put_record(s, d->id, (int)i, &recs[i], e)))
			return rc;
	return s->ops->set_meta(s, "facts_stale", "1", e);
}

int facts_stale(store *s, sl_err *e)
{
	char *v = NULL;
	if (s->ops->get_meta(s, "facts_stale", &v, e))
		return 1;
	int stale = v && strcmp(v, "0");
	free(v);
	return stale;
}

void store_now(char out[21])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void store_set_date(char dst[11], const char *src)
{
	dst[0] = '\0';
	if (src)
		snprintf(dst, 11, "%s", src);
}

static int digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int store_date_range(const char *d, char lo[11], char hi[11])
{
	size_t n = d ? strlen(d) : 0;
	lo[0] = hi[0] = '\0';
	if (n == 4 && digits(d, 4)) {
		snprintf(lo, 11, "%.4s-01-01", d);
		snprintf(hi, 11, "%.4s-12-31", d);
		return 1;
	}
	if ((n == 7 || n == 10) && digits(d, 4) && d[4] == '-' && digits(d + 5, 2)) {
		int m = (d[5] - '0') * 10 + (d[6] - '0');
		if (m < 1 || m > 12)
			return 0;
		if (n == 7) {
			int last = cal_mdays(atoi(d), m);
			snprintf(lo, 11, "%.7s-01", d);
			memcpy(hi, d, 7);
			hi[7] = '-';
			hi[8] = (char)('0' + last / 10);
			hi[9] = (char)('0' + last % 10);
			hi[10] = '\0';
			return 1;
		}
		if (d[7] == '-' && digits(d + 8, 2)) {
			memcpy(lo, d, 11);
			memcpy(hi, d, 11);
			return 1;
		}
	}
	return 0;
}

long store_days(const char *d)
{
	return cal_days((int)strtol(d, NULL, 10), (int)strtol(d + 5, NULL, 10),
	                (int)strtol(d + 8, NULL, 10));
}

void store_rec_release(store_rec *r)
{
	free(r->doc);
	free(r->donor);
	free(r->recipient);
	free(r->consent_by);
	free(r->category);
	free(r->system);
	free(r->item);
	free(r->unit);
	free(r->currency);
	free(r->evidence);
	free(r->doc_url);
	memset(r, 0, sizeof *r);
	r->quantity = r->value = -1;
}

void fact_release(fact *f)
{
	free(f->type);
	free(f->donor);
	free(f->recipient);
	free(f->consent_by);
	free(f->category);
	free(f->system);
	free(f->item);
	free(f->unit);
	free(f->currency);
	free(f->conflict);
	free(f->src);
	memset(f, 0, sizeof *f);
	f->quantity = f->value = -1;
}

/* SHA-256 comes from libsodium (already a dependency of the server). */
static void sha_hex(crypto_hash_sha256_state *c, char out[65])
{
	unsigned char d[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_final(c, d);
	sodium_bin2hex(out, 65, d, sizeof d);
}

void store_sha256_hex(const void *data, size_t n, char out[65])
{
	crypto_hash_sha256_state c;
	crypto_hash_sha256_init(&c);
	crypto_hash_sha256_update(&c, data, n);
	sha_hex(&c, out);
}

/* Each field is preceded by a presence byte and followed by NUL, so
 * (url "a", lang NULL) and (url NULL, lang "a") hash differently. */
static void sha_field(crypto_hash_sha256_state *c, const char *s, size_t n)
{
	unsigned char tag = s ? 1 : 0, nul = 0;
	crypto_hash_sha256_update(c, &tag, 1);
	if (s)
		crypto_hash_sha256_update(c, (const unsigned char *)s, n);
	crypto_hash_sha256_update(c, &nul, 1);
}

void store_doc_hash(const char *url, const char *lang, const char *date,
                    const char *text, size_t len, char out[65])
{
	crypto_hash_sha256_state c;
	crypto_hash_sha256_init(&c);
	sha_field(&c, url, url ? strlen(url) : 0);
	sha_field(&c, lang, lang ? strlen(lang) : 0);
	sha_field(&c, date, date ? strlen(date) : 0);
	sha_field(&c, text, text ? len : 0);
	sha_hex(&c, out);
}

static char *dup0(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void fact_copy(fact *dst, const fact *src)
{
	*dst = *src;
	dst->type = dup0(src->type);
	dst->donor = dup0(src->donor);
	dst->recipient = dup0(src->recipient);
	dst->consent_by = dup0(src->consent_by);
	dst->category = dup0(src->category);
	dst->system = dup0(src->system);
	dst->item = dup0(src->item);
	dst->unit = dup0(src->unit);
	dst->currency = dup0(src->currency);
	dst->conflict = dup0(src->conflict);
	dst->src = NULL;
}

void fact_source_copy(fact_source *dst, const fact_source *src)
{
	*dst = *src;
	dst->doc = dup0(src->doc);
	dst->type = dup0(src->type);
	dst->url = dup0(src->url);
	dst->evidence = dup0(src->evidence);
}

void fact_source_release(fact_source *s)
{
	free(s->doc);
	free(s->type);
	free(s->url);
	free(s->evidence);
	memset(s, 0, sizeof *s);
}

typedef struct sources_ctx {
	fact_source **v;
	size_t *n;
} sources_ctx;

static int keep_source(void *ctx, const fact_source *src)
{
	sources_ctx *c = ctx;
	*c->v = xrealloc(*c->v, (*c->n + 1) * sizeof **c->v);
	fact_source_copy(&(*c->v)[(*c->n)++], src);
	return 0;
}

int store_fact_sources(store *s, int64_t fact_id, fact_source **v, size_t *n, sl_err *e)
{
	sources_ctx c = { v, n };
	return s->ops->each_source(s, fact_id, keep_source, &c, e);
}

void fact_sources_free(fact_source *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fact_source_release(&v[i]);
	free(v);
}

int store_filter_norm(const fact_filter *in, store_filter *out, sl_err *e)
{
	char lo[11], hi[11];
	memset(out, 0, sizeof *out);
	if (!in)
		return SL_OK;
	out->donor = in->donor;
	out->recipient = in->recipient;
	out->category = in->category;
	if (in->type) {
		int t = rec_type_parse(in->type);
		if (t < 0) {
			sl_err_set(e, "unknown fact type '%s'", in->type);
			return SL_EARG;
		}
		out->type = facts_group((rec_type)t);
	}
	if (in->since) {
		if (!store_date_range(in->since, lo, hi)) {
			sl_err_set(e, "--since '%s': expected YYYY, YYYY-MM or YYYY-MM-DD", in->since);
			return SL_EARG;
		}
		memcpy(out->since, lo, 11);
	}
	if (in->until) {
		if (!store_date_range(in->until, lo, hi)) {
			sl_err_set(e, "--until '%s': expected YYYY, YYYY-MM or YYYY-MM-DD", in->until);
			return SL_EARG;
		}
		memcpy(out->until, hi, 11);
	}
	return SL_OK;
}

int store_filter_sql(const store_filter *f, buf *q, const char *vals[6])
{
	const struct { const char *v, *clause; } c[] = {
		{ f->donor, "donor =" }, { f->recipient, "recipient =" }, { f->type, "type =" },
		{ f->category, "category =" },
		{ f->since[0] ? f->since : NULL, "date_hi >=" },
		{ f->until[0] ? f->until : NULL, "date_lo <=" },
	};
	int n = 0;
	buf_adds(q, "SELECT " STORE_FACT_COLS " FROM facts WHERE 1 = 1");
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
		if (c[i].v) {
			vals[n++] = c[i].v;
			buf_addf(q, " AND %s $%d", c[i].clause, n);
		}
	buf_adds(q, " ORDER BY id");
	return n;
}

int store_counts_by(store *s, store_count_fn count1, store_counts *c, sl_err *e)
{
	int rc;
	if ((rc = count1(s, "SELECT COUNT(*) FROM documents", &c->documents, e)) ||
	    (rc = count1(s, "SELECT COUNT(*) FROM records", &c->records, e)) ||
	    (rc = count1(s, "SELECT COUNT(*) FROM facts", &c->facts, e)) ||
	    (rc = count1(s, "SELECT COUNT(*) FROM facts WHERE n_sources > 1", &c->multi_source, e)) ||
	    (rc = count1(s, "SELECT COUNT(*) FROM facts WHERE contradiction <> 0", &c->contradictions, e)))
		return rc;
	return SL_OK;
}

int store_version_by(store *s, store_count_fn count1, int *version, sl_err *e)
{
	long long v = 0;
	int rc = count1(s, "SELECT COALESCE(MAX(version), 0) FROM schema_version", &v, e);
	*version = (int)v;
	return rc;
}

double store_num(const char *s)
{
	return s && *s ? strtod(s, NULL) : -1;
}
