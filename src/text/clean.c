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

int clean_guards = 1;

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
	size_t *len;       /* strlen of each alt */
	size_t n;
	int at_start;
	uint64_t first[4]; /* at_start: the first bytes of the alts */
	uint16_t *from;    /* at_start: alts sorted by first byte, those of
	                    * byte b at [from[b], from[b + 1]) */
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
		free(g[i].len);
		free(g[i].from);
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

static int first_byte_cmp(const void *a, const void *b)
{
	unsigned char x = (unsigned char)**(char *const *)a, y = (unsigned char)**(char *const *)b;
	return (x > y) - (x < y);
}

static void add_guard(rule *r, char **alts, size_t n, int at_start)
{
	r->g = xrealloc(r->g, (r->ng + 1) * sizeof *r->g);
	guard *g = &r->g[r->ng];
	memset(g, 0, sizeof *g);
	if (at_start && n < 65535) {
		qsort(alts, n, sizeof *alts, first_byte_cmp);
		g->from = xmalloc(257 * sizeof *g->from);
		size_t k = 0;
		for (unsigned b = 0; b < 256; b++) {
			g->from[b] = (uint16_t)k;
			while (k < n && (unsigned char)alts[k][0] == b)
				k++;
		}
		g->from[256] = (uint16_t)n;
	}
	g->alts = alts;
	g->n = n;
	g->at_start = at_start;
	g->len = xmalloc(n * sizeof *g->len);
	for (size_t k = 0; k < n; k++) {
		unsigned char c = (unsigned char)alts[k][0];
		g->len[k] = strlen(alts[k]);
		g->first[c >> 6] |= (uint64_t)1 << (c & 63);
		if (!g->len[k])
			memset(g->first, 0xff, sizeof g->first);
	}
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

/*
 * Prefix sets: for a pattern anchored at the start, a set of strings one
 * of which every match must begin with, read through groups, optional
 * and repeated atoms and small bracket expressions ("^\\(?(afp|ap|...)"
 * gives "afp", "(afp", ...; "^[[:digit:]]{1,2}:" gives the ten digits).
 * A string stops growing (closes) where the reading becomes unsure; an
 * empty string, too many strings or anything unread means no guard.
 */
#define PS_MAX 256
#define PS_LEN 15

typedef struct pstr {
	char s[PS_LEN + 1];
	unsigned char len, open;
} pstr;

typedef struct pset {
	pstr v[PS_MAX];
	size_t n;
} pset;

static int ps_add(pset *o, const pstr *x)
{
	if (o->n == PS_MAX)
		return -1;
	o->v[o->n++] = *x;
	return 0;
}

static void ps_close(pset *s)
{
	for (size_t i = 0; i < s->n; i++)
		s->v[i].open = 0;
}

/* The bytes a bracket expression [p, q) can match, lower-cased, when it
 * is a plain list, ranges and [:digit:]; -1 otherwise (negation, other
 * classes, collating elements). */
static int bracket_bytes(const char *p, const char *q, unsigned char *set)
{
	memset(set, 0, 256);
	p++;          /* '[' */
	q--;          /* ']' */
	if (p >= q || *p == '^' || *p == ']')
		return -1;
	while (p < q) {
		if (*p == '[') {
			if (!strncmp(p, "[:digit:]", 9)) {
				memset(set + '0', 1, 10);
				p += 9;
				continue;
			}
			return -1;
		}
		unsigned char a = (unsigned char)*p, b = a;
		if (p + 2 < q && p[1] == '-') {
			b = (unsigned char)p[2];
			p += 3;
		} else {
			p++;
		}
		if (b < a)
			return -1;
		for (unsigned c = a; c <= b; c++)
			set[(unsigned char)lower((char)c)] = 1;
	}
	return 0;
}

static int seq_prefixes(const char *p, const char *end, pset *s, int depth);

/* s's open strings through one atom [p, q), unquantified. */
static int atom_prefixes(const char *p, const char *q, pset *s, int depth)
{
	int c = atom_lit(p, q);
	if (q - p == 2 && strchr("<>`'", p[1]))
		c = -1; /* GNU anchors \< \> \` \', not characters */
	if (c >= 0) {
		for (size_t i = 0; i < s->n; i++) {
			pstr *x = &s->v[i];
			if (!x->open)
				continue;
			x->s[x->len++] = lower((char)c);
			x->s[x->len] = '\0';
			if (x->len == PS_LEN)
				x->open = 0;
		}
		return 0;
	}
	if (*p != '(' && *p != '[') {
		ps_close(s);
		return 0;
	}
	unsigned char bytes[256];
	if (*p == '[' && bracket_bytes(p, q, bytes)) {
		ps_close(s);
		return 0;
	}
	/* each alternative (or byte) applied to the open strings */
	pset *in = xmalloc(sizeof *in), *alt = xmalloc(sizeof *alt);
	*in = *s;
	s->n = 0;
	int rc = 0;
	for (size_t i = 0; i < in->n && !rc; i++)
		if (!in->v[i].open)
			rc = ps_add(s, &in->v[i]);
	size_t nopen = 0;
	for (size_t i = 0; i < in->n; i++)
		if (in->v[i].open)
			in->v[nopen++] = in->v[i];
	in->n = nopen;
	if (!rc && *p == '[') {
		for (unsigned b = 0; b < 256 && !rc; b++) {
			if (!bytes[b])
				continue;
			char lit[2] = { (char)b, 0 };
			*alt = *in;
			if (b == 0 || strchr(".[]()*+?{}|^$\\", (int)b))
				ps_close(alt); /* not a plain byte for atom_prefixes */
			else
				rc = atom_prefixes(lit, lit + 1, alt, depth);
			for (size_t i = 0; i < alt->n && !rc; i++)
				rc = ps_add(s, &alt->v[i]);
		}
	} else if (!rc) {
		const char *a = p + 1, *stop = q - 1;
		for (const char *t = a; !rc; ) {
			if (t == stop || *t == '|') {
				*alt = *in;
				rc = seq_prefixes(a, t, alt, depth + 1);
				for (size_t i = 0; i < alt->n && !rc; i++)
					rc = ps_add(s, &alt->v[i]);
				if (t == stop)
					break;
				a = ++t;
				continue;
			}
			const char *e = atom_end(t);
			if (!e || e > stop)
				rc = -1;
			else
				t = e;
		}
	}
	free(in);
	free(alt);
	return rc;
}

/* s through the sequence [p, end): 0, or -1 to give up. */
static int seq_prefixes(const char *p, const char *end, pset *s, int depth)
{
	if (depth > 8)
		return -1;
	while (p < end) {
		if (*p == '|')
			return -1;
		const char *q = atom_end(p);
		if (!q || q > end)
			return -1;
		const char *next = q;
		int minzero = 0, quant = 0;
		if (q < end && is_quant(*q)) {
			quant = 1;
			if (*q == '{') {
				const char *e = memchr(q, '}', (size_t)(end - q));
				if (!e)
					return -1;
				minzero = q[1] == '0' || q[1] == ',';
				next = e + 1;
			} else {
				minzero = *q != '+';
				next = q + 1;
			}
			if (next < end && is_quant(*next))
				return -1;
		}
		if (!quant) {
			if (atom_prefixes(p, q, s, depth))
				return -1;
		} else {
			/* the open strings through the atom once, closed after it
			 * (more of it may follow); they replace the open strings,
			 * or join them when the atom may be absent */
			pset *with = xmalloc(sizeof *with);
			with->n = 0;
			for (size_t i = 0; i < s->n; i++)
				if (s->v[i].open)
					with->v[with->n++] = s->v[i];
			int rc = atom_prefixes(p, q, with, depth);
			ps_close(with);
			if (!minzero) {
				size_t keep = 0;
				for (size_t i = 0; i < s->n; i++)
					if (!s->v[i].open)
						s->v[keep++] = s->v[i];
				s->n = keep;
			}
			for (size_t i = 0; i < with->n && !rc; i++)
				rc = ps_add(s, &with->v[i]);
			free(with);
			if (rc)
				return -1;
		}
		p = next;
	}
	return 0;
}

/* An at-start guard from the prefix set of the anchored pattern re (after
 * its '^'), when every string is non-empty. */
static void prefix_guard(rule *r, const char *re)
{
	size_t n = strlen(re);
	if (n && re[n - 1] == '$' && (n < 2 || re[n - 2] != '\\'))
		n--;
	pset *s = xmalloc(sizeof *s);
	s->n = 1;
	s->v[0].len = 0;
	s->v[0].open = 1;
	s->v[0].s[0] = '\0';
	int rc = seq_prefixes(re, re + n, s, 0);
	for (size_t i = 0; !rc && i < s->n; i++)
		if (!s->v[i].len)
			rc = -1;
	if (!rc) {
		char **alts = xmalloc(s->n * sizeof *alts);
		for (size_t i = 0; i < s->n; i++)
			alts[i] = xstrndup(s->v[i].s, s->v[i].len);
		add_guard(r, alts, s->n, 1);
	}
	free(s);
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
	if (anchored)
		prefix_guard(r, re + 1);
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

/* The line's byte pairs, hashed into a bit set, and its bytes as flags:
 * a guard whose pairs (and last byte) are not all there cannot occur,
 * and most fail this before memmem runs. */
typedef struct pairs {
	uint64_t bit[128];
	unsigned char one[256];
} pairs;

static unsigned pair_hash(unsigned char a, unsigned char b)
{
	return ((unsigned)a << 5 ^ b) & 8191u;
}

static void pairs_fill(pairs *ps, const char *low, size_t n)
{
	memset(ps, 0, sizeof *ps);
	const unsigned char *u = (const unsigned char *)low;
	for (size_t i = 0; i < n; i++) {
		unsigned h = pair_hash(u[i], u[i + 1]);
		ps->bit[h >> 6] |= (uint64_t)1 << (h & 63);
		ps->one[u[i]] = 1;
	}
}

static int may_contain(const pairs *ps, const char *s, size_t l)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i + 1 < l; i++) {
		unsigned h = pair_hash(u[i], u[i + 1]);
		if (!(ps->bit[h >> 6] >> (h & 63) & 1))
			return 0;
	}
	return l == 0 || ps->one[u[l - 1]];
}

