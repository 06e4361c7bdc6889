/*
 * numlex: the machinery number.c and date.c share, private to them: a
 * lazy folding window over the scanned text that remembers where every
 * folded byte came from, and a small word table matched against it.
 *
 * Why a hand fold and not text/fold.c (utf8proc): the recognisers run on
 * every sentence of a crawl and must not allocate, they need the source
 * offset of every folded byte to report spans, and they only ever compare
 * against Latin-script lexicon words, for which folding the Latin-1 block
 * (plus œ and ł) by table is exact.  Other code points pass through
 * unchanged, so a Cyrillic or CJK word simply never matches.
 *
 * Folded form: ASCII lower case, Latin-1 letters without diacritics
 * ("ë" -> "e", "ß" -> "ss"), every run of white space (including U+00A0,
 * U+2009, U+202F) one ' ', typographic apostrophes '\'', dashes '-', soft
 * hyphens dropped.  Entries marked exact compare against the source
 * itself, lower-cased but with diacritics, so "één" can differ from "een".
 */
#ifndef SL_NUMLEX_H
#define SL_NUMLEX_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "../base/err.h"
#include "../base/swar.h"

#define NLX_FOLDMAX 256

enum { NLX_END = 0, NLX_LET, NLX_DIG, NLX_SPACE, NLX_PUNCT };

/* Language bits; NLX_ALL when the caller does not say. */
enum { NLX_NL = 1, NLX_EN = 2, NLX_DE = 4, NLX_FR = 8, NLX_ALL = 15 };

typedef struct nlx_fold {
	const char *src;        /* text from the window start */
	size_t n;               /* bytes available at src */
	size_t si;              /* next source byte to fold */
	size_t len;             /* folded bytes so far */
	unsigned char b[NLX_FOLDMAX];
	unsigned char cls[NLX_FOLDMAX];
	size_t map[NLX_FOLDMAX]; /* source offset (from src) of each folded byte */
} nlx_fold;

/* Starts a window at src[0..n); nothing is folded until asked for. */
static inline void nlx_fold_init(nlx_fold *f, const char *src, size_t n)
{
	f->src = src;
	f->n = n;
	f->si = 0;
	f->len = 0;
}

/* Folds up to k inclusive; returns 1 when b[k] exists. */
int nlx_fold_to(nlx_fold *f, size_t k);

/* The folded byte at k, or -1 past the end of the text or the window. */
static inline int nlx_at(nlx_fold *f, size_t k)
{
	if (k < f->len || nlx_fold_to(f, k))
		return f->b[k];
	return -1;
}

/* The class (NLX_LET ...) of folded byte k, NLX_END past the end. */
static inline int nlx_cls(nlx_fold *f, size_t k)
{
	if (k < f->len || nlx_fold_to(f, k))
		return f->cls[k];
	return NLX_END;
}

/* Source offset (from src) where folded position k starts; k may be the
 * end of what was folded, which maps to the end of the last folded unit. */
size_t nlx_src(const nlx_fold *f, size_t k);

/* 1 when the window stopped at NLX_FOLDMAX with text left over. */
int nlx_truncated(const nlx_fold *f);

/* Classes of the ASCII bytes, for the scanners' fast path, and their
 * folded forms on their own: an ASCII byte folds to one byte whatever
 * follows it, but a space may begin a run that folds with it. */
extern const unsigned char nlx_ascii_cls[128];
extern const unsigned char nlx_ascii_fold[128];

/* The class of the code point that starts at s[0..n) / ends before s+i. */
int nlx_cls_at(const char *s, size_t n);
int nlx_cls_before(const char *s, size_t i);

/* The scanners' walk over a sentence, a code point (a byte from 0x80 up
 * and its continuation bytes, at most four) at a time.  nlx_step gives
 * the class of the one at s[i] (i < n) and its length. */
static inline int nlx_step(const char *s, size_t n, size_t i, size_t *len)
{
	unsigned char c = (unsigned char)s[i];
	size_t l = 1;
	if (c < 0x80) {
		*len = 1;
		return nlx_ascii_cls[c];
	}
	while (i + l < n && ((unsigned char)s[i + l] & 0xC0) == 0x80 && l < 4)
		l++;
	*len = l;
	return nlx_cls_at(s + i, n - i);
}

