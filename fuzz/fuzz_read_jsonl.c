/*
 * fuzz_read_jsonl: libFuzzer target for the JSON Lines reader (broken
 * lines, NULs, invalid UTF-8), through reader_new_mem.
 * Every document must satisfy doc.h: valid UTF-8 without NULs, body
 * within the text.
 *
 * Build and run (clang 14 with compiler-rt, as in Debian 12):
 *   clang -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
 *     -include src/base/banned.h -Isrc $(pkg-config --cflags jansson) \
 *     fuzz/fuzz_read_jsonl.c src/read/[a-z]*.c src/base/[a-z]*.c \
 *     $(pkg-config --libs zlib jansson) -o fuzz_read_jsonl
 *   ./fuzz_read_jsonl -max_len=65536 tests/data/read
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "base/utf8.h"
#include "read/doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void quiet(void *ctx, const char *msg)
{
	(void)ctx;
	(void)msg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	reader *r = reader_new_mem("fuzz.jsonl", data, size, quiet, NULL);
	doc *d;
	sl_err e;
	buf chk = BUF_INIT;
	while (reader_next(r, &d, &e) == SL_OK) {
		if (!d->id || !d->text || strlen(d->text) != d->len || d->body > d->len)
			abort();
		buf_reset(&chk);
		if (utf8_clean(&chk, d->text, d->len) != 0)
			abort();
	}
	buf_release(&chk);
	reader_free(r);
	return 0;
}
