/* Incremental checks: the rules about one step, one flow or one catalog
 * standard, for an editor that re-checks what an edit touched instead of
 * the whole blueprint. Each honours the blueprint's ignore: list and
 * appends to out exactly the findings check_blueprint would give for that
 * object. */
#ifndef SBP_CHECK_STEP_H
#define SBP_CHECK_STEP_H

#include "sbp/diag.h"
#include "sbp/model.h"

/* Findings whose step is s->id and that depend on s alone (its lane, its
 * standards, its fail and wait points, its unknown keys):
 * unstandardized-encounter, fail-point-no-recovery, wait-point-no-tolerance
 * and unknown-key. bypassed-interaction also names a step but belongs to
 * the flow: re-check the step's flows with check_flow. */
void check_step(const sbp_blueprint *bp, const sbp_step *s, sbp_diags *out);
/* Findings about flow f: bypassed-interaction (whose step is the customer
 * step f->from) and unknown-key in the flow. */
void check_flow(const sbp_blueprint *bp, const sbp_flow *f, sbp_diags *out);
/* Findings about catalog standard s: hard-standard-unmeasured,
 * soft-standard-no-feedback, below-goal and unknown-key. unused-standard
 * depends on every step: check_standard_unused gives it for a caller
 * that knows no step uses s. */
void check_standard(const sbp_blueprint *bp, const sbp_standard *s,
		    sbp_diags *out);
void check_standard_unused(const sbp_blueprint *bp, const sbp_standard *s,
			   sbp_diags *out);

#endif
