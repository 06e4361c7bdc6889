/*
 * serve: the HTTP API and the dashboard over the store, on libmicrohttpd.
 *
 * One daemon thread answers every request in turn, so the one store
 * handle it owns is never used by two requests at once; the work per
 * request is small (the store is local and the fact set fits in
 * memory).  Reading needs no login; every write needs a session cookie
 * and that session's CSRF token in the X-CSRF-Token header (api.c,
 * auth.c).  Limits (body size, parameter length, page size, connections)
 * are set in serve_config and enforced before any handler runs (http.c).
 *
 * The library never prints: serve_run reports through cfg->log (may be
 * NULL) and returns SL_OK or a negative code with e set.
 */
#ifndef SL_SERVE_H
#define SL_SERVE_H

#include <stddef.h>
#include "../base/err.h"
#include "../store/store.h"

typedef void (*serve_log_fn)(void *ctx, const char *line);

typedef struct serve_config {
	const char *db;          /* store URL (store_open) */
	const char *host;        /* numeric IPv4 or IPv6 address to bind */
	unsigned short port;
	const char *web;         /* directory of the dashboard's static files */
	const char *data;        /* supplyline's data directory (lexicons) */
	size_t max_body;         /* bytes in a request body */
	size_t max_param;        /* bytes in one query parameter value */
	unsigned max_params;     /* query parameters in one request */
	unsigned max_page;       /* facts per page in /api/facts */
	unsigned max_conns;      /* connections at once, and per client */
	unsigned max_conns_ip;
	unsigned timeout;        /* seconds an idle connection is kept */
	serve_log_fn log;        /* one line per request and event, or NULL */
	void *log_ctx;
} serve_config;

/* Fills c with the defaults (127.0.0.1:8080, web/, 64 KiB bodies, ...). */
void serve_config_init(serve_config *c);

/* Parses "HOST:PORT", "[V6]:PORT" or ":PORT" into c->host (pointing into
 * a static copy) and c->port.  SL_EARG for anything else. */
int serve_parse_listen(serve_config *c, const char *s, sl_err *e);

/* Serves until *stop becomes non-zero (checked every 200 ms: a signal
 * handler sets it).  Opens the store itself.  Returns SL_OK after a clean
 * stop. */
int serve_run(const serve_config *c, volatile int *stop, sl_err *e);

/* Creates the analyst `name` or replaces their password (ending their
 * sessions), with an Argon2id hash (libsodium crypto_pwhash_str).  Names
 * are 1-64 of [A-Za-z0-9._-]; passwords 8-1024 bytes.  Records the change
 * in the audit log as done by `by`. */
int serve_add_user(store *s, const char *name, const char *password, const char *by,
                   sl_err *e);

#endif
