/* Commands that move the selection: cell by cell, by page, to an id, to
 * the next flagged encounter, to a search match; and picking the target
 * of a new flow. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Clamp the stack index to the selected cell. */
static void clamp_idx(editor *ed)
{
	size_t n = grid_cell_count(&ed->grid, ed->lane, ed->col);
	if (ed->idx >= n)
		ed->idx = n ? n - 1 : 0;
}

/* Finish a move: show it, clear the message. */
static ed_result moved(editor *ed)
{
	clamp_idx(ed);
	ed_scroll_to_sel(ed);
	return ed_done(ed, RD_GRID | RD_STATUS);
}

/* h: one cell left. */
ed_result ecmd_left(editor *ed, const ed_args *a)
{
	(void)a;
	if (ed->col > 0)
		ed->col--;
	return moved(ed);
}

/* l: one cell right. */
ed_result ecmd_right(editor *ed, const ed_args *a)
{
	(void)a;
	if (ed->col + 1 < ed->grid.ncols)
		ed->col++;
	return moved(ed);
}

/* j: the next step in the stack, else the lane below. */
ed_result ecmd_down(editor *ed, const ed_args *a)
{
	(void)a;
	if (ed->idx + 1 < grid_cell_count(&ed->grid, ed->lane, ed->col)) {
		ed->idx++;
	} else if (ed->lane + 1 < ed->grid.nlanes) {
		ed->lane++;
		ed->idx = 0;
	}
	return moved(ed);
}

/* k: the previous step in the stack, else the lane above. */
ed_result ecmd_up(editor *ed, const ed_args *a)
{
	(void)a;
	if (ed->idx > 0) {
		ed->idx--;
	} else if (ed->lane > 0) {
		ed->lane--;
		size_t n = grid_cell_count(&ed->grid, ed->lane, ed->col);
		ed->idx = n ? n - 1 : 0;
	}
	return moved(ed);
}

/* 0: the first column. */
ed_result ecmd_first_col(editor *ed, const ed_args *a)
{
	(void)a;
	ed->col = 0;
	return moved(ed);
}

/* $: the last column. */
ed_result ecmd_last_col(editor *ed, const ed_args *a)
{
	(void)a;
	ed->col = ed->grid.ncols ? ed->grid.ncols - 1 : 0;
	return moved(ed);
}

/* g: the first lane. */
ed_result ecmd_first_lane(editor *ed, const ed_args *a)
{
	(void)a;
	ed->lane = 0;
	ed->idx = 0;
	return moved(ed);
}

/* G: the last lane. */
ed_result ecmd_last_lane(editor *ed, const ed_args *a)
{
	(void)a;
	ed->lane = ed->grid.nlanes ? ed->grid.nlanes - 1 : 0;
	ed->idx = 0;
	return moved(ed);
}

/* Move the selection by rows screen lines (a screen): to the card of
 * the current column shown at that body line of the view, so cards of
 * several lines count as what they take on screen. */
static ed_result page(editor *ed, long rows)
{
	if (!ed->grid.nlanes)
		return moved(ed);
	ed_view *v = editor_view(ed);
	size_t line, h;
	editor_sel_lines(ed, &line, &h);
	long t = (long)line + rows;
	if (t >= (long)v->height)
		t = (long)v->height - 1;
	if (t < 0)
		t = 0;
	size_t l = 0;
	while (l + 1 < v->nlanes && v->lane_y[l + 1] <= (size_t)t)
		l++;
	if (rows > 0 && (size_t)t >= v->lane_y[l] + v->lane_h[l] && l + 1 < v->nlanes)
		l++; /* a rule or channel line: the lane below */
	ed->lane = l;
	ed->idx = 0;
	size_t k = cells_find(&ed->grid.cells, l, ed->col);
	if (k != CELLS_NONE) {
		size_t sub = (size_t)t > v->lane_y[l] ? (size_t)t - v->lane_y[l] : 0;
		for (size_t i = ed->grid.cells.start[k]; i < ed->grid.cells.start[k + 1]; i++) {
			ed->idx = i - ed->grid.cells.start[k];
			if (sub < v->card_y[i] + v->card_h[i])
				break;
		}
	}
	return moved(ed);
}

/* PageUp. */
ed_result ecmd_page_up(editor *ed, const ed_args *a)
{
	(void)a;
	return page(ed, -(long)editor_body_rows(ed));
}

