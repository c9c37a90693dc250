/* Live re-check: after every edit, undo and redo of long random
 * sequences (fixed seeds), the grid, the status-line counts, n/N, the
 * problems panel and the saved file the editor keeps up to date edit by
 * edit must equal what a rebuild from scratch gives, and no rebuild may
 * have happened behind the test's back. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "sbp/check.h"
#include "sbp/io.h"

/* A small deterministic generator (same numbers on every libc). */
static unsigned rnd(unsigned *seed, unsigned n)
{
	*seed = *seed * 1103515245u + 12345u;
	return ((*seed >> 16) & 0x7fff) % n;
}

#define PICK(seed, vec) ((vec).n ? (vec).items[rnd(seed, (unsigned)(vec).n)] : NULL)

static const char *const lane_ids[] = {
	"evidence", "customer", "desk", "app", "back", "systems",
};

/* A blueprint of 7 columns and 6 lanes (two onstage): stacks of several
 * steps, one cell of 20 (its removal is a bulk change), flows within and
 * across columns, fail and wait points, standards and an unknown key. */
static char *live_yaml(unsigned seed)
{
	sbp_buf y;
	buf_init(&y);
	buf_puts(&y, "sbp: 1\ntitle: Live\ncolumns:\n");
	for (int c = 0; c < 7; c++)
		buf_printf(&y, "  - {id: c%d, name: Col %d, phase: P%d}\n", c, c, c / 3);
	buf_puts(&y, "lanes:\n"
		     "  - {id: evidence, name: Evidence, zone: evidence}\n"
		     "  - {id: customer, name: Customer, zone: customer}\n"
		     "  - {id: desk, name: Desk, zone: onstage}\n"
		     "  - {id: app, name: App, zone: onstage}\n"
		     "  - {id: back, name: Back, zone: backstage}\n"
		     "  - {id: systems, name: Systems, zone: support}\n"
		     "standards:\n"
		     "  - {id: s1, name: Fast, kind: hard, measure: s, target: 30}\n"
		     "  - {id: s2, name: Kind, kind: soft}\n"
		     "  - {id: s3, name: Right, kind: hard, goal: 90, actual: 80}\n"
		     "steps:\n");
	int n = 0;
	for (int i = 0; i < 40; i++, n++) {
		buf_printf(&y, "  - {id: t%d, lane: %s, column: c%u, text: Step %d", n,
			   lane_ids[rnd(&seed, 6)], rnd(&seed, 6), n);
		switch (rnd(&seed, 6)) {
		case 0: buf_puts(&y, ", standards: [s1]"); break;
		case 1: buf_puts(&y, ", encounter: true"); break;
		case 2: buf_puts(&y, ", fail: {text: Lost}"); break;
		case 3: buf_puts(&y, ", wait: {text: Queue, expected: 5}"); break;
		case 4: buf_puts(&y, ", x-owner: me, colour: red"); break;
		default: break;
		}
		buf_puts(&y, "}\n");
	}
	for (int i = 0; i < 20; i++, n++)
		buf_printf(&y, "  - {id: t%d, lane: desk, column: c6, text: Pile %d}\n", n, i);
	for (int i = 0; i < 8; i++)
		buf_printf(&y, "  - {id: h%d, lane: customer, column: c%d, text: Hand %d}\n"
			       "  - {id: k%d, lane: back, column: c%d, text: Take %d}\n",
			   i, i % 6, i, i, (i + 1) % 6, i);
	buf_puts(&y, "flows:\n");
	for (int i = 0; i < 30; i++) {
		unsigned a = rnd(&seed, (unsigned)n), b = rnd(&seed, (unsigned)n);
		if (a == b)
			continue;
		buf_printf(&y, "  - {from: t%u, to: t%u}\n", a, b);
	}
	for (int i = 40; i + 1 < 60; i += 3)
		buf_printf(&y, "  - {from: t%d, to: t%d}\n", i, i + 1);
	/* customer steps handing over to the backstage (bypassed-interaction) */
	for (int i = 0; i < 8; i++)
		buf_printf(&y, "  - {from: h%d, to: k%d}\n", i, i);
	return buf_steal(&y);
}

/* The serial of the history state the blueprint is in. */
static size_t state_key(const editor *ed)
{
	const edit_history *h = &ed->hist;
	return h->pos > 0 ? h->groups.items[h->pos - 1]->serial : 0;
}

