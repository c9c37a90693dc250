/* Random edit sequences (fixed seeds): undoing all of them gives the
 * original YAML byte for byte and redoing all gives the final one, with
 * every state in between matching too; and every kind of edit on a
 * blueprint of 100,000 steps. */

#include "test_edit_fixture.h"

#define EDITS 50

/* A small deterministic generator (same numbers on every libc). */
static unsigned rnd(unsigned *seed, unsigned n)
{
	*seed = *seed * 1103515245u + 12345u;
	return ((*seed >> 16) & 0x7fff) % n;
}

/* A random object of an array, or NULL when it is empty. */
#define PICK(seed, vec) ((vec).n ? (vec).items[rnd(seed, (unsigned)(vec).n)] : NULL)

/* Try one random edit (it may be refused); true when it was made. */
static bool random_edit(fx *f, unsigned *seed)
{
	edit_history *h = &f->h;
	sbp_blueprint *bp = f->bp;
	sbp_step *s = PICK(seed, bp->steps), *t = PICK(seed, bp->steps);
	sbp_lane *l = PICK(seed, bp->lanes);
	sbp_column *c = PICK(seed, bp->columns);
	sbp_standard *d = PICK(seed, bp->standards);
	sbp_flow *fl = PICK(seed, bp->flows);
	char text[32];
	snprintf(text, sizeof text, "text %u", rnd(seed, 1000));
	switch (rnd(seed, 26)) {
	case 0: case 1: return edit_step_add(h, l, c, NULL, text, NULL);
	case 2: return edit_step_delete(h, s);
	case 3: return edit_step_text(h, s, text);
	case 4: return edit_step_notes(h, s, rnd(seed, 2) ? text : NULL);
	case 5: return edit_step_duration(h, s, rnd(seed, 3) ? rnd(seed, 60) : NAN);
	case 6: return edit_step_encounter(h, s, (sbp_mark)rnd(seed, 3));
	case 7: return edit_step_move(h, s, l, c);
	case 8: {
		sbp_fail *fp = rnd(seed, 3) ? fail_new(text) : NULL;
		if (fp)
			fp->severity = (int)rnd(seed, 6);
		bool ok = edit_step_fail(h, s, fp);
		fail_free(fp);
		return ok;
	}
	case 9: {
		sbp_wait *w = rnd(seed, 3) ? wait_new(text) : NULL;
		if (w)
			w->tolerable = rnd(seed, 20);
		bool ok = edit_step_wait(h, s, w);
		wait_free(w);
		return ok;
	}
	case 10: case 11: return edit_step_attach(h, s, d);
	case 12: return edit_step_detach(h, s, d);
	case 13: case 14: return edit_flow_add(h, s, t, rnd(seed, 2) ? text : NULL, NULL);
	case 15: return edit_flow_delete(h, fl);
	case 16: return edit_flow_label(h, fl, text);
	case 17: return edit_column_insert(h, rnd(seed, (unsigned)bp->columns.n + 1),
					   NULL, text, rnd(seed, 2) ? "P" : NULL, NULL);
	case 18: return rnd(seed, 2) && edit_column_delete(h, c);
	case 19: return edit_column_move(h, c, rnd(seed, (unsigned)bp->columns.n));
	case 20: return edit_lane_insert_auto(h, NULL, text, (sbp_zone)rnd(seed, 5), NULL);
	case 21: return rnd(seed, 2) && edit_lane_delete(h, l);
	case 22: return edit_lane_move(h, l, rnd(seed, (unsigned)bp->lanes.n));
	case 23: {
		sbp_standard *p = standard_new("x", text, (sbp_std_kind)rnd(seed, 2));
		p->goal = rnd(seed, 100);
		free(p->id);
		p->id = NULL;
		bool ok = d && rnd(seed, 2) ? edit_standard_update(h, d, p)
					    : edit_standard_add(h, p, NULL);
		standard_free(p);
		return ok;
	}
	case 24: return rnd(seed, 2) && edit_standard_delete(h, d);
	default: return edit_title(h, text);
	}
}

/* What a watcher of the history has seen: the steps and flows it counts
 * from the events alone, and the change it waits to hear "after" of. */
typedef struct watch_log {
	sbp_blueprint *bp;
	size_t steps, flows, events;
	edit_event pending;
	bool waiting;
} watch_log;

