/* Commands of the view: zoom, the detail pane, the flows view, the key
 * hint bar, and walking the journey along flows. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* z: compact, normal, full, compact... */
ed_result ecmd_zoom(editor *ed, const ed_args *a)
{
	ed_view *v = editor_view(ed);
	static const char *const names[ZOOM_COUNT] = {
		N_("Zoom: compact (one line a card)"),
		N_("Zoom: normal (as many lines as fit)"),
		N_("Zoom: full (every card's whole text)"),
	};
	if (a->argc == 1) {
		static const char *const ids[ZOOM_COUNT] = { "compact", "normal", "full" };
		int z = -1;
		for (int i = 0; i < ZOOM_COUNT; i++)
			if (!strcmp(a->argv[0], ids[i]))
				z = i;
		if (z < 0)
			return ed_err(ed, _("Usage: :zoom [compact|normal|full]"));
		v->zoom = (ed_zoom)z;
	} else {
		v->zoom = (ed_zoom)((v->zoom + 1) % ZOOM_COUNT);
	}
	ed_scroll_to_sel(ed);
	return ed_ok(ed, RD_ALL, "%s", _(names[v->zoom]));
}

/* D: show or hide the detail pane. */
ed_result ecmd_detail(editor *ed, const ed_args *a)
{
	(void)a;
	ed_view *v = editor_view(ed);
	bool shown = v->pane_h > 0;
	v->pane = shown ? PANE_HIDDEN : PANE_SHOWN;
	ed_scroll_to_sel(ed);
	return ed_ok(ed, RD_ALL, "%s", shown ? _("Detail pane hidden (D shows it)")
					  : _("Detail pane shown (D hides it)"));
}

/* F: draw the flows between columns, or not. */
ed_result ecmd_flows(editor *ed, const ed_args *a)
{
	(void)a;
	ed_view *v = editor_view(ed);
	v->flows = !v->flows;
	return ed_ok(ed, RD_ALL, "%s", v->flows ? _("Flows between columns shown")
					      : _("Flows between columns hidden"));
}

/* b: hide or show the key hint bar. */
ed_result ecmd_hints(editor *ed, const ed_args *a)
{
	(void)a;
	ed_view *v = editor_view(ed);
	v->hints_off = !v->hints_off;
	ed_scroll_to_sel(ed);
	ed->msg[0] = '\0';
	return ed_done(ed, RD_ALL);
}

/* The words of SBP_VIEW, and the settings each one sets. */
typedef struct view_word {
	const char *word;
	int zoom;           /* an ed_zoom, or -1 */
	int pane;           /* an ed_pane_mode, or -1 */
	int hints_off, flows; /* 0 or 1, or -1 */
} view_word;

static const view_word view_words[] = {
	{ "compact", ZOOM_COMPACT, -1, -1, -1 },
	{ "normal", ZOOM_NORMAL, -1, -1, -1 },
	{ "full", ZOOM_FULL, -1, -1, -1 },
	{ "pane", -1, PANE_AUTO, -1, -1 },
	{ "nopane", -1, PANE_HIDDEN, -1, -1 },
	{ "hints", -1, -1, 0, -1 },
	{ "nohints", -1, -1, 1, -1 },
	{ "flows", -1, -1, -1, 1 },
	{ "noflows", -1, -1, -1, 0 },
};

/* The view settings the editor starts with, from words such as
 * "compact,nopane" (SBP_VIEW). Words are separated by commas or blanks;
 * a later word wins. An unknown word is left out and named in the
 * message line. */
