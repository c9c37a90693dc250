/* sbp diff: what changed between two blueprints, by object id (SPEC
 * section 7.6). Exit 0 equal, 1 different, 2 on error. Two paths, so it
 * also serves as a git difftool. */
#include <stdio.h>
#include <string.h>

#include "sbp/cli.h"
#include "sbp/i18n.h"
#include "sbp/team.h"

static const char diff_usage[] =
	N_("usage: sbp diff [--format text|json|md] OLD NEW\n"
	   "  what changed between two blueprints, by object id;\n"
	   "  exit 0 when equal, 1 when different, 2 on error\n");

/* Load one side, printing its problems; NULL when it does not load. */
static sbp_blueprint *diff_load(const char *path, const sbp_limits *lim)
{
	sbp_diags d;
	diags_init(&d);
	sbp_blueprint *bp = sbp_load_file(path, lim, &d);
	if (!bp)
		cli_print_diags(stderr, strcmp(path, "-") ? path : "<stdin>", &d);
	diags_free(&d);
	return bp;
}

/* sbp diff: parse the options, load both files, write the diff. */
int cmd_diff(int argc, char **argv)
{
	const char *paths[2] = {NULL, NULL};
	team_format fmt = TEAM_TEXT;
	int npaths = 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = NULL;
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(_(diff_usage), stdout);
			return 0;
		}
		if (!strncmp(a, "--format=", 9))
			v = a + 9;
		else if (!strcmp(a, "--format") || !strcmp(a, "-f"))
			v = i + 1 < argc ? argv[++i] : "";
		if (v) {
			if (!strcmp(v, "text"))
				fmt = TEAM_TEXT;
			else if (!strcmp(v, "json"))
				fmt = TEAM_JSON;
			else if (!strcmp(v, "md"))
				fmt = TEAM_MD;
			else {
				fprintf(stderr, _("sbp diff: unknown format '%s' (text, json or md)\n"),
					cli_safe(v));
				return 2;
			}
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, _("sbp diff: unknown option '%s'\n"), cli_safe(a));
			fputs(_(diff_usage), stderr);
			return 2;
		} else if (npaths == 2) {
			fprintf(stderr, _("sbp diff: two files, OLD and NEW\n"));
			fputs(_(diff_usage), stderr);
			return 2;
		} else {
			paths[npaths++] = a;
		}
	}
	if (npaths != 2) {
		fputs(_(diff_usage), stderr);
		return 2;
	}
	sbp_blueprint *a = diff_load(paths[0], cli_limits());
	sbp_blueprint *b = a ? diff_load(paths[1], cli_limits()) : NULL;
	if (!a || !b) {
		blueprint_free(a);
		return 2;
	}
	team_diff d;
	sbp_buf out;
	team_diff_run(&d, a, b);
	buf_init(&out);
	team_diff_write(&d, fmt, paths[0], paths[1], &out);
	fwrite(out.data, 1, out.len, stdout);
	int rc = d.n ? 1 : 0;
	if (fflush(stdout) != 0)
		rc = 2;
	buf_free(&out);
	team_diff_free(&d);
	blueprint_free(a);
	blueprint_free(b);
	return rc;
}
