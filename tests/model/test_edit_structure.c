/* Tests of the column and lane edits: insert, delete (with the steps and
 * flows in them), rename, phase, move, and the zone order of lanes. */
#include "test_edit_fixture.h"

/* Assert the column ids in order, given as one space-separated string. */
static void expect_columns(fx *f, const char *want)
{
	char got[256] = "";
	for (size_t i = 0; i < f->bp->columns.n; i++) {
		if (i)
			strcat(got, " ");
		strcat(got, f->bp->columns.items[i]->id);
	}
	assert_string_equal(got, want);
}

/* Assert the lane ids in order. */
static void expect_lanes(fx *f, const char *want)
{
	char got[256] = "";
	for (size_t i = 0; i < f->bp->lanes.n; i++) {
		if (i)
			strcat(got, " ");
		strcat(got, f->bp->lanes.items[i]->id);
	}
	assert_string_equal(got, want);
}

/* Inserting a column in the middle renumbers the ones after it. */
static void test_column_insert(void **state)
{
	fx *f = *state;
	sbp_column *c = NULL;
	assert_true(edit_column_insert(&f->h, 1, "wait", "Wait", "Arrival", &c));
	expect_columns(f, "c1 wait c2 c3");
	assert_int_equal(c->idx, 1);
	assert_int_equal(fx_col(f, "c3")->idx, 3);
	assert_string_equal(c->phase, "Arrival");
	fx_undo_redo(f);
	assert_true(edit_column_insert(&f->h, 0, NULL, NULL, NULL, &c));
	assert_string_equal(c->id, "col-5");
	assert_string_equal(c->name, "");
	assert_null(c->phase);
	assert_true(edit_column_insert(&f->h, (size_t)-1, "end", "End", NULL, NULL));
	expect_columns(f, "col-5 c1 wait c2 c3 end");
}

/* Out-of-range positions, bad and used ids are refused. */
static void test_column_insert_refused(void **state)
{
	fx *f = *state;
	fx_refused(f, edit_column_insert(&f->h, 4, "x", "x", NULL, NULL));
	fx_refused(f, edit_column_insert(&f->h, 0, "c2", "x", NULL, NULL));
	fx_refused(f, edit_column_insert(&f->h, 0, "a/b", "x", NULL, NULL));
	char long_id[70];
	memset(long_id, 'a', 65);
	long_id[65] = '\0';
	fx_refused(f, edit_column_insert(&f->h, 0, long_id, "x", NULL, NULL));
}

/* Deleting a column deletes its steps and their flows as one undo step;
 * undo restores the same objects at the same indices. */
static void test_column_delete(void **state)
{
	fx *f = *state;
	sbp_column *c2 = fx_col(f, "c2");
	sbp_step *reg = fx_step(f, "register"), *key = fx_step(f, "key");
	sbp_step *look = fx_step(f, "lookup");
	sbp_flow *last = fx_flow(f, "lookup", "pms");
	assert_true(edit_column_delete(&f->h, c2));
	expect_columns(f, "c1 c3");
	assert_int_equal(f->bp->steps.n, 3);
	assert_int_equal(f->bp->flows.n, 1);
	assert_non_null(fx_flow(f, "arrive", "greet"));
	assert_null(fx_step(f, "key"));
	assert_string_equal(edit_undo_name(&f->h), "delete column");
	fx_undo_redo(f);
	assert_true(edit_undo(&f->h));
	assert_ptr_equal(fx_col(f, "c2"), c2);
	assert_int_equal(c2->idx, 1);
	assert_ptr_equal(f->bp->steps.items[2], reg);
	assert_ptr_equal(f->bp->steps.items[3], key);
	assert_ptr_equal(f->bp->steps.items[4], look);
	assert_ptr_equal(f->bp->flows.items[3], last);
	assert_ptr_equal(last->from, look);
}

/* The last column cannot go; nor can a foreign one. */
static void test_column_delete_refused(void **state)
{
	fx *f = *state;
	sbp_column *foreign = column_new("c1", "x", NULL);
	fx_refused(f, edit_column_delete(&f->h, foreign));
	fx_refused(f, edit_column_delete(&f->h, NULL));
	column_free(foreign);
	assert_true(edit_column_delete(&f->h, fx_col(f, "c1")));
	assert_true(edit_column_delete(&f->h, fx_col(f, "c3")));
	char *before = fx_yaml(f->bp);
	assert_false(edit_column_delete(&f->h, fx_col(f, "c2")));
	assert_non_null(strstr(f->h.error, "last column"));
	fx_expect(f, before);
	free(before);
	assert_int_equal(f->bp->steps.n, 3);
}

