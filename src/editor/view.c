/* What the editor shows: results and messages, the selection and the
 * viewport, the counts of the status line, and the text of a card. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/check.h"
#include "internal.h"

/* Set the message from a format. */
static void set_msg(editor *ed, bool error, const char *fmt, va_list ap)
{
	vsnprintf(ed->msg, sizeof ed->msg, fmt, ap);
	ed->msg_error = error;
}

/* A successful result; fmt NULL keeps no message. */
ed_result ed_ok(editor *ed, unsigned rd, const char *fmt, ...)
{
	if (fmt) {
		va_list ap;
		va_start(ap, fmt);
		set_msg(ed, false, fmt, ap);
		va_end(ap);
	}
	return (ed_result){ ED_OK, ed->msg, rd | RD_MSG };
}

/* A failed result: the message says why, nothing changed. */
ed_result ed_err(editor *ed, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_msg(ed, true, fmt, ap);
	va_end(ap);
	return (ed_result){ ED_ERROR, ed->msg, RD_MSG };
}

/* A failure whose message is already set. */
ed_result ed_failed(editor *ed)
{
	ed->msg_error = true;
	return (ed_result){ ED_ERROR, ed->msg, RD_MSG };
}

/* A result that leaves the message alone. */
ed_result ed_done(editor *ed, unsigned rd)
{
	return (ed_result){ ED_OK, ed->msg, rd };
}

/* The serial of the history's top done group: one per state. */
size_t ed_state_key(const editor *ed)
{
	const edit_history *h = &ed->hist;
	return h->pos > 0 ? h->groups.items[h->pos - 1]->serial : 0;
}

/* Rebuild what depends on the model when it changed; fix the selection. */
void ed_sync(editor *ed)
{
	size_t key = ed_state_key(ed);
	if (!ed->sum_valid || key != ed->sum_key ||
	    ed->grid.nlanes != ed->bp->lanes.n ||
	    ed->grid.ncols != ed->bp->columns.n) {
		/* A change the live state did not follow: start it over. */
		ed_live_reset(ed);
	}
	if (ed->lane >= ed->grid.nlanes)
		ed->lane = ed->grid.nlanes ? ed->grid.nlanes - 1 : 0;
	if (ed->col >= ed->grid.ncols)
		ed->col = ed->grid.ncols ? ed->grid.ncols - 1 : 0;
	size_t n = grid_cell_count(&ed->grid, ed->lane, ed->col);
	if (ed->idx >= n)
		ed->idx = n ? n - 1 : 0;
	ed_scroll_to_sel(ed);
}

/* Up-to-date counts. */
const sbp_summary *editor_summary(editor *ed)
{
	ed_sync(ed);
	return &ed->sum;
}

/* The selected step, or NULL. */
sbp_step *editor_step(editor *ed)
{
	return grid_cell_step(&ed->grid, ed->lane, ed->col, ed->idx);
}

/* Select a step and bring it into view. */
void editor_select(editor *ed, const sbp_step *s)
{
	ed_sync(ed);
	ed->lane = s->lane->idx;
	ed->col = s->column->idx;
	ed->idx = grid_step_index(&ed->grid, s);
	ed_scroll_to_sel(ed);
}

/* Rows between the headers and the hint bar or status line: what a
 * panel covers (the grid's body is this minus a bottom detail pane). */
size_t editor_body_rows(const editor *ed)
{
	ed_view *v = editor_view((editor *)ed);
	int r = v->body_h + (v->pane_x == 0 ? v->pane_h : 0);
	return r > 1 ? (size_t)r : 1;
}

/* The lane-name area. */
int editor_label_w(const editor *ed)
{
	return editor_view((editor *)ed)->label_w;
}

/* A grid column with its gutter. */
int editor_col_w(const editor *ed)
{
	return editor_view((editor *)ed)->col_w;
}

/* Grid columns that fit entirely at the current size. */
size_t editor_visible_cols(const editor *ed)
{
	return editor_view((editor *)ed)->vis_cols;
}

/* Move the viewport so the whole selected card shows, with its lane's
 * first line and the rule above it when they fit. */
void ed_scroll_to_sel(editor *ed)
{
	ed_view *v = editor_view(ed);
	size_t rows = v->body_h > 1 ? (size_t)v->body_h : 1, vis = v->vis_cols;
	if (v->nlanes && ed->lane < v->nlanes) {
		size_t line, h;
		editor_sel_lines(ed, &line, &h);
		size_t want = v->lane_y[ed->lane], end = line + h;
		if (ed->lane > 0 && want > v->lane_y[ed->lane - 1] + v->lane_h[ed->lane - 1])
			want--; /* the rule above */
		if (line < ed->top)
			ed->top = end - want <= rows ? want : line;
		if (end > ed->top + rows)
			ed->top = end > rows ? end - rows : 0;
		if (line < ed->top)
			ed->top = line; /* a card taller than the screen: its start */
		if (v->height <= rows)
			ed->top = 0;
		else if (ed->top > v->height - rows)
			ed->top = v->height - rows;
	}
	if (ed->col < ed->left)
		ed->left = ed->col;
	if (ed->col >= ed->left + vis)
		ed->left = ed->col - vis + 1;
}

