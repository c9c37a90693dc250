/* Building a blueprint quickly: the quick-entry prompt of `a`. Type a
 * card's text, then Enter: the prompt is ready in the next column, back
 * in the lane this column's cards started in (a carriage return); or Tab:
 * ready in the lane below, and the next card flows from this one (Ctrl-T
 * turns those flows off and on). Arrows move where the next card goes;
 * after the last column Enter asks a new column's name. Also: naming a
 * column in place, copying,
 * pasting and duplicating a step, reordering a cell's stack, and renaming
 * ids with every reference following. */
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "internal.h"

/* A refused edit: its reason in plain words. */
static ed_result refused(editor *ed)
{
	return ed_err(ed, "%s", ed->hist.error[0] ? ed->hist.error : _("Refused."));
}

/* Is the step still in the blueprint? (By address only: a step taken
 * out may have been freed since.) */
static bool alive(const editor *ed, const sbp_step *s)
{
	return s && blueprint_step_index(ed->bp, s) != (size_t)-1;
}

/* Open (or reopen) the quick-entry prompt for the selected cell. */
static ed_result quick_prompt(editor *ed, const char *init)
{
	const sbp_lane *l = ed->lane < ed->bp->lanes.n ? ed->bp->lanes.items[ed->lane] : NULL;
	const sbp_column *c = ed->col < ed->bp->columns.n ? ed->bp->columns.items[ed->col] : NULL;
	if (!l || !c) {
		ed->quick.on = false;
		return ed_err(ed, "%s", _("Add a lane and a column first (:lane, :column)."));
	}
	/* short: the place is in the status line, the text needs the room */
	char *label;
	if (ed->quick.link && alive(ed, ed->quick.last))
		label = xasprintf(_("New step after %.16s: "), ed->quick.last->id);
	else
		label = xstrdup(_("New step: "));
	ed->quick.on = true;
	ed_prompt_open(ed, label, "add", init, CPL_NONE, 2);
	free(label);
	ed_ok(ed, RD_ALL, "%s", ed->quick.unlinked
	      ? _("Enter: next column  Tab: lane below  Ctrl-T: Tab adds flows  "
		  "arrows: move  Esc: done")
	      : _("Enter: next column  Tab: lane below, with a flow  Ctrl-T: no flows  "
		  "arrows: move  Esc: done"));
	return ed_done(ed, RD_ALL);
}

/* a: start quick entry in the selected cell. */
ed_result quick_start(editor *ed)
{
	ed->quick.last = NULL;
	ed->quick.link = false;
	ed->quick.home = ed->lane;
	return quick_prompt(ed, "");
}

/* Add a step with text in the selected cell; after a Tab, with a flow
 * from the step added before. One undoable edit. */
static bool quick_add(editor *ed, const char *text)
{
	sbp_lane *l = ed->bp->lanes.items[ed->lane];
	sbp_column *c = ed->bp->columns.items[ed->col];
	char *id = ed_slug_id_in(ed->bp, 's', text, l);
	sbp_step *s = NULL;
	edit_begin(&ed->hist, _("add step"));
	bool ok = edit_step_add(&ed->hist, l, c, id, text, &s);
	if (ok && ed->quick.link && alive(ed, ed->quick.last))
		ok = edit_flow_add(&ed->hist, ed->quick.last, s, NULL, NULL);
	edit_end(&ed->hist);
	free(id);
	if (!ok) {
		refused(ed);
		return false;
	}
	editor_select(ed, s);
	ed->quick.last = s;
	return true;
}

/* Where the next card goes after one is added. */
static void quick_advance(editor *ed, quick_move how)
{
	ed->quick.link = how == QUICK_NEXT_LANE && !ed->quick.unlinked;
	if (how == QUICK_NEXT_COL) {
		if (ed->col + 1 < ed->bp->columns.n)
			ed->col++;
		ed->lane = ed->quick.home < ed->bp->lanes.n ? ed->quick.home : ed->lane;
	} else if (ed->lane + 1 < ed->bp->lanes.n) {
		ed->lane++;
	} else {
		ed->quick.link = false; /* no lane below: nothing to flow into */
	}
	ed->idx = grid_cell_count(&ed->grid, ed->lane, ed->col);
	ed_scroll_to_sel(ed);
}

