/*
 * supplyline consent: the consent board.
 *
 *   supplyline consent --from EE --to UA --system D-30 [--date D]
 *       which states must consent to this one transfer, on what basis,
 *       and from which link of the chain of holders (stored facts are
 *       used when the database exists);
 *   supplyline consent [--db URL] [--donor X] [--recipient X] [--since D]
 *       [--until D]
 *       the board: every stored transfer that needs consent, each
 *       required consent with what the news says of it, then the consent
 *       facts that match no stored transfer.
 *
 * table (default on a terminal) is grouped per transfer for reading; csv
 * (default otherwise) is one row per required consent with the stable
 * header of consent_csv_header; json is JSON Lines, one transfer (or
 * unmatched consent fact) a line.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../base/buf.h"
#include "../consent/consent.h"
#include "../extract/record.h"
#include "../store/store.h"
#include "cmd.h"

static void usage(FILE *f)
{
	fputs("usage: supplyline consent --from X --to X (--system S | --category C) [--date D]\n"
	      "                          [--db URL] [--chains FILE] [--format table|csv|json]\n"
	      "       supplyline consent [--db URL] [--donor X] [--recipient X] [--since D]\n"
	      "                          [--until D] [--chains FILE] [--format table|csv|json]\n"
	      "\n"
	      "With --from: the states whose consent passing the materiel from X to X\n"
	      "needs, each with its legal basis and the link of the chain of holders it\n"
	      "comes from.  Without: the board of every stored transfer that needs\n"
	      "consent, with what the news says of each consent (requested, granted,\n"
	      "denied, or nothing known yet), and the consent facts that match no\n"
	      "stored transfer.\n"
	      "\n"
	      "  --from X, --to X  donor and recipient codes (EE, UA ...)\n"
	      "  --system S        canonical system name (data/systems.tsv)\n"
	      "  --category C      category when no system is named\n"
	      "  --date D          date of the transfer (YYYY[-MM[-DD]]); without it only\n"
	      "                    rules still in force apply\n"
	      "  --db URL          SQLite file (default " STORE_DEFAULT_DB ") or postgresql://... URL\n"
	      "  --chains FILE     known chains of holders (default DATA/chains.tsv)\n"
	      "  --donor X, --recipient X, --since D, --until D   filter the board\n"
	      "  --format F        table (default on a terminal), csv (default otherwise), json\n"
	      "\n"
	      "Rules: DATA/consent_rules.tsv; origins: DATA/systems.tsv.\n"
	      "Exit status: 0 ok, 2 error.\n", f);
}

static int is_pg(const char *url)
{
	return !strncmp(url, "postgres", 8) || !strncmp(url, "pg:", 3);
}

/* ---- table ------------------------------------------------------------- */

static void news_of(buf *o, const consent_facts *fs, size_t i)
{
	const consent_fact *c = &fs->v[i];
	const char *d = consent_fact_date(&c->f);
	buf_addf(o, "%s %s (fact %lld", c->f.type, d[0] ? d : "undated", (long long)c->f.id);
	for (size_t j = 0; j < c->nsrc && j < 3; j++)
		buf_addf(o, "%s%s", j ? ", " : ": ", c->src[j].url ? c->src[j].url : c->src[j].doc);
	if (c->nsrc > 3)
		buf_addf(o, ", +%zu", c->nsrc - 3);
	buf_addc(o, ')');
}

static void table_entry(buf *o, const consent_ctx *c, const consent_facts *fs,
                        const consent_entry *en)
{
	buf t = BUF_INIT;
	buf_addf(o, "%s > %s  %s", en->t.donor, en->t.recipient,
	         en->t.system ? en->t.system : en->category ? en->category : "?");
	if (en->t.system && en->category)
		buf_addf(o, " (%s)", en->category);
	if (en->fact != SIZE_MAX) {
		const fact *f = &fs->v[en->fact].f;
		buf_addf(o, "  %s %s  [fact %lld, %d source%s]", f->type,
		         en->t.date[0] ? en->t.date : "undated", (long long)f->id, f->n_sources,
		         f->n_sources == 1 ? "" : "s");
	} else if (en->t.date[0]) {
		buf_addf(o, "  %s", en->t.date);
	}
	buf_adds(o, "\n  chain: ");
	consent_chain_text(o, &en->chain);
	buf_addc(o, '\n');
	if (!en->nreq)
		buf_adds(o, "  no consent required by the rules\n");
	for (size_t k = 0; k < en->nreq; k++) {
		const consent_req *r = &en->req[k];
		const char *st = r->status == ST_UNKNOWN ? "nothing known yet"
		                                         : consent_status_names[r->status];
		buf_reset(&t);
		buf_adds(&t, st);
		if (r->status != ST_UNKNOWN && r->status_date[0])
			buf_addf(&t, " %s", r->status_date);
		buf_addf(o, "  %-4s %-20s  ", r->state, t.p);
		if (r->rule) {
			if (r->rule->need == CONSENT_BAN)
				buf_adds(o, "BAN: ");
			cmd_cut(o, r->rule->basis, 90);
			buf_addf(o, " [%s:%zu]", c->rules.path, r->rule->line);
		} else {
			buf_adds(o, "named in the news (no rule)");
		}
		buf_reset(&t);
		consent_link_text(&t, c, fs, &en->chain, r->link);
		buf_addf(o, "\n       link %s > %s: ", r->state, en->chain.v[r->link + 1].code);
		cmd_cut(o, t.p, 100);
		buf_addc(o, '\n');
		for (size_t j = 0; j < r->nfacts; j++) {
			buf_adds(o, j ? "             " : "       news ");
			news_of(o, fs, r->facts[j]);
			buf_addc(o, '\n');
		}
	}
	buf_addc(o, '\n');
	buf_release(&t);
}

