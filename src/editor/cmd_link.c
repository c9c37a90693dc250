/* Commands about standards and flows: attach and detach standards, the
 * catalog's add, set and delete, and adding or deleting flows. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/fields.h"
#include "internal.h"

/* A refused edit. */
static ed_result refused(editor *ed)
{
	return ed_err(ed, "%s", ed->hist.error[0] ? ed->hist.error : "Refused.");
}

/* :std ID...: attach every named standard (all or nothing). */
ed_result ecmd_std(editor *ed, const ed_args *a)
{
	sbp_step *s = editor_step(ed);
	if (a->argc == 0)
		return ed_usage(ed, "std");
	for (int i = 0; i < a->argc; i++)
		if (!blueprint_standard(ed->bp, a->argv[i]))
			return ed_err(ed, _("No standard has the id \"%s\" (S shows the catalog)."),
				      a->argv[i]);
	size_t added = 0;
	edit_begin(&ed->hist, _("attach standards"));
	for (int i = 0; i < a->argc; i++) {
		sbp_standard *std = blueprint_standard(ed->bp, a->argv[i]);
		if (!step_has_standard(s, std) && edit_step_attach(&ed->hist, s, std))
			added++;
	}
	edit_end(&ed->hist);
	if (added == 0)
		return ed_ok(ed, RD_MSG, _("Already attached."));
	return ed_ok(ed, RD_ALL, P_("Attached %zu standard to %s.",
				    "Attached %zu standards to %s.", added), added, s->id);
}

/* :unstd ID. */
ed_result ecmd_unstd(editor *ed, const ed_args *a)
{
	sbp_step *s = editor_step(ed);
	if (a->argc != 1)
		return ed_usage(ed, "unstd");
	sbp_standard *std = blueprint_standard(ed->bp, a->argv[0]);
	if (!std || !step_has_standard(s, std))
		return ed_err(ed, _("%s has no standard \"%s\"."), s->id, a->argv[0]);
	if (!edit_step_detach(&ed->hist, s, std))
		return refused(ed);
	return ed_ok(ed, RD_ALL, _("Detached %s from %s.%s"), std->id, s->id,
		     step_is_flagged(s) ? _(" The step is flagged again.") : "");
}

/* The fields of a standard :stdset and the catalog's form change: the
 * field table's rows that are not fixed (the id has :rename). */
const sbp_field *std_field(size_t i)
{
	for (const sbp_field *f = fields_of(SBP_OBJ_STANDARD); f->key; f++)
		if (!(f->flags & FF_FIXED) && i-- == 0)
			return f;
	return NULL;
}

/* Change one field of s from text through an undoable edit; false (with
 * the message set) when the field or the value is bad. */
bool std_set_field(editor *ed, sbp_standard *s, const char *field, const char *v)
{
	const sbp_field *f = field_find(SBP_OBJ_STANDARD, field);
	if (!f || (f->flags & FF_FIXED)) {
		sbp_buf list;
		buf_init(&list);
		for (size_t i = 0; std_field(i); i++)
			buf_printf(&list, " %s", std_field(i)->key);
		ed_err(ed, _("No field \"%s\"; one of:%s."), field, list.data);
		buf_free(&list);
		return false;
	}
	if (!edit_field_set(&ed->hist, SBP_OBJ_STANDARD, s, field, v)) {
		if (f->type == FT_ENUM)
			ed_err(ed, _("%s (one of %s)"), ed->hist.error, field_choices(f));
		else
			refused(ed);
		return false;
	}
	return true;
}

/* :stdadd NAME: a new hard standard in the catalog. */
ed_result ecmd_stdadd(editor *ed, const ed_args *a)
{
	if (!*a->rest)
		return ed_usage(ed, "stdadd");
	char *id = ed_slug_id(ed->bp, 'd', a->rest, "std");
	sbp_standard *p = standard_new(id, a->rest, STD_HARD), *s = NULL;
	free(id);
	bool ok = edit_standard_add(&ed->hist, p, &s);
	standard_free(p);
	if (!ok)
		return refused(ed);
	return ed_ok(ed, RD_ALL, _("Standard %s added (S edits its measure and target)."),
		     s->id);
}

