/*
 * doc: the document's lifecycle, the " date YYYY-MM[-DD]" header of the
 * example corpus, and the small text helpers every reader shares (text
 * cleaning, metadata date normalisation).
 */
#include "read_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../base/utf8.h"

void doc_init(doc *d)
{
	memset(d, 0, sizeof *d);
}

void doc_release(doc *d)
{
	free(d->id);
	free(d->url);
	free(d->lang);
	free(d->date);
	free(d->title);
	free(d->text);
	free(d->source);
	doc_init(d);
}

static int digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int num(const char *s, size_t k)
{
	int v = 0;
	for (size_t i = 0; i < k; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static int num2(const char *s)
{
	return num(s, 2);
}

void doc_parse_header(doc *d)
{
	const char *t = d->text;
	size_t n = d->len, i = 0;
	if (!t)
		return;
	if (i < n && t[i] == ' ')
		i++;
	if (n - i < 5 + 7 || memcmp(t + i, "date ", 5) != 0)
		return;
	i += 5;
	const char *ds = t + i;
	if (!digits(ds, 4) || ds[4] != '-' || !digits(ds + 5, 2))
		return;
	int mon = num2(ds + 5);
	if (mon < 1 || mon > 12)
		return;
	size_t dl = 7;
	if (n - i >= 10 && ds[7] == '-' && digits(ds + 8, 2)) {
		int day = num2(ds + 8);
		if (day < 1 || day > 31)
			return;
		dl = 10;
	}
	i += dl;
	/* the header ends the text, or one space / line break follows */
	if (i < n) {
		if (t[i] == ' ' || t[i] == '\n')
			i++;
		else if (t[i] == '\r' && i + 1 < n && t[i + 1] == '\n')
			i += 2;
		else if (t[i] == '\r')
			i++;
		else
			return;
	}
	free(d->date);
	d->date = xstrndup(ds, dl);
	d->body = i;
}

void rd_set_text(doc *d, const char *p, size_t n)
{
	buf b = BUF_INIT;
	d->repaired += utf8_clean(&b, p, n);
	free(d->text);
	if (!b.cap)
		buf_grow(&b, 1); /* own the memory even when empty */
	d->text = buf_detach(&b, &d->len);
}

int rd_prefix_ci(const char *s, size_t n, const char *pre)
{
	size_t k = strlen(pre);
	if (n < k)
		return 0;
	for (size_t i = 0; i < k; i++) {
		unsigned char a = (unsigned char)s[i], b = (unsigned char)pre[i];
		if (a >= 'A' && a <= 'Z')
			a += 32;
		if (b >= 'A' && b <= 'Z')
			b += 32;
		if (a != b)
			return 0;
	}
	return 1;
}

static int plausible(int y, int m, int d)
{
	return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 0 && d <= 31;
}

static void put(char *out, int y, int m, int d)
{
	if (d)
		snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
	else
		snprintf(out, 11, "%04d-%02d", y, m);
}

int rd_date_norm(const char *s, size_t n, char *out)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	s += i;
	n -= i;
	/* YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYY-MM, optionally time after */
	if (n >= 7 && digits(s, 4) && (s[4] == '-' || s[4] == '/' || s[4] == '.')) {
		char sep = s[4];
		int y = num(s, 4), m = 0, d = 0;
		size_t j = 5, k = 0;
		while (j + k < n && k < 2 && s[j + k] >= '0' && s[j + k] <= '9')
			k++;
		if (!k)
			return -1;
		m = num(s + j, k);
		j += k;
		if (j < n && s[j] == sep) {
			j++;
			k = 0;
			while (j + k < n && k < 2 && s[j + k] >= '0' && s[j + k] <= '9')
				k++;
			if (!k)
				return -1;
			d = num(s + j, k);
			if (!d)
				return -1;
		}
		if (!plausible(y, m, d))
			return -1;
		put(out, y, m, d);
		return 0;
	}
	/* YYYYMMDD (with a time or nothing after) */
	if (n >= 8 && digits(s, 8) && (n == 8 || s[8] == 'T' || s[8] == ' ')) {
		int y = num2(s) * 100 + num2(s + 2), m = num2(s + 4), d = num2(s + 6);
		if (!plausible(y, m, d) || !d)
			return -1;
		put(out, y, m, d);
		return 0;
	}
	/* DD.MM.YYYY, DD/MM/YYYY, DD-MM-YYYY (day first, as in Europe) */
	if (n >= 8) {
		size_t j = 0, k = 0;
		while (k < 2 && j + k < n && s[j + k] >= '0' && s[j + k] <= '9')
			k++;
		if (!k || k >= n)
			return -1;
		int d = num(s, k);
		char sep = s[k];
		if (sep != '.' && sep != '/' && sep != '-')
			return -1;
		j = k + 1;
		k = 0;
		while (k < 2 && j + k < n && s[j + k] >= '0' && s[j + k] <= '9')
			k++;
		if (!k || j + k >= n || s[j + k] != sep)
			return -1;
		int m = num(s + j, k);
		j += k + 1;
		if (j + 4 > n || !digits(s + j, 4) || (j + 4 < n && s[j + 4] >= '0' && s[j + 4] <= '9'))
			return -1;
		int y = num(s + j, 4);
		if (!plausible(y, m, d) || !d)
			return -1;
		put(out, y, m, d);
		return 0;
	}
	return -1;
}
