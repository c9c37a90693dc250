/* The view's geometry: the lane-name area (what the names need, up to a
 * fifth of the screen; longer names wrap), grid columns sharing the rest
 * of the width, card heights in lines (wrapped text, capped by the zoom:
 * normal fits the screen when it can, cutting long lane names first),
 * lanes as tall as their tallest cell, the detail pane at the bottom or
 * the right when there is room, and the key hint bar. Computed again only
 * when the blueprint, the terminal size or a view setting changed. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/layout.h"
#include "internal.h"

#define VM_MIN_COL 16   /* the narrowest grid column, gutter included */
#define VM_MARK_W 4     /* the markers before a card's first line */

/* Wrap s into lines: the first first_w columns wide, the others width. */
size_t view_wrap(const char *s, size_t first_w, size_t width, size_t max,
		 size_t *b, size_t *e)
{
	size_t len = s ? strlen(s) : 0, pos = 0, n = 0;
	while (pos < len && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\n'))
		pos++;
	while (len > pos && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
			     s[len - 1] == '\n'))
		len--;
	if (first_w < 1)
		first_w = 1;
	if (width < 1)
		width = 1;
	if (pos >= len) {
		if (b)
			b[0] = e[0] = 0;
		return 1;
	}
	if (!b && len - pos <= first_w && !memchr(s + pos, '\n', len - pos))
		return 1; /* fewer bytes than columns: one line, no wrapping */
	while (pos < len && (max == 0 || n < max)) {
		size_t end, next = layout_wrap_line(s, len, pos, n ? width : first_w, &end);
		if (b) {
			b[n] = pos;
			e[n] = end;
		}
		n++;
		pos = next;
	}
	return n;
}

/* Free the view. */
void editor_view_free(editor *ed)
{
	ed_view *v = ed->view;
	if (!v)
		return;
	free(v->lane_y);
	free(v->lane_h);
	free(v->name_lines);
	free(v->chan_rows);
	free(v->card_full);
	free(v->card_h);
	free(v->card_y);
	free(v->lane_cap);
	free(v);
	ed->view = NULL;
}

/* The lane-name area: the widest name and zone plus the pointer and a
 * blank, at least 10 and at most a fifth of the screen (names wrap). */
static int label_width(const sbp_blueprint *bp, int cols)
{
	size_t need = 8;
	for (size_t l = 0; l < bp->lanes.n; l++) {
		const sbp_lane *ln = bp->lanes.items[l];
		size_t w = utf8_width(ln->name, strlen(ln->name));
		if (w > need)
			need = w;
	}
	int cap = cols / 4 > 10 ? cols / 4 : 10;
	int w = (int)need + 2;
	return w < 10 ? 10 : w > cap ? cap : w;
}

/* Column width and how many columns show in gw columns. */
static void col_geometry(size_t ncols, int gw, int *col_w, size_t *vis)
{
	size_t n = ncols ? ncols : 1;
	int w = gw / (int)n;
	if (w >= VM_MIN_COL) {
		*col_w = w;
		*vis = n;
		return;
	}
	size_t k = gw / VM_MIN_COL > 1 ? (size_t)(gw / VM_MIN_COL) : 1;
	*col_w = gw / (int)k > 4 ? gw / (int)k : 4;
	*vis = k;
}

/* The column width at a grid width of gw. */
static int col_w_at(const editor *ed, int gw)
{
	int cw;
	size_t vis;
	col_geometry(ed->grid.ncols, gw, &cw, &vis);
	return cw;
}

/* Lines of every card's whole text at the column width col_w. */
static size_t cards_full(ed_view *v, const ed_grid *g, int col_w)
{
	size_t tw = col_w > v->gutter ? (size_t)(col_w - v->gutter) : 1, most = 1;
	size_t first = tw > VM_MARK_W ? tw - VM_MARK_W : 1;
	for (size_t i = 0; i < v->ncards; i++) {
		const sbp_step *s = g->cells.steps[i];
		v->card_full[i] = (uint32_t)view_wrap(s->text, first, tw, 0, NULL, NULL);
		if (v->card_full[i] > most)
			most = v->card_full[i];
	}
	return most;
}

