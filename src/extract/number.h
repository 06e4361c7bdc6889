/*
 * number: numbers and money amounts as news writes them, in nl, en, de
 * and fr: digits with either decimal convention ("1.000", "93,8", "1 000",
 * "2.5"), number words including compounds ("tweeduizend",
 * "vijftienhonderd", "zweihundertfünfzig", "quatre-vingt-dix", "two
 * thousand"), scale words ("miljoen", "billion", "Milliarden", "bn", "m"),
 * and currencies ("dollar", "$", "euro", "€", "pond", "£", "USD").
 *
 * The words live in data/numbers.tsv and data/currencies.tsv (see their
 * headers); num_lex_load reads them.  Ownership: the lexicon owns its
 * memory; num_scan fills a caller-owned array.
 */
#ifndef SL_NUMBER_H
#define SL_NUMBER_H

#include <stddef.h>
#include "../base/err.h"

typedef struct num_lex num_lex;

/* Loads numbers.tsv and currencies.tsv from dir.  Returns NULL and sets e
 * ("file:line: why") on a malformed line or a missing file. */
num_lex *num_lex_load(const char *dir, sl_err *e);
void num_lex_free(num_lex *nl);

/* Adds the lexicon's table to a start sieve (numlex.h), so that the
 * start lists it sieves may be given to num_scan_starts. */
typedef struct nlx_sieve nlx_sieve;
void num_lex_sieve(const num_lex *nl, nlx_sieve *sv);

enum {
	NUM_PLAIN = 0,
	NUM_MONEY = 1 << 0,    /* has a currency: value is the amount */
	NUM_YEAR = 1 << 1,     /* a bare 4-digit 1900..2100 integer, likely a year */
	NUM_ORDINAL = 1 << 2,  /* "derde", "third", "3rd", "3e", "troisième" */
	NUM_RANGE = 1 << 3,    /* "20 à 30", "20-30", "tussen 20 en 30" (value: first) */
	NUM_PERCENT = 1 << 4,  /* "30 procent", "30%" */
	NUM_APPROX = 1 << 5,   /* "ongeveer", "about", "rund", "environ", "zo'n" before */
	NUM_ATLEAST = 1 << 6,  /* "minstens", "at least", "mindestens", "au moins" */
	NUM_WORD = 1 << 7,     /* written (partly) in words */
	NUM_OVERFLOW = 1 << 8  /* absurd or unrepresentable ("10^400"): value is -1 */
};

typedef struct num_span {
	size_t start, end;     /* byte offsets into the scanned text */
	double value;          /* the number (scale applied): 93.8 miljoen -> 93800000 */
	int flags;             /* NUM_* */
	char currency[4];      /* ISO 4217 when NUM_MONEY, else "" */
	const char *code;      /* the same code in the lexicon's memory (lives as long
	                          as the num_lex), or NULL */
} num_span;

/*
 * Finds every number expression in text[0..n) (UTF-8), left to right,
 * non-overlapping, longest first, and stores up to max of them in out.
 * lang ("nl", "en", "de", "fr" or NULL for all) picks the decimal
 * convention for ambiguous digits ("1.500" is 1500 in nl/de/fr, 1.5 in
 * en; "1,500" the reverse) and which number words apply.  Returns the
 * number found (which may exceed max; only max are stored).
 */
size_t num_scan(const num_lex *nl, const char *lang, const char *text, size_t n,
                num_span *out, size_t max);

/* num_scan over the word starts ws of text[0..n) (numlex.h), which
 * spares it a walk of every byte; NULL: walk them. */
typedef struct nlx_starts nlx_starts;
size_t num_scan_starts(const num_lex *nl, const char *lang, const char *text, size_t n,
                       const nlx_starts *ws, num_span *out, size_t max);

/* Parses exactly one number expression filling the whole of s[0..n)
 * (e.g. "tweeduizend", "2,5 miljard", "quatre-vingt-dix"); returns 0 and
 * sets *v, or -1. */
int num_parse(const num_lex *nl, const char *lang, const char *s, size_t n, double *v);

#endif
