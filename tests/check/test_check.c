/* Tests of the rules about steps and standards: each fires exactly where
 * it should, and stays quiet on the compliant variant. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "sbp/check.h"

#include "fixture.h"

/* Assert a diagnostic's rule, severity, position and step. */
static void expect_diag(const sbp_diag *dg, sbp_severity sev, int line,
			int col, const char *step)
{
	assert_non_null(dg);
	assert_int_equal(dg->severity, sev);
	assert_int_equal(dg->line, line);
	assert_int_equal(dg->col, col);
	if (step)
		assert_string_equal(dg->step, step);
	else
		assert_null(dg->step);
}

/* The fixture itself is clean: no finding at all. */
static void test_clean_blueprint(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 0);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 0);
	diags_free(&d);
	blueprint_free(bp);
}

/* An onstage step with no standard is flagged at the step. */
static void test_unstandardized_onstage(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	fx_step(bp, "take-bags", "onstage", "Greet guest and take bags", 60);
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 1);
	const sbp_diag *dg = fx_find(&d, RULE_UNSTANDARDIZED, 0);
	expect_diag(dg, SBP_WARNING, 60, 3, "take-bags");
	assert_string_equal(dg->message, "encounter step 'take-bags' (\"Greet "
			    "guest and take bags\") has no service standard");
	diags_free(&d);
	blueprint_free(bp);
}

/* encounter: true makes a customer-lane step an encounter. */
static void test_unstandardized_marked_yes(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	sbp_step *kiosk = fx_step(bp, "kiosk", "customer", "Use kiosk", 61);
	kiosk->encounter = MARK_YES;
	fx_check(bp, &d, NULL);
	assert_int_equal(fx_count(&d, RULE_UNSTANDARDIZED), 1);
	expect_diag(fx_find(&d, RULE_UNSTANDARDIZED, 0), SBP_WARNING, 61, 3,
		    "kiosk");
	diags_free(&d);
	/* with a standard it is fine */
	fx_use(bp, kiosk, "kind");
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 0);
	diags_free(&d);
	blueprint_free(bp);
}

/* encounter: false opts an onstage step out; plain customer and backstage
 * steps are not encounters. */
static void test_unstandardized_not_encounters(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	fx_step(bp, "wave", "onstage", "Wave", 62)->encounter = MARK_NO;
	fx_step(bp, "walk", "customer", "Walk in", 63);
	fx_step(bp, "file", "backstage", "File form", 64);
	fx_step(bp, "db", "support", "Update database", 65);
	fx_step(bp, "sign", "evidence", "Sign", 66);
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 0);
	diags_free(&d);
	blueprint_free(bp);
}

/* A step with empty text is named by its id alone. */
static void test_unstandardized_empty_text(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	fx_step(bp, "blank", "onstage", "", 67);
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.items[0].message,
			    "encounter step 'blank' has no service standard");
	diags_free(&d);
	blueprint_free(bp);
}

/* A hard standard without a measure: one finding naming it. */
static void test_hard_no_measure(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	fx_set(&blueprint_standard(bp, "greet-30s")->measure, NULL);
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 1);
	const sbp_diag *dg = fx_find(&d, RULE_HARD_UNMEASURED, 0);
	expect_diag(dg, SBP_WARNING, 30, 5, NULL);
	assert_string_equal(dg->message, "hard standard 'greet-30s' has no measure");
	diags_free(&d);
	blueprint_free(bp);
}

/* A hard standard with a blank target. */
static void test_hard_no_target(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	fx_set(&blueprint_standard(bp, "greet-30s")->target, "  ");
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 1);
	assert_string_equal(fx_find(&d, RULE_HARD_UNMEASURED, 0)->message,
			    "hard standard 'greet-30s' has no target");
	diags_free(&d);
	blueprint_free(bp);
}

/* Both missing still gives exactly one finding; a soft standard needs
 * neither. */
static void test_hard_no_measure_no_target(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	sbp_standard *s = blueprint_standard(bp, "greet-30s");
	fx_set(&s->measure, NULL);
	fx_set(&s->target, NULL);
	sbp_standard *soft = blueprint_standard(bp, "kind");
	fx_set(&soft->measure, NULL);
	fx_set(&soft->target, NULL);
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 1);
	assert_string_equal(fx_find(&d, RULE_HARD_UNMEASURED, 0)->message,
			    "hard standard 'greet-30s' has no measure and no "
			    "target");
	diags_free(&d);
	blueprint_free(bp);
}

/* A soft standard without feedback; a hard one without feedback is fine. */
static void test_soft_no_feedback(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	fx_set(&blueprint_standard(bp, "kind")->feedback, NULL);
	fx_set(&blueprint_standard(bp, "greet-30s")->feedback, NULL);
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 1);
	const sbp_diag *dg = fx_find(&d, RULE_SOFT_NO_FEEDBACK, 0);
	expect_diag(dg, SBP_WARNING, 31, 5, NULL);
	assert_non_null(strstr(dg->message, "'kind'"));
	diags_free(&d);
	blueprint_free(bp);
}

/* A fail point without a recovery action, at the fail point's position. */
static void test_fail_no_recovery(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	fx_set(&blueprint_step(bp, "register")->fail->recovery, NULL);
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 1);
	const sbp_diag *dg = fx_find(&d, RULE_FAIL_NO_RECOVERY, 0);
	expect_diag(dg, SBP_WARNING, 43, 11, "register");
	assert_string_equal(dg->message, "fail point of step 'register' "
			    "(\"Reservation not found\") has no recovery action");
	diags_free(&d);
	blueprint_free(bp);
}

