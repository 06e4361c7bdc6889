/*
 * html_date: written-out dates in page text and URLs (see html_date.h).
 *
 * The month names below are kept in C rather than in data/dates.tsv:
 * the readers take no data directory (reader_new has no such
 * parameter and every command would have to pass one), and this list is
 * only the fixed calendar vocabulary needed to read a page's date line,
 * not knowledge the analysts tune.  src/extract/date.c, which reads
 * dates in article sentences, uses data/dates.tsv.
 */
#include "html_date.h"

#include <string.h>
#include "../base/cal.h"

typedef struct month_word {
	const char *w; /* lower case, UTF-8 */
	int m;
} month_word;

static const month_word months[] = {
	/* de */
	{ "januar", 1 }, { "jänner", 1 }, { "februar", 2 }, { "feber", 2 }, { "märz", 3 },
	{ "maerz", 3 }, { "april", 4 }, { "mai", 5 }, { "juni", 6 }, { "juli", 7 },
	{ "august", 8 }, { "september", 9 }, { "oktober", 10 }, { "november", 11 },
	{ "dezember", 12 }, { "mär", 3 }, { "mrz", 3 }, { "okt", 10 }, { "dez", 12 },
	/* en */
	{ "january", 1 }, { "february", 2 }, { "march", 3 }, { "may", 5 }, { "june", 6 },
	{ "july", 7 }, { "october", 10 }, { "december", 12 }, { "jan", 1 }, { "feb", 2 },
	{ "mar", 3 }, { "apr", 4 }, { "jun", 6 }, { "jul", 7 }, { "aug", 8 }, { "sep", 9 },
	{ "sept", 9 }, { "oct", 10 }, { "nov", 11 }, { "dec", 12 },
	/* fr */
	{ "janvier", 1 }, { "février", 2 }, { "fevrier", 2 }, { "mars", 3 }, { "avril", 4 },
	{ "juin", 6 }, { "juillet", 7 }, { "août", 8 }, { "aout", 8 }, { "septembre", 9 },
	{ "octobre", 10 }, { "novembre", 11 }, { "décembre", 12 }, { "decembre", 12 },
	{ "janv", 1 }, { "févr", 2 }, { "fevr", 2 }, { "avr", 4 }, { "juil", 7 }, { "déc", 12 },
	/* nl */
	{ "januari", 1 }, { "februari", 2 }, { "maart", 3 }, { "mei", 5 }, { "augustus", 8 },
	{ "mrt", 3 },
	/* es, pt, it */
	{ "enero", 1 }, { "febrero", 2 }, { "marzo", 3 }, { "abril", 4 }, { "mayo", 5 },
	{ "junio", 6 }, { "julio", 7 }, { "agosto", 8 }, { "septiembre", 9 },
	{ "setiembre", 9 }, { "octubre", 10 }, { "noviembre", 11 }, { "diciembre", 12 },
	{ "janeiro", 1 }, { "fevereiro", 2 }, { "março", 3 }, { "maio", 5 }, { "junho", 6 },
	{ "julho", 7 }, { "setembro", 9 }, { "outubro", 10 }, { "dezembro", 12 },
	{ "gennaio", 1 }, { "febbraio", 2 }, { "aprile", 4 }, { "maggio", 5 },
	{ "giugno", 6 }, { "luglio", 7 }, { "settembre", 9 }, { "ottobre", 10 },
	{ "dicembre", 12 },
};

static int digit(int c)
{
	return c >= '0' && c <= '9';
}

static int letter(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static int space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',';
}

static int put(int y, int m, int d, char *out)
{
	if (y < 1990 || y > 2039 || m < 1 || m > 12 || d < 1 || d > cal_mdays(y, m))
		return -1;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
	return 0;
}

/* Reads up to max digits at s[*i]; returns the value or -1 (none). */
static int num(const unsigned char *s, size_t n, size_t *i, size_t max, size_t *len)
{
	size_t k = 0;
	int v = 0;
	while (*i + k < n && k < max && digit(s[*i + k]))
		v = v * 10 + (s[*i + k++] - '0');
	if (len)
		*len = k;
	if (!k || (*i + k < n && digit(s[*i + k])))
		return -1;
	*i += k;
	return v;
}

/* Month named by the word at s[*i] (ends at a non-letter; an
 * abbreviation may carry a '.'), or 0. */
static int month_at(const unsigned char *s, size_t n, size_t *i)
{
	char w[16];
	size_t k = 0, j = *i;
	while (j < n && letter(s[j]) && k + 1 < sizeof w) {
		unsigned char c = s[j];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		else if (c >= 0x80 && c < 0xC0 && k && (unsigned char)w[k - 1] == 0xC3 && c >= 0x80 && c <= 0x9E)
			c = (unsigned char)(c + 0x20); /* Ä -> ä etc. */
		w[k++] = (char)c;
		j++;
	}
	if (j < n && letter(s[j]))
		return 0;
	w[k] = '\0';
	if (k < 3)
		return 0;
	/* every word of a page's text comes here: test the first letter
	 * before the name */
	for (size_t m = 0; m < sizeof months / sizeof months[0]; m++)
		if (months[m].w[0] == w[0] && !strcmp(w, months[m].w)) {
			if (j < n && s[j] == '.')
				j++;
			*i = j;
			return months[m].m;
		}
	return 0;
}

