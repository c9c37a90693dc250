/* sbp new: start a blueprint file, empty or from a template. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sbp/cli.h"
#include "sbp/i18n.h"
#include "sbp/templates.h"
#include "sbp/utf8.h"

/* A new blueprint with the default lanes and three columns. */
static sbp_blueprint *empty_blueprint(const char *path)
{
	sbp_blueprint *bp = blueprint_new();
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	/* The title comes from the file name: keep only what a blueprint may
	 * hold (valid UTF-8, no control characters). */
	sbp_buf t;
	buf_init(&t);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = utf8_decode(base + i, n - i, &cp);
		if (cp >= 0x20 && !(cp >= 0x7F && cp <= 0x9F) && cp != 0xFFFD)
			buf_add(&t, base + i, k);
		i += k;
	}
	bp->title = buf_steal(&t);
	blueprint_add_default_lanes(bp);
	blueprint_insert_column(bp, (size_t)-1, column_new("before", "Before", NULL));
	blueprint_insert_column(bp, (size_t)-1, column_new("during", "During", NULL));
	blueprint_insert_column(bp, (size_t)-1, column_new("after", "After", NULL));
	return bp;
}

static void list_templates(FILE *out)
{
	for (size_t i = 0; i < sbp_n_templates; i++)
		fprintf(out, "  %-20s %s\n", sbp_templates[i].name, sbp_templates[i].title);
}

int cmd_new(int argc, char **argv)
{
	const char *tname = NULL, *path = NULL;
	sbp_blueprint *bp;
	sbp_diags d;

	for (int i = 1; i < argc; i++) {
		if ((!strcmp(argv[i], "-t") || !strcmp(argv[i], "--template")) && i + 1 < argc) {
			tname = argv[++i];
		} else if (!strcmp(argv[i], "--list")) {
			list_templates(stdout);
			return 0;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, _("sbp new: unknown option '%s'\n"), cli_safe(argv[i]));
			return 2;
		} else {
			path = argv[i];
		}
	}
	if (!path) {
		fprintf(stderr, _("usage: sbp new [-t TEMPLATE] FILE\ntemplates:\n"));
		list_templates(stderr);
		return 2;
	}
	diags_init(&d);
	if (tname) {
		const sbp_template *t = NULL;
		for (size_t i = 0; i < sbp_n_templates; i++)
			if (!strcmp(sbp_templates[i].name, tname))
				t = &sbp_templates[i];
		if (!t) {
			fprintf(stderr, _("sbp new: no template '%s'; the templates are:\n"), cli_safe(tname));
			list_templates(stderr);
			return 2;
		}
		bp = sbp_load_buffer(t->yaml, t->len, NULL, &d);
		if (!bp) {
			cli_print_diags(stderr, t->name, &d);
			diags_free(&d);
			return 2;
		}
	} else {
		bp = empty_blueprint(path);
	}
	diags_free(&d);

	sbp_buf out;
	buf_init(&out);
	sbp_save_yaml(bp, &out);
	blueprint_free(bp);
	int status = 0;
	if (!strcmp(path, "-")) {
		fwrite(out.data, 1, out.len, stdout);
	} else {
		/* Never overwrite: create the file exclusively. */
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd < 0) {
			fprintf(stderr, _("sbp new: cannot create %s: %s\n"), cli_safe(path),
				errno == EEXIST ? _("it already exists (sbp new never overwrites)")
						: strerror(errno));
			status = 2;
		} else {
			size_t off = 0;
			while (off < out.len) {
				ssize_t n = write(fd, out.data + off, out.len - off);
				if (n < 0) {
					fprintf(stderr, _("sbp new: cannot write %s: %s\n"), cli_safe(path),
						strerror(errno));
					status = 2;
					unlink(path);
					break;
				}
				off += (size_t)n;
			}
			if (close(fd) != 0 && status == 0) {
				fprintf(stderr, _("sbp new: cannot write %s: %s\n"), cli_safe(path), strerror(errno));
				unlink(path);
				status = 2;
			}
		}
	}
	buf_free(&out);
	return status;
}
