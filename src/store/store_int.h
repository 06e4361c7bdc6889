/*
 * store_int: what the store's own files share and nobody else needs: the
 * backend constructors, the migration scripts and small helpers.
 */
#ifndef SL_STORE_INT_H
#define SL_STORE_INT_H

#include "store.h"

/* Backend constructors; store_open dispatches to them.  They run the
 * migrations before returning. */
store *store_sqlite_open(const char *path, sl_err *e);
store *store_pg_open(const char *conninfo, sl_err *e);

/* Migration scripts, NULL-terminated: entry i brings the schema from
 * version i to i + 1.  Applied in order, each in its own transaction
 * together with the schema_version update. */
extern const char *const store_sqlite_migrations[];
extern const char *const store_pg_migrations[];

/* The current UTC time as "YYYY-MM-DDTHH:MM:SSZ". */
void store_now(char out[21]);

/* SHA-256 of data, as 64 lowercase hex digits and a NUL. */
void store_sha256_hex(const void *data, size_t n, char out[65]);

/* Copies a column value that may be NULL into a fixed date field. */
void store_set_date(char dst[11], const char *src);


/* The columns every backend reads facts with, in this order. */
#define STORE_FACT_COLS "id, type, donor, recipient, consent_by, category, system, item, " \
	"quantity, unit, value, currency, event_date, first_report, last_report, " \
	"date_lo, date_hi, n_sources, contradiction, conflict, linked_fact"
#define STORE_NFACT_COLS 21

/* A fact_filter checked and reduced to what the SQL compares: type is
 * a group name, since/until become day bounds ("" when unset).  Returns
 * SL_EARG with e set for an unknown type or a malformed date. */
typedef struct store_filter {
	const char *donor, *recipient, *type, *category;
	char since[11], until[11];
} store_filter;

int store_filter_norm(const fact_filter *in, store_filter *out, sl_err *e);

/* The facts query of f, ordered by id, into q: each value it compares
 * with is a placeholder $1..$n, the value vals[0..n), and n is
 * returned (at most 6).  Both backends take "$n" first used in
 * ascending order; the values point into f. */
int store_filter_sql(const store_filter *f, buf *q, const char *vals[6]);

/* A constant query returning one integer, as a backend runs it. */
typedef int (*store_count_fn)(store *s, const char *sql, long long *out, sl_err *e);

/* store_ops.counts and .schema_version asked through count1: the
 * questions are the same on every backend. */
int store_counts_by(store *s, store_count_fn count1, store_counts *c, sl_err *e);
int store_version_by(store *s, store_count_fn count1, int *version, sl_err *e);

/* Parses an integer or real column rendered as text; -1 for NULL. */
double store_num(const char *s);

#endif
