/*
 * supplyline ingest [--db URL] [--data DIR] [-j N] [--batch N] [--rebuild]
 *                   [--no-facts] [--records] [PATH ...]:
 * read documents, extract their records and store both, then bring the
 * facts up to date.
 *
 * With --records the inputs are what `extract --with-docs` wrote: a
 * {"document": {...}} line, then that document's records, for every
 * document.  They are stored as they are, without the lexicons, so a
 * cluster can extract in parallel and load once (or load from every task:
 * the store takes concurrent writers, see docs/cluster.md).
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <jansson.h>
#include "../base/buf.h"
#include "../extract/extract.h"
#include "../read/doc.h"
#include "../store/store.h"
#include "cmd.h"
#include "pool.h"

static void usage(FILE *f)
{
	fputs("usage: supplyline ingest [--db URL] [--data DIR] [-j N] [--batch N] [--rebuild]\n"
	      "                         [--no-facts] [--records] [PATH ...]\n"
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
	      "  --no-facts   store documents and records only; leave the facts to a\n"
	      "               later `ingest --rebuild` (for many concurrent loaders)\n"
	      "  --records    the inputs are JSON Lines from `extract --with-docs`\n"
	      "               ('-' for standard input): store them without extracting\n"
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

static void sink_store(sink *k, const store_doc *sd, const record *recs, size_t n)
{
	store_doc_status st;
	if (k->rc)
		return;
	if (!k->in_tx) {
		if ((k->rc = store_begin(k->s, &k->e)))
			return;
		k->in_tx = 1;
	}
	if ((k->rc = store_put_doc(k->s, sd, recs, n, &st, &k->e)))
		return;
	if (st == STORE_DOC_UNCHANGED) {  /* the same id earlier in this run, or
	                                     stored meanwhile by another process */
		k->n_same++;
		return;
	}
	k->n_records += n;
	k->pg->records += n;
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

static void sink_put(sink *k, const extractor *x, const doc *d, const char *hash, rec_list *recs)
{
	store_doc sd = { d->id, d->url, d->lang ? d->lang : ext_lang(x, d), d->date, hash,
	                 d->text, d->len };
	sink_store(k, &sd, recs->v, recs->n);
}

/* Commits the open batch, or rolls it back after an error. */
static int sink_finish(sink *k, sl_err *e)
{
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
	return SL_OK;
}

/* A batch of documents for a worker, with their hashes and records. */
typedef struct job {
	doc *docs;
	char (*hash)[65];
	rec_list *recs;
	size_t n, cap, bytes;
} job;

/* What the pool's callbacks share. */
typedef struct run_ctx {
	const extractor *x;
	sink *k;
} run_ctx;

/* Takes d's strings over (the reader refills its doc on the next call). */
static void job_add(job *j, doc *d, const char *hash)
{
	if (j->n == j->cap) {
		j->cap = j->cap ? 2 * j->cap : 16;
		j->docs = xrealloc(j->docs, j->cap * sizeof *j->docs);
		j->hash = xrealloc(j->hash, j->cap * sizeof *j->hash);
		j->recs = xrealloc(j->recs, j->cap * sizeof *j->recs);
	}
	j->docs[j->n] = *d;
	doc_init(d);
	memcpy(j->hash[j->n], hash, 65);
	rec_list_init(&j->recs[j->n]);
	j->bytes += j->docs[j->n].len;
	j->n++;
}

static void job_free(job *j)
{
	for (size_t i = 0; i < j->n; i++) {
		doc_release(&j->docs[i]);
		rec_list_release(&j->recs[i]);
	}
	free(j->docs);
	free(j->hash);
	free(j->recs);
	free(j);
}

static void *job_start(void *ctx)
{
	(void)ctx;
	return ext_scratch_new();
}

static void job_run(void *ctx, void *scratch, void *arg)
{
	const run_ctx *c = ctx;
	job *j = arg;
	for (size_t i = 0; i < j->n; i++)
		ext_doc(c->x, scratch, &j->docs[i], &j->recs[i]);
}

static void job_stop(void *ctx, void *scratch)
{
	(void)ctx;
	ext_scratch_free(scratch);
}

/* In input order: store the job's documents and records. */
static void job_done(void *ctx, void *arg)
{
	const run_ctx *c = ctx;
	job *j = arg;
	for (size_t i = 0; i < j->n; i++)
		sink_put(c->k, c->x, &j->docs[i], j->hash[i], &j->recs[i]);
	job_free(j);
	progress_show(c->k->pg, 0);
}

static const pool_ops job_ops = { job_start, job_run, job_stop, job_done };

/* Reads every document and stores the changed ones.  Returns the
 * reader's or the store's error (message in *e), else SL_OK. */
/* Ends a run's progress line; reports a failed run (and the documents
 * of its unfinished batch) and returns nonzero. */
static int run_done(progress *pg, const sink *k, int rc, const sl_err *e)
{
	progress_show(pg, 1);
	if (pg->tty)
		fputc('\n', stderr);
	if (!rc)
		return 0;
	cmd_error("ingest", "%s", e->msg);
	if (k->in_batch)
		cmd_error("ingest", "the last %zu documents were not stored", k->in_batch);
	return 1;
}

