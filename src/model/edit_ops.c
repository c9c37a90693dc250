/* The primitive operations of the undo history: swapping a field,
 * inserting or removing one object, removing or restoring many steps or
 * flows in one pass, linking a standard to a step, moving a lane or a
 * column. Each applies and reverts in time proportional to what it
 * touches (or one pass over an array). */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "edit_internal.h"

/* Exchange the field's value with the one the op holds. */
static void swap_field(edit_op *op)
{
	swap_value tmp;
	memcpy(&tmp, op->u.swap.field, op->u.swap.size);
	memcpy(op->u.swap.field, &op->u.swap.other, op->u.swap.size);
	memcpy(&op->u.swap.other, &tmp, op->u.swap.size);
}

/* Put object p of kind obj into the blueprint at index idx. */
static void place_insert(sbp_blueprint *bp, obj_kind obj, void *p, size_t idx)
{
	bool ok = true;
	switch (obj) {
	case EDIT_LANE: ok = blueprint_insert_lane(bp, idx, p); break;
	case EDIT_COLUMN: ok = blueprint_insert_column(bp, idx, p); break;
	case EDIT_STANDARD: ok = blueprint_insert_standard(bp, idx, p); break;
	case EDIT_STEP: ok = blueprint_insert_step(bp, idx, p); break;
	case EDIT_FLOW: blueprint_insert_flow(bp, idx, p); break;
	case EDIT_MEASUREMENT: blueprint_insert_measurement(bp, idx, p); break;
	case EDIT_BLUEPRINT: ok = false; break;
	}
	assert(ok);
	(void)ok;
}

/* Take the object at index idx of kind obj out of the blueprint. */
static void place_remove(sbp_blueprint *bp, obj_kind obj, void *p, size_t idx)
{
	void *got = NULL;
	switch (obj) {
	case EDIT_LANE: got = blueprint_remove_lane(bp, idx); break;
	case EDIT_COLUMN: got = blueprint_remove_column(bp, idx); break;
	case EDIT_STANDARD: got = blueprint_remove_standard(bp, idx); break;
	case EDIT_STEP: got = blueprint_remove_step(bp, idx); break;
	case EDIT_FLOW: got = blueprint_remove_flow(bp, idx); break;
	case EDIT_MEASUREMENT: got = blueprint_remove_measurement(bp, idx); break;
	case EDIT_BLUEPRINT: break;
	}
	assert(got == p);
	(void)got;
	(void)p;
}

/* Remove the entries' objects from a typed vector, moving each run of
 * kept items once; entries hold ascending indices into the vector. */
#define BULK_REMOVE(vec, items, n)                                         \
	do {                                                               \
		for (size_t e_ = 0; e_ < (n); e_++) {                      \
			size_t from_ = (items)[e_].idx + 1;                \
			size_t end_ = e_ + 1 < (n) ? (items)[e_ + 1].idx   \
						   : (vec).n;              \
			assert((void *)(vec).items[from_ - 1] ==           \
			       (items)[e_].obj);                           \
			memmove(&(vec).items[from_ - 1 - e_],              \
				&(vec).items[from_],                       \
				(end_ - from_) * sizeof *(vec).items);     \
		}                                                          \
		(vec).n -= (n);                                            \
	} while (0)

/* Put the entries' objects back at their indices, last first, moving
 * each run of items once. */
#define BULK_RESTORE(vec, items, n)                                        \
	do {                                                               \
		size_t total_ = (vec).n + (n), end_ = total_;              \
		xgrow(&(vec).items, &(vec).cap, total_, sizeof *(vec).items); \
		for (size_t e_ = (n); e_-- > 0;) {                         \
			size_t at_ = (items)[e_].idx;                      \
			memmove(&(vec).items[at_ + 1], &(vec).items[at_ - e_], \
				(end_ - at_ - 1) * sizeof *(vec).items);   \
			(vec).items[at_] = (items)[e_].obj;                \
			end_ = at_;                                        \
		}                                                          \
		(vec).n = total_;                                          \
	} while (0)

