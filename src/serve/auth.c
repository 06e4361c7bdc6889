/*
 * auth: analysts, passwords and sessions.
 *
 * Passwords are kept only as libsodium crypto_pwhash_str strings
 * (Argon2id, the interactive limits: ~64 MiB and a fraction of a second
 * per check, which is also what slows guessing).  A session is 32 random
 * bytes in an HttpOnly, SameSite=Strict cookie; the database keeps only
 * a hash of it, so a copy of the database opens no session.  Each
 * session has its own CSRF token, handed to the page by /api/login and
 * /api/session and sent back in the X-CSRF-Token header: a cross-site
 * form can neither read it nor set that header.
 */
#include "serve_int.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SV_SESSION_SECONDS (8 * 3600)
#define SV_COOKIE "sl_session"

static void now_iso(char out[21])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void random_hex(char out[65])
{
	unsigned char raw[32];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(out, 65, raw, sizeof raw);
}

/* The hash the database keeps for a session token. */
static void token_hash(const char *token, char out[65])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, 65, h, sizeof h);
}

static int name_ok(const char *n)
{
	size_t len = strlen(n);
	if (len < 1 || len > 64)
		return 0;
	for (const char *p = n; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      *p == '.' || *p == '_' || *p == '-'))
			return 0;
	return 1;
}

static int first_col(void *ctx, int n, const char *const *v)
{
	char **out = ctx;
	if (n > 0 && v[0] && !*out)
		*out = xstrdup(v[0]);
	return 0;
}

int serve_add_user(store *s, const char *name, const char *password, const char *by,
                   sl_err *e)
{
	char hash[crypto_pwhash_STRBYTES], now[21];
	size_t plen = strlen(password);
	int rc;
	if (sodium_init() < 0) {
		sl_err_set(e, "libsodium: cannot initialise");
		return SL_EIO;
	}
	if (!name_ok(name)) {
		sl_err_set(e, "user name '%s': want 1-64 of A-Z a-z 0-9 . _ -", name);
		return SL_EARG;
	}
	if (plen < 8 || plen > 1024) {
		sl_err_set(e, "password: want 8 to 1024 bytes");
		return SL_EARG;
	}
	if (crypto_pwhash_str(hash, password, plen, crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
		sl_err_set(e, "password hash: out of memory");
		return SL_ENOMEM;
	}
	now_iso(now);
	const char *p[3] = { name, hash, now };
	const char *one[1] = { name };
	if ((rc = store_begin(s, e)))
		return rc;
	if ((rc = store_query(s, "INSERT INTO users (name, pwhash, created_at) VALUES ($1, $2, $3) "
	                         "ON CONFLICT (name) DO UPDATE SET pwhash = excluded.pwhash",
	                      3, p, NULL, NULL, e)) ||
	    (rc = store_query(s, "DELETE FROM sessions WHERE user_name = $1", 1, one, NULL, NULL, e)) ||
	    (rc = sv_audit_event(s, by, "user", name, e)) ||
	    (rc = store_commit(s, e))) {
		store_rollback(s, NULL);
		return rc;
	}
	return SL_OK;
}

int sv_login(sv_server *sv, const char *name, const char *password, sv_resp *o,
             sv_session *ses, sl_err *e)
{
	char *stored = NULL;
	const char *p[1] = { name };
	int rc;
	if (sodium_init() < 0) {
		sl_err_set(e, "libsodium: cannot initialise");
		return SL_EIO;
	}
	if (!name_ok(name) || strlen(password) > 1024)
		return 0;
	if ((rc = store_query(sv->s, "SELECT pwhash FROM users WHERE name = $1", 1, p, first_col,
	                      &stored, e)))
		return rc;
	int ok = stored && crypto_pwhash_str_verify(stored, password, strlen(password)) == 0;
	free(stored);
	if (!ok)
		return 0;

	char token[65], th[65], now[21], exp[24], tnow[24];
	random_hex(token);
	random_hex(ses->csrf);
	token_hash(token, th);
	now_iso(now);
	snprintf(tnow, sizeof tnow, "%lld", (long long)time(NULL));
	snprintf(exp, sizeof exp, "%lld", (long long)time(NULL) + SV_SESSION_SECONDS);
	snprintf(ses->user, sizeof ses->user, "%s", name);
	const char *del[1] = { tnow };
	const char *ins[5] = { th, name, ses->csrf, now, exp };
	if ((rc = store_begin(sv->s, e)))
		return rc;
	if ((rc = store_query(sv->s, "DELETE FROM sessions WHERE expires <= $1", 1, del, NULL, NULL, e)) ||
	    (rc = store_query(sv->s, "INSERT INTO sessions (token_hash, user_name, csrf, created_at, "
	                             "expires) VALUES ($1, $2, $3, $4, $5)", 5, ins, NULL, NULL, e)) ||
	    (rc = sv_audit_event(sv->s, name, "login", NULL, e)) ||
	    (rc = store_commit(sv->s, e))) {
		store_rollback(sv->s, NULL);
		return rc;
	}
	snprintf(o->cookie, sizeof o->cookie,
	         SV_COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d", token,
	         SV_SESSION_SECONDS);
	return 1;
}

typedef struct ses_row {
	sv_session *ses;
	int found;
} ses_row;

static int read_session(void *ctx, int n, const char *const *v)
{
	ses_row *r = ctx;
	if (n < 2 || !v[0] || !v[1])
		return 0;
	snprintf(r->ses->user, sizeof r->ses->user, "%s", v[0]);
	snprintf(r->ses->csrf, sizeof r->ses->csrf, "%s", v[1]);
	r->found = 1;
	return 0;
}

/* The cookie's token, when it has the shape of one. */
static const char *cookie_token(const sv_req *r)
{
	const char *t = sv_cookie(r, SV_COOKIE);
	if (!t || strlen(t) != 64 || t[strspn(t, "0123456789abcdef")])
		return NULL;
	return t;
}

int sv_session_get(sv_server *sv, const sv_req *r, sv_session *ses, sl_err *e)
{
	char th[65], tnow[24];
	const char *t = cookie_token(r);
	memset(ses, 0, sizeof *ses);
	if (!t)
		return 0;
	token_hash(t, th);
	snprintf(tnow, sizeof tnow, "%lld", (long long)time(NULL));
	const char *p[2] = { th, tnow };
	ses_row row = { ses, 0 };
	int rc = store_query(sv->s, "SELECT user_name, csrf FROM sessions WHERE token_hash = $1 "
	                            "AND expires > $2", 2, p, read_session, &row, e);
	if (rc)
		return rc;
	return row.found;
}

int sv_logout(sv_server *sv, const sv_req *r, sv_resp *o, sl_err *e)
{
	char th[65];
	const char *t = cookie_token(r);
	snprintf(o->cookie, sizeof o->cookie,
	         SV_COOKIE "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
	if (!t)
		return SL_OK;
	token_hash(t, th);
	const char *p[1] = { th };
	return store_query(sv->s, "DELETE FROM sessions WHERE token_hash = $1", 1, p, NULL, NULL, e);
}

int sv_csrf_ok(const sv_req *r, const sv_session *ses)
{
	const char *h = sv_header(r, "X-CSRF-Token");
	size_t n = strlen(ses->csrf);
	if (!h || n != 64 || strlen(h) != n)
		return 0;
	return sodium_memcmp(h, ses->csrf, n) == 0;
}
