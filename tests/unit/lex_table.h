/*
 * lex_table.h: the scaffolding the table-driven tests of the number and
 * date recognisers share: where their tables are, the escapes a table
 * cell may hold, running a table row by row so that every failing row is
 * printed before the test fails, and the bad/<case>/ lexicons that a
 * loader must refuse with the file and line named in <case>/expect.
 */
#ifndef SL_TEST_LEX_TABLE_H
#define SL_TEST_LEX_TABLE_H

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

static inline const char *lt_env(const char *name, const char *def)
{
	const char *v = getenv(name);
	return v && *v ? v : def;
}

/* tests/data/<dir>/<name> under $SL_TESTS, in a static buffer. */
static inline const char *lt_path(const char *dir, const char *name)
{
	static char p[1024];
	snprintf(p, sizeof p, "%s/data/%s/%s", lt_env("SL_TESTS", "tests"), dir, name);
	return p;
}

/* Expands \uXXXX, \*N{TEXT} (TEXT N times) and \\ into out. */
static inline void lt_unescape(buf *out, const char *s)
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

/* What a row function (the ctx of lt_run's tsv_each) counts. */
typedef struct lt_counts {
	int rows, failed;
} lt_counts;

/* Runs every row of the table at path through row, which counts it in
 * its lt_counts and prints why it failed; at least min_rows rows, none
 * failed. */
static inline void lt_run(const char *path, size_t ncols, tsv_fn row, int min_rows)
{
	lt_counts c = { 0, 0 };
	sl_err e;
	assert_int_equal(tsv_each(path, ncols, row, &c, &e), SL_OK);
	assert_true(c.rows >= min_rows);
	assert_int_equal(c.failed, 0);
}

/* Each directory under dir is a lexicon that loads (1 when it loads,
 * else 0 with e set) must refuse with its expect line in the message;
 * there are at least four. */
static inline void lt_bad_lexicons(const char *dir, int (*loads)(const char *dir, sl_err *e))
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *de;
	int n = 0;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		char sub[1400], expect[1500], want[256] = "";
		snprintf(sub, sizeof sub, "%s/%s", dir, de->d_name);
		snprintf(expect, sizeof expect, "%s/expect", sub);
		FILE *fp = fopen(expect, "r");
		assert_non_null(fp);
		if (!fgets(want, sizeof want, fp))
			want[0] = '\0';
		fclose(fp);
		want[strcspn(want, "\n")] = '\0';
		sl_err e = { "" };
		int loaded = loads(sub, &e);
		if (loaded || !strstr(e.msg, want))
			print_error("bad/%s: got \"%s\", want \"%s\"\n", de->d_name, e.msg, want);
		assert_false(loaded);
		assert_non_null(strstr(e.msg, want));
		n++;
	}
	closedir(d);
	assert_true(n >= 4);
}

/* Defines test_bad_lexicons, lt_bad_lexicons over tests_path("bad"),
 * for a recogniser's lexicon type and its load and free functions. */
#define LT_TEST_BAD_LEXICONS(type, load, release)                        \
	static int lt_loads(const char *dir, sl_err *e)                  \
	{                                                                \
		type *l = load(dir, e);                                  \
		int loaded = l != NULL;                                  \
		release(l);                                              \
		return loaded;                                           \
	}                                                                \
	static void test_bad_lexicons(void **state)                      \
	{                                                                \
		(void)state;                                             \
		lt_bad_lexicons(tests_path("bad"), lt_loads);            \
	}

#endif
