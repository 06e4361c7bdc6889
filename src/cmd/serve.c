/*
 * supplyline serve [--db URL] [--listen ADDR:PORT] [--web DIR] [--data DIR]:
 * the HTTP API and the dashboard (src/serve/), until SIGINT or SIGTERM.
 *
 * supplyline serve --add-user NAME [--db URL] creates an analyst (or
 * sets a new password) from the first line of standard input, so a
 * password never shows in the process list or the shell history.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sodium.h>
#include "../serve/serve.h"
#include "cmd.h"

static void usage(FILE *f)
{
	fputs("usage: supplyline serve [--db URL] [--listen ADDR:PORT] [--web DIR] [--data DIR]\n"
	      "                        [--max-page N] [--max-body BYTES] [--quiet]\n"
	      "       supplyline serve --add-user NAME [--db URL]   (password on stdin)\n"
	      "\n"
	      "Serves the JSON API under /api/ and the dashboard (the files of --web) over\n"
	      "HTTP.  Reading needs no login; reviewing facts needs an analyst's session.\n"
	      "\n"
	      "  --db URL          SQLite file (default " STORE_DEFAULT_DB ") or postgresql://... URL\n"
	      "  --listen A:P      address and port (default 127.0.0.1:8080; port 0 picks one)\n"
	      "  --web DIR         the dashboard's files (default: web, else next to the binary)\n"
	      "  --data DIR        supplyline's data directory, for the consent rules\n"
	      "  --max-page N      largest page of /api/facts (default 500)\n"
	      "  --max-body BYTES  largest request body (default 65536)\n"
	      "  --quiet           no request log on stderr\n"
	      "  --add-user NAME   create analyst NAME, or set a new password, reading the\n"
	      "                    password (8-1024 bytes) from the first line of stdin\n"
	      "\n"
	      "Exit status: 0 ok, 2 error.\n", f);
}

static volatile int stopping;

static void on_signal(int sig)
{
	(void)sig;
	stopping = 1;
}

static void log_stderr(void *ctx, const char *line)
{
	(void)ctx;
	fprintf(stderr, "supplyline serve: %s\n", line);
	fflush(stderr);
}

/* The web directory: ./web when it has the dashboard, else ../web next
 * to the binary (an installed tree). */
static const char *default_web(void)
{
	static char path[4096];
	if (access("web/index.html", R_OK) == 0)
		return "web";
	if (cmd_beside_binary(path, sizeof path, "web") && access(path, R_OK) == 0)
		return path;
	return "web";
}

static int add_user(const char *db, const char *name)
{
	char pw[1100];
	sl_err e = { "" };
	if (!fgets(pw, sizeof pw, stdin)) {
		cmd_error("serve", "--add-user: no password on standard input");
		return 2;
	}
	size_t n = strlen(pw);
	while (n && (pw[n - 1] == '\n' || pw[n - 1] == '\r'))
		pw[--n] = '\0';
	store *s = store_open(db, &e);
	if (!s) {
		cmd_error("serve", "%s", e.msg);
		sodium_memzero(pw, sizeof pw);
		return 2;
	}
	const char *by = getenv("USER");
	int rc = serve_add_user(s, name, pw, by && *by ? by : "cli", &e);
	sodium_memzero(pw, sizeof pw);
	store_close(s);
	if (rc) {
		cmd_error("serve", "%s", e.msg);
		return 2;
	}
	fprintf(stderr, "supplyline serve: analyst '%s' saved\n", name);
	return 0;
}

static int want_num(const char *opt, const char *v, unsigned long *out)
{
	char *end;
	errno = 0;
	unsigned long n = strtoul(v, &end, 10);
	if (errno || *end || !*v || n == 0 || n > 1UL << 30) {
		cmd_error("serve", "%s wants a positive number, not '%s'", opt, v);
		return 0;
	}
	*out = n;
	return 1;
}

int cmd_serve(int argc, char **argv)
{
	serve_config c;
	const char *user = NULL;
	sl_err e = { "" };
	int quiet = 0;
	serve_config_init(&c);
	c.web = NULL;
	c.log = log_stderr;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		unsigned long n;
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(a, "--quiet")) {
			quiet = 1;
			continue;
		}
		if (!v) {
			cmd_error("serve", "unknown option or missing value: '%s'", a);
			usage(stderr);
			return 2;
		}
		i++;
		if (!strcmp(a, "--db")) {
			c.db = v;
		} else if (!strcmp(a, "--listen")) {
			if (serve_parse_listen(&c, v, &e)) {
				cmd_error("serve", "%s", e.msg);
				return 2;
			}
		} else if (!strcmp(a, "--web")) {
			c.web = v;
		} else if (!strcmp(a, "--data")) {
			c.data = v;
		} else if (!strcmp(a, "--add-user")) {
			user = v;
		} else if (!strcmp(a, "--max-page")) {
			if (!want_num(a, v, &n))
				return 2;
			c.max_page = (unsigned)n;
		} else if (!strcmp(a, "--max-body")) {
			if (!want_num(a, v, &n))
				return 2;
			c.max_body = n;
		} else {
			cmd_error("serve", "unknown option '%s'", a);
			usage(stderr);
			return 2;
		}
	}
	if (sodium_init() < 0) {
		cmd_error("serve", "libsodium cannot initialise");
		return 2;
	}
	if (user)
		return add_user(c.db, user);
	if (!c.web)
		c.web = default_web();
	if (!c.data)
		c.data = cmd_datadir();
	if (quiet)
		c.log = NULL;

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (serve_run(&c, &stopping, &e)) {
		cmd_error("serve", "%s", e.msg);
		return 2;
	}
	return 0;
}
