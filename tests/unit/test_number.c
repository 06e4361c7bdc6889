/*
 * Unit tests for the number recogniser, driven by the tables in
 * tests/data/number/: cases.tsv (num_scan: count, span, value, flags,
 * currency), parse.tsv (num_parse), and bad/<case>/ lexicons that must be
 * refused with the file and line named.  Every failing row is printed
 * before the test fails, so one run shows them all.
 */
#include <math.h>
#include "lex_table.h"
#include "extract/number.h"

static num_lex *lx;

static const char *tests_path(const char *name)
{
	return lt_path("number", name);
}

static const struct { const char *name; int bit; } flag_names[] = {
	{ "money", NUM_MONEY }, { "year", NUM_YEAR }, { "ordinal", NUM_ORDINAL },
	{ "range", NUM_RANGE }, { "percent", NUM_PERCENT }, { "approx", NUM_APPROX },
	{ "atleast", NUM_ATLEAST }, { "word", NUM_WORD }, { "overflow", NUM_OVERFLOW },
};

static int parse_flags(const char *s)
{
	int fl = 0;
	if (!strcmp(s, "-"))
		return 0;
	while (*s) {
		size_t l = strcspn(s, "|");
		size_t i;
		for (i = 0; i < sizeof flag_names / sizeof flag_names[0]; i++)
			if (strlen(flag_names[i].name) == l && !strncmp(flag_names[i].name, s, l))
				break;
		if (i == sizeof flag_names / sizeof flag_names[0])
			return -1;
		fl |= flag_names[i].bit;
		s += l;
		if (*s == '|')
			s++;
	}
	return fl;
}

static void flags_str(int fl, char *out, size_t n)
{
	out[0] = '\0';
	size_t len = 0;
	for (size_t i = 0; i < sizeof flag_names / sizeof flag_names[0]; i++)
		if (fl & flag_names[i].bit)
			len += (size_t)snprintf(out + len, len < n ? n - len : 0, "%s%s", len ? "|" : "",
			                        flag_names[i].name);
	if (!len)
		snprintf(out, n, "-");
}

#define MAXSPANS 512

static int case_row(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	lt_counts *c = ctx;
	(void)nf;
	(void)e;
	static num_span sp[MAXSPANS];
	buf in = BUF_INIT, want = BUF_INIT;
	lt_unescape(&in, f[1]);
	lt_unescape(&want, f[4]);
	const char *lang = strcmp(f[0], "-") ? f[0] : NULL;
	size_t count = (size_t)atol(f[2]), index = (size_t)atol(f[3]);
	double value = atof(f[5]);
	int flags = parse_flags(f[6]);
	c->rows++;
	size_t got = num_scan(lx, lang, in.p, in.len, sp, MAXSPANS);
	char why[512] = "";
	if (flags < 0) {
		snprintf(why, sizeof why, "bad flags column %s", f[6]);
	} else if (got != count) {
		snprintf(why, sizeof why, "found %zu numbers, expected %zu", got, count);
	} else if (count > 0 && index < got && index < MAXSPANS) {
		const num_span *s = &sp[index];
		char fs[128];
		flags_str(s->flags, fs, sizeof fs);
		const char *cur = strcmp(f[7], "-") ? f[7] : "";
		if (s->end - s->start != want.len || memcmp(in.p + s->start, want.p, want.len))
			snprintf(why, sizeof why, "span \"%.*s\"", (int)(s->end - s->start), in.p + s->start);
		else if (fabs(s->value - value) > 1e-9 * fmax(1, fabs(value)) ||
		         /* a whole amount is printed whole: "1.7 billion" must be
		          * exactly 1700000000 */
		         (value == floor(value) && fabs(value) >= 1000 && s->value != value))
			snprintf(why, sizeof why, "value %.17g", s->value);
		else if (s->flags != flags)
			snprintf(why, sizeof why, "flags %s", fs);
		else if (strcmp(s->currency, cur))
			snprintf(why, sizeof why, "currency \"%s\"", s->currency);
		if (s->flags & NUM_OVERFLOW && s->value != -1)
			snprintf(why, sizeof why, "overflow with value %g", s->value);
	}
	if (*why) {
		c->failed++;
		print_error("cases.tsv:%zu: %s | %s\n", line, f[1], why);
	}
	buf_release(&in);
	buf_release(&want);
	return SL_OK;
}

static void test_cases(void **state)
{
	(void)state;
	lt_run(tests_path("cases.tsv"), 8, case_row, 80);
}

static int parse_row(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	lt_counts *c = ctx;
	(void)nf;
	(void)e;
	buf in = BUF_INIT;
	lt_unescape(&in, f[1]);
	double v = 0;
	int rc = num_parse(lx, f[0], in.p, in.len, &v);
	c->rows++;
	int ok = !strcmp(f[2], "fail") ? rc == -1 : rc == 0 && fabs(v - atof(f[2])) < 1e-6;
	if (!ok) {
		c->failed++;
		print_error("parse.tsv:%zu: %s | rc %d value %g\n", line, f[1], rc, v);
	}
	buf_release(&in);
	return SL_OK;
}

static void test_parse(void **state)
{
	(void)state;
	lt_run(tests_path("parse.tsv"), 3, parse_row, 1);
}

/* Each bad/<case>/ lexicon is refused with its expect line in the message. */
LT_TEST_BAD_LEXICONS(num_lex, num_lex_load, num_lex_free)

/* More numbers than room: the count is still right and nothing is
 * written past max. */
static void test_max(void **state)
{
	(void)state;
	const char *s = "1 en 2 en 3 en 4 en 5";
	num_span sp[3];
	memset(sp, 0x5a, sizeof sp);
	assert_int_equal(num_scan(lx, "nl", s, strlen(s), sp, 2), 5);
	assert_int_equal((int)sp[1].value, 2);
	unsigned char *tail = (unsigned char *)&sp[2];
	for (size_t i = 0; i < sizeof sp[2]; i++)
		assert_int_equal(tail[i], 0x5a);
	assert_int_equal(num_scan(lx, "nl", s, strlen(s), NULL, 0), 5);
}

/* A text that is not NUL-terminated is never read past n. */
static void test_bounds(void **state)
{
	(void)state;
	char *s = malloc(3);
	memcpy(s, "200", 3);
	num_span sp[2];
	assert_int_equal(num_scan(lx, "en", s, 3, sp, 2), 1);
	assert_int_equal((int)sp[0].value, 200);
	assert_int_equal(num_scan(lx, "en", s, 2, sp, 2), 1);
	assert_int_equal((int)sp[0].value, 20);
	free(s);
}

static int setup(void **state)
{
	(void)state;
	sl_err e;
	lx = num_lex_load(lt_env("SL_DATA", "data"), &e);
	if (!lx) {
		print_error("%s\n", e.msg);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	num_lex_free(lx);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_bad_lexicons),
		cmocka_unit_test(test_max),
		cmocka_unit_test(test_bounds),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
