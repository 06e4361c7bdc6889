/* common: helpers shared by the subcommands (data directory, table cells,
 * messages). */
#include "cmd.h"

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "../base/utf8.h"

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *cmd_beside_binary(char *path, size_t cap, const char *name)
{
	ssize_t n = readlink("/proc/self/exe", path, cap - 16);
	if (n <= 0)
		return NULL;
	path[n] = '\0';
	char *slash = strrchr(path, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	size_t len = strlen(path);
	snprintf(path + len, cap - len, "/../%s", name);
	return path;
}

const char *cmd_datadir(void)
{
	static char path[PATH_MAX];
	const char *env = getenv("SUPPLYLINE_DATA");
	if (env && *env)
		return env;
	if (is_dir("data") && access("data/actors.tsv", R_OK) == 0)
		return "data";
	if (cmd_beside_binary(path, sizeof path, "data") && is_dir(path))
		return path;
	return "data";
}

void cmd_cut(buf *out, const char *s, size_t cap)
{
	size_t n = strlen(s);
	if (utf8_count(s, n) <= cap) {
		buf_add(out, s, n);
		return;
	}
	size_t i = 0, k = 0;
	while (i < n && k + 1 < cap) {
		int32_t cp;
		i += utf8_decode(s + i, n - i, &cp);
		k++;
	}
	buf_add(out, s, i);
	buf_adds(out, "\xe2\x80\xa6");
}

void cmd_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "supplyline %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}
