/*
 * token: the tokenizer (see token.h for the rules).  One pass over the
 * code points; the only allocation is growth of the token array and the
 * fold arena, both reused across documents.
 *
 * Most words of news text are ASCII letters with a few digits, and
 * tokenizing them is most of the cost.  So tok_scan first runs
 * ascii_run, a loop over words of ASCII letters, numbers, white space and
 * ASCII punctuation with its state in locals; what that leaves, it takes one
 * token at a time: a word that starts with an ASCII letter or digit in
 * one pass (word_fast), each byte classified and folded into the arena
 * on the way to the word's end, then hashed from there (tok_hash, a word
 * at a time).  The rare cases word_fast leaves
 * (an elision to split, a digit separator) and everything else go to
 * scan_step, the general loop, which handles every case;
 * tok_ascii_fast = 0 leaves everything to it, and fuzz_token checks that
 * the two give the same tokens.
 */
#include "token.h"

#include <stdlib.h>
#include <string.h>
#include "../base/swar.h"
#include "../base/utf8.h"
#include "fold.h"

void tok_list_init(tok_list *l)
{
	l->v = NULL;
	l->n = l->cap = 0;
	buf_init(&l->arena);
}

void tok_list_reset(tok_list *l)
{
	l->n = 0;
	buf_reset(&l->arena);
}

void tok_list_release(tok_list *l)
{
	free(l->v);
	buf_release(&l->arena);
	tok_list_init(l);
}

int tok_ascii_fast = 1;

/* Room for one more token. */
static inline void tok_room(tok_list *l)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 256;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
}

static inline token *tok_new(tok_list *l)
{
	tok_room(l);
	return &l->v[l->n++];
}

/* Where n more bytes go at the end of b, with room for a NUL after them. */
static inline unsigned char *room(buf *b, size_t n)
{
	if (b->cap - b->len < n + 1)
		buf_grow(b, n);
	return (unsigned char *)b->p + b->len;
}

/* Fills in t, the token text[start..end) whose folded form is the flen
 * arena bytes at fold, of hash h. */
static inline void tok_set(token *t, size_t start, size_t end, size_t cp, size_t fold,
                           size_t flen, uint32_t flags, uint32_t h)
{
	t->start = (uint32_t)start;
	t->end = (uint32_t)end;
	t->cp = (uint32_t)cp;
	t->flags = flags;
	t->fold = (uint32_t)fold;
	t->flen = (uint32_t)flen;
	t->hash = h;
}

/* Appends the token text[start..end) whose folded form, n bytes of hash
 * h, the caller has written at the end of the arena (room(n + 1)). */
static inline token *push_folded(tok_list *l, size_t start, size_t end, size_t cp,
                                 uint32_t flags, size_t n, uint32_t h)
{
	token *t = tok_new(l);
	tok_set(t, start, end, cp, l->arena.len, n, flags, h);
	char *a = l->arena.p + l->arena.len;
	a[n] = '\0';
	a[n + 1] = '\0';
	l->arena.len += n + 1;
	return t;
}

static token *push(tok_list *l, size_t start, size_t end, size_t cp, uint32_t flags,
                   const char *text)
{
	/* An ASCII token (most of them) is folded in one pass straight
	 * into the arena: fold_append gives the same bytes, byte by byte,
	 * for ASCII. */
	size_t n = end - start;
	const unsigned char *src = (const unsigned char *)text + start;
	unsigned char *o = room(&l->arena, n + 1);
	uint32_t h;
	size_t k = 0;
	for (; k < n; k++) {
		unsigned char c = src[k];
		if (c >= 0x80)
			break;
		c = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c == '`' ? '\'' : c);
		o[k] = c;
	}
	if (k == n) {
		h = tok_hash((const char *)o, n);
	} else {
		/* fold_append writes at the end of the arena; its bytes are
		 * taken back as the unterminated form push_folded expects */
		size_t len = l->arena.len;
		fold_append(&l->arena, text + start, n);
		n = l->arena.len - len;
		l->arena.len = len;
		room(&l->arena, n + 1);
		h = tok_hash(l->arena.p + len, n);
		if (memchr(l->arena.p + len, ' ', n))
			flags |= TOK_FOLDSPACE;
	}
	return push_folded(l, start, end, cp, flags, n, h);
}

