/*
 * fuzz_extract: libFuzzer target for whole-document extraction, ext_doc,
 * the pipeline from text to records (cleaning, tokens, language,
 * sentences, lexicon, numbers, dates, grammar).  The extractor is loaded
 * once from $SL_DATA (default "data") and its scratch reused across
 * inputs, as a worker thread does.  The first byte picks the document's
 * language (or none: identified from the text) and date; the rest is
 * the text, made valid UTF-8 without NULs as the readers guarantee, with
 * an optional " date YYYY-MM-DD" header parsed as for .txt files.
 *
 * Checks the record contract: a known type, spans inside the document
 * in code points and in order, evidence valid UTF-8, quantities and
 * values either null (< 0) or finite, and a JSON line that prints.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/utf8.h"
#include "extract/extract.h"
#include "read/doc.h"
#include "fuzz_data.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static extractor *ex;
static ext_scratch *scratch;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!ex) {
		sl_err e = { "" };
		ex = fuzz_loaded(ext_new(fuzz_data_dir(), &e), "fuzz_extract", &e);
		scratch = ext_scratch_new();
	}
	if (!size)
		return 0;
	static const char *const langs[] = { NULL, "nl", "en", "de", "fr" };
	static const char *const dates[] = { NULL, "2022", "2022-02", "2022-02-24", "2024-02-29" };
	unsigned sel = data[0];

	buf text = BUF_INIT;
	utf8_clean(&text, (const char *)data + 1, size - 1);
	doc d;
	doc_init(&d);
	d.id = xstrdup("fuzz");
	d.text = buf_detach(&text, &d.len);
	doc_parse_header(&d);
	if (!d.date && dates[(sel / 5) % 5])
		d.date = xstrdup(dates[(sel / 5) % 5]);
	if (langs[sel % 5])
		d.lang = xstrdup(langs[sel % 5]);

	size_t ncp = utf8_count(d.text, d.len);
	rec_list recs;
	rec_list_init(&recs);
	ext_doc(ex, scratch, &d, &recs);
	const char *lang = ext_lang(ex, &d);
	if (!lang)
		abort();
	buf out = BUF_INIT, chk = BUF_INIT;
	for (size_t i = 0; i < recs.n; i++) {
		const record *r = &recs.v[i];
		if ((unsigned)r->type >= REC_NTYPES || r->span[0] > r->span[1] || r->span[1] > ncp)
			abort();
		if (!isfinite(r->quantity) || !isfinite(r->value))
			abort();
		if (memchr(r->when, '\0', sizeof r->when) == NULL)
			abort();
		if (r->evidence && (buf_reset(&chk), utf8_clean(&chk, r->evidence, strlen(r->evidence))))
			abort();
		if (r->item && (buf_reset(&chk), utf8_clean(&chk, r->item, strlen(r->item))))
			abort();
		buf_reset(&out);
		record_json(&out, r);
		if (!out.len || out.p[0] != '{' || out.p[out.len - 1] != '}')
			abort();
	}
	buf_release(&out);
	buf_release(&chk);
	rec_list_release(&recs);
	doc_release(&d);
	return 0;
}
