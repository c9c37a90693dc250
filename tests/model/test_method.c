/* Tests of the method's model (SPEC 7.1-7.3): the field table, flagged
 * steps under customer/company standards and fixes, the current actual
 * from measurements, outside tolerance, the SQI series, goal attainment,
 * the undoable field and measurement edits, the writer's round trip of
 * every new field. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "sbp/edit.h"
#include "sbp/fields.h"
#include "sbp/io.h"
#include "sbp/model.h"

static const char doc[] =
	"sbp: 1\n"
	"lang: zh\n"
	"title: Parcel\n"
	"columns:\n"
	"  - {id: a, name: Pick up}\n"
	"lanes:\n"
	"  - {id: cu, name: Customer, zone: customer}\n"
	"  - {id: on, name: Courier, zone: onstage}\n"
	"standards:\n"
	"  - id: late\n"
	"    name: Late on the right day\n"
	"    kind: hard\n"
	"    requirement: come when you said\n"
	"    owner: depot manager\n"
	"    weight: 1\n"
	"    goal: 95\n"
	"    better: higher\n"
	"    desired: 98\n"
	"    adequate: 90\n"
	"    actual: 99\n"
	"  - id: lost\n"
	"    name: Lost package\n"
	"    kind: hard\n"
	"    source: customer\n"
	"    weight: 50\n"
	"  - id: recipe\n"
	"    name: Van loading plan\n"
	"    kind: hard\n"
	"    source: company\n"
	"steps:\n"
	"  - {id: s1, lane: on, column: a, text: Knock, standards: [late]}\n"
	"  - {id: s2, lane: on, column: a, text: Load, standards: [recipe]}\n"
	"  - {id: s3, lane: on, column: a, text: Card, fix: app shows the slot}\n"
	"  - {id: s4, lane: on, column: a, text: Sign}\n"
	"  - {id: s5, lane: cu, column: a, text: Wait, notes: at home}\n"
	"measurements:\n"
	"  - {date: 2026-11-03, standard: late, value: 89, failures: 40}\n"
	"  - {date: 2026-11-02, standard: late, value: 97, failures: 12, volume: 800}\n"
	"  - {date: 2026-11-02, standard: lost, failures: 1, note: van 3}\n"
	"  - {date: 2026-11-04, standard: lost, volume: 700}\n";

/* The blueprint of doc. */
static sbp_blueprint *load_doc(void)
{
	sbp_diags d;
	diags_init(&d);
	sbp_blueprint *bp = sbp_load_buffer(doc, sizeof doc - 1, NULL, &d);
	assert_non_null(bp);
	diags_free(&d);
	return bp;
}

/* Flagged: encounters with no fix and no customer-defined standard. */
static void test_flagged(void **state)
{
	(void)state;
	sbp_blueprint *bp = load_doc();
	assert_false(step_is_flagged(blueprint_step(bp, "s1")));
	assert_true(step_is_flagged(blueprint_step(bp, "s2")));
	assert_true(step_company_standard_only(blueprint_step(bp, "s2")));
	assert_false(step_is_flagged(blueprint_step(bp, "s3")));
	assert_true(step_is_flagged(blueprint_step(bp, "s4")));
	assert_false(step_company_standard_only(blueprint_step(bp, "s4")));
	assert_false(step_is_flagged(blueprint_step(bp, "s5")));
	assert_string_equal(step_fix(blueprint_step(bp, "s3")), "app shows the slot");
	assert_true(standard_is_customer(blueprint_standard(bp, "lost")));
	assert_false(standard_is_customer(blueprint_standard(bp, "recipe")));
	assert_int_equal(bp->lang, LANG_ZH);
	blueprint_free(bp);
}

/* The current actual is the latest dated value, not the last row. */
static void test_current_actual(void **state)
{
	(void)state;
	sbp_blueprint *bp = load_doc();
	sbp_standard *late = blueprint_standard(bp, "late");
	assert_true(standard_current_actual(late) == 89);
	assert_true(standard_below_goal(late));
	assert_true(standard_outside_tolerance(late));
	/* lost has measurements, none with a value: its actual (absent) */
	assert_true(isnan(standard_current_actual(blueprint_standard(bp, "lost"))));
	blueprint_free(bp);
}

