/*
 * supplyline ingest [--db URL] [--data DIR] [-j N] [--batch N] [--rebuild] [PATH ...]:
 * read documents, extract their records and store both, then bring the
 * facts up to date.
 *
 * The main thread reads, hashes, checks and writes (a store handle is
 * not shared between threads); with -j N, N workers extract batches of
 * documents meanwhile, and results are written in input order, so the
 * database is the same as with one thread.
 *
 * A document whose content hash is already stored is skipped before
 * extraction, so re-ingesting a corpus costs a read and a hash per
 * document and changes nothing.  Documents are written in transactions
 * of --batch documents (500): a document and its records are committed
 * together, and a crash loses at most the open batch, never half a
 * document.  Facts are rebuilt once at the end (and by the next run when
 * an earlier one died before that: the store remembers they are stale).
 */
#include <errno.h>
#include <ftw.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "../base/buf.h"
#include "../extract/extract.h"
#include "../read/doc.h"
#include "../store/store.h"
#include "cmd.h"

static void usage(FILE *f)
{
	fputs("usage: supplyline ingest [--db URL] [--data DIR] [-j N] [--batch N] [--rebuild] [PATH ...]\n"
	      "\n"
	      "Reads documents (files, directories, '-' or nothing for standard input),\n"
	      "extracts their records and stores documents, records and merged facts.\n"
	      "A document already stored with the same content is skipped; a changed\n"
	      "one has its records replaced.\n"
	      "\n"
	      "  --db URL     SQLite file (default " STORE_DEFAULT_DB ") or postgresql://... URL\n"
	      "  --data DIR   lexicons directory (default: $SUPPLYLINE_DATA or ./data)\n"
	      "  -j N         extraction threads (default 1)\n"
	      "  --batch N    documents per transaction (default 500)\n"
	      "  --rebuild    read nothing; recompute the facts from the stored records\n"
	      "\n"
	      "Progress goes to standard error when it is a terminal; a summary line\n"
	      "is printed at the end.  Exit status: 0 ok, 1 some input skipped with a\n"
	      "warning, 2 error.\n", f);
}

static void warn(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "\rsupplyline ingest: warning: %s\033[K\n", msg);
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The total input size, for the time left; 0 when unknown (stdin). */
static off_t walk_total;

static int walk_add(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)path;
	(void)ftw;
	if (type == FTW_F && S_ISREG(st->st_mode))
		walk_total += st->st_size;
	return 0;
}

static off_t input_size(const char *const *paths, size_t n)
{
	walk_total = 0;
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (!strcmp(paths[i], "-"))
			return 0;
		if (stat(paths[i], &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode))
			nftw(paths[i], walk_add, 32, FTW_PHYS);
		else if (S_ISREG(st.st_mode))
			walk_total += st.st_size;
	}
	return walk_total;
}

/* Progress through the input: bytes of finished source files plus the
 * text read from the current one (capped at its size, since .gz files
 * grow when read). */
typedef struct progress {
	int tty;
	double start, last;
	off_t total, done_files, cur_size, cur_read;
	char *cur;
	size_t docs, records;
} progress;

static void progress_doc(progress *p, const doc *d)
{
	if (!p->cur || !d->source || strcmp(p->cur, d->source)) {
		p->done_files += p->cur_size;
		free(p->cur);
		p->cur = d->source ? xstrdup(d->source) : NULL;
		struct stat st;
		p->cur_size = d->source && stat(d->source, &st) == 0 && S_ISREG(st.st_mode) ? st.st_size : 0;
		p->cur_read = 0;
	}
	p->cur_read += (off_t)d->len;
}

static void progress_show(progress *p, int force)
{
	double t = now_s();
	if (!p->tty || (!force && t - p->last < 0.25))
		return;
	p->last = t;
	off_t done = p->done_files + (p->cur_size && p->cur_read > p->cur_size ? p->cur_size : p->cur_read);
	double el = t - p->start > 1e-3 ? t - p->start : 1e-3;
	double rate = (double)done / el;
	fprintf(stderr, "\rsupplyline ingest: %zu documents, %zu records, %.1f MB/s",
	        p->docs, p->records, rate / 1e6);
	if (p->total > 0 && done > 0 && done <= p->total) {
		double left = (double)(p->total - done) / rate;
		fprintf(stderr, ", %d%%, %dm%02ds left", (int)(100.0 * (double)done / (double)p->total),
		        (int)left / 60, (int)left % 60);
	}
	fputs("\033[K", stderr);
}

