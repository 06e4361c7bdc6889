/*
 * clean: boilerplate line patterns, compiled with the C library's POSIX
 * regex (regcomp/regexec): analysts already know the syntax.
 *
 * Speed: running every pattern of a language on every line was a third
 * of extraction time (glibc sets up, upper-cases and scans the line once
 * per pattern), and testing each pattern's own literals line by line was
 * still a tenth.  So each pattern is read at load, conservatively (what
 * is not understood yields nothing, which is always safe), for
 *  - the bounds on the length of a line it can match;
 *  - guards: sets of strings one of which every match must contain
 *    ("cookie" in "^.*cookie.*$"; "read more", "related", ... at the start
 *    of "^(read more|related|...)"), each with the window where it can
 *    start, from the lengths of what precedes and follows it in the
 *    pattern ("©" in "^.*©[^.!?]{0,80}$" starts in the last 82 bytes).
 * The guard strings of all patterns go into two automata built at load:
 * a trie walked from the first byte of a line for the strings that must
 * start it, and an Aho-Corasick automaton for the others.  A line costs
 * one pass over its bytes whatever the number of patterns; regexec runs
 * only on lines that hold every guard of its pattern, and the answer is
 * the same.  Guards compare ASCII letters without case and other bytes
 * exactly, and count a character a byte, which is what regexec does with
 * REG_ICASE in the C locale the program runs in (in a multibyte locale
 * the guards are not used).
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
#define SPAN_INF ((size_t)1 << 40)  /* no bound on a length */
#define GUARD_MAX 1024              /* guards beyond are dropped (safe) */
#define AM_MAX_BYTES 16384          /* string bytes an automaton takes */

int clean_guards = 1;

/* A necessary condition for a match: the line has one of the guard's
 * strings starting at a byte p with minpre <= p <= maxpre (the part of
 * the match before it) and p + minrest <= n <= p + maxrest (the part
 * from it to the match's end, with n the line's length). */
typedef struct guard {
	size_t minpre, maxpre, minrest, maxrest;
	uint32_t rule;     /* the rule it belongs to */
	int first;         /* whether it is the rule's first guard */
} guard;

typedef struct rule {
	int lang;
	int is_regex;
	regex_t re;
	char *prefix;
	size_t plen;
	size_t minlen, maxlen;  /* of a line it can match */
	int has_fast;
	regex_t fast;           /* the pattern without a leading "^.*" or a
	                         * trailing ".*$", for single-byte locales */
	size_t tail;            /* fast matches within the last tail bytes */
	size_t g0, ng;          /* its guards, c->g[g0 .. g0 + ng) */
} rule;

/* A guard string in an automaton: the guard it serves and its length,
 * which gives where it started. */
typedef struct gstr {
	uint16_t guard;
	uint16_t len;
} gstr;

/* The bit of a row's address in hop that is its offset's low bit: hop
 * starts at an even multiple of an entry's size. */
#define FLAG_BIT sizeof(uintptr_t)

/* A deterministic automaton over byte columns (bytes that occur in no
 * string share column 0; ASCII capitals share their letter's).  A state
 * is the offset of its row in next, and the states that end a string
 * (or the trie's dead end) have odd offsets, the others even: the scan
 * follows eight bytes in hop, where such a state leads to the dead end,
 * and looks closer only when the low bit of the last is set.  Such a
 * state's row has one more entry: its list in out. */
typedef struct automaton {
	uint8_t col[256];
	size_t ncol;
	uint32_t *next;    /* next[state + column] */
	uintptr_t *hop;    /* next with the address of each move's row, and a
	                    * flagged state's moves to the dead end (flagged,
	                    * and it stays): am_run's blocks; in hop_mem, one
	                    * entry in if need be so that a row's address
	                    * holds its offset's low bit (FLAG_BIT) */
	uintptr_t *hop_mem;
	uint32_t dead;     /* the trie's dead end (never reached in Aho-Corasick) */
	uint32_t *out;     /* list k is hit[out[k] .. out[k + 1]) */
	gstr *hit;
} automaton;

/* A guard string waiting for the automata, which are built once all
 * rules are read. */
typedef struct pending {
	char *s;
	size_t len;
	size_t guard;
	int at_start;
} pending;

struct clean_rules {
	rule *v;
	size_t n, cap;
	guard *g;
	size_t ng;
	pending *pend;
	size_t npend, pcap;
	size_t bytes[2];     /* string bytes pending for each automaton */
	automaton start;     /* trie of the strings that start a line */
	automaton any;       /* Aho-Corasick automaton of the others */
	uint32_t *open;      /* the rules without a guard */
	size_t nopen;
	const char *path;
};

/* ---- reading a pattern ---- */

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

