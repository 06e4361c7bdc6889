/*
 * fuzz_number: libFuzzer target for num_scan and num_parse.  The lexicon
 * is loaded once from $SL_DATA (default "data"); each input is scanned in
 * every language and as no language, into a small output array so that
 * the count-past-max path is exercised too, over the word starts
 * nlx_starts_find lists as ext_doc does (sieved with the lexicon's table
 * for that language, and not sieved), and again with the start tests'
 * fast paths off (nlx_fast = 0), which walks every byte and folds every
 * test: a fast path may only answer what folding would, so the spans
 * must be the same.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/extract/number.h"
#include "../src/extract/numlex.h"
#include "fuzz_data.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static num_lex *lx;
static nlx_sieve *sv;

static int same_span(const num_span *a, const num_span *b)
{
	return a->start == b->start && a->end == b->end && a->flags == b->flags &&
	       !memcmp(&a->value, &b->value, sizeof a->value) &&
	       !memcmp(a->currency, b->currency, sizeof a->currency) && a->code == b->code;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!lx) {
		sl_err e = { "" };
		lx = fuzz_loaded(num_lex_load(fuzz_data_dir(), &e), "fuzz_number", &e);
		sv = nlx_sieve_new();
		num_lex_sieve(lx, sv);
	}
	static const char *const langs[] = { "nl", "en", "de", "fr", NULL };
	num_span out[8], all[8], slow[8];
	static nlx_starts ws, wall;
	nlx_starts_find(&wall, (const char *)data, size, NULL, NLX_ALL);
	for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++) {
		nlx_starts_find(&ws, (const char *)data, size, sv, nlx_lang(langs[l]));
		size_t n = num_scan_starts(lx, langs[l], (const char *)data, size, &ws, out, 8);
		for (size_t i = 0; i < n && i < 8; i++)
			if (out[i].start > out[i].end || out[i].end > size ||
			    ((out[i].flags & NUM_OVERFLOW) && out[i].value != -1) ||
			    out[i].value != out[i].value)
				abort();
		size_t na = num_scan_starts(lx, langs[l], (const char *)data, size, &wall, all, 8);
		nlx_fast = 0;
		size_t ns = num_scan(lx, langs[l], (const char *)data, size, slow, 8);
		nlx_fast = 1;
		if (ns != n || na != n)
			abort();
		for (size_t i = 0; i < n && i < 8; i++)
			if (!same_span(&out[i], &slow[i]) || !same_span(&all[i], &slow[i]))
				abort();
		double v;
		(void)num_parse(lx, langs[l], (const char *)data, size, &v);
	}
	return 0;
}
