/*
 * test_consent: the consent board's parts, table-driven from
 * tests/data/consent/:
 *   - rules.tsv + rules.cases: which rule holds for a state, category,
 *     recipient and date (validity bounds, unknown dates, specificity);
 *   - bad.cases: malformed rules and chains lines fail naming file:line;
 *   - chains.cases: chains built from the catalogue origin, chains.tsv
 *     and the facts of a fixture (story.jsonl, chain.jsonl: short articles
 *     written for these tests, with the records they state) stored in a
 *     temporary SQLite database through the store API;
 *   - story.board: the whole board for story.jsonl, the story of Estonia
 *     asking Germany and Finland to pass on ex-GDR D-30 howitzers.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/tsv.h"
#include "consent/consent.h"
#include "store/store.h"

static const char *tests_dir(void)
{
	return getenv("SL_TESTS") ? getenv("SL_TESTS") : "tests";
}

static const char *data_dir(void)
{
	return getenv("SL_DATA") ? getenv("SL_DATA") : "data";
}

static void tpath(char *out, size_t n, const char *name)
{
	snprintf(out, n, "%s/data/consent/%s", tests_dir(), name);
}

/* ---- rules ------------------------------------------------------------- */

typedef struct rule_case_ctx {
	consent_rules *r;
	int n;
} rule_case_ctx;

static int rule_case(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	rule_case_ctx *rc = ctx;
	const char *date = strcmp(f[3], "-") ? f[3] : NULL;
	const consent_rule *x = consent_rules_find(rc->r, f[0], f[1], f[2], date);
	const char *got = x ? x->basis : "-";
	if (strcmp(got, f[4]))
		fail_msg("rules.cases:%zu: %s %s %s %s: expected '%s', got '%s'", line, f[0], f[1],
		         f[2], f[3], f[4], got);
	rc->n++;
	return SL_OK;
}

static void test_rules_dates(void **state)
{
	(void)state;
	char p[512];
	sl_err e = { "" };
	consent_rules r;
	memset(&r, 0, sizeof r);
	tpath(p, sizeof p, "rules.tsv");
	if (consent_rules_load(&r, p, &e))
		fail_msg("%s", e.msg);
	assert_int_equal(r.n, 5);
	rule_case_ctx rc = { &r, 0 };
	tpath(p, sizeof p, "rules.cases");
	if (tsv_each(p, 5, rule_case, &rc, &e))
		fail_msg("%s", e.msg);
	assert_true(rc.n >= 10);
	/* an explicit "no" is found (and the board then drops it) */
	const consent_rule *x = consent_rules_find(&r, "XA", "artillery", "UA", "2005");
	assert_non_null(x);
	assert_int_equal(x->need, CONSENT_NO);
	consent_rules_release(&r);
}

static void test_scope(void **state)
{
	(void)state;
	assert_true(consent_scope_covers("all", "equipment"));
	assert_true(consent_scope_covers("all", NULL));
	assert_false(consent_scope_covers("all", "funds"));
	assert_false(consent_scope_covers("all", "training"));
	assert_true(consent_scope_covers("war_material", "weapons"));
	assert_false(consent_scope_covers("war_material", "equipment"));
	assert_true(consent_scope_covers("artillery|ammunition", "ammunition"));
	assert_false(consent_scope_covers("artillery|ammunition", "artillery-x"));
	assert_false(consent_scope_covers("artillery", NULL));
}

/* The project's own data files load. */
static void test_data_files(void **state)
{
	(void)state;
	consent_ctx c;
	sl_err e = { "" };
	if (consent_ctx_load(&c, data_dir(), NULL, &e))
		fail_msg("%s", e.msg);
	assert_true(c.rules.n >= 10);
	assert_non_null(consent_rules_find(&c.rules, "US", "anti-tank", "UA", "2022-01"));
	const consent_rule *ch = consent_rules_find(&c.rules, "CH", "ammunition", "UA", "2022-06");
	assert_non_null(ch);
	assert_int_equal(ch->need, CONSENT_BAN);
	assert_non_null(consent_systems_find(&c.systems, "D-30"));
	assert_true(c.chains.n >= 1);
	consent_ctx_release(&c);
}

