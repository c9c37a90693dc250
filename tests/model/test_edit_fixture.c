/* The blueprint the edit tests start from: every kind of object and most
 * optional fields, so that a byte-equal YAML comparison covers the whole
 * model. */
#include "test_edit_fixture.h"

/* Add a step with text and optional standard. */
static sbp_step *add_step(sbp_blueprint *bp, const char *id, const char *lane,
			  const char *col, const char *text, const char *std)
{
	sbp_step *s = step_new(id, blueprint_lane(bp, lane),
			       blueprint_column(bp, col), text);
	if (std)
		VEC_PUSH(s->stds, blueprint_standard(bp, std));
	blueprint_insert_step(bp, (size_t)-1, s);
	return s;
}

/* Add a flow between two step ids. */
static void add_flow(sbp_blueprint *bp, const char *from, const char *to,
		     const char *label)
{
	blueprint_insert_flow(bp, (size_t)-1,
			      flow_new(blueprint_step(bp, from),
				       blueprint_step(bp, to), label));
}

sbp_blueprint *fx_blueprint(void)
{
	sbp_blueprint *bp = blueprint_new();
	set_string(&bp->title, "Overnight hotel stay");
	blueprint_insert_column(bp, (size_t)-1, column_new("c1", "Arrive", "Arrival"));
	blueprint_insert_column(bp, (size_t)-1, column_new("c2", "Check in", "Arrival"));
	blueprint_insert_column(bp, (size_t)-1, column_new("c3", "Stay", NULL));
	blueprint_add_default_lanes(bp);
	blueprint_insert_lane(bp, 3, lane_new("app", "Mobile app", ZONE_ONSTAGE));

	sbp_standard *g = standard_new("greet", "Greet within 30 s", STD_HARD);
	set_string(&g->measure, "seconds to greeting");
	set_string(&g->target, "95%");
	g->dimension = DIM_RESPONSIVENESS;
	g->weight = 10;
	g->goal = 95;
	g->better = BETTER_HIGHER;
	g->actual = 91;
	extras_add(&g->extras, "x-owner", node_str("ops"), (sbp_pos){0, 0});
	blueprint_insert_standard(bp, (size_t)-1, g);
	sbp_standard *e = standard_new("empathy", "Show understanding", STD_SOFT);
	set_string(&e->feedback, "survey");
	blueprint_insert_standard(bp, (size_t)-1, e);

	add_step(bp, "arrive", "customer", "c1", "Arrive at hotel", NULL);
	sbp_step *greet = add_step(bp, "greet", "onstage", "c1", "Greet guest", "greet");
	VEC_PUSH(greet->stds, e);
	set_string(&step_more(greet)->notes, "Doorman or desk");
	sbp_step *reg = add_step(bp, "register", "onstage", "c2", "Check guest in", "empathy");
	reg->duration = 4;
	reg->wait = wait_new("Queue at the desk");
	reg->wait->expected = 3;
	reg->wait->tolerable = 8;
	reg->fail = fail_new("Reservation not found");
	reg->fail->severity = 4;
	set_string(&reg->fail->recovery, "Upgrade");
	sbp_step *key = add_step(bp, "key", "app", "c2", "Send digital key", NULL);
	key->encounter = MARK_NO;
	extras_add(&step_more(key)->extras, "x-persona", node_str("traveller"), (sbp_pos){0, 0});
	add_step(bp, "lookup", "backstage", "c2", "Look up booking", NULL);
	add_step(bp, "pms", "support", "c3", "Property system", NULL);

	add_flow(bp, "arrive", "greet", NULL);
	add_flow(bp, "greet", "register", "escorts");
	add_flow(bp, "register", "lookup", NULL);
	add_flow(bp, "lookup", "pms", NULL);
	return bp;
}

char *fx_yaml(const sbp_blueprint *bp)
{
	sbp_buf b;
	buf_init(&b);
	sbp_save_yaml(bp, &b);
	return buf_steal(&b);
}

