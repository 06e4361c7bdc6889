/*
 * sqlite: the SQLite backend of store.h.
 *
 * The database runs in WAL mode (readers such as `serve` do not block an
 * ingest), with foreign keys on and a busy timeout so a second process
 * waits instead of failing.  Every statement is prepared once, on first
 * use, and reused with fresh bindings; the only SQL text executed
 * directly is constant (pragmas, migrations, transaction control).
 */
#include "store_int.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

enum {
	Q_DOC_HASH, Q_PUT_DOC, Q_DEL_RECS, Q_PUT_REC, Q_EACH_REC,
	Q_DEL_SOURCES, Q_DEL_FACTS, Q_PUT_FACT, Q_PUT_SOURCE, Q_EACH_SOURCE,
	Q_GET_META, Q_SET_META, Q_N
};

static const char *const sql[Q_N] = {
	[Q_DOC_HASH] = "SELECT hash FROM documents WHERE id = ?1",
	[Q_PUT_DOC] = "INSERT INTO documents (id, url, lang, date, hash, ingested_at, text) "
	              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO UPDATE SET "
	              "url = excluded.url, lang = excluded.lang, date = excluded.date, "
	              "hash = excluded.hash, ingested_at = excluded.ingested_at, text = excluded.text",
	[Q_DEL_RECS] = "DELETE FROM records WHERE doc_id = ?1",
	[Q_PUT_REC] = "INSERT INTO records (doc_id, ord, type, donor, recipient, consent_by, "
	              "category, system, item, quantity, unit, value, currency, event_date, "
	              "evidence, span_start, span_end) VALUES "
	              "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
	[Q_EACH_REC] = "SELECT r.id, r.doc_id, r.ord, r.type, r.donor, r.recipient, r.consent_by, "
	               "r.category, r.system, r.item, r.quantity, r.unit, r.value, r.currency, "
	               "r.event_date, r.evidence, r.span_start, r.span_end, d.url, d.date "
	               "FROM records r JOIN documents d ON d.id = r.doc_id",
	[Q_DEL_SOURCES] = "DELETE FROM fact_sources",
	[Q_DEL_FACTS] = "DELETE FROM facts",
	[Q_PUT_FACT] = "INSERT INTO facts (" STORE_FACT_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
	               "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
	[Q_PUT_SOURCE] = "INSERT INTO fact_sources (fact_id, record_id) VALUES (?1, ?2)",
	[Q_EACH_SOURCE] = "SELECT fs.fact_id, r.id, r.doc_id, r.ord, r.type, d.url, d.date, "
	                  "r.quantity, r.evidence, r.span_start, r.span_end "
	                  "FROM fact_sources fs JOIN records r ON r.id = fs.record_id "
	                  "JOIN documents d ON d.id = r.doc_id WHERE fs.fact_id = ?1 "
	                  "ORDER BY d.date IS NULL, d.date, r.doc_id, r.ord",
	[Q_GET_META] = "SELECT value FROM meta WHERE key = ?1",
	[Q_SET_META] = "INSERT INTO meta (key, value) VALUES (?1, ?2) "
	               "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
};

typedef struct sqlite_store {
	store base;
	sqlite3 *db;
	char *path;
	sqlite3_stmt *q[Q_N];
} sqlite_store;

