/* Drawing the grid: phase and column headers fixed at the top, lane
 * names fixed at the left, the three lines as labelled rules, cards with
 * their markers, connectors in the gutters, the status and message
 * lines. Only what is on screen is touched. */
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/i18n.h"
#include "sbp/utf8.h"
#include "tui.h"

/* Text at (y, x): sanitized and cut to w columns. */
void tui_put(int y, int x, const char *s, size_t w, attr_t a)
{
	if (!s || w == 0 || y < 0 || x < 0 || y >= LINES || x >= COLS)
		return;
	if ((int)w > COLS - x)
		w = (size_t)(COLS - x);
	sbp_buf b;
	buf_init(&b);
	sanitize_fit(&b, s, strlen(s), w);
	attrset(a);
	if (b.data)
		mvaddstr(y, x, b.data);
	attrset(A_NORMAL);
	buf_free(&b);
}

/* Does the terminal take UTF-8 (so the pointers can be triangles)? */
static bool utf8_locale(void)
{
	static int known = -1;
	if (known < 0) {
		const char *cs = nl_langinfo(CODESET);
		known = cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf8"));
	}
	return known;
}

/* The pointer at the selected column (down, before its name, above its
 * cards) or lane (right, after its name, a blank before the grid): one
 * plain cell, cheap to move. */
static void put_pointer(int y, int x, bool down)
{
	if (y < 0 || x < 0 || y >= LINES || x >= COLS)
		return;
	if (utf8_locale())
		mvaddwstr(y, x, down ? L"\u25be" : L"\u25b8");
	else
		mvaddch(y, x, down ? 'v' : '>');
}

/* Row 0: phases over their runs of columns; row 1: column names. */
static void draw_headers(editor *ed)
{
	int lw = editor_label_w(ed), cw = editor_col_w(ed);
	const sbp_blueprint *bp = ed->bp;
	if (bp->title)
		tui_put(0, 0, bp->title, (size_t)lw - 1, tui_attr(R_HEADER));
	for (size_t vc = 0;; vc++) {
		size_t c = ed->left + vc;
		int x = lw + (int)vc * cw;
		if (c >= bp->columns.n || x >= COLS)
			break;
		const sbp_column *col = bp->columns.items[c];
		const char *ph = col->phase;
		const char *prev = c > 0 ? bp->columns.items[c - 1]->phase : NULL;
		bool starts = vc == 0 || !ph != !prev || (ph && prev && strcmp(ph, prev));
		if (ph && starts) {
			size_t run = 1;
			while (c + run < bp->columns.n && bp->columns.items[c + run]->phase &&
			       !strcmp(bp->columns.items[c + run]->phase, ph))
				run++;
			tui_put(0, x, ph, run * (size_t)cw - 1, tui_attr(R_PHASE));
		}
		tui_put(1, x + 1, col->name, (size_t)cw - 2, tui_attr(R_COLHEAD));
		if (c == ed->col)
			put_pointer(1, x, true);
	}
	if (ed->left > 0)
		tui_put(1, lw - 2, "<", 1, tui_attr(R_DIM));
	if (ed->left + editor_visible_cols(ed) < bp->columns.n)
		tui_put(1, COLS - 1, ">", 1, tui_attr(R_DIM));
}

/* A separator row above lane l: a labelled rule where a line runs. */
static void draw_rule(editor *ed, int y, size_t l)
{
	const sbp_lane *lane = ed->bp->lanes.items[l];
	const sbp_lane *above = ed->bp->lanes.items[l - 1];
	const char *label = lane->zone != above->zone ? zone_line_above(lane->zone) : NULL;
	attrset(tui_attr(label ? R_RULE : R_DIM));
	mvhline(y, 0, ACS_HLINE, COLS);
	attrset(A_NORMAL);
	if (label) {
		sbp_buf b;
		buf_init(&b);
		buf_printf(&b, " %s ", _(label));
		tui_put(y, 2, b.data, (size_t)COLS - 2, tui_attr(R_RULE_LABEL));
		buf_free(&b);
	}
}

