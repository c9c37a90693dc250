/* The standards catalog (S): every standard with its kind, dimension,
 * target, goal against actual (below goal highlighted) and the steps that
 * use it; and the form that edits one standard's fields. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/fields.h"
#include "internal.h"

/* Count the steps that use each standard (one pass over the steps). */
void catalog_refresh(editor *ed)
{
	const sbp_blueprint *bp = ed->bp;
	free(ed->uses);
	ed->nuses = bp->standards.n;
	ed->uses = xcalloc(ed->nuses ? ed->nuses : 1, sizeof *ed->uses);
	for (size_t i = 0; i < bp->steps.n; i++) {
		const sbp_step *s = bp->steps.items[i];
		for (size_t j = 0; j < s->stds.n; j++) {
			size_t k = blueprint_standard_index(bp, s->stds.items[j]);
			if (k < ed->nuses)
				ed->uses[k]++;
		}
	}
	ed->catalog_key = ed_state_key(ed);
	if (ed->catalog.sel >= bp->standards.n)
		ed->catalog.sel = bp->standards.n ? bp->standards.n - 1 : 0;
}

/* One standard in a line of columns. */
void catalog_item(editor *ed, size_t i, size_t width, sbp_buf *out, ed_style *st)
{
	if (ed->catalog_key != ed_state_key(ed) || ed->nuses != ed->bp->standards.n)
		catalog_refresh(ed);
	const sbp_standard *s = ed->bp->standards.items[i];
	char g[32], a[32];
	sbp_buf line, ga;
	buf_init(&line);
	buf_init(&ga);
	if (!isnan(s->goal) || !isnan(s->actual)) {
		if (isnan(s->goal))
			strcpy(g, "-");
		else
			fmt_number(s->goal, g);
		if (isnan(s->actual))
			strcpy(a, "-");
		else
			fmt_number(s->actual, a);
		buf_printf(&ga, "%s/%s%s", a, g, standard_below_goal(s) ? " !" : "");
	}
	ed_fit(&line, s->id, 16, true);
	buf_printf(&line, " %-4s ", std_kind_id(s->kind));
	ed_fit(&line, dimension_id(s->dimension) ? dimension_id(s->dimension) : "-",
	       14, true);
	buf_puts(&line, " ");
	ed_fit(&line, ga.data, 12, true);
	buf_printf(&line, " %4zu  ", i < ed->nuses ? ed->uses[i] : 0);
	buf_puts(&line, s->target ? s->target : s->name);
	ed_fit(out, line.data, width, false);
	*st = standard_below_goal(s) ? STY_WARN : STY_NORMAL;
	buf_free(&line);
	buf_free(&ga);
}

/* Lines under the list: the selected standard in full. */
void catalog_detail(editor *ed, size_t k, size_t width, sbp_buf *out)
{
	if (ed->catalog.sel >= ed->bp->standards.n)
		return;
	const sbp_standard *s = ed->bp->standards.items[ed->catalog.sel];
	sbp_buf line;
	buf_init(&line);
	switch (k) {
	case 0: buf_printf(&line, _("Name:     %s"), s->name); break;
	case 1: buf_printf(&line, _("Measure:  %s"), s->measure ? s->measure : "-"); break;
	case 2: buf_printf(&line, _("Target:   %s"), s->target ? s->target : "-"); break;
	case 3: buf_printf(&line, _("Feedback: %s"), s->feedback ? s->feedback : "-"); break;
	default: {
		buf_puts(&line, _("Used by:  "));
		size_t n = 0;
		for (size_t i = 0; i < ed->bp->steps.n && line.len < width + 16; i++)
			if (step_has_standard(ed->bp->steps.items[i], s))
				buf_printf(&line, "%s%s", n++ ? ", " : "",
					   ed->bp->steps.items[i]->id);
		if (n == 0)
			buf_puts(&line, _("no step (unused)"));
		break;
	}
	}
	ed_fit(out, line.data, width, false);
	buf_free(&line);
}

