/* The export dispatcher (export.h): pick the writer of a format, run it
 * into memory and write the result atomically (or to stdout). */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export_internal.h"
#include "sbp/i18n.h"
#include "sbp/io.h"

const char *const export_formats[] = {
	"svg", "pdf", "png", "html", "md", "csv", "drawio", "dot", "mermaid",
	"json", "txt", NULL,
};

/* The writer of each format, in the order of export_formats. */
static const export_writer writers[] = {
	export_svg, export_pdf, export_png, export_html, export_md, export_csv,
	export_drawio, export_dot, export_mermaid, export_json, export_txt,
};

/* Counting sort of n steps from src into dst by lane or column index;
 * start as in export_group_steps. Returns how many were kept. */
static size_t group_pass(const sbp_step **src, size_t n, bool by_lane, size_t ng,
			 const sbp_step **dst, size_t *start)
{
	for (size_t i = 0; i < n; i++) {
		const sbp_step *s = src[i];
		size_t g = by_lane ? (s->lane ? s->lane->idx : ng) : (s->column ? s->column->idx : ng);
		if (g < ng)
			start[g + 2]++;
	}
	for (size_t g = 0; g < ng; g++)
		start[g + 2] += start[g + 1];
	for (size_t i = 0; i < n; i++) {
		const sbp_step *s = src[i];
		size_t g = by_lane ? (s->lane ? s->lane->idx : ng) : (s->column ? s->column->idx : ng);
		if (g < ng)
			dst[start[g + 1]++] = s;
	}
	return start[ng];
}

/* Group the steps by lane, column or grid cell (counting sorts). */
const sbp_step **export_group_steps(const sbp_blueprint *bp, export_group how, size_t **startp)
{
	size_t nl = bp->lanes.n, nc = bp->columns.n, n = bp->steps.n;
	const sbp_step **src = (const sbp_step **)bp->steps.items;
	const sbp_step **items = xmalloc((n + 1) * sizeof *items);
	size_t *start;

	if (how == GROUP_GRID) {
		const sbp_step **tmp = xmalloc((n + 1) * sizeof *tmp);
		start = xcalloc(nl + 2, sizeof *start);
		n = group_pass(src, n, true, nl, tmp, start);
		free(start);
		start = xcalloc(nc + 2, sizeof *start);
		group_pass(tmp, n, false, nc, items, start);
		free(tmp);
	} else {
		size_t ng = how == GROUP_LANE ? nl : nc;
		start = xcalloc(ng + 2, sizeof *start);
		group_pass(src, n, how == GROUP_LANE, ng, items, start);
	}
	*startp = start;
	return items;
}

/* Index of format in export_formats, or -1. */
static int format_index(const char *format)
{
	for (int i = 0; format && export_formats[i]; i++)
		if (!strcmp(format, export_formats[i]))
			return i;
	return -1;
}

/* Is format one of export_formats? */
bool export_format_known(const char *format)
{
	return format_index(format) >= 0;
}

/* Pass a warning to the caller's callback. */
void export_warn(const export_opts *o, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	if (!o || !o->warn)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	o->warn(o->warn_ctx, msg);
}

/* Warn about cut text and labels that overlap something. */
void export_warn_layout(const export_opts *o, const sbp_layout *lay)
{
	if (lay->ncut) {
		sbp_buf tmp;
		size_t n, len = lay->cut_first_len > 60 ? 60 : lay->cut_first_len;
		buf_init(&tmp);
		while (len < lay->cut_first_len && (lay->cut_first[len] & 0xC0) == 0x80)
			len++; /* whole characters */
		const char *t = esc_clean(&tmp, lay->cut_first, len, &n, false);
		export_warn(o, P_("%zu text did not fit and was cut or broken inside a word: \"%.*s\"",
				  "%zu texts did not fit and were cut or broken inside a word; the first: \"%.*s\"",
				  lay->ncut),
			    lay->ncut, (int)n, t);
		buf_free(&tmp);
	}
	if (lay->nclash)
		export_warn(o, P_("%zu flow label could not be placed clear of cards, lines and other labels",
				  "%zu flow labels could not be placed clear of cards, lines and other labels",
				  lay->nclash),
			    lay->nclash);
}

/* Does the option apply to format fi? Warn when it does not. */
static void warn_unused(const export_opts *o, const char *format)
{
	bool pdf = !strcmp(format, "pdf"), png = !strcmp(format, "png");

	if (o->tile && !pdf)
		export_warn(o, _("--tile applies to pdf only; ignored for %s"), format);
	if (o->fit > 0 && !pdf)
		export_warn(o, _("--fit applies to pdf only; ignored for %s"), format);
	if (o->pages_cols > 0 && !pdf)
		export_warn(o, _("--pages applies to pdf only; ignored for %s"), format);
	if (o->with_tables && !pdf)
		export_warn(o, _("--with-tables applies to pdf only; ignored for %s"), format);
	if (o->paper && !pdf)
		export_warn(o, _("--paper applies to pdf only; ignored for %s"), format);
	if (o->scale > 0 && !pdf && !png)
		export_warn(o, _("--scale applies to png and pdf only; ignored for %s"), format);
	if (o->scale > 0 && pdf && !o->tile && o->fit <= 0 && o->pages_cols <= 0)
		export_warn(o, _("--scale applies to pdf with --tile only; ignored"));
	if (o->what && strcmp(format, "csv"))
		export_warn(o, _("--what applies to csv only; ignored for %s"), format);
}

