/* Exports for workshops (SPEC section 6): one entry point for the command
 * line and the editor's :export. */
#ifndef SBP_EXPORT_H
#define SBP_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "sbp/model.h"
#include "sbp/util.h"

/* A warning for the user (already translated), e.g. text that had to be
 * cut or an option the format does not use. */
typedef void (*export_warn_fn)(void *ctx, const char *msg);

typedef struct export_opts {
	const char *paper; /* pdf: a4 a3 a2 a1 a0 letter, any case; NULL = fit */
	bool tile;         /* pdf: split over pages with overlap and crop marks */
	double fit;        /* pdf: tile over the fewest sheets that keep text at
			    * least this many points (0 = off) */
	int pages_cols, pages_rows; /* pdf: tile over exactly this many sheets */
	bool with_tables;  /* pdf: add the HTML's tables as pages */
	double scale;      /* png: pixels per point; pdf --tile: enlargement;
			    * 0 = default */
	const char *what;  /* csv: "steps" (NULL), "standards" or "flows" */
	const char *source_name; /* file name shown in titles, may be NULL */
	export_warn_fn warn; /* NULL: warnings are dropped */
	void *warn_ctx;
} export_opts;

/* Names of the formats, NULL-terminated. */
extern const char *const export_formats[];
bool export_format_known(const char *format);

/* The usual extension of a format ("mmd" for mermaid). */
const char *export_format_ext(const char *format);
/* The default output path: in without .yaml/.yml, plus the csv table
 * name when what is not "steps" (NULL), plus the extension. Caller frees. */
char *export_default_path(const char *in, const char *format, const char *what);

/* Write bp in format to out_path ("-" = stdout), atomically for files.
 * On failure err says why in plain words. The first pdf or png export
 * loads cairo and pango (dlopen); when they are missing, err names the
 * packages to install. */
bool export_blueprint(const sbp_blueprint *bp, const char *format,
		      const export_opts *opts, const char *out_path,
		      char *err, size_t errlen);

#endif
