/*
 * consent: which third states must approve a transfer of materiel, and
 * what the news says about each approval.
 *
 * Three pieces of knowledge meet here:
 *   - rules (data/consent_rules.tsv): per supplying state, whether passing
 *     on materiel it supplied needs its consent, on what legal basis, and
 *     for which dates (rules.c);
 *   - provenance (chain.c): the holders a piece of materiel went through
 *     before the donor, from the system catalogue's country of origin
 *     (data/systems.tsv), the user's known chains (data/chains.tsv), earlier
 *     delivered facts of the same system, and consent facts naming a
 *     consent-giver for the same system;
 *   - facts (board.c): the stored transfers and the consent_* facts that
 *     tell whether consent was requested, granted or denied.
 *
 * Each holder before the donor whose rule requires consent for the
 * materiel's category, towards the recipient, at the transfer's date gives
 * one required consent, carrying its rule (basis, file:line) and the chain
 * link that made it a holder.
 *
 * Ownership: a consent_ctx owns what it loaded; consent_facts owns copies
 * of the store's facts and sources; a board or entry owns its arrays and
 * points into the ctx (rules, chain lines) and the consent_facts it was
 * built from, which must outlive it.  Library code never prints: errors
 * come back as codes with "file:line: why" in the sl_err.
 */
#ifndef SL_CONSENT_H
#define SL_CONSENT_H

#include <stddef.h>
#include <stdint.h>
#include "../base/buf.h"
#include "../base/err.h"
#include "../store/store.h"

/* ---- rules ------------------------------------------------------------- */

typedef enum {
	CONSENT_NO,       /* explicitly no consent needed */
	CONSENT_YES,      /* re-export needs the state's consent */
	CONSENT_BAN       /* needs consent, and the law bars giving it */
} consent_need;

typedef struct consent_rule {
	char *state;         /* ISO code of the state whose consent it is */
	char *scope;         /* "all", "war_material" or categories "a|b" */
	char *recipients;    /* "*" or codes "UA|RU" */
	consent_need need;
	char *basis;         /* the law as it names itself */
	char from[11], to[11]; /* validity YYYY[-MM[-DD]], "" = open */
	char *note;
	size_t line;         /* line in the rules file */
} consent_rule;

typedef struct consent_rules {
	consent_rule *v;
	size_t n;
	char *path;
} consent_rules;

/* Loads a rules file (columns in data/consent_rules.tsv's header).  A
 * malformed line is SL_EFORMAT with e = "path:line: why".  Appends to r,
 * which starts zeroed. */
int consent_rules_load(consent_rules *r, const char *path, sl_err *e);
void consent_rules_release(consent_rules *r);

/* Whether a rule scope covers a contract category ("all" covers every
 * category of materiel, not funds, training, troops or medical aid;
 * "war_material" the lethal ones; else a "|" list).  NULL category: only
 * "all" covers it. */
int consent_scope_covers(const char *scope, const char *category);

/* The rule of state for materiel of category passed to recipient at date
 * (YYYY[-MM[-DD]]; NULL or "" = unknown: only rules still in force, that
 * is with no end, apply).  A rule applies when its validity overlaps the
 * days the date covers.  Among applying rules the most specific wins
 * (a category list over war_material over all; a recipient list over
 * "*"), then the strongest need (ban, yes, no).  NULL when none applies. */
const consent_rule *consent_rules_find(const consent_rules *r, const char *state,
                                       const char *category, const char *recipient,
                                       const char *date);

const char *consent_need_name(consent_need n);

/* ---- the system catalogue and known chains ---------------------------- */

typedef struct consent_system {
	char *name, *category, *origin;
	size_t line;
} consent_system;

typedef struct consent_systems {
	consent_system *v;
	size_t n;
	char *path;
} consent_systems;

/* Reads data/systems.tsv (name, category, origin, aliases). */
int consent_systems_load(consent_systems *s, const char *path, sl_err *e);
void consent_systems_release(consent_systems *s);
/* The entry of a canonical system name, or NULL. */
const consent_system *consent_systems_find(const consent_systems *s, const char *name);

/* One line of data/chains.tsv: materiel (a system name or a category),
 * its holders in order (the last the latest), and a note. */
typedef struct consent_chain_line {
	char *materiel;
	char **holders;
	size_t n;
	char *note;
	size_t line;
} consent_chain_line;

typedef struct consent_chains {
	consent_chain_line *v;
	size_t n;
	char *path;
} consent_chains;

int consent_chains_load(consent_chains *c, const char *path, sl_err *e);
void consent_chains_release(consent_chains *c);

/* Everything loaded from the data directory. */
typedef struct consent_ctx {
	consent_rules rules;
	consent_systems systems;
	consent_chains chains;
} consent_ctx;

/* Loads datadir/consent_rules.tsv, datadir/systems.tsv and the chains
 * file (chains_path, or datadir/chains.tsv when NULL; a missing default
 * chains file is no chain, a missing named one an error). */
int consent_ctx_load(consent_ctx *c, const char *datadir, const char *chains_path,
                     sl_err *e);
void consent_ctx_release(consent_ctx *c);

/* ---- facts ------------------------------------------------------------- */

/* Copies of the store's facts, with their sources once loaded. */
typedef struct consent_fact {
	fact f;
	fact_source *src;
	size_t nsrc;
	int have_src;
} consent_fact;

typedef struct consent_facts {
	consent_fact *v;
	size_t n;
} consent_facts;

