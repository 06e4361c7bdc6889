/*
 * stream: the buffered, gzip-transparent byte stream under every reader
 * (see read_int.h).  Decoded bytes live in one buffer [opos, olen); peeks
 * compact it so callers get contiguous bytes.  Gzip is inflated with
 * fixed buffers, member by member, so a multi-gigabyte .warc.gz costs
 * 512 KiB of memory; at the end of a member inflate is reset when
 * another member follows.
 */
#include "read_int.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void rd_warn(rd_warner *w, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	w->count++;
	if (w->fn)
		w->fn(w->ctx, msg);
}

/* Reads raw bytes from the source; 0 at its end (errors are warned
 * about once and treated as the end). */
static size_t src_read(rstream *s, unsigned char *dst, size_t n)
{
	if (s->srceof)
		return 0;
	if (s->fd < 0) {
		size_t k = s->memlen - s->mempos;
		if (k > n)
			k = n;
		memcpy(dst, s->mem + s->mempos, k);
		s->mempos += k;
		if (!k)
			s->srceof = 1;
		s->rawoff += k;
		return k;
	}
	for (;;) {
		ssize_t k = read(s->fd, dst, n);
		if (k > 0) {
			s->rawoff += (uint64_t)k;
			return (size_t)k;
		}
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			rd_warn(s->w, "%s: read error at byte offset %llu: %s", s->name,
			        (unsigned long long)s->rawoff, strerror(errno));
		s->srceof = 1;
		return 0;
	}
}

static void ensure_out(rstream *s, size_t need)
{
	if (s->ocap >= need)
		return;
	size_t cap = s->ocap ? s->ocap : RD_BUFSZ;
	while (cap < need)
		cap *= 2;
	s->out = xrealloc(s->out, cap);
	s->ocap = cap;
}

static void open_common(rstream *s, const char *name, rd_warner *w)
{
	s->name = name;
	s->w = w;
	s->out = xmalloc(RD_BUFSZ);
	s->ocap = RD_BUFSZ;
	/* sniff: the first read goes to out; gzip moves it to raw */
	size_t got = 0;
	while (got < 2) {
		size_t k = src_read(s, s->out + got, RD_BUFSZ - got);
		if (!k)
			break;
		got += k;
	}
	if (got >= 2 && s->out[0] == 0x1f && s->out[1] == 0x8b) {
		s->raw = xmalloc(RD_BUFSZ);
		s->rawcap = RD_BUFSZ;
		memcpy(s->raw, s->out, got);
		memset(&s->z, 0, sizeof s->z);
		if (inflateInit2(&s->z, 15 + 16) != Z_OK) {
			rd_warn(w, "%s: cannot start gzip decoder", name);
			s->eof = 1;
			return;
		}
		s->zinit = 1;
		s->gz = 1;
		s->z.next_in = s->raw;
		s->z.avail_in = (uInt)got;
	} else {
		s->olen = got;
		if (!got)
			s->eof = 1;
	}
}

void rs_open_fd(rstream *s, int fd, int own_fd, const char *name, rd_warner *w)
{
	memset(s, 0, sizeof *s);
	s->fd = fd;
	s->own_fd = own_fd;
	open_common(s, name, w);
}

void rs_open_mem(rstream *s, const void *p, size_t n, const char *name, rd_warner *w)
{
	memset(s, 0, sizeof *s);
	s->fd = -1;
	s->mem = p;
	s->memlen = n;
	open_common(s, name, w);
}

void rs_close(rstream *s)
{
	if (s->zinit)
		inflateEnd(&s->z);
	if (s->own_fd && s->fd >= 0)
		close(s->fd);
	free(s->raw);
	free(s->out);
	memset(s, 0, sizeof *s);
	s->fd = -1;
}

/* Compressed offset of the next unread input byte, for messages. */
static unsigned long long gz_offset(const rstream *s)
{
	return (unsigned long long)(s->rawoff - s->z.avail_in);
}

/* Inflates into out[olen..ocap); returns bytes produced, 0 at the end. */
static size_t gz_fill(rstream *s)
{
	size_t before = s->olen;
	while (s->olen == before && !s->eof) {
		if (s->member_end) {
			/* another member follows only if gzip magic does */
			if (s->z.avail_in < 2) {
				memmove(s->raw, s->z.next_in, s->z.avail_in);
				size_t have = s->z.avail_in;
				size_t k = src_read(s, s->raw + have, s->rawcap - have);
				s->z.next_in = s->raw;
				s->z.avail_in = (uInt)(have + k);
			}
			if (s->z.avail_in == 0) {
				s->eof = 1;
				break;
			}
			if (s->z.avail_in < 2 || s->z.next_in[0] != 0x1f || s->z.next_in[1] != 0x8b) {
				/* zero padding after the last member is common */
				size_t i = 0;
				while (i < s->z.avail_in && s->z.next_in[i] == 0)
					i++;
				if (i < s->z.avail_in)
					rd_warn(s->w, "%s: trailing garbage after gzip data at byte offset %llu",
					        s->name, gz_offset(s));
				s->eof = 1;
				break;
			}
			inflateReset(&s->z);
			s->member_end = 0;
		}
		if (s->z.avail_in == 0) {
			size_t k = src_read(s, s->raw, s->rawcap);
			s->z.next_in = s->raw;
			s->z.avail_in = (uInt)k;
			if (!k) {
				rd_warn(s->w, "%s: truncated gzip data at byte offset %llu",
				        s->name, (unsigned long long)s->rawoff);
				s->eof = 1;
				break;
			}
		}
		s->z.next_out = s->out + s->olen;
		s->z.avail_out = (uInt)(s->ocap - s->olen);
		int rc = inflate(&s->z, Z_NO_FLUSH);
		s->olen = s->ocap - s->z.avail_out;
		if (rc == Z_STREAM_END) {
			s->member_end = 1;
		} else if (rc == Z_BUF_ERROR) {
			/* needs more input: loop reads it */
			if (s->z.avail_in != 0 && s->z.avail_out != 0) {
				rd_warn(s->w, "%s: corrupt gzip data at byte offset %llu", s->name, gz_offset(s));
				s->eof = 1;
			}
		} else if (rc != Z_OK) {
			rd_warn(s->w, "%s: corrupt gzip data at byte offset %llu: %s", s->name,
			        gz_offset(s), s->z.msg ? s->z.msg : "inflate failed");
			s->eof = 1;
		}
	}
	return s->olen - before;
}