static int ingest_all(reader *r, const extractor *x, long threads, sink *k, sl_err *e)
{
	progress *pg = k->pg;
	doc *d;
	int rc = SL_OK;
	run_ctx ctx = { x, k };
	pool *p = NULL;
	ext_scratch *scratch = NULL;
	rec_list recs;
	job *cur = NULL;
	rec_list_init(&recs);
	if (threads > 1)
		p = pool_new(threads, &job_ops, &ctx);
	else
		scratch = ext_scratch_new();
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
		} else if (p) {
			if (!cur)
				cur = xcalloc(1, sizeof *cur);
			job_add(cur, d, hash);
			if (cur->n >= 64 || cur->bytes >= (1 << 20)) {
				pool_submit(p, cur);
				cur = NULL;
			}
		} else {
			ext_doc(x, scratch, d, &recs);
			sink_put(k, x, d, hash, &recs);
			rec_list_release(&recs);
		}
		progress_show(pg, 0);
	}
	if (k->rc)
		rc = SL_OK;   /* the store's error is reported from k */
	if (p) {
		if (cur)
			pool_submit(p, cur);
		pool_free(p);
	} else {
		ext_scratch_free(scratch);
	}
	rec_list_release(&recs);
	if (sink_finish(k, e))
		return k->rc;
	return rc < 0 ? rc : SL_OK;
}

/* ---- --records: documents and records from `extract --with-docs` ---- */

/* One document of a records file being collected: its line and those of
 * its records, kept until the next document line (or the end) stores it. */
typedef struct pending {
	json_t *doc;        /* the "document" object, or NULL before the first */
	json_t **recs;
	size_t n, cap;
	size_t line;        /* of the document line */
} pending;