/* Every fact of the store (sources not yet loaded). */
int consent_facts_load(store *s, consent_facts *fs, sl_err *e);
/* Loads the sources of fs->v[i] unless already loaded. */
int consent_facts_sources(store *s, consent_facts *fs, size_t i, sl_err *e);
void consent_facts_release(consent_facts *fs);

/* The date a fact stands at: its event date, or its first report when
 * that falls inside the event date and is more precise, or with no event
 * date its first report. */
const char *consent_fact_date(const fact *f);

/* ---- provenance -------------------------------------------------------- */

typedef enum {
	LINK_DONOR,       /* the donor itself: the end of the chain */
	LINK_ORIGIN,      /* the catalogue's country of origin */
	LINK_CHAIN,       /* a line of the chains file */
	LINK_FACT,        /* an earlier delivered fact A -> B */
	LINK_CONSENT      /* a consent fact naming the holder */
} consent_link_kind;

extern const char *const consent_link_names[];

/* How far (days) a consent fact may lie from a transfer's date for the
 * state it names to count as a holder of that transfer's materiel. */
#define CONSENT_NEAR_DAYS 180

/* A holder and how it is known to have held the materiel before the next
 * holder. */
typedef struct consent_holder {
	char code[16];
	consent_link_kind kind;
	const consent_chain_line *cline;  /* LINK_CHAIN */
	const consent_system *sys;        /* LINK_ORIGIN */
	size_t fact;                      /* LINK_FACT / LINK_CONSENT: index in facts */
} consent_holder;

typedef struct consent_chain {
	consent_holder *v;   /* oldest first; the last is the donor */
	size_t n;
} consent_chain;

/* What is being passed on: donor -> recipient, a system and/or category,
 * at a date (YYYY[-MM[-DD]] or ""). */
typedef struct consent_transfer {
	const char *donor, *recipient, *system, *category;
	char date[11];
} consent_transfer;

/* Builds the chain of holders for t.  fs may be NULL (no stored facts).
 * A fact index of fs->n or more is never used; skip, when < fs->n, is a
 * fact not to use (the transfer's own fact). */
void consent_chain_build(const consent_ctx *c, const consent_facts *fs,
                         const consent_transfer *t, size_t skip, consent_chain *out);
void consent_chain_release(consent_chain *ch);
/* "RU (origin) > DE (chain) > FI > EE" style, for tables and CSV. */
void consent_chain_text(buf *b, const consent_chain *ch);
/* Where link i (holder i before holder i+1) comes from, for humans:
 * "data/chains.tsv:12: ex-GDR stock ...", "fact 7: delivered FI->EE 2019". */
void consent_link_text(buf *b, const consent_ctx *c, const consent_facts *fs,
                       const consent_chain *ch, size_t i);

/* ---- the board --------------------------------------------------------- */

typedef enum { ST_UNKNOWN, ST_REQUESTED, ST_GRANTED, ST_DENIED } consent_status;
extern const char *const consent_status_names[];

/* One required consent. */
typedef struct consent_req {
	char state[16];
	const consent_rule *rule;
	size_t link;                /* index of the holder in the chain */
	size_t *facts;              /* matching consent facts, by date */
	size_t nfacts;
	consent_status status;      /* latest grant/denial, else requested */
	const char *status_date;    /* of the deciding fact, or "" */
} consent_req;

/* A transfer with its chain and required consents. */
typedef struct consent_entry {
	consent_transfer t;
	size_t fact;                /* index in facts, or SIZE_MAX for a query */
	const char *category;       /* the category the rules were asked about */
	consent_chain chain;
	consent_req *req;
	size_t nreq;
} consent_entry;

typedef struct consent_board {
	consent_entry *v;
	size_t n;
	size_t *unmatched;          /* consent facts matching no required consent */
	size_t nunmatched;
} consent_board;

/* Chain and required consents for one transfer; fact is its index in fs
 * or SIZE_MAX.  Statuses come from fs's consent facts (fs may be NULL). */
void consent_entry_build(const consent_ctx *c, const consent_facts *fs,
                         const consent_transfer *t, size_t fact, consent_entry *out);
void consent_entry_release(consent_entry *en);

/* Filters of the board: NULL fields do not filter; since/until as in
 * fact_filter (overlap of the fact's day range; undated facts dropped). */
typedef struct consent_filter {
	const char *donor, *recipient, *since, *until;
} consent_filter;

/* The board: an entry for every transfer fact (delivered, committed,
 * offered/considering, requested with donor and recipient) that needs at
 * least one consent, and the consent facts no entry uses. */
int consent_board_build(const consent_ctx *c, const consent_facts *fs,
                        const consent_filter *flt, consent_board *b, sl_err *e);
void consent_board_release(consent_board *b);

/* ---- output ------------------------------------------------------------ */

/* The CSV header (with CRLF): one row per required consent, then one per
 * unmatched consent fact.  Columns are only ever appended. */
void consent_csv_header(buf *b);
void consent_csv_entry(buf *b, const consent_ctx *c, const consent_facts *fs,
                       const consent_entry *en);
void consent_csv_unmatched(buf *b, const consent_facts *fs, size_t i);
/* One JSON object (no newline) per entry / unmatched consent fact; the
 * facts' sources are included when loaded. */
void consent_json_entry(buf *b, const consent_ctx *c, const consent_facts *fs,
                        const consent_entry *en);
void consent_json_unmatched(buf *b, const consent_facts *fs, size_t i);

#endif