/* The selection's mark on a card: its four marker cells (the flags and
 * the blank after them) as a block in the cursor's colours (reverse
 * without colour). Only these cells change when the selection moves, so
 * a move costs a few bytes. */
static void draw_card_mark(int y, int x, const char *m, size_t w)
{
	attr_t a = tui_attr(R_CURSOR);
	for (size_t i = 0; i < 4 && i < w; i++)
		mvaddch(y, x + (int)i, (chtype)(unsigned char)m[i] | a);
}

/* One card (or the placeholder of an empty selected cell). Blank marker
 * cells are drawn plain: a coloured blank looks the same but costs an
 * attribute change on the wire. */
static void draw_card(editor *ed, int y, int x, const sbp_step *s, bool sel)
{
	int cw = editor_col_w(ed);
	size_t w = (size_t)cw - 1;
	if ((int)w > COLS - x)
		w = (size_t)(COLS - x);
	if (!s) {
		if (sel) {
			draw_card_mark(y, x, "    ", w);
			if (w > 4)
				tui_put(y, x + 4, _("(empty: a adds)"), w - 4, tui_attr(R_DIM));
		}
		return;
	}
	sbp_buf b;
	buf_init(&b);
	editor_card(ed, s, w, &b);
	if (w <= 4 || b.len < 4) {
		tui_put(y, x, b.data, w, tui_attr(sel ? R_CURSOR : R_NORMAL));
		buf_free(&b);
		return;
	}
	if (sel) {
		draw_card_mark(y, x, b.data, w);
	} else {
		static const tui_role roles[3] = { R_FLAG, R_FAIL, R_WAIT };
		for (int i = 0; i < 4; i++) {
			unsigned char ch = (unsigned char)b.data[i];
			tui_role r = i < 3 ? roles[i] : R_NORMAL;
			if (i == 0 && ch != '!')
				r = R_STDS;
			mvaddch(y, x + i, ch | (ch == ' ' ? A_NORMAL : tui_attr(r)));
		}
	}
	tui_put(y, x + 4, b.data + 4, w - 4, A_NORMAL);
	buf_free(&b);
}

/* One row of a lane: its label at the left, then the visible cells. */
static void draw_lane_row(editor *ed, int y, size_t l, size_t sub)
{
	int lw = editor_label_w(ed), cw = editor_col_w(ed);
	const sbp_lane *lane = ed->bp->lanes.items[l];
	if (sub == 0) {
		tui_put(y, 0, lane->name, (size_t)lw - 2, tui_attr(R_LANE));
		if (l == ed->lane)
			put_pointer(y, lw - 2, false);
	} else if (sub == 1)
		tui_put(y, 1, zone_id(lane->zone), (size_t)lw - 2, tui_attr(R_ZONE));
	for (size_t vc = 0;; vc++) {
		size_t c = ed->left + vc;
		int x = lw + (int)vc * cw;
		if (c >= ed->grid.ncols || x >= COLS)
			break;
		size_t n = grid_cell_count(&ed->grid, l, c);
		bool here = l == ed->lane && c == ed->col;
		const sbp_step *s = grid_cell_step(&ed->grid, l, c, sub);
		draw_card(ed, y, x, s, here && (s ? sub == ed->idx : (n == 0 && sub == 0)));
	}
}

/* Connectors of flows within a column, in the column's gutter. */
static void draw_connectors(editor *ed, int y0, int h)
{
	int lw = editor_label_w(ed), cw = editor_col_w(ed);
	const ed_grid *g = &ed->grid;
	attr_t a = tui_attr(R_RULE);
	for (size_t vc = 0;; vc++) {
		size_t c = ed->left + vc;
		int x = lw + (int)vc * cw + cw - 1;
		if (c >= g->ncols || x >= COLS)
			break;
		for (size_t i = g->col_conn[c]; i < g->col_conn[c + 1]; i++) {
			const ed_conn *cn = &g->conns[i];
			bool down = cn->to_row > cn->from_row;
			size_t lo = down ? cn->from_row : cn->to_row;
			size_t hi = down ? cn->to_row : cn->from_row;
			for (size_t r = lo; r <= hi; r++) {
				if (r < ed->top || r >= ed->top + (size_t)h)
					continue;
				chtype ch = ACS_VLINE;
				if (r == cn->from_row)
					ch = down ? ACS_URCORNER : ACS_LRCORNER;
				else if (r == cn->to_row)
					ch = ACS_LARROW;
				mvaddch(y0 + (int)(r - ed->top), x, ch | a);
			}
		}
	}
}

