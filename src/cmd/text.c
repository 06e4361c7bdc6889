/*
 * supplyline text [PATH ...]: for every document, one JSON line
 * {"doc", "lang", "date", "title", "text"} holding the text the extractor
 * reads (after the date header; for HTML, the main text the reader found).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../base/buf.h"
#include "../base/json.h"
#include "../extract/extract.h"
#include "../read/doc.h"
#include "cmd.h"

static void warn(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "supplyline text: warning: %s\n", msg);
}

int cmd_text(int argc, char **argv)
{
	const char **paths = xcalloc((size_t)argc + 1, sizeof *paths);
	size_t np = 0;
	const char *data = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			puts("usage: supplyline text [--data DIR] [PATH ...]\n\n"
			     "Prints, for every document, the cleaned text supplyline reads, as\n"
			     "one JSON line {\"doc\", \"lang\", \"date\", \"title\", \"text\"}.");
			free(paths);
			return 0;
		} else if (!strcmp(argv[i], "--data") && i + 1 < argc) {
			data = argv[++i];
		} else if (argv[i][0] == '-' && argv[i][1]) {
			cmd_error("text", "unknown option '%s'", argv[i]);
			free(paths);
			return 2;
		} else {
			paths[np++] = argv[i];
		}
	}
	if (!np)
		paths[np++] = "-";
	sl_err e = { "" };
	extractor *x = ext_new(data ? data : cmd_datadir(), &e);
	if (!x) {
		cmd_error("text", "%s", e.msg);
		free(paths);
		return 2;
	}
	reader *r = reader_new(paths, np, warn, NULL);
	doc *d;
	int rc;
	buf out = BUF_INIT;
	while ((rc = reader_next(r, &d, &e)) == SL_OK) {
		buf_reset(&out);
		buf_adds(&out, "{\"doc\": ");
		json_cstr(&out, d->id);
		buf_adds(&out, ", \"lang\": ");
		json_cstr(&out, ext_lang(x, d));
		buf_adds(&out, ", \"date\": ");
		json_cstr(&out, d->date);
		buf_adds(&out, ", \"title\": ");
		json_cstr(&out, d->title);
		buf_adds(&out, ", \"text\": ");
		json_str(&out, d->text + d->body, d->len - d->body);
		buf_adds(&out, "}\n");
		fwrite(out.p, 1, out.len, stdout);
	}
	buf_release(&out);
	int status = 0;
	if (rc < 0) {
		cmd_error("text", "%s", e.msg);
		status = 2;
	} else if (reader_warnings(r)) {
		status = 1;
	}
	reader_free(r);
	ext_free(x);
	free(paths);
	return status;
}
