/* The inspector (i): every field of the selected step, its standards and
 * its incoming and outgoing flows, each editable through the commands of
 * the table, so every change is undoable. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef enum insp_kind {
	IT_ID, IT_PLACE, IT_TEXT, IT_NOTES, IT_DURATION, IT_ENCOUNTER,
	IT_FAIL, IT_SEVERITY, IT_RECOVERY, IT_WAIT, IT_EXPECTED, IT_TOLERABLE,
	IT_STDS, IT_STD, IT_IN, IT_FLOW_IN, IT_OUT, IT_FLOW_OUT,
} insp_kind;

struct ed_insp_item {
	insp_kind kind;
	void *ptr; /* the standard or flow */
};

/* Append a row. */
static void add_item(editor *ed, size_t *cap, insp_kind k, void *p)
{
	xgrow(&ed->insp, cap, ed->ninsp + 1, sizeof *ed->insp);
	ed->insp[ed->ninsp].kind = k;
	ed->insp[ed->ninsp].ptr = p;
	ed->ninsp++;
}

/* Rebuild the rows when the step or the blueprint changed. */
static void insp_refresh(editor *ed)
{
	const sbp_step *s = editor_step(ed);
	if (ed->insp && ed->insp_step == s && ed->insp_key == ed_state_key(ed))
		return;
	free(ed->insp);
	ed->insp = NULL;
	ed->ninsp = 0;
	ed->insp_step = s;
	ed->insp_key = ed_state_key(ed);
	if (!s)
		return;
	size_t cap = 0;
	for (insp_kind k = IT_ID; k <= IT_STDS; k++)
		add_item(ed, &cap, k, NULL);
	for (size_t i = 0; i < s->stds.n; i++)
		add_item(ed, &cap, IT_STD, s->stds.items[i]);
	add_item(ed, &cap, IT_IN, NULL);
	for (size_t i = 0; i < ed->bp->flows.n; i++)
		if (ed->bp->flows.items[i]->to == s)
			add_item(ed, &cap, IT_FLOW_IN, ed->bp->flows.items[i]);
	add_item(ed, &cap, IT_OUT, NULL);
	for (size_t i = 0; i < ed->bp->flows.n; i++)
		if (ed->bp->flows.items[i]->from == s)
			add_item(ed, &cap, IT_FLOW_OUT, ed->bp->flows.items[i]);
	if (ed->inspector.sel >= ed->ninsp)
		ed->inspector.sel = ed->ninsp - 1;
}

/* Number of rows. */
size_t inspector_count(editor *ed)
{
	insp_refresh(ed);
	return ed->ninsp;
}

/* A number of minutes, or "-". */
static void put_minutes(sbp_buf *b, double v)
{
	char n[32];
	if (isnan(v)) {
		buf_puts(b, "-");
		return;
	}
	fmt_number(v, n);
	buf_printf(b, _("%s min"), n);
}

