/*
 * tsv: reading the data files.  UTF-8, one record a line, fields separated
 * by tabs; lines starting with '#' and blank lines are skipped; a trailing
 * '\r' is dropped.  tsv_each calls fn for every record with its fields
 * (pointers into a line buffer valid during the call) and the line number;
 * fn returns SL_OK to go on, or an error code (having set e) to stop.
 * A record with a field count other than ncols (when ncols > 0) is an
 * error "path:line: expected N fields, found M".
 */
#ifndef SL_TSV_H
#define SL_TSV_H

#include <stddef.h>
#include "err.h"

#define TSV_MAXCOLS 16

typedef int (*tsv_fn)(void *ctx, char **f, size_t nf, size_t line, sl_err *e);

int tsv_each(const char *path, size_t ncols, tsv_fn fn, void *ctx, sl_err *e);

#endif
