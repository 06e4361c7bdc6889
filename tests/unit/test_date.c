/*
 * Unit tests for the date recogniser, driven by tests/data/date/cases.tsv
 * (date_scan against a document date: count, span, kind, when) and by
 * bad/<case>/dates.tsv lexicons that must be refused with the file and
 * line named.  Every failing row is printed before the test fails.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base/buf.h"
#include "base/tsv.h"
#include "base/utf8.h"
#include "extract/date.h"

static date_lex *lx;

static const char *env_or(const char *name, const char *def)
{
	const char *v = getenv(name);
	return v && *v ? v : def;
}

static const char *tests_path(const char *name)
{
	static char p[1024];
	snprintf(p, sizeof p, "%s/data/date/%s", env_or("SL_TESTS", "tests"), name);
	return p;
}

/* Expands \uXXXX, \*N{TEXT} and \\ (see tests/data/number/cases.tsv). */
static void unescape(buf *out, const char *s)
{
	buf_reset(out);
	while (*s) {
		if (s[0] == '\\' && s[1] == 'u') {
			char hex[5] = { 0 };
			memcpy(hex, s + 2, 4);
			utf8_encode(out, (int32_t)strtol(hex, NULL, 16));
			s += 6;
		} else if (s[0] == '\\' && s[1] == '*') {
			char *end;
			long n = strtol(s + 2, &end, 10);
			const char *close = strchr(end, '}');
			if (*end != '{' || !close)
				fail_msg("bad repeat escape in %s", s);
			for (long i = 0; i < n; i++)
				buf_add(out, end + 1, (size_t)(close - end - 1));
			s = close + 1;
		} else if (s[0] == '\\' && s[1] == '\\') {
			buf_addc(out, '\\');
			s += 2;
		} else {
			buf_addc(out, *s++);
		}
	}
}

static const char *const kind_names[] = { "none", "exact", "relative", "vague" };

typedef struct counts {
	int rows, failed;
} counts;

#define MAXSPANS 64

static int case_row(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	counts *c = ctx;
	(void)nf;
	(void)e;
	date_span sp[MAXSPANS];
	buf in = BUF_INIT, want = BUF_INIT;
	unescape(&in, f[2]);
	unescape(&want, f[5]);
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
	counts c = { 0, 0 };
	sl_err e;
	assert_int_equal(tsv_each(tests_path("cases.tsv"), 8, case_row, &c, &e), SL_OK);
	assert_true(c.rows >= 60);
	assert_int_equal(c.failed, 0);
}

static void test_bad_lexicons(void **state)
{
	(void)state;
	DIR *d = opendir(tests_path("bad"));
	assert_non_null(d);
	struct dirent *de;
	int n = 0;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		char dir[1400], expect[1500], want[256] = "";
		snprintf(dir, sizeof dir, "%s/%s", tests_path("bad"), de->d_name);
		snprintf(expect, sizeof expect, "%s/expect", dir);
		FILE *fp = fopen(expect, "r");
		assert_non_null(fp);
		if (!fgets(want, sizeof want, fp))
			want[0] = '\0';
		fclose(fp);
		want[strcspn(want, "\n")] = '\0';
		sl_err e = { "" };
		date_lex *bad = date_lex_load(dir, &e);
		if (bad || !strstr(e.msg, want))
			print_error("bad/%s: got \"%s\", want \"%s\"\n", de->d_name, e.msg, want);
		assert_null(bad);
		assert_non_null(strstr(e.msg, want));
		n++;
	}
	closedir(d);
	assert_true(n >= 4);
}

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
	lx = date_lex_load(env_or("SL_DATA", "data"), &e);
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
