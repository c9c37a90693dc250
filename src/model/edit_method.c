/* Undoable edits of the method's data: any plain field of an object set
 * from text through the field table, the measurement log, and lang. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "edit_internal.h"
#include "sbp/fields.h"
#include "sbp/i18n.h"

/* The history's name for an object kind, and whether obj is bp's. */
static bool object_of(edit_history *h, int kind, void *obj, obj_kind *out)
{
	const sbp_blueprint *bp = h->bp;
	switch (kind) {
	case SBP_OBJ_STANDARD: *out = EDIT_STANDARD; return has_standard(bp, obj);
	case SBP_OBJ_STEP: *out = EDIT_STEP; return has_step(bp, obj);
	case SBP_OBJ_LANE: *out = EDIT_LANE; return has_lane(bp, obj);
	case SBP_OBJ_COLUMN: *out = EDIT_COLUMN; return has_column(bp, obj);
	case SBP_OBJ_FLOW:
		*out = EDIT_FLOW;
		return obj && blueprint_flow_index(bp, obj) != (size_t)-1;
	default: return false;
	}
}

bool edit_field_set(edit_history *h, int kind, void *obj, const char *key,
		    const char *text)
{
	obj_kind ok;
	sbp_field_value v;
	char err[200];

	h->error[0] = '\0';
	if (!object_of(h, kind, obj, &ok))
		return edit_refuse(h, "%s", _("no such object in this blueprint"));
	const sbp_field *f = field_find((sbp_obj_kind)kind, key);
	if (!f)
		return edit_refuse(h, _("there is no field '%.40s'"), key);
	if (f->flags & FF_FIXED)
		return edit_refuse(h, _("%s cannot be changed this way"), key);
	if (!field_parse_text(f, text ? text : "", &v, err, sizeof err))
		return edit_refuse(h, "%s", err);
	size_t mark = edit_open(h, "change field");
	const void *cur = field_ptr(f, obj);
	switch (f->type) {
	case FT_NAME: case FT_STRING:
		if (!same_str(cur ? *(char *const *)cur : NULL, v.str))
			rec_str(h, ok, obj, field_ptr_make(f, obj), v.str);
		break;
	case FT_NUMBER: case FT_MINUTES: case FT_COUNT:
		if (!same_num(cur ? *(const double *)cur : NAN, v.num))
			rec_val(h, ok, obj, field_ptr_make(f, obj), &v.num, sizeof v.num);
		break;
	case FT_SEVERITY: case FT_MARK: case FT_ENUM:
		if (*(const int *)cur != v.i)
			rec_val(h, ok, obj, field_ptr_make(f, obj), &v.i, sizeof v.i);
		break;
	default:
		break;
	}
	edit_close(h, mark);
	return true;
}

bool edit_measurement_add(edit_history *h, const sbp_measurement *proto,
			  sbp_measurement **out)
{
	h->error[0] = '\0';
	if (!proto || !has_standard(h->bp, proto->standard))
		return edit_refuse(h, "%s", _("a measurement needs a standard of this blueprint"));
	if (!sbp_date_valid(proto->date))
		return edit_refuse(h, _("'%.20s' is not a date (use YYYY-MM-DD)"), proto->date);
	if (!isnan(proto->value) && !isfinite(proto->value))
		return edit_refuse(h, "%s", _("the value must be a finite number"));
	const double counts[2] = {proto->failures, proto->volume};
	for (int i = 0; i < 2; i++)
		if (!isnan(counts[i]) && (!isfinite(counts[i]) || counts[i] < 0 ||
					  counts[i] != floor(counts[i])))
			return edit_refuse(h, "%s", _("failures and volume must be whole "
						      "numbers, 0 or more"));
	sbp_measurement *m = measurement_new(proto->date, proto->standard);
	m->value = proto->value;
	m->failures = proto->failures;
	m->volume = proto->volume;
	set_string(&m->note, proto->note);
	extras_copy(&m->extras, &proto->extras);
	size_t mark = edit_open(h, "add measurement");
	rec_place(h, EDIT_MEASUREMENT, m, h->bp->measurements.n, true);
	edit_close(h, mark);
	if (out)
		*out = m;
	return true;
}

/* Index of m in the log, or (size_t)-1. */
static size_t measurement_index(const sbp_blueprint *bp, const sbp_measurement *m)
{
	for (size_t i = bp->measurements.n; i-- > 0;)
		if (bp->measurements.items[i] == m)
			return i;
	return (size_t)-1;
}

bool edit_measurement_delete(edit_history *h, sbp_measurement *m)
{
	h->error[0] = '\0';
	size_t at = measurement_index(h->bp, m);
	if (at == (size_t)-1)
		return edit_refuse(h, "%s", _("no such measurement in this blueprint"));
	size_t mark = edit_open(h, "delete measurement");
	rec_place(h, EDIT_MEASUREMENT, m, at, false);
	edit_close(h, mark);
	return true;
}

bool edit_lang(edit_history *h, sbp_lang lang)
{
	h->error[0] = '\0';
	if (lang != LANG_UNSET && lang != LANG_EN && lang != LANG_ZH)
		return edit_refuse(h, "%s", _("lang must be en or zh"));
	size_t mark = edit_open(h, "change lang");
	if (h->bp->lang != lang)
		rec_val(h, EDIT_BLUEPRINT, h->bp, &h->bp->lang, &lang, sizeof lang);
	edit_close(h, mark);
	return true;
}
