/* Following one edit in the grid: a step enters, leaves or changes cell,
 * a flow enters or leaves. Each update moves the flat arrays by one slot
 * (a memmove and a pass over the offsets, no pointer chasing), fixes the
 * height of the one lane touched and shifts the rows of the connectors
 * below, so an edit costs microseconds where a rebuild walks every step
 * and flow. The order within a cell (steps) and a column (connectors)
 * stays the file order, as grid_build makes it. */
#include <stdlib.h>
#include <string.h>

#include "sbp/editor_grid.h"

/* Move connector rows in [lo, hi) by delta, for connectors [c0, c1). */
static void shift_rows(ed_grid *g, size_t c0, size_t c1, size_t lo,
		       size_t hi, long delta)
{
	for (size_t i = c0; i < c1; i++) {
		ed_conn *c = &g->conns[i];
		if (c->from_row >= lo && c->from_row < hi)
			c->from_row = (size_t)((long)c->from_row + delta);
		if (c->to_row >= lo && c->to_row < hi)
			c->to_row = (size_t)((long)c->to_row + delta);
	}
}

/* Give lane l rows rows: the lanes below and their connectors move. */
static void lane_resize(ed_grid *g, size_t l, size_t rows)
{
	long delta = (long)rows - (long)g->lane_rows[l];
	if (delta == 0)
		return;
	size_t below = g->lane_top[l] + g->lane_rows[l];
	g->lane_rows[l] = rows;
	for (size_t k = l + 1; k < g->nlanes; k++)
		g->lane_top[k] = (size_t)((long)g->lane_top[k] + delta);
	g->height = (size_t)((long)g->height + delta);
	shift_rows(g, 0, g->nconns, below, (size_t)-1, delta);
}

/* The tallest stack of lane l, at least 1. */
static size_t lane_tallest(const ed_grid *g, size_t l)
{
	size_t rows = 1, k, end;
	const size_t *start = g->cells.start;
	for (cells_lane(&g->cells, l, &k, &end); k < end; k++)
		if (start[k + 1] - start[k] > rows)
			rows = start[k + 1] - start[k];
	return rows;
}

/* Put s at position p of the cell (lane, col). */
static void cell_insert(ed_grid *g, size_t lane, size_t col, size_t p,
			sbp_step *s)
{
	size_t k = grid_cell_count(g, lane, col);
	cells_insert(&g->cells, lane, col, p, s);
	if (k + 1 > g->lane_rows[lane])
		lane_resize(g, lane, k + 1);
	size_t top = g->lane_top[lane];
	shift_rows(g, g->col_conn[col], g->col_conn[col + 1], top + p, top + k, 1);
}

/* Take the step at position p out of the cell (lane, col). */
static void cell_remove(ed_grid *g, size_t lane, size_t col, size_t p)
{
	size_t k = grid_cell_count(g, lane, col);
	cells_remove(&g->cells, lane, col, p);
	size_t top = g->lane_top[lane];
	shift_rows(g, g->col_conn[col], g->col_conn[col + 1], top + p + 1,
		   top + k, -1);
	if (k == g->lane_rows[lane] && k > 1)
		lane_resize(g, lane, lane_tallest(g, lane));
}