static void skip_space(const unsigned char *s, size_t n, size_t *i)
{
	while (*i < n && space(s[*i]))
		(*i)++;
	/* "3 de febrero de 2022", "3rd of March" */
	if (*i + 2 < n && ((s[*i] == 'd' && s[*i + 1] == 'e') || (s[*i] == 'o' && s[*i + 1] == 'f')) &&
	    space(s[*i + 2])) {
		*i += 3;
		while (*i < n && space(s[*i]))
			(*i)++;
	}
}

/* A year is a word of its own: "2022a" or "2022.5" is none. */
static int ends_word(const unsigned char *s, size_t n, size_t j)
{
	return j >= n || !(letter(s[j]) || (s[j] == '.' && j + 1 < n && digit(s[j + 1])));
}

static int year_at(const unsigned char *s, size_t n, size_t *i)
{
	size_t len;
	int y = num(s, n, i, 4, &len);
	return len == 4 && ends_word(s, n, *i) ? y : -1;
}

/* Tries the patterns that start with a number at s[i]. */
static int from_number(const unsigned char *s, size_t n, size_t i, char *out)
{
	size_t len, j = i;
	int a = num(s, n, &j, 4, &len);
	if (a < 0)
		return -1;
	if (len == 4) {
		/* 2022-02-03, 2022/02/03 */
		if (j + 1 < n && (s[j] == '-' || s[j] == '/') && digit(s[j + 1])) {
			unsigned char sep = s[j++];
			int m = num(s, n, &j, 2, NULL);
			if (m > 0 && j + 1 < n && s[j] == sep) {
				j++;
				int d = num(s, n, &j, 2, NULL);
				if (d > 0 && (j >= n || !letter(s[j]) || s[j] == 'T'))
					return put(a, m, d, out);
			}
		}
		return -1;
	}
	/* 3.2.2022, 03/02/22, 03-02-2022: day first, unless that is no date */
	if (j + 1 < n && (s[j] == '.' || s[j] == '/' || s[j] == '-') && digit(s[j + 1])) {
		unsigned char sep = s[j];
		size_t k = j + 1;
		int b = num(s, n, &k, 2, NULL);
		if (b > 0 && k + 1 < n && s[k] == sep && digit(s[k + 1])) {
			k++;
			size_t yl;
			int y = num(s, n, &k, 4, &yl);
			if (yl == 2)
				y += 2000;
			else if (yl != 4)
				return -1;
			if (!ends_word(s, n, k))
				return -1;
			if (b > 12 && a <= 12)
				return put(y, a, b, out);
			return put(y, b, a, out);
		}
	}
	/* 3. Februar 2022, 3rd March 2022, 1er mars 2022, 3 de febrero de 2022 */
	if (j < n && s[j] == '.')
		j++;
	else if (j + 1 < n && letter(s[j]) && letter(s[j + 1]) && (j + 2 >= n || !letter(s[j + 2])))
		j += 2; /* st nd rd th er */
	skip_space(s, n, &j);
	int m = month_at(s, n, &j);
	if (!m)
		return -1;
	skip_space(s, n, &j);
	int y = year_at(s, n, &j);
	return y < 0 ? -1 : put(y, m, a, out);
}

/* "February 3, 2022", "Feb. 3rd 2022". */
static int from_month(const unsigned char *s, size_t n, size_t i, char *out)
{
	size_t j = i;
	int m = month_at(s, n, &j);
	if (!m)
		return -1;
	while (j < n && space(s[j]))
		j++;
	int d = num(s, n, &j, 2, NULL);
	if (d <= 0)
		return -1;
	if (j + 1 < n && letter(s[j]) && letter(s[j + 1]) && (j + 2 >= n || !letter(s[j + 2])))
		j += 2;
	while (j < n && space(s[j]))
		j++;
	int y = year_at(s, n, &j);
	return y < 0 ? -1 : put(y, m, d, out);
}

int hdate_find(const char *str, size_t n, char *out)
{
	const unsigned char *s = (const unsigned char *)str;
	for (size_t i = 0; i < n; i++) {
		int prev = i ? s[i - 1] : ' ';
		if (digit(s[i]) && !digit(prev) && !letter(prev)) {
			if (from_number(s, n, i, out) == 0)
				return 0;
			while (i + 1 < n && digit(s[i + 1]))
				i++;
		} else if (letter(s[i]) && !letter(prev) && s[i] < 0x80) {
			if (from_month(s, n, i, out) == 0)
				return 0;
			while (i + 1 < n && letter(s[i + 1]))
				i++;
		}
	}
	return -1;
}

int hdate_url(const char *url, char *out)
{
	const unsigned char *s = (const unsigned char *)url;
	size_t n = strlen(url);
	for (size_t i = 0; i + 8 <= n; i++) {
		if (s[i] != '/' && s[i] != '-' && s[i] != '_')
			continue;
		size_t j = i + 1, len;
		int y = num(s, n, &j, 8, &len);
		if (len == 8 && y >= 0) {
			if (put(y / 10000, y / 100 % 100, y % 100, out) == 0)
				return 0;
			continue;
		}
		if (len != 4 || j >= n || (s[j] != '/' && s[j] != '-'))
			continue;
		unsigned char sep = s[j++];
		size_t ml;
		int m = num(s, n, &j, 2, &ml);
		if (m <= 0 || ml != 2 || j >= n || s[j] != sep)
			continue;
		j++;
		size_t dl;
		int d = num(s, n, &j, 2, &dl);
		if (d > 0 && dl == 2 && (j == n || !digit(s[j])) && put(y, m, d, out) == 0)
			return 0;
	}
	return -1;
}
