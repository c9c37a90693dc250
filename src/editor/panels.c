/* The other panels: the attach picker (s), the problems panel (p), the
 * help screen (?), and what the front end asks to draw any panel. */
#include <stdlib.h>
#include <string.h>

#include "sbp/check.h"
#include "form.h"
#include "internal.h"

/* The standards that match the picker's filter (id or name). */
void picker_refresh(editor *ed)
{
	const char *f = ed->filter.text.data;
	free(ed->picker_items);
	ed->picker_items = xmalloc((ed->bp->standards.n + 1) * sizeof *ed->picker_items);
	ed->npicker = 0;
	for (size_t i = 0; i < ed->bp->standards.n; i++) {
		const sbp_standard *s = ed->bp->standards.items[i];
		if (ed_text_matches(s->id, f) || ed_text_matches(s->name, f))
			ed->picker_items[ed->npicker++] = i;
	}
	size_t n = ed->npicker + 1; /* and "new standard" */
	if (ed->picker.sel >= n)
		ed->picker.sel = n - 1;
	list_move(&ed->picker, 0, n, editor_panel_rows(ed, 1));
}

/* One row of the picker. */
void picker_item(editor *ed, size_t i, size_t width, sbp_buf *out, ed_style *st)
{
	sbp_buf line;
	buf_init(&line);
	*st = STY_NORMAL;
	if (i >= ed->npicker) {
		if (ed->filter.text.len)
			buf_printf(&line, _("+ new standard \"%s\""), ed->filter.text.data);
		else
			buf_puts(&line, _("+ new standard (type its name first)"));
		*st = STY_HEADER;
	} else {
		const sbp_standard *s = ed->bp->standards.items[ed->picker_items[i]];
		const sbp_step *step = editor_step(ed);
		buf_puts(&line, step && step_has_standard(step, s) ? "* " : "  ");
		ed_fit(&line, s->id, 16, true);
		buf_printf(&line, " %-4s  %s", std_kind_id(s->kind), s->name);
	}
	ed_fit(out, line.data, width, false);
	buf_free(&line);
}

/* s: open the picker for the selected step. */
ed_result ecmd_attach(editor *ed, const ed_args *a)
{
	(void)a;
	lineedit_set(&ed->filter, "");
	ed->picker.sel = ed->picker.top = 0;
	ed_push_mode(ed, MODE_PICKER);
	picker_refresh(ed);
	return ed_ok(ed, RD_ALL, _("Type to filter, Up/Down choose, Enter attaches, Esc cancels."));
}

/* Make the standard of the new-standard form and attach it, as one edit. */
static ed_result picker_new_apply(editor *ed, ed_form *f)
{
	sbp_step *s = f->target;
	if (blueprint_step_index(ed->bp, s) == (size_t)-1)
		return ed_err(ed, "%s", _("The step is gone."));
	const char *name = form_value(f, "name");
	char *id = ed_slug_id(ed->bp, 'd', name, "std");
	sbp_standard *p = standard_new(id, name, STD_HARD), *n = NULL;
	free(id);
	form_store(f, p);
	edit_begin(&ed->hist, _("new standard"));
	bool ok = edit_standard_add(&ed->hist, p, &n) &&
		  edit_step_attach(&ed->hist, s, n);
	edit_end(&ed->hist);
	standard_free(p);
	if (!ok)
		return ed_err(ed, "%s", ed->hist.error);
	return ed_ok(ed, RD_ALL, _("Made standard %s and attached it to %s "
				   "(S sets its measure and target)."), n->id, s->id);
}

/* A new standard named by the filter: ask its kind and dimension. */
static ed_result picker_new(editor *ed, sbp_step *s)
{
	const char *name = ed->filter.text.data;
	if (!*name)
		return ed_err(ed, "%s", _("Type the new standard's name first, then Enter."));
	ed_form *f = form_new(_("New standard"), picker_new_apply, s);
	double max = ed->lim.max_minutes;
	form_add_field(f, SBP_OBJ_STANDARD, "name", NULL, _("Name"), max);
	ed_form_field *fl = form_add_field(f, SBP_OBJ_STANDARD, "kind", NULL,
					   _("Kind"), max);
	set_string(&fl->value, "hard");
	form_add_field(f, SBP_OBJ_STANDARD, "dimension", NULL,
		       _("Dimension (SERVQUAL)"), max);
	ed_pop_mode(ed);
	ed_result r = form_open(ed, f);
	/* the name was just typed: start at the kind */
	ed_pop_mode(ed);
	form_field_done(ed, name, 1);
	return r;
}