/* PageDown. */
ed_result ecmd_page_down(editor *ed, const ed_args *a)
{
	(void)a;
	return page(ed, (long)editor_body_rows(ed));
}

/* :goto ID: a step, else a column or a lane with that id. */
ed_result ecmd_goto(editor *ed, const ed_args *a)
{
	if (a->argc != 1)
		return ed_usage(ed, "goto");
	sbp_step *s = blueprint_step(ed->bp, a->argv[0]);
	if (s) {
		editor_select(ed, s);
		return ed_done(ed, RD_GRID | RD_STATUS);
	}
	sbp_column *c = blueprint_column(ed->bp, a->argv[0]);
	sbp_lane *l = blueprint_lane(ed->bp, a->argv[0]);
	if (!c && !l)
		return ed_err(ed, _("No step, column or lane has the id \"%s\"."),
			      a->argv[0]);
	if (c)
		ed->col = c->idx;
	if (l)
		ed->lane = l->idx;
	ed->idx = 0;
	return moved(ed);
}

typedef bool (*step_pred)(const sbp_step *s, const void *ctx);

/* The next (dir 1) or previous (dir -1) step in time order (column by
 * column, lane by lane, down each stack) that pred accepts, starting
 * after the selection and wrapping around. Stores it in the selection. */
static bool find_step(editor *ed, int dir, step_pred pred, const void *ctx)
{
	const ed_grid *g = &ed->grid;
	size_t ncells = g->nlanes * g->ncols;
	if (ncells == 0)
		return false;
	size_t cell = ed->col * g->nlanes + ed->lane; /* column-major */
	long i = (long)ed->idx;
	for (size_t k = 0; k <= ncells; k++) {
		size_t lane = cell % g->nlanes, col = cell / g->nlanes;
		long n = (long)grid_cell_count(g, lane, col);
		for (i += dir; i >= 0 && i < n; i += dir) {
			sbp_step *s = grid_cell_step(g, lane, col, (size_t)i);
			if (pred(s, ctx)) {
				ed->lane = lane;
				ed->col = col;
				ed->idx = (size_t)i;
				ed_scroll_to_sel(ed);
				return true;
			}
		}
		cell = (cell + ncells + (size_t)(long)dir) % ncells;
		lane = cell % g->nlanes;
		col = cell / g->nlanes;
		i = dir > 0 ? -1 : (long)grid_cell_count(g, lane, col);
	}
	return false;
}

/* A flagged encounter. */
static bool pred_flagged(const sbp_step *s, const void *ctx)
{
	(void)ctx;
	return step_is_flagged(s);
}

/* n / N: the next or previous flagged encounter. */
static ed_result next_flagged(editor *ed, int dir)
{
	if (!find_step(ed, dir, pred_flagged, NULL))
		return ed_ok(ed, RD_MSG, _("No flagged encounters: every encounter has a standard."));
	return ed_ok(ed, RD_GRID | RD_STATUS,
		     _("Flagged: an encounter without a standard (s attaches one)."));
}

/* n. */
ed_result ecmd_next(editor *ed, const ed_args *a)
{
	(void)a;
	return next_flagged(ed, 1);
}

/* N. */
ed_result ecmd_prev(editor *ed, const ed_args *a)
{
	(void)a;
	return next_flagged(ed, -1);
}

/* Does the step match the search: its id, text, notes, fix, fail point
 * (text and recovery), wait point, or a standard it has (id, name,
 * measure, target, requirement, owner)? */
static bool pred_search(const sbp_step *s, const void *ctx)
{
	const char *pat = ctx;
	if (ed_text_matches(s->id, pat) || ed_text_matches(s->text, pat) ||
	    ed_text_matches(step_notes(s), pat) || ed_text_matches(step_fix(s), pat))
		return true;
	if (s->fail && (ed_text_matches(s->fail->text, pat) ||
			ed_text_matches(s->fail->recovery, pat)))
		return true;
	if (s->wait && ed_text_matches(s->wait->text, pat))
		return true;
	for (size_t i = 0; i < s->stds.n; i++) {
		const sbp_standard *d = s->stds.items[i];
		if (ed_text_matches(d->id, pat) || ed_text_matches(d->name, pat) ||
		    ed_text_matches(d->measure, pat) || ed_text_matches(d->target, pat) ||
		    ed_text_matches(d->requirement, pat) || ed_text_matches(d->owner, pat))
			return true;
	}
	return false;
}

