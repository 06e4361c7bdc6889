/*
 * read_int: what the readers share and nobody outside src/read/ sees.
 *
 * A source is one opened input (file, stdin or memory) of one format; its
 * byte stream (rstream) hides gzip, so every format reader sees plain
 * bytes through a 256 KiB buffer and never holds more than the document
 * it is building.  Warnings go through rd_warner, which counts them for
 * reader_warnings.
 */
#ifndef SL_READ_INT_H
#define SL_READ_INT_H

#include <stdint.h>
#include <zlib.h>
#include "doc.h"

#define RD_BUFSZ (256u * 1024u)

typedef struct rd_warner {
	reader_warn_fn fn;
	void *ctx;
	size_t count;
} rd_warner;

/* Formats and passes one warning to the callback, counting it. */
void rd_warn(rd_warner *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * rstream: buffered bytes from a file descriptor or a memory block,
 * inflated on the fly when they start with the gzip magic (multi-member
 * streams as in .warc.gz included).  A truncated or corrupt gzip stream
 * ends the stream early with one warning naming the compressed offset.
 */
typedef struct rstream {
	int fd;                   /* -1 for memory */
	int own_fd;
	const unsigned char *mem; /* memory source */
	size_t memlen, mempos;
	unsigned char *raw;       /* compressed input (gzip only) */
	size_t rawcap;
	z_stream z;
	int gz;                   /* 1 while inflating */
	int zinit;
	int member_end;           /* inflate reached the end of a member */
	unsigned char *out;       /* decoded bytes [opos, olen) pending */
	size_t opos, olen, ocap;
	uint64_t off;             /* decoded bytes consumed so far */
	uint64_t rawoff;          /* bytes taken from the source */
	int eof;                  /* no more decoded bytes will come */
	int srceof;
	const char *name;         /* for warnings */
	rd_warner *w;
} rstream;

/* Opens over fd (own_fd: close it in rs_close) or over a memory block
 * that must outlive the stream.  Sniffs the gzip magic. */
void rs_open_fd(rstream *s, int fd, int own_fd, const char *name, rd_warner *w);
void rs_open_mem(rstream *s, const void *p, size_t n, const char *name, rd_warner *w);
void rs_close(rstream *s);

/* Makes up to n (<= RD_BUFSZ) bytes contiguous at *p; returns how many
 * are available (fewer only at the end of the stream). */
size_t rs_peek(rstream *s, size_t n, const unsigned char **p);
/* Copies up to n bytes into dst (NULL: discards them); returns the count. */
size_t rs_read(rstream *s, void *dst, size_t n);
/* Appends n bytes (or up to the end) to b; returns the count. */
size_t rs_read_buf(rstream *s, buf *b, size_t n);
/* Appends one line with its '\n' to b; returns 0 at the end of stream
 * when nothing was appended.  max bounds the line (0: no bound); a
 * longer line is cut there and *cut is set when cut is not NULL. */
int rs_getline(rstream *s, buf *b, size_t max, int *cut);
/* Appends everything that is left. */
void rs_read_all(rstream *s, buf *b);
/* Puts n bytes back in front of the stream (they are read again next). */
void rs_unread(rstream *s, const void *p, size_t n);

/* Inflates a whole gzip/zlib/raw-deflate block (an HTTP body) into out,
 * at most max bytes; returns 0, or -1 when the data is not deflate. */
int rd_inflate_mem(const unsigned char *p, size_t n, size_t max, buf *out);

typedef enum { RD_TXT, RD_JSONL, RD_HTML, RD_WARC } rd_fmt;

typedef struct rd_src {
	rd_fmt fmt;
	rstream s;
	char *path;   /* as given, for messages and doc->source */
	char *base;   /* file name without extensions, the id of txt/html */
	size_t line;  /* JSONL line number */
	int done;
	buf line_buf; /* JSONL line / WARC header scratch */
	buf tmp;
} rd_src;

/* Each fills d (already released) with the next document of src and
 * returns SL_OK, or SL_DONE when src is exhausted. */
int rd_txt_next(rd_src *src, doc *d, rd_warner *w);
int rd_jsonl_next(rd_src *src, doc *d, rd_warner *w);
/* 1 (the default): common JSONL lines skip jansson (jsonl.c); 0 sends
 * every line through jansson, for the fuzz harness to compare the two. */
extern int rd_jsonl_fast;
int rd_html_next(rd_src *src, doc *d, rd_warner *w);
int rd_warc_next(rd_src *src, doc *d, rd_warner *w);

/* Sets d->text/len/repaired from n raw bytes (utf8_clean). */
void rd_set_text(doc *d, const char *p, size_t n);

/* Normalises a date as found in metadata ("2022-03-05T10:00Z",
 * "2022/03/05", "20220305", "05.03.2022", "2022-03") to "YYYY-MM-DD" or
 * "YYYY-MM" in out (at least 11 bytes); returns 0, or -1 when s holds
 * no plausible date at its start. */
int rd_date_norm(const char *s, size_t n, char *out);

/* ASCII case-insensitive prefix test on a counted string. */
int rd_prefix_ci(const char *s, size_t n, const char *pre);

#endif
