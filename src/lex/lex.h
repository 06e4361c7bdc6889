/*
 * lex: the lexicons under data/ compiled into one matching automaton.
 *
 * Every entry (an actor's name, a weapon system's alias, an item word, a
 * cue) is tokenized and folded exactly as document text is (token.h,
 * fold.h) and inserted into a trie whose edges are folded tokens, held in
 * one hash table.  lex_match_at walks the trie from a token and reports,
 * for each kind, the longest entry that ends there, so matching a sentence
 * costs one hash lookup per token and trie step.  Item words marked
 * `suffix` (Dutch and German compound heads) are also kept in a suffix
 * table: lex_suffix finds the longest such head at the end of a compound
 * token ("pantserhouwitsers" -> "houwitsers").
 *
 * Entries marked case-sensitive (data/actors_cased.tsv, system aliases
 * written "~Name") match only when the text has the same letters in the
 * same case ("US" but not "us").
 *
 * Ownership: the lex owns every entry and string; they live until
 * lex_free.  After loading, a lex is read-only and may be shared by threads.
 */
#ifndef SL_LEX_H
#define SL_LEX_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "../base/err.h"
#include "../text/token.h"

typedef enum { LEX_ACTOR, LEX_SYSTEM, LEX_ITEM, LEX_CUE, LEX_NKINDS } lex_kind;

/* Language bits. */
enum { LANG_NL = 1, LANG_EN = 2, LANG_DE = 4, LANG_FR = 8, LANG_ALL = 15 };
int lex_lang_bit(const char *lang);      /* 0 when unknown; "*" is LANG_ALL */

typedef struct lex_entry {
	uint8_t kind;          /* lex_kind */
	uint8_t sub;           /* actor kind, cue class, or item match (see loaders) */
	uint8_t lang;          /* LANG_* bits */
	uint8_t cased;         /* match only with the same case */
	uint16_t ntok;         /* tokens in the form */
	const char *code;      /* actor code, system canonical name, cue class name */
	const char *category;  /* interned contract category, "-" for non-aid, or NULL */
	const char *origin;    /* system's country of origin, or NULL */
	const char *form;      /* the form as written in the file */
	const char *squeezed;  /* form without separators, for case-sensitive checks */
	int32_t next;          /* next entry at the same trie node, -1 at the end */
} lex_entry;

typedef struct lex lex;

/* Actor kinds (sub of LEX_ACTOR), in data/actors.tsv's words. */
enum { ACT_NAME, ACT_ADJ, ACT_PEOPLE, ACT_CAPITAL, ACT_GOV, ACT_PERSON, ACT_ORG, ACT_NKINDS };
extern const char *const lex_actor_kinds[ACT_NKINDS];
/* Item match (sub of LEX_ITEM). */
enum { ITEM_WORD, ITEM_SUFFIX };

lex *lex_new(void);
void lex_free(lex *x);

/* Loaders: each reads one TSV file (see the file's header for columns) and
 * returns SL_OK or SL_EFORMAT/SL_EIO with e = "path:line: why".
 * Cue classes are mapped to sub through the NULL-terminated list classes;
 * an unknown class is an error. */
int lex_load_actors(lex *x, const char *path, int cased, sl_err *e);
/* data/actor_groups.tsv: names of fixed groups of states; an entry's code
 * is its members' codes separated by spaces ("EE LV LT"). */
int lex_load_actor_groups(lex *x, const char *path, sl_err *e);
/* The most members a group may have: the grammar gives one record to
 * each, from an array of this size. */
enum { LEX_GROUP_MAX = 8 };
int lex_load_systems(lex *x, const char *path, sl_err *e);
int lex_load_items(lex *x, const char *path, sl_err *e);
int lex_load_cues(lex *x, const char *path, const char *const *classes, sl_err *e);
/* As lex_load_cues, but a line whose class is one of other_classes goes
 * into other, as a cue of that class (word lists read apart from the
 * cues of the main walk). */
int lex_load_cues_split(lex *x, const char *const *classes, lex *other,
                        const char *const *other_classes, const char *path, sl_err *e);

/* A data file's "~Form" is matched only in that case: whether *form is
 * so marked, *form moved past the mark (for lex_add's cased). */
static inline int lex_cased_form(const char **form)
{
	int cased = **form == '~';
	*form += cased;
	return cased;
}

/* Adds one entry programmatically (tests, and loaders). form is copied. */
int lex_add(lex *x, lex_kind kind, int sub, int lang, int cased, const char *form,
            const char *code, const char *category, const char *origin);

typedef struct lex_match {
	uint32_t tok, ntok;      /* token range [tok, tok+ntok) */
	const lex_entry *e;      /* first entry of that kind at the node (walk e->next
	                            for the others; check lang/cased with lex_entry_ok) */
} lex_match;

