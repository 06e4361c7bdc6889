/*
 * utf8: decoding that never trusts its input.
 *
 * utf8_clean copies src into dst, replacing every invalid or overlong
 * sequence, surrogate and NUL byte by U+FFFD, and returns how many
 * replacements it made.  Everything downstream may then assume valid
 * UTF-8 without NULs.
 */
#ifndef SL_UTF8_H
#define SL_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include "buf.h"

size_t utf8_clean(buf *dst, const char *src, size_t n);

/* The byte length of the valid sequence at s (n > 0 bytes there), or 0
 * for one utf8_clean replaces; *want is the length its first byte asks
 * for (0 when it cannot start one: NUL, a continuation, 0xC0/C1, F5-FF). */
size_t utf8_seq(const unsigned char *s, size_t n, size_t *want);

/* Decodes one code point at s (valid UTF-8 assumed, n > 0); returns its
 * byte length and stores the code point in *cp. */
size_t utf8_decode(const char *s, size_t n, int32_t *cp);

/* Appends the UTF-8 encoding of cp. */
void utf8_encode(buf *b, int32_t cp);

/* Number of code points in s[0..n) (valid UTF-8 assumed). */
size_t utf8_count(const char *s, size_t n);

#endif
