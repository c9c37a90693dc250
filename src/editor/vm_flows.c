/* The flows view's connectors, like the poster's: every flow leaves its
 * source card into the gutter on the card's right, runs along the row
 * under (or over) the source's lane to the gutter next to the target —
 * the gutter on its left when the target lies in a later column, on its
 * right when it lies in the same or an earlier one — and ends in an
 * arrowhead beside the target card. Each flow takes its own track in a
 * gutter where the gutter has room, and runs that would overlap in the
 * rows between lanes take rows of their own (up to FLOW_TRACKS); where
 * routes meet, the cells join into corners, tees and crossings. Cells
 * are in body lines and grid columns, so the frame only clips them to
 * the screen. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

enum { DN = 1, DS = 2, DE = 4, DW = 8 };

/* The cells being routed: direction bits per cell, or a head glyph. */
typedef struct router {
	ed_conn_cell *cells;
	unsigned char *bits;
	size_t n, cap;
	bool sel;
} router;

/* The cell at (r, x), added when new. (Linear: the flows of a screen's
 * worth of blueprint are few; a blueprint with thousands of flows routes
 * them once per frame in the flows view only.) */
static size_t cell_at(router *rt, size_t r, int x)
{
	for (size_t i = rt->n; i-- > 0;)
		if (rt->cells[i].r == r && rt->cells[i].x == x) {
			rt->cells[i].sel |= rt->sel;
			return i;
		}
	size_t cap = rt->cap;
	xgrow(&rt->cells, &rt->cap, rt->n + 1, sizeof *rt->cells);
	if (rt->cap != cap)
		rt->bits = xrealloc(rt->bits, rt->cap);
	rt->cells[rt->n] = (ed_conn_cell){ r, x, -1, rt->sel };
	rt->bits[rt->n] = 0;
	return rt->n++;
}

/* Add directions to the cell at (r, x) (found first: it may move bits). */
static void or_bits(router *rt, size_t r, int x, unsigned d)
{
	size_t i = cell_at(rt, r, x);
	rt->bits[i] |= (unsigned char)d;
}

/* A vertical run at x from line a to line b. */
static void run_v(router *rt, int x, size_t a, size_t b)
{
	size_t lo = a < b ? a : b, hi = a < b ? b : a;
	for (size_t r = lo; lo != hi && r <= hi; r++)
		or_bits(rt, r, x, (r > lo ? DN : 0) | (r < hi ? DS : 0));
}

/* A horizontal run on line r from x = a to x = b. */
static void run_h(router *rt, size_t r, int a, int b)
{
	int lo = a < b ? a : b, hi = a < b ? b : a;
	for (int x = lo; lo != hi && x <= hi; x++)
		or_bits(rt, r, x, (x > lo ? DW : 0) | (x < hi ? DE : 0));
}

/* The box-drawing glyph of a cell's directions. */
static ed_glyph glyph_of(unsigned b)
{
	switch (b) {
	case DS | DE: return VG_ULCORNER;
	case DS | DW: return VG_URCORNER;
	case DN | DE: return VG_LLCORNER;
	case DN | DW: return VG_LRCORNER;
	case DN | DS | DE: return VG_LTEE;
	case DN | DS | DW: return VG_RTEE;
	case DE | DW | DS: return VG_TTEE;
	case DE | DW | DN: return VG_BTEE;
	case DN | DS | DE | DW: return VG_PLUS;
	case DE: case DW: case DE | DW: return VG_HLINE;
	default: return VG_VLINE;
	}
}

/* The body line of a step's first line. */
static size_t line_of(editor *ed, const ed_view *v, const sbp_step *s)
{
	size_t k = cells_find(&ed->grid.cells, s->lane->idx, s->column->idx);
	if (k == CELLS_NONE)
		return v->lane_y[s->lane->idx];
	size_t i = ed->grid.cells.start[k] + grid_step_index(&ed->grid, s);
	return v->lane_y[s->lane->idx] + v->card_y[i];
}

/* Can fl be routed in a grid of v's lanes and nc columns? */
static bool routable(const ed_view *v, size_t nc, const sbp_flow *fl)
{
	return fl->from != fl->to && fl->from->lane->idx < v->nlanes &&
	       fl->to->lane->idx < v->nlanes && fl->from->column->idx < nc &&
	       fl->to->column->idx < nc;
}

/* The channel (the rows under lane k) of fl's run between lanes: under
 * the source's lane, or over it (under the lane above) when the target's
 * lane is above; false when fl stays in one gutter. Its gutter columns
 * from *lo to *hi. */
static bool channel_of(const sbp_flow *fl, size_t *k, size_t *lo, size_t *hi)
{
	size_t ca = fl->from->column->idx, cb = fl->to->column->idx;
	size_t la = fl->from->lane->idx, lb = fl->to->lane->idx;
	size_t gb = cb > ca ? cb - 1 : cb;
	if (gb == ca)
		return false;
	*k = lb < la && la > 0 ? la - 1 : la;
	*lo = ca < gb ? ca : gb;
	*hi = ca < gb ? gb : ca;
	return true;
}

/* A run in a channel, for the track assignment. */
typedef struct chan_run {
	size_t k, lo, hi, flow;
} chan_run;

