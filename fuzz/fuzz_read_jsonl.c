/*
 * fuzz_read_jsonl: libFuzzer target for the JSON Lines reader (broken
 * lines, NULs, invalid UTF-8), through reader_new_mem.
 * Every document must satisfy doc.h: valid UTF-8 without NULs, body
 * within the text.  The input is read twice, with the reader's own
 * scanner for common lines and with every line through jansson
 * (rd_jsonl_fast = 0): documents and warnings must be the same.
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
#include "read/read_int.h"
#include "fuzz_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void note(void *ctx, const char *msg)
{
	buf_adds(ctx, msg);
	buf_addc(ctx, '\n');
}

static void field(buf *b, const char *s)
{
	buf_adds(b, s ? s : "(null)");
	buf_addc(b, '\0');
}

static void fields(void *ctx, const doc *d)
{
	buf *out = ctx;
	field(out, d->id);
	field(out, d->url);
	field(out, d->lang);
	field(out, d->date);
	field(out, d->title);
	field(out, d->text);
	buf_addf(out, "%zu %zu %zu %zu\n", d->len, d->body, d->repaired, d->line);
}

/* Everything the reader makes of the input, documents and warnings. */
static void read_all(const uint8_t *data, size_t size, buf *out)
{
	fuzz_read_all("fuzz.jsonl", data, size, note, fields, out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	buf fast = BUF_INIT, slow = BUF_INIT;
	rd_jsonl_fast = 1;
	read_all(data, size, &fast);
	rd_jsonl_fast = 0;
	read_all(data, size, &slow);
	rd_jsonl_fast = 1;
	if (fast.len != slow.len || memcmp(fast.p, slow.p, fast.len))
		abort();
	buf_release(&fast);
	buf_release(&slow);
	return 0;
}
