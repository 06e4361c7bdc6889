/*
 * fuzz_read_txt: libFuzzer target for doc_parse_header, the " date
 * YYYY-MM[-DD]" header of .txt documents.  Checks the contract: body
 * within the text, and a date only in one of the two shapes.
 *
 * Build and run (clang 14 with compiler-rt, as in Debian 12):
 *   clang -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
 *     -include src/base/banned.h -Isrc $(pkg-config --cflags jansson) \
 *     fuzz/fuzz_read_txt.c src/read/[a-z]*.c src/base/[a-z]*.c \
 *     $(pkg-config --libs zlib jansson) -o fuzz_read_txt
 *   ./fuzz_read_txt -max_len=65536 tests/data/read
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "read/doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	doc d;
	doc_init(&d);
	d.text = xstrndup((const char *)data, size);
	d.len = size;
	doc_parse_header(&d);
	if (d.body > d.len)
		abort();
	if (d.date && strlen(d.date) != 7 && strlen(d.date) != 10)
		abort();
	if (!d.date && d.body)
		abort();
	doc_release(&d);
	return 0;
}