/* ---- malformed lines --------------------------------------------------- */

static int bad_case(void *ctx, char **f, size_t nf, size_t line, sl_err *e0)
{
	int *n = ctx;
	char p[512];
	sl_err e = { "" };
	snprintf(p, sizeof p, "%s/data/consent/bad/%s", tests_dir(), f[0]);
	int rc;
	if (!strcmp(f[1], "rules")) {
		consent_rules r;
		memset(&r, 0, sizeof r);
		rc = consent_rules_load(&r, p, &e);
		consent_rules_release(&r);
	} else {
		consent_chains c;
		memset(&c, 0, sizeof c);
		rc = consent_chains_load(&c, p, &e);
		consent_chains_release(&c);
	}
	if (rc != SL_EFORMAT)
		fail_msg("bad.cases:%zu: %s loaded (rc %d)", line, f[0], rc);
	if (!strstr(e.msg, f[2]))
		fail_msg("bad.cases:%zu: message '%s' lacks '%s'", line, e.msg, f[2]);
	(*n)++;
	return SL_OK;
}

static void test_malformed(void **state)
{
	(void)state;
	char p[512];
	sl_err e = { "" };
	int n = 0;
	tpath(p, sizeof p, "bad.cases");
	if (tsv_each(p, 3, bad_case, &n, &e))
		fail_msg("%s", e.msg);
	assert_true(n >= 7);
	/* a chains file named on the command line must exist */
	consent_ctx c;
	assert_int_equal(consent_ctx_load(&c, data_dir(), "/nonexistent/chains.tsv", &e), SL_EIO);
}

/* ---- fixtures in a store ----------------------------------------------- */

/* Stores the documents and records of tests/data/consent/<name>.jsonl in
 * a fresh SQLite database and returns it with its facts merged. */
static store *fixture_store(const char *name, char *dbpath, size_t n)
{
	char p[512];
	snprintf(p, sizeof p, "%s/data/consent/%s.jsonl", tests_dir(), name);
	snprintf(dbpath, n, "/tmp/sl-test-consent-%d-%s.db", (int)getpid(), name);
	unlink(dbpath);
	sl_err e = { "" };
	store *s = store_open(dbpath, &e);
	if (!s)
		fail_msg("%s", e.msg);
	FILE *fp = fopen(p, "r");
	if (!fp)
		fail_msg("cannot open %s", p);
	char line[16384];
	assert_int_equal(store_begin(s, &e), SL_OK);
	while (fgets(line, sizeof line, fp)) {
		json_error_t je;
		json_t *o = json_loads(line, 0, &je);
		if (!o)
			fail_msg("%s: %s", p, je.text);
#define S(obj, k) json_string_value(json_object_get(obj, k))
		store_doc d = { .id = S(o, "id"), .url = S(o, "url"), .lang = S(o, "lang"),
		                .date = S(o, "date") };
		char hash[65];
		const char *text = S(o, "text");
		store_doc_hash(d.url, d.lang, d.date, text, strlen(text), hash);
		d.hash = hash;
		json_t *rs = json_object_get(o, "records");
		size_t nr = json_array_size(rs);
		record *recs = calloc(nr ? nr : 1, sizeof *recs);
		for (size_t i = 0; i < nr; i++) {
			json_t *r = json_array_get(rs, i);
			record *x = &recs[i];
			record_init(x);
			x->doc = (char *)d.id;
			x->type = (rec_type)rec_type_parse(S(r, "type"));
			x->donor = S(r, "donor");
			x->recipient = S(r, "recipient");
			x->consent_by = S(r, "consent_by");
			x->category = S(r, "category");
			x->system = S(r, "system");
			x->item = (char *)S(r, "item");
			x->quantity = x->value = -1;
			if (S(r, "when"))
				snprintf(x->when, sizeof x->when, "%s", S(r, "when"));
			x->evidence = (char *)S(r, "evidence");
			json_t *span = json_object_get(r, "span");
			x->span[0] = (size_t)json_integer_value(json_array_get(span, 0));
			x->span[1] = (size_t)json_integer_value(json_array_get(span, 1));
		}
#undef S
		store_doc_status st;
		if (store_put_doc(s, &d, recs, nr, &st, &e))
			fail_msg("%s", e.msg);
		free(recs);
		json_decref(o);
	}
	fclose(fp);
	assert_int_equal(store_commit(s, &e), SL_OK);
	if (facts_rebuild(s, NULL, &e))
		fail_msg("%s", e.msg);
	return s;
}