/* The end of the alternative starting at a within a group's [a, stop):
 * the next top-level '|', or stop; NULL for what we do not read. */
static const char *alt_end(const char *a, const char *stop)
{
	while (a < stop && *a != '|') {
		const char *e = atom_end(a);
		if (!e || e > stop)
			return NULL;
		a = e;
	}
	return a;
}

static int is_quant(char c)
{
	return c == '*' || c == '+' || c == '?' || c == '{';
}

static size_t span_add(size_t a, size_t b)
{
	return a + b >= SPAN_INF ? SPAN_INF : a + b;
}

static size_t span_mul(size_t a, size_t k)
{
	return k && a >= SPAN_INF / k ? SPAN_INF : a * k;
}

static const char *read_count(const char *t, const char *end, size_t *v)
{
	const char *d = t;
	*v = 0;
	while (t < end && *t >= '0' && *t <= '9' && *v < 100000)
		*v = *v * 10 + (size_t)(*t++ - '0');
	return t > d ? t : NULL;
}

/* The quantifier at q (one past an atom, within [q, end)): the bounds on
 * the repetitions in *lo, *hi (SPAN_INF: no bound) and the end; q itself
 * with 1, 1 when there is none; NULL for what we do not read (a form of
 * braces other than {m}, {m,}, {m,n}, or a second quantifier). */
static const char *quant_read(const char *q, const char *end, size_t *lo, size_t *hi)
{
	*lo = *hi = 1;
	if (q == end || !is_quant(*q))
		return q;
	if (*q == '*') {
		*lo = 0;
		*hi = SPAN_INF;
	} else if (*q == '+') {
		*hi = SPAN_INF;
	} else if (*q == '?') {
		*lo = 0;
	} else {
		const char *t = read_count(q + 1, end, lo);
		if (!t)
			return NULL;
		*hi = *lo;
		if (t < end && *t == ',') {
			*hi = SPAN_INF;
			if (t + 1 < end && t[1] != '}' && !(t = read_count(t + 1, end, hi)))
				return NULL;
			if (*t == ',')
				t++;
		}
		if (t == end || *t != '}' || *hi < *lo)
			return NULL;
		q = t;
	}
	q++;
	return q < end && is_quant(*q) ? NULL : q;
}

/* The literal byte of a one-character atom [p, q), or -1 (also for the
 * GNU anchors \< \> \` \', which match no character). */
static int atom_lit(const char *p, const char *q)
{
	if (q - p == 1 && !strchr(".[]()*+?{}|^$\\", *p))
		return (unsigned char)*p;
	if (q - p == 2 && p[0] == '\\' && !strchr("<>`'", p[1]) &&
	    !((p[1] >= 'a' && p[1] <= 'z') || (p[1] >= 'A' && p[1] <= 'Z') ||
	      (p[1] >= '0' && p[1] <= '9')))
		return (unsigned char)p[1];
	return -1;
}

static char lower(char c)
{
	return (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

static int seq_span(const char *p, const char *end, size_t *lo, size_t *hi, int depth);

/* The bounds on the bytes the unquantified atom [p, q) matches, or -1. */
static int atom_span(const char *p, const char *q, size_t *lo, size_t *hi, int depth)
{
	if (*p == '(') {
		*lo = SPAN_INF;
		*hi = 0;
		for (const char *a = p + 1, *stop = q - 1; ; a++) {
			const char *e = alt_end(a, stop);
			size_t l, h;
			if (!e || seq_span(a, e, &l, &h, depth + 1))
				return -1;
			*lo = l < *lo ? l : *lo;
			*hi = h > *hi ? h : *hi;
			if (e == stop)
				return 0;
			a = e;
		}
	}
	/* '.', a bracket and a literal are one byte here */
	if (*p == '\\' ? atom_lit(p, q) < 0 : *p != '[' && *p != '.' && atom_lit(p, q) < 0)
		return -1;
	*lo = *hi = 1;
	return 0;
}

/* The bounds on the bytes the sequence [p, end) matches, or -1. */
static int seq_span(const char *p, const char *end, size_t *lo, size_t *hi, int depth)
{
	if (depth > 8)
		return -1;
	*lo = *hi = 0;
	while (p < end) {
		const char *q = *p == '|' ? NULL : atom_end(p);
		size_t al, ah, ql, qh;
		if (!q || q > end || atom_span(p, q, &al, &ah, depth))
			return -1;
		p = quant_read(q, end, &ql, &qh);
		if (!p)
			return -1;
		*lo = span_add(*lo, span_mul(al, ql));
		*hi = span_add(*hi, span_mul(ah, qh));
	}
	return 0;
}

/*
 * Prefix sets: a set of strings one of which every match of a sequence
 * must begin with, read through groups, optional and repeated atoms and
 * small bracket expressions ("\\(?(afp|ap|...)" gives "afp", "(afp", ...;
 * "[[:digit:]]{1,2}:" gives the ten digits).  A string stops growing
 * (closes) where the reading becomes unsure; an empty string, too many
 * strings or anything unread means no guard.
 */
#define PS_MAX 256
#define PS_LEN 15
#define RARE_FREQ 1e-9

typedef struct pstr {
	char s[PS_LEN + 1];
	unsigned char len, open;
	double freq;       /* expected occurrences per byte of text */
} pstr;

typedef struct pset {
	pstr v[PS_MAX];
	size_t n;
} pset;

/* A rough frequency of byte b in article text, to prefer rare strings. */
static double byte_freq(unsigned char b)
{
	return b == ' ' ? 1.0 / 6 : b >= 'a' && b <= 'z' ? 1.0 / 20 :
	       b >= '0' && b <= '9' ? 1.0 / 100 : 1.0 / 200;
}

static int ps_add(pset *o, const pstr *x)
{
	if (o->n == PS_MAX)
		return -1;
	o->v[o->n++] = *x;
	return 0;
}

/* *d = *s, copying only the strings in use (a pset is 4 KB) */
static void ps_copy(pset *d, const pset *s)
{
	memcpy(d->v, s->v, s->n * sizeof *s->v);
	d->n = s->n;
}

/* Copies the open strings of s to o; returns how many there are. */
static size_t ps_take_open(const pset *s, pset *o)
{
	o->n = 0;
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].open)
			o->v[o->n++] = s->v[i];
	return o->n;
}

