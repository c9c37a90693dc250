/* Rules about the standards catalog: hard standards need a measure and a
 * target, soft ones a feedback mechanism; actual performance worse than
 * the goal (Gap 3); standards no step uses. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "sbp/check.h"
#include "sbp/hmap.h"
#include "sbp/i18n.h"
#include "sbp/model.h"
#include "sbp/util.h"

#include "rules.h"

/* hard-standard-unmeasured: one finding naming what is missing. */
static void rule_hard(check_ctx *c, const sbp_standard *s)
{
	bool no_measure = check_blank(s->measure);
	bool no_target = check_blank(s->target);
	const char *what;

	if (s->kind != STD_HARD || !check_on(c, CR_HARD_UNMEASURED) ||
	    (!no_measure && !no_target))
		return;
	if (no_measure && no_target)
		what = _("no measure and no target");
	else if (no_measure)
		what = _("no measure");
	else
		what = _("no target");
	check_report(c, CR_HARD_UNMEASURED, s->pos, s->pos, NULL,
		     _("hard standard '%s' has %s"), check_q(c, s->id), what);
}

/* soft-standard-no-feedback: a perception standard nobody asks about. */
static void rule_soft(check_ctx *c, const sbp_standard *s)
{
	if (s->kind != STD_SOFT || !check_on(c, CR_SOFT_NO_FEEDBACK) ||
	    !check_blank(s->feedback))
		return;
	check_report(c, CR_SOFT_NO_FEEDBACK, s->pos, s->pos, NULL,
		     _("soft standard '%s' has no feedback mechanism"),
		     check_q(c, s->id));
}

/* below-goal: actual delivery worse than the goal, in the direction the
 * standard's better: key gives (higher unless it says lower). */
static void rule_below_goal(check_ctx *c, const sbp_standard *s)
{
	char actual[32], goal[32];
	bool lower = s->better == BETTER_LOWER;

	if (!check_on(c, CR_BELOW_GOAL) || !standard_below_goal(s))
		return;
	fmt_number(standard_current_actual(s), actual);
	fmt_number(s->goal, goal);
	check_report(c, CR_BELOW_GOAL, s->pos, s->pos, NULL,
		     _("standard '%s' is below goal: actual %s %s goal %s%s"),
		     check_q(c, s->id), actual, lower ? ">" : "<", goal,
		     lower ? _(" (lower is better)") : "");
}

/* outside-tolerance: the current actual is worse than the adequate level,
 * so customers are outside their zone of tolerance. */
static void rule_outside_tolerance(check_ctx *c, const sbp_standard *s)
{
	char actual[32], adequate[32];

	if (!check_on(c, CR_OUTSIDE_TOLERANCE) || !standard_outside_tolerance(s))
		return;
	fmt_number(standard_current_actual(s), actual);
	fmt_number(s->adequate, adequate);
	if (s->better == BETTER_LOWER)
		check_report(c, CR_OUTSIDE_TOLERANCE, s->pos, s->pos, NULL,
			     _("standard '%s' is outside the zone of tolerance: actual %s "
			       "is worse than adequate %s (lower is better)"),
			     check_q(c, s->id), actual, adequate);
	else
		check_report(c, CR_OUTSIDE_TOLERANCE, s->pos, s->pos, NULL,
			     _("standard '%s' is outside the zone of tolerance: actual %s "
			       "is worse than adequate %s"),
			     check_q(c, s->id), actual, adequate);
}

/* Every rule about catalog standard s alone. */
void check_standard_ctx(check_ctx *c, const sbp_standard *s)
{
	rule_hard(c, s);
	rule_soft(c, s);
	rule_below_goal(c, s);
	rule_outside_tolerance(c, s);
	check_extras(c, &s->extras, s->pos, NULL);
}

/* Which catalog standards some step references: one pass over the
 * steps' references with a table from id to catalog position. */
bool *check_used_standards(const sbp_blueprint *bp)
{
	size_t n = bp->standards.n;
	bool *used = xcalloc(n ? n : 1, sizeof *used);
	hmap pos;

	hmap_init(&pos);
	for (size_t i = 0; i < n; i++)
		hmap_put(&pos, bp->standards.items[i]->id,
			 (void *)(uintptr_t)(i + 1));
	for (size_t i = 0; i < bp->steps.n; i++) {
		const sbp_step *s = bp->steps.items[i];
		for (size_t j = 0; j < s->stds.n; j++) {
			if (!s->stds.items[j])
				continue;
			uintptr_t at = (uintptr_t)hmap_get(&pos,
							   s->stds.items[j]->id);
			if (at)
				used[at - 1] = true;
		}
	}
	hmap_free(&pos);
	return used;
}

/* unused-standard for one standard that no step uses. */
void check_report_unused(check_ctx *c, const sbp_standard *s)
{
	check_report(c, CR_UNUSED_STANDARD, s->pos, s->pos, NULL,
		     _("standard '%s' is not used by any step"), check_q(c, s->id));
}

/* unused-standard: in the catalog, referenced by no step. */
void check_unused_standards(check_ctx *c)
{
	const sbp_blueprint *bp = c->bp;

	if (bp->standards.n == 0 || !check_on(c, CR_UNUSED_STANDARD))
		return;
	bool *used = check_used_standards(bp);
	for (size_t i = 0; i < bp->standards.n; i++)
		if (!used[i])
			check_report_unused(c, bp->standards.items[i]);
	free(used);
}