/* The project's rules and catalogue with the test chains file. */
static void test_ctx(consent_ctx *c)
{
	char p[512];
	sl_err e = { "" };
	tpath(p, sizeof p, "chains.tsv");
	if (consent_ctx_load(c, data_dir(), p, &e))
		fail_msg("%s", e.msg);
}

/* ---- chains ------------------------------------------------------------ */

typedef struct chain_case_ctx {
	consent_ctx *c;
	int n;
} chain_case_ctx;

static int chain_case(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	chain_case_ctx *cc = ctx;
	char db[256];
	store *s = fixture_store(f[0], db, sizeof db);
	consent_facts fs;
	if (consent_facts_load(s, &fs, e))
		fail_msg("%s", e->msg);
	consent_transfer t = { f[1], f[2], f[3], NULL, "" };
	snprintf(t.date, sizeof t.date, "%s", f[4]);
	consent_chain ch;
	consent_chain_build(cc->c, &fs, &t, SIZE_MAX, &ch);
	buf b = BUF_INIT;
	consent_chain_text(&b, &ch);
	if (strcmp(b.p, f[5]))
		fail_msg("chains.cases:%zu: expected '%s', got '%s'", line, f[5], b.p);
	buf_release(&b);
	consent_chain_release(&ch);
	consent_facts_release(&fs);
	store_close(s);
	unlink(db);
	cc->n++;
	return SL_OK;
}

static void test_chains(void **state)
{
	(void)state;
	consent_ctx c;
	test_ctx(&c);
	char p[512];
	sl_err e = { "" };
	chain_case_ctx cc = { &c, 0 };
	tpath(p, sizeof p, "chains.cases");
	if (tsv_each(p, 6, chain_case, &cc, &e))
		fail_msg("%s", e.msg);
	assert_true(cc.n >= 5);

	/* no facts at all: origin and known chain only */
	consent_transfer t = { "EE", "UA", "D-30", NULL, "2022-01" };
	consent_entry en;
	consent_entry_build(&c, NULL, &t, SIZE_MAX, &en);
	assert_int_equal(en.chain.n, 4);
	assert_int_equal(en.nreq, 2);          /* DE and FI; RU has no rule */
	assert_string_equal(en.req[0].state, "DE");
	assert_string_equal(en.req[1].state, "FI");
	assert_int_equal(en.req[0].status, ST_UNKNOWN);
	assert_int_equal(en.req[0].link, 1);   /* DE's link is DE > FI */
	consent_entry_release(&en);
	consent_ctx_release(&c);
}

