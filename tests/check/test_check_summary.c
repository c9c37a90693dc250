/* Tests of the check driver: the summary and coverage, the ignore: list,
 * escaping of hostile text, known rule ids, the one-step checks the editor
 * uses, and the speed on a large blueprint. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sbp/check.h"
#include "sbp/check_step.h"
#include "sbp/node.h"

#include "fixture.h"

/* Counts and coverage: 3 encounters of which 1 unstandardized. */
static void test_summary_counts(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	sbp_summary sum;
	sbp_step *s = fx_step(bp, "phone", "onstage", "Call the room", 60);
	s->wait = wait_new("On hold");
	s->wait->tolerable = 2;
	fx_check(bp, &d, &sum);
	assert_int_equal(sum.steps, 5);
	assert_int_equal(sum.encounters, 3);
	assert_int_equal(sum.unstandardized, 1);
	assert_int_equal(sum.fail_points, 1);
	assert_int_equal(sum.wait_points, 2);
	assert_int_equal(sum.standards, 2);
	assert_true(fabs(sum.coverage - 66.7) < 1e-9);
	diags_free(&d);
	blueprint_free(bp);
}

/* No encounter steps means coverage is undefined (n/a, SPEC 7.4); an
 * empty blueprint is clean, one with steps gets no-encounters. */
static void test_summary_no_encounters(void **state)
{
	(void)state;
	sbp_blueprint *bp = blueprint_new();
	sbp_diags d;
	sbp_summary sum;
	fx_check(bp, &d, &sum);
	assert_int_equal(d.n, 0);
	assert_int_equal(sum.steps, 0);
	assert_int_equal(sum.encounters, 0);
	assert_true(isnan(sum.coverage));
	char cov[16];
	assert_string_equal(check_coverage_text(&sum, 1, cov), "n/a");
	diags_free(&d);
	blueprint_add_default_lanes(bp);
	blueprint_insert_column(bp, (size_t)-1, column_new("c1", "C", NULL));
	fx_step(bp, "a", "customer", "A", 1);
	fx_check(bp, &d, &sum);
	assert_int_equal(sum.steps, 1);
	assert_true(isnan(sum.coverage));
	assert_int_equal(fx_count(&d, RULE_NO_ENCOUNTERS), 1);
	diags_free(&d);
	/* one encounter: defined again, and no finding */
	fx_step(bp, "b", "onstage", "B", 1);
	fx_check(bp, &d, &sum);
	assert_int_equal(fx_count(&d, RULE_NO_ENCOUNTERS), 0);
	assert_true(sum.coverage == 0.0);
	assert_string_equal(check_coverage_text(&sum, 0, cov), "0%");
	diags_free(&d);
	blueprint_free(bp);
}

/* check_summary gives the same counts as check_blueprint; coverage is
 * rounded to one decimal (2 of 3 unstandardized is 33.3). */
static void test_summary_alone(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	sbp_summary a, b;
	fx_step(bp, "x1", "onstage", "X1", 60);
	fx_step(bp, "x2", "customer", "X2", 61)->encounter = MARK_YES;
	blueprint_step(bp, "greet")->encounter = MARK_NO;
	fx_check(bp, &d, &a);
	check_summary(bp, &b);
	assert_int_equal(a.steps, b.steps);
	assert_int_equal(a.encounters, 3);
	assert_int_equal(b.encounters, 3);
	assert_int_equal(a.unstandardized, 2);
	assert_int_equal(b.unstandardized, 2);
	assert_true(fabs(a.coverage - 33.3) < 1e-9);
	assert_int_equal(fx_count(&d, RULE_UNSTANDARDIZED), 2);
	diags_free(&d);
	blueprint_free(bp);
}

/* A blueprint with a finding of every rule. */
static sbp_blueprint *every_rule(void)
{
	sbp_blueprint *bp = fx_clean();
	sbp_step *reg = blueprint_step(bp, "register");
	sbp_standard *hard = blueprint_standard(bp, "greet-30s");
	fx_set(&hard->measure, NULL);
	hard->actual = 1;
	fx_set(&blueprint_standard(bp, "kind")->feedback, NULL);
	fx_standard(bp, "spare", STD_SOFT, 32);
	fx_step(bp, "bare", "onstage", "Bare", 60);
	fx_set(&reg->fail->recovery, NULL);
	reg->wait->tolerable = NAN;
	fx_flow(bp, "arrive", "prep", 53);
	extras_add(&bp->extras, "colour", node_str("red"), (sbp_pos){2, 1});
	sbp_lane *l = lane_new("late", "Late", ZONE_EVIDENCE);
	l->pos = (sbp_pos){15, 5};
	blueprint_insert_lane(bp, (size_t)-1, l);
	return bp;
}

