/* The layout of a blueprint poster: headers, lane bands, the three lines
 * and the cards stacked in their cells. Flows are routed in route.c, the
 * title block and legend placed in legend.c. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout_internal.h"

/* Wrap text into lay->lines as a block placed at x, y. */
lay_block layout_block(sbp_layout *lay, const char *s, size_t len,
		       double x, double y, double width, lay_font_id font,
		       lay_align align, size_t maxlines)
{
	lay_block b = {x, y, font, align, lay->nlines, 0};
	b.nlines = layout_wrap_width(lay, s, len, width, font, maxlines);
	return b;
}

/* Height of a block of n lines in font, from the top of its first line. */
static double block_height(size_t n, lay_font_id font)
{
	return n ? (double)(n - 1) * lay_fonts[font].line_h + lay_fonts[font].size * 1.2 : 0;
}

/* Lane index of a step, or (size_t)-1 when it has none. */
static size_t step_lane(const sbp_blueprint *bp, const sbp_step *s)
{
	if (!s->lane || s->lane->idx >= bp->lanes.n || bp->lanes.items[s->lane->idx] != s->lane)
		return (size_t)-1;
	return s->lane->idx;
}

/* Column index of a step, or (size_t)-1 when it has none. */
static size_t step_column(const sbp_blueprint *bp, const sbp_step *s)
{
	if (!s->column || s->column->idx >= bp->columns.n ||
	    bp->columns.items[s->column->idx] != s->column)
		return (size_t)-1;
	return s->column->idx;
}

/* Sort the cards by column, then lane, then file order (two counting
 * sorts), filling lay->order and lay->col_start. Cards without a lane or
 * column are left out. */
static void sort_cards(sbp_layout *lay)
{
	const sbp_blueprint *bp = lay->bp;
	size_t nl = bp->lanes.n, nc = bp->columns.n, n = bp->steps.n;
	size_t *lane_start = xcalloc(nl + 1, sizeof *lane_start);
	size_t *by_lane = xmalloc((n ? n : 1) * sizeof *by_lane);
	size_t placed = 0;

	lay->col_start = xcalloc(nc + 2, sizeof *lay->col_start);
	lay->order = xmalloc((n ? n : 1) * sizeof *lay->order);
	for (size_t i = 0; i < n; i++) {
		const sbp_step *s = bp->steps.items[i];
		size_t l = step_lane(bp, s), c = step_column(bp, s);
		if (l != (size_t)-1 && c != (size_t)-1) {
			lane_start[l + 1]++;
			lay->col_start[c + 1]++;
			placed++;
		}
	}
	for (size_t l = 0; l < nl; l++)
		lane_start[l + 1] += lane_start[l];
	for (size_t c = 0; c < nc; c++)
		lay->col_start[c + 1] += lay->col_start[c];
	for (size_t i = 0; i < n; i++) {
		const sbp_step *s = bp->steps.items[i];
		size_t l = step_lane(bp, s);
		if (l != (size_t)-1 && step_column(bp, s) != (size_t)-1)
			by_lane[lane_start[l]++] = i;
	}
	size_t *fill = xmalloc((nc + 1) * sizeof *fill);
	memcpy(fill, lay->col_start, (nc + 1) * sizeof *fill);
	for (size_t k = 0; k < placed; k++) {
		size_t i = by_lane[k];
		lay->order[fill[step_column(bp, bp->steps.items[i])]++] = i;
	}
	free(fill);
	free(by_lane);
	free(lane_start);
}

/* Wrap one card's text and footer and add its markers; the box gets its
 * width and height, positions come later. */
