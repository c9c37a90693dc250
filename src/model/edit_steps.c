/* Undoable edits of steps: add, delete, text and notes, duration,
 * encounter mark, moving to another cell, fail and wait points, and
 * attaching or detaching standards. */
#include <math.h>
#include <stdlib.h>

#include "edit_internal.h"

/* Refuse a step that is not one of the blueprint's. */
static bool check_step(edit_history *h, const sbp_step *s)
{
	if (!has_step(h->bp, s))
		return edit_refuse(h, "no such step in this blueprint");
	return true;
}

/* Append a new step in a cell. */
bool edit_step_add(edit_history *h, sbp_lane *lane, sbp_column *col,
		   const char *id, const char *text, sbp_step **out)
{
	h->error[0] = '\0';
	if (!has_lane(h->bp, lane))
		return edit_refuse(h, "no such lane in this blueprint");
	if (!has_column(h->bp, col))
		return edit_refuse(h, "no such column in this blueprint");
	char *sid;
	if (!take_id(h, id, 's', "step", "step", &sid))
		return false;
	sbp_step *s = step_new(sid, lane, col, text);
	free(sid);
	size_t mark = edit_open(h, "add step");
	rec_place(h, EDIT_STEP, s, h->bp->steps.n, true);
	edit_close(h, mark);
	if (out)
		*out = s;
	return true;
}

/* Is s the step ctx? */
static bool step_is(const sbp_step *s, const void *ctx)
{
	return s == ctx;
}

/* Remove a step and the flows that touch it. */
bool edit_step_delete(edit_history *h, sbp_step *s)
{
	h->error[0] = '\0';
	if (!check_step(h, s))
		return false;
	size_t mark = edit_open(h, "delete step");
	rec_remove_steps(h, step_is, s);
	edit_close(h, mark);
	return true;
}

/* Set a step text (NULL is ""). */
bool edit_step_text(edit_history *h, sbp_step *s, const char *text)
{
	h->error[0] = '\0';
	if (!check_step(h, s))
		return false;
	if (!text)
		text = "";
	size_t mark = edit_open(h, "change step text");
	if (!same_str(s->text, text))
		rec_str(h, EDIT_STEP, s, &s->text, text);
	edit_close(h, mark);
	return true;
}

/* Set or clear a step notes. */
bool edit_step_notes(edit_history *h, sbp_step *s, const char *notes)
{
	h->error[0] = '\0';
	if (!check_step(h, s))
		return false;
	size_t mark = edit_open(h, "change step notes");
	if (!same_str(step_notes(s), notes))
		rec_str(h, EDIT_STEP, s, &step_more(s)->notes, notes);
	edit_close(h, mark);
	return true;
}

/* Set or clear a step's one-time fix. */
bool edit_step_fix(edit_history *h, sbp_step *s, const char *fix)
{
	h->error[0] = '\0';
	if (!check_step(h, s))
		return false;
	size_t mark = edit_open(h, "change step fix");
	if (!same_str(step_fix(s), fix))
		rec_str(h, EDIT_STEP, s, &step_more(s)->fix, fix);
	edit_close(h, mark);
	return true;
}

/* Refuse a number of minutes that is negative or infinite (NAN is
 * absent and fine). */
static bool check_minutes(edit_history *h, double v, const char *what)
{
	if (isnan(v))
		return true;
	if (isinf(v) || v < 0)
		return edit_refuse(h, "%s must be a number of minutes, 0 or more", what);
	return true;
}

/* Set a step duration in minutes, or clear it with NAN. */
bool edit_step_duration(edit_history *h, sbp_step *s, double minutes)
{
	h->error[0] = '\0';
	if (!check_step(h, s) || !check_minutes(h, minutes, "the duration"))
		return false;
	size_t mark = edit_open(h, "change step duration");
	if (!same_num(s->duration, minutes))
		rec_val(h, EDIT_STEP, s, &s->duration, &minutes, sizeof minutes);
	edit_close(h, mark);
	return true;
}

