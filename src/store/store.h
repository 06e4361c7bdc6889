/*
 * store: where documents, records and facts live between runs.
 *
 * One interface, two backends behind a table of function pointers (as
 * SQLite's VFS or redis' ae_*.c): SQLite through libsqlite3 and
 * PostgreSQL through libpq.  store_open picks the backend from the URL;
 * everything above this header (ingest, facts, consent, serve) is
 * backend-blind.  Both backends bind every value as a parameter and reuse
 * prepared statements; only the constant migration scripts are executed
 * as plain SQL text.
 *
 * Layers:
 *   - store_ops: the raw operations a backend implements (sqlite.c, pg.c).
 *   - store_put_doc: the ingest contract (new / unchanged / changed by
 *     content hash; a changed document's records are replaced), store.c.
 *   - facts_rebuild: merging records of different documents into facts,
 *     backend-independent, facts.c.
 *   - facts_csv_* / facts_json: the export formats, export.c.
 *
 * Ownership: strings passed in are copied by the backend before the call
 * returns.  Structs handed to callbacks (store_rec, fact, fact_source) are
 * owned by the store and valid only during the callback: copy what you
 * keep (store_rec_copy / fact_copy help).  Transactions: begin/commit/
 * rollback do not nest; a write outside a transaction commits by itself.
 *
 * A callback must not call the store: the PostgreSQL backend streams
 * rows, and its connection is busy until the iteration ends.
 *
 * Errors: every operation returns SL_OK or a negative code (SL_EDB for
 * the database, SL_EARG for a bad URL or filter) with e set.  A callback
 * that returns non-zero stops the iteration, and the operation returns
 * that value.
 */
#ifndef SL_STORE_H
#define SL_STORE_H

#include <stddef.h>
#include <stdint.h>
#include "../base/err.h"
#include "../base/buf.h"
#include "../extract/record.h"

#define STORE_DEFAULT_DB "supplyline.db"

typedef struct store store;

typedef enum {
	STORE_DOC_NEW,
	STORE_DOC_UNCHANGED,
	STORE_DOC_CHANGED
} store_doc_status;

/* A document's row: what identifies it and whether it changed. */
typedef struct store_doc {
	const char *id;
	const char *url;      /* NULL when unknown */
	const char *lang;     /* NULL when unknown */
	const char *date;     /* YYYY[-MM[-DD]] or NULL */
	const char *hash;     /* content hash, see store_doc_hash */
	const char *text;     /* the text as read (spans point into it), or
	                         NULL: then none is stored (schema >= 2) */
	size_t text_len;      /* bytes in text */
} store_doc;

/* A record as stored, with the document fields facts need.  Unlike
 * `record`, it owns every string (store_rec_release frees them). */
typedef struct store_rec {
	int64_t id;           /* records.id */
	char *doc;
	int ord;              /* position among its document's records */
	rec_type type;
	char *donor, *recipient, *consent_by, *category, *system, *item;
	double quantity;      /* < 0: null */
	char *unit;
	double value;         /* < 0: null */
	char *currency;
	char when[11];        /* "" = null */
	char *evidence;
	size_t span[2];
	char *doc_url;        /* NULL when unknown */
	char doc_date[11];    /* "" = unknown */
} store_rec;

/* A merged fact (see facts.c for the rule). */
typedef struct fact {
	int64_t id;
	char *type;           /* group: delivered, committed, offered, refused,
	                         requested, consent_requested/_granted/_denied */
	char *donor, *recipient, *consent_by, *category, *system, *item;
	double quantity;      /* < 0: null */
	char *unit;
	double value;         /* < 0: null */
	char *currency;
	char when[11];        /* the event's date, "" = unknown */
	char first_report[11], last_report[11]; /* documents' dates, "" = unknown */
	char date_lo[11], date_hi[11]; /* the day range the fact's date covers */
	int n_sources;
	int contradiction;    /* 1 when its sources disagree */
	char *conflict;       /* why, for the analyst, or NULL */
	int64_t linked;       /* commitment <-> delivery, 0 = none */
	int64_t *src;         /* record ids, n_sources of them */
} fact;