/* Is p one of the n pointers of set, sorted when n > 8? */
static bool set_has(const void *const *set, size_t n, const void *p)
{
	if (n <= 8) {
		for (size_t i = 0; i < n; i++)
			if (set[i] == p)
				return true;
		return false;
	}
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (set[mid] == p)
			return true;
		if ((const char *)set[mid] < (const char *)p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* Order pointers by address. */
static int ptr_cmp(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	return x < y ? -1 : x > y;
}

/* How many of the n objects in members come before index idx of the
 * array all (of len objects; all[idx] is the new one) in file order.
 * Scans the shorter side of idx, comparing pointers only. */
static size_t file_rank(void *const *all, size_t len, size_t idx,
			const void *const *members, size_t n)
{
	if (n == 0)
		return 0;
	if (idx + 1 == len)
		return n; /* appended: after every other */
	const void **set = xmalloc(n * sizeof *set);
	memcpy(set, members, n * sizeof *set);
	if (n > 8)
		qsort(set, n, sizeof *set, ptr_cmp);
	size_t found = 0;
	bool before = idx < len - idx;
	size_t from = before ? 0 : idx + 1, to = before ? idx : len;
	for (size_t i = from; i < to && found < n; i++)
		found += set_has(set, n, all[i]);
	free(set);
	return before ? found : n - found;
}

/* Index of p in the array all of len objects, or len. */
static size_t find_index(void *const *all, size_t len, const void *p)
{
	for (size_t i = 0; i < len; i++)
		if (all[i] == p)
			return i;
	return len;
}

/* Put a step that has just entered bp at index idx in its cell. */
void grid_step_insert(ed_grid *g, const sbp_blueprint *bp, sbp_step *s,
		      size_t idx)
{
	size_t lane = s->lane->idx, col = s->column->idx;
	if (lane >= g->nlanes || col >= g->ncols)
		return;
	size_t cell = cells_find(&g->cells, lane, col);
	size_t k = grid_cell_count(g, lane, col);
	if (idx >= bp->steps.n || bp->steps.items[idx] != s)
		idx = find_index((void *const *)bp->steps.items, bp->steps.n, s);
	size_t p = file_rank((void *const *)bp->steps.items, bp->steps.n, idx,
			     k ? (const void *const *)&g->cells.steps[g->cells.start[cell]]
			       : NULL, k);
	cell_insert(g, lane, col, p, s);
}

/* Take a step out of the cell (lane, col). */
void grid_step_remove(ed_grid *g, sbp_step *s, size_t lane, size_t col)
{
	size_t n = grid_cell_count(g, lane, col);
	for (size_t p = 0; p < n; p++)
		if (grid_cell_step(g, lane, col, p) == s) {
			cell_remove(g, lane, col, p);
			return;
		}
}

/* Drop connector i. */
static void conn_remove(ed_grid *g, size_t i)
{
	size_t col = g->conns[i].col;
	memmove(&g->conns[i], &g->conns[i + 1],
		(g->nconns - i - 1) * sizeof *g->conns);
	g->nconns--;
	for (size_t c = col + 1; c <= g->ncols; c++)
		g->col_conn[c]--;
}

/* Connectors of the flows of s in column col, dropped. */
static void drop_step_conns(ed_grid *g, const sbp_step *s, size_t col)
{
	for (size_t i = g->col_conn[col]; i < g->col_conn[col + 1];) {
		const sbp_flow *f = g->conns[i].flow;
		if (f->from == s || f->to == s)
			conn_remove(g, i);
		else
			i++;
	}
}

/* A step changed cell (lane, col) for the one it names now. */
void grid_step_moved(ed_grid *g, const sbp_blueprint *bp, sbp_step *s,
		     size_t lane, size_t col)
{
	if (lane >= g->nlanes || col >= g->ncols)
		return;
	drop_step_conns(g, s, col);
	grid_step_remove(g, s, lane, col);
	grid_step_insert(g, bp, s, (size_t)-1);
	for (size_t i = 0; i < bp->flows.n; i++) {
		const sbp_flow *f = bp->flows.items[i];
		if (f->from == s || f->to == s)
			grid_flow_insert(g, bp, f, i);
	}
}

/* Add the connector of a flow that has just entered bp at index idx. */
void grid_flow_insert(ed_grid *g, const sbp_blueprint *bp, const sbp_flow *f,
		      size_t idx)
{
	if (f->from->column != f->to->column || f->from == f->to)
		return;
	size_t col = f->from->column->idx;
	if (col >= g->ncols)
		return;
	size_t c0 = g->col_conn[col], n = g->col_conn[col + 1] - c0;
	if (idx >= bp->flows.n || bp->flows.items[idx] != f)
		idx = find_index((void *const *)bp->flows.items, bp->flows.n, f);
	const void **members = xmalloc((n ? n : 1) * sizeof *members);
	for (size_t i = 0; i < n; i++)
		members[i] = g->conns[c0 + i].flow;
	size_t at = c0 + file_rank((void *const *)bp->flows.items, bp->flows.n,
				   idx, members, n);
	free(members);
	if (g->nconns + 1 > g->conns_cap) {
		g->conns_cap = g->nconns + 1 + g->nconns / 8;
		g->conns = xrealloc(g->conns, g->conns_cap * sizeof *g->conns);
	}
	memmove(&g->conns[at + 1], &g->conns[at],
		(g->nconns - at) * sizeof *g->conns);
	g->nconns++;
	g->conns[at] = (ed_conn){ col, grid_step_row(g, f->from),
				  grid_step_row(g, f->to), f };
	for (size_t c = col + 1; c <= g->ncols; c++)
		g->col_conn[c]++;
}

/* Drop the connector of a flow about to leave bp. */
void grid_flow_remove(ed_grid *g, const sbp_flow *f)
{
	size_t col = f->from->column->idx;
	if (f->from->column != f->to->column || col >= g->ncols)
		return;
	for (size_t i = g->col_conn[col]; i < g->col_conn[col + 1]; i++)
		if (g->conns[i].flow == f) {
			conn_remove(g, i);
			return;
		}
}

/* Equal arrays of n elements (both may be NULL when n is 0). */
static bool same(const void *a, const void *b, size_t n)
{
	return n == 0 || memcmp(a, b, n) == 0;
}

/* Does a hold the same geometry as b? */
bool grid_equal(const ed_grid *a, const ed_grid *b)
{
	if (a->nlanes != b->nlanes || a->ncols != b->ncols ||
	    a->height != b->height || a->nconns != b->nconns)
		return false;
	if (!cells_equal(&a->cells, &b->cells) ||
	    !same(a->lane_rows, b->lane_rows, a->nlanes * sizeof *a->lane_rows) ||
	    !same(a->lane_top, b->lane_top, a->nlanes * sizeof *a->lane_top) ||
	    !same(a->col_conn, b->col_conn, (a->ncols + 1) * sizeof *a->col_conn))
		return false;
	for (size_t i = 0; i < a->nconns; i++) {
		const ed_conn *x = &a->conns[i], *y = &b->conns[i];
		if (x->col != y->col || x->from_row != y->from_row ||
		    x->to_row != y->to_row || x->flow != y->flow)
			return false;
	}
	return true;
}
