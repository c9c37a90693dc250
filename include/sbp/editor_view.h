/* The editor's view model: what the screen shows, computed by the editor
 * and copied to the terminal by src/tui. The geometry (ed_view: column
 * widths, lane names, card heights in lines, the detail pane, the key
 * hint bar) depends on the blueprint, the terminal size and the view
 * settings, not on the selection, so a move reuses it; the frame
 * (ed_frame) is the display list of one screen: runs of text and
 * box-drawing cells at screen positions, each with a role the front end
 * turns into colours. No curses. */
#ifndef SBP_EDITOR_VIEW_H
#define SBP_EDITOR_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sbp/util.h"

typedef struct editor editor;

/* How much of each card shows. */
typedef enum ed_zoom {
	ZOOM_COMPACT, /* one line per card */
	ZOOM_NORMAL,  /* as many lines as the screen has room for */
	ZOOM_FULL,    /* every card's whole text */
	ZOOM_COUNT
} ed_zoom;

/* The detail pane: shown when there is room (auto), or as the user set it. */
typedef enum ed_pane_mode { PANE_AUTO, PANE_SHOWN, PANE_HIDDEN } ed_pane_mode;

/* What a piece of the screen is (the front end gives each its look). */
typedef enum ed_role {
	VR_NORMAL, VR_TITLE, VR_PHASE, VR_COLHEAD, VR_LANE, VR_ZONE, VR_RULE,
	VR_RULE_LABEL, VR_FLAG, VR_FAIL, VR_WAIT, VR_STDS, VR_FIX, VR_CURSOR,
	VR_LINKED, VR_CONN, VR_CONN_SEL, VR_DIM, VR_STATUS, VR_MSG, VR_MSG_ERROR,
	VR_PANE_TITLE, VR_PANE_LABEL, VR_WARN, VR_GOOD, VR_HINT, VR_HINT_KEY,
	VR_POINTER, VR_SELECTION, VR_COUNT
} ed_role;

/* Box-drawing and pointer glyphs (the front end picks Unicode or ASCII). */
typedef enum ed_glyph {
	VG_HLINE, VG_VLINE, VG_ULCORNER, VG_URCORNER, VG_LLCORNER, VG_LRCORNER,
	VG_LTEE, VG_RTEE, VG_TTEE, VG_BTEE, VG_PLUS, VG_RARROW, VG_LARROW,
	VG_DARROW, VG_UARROW, VG_PTR_DOWN, VG_PTR_RIGHT, VG_PRED, VG_SUCC,
	VG_BOTH, VG_COUNT
} ed_glyph;

/* One item of the display list: text (sanitized by the front end, cut to
 * w columns; fill pads it with blanks in its role to exactly w), or a
 * glyph repeated n times to the right (horizontal) or down (vertical). */
typedef struct ed_item {
	int y, x, w;
	uint16_t role;
	int16_t glyph;  /* -1 for text */
	bool fill, vertical;
	size_t text;    /* offset into the frame's text */
} ed_item;

typedef struct ed_frame {
	ed_item *items;
	size_t n, cap;
	sbp_buf text;   /* NUL-separated strings */
	bool too_small; /* only the "terminal too small" note is drawn */
	int cursor_y, cursor_x; /* -1: no cursor */
} ed_frame;

/* The screen's geometry for the current blueprint, size and settings. */
typedef struct ed_view {
	/* settings (the user's) */
	ed_zoom zoom;
	ed_pane_mode pane;
	bool flows;       /* draw flows between columns */
	bool hints_off;   /* hide the key hint bar */
	/* what the geometry was computed for */
	bool valid;
	size_t key, builds, nsteps, nflows;
	int cols, rows;
	ed_zoom zoom_for;
	ed_pane_mode pane_for;
	bool flows_for, hints_for;
	int need_for;     /* pane rows the selected step's text needs */
	/* areas of the screen */
	int label_w;      /* lane names (a pointer cell and a blank included) */
	int col_w;        /* a grid column with its gutter */
	int gutter;       /* the gutter's columns (wider in the flows view) */
	int grid_w;       /* columns of the grid area right of the labels */
	size_t vis_cols;  /* grid columns that fit */
	int body_y, body_h; /* the grid's body */
	int pane_y, pane_x, pane_h, pane_w; /* 0 high or wide: no pane */
	int hint_y;       /* the key hint bar, -1 when hidden */
	size_t cap;       /* lines a card may take */
	size_t *lane_cap; /* normal zoom: each lane's own cap (the rows the
			   * grid leaves free shared out), NULL: cap */
	bool names_cut;   /* lane names get only their lane's lines */
	/* the SQI series' last two points, for the status line */
	bool sqi_valid;
	size_t sqi_key, sqi_n;
	double sqi_last, sqi_prev;
	/* lanes, in body lines */
	size_t nlanes;
	size_t *lane_y, *lane_h, *name_lines;
	size_t *chan_rows; /* the flows view: rows of the channel under each lane */
	size_t height;    /* body lines in all */
	/* cards: one per entry of the grid's cell index, in its order */
	size_t ncards;
	uint32_t *card_full; /* lines of the whole text */
	uint32_t *card_h;    /* lines shown */
	uint32_t *card_y;    /* first line within its lane */
} ed_view;

/* The view of ed, brought up to date (computed again only when the
 * blueprint, the size or a setting changed). */
ed_view *editor_view(editor *ed);
void editor_view_free(editor *ed);
/* Body line of the first line of the selected card and its lines (a
 * selected empty cell: its lane's first line, 1). */
void editor_sel_lines(editor *ed, size_t *line, size_t *h);
/* Which lane, column and step is at screen position (y, x)? False
 * outside the grid's body. *idx is the stack index (the last card when
 * below them). */
bool editor_view_hit(editor *ed, int y, int x, size_t *lane, size_t *col,
		     size_t *idx);

/* One cell of a flow connector: body line r, column x counted from the
 * grid's first column (column c starts at c * col_w), and its glyph. */
typedef struct ed_conn_cell {
	size_t r;
	int x;
	int16_t glyph;
	bool sel; /* on a flow of the selected step */
} ed_conn_cell;

/* The flows view's connectors: every flow routed through the gutters
 * and the rows between lanes, arrowhead next to the target card. *cells
 * is the caller's to free. */
size_t editor_connectors(editor *ed, ed_conn_cell **cells);

/* The display list of the whole screen. */
void editor_frame(editor *ed, ed_frame *f);
void frame_init(ed_frame *f);
void frame_free(ed_frame *f);
/* The text of an item. */
const char *frame_text(const ed_frame *f, const ed_item *it);

/* Lines of text wrapped at width columns, the first line first_w wide;
 * at most max lines (0 = all). Returns the number; when b and e are
 * given, fills the byte range of each line. */
size_t view_wrap(const char *s, size_t first_w, size_t width, size_t max,
		 size_t *b, size_t *e);

#endif
