/*
 * token: words, numbers and punctuation with their offsets.
 *
 * The tokenizer splits text at spaces and punctuation; hyphens inside a
 * word split it too, the right part marked TOK_JOINED, so
 * "Groot-Brittannië" and "Groot Brittannië" match the same lexicon entry
 * and "Stinger-luchtdoelraketten" yields the system and the item.  A word
 * ending in a hyphen before a space ("antitank- en") is TOK_SUSP, one
 * starting with a hyphen after a space ("en -raketten") TOK_LEADHYPH: the
 * two halves of Dutch and German suspended compounds.  Digits with inner
 * separators ("1.000", "93,8") stay one token; a lower-case word of four
 * letters or more glued to digits ("include30") is two.  French elisions split after
 * the apostrophe ("l'", "Élysée"), English clitics before it ("Britain",
 * "'s").
 *
 * Every token carries its byte offsets into the tokenized text, its code
 * point offset, and its folded form (fold.h) in the token list's arena.
 * Ownership: the tok_list owns the tokens and the arena.
 */
#ifndef SL_TOKEN_H
#define SL_TOKEN_H

#include <stddef.h>
#include <stdint.h>
#include "../base/buf.h"
#include "../base/swar.h"

enum {
	TOK_WORD = 1 << 0,      /* letters (possibly with digits) */
	TOK_NUM = 1 << 1,       /* starts with a digit */
	TOK_PUNCT = 1 << 2,
	TOK_CAP = 1 << 3,       /* first letter upper case */
	TOK_ALLCAP = 1 << 4,    /* two or more letters, all upper case */
	TOK_JOINED = 1 << 5,    /* attached to the previous token by a hyphen */
	TOK_SUSP = 1 << 6,      /* ends with a hyphen before a space: "antitank-" */
	TOK_LEADHYPH = 1 << 7,  /* starts with a hyphen after a space: "-raketten" */
	TOK_NL = 1 << 8,        /* a line break precedes it */
	TOK_PARA = 1 << 9,      /* a blank line precedes it */
	TOK_SPACE = 1 << 10,    /* white space precedes it */
	TOK_QUOTE = 1 << 11,    /* punctuation that is a quotation mark */
	/* the folded form has a space, from a compatibility decomposition
	 * (U+FDFA): a lookup takes it as several keys */
	TOK_FOLDSPACE = 1 << 12
};

typedef struct token {
	uint32_t start, end;    /* bytes into the text */
	uint32_t cp;            /* code point offset of start */
	uint32_t fold, flen;    /* folded form: arena bytes [fold, fold+flen) */
	uint32_t flags;
	uint32_t hash;           /* tok_hash of the folded form */
} token;

typedef struct tok_list {
	token *v;
	size_t n, cap;
	buf arena;              /* folded forms, each NUL-terminated */
} tok_list;

void tok_list_init(tok_list *l);
void tok_list_reset(tok_list *l);
void tok_list_release(tok_list *l);

/* Tokenizes text[from..to) and appends to l.  cp0 is the code point offset
 * of text[from] (so offsets stay document-relative). */
void tok_scan(tok_list *l, const char *text, size_t from, size_t to, size_t cp0);

/* 1 (the default): ASCII words take tok_scan's fast path; 0: its general
 * loop only, which must give the same tokens (fuzz_token compares). */
extern int tok_ascii_fast;

/*
 * The hash every lexicon lookup starts from, of a folded form of n
 * bytes: its first and its last eight bytes (one word for a form of
 * eight or fewer, zero past its end; byte k at bits 8k, as swar_load8
 * reads) mixed with n.  Why not a hash of every byte: the tokenizer
 * hashes every token, and this costs three multiplications a word where
 * FNV cost one a byte, in a chain of dependent multiplications.  Bytes
 * in the middle of a form longer than 16 do not count: every lookup
 * compares the form itself, so two forms that share the hash cost a
 * probe more, nothing else.
 */
static inline uint32_t tok_hash_ab(uint64_t a, uint64_t b, size_t n)
{
	uint64_t h = a * 0x9E3779B97F4A7C15ull ^ (b + n) * 0xC2B2AE3D27D4EB4Full;
	h ^= h >> 32;
	h *= 0xD6E8FEB86659FD93ull;
	return (uint32_t)(h >> 32);
}

/* The n < 8 bytes at s as a word, byte k at bits 8k and zero above,
 * without reading past s + n. */
static inline uint64_t tok_load_part(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n >= 4) {
		uint64_t lo = (uint64_t)u[0] | (uint64_t)u[1] << 8 | (uint64_t)u[2] << 16 |
		              (uint64_t)u[3] << 24;
		const unsigned char *e = u + n - 4;
		uint64_t hi = (uint64_t)e[0] | (uint64_t)e[1] << 8 | (uint64_t)e[2] << 16 |
		              (uint64_t)e[3] << 24;
		return lo | hi << (8 * (n - 4));
	}
	if (!n)
		return 0;
	return (uint64_t)u[0] | (uint64_t)u[n >> 1] << (8 * (n >> 1)) |
	       (uint64_t)u[n - 1] << (8 * (n - 1));
}

static inline uint32_t tok_hash(const char *s, size_t n)
{
	if (n >= 8)
		return tok_hash_ab(swar_load8(s), swar_load8(s + n - 8), n);
	uint64_t a = tok_load_part(s, n);
	return tok_hash_ab(a, a, n);
}

static inline const char *tok_fold(const tok_list *l, const token *t)
{
	return l->arena.p + t->fold;
}

#endif
