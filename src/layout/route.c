/* Flow routing: orthogonal arrows that leave the cards alone. Vertical
 * runs go through the gutters between columns, horizontal runs through
 * the channel kept free at the bottom of every lane; an arrow between two
 * cards that nothing separates in one column is a straight line. Each
 * gutter and channel hands out parallel tracks in turn, so arrows that
 * share one do not overlap. O(flows). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout_internal.h"

typedef struct route_ctx {
	sbp_layout *lay;
	const lay_plan *plan;
	size_t *pos;       /* card -> index in lay->order */
	size_t *gut_used;  /* per gutter: tracks handed out */
	size_t *chan_used; /* per lane */
	unsigned char *ports; /* per card, side and direction: ports handed out */
} route_ctx;

enum { SIDE_LEFT, SIDE_RIGHT, SIDE_TOP, SIDE_BOTTOM };

/* y of the next port on the left or right side of card i, for an arrow
 * whose other end lies at y other: ports for arrows going up are handed
 * out upwards from the middle of the card's first lines, the others
 * downwards, so arrows leaving one side do not cross. */
static double port_y(route_ctx *r, size_t i, int side, double other)
{
	const lay_box *b = &r->lay->cards[i].box;
	double mid = b->y + fmin(b->h / 2, 20);
	bool up = other < mid - 1;
	unsigned char *u = &r->ports[i * 8 + side * 2 + up];
	double y = up ? mid - 7.0 * (*u % 4 + 1) : mid + 7.0 * (*u % 4);

	if (*u < 255)
		(*u)++;
	return fmax(b->y + 4, fmin(b->y + b->h - 4, y));
}

/* The middle of card i's first lines. */
static double card_mid(const sbp_layout *lay, size_t i)
{
	const lay_box *b = &lay->cards[i].box;
	return b->y + fmin(b->h / 2, 20);
}

/* x of the next port shared by the bottom of card i and the top of card
 * j (or top and bottom when going up), so the arrow stays straight. */
static double port_x(route_ctx *r, size_t i, int side_i, size_t j, int side_j)
{
	static const double off[] = {0, 14, -14, 28, -28};
	unsigned char *a = &r->ports[i * 8 + side_i * 2], *b = &r->ports[j * 8 + side_j * 2];
	unsigned char k = *a > *b ? *a : *b;
	const lay_box *bx = &r->lay->cards[i].box;

	*a = *b = k < 255 ? k + 1 : k;
	return bx->x + bx->w / 2 + off[k % 5];
}

/* The free span [*lo, *hi] of gutter g, between the cards (the first
 * gutter starts at the lane names, the last ends at the grid's edge). */
static void gutter_span(const sbp_layout *lay, size_t g, double *lo, double *hi)
{
	double x = lay->col_x0 + (double)g * lay->col_w, half = lay->gutter / 2;
	size_t nc = lay->bp->columns.n;

	*lo = g == 0 ? x + 4 : x - half + 4;
	*hi = g == nc ? x - 4 : x + half - 4;
	if (*hi < *lo)
		*hi = *lo;
}

/* x of the next track of gutter g (g = column index: the gutter on the
 * left of column g; g = ncolumns: right of the last one). The gutter's
 * arrows are spread evenly around its middle, LAY_TRACK apart or closer
 * when more arrows share it than its width allows. */
static double gutter_x(route_ctx *r, size_t g)
{
	double lo, hi;
	size_t n = r->plan->gut_n[g] ? r->plan->gut_n[g] : 1, k = r->gut_used[g]++ % n;

	gutter_span(r->lay, g, &lo, &hi);
	double sp = n > 1 ? fmin(LAY_TRACK, (hi - lo) / (double)(n - 1)) : 0;
	return (lo + hi) / 2 + ((double)k - (double)(n - 1) / 2) * sp;
}

/* The height of a lane's channel for n arrows (kept free under the cards). */
double layout_channel_h(size_t n)
{
	if (n <= 2)
		return LAY_CHANNEL;
	return fmin(14 + LAY_CHANNEL_TRACK * (double)n, 14 + 12 * LAY_CHANNEL_TRACK);
}

/* y of the next track of lane l's bottom channel: from the lane's bottom
 * up, LAY_CHANNEL_TRACK apart or closer when the channel is crowded. */
static double channel_y(route_ctx *r, size_t l)
{
	const lay_box *b = &r->lay->lanes[l].band;
	size_t n = r->plan->chan_n[l] ? r->plan->chan_n[l] : 1, k = r->chan_used[l]++ % n;
	double hi = b->y + b->h - 6, room = layout_channel_h(n) - 14;
	double sp = n > 1 ? fmin(LAY_CHANNEL_TRACK, room / (double)(n - 1)) : 0;
	return hi - (double)k * sp;
}

/* Append a point, dropping one that repeats the last. */
static void add_pt(sbp_layout *lay, lay_flow *f, double x, double y)
{
	if (f->npts && lay->pts[lay->npts - 1].x == x && lay->pts[lay->npts - 1].y == y)
		return;
	xgrow(&lay->pts, &lay->pts_cap, lay->npts + 1, sizeof *lay->pts);
	lay->pts[lay->npts++] = (lay_pt){x, y};
	f->npts++;
}