/* The grid's body: lanes, rules, cards and connectors. */
static void draw_body(editor *ed)
{
	int y0 = ED_HEAD_ROWS, h = (int)editor_body_rows(ed);
	for (int y = 0; y < h; y++) {
		size_t r = ed->top + (size_t)y, l, sub;
		if (r >= ed->grid.height)
			break;
		if (grid_row_lane(&ed->grid, r, &l, &sub))
			draw_lane_row(ed, y0 + y, l, sub);
		else if (l > 0)
			draw_rule(ed, y0 + y, l);
	}
	draw_connectors(ed, y0, h);
}

/* The status line and the message (or command) line. */
static void draw_footer(editor *ed)
{
	int y = LINES - 2;
	sbp_buf left, right;
	buf_init(&left);
	buf_init(&right);
	editor_status_line(ed, (size_t)COLS, &left, &right);
	attrset(tui_attr(R_STATUS));
	mvhline(y, 0, ' ', COLS);
	attrset(A_NORMAL);
	size_t rw = utf8_width(right.data, right.len);
	tui_put(y, 0, left.data, (size_t)COLS > rw + 1 ? (size_t)COLS - rw - 1 : 1,
		tui_attr(R_STATUS));
	if ((int)rw < COLS)
		tui_put(y, COLS - (int)rw, right.data, rw, tui_attr(R_STATUS));
	buf_free(&left);
	buf_free(&right);

	y = LINES - 1;
	move(y, 0);
	clrtoeol();
	if (ed->mode == MODE_LINE) {
		size_t lw = utf8_width(ed->prompt.label, strlen(ed->prompt.label));
		tui_put(y, 0, ed->prompt.label, (size_t)COLS / 2, tui_attr(R_HEADER));
		if (lw > (size_t)COLS / 2)
			lw = (size_t)COLS / 2;
		sbp_buf v;
		size_t cx;
		buf_init(&v);
		lineedit_view(&ed->line, (size_t)COLS - lw - 1, &v, &cx);
		tui_put(y, (int)lw, v.data, (size_t)COLS - lw - 1, A_NORMAL);
		buf_free(&v);
		leaveok(stdscr, FALSE);
		curs_set(1);
		move(y, (int)(lw + cx));
		return;
	}
	tui_put(y, 0, ed->msg, (size_t)COLS - 1,
		ed->msg_error ? tui_attr(R_MSG_ERROR) : A_NORMAL);
	curs_set(0);
	leaveok(stdscr, TRUE);
}

/* Below the minimum size: say so plainly. */
static void draw_too_small(void)
{
	char msg[64];
	snprintf(msg, sizeof msg, _("terminal too small (need %dx%d)"), ED_MIN_COLS,
		 ED_MIN_ROWS);
	int y = LINES / 2;
	tui_put(y > 0 ? y - 1 : 0, 0, msg, (size_t)COLS, A_BOLD);
	snprintf(msg, sizeof msg, _("now %dx%d; q quits"), COLS, LINES);
	tui_put(y, 0, msg, (size_t)COLS, A_NORMAL);
	curs_set(0);
}

/* The whole screen. erase() and drawing the same content again lets
 * curses send only what changed. */
void tui_draw(editor *ed)
{
	erase();
	if (COLS < ED_MIN_COLS || LINES < ED_MIN_ROWS) {
		draw_too_small();
		return;
	}
	draw_headers(ed);
	draw_body(ed);
	tui_draw_panel(ed);
	if (ed->mode == MODE_CONFIRM)
		tui_draw_confirm(ed);
	draw_footer(ed);
}