/* Bit 7 of each byte of v set where that byte is not an ASCII letter
 * (bytes >= 0x80 included): l + (0x80 - lo) has bit 7 set exactly when
 * the 7-bit byte l >= lo, and no byte carries into the next. */
static inline uint64_t nonletter(uint64_t v)
{
	uint64_t l = (v & ~SWAR_HIGH) | 0x20 * SWAR_ONES;
	uint64_t letter = (l + (0x80 - 'a') * SWAR_ONES) & ~(l + (0x80 - 'z' - 1) * SWAR_ONES);
	return ~(letter & ~v) & SWAR_HIGH;
}

/* Bit 7 of each byte of v set where that byte is not an ASCII digit, as
 * nonletter does for letters. */
static inline uint64_t nondigit(uint64_t v)
{
	uint64_t l = v & ~SWAR_HIGH;
	uint64_t digit = (l + (0x80 - '0') * SWAR_ONES) & ~(l + (0x80 - '9' - 1) * SWAR_ONES);
	return ~(digit & ~v) & SWAR_HIGH;
}

/* utf8_decode with ASCII answered inline: most bytes of news text. */
static inline size_t decode(const char *s, size_t n, int32_t *cp)
{
	if ((unsigned char)s[0] < 0x80) {
		*cp = (unsigned char)s[0];
		return 1;
	}
	return utf8_decode(s, n, cp);
}

static int is_quote(int32_t c)
{
	return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB ||
	       c == 0x00BB || c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x2039 ||
	       c == 0x203A || c == '\'';
}

/* Short French/Dutch words that elide into the next one: l', d', j', qu', n', s', c', m', t'. */
static int elides(const char *s, size_t n)
{
	if (n == 1)
		return strchr("lLdDjJnNsScCmMtT", s[0]) != NULL;
	if (n == 2)
		return (s[0] == 'q' || s[0] == 'Q') && (s[1] == 'u' || s[1] == 'U');
	if (n == 5)
		return !strncmp(s, "jusqu", 5) || !strncmp(s, "lorsq", 5) || !strncmp(s, "puisq", 5);
	return 0;
}

/* The flags of a word or number starting at text[s] (see token.h):
 * digit, upper and allcap say what its first code point and its letters
 * are; pending has those of what precedes it. */
static inline uint32_t word_flags(uint32_t pending, int digit, int upper, int allcap,
                                  const char *text, size_t from, size_t s)
{
	uint32_t fl = pending | (digit ? TOK_NUM : TOK_WORD);
	if (upper)
		fl |= TOK_CAP;
	if (allcap)
		fl |= TOK_ALLCAP;
	/* "-raketten" after a space */
	if (s > from && text[s - 1] == '-' && (s - 1 == from || text[s - 2] == ' '))
		fl |= TOK_LEADHYPH;
	return fl;
}

/* A hyphen at text[i], right after the word t: a joined compound (the
 * next word is TOK_JOINED: *pending gets it) or a suspended half (t is
 * marked TOK_SUSP).  Returns the bytes of the hyphen taken, 0 if none. */
static inline size_t hyphen_after(const char *text, size_t i, size_t to, token *t,
                                  uint32_t *pending)
{
	if (i >= to || (text[i] != '-' && (unsigned char)text[i] < 0x80))
		return 0;
	int32_t d;
	size_t m = decode(text + i, to - i, &d);
	if (!fold_is_dash(d))
		return 0;
	int32_t e = ' ';
	if (i + m < to)
		decode(text + i + m, to - i - m, &e);
	if (fold_is_alnum(e)) {
		*pending |= TOK_JOINED;
		return m;
	}
	if (fold_is_space(e) || e == ',') {
		t->flags |= TOK_SUSP;
		return m;
	}
	return 0;
}

/* Whether the n bytes at p have an ASCII upper-case letter. */
static int has_upper(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (fold_ascii_cls[p[i]] & FOLD_UPPER)
			return 1;
	return 0;
}

/* Whether the n ASCII letters at p have a lower-case one: the second,
 * mostly, so it costs little after a capital. */
static inline int has_lower(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] & 0x20)
			return 1;
	return 0;
}