/* How many of the eight bytes of x (swar_load8) are ASCII letters
 * before the first that is not: with the bytes lower-cased (| 0x20) and
 * their top bit cleared, adding 0x1f sets it from 'a' up and adding 0x05
 * from past 'z', with no carry between bytes. */
static inline unsigned nlx_letters8(uint64_t x)
{
	uint64_t z = (x | SWAR_ONES * 0x20) & ~SWAR_HIGH;
	uint64_t other = ~((z + SWAR_ONES * 0x1f) & ~(z + SWAR_ONES * 0x05) & ~x) & SWAR_HIGH;
	return other ? (unsigned)__builtin_ctzll(other) >> 3 : 8;
}

/* The end of the run of ASCII letters at s[i..n): inside a word, where
 * the scanners spend most of their bytes and test nothing.  Eight bytes
 * at a time. */
static inline size_t nlx_skip_letters(const char *s, size_t n, size_t i)
{
	while (i + 8 <= n) {
		unsigned l = nlx_letters8(swar_load8(s + i));
		if (l < 8)
			return i + l;
		i += 8;
	}
	while (i < n && (unsigned char)s[i] < 0x80 && nlx_ascii_cls[(unsigned char)s[i]] == NLX_LET)
		i++;
	return i;
}

/*
 * The word starts of a sentence as the scanners' walk finds them: a code
 * point that is not white space after one not of a word (letter or
 * digit), and, marked NLX_GLUED, a digit right after a letter, which
 * only num_scan takes ("include30").  ext_doc finds them once per
 * sentence for both scanners, which then visit only these instead of
 * each stepping over every byte again.  Ownership: the caller's;
 * nlx_starts_find grows at as needed, nlx_starts_release frees it.
 */
#define NLX_GLUED 0x80000000u

typedef struct nlx_memo nlx_memo;
typedef struct nlx_sieve nlx_sieve;

typedef struct nlx_starts {
	uint32_t *at;           /* offsets, | NLX_GLUED */
	size_t n, cap;
	int ok;                 /* 0: the text was too long to list */
	const nlx_sieve *sv;    /* what the list was sieved with (NULL: nothing) */
	unsigned lang;          /* and for which language */
	nlx_memo *memo;         /* nlx_may_start_memo's, kept from sentence to sentence */
} nlx_starts;

/* Finds the starts of s[0..n).  With a sieve sv, a start of a word that
 * every table of sv passes over (nlx_next_start) in language lang is left
 * out: most words are neither number nor date words, and both scanners
 * would test each of them again. */
void nlx_starts_find(nlx_starts *w, const char *s, size_t n, const nlx_sieve *sv,
                     unsigned lang);
void nlx_starts_release(nlx_starts *w);

/* Whether a scanner's own walk, at i with prev the class before it, is
 * at a point of the walk that found the starts, so that it may go on
 * from the next of them: after an ASCII byte of class prev (no code
 * point takes one as a continuation byte, so both walks stop there), or
 * at 0.  After a match that ends in a multi-byte code point, or next to
 * invalid UTF-8, the scanner steps on its own to the next ASCII byte. */
static inline int nlx_synced(const char *s, size_t i, int prev)
{
	if (!i)
		return prev == NLX_SPACE;
	unsigned char c = (unsigned char)s[i - 1];
	return c < 0x80 && nlx_ascii_cls[c] == prev;
}

/* Whether the code point at s[0..n) is an upper-case letter. */
int nlx_is_upper(const char *s, size_t n);

/* Language bits of "nl", "en", "de", "fr" (NLX_ALL for NULL or others);
 * nlx_lang_list parses a data column like "nl,de" or "*", -1 if bad. */
unsigned nlx_lang(const char *lang);
int nlx_lang_list(const char *s, unsigned *mask);

/* One word or phrase of a lexicon. */
typedef struct nlx_ent {
	char *fold;             /* folded form */
	size_t flen;
	char *raw;              /* lower-cased source form, for exact entries */
	size_t rlen;
	unsigned lang;
	int kind;               /* the owner's enum */
	unsigned flags;         /* the owner's bits, plus NLX_F_EXACT, NLX_F_LEAD */
	double value;
	char code[4];           /* currency code, or "" */
	size_t order;           /* line order, so earlier lines win ties */
} nlx_ent;

#define NLX_F_EXACT (1u << 31)
/* An entry that starts an expression only before another (nlx_tab_prefixes'
 * leadmask): number.c's "een", "a", "un" of "een miljoen", "a hundred". */
