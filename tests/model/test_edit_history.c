/* Tests of the history itself: groups and nesting, undo and redo at the
 * ends, the redo tail dropped by a new edit, the modified flag around
 * saves, and the count of changes. */
#include "test_edit_fixture.h"

/* Edits between begin and end undo and redo as one. */
static void test_group_undoes_as_one(void **state)
{
	fx *f = *state;
	sbp_step *s = NULL;
	edit_begin(&f->h, "rework greeting");
	assert_true(edit_step_text(&f->h, fx_step(f, "greet"), "Hello"));
	assert_true(edit_step_add(&f->h, fx_lane(f, "app"), fx_col(f, "c1"), "push",
				  "Push welcome", &s));
	assert_true(edit_flow_add(&f->h, s, fx_step(f, "greet"), NULL, NULL));
	assert_true(edit_step_delete(&f->h, fx_step(f, "arrive")));
	edit_end(&f->h);
	assert_string_equal(edit_undo_name(&f->h), "rework greeting");
	fx_undo_redo(f);
	assert_true(edit_undo(&f->h));
	assert_false(edit_undo(&f->h));
	assert_string_equal(edit_redo_name(&f->h), "rework greeting");
}

/* Nested begin/end pairs join the outer group and take its name. */
static void test_group_nested(void **state)
{
	fx *f = *state;
	edit_begin(&f->h, "outer");
	assert_true(edit_title(&f->h, "A"));
	edit_begin(&f->h, "inner");
	assert_true(edit_lane_rename(&f->h, fx_lane(f, "app"), "B"));
	edit_end(&f->h);
	assert_int_equal(f->h.depth, 1);
	assert_true(edit_column_rename(&f->h, fx_col(f, "c1"), "C"));
	edit_end(&f->h);
	assert_int_equal(f->h.depth, 0);
	assert_int_equal(f->h.groups.n, 1);
	assert_string_equal(edit_undo_name(&f->h), "outer");
	fx_undo_redo(f);
	edit_end(&f->h); /* an extra end is harmless */
	assert_int_equal(f->h.depth, 0);
}

/* A group with no change is dropped, and keeps the redo tail. */
static void test_group_empty(void **state)
{
	fx *f = *state;
	assert_true(edit_title(&f->h, "A"));
	assert_true(edit_undo(&f->h));
	edit_begin(&f->h, "nothing");
	assert_false(edit_step_delete(&f->h, NULL));
	assert_true(edit_step_text(&f->h, fx_step(f, "greet"), "Greet guest"));
	edit_end(&f->h);
	assert_null(edit_undo_name(&f->h));
	assert_string_equal(edit_redo_name(&f->h), "change title");
	assert_int_equal(f->h.groups.n, 1);
	fx_expect(f, f->yaml0);
}

/* Undo and redo refuse inside an open group, keeping what was done. */
static void test_undo_inside_group(void **state)
{
	fx *f = *state;
	edit_begin(&f->h, "half");
	assert_true(edit_title(&f->h, "A"));
	assert_true(edit_modified(&f->h));
	assert_false(edit_undo(&f->h));
	assert_true(f->h.error[0] != '\0');
	assert_false(edit_redo(&f->h));
	assert_string_equal(f->bp->title, "A");
	edit_end(&f->h);
	assert_true(edit_undo(&f->h));
	fx_expect(f, f->yaml0);
}

/* At the ends of the history undo and redo return false. */
static void test_undo_redo_ends(void **state)
{
	fx *f = *state;
	assert_false(edit_undo(&f->h));
	assert_false(edit_redo(&f->h));
	assert_null(edit_undo_name(&f->h));
	assert_null(edit_redo_name(&f->h));
	assert_true(edit_title(&f->h, "A"));
	assert_false(edit_redo(&f->h));
	assert_true(edit_undo(&f->h));
	assert_false(edit_undo(&f->h));
	assert_true(edit_redo(&f->h));
	assert_false(edit_redo(&f->h));
	assert_string_equal(f->bp->title, "A");
}

/* A new edit after undo drops the redo tail, freeing what it owned
 * (the undone step add here: the sanitizers check it is freed once). */
static void test_redo_tail_dropped(void **state)
{
	fx *f = *state;
	assert_true(edit_step_add(&f->h, fx_lane(f, "app"), fx_col(f, "c3"), "a",
				  "A", NULL));
	assert_true(edit_step_text(&f->h, fx_step(f, "a"), "AA"));
	assert_true(edit_step_delete(&f->h, fx_step(f, "greet")));
	assert_true(edit_undo(&f->h));
	assert_true(edit_undo(&f->h));
	assert_true(edit_undo(&f->h));
	assert_string_equal(edit_redo_name(&f->h), "add step");
	assert_true(edit_title(&f->h, "New"));
	assert_null(edit_redo_name(&f->h));
	assert_false(edit_redo(&f->h));
	assert_int_equal(f->h.groups.n, 1);
	assert_null(fx_step(f, "a"));
	assert_true(edit_step_add(&f->h, fx_lane(f, "app"), fx_col(f, "c3"), "a",
				  "again", NULL));
	assert_true(edit_undo(&f->h));
	assert_true(edit_undo(&f->h));
	fx_expect(f, f->yaml0);
}

