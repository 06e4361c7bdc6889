/*
 * clean: boilerplate line patterns, compiled with the C library's POSIX
 * regex (regcomp/regexec): patterns are few and lines short, so a regex
 * engine per line is cheap, and analysts already know the syntax.
 */
#include "clean.h"

#include <regex.h>
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
} rule;

struct clean_rules {
	rule *v;
	size_t n, cap;
	const char *path;
};

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
	}
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