/* Route one flow between cards a and b. */
static void route_one(route_ctx *r, lay_flow *f)
{
	sbp_layout *lay = r->lay;
	const lay_card *a = &lay->cards[f->from], *b = &lay->cards[f->to];
	size_t ca = a->step->column->idx, cb = b->step->column->idx;
	size_t la = a->step->lane->idx, lb = b->step->lane->idx;

	f->pt0 = lay->npts;
	if (f->from == f->to) { /* a loop on the right side */
		double gx = gutter_x(r, ca + 1);
		double x = a->box.x + a->box.w;
		double y1 = port_y(r, f->from, SIDE_RIGHT, a->box.y), y2 = port_y(r, f->from, SIDE_RIGHT, INFINITY);
		if (y1 == y2)
			y2 = y1 + 8;
		add_pt(lay, f, x, y1);
		add_pt(lay, f, gx, y1);
		add_pt(lay, f, gx, y2);
		add_pt(lay, f, x, y2);
		return;
	}
	if (ca == cb) {
		size_t pa = r->pos[f->from], pb = r->pos[f->to];
		if (pa + 1 == pb || pb + 1 == pa) { /* nothing in between */
			bool down = pb > pa;
			double cx = port_x(r, f->from, down ? SIDE_BOTTOM : SIDE_TOP, f->to,
					   down ? SIDE_TOP : SIDE_BOTTOM);
			double y1 = down ? a->box.y + a->box.h : a->box.y;
			double y2 = down ? b->box.y : b->box.y + b->box.h;
			add_pt(lay, f, cx, y1);
			add_pt(lay, f, cx, y2);
			return;
		}
		/* cards in between: around them through the right gutter */
		double gx = gutter_x(r, ca + 1), x = a->box.x + a->box.w;
		double ay = port_y(r, f->from, SIDE_RIGHT, card_mid(lay, f->to));
		double by = port_y(r, f->to, SIDE_RIGHT, ay);
		add_pt(lay, f, x, ay);
		add_pt(lay, f, gx, ay);
		add_pt(lay, f, gx, by);
		add_pt(lay, f, x, by);
		return;
	}
	bool fwd = cb > ca;
	double xa = fwd ? a->box.x + a->box.w : a->box.x;
	double xb = fwd ? b->box.x : b->box.x + b->box.w;
	double g1 = gutter_x(r, fwd ? ca + 1 : ca);
	double ay = port_y(r, f->from, fwd ? SIDE_RIGHT : SIDE_LEFT, card_mid(lay, f->to));
	double by = port_y(r, f->to, fwd ? SIDE_LEFT : SIDE_RIGHT, ay);
	if (fwd ? cb == ca + 1 : ca == cb + 1) { /* neighbouring columns */
		if (ay >= b->box.y + 4 && ay <= b->box.y + b->box.h - 4)
			by = ay; /* a straight line fits */
		add_pt(lay, f, xa, ay);
		add_pt(lay, f, g1, ay);
		add_pt(lay, f, g1, by);
		add_pt(lay, f, xb, by);
		return;
	}
	/* farther: down to a channel, across, and up again */
	double g2 = gutter_x(r, fwd ? cb : cb + 1);
	size_t lc = la < lb ? la : lb;
	double hy = channel_y(r, lc);
	add_pt(lay, f, xa, ay);
	add_pt(lay, f, g1, ay);
	add_pt(lay, f, g1, hy);
	add_pt(lay, f, g2, hy);
	add_pt(lay, f, g2, by);
	add_pt(lay, f, xb, by);
}

/* The gutters (up to two) and the channel a flow's route will use; the
 * same choices route_one makes. Returns how many gutters. */
static size_t flow_needs(const sbp_layout *lay, const size_t *pos, const lay_flow *f,
			 size_t g[2], size_t *chan, bool *stacked)
{
	const lay_card *a = &lay->cards[f->from], *b = &lay->cards[f->to];
	size_t ca = a->step->column->idx, cb = b->step->column->idx;
	size_t la = a->step->lane->idx, lb = b->step->lane->idx;

	*chan = (size_t)-1;
	*stacked = false;
	if (f->from == f->to) {
		g[0] = ca + 1;
		return 1;
	}
	if (ca == cb) {
		size_t pa = pos[f->from], pb = pos[f->to];
		if (pa + 1 == pb || pb + 1 == pa) {
			*stacked = la == lb;
			return 0;
		}
		g[0] = ca + 1;
		return 1;
	}
	bool fwd = cb > ca;
	g[0] = fwd ? ca + 1 : ca;
	if (fwd ? cb == ca + 1 : ca == cb + 1)
		return 1;
	g[1] = fwd ? cb : cb + 1;
	*chan = la < lb ? la : lb;
	return 2;
}

