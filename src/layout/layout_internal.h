/* Shared between the files of src/layout: the poster's measures and the
 * steps of layout_new. */
#ifndef SBP_LAYOUT_INTERNAL_H
#define SBP_LAYOUT_INTERNAL_H

#include "sbp/layout.h"

#define LAY_MARGIN 24.0    /* around the poster */
#define LAY_LANE_HEAD 150.0 /* width of the lane name cells */
#define LAY_GUTTER 56.0    /* between two columns' cards: vertical channels */
#define LAY_CARD_W 176.0
#define LAY_COL_W (LAY_CARD_W + LAY_GUTTER)
#define LAY_PAD_X 7.0      /* card text inset */
#define LAY_PAD_TOP 8.0
#define LAY_PAD_BOTTOM 6.0
#define LAY_CARD_LINES 6   /* at most; then an ellipsis */
#define LAY_STACK_GAP 16.0 /* between cards in one cell */
#define LAY_LANE_TOP 16.0  /* above the first card of a lane */
#define LAY_CHANNEL 26.0   /* below the cards of a lane: horizontal channel */
#define LAY_LANE_MIN 84.0
#define LAY_PHASE_H 22.0
#define LAY_COLHEAD_H 34.0
#define LAY_MARK_R 7.0

void layout_arena_free(lay_arena *a);
/* Add a block of wrapped text; returns it with line0/nlines set. */
lay_block layout_block(sbp_layout *lay, const char *s, size_t len,
		       double x, double y, double width, lay_font_id font,
		       lay_align align, size_t maxlines);
/* Route every flow (route.c). */
void layout_route_flows(sbp_layout *lay);
/* The title block from y, naming source_name when not NULL, and the
 * legend from y; each returns its bottom (legend.c). */
double layout_place_title(sbp_layout *lay, double y, const char *source_name);
double layout_place_legend(sbp_layout *lay, double y);

#endif
