/* Flow labels placed where they can be read: beside or on their own
 * arrow, clear of every card (and its markers), of the three lines and
 * of every label placed before. Candidates go along the arrow's longest
 * runs first; the first clear one wins. A label with no clear place is
 * put at its first choice and counted in lay->nclash. Look-ups go
 * through the columns (cards are sorted by y in each) and per-column
 * buckets of placed labels, so placing stays near linear. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout_internal.h"

#define CLEAR 1.5 /* the least room around a label */

typedef struct lbl_ctx {
	sbp_layout *lay;
	size_t nb;        /* buckets: columns + 2 */
	size_t **bk;      /* per bucket: indexes of placed flows */
	size_t *bk_n, *bk_cap;
	double top, bottom; /* the lanes */
} lbl_ctx;

/* A label's shape at one wrap width: its lines are measured only. */
typedef struct lbl_shape {
	double w, h;
} lbl_shape;

/* Do a and b overlap (with CLEAR room)? */
static bool meet(lay_box a, lay_box b)
{
	return a.x < b.x + b.w + CLEAR && b.x < a.x + a.w + CLEAR &&
	       a.y < b.y + b.h + CLEAR && b.y < a.y + a.h + CLEAR;
}

/* The bucket of x. */
static size_t bucket(const lbl_ctx *c, double x)
{
	double k = floor((x - c->lay->col_x0) / c->lay->col_w) + 1;
	return k < 0 ? 0 : k >= (double)c->nb ? c->nb - 1 : (size_t)k;
}

/* Does box b meet a card (with its markers) of column col? Cards of a
 * column are sorted by y: binary search for the first that may meet. */
static bool meets_cards(const sbp_layout *lay, size_t col, lay_box b)
{
	size_t lo = lay->col_start[col], hi = lay->col_start[col + 1];
	double r = lay->mark_r;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const lay_box *cb = &lay->cards[lay->order[mid]].box;
		if (cb->y + cb->h + CLEAR < b.y)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t k = lo; k < lay->col_start[col + 1]; k++) {
		const lay_box *cb = &lay->cards[lay->order[k]].box;
		if (cb->y - r > b.y + b.h + CLEAR)
			break;
		if (meet(b, (lay_box){cb->x, cb->y - r, cb->w, cb->h + r}))
			return true;
	}
	return false;
}

/* Is box b clear of the grid's edges, cards, lines and placed labels? */
static bool clear(const lbl_ctx *c, lay_box b)
{
	const sbp_layout *lay = c->lay;
	size_t nc = lay->bp->columns.n;

	if (b.x < lay->col_x0 + 1 || b.x + b.w > lay->col_x0 + (double)nc * lay->col_w - 1 ||
	    b.y < c->top + 1 || b.y + b.h > c->bottom - 1)
		return false;
	for (size_t i = 0; i < lay->nzlines; i++)
		if (lay->zlines[i].y > b.y - 2 * CLEAR && lay->zlines[i].y < b.y + b.h + 2 * CLEAR)
			return false;
	double c0 = floor((b.x - lay->col_x0) / lay->col_w), c1 = floor((b.x + b.w - lay->col_x0) / lay->col_w);
	for (double col = fmax(c0, 0); col <= c1 && col < (double)nc; col++)
		if (meets_cards(lay, (size_t)col, b))
			return false;
	size_t k0 = bucket(c, b.x), k1 = bucket(c, b.x + b.w);
	k0 = k0 ? k0 - 1 : 0;
	k1 = k1 + 1 < c->nb ? k1 + 1 : k1;
	for (size_t k = k0; k <= k1; k++)
		for (size_t j = 0; j < c->bk_n[k]; j++)
			if (meet(b, lay->flows[c->bk[k][j]].label_box))
				return false;
	return true;
}

/* The size of label s wrapped at width (measured, nothing kept). */
static lbl_shape shape(sbp_layout *lay, const char *s, double width)
{
	size_t n0 = lay->nlines, nc0 = lay->ncut;
	lay_block b = layout_block(lay, s, strlen(s), 0, 0, width, LAY_FONT_FLOW, LAY_CENTER, 0);
	lbl_shape sh = {layout_block_width(lay, &b) + 4,
			(double)b.nlines * lay_fonts[LAY_FONT_FLOW].line_h + 2};
	lay->nlines = n0, lay->ncut = nc0;
	return sh;
}

/* Try the places along one run p-q of the arrow for a label of shape
 * sh; on success set *out. Fractions from the middle outwards first; with
 * fine, every few points along the run. */