/* ---- the board --------------------------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_story_board(void **state)
{
	(void)state;
	consent_ctx c;
	test_ctx(&c);
	char db[256], p[512];
	sl_err e = { "" };
	store *s = fixture_store("story", db, sizeof db);
	consent_facts fs;
	if (consent_facts_load(s, &fs, &e))
		fail_msg("%s", e.msg);
	consent_board b;
	if (consent_board_build(&c, &fs, NULL, &b, &e))
		fail_msg("%s", e.msg);

	char *got[64];
	size_t ng = 0;
	buf l = BUF_INIT;
	for (size_t i = 0; i < b.n; i++)
		for (size_t k = 0; k < b.v[i].nreq && ng < 64; k++) {
			const consent_entry *en = &b.v[i];
			buf_reset(&l);
			buf_addf(&l, "%s %s>%s %s: %s %s", fs.v[en->fact].f.type, en->t.donor,
			         en->t.recipient, en->t.system ? en->t.system : en->category,
			         en->req[k].state, consent_status_names[en->req[k].status]);
			got[ng++] = xstrdup(l.p);
		}
	for (size_t i = 0; i < b.nunmatched && ng < 64; i++) {
		const fact *f = &fs.v[b.unmatched[i]].f;
		buf_reset(&l);
		buf_addf(&l, "unmatched %s %s>%s by %s", f->type, f->donor, f->recipient,
		         f->consent_by);
		got[ng++] = xstrdup(l.p);
	}
	buf_release(&l);
	qsort(got, ng, sizeof *got, cmp_str);

	char *want[64];
	size_t nw = 0;
	tpath(p, sizeof p, "story.board");
	FILE *fp = fopen(p, "r");
	assert_non_null(fp);
	char line[512];
	while (fgets(line, sizeof line, fp) && nw < 64) {
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] && line[0] != '#')
			want[nw++] = xstrdup(line);
	}
	fclose(fp);
	qsort(want, nw, sizeof *want, cmp_str);
	for (size_t i = 0; i < ng || i < nw; i++)
		if (i >= ng || i >= nw || strcmp(got[i], want[i]))
			fail_msg("story board line %zu: expected '%s', got '%s'", i + 1,
			         i < nw ? want[i] : "(nothing)", i < ng ? got[i] : "(nothing)");

	/* the denial is decided by the news, and the request is listed too */
	for (size_t i = 0; i < b.n; i++)
		for (size_t k = 0; k < b.v[i].nreq; k++)
			if (!strcmp(b.v[i].req[k].state, "DE") && b.v[i].t.system &&
			    !strcmp(b.v[i].t.system, "D-30")) {
				assert_int_equal(b.v[i].req[k].nfacts, 2);
				assert_string_equal(b.v[i].req[k].status_date, "2022-01-21");
			}

	/* filters: Spain's fact is the only one of donor ES; nothing is
	 * dated before 2022; facts dated January 2022 reach the 27th */
	consent_board b2;
	static const struct { consent_filter f; size_t n, nun; } fl[] = {
		{ { "ES", NULL, NULL, NULL }, 0, 1 },
		{ { NULL, "UA", NULL, "2021" }, 0, 0 },
		{ { NULL, NULL, "2022-01-27", NULL }, 2, 1 },
		{ { "EE", "UA", NULL, "2022-01-31" }, 2, 0 },
	};
	for (size_t i = 0; i < sizeof fl / sizeof fl[0]; i++) {
		if (consent_board_build(&c, &fs, &fl[i].f, &b2, &e))
			fail_msg("%s", e.msg);
		if (b2.n != fl[i].n || b2.nunmatched != fl[i].nun)
			fail_msg("filter %zu: %zu entries, %zu unmatched", i, b2.n, b2.nunmatched);
		consent_board_release(&b2);
	}
	consent_filter bad = { NULL, NULL, "January", NULL };
	assert_int_equal(consent_board_build(&c, &fs, &bad, &b2, &e), SL_EARG);

	/* CSV: one row per required consent plus the unmatched one */
	buf csv = BUF_INIT;
	consent_csv_header(&csv);
	for (size_t i = 0; i < b.n; i++)
		consent_csv_entry(&csv, &c, &fs, &b.v[i]);
	for (size_t i = 0; i < b.nunmatched; i++)
		consent_csv_unmatched(&csv, &fs, b.unmatched[i]);
	size_t rows = 0;
	for (size_t i = 0; i + 1 < csv.len; i++)
		if (csv.p[i] == '\r' && csv.p[i + 1] == '\n')
			rows++;
	assert_int_equal(rows, 1 + nw);
	buf_release(&csv);

	for (size_t i = 0; i < ng; i++)
		free(got[i]);
	for (size_t i = 0; i < nw; i++)
		free(want[i]);
	consent_board_release(&b);
	consent_facts_release(&fs);
	store_close(s);
	unlink(db);
	consent_ctx_release(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rules_dates),
		cmocka_unit_test(test_scope),
		cmocka_unit_test(test_data_files),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_chains),
		cmocka_unit_test(test_story_board),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
