/*
 * number: finds numbers and money amounts in one pass over a sentence.
 *
 * At every token start the scanner folds a small window (numlex.h) and
 * tries one expression:
 *
 *     [approx | atleast | between]* [currency] core [percent | currency]
 *         [(to | and) [currency] core [percent | currency]]
 *
 * where core is digits with separators, an optional scale ("2,5 miljard",
 * "$1.1bn") or ordinal suffix ("3rd", "3e", de "3."), or a word number
 * built by a small grammar over the morphemes of data/numbers.tsv (units,
 * teens, tens, hundred, thousand, scale, joiners), which covers the
 * compounds ("tweehonderdvijftigduizend", "dreiundzwanzig",
 * "quatre-vingt-dix") without listing them.  Nothing is allocated per
 * call; the lexicon is read-only after loading and may be shared between
 * threads.
 *
 * Digit separators: a group separator is followed by exactly three
 * digits; several equal separators ("1.000.000") or a group separator and
 * a different last one ("1.000,5", "1,000.5") are read as written in every
 * language; a single "." or "," before exactly three digits is decided by
 * the language ("1.500" is 1500 in nl/de/fr and 1.5 in en; with no language
 * both are group separators); a single "." or "," before any other count
 * of digits is a decimal point ("93,8", "2.5"), except that in English a
 * comma is never decimal, so "1,5" is the list 1, 5.  A space or
 * apostrophe only groups ("1 000", "1'000").  A run that fits none of this
 * ("1.00.0") is not a number.
 *
 * NUM_WORD is set when the number itself is spelled ("vijf miljoen",
 * "a hundred"), not when only the scale is ("2 miljoen").
 */
#include "number.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/tsv.h"
#include "numlex.h"

/* Amounts above this are absurd for news about aid (a quadrillion). */
#define NUM_LIMIT 1e15

enum {
	K_UNIT, K_TEEN, K_TEN, K_MUL, K_THOUSAND, K_SCALE, K_FRAC, K_JOIN, K_ORD,
	K_ORDEND, K_ORDSUF, K_APPROX, K_ATLEAST, K_BETWEEN, K_AND, K_TO, K_PERCENT,
	K_CUR, K_NKINDS
};

static const char *const kind_names[K_NKINDS] = {
	"unit", "teen", "ten", "mul", "thousand", "scale", "frac", "join", "ord",
	"ordend", "ordsuf", "approx", "atleast", "between", "and", "to", "percent",
	"currency",
};

enum {
	F_NOTALONE = 1 << 0, F_ATTACHED = 1 << 1, F_MONEY = 1 << 2, F_FOLLOW = 1 << 3,
	F_COMPOUND = 1 << 4, F_WORD = 1 << 5, F_INFL = 1 << 6,
	F_BEFORE = 1 << 7, F_AFTER = 1 << 8, F_AFTERSCALE = 1 << 9
};

static const nlx_flag flag_names[] = {
	{ "exact", NLX_F_EXACT }, { "notalone", F_NOTALONE }, { "attached", F_ATTACHED },
	{ "money", F_MONEY }, { "follow", F_FOLLOW }, { "compound", F_COMPOUND },
	{ "word", F_WORD }, { "infl", F_INFL },
};

#define B(k) (1u << (k))
#define MORPH (B(K_UNIT) | B(K_TEEN) | B(K_TEN) | B(K_MUL) | B(K_THOUSAND) | \
               B(K_SCALE) | B(K_FRAC) | B(K_JOIN))
/* what may follow a number word that leaves a number pending (a
 * notalone unit, a fraction) in parse_words */
#define LEADS (B(K_MUL) | B(K_THOUSAND) | B(K_SCALE) | B(K_FRAC) | B(K_JOIN))
/* the words parse_expr reads before a number: "ongeveer", "at least", "van" */
#define PREFIXES (B(K_APPROX) | B(K_ATLEAST) | B(K_BETWEEN))

struct num_lex {
	nlx_tab tab;
};

/* ---- loading ---- */

typedef struct load_ctx {
	num_lex *lx;
	const char *path;
} load_ctx;

