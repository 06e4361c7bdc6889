/*
 * reader: turns the paths on a command line into a stream of documents.
 *
 * Directories are walked depth first, entries in byte order so runs are
 * reproducible; hidden entries and files of unknown type are skipped, and
 * every directory is entered once (by device and inode) so symlink loops
 * end.  Anything that cannot be read is a warning, never the end of the
 * run: a crawl with one bad file must still be read.  The format comes
 * from the extension (".gz" is then looked through) or, for stdin,
 * memory and explicitly named files without a known extension, from the
 * first bytes.
 */
#include "read_int.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct dirframe {
	char *path;
	char **names;
	size_t n, i;
} dirframe;

typedef struct dirkey {
	dev_t dev;
	ino_t ino;
	int used;
} dirkey;

struct reader {
	char **paths;
	size_t npaths, pi;
	rd_warner w;
	dirframe *stack;
	size_t depth, cap;
	dirkey *seen;      /* open-addressing set of entered directories */
	size_t nseen, seencap;
	rd_src *cur;
	doc doc;
	const void *mem;   /* reader_new_mem input */
	size_t memlen;
	char *memname;
	int mem_pending;
};

static int ends_ci(const char *s, size_t n, const char *suf)
{
	size_t k = strlen(suf);
	return n >= k && rd_prefix_ci(s + n - k, k, suf);
}

/* Format from the file name, or -1.  *stem gets the length of the name
 * without the extensions that told the format. */
static int fmt_of_name(const char *name, size_t *stem)
{
	static const struct { const char *ext; rd_fmt fmt; } exts[] = {
		{ ".txt", RD_TXT }, { ".jsonl", RD_JSONL }, { ".html", RD_HTML },
		{ ".htm", RD_HTML }, { ".warc", RD_WARC },
	};
	size_t n = strlen(name);
	if (ends_ci(name, n, ".gz"))
		n -= 3;
	for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
		if (ends_ci(name, n, exts[i].ext)) {
			*stem = n - strlen(exts[i].ext);
			return (int)exts[i].fmt;
		}
	*stem = n;
	return -1;
}

static rd_fmt sniff(rstream *s)
{
	const unsigned char *p;
	size_t n = rs_peek(s, 512, &p), i = 0;
	if (n >= 5 && memcmp(p, "WARC/", 5) == 0)
		return RD_WARC;
	if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		i = 3;
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
		i++;
	if (i < n && p[i] == '{')
		return RD_JSONL;
	if (i < n && p[i] == '<')
		return RD_HTML;
	if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)))
		return RD_HTML; /* UTF-16 with BOM: only the HTML reader decodes it */
	return RD_TXT;
}

static char *base_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *name = slash ? slash + 1 : path;
	size_t stem;
	if (fmt_of_name(name, &stem) < 0) {
		/* unknown extension: drop the last one, if any */
		const char *dot = strrchr(name, '.');
		stem = (dot && dot > name) ? (size_t)(dot - name) : strlen(name);
	}
	return xstrndup(name, stem);
}

static void src_start(reader *r, rd_src *src, int fmt)
{
	src->fmt = fmt < 0 ? sniff(&src->s) : (rd_fmt)fmt;
	buf_init(&src->line_buf);
	buf_init(&src->tmp);
	r->cur = src;
}

static void src_free(rd_src *src)
{
	rs_close(&src->s);
	buf_release(&src->line_buf);
	buf_release(&src->tmp);
	free(src->path);
	free(src->base);
	free(src);
}

static void open_stdin(reader *r)
{
	rd_src *src = xcalloc(1, sizeof *src);
	src->path = xstrdup("-");
	src->base = xstrdup("stdin");
	rs_open_fd(&src->s, 0, 0, src->path, &r->w);
	src_start(r, src, -1);
}

static void open_file(reader *r, const char *path, int fmt)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		rd_warn(&r->w, "%s: %s", path, strerror(errno));
		return;
	}
	rd_src *src = xcalloc(1, sizeof *src);
	src->path = xstrdup(path);
	src->base = base_of(path);
	rs_open_fd(&src->s, fd, 1, src->path, &r->w);
	src_start(r, src, fmt);
}