/* The counts must be what check_summary finds, for the current state. */
static void expect_summary(editor *ed)
{
	sbp_summary want;
	check_summary(ed->bp, &want);
	const sbp_summary *got = &ed->sum;
	assert_int_equal(got->steps, want.steps);
	assert_int_equal(got->encounters, want.encounters);
	assert_int_equal(got->unstandardized, want.unstandardized);
	assert_int_equal(got->fail_points, want.fail_points);
	assert_int_equal(got->wait_points, want.wait_points);
	assert_int_equal(got->standards, want.standards);
	assert_true(got->coverage == want.coverage);
	assert_true(ed->sum_valid);
	assert_int_equal(ed->sum_key, state_key(ed));
}

/* The grid must be the one a rebuild makes. */
static void expect_grid(editor *ed)
{
	ed_grid fresh;
	grid_init(&fresh);
	grid_build(&fresh, ed->bp);
	bool same = grid_equal(&ed->grid, &fresh);
	if (!same)
		print_error("grid differs: height %zu/%zu conns %zu/%zu\n",
			    ed->grid.height, fresh.height, ed->grid.nconns,
			    fresh.nconns);
	grid_free(&fresh);
	assert_true(same);
}

/* Position of s in bp->steps. */
static size_t file_index(const sbp_blueprint *bp, const sbp_step *s)
{
	for (size_t i = 0; i < bp->steps.n; i++)
		if (bp->steps.items[i] == s)
			return i;
	fail_msg("step %s is not in the blueprint", s->id);
	return 0;
}

/* Where a step stands in the order n walks: column, lane, file order. */
static long long walk_key(const sbp_blueprint *bp, const sbp_step *s)
{
	return ((long long)s->column->idx * 64 + (long long)s->lane->idx) *
		       1000000 + (long long)file_index(bp, s);
}

/* n (dir 1) or N (dir -1) must select the flagged step a walk over the
 * blueprint itself finds, independently of the grid. */
static void expect_next(editor *ed, int dir)
{
	const sbp_blueprint *bp = ed->bp;
	editor_summary(ed); /* the selection clamped to its cell, as a key does */
	sbp_step *cur = editor_step(ed);
	long long here = cur ? walk_key(bp, cur)
			     : ((long long)ed->col * 64 + (long long)ed->lane) *
					       1000000 - 1;
	const sbp_step *best = NULL, *wrap = NULL;
	long long best_k = 0, wrap_k = 0;
	for (size_t i = 0; i < bp->steps.n; i++) {
		const sbp_step *s = bp->steps.items[i];
		if (!(step_is_flagged(s)))
			continue;
		long long k = walk_key(bp, s);
		if ((dir > 0 ? k > here : k < here) &&
		    (!best || (dir > 0 ? k < best_k : k > best_k))) {
			best = s;
			best_k = k;
		}
		if (!wrap || (dir > 0 ? k < wrap_k : k > wrap_k)) {
			wrap = s;
			wrap_k = k;
		}
	}
	if (!best)
		best = wrap;
	editor_feed(ed, dir > 0 ? "n" : "N");
	if (!best) {
		assert_ptr_equal(editor_step(ed), cur);
		return;
	}
	assert_non_null(editor_step(ed));
	if (strcmp(editor_step(ed)->id, best->id) != 0)
		print_error("dir %d from %s (lane %zu col %zu idx %zu): got %s want %s\n",
			    dir, cur ? cur->id : "-", cur ? cur->lane->idx : 0,
			    cur ? cur->column->idx : 0, ed->idx, editor_step(ed)->id,
			    best->id);
	assert_string_equal(editor_step(ed)->id, best->id);
}

/* Openings of the problems panel whose findings had followed the edits
 * (not checked again on opening). */
static int live_openings;

/* The problems panel must list what check_blueprint finds, sorted. */
static void expect_problems(editor *ed)
{
	live_openings += ed->findings_live;
	editor_feed(ed, "p");
	assert_int_equal(ed->mode, MODE_PROBLEMS);
	ed_panel p;
	assert_true(editor_panel(ed, &p));
	sbp_diags want;
	diags_init(&want);
	check_blueprint(ed->bp, &want, NULL);
	diags_sort(&want);
	assert_int_equal(p.count, want.n);
	for (size_t i = 0; i < want.n; i++) {
		const sbp_diag *a = &ed->diags.items[i], *b = &want.items[i];
		assert_string_equal(a->rule, b->rule);
		assert_string_equal(a->message, b->message);
		assert_int_equal(a->line, b->line);
		assert_int_equal(a->col, b->col);
		assert_int_equal(a->severity, b->severity);
		assert_true((a->step == NULL) == (b->step == NULL));
		if (a->step)
			assert_string_equal(a->step, b->step);
	}
	diags_free(&want);
	editor_feed(ed, "<Esc>");
	assert_int_equal(ed->mode, MODE_NORMAL);
}

