/*
 * fuzz_clean: libFuzzer target for the boilerplate line test.  The rules
 * are loaded once from $SL_DATA/boilerplate.tsv (default "data"); each
 * input is one line, tested in every language with the literal guards
 * and without them (clean_guards = 0, every pattern through regexec): a
 * guard may only skip a pattern that cannot match, so the answers must be
 * the same.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../src/lex/lex.h"
#include "../src/text/clean.h"
#include "fuzz_data.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static clean_rules *rules;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!rules) {
		sl_err e = { "" };
		char path[4096];
		rules = fuzz_loaded(clean_load(fuzz_data_file(path, sizeof path, "boilerplate.tsv"), &e),
		                    "fuzz_clean", &e);
	}
	static const int langs[] = { LANG_NL, LANG_EN, LANG_DE, LANG_FR };
	for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++) {
		clean_guards = 1;
		int fast = clean_is_debris(rules, langs[l], (const char *)data, size);
		clean_guards = 0;
		int slow = clean_is_debris(rules, langs[l], (const char *)data, size);
		clean_guards = 1;
		if (fast != slow)
			abort();
	}
	return 0;
}
