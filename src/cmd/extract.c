/*
 * supplyline extract [--data DIR] [-j N] [--with-docs] [PATH ...]: documents in, records
 * out as JSON Lines on stdout, in input order.  With -j N, N worker
 * threads extract batches of documents while the main thread reads and
 * prints, so the output is the same as with one thread.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "../base/buf.h"
#include "../extract/extract.h"
#include "../base/json.h"
#include "../read/doc.h"
#include "../store/store.h"
#include "cmd.h"

/* With --with-docs, each document's records are preceded by a line
 * {"document": {id, url, lang, date, hash, text}} (lang as identified,
 * hash as ingest computes it), so `ingest --records` can store exactly
 * what `ingest` would have stored from the documents themselves. */
static int with_docs;

static void warn(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "supplyline extract: warning: %s\n", msg);
}

static void usage(FILE *f)
{
	fputs("usage: supplyline extract [--data DIR] [-j N] [--with-docs] [PATH ...]\n"
	      "\n"
	      "Reads documents (.txt, .jsonl, .html, .warc, and their .gz forms;\n"
	      "directories recursively; '-' or nothing for standard input) and\n"
	      "writes one JSON record a line to standard output.\n"
	      "\n"
	      "  --data DIR   lexicons directory (default: $SUPPLYLINE_DATA or ./data)\n"
	      "  -j N         worker threads (default 1); output stays in input order\n"
	      "  --trace      print the analysis of every sentence to standard error\n"
	      "  --stats      print documents, sentences and load time to standard error\n"
	      "  --no-prefilter  analyse every document, even one that cannot yield a record\n"
	      "  --with-docs  before each document's records, a {\"document\": {...}} line\n"
	      "               with its metadata and text, for `ingest --records`\n"
	      "\n"
	      "Exit status: 0 ok, 1 some input skipped with a warning, 2 error.\n", f);
}

/* A batch of documents handed to a worker, and its printed records. */
typedef struct job {
	doc *docs;
	size_t n;
	buf out;
	int done;
} job;

typedef struct pool {
	const extractor *x;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	job *q;          /* ring of jobs */
	size_t cap, head, tail, next; /* next: first job not yet taken */
	int stop;
	ext_stats st;    /* summed over the workers as they finish */
} pool;

static void add_stats(ext_stats *sum, const ext_scratch *s)
{
	ext_stats st;
	ext_get_stats(s, &st);
	sum->docs += st.docs;
	sum->skipped += st.skipped;
	sum->sentences += st.sentences;
	sum->bytes += st.bytes;
	sum->pre_bytes += st.pre_bytes;
	sum->pre_ms += st.pre_ms;
}

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void doc_json(buf *b, const extractor *x, const doc *d)
{
	char hash[65];
	store_doc_hash(d->url, d->lang, d->date, d->text, d->len, hash);
	buf_adds(b, "{\"document\": {\"id\": ");
	json_cstr(b, d->id);
	buf_adds(b, ", \"url\": ");
	json_cstr(b, d->url);
	buf_adds(b, ", \"lang\": ");
	json_cstr(b, d->lang ? d->lang : ext_lang(x, d));
	buf_adds(b, ", \"date\": ");
	json_cstr(b, d->date);
	buf_adds(b, ", \"hash\": ");
	json_cstr(b, hash);
	buf_adds(b, ", \"text\": ");
	json_str(b, d->text, d->len);
	buf_adds(b, "}}\n");
}

static void run_job(const extractor *x, ext_scratch *s, job *j)
{
	rec_list recs;
	rec_list_init(&recs);
	for (size_t i = 0; i < j->n; i++) {
		ext_doc(x, s, &j->docs[i], &recs);
		if (with_docs)
			doc_json(&j->out, x, &j->docs[i]);
		for (size_t k = 0; k < recs.n; k++) {
			record_json(&j->out, &recs.v[k]);
			buf_addc(&j->out, '\n');
		}
		rec_list_release(&recs);
	}
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
		run_job(p->x, s, j);
		pthread_mutex_lock(&p->mu);
		j->done = 1;
		pthread_cond_broadcast(&p->cv);
	}
	add_stats(&p->st, s);
	pthread_mutex_unlock(&p->mu);
	ext_scratch_free(s);
	return NULL;
}

static void copy_doc(doc *dst, const doc *src)
{
	doc_init(dst);
	dst->id = src->id ? xstrdup(src->id) : NULL;
	dst->url = src->url ? xstrdup(src->url) : NULL;
	dst->lang = src->lang ? xstrdup(src->lang) : NULL;
	dst->date = src->date ? xstrdup(src->date) : NULL;
	dst->text = xstrndup(src->text, src->len);
	dst->len = src->len;
	dst->body = src->body;
}

static int flush_done(pool *p, int wait_all)
{
	int rc = 0;
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
		if (fwrite(j->out.p, 1, j->out.len, stdout) != j->out.len)
			rc = -1;
		buf_release(&j->out);
		for (size_t i = 0; i < j->n; i++)
			doc_release(&j->docs[i]);
		free(j->docs);
		pthread_mutex_lock(&p->mu);
		p->head++;
	}
	pthread_mutex_unlock(&p->mu);
	return rc;
}