/* Picker: Up / Down / PageUp / PageDown move in the list. */
static ed_result pk_move(editor *ed, ed_key k)
{
	long d = k == EK_UP || k == EK_CTRL('p') ? -1 : k == EK_DOWN || k == EK_CTRL('n')
		 ? 1 : k == EK_PGUP ? -10 : 10;
	list_move(&ed->picker, d, ed->npicker + 1, editor_panel_rows(ed, 1));
	return ed_done(ed, RD_PANEL);
}

/* Picker: BS and Ctrl-U edit the filter. */
static ed_result pk_erase(editor *ed, ed_key k)
{
	if (k == EK_BS)
		lineedit_backspace(&ed->filter);
	else
		lineedit_set(&ed->filter, "");
	picker_refresh(ed);
	return ed_done(ed, RD_PANEL);
}

/* Picker: Enter attaches the selected standard, or makes a new one. */
static ed_result pk_enter(editor *ed, ed_key k)
{
	(void)k;
	sbp_step *s = editor_step(ed);
	if (ed->picker.sel >= ed->npicker)
		return picker_new(ed, s);
	const sbp_standard *std = ed->bp->standards.items[ed->picker_items[ed->picker.sel]];
	char *line = xasprintf("std %s", std->id);
	ed_pop_mode(ed);
	ed_result r = editor_run(ed, line);
	free(line);
	return r;
}

const ed_binding picker_bindings[] = {
	{ "(text)", NULL, N_("type to filter"), N_("typing filters the list by id or name") },
	{ "<Up> <Down> <C-p> <C-n> <PageUp> <PageDown>", pk_move, N_("Up/Down choose"),
	  N_("choose a standard") },
	{ "<BS> <C-u>", pk_erase, NULL, N_("erase the filter") },
	{ "<Enter>", pk_enter, N_("Enter attach"),
	  N_("attach it; on \"new standard\", make one (its kind and dimension)") },
	{ "<Esc> <C-c>", bind_close, N_("Esc cancel"), N_("close the picker") },
	{ NULL, NULL, NULL, NULL },
};

/* Keys of the picker: its table; other characters filter. */
ed_result picker_key(editor *ed, ed_key k)
{
	ed_result r;
	if (!editor_step(ed))
		return bind_close(ed, k);
	if (bindings_run(ed, picker_bindings, k, &r))
		return r;
	if (k >= 32 && k < 0x110000) {
		lineedit_end(&ed->filter);
		lineedit_insert(&ed->filter, (uint32_t)k);
		ed->picker.sel = 0;
		picker_refresh(ed);
	}
	return ed_done(ed, RD_PANEL);
}

/* The findings for the problems panel: kept up to date by each edit
 * once listed, else checked again. */
void problems_refresh(editor *ed)
{
	if (!ed->findings_live)
		findings_full(ed);
	ed->problems_key = ed_state_key(ed);
	list_move(&ed->problems, 0, ed->diags.n, editor_panel_rows(ed, 1));
}

/* One finding. */
void problems_item(editor *ed, size_t i, size_t width, sbp_buf *out, ed_style *st)
{
	const sbp_diag *d = &ed->diags.items[i];
	sbp_buf line;
	buf_init(&line);
	buf_printf(&line, "%-7s ", d->severity == SBP_ERROR ? "error" : "warning");
	ed_fit(&line, d->step ? d->step : "-", 16, true);
	buf_printf(&line, " %s [%s]", d->message, d->rule);
	ed_fit(out, line.data, width, false);
	buf_free(&line);
	*st = d->severity == SBP_ERROR ? STY_ERROR : STY_WARN;
}

/* Under the list: the selected finding in full. */
void problems_detail(editor *ed, size_t k, size_t width, sbp_buf *out)
{
	(void)k;
	if (ed->problems.sel >= ed->diags.n) {
		ed_fit(out, ed->diags.n ? "" : _("No problems: the blueprint is clean."),
		       width, false);
		return;
	}
	const sbp_diag *d = &ed->diags.items[ed->problems.sel];
	ed_fit(out, d->message, width, false);
}

/* p: open the problems panel. */
ed_result ecmd_problems(editor *ed, const ed_args *a)
{
	(void)a;
	ed->problems.sel = ed->problems.top = 0;
	problems_refresh(ed);
	ed_push_mode(ed, MODE_PROBLEMS);
	return ed_ok(ed, RD_ALL, P_("%zu finding. Enter jumps to it, Esc closes.",
				    "%zu findings. Enter jumps to one, Esc closes.",
				    ed->diags.n), ed->diags.n);
}

/* Problems: move in the list. */
static ed_result pr_move(editor *ed, ed_key k)
{
	list_key(&ed->problems, k, ed->diags.n, editor_panel_rows(ed, 1));
	return ed_done(ed, RD_PANEL);
}

