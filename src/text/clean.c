/*
 * clean: boilerplate line patterns, compiled with the C library's POSIX
 * regex (regcomp/regexec): analysts already know the syntax.
 *
 * Speed: running every pattern of a language on every line was a third
 * of extraction time (glibc sets up, upper-cases and scans the line once
 * per pattern), so each pattern gets guards computed at load: literal
 * text that every match must contain ("cookie" in "^.*cookie.*$"), or
 * one of a set of alternatives that must start the line ("read more",
 * "related", ... in "^(read more|related|...)"), found by a conservative
 * reading of the pattern's top level.  A line lacking a guard cannot
 * match, so regexec runs only on the few lines that pass; the answer is
 * the same.  Guards compare ASCII letters without case and other bytes
 * exactly, which is what REG_ICASE does in the C locale the program runs
 * in (in a multibyte locale the guards are not used).
 */
#include "clean.h"

#include <regex.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "../base/buf.h"
#include "../base/tsv.h"
#include "../lex/lex.h"

#define CLEAN_MAX_LINE 2048

typedef struct rule {
	int lang;
	int is_regex;
	regex_t re;
	char *prefix;
	size_t plen;
	struct guard *g;   /* every guard must hold for a match */
	size_t ng;
} rule;

/* A necessary condition: the lower-cased line contains one of alts (or,
 * with at_start, begins with one). */
typedef struct guard {
	char **alts;
	size_t n;
	int at_start;
} guard;

struct clean_rules {
	rule *v;
	size_t n, cap;
	const char *path;
};

static void guard_free(guard *g, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < g[i].n; k++)
			free(g[i].alts[k]);
		free(g[i].alts);
	}
	free(g);
}

/* The end of the bracket expression starting at p ('['), or NULL. */
static const char *bracket_end(const char *p)
{
	p++;
	if (*p == '^')
		p++;
	if (*p == ']')
		p++;
	for (; *p; p++) {
		if (p[0] == '[' && (p[1] == ':' || p[1] == '.' || p[1] == '=')) {
			char close = p[1];
			const char *q = p + 2;
			while (*q && !(q[0] == close && q[1] == ']'))
				q++;
			if (!*q)
				return NULL;
			p = q + 1;
			continue;
		}
		if (*p == ']')
			return p;
	}
	return NULL;
}

/* The end (one past) of the atom at p, or NULL for what we do not read. */
static const char *atom_end(const char *p)
{
	if (*p == '\\')
		return p[1] ? p + 2 : NULL;
	if (*p == '[') {
		const char *q = bracket_end(p);
		return q ? q + 1 : NULL;
	}
	if (*p == '(') {
		int depth = 0;
		for (const char *q = p; *q; q++) {
			if (*q == '\\') {
				if (!q[1])
					return NULL;
				q++;
			} else if (*q == '[') {
				q = bracket_end(q);
				if (!q)
					return NULL;
			} else if (*q == '(') {
				depth++;
			} else if (*q == ')' && --depth == 0) {
				return q + 1;
			}
		}
		return NULL;
	}
	return *p ? p + 1 : NULL;
}

static int is_quant(char c)
{
	return c == '*' || c == '+' || c == '?' || c == '{';
}

/* The literal byte of a one-character atom [p, q), or -1. */
static int atom_lit(const char *p, const char *q)
{
	if (q - p == 1 && !strchr(".[]()*+?{}|^$\\", *p))
		return (unsigned char)*p;
	if (q - p == 2 && p[0] == '\\' && !((p[1] >= 'a' && p[1] <= 'z') ||
	    (p[1] >= 'A' && p[1] <= 'Z') || (p[1] >= '0' && p[1] <= '9')))
		return (unsigned char)p[1];
	return -1;
}

