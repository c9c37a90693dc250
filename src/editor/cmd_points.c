/* The fail and wait points of the selected step: their forms (f: text,
 * severity, recovery; w: text, expected and tolerable minutes, each field
 * described by the field table) and the `:` commands that set one field.
 * Each change is one undoable edit. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "internal.h"

/* A refused edit: its reason in plain words. */
static ed_result refused(editor *ed)
{
	return ed_err(ed, "%s", ed->hist.error[0] ? ed->hist.error : _("Refused."));
}

/* The fail form's step, if it is still there. */
static sbp_step *form_step(editor *ed, const ed_form *f)
{
	sbp_step *s = f->target;
	for (size_t i = 0; i < ed->bp->steps.n; i++)
		if (ed->bp->steps.items[i] == s)
			return s;
	return NULL;
}

/* The fail form's changes, as one edit. */
static ed_result fail_apply(editor *ed, ed_form *f)
{
	sbp_step *s = form_step(ed, f);
	if (!s)
		return ed_err(ed, "%s", _("The step is gone."));
	const char *text = form_value(f, "text");
	if (!text) {
		if (!s->fail)
			return ed_ok(ed, RD_MSG, _("%s has no fail point."), s->id);
		if (!edit_step_fail(&ed->hist, s, NULL))
			return refused(ed);
		return ed_ok(ed, RD_ALL, "%s", _("Fail point removed."));
	}
	sbp_fail *n = s->fail ? fail_clone(s->fail) : fail_new(text);
	form_store(f, n);
	bool ok = edit_step_fail(&ed->hist, s, n);
	fail_free(n);
	if (!ok)
		return refused(ed);
	return ed_ok(ed, RD_ALL, _("Fail point of %s set."), s->id);
}

/* A form's title: what it is, of which step (sanitized, fitted). */
static char *step_title(const char *what, const sbp_step *s)
{
	sbp_buf t;
	buf_init(&t);
	ed_fit(&t, s->text, 50, false);
	char *title = xasprintf("%s: %s", what, t.data ? t.data : "");
	buf_free(&t);
	return title;
}

/* f: the fail point's form (text, severity, recovery). */
static ed_result fail_form(editor *ed, sbp_step *s)
{
	char *title = step_title(_("Fail point"), s);
	ed_form *f = form_new(title, fail_apply, s);
	free(title);
	ed_form_field *fl = form_add_field(f, SBP_OBJ_FAIL, "text", s->fail,
					   _("What goes wrong"), ed->lim.max_minutes);
	fl->required = false; /* empty removes the fail point */
	fl->help = _("What goes wrong. Empty removes the fail point.");
	form_add_field(f, SBP_OBJ_FAIL, "severity", s->fail, _("Severity (1-5)"),
		       ed->lim.max_minutes);
	form_add_field(f, SBP_OBJ_FAIL, "recovery", s->fail, _("Recovery"),
		       ed->lim.max_minutes);
	return form_open(ed, f);
}

/* f / :fail TEXT: set the fail point's text (empty removes it). */
ed_result ecmd_fail(editor *ed, const ed_args *a)
{
	sbp_step *s = editor_step(ed);
	if (a->from_key)
		return fail_form(ed, s);
	if (!*a->rest) {
		if (!s->fail)
			return ed_ok(ed, RD_MSG, _("%s has no fail point."), s->id);
		if (!edit_step_fail(&ed->hist, s, NULL))
			return refused(ed);
		return ed_ok(ed, RD_ALL, _("Fail point removed."));
	}
	sbp_fail *f = s->fail ? fail_clone(s->fail) : fail_new(a->rest);
	set_string(&f->text, a->rest);
	bool ok = edit_step_fail(&ed->hist, s, f);
	fail_free(f);
	if (!ok)
		return refused(ed);
	return ed_ok(ed, RD_ALL, _("Fail point set (i edits severity and recovery)."));
}

/* :severity N (0 clears). */
ed_result ecmd_severity(editor *ed, const ed_args *a)
{
	sbp_step *s = editor_step(ed);
	double v;
	if (!s->fail)
		return ed_err(ed, _("%s has no fail point (f adds one)."), s->id);
	if (a->argc != 1 || !ed_parse_number(a->argv[0], &v) || v < 0 || v > 5 ||
	    v != (int)v)
		return ed_err(ed, _("Severity is a whole number from 1 to 5 (0 clears)."));
	sbp_fail *f = fail_clone(s->fail);
	f->severity = (int)v;
	bool ok = edit_step_fail(&ed->hist, s, f);
	fail_free(f);
	return ok ? ed_ok(ed, RD_ALL, _("Severity set.")) : refused(ed);
}

