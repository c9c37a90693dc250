/* The subcommands of the sbp program. Each takes the arguments after its
 * name (argv[0] is the subcommand) and returns the process exit status. */
#ifndef SBP_CLI_H
#define SBP_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "sbp/io.h"

int cmd_check(int argc, char **argv);
int cmd_fmt(int argc, char **argv);
int cmd_new(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_measure(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_import(int argc, char **argv);
/* The editor (src/tui): open path, or a new blueprint when path is NULL. */
int tui_main(const char *path, const sbp_limits *lim);

/* The options every command takes (--max-size), as given. Subcommands
 * start from these limits and never parse --max-size themselves. */
const sbp_limits *cli_limits(void);
/* Take the shared options out of argv (before a "--") into cli_limits();
 * 0, or 2 after a message when one is malformed. Called once, by main. */
int cli_take_options(int *argc, char **argv);
/* Parse a size such as 10M, 512k or 1G (at least 1 byte, at most 1024G):
 * NULL when good, else why not, in words. */
const char *cli_parse_size(const char *s, size_t *out);
/* The exit status after checking that all of standard output was
 * written (flushed, no write error); 2 with a message when not. Called
 * once, by main, for every command. */
int cli_finish(int status);
/* Should output to f be coloured (a terminal, NO_COLOR unset)? */
bool cli_use_color(FILE *f);
/* s made safe to print (control, bidi and invisible characters escaped).
 * The result lives until four more calls. */
const char *cli_safe(const char *s);
/* Print the diagnostics of one file to out (sorted), GCC-style, at most
 * cli_limits()->max_diags of them and then how many more there are. */
void cli_print_diags(FILE *out, const char *file, sbp_diags *d);
/* The canonical YAML of a document built by merge or import (options.c);
 * false, with why and the problems on stderr, when it does not load. */
bool cli_document_text(const sbp_node *doc, const char *name, const char *why,
		       sbp_buf *out);
/* Bind the message catalog (src/cli/i18n.c); after setlocale. */
void cli_i18n_init(void);

#endif
