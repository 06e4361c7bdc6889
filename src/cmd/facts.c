/*
 * supplyline facts [--db URL] [filters] [--format table|csv|json]: the
 * merged facts, one per event, with their sources.
 *
 * table (the default on a terminal) is for reading: aligned columns,
 * long names cut with an ellipsis.  csv (the default otherwise) is the
 * documented, stable export of docs/schema.md (RFC 4180, CRLF).  json is
 * JSON Lines, one fact a line with every source, its evidence and span.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../base/buf.h"
#include "../base/utf8.h"
#include "../store/store.h"
#include "cmd.h"

static void usage(FILE *f)
{
	fputs("usage: supplyline facts [--db URL] [--donor X] [--recipient X] [--type T]\n"
	      "                        [--category C] [--since D] [--until D]\n"
	      "                        [--format table|csv|json]\n"
	      "\n"
	      "Prints the facts merged from the stored records: one per event, with the\n"
	      "number of sources that report it and a flag where sources contradict.\n"
	      "\n"
	      "  --db URL         SQLite file (default " STORE_DEFAULT_DB ") or postgresql://... URL\n"
	      "  --donor X        donor code (NO, US, EU ...)\n"
	      "  --recipient X    recipient code (UA ...)\n"
	      "  --type T         delivered, committed, offered (= considering), refused,\n"
	      "                   requested, consent_requested, consent_granted, consent_denied\n"
	      "  --category C     artillery, air-defence, funds ... (shared/spec/records.md)\n"
	      "  --since D        facts whose date reaches D or later (YYYY[-MM[-DD]])\n"
	      "  --until D        facts whose date starts at D or earlier\n"
	      "  --format F       table (default on a terminal), csv (default otherwise), json\n"
	      "\n"
	      "A fact's date is the event date its sources give, else the dates of the\n"
	      "reports.  Exit status: 0 ok, 2 error.\n", f);
}

typedef struct item {
	fact f;
	fact_source *src;
	size_t nsrc;
} item;

typedef struct items {
	item *v;
	size_t n, cap;
} items;

/* The store's structs live only during the callback: copy. */
static int keep(void *ctx, const fact *f)
{
	items *it = ctx;
	if (it->n == it->cap) {
		it->cap = it->cap ? 2 * it->cap : 64;
		it->v = xrealloc(it->v, it->cap * sizeof *it->v);
	}
	item *c = &it->v[it->n++];
	memset(c, 0, sizeof *c);
	fact_copy(&c->f, f);
	return 0;
}

static void items_free(items *it)
{
	for (size_t i = 0; i < it->n; i++) {
		fact_release(&it->v[i].f);
		fact_sources_free(it->v[i].src, it->v[i].nsrc);
	}
	free(it->v);
}

/* ---- table ------------------------------------------------------------- */

enum { C_ID, C_MEASURE, C_DONOR, C_RECIP, C_CATEGORY, C_SYSTEM, C_ITEM, C_QTY,
       C_VALUE, C_DATE, C_SRC, C_FLAG, C_LINK, C_N };

static const char *const heads[C_N] = {
	"ID", "MEASURE", "DONOR", "TO", "CATEGORY", "SYSTEM", "ITEM", "QTY",
	"VALUE", "DATE", "SRC", "!", "LINK"
};
static const size_t caps[C_N] = { 8, 17, 8, 6, 16, 18, 28, 12, 18, 10, 4, 1, 8 };
static const int right[C_N] = { 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 0, 1 };

static void num_cell(buf *b, double v, const char *unit)
{
	if (v < 0)
		return;
	if (v >= 1e9 && v == (double)(long long)v && (long long)v % 10000000 == 0)
		buf_addf(b, "%g bn", v / 1e9);
	else if (v >= 1e6 && v == (double)(long long)v && (long long)v % 10000 == 0)
		buf_addf(b, "%g m", v / 1e6);
	else
		buf_addf(b, "%.15g", v);
	if (unit && strcmp(unit, "item"))
		buf_addf(b, " %s", unit);
}

