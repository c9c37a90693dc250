/* What the editor shows: results and messages, the selection and the
 * viewport, the counts of the status line, and the text of a card. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "sbp/check.h"
#include "sbp/i18n.h"
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

/* Body rows at the current terminal size. */
size_t editor_body_rows(const editor *ed)
{
	int r = ed->rows - ED_HEAD_ROWS - ED_FOOT_ROWS;
	return r > 1 ? (size_t)r : 1;
}

/* The lane-name area: wider on wide terminals. */
int editor_label_w(const editor *ed)
{
	return ed->cols >= 120 ? ED_LABEL_W_WIDE : ED_LABEL_W;
}

/* A grid column: ED_COL_W, widened up to ED_COL_W_MAX when all fit. */
int editor_col_w(const editor *ed)
{
	size_t n = ed->bp->columns.n ? ed->bp->columns.n : 1;
	int w = (ed->cols - editor_label_w(ed)) / (int)n;
	return w < ED_COL_W ? ED_COL_W : w > ED_COL_W_MAX ? ED_COL_W_MAX : w;
}

/* Grid columns that fit entirely at the current size. */
size_t editor_visible_cols(const editor *ed)
{
	int c = (ed->cols - editor_label_w(ed)) / editor_col_w(ed);
	return c > 1 ? (size_t)c : 1;
}

/* Move the viewport so the selected cell shows, with its lane's label
 * and the rule above it when they fit. */
void ed_scroll_to_sel(editor *ed)
{
	const ed_grid *g = &ed->grid;
	size_t rows = editor_body_rows(ed), vis = editor_visible_cols(ed);
	if (g->nlanes) {
		size_t row = g->lane_top[ed->lane] + ed->idx;
		size_t want = g->lane_top[ed->lane];
		if (ed->lane > 0 && want > g->lane_top[ed->lane - 1] +
					    g->lane_rows[ed->lane - 1])
			want--; /* the rule above */
		if (row < ed->top)
			ed->top = row - want < rows ? want : row;
		if (row >= ed->top + rows)
			ed->top = row - rows + 1;
		if (g->height <= rows)
			ed->top = 0;
		else if (ed->top > g->height - rows)
			ed->top = g->height - rows;
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
	if (ed->mode != MODE_NORMAL)
		return ed_done(ed, RD_NONE);
	if (y < ED_HEAD_ROWS || y >= ED_HEAD_ROWS + (int)editor_body_rows(ed) ||
	    x < editor_label_w(ed))
		return ed_done(ed, RD_NONE);
	size_t row = ed->top + (size_t)(y - ED_HEAD_ROWS), lane, sub;
	size_t col = ed->left + (size_t)(x - editor_label_w(ed)) / (size_t)editor_col_w(ed);
	if (row >= ed->grid.height || col >= ed->grid.ncols ||
	    !grid_row_lane(&ed->grid, row, &lane, &sub))
		return ed_done(ed, RD_NONE);
	size_t n = grid_cell_count(&ed->grid, lane, col);
	ed->lane = lane;
	ed->col = col;
	ed->idx = sub < n ? sub : (n ? n - 1 : 0);
	ed_scroll_to_sel(ed);
	ed->msg[0] = '\0';
	return ed_done(ed, RD_ALL);
}

/* The status line: file and flags at the left, counts at the right. */
void editor_status_line(editor *ed, size_t width, sbp_buf *left, sbp_buf *right)
{
	const sbp_summary *s = editor_summary(ed);
	buf_putc(left, ' ');
	ed_fit(left, editor_file_name(ed), width > 40 ? width / 3 : 12, false);
	if (editor_modified(ed))
		buf_puts(left, " [+]");
	if (ed->readonly)
		buf_puts(left, " [RO]");
	char cov[16];
	snprintf(cov, sizeof cov, "%.0f%%", s->coverage);
	sbp_buf r;
	buf_init(&r);
	char nsteps[48], nenc[48];
	snprintf(nsteps, sizeof nsteps, P_("%zu step", "%zu steps", s->steps), s->steps);
	snprintf(nenc, sizeof nenc, P_("%zu encounter", "%zu encounters", s->encounters),
		 s->encounters);
	/* TRANSLATORS: the status line's counts: "30 steps", "9 encounters",
	 * the number of flagged encounters, the coverage ("67%") */
	buf_printf(&r, _("%s  %s  %zu flagged  %s covered "), nsteps, nenc,
		   s->unstandardized, cov);
	if (left->len + r.len + 2 > width) {
		buf_reset(&r);
		buf_printf(&r, _("%zu st %zu enc %zu flagged %s "), s->steps,
			   s->encounters, s->unstandardized, cov);
	}
	buf_add(right, r.data, r.len);
	buf_free(&r);
	/* the selected place, when there is room between */
	size_t used = utf8_width(left->data, left->len) + right->len;
	if (ed->lane < ed->bp->lanes.n && ed->col < ed->bp->columns.n &&
	    used + 12 < width) {
		sbp_buf pos;
		buf_init(&pos);
		buf_printf(&pos, " %s / %s", ed->bp->lanes.items[ed->lane]->name,
			   ed->bp->columns.items[ed->col]->name);
		size_t n = grid_cell_count(&ed->grid, ed->lane, ed->col);
		if (n > 1)
			buf_printf(&pos, " [%zu/%zu]", ed->idx + 1, n);
		buf_puts(left, "  ");
		ed_fit(left, pos.data + 1, width - used - 4, false);
		buf_free(&pos);
	}
}

/* A card: the '!' or standards count, F, W, a blank, then the text. */
void editor_card(editor *ed, const sbp_step *s, size_t width, sbp_buf *out)
{
	(void)ed;
	char m[5] = "    ";
	if (step_is_flagged(s))
		m[0] = '!';
	else if (s->stds.n > 9)
		m[0] = '+';
	else if (s->stds.n > 0)
		m[0] = (char)('0' + s->stds.n);
	if (s->fail)
		m[1] = 'F';
	if (s->wait)
		m[2] = 'W';
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
