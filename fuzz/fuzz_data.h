/*
 * fuzz_data.h: what the harnesses that load the data files share: where
 * the data is ($SL_DATA, default "data"), and stopping with the loader's
 * message when it will not load, since a harness without its tables
 * would fuzz nothing.
 */
#ifndef SL_FUZZ_DATA_H
#define SL_FUZZ_DATA_H

#include <stdio.h>
#include <stdlib.h>
#include "../src/base/err.h"

static inline const char *fuzz_data_dir(void)
{
	const char *dir = getenv("SL_DATA");
	return dir && *dir ? dir : "data";
}

/* The data file name, as a path in path[cap]. */
static inline const char *fuzz_data_file(char *path, size_t cap, const char *name)
{
	snprintf(path, cap, "%s/%s", fuzz_data_dir(), name);
	return path;
}

/* p, what harness who loaded; with none, e says why and the run stops. */
static inline void *fuzz_loaded(void *p, const char *who, const sl_err *e)
{
	if (!p) {
		fprintf(stderr, "%s: %s\n", who, e->msg);
		abort();
	}
	return p;
}

#endif