/* Ask the name of a new last column, then go on adding there. */
static ed_result quick_new_column(editor *ed)
{
	ed_prompt_open(ed, _("Name of a new column (empty: stop): "), "quick-column",
		       "", CPL_NONE, 2);
	return ed_ok(ed, RD_ALL, "%s", _("That was the last column: name a new one, "
					 "or Enter to stop."));
}

/* Quick entry is over: the last card added is selected. */
ed_result quick_end(editor *ed)
{
	ed->quick.on = false;
	if (alive(ed, ed->quick.last))
		editor_select(ed, ed->quick.last);
	return ed_ok(ed, RD_ALL, "%s", _("Done adding steps."));
}

/* The quick-entry prompt ended with text (the line is closed). */
ed_result quick_submit(editor *ed, const char *text, quick_move how)
{
	if (!*text) {
		if (how == QUICK_NEXT_COL)
			return quick_end(ed);
		quick_advance(ed, how);
		ed->quick.link = false; /* a skipped lane breaks the flow */
		return quick_prompt(ed, "");
	}
	if (ed->lane >= ed->bp->lanes.n || ed->col >= ed->bp->columns.n)
		return quick_prompt(ed, text);
	if (!quick_add(ed, text)) {
		char *msg = xstrdup(ed->msg);
		quick_prompt(ed, text);
		ed_err(ed, "%s", msg);
		free(msg);
		return ed_failed(ed);
	}
	if (how == QUICK_NEXT_COL && ed->col + 1 >= ed->bp->columns.n)
		return quick_new_column(ed);
	quick_advance(ed, how);
	return quick_prompt(ed, "");
}

/* :quick-column NAME: append a column and go on adding in it. */
ed_result ecmd_quick_column(editor *ed, const ed_args *a)
{
	if (!*a->rest)
		return quick_end(ed);
	ed->col = ed->bp->columns.n ? ed->bp->columns.n - 1 : 0;
	ed_args add = *a;
	add.from_key = false;
	ed_result r = ecmd_column(ed, &add);
	if (r.status != ED_OK) {
		ed->quick.on = false;
		return r;
	}
	ed->lane = ed->quick.home < ed->bp->lanes.n ? ed->quick.home : ed->lane;
	ed->idx = 0;
	ed->quick.link = false;
	ed_scroll_to_sel(ed);
	return quick_prompt(ed, "");
}

/* Close the prompt and hand its text to fn. */
static ed_result take_line(editor *ed, ed_result (*fn)(editor *, const char *, int),
			   int arg)
{
	char *text = xstrdup(ed->line.text.data);
	completion_reset(ed);
	ed_pop_mode(ed);
	ed_result r = fn(ed, text, arg);
	free(text);
	return r;
}

/* form_field_done and quick_submit with the same shape. */
static ed_result form_go(editor *ed, const char *text, int dir)
{
	return form_field_done(ed, text, dir);
}
static ed_result quick_go(editor *ed, const char *text, int how)
{
	return quick_submit(ed, text, (quick_move)how);
}

/* Keys of a form's or the quick entry's prompt that the line editor
 * does not have: true when k was one (the result in *r). */