/* :stdset ID FIELD VALUE. */
ed_result ecmd_stdset(editor *ed, const ed_args *a)
{
	if (a->argc < 2)
		return ed_usage(ed, "stdset");
	sbp_standard *s = blueprint_standard(ed->bp, a->argv[0]);
	if (!s)
		return ed_err(ed, _("No standard has the id \"%s\"."), a->argv[0]);
	/* the value is the text after the second word */
	const char *v = a->rest;
	for (int w = 0; w < 2; w++) {
		v += strspn(v, " \t");
		v += strcspn(v, " \t");
	}
	v += strspn(v, " \t");
	if (!std_set_field(ed, s, a->argv[1], v))
		return ed_failed(ed);
	return ed_ok(ed, RD_ALL, _("%s: %s set."), s->id, a->argv[1]);
}

/* Answer to "delete a standard in use?". */
static void on_stddelete(editor *ed, int choice)
{
	sbp_standard *s = ed->form_std;
	if (choice != 'y' || !s) {
		ed_ok(ed, RD_MSG, "Kept.");
		return;
	}
	char *id = xstrdup(s->id);
	if (edit_standard_delete(&ed->hist, s))
		ed_ok(ed, RD_ALL, _("Deleted standard %s (u undoes)."), id);
	else
		refused(ed);
	ed->form_std = NULL;
	free(id);
	if (ed->mode == MODE_CATALOG)
		catalog_refresh(ed);
}

/* :stddelete ID: asks first when steps use it (! does not ask). */
ed_result ecmd_stddelete(editor *ed, const ed_args *a)
{
	if (a->argc != 1)
		return ed_usage(ed, "stddelete");
	sbp_standard *s = blueprint_standard(ed->bp, a->argv[0]);
	if (!s)
		return ed_err(ed, _("No standard has the id \"%s\"."), a->argv[0]);
	size_t uses = edit_standard_uses(ed->bp, s);
	ed->form_std = s;
	if (uses > 0 && !a->bang) {
		char *text = xasprintf(P_("%zu step uses %s. Deleting it detaches it "
					  "from it,\nwhich may flag it again.\n\n"
					  "  y  delete it\n  n  keep it",
					  "%zu steps use %s. Deleting it detaches it "
					  "from them,\nwhich may flag them again.\n\n"
					  "  y  delete it\n  n  keep it", uses),
				       uses, s->id);
		ed_ask(ed, _("Delete a standard in use?"), text, "yn", true, on_stddelete);
		free(text);
		return ed_done(ed, RD_ALL);
	}
	on_stddelete(ed, 'y');
	return ed_done(ed, RD_ALL);
}

/* :flow FROM TO [LABEL]. */
ed_result ecmd_flow(editor *ed, const ed_args *a)
{
	if (a->argc < 2)
		return ed_usage(ed, "flow");
	sbp_step *from = blueprint_step(ed->bp, a->argv[0]);
	sbp_step *to = blueprint_step(ed->bp, a->argv[1]);
	if (!from || !to)
		return ed_err(ed, _("No step has the id \"%s\"."),
			      from ? a->argv[1] : a->argv[0]);
	if (from == to)
		return ed_err(ed, _("A flow joins two different steps."));
	for (size_t i = 0; i < ed->bp->flows.n; i++) {
		sbp_flow *f = ed->bp->flows.items[i];
		if (f->from == from && f->to == to)
			return ed_err(ed, _("There is already a flow from %s to %s."),
				      from->id, to->id);
	}
	const char *label = a->rest;
	for (int w = 0; w < 2; w++) {
		label += strspn(label, " \t");
		label += strcspn(label, " \t");
	}
	label += strspn(label, " \t");
	if (!edit_flow_add(&ed->hist, from, to, *label ? label : NULL, NULL))
		return refused(ed);
	return ed_ok(ed, RD_ALL, _("Flow %s -> %s added."), from->id, to->id);
}

/* :unflow FROM TO. */
ed_result ecmd_unflow(editor *ed, const ed_args *a)
{
	if (a->argc != 2)
		return ed_usage(ed, "unflow");
	for (size_t i = 0; i < ed->bp->flows.n; i++) {
		sbp_flow *f = ed->bp->flows.items[i];
		if (!strcmp(f->from->id, a->argv[0]) && !strcmp(f->to->id, a->argv[1])) {
			if (!edit_flow_delete(&ed->hist, f))
				return refused(ed);
			return ed_ok(ed, RD_ALL, _("Flow %s -> %s deleted."), a->argv[0],
				     a->argv[1]);
		}
	}
	return ed_err(ed, _("No flow from \"%s\" to \"%s\"."), a->argv[0], a->argv[1]);
}