int cmd_extract(int argc, char **argv)
{
	const char *data = NULL;
	long threads = 1;
	int trace = 0, stats = 0, prefilter = 1;
	ext_stats sum = { 0, 0, 0, 0, 0, 0 };
	const char **paths = xcalloc((size_t)argc + 1, sizeof *paths);
	size_t np = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage(stdout);
			free(paths);
			return 0;
		} else if (!strcmp(argv[i], "--trace")) {
			trace = 1;
		} else if (!strcmp(argv[i], "--stats")) {
			stats = 1;
		} else if (!strcmp(argv[i], "--no-prefilter")) {
			prefilter = 0;
		} else if (!strcmp(argv[i], "--with-docs")) {
			with_docs = 1;
		} else if (!strcmp(argv[i], "--data") && i + 1 < argc) {
			data = argv[++i];
		} else if (!strcmp(argv[i], "-j") && i + 1 < argc) {
			char *end;
			threads = strtol(argv[++i], &end, 10);
			if (*end || threads < 1 || threads > 256) {
				cmd_error("extract", "-j wants a number of threads from 1 to 256, not '%s'", argv[i]);
				free(paths);
				return 2;
			}
		} else if (!strncmp(argv[i], "-j", 2) && argv[i][2]) {
			threads = strtol(argv[i] + 2, NULL, 10);
			if (threads < 1 || threads > 256)
				threads = 1;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			cmd_error("extract", "unknown option '%s'", argv[i]);
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
	double t0 = now_ms();
	extractor *x = ext_new(data ? data : cmd_datadir(), &e);
	double load_ms = now_ms() - t0;
	if (!x) {
		cmd_error("extract", "%s", e.msg);
		free(paths);
		return 2;
	}
	if (trace) {
		ext_set_trace(x, stderr);
		threads = 1;
	}
	if (!prefilter)
		ext_set_prefilter(x, 0);
	reader *r = reader_new(paths, np, warn, NULL);
	int status = 0;
	doc *d;
	int rc;
	if (threads == 1) {
		ext_scratch *s = ext_scratch_new();
		rec_list recs;
		rec_list_init(&recs);
		buf out = BUF_INIT;
		while ((rc = reader_next(r, &d, &e)) == SL_OK) {
			if (d->repaired)
				fprintf(stderr, "supplyline extract: warning: %s: %zu invalid UTF-8 "
				        "sequences replaced by U+FFFD\n", d->source ? d->source : d->id,
				        d->repaired);
			ext_doc(x, s, d, &recs);
			if (with_docs)
				doc_json(&out, x, d);
			for (size_t k = 0; k < recs.n; k++) {
				record_json(&out, &recs.v[k]);
				buf_addc(&out, '\n');
			}
			rec_list_release(&recs);
			if (out.len > (1 << 16)) {
				fwrite(out.p, 1, out.len, stdout);
				buf_reset(&out);
			}
		}
		fwrite(out.p, 1, out.len, stdout);
		buf_release(&out);
		add_stats(&sum, s);
		ext_scratch_free(s);
	} else {
		pool p;
		memset(&p, 0, sizeof p);
		p.x = x;
		p.cap = (size_t)threads * 4;
		p.q = xcalloc(p.cap, sizeof *p.q);
		pthread_mutex_init(&p.mu, NULL);
		pthread_cond_init(&p.cv, NULL);
		pthread_t *tid = xcalloc((size_t)threads, sizeof *tid);
		for (long t = 0; t < threads; t++)
			pthread_create(&tid[t], NULL, worker, &p);
		job cur = { NULL, 0, BUF_INIT, 0 };
		size_t bytes = 0, capdocs = 0;
		for (;;) {
			rc = reader_next(r, &d, &e);
			if (rc == SL_OK && d->repaired)
				fprintf(stderr, "supplyline extract: warning: %s: %zu invalid UTF-8 "
				        "sequences replaced by U+FFFD\n", d->source ? d->source : d->id,
				        d->repaired);
			if (rc == SL_OK) {
				if (cur.n == capdocs) {
					capdocs = capdocs ? capdocs * 2 : 16;
					cur.docs = xrealloc(cur.docs, capdocs * sizeof *cur.docs);
				}
				copy_doc(&cur.docs[cur.n++], d);
				bytes += d->len;
			}
			if ((rc != SL_OK && cur.n) || bytes >= (1 << 20) || cur.n >= 256) {
				flush_done(&p, 0);
				pthread_mutex_lock(&p.mu);
				p.q[p.tail % p.cap] = cur;
				p.tail++;
				pthread_cond_broadcast(&p.cv);
				pthread_mutex_unlock(&p.mu);
				memset(&cur, 0, sizeof cur);
				buf_init(&cur.out);
				bytes = 0;
				capdocs = 0;
			}
			if (rc != SL_OK)
				break;
		}
		flush_done(&p, 1);
		pthread_mutex_lock(&p.mu);
		p.stop = 1;
		pthread_cond_broadcast(&p.cv);
		pthread_mutex_unlock(&p.mu);
		for (long t = 0; t < threads; t++)
			pthread_join(tid[t], NULL);
		free(tid);
		sum = p.st;
		free(p.q);
		pthread_mutex_destroy(&p.mu);
		pthread_cond_destroy(&p.cv);
	}
	if (rc < 0) {
		cmd_error("extract", "%s", e.msg);
		status = 2;
	} else if (reader_warnings(r)) {
		status = 1;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cmd_error("extract", "writing output: %s", strerror(errno));
		status = 2;
	}
	if (stats)
		fprintf(stderr, "supplyline extract: stats: docs %zu skipped %zu sentences %zu "
		        "bytes %zu pre_bytes %zu pre_ms %.1f load_ms %.1f threads %ld\n", sum.docs,
		        sum.skipped, sum.sentences, sum.bytes, sum.pre_bytes, sum.pre_ms, load_ms,
		        threads);
	reader_free(r);
	ext_free(x);
	free(paths);
	return status;
}
