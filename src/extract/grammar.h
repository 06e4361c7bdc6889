/*
 * grammar: the rules that turn one sentence's mentions into records
 * (types from cues with negation and modality, roles, items, quantities,
 * dates).  Internal to extract/: extract.c drives it sentence by sentence;
 * a gram_doc carries what one sentence tells the next (the last donor, the
 * recipient the document is about).
 */
#ifndef SL_GRAMMAR_H
#define SL_GRAMMAR_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "../base/err.h"
#include "../lex/lex.h"
#include "../read/doc.h"
#include "date.h"
#include "extract.h"
#include "number.h"

/* Cue classes of data/cues.tsv, in the order of enum cue_class. */
extern const char *const gram_cue_classes[];

enum cue_class {
	/* the first nine are the record types, in rec_type order */
	C_DELIVERED, C_COMMITTED, C_OFFERED, C_CONSIDERING, C_REFUSED, C_REQUESTED,
	C_CONS_REQ, C_CONS_GRANT, C_CONS_DENY,
	C_TRANSFER, C_TRANSFER_NOUN, C_PURCHASE, C_RECEIVE, C_NEG, C_FUTURE, C_PAST_WANT, C_COND,
	C_AUX_PASSIVE, C_RECIP, C_SOURCE, C_COORD, C_CLAUSE, C_ANAPHOR, C_MORE,
	C_REPORT, C_QUESTION_WORD, C_SHOULD, C_ACTOR_HEAD, C_NOT_ONLY, C_WOULD, C_RELATIVE,
	C_PRONOUN, C_ALREADY, C_ELABORATION, C_AGAINST, C_DENIAL,
	C_TRAIN, C_TRAINED, C_COMP, C_FILLER, C_ARTICLE, C_RESPECTIVELY, C_SOME_DONOR, C_PERMISSION, C_JOINTLY, C_INF, C_SERVICE, C_OR, C_WEIGHT,
	C_BACKREF, C_PARTITIVE, C_CARRYING, C_SYSTEM_ANAPHOR, C_REEXPORT, C_ONE_OF, C_INCLUDE, C_MAKER, C_DEMONSTRATIVE, C_RANKED_AFTER, C_POSSESSIVE,
	C_IF, C_TERRITORY, C_PASSAGE, C_PERMITTED, C_STATIVE, C_BEGUN, C_NOT_YET, C_ONLY_IF, C_THIRD_PARTY,
	C_EXERCISE, C_CIVIL, C_COMPANY, C_CLAIM, C_LET, C_APPROVE, C_CRAFT_ANAPHOR, C_INSTEAD, C_LIKE, C_VARIANT, C_PAIR,
	C_OWN_FORCES, C_PASS_VERB, C_REBUFFED, C_WITHOUT,
	C_FOLLOWS, C_FOLLOWED, C_UNIT_ANAPHOR, C_LIKEWISE,
	C_COMPLETED,
	C_EXPORT, C_EXPORT_LICENCE, C_DESPITE,
	C_TAKE_PART,
	C_MEETING, C_UNLIKE, C_HYPERNYM, C_USE_VERB,
	C_HESITATION_OVER, C_THIRD_RECIPIENT,
	C_BLAME, C_SUPPLIER_OF, C_CALIBRE, C_INTERVIEWER,
	C_FIRST_PERSON, C_NOBODY, C_QUANT_PRONOUN,
	C_INTERVIEW, C_TOPIC, C_ACCUSE, C_TOPIC_CLOSE,
	C_NCLASSES
};

/* Pairs of states at war with each other: a "transfer" between them is an
 * attack, not aid (data/hostile.tsv). */
typedef struct hostile_pairs hostile_pairs;
hostile_pairs *gram_hostile_load(const char *path, sl_err *e);
void gram_hostile_free(hostile_pairs *h);
int gram_hostile(const hostile_pairs *h, const char *a, const char *b);
/* Whether a is the side attacked (the second column) of a war of the
 * table. */
int gram_attacked(const hostile_pairs *h, const char *a);
/* Whether a is a party to any war of the table. */
int gram_at_war(const hostile_pairs *h, const char *a);

