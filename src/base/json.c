/* json: escaping strings and printing numbers for JSON output. */
#include "json.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Whether any of 8 bytes may need escaping: '"', '\\', a control byte,
 * or 0xE2 (the first byte of U+2028 and U+2029). */
static int may_escape(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	uint64_t q = x ^ (ones * '"'), bs = x ^ (ones * '\\'), e2 = x ^ (ones * 0xE2);
	return ((((q - ones) & ~q) | ((bs - ones) & ~bs) | ((e2 - ones) & ~e2) |
	         ((x - ones * 0x20) & ~x)) & high) != 0;
}

void json_str(buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	buf_grow(b, n + 2);
	buf_addc(b, '"');
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		/* plain text, eight bytes at a time */
		while (n - i >= 8) {
			uint64_t x;
			memcpy(&x, s + i, 8);
			if (may_escape(x))
				break;
			i += 8;
			run += 8;
		}
		if (i >= n)
			break;
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char u[7];
		if (c == '"')
			esc = "\\\"";
		else if (c == '\\')
			esc = "\\\\";
		else if (c == '\n')
			esc = "\\n";
		else if (c == '\t')
			esc = "\\t";
		else if (c == '\r')
			esc = "\\r";
		else if (c < 0x20) {
			memcpy(u, "\\u00", 4);
			u[4] = hex[c >> 4];
			u[5] = hex[c & 15];
			u[6] = '\0';
			esc = u;
		} else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
			   ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
			esc = (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029";
			if (run)
				buf_add(b, s + i - run, run);
			run = 0;
			buf_adds(b, esc);
			i += 2;
			continue;
		}
		if (esc) {
			if (run)
				buf_add(b, s + i - run, run);
			run = 0;
			buf_adds(b, esc);
		} else {
			run++;
		}
	}
	if (run)
		buf_add(b, s + n - run, run);
	buf_addc(b, '"');
}

void json_cstr(buf *b, const char *s)
{
	if (!s)
		buf_adds(b, "null");
	else
		json_str(b, s, strlen(s));
}

void json_num(buf *b, double v)
{
	if (!isfinite(v)) {
		buf_adds(b, "null");
		return;
	}
	if (v == floor(v) && fabs(v) < 9e15) {
		/* what "%.0f" prints, without printf's float machinery: a
		 * whole number below 2^53 is exact as an int64 */
		char t[24];
		size_t k = sizeof t;
		uint64_t u = (uint64_t)(int64_t)fabs(v);
		do {
			t[--k] = (char)('0' + u % 10);
			u /= 10;
		} while (u);
		if (signbit(v))
			t[--k] = '-';
		buf_add(b, t + k, sizeof t - k);
	} else
		buf_addf(b, "%.17g", v);
}