/* The terminal changed size. */
void editor_resize(editor *ed, int cols, int rows)
{
	ed->cols = cols;
	ed->rows = rows;
	ed_scroll_to_sel(ed);
}

/* A click on the grid selects the cell (and step) under it. */
ed_result editor_click(editor *ed, int x, int y)
{
	if (ed->mode != MODE_NORMAL && ed->mode != MODE_CONNECT)
		return ed_done(ed, RD_NONE);
	size_t lane, col, idx;
	if (!editor_view_hit(ed, y, x, &lane, &col, &idx))
		return ed_done(ed, RD_NONE);
	ed->lane = lane;
	ed->col = col;
	ed->idx = idx;
	ed_scroll_to_sel(ed);
	ed->msg[0] = '\0';
	if (ed->mode == MODE_CONNECT) /* picking a flow's target */
		return connect_picked(ed);
	return ed_done(ed, RD_ALL);
}

/* The SQI text ("SQI 12 (+3)"), from the series' last two points; empty
 * when no measurement records failures. Computed once per state. */
static void sqi_text(editor *ed, sbp_buf *out, bool brief)
{
	ed_view *v = editor_view(ed);
	size_t key = ed_state_key(ed);
	if (!v->sqi_valid || v->sqi_key != key) {
		sbp_sqi_point *pts = NULL;
		v->sqi_n = blueprint_sqi(ed->bp, &pts);
		v->sqi_last = v->sqi_n ? pts[v->sqi_n - 1].points : 0;
		v->sqi_prev = v->sqi_n > 1 ? pts[v->sqi_n - 2].points : 0;
		free(pts);
		v->sqi_key = key;
		v->sqi_valid = true;
	}
	if (!v->sqi_n)
		return;
	buf_printf(out, _("SQI %g"), v->sqi_last);
	if (v->sqi_n > 1 && !brief)
		buf_printf(out, " (%+g)", v->sqi_last - v->sqi_prev);
	buf_puts(out, "  ");
}

/* The status line: file and flags at the left, then the selected place,
 * counts at the right (short when the place needs the room). */
void editor_status_line(editor *ed, size_t width, sbp_buf *left, sbp_buf *right)
{
	const sbp_summary *s = editor_summary(ed);
	buf_putc(left, ' ');
	ed_fit(left, editor_file_name(ed), width > 40 ? width / 4 : 10, false);
	if (editor_modified(ed))
		buf_puts(left, " [+]");
	if (ed->readonly)
		buf_puts(left, " [RO]");
	char cov[16];
	check_coverage_text(s, 0, cov);
	sbp_buf r, pos;
	buf_init(&r);
	buf_init(&pos);
	if (ed->lane < ed->bp->lanes.n && ed->col < ed->bp->columns.n) {
		buf_printf(&pos, "%s / %s", ed->bp->lanes.items[ed->lane]->name,
			   ed->bp->columns.items[ed->col]->name);
		size_t n = grid_cell_count(&ed->grid, ed->lane, ed->col);
		if (n > 1)
			buf_printf(&pos, " [%zu/%zu]", ed->idx + 1, n);
	}
	size_t lw = utf8_width(left->data, left->len);
	sqi_text(ed, &r, false);
	buf_printf(&r, P_("%zu step", "%zu steps", s->steps), s->steps);
	buf_puts(&r, "  ");
	buf_printf(&r, P_("%zu encounter", "%zu encounters", s->encounters), s->encounters);
	buf_puts(&r, "  ");
	buf_printf(&r, _("%zu flagged  %s covered "), s->unstandardized, cov);
	if (lw + utf8_width(r.data, r.len) + 14 > width) { /* the place first */
		buf_reset(&r);
		sqi_text(ed, &r, true);
		buf_printf(&r, _("%zu st %zu enc %zu flagged %s "), s->steps,
			   s->encounters, s->unstandardized, cov);
	}
	buf_add(right, r.data, r.len);
	size_t used = lw + utf8_width(r.data, r.len);
	if (pos.len && used + 8 < width) {
		buf_puts(left, "  ");
		ed_fit(left, pos.data, width - used - 3, false);
	}
	buf_free(&r);
	buf_free(&pos);
}

/* A card: the '!' or standards count, F, W, a blank, then the text. */
void editor_card(editor *ed, const sbp_step *s, size_t width, sbp_buf *out)
{
	(void)ed;
	char m[5] = "    ";
	card_markers(s, m);
	m[3] = ' ';
	if (width <= 4) {
		buf_add(out, m, width);
		return;
	}
	buf_add(out, m, 4);
	ed_fit(out, s->text, width - 4, true);
}

/* Push a mode over the current one. */
void ed_push_mode(editor *ed, ed_mode m)
{
	if (ed->mode_depth < (int)(sizeof ed->mode_stack / sizeof *ed->mode_stack))
		ed->mode_stack[ed->mode_depth++] = ed->mode;
	ed->mode = m;
}

/* Return to the mode under the current one. */
void ed_pop_mode(editor *ed)
{
	ed->mode = ed->mode_depth > 0 ? ed->mode_stack[--ed->mode_depth] : MODE_NORMAL;
}
