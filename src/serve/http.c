/*
 * http: the libmicrohttpd side of serve: the daemon, the limits every
 * request passes before a handler sees it, the security headers every
 * response carries, and the static files of the dashboard.
 *
 * Limits live here so no handler can forget them: a body larger than
 * max_body is refused (413) before it is read, a query with too many or
 * too long parameters gets 414, headers and URL together are bounded by
 * the connection memory limit, and the daemon caps connections in all
 * and per client address.
 *
 * Static files: the path libmicrohttpd hands over is already
 * percent-decoded, so "%2e%2e" arrives as "..".  A path is served only
 * when no segment starts with '.', it holds no backslash, and its
 * realpath lies inside the web root's realpath: three checks, so a
 * symlink or an encoding trick that beats one still meets the others.
 */
#include "serve_int.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <microhttpd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "../base/json.h"

/* Scripts and styles only from the server itself, no inline code, no
 * frames, no plugins: document text reaches the page only through
 * textContent, and this header is the second line of defence. */
#define SV_CSP "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " \
	"connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; " \
	"frame-ancestors 'none'"

void serve_config_init(serve_config *c)
{
	memset(c, 0, sizeof *c);
	c->host = "127.0.0.1";
	c->port = 8080;
	c->web = "web";
	c->max_body = 64 * 1024;
	c->max_param = 256;
	c->max_params = 32;
	c->max_page = 500;
	c->max_conns = 64;
	c->max_conns_ip = 32;
	c->timeout = 30;
}

int serve_parse_listen(serve_config *c, const char *s, sl_err *e)
{
	static char host[64];
	const char *colon;
	if (s[0] == '[') {
		const char *end = strchr(s, ']');
		if (!end || end[1] != ':' || (size_t)(end - s - 1) >= sizeof host) {
			sl_err_set(e, "--listen: '%s' is not [ADDRESS]:PORT", s);
			return SL_EARG;
		}
		snprintf(host, sizeof host, "%.*s", (int)(end - s - 1), s + 1);
		colon = end + 1;
	} else {
		colon = strrchr(s, ':');
		if (!colon || (size_t)(colon - s) >= sizeof host) {
			sl_err_set(e, "--listen: '%s' is not ADDRESS:PORT", s);
			return SL_EARG;
		}
		snprintf(host, sizeof host, "%.*s", (int)(colon - s), s);
		if (!host[0])
			snprintf(host, sizeof host, "127.0.0.1");
	}
	char *end;
	long port = strtol(colon + 1, &end, 10);
	if (*end || colon[1] == '\0' || port < 0 || port > 65535) {
		sl_err_set(e, "--listen: bad port in '%s'", s);
		return SL_EARG;
	}
	c->host = host;
	c->port = (unsigned short)port;
	return SL_OK;
}

/* ---- request accessors -------------------------------------------------- */