int fx_setup(void **state)
{
	fx *f = calloc(1, sizeof *f);
	f->bp = fx_blueprint();
	edit_init(&f->h, f->bp);
	f->yaml0 = fx_yaml(f->bp);
	*state = f;
	return 0;
}

int fx_teardown(void **state)
{
	fx *f = *state;
	fx_invariants(f->bp);
	edit_free(&f->h);
	blueprint_free(f->bp);
	free(f->yaml0);
	free(f);
	return 0;
}

void fx_invariants(const sbp_blueprint *bp)
{
	for (size_t i = 0; i < bp->lanes.n; i++) {
		assert_int_equal(bp->lanes.items[i]->idx, i);
		assert_ptr_equal(blueprint_lane(bp, bp->lanes.items[i]->id),
				 bp->lanes.items[i]);
	}
	for (size_t i = 0; i < bp->columns.n; i++) {
		assert_int_equal(bp->columns.items[i]->idx, i);
		assert_ptr_equal(blueprint_column(bp, bp->columns.items[i]->id),
				 bp->columns.items[i]);
	}
	for (size_t i = 0; i < bp->standards.n; i++)
		assert_ptr_equal(blueprint_standard(bp, bp->standards.items[i]->id),
				 bp->standards.items[i]);
	assert_int_equal(bp->step_ids.count, bp->steps.n);
	assert_int_equal(bp->lane_ids.count, bp->lanes.n);
	assert_int_equal(bp->column_ids.count, bp->columns.n);
	assert_int_equal(bp->standard_ids.count, bp->standards.n);
	for (size_t i = 0; i < bp->steps.n; i++) {
		const sbp_step *s = bp->steps.items[i];
		assert_ptr_equal(blueprint_step(bp, s->id), s);
		assert_int_not_equal(blueprint_lane_index(bp, s->lane), (size_t)-1);
		assert_int_not_equal(blueprint_column_index(bp, s->column), (size_t)-1);
		for (size_t j = 0; j < s->stds.n; j++)
			assert_ptr_equal(blueprint_standard(bp, s->stds.items[j]->id),
					 s->stds.items[j]);
	}
	for (size_t i = 0; i < bp->flows.n; i++) {
		const sbp_flow *fl = bp->flows.items[i];
		assert_ptr_equal(blueprint_step(bp, fl->from->id), fl->from);
		assert_ptr_equal(blueprint_step(bp, fl->to->id), fl->to);
	}
}

void fx_expect(fx *f, const char *want)
{
	char *got = fx_yaml(f->bp);
	fx_invariants(f->bp);
	assert_string_equal(got, want);
	free(got);
}

void fx_undo_redo(fx *f)
{
	char *done = fx_yaml(f->bp);
	fx_invariants(f->bp);
	assert_string_not_equal(done, f->yaml0);
	for (int round = 0; round < 2; round++) {
		assert_true(edit_undo(&f->h));
		fx_expect(f, f->yaml0);
		assert_true(edit_redo(&f->h));
		fx_expect(f, done);
	}
	free(done);
}

void fx_refused(fx *f, bool ok)
{
	assert_false(ok);
	assert_true(f->h.error[0] != '\0');
	assert_null(edit_undo_name(&f->h));
	assert_false(edit_modified(&f->h));
	fx_expect(f, f->yaml0);
}

sbp_step *fx_step(fx *f, const char *id)
{
	return blueprint_step(f->bp, id);
}

sbp_lane *fx_lane(fx *f, const char *id)
{
	return blueprint_lane(f->bp, id);
}

sbp_column *fx_col(fx *f, const char *id)
{
	return blueprint_column(f->bp, id);
}

sbp_standard *fx_std(fx *f, const char *id)
{
	return blueprint_standard(f->bp, id);
}

sbp_flow *fx_flow(fx *f, const char *from, const char *to)
{
	for (size_t i = 0; i < f->bp->flows.n; i++) {
		sbp_flow *fl = f->bp->flows.items[i];
		if (strcmp(fl->from->id, from) == 0 && strcmp(fl->to->id, to) == 0)
			return fl;
	}
	return NULL;
}
