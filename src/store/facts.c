/*
 * facts: merging the records of different documents that state the same
 * event into one fact, with all its sources.
 *
 * The rule (docs/schema.md repeats it for analysts):
 *
 *  1. Records are partitioned by (measure, donor, recipient, consent_by,
 *     category), where the measure folds offered and considering.  A
 *     record with no donor or no recipient is a fact of its own: "some
 *     countries" in one article is not known to be the same actor as in
 *     another.
 *  2. Within a partition, records are taken in report order (document
 *     date, unknown last; document id; position) and each joins the first
 *     fact it is compatible with, else starts a new one.  Compatible with
 *     a fact means, against every record already in it:
 *       - a different document (one document states an event once);
 *       - system equal, or one of them null;
 *       - event dates (`when`) within 45 days of each other, comparing the
 *         day ranges partial dates cover, when both are known;
 *       - quantity equal or one null, and money value equal or one null
 *         (same currency).  Differing numbers merge only when the system
 *         is named and equal on both sides: then the records are about the
 *         same named thing at the same time, and the disagreement is a
 *         contradiction to flag, not a second event.  Without a named
 *         system, "20 howitzers" and "50 howitzers" stay two facts.
 *  3. A fact's quantity and value are the figure most of its sources give
 *     (ties: the earliest report); its date is the most precise `when`;
 *     first/last report are its documents' earliest and latest dates.
 *  4. Contradictions: a fact whose sources' quantities or values differ
 *     by more than a factor of 2; a delivered or committed fact and a
 *     refused fact of the same donor, recipient, category and compatible
 *     system within 45 days of each other (both are flagged); likewise
 *     consent_granted against consent_denied.
 *  5. Links: each delivered fact links to the committed fact of the same
 *     donor, recipient and category with a compatible system and
 *     quantity, made no later than 45 days after the delivery: the best
 *     match (same named system, then same quantity, then the latest
 *     commitment before the delivery).  A committed fact links back to the
 *     first delivery that links to it.
 *  6. Fact ids number the facts in a fixed order (date, measure, donor,
 *     recipient, category, system, first source).
 *
 * Concurrent rebuilds (many ingest processes on one PostgreSQL
 * database) are safe: see write_facts and docs/schema.md.
 *
 * Facts are recomputed from all records at the end of an ingest, not
 * patched: every input goes through the same sort, so the facts depend
 * only on the set of stored records, never on the order documents
 * arrived in or on the backend.  The cost is one pass over the records
 * table per ingest run (not per document).
 */
#include "store_int.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define WINDOW_DAYS 45

const char *facts_group(rec_type t)
{
	return t == REC_CONSIDERING ? rec_type_names[REC_OFFERED] : rec_type_names[t];
}

typedef struct recs {
	store_rec *v;
	size_t n, cap;
} recs;

static char *dup0(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static int collect(void *ctx, const store_rec *r)
{
	recs *rs = ctx;
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? 2 * rs->cap : 256;
		rs->v = xrealloc(rs->v, rs->cap * sizeof *rs->v);
	}
	store_rec *c = &rs->v[rs->n++];
	*c = *r;
	c->doc = dup0(r->doc);
	c->donor = dup0(r->donor);
	c->recipient = dup0(r->recipient);
	c->consent_by = dup0(r->consent_by);
	c->category = dup0(r->category);
	c->system = dup0(r->system);
	c->item = dup0(r->item);
	c->unit = dup0(r->unit);
	c->currency = dup0(r->currency);
	c->evidence = NULL;   /* not needed to merge: keeps memory to the keys */
	c->doc_url = NULL;
	return 0;
}

