/* Undoable edits of flows (add, delete, label), and the removal of a set
 * of steps with every flow that touches them, which deleting a step, a
 * column or a lane shares. One pass over the flows and one over the steps,
 * whatever the number removed. */
#include <stdlib.h>

#include "edit_internal.h"

/* Collect into a new array the flows with an end for which pred is true. */
static bulk_entry *collect_flows(const sbp_blueprint *bp, step_pred pred,
				 const void *ctx, size_t *n)
{
	bulk_entry *items = NULL;
	size_t cap = 0;
	*n = 0;
	for (size_t i = 0; i < bp->flows.n; i++) {
		sbp_flow *f = bp->flows.items[i];
		if (!pred(f->from, ctx) && !pred(f->to, ctx))
			continue;
		xgrow(&items, &cap, *n + 1, sizeof *items);
		items[(*n)++] = (bulk_entry){i, f};
	}
	return items;
}

/* Collect into a new array the steps for which pred is true. */
static bulk_entry *collect_steps(const sbp_blueprint *bp, step_pred pred,
				 const void *ctx, size_t *n)
{
	bulk_entry *items = NULL;
	size_t cap = 0;
	*n = 0;
	for (size_t i = 0; i < bp->steps.n; i++) {
		sbp_step *s = bp->steps.items[i];
		if (!pred(s, ctx))
			continue;
		xgrow(&items, &cap, *n + 1, sizeof *items);
		items[(*n)++] = (bulk_entry){i, s};
	}
	return items;
}

/* Remove the matching steps and every flow touching them: two bulk ops. */
void rec_remove_steps(edit_history *h, step_pred pred, const void *ctx)
{
	size_t n;
	bulk_entry *flows = collect_flows(h->bp, pred, ctx, &n);
	rec_bulk(h, EDIT_FLOW, flows, n);
	bulk_entry *steps = collect_steps(h->bp, pred, ctx, &n);
	rec_bulk(h, EDIT_STEP, steps, n);
}

/* Append a flow between two different steps not yet linked that way. */
bool edit_flow_add(edit_history *h, sbp_step *from, sbp_step *to,
		   const char *label, sbp_flow **out)
{
	h->error[0] = '\0';
	if (!has_step(h->bp, from) || !has_step(h->bp, to))
		return edit_refuse(h, "no such step in this blueprint");
	if (from == to)
		return edit_refuse(h, "a flow cannot go from step '%s' to itself",
				   from->id);
	for (size_t i = 0; i < h->bp->flows.n; i++) {
		const sbp_flow *f = h->bp->flows.items[i];
		if (f->from == from && f->to == to)
			return edit_refuse(h, "there is already a flow from '%s' to '%s'",
					   from->id, to->id);
	}
	sbp_flow *f = flow_new(from, to, label);
	size_t mark = edit_open(h, "add flow");
	rec_place(h, EDIT_FLOW, f, h->bp->flows.n, true);
	edit_close(h, mark);
	if (out)
		*out = f;
	return true;
}

/* Index of f in the blueprint's flows, refusing a foreign flow. */
static bool find_flow(edit_history *h, const sbp_flow *f, size_t *at)
{
	*at = f ? blueprint_flow_index(h->bp, f) : (size_t)-1;
	if (*at == (size_t)-1)
		return edit_refuse(h, "no such flow in this blueprint");
	return true;
}

/* Remove a flow; undo puts the same flow back at its index. */
bool edit_flow_delete(edit_history *h, sbp_flow *f)
{
	size_t at;
	h->error[0] = '\0';
	if (!find_flow(h, f, &at))
		return false;
	size_t mark = edit_open(h, "delete flow");
	rec_place(h, EDIT_FLOW, f, at, false);
	edit_close(h, mark);
	return true;
}

/* Set or clear a flow label. */
bool edit_flow_label(edit_history *h, sbp_flow *f, const char *label)
{
	size_t at;
	h->error[0] = '\0';
	if (!find_flow(h, f, &at))
		return false;
	size_t mark = edit_open(h, "change flow label");
	if (!same_str(f->label, label))
		rec_str(h, EDIT_FLOW, f, &f->label, label);
	edit_close(h, mark);
	return true;
}
