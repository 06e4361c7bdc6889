/*
 * pg: the PostgreSQL backend of store.h, through libpq.
 *
 * Every statement with a value in it is prepared once at open
 * (PQprepare) and run with PQexecPrepared; the filtered facts query is
 * built from fixed clauses and run with PQexecParams.  Values travel as
 * text parameters, so nothing a document says is ever part of SQL text.
 * Large reads (every record, every fact) use single-row mode so memory
 * stays flat.  Text is sorted with COLLATE "C" so the order, and so the
 * facts, are the same as SQLite's whatever the database's locale.
 */
#include "store_int.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	Q_DOC_HASH, Q_PUT_DOC, Q_DEL_RECS, Q_PUT_REC, Q_EACH_REC,
	Q_DEL_SOURCES, Q_DEL_FACTS, Q_PUT_FACT, Q_PUT_SOURCE, Q_EACH_SOURCE,
	Q_GET_META, Q_SET_META, Q_N
};

static const char *const sql[Q_N] = {
	[Q_DOC_HASH] = "SELECT hash FROM documents WHERE id = $1",
	[Q_PUT_DOC] = "INSERT INTO documents (id, url, lang, date, hash, ingested_at, text) "
	              "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO UPDATE SET "
	              "url = excluded.url, lang = excluded.lang, date = excluded.date, "
	              "hash = excluded.hash, ingested_at = excluded.ingested_at, text = excluded.text",
	[Q_DEL_RECS] = "DELETE FROM records WHERE doc_id = $1",
	[Q_PUT_REC] = "INSERT INTO records (doc_id, ord, type, donor, recipient, consent_by, "
	              "category, system, item, quantity, unit, value, currency, event_date, "
	              "evidence, span_start, span_end) VALUES "
	              "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
	[Q_EACH_REC] = "SELECT r.id, r.doc_id, r.ord, r.type, r.donor, r.recipient, r.consent_by, "
	               "r.category, r.system, r.item, r.quantity, r.unit, r.value, r.currency, "
	               "r.event_date, r.evidence, r.span_start, r.span_end, d.url, d.date "
	               "FROM records r JOIN documents d ON d.id = r.doc_id",
	[Q_DEL_SOURCES] = "DELETE FROM fact_sources",
	[Q_DEL_FACTS] = "DELETE FROM facts",
	[Q_PUT_FACT] = "INSERT INTO facts (" STORE_FACT_COLS ") VALUES ($1, $2, $3, $4, $5, $6, "
	               "$7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)",
	[Q_PUT_SOURCE] = "INSERT INTO fact_sources (fact_id, record_id) VALUES ($1, $2)",
	[Q_EACH_SOURCE] = "SELECT fs.fact_id, r.id, r.doc_id, r.ord, r.type, d.url, d.date, "
	                  "r.quantity, r.evidence, r.span_start, r.span_end "
	                  "FROM fact_sources fs JOIN records r ON r.id = fs.record_id "
	                  "JOIN documents d ON d.id = r.doc_id WHERE fs.fact_id = $1 "
	                  "ORDER BY d.date IS NULL, d.date COLLATE \"C\", r.doc_id COLLATE \"C\", r.ord",
	[Q_GET_META] = "SELECT value FROM meta WHERE key = $1",
	[Q_SET_META] = "INSERT INTO meta (key, value) VALUES ($1, $2) "
	               "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
};

typedef struct pg_store {
	store base;
	PGconn *db;
	int stale_at_commit;   /* facts_stale = 1 is written by the commit */
} pg_store;

/* Text parameters for one statement; numbers are formatted into own
 * slots so the array of pointers stays valid until the call. */
typedef struct params {
	const char *v[24];
	char num[24][32];
	int n;
} params;

static void p_text(params *p, const char *s)
{
	p->v[p->n++] = s;
}

static void p_date(params *p, const char *s)
{
	p->v[p->n++] = s && *s ? s : NULL;
}

static void p_num(params *p, double d)
{
	if (d < 0) {
		p->v[p->n++] = NULL;
		return;
	}
	snprintf(p->num[p->n], sizeof p->num[0], "%.17g", d);
	p->v[p->n] = p->num[p->n];
	p->n++;
}

static void p_int(params *p, long long i)
{
	snprintf(p->num[p->n], sizeof p->num[0], "%lld", i);
	p->v[p->n] = p->num[p->n];
	p->n++;
}

