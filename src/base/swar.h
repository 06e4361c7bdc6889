/*
 * swar: eight bytes of text in one 64-bit word, for the scanners that
 * classify bytes eight at a time ("SIMD within a register").  Byte i of
 * the text is bits 8i..8i+7 of the word on any host, so the first byte
 * with some property is found from the lowest set bit of a mask.
 */
#ifndef SL_SWAR_H
#define SL_SWAR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define SWAR_ONES 0x0101010101010101ull
#define SWAR_HIGH 0x8080808080808080ull

static inline uint64_t swar_load8(const void *q)
{
	uint64_t v;
	memcpy(&v, q, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap64(v);
#endif
	return v;
}

static inline void swar_store8(void *q, uint64_t v)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	v = __builtin_bswap64(v);
#endif
	memcpy(q, &v, 8);
}

/* Whether a[0..n) equals b[0..n).  For the short keys of the lexicon
 * and the stop words, a few loads of overlapping words (never past
 * either end) and one test beat a call of memcmp, which a lookup would
 * make at every step; a short key's three bytes are tested at once (a
 * mismatch is rare: lookups compare only after the hash and the length
 * matched). */
static inline int swar_eq(const void *pa, const void *pb, size_t n)
{
	const unsigned char *a = pa, *b = pb;
	if (n >= 8) {
		uint64_t u, v;
		for (size_t k = 0; k + 8 < n; k += 8) {
			memcpy(&u, a + k, 8);
			memcpy(&v, b + k, 8);
			if (u != v)
				return 0;
		}
		memcpy(&u, a + n - 8, 8);
		memcpy(&v, b + n - 8, 8);
		return u == v;
	}
	if (n >= 4) {
		uint32_t u0, v0, u1, v1;
		memcpy(&u0, a, 4);
		memcpy(&v0, b, 4);
		memcpy(&u1, a + n - 4, 4);
		memcpy(&v1, b + n - 4, 4);
		return ((u0 ^ v0) | (u1 ^ v1)) == 0;
	}
	return !n || ((a[0] ^ b[0]) | (a[n >> 1] ^ b[n >> 1]) | (a[n - 1] ^ b[n - 1])) == 0;
}

#endif