/* Select a random cell (and a step in it, when there is one). */
static void random_select(editor *ed, unsigned *seed)
{
	sbp_step *s = PICK(seed, ed->bp->steps);
	if (s && rnd(seed, 4)) {
		editor_select(ed, s);
		return;
	}
	ed->lane = rnd(seed, (unsigned)ed->bp->lanes.n);
	ed->col = rnd(seed, (unsigned)ed->bp->columns.n);
	ed->idx = 0;
}

/* One random edit through the edit API (it may be refused). */
static void random_api_edit(editor *ed, unsigned *seed)
{
	edit_history *h = &ed->hist;
	sbp_blueprint *bp = ed->bp;
	sbp_step *s = PICK(seed, bp->steps), *t = PICK(seed, bp->steps);
	sbp_lane *l = PICK(seed, bp->lanes);
	sbp_column *c = PICK(seed, bp->columns);
	sbp_standard *d = PICK(seed, bp->standards);
	sbp_flow *fl = PICK(seed, bp->flows);
	char text[32];
	snprintf(text, sizeof text, "text %u", rnd(seed, 1000));
	switch (rnd(seed, 31)) {
	case 0: case 1: case 2: edit_step_add(h, l, c, NULL, text, NULL); break;
	case 3: case 4: edit_step_delete(h, s); break;
	case 5: edit_step_text(h, s, text); break;
	case 6: edit_step_encounter(h, s, (sbp_mark)rnd(seed, 3)); break;
	case 7: case 8: case 9: edit_step_move(h, s, l, c); break;
	case 10: {
		sbp_fail *fp = rnd(seed, 3) ? fail_new(text) : NULL;
		edit_step_fail(h, s, fp);
		fail_free(fp);
		break;
	}
	case 11: {
		sbp_wait *w = rnd(seed, 3) ? wait_new(text) : NULL;
		if (w && rnd(seed, 2))
			w->tolerable = rnd(seed, 20);
		edit_step_wait(h, s, w);
		wait_free(w);
		break;
	}
	case 12: case 13: edit_step_attach(h, s, d); break;
	case 14: edit_step_detach(h, s, d); break;
	case 15: case 16: case 17: edit_flow_add(h, s, t, NULL, NULL); break;
	case 18: edit_flow_delete(h, fl); break;
	case 19: edit_flow_label(h, fl, text); break;
	case 20: edit_column_insert(h, rnd(seed, (unsigned)bp->columns.n + 1), NULL,
				    text, NULL, NULL); break;
	case 21: if (!rnd(seed, 3)) edit_column_delete(h, c); break;
	case 22: edit_column_move(h, c, rnd(seed, (unsigned)bp->columns.n)); break;
	case 23: edit_lane_insert_auto(h, NULL, text, (sbp_zone)rnd(seed, 5), NULL); break;
	case 24: if (!rnd(seed, 3)) edit_lane_delete(h, l); break;
	case 25: edit_lane_move(h, l, rnd(seed, (unsigned)bp->lanes.n)); break;
	case 26: if (!rnd(seed, 3)) edit_standard_delete(h, d); break;
	case 27: {
		sbp_standard *p = standard_new("x", text, (sbp_std_kind)rnd(seed, 2));
		free(p->id);
		p->id = NULL;
		if (rnd(seed, 2))
			p->measure = xstrdup("m");
		bool ok = d && rnd(seed, 2) ? edit_standard_update(h, d, p)
					    : edit_standard_add(h, p, NULL);
		(void)ok;
		standard_free(p);
		break;
	}
	case 28: case 29: {
		/* a customer step's hand-over: moved, or marked an encounter */
		sbp_step *hs = PICK(seed, bp->steps);
		if (hs && hs->lane->zone == ZONE_CUSTOMER)
			edit_step_encounter(h, hs, (sbp_mark)rnd(seed, 3));
		else if (hs)
			edit_step_move(h, hs, bp->lanes.items[rnd(seed, (unsigned)bp->lanes.n)],
				       hs->column);
		break;
	}
	default: {
		/* several edits undone as one */
		edit_begin(h, "group");
		edit_step_add(h, l, c, NULL, text, NULL);
		edit_step_move(h, s, l, c);
		edit_flow_add(h, t, s, "x", NULL);
		edit_end(h);
		break;
	}
	}
}