/* S: open the catalog. */
ed_result ecmd_catalog(editor *ed, const ed_args *a)
{
	(void)a;
	catalog_refresh(ed);
	ed_push_mode(ed, MODE_CATALOG);
	return ed_ok(ed, RD_ALL, _("Enter edits, a adds, d deletes, Esc closes."));
}

/* The standard under the catalog's selection, or NULL (message set). */
static sbp_standard *cat_sel(editor *ed)
{
	if (ed->bp->standards.n == 0) {
		ed_err(ed, "%s", _("The catalog is empty: a adds a standard."));
		return NULL;
	}
	return ed->bp->standards.items[ed->catalog.sel];
}

/* j k arrows...: move in the list. */
static ed_result cat_move(editor *ed, ed_key k)
{
	list_key(&ed->catalog, k, ed->bp->standards.n, editor_panel_rows(ed, 5));
	return ed_done(ed, RD_PANEL);
}

/* a: a new standard, by its name. */
static ed_result cat_add(editor *ed, ed_key k)
{
	(void)k;
	return ed_prompt_open(ed, _("New standard's name: "), "stdadd", "", CPL_NONE, 2);
}

/* d: delete the selected standard (asks when steps use it). */
static ed_result cat_delete(editor *ed, ed_key k)
{
	(void)k;
	sbp_standard *s = cat_sel(ed);
	if (!s)
		return ed_failed(ed);
	char *line = xasprintf("stddelete %s", s->id);
	ed_result r = editor_run(ed, line);
	free(line);
	return r;
}

/* Enter: the form of the selected standard. */
static ed_result cat_edit(editor *ed, ed_key k)
{
	(void)k;
	sbp_standard *s = cat_sel(ed);
	if (!s)
		return ed_failed(ed);
	ed->form_std = s;
	ed->stdform.sel = ed->stdform.top = 0;
	ed_push_mode(ed, MODE_STDFORM);
	return ed_ok(ed, RD_ALL, _("Editing %s: Enter changes a field, Esc goes back."),
		     s->id);
}

const ed_binding catalog_bindings[] = {
	{ "<Enter> e", cat_edit, N_("Enter edit"), N_("edit the standard's fields") },
	{ "a", cat_add, N_("a add"), N_("add a standard") },
	{ "d <Del>", cat_delete, N_("d delete"), N_("delete the standard (asks when in use)") },
	{ "u", bind_undo, N_("u undo"), N_("undo") },
	{ "<C-r>", bind_redo, NULL, N_("redo") },
	{ ":", bind_cmdline, NULL, N_("the command line") },
	{ LIST_KEYS, cat_move, NULL, N_("move in the list") },
	{ "<Esc> q S", bind_close, N_("Esc close"), N_("close the catalog") },
	{ NULL, NULL, NULL, NULL },
};

/* Keys of the catalog: its binding table. */
ed_result catalog_key(editor *ed, ed_key k)
{
	ed_result r;
	if (bindings_run(ed, catalog_bindings, k, &r))
		return r;
	return ed_done(ed, RD_NONE);
}

/* Rows of the standard form: the field table's standard rows. */
size_t stdform_count(editor *ed)
{
	(void)ed;
	size_t n = 0;
	while (std_field(n))
		n++;
	return n;
}

/* One field of the standard being edited, its value, a mark when below
 * goal or outside the zone of tolerance. */
void stdform_item(editor *ed, size_t i, size_t width, sbp_buf *out, ed_style *st)
{
	const sbp_standard *s = ed->form_std;
	const sbp_field *f = std_field(i);
	*st = STY_NORMAL;
	if (!s || !f)
		return;
	sbp_buf line, v;
	buf_init(&line);
	buf_init(&v);
	field_get_text(f, s, &v);
	ed_fit(&line, f->key, 12, true);
	buf_printf(&line, " %s", v.len ? v.data : "-");
	if (!strcmp(f->key, "actual") && standard_below_goal(s)) {
		buf_printf(&line, "  %s", _("! below goal"));
		*st = STY_WARN;
	}
	ed_fit(out, line.data, width, false);
	buf_free(&line);
	buf_free(&v);
}

