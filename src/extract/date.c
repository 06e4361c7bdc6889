/*
 * date: finds date expressions in a sentence and resolves relative ones
 * against the document date, in one pass and without allocating.
 *
 * At every token start (folding window from numlex.h) two readings are
 * tried and the longer wins: a fixed phrase of data/dates.tsv (relative
 * "vorige week", vague "autrefois", a decade pattern "in den #er Jahren"),
 * or the structured form
 *
 *     [prep] [mod | next | prev]* date [nextafter | prevafter]
 *     date = YYYY-MM-DD | DD.MM.YYYY | day [dayof] month [year]
 *          | month [day [,]] [year] | year (after a year prep or mod)
 *          | weekday[daypart]
 *
 * Resolution (docdate "YYYY", "YYYY-MM" or "YYYY-MM-DD"): a month without
 * a year is its most recent occurrence on or before the document month
 * (after it with "next"/"volgende", strictly before with "last"); a
 * weekday is the most recent such day on or before the document date
 * (strictly before with "last"); "yesterday" is the day before, "last
 * week" the month of the day seven days before, "last month" the month
 * before, "last year" the year before.  Nothing is more precise than the
 * document date: with "YYYY-MM" every day or week phrase gives that month.
 * Without a document date a relative phrase is still reported, with an
 * empty when.  A month first and a day after ("August 20") is read only in
 * English (or with no language); a numeric d/m/y date is day first unless
 * the second number cannot be a month.
 */
#include "date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/cal.h"
#include "../base/tsv.h"
#include "numlex.h"

enum {
	D_MONTH, D_WEEKDAY, D_DAYPART, D_REL, D_VAGUE, D_DECADE, D_PREP, D_MOD, D_NEXT,
	D_NEXTAFTER, D_PREV, D_PREVAFTER, D_DAYOF, D_DAYSUF, D_NKINDS
};

static const char *const kind_names[D_NKINDS] = {
	"month", "weekday", "daypart", "rel", "vague", "decade", "prep", "mod", "next",
	"nextafter", "prev", "prevafter", "dayof", "daysuf",
};

enum { DF_CAP = 1 << 0, DF_NUM = 1 << 1, DF_YEAR = 1 << 2 };

static const nlx_flag flag_names[] = {
	{ "cap", DF_CAP }, { "num", DF_NUM }, { "year", DF_YEAR }, { "exact", NLX_F_EXACT },
};

#define B(k) (1u << (k))

struct date_lex {
	nlx_tab tab;
	nlx_tab dec;            /* decade patterns, matched by match_decade */
};

/* ---- loading ---- */

typedef struct load_ctx {
	date_lex *lx;
	const char *path;
} load_ctx;

static int date_line(void *ctx, char **f, size_t nf, size_t line, sl_err *e)
{
	load_ctx *c = ctx;
	unsigned lang, flags;
	(void)nf;
	if (nlx_lang_list(f[0], &lang))
		return nlx_bad(e, c->path, line, "unknown language", f[0]);
	int kind = nlx_name_ix(kind_names, D_NKINDS, f[1]);
	if (kind == D_NKINDS)
		return nlx_bad(e, c->path, line, "unknown kind", f[1]);
	if (!*f[2])
		return nlx_bad(e, c->path, line, "empty word", NULL);
	double v = 0;
	char unit = 0;
	long l;
	if (kind == D_MONTH || kind == D_WEEKDAY) {
		if (nlx_parse_int(f[3], 1, kind == D_MONTH ? 12 : 7, &l))
			return nlx_bad(e, c->path, line,
			               kind == D_MONTH ? "month must be 1..12" : "weekday must be 1..7", f[3]);
		v = (double)l;
	} else if (kind == D_REL) {
		const char *s = f[3];
		if (!strchr("dwmy", s[0]) || !s[0] || (s[1] == '+' && !s[2]) ||
		    nlx_parse_int(s[1] == '+' ? s + 2 : s + 1, -100, 100, &l))
			return nlx_bad(e, c->path, line,
			               "rel value must be d, w, m or y and an offset (\"d-1\")", s);
		unit = s[0];
		v = (double)l;
	} else if (strcmp(f[3], "-")) {
		return nlx_bad(e, c->path, line, "value must be \"-\" for this kind", f[3]);
	}
	if (kind == D_DECADE) {
		const char *h = strchr(f[2], '#');
		if (!h || strchr(h + 1, '#') || h == f[2])
			return nlx_bad(e, c->path, line, "a decade needs one \"#\", not at the start", f[2]);
	}
	if (nlx_parse_flags(f[4], flag_names, sizeof flag_names / sizeof flag_names[0], &flags))
		return nlx_bad(e, c->path, line, "unknown flag", f[4]);
	nlx_ent *en = nlx_tab_add(kind == D_DECADE ? &c->lx->dec : &c->lx->tab, f[2], lang, kind,
	                          flags, v);
	if (!en)
		return nlx_bad(e, c->path, line, "word folds to nothing or is too long", f[2]);
	en->code[0] = unit;
	return SL_OK;
}