static int fail_msg(pg_store *s, sl_err *e, const char *what, const char *msg)
{
	size_t n = msg ? strlen(msg) : 0;
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		n--;
	sl_err_set(e, "postgresql: %s: %.*s", what, (int)n, msg ? msg : "");
	return SL_EDB;
}

static int fail(pg_store *s, sl_err *e, const char *what)
{
	return fail_msg(s, e, what, PQerrorMessage(s->db));
}

/* Checks a finished result; clears it unless keep. */
static int check(pg_store *s, PGresult *r, sl_err *e, const char *what)
{
	ExecStatusType st = PQresultStatus(r);
	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_SINGLE_TUPLE)
		return SL_OK;
	fail_msg(s, e, what, r ? PQresultErrorMessage(r) : PQerrorMessage(s->db));
	PQclear(r);
	return SL_EDB;
}

static int exec(pg_store *s, const char *text, sl_err *e)
{
	PGresult *r = PQexec(s->db, text);
	if (check(s, r, e, text))
		return SL_EDB;
	PQclear(r);
	return SL_OK;
}

static PGresult *run(pg_store *s, int q, const params *p, sl_err *e)
{
	char name[16];
	snprintf(name, sizeof name, "sl%d", q);
	PGresult *r = PQexecPrepared(s->db, name, p ? p->n : 0, p ? p->v : NULL, NULL, NULL, 0);
	if (check(s, r, e, "query"))
		return NULL;
	return r;
}

static int run0(pg_store *s, int q, const params *p, sl_err *e)
{
	PGresult *r = run(s, q, p, e);
	if (!r)
		return SL_EDB;
	PQclear(r);
	return SL_OK;
}

static char *col_dup(PGresult *r, int row, int c)
{
	return PQgetisnull(r, row, c) ? NULL : xstrdup(PQgetvalue(r, row, c));
}

static double col_num(PGresult *r, int row, int c)
{
	return PQgetisnull(r, row, c) ? -1 : strtod(PQgetvalue(r, row, c), NULL);
}

static long long col_int(PGresult *r, int row, int c)
{
	return PQgetisnull(r, row, c) ? 0 : strtoll(PQgetvalue(r, row, c), NULL, 10);
}

static void col_date(PGresult *r, int row, int c, char dst[11])
{
	store_set_date(dst, PQgetisnull(r, row, c) ? NULL : PQgetvalue(r, row, c));
}

/* Streams the rows of a prepared (q >= 0) or ad hoc (text) query in
 * single-row mode, calling row() for each; row's non-zero result stops
 * the callbacks but the remaining results are drained so the connection
 * is usable again. */
typedef int (*row_fn)(void *ctx, PGresult *r);

static int stream(pg_store *s, int q, const char *text, const params *p, row_fn row,
                  void *ctx, sl_err *e)
{
	int sent, ret = SL_OK, err = SL_OK;
	if (q >= 0) {
		char name[16];
		snprintf(name, sizeof name, "sl%d", q);
		sent = PQsendQueryPrepared(s->db, name, p ? p->n : 0, p ? p->v : NULL, NULL, NULL, 0);
	} else {
		sent = PQsendQueryParams(s->db, text, p ? p->n : 0, NULL, p ? p->v : NULL, NULL, NULL, 0);
	}
	if (!sent)
		return fail(s, e, "send query");
	PQsetSingleRowMode(s->db);
	PGresult *r;
	while ((r = PQgetResult(s->db))) {
		ExecStatusType st = PQresultStatus(r);
		if (st == PGRES_SINGLE_TUPLE) {
			if (!ret && !err)
				ret = row(ctx, r);
		} else if (st != PGRES_TUPLES_OK && !err) {
			err = fail_msg(s, e, "query", PQresultErrorMessage(r));
		}
		PQclear(r);
	}
	return err ? err : ret;
}

static void pg_close(store *b)
{
	pg_store *s = (pg_store *)b;
	PQfinish(s->db);
	free(s);
}

static int pg_begin(store *b, sl_err *e)
{
	((pg_store *)b)->stale_at_commit = 0;
	return exec((pg_store *)b, "BEGIN", e);
}

static int upsert_meta(pg_store *s, const char *key, const char *val, sl_err *e);

