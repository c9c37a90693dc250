/* Plain-text export: the grid as ASCII boxes for e-mail or a terminal,
 * in bands of a few columns so that no line is longer than 132
 * characters. Text is wrapped by display width (CJK-aware) and every
 * unsafe character is written as a visible escape: no escape sequence
 * ever reaches the reader's terminal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"

#define TXT_LANE_W 20 /* lane name column, borders excluded */
#define TXT_COL_W 27  /* one grid column, borders excluded */
#define TXT_MAX_W 132
#define TXT_STEP_LINES 5

typedef struct txt_ctx {
	const sbp_blueprint *bp;
	sbp_layout *wrap; /* scratch space for layout_wrap */
	const sbp_step **steps;
	size_t *start; /* grid order: column c is steps[start[c]..start[c+1]) */
	size_t *cursor; /* per column: first step not yet printed */
	sbp_buf cell[TXT_MAX_W / TXT_COL_W + 1]; /* the lines of each cell */
	size_t rows[TXT_MAX_W / TXT_COL_W + 1];
	sbp_buf tmp;
} txt_ctx;

/* Append text padded with spaces to width columns (cut with an ellipsis
 * when longer, keeping the last column blank). */
static void txt_pad(sbp_buf *out, txt_ctx *t, const char *s, size_t len, size_t width)
{
	size_t n;
	const char *c = esc_clean(&t->tmp, s, len, &n, false);
	size_t w = sanitize_fit(out, c, n, width - 1);
	for (; w < width; w++)
		buf_putc(out, ' ');
}

/* Append a horizontal rule over ncols columns: fill is '-' or '=', with
 * '+' where a column border meets it, label (may be NULL) written in. */
static void txt_rule(sbp_buf *out, size_t ncols, char fill, const char *label)
{
	size_t w = TXT_LANE_W + ncols * (TXT_COL_W + 1) + 1, i = 1;

	buf_putc(out, '+');
	if (label) {
		buf_printf(out, "%c%c %s ", fill, fill, label);
		i += strlen(label) + 4;
	}
	for (; i < w; i++) {
		bool border = i >= TXT_LANE_W + 1 && (i - TXT_LANE_W - 1) % (TXT_COL_W + 1) == 0;
		buf_putc(out, border && !label ? '+' : fill);
	}
	buf_puts(out, "+\n");
}

/* Wrap s into cell lines of the given width, with a prefix on the first
 * line and an indent on the others; returns the lines added. */
static size_t txt_wrap(txt_ctx *t, sbp_buf *cell, const char *prefix, const char *s,
		       size_t width, size_t maxlines)
{
	size_t n0 = t->wrap->nlines, pw = strlen(prefix);
	size_t n = layout_wrap(t->wrap, s, strlen(s), width - pw, maxlines);

	if (n == 0 && pw) { /* an empty step still shows its bullet */
		buf_printf(cell, "%s\n", prefix);
		return 1;
	}

	for (size_t i = 0; i < n; i++) {
		const lay_text *ln = &t->wrap->lines[n0 + i];
		size_t cn;
		const char *c = esc_clean(&t->tmp, ln->s, ln->len, &cn, false);
		if (i == 0)
			buf_puts(cell, prefix);
		for (size_t k = 0; i > 0 && k < pw; k++)
			buf_putc(cell, ' ');
		buf_add(cell, c, cn);
		if (ln->ellipsis)
			buf_puts(cell, "\xE2\x80\xA6");
		buf_putc(cell, '\n');
	}
	t->wrap->nlines = n0;
	return n;
}

/* Print one lane for columns c0..c1-1. */
static void txt_lane(sbp_buf *out, txt_ctx *t, size_t l, size_t c0, size_t c1)
{
	const sbp_lane *ln = t->bp->lanes.items[l];
	size_t rows = 0;
	sbp_buf head;

	buf_init(&head);
	size_t hn = txt_wrap(t, &head, "", ln->name, TXT_LANE_W - 2, 3);
	buf_printf(&head, "(%s)\n", term_zone_now(ln->zone));
	hn++;
	for (size_t c = c0; c < c1; c++) {
		sbp_buf *cell = &t->cell[c - c0];
		size_t n = 0;
		buf_reset(cell);
		while (t->cursor[c] < t->start[c + 1] && t->steps[t->cursor[c]]->lane == ln) {
			const sbp_step *s = t->steps[t->cursor[c]++];
			char pre[16];
			bool flag = step_is_flagged(s);
			snprintf(pre, sizeof pre, "* %s%s%s%s", flag ? "!" : "", s->fail ? "F" : "",
				 s->wait ? "W" : "", flag || s->fail || s->wait ? " " : "");
			n += txt_wrap(t, cell, pre, s->text, TXT_COL_W - 2, TXT_STEP_LINES);
		}
		t->rows[c - c0] = n;
		if (n > rows)
			rows = n;
	}
	if (hn > rows)
		rows = hn;
	const char *hp = head.data;
	const char *cp[TXT_MAX_W / TXT_COL_W + 1];
	for (size_t c = c0; c < c1; c++)
		cp[c - c0] = t->cell[c - c0].data;
	for (size_t r = 0; r < rows; r++) {
		const char *e = hp && *hp ? strchr(hp, '\n') : NULL;
		buf_puts(out, "| ");
		txt_pad(out, t, e ? hp : "", e ? (size_t)(e - hp) : 0, TXT_LANE_W - 1);
		hp = e ? e + 1 : NULL;
		for (size_t c = c0; c < c1; c++) {
			const char *p = cp[c - c0];
			e = p && *p ? strchr(p, '\n') : NULL;
			buf_puts(out, "| ");
			/* cell lines are clean already: pad them by width */
			size_t len = e ? (size_t)(e - p) : 0;
			buf_add(out, p ? p : "", len);
			for (size_t w = utf8_width(p ? p : "", len); w < TXT_COL_W - 1; w++)
				buf_putc(out, ' ');
			cp[c - c0] = e ? e + 1 : NULL;
		}
		buf_puts(out, "|\n");
	}
	buf_free(&head);
}