enum { M_ACTOR, M_ITEM, M_CUE };

typedef struct mention {
	unsigned char kind;      /* M_* */
	unsigned char sub;       /* actor kind or cue class */
	unsigned char role;      /* for actors: 0, ROLE_RECIP, ROLE_SOURCE */
	unsigned char origin_only; /* an adjective qualifying an item ("Duitse tanks") */
	unsigned char rel;       /* a cue inside a restrictive relative clause */
	unsigned char weak;      /* an adjective that only hints at an actor */
	unsigned char susp;      /* 1: "Kampf- und ...", 2: "... en -raketten" */
	unsigned char reexport;  /* a transfer noun of third-state materiel */
	unsigned char export;    /* a transfer noun or permission of an export ("Ausfuhr", "export licence") */
	unsigned char approve;   /* a committed verb that approves ("genehmigte", "approved") */
	unsigned char also_future; /* a passive auxiliary or a receiving verb that is the future too ("wird", "recevra") */
	unsigned char would_form; /* a passive auxiliary written as the conditional ("würden", folded like "wurden") */
	size_t t0, t1;           /* tokens */
	size_t part;             /* a separable verb's particle, its first token (0: none) */
	const char *code;        /* actor code */
	const char *category;    /* items */
	const char *system;      /* items naming a system */
	const char *sys_origin;
} mention;

/* An item phrase of a clause, with what the clause says of it. */
typedef struct item_ref {
	size_t mi;            /* the item mention */
	size_t t0, t1;        /* phrase tokens */
	const char *category;
	const char *system;
	double qty;
	const char *unit;
	double value;
	const char *currency;
} item_ref;

/* The lexicon's matches at one token. */
typedef struct gram_hit {
	size_t tok;
	size_t end;              /* the end of its longest match */
	unsigned kinds;          /* bit k: a match of kind k */
	lex_match m[LEX_NKINDS];
} gram_hit;

/* At most this many of gram_doc_init's matches are kept for the
 * sentences (a bound on memory for a huge document). */
enum { GRAM_KEEP = 4096 };

/* A document's recipients that a sentence may take as its default (a
 * live blog of many short stories names many), and
 * the donors whose last recipient is remembered (gram_doc's fixed
 * arrays: a document allocates nothing for them). */
enum { GRAM_RECIPS = 8, GRAM_GAVE = 8 };

/* The arrays a gram_doc grows, kept by the caller from one document to
 * the next (extract.c's per-worker scratch) so that a document does not
 * allocate them again: gram_doc_init borrows them, gram_doc_release
 * hands them back, grown; gram_bufs_release frees them (and leaves b
 * as gram_bufs_init does, empty). */
typedef struct gram_bufs {
	mention *m;
	size_t capm;
	unsigned char *skip;
	size_t capskip;
	gram_hit *kept;
	size_t capkept;
	struct gram_span { size_t t0, t1; } *pending;
	size_t cappending;
	buf tmp;
} gram_bufs;

void gram_bufs_init(gram_bufs *b);
void gram_bufs_release(gram_bufs *b);

