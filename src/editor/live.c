/* Live re-check: the history tells the editor of every change (edit,
 * undo, redo) just before and just after it is made, and the editor
 * follows it in what it derives from the blueprint: the grid
 * (grid_update.c), the counts of the status line, and the problems
 * panel's findings once listed (findings.c). An edit then costs
 * what it touches, not a pass over 100,000 steps. Changes to lanes and
 * columns, and bulk removals of many steps or flows, rebuild the grid
 * once instead. */
#include "internal.h"

/* Bulk changes of more objects than this rebuild the grid at their end. */
#define LIVE_BATCH_MAX 16

/* Counts and grid from scratch, for the blueprint as it is now. */
static void live_rebuild_grid(editor *ed)
{
	grid_build(&ed->grid, ed->bp);
	ed->live.stale = false;
}

/* The state key the derived data is for: the current one. */
static void live_done(editor *ed)
{
	check_summary_finish(ed->bp, &ed->sum);
	ed->sum_key = ed_state_key(ed);
	ed->sum_valid = true;
}

/* A step enters, leaves or changes. */
static void step_event(editor *ed, const edit_event *ev)
{
	sbp_step *s = ev->obj;
	bool grid = !ed->live.stale;
	switch (ev->change) {
	case EDIT_INSERT:
		if (!ev->after)
			return;
		check_summary_step(&ed->sum, s, true);
		if (grid)
			grid_step_insert(&ed->grid, ed->bp, s, ev->idx);
		return;
	case EDIT_REMOVE:
		if (ev->after)
			return;
		check_summary_step(&ed->sum, s, false);
		if (grid)
			grid_step_remove(&ed->grid, s, s->lane->idx, s->column->idx);
		return;
	case EDIT_MODIFY:
		if (!ev->after) {
			check_summary_step(&ed->sum, s, false);
			ed->live.step = s;
			ed->live.lane = s->lane->idx;
			ed->live.col = s->column->idx;
			return;
		}
		check_summary_step(&ed->sum, s, true);
		if (grid && ed->live.step == s &&
		    (s->lane->idx != ed->live.lane || s->column->idx != ed->live.col))
			grid_step_moved(&ed->grid, ed->bp, s, ed->live.lane,
					ed->live.col);
		ed->live.step = NULL;
		return;
	case EDIT_MOVE: /* reordered within its cell: rebuild */
		if (!ev->after)
			ed->live.stale = true;
		return;
	}
}

/* A flow enters or leaves (a new label changes nothing drawn here). */
static void flow_event(editor *ed, const edit_event *ev)
{
	if (ed->live.stale)
		return;
	if (ev->change == EDIT_INSERT && ev->after)
		grid_flow_insert(&ed->grid, ed->bp, ev->obj, ev->idx);
	else if (ev->change == EDIT_REMOVE && !ev->after)
		grid_flow_remove(&ed->grid, ev->obj);
}

/* What the history tells of each change (edit_watch_fn). */
static void live_event(void *ctx, const edit_event *ev)
{
	editor *ed = ctx;
	bool bulk = ev->batch > LIVE_BATCH_MAX;
	findings_event(ed, ev);
	ed_note_touched(ed, ev);
	if (bulk && !ev->after)
		ed->live.stale = true; /* many objects: one rebuild at the end */
	switch (ev->kind) {
	case EDIT_STEP:
		step_event(ed, ev);
		break;
	case EDIT_FLOW:
		flow_event(ed, ev);
		break;
	case EDIT_LANE:
	case EDIT_COLUMN:
		if (ev->change != EDIT_MODIFY)
			ed->live.stale = true;
		break;
	case EDIT_STANDARD:
		/* a standard's source decides whether the steps using it are
		 * flagged: count and draw them again (catalog edits are rare) */
		if (ev->after && ev->change == EDIT_MODIFY) {
			ed->live.stale = true;
			check_summary(ed->bp, &ed->sum);
			findings_stop(ed);
		}
		break;
	case EDIT_BLUEPRINT:
	case EDIT_MEASUREMENT:
		break;
	}
	if (!ev->after)
		return;
	if (ed->live.stale && (!bulk || ev->nth + 1 == ev->batch))
		live_rebuild_grid(ed);
	live_done(ed);
}

/* Start over on the blueprint as it is: grid and counts from scratch,
 * and follow its history from now on. */
void ed_live_reset(editor *ed)
{
	edit_watch(&ed->hist, live_event, ed);
	findings_stop(ed);
	live_rebuild_grid(ed);
	check_summary(ed->bp, &ed->sum);
	ed->live.step = NULL;
	ed->sum_key = ed_state_key(ed);
	ed->sum_valid = true;
}
