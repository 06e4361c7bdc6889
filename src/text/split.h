/*
 * split: sentences.  A sentence ends at a line break, or at '.', '!', '?'
 * or '…' (with any closing quotes) followed by white space and a capital,
 * a digit or an opening quote, unless the period closes an abbreviation
 * from data/abbrev.tsv ("o.a.", "Mr.", "z.B.") or a single-letter initial.
 * Sentences are ranges of tokens.
 */
#ifndef SL_SPLIT_H
#define SL_SPLIT_H

#include <stddef.h>
#include "../base/err.h"
#include "../text/token.h"

typedef struct split_rules split_rules;

split_rules *split_load(const char *path, sl_err *e);
void split_free(split_rules *s);

typedef struct sentence {
	size_t t0, t1;    /* tokens [t0, t1) */
} sentence;

/* Appends to *out (growing it; *n and *cap track it) the sentences of tokens
 * [from, to) of tl over text, in language lang (LANG_* bit). */
void split_sentences(const split_rules *s, int lang, const tok_list *tl, const char *text,
                     size_t from, size_t to, sentence **out, size_t *n, size_t *cap);

#endif