/* Renaming a column and changing or clearing its phase. */
static void test_column_rename_phase(void **state)
{
	fx *f = *state;
	sbp_column *c = fx_col(f, "c3");
	assert_true(edit_column_rename(&f->h, c, "Stay overnight"));
	assert_string_equal(c->name, "Stay overnight");
	fx_undo_redo(f);
	assert_true(edit_column_phase(&f->h, c, "Stay"));
	assert_string_equal(c->phase, "Stay");
	assert_true(edit_column_phase(&f->h, fx_col(f, "c1"), NULL));
	assert_null(fx_col(f, "c1")->phase);
	assert_true(edit_column_rename(&f->h, c, NULL));
	assert_string_equal(c->name, "");
	for (int i = 0; i < 4; i++)
		assert_true(edit_undo(&f->h));
	fx_expect(f, f->yaml0);
	fx_refused(f, edit_column_rename(&f->h, NULL, "x"));
}

/* Moving a column to another index, both ways; out of range refused. */
static void test_column_move(void **state)
{
	fx *f = *state;
	fx_refused(f, edit_column_move(&f->h, fx_col(f, "c1"), 3));
	assert_true(edit_column_move(&f->h, fx_col(f, "c1"), 0));
	assert_null(edit_undo_name(&f->h));
	assert_true(edit_column_move(&f->h, fx_col(f, "c1"), 2));
	expect_columns(f, "c2 c3 c1");
	assert_int_equal(fx_col(f, "c1")->idx, 2);
	fx_undo_redo(f);
	assert_true(edit_column_move(&f->h, fx_col(f, "c3"), 0));
	expect_columns(f, "c3 c2 c1");
	assert_true(edit_undo(&f->h));
	assert_true(edit_undo(&f->h));
	expect_columns(f, "c1 c2 c3");
	fx_expect(f, f->yaml0);
}

/* Inserting lanes where their zone allows, with fresh ids. */
static void test_lane_insert(void **state)
{
	fx *f = *state;
	sbp_lane *l = NULL;
	assert_true(edit_lane_insert(&f->h, 3, "phone", "Phone", ZONE_ONSTAGE, &l));
	expect_lanes(f, "evidence customer onstage phone app backstage support");
	assert_int_equal(l->idx, 3);
	fx_undo_redo(f);
	assert_true(edit_lane_insert(&f->h, 7, NULL, "IT", ZONE_SUPPORT, &l));
	assert_string_equal(l->id, "lane-8");
	assert_true(edit_lane_insert(&f->h, 0, "sign", "Signs", ZONE_EVIDENCE, NULL));
	assert_int_equal(fx_lane(f, "support")->idx, 7);
}

/* A lane out of zone order, out of range, or with a used id is refused. */
static void test_lane_insert_refused(void **state)
{
	fx *f = *state;
	fx_refused(f, edit_lane_insert(&f->h, 0, "x", "x", ZONE_SUPPORT, NULL));
	fx_refused(f, edit_lane_insert(&f->h, 6, "x", "x", ZONE_CUSTOMER, NULL));
	fx_refused(f, edit_lane_insert(&f->h, 2, "x", "x", ZONE_BACKSTAGE, NULL));
	assert_non_null(strstr(f->h.error, "zone order"));
	fx_refused(f, edit_lane_insert(&f->h, 7, "x", "x", ZONE_SUPPORT, NULL));
	fx_refused(f, edit_lane_insert(&f->h, 1, "evidence", "x", ZONE_EVIDENCE, NULL));
	fx_refused(f, edit_lane_insert(&f->h, 1, "x", "x", (sbp_zone)9, NULL));
}

/* Automatic placement: after the last lane of the zone, or where the
 * zone belongs when it has no lane. */
static void test_lane_insert_auto(void **state)
{
	fx *f = *state;
	assert_true(edit_lane_insert_auto(&f->h, "kiosk", "Kiosk", ZONE_ONSTAGE, NULL));
	expect_lanes(f, "evidence customer onstage app kiosk backstage support");
	fx_undo_redo(f);
	assert_true(edit_lane_delete(&f->h, fx_lane(f, "backstage")));
	assert_true(edit_lane_insert_auto(&f->h, "back2", "Back", ZONE_BACKSTAGE, NULL));
	expect_lanes(f, "evidence customer onstage app kiosk back2 support");
	assert_true(edit_lane_insert_auto(&f->h, "ev2", NULL, ZONE_EVIDENCE, NULL));
	assert_int_equal(fx_lane(f, "ev2")->idx, 1);
	assert_true(edit_lane_insert_auto(&f->h, NULL, NULL, ZONE_SUPPORT, NULL));
	assert_int_equal(f->bp->lanes.items[8]->zone, ZONE_SUPPORT);
	for (int i = 0; i < 5; i++)
		assert_true(edit_undo(&f->h));
	fx_expect(f, f->yaml0);
}