/* The guards at the start first (a compare of the line's first bytes),
 * then the others, which need the line's pairs (filled on first use). */
static int guards_hold(const rule *r, const char *low, size_t n, pairs *ps, int *filled)
{
	unsigned char c0 = (unsigned char)low[0];
	for (size_t i = 0; i < r->ng; i++) {
		const guard *g = &r->g[i];
		if (!g->at_start)
			continue;
		if (!(g->first[c0 >> 6] >> (c0 & 63) & 1))
			return 0;
		size_t k = g->from ? g->from[c0] : 0, end = g->from ? g->from[c0 + 1] : g->n;
		int ok = 0;
		for (; k < end && !ok; k++)
			ok = g->len[k] <= n && !memcmp(low, g->alts[k], g->len[k]);
		if (!ok)
			return 0;
	}
	for (size_t i = 0; i < r->ng; i++) {
		const guard *g = &r->g[i];
		if (g->at_start)
			continue;
		if (!*filled) {
			pairs_fill(ps, low, n);
			*filled = 1;
		}
		int ok = 0;
		for (size_t k = 0; k < g->n && !ok; k++)
			ok = may_contain(ps, g->alts[k], g->len[k]) &&
			     memmem(low, n, g->alts[k], g->len[k]) != NULL;
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
	int guards = clean_guards && MB_CUR_MAX == 1;
	pairs ps;
	int filled = 0;
	int hit = 0;
	for (size_t i = 0; i < c->n && !hit; i++) {
		const rule *r = &c->v[i];
		if (!(r->lang & lang))
			continue;
		if (r->is_regex && guards && !guards_hold(r, low, n, &ps, &filled))
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