#define NLX_F_LEAD (1u << 30)
#define NLX_HBUCKETS 4096

/* A bucket entry of one language's index: the entry and what the match
 * loop tests first (kind, language, then the first bytes, which settle
 * most entries without reading the entry itself), kept small so a
 * bucket walk stays in cache. */
typedef struct nlx_ref {
	uint64_t head;          /* the first hlen (up to 8) folded bytes, as swar_load8 */
	uint32_t ent;           /* index into v */
	uint32_t kbit;          /* 1 << kind */
	unsigned char lang;
	unsigned char hlen;
} nlx_ref;

#define NLX_NBUCKETS (NLX_HBUCKETS + 256)

typedef struct nlx_tab {
	nlx_ent *v;
	size_t n, cap;
	/* the buckets again per language (0..3: nl, en, de, fr; 4: all), in
	 * the same order, with the union of their kinds: a scan knows its
	 * language, and most entries of a bucket are of other languages or
	 * of kinds the caller is not asking for */
	nlx_ref *lref[5];
	uint32_t *lfirst[5];    /* NLX_NBUCKETS + 1 */
	uint32_t *lkinds[5];    /* NLX_NBUCKETS */
	/* per language index, the kinds (1 << kind) of the entries whose
	 * folded form starts with a byte: nlx_match's first test, so that a
	 * call asking for kinds no entry at that byte has (a currency, an
	 * approximation word at "een", "van", "a") costs one load */
	uint32_t lstart[5][256];
	/* buckets: entries of two or more bytes by a hash of their first two
	 * bytes (NLX_HBUCKETS), then one-byte entries by that byte (256) */
	uint32_t first[NLX_HBUCKETS + 256 + 1];
	unsigned char start[256]; /* first folded bytes of any entry */
	unsigned char pair[8192]; /* bit set of the first two folded bytes */
	unsigned char one[256];   /* 1-byte entries: 1 symbol, 2 letter */
	/* the same per language, for entries of kinds that can start an
	 * expression (nlx_could_start) */
	unsigned char spair[4][8192];
	unsigned char sone[4][256];
	/* nlx_could_start's answer for every two ASCII bytes, per language
	 * (0..3, 4: all), by (first << 7 | second) */
	unsigned char ascii2[5][2048];
	/* nlx_may_start's quick no (nlx_tab_prefixes): the ASCII pairs no
	 * prefix of one or two bytes ends in, so that the third byte decides
	 * when it is not in tri, a Bloom set of the first three folded bytes
	 * of the longer prefixes (nlx_tri_bit); qon2: those of the pairs
	 * that begin a prefix */
	unsigned char qno2[5][2048];
	unsigned char qon2[5][2048];
	unsigned char tri[5][8192];
	/* every prefix of every start-kind entry, hashed (nlx_tab_prefixes) */
	struct nlx_pre *pre;
	size_t precap;          /* power of two, 0: not built */
	unsigned startmask;
	unsigned gluemask, leadmask;    /* nlx_tab_prefixes' */
	size_t maxflen;         /* the longest entry's folded length */
} nlx_tab;

void nlx_tab_init(nlx_tab *t);

/* An empty sieve; nlx_sieve_add merges t into it (after nlx_tab_prefixes,
 * at most NLX_SIEVE_TABS tables). */
nlx_sieve *nlx_sieve_new(void);
void nlx_sieve_add(nlx_sieve *sv, const nlx_tab *t);
void nlx_sieve_free(nlx_sieve *sv);
void nlx_tab_release(nlx_tab *t);

/* Adds word (folding it); returns the entry, or NULL when the word folds
 * to nothing or is longer than a window. */
nlx_ent *nlx_tab_add(nlx_tab *t, const char *word, unsigned lang, int kind,
                     unsigned flags, double value);

/* Sorts and indexes; call once after the last add.  startmask (bit
 * 1 << kind) names the kinds an expression can begin with. */
void nlx_tab_finish(nlx_tab *t, unsigned startmask);

/*
 * The longest entry of a kind in kindmask (bit 1 << kind) and a language
 * in lang that matches the folded window at k.  With boundary set, an
 * entry that ends in a letter or digit must not be followed by one.
 */
const nlx_ent *nlx_match(const nlx_tab *t, nlx_fold *f, size_t k, unsigned lang,
                         unsigned kindmask, int boundary);

