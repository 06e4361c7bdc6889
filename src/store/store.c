/*
 * store: the backend-independent half of the storage layer: choosing the
 * backend from the URL, the ingest contract (store_put_doc), the content
 * hash, and date helpers shared by the backends and the fact merger.
 */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
	static const char mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
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
			int y = atoi(d);
			int last = mdays[m - 1];
			if (m == 2 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
				last = 28;
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

/* SHA-256 (FIPS 180-4), small and self-contained: the content hash only
 * needs to tell "same document" reliably, not resist anything. */
typedef struct sha256 {
	uint32_t h[8];
	uint64_t len;
	unsigned char blk[64];
	size_t n;
} sha256;

static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void sha_block(sha256 *c, const unsigned char *p)
{
	uint32_t w[64], a, b, cc, d, e, f, g, h;
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (int i = 16; i < 64; i++) {
		uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	a = c->h[0]; b = c->h[1]; cc = c->h[2]; d = c->h[3];
	e = c->h[4]; f = c->h[5]; g = c->h[6]; h = c->h[7];
	for (int i = 0; i < 64; i++) {
		uint32_t t1 = h + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
		uint32_t t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) + ((a & b) ^ (a & cc) ^ (b & cc));
		h = g; g = f; f = e; e = d + t1;
		d = cc; cc = b; b = a; a = t1 + t2;
	}
	c->h[0] += a; c->h[1] += b; c->h[2] += cc; c->h[3] += d;
	c->h[4] += e; c->h[5] += f; c->h[6] += g; c->h[7] += h;
}

static void sha_init(sha256 *c)
{
	static const uint32_t h0[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
	};
	memcpy(c->h, h0, sizeof h0);
	c->len = 0;
	c->n = 0;
}

static void sha_add(sha256 *c, const void *data, size_t n)
{
	const unsigned char *p = data;
	c->len += n;
	while (n) {
		size_t k = 64 - c->n < n ? 64 - c->n : n;
		memcpy(c->blk + c->n, p, k);
		c->n += k;
		p += k;
		n -= k;
		if (c->n == 64) {
			sha_block(c, c->blk);
			c->n = 0;
		}
	}
}

static void sha_hex(sha256 *c, char out[65])
{
	static const char hex[] = "0123456789abcdef";
	uint64_t bits = c->len * 8;
	unsigned char pad = 0x80, zero = 0, lenb[8];
	sha_add(c, &pad, 1);
	while (c->n != 56)
		sha_add(c, &zero, 1);
	for (int i = 0; i < 8; i++)
		lenb[i] = (unsigned char)(bits >> (56 - 8 * i));
	sha_add(c, lenb, 8);
	for (int i = 0; i < 8; i++)
		for (int j = 0; j < 4; j++) {
			unsigned char byte = (unsigned char)(c->h[i] >> (24 - 8 * j));
			out[8 * i + 2 * j] = hex[byte >> 4];
			out[8 * i + 2 * j + 1] = hex[byte & 15];
		}
	out[64] = '\0';
}

void store_sha256_hex(const void *data, size_t n, char out[65])
{
	sha256 c;
	sha_init(&c);
	sha_add(&c, data, n);
	sha_hex(&c, out);
}

/* Each field is preceded by a presence byte and followed by NUL, so
 * (url "a", lang NULL) and (url NULL, lang "a") hash differently. */
static void sha_field(sha256 *c, const char *s, size_t n)
{
	unsigned char tag = s ? 1 : 0, nul = 0;
	sha_add(c, &tag, 1);
	if (s)
		sha_add(c, s, n);
	sha_add(c, &nul, 1);
}

void store_doc_hash(const char *url, const char *lang, const char *date,
                    const char *text, size_t len, char out[65])
{
	sha256 c;
	sha_init(&c);
	sha_field(&c, url, url ? strlen(url) : 0);
	sha_field(&c, lang, lang ? strlen(lang) : 0);
	sha_field(&c, date, date ? strlen(date) : 0);
	sha_field(&c, text, text ? len : 0);
	sha_hex(&c, out);
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

double store_num(const char *s)
{
	return s && *s ? strtod(s, NULL) : -1;
}
