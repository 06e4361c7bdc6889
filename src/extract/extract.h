/*
 * extract: the pure function (document, lexicons) -> records.
 *
 * An extractor holds the loaded lexicons (read-only after ext_new) and is
 * safe to share between threads; each thread passes its own ext_scratch.
 * Ownership: ext_doc appends records to the caller's rec_list, which owns
 * them; rec_list_release frees them.
 */
#ifndef SL_EXTRACT_H
#define SL_EXTRACT_H

#include <stddef.h>
#include <stdio.h>
#include "../base/err.h"
#include "../read/doc.h"
#include "record.h"

typedef struct extractor extractor;
typedef struct ext_scratch ext_scratch;

typedef struct rec_list {
	record *v;
	size_t n, cap;
} rec_list;

void rec_list_init(rec_list *l);
record *rec_list_push(rec_list *l);        /* a new record_init'ed slot */
void rec_list_release(rec_list *l);

/* Loads every lexicon under datadir.  NULL with e set ("file:line: why")
 * when a file is missing or malformed. */
extractor *ext_new(const char *datadir, sl_err *e);
void ext_free(extractor *x);

ext_scratch *ext_scratch_new(void);
void ext_scratch_free(ext_scratch *s);

/* Extracts the records of d and appends them to out.  d->lang may be
 * NULL; the language is then identified from the text. */
int ext_doc(const extractor *x, ext_scratch *s, const doc *d, rec_list *out);

/* Makes ext_doc print its analysis of every sentence to f (NULL: off);
 * a tool for lexicon and rule authors (supplyline extract --trace). */
void ext_set_trace(extractor *x, FILE *f);

/* The language ext_doc used for d ("nl", "en", "de", "fr"). */
const char *ext_lang(const extractor *x, const doc *d);

#endif
