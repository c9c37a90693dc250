/* The terminal grid's logical geometry: which steps sit in each cell
 * (sbp_cells: occupied cells only, file order within), how many stack
 * slots each lane takes (its tallest stack, at least 1),
 * where each lane starts, and the connectors of flows within a column.
 * Built once in O(steps + cells + flows); after that each edit updates
 * only what it touched (grid_step_* and grid_flow_*), so neither drawing
 * nor editing walks the whole blueprint. No curses.
 *
 * Body rows: lane 0 starts at row 0; a rule row sits between two lanes of
 * different zones (labelled where one of the three lines runs); lanes of
 * one zone follow each other directly. */
#ifndef SBP_EDITOR_GRID_H
#define SBP_EDITOR_GRID_H

#include <stdbool.h>
#include <stddef.h>

#include "sbp/cells.h"
#include "sbp/model.h"

/* A connector: a flow between two steps of one column. */
typedef struct ed_conn {
	size_t col;
	size_t from_row, to_row; /* body rows */
	const sbp_flow *flow;    /* the flow it draws */
} ed_conn;

typedef struct ed_grid {
	size_t nlanes, ncols;
	sbp_cells cells;     /* steps by occupied cell */
	size_t *lane_rows;   /* rows of each lane */
	size_t *lane_top;    /* body row of each lane's first row */
	size_t height;       /* body rows in all */
	ed_conn *conns;      /* by column, flow file order within */
	size_t nconns, conns_cap;
	size_t *col_conn;    /* ncols+1 offsets into conns */
	size_t builds;       /* times built from scratch (tests count them) */
} ed_grid;

void grid_init(ed_grid *g);
void grid_free(ed_grid *g);
/* Recompute everything from bp. */
void grid_build(ed_grid *g, const sbp_blueprint *bp);
/* Steps in the cell (lane, col): their number, and the i-th. */
size_t grid_cell_count(const ed_grid *g, size_t lane, size_t col);
sbp_step *grid_cell_step(const ed_grid *g, size_t lane, size_t col, size_t i);
/* Index of s in its cell's stack (0 when it is not there). O(stack). */
size_t grid_step_index(const ed_grid *g, const sbp_step *s);
/* Body row of s. */
size_t grid_step_row(const ed_grid *g, const sbp_step *s);
/* Lane shown at body row r and the row within it; false on a separator
 * row (then *lane is the lane below it). */
bool grid_row_lane(const ed_grid *g, size_t r, size_t *lane, size_t *sub);

/* Incremental updates (grid_update.c), each keeping the grid equal to
 * what grid_build would make of bp. The lanes and columns must be those
 * the grid was built with (after a change to them, build again).
 *
 * Step s has just entered bp at index idx of bp->steps: put it in its
 * cell. Its flows come later (grid_flow_insert). */
void grid_step_insert(ed_grid *g, const sbp_blueprint *bp, sbp_step *s,
		      size_t idx);
/* Step s, in the cell (lane, col), is about to leave bp or that cell:
 * take it out. Its flows must have been taken out first. */
void grid_step_remove(ed_grid *g, sbp_step *s, size_t lane, size_t col);
/* Step s has moved from the cell (lane, col) to the one its fields name
 * (bp->steps is unchanged): move it, and the connectors of its flows. */
void grid_step_moved(ed_grid *g, const sbp_blueprint *bp, sbp_step *s,
		     size_t lane, size_t col);
/* Flow f has just entered bp at index idx of bp->flows / is about to
 * leave it: add or drop its connector, if it has one. */
void grid_flow_insert(ed_grid *g, const sbp_blueprint *bp, const sbp_flow *f,
		      size_t idx);
void grid_flow_remove(ed_grid *g, const sbp_flow *f);
/* Does a's geometry equal b's (for tests: an updated grid against a
 * fresh build)? */
bool grid_equal(const ed_grid *a, const ed_grid *b);

#endif
