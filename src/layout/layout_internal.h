/* Shared between the files of src/layout: the poster's measures and the
 * steps of layout_new. */
#ifndef SBP_LAYOUT_INTERNAL_H
#define SBP_LAYOUT_INTERNAL_H

#include "sbp/layout.h"
#include "sbp/terms.h"

#define LAY_MARGIN 24.0    /* around the poster */
#define LAY_LANE_HEAD 150.0 /* width of the lane name cells */
#define LAY_GUTTER 56.0    /* between two columns' cards, at least */
#define LAY_GUTTER_MAX 240.0 /* and at most */
#define LAY_TRACK 10.0     /* between two arrows in a gutter, at most */
#define LAY_CARD_W 176.0   /* cards are this wide, or as wide as the */
#define LAY_CARD_W_MAX 420.0 /* widest word needs up to this */
#define LAY_PAD_X 7.0      /* card text inset */
#define LAY_PAD_TOP 8.0
#define LAY_PAD_BOTTOM 6.0
#define LAY_CALLOUT_GAP 4.0 /* above a callout in a card */
#define LAY_CALLOUT_PAD 3.0 /* inside a callout's tint */
#define LAY_STACK_GAP 16.0 /* between cards in one cell, at least */
#define LAY_LANE_TOP 16.0  /* above the first card of a lane */
#define LAY_CHANNEL 26.0   /* below the cards of a lane: horizontal channel */
#define LAY_CHANNEL_TRACK 8.0 /* between two arrows in a channel, at most */
#define LAY_LANE_MIN 84.0
#define LAY_PHASE_H 22.0
#define LAY_COLHEAD_H 34.0
#define LAY_MARK_R 7.0
#define LAY_LABEL_MAX_W 150.0 /* a flow label wraps at this width */

/* What the routes need, counted before anything is placed: arrows per
 * gutter (gutter g is left of column g; g = ncolumns right of the last),
 * per lane channel, and the room a labelled arrow between two stacked
 * cards needs under the upper one. */
typedef struct lay_plan {
	size_t *gut_n;     /* ncolumns + 1 */
	size_t *chan_n;    /* nlanes */
	double *gap_after; /* per card: the gap under it, at least */
	double gut_label;  /* the widest word of a label that sits in a gutter */
} lay_plan;

void layout_arena_free(lay_arena *a);
/* The widest word of step s's texts plus the card's insets (card.c). */
double layout_card_widest(sbp_layout *lay, const sbp_step *s, sbp_buf *tmp);
/* Wrap a card's texts at lay->card_w and size its box (card.c). */
void layout_measure_card(sbp_layout *lay, lay_card *cd, sbp_buf *tmp);
/* Put a measured card at its place: its box.y is relative to its lane,
 * whose top is lane_y (card.c). */
void layout_place_card(lay_card *cd, double lane_y);
/* Add a block of wrapped text; returns it with line0/nlines set. */
lay_block layout_block(sbp_layout *lay, const char *s, size_t len,
		       double x, double y, double width, lay_font_id font,
		       lay_align align, size_t maxlines);
/* Height of a block of n lines in font, from the top of its first line. */
double layout_block_height(size_t n, lay_font_id font);
/* The widest line of a block, in points. */
double layout_block_width(const sbp_layout *lay, const lay_block *b);
/* Find each flow's cards and count what its route will need (route.c);
 * fills lay->flows (without routes) and p. */
void layout_plan_flows(sbp_layout *lay, lay_plan *p);
/* The height of a lane's channel for n arrows (route.c). */
double layout_channel_h(size_t n);
/* Route every planned flow (route.c). */
void layout_route_flows(sbp_layout *lay, const lay_plan *p);
/* Place every flow's label clear of cards, lines and other labels
 * (labels.c). */
void layout_place_labels(sbp_layout *lay);
/* The title block from y, naming source_name when not NULL, the
 * standards key and the legend from y; each returns its bottom
 * (legend.c). */
double layout_place_title(sbp_layout *lay, double y, const char *source_name);
double layout_place_key(sbp_layout *lay, double y);
double layout_place_legend(sbp_layout *lay, double y);

#endif
