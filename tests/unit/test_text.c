/*
 * Unit tests for the text stage: folding, the tokenizer and the sentence
 * splitter, driven by tests/data/token/cases.tsv and tests/data/split/cases.tsv.
 */
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
#include "lex/lex.h"
#include "text/fold.h"
#include "text/split.h"
#include "text/token.h"

static const char *dir(const char *env, const char *def)
{
	const char *v = getenv(env);
	return v && *v ? v : def;
}

static void path(buf *b, const char *base, const char *rest)
{
	buf_reset(b);
	buf_addf(b, "%s/%s", base, rest);
}

/* "\n" in a case file stands for a line break */
static char *unescape(const char *s)
{
	buf b = BUF_INIT;
	for (; *s; s++) {
		if (s[0] == '\\' && s[1] == 'n') {
			buf_addc(&b, '\n');
			s++;
		} else {
			buf_addc(&b, *s);
		}
	}
	return buf_detach(&b, NULL);
}

static int ntok_cases;

static int token_case(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	(void)ctx;
	tok_list tl;
	tok_list_init(&tl);
	tok_scan(&tl, f[0], 0, strlen(f[0]), 0);
	buf got = BUF_INIT;
	for (size_t i = 0; i < tl.n; i++) {
		const token *t = &tl.v[i];
		if (i)
			buf_addc(&got, ' ');
		if (t->flags & TOK_JOINED)
			buf_addc(&got, '+');
		if (t->flags & TOK_LEADHYPH)
			buf_addc(&got, '^');
		buf_adds(&got, tok_fold(&tl, t));
		if (t->flags & TOK_SUSP)
			buf_addc(&got, '~');
	}
	if (strcmp(got.p, f[1]))
		print_error("token case line %zu: '%s'\n  want '%s'\n  got  '%s'\n", line, f[0], f[1], got.p);
	assert_string_equal(got.p, f[1]);
	buf_release(&got);
	tok_list_release(&tl);
	ntok_cases++;
	return SL_OK;
}

static void test_tokens(void **state)
{
	(void)state;
	buf p = BUF_INIT;
	sl_err e;
	path(&p, dir("SL_TESTS", "tests"), "data/token/cases.tsv");
	assert_int_equal(tsv_each(p.p, 2, token_case, NULL, &e), SL_OK);
	assert_true(ntok_cases >= 10);
	buf_release(&p);
}

static void test_offsets(void **state)
{
	(void)state;
	/* code point offsets count characters, not bytes */
	const char *s = "Oekraïne kreeg één tank";
	tok_list tl;
	tok_list_init(&tl);
	tok_scan(&tl, s, 0, strlen(s), 0);
	assert_int_equal(tl.n, 4);
	assert_int_equal(tl.v[1].cp, 9);
	assert_int_equal(tl.v[2].cp, 15);
	assert_int_equal(tl.v[2].start, 16);
	assert_string_equal(tok_fold(&tl, &tl.v[2]), "een");
	assert_true(tl.v[0].flags & TOK_CAP);
	tok_list_release(&tl);
}

static split_rules *rules;
static int nsplit_cases;

static int split_case(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	(void)ctx;
	char *text = unescape(f[1]);
	tok_list tl;
	tok_list_init(&tl);
	tok_scan(&tl, text, 0, strlen(text), 0);
	sentence *sv = NULL;
	size_t n = 0, cap = 0;
	split_sentences(rules, lex_lang_bit(f[0]), &tl, text, 0, tl.n, &sv, &n, &cap);
	buf got = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_adds(&got, " | ");
		size_t a = tl.v[sv[i].t0].start, b = tl.v[sv[i].t1 - 1].end;
		buf_add(&got, text + a, b - a);
	}
	if (strcmp(got.p, f[2]))
		print_error("split case line %zu:\n  want '%s'\n  got  '%s'\n", line, f[2], got.p);
	assert_string_equal(got.p, f[2]);
	buf_release(&got);
	free(sv);
	tok_list_release(&tl);
	free(text);
	nsplit_cases++;
	return SL_OK;
}

static void test_split(void **state)
{
	(void)state;
	buf p = BUF_INIT;
	sl_err e;
	path(&p, dir("SL_DATA", "data"), "abbrev.tsv");
	rules = split_load(p.p, &e);
	assert_non_null(rules);
	path(&p, dir("SL_TESTS", "tests"), "data/split/cases.tsv");
	assert_int_equal(tsv_each(p.p, 3, split_case, NULL, &e), SL_OK);
	assert_true(nsplit_cases >= 8);
	split_free(rules);
	buf_release(&p);
}

static void test_fold(void **state)
{
	(void)state;
	fold_init();
	buf b = BUF_INIT;
	fold_append(&b, "OEKRAÏNE Élysée Straße ’", strlen("OEKRAÏNE Élysée Straße ’"));
	assert_string_equal(b.p, "oekraine elysee strasse '");
	buf_release(&b);
}

static void test_utf8_clean(void **state)
{
	(void)state;
	buf b = BUF_INIT;
	/* invalid lead byte, truncated sequence, overlong, surrogate, NUL */
	const char in[] = "a\xFF" "b\xC3" "c\xC0\xAF" "d\xED\xA0\x80" "e\0f";
	size_t bad = utf8_clean(&b, in, sizeof in - 1);
	assert_int_equal(bad, 6);
	assert_string_equal(b.p, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD\xEF\xBF\xBD"
	                         "d\xEF\xBF\xBD" "e\xEF\xBF\xBD" "f");
	buf_release(&b);
}

int main(void)
{
	fold_init();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_utf8_clean),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