static void row_cells(const fact *f, buf c[C_N])
{
	for (int i = 0; i < C_N; i++)
		buf_reset(&c[i]);
	buf_addf(&c[C_ID], "%lld", (long long)f->id);
	cmd_cut(&c[C_MEASURE], f->type, caps[C_MEASURE]);
	cmd_cut(&c[C_DONOR], f->donor ? f->donor : "?", caps[C_DONOR]);
	if (f->consent_by) {
		buf_adds(&c[C_DONOR], "/");
		buf_adds(&c[C_DONOR], f->consent_by);
	}
	cmd_cut(&c[C_RECIP], f->recipient ? f->recipient : "?", caps[C_RECIP]);
	cmd_cut(&c[C_CATEGORY], f->category ? f->category : "", caps[C_CATEGORY]);
	cmd_cut(&c[C_SYSTEM], f->system ? f->system : "", caps[C_SYSTEM]);
	cmd_cut(&c[C_ITEM], f->item ? f->item : "", caps[C_ITEM]);
	num_cell(&c[C_QTY], f->quantity, f->unit);
	num_cell(&c[C_VALUE], f->value, NULL);
	if (f->value >= 0 && f->currency)
		buf_addf(&c[C_VALUE], " %s", f->currency);
	buf_adds(&c[C_DATE], f->when[0] ? f->when : f->first_report);
	buf_addf(&c[C_SRC], "%d", f->n_sources);
	buf_adds(&c[C_FLAG], f->contradiction ? "!" : "");
	if (f->linked)
		buf_addf(&c[C_LINK], "%lld", (long long)f->linked);
}

static void put_cells(buf *out, buf c[C_N], const size_t w[C_N])
{
	for (int i = 0; i < C_N; i++) {
		size_t k = utf8_count(c[i].p, c[i].len);
		size_t pad = w[i] > k ? w[i] - k : 0;
		if (i)
			buf_adds(out, "  ");
		if (right[i])
			for (size_t j = 0; j < pad; j++)
				buf_addc(out, ' ');
		buf_add(out, c[i].p, c[i].len);
		if (!right[i] && i + 1 < C_N)
			for (size_t j = 0; j < pad; j++)
				buf_addc(out, ' ');
	}
	while (out->len && out->p[out->len - 1] == ' ')
		out->len--;
	out->p[out->len] = '\0';
	buf_addc(out, '\n');
}

static void print_table(const items *it, FILE *fp)
{
	buf c[C_N], out = BUF_INIT;
	size_t w[C_N];
	for (int i = 0; i < C_N; i++) {
		buf_init(&c[i]);
		w[i] = strlen(heads[i]);
	}
	for (size_t k = 0; k < it->n; k++) {
		row_cells(&it->v[k].f, c);
		for (int i = 0; i < C_N; i++) {
			size_t n = utf8_count(c[i].p, c[i].len);
			if (n > w[i])
				w[i] = n;
		}
	}
	for (int i = 0; i < C_N; i++) {
		buf_reset(&c[i]);
		buf_adds(&c[i], heads[i]);
	}
	put_cells(&out, c, w);
	for (size_t k = 0; k < it->n; k++) {
		row_cells(&it->v[k].f, c);
		put_cells(&out, c, w);
		if (out.len > (1 << 16)) {
			fwrite(out.p, 1, out.len, fp);
			buf_reset(&out);
		}
	}
	fwrite(out.p, 1, out.len, fp);
	for (int i = 0; i < C_N; i++)
		buf_release(&c[i]);
	buf_release(&out);
}

/* ---- main -------------------------------------------------------------- */

