/* Small forms: a few fields of one object (a fail point's text, severity
 * and recovery; a wait point's minutes; a new standard's kind and
 * dimension) asked one prompt after the other over a panel that shows
 * them all. Enter or Down goes to the next field, Up to the one before,
 * Tab completes a field's choices, Esc drops the whole form; Enter on the
 * last field makes every change as one undoable edit. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/i18n.h"
#include "form.h"
#include "sbp/utf8.h"

/* A new empty form; apply makes its changes. */
ed_form *form_new(const char *title, form_apply_fn apply, void *target)
{
	ed_form *f = xcalloc(1, sizeof *f);
	f->title = xstrdup(title);
	f->apply = apply;
	f->target = target;
	return f;
}

/* Free a form and its values. */
void form_free(ed_form *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n; i++)
		free(f->fields[i].value);
	free(f->title);
	free(f);
}

/* Add a field with its current value (NULL: empty). */
ed_form_field *form_add(ed_form *f, const char *name, const char *label,
			form_kind kind, const char *value)
{
	if (f->n >= FORM_MAX_FIELDS)
		return NULL;
	ed_form_field *fl = &f->fields[f->n++];
	memset(fl, 0, sizeof *fl);
	fl->name = name;
	fl->label = label;
	fl->kind = kind;
	fl->max = INFINITY;
	fl->value = xstrdup(value ? value : "");
	return fl;
}

/* Add a number field (NAN: empty) with its bounds. */
ed_form_field *form_add_number(ed_form *f, const char *name, const char *label,
			       double value, double min, double max)
{
	char num[32] = "";
	if (!isnan(value))
		fmt_number(value, num);
	ed_form_field *fl = form_add(f, name, label, FK_NUMBER, num);
	if (fl) {
		fl->min = min;
		fl->max = max;
	}
	return fl;
}

/* A field from its row of the field table. */
ed_form_field *form_add_field(ed_form *f, sbp_obj_kind kind, const char *key,
			      const void *obj, const char *label, double max_minutes)
{
	const sbp_field *def = field_find(kind, key);
	if (!def)
		return NULL;
	sbp_buf v;
	buf_init(&v);
	if (obj)
		field_get_text(def, obj, &v);
	form_kind k = def->type == FT_ENUM ? FK_CHOICE
		      : def->type == FT_NUMBER || def->type == FT_MINUTES ||
				def->type == FT_COUNT || def->type == FT_SEVERITY ? FK_NUMBER
		      : FK_TEXT;
	ed_form_field *fl = form_add(f, key, label ? label : key, k, v.data);
	buf_free(&v);
	if (!fl)
		return NULL;
	fl->def = def;
	fl->help = def->help ? _(def->help) : NULL;
	fl->choices = def->type == FT_ENUM ? def->values : NULL;
	fl->required = def->type == FT_NAME || (def->flags & FF_REQUIRED);
	fl->min = def->type == FT_NUMBER ? -INFINITY : def->type == FT_SEVERITY ? 1 : 0;
	fl->max = def->type == FT_SEVERITY ? 5 : def->type == FT_MINUTES ? max_minutes
		  : INFINITY;
	fl->integer = def->type == FT_SEVERITY || def->type == FT_COUNT;
	return fl;
}

/* Store the table fields' values into obj. */
void form_store(const ed_form *f, void *obj)
{
	for (size_t i = 0; i < f->n; i++) {
		const ed_form_field *fl = &f->fields[i];
		sbp_field_value v;
		char err[200];
		if (fl->def && field_parse_text(fl->def, fl->value, &v, err, sizeof err))
			field_store(fl->def, obj, &v);
	}
}

/* The field's value, or NULL when it is empty. */
const char *form_value(const ed_form *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			return f->fields[i].value[0] ? f->fields[i].value : NULL;
	return NULL;
}

/* The field's value as a number, NAN when empty. */
double form_number(const ed_form *f, const char *name)
{
	const char *v = form_value(f, name);
	double d;
	return v && ed_parse_number(v, &d) ? d : NAN;
}

/* Open the prompt of the current field. */
static ed_result field_prompt(editor *ed)
{
	ed_form *f = ed->form;
	ed_form_field *fl = &f->fields[f->cur];
	ed->formlist.sel = f->cur;
	list_move(&ed->formlist, 0, f->n, editor_panel_rows(ed, 1));
	char *label = xasprintf("%s: ", fl->label);
	ed_prompt_open(ed, label, "form", fl->value,
		       fl->kind == FK_CHOICE ? CPL_FORM : CPL_NONE, 2);
	free(label);
	/* a number or a choice is replaced by what is typed */
	ed->prompt.replace = fl->kind != FK_TEXT && fl->value[0];
	return ed_done(ed, RD_ALL);
}

