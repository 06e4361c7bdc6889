/*
 * warc: WARC/1.0 and 1.1 files (plain or .warc.gz), one document per
 * HTML response.
 *
 * Records are read one at a time: header lines, then Content-Length
 * bytes of block, then the CRLF CRLF that ends a record, so memory is
 * bounded by the largest record (blocks over BLOCK_MAX are skipped as
 * they stream by).  A record whose declared length does not land on the
 * next "WARC/" line (a truncated crawl, a bad writer) is reported with
 * its offset in the uncompressed stream and the reader resynchronises
 * on the next line that starts with "WARC/1.", scanning the bad block
 * again, since a length that was too long has swallowed the records
 * after it.
 *
 * The HTTP payload of a response is unwrapped here (status, chunked
 * transfer encoding, gzip/deflate content encoding; crawlers that
 * already decoded the body but kept the header are recognised by
 * looking at the bytes) and handed to html_extract_doc with the charset
 * of the Content-Type header.
 */
#include "html.h"
#include "read_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_MAX   ((size_t)64 << 20)  /* larger records are skipped */
#define HEADER_MAX  ((size_t)1 << 20)
#define LINE_MAX_   8192

typedef struct warc_rec {
	char type[32];
	char ctype[128];
	char date[16];
	char *uri;
	long long len;     /* -1: no Content-Length */
} warc_rec;

static void trim(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t'))
		(*s)++, (*n)--;
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r' ||
	              (*s)[*n - 1] == '\n'))
		(*n)--;
}