/* Is obj (of kind) at index idx of its array in bp? */
static bool at_index(const sbp_blueprint *bp, edit_obj kind, const void *obj,
		     size_t idx)
{
	switch (kind) {
	case EDIT_LANE: return idx < bp->lanes.n && bp->lanes.items[idx] == obj;
	case EDIT_COLUMN: return idx < bp->columns.n && bp->columns.items[idx] == obj;
	case EDIT_STANDARD: return idx < bp->standards.n && bp->standards.items[idx] == obj;
	case EDIT_STEP: return idx < bp->steps.n && bp->steps.items[idx] == obj;
	case EDIT_FLOW: return idx < bp->flows.n && bp->flows.items[idx] == obj;
	case EDIT_BLUEPRINT: return obj == bp;
	case EDIT_MEASUREMENT:
		return idx < bp->measurements.n && bp->measurements.items[idx] == obj;
	}
	return false;
}

/* Is obj in bp at all? */
static bool present(const sbp_blueprint *bp, edit_obj kind, const void *obj)
{
	size_t n = kind == EDIT_LANE ? bp->lanes.n : kind == EDIT_COLUMN ? bp->columns.n
		 : kind == EDIT_STANDARD ? bp->standards.n : kind == EDIT_STEP ? bp->steps.n
		 : kind == EDIT_FLOW ? bp->flows.n : 1;
	for (size_t i = 0; i < n; i++)
		if (at_index(bp, kind, obj, i))
			return true;
	return false;
}

/* The watcher: every event is where and when it says. */
static void watch_check(void *ctx, const edit_event *ev)
{
	watch_log *w = ctx;
	const sbp_blueprint *bp = w->bp;
	w->events++;
	assert_true(ev->nth < ev->batch);
	if (ev->batch == 1) {
		if (!ev->after) {
			assert_false(w->waiting);
			w->pending = *ev;
			w->waiting = true;
		} else {
			assert_true(w->waiting);
			assert_int_equal(w->pending.change, ev->change);
			assert_int_equal(w->pending.kind, ev->kind);
			w->waiting = false;
		}
	}
	switch (ev->change) {
	case EDIT_INSERT:
		assert_true(ev->after ? at_index(bp, ev->kind, ev->obj, ev->idx)
				      : !present(bp, ev->kind, ev->obj));
		break;
	case EDIT_REMOVE:
		assert_true(!ev->after ? at_index(bp, ev->kind, ev->obj, ev->idx)
				       : !present(bp, ev->kind, ev->obj));
		break;
	case EDIT_MODIFY:
		assert_true(present(bp, ev->kind, ev->obj));
		break;
	case EDIT_MOVE:
		if (ev->after)
			assert_true(at_index(bp, ev->kind, ev->obj, ev->idx));
		break;
	}
	if (ev->after && (ev->change == EDIT_INSERT || ev->change == EDIT_REMOVE)) {
		size_t *n = ev->kind == EDIT_STEP ? &w->steps
			  : ev->kind == EDIT_FLOW ? &w->flows : NULL;
		if (n)
			*n = ev->change == EDIT_INSERT ? *n + 1 : *n - 1;
	}
	if (ev->after && ev->nth + 1 == ev->batch) {
		assert_int_equal(w->steps, bp->steps.n);
		assert_int_equal(w->flows, bp->flows.n);
	}
}

/* Make EDITS random edits from seed, some in groups; then undo all and
 * redo all, comparing every state with the one recorded on the way. A
 * watcher checks every change it is told of. */
static void run_seed(unsigned seed)
{
	fx *f;
	fx_setup((void **)&f);
	watch_log w = { f->bp, f->bp->steps.n, f->bp->flows.n, 0, {0}, false };
	edit_watch(&f->h, watch_check, &w);
	char *states[EDITS + 1];
	states[0] = fx_yaml(f->bp);
	for (int i = 1; i <= EDITS; i++) {
		bool group = rnd(&seed, 5) == 0;
		size_t before = f->h.pos;
		if (group)
			edit_begin(&f->h, "random group");
		size_t goal = f->h.changes + (group ? 3 : 1);
		while (f->h.changes < goal)
			random_edit(f, &seed);
		if (group)
			edit_end(&f->h);
		assert_int_equal(f->h.pos, before + 1);
		fx_invariants(f->bp);
		states[i] = fx_yaml(f->bp);
	}
	for (int i = EDITS; i > 0; i--) {
		assert_true(edit_undo(&f->h));
		fx_expect(f, states[i - 1]);
	}
	assert_false(edit_undo(&f->h));
	assert_string_equal(states[0], f->yaml0);
	for (int i = 1; i <= EDITS; i++) {
		assert_true(edit_redo(&f->h));
		fx_expect(f, states[i]);
	}
	assert_false(edit_redo(&f->h));
	for (int i = 0; i < EDITS / 2; i++)
		assert_true(edit_undo(&f->h));
	assert_true(w.events > 3 * EDITS);
	assert_false(w.waiting);
	for (int i = 0; i <= EDITS; i++)
		free(states[i]);
	fx_teardown((void **)&f);
}