static const char *jstr(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

/* A record line as a record; its strings stay owned by o.  Returns 0
 * and a reason in *why when a field is missing or of the wrong kind. */
static int rec_from_json(json_t *o, record *r, const char **why)
{
	static const char *const strs[] = { "doc", "donor", "recipient", "consent_by", "category",
	                                    "system", "item", "unit", "currency", "when", NULL };
	record_init(r);
	for (int i = 0; strs[i]; i++) {
		json_t *v = json_object_get(o, strs[i]);
		if (v && !json_is_string(v) && !json_is_null(v)) {
			*why = strs[i];
			return 0;
		}
	}
	int t = rec_type_parse(jstr(o, "type") ? jstr(o, "type") : "");
	if (t < 0) {
		*why = "type";
		return 0;
	}
	r->type = (rec_type)t;
	r->doc = (char *)jstr(o, "doc");
	r->donor = jstr(o, "donor");
	r->recipient = jstr(o, "recipient");
	r->consent_by = jstr(o, "consent_by");
	r->category = jstr(o, "category");
	r->system = jstr(o, "system");
	r->item = (char *)jstr(o, "item");
	json_t *q = json_object_get(o, "quantity"), *v = json_object_get(o, "value");
	if ((q && !json_is_number(q) && !json_is_null(q)) || (v && !json_is_number(v) && !json_is_null(v))) {
		*why = json_is_number(q) || json_is_null(q) || !q ? "value" : "quantity";
		return 0;
	}
	r->quantity = json_is_number(q) ? json_number_value(q) : -1;
	r->unit = jstr(o, "unit");
	r->value = json_is_number(v) ? json_number_value(v) : -1;
	r->currency = jstr(o, "currency");
	const char *when = jstr(o, "when");
	if (when && strlen(when) >= sizeof r->when) {
		*why = "when";
		return 0;
	}
	if (when)
		snprintf(r->when, sizeof r->when, "%s", when);
	json_t *ev = json_object_get(o, "evidence"), *sp = json_object_get(o, "span");
	if (!json_is_string(ev)) {
		*why = "evidence";
		return 0;
	}
	r->evidence = (char *)json_string_value(ev);
	if (!json_is_array(sp) || json_array_size(sp) != 2 || !json_is_integer(json_array_get(sp, 0)) ||
	    !json_is_integer(json_array_get(sp, 1)) || json_integer_value(json_array_get(sp, 0)) < 0 ||
	    json_integer_value(json_array_get(sp, 1)) < json_integer_value(json_array_get(sp, 0))) {
		*why = "span";
		return 0;
	}
	r->span[0] = (size_t)json_integer_value(json_array_get(sp, 0));
	r->span[1] = (size_t)json_integer_value(json_array_get(sp, 1));
	return 1;
}

static void pending_clear(pending *p)
{
	json_decref(p->doc);
	for (size_t i = 0; i < p->n; i++)
		json_decref(p->recs[i]);
	p->doc = NULL;
	p->n = 0;
}

/* Stores the collected document with its records. */
static int pending_store(pending *p, sink *k, const char *path, sl_err *e)
{
	if (!p->doc)
		return SL_OK;
	json_t *d = p->doc;
	const char *id = jstr(d, "id"), *text = jstr(d, "text"), *hash = jstr(d, "hash");
	char h[65];
	size_t len = json_string_length(json_object_get(d, "text"));
	if (!hash) {
		store_doc_hash(jstr(d, "url"), jstr(d, "lang"), jstr(d, "date"), text, len, h);
		hash = h;
	}
	record *recs = xcalloc(p->n ? p->n : 1, sizeof *recs);
	for (size_t i = 0; i < p->n; i++) {
		const char *why = NULL;
		if (!rec_from_json(p->recs[i], &recs[i], &why)) {
			sl_err_set(e, "%s:%zu: record %zu of document '%s': bad or missing \"%s\"",
			           path, p->line + 1 + i, i, id, why);
			free(recs);
			return SL_EFORMAT;
		}
	}
	store_doc sd = { id, jstr(d, "url"), jstr(d, "lang"), jstr(d, "date"), hash, text, len };
	k->pg->docs++;
	sink_store(k, &sd, recs, p->n);
	free(recs);
	pending_clear(p);
	return SL_OK;
}

/* Reads one records file ("-": standard input) and stores its documents. */
static int ingest_records_file(const char *path, sink *k, sl_err *e)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
	if (!f) {
		sl_err_set(e, "%s: %s", path, strerror(errno));
		return SL_EIO;
	}
	pending p = { NULL, NULL, 0, 0, 0 };
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t n;
	int rc = SL_OK;
	while (!rc && !k->rc && (n = getline(&line, &cap, f)) >= 0) {
		lineno++;
		while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (!n)
			continue;
		json_error_t je;
		json_t *o = json_loadb(line, (size_t)n, 0, &je);
		if (!json_is_object(o)) {
			sl_err_set(e, "%s:%zu: %s", path, lineno, o ? "expected a JSON object" : je.text);
			json_decref(o);
			rc = SL_EFORMAT;
			break;
		}
		json_t *d = json_object_get(o, "document");
		if (d) {
			if (!json_is_object(d) || !jstr(d, "id") || !jstr(d, "text") ||
			    (json_object_get(d, "hash") && !jstr(d, "hash"))) {
				sl_err_set(e, "%s:%zu: a document needs string \"id\" and \"text\"", path, lineno);
				json_decref(o);
				rc = SL_EFORMAT;
				break;
			}
			if ((rc = pending_store(&p, k, path, e))) {
				json_decref(o);
				break;
			}
			p.doc = json_incref(d);
			p.line = lineno;
			json_decref(o);
			continue;
		}
		const char *rdoc = jstr(o, "doc");
		if (!p.doc || !rdoc || strcmp(rdoc, jstr(p.doc, "id"))) {
			sl_err_set(e, "%s:%zu: a record of document '%s' without its {\"document\": ...} line "
			           "before it (write records with `supplyline extract --with-docs`)",
			           path, lineno, rdoc ? rdoc : "?");
			json_decref(o);
			rc = SL_EFORMAT;
			break;
		}
		if (p.n == p.cap) {
			p.cap = p.cap ? 2 * p.cap : 16;
			p.recs = xrealloc(p.recs, p.cap * sizeof *p.recs);
		}
		p.recs[p.n++] = o;
		progress_show(k->pg, 0);
	}
	if (!rc && !k->rc && ferror(f)) {
		sl_err_set(e, "%s: %s", path, strerror(errno));
		rc = SL_EIO;
	}
	if (!rc)
		rc = pending_store(&p, k, path, e);
	pending_clear(&p);
	free(p.recs);
	free(line);
	if (f != stdin)
		fclose(f);
	return rc;
}

static int ingest_records(const char *const *paths, size_t np, sink *k, sl_err *e)
{
	int rc = SL_OK;
	for (size_t i = 0; i < np && !rc && !k->rc; i++)
		rc = ingest_records_file(paths[i], k, e);
	if (rc) {
		if (k->in_tx)
			store_rollback(k->s, NULL);
		return rc;
	}
	return sink_finish(k, e);
}

int cmd_ingest(int argc, char **argv)
{
	const char *db = NULL, *data = NULL;
	long batch = 500, threads = 1;
	int rebuild_only = 0, no_facts = 0, records = 0;
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
		} else if (!strcmp(argv[i], "--no-facts")) {
			no_facts = 1;
		} else if (!strcmp(argv[i], "--records")) {
			records = 1;
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

	if (!rebuild_only && records) {
		rc = ingest_records(paths, np, &k, &e);
		if (run_done(&pg, &k, rc, &e)) {
			status = 2;
			goto out;
		}
	} else if (!rebuild_only) {
		x = ext_new(data ? data : cmd_datadir(), &e);
		if (!x) {
			cmd_error("ingest", "%s", e.msg);
			status = 2;
			goto out;
		}
		pg.total = input_size(paths, np);
		r = reader_new(paths, np, warn, NULL);
		rc = ingest_all(r, x, threads, &k, &e);
		if (run_done(&pg, &k, rc, &e)) {
			status = 2;
			goto out;
		}
		if (reader_warnings(r))
			status = 1;
	}

	if (rebuild_only || (!no_facts && (k.n_new || k.n_changed || facts_stale(s, &e)))) {
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
