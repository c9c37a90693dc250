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
double layout_block_height(size_t n, lay_font_id font)
{
	return n ? (double)(n - 1) * lay_fonts[font].line_h + lay_fonts[font].size * 1.2 : 0;
}

/* The widest line of a block, with its ellipsis. */
double layout_block_width(const sbp_layout *lay, const lay_block *b)
{
	double w = 0;
	for (size_t i = 0; i < b->nlines; i++) {
		const lay_text *t = &lay->lines[b->line0 + i];
		double lw = layout_text_width(t->s, t->len, b->font) +
			    (t->ellipsis ? lay_fonts[b->font].size : 0);
		if (lw > w)
			w = lw;
	}
	return w;
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

/* Stack the cards of every cell: box.y relative to its lane's top for now;
 * fills lane_h with each lane's tallest stack plus its channel. */
static void stack_cards(sbp_layout *lay, double *lane_h, const lay_plan *p)
{
	const sbp_blueprint *bp = lay->bp;

	for (size_t c = 0; c < bp->columns.n; c++) {
		size_t prev_lane = (size_t)-1;
		double y = 0, gap = 0;
		for (size_t k = lay->col_start[c]; k < lay->col_start[c + 1]; k++) {
			size_t i = lay->order[k];
			lay_card *cd = &lay->cards[i];
			size_t l = cd->step->lane->idx;
			if (l != prev_lane)
				y = LAY_LANE_TOP;
			else
				y += gap;
			prev_lane = l;
			cd->box.x = lay->col_x0 + (double)c * lay->col_w + lay->gutter / 2;
			cd->box.y = y;
			y += cd->box.h;
			gap = p->gap_after[i] > LAY_STACK_GAP ? p->gap_after[i] : LAY_STACK_GAP;
			double ch = layout_channel_h(p->chan_n[l]);
			if (y + ch > lane_h[l])
				lane_h[l] = y + ch;
		}
	}
}

/* Phase headers (runs of columns with the same phase) and column headers
 * from y, as tall as their longest name needs (nothing is shortened);
 * returns the bottom. */
static double place_headers(sbp_layout *lay, double y)
{
	const sbp_blueprint *bp = lay->bp;
	size_t nc = bp->columns.n;
	bool any_phase = false;
	double ph_h = LAY_PHASE_H, co_h = LAY_COLHEAD_H;

	lay->head_y0 = y;
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
						   (double)(e - c) * lay->col_w, 0};
				h->text = layout_block(lay, ph, strlen(ph), h->box.x + h->box.w / 2,
						       0, h->box.w - 12, LAY_FONT_PHASE, LAY_CENTER, 0);
				double need = layout_block_height(h->text.nlines, LAY_FONT_PHASE) + 8;
				if (need > ph_h)
					ph_h = need;
			}
			c = e;
		}
		for (size_t i = 0; i < lay->nphases; i++) {
			lay_head *h = &lay->phases[i];
			double th = layout_block_height(h->text.nlines, LAY_FONT_PHASE);
			h->box.h = ph_h;
			h->text.y = y + (ph_h - th) / 2 + lay_fonts[LAY_FONT_PHASE].size * 0.95;
		}
		y += ph_h;
	}
	lay->columns = xcalloc(nc ? nc : 1, sizeof *lay->columns);
	for (size_t c = 0; c < nc; c++) {
		const sbp_column *col = bp->columns.items[c];
		lay_head *h = &lay->columns[c];
		h->box = (lay_box){lay->col_x0 + (double)c * lay->col_w, y, lay->col_w, 0};
		h->text = layout_block(lay, col->name, strlen(col->name),
				       h->box.x + h->box.w / 2, y, lay->col_w - 12,
				       LAY_FONT_COLUMN, LAY_CENTER, 0);
		double need = layout_block_height(h->text.nlines, LAY_FONT_COLUMN) + 12;
		if (need > co_h)
			co_h = need;
	}
	for (size_t c = 0; c < nc; c++) {
		lay_head *h = &lay->columns[c];
		double th = layout_block_height(h->text.nlines, LAY_FONT_COLUMN);
		h->box.h = co_h;
		h->text.y = y + (co_h - th) / 2 + lay_fonts[LAY_FONT_COLUMN].size * 0.95;
	}
	lay->head_y1 = y + co_h;
	return y + co_h;
}

