/* sbp fmt: rewrite blueprints in canonical form (or check that they are). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/check.h"
#include "sbp/cli.h"
#include "sbp/i18n.h"

/* Format one file; returns 0 done/unchanged, 1 would change, 2 error. */
static int fmt_one(const char *path, bool check, const sbp_limits *lim)
{
	char *data;
	size_t len;
	sbp_diags d;
	int status = 0;
	const char *name = strcmp(path, "-") ? path : "<stdin>";
	const char *safe = cli_safe(name);

	if (!read_file(path, lim->max_file_size, &data, &len)) {
		fprintf(stderr, _("%s: error: cannot read: %s\n"), safe,
			errno == EFBIG ? _("file larger than --max-size") : file_strerror(errno));
		return 2;
	}
	diags_init(&d);
	sbp_blueprint *bp = sbp_load_buffer(data, len, lim, &d);
	if (bp) {
		/* What check calls an error (zone-order...) is not rewritten
		 * either: fmt would bless a file the lint refuses. */
		diags_clear(&d);
		check_blueprint(bp, &d, NULL);
		if (!d.errors)
			diags_clear(&d);
	}
	if (!bp || d.errors) {
		if (bp) /* the warnings are check's business, not fmt's */
			diags_keep_errors(&d);
		cli_print_diags(stderr, name, &d);
		if (bp)
			fprintf(stderr, _("%s: not formatted: fix the errors above first (sbp check)\n"), safe);
		blueprint_free(bp);
		diags_free(&d);
		free(data);
		return 2;
	}
	sbp_buf out;
	buf_init(&out);
	sbp_save_yaml(bp, &out);
	bool same = out.len == len && memcmp(out.data, data, len) == 0;
	if (!strcmp(path, "-")) {
		if (check)
			status = same ? 0 : 1;
		else
			fwrite(out.data, 1, out.len, stdout);
	} else if (check) {
		if (!same) {
			printf(_("%s: not in canonical form (run sbp fmt)\n"), safe);
			status = 1;
		}
	} else if (!same) {
		char err[512] = "";
		if (!atomic_write(path, out.data, out.len, err, sizeof err)) {
			fprintf(stderr, _("sbp fmt: %s\n"), cli_safe(err));
			status = 2;
		} else if (*err) {
			/* saved, with a note (written in place: not atomic) */
			fprintf(stderr, _("sbp fmt: warning: %s\n"), cli_safe(err));
		}
	}
	buf_free(&out);
	blueprint_free(bp);
	diags_free(&d);
	free(data);
	return status;
}

int cmd_fmt(int argc, char **argv)
{
	bool check = false;
	int status = 0, n = 0;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--check"))
			check = true;
		else if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, _("sbp fmt: unknown option '%s'\n"), cli_safe(argv[i]));
			return 2;
		}
	}
	for (int i = 1; i < argc; i++) {
		if (argv[i][0] == '-' && argv[i][1])
			continue;
		int s = fmt_one(argv[i], check, cli_limits());
		if (s > status)
			status = s;
		n++;
	}
	if (n == 0) {
		fprintf(stderr, _("usage: sbp fmt [--check] FILE...\n"));
		return 2;
	}
	return status;
}
