/*
 * Unit tests for the date recogniser, driven by tests/data/date/cases.tsv
 * (date_scan against a document date: count, span, kind, when) and by
 * bad/<case>/dates.tsv lexicons that must be refused with the file and
 * line named.  Every failing row is printed before the test fails.
 */
#include "lex_table.h"
#include "extract/date.h"

static date_lex *lx;

static const char *tests_path(const char *name)
{
	return lt_path("date", name);
}

static const char *const kind_names[] = { "none", "exact", "relative", "vague" };

#define MAXSPANS 64

static int case_row(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	lt_counts *c = ctx;
	(void)nf;
	(void)e;
	date_span sp[MAXSPANS];
	buf in = BUF_INIT, want = BUF_INIT;
	lt_unescape(&in, f[2]);
	lt_unescape(&want, f[5]);
	const char *lang = strcmp(f[0], "-") ? f[0] : NULL;
	const char *doc = strcmp(f[1], "-") ? f[1] : NULL;
	size_t count = (size_t)atol(f[3]), index = (size_t)atol(f[4]);
	const char *when = strcmp(f[7], "-") ? f[7] : "";
	c->rows++;
	size_t got = date_scan(lx, lang, in.p, in.len, doc, sp, MAXSPANS);
	char why[512] = "";
	if (got != count) {
		snprintf(why, sizeof why, "found %zu dates, expected %zu", got, count);
		if (got)
			snprintf(why + strlen(why), sizeof why - strlen(why), " (first \"%.*s\")",
			         (int)(sp[0].end - sp[0].start), in.p + sp[0].start);
	} else if (count > 0 && index < got) {
		const date_span *s = &sp[index];
		int kind = s->kind >= 0 && s->kind <= DATE_VAGUE ? s->kind : 0;
		if (s->end - s->start != want.len || memcmp(in.p + s->start, want.p, want.len))
			snprintf(why, sizeof why, "span \"%.*s\"", (int)(s->end - s->start), in.p + s->start);
		else if (strcmp(kind_names[kind], f[6]))
			snprintf(why, sizeof why, "kind %s", kind_names[kind]);
		else if (strcmp(s->when, when))
			snprintf(why, sizeof why, "when \"%s\"", s->when);
	}
	if (*why) {
		c->failed++;
		print_error("cases.tsv:%zu: %s | %s\n", line, f[2], why);
	}
	buf_release(&in);
	buf_release(&want);
	return SL_OK;
}

static void test_cases(void **state)
{
	(void)state;
	lt_run(tests_path("cases.tsv"), 8, case_row, 60);
}

/* Each bad/<case>/ lexicon is refused with its expect line in the message. */
LT_TEST_BAD_LEXICONS(date_lex, date_lex_load, date_lex_free)

/* A missing data directory is an error naming the file. */
static void test_missing(void **state)
{
	(void)state;
	sl_err e = { "" };
	assert_null(date_lex_load("/nonexistent-sl-dir", &e));
	assert_non_null(strstr(e.msg, "dates.tsv"));
}

/* More dates than room: the count is right, nothing written past max. */
static void test_max(void **state)
{
	(void)state;
	const char *s = "maandag, dinsdag, woensdag";
	date_span sp[2];
	memset(sp, 0x5a, sizeof sp);
	assert_int_equal(date_scan(lx, "nl", s, strlen(s), "2022-01-26", sp, 1), 3);
	assert_string_equal(sp[0].when, "2022-01-24");
	unsigned char *tail = (unsigned char *)&sp[1];
	for (size_t i = 0; i < sizeof sp[1]; i++)
		assert_int_equal(tail[i], 0x5a);
}

/* The resolution stays right across a year boundary and a leap day. */
static void test_calendar(void **state)
{
	(void)state;
	date_span sp[2];
	const char *s = "gisteren";
	assert_int_equal(date_scan(lx, "nl", s, strlen(s), "2024-03-01", sp, 2), 1);
	assert_string_equal(sp[0].when, "2024-02-29");
	assert_int_equal(date_scan(lx, "nl", s, strlen(s), "2023-01-01", sp, 2), 1);
	assert_string_equal(sp[0].when, "2022-12-31");
	s = "vorige maand";
	assert_int_equal(date_scan(lx, "nl", s, strlen(s), "2023-01-15", sp, 2), 1);
	assert_string_equal(sp[0].when, "2022-12");
	s = "zondag";   /* 2023-01-01 was a Sunday */
	assert_int_equal(date_scan(lx, "nl", s, strlen(s), "2023-01-04", sp, 2), 1);
	assert_string_equal(sp[0].when, "2023-01-01");
}

static int setup(void **state)
{
	(void)state;
	sl_err e;
	lx = date_lex_load(lt_env("SL_DATA", "data"), &e);
	if (!lx) {
		print_error("%s\n", e.msg);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	date_lex_free(lx);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_bad_lexicons),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_max),
		cmocka_unit_test(test_calendar),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
