/*
 * Unit tests for the lexicon engine: longest match over folded tokens,
 * hyphens as spaces, case-sensitive entries, compound heads, and errors
 * that name the file and line of a malformed entry.
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
#include "lex/lex.h"
#include "text/token.h"

static lex *x;

static const char *fixture(const char *name)
{
	static char p[512];
	const char *d = getenv("SL_TESTS");
	snprintf(p, sizeof p, "%s/data/lex/%s", d && *d ? d : "tests", name);
	return p;
}

static int setup(void **state)
{
	(void)state;
	sl_err e;
	x = lex_new();
	if (lex_load_actors(x, fixture("actors_ok.tsv"), 0, &e) ||
	    lex_load_actors(x, fixture("actors_cased.tsv"), 1, &e) ||
	    lex_load_systems(x, fixture("systems.tsv"), &e) ||
	    lex_load_items(x, fixture("items.tsv"), &e)) {
		print_error("%s\n", e.msg);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	lex_free(x);
	return 0;
}

/* Matches kind at the first token of text; returns the code or category
 * and the number of tokens matched. */
static const lex_entry *match(const char *text, lex_kind kind, int lang, unsigned *ntok)
{
	static tok_list tl;
	tok_list_release(&tl);
	tok_scan(&tl, text, 0, strlen(text), 0);
	lex_match m[LEX_NKINDS];
	lex_match_at(x, &tl, text, 0, tl.n, lang, m);
	if (ntok)
		*ntok = m[kind].e ? m[kind].ntok : 0;
	return m[kind].e;
}

static void test_longest(void **state)
{
	(void)state;
	unsigned n;
	const lex_entry *e = match("United States of America sends", LEX_ACTOR, LANG_EN, &n);
	assert_non_null(e);
	assert_string_equal(e->code, "US");
	assert_int_equal(n, 4);
	e = match("United States sends", LEX_ACTOR, LANG_EN, &n);
	assert_non_null(e);
	assert_int_equal(n, 2);
	assert_null(match("United Nations", LEX_ACTOR, LANG_EN, &n));
}

static void test_fold_and_hyphen(void **state)
{
	(void)state;
	unsigned n;
	const lex_entry *e = match("GROOT BRITTANNIE levert", LEX_ACTOR, LANG_NL, &n);
	assert_non_null(e);
	assert_string_equal(e->code, "GB");
	assert_int_equal(n, 2);
	e = match("De Bondsrepubliek", LEX_ACTOR, LANG_NL, &n);
	assert_non_null(e);
	assert_string_equal(e->code, "DE");
	/* a Dutch entry does not fire in English text */
	assert_null(match("Duitsland", LEX_ACTOR, LANG_EN, &n));
	e = match("Panzerhaubitze-2000", LEX_SYSTEM, LANG_DE, &n);
	assert_non_null(e);
	assert_string_equal(e->code, "PzH 2000");
	assert_string_equal(e->category, "artillery");
	assert_string_equal(e->origin, "DE");
}

static void test_cased(void **state)
{
	(void)state;
	assert_non_null(match("US officials", LEX_ACTOR, LANG_EN, NULL));
	assert_null(match("us officials", LEX_ACTOR, LANG_EN, NULL));
	assert_null(match("un char", LEX_ACTOR, LANG_FR, NULL));
	assert_non_null(match("UN troops", LEX_ACTOR, LANG_EN, NULL));
	/* "~Milan" as the canonical name's only form: the city in lower case
	 * prose does not match, the capitalised name does */
	assert_non_null(match("Milan missiles", LEX_SYSTEM, LANG_EN, NULL));
	assert_null(match("milan", LEX_SYSTEM, LANG_EN, NULL));
	assert_non_null(match("fgm-148", LEX_SYSTEM, LANG_EN, NULL));
	assert_null(match("jav", LEX_SYSTEM, LANG_EN, NULL));
}

