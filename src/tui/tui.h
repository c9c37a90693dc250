/* The curses front end's shared declarations: colour roles and drawing.
 * src/tui is the only part of sbp that includes curses. */
#ifndef SBP_TUI_H
#define SBP_TUI_H

#include <curses.h>

#include "sbp/editor.h"

/* What a piece of the screen is, so colours (or their monochrome
 * stand-ins) come from one place. */
typedef enum tui_role {
	R_NORMAL, R_SELECTED, R_CURSOR, R_FLAG, R_FAIL, R_WAIT, R_STDS,
	R_RULE, R_RULE_LABEL, R_PHASE, R_COLHEAD, R_LANE, R_ZONE, R_STATUS,
	R_MSG_ERROR, R_DIM, R_WARN, R_ERROR, R_GOOD, R_HEADER, R_BORDER,
	R_LINKED, R_FIX, R_HINT_KEY, R_REVERSE,
	R_COUNT
} tui_role;

/* Set up the colours for this terminal: 256, 8 or none. */
void tui_colors_init(void);
/* The attributes of a role. */
attr_t tui_attr(tui_role r);
/* The attributes of a role of the editor's view model. */
attr_t tui_view_attr(ed_role r);
/* The role of a panel style. */
tui_role tui_style_role(ed_style s);

/* Draw the whole screen into stdscr (the caller refreshes). */
void tui_draw(editor *ed);
/* Draw the open panel or question over the grid. */
void tui_draw_panel(editor *ed);
void tui_draw_confirm(editor *ed);
/* Put sanitized, fitted text at (y, x), at most w columns. */
void tui_put(int y, int x, const char *s, size_t w, attr_t a);
/* A box with a title on its top edge and a hint on its bottom edge. */
void tui_box(int y, int x, int h, int w, const char *title, const char *hint);

#endif