/* Keeps the closed strings of s only. */
static void ps_drop_open(pset *s)
{
	size_t keep = 0;
	for (size_t i = 0; i < s->n; i++)
		if (!s->v[i].open)
			s->v[keep++] = s->v[i];
	s->n = keep;
}

static int ps_open(const pset *s)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].open)
			return 1;
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
				memset(&set['0'], 1, 10);
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

/* s's open strings through one atom [p, q), unquantified.  Where the
 * alternatives cannot be followed (too many strings, too deep), the
 * strings close before the atom: still prefixes of every match. */
static void atom_prefixes(const char *p, const char *q, pset *s, int depth)
{
	if (!ps_open(s))
		return;
	int c = atom_lit(p, q);
	if (c >= 0) {
		for (size_t i = 0; i < s->n; i++) {
			pstr *x = &s->v[i];
			if (!x->open)
				continue;
			x->s[x->len++] = lower((char)c);
			x->s[x->len] = '\0';
			/* a rare string needs no more bytes */
			x->freq *= byte_freq((unsigned char)lower((char)c));
			if (x->len == PS_LEN || x->freq < RARE_FREQ)
				x->open = 0;
		}
		return;
	}
	unsigned char bytes[256];
	if ((*p != '(' && *p != '[') || (*p == '[' && bracket_bytes(p, q, bytes))) {
		ps_close(s);
		return;
	}
	/* each alternative (or byte) applied to the open strings, which go
	 * to in; the closed ones stay first in s */
	pset *in = xmalloc(sizeof *in), *alt = xmalloc(sizeof *alt);
	ps_take_open(s, in);
	ps_drop_open(s);
	size_t nclosed = s->n;
	int rc = 0;
	if (*p == '[') {
		for (unsigned b = 0; b < 256 && !rc; b++) {
			if (!bytes[b])
				continue;
			char lit[2] = { (char)b, 0 };
			ps_copy(alt, in);
			if (b == 0 || strchr(".[]()*+?{}|^$\\", (int)b))
				ps_close(alt); /* not a plain byte for atom_prefixes */
			else
				atom_prefixes(lit, lit + 1, alt, depth);
			for (size_t i = 0; i < alt->n && !rc; i++)
				rc = ps_add(s, &alt->v[i]);
		}
	} else {
		for (const char *a = p + 1, *stop = q - 1; !rc; a++) {
			const char *e = alt_end(a, stop);
			ps_copy(alt, in);
			rc = e ? seq_prefixes(a, e, alt, depth + 1) : -1;
			for (size_t i = 0; i < alt->n && !rc; i++)
				rc = ps_add(s, &alt->v[i]);
			if (rc || e == stop)
				break;
			a = e;
		}
	}
	if (rc) {
		s->n = nclosed;
		for (size_t i = 0; i < in->n; i++)
			s->v[s->n++] = in->v[i];
		ps_close(s);
	}
	free(in);
	free(alt);
}

