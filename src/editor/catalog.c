/* The standards catalog (S): every standard with its kind, dimension,
 * target, goal against actual (below goal highlighted) and the steps that
 * use it; and the form that edits one standard's fields. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/i18n.h"
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

/* Keys of the catalog. */
ed_result catalog_key(editor *ed, ed_key k)
{
	size_t n = ed->bp->standards.n;
	if (k == EK_ESC || k == 'q' || k == 'S') {
		ed_pop_mode(ed);
		ed->msg[0] = '\0';
		return ed_done(ed, RD_ALL);
	}
	if (list_key(&ed->catalog, k, n, editor_panel_rows(ed, 5)))
		return ed_done(ed, RD_PANEL);
	ed_args key = { 0, NULL, "", false, true };
	switch (k) {
	case 'a':
		return ed_prompt_open(ed, _("New standard's name: "), "stdadd", "",
				      CPL_NONE, 2);
	case 'u': return ecmd_undo(ed, &key);
	case EK_CTRL('r'): return ecmd_redo(ed, &key);
	case ':': return ecmd_cmdline(ed, &key);
	default: break;
	}
	if (n == 0)
		return ed_err(ed, _("The catalog is empty: a adds a standard."));
	sbp_standard *s = ed->bp->standards.items[ed->catalog.sel];
	if (k == 'd' || k == EK_DEL) {
		char *line = xasprintf("stddelete %s", s->id);
		ed_result r = editor_run(ed, line);
		free(line);
		return r;
	}
	if (k == EK_ENTER || k == 'e') {
		ed->form_std = s;
		ed->stdform.sel = ed->stdform.top = 0;
		ed_push_mode(ed, MODE_STDFORM);
		return ed_ok(ed, RD_ALL, _("Editing %s: Enter changes a field, Esc goes back."),
			     s->id);
	}
	return ed_done(ed, RD_NONE);
}

/* Rows of the standard form. */
size_t stdform_count(editor *ed)
{
	(void)ed;
	size_t n = 0;
	while (std_fields[n])
		n++;
	return n;
}

/* A field's value as text ("" when absent). */
static void field_value(const sbp_standard *s, size_t i, sbp_buf *v)
{
	char n[32];
	double num = NAN;
	switch (i) {
	case 0: buf_puts(v, s->name); return;
	case 1: buf_puts(v, std_kind_id(s->kind)); return;
	case 2: buf_puts(v, s->measure ? s->measure : ""); return;
	case 3: buf_puts(v, s->target ? s->target : ""); return;
	case 4: buf_puts(v, s->feedback ? s->feedback : ""); return;
	case 5: buf_puts(v, dimension_id(s->dimension) ? dimension_id(s->dimension) : ""); return;
	case 6: num = s->weight; break;
	case 7: num = s->goal; break;
	case 8:
		buf_puts(v, s->better == BETTER_LOWER ? "lower"
			 : s->better == BETTER_HIGHER ? "higher" : "");
		return;
	default: num = s->actual; break;
	}
	if (!isnan(num)) {
		fmt_number(num, n);
		buf_puts(v, n);
	}
}

/* One field of the standard being edited. */
void stdform_item(editor *ed, size_t i, size_t width, sbp_buf *out, ed_style *st)
{
	const sbp_standard *s = ed->form_std;
	*st = STY_NORMAL;
	if (!s)
		return;
	sbp_buf line, v;
	buf_init(&line);
	buf_init(&v);
	field_value(s, i, &v);
	ed_fit(&line, std_fields[i], 10, true);
	buf_printf(&line, " %s", v.len ? v.data : "-");
	if (i == 9 && standard_below_goal(s)) {
		buf_puts(&line, _("  ! below goal"));
		*st = STY_WARN;
	}
	ed_fit(out, line.data, width, false);
	buf_free(&line);
	buf_free(&v);
}

/* The next value of a field that takes one of a few words. */
static const char *cycle_value(const sbp_standard *s, size_t i)
{
	if (i == 1)
		return s->kind == STD_HARD ? "soft" : "hard";
	if (i == 8)
		return s->better == BETTER_UNSET ? "higher"
		       : s->better == BETTER_HIGHER ? "lower" : "";
	int d = ((int)s->dimension + 1) % DIM_COUNT;
	return d ? dimension_id((sbp_dimension)d) : "";
}

/* Keys of the standard form. */
ed_result stdform_key(editor *ed, ed_key k)
{
	sbp_standard *s = ed->form_std;
	if (!s || blueprint_standard_index(ed->bp, s) == (size_t)-1 ||
	    k == EK_ESC || k == 'q') {
		ed_pop_mode(ed);
		ed->msg[0] = '\0';
		return ed_done(ed, RD_ALL);
	}
	size_t n = stdform_count(ed);
	if (list_key(&ed->stdform, k, n, editor_panel_rows(ed, 0)))
		return ed_done(ed, RD_PANEL);
	size_t i = ed->stdform.sel;
	ed_args key = { 0, NULL, "", false, true };
	if (k == 'u')
		return ecmd_undo(ed, &key);
	if (k == EK_CTRL('r'))
		return ecmd_redo(ed, &key);
	if (k != EK_ENTER && k != 'd')
		return ed_done(ed, RD_NONE);
	if (k == 'd' || i == 1 || i == 5 || i == 8) {
		const char *v = k == 'd' ? "" : cycle_value(s, i);
		if (k == 'd' && (i == 0 || i == 1))
			return ed_err(ed, _("A standard keeps its %s."), std_fields[i]);
		if (!std_set_field(ed, s, std_fields[i], v))
			return ed_failed(ed);
		return ed_ok(ed, RD_ALL, "%s: %s %s.", s->id, std_fields[i],
			     *v ? v : "cleared");
	}
	sbp_buf v;
	buf_init(&v);
	field_value(s, i, &v);
	char *label = xasprintf("%s: ", std_fields[i]);
	char *cmd = xasprintf("stdset %s %s", s->id, std_fields[i]);
	ed_result r = ed_prompt_open(ed, label, cmd, v.data, CPL_NONE, 2);
	free(label);
	free(cmd);
	buf_free(&v);
	return r;
}