/* Every rule fires once on the every-rule blueprint. */
static void test_every_rule_once(void **state)
{
	(void)state;
	sbp_blueprint *bp = every_rule();
	sbp_diags d;
	const char *rules[] = {
		RULE_ZONE_ORDER, RULE_UNSTANDARDIZED, RULE_HARD_UNMEASURED,
		RULE_SOFT_NO_FEEDBACK, RULE_FAIL_NO_RECOVERY,
		RULE_WAIT_NO_TOLERANCE, RULE_UNUSED_STANDARD, RULE_BYPASSED,
		RULE_BELOW_GOAL, RULE_UNKNOWN_KEY,
	};
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 10);
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.warnings, 9);
	for (size_t i = 0; i < sizeof rules / sizeof *rules; i++)
		assert_int_equal(fx_count(&d, rules[i]), 1);
	diags_free(&d);
	blueprint_free(bp);
}

/* ignore: silences every warning it names, never the zone-order error. */
static void test_ignore(void **state)
{
	(void)state;
	sbp_blueprint *bp = every_rule();
	sbp_diags d;
	const char *warnings[] = {
		RULE_UNSTANDARDIZED, RULE_HARD_UNMEASURED,
		RULE_SOFT_NO_FEEDBACK, RULE_FAIL_NO_RECOVERY,
		RULE_WAIT_NO_TOLERANCE, RULE_UNUSED_STANDARD, RULE_BYPASSED,
		RULE_BELOW_GOAL, RULE_UNKNOWN_KEY,
	};
	fx_ignore(bp, RULE_BELOW_GOAL);
	fx_ignore(bp, "no-such-rule");
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 9);
	assert_int_equal(fx_count(&d, RULE_BELOW_GOAL), 0);
	diags_free(&d);
	for (size_t i = 0; i < sizeof warnings / sizeof *warnings; i++)
		fx_ignore(bp, warnings[i]);
	fx_ignore(bp, RULE_ZONE_ORDER);
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.errors, 1);
	assert_int_equal(fx_count(&d, RULE_ZONE_ORDER), 1);
	diags_free(&d);
	blueprint_free(bp);
}

/* ignore: leaves the summary alone. */
static void test_ignore_keeps_summary(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	sbp_summary sum;
	fx_step(bp, "bare", "onstage", "Bare", 60);
	fx_ignore(bp, RULE_UNSTANDARDIZED);
	fx_check(bp, &d, &sum);
	assert_int_equal(d.n, 0);
	assert_int_equal(sum.unstandardized, 1);
	assert_true(fabs(sum.coverage - 66.7) < 1e-9);
	diags_free(&d);
	blueprint_free(bp);
}

/* Does a message hold no control byte and no U+202E? */
static void assert_safe(const char *msg)
{
	for (const unsigned char *p = (const unsigned char *)msg; *p; p++)
		assert_true(*p >= 0x20 && *p != 0x7f);
	assert_null(strstr(msg, "\xe2\x80\xae"));
}

/* Terminal escapes and bidi overrides from a file never reach a message. */
static void test_hostile_text(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	const char *evil = "\x1b]0;pwn\x07 evil \xe2\x80\xae" "gnp.exe";
	sbp_step *s = fx_step(bp, "evil", "onstage", evil, 60);
	s->fail = fail_new(evil);
	s->wait = wait_new(evil);
	extras_add(&step_more(s)->extras, evil, node_str("1"), (sbp_pos){61, 1});
	/* an id made through the API, never checked by a loader */
	sbp_standard *std = standard_new("\x1b[31m\xe2\x80\xae", "S", STD_SOFT);
	fx_set(&std->feedback, "survey");
	blueprint_insert_standard(bp, (size_t)-1, std);
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 5);
	for (size_t i = 0; i < d.n; i++)
		assert_safe(d.items[i].message);
	assert_non_null(strstr(fx_find(&d, RULE_UNSTANDARDIZED, 0)->message,
			       "pwn"));
	diags_free(&d);
	blueprint_free(bp);
}