static void measure_card(sbp_layout *lay, lay_card *cd, sbp_buf *tmp)
{
	const sbp_step *s = cd->step;
	double inner = LAY_CARD_W - 2 * LAY_PAD_X;

	cd->encounter = step_is_encounter(s);
	cd->flagged = step_is_flagged(s);
	cd->text = layout_block(lay, s->text, strlen(s->text), 0, 0, inner,
				LAY_FONT_CARD, LAY_LEFT, LAY_CARD_LINES);
	buf_reset(tmp);
	if (!isnan(s->duration)) {
		char num[32];
		fmt_number(s->duration, num);
		buf_printf(tmp, "%s min", num);
	}
	for (size_t i = 0; i < s->stds.n; i++) {
		buf_puts(tmp, i ? ", " : tmp->len ? " \xC2\xB7 " : "");
		buf_puts(tmp, s->stds.items[i]->id);
	}
	cd->foot.nlines = 0;
	if (tmp->len) {
		const char *f = layout_strdup(lay, tmp->data, tmp->len);
		cd->foot = layout_block(lay, f, tmp->len, 0, 0, inner,
					LAY_FONT_FOOT, LAY_LEFT, 1);
	}
	size_t nl = cd->text.nlines ? cd->text.nlines : 1;
	cd->box.w = LAY_CARD_W;
	cd->box.h = LAY_PAD_TOP + LAY_PAD_BOTTOM + (double)nl * lay_fonts[LAY_FONT_CARD].line_h +
		    (cd->foot.nlines ? lay_fonts[LAY_FONT_FOOT].line_h + 2 : 0);
	cd->nmarks = 0;
	if (cd->flagged)
		cd->marks[cd->nmarks++].kind = LAY_MARK_FLAG;
	if (s->fail)
		cd->marks[cd->nmarks++].kind = LAY_MARK_FAIL;
	if (s->wait)
		cd->marks[cd->nmarks++].kind = LAY_MARK_WAIT;
}

/* Stack the cards of every cell: box.y relative to its lane's top for now;
 * fills lane_h with each lane's tallest stack. */
static void stack_cards(sbp_layout *lay, double *lane_h)
{
	const sbp_blueprint *bp = lay->bp;

	for (size_t c = 0; c < bp->columns.n; c++) {
		size_t prev_lane = (size_t)-1;
		double y = 0;
		for (size_t k = lay->col_start[c]; k < lay->col_start[c + 1]; k++) {
			lay_card *cd = &lay->cards[lay->order[k]];
			size_t l = cd->step->lane->idx;
			if (l != prev_lane)
				y = LAY_LANE_TOP;
			else
				y += LAY_STACK_GAP;
			prev_lane = l;
			cd->box.x = lay->col_x0 + (double)c * lay->col_w + LAY_GUTTER / 2;
			cd->box.y = y;
			y += cd->box.h;
			if (y + LAY_CHANNEL > lane_h[l])
				lane_h[l] = y + LAY_CHANNEL;
		}
	}
}

/* Place a card at its final position: lane top added, blocks and
 * markers positioned. */
static void place_card(lay_card *cd, double lane_y)
{
	cd->box.y += lane_y;
	cd->text.x = cd->box.x + LAY_PAD_X;
	cd->text.y = cd->box.y + LAY_PAD_TOP + lay_fonts[LAY_FONT_CARD].size * 0.9;
	if (cd->foot.nlines) {
		cd->foot.x = cd->text.x;
		cd->foot.y = cd->box.y + cd->box.h - LAY_PAD_BOTTOM - 2;
	}
	for (size_t i = 0; i < cd->nmarks; i++) {
		cd->marks[i].cx = cd->box.x + cd->box.w - 12 - (double)i * (2 * LAY_MARK_R + 4);
		cd->marks[i].cy = cd->box.y;
	}
}

/* Phase headers (runs of columns with the same phase) and column headers
 * from y; returns the bottom. */