date_lex *date_lex_load(const char *dir, sl_err *e)
{
	date_lex *lx = xcalloc(1, sizeof *lx);
	nlx_tab_init(&lx->tab);
	nlx_tab_init(&lx->dec);
	char path[4096];
	load_ctx c = { lx, path };
	snprintf(path, sizeof path, "%s/dates.tsv", dir);
	if (tsv_each(path, 5, date_line, &c, e) != SL_OK) {
		date_lex_free(lx);
		return NULL;
	}
	nlx_tab_finish(&lx->tab, B(D_MONTH) | B(D_WEEKDAY) | B(D_REL) | B(D_VAGUE) | B(D_PREP) |
	                         B(D_MOD) | B(D_NEXT) | B(D_PREV));
	/* the kinds structured() and parse_date() try at 0; weekdays there
	 * take a day part straight after them ("maandagavond") */
	nlx_tab_prefixes(&lx->tab, B(D_WEEKDAY), 0, 0, 0, 0);
	nlx_tab_finish(&lx->dec, B(D_DECADE));
	/* a decade pattern's words before its "#": "the", "de" and "les"
	 * pass the two-byte test, and only "the #s" is a date */
	nlx_tab_prefixes(&lx->dec, 0, 0, 0, 0, '#');
	return lx;
}

void date_lex_sieve(const date_lex *lx, nlx_sieve *sv)
{
	nlx_sieve_add(sv, &lx->tab);
	nlx_sieve_add(sv, &lx->dec);
}

void date_lex_free(date_lex *lx)
{
	if (!lx)
		return;
	nlx_tab_release(&lx->tab);
	nlx_tab_release(&lx->dec);
	free(lx);
}

/* ---- calendar ---- */

/* 1 = Monday .. 7 = Sunday; 1970-01-01 was a Thursday. */
static int weekday_of(long days)
{
	long w = (days + 3) % 7;
	if (w < 0)
		w += 7;
	return (int)w + 1;
}

typedef struct ymd {
	int y, m, d;
	int prec;               /* 0 unknown, 1 year, 2 month, 3 day */
} ymd;

