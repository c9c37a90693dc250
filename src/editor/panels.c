/* The other panels: the attach picker (s), the problems panel (p), the
 * help screen (?), and what the front end asks to draw any panel. */
#include <stdlib.h>
#include <string.h>

#include "sbp/check.h"
#include "sbp/i18n.h"
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

/* Make a standard named by the filter and attach it, as one edit. */
static ed_result picker_new(editor *ed, sbp_step *s)
{
	const char *name = ed->filter.text.data;
	if (!*name)
		return ed_err(ed, _("Type the new standard's name first, then Enter."));
	char *id = ed_slug_id(ed->bp, 'd', name, "std");
	sbp_standard *p = standard_new(id, name, STD_HARD), *n = NULL;
	free(id);
	edit_begin(&ed->hist, _("new standard"));
	bool ok = edit_standard_add(&ed->hist, p, &n) &&
		  edit_step_attach(&ed->hist, s, n);
	edit_end(&ed->hist);
	standard_free(p);
	ed_pop_mode(ed);
	if (!ok)
		return ed_err(ed, "%s", ed->hist.error);
	return ed_ok(ed, RD_ALL, _("Made standard %s and attached it to %s "
		     "(S sets its measure and target)."), n->id, s->id);
}

/* Keys of the picker: typing filters. */
ed_result picker_key(editor *ed, ed_key k)
{
	sbp_step *s = editor_step(ed);
	size_t n = ed->npicker + 1;
	if (!s || k == EK_ESC || k == EK_CTRL('c')) {
		ed_pop_mode(ed);
		ed->msg[0] = '\0';
		return ed_done(ed, RD_ALL);
	}
	switch (k) {
	case EK_UP: case EK_CTRL('p'): list_move(&ed->picker, -1, n, editor_panel_rows(ed, 1)); break;
	case EK_DOWN: case EK_CTRL('n'): list_move(&ed->picker, 1, n, editor_panel_rows(ed, 1)); break;
	case EK_PGUP: list_move(&ed->picker, -10, n, editor_panel_rows(ed, 1)); break;
	case EK_PGDN: list_move(&ed->picker, 10, n, editor_panel_rows(ed, 1)); break;
	case EK_BS: lineedit_backspace(&ed->filter); picker_refresh(ed); break;
	case EK_CTRL('u'): lineedit_set(&ed->filter, ""); picker_refresh(ed); break;
	case EK_ENTER: {
		if (ed->picker.sel >= ed->npicker)
			return picker_new(ed, s);
		const sbp_standard *std = ed->bp->standards.items[ed->picker_items[ed->picker.sel]];
		char *line = xasprintf("std %s", std->id);
		ed_pop_mode(ed);
		ed_result r = editor_run(ed, line);
		free(line);
		return r;
	}
	default:
		if (k >= 32 && k < 0x110000) {
			lineedit_end(&ed->filter);
			lineedit_insert(&ed->filter, (uint32_t)k);
			ed->picker.sel = 0;
			picker_refresh(ed);
		}
		break;
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
	return ed_ok(ed, RD_ALL, P_("%zu finding. Enter jumps to the step, Esc closes.",
		        "%zu findings. Enter jumps to the step, Esc closes.", ed->diags.n),
		     ed->diags.n);
}

/* Keys of the problems panel. */
ed_result problems_key(editor *ed, ed_key k)
{
	if (ed->problems_key != ed_state_key(ed))
		problems_refresh(ed);
	if (k == EK_ESC || k == 'q' || k == 'p') {
		ed_pop_mode(ed);
		ed->msg[0] = '\0';
		return ed_done(ed, RD_ALL);
	}
	if (list_key(&ed->problems, k, ed->diags.n, editor_panel_rows(ed, 1)))
		return ed_done(ed, RD_PANEL);
	if (k != EK_ENTER || ed->diags.n == 0)
		return ed_done(ed, RD_NONE);
	const sbp_diag *d = &ed->diags.items[ed->problems.sel];
	sbp_step *s = d->step ? blueprint_step(ed->bp, d->step) : NULL;
	if (!s)
		return ed_err(ed, _("This finding is about no single step (line %d)."), d->line);
	ed_pop_mode(ed);
	editor_select(ed, s);
	return ed_ok(ed, RD_ALL, "%s [%s]", d->message, d->rule);
}

/* ? / F1 / :help. */
ed_result ecmd_help(editor *ed, const ed_args *a)
{
	(void)a;
	ed->help.sel = ed->help.top = 0;
	ed_push_mode(ed, MODE_HELP);
	return ed_ok(ed, RD_ALL, _("j/k scroll, Esc closes."));
}

/* Keys of the help screen: scroll or close. */
ed_result help_key(editor *ed, ed_key k)
{
	size_t rows = editor_panel_rows(ed, 0), n = help_count();
	size_t max_top = n > rows ? n - rows : 0, *top = &ed->help.top;
	switch (k) {
	case EK_ESC: case 'q': case '?': case EK_F1: case EK_ENTER:
		ed_pop_mode(ed);
		ed->msg[0] = '\0';
		return ed_done(ed, RD_ALL);
	case 'j': case EK_DOWN: if (*top < max_top) (*top)++; break;
	case 'k': case EK_UP: if (*top > 0) (*top)--; break;
	case ' ': case EK_PGDN: *top = *top + rows < max_top ? *top + rows : max_top; break;
	case EK_PGUP: *top = *top > rows ? *top - rows : 0; break;
	case 'g': case EK_HOME: *top = 0; break;
	case 'G': case EK_END: *top = max_top; break;
	default: return ed_done(ed, RD_NONE);
	}
	ed->help.sel = *top;
	return ed_done(ed, RD_PANEL);
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
		p->hint = _(" Enter edit  a add  d delete  u undo  Esc close ");
		p->count = ed->bp->standards.n;
		p->list = &ed->catalog;
		p->ndetail = 5;
		return true;
	case MODE_STDFORM:
		p->title = "Standard";
		p->hint = _(" Enter change  d clear  u undo  Esc back ");
		p->count = stdform_count(ed);
		p->list = &ed->stdform;
		return true;
	case MODE_PICKER:
		picker_refresh(ed);
		p->title = _("Attach a standard");
		p->hint = _(" type to filter  Up/Down choose  Enter attach  Esc cancel ");
		p->count = ed->npicker + 1;
		p->list = &ed->picker;
		p->ndetail = 1;
		return true;
	case MODE_PROBLEMS:
		if (ed->problems_key != ed_state_key(ed))
			problems_refresh(ed);
		p->title = "Problems";
		p->hint = _(" Enter jump to the step  Esc close ");
		p->count = ed->diags.n;
		p->list = &ed->problems;
		p->ndetail = 1;
		return true;
	case MODE_FORM:
		if (!ed->form)
			return false;
		p->title = ed->form->title;
		p->hint = _(" Enter next  Up/Down field  Tab choices  Esc cancel ");
		p->count = form_count(ed);
		p->list = &ed->formlist;
		p->ndetail = 1;
		return true;
	case MODE_HELP:
		p->title = _("Help: keys and commands");
		p->hint = _(" j/k scroll  Esc close ");
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