/* One source of a fact: the record and the document it came from. */
typedef struct fact_source {
	int64_t fact_id;
	int64_t record_id;
	char *doc;
	int ord;
	char *type;           /* the record's own type */
	char *url;            /* NULL when unknown */
	char date[11];        /* the document's date, "" = unknown */
	double quantity;      /* the record's own quantity, < 0: null */
	char *evidence;
	size_t span[2];
} fact_source;

/* Filters for facts; NULL fields do not filter.  since/until take
 * YYYY[-MM[-DD]] and keep facts whose date range overlaps; a fact with
 * no date at all is dropped by either. */
typedef struct fact_filter {
	const char *donor, *recipient, *type, *category, *since, *until;
} fact_filter;

typedef struct store_counts {
	long long documents, records, facts, multi_source, contradictions;
} store_counts;

typedef int (*store_rec_fn)(void *ctx, const store_rec *r);
typedef int (*store_fact_fn)(void *ctx, const fact *f);
typedef int (*store_source_fn)(void *ctx, const fact_source *s);
/* One row of a store_query: n column values as text, NULL for SQL NULL. */
typedef int (*store_row_fn)(void *ctx, int n, const char *const *vals);

/* The operations a backend implements. */
typedef struct store_ops {
	const char *name;                                   /* "sqlite", "postgresql" */
	void (*close)(store *s);
	int (*begin)(store *s, sl_err *e);
	int (*commit)(store *s, sl_err *e);
	int (*rollback)(store *s, sl_err *e);
	/* *hash is set to a malloc'ed copy of the stored hash, or NULL when
	 * the document is not stored. */
	int (*doc_hash)(store *s, const char *id, char **hash, sl_err *e);
	/* Inserts or updates the document row (ingested_at = now). */
	int (*put_document)(store *s, const store_doc *d, sl_err *e);
	int (*delete_records_of)(store *s, const char *doc, sl_err *e);
	int (*put_record)(store *s, const char *doc, int ord, const record *r, sl_err *e);
	/* Every record with its document's url and date, in no particular
	 * order (facts.c sorts them itself, the same way on every backend). */
	int (*each_record)(store *s, store_rec_fn fn, void *ctx, sl_err *e);
	int (*clear_facts)(store *s, sl_err *e);
	/* Inserts f with its sources (f->src); linked may point at a fact
	 * inserted later in the same transaction. */
	int (*put_fact)(store *s, const fact *f, sl_err *e);
	/* Facts matching flt (NULL: all), ordered by id; src is NULL here. */
	int (*each_fact)(store *s, const fact_filter *flt, store_fact_fn fn, void *ctx, sl_err *e);
	/* Sources of one fact, ordered by document date, doc, ord. */
	int (*each_source)(store *s, int64_t fact_id, store_source_fn fn, void *ctx, sl_err *e);
	/* meta: small key/value state, e.g. "facts_stale". *val NULL when unset. */
	int (*get_meta)(store *s, const char *key, char **val, sl_err *e);
	int (*set_meta)(store *s, const char *key, const char *val, sl_err *e);
	int (*counts)(store *s, store_counts *c, sl_err *e);
	int (*schema_version)(store *s, int *version, sl_err *e);
	/* Runs one constant SQL text with nparams text parameters $1..$n
	 * (NULL = SQL NULL), calling fn for each row it returns.  The SQL
	 * must be the dialect both backends share: $n placeholders, each
	 * first used in ascending order; values are never part of it. */
	int (*query)(store *s, const char *sql, int nparams, const char *const *params,
	             store_row_fn fn, void *ctx, sl_err *e);
	/* Takes a lock on (space, name) held until the open transaction
	 * ends, shared by every process using the database.  wait = 0: returns
	 * SL_DONE at once when another transaction holds it.  NULL for a
	 * backend whose writers are serialised anyway (SQLite's database
	 * lock).  Names only ever collide into extra waiting (hashed). */
	int (*lock)(store *s, int space, const char *name, int wait, sl_err *e);
} store_ops;

/* Lock spaces of store_ops.lock: a document id, the fact table. */
enum { STORE_LOCK_DOC = 1, STORE_LOCK_FACTS = 2 };

/* Every backend's handle starts with this. */
struct store {
	const store_ops *ops;
};

/* Opens url: "postgresql://..." or "postgres://..." (also a libpq
 * "host=... dbname=..." string when it starts with "pg:") picks
 * PostgreSQL, anything else is a SQLite file path (NULL or "" gives
 * STORE_DEFAULT_DB).  Creates or migrates the schema.  NULL with e set on
 * failure. */