/* NULL sorts before every string, so comparisons are total. */
static int scmp(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int seq(const char *a, const char *b)
{
	return !scmp(a, b);
}

/* Report order: documents' dates (unknown last), document id, position. */
static int report_cmp(const store_rec *a, const store_rec *b)
{
	int c;
	if (!a->doc_date[0] != !b->doc_date[0])
		return a->doc_date[0] ? -1 : 1;
	if ((c = strcmp(a->doc_date, b->doc_date)) || (c = scmp(a->doc, b->doc)))
		return c;
	return (a->ord > b->ord) - (a->ord < b->ord);
}

static int part_cmp(const store_rec *a, const store_rec *b)
{
	int c;
	if ((c = strcmp(facts_group(a->type), facts_group(b->type))) ||
	    (c = scmp(a->donor, b->donor)) || (c = scmp(a->recipient, b->recipient)) ||
	    (c = scmp(a->consent_by, b->consent_by)) || (c = scmp(a->category, b->category)))
		return c;
	return 0;
}

static int rec_sort(const void *pa, const void *pb)
{
	const store_rec *a = pa, *b = pb;
	int c = part_cmp(a, b);
	return c ? c : report_cmp(a, b);
}

/* Whether two day ranges come within WINDOW_DAYS of each other; an
 * unknown range is compatible with everything. */
static int ranges_near(const char *alo, const char *ahi, const char *blo, const char *bhi)
{
	if (!alo[0] || !blo[0])
		return 1;
	return store_days(blo) <= store_days(ahi) + WINDOW_DAYS &&
	       store_days(alo) <= store_days(bhi) + WINDOW_DAYS;
}

static int num_differs(double a, double b)
{
	return a >= 0 && b >= 0 && fabs(a - b) > 1e-9 * fmax(fabs(a), fabs(b));
}

/* A cluster of records in the making: indices into the sorted array,
 * and what compatibility needs of its members, summarised so a check
 * costs the same however many sources a fact has. */
typedef struct cluster {
	size_t *m;
	size_t n, cap;
	const char *system;
	const char *last_doc;          /* a document's records are adjacent */
	long min_hi, max_lo;           /* over members with a known `when` */
	int dated;
	double qmin, qmax;             /* known quantities, -1 when none */
	double vmin, vmax;             /* known values */
	const char *currency;          /* of the known values */
	int mixed_currency;
} cluster;

/* The day range of each record's `when`, computed once per rebuild
 * since every compatibility check needs it; dated = 0 when unknown. */
typedef struct rec_days {
	long lo, hi;
	int dated;
} rec_days;

static rec_days rec_range(const store_rec *r)
{
	char l[11], h[11];
	rec_days d = { 0, 0, 0 };
	if (r->when[0] && store_date_range(r->when, l, h)) {
		d.lo = store_days(l);
		d.hi = store_days(h);
		d.dated = 1;
	}
	return d;
}

/* Unknown numbers agree with everything; known ones must all be equal,
 * unless the records share a named system (then they merge and the
 * spread is flagged). */
static int figure_ok(double x, double lo, double hi, int strong)
{
	if (x < 0 || lo < 0 || strong)
		return 1;
	return !num_differs(lo, hi) && !num_differs(lo, x);
}

static int compatible(const cluster *c, const store_rec *r, rec_days rd)
{
	if (!r->donor || !r->recipient)
		return 0;
	if (c->last_doc && !strcmp(c->last_doc, r->doc))
		return 0;
	if (c->system && r->system && strcmp(c->system, r->system))
		return 0;
	int strong = c->system && r->system;   /* both name the same system */
	if (c->dated && rd.dated &&
	    (rd.lo > c->min_hi + WINDOW_DAYS || c->max_lo > rd.hi + WINDOW_DAYS))
		return 0;
	if (!figure_ok(r->quantity, c->qmin, c->qmax, strong))
		return 0;
	if (!figure_ok(r->value, c->vmin, c->vmax, strong))
		return 0;
	if (!strong && r->value >= 0 && c->vmin >= 0 &&
	    (c->mixed_currency || scmp(c->currency, r->currency)))
		return 0;
	return 1;
}

static void widen(double x, double *lo, double *hi)
{
	if (x < 0)
		return;
	if (*lo < 0 || x < *lo)
		*lo = x;
	if (x > *hi)
		*hi = x;
}

static void cluster_add(cluster *c, size_t i, const store_rec *r, rec_days rd)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 4;
		c->m = xrealloc(c->m, c->cap * sizeof *c->m);
	}
	c->m[c->n++] = i;
	c->last_doc = r->doc;
	if (!c->system && r->system)
		c->system = r->system;
	if (rd.dated) {
		if (!c->dated || rd.hi < c->min_hi)
			c->min_hi = rd.hi;
		if (!c->dated || rd.lo > c->max_lo)
			c->max_lo = rd.lo;
		c->dated = 1;
	}
	widen(r->quantity, &c->qmin, &c->qmax);
	if (r->value >= 0) {
		if (c->vmin >= 0 && scmp(c->currency, r->currency))
			c->mixed_currency = 1;
		if (c->vmin < 0)
			c->currency = r->currency;
	}
	widen(r->value, &c->vmin, &c->vmax);
}

static void cluster_start(cluster *c)
{
	memset(c, 0, sizeof *c);
	c->qmin = c->qmax = c->vmin = c->vmax = -1;
}

typedef struct fig {
	double x;
	size_t i;   /* member index: report order */
} fig;

