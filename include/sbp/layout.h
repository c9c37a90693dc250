/* The geometry of a blueprint poster, computed once from the model and
 * shared by every graphical export (SVG, PDF/PNG, draw.io) and by the
 * plain-text grid. Units are points (1/72 inch), origin top left, y down.
 *
 * Text is never copied: a lay_text points into the model's strings or into
 * the layout's own arena. Text is raw file text; each backend escapes it
 * for its format. Text is measured with a table of glyph advances of a
 * wide sans-serif face (ASCII), one em for CJK and display columns from
 * utf8.h for the rest, so wrapping is CJK-aware and needs no font
 * machinery. Everything here is O(steps + flows + lanes + columns). */
#ifndef SBP_LAYOUT_H
#define SBP_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "sbp/check.h"
#include "sbp/model.h"

/* The text styles of the poster. */
typedef enum lay_font_id {
	LAY_FONT_TITLE,  /* blueprint title */
	LAY_FONT_BODY,   /* description, counts, legend */
	LAY_FONT_PHASE,  /* phase header, bold */
	LAY_FONT_COLUMN, /* column header, bold */
	LAY_FONT_LANE,   /* lane name, bold */
	LAY_FONT_ZONE,   /* zone under the lane name, italic */
	LAY_FONT_LINE,   /* labels of the three lines, italic */
	LAY_FONT_CARD,   /* card text */
	LAY_FONT_FOOT,   /* card footer: duration and standards */
	LAY_FONT_FLOW,   /* flow labels */
	LAY_FONT_MARK,   /* the letter in a marker, bold */
	LAY_FONT_CALLOUT, /* fail and wait callouts on a card */
	LAY_FONT_KEY,    /* the standards key */
	LAY_FONT_COUNT
} lay_font_id;

typedef struct lay_font {
	double size;   /* points */
	double line_h; /* baseline to baseline */
	bool bold, italic;
} lay_font;

extern const lay_font lay_fonts[LAY_FONT_COUNT];

typedef struct lay_rgb {
	double r, g, b; /* 0..1 */
	const char *hex; /* "#rrggbb" */
} lay_rgb;

/* Fill of each zone's lane band, and the poster's other colours. */
extern const lay_rgb lay_zone_fill[ZONE_COUNT];
extern const lay_rgb lay_ink, lay_grey, lay_line_ink, lay_card_fill,
	lay_card_edge, lay_flag_ink, lay_fail_ink, lay_wait_ink, lay_flow_ink,
	lay_phase_fill, lay_column_fill, lay_head_fill, lay_fix_ink,
	lay_fail_fill, lay_wait_fill, lay_fix_fill;

/* One line of text: len bytes at s, then an ellipsis when cut short;
 * space: the text went on after white space (a backend that joins lines
 * may put a space back, so words never run together). */
typedef struct lay_text {
	const char *s;
	size_t len;
	bool ellipsis, space;
} lay_text;

typedef enum lay_align { LAY_LEFT, LAY_CENTER, LAY_RIGHT } lay_align;

/* Wrapped text: lines line0..line0+nlines-1 of lay->lines, the first
 * baseline at y, each next one lay_fonts[font].line_h lower; x is the
 * left edge, centre or right edge as align says. */
typedef struct lay_block {
	double x, y;
	lay_font_id font;
	lay_align align;
	size_t line0, nlines;
} lay_block;

typedef struct lay_box {
	double x, y, w, h;
} lay_box;

typedef struct lay_pt {
	double x, y;
} lay_pt;

typedef struct lay_lane {
	const sbp_lane *lane;
	lay_box band; /* the whole row, header included */
	lay_box head; /* the lane name cell at the left */
	lay_block name, zone;
} lay_lane;

/* A labelled line between zones, drawn across the whole grid. */
typedef struct lay_zline {
	double y, x0, x1;
	const char *label; /* e.g. "line of visibility"; static text */
	lay_block text;
} lay_zline;

typedef struct lay_head {
	lay_box box;
	lay_block text;
} lay_head;

typedef enum lay_mark_kind {
	LAY_MARK_FAIL,  /* a fail point */
	LAY_MARK_WAIT,  /* a wait point */
	LAY_MARK_FLAG,  /* an encounter without a standard */
	LAY_MARK_BELOW, /* a standard of the step is below its goal */
	LAY_MARK_FIX,   /* handled by a one-time fix */
	LAY_MARK_COUNT
} lay_mark_kind;

typedef struct lay_mark {
	lay_mark_kind kind;
	double cx, cy; /* centre; radius lay->mark_r */
} lay_mark;

/* The letter drawn in a marker: "F", "W", "!", "\u25BC" or "\u2713". */
const char *lay_mark_letter(lay_mark_kind k);
/* The colour of a marker. */
const lay_rgb *lay_mark_ink(lay_mark_kind k);

