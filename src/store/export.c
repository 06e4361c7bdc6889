/*
 * export: the forms facts leave the store in: CSV modelled on the
 * spreadsheets analysts already keep (the Kiel Institute's Ukraine
 * Support Tracker: one row per measure, donor, recipient, announcement
 * date, item, quantity, value and source links) and JSON with every
 * source nested.  docs/schema.md documents both; the CSV header is a
 * contract: columns are only ever appended.
 */
#include "store.h"

#include <math.h>
#include <string.h>
#include "../base/json.h"

static const char *const csv_cols[] = {
	"fact_id", "donor", "recipient", "consent_by", "announcement_date",
	"first_report", "last_report", "measure", "category", "system", "item",
	"quantity", "unit", "value", "currency", "n_sources", "contradiction",
	"conflict", "linked_fact", NULL
};

void facts_csv_field(buf *b, const char *s)
{
	if (!s)
		return;
	if (!s[strcspn(s, ",\"\r\n")]) {
		buf_adds(b, s);
		return;
	}
	buf_addc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			buf_addc(b, '"');
		buf_addc(b, *s);
	}
	buf_addc(b, '"');
}

void facts_csv_header(buf *b)
{
	for (int i = 0; csv_cols[i]; i++)
		buf_addf(b, "%s%s", i ? "," : "", csv_cols[i]);
	for (int i = 1; i <= FACTS_CSV_SOURCES; i++)
		buf_addf(b, ",source_%d", i);
	buf_adds(b, "\r\n");
}

/* Integers in full, fractions to 15 digits (2.3, not 2.2999999999999998). */
static void csv_num(buf *b, double v)
{
	if (v < 0)
		return;
	if (v == floor(v) && v < 9e15)
		buf_addf(b, "%.0f", v);
	else
		buf_addf(b, "%.15g", v);
}

static const char *date_or_null(const char *d)
{
	return d[0] ? d : NULL;
}

/* The announcement date of the tracker: when the event happened as the
 * sources say, else when it was first reported. */
static const char *announced(const fact *f)
{
	return f->when[0] ? f->when : date_or_null(f->first_report);
}

/* A source's link: its URL, else its document id (local corpora). */
static const char *source_link(const fact_source *s)
{
	return s->url ? s->url : s->doc;
}

void facts_csv_row(buf *b, const fact *f, const fact_source *src, size_t n)
{
	buf_addf(b, "%lld,", (long long)f->id);
	facts_csv_field(b, f->donor);
	buf_addc(b, ',');
	facts_csv_field(b, f->recipient);
	buf_addc(b, ',');
	facts_csv_field(b, f->consent_by);
	buf_addc(b, ',');
	facts_csv_field(b, announced(f));
	buf_addc(b, ',');
	facts_csv_field(b, date_or_null(f->first_report));
	buf_addc(b, ',');
	facts_csv_field(b, date_or_null(f->last_report));
	buf_addc(b, ',');
	facts_csv_field(b, f->type);
	buf_addc(b, ',');
	facts_csv_field(b, f->category);
	buf_addc(b, ',');
	facts_csv_field(b, f->system);
	buf_addc(b, ',');
	facts_csv_field(b, f->item);
	buf_addc(b, ',');
	csv_num(b, f->quantity);
	buf_addc(b, ',');
	facts_csv_field(b, f->quantity >= 0 ? f->unit : NULL);
	buf_addc(b, ',');
	csv_num(b, f->value);
	buf_addc(b, ',');
	facts_csv_field(b, f->value >= 0 ? f->currency : NULL);
	buf_addf(b, ",%d,%d,", f->n_sources, f->contradiction);
	facts_csv_field(b, f->conflict);
	buf_addc(b, ',');
	if (f->linked)
		buf_addf(b, "%lld", (long long)f->linked);
	for (size_t i = 0; i < FACTS_CSV_SOURCES; i++) {
		buf_addc(b, ',');
		if (i < n)
			facts_csv_field(b, source_link(&src[i]));
	}
	buf_adds(b, "\r\n");
}

void facts_json(buf *b, const fact *f, const fact_source *src, size_t n)
{
	buf_addf(b, "{\"fact_id\": %lld, \"measure\": ", (long long)f->id);
	json_cstr(b, f->type);
	buf_adds(b, ", \"donor\": ");
	json_cstr(b, f->donor);
	buf_adds(b, ", \"recipient\": ");
	json_cstr(b, f->recipient);
	buf_adds(b, ", \"consent_by\": ");
	json_cstr(b, f->consent_by);
	buf_adds(b, ", \"category\": ");
	json_cstr(b, f->category);
	buf_adds(b, ", \"system\": ");
	json_cstr(b, f->system);
	buf_adds(b, ", \"item\": ");
	json_cstr(b, f->item);
	buf_adds(b, ", \"quantity\": ");
	json_amount(b, f->quantity);
	buf_adds(b, ", \"unit\": ");
	json_cstr(b, f->quantity >= 0 ? f->unit : NULL);
	buf_adds(b, ", \"value\": ");
	json_amount(b, f->value);
	buf_adds(b, ", \"currency\": ");
	json_cstr(b, f->value >= 0 ? f->currency : NULL);
	buf_adds(b, ", \"when\": ");
	json_cstr(b, date_or_null(f->when));
	buf_adds(b, ", \"announcement_date\": ");
	json_cstr(b, announced(f));
	buf_adds(b, ", \"first_report\": ");
	json_cstr(b, date_or_null(f->first_report));
	buf_adds(b, ", \"last_report\": ");
	json_cstr(b, date_or_null(f->last_report));
	buf_addf(b, ", \"n_sources\": %d, \"contradiction\": %s, \"conflict\": ",
	         f->n_sources, f->contradiction ? "true" : "false");
	json_cstr(b, f->conflict);
	buf_adds(b, ", \"linked_fact\": ");
	if (f->linked)
		buf_addf(b, "%lld", (long long)f->linked);
	else
		buf_adds(b, "null");
	buf_adds(b, ", \"sources\": [");
	for (size_t i = 0; i < n; i++) {
		const fact_source *s = &src[i];
		buf_adds(b, i ? ", {\"doc\": " : "{\"doc\": ");
		json_cstr(b, s->doc);
		buf_addf(b, ", \"record\": %d, \"type\": ", s->ord);
		json_cstr(b, s->type);
		buf_adds(b, ", \"url\": ");
		json_cstr(b, s->url);
		buf_adds(b, ", \"date\": ");
		json_cstr(b, date_or_null(s->date));
		buf_adds(b, ", \"quantity\": ");
		json_amount(b, s->quantity);
		buf_adds(b, ", \"evidence\": ");
		json_cstr(b, s->evidence);
		buf_addf(b, ", \"span\": [%zu, %zu]}", s->span[0], s->span[1]);
	}
	buf_adds(b, "]}");
}