/* Check the options that only some formats read. */
static bool check_opts(const export_opts *o, char *err, size_t errlen)
{
	static const char *const papers[] = {"a4", "a3", "a2", "a1", "a0", "letter", NULL};
	bool ok = !o->paper;

	for (size_t i = 0; !ok && papers[i]; i++)
		ok = !strcasecmp(o->paper, papers[i]);
	if (!ok) {
		snprintf(err, errlen, "unknown paper size '%s' (a4, a3, a2, a1, a0 or letter)", o->paper);
		return false;
	}
	static const char *const tables[] = {"all", "steps", "standards", "flows", "lanes", "columns",
					     "measurements", "blueprint", "sqi", NULL};
	ok = !o->what;
	for (size_t i = 0; !ok && tables[i]; i++)
		ok = !strcmp(o->what, tables[i]);
	if (!ok) {
		snprintf(err, errlen, _("unknown table '%s' (all, steps, standards, flows, lanes, columns, measurements, blueprint or sqi)"), o->what);
		return false;
	}
	if (!(o->fit >= 0 && o->fit <= 100)) {
		snprintf(err, errlen, _("--fit must be a text size in points, above 0 and at most 100"));
		return false;
	}
	if (o->pages_cols < 0 || o->pages_rows < 0 || o->pages_cols > 100 || o->pages_rows > 100 ||
	    (o->pages_cols > 0) != (o->pages_rows > 0)) {
		snprintf(err, errlen, _("--pages must be COLSxROWS, each from 1 to 100"));
		return false;
	}
	if (!(o->scale >= 0 && o->scale <= 50)) {
		snprintf(err, errlen, "scale must be a number from 0 to 50");
		return false;
	}
	return true;
}

/* Write data to path when it is a character device (-o /dev/null,
 * /dev/stdout on a terminal): there is nothing to replace atomically.
 * Returns -1 when path is not one (the caller saves it as a file), else
 * 1 written or 0 failed with err set. */
static int write_device(const char *path, const char *data, size_t len, char *err,
			size_t errlen)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISCHR(st.st_mode))
		return -1;
	int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISCHR(st.st_mode)) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		else if (e != ENOENT) {
			snprintf(err, errlen, "cannot write to %s: %s", path, strerror(e));
			return 0;
		}
		return -1;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	for (size_t off = 0; off < len;) {
		ssize_t n = write(fd, data + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			snprintf(err, errlen, "cannot write to %s: %s", path,
				 strerror(n < 0 ? errno : EIO));
			close(fd);
			return 0;
		}
		off += (size_t)n;
	}
	if (close(fd) != 0) {
		snprintf(err, errlen, "cannot write to %s: %s", path, strerror(errno));
		return 0;
	}
	return 1;
}

/* Run the format's writer and write the result atomically or to stdout. */
bool export_blueprint(const sbp_blueprint *bp, const char *format,
		      const export_opts *opts, const char *out_path,
		      char *err, size_t errlen)
{
	static const export_opts defaults = {0};
	const export_opts *o = opts ? opts : &defaults;
	int fi = format_index(format);
	sbp_buf out;
	bool ok;

	if (fi < 0) {
		snprintf(err, errlen, "unknown export format '%s'", format ? format : "");
		return false;
	}
	if (!check_opts(o, err, errlen))
		return false;
	warn_unused(o, format);
	buf_init(&out);
	/* Every word the export writes around the user's text, and the check
	 * messages it embeds, in the blueprint's language (SPEC 7.5). */
	term_lang was = term_now();
	term_set_now(term_lang_resolve(bp->lang));
	void *msgs = term_messages_begin(term_now());
	ok = writers[fi](bp, o, &out, err, errlen);
	term_messages_end(msgs);
	term_set_now(was);
	if (ok) {
		if (!out_path || !strcmp(out_path, "-")) {
			if (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout) != 0) {
				snprintf(err, errlen, "cannot write to standard output: %s", strerror(errno));
				ok = false;
			}
		} else {
			int dev = write_device(out_path, out.data, out.len, err, errlen);
			ok = dev >= 0 ? dev == 1 : atomic_write(out_path, out.data, out.len, err, errlen);
		}
	}
	buf_free(&out);
	return ok;
}