static void test_suffix(void **state)
{
	(void)state;
	size_t at = 0;
	const lex_entry *e = lex_suffix(x, "pantserhouwitsers", 17, LANG_NL, &at);
	assert_non_null(e);
	assert_string_equal(e->category, "artillery");
	assert_int_equal(at, 7);
	/* the longest head wins */
	e = lex_suffix(x, "lichteantitankraketten", 22, LANG_NL, &at);
	assert_non_null(e);
	assert_string_equal(e->category, "anti-tank");
	e = lex_suffix(x, "kruisraketten", 13, LANG_NL, &at);
	assert_non_null(e);
	assert_string_equal(e->category, "missile");
	/* a word is not its own compound head */
	assert_null(lex_suffix(x, "houwitsers", 10, LANG_NL, &at));
	assert_null(lex_suffix(x, "pantserhouwitsers", 17, LANG_DE, &at));
	e = lex_lookup(x, LEX_ITEM, "humanitaire hulp", LANG_NL);
	assert_non_null(e);
	assert_string_equal(e->category, "-");
}

static void test_interned_codes(void **state)
{
	(void)state;
	/* codes are interned: two forms of one state give one pointer, so the
	 * grammar compares actors by pointer */
	const lex_entry *a = match("Duitsland", LEX_ACTOR, LANG_NL, NULL);
	assert_non_null(a);
	const char *de = a->code;
	const lex_entry *b = match("de Bondsrepubliek", LEX_ACTOR, LANG_NL, NULL);
	assert_non_null(b);
	assert_ptr_equal(b->code, de);
	assert_ptr_not_equal(match("Groot-Brittannië", LEX_ACTOR, LANG_NL, NULL)->code, de);
}

static void test_errors(void **state)
{
	(void)state;
	sl_err e = { "" };
	lex *y = lex_new();
	assert_int_equal(lex_load_actors(y, fixture("actors_bad.tsv"), 0, &e), SL_EFORMAT);
	assert_non_null(strstr(e.msg, "actors_bad.tsv:3:"));
	assert_int_equal(lex_load_items(y, fixture("items_bad.tsv"), &e), SL_EFORMAT);
	assert_non_null(strstr(e.msg, "items_bad.tsv:2:"));
	assert_non_null(strstr(e.msg, "weaponry"));
	assert_int_equal(lex_load_items(y, fixture("no_such_file.tsv"), &e), SL_EIO);
	assert_non_null(strstr(e.msg, "no_such_file.tsv"));
	lex_free(y);
}

/* A group's form is one actor entry whose code lists the members; a line
 * with fewer than two members, or a member that is no two-letter code,
 * is an error naming the line. */
static void test_groups(void **state)
{
	(void)state;
	sl_err e = { "" };
	lex *y = lex_new();
	assert_int_equal(lex_load_actor_groups(y, fixture("groups_ok.tsv"), &e), SL_OK);
	lex *keep = x;
	x = y;
	const lex_entry *b = match("Baltic states", LEX_ACTOR, LANG_EN, NULL);
	assert_non_null(b);
	assert_string_equal(b->code, "EE LV LT");
	assert_non_null(match("Benelux", LEX_ACTOR, LANG_FR, NULL));
	x = keep;
	assert_int_equal(lex_load_actor_groups(y, fixture("groups_bad.tsv"), &e), SL_EFORMAT);
	assert_non_null(strstr(e.msg, "groups_bad.tsv:3:"));
	assert_int_equal(lex_load_actor_groups(y, fixture("groups_long.tsv"), &e), SL_EFORMAT);
	assert_non_null(strstr(e.msg, "groups_long.tsv:2:"));
	lex_free(y);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_longest),
		cmocka_unit_test(test_fold_and_hyphen),
		cmocka_unit_test(test_cased),
		cmocka_unit_test(test_suffix),
		cmocka_unit_test(test_interned_codes),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_groups),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