/* s through the sequence [p, end): 0, or -1 for what we do not read. */
static int seq_prefixes(const char *p, const char *end, pset *s, int depth)
{
	if (depth > 8)
		return -1;
	/* the rest cannot change closed strings */
	while (p < end && ps_open(s)) {
		const char *q = *p == '|' ? NULL : atom_end(p);
		size_t lo, hi;
		if (!q || q > end)
			return -1;
		const char *next = quant_read(q, end, &lo, &hi);
		if (!next)
			return -1;
		if (next == q) {
			atom_prefixes(p, q, s, depth);
		} else {
			/* the open strings through the atom once, closed after it
			 * (more of it may follow); they replace the open strings,
			 * or join them when the atom may be absent */
			pset *with = xmalloc(sizeof *with);
			size_t nclosed = s->n - ps_take_open(s, with);
			atom_prefixes(p, q, with, depth);
			ps_close(with);
			if ((lo ? nclosed : s->n) + with->n > PS_MAX) {
				ps_close(s);
			} else {
				if (lo)
					ps_drop_open(s);
				for (size_t i = 0; i < with->n; i++)
					s->v[s->n++] = with->v[i];
			}
			free(with);
		}
		p = next;
	}
	return 0;
}

static int pstr_cmp(const void *a, const void *b)
{
	return strcmp(((const pstr *)a)->s, ((const pstr *)b)->s);
}

/* Drops the strings of s that have another as a prefix (they occur only
 * where it does).  Returns the set's expected number of occurrences per
 * byte of text, or -1 when a string is empty (the set is no guard). */
static double ps_reduce(pset *s)
{
	qsort(s->v, s->n, sizeof *s->v, pstr_cmp);
	size_t keep = 0;
	for (size_t i = 0; i < s->n; i++)
		if (!keep || strncmp(s->v[keep - 1].s, s->v[i].s, s->v[keep - 1].len))
			s->v[keep++] = s->v[i];
	s->n = keep;
	double f = 0;
	for (size_t i = 0; i < s->n; i++) {
		if (!s->v[i].len)
			return -1;
		f += s->v[i].freq;
	}
	return f;
}

/* ---- guards ---- */

/* Queues the strings of a new guard of r for automaton at_start (1: the
 * trie), or drops the guard when the limits are reached. */
static void add_guard(clean_rules *c, rule *r, const guard *w, char **s, const size_t *len,
                      size_t n, int at_start)
{
	size_t bytes = 0;
	for (size_t k = 0; k < n; k++)
		bytes += len[k];
	if (c->ng == GUARD_MAX || c->bytes[at_start] + bytes > AM_MAX_BYTES)
		return;
	/* a rule's guards are consecutive: rules are read one by one */
	if (!r->ng)
		r->g0 = c->ng;
	r->ng++;
	c->g = xrealloc(c->g, (c->ng + 1) * sizeof *c->g);
	c->g[c->ng] = *w;
	c->g[c->ng].rule = (uint32_t)c->n;
	c->g[c->ng].first = r->ng == 1;
	if (c->npend + n > c->pcap) {
		c->pcap = (c->npend + n) * 2;
		c->pend = xrealloc(c->pend, c->pcap * sizeof *c->pend);
	}
	for (size_t k = 0; k < n; k++)
		c->pend[c->npend++] = (pending){ xstrndup(s[k], len[k]), len[k], c->ng, at_start };
	c->bytes[at_start] += bytes;
	c->ng++;
}

/* A guard from prefix set s (its strings non-empty). */
static void set_guard(clean_rules *c, rule *r, const guard *w, pset *s, int at_start)
{
	char *str[PS_MAX];
	size_t len[PS_MAX];
	for (size_t k = 0; k < s->n; k++) {
		str[k] = s->v[k].s;
		len[k] = s->v[k].len;
	}
	add_guard(c, r, w, str, len, s->n, at_start);
}

#define TOP_MAX 64   /* top-level atoms read */
#define START_WEAK 6 /* many lines may start with a shorter string */

static int is_dot_star(const char *a, const char *next)
{
	return a[0] == '.' && a[1] == '*' && next == a + 2;
}

/*
 * glibc's regexec walks a "^.*" or ".*$" to the line's end and checks at
 * every byte whether the match may stop there: most of its time on the
 * lines the guards let through.  Where "." matches every byte (one a
 * character, guards on), "^.*X.*$" matches exactly where X is found,
 * "^.*X$" where X is found in the last bytes X can span, so the rule
 * gets X compiled on its own.  The fuzz harness checks that the answers
 * are the same as the pattern's.
 */