typedef struct gram_doc {
	const lex *lx;
	const lex *sep;         /* separable verbs: finite form -> particle */
	const lex *words;       /* gram_word_classes' lists (gram_words_load), or NULL */
	lex_starts lx_starts, sep_starts, words_starts;  /* the tokens that can start their entries */
	lex_sfx lx_sfx;         /* the words that can end in an item head (lex_suffix) */
	const char *west;       /* lx's code "WEST", for pointer comparison */
	const char *dateline;   /* the state the story was filed in ("DEN HAAG -"), or NULL */
	const hostile_pairs *hostile;
	const tok_list *tl;
	const doc *d;
	int lang;
	const char *last_donor[8];
	size_t nlast;
	const char *last_group[8]; /* the last two or more donors named together */
	size_t ngroup;
	/* the sentence's default recipient: the document's, or in a story
	 * of more than one recipient the one sentence_recipient chooses */
	const char *default_recipient;
	const char *doc_recipient;   /* the document's (recip_choose) */
	/* the states the document speaks of as receiving (the first is
	 * doc_recipient; a second makes sentence_recipient choose) */
	const char *doc_recips[GRAM_RECIPS];
	size_t ndoc_recips;
	/* the recipient each donor (gave) and each system (sys_to: "Shahed
	 * drones" in a story of drones for Russia and air defence for
	 * Ukraine) was last read with, newest last */
	struct gram_recip_memo { const char *key, *recipient; } gave[GRAM_GAVE], sys_to[GRAM_GAVE];
	size_t ngave, nsys_to;
	const char *para_recipient;  /* the one last read in this paragraph, or NULL, */
	size_t para_sent;            /* and the sentence that read it */
	/* why: it and the runner-up, with their scores (role, and the bonus
	 * of a state attacked) and how much they are named, for --trace */
	struct gram_recip_why { const char *code; int score, named; } recip_why[2];
	char now[11];            /* the document's date (YYYY[-MM[-DD]]), or "" */
	size_t nsent;            /* sentences seen */
	size_t sent_t0;          /* the first token of the sentence being read */
	/* "Bruxelles" in a story about Belgium is Belgium's government,
	 * not the EU's: the EU's code, read as brussels_to */
	const char *eu_code, *brussels_to;
	/* ... and so is one in the sentence after one that named Belgium
	 * and not the EU ("... à la Belgique.  Bruxelles étudie la
	 * demande"): Belgium's code, and the sentences last naming each */
	const char *be_code;
	size_t be_sent, eu_sent;
	int exercise_before;     /* the sentence before it named an exercise */
	int exercise_now;        /* ... and this one does */
	size_t head_end;         /* end (code points) of a headline on a line of its own, or 0 */
	int emit_tentative;      /* the records emitted now are tentative */
	int emit_present;        /* ... come from a bare present transfer verb */
	int emit_own;            /* ... are consents granted with nobody asking (record.own_grant) */
	int last_type;           /* type of the last provision records */
	const char *last_recipient;
	size_t last_emit_sent;   /* the sentence that emitted them (0: none) */
	size_t last_actor_sent;  /* the sentence that named last_donor */
	size_t last_any_sent;    /* the last sentence that gave any record */
	size_t restate_sent;     /* the last that gave a predicate but named no item */
	size_t nemit;            /* records emitted so far, a restated one too */
	char last_when[11];      /* when of the last provision records */
	const char *elab_donor[8]; /* their donors */
	/* a verbless sentence naming a transfer ("Une livraison de chars
	 * français."), for a next sentence that refers back to it ("C'est
	 * ce qu'a annoncé le gouvernement") */
	size_t nom_sent;         /* its number (0: none) */
	size_t nom_t0;           /* its first token */
	int nom_bought;          /* the waiting sentence only bought its items */
	item_ref nom_items[8];
	size_t nnom;
	const char *nom_donor, *nom_recipient;
	const char *seen_sys[32];  /* systems named anywhere in the document */
	const char *last_sys, *last_sys_cat; /* the system named last, for "das System" */
	size_t last_sys_sent;    /* the sentence that named it */
	const char *last_currency; /* of the document's last sum of money */
	const char *last_cby;    /* the state whose consent a record asked for last */
	size_t last_cby_sent;    /* its sentence */
	size_t reply_to;         /* 1 + the request record an answer to it takes its materiel from, or 0 */
	/* the sentences after it whose numbers were left unscanned, newest
	 * last, and how to find the currency of the last sum of money in one
	 * of them, or NULL (the caller sets it) */
	struct gram_span *pending;
	size_t npending, cappending;
	const char *(*money)(void *ctx, size_t t0, size_t t1);
	void *money_ctx;
	/* a quotation running over several sentences and the state of who
	 * says it, named after it closes ("..., rappelle le cabinet de la
	 * ministre"): the sentences before quote_end speak for it */
	const char *quote_speaker;
	size_t quote_end;
	const char *seen_cat[32];
	size_t nseen;
	size_t nelab;
	mention *m;
	size_t nm, capm;
	/* what gram_scan notes of m[0, nm): bit c of cues, a cue of class
	 * c (see has_cue); bit k of actors, an actor of kind k; items, an
	 * item; named_items, an item of a category other than "-" */
	uint64_t cues;           /* classes 0..63 */
	uint64_t cues_hi;        /* classes 64..127 */
	unsigned actors;
	int items, named_items;
	unsigned char *skip;     /* per sentence token: a particle already used */
	size_t capskip, s0;
	/* gram_doc_init's walk of the lexicon over tokens [0, kept_end),
	 * to the document's end: its nkept matches, in token order, and
	 * the next one find_mentions looks at */
	gram_hit *kept;
	size_t nkept, capkept, kept_end, kept_next;
	FILE *trace;             /* when set, the analysis of each sentence */
	buf tmp;
	gram_bufs *bufs;         /* where m, skip, kept, pending and tmp came from */
} gram_doc;

