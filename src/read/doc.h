/*
 * doc: one document as the readers hand it to the pipeline, and the
 * reader that turns paths (files, directories, "-") into documents.
 *
 * Ownership: a doc owns all its strings; doc_release frees them.  The
 * reader owns the doc it fills in reader_next and reuses it on the next
 * call: copy what you keep.
 *
 * Text is valid UTF-8 without NUL bytes (invalid bytes were replaced by
 * U+FFFD and counted in `repaired`).  For .txt documents `text` is the
 * file as read, header included, so record spans (code points from the
 * start of the document) point into it; `body` is the offset in bytes
 * where the article starts after the header.
 */
#ifndef SL_DOC_H
#define SL_DOC_H

#include <stddef.h>
#include "../base/buf.h"
#include "../base/err.h"

typedef struct doc {
	char *id;        /* file name without extension, JSONL id, WARC URI */
	char *url;       /* NULL when unknown */
	char *lang;      /* "nl", "en", "de", "fr" or NULL (text/lang.c decides) */
	char *date;      /* "YYYY", "YYYY-MM" or "YYYY-MM-DD", or NULL */
	char *title;     /* NULL when unknown */
	char *text;      /* UTF-8, NUL-terminated */
	size_t len;      /* bytes in text */
	size_t body;     /* byte offset where the article text starts */
	size_t repaired; /* invalid UTF-8 sequences replaced */
	char *source;    /* path the document came from, for messages */
	size_t line;     /* line in source (JSONL), or 0 */
} doc;

void doc_init(doc *d);
void doc_release(doc *d);

/*
 * Parses the optional " date YYYY-MM[-DD]" header at the start of d->text
 * (leading space optional, followed by a space or a line break) and sets
 * d->date and d->body.  Leaves both alone when there is no header.
 */
void doc_parse_header(doc *d);

typedef struct reader reader;

/* Warnings (skipped lines, unreadable files) are reported through this
 * callback, never printed by the library. */
typedef void (*reader_warn_fn)(void *ctx, const char *msg);

/* Creates a reader over paths (files, directories walked recursively in
 * sorted order, "-" for stdin).  The paths array is copied.  No paths
 * (npaths == 0) means stdin. */
reader *reader_new(const char *const *paths, size_t npaths,
                   reader_warn_fn warn, void *ctx);

/* Creates a reader over one input held in memory, as if it were a file
 * called name (its extension picks the format, as for a file; without a
 * known one the bytes are sniffed as for stdin; gzip is looked through).
 * The bytes are not copied: they must outlive the reader.  For tests and
 * fuzzing. */
reader *reader_new_mem(const char *name, const void *bytes, size_t n,
                       reader_warn_fn warn, void *ctx);

/* Fills *d with the next document.  Returns SL_OK, SL_DONE at the end,
 * or a negative code with e set for an error that ends the input (a
 * file that cannot be opened is a warning and the reader moves on).
 * Today every problem (unreadable file, broken line, truncated gzip,
 * bad WARC record) is a warning, so only SL_OK and SL_DONE come back. */
int reader_next(reader *r, doc **d, sl_err *e);

/* Number of warnings issued so far (for the exit status). */
size_t reader_warnings(const reader *r);

void reader_free(reader *r);

#endif