/* tok_scan's word at text[s] (an ASCII letter or digit) as a token, if
 * it ends where the general loop in scan_step would end it and with the
 * same flags, but in one pass: each byte is classified and folded into
 * the arena as the word's end is found (and the form hashed at the end).
 * Letters go eight at a
 * time (the case bit 0x20 of each, moved to bit 7 by << 2, tells lower
 * from upper, and setting it folds them), the few digits one by one, and
 * a letter beyond ASCII through fold_cp_to, as fold_append folds it.
 * Returns NULL, having appended nothing, for what scan_step must do: an
 * elision to split, a digit separator, a code point that folds longer
 * than its bytes (tok_scan keeps room for the word's bytes).  Otherwise
 * *end is the end and *extra the bytes beyond one per code point. */
static inline token *word_fast(tok_list *l, const char *text, size_t from, size_t s,
                               size_t to, size_t cp, uint32_t pending, size_t *end,
                               size_t *extra)
{
	const unsigned char *p = (const unsigned char *)text;
	unsigned char *o = (unsigned char *)l->arena.p + l->arena.len;   /* tok_scan keeps the room */
	unsigned lead = fold_ascii_cls[p[s]];
	/* FOLD_UPPER, FOLD_LOWER: some letter is (not) upper case, except that
	 * the eight-letter chunks leave them out where they cannot matter: a
	 * lower-case letter only ends TOK_ALLCAP when the first is none, and
	 * an upper-case one only counts at a digit, where has_upper looks */
	unsigned cls = 0;
	int lower_counts = !(lead & FOLD_LOWER);
	size_t j = s, q = 0;    /* text[j], o[q]: the next byte in and out */
	size_t letters = 0, more = 0;
	for (;;) {
		while (to - j >= 8) {
			uint64_t v = swar_load8(p + j), m = nonletter(v);
			uint64_t taken = ((m & -m) - 1) & SWAR_HIGH;     /* the letters before m's first */
			size_t n = m ? (size_t)__builtin_ctzll(m) >> 3 : 8;
			if (lower_counts && ((v << 2) & taken))
				cls |= FOLD_LOWER;
			uint64_t f = v | 0x20 * SWAR_ONES;
			swar_store8(o + q, f);
			j += n;
			q += n;
			letters += n;
			if (n < 8)
				break;
		}
		for (; j < to; j++) {
			unsigned char b = p[j];
			unsigned k = fold_ascii_cls[b];
			if (k & (FOLD_UPPER | FOLD_LOWER)) {
				letters++;
			} else if (!(k & FOLD_DIGIT)) {
				break;
			} else if (!(lead & FOLD_DIGIT) && letters >= 3 && !(cls & FOLD_UPPER) &&
			           !has_upper(p + s, j - s)) {
				goto done;      /* "include30", as in scan_step */
			}
			cls |= k;
			o[q++] = b | 0x20;
		}
		if (j == to || p[j] < 0x80)
			break;
		int32_t d;
		size_t m = utf8_decode(text + j, to - j, &d);
		int c = fold_cls_cp(d);
		if (!(c & FOLD_ALNUM)) {
			if (fold_is_apos(d) && !(lead & FOLD_DIGIT) && elides(text + s, j - s))
				return NULL;
			goto done;
		}
		char f[FOLD_CP_MAX];
		size_t fl = fold_cp_to(d, f);
		if (q + fl > j + m - s)
			return NULL;
		for (size_t k = 0; k < fl; k++)
			o[q++] = (unsigned char)f[k];
		cls |= c & FOLD_UPPER ? FOLD_UPPER : FOLD_LOWER;
		letters++;
		j += m;
		more += m - 1;
	}
	if (j < to && p[j] == '\'' && !(lead & FOLD_DIGIT) && elides(text + s, j - s))
		return NULL;
	if ((lead & FOLD_DIGIT) && j + 1 < to && (p[j] == '.' || p[j] == ',') &&
	    (fold_ascii_cls[p[j + 1]] & FOLD_DIGIT))
		return NULL;
done:;
	uint32_t fl = word_flags(pending, lead & FOLD_DIGIT, lead & FOLD_UPPER,
	                         lower_counts && letters >= 2 && !(cls & FOLD_LOWER), text, from, s);
	/* a fold beyond ASCII may have a space */
	if (more && memchr(o, ' ', q))
		fl |= TOK_FOLDSPACE;
	*end = j;
	*extra = more;
	return push_folded(l, s, j, cp, fl, q, tok_hash((const char *)o, q));
}

