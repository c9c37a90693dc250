/* Commands about standards and flows: attach and detach standards, the
 * catalog's add, set and delete, and adding or deleting flows. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/i18n.h"
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
		return ed_err(ed, _("Usage: :std ID... (s picks from a list)"));
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
	return ed_ok(ed, RD_ALL, P_("Attached %zu standard to %s.", "Attached %zu standards to %s.", added),
		     added, s->id);
}

/* :unstd ID. */
ed_result ecmd_unstd(editor *ed, const ed_args *a)
{
	sbp_step *s = editor_step(ed);
	if (a->argc != 1)
		return ed_err(ed, _("Usage: :unstd ID"));
	sbp_standard *std = blueprint_standard(ed->bp, a->argv[0]);
	if (!std || !step_has_standard(s, std))
		return ed_err(ed, _("%s has no standard \"%s\"."), s->id, a->argv[0]);
	if (!edit_step_detach(&ed->hist, s, std))
		return refused(ed);
	return ed_ok(ed, RD_ALL, _("Detached %s from %s.%s"), std->id, s->id,
		     step_is_flagged(s) ? _(" The step is flagged again.") : "");
}

/* The fields of a standard that :stdset and the form change. */
const char *const std_fields[] = {
	"name", "kind", "measure", "target", "feedback", "dimension",
	"weight", "goal", "better", "actual", NULL,
};

/* A copy of a standard's fields to edit. */
static sbp_standard *std_copy(const sbp_standard *s)
{
	sbp_standard *p = standard_new(s->id, s->name, s->kind);
	set_string(&p->measure, s->measure);
	set_string(&p->target, s->target);
	set_string(&p->feedback, s->feedback);
	p->dimension = s->dimension;
	p->weight = s->weight;
	p->goal = s->goal;
	p->actual = s->actual;
	p->better = s->better;
	return p;
}

/* Set a number field from text (empty clears). */
static bool set_num(double *f, const char *v)
{
	if (!*v) {
		*f = NAN;
		return true;
	}
	return ed_parse_number(v, f);
}

/* Change one field of s through an undoable update; false (with the
 * message set) when the value is bad. */
bool std_set_field(editor *ed, sbp_standard *s, const char *field, const char *v)
{
	sbp_standard *p = std_copy(s);
	bool ok = true;
	if (!strcmp(field, "name")) {
		ok = *v != '\0';
		set_string(&p->name, v);
	} else if (!strcmp(field, "kind")) {
		ok = !strcmp(v, "hard") || !strcmp(v, "soft");
		p->kind = !strcmp(v, "soft") ? STD_SOFT : STD_HARD;
	} else if (!strcmp(field, "measure")) {
		set_string(&p->measure, *v ? v : NULL);
	} else if (!strcmp(field, "target")) {
		set_string(&p->target, *v ? v : NULL);
	} else if (!strcmp(field, "feedback")) {
		set_string(&p->feedback, *v ? v : NULL);
	} else if (!strcmp(field, "dimension")) {
		p->dimension = DIM_NONE;
		ok = !*v || dimension_parse(v, &p->dimension);
	} else if (!strcmp(field, "weight")) {
		ok = set_num(&p->weight, v);
	} else if (!strcmp(field, "goal")) {
		ok = set_num(&p->goal, v);
	} else if (!strcmp(field, "actual")) {
		ok = set_num(&p->actual, v);
	} else if (!strcmp(field, "better")) {
		p->better = !*v ? BETTER_UNSET : !strcmp(v, "higher") ? BETTER_HIGHER
			  : BETTER_LOWER;
		ok = !*v || !strcmp(v, "higher") || !strcmp(v, "lower");
	} else {
		ed_err(ed, _("No field \"%s\": name kind measure target feedback "
		       "dimension weight goal better actual."), field);
		standard_free(p);
		return false;
	}
	if (!ok) {
		ed_err(ed, _("Bad value for %s: \"%s\".%s"), field, v,
		       !strcmp(field, "dimension") ? _(" Use tangibles, reliability, "
		       "responsiveness, assurance or empathy.") : "");
		standard_free(p);
		return false;
	}
	ok = edit_standard_update(&ed->hist, s, p);
	standard_free(p);
	if (!ok)
		refused(ed);
	return ok;
}

/* :stdadd NAME: a new hard standard in the catalog. */
ed_result ecmd_stdadd(editor *ed, const ed_args *a)
{
	if (!*a->rest)
		return ed_err(ed, _("Usage: :stdadd NAME"));
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
		return ed_err(ed, _("Usage: :stdset ID FIELD VALUE"));
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
		return ed_err(ed, _("Usage: :stddelete ID"));
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
		return ed_err(ed, _("Usage: :flow FROM TO [LABEL]"));
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
		return ed_err(ed, _("Usage: :unflow FROM TO"));
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