static int number_line(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	load_ctx *c = ctx;
	unsigned lang, flags;
	(void)nf;
	if (nlx_lang_list(f[0], &lang))
		return nlx_bad(e, c->path, line, "unknown language", f[0]);
	int kind = nlx_name_ix(kind_names, K_CUR, f[1]);   /* currencies have a file of their own */
	if (kind == K_CUR)
		return nlx_bad(e, c->path, line, "unknown kind", f[1]);
	if (!*f[2])
		return nlx_bad(e, c->path, line, "empty word", NULL);
	double v = 0;
	int valued = kind <= K_FRAC || kind == K_ORD;
	if (valued) {
		if (nlx_parse_double(f[3], &v) || v <= 0)
			return nlx_bad(e, c->path, line, "value must be a positive number", f[3]);
	} else if (strcmp(f[3], "-")) {
		return nlx_bad(e, c->path, line, "value must be \"-\" for this kind", f[3]);
	}
	if (nlx_parse_flags(f[4], flag_names, sizeof flag_names / sizeof flag_names[0], &flags))
		return nlx_bad(e, c->path, line, "unknown flag", f[4]);
	/* a number word that leaves a number pending (parse_words: "een",
	 * "a" of "een miljoen", "a hundred"; "half" of "half a million")
	 * starts one only before another */
	if ((kind == K_UNIT && (flags & F_NOTALONE)) || kind == K_FRAC)
		flags |= NLX_F_LEAD;
	if (!nlx_tab_add(&c->lx->tab, f[2], lang, kind, flags, v))
		return nlx_bad(e, c->path, line, "word folds to nothing or is too long", f[2]);
	return SL_OK;
}

static int currency_line(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	load_ctx *c = ctx;
	unsigned lang, flags;
	(void)nf;
	if (nlx_lang_list(f[0], &lang))
		return nlx_bad(e, c->path, line, "unknown language", f[0]);
	if (!*f[1])
		return nlx_bad(e, c->path, line, "empty name", NULL);
	/* "-": a name that says money but not whose ("kronen": SEK, NOK,
	 * DKK ...), so the amount is a value with no currency */
	const char *code = f[2];
	if (!strcmp(code, "-"))
		code = "";
	else if (strlen(code) != 3 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' ||
	         code[1] > 'Z' || code[2] < 'A' || code[2] > 'Z')
		return nlx_bad(e, c->path, line, "code must be three capital letters (ISO 4217) or -", code);
	if (!strcmp(f[3], "before"))
		flags = F_BEFORE;
	else if (!strcmp(f[3], "after"))
		flags = F_AFTER;
	else if (!strcmp(f[3], "both"))
		flags = F_BEFORE | F_AFTER;
	else if (!strcmp(f[3], "afterscale"))
		flags = F_AFTERSCALE;
	else
		return nlx_bad(e, c->path, line, "where must be before, after, both or afterscale", f[3]);
	nlx_ent *en = nlx_tab_add(&c->lx->tab, f[1], lang, K_CUR, flags, 0);
	if (!en)
		return nlx_bad(e, c->path, line, "name folds to nothing or is too long", f[1]);
	memcpy(en->code, code, strlen(code) + 1);
	return SL_OK;
}

num_lex *num_lex_load(const char *dir, sl_err *e)
{
	num_lex *lx = xcalloc(1, sizeof *lx);
	nlx_tab_init(&lx->tab);
	char path[4096];
	load_ctx c = { lx, path };
	snprintf(path, sizeof path, "%s/numbers.tsv", dir);
	if (tsv_each(path, 5, number_line, &c, e) != SL_OK)
		goto fail;
	snprintf(path, sizeof path, "%s/currencies.tsv", dir);
	if (tsv_each(path, 4, currency_line, &c, e) != SL_OK)
		goto fail;
	nlx_tab_finish(&lx->tab, B(K_UNIT) | B(K_TEEN) | B(K_TEN) | B(K_MUL) | B(K_THOUSAND) |
	                         B(K_FRAC) | B(K_ORD) | B(K_APPROX) | B(K_ATLEAST) |
	                         B(K_BETWEEN) | B(K_CUR));
	/* at the start of an expression number words and ordinals are read
	 * without the boundary rule (parse_core, parse_words); a number word
	 * glued to a letter is a number only when another number word
	 * follows glued (parse_words: "eenentwintig", "zweihundert"), which
	 * most words that begin with one ("are", "einer", "union") fail;
	 * one that leaves a number pending ("een", "half") is one only
	 * before what may close it ("een miljoen"), which "een brief" and
	 * "a year" are not; a prefix word ("van", "about") only before a
	 * space and a digit or a word that may start one (parse_expr) */
	nlx_tab_prefixes(&lx->tab, MORPH | B(K_ORD), MORPH, LEADS, PREFIXES, 0);
	return lx;
fail:
	num_lex_free(lx);
	return NULL;
}

