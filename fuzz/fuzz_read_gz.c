/*
 * fuzz_read_gz: libFuzzer target for the gzip stream and format
 * sniffing, as for stdin (multi-member, truncated, corrupt), through
 * reader_new_mem.
 * Every document must satisfy doc.h: valid UTF-8 without NULs, body
 * within the text.
 *
 * Build and run (clang 14 with compiler-rt, as in Debian 12):
 *   clang -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
 *     -include src/base/banned.h -Isrc $(pkg-config --cflags jansson) \
 *     fuzz/fuzz_read_gz.c src/read/[a-z]*.c src/base/[a-z]*.c \
 *     $(pkg-config --libs zlib jansson) -o fuzz_read_gz
 *   ./fuzz_read_gz -max_len=65536 tests/data/read
 */
#include <stdint.h>
#include "fuzz_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_read_all("-", data, size, fuzz_quiet, NULL, NULL);
	return 0;
}