/* The facts_stale mark of the transaction's documents is its last
 * statement: every writer updates that one meta row, and its row lock
 * is then held for the commit only, not for the whole batch (which
 * would serialise concurrent ingests). */
static int pg_commit(store *b, sl_err *e)
{
	pg_store *s = (pg_store *)b;
	int rc = SL_OK;
	if (s->stale_at_commit) {
		s->stale_at_commit = 0;
		rc = upsert_meta(s, "facts_stale", "1", e);
	}
	if (!rc)
		rc = exec(s, "COMMIT", e);
	if (rc && PQtransactionStatus(s->db) != PQTRANS_IDLE)
		exec(s, "ROLLBACK", NULL);
	return rc;
}

static int pg_rollback(store *b, sl_err *e)
{
	pg_store *s = (pg_store *)b;
	s->stale_at_commit = 0;
	if (PQtransactionStatus(s->db) == PQTRANS_IDLE)
		return SL_OK;
	return exec(s, "ROLLBACK", e);
}

/* The text statement q gives for key, a malloc'ed copy in *out (NULL
 * for no row or SQL NULL). */
static int text_of(pg_store *s, int q, const char *key, char **out, sl_err *e)
{
	params p = { .n = 0 };
	*out = NULL;
	p_text(&p, key);
	PGresult *r = run(s, q, &p, e);
	if (!r)
		return SL_EDB;
	if (PQntuples(r) > 0)
		*out = col_dup(r, 0, 0);
	PQclear(r);
	return SL_OK;
}

static int pg_doc_hash(store *b, const char *id, char **hash, sl_err *e)
{
	return text_of((pg_store *)b, Q_DOC_HASH, id, hash, e);
}

static int pg_put_document(store *b, const store_doc *d, sl_err *e)
{
	params p = { .n = 0 };
	char now[21];
	store_now(now);
	p_text(&p, d->id);
	p_text(&p, d->url);
	p_text(&p, d->lang);
	p_date(&p, d->date);
	p_text(&p, d->hash);
	p_text(&p, now);
	/* text is NUL-terminated (doc.h) and holds no NUL, so text_len is
	 * only needed by SQLite */
	p_text(&p, d->text);
	return run0((pg_store *)b, Q_PUT_DOC, &p, e);
}

static int pg_delete_records_of(store *b, const char *doc, sl_err *e)
{
	params p = { .n = 0 };
	p_text(&p, doc);
	return run0((pg_store *)b, Q_DEL_RECS, &p, e);
}

static int pg_put_record(store *b, const char *doc, int ord, const record *r, sl_err *e)
{
	params p = { .n = 0 };
	p_text(&p, doc);
	p_int(&p, ord);
	p_text(&p, rec_type_names[r->type]);
	p_text(&p, r->donor);
	p_text(&p, r->recipient);
	p_text(&p, r->consent_by);
	p_text(&p, r->category);
	p_text(&p, r->system);
	p_text(&p, r->item);
	p_num(&p, r->quantity);
	p_text(&p, r->quantity >= 0 ? r->unit : NULL);
	p_num(&p, r->value);
	p_text(&p, r->value >= 0 ? r->currency : NULL);
	p_date(&p, r->when);
	p_text(&p, r->evidence ? r->evidence : "");
	p_int(&p, (long long)r->span[0]);
	p_int(&p, (long long)r->span[1]);
	return run0((pg_store *)b, Q_PUT_REC, &p, e);
}

struct rec_ctx {
	store_rec_fn fn;
	void *ctx;
};

static int rec_row(void *c, PGresult *res)
{
	struct rec_ctx *rc = c;
	store_rec r;
	memset(&r, 0, sizeof r);
	r.id = col_int(res, 0, 0);
	r.doc = col_dup(res, 0, 1);
	r.ord = (int)col_int(res, 0, 2);
	int t = rec_type_parse(PQgetvalue(res, 0, 3));
	r.type = t < 0 ? REC_DELIVERED : (rec_type)t;
	r.donor = col_dup(res, 0, 4);
	r.recipient = col_dup(res, 0, 5);
	r.consent_by = col_dup(res, 0, 6);
	r.category = col_dup(res, 0, 7);
	r.system = col_dup(res, 0, 8);
	r.item = col_dup(res, 0, 9);
	r.quantity = col_num(res, 0, 10);
	r.unit = col_dup(res, 0, 11);
	r.value = col_num(res, 0, 12);
	r.currency = col_dup(res, 0, 13);
	col_date(res, 0, 14, r.when);
	r.evidence = col_dup(res, 0, 15);
	r.span[0] = (size_t)col_int(res, 0, 16);
	r.span[1] = (size_t)col_int(res, 0, 17);
	r.doc_url = col_dup(res, 0, 18);
	col_date(res, 0, 19, r.doc_date);
	int ret = rc->fn(rc->ctx, &r);
	store_rec_release(&r);
	return ret;
}