/* Long texts are cut in messages. */
static void test_long_text_cut(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	char text[301];
	memset(text, 'a', 300);
	text[300] = 0;
	fx_step(bp, "long", "onstage", text, 60);
	fx_check(bp, &d, NULL);
	assert_int_equal(d.n, 1);
	assert_true(strlen(d.items[0].message) < 120);
	diags_free(&d);
	blueprint_free(bp);
}

/* Every rule id of diag.h is known, including limit; others are not. */
static void test_rule_known(void **state)
{
	(void)state;
	const char *rules[] = {
		RULE_SYNTAX, RULE_SCHEMA, RULE_VERSION, RULE_DUPLICATE_ID,
		RULE_UNKNOWN_REFERENCE, RULE_ZONE_ORDER, RULE_LIMIT,
		RULE_UNSTANDARDIZED, RULE_HARD_UNMEASURED,
		RULE_SOFT_NO_FEEDBACK, RULE_FAIL_NO_RECOVERY,
		RULE_WAIT_NO_TOLERANCE, RULE_UNUSED_STANDARD, RULE_BYPASSED,
		RULE_BELOW_GOAL, RULE_UNKNOWN_KEY,
	};
	for (size_t i = 0; i < sizeof rules / sizeof *rules; i++)
		assert_true(check_rule_known(rules[i]));
	assert_false(check_rule_known("unstandardised-encounter"));
	assert_false(check_rule_known(""));
	assert_false(check_rule_known("Syntax"));
	assert_false(check_rule_known(NULL));
}

/* check_step and check_flow give, for one object, what the whole check
 * gives for it, and honour ignore:. */
static void test_incremental(void **state)
{
	(void)state;
	sbp_blueprint *bp = every_rule();
	sbp_step *reg = blueprint_step(bp, "register");
	sbp_diags all, one;
	fx_check(bp, &all, NULL);
	diags_init(&one);
	check_step(bp, reg, &one);
	assert_int_equal(one.n, 2); /* fail and wait points */
	for (size_t i = 0; i < one.n; i++) {
		size_t same = 0;
		for (size_t k = 0; k < all.n; k++)
			if (all.items[k].step &&
			    strcmp(all.items[k].step, "register") == 0 &&
			    strcmp(all.items[k].message, one.items[i].message) == 0 &&
			    all.items[k].line == one.items[i].line)
				same++;
		assert_int_equal(same, 1);
	}
	diags_clear(&one);
	check_step(bp, blueprint_step(bp, "bare"), &one);
	assert_int_equal(one.n, 1);
	assert_string_equal(one.items[0].rule, RULE_UNSTANDARDIZED);
	diags_clear(&one);
	check_flow(bp, bp->flows.items[bp->flows.n - 1], &one);
	assert_int_equal(one.n, 1);
	assert_string_equal(one.items[0].rule, RULE_BYPASSED);
	diags_clear(&one);
	check_standard(bp, blueprint_standard(bp, "greet-30s"), &one);
	assert_int_equal(one.n, 2); /* unmeasured and below goal */
	diags_clear(&one);
	fx_ignore(bp, RULE_FAIL_NO_RECOVERY);
	check_step(bp, reg, &one);
	assert_int_equal(one.n, 1);
	assert_string_equal(one.items[0].rule, RULE_WAIT_NO_TOLERANCE);
	diags_free(&one);
	diags_free(&all);
	blueprint_free(bp);
}

/* 100,000 steps with standards and flows: every finding and count is
 * right (speed belongs to bench/). */
