/* What every subcommand shares: the options taken before dispatch
 * (--max-size, parsed here and nowhere else), the exit check of standard
 * output, colour, safe printing of names and the capped listing of
 * diagnostics. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sbp/cli.h"
#include "sbp/i18n.h"
#include "sbp/io.h"
#include "sbp/utf8.h"

/* The largest --max-size: a terabyte is already far past any blueprint. */
#define CLI_MAX_SIZE_CAP ((unsigned long long)1 << 40)

static sbp_limits limits;
static bool limits_set;

const sbp_limits *cli_limits(void)
{
	if (!limits_set) {
		sbp_limits_default(&limits);
		limits_set = true;
	}
	return &limits;
}

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

const char *cli_parse_size(const char *s, size_t *out)
{
	unsigned long long v = 0;
	const char *p = s;
	int shift = 0;

	if (*p < '0' || *p > '9')
		return _("give a whole number of bytes, or of K, M or G (for example 512M)");
	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > CLI_MAX_SIZE_CAP)
			break; /* already too large; no overflow below */
		v = v * 10 + (unsigned)(*p - '0');
	}
	while (*p >= '0' && *p <= '9')
		p++;
	switch (*p) {
	case 'k': case 'K': shift = 10; p++; break;
	case 'm': case 'M': shift = 20; p++; break;
	case 'g': case 'G': shift = 30; p++; break;
	default: break;
	}
	if (*p)
		return _("give a whole number of bytes, or of K, M or G (for example 512M)");
	if (v == 0)
		return _("the size must be at least one byte");
	if (v > (CLI_MAX_SIZE_CAP >> shift))
		return _("the size is too large (at most 1024G)");
	*out = (size_t)(v << shift);
	return NULL;
}

int cli_take_options(int *argc, char **argv)
{
	sbp_limits *lim = (sbp_limits *)cli_limits();
	int out = 1;

	for (int i = 1; i < *argc; i++) {
		const char *a = argv[i], *v = NULL;
		if (!strcmp(a, "--")) {
			while (i < *argc)
				argv[out++] = argv[i++];
			break;
		}
		if (!strncmp(a, "--max-size=", 11)) {
			v = a + 11;
		} else if (!strcmp(a, "--max-size")) {
			if (i + 1 >= *argc) {
				fprintf(stderr, _("sbp: --max-size needs a size (for example 512M)\n"));
				return 2;
			}
			v = argv[++i];
		} else {
			argv[out++] = argv[i];
			continue;
		}
		const char *why = cli_parse_size(v, &lim->max_file_size);
		if (why) {
			fprintf(stderr, _("sbp: bad --max-size '%s': %s\n"), cli_safe(v), why);
			return 2;
		}
	}
	*argc = out;
	argv[out] = NULL;
	return 0;
}

int cli_finish(int status)
{
	int e = fflush(stdout) != 0 ? errno : 0;
	if (e)
		fprintf(stderr, _("sbp: cannot write to standard output: %s\n"), strerror(e));
	else if (ferror(stdout)) /* an earlier write failed; its errno is gone */
		fprintf(stderr, _("sbp: cannot write to standard output: a write failed\n"));
	else
		return status;
	return status > 2 ? status : 2;
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
	diags_print(out, file, d, cli_limits()->max_diags, cli_use_color(out));
}

/* The canonical YAML of a document that merge or import built, through
 * the loader and writer; false when it does not load (why, if not NULL,
 * then its problems under name, on stderr). */
bool cli_document_text(const sbp_node *doc, const char *name, const char *why,
		       sbp_buf *out)
{
	sbp_buf raw;
	sbp_diags d;

	buf_init(&raw);
	diags_init(&d);
	yaml_emit(doc, &raw);
	sbp_blueprint *bp = sbp_load_buffer(raw.data ? raw.data : "", raw.len, NULL, &d);
	if (bp) {
		sbp_save_yaml(bp, out);
	} else {
		if (why)
			fputs(why, stderr);
		cli_print_diags(stderr, name, &d);
	}
	blueprint_free(bp);
	diags_free(&d);
	buf_free(&raw);
	return bp != NULL;
}
