/*
 * review: analysts' verdicts on facts and the audit log they leave.
 *
 * Fact ids are positions that change whenever documents are added
 * (docs/schema.md), so a verdict cannot hang on a fact id.  It hangs on
 * the fact's records instead, by document, position and span, which
 * survive a rebuild: review_marks maps each record of a reviewed fact to
 * the audit entry of the latest verdict.  A fact's verdict after any
 * rebuild is the latest verdict among its records' marks; a record whose
 * document changed no longer matches its mark (the span moves), and the
 * fact comes back unreviewed, as it should.
 *
 * The audit log is append-only: every verdict and every login, logout
 * and user change, with who and when, and for a verdict the fact as it
 * was and the corrections.
 */
#include "serve_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void now_iso(char out[21])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int load_row(void *ctx, int n, const char *const *v)
{
	sv_reviews *rv = ctx;
	if (n < 6 || !v[0] || !v[1])
		return 0;
	long long fid = strtoll(v[0], NULL, 10), aid = strtoll(v[1], NULL, 10);
	if (fid <= 0 || fid > (1LL << 31))
		return 0;
	if ((size_t)fid >= rv->n) {
		size_t nn = rv->n ? rv->n : 64;
		while (nn <= (size_t)fid)
			nn *= 2;
		rv->v = xrealloc(rv->v, nn * sizeof *rv->v);
		memset(rv->v + rv->n, 0, (nn - rv->n) * sizeof *rv->v);
		rv->n = nn;
	}
	sv_review *r = &rv->v[fid];
	if (aid <= r->audit_id)
		return 0;
	free(r->fields);
	r->audit_id = aid;
	snprintf(r->action, sizeof r->action, "%s", v[2] ? v[2] : "");
	r->fields = v[3] ? xstrdup(v[3]) : NULL;
	snprintf(r->user, sizeof r->user, "%s", v[4] ? v[4] : "");
	snprintf(r->at, sizeof r->at, "%s", v[5] ? v[5] : "");
	return 0;
}

int sv_reviews_load(store *s, sv_reviews *rv, sl_err *e)
{
	rv->v = NULL;
	rv->n = 0;
	return store_query(s,
		"SELECT fs.fact_id, a.id, a.action, a.fields, a.user_name, a.at "
		"FROM fact_sources fs JOIN records r ON r.id = fs.record_id "
		"JOIN review_marks m ON m.doc_id = r.doc_id AND m.ord = r.ord "
		"AND m.span_start = r.span_start AND m.span_end = r.span_end "
		"JOIN audit a ON a.id = m.audit_id", 0, NULL, load_row, rv, e);
}

const sv_review *sv_reviews_get(const sv_reviews *rv, int64_t id)
{
	if (id <= 0 || (uint64_t)id >= rv->n || !rv->v[id].audit_id)
		return NULL;
	return &rv->v[id];
}

void sv_reviews_release(sv_reviews *rv)
{
	for (size_t i = 0; i < rv->n; i++)
		free(rv->v[i].fields);
	free(rv->v);
	rv->v = NULL;
	rv->n = 0;
}

static int read_id(void *ctx, int n, const char *const *v)
{
	int64_t *id = ctx;
	if (n > 0 && v[0])
		*id = strtoll(v[0], NULL, 10);
	return 0;
}

static int audit_insert(store *s, const char *user, const char *action, int64_t fact_id,
                        const char *fact_json, const char *fields, const char *note,
                        int64_t *id, sl_err *e)
{
	char now[21], fid[24];
	now_iso(now);
	snprintf(fid, sizeof fid, "%lld", (long long)fact_id);
	const char *p[7] = { now, user, action, fact_id ? fid : NULL, fact_json, fields, note };
	*id = 0;
	int rc = store_query(s, "INSERT INTO audit (at, user_name, action, fact_id, fact, fields, note) "
	                        "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
	                     7, p, read_id, id, e);
	if (!rc && !*id) {
		sl_err_set(e, "audit: insert returned no id");
		rc = SL_EDB;
	}
	return rc;
}

int sv_audit_event(store *s, const char *user, const char *action, const char *note, sl_err *e)
{
	int64_t id;
	return audit_insert(s, user, action, 0, NULL, NULL, note, &id, e);
}

int sv_review_put(store *s, const char *user, const char *action, int64_t fact_id,
                  const char *fact_json, const char *fields_json, const char *note,
                  const sv_mark *marks, size_t n, int64_t *audit_id, sl_err *e)
{
	int rc;
	if ((rc = store_begin(s, e)))
		return rc;
	if ((rc = audit_insert(s, user, action, fact_id, fact_json, fields_json, note, audit_id, e)))
		goto fail;
	for (size_t i = 0; i < n; i++) {
		char ord[16], a[24], b[24], aid[24];
		snprintf(ord, sizeof ord, "%d", marks[i].ord);
		snprintf(a, sizeof a, "%zu", marks[i].span[0]);
		snprintf(b, sizeof b, "%zu", marks[i].span[1]);
		snprintf(aid, sizeof aid, "%lld", (long long)*audit_id);
		const char *p[5] = { marks[i].doc, ord, a, b, aid };
		if ((rc = store_query(s, "INSERT INTO review_marks (doc_id, ord, span_start, span_end, "
		                         "audit_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (doc_id, ord) "
		                         "DO UPDATE SET span_start = excluded.span_start, "
		                         "span_end = excluded.span_end, audit_id = excluded.audit_id",
		                      5, p, NULL, NULL, e)))
			goto fail;
	}
	if ((rc = store_commit(s, e)))
		goto fail;
	return SL_OK;
fail:
	store_rollback(s, NULL);
	return rc;
}
