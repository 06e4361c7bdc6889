/*
 * fuzz_read_warc: libFuzzer target for the WARC reader (record framing,
 * resynchronisation, HTTP payloads), through reader_new_mem.
 * Every document must satisfy doc.h: valid UTF-8 without NULs, body
 * within the text.
 *
 * Build and run (clang 14 with compiler-rt, as in Debian 12):
 *   clang -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
 *     -include src/base/banned.h -Isrc $(pkg-config --cflags jansson) \
 *     fuzz/fuzz_read_warc.c src/read/[a-z]*.c src/base/[a-z]*.c \
 *     $(pkg-config --libs zlib jansson) -o fuzz_read_warc
 *   ./fuzz_read_warc -max_len=65536 tests/data/read
 */
#include <stdint.h>
#include "fuzz_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_read_all("fuzz.warc", data, size, fuzz_quiet, NULL, NULL);
	return 0;
}