static int pg_each_record(store *b, store_rec_fn fn, void *ctx, sl_err *e)
{
	struct rec_ctx c = { fn, ctx };
	return stream((pg_store *)b, Q_EACH_REC, NULL, NULL, rec_row, &c, e);
}

static int pg_clear_facts(store *b, sl_err *e)
{
	int rc = run0((pg_store *)b, Q_DEL_SOURCES, NULL, e);
	return rc ? rc : run0((pg_store *)b, Q_DEL_FACTS, NULL, e);
}

static int pg_put_fact(store *b, const fact *f, sl_err *e)
{
	pg_store *s = (pg_store *)b;
	params p = { .n = 0 };
	int rc;
	p_int(&p, f->id);
	p_text(&p, f->type);
	p_text(&p, f->donor);
	p_text(&p, f->recipient);
	p_text(&p, f->consent_by);
	p_text(&p, f->category);
	p_text(&p, f->system);
	p_text(&p, f->item);
	p_num(&p, f->quantity);
	p_text(&p, f->unit);
	p_num(&p, f->value);
	p_text(&p, f->currency);
	p_date(&p, f->when);
	p_date(&p, f->first_report);
	p_date(&p, f->last_report);
	p_date(&p, f->date_lo);
	p_date(&p, f->date_hi);
	p_int(&p, f->n_sources);
	p_int(&p, f->contradiction);
	p_text(&p, f->conflict);
	if (f->linked)
		p_int(&p, f->linked);
	else
		p_text(&p, NULL);
	if ((rc = run0(s, Q_PUT_FACT, &p, e)))
		return rc;
	for (int i = 0; i < f->n_sources; i++) {
		params q = { .n = 0 };
		p_int(&q, f->id);
		p_int(&q, f->src[i]);
		if ((rc = run0(s, Q_PUT_SOURCE, &q, e)))
			return rc;
	}
	return SL_OK;
}

struct fact_ctx {
	store_fact_fn fn;
	void *ctx;
};

static int fact_row(void *c, PGresult *r)
{
	struct fact_ctx *fc = c;
	fact f;
	memset(&f, 0, sizeof f);
	f.id = col_int(r, 0, 0);
	f.type = col_dup(r, 0, 1);
	f.donor = col_dup(r, 0, 2);
	f.recipient = col_dup(r, 0, 3);
	f.consent_by = col_dup(r, 0, 4);
	f.category = col_dup(r, 0, 5);
	f.system = col_dup(r, 0, 6);
	f.item = col_dup(r, 0, 7);
	f.quantity = col_num(r, 0, 8);
	f.unit = col_dup(r, 0, 9);
	f.value = col_num(r, 0, 10);
	f.currency = col_dup(r, 0, 11);
	col_date(r, 0, 12, f.when);
	col_date(r, 0, 13, f.first_report);
	col_date(r, 0, 14, f.last_report);
	col_date(r, 0, 15, f.date_lo);
	col_date(r, 0, 16, f.date_hi);
	f.n_sources = (int)col_int(r, 0, 17);
	f.contradiction = (int)col_int(r, 0, 18);
	f.conflict = col_dup(r, 0, 19);
	f.linked = col_int(r, 0, 20);
	int ret = fc->fn(fc->ctx, &f);
	fact_release(&f);
	return ret;
}

static int pg_each_fact(store *b, const fact_filter *flt, store_fact_fn fn, void *ctx, sl_err *e)
{
	store_filter f;
	params p = { .n = 0 };
	buf q = BUF_INIT;
	int ret;
	if ((ret = store_filter_norm(flt, &f, e)))
		return ret;
	const char *vals[6];
	int nv = store_filter_sql(&f, &q, vals);
	for (int i = 0; i < nv; i++)
		p_text(&p, vals[i]);
	struct fact_ctx c = { fn, ctx };
	ret = stream((pg_store *)b, -1, q.p, &p, fact_row, &c, e);
	buf_release(&q);
	return ret;
}

