/*
 * cal: the proleptic Gregorian calendar, for the date recognisers'
 * arithmetic ("gisteren", "last month") and the store's date windows.
 * Days are counted from 1970-01-01 (day 0) with Howard Hinnant's civil
 * algorithms, exact for any year an int holds; months are 1..12.
 */
#ifndef SL_CAL_H
#define SL_CAL_H

int cal_leap(int y);

/* The number of days of month m of year y. */
int cal_mdays(int y, int m);

/* The day number of y-m-d, and back. */
long cal_days(int y, int m, int d);
void cal_from_days(long z, int *y, int *m, int *d);

#endif