static int opt_num(const char *s, long lo, long hi, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || *end || end == s || v < lo || v > hi)
		return 0;
	*out = v;
	return 1;
}

/* The writing side: transactions of `batch` documents, and the counts
 * for the summary. */
typedef struct sink {
	store *s;
	size_t batch, in_batch;
	int in_tx;
	size_t n_new, n_same, n_changed, n_records;
	progress *pg;
	sl_err e;
	int rc;          /* the first error; later writes are skipped */
} sink;

static void sink_put(sink *k, const extractor *x, const doc *d, const char *hash, rec_list *recs)
{
	store_doc_status st;
	if (k->rc)
		return;
	store_doc sd = { d->id, d->url, d->lang ? d->lang : ext_lang(x, d), d->date, hash,
	                 d->text, d->len };
	if (!k->in_tx) {
		if ((k->rc = store_begin(k->s, &k->e)))
			return;
		k->in_tx = 1;
	}
	if ((k->rc = store_put_doc(k->s, &sd, recs->v, recs->n, &st, &k->e)))
		return;
	if (st == STORE_DOC_UNCHANGED) {  /* the same id earlier in this run */
		k->n_same++;
		return;
	}
	k->n_records += recs->n;
	k->pg->records += recs->n;
	if (st == STORE_DOC_NEW)
		k->n_new++;
	else
		k->n_changed++;
	if (++k->in_batch >= k->batch) {
		if ((k->rc = store_commit(k->s, &k->e)))
			return;
		k->in_tx = 0;
		k->in_batch = 0;
	}
}

/* A batch of documents for a worker, with their hashes and records. */
typedef struct job {
	doc *docs;
	char (*hash)[65];
	rec_list *recs;
	size_t n, cap, bytes;
	int done;
} job;

typedef struct pool {
	const extractor *x;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	job *q;          /* ring of jobs */
	size_t cap, head, tail, next; /* next: first job not yet taken */
	int stop;
} pool;

static void job_add(job *j, const doc *src, const char *hash)
{
	if (j->n == j->cap) {
		j->cap = j->cap ? 2 * j->cap : 16;
		j->docs = xrealloc(j->docs, j->cap * sizeof *j->docs);
		j->hash = xrealloc(j->hash, j->cap * sizeof *j->hash);
		j->recs = xrealloc(j->recs, j->cap * sizeof *j->recs);
	}
	doc *d = &j->docs[j->n];
	doc_init(d);
	d->id = src->id ? xstrdup(src->id) : NULL;
	d->url = src->url ? xstrdup(src->url) : NULL;
	d->lang = src->lang ? xstrdup(src->lang) : NULL;
	d->date = src->date ? xstrdup(src->date) : NULL;
	d->title = src->title ? xstrdup(src->title) : NULL;
	d->text = xstrndup(src->text, src->len);
	d->len = src->len;
	d->body = src->body;
	d->repaired = src->repaired;
	memcpy(j->hash[j->n], hash, 65);
	rec_list_init(&j->recs[j->n]);
	j->n++;
	j->bytes += src->len;
}

static void job_release(job *j)
{
	for (size_t i = 0; i < j->n; i++) {
		doc_release(&j->docs[i]);
		rec_list_release(&j->recs[i]);
	}
	free(j->docs);
	free(j->hash);
	free(j->recs);
	memset(j, 0, sizeof *j);
}

static void *worker(void *arg)
{
	pool *p = arg;
	ext_scratch *s = ext_scratch_new();
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (!p->stop && p->next == p->tail)
			pthread_cond_wait(&p->cv, &p->mu);
		if (p->next == p->tail && p->stop)
			break;
		job *j = &p->q[p->next % p->cap];
		p->next++;
		pthread_mutex_unlock(&p->mu);
		for (size_t i = 0; i < j->n; i++)
			ext_doc(p->x, s, &j->docs[i], &j->recs[i]);
		pthread_mutex_lock(&p->mu);
		j->done = 1;
		pthread_cond_broadcast(&p->cv);
	}
	pthread_mutex_unlock(&p->mu);
	ext_scratch_free(s);
	return NULL;
}

