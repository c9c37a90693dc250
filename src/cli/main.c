/* The sbp program: dispatch to a subcommand or open the editor. */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "sbp/cli.h"
#include "sbp/i18n.h"

static const char usage[] =
	N_("usage: sbp [FILE]                      open the editor (new blueprint if FILE is absent)\n"
	"       sbp check [--format text|json] FILE...\n"
	"                                       lint; exit 0 clean, 1 findings, 2 unreadable/invalid\n"
	"       sbp export -f FORMAT [-o OUT] FILE\n"
	"                                       FORMAT: svg pdf png html md csv drawio dot\n"
	"                                       mermaid json txt\n"
	"       sbp fmt [--check] FILE...       rewrite in canonical form\n"
	"       sbp new [-t TEMPLATE] FILE      start from a template (sbp new --list)\n"
	"       sbp measure FILE STANDARD [--value V] [--failures N] [--volume N] [--date D]\n"
	"                   [--note T] | sbp measure FILE --csv DATA.csv\n"
	"                                       append to the measurement log\n"
	"       sbp diff [--format text|json|md] OLD NEW\n"
	"                                       what changed, by object id\n"
	"       sbp merge BASE OURS THEIRS [-o OUT]\n"
	"                                       three-way merge by object id (git merge driver)\n"
	"       sbp import -f csv [-o OUT] [--force] IN...\n"
	"                                       a blueprint from exported CSV or a workshop grid\n"
	"       sbp --help | --version\n"
	"\n"
	"Options for every command: --max-size SIZE (largest file to read, default 512M).\n"
	"See sbp(1) for the editor's keys and the check rules.\n");

/* The subcommands: `sbp NAME ARGS...` runs run(argc, argv) with argv[0]
 * the name. A new subcommand is one line here and one in cli.h. */
static const struct subcommand {
	const char *name;
	int (*run)(int argc, char **argv);
} subcommands[] = {
	{"check", cmd_check},
	{"fmt", cmd_fmt},
	{"new", cmd_new},
	{"export", cmd_export},
	{"measure", cmd_measure},
	{"diff", cmd_diff},
	{"merge", cmd_merge},
	{"import", cmd_import},
};

/* The editor: sbp [FILE]. */
static int run_editor(int argc, char **argv)
{
	const char *path = NULL;
	for (int i = 1; i < argc; i++) {
		if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, _("sbp: unknown option '%s'\n"), cli_safe(argv[i]));
			fputs(_(usage), stderr);
			return 2;
		} else if (path) {
			fprintf(stderr, _("sbp: the editor opens one file\n"));
			fputs(_(usage), stderr);
			return 2;
		} else {
			path = argv[i];
		}
	}
	return tui_main(path, cli_limits());
}

/* Dispatch after the shared options are taken out of argv. */
static int run(int argc, char **argv)
{
	if (argc >= 2) {
		const char *c = argv[1];
		if (!strcmp(c, "--help") || !strcmp(c, "-h") || !strcmp(c, "help")) {
			fputs(_(usage), stdout);
			return 0;
		}
		if (!strcmp(c, "--version") || !strcmp(c, "-V")) {
			printf(_("sbp %s (blueprint format version 1)\n"), SBP_VERSION);
			return 0;
		}
		for (size_t i = 0; i < sizeof subcommands / sizeof *subcommands; i++)
			if (!strcmp(c, subcommands[i].name))
				return subcommands[i].run(argc - 1, argv + 1);
	}
	return run_editor(argc, argv);
}

int main(int argc, char **argv)
{
	/* Only the character set and the messages' language come from the
	 * environment (widths, ncurses' wide characters; gettext): the other
	 * categories stay "C", so numbers always use a dot, and start-up skips
	 * loading a dozen locale files. */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	cli_i18n_init();
	int status = cli_take_options(&argc, argv);
	if (status == 0)
		status = run(argc, argv);
	return cli_finish(status);
}