static void make_fast(rule *r, const char *re, const char *const *at, size_t n,
                      const char *end, int bol, int eol, const size_t *maxrest)
{
	int lead = bol && n && is_dot_star(at[0], n > 1 ? at[1] : end);
	int trail = eol && n > (size_t)lead && is_dot_star(at[n - 1], end);
	if (!lead && !trail)
		return;
	buf b = BUF_INIT;
	if (bol && !lead)
		buf_addc(&b, '^');
	const char *from = lead ? (n > 1 ? at[1] : end) : re + bol;
	const char *to = trail ? at[n - 1] : end;
	buf_add(&b, from, (size_t)(to - from));
	if (eol && !trail)
		buf_addc(&b, '$');
	r->has_fast = !regcomp(&r->fast, b.p, REG_EXTENDED | REG_ICASE | REG_NOSUB);
	r->tail = lead && eol && !trail ? maxrest[1] : SPAN_INF;
	buf_release(&b);
}

/*
 * Reads the pattern's top level as a sequence of atoms (a top-level '|'
 * or anything unread gives nothing, which is always safe), for the
 * bounds on a matching line's length and the guards: the prefix set of
 * the sequence from each atom on must occur where that part of the match
 * can start.  Kept: the set at the start of an anchored pattern (the
 * trie tests it almost for free) and the rarest set elsewhere, when
 * there is no set at the start or it has a short string, which many
 * lines may start with ("[[:digit:]]+ ...", "(het )?artikel ...").
 */
static void make_guards(clean_rules *c, rule *r, const char *re)
{
	const char *p = re, *end = re + strlen(re);
	int bol = *p == '^', eol = 0;
	const char *at[TOP_MAX];
	size_t n = 0;
	/* bounds on the bytes matched by atoms [0, i): pre; by [i, n): rest */
	size_t minpre[TOP_MAX + 1], maxpre[TOP_MAX + 1];
	size_t minrest[TOP_MAX + 1], maxrest[TOP_MAX + 1];
	minpre[0] = maxpre[0] = 0;
	for (p += bol; p < end; n++) {
		if (*p == '$' && p + 1 == end) {
			eol = 1;
			end = p;
			break;
		}
		const char *q = *p == '|' ? NULL : atom_end(p);
		size_t al, ah, ql, qh;
		if (n == TOP_MAX || !q || q > end || atom_span(p, q, &al, &ah, 0))
			return;
		at[n] = p;
		if (!(p = quant_read(q, end, &ql, &qh)))
			return;
		minpre[n + 1] = span_add(minpre[n], span_mul(al, ql));
		maxpre[n + 1] = span_add(maxpre[n], span_mul(ah, qh));
		/* the atom alone, summed from the end below */
		minrest[n] = span_mul(al, ql);
		maxrest[n] = span_mul(ah, qh);
	}
	minrest[n] = maxrest[n] = 0;
	for (size_t i = n; i-- > 0; ) {
		minrest[i] = span_add(minrest[i], minrest[i + 1]);
		maxrest[i] = span_add(maxrest[i], maxrest[i + 1]);
	}
	r->minlen = minrest[0];
	r->maxlen = bol && eol ? maxrest[0] : SPAN_INF;
	make_fast(r, re, at, n, end, bol, eol, maxrest);
	pset *s = xmalloc(sizeof *s), *best = xmalloc(sizeof *best);
	guard bw = { .minpre = 0 };
	double bf = -1, fstart = -1;
	int weak = 0;
	for (size_t i = 0; i < n; i++) {
		/* after a plain character, the set from that character on is as
		 * good */
		if (i && atom_lit(at[i - 1], at[i]) >= 0)
			continue;
		guard w = {
			.minpre = minpre[i], .maxpre = bol ? maxpre[i] : SPAN_INF,
			.minrest = minrest[i], .maxrest = eol ? maxrest[i] : SPAN_INF,
		};
		s->n = 1;
		s->v[0].len = 0;
		s->v[0].open = 1;
		s->v[0].s[0] = '\0';
		s->v[0].freq = 1;
		if (seq_prefixes(at[i], end, s, 0))
			continue;
		double f = ps_reduce(s);
		if (f < 0)
			continue;
		if (i == 0 && bol) {
			set_guard(c, r, &w, s, 1);
			fstart = f;
			for (size_t k = 0; k < s->n; k++)
				if (s->v[k].len < START_WEAK)
					weak = 1;
		} else if (bf < 0 || f < bf) {
			ps_copy(best, s);
			bw = w;
			bf = f;
		}
	}
	if (bf >= 0 && (fstart < 0 || (weak && bf < fstart / 10)))
		set_guard(c, r, &bw, best, 0);
	free(s);
	free(best);
}

/* ---- automata ---- */

static int gstr_cmp(const void *a, const void *b)
{
	const gstr *x = a, *y = b;
	return x->guard != y->guard ? (x->guard > y->guard) - (x->guard < y->guard)
	                            : (x->len > y->len) - (x->len < y->len);
}

/* Builds a from the pending strings of its kind: a trie (at_start), whose
 * missing transitions go to a dead end, or an Aho-Corasick automaton,
 * whose missing transitions follow the failure links so that the scan
 * never backs up. */
