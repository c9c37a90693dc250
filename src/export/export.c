/* The export dispatcher (export.h): pick the writer of a format, run it
 * into memory and write the result atomically (or to stdout). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export_internal.h"
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

/* Check the options that only some formats read. */
static bool check_opts(const export_opts *o, char *err, size_t errlen)
{
	static const char *const papers[] = {"a4", "a3", "a2", "a1", "a0", "letter", NULL};
	bool ok = !o->paper;

	for (size_t i = 0; !ok && papers[i]; i++)
		ok = !strcmp(o->paper, papers[i]);
	if (!ok) {
		snprintf(err, errlen, "unknown paper size '%s' (a4, a3, a2, a1, a0 or letter)", o->paper);
		return false;
	}
	if (o->what && strcmp(o->what, "steps") && strcmp(o->what, "standards") &&
	    strcmp(o->what, "flows") && strcmp(o->what, "sqi")) {
		snprintf(err, errlen, "unknown table '%s' (steps, standards, flows or sqi)", o->what);
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
	buf_init(&out);
	ok = writers[fi](bp, o, &out, err, errlen);
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