/* Lines of lane l with its cards capped at cap lines (its name's lines
 * at least); with store, the card positions are kept. */
static size_t lane_lines(ed_view *v, const editor *ed, size_t l, size_t cap, bool store)
{
	const sbp_cells *cs = &ed->grid.cells;
	size_t h = v->names_cut ? 1 : v->name_lines[l], k, end;
	for (cells_lane(cs, l, &k, &end); k < end; k++) {
		size_t sum = 0;
		for (size_t i = cs->start[k]; i < cs->start[k + 1]; i++) {
			size_t ch = v->card_full[i] < cap ? v->card_full[i] : cap;
			if (store) {
				v->card_y[i] = (uint32_t)sum;
				v->card_h[i] = (uint32_t)ch;
			}
			sum += ch;
		}
		if (sum > h)
			h = sum;
	}
	return h < 1 ? 1 : h;
}

/* Does a card of lane l show less than its whole text at cap lines? */
static bool lane_cut(const ed_view *v, const editor *ed, size_t l, size_t cap)
{
	const sbp_cells *cs = &ed->grid.cells;
	size_t k, end;
	for (cells_lane(cs, l, &k, &end); k < end; k++)
		for (size_t i = cs->start[k]; i < cs->start[k + 1]; i++)
			if (v->card_full[i] > cap)
				return true;
	return false;
}

/* The cap of lane l's cards: the lane's own when set, else cap. */
static size_t cap_of(const ed_view *v, size_t l, size_t cap)
{
	return v->lane_cap && v->lane_cap[l] ? v->lane_cap[l] : cap;
}

/* Body lines of the grid with cards capped at cap lines (or their lane's
 * cap); with store, the lane and card positions are kept. */
static size_t grid_lines(ed_view *v, const editor *ed, size_t cap, bool store)
{
	const ed_grid *g = &ed->grid;
	size_t y = 0;
	for (size_t l = 0; l < g->nlanes; l++) {
		if (v->flows && l > 0)
			y += v->chan_rows[l - 1]; /* rows between any two lanes carry connectors */
		else if (l > 0 && ed->bp->lanes.items[l]->zone != ed->bp->lanes.items[l - 1]->zone)
			y++; /* the rule between two zones */
		size_t h = lane_lines(v, ed, l, cap_of(v, l, cap), store);
		if (store) {
			v->lane_y[l] = y;
			v->lane_h[l] = h;
		}
		y += h;
	}
	if (v->flows && g->nlanes)
		y += v->chan_rows[g->nlanes - 1]; /* a channel under the last lane */
	return y;
}

/* Normal zoom: the rows the grid leaves free at cap go to the lanes
 * whose cards are cut, a line at a time, the cheapest lane first (a lane
 * that grows without getting taller first of all; among equals the one
 * showing the fewest lines), so that no row stays empty while a card is
 * cut. Sets lane_cap. */
static void share_spare_rows(ed_view *v, const editor *ed, size_t cap)
{
	size_t nl = ed->grid.nlanes, used = grid_lines(v, ed, cap, false);
	if (!nl || used >= (size_t)v->body_h)
		return;
	size_t spare = (size_t)v->body_h - used;
	size_t *h = xmalloc(2 * nl * sizeof *h), *inc = h + nl;
	for (size_t l = 0; l < nl; l++) {
		v->lane_cap[l] = cap;
		h[l] = lane_lines(v, ed, l, cap, false);
		inc[l] = lane_cut(v, ed, l, cap) ? lane_lines(v, ed, l, cap + 1, false) - h[l]
						 : SIZE_MAX;
	}
	for (;;) {
		size_t best = nl;
		for (size_t l = 0; l < nl; l++) /* the cheapest, then the shortest cap */
			if (inc[l] <= spare &&
			    (best == nl || inc[l] < inc[best] ||
			     (inc[l] == inc[best] && v->lane_cap[l] < v->lane_cap[best])))
				best = l;
		if (best == nl)
			break;
		size_t c = ++v->lane_cap[best];
		spare -= inc[best];
		h[best] += inc[best];
		inc[best] = lane_cut(v, ed, best, c) ? lane_lines(v, ed, best, c + 1, false) - h[best]
						     : SIZE_MAX;
	}
	free(h);
}