static int pg_each_source(store *b, int64_t fact_id, store_source_fn fn, void *ctx, sl_err *e)
{
	params p = { .n = 0 };
	int ret = SL_OK;
	p_int(&p, fact_id);
	PGresult *r = run((pg_store *)b, Q_EACH_SOURCE, &p, e);
	if (!r)
		return SL_EDB;
	for (int i = 0; i < PQntuples(r) && !ret; i++) {
		fact_source fs;
		memset(&fs, 0, sizeof fs);
		fs.fact_id = col_int(r, i, 0);
		fs.record_id = col_int(r, i, 1);
		fs.doc = col_dup(r, i, 2);
		fs.ord = (int)col_int(r, i, 3);
		fs.type = col_dup(r, i, 4);
		fs.url = col_dup(r, i, 5);
		col_date(r, i, 6, fs.date);
		fs.quantity = col_num(r, i, 7);
		fs.evidence = col_dup(r, i, 8);
		fs.span[0] = (size_t)col_int(r, i, 9);
		fs.span[1] = (size_t)col_int(r, i, 10);
		ret = fn(ctx, &fs);
		fact_source_release(&fs);
	}
	PQclear(r);
	return ret;
}

static int pg_get_meta(store *b, const char *key, char **val, sl_err *e)
{
	return text_of((pg_store *)b, Q_GET_META, key, val, e);
}

static int upsert_meta(pg_store *s, const char *key, const char *val, sl_err *e)
{
	params p = { .n = 0 };
	p_text(&p, key);
	p_text(&p, val);
	return run0(s, Q_SET_META, &p, e);
}

static int pg_set_meta(store *b, const char *key, const char *val, sl_err *e)
{
	pg_store *s = (pg_store *)b;
	if (!strcmp(key, "facts_stale") && !strcmp(val, "1") &&
	    PQtransactionStatus(s->db) == PQTRANS_INTRANS) {
		s->stale_at_commit = 1;   /* see pg_commit */
		return SL_OK;
	}
	return upsert_meta(s, key, val, e);
}

/* Transaction-level advisory locks keyed (space, hashtext(name)); the
 * two-int key space is apart from the migration's single bigint key. */
static int pg_lock(store *b, int space, const char *name, int wait, sl_err *e)
{
	pg_store *s = (pg_store *)b;
	params p = { .n = 0 };
	p_int(&p, 7316500 + space);
	p_text(&p, name);
	PGresult *r = PQexecParams(s->db, wait ? "SELECT pg_advisory_xact_lock($1::int, hashtext($2))::text"
	                                       : "SELECT pg_try_advisory_xact_lock($1::int, hashtext($2))",
	                           p.n, NULL, p.v, NULL, NULL, 0);
	if (check(s, r, e, "lock"))
		return SL_EDB;
	int busy = !wait && PQntuples(r) == 1 && !strcmp(PQgetvalue(r, 0, 0), "f");
	PQclear(r);
	return busy ? SL_DONE : SL_OK;
}

static int count1(store *b, const char *q, long long *out, sl_err *e)
{
	pg_store *s = (pg_store *)b;
	PGresult *r = PQexecParams(s->db, q, 0, NULL, NULL, NULL, NULL, 0);
	if (check(s, r, e, "count"))
		return SL_EDB;
	*out = PQntuples(r) ? col_int(r, 0, 0) : 0;
	PQclear(r);
	return SL_OK;
}

static int pg_counts(store *b, store_counts *c, sl_err *e)
{
	return store_counts_by(b, count1, c, e);
}

static int pg_schema_version(store *b, int *version, sl_err *e)
{
	return store_version_by(b, count1, version, e);
}

typedef struct query_ctx {
	store_row_fn fn;
	void *ctx;
} query_ctx;

static int query_row(void *arg, PGresult *r)
{
	query_ctx *q = arg;
	const char *vals[64];
	int nc = PQnfields(r);
	if (!q->fn)
		return 0;
	if (nc > 64)
		nc = 64;
	for (int i = 0; i < nc; i++)
		vals[i] = PQgetisnull(r, 0, i) ? NULL : PQgetvalue(r, 0, i);
	return q->fn(q->ctx, nc, vals);
}

