/* The sbp program: dispatch to a subcommand or open the editor. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sbp/cli.h"
#include "sbp/i18n.h"
#include "sbp/utf8.h"

static const char usage[] = N_(
	"usage: sbp [FILE]                      open the editor (new blueprint if FILE is absent)\n"
	"       sbp check [--format text|json] FILE...\n"
	"                                       lint; exit 0 clean, 1 findings, 2 unreadable/invalid\n"
	"       sbp export -f FORMAT [-o OUT] FILE\n"
	"                                       FORMAT: svg pdf png html md csv drawio dot\n"
	"                                       mermaid json txt\n"
	"       sbp fmt [--check] FILE...       rewrite in canonical form\n"
	"       sbp new [-t TEMPLATE] FILE      start from a template (sbp new --list)\n"
	"       sbp diff [--format text|json|md] OLD NEW\n"
	"                                       what changed, by object id\n"
	"       sbp merge BASE OURS THEIRS [-o OUT]\n"
	"                                       three-way merge by object id (git merge driver)\n"
	"       sbp --help | --version\n"
	"\n"
	"Options for every command: --max-size SIZE (largest file to read, default 512M).\n"
	"See sbp(1) for the editor's keys and the check rules.\n");

bool cli_use_color(FILE *f)
{
	const char *nc = getenv("NO_COLOR");
	const char *term = getenv("TERM");
	if (nc && *nc)
		return false;
	if (!term || !strcmp(term, "dumb"))
		return false;
	return isatty(fileno(f));
}

bool cli_parse_size(const char *s, size_t *out)
{
	char *end;
	unsigned long long v = strtoull(s, &end, 10);
	if (end == s)
		return false;
	switch (*end) {
	case 'k': case 'K': v <<= 10; end++; break;
	case 'm': case 'M': v <<= 20; end++; break;
	case 'g': case 'G': v <<= 30; end++; break;
	default: break;
	}
	if (*end || v == 0)
		return false;
	*out = (size_t)v;
	return true;
}

const char *cli_safe(const char *s)
{
	static sbp_buf pool[4];
	static unsigned next;
	sbp_buf *b = &pool[next++ % 4];
	buf_reset(b);
	sanitize(b, s, strlen(s));
	return b->data ? b->data : "";
}

void cli_print_diags(FILE *out, const char *file, sbp_diags *d)
{
	bool color = cli_use_color(out);
	diags_sort(d);
	for (size_t i = 0; i < d->n; i++)
		diag_print(out, file, &d->items[i], color);
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
		if (!strcmp(c, "check"))
			return cmd_check(argc - 1, argv + 1);
		if (!strcmp(c, "fmt"))
			return cmd_fmt(argc - 1, argv + 1);
		if (!strcmp(c, "new"))
			return cmd_new(argc - 1, argv + 1);
		if (!strcmp(c, "export"))
			return cmd_export(argc - 1, argv + 1);
		if (!strcmp(c, "diff"))
			return cmd_diff(argc - 1, argv + 1);
		if (!strcmp(c, "merge"))
			return cmd_merge(argc - 1, argv + 1);
	}
	sbp_limits lim;
	sbp_limits_default(&lim);
	const char *path = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--max-size") && i + 1 < argc) {
			if (!cli_parse_size(argv[++i], &lim.max_file_size)) {
				fprintf(stderr, _("sbp: bad size '%s'\n"), cli_safe(argv[i]));
				return 2;
			}
		} else if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, _("sbp: unknown option '%s'\n%s"), cli_safe(argv[i]), _(usage));
			return 2;
		} else if (path) {
			fprintf(stderr, _("sbp: the editor opens one file\n%s"), _(usage));
			return 2;
		} else {
			path = argv[i];
		}
	}
	return tui_main(path, &lim);
}