const char *sv_arg(const sv_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *sv_header(const sv_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

const char *sv_cookie(const sv_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);
}

void sv_error(sv_resp *o, int status, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	o->status = status;
	o->ctype = NULL;
	buf_reset(&o->body);
	buf_adds(&o->body, "{\"error\": ");
	json_cstr(&o->body, msg);
	buf_adds(&o->body, "}\n");
}

/* ---- static files -------------------------------------------------------- */

static const struct { const char *ext, *type; } mime[] = {
	{ ".html", "text/html; charset=utf-8" },
	{ ".js", "text/javascript; charset=utf-8" },
	{ ".css", "text/css; charset=utf-8" },
	{ ".svg", "image/svg+xml" },
	{ ".png", "image/png" },
	{ ".ico", "image/x-icon" },
	{ ".json", "application/json" },
	{ ".txt", "text/plain; charset=utf-8" },
};

/* 1 when no segment of path is hidden, "." or "..", and no backslash. */
static int path_clean(const char *p)
{
	if (p[0] != '/' || strchr(p, '\\'))
		return 0;
	for (const char *s = p; (s = strchr(s, '/')); s++)
		if (s[1] == '.')
			return 0;
	return 1;
}

static void static_file(sv_server *sv, const char *path, sv_resp *o)
{
	char want[sizeof ((sv_server *)0)->webroot + 600], real[PATH_MAX];
	const char *type = NULL;
	if (!path_clean(path) || strlen(path) > 512) {
		sv_error(o, 404, "not found");
		return;
	}
	size_t n = strlen(path);
	snprintf(want, sizeof want, "%s%s%s", sv->webroot, path,
	         path[n - 1] == '/' ? "index.html" : "");
	for (size_t i = 0; i < sizeof mime / sizeof mime[0]; i++) {
		size_t k = strlen(mime[i].ext), w = strlen(want);
		if (w > k && !strcmp(want + w - k, mime[i].ext))
			type = mime[i].type;
	}
	size_t rl = strlen(sv->webroot);
	struct stat st;
	if (!type || !realpath(want, real) || strncmp(real, sv->webroot, rl) || real[rl] != '/' ||
	    stat(real, &st) || !S_ISREG(st.st_mode) || st.st_size > 16 * 1024 * 1024) {
		sv_error(o, 404, "not found");
		return;
	}
	FILE *fp = fopen(real, "rb");
	if (!fp) {
		sv_error(o, 404, "not found");
		return;
	}
	buf_reset(&o->body);
	buf_grow(&o->body, (size_t)st.st_size + 1);
	o->body.len = fread(o->body.p, 1, (size_t)st.st_size, fp);
	o->body.p[o->body.len] = '\0';
	fclose(fp);
	o->status = 200;
	o->ctype = type;
}

/* ---- the access handler ------------------------------------------------- */

typedef struct conn_ctx {
	sv_req req;
	int too_big;
	struct timespec t0;
} conn_ctx;

typedef struct arg_check {
	const serve_config *cfg;
	unsigned n;
	int bad;
} arg_check;

static enum MHD_Result check_arg(void *cls, enum MHD_ValueKind kind, const char *key,
                                 const char *value)
{
	arg_check *a = cls;
	(void)kind;
	a->n++;
	if (a->n > a->cfg->max_params || strlen(key) > 64 ||
	    (value && strlen(value) > a->cfg->max_param))
		a->bad = 1;
	return a->bad ? MHD_NO : MHD_YES;
}

static void log_line(sv_server *sv, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void log_line(sv_server *sv, const char *fmt, ...)
{
	char line[1024];
	va_list ap;
	if (!sv->cfg->log)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	sv->cfg->log(sv->cfg->log_ctx, line);
}

static enum MHD_Result send_resp(sv_server *sv, struct MHD_Connection *c, conn_ctx *cc,
                                 sv_resp *o)
{
	size_t len;
	char *body = buf_detach(&o->body, &len);
	struct MHD_Response *rs = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	if (!rs) {
		free(body);
		return MHD_NO;
	}
	int is_api = !strncmp(cc->req.path, "/api/", 5);
	MHD_add_response_header(rs, MHD_HTTP_HEADER_CONTENT_TYPE,
	                        o->ctype ? o->ctype : "application/json; charset=utf-8");
	MHD_add_response_header(rs, "Content-Security-Policy", SV_CSP);
	MHD_add_response_header(rs, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(rs, "X-Frame-Options", "DENY");
	MHD_add_response_header(rs, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(rs, "Cross-Origin-Opener-Policy", "same-origin");
	MHD_add_response_header(rs, "Cache-Control", is_api ? "no-store" : "no-cache");
	if (o->cookie[0])
		MHD_add_response_header(rs, MHD_HTTP_HEADER_SET_COOKIE, o->cookie);
	if (o->disposition[0])
		MHD_add_response_header(rs, "Content-Disposition", o->disposition);
	enum MHD_Result ret = MHD_queue_response(c, (unsigned)o->status, rs);
	MHD_destroy_response(rs);
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long ms = (t1.tv_sec - cc->t0.tv_sec) * 1000 + (t1.tv_nsec - cc->t0.tv_nsec) / 1000000;
	log_line(sv, "%s %.200s %d %zu %ldms", cc->req.method, cc->req.path, o->status, len, ms);
	return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload, size_t *upload_size, void **con_cls)
{
	sv_server *sv = cls;
	conn_ctx *cc = *con_cls;
	sv_resp o;
	(void)version;

	if (!cc) {
		cc = xcalloc(1, sizeof *cc);
		cc->req.conn = c;
		cc->req.method = method;
		cc->req.path = url;
		buf_init(&cc->req.body);
		clock_gettime(CLOCK_MONOTONIC, &cc->t0);
		*con_cls = cc;
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
		                                             MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl && strtoull(cl, NULL, 10) > sv->cfg->max_body)
			cc->too_big = 1;
		else
			return MHD_YES;
	}
	if (*upload_size) {
		if (cc->req.body.len + *upload_size > sv->cfg->max_body)
			cc->too_big = 1;
		else
			buf_add(&cc->req.body, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}

	memset(&o, 0, sizeof o);
	buf_init(&o.body);
	o.status = 200;
	arg_check ac = { sv->cfg, 0, 0 };
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, check_arg, &ac);
	if (cc->too_big)
		sv_error(&o, 413, "request body larger than %zu bytes", sv->cfg->max_body);
	else if (ac.bad)
		sv_error(&o, 414, "too many query parameters or one longer than %zu bytes",
		         sv->cfg->max_param);
	else if (!strncmp(url, "/api/", 5) || !strcmp(url, "/api"))
		sv_api(sv, &cc->req, &o);
	else if (strcmp(method, "GET") && strcmp(method, "HEAD"))
		sv_error(&o, 405, "method not allowed");
	else
		static_file(sv, url, &o);
	enum MHD_Result ret = send_resp(sv, c, cc, &o);
	buf_release(&o.body);
	return ret;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
	conn_ctx *cc = *con_cls;
	(void)cls;
	(void)c;
	(void)toe;
	if (!cc)
		return;
	buf_release(&cc->req.body);
	free(cc);
	*con_cls = NULL;
}

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	sv_server *sv = cls;
	char line[512];
	vsnprintf(line, sizeof line, fmt, ap);
	size_t n = strlen(line);
	while (n && line[n - 1] == '\n')
		line[--n] = '\0';
	log_line(sv, "microhttpd: %s", line);
}

int serve_run(const serve_config *cfg, volatile int *stop, sl_err *e)
{
	sv_server sv;
	memset(&sv, 0, sizeof sv);
	sv.cfg = cfg;
	if (!realpath(cfg->web, sv.webroot)) {
		sl_err_set(e, "%s: web directory: %s", cfg->web, strerror(errno));
		return SL_EIO;
	}
	struct sockaddr_in a4;
	struct sockaddr_in6 a6;
	struct sockaddr *addr;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG;
	memset(&a4, 0, sizeof a4);
	memset(&a6, 0, sizeof a6);
	if (inet_pton(AF_INET, cfg->host, &a4.sin_addr) == 1) {
		a4.sin_family = AF_INET;
		a4.sin_port = htons(cfg->port);
		addr = (struct sockaddr *)&a4;
	} else if (inet_pton(AF_INET6, cfg->host, &a6.sin6_addr) == 1) {
		a6.sin6_family = AF_INET6;
		a6.sin6_port = htons(cfg->port);
		addr = (struct sockaddr *)&a6;
		flags |= MHD_USE_IPv6;
	} else {
		sl_err_set(e, "--listen: '%s' is not a numeric IPv4 or IPv6 address", cfg->host);
		return SL_EARG;
	}
	if (!(sv.s = store_open(cfg->db, e)))
		return SL_EDB;
	struct MHD_Daemon *d = MHD_start_daemon(
		flags, cfg->port, NULL, NULL, on_request, &sv,
		MHD_OPTION_EXTERNAL_LOGGER, mhd_log, &sv,
		MHD_OPTION_SOCK_ADDR, addr,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)cfg->max_conns,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)cfg->max_conns_ip,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)cfg->timeout,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
		MHD_OPTION_END);
	if (!d) {
		sl_err_set(e, "cannot listen on %s:%u (address in use?)", cfg->host, cfg->port);
		store_close(sv.s);
		return SL_EIO;
	}
	const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	log_line(&sv, "listening on http://%s%s%s:%u/ (store: %s)", strchr(cfg->host, ':') ? "[" : "",
	         cfg->host, strchr(cfg->host, ':') ? "]" : "", di ? di->port : cfg->port,
	         store_backend(sv.s));
	while (!*stop) {
		struct timespec ts = { 0, 200 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	MHD_stop_daemon(d);
	store_close(sv.s);
	log_line(&sv, "stopped");
	return SL_OK;
}
