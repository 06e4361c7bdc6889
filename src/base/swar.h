/*
 * swar: eight bytes of text in one 64-bit word, for the scanners that
 * classify bytes eight at a time ("SIMD within a register").  Byte i of
 * the text is bits 8i..8i+7 of the word on any host, so the first byte
 * with some property is found from the lowest set bit of a mask.
 */
#ifndef SL_SWAR_H
#define SL_SWAR_H

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

#endif
