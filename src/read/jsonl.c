/*
 * jsonl: one document a line, {"id", "text", "date"?, "url"?, "lang"?,
 * "title"?}.  A broken line is a warning naming file and line and is
 * skipped, so one bad line does not cost the rest of a shard.  Lines are
 * read into a growable buffer: a 100 MB article is one line too.
 *
 * jansson refuses invalid UTF-8, so the line is cleaned first (the
 * replacements count as the document's repairs); "\u0000" is let
 * through by jansson and replaced when the text is cleaned again.  The
 * hand scanner below checks the UTF-8 of the strings it reads itself, so
 * a line it accepts as it came needs no cleaned copy (most lines).
 *
 * Speed: jansson builds a tree of allocated values for every line and
 * copies each string into it, which was a sixth of extraction time on a
 * crawl.  So the common line (a flat object whose values are all strings
 * with the standard escapes, no key twice) is read by the hand scanner
 * below straight into the document's strings; anything else it has not
 * checked (numbers, null, nested values, surrogate escapes, escaped keys,
 * control characters, a broken line) goes to jansson as before, so errors
 * and unusual lines behave exactly as jansson says.
 */
#include "read_int.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "../base/swar.h"
#include "../base/utf8.h"

int rd_jsonl_fast = 1;

/* The keys the reader looks at, in fast_field order. */
enum { F_ID, F_TEXT, F_URL, F_LANG, F_TITLE, F_DATE, F_N };
static const char *const fkey[F_N] = { "id", "text", "url", "lang", "title", "date" };

typedef struct fspan {
	const char *p; /* the string's bytes between the quotes, still escaped */
	size_t n;
	int esc;       /* holds a backslash */
} fspan;

static const char *skip_ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The \uXXXX at p (after the 'u', 4 bytes available) or -1. */
static long hex4(const char *p)
{
	long v = 0;
	for (int i = 0; i < 4; i++) {
		int h = hexval(p[i]);
		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

/* Scans the string whose opening quote is at p[-1]: sets *sp and returns
 * the byte after the closing quote, or NULL for what jansson must judge
 * (a control byte, an escape other than the standard ones or a surrogate,
 * the end of the line) or for utf8_clean (a byte sequence it would
 * replace).  A line all of whose strings pass is valid UTF-8 without NUL,
 * as utf8_clean would leave it. */
/* 8 bytes at a time: whether any is '"', '\\', below 0x20 or from 0x80
 * (x itself has the top bit of those last ones, stopping on the lead byte
 * of a sequence to check).  When no byte is from 0x80 or below 0x20,
 * x - 0x20 borrows nowhere and (x ^ '"') - 1 and (x ^ '\\') - 1 set a top
 * bit only where the xor is zero, so the usual "& ~x" terms are not
 * needed: any other top bit comes with a byte that stops anyway. */
static int word_stops(uint64_t x)
{
	uint64_t q = (x ^ (SWAR_ONES * '"')) - SWAR_ONES, b = (x ^ (SWAR_ONES * '\\')) - SWAR_ONES;
	return ((x | (x - SWAR_ONES * 0x20) | q | b) & SWAR_HIGH) != 0;
}

#ifdef __SSE2__
/* With SSE2 (every x86-64), sixteen bytes at a time: one signed compare
 * finds the bytes below 0x20 and those from 0x80 (negative) at once.  A
 * chunk whose bytes from 0x80 are all two-byte sequences (the letters of
 * Latin, Greek and Cyrillic: lead bytes C2..DF each followed by one
 * continuation byte 80..BF, none cut at the chunk's end) passes as a
 * whole too, as utf8_seq would pass them one by one. */
#include <emmintrin.h>
static inline const char *plain_run(const char *p, const char *end)
{
	const __m128i quote = _mm_set1_epi8('"'), bsl = _mm_set1_epi8('\\');
	const __m128i space = _mm_set1_epi8(0x20);
	const __m128i lead_lo = _mm_set1_epi8((char)0xC1), lead_hi = _mm_set1_epi8((char)0xE0);
	const __m128i cont_hi = _mm_set1_epi8((char)0xC0);
	while (end - p >= 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i qb = _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, bsl));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(qb, _mm_cmplt_epi8(x, space)));
		if (m) {
			/* signed: leads are -63..-33, continuations -128..-65 */
			unsigned high = (unsigned)_mm_movemask_epi8(x);
			unsigned lead = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(x, lead_lo),
			                                                          _mm_cmplt_epi8(x, lead_hi)));
			unsigned cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(x, cont_hi));
			if (m != high || cont != ((lead << 1) & 0xFFFF) || (lead & 0x8000) ||
			    (lead | cont) != high)
				return p + __builtin_ctz(m);
		}
		p += 16;
	}
	while (end - p >= 8 && !word_stops(swar_load8(p)))
		p += 8;
	return p;
}
#else
static inline const char *plain_run(const char *p, const char *end)
{
	while (end - p >= 8 && !word_stops(swar_load8(p)))
		p += 8;
	return p;
}
#endif