/* The modified flag follows saves, undo and redo. */
static void test_modified_flag(void **state)
{
	fx *f = *state;
	edit_history *h = &f->h;
	assert_false(edit_modified(h));
	assert_true(edit_title(h, "A"));
	assert_true(edit_modified(h));
	assert_true(edit_undo(h));
	assert_false(edit_modified(h)); /* back to the (unsaved) start */
	assert_true(edit_redo(h));
	assert_true(edit_title(h, "B"));
	edit_mark_saved(h);
	assert_false(edit_modified(h));
	assert_true(edit_undo(h));
	assert_true(edit_modified(h));
	assert_true(edit_undo(h));
	assert_true(edit_modified(h)); /* past the save */
	assert_true(edit_redo(h));
	assert_true(edit_modified(h));
	assert_true(edit_redo(h));
	assert_false(edit_modified(h));
	assert_true(edit_title(h, "C"));
	assert_true(edit_modified(h));
	assert_true(edit_undo(h));
	assert_false(edit_modified(h));
}

/* Saving at the very start (serial 0) and undoing back to it. */
static void test_modified_saved_at_start(void **state)
{
	fx *f = *state;
	edit_mark_saved(&f->h);
	assert_true(edit_lane_rename(&f->h, fx_lane(f, "app"), "X"));
	assert_true(edit_lane_rename(&f->h, fx_lane(f, "app"), "Y"));
	assert_true(edit_modified(&f->h));
	assert_true(edit_undo(&f->h));
	assert_true(edit_undo(&f->h));
	assert_false(edit_modified(&f->h));
	assert_true(edit_redo(&f->h));
	assert_true(edit_modified(&f->h));
}

/* A new edit after undoing past the save drops the saved state: modified
 * for ever after, even back at the start, until the next save. */
static void test_modified_saved_state_dropped(void **state)
{
	fx *f = *state;
	edit_history *h = &f->h;
	assert_true(edit_title(h, "A"));
	assert_true(edit_title(h, "B"));
	edit_mark_saved(h);
	assert_true(edit_undo(h));
	assert_true(edit_title(h, "C"));
	assert_true(edit_modified(h));
	assert_false(h->saved_valid);
	assert_true(edit_undo(h));
	assert_true(edit_modified(h));
	assert_true(edit_undo(h));
	assert_true(edit_modified(h));
	assert_true(edit_redo(h));
	edit_mark_saved(h);
	assert_false(edit_modified(h));
	assert_true(edit_redo(h));
	assert_true(edit_modified(h));
}

/* changes counts edits (and undo/redo) since the last save. */
static void test_changes_count(void **state)
{
	fx *f = *state;
	edit_history *h = &f->h;
	assert_int_equal(h->changes, 0);
	assert_true(edit_title(h, "A"));
	assert_true(edit_title(h, "A"));
	assert_int_equal(h->changes, 1);
	edit_begin(h, "two");
	assert_true(edit_title(h, "B"));
	assert_true(edit_description(h, "D"));
	edit_end(h);
	assert_int_equal(h->changes, 3);
	assert_false(edit_title(h, "ok") && edit_step_delete(h, NULL));
	assert_int_equal(h->changes, 4);
	edit_mark_saved(h);
	assert_int_equal(h->changes, 0);
	assert_true(edit_undo(h));
	assert_int_equal(h->changes, 1);
}

/* edit_free releases a history in any state; the blueprint stays. */
static void test_free_mid_history(void **state)
{
	fx *f = *state;
	assert_true(edit_column_delete(&f->h, fx_col(f, "c2")));
	assert_true(edit_standard_delete(&f->h, fx_std(f, "greet")));
	assert_true(edit_lane_insert_auto(&f->h, "kiosk", "Kiosk", ZONE_ONSTAGE, NULL));
	assert_true(edit_undo(&f->h));
	edit_begin(&f->h, "left open");
	assert_true(edit_title(&f->h, "open"));
	char *now = fx_yaml(f->bp);
	edit_free(&f->h);
	fx_expect(f, now);
	free(now);
	edit_init(&f->h, f->bp);
	assert_false(edit_modified(&f->h));
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(test_group_undoes_as_one), T(test_group_nested), T(test_group_empty),
		T(test_undo_inside_group), T(test_undo_redo_ends),
		T(test_redo_tail_dropped), T(test_modified_flag),
		T(test_modified_saved_at_start), T(test_modified_saved_state_dropped),
		T(test_changes_count), T(test_free_mid_history),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
