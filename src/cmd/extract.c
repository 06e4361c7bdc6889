/*
 * supplyline extract [--data DIR] [-j N] [--with-docs] [PATH ...]: documents in, records
 * out as JSON Lines on stdout, in input order.  With -j N, N worker
 * threads extract batches of documents while the main thread reads and
 * prints, so the output is the same as with one thread.
 */
#include <errno.h>
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
#include "pool.h"

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

/* Text the reader had to mend is extracted all the same, but said. */
static void warn_repaired(const doc *d)
{
	if (d->repaired)
		fprintf(stderr, "supplyline extract: warning: %s: %zu invalid UTF-8 sequences "
		        "replaced by U+FFFD\n", d->source ? d->source : d->id, d->repaired);
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
	size_t n, cap, bytes;
	buf out;
} job;

/* What the pool's callbacks share: the extractor and the workers'
 * counters, summed as each worker ends. */
typedef struct run_ctx {
	const extractor *x;
	ext_stats st;
} run_ctx;

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

/* d's lines of output into out (recs: scratch, left empty). */
static void doc_out(buf *out, const extractor *x, ext_scratch *s, const doc *d, rec_list *recs)
{
	ext_doc(x, s, d, recs);
	if (with_docs)
		doc_json(out, x, d);
	for (size_t k = 0; k < recs->n; k++) {
		record_json(out, &recs->v[k]);
		buf_addc(out, '\n');
	}
	rec_list_clear(recs);
}

static void run_job(const extractor *x, ext_scratch *s, job *j)
{
	rec_list recs;
	rec_list_init(&recs);
	for (size_t i = 0; i < j->n; i++)
		doc_out(&j->out, x, s, &j->docs[i], &recs);
	rec_list_release(&recs);
}

static void *job_start(void *ctx)
{
	(void)ctx;
	return ext_scratch_new();
}

static void job_run(void *ctx, void *scratch, void *j)
{
	run_job(((run_ctx *)ctx)->x, scratch, j);
}

static void job_stop(void *ctx, void *scratch)
{
	add_stats(&((run_ctx *)ctx)->st, scratch);
	ext_scratch_free(scratch);
}

/* In input order: the job's records to stdout (write errors show in
 * ferror at the end), then it is freed. */
static void job_done(void *ctx, void *arg)
{
	job *j = arg;
	(void)ctx;
	fwrite(j->out.p, 1, j->out.len, stdout);
	buf_release(&j->out);
	for (size_t i = 0; i < j->n; i++)
		doc_release(&j->docs[i]);
	free(j->docs);
	free(j);
}

static const pool_ops job_ops = { job_start, job_run, job_stop, job_done };

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
			warn_repaired(d);
			doc_out(&out, x, s, d, &recs);
			if (out.len > (1 << 16)) {
				fwrite(out.p, 1, out.len, stdout);
				buf_reset(&out);
			}
		}
		fwrite(out.p, 1, out.len, stdout);
		buf_release(&out);
		rec_list_release(&recs);
		add_stats(&sum, s);
		ext_scratch_free(s);
	} else {
		run_ctx ctx = { x, { 0, 0, 0, 0, 0, 0 } };
		pool *p = pool_new(threads, &job_ops, &ctx);
		job *cur = NULL;
		for (;;) {
			rc = reader_next(r, &d, &e);
			if (rc == SL_OK) {
				warn_repaired(d);
				if (!cur) {
					cur = xcalloc(1, sizeof *cur);
					buf_init(&cur->out);
				}
				if (cur->n == cur->cap) {
					cur->cap = cur->cap ? cur->cap * 2 : 16;
					cur->docs = xrealloc(cur->docs, cur->cap * sizeof *cur->docs);
				}
				/* the reader refills its doc on the next call: take the
				 * strings over instead of copying them */
				cur->docs[cur->n++] = *d;
				cur->bytes += d->len;
				doc_init(d);
			}
			if (cur && ((rc != SL_OK && cur->n) || cur->bytes >= (1 << 20) || cur->n >= 256)) {
				pool_submit(p, cur);
				cur = NULL;
			}
			if (rc != SL_OK)
				break;
		}
		free(cur);
		pool_free(p);
		sum = ctx.st;
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