static const char *scan_str(const char *p, const char *end, fspan *sp)
{
	sp->p = p;
	sp->esc = 0;
	for (;;) {
		/* runs of plain bytes, many at a time */
		p = plain_run(p, end);
		if (p >= end)
			return NULL;
		unsigned char c = (unsigned char)*p;
		if (c == '"')
			break;
		if (c < 0x20)
			return NULL;
		if (c >= 0x80) {
			/* the two-byte sequences (Latin, Greek, Cyrillic letters)
			 * checked inline, as utf8_seq would */
			if (c >= 0xC2 && c <= 0xDF && end - p >= 2 && (p[1] & 0xC0) == 0x80) {
				p += 2;
				continue;
			}
			size_t want, len = utf8_seq((const unsigned char *)p, (size_t)(end - p), &want);
			if (!len)
				return NULL;
			p += len;
			continue;
		}
		if (c == '\\') {
			if (p + 1 >= end)
				return NULL;
			sp->esc = 1;
			char e = p[1];
			if (e == 'u') {
				if (end - p < 6)
					return NULL;
				long v = hex4(p + 2);
				if (v < 0 || (v >= 0xD800 && v <= 0xDFFF))
					return NULL;
				p += 6;
				continue;
			}
			if (!e || !strchr("\"\\/bfnrt", e))
				return NULL;
			p += 2;
			continue;
		}
		p++;
	}
	sp->n = (size_t)(p - sp->p);
	return p + 1;
}

/* Reads a line [p, end) that is one object of string values with no key
 * twice into f (zeroed spans for absent keys); returns 0, or -1 when the
 * line is for jansson. */
static int fast_object(const char *p, const char *end, fspan *f)
{
	memset(f, 0, F_N * sizeof *f);
	p = skip_ws(p, end);
	if (p >= end || *p != '{')
		return -1;
	p = skip_ws(p + 1, end);
	if (p < end && *p == '}')
		return -1; /* no keys: jansson says what is missing */
	for (;;) {
		fspan k, v;
		if (p >= end || *p != '"' || !(p = scan_str(p + 1, end, &k)) || k.esc)
			return -1;
		p = skip_ws(p, end);
		if (p >= end || *p != ':')
			return -1;
		p = skip_ws(p + 1, end);
		if (p >= end || *p != '"' || !(p = scan_str(p + 1, end, &v)))
			return -1;
		for (int i = 0; i < F_N; i++) {
			if (strlen(fkey[i]) == k.n && !memcmp(fkey[i], k.p, k.n)) {
				if (f[i].p)
					return -1; /* jansson keeps the last: let it */
				f[i] = v;
				break;
			}
		}
		p = skip_ws(p, end);
		if (p < end && *p == ',') {
			p = skip_ws(p + 1, end);
			continue;
		}
		if (p < end && *p == '}')
			break;
		return -1;
	}
	return skip_ws(p + 1, end) == end ? 0 : -1;
}

/* Appends the decoded string of s to b, as jansson would hand it (a
 * "\u0000" gives a NUL byte); returns the number of NUL bytes. */
static size_t unescape(buf *b, const fspan *s)
{
	if (!s->esc) {
		buf_add(b, s->p, s->n);
		return 0;
	}
	size_t nul = 0;
	const char *p = s->p, *end = s->p + s->n;
	/* Every escape decodes to fewer bytes than it has (\uXXXX to three at
	 * most), so this room is enough: the runs between escapes and the
	 * escaped bytes are written straight in, without buf_add's test and
	 * call for each (a text has an escaped line break every few lines). */
	buf_grow(b, s->n);
	char *o = b->p + b->len;
	while (p < end) {
		const char *q = memchr(p, '\\', (size_t)(end - p));
		size_t run = q ? (size_t)(q - p) : (size_t)(end - p);
		memcpy(o, p, run);
		o += run;
		if (!q)
			break;
		char e = q[1];
		p = q + 2;
		switch (e) {
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u': {
			long v = hex4(p);
			p += 4;
			nul += v == 0;
			b->len = (size_t)(o - b->p);
			utf8_encode(b, (int32_t)v);
			o = b->p + b->len;
			break;
		}
		default: *o++ = e; break; /* " \ / */
		}
	}
	b->len = (size_t)(o - b->p);
	*o = '\0';
	return nul;
}

/* A decoded field as an owned string, NULs replaced as utf8_clean does
 * (counted in *repaired when that is not NULL); NULL when absent or,
 * with opt, empty. */
static char *fast_str(const fspan *s, int opt, size_t *len, size_t *repaired)
{
	if (!s->p || (opt && !s->n))
		return NULL;
	buf b = BUF_INIT;
	buf_grow(&b, s->n + 1); /* own the memory even when empty */
	if (unescape(&b, s)) {
		buf c = BUF_INIT;
		size_t bad = utf8_clean(&c, b.p, b.len);
		if (repaired)
			*repaired += bad;
		buf_release(&b);
		if (!c.cap)
			buf_grow(&c, 1);
		b = c;
	}
	return buf_detach(&b, len);
}

/* Fills d from a line fast_object accepted: what the jansson path below
 * does with the same values. */
