/* Tests of the step and flow edits: each one changes the model as asked,
 * undoes to the exact former YAML and redoes to the edited one, and each
 * refusal changes nothing and says why. */
#include "test_edit_fixture.h"

/* Adding a step with an id puts it last, in its cell. */
static void test_step_add(void **state)
{
	fx *f = *state;
	sbp_step *s = NULL;
	assert_true(edit_step_add(&f->h, fx_lane(f, "customer"), fx_col(f, "c3"),
				  "leave", "Leave the hotel", &s));
	assert_non_null(s);
	assert_ptr_equal(fx_step(f, "leave"), s);
	assert_ptr_equal(f->bp->steps.items[f->bp->steps.n - 1], s);
	assert_ptr_equal(s->lane, fx_lane(f, "customer"));
	assert_ptr_equal(s->column, fx_col(f, "c3"));
	assert_string_equal(s->text, "Leave the hotel");
	assert_string_equal(edit_undo_name(&f->h), "add step");
	assert_true(edit_modified(&f->h));
	fx_undo_redo(f);
	assert_ptr_equal(fx_step(f, "leave"), s);
}

/* Without an id the step gets a fresh step-N, and NULL text is "". */
static void test_step_add_fresh_id(void **state)
{
	fx *f = *state;
	sbp_step *s = NULL;
	assert_true(edit_step_add(&f->h, fx_lane(f, "app"), fx_col(f, "c1"),
				  NULL, NULL, &s));
	assert_string_equal(s->id, "step-7");
	assert_string_equal(s->text, "");
	assert_true(edit_step_add(&f->h, fx_lane(f, "app"), fx_col(f, "c1"),
				  NULL, "two", NULL));
	assert_non_null(fx_step(f, "step-8"));
	fx_invariants(f->bp);
}

/* Bad ids, used ids and foreign or missing cells are refused. */
static void test_step_add_refused(void **state)
{
	fx *f = *state;
	sbp_lane *foreign = lane_new("x", "x", ZONE_ONSTAGE);
	sbp_lane *l = fx_lane(f, "customer");
	sbp_column *c = fx_col(f, "c1");
	fx_refused(f, edit_step_add(&f->h, l, c, "a b", "x", NULL));
	fx_refused(f, edit_step_add(&f->h, l, c, "", "x", NULL));
	fx_refused(f, edit_step_add(&f->h, l, c, "greet", "x", NULL));
	fx_refused(f, edit_step_add(&f->h, foreign, c, "new", "x", NULL));
	fx_refused(f, edit_step_add(&f->h, NULL, c, "new", "x", NULL));
	fx_refused(f, edit_step_add(&f->h, l, NULL, "new", "x", NULL));
	lane_free(foreign);
}

/* Deleting a step takes its flows; undo puts back the same objects at
 * the same indices. */
static void test_step_delete_with_flows(void **state)
{
	fx *f = *state;
	sbp_step *reg = fx_step(f, "register");
	sbp_flow *in = fx_flow(f, "greet", "register");
	sbp_flow *out = fx_flow(f, "register", "lookup");
	size_t at = blueprint_step_index(f->bp, reg);
	assert_true(edit_step_delete(&f->h, reg));
	assert_null(fx_step(f, "register"));
	assert_int_equal(f->bp->steps.n, 5);
	assert_int_equal(f->bp->flows.n, 2);
	assert_null(fx_flow(f, "greet", "register"));
	fx_undo_redo(f);
	assert_true(edit_undo(&f->h));
	assert_ptr_equal(fx_step(f, "register"), reg);
	assert_int_equal(blueprint_step_index(f->bp, reg), at);
	assert_ptr_equal(f->bp->flows.items[1], in);
	assert_ptr_equal(f->bp->flows.items[2], out);
	assert_ptr_equal(in->to, reg);
}

/* NULL, foreign and already deleted steps cannot be deleted. */
static void test_step_delete_refused(void **state)
{
	fx *f = *state;
	sbp_step *foreign = step_new("pms", fx_lane(f, "support"), fx_col(f, "c1"), "");
	fx_refused(f, edit_step_delete(&f->h, NULL));
	fx_refused(f, edit_step_delete(&f->h, foreign));
	step_free(foreign);
	sbp_step *s = fx_step(f, "pms");
	assert_true(edit_step_delete(&f->h, s));
	char *after = fx_yaml(f->bp);
	assert_false(edit_step_delete(&f->h, s));
	assert_true(f->h.error[0] != '\0');
	fx_expect(f, after);
	free(after);
}

/* Text, notes: set, clear, and a NULL text becomes "". */
static void test_step_text_notes(void **state)
{
	fx *f = *state;
	sbp_step *s = fx_step(f, "greet");
	assert_true(edit_step_text(&f->h, s, "Welcome the guest"));
	assert_string_equal(s->text, "Welcome the guest");
	fx_undo_redo(f);
	assert_true(edit_step_notes(&f->h, s, NULL));
	assert_null(step_notes(s));
	assert_true(edit_step_notes(&f->h, fx_step(f, "arrive"), "By taxi"));
	assert_true(edit_step_text(&f->h, s, NULL));
	assert_string_equal(s->text, "");
	assert_true(edit_undo(&f->h));
	assert_true(edit_undo(&f->h));
	assert_true(edit_undo(&f->h));
	assert_string_equal(step_notes(s), "Doorman or desk");
	assert_true(edit_undo(&f->h));
	fx_expect(f, f->yaml0);
	fx_refused(f, edit_step_text(&f->h, NULL, "x"));
}

