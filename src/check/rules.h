/* Private to src/check: the rule table, the state one check run carries
 * (which warnings the blueprint's ignore: list silences) and the helpers
 * every rule file uses to report a finding. */
#ifndef SBP_CHECK_RULES_H
#define SBP_CHECK_RULES_H

#include <stdbool.h>

#include "sbp/check.h"
#include "sbp/diag.h"
#include "sbp/model.h"

/* Rules this module reports, as indexes into the rule table. */
typedef enum check_rule {
	CR_ZONE_ORDER,
	CR_UNSTANDARDIZED,
	CR_HARD_UNMEASURED,
	CR_SOFT_NO_FEEDBACK,
	CR_FAIL_NO_RECOVERY,
	CR_WAIT_NO_TOLERANCE,
	CR_UNUSED_STANDARD,
	CR_BYPASSED,
	CR_BELOW_GOAL,
	CR_UNKNOWN_KEY,
	CR_COMPANY_ONLY,
	CR_OUTSIDE_TOLERANCE,
	CR_NO_ENCOUNTERS,
	CR_MERGE_CONFLICT,
	CR_COUNT
} check_rule;

/* One run of the rules over a blueprint. */
typedef struct check_ctx {
	const sbp_blueprint *bp;
	sbp_diags *out;
	bool off[CR_COUNT]; /* silenced by the blueprint's ignore: list */
	char *quoted[4];    /* texts quoted for the next report */
	int nquoted;
	sbp_buf msg;        /* the message being formatted, reused */
} check_ctx;

/* Prepare a run: read the ignore: list once. */
void check_ctx_init(check_ctx *c, const sbp_blueprint *bp, sbp_diags *out);
/* End a run: free what check_q and the message buffer still hold. */
void check_ctx_done(check_ctx *c);
/* Is the rule reported in this run? */
bool check_on(const check_ctx *c, check_rule r);
/* Report a finding of rule r at pos (or at fallback when pos is unknown);
 * step may be NULL. Nothing is reported when the rule is silenced. Frees
 * the texts quoted since the last report. */
void check_report(check_ctx *c, check_rule r, sbp_pos pos, sbp_pos fallback,
		  const char *step, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Quote file text for a message (escaped, at most 40 columns). The result
 * belongs to c and lives until the next check_report, so one message can
 * quote up to four texts. NULL quotes as "". */
const char *check_q(check_ctx *c, const char *s);
/* Is a free-text field missing (NULL, empty or only blanks)? */
bool check_blank(const char *s);
/* Warn about every key of e that does not start with "x-". */
void check_extras(check_ctx *c, const sbp_extras *e, sbp_pos owner,
		  const char *step);

/* The rule groups, each in its own file. */
void check_step_ctx(check_ctx *c, const sbp_step *s);
void check_flow_ctx(check_ctx *c, const sbp_flow *f);
void check_standard_ctx(check_ctx *c, const sbp_standard *s);
void check_unused_standards(check_ctx *c);
/* Which standards some step uses (by catalog position; caller frees),
 * and the finding for one that none uses. */
bool *check_used_standards(const sbp_blueprint *bp);
void check_report_unused(check_ctx *c, const sbp_standard *s);
void check_lanes(check_ctx *c);
/* no-encounters and the measurement log's unknown keys (rules_method.c). */
void check_method_top(check_ctx *c);
void check_columns(check_ctx *c);
/* x-conflicts left by sbp merge (rules_conflicts.c). */
void check_conflicts(check_ctx *c);

#endif
