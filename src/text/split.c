/* split: the sentence splitter (see split.h); abbreviations are matched
 * with the lexicon engine so "o.a." and "U.S." fold like any other phrase. */
#include "split.h"

#include <stdlib.h>
#include <string.h>
#include "../base/buf.h"
#include "../base/tsv.h"
#include "../lex/lex.h"

enum { SPLIT_OPENER = 1 };   /* lex sub of a sentence opener */

struct split_rules {
	lex *abbr;
	const char *path;
};

static int abbr_line(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	split_rules *s = ctx;
	int lang = lex_lang_bit(f[0]);
	if (!lang) {
		sl_err_set(e, "%s:%zu: unknown language '%s'", s->path, line, f[0]);
		return SL_EFORMAT;
	}
	/* "~MM." matches only in that case: "155 mm." ends a sentence; a
	 * "^" marks a word that opens a sentence after a number's period */
	const char *form = f[1];
	int opener = form[0] == '^';
	if (opener)
		form++;
	int cased = lex_cased_form(&form);
	if (lex_add(s->abbr, LEX_CUE, opener ? SPLIT_OPENER : 0, lang, cased, form,
	            opener ? "opener" : "abbrev", NULL, NULL)) {
		sl_err_set(e, "%s:%zu: no word in '%s'", s->path, line, f[1]);
		return SL_EFORMAT;
	}
	return SL_OK;
}

split_rules *split_load(const char *path, sl_err *e)
{
	split_rules *s = xcalloc(1, sizeof *s);
	s->abbr = lex_new();
	s->path = path;
	if (tsv_each(path, 2, abbr_line, s, e) != SL_OK) {
		split_free(s);
		return NULL;
	}
	return s;
}

void split_free(split_rules *s)
{
	if (!s)
		return;
	lex_free(s->abbr);
	free(s);
}

static int is_end_punct(const tok_list *tl, const token *t)
{
	const char *f = tok_fold(tl, t);
	if (t->flen == 1)
		return f[0] == '.' || f[0] == '!' || f[0] == '?';
	return t->flen == 3 && !memcmp(f, "\xE2\x80\xA6", 3);
}

/* Does the period at token p close an abbreviation or an initial? */
static int closes_abbrev(const split_rules *s, int lang, const tok_list *tl, const char *text,
                         size_t from, size_t p)
{
	if (strcmp(tok_fold(tl, &tl->v[p]), "."))
		return 0;
	size_t w = p;
	while (w > from && !(tl->v[w].flags & (TOK_SPACE | TOK_NL)))
		w--;
	if (w == p)
		return 0;
	/* a single capital letter before the period: an initial ("J. Biden") */
	if (w + 1 == p && (tl->v[w].flags & TOK_CAP) && tl->v[w].end - tl->v[w].start == 1)
		return 1;
	lex_match m[LEX_NKINDS];
	lex_match_at(s->abbr, tl, text, w, p + 1, lang, m);
	return m[LEX_CUE].e && m[LEX_CUE].e->sub != SPLIT_OPENER &&
	       m[LEX_CUE].tok + m[LEX_CUE].ntok == p + 1;
}

/* Whether token j is a word that opens a sentence rather than follows
 * an ordinal ("Berlin liefert 14 Leopard 2. Die Bundesregierung ...",
 * not "am 3. März"). */
static int opens_sentence(const split_rules *s, int lang, const tok_list *tl, const char *text,
                          size_t j, size_t to)
{
	lex_match m[LEX_NKINDS];
	lex_match_at(s->abbr, tl, text, j, to, lang, m);
	return m[LEX_CUE].e && m[LEX_CUE].e->sub == SPLIT_OPENER && m[LEX_CUE].tok == j;
}

static void push(sentence **out, size_t *n, size_t *cap, size_t t0, size_t t1)
{
	if (t1 <= t0)
		return;
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*out = xrealloc(*out, *cap * sizeof **out);
	}
	(*out)[*n].t0 = t0;
	(*out)[*n].t1 = t1;
	(*n)++;
}

void split_sentences(const split_rules *s, int lang, const tok_list *tl, const char *text,
                     size_t from, size_t to, sentence **out, size_t *n, size_t *cap)
{
	if (from >= to)
		return;         /* no sentence (and tl->v may be NULL) */
	size_t start = from;
	/* a copy, which the calls below do not make the compiler load again
	 * for every token */
	const token *v = tl->v, *end = v + to;
	for (size_t i = from; i < to; i++) {
		/* most tokens are neither: passed over in a loop of their own */
		const token *t = &v[i];
		while (t < end && !(t->flags & (TOK_NL | TOK_PUNCT)))
			t++;
		if (t == end)
			break;
		i = (size_t)(t - v);
		if (i > start && (t->flags & TOK_NL)) {
			push(out, n, cap, start, i);
			start = i;
		}
		if (!(t->flags & TOK_PUNCT) || !is_end_punct(tl, t))
			continue;
		size_t j = i + 1;
		/* closing quotes and brackets belong to the sentence */
		while (j < to && (tl->v[j].flags & TOK_PUNCT) && !(tl->v[j].flags & (TOK_SPACE | TOK_NL)) &&
		       (is_end_punct(tl, &tl->v[j]) || (tl->v[j].flags & TOK_QUOTE) ||
		        !strcmp(tok_fold(tl, &tl->v[j]), ")")))
			j++;
		if (j >= to)
			break;
		const token *nx = &tl->v[j];
		if (!(nx->flags & (TOK_SPACE | TOK_NL)))
			continue;
		if (!(nx->flags & (TOK_CAP | TOK_NUM | TOK_QUOTE | TOK_NL)) &&
		    strcmp(tok_fold(tl, nx), "(") && strcmp(tok_fold(tl, nx), "-"))
			continue;
		if (closes_abbrev(s, lang, tl, text, start, i) && !(nx->flags & TOK_NL))
			continue;
		/* German ordinals: "am 3. März", "im 20. Jahrhundert" */
		if (lang == LANG_DE && i > start && (tl->v[i - 1].flags & TOK_NUM) &&
		    tl->v[i - 1].end - tl->v[i - 1].start <= 2 && tl->v[i - 1].end == t->start &&
		    !(nx->flags & TOK_NL) && !opens_sentence(s, lang, tl, text, j, to))
			continue;
		push(out, n, cap, start, j);
		start = j;
		i = j - 1;
	}
	push(out, n, cap, start, to);
}
