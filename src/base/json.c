/* json: escaping strings and printing numbers for JSON output. */
#include "json.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "swar.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* The bytes of x that may need escaping: '"', '\\', a control byte, or
 * 0xE2 (the first byte of U+2028 and U+2029), each marked by its high
 * bit.  The lowest mark is exact; a mark above it may be a false one
 * (the borrow of a subtraction), which the byte path copies as is.
 * Flipping bit 1 maps '"' to 0x20 and the control bytes onto
 * themselves, so one test for "below 0x21" finds both; and the high bit
 * of a byte flipped by a constant below 0x80 is its own, so the two
 * such tests share one "& ~x". */
static uint64_t may_escape(uint64_t x)
{
	uint64_t lo = x ^ (SWAR_ONES * 0x02), bs = x ^ (SWAR_ONES * '\\'), e2 = x ^ (SWAR_ONES * 0xE2);
	return ((((lo - SWAR_ONES * 0x21) | (bs - SWAR_ONES)) & ~x) | ((e2 - SWAR_ONES) & x)) &
	       SWAR_HIGH;
}

/* Room for n more bytes, 8 of slack and the NUL; inline since JSON
 * output asks this many times per record and nearly always has the
 * room. */
static inline void room(buf *b, size_t n)
{
	if (b->len + n + 8 + 1 > b->cap)
		buf_grow(b, n + 8);
}

/*
 * Plain bytes go out eight at a time, stored as a word; a word with a
 * mark is stored too, and the output moves on to its first mark (the
 * room taken has 8 bytes of slack for the bytes stored past it).  The
 * last bytes of a string of eight or more are tested as its last word,
 * and a shorter string, which may end its allocation, is copied into a
 * word of spaces first.  Most strings of a record are short names and
 * codes, and its evidence has few quotes: no call to memcpy per run.
 */
void json_str(buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	/* the room for the unescaped string is taken once; an escape
	 * takes the room for its own extra bytes */
	room(b, n + 2);
	char *o = b->p + b->len;
	*o++ = '"';
	size_t i = 0;
	for (;;) {
		uint64_t x, m = 0;
#ifdef __SSE2__
		/* the long runs of an evidence sentence sixteen bytes at a time:
		 * the SSE2 compares mark exactly the bytes may_escape looks for
		 * (a control byte as one the unsigned max with 0x1f leaves
		 * alone); a run with one goes on eight at a time below */
		while (i + 16 <= n) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
			__m128i e = _mm_or_si128(
				_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
				             _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
				_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2)),
				             _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x1f)),
				                            _mm_set1_epi8(0x1f))));
			if (_mm_movemask_epi8(e))
				break;
			_mm_storeu_si128((__m128i *)(void *)o, v);
			o += 16;
			i += 16;
		}
#endif
		while (i + 8 <= n) {
			x = swar_load8(s + i);
			if ((m = may_escape(x)))
				break;
			swar_store8(o, x);
			o += 8;
			i += 8;
		}
		if (!m) {
			if (i == n)
				break;
			if (n >= 8) {
				/* the last word, less its bytes before i (done) */
				unsigned done = (unsigned)(8 - (n - i)) * 8;
				x = swar_load8(s + n - 8);
				m = may_escape(x) >> done;
				x >>= done;
			} else {
				/* the short string's bytes in a word of spaces */
				unsigned char t[8];
				memset(t, ' ', 8);
				memcpy(t, s + i, n - i);
				x = swar_load8(t);
				m = may_escape(x);
			}
		}
		size_t run = m ? (size_t)__builtin_ctzll(m) >> 3 : 8;
		if (run > n - i)
			run = n - i;
		swar_store8(o, x);
		o += run;
		i += run;
		if (i == n)
			break;
		if (!m)
			continue;
		unsigned char c = (unsigned char)s[i];
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
		} else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
			   ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
			esc = (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029";
			k = 6;
			used = 3;
		} else {
			/* 0xE2 starting another character, or a false mark */
			*o++ = (char)c;
			i++;
			continue;
		}
		b->len = (size_t)(o - b->p);
		room(b, n - i + k + 1);
		o = b->p + b->len;
		memcpy(o, esc, k);
		o += k;
		i += used;
	}
	*o++ = '"';
	*o = '\0';
	b->len = (size_t)(o - b->p);
}

void json_cstr(buf *b, const char *s)
{
	if (s) {
		json_str(b, s, strlen(s));
		return;
	}
	/* a record has several nulls: no call to buf_add */
	room(b, 4);
	memcpy(b->p + b->len, "null", 5);
	b->len += 4;
}

void json_uint(buf *b, uint64_t v)
{
	/* the digits written from the last into d (one division a digit),
	 * then copied out: 20 is UINT64_MAX's length */
	char d[20], *o = d + sizeof d;
	do {
		*--o = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	size_t k = (size_t)(d + sizeof d - o);
	room(b, k);
	memcpy(b->p + b->len, o, k);
	b->len += k;
	b->p[b->len] = '\0';
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

void json_amount(buf *b, double v)
{
	if (v >= 0)
		json_num(b, v);
	else
		buf_adds(b, "null");
}