/* The flags for the next token after white space c. */
static inline uint32_t space_flags(uint32_t pending, int32_t c)
{
	/* a second line break since the last token makes a blank line */
	if (c == '\n')
		pending |= pending & TOK_NL ? TOK_NL | TOK_PARA : TOK_NL;
	return pending | TOK_SPACE;
}

/* The punctuation c, k bytes at text[i], as a token (*pending has its
 * flags and is cleared), unless it is the leading hyphen of a suspended
 * compound. */
static inline void punct(tok_list *l, const char *text, size_t i, size_t to, int32_t c,
                         size_t k, size_t cp, uint32_t *pending, int fast)
{
	if (c == '-' && i + 1 < to && (fold_ascii_cls[(unsigned char)text[i + 1]] & FOLD_ALNUM) &&
	    (*pending & TOK_SPACE))
		return;
	uint32_t fl = *pending | TOK_PUNCT | (is_quote(c) ? TOK_QUOTE : 0);
	if (fast && k == 1) {
		/* one ASCII byte: its fold is itself ('`' aside) */
		unsigned char *o = room(&l->arena, 2);
		o[0] = (unsigned char)(c == '`' ? '\'' : c);
		push_folded(l, i, i + 1, cp, fl, 1, tok_hash((const char *)o, 1));
	} else if (fast) {
		/* one code point beyond ASCII (quotes, dashes): fold_cp_to
		 * folds it as fold_append would, without a pass over its bytes */
		unsigned char *o = room(&l->arena, FOLD_CP_MAX + 1);
		size_t n = fold_cp_to(c, (char *)o);
		if (memchr(o, ' ', n))
			fl |= TOK_FOLDSPACE;
		push_folded(l, i, i + k, cp, fl, n, tok_hash((const char *)o, n));
	} else {
		push(l, i, i + k, cp, fl, text);
	}
	*pending = 0;
}

/* One step of tok_scan at text[i], which handles everything: a white
 * space code point, a word or number, or punctuation.  Returns where the
 * next step starts; *cpp and *pendingp are tok_scan's.  Not inlined: its
 * state would crowd the registers of tok_scan's loop over ASCII words. */
__attribute__((noinline))
static size_t scan_step(tok_list *l, const char *text, size_t from, size_t i, size_t to,
                        size_t *cpp, uint32_t *pendingp, int fast)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t cp = *cpp;
	uint32_t pending = *pendingp;
	int32_t c;
	size_t k = decode(text + i, to - i, &c);
	if (fold_is_space(c)) {
		*pendingp = space_flags(pending, c);
		*cpp = cp + 1;
		return i + k;
	}
	if (fold_is_alnum(c)) {
		/* a word or a number: scan to its end */
		size_t s = i, scp = cp;
		int digit = c >= '0' && c <= '9';
		int upper = fold_is_upper(c), letters = 0, uppers = 0;
		size_t apos_split = 0, apos_cp = 0;
		while (i < to) {
			/* ASCII letters and digits: one table look-up each */
			unsigned char b = p[i];
			if (fold_ascii_cls[b] & FOLD_ALNUM) {
				/* "include30": a lower-case word of four letters or
				 * more glued to a number is two tokens (names such as
				 * "M777" or "Leopard2" start upper-case) */
				if (b >= '0' && b <= '9' && !digit && !upper && uppers == 0 && letters >= 3)
					break;
				if (!(b >= '0' && b <= '9')) {
					letters++;
					uppers += (fold_ascii_cls[b] & FOLD_UPPER) != 0;
				}
				i++;
				cp++;
				continue;
			}
			int32_t d;
			size_t m = decode(text + i, to - i, &d);
			if (fold_is_alnum(d)) {
				if (!(d >= '0' && d <= '9')) {
					letters++;
					uppers += fold_is_upper(d);
				}
				i += m;
				cp++;
				continue;
			}
			/* digit group separators stay inside numbers */
			if (digit && (d == '.' || d == ',') && i + m < to &&
			    text[i + m] >= '0' && text[i + m] <= '9') {
				i += m;
				cp++;
				continue;
			}
			/* apostrophes: elision splits after (clitics before: the
			 * word just ends) */
			if (fold_is_apos(d) && i + m < to) {
				int32_t e;
				decode(text + i + m, to - i - m, &e);
				if (fold_is_alnum(e) && !digit && elides(text + s, i - s)) {
					apos_split = i + m;
					apos_cp = cp + 1;
				}
			}
			break;
		}
		uint32_t fl = word_flags(pending, digit, upper, letters >= 2 && uppers == letters,
		                         text, from, s);
		*pendingp = 0;
		if (apos_split) {
			/* l'Élysée: "l'" then the word */
			push(l, s, apos_split, scp, fl & ~(uint32_t)(TOK_ALLCAP), text);
			*cpp = apos_cp;
			return apos_split;
		}
		token *t = push(l, s, i, scp, fl, text);
		size_t m = hyphen_after(text, i, to, t, pendingp);
		*cpp = cp + (m != 0);
		return i + m;
	}
	*cpp = cp + 1;
	punct(l, text, i, to, c, k, cp, pendingp, fast);
	return i + k;
}