static int run_cmp(const void *a, const void *b)
{
	const chan_run *x = a, *y = b;
	if (x->k != y->k)
		return x->k < y->k ? -1 : 1;
	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	if (x->hi != y->hi)
		return x->hi < y->hi ? -1 : 1;
	return x->flow < y->flow ? -1 : x->flow > y->flow;
}

void flow_tracks(editor *ed, const ed_view *v, size_t *rows, uint8_t *track)
{
	const sbp_blueprint *bp = ed->bp;
	size_t nc = ed->grid.ncols ? ed->grid.ncols : 1, n = 0;
	for (size_t l = 0; rows && l < v->nlanes; l++)
		rows[l] = 1;
	chan_run *runs = xmalloc((bp->flows.n ? bp->flows.n : 1) * sizeof *runs);
	for (size_t i = 0; i < bp->flows.n; i++) {
		const sbp_flow *fl = bp->flows.items[i];
		if (track)
			track[i] = 0;
		if (routable(v, nc, fl) && channel_of(fl, &runs[n].k, &runs[n].lo, &runs[n].hi))
			runs[n++].flow = i;
	}
	qsort(runs, n, sizeof *runs, run_cmp);
	size_t end[FLOW_TRACKS];
	for (size_t i = 0, used = 0; i < n; i++) {
		if (i == 0 || runs[i].k != runs[i - 1].k)
			used = 0; /* a new channel */
		size_t t = 0;
		bool fresh = false;
		while (t < used && end[t] >= runs[i].lo)
			t++; /* the first track free left of this run */
		if (t == used && used < FLOW_TRACKS) {
			used++;
			fresh = true;
		} else if (t == used) { /* all taken: share the one freed first */
			t = 0;
			for (size_t j = 1; j < used; j++)
				if (end[j] < end[t])
					t = j;
		}
		if (fresh || end[t] < runs[i].hi)
			end[t] = runs[i].hi;
		if (track)
			track[runs[i].flow] = (uint8_t)t;
		if (rows && used > rows[runs[i].k])
			rows[runs[i].k] = used;
	}
	free(runs);
}

/* Route one flow on its track in its channel; use[c] counts the tracks
 * taken in column c's gutter. */
static void route(editor *ed, const ed_view *v, router *rt, const sbp_flow *fl,
		  size_t track, size_t *use)
{
	size_t ca = fl->from->column->idx, cb = fl->to->column->idx;
	size_t la = fl->from->lane->idx, lb = fl->to->lane->idx;
	size_t ra = line_of(ed, v, fl->from), rb = line_of(ed, v, fl->to);
	int g = v->gutter, cw = v->col_w;
	bool fwd = cb > ca;
	size_t gb = fwd ? cb - 1 : cb; /* the gutter beside the target */
	int sx = (int)ca * cw + cw - g;                  /* first cell of the source's gutter */
	int tx = (int)gb * cw + cw - g;                  /* first cell of the target's gutter */
	int head = fwd ? tx + g - 1 : tx;                /* the cell next to the target */
	int ts = sx + (int)(use[ca]++ % (size_t)g);      /* track in the source's gutter */
	or_bits(rt, ra, sx, DW);             /* out of the source card */
	if (gb == ca) {
		/* one gutter: out of the card, along the track, into the target */
		run_h(rt, ra, sx, ts);
		run_v(rt, ts, ra, rb);
		run_h(rt, rb, ts, head);
	} else {
		int tt = tx + (int)(use[gb]++ % (size_t)g);
		/* the row between lanes: under the source's lane, or over it
		 * when the target's lane is above */
		size_t ch = lb < la && la > 0 ? v->lane_y[la] - v->chan_rows[la - 1]
					      : v->lane_y[la] + v->lane_h[la];
		ch += track;
		run_h(rt, ra, sx, ts);
		run_v(rt, ts, ra, ch);
		run_h(rt, ch, ts, tt);
		run_v(rt, tt, ch, rb);
		run_h(rt, rb, tt, head);
	}
	size_t h = cell_at(rt, rb, head);
	rt->cells[h].glyph = (int16_t)(fwd ? VG_RARROW : VG_LARROW);
}

/* Every flow's connector cells. */
size_t editor_connectors(editor *ed, ed_conn_cell **cells)
{
	ed_view *v = editor_view(ed);
	router rt = { 0 };
	size_t nc = ed->grid.ncols ? ed->grid.ncols : 1;
	size_t *use = xcalloc(nc, sizeof *use);
	const sbp_step *sel = editor_step(ed);
	uint8_t *track = xmalloc(ed->bp->flows.n ? ed->bp->flows.n : 1);
	flow_tracks(ed, v, NULL, track);
	/* the selected step's flows last, so their cells are marked */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < ed->bp->flows.n; i++) {
			const sbp_flow *fl = ed->bp->flows.items[i];
			bool mine = sel && (fl->from == sel || fl->to == sel);
			if (mine != (pass == 1) || !routable(v, nc, fl))
				continue;
			rt.sel = mine;
			route(ed, v, &rt, fl, track[i], use);
		}
	for (size_t i = 0; i < rt.n; i++)
		if (rt.cells[i].glyph < 0)
			rt.cells[i].glyph = (int16_t)glyph_of(rt.bits[i]);
	free(use);
	free(track);
	free(rt.bits);
	*cells = rt.cells;
	return rt.n;
}