static int digits_at(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static ymd parse_docdate(const char *s)
{
	ymd r = { 0, 0, 0, 0 };
	if (!s)
		return r;
	size_t n = strlen(s);
	if (n < 4 || !digits_at(s, 4))
		return r;
	/* the four digits by hand: every sentence scanned parses the
	 * document's date, and atoi's strtol costs ten times as much; a
	 * longer run of digits is read as atoi reads it */
	r.y = n > 4 && s[4] >= '0' && s[4] <= '9' ? atoi(s) :
	      ((s[0] - '0') * 10 + (s[1] - '0')) * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	r.prec = 1;
	if (n >= 7 && s[4] == '-' && digits_at(s + 5, 2)) {
		int m = (s[5] - '0') * 10 + (s[6] - '0');
		if (m < 1 || m > 12)
			return r;
		r.m = m;
		r.prec = 2;
		if (n >= 10 && s[7] == '-' && digits_at(s + 8, 2)) {
			int d = (s[8] - '0') * 10 + (s[9] - '0');
			if (d >= 1 && d <= cal_mdays(r.y, m)) {
				r.d = d;
				r.prec = 3;
			}
		}
	}
	return r;
}

/* n digits of v, zero-padded, at w. */
static char *put_digits(char *w, int v, int n)
{
	for (int i = n - 1; i >= 0; i--, v /= 10)
		w[i] = (char)('0' + v % 10);
	return w + n;
}

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" by prec, by hand: snprintf cost more
 * than the rest of a date's parse. */
static void put_when(char *w, int y, int m, int d, int prec)
{
	if (prec <= 0 || y < 0 || y > 9999) {
		w[0] = '\0';
		return;
	}
	w = put_digits(w, y, 4);
	if (prec >= 2) {
		*w++ = '-';
		w = put_digits(w, m, 2);
	}
	if (prec >= 3) {
		*w++ = '-';
		w = put_digits(w, d, 2);
	}
	*w = '\0';
}

/* ---- parsing ---- */

typedef struct D {
	const date_lex *lx;
	nlx_fold *f;
	unsigned lang;
	int month_day;          /* "August 20" allowed */
	ymd doc;
} D;

typedef struct dres {
	size_t end;             /* folded */
	int kind;
	char when[11];
	int ahead;
} dres;

static const nlx_ent *M(D *p, size_t k, unsigned mask, int boundary)
{
	return nlx_match(&p->lx->tab, p->f, k, p->lang, mask, boundary);
}

static int dig(D *p, size_t k)
{
	return nlx_cls(p->f, k) == NLX_DIG;
}

static int alnum(D *p, size_t k)
{
	int c = nlx_cls(p->f, k);
	return c == NLX_DIG || c == NLX_LET;
}

/* A run of exactly n digits at k (not followed by another digit). */
static int num_n(D *p, size_t k, int n, int *v)
{
	int x = 0;
	for (int i = 0; i < n; i++) {
		if (!dig(p, k + (size_t)i))
			return 0;
		x = x * 10 + (p->f->b[k + (size_t)i] - '0');
	}
	if (dig(p, k + (size_t)n))
		return 0;
	*v = x;
	return 1;
}

/* A plausible year at k: four digits 1900..2100, a word boundary after. */
static int year_at(D *p, size_t k, int *y)
{
	if (!num_n(p, k, 4, y) || *y < 1900 || *y > 2100 || alnum(p, k + 4))
		return 0;
	int c = nlx_at(p->f, k + 4);
	if ((c == '.' || c == ',') && dig(p, k + 5))
		return 0;          /* "2019,5": a quantity */
	return 1;
}

/* A day number 1..31 with an optional suffix ("20th", "1er", "20."). */
static int day_at(D *p, size_t k, int *d, size_t *end, int *dotted)
{
	size_t n = dig(p, k + 1) ? 2 : 1;
	if (!num_n(p, k, (int)n, d) || *d < 1 || *d > 31)
		return 0;
	size_t j = k + n;
	*dotted = 0;
	const nlx_ent *s = M(p, j, B(D_DAYSUF), 1);
	if (s) {
		j += s->flen;
		*dotted = s->fold[s->flen - 1] == '.';
	} else if (alnum(p, j)) {
		return 0;
	}
	*end = j;
	return 1;
}

static int cap_ok(D *p, size_t k)
{
	size_t a = nlx_src(p->f, k);
	return nlx_is_upper(p->f->src + a, p->f->n - a);
}

/* A month name at k; NULL unless its flags allow it here. */
static const nlx_ent *month_at(D *p, size_t k)
{
	const nlx_ent *m = M(p, k, B(D_MONTH), 1);
	if (m && (m->flags & DF_CAP) && !cap_ok(p, k))
		return NULL;
	return m;
}

/* Numeric dates: 2021-08-20, 20/08/2021, 20.08.2021, 20-08-2021. */
static int numeric_date(D *p, size_t i, int *y, int *m, int *d, size_t *end)
{
	nlx_fold *f = p->f;
	int a, b, c;
	if (num_n(p, i, 4, &a) && (nlx_at(f, i + 4) == '-' || nlx_at(f, i + 4) == '/') &&
	    num_n(p, i + 5, 2, &b) && nlx_at(f, i + 7) == nlx_at(f, i + 4) && num_n(p, i + 8, 2, &c) &&
	    !alnum(p, i + 10)) {
		*y = a, *m = b, *d = c;
		*end = i + 10;
	} else {
		size_t l1 = dig(p, i + 1) ? 2 : 1;
		if (!num_n(p, i, (int)l1, &a))
			return 0;
		int s = nlx_at(f, i + l1);
		if (s != '.' && s != '/' && s != '-')
			return 0;
		size_t j = i + l1 + 1;
		size_t l2 = dig(p, j + 1) ? 2 : 1;
		if (!num_n(p, j, (int)l2, &b) || nlx_at(f, j + l2) != s)
			return 0;
		j += l2 + 1;
		if (!num_n(p, j, 4, &c) || alnum(p, j + 4))
			return 0;
		if (b > 12 && a <= 12) {
			int t = a;
			a = b;
			b = t;
		}
		*d = a, *m = b, *y = c;
		*end = j + 4;
	}
	return *m >= 1 && *m <= 12 && *y >= 1000 && *d >= 1 && *d <= cal_mdays(*y, *m);
}

/* Resolves a month (and day) without a year against the document. */
static void month_year(D *p, int mon, int dir, int *y, int *prec)
{
	if (p->doc.prec == 0) {
		*prec = 0;
		return;
	}
	*y = p->doc.y;
	if (p->doc.prec == 1)
		return;
	int dm = p->doc.m;
	if (dir > 0)
		*y = mon > dm ? p->doc.y : p->doc.y + 1;
	else if (dir < 0)
		*y = mon < dm ? p->doc.y : p->doc.y - 1;
	else
		*y = mon <= dm ? p->doc.y : p->doc.y - 1;
}

static void resolve_weekday(D *p, int wd, int dir, char *when)
{
	ymd dc = p->doc;
	if (dc.prec < 3) {
		put_when(when, dc.y, dc.m, 0, dc.prec);
		return;
	}
	long days = cal_days(dc.y, dc.m, dc.d);
	int w = weekday_of(days);
	long delta;
	if (dir > 0) {
		delta = (wd - w + 7) % 7;
		if (!delta)
			delta = 7;
	} else {
		delta = -((w - wd + 7) % 7);
		if (!delta && dir < 0)
			delta = -7;
	}
	int y, m, d;
	cal_from_days(days + delta, &y, &m, &d);
	put_when(when, y, m, d, 3);
}

static void resolve_rel(D *p, char unit, int off, char *when)
{
	ymd dc = p->doc;
	int y = dc.y, m = dc.m, d = dc.d, prec = dc.prec;
	switch (unit) {
	case 'd':
	case 'w':
		if (prec == 3) {
			long days = cal_days(y, m, d) + (unit == 'd' ? off : 7L * off);
			cal_from_days(days, &y, &m, &d);
			if (unit == 'w')
				prec = 2;
		}
		break;
	case 'm':
		if (prec >= 2) {
			int t = y * 12 + (m - 1) + off;
			y = t / 12;
			m = t % 12 + 1;
			prec = 2;
		}
		break;
	case 'y':
		if (prec >= 1) {
			y += off;
			prec = 1;
		}
		break;
	}
	put_when(when, y, m, d, prec);
}

/* A decade pattern at k: "#" matches two or four digits. */
static size_t match_decade(D *p, size_t k)
{
	const nlx_tab *t = &p->lx->dec;
	int c = nlx_at(p->f, k);
	if (c < 0 || !t->start[c])
		return 0;
	size_t best = 0;
	for (size_t i = 0; i < t->n; i++) {      /* a dozen patterns: no index */
		const nlx_ent *e = &t->v[i];
		if (!(e->lang & p->lang) || (unsigned char)e->fold[0] != c)
			continue;
		size_t j = k, q;
		for (q = 0; q < e->flen; q++) {
			if (e->fold[q] == '#') {
				size_t nd = 0;
				while (dig(p, j + nd))
					nd++;
				if (nd != 2 && nd != 4)
					break;
				j += nd;
			} else if (nlx_at(p->f, j) == (unsigned char)e->fold[q]) {
				j++;
			} else {
				break;
			}
		}
		if (q == e->flen && !alnum(p, j) && j - k > best)
			best = j - k;
	}
	return best;
}

/* The structured reading at 0; 1 when found. */
static int structured(D *p, dres *r)
{
	nlx_fold *f = p->f;
	size_t i = 0;
	int year_ok = 0, dir = 0;
	const nlx_ent *m = M(p, 0, B(D_PREP), 1);
	if (m && nlx_at(f, m->flen) == ' ') {
		year_ok = !!(m->flags & DF_YEAR);
		i = m->flen + 1;
		/* the rest ("in de stad") starts with a digit or a word of a
		 * start kind */
		if (!dig(p, i) && !nlx_may_start_at(&p->lx->tab, f, i, p->lang))
			return 0;
	}
	for (int n = 0; n < 2; n++) {
		m = M(p, i, B(D_MOD) | B(D_NEXT) | B(D_PREV), 1);
		if (!m)
			break;
		size_t j = i + m->flen;
		if (nlx_at(f, j) == ' ')
			j++;
		else if (m->fold[m->flen - 1] != '-')
			break;
		if (m->kind == D_MOD)
			year_ok = 1;
		else
			dir = m->kind == D_NEXT ? 1 : -1;
		i = j;
	}
	int y = 0, mon = 0, d = 0, prec = 0;
	size_t end = 0;
	int exact = 0;
	if (dig(p, i) && numeric_date(p, i, &y, &mon, &d, &end)) {
		prec = 3;
		exact = 1;
	} else if (dig(p, i)) {
		size_t j;
		int dotted;
		if (day_at(p, i, &d, &j, &dotted)) {
			if (nlx_at(f, j) == ' ')
				j++;
			else if (!dotted)
				j = (size_t)-1;
			if (j != (size_t)-1) {
				const nlx_ent *of = M(p, j, B(D_DAYOF), 1);
				if (of && nlx_at(f, j + of->flen) == ' ')
					j += of->flen + 1;
				const nlx_ent *mo = month_at(p, j);
				if (mo) {
					mon = (int)mo->value;
					end = j + mo->flen;
					prec = 3;
					if (nlx_at(f, end) == ' ' && year_at(p, end + 1, &y)) {
						end += 5;
						exact = 1;
					}
				}
			}
		}
		if (!prec && year_ok && year_at(p, i, &y)) {
			prec = 1;
			exact = 1;
			end = i + 4;
		}
	} else {
		const nlx_ent *mo = month_at(p, i);
		if (mo) {
			mon = (int)mo->value;
			end = i + mo->flen;
			prec = 2;
			size_t j;
			int dotted;
			if (p->month_day && nlx_at(f, end) == ' ' && day_at(p, end + 1, &d, &j, &dotted) &&
			    !dotted) {
				prec = 3;
				end = j;
				if (nlx_at(f, end) == ',')
					j++;
				if (nlx_at(f, j) == ' ' && year_at(p, j + 1, &y)) {
					end = j + 5;
					exact = 1;
				}
			} else if (nlx_at(f, end) == ' ' && year_at(p, end + 1, &y)) {
				end += 5;
				exact = 1;
			}
			if ((mo->flags & DF_NUM) && prec == 2 && !exact)
				prec = 0;
		} else {
			const nlx_ent *wd = M(p, i, B(D_WEEKDAY), 0);
			if (wd) {
				size_t j = i + wd->flen;
				const nlx_ent *dp = M(p, j, B(D_DAYPART), 1);
				if (dp)
					j += dp->flen;
				if (!alnum(p, j)) {
					if (nlx_at(f, j) == ' ') {
						const nlx_ent *af = M(p, j + 1, B(D_PREVAFTER) | B(D_NEXTAFTER), 1);
						if (af) {
							dir = af->kind == D_NEXTAFTER ? 1 : -1;
							j += 1 + af->flen;
						}
					}
					r->end = j;
					r->kind = DATE_RELATIVE;
					r->ahead = dir > 0;
					resolve_weekday(p, (int)wd->value, dir, r->when);
					return 1;
				}
			}
		}
	}
	if (!prec)
		return 0;
	if (mon && !exact) {
		if (nlx_at(f, end) == ' ') {
			const nlx_ent *af = M(p, end + 1, B(D_PREVAFTER) | B(D_NEXTAFTER), 1);
			if (af) {
				dir = af->kind == D_NEXTAFTER ? 1 : -1;
				end += 1 + af->flen;
			}
		}
		int py = prec;
		month_year(p, mon, dir, &y, &py);
		if (!py) {
			r->when[0] = '\0';
		} else if (p->doc.prec == 1) {
			put_when(r->when, y, mon, d, 1);
		} else {
			if (prec == 3 && d > cal_mdays(y, mon))
				return 0;
			put_when(r->when, y, mon, d, prec);
		}
		r->kind = DATE_RELATIVE;
		r->ahead = dir > 0;
	} else {
		if (prec == 3 && d > cal_mdays(y, mon))
			return 0;
		put_when(r->when, y, mon, d, prec);
		r->kind = DATE_EXACT;
	}
	r->end = end;
	return 1;
}

/* The longer of the readings at 0: those of words and digits when word
 * is set, a decade pattern when decade is. */
static int parse_date(D *p, dres *r, int word, int decade)
{
	dres a = { 0, DATE_NONE, "", 0 }, b = { 0, DATE_NONE, "", 0 };
	const nlx_ent *m = word ? M(p, 0, B(D_REL) | B(D_VAGUE), 1) : NULL;
	if (m) {
		a.end = m->flen;
		if (m->kind == D_VAGUE) {
			a.kind = DATE_VAGUE;
		} else {
			a.kind = DATE_RELATIVE;
			a.ahead = (int)m->value > 0;
			resolve_rel(p, m->code[0], (int)m->value, a.when);
		}
	}
	size_t dl = decade ? match_decade(p, 0) : 0;
	if (dl > a.end) {
		a.end = dl;
		a.kind = DATE_VAGUE;
		a.when[0] = '\0';
	}
	if (!word || !structured(p, &b))
		b.end = 0;
	if (!a.end && !b.end)
		return 0;
	*r = b.end > a.end ? b : a;
	return 1;
}

size_t date_scan(const date_lex *lx, const char *lang, const char *text, size_t n,
                 const char *docdate, date_span *out, size_t max)
{
	return date_scan_starts(lx, lang, text, n, docdate, NULL, out, max);
}

size_t date_scan_starts(const date_lex *lx, const char *lang, const char *text, size_t n,
                        const char *docdate, const nlx_starts *ws, date_span *out,
                        size_t max)
{
	if (!lx || !text)
		return 0;
	nlx_fold f;
	D p;
	p.lx = lx;
	p.f = &f;
	p.lang = nlx_lang(lang);
	p.month_day = (p.lang & NLX_EN) != 0;
	p.doc = parse_docdate(docdate);
	const unsigned lbit = p.lang;   /* in a register, unlike p's */
	const int li = nlx_fast_ix(lbit);
	ws = nlx_starts_use(ws, lbit, &lx->tab, &lx->dec);
	nlx_memo *memo = ws ? ws->memo : NULL;
	size_t found = 0, i = 0, wk = 0;
	int prev = NLX_SPACE;
	while (i < n) {
		int q = 0;              /* nlx_next_start's answers for the start */
		if (ws && nlx_synced(text, i, prev)) {
			if ((i = nlx_next_start(ws, &wk, i, text, n, &lx->tab, &lx->dec, li, 0,
			                        &prev, &q)) >= n)
				break;
		} else if (prev == NLX_LET && (i = nlx_skip_letters(text, n, i)) == n) {
			break;
		}
		size_t len;
		int cls = nlx_step(text, n, i, &len);
		if (prev != NLX_LET && prev != NLX_DIG && cls != NLX_SPACE) {
			nlx_fold_init(&f, text + i, n - i);
			/* a date starts with a digit, a word of a start kind or a
			 * decade pattern: the cheap two-byte test, then the whole
			 * word, and only those readings are tried */
			int word = cls == NLX_DIG || nlx_may_take(&lx->tab, &f, lbit, li, memo,
			                                          q & NLX_Q1_WALK, q & NLX_Q1_NO);
			int decade = nlx_may_take(&lx->dec, &f, lbit, li, memo, q & NLX_Q2_WALK, 0);
			if (word || decade) {
				dres r;
				if (parse_date(&p, &r, word, decade)) {
					size_t e = i + nlx_src(&f, r.end);
					if (found < max) {
						date_span *o = &out[found];
						o->start = i;
						o->end = e;
						o->kind = r.kind;
						o->ahead = r.ahead;
						memcpy(o->when, r.when, sizeof o->when);
					}
					found++;
					if (e > i) {
						prev = nlx_cls_before(text, e);
						i = e;
						continue;
					}
				}
			}
		}
		prev = cls;
		i += len;
	}
	return found;
}