/* One row: a label and the value. */
void inspector_item(editor *ed, size_t i, size_t width, sbp_buf *out, ed_style *st)
{
	static const char *const labels[] = {
		N_("Id"), N_("Place"), N_("Text"), N_("Notes"), N_("Duration"), N_("Encounter"),
		N_("Fail point"), N_("  severity"), N_("  recovery"), N_("Wait point"),
		N_("  expected"), N_("  tolerable"), N_("Standards"), "", N_("Flows in"), "",
		N_("Flows out"), "",
	};
	insp_refresh(ed);
	const sbp_step *s = ed->insp_step;
	*st = STY_NORMAL;
	if (!s || i >= ed->ninsp)
		return;
	const struct ed_insp_item *it = &ed->insp[i];
	sbp_buf v;
	buf_init(&v);
	const sbp_flow *f = it->ptr;
	const sbp_standard *sd = it->ptr;
	switch (it->kind) {
	case IT_ID: buf_puts(&v, s->id); *st = STY_DIM; break;
	case IT_PLACE:
		buf_printf(&v, "%s / %s", s->lane->name, s->column->name);
		*st = STY_DIM;
		break;
	case IT_TEXT: buf_puts(&v, s->text); break;
	case IT_NOTES: buf_puts(&v, step_notes(s) ? step_notes(s) : "-"); break;
	case IT_DURATION: put_minutes(&v, s->duration); break;
	case IT_ENCOUNTER:
		buf_printf(&v, "%s (%s)", step_is_encounter(s) ? _("yes") : _("no"),
			   s->encounter == MARK_YES ? _("marked yes")
			   : s->encounter == MARK_NO ? _("marked no") : _("by its lane"));
		if (step_is_flagged(s)) {
			buf_puts(&v, _("  ! no standard"));
			*st = STY_WARN;
		}
		break;
	case IT_FAIL: buf_puts(&v, s->fail ? s->fail->text : "-"); break;
	case IT_SEVERITY:
		if (s->fail && s->fail->severity)
			buf_printf(&v, _("%d of 5"), s->fail->severity);
		else
			buf_puts(&v, "-");
		break;
	case IT_RECOVERY:
		buf_puts(&v, s->fail && s->fail->recovery ? s->fail->recovery : "-");
		break;
	case IT_WAIT: buf_puts(&v, s->wait ? s->wait->text : "-"); break;
	case IT_EXPECTED: put_minutes(&v, s->wait ? s->wait->expected : NAN); break;
	case IT_TOLERABLE: put_minutes(&v, s->wait ? s->wait->tolerable : NAN); break;
	case IT_STDS:
		buf_printf(&v, _("%zu attached (Enter or s attaches)"), s->stds.n);
		*st = STY_HEADER;
		break;
	case IT_STD: buf_printf(&v, "%s  %s", sd->id, sd->name); break;
	case IT_IN: case IT_OUT:
		buf_puts(&v, _("(Enter jumps to the step, d deletes the flow)"));
		*st = STY_HEADER;
		break;
	case IT_FLOW_IN: case IT_FLOW_OUT: {
		const sbp_step *o = it->kind == IT_FLOW_IN ? f->from : f->to;
		buf_printf(&v, "%s %s  %s", it->kind == IT_FLOW_IN ? "<-" : "->",
			   o->id, o->text);
		if (f->label)
			buf_printf(&v, "  [%s]", f->label);
		break;
	}
	}
	sbp_buf line;
	buf_init(&line);
	ed_fit(&line, *labels[it->kind] ? _(labels[it->kind]) : "", 12, true);
	buf_puts(&line, " ");
	buf_add(&line, v.data, v.len);
	ed_fit(out, line.data, width, false);
	buf_free(&line);
	buf_free(&v);
}

/* i: open the inspector on the selected step. */
ed_result ecmd_inspect(editor *ed, const ed_args *a)
{
	(void)a;
	ed->insp_step = NULL;
	free(ed->insp);
	ed->insp = NULL;
	ed->inspector.sel = IT_TEXT;
	ed->inspector.top = 0;
	ed_push_mode(ed, MODE_INSPECTOR);
	return ed_ok(ed, RD_ALL, _("Enter edits a field, d removes it, Esc closes."));
}

/* Open a prompt for a step field, run as the command named cmd. */
static ed_result field_prompt(editor *ed, const char *label, const char *cmd,
			      const char *init)
{
	return ed_prompt_open(ed, label, cmd, init ? init : "", CPL_NONE, 2);
}

/* A number as text for a prompt ("" when absent). */
static const char *num_text(double v, char buf[32])
{
	if (isnan(v))
		return "";
	fmt_number(v, buf);
	return buf;
}

