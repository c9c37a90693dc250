/* The compliant blueprint the check tests start from, and small helpers
 * to change it and to find diagnostics. */
#include <string.h>

#include "sbp/util.h"

#include "fixture.h"

/* Attach standard std (by id) to step s. */
void fx_use(sbp_blueprint *bp, sbp_step *s, const char *std)
{
	VEC_PUSH(s->stds, blueprint_standard(bp, std));
}

/* Set a string field (copied). */
void fx_set(char **field, const char *value)
{
	set_string(field, value);
}

/* Add a step in a lane and column c1. */
sbp_step *fx_step(sbp_blueprint *bp, const char *id, const char *lane,
		  const char *text, int line)
{
	sbp_step *s = step_new(id, blueprint_lane(bp, lane),
			       blueprint_column(bp, "c1"), text);
	s->pos = (sbp_pos){line, 3};
	blueprint_insert_step(bp, (size_t)-1, s);
	return s;
}

/* Add a fully described standard. */
sbp_standard *fx_standard(sbp_blueprint *bp, const char *id,
			  sbp_std_kind kind, int line)
{
	sbp_standard *s = standard_new(id, id, kind);
	set_string(&s->measure, "seconds to greeting");
	set_string(&s->target, "95% within 30 s");
	set_string(&s->feedback, "transaction survey");
	s->pos = (sbp_pos){line, 5};
	blueprint_insert_standard(bp, (size_t)-1, s);
	return s;
}

/* Add a flow between two steps. */
sbp_flow *fx_flow(sbp_blueprint *bp, const char *from, const char *to,
		  int line)
{
	sbp_flow *f = flow_new(blueprint_step(bp, from),
			       blueprint_step(bp, to), NULL);
	f->pos = (sbp_pos){line, 7};
	blueprint_insert_flow(bp, (size_t)-1, f);
	return f;
}

/* Add a rule to the ignore: list. */
void fx_ignore(sbp_blueprint *bp, const char *rule)
{
	VEC_PUSH(bp->ignore, xstrdup(rule));
}

/* The compliant blueprint. */
sbp_blueprint *fx_clean(void)
{
	sbp_blueprint *bp = blueprint_new();
	sbp_standard *hard, *soft;
	sbp_step *reg;

	blueprint_add_default_lanes(bp);
	for (size_t i = 0; i < bp->lanes.n; i++)
		bp->lanes.items[i]->pos = (sbp_pos){10 + (int)i, 5};
	blueprint_insert_column(bp, (size_t)-1, column_new("c1", "Arrive", NULL));
	blueprint_insert_column(bp, (size_t)-1, column_new("c2", "Check in", NULL));
	bp->columns.items[0]->pos = (sbp_pos){20, 5};
	bp->columns.items[1]->pos = (sbp_pos){21, 5};
	hard = fx_standard(bp, "greet-30s", STD_HARD, 30);
	hard->goal = 95;
	hard->actual = 97;
	soft = fx_standard(bp, "kind", STD_SOFT, 31);
	soft->better = BETTER_HIGHER;
	fx_step(bp, "arrive", "customer", "Arrive at hotel", 40);
	fx_use(bp, fx_step(bp, "greet", "onstage", "Greet guest", 41),
	       "greet-30s");
	reg = fx_step(bp, "register", "onstage", "Check guest in", 42);
	reg->column = blueprint_column(bp, "c2");
	fx_use(bp, reg, "kind");
	reg->fail = fail_new("Reservation not found");
	reg->fail->pos = (sbp_pos){43, 11};
	set_string(&reg->fail->recovery, "Upgrade and apologise");
	reg->wait = wait_new("Queue at the desk");
	reg->wait->pos = (sbp_pos){44, 11};
	reg->wait->expected = 3;
	reg->wait->tolerable = 8;
	fx_step(bp, "prep", "backstage", "Prepare key card", 45);
	fx_flow(bp, "arrive", "greet", 50);
	fx_flow(bp, "greet", "register", 51);
	fx_flow(bp, "register", "prep", 52);
	return bp;
}

/* Run the whole check. */
void fx_check(const sbp_blueprint *bp, sbp_diags *d, sbp_summary *sum)
{
	diags_init(d);
	check_blueprint(bp, d, sum);
}

/* Number of diagnostics of a rule. */
size_t fx_count(const sbp_diags *d, const char *rule)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->items[i].rule, rule) == 0)
			n++;
	return n;
}

/* The i-th diagnostic of a rule. */
const sbp_diag *fx_find(const sbp_diags *d, const char *rule, size_t i)
{
	for (size_t k = 0; k < d->n; k++)
		if (strcmp(d->items[k].rule, rule) == 0 && i-- == 0)
			return &d->items[k];
	return NULL;
}