void num_lex_sieve(const num_lex *lx, nlx_sieve *sv)
{
	nlx_sieve_add(sv, &lx->tab);
}

void num_lex_free(num_lex *lx)
{
	if (!lx)
		return;
	nlx_tab_release(&lx->tab);
	free(lx);
}

/* ---- parsing ---- */

typedef struct P {
	const num_lex *lx;
	nlx_fold *f;
	unsigned lang;
	int en;                /* English decimal convention */
	int nolang;            /* no language given */
	int cur_pre;           /* a currency came before the digits */
} P;

typedef struct core {
	size_t end;            /* folded offset after the core */
	double v;
	double scale;          /* scale factor applied (1 if none) */
	int word, ordinal, plain4, over;
	size_t src_end;        /* > 0: the core ran past the window, ends here */
} core;

static const nlx_ent *M(P *p, size_t k, unsigned mask, int boundary)
{
	return nlx_match(&p->lx->tab, p->f, k, p->lang, mask, boundary);
}

static int is_let(P *p, size_t k)
{
	return nlx_cls(p->f, k) == NLX_LET;
}

static int is_dig(P *p, size_t k)
{
	return nlx_cls(p->f, k) == NLX_DIG;
}

/* The source end of a digit run that overflowed the window. */
static size_t run_end(const char *s, size_t n, size_t i)
{
	while (i < n) {
		char c = s[i];
		if (c >= '0' && c <= '9')
			i++;
		else if ((c == '.' || c == ',' || c == ' ') && i + 1 < n && s[i + 1] >= '0' &&
		         s[i + 1] <= '9')
			i++;
		else
			break;
	}
	return i;
}

/* A scale or thousand word after a digit core: attached ("1.1bn") or
 * after one space ("2 miljoen"). */
static void digit_scale(P *p, core *c)
{
	size_t i = c->end;
	const nlx_ent *m = NULL;
	if (is_let(p, i)) {
		m = M(p, i, B(K_SCALE) | B(K_THOUSAND), 1);
	} else if (nlx_at(p->f, i) == ' ') {
		m = M(p, i + 1, B(K_SCALE) | B(K_THOUSAND), 1);
		if (m && (m->flags & F_ATTACHED))
			m = NULL;
		i++;
	}
	if (!m || ((m->flags & F_MONEY) && !p->cur_pre))
		return;
	/* "1.7 billion" is 1,700,000,000, not the 1700000000.0000002 that
	 * 1.7 * 1e9 is in binary */
	c->v = m->value >= 1000 ? round(c->v * m->value) : c->v * m->value;
	c->scale = m->value;
	c->plain4 = 0;
	c->end = i + m->flen;
}

/* The end of a numeric date at k ("2022-01-26", "20/08/2021",
 * "20-08-2021"), 0 if none: a date is not a quantity, and date.c reads it. */
static size_t date_shape(P *p, size_t k)
{
	size_t a = 0, b = 0, c = 0, i = k;
	while (is_dig(p, i) && a < 5)
		i++, a++;
	int s = nlx_at(p->f, i);
	if (s != '-' && s != '/' && s != '.')
		return 0;
	i++;
	while (is_dig(p, i) && b < 3)
		i++, b++;
	if (nlx_at(p->f, i) != s)
		return 0;
	i++;
	while (is_dig(p, i) && c < 5)
		i++, c++;
	if (is_dig(p, i) || is_let(p, i))
		return 0;
	if ((a == 4 && b == 2 && c == 2) || (a >= 1 && a <= 2 && b >= 1 && b <= 2 && c == 4))
		return i;
	return 0;
}