/* Writes finished jobs in input order; waits for the oldest while the
 * ring is full, or for all of them when wait_all. */
static void flush_done(pool *p, sink *k, int wait_all)
{
	pthread_mutex_lock(&p->mu);
	while (p->head != p->tail) {
		job *j = &p->q[p->head % p->cap];
		if (!j->done) {
			if (!wait_all && p->tail - p->head < p->cap)
				break;
			pthread_cond_wait(&p->cv, &p->mu);
			continue;
		}
		pthread_mutex_unlock(&p->mu);
		for (size_t i = 0; i < j->n; i++)
			sink_put(k, p->x, &j->docs[i], j->hash[i], &j->recs[i]);
		job_release(j);
		progress_show(k->pg, 0);
		pthread_mutex_lock(&p->mu);
		p->head++;
	}
	pthread_mutex_unlock(&p->mu);
}

static void submit(pool *p, sink *k, job *cur)
{
	flush_done(p, k, 0);
	pthread_mutex_lock(&p->mu);
	p->q[p->tail % p->cap] = *cur;
	p->tail++;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	memset(cur, 0, sizeof *cur);
}

/* Reads every document and stores the changed ones.  Returns the
 * reader's or the store's error (message in *e), else SL_OK. */
static int ingest_all(reader *r, const extractor *x, long threads, sink *k, sl_err *e)
{
	progress *pg = k->pg;
	doc *d;
	int rc = SL_OK;
	pool p;
	pthread_t *tid = NULL;
	ext_scratch *scratch = NULL;
	rec_list recs;
	job cur;
	memset(&cur, 0, sizeof cur);
	rec_list_init(&recs);
	if (threads > 1) {
		memset(&p, 0, sizeof p);
		p.x = x;
		p.cap = (size_t)threads * 4;
		p.q = xcalloc(p.cap, sizeof *p.q);
		pthread_mutex_init(&p.mu, NULL);
		pthread_cond_init(&p.cv, NULL);
		tid = xcalloc((size_t)threads, sizeof *tid);
		for (long t = 0; t < threads; t++)
			pthread_create(&tid[t], NULL, worker, &p);
	} else {
		scratch = ext_scratch_new();
	}
	while (!k->rc && (rc = reader_next(r, &d, e)) == SL_OK) {
		char hash[65];
		store_doc_status st;
		pg->docs++;
		progress_doc(pg, d);
		store_doc_hash(d->url, d->lang, d->date, d->text, d->len, hash);
		if ((k->rc = store_doc_check(k->s, d->id, hash, &st, &k->e)))
			break;
		if (st == STORE_DOC_UNCHANGED) {
			k->n_same++;
		} else if (threads > 1) {
			job_add(&cur, d, hash);
			if (cur.n >= 64 || cur.bytes >= (1 << 20))
				submit(&p, k, &cur);
		} else {
			ext_doc(x, scratch, d, &recs);
			sink_put(k, x, d, hash, &recs);
			rec_list_release(&recs);
		}
		progress_show(pg, 0);
	}
	if (k->rc)
		rc = SL_OK;   /* the store's error is reported from k */
	if (threads > 1) {
		if (cur.n)
			submit(&p, k, &cur);
		flush_done(&p, k, 1);
		pthread_mutex_lock(&p.mu);
		p.stop = 1;
		pthread_cond_broadcast(&p.cv);
		pthread_mutex_unlock(&p.mu);
		for (long t = 0; t < threads; t++)
			pthread_join(tid[t], NULL);
		free(tid);
		free(p.q);
		pthread_mutex_destroy(&p.mu);
		pthread_cond_destroy(&p.cv);
	} else {
		ext_scratch_free(scratch);
	}
	rec_list_release(&recs);
	if (!k->rc && k->in_tx) {
		k->rc = store_commit(k->s, &k->e);
		if (!k->rc)
			k->in_tx = 0;
	}
	if (k->rc) {
		*e = k->e;
		if (k->in_tx)
			store_rollback(k->s, NULL);
		return k->rc;
	}
	return rc < 0 ? rc : SL_OK;
}