/* :recovery TEXT (empty clears). */
ed_result ecmd_recovery(editor *ed, const ed_args *a)
{
	sbp_step *s = editor_step(ed);
	if (!s->fail)
		return ed_err(ed, _("%s has no fail point (f adds one)."), s->id);
	sbp_fail *f = fail_clone(s->fail);
	set_string(&f->recovery, *a->rest ? a->rest : NULL);
	bool ok = edit_step_fail(&ed->hist, s, f);
	fail_free(f);
	return ok ? ed_ok(ed, RD_ALL, _("Recovery set.")) : refused(ed);
}

/* The wait form's changes, as one edit. */
static ed_result wait_apply(editor *ed, ed_form *f)
{
	sbp_step *s = form_step(ed, f);
	if (!s)
		return ed_err(ed, "%s", _("The step is gone."));
	const char *text = form_value(f, "text");
	if (!text) {
		if (!s->wait)
			return ed_ok(ed, RD_MSG, _("%s has no wait point."), s->id);
		if (!edit_step_wait(&ed->hist, s, NULL))
			return refused(ed);
		return ed_ok(ed, RD_ALL, "%s", _("Wait point removed."));
	}
	sbp_wait *n = s->wait ? wait_clone(s->wait) : wait_new(text);
	form_store(f, n);
	bool ok = edit_step_wait(&ed->hist, s, n);
	wait_free(n);
	if (!ok)
		return refused(ed);
	return ed_ok(ed, RD_ALL, _("Wait point of %s set."), s->id);
}

/* w: the wait point's form (text, expected and tolerable minutes). */
static ed_result wait_form(editor *ed, sbp_step *s)
{
	char *title = step_title(_("Wait point"), s);
	ed_form *f = form_new(title, wait_apply, s);
	free(title);
	ed_form_field *fl = form_add_field(f, SBP_OBJ_WAIT, "text", s->wait,
					   _("What the customer waits for"),
					   ed->lim.max_minutes);
	fl->required = false; /* empty removes the wait point */
	fl->help = _("What the customer waits for. Empty removes the wait point.");
	form_add_field(f, SBP_OBJ_WAIT, "expected", s->wait, _("Expected minutes"),
		       ed->lim.max_minutes);
	form_add_field(f, SBP_OBJ_WAIT, "tolerable", s->wait, _("Tolerable minutes"),
		       ed->lim.max_minutes);
	return form_open(ed, f);
}

/* w / :wait TEXT: set the wait point's text (empty removes it). */
ed_result ecmd_wait(editor *ed, const ed_args *a)
{
	sbp_step *s = editor_step(ed);
	if (a->from_key)
		return wait_form(ed, s);
	if (!*a->rest) {
		if (!s->wait)
			return ed_ok(ed, RD_MSG, _("%s has no wait point."), s->id);
		if (!edit_step_wait(&ed->hist, s, NULL))
			return refused(ed);
		return ed_ok(ed, RD_ALL, _("Wait point removed."));
	}
	sbp_wait *w = s->wait ? wait_clone(s->wait) : wait_new(a->rest);
	set_string(&w->text, a->rest);
	bool ok = edit_step_wait(&ed->hist, s, w);
	wait_free(w);
	if (!ok)
		return refused(ed);
	return ed_ok(ed, RD_ALL, _("Wait point set (i edits expected and tolerable minutes)."));
}

/* Set the expected (which 0) or tolerable (1) minutes of the wait. */
static ed_result wait_minutes(editor *ed, const ed_args *a, int which)
{
	sbp_step *s = editor_step(ed);
	double v;
	ed_result r;
	if (!s->wait)
		return ed_err(ed, _("%s has no wait point (w adds one)."), s->id);
	if (!ed_minutes_arg(ed, a->rest, &v, &r))
		return r;
	sbp_wait *w = wait_clone(s->wait);
	if (which == 0)
		w->expected = v;
	else
		w->tolerable = v;
	bool ok = edit_step_wait(&ed->hist, s, w);
	wait_free(w);
	return ok ? ed_ok(ed, RD_ALL, _("Wait time set.")) : refused(ed);
}

/* :expected MIN. */
ed_result ecmd_expected(editor *ed, const ed_args *a)
{
	return wait_minutes(ed, a, 0);
}

/* :tolerable MIN. */
ed_result ecmd_tolerable(editor *ed, const ed_args *a)
{
	return wait_minutes(ed, a, 1);
}