/* Remove many steps (and their ids) or flows. */
static void bulk_remove(sbp_blueprint *bp, edit_op *op)
{
	bulk_entry *items = op->u.bulk.items;
	size_t n = op->u.bulk.n;
	if (op->u.bulk.obj == EDIT_STEP) {
		for (size_t i = 0; i < n; i++)
			hmap_del(&bp->step_ids, ((sbp_step *)items[i].obj)->id);
		BULK_REMOVE(bp->steps, items, n);
	} else {
		BULK_REMOVE(bp->flows, items, n);
	}
}

/* Restore many steps (and their ids) or flows. */
static void bulk_restore(sbp_blueprint *bp, edit_op *op)
{
	bulk_entry *items = op->u.bulk.items;
	size_t n = op->u.bulk.n;
	if (op->u.bulk.obj == EDIT_STEP) {
		for (size_t i = 0; i < n; i++) {
			sbp_step *s = items[i].obj;
			bool ok = hmap_put(&bp->step_ids, s->id, s);
			assert(ok);
			(void)ok;
		}
		BULK_RESTORE(bp->steps, items, n);
	} else {
		BULK_RESTORE(bp->flows, items, n);
	}
}

/* Attach or detach a standard at an index of the step's list. */
static void link_set(edit_op *op, bool attach)
{
	sbp_step *s = op->u.link.step;
	if (attach) {
		VEC_INSERT(s->stds, op->u.link.idx, op->u.link.std);
	} else {
		assert(s->stds.items[op->u.link.idx] == op->u.link.std);
		VEC_REMOVE(s->stds, op->u.link.idx);
	}
}

/* Move the lane, column or step at index from to index to. */
static void move_obj(sbp_blueprint *bp, obj_kind obj, size_t from, size_t to)
{
	if (obj == EDIT_STEP) {
		sbp_step *s = blueprint_remove_step(bp, from);
		place_insert(bp, EDIT_STEP, s, to);
	} else if (obj == EDIT_LANE) {
		sbp_lane *l = blueprint_remove_lane(bp, from);
		place_insert(bp, EDIT_LANE, l, to);
	} else {
		sbp_column *c = blueprint_remove_column(bp, from);
		place_insert(bp, EDIT_COLUMN, c, to);
	}
}

/* Tell the watcher of one change, the nth of a batch. */
static void tell_nth(edit_history *h, edit_change change, bool after,
		     obj_kind kind, void *obj, size_t idx, size_t batch,
		     size_t nth)
{
	edit_event ev = { change, after, kind, obj, idx, batch, nth };
	h->watch(h->watch_ctx, &ev);
}

/* Tell the watcher of a change of one object. */
static void tell(edit_history *h, edit_change change, bool after,
		 obj_kind kind, void *obj, size_t idx)
{
	tell_nth(h, change, after, kind, obj, idx, 1, 0);
}

/* Tell the watcher what op is about to do (after false) or has done. */
static void op_tell(edit_history *h, const edit_op *op, bool forward,
		    bool after)
{
	switch (op->kind) {
	case OP_SWAP:
		tell(h, EDIT_MODIFY, after, op->u.swap.kind, op->u.swap.owner,
		     (size_t)-1);
		break;
	case OP_PLACE:
		tell(h, op->u.place.insert == forward ? EDIT_INSERT : EDIT_REMOVE,
		     after, op->u.place.obj, op->u.place.p, op->u.place.idx);
		break;
	case OP_BULK:
		for (size_t i = 0; i < op->u.bulk.n; i++)
			tell_nth(h, forward ? EDIT_REMOVE : EDIT_INSERT, after,
				 op->u.bulk.obj, op->u.bulk.items[i].obj,
				 op->u.bulk.items[i].idx, op->u.bulk.n, i);
		break;
	case OP_LINK:
		tell(h, EDIT_MODIFY, after, EDIT_STEP, op->u.link.step, (size_t)-1);
		break;
	case OP_MOVE: {
		size_t from = forward ? op->u.move.from : op->u.move.to;
		size_t to = forward ? op->u.move.to : op->u.move.from;
		void *obj = op->u.move.obj == EDIT_LANE
				    ? (void *)h->bp->lanes.items[after ? to : from]
			    : op->u.move.obj == EDIT_STEP
				    ? (void *)h->bp->steps.items[after ? to : from]
				    : (void *)h->bp->columns.items[after ? to : from];
		tell(h, EDIT_MOVE, after, op->u.move.obj, obj, to);
		break;
	}
	case OP_RENAME:
		tell(h, EDIT_MODIFY, after, op->u.rename.obj, rename_obj(op),
		     (size_t)-1);
		break;
	}
}