static double place_headers(sbp_layout *lay, double y)
{
	const sbp_blueprint *bp = lay->bp;
	size_t nc = bp->columns.n;
	bool any_phase = false;

	for (size_t c = 0; c < nc; c++)
		any_phase |= bp->columns.items[c]->phase != NULL;
	lay->phases = xcalloc(nc ? nc : 1, sizeof *lay->phases);
	if (any_phase) {
		for (size_t c = 0; c < nc;) {
			const char *ph = bp->columns.items[c]->phase;
			size_t e = c + 1;
			while (e < nc && ph && bp->columns.items[e]->phase &&
			       !strcmp(ph, bp->columns.items[e]->phase))
				e++;
			if (ph) {
				lay_head *h = &lay->phases[lay->nphases++];
				h->box = (lay_box){lay->col_x0 + (double)c * lay->col_w, y,
						   (double)(e - c) * lay->col_w, LAY_PHASE_H};
				h->text = layout_block(lay, ph, strlen(ph), h->box.x + h->box.w / 2,
						       y + 15.5, h->box.w - 12, LAY_FONT_PHASE,
						       LAY_CENTER, 1);
			}
			c = e;
		}
		y += LAY_PHASE_H;
	}
	lay->columns = xcalloc(nc ? nc : 1, sizeof *lay->columns);
	for (size_t c = 0; c < nc; c++) {
		const sbp_column *col = bp->columns.items[c];
		lay_head *h = &lay->columns[c];
		h->box = (lay_box){lay->col_x0 + (double)c * lay->col_w, y, lay->col_w,
				   LAY_COLHEAD_H};
		h->text = layout_block(lay, col->name, strlen(col->name),
				       h->box.x + h->box.w / 2, y, lay->col_w - 12,
				       LAY_FONT_COLUMN, LAY_CENTER, 2);
		double th = block_height(h->text.nlines, LAY_FONT_COLUMN);
		h->text.y = y + (LAY_COLHEAD_H - th) / 2 + lay_fonts[LAY_FONT_COLUMN].size * 0.95;
	}
	return y + LAY_COLHEAD_H;
}

/* Lane bands and names, from y, with the heights found by stack_cards;
 * returns the bottom. */
static double place_lanes(sbp_layout *lay, double y, double *lane_h)
{
	const sbp_blueprint *bp = lay->bp;
	double width = LAY_LANE_HEAD + (double)bp->columns.n * lay->col_w;

	lay->lanes = xcalloc(bp->lanes.n ? bp->lanes.n : 1, sizeof *lay->lanes);
	lay->zlines = xcalloc(bp->lanes.n ? bp->lanes.n : 1, sizeof *lay->zlines);
	for (size_t l = 0; l < bp->lanes.n; l++) {
		const sbp_lane *ln = bp->lanes.items[l];
		lay_lane *L = &lay->lanes[l];
		L->lane = ln;
		L->name = layout_block(lay, ln->name, strlen(ln->name), LAY_MARGIN + 10, 0,
				       LAY_LANE_HEAD - 20, LAY_FONT_LANE, LAY_LEFT, 4);
		const char *z = zone_id(ln->zone);
		L->zone = layout_block(lay, z, strlen(z), LAY_MARGIN + 10, 0,
				       LAY_LANE_HEAD - 20, LAY_FONT_ZONE, LAY_LEFT, 1);
		double th = block_height(L->name.nlines, LAY_FONT_LANE) + 3 +
			    block_height(1, LAY_FONT_ZONE);
		double h = lane_h[l] > LAY_LANE_MIN ? lane_h[l] : LAY_LANE_MIN;
		if (th + 28 > h)
			h = th + 28;
		L->band = (lay_box){LAY_MARGIN, y, width, h};
		L->head = (lay_box){LAY_MARGIN, y, LAY_LANE_HEAD, h};
		L->name.y = y + (h - th) / 2 + lay_fonts[LAY_FONT_LANE].size * 0.95;
		L->zone.y = L->name.y + block_height(L->name.nlines, LAY_FONT_LANE) + 3 +
			    lay_fonts[LAY_FONT_ZONE].size * 0.2;
		lane_h[l] = y; /* from now on: the lane's top */
		if (l > 0 && bp->lanes.items[l - 1]->zone < ln->zone) {
			sbp_buf lb;
			buf_init(&lb);
			for (int zz = bp->lanes.items[l - 1]->zone + 1; zz <= (int)ln->zone; zz++) {
				const char *name = zone_line_above((sbp_zone)zz);
				if (name)
					buf_printf(&lb, "%s%s", lb.len ? " \xC2\xB7 " : "", name);
			}
			if (lb.len) {
				lay_zline *zl = &lay->zlines[lay->nzlines++];
				zl->y = y;
				zl->x0 = LAY_MARGIN;
				zl->x1 = LAY_MARGIN + width;
				zl->label = layout_strdup(lay, lb.data, lb.len);
				zl->text = layout_block(lay, zl->label, lb.len, LAY_MARGIN + 6, y - 4,
							LAY_LANE_HEAD - 8, LAY_FONT_LINE, LAY_LEFT, 1);
			}
			buf_free(&lb);
		}
		y += h;
	}
	return y;
}