/* Under the form: what the selected field is (its help). */
void stdform_detail(editor *ed, size_t k, size_t width, sbp_buf *out)
{
	(void)k;
	const sbp_field *f = std_field(ed->stdform.sel);
	if (!f)
		return;
	sbp_buf line;
	buf_init(&line);
	buf_puts(&line, f->help ? _(f->help) : "");
	if (f->type == FT_ENUM)
		buf_printf(&line, " (%s)", field_choices(f));
	ed_fit(out, line.data, width, false);
	buf_free(&line);
}

/* The next word of an enum field after the current one ("" after the
 * last when the field may be unset). */
static const char *cycle_value(const sbp_field *f, const sbp_standard *s)
{
	sbp_buf v;
	buf_init(&v);
	field_get_text(f, s, &v);
	size_t i = 0;
	while (f->values[i] && strcmp(f->values[i], v.data ? v.data : "") != 0)
		i++;
	bool unset = !f->values[i];
	buf_free(&v);
	if (unset)
		return f->values[0];
	if (f->values[i + 1])
		return f->values[i + 1];
	return (f->flags & FF_REQUIRED) ? f->values[0] : "";
}

/* Is the form's standard still there? Else back to the catalog. */
static sbp_standard *form_std(editor *ed)
{
	sbp_standard *s = ed->form_std;
	if (s && blueprint_standard_index(ed->bp, s) != (size_t)-1)
		return s;
	return NULL;
}

/* j k arrows...: move in the fields. */
static ed_result sf_move(editor *ed, ed_key k)
{
	list_key(&ed->stdform, k, stdform_count(ed), editor_panel_rows(ed, 1));
	return ed_done(ed, RD_PANEL);
}

/* Enter: change the field (an enum cycles through its words, others
 * open a prompt with the value, a number selected); d: clear it. */
static ed_result sf_change(editor *ed, ed_key k)
{
	sbp_standard *s = form_std(ed);
	const sbp_field *f = std_field(ed->stdform.sel);
	if (!s)
		return bind_close(ed, k);
	if (!f)
		return ed_done(ed, RD_NONE);
	if (k == 'd' || f->type == FT_ENUM) {
		if (k == 'd' && (f->flags & FF_REQUIRED || f->type == FT_NAME))
			return ed_err(ed, _("A standard keeps its %s."), f->key);
		const char *v = k == 'd' ? "" : cycle_value(f, s);
		if (!std_set_field(ed, s, f->key, v))
			return ed_failed(ed);
		if (!*v)
			return ed_ok(ed, RD_ALL, _("%s: %s cleared."), s->id, f->key);
		return ed_ok(ed, RD_ALL, _("%s: %s is %s."), s->id, f->key, v);
	}
	sbp_buf v;
	buf_init(&v);
	field_get_text(f, s, &v);
	char *label = xasprintf("%s: ", f->key);
	char *cmd = xasprintf("stdset %s %s", s->id, f->key);
	ed_result r = ed_prompt_open(ed, label, cmd, v.data, CPL_NONE, 2);
	ed->prompt.replace = f->type != FT_NAME && f->type != FT_STRING && v.len;
	free(label);
	free(cmd);
	buf_free(&v);
	return r;
}

const ed_binding stdform_bindings[] = {
	{ "<Enter>", sf_change, N_("Enter change"), N_("change the field (words cycle)") },
	{ "d", sf_change, N_("d clear"), N_("clear the field") },
	{ "u", bind_undo, N_("u undo"), N_("undo") },
	{ "<C-r>", bind_redo, NULL, N_("redo") },
	{ LIST_KEYS, sf_move, NULL, N_("move in the fields") },
	{ "<Esc> q", bind_close, N_("Esc back"), N_("back to the catalog") },
	{ NULL, NULL, NULL, NULL },
};

/* Keys of the standard form: its binding table. */
ed_result stdform_key(editor *ed, ed_key k)
{
	ed_result r;
	if (!form_std(ed))
		return bind_close(ed, k);
	if (bindings_run(ed, stdform_bindings, k, &r))
		return r;
	return ed_done(ed, RD_NONE);
}