static void am_build(automaton *a, const pending *v, size_t nv, int at_start)
{
	memset(a->col, 0, sizeof a->col);
	a->ncol = 1;
	for (size_t i = 0; i < nv; i++) {
		if (v[i].at_start != at_start)
			continue;
		for (size_t k = 0; k < v[i].len; k++) {
			unsigned char b = (unsigned char)v[i].s[k];
			if (!a->col[b])
				a->col[b] = (uint8_t)a->ncol++;
		}
	}
	for (unsigned b = 'A'; b <= 'Z'; b++)
		a->col[b] = a->col[b + 32];
	size_t nc = a->ncol;
	/* the trie; each string's entry is filed under its node below */
	size_t cap = 64, nn = 1;
	uint32_t *child = xmalloc(cap * nc * sizeof *child);
	memset(child, 0xff, cap * nc * sizeof *child);
	uint32_t *end_of = xmalloc((nv + 1) * sizeof *end_of);
	for (size_t i = 0; i < nv; i++) {
		if (v[i].at_start != at_start)
			continue;
		uint32_t u = 0;
		for (size_t k = 0; k < v[i].len; k++) {
			size_t e = u * nc + a->col[(unsigned char)v[i].s[k]];
			if (child[e] == UINT32_MAX) {
				if (nn + 1 >= cap) { /* room for the dead end too */
					child = xrealloc(child, 2 * cap * nc * sizeof *child);
					memset(child + cap * nc, 0xff, cap * nc * sizeof *child);
					cap *= 2;
				}
				child[e] = (uint32_t)nn++;
			}
			u = child[e];
		}
		end_of[i] = u;
	}
	uint32_t dead = (uint32_t)nn++;
	size_t *own = xcalloc(nn + 1, sizeof *own);  /* node u's: [own[u], own[u + 1]) */
	for (size_t i = 0; i < nv; i++)
		if (v[i].at_start == at_start)
			own[end_of[i] + 1]++;
	for (size_t u = 0; u < nn; u++)
		own[u + 1] += own[u];
	gstr *mine = xmalloc((own[nn] + 1) * sizeof *mine);
	size_t *fill = xmalloc(nn * sizeof *fill);
	memcpy(fill, own, nn * sizeof *fill);
	for (size_t i = 0; i < nv; i++)
		if (v[i].at_start == at_start)
			mine[fill[end_of[i]]++] = (gstr){ (uint16_t)v[i].guard, (uint16_t)v[i].len };
	/* breadth first: failure links, transitions, and each node's list of
	 * strings (its own and, for Aho-Corasick, its failure node's) */
	uint32_t *order = xmalloc(nn * sizeof *order), *fail = xcalloc(nn, sizeof *fail);
	size_t *lfrom = xcalloc(nn, sizeof *lfrom), *llen = xcalloc(nn, sizeof *llen);
	size_t nlist = 0, lcap = 64, head = 0, tail = 0;
	gstr *list = xmalloc(lcap * sizeof *list);
	for (size_t col = 0; col < nc; col++)
		child[dead * nc + col] = dead;
	order[tail++] = 0;
	while (head < tail) {
		uint32_t u = order[head++];
		size_t more = own[u + 1] - own[u] + (at_start || !u ? 0 : llen[fail[u]]);
		if (nlist + more > lcap) {
			lcap = (nlist + more) * 2;
			list = xrealloc(list, lcap * sizeof *list);
		}
		lfrom[u] = nlist;
		memcpy(list + nlist, mine + own[u], (own[u + 1] - own[u]) * sizeof *list);
		nlist += own[u + 1] - own[u];
		if (!at_start && u) {
			memcpy(list + nlist, list + lfrom[fail[u]], llen[fail[u]] * sizeof *list);
			nlist += llen[fail[u]];
		}
		/* one entry per (guard, length) */
		qsort(list + lfrom[u], nlist - lfrom[u], sizeof *list, gstr_cmp);
		size_t keep = lfrom[u];
		for (size_t k = lfrom[u]; k < nlist; k++)
			if (keep == lfrom[u] || gstr_cmp(&list[keep - 1], &list[k]))
				list[keep++] = list[k];
		nlist = keep;
		llen[u] = nlist - lfrom[u];
		for (size_t col = 0; col < nc; col++) {
			uint32_t *e = &child[u * nc + col];
			if (*e != UINT32_MAX) {
				if (!at_start)
					fail[*e] = u ? child[fail[u] * nc + col] : 0;
				order[tail++] = *e;
			} else {
				*e = at_start ? dead : u ? child[fail[u] * nc + col] : 0;
			}
		}
	}
	order[tail++] = dead;
	/* rows: stride even, a flagged state one entry in (odd) and followed
	 * by its list number */
	size_t stride = (nc + 2 + 1) & ~(size_t)1;
	uint32_t *base = xmalloc(nn * sizeof *base);
	size_t nout = 0;
	for (size_t k = 0; k < nn; k++) {
		uint32_t u = order[k];
		base[u] = (uint32_t)(k * stride + (llen[u] || u == dead));
	}
	a->next = xmalloc(nn * stride * sizeof *a->next);
	memset(a->next, 0, nn * stride * sizeof *a->next);
	a->out = xmalloc((nn + 1) * sizeof *a->out);
	a->hit = xmalloc((nlist + 1) * sizeof *a->hit);
	size_t nh = 0;
	for (size_t k = 0; k < nn; k++) {
		uint32_t u = order[k];
		for (size_t col = 0; col < nc; col++)
			a->next[base[u] + col] = base[child[u * nc + col]];
		if (!(base[u] & 1))
			continue;
		a->next[base[u] + nc] = (uint32_t)nout;
		a->out[nout++] = (uint32_t)nh;
		memcpy(a->hit + nh, list + lfrom[u], llen[u] * sizeof *list);
		nh += llen[u];
	}
	a->out[nout] = (uint32_t)nh;
	a->dead = base[dead];
	a->hop_mem = xmalloc((nn * stride + 1) * sizeof *a->hop);
	a->hop = a->hop_mem + ((uintptr_t)a->hop_mem & FLAG_BIT ? 1 : 0);
	for (size_t k = 0; k < nn * stride; k++)
		a->hop[k] = (uintptr_t)(a->hop + a->next[k]);
	for (size_t k = 0; k < nn; k++)
		if (base[k] & 1)
			for (size_t col = 0; col < nc; col++)
				a->hop[base[k] + col] = (uintptr_t)(a->hop + a->dead);
	free(child);
	free(end_of);
	free(own);
	free(mine);
	free(fill);
	free(order);
	free(fail);
	free(lfrom);
	free(llen);
	free(list);
	free(base);
}

