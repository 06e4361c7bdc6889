/*
 * date: when a statement's event happened, as precise as the text says.
 *
 * Recognises explicit dates ("20 augustus 2021", "August 20, 2021",
 * "20. August 2021", "le 20 août 2021", "2021-08-20"), months with or
 * without year ("in maart", "im März 2022", "eind november", "early
 * March"), years ("in 2019", "en 2019", "im Jahr 2019"), weekdays and
 * relative phrases ("vrijdag", "last Friday", "afgelopen week",
 * "gisteren", "yesterday", "vorige maand", "la semaine dernière") resolved
 * against the document date, and vague past ("eerder", "in the 1990s",
 * "in den 90er Jahren", "autrefois") which gives no date.
 *
 * Month and weekday names and relative phrases live in data/dates.tsv.
 */
#ifndef SL_DATE_H
#define SL_DATE_H

#include <stddef.h>
#include "../base/err.h"

typedef struct date_lex date_lex;

date_lex *date_lex_load(const char *dir, sl_err *e);
void date_lex_free(date_lex *dl);

/* Adds the lexicon's tables to a start sieve (numlex.h), so that the
 * start lists it sieves may be given to date_scan_starts. */
typedef struct nlx_sieve nlx_sieve;
void date_lex_sieve(const date_lex *dl, nlx_sieve *sv);

enum {
	DATE_NONE = 0,     /* nothing found */
	DATE_EXACT,        /* out holds YYYY, YYYY-MM or YYYY-MM-DD from the text */
	DATE_RELATIVE,     /* resolved against the document date */
	DATE_VAGUE         /* a vague past: the record's when is null */
};

typedef struct date_span {
	size_t start, end; /* byte offsets into the scanned text */
	int kind;          /* DATE_* */
	char when[11];     /* "YYYY", "YYYY-MM" or "YYYY-MM-DD"; "" for DATE_VAGUE */
	int ahead;         /* relative, and after the document date ("next week",
	                      "mars prochain", "nächsten Monat") */
} date_span;

/*
 * Finds date expressions in text[0..n) (one sentence, UTF-8), resolving
 * relative ones against docdate ("YYYY", "YYYY-MM" or "YYYY-MM-DD", or
 * NULL).  Stores up to max in out, left to right; returns how many were
 * found.  A relative phrase resolves only as precisely as docdate allows
 * ("vrijdag" with docdate 2022-01 gives 2022-01; with 2022-01-26, a
 * Wednesday, gives 2022-01-21).
 */
size_t date_scan(const date_lex *dl, const char *lang, const char *text, size_t n,
                 const char *docdate, date_span *out, size_t max);

/* date_scan over the word starts ws of text[0..n) (numlex.h), which
 * spares it a walk of every byte; NULL: walk them. */
typedef struct nlx_starts nlx_starts;
size_t date_scan_starts(const date_lex *dl, const char *lang, const char *text, size_t n,
                        const char *docdate, const nlx_starts *ws, date_span *out,
                        size_t max);

#endif