static int fig_cmp(const void *pa, const void *pb)
{
	const fig *a = pa, *b = pb;
	if (a->x != b->x)
		return a->x < b->x ? -1 : 1;
	return (a->i > b->i) - (a->i < b->i);
}

/* Index (into c->m) of the member whose figure most members share;
 * ties go to the earliest report.  -1 when no member has a figure. */
static long mode_of(const store_rec *v, const cluster *c, int value)
{
	fig *f = xmalloc(c->n * sizeof *f);
	size_t n = 0;
	for (size_t i = 0; i < c->n; i++) {
		double x = value ? v[c->m[i]].value : v[c->m[i]].quantity;
		if (x >= 0)
			f[n++] = (fig){ x, i };
	}
	qsort(f, n, sizeof *f, fig_cmp);
	long best = -1;
	size_t best_n = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && !num_differs(f[i].x, f[j].x))
			j++;
		/* f[i] is the run's earliest report: members are in report order */
		if (j - i > best_n || (j - i == best_n && (long)f[i].i < best)) {
			best_n = j - i;
			best = (long)f[i].i;
		}
		i = j;
	}
	free(f);
	return best;
}

static void add_conflict(fact *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add_conflict(fact *f, const char *fmt, ...)
{
	buf b = BUF_INIT;
	va_list ap;
	if (f->conflict) {
		buf_adds(&b, f->conflict);
		buf_adds(&b, "; ");
		free(f->conflict);
	}
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	f->conflict = buf_detach(&b, NULL);
	f->contradiction = 1;
}

/* The spread of a figure across the members: flags a factor above 2. */
static void check_spread(fact *f, const store_rec *v, const cluster *c, int value)
{
	double lo = -1, hi = -1;
	for (size_t i = 0; i < c->n; i++) {
		double x = value ? v[c->m[i]].value : v[c->m[i]].quantity;
		if (x < 0)
			continue;
		if (lo < 0 || x < lo)
			lo = x;
		if (x > hi)
			hi = x;
	}
	if (lo >= 0 && hi > 2 * lo)
		add_conflict(f, "%s %.15g vs %.15g", value ? "value" : "quantity", lo, hi);
}

static void build_fact(fact *f, const store_rec *v, const cluster *c)
{
	const store_rec *r0 = &v[c->m[0]];
	memset(f, 0, sizeof *f);
	f->type = xstrdup(facts_group(r0->type));
	f->donor = dup0(r0->donor);
	f->recipient = dup0(r0->recipient);
	f->consent_by = dup0(r0->consent_by);
	f->category = dup0(r0->category);
	f->system = dup0(c->system);
	f->quantity = f->value = -1;
	f->n_sources = (int)c->n;
	f->src = xmalloc(c->n * sizeof *f->src);
	for (size_t i = 0; i < c->n; i++) {
		const store_rec *r = &v[c->m[i]];
		f->src[i] = r->id;
		if (!f->item && r->item)
			f->item = xstrdup(r->item);
		size_t lw = strlen(r->when), lf = strlen(f->when);
		if (lw > lf || (lw && lw == lf && strcmp(r->when, f->when) < 0))
			memcpy(f->when, r->when, sizeof f->when);
		if (r->doc_date[0]) {
			if (!f->first_report[0] || strcmp(r->doc_date, f->first_report) < 0)
				memcpy(f->first_report, r->doc_date, 11);
			if (strcmp(r->doc_date, f->last_report) > 0)
				memcpy(f->last_report, r->doc_date, 11);
		}
	}
	long q = mode_of(v, c, 0);
	if (q >= 0) {
		f->quantity = v[c->m[q]].quantity;
		f->unit = dup0(v[c->m[q]].unit);
	}
	long val = mode_of(v, c, 1);
	if (val >= 0) {
		f->value = v[c->m[val]].value;
		f->currency = dup0(v[c->m[val]].currency);
	}
	char lo[11], hi[11];
	if (store_date_range(f->when, lo, hi)) {
		memcpy(f->date_lo, lo, 11);
		memcpy(f->date_hi, hi, 11);
	} else if (store_date_range(f->first_report, lo, hi)) {
		memcpy(f->date_lo, lo, 11);
		store_date_range(f->last_report, lo, hi);
		memcpy(f->date_hi, hi, 11);
	}
	check_spread(f, v, c, 0);
	check_spread(f, v, c, 1);
}

/* The order fact ids follow.  f->src[0] is the first source's record id,
 * which is not comparable across backends, so the tie-break uses the
 * first source's (doc, ord) carried in firsts[]. */
typedef struct fact_ref {
	fact *f;
	const store_rec *first;
} fact_ref;

static int fact_order(const void *pa, const void *pb)
{
	const fact_ref *a = pa, *b = pb;
	int c;
	if (!a->f->date_lo[0] != !b->f->date_lo[0])
		return a->f->date_lo[0] ? -1 : 1;
	if ((c = strcmp(a->f->date_lo, b->f->date_lo)) || (c = strcmp(a->f->type, b->f->type)) ||
	    (c = scmp(a->f->donor, b->f->donor)) || (c = scmp(a->f->recipient, b->f->recipient)) ||
	    (c = scmp(a->f->consent_by, b->f->consent_by)) ||
	    (c = scmp(a->f->category, b->f->category)) || (c = scmp(a->f->system, b->f->system)))
		return c;
	return report_cmp(a->first, b->first);
}

/* Facts that can contradict or link to each other share this key. */
static int actor_cmp(const void *pa, const void *pb)
{
	const fact_ref *a = pa, *b = pb;
	int c;
	if ((c = scmp(a->f->donor, b->f->donor)) || (c = scmp(a->f->recipient, b->f->recipient)) ||
	    (c = scmp(a->f->category, b->f->category)))
		return c;
	return (a->f->id > b->f->id) - (a->f->id < b->f->id);
}

static int is(const fact *f, rec_type t)
{
	return !strcmp(f->type, rec_type_names[t]);
}

static int system_ok(const fact *a, const fact *b)
{
	return !a->system || !b->system || !strcmp(a->system, b->system);
}

static int near(const fact *a, const fact *b)
{
	return ranges_near(a->date_lo, a->date_hi, b->date_lo, b->date_hi);
}

static void contradict(fact *a, fact *b)
{
	add_conflict(a, "%s: fact %lld", b->type, (long long)b->id);
	add_conflict(b, "%s: fact %lld", a->type, (long long)a->id);
}

/* Contradictions and links among facts of one (donor, recipient,
 * category), refs[0..n) in id order. */
static void relate(fact_ref *refs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		fact *a = refs[i].f;
		for (size_t j = i + 1; j < n; j++) {
			fact *b = refs[j].f;
			if (!system_ok(a, b) || !near(a, b))
				continue;
			int ar = is(a, REC_REFUSED), br = is(b, REC_REFUSED);
			int ap = is(a, REC_DELIVERED) || is(a, REC_COMMITTED);
			int bp = is(b, REC_DELIVERED) || is(b, REC_COMMITTED);
			if ((ar && bp) || (br && ap))
				contradict(a, b);
			if (seq(a->consent_by, b->consent_by) &&
			    ((is(a, REC_CONSENT_GRANTED) && is(b, REC_CONSENT_DENIED)) ||
			     (is(a, REC_CONSENT_DENIED) && is(b, REC_CONSENT_GRANTED))))
				contradict(a, b);
		}
	}
	for (size_t i = 0; i < n; i++) {
		fact *d = refs[i].f, *best = NULL;
		int best_score = -1;
		if (!is(d, REC_DELIVERED))
			continue;
		for (size_t j = 0; j < n; j++) {
			fact *c = refs[j].f;
			if (!is(c, REC_COMMITTED) || !system_ok(c, d) || num_differs(c->quantity, d->quantity))
				continue;
			if (c->date_lo[0] && d->date_hi[0] &&
			    store_days(c->date_lo) > store_days(d->date_hi) + WINDOW_DAYS)
				continue;
			int score = (c->system && d->system) * 2 + (c->quantity >= 0 && d->quantity >= 0);
			int later = best && score == best_score &&
			            c->date_lo[0] && (!best->date_lo[0] || strcmp(c->date_lo, best->date_lo) > 0);
			if (score > best_score || later) {
				best = c;
				best_score = score;
			}
		}
		if (best) {
			d->linked = best->id;
			if (!best->linked)
				best->linked = d->id;
		}
	}
}