/* 50 random edits, 50 undos, 50 redos, for the fixed seed. */
static void test_random_fixed_seed(void **state)
{
	(void)state;
	run_seed(20240611u);
}

/* The same for a few more seeds. */
static void test_random_more_seeds(void **state)
{
	(void)state;
	for (unsigned seed = 1; seed <= 40; seed++)
		run_seed(seed);
}

/* A blueprint of 100 columns x 5 lanes with 100,000 steps, each step
 * with a flow to the next one. */
static sbp_blueprint *big_blueprint(void)
{
	sbp_blueprint *bp = blueprint_new();
	blueprint_add_default_lanes(bp);
	char id[32];
	for (int c = 0; c < 100; c++) {
		snprintf(id, sizeof id, "c%d", c);
		blueprint_insert_column(bp, (size_t)-1, column_new(id, id, NULL));
	}
	blueprint_insert_standard(bp, (size_t)-1, standard_new("std", "S", STD_HARD));
	for (int i = 0; i < 100000; i++) {
		snprintf(id, sizeof id, "s%d", i);
		sbp_step *s = step_new(id, bp->lanes.items[i % 5],
				       bp->columns.items[i / 1000], "text");
		blueprint_insert_step(bp, (size_t)-1, s);
		if (i > 0)
			blueprint_insert_flow(bp, (size_t)-1,
					      flow_new(bp->steps.items[i - 1], s, NULL));
	}
	return bp;
}

/* Make edit number k of the speed test on bp. */
static bool big_edit(edit_history *h, sbp_blueprint *bp, int k)
{
	sbp_step *mid = bp->steps.items[50000];
	switch (k) {
	case 0: return edit_step_add(h, bp->lanes.items[2], bp->columns.items[3],
				     NULL, "new", NULL);
	case 1: return edit_step_text(h, mid, "changed");
	case 2: return edit_flow_add(h, mid, bp->steps.items[7], NULL, NULL);
	case 3: return edit_step_attach(h, mid, bp->standards.items[0]);
	case 4: return edit_step_move(h, mid, bp->lanes.items[0], bp->columns.items[0]);
	case 5: return edit_flow_delete(h, bp->flows.items[40000]);
	case 6: return edit_step_delete(h, bp->steps.items[70000]);
	case 7: return edit_column_insert(h, 10, NULL, "x", NULL, NULL);
	case 8: return edit_lane_insert_auto(h, NULL, "x", ZONE_ONSTAGE, NULL);
	case 9: return edit_standard_delete(h, bp->standards.items[0]);
	case 10: return edit_column_delete(h, bp->columns.items[60]); /* bulk */
	default: return edit_lane_delete(h, bp->lanes.items[4]);      /* bulk */
	}
}

/* Every kind of edit, its undo and its redo, at 100,000 steps, leave the
 * blueprint consistent, and undoing all of them gives it back. (How long
 * they take is the benchmark's business: bench/run, CPU per edit.) */
static void test_big_blueprint_edits(void **state)
{
	(void)state;
	sbp_blueprint *bp = big_blueprint();
	edit_history h;
	edit_init(&h, bp);
	for (int k = 0; k < 12; k++) {
		assert_true(big_edit(&h, bp, k));
		assert_true(edit_undo(&h));
		assert_true(edit_redo(&h));
	}
	fx_invariants(bp);
	assert_int_equal(bp->steps.n, 100000 + 1 - 1 - 1000 - 19800);
	while (edit_undo(&h))
		;
	assert_int_equal(bp->steps.n, 100000);
	assert_int_equal(bp->flows.n, 99999);
	fx_invariants(bp);
	edit_free(&h);
	blueprint_free(bp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_fixed_seed),
		cmocka_unit_test(test_random_more_seeds),
		cmocka_unit_test(test_big_blueprint_edits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