/* Byte classes for ascii_run: A_LETTER an ASCII letter, A_SPACE white
 * space, A_PUNCT punctuation it takes itself (ASCII, not a letter, digit,
 * space or hyphen), A_END a byte after which a word of ASCII letters has
 * nothing more to decide (ASCII, not a letter, digit, apostrophe or
 * hyphen).  Bytes from 0x80 up are in no class. */
enum { A_LETTER = 1, A_SPACE = 2, A_PUNCT = 4, A_END = 8, A_NUM = 16 };
#define A_ALPHA(b) (((b) | 0x20) >= 'a' && ((b) | 0x20) <= 'z')
#define A_DIGIT(b) ((b) >= '0' && (b) <= '9')
#define A_WHITE(b) ((b) == ' ' || ((b) >= '\t' && (b) <= '\r'))
#define A_OTHER(b) ((b) < 0x80 && !A_ALPHA(b) && !A_DIGIT(b))
#define A_CLS(b) ((A_ALPHA(b) ? A_LETTER : 0) | (A_DIGIT(b) ? A_NUM : 0) | (A_WHITE(b) ? A_SPACE : 0) | \
	(A_OTHER(b) && !A_WHITE(b) && (b) != '-' ? A_PUNCT : 0) | \
	(A_OTHER(b) && (b) != '\'' && (b) != '-' ? A_END : 0))
#define A_CLS4(b) A_CLS(b), A_CLS((b) + 1), A_CLS((b) + 2), A_CLS((b) + 3)
#define A_CLS16(b) A_CLS4(b), A_CLS4((b) + 4), A_CLS4((b) + 8), A_CLS4((b) + 12)
#define A_CLS64(b) A_CLS16(b), A_CLS16((b) + 16), A_CLS16((b) + 32), A_CLS16((b) + 48)
static const unsigned char ascii_cls[256] = {
	A_CLS64(0), A_CLS64(64), A_CLS64(128), A_CLS64(192)
};

/* ascii_run's letters or digits from p[j] on, eight at a time, j and o
 * moved past them: the eight bytes v of the text go to o with their case
 * bit set (f: the fold of a letter; digits have the bit); MASK
 * (nonletter(f) or nondigit(v)) says where they end, and a chunk beyond
 * the last eight bytes (last8) goes to label STOP.  A macro, not a
 * function: the compiler keeps o in a register only so.  The first
 * chunk stores eight bytes at the word's start, which stored_hash reads
 * back. */
/* tok_hash of the len >= 1 bytes at w, which has eight bytes stored
 * from w on (RUN8's first chunk) whatever len is: the word is read
 * whole and its bytes past len masked off. */
static inline uint32_t stored_hash(const unsigned char *w, size_t len)
{
	if (len >= 8)
		return tok_hash_ab(swar_load8(w), swar_load8(w + len - 8), len);
	uint64_t x = swar_load8(w) & (((uint64_t)1 << (8 * len)) - 1);
	return tok_hash_ab(x, x, len);
}

#define RUN8(MASK, STOP) do { \
	uint64_t m; \
	do { \
		if (j > last8) \
			goto STOP; \
		uint64_t v = swar_load8(p + j), f = v | 0x20 * SWAR_ONES; \
		m = MASK; \
		swar_store8(o, f); \
		size_t n = m ? ((unsigned)__builtin_ctzll(m) >> 3) & 7 : 8; \
		j += n; \
		o += n; \
	} while (!m); \
} while (0)

