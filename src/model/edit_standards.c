/* Undoable edits of the standards catalog: adding a copy of a prototype,
 * updating every field but the id, and deleting a standard after
 * detaching it from every step that uses it. */
#include <stdlib.h>
#include <string.h>

#include "edit_internal.h"

/* Refuse a prototype whose enumerations are out of range. */
static bool check_proto(edit_history *h, const sbp_standard *proto)
{
	if (!proto)
		return edit_refuse(h, "no standard given");
	if (proto->kind != STD_HARD && proto->kind != STD_SOFT)
		return edit_refuse(h, "a standard's kind must be hard or soft");
	if ((unsigned)proto->dimension >= DIM_COUNT)
		return edit_refuse(h, "unknown SERVQUAL dimension");
	if (proto->better != BETTER_UNSET && proto->better != BETTER_HIGHER &&
	    proto->better != BETTER_LOWER)
		return edit_refuse(h, "'better' must be higher or lower");
	return true;
}

/* Append a copy of proto to the catalog. */
bool edit_standard_add(edit_history *h, const sbp_standard *proto, sbp_standard **out)
{
	h->error[0] = '\0';
	if (!check_proto(h, proto))
		return false;
	char *sid;
	if (!take_id(h, proto->id, 'd', "std", "standard", &sid))
		return false;
	sbp_standard *s = standard_new(sid, proto->name, proto->kind);
	free(sid);
	set_string(&s->measure, proto->measure);
	set_string(&s->target, proto->target);
	set_string(&s->feedback, proto->feedback);
	s->dimension = proto->dimension;
	s->weight = proto->weight;
	s->goal = proto->goal;
	s->actual = proto->actual;
	s->better = proto->better;
	extras_copy(&s->extras, &proto->extras);
	size_t mark = edit_open(h, "add standard");
	rec_place(h, EDIT_STANDARD, s, h->bp->standards.n, true);
	edit_close(h, mark);
	if (out)
		*out = s;
	return true;
}

/* Record a change of an optional string field of s when it differs. */
static void update_str(edit_history *h, sbp_standard *s, char **field,
		       const char *value)
{
	if (!same_str(*field, value))
		rec_str(h, EDIT_STANDARD, s, field, value);
}

/* Record a change of an optional number field of s when it differs. */
static void update_num(edit_history *h, sbp_standard *s, double *field,
		       double value)
{
	if (!same_num(*field, value))
		rec_val(h, EDIT_STANDARD, s, field, &value, sizeof value);
}

/* Record a change of an enumeration field of s when it differs. */
static void update_enum(edit_history *h, sbp_standard *s, void *field,
			const void *value, size_t size)
{
	if (memcmp(field, value, size) != 0)
		rec_val(h, EDIT_STANDARD, s, field, value, size);
}

/* Copy every field but the id (and extras) from proto, recording only what
 * differs. */
bool edit_standard_update(edit_history *h, sbp_standard *s, const sbp_standard *proto)
{
	h->error[0] = '\0';
	if (!has_standard(h->bp, s))
		return edit_refuse(h, "no such standard in this blueprint");
	if (!check_proto(h, proto))
		return false;
	size_t mark = edit_open(h, "update standard");
	update_str(h, s, &s->name, proto->name ? proto->name : "");
	update_enum(h, s, &s->kind, &proto->kind, sizeof proto->kind);
	update_str(h, s, &s->measure, proto->measure);
	update_str(h, s, &s->target, proto->target);
	update_enum(h, s, &s->dimension, &proto->dimension,
		    sizeof proto->dimension);
	update_str(h, s, &s->feedback, proto->feedback);
	update_num(h, s, &s->weight, proto->weight);
	update_num(h, s, &s->goal, proto->goal);
	update_enum(h, s, &s->better, &proto->better, sizeof proto->better);
	update_num(h, s, &s->actual, proto->actual);
	edit_close(h, mark);
	return true;
}

/* Detach a standard from every step (last index first), then remove it. */
bool edit_standard_delete(edit_history *h, sbp_standard *s)
{
	h->error[0] = '\0';
	if (!has_standard(h->bp, s))
		return edit_refuse(h, "no such standard in this blueprint");
	sbp_blueprint *bp = h->bp;
	size_t at = blueprint_standard_index(bp, s);
	size_t mark = edit_open(h, "delete standard");
	for (size_t i = 0; i < bp->steps.n; i++) {
		sbp_step *st = bp->steps.items[i];
		for (size_t j = st->stds.n; j-- > 0;)
			if (st->stds.items[j] == s)
				rec_link(h, st, s, j, false);
	}
	rec_place(h, EDIT_STANDARD, s, at, false);
	edit_close(h, mark);
	return true;
}

/* Count the steps that use a standard. */
size_t edit_standard_uses(const sbp_blueprint *bp, const sbp_standard *s)
{
	size_t n = 0;
	for (size_t i = 0; s && i < bp->steps.n; i++)
		if (step_has_standard(bp->steps.items[i], s))
			n++;
	return n;
}
