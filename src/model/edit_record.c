/* Building ops: one small constructor per primitive change, each of which
 * applies the change and records it, and the checks the public edits
 * share (is an object the blueprint's, is a new id acceptable). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "edit_internal.h"

/* A zeroed op of the given kind. */
static edit_op *op_new(op_kind kind)
{
	edit_op *op = xcalloc(1, sizeof *op);
	op->kind = kind;
	return op;
}

/* Record a swap of field (size bytes, in owner of kind kind) with value,
 * owning what it holds. */
static void rec_swap(edit_history *h, obj_kind kind, void *owner, void *field,
		     const void *value, size_t size, own_kind own)
{
	edit_op *op = op_new(OP_SWAP);
	op->u.swap.kind = kind;
	op->u.swap.owner = owner;
	op->u.swap.field = field;
	op->u.swap.size = size;
	op->u.swap.own = own;
	memcpy(&op->u.swap.other, value, size);
	edit_record(h, op);
}

/* Record setting a string field to a copy of value (NULL clears). */
void rec_str(edit_history *h, obj_kind kind, void *owner, char **field,
	     const char *value)
{
	char *copy = value ? xstrdup(value) : NULL;
	rec_swap(h, kind, owner, field, &copy, sizeof copy, OWN_STR);
}

/* Record setting a plain field (number, enum, borrowed pointer). */
void rec_val(edit_history *h, obj_kind kind, void *owner, void *field,
	     const void *value, size_t size)
{
	rec_swap(h, kind, owner, field, value, size, OWN_NONE);
}

/* Record replacing a step's fail point with value (owned), or NULL. */
void rec_fail(edit_history *h, sbp_step *s, sbp_fail *value)
{
	rec_swap(h, EDIT_STEP, s, &s->fail, &value, sizeof value, OWN_FAIL);
}

/* Record replacing a step's wait point with value (owned), or NULL. */
void rec_wait(edit_history *h, sbp_step *s, sbp_wait *value)
{
	rec_swap(h, EDIT_STEP, s, &s->wait, &value, sizeof value, OWN_WAIT);
}

/* Record inserting or removing one object at index idx. */
void rec_place(edit_history *h, obj_kind obj, void *p, size_t idx, bool insert)
{
	edit_op *op = op_new(OP_PLACE);
	op->u.place.obj = obj;
	op->u.place.p = p;
	op->u.place.idx = idx;
	op->u.place.insert = insert;
	edit_record(h, op);
}

/* Record removing the objects of items (taken; nothing when n is 0). */
void rec_bulk(edit_history *h, obj_kind obj, bulk_entry *items, size_t n)
{
	if (n == 0) {
		free(items);
		return;
	}
	edit_op *op = op_new(OP_BULK);
	op->u.bulk.obj = obj;
	op->u.bulk.items = items;
	op->u.bulk.n = n;
	edit_record(h, op);
}

/* Record attaching or detaching a standard at an index of s->stds. */
void rec_link(edit_history *h, sbp_step *s, sbp_standard *std, size_t idx,
	      bool insert)
{
	edit_op *op = op_new(OP_LINK);
	op->u.link.step = s;
	op->u.link.std = std;
	op->u.link.idx = idx;
	op->u.link.insert = insert;
	edit_record(h, op);
}

/* Record moving a lane or a column between indices. */
void rec_move(edit_history *h, obj_kind obj, size_t from, size_t to)
{
	edit_op *op = op_new(OP_MOVE);
	op->u.move.obj = obj;
	op->u.move.from = from;
	op->u.move.to = to;
	edit_record(h, op);
}

/* Is s a step of bp? O(1) through the id table. */
bool has_step(const sbp_blueprint *bp, const sbp_step *s)
{
	return s && s->id && blueprint_step(bp, s->id) == s;
}

/* Is l a lane of bp? O(1) through its idx. */
bool has_lane(const sbp_blueprint *bp, const sbp_lane *l)
{
	return l && blueprint_lane_index(bp, l) != (size_t)-1;
}

/* Is c a column of bp? O(1) through its idx. */
bool has_column(const sbp_blueprint *bp, const sbp_column *c)
{
	return c && blueprint_column_index(bp, c) != (size_t)-1;
}

/* Is s a standard of bp? O(1) through the id table. */
bool has_standard(const sbp_blueprint *bp, const sbp_standard *s)
{
	return s && s->id && blueprint_standard(bp, s->id) == s;
}

/* Equal optional strings (both NULL counts as equal). */
bool same_str(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Equal optional numbers (both NAN counts as equal). */
bool same_num(double a, double b)
{
	if (isnan(a) || isnan(b))
		return isnan(a) && isnan(b);
	return a == b;
}

/* A copy of a usable new id, or a fresh one when id is NULL. */
bool take_id(edit_history *h, const char *id, char kind, const char *prefix,
	     const char *what, char **out)
{
	const sbp_blueprint *bp = h->bp;
	if (!id) {
		*out = blueprint_fresh_id(bp, kind, prefix);
		return true;
	}
	if (!sbp_id_valid(id))
		return edit_refuse(h, "'%.64s' is not a valid %s id (use 1-64 letters, "
				   "digits, '-', '_' or '.')", id, what);
	bool used;
	switch (kind) {
	case 'c': used = blueprint_column(bp, id) != NULL; break;
	case 'l': used = blueprint_lane(bp, id) != NULL; break;
	case 'd': used = blueprint_standard(bp, id) != NULL; break;
	default: used = blueprint_step(bp, id) != NULL; break;
	}
	if (used)
		return edit_refuse(h, "there is already a %s with id '%s'", what, id);
	*out = xstrdup(id);
	return true;
}
