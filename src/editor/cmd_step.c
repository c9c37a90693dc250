/* Commands that edit the selected step: add, text, delete, notes, fix,
 * duration, encounter flag, moving it; undo and redo, which select what
 * they changed. Each goes through one undoable edit and changes nothing
 * when refused. (Fail and wait points: cmd_points.c.) */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* A refused edit: its reason in plain words. */
static ed_result refused(editor *ed)
{
	return ed_err(ed, "%s", ed->hist.error[0] ? ed->hist.error : "Refused.");
}

/* a / :add TEXT: a new step in the selected cell. */
ed_result ecmd_add(editor *ed, const ed_args *a)
{
	if (a->from_key)
		return quick_start(ed);
	if (!*a->rest)
		return ed_usage(ed, "add");
	if (ed->lane >= ed->bp->lanes.n || ed->col >= ed->bp->columns.n)
		return ed_err(ed, "%s", _("Add a lane and a column first (:lane, :column)."));
	char *id = ed_slug_id_in(ed->bp, 's', a->rest, ed->bp->lanes.items[ed->lane]);
	sbp_step *s = NULL;
	bool ok = edit_step_add(&ed->hist, ed->bp->lanes.items[ed->lane],
				ed->bp->columns.items[ed->col], id, a->rest, &s);
	free(id);
	if (!ok)
		return refused(ed);
	editor_select(ed, s);
	return ed_ok(ed, RD_ALL, _("Added step %s.%s"), s->id,
		     step_is_flagged(s) ? _(" It is an encounter: s attaches a standard.") : "");
}

/* Enter / :text TEXT. */
ed_result ecmd_text(editor *ed, const ed_args *a)
{
	sbp_step *s = editor_step(ed);
	if (a->from_key)
		return ed_prompt_open(ed, "Text: ", "text", s->text, CPL_NONE, 2);
	if (!*a->rest)
		return ed_err(ed, _("A step needs some text (d deletes the step)."));
	if (strcmp(s->text, a->rest) == 0)
		return ed_ok(ed, RD_MSG, _("Text unchanged."));
	if (!edit_step_text(&ed->hist, s, a->rest))
		return refused(ed);
	return ed_ok(ed, RD_ALL, _("Text of %s changed."), s->id);
}

/* d / :delete: says how many flows go with the step. */
ed_result ecmd_delete(editor *ed, const ed_args *a)
{
	(void)a;
	sbp_step *s = editor_step(ed);
	char *id = xstrdup(s->id);
	size_t flows = 0;
	for (size_t i = 0; i < ed->bp->flows.n; i++)
		flows += ed->bp->flows.items[i]->from == s || ed->bp->flows.items[i]->to == s;
	bool ok = edit_step_delete(&ed->hist, s);
	ed_result r;
	if (!ok)
		r = refused(ed);
	else if (flows)
		r = ed_ok(ed, RD_ALL, P_("Deleted step %s and its %zu flow (u undoes).",
					 "Deleted step %s and its %zu flows (u undoes).",
					 flows), id, flows);
	else
		r = ed_ok(ed, RD_ALL, _("Deleted step %s (u undoes)."), id);
	free(id);
	return r;
}

/* :notes TEXT (empty clears). */
ed_result ecmd_notes(editor *ed, const ed_args *a)
{
	sbp_step *s = editor_step(ed);
	if (a->from_key)
		return ed_prompt_open(ed, "Notes: ", "notes", step_notes(s), CPL_NONE, 2);
	if (!edit_step_notes(&ed->hist, s, *a->rest ? a->rest : NULL))
		return refused(ed);
	return ed_ok(ed, RD_ALL, *a->rest ? _("Notes set.") : _("Notes cleared."));
}

/* Parse a number of minutes (empty: NAN) into *v, at most the limit;
 * false with *r the error. */
bool ed_minutes_arg(editor *ed, const char *s, double *v, ed_result *r)
{
	if (!*s) {
		*v = NAN;
		return true;
	}
	if (!ed_parse_number(s, v) || *v < 0) {
		*r = ed_err(ed, _("\"%s\" is not a number of minutes."), s);
		return false;
	}
	if (*v > ed->lim.max_minutes) {
		char max[32];
		fmt_number(ed->lim.max_minutes, max);
		*r = ed_err(ed, _("%s minutes is more than the most a step or a wait "
				  "may take (%s, a year)."), s, max);
		return false;
	}
	return true;
}

/* :fix TEXT: the one-time fix that handles the encounter (SPEC 7.2;
 * empty clears). */
ed_result ecmd_fix(editor *ed, const ed_args *a)
{
	sbp_step *s = editor_step(ed);
	if (a->from_key)
		return ed_prompt_open(ed, _("One-time fix (empty clears): "), "fix",
				      step_fix(s), CPL_NONE, 2);
	if (!edit_step_fix(&ed->hist, s, *a->rest ? a->rest : NULL))
		return refused(ed);
	if (!*a->rest)
		return ed_ok(ed, RD_ALL, "%s", _("Fix cleared."));
	return ed_ok(ed, RD_ALL, _("Fix set: %s is handled by a one-time fix, not "
				   "flagged."), s->id);
}

/* :duration MIN. */
ed_result ecmd_duration(editor *ed, const ed_args *a)
{
	sbp_step *s = editor_step(ed);
	double v;
	ed_result r;
	if (!ed_minutes_arg(ed, a->rest, &v, &r))
		return r;
	if (!edit_step_duration(&ed->hist, s, v))
		return refused(ed);
	return ed_ok(ed, RD_ALL, isnan(v) ? _("Duration cleared.") : _("Duration set."));
}