/* Compute the whole poster: title, headers, lanes, cards, flows, legend. */
sbp_layout *layout_new(const sbp_blueprint *bp, const char *source_name)
{
	sbp_layout *lay = xcalloc(1, sizeof *lay);
	size_t nc = bp->columns.n;
	sbp_buf tmp;

	lay->bp = bp;
	lay->mark_r = LAY_MARK_R;
	lay->card_w = LAY_CARD_W;
	lay->col_w = LAY_COL_W;
	lay->col_x0 = LAY_MARGIN + LAY_LANE_HEAD;
	lay->width = 2 * LAY_MARGIN + LAY_LANE_HEAD + (double)nc * LAY_COL_W;
	if (lay->width < 560)
		lay->width = 560;
	check_summary(bp, &lay->sum);

	double y = layout_place_title(lay, LAY_MARGIN, source_name);
	double grid_top = y;
	y = place_headers(lay, y);

	lay->ncards = bp->steps.n;
	lay->cards = xcalloc(lay->ncards ? lay->ncards : 1, sizeof *lay->cards);
	buf_init(&tmp);
	for (size_t i = 0; i < lay->ncards; i++) {
		lay->cards[i].step = bp->steps.items[i];
		measure_card(lay, &lay->cards[i], &tmp);
	}
	buf_free(&tmp);
	sort_cards(lay);
	for (size_t i = 0; i < lay->ncards; i++) {
		if (step_lane(bp, bp->steps.items[i]) == (size_t)-1 ||
		    step_column(bp, bp->steps.items[i]) == (size_t)-1) {
			lay->cards[i].box.w = 0; /* not drawn */
			lay->cards[i].nmarks = 0;
		}
	}
	double *lane_h = xcalloc(bp->lanes.n ? bp->lanes.n : 1, sizeof *lane_h);
	stack_cards(lay, lane_h);
	double bottom = place_lanes(lay, y, lane_h);
	for (size_t k = 0; k < lay->col_start[nc]; k++) {
		lay_card *cd = &lay->cards[lay->order[k]];
		place_card(cd, lane_h[cd->step->lane->idx]);
	}
	free(lane_h);
	lay->grid = (lay_box){LAY_MARGIN, grid_top, LAY_LANE_HEAD + (double)nc * LAY_COL_W,
			      bottom - grid_top};
	layout_route_flows(lay);
	lay->height = layout_place_legend(lay, bottom + 18) + LAY_MARGIN;
	return lay;
}

/* Free a layout and everything it owns. */
void layout_free(sbp_layout *lay)
{
	if (!lay)
		return;
	free(lay->phases);
	free(lay->columns);
	free(lay->lanes);
	free(lay->zlines);
	free(lay->cards);
	free(lay->order);
	free(lay->col_start);
	free(lay->flows);
	free(lay->legend);
	free(lay->lines);
	free(lay->pts);
	layout_arena_free(lay->arena);
	free(lay);
}