/* Enter on a row: edit it (or jump along a flow). */
static ed_result insp_enter(editor *ed, const struct ed_insp_item *it)
{
	sbp_step *s = editor_step(ed);
	char n[32];
	ed_args key = { 0, NULL, "", false, true };
	switch (it->kind) {
	case IT_TEXT: return field_prompt(ed, "Text: ", "text", s->text);
	case IT_NOTES: return field_prompt(ed, "Notes: ", "notes", step_notes(s));
	case IT_DURATION:
		return field_prompt(ed, _("Duration (minutes): "), "duration",
				    num_text(s->duration, n));
	case IT_ENCOUNTER: return ecmd_encounter(ed, &key);
	case IT_FAIL: return ecmd_fail(ed, &key);
	case IT_WAIT: return ecmd_wait(ed, &key);
	case IT_SEVERITY:
		if (!s->fail)
			return ed_err(ed, _("Add a fail point first (Enter on Fail point)."));
		snprintf(n, sizeof n, "%d", s->fail->severity);
		return field_prompt(ed, _("Severity (1-5, 0 clears): "), "severity", n);
	case IT_RECOVERY:
		if (!s->fail)
			return ed_err(ed, _("Add a fail point first (Enter on Fail point)."));
		return field_prompt(ed, "Recovery: ", "recovery", s->fail->recovery);
	case IT_EXPECTED: case IT_TOLERABLE:
		if (!s->wait)
			return ed_err(ed, _("Add a wait point first (Enter on Wait point)."));
		return field_prompt(ed, it->kind == IT_EXPECTED ? _("Expected minutes: ")
				    : _("Tolerable minutes: "),
				    it->kind == IT_EXPECTED ? "expected" : "tolerable",
				    num_text(it->kind == IT_EXPECTED ? s->wait->expected
					     : s->wait->tolerable, n));
	case IT_STDS: case IT_STD: return ecmd_attach(ed, &key);
	case IT_FLOW_IN: case IT_FLOW_OUT: {
		const sbp_flow *f = it->ptr;
		ed_pop_mode(ed);
		editor_select(ed, it->kind == IT_FLOW_IN ? f->from : f->to);
		return ed_ok(ed, RD_ALL, _("Followed the flow to %s."), editor_step(ed)->id);
	}
	default:
		return ed_ok(ed, RD_MSG, _("This field is not edited here "
			     "(H J K L move the step)."));
	}
}

/* d on a row: remove what it holds. */
static ed_result insp_delete(editor *ed, const struct ed_insp_item *it)
{
	sbp_step *s = editor_step(ed);
	char *line = NULL;
	switch (it->kind) {
	case IT_STD:
		line = xasprintf("unstd %s", ((sbp_standard *)it->ptr)->id);
		break;
	case IT_FLOW_IN: case IT_FLOW_OUT: {
		const sbp_flow *f = it->ptr;
		line = xasprintf("unflow %s %s", f->from->id, f->to->id);
		break;
	}
	case IT_FAIL: line = xstrdup("fail"); break;
	case IT_WAIT: line = xstrdup("wait"); break;
	case IT_NOTES: line = xstrdup("notes"); break;
	case IT_DURATION: line = xstrdup("duration"); break;
	case IT_RECOVERY: if (s->fail) line = xstrdup("recovery"); break;
	case IT_SEVERITY: if (s->fail) line = xstrdup("severity 0"); break;
	case IT_EXPECTED: if (s->wait) line = xstrdup("expected"); break;
	case IT_TOLERABLE: if (s->wait) line = xstrdup("tolerable"); break;
	default: break;
	}
	if (!line)
		return ed_err(ed, _("Nothing to remove here."));
	ed_result r = editor_run(ed, line);
	free(line);
	return r;
}

/* Keys of the inspector. */
ed_result inspector_key(editor *ed, ed_key k)
{
	size_t n = inspector_count(ed);
	if (!editor_step(ed) || k == EK_ESC || k == 'q' || k == 'i') {
		ed_pop_mode(ed);
		ed->msg[0] = '\0';
		return ed_done(ed, RD_ALL);
	}
	if (list_key(&ed->inspector, k, n, editor_panel_rows(ed, 0)))
		return ed_done(ed, RD_PANEL);
	const struct ed_insp_item *it = &ed->insp[ed->inspector.sel];
	ed_args key = { 0, NULL, "", false, true };
	switch (k) {
	case EK_ENTER: return insp_enter(ed, it);
	case 'd': case EK_DEL: return insp_delete(ed, it);
	case 's': return ecmd_attach(ed, &key);
	case 'u': return ecmd_undo(ed, &key);
	case EK_CTRL('r'): return ecmd_redo(ed, &key);
	case ':': return ecmd_cmdline(ed, &key);
	case 'c':
		ed_pop_mode(ed);
		return ecmd_connect(ed, &key);
	default: return ed_done(ed, RD_NONE);
	}
}
