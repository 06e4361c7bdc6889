/*
 * jsonl: one document a line, {"id", "text", "date"?, "url"?, "lang"?,
 * "title"?}.  A broken line is a warning naming file and line and is
 * skipped, so one bad line does not cost the rest of a shard.  Lines are
 * read into a growable buffer: a 100 MB article is one line too.
 *
 * jansson refuses invalid UTF-8, so the line is cleaned first (the
 * replacements count as the document's repairs); "\u0000" is let
 * through by jansson and replaced when the text is cleaned again.
 */
#include "read_int.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include "../base/utf8.h"

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
		buf_reset(&src->tmp);
		size_t repaired = utf8_clean(&src->tmp, line->p + skip, line->len - skip);
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
		if (src->tmp.cap > RD_BUFSZ * 16)
			buf_release(&src->tmp); /* do not keep a 100 MB line around */
		if (line->cap > RD_BUFSZ * 16)
			buf_release(line);
		return SL_OK;
	}
}
