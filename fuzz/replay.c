/*
 * replay: runs every fuzz harness over its saved inputs with the normal
 * compiler, as SQLite's fuzzcheck does, so `make test` (and a SANITIZE=1
 * build) catches a regression on a known crasher without clang or
 * libFuzzer.
 *
 * Each fuzz/fuzz_<name>.c is compiled with its LLVMFuzzerTestOneInput
 * renamed to sl_fuzz_<name>; fuzz.mk passes the list of names as
 * FUZZ_HARNESSES ("X(lex) X(date) ...").  For each harness the driver
 * feeds the empty input, then every file under <dir>/corpus/<name>/ and
 * <dir>/crashers/<name>/ (sorted, so runs are repeatable), each in a
 * buffer of exactly its size so that an overread is caught by ASan.  A
 * harness reports a bug by crashing or aborting; the driver itself only
 * fails on an unreadable input.
 *
 * usage: replay [-v] [DIR]   (DIR default "fuzz"; -v names each input
 * on stderr before running it, to find the one that crashed)
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"

#ifndef FUZZ_HARNESSES
#error "FUZZ_HARNESSES must list the harnesses: -DFUZZ_HARNESSES='X(lex) X(date)'"
#endif

#define X(h) int sl_fuzz_##h(const uint8_t *data, size_t size);
FUZZ_HARNESSES
#undef X

typedef struct harness {
	const char *name;
	int (*fn)(const uint8_t *data, size_t size);
} harness;

static const harness harnesses[] = {
#define X(h) { #h, sl_fuzz_##h },
	FUZZ_HARNESSES
#undef X
};

static int verbose;

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs h over every regular file in dir; returns the count, or -1 when a
 * file cannot be read.  A missing directory has no inputs. */
static long replay_dir(const harness *h, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return errno == ENOENT ? 0 : -1;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			names = xrealloc(names, cap * sizeof *names);
		}
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, by_name);
	long count = 0;
	buf path = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		buf_reset(&path);
		buf_addf(&path, "%s/%s", dir, names[i]);
		struct stat st;
		if (stat(path.p, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		FILE *f = fopen(path.p, "rb");
		if (!f) {
			fprintf(stderr, "replay: %s: %s\n", path.p, strerror(errno));
			count = -1;
			break;
		}
		size_t size = (size_t)st.st_size;
		uint8_t *data = xmalloc(size ? size : 1);
		if (fread(data, 1, size, f) != size) {
			fprintf(stderr, "replay: %s: short read\n", path.p);
			fclose(f);
			free(data);
			count = -1;
			break;
		}
		fclose(f);
		if (verbose) {
			fprintf(stderr, "replay: %s: %s\n", h->name, path.p);
			fflush(stderr);
		}
		h->fn(data, size);
		free(data);
		count++;
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	buf_release(&path);
	return count;
}

int main(int argc, char **argv)
{
	const char *root = "fuzz";
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-v"))
			verbose = 1;
		else
			root = argv[i];
	}
	int status = 0;
	buf dir = BUF_INIT;
	for (size_t i = 0; i < sizeof harnesses / sizeof harnesses[0]; i++) {
		const harness *h = &harnesses[i];
		static const uint8_t empty[1];
		h->fn(empty, 0);
		buf_reset(&dir);
		buf_addf(&dir, "%s/corpus/%s", root, h->name);
		long seeds = replay_dir(h, dir.p);
		buf_reset(&dir);
		buf_addf(&dir, "%s/crashers/%s", root, h->name);
		long crashers = replay_dir(h, dir.p);
		if (seeds < 0 || crashers < 0)
			status = 1;
		printf("fuzz-replay %-11s %4ld seeds, %3ld crashers: ok\n", h->name,
		       seeds < 0 ? 0 : seeds, crashers < 0 ? 0 : crashers);
	}
	buf_release(&dir);
	return status;
}