/* An edit that changes nothing records nothing. */
static void test_step_noop(void **state)
{
	fx *f = *state;
	sbp_step *s = fx_step(f, "greet");
	assert_true(edit_step_text(&f->h, s, "Greet guest"));
	assert_true(edit_step_notes(&f->h, s, "Doorman or desk"));
	assert_true(edit_step_duration(&f->h, s, NAN));
	assert_true(edit_step_move(&f->h, s, s->lane, s->column));
	assert_true(edit_step_fail(&f->h, s, NULL));
	assert_null(edit_undo_name(&f->h));
	assert_false(edit_modified(&f->h));
	assert_int_equal(f->h.changes, 0);
}

/* Duration: set, clear; negative or infinite minutes are refused. */
static void test_step_duration(void **state)
{
	fx *f = *state;
	fx_refused(f, edit_step_duration(&f->h, fx_step(f, "greet"), -1));
	fx_refused(f, edit_step_duration(&f->h, fx_step(f, "greet"), INFINITY));
	assert_true(edit_step_duration(&f->h, fx_step(f, "greet"), 2.5));
	assert_true(fx_step(f, "greet")->duration == 2.5);
	fx_undo_redo(f);
	assert_true(edit_step_duration(&f->h, fx_step(f, "register"), NAN));
	assert_true(isnan(fx_step(f, "register")->duration));
	assert_true(edit_undo(&f->h));
	assert_true(fx_step(f, "register")->duration == 4);
}

/* The encounter mark: yes, no, default; an unknown mark is refused. */
static void test_step_encounter(void **state)
{
	fx *f = *state;
	sbp_step *s = fx_step(f, "arrive");
	fx_refused(f, edit_step_encounter(&f->h, s, (sbp_mark)7));
	assert_true(edit_step_encounter(&f->h, s, MARK_YES));
	assert_true(step_is_encounter(s));
	fx_undo_redo(f);
	assert_true(edit_step_encounter(&f->h, fx_step(f, "key"), MARK_DEFAULT));
	assert_int_equal(fx_step(f, "key")->encounter, MARK_DEFAULT);
}

/* Moving a step to another lane and column; foreign cells refused. */
static void test_step_move(void **state)
{
	fx *f = *state;
	sbp_step *s = fx_step(f, "lookup");
	sbp_column *foreign = column_new("c1", "x", NULL);
	fx_refused(f, edit_step_move(&f->h, s, fx_lane(f, "support"), foreign));
	fx_refused(f, edit_step_move(&f->h, s, NULL, fx_col(f, "c1")));
	column_free(foreign);
	assert_true(edit_step_move(&f->h, s, fx_lane(f, "support"), fx_col(f, "c3")));
	assert_ptr_equal(s->lane, fx_lane(f, "support"));
	assert_ptr_equal(s->column, fx_col(f, "c3"));
	assert_string_equal(edit_undo_name(&f->h), "move step");
	fx_undo_redo(f);
}

/* Fail points: add a copy, replace, remove; bad severities refused. */
static void test_step_fail(void **state)
{
	fx *f = *state;
	sbp_fail *fp = fail_new("Bags dropped");
	fp->severity = 6;
	fx_refused(f, edit_step_fail(&f->h, fx_step(f, "greet"), fp));
	fp->severity = -1;
	fx_refused(f, edit_step_fail(&f->h, fx_step(f, "greet"), fp));
	fp->severity = 2;
	assert_true(edit_step_fail(&f->h, fx_step(f, "greet"), fp));
	assert_ptr_not_equal(fx_step(f, "greet")->fail, fp);
	assert_string_equal(fx_step(f, "greet")->fail->text, "Bags dropped");
	fx_undo_redo(f);
	assert_true(edit_step_fail(&f->h, fx_step(f, "register"), fp));
	assert_int_equal(fx_step(f, "register")->fail->severity, 2);
	assert_true(edit_step_fail(&f->h, fx_step(f, "register"), NULL));
	assert_null(fx_step(f, "register")->fail);
	assert_true(edit_undo(&f->h));
	assert_true(edit_undo(&f->h));
	assert_string_equal(fx_step(f, "register")->fail->recovery, "Upgrade");
	fail_free(fp);
}

