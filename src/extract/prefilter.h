/*
 * prefilter: a cheap test that a document can yield no record, so
 * extraction skips it without tokenizing.
 *
 * Every record needs a predicate, which only a cue of a record-making
 * class (delivered ... consent_denied, transfer, transfer_noun, receive,
 * train, trained, permission: the classes grammar.c's clause_pred turns
 * into a type) or a separable verb gives, and a recipient, which is always
 * an actor the lexicon names.  So a document with no word that starts such
 * a cue, no separable verb's finite form, or no word that starts an actor
 * name cannot yield one.  At load time each such lexicon entry gives one
 * key: a folded word of its form that the text must contain (its longest
 * plain word, so "l'envoi" gives "envoi" and "the West" "west").  The test scans
 * the raw text for words (maximal runs of letters and digits, folded as
 * the tokenizer folds them) and looks each up in a hash set; it never
 * rejects a document that lexicon matching could find those mentions in,
 * whatever the language or case (those only narrow matching).
 *
 * The classes are the grammar's own (gram_makes_record), so the test
 * follows any change there; `supplyline extract --no-prefilter` gives
 * the output without the test, to compare.
 *
 * Ownership: a prefilter owns its keys; read-only after prefilter_new and
 * safe to share between threads.
 */
#ifndef SL_PREFILTER_H
#define SL_PREFILTER_H

#include <stddef.h>
#include "../base/buf.h"
#include "../lex/lex.h"

typedef struct prefilter prefilter;

/* Builds the key set from the main lexicon lx, whose cue classes
 * makes_record tells apart (grammar.h's gram_makes_record), and the
 * separable-verb lexicon sep (may be NULL). */
prefilter *prefilter_new(const lex *lx, const lex *sep, int (*makes_record)(int cls));
void prefilter_free(prefilter *p);

/* 0 when text[0..n) cannot yield a record, 1 when it may.  tmp is
 * scratch for folding non-ASCII words (reused, so no allocation a word). */
int prefilter_pass(const prefilter *p, const char *text, size_t n, buf *tmp);

#endif