/* Adds (dev, ino) to the set; returns 0 when it was already there. */
static int seen_add(reader *r, dev_t dev, ino_t ino)
{
	if (2 * (r->nseen + 1) > r->seencap) {
		size_t ncap = r->seencap ? r->seencap * 2 : 64;
		dirkey *ns = xcalloc(ncap, sizeof *ns);
		for (size_t i = 0; i < r->seencap; i++) {
			if (!r->seen[i].used)
				continue;
			size_t h = ((size_t)r->seen[i].ino * 0x9E3779B97F4A7C15ull ^ (size_t)r->seen[i].dev) & (ncap - 1);
			while (ns[h].used)
				h = (h + 1) & (ncap - 1);
			ns[h] = r->seen[i];
		}
		free(r->seen);
		r->seen = ns;
		r->seencap = ncap;
	}
	size_t h = ((size_t)ino * 0x9E3779B97F4A7C15ull ^ (size_t)dev) & (r->seencap - 1);
	while (r->seen[h].used) {
		if (r->seen[h].dev == dev && r->seen[h].ino == ino)
			return 0;
		h = (h + 1) & (r->seencap - 1);
	}
	r->seen[h].dev = dev;
	r->seen[h].ino = ino;
	r->seen[h].used = 1;
	r->nseen++;
	return 1;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void push_dir(reader *r, const char *path, const struct stat *st)
{
	if (!seen_add(r, st->st_dev, st->st_ino))
		return; /* entered before: a symlink loop or a second link */
	DIR *dir = opendir(path);
	if (!dir) {
		rd_warn(&r->w, "%s: %s", path, strerror(errno));
		return;
	}
	dirframe f = { xstrdup(path), NULL, 0, 0 };
	size_t cap = 0;
	struct dirent *de;
	errno = 0;
	while ((de = readdir(dir))) {
		if (de->d_name[0] == '.')
			continue;
		if (f.n == cap) {
			cap = cap ? cap * 2 : 32;
			f.names = xrealloc(f.names, cap * sizeof *f.names);
		}
		f.names[f.n++] = xstrdup(de->d_name);
	}
	if (errno)
		rd_warn(&r->w, "%s: %s", path, strerror(errno));
	closedir(dir);
	if (f.n > 1)
		qsort(f.names, f.n, sizeof *f.names, cmp_names);
	if (r->depth == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->stack = xrealloc(r->stack, r->cap * sizeof *r->stack);
	}
	r->stack[r->depth++] = f;
}

/* Opens path (explicit: named by the user rather than found in a
 * directory) or pushes it as a directory; warns about what it cannot. */
static void visit(reader *r, const char *path, int explicit)
{
	if (explicit && strcmp(path, "-") == 0) {
		open_stdin(r);
		return;
	}
	struct stat st;
	if (stat(path, &st) != 0) {
		rd_warn(&r->w, "%s: %s", path, strerror(errno));
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		push_dir(r, path, &st);
		return;
	}
	const char *slash = strrchr(path, '/');
	size_t stem;
	int fmt = fmt_of_name(slash ? slash + 1 : path, &stem);
	if (fmt < 0 && !explicit)
		return;
	if (!explicit && !S_ISREG(st.st_mode))
		return;
	open_file(r, path, fmt);
}

static void dir_pop(reader *r)
{
	dirframe *f = &r->stack[--r->depth];
	for (size_t i = 0; i < f->n; i++)
		free(f->names[i]);
	free(f->names);
	free(f->path);
}

static reader *reader_alloc(reader_warn_fn warn, void *ctx)
{
	reader *r = xcalloc(1, sizeof *r);
	r->w.fn = warn;
	r->w.ctx = ctx;
	doc_init(&r->doc);
	return r;
}

reader *reader_new(const char *const *paths, size_t npaths,
                   reader_warn_fn warn, void *ctx)
{
	static const char *const dash[] = { "-" };
	reader *r = reader_alloc(warn, ctx);
	if (!npaths) {
		paths = dash;
		npaths = 1;
	}
	r->paths = xcalloc(npaths, sizeof *r->paths);
	for (size_t i = 0; i < npaths; i++)
		r->paths[i] = xstrdup(paths[i]);
	r->npaths = npaths;
	return r;
}

reader *reader_new_mem(const char *name, const void *bytes, size_t n,
                       reader_warn_fn warn, void *ctx)
{
	reader *r = reader_alloc(warn, ctx);
	r->mem = bytes;
	r->memlen = n;
	r->memname = xstrdup(name ? name : "-");
	r->mem_pending = 1;
	return r;
}

static void open_mem(reader *r)
{
	rd_src *src = xcalloc(1, sizeof *src);
	size_t stem;
	int fmt = fmt_of_name(r->memname, &stem);
	src->path = xstrdup(r->memname);
	src->base = strcmp(r->memname, "-") ? base_of(r->memname) : xstrdup("stdin");
	rs_open_mem(&src->s, r->mem, r->memlen, src->path, &r->w);
	src_start(r, src, fmt);
	r->mem_pending = 0;
}

static int src_next(rd_src *src, doc *d, rd_warner *w)
{
	switch (src->fmt) {
	case RD_TXT: return rd_txt_next(src, d, w);
	case RD_JSONL: return rd_jsonl_next(src, d, w);
	case RD_HTML: return rd_html_next(src, d, w);
	case RD_WARC: return rd_warc_next(src, d, w);
	}
	return SL_DONE;
}

int reader_next(reader *r, doc **d, sl_err *e)
{
	(void)e; /* every problem so far is a warning; see doc.h */
	for (;;) {
		if (r->cur) {
			doc_release(&r->doc);
			if (src_next(r->cur, &r->doc, &r->w) == SL_OK) {
				if (!r->doc.source)
					r->doc.source = xstrdup(r->cur->path);
				if (!r->doc.id)
					r->doc.id = xstrdup(r->cur->base);
				if (!r->doc.text) {
					r->doc.text = xstrdup("");
					r->doc.len = 0;
				}
				*d = &r->doc;
				return SL_OK;
			}
			src_free(r->cur);
			r->cur = NULL;
			continue;
		}
		if (r->depth) {
			dirframe *f = &r->stack[r->depth - 1];
			if (f->i == f->n) {
				dir_pop(r);
				continue;
			}
			const char *name = f->names[f->i++];
			buf p = BUF_INIT;
			buf_adds(&p, f->path);
			if (p.len && p.p[p.len - 1] != '/')
				buf_addc(&p, '/');
			buf_adds(&p, name);
			visit(r, p.p, 0);
			buf_release(&p);
			continue;
		}
		if (r->pi < r->npaths) {
			visit(r, r->paths[r->pi], 1);
			r->pi++;
			continue;
		}
		if (r->mem_pending) {
			open_mem(r);
			continue;
		}
		doc_release(&r->doc);
		return SL_DONE;
	}
}

size_t reader_warnings(const reader *r)
{
	return r->w.count;
}

void reader_free(reader *r)
{
	if (!r)
		return;
	if (r->cur)
		src_free(r->cur);
	while (r->depth)
		dir_pop(r);
	free(r->stack);
	for (size_t i = 0; i < r->npaths; i++)
		free(r->paths[i]);
	free(r->paths);
	free(r->seen);
	free(r->memname);
	doc_release(&r->doc);
	free(r);
}
