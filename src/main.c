/*
 * supplyline: the subcommand table.  Each command is one src/cmd/<name>.c;
 * this file only dispatches (as git.c does for builtin/).
 */
#include <stdio.h>
#include <string.h>
#include "cmd/cmd.h"

static const struct command {
	const char *name;
	int (*fn)(int, char **);
	const char *help;
} commands[] = {
	{ "extract", cmd_extract, "read documents and print records as JSON Lines" },
	{ "text", cmd_text, "print the cleaned text each document is read as" },
	{ "ingest", cmd_ingest, "extract and store documents, records and merged facts" },
	{ "facts", cmd_facts, "print the merged facts as a table, CSV or JSON" },
	{ "consent", cmd_consent, "which states must consent to passing materiel on, and what is known" },
	{ "serve", cmd_serve, "serve the HTTP API and the dashboard" },
	/* SL_COMMANDS: further commands are added here */
};

static void usage(FILE *f)
{
	fputs("usage: supplyline <command> [options] [PATH ...]\n\ncommands:\n", f);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].help);
	fputs("\nRun 'supplyline <command> --help' for a command's options.\n", f);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return 0;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "supplyline: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return 2;
}
