/* Tests of the rules the method adds (SPEC 7.4): company-standard-only,
 * outside-tolerance, no-encounters, below-goal on the current actual, the
 * flagged count under fixes and company standards, and the SQI line and
 * series of the summary. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fixture.h"
#include "sbp/io.h"

/* Append a measurement of std on date. */
static sbp_measurement *measure(sbp_blueprint *bp, const char *date, const char *std,
				double value, double failures)
{
	sbp_measurement *m = measurement_new(date, blueprint_standard(bp, std));
	m->value = value;
	m->failures = failures;
	blueprint_insert_measurement(bp, (size_t)-1, m);
	return m;
}

/* company-standard-only: flagged too; a customer standard or a fix clears
 * both findings. */
static void test_company_only(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	sbp_summary sum;
	fx_standard(bp, "recipe", STD_HARD, 90)->source = SOURCE_COMPANY;
	sbp_step *pull = fx_step(bp, "pull", "onstage", "Pull the shot", 91);
	fx_use(bp, pull, "recipe");
	fx_check(bp, &d, &sum);
	assert_int_equal(fx_count(&d, RULE_COMPANY_STANDARD_ONLY), 1);
	assert_string_equal(fx_find(&d, RULE_COMPANY_STANDARD_ONLY, 0)->step, "pull");
	assert_int_equal(fx_find(&d, RULE_COMPANY_STANDARD_ONLY, 0)->line, 91);
	assert_int_equal(fx_count(&d, RULE_UNSTANDARDIZED), 1);
	assert_int_equal(sum.unstandardized, 1);
	assert_int_equal(sum.company_only, 1);
	diags_free(&d);

	/* a one-time fix handles it */
	step_more(pull)->fix = xstrdup("automatic grinder");
	fx_check(bp, &d, &sum);
	assert_int_equal(fx_count(&d, RULE_COMPANY_STANDARD_ONLY), 0);
	assert_int_equal(fx_count(&d, RULE_UNSTANDARDIZED), 0);
	assert_int_equal(sum.fixed, 1);
	diags_free(&d);

	/* an empty fix fixes nothing */
	fx_set(&pull->more->fix, "");
	fx_check(bp, &d, &sum);
	assert_int_equal(fx_count(&d, RULE_UNSTANDARDIZED), 1);
	assert_int_equal(sum.fixed, 0);
	diags_free(&d);

	/* explicit customer source counts like the default */
	fx_set(&pull->more->fix, NULL);
	blueprint_standard(bp, "recipe")->source = SOURCE_CUSTOMER;
	fx_check(bp, &d, &sum);
	assert_int_equal(fx_count(&d, RULE_UNSTANDARDIZED), 0);
	diags_free(&d);
	blueprint_free(bp);
}

/* A fix on a step that is not an encounter changes nothing; encounter:
 * false with a company standard is not flagged. */
static void test_fix_not_encounter(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	fx_standard(bp, "recipe", STD_HARD, 90)->source = SOURCE_COMPANY;
	sbp_step *s = fx_step(bp, "dial", "backstage", "Dial in", 91);
	fx_use(bp, s, "recipe");
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 0);
	diags_free(&d);
	blueprint_free(bp);
}