#define MAXG 48

/* Digits with separators.  1: a number; 0: none; -1: an invalid run that
 * is not a number at all (c->end is its end, for skipping). */
static int parse_digits(P *p, size_t k, core *c)
{
	nlx_fold *f = p->f;
	size_t gs[MAXG], gl[MAXG];
	int sep[MAXG];
	int ng = 0;
	size_t i = date_shape(p, k);
	if (i) {
		c->end = i;
		return -1;
	}
	i = k;
	for (;;) {
		size_t s = i;
		while (is_dig(p, i))
			i++;
		gs[ng] = s;
		gl[ng] = i - s;
		ng++;
		int ch = nlx_at(f, i);
		if ((ch == '.' || ch == ',' || ch == ' ' || ch == '\'') && is_dig(p, i + 1) && ng < MAXG) {
			sep[ng - 1] = ch;
			i++;
			continue;
		}
		break;
	}
	if ((nlx_cls(f, i) == NLX_END && nlx_truncated(f)) || ng == MAXG) {
		c->over = 1;
		c->end = i;
		c->src_end = run_end(f->src, f->n, nlx_src(f, i));
		return 1;
	}
	/* a space, an apostrophe and (in English) a comma only group: where
	 * they cannot, they are punctuation and the number ends before them */
	for (int j = 0; j < ng - 1; j++) {
		int s = sep[j];
		int soft = s == ' ' || s == '\'' || (s == ',' && p->en);
		if (!soft)
			continue;
		int ok = gl[j + 1] == 3 && gl[0] <= 3;
		for (int q = 0; q < j && ok; q++)
			ok = sep[q] == s;
		/* "20 155-millimetre howitzers": a group joined by a hyphen to
		 * a word is a measure of its own, not the tail of the number
		 * before the space */
		if (ok && s == ' ' && j + 1 == ng - 1 && nlx_at(f, gs[j + 1] + gl[j + 1]) == '-' &&
		    is_let(p, gs[j + 1] + gl[j + 1] + 1))
			ok = 0;
		if (!ok) {
			ng = j + 1;
			i = gs[j] + gl[j];
			break;
		}
	}
	int nsep = ng - 1, dec = -1;
	if (nsep > 0) {
		int s0 = sep[0], same = 1, threes = 1;
		for (int j = 1; j < nsep; j++)
			same &= sep[j] == s0;
		for (int j = 1; j < ng; j++)
			threes &= gl[j] == 3;
		int last = sep[nsep - 1];
		int head_same = 1, head_threes = 1;
		for (int j = 1; j < nsep - 1; j++)
			head_same &= sep[j] == s0;
		for (int j = 1; j < ng - 1; j++)
			head_threes &= gl[j] == 3;
		if (same && threes && gl[0] <= 3) {
			if (nsep == 1 && s0 == '.')
				dec = p->en ? 1 : -1;
			else if (nsep == 1 && s0 == ',')
				dec = (p->en || p->nolang) ? -1 : 1;
		} else if (nsep >= 2 && (last == '.' || last == ',') && last != s0 && head_same &&
		           head_threes && gl[0] <= 3) {
			dec = ng - 1;
		} else if (nsep == 1 && (s0 == '.' || s0 == ',')) {
			dec = 1;
		} else {
			c->end = i;
			return -1;
		}
	}
	int intg = dec < 0 ? ng : dec;
	double v = 0;
	int digits = 0;
	for (int g = 0; g < intg; g++)
		for (size_t q = gs[g]; q < gs[g] + gl[g]; q++) {
			int d = f->b[q] - '0';
			if (digits || d)
				digits++;
			if (digits <= 17)
				v = v * 10 + d;
		}
	if (digits > 16)
		c->over = 1;
	if (dec >= 0) {
		double s = 0.1;
		for (size_t q = gs[dec]; q < gs[dec] + gl[dec] && q < gs[dec] + 15; q++) {
			v += (f->b[q] - '0') * s;
			s /= 10;
		}
	}
	c->v = v;
	c->scale = 1;
	c->plain4 = ng == 1 && gl[0] == 4;
	c->end = i;
	/* "10^400": a power, usually absurd */
	if (nlx_at(f, i) == '^' && is_dig(p, i + 1)) {
		size_t j = i + 1;
		double ex = 0;
		int nd = 0;
		while (is_dig(p, j)) {
			if (++nd <= 6)
				ex = ex * 10 + (f->b[j] - '0');
			j++;
		}
		double r = nd > 6 ? INFINITY : pow(v, ex);
		if (!isfinite(r) || r > NUM_LIMIT)
			c->over = 1;
		else
			c->v = r;
		c->plain4 = 0;
		c->end = i = j;
	}
	if (ng == 1 && gl[0] <= 4) {
		const nlx_ent *m = M(p, i, B(K_ORDSUF), 1);
		if (m && (!(m->flags & F_FOLLOW) ||
		          (nlx_at(f, i + m->flen) == ' ' && nlx_cls(f, i + m->flen + 1) != NLX_END))) {
			c->ordinal = 1;
			c->plain4 = 0;
			c->end = i + m->flen;
			return 1;
		}
	}
	digit_scale(p, c);
	if (is_let(p, c->end) || is_dig(p, c->end))
		return -1;              /* glued to a word: "2A6", "100km" */
	return 1;
}

