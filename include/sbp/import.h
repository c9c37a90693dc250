/* sbp import -f csv (SPEC section 7.6): blueprints from spreadsheets.
 * Two shapes are read. The tables `sbp export -f csv` writes (steps,
 * standards, flows; each known by its header names, not by the order of
 * its columns), one file or several, give back the blueprint they came
 * from. A workshop grid (a phase row optional, then a row of column
 * names; lane names down the first column, zones in an optional second
 * one; one step per line in a cell) gives a first draft. */
#ifndef SBP_IMPORT_H
#define SBP_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "sbp/model.h"
#include "sbp/node.h"

/* One input file, in memory. */
typedef struct import_file {
	const char *name; /* for messages and the grid's title */
	const char *data;
	size_t len;
} import_file;

/* Where an import failed: the file, its line (row) and column (the
 * spreadsheet column, counting from 1; 0 when the whole row or file). */
typedef struct import_error {
	const char *file;
	int line, col;
	char msg[512];
} import_error;

/* Build the blueprint document from the files; NULL with err filled when
 * the input is bad. The tree is what the YAML writer takes; the caller
 * checks that it loads and frees it. */
sbp_node *import_csv(const import_file *files, size_t n, import_error *err);

/* Parts shared by the two shapes (src/team/import_ids.c). */
/* A zone from a name: its id, English label or Chinese name, and the
 * usual short forms ("Customer", "Front stage", 支持过程...). */
bool import_zone_from_name(const char *name, sbp_zone *out);
/* An id made from text: lowercase ASCII words joined by '-', whole words
 * within max bytes (the editor's rule); NULL when the text has no Latin
 * letters or digits. Caller frees. */
char *import_slug(const char *text, size_t max);
/* ids in use by one kind, for making new ones unique. */
typedef struct import_ids {
	hmap used;
	char **owned;
	size_t n, cap;
} import_ids;
void import_ids_init(import_ids *ids);
void import_ids_free(import_ids *ids);
/* Is id taken? */
bool import_ids_has(const import_ids *ids, const char *id);
/* Take id as it is (false when taken). */
bool import_ids_take(import_ids *ids, const char *id);
/* A unique id from base: base, base-2, base-3... Returned string is owned
 * by ids. */
const char *import_ids_unique(import_ids *ids, const char *base);

#endif
