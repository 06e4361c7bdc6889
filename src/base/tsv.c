/* tsv: the data-file reader (see tsv.h). */
#include "tsv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int tsv_each(const char *path, size_t ncols, tsv_fn fn, void *ctx, sl_err *e)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		sl_err_set(e, "%s: %s", path, strerror(errno));
		return SL_EIO;
	}
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t n;
	int rc = SL_OK;
	while ((n = getline(&line, &cap, f)) >= 0) {
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (memchr(line, '\0', (size_t)n)) {
			sl_err_set(e, "%s:%zu: NUL byte in line", path, lineno);
			rc = SL_EFORMAT;
			break;
		}
		if (n == 0 || line[0] == '#')
			continue;
		char *fields[TSV_MAXCOLS];
		size_t nf = 0;
		char *p = line;
		int blank = 1;
		for (char *q = line; *q; q++)
			if (*q != ' ' && *q != '\t')
				blank = 0;
		if (blank)
			continue;
		for (;;) {
			if (nf == TSV_MAXCOLS) {
				nf++;
				break;
			}
			fields[nf++] = p;
			char *tab = strchr(p, '\t');
			if (!tab)
				break;
			*tab = '\0';
			p = tab + 1;
		}
		if (ncols && nf != ncols) {
			sl_err_set(e, "%s:%zu: expected %zu tab-separated fields, found %zu",
			           path, lineno, ncols, nf);
			rc = SL_EFORMAT;
			break;
		}
		rc = fn(ctx, fields, nf, lineno, e);
		if (rc != SL_OK)
			break;
	}
	if (rc == SL_OK && ferror(f)) {
		sl_err_set(e, "%s: read error", path);
		rc = SL_EIO;
	}
	free(line);
	fclose(f);
	return rc;
}
