/*
 * fuzz_date: libFuzzer target for date_scan.  The lexicon is loaded once
 * from $SL_DATA (default "data").  The first input byte picks a document
 * date (none, year, month or day precision, including month ends and a
 * leap day) so resolution is fuzzed as well as recognition.  Each scan,
 * over the word starts nlx_starts_find lists as ext_doc does (sieved with
 * the lexicon's tables for that language, and not sieved), is made
 * again with the start tests' fast paths off (nlx_fast = 0), which walks
 * every byte and folds every test and must find the same spans.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/extract/date.h"
#include "../src/extract/numlex.h"
#include "fuzz_data.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static date_lex *lx;
static nlx_sieve *sv;

static int same_span(const date_span *a, const date_span *b)
{
	return a->start == b->start && a->end == b->end && a->kind == b->kind &&
	       !strcmp(a->when, b->when);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!lx) {
		sl_err e = { "" };
		lx = fuzz_loaded(date_lex_load(fuzz_data_dir(), &e), "fuzz_date", &e);
		sv = nlx_sieve_new();
		date_lex_sieve(lx, sv);
	}
	static const char *const docs[] = {
		NULL, "2022", "2022-01", "2022-01-26", "2024-03-01", "2023-01-01", "2022-12-31", "x",
	};
	static const char *const langs[] = { "nl", "en", "de", "fr", NULL };
	const char *doc = size ? docs[data[0] % 8] : NULL;
	date_span out[8], all[8], slow[8];
	static nlx_starts ws, wall;
	nlx_starts_find(&wall, (const char *)data, size, NULL, NLX_ALL);
	for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++) {
		nlx_starts_find(&ws, (const char *)data, size, sv, nlx_lang(langs[l]));
		size_t n = date_scan_starts(lx, langs[l], (const char *)data, size, doc, &ws, out, 8);
		size_t na = date_scan_starts(lx, langs[l], (const char *)data, size, doc, &wall, all, 8);
		if (na != n)
			abort();
		for (size_t i = 0; i < n && i < 8; i++)
			if (out[i].start > out[i].end || out[i].end > size ||
			    out[i].kind < DATE_NONE || out[i].kind > DATE_VAGUE ||
			    memchr(out[i].when, '\0', sizeof out[i].when) == NULL)
				abort();
		nlx_fast = 0;
		size_t ns = date_scan(lx, langs[l], (const char *)data, size, doc, slow, 8);
		nlx_fast = 1;
		if (ns != n)
			abort();
		for (size_t i = 0; i < n && i < 8; i++)
			if (!same_span(&out[i], &slow[i]) || !same_span(&all[i], &slow[i]))
				abort();
	}
	return 0;
}
