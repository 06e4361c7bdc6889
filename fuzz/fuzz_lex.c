/*
 * fuzz_lex: libFuzzer target for the lexicon file loaders (tsv_each and
 * lex_load_actors/systems/items/cues) and for matching with whatever
 * trie they built.  The first input byte picks the loader; the rest is
 * the file, written to a memfd so the loaders read it through their
 * ordinary path argument.  A load either succeeds or fails with a
 * "path:line: why" message; after a success (or a partial load) the
 * automaton is walked over a fixed sentence and over the input itself in
 * every language, so entries made of fuzzed forms are matched too.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/utf8.h"
#include "extract/grammar.h"
#include "lex/lex.h"
#include "text/fold.h"
#include "text/token.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char probe[] =
	"De Verenigde Staten leveren 20 Stinger-luchtdoelraketten aan Oekraïne; "
	"Germany sent Leopard 2 tanks, la France a livré des obus. US us PzH-2000 "
	"antitank- en -raketten, l'Élysée, Britain's Panzerhaubitzen.";

static void walk(const lex *x, tok_list *tl, const char *text, size_t n)
{
	static const int langs[] = { LANG_NL, LANG_EN, LANG_DE, LANG_FR };
	tok_list_reset(tl);
	tok_scan(tl, text, 0, n, 0);
	for (size_t l = 0; l < 4; l++) {
		lex_starts st = lex_get_starts(x, langs[l]);
		for (size_t i = 0; i < tl->n; i++) {
			lex_match out[LEX_NKINDS];
			int kinds = lex_match_at(x, tl, text, i, tl->n, langs[l], out);
			for (int k = 0; k < LEX_NKINDS; k++) {
				/* the kinds returned are those matched */
				if (!!(kinds >> k & 1) != !!out[k].e)
					abort();
				if (!out[k].e)
					continue;
				if (out[k].tok != i || out[k].tok + out[k].ntok > tl->n)
					abort();
				(void)lex_entry_ok(out[k].e, tl, text, out[k].tok, out[k].ntok, langs[l]);
			}
			/* a start the inline test lets through: the same match */
			if (kinds && !lex_may_start(st, &tl->v[i]))
				abort();
			if (lex_may_start(st, &tl->v[i])) {
				lex_match again[LEX_NKINDS];
				if (lex_match_started(x, tl, text, i, tl->n, langs[l], again) != kinds)
					abort();
				for (int k = 0; k < LEX_NKINDS; k++)
					if (again[k].e != out[k].e ||
					    (out[k].e && (again[k].tok != out[k].tok || again[k].ntok != out[k].ntok)))
						abort();
			}
			const char *w = tok_fold(tl, &tl->v[i]);
			size_t at;
			const lex_entry *s = lex_suffix(x, w, tl->v[i].flen, langs[l], &at);
			if (s && at > tl->v[i].flen)
				abort();
			(void)lex_lookup(x, LEX_ITEM, w, langs[l]);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int inited;
	if (!inited) {
		fold_init();
		inited = 1;
	}
	if (!size)
		return 0;
	int which = data[0] % 5;
	int fd = memfd_create("fuzz_lex.tsv", 0);
	if (fd < 0)
		abort();
	for (size_t off = 1; off < size; ) {
		ssize_t w = write(fd, data + off, size - off);
		if (w <= 0)
			abort();
		off += (size_t)w;
	}
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);

	lex *x = lex_new();
	sl_err e = { "" };
	int rc;
	switch (which) {
	case 0: rc = lex_load_actors(x, path, 0, &e); break;
	case 1: rc = lex_load_actors(x, path, 1, &e); break;
	case 2: rc = lex_load_systems(x, path, &e); break;
	case 3: rc = lex_load_items(x, path, &e); break;
	default: rc = lex_load_cues(x, path, gram_cue_classes, &e); break;
	}
	close(fd);
	/* An error must say where: the path, a line number and a reason. */
	if (rc != SL_OK && (strncmp(e.msg, path, strlen(path)) || !e.msg[strlen(path)]))
		abort();

	tok_list tl;
	tok_list_init(&tl);
	walk(x, &tl, probe, sizeof probe - 1);
	buf clean = BUF_INIT;
	utf8_clean(&clean, (const char *)data + 1, size - 1);
	walk(x, &tl, clean.p, clean.len);
	buf_release(&clean);
	tok_list_release(&tl);
	lex_free(x);
	return 0;
}