int cmd_facts(int argc, char **argv)
{
	const char *db = NULL, *format = NULL;
	fact_filter flt = { NULL, NULL, NULL, NULL, NULL, NULL };
	static const struct { const char *name; size_t off; } fopts[] = {
		{ "--donor", offsetof(fact_filter, donor) },
		{ "--recipient", offsetof(fact_filter, recipient) },
		{ "--type", offsetof(fact_filter, type) },
		{ "--category", offsetof(fact_filter, category) },
		{ "--since", offsetof(fact_filter, since) },
		{ "--until", offsetof(fact_filter, until) },
	};
	for (int i = 1; i < argc; i++) {
		int done = 0;
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage(stdout);
			return 0;
		}
		for (size_t k = 0; k < sizeof fopts / sizeof fopts[0] && !done; k++) {
			if (!strcmp(argv[i], fopts[k].name)) {
				if (i + 1 >= argc) {
					cmd_error("facts", "%s wants a value", argv[i]);
					return 2;
				}
				*(const char **)((char *)&flt + fopts[k].off) = argv[++i];
				done = 1;
			}
		}
		if (done)
			continue;
		if (!strcmp(argv[i], "--db") && i + 1 < argc) {
			db = argv[++i];
		} else if (!strncmp(argv[i], "--db=", 5)) {
			db = argv[i] + 5;
		} else if (!strcmp(argv[i], "--format") && i + 1 < argc) {
			format = argv[++i];
		} else {
			cmd_error("facts", "unknown option or argument '%s'", argv[i]);
			usage(stderr);
			return 2;
		}
	}
	if (!format)
		format = isatty(1) ? "table" : "csv";
	if (strcmp(format, "table") && strcmp(format, "csv") && strcmp(format, "json")) {
		cmd_error("facts", "--format wants table, csv or json, not '%s'", format);
		return 2;
	}
	const char *path = db && *db ? db : STORE_DEFAULT_DB;
	if (strncmp(path, "postgres", 8) && strncmp(path, "pg:", 3) && access(path, F_OK) != 0) {
		cmd_error("facts", "%s: no such database (run 'supplyline ingest --db %s PATH ...' first)",
		          path, path);
		return 2;
	}

	sl_err e = { "" };
	store *s = store_open(db, &e);
	if (!s) {
		cmd_error("facts", "%s", e.msg);
		return 2;
	}
	int status = 0, rc;
	items it = { NULL, 0, 0 };
	if (facts_stale(s, &e))
		cmd_error("facts", "warning: records changed since the facts were merged; "
		          "run 'supplyline ingest --rebuild' to update them");
	if ((rc = s->ops->each_fact(s, &flt, keep, &it, &e))) {
		cmd_error("facts", "%s", e.msg);
		status = 2;
		goto out;
	}
	if (strcmp(format, "table")) {
		for (size_t i = 0; i < it.n; i++) {
			item *c = &it.v[i];
			if ((rc = store_fact_sources(s, c->f.id, &c->src, &c->nsrc, &e))) {
				cmd_error("facts", "%s", e.msg);
				status = 2;
				goto out;
			}
		}
	}
	if (!strcmp(format, "table")) {
		print_table(&it, stdout);
	} else {
		buf b = BUF_INIT;
		if (!strcmp(format, "csv"))
			facts_csv_header(&b);
		for (size_t i = 0; i < it.n; i++) {
			if (!strcmp(format, "csv")) {
				facts_csv_row(&b, &it.v[i].f, it.v[i].src, it.v[i].nsrc);
			} else {
				facts_json(&b, &it.v[i].f, it.v[i].src, it.v[i].nsrc);
				buf_addc(&b, '\n');
			}
			if (b.len > (1 << 16)) {
				fwrite(b.p, 1, b.len, stdout);
				buf_reset(&b);
			}
		}
		fwrite(b.p, 1, b.len, stdout);
		buf_release(&b);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cmd_error("facts", "writing output: %s", strerror(errno));
		status = 2;
	}
out:
	items_free(&it);
	store_close(s);
	return status;
}
