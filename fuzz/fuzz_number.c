/*
 * fuzz_number: libFuzzer target for num_scan and num_parse.  The lexicon
 * is loaded once from $SL_DATA (default "data"); each input is scanned in
 * every language and as no language, into a small output array so that
 * the count-past-max path is exercised too.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../src/extract/number.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static num_lex *lx;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!lx) {
		sl_err e;
		const char *dir = getenv("SL_DATA");
		lx = num_lex_load(dir && *dir ? dir : "data", &e);
		if (!lx) {
			fprintf(stderr, "fuzz_number: %s\n", e.msg);
			abort();
		}
	}
	static const char *const langs[] = { "nl", "en", "de", "fr", NULL };
	num_span out[8];
	for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++) {
		size_t n = num_scan(lx, langs[l], (const char *)data, size, out, 8);
		for (size_t i = 0; i < n && i < 8; i++)
			if (out[i].start > out[i].end || out[i].end > size ||
			    ((out[i].flags & NUM_OVERFLOW) && out[i].value != -1) ||
			    out[i].value != out[i].value)
				abort();
		double v;
		(void)num_parse(lx, langs[l], (const char *)data, size, &v);
	}
	return 0;
}