/* The grammar of word numbers (see the file comment). */
static int parse_words(P *p, size_t k, core *c)
{
	double big = 0, total = 0, grp = 0, sub = 0, last_scale = 0;
	int u = 0, t = 0, te = 0, tval = 0, mul = 0, thou = 0, nm = 0;
	int na = 0, frac = 0, join = 0;   /* pending: notalone, fraction, joiner */
	int have = 0;
	double best = 0;
	size_t best_end = 0, i = k;
	int sepk = 0;                     /* 0 start, 1 inside a word, 2 hyphen, 3 space */
	for (;;) {
		const nlx_ent *m = M(p, i, MORPH, 0);
		if (!m || (m->flags & F_ATTACHED))
			break;
		int kind = m->kind;
		double v = m->value;
		if (na && !(kind == K_MUL || kind == K_THOUSAND || kind == K_SCALE || kind == K_FRAC ||
		            (kind == K_JOIN && (m->flags & F_COMPOUND))))
			break;
		if (frac && !(kind == K_THOUSAND || kind == K_SCALE))
			break;
		na = 0;
		int ok = 1;
		switch (kind) {
		case K_JOIN:
			if (m->flags & F_COMPOUND)
				ok = sepk == 1 && u && !t && !te && !join && is_let(p, i + m->flen);
			else
				ok = (sepk == 3 || sepk == 2) && !join && !u && !te &&
				     (t || ((mul || thou || last_scale > 0) && sub == 0)) &&
				     (nlx_at(p->f, i + m->flen) == ' ' || nlx_at(p->f, i + m->flen) == '-');
			if (ok)
				join = (m->flags & F_COMPOUND) ? 1 : 2;
			break;
		case K_UNIT:
			ok = !u && !te && join != 1;
			if (ok && t && (m->flags & F_NOTALONE) && sepk == 3 && join != 2)
				ok = 0;    /* "fifty a day" */
			if (ok) {
				sub += v;
				u = 1;
				if ((m->flags & F_NOTALONE) && join != 2 && !(t && sepk != 3))
					na = 1;
				join = 0;
			}
			break;
		case K_TEEN:
			ok = !u && !te && join != 1 && (!t || tval == 60 || tval == 80);
			if (ok) {
				sub += v;
				te = 1;
				join = 0;
			}
			break;
		case K_TEN:
			ok = !t && !te && (u ? join == 1 : join != 1);
			if (ok) {
				sub += v;
				t = 1;
				tval = (int)v;
				join = 0;
			}
			break;
		case K_MUL:
			ok = !mul && !join;
			if (ok) {
				grp = (sub > 0 ? sub : 1) * v;
				sub = 0;
				u = t = te = 0;
				mul = 1;
			}
			break;
		case K_THOUSAND:
			ok = !thou && !join;
			if (ok) {
				double g = grp + sub;
				total += (g > 0 ? g : 1) * v;
				grp = sub = 0;
				u = t = te = mul = 0;
				thou = 1;
				frac = 0;
			}
			break;
		case K_SCALE:
			ok = !join && (last_scale == 0 || v < last_scale);
			if (ok) {
				double seg = total + grp + sub;
				if (seg <= 0) {
					ok = nm > 0;
					seg = 1;
				}
				big += seg * v;
				total = grp = sub = 0;
				u = t = te = mul = thou = 0;
				last_scale = v;
				frac = 0;
			}
			break;
		case K_FRAC:
			ok = !frac && !mul && !t && !te && !join;
			if (ok) {
				sub = (sub > 0 ? sub : 1) * v;
				u = 1;
				frac = 1;
			}
			break;
		}
		if (!ok)
			break;
		nm++;
		i += m->flen;
		if (is_let(p, i)) {
			sepk = 1;
			continue;
		}
		if (!na && !frac && !join) {
			best = big + total + grp + sub;
			best_end = i;
			have = 1;
		}
		int ch = nlx_at(p->f, i);
		if ((ch == '-' || ch == ' ') && is_let(p, i + 1)) {
			sepk = ch == '-' ? 2 : 3;
			i++;
			continue;
		}
		break;
	}
	if (!have)
		return 0;
	c->v = best;
	c->scale = 1;
	c->end = best_end;
	c->word = 1;
	return 1;
}

