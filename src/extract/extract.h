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
/* Frees the records and keeps the room for the next document's. */
void rec_list_clear(rec_list *l);

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

/* Turns the document prefilter (prefilter.h) on or off; it is on after
 * ext_new.  Off gives the output of the full analysis of every document,
 * to check that the prefilter drops nothing (extract --no-prefilter). */
void ext_set_prefilter(extractor *x, int on);

/* What ext_doc has done with one scratch (for extract --stats). */
typedef struct ext_stats {
	size_t docs;        /* documents seen */
	size_t skipped;     /* of which the prefilter ruled out */
	size_t sentences;   /* sentences of the documents analysed */
	size_t bytes;       /* text bytes of the documents seen */
	size_t pre_bytes;   /* bytes the prefilter scanned */
	double pre_ms;      /* and the time it took */
} ext_stats;
void ext_get_stats(const ext_scratch *s, ext_stats *st);

/* The language ext_doc used for d ("nl", "en", "de", "fr"). */
const char *ext_lang(const extractor *x, const doc *d);

#endif