static void table_unmatched(buf *o, const consent_facts *fs, const size_t *v, size_t n)
{
	buf_adds(o, "Consent facts matching no stored transfer:\n");
	if (!n)
		buf_adds(o, "  none\n");
	for (size_t i = 0; i < n; i++) {
		const fact *f = &fs->v[v[i]].f;
		buf_addf(o, "  %s > %s  %s  consent of %s: ", f->donor ? f->donor : "?",
		         f->recipient ? f->recipient : "?",
		         f->system ? f->system : f->category ? f->category : "materiel",
		         f->consent_by ? f->consent_by : "?");
		news_of(o, fs, v[i]);
		buf_addc(o, '\n');
	}
}

/* ---- main -------------------------------------------------------------- */

typedef struct opts {
	const char *db, *format, *from, *to, *system, *category, *date, *chains;
	consent_filter flt;
} opts;

static int parse(int argc, char **argv, opts *o)
{
	static const struct { const char *name; size_t off; } sopts[] = {
		{ "--db", offsetof(opts, db) },
		{ "--format", offsetof(opts, format) },
		{ "--from", offsetof(opts, from) },
		{ "--to", offsetof(opts, to) },
		{ "--system", offsetof(opts, system) },
		{ "--category", offsetof(opts, category) },
		{ "--date", offsetof(opts, date) },
		{ "--chains", offsetof(opts, chains) },
		{ "--donor", offsetof(opts, flt.donor) },
		{ "--recipient", offsetof(opts, flt.recipient) },
		{ "--since", offsetof(opts, flt.since) },
		{ "--until", offsetof(opts, flt.until) },
	};
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage(stdout);
			return 1;
		}
		size_t k = 0, nk = sizeof sopts / sizeof sopts[0];
		const char *val = NULL;
		for (; k < nk; k++) {
			size_t n = strlen(sopts[k].name);
			if (!strcmp(argv[i], sopts[k].name)) {
				if (i + 1 >= argc) {
					cmd_error("consent", "%s wants a value", argv[i]);
					return 2;
				}
				val = argv[++i];
				break;
			}
			if (!strncmp(argv[i], sopts[k].name, n) && argv[i][n] == '=') {
				val = argv[i] + n + 1;
				break;
			}
		}
		if (k == nk) {
			cmd_error("consent", "unknown option or argument '%s'", argv[i]);
			usage(stderr);
			return 2;
		}
		*(const char **)((char *)o + sopts[k].off) = val;
	}
	return 0;
}

static int check_opts(opts *o)
{
	char lo[11], hi[11];
	if (!o->format)
		o->format = isatty(1) ? "table" : "csv";
	if (strcmp(o->format, "table") && strcmp(o->format, "csv") && strcmp(o->format, "json")) {
		cmd_error("consent", "--format wants table, csv or json, not '%s'", o->format);
		return 2;
	}
	int query = o->from || o->to || o->system || o->category || o->date;
	if (query && (o->flt.donor || o->flt.recipient || o->flt.since || o->flt.until)) {
		cmd_error("consent", "--donor/--recipient/--since/--until filter the board; "
		          "a single transfer takes --from/--to/--system/--date");
		return 2;
	}
	if (query && (!o->from || !o->to || (!o->system && !o->category))) {
		cmd_error("consent", "a transfer needs --from, --to and --system or --category");
		return 2;
	}
	if (o->category && !rec_category_intern(o->category)) {
		cmd_error("consent", "unknown category '%s'", o->category);
		return 2;
	}
	if (o->date && (strlen(o->date) > 10 || !store_date_range(o->date, lo, hi))) {
		cmd_error("consent", "--date wants YYYY[-MM[-DD]], not '%s'", o->date);
		return 2;
	}
	return 0;
}