/* Replaces the fact table, unless the rebuild has been overtaken: token
 * is what this rebuild wrote into facts_stale before it read the
 * records.  Another value there means a rebuild started later (its
 * token; or "0" once it finished), which read at least as many records,
 * so writing ours would only put older facts back.  facts_stale goes to
 * 0 only if it still holds our token: a document committed since we
 * read the records has set it to 1, and the facts stay stale. */
static int write_facts(store *s, fact *fs, size_t n, const char *token, sl_err *e)
{
	int rc;
	char *cur = NULL;
	const char *param[1] = { token };
	if ((rc = s->ops->begin(s, e)))
		return rc;
	if (s->ops->lock && (rc = s->ops->lock(s, STORE_LOCK_FACTS, "facts", 1, e)))
		goto fail;
	if ((rc = s->ops->get_meta(s, "facts_stale", &cur, e)))
		goto fail;
	if (!cur || strcmp(cur, token)) {
		free(cur);
		return s->ops->rollback(s, e);
	}
	free(cur);
	if ((rc = s->ops->clear_facts(s, e)))
		goto fail;
	for (size_t i = 0; i < n; i++)
		if ((rc = s->ops->put_fact(s, &fs[i], e)))
			goto fail;
	if ((rc = s->ops->query(s, "UPDATE meta SET value = '0' WHERE key = 'facts_stale' AND value = $1",
	                        1, param, NULL, NULL, e)) ||
	    (rc = s->ops->commit(s, e)))
		goto fail;
	return SL_OK;
fail:
	s->ops->rollback(s, NULL);
	return rc;
}

