/*
 * fuzz_token: libFuzzer target for the tokenizer's fast path and the
 * language vote's table.  The input (made valid UTF-8, as the readers
 * make every document) is tokenized twice, with tok_ascii_fast on and
 * off: the one-pass word scanner must give exactly the tokens of the
 * general loop, offsets, flags, folded forms and hashes alike.  The first
 * input byte picks where the scan starts, so that the document-relative
 * offsets and the "-raketten" test at the start of the range are
 * exercised too.  Then lang_guess must give the same language with its
 * table of stop words ($SL_DATA/stopwords.tsv, default "data") as with
 * the trie, over all the tokens and over their first half.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/utf8.h"
#include "text/fold.h"
#include "text/lang.h"
#include "text/token.h"
#include "fuzz_data.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void scan(tok_list *tl, int fast, const char *text, size_t from, size_t to)
{
	tok_ascii_fast = fast;
	tok_list_reset(tl);
	tok_scan(tl, text, from, to, 7 + from);
	tok_ascii_fast = 1;
}

static void same(const tok_list *a, const tok_list *b)
{
	if (a->n != b->n)
		abort();
	for (size_t i = 0; i < a->n; i++) {
		const token *x = &a->v[i], *y = &b->v[i];
		if (x->start != y->start || x->end != y->end || x->cp != y->cp ||
		    x->flags != y->flags || x->flen != y->flen || x->hash != y->hash ||
		    memcmp(tok_fold(a, x), tok_fold(b, y), x->flen + 1) ||
		    x->hash != tok_hash(tok_fold(a, x), x->flen) ||
		    !(x->flags & TOK_FOLDSPACE) != !memchr(tok_fold(a, x), ' ', x->flen))
			abort();
	}
	if (a->arena.p[a->arena.len] || b->arena.p[b->arena.len])
		abort();
}

static void same_lang(const lang_model *m, const tok_list *tl, size_t to)
{
	lang_table = 0;
	int trie = lang_guess(m, tl, 0, to);
	lang_table = 1;
	if (lang_guess(m, tl, 0, to) != trie)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static tok_list fast, slow;
	static lang_model *langs;
	if (!langs) {
		fold_init();
		tok_list_init(&fast);
		tok_list_init(&slow);
		sl_err e = { "" };
		char path[4096];
		langs = fuzz_loaded(lang_load(fuzz_data_file(path, sizeof path, "stopwords.tsv"), &e),
		                    "fuzz_token", &e);
	}
	if (!size)
		return 0;
	buf text = BUF_INIT;
	utf8_clean(&text, (const char *)data + 1, size - 1);
	/* a start on a code point boundary */
	size_t from = text.len ? data[0] % (text.len + 1) : 0;
	while (from < text.len && ((unsigned char)text.p[from] & 0xC0) == 0x80)
		from++;
	scan(&fast, 1, text.p, from, text.len);
	scan(&slow, 0, text.p, from, text.len);
	same(&fast, &slow);
	same_lang(langs, &fast, fast.n);
	same_lang(langs, &fast, fast.n / 2);
	buf_release(&text);
	return 0;
}
