/* The tables `sbp export -f csv` writes and `sbp import -f csv` reads,
 * described once from the field tables (sbp/fields.h): a column per plain
 * field, reference or list of references under the field's key; a wait or
 * fail point as its text under the point's key and its other fields under
 * "wait_expected", "fail_severity"...; the derived columns a facilitator
 * reads (lane_name, flagged, below_goal...), which import skips; and a
 * last "yaml" column holding, as a YAML flow mapping, what no other column
 * can: keys sbp does not know (x-...), empty texts, a point's own keys.
 * Header names follow the export's language (terms.h); import takes them
 * in English or Chinese. */
#ifndef SBP_CSV_TABLES_H
#define SBP_CSV_TABLES_H

#include <stdbool.h>
#include <stddef.h>

#include "sbp/fields.h"
#include "sbp/terms.h"

/* The kind of the row of the blueprint's own keys (lang, title,
 * description, ignore), beside the kinds of fields.h. */
#define CSV_OBJ_HEAD SBP_OBJ_COUNT

/* The column that holds the rest of an object as YAML. */
#define CSV_YAML_COLUMN "yaml"

typedef struct csv_col {
	char name[48];        /* English header name */
	const sbp_field *f;   /* the object's field; NULL for derived and yaml */
	const sbp_field *sub; /* a point's field when f is FT_MAP */
	int derived;          /* >= 0: index among the kind's derived columns */
	bool yaml;            /* the yaml column */
} csv_col;

/* The columns of the table of kind k (an sbp_obj_kind other than fail and
 * wait, or CSV_OBJ_HEAD), in order, into cols (room for max); returns how
 * many. */
size_t csv_columns(int k, csv_col *cols, size_t max);
/* The kind of a point field (FT_MAP): SBP_OBJ_WAIT or SBP_OBJ_FAIL. */
sbp_obj_kind csv_point_kind(const sbp_field *f);
/* The header name of an English column name in the language exports
 * write now (term_now: the blueprint's lang). */
const char *csv_header(const char *name);
/* Is cell the header of the English column name, in any language? */
bool csv_header_is(const char *cell, const char *name);
/* Does a text cell need the apostrophe that keeps spreadsheets from
 * reading it as a formula (it starts with = + - @ tab or CR, after any
 * apostrophes of its own)? */
bool csv_needs_guard(const char *s);
/* A cell without that apostrophe. */
const char *csv_unguard(const char *s);

#endif
