/*
 * txt: a plain-text file is one document, header included, so record
 * spans count from the first byte of the file as the corpus gives it.
 */
#include "read_int.h"

int rd_txt_next(rd_src *src, doc *d, rd_warner *w)
{
	(void)w;
	if (src->done)
		return SL_DONE;
	src->done = 1;
	buf_reset(&src->tmp);
	rs_read_all(&src->s, &src->tmp);
	rd_set_text(d, src->tmp.p, src->tmp.len);
	buf_release(&src->tmp);
	d->id = xstrdup(src->base);
	doc_parse_header(d);
	return SL_OK;
}