/* Wait points: add, remove; negative minutes refused. */
static void test_step_wait(void **state)
{
	fx *f = *state;
	sbp_wait *w = wait_new("Wait for a porter");
	w->expected = -2;
	fx_refused(f, edit_step_wait(&f->h, fx_step(f, "arrive"), w));
	w->expected = 2;
	w->tolerable = -1;
	fx_refused(f, edit_step_wait(&f->h, fx_step(f, "arrive"), w));
	w->tolerable = 5;
	assert_true(edit_step_wait(&f->h, fx_step(f, "arrive"), w));
	assert_true(fx_step(f, "arrive")->wait->tolerable == 5);
	fx_undo_redo(f);
	wait_free(w);
	assert_true(edit_step_wait(&f->h, fx_step(f, "register"), NULL));
	assert_null(fx_step(f, "register")->wait);
	assert_true(edit_undo(&f->h));
	assert_string_equal(fx_step(f, "register")->wait->text, "Queue at the desk");
}

/* Attaching a standard appends it; twice or foreign is refused. */
static void test_step_attach(void **state)
{
	fx *f = *state;
	sbp_step *s = fx_step(f, "register");
	sbp_standard *foreign = standard_new("greet", "x", STD_HARD);
	fx_refused(f, edit_step_attach(&f->h, s, fx_std(f, "empathy")));
	fx_refused(f, edit_step_attach(&f->h, s, foreign));
	fx_refused(f, edit_step_attach(&f->h, s, NULL));
	standard_free(foreign);
	assert_true(edit_step_attach(&f->h, s, fx_std(f, "greet")));
	assert_int_equal(s->stds.n, 2);
	assert_ptr_equal(s->stds.items[1], fx_std(f, "greet"));
	fx_undo_redo(f);
}

/* Detaching from the front of a list; undo restores the order. */
static void test_step_detach(void **state)
{
	fx *f = *state;
	sbp_step *s = fx_step(f, "greet");
	fx_refused(f, edit_step_detach(&f->h, fx_step(f, "arrive"), fx_std(f, "greet")));
	assert_true(edit_step_detach(&f->h, s, fx_std(f, "greet")));
	assert_int_equal(s->stds.n, 1);
	assert_ptr_equal(s->stds.items[0], fx_std(f, "empathy"));
	fx_undo_redo(f);
	assert_true(edit_undo(&f->h));
	assert_ptr_equal(s->stds.items[0], fx_std(f, "greet"));
}

/* Adding a flow appends it with its label. */
static void test_flow_add(void **state)
{
	fx *f = *state;
	sbp_flow *fl = NULL;
	assert_true(edit_flow_add(&f->h, fx_step(f, "register"), fx_step(f, "key"),
				  "sends", &fl));
	assert_ptr_equal(f->bp->flows.items[4], fl);
	assert_string_equal(fl->label, "sends");
	fx_undo_redo(f);
	assert_true(edit_flow_add(&f->h, fx_step(f, "key"), fx_step(f, "register"),
				  NULL, NULL));
}

/* A flow to itself, a duplicate flow and foreign steps are refused. */
static void test_flow_add_refused(void **state)
{
	fx *f = *state;
	sbp_step *g = fx_step(f, "greet");
	sbp_step *foreign = step_new("zz", g->lane, g->column, "");
	fx_refused(f, edit_flow_add(&f->h, g, g, NULL, NULL));
	fx_refused(f, edit_flow_add(&f->h, fx_step(f, "arrive"), g, "again", NULL));
	fx_refused(f, edit_flow_add(&f->h, g, foreign, NULL, NULL));
	fx_refused(f, edit_flow_add(&f->h, NULL, g, NULL, NULL));
	step_free(foreign);
}

/* Deleting a flow from the middle; undo puts the same flow back. */
static void test_flow_delete(void **state)
{
	fx *f = *state;
	sbp_flow *fl = fx_flow(f, "greet", "register");
	sbp_flow *foreign = flow_new(fl->from, fl->to, NULL);
	fx_refused(f, edit_flow_delete(&f->h, foreign));
	fx_refused(f, edit_flow_delete(&f->h, NULL));
	flow_free(foreign);
	assert_true(edit_flow_delete(&f->h, fl));
	assert_int_equal(f->bp->flows.n, 3);
	assert_null(fx_flow(f, "greet", "register"));
	fx_undo_redo(f);
	assert_true(edit_undo(&f->h));
	assert_ptr_equal(f->bp->flows.items[1], fl);
}

/* Flow labels: set, change, clear. */
static void test_flow_label(void **state)
{
	fx *f = *state;
	sbp_flow *fl = fx_flow(f, "arrive", "greet");
	assert_true(edit_flow_label(&f->h, fl, "walks in"));
	assert_string_equal(fl->label, "walks in");
	fx_undo_redo(f);
	assert_true(edit_flow_label(&f->h, fx_flow(f, "greet", "register"), NULL));
	assert_null(fx_flow(f, "greet", "register")->label);
	assert_true(edit_undo(&f->h));
	assert_string_equal(fx_flow(f, "greet", "register")->label, "escorts");
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(test_step_add), T(test_step_add_fresh_id), T(test_step_add_refused),
		T(test_step_delete_with_flows), T(test_step_delete_refused),
		T(test_step_text_notes), T(test_step_noop), T(test_step_duration),
		T(test_step_encounter), T(test_step_move), T(test_step_fail),
		T(test_step_wait), T(test_step_attach), T(test_step_detach),
		T(test_flow_add), T(test_flow_add_refused), T(test_flow_delete),
		T(test_flow_label),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
