/* sbp export: write a blueprint in another format (SPEC section 6). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sbp/cli.h"
#include "sbp/export.h"
#include "sbp/i18n.h"

static const char export_usage[] =
	N_("usage: sbp export -f FORMAT [-o OUT] [options] FILE\n"
	"  -f, --format FORMAT   svg pdf png html md csv drawio dot mermaid json txt\n"
	"  -o, --output OUT      output file ('-' = standard output); default: FILE\n"
	"                        with the format's extension, or standard output\n"
	"                        when FILE is '-'\n"
	"  --paper SIZE          pdf: a4 a3 a2 a1 a0 letter, any case (default: one\n"
	"                        page the size of the poster; a4 when tiling)\n"
	"  --tile                pdf: print the poster over several sheets with\n"
	"                        overlap and crop marks, filling them (at least 1:1)\n"
	"  --fit [PT]            pdf: tile over the fewest sheets that keep the\n"
	"                        smallest text at PT points or more (default 7)\n"
	"  --pages COLSxROWS     pdf: tile over exactly COLS x ROWS sheets\n"
	"  --with-tables         pdf: add the fail, wait, flagged and standards\n"
	"                        tables as pages after the poster\n"
	"  --scale N             png: pixels per point (default 2); pdf --tile:\n"
	"                        print the poster N times its size\n"
	"  --what TABLE          csv: one table alone: steps, standards, flows,\n"
	"                        lanes, columns, measurements, blueprint or sqi\n"
	"                        (default all: every table, after the steps)\n"
	"  --max-size SIZE       largest input file to read (default 512M)\n");

/* Is arg the option name (or name=value)? Sets *val from the same or the
 * next argument. */
static bool take_opt(int argc, char **argv, int *i, const char *s, const char *l,
		     const char **val)
{
	const char *a = argv[*i];
	size_t ll = l ? strlen(l) : 0;

	if (l && !strncmp(a, l, ll) && a[ll] == '=') {
		*val = a + ll + 1;
		return true;
	}
	if (!((s && !strcmp(a, s)) || (l && !strcmp(a, l))))
		return false;
	if (*i + 1 >= argc) {
		*val = NULL;
		return true;
	}
	*val = argv[++*i];
	return true;
}

/* Print an export's warning on stderr. */
static void warn_stderr(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, _("sbp export: warning: %s\n"), msg);
}

/* Parse "COLSxROWS" into o; false when it is not that. */
static bool parse_pages(const char *v, export_opts *o)
{
	char *end;
	long c = strtol(v, &end, 10);
	if (end == v || (*end != 'x' && *end != 'X'))
		return false;
	const char *r0 = end + 1;
	long r = strtol(r0, &end, 10);
	if (end == r0 || *end || c < 1 || r < 1 || c > 100 || r > 100)
		return false;
	o->pages_cols = (int)c;
	o->pages_rows = (int)r;
	return true;
}

/* Is v a number (the optional value of --fit)? Sets *out. */
static bool parse_points(const char *v, double *out)
{
	char *end;
	double d = strtod(v, &end);
	if (end == v || *end || !(d > 0 && d <= 100))
		return false;
	*out = d;
	return true;
}