static void am_release(automaton *a)
{
	free(a->next);
	free(a->hop_mem);
	free(a->out);
	free(a->hit);
}

/* The line being tested: its guards found so far, and the rules whose
 * first guard was found. */
typedef struct probe {
	const guard *g;
	size_t n;            /* the line's length */
	uint64_t ok[GUARD_MAX / 64];
	uint32_t cand[GUARD_MAX];
	size_t ncand;
} probe;

/* The strings that end at state s after byte i - 1, in their windows. */
static void am_hits(const automaton *a, uint32_t s, size_t i, probe *pr)
{
	uint32_t list = a->next[s + a->ncol];
	for (uint32_t k = a->out[list]; k < a->out[list + 1]; k++) {
		const gstr *h = &a->hit[k];
		const guard *w = &pr->g[h->guard];
		size_t p = i - h->len;
		uint64_t bit = (uint64_t)1 << (h->guard & 63);
		if (p >= w->minpre && p <= w->maxpre && p + w->minrest <= pr->n &&
		    p + w->maxrest >= pr->n && !(pr->ok[h->guard >> 6] & bit)) {
			pr->ok[h->guard >> 6] |= bit;
			if (w->first)
				pr->cand[pr->ncand++] = w->rule;
		}
	}
}

/* Runs a over the line u[0..pr->n).  The trie stops at its dead end. */
static void am_run(const automaton *a, const unsigned char *u, probe *pr)
{
	const uint32_t *next = a->next;
	const uintptr_t *hop = a->hop;
	const uint8_t *col = a->col;
	size_t n = pr->n, i = 0;
	uint32_t s = 0;
	while (i < n) {
		/* three instructions a byte: the row's address is the state,
		 * so a move is one load from it.  In hop a block that met a
		 * flagged state ends in one, so only its last state is tested;
		 * the block is then read again in next. */
		const uintptr_t *t = hop + s;
		while (i + 8 <= n) {
			const unsigned char *b = u + i;
			const uintptr_t *e = (const uintptr_t *)t[col[b[0]]];
			e = (const uintptr_t *)e[col[b[1]]];
			e = (const uintptr_t *)e[col[b[2]]];
			e = (const uintptr_t *)e[col[b[3]]];
			e = (const uintptr_t *)e[col[b[4]]];
			e = (const uintptr_t *)e[col[b[5]]];
			e = (const uintptr_t *)e[col[b[6]]];
			e = (const uintptr_t *)e[col[b[7]]];
			if ((uintptr_t)e & FLAG_BIT)
				break;
			t = e;
			i += 8;
		}
		s = (uint32_t)(t - hop);
		/* the block with a flagged state, or the last bytes, one by one */
		for (size_t stop = i + 8 < n ? i + 8 : n; i < stop; i++) {
			s = next[s + (size_t)col[u[i]]];
			if (!(s & 1))
				continue;
			if (s == a->dead)
				return;
			am_hits(a, s, i + 1, pr);
		}
	}
}