static int parse_core(P *p, size_t k, core *c)
{
	memset(c, 0, sizeof *c);
	c->scale = 1;
	if (is_dig(p, k))
		return parse_digits(p, k, c);
	if (!is_let(p, k))
		return 0;
	const nlx_ent *m = M(p, k, B(K_ORD), 0);
	if (m) {
		size_t j = k + m->flen;
		if (m->flags & F_INFL) {
			const nlx_ent *e = M(p, j, B(K_ORDEND), 1);
			if (e)
				j += e->flen;
		}
		if (!is_let(p, j) && !is_dig(p, j)) {
			c->v = m->value;
			c->ordinal = c->word = 1;
			c->end = j;
			return 1;
		}
	}
	return parse_words(p, k, c);
}

/* Percent or a currency after a core; moves *end past it. */
static void suffix(P *p, size_t *end, const core *c, const nlx_ent **cur, int *pct)
{
	size_t j = *end;
	if (nlx_at(p->f, j) == ' ')
		j++;
	const nlx_ent *m = M(p, j, B(K_PERCENT) | B(K_CUR), 1);
	if (!m)
		return;
	if (m->kind == K_PERCENT) {
		*pct = 1;
	} else {
		if (*cur || !((m->flags & F_AFTER) || ((m->flags & F_AFTERSCALE) && c->scale > 1)))
			return;
		*cur = m;
	}
	*end = j + m->flen;
}

/* A currency before digits: returns the entry and moves *i past it. */
static const nlx_ent *prefix_currency(P *p, size_t *i)
{
	const nlx_ent *m = M(p, *i, B(K_CUR), 1);
	if (!m || !(m->flags & F_BEFORE))
		return NULL;
	size_t j = *i + m->flen;
	if (nlx_at(p->f, j) == ' ')
		j++;
	if (!is_dig(p, j))
		return NULL;
	*i = j;
	return m;
}

typedef struct res {
	size_t start, end;     /* folded offsets */
	size_t src_end;        /* > 0: source end overrides end */
	double value;
	int flags;
	const char *code;
} res;

/* One expression at folded offset 0.  1: found; 0: none; -1: skip to
 * r->end (an invalid digit run). */
