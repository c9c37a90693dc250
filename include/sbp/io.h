/* Reading and writing blueprints: the YAML loader (libyaml events), the
 * canonical YAML writer, the JSON writer, and atomic file replacement. */
#ifndef SBP_IO_H
#define SBP_IO_H

#include <stdbool.h>
#include <stddef.h>

#include "sbp/diag.h"
#include "sbp/model.h"
#include "sbp/node.h"
#include "sbp/util.h"

/* Bounds on what the loader accepts; going past one is a [limit] error. */
typedef struct sbp_limits {
	size_t max_file_size; /* bytes */
	int max_depth;        /* nesting of mappings and sequences */
	size_t max_scalar;    /* bytes in one scalar */
	size_t max_steps;
	size_t max_diags;     /* diagnostics kept by the loader and listed per file */
	double max_minutes;   /* a duration or a wait, in minutes */
	size_t max_lanes;     /* lanes and columns: the editor's grid and the */
	size_t max_columns;   /* exports index occupied cells only, but each
				 lane and column still costs a row or a heading */
} sbp_limits;

#define SBP_DEFAULT_MAX_FILE_SIZE ((size_t)512 << 20)
#define SBP_DEFAULT_MAX_DEPTH 64
#define SBP_DEFAULT_MAX_SCALAR ((size_t)1 << 20)
#define SBP_DEFAULT_MAX_STEPS ((size_t)4000000)
#define SBP_DEFAULT_MAX_DIAGS ((size_t)200)
/* A year: no step or wait of a service lasts longer. */
#define SBP_DEFAULT_MAX_MINUTES (366.0 * 24 * 60)
#define SBP_DEFAULT_MAX_LANES ((size_t)100000)
#define SBP_DEFAULT_MAX_COLUMNS ((size_t)1000000)

void sbp_limits_default(sbp_limits *l);

/* Parse a blueprint from memory. Problems go to diags (errors and the
 * loader's own warnings). Returns NULL when there was any error; the
 * caller frees the blueprint. lim may be NULL for the defaults. */
sbp_blueprint *sbp_load_buffer(const char *data, size_t len,
			       const sbp_limits *lim, sbp_diags *diags);
/* Read and parse a file ("-" is stdin). An unreadable file gives an error
 * diagnostic at line 0 with no rule. */
sbp_blueprint *sbp_load_file(const char *path, const sbp_limits *lim,
			     sbp_diags *diags);

/* The blueprint as a document tree in canonical key order. Caller frees. */
sbp_node *sbp_to_node(const sbp_blueprint *bp);
/* Canonical YAML text of a tree / a blueprint, appended to out. */
void yaml_emit(const sbp_node *doc, sbp_buf *out);
void sbp_save_yaml(const sbp_blueprint *bp, sbp_buf *out);
/* Pieces of a top-level block mapping, for writing a long document one
 * entry at a time: "key: value" at indent 0, and one "- item" of a block
 * sequence at indent. Together they write what yaml_emit writes for the
 * whole tree. */
void yaml_emit_entry(const char *key, const sbp_node *value, sbp_buf *out);
void yaml_emit_item(const sbp_node *item, int indent, sbp_buf *out);
/* JSON text of a tree, appended to out, indented when pretty. */
void json_emit(const sbp_node *doc, sbp_buf *out, bool pretty);

/* Would a YAML 1.1 or 1.2 reader take this plain scalar for something
 * other than a string (null, bool, number, timestamp, merge key)? */
bool yaml_looks_typed(const char *s, size_t len);
/* Can s be written as a plain scalar and read back as the same string,
 * in block context (flow false) or inside [ ] / { } (flow true)? */
bool yaml_plain_ok(const char *s, size_t len, bool flow);
/* Append s as a YAML scalar: plain when safe, else single- or
 * double-quoted. */
void yaml_put_string(sbp_buf *out, const char *s, size_t len, bool flow);

/* Replace path with data atomically (temporary file in the same
 * directory, fsync, rename, fsync of the directory), keeping the
 * original's permissions. On failure the original is untouched and err
 * says why in plain words. */
bool atomic_write(const char *path, const char *data, size_t len,
		  char *err, size_t errlen);

#endif