/* Go to the next (dir 1) or previous (dir -1) match of the search. */
static ed_result search_go(editor *ed, int dir)
{
	if (!ed->search)
		return ed_err(ed, "%s", _("Nothing to search for yet: /TEXT."));
	size_t count = 0;
	for (size_t i = 0; i < ed->bp->steps.n; i++)
		count += pred_search(ed->bp->steps.items[i], ed->search);
	if (count == 0 || !find_step(ed, dir, pred_search, ed->search))
		return ed_err(ed, _("No step matches \"%s\"."), ed->search);
	return ed_ok(ed, RD_GRID | RD_STATUS,
		     P_("%zu step matches \"%s\" (Ctrl-N next, Ctrl-P previous).",
			"%zu steps match \"%s\" (Ctrl-N next, Ctrl-P previous).", count),
		     count, ed->search);
}

/* / TEXT: the next step that matches TEXT (empty: the last search). */
ed_result ecmd_search(editor *ed, const ed_args *a)
{
	if (a->from_key)
		return ed_prompt_open(ed, "/", "search", "", CPL_STEP, 1);
	if (*a->rest)
		set_string(&ed->search, a->rest);
	return search_go(ed, 1);
}

/* Ctrl-N / :searchnext. */
ed_result ecmd_search_next(editor *ed, const ed_args *a)
{
	(void)a;
	return search_go(ed, 1);
}

/* Ctrl-P / :searchprev. */
ed_result ecmd_search_prev(editor *ed, const ed_args *a)
{
	(void)a;
	return search_go(ed, -1);
}

/* c: start picking the target of a flow from the selected step. */
ed_result ecmd_connect(editor *ed, const ed_args *a)
{
	(void)a;
	ed->connect_from = editor_step(ed);
	ed_push_mode(ed, MODE_CONNECT);
	return ed_ok(ed, RD_ALL, _("Flow from %s: move to the target, Enter connects, "
		     ": types an id, Esc cancels."), ed->connect_from->id);
}

/* Connecting: Esc gives up. */
static ed_result cn_cancel(editor *ed, ed_key k)
{
	(void)k;
	ed_pop_mode(ed);
	return ed_ok(ed, RD_ALL, "%s", _("No flow added."));
}

/* Connecting: type the target's id (or text, with Tab) on the : line. */
static ed_result cn_line(editor *ed, ed_key k)
{
	(void)k;
	ed_pop_mode(ed);
	char *init = xasprintf("flow %s ", ed->connect_from->id);
	ed_result r = ed_prompt_open(ed, ":", NULL, init, CPL_NONE, 0);
	free(init);
	return r;
}

/* Connecting: Enter makes the flow to the selected card. */
static ed_result cn_enter(editor *ed, ed_key k)
{
	(void)k;
	sbp_step *to = editor_step(ed);
	if (!to)
		return ed_err(ed, "%s", _("No step here: pick a card, or Esc."));
	ed_pop_mode(ed);
	char *line = xasprintf("flow %s %s", ed->connect_from->id, to->id);
	ed_result r = editor_run(ed, line);
	free(line);
	return r;
}

/* Connecting: the selection moved (a key, a click); say to what. */
ed_result connect_picked(editor *ed)
{
	return ed_ok(ed, RD_ALL, _("Flow from %s to %s? Enter connects, Esc cancels."),
		     ed->connect_from->id,
		     editor_step(ed) ? editor_step(ed)->id : _("(empty cell)"));
}

/* Connecting: the moving keys of the grid walk to the target. */
static ed_result cn_move(editor *ed, ed_key k)
{
	const ed_command *c = editor_command_for_key(k);
	ed_args none = { 0, NULL, "", false, true };
	if (c)
		c->fn(ed, &none);
	return connect_picked(ed);
}

const ed_binding connect_bindings[] = {
	{ "h j k l <Left> <Down> <Up> <Right> 0 $ g G <Home> <End> <PageUp> <PageDown> n N",
	  cn_move, NULL, N_("walk to the target card") },
	{ "<Enter>", cn_enter, NULL, N_("add the flow to the selected card") },
	{ ":", cn_line, NULL, N_("type the target on the command line (Tab completes)") },
	{ "<Esc> q <C-c>", cn_cancel, NULL, N_("add no flow") },
	{ NULL, NULL, NULL, NULL },
};

/* Keys while picking a flow's target: the table. */
ed_result connect_key(editor *ed, ed_key k)
{
	ed_result r;
	if (bindings_run(ed, connect_bindings, k, &r))
		return r;
	return ed_done(ed, RD_NONE);
}
