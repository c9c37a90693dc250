/* Tests of the rules about lanes, flows and unknown keys: zone-order,
 * bypassed-interaction and unknown-key at every level. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "sbp/check.h"
#include "sbp/node.h"

#include "fixture.h"

/* A lane out of zone order is an error at the lane. */
static void test_zone_order(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	sbp_lane *l = lane_new("kiosk", "Kiosk", ZONE_CUSTOMER);
	l->pos = (sbp_pos){15, 5};
	blueprint_insert_lane(bp, (size_t)-1, l); /* after support */
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.errors, 1);
	const sbp_diag *dg = fx_find(&d, RULE_ZONE_ORDER, 0);
	assert_non_null(dg);
	assert_int_equal(dg->severity, SBP_ERROR);
	assert_int_equal(dg->line, 15);
	assert_int_equal(dg->col, 5);
	assert_null(dg->step);
	assert_non_null(strstr(dg->message, "'kiosk' (customer)"));
	assert_non_null(strstr(dg->message, "'support' (support)"));
	diags_free(&d);
	blueprint_free(bp);
}

/* Each lane that goes back is named once; the ones after it that keep
 * the order are not. */
static void test_zone_order_each_lane(void **state)
{
	(void)state;
	sbp_blueprint *bp = blueprint_new();
	sbp_diags d;
	sbp_zone zones[] = {ZONE_EVIDENCE, ZONE_BACKSTAGE, ZONE_ONSTAGE,
			    ZONE_ONSTAGE, ZONE_BACKSTAGE, ZONE_SUPPORT,
			    ZONE_CUSTOMER};
	for (int i = 0; i < 7; i++) {
		char id[8] = {'l', (char)('0' + i), 0};
		sbp_lane *l = lane_new(id, id, zones[i]);
		l->pos = (sbp_pos){i + 1, 3};
		blueprint_insert_lane(bp, (size_t)-1, l);
	}
	fx_check(bp, &d, NULL);
	assert_int_equal(fx_count(&d, RULE_ZONE_ORDER), 3);
	assert_int_equal(fx_find(&d, RULE_ZONE_ORDER, 0)->line, 3);
	assert_int_equal(fx_find(&d, RULE_ZONE_ORDER, 1)->line, 4);
	assert_int_equal(fx_find(&d, RULE_ZONE_ORDER, 2)->line, 7);
	diags_free(&d);
	blueprint_free(bp);
}

/* Several lanes in one zone, in order, are fine. */
static void test_zone_order_shared_zone(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	/* a second onstage lane right after the first */
	blueprint_insert_lane(bp, 3, lane_new("app", "Mobile app", ZONE_ONSTAGE));
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 0);
	diags_free(&d);
	blueprint_free(bp);
}

/* A customer step flowing straight to backstage or support is flagged at
 * the flow, naming the customer step. */
static void test_bypassed(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	fx_step(bp, "db", "support", "Look up booking", 46);
	fx_flow(bp, "arrive", "prep", 53);
	fx_flow(bp, "arrive", "db", 54);
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 2);
	const sbp_diag *a = fx_find(&d, RULE_BYPASSED, 0);
	const sbp_diag *b = fx_find(&d, RULE_BYPASSED, 1);
	assert_non_null(a);
	assert_non_null(b);
	assert_int_equal(a->severity, SBP_WARNING);
	assert_int_equal(a->line, 53);
	assert_int_equal(a->col, 7);
	assert_string_equal(a->step, "arrive");
	assert_non_null(strstr(a->message, "backstage step 'prep'"));
	assert_int_equal(b->line, 54);
	assert_string_equal(b->step, "arrive");
	assert_non_null(strstr(b->message, "support step 'db'"));
	diags_free(&d);
	blueprint_free(bp);
}

/* Not a bypass: the customer step is a marked encounter, or the flow goes
 * to onstage, or it starts elsewhere. */
