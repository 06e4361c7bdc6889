/*
 * token: the tokenizer (see token.h for the rules).  One pass over the
 * code points; the only allocation is growth of the token array and the
 * fold arena, both reused across documents.
 */
#include "token.h"

#include <stdlib.h>
#include <string.h>
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

static token *push(tok_list *l, size_t start, size_t end, size_t cp, uint32_t flags,
                   const char *text)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 256;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	token *t = &l->v[l->n++];
	t->start = (uint32_t)start;
	t->end = (uint32_t)end;
	t->cp = (uint32_t)cp;
	t->flags = flags;
	t->fold = (uint32_t)l->arena.len;
	/* An ASCII token (most of them) is folded and hashed in one pass
	 * straight into the arena: fold_append and tok_hash give the same
	 * bytes and hash, byte by byte, for ASCII. */
	size_t n = end - start;
	buf_grow(&l->arena, n + 1);
	const unsigned char *src = (const unsigned char *)text + start;
	unsigned char *o = (unsigned char *)l->arena.p + l->arena.len;
	uint32_t h = 2166136261u;
	size_t k = 0;
	for (; k < n; k++) {
		unsigned char c = src[k];
		if (c >= 0x80)
			break;
		c = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c == '`' ? '\'' : c);
		o[k] = c;
		h = (h ^ c) * 16777619u;
	}
	if (k == n) {
		o[n] = '\0';
		l->arena.len += n + 1;
		l->arena.p[l->arena.len] = '\0';
		t->flen = (uint32_t)n;
		t->hash = h;
		return t;
	}
	fold_append(&l->arena, text + start, n);
	t->flen = (uint32_t)(l->arena.len - t->fold);
	t->hash = tok_hash(l->arena.p + t->fold, t->flen);
	buf_addc(&l->arena, '\0');
	return t;
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

void tok_scan(tok_list *l, const char *text, size_t from, size_t to, size_t cp0)
{
	size_t i = from, cp = cp0;
	uint32_t pending = 0;   /* flags for the next token: spaces, line breaks */
	int nl = 0;
	int joined = 0;          /* a hyphen attached the previous word to this one */
	while (i < to) {
		int32_t c;
		size_t k = decode(text + i, to - i, &c);
		if (fold_is_space(c)) {
			if (c == '\n') {
				nl++;
				pending |= TOK_NL;
				if (nl >= 2)
					pending |= TOK_PARA;
			}
			pending |= TOK_SPACE;
			joined = 0;
			i += k;
			cp++;
			continue;
		}
		nl = 0;
		if (fold_is_alnum(c)) {
			/* a word or a number: scan to its end */
			size_t s = i, scp = cp;
			int digit = c >= '0' && c <= '9';
			int upper = fold_is_upper(c), letters = 0, uppers = 0;
			size_t apos_split = 0, apos_cp = 0;
			int clitic = 0;
			while (i < to) {
				/* ASCII letters and digits: one table look-up each */
				unsigned char b = (unsigned char)text[i];
				if (b < 0x80 && (fold_ascii_cls[b] & FOLD_ALNUM)) {
					/* "include30": a lower-case word of four letters or
					 * more glued to a number is two tokens (names such as
					 * "M777" or "Leopard2" start upper-case) */
					if (b >= '0' && b <= '9' && !digit && !upper && uppers == 0 &&
					    letters >= 3)
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
				/* apostrophes: elision splits after, clitics before */
				if (fold_is_apos(d) && i + m < to) {
					int32_t e;
					decode(text + i + m, to - i - m, &e);
					if (fold_is_alnum(e) && !digit) {
						if (elides(text + s, i - s)) {
							apos_split = i + m;
							apos_cp = cp + 1;
						} else {
							clitic = 1;
						}
					}
				}
				break;
			}
			uint32_t fl = pending | (digit ? TOK_NUM : TOK_WORD);
			if (joined)
				fl |= TOK_JOINED;
			if (upper)
				fl |= TOK_CAP;
			if (letters >= 2 && uppers == letters)
				fl |= TOK_ALLCAP;
			if (s > from) {
				/* "-raketten" after a space */
				int32_t p = (unsigned char)text[s - 1];
				if (p == '-' && (s - 1 == from || text[s - 2] == ' '))
					fl |= TOK_LEADHYPH;
			}
			if (apos_split) {
				/* l'Élysée: "l'" then the word */
				push(l, s, apos_split, scp, fl & ~(uint32_t)(TOK_ALLCAP), text);
				pending = 0;
				joined = 0;
				i = apos_split;
				cp = apos_cp;
				continue;
			}
			token *t = push(l, s, i, scp, fl, text);
			(void)clitic;
			pending = 0;
			joined = 0;
			/* a hyphen right after: joined compound or suspended half */
			if (i < to) {
				int32_t d;
				size_t m = decode(text + i, to - i, &d);
				if (fold_is_dash(d)) {
					int32_t e = ' ';
					if (i + m < to)
						decode(text + i + m, to - i - m, &e);
					if (fold_is_alnum(e)) {
						joined = 1;
						i += m;
						cp++;
					} else if (fold_is_space(e) || e == ',') {
						t->flags |= TOK_SUSP;
						i += m;
						cp++;
					}
				}
			}
			continue;
		}
		/* a leading hyphen of a suspended compound is not a token */
		if (c == '-' && i + 1 < to && (unsigned char)text[i + 1] < 0x80 &&
		    fold_is_alnum((unsigned char)text[i + 1]) && (pending & TOK_SPACE)) {
			i += k;
			cp++;
			continue;
		}
		uint32_t fl = pending | TOK_PUNCT | (is_quote(c) ? TOK_QUOTE : 0);
		push(l, i, i + k, cp, fl, text);
		pending = 0;
		joined = 0;
		i += k;
		cp++;
	}
}
