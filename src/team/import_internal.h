/* Private to src/team's import: the document being built and helpers
 * the table reader and the grid reader share. */
#ifndef SBP_IMPORT_INTERNAL_H
#define SBP_IMPORT_INTERNAL_H

#include "sbp/csv.h"
#include "sbp/csv_tables.h"
#include "sbp/hmap.h"
#include "sbp/import.h"
#include "sbp/util.h"

/* The blueprint being built: its lists (owned by doc) and indexes of
 * their ids (keys borrowed from the nodes). */
typedef struct import_ctx {
	sbp_node *doc;
	sbp_node *columns, *lanes, *standards, *steps, *flows, *measurements;
	bool lanes_table; /* a lanes table gave the lanes' order */
	hmap column_ids, lane_ids, standard_ids, step_ids;
	import_error *err;
	const char *file;
} import_ctx;

/* Append obj (a mapping with an id) to seq and index it. */
void import_add(sbp_node *seq, hmap *ids, sbp_node *obj);
/* A string node of s with CRLF made LF. */
sbp_node *import_text(const char *s);
/* Fail at line/col with a message (one %s for arg). Returns false. */
bool import_fail(import_ctx *x, int line, int col, const char *fmt, const char *arg);

/* The tables sbp export -f csv writes: which one a header is, and one
 * table read into the document. */
typedef enum import_table {
	TABLE_HEAD, TABLE_LANES, TABLE_COLUMNS, /* read first, when given */
	TABLE_STEPS, TABLE_STANDARDS, TABLE_FLOWS, TABLE_MEASUREMENTS, TABLE_GRID
} import_table;
import_table import_table_kind(const csv_row *head);
/* A table: its header row, then n - 1 rows. */
bool import_table_read(import_ctx *x, import_table kind, const csv_row *rows, size_t n);
/* The yaml column (import_yaml.c): merge the mapping a cell holds into
 * obj; false (error at line/col) when it is not one. */
bool import_yaml_cell(import_ctx *x, sbp_node *obj, const char *cell, int line, int col);
/* Set key of map to value (taken), merging mappings. */
void import_merge(sbp_node *map, const char *key, sbp_node *value);
/* After every table: standards that steps name but no table defined. */
void import_tables_finish(import_ctx *x);
/* A workshop grid (import_grid.c). */
bool import_grid(import_ctx *x, const csv_table *t);

#endif
