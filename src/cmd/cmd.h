/*
 * cmd: the subcommands of the supplyline command line.  Each lives in its
 * own src/cmd/<name>.c, takes (argc, argv) with argv[0] the subcommand
 * name, prints its own messages and returns the process exit status:
 * 0 success, 1 some input was skipped with a warning, 2 usage or fatal
 * error.  Shared option helpers live in common.c.
 */
#ifndef SL_CMD_H
#define SL_CMD_H

#include <stdio.h>
#include "../base/buf.h"
#include "../base/err.h"

int cmd_extract(int argc, char **argv);
int cmd_text(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_facts(int argc, char **argv);
int cmd_consent(int argc, char **argv);
int cmd_serve(int argc, char **argv);

/* The data directory: $SUPPLYLINE_DATA, else ./data, else the data
 * directory installed next to the binary (../data relative to it). */
const char *cmd_datadir(void);

/* <dir of this binary>/../name in path[cap] (an installed tree's data
 * or web directory); NULL when the binary's own path is unknown. */
const char *cmd_beside_binary(char *path, size_t cap, const char *name);

/* Appends s cut to at most cap code points, "…" the last when cut: a
 * table cell of a text output. */
void cmd_cut(buf *out, const char *s, size_t cap);

/* Prints "supplyline <cmd>: msg" to stderr. */
void cmd_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