bool prompt_special_key(editor *ed, ed_key k, bool in_form, ed_result *r)
{
	if (in_form) {
		const ed_form_field *fl = &ed->form->fields[ed->form->cur];
		bool choice = fl->kind == FK_CHOICE;
		if (k == EK_DOWN || (k == EK_TAB && !choice))
			*r = take_line(ed, form_go, 1);
		else if (k == EK_UP || (k == EK_BTAB && !choice))
			*r = take_line(ed, form_go, -1);
		else
			return false;
		return true;
	}
	if (!ed->prompt.command || strcmp(ed->prompt.command, "add") != 0)
		return false;
	bool empty = ed->line.text.len == 0;
	switch (k) {
	case EK_TAB:
		*r = take_line(ed, quick_go, QUICK_NEXT_LANE);
		return true;
	case EK_CTRL('t'):
		ed->quick.unlinked = !ed->quick.unlinked;
		if (ed->quick.unlinked)
			ed->quick.link = false;
		break;
	case EK_UP:
		if (ed->lane > 0)
			ed->lane--;
		ed->quick.home = ed->lane;
		ed->quick.link = false;
		break;
	case EK_DOWN: /* skip a lane: Enter still goes back to home */
		if (ed->lane + 1 < ed->bp->lanes.n)
			ed->lane++;
		ed->quick.link = false;
		break;
	case EK_LEFT:
		if (!empty)
			return false;
		if (ed->col > 0)
			ed->col--;
		ed->quick.link = false;
		break;
	case EK_RIGHT:
		if (!empty)
			return false;
		if (ed->col + 1 < ed->bp->columns.n)
			ed->col++;
		ed->quick.link = false;
		break;
	default:
		return false;
	}
	/* the target cell moved (or the chain changed): same text, new label */
	char *text = xstrdup(ed->line.text.data);
	ed_pop_mode(ed);
	ed->idx = grid_cell_count(&ed->grid, ed->lane, ed->col);
	ed_scroll_to_sel(ed);
	*r = quick_prompt(ed, text);
	free(text);
	return true;
}

/* C: rename the selected column in place. */
ed_result ecmd_colname_key(editor *ed)
{
	if (ed->col >= ed->bp->columns.n)
		return ed_err(ed, "%s", _("No column here."));
	ed_prompt_open(ed, _("Column name: "), "colname",
		       ed->bp->columns.items[ed->col]->name, CPL_NONE, 2);
	ed->prompt.replace = true;
	return ed_done(ed, RD_ALL);
}

/* Forget the copied step. */
void clip_free(editor *ed)
{
	step_free(ed->clip);
	ed->clip = NULL;
}

/* y / :copy: remember the selected step (its fields, not its flows). */
ed_result ecmd_copy(editor *ed, const ed_args *a)
{
	(void)a;
	const sbp_step *s = editor_step(ed);
	clip_free(ed);
	ed->clip = step_new(s->id, NULL, NULL, s->text);
	if (step_notes(s))
		set_string(&step_more(ed->clip)->notes, step_notes(s));
	if (step_fix(s))
		set_string(&step_more(ed->clip)->fix, step_fix(s));
	ed->clip->duration = s->duration;
	ed->clip->encounter = s->encounter;
	ed->clip->fail = s->fail ? fail_clone(s->fail) : NULL;
	ed->clip->wait = s->wait ? wait_clone(s->wait) : NULL;
	for (size_t i = 0; i < s->stds.n; i++)
		VEC_PUSH(ed->clip->stds, s->stds.items[i]);
	return ed_ok(ed, RD_MSG, _("Copied %s: P pastes it into the selected cell."),
		     s->id);
}

/* Put a copy of src in the selected cell. */
static ed_result paste_step(editor *ed, const sbp_step *src)
{
	if (ed->lane >= ed->bp->lanes.n || ed->col >= ed->bp->columns.n)
		return ed_err(ed, "%s", _("Add a lane and a column first (:lane, :column)."));
	sbp_lane *l = ed->bp->lanes.items[ed->lane];
	char *id = ed_slug_id_in(ed->bp, 's', src->text, l);
	sbp_step *s = NULL;
	bool ok = edit_step_copy(&ed->hist, src, l, ed->bp->columns.items[ed->col],
				 id, &s);
	free(id);
	if (!ok)
		return refused(ed);
	editor_select(ed, s);
	return ed_ok(ed, RD_ALL, _("Added %s, a copy of %s (u undoes)."), s->id,
		     src->id);
}