/* Ad hoc statements of other modules: every value a text parameter,
 * streamed like the large reads. */
static int pg_query(store *b, const char *q, int np, const char *const *pv,
                    store_row_fn fn, void *ctx, sl_err *e)
{
	pg_store *s = (pg_store *)b;
	params p = { .n = 0 };
	query_ctx qc = { fn, ctx };
	if (np > (int)(sizeof p.v / sizeof p.v[0])) {
		sl_err_set(e, "postgresql: query: too many parameters (%d)", np);
		return SL_EARG;
	}
	for (int i = 0; i < np; i++)
		p_text(&p, pv[i]);
	/* as stream(), but a statement without rows (COMMAND_OK) is fine */
	if (!PQsendQueryParams(s->db, q, p.n, NULL, p.v, NULL, NULL, 0))
		return fail(s, e, "send query");
	PQsetSingleRowMode(s->db);
	PGresult *r;
	int ret = SL_OK, err = SL_OK;
	while ((r = PQgetResult(s->db))) {
		ExecStatusType st = PQresultStatus(r);
		if (st == PGRES_SINGLE_TUPLE) {
			if (!ret && !err)
				ret = query_row(&qc, r);
		} else if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK && !err) {
			err = fail_msg(s, e, "query", PQresultErrorMessage(r));
		}
		PQclear(r);
	}
	return err ? err : ret;
}

static const store_ops pg_ops = {
	"postgresql", pg_close, pg_begin, pg_commit, pg_rollback, pg_doc_hash,
	pg_put_document, pg_delete_records_of, pg_put_record, pg_each_record,
	pg_clear_facts, pg_put_fact, pg_each_fact, pg_each_source, pg_get_meta,
	pg_set_meta, pg_counts, pg_schema_version, pg_query, pg_lock
};

/* Migrations run under an advisory lock, so two processes opening a new
 * database at once do not both create the tables. */
static int migrate(pg_store *s, sl_err *e)
{
	int have, want = 0, rc;
	while (store_pg_migrations[want])
		want++;
	if ((rc = exec(s, "BEGIN", e)))
		return rc;
	if ((rc = exec(s, "SELECT pg_advisory_xact_lock(7316504)", e)) ||
	    (rc = exec(s, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", e)) ||
	    (rc = pg_schema_version(&s->base, &have, e)))
		goto out;
	if (have > want) {
		sl_err_set(e, "postgresql: schema version %d is newer than this supplyline knows (%d)",
		           have, want);
		rc = SL_EDB;
		goto out;
	}
	for (int v = have; v < want; v++) {
		params p = { .n = 0 };
		p_int(&p, v + 1);
		if ((rc = exec(s, store_pg_migrations[v], e)))
			goto out;
		PGresult *r = PQexecParams(s->db, "INSERT INTO schema_version (version) VALUES ($1)",
		                           1, NULL, p.v, NULL, NULL, 0);
		if ((rc = check(s, r, e, "schema version")))
			goto out;
		PQclear(r);
	}
	return exec(s, "COMMIT", e);
out:
	pg_rollback(&s->base, NULL);
	return rc;
}

static void quiet(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;   /* NOTICEs ("relation exists, skipping") are not errors */
}

store *store_pg_open(const char *conninfo, sl_err *e)
{
	pg_store *s = xcalloc(1, sizeof *s);
	s->base.ops = &pg_ops;
	s->db = PQconnectdb(conninfo);
	if (!s->db || PQstatus(s->db) != CONNECTION_OK) {
		if (s->db)
			fail(s, e, "connect");
		else
			sl_err_set(e, "postgresql: connect: out of memory");
		pg_close(&s->base);
		return NULL;
	}
	PQsetNoticeProcessor(s->db, quiet, NULL);
	if (exec(s, "SET client_encoding = 'UTF8'", e) || migrate(s, e))
		goto fail;
	for (int q = 0; q < Q_N; q++) {
		char name[16];
		snprintf(name, sizeof name, "sl%d", q);
		PGresult *r = PQprepare(s->db, name, sql[q], 0, NULL);
		if (check(s, r, e, "prepare"))
			goto fail;
		PQclear(r);
	}
	return &s->base;
fail:
	pg_close(&s->base);
	return NULL;
}
