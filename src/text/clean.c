/*
 * clean: boilerplate line patterns, compiled with the C library's POSIX
 * regex (regcomp/regexec): analysts already know the syntax.
 *
 * Speed: trying each of a language's ~40 patterns on every line cost a
 * third of extraction time (glibc upper-cases the line and runs its
 * matcher once per pattern), so the regex rules of each language and of
 * "*" are also joined into one alternation "(r1)|(r2)|..." that answers
 * "does any rule match" in one pass; it is the same question, since the
 * patterns have no back-references (checked at load).  glibc's regexec
 * holds a lock per regex_t for the whole match, which would serialise the
 * worker threads of extract -j, so each thread compiles its own copy of
 * the joined patterns on first use (freed when the thread exits).
 */
#include "clean.h"

#include <pthread.h>
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
	char *src;       /* the pattern as written, for the joins */
} rule;

/* The joined regex rules for each single-language bit (index: bit number). */
#define NJOIN 4

struct clean_rules {
	rule *v;
	size_t n, cap;
	const char *path;
	char *joined[NJOIN];   /* NULL: some rule cannot be joined, use the list */
	int nojoin;            /* a pattern with a back-reference: never join */
	uint64_t gen;          /* identifies this set for the per-thread copies */
};

/* A thread's compiled copies of one clean_rules' joined patterns. */
typedef struct tcopy {
	uint64_t gen;
	int ok[NJOIN];
	regex_t re[NJOIN];
} tcopy;

static pthread_key_t tkey;
static pthread_once_t tonce = PTHREAD_ONCE_INIT;
static pthread_mutex_t genmu = PTHREAD_MUTEX_INITIALIZER;
static uint64_t nextgen = 1;

static void tcopy_clear(tcopy *t)
{
	for (int b = 0; b < NJOIN; b++)
		if (t->ok[b])
			regfree(&t->re[b]);
	memset(t, 0, sizeof *t);
}

static void tcopy_free(void *p)
{
	if (!p)
		return;
	tcopy_clear(p);
	free(p);
}

static void tkey_init(void)
{
	pthread_key_create(&tkey, tcopy_free);
}

/* This thread's compiled joins of c, compiled on first use; NULL when the
 * joins cannot be used (the caller tries the rules one by one). */
static tcopy *thread_copy(const clean_rules *c)
{
	pthread_once(&tonce, tkey_init);
	tcopy *t = pthread_getspecific(tkey);
	if (t && t->gen == c->gen)
		return t;
	if (!t) {
		t = xcalloc(1, sizeof *t);
		pthread_setspecific(tkey, t);
	} else {
		tcopy_clear(t);
	}
	t->gen = c->gen;
	for (int b = 0; b < NJOIN; b++)
		if (c->joined[b])
			t->ok[b] = regcomp(&t->re[b], c->joined[b],
			                   REG_EXTENDED | REG_ICASE | REG_NOSUB) == 0;
	return t;
}

static int has_backref(const char *re)
{
	for (const char *p = re; *p; p++) {
		if (*p == '\\' && p[1]) {
			if (p[1] >= '1' && p[1] <= '9')
				return 1;
			p++;
		}
	}
	return 0;
}

static void join_rules(clean_rules *c)
{
	if (c->nojoin)
		return;
	for (int b = 0; b < NJOIN; b++) {
		buf j = BUF_INIT;
		for (size_t i = 0; i < c->n; i++) {
			const rule *r = &c->v[i];
			if (!r->is_regex || !(r->lang & (1 << b)))
				continue;
			buf_addf(&j, "%s(%s)", j.len ? "|" : "", r->src);
		}
		if (j.len) {
			/* the join must compile wherever the parts did */
			regex_t t;
			if (regcomp(&t, j.p, REG_EXTENDED | REG_ICASE | REG_NOSUB) == 0) {
				regfree(&t);
				c->joined[b] = buf_detach(&j, NULL);
				continue;
			}
		}
		buf_release(&j);
	}
	pthread_mutex_lock(&genmu);
	c->gen = nextgen++;
	pthread_mutex_unlock(&genmu);
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
		r->src = xstrdup(f[2]);
		if (has_backref(f[2]))
			c->nojoin = 1;
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
	join_rules(c);
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
		free(c->v[i].src);
	}
	for (int b = 0; b < NJOIN; b++)
		free(c->joined[b]);
	free(c->v);
	free(c);
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
	char small[1024];
	char *line = n < sizeof small ? small : xmalloc(n + 1);
	memcpy(line, text, n);
	line[n] = '\0';
	int hit = 0;
	/* one language: the prefixes, then the joined regex rules */
	int bit = -1;
	for (int b = 0; b < NJOIN; b++)
		if (lang == 1 << b)
			bit = b;
	tcopy *t = bit >= 0 && c->joined[bit] ? thread_copy(c) : NULL;
	if (t && t->ok[bit]) {
		for (size_t i = 0; i < c->n && !hit; i++) {
			const rule *r = &c->v[i];
			if (!r->is_regex && (r->lang & lang))
				hit = n >= r->plen && !strncasecmp(line, r->prefix, r->plen);
		}
		if (!hit)
			hit = regexec(&t->re[bit], line, 0, NULL, 0) == 0;
		if (line != small)
			free(line);
		return hit;
	}
	for (size_t i = 0; i < c->n && !hit; i++) {
		const rule *r = &c->v[i];
		if (!(r->lang & lang))
			continue;
		if (r->is_regex)
			hit = regexec(&r->re, line, 0, NULL, 0) == 0;
		else
			hit = n >= r->plen && !strncasecmp(line, r->prefix, r->plen);
	}
	if (line != small)
		free(line);
	return hit;
}