static char lower(char c)
{
	return (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

/* The literal text at the start of the sequence [p, end) (up to the first
 * atom that is not a plain character, dropping a character a quantifier
 * makes optional), lower-cased into b. */
static void lit_prefix(const char *p, const char *end, buf *b)
{
	buf_reset(b);
	while (p < end) {
		const char *q = atom_end(p);
		if (!q || q > end)
			return;
		int c = atom_lit(p, q);
		if (c < 0 || (q < end && is_quant(*q)))
			return;
		buf_addc(b, lower((char)c));
		p = q;
	}
}

static void add_guard(rule *r, char **alts, size_t n, int at_start)
{
	r->g = xrealloc(r->g, (r->ng + 1) * sizeof *r->g);
	r->g[r->ng].alts = alts;
	r->g[r->ng].n = n;
	r->g[r->ng].at_start = at_start;
	r->ng++;
}

/* A group's alternatives' literal prefixes as a guard; none when some
 * alternative has no literal prefix. */
static void group_guard(rule *r, const char *p, const char *q, int at_start)
{
	/* split [p+1, q-1) at its top-level '|' */
	const char *in = p + 1, *stop = q - 1;
	char **alts = NULL;
	size_t n = 0;
	buf b = BUF_INIT;
	const char *a = in;
	for (const char *t = in; ; ) {
		if (t == stop || *t == '|') {
			lit_prefix(a, t, &b);
			if (!b.len) {
				for (size_t k = 0; k < n; k++)
					free(alts[k]);
				free(alts);
				buf_release(&b);
				return;
			}
			alts = xrealloc(alts, (n + 1) * sizeof *alts);
			alts[n++] = xstrndup(b.p, b.len);
			if (t == stop)
				break;
			a = ++t;
			continue;
		}
		const char *e = atom_end(t);
		if (!e || e > stop) {
			for (size_t k = 0; k < n; k++)
				free(alts[k]);
			free(alts);
			buf_release(&b);
			return;
		}
		t = e;
	}
	buf_release(&b);
	add_guard(r, alts, n, at_start);
}

/* Reads the pattern's top level: unquantified literal runs must occur,
 * unquantified groups must have one alternative occur (at the start when
 * the pattern is anchored there).  A top-level '|' or anything unread
 * gives no guards, which is always safe. */
static void make_guards(rule *r, const char *re)
{
	const char *p = re;
	int anchored = 0;
	if (*p == '^') {
		anchored = 1;
		p++;
	}
	int first = 1;
	buf run = BUF_INIT;
	int run_start = 0;
	while (*p) {
		if (*p == '|')
			goto none;
		if (*p == '$' && !p[1])
			break;
		const char *q = atom_end(p);
		if (!q)
			goto none;
		int quant = is_quant(*q);
		int c = atom_lit(p, q);
		if (c >= 0 && !quant) {
			if (!run.len)
				run_start = first && anchored;
			buf_addc(&run, lower((char)c));
		} else {
			if (run.len) {
				char **a = xmalloc(sizeof *a);
				a[0] = xstrndup(run.p, run.len);
				add_guard(r, a, 1, run_start);
				buf_reset(&run);
			}
			if (*p == '(' && !quant)
				group_guard(r, p, q, first && anchored);
		}
		p = q;
		if (quant) {
			if (*p == '{') {
				const char *e = strchr(p, '}');
				if (!e)
					goto none;
				p = e + 1;
			} else {
				p++;
			}
			if (is_quant(*p))
				goto none;
		}
		first = 0;
	}
	if (run.len) {
		char **a = xmalloc(sizeof *a);
		a[0] = xstrndup(run.p, run.len);
		add_guard(r, a, 1, run_start);
	}
	buf_release(&run);
	return;
none:
	buf_release(&run);
	guard_free(r->g, r->ng);
	r->g = NULL;
	r->ng = 0;
}

static int rule_line(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	clean_rules *c = ctx;
	int lang = lex_lang_bit(f[0]);
	if (!lang) {
		sl_err_set(e, "%s:%zu: unknown language '%s'", c->path, line, f[0]);
		return SL_EFORMAT;
	}
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->v = xrealloc(c->v, c->cap * sizeof *c->v);
	}
	rule *r = &c->v[c->n];
	memset(r, 0, sizeof *r);
	r->lang = lang;
	if (!strcmp(f[1], "regex")) {
		int rc = regcomp(&r->re, f[2], REG_EXTENDED | REG_ICASE | REG_NOSUB);
		if (rc) {
			char msg[128];
			regerror(rc, &r->re, msg, sizeof msg);
			sl_err_set(e, "%s:%zu: bad regular expression: %s", c->path, line, msg);
			return SL_EFORMAT;
		}
		r->is_regex = 1;
		make_guards(r, f[2]);
	} else if (!strcmp(f[1], "prefix")) {
		r->prefix = xstrdup(f[2]);
		r->plen = strlen(f[2]);
	} else {
		sl_err_set(e, "%s:%zu: kind must be regex or prefix, not '%s'", c->path, line, f[1]);
		return SL_EFORMAT;
	}
	c->n++;
	return SL_OK;
}

clean_rules *clean_load(const char *path, sl_err *e)
{
	clean_rules *c = xcalloc(1, sizeof *c);
	c->path = path;
	if (tsv_each(path, 3, rule_line, c, e) != SL_OK) {
		clean_free(c);
		return NULL;
	}
	return c;
}

void clean_free(clean_rules *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++) {
		if (c->v[i].is_regex)
			regfree(&c->v[i].re);
		free(c->v[i].prefix);
		guard_free(c->v[i].g, c->v[i].ng);
	}
	free(c->v);
	free(c);
}