/* Show the form and ask its first field. */
ed_result form_open(editor *ed, ed_form *f)
{
	form_free(ed->form);
	ed->form = f;
	f->cur = 0;
	ed->formlist.sel = ed->formlist.top = 0;
	ed_push_mode(ed, MODE_FORM);
	ed->msg[0] = '\0';
	return field_prompt(ed);
}

/* Close the form without changing anything. */
ed_result form_cancel(editor *ed)
{
	if (ed->mode == MODE_FORM)
		ed_pop_mode(ed);
	form_free(ed->form);
	ed->form = NULL;
	return ed_ok(ed, RD_ALL, "%s", _("Nothing changed."));
}

/* A choice typed in full, by its number, or by a unique prefix. */
static const char *choice_of(const ed_form_field *fl, const char *v)
{
	size_t n = 0, len = strlen(v), count = 0;
	const char *hit = NULL;
	for (; fl->choices[count]; count++) {
		if (strcmp(fl->choices[count], v) == 0)
			return fl->choices[count];
		if (strncmp(fl->choices[count], v, len) == 0) {
			hit = fl->choices[count];
			n++;
		}
	}
	char *end;
	long k = strtol(v, &end, 10);
	if (*v && !*end && k >= 1 && (size_t)k <= count)
		return fl->choices[k - 1];
	return n == 1 ? hit : NULL;
}

/* "Severity: "9" is not a whole number from 1 to 5." */
static void bounds_err(editor *ed, const ed_form_field *fl, const char *v)
{
	char lo[32], hi[32];
	fmt_number(fl->min, lo);
	fmt_number(fl->max, hi);
	if (isinf(fl->min) && isinf(fl->max))
		ed_err(ed, _("%s: \"%s\" is not a number."), fl->label, v);
	else if (isinf(fl->max))
		ed_err(ed, _("%s: \"%s\" is not a number of %s or more."), fl->label, v, lo);
	else
		ed_err(ed, _("%s: \"%s\" is not a number from %s to %s."), fl->label, v,
		       lo, hi);
}

/* Check a field's new value and keep it; false (message set) when bad. */
static bool field_check(editor *ed, ed_form_field *fl, const char *v)
{
	if (!*v) {
		if (fl->required)
			return ed_err(ed, _("%s cannot be empty (Esc cancels the form)."),
				      fl->label), false;
		set_string(&fl->value, "");
		return true;
	}
	if (fl->kind == FK_NUMBER) {
		double d;
		if (!ed_parse_number(v, &d) || d < fl->min || d > fl->max ||
		    (fl->integer && d != floor(d))) {
			bounds_err(ed, fl, v);
			return false;
		}
	} else if (fl->kind == FK_CHOICE) {
		const char *c = choice_of(fl, v);
		if (!c) {
			sbp_buf list;
			buf_init(&list);
			for (size_t i = 0; fl->choices[i]; i++)
				buf_printf(&list, "%s%s", i ? ", " : "", fl->choices[i]);
			ed_err(ed, _("%s: \"%s\" is not one of %s."), fl->label, v,
			       list.data);
			buf_free(&list);
			return false;
		}
		v = c;
	}
	if (fl->def) {
		sbp_field_value val;
		char err[256];
		if (!field_parse_text(fl->def, v, &val, err, sizeof err)) {
			ed_err(ed, "%s: %s", fl->label, err);
			return false;
		}
	}
	set_string(&fl->value, v);
	return true;
}

/* Take a field's value as typed: a number or a choice without the
 * blanks around it (Tab may have left one). */
static bool field_take(editor *ed, ed_form_field *fl, const char *text)
{
	char *trimmed = NULL; /* a number or a choice: blanks around it go */
	if (fl->kind != FK_TEXT) {
		text += strspn(text, " \t");
		size_t n = strlen(text);
		while (n && (text[n - 1] == ' ' || text[n - 1] == '\t'))
			n--;
		trimmed = xstrndup(text, n);
		text = trimmed;
	}
	bool ok = field_check(ed, fl, text);
	free(trimmed);
	return ok;
}

/* The current field's prompt ended with text: keep it and go on by dir
 * (+1 next, -1 previous); after the last field, apply the form. */