static int fail(sqlite_store *s, sl_err *e, const char *what)
{
	sl_err_set(e, "%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
	return SL_EDB;
}

static int exec(sqlite_store *s, const char *text, sl_err *e)
{
	char *msg = NULL;
	if (sqlite3_exec(s->db, text, NULL, NULL, &msg) != SQLITE_OK) {
		sl_err_set(e, "%s: %s", s->path, msg ? msg : sqlite3_errmsg(s->db));
		sqlite3_free(msg);
		return SL_EDB;
	}
	return SL_OK;
}

/* The prepared statement for q, reset and unbound, ready for bindings. */
static sqlite3_stmt *stmt(sqlite_store *s, int q, sl_err *e)
{
	if (!s->q[q]) {
		if (sqlite3_prepare_v3(s->db, sql[q], -1, SQLITE_PREPARE_PERSISTENT, &s->q[q], NULL) != SQLITE_OK) {
			fail(s, e, "prepare");
			return NULL;
		}
	} else {
		sqlite3_reset(s->q[q]);
		sqlite3_clear_bindings(s->q[q]);
	}
	return s->q[q];
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

static void bind_date(sqlite3_stmt *st, int i, const char *v)
{
	bind_text(st, i, v && *v ? v : NULL);
}

static void bind_num(sqlite3_stmt *st, int i, double v)
{
	if (v >= 0)
		sqlite3_bind_double(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

/* Runs a statement that returns no rows. */
static int run(sqlite_store *s, sqlite3_stmt *st, sl_err *e, const char *what)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return fail(s, e, what);
	return SL_OK;
}

static char *col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? xstrdup((const char *)t) : NULL;
}

static double col_num(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_double(st, i);
}

static void col_date(sqlite3_stmt *st, int i, char dst[11])
{
	store_set_date(dst, (const char *)sqlite3_column_text(st, i));
}

static void sq_close(store *base)
{
	sqlite_store *s = (sqlite_store *)base;
	for (int i = 0; i < Q_N; i++)
		sqlite3_finalize(s->q[i]);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

static int sq_begin(store *b, sl_err *e) { return exec((sqlite_store *)b, "BEGIN IMMEDIATE", e); }
static int sq_commit(store *b, sl_err *e) { return exec((sqlite_store *)b, "COMMIT", e); }

static int sq_rollback(store *b, sl_err *e)
{
	sqlite_store *s = (sqlite_store *)b;
	if (sqlite3_get_autocommit(s->db))
		return SL_OK;   /* SQLite already rolled back after an error */
	return exec(s, "ROLLBACK", e);
}

/* The text statement q gives for key, a malloc'ed copy in *out (NULL
 * for no row or SQL NULL). */
static int text_of(sqlite_store *s, int q, const char *key, char **out, sl_err *e,
                   const char *what)
{
	sqlite3_stmt *st = stmt(s, q, e);
	*out = NULL;
	if (!st)
		return SL_EDB;
	bind_text(st, 1, key);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = col_dup(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? SL_OK : fail(s, e, what);
}

static int sq_doc_hash(store *b, const char *id, char **hash, sl_err *e)
{
	return text_of((sqlite_store *)b, Q_DOC_HASH, id, hash, e, "document hash");
}

static int sq_put_document(store *b, const store_doc *d, sl_err *e)
{
	sqlite_store *s = (sqlite_store *)b;
	sqlite3_stmt *st = stmt(s, Q_PUT_DOC, e);
	char now[21];
	if (!st)
		return SL_EDB;
	store_now(now);
	bind_text(st, 1, d->id);
	bind_text(st, 2, d->url);
	bind_text(st, 3, d->lang);
	bind_date(st, 4, d->date);
	bind_text(st, 5, d->hash);
	bind_text(st, 6, now);
	if (d->text)
		sqlite3_bind_text(st, 7, d->text, (int)d->text_len, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, 7);
	return run(s, st, e, "store document");
}

static int sq_delete_records_of(store *b, const char *doc, sl_err *e)
{
	sqlite_store *s = (sqlite_store *)b;
	sqlite3_stmt *st = stmt(s, Q_DEL_RECS, e);
	if (!st)
		return SL_EDB;
	bind_text(st, 1, doc);
	return run(s, st, e, "delete records");
}

static int sq_put_record(store *b, const char *doc, int ord, const record *r, sl_err *e)
{
	sqlite_store *s = (sqlite_store *)b;
	sqlite3_stmt *st = stmt(s, Q_PUT_REC, e);
	if (!st)
		return SL_EDB;
	bind_text(st, 1, doc);
	sqlite3_bind_int(st, 2, ord);
	bind_text(st, 3, rec_type_names[r->type]);
	bind_text(st, 4, r->donor);
	bind_text(st, 5, r->recipient);
	bind_text(st, 6, r->consent_by);
	bind_text(st, 7, r->category);
	bind_text(st, 8, r->system);
	bind_text(st, 9, r->item);
	bind_num(st, 10, r->quantity);
	bind_text(st, 11, r->quantity >= 0 ? r->unit : NULL);
	bind_num(st, 12, r->value);
	bind_text(st, 13, r->value >= 0 ? r->currency : NULL);
	bind_date(st, 14, r->when);
	bind_text(st, 15, r->evidence ? r->evidence : "");
	sqlite3_bind_int64(st, 16, (sqlite3_int64)r->span[0]);
	sqlite3_bind_int64(st, 17, (sqlite3_int64)r->span[1]);
	return run(s, st, e, "store record");
}

static int sq_each_record(store *b, store_rec_fn fn, void *ctx, sl_err *e)
{
	sqlite_store *s = (sqlite_store *)b;
	sqlite3_stmt *st = stmt(s, Q_EACH_REC, e);
	int rc, ret = SL_OK;
	if (!st)
		return SL_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		store_rec r;
		memset(&r, 0, sizeof r);
		r.id = sqlite3_column_int64(st, 0);
		r.doc = col_dup(st, 1);
		r.ord = sqlite3_column_int(st, 2);
		int t = rec_type_parse((const char *)sqlite3_column_text(st, 3));
		r.type = t < 0 ? REC_DELIVERED : (rec_type)t;
		r.donor = col_dup(st, 4);
		r.recipient = col_dup(st, 5);
		r.consent_by = col_dup(st, 6);
		r.category = col_dup(st, 7);
		r.system = col_dup(st, 8);
		r.item = col_dup(st, 9);
		r.quantity = col_num(st, 10);
		r.unit = col_dup(st, 11);
		r.value = col_num(st, 12);
		r.currency = col_dup(st, 13);
		col_date(st, 14, r.when);
		r.evidence = col_dup(st, 15);
		r.span[0] = (size_t)sqlite3_column_int64(st, 16);
		r.span[1] = (size_t)sqlite3_column_int64(st, 17);
		r.doc_url = col_dup(st, 18);
		col_date(st, 19, r.doc_date);
		ret = fn(ctx, &r);
		store_rec_release(&r);
		if (ret)
			break;
	}
	if (!ret && rc != SQLITE_DONE)
		ret = fail(s, e, "read records");
	sqlite3_reset(st);
	return ret;
}

static int sq_clear_facts(store *b, sl_err *e)
{
	sqlite_store *s = (sqlite_store *)b;
	sqlite3_stmt *st = stmt(s, Q_DEL_SOURCES, e);
	int rc;
	if (!st || (rc = run(s, st, e, "clear fact sources")))
		return SL_EDB;
	if (!(st = stmt(s, Q_DEL_FACTS, e)))
		return SL_EDB;
	return run(s, st, e, "clear facts");
}

static int sq_put_fact(store *b, const fact *f, sl_err *e)
{
	sqlite_store *s = (sqlite_store *)b;
	sqlite3_stmt *st = stmt(s, Q_PUT_FACT, e);
	int rc;
	if (!st)
		return SL_EDB;
	sqlite3_bind_int64(st, 1, f->id);
	bind_text(st, 2, f->type);
	bind_text(st, 3, f->donor);
	bind_text(st, 4, f->recipient);
	bind_text(st, 5, f->consent_by);
	bind_text(st, 6, f->category);
	bind_text(st, 7, f->system);
	bind_text(st, 8, f->item);
	bind_num(st, 9, f->quantity);
	bind_text(st, 10, f->unit);
	bind_num(st, 11, f->value);
	bind_text(st, 12, f->currency);
	bind_date(st, 13, f->when);
	bind_date(st, 14, f->first_report);
	bind_date(st, 15, f->last_report);
	bind_date(st, 16, f->date_lo);
	bind_date(st, 17, f->date_hi);
	sqlite3_bind_int(st, 18, f->n_sources);
	sqlite3_bind_int(st, 19, f->contradiction);
	bind_text(st, 20, f->conflict);
	if (f->linked)
		sqlite3_bind_int64(st, 21, f->linked);
	else
		sqlite3_bind_null(st, 21);
	if ((rc = run(s, st, e, "store fact")))
		return rc;
	for (int i = 0; i < f->n_sources; i++) {
		if (!(st = stmt(s, Q_PUT_SOURCE, e)))
			return SL_EDB;
		sqlite3_bind_int64(st, 1, f->id);
		sqlite3_bind_int64(st, 2, f->src[i]);
		if ((rc = run(s, st, e, "store fact source")))
			return rc;
	}
	return SL_OK;
}

static void read_fact(sqlite3_stmt *st, fact *f)
{
	memset(f, 0, sizeof *f);
	f->id = sqlite3_column_int64(st, 0);
	f->type = col_dup(st, 1);
	f->donor = col_dup(st, 2);
	f->recipient = col_dup(st, 3);
	f->consent_by = col_dup(st, 4);
	f->category = col_dup(st, 5);
	f->system = col_dup(st, 6);
	f->item = col_dup(st, 7);
	f->quantity = col_num(st, 8);
	f->unit = col_dup(st, 9);
	f->value = col_num(st, 10);
	f->currency = col_dup(st, 11);
	col_date(st, 12, f->when);
	col_date(st, 13, f->first_report);
	col_date(st, 14, f->last_report);
	col_date(st, 15, f->date_lo);
	col_date(st, 16, f->date_hi);
	f->n_sources = sqlite3_column_int(st, 17);
	f->contradiction = sqlite3_column_int(st, 18);
	f->conflict = col_dup(st, 19);
	f->linked = sqlite3_column_int64(st, 20);
}

/* The filter query is built from a fixed set of clauses, so it is
 * prepared per call (one call per command) with every value bound. */
static int sq_each_fact(store *b, const fact_filter *flt, store_fact_fn fn, void *ctx, sl_err *e)
{
	sqlite_store *s = (sqlite_store *)b;
	store_filter f;
	buf q = BUF_INIT;
	const char *vals[6];
	int rc, ret;
	sqlite3_stmt *st = NULL;

	if ((ret = store_filter_norm(flt, &f, e)))
		return ret;
	int nv = store_filter_sql(&f, &q, vals);
	rc = sqlite3_prepare_v2(s->db, q.p, -1, &st, NULL);
	buf_release(&q);
	if (rc != SQLITE_OK)
		return fail(s, e, "prepare facts query");
	for (int i = 0; i < nv; i++)
		bind_text(st, i + 1, vals[i]);
	ret = SL_OK;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		fact ft;
		read_fact(st, &ft);
		ret = fn(ctx, &ft);
		fact_release(&ft);
		if (ret)
			break;
	}
	if (!ret && rc != SQLITE_DONE)
		ret = fail(s, e, "read facts");
	sqlite3_finalize(st);
	return ret;
}

static int sq_each_source(store *b, int64_t fact_id, store_source_fn fn, void *ctx, sl_err *e)
{
	sqlite_store *s = (sqlite_store *)b;
	sqlite3_stmt *st = stmt(s, Q_EACH_SOURCE, e);
	int rc, ret = SL_OK;
	if (!st)
		return SL_EDB;
	sqlite3_bind_int64(st, 1, fact_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		fact_source fs;
		memset(&fs, 0, sizeof fs);
		fs.fact_id = sqlite3_column_int64(st, 0);
		fs.record_id = sqlite3_column_int64(st, 1);
		fs.doc = col_dup(st, 2);
		fs.ord = sqlite3_column_int(st, 3);
		fs.type = col_dup(st, 4);
		fs.url = col_dup(st, 5);
		col_date(st, 6, fs.date);
		fs.quantity = col_num(st, 7);
		fs.evidence = col_dup(st, 8);
		fs.span[0] = (size_t)sqlite3_column_int64(st, 9);
		fs.span[1] = (size_t)sqlite3_column_int64(st, 10);
		ret = fn(ctx, &fs);
		fact_source_release(&fs);
		if (ret)
			break;
	}
	if (!ret && rc != SQLITE_DONE)
		ret = fail(s, e, "read fact sources");
	sqlite3_reset(st);
	return ret;
}

static int sq_get_meta(store *b, const char *key, char **val, sl_err *e)
{
	return text_of((sqlite_store *)b, Q_GET_META, key, val, e, "read meta");
}

static int sq_set_meta(store *b, const char *key, const char *val, sl_err *e)
{
	sqlite_store *s = (sqlite_store *)b;
	sqlite3_stmt *st = stmt(s, Q_SET_META, e);
	if (!st)
		return SL_EDB;
	bind_text(st, 1, key);
	bind_text(st, 2, val);
	return run(s, st, e, "write meta");
}

/* A constant query returning one integer. */
static int count1(store *b, const char *q, long long *out, sl_err *e)
{
	sqlite_store *s = (sqlite_store *)b;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, q, -1, &st, NULL) != SQLITE_OK)
		return fail(s, e, "prepare count");
	int rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? SL_OK : fail(s, e, "count");
}

