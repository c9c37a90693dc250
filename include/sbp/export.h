/* Exports for workshops (SPEC section 6): one entry point for the command
 * line and the editor's :export. */
#ifndef SBP_EXPORT_H
#define SBP_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "sbp/model.h"
#include "sbp/util.h"

typedef struct export_opts {
	const char *paper; /* pdf/png: a4 a3 a2 a1 a0 letter; NULL = fit */
	bool tile;         /* pdf: split over pages with overlap and crop marks */
	double scale;      /* png: pixels per point, 0 = default */
	const char *what;  /* csv: "steps" (NULL), "standards" or "flows" */
	const char *source_name; /* file name shown in titles, may be NULL */
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