/* The line's byte pairs, hashed into a bit set: a guard whose pairs are
 * not all there cannot occur, and most fail this before memmem runs. */
typedef struct pairs {
	uint64_t bit[128];
} pairs;

static unsigned pair_hash(unsigned char a, unsigned char b)
{
	return ((unsigned)a * 31u + b) & 8191u;
}

static void pairs_fill(pairs *ps, const char *low, size_t n)
{
	memset(ps, 0, sizeof *ps);
	for (size_t i = 0; i < n; i++) {
		unsigned h = pair_hash((unsigned char)low[i], (unsigned char)low[i + 1]);
		ps->bit[h >> 6] |= (uint64_t)1 << (h & 63);
		h = pair_hash(0, (unsigned char)low[i]);
		ps->bit[h >> 6] |= (uint64_t)1 << (h & 63);
	}
}

static int may_contain(const pairs *ps, const char *s, size_t l)
{
	for (size_t i = 0; i < l; i++) {
		unsigned h = i + 1 < l ? pair_hash((unsigned char)s[i], (unsigned char)s[i + 1])
		                       : pair_hash(0, (unsigned char)s[i]);
		if (!(ps->bit[h >> 6] & ((uint64_t)1 << (h & 63))))
			return 0;
	}
	return 1;
}

static int guards_hold(const rule *r, const char *low, size_t n, const pairs *ps)
{
	for (size_t i = 0; i < r->ng; i++) {
		const guard *g = &r->g[i];
		int ok = 0;
		for (size_t k = 0; k < g->n && !ok; k++) {
			size_t l = strlen(g->alts[k]);
			if (g->at_start)
				ok = l <= n && !memcmp(low, g->alts[k], l);
			else
				ok = may_contain(ps, g->alts[k], l) &&
				     memmem(low, n, g->alts[k], l) != NULL;
		}
		if (!ok)
			return 0;
	}
	return 1;
}

int clean_is_debris(const clean_rules *c, int lang, const char *text, size_t n)
{
	while (n && (text[0] == ' ' || text[0] == '\t'))
		text++, n--;
	while (n && (text[n - 1] == ' ' || text[n - 1] == '\t' || text[n - 1] == '\r'))
		n--;
	if (!n)
		return 0;
	/* debris lines are short; a long line is article text (and a 100 MB
	 * one must not cost a regex pass per pattern) */
	if (n > CLEAN_MAX_LINE)
		return 0;
	char small[1024], lsmall[1024];
	char *line = n < sizeof small ? small : xmalloc(n + 1);
	char *low = n < sizeof lsmall ? lsmall : xmalloc(n + 1);
	memcpy(line, text, n);
	line[n] = '\0';
	for (size_t i = 0; i <= n; i++)
		low[i] = lower(line[i]);
	int guards = MB_CUR_MAX == 1;
	pairs ps;
	if (guards)
		pairs_fill(&ps, low, n);
	int hit = 0;
	for (size_t i = 0; i < c->n && !hit; i++) {
		const rule *r = &c->v[i];
		if (!(r->lang & lang))
			continue;
		if (r->is_regex && guards && !guards_hold(r, low, n, &ps))
			continue;
		if (r->is_regex)
			hit = regexec(&r->re, line, 0, NULL, 0) == 0;
		else
			hit = n >= r->plen && !strncasecmp(line, r->prefix, r->plen);
	}
	if (line != small)
		free(line);
	if (low != lsmall)
		free(low);
	return hit;
}