static int sq_counts(store *b, store_counts *c, sl_err *e)
{
	return store_counts_by(b, count1, c, e);
}

static int sq_schema_version(store *b, int *version, sl_err *e)
{
	return store_version_by(b, count1, version, e);
}

/* Ad hoc statements of other modules: prepared per call (they are few
 * and small), every value bound.  "$n" is a named parameter to SQLite,
 * numbered in order of first use, which is why the contract asks for
 * ascending first uses. */
static int sq_query(store *b, const char *q, int np, const char *const *pv,
                    store_row_fn fn, void *ctx, sl_err *e)
{
	sqlite_store *s = (sqlite_store *)b;
	sqlite3_stmt *st = NULL;
	int rc, ret = SL_OK;
	if (sqlite3_prepare_v2(s->db, q, -1, &st, NULL) != SQLITE_OK)
		return fail(s, e, "prepare query");
	int want = sqlite3_bind_parameter_count(st);
	if (want != np) {
		sqlite3_finalize(st);
		sl_err_set(e, "%s: query wants %d parameters, got %d", s->path, want, np);
		return SL_EARG;
	}
	for (int i = 0; i < np; i++)
		bind_text(st, i + 1, pv[i]);
	int nc = sqlite3_column_count(st);
	const char *vals[64];
	if (nc > 64)
		nc = 64;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!fn)
			continue;
		for (int i = 0; i < nc; i++)
			vals[i] = (const char *)sqlite3_column_text(st, i);
		if ((ret = fn(ctx, nc, vals)))
			break;
	}
	if (!ret && rc != SQLITE_DONE)
		ret = fail(s, e, "query");
	sqlite3_finalize(st);
	return ret;
}