static bool try_run(const lbl_ctx *c, lay_pt p, lay_pt q, lbl_shape sh, bool fine, lay_box *out)
{
	static const double ts[] = {0.5, 0.35, 0.65, 0.2, 0.8, 0.08, 0.92};
	bool vertical = p.x == q.x;
	double len = vertical ? fabs(q.y - p.y) : fabs(q.x - p.x);
	size_t n = fine ? (size_t)fmin(200, len / 4) : sizeof ts / sizeof ts[0];

	for (size_t i = 0; i < n; i++) {
		double t = fine ? ((double)i + 0.5) / (double)n : ts[i];
		double x = p.x + (q.x - p.x) * t, y = p.y + (q.y - p.y) * t;
		lay_box cand[3];
		if (vertical) {
			double top = y - sh.h / 2;
			cand[0] = (lay_box){x - sh.w / 2, top, sh.w, sh.h}; /* on the arrow */
			cand[1] = (lay_box){x + 3, top, sh.w, sh.h};        /* right of it */
			cand[2] = (lay_box){x - 3 - sh.w, top, sh.w, sh.h}; /* left of it */
		} else {
			double left = x - sh.w / 2;
			cand[0] = (lay_box){left, y - 2 - sh.h, sh.w, sh.h}; /* above */
			cand[1] = (lay_box){left, y + 2, sh.w, sh.h};        /* below */
			cand[2] = (lay_box){left, y - sh.h / 2, sh.w, sh.h}; /* on it */
		}
		for (int k = 0; k < 3; k++)
			if (clear(c, cand[k])) {
				*out = cand[k];
				return true;
			}
	}
	return false;
}

/* Place the label of flow f. */
static void place_one(lbl_ctx *c, lay_flow *f)
{
	sbp_layout *lay = c->lay;
	const char *s = f->flow->label;
	const lay_pt *p = &lay->pts[f->pt0];
	double word = layout_widest_word(s, strlen(s), LAY_FONT_FLOW);
	double narrow_w = fmax(word, lay->gutter - 10), wide_w = fmax(word, LAY_LABEL_MAX_W);
	lbl_shape narrow = shape(lay, s, narrow_w), wide = shape(lay, s, wide_w);
	lay_pt run[9];
	size_t order[8], nr = 0;
	lay_box box = {0, 0, 0, 0};
	bool found = false, use_wide = false;

	/* the runs of the arrow: collinear pieces joined */
	run[0] = p[0];
	for (size_t i = 1; i < f->npts && nr < 8; i++) {
		bool same = nr > 0 && ((run[nr - 1].x == run[nr].x && run[nr].x == p[i].x) ||
				       (run[nr - 1].y == run[nr].y && run[nr].y == p[i].y));
		if (same)
			run[nr] = p[i];
		else
			run[++nr] = p[i];
	}
	for (size_t i = 0; i < nr; i++) /* runs, longest first */
		order[i] = i;
	for (size_t i = 1; i < nr; i++)
		for (size_t j = i; j > 0; j--) {
			const lay_pt *a = &run[order[j]], *b = &run[order[j - 1]];
			double la = fabs(a[1].x - a[0].x) + fabs(a[1].y - a[0].y);
			double lb = fabs(b[1].x - b[0].x) + fabs(b[1].y - b[0].y);
			if (la <= lb)
				break;
			size_t t = order[j];
			order[j] = order[j - 1], order[j - 1] = t;
		}
	for (int fine = 0; fine < 2 && !found; fine++)
		for (size_t i = 0; i < nr && !found; i++) {
			lay_pt a = run[order[i]], b = run[order[i] + 1];
			bool vert = a.x == b.x;
			if (try_run(c, a, b, vert ? narrow : wide, fine, &box))
				found = true, use_wide = !vert;
			else if (try_run(c, a, b, vert ? wide : narrow, fine, &box))
				found = true, use_wide = vert;
		}
	if (!found) {
		lay_pt a = run[order[0]], b = run[order[0] + 1];
		use_wide = a.x != b.x;
		lbl_shape sh = use_wide ? wide : narrow;
		box = (lay_box){(a.x + b.x) / 2 - sh.w / 2, (a.y + b.y) / 2 - sh.h / 2, sh.w, sh.h};
		lay->nclash++;
	}
	f->label = layout_block(lay, s, strlen(s), box.x + box.w / 2, 0,
				use_wide ? wide_w : narrow_w,
				LAY_FONT_FLOW, LAY_CENTER, 0);
	f->label.y = box.y + 1 + lay_fonts[LAY_FONT_FLOW].size * 0.85;
	f->label_box = box;
	size_t k = bucket(c, box.x + box.w / 2);
	xgrow(&c->bk[k], &c->bk_cap[k], c->bk_n[k] + 1, sizeof *c->bk[k]);
	c->bk[k][c->bk_n[k]++] = (size_t)(f - lay->flows);
}

/* Place every flow's label, in flow order. */
void layout_place_labels(sbp_layout *lay)
{
	size_t nl = lay->bp->lanes.n;
	lbl_ctx c = {lay, lay->bp->columns.n + 2, NULL, NULL, NULL, 0, 0};

	if (!nl)
		return;
	c.top = lay->lanes[0].band.y;
	c.bottom = lay->lanes[nl - 1].band.y + lay->lanes[nl - 1].band.h;
	c.bk = xcalloc(c.nb, sizeof *c.bk);
	c.bk_n = xcalloc(c.nb, sizeof *c.bk_n);
	c.bk_cap = xcalloc(c.nb, sizeof *c.bk_cap);
	for (size_t i = 0; i < lay->nflows; i++) {
		lay_flow *f = &lay->flows[i];
		if (f->flow->label && *f->flow->label && f->npts >= 2)
			place_one(&c, f);
	}
	for (size_t k = 0; k < c.nb; k++)
		free(c.bk[k]);
	free(c.bk);
	free(c.bk_n);
	free(c.bk_cap);
}
