/* The method's figures in the exports (src/export/method.c): each format
 * calls in once, so that the formats' own files stay as they are. */
#ifndef SBP_EXPORT_METHOD_H
#define SBP_EXPORT_METHOD_H

#include <stdbool.h>

#include "sbp/model.h"
#include "sbp/util.h"

/* HTML sections: the SQI trend chart (inline SVG) and table, goal
 * attainment (met or missed per standard, and what it computes), and the
 * per-phase time analysis. */
void method_html(sbp_buf *out, const sbp_blueprint *bp);
/* One <td> of the standards table: the zone of tolerance (adequate to
 * desired) as a band with the current actual on it; empty without both. */
void method_html_zone(sbp_buf *out, const sbp_standard *s);
/* Markdown: the SQI table, the goal attainment line and the time
 * analysis table. */
void method_md(sbp_buf *out, const sbp_blueprint *bp);
/* CSV tables of the method (--what sqi: date,points); false when what
 * names none of them. */
bool method_csv(sbp_buf *out, const sbp_blueprint *bp, const char *what);

#endif