/* Mark a step as an encounter, not one, or by its lane. */
bool edit_step_encounter(edit_history *h, sbp_step *s, sbp_mark mark_)
{
	h->error[0] = '\0';
	if (!check_step(h, s))
		return false;
	if (mark_ != MARK_DEFAULT && mark_ != MARK_YES && mark_ != MARK_NO)
		return edit_refuse(h, "unknown encounter mark");
	size_t mark = edit_open(h, "mark encounter");
	if (s->encounter != mark_)
		rec_val(h, EDIT_STEP, s, &s->encounter, &mark_, sizeof mark_);
	edit_close(h, mark);
	return true;
}

/* Put a step in another cell; its place in the step list stays. */
bool edit_step_move(edit_history *h, sbp_step *s, sbp_lane *lane, sbp_column *col)
{
	h->error[0] = '\0';
	if (!check_step(h, s))
		return false;
	if (!has_lane(h->bp, lane))
		return edit_refuse(h, "no such lane in this blueprint");
	if (!has_column(h->bp, col))
		return edit_refuse(h, "no such column in this blueprint");
	size_t mark = edit_open(h, "move step");
	if (s->lane != lane)
		rec_val(h, EDIT_STEP, s, &s->lane, &lane, sizeof lane);
	if (s->column != col)
		rec_val(h, EDIT_STEP, s, &s->column, &col, sizeof col);
	edit_close(h, mark);
	return true;
}

/* Replace a step fail point with a copy of f, or remove it. */
bool edit_step_fail(edit_history *h, sbp_step *s, const sbp_fail *f)
{
	h->error[0] = '\0';
	if (!check_step(h, s))
		return false;
	if (f && (f->severity < 0 || f->severity > 5))
		return edit_refuse(h, "severity must be 1 to 5 (or 0 for none)");
	if (!f && !s->fail)
		return true;
	size_t mark = edit_open(h, f ? "set fail point" : "remove fail point");
	rec_fail(h, s, fail_clone(f));
	edit_close(h, mark);
	return true;
}

/* Replace a step wait point with a copy of w, or remove it. */
bool edit_step_wait(edit_history *h, sbp_step *s, const sbp_wait *w)
{
	h->error[0] = '\0';
	if (!check_step(h, s))
		return false;
	if (w && (!check_minutes(h, w->expected, "the expected wait") ||
		  !check_minutes(h, w->tolerable, "the tolerable wait")))
		return false;
	if (!w && !s->wait)
		return true;
	size_t mark = edit_open(h, w ? "set wait point" : "remove wait point");
	rec_wait(h, s, wait_clone(w));
	edit_close(h, mark);
	return true;
}

/* Append a standard to a step list of standards. */
bool edit_step_attach(edit_history *h, sbp_step *s, sbp_standard *std)
{
	h->error[0] = '\0';
	if (!check_step(h, s))
		return false;
	if (!has_standard(h->bp, std))
		return edit_refuse(h, "no such standard in this blueprint");
	if (step_has_standard(s, std))
		return edit_refuse(h, "step '%s' already has standard '%s'", s->id,
				   std->id);
	size_t mark = edit_open(h, "attach standard");
	rec_link(h, s, std, s->stds.n, true);
	edit_close(h, mark);
	return true;
}

/* Take a standard out of a step list; undo puts it back at its index. */
bool edit_step_detach(edit_history *h, sbp_step *s, sbp_standard *std)
{
	h->error[0] = '\0';
	if (!check_step(h, s))
		return false;
	if (!has_standard(h->bp, std))
		return edit_refuse(h, "no such standard in this blueprint");
	size_t at = 0;
	while (at < s->stds.n && s->stds.items[at] != std)
		at++;
	if (at == s->stds.n)
		return edit_refuse(h, "step '%s' does not have standard '%s'", s->id,
				   std->id);
	size_t mark = edit_open(h, "detach standard");
	rec_link(h, s, std, at, false);
	edit_close(h, mark);
	return true;
}