/* Lines each lane name takes at the label width. */
static void name_lines(ed_view *v, const sbp_blueprint *bp)
{
	size_t w = v->label_w > 3 ? (size_t)v->label_w - 2 : 1;
	for (size_t l = 0; l < bp->lanes.n; l++)
		v->name_lines[l] = view_wrap(bp->lanes.items[l]->name, w, w, 0, NULL, NULL);
}

/* Does the whole grid, every card in full, fit in h lines at a grid
 * width of gw? (Fills card_full for that width.) */
static bool fits_full(ed_view *v, const editor *ed, int gw, int h)
{
	int cw;
	size_t vis;
	col_geometry(ed->grid.ncols, gw, &cw, &vis);
	if (vis < ed->grid.ncols || ed->grid.height > (size_t)h)
		return false; /* not every column shows, or one line a card is too much */
	size_t most = cards_full(v, &ed->grid, cw);
	return grid_lines(v, ed, most, false) <= (size_t)h;
}

/* Rows a bottom pane needs for the selected step's whole text, its
 * title and its place, and the row saying there is more (0 for an empty
 * cell). */
static int text_need(editor *ed)
{
	const sbp_step *s = editor_step(ed);
	if (!s || ed->cols < 8)
		return 0;
	size_t w = (size_t)ed->cols - 2;
	int t = (int)view_wrap(s->text, w, w, 0, NULL, NULL) + 2;
	return t > 5 ? t + 1 : t; /* a long text: and a row for the rest, or
				   * for saying how many rows more there are */
}

/* Place the pane: bottom, right or none, and the body around it; a
 * bottom pane is as tall as nine steps in ten need (need, 0: unknown),
 * at most a third of the rows. */
static void place_pane(ed_view *v, const editor *ed, int avail, int need)
{
	int cols = ed->cols;
	int pb = avail / 3 < 5 ? 5 : avail / 3 > 12 ? 12 : avail / 3;
	if (need > 0 && need < pb) /* no taller than most steps need */
		pb = need < 4 ? 4 : need;
	int pr = cols / 4 < 32 ? 32 : cols / 4 > 56 ? 56 : cols / 4;
	int gw = cols - v->label_w;
	enum { NONE, BOTTOM, RIGHT } where = BOTTOM;
	if (v->pane == PANE_HIDDEN || avail < 8)
		where = NONE;
	else if (v->pane == PANE_SHOWN)
		where = BOTTOM;
	else if (fits_full(v, ed, gw, avail - pb))
		where = BOTTOM;
	else if (cols >= 150 && fits_full(v, ed, gw - pr, avail))
		where = RIGHT;
	else if (fits_full(v, ed, gw, avail)) {
		/* every card shows its whole text; the rows left hold a pane */
		int left = avail - (int)grid_lines(v, ed, cards_full(v, &ed->grid, col_w_at(ed, gw)), false);
		if (left >= 5)
			pb = left;
		else
			where = NONE;
	}
	v->pane_h = v->pane_w = 0;
	v->body_h = avail;
	v->grid_w = gw;
	if (where == BOTTOM) {
		if (v->need_for > pb) /* a long text: the pane grows, the grid keeps 4 rows */
			pb = v->need_for < avail - 4 ? v->need_for : avail - 4 > pb ? avail - 4 : pb;
		v->body_h = avail - pb;
		v->pane_y = v->body_y + v->body_h;
		v->pane_x = 0;
		v->pane_h = pb;
		v->pane_w = cols;
	} else if (where == RIGHT) {
		v->grid_w = gw - pr;
		v->pane_y = v->body_y;
		v->pane_x = cols - pr;
		v->pane_h = avail;
		v->pane_w = pr;
	}
}