typedef struct lay_card {
	const sbp_step *step;
	lay_box box;
	lay_block text, foot; /* foot.nlines is 0 when there is no footer */
	/* the callouts under the text: the fail point (text, severity,
	 * recovery), the wait point (text, minutes) and the one-time fix;
	 * nlines 0 when absent */
	lay_block fail, wait, fix;
	lay_box fail_box, wait_box, fix_box; /* their tinted backgrounds */
	bool encounter, flagged; /* flagged: step_is_flagged() */
	bool below; /* a standard of the step is below its goal */
	size_t nmarks;
	lay_mark marks[LAY_MARK_COUNT];
} lay_card;

/* An orthogonal arrow from one card to another through the gaps between
 * columns and lanes: points pt0..pt0+npts-1 of lay->pts, the arrow head
 * at the last one. */
typedef struct lay_flow {
	const sbp_flow *flow;
	size_t from, to; /* card indexes */
	size_t pt0, npts;
	lay_block label; /* nlines 0 without a label */
	lay_box label_box; /* background behind the label */
} lay_flow;

/* One entry of the numbered standards key under the grid. */
typedef struct lay_key {
	const sbp_standard *std;
	lay_block text; /* "1  id: name · kind · target · goal 95, actual 91" */
	bool below;     /* standard_below_goal(): drawn in the flag colour */
} lay_key;

typedef enum lay_legend_kind {
	LAY_LEG_ZONE,      /* a swatch of lay_zone_fill[zone] */
	LAY_LEG_LINE,      /* a dashed zone line */
	LAY_LEG_CARD,      /* an ordinary card */
	LAY_LEG_ENCOUNTER, /* an encounter card (thick edge) */
	LAY_LEG_MARK,      /* a marker of kind mark */
	LAY_LEG_FLOW,      /* an arrow */
} lay_legend_kind;

typedef struct lay_legend {
	lay_legend_kind kind;
	sbp_zone zone;
	lay_mark_kind mark;
	lay_box icon;
	lay_block text;
} lay_legend;

typedef struct lay_arena lay_arena;

typedef struct sbp_layout {
	const sbp_blueprint *bp;
	sbp_summary sum;
	double width, height;
	double mark_r;
	lay_box grid;  /* lanes and headers, for backends that clip */
	double card_w; /* every card is this wide: the widest word fits */
	double gutter; /* between two columns' cards, wide enough for the
			* busiest gutter's arrows */
	double col_x0, col_w; /* column c spans col_x0 + c*col_w, col_w wide */
	double head_y0, head_y1; /* phase and column headers span these y */

	lay_block title, description, meta, counts;
	lay_block key_title; /* "Standards": nlines 0 without standards */
	lay_key *keys; size_t nkeys; /* one per standard, in file order */
	lay_head *phases; size_t nphases;
	lay_head *columns; /* one per column */
	lay_lane *lanes;   /* one per lane */
	lay_zline *zlines; size_t nzlines;
	lay_card *cards;   /* card i is bp->steps.items[i] */
	size_t ncards;
	size_t *order;     /* card indexes by column, lane, file order */
	size_t *col_start; /* order[col_start[c] .. col_start[c+1]) is column c */
	lay_flow *flows; size_t nflows;
	lay_legend *legend; size_t nlegend;

	/* Text the poster could not show whole: texts cut short or broken
	 * inside a word, and flow labels that could not be placed clear of
	 * lines, cards and other labels. The first cut text is named. */
	size_t ncut, nclash;
	const char *cut_first; size_t cut_first_len;

	lay_text *lines; size_t nlines, lines_cap;
	lay_pt *pts; size_t npts, pts_cap;
	lay_arena *arena;
} sbp_layout;

/* Compute the layout of bp, which must outlive it. source_name, when not
 * NULL, is shown in the title block. Free with layout_free. */
sbp_layout *layout_new(const sbp_blueprint *bp, const char *source_name);
void layout_free(sbp_layout *lay);

/* Wrap s (len bytes) into lines of at most maxcols display columns
 * (newlines break, spaces and wide characters are break points), at most
 * maxlines lines (0 = no limit); the last kept line gets an ellipsis when
 * text is left over (within maxcols). Lines are appended to lay->lines;
 * returns how many. Used by the text export. */
size_t layout_wrap(sbp_layout *lay, const char *s, size_t len,
		   size_t maxcols, size_t maxlines);
/* One line of that wrapping from byte pos: *end ends its text, the
 * return value starts the next line's (the editor wraps card by card). */
size_t layout_wrap_line(const char *s, size_t len, size_t pos, size_t maxcols,
			size_t *end);
/* The same for a width in points in a font (the poster's text). */
size_t layout_wrap_width(sbp_layout *lay, const char *s, size_t len,
			 double width, lay_font_id font, size_t maxlines);
/* The widest word of s in font, in points (a wide character is a word). */
double layout_widest_word(const char *s, size_t len, lay_font_id font);
/* The smallest text size the poster uses, in points. */
double layout_min_font(void);
/* Estimated width in points of s in font. */
double layout_text_width(const char *s, size_t len, lay_font_id font);
/* A copy of s that lives as long as the layout. */
const char *layout_strdup(sbp_layout *lay, const char *s, size_t len);

/* The bounding box of a flow's path and label, with a little room for
 * the arrow head (backends use it to skip what a page does not show). */
lay_box layout_flow_bounds(const sbp_layout *lay, const lay_flow *f);

#endif