/* Moves pending bytes to the front and appends more; returns the number
 * of new bytes (0 at the end of the stream). */
static size_t fill(rstream *s)
{
	if (s->eof)
		return 0;
	if (s->opos) {
		memmove(s->out, s->out + s->opos, s->olen - s->opos);
		s->olen -= s->opos;
		s->opos = 0;
	}
	if (s->olen == s->ocap)
		ensure_out(s, s->ocap * 2);
	if (s->gz)
		return gz_fill(s);
	size_t k = src_read(s, s->out + s->olen, s->ocap - s->olen);
	s->olen += k;
	if (!k)
		s->eof = 1;
	return k;
}

size_t rs_peek(rstream *s, size_t n, const unsigned char **p)
{
	while (s->olen - s->opos < n && fill(s))
		;
	*p = s->out + s->opos;
	size_t have = s->olen - s->opos;
	return have < n ? have : n;
}

size_t rs_read(rstream *s, void *dst, size_t n)
{
	size_t done = 0;
	while (done < n) {
		if (s->opos == s->olen && !fill(s))
			break;
		size_t k = s->olen - s->opos;
		if (k > n - done)
			k = n - done;
		if (dst)
			memcpy((char *)dst + done, s->out + s->opos, k);
		s->opos += k;
		done += k;
	}
	s->off += done;
	return done;
}

size_t rs_read_buf(rstream *s, buf *b, size_t n)
{
	size_t done = 0;
	while (done < n) {
		if (s->opos == s->olen && !fill(s))
			break;
		size_t k = s->olen - s->opos;
		if (k > n - done)
			k = n - done;
		buf_add(b, s->out + s->opos, k);
		s->opos += k;
		done += k;
	}
	s->off += done;
	return done;
}

int rs_getline(rstream *s, buf *b, size_t max, int *cut)
{
	size_t got = 0;
	if (cut)
		*cut = 0;
	for (;;) {
		if (s->opos == s->olen && !fill(s))
			return got > 0;
		const unsigned char *p = s->out + s->opos;
		size_t k = s->olen - s->opos;
		const unsigned char *nl = memchr(p, '\n', k);
		size_t take = nl ? (size_t)(nl - p) + 1 : k;
		if (max && got + take > max) {
			take = max - got;
			nl = NULL;
			if (cut)
				*cut = 1;
		}
		buf_add(b, p, take);
		s->opos += take;
		s->off += take;
		got += take;
		if (nl || (max && got >= max))
			return 1;
	}
}

void rs_read_all(rstream *s, buf *b)
{
	for (;;) {
		if (s->opos == s->olen && !fill(s))
			return;
		buf_add(b, s->out + s->opos, s->olen - s->opos);
		s->off += s->olen - s->opos;
		s->opos = s->olen;
	}
}

void rs_unread(rstream *s, const void *p, size_t n)
{
	if (!n)
		return;
	if (s->opos >= n) {
		s->opos -= n;
	} else {
		size_t pend = s->olen - s->opos;
		ensure_out(s, pend + n);
		memmove(s->out + n, s->out + s->opos, pend);
		s->opos = 0;
		s->olen = pend + n;
	}
	memmove(s->out + s->opos, p, n);
	s->off -= n;
}

int rd_inflate_mem(const unsigned char *p, size_t n, size_t max, buf *out)
{
	z_stream z;
	int wbits = (n >= 2 && p[0] == 0x1f && p[1] == 0x8b) ? 15 + 16
	          : (n >= 2 && (p[0] & 0x0f) == 8 && ((p[0] << 8) | p[1]) % 31 == 0) ? 15 : -15;
	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, wbits) != Z_OK)
		return -1;
	unsigned char chunk[65536];
	z.next_in = (unsigned char *)p;
	z.avail_in = (uInt)n;
	size_t start = out->len;
	int rc = Z_OK;
	while (rc == Z_OK && out->len - start < max) {
		z.next_out = chunk;
		z.avail_out = sizeof chunk;
		rc = inflate(&z, Z_NO_FLUSH);
		size_t k = sizeof chunk - z.avail_out;
		if (out->len - start + k > max)
			k = max - (out->len - start);
		buf_add(out, chunk, k);
		if (rc == Z_STREAM_END && z.avail_in >= 2 && wbits == 15 + 16 &&
		    z.next_in[0] == 0x1f && z.next_in[1] == 0x8b) {
			inflateReset(&z);
			rc = Z_OK;
		}
		if (rc == Z_BUF_ERROR && z.avail_in == 0)
			break; /* truncated body: keep what came out */
	}
	inflateEnd(&z);
	if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR && out->len == start)
		return -1;
	return 0;
}