/* One random action: an edit through the API (checked before any key
 * lets the editor sync) or through keys, undo, redo, several undos. */
static void random_action(editor *ed, unsigned *seed)
{
	switch (rnd(seed, 12)) {
	case 0: editor_feed(ed, "u"); break;
	case 1: editor_feed(ed, "<C-r>"); break;
	case 2: editor_feed(ed, ":undo <Enter> :undo <Enter> :undo <Enter>"); break;
	case 3: editor_feed(ed, ":redo <Enter> <C-r>"); break;
	case 4:
		random_select(ed, seed);
		editor_feed(ed, (const char *[]){ "H", "J", "K", "L" }[rnd(seed, 4)]);
		break;
	case 5:
		random_select(ed, seed);
		editor_feed(ed, ":add <Space> new <Space> step <Enter>");
		break;
	case 6:
		random_select(ed, seed);
		if (editor_step(ed))
			editor_feed(ed, "d");
		break;
	default:
		random_api_edit(ed, seed);
		break;
	}
}

/* Run one seed: every state along the way, and the file at the end. */
static void run_seed(unsigned seed, int actions)
{
	char *yaml = live_yaml(seed);
	fixture *f = fixture_open(yaml);
	editor *ed = f->ed;
	char *start = fixture_yaml_of(ed);
	for (int i = 0; i < actions; i++) {
		random_action(ed, &seed);
		expect_summary(ed);
		expect_grid(ed);
		if (rnd(&seed, 8) == 0)
			expect_next(ed, rnd(&seed, 2) ? 1 : -1);
		if (rnd(&seed, 4) == 0)
			expect_problems(ed);
	}
	expect_problems(ed);
	expect_next(ed, 1);
	expect_next(ed, -1);
	/* the saved file is the blueprint the editor shows */
	char *now = fixture_yaml_of(ed);
	editor_feed(ed, ":w <Enter>");
	assert_false(editor_modified(ed));
	sbp_diags d;
	diags_init(&d);
	sbp_blueprint *back = sbp_load_file(f->path, NULL, &d);
	assert_non_null(back);
	sbp_buf b;
	buf_init(&b);
	sbp_save_yaml(back, &b);
	assert_string_equal(b.data, now);
	buf_free(&b);
	blueprint_free(back);
	diags_free(&d);
	/* undo everything: the start again, with everything in step */
	while (ed->hist.pos > 0) {
		editor_feed(ed, "u");
		expect_summary(ed);
	}
	expect_grid(ed);
	char *undone = fixture_yaml_of(ed);
	assert_string_equal(undone, start);
	free(undone);
	free(now);
	free(start);
	free(yaml);
	fixture_close(f);
}

static void test_random_seeds(void **state)
{
	(void)state;
	for (unsigned seed = 1; seed <= 12; seed++)
		run_seed(seed, 250);
	print_message("%d openings of the problems panel found it up to date\n",
		      live_openings);
	assert_true(live_openings > 200);
}

/* Edits, undo and redo of steps and flows update the grid in place: no
 * rebuild from scratch, yet the same grid as one. */
static void test_no_rebuild_per_edit(void **state)
{
	(void)state;
	char *yaml = live_yaml(7);
	fixture *f = fixture_open(yaml);
	editor *ed = f->ed;
	size_t builds = ed->grid.builds;
	editor_feed(ed, ":goto <Space> t3 <Enter>");
	editor_feed(ed, ":add <Space> one <Enter> u <C-r> J L K H u u");
	editor_feed(ed, ":flow <Space> t1 <Space> t2 <Enter> u <C-r>");
	editor_feed(ed, ":goto <Space> t5 <Enter> d u <C-r> u");
	assert_int_equal(ed->grid.builds, builds);
	expect_grid(ed);
	expect_summary(ed);
	/* a column is a change of shape: one rebuild */
	editor_feed(ed, ":column <Space> New <Enter>");
	assert_int_equal(ed->grid.builds, builds + 1);
	expect_grid(ed);
	/* a bulk removal of 20 steps rebuilds once, not 20 times */
	builds = ed->grid.builds;
	edit_begin(&ed->hist, "pile");
	sbp_column *c6 = blueprint_column(ed->bp, "c6");
	edit_column_delete(&ed->hist, c6);
	edit_end(&ed->hist);
	assert_true(ed->grid.builds - builds <= 3);
	expect_grid(ed);
	expect_summary(ed);
	editor_feed(ed, "u");
	expect_grid(ed);
	expect_summary(ed);
	free(yaml);
	fixture_close(f);
}

