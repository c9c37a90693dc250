/* Tests of the standards catalog edits (add, update, delete of a standard
 * in use) and of the blueprint's title and description. */
#include "test_edit_fixture.h"

/* A prototype standard with every field set. */
static sbp_standard *full_proto(const char *id)
{
	sbp_standard *p = standard_new(id, "Answer within 3 rings", STD_HARD);
	set_string(&p->measure, "rings");
	set_string(&p->target, "3");
	set_string(&p->feedback, "call log");
	p->dimension = DIM_RELIABILITY;
	p->weight = 2;
	p->goal = 90;
	p->better = BETTER_LOWER;
	p->actual = 80;
	extras_add(&p->extras, "x-team", node_str("phones"), (sbp_pos){0, 0});
	return p;
}

/* Adding a standard appends a copy of the prototype, extras included. */
static void test_standard_add(void **state)
{
	fx *f = *state;
	sbp_standard *p = full_proto("rings"), *s = NULL;
	assert_true(edit_standard_add(&f->h, p, &s));
	assert_ptr_not_equal(s, p);
	assert_ptr_equal(fx_std(f, "rings"), s);
	assert_ptr_equal(f->bp->standards.items[2], s);
	assert_string_equal(s->measure, "rings");
	assert_int_equal(s->dimension, DIM_RELIABILITY);
	assert_int_equal(s->better, BETTER_LOWER);
	assert_true(s->actual == 80);
	assert_int_equal(s->extras.n, 1);
	assert_string_equal(edit_undo_name(&f->h), "add standard");
	fx_undo_redo(f);
	standard_free(p);
}

/* Without an id the standard gets a fresh std-N. */
static void test_standard_add_fresh_id(void **state)
{
	fx *f = *state;
	sbp_standard *p = standard_new("x", "Clean rooms", STD_SOFT), *s = NULL;
	free(p->id);
	p->id = NULL;
	assert_true(edit_standard_add(&f->h, p, &s));
	assert_string_equal(s->id, "std-3");
	assert_string_equal(s->name, "Clean rooms");
	assert_true(isnan(s->weight));
	standard_free(p);
	fx_invariants(f->bp);
}

/* Used and bad ids, bad enumerations and no prototype are refused. */
static void test_standard_add_refused(void **state)
{
	fx *f = *state;
	sbp_standard *p = full_proto("greet");
	fx_refused(f, edit_standard_add(&f->h, p, NULL));
	set_string(&p->id, "two words");
	fx_refused(f, edit_standard_add(&f->h, p, NULL));
	set_string(&p->id, "fine");
	p->kind = (sbp_std_kind)5;
	fx_refused(f, edit_standard_add(&f->h, p, NULL));
	p->kind = STD_SOFT;
	p->dimension = DIM_COUNT;
	fx_refused(f, edit_standard_add(&f->h, p, NULL));
	p->dimension = DIM_NONE;
	p->better = (sbp_better)3;
	fx_refused(f, edit_standard_add(&f->h, p, NULL));
	fx_refused(f, edit_standard_add(&f->h, NULL, NULL));
	standard_free(p);
}

/* Update copies every field but the id; extras stay as they were. */
static void test_standard_update(void **state)
{
	fx *f = *state;
	sbp_standard *s = fx_std(f, "greet");
	sbp_standard *p = standard_new("other", "Greet warmly", STD_SOFT);
	set_string(&p->feedback, "mystery shopper");
	p->goal = 4;
	p->better = BETTER_UNSET;
	p->dimension = DIM_EMPATHY;
	assert_true(edit_standard_update(&f->h, s, p));
	assert_string_equal(s->id, "greet");
	assert_string_equal(s->name, "Greet warmly");
	assert_int_equal(s->kind, STD_SOFT);
	assert_null(s->measure);
	assert_null(s->target);
	assert_string_equal(s->feedback, "mystery shopper");
	assert_int_equal(s->dimension, DIM_EMPATHY);
	assert_true(isnan(s->weight));
	assert_true(s->goal == 4);
	assert_int_equal(s->better, BETTER_UNSET);
	assert_true(isnan(s->actual));
	assert_int_equal(s->extras.n, 1);
	assert_string_equal(s->extras.items[0].key, "x-owner");
	assert_string_equal(edit_undo_name(&f->h), "update standard");
	fx_undo_redo(f);
	assert_true(edit_undo(&f->h));
	assert_true(edit_standard_update(&f->h, fx_std(f, "empathy"), fx_std(f, "empathy")));
	assert_null(edit_undo_name(&f->h));
	standard_free(p);
}