/* e / :encounter yes|no|default. */
ed_result ecmd_encounter(editor *ed, const ed_args *a)
{
	sbp_step *s = editor_step(ed);
	sbp_mark m;
	if (a->from_key)
		m = s->encounter == MARK_DEFAULT ? MARK_YES
		    : s->encounter == MARK_YES ? MARK_NO : MARK_DEFAULT;
	else if (a->argc == 1 && !strcmp(a->argv[0], "yes"))
		m = MARK_YES;
	else if (a->argc == 1 && !strcmp(a->argv[0], "no"))
		m = MARK_NO;
	else if (a->argc == 1 && !strcmp(a->argv[0], "default"))
		m = MARK_DEFAULT;
	else
		return ed_usage(ed, "encounter");
	if (m != s->encounter && !edit_step_encounter(&ed->hist, s, m))
		return refused(ed);
	return ed_ok(ed, RD_ALL, _("%s is %s (encounter: %s)."), s->id,
		     step_is_encounter(s) ? _("an encounter") : _("not an encounter"),
		     m == MARK_YES ? "yes" : m == MARK_NO ? "no" : _("by its lane"));
}

/* Move the selected step by dl lanes and dc columns. */
static ed_result move_step(editor *ed, int dl, int dc)
{
	sbp_step *s = editor_step(ed);
	long l = (long)s->lane->idx + dl, c = (long)s->column->idx + dc;
	if (l < 0 || c < 0 || l >= (long)ed->bp->lanes.n ||
	    c >= (long)ed->bp->columns.n)
		return ed_err(ed, _("The step is already at the edge."));
	if (!edit_step_move(&ed->hist, s, ed->bp->lanes.items[l],
			    ed->bp->columns.items[c]))
		return refused(ed);
	editor_select(ed, s);
	return ed_ok(ed, RD_ALL, _("Moved %s to %s / %s."), s->id, s->lane->name,
		     s->column->name);
}

/* H. */
ed_result ecmd_move_left(editor *ed, const ed_args *a)
{
	(void)a;
	return move_step(ed, 0, -1);
}

/* L. */
ed_result ecmd_move_right(editor *ed, const ed_args *a)
{
	(void)a;
	return move_step(ed, 0, 1);
}

/* K. */
ed_result ecmd_move_up(editor *ed, const ed_args *a)
{
	(void)a;
	return move_step(ed, -1, 0);
}

/* J. */
ed_result ecmd_move_down(editor *ed, const ed_args *a)
{
	(void)a;
	return move_step(ed, 1, 0);
}

/* Is the lane (column) still the blueprint's? Its index, else -1. */
static size_t lane_at(const editor *ed, const sbp_lane *l)
{
	return l && l->idx < ed->bp->lanes.n && ed->bp->lanes.items[l->idx] == l
	       ? l->idx : (size_t)-1;
}
static size_t col_at(const editor *ed, const sbp_column *c)
{
	return c && c->idx < ed->bp->columns.n && ed->bp->columns.items[c->idx] == c
	       ? c->idx : (size_t)-1;
}

/* What an undo or redo changes: the last step it touched, else the cell
 * a step left (told by the history through live.c). */
void ed_note_touched(editor *ed, const edit_event *ev)
{
	if (!ed->touch.on || !ev->after)
		return;
	const sbp_step *s = NULL;
	if (ev->kind == EDIT_STEP)
		s = ev->obj;
	else if (ev->kind == EDIT_FLOW)
		s = ((const sbp_flow *)ev->obj)->from;
	else
		return;
	if (ev->kind == EDIT_STEP && ev->change == EDIT_REMOVE) {
		size_t l = lane_at(ed, s->lane), c = col_at(ed, s->column);
		if (l != (size_t)-1 && c != (size_t)-1) {
			ed->touch.cell = true;
			ed->touch.lane = l;
			ed->touch.col = c;
		}
		if (ed->touch.step == s)
			ed->touch.step = NULL;
		return;
	}
	ed->touch.step = s;
}

/* Undo (redo true: redo) and select what it changed. */
static ed_result undo_redo(editor *ed, bool redo)
{
	const char *name = redo ? edit_redo_name(&ed->hist) : edit_undo_name(&ed->hist);
	char *what = name ? xstrdup(name) : NULL;
	memset(&ed->touch, 0, sizeof ed->touch);
	ed->touch.on = true;
	bool ok = redo ? edit_redo(&ed->hist) : edit_undo(&ed->hist);
	ed->touch.on = false;
	ed_result r;
	if (!ok) {
		r = ed_err(ed, "%s", redo ? _("Nothing to redo.") : _("Nothing to undo."));
	} else {
		ed_sync(ed);
		const sbp_step *s = ed->touch.step;
		if (s && blueprint_step(ed->bp, s->id) == s) {
			editor_select(ed, s);
		} else if (ed->touch.cell) {
			ed->lane = ed->touch.lane;
			ed->col = ed->touch.col;
			ed->idx = 0;
			ed_scroll_to_sel(ed);
		}
		r = ed_ok(ed, RD_ALL, redo ? _("Redone: %s.") : _("Undone: %s."), what);
	}
	free(what);
	return r;
}

/* u / :undo. */
ed_result ecmd_undo(editor *ed, const ed_args *a)
{
	(void)a;
	return undo_redo(ed, false);
}

/* Ctrl-R / :redo. */
ed_result ecmd_redo(editor *ed, const ed_args *a)
{
	(void)a;
	return undo_redo(ed, true);
}
