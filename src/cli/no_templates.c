/* Empty template table (build without blueprints). */
#include "sbp/templates.h"
const sbp_template sbp_templates[] = {{0}};
const size_t sbp_n_templates = 0;