static const store_ops sqlite_ops = {
	"sqlite", sq_close, sq_begin, sq_commit, sq_rollback, sq_doc_hash,
	sq_put_document, sq_delete_records_of, sq_put_record, sq_each_record,
	sq_clear_facts, sq_put_fact, sq_each_fact, sq_each_source, sq_get_meta,
	sq_set_meta, sq_counts, sq_schema_version, sq_query, NULL
};

static int bump(sqlite_store *s, int version, sl_err *e)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "INSERT INTO schema_version (version) VALUES (?1)", -1, &st, NULL) != SQLITE_OK)
		return fail(s, e, "prepare schema version");
	sqlite3_bind_int(st, 1, version);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? SL_OK : fail(s, e, "schema version");
}

static int migrate(sqlite_store *s, sl_err *e)
{
	int have, want = 0, rc;
	if ((rc = exec(s, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", e)) ||
	    (rc = sq_schema_version(&s->base, &have, e)))
		return rc;
	while (store_sqlite_migrations[want])
		want++;
	if (have > want) {
		sl_err_set(e, "%s: schema version %d is newer than this supplyline knows (%d)",
		           s->path, have, want);
		return SL_EDB;
	}
	for (int v = have; v < want; v++) {
		if ((rc = sq_begin(&s->base, e)))
			return rc;
		if ((rc = exec(s, store_sqlite_migrations[v], e)) || (rc = bump(s, v + 1, e)) ||
		    (rc = sq_commit(&s->base, e))) {
			sq_rollback(&s->base, NULL);
			return rc;
		}
	}
	return SL_OK;
}

store *store_sqlite_open(const char *path, sl_err *e)
{
	sqlite_store *s = xcalloc(1, sizeof *s);
	s->base.ops = &sqlite_ops;
	s->path = xstrdup(path);
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		if (s->db)
			fail(s, e, "open");
		else
			sl_err_set(e, "%s: cannot open database", path);
		sq_close(&s->base);
		return NULL;
	}
	sqlite3_busy_timeout(s->db, 10000);
	if (exec(s, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; "
	            "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; "
	            "PRAGMA mmap_size = 268435456; PRAGMA temp_store = MEMORY;", e) ||
	    migrate(s, e)) {
		sq_close(&s->base);
		return NULL;
	}
	return &s->base;
}