/* A fail point made in the editor (no position) is reported at its step. */
static void test_fail_position_fallback(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	sbp_step *s = blueprint_step(bp, "greet");
	s->fail = fail_new("Guest not noticed");
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 1);
	expect_diag(fx_find(&d, RULE_FAIL_NO_RECOVERY, 0), SBP_WARNING, 41, 3,
		    "greet");
	diags_free(&d);
	blueprint_free(bp);
}

/* A wait point without a tolerable time. */
static void test_wait_no_tolerable(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	blueprint_step(bp, "register")->wait->tolerable = NAN;
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 1);
	const sbp_diag *dg = fx_find(&d, RULE_WAIT_NO_TOLERANCE, 0);
	expect_diag(dg, SBP_WARNING, 44, 11, "register");
	assert_string_equal(dg->message, "wait point of step 'register' "
			    "(\"Queue at the desk\") has no tolerable time");
	diags_free(&d);
	blueprint_free(bp);
}

/* A tolerable time below the expected one is the same rule; equal is fine. */
static void test_wait_tolerable_below_expected(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	sbp_wait *w = blueprint_step(bp, "register")->wait;
	w->expected = 5;
	w->tolerable = 2.5;
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 1);
	const sbp_diag *dg = fx_find(&d, RULE_WAIT_NO_TOLERANCE, 0);
	expect_diag(dg, SBP_WARNING, 44, 11, "register");
	assert_string_equal(dg->message, "wait point of step 'register': "
			    "tolerable 2.5 min is less than expected 5 min");
	diags_free(&d);
	w->tolerable = 5;
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 0);
	diags_free(&d);
	/* only a tolerable time, no expected one: fine */
	w->expected = NAN;
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 0);
	diags_free(&d);
	blueprint_free(bp);
}

/* A catalog standard no step references. */
static void test_unused_standard(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	fx_standard(bp, "x", STD_HARD, 32);
	fx_standard(bp, "shared", STD_SOFT, 33);
	fx_use(bp, blueprint_step(bp, "greet"), "shared");
	fx_use(bp, blueprint_step(bp, "arrive"), "shared");
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 1);
	const sbp_diag *dg = fx_find(&d, RULE_UNUSED_STANDARD, 0);
	expect_diag(dg, SBP_WARNING, 32, 5, NULL);
	assert_string_equal(dg->message, "standard 'x' is not used by any step");
	diags_free(&d);
	blueprint_free(bp);
}

/* Actual below goal when higher is better (the default). */
static void test_below_goal_higher(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	sbp_standard *s = blueprint_standard(bp, "greet-30s");
	s->actual = 91;
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 1);
	const sbp_diag *dg = fx_find(&d, RULE_BELOW_GOAL, 0);
	expect_diag(dg, SBP_WARNING, 30, 5, NULL);
	assert_string_equal(dg->message, "standard 'greet-30s' is below goal: "
			    "actual 91 < goal 95");
	diags_free(&d);
	s->actual = 95; /* meeting the goal is not below it */
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 0);
	diags_free(&d);
	s->better = BETTER_HIGHER;
	s->actual = 94.5;
	fx_check(bp, &d, NULL);
	assert_int_equal(fx_count(&d, RULE_BELOW_GOAL), 1);
	diags_free(&d);
	blueprint_free(bp);
}

/* better: lower turns the comparison round. */
static void test_below_goal_lower(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	sbp_standard *s = blueprint_standard(bp, "kind");
	s->better = BETTER_LOWER;
	s->goal = 10;
	s->actual = 12;
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 1);
	const sbp_diag *dg = fx_find(&d, RULE_BELOW_GOAL, 0);
	expect_diag(dg, SBP_WARNING, 31, 5, NULL);
	assert_non_null(strstr(dg->message, "actual 12 > goal 10"));
	diags_free(&d);
	s->actual = 8;
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 0);
	diags_free(&d);
	blueprint_free(bp);
}

/* Only a goal, or only an actual: nothing to compare. */
static void test_below_goal_needs_both(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	sbp_standard *s = blueprint_standard(bp, "greet-30s");
	s->actual = NAN;
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 0);
	diags_free(&d);
	s->actual = 1;
	s->goal = NAN;
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 0);
	diags_free(&d);
	blueprint_free(bp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean_blueprint),
		cmocka_unit_test(test_unstandardized_onstage),
		cmocka_unit_test(test_unstandardized_marked_yes),
		cmocka_unit_test(test_unstandardized_not_encounters),
		cmocka_unit_test(test_unstandardized_empty_text),
		cmocka_unit_test(test_hard_no_measure),
		cmocka_unit_test(test_hard_no_target),
		cmocka_unit_test(test_hard_no_measure_no_target),
		cmocka_unit_test(test_soft_no_feedback),
		cmocka_unit_test(test_fail_no_recovery),
		cmocka_unit_test(test_fail_position_fallback),
		cmocka_unit_test(test_wait_no_tolerable),
		cmocka_unit_test(test_wait_tolerable_below_expected),
		cmocka_unit_test(test_unused_standard),
		cmocka_unit_test(test_below_goal_higher),
		cmocka_unit_test(test_below_goal_lower),
		cmocka_unit_test(test_below_goal_needs_both),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
