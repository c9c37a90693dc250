/* The logical layout of a blueprint, shared by the editor's grid and
 * whoever else groups steps by cell: which steps sit in which cell
 * (lane, column), in file order within a cell, and where a flow leaves
 * and enters. Only occupied cells are indexed, so a blueprint of 30,000
 * lanes x 30,000 columns with a few steps costs what its steps cost, not
 * lanes x columns. Cells are ordered by lane, then column; each lane's
 * cells are one run of that order. No curses, no units. */
#ifndef SBP_CELLS_H
#define SBP_CELLS_H

#include <stdbool.h>
#include <stddef.h>

#include "sbp/model.h"

#define CELLS_NONE ((size_t)-1)

typedef struct sbp_cells {
	size_t nlanes, ncols;
	size_t ncells, cells_cap; /* occupied cells */
	size_t *lane_of, *col_of; /* of each cell */
	size_t *start;            /* ncells+1 offsets into steps */
	sbp_step **steps;         /* grouped by cell, file order within */
	size_t steps_cap;
	size_t *lane_first;       /* nlanes+1: each lane's first cell */
} sbp_cells;

void cells_init(sbp_cells *c);
void cells_free(sbp_cells *c);
/* Index the steps of bp by cell, in O(steps + lanes + columns). */
void cells_build(sbp_cells *c, const sbp_blueprint *bp);
/* The cell (lane, col), or CELLS_NONE when it holds no step. */
size_t cells_find(const sbp_cells *c, size_t lane, size_t col);
/* Steps in the cell (lane, col), and the i-th of them (NULL past the end). */
size_t cells_count(const sbp_cells *c, size_t lane, size_t col);
sbp_step *cells_step(const sbp_cells *c, size_t lane, size_t col, size_t i);
/* The occupied cells of a lane: [*first, *end). */
void cells_lane(const sbp_cells *c, size_t lane, size_t *first, size_t *end);
/* Put s at position pos of the cell (lane, col) / take position pos out;
 * a cell is added when its first step comes and dropped with its last. */
void cells_insert(sbp_cells *c, size_t lane, size_t col, size_t pos, sbp_step *s);
void cells_remove(sbp_cells *c, size_t lane, size_t col, size_t pos);
/* Same cells, same steps in the same order? */
bool cells_equal(const sbp_cells *a, const sbp_cells *b);

/* Where a flow runs between two cells: from (lane, col, position in the
 * stack) to the same of its target; same_col when both ends share a
 * column (then it runs down or up that column's gutter). */
typedef struct cells_flow {
	size_t from_lane, from_col, to_lane, to_col;
	bool same_col, backward; /* backward: to an earlier column */
} cells_flow;
cells_flow cells_flow_of(const sbp_flow *f);

#endif