/* With the problems panel listed once, edits keep it up to date without
 * a full check: a hand-over marked an encounter loses its
 * bypassed-interaction, a standard nobody uses any more gets its
 * unused-standard, and undo brings both back. */
static void test_problems_follow_edits(void **state)
{
	(void)state;
	char *yaml = live_yaml(3);
	fixture *f = fixture_open(yaml);
	editor *ed = f->ed;
	expect_problems(ed);
	assert_true(ed->findings_live);
	sbp_step *h0 = blueprint_step(ed->bp, "h0");
	assert_true(edit_step_encounter(&ed->hist, h0, MARK_YES));
	assert_true(ed->findings_live);
	expect_problems(ed);
	assert_true(edit_step_move(&ed->hist, h0, blueprint_lane(ed->bp, "desk"),
				   h0->column));
	expect_problems(ed);
	editor_feed(ed, "u u");
	expect_problems(ed);
	for (size_t i = 0; i < ed->bp->steps.n; i++) {
		sbp_step *s = ed->bp->steps.items[i];
		while (s->stds.n)
			assert_true(edit_step_detach(&ed->hist, s, s->stds.items[0]));
	}
	expect_problems(ed);
	editor_feed(ed, ":std <Space> s1 <Enter>");
	expect_problems(ed);
	assert_true(ed->findings_live);
	free(yaml);
	fixture_close(f);
}

/* A pile of 40 steps in one cell with a flow down it (tall stacks are
 * indexed when the grid is built): every connector on the rows of its
 * steps, before and after edits in the pile. */
static void test_tall_stack(void **state)
{
	(void)state;
	sbp_buf y;
	buf_init(&y);
	buf_puts(&y, "sbp: 1\ncolumns:\n  - {id: c1, name: C1}\n  - {id: c2, name: C2}\n"
		     "steps:\n  - {id: top, lane: customer, column: c1, text: Top}\n");
	for (int i = 0; i < 40; i++)
		buf_printf(&y, "  - {id: p%d, lane: onstage, column: c1, text: P%d}\n", i, i);
	buf_puts(&y, "flows:\n  - {from: top, to: p39}\n");
	for (int i = 0; i + 1 < 40; i++)
		buf_printf(&y, "  - {from: p%d, to: p%d}\n", i + 1, i);
	fixture *f = fixture_open(y.data);
	editor *ed = f->ed;
	for (int round = 0; round < 3; round++) {
		const ed_grid *g = &ed->grid;
		size_t same_col = 0;
		for (size_t i = 0; i < ed->bp->flows.n; i++)
			same_col += ed->bp->flows.items[i]->from->column ==
				    ed->bp->flows.items[i]->to->column;
		assert_int_equal(g->nconns, same_col);
		assert_true(same_col > 30);
		for (size_t i = 0; i < g->nconns; i++) {
			const sbp_flow *fl = g->conns[i].flow;
			size_t want[2];
			const sbp_step *ends[2] = { fl->from, fl->to };
			for (int e = 0; e < 2; e++) {
				const sbp_step *s = ends[e];
				size_t k = 0; /* steps of its cell before it in the file */
				for (size_t j = 0; ed->bp->steps.items[j] != s; j++)
					k += ed->bp->steps.items[j]->lane == s->lane &&
					     ed->bp->steps.items[j]->column == s->column;
				want[e] = g->lane_top[s->lane->idx] + k;
			}
			assert_int_equal(g->conns[i].from_row, want[0]);
			assert_int_equal(g->conns[i].to_row, want[1]);
		}
		expect_grid(ed);
		if (round == 0)
			editor_feed(ed, ":goto <Space> p5 <Enter> d :goto <Space> p7 <Enter> L");
		else if (round == 1)
			editor_feed(ed, "u u :goto <Space> top <Enter> J");
	}
	buf_free(&y);
	fixture_close(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_seeds),
		cmocka_unit_test(test_no_rebuild_per_edit),
		cmocka_unit_test(test_problems_follow_edits),
		cmocka_unit_test(test_tall_stack),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