/* Find every flow's cards and count the routes' needs. */
void layout_plan_flows(sbp_layout *lay, lay_plan *p)
{
	const sbp_blueprint *bp = lay->bp;
	size_t nc = bp->columns.n;
	hmap cards;

	hmap_init(&cards);
	for (size_t i = 0; i < lay->ncards; i++)
		if (lay->cards[i].box.w > 0)
			hmap_put(&cards, lay->cards[i].step->id, &lay->cards[i]);
	size_t *pos = xcalloc(lay->ncards ? lay->ncards : 1, sizeof *pos);
	for (size_t k = 0; k < lay->col_start[nc]; k++)
		pos[lay->order[k]] = k;
	p->gut_n = xcalloc(nc + 1, sizeof *p->gut_n);
	p->gut_label = 0;
	p->chan_n = xcalloc(bp->lanes.n ? bp->lanes.n : 1, sizeof *p->chan_n);
	p->gap_after = xcalloc(lay->ncards ? lay->ncards : 1, sizeof *p->gap_after);
	lay->flows = xcalloc(bp->flows.n ? bp->flows.n : 1, sizeof *lay->flows);
	for (size_t i = 0; i < bp->flows.n; i++) {
		const sbp_flow *fl = bp->flows.items[i];
		lay_card *a = fl->from ? hmap_get(&cards, fl->from->id) : NULL;
		lay_card *b = fl->to ? hmap_get(&cards, fl->to->id) : NULL;
		if (!a || !b || a->step != fl->from || b->step != fl->to)
			continue; /* a step that is not drawn */
		lay_flow *f = &lay->flows[lay->nflows++];
		size_t g[2], chan;
		bool stacked;
		f->flow = fl;
		f->from = (size_t)(a - lay->cards);
		f->to = (size_t)(b - lay->cards);
		size_t ng = flow_needs(lay, pos, f, g, &chan, &stacked);
		for (size_t k = 0; k < ng; k++)
			p->gut_n[g[k]]++;
		if (ng == 1 && fl->label && *fl->label) {
			/* its label goes in that gutter: room for its longest word */
			double w = layout_widest_word(fl->label, strlen(fl->label), LAY_FONT_FLOW) + 16;
			if (w > p->gut_label)
				p->gut_label = w;
		}
		if (chan != (size_t)-1)
			p->chan_n[chan]++;
		if (stacked && fl->label && *fl->label) {
			/* the label goes beside the arrow between the two cards */
			size_t upper = pos[f->from] < pos[f->to] ? f->from : f->to;
			size_t n0 = lay->nlines, nc0 = lay->ncut;
			size_t n = layout_wrap_width(lay, fl->label, strlen(fl->label),
						     lay->card_w / 2 - 8, LAY_FONT_FLOW, 0);
			lay->nlines = n0, lay->ncut = nc0; /* only measured */
			double need = (double)n * lay_fonts[LAY_FONT_FLOW].line_h + 12 + LAY_MARK_R;
			if (need > p->gap_after[upper])
				p->gap_after[upper] = need;
		}
	}
	free(pos);
	hmap_free(&cards);
}

/* Route every planned flow between its cards. */
void layout_route_flows(sbp_layout *lay, const lay_plan *p)
{
	const sbp_blueprint *bp = lay->bp;
	route_ctx r = {lay, p, NULL, NULL, NULL, NULL};

	r.pos = xcalloc(lay->ncards ? lay->ncards : 1, sizeof *r.pos);
	for (size_t k = 0; k < lay->col_start[bp->columns.n]; k++)
		r.pos[lay->order[k]] = k;
	r.gut_used = xcalloc(bp->columns.n + 1, sizeof *r.gut_used);
	r.chan_used = xcalloc(bp->lanes.n ? bp->lanes.n : 1, sizeof *r.chan_used);
	r.ports = xcalloc(lay->ncards ? lay->ncards * 8 : 1, 1);
	for (size_t i = 0; i < lay->nflows; i++)
		route_one(&r, &lay->flows[i]);
	free(r.pos);
	free(r.gut_used);
	free(r.chan_used);
	free(r.ports);
}

/* Bounding box of a flow's path and label, with room for the head. */
lay_box layout_flow_bounds(const sbp_layout *lay, const lay_flow *f)
{
	double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;

	for (size_t i = 0; i < f->npts; i++) {
		const lay_pt *p = &lay->pts[f->pt0 + i];
		x0 = fmin(x0, p->x), x1 = fmax(x1, p->x);
		y0 = fmin(y0, p->y), y1 = fmax(y1, p->y);
	}
	if (f->label.nlines) {
		const lay_box *b = &f->label_box;
		x0 = fmin(x0, b->x), x1 = fmax(x1, b->x + b->w);
		y0 = fmin(y0, b->y), y1 = fmax(y1, b->y + b->h);
	}
	if (x0 > x1)
		return (lay_box){0, 0, 0, 0};
	return (lay_box){x0 - 8, y0 - 8, x1 - x0 + 16, y1 - y0 + 16};
}