/* SQI: per date, sum of weight x failures, oldest first; a date with
 * no failures recorded has no point. */
static void test_sqi(void **state)
{
	(void)state;
	sbp_blueprint *bp = load_doc();
	sbp_sqi_point *p;
	size_t n = blueprint_sqi(bp, &p);
	assert_int_equal(n, 2);
	assert_string_equal(p[0].date, "2026-11-02");
	assert_true(p[0].points == 12 * 1 + 1 * 50);
	assert_string_equal(p[1].date, "2026-11-03");
	assert_true(p[1].points == 40);
	free(p);
	blueprint_free(bp);
}

/* Goal attainment: the weighted share of goals met, by current actual. */
static void test_attainment(void **state)
{
	(void)state;
	sbp_blueprint *bp = load_doc();
	size_t counted;
	assert_true(blueprint_goal_attainment(bp, &counted) == 0);
	assert_int_equal(counted, 1);
	sbp_standard *lost = blueprint_standard(bp, "lost");
	lost->goal = 0;
	lost->better = BETTER_LOWER;
	lost->actual = 0;
	/* 50 of 51 weight met */
	assert_true(fabs(blueprint_goal_attainment(bp, &counted) - 50.0 / 51) < 1e-12);
	assert_int_equal(counted, 2);
	lost->actual = 1; /* one failure misses a goal of 0 */
	assert_true(blueprint_goal_attainment(bp, NULL) == 0);
	blueprint_free(bp);
}

/* Canonical output: what sbp wrote loads and saves to the same bytes,
 * every new field included. */
static void test_round_trip(void **state)
{
	(void)state;
	sbp_blueprint *bp = load_doc();
	sbp_buf a, b;
	buf_init(&a);
	buf_init(&b);
	sbp_save_yaml(bp, &a);
	sbp_diags d;
	diags_init(&d);
	sbp_blueprint *again = sbp_load_buffer(a.data, a.len, NULL, &d);
	assert_non_null(again);
	sbp_save_yaml(again, &b);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.data, b.data, a.len);
	const char *want[] = {"lang: zh", "requirement: come when you said",
			      "source: company", "source: customer", "owner: depot manager",
			      "desired: 98", "adequate: 90", "fix: app shows the slot",
			      "notes: at home",
			      "{date: 2026-11-02, standard: lost, failures: 1, note: van 3}"};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		assert_non_null(strstr(a.data, want[i]));
	diags_free(&d);
	blueprint_free(again);
	blueprint_free(bp);
	buf_free(&a);
	buf_free(&b);
}