/* 1 (the default): the start tests answer plain ASCII from the source
 * bytes; 0: every test folds its window, the reference the fuzz
 * harnesses compare the fast paths with. */
extern int nlx_fast;

/* The index of a language mask in the per-language tables: its own for
 * one language, 4 for NLX_ALL, -1 for any other mask. */
static inline int nlx_lang_ix(unsigned lang)
{
	static const signed char ix[16] = {
		-1, 0, 1, -1, 2, -1, -1, -1, 3, -1, -1, -1, -1, -1, -1, 4,
	};
	return lang < 16 ? ix[lang] : -1;
}


/* The bit of three folded ASCII bytes in nlx_tab.tri. */
static inline unsigned nlx_tri_bit(unsigned a, unsigned b, unsigned c)
{
	return (uint32_t)((a << 14 | b << 7 | c) * 0x9E3779B1u) >> 16;
}

/* The language index the inline start tests take: nlx_lang_ix(lang),
 * or -1 (the folding path) when nlx_fast is off.  The scanners find it
 * once, not at every word. */
static inline int nlx_fast_ix(unsigned lang)
{
	return nlx_fast ? nlx_lang_ix(lang) : -1;
}

/*
 * The tables of the scanners that share a start list, merged into the
 * answers of nlx_quick_no for all of them at once: by the first two bytes
 * of a word (ASCII), a table may take it (NLX_SIEVE_KEEP), or may if its
 * third byte is in the union of the tables' tri sets (NLX_SIEVE_THIRD),
 * or none takes it (0).  A byte per pair, by language index and (first
 * << 7 | second), which the lookup at every word start reads with one
 * load; tri is a bit set as in nlx_tab.  Built once per lexicon;
 * read-only after.
 */
#define NLX_SIEVE_TABS 4
enum { NLX_SIEVE_KEEP = 1, NLX_SIEVE_THIRD = 2 };

struct nlx_sieve {
	const nlx_tab *tab[NLX_SIEVE_TABS];
	int ntab;
	unsigned char tri[5][8192];
	unsigned char pair[5][16384];
};

/* 1 when t was added to sv. */
static inline int nlx_sieve_has(const nlx_sieve *sv, const nlx_tab *t)
{
	for (int i = 0; i < sv->ntab; i++)
		if (sv->tab[i] == t)
			return 1;
	return 0;
}

/* The start list a scanner of the tables t1 and t2 (NULL: none) walks in
 * language lang: ws when the fast paths are on, it lists the whole text
 * and it was sieved for that language with those tables among others,
 * else NULL (the scanner steps over every byte). */
static inline const nlx_starts *nlx_starts_use(const nlx_starts *ws, unsigned lang,
                                               const nlx_tab *t1,
                                               const nlx_tab *t2)
{
	if (!nlx_fast || !ws || !ws->ok)
		return NULL;
	if (ws->sv && (ws->lang != lang || !nlx_sieve_has(ws->sv, t1) ||
	               (t2 && !nlx_sieve_has(ws->sv, t2))))
		return NULL;
	return ws;
}

/* nlx_could_start on the folded window (any window). */
int nlx_could_start_fold(const nlx_tab *t, nlx_fold *f, unsigned lang);

/*
 * Whether an entry of a start kind and a language in lang could match at
 * the start of f (li: nlx_fast_ix(lang)): a cheap test on the first two folded
 * bytes, never false when such a match exists (one-letter entries glued
 * to a following letter excepted).  It runs at every word start of every
 * scanned sentence, so two ASCII bytes (the common case) are looked up
 * as they are, in a bit set nlx_tab_finish made of the answers for every
 * pair.
 */
static inline int nlx_could_start(const nlx_tab *t, nlx_fold *f, unsigned lang, int li)
{
	const unsigned char *u = (const unsigned char *)f->src;
	if (li < 0 || f->n < 2 || (u[0] | u[1]) >= 0x80 ||
	    nlx_ascii_cls[u[0]] == NLX_SPACE)   /* the run may go on: fold it */
		return nlx_could_start_fold(t, f, lang);
	unsigned k = (unsigned)u[0] << 7 | u[1];
	return (t->ascii2[li][k >> 3] >> (k & 7)) & 1;
}