/* Lane bands and names, from y, with the heights found by stack_cards;
 * returns the bottom. */
static double place_lanes(sbp_layout *lay, double y, double *lane_h)
{
	const sbp_blueprint *bp = lay->bp;
	double width = LAY_LANE_HEAD + (double)bp->columns.n * lay->col_w;
	const lay_font *lf = &lay_fonts[LAY_FONT_LINE];

	lay->lanes = xcalloc(bp->lanes.n ? bp->lanes.n : 1, sizeof *lay->lanes);
	lay->zlines = xcalloc(bp->lanes.n ? bp->lanes.n : 1, sizeof *lay->zlines);
	for (size_t l = 0; l < bp->lanes.n; l++) {
		const sbp_lane *ln = bp->lanes.items[l];
		lay_lane *L = &lay->lanes[l];
		L->lane = ln;
		L->name = layout_block(lay, ln->name, strlen(ln->name), LAY_MARGIN + 10, 0,
				       LAY_LANE_HEAD - 20, LAY_FONT_LANE, LAY_LEFT, 0);
		const char *z = term_zone_now(ln->zone);
		L->zone = layout_block(lay, z, strlen(z), LAY_MARGIN + 10, 0,
				       LAY_LANE_HEAD - 20, LAY_FONT_ZONE, LAY_LEFT, 0);
		double th = layout_block_height(L->name.nlines, LAY_FONT_LANE) + 3 +
			    layout_block_height(L->zone.nlines, LAY_FONT_ZONE);
		lay_zline *zl = NULL;
		if (l > 0 && bp->lanes.items[l - 1]->zone < ln->zone) {
			sbp_buf lb;
			buf_init(&lb);
			for (int zz = bp->lanes.items[l - 1]->zone + 1; zz <= (int)ln->zone; zz++) {
				const char *name = term_line_above(term_now(), (sbp_zone)zz);
				if (name)
					buf_printf(&lb, "%s%s", lb.len ? " \xC2\xB7 " : "", name);
			}
			if (lb.len) {
				zl = &lay->zlines[lay->nzlines++];
				zl->label = layout_strdup(lay, lb.data, lb.len);
				zl->text = layout_block(lay, zl->label, lb.len, LAY_MARGIN + 6, 0,
							LAY_LANE_HEAD - 8, LAY_FONT_LINE, LAY_LEFT, 0);
			}
			buf_free(&lb);
		}
		/* the line's label sits at the top of this lane's name cell,
		 * under the line, so it never meets the lane above */
		double lab = zl ? (double)zl->text.nlines * lf->line_h + 4 : 0;
		double h = lane_h[l] > LAY_LANE_MIN ? lane_h[l] : LAY_LANE_MIN;
		if (th + 28 + 2 * lab > h)
			h = th + 28 + 2 * lab;
		L->band = (lay_box){LAY_MARGIN, y, width, h};
		L->head = (lay_box){LAY_MARGIN, y, LAY_LANE_HEAD, h};
		L->name.y = y + lab + (h - lab - th) / 2 + lay_fonts[LAY_FONT_LANE].size * 0.95;
		L->zone.y = L->name.y + layout_block_height(L->name.nlines, LAY_FONT_LANE) + 3 +
			    lay_fonts[LAY_FONT_ZONE].size * 0.2;
		if (zl) {
			zl->y = y;
			zl->x0 = LAY_MARGIN;
			zl->x1 = LAY_MARGIN + width;
			zl->text.y = y + 3 + lf->size * 0.9;
		}
		lane_h[l] = y; /* from now on: the lane's top */
		y += h;
	}
	return y;
}

/* The card width: wide enough for the widest word of any card, so that
 * no word is broken (up to LAY_CARD_W_MAX). */