store *store_open(const char *url, sl_err *e);
void store_close(store *s);
const char *store_backend(const store *s);

int store_begin(store *s, sl_err *e);
int store_commit(store *s, sl_err *e);
int store_rollback(store *s, sl_err *e);

/* For modules with tables of their own (serve's users, sessions, audit
 * log; see docs/schema.md): runs sql as store_ops.query does.  fn may be
 * NULL for statements whose rows are not wanted. */
int store_query(store *s, const char *sql, int nparams, const char *const *params,
                store_row_fn fn, void *ctx, sl_err *e);

/* The content hash of a document: SHA-256 (hex) over url, lang, date and
 * text, so a change to any of them re-extracts the document.  out must
 * hold 65 bytes. */
void store_doc_hash(const char *url, const char *lang, const char *date,
                    const char *text, size_t len, char out[65]);

/* What store_put_doc would do with a document of this id and hash,
 * without writing: lets ingest skip extracting unchanged documents. */
int store_doc_check(store *s, const char *id, const char *hash,
                    store_doc_status *status, sl_err *e);

/* The ingest contract.  Compares d->hash with the stored one: unchanged
 * writes nothing; new inserts the document and its records; changed
 * updates the document and replaces its records.  recs[i] is stored with
 * ord i.  Marks facts stale unless unchanged.  Call inside a transaction
 * so a document and its records are committed together.
 *
 * Many processes may call it on one PostgreSQL database at once: the
 * document id is locked (store_ops.lock) before its hash is compared, so
 * two writers of one id never both insert it.  When another transaction
 * holds that id, the open transaction is committed first (every document
 * in it is complete) and a new one begun before waiting, so a waiting
 * writer holds no lock and writers cannot deadlock (docs/schema.md). */
int store_put_doc(store *s, const store_doc *d, const record *recs, size_t n,
                  store_doc_status *status, sl_err *e);

/* Recomputes every fact from the stored records in one transaction (do
 * not call inside one) and clears "facts_stale".  *nfacts may be NULL.
 * Safe to run from several processes at once: the fact table is written
 * under a lock, and a rebuild that a later one has overtaken writes
 * nothing (*nfacts is then the number it computed). */
int facts_rebuild(store *s, size_t *nfacts, sl_err *e);

/* 1 when records changed since the last facts_rebuild. */
int facts_stale(store *s, sl_err *e);

/* The measure (fact type) a record type belongs to: offered and
 * considering share "offered"; every other type is its own group. */
const char *facts_group(rec_type t);

/* The day range YYYY-MM-DD a partial date covers ("2022" gives
 * 2022-01-01 .. 2022-12-31).  Returns 0 for "" or a malformed date. */
int store_date_range(const char *date, char lo[11], char hi[11]);

/* Days since 1970-01-01 of a day YYYY-MM-DD (cal_days), for comparing
 * how far apart two days are. */
long store_days(const char *day);

void store_rec_release(store_rec *r);
void fact_release(fact *f);

/* Deep copies of the structs handed to callbacks, for keeping them past
 * the callback; release with fact_release / fact_source_release.  The
 * copy's src is NULL. */
void fact_copy(fact *dst, const fact *src);
void fact_source_copy(fact_source *dst, const fact_source *src);
void fact_source_release(fact_source *s);

/* Appends copies of the sources of fact fact_id (each_source's order)
 * to the array *v of *n; fact_sources_free releases the n and v. */
int store_fact_sources(store *s, int64_t fact_id, fact_source **v, size_t *n, sl_err *e);
void fact_sources_free(fact_source *v, size_t n);

/* The export formats.  Number of source columns in CSV. */
#define FACTS_CSV_SOURCES 10

/* The CSV header line with its "\r\n" (RFC 4180). */
void facts_csv_header(buf *b);
/* One CSV row for f with its sources, "\r\n"-terminated. */
void facts_csv_row(buf *b, const fact *f, const fact_source *src, size_t n);
/* One JSON object (no newline) for f with its sources nested. */
void facts_json(buf *b, const fact *f, const fact_source *src, size_t n);
/* Appends s as one RFC 4180 field (quoted when it holds , " CR or LF). */
void facts_csv_field(buf *b, const char *s);

#endif
