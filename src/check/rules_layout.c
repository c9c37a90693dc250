/* Rules about the grid and the flows: lanes must keep the zones in order
 * (evidence, customer, onstage, backstage, support), a customer step must
 * not hand over straight to the backstage without an encounter, and lanes,
 * columns and flows must not carry unknown keys. */
#include <stddef.h>

#include "sbp/check.h"
#include "sbp/i18n.h"
#include "sbp/model.h"

#include "rules.h"

/* zone-order: a lane whose zone comes before the zone of an earlier lane;
 * each offending lane is named with the lane it comes after. */
static void rule_zone_order(check_ctx *c)
{
	const sbp_blueprint *bp = c->bp;
	const sbp_lane *deepest = NULL;

	for (size_t i = 0; i < bp->lanes.n; i++) {
		const sbp_lane *l = bp->lanes.items[i];
		if (deepest && l->zone < deepest->zone) {
			check_report(c, CR_ZONE_ORDER, l->pos, l->pos, NULL,
				     _("lane '%s' (%s) comes after lane '%s' "
				     "(%s); zones run evidence, customer, "
				     "onstage, backstage, support"),
				     check_q(c, l->id), zone_id(l->zone),
				     check_q(c, deepest->id),
				     zone_id(deepest->zone));
			continue;
		}
		if (!deepest || l->zone > deepest->zone)
			deepest = l;
	}
}

/* Every rule about the lanes. */
void check_lanes(check_ctx *c)
{
	const sbp_blueprint *bp = c->bp;

	rule_zone_order(c);
	for (size_t i = 0; i < bp->lanes.n; i++)
		check_extras(c, &bp->lanes.items[i]->extras,
			     bp->lanes.items[i]->pos, NULL);
}

/* Every rule about the columns. */
void check_columns(check_ctx *c)
{
	const sbp_blueprint *bp = c->bp;

	for (size_t i = 0; i < bp->columns.n; i++)
		check_extras(c, &bp->columns.items[i]->extras,
			     bp->columns.items[i]->pos, NULL);
}

/* The zone of a step's lane, or ZONE_COUNT when it has none. */
static sbp_zone step_zone(const sbp_step *s)
{
	return s && s->lane ? s->lane->zone : ZONE_COUNT;
}

/* bypassed-interaction: a customer step flows straight to a backstage or
 * support step and is not marked as an encounter, so the hand-over the
 * customer makes is nowhere on the line of interaction. */
static void rule_bypassed(check_ctx *c, const sbp_flow *f)
{
	sbp_zone to;

	if (!check_on(c, CR_BYPASSED) || step_zone(f->from) != ZONE_CUSTOMER ||
	    f->from->encounter == MARK_YES)
		return;
	to = step_zone(f->to);
	if (to != ZONE_BACKSTAGE && to != ZONE_SUPPORT)
		return;
	check_report(c, CR_BYPASSED, f->pos, f->from->pos, f->from->id,
		     _("flow from customer step '%s' goes straight to %s step "
		     "'%s' (add an onstage step, or mark '%s' encounter: true)"),
		     check_q(c, f->from->id), zone_id(to), check_q(c, f->to->id),
		     check_q(c, f->from->id));
}

/* Every rule about flow f alone. */
void check_flow_ctx(check_ctx *c, const sbp_flow *f)
{
	rule_bypassed(c, f);
	check_extras(c, &f->extras, f->pos, NULL);
}