/* Builds the prefix set behind nlx_may_start from the start kinds given
 * to nlx_tab_finish (call after it).  Entries of kinds in loosemask are
 * matched by their owner without the word-boundary rule at the start of
 * an expression; the others with it.  Of the loose ones, entries of
 * kinds in gluemask start an expression glued to a following letter
 * only when an entry of those kinds matches at that letter (number.c's
 * word numbers: "a" in "ahundred" but not in "are", "ein" in
 * "einhundert" but not in "einer"), so nlx_may_start asks that of them;
 * and those flagged NLX_F_LEAD, not glued, only before a space or a
 * hyphen and an entry of a kind in leadmask ("een miljoen", not "een
 * brief").  Whole-word entries of kinds in pfxmask start one only before
 * a space and a digit or what nlx_may_start lets through ("van 20", not
 * "van de").  With stop non-zero, an entry counts only up to its first
 * folded byte stop, which its owner matches by other means (date.c's
 * decade patterns, where '#' stands for digits), as a loose one.  Each
 * of these only ever makes nlx_may_start say no where the owner's parse
 * finds nothing. */
void nlx_tab_prefixes(nlx_tab *t, unsigned loosemask, unsigned gluemask,
                      unsigned leadmask, unsigned pfxmask, int stop);

/* nlx_may_start's walk of the prefix set. */
int nlx_may_start_walk(const nlx_tab *t, nlx_fold *f, unsigned lang);

/* The walk's answer from memo when a walk of the same table and
 * language read the same bytes before, else the walk's, remembered when
 * it depends on the first eight bytes only: most windows the walk sees
 * are a few function words ("de", "the", "van", "een") and what follows
 * them. */
int nlx_may_start_memo(const nlx_tab *t, nlx_fold *f, unsigned lang, nlx_memo *memo);

/* nlx_may_start past its fast paths: the walk, through memo if any. */
static inline int nlx_may_walk(const nlx_tab *t, nlx_fold *f, unsigned lang, nlx_memo *memo)
{
	return memo ? nlx_may_start_memo(t, f, lang, memo) : nlx_may_start_walk(t, f, lang);
}

/* Whether an entry of a start kind and a language in lang matches the
 * folded window at 0 (li: nlx_fast_ix(lang); a loose kind as a prefix,
 * the others as whole words under nlx_match's boundary rule): never
 * false when one does, and unlike nlx_could_start it reads as far into
 * the window as the entries go.  1 when no prefix set was built.  Most
 * windows it sees fail on their third byte ("de " after "derde",
 * "vier"), which two bit sets answer here for three ASCII bytes without
 * a walk. */
static inline int nlx_may_start(const nlx_tab *t, nlx_fold *f, unsigned lang, int li,
                                nlx_memo *memo)
{
	const unsigned char *u = (const unsigned char *)f->src;
	if (li >= 0 && f->n >= 3 && (u[0] | u[1] | u[2]) < 0x80) {
		unsigned k = (unsigned)u[0] << 7 | u[1];
		if ((t->qno2[li][k >> 3] >> (k & 7)) & 1) {
			unsigned b = nlx_tri_bit(nlx_ascii_fold[u[0]], nlx_ascii_fold[u[1]],
			                         nlx_ascii_fold[u[2]]);
			if (!((t->tri[li][b >> 3] >> (b & 7)) & 1))
				return 0;
		}
	}
	return nlx_may_walk(t, f, lang, memo);
}

/* What the ASCII fast paths of nlx_could_start and nlx_may_start make of
 * the window u[0..m) for t, which is the answer without a window: both
 * fail (NLX_Q_NO); nlx_could_start passes and nlx_may_start is its walk
 * (NLX_Q_WALK, which nlx_may_walk takes); they cannot tell (NLX_Q_ASK). */
enum { NLX_Q_NO, NLX_Q_WALK, NLX_Q_ASK };

static inline int nlx_quick(const nlx_tab *t, const unsigned char *u, size_t m, int li)
{
	if (li < 0 || m < 2 || (u[0] | u[1]) >= 0x80 || nlx_ascii_cls[u[0]] == NLX_SPACE)
		return NLX_Q_ASK;
	unsigned k = (unsigned)u[0] << 7 | u[1];
	if (!((t->ascii2[li][k >> 3] >> (k & 7)) & 1))
		return NLX_Q_NO;
	if (m < 3 || u[2] >= 0x80 || !((t->qno2[li][k >> 3] >> (k & 7)) & 1))
		return NLX_Q_WALK;
	unsigned b = nlx_tri_bit(nlx_ascii_fold[u[0]], nlx_ascii_fold[u[1]], nlx_ascii_fold[u[2]]);
	return (t->tri[li][b >> 3] >> (b & 7)) & 1 ? NLX_Q_WALK : NLX_Q_NO;
}

