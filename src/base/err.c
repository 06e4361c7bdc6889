/* err: filling an sl_err with a formatted message. */
#include "err.h"

#include <stdarg.h>
#include <stdio.h>

void sl_err_set(sl_err *e, const char *fmt, ...)
{
	if (!e)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
}