static double card_width(sbp_layout *lay)
{
	double w = LAY_CARD_W;
	sbp_buf tmp;

	buf_init(&tmp);
	for (size_t i = 0; i < lay->bp->steps.n; i++) {
		double cw = layout_card_widest(lay, lay->bp->steps.items[i], &tmp);
		if (cw > w)
			w = cw;
	}
	buf_free(&tmp);
	return ceil(w > LAY_CARD_W_MAX ? LAY_CARD_W_MAX : w);
}

/* The gutter width: room for the busiest gutter's arrows at LAY_TRACK
 * apart (the outer gutters have half a gutter each). */
static double gutter_width(const sbp_layout *lay, const lay_plan *p)
{
	size_t nc = lay->bp->columns.n;
	double g = p->gut_label > LAY_GUTTER ? p->gut_label : LAY_GUTTER;

	for (size_t i = 0; i <= nc; i++) {
		double need = (double)p->gut_n[i] * LAY_TRACK * (i == 0 || i == nc ? 2 : 1) + 16;
		if (need > g)
			g = need;
	}
	return ceil(g > LAY_GUTTER_MAX ? LAY_GUTTER_MAX : g);
}

/* The standards key's entries (their text is placed by legend.c). */
static void key_entries(sbp_layout *lay)
{
	const sbp_blueprint *bp = lay->bp;
	lay->nkeys = bp->standards.n;
	lay->keys = xcalloc(lay->nkeys ? lay->nkeys : 1, sizeof *lay->keys);
	for (size_t i = 0; i < lay->nkeys; i++) {
		lay->keys[i].std = bp->standards.items[i];
		lay->keys[i].below = standard_below_goal(bp->standards.items[i]);
	}
}

/* Compute the whole poster: title, headers, lanes, cards, flows, key and
 * legend. */
sbp_layout *layout_new(const sbp_blueprint *bp, const char *source_name)
{
	sbp_layout *lay = xcalloc(1, sizeof *lay);
	size_t nc = bp->columns.n;
	lay_plan plan;
	sbp_buf tmp;

	lay->bp = bp;
	lay->mark_r = LAY_MARK_R;
	lay->col_x0 = LAY_MARGIN + LAY_LANE_HEAD;
	check_summary(bp, &lay->sum);
	key_entries(lay);
	lay->card_w = card_width(lay);

	lay->ncards = bp->steps.n;
	lay->cards = xcalloc(lay->ncards ? lay->ncards : 1, sizeof *lay->cards);
	buf_init(&tmp);
	for (size_t i = 0; i < lay->ncards; i++) {
		lay->cards[i].step = bp->steps.items[i];
		layout_measure_card(lay, &lay->cards[i], &tmp);
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
	layout_plan_flows(lay, &plan);
	lay->gutter = gutter_width(lay, &plan);
	lay->col_w = lay->card_w + lay->gutter;
	lay->width = 2 * LAY_MARGIN + LAY_LANE_HEAD + (double)nc * lay->col_w;
	if (lay->width < 560)
		lay->width = 560;

	double y = layout_place_title(lay, LAY_MARGIN, source_name);
	double grid_top = y;
	y = place_headers(lay, y);
	double *lane_h = xcalloc(bp->lanes.n ? bp->lanes.n : 1, sizeof *lane_h);
	stack_cards(lay, lane_h, &plan);
	double bottom = place_lanes(lay, y, lane_h);
	for (size_t k = 0; k < lay->col_start[nc]; k++) {
		lay_card *cd = &lay->cards[lay->order[k]];
		layout_place_card(cd, lane_h[cd->step->lane->idx]);
	}
	free(lane_h);
	lay->grid = (lay_box){LAY_MARGIN, grid_top, LAY_LANE_HEAD + (double)nc * lay->col_w,
			      bottom - grid_top};
	layout_route_flows(lay, &plan);
	free(plan.gut_n);
	free(plan.chan_n);
	free(plan.gap_after);
	layout_place_labels(lay);
	y = layout_place_key(lay, bottom + 18);
	lay->height = layout_place_legend(lay, y) + LAY_MARGIN;
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
	free(lay->keys);
	free(lay->legend);
	free(lay->lines);
	free(lay->pts);
	layout_arena_free(lay->arena);
	free(lay);
}