/* The largest cap at which the grid fits the body (normal zoom). */
static size_t normal_cap(ed_view *v, const editor *ed, size_t most)
{
	if (grid_lines(v, ed, most, false) <= (size_t)v->body_h)
		return most;
	size_t lo = 0, hi = most; /* lo fits (0: nothing does), hi does not */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (grid_lines(v, ed, mid, false) <= (size_t)v->body_h)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Compute the geometry from scratch. */
static void view_build(editor *ed, ed_view *v)
{
	const ed_grid *g = &ed->grid;
	v->nlanes = g->nlanes;
	v->ncards = g->cells.ncells ? g->cells.start[g->cells.ncells] : 0;
	size_t nl = v->nlanes ? v->nlanes : 1, nc = v->ncards ? v->ncards : 1;
	v->lane_y = xrealloc(v->lane_y, nl * sizeof *v->lane_y);
	v->lane_h = xrealloc(v->lane_h, nl * sizeof *v->lane_h);
	v->name_lines = xrealloc(v->name_lines, nl * sizeof *v->name_lines);
	v->chan_rows = xrealloc(v->chan_rows, nl * sizeof *v->chan_rows);
	v->card_full = xrealloc(v->card_full, nc * sizeof *v->card_full);
	v->card_h = xrealloc(v->card_h, nc * sizeof *v->card_h);
	v->card_y = xrealloc(v->card_y, nc * sizeof *v->card_y);
	free(v->lane_cap);
	v->lane_cap = NULL; /* one cap for every lane until share_spare_rows */

	int hint = !v->hints_off && ed->rows >= 18 ? 1 : 0;
	int avail = ed->rows - ED_HEAD_ROWS - ED_FOOT_ROWS - hint;
	if (avail < 1)
		avail = 1;
	v->body_y = ED_HEAD_ROWS;
	v->gutter = 1;
	v->label_w = label_width(ed->bp, ed->cols);
	name_lines(v, ed->bp);
	for (size_t l = 0; l < v->nlanes; l++)
		v->chan_rows[l] = 1;
	if (v->flows)
		flow_tracks(ed, v, v->chan_rows, NULL);
	if (hint && v->zoom != ZOOM_COMPACT && !fits_full(v, ed, ed->cols - v->label_w, avail) &&
	    fits_full(v, ed, ed->cols - v->label_w, avail + 1)) {
		hint = 0; /* the hint bar's row lets every card show whole */
		avail++;
	}
	v->hint_y = hint ? ed->rows - ED_FOOT_ROWS - 1 : -1;
	place_pane(v, ed, avail, v->pane == PANE_HIDDEN ? 0 : pane_rows_needed(ed, ed->cols));
	col_geometry(g->ncols, v->grid_w, &v->col_w, &v->vis_cols);
	if (v->flows && v->col_w >= VM_MIN_COL) {
		/* room for three tracks; the fit was judged at one */
		v->gutter = 3;
	}
	size_t most = 1;
	bool hopeless = v->zoom == ZOOM_NORMAL && g->height > (size_t)v->body_h;
	if (v->zoom == ZOOM_COMPACT || hopeless) {
		/* one line a card (in normal zoom: when even that cannot fit,
		 * so the whole texts need not be wrapped at all) */
		for (size_t i = 0; i < v->ncards; i++)
			v->card_full[i] = 1;
	} else {
		most = cards_full(v, &ed->grid, v->col_w);
	}
	v->names_cut = false;
	v->cap = most;
	if (hopeless) {
		v->names_cut = true;
		v->cap = 1;
	} else if (v->zoom == ZOOM_NORMAL) {
		/* what fits; else with names cut to their lanes; else one line */
		v->cap = normal_cap(v, ed, most);
		if (!v->cap) {
			v->names_cut = true;
			v->cap = normal_cap(v, ed, most);
		}
		if (!v->cap)
			v->cap = 1;
		v->lane_cap = xcalloc(v->nlanes ? v->nlanes : 1, sizeof *v->lane_cap);
		share_spare_rows(v, ed, v->cap);
	}
	v->height = grid_lines(v, ed, v->cap, true);
	if (v->pane_h > 0 && v->pane_x == 0 && v->height < (size_t)v->body_h) {
		/* the whole grid shows: the pane right under it, with the
		 * rows it leaves */
		int spare = v->body_h - (int)v->height;
		v->body_h -= spare;
		v->pane_y -= spare;
		v->pane_h += spare;
	}
}

/* The view, computed again when what it depends on changed. */
ed_view *editor_view(editor *ed)
{
	if (!ed->view) {
		ed->view = xcalloc(1, sizeof *ed->view);
		ed->view->zoom = ZOOM_NORMAL;
	}
	ed_view *v = ed->view;
	size_t key = ed_state_key(ed);
	int need = text_need(ed);
	size_t nsteps = ed->grid.cells.ncells ? ed->grid.cells.start[ed->grid.cells.ncells] : 0;
	if (v->valid && v->key == key && v->builds == ed->grid.builds &&
	    v->nsteps == nsteps && v->nflows == ed->grid.nconns &&
	    v->cols == ed->cols && v->rows == ed->rows && v->zoom_for == v->zoom &&
	    v->pane_for == v->pane && v->flows_for == v->flows &&
	    v->hints_for == v->hints_off && v->nlanes == ed->grid.nlanes &&
	    (need <= 5 ? v->need_for <= 5 : need == v->need_for))
		return v;
	v->need_for = need;
	v->key = key;
	v->builds = ed->grid.builds;
	v->nsteps = nsteps;
	v->nflows = ed->grid.nconns;
	v->cols = ed->cols;
	v->rows = ed->rows;
	v->zoom_for = v->zoom;
	v->pane_for = v->pane;
	v->flows_for = v->flows;
	v->hints_for = v->hints_off;
	view_build(ed, v);
	v->valid = true;
	return v;
}

/* The first body line and the lines of the selected card. */
void editor_sel_lines(editor *ed, size_t *line, size_t *h)
{
	ed_view *v = editor_view(ed);
	*line = 0;
	*h = 1;
	if (ed->lane >= v->nlanes)
		return;
	*line = v->lane_y[ed->lane];
	size_t k = cells_find(&ed->grid.cells, ed->lane, ed->col);
	if (k == CELLS_NONE)
		return;
	size_t i = ed->grid.cells.start[k] + ed->idx;
	if (i >= ed->grid.cells.start[k + 1])
		return;
	*line += v->card_y[i];
	*h = v->card_h[i];
}

/* The lane at body line r (false on a rule line). */
static bool lane_at(const ed_view *v, size_t r, size_t *lane)
{
	size_t lo = 0, hi = v->nlanes;
	if (!hi)
		return false;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (v->lane_y[mid] <= r)
			lo = mid;
		else
			hi = mid;
	}
	*lane = lo;
	return r >= v->lane_y[lo] && r < v->lane_y[lo] + v->lane_h[lo];
}

/* What is at screen position (y, x). */
bool editor_view_hit(editor *ed, int y, int x, size_t *lane, size_t *col,
		     size_t *idx)
{
	ed_view *v = editor_view(ed);
	if (y < v->body_y || y >= v->body_y + v->body_h || x < v->label_w ||
	    x >= v->label_w + v->grid_w)
		return false;
	size_t r = ed->top + (size_t)(y - v->body_y);
	size_t c = ed->left + (size_t)(x - v->label_w) / (size_t)v->col_w;
	if (r >= v->height || c >= ed->grid.ncols || !lane_at(v, r, lane))
		return false;
	*col = c;
	*idx = 0;
	size_t k = cells_find(&ed->grid.cells, *lane, c);
	if (k == CELLS_NONE)
		return true;
	size_t sub = r - v->lane_y[*lane];
	for (size_t i = ed->grid.cells.start[k]; i < ed->grid.cells.start[k + 1]; i++) {
		*idx = i - ed->grid.cells.start[k];
		if (sub < v->card_y[i] + v->card_h[i])
			break;
	}
	return true;
}