/* bufs is lent to g until gram_doc_release. */
void gram_doc_init(gram_doc *g, const lex *lx, const lex *sep, const lex *words,
                   const hostile_pairs *h, const tok_list *tl, const doc *d, int lang,
                   gram_bufs *bufs);

/* Loads data/particles.tsv (lang, class, finite form, particle) into a
 * lexicon of finite forms whose code is the folded particle. */
lex *gram_particles_load(const char *path, sl_err *e);

/* The classes of data/grammar_words.tsv that are word lists, not cues. */
extern const char *const gram_word_classes[];

/* Loads data/grammar_words.tsv (lang, class, form): the lines of a
 * gram_word_classes class into *words (a lexicon of its own, made here),
 * every other line as a cue of gram_cue_classes into lx.  SL_OK, or
 * SL_EFORMAT/SL_EIO with e = "path:line: why". */
int gram_words_load(lex *lx, lex **words, const char *path, sl_err *e);
void gram_doc_release(gram_doc *g);

/* After the last sentence: a record naming no system takes the one
 * system of its category the document names elsewhere ("vier weitere
 * Panzerhaubitzen" in an article about the Panzerhaubitze 2000). */
void gram_doc_finish(gram_doc *g, rec_list *out, size_t first);

/* Whether a cue of class cls can give a clause its record type (the
 * classes clause_pred reads); the prefilter keys on the same classes. */
int gram_makes_record(int cls);

/* Finds the mentions of the sentence of tokens [t0, t1); returns whether
 * it could yield a record (an item or a record-making cue): only then do
 * its numbers and dates matter.  gram_sentence must follow. */
int gram_scan(gram_doc *g, size_t t0, size_t t1);

/* A sentence's numbers and dates, scanned when gram_sentence first reads
 * them: the numbers where a clause has a predicate and a recipient (or
 * the sentence elaborates), the dates where a record is given; most
 * sentences need neither.  The caller fills in on (its numbers and dates
 * may matter: gram_scan's answer, or tracing) for each sentence, and
 * once the scans of the sentence being read (each fills out, at most max,
 * with offsets into the document, and returns the count) and their room;
 * the rest is gram_sentence's. */
typedef struct gram_scans {
	int on;
	size_t (*nums)(void *ctx, num_span *out, size_t max);
	size_t (*dates)(void *ctx, date_span *out, size_t max);
	void *ctx;
	num_span *nv;
	size_t nmax;
	date_span *dv;
	size_t dmax;
	/* gram_sentence's */
	num_span implied[32];    /* nv with implied currencies (implied_money) */
	const num_span *np;
	size_t nn, nd;
	int nscanned, dscanned;
} gram_scans;

/* Extracts the records of the sentence of tokens [t0, t1), given its
 * numbers and dates, appending to out; the mentions are those gram_scan
 * found; records from index first on are this document's (for
 * merging).  A sentence whose numbers were left unscanned is noted, for
 * the currency of its sums of money (see gram_doc.money). */
void gram_sentence(gram_doc *g, size_t t0, size_t t1, gram_scans *sc, rec_list *out,
                   size_t first);

#endif
