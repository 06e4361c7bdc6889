/*
 * fuzz_read_html: libFuzzer target for html_extract (charset detection,
 * libxml2 parsing into the arena DOM through SAX, main-text choice).
 * The first input byte picks a charset hint so the HTTP-header path is
 * exercised too; the text must come out as valid UTF-8 without NULs.
 *
 * Build and run (clang 14 with compiler-rt, as in Debian 12):
 *   clang -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
 *     -include src/base/banned.h -Isrc \
 *     $(pkg-config --cflags libxml-2.0 libutf8proc jansson) \
 *     fuzz/fuzz_read_html.c src/read/[a-z]*.c src/base/[a-z]*.c \
 *     $(pkg-config --libs libxml-2.0 libutf8proc zlib jansson) -o fuzz_read_html
 *   ./fuzz_read_html -max_len=65536 tests/data/read
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "base/utf8.h"
#include "read/html.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const hints[] = {
		NULL, "text/html; charset=utf-8", "text/html; charset=windows-1252",
		"text/html;charset=\"shift_jis\"", "koi8-r", "text/html; charset=bogus-x",
	};
	if (!size)
		return 0;
	const char *hint = hints[data[0] % (sizeof hints / sizeof hints[0])];
	buf text = BUF_INIT;
	char *title = NULL, *date = NULL;
	html_extract((const char *)data + 1, size - 1, hint, &text, &title, &date);
	buf chk = BUF_INIT;
	if (strlen(text.p) != text.len || utf8_clean(&chk, text.p, text.len) != 0)
		abort();
	if (title && (buf_reset(&chk), utf8_clean(&chk, title, strlen(title)) != 0))
		abort();
	if (date && strlen(date) != 7 && strlen(date) != 10)
		abort();
	buf_release(&chk);
	buf_release(&text);
	free(title);
	free(date);
	return 0;
}
