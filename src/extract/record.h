/*
 * record: one statement of military support found in one document, as
 * shared/spec/records.md defines it.  Records are produced by extract.c,
 * printed by record_json, and stored by store/.
 *
 * Ownership: a record owns its strings (item, evidence, doc); record_release
 * frees them.  Codes (donor, recipient, consent_by, category, system,
 * currency, type) point into static or lexicon memory that outlives every
 * record, and are never freed by the record.
 */
#ifndef SL_RECORD_H
#define SL_RECORD_H

#include <stddef.h>
#include "../base/buf.h"

typedef enum {
	REC_DELIVERED,
	REC_COMMITTED,
	REC_OFFERED,
	REC_CONSIDERING,
	REC_REFUSED,
	REC_REQUESTED,
	REC_CONSENT_REQUESTED,
	REC_CONSENT_GRANTED,
	REC_CONSENT_DENIED,
	REC_NTYPES
} rec_type;

typedef struct record {
	char *doc;
	rec_type type;
	const char *donor;       /* NULL = unknown */
	const char *recipient;
	const char *consent_by;  /* consent types only */
	const char *category;    /* see rec_categories */
	const char *system;      /* canonical system name or NULL */
	char *item;              /* phrase as written, or NULL */
	double quantity;         /* < 0: null */
	const char *unit;        /* "item", "ton", "person" or NULL */
	double value;            /* < 0: null */
	const char *currency;    /* ISO 4217 or NULL */
	char when[11];           /* "" = null */
	char *evidence;
	size_t span[2];          /* code points, [start, end) */
	/* the extractor's own marks, not part of the contract: a headline's
	 * present tense read as a pledge, which a delivery of the same fact
	 * overrides; a when that is only the document's date; a consent
	 * granted with nobody asking, of the approver's own materiel, which
	 * is its commitment unless it restates a consent of the document */
	unsigned char tentative, when_default, own_grant;
} record;

extern const char *const rec_type_names[REC_NTYPES];
extern const char *const rec_categories[];   /* NULL-terminated */

int rec_type_parse(const char *s);           /* -1 when unknown */
const char *rec_category_intern(const char *s); /* NULL when unknown */
/* inline: the grammar asks it several times per record */
static inline int rec_is_consent(rec_type t)
{
	return t >= REC_CONSENT_REQUESTED;
}

void record_init(record *r);
void record_release(record *r);
/* Appends r as one JSON object (no newline) with every contract field. */
void record_json(buf *b, const record *r);

#endif
