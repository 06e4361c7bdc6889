/*
 * html_date: dates as pages write them for people, for the HTML reader's
 * publication date when the markup names none ("Veröffentlicht am
 * 3. Februar 2022", "12.01.2022 | 14:05", "February 3, 2022", an URL
 * path /2022/02/03/).  Internal to src/read/.
 */
#ifndef SL_HTML_DATE_H
#define SL_HTML_DATE_H

#include <stddef.h>

/* Finds the first full date (day, month and year 1990..2039) in
 * s[0..n): numeric day-first (3.2.2022, 03/02/22), ISO (2022-02-03),
 * or with a month name in German, English, French, Dutch, Spanish or
 * Italian ("3. Februar 2022", "February 3rd, 2022", "1er mars 2022").
 * Writes "YYYY-MM-DD" to out (at least 11 bytes) and returns 0, or -1
 * when there is none. */
int hdate_find(const char *s, size_t n, char *out);

/* A date in an URL path: /2022/02/03/, /2022-02-03-, /20220203/.
 * Same return convention. */
int hdate_url(const char *url, char *out);

#endif