static void test_large_blueprint(void **state)
{
	(void)state;
	sbp_blueprint *bp = fx_clean();
	sbp_diags d;
	sbp_summary sum;
	char id[32];
	const size_t n = 100000, nstd = 1000;
	for (size_t i = 0; i < nstd; i++) {
		snprintf(id, sizeof id, "d%zu", i);
		fx_standard(bp, id, STD_HARD, 0);
	}
	for (size_t i = 0; i < n; i++) {
		snprintf(id, sizeof id, "s%zu", i);
		sbp_step *s = fx_step(bp, id, i % 2 ? "onstage" : "customer",
				      "Step", 0);
		/* every onstage step but one in a hundred has a standard;
		 * the last 100 standards are used by no step */
		if (i % 200 != 1) {
			snprintf(id, sizeof id, "d%zu", i % (nstd - 100));
			fx_use(bp, s, id);
		}
		if (i > 0) {
			sbp_flow *f = flow_new(bp->steps.items[bp->steps.n - 2],
					       s, NULL);
			blueprint_insert_flow(bp, (size_t)-1, f);
		}
	}
	fx_check(bp, &d, &sum);
	assert_int_equal(sum.encounters, n / 2 + 2);
	assert_int_equal(sum.unstandardized, n / 200);
	assert_int_equal(fx_count(&d, RULE_UNSTANDARDIZED), n / 200);
	assert_int_equal(fx_count(&d, RULE_UNUSED_STANDARD), 100);
	assert_int_equal(d.n, n / 200 + 100);
	diags_free(&d);
	blueprint_free(bp);
}

/* Counts kept step by step (add, take away, finish) equal check_summary. */
static void test_summary_step_by_step(void **state)
{
	(void)state;
	sbp_blueprint *bp = every_rule();
	sbp_summary want, got;
	memset(&got, 0, sizeof got);
	for (size_t i = 0; i < bp->steps.n; i++)
		check_summary_step(&got, bp->steps.items[i], true);
	sbp_step *reg = blueprint_step(bp, "register");
	check_summary_step(&got, reg, false); /* a change: out, edit, in */
	reg->encounter = MARK_NO;
	wait_free(reg->wait);
	reg->wait = NULL;
	check_summary_step(&got, reg, true);
	check_summary_finish(bp, &got);
	check_summary(bp, &want);
	assert_int_equal(got.steps, want.steps);
	assert_int_equal(got.encounters, want.encounters);
	assert_int_equal(got.unstandardized, want.unstandardized);
	assert_int_equal(got.fail_points, want.fail_points);
	assert_int_equal(got.wait_points, want.wait_points);
	assert_int_equal(got.standards, want.standards);
	assert_true(got.coverage == want.coverage);
	blueprint_free(bp);
}

/* check_blueprint_origins finds what check_blueprint finds, in the same
 * order, and names for each finding the object it is about; the one-object
 * checks give the same findings for that object. */
static void test_origins(void **state)
{
	(void)state;
	sbp_blueprint *bp = every_rule();
	sbp_diags want, got;
	check_origin *o;
	fx_check(bp, &want, NULL);
	diags_init(&got);
	check_blueprint_origins(bp, &got, &o);
	assert_int_equal(got.n, want.n);
	bool seen_unused = false;
	for (size_t i = 0; i < got.n; i++) {
		assert_string_equal(got.items[i].message, want.items[i].message);
		assert_true(i == 0 || o[i].group >= o[i - 1].group);
		if (o[i].group == CHECK_STEPS) {
			const sbp_step *s = o[i].obj;
			assert_string_equal(got.items[i].step, s->id);
		}
		if (o[i].group == CHECK_UNUSED) {
			sbp_diags one;
			diags_init(&one);
			check_standard_unused(bp, o[i].obj, &one);
			assert_int_equal(one.n, 1);
			assert_string_equal(one.items[0].message, got.items[i].message);
			assert_string_equal(got.items[i].rule, RULE_UNUSED_STANDARD);
			diags_free(&one);
			seen_unused = true;
		}
		if (o[i].group == CHECK_FLOWS)
			assert_true(o[i].obj != NULL);
	}
	assert_true(seen_unused);
	free(o);
	diags_free(&got);
	diags_free(&want);
	blueprint_free(bp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_summary_counts),
		cmocka_unit_test(test_summary_no_encounters),
		cmocka_unit_test(test_summary_alone),
		cmocka_unit_test(test_summary_step_by_step),
		cmocka_unit_test(test_origins),
		cmocka_unit_test(test_every_rule_once),
		cmocka_unit_test(test_ignore),
		cmocka_unit_test(test_ignore_keeps_summary),
		cmocka_unit_test(test_hostile_text),
		cmocka_unit_test(test_long_text_cut),
		cmocka_unit_test(test_rule_known),
		cmocka_unit_test(test_incremental),
		cmocka_unit_test(test_large_blueprint),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