/* Update refuses a foreign standard and a bad prototype. */
static void test_standard_update_refused(void **state)
{
	fx *f = *state;
	sbp_standard *p = full_proto("greet");
	fx_refused(f, edit_standard_update(&f->h, p, p));
	fx_refused(f, edit_standard_update(&f->h, NULL, p));
	fx_refused(f, edit_standard_update(&f->h, fx_std(f, "greet"), NULL));
	p->dimension = (sbp_dimension)-1;
	fx_refused(f, edit_standard_update(&f->h, fx_std(f, "greet"), p));
	standard_free(p);
}

/* Deleting a standard in use detaches it from every step first; undo
 * restores it and every reference at its index. */
static void test_standard_delete_in_use(void **state)
{
	fx *f = *state;
	sbp_standard *e = fx_std(f, "empathy");
	sbp_step *greet = fx_step(f, "greet"), *reg = fx_step(f, "register");
	assert_int_equal(edit_standard_uses(f->bp, e), 2);
	assert_true(edit_standard_delete(&f->h, e));
	assert_null(fx_std(f, "empathy"));
	assert_int_equal(f->bp->standards.n, 1);
	assert_int_equal(greet->stds.n, 1);
	assert_int_equal(reg->stds.n, 0);
	assert_string_equal(edit_undo_name(&f->h), "delete standard");
	fx_undo_redo(f);
	assert_true(edit_undo(&f->h));
	assert_ptr_equal(fx_std(f, "empathy"), e);
	assert_ptr_equal(greet->stds.items[1], e);
	assert_ptr_equal(reg->stds.items[0], e);
	assert_int_equal(edit_standard_uses(f->bp, e), 2);
}

/* Deleting the first standard, unused; foreign and NULL refused. */
static void test_standard_delete(void **state)
{
	fx *f = *state;
	sbp_standard *foreign = standard_new("greet", "x", STD_HARD);
	fx_refused(f, edit_standard_delete(&f->h, foreign));
	fx_refused(f, edit_standard_delete(&f->h, NULL));
	assert_int_equal(edit_standard_uses(f->bp, foreign), 0);
	standard_free(foreign);
	sbp_standard *g = fx_std(f, "greet");
	assert_true(edit_step_detach(&f->h, fx_step(f, "greet"), g));
	assert_int_equal(edit_standard_uses(f->bp, g), 0);
	assert_true(edit_standard_delete(&f->h, g));
	assert_ptr_equal(f->bp->standards.items[0], fx_std(f, "empathy"));
	assert_true(edit_undo(&f->h));
	assert_ptr_equal(f->bp->standards.items[0], g);
	assert_true(edit_undo(&f->h));
	fx_expect(f, f->yaml0);
	assert_true(edit_redo(&f->h));
	assert_true(edit_redo(&f->h));
	assert_int_equal(f->bp->standards.n, 1);
	assert_null(fx_std(f, "greet"));
}

/* Title and description: set, change, clear. */
static void test_title_description(void **state)
{
	fx *f = *state;
	assert_true(edit_title(&f->h, "Hotel stay"));
	assert_string_equal(f->bp->title, "Hotel stay");
	assert_string_equal(edit_undo_name(&f->h), "change title");
	fx_undo_redo(f);
	assert_true(edit_description(&f->h, "Business traveller"));
	assert_string_equal(f->bp->description, "Business traveller");
	assert_true(edit_title(&f->h, NULL));
	assert_null(f->bp->title);
	assert_true(edit_description(&f->h, NULL));
	assert_null(f->bp->description);
	for (int i = 0; i < 4; i++)
		assert_true(edit_undo(&f->h));
	fx_expect(f, f->yaml0);
	assert_true(edit_redo(&f->h));
	assert_true(edit_redo(&f->h));
	assert_string_equal(f->bp->description, "Business traveller");
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(test_standard_add), T(test_standard_add_fresh_id),
		T(test_standard_add_refused), T(test_standard_update),
		T(test_standard_update_refused), T(test_standard_delete_in_use),
		T(test_standard_delete), T(test_title_description),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