/* outside-tolerance and below-goal use the latest measured value. */
static void test_tolerance(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	sbp_standard *s = blueprint_standard(bp, "greet-30s");
	s->goal = 95;
	s->adequate = 90;
	s->desired = 99;
	s->actual = 99;
	fx_check(bp, &d, NULL);
	assert_int_equal(fx_count(&d, RULE_BELOW_GOAL), 0);
	assert_int_equal(fx_count(&d, RULE_OUTSIDE_TOLERANCE), 0);
	diags_free(&d);

	measure(bp, "2026-11-02", "greet-30s", 80, NAN);
	measure(bp, "2026-11-01", "greet-30s", 99, NAN); /* older: ignored */
	fx_check(bp, &d, NULL);
	assert_int_equal(fx_count(&d, RULE_BELOW_GOAL), 1);
	assert_int_equal(fx_count(&d, RULE_OUTSIDE_TOLERANCE), 1);
	const sbp_diag *g = fx_find(&d, RULE_OUTSIDE_TOLERANCE, 0);
	assert_non_null(strstr(g->message, "actual 80"));
	assert_non_null(strstr(g->message, "adequate 90"));
	assert_non_null(strstr(fx_find(&d, RULE_BELOW_GOAL, 0)->message, "actual 80"));
	diags_free(&d);

	/* between adequate and goal: below goal, inside the zone */
	measure(bp, "2026-11-03", "greet-30s", 92, NAN);
	fx_check(bp, &d, NULL);
	assert_int_equal(fx_count(&d, RULE_BELOW_GOAL), 1);
	assert_int_equal(fx_count(&d, RULE_OUTSIDE_TOLERANCE), 0);
	diags_free(&d);

	/* lower is better: 6 minutes against an adequate 5 */
	s->better = BETTER_LOWER;
	s->goal = 3;
	s->adequate = 5;
	measure(bp, "2026-11-04", "greet-30s", 6, NAN);
	fx_check(bp, &d, NULL);
	assert_int_equal(fx_count(&d, RULE_OUTSIDE_TOLERANCE), 1);
	assert_non_null(strstr(fx_find(&d, RULE_OUTSIDE_TOLERANCE, 0)->message, "lower"));
	diags_free(&d);
	fx_ignore(bp, RULE_OUTSIDE_TOLERANCE);
	fx_check(bp, &d, NULL);
	assert_int_equal(fx_count(&d, RULE_OUTSIDE_TOLERANCE), 0);
	diags_free(&d);
	blueprint_free(bp);
}

/* no-encounters: steps but no encounter; ignorable; not for no steps. */
static void test_no_encounters(void **state)
{
	(void)state;
	sbp_blueprint *bp = blueprint_new();
	sbp_diags d;
	sbp_summary sum;
	blueprint_add_default_lanes(bp);
	blueprint_insert_column(bp, (size_t)-1, column_new("c1", "C", NULL));
	fx_step(bp, "a", "backstage", "A", 20);
	sbp_step *b = fx_step(bp, "b", "onstage", "B", 21);
	b->encounter = MARK_NO;
	fx_check(bp, &d, &sum);
	assert_int_equal(fx_count(&d, RULE_NO_ENCOUNTERS), 1);
	assert_int_equal(fx_find(&d, RULE_NO_ENCOUNTERS, 0)->line, 20);
	assert_true(isnan(sum.coverage));
	diags_free(&d);
	fx_ignore(bp, RULE_NO_ENCOUNTERS);
	fx_check(bp, &d, &sum);
	assert_int_equal(d.n, 0);
	diags_free(&d);
	blueprint_free(bp);
	assert_true(check_rule_known(RULE_NO_ENCOUNTERS));
	assert_false(check_rule_is_error(RULE_COMPANY_STANDARD_ONLY));
	assert_false(check_rule_is_error(RULE_OUTSIDE_TOLERANCE));
}

/* The summary's SQI: latest value and change; the series as nodes. */
static void test_sqi_summary(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_buf t;
	buf_init(&t);
	assert_false(check_sqi_text(bp, &t));
	sbp_node *n = check_sqi_node(bp);
	assert_int_equal(n->n, 0);
	node_free(n);

	blueprint_standard(bp, "greet-30s")->weight = 10;
	/* kind has no weight: not in the index, but its date is listed */
	measure(bp, "2026-11-02", "greet-30s", NAN, 3);
	measure(bp, "2026-11-02", "kind", NAN, 4);
	measure(bp, "2026-11-01", "kind", NAN, 0);
	measure(bp, "2026-11-03", "kind", 5, NAN); /* no failures: no point */
	assert_true(check_sqi_text(bp, &t));
	assert_string_equal(t.data, "SQI 30 points on 2026-11-02, up 30 from 2026-11-01 "
				    "(lower is better)");
	n = check_sqi_node(bp);
	assert_int_equal(n->n, 2);
	sbp_buf j;
	buf_init(&j);
	json_emit(n, &j, false);
	assert_string_equal(j.data, "[{\"date\":\"2026-11-01\",\"points\":0},"
				    "{\"date\":\"2026-11-02\",\"points\":30}]\n");
	buf_free(&j);
	node_free(n);
	buf_free(&t);
	blueprint_free(bp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_company_only),
		cmocka_unit_test(test_fix_not_encounter),
		cmocka_unit_test(test_tolerance),
		cmocka_unit_test(test_no_encounters),
		cmocka_unit_test(test_sqi_summary),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
