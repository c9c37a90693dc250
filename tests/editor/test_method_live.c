/* The editor follows the method's model: changing a standard's source
 * (customer or company) or appending a measurement changes which steps are
 * flagged and which standards are below goal, and the status-line counts
 * and the problems panel follow, without a reload; undo takes it back. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "sbp/check.h"
#include "sbp/edit.h"
#include "sbp/fields.h"

/* The fixture with s1 given a goal it misses. */
static const char yaml[] =
	"sbp: 1\n"
	"columns:\n"
	"  - {id: c1, name: One}\n"
	"standards:\n"
	"  - {id: s1, name: Fast, kind: hard, measure: m, target: t, goal: 90, actual: 80}\n"
	"steps:\n"
	"  - {id: a, lane: customer, column: c1, text: Arrive}\n"
	"  - {id: b, lane: onstage, column: c1, text: Greet, standards: [s1]}\n"
	"  - {id: c, lane: onstage, column: c1, text: Seat}\n"
	"flows:\n"
	"  - {from: a, to: b}\n";

/* The summary the editor shows equals a count from scratch. */
static void assert_counts(editor *ed, size_t flagged)
{
	sbp_summary fresh;
	check_summary(ed->bp, &fresh);
	const sbp_summary *s = editor_summary(ed);
	assert_int_equal(s->unstandardized, flagged);
	assert_int_equal(fresh.unstandardized, flagged);
	assert_int_equal(s->encounters, fresh.encounters);
}

/* source: company flags b; a fix on c unflags it; undo restores. */
static void test_source_and_fix(void **state)
{
	(void)state;
	fixture *f = fixture_open(yaml);
	editor *ed = f->ed;
	assert_counts(ed, 1);
	sbp_standard *s1 = blueprint_standard(ed->bp, "s1");
	assert_true(edit_field_set(&ed->hist, SBP_OBJ_STANDARD, s1, "source", "company"));
	assert_counts(ed, 2);
	assert_true(step_company_standard_only(blueprint_step(ed->bp, "b")));
	assert_true(edit_field_set(&ed->hist, SBP_OBJ_STEP, blueprint_step(ed->bp, "c"), "fix",
				   "table plan on the door"));
	assert_counts(ed, 1);
	assert_true(edit_undo(&ed->hist));
	assert_true(edit_undo(&ed->hist));
	assert_counts(ed, 1);
	fixture_close(f);
}

/* A measurement meeting the goal clears below-goal; undo brings it back. */
static void test_measurement(void **state)
{
	(void)state;
	fixture *f = fixture_open(yaml);
	editor *ed = f->ed;
	sbp_standard *s1 = blueprint_standard(ed->bp, "s1");
	assert_true(standard_below_goal(s1));
	sbp_measurement *m = measurement_new("2026-11-02", s1);
	m->value = 95;
	assert_true(edit_measurement_add(&ed->hist, m, NULL));
	measurement_free(m);
	assert_false(standard_below_goal(s1));
	char *y = fixture_yaml_of(ed);
	assert_non_null(strstr(y, "measurements:\n  - {date: 2026-11-02, standard: s1, value: 95}\n"));
	free(y);
	assert_true(edit_undo(&ed->hist));
	assert_true(standard_below_goal(s1));
	assert_int_equal(ed->bp->measurements.n, 0);
	fixture_close(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_source_and_fix),
		cmocka_unit_test(test_measurement),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