static void copy_field(char *dst, size_t cap, const char *s, size_t n)
{
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

/* Splits "Name: value"; returns 0 for a line without a colon. */
static int header_line(const char *p, size_t n, const char **name, size_t *nn,
                       const char **val, size_t *vn)
{
	const char *colon = memchr(p, ':', n);
	if (!colon)
		return 0;
	*name = p;
	*nn = (size_t)(colon - p);
	*val = colon + 1;
	*vn = n - *nn - 1;
	trim(name, nn);
	trim(val, vn);
	return 1;
}

static int name_is(const char *s, size_t n, const char *want)
{
	return n == strlen(want) && rd_prefix_ci(s, n, want);
}

/* Reads lines until one starts with "WARC/1." and puts it back. */
static void resync(rd_src *src)
{
	buf *l = &src->tmp;
	int at_start = 1;
	for (;;) {
		buf_reset(l);
		int cut = 0;
		if (!rs_getline(&src->s, l, LINE_MAX_, &cut)) {
			src->done = 1;
			return;
		}
		if (at_start && l->len >= 7 && memcmp(l->p, "WARC/1.", 7) == 0) {
			rs_unread(&src->s, l->p, l->len);
			return;
		}
		at_start = !cut && l->len && l->p[l->len - 1] == '\n';
	}
}

/* Reads the header of the record at the current offset into r.
 * Returns 1, 0 at a clean end of file, -1 after a warning. */
static int read_header(rd_src *src, warc_rec *r, unsigned long long off, rd_warner *w)
{
	buf *l = &src->line_buf;
	int cut;
	memset(r, 0, sizeof *r);
	r->len = -1;
	buf_reset(l);
	if (!rs_getline(&src->s, l, LINE_MAX_, &cut))
		return 0;
	if (l->len < 7 || memcmp(l->p, "WARC/1.", 7) != 0) {
		rd_warn(w, "%s: record at byte offset %llu: no WARC/1.x version line", src->path, off);
		return -1;
	}
	size_t total = l->len;
	for (;;) {
		buf_reset(l);
		if (!rs_getline(&src->s, l, LINE_MAX_, &cut)) {
			rd_warn(w, "%s: record at byte offset %llu: truncated header", src->path, off);
			free(r->uri);
			r->uri = NULL;
			src->done = 1;
			return -1;
		}
		total += l->len;
		if (total > HEADER_MAX) {
			rd_warn(w, "%s: record at byte offset %llu: header too long", src->path, off);
			free(r->uri);
			r->uri = NULL;
			return -1;
		}
		if ((l->len == 2 && l->p[0] == '\r') || (l->len == 1 && l->p[0] == '\n'))
			return 1;
		const char *name, *val;
		size_t nn, vn;
		if (!header_line(l->p, l->len, &name, &nn, &val, &vn))
			continue;
		if (name_is(name, nn, "WARC-Type")) {
			copy_field(r->type, sizeof r->type, val, vn);
		} else if (name_is(name, nn, "Content-Type")) {
			copy_field(r->ctype, sizeof r->ctype, val, vn);
		} else if (name_is(name, nn, "WARC-Date")) {
			copy_field(r->date, sizeof r->date, val, vn);
		} else if (name_is(name, nn, "WARC-Target-URI")) {
			if (vn >= 2 && val[0] == '<' && val[vn - 1] == '>')
				val++, vn -= 2; /* the WARC/1.0 spec's own example */
			free(r->uri);
			r->uri = xstrndup(val, vn);
		} else if (name_is(name, nn, "Content-Length")) {
			long long v = 0;
			size_t i = 0;
			for (; i < vn && val[i] >= '0' && val[i] <= '9' && v < (1LL << 50); i++)
				v = v * 10 + (val[i] - '0');
			r->len = (i == vn && vn) ? v : -1;
		}
	}
}

/* After the block: optional CR/LF (the standard's CRLF CRLF), then the
 * next record or the end.  Consumes the line breaks when it fits. */
static int record_end_ok(rd_src *src)
{
	const unsigned char *p;
	size_t n = rs_peek(&src->s, 4 + 5, &p), i = 0;
	while (i < n && i < 4 && (p[i] == '\r' || p[i] == '\n'))
		i++;
	if (i == n || (n - i >= 5 && memcmp(p + i, "WARC/", 5) == 0)) {
		rs_read(&src->s, NULL, i);
		return 1;
	}
	return 0;
}

/* ---- HTTP payload ----------------------------------------------------- */

static int looks_chunked(const char *p, size_t n)
{
	size_t i = 0;
	while (i < n && i < 16 && ((p[i] >= '0' && p[i] <= '9') || (p[i] >= 'a' && p[i] <= 'f') ||
	                           (p[i] >= 'A' && p[i] <= 'F')))
		i++;
	if (!i || i == 16)
		return 0;
	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	return i < n && (p[i] == '\r' || p[i] == '\n' || p[i] == ';');
}

/* Undoes chunked transfer encoding; a cut body keeps what arrived. */
static void dechunk(const char *p, size_t n, buf *out)
{
	size_t i = 0;
	while (i < n) {
		unsigned long long sz = 0;
		size_t k = 0;
		while (i < n && k < 16) {
			char ch = p[i];
			int v = (ch >= '0' && ch <= '9') ? ch - '0' : (ch >= 'a' && ch <= 'f') ? ch - 'a' + 10
			      : (ch >= 'A' && ch <= 'F') ? ch - 'A' + 10 : -1;
			if (v < 0)
				break;
			sz = sz * 16 + (unsigned)v;
			i++;
			k++;
		}
		if (!k)
			return;
		const char *nl = memchr(p + i, '\n', n - i);
		if (!nl)
			return;
		i = (size_t)(nl - p) + 1;
		if (sz == 0)
			return;
		if (sz > n - i)
			sz = n - i;
		buf_add(out, p + i, (size_t)sz);
		i += (size_t)sz;
		if (i < n && p[i] == '\r')
			i++;
		if (i < n && p[i] == '\n')
			i++;
	}
}

static int is_html_type(const char *v, size_t n)
{
	return rd_prefix_ci(v, n, "text/html") || rd_prefix_ci(v, n, "application/xhtml+xml");
}

/* Turns one response block into a document; returns 1 for a document,
 * 0 when the response is not a successful HTML page. */
static int http_doc(rd_src *src, const warc_rec *r, const char *blk, size_t n,
                    unsigned long long off, doc *d, rd_warner *w)
{
	if (n < 12 || memcmp(blk, "HTTP/", 5) != 0)
		return 0;
	const char *sp = memchr(blk, ' ', n < 64 ? n : 64);
	if (!sp || sp + 4 > blk + n || sp[1] != '2' || sp[2] < '0' || sp[2] > '9' ||
	    sp[3] < '0' || sp[3] > '9')
		return 0;
	/* end of the HTTP header */
	size_t hend = 0, body = 0;
	for (size_t i = 0; i + 1 < n; i++) {
		if (blk[i] == '\n' && blk[i + 1] == '\n') {
			hend = i;
			body = i + 2;
			break;
		}
		if (blk[i] == '\n' && i + 2 < n && blk[i + 1] == '\r' && blk[i + 2] == '\n') {
			hend = i;
			body = i + 3;
			break;
		}
	}
	if (!body)
		return 0;
	char ctype[256] = "", tenc[64] = "", cenc[64] = "";
	const char *p = memchr(blk, '\n', hend);
	while (p && p < blk + hend) {
		p++;
		const char *e = memchr(p, '\n', (size_t)(blk + hend - p));
		size_t ln = e ? (size_t)(e - p) : (size_t)(blk + hend - p);
		const char *name, *val;
		size_t nn, vn;
		if (header_line(p, ln, &name, &nn, &val, &vn)) {
			if (name_is(name, nn, "Content-Type"))
				copy_field(ctype, sizeof ctype, val, vn);
			else if (name_is(name, nn, "Transfer-Encoding"))
				copy_field(tenc, sizeof tenc, val, vn);
			else if (name_is(name, nn, "Content-Encoding"))
				copy_field(cenc, sizeof cenc, val, vn);
		}
		p = e;
	}
	if (!is_html_type(ctype, strlen(ctype)))
		return 0;
	const char *b = blk + body;
	size_t bn = n - body;
	buf chunked = BUF_INIT, inflated = BUF_INIT;
	if (rd_prefix_ci(tenc, strlen(tenc), "chunked") && looks_chunked(b, bn)) {
		dechunk(b, bn, &chunked);
		b = chunked.p;
		bn = chunked.len;
	}
	size_t cl = strlen(cenc);
	if (cl && !rd_prefix_ci(cenc, cl, "identity")) {
		int gz = rd_prefix_ci(cenc, cl, "gzip") || rd_prefix_ci(cenc, cl, "x-gzip");
		int defl = rd_prefix_ci(cenc, cl, "deflate");
		const unsigned char *u = (const unsigned char *)b;
		int magic = bn >= 2 && u[0] == 0x1f && u[1] == 0x8b;
		if ((gz || defl || magic) && (magic || defl)) {
			if (rd_inflate_mem(u, bn, BLOCK_MAX, &inflated) == 0) {
				b = inflated.p;
				bn = inflated.len;
			} else {
				rd_warn(w, "%s: record at byte offset %llu: cannot decode %s body",
				        src->path, off, cenc);
				buf_release(&chunked);
				buf_release(&inflated);
				return 0;
			}
		} else if (!gz) {
			/* br, zstd, ...: no decoder here; the bytes are not text */
			size_t i = 0;
			while (i < bn && i < 64 && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t'))
				i++;
			if (i == bn || b[i] != '<') {
				rd_warn(w, "%s: record at byte offset %llu: unsupported Content-Encoding %s",
				        src->path, off, cenc);
				buf_release(&chunked);
				buf_release(&inflated);
				return 0;
			}
		}
	}
	const char *uri = r->uri && *r->uri ? r->uri : NULL;
	if (uri) {
		d->id = xstrdup(uri);
		d->url = xstrdup(uri);
	} else {
		char id[64];
		snprintf(id, sizeof id, "@%llu", off);
		buf t = BUF_INIT;
		buf_adds(&t, src->base);
		buf_adds(&t, id);
		d->id = buf_detach(&t, NULL);
	}
	char norm[16];
	if (r->date[0] && rd_date_norm(r->date, strlen(r->date), norm) == 0)
		d->date = xstrdup(norm);
	html_extract_doc(b, bn, ctype, d);
	buf_release(&chunked);
	buf_release(&inflated);
	return 1;
}

int rd_warc_next(rd_src *src, doc *d, rd_warner *w)
{
	buf blk = BUF_INIT;
	while (!src->done) {
		/* tolerate stray line breaks between records */
		const unsigned char *p;
		size_t k;
		while ((k = rs_peek(&src->s, 1, &p)) && (p[0] == '\r' || p[0] == '\n'))
			rs_read(&src->s, NULL, 1);
		if (!k)
			break;
		unsigned long long off = (unsigned long long)src->s.off;
		warc_rec r;
		int rc = read_header(src, &r, off, w);
		if (rc == 0)
			break;
		if (rc < 0) {
			if (!src->done)
				resync(src);
			continue;
		}
		if (r.len < 0) {
			rd_warn(w, "%s: record at byte offset %llu: no valid Content-Length", src->path, off);
			free(r.uri);
			resync(src);
			continue;
		}
		size_t len = (size_t)r.len;
		int keep = len <= BLOCK_MAX;
		buf_reset(&blk);
		size_t got = keep ? rs_read_buf(&src->s, &blk, len) : rs_read(&src->s, NULL, len);
		if (got < len || !record_end_ok(src)) {
			if (got < len)
				rd_warn(w, "%s: record at byte offset %llu: truncated: Content-Length %llu, "
				        "%llu bytes left", src->path, off, (unsigned long long)len,
				        (unsigned long long)got);
			else
				rd_warn(w, "%s: record at byte offset %llu: Content-Length %llu does not end "
				        "at the next record", src->path, off, (unsigned long long)len);
			free(r.uri);
			if (keep)
				rs_unread(&src->s, blk.p, blk.len);
			resync(src);
			continue;
		}
		int is_resp = !strcasecmp(r.type, "response") &&
		              rd_prefix_ci(r.ctype, strlen(r.ctype), "application/http");
		int made = keep && is_resp && http_doc(src, &r, blk.p, blk.len, off, d, w);
		free(r.uri);
		if (made) {
			buf_release(&blk);
			return SL_OK;
		}
		doc_release(d);
		if (blk.cap > RD_BUFSZ * 16)
			buf_release(&blk);
	}
	buf_release(&blk);
	return SL_DONE;
}