static void test_bypassed_compliant(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	sbp_step *pay = fx_step(bp, "pay", "customer", "Pay at kiosk", 47);
	pay->encounter = MARK_YES;
	fx_use(bp, pay, "kind");
	fx_flow(bp, "pay", "prep", 55);
	fx_flow(bp, "greet", "prep", 56);
	fx_step(bp, "sign", "evidence", "Sign", 48);
	fx_flow(bp, "sign", "prep", 57);
	fx_flow(bp, "prep", "arrive", 58);
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 0);
	diags_free(&d);
	/* encounter: false is still not marked as an encounter */
	pay->encounter = MARK_NO;
	fx_check(bp, &d, NULL);
	assert_int_equal(fx_count(&d, RULE_BYPASSED), 1);
	assert_string_equal(fx_find(&d, RULE_BYPASSED, 0)->step, "pay");
	diags_free(&d);
	blueprint_free(bp);
}

/* Unknown keys are reported at every level, at the key's position; x-
 * keys are the user's own and stay silent. */
static void test_unknown_key_every_level(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	sbp_step *reg = blueprint_step(bp, "register");
	sbp_extras *levels[] = {
		&bp->extras, &bp->lanes.items[1]->extras,
		&bp->columns.items[0]->extras,
		&blueprint_standard(bp, "kind")->extras, &step_more(reg)->extras,
		&reg->fail->extras, &reg->wait->extras,
		&bp->flows.items[0]->extras,
	};
	const char *steps[] = {NULL, NULL, NULL, NULL, "register", "register",
			       "register", NULL};
	size_t n = sizeof levels / sizeof *levels;
	for (size_t i = 0; i < n; i++) {
		extras_add(levels[i], "x-owner", node_str("ops"),
			   (sbp_pos){100 + (int)i, 1});
		extras_add(levels[i], "colour", node_str("red"),
			   (sbp_pos){200 + (int)i, 9});
	}
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, n);
	assert_int_equal(fx_count(&d, RULE_UNKNOWN_KEY), n);
	for (size_t i = 0; i < n; i++) {
		const sbp_diag *dg = NULL;
		for (size_t k = 0; k < d.n; k++)
			if (d.items[k].line == 200 + (int)i)
				dg = &d.items[k];
		assert_non_null(dg);
		assert_int_equal(dg->severity, SBP_WARNING);
		assert_int_equal(dg->col, 9);
		if (steps[i])
			assert_string_equal(dg->step, steps[i]);
		else
			assert_null(dg->step);
		assert_string_equal(dg->message, "unknown key 'colour' (kept; "
				    "prefix it with x- for your own fields)");
	}
	diags_free(&d);
	blueprint_free(bp);
}

/* A key without a position is reported at its owner; "x" alone and "X-"
 * are not the x- prefix. */
static void test_unknown_key_edges(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	sbp_step *greet = blueprint_step(bp, "greet");
	extras_add(&step_more(greet)->extras, "x", node_str("1"), (sbp_pos){0, 0});
	extras_add(&step_more(greet)->extras, "X-up", node_str("1"), (sbp_pos){0, 0});
	extras_add(&step_more(greet)->extras, "x-", node_str("1"), (sbp_pos){0, 0});
	fx_check(bp, &d, NULL);
	assert_int_equal(fx_count(&d, RULE_UNKNOWN_KEY), 2);
	for (size_t i = 0; i < 2; i++) {
		const sbp_diag *dg = fx_find(&d, RULE_UNKNOWN_KEY, i);
		assert_int_equal(dg->line, 41);
		assert_int_equal(dg->col, 3);
		assert_string_equal(dg->step, "greet");
	}
	diags_free(&d);
	blueprint_free(bp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zone_order),
		cmocka_unit_test(test_zone_order_each_lane),
		cmocka_unit_test(test_zone_order_shared_zone),
		cmocka_unit_test(test_bypassed),
		cmocka_unit_test(test_bypassed_compliant),
		cmocka_unit_test(test_unknown_key_every_level),
		cmocka_unit_test(test_unknown_key_edges),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