/* Bits of nlx_next_start's *q: t1 (t2) of a start it returned is
 * NLX_Q_WALK, t1 is NLX_Q_NO; else the scanner asks its own tests. */
enum { NLX_Q1_WALK = 1, NLX_Q2_WALK = 2, NLX_Q1_NO = 4 };

/* nlx_could_start and nlx_may_start for the window f at a start of
 * which nlx_quick answered walk (NLX_Q_WALK) or no, if it did. */
static inline int nlx_may_take(const nlx_tab *t, nlx_fold *f, unsigned lang, int li,
                               nlx_memo *memo, int walk, int no)
{
	if (no)
		return 0;
	if (walk)
		return nlx_may_walk(t, f, lang, memo);
	return nlx_could_start(t, f, lang, li) && nlx_may_start(t, f, lang, li, memo);
}

/*
 * The first start of w at or after i, from *k on, that a scanner of the
 * tables t1 and t2 (NULL: none) has to look at, or (size_t)-1; *prev
 * becomes a class before it under which the scanner's own test takes it.
 * Starts that nlx_quick answers NLX_Q_NO for both tables are passed over
 * here (most words are neither number nor date words), and digits glued
 * to letters unless glued is set; digits are always taken.  *q tells
 * the scanner what nlx_quick said of the start (NLX_Q1_WALK ...), so
 * that it does not ask again.
 */
static inline size_t nlx_next_start(const nlx_starts *w, size_t *k, size_t i, const char *s,
                                    size_t n, const nlx_tab *t1, const nlx_tab *t2, int li,
                                    int glued, int *prev, int *q)
{
	size_t j = *k;
	*q = 0;
	for (; j < w->n; j++) {
		uint32_t a = w->at[j] & ~NLX_GLUED;
		if (a < i)
			continue;
		if (w->at[j] & NLX_GLUED) {
			if (glued)
				break;
			continue;
		}
		const unsigned char *u = (const unsigned char *)s + a;
		if (u[0] - '0' < 10)
			break;
		int q1 = nlx_quick(t1, u, n - a, li);
		if (q1 != NLX_Q_NO) {
			*q = q1 == NLX_Q_WALK ? NLX_Q1_WALK : 0;
			break;
		}
		int q2 = t2 ? nlx_quick(t2, u, n - a, li) : NLX_Q_NO;
		if (q2 != NLX_Q_NO) {
			*q = NLX_Q1_NO | (q2 == NLX_Q_WALK ? NLX_Q2_WALK : 0);
			break;
		}
	}
	*k = j;
	if (j == w->n)
		return (size_t)-1;
	*prev = w->at[j] & NLX_GLUED ? NLX_LET : NLX_SPACE;
	return w->at[j] & ~NLX_GLUED;
}

/* nlx_may_start for the text from folded position k of f on (k must
 * have been folded, or be the end of what was): the owners ask it after
 * a first word ("van", "in") before trying every kind that could follow.
 * 1 where an entry at k could reach the end of f's window, which a
 * window of its own would see past. */
int nlx_may_start_at(const nlx_tab *t, nlx_fold *f, size_t k, unsigned lang);

/* Strict number parsing for data columns: 0 on success. */
int nlx_parse_double(const char *s, double *v);
int nlx_parse_int(const char *s, long lo, long hi, long *v);

/* A lexicon line refused: e says "path:line: why", and ": what" when
 * what is given; returns SL_EFORMAT. */
int nlx_bad(sl_err *e, const char *path, size_t line, const char *why, const char *what);

/* The index of s in names[0..n), n when it is none of them. */
int nlx_name_ix(const char *const *names, int n, const char *s);

/* The owner's bits of a flags column, names separated by ','
 * ("exact,cap"; "-" for none), by the table names[0..n); -1 for a name
 * not in it. */
typedef struct nlx_flag {
	const char *name;
	unsigned bit;
} nlx_flag;

int nlx_parse_flags(const char *s, const nlx_flag *names, size_t n, unsigned *flags);

#endif
