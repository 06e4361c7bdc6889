/*
 * buf: the one growable byte string used everywhere in supplyline.
 *
 * Invariants: p is never NULL after buf_init (it points at a static empty
 * string until the first append), p[len] == '\0' always, len < cap once
 * memory is owned.  A buf owns its memory; buf_detach hands it to the
 * caller, who frees it with free().  Out of memory aborts deliberately: a
 * half-built record is worse than a clear stop.
 */
#ifndef SL_BUF_H
#define SL_BUF_H

#include <stddef.h>
#include <stdarg.h>
#include <string.h>

typedef struct buf {
	char *p;
	size_t len;
	size_t cap;
} buf;

#define BUF_INIT { buf_empty_, 0, 0 }
extern char buf_empty_[];

void buf_init(buf *b);
void buf_release(buf *b);                 /* frees; b is re-initialised */
void buf_reset(buf *b);                   /* len = 0, keeps memory */
void buf_grow(buf *b, size_t extra);      /* room for extra more bytes */
void buf_add(buf *b, const void *data, size_t n);
void buf_adds(buf *b, const char *s);
/* One byte; inline because tokenizing and JSON output append byte by
 * byte on the hot path. */
static inline void buf_addc(buf *b, char c)
{
	if (b->len + 2 > b->cap)
		buf_grow(b, 1);
	b->p[b->len++] = c;
	b->p[b->len] = '\0';
}
void buf_addf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vaddf(buf *b, const char *fmt, va_list ap);
char *buf_detach(buf *b, size_t *len);    /* caller frees; b re-initialised */
char *xstrndup(const char *s, size_t n);  /* aborts on OOM */
char *xstrdup(const char *s);
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);

/* Copies s into dst[cap], cut to cap - 1 bytes and always terminated:
 * snprintf(dst, cap, "%s", s) without printf, for copies on the
 * extraction path (one per record). */
static inline void str_copy(char *dst, size_t cap, const char *s)
{
	size_t n = strlen(s);
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

#endif