static int parse_expr(P *p, res *r)
{
	size_t i = 0, num_start = 0;
	int flags = 0, between = 0;
	memset(r, 0, sizeof *r);
	for (int n = 0; n < 3; n++) {
		const nlx_ent *m = M(p, i, B(K_APPROX) | B(K_ATLEAST) | B(K_BETWEEN), 1);
		if (!m)
			break;
		size_t j = i + m->flen;
		if (nlx_at(p->f, j) == ' ')
			j++;
		else if (m->fold[m->flen - 1] != '\'')
			break;
		if (m->kind == K_APPROX)
			flags |= NUM_APPROX;
		else if (m->kind == K_ATLEAST)
			flags |= NUM_ATLEAST;
		else {
			between = 1;
			num_start = j;
		}
		i = j;
		/* what may follow ("van de", "about the") starts with a digit
		 * or a word of a start kind */
		if (!is_dig(p, i) && !nlx_may_start_at(&p->lx->tab, p->f, i, p->lang))
			return 0;
	}
	const nlx_ent *cur = prefix_currency(p, &i);
	p->cur_pre = cur != NULL;
	core c1;
	int rc = parse_core(p, i, &c1);
	if (rc <= 0) {
		r->end = c1.end;
		return rc;
	}
	size_t end = c1.end;
	int pct = 0;
	if (!c1.src_end && !c1.ordinal) {
		suffix(p, &end, &c1, &cur, &pct);
		/* a range: "20-30", "20 tot 30", "tussen 20 en 30" */
		size_t j = end;
		int sp = nlx_at(p->f, j) == ' ';
		const nlx_ent *m = M(p, j + sp, B(K_TO) | (between ? B(K_AND) : 0), 1);
		int ranged = 0;
		if (m && (sp || !is_let(p, j + sp))) {
			size_t k2 = j + sp + m->flen;
			if (nlx_at(p->f, k2) == ' ')
				k2++;
			const nlx_ent *cur2 = prefix_currency(p, &k2);
			p->cur_pre = cur2 != NULL || cur != NULL;
			core c2;
			if (parse_core(p, k2, &c2) == 1 && !c2.ordinal && !c2.src_end) {
				size_t e2 = c2.end;
				int pct2 = 0;
				if (!cur)
					cur = cur2;
				suffix(p, &e2, &c2, &cur, &pct2);
				if (c1.scale == 1 && c2.scale > 1)
					c1.v = round(c1.v * c2.scale);
				pct |= pct2;
				end = e2;
				flags |= NUM_RANGE;
				ranged = 1;
				if (c2.over)
					c1.over = 1;
			}
		}
		if (between && !ranged) {
			flags &= ~(NUM_APPROX | NUM_ATLEAST);
			r->start = num_start;
		}
	}
	double v = c1.v;
	if (c1.over || !isfinite(v) || v > NUM_LIMIT) {
		v = -1;
		flags |= NUM_OVERFLOW;
	}
	if (cur)
		flags |= NUM_MONEY;
	if (pct)
		flags |= NUM_PERCENT;
	if (c1.ordinal)
		flags |= NUM_ORDINAL;
	if (c1.word)
		flags |= NUM_WORD;
	if (c1.plain4 && !cur && !pct && !(flags & (NUM_APPROX | NUM_ATLEAST | NUM_OVERFLOW)) &&
	    v >= 1900 && v <= 2100)
		flags |= NUM_YEAR;
	r->end = end;
	r->src_end = c1.src_end;
	r->value = v;
	r->flags = flags;
	r->code = cur ? cur->code : NULL;
	return 1;
}

static void init_p(P *p, const num_lex *lx, const char *lang, nlx_fold *f)
{
	p->lx = lx;
	p->f = f;
	p->lang = nlx_lang(lang);
	p->en = p->lang == NLX_EN;
	p->nolang = p->lang == NLX_ALL;
	p->cur_pre = 0;
}

/* "include30": digits glued to a lower-case word of four letters or more
 * start a number, as the tokenizer splits them (token.h); "Leopard2" and
 * "M777" are names. */