/* Problems: Enter jumps to the finding's step, or opens its standard in
 * the catalog. */
static ed_result pr_enter(editor *ed, ed_key k)
{
	(void)k;
	if (ed->diags.n == 0)
		return ed_done(ed, RD_NONE);
	const sbp_diag *d = &ed->diags.items[ed->problems.sel];
	const ed_origin *o = &ed->origins[ed->problems.sel];
	if (o->group == CHECK_STANDARDS || o->group == CHECK_UNUSED) {
		size_t i = o->obj ? blueprint_standard_index(ed->bp, o->obj) : (size_t)-1;
		if (i != (size_t)-1) {
			ed_pop_mode(ed);
			catalog_refresh(ed);
			ed->catalog.sel = i;
			list_move(&ed->catalog, 0, ed->bp->standards.n, editor_panel_rows(ed, 5));
			ed_push_mode(ed, MODE_CATALOG);
			return ed_ok(ed, RD_ALL, "%s [%s] %s", d->message, d->rule,
				     _("(Enter edits the standard)"));
		}
	}
	sbp_step *s = d->step ? blueprint_step(ed->bp, d->step) : NULL;
	if (!s)
		return ed_err(ed, _("This finding is about no single step (line %d)."), d->line);
	ed_pop_mode(ed);
	editor_select(ed, s);
	return ed_ok(ed, RD_ALL, "%s [%s]", d->message, d->rule);
}

/* Problems: o keeps ours, t takes theirs on a merge-conflict finding. */
static ed_result pr_resolve(editor *ed, ed_key k)
{
	ed_result r;
	if (conflicts_problems_key(ed, k, &r))
		return r;
	return ed_done(ed, RD_NONE);
}

const ed_binding problems_bindings[] = {
	{ "<Enter>", pr_enter, N_("Enter go to it"),
	  N_("go to the finding's step, or open its standard in the catalog") },
	{ "o t", pr_resolve, N_("o/t ours/theirs"),
	  N_("resolve a merge conflict: keep ours (o) or take theirs (t)") },
	{ LIST_KEYS, pr_move, NULL, N_("move in the list") },
	{ "<Esc> q p", bind_close, N_("Esc close"), N_("close the panel") },
	{ NULL, NULL, NULL, NULL },
};

/* Keys of the problems panel: its table. */
ed_result problems_key(editor *ed, ed_key k)
{
	ed_result r;
	if (ed->problems_key != ed_state_key(ed))
		problems_refresh(ed);
	if (bindings_run(ed, problems_bindings, k, &r))
		return r;
	return ed_done(ed, RD_NONE);
}

/* ? / F1 / :help. */
ed_result ecmd_help(editor *ed, const ed_args *a)
{
	(void)a;
	ed->help.sel = ed->help.top = 0;
	ed_push_mode(ed, MODE_HELP);
	return ed_ok(ed, RD_ALL, _("j/k scroll, Esc closes."));
}

/* Help: scroll. */
static ed_result hl_scroll(editor *ed, ed_key k)
{
	size_t rows = editor_panel_rows(ed, 0), n = help_count();
	size_t max_top = n > rows ? n - rows : 0, *top = &ed->help.top;
	switch (k) {
	case 'j': case EK_DOWN: if (*top < max_top) (*top)++; break;
	case 'k': case EK_UP: if (*top > 0) (*top)--; break;
	case ' ': case EK_PGDN: *top = *top + rows < max_top ? *top + rows : max_top; break;
	case EK_PGUP: *top = *top > rows ? *top - rows : 0; break;
	case 'g': case EK_HOME: *top = 0; break;
	default: *top = max_top; break;
	}
	ed->help.sel = *top;
	return ed_done(ed, RD_PANEL);
}

const ed_binding help_bindings[] = {
	{ LIST_KEYS, hl_scroll, N_("j/k scroll"), N_("scroll") },
	{ "<Esc> q ? <F1> <Enter>", bind_close, N_("Esc close"), N_("close the help") },
	{ NULL, NULL, NULL, NULL },
};

/* Keys of the help screen: its table. */
ed_result help_key(editor *ed, ed_key k)
{
	ed_result r;
	if (bindings_run(ed, help_bindings, k, &r))
		return r;
	return ed_done(ed, RD_NONE);
}

/* The panel of a mode, looking under a prompt or a question. */
static ed_mode panel_mode(const editor *ed)
{
	if (ed->mode != MODE_LINE && ed->mode != MODE_CONFIRM)
		return ed->mode;
	for (int i = ed->mode_depth - 1; i >= 0; i--)
		if (ed->mode_stack[i] != MODE_LINE && ed->mode_stack[i] != MODE_CONFIRM)
			return ed->mode_stack[i];
	return MODE_NORMAL;
}