int cmd_consent(int argc, char **argv)
{
	opts o;
	memset(&o, 0, sizeof o);
	int rc = parse(argc, argv, &o);
	if (rc)
		return rc == 1 ? 0 : rc;
	if ((rc = check_opts(&o)))
		return rc;
	int query = o.from != NULL;

	sl_err e = { "" };
	consent_ctx ctx;
	if (consent_ctx_load(&ctx, cmd_datadir(), o.chains, &e)) {
		cmd_error("consent", "%s", e.msg);
		return 2;
	}
	if (query && o.system && !consent_systems_find(&ctx.systems, o.system))
		cmd_error("consent", "warning: system '%s' is not in %s: its origin is unknown",
		          o.system, ctx.systems.path);

	const char *path = o.db && *o.db ? o.db : STORE_DEFAULT_DB;
	int have_db = is_pg(path) || access(path, F_OK) == 0;
	if (!have_db && (!query || o.db)) {
		cmd_error("consent", "%s: no such database (run 'supplyline ingest --db %s PATH ...' first)",
		          path, path);
		consent_ctx_release(&ctx);
		return 2;
	}
	int status = 0;
	store *s = NULL;
	consent_facts fs = { NULL, 0 };
	consent_board board;
	memset(&board, 0, sizeof board);
	if (have_db) {
		if (!(s = store_open(o.db, &e))) {
			cmd_error("consent", "%s", e.msg);
			consent_ctx_release(&ctx);
			return 2;
		}
		if (facts_stale(s, &e))
			cmd_error("consent", "warning: records changed since the facts were merged; "
			          "run 'supplyline ingest --rebuild' to update them");
		if (consent_facts_load(s, &fs, &e)) {
			cmd_error("consent", "%s", e.msg);
			status = 2;
			goto out;
		}
	}
	if (query) {
		consent_transfer t = { o.from, o.to, o.system, o.category, "" };
		if (o.date)
			snprintf(t.date, sizeof t.date, "%s", o.date);
		board.v = xcalloc(1, sizeof *board.v);
		board.n = 1;
		consent_entry_build(&ctx, s ? &fs : NULL, &t, SIZE_MAX, &board.v[0]);
	} else if ((rc = consent_board_build(&ctx, &fs, &o.flt, &board, &e))) {
		cmd_error("consent", "%s", e.msg);
		status = 2;
		goto out;
	}
	/* the consent facts shown carry their sources */
	for (size_t i = 0; s && i < board.n; i++)
		for (size_t k = 0; k < board.v[i].nreq; k++)
			for (size_t j = 0; j < board.v[i].req[k].nfacts; j++)
				if (consent_facts_sources(s, &fs, board.v[i].req[k].facts[j], &e))
					goto dberr;
	for (size_t i = 0; s && i < board.nunmatched; i++)
		if (consent_facts_sources(s, &fs, board.unmatched[i], &e))
			goto dberr;

	buf b = BUF_INIT;
	if (!strcmp(o.format, "csv"))
		consent_csv_header(&b);
	if (!strcmp(o.format, "table") && !query && !board.n)
		buf_adds(&b, "No stored transfer needs a consent the rules know of.\n\n");
	for (size_t i = 0; i < board.n; i++) {
		if (!strcmp(o.format, "csv")) {
			consent_csv_entry(&b, &ctx, s ? &fs : NULL, &board.v[i]);
		} else if (!strcmp(o.format, "json")) {
			consent_json_entry(&b, &ctx, s ? &fs : NULL, &board.v[i]);
			buf_addc(&b, '\n');
		} else {
			table_entry(&b, &ctx, s ? &fs : NULL, &board.v[i]);
		}
		if (b.len > (1 << 16)) {
			fwrite(b.p, 1, b.len, stdout);
			buf_reset(&b);
		}
	}
	if (!query) {
		if (!strcmp(o.format, "table"))
			table_unmatched(&b, &fs, board.unmatched, board.nunmatched);
		for (size_t i = 0; i < board.nunmatched; i++) {
			if (!strcmp(o.format, "csv")) {
				consent_csv_unmatched(&b, &fs, board.unmatched[i]);
			} else if (!strcmp(o.format, "json")) {
				consent_json_unmatched(&b, &fs, board.unmatched[i]);
				buf_addc(&b, '\n');
			}
		}
	}
	fwrite(b.p, 1, b.len, stdout);
	buf_release(&b);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cmd_error("consent", "writing output: %s", strerror(errno));
		status = 2;
	}
	goto out;
dberr:
	cmd_error("consent", "%s", e.msg);
	status = 2;
out:
	consent_board_release(&board);
	consent_facts_release(&fs);
	if (s)
		store_close(s);
	consent_ctx_release(&ctx);
	return status;
}
