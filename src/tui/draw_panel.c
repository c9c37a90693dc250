/* Drawing panels (inspector, catalog, picker, problems, help) as a box
 * over the grid's body, and questions as a box in the middle. */
#include <stdlib.h>
#include <string.h>

#include "sbp/i18n.h"
#include "sbp/utf8.h"
#include "tui.h"

/* A box with its title on the top edge and a hint on the bottom edge;
 * the inside is blanked. */
void tui_box(int y, int x, int h, int w, const char *title, const char *hint)
{
	attr_t a = tui_attr(R_BORDER);
	attrset(A_NORMAL);
	for (int r = y; r < y + h; r++) /* blank first: no half wide chars */
		mvhline(r, x, ' ', w);
	attrset(a);
	mvaddch(y, x, ACS_ULCORNER);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	attrset(A_NORMAL);
	if (title) {
		sbp_buf b;
		buf_init(&b);
		buf_printf(&b, " %s ", title);
		tui_put(y, x + 2, b.data, (size_t)(w - 4), tui_attr(R_HEADER));
		buf_free(&b);
	}
	if (hint && w > 8)
		tui_put(y + h - 1, x + 2, hint, (size_t)(w - 4), tui_attr(R_DIM));
}

/* The open panel: a list with its selection, then detail lines. */
void tui_draw_panel(editor *ed)
{
	ed_panel p;
	if (!editor_panel(ed, &p))
		return;
	int h = (int)editor_body_rows(ed);
	int w = COLS > 124 ? 120 : COLS;
	int y = ED_HEAD_ROWS, x = (COLS - w) / 2;
	if (p.height && (int)p.height < h) { /* a small box at the foot */
		y += h - (int)p.height;
		h = (int)p.height;
	}
	tui_box(y, x, h, w, p.title, p.hint);
	size_t rows = editor_panel_rows(ed, p.ndetail);
	long fit = h - 2 - (long)p.ndetail - (p.ndetail ? 1 : 0);
	if (p.height && fit >= 1 && (size_t)fit < rows)
		rows = (size_t)fit; /* the small box: its own rows */
	size_t iw = (size_t)(w - 4);
	sbp_buf b;
	buf_init(&b);
	for (size_t r = 0; r < rows; r++) {
		size_t i = p.list->top + r;
		if (i >= p.count)
			break;
		ed_style st;
		buf_reset(&b);
		editor_panel_item(ed, i, iw, &b, &st);
		bool sel = i == p.list->sel && !p.no_cursor;
		attr_t a = sel ? tui_attr(R_SELECTED) : tui_attr(tui_style_role(st));
		if (sel) {
			attrset(a);
			mvhline(y + 1 + (int)r, x + 1, ' ', w - 2);
			attrset(A_NORMAL);
		}
		tui_put(y + 1 + (int)r, x + 2, b.data, iw, a);
	}
	if (p.count == 0)
		tui_put(y + 1, x + 2, _("(nothing here)"), iw, tui_attr(R_DIM));
	if (p.list->top > 0)
		tui_put(y, x + w - 4, "^", 1, tui_attr(R_BORDER));
	if (p.list->top + rows < p.count)
		tui_put(y + h - 1, x + w - 4, "v", 1, tui_attr(R_BORDER));
	if (p.ndetail) {
		int dy = y + 1 + (int)rows;
		attrset(tui_attr(R_BORDER));
		mvaddch(dy, x, ACS_LTEE);
		mvhline(dy, x + 1, ACS_HLINE, w - 2);
		mvaddch(dy, x + w - 1, ACS_RTEE);
		attrset(A_NORMAL);
		for (size_t k = 0; k < p.ndetail; k++) {
			buf_reset(&b);
			editor_panel_detail(ed, k, iw, &b);
			tui_put(dy + 1 + (int)k, x + 2, b.data, iw, A_NORMAL);
		}
	}
	buf_free(&b);
}

/* The open question: its lines in a box in the middle of the screen. */
void tui_draw_confirm(editor *ed)
{
	const ed_confirm *c = &ed->confirm;
	if (!c->text)
		return;
	int lines = 1, longest = (int)utf8_width(c->title, strlen(c->title)) + 4;
	for (const char *p = c->text; *p;) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		int lw = (int)utf8_width(p, n);
		if (lw > longest)
			longest = lw;
		if (!e)
			break;
		lines++;
		p = e + 1;
	}
	int w = longest + 6 < COLS - 2 ? longest + 6 : COLS - 2;
	int h = lines + 4 < LINES - 2 ? lines + 4 : LINES - 2;
	int y = (LINES - h) / 2, x = (COLS - w) / 2;
	tui_box(y, x, h, w, c->title, NULL);
	int r = 0;
	for (const char *p = c->text; *p && r < h - 4; r++) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char *line = xstrndup(p, n);
		tui_put(y + 2 + r, x + 3, line, (size_t)(w - 6), A_NORMAL);
		free(line);
		if (!e)
			break;
		p = e + 1;
	}
}
