/* Edits the editor's quick entry needs beside the others: renaming the
 * id of a step, standard, lane or column (references are pointers, so
 * every flow and attachment follows; only the id index changes), moving
 * a step within its cell, and duplicating a step with all its fields. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "edit_internal.h"

/* The address of an object's id field and the index that holds it. */
static char **id_field(sbp_blueprint *bp, obj_kind obj, void *p, hmap **ids)
{
	switch (obj) {
	case EDIT_LANE: *ids = &bp->lane_ids; return &((sbp_lane *)p)->id;
	case EDIT_COLUMN: *ids = &bp->column_ids; return &((sbp_column *)p)->id;
	case EDIT_STANDARD: *ids = &bp->standard_ids; return &((sbp_standard *)p)->id;
	case EDIT_STEP: *ids = &bp->step_ids; return &((sbp_step *)p)->id;
	default: *ids = NULL; return NULL;
	}
}

/* Exchange the object's id with the op's and move its index entry. */
void rename_swap(sbp_blueprint *bp, edit_op *op)
{
	hmap *ids;
	char **field = id_field(bp, op->u.rename.obj, op->u.rename.p, &ids);
	assert(field && ids);
	hmap_del(ids, *field);
	char *tmp = *field;
	*field = op->u.rename.other;
	op->u.rename.other = tmp;
	bool ok = hmap_put(ids, *field, op->u.rename.p);
	assert(ok);
	(void)ok;
}

/* The object a rename is about. */
void *rename_obj(const edit_op *op)
{
	return op->u.rename.p;
}

/* Does the blueprint hold the object? */
static bool has_obj(const sbp_blueprint *bp, obj_kind obj, const void *p)
{
	switch (obj) {
	case EDIT_LANE: return has_lane(bp, p);
	case EDIT_COLUMN: return has_column(bp, p);
	case EDIT_STANDARD: return has_standard(bp, p);
	case EDIT_STEP: return has_step(bp, p);
	default: return false;
	}
}

/* Give an object a new id. */
bool edit_rename_id(edit_history *h, edit_obj obj, void *p, const char *id)
{
	static const char kinds[] = { 'l', 'c', 'd', 's' };
	static const char *const what[] = { "lane", "column", "standard", "step" };
	h->error[0] = '\0';
	if ((int)obj > EDIT_STEP || !has_obj(h->bp, obj, p))
		return edit_refuse(h, "nothing to rename");
	hmap *ids;
	char **field = id_field(h->bp, obj, p, &ids);
	if (id && strcmp(*field, id) == 0)
		return true;
	char *fresh;
	if (!id || !take_id(h, id, kinds[obj], what[obj], what[obj], &fresh))
		return id ? false : edit_refuse(h, "a new id is needed");
	size_t mark = edit_open(h, "rename");
	edit_op *op = xcalloc(1, sizeof *op);
	op->kind = OP_RENAME;
	op->u.rename.obj = obj;
	op->u.rename.p = p;
	op->u.rename.other = fresh;
	edit_record(h, op);
	edit_close(h, mark);
	return true;
}

/* Move a step before the previous (dir < 0) or after the next (dir > 0)
 * step of its cell; false when it is already first or last there. */
bool edit_step_reorder(edit_history *h, sbp_step *s, int dir)
{
	h->error[0] = '\0';
	if (!has_step(h->bp, s))
		return edit_refuse(h, "no such step");
	sbp_blueprint *bp = h->bp;
	size_t from = blueprint_step_index(bp, s), to = from;
	for (size_t i = from; dir < 0 ? i-- > 0 : ++i < bp->steps.n;) {
		const sbp_step *o = bp->steps.items[i];
		if (o->lane == s->lane && o->column == s->column) {
			to = i;
			break;
		}
	}
	if (to == from)
		return edit_refuse(h, dir < 0 ? "the step is already first in its cell"
					      : "the step is already last in its cell");
	size_t mark = edit_open(h, "reorder step");
	edit_op *op = xcalloc(1, sizeof *op);
	op->kind = OP_MOVE;
	op->u.move.obj = EDIT_STEP;
	op->u.move.from = from;
	op->u.move.to = to;
	edit_record(h, op);
	edit_close(h, mark);
	return true;
}

/* A copy of src (text, notes, duration, encounter mark, fail and wait
 * points, standards; not its flows) in lane/col with id (NULL: fresh). */
bool edit_step_copy(edit_history *h, const sbp_step *src, sbp_lane *lane,
		    sbp_column *col, const char *id, sbp_step **out)
{
	sbp_step *s = NULL;
	edit_begin(h, "copy step");
	bool ok = edit_step_add(h, lane, col, id, src->text, &s);
	if (ok && step_notes(src))
		ok = edit_step_notes(h, s, step_notes(src));
	if (ok && step_fix(src))
		ok = edit_step_fix(h, s, step_fix(src));
	if (ok)
		ok = edit_step_duration(h, s, src->duration) &&
		     edit_step_encounter(h, s, src->encounter);
	if (ok && src->fail)
		ok = edit_step_fail(h, s, src->fail);
	if (ok && src->wait)
		ok = edit_step_wait(h, s, src->wait);
	for (size_t i = 0; ok && i < src->stds.n; i++)
		if (has_standard(h->bp, src->stds.items[i]))
			ok = edit_step_attach(h, s, src->stds.items[i]);
	edit_end(h);
	if (ok && out)
		*out = s;
	return ok;
}