/* Print the band of columns c0..c1-1: phase and column headers, lanes. */
static void txt_band(sbp_buf *out, txt_ctx *t, size_t c0, size_t c1)
{
	const sbp_blueprint *bp = t->bp;
	size_t nc = c1 - c0;

	txt_rule(out, nc, '-', NULL);
	for (int row = 0; row < 2; row++) {
		buf_puts(out, "| ");
		txt_pad(out, t, row ? "" : term_tr("Phase"), row ? 0 : strlen(term_tr("Phase")), TXT_LANE_W - 1);
		for (size_t c = c0; c < c1; c++) {
			const sbp_column *col = bp->columns.items[c];
			const char *s = col->name;
			if (row == 0) {
				const char *prev = c > c0 ? bp->columns.items[c - 1]->phase : NULL;
				s = col->phase && (!prev || strcmp(prev, col->phase)) ? col->phase : "";
			}
			buf_puts(out, "| ");
			txt_pad(out, t, s, strlen(s), TXT_COL_W - 1);
		}
		buf_puts(out, "|\n");
	}
	for (size_t l = 0; l < bp->lanes.n; l++) {
		buf_reset(&t->tmp);
		for (int z = l ? (int)bp->lanes.items[l - 1]->zone + 1 : ZONE_COUNT;
		     z <= (int)bp->lanes.items[l]->zone; z++) {
			const char *name = term_line_above(term_now(), (sbp_zone)z);
			if (name)
				buf_printf(&t->tmp, "%s%s", t->tmp.len ? " / " : "", name);
		}
		char *label = t->tmp.len ? xstrdup(t->tmp.data) : NULL;
		txt_rule(out, nc, label ? '=' : '-', label);
		free(label);
		txt_lane(out, t, l, c0, c1);
	}
	txt_rule(out, nc, '-', NULL);
	buf_putc(out, '\n');
}

/* Write the plain-text grid, bands of columns one after another. */
bool export_txt(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out,
		char *err, size_t errlen)
{
	(void)o;
	(void)err;
	(void)errlen;
	txt_ctx t = {.bp = bp};
	sbp_summary sum;
	size_t per = (TXT_MAX_W - TXT_LANE_W - 3) / (TXT_COL_W + 1);

	t.wrap = layout_new(&(sbp_blueprint){0}, NULL);
	buf_init(&t.tmp);
	for (size_t i = 0; i <= per; i++)
		buf_init(&t.cell[i]);
	t.steps = export_group_steps(bp, GROUP_GRID, &t.start);
	t.cursor = xmalloc((bp->columns.n + 1) * sizeof *t.cursor);
	memcpy(t.cursor, t.start, (bp->columns.n + 1) * sizeof *t.cursor);
	check_summary(bp, &sum);

	const char *title = bp->title ? bp->title : term_tr("Service blueprint");
	txt_wrap(&t, out, "", title, TXT_MAX_W, 0);
	if (bp->description)
		txt_wrap(&t, out, "", bp->description, TXT_MAX_W, 0);
	buf_printf(out, term_tr("%zu steps, %zu encounter steps, %zu without a standard (!), "
		   "encounter coverage %s, %zu fail points (F), %zu wait points (W)\n\n"),
		   sum.steps, sum.encounters, sum.unstandardized,
		   check_coverage_text(&sum, 0, (char[16]){0}),
		   sum.fail_points, sum.wait_points);
	for (size_t c = 0; c < bp->columns.n; c += per)
		txt_band(out, &t, c, c + per < bp->columns.n ? c + per : bp->columns.n);
	if (bp->flows.n)
		buf_puts(out, term_tr("Flows:\n"));
	for (size_t i = 0; i < bp->flows.n; i++) {
		const sbp_flow *f = bp->flows.items[i];
		buf_printf(out, "  %s -> %s", f->from->id, f->to->id);
		if (f->label) {
			buf_puts(out, " (");
			size_t n;
			const char *c = esc_clean(&t.tmp, f->label, strlen(f->label), &n, false);
			buf_add(out, c, n);
			buf_putc(out, ')');
		}
		buf_putc(out, '\n');
	}
	buf_puts(out, term_tr("\nLegend: ! encounter step without a standard, F fail point, W wait point; "
		      "== lines: interaction, visibility, internal interaction.\n"));
	for (size_t i = 0; i <= per; i++)
		buf_free(&t.cell[i]);
	buf_free(&t.tmp);
	free(t.steps);
	free(t.start);
	free(t.cursor);
	layout_free(t.wrap);
	return true;
}