/* tok_scan's loop over what most of news text is: words of ASCII letters
 * and numbers of digits that end at a space or punctuation, the white
 * space between them and ASCII punctuation, from text[i] on.  Returns
 * where it stopped, for tok_scan to take the next token: a hyphen or a
 * byte beyond ASCII to start one, a digit, a letter, an apostrophe, a
 * byte beyond ASCII or a hyphen before one after a word or a number
 * (nothing of it appended; a number takes hyphens to tok_scan too), a
 * full token array, or fewer than eight bytes left.
 *
 * Why a loop of its own: the token array's and the arena's ends live in
 * locals here, written back once at the end, where every store to the
 * arena through a char pointer would otherwise make the compiler reload
 * them from l; and a word is taken in one pass, eight letters at a time,
 * its end byte classified once by ascii_cls.  The arena has room for
 * 2 (to - i) + 1 more bytes (see tok_scan), so no test is needed for a
 * word's eight-byte stores, nor for its form and NUL. */
static size_t ascii_run(tok_list *l, const unsigned char *p, size_t from, size_t i,
                        size_t to, size_t cpd, uint32_t *pendingp)
{
	token *t = l->v + l->n, *tend = l->v + l->cap;   /* l->v is not NULL (tok_scan) */
	unsigned char *a = (unsigned char *)l->arena.p;
	size_t alen = l->arena.len;
	uint32_t pending = *pendingp;
	if (to - i < 8)
		return i;
	size_t last8 = to - 8;   /* the last start of eight bytes */
	/* "-raketten" (word_flags), tested once: the loop takes a hyphen
	 * only right after a word (hyphen_after), never after a space, so
	 * only a word right here can be such a half */
	if (i > from && p[i - 1] == '-' && (ascii_cls[p[i]] & (A_LETTER | A_NUM)) &&
	    (i - 1 == from || p[i - 2] == ' '))
		pending |= TOK_LEADHYPH;
	while (i <= last8 && t != tend) {
		unsigned b = p[i], k = ascii_cls[b];
		if (k & A_LETTER) {
			/* the flags of word_flags: a letter is upper case when
			 * its case bit 0x20 is clear, and TOK_CAP is that bit >> 2 */
			uint32_t fl = pending | TOK_WORD | (~b & 0x20) >> 2;
			/* as word_fast's letters, folded by setting the case bit
			 * of each */
			unsigned char *o = a + alen;
			size_t j = i;
			/* the token's fields in two halves, before and after the
			 * letters (unused if the word is left to tok_scan): the
			 * compiler would otherwise pack four of them into one
			 * vector store, at a cost of more instructions */
			t->start = (uint32_t)i;
			t->cp = (uint32_t)(i + cpd);
			t->fold = (uint32_t)alen;
			RUN8(nonletter(f), left);
			/* what follows: the flags of the next token and the bytes
			 * to pass over; hyphen_after's test for an ASCII hyphen
			 * before an ASCII byte, without its calls, which would
			 * cost registers all through the loop */
			unsigned e = p[j];
			uint32_t next = 0;
			size_t skip = 0;
			if (e == ' ') {
				next = TOK_SPACE;
				skip = 1;
			} else if (e == '-') {
				unsigned d = j + 1 < to ? p[j + 1] : ' ';
				if (d >= 0x80)
					goto left;
				if (fold_ascii_cls[d] & FOLD_ALNUM) {
					next = TOK_JOINED;
					skip = 1;
				} else if ((fold_ascii_cls[d] & FOLD_SPACE) || d == ',') {
					fl |= TOK_SUSP;
					skip = 1;
				}
			} else if (!(ascii_cls[e] & A_END)) {
			left:
				/* the word is tok_scan's, with the flags it had
				 * (taken back from fl, so that pending need not
				 * live through the letters) */
				pending = fl & ~(uint32_t)(TOK_WORD | TOK_CAP);
				break;
			}
			size_t len = j - i;
			if ((fl & TOK_CAP) && len >= 2 && !has_lower(p + i + 1, len - 1))
				fl |= TOK_ALLCAP;
			*o = '\0';
			t->end = (uint32_t)j;
			t->flen = (uint32_t)len;
			t->flags = fl;
			t->hash = stored_hash(a + alen, len);
			alen += len + 1;
			pending = next;
			i = j + skip;
			t++;
		} else if (k & A_SPACE) {
			pending = space_flags(pending, (int32_t)b);
			i++;
		} else if (k & A_PUNCT) {
			/* punct's one ASCII byte ('-' left to it) */
			unsigned char c = (unsigned char)(b == '`' ? '\'' : b);
			a[alen] = c;
			a[alen + 1] = '\0';
			tok_set(t++, i, i + 1, i + cpd, alen, 1,
			        pending | TOK_PUNCT | (is_quote((int32_t)b) ? TOK_QUOTE : 0),
			        tok_hash_ab(c, c, 1));
			alen += 2;
			pending = 0;
			i++;
		} else if (k & A_NUM) {
			/* a number of digits, with the digit group separators of
			 * scan_step ("1.000", "93,8"), which fold to themselves */
			unsigned char *o = a + alen;
			size_t j = i;
			unsigned e;
			for (;;) {
				RUN8(nondigit(v), done);
				e = p[j];
				if ((e != '.' && e != ',') || j + 1 == to || !A_DIGIT(p[j + 1]))
					break;
				*o++ = (unsigned char)e;
				j++;
			}
			/* letters, a hyphen, an apostrophe or a byte beyond ASCII
			 * after it: tok_scan's */
			if (e != ' ' && !(ascii_cls[e] & A_END))
				break;
			*o = '\0';
			tok_set(t++, i, j, i + cpd, alen, j - i, pending | TOK_NUM,
			        stored_hash(a + alen, j - i));
			alen += j - i + 1;
			pending = e == ' ' ? TOK_SPACE : 0;
			i = j + (e == ' ');
		} else {
			break;
		}
	}
done:
	l->n = (size_t)(t - l->v);
	l->arena.len = alen;
	a[alen] = '\0';
	/* a word left to tok_scan gets TOK_LEADHYPH there too */
	*pendingp = pending & ~(uint32_t)TOK_LEADHYPH;
	return i;
}

