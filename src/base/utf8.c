/*
 * utf8: validation with replacement, decoding and counting.  Written by
 * hand because it is on the hot path and is twenty lines; utf8proc does
 * the Unicode-aware work (folding, normalisation) in text/fold.c.
 */
#include "utf8.h"

#include <stdint.h>
#include <string.h>

static const char REPL[] = "\xEF\xBF\xBD";

size_t utf8_seq(const unsigned char *s, size_t n, size_t *want)
{
	unsigned char c = s[0];
	size_t len = 0;
	int32_t cp = 0, min = 0;
	if (c >= 0x01 && c < 0x80) {
		len = 1; cp = c;
	} else if (c >= 0xC2 && c <= 0xDF) {
		len = 2; cp = c & 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3; cp = c & 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4; cp = c & 0x07; min = 0x10000;
	}
	*want = len;
	if (!len || len > n)
		return 0;
	for (size_t k = 1; k < len; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[k] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

size_t utf8_clean(buf *dst, const char *src, size_t n)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t i = 0, bad = 0, run = 0;
	buf_grow(dst, n);
	while (i < n) {
		/* ASCII without NUL, a word at a time: most text */
		while (n - i >= 8) {
			uint64_t x;
			memcpy(&x, s + i, 8);
			const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
			if (((x | ((x - ones) & ~x)) & high) != 0)
				break;
			i += 8;
			run += 8;
		}
		if (i >= n)
			break;
		unsigned char c = s[i];
		if (c >= 0x01 && c < 0x80) {
			i++;
			run++;
			continue;
		}
		if (run) {
			buf_add(dst, src + i - run, run);
			run = 0;
		}
		size_t len, ok = utf8_seq(s + i, n - i, &len);
		if (ok) {
			buf_add(dst, src + i, len);
			i += len;
		} else {
			buf_add(dst, REPL, 3);
			bad++;
			i++;
			/* skip the continuation bytes of a broken sequence */
			while (i < n && (s[i] & 0xC0) == 0x80 && len-- > 1)
				i++;
		}
	}
	if (run)
		buf_add(dst, src + i - run, run);
	return bad;
}

size_t utf8_decode(const char *str, size_t n, int32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c = s[0];
	if (c < 0x80 || n < 2) {
		*cp = c;
		return 1;
	}
	if (c < 0xE0) {
		*cp = ((c & 0x1F) << 6) | (s[1] & 0x3F);
		return 2;
	}
	if (c < 0xF0 || n < 4) {
		if (n < 3) {
			*cp = 0xFFFD;
			return n;
		}
		*cp = ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		return 3;
	}
	*cp = ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
	return 4;
}

void utf8_encode(buf *b, int32_t cp)
{
	char t[4];
	if (cp < 0x80) {
		buf_addc(b, (char)cp);
	} else if (cp < 0x800) {
		t[0] = (char)(0xC0 | (cp >> 6));
		t[1] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, t, 2);
	} else if (cp < 0x10000) {
		t[0] = (char)(0xE0 | (cp >> 12));
		t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[2] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, t, 3);
	} else {
		t[0] = (char)(0xF0 | (cp >> 18));
		t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[3] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, t, 4);
	}
}

size_t utf8_count(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}
