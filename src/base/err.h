/*
 * err: result codes shared by every library module.  Library functions
 * return SL_OK or a negative code and, where a message helps, fill an
 * sl_err the caller owns; only the command line prints.
 */
#ifndef SL_ERR_H
#define SL_ERR_H

#include <stddef.h>

enum {
	SL_OK = 0,
	SL_DONE = 1,        /* iteration finished, not an error */
	SL_EIO = -1,        /* cannot open/read/write */
	SL_EFORMAT = -2,    /* malformed input at a known place */
	SL_ENOMEM = -3,
	SL_EARG = -4,       /* bad argument or option */
	SL_EDB = -5         /* storage backend error */
};

/* A message with the place it concerns: "file:line: what". */
typedef struct sl_err {
	char msg[512];
} sl_err;

void sl_err_set(sl_err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
