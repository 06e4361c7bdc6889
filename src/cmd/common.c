/* common: helpers shared by the subcommands (data directory, messages). */
#include "cmd.h"

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *cmd_datadir(void)
{
	static char path[PATH_MAX];
	const char *env = getenv("SUPPLYLINE_DATA");
	if (env && *env)
		return env;
	if (is_dir("data") && access("data/actors.tsv", R_OK) == 0)
		return "data";
	ssize_t n = readlink("/proc/self/exe", path, sizeof path - 16);
	if (n > 0) {
		path[n] = '\0';
		char *slash = strrchr(path, '/');
		if (slash) {
			*slash = '\0';
			size_t len = strlen(path);
			snprintf(path + len, sizeof path - len, "/../data");
			if (is_dir(path))
				return path;
		}
	}
	return "data";
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
