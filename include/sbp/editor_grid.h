/* The terminal grid's geometry: which steps sit in each cell (in file
 * order), how many rows each lane takes (its tallest stack, at least 1),
 * where each lane starts, and the connectors of flows within a column.
 * Rebuilt in O(steps + cells) only when the model changes, so drawing
 * touches only what is on screen. No curses.
 *
 * Body rows: lane 0 starts at row 0; a rule row sits between two lanes of
 * different zones (labelled where one of the three lines runs); lanes of
 * one zone follow each other directly. */
#ifndef SBP_EDITOR_GRID_H
#define SBP_EDITOR_GRID_H

#include <stdbool.h>
#include <stddef.h>

#include "sbp/model.h"

/* A connector: a flow between two steps of one column. */
typedef struct ed_conn {
	size_t col;
	size_t from_row, to_row; /* body rows */
} ed_conn;

typedef struct ed_grid {
	size_t nlanes, ncols;
	size_t *cell_start;  /* nlanes*ncols+1 offsets into steps */
	sbp_step **steps;    /* grouped by cell, file order within */
	size_t *lane_rows;   /* rows of each lane */
	size_t *lane_top;    /* body row of each lane's first row */
	size_t height;       /* body rows in all */
	ed_conn *conns;      /* sorted by column */
	size_t nconns;
	size_t *col_conn;    /* ncols+1 offsets into conns */
} ed_grid;

void grid_init(ed_grid *g);
void grid_free(ed_grid *g);
/* Recompute everything from bp. */
void grid_build(ed_grid *g, const sbp_blueprint *bp);
/* Steps in the cell (lane, col): their number, and the i-th. */
size_t grid_cell_count(const ed_grid *g, size_t lane, size_t col);
sbp_step *grid_cell_step(const ed_grid *g, size_t lane, size_t col, size_t i);
/* Index of s in its cell's stack. */
size_t grid_step_index(const ed_grid *g, const sbp_step *s);
/* Body row of s. */
size_t grid_step_row(const ed_grid *g, const sbp_step *s);
/* Lane shown at body row r and the row within it; false on a separator
 * row (then *lane is the lane below it). */
bool grid_row_lane(const ed_grid *g, size_t r, size_t *lane, size_t *sub);

#endif
