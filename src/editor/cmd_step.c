/* Commands that edit the selected step: add, text, delete, notes,
 * duration, encounter flag, moving it, fail and wait points. Each goes
 * through one undoable edit and changes nothing when refused. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/i18n.h"
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

/* d / :delete. */
ed_result ecmd_delete(editor *ed, const ed_args *a)
{
	(void)a;
	sbp_step *s = editor_step(ed);
	char *id = xstrdup(s->id);
	bool ok = edit_step_delete(&ed->hist, s);
	ed_result r = ok ? ed_ok(ed, RD_ALL, _("Deleted step %s (u undoes)."), id)
			 : refused(ed);
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

/* Parse a number of minutes (empty: NAN) into *v. */
static bool minutes_arg(editor *ed, const char *s, double *v, ed_result *r)
{
	if (!*s) {
		*v = NAN;
		return true;
	}
	if (!ed_parse_number(s, v) || *v < 0) {
		*r = ed_err(ed, _("\"%s\" is not a number of minutes."), s);
		return false;
	}
	return true;
}

/* :duration MIN. */
ed_result ecmd_duration(editor *ed, const ed_args *a)
{
	sbp_step *s = editor_step(ed);
	double v;
	ed_result r;
	if (!minutes_arg(ed, a->rest, &v, &r))
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
		return ed_err(ed, _("Usage: :encounter yes|no|default"));
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

/* f / :fail TEXT: set the fail point's text (empty removes it). */
ed_result ecmd_fail(editor *ed, const ed_args *a)
{
	sbp_step *s = editor_step(ed);
	if (a->from_key)
		return ed_prompt_open(ed, _("Fail point (empty removes): "), "fail",
				      s->fail ? s->fail->text : "", CPL_NONE, 2);
	if (!*a->rest) {
		if (!s->fail)
			return ed_ok(ed, RD_MSG, _("%s has no fail point."), s->id);
		if (!edit_step_fail(&ed->hist, s, NULL))
			return refused(ed);
		return ed_ok(ed, RD_ALL, _("Fail point removed."));
	}
	sbp_fail *f = s->fail ? fail_clone(s->fail) : fail_new(a->rest);
	set_string(&f->text, a->rest);
	bool ok = edit_step_fail(&ed->hist, s, f);
	fail_free(f);
	if (!ok)
		return refused(ed);
	return ed_ok(ed, RD_ALL, _("Fail point set (i edits severity and recovery)."));
}

/* :severity N (0 clears). */
ed_result ecmd_severity(editor *ed, const ed_args *a)
{
	sbp_step *s = editor_step(ed);
	double v;
	if (!s->fail)
		return ed_err(ed, _("%s has no fail point (f adds one)."), s->id);
	if (a->argc != 1 || !ed_parse_number(a->argv[0], &v) || v < 0 || v > 5 ||
	    v != (int)v)
		return ed_err(ed, _("Severity is a whole number from 1 to 5 (0 clears)."));
	sbp_fail *f = fail_clone(s->fail);
	f->severity = (int)v;
	bool ok = edit_step_fail(&ed->hist, s, f);
	fail_free(f);
	return ok ? ed_ok(ed, RD_ALL, _("Severity set.")) : refused(ed);
}

/* :recovery TEXT (empty clears). */
ed_result ecmd_recovery(editor *ed, const ed_args *a)
{
	sbp_step *s = editor_step(ed);
	if (!s->fail)
		return ed_err(ed, _("%s has no fail point (f adds one)."), s->id);
	sbp_fail *f = fail_clone(s->fail);
	set_string(&f->recovery, *a->rest ? a->rest : NULL);
	bool ok = edit_step_fail(&ed->hist, s, f);
	fail_free(f);
	return ok ? ed_ok(ed, RD_ALL, _("Recovery set.")) : refused(ed);
}

/* w / :wait TEXT: set the wait point's text (empty removes it). */
ed_result ecmd_wait(editor *ed, const ed_args *a)
{
	sbp_step *s = editor_step(ed);
	if (a->from_key)
		return ed_prompt_open(ed, _("Wait point (empty removes): "), "wait",
				      s->wait ? s->wait->text : "", CPL_NONE, 2);
	if (!*a->rest) {
		if (!s->wait)
			return ed_ok(ed, RD_MSG, _("%s has no wait point."), s->id);
		if (!edit_step_wait(&ed->hist, s, NULL))
			return refused(ed);
		return ed_ok(ed, RD_ALL, _("Wait point removed."));
	}
	sbp_wait *w = s->wait ? wait_clone(s->wait) : wait_new(a->rest);
	set_string(&w->text, a->rest);
	bool ok = edit_step_wait(&ed->hist, s, w);
	wait_free(w);
	if (!ok)
		return refused(ed);
	return ed_ok(ed, RD_ALL, _("Wait point set (i edits expected and tolerable minutes)."));
}

/* Set the expected (which 0) or tolerable (1) minutes of the wait. */
static ed_result wait_minutes(editor *ed, const ed_args *a, int which)
{
	sbp_step *s = editor_step(ed);
	double v;
	ed_result r;
	if (!s->wait)
		return ed_err(ed, _("%s has no wait point (w adds one)."), s->id);
	if (!minutes_arg(ed, a->rest, &v, &r))
		return r;
	sbp_wait *w = wait_clone(s->wait);
	if (which == 0)
		w->expected = v;
	else
		w->tolerable = v;
	bool ok = edit_step_wait(&ed->hist, s, w);
	wait_free(w);
	return ok ? ed_ok(ed, RD_ALL, _("Wait time set.")) : refused(ed);
}

/* :expected MIN. */
ed_result ecmd_expected(editor *ed, const ed_args *a)
{
	return wait_minutes(ed, a, 0);
}

/* :tolerable MIN. */
ed_result ecmd_tolerable(editor *ed, const ed_args *a)
{
	return wait_minutes(ed, a, 1);
}

/* u / :undo. */
ed_result ecmd_undo(editor *ed, const ed_args *a)
{
	(void)a;
	const char *name = edit_undo_name(&ed->hist);
	char *what = name ? xstrdup(name) : NULL;
	ed_result r = edit_undo(&ed->hist) ? ed_ok(ed, RD_ALL, _("Undone: %s."), what)
					   : ed_err(ed, _("Nothing to undo."));
	free(what);
	return r;
}

/* Ctrl-R / :redo. */
ed_result ecmd_redo(editor *ed, const ed_args *a)
{
	(void)a;
	const char *name = edit_redo_name(&ed->hist);
	char *what = name ? xstrdup(name) : NULL;
	ed_result r = edit_redo(&ed->hist) ? ed_ok(ed, RD_ALL, _("Redone: %s."), what)
					   : ed_err(ed, _("Nothing to redo."));
	free(what);
	return r;
}