/* What to draw for the panel of the current mode. */
bool editor_panel(editor *ed, ed_panel *p)
{
	memset(p, 0, sizeof *p);
	switch (panel_mode(ed)) {
	case MODE_INSPECTOR:
		p->title = _("Step inspector");
		p->hint = _(" Enter edit  d remove  s attach  c connect  u undo  Esc close ");
		p->count = inspector_count(ed);
		p->list = &ed->inspector;
		return true;
	case MODE_CATALOG:
		if (ed->catalog_key != ed_state_key(ed))
			catalog_refresh(ed);
		p->title = _("Standards catalog   id / kind / dimension / actual/goal / uses / target");
		p->hint = bindings_hint(catalog_bindings, &ed->scratch);
		p->count = ed->bp->standards.n;
		p->list = &ed->catalog;
		p->ndetail = 5;
		return true;
	case MODE_STDFORM:
		p->title = "Standard";
		p->hint = bindings_hint(stdform_bindings, &ed->scratch);
		p->count = stdform_count(ed);
		p->list = &ed->stdform;
		p->ndetail = 1;
		return true;
	case MODE_PICKER:
		picker_refresh(ed);
		p->title = _("Attach a standard");
		p->hint = bindings_hint(picker_bindings, &ed->scratch);
		p->count = ed->npicker + 1;
		p->list = &ed->picker;
		p->ndetail = 1;
		return true;
	case MODE_PROBLEMS:
		if (ed->problems_key != ed_state_key(ed))
			problems_refresh(ed);
		p->title = "Problems";
		p->hint = bindings_hint(problems_bindings, &ed->scratch);
		p->count = ed->diags.n;
		p->list = &ed->problems;
		p->ndetail = 1;
		return true;
	case MODE_FORM:
		if (!ed->form)
			return false;
		p->title = ed->form->title;
		p->hint = bindings_hint(form_bindings, &ed->scratch);
		p->count = form_count(ed);
		p->list = &ed->formlist;
		p->ndetail = 1;
		p->height = p->count + p->ndetail + 3; /* borders and a rule */
		return true;
	case MODE_TIME:
		p->title = _("Time analysis per phase, and the SQI");
		p->hint = bindings_hint(time_bindings, &ed->scratch);
		p->count = timepanel_count(ed);
		p->list = &ed->timelist;
		return true;
	case MODE_HELP:
		p->title = _("Help: keys and commands");
		p->hint = bindings_hint(help_bindings, &ed->scratch);
		p->count = help_count();
		p->list = &ed->help;
		p->no_cursor = true;
		return true;
	default:
		return false;
	}
}

/* One item of the current panel. */
void editor_panel_item(editor *ed, size_t i, size_t width, sbp_buf *out,
		       ed_style *style)
{
	*style = STY_NORMAL;
	switch (panel_mode(ed)) {
	case MODE_INSPECTOR: inspector_item(ed, i, width, out, style); break;
	case MODE_CATALOG: catalog_item(ed, i, width, out, style); break;
	case MODE_STDFORM: stdform_item(ed, i, width, out, style); break;
	case MODE_PICKER: picker_item(ed, i, width, out, style); break;
	case MODE_PROBLEMS: problems_item(ed, i, width, out, style); break;
	case MODE_HELP: help_item(i, width, out, style); break;
	case MODE_FORM: form_item(ed, i, width, out, style); break;
	case MODE_TIME: timepanel_item(ed, i, width, out, style); break;
	default: break;
	}
}

/* One detail line of the current panel. */
void editor_panel_detail(editor *ed, size_t k, size_t width, sbp_buf *out)
{
	switch (panel_mode(ed)) {
	case MODE_CATALOG: catalog_detail(ed, k, width, out); break;
	case MODE_PROBLEMS: problems_detail(ed, k, width, out); break;
	case MODE_FORM: form_detail(ed, k, width, out); break;
	case MODE_STDFORM: stdform_detail(ed, k, width, out); break;
	case MODE_PICKER:
		buf_puts(out, "Filter: ");
		ed_fit(out, ed->filter.text.data, width > 9 ? width - 9 : 0, false);
		buf_puts(out, "_");
		break;
	default: break;
	}
}

/* List rows inside the panel box: body minus borders and details. */
size_t editor_panel_rows(const editor *ed, size_t ndetail)
{
	long rows = (long)editor_body_rows(ed) - 2 - (long)ndetail - (ndetail ? 1 : 0);
	return rows > 1 ? (size_t)rows : 1;
}
