/* The logical layout: steps grouped by occupied cell (lane, column), in
 * file order within a cell, built by two stable counting passes (by
 * column, then by lane) and kept up to date one step at a time. */
#include <stdlib.h>
#include <string.h>

#include "sbp/cells.h"

/* An empty index. */
void cells_init(sbp_cells *c)
{
	memset(c, 0, sizeof *c);
}

/* Free the index's arrays. */
void cells_free(sbp_cells *c)
{
	free(c->lane_of);
	free(c->col_of);
	free(c->start);
	free(c->steps);
	free(c->lane_first);
	cells_init(c);
}

/* Room for n cells. */
static void cells_reserve(sbp_cells *c, size_t n)
{
	if (n <= c->cells_cap && c->start)
		return;
	size_t cap = n + n / 8 + 16;
	c->lane_of = xrealloc(c->lane_of, cap * sizeof *c->lane_of);
	c->col_of = xrealloc(c->col_of, cap * sizeof *c->col_of);
	c->start = xrealloc(c->start, (cap + 1) * sizeof *c->start);
	c->cells_cap = cap;
}

/* Stable counting sort of the n steps of in by key (lane or column). */
static void count_sort(sbp_step **in, sbp_step **out, size_t n, size_t nkeys,
		       bool by_lane)
{
	size_t *pos = xcalloc(nkeys + 1, sizeof *pos);
	for (size_t i = 0; i < n; i++)
		pos[(by_lane ? in[i]->lane->idx : in[i]->column->idx) + 1]++;
	for (size_t k = 0; k < nkeys; k++)
		pos[k + 1] += pos[k];
	for (size_t i = 0; i < n; i++)
		out[pos[by_lane ? in[i]->lane->idx : in[i]->column->idx]++] = in[i];
	free(pos);
}

/* Index bp's steps by cell. */
void cells_build(sbp_cells *c, const sbp_blueprint *bp)
{
	cells_free(c);
	c->nlanes = bp->lanes.n;
	c->ncols = bp->columns.n;
	size_t n = bp->steps.n;
	c->steps_cap = n + n / 64 + 16;
	c->steps = xcalloc(c->steps_cap, sizeof *c->steps);
	sbp_step **tmp = xmalloc((n ? n : 1) * sizeof *tmp);
	count_sort(bp->steps.items, tmp, n, c->ncols, false);
	count_sort(tmp, c->steps, n, c->nlanes, true);
	free(tmp);
	c->lane_first = xcalloc(c->nlanes + 1, sizeof *c->lane_first);
	cells_reserve(c, n);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const sbp_step *s = c->steps[i];
		if (k > 0 && c->lane_of[k - 1] == s->lane->idx &&
		    c->col_of[k - 1] == s->column->idx)
			continue;
		c->lane_of[k] = s->lane->idx;
		c->col_of[k] = s->column->idx;
		c->start[k++] = i;
		c->lane_first[s->lane->idx + 1]++;
	}
	c->start[k] = n;
	c->ncells = k;
	for (size_t l = 0; l < c->nlanes; l++)
		c->lane_first[l + 1] += c->lane_first[l];
}

/* The occupied cells of a lane. */
void cells_lane(const sbp_cells *c, size_t lane, size_t *first, size_t *end)
{
	if (lane >= c->nlanes || !c->lane_first) {
		*first = *end = 0;
		return;
	}
	*first = c->lane_first[lane];
	*end = c->lane_first[lane + 1];
}

/* Where the cell (lane, col) is or would go among the lane's cells. */
static size_t cell_slot(const sbp_cells *c, size_t lane, size_t col)
{
	size_t lo, hi;
	cells_lane(c, lane, &lo, &hi);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->col_of[mid] < col)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The cell (lane, col) or CELLS_NONE. */
size_t cells_find(const sbp_cells *c, size_t lane, size_t col)
{
	if (lane >= c->nlanes || col >= c->ncols)
		return CELLS_NONE;
	size_t k = cell_slot(c, lane, col);
	if (k < c->lane_first[lane + 1] && c->col_of[k] == col)
		return k;
	return CELLS_NONE;
}

/* Number of steps in a cell. */
size_t cells_count(const sbp_cells *c, size_t lane, size_t col)
{
	size_t k = cells_find(c, lane, col);
	return k == CELLS_NONE ? 0 : c->start[k + 1] - c->start[k];
}

