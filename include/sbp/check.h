/* The lint rules of `sbp check` (SPEC section 3) and the summary counts. */
#ifndef SBP_CHECK_H
#define SBP_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "sbp/diag.h"
#include "sbp/model.h"

typedef struct sbp_summary {
	size_t steps, encounters, unstandardized;
	size_t fail_points, wait_points, standards;
	double coverage; /* percent of encounter steps not flagged; NAN (n/a)
			    when there are none */
	size_t company_only; /* encounters whose only standards are
				company-defined (company-standard-only) */
	size_t fixed;        /* encounters handled by a one-time fix */
} sbp_summary;

/* The coverage as text: "87.5%" (with decimals 0 or 1), or "n/a" when
 * the blueprint has no encounter step. Returns out (16 bytes). */
const char *check_coverage_text(const sbp_summary *s, int decimals, char *out);

/* Run every rule over bp, appending findings to out (rules named in the
 * blueprint's ignore: list are left out when they are warnings), and fill
 * sum when it is not NULL. */
void check_blueprint(const sbp_blueprint *bp, sbp_diags *out, sbp_summary *sum);
/* Which part of check_blueprint a finding comes from, in the order it
 * runs them, and the object it is about: for an editor that keeps the
 * findings up to date object by object (check_step.h). */
typedef enum check_group {
	CHECK_TOP, CHECK_LANES, CHECK_COLUMNS, /* obj NULL */
	CHECK_STANDARDS, CHECK_UNUSED,         /* obj the standard */
	CHECK_STEPS, CHECK_FLOWS,              /* obj the step, the flow */
} check_group;
typedef struct check_origin {
	check_group group;
	const void *obj;
} check_origin;
/* check_blueprint into an empty out, and the origin of each finding:
 * *origins gets out->n entries, one per item. Caller frees *origins. */
void check_blueprint_origins(const sbp_blueprint *bp, sbp_diags *out,
			     check_origin **origins);
/* Only the counts. */
void check_summary(const sbp_blueprint *bp, sbp_summary *sum);
/* Keeping the counts up to date edit by edit: add (or take away) what
 * step s counts for, as it is now; then check_summary_finish takes the
 * step and standard totals from bp and works out the coverage. */
void check_summary_step(sbp_summary *sum, const sbp_step *s, bool add);
void check_summary_finish(const sbp_blueprint *bp, sbp_summary *sum);
/* The SQI line of the check summary: "SQI 62 points on 2026-11-03, up 12
 * from 2026-11-02 (lower is better)"; false (nothing appended) when no
 * measurement records failures. */
bool check_sqi_text(const sbp_blueprint *bp, sbp_buf *out);
/* The SQI series as JSON-ready nodes: [{"date": D, "points": N}, ...],
 * oldest first (an empty list when none). Caller frees. */
sbp_node *check_sqi_node(const sbp_blueprint *bp);
/* Is this a known rule id? */
bool check_rule_known(const char *rule);
/* Is it one of the error rules, which ignore: cannot silence? */
bool check_rule_is_error(const char *rule);

#endif
