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

/* Decodes one code point at s (valid UTF-8 assumed, n > 0); returns its
 * byte length and stores the code point in *cp. */
size_t utf8_decode(const char *s, size_t n, int32_t *cp);

/* Appends the UTF-8 encoding of cp. */
void utf8_encode(buf *b, int32_t cp);

/* Number of code points in s[0..n) (valid UTF-8 assumed). */
size_t utf8_count(const char *s, size_t n);

#endif
