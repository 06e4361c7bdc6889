/*
 * fuzz_read.h: what the reader harnesses share: every document
 * reader_new_mem makes of the input, each held to doc.h's promise (an
 * id, text that is valid UTF-8 without NULs, the body within the text)
 * before the harness sees it.
 */
#ifndef SL_FUZZ_READ_H
#define SL_FUZZ_READ_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "base/utf8.h"
#include "read/doc.h"

/* A warning callback for harnesses that check documents, not warnings. */
static inline void fuzz_quiet(void *ctx, const char *msg)
{
	(void)ctx;
	(void)msg;
}

/* Reads data[size] as a file called name (its ending picks the format),
 * warnings to warn(ctx); aborts at a document that breaks doc.h, else
 * passes it to each(ctx, d) when each is given. */
static inline void fuzz_read_all(const char *name, const uint8_t *data, size_t size,
                                 reader_warn_fn warn, void (*each)(void *ctx, const doc *d),
                                 void *ctx)
{
	reader *r = reader_new_mem(name, data, size, warn, ctx);
	doc *d;
	sl_err e;
	buf chk = BUF_INIT;
	while (reader_next(r, &d, &e) == SL_OK) {
		if (!d->id || !d->text || strlen(d->text) != d->len || d->body > d->len)
			abort();
		buf_reset(&chk);
		if (utf8_clean(&chk, d->text, d->len) != 0)
			abort();
		if (each)
			each(ctx, d);
	}
	buf_release(&chk);
	reader_free(r);
}

#endif