ed_result form_field_done(editor *ed, const char *text, int dir)
{
	ed_form *f = ed->form;
	if (!f || ed->mode != MODE_FORM)
		return ed_err(ed, "%s", _("No form is open."));
	ed_form_field *fl = &f->fields[f->cur];
	if (!field_take(ed, fl, text)) {
		char *msg = xstrdup(ed->msg);
		field_prompt(ed);
		lineedit_set(&ed->line, text);
		ed->prompt.replace = false;
		ed_err(ed, "%s", msg);
		free(msg);
		return ed_failed(ed);
	}
	if (dir < 0) {
		if (f->cur > 0)
			f->cur--;
		return field_prompt(ed);
	}
	if (f->cur + 1 < f->n) {
		f->cur++;
		return field_prompt(ed);
	}
	ed_pop_mode(ed); /* MODE_FORM */
	ed->form = NULL;
	ed->msg[0] = '\0';
	ed->msg_error = false;
	ed_result r = f->apply(ed, f);
	form_free(f);
	r.redraw |= RD_ALL;
	return r;
}

/* The choices of the current field that start with prefix. */
void form_choices(editor *ed, void (*add)(editor *, const char *, const char *,
					  size_t *), const char *prefix, size_t *cap)
{
	if (!ed->form)
		return;
	const ed_form_field *fl = &ed->form->fields[ed->form->cur];
	for (size_t i = 0; fl->kind == FK_CHOICE && fl->choices[i]; i++)
		add(ed, fl->choices[i], prefix, cap);
}

/* Rows of the form panel. */
size_t form_count(editor *ed)
{
	return ed->form ? ed->form->n : 0;
}

/* One field and its value. */
void form_item(editor *ed, size_t i, size_t width, sbp_buf *out, ed_style *st)
{
	*st = STY_NORMAL;
	if (!ed->form || i >= ed->form->n)
		return;
	const ed_form_field *fl = &ed->form->fields[i];
	size_t lw = 0; /* the longest label, up to half the width */
	for (size_t j = 0; j < ed->form->n; j++) {
		const char *l = ed->form->fields[j].label;
		size_t w = utf8_width(l, strlen(l));
		lw = w > lw ? w : lw;
	}
	lw = lw > width / 2 ? width / 2 : lw;
	sbp_buf line;
	buf_init(&line);
	ed_fit(&line, fl->label, lw + 2, true);
	buf_puts(&line, " ");
	buf_puts(&line, i == ed->form->cur ? ed->line.text.data
		 : fl->value[0] ? fl->value : "-");
	ed_fit(out, line.data, width, false);
	buf_free(&line);
	if (i == ed->form->cur)
		*st = STY_HEADER;
}

/* Under the fields: what the current one takes. */
void form_detail(editor *ed, size_t k, size_t width, sbp_buf *out)
{
	(void)k;
	if (!ed->form)
		return;
	const ed_form_field *fl = &ed->form->fields[ed->form->cur];
	sbp_buf line;
	buf_init(&line);
	if (fl->kind == FK_CHOICE) {
		buf_puts(&line, _("One of: "));
		for (size_t i = 0; fl->choices[i]; i++)
			buf_printf(&line, "%s%zu %s", i ? "  " : "", i + 1,
				   fl->choices[i]);
	} else if (fl->help) {
		buf_puts(&line, _(fl->help));
		if (ed->prompt.replace)
			buf_printf(&line, " %s", _("(Typing replaces the value.)"));
	} else if (fl->kind == FK_NUMBER && !isinf(fl->max)) {
		char lo[32], hi[32];
		fmt_number(fl->min, lo);
		fmt_number(fl->max, hi);
		buf_printf(&line, _("A number from %s to %s; empty clears it."), lo, hi);
	}
	ed_fit(out, line.data, width, false);
	buf_free(&line);
}

/* A key on the form itself (its prompt was closed some other way): Esc
 * drops it, anything else asks the current field again. */
ed_result form_key(editor *ed, ed_key k)
{
	if (!ed->form || k == EK_ESC || k == EK_CTRL('c'))
		return form_cancel(ed);
	return field_prompt(ed);
}

/* The keys of a form. Its fields are asked in the line editor, which
 * runs these (prompt_special_key, line_key): the rows only document. */
const ed_binding form_bindings[] = {
	{ "<Enter> <Down>", NULL, N_("Enter next"), N_("keep the field, go to the next (the last applies)") },
	{ "<Up>", NULL, N_("Up back"), N_("keep the field, go back to the one before") },
	{ "<Tab>", NULL, N_("Tab choices"), N_("complete a field's choices (elsewhere: next field)") },
	{ "<Esc>", NULL, N_("Esc cancel"), N_("drop the whole form: nothing changes") },
	{ NULL, NULL, NULL, NULL },
};