static int glued_number(const char *text, size_t i)
{
	size_t k = i;
	while (k > 0 && text[k - 1] >= 'a' && text[k - 1] <= 'z')
		k--;
	if (i - k < 4)
		return 0;
	return k == 0 || !((text[k - 1] >= 'A' && text[k - 1] <= 'Z') ||
	                   (unsigned char)text[k - 1] >= 0x80 ||
	                   (text[k - 1] >= '0' && text[k - 1] <= '9'));
}

size_t num_scan(const num_lex *lx, const char *lang, const char *text, size_t n,
                num_span *out, size_t max)
{
	return num_scan_starts(lx, lang, text, n, NULL, out, max);
}

size_t num_scan_starts(const num_lex *lx, const char *lang, const char *text, size_t n,
                       const nlx_starts *ws, num_span *out, size_t max)
{
	if (!lx || !text)
		return 0;
	nlx_fold f;
	P p;
	init_p(&p, lx, lang, &f);
	const unsigned lbit = p.lang;   /* in a register, unlike p's */
	const int li = nlx_fast_ix(lbit);
	ws = nlx_starts_use(ws, lbit, &lx->tab, NULL);
	nlx_memo *memo = ws ? ws->memo : NULL;
	size_t found = 0, i = 0, wk = 0;
	int prev = NLX_SPACE;
	while (i < n) {
		int q = 0;              /* nlx_next_start's answers for the start */
		if (ws && nlx_synced(text, i, prev)) {
			if ((i = nlx_next_start(ws, &wk, i, text, n, &lx->tab, NULL, li, 1, &prev,
			                        &q)) >= n)
				break;
		} else if (prev == NLX_LET && (i = nlx_skip_letters(text, n, i)) == n) {
			break;
		}
		size_t len;
		int cls = nlx_step(text, n, i, &len);
		if ((prev != NLX_LET && prev != NLX_DIG && cls != NLX_SPACE) ||
		    (prev == NLX_LET && cls == NLX_DIG && glued_number(text, i))) {
			/* "F-16", "MiG-29": a model designator, not a quantity */
			int model = cls == NLX_DIG && i >= 2 && text[i - 1] == '-' &&
			            nlx_cls_before(text, i - 1) == NLX_LET;
			if (!model)
				nlx_fold_init(&f, text + i, n - i);
			/* parse_expr finds nothing unless a digit or a start-kind
			 * word is at 0: the two-byte test, then the whole word */
			if (!model &&
			    (cls == NLX_DIG ||
			     nlx_may_take(&lx->tab, &f, lbit, li, memo, q & NLX_Q1_WALK, 0))) {
				res r;
				int rc = parse_expr(&p, &r);
				if (rc == 1) {
					size_t s = i + nlx_src(&f, r.start);
					size_t e = r.src_end ? i + r.src_end : i + nlx_src(&f, r.end);
					if (found < max) {
						num_span *o = &out[found];
						o->start = s;
						o->end = e;
						o->value = r.value;
						o->flags = r.flags;
						memset(o->currency, 0, sizeof o->currency);
						o->code = r.code && r.code[0] ? r.code : NULL;
						if (o->code)
							memcpy(o->currency, r.code, 3);
					}
					found++;
					if (e > i) {
						prev = nlx_cls_before(text, e);
						i = e;
						continue;
					}
				} else if (rc < 0 && r.end > 0) {
					i += nlx_src(&f, r.end);
					prev = NLX_DIG;
					continue;
				}
			}
		}
		prev = cls;
		i += len;
	}
	return found;
}

int num_parse(const num_lex *lx, const char *lang, const char *s, size_t n, double *v)
{
	if (!lx || !s || !n)
		return -1;
	nlx_fold f;
	P p;
	init_p(&p, lx, lang, &f);
	nlx_fold_init(&f, s, n);
	res r;
	if (parse_expr(&p, &r) != 1 || r.start != 0 || r.src_end || (r.flags & NUM_OVERFLOW))
		return -1;
	size_t e = nlx_src(&f, r.end);
	while (e < n && (s[e] == ' ' || s[e] == '\t' || s[e] == '\n'))
		e++;
	if (e != n)
		return -1;
	*v = r.value;
	return 0;
}