bool editor_view_preset(editor *ed, const char *spec)
{
	ed_view *v = editor_view(ed);
	const size_t nw = sizeof view_words / sizeof *view_words;
	bool ok = true;
	for (const char *p = spec ? spec : ""; *p;) {
		size_t n = strcspn(p, ", \t");
		if (n == 0) {
			p++;
			continue;
		}
		const view_word *w = NULL;
		for (size_t i = 0; i < nw && !w; i++)
			if (strlen(view_words[i].word) == n && !strncmp(p, view_words[i].word, n))
				w = &view_words[i];
		if (!w && ok) {
			sbp_buf b;
			buf_init(&b);
			sanitize_fit(&b, p, n, 40);
			buf_putc(&b, '\0');
			ed_err(ed, _("SBP_VIEW: unknown word \"%s\" (known: compact normal full "
				     "pane nopane hints nohints flows noflows)"), b.data);
			buf_free(&b);
			ok = false;
		}
		if (w && w->zoom >= 0)
			v->zoom = (ed_zoom)w->zoom;
		if (w && w->pane >= 0)
			v->pane = (ed_pane_mode)w->pane;
		if (w && w->hints_off >= 0)
			v->hints_off = w->hints_off;
		if (w && w->flows >= 0)
			v->flows = w->flows;
		p += n;
	}
	ed_scroll_to_sel(ed);
	return ok;
}

/* The neighbour of s along flows (forward: a successor), preferring the
 * nearest column ahead (behind), then file order. */
static const sbp_step *neighbour(const sbp_blueprint *bp, const sbp_step *s,
				 bool forward)
{
	const sbp_step *best = NULL;
	long best_d = 0;
	for (size_t i = 0; i < bp->flows.n; i++) {
		const sbp_flow *f = bp->flows.items[i];
		const sbp_step *o = forward ? (f->from == s ? f->to : NULL)
					    : (f->to == s ? f->from : NULL);
		if (!o || o == s)
			continue;
		long d = (long)o->column->idx - (long)s->column->idx;
		if (!forward)
			d = -d;
		long key = d >= 0 ? d : 1000000 - d; /* ahead first, then behind */
		if (!best || key < best_d) {
			best = o;
			best_d = key;
		}
	}
	return best;
}

/* Select the next or previous step of the journey. */
static ed_result journey(editor *ed, bool forward)
{
	const sbp_step *s = editor_step(ed);
	if (!s)
		return ed_err(ed, "%s", _("No step selected"));
	const sbp_step *o = neighbour(ed->bp, s, forward);
	if (!o)
		return ed_err(ed, "%s", forward ? _("No flow goes out of this step")
						: _("No flow comes into this step"));
	editor_select(ed, o);
	ed->msg[0] = '\0';
	return ed_done(ed, RD_GRID | RD_STATUS | RD_MSG);
}

/* ]: the next step along the flows. */
ed_result ecmd_journey_next(editor *ed, const ed_args *a)
{
	(void)a;
	return journey(ed, true);
}

/* [: the previous step along the flows. */
ed_result ecmd_journey_prev(editor *ed, const ed_args *a)
{
	(void)a;
	return journey(ed, false);
}

/* Closing the message box needs nothing more. */
static void message_closed(editor *ed, int choice)
{
	(void)ed;
	(void)choice;
}

/* M: the whole last message in a box (the message line shows two lines). */
ed_result ecmd_message(editor *ed, const ed_args *a)
{
	(void)a;
	if (!ed->msg[0])
		return ed_ok(ed, RD_MSG, "%s", _("No message to show"));
	size_t w = ed->cols > 24 ? (size_t)ed->cols - 12 : 12;
	size_t n = view_wrap(ed->msg, w, w, 0, NULL, NULL);
	size_t *b = xmalloc(2 * n * sizeof *b), *e = b + n;
	view_wrap(ed->msg, w, w, n, b, e);
	sbp_buf t;
	buf_init(&t);
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_putc(&t, '\n');
		buf_add(&t, ed->msg + b[i], e[i] - b[i]);
	}
	buf_puts(&t, "\n\n");
	buf_puts(&t, _("q or Esc closes"));
	ed_ask(ed, _("Message"), t.data, "q", true, message_closed);
	buf_free(&t);
	free(b);
	return ed_done(ed, RD_ALL);
}