/* sbp export: parse the options, load FILE, export it. */
int cmd_export(int argc, char **argv)
{
	const char *format = NULL, *out = NULL, *in = NULL, *v;
	export_opts o = {0};
	o.warn = warn_stderr;
	char *scale_end;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(_(export_usage), stdout);
			return 0;
		} else if (!strcmp(a, "--tile")) {
			o.tile = true;
		} else if (!strcmp(a, "--with-tables")) {
			o.with_tables = true;
		} else if (!strcmp(a, "--fit") || !strncmp(a, "--fit=", 6)) {
			o.fit = 7;
			const char *fv = a[5] == '=' ? a + 6 : i + 1 < argc ? argv[i + 1] : NULL;
			double pt;
			if (fv && parse_points(fv, &pt)) {
				o.fit = pt;
				if (a[5] != '=')
					i++;
			} else if (a[5] == '=') {
				fprintf(stderr, _("sbp export: bad text size '%s' for --fit (points, above 0, at most 100)\n"),
					cli_safe(fv));
				return 2;
			}
		} else if (take_opt(argc, argv, &i, NULL, "--pages", &v)) {
			if (!v || !parse_pages(v, &o)) {
				fprintf(stderr, _("sbp export: --pages needs COLSxROWS, e.g. 3x2 (each 1 to 100)\n"));
				return 2;
			}
		} else if (take_opt(argc, argv, &i, "-f", "--format", &v) ||
			   take_opt(argc, argv, &i, "-o", "--output", &v) ||
			   take_opt(argc, argv, &i, NULL, "--paper", &v) ||
			   take_opt(argc, argv, &i, NULL, "--scale", &v) ||
			   take_opt(argc, argv, &i, NULL, "--what", &v)) {
			if (!v) {
				fprintf(stderr, _("sbp export: option '%s' needs a value\n"), cli_safe(a));
				return 2;
			}
			if (a[1] == 'f' || !strncmp(a, "--format", 8))
				format = v;
			else if (a[1] == 'o' || !strncmp(a, "--output", 8))
				out = v;
			else if (!strncmp(a, "--paper", 7))
				o.paper = v;
			else if (!strncmp(a, "--what", 6))
				o.what = v;
			else { /* --scale */
				o.scale = strtod(v, &scale_end);
				if (scale_end == v || *scale_end || !(o.scale > 0 && o.scale <= 50)) {
					fprintf(stderr, _("sbp export: bad scale '%s' (a number above 0, at most 50)\n"), cli_safe(v));
					return 2;
				}
			}
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr, _("sbp export: unknown option '%s'\n%s"), cli_safe(a), _(export_usage));
			return 2;
		} else if (in) {
			fprintf(stderr, _("sbp export: one input file at a time\n%s"), _(export_usage));
			return 2;
		} else {
			in = a;
		}
	}
	if (!format || !in) {
		fprintf(stderr, _("sbp export: %s\n%s"), !format ? _("no format (-f)") : _("no input file"),
			_(export_usage));
		return 2;
	}
	if (!export_format_known(format)) {
		fprintf(stderr, _("sbp export: unknown format '%s'; one of:"), cli_safe(format));
		for (size_t i = 0; export_formats[i]; i++)
			fprintf(stderr, " %s", export_formats[i]);
		fputc('\n', stderr);
		return 2;
	}
	char *def = NULL;
	if (!out)
		out = !strcmp(in, "-") ? "-" : (def = export_default_path(in, format, o.what));
	if (strcmp(out, "-") && !strcmp(out, in)) {
		fprintf(stderr, _("sbp export: the output would overwrite the input '%s'; use -o\n"), cli_safe(in));
		free(def);
		return 2;
	}
	if (!strcmp(out, "-") && (!strcmp(format, "pdf") || !strcmp(format, "png")) &&
	    isatty(STDOUT_FILENO)) {
		fprintf(stderr, _("sbp export: not writing %s to a terminal; use -o FILE\n"), cli_safe(format));
		free(def);
		return 2;
	}

	sbp_diags d;
	diags_init(&d);
	const char *name = strcmp(in, "-") ? in : "<stdin>";
	sbp_blueprint *bp = sbp_load_file(in, cli_limits(), &d);
	int status = 0;
	if (!bp) {
		cli_print_diags(stderr, name, &d);
		status = 2;
	} else {
		const char *base = strrchr(in, '/');
		char err[512];
		o.source_name = strcmp(in, "-") ? (base ? base + 1 : in) : NULL;
		if (!export_blueprint(bp, format, &o, out, err, sizeof err)) {
			fprintf(stderr, _("sbp export: %s\n"), cli_safe(err));
			status = 2;
		}
	}
	blueprint_free(bp);
	diags_free(&d);
	free(def);
	return status;
}