/* ---- loading ---- */

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
	r->maxlen = SPAN_INF;
	if (!strcmp(f[1], "regex")) {
		int rc = regcomp(&r->re, f[2], REG_EXTENDED | REG_ICASE | REG_NOSUB);
		if (rc) {
			char msg[128];
			regerror(rc, &r->re, msg, sizeof msg);
			sl_err_set(e, "%s:%zu: bad regular expression: %s", c->path, line, msg);
			return SL_EFORMAT;
		}
		r->is_regex = 1;
		make_guards(c, r, f[2]);
	} else if (!strcmp(f[1], "prefix")) {
		r->prefix = xstrdup(f[2]);
		r->plen = strlen(f[2]);
		r->minlen = r->plen;
		if (r->plen) {
			/* its first bytes, lower-cased, must start the line */
			guard w = { .minrest = r->plen, .maxrest = SPAN_INF };
			char low[PS_LEN];
			size_t len = r->plen < PS_LEN ? r->plen : PS_LEN;
			char *s = low;
			for (size_t k = 0; k < len; k++)
				low[k] = lower(f[2][k]);
			add_guard(c, r, &w, &s, &len, 1, 1);
		}
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
	am_build(&c->start, c->pend, c->npend, 1);
	am_build(&c->any, c->pend, c->npend, 0);
	c->open = xmalloc((c->n + 1) * sizeof *c->open);
	for (size_t i = 0; i < c->n; i++)
		if (!c->v[i].ng)
			c->open[c->nopen++] = (uint32_t)i;
	for (size_t i = 0; i < c->npend; i++)
		free(c->pend[i].s);
	free(c->pend);
	c->pend = NULL;
	c->npend = c->pcap = 0;
	return c;
}

void clean_free(clean_rules *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++) {
		if (c->v[i].is_regex)
			regfree(&c->v[i].re);
		if (c->v[i].has_fast)
			regfree(&c->v[i].fast);
		free(c->v[i].prefix);
	}
	for (size_t i = 0; i < c->npend; i++)
		free(c->pend[i].s);
	free(c->pend);
	free(c->v);
	free(c->g);
	free(c->open);
	am_release(&c->start);
	am_release(&c->any);
	free(c);
}

/* ---- testing a line ---- */

static int guards_hold(const rule *r, const probe *pr)
{
	if (pr->n < r->minlen || pr->n > r->maxlen)
		return 0;
	for (size_t k = r->g0; k < r->g0 + r->ng; k++)
		if (!(pr->ok[k >> 6] >> (k & 63) & 1))
			return 0;
	return 1;
}

/* Whether rule r matches the trimmed line[0..n), NUL-terminated; len is
 * its length up to a NUL, when the guards are used (else 0). */
static int rule_match(const rule *r, const char *line, size_t n, size_t len)
{
	if (r->is_regex && len && r->has_fast)
		return regexec(&r->fast, r->tail < len ? line + len - r->tail : line, 0, NULL, 0) == 0;
	if (r->is_regex)
		return regexec(&r->re, line, 0, NULL, 0) == 0;
	return n >= r->plen && !strncasecmp(line, r->prefix, r->plen);
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
	int guards = clean_guards && MB_CUR_MAX == 1;
	probe pr;
	if (guards) {
		/* regexec and strncasecmp see the line up to a NUL: so do the
		 * guards */
		const char *nul = memchr(text, '\0', n);
		pr.g = c->g;
		pr.n = nul ? (size_t)(nul - text) : n;
		pr.ncand = 0;
		memset(pr.ok, 0, (c->ng + 63) / 64 * sizeof *pr.ok);
		am_run(&c->start, (const unsigned char *)text, &pr);
		am_run(&c->any, (const unsigned char *)text, &pr);
	}
	/* the NUL-terminated copy for regexec, made when one is to run;
	 * which rule matches does not matter, so candidates go in any order */
	char small[1024];
	char *line = NULL;
	int hit = 0;
	size_t nr = guards ? pr.ncand + c->nopen : c->n;
	for (size_t k = 0; k < nr && !hit; k++) {
		const rule *r = &c->v[!guards ? k : k < pr.ncand ? pr.cand[k] : c->open[k - pr.ncand]];
		if (!(r->lang & lang) || (guards && !guards_hold(r, &pr)))
			continue;
		if (!line) {
			line = n < sizeof small ? small : xmalloc(n + 1);
			memcpy(line, text, n);
			line[n] = '\0';
		}
		hit = rule_match(r, line, n, guards ? pr.n : 0);
	}
	if (line && line != small)
		free(line);
	return hit;
}