/* Deleting a lane deletes its steps and their flows; undo restores. */
static void test_lane_delete(void **state)
{
	fx *f = *state;
	sbp_lane *on = fx_lane(f, "onstage");
	sbp_step *greet = fx_step(f, "greet");
	assert_true(edit_lane_delete(&f->h, on));
	expect_lanes(f, "evidence customer app backstage support");
	assert_null(fx_step(f, "greet"));
	assert_null(fx_step(f, "register"));
	assert_int_equal(f->bp->flows.n, 1);
	fx_undo_redo(f);
	assert_true(edit_undo(&f->h));
	assert_ptr_equal(fx_lane(f, "onstage"), on);
	assert_ptr_equal(f->bp->steps.items[1], greet);
	assert_ptr_equal(greet->lane, on);
	assert_true(edit_lane_delete(&f->h, fx_lane(f, "evidence")));
	assert_int_equal(fx_lane(f, "customer")->idx, 0);
}

/* The last lane cannot go; nor can a foreign one. */
static void test_lane_delete_refused(void **state)
{
	fx *f = *state;
	sbp_lane *foreign = lane_new("app", "x", ZONE_ONSTAGE);
	fx_refused(f, edit_lane_delete(&f->h, foreign));
	lane_free(foreign);
	const char *ids[] = {"evidence", "customer", "onstage", "app", "backstage"};
	for (size_t i = 0; i < 5; i++)
		assert_true(edit_lane_delete(&f->h, fx_lane(f, ids[i])));
	assert_int_equal(f->bp->lanes.n, 1);
	assert_false(edit_lane_delete(&f->h, fx_lane(f, "support")));
	assert_non_null(strstr(f->h.error, "last lane"));
	assert_int_equal(f->bp->lanes.n, 1);
	for (size_t i = 0; i < 5; i++)
		assert_true(edit_undo(&f->h));
	fx_expect(f, f->yaml0);
}

/* Renaming a lane. */
static void test_lane_rename(void **state)
{
	fx *f = *state;
	assert_true(edit_lane_rename(&f->h, fx_lane(f, "app"), "Hotel app"));
	assert_string_equal(fx_lane(f, "app")->name, "Hotel app");
	assert_string_equal(edit_undo_name(&f->h), "rename lane");
	fx_undo_redo(f);
	assert_true(edit_undo(&f->h));
	fx_refused(f, edit_lane_rename(&f->h, NULL, "x"));
}

/* Moving a lane within its zone; across zones or out of range refused. */
static void test_lane_move(void **state)
{
	fx *f = *state;
	fx_refused(f, edit_lane_move(&f->h, fx_lane(f, "app"), 1));
	fx_refused(f, edit_lane_move(&f->h, fx_lane(f, "app"), 4));
	fx_refused(f, edit_lane_move(&f->h, fx_lane(f, "support"), 0));
	fx_refused(f, edit_lane_move(&f->h, fx_lane(f, "evidence"), 6));
	fx_refused(f, edit_lane_move(&f->h, fx_lane(f, "app"), 9));
	assert_true(edit_lane_move(&f->h, fx_lane(f, "app"), 2));
	expect_lanes(f, "evidence customer app onstage backstage support");
	assert_int_equal(fx_lane(f, "onstage")->idx, 3);
	fx_undo_redo(f);
	assert_true(edit_lane_move(&f->h, fx_lane(f, "app"), 3));
	expect_lanes(f, "evidence customer onstage app backstage support");
	fx_expect(f, f->yaml0);
	assert_true(edit_modified(&f->h));
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(test_column_insert), T(test_column_insert_refused),
		T(test_column_delete), T(test_column_delete_refused),
		T(test_column_rename_phase), T(test_column_move),
		T(test_lane_insert), T(test_lane_insert_refused),
		T(test_lane_insert_auto), T(test_lane_delete),
		T(test_lane_delete_refused), T(test_lane_rename), T(test_lane_move),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
