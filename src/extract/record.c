/* record: the names of types and categories, and the JSON form of a record. */
#include "record.h"

#include <stdlib.h>
#include <string.h>
#include "../base/json.h"

const char *const rec_type_names[REC_NTYPES] = {
	"delivered", "committed", "offered", "considering", "refused",
	"requested", "consent_requested", "consent_granted", "consent_denied"
};

const char *const rec_categories[] = {
	"small-arms", "anti-tank", "air-defence", "artillery", "ammunition",
	"armoured-vehicle", "aircraft", "drone", "naval", "missile", "vehicle",
	"equipment", "medical", "funds", "training", "troops", "weapons", NULL
};

int rec_type_parse(const char *s)
{
	for (int i = 0; i < REC_NTYPES; i++)
		if (!strcmp(s, rec_type_names[i]))
			return i;
	return -1;
}

const char *rec_category_intern(const char *s)
{
	/* the first byte first: the lexicon load asks this of every string
	 * it keeps, and most are no category */
	for (int i = 0; rec_categories[i]; i++)
		if (s[0] == rec_categories[i][0] && !strcmp(s, rec_categories[i]))
			return rec_categories[i];
	return NULL;
}

void record_init(record *r)
{
	memset(r, 0, sizeof *r);
	r->quantity = -1;
	r->value = -1;
}

void record_release(record *r)
{
	free(r->doc);
	free(r->item);
	free(r->evidence);
	record_init(r);
}

/* Appends n bytes of s.  buf_add's call and its buf_grow call cost more
 * than the copy of the short keys a record is made of, and a record
 * has sixteen of them; the room test inlined is what is left. */
static inline void put(buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap)
		buf_grow(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

/* a string literal, its length known when compiled */
#define PUT(b, lit) put(b, lit, sizeof lit - 1)

void record_json(buf *b, const record *r)
{
	PUT(b, "{\"doc\": ");
	json_cstr(b, r->doc);
	/* a type name is a plain word of rec_type_names: no escaping */
	PUT(b, ", \"type\": \"");
	put(b, rec_type_names[r->type], strlen(rec_type_names[r->type]));
	PUT(b, "\", \"donor\": ");
	json_cstr(b, r->donor);
	PUT(b, ", \"recipient\": ");
	json_cstr(b, r->recipient);
	PUT(b, ", \"consent_by\": ");
	json_cstr(b, r->consent_by);
	PUT(b, ", \"category\": ");
	json_cstr(b, r->category);
	PUT(b, ", \"system\": ");
	json_cstr(b, r->system);
	PUT(b, ", \"item\": ");
	json_cstr(b, r->item);
	PUT(b, ", \"quantity\": ");
	json_amount(b, r->quantity);
	PUT(b, ", \"unit\": ");
	json_cstr(b, r->quantity >= 0 ? r->unit : NULL);
	PUT(b, ", \"value\": ");
	json_amount(b, r->value);
	PUT(b, ", \"currency\": ");
	json_cstr(b, r->value >= 0 ? r->currency : NULL);
	PUT(b, ", \"when\": ");
	json_cstr(b, r->when[0] ? r->when : NULL);
	PUT(b, ", \"evidence\": ");
	json_cstr(b, r->evidence);
	PUT(b, ", \"span\": [");
	json_uint(b, r->span[0]);
	PUT(b, ", ");
	json_uint(b, r->span[1]);
	PUT(b, "]}");
}