/* Make the change an op records (forward) or undo it (backward): every
 * op is its own inverse with the direction flipped. The watcher hears of
 * it before and after. */
static void op_run(edit_history *h, edit_op *op, bool forward)
{
	sbp_blueprint *bp = h->bp;
	if (h->watch)
		op_tell(h, op, forward, false);
	switch (op->kind) {
	case OP_SWAP:
		swap_field(op);
		break;
	case OP_PLACE:
		if (op->u.place.insert == forward)
			place_insert(bp, op->u.place.obj, op->u.place.p, op->u.place.idx);
		else
			place_remove(bp, op->u.place.obj, op->u.place.p, op->u.place.idx);
		break;
	case OP_BULK:
		if (forward)
			bulk_remove(bp, op);
		else
			bulk_restore(bp, op);
		break;
	case OP_LINK:
		link_set(op, op->u.link.insert == forward);
		break;
	case OP_MOVE:
		if (forward)
			move_obj(bp, op->u.move.obj, op->u.move.from, op->u.move.to);
		else
			move_obj(bp, op->u.move.obj, op->u.move.to, op->u.move.from);
		break;
	case OP_RENAME:
		rename_swap(bp, op);
		break;
	}
	if (h->watch)
		op_tell(h, op, forward, true);
}

/* Make the change an op records. */
void op_apply(edit_history *h, edit_op *op)
{
	op_run(h, op, true);
}

/* Undo the change an op records. */
void op_revert(edit_history *h, edit_op *op)
{
	op_run(h, op, false);
}

/* Free an object of kind obj that is out of the blueprint. */
static void obj_free(obj_kind obj, void *p)
{
	switch (obj) {
	case EDIT_LANE: lane_free(p); break;
	case EDIT_COLUMN: column_free(p); break;
	case EDIT_STANDARD: standard_free(p); break;
	case EDIT_STEP: step_free(p); break;
	case EDIT_FLOW: flow_free(p); break;
	case EDIT_MEASUREMENT: measurement_free(p); break;
	case EDIT_BLUEPRINT: break;
	}
}

/* Free the value a swap op holds, when it owns one. */
static void swap_free(edit_op *op)
{
	switch (op->u.swap.own) {
	case OWN_NONE: break;
	case OWN_STR: free(op->u.swap.other.p); break;
	case OWN_FAIL: fail_free(op->u.swap.other.p); break;
	case OWN_WAIT: wait_free(op->u.swap.other.p); break;
	}
}

/* Free an op and the objects it owns in its state. */
void op_free(edit_op *op, bool applied)
{
	if (!op)
		return;
	switch (op->kind) {
	case OP_SWAP:
		swap_free(op);
		break;
	case OP_PLACE:
		if (applied != op->u.place.insert)
			obj_free(op->u.place.obj, op->u.place.p);
		break;
	case OP_BULK:
		for (size_t i = 0; applied && i < op->u.bulk.n; i++)
			obj_free(op->u.bulk.obj, op->u.bulk.items[i].obj);
		free(op->u.bulk.items);
		break;
	case OP_LINK:
	case OP_MOVE:
		break;
	case OP_RENAME:
		free(op->u.rename.other);
		break;
	}
	free(op);
}
