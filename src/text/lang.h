/*
 * lang: language identification for nl, en, de and fr by counting the
 * distinctive function words of data/stopwords.tsv among a document's
 * folded tokens.  News paragraphs are long enough that this simple vote
 * is right far more often than not, and it costs one hash lookup a token.
 */
#ifndef SL_LANG_H
#define SL_LANG_H

#include <stddef.h>
#include "../base/err.h"
#include "../text/token.h"

typedef struct lang_model lang_model;

lang_model *lang_load(const char *path, sl_err *e);
void lang_free(lang_model *m);

/* The LANG_* bit of the most likely language of the tokens (LANG_EN when
 * there is no evidence at all). */
int lang_guess(const lang_model *m, const tok_list *tl, size_t from, size_t to);

const char *lang_name(int bit);   /* "nl", "en", "de", "fr" */

/* 1 (the default): lang_guess looks words up in its table of one-token
 * stop words; 0: in the trie, which must give the same answers
 * (fuzz_token compares). */
extern int lang_table;

#endif
