/* Rules about the blueprint as a whole that the method adds (SPEC 7.4):
 * a blueprint with steps but no encounter, and unknown keys in the
 * measurement log. */
#include <math.h>
#include <stdlib.h>

#include "sbp/check.h"
#include "sbp/i18n.h"
#include "sbp/model.h"

#include "rules.h"

/* no-encounters: steps, and none the customer meets (coverage n/a). */
static void rule_no_encounters(check_ctx *c)
{
	const sbp_blueprint *bp = c->bp;
	if (bp->steps.n == 0 || !check_on(c, CR_NO_ENCOUNTERS))
		return;
	for (size_t i = 0; i < bp->steps.n; i++)
		if (step_is_encounter(bp->steps.items[i]))
			return;
	sbp_pos first = bp->steps.items[0]->pos;
	check_report(c, CR_NO_ENCOUNTERS, first, first, NULL,
		     P_("the blueprint has %zu step and no encounter step: add an onstage "
			"lane or mark where the customer meets the firm (encounter: true)",
			"the blueprint has %zu steps and no encounter step: add an onstage "
			"lane or mark where the customer meets the firm (encounter: true)",
			bp->steps.n),
		     bp->steps.n);
}

void check_method_top(check_ctx *c)
{
	rule_no_encounters(c);
	for (size_t i = 0; i < c->bp->measurements.n; i++) {
		const sbp_measurement *m = c->bp->measurements.items[i];
		check_extras(c, &m->extras, m->pos, NULL);
	}
}

bool check_sqi_text(const sbp_blueprint *bp, sbp_buf *out)
{
	sbp_sqi_point *p;
	size_t n = blueprint_sqi(bp, &p);
	char now[32], diff[32];
	if (n == 0)
		return false;
	fmt_number(p[n - 1].points, now);
	if (n == 1) {
		buf_printf(out, _("SQI %s points on %s (lower is better)"), now, p[0].date);
	} else {
		double d = p[n - 1].points - p[n - 2].points;
		fmt_number(fabs(d), diff);
		if (d > 0)
			buf_printf(out, _("SQI %s points on %s, up %s from %s (lower is better)"),
				   now, p[n - 1].date, diff, p[n - 2].date);
		else if (d < 0)
			buf_printf(out, _("SQI %s points on %s, down %s from %s (lower is better)"),
				   now, p[n - 1].date, diff, p[n - 2].date);
		else
			buf_printf(out, _("SQI %s points on %s, unchanged from %s (lower is better)"),
				   now, p[n - 1].date, p[n - 2].date);
	}
	free(p);
	return true;
}

sbp_node *check_sqi_node(const sbp_blueprint *bp)
{
	sbp_sqi_point *p;
	size_t n = blueprint_sqi(bp, &p);
	sbp_node *list = node_new(NODE_SEQ, NULL);
	for (size_t i = 0; i < n; i++) {
		sbp_node *o = node_new(NODE_MAP, NULL);
		node_set(o, "date", node_str(p[i].date));
		node_set(o, "points", node_num(p[i].points));
		node_push(list, o);
	}
	free(p);
	return list;
}
