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

/* The offset of the first byte at or after i that may need escaping, or
 * n.  Eight bytes at a time; a tail shorter than eight is tested in one
 * go too, as the last eight bytes of the string (those before the tail
 * are known plain) or, in a string shorter than eight, padded with
 * spaces: most strings printed (names, types, categories) are short. */
static size_t plain_run(const char *s, size_t i, size_t n)
{
	uint64_t x;
	while (n - i >= 8) {
		memcpy(&x, s + i, 8);
		if (may_escape(x))
			goto bytes;
		i += 8;
	}
	if (i == n)
		return n;
	if (n >= 8) {
		memcpy(&x, s + n - 8, 8);
	} else {
		x = 0x2020202020202020ull;
		memcpy(&x, s + i, n - i);
	}
	if (!may_escape(x))
		return n;
bytes:
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\' || c < 0x20 || c == 0xE2)
			return i;
	}
	return n;
}

/* Room for n more bytes and the NUL; inline since JSON output asks
 * this many times per record and nearly always has the room. */
static inline void room(buf *b, size_t n)
{
	if (b->len + n + 1 > b->cap)
		buf_grow(b, n);
}

void json_str(buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	/* the room for the unescaped string is taken once; an escape
	 * takes the room for its own extra bytes */
	room(b, n + 2);
	b->p[b->len++] = '"';
	size_t i = 0;
	for (;;) {
		size_t j = plain_run(s, i, n);
		memcpy(b->p + b->len, s + i, j - i);
		b->len += j - i;
		if (j == n)
			break;
		unsigned char c = (unsigned char)s[j];
		char u[6];
		const char *esc = u;
		size_t k = 2, used = 1;
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
			k = 6;
		} else if (j + 2 < n && (unsigned char)s[j + 1] == 0x80 &&
			   ((unsigned char)s[j + 2] == 0xA8 || (unsigned char)s[j + 2] == 0xA9)) {
			esc = (unsigned char)s[j + 2] == 0xA8 ? "\\u2028" : "\\u2029";
			k = 6;
			used = 3;
		} else {
			esc = (const char *)s + j; /* 0xE2 starting another character */
			k = 1;
		}
		room(b, n - j + k + 1);
		memcpy(b->p + b->len, esc, k);
		b->len += k;
		i = j + used;
	}
	b->p[b->len++] = '"';
	b->p[b->len] = '\0';
}

void json_cstr(buf *b, const char *s)
{
	if (!s)
		buf_add(b, "null", 4);
	else
		json_str(b, s, strlen(s));
}

void json_uint(buf *b, uint64_t v)
{
	char t[24];
	size_t k = sizeof t;
	do {
		t[--k] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	buf_add(b, t + k, sizeof t - k);
}

void json_num(buf *b, double v)
{
	if (!isfinite(v)) {
		buf_adds(b, "null");
		return;
	}
	if (v == floor(v) && fabs(v) < 9e15) {
		/* what "%.0f" prints, without printf's float machinery: a
		 * whole number below 2^53 is exact as an integer */
		if (signbit(v))
			buf_addc(b, '-');
		json_uint(b, (uint64_t)fabs(v));
	} else
		buf_addf(b, "%.17g", v);
}
