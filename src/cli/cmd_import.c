/* sbp import -f csv: a blueprint from the CSV tables sbp export writes,
 * or from a workshop grid (SPEC section 7.6). Nothing is written unless
 * the whole input is good, and an existing file only with --force. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sbp/cli.h"
#include "sbp/i18n.h"
#include "sbp/import.h"

static const char import_usage[] =
	N_("usage: sbp import -f csv [-o OUT] [--force] IN...\n"
	   "  IN: the tables of sbp export -f csv (the whole export, or --what\n"
	   "  files), or one workshop grid (lanes down, columns across)\n"
	   "  -o, --output OUT   the blueprint to write ('-' = standard output);\n"
	   "                     default: IN with the extension .yaml\n"
	   "  --force            replace OUT when it exists\n");

/* The default output: IN without .csv (and without the .standards or
 * .flows that export adds for those tables), plus .yaml. Caller frees. */
static char *default_output(const char *in)
{
	size_t n = strlen(in);
	static const char *const tails[] = {".csv", ".CSV", ".txt", ".tsv", NULL};
	static const char *const tables[] = {".standards", ".flows", ".steps", ".lanes", ".columns",
					     ".measurements", ".blueprint", NULL};
	for (size_t i = 0; tails[i]; i++)
		if (n > strlen(tails[i]) && !strcmp(in + n - strlen(tails[i]), tails[i])) {
			n -= strlen(tails[i]);
			break;
		}
	for (size_t i = 0; tables[i]; i++) {
		size_t t = strlen(tables[i]);
		if (n > t && !strncmp(in + n - t, tables[i], t)) {
			n -= t;
			break;
		}
	}
	return xasprintf("%.*s.yaml", (int)n, in);
}

/* Print an import error GCC-style. */
static void print_error(const import_error *e)
{
	const char *f = cli_safe(e->file ? e->file : "-");
	if (e->line && e->col)
		fprintf(stderr, _("%s:%d:%d: error: %s\n"), f, e->line, e->col, cli_safe(e->msg));
	else if (e->line)
		fprintf(stderr, _("%s:%d: error: %s\n"), f, e->line, cli_safe(e->msg));
	else
		fprintf(stderr, _("%s: error: %s\n"), f, cli_safe(e->msg));
}

/* sbp import: parse the options, read the files, write the blueprint. */
int cmd_import(int argc, char **argv)
{
	const char *format = NULL, *out = NULL;
	const char **ins = xcalloc((size_t)argc + 1, sizeof *ins);
	bool force = false;
	size_t nin = 0;
	int rc = 2;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(_(import_usage), stdout);
			free(ins);
			return 0;
		} else if ((!strcmp(a, "-f") || !strcmp(a, "--format")) && i + 1 < argc) {
			format = argv[++i];
		} else if (!strncmp(a, "--format=", 9)) {
			format = a + 9;
		} else if ((!strcmp(a, "-o") || !strcmp(a, "--output")) && i + 1 < argc) {
			out = argv[++i];
		} else if (!strcmp(a, "--force")) {
			force = true;
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, _("sbp import: unknown option '%s'\n"), cli_safe(a));
			fputs(_(import_usage), stderr);
			free(ins);
			return 2;
		} else {
			ins[nin++] = a;
		}
	}
	if (!format || strcmp(format, "csv") || !nin) {
		if (format && strcmp(format, "csv"))
			fprintf(stderr, _("sbp import: unknown format '%s' (csv is the one there is)\n"),
				cli_safe(format));
		fputs(_(import_usage), stderr);
		free(ins);
		return 2;
	}
	char *def = NULL;
	if (!out)
		out = !strcmp(ins[0], "-") ? "-" : (def = default_output(ins[0]));
	struct stat st;
	if (strcmp(out, "-") && !force && stat(out, &st) == 0) {
		fprintf(stderr, _("sbp import: %s exists; use --force to replace it, or -o to write elsewhere\n"),
			cli_safe(out));
		goto done;
	}
	import_file *files = xcalloc(nin, sizeof *files);
	size_t nread = 0;
	for (; nread < nin; nread++) {
		char *data;
		size_t len;
		if (!read_file(ins[nread], cli_limits()->max_file_size, &data, &len)) {
			fprintf(stderr, _("sbp import: cannot read %s: %s\n"), cli_safe(ins[nread]),
				strerror(errno));
			break;
		}
		files[nread] = (import_file){ins[nread], data, len};
	}
	if (nread == nin) {
		import_error err;
		sbp_node *doc = import_csv(files, nin, &err);
		sbp_buf text;
		buf_init(&text);
		char why[512];
		if (!doc) {
			print_error(&err);
		} else if (!cli_document_text(doc, out, _("sbp import: the imported blueprint is not valid:\n"), &text)) {
			/* printed */
		} else if (!strcmp(out, "-")) {
			fwrite(text.data, 1, text.len, stdout);
			rc = fflush(stdout) ? 2 : 0;
		} else if (!atomic_write(out, text.data, text.len, why, sizeof why)) {
			fprintf(stderr, _("sbp import: cannot write %s: %s\n"), cli_safe(out), why);
		} else {
			rc = 0;
		}
		buf_free(&text);
		node_free(doc);
	}
	for (size_t i = 0; i < nread; i++)
		free((char *)files[i].data);
	free(files);
done:
	free(def);
	free(ins);
	return rc;
}
