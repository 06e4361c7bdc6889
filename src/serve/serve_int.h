/*
 * serve_int: what the server's own files share: the request and the
 * response as the handlers see them (http.c fills and sends them), the
 * API dispatcher (api.c), sessions and passwords (auth.c) and the review
 * marks and audit log (review.c).
 */
#ifndef SL_SERVE_INT_H
#define SL_SERVE_INT_H

#include <stdint.h>
#include "../base/buf.h"
#include "serve.h"

/* A request: method and decoded path, the body (at most max_body bytes),
 * and lookups of query parameters, headers and cookies through http.c. */
typedef struct sv_req {
	void *conn;               /* struct MHD_Connection */
	const char *method;
	const char *path;
	buf body;
} sv_req;

typedef struct sv_resp {
	int status;
	const char *ctype;        /* NULL: application/json */
	buf body;
	char cookie[256];         /* Set-Cookie value, "" for none */
	char disposition[128];    /* Content-Disposition, "" for none */
} sv_resp;

/* The server's state, shared by the handlers (one thread: no locks). */
typedef struct sv_server {
	const serve_config *cfg;
	store *s;
	char webroot[4096];       /* realpath of cfg->web */
} sv_server;

/* http.c: request accessors.  NULL when absent. */
const char *sv_arg(const sv_req *r, const char *name);
const char *sv_header(const sv_req *r, const char *name);
const char *sv_cookie(const sv_req *r, const char *name);

/* Sets a JSON error body {"error": msg} with status. */
void sv_error(sv_resp *o, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* api.c: answers a request under /api/. */
void sv_api(sv_server *sv, sv_req *r, sv_resp *o);

/* auth.c ----------------------------------------------------------------- */

typedef struct sv_session {
	char user[65];
	char csrf[65];
} sv_session;

/* Checks name and password; on success creates a session, sets the
 * cookie header in o and fills ses.  0 wrong credentials, 1 logged in,
 * negative on a store error. */
int sv_login(sv_server *sv, const char *name, const char *password, sv_resp *o,
             sv_session *ses, sl_err *e);
/* The session of the request's cookie: 1 found, 0 none or expired. */
int sv_session_get(sv_server *sv, const sv_req *r, sv_session *ses, sl_err *e);
/* Ends the request's session and sets an expiring cookie in o. */
int sv_logout(sv_server *sv, const sv_req *r, sv_resp *o, sl_err *e);
/* 1 when the X-CSRF-Token header equals the session's token. */
int sv_csrf_ok(const sv_req *r, const sv_session *ses);

/* review.c ---------------------------------------------------------------- */

/* The latest review of a fact, as the marks of its records say. */
typedef struct sv_review {
	int64_t audit_id;         /* 0: not reviewed */
	char action[16];          /* confirm, reject, correct */
	char *fields;             /* JSON object of corrections, or NULL */
	char user[65];
	char at[21];
} sv_review;

/* Review state of every fact, indexed by fact id (facts are numbered
 * 1..n).  sv_reviews_get returns NULL for an unreviewed fact. */
typedef struct sv_reviews {
	sv_review *v;
	size_t n;
} sv_reviews;

int sv_reviews_load(store *s, sv_reviews *rv, sl_err *e);
const sv_review *sv_reviews_get(const sv_reviews *rv, int64_t fact_id);
void sv_reviews_release(sv_reviews *rv);

/* The source of a fact as review.c pins a review to it. */
typedef struct sv_mark {
	char *doc;
	int ord;
	size_t span[2];
} sv_mark;

/* Records a review in one transaction: an audit entry (who, when,
 * action, the fact as it was, the corrections, a note) and a mark on
 * every source record.  *audit_id is the new entry's id. */
int sv_review_put(store *s, const char *user, const char *action, int64_t fact_id,
                  const char *fact_json, const char *fields_json, const char *note,
                  const sv_mark *marks, size_t n, int64_t *audit_id, sl_err *e);

/* Appends an audit entry that concerns no fact (login, logout, user). */
int sv_audit_event(store *s, const char *user, const char *action, const char *note,
                   sl_err *e);

#endif