/* P / :paste: a copy of the copied step in the selected cell. */
ed_result ecmd_paste(editor *ed, const ed_args *a)
{
	(void)a;
	if (!ed->clip)
		return ed_err(ed, "%s", _("Nothing copied yet: y copies the selected step."));
	/* standards deleted since the copy are left out */
	sbp_step *src = ed->clip;
	for (size_t i = src->stds.n; i-- > 0;)
		if (blueprint_standard(ed->bp, src->stds.items[i]->id) != src->stds.items[i])
			VEC_REMOVE(src->stds, i);
	return paste_step(ed, src);
}

/* Y / :duplicate: a copy of the selected step just under it. */
ed_result ecmd_duplicate(editor *ed, const ed_args *a)
{
	(void)a;
	return paste_step(ed, editor_step(ed));
}

/* Move the selected step within its cell. */
static ed_result reorder(editor *ed, int dir)
{
	sbp_step *s = editor_step(ed);
	if (!edit_step_reorder(&ed->hist, s, dir))
		return refused(ed);
	editor_select(ed, s);
	return ed_ok(ed, RD_ALL, dir < 0 ? _("Moved %s up in its cell.")
					 : _("Moved %s down in its cell."), s->id);
}

/* { / :raise. */
ed_result ecmd_raise(editor *ed, const ed_args *a)
{
	(void)a;
	return reorder(ed, -1);
}

/* } / :lower. */
ed_result ecmd_lower(editor *ed, const ed_args *a)
{
	(void)a;
	return reorder(ed, 1);
}

/* R / :rename NEW [column|lane|standard ID]: a new id for the selected
 * step (or the named column, lane or standard); references follow. */
ed_result ecmd_rename(editor *ed, const ed_args *a)
{
	sbp_step *s = editor_step(ed);
	if (a->from_key) {
		if (!s)
			return ed_err(ed, "%s", _("No step here: a adds one."));
		ed_prompt_open(ed, _("New id: "), "rename", s->id, CPL_NONE, 2);
		ed->prompt.replace = true;
		return ed_done(ed, RD_ALL);
	}
	edit_obj kind = EDIT_STEP;
	void *obj = s;
	const char *old = s ? s->id : NULL;
	if (a->argc == 3) {
		const char *k = a->argv[1], *id = a->argv[2];
		if (!strcmp(k, "column")) {
			kind = EDIT_COLUMN;
			sbp_column *c = blueprint_column(ed->bp, id);
			obj = c, old = c ? c->id : NULL;
		} else if (!strcmp(k, "lane")) {
			kind = EDIT_LANE;
			sbp_lane *l = blueprint_lane(ed->bp, id);
			obj = l, old = l ? l->id : NULL;
		} else if (!strcmp(k, "standard")) {
			kind = EDIT_STANDARD;
			sbp_standard *d = blueprint_standard(ed->bp, id);
			obj = d, old = d ? d->id : NULL;
		} else {
			return ed_err(ed, _("Rename what? column, lane or standard, not \"%s\"."), k);
		}
		if (!obj)
			return ed_err(ed, _("No %s has the id \"%s\"."), k, id);
	} else if (a->argc != 1) {
		return ed_usage(ed, "rename");
	} else if (!s) {
		return ed_err(ed, "%s", _("No step here: :rename NEW column|lane|standard ID "
					  "renames the others."));
	}
	char *was = xstrdup(old);
	ed_result r;
	if (!strcmp(was, a->argv[0]))
		r = ed_ok(ed, RD_MSG, "%s", _("The id is unchanged."));
	else if (!edit_rename_id(&ed->hist, kind, obj, a->argv[0]))
		r = refused(ed);
	else
		r = ed_ok(ed, RD_ALL, _("Renamed %s to %s; every reference follows (u undoes)."),
			  was, a->argv[0]);
	free(was);
	return r;
}
