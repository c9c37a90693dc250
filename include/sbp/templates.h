/* Templates for `sbp new -t NAME`: the example blueprints, embedded into
 * the program at build time (generated templates.c). */
#ifndef SBP_TEMPLATES_H
#define SBP_TEMPLATES_H

#include <stddef.h>

typedef struct sbp_template {
	const char *name; /* file stem, e.g. "hotel" */
	const char *title;
	const char *yaml;
	size_t len;
} sbp_template;

extern const sbp_template sbp_templates[];
extern const size_t sbp_n_templates;

#endif
