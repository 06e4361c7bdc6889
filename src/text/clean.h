/*
 * clean: web debris removal.  data/boilerplate.tsv holds per-language line
 * patterns (POSIX extended regular expressions or plain prefixes, matched
 * case-insensitively against a trimmed line); clean_lines marks the lines
 * of a document that match, so the splitter skips them while every
 * offset stays that of the document as read.
 *
 * Ownership: the clean_rules own their compiled patterns.  Read-only after
 * loading; safe to share between threads (regexec is reentrant).
 */
#ifndef SL_CLEAN_H
#define SL_CLEAN_H

#include <stddef.h>
#include "../base/err.h"

typedef struct clean_rules clean_rules;

clean_rules *clean_load(const char *path, sl_err *e);
void clean_free(clean_rules *c);

/* Whether the line text[0..n) is boilerplate in language lang (LANG_* bit;
 * rules for "*" apply to every language). */
int clean_is_debris(const clean_rules *c, int lang, const char *text, size_t n);

/* 1 (the default): literal guards skip regexec where a pattern cannot
 * match (clean.c); 0 runs every pattern, for the fuzz harness to check
 * that the answers are the same. */
extern int clean_guards;

#endif
