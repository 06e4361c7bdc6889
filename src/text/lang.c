/* lang: the stop-word vote (see lang.h), on the lexicon engine's trie. */
#include "lang.h"

#include <stdlib.h>
#include <string.h>
#include "../base/buf.h"
#include "../base/tsv.h"
#include "../lex/lex.h"

struct lang_model {
	lex *words;
	const char *path;
};

static int word_line(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	lang_model *m = ctx;
	int lang = lex_lang_bit(f[0]);
	if (!lang || lang == LANG_ALL) {
		sl_err_set(e, "%s:%zu: unknown language '%s'", m->path, line, f[0]);
		return SL_EFORMAT;
	}
	if (lex_add(m->words, LEX_CUE, 0, lang, 0, f[1], f[0], NULL, NULL)) {
		sl_err_set(e, "%s:%zu: no word in '%s'", m->path, line, f[1]);
		return SL_EFORMAT;
	}
	return SL_OK;
}

lang_model *lang_load(const char *path, sl_err *e)
{
	lang_model *m = xcalloc(1, sizeof *m);
	m->words = lex_new();
	m->path = path;
	if (tsv_each(path, 2, word_line, m, e) != SL_OK) {
		lang_free(m);
		return NULL;
	}
	return m;
}

void lang_free(lang_model *m)
{
	if (!m)
		return;
	lex_free(m->words);
	free(m);
}

int lang_guess(const lang_model *m, const tok_list *tl, size_t from, size_t to)
{
	int score[4] = { 0, 0, 0, 0 };
	for (size_t i = from; i < to; i++) {
		if (!(tl->v[i].flags & TOK_WORD))
			continue;
		const lex_entry *e = lex_lookup_tok(m->words, LEX_CUE, tl, &tl->v[i], 0);
		if (!e)
			continue;
		for (int b = 0; b < 4; b++)
			if (e->lang & (1 << b))
				score[b]++;
	}
	int best = 1; /* en */
	for (int b = 0; b < 4; b++)
		if (score[b] > score[best])
			best = b;
	return 1 << best;
}

const char *lang_name(int bit)
{
	switch (bit) {
	case LANG_NL: return "nl";
	case LANG_DE: return "de";
	case LANG_FR: return "fr";
	default: return "en";
	}
}