void tok_scan(tok_list *l, const char *text, size_t from, size_t to, size_t cp0)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t i = from;
	/* the code point offset less the byte offset: it changes only at a
	 * byte beyond ASCII, which scan_step handles (unsigned, it may wrap) */
	size_t cpd = cp0 - from;
	/* flags for the next token: spaces, line breaks, and TOK_JOINED when
	 * a hyphen attached the previous word to it (then it is a word) */
	uint32_t pending = 0;
	int fast = tok_ascii_fast;
	/* At the top of the loop the arena has room for 2 (to - i) + 1 more
	 * bytes, which ascii_run and word_fast need no test for: a token
	 * takes at most its bytes and a NUL, never more than twice the bytes
	 * it moves i past, and so keeps the room for the rest.  scan_step's folds may
	 * take more: the room is made again after it. */
	room(&l->arena, 2 * (to - i) + 1);
	tok_room(l);
	while (i < to) {
		if (fast && (i = ascii_run(l, p, from, i, to, cpd, &pending)) >= to)
			break;
		unsigned k = fold_ascii_cls[p[i]];
		if (k & FOLD_SPACE) {
			pending = space_flags(pending, p[i]);
			i++;
			continue;
		}
		token *t;
		size_t end, extra;
		if (fast && (k & FOLD_ALNUM) &&
		    (t = word_fast(l, text, from, i, to, i + cpd, pending, &end, &extra))) {
			cpd -= extra;
			/* the space after most words, without another round */
			if (end < to && p[end] == ' ') {
				pending = TOK_SPACE;
				i = end + 1;
				continue;
			}
			pending = 0;
			size_t m = hyphen_after(text, end, to, t, &pending);
			i = end + m;
			cpd -= m ? m - 1 : 0;
			continue;
		}
		if (fast && !k && p[i] < 0x80) {
			punct(l, text, i, to, p[i], 1, i + cpd, &pending, 1);
			i++;
			continue;
		}
		/* copies, so that cpd and pending can live in registers */
		size_t cp = i + cpd;
		uint32_t pend = pending;
		i = scan_step(l, text, from, i, to, &cp, &pend, fast);
		cpd = cp - i;
		pending = pend;
		room(&l->arena, 2 * (to - i) + 1);
	}
}