static void fast_doc(doc *d, const fspan *f, size_t repaired)
{
	d->id = fast_str(&f[F_ID], 0, NULL, NULL);
	d->repaired = repaired;
	free(d->text);
	d->text = fast_str(&f[F_TEXT], 0, &d->len, &d->repaired);
	d->url = fast_str(&f[F_URL], 1, NULL, NULL);
	d->lang = fast_str(&f[F_LANG], 1, NULL, NULL);
	d->title = fast_str(&f[F_TITLE], 1, NULL, NULL);
	doc_parse_header(d);
	if (!d->date && f[F_DATE].p) {
		buf dv = BUF_INIT; /* raw, NULs kept, as jansson gives it */
		unescape(&dv, &f[F_DATE]);
		char norm[16];
		if (rd_date_norm(dv.p, dv.len, norm) == 0)
			d->date = xstrdup(norm);
		else if (dv.len == 4 && strspn(dv.p, "0123456789") == 4)
			d->date = xstrdup(dv.p);
		buf_release(&dv);
	}
}

/* Whether the hand scanner takes the line [p, end) into f. */
static int fast_line(const char *p, const char *end, fspan *f)
{
	return rd_jsonl_fast && fast_object(p, end, f) == 0 && f[F_ID].p && f[F_TEXT].p;
}

static char *opt_str(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	if (!json_is_string(v) || json_string_length(v) == 0)
		return NULL;
	buf b = BUF_INIT;
	utf8_clean(&b, json_string_value(v), json_string_length(v));
	return buf_detach(&b, NULL);
}

static int blank(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n')
			return 0;
	return 1;
}

int rd_jsonl_next(rd_src *src, doc *d, rd_warner *w)
{
	buf *line = &src->line_buf;
	for (;;) {
		buf_reset(line);
		if (!rs_getline(&src->s, line, 0, NULL))
			return SL_DONE;
		src->line++;
		if (blank(line->p, line->len))
			continue;
		size_t skip = 0;
		if (src->line == 1 && line->len >= 3 && !memcmp(line->p, "\xEF\xBB\xBF", 3))
			skip = 3; /* a BOM is no part of the first object */
		fspan f[F_N];
		size_t repaired = 0;
		int fast = fast_line(line->p + skip, line->p + line->len, f);
		if (!fast) {
			buf_reset(&src->tmp);
			repaired = utf8_clean(&src->tmp, line->p + skip, line->len - skip);
			/* with no repair the cleaned line is the one just refused */
			fast = repaired && fast_line(src->tmp.p, src->tmp.p + src->tmp.len, f);
		}
		if (fast) {
			fast_doc(d, f, repaired);
			d->line = src->line;
			goto done;
		}
		json_error_t jerr;
		json_t *o = json_loadb(src->tmp.p, src->tmp.len, JSON_ALLOW_NUL, &jerr);
		const char *why = NULL;
		char whybuf[200];
		json_t *id = NULL, *text = NULL;
		if (!o) {
			snprintf(whybuf, sizeof whybuf, "invalid JSON: %s", jerr.text);
			why = whybuf;
		} else if (!json_is_object(o)) {
			why = "not a JSON object";
		} else if (!(id = json_object_get(o, "id"))) {
			why = "missing \"id\"";
		} else if (!json_is_string(id) && !json_is_number(id)) {
			why = "\"id\" is not a string";
		} else if (!(text = json_object_get(o, "text"))) {
			why = "missing \"text\"";
		} else if (!json_is_string(text)) {
			why = "\"text\" is not a string";
		}
		if (why) {
			rd_warn(w, "%s:%zu: %s", src->path, src->line, why);
			json_decref(o);
			continue;
		}
		if (json_is_string(id)) {
			buf b = BUF_INIT;
			utf8_clean(&b, json_string_value(id), json_string_length(id));
			d->id = buf_detach(&b, NULL);
		} else {
			char num[64];
			if (json_is_integer(id))
				snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
			else
				snprintf(num, sizeof num, "%.17g", json_real_value(id));
			d->id = xstrdup(num);
		}
		d->repaired = repaired;
		rd_set_text(d, json_string_value(text), json_string_length(text));
		d->url = opt_str(o, "url");
		d->lang = opt_str(o, "lang");
		d->title = opt_str(o, "title");
		d->line = src->line;
		doc_parse_header(d);
		if (!d->date) {
			json_t *dv = json_object_get(o, "date");
			char norm[16];
			if (json_is_string(dv) &&
			    rd_date_norm(json_string_value(dv), json_string_length(dv), norm) == 0)
				d->date = xstrdup(norm);
			else if (json_is_string(dv) && json_string_length(dv) == 4 &&
			         strspn(json_string_value(dv), "0123456789") == 4)
				d->date = xstrdup(json_string_value(dv));
		}
		json_decref(o);
	done:
		if (src->tmp.cap > RD_BUFSZ * 16)
			buf_release(&src->tmp); /* do not keep a 100 MB line around */
		if (line->cap > RD_BUFSZ * 16)
			buf_release(line);
		return SL_OK;
	}
}