int cmd_ingest(int argc, char **argv)
{
	const char *db = NULL, *data = NULL;
	long batch = 500, threads = 1;
	int rebuild_only = 0;
	const char **paths = xcalloc((size_t)argc + 1, sizeof *paths);
	size_t np = 0;
	int status = 0;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage(stdout);
			free(paths);
			return 0;
		} else if (!strcmp(argv[i], "--db") && i + 1 < argc) {
			db = argv[++i];
		} else if (!strncmp(argv[i], "--db=", 5)) {
			db = argv[i] + 5;
		} else if (!strcmp(argv[i], "--data") && i + 1 < argc) {
			data = argv[++i];
		} else if ((!strcmp(argv[i], "-j") && i + 1 < argc) || (!strncmp(argv[i], "-j", 2) && argv[i][2])) {
			const char *v = argv[i][2] ? argv[i] + 2 : argv[++i];
			if (!opt_num(v, 1, 256, &threads)) {
				cmd_error("ingest", "-j wants a number of threads from 1 to 256, not '%s'", v);
				free(paths);
				return 2;
			}
		} else if (!strcmp(argv[i], "--batch") && i + 1 < argc) {
			if (!opt_num(argv[++i], 1, 1000000, &batch)) {
				cmd_error("ingest", "--batch wants a number of documents from 1 to 1000000, not '%s'", argv[i]);
				free(paths);
				return 2;
			}
		} else if (!strcmp(argv[i], "--rebuild")) {
			rebuild_only = 1;
		} else if (!strcmp(argv[i], "--")) {
			while (++i < argc)
				paths[np++] = argv[i];
		} else if (argv[i][0] == '-' && argv[i][1]) {
			cmd_error("ingest", "unknown option '%s'", argv[i]);
			usage(stderr);
			free(paths);
			return 2;
		} else {
			paths[np++] = argv[i];
		}
	}
	if (!np)
		paths[np++] = "-";

	sl_err e = { "" };
	store *s = store_open(db, &e);
	if (!s) {
		cmd_error("ingest", "%s", e.msg);
		free(paths);
		return 2;
	}
	extractor *x = NULL;
	reader *r = NULL;
	int rc;
	progress pg = { .tty = isatty(2), .start = now_s() };
	sink k = { .s = s, .batch = (size_t)batch, .pg = &pg };

	if (!rebuild_only) {
		x = ext_new(data ? data : cmd_datadir(), &e);
		if (!x) {
			cmd_error("ingest", "%s", e.msg);
			status = 2;
			goto out;
		}
		pg.total = input_size(paths, np);
		r = reader_new(paths, np, warn, NULL);
		rc = ingest_all(r, x, threads, &k, &e);
		progress_show(&pg, 1);
		if (pg.tty)
			fputc('\n', stderr);
		if (rc) {
			cmd_error("ingest", "%s", e.msg);
			if (k.in_batch)
				cmd_error("ingest", "the last %zu documents were not stored", k.in_batch);
			status = 2;
			goto out;
		}
		if (reader_warnings(r))
			status = 1;
	}

	if (rebuild_only || k.n_new || k.n_changed || facts_stale(s, &e)) {
		if (pg.tty)
			fputs("supplyline ingest: merging facts...", stderr);
		rc = facts_rebuild(s, NULL, &e);
		if (pg.tty)
			fputs("\r\033[K", stderr);
		if (rc) {
			cmd_error("ingest", "%s", e.msg);
			status = 2;
			goto out;
		}
	}
	store_counts c;
	if ((rc = s->ops->counts(s, &c, &e))) {
		cmd_error("ingest", "%s", e.msg);
		status = 2;
		goto out;
	}
	fprintf(stderr, "supplyline ingest: %zu documents read (%zu new, %zu unchanged, %zu changed), "
	        "%zu records stored; database: %lld documents, %lld records, %lld facts "
	        "(%lld with more than one source, %lld contradictory); %.1f s\n",
	        pg.docs, k.n_new, k.n_same, k.n_changed, k.n_records, c.documents, c.records, c.facts,
	        c.multi_source, c.contradictions, now_s() - pg.start);
out:
	free(pg.cur);
	if (r)
		reader_free(r);
	ext_free(x);
	store_close(s);
	free(paths);
	return status;
}