/* The i-th step of a cell. */
sbp_step *cells_step(const sbp_cells *c, size_t lane, size_t col, size_t i)
{
	size_t k = cells_find(c, lane, col);
	if (k == CELLS_NONE || i >= c->start[k + 1] - c->start[k])
		return NULL;
	return c->steps[c->start[k] + i];
}

/* Add an empty cell (lane, col) at slot k. */
static void cell_add(sbp_cells *c, size_t k, size_t lane, size_t col)
{
	cells_reserve(c, c->ncells + 1);
	size_t move = c->ncells - k;
	memmove(&c->lane_of[k + 1], &c->lane_of[k], move * sizeof *c->lane_of);
	memmove(&c->col_of[k + 1], &c->col_of[k], move * sizeof *c->col_of);
	memmove(&c->start[k + 1], &c->start[k], (move + 1) * sizeof *c->start);
	c->lane_of[k] = lane;
	c->col_of[k] = col;
	c->ncells++;
	for (size_t l = lane + 1; l <= c->nlanes; l++)
		c->lane_first[l]++;
}

/* Drop the empty cell at slot k. */
static void cell_drop(sbp_cells *c, size_t k)
{
	size_t lane = c->lane_of[k], move = c->ncells - k - 1;
	memmove(&c->lane_of[k], &c->lane_of[k + 1], move * sizeof *c->lane_of);
	memmove(&c->col_of[k], &c->col_of[k + 1], move * sizeof *c->col_of);
	memmove(&c->start[k], &c->start[k + 1], (move + 1) * sizeof *c->start);
	c->ncells--;
	for (size_t l = lane + 1; l <= c->nlanes; l++)
		c->lane_first[l]--;
}

/* Put s at position pos of the cell (lane, col). */
void cells_insert(sbp_cells *c, size_t lane, size_t col, size_t pos, sbp_step *s)
{
	if (lane >= c->nlanes || col >= c->ncols)
		return;
	size_t k = cells_find(c, lane, col);
	if (k == CELLS_NONE) {
		k = cell_slot(c, lane, col);
		cell_add(c, k, lane, col);
	}
	size_t total = c->start[c->ncells], at = c->start[k] + pos;
	if (total + 1 > c->steps_cap) {
		c->steps_cap = total + 1 + total / 8;
		c->steps = xrealloc(c->steps, c->steps_cap * sizeof *c->steps);
	}
	memmove(&c->steps[at + 1], &c->steps[at], (total - at) * sizeof *c->steps);
	c->steps[at] = s;
	for (size_t j = k + 1; j <= c->ncells; j++)
		c->start[j]++;
}

/* Take position pos out of the cell (lane, col). */
void cells_remove(sbp_cells *c, size_t lane, size_t col, size_t pos)
{
	size_t k = cells_find(c, lane, col);
	if (k == CELLS_NONE || pos >= c->start[k + 1] - c->start[k])
		return;
	size_t total = c->start[c->ncells], at = c->start[k] + pos;
	memmove(&c->steps[at], &c->steps[at + 1], (total - at - 1) * sizeof *c->steps);
	for (size_t j = k + 1; j <= c->ncells; j++)
		c->start[j]--;
	if (c->start[k] == c->start[k + 1])
		cell_drop(c, k);
}

/* Equal arrays of n elements. */
static bool same(const void *a, const void *b, size_t n)
{
	return n == 0 || memcmp(a, b, n) == 0;
}

/* Do a and b index the same steps in the same cells? */
bool cells_equal(const sbp_cells *a, const sbp_cells *b)
{
	if (a->nlanes != b->nlanes || a->ncols != b->ncols || a->ncells != b->ncells)
		return false;
	size_t n = a->ncells;
	return same(a->lane_of, b->lane_of, n * sizeof *a->lane_of) &&
	       same(a->col_of, b->col_of, n * sizeof *a->col_of) &&
	       same(a->start, b->start, (n + 1) * sizeof *a->start) &&
	       same(a->steps, b->steps, a->start[n] * sizeof *a->steps) &&
	       same(a->lane_first, b->lane_first, (a->nlanes + 1) * sizeof *a->lane_first);
}

/* The cells a flow joins. */
cells_flow cells_flow_of(const sbp_flow *f)
{
	cells_flow r;
	r.from_lane = f->from->lane->idx;
	r.from_col = f->from->column->idx;
	r.to_lane = f->to->lane->idx;
	r.to_col = f->to->column->idx;
	r.same_col = r.from_col == r.to_col;
	r.backward = r.to_col < r.from_col;
	return r;
}
