/* Undoable edits of the standards catalog: adding a copy of a prototype,
 * updating every field but the id (both walk the field table), and
 * deleting a standard after detaching it from every step that uses it and
 * removing its measurements. */
#include <stdlib.h>
#include <string.h>

#include "edit_internal.h"
#include "sbp/fields.h"
#include "sbp/i18n.h"

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
	if ((unsigned)proto->source > SOURCE_COMPANY)
		return edit_refuse(h, "%s", _("'source' must be customer or company"));
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
	for (const sbp_field *f = fields_of(SBP_OBJ_STANDARD); f->key; f++) {
		if (f->flags & FF_FIXED)
			continue;
		if (f->type == FT_NAME || f->type == FT_STRING)
			set_string(field_ptr_make(f, s), *(char *const *)field_ptr(f, proto));
		else if (f->type == FT_NUMBER)
			*(double *)field_ptr_make(f, s) = *(const double *)field_ptr(f, proto);
		else if (f->type == FT_ENUM)
			*(int *)field_ptr_make(f, s) = *(const int *)field_ptr(f, proto);
	}
	if (!s->name)
		s->name = xstrdup("");
	extras_copy(&s->extras, &proto->extras);
	size_t mark = edit_open(h, "add standard");
	rec_place(h, EDIT_STANDARD, s, h->bp->standards.n, true);
	edit_close(h, mark);
	if (out)
		*out = s;
	return true;
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
	for (const sbp_field *f = fields_of(SBP_OBJ_STANDARD); f->key; f++) {
		if (f->flags & FF_FIXED)
			continue;
		void *field = field_ptr_make(f, s);
		const void *value = field_ptr(f, proto);
		if (f->type == FT_NAME || f->type == FT_STRING) {
			const char *v = *(char *const *)value;
			if (f->type == FT_NAME && !v)
				v = "";
			if (!same_str(*(char **)field, v))
				rec_str(h, EDIT_STANDARD, s, field, v);
		} else if (f->type == FT_NUMBER) {
			if (!same_num(*(double *)field, *(const double *)value))
				rec_val(h, EDIT_STANDARD, s, field, value, sizeof(double));
		} else if (f->type == FT_ENUM) {
			if (*(int *)field != *(const int *)value)
				rec_val(h, EDIT_STANDARD, s, field, value, sizeof(int));
		}
	}
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
	for (size_t i = bp->measurements.n; i-- > 0;)
		if (bp->measurements.items[i]->standard == s)
			rec_place(h, EDIT_MEASUREMENT, bp->measurements.items[i], i, false);
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
