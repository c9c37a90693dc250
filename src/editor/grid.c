/* The terminal grid's geometry: steps per cell, rows per lane, lane
 * positions and same-column connectors, built from a whole blueprint
 * (grid_update.c follows single edits), and the look-ups drawing uses. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/editor_grid.h"

/* An empty grid. */
void grid_init(ed_grid *g)
{
	memset(g, 0, sizeof *g);
}

/* Free the grid's arrays. */
void grid_free(ed_grid *g)
{
	cells_free(&g->cells);
	free(g->lane_rows);
	free(g->lane_top);
	free(g->conns);
	free(g->col_conn);
	grid_init(g);
}

/* Rows per lane (tallest stack, at least 1) and where each lane starts. */
static void build_lanes(ed_grid *g, const sbp_blueprint *bp)
{
	g->lane_rows = xcalloc(g->nlanes ? g->nlanes : 1, sizeof *g->lane_rows);
	g->lane_top = xcalloc(g->nlanes ? g->nlanes : 1, sizeof *g->lane_top);
	size_t row = 0;
	for (size_t l = 0; l < g->nlanes; l++) {
		size_t rows = 1, k, end;
		for (cells_lane(&g->cells, l, &k, &end); k < end; k++) {
			size_t n = g->cells.start[k + 1] - g->cells.start[k];
			if (n > rows)
				rows = n;
		}
		if (l > 0 && bp->lanes.items[l]->zone != bp->lanes.items[l - 1]->zone)
			row++; /* the rule between two zones */
		g->lane_rows[l] = rows;
		g->lane_top[l] = row;
		row += rows;
	}
	g->height = row;
}

/* Stacks taller than this are indexed by step id while connectors are
 * built, so a pile of thousands of steps in one cell is not searched
 * once per flow. */
#define TALL_STACK 32

/* Steps of tall stacks: id -> index in the stack + 1. */
static void index_tall_stacks(const ed_grid *g, hmap *tall)
{
	const sbp_cells *cs = &g->cells;
	for (size_t c = 0; c < cs->ncells; c++) {
		size_t n = cs->start[c + 1] - cs->start[c];
		for (size_t i = 0; n > TALL_STACK && i < n; i++)
			hmap_set(tall, cs->steps[cs->start[c] + i]->id,
				 (void *)(uintptr_t)(i + 1));
	}
}

/* Body row of s, through the index for tall stacks. */
static size_t row_of(const ed_grid *g, const hmap *tall, const sbp_step *s)
{
	size_t l = s->lane->idx;
	if (grid_cell_count(g, l, s->column->idx) <= TALL_STACK)
		return grid_step_row(g, s);
	return g->lane_top[l] + (uintptr_t)hmap_get(tall, s->id) - 1;
}

/* Connectors of flows whose two steps share a column, sorted by column. */
static void build_conns(ed_grid *g, const sbp_blueprint *bp)
{
	hmap tall;
	hmap_init(&tall);
	index_tall_stacks(g, &tall);
	g->col_conn = xcalloc(g->ncols + 1, sizeof *g->col_conn);
	size_t n = 0;
	for (size_t i = 0; i < bp->flows.n; i++) {
		const sbp_flow *f = bp->flows.items[i];
		if (f->from->column == f->to->column && f->from != f->to) {
			g->col_conn[f->from->column->idx + 1]++;
			n++;
		}
	}
	for (size_t c = 0; c < g->ncols; c++)
		g->col_conn[c + 1] += g->col_conn[c];
	g->conns_cap = n + n / 64 + 16;
	g->conns = xcalloc(g->conns_cap, sizeof *g->conns);
	g->nconns = n;
	size_t *fill = xmalloc((g->ncols ? g->ncols : 1) * sizeof *fill);
	memcpy(fill, g->col_conn, g->ncols * sizeof *fill);
	for (size_t i = 0; i < bp->flows.n; i++) {
		const sbp_flow *f = bp->flows.items[i];
		if (f->from->column != f->to->column || f->from == f->to)
			continue;
		ed_conn *c = &g->conns[fill[f->from->column->idx]++];
		c->col = f->from->column->idx;
		c->from_row = row_of(g, &tall, f->from);
		c->to_row = row_of(g, &tall, f->to);
		c->flow = f;
	}
	free(fill);
	hmap_free(&tall);
}

/* Recompute the whole geometry from the blueprint. */
void grid_build(ed_grid *g, const sbp_blueprint *bp)
{
	size_t builds = g->builds;
	grid_free(g);
	g->builds = builds + 1;
	g->nlanes = bp->lanes.n;
	g->ncols = bp->columns.n;
	cells_build(&g->cells, bp);
	build_lanes(g, bp);
	build_conns(g, bp);
}

/* Number of steps stacked in a cell. */
size_t grid_cell_count(const ed_grid *g, size_t lane, size_t col)
{
	return cells_count(&g->cells, lane, col);
}

/* The i-th step of a cell's stack, or NULL. */
sbp_step *grid_cell_step(const ed_grid *g, size_t lane, size_t col, size_t i)
{
	return cells_step(&g->cells, lane, col, i);
}

/* Position of a step within its cell's stack (0 when absent). */
size_t grid_step_index(const ed_grid *g, const sbp_step *s)
{
	size_t l = s->lane->idx, c = s->column->idx;
	size_t k = cells_find(&g->cells, l, c);
	if (k == CELLS_NONE)
		return 0;
	const sbp_cells *cs = &g->cells;
	for (size_t i = cs->start[k]; i < cs->start[k + 1]; i++)
		if (cs->steps[i] == s)
			return i - cs->start[k];
	return 0;
}

/* Body row where a step is drawn. */
size_t grid_step_row(const ed_grid *g, const sbp_step *s)
{
	if (s->lane->idx >= g->nlanes)
		return 0;
	return g->lane_top[s->lane->idx] + grid_step_index(g, s);
}

/* Which lane a body row belongs to, by binary search over lane tops. */
bool grid_row_lane(const ed_grid *g, size_t r, size_t *lane, size_t *sub)
{
	if (g->nlanes == 0)
		return false;
	size_t lo = 0, hi = g->nlanes;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (g->lane_top[mid] <= r)
			lo = mid;
		else
			hi = mid;
	}
	if (r < g->lane_top[lo]) {
		*lane = lo;
		*sub = 0;
		return false;
	}
	if (r >= g->lane_top[lo] + g->lane_rows[lo]) {
		*lane = lo + 1 < g->nlanes ? lo + 1 : lo;
		*sub = 0;
		return false;
	}
	*lane = lo;
	*sub = r - g->lane_top[lo];
	return true;
}