int facts_rebuild(store *s, size_t *nfacts, sl_err *e)
{
	recs rs = { NULL, 0, 0 };
	char token[64];
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	/* "2:..." reads as stale (not "0"), so a rebuild that dies leaves the
	 * facts stale; see write_facts for the rest of the handshake.  It is
	 * committed before the records are read. */
	snprintf(token, sizeof token, "2:%ld.%lld.%ld", (long)getpid(), (long long)ts.tv_sec, ts.tv_nsec);
	int rc = s->ops->set_meta(s, "facts_stale", token, e);
	if (!rc)
		rc = s->ops->each_record(s, collect, &rs, e);
	fact *fs = NULL;
	fact_ref *refs = NULL;
	size_t nf = 0;
	cluster *cl = NULL;
	size_t ncl = 0, capcl = 0;

	if (rc)
		goto out;
	if (rs.n)
		qsort(rs.v, rs.n, sizeof *rs.v, rec_sort);

	/* Clusters never span partitions: each partition's clusters are
	 * built, turned into facts and dropped before the next one. */
	fs = xmalloc((rs.n ? rs.n : 1) * sizeof *fs);
	refs = xmalloc((rs.n ? rs.n : 1) * sizeof *refs);
	for (size_t i = 0; i < rs.n;) {
		size_t j = i;
		while (j < rs.n && !part_cmp(&rs.v[i], &rs.v[j]))
			j++;
		ncl = 0;
		for (size_t k = i; k < j; k++) {
			size_t c = 0;
			rec_days rd = rec_range(&rs.v[k]);
			while (c < ncl && !compatible(&cl[c], &rs.v[k], rd))
				c++;
			if (c == ncl) {
				if (ncl == capcl) {
					capcl = capcl ? 2 * capcl : 16;
					cl = xrealloc(cl, capcl * sizeof *cl);
				}
				cluster_start(&cl[ncl++]);
			}
			cluster_add(&cl[c], k, &rs.v[k], rd);
		}
		for (size_t c = 0; c < ncl; c++) {
			build_fact(&fs[nf], rs.v, &cl[c]);
			refs[nf].f = &fs[nf];
			refs[nf].first = &rs.v[cl[c].m[0]];
			nf++;
			free(cl[c].m);
		}
		i = j;
	}

	qsort(refs, nf, sizeof *refs, fact_order);
	for (size_t i = 0; i < nf; i++)
		refs[i].f->id = (int64_t)i + 1;
	qsort(refs, nf, sizeof *refs, actor_cmp);
	for (size_t i = 0; i < nf;) {
		size_t j = i;
		while (j < nf && seq(refs[i].f->donor, refs[j].f->donor) &&
		       seq(refs[i].f->recipient, refs[j].f->recipient) &&
		       seq(refs[i].f->category, refs[j].f->category))
			j++;
		if (refs[i].f->donor && refs[i].f->recipient)
			relate(refs + i, j - i);
		i = j;
	}
	/* Written in id order, so a table dump reads like `facts` output. */
	fact *byid = xmalloc((nf ? nf : 1) * sizeof *byid);
	for (size_t i = 0; i < nf; i++)
		byid[fs[i].id - 1] = fs[i];
	memcpy(fs, byid, nf * sizeof *fs);
	free(byid);
	rc = write_facts(s, fs, nf, token, e);
	if (!rc && nfacts)
		*nfacts = nf;
out:
	for (size_t i = 0; i < nf; i++)
		fact_release(&fs[i]);
	free(fs);
	free(refs);
	free(cl);
	for (size_t i = 0; i < rs.n; i++)
		store_rec_release(&rs.v[i]);
	free(rs.v);
	return rc;
}