/* A bad date is a schema error; an unknown standard an unknown reference. */
static void test_load_errors(void **state)
{
	(void)state;
	static const char *const bad[][2] = {
		{"  - {date: 2026-02-30, standard: late}\n", "schema"},
		{"  - {date: 2026-11-02, standard: nope}\n", "unknown-reference"},
		{"  - {standard: late}\n", "schema"},
		{"  - {date: 2026-11-02, standard: late, failures: 1.5}\n", "schema"},
		{"  - {date: 2026-11-02, standard: late, volume: -1}\n", "schema"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char *text = xasprintf("%s%s", doc, bad[i][0]);
		sbp_diags d;
		diags_init(&d);
		assert_null(sbp_load_buffer(text, strlen(text), NULL, &d));
		assert_true(d.n > 0);
		assert_string_equal(d.items[0].rule, bad[i][1]);
		diags_free(&d);
		free(text);
	}
}

/* The field table: one entry per key, enum words and text access. */
static void test_fields(void **state)
{
	(void)state;
	sbp_blueprint *bp = load_doc();
	const sbp_field *f = field_find(SBP_OBJ_STANDARD, "source");
	assert_non_null(f);
	assert_string_equal(field_choices(f), "customer, company");
	sbp_buf v;
	buf_init(&v);
	field_get_text(f, blueprint_standard(bp, "recipe"), &v);
	assert_string_equal(v.data, "company");
	buf_reset(&v);
	field_get_text(field_find(SBP_OBJ_STANDARD, "desired"), blueprint_standard(bp, "late"), &v);
	assert_string_equal(v.data, "98");
	buf_free(&v);
	sbp_field_value val;
	char err[200];
	assert_false(field_parse_text(f, "vendor", &val, err, sizeof err));
	assert_non_null(strstr(err, "customer, company"));
	assert_null(field_find(SBP_OBJ_STANDARD, "nope"));
	assert_int_equal(fields_count(SBP_OBJ_MEASUREMENT), 6);
	blueprint_free(bp);
}

/* edit_field_set: checked, undoable, and it moves the flagged state. */
static void test_edit_field(void **state)
{
	(void)state;
	sbp_blueprint *bp = load_doc();
	edit_history h;
	edit_init(&h, bp);
	sbp_standard *recipe = blueprint_standard(bp, "recipe");
	sbp_step *s2 = blueprint_step(bp, "s2"), *s4 = blueprint_step(bp, "s4");
	assert_false(edit_field_set(&h, SBP_OBJ_STANDARD, recipe, "source", "vendor"));
	assert_false(edit_field_set(&h, SBP_OBJ_STANDARD, recipe, "id", "x"));
	assert_true(edit_field_set(&h, SBP_OBJ_STANDARD, recipe, "source", "customer"));
	assert_false(step_is_flagged(s2));
	assert_true(edit_undo(&h));
	assert_true(step_is_flagged(s2));
	assert_true(edit_field_set(&h, SBP_OBJ_STEP, s4, "fix", "pen on a string"));
	assert_false(step_is_flagged(s4));
	assert_true(edit_undo(&h));
	assert_true(step_is_flagged(s4));
	assert_true(edit_redo(&h));
	assert_string_equal(step_fix(s4), "pen on a string");
	assert_true(edit_field_set(&h, SBP_OBJ_STANDARD, recipe, "desired", "3.5"));
	assert_true(recipe->desired == 3.5);
	assert_true(edit_field_set(&h, SBP_OBJ_STANDARD, recipe, "desired", ""));
	assert_true(isnan(recipe->desired));
	edit_free(&h);
	blueprint_free(bp);
}

/* Appending a measurement moves the current actual; undo moves it back;
 * deleting a standard takes its measurements, and undo restores them. */
static void test_edit_measurements(void **state)
{
	(void)state;
	sbp_blueprint *bp = load_doc();
	edit_history h;
	edit_init(&h, bp);
	sbp_standard *late = blueprint_standard(bp, "late");
	sbp_measurement *p = measurement_new("2026-11-05", late);
	p->value = 96;
	assert_true(edit_measurement_add(&h, p, NULL));
	assert_true(standard_current_actual(late) == 96);
	assert_false(standard_below_goal(late));
	/* an older date does not replace the current actual */
	snprintf(p->date, sizeof p->date, "2026-10-01");
	p->value = 10;
	assert_true(edit_measurement_add(&h, p, NULL));
	assert_true(standard_current_actual(late) == 96);
	assert_true(edit_undo(&h));
	assert_true(edit_undo(&h));
	assert_true(standard_current_actual(late) == 89);
	snprintf(p->date, sizeof p->date, "2026-13-01");
	assert_false(edit_measurement_add(&h, p, NULL));
	measurement_free(p);
	size_t n = bp->measurements.n;
	assert_true(edit_standard_delete(&h, late));
	assert_int_equal(bp->measurements.n, n - 2);
	assert_true(edit_undo(&h));
	assert_int_equal(bp->measurements.n, n);
	assert_true(standard_current_actual(late) == 89);
	edit_free(&h);
	blueprint_free(bp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flagged),
		cmocka_unit_test(test_current_actual),
		cmocka_unit_test(test_sqi),
		cmocka_unit_test(test_attainment),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_load_errors),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_edit_field),
		cmocka_unit_test(test_edit_measurements),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
