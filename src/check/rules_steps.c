/* Rules about one step: the Gap 2 rule (an encounter step with no service
 * standard), fail points without a recovery plan, wait points without a
 * zone of tolerance, and unknown keys in the step and its points. */
#include <math.h>

#include "sbp/check.h"
#include "sbp/i18n.h"
#include "sbp/model.h"
#include "sbp/util.h"

#include "rules.h"

/* unstandardized-encounter: the customer meets the step, nothing says how
 * well. */
static void rule_unstandardized(check_ctx *c, const sbp_step *s)
{
	if (!check_on(c, CR_UNSTANDARDIZED) || !step_is_flagged(s))
		return;
	if (s->stds.n > 0) /* company-defined ones only (Gap 2 is still open) */
		check_report(c, CR_UNSTANDARDIZED, s->pos, s->pos, s->id,
			     _("encounter step '%s' (\"%s\") has no customer-defined "
			       "standard"), check_q(c, s->id), check_q(c, s->text));
	else if (check_blank(s->text))
		check_report(c, CR_UNSTANDARDIZED, s->pos, s->pos, s->id,
			     _("encounter step '%s' has no service standard"),
			     check_q(c, s->id));
	else
		check_report(c, CR_UNSTANDARDIZED, s->pos, s->pos, s->id,
			     _("encounter step '%s' (\"%s\") has no service "
			     "standard"), check_q(c, s->id), check_q(c, s->text));
}

/* company-standard-only: an encounter whose standards are all
 * company-defined (flagged too; this says why). */
static void rule_company_only(check_ctx *c, const sbp_step *s)
{
	if (!check_on(c, CR_COMPANY_ONLY) || !step_company_standard_only(s))
		return;
	check_report(c, CR_COMPANY_ONLY, s->pos, s->pos, s->id,
		     P_("encounter step '%s' has only a company-defined standard ('%s'); "
			"add a customer-defined standard or a one-time fix",
			"encounter step '%s' has only company-defined standards ('%s', ...); "
			"add a customer-defined standard or a one-time fix",
			s->stds.n),
		     check_q(c, s->id), check_q(c, s->stds.items[0]->id));
}

/* fail-point-no-recovery: a likely failure with no service recovery plan. */
static void rule_fail(check_ctx *c, const sbp_step *s)
{
	const sbp_fail *f = s->fail;

	if (!f || !check_on(c, CR_FAIL_NO_RECOVERY) || !check_blank(f->recovery))
		return;
	if (check_blank(f->text))
		check_report(c, CR_FAIL_NO_RECOVERY, f->pos, s->pos, s->id,
			     _("fail point of step '%s' has no recovery action"),
			     check_q(c, s->id));
	else
		check_report(c, CR_FAIL_NO_RECOVERY, f->pos, s->pos, s->id,
			     _("fail point of step '%s' (\"%s\") has no recovery "
			     "action"), check_q(c, s->id), check_q(c, f->text));
}

/* wait-point-no-tolerance: a wait with no tolerable time, or one shorter
 * than the expected wait (the zone of tolerance is already broken). */
static void rule_wait(check_ctx *c, const sbp_step *s)
{
	const sbp_wait *w = s->wait;
	char tol[32], exp[32];

	if (!w || !check_on(c, CR_WAIT_NO_TOLERANCE))
		return;
	if (isnan(w->tolerable)) {
		if (check_blank(w->text))
			check_report(c, CR_WAIT_NO_TOLERANCE, w->pos, s->pos,
				     s->id, _("wait point of step '%s' has no "
				     "tolerable time"), check_q(c, s->id));
		else
			check_report(c, CR_WAIT_NO_TOLERANCE, w->pos, s->pos,
				     s->id, _("wait point of step '%s' (\"%s\") "
				     "has no tolerable time"), check_q(c, s->id),
				     check_q(c, w->text));
		return;
	}
	if (isnan(w->expected) || !(w->tolerable < w->expected))
		return;
	fmt_number(w->tolerable, tol);
	fmt_number(w->expected, exp);
	check_report(c, CR_WAIT_NO_TOLERANCE, w->pos, s->pos, s->id,
		     _("wait point of step '%s': tolerable %s min is less than "
		     "expected %s min"), check_q(c, s->id), tol, exp);
}

/* Every rule about step s alone. */
void check_step_ctx(check_ctx *c, const sbp_step *s)
{
	rule_unstandardized(c, s);
	rule_company_only(c, s);
	rule_fail(c, s);
	rule_wait(c, s);
	check_extras(c, step_extras(s), s->pos, s->id);
	if (s->fail)
		check_extras(c, &s->fail->extras, s->fail->pos.line > 0 ?
			     s->fail->pos : s->pos, s->id);
	if (s->wait)
		check_extras(c, &s->wait->extras, s->wait->pos.line > 0 ?
			     s->wait->pos : s->pos, s->id);
}