/*
 * The set of token hashes that can start an entry in lang (no false
 * "no"): lang's own entries when it is one LANG_* bit, else every entry.
 * Most tokens of a text start none; a loop over tokens tests this inline
 * (lex_may_start) and calls lex_match_at only for those it lets through,
 * so a token that starts nothing costs no call.  Valid as long as x.
 */
#define LEX_ROOT_BITS 16
typedef struct lex_starts {
	const uint64_t *bits;    /* bit hash >> (32 - LEX_ROOT_BITS) */
} lex_starts;
lex_starts lex_get_starts(const lex *x, int lang);

static inline int lex_may_start(lex_starts s, const token *t)
{
	uint32_t b = t->hash >> (32 - LEX_ROOT_BITS);
	return (int)(s.bits[b >> 6] >> (b & 63) & 1);
}

/*
 * Longest match of each kind starting at token i (not crossing token end):
 * out[kind].e is NULL when that kind has none; returns the kinds that
 * have one (bit k for kind k), 0 for none.  lang is the document's LANG_*
 * bit; entries of other languages are skipped.
 */
int lex_match_at(const lex *x, const tok_list *tl, const char *text, size_t i,
                 size_t end, int lang, lex_match out[LEX_NKINDS]);

/* lex_match_at of a token i < end that lex_may_start let through (with
 * the starts of lang), for the loops that test it inline: it does not
 * test again. */
int lex_match_started(const lex *x, const tok_list *tl, const char *text, size_t i,
                      size_t end, int lang, lex_match out[LEX_NKINDS]);

/* Whether e applies in lang and, if case-sensitive, to tokens [i, i+n). */
int lex_entry_ok(const lex_entry *e, const tok_list *tl, const char *text, size_t i,
                 size_t n, int lang);

/*
 * lex_suffix's first tests, for a loop that asks it of every word: a
 * word too short for a head, or whose last LEX_SFX_END bytes end none
 * (a bit set of their hash, lex_end_hash), is turned away inline
 * (lex_sfx_may), so that most words cost no call.  Valid as long as x.
 */
#define LEX_SFX_END 4       /* the shortest tail lex_suffix tries */
#define LEX_SFX_BITS 15
typedef struct lex_sfx {
	const uint64_t *end;    /* bit lex_end_hash >> (32 - LEX_SFX_BITS) */
	size_t maxlen;          /* the longest head */
	int langs;              /* LANG_* bits of the heads */
} lex_sfx;
lex_sfx lex_get_sfx(const lex *x);

static inline uint32_t lex_end_hash(const char *w, size_t n)
{
	uint32_t v;
	memcpy(&v, w + n - LEX_SFX_END, LEX_SFX_END);
	return v * 0x9E3779B1u;
}

/* 0 when lex_suffix(x, w, n, lang, ...) is NULL for certain. */
static inline int lex_sfx_may(lex_sfx s, const char *w, size_t n, int lang)
{
	size_t k0 = n > s.maxlen + 2 ? n - s.maxlen : 2;
	if (n < k0 + LEX_SFX_END || (lang && !(lang & s.langs)))
		return 0;
	uint32_t b = lex_end_hash(w, n) >> (32 - LEX_SFX_BITS);
	return (int)(s.end[b >> 6] >> (b & 63) & 1);
}

/* Longest `suffix` item head at the end of the folded word w (at least two
 * bytes of the word must precede it); *at = where the head starts. */
const lex_entry *lex_suffix(const lex *x, const char *w, size_t n, int lang, size_t *at);

/* Exact single-form lookup of folded text (e.g. a rebuilt compound). */
const lex_entry *lex_lookup(const lex *x, lex_kind kind, const char *folded, int lang);

/* lex_lookup of one token's folded form, starting from the hash the
 * tokenizer computed (for the per-token loops). */
const lex_entry *lex_lookup_tok(const lex *x, lex_kind kind, const tok_list *tl,
                                const token *t, int lang);

/* The lexicon's own copy of a code or name ("WEST", "UA"), for pointer
 * comparison with entries' codes; NULL when no entry uses it. */
const char *lex_code(const lex *x, const char *s);

/* The next entry of the same kind at the same trie node as e, or NULL. */
const lex_entry *lex_next(const lex *x, const lex_entry *e);

size_t lex_size(const lex *x);   /* number of entries */

/* Every entry's form, for the benchmark's grep baseline. */
void lex_each_form(const lex *x, void (*fn)(void *ctx, const char *form), void *ctx);

/* Every entry, in load order (the prefilter derives its keys from them). */
void lex_each_entry(const lex *x, void (*fn)(void *ctx, const lex_entry *e), void *ctx);

#endif
