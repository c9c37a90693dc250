/* Drawing the screen: the editor computes a display list (the view
 * model of include/sbp/editor_view.h) and this copies it into curses,
 * text sanitized and cut to its width, glyphs as box-drawing characters
 * (Unicode in a UTF-8 locale, else the terminal's line set or ASCII).
 * erase() and drawing the same content again lets curses send only what
 * changed. */
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/i18n.h"
#include "sbp/utf8.h"
#include "tui.h"

/* Does the terminal take UTF-8? */
static bool utf8_locale(void)
{
	static int known = -1;
	if (known < 0) {
		const char *cs = nl_langinfo(CODESET);
		known = cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf8"));
	}
	return known;
}

/* Text at (y, x): sanitized and cut to w columns; with fill, padded with
 * blanks to exactly w in the same attributes. */
static void put_text(int y, int x, const char *s, size_t w, attr_t a, bool fill)
{
	if (!s || w == 0 || y < 0 || x < 0 || y >= LINES || x >= COLS)
		return;
	if ((int)w > COLS - x)
		w = (size_t)(COLS - x);
	sbp_buf b;
	buf_init(&b);
	size_t used = sanitize_fit(&b, s, strlen(s), w);
	while (fill && used < w) {
		buf_putc(&b, ' ');
		used++;
	}
	attrset(a);
	if (b.data)
		mvaddstr(y, x, b.data);
	attrset(A_NORMAL);
	buf_free(&b);
}

/* Text at (y, x), cut to w columns (panels use it too). */
void tui_put(int y, int x, const char *s, size_t w, attr_t a)
{
	put_text(y, x, s, w, a, false);
}

/* One glyph at (y, x). */
static void put_glyph(int y, int x, ed_glyph g, attr_t a)
{
	if (y < 0 || x < 0 || y >= LINES || x >= COLS)
		return;
	bool u = utf8_locale();
	const wchar_t *w = NULL;
	chtype c = 0;
	switch (g) {
	case VG_HLINE: c = ACS_HLINE; break;
	case VG_VLINE: c = ACS_VLINE; break;
	case VG_ULCORNER: c = ACS_ULCORNER; break;
	case VG_URCORNER: c = ACS_URCORNER; break;
	case VG_LLCORNER: c = ACS_LLCORNER; break;
	case VG_LRCORNER: c = ACS_LRCORNER; break;
	case VG_LTEE: c = ACS_LTEE; break;
	case VG_RTEE: c = ACS_RTEE; break;
	case VG_TTEE: c = ACS_TTEE; break;
	case VG_BTEE: c = ACS_BTEE; break;
	case VG_PLUS: c = ACS_PLUS; break;
	case VG_RARROW: c = ACS_RARROW; break;
	case VG_LARROW: c = ACS_LARROW; break;
	case VG_DARROW: c = ACS_DARROW; break;
	case VG_UARROW: c = ACS_UARROW; break;
	case VG_PTR_DOWN: if (u) w = L"\u25be"; else c = 'v'; break;
	case VG_PTR_RIGHT: if (u) w = L"\u25b8"; else c = '>'; break;
	case VG_PRED: if (u) w = L"\u2190"; else c = '<'; break;
	case VG_SUCC: if (u) w = L"\u2192"; else c = '>'; break;
	case VG_BOTH: if (u) w = L"\u2194"; else c = '='; break;
	default: c = '?'; break;
	}
	if (w) {
		attrset(a);
		mvaddwstr(y, x, w);
		attrset(A_NORMAL);
	} else {
		mvaddch(y, x, c | a);
	}
}

/* Below the minimum size: say so plainly. */
static void draw_too_small(void)
{
	char msg[96];
	snprintf(msg, sizeof msg, _("terminal too small (need %dx%d)"), ED_MIN_COLS,
		 ED_MIN_ROWS);
	int y = LINES / 2;
	tui_put(y > 0 ? y - 1 : 0, 0, msg, (size_t)COLS, A_BOLD);
	snprintf(msg, sizeof msg, _("now %dx%d; q quits"), COLS, LINES);
	tui_put(y, 0, msg, (size_t)COLS, A_NORMAL);
	curs_set(0);
}

/* Copy a display list to the screen. */
static void draw_frame(const ed_frame *f)
{
	for (size_t i = 0; i < f->n; i++) {
		const ed_item *it = &f->items[i];
		attr_t a = tui_view_attr((ed_role)it->role);
		if (it->glyph < 0) {
			put_text(it->y, it->x, frame_text(f, it), (size_t)it->w, a, it->fill);
			continue;
		}
		for (int k = 0; k < it->w; k++)
			put_glyph(it->vertical ? it->y + k : it->y,
				  it->vertical ? it->x : it->x + k, (ed_glyph)it->glyph, a);
	}
}

/* The whole screen. */
void tui_draw(editor *ed)
{
	erase();
	ed_frame f;
	frame_init(&f);
	editor_frame(ed, &f);
	if (f.too_small || COLS < ED_MIN_COLS || LINES < ED_MIN_ROWS) {
		frame_free(&f);
		draw_too_small();
		return;
	}
	draw_frame(&f);
	tui_draw_panel(ed);
	if (ed->mode == MODE_CONFIRM)
		tui_draw_confirm(ed);
	if (f.cursor_y >= 0) {
		leaveok(stdscr, FALSE);
		curs_set(1);
		move(f.cursor_y, f.cursor_x);
	} else {
		curs_set(0);
		leaveok(stdscr, TRUE);
	}
	frame_free(&f);
}
