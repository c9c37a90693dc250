/* The display list below and beside the grid: the detail pane of the
 * selected step (its whole text, place, standards, fail and wait points,
 * duration, notes, fix, and the steps that flow in and out, by text), the
 * key hint bar, the status line and the message or command line (long
 * messages end in "M: all", and M shows them whole). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Where the pane's rows go (f NULL: only count them). Rows past end are
 * counted but not drawn. */
typedef struct pane {
	ed_frame *f;
	int x, y, w, end; /* next row y, rows drawn up to end */
	int lw;           /* label column width */
} pane;

/* A pane w columns wide from (x, y), drawn up to row end. */
static pane pane_at(ed_frame *f, int x, int y, int w, int end)
{
	return (pane){ f, x, y, w, end, w >= 40 ? 10 : 9 };
}

/* A labelled row: the label, then text wrapped in the rest. */
static void pane_row(pane *p, const char *label, const char *text, ed_role role)
{
	int tx = label ? p->x + p->lw : p->x, tw = label ? p->w - p->lw : p->w;
	if (tw < 4)
		return;
	size_t n = view_wrap(text, (size_t)tw, (size_t)tw, 0, NULL, NULL);
	if (p->f && p->y < p->end) {
		if (label)
			frame_put(p->f, p->y, p->x, p->lw - 1, VR_PANE_LABEL, label);
		size_t *b = xmalloc(2 * n * sizeof *b), *e = b + n;
		view_wrap(text, (size_t)tw, (size_t)tw, n, b, e);
		for (size_t j = 0; j < n && p->y + (int)j < p->end; j++) {
			int y = p->y + (int)j;
			size_t len = e[j] - b[j];
			if (y + 1 == p->end && j + 1 < n)
				len = strlen(text + b[j]); /* the last row: cut with … */
			frame_text_at(p->f, y, tx, tw, role, text + b[j], len, false);
		}
		free(b);
	}
	p->y += (int)n;
}

/* The texts of the steps flowing into (in) or out of s, "; "-joined. */
static void flow_texts(const sbp_blueprint *bp, const sbp_step *s, bool in, sbp_buf *out)
{
	for (size_t i = 0; i < bp->flows.n; i++) {
		const sbp_flow *fl = bp->flows.items[i];
		const sbp_step *o = in ? (fl->to == s ? fl->from : NULL)
				       : (fl->from == s ? fl->to : NULL);
		if (!o || o == s)
			continue;
		if (out->len)
			buf_puts(out, "; ");
		buf_puts(out, o->text);
		if (fl->label)
			buf_printf(out, " (%s)", fl->label);
	}
}

/* A number of minutes without needless decimals. */
static void put_minutes(sbp_buf *b, const char *fmt, double m)
{
	char num[32];
	snprintf(num, sizeof num, "%g", m);
	buf_printf(b, fmt, num);
}

/* The standards rows of s. */
static void pane_standards(pane *p, const sbp_step *s)
{
	sbp_buf b;
	buf_init(&b);
	for (size_t i = 0; i < s->stds.n; i++) {
		const sbp_standard *st = s->stds.items[i];
		buf_reset(&b);
		bool below = standard_below_goal(st);
		if (below)
			buf_printf(&b, _("%s (%s, below goal)"), st->name, std_kind_id(st->kind));
		else
			buf_printf(&b, _("%s (%s)"), st->name, std_kind_id(st->kind));
		pane_row(p, i == 0 ? _("Standard") : "", b.data, below ? VR_WARN : VR_NORMAL);
	}
	if (s->stds.n == 0 && step_is_flagged(s))
		pane_row(p, _("Standard"), _("none: an encounter without a standard"), VR_FLAG);
	buf_free(&b);
}

/* The fail and wait rows of s. */
static void pane_points(pane *p, const sbp_step *s)
{
	sbp_buf b;
	buf_init(&b);
	if (s->fail) {
		buf_puts(&b, s->fail->text);
		if (s->fail->severity)
			buf_printf(&b, _(" · severity %d"), s->fail->severity);
		if (s->fail->recovery)
			buf_printf(&b, _(" · recovery: %s"), s->fail->recovery);
		pane_row(p, _("Fail"), b.data, VR_FAIL);
	}
	if (s->wait) {
		buf_reset(&b);
		buf_puts(&b, s->wait->text);
		if (!isnan(s->wait->expected))
			put_minutes(&b, _(" · expected %s min"), s->wait->expected);
		if (!isnan(s->wait->tolerable))
			put_minutes(&b, _(" · tolerable %s min"), s->wait->tolerable);
		pane_row(p, _("Wait"), b.data, VR_WAIT);
	}
	buf_free(&b);
}

/* The rows about step s in the selected place (NULL: the empty cell). */
static void pane_rows(editor *ed, pane *p, const sbp_step *s)
{
	const sbp_blueprint *bp = ed->bp;
	sbp_buf b;
	buf_init(&b);
	size_t lane = s ? s->lane->idx : ed->lane, col = s ? s->column->idx : ed->col;
	if (lane < bp->lanes.n && col < bp->columns.n) {
		const sbp_column *c = bp->columns.items[col];
		buf_printf(&b, "%s / %s", bp->lanes.items[lane]->name, c->name);
		if (c->phase)
			buf_printf(&b, " (%s)", c->phase);
	}
	if (!s) {
		pane_row(p, _("Place"), b.data, VR_NORMAL);
		pane_row(p, NULL, _("An empty cell: a adds a step here."), VR_DIM);
		buf_free(&b);
		return;
	}
	pane_row(p, NULL, s->text, VR_NORMAL);
	const char *fix = step_fix(s);
	if (fix)
		pane_row(p, _("Fix"), fix, VR_FIX);
	pane_row(p, _("Place"), b.data, VR_NORMAL);
	pane_standards(p, s);
	pane_points(p, s);
	buf_reset(&b);
	flow_texts(bp, s, true, &b);
	if (b.len)
		pane_row(p, _("From"), b.data, VR_NORMAL);
	buf_reset(&b);
	flow_texts(bp, s, false, &b);
	if (b.len)
		pane_row(p, _("To"), b.data, VR_NORMAL);
	if (!isnan(s->duration)) {
		buf_reset(&b);
		put_minutes(&b, _("%s min"), s->duration);
		pane_row(p, _("Duration"), b.data, VR_NORMAL);
	}
	if (step_notes(s))
		pane_row(p, _("Notes"), step_notes(s), VR_NORMAL);
	buf_free(&b);
}

/* The detail pane: a rule with the step's id, then its rows. */
void frame_pane(editor *ed, ed_view *v, ed_frame *f)
{
	if (v->pane_h <= 0 || v->pane_w <= 0)
		return;
	const sbp_step *s = editor_step(ed);
	bool right = v->pane_x > 0;
	pane p = pane_at(f, right ? v->pane_x + 2 : 1, right ? v->pane_y : v->pane_y + 1,
			 right ? v->pane_w - 3 : v->pane_w - 2, v->pane_y + v->pane_h);
	if (right) /* a line down its left side */
		frame_glyph(f, v->pane_y, v->pane_x, v->pane_h, VG_VLINE, VR_RULE, true);
	else
		frame_glyph(f, v->pane_y, 0, v->pane_w, VG_HLINE, VR_RULE, false);
	if (v->pane_x == 0) {
		sbp_buf t;
		buf_init(&t);
		buf_printf(&t, " %s ", s ? s->id : _("empty cell"));
		frame_text_at(f, v->pane_y, 2, v->pane_w - 4, VR_PANE_TITLE, t.data, t.len, false);
		buf_free(&t);
	}
	int y0 = p.y;
	size_t n0 = f->n;
	pane_rows(ed, &p, s);
	if (p.y > p.end && p.end - y0 > 1) {
		/* rows that do not fit: the last row says how many, in place
		 * of what was drawn there */
		int more = p.y - p.end + 1;
		while (f->n > n0 && f->items[f->n - 1].y == p.end - 1)
			f->n--;
		sbp_buf m;
		buf_init(&m);
		buf_printf(&m, P_("… %d more row (i shows the step whole)",
				  "… %d more rows (i shows the step whole)", more), more);
		frame_text_at(f, p.end - 1, p.x, p.w, VR_DIM, m.data, m.len, false);
		buf_free(&m);
	}
}

/* The rows a bottom pane of w columns needs for s, its title included. */
static int pane_step_rows(editor *ed, const sbp_step *s, int w)
{
	pane p = pane_at(NULL, 1, 0, w - 2, 0);
	pane_rows(ed, &p, s);
	return p.y + 1;
}

/* Compare two ints (qsort). */
static int int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* The rows a bottom pane of w columns needs (its title rule included)
 * for nine steps in ten: the rest show a last row that says how many
 * rows they have more. 0 when the blueprint is too large to ask (the
 * flows in and out are found by a walk over all flows). */
int pane_rows_needed(editor *ed, int w)
{
	const sbp_blueprint *bp = ed->bp;
	if (!bp->steps.n || bp->steps.n * (bp->flows.n + 1) > 400000 || w < 8)
		return 0;
	int *need = xmalloc(bp->steps.n * sizeof *need);
	for (size_t i = 0; i < bp->steps.n; i++)
		need[i] = pane_step_rows(ed, bp->steps.items[i], w);
	qsort(need, bp->steps.n, sizeof *need, int_cmp);
	int rows = need[(bp->steps.n * 9 + 9) / 10 - 1];
	free(need);
	return rows;
}

/* The key hint bar: the keys a newcomer needs. */
static void frame_hints(ed_view *v, ed_frame *f, int cols)
{
	static const char *const keys[][2] = {
		{ "hjkl", N_("move") }, { "a", N_("add") }, { "Enter", N_("edit") },
		{ "i", N_("inspect") }, { "c", N_("connect") }, { "][", N_("journey") },
		{ "z", N_("zoom") }, { "D", N_("detail") }, { "F", N_("flows") },
		{ "/", N_("find") }, { "u", N_("undo") }, { "?", N_("help") },
		{ "b", N_("hide hints") }, { "q", N_("quit") },
	};
	int x = 1;
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		const char *k = keys[i][0], *t = _(keys[i][1]);
		int kw = (int)strlen(k), tw = (int)utf8_width(t, strlen(t));
		if (x + kw + 1 + tw > cols - 1)
			break;
		frame_put(f, v->hint_y, x, kw, VR_HINT_KEY, k);
		frame_put(f, v->hint_y, x + kw + 1, tw, VR_HINT, t);
		x += kw + tw + 3;
	}
}

/* The prompt line: the label, the text around the cursor, the cursor. */
static void frame_prompt(editor *ed, ed_frame *f, int y, int cols)
{
	size_t lw = utf8_width(ed->prompt.label, strlen(ed->prompt.label));
	frame_put(f, y, 0, cols / 2, VR_TITLE, ed->prompt.label);
	if (lw > (size_t)cols / 2)
		lw = (size_t)cols / 2;
	sbp_buf b;
	size_t cx;
	buf_init(&b);
	lineedit_view(&ed->line, (size_t)cols - lw - 1, &b, &cx);
	/* a value typing replaces is shown selected (reverse video) */
	frame_text_at(f, y, (int)lw, cols - (int)lw - 1,
		      ed->prompt.replace ? VR_SELECTION : VR_NORMAL, b.data ? b.data : "",
		      b.len, false);
	buf_free(&b);
	f->cursor_y = y;
	f->cursor_x = (int)(lw + cx);
}

/* The status line, and the message (one line; "M: all" when cut) or the
 * prompt. */
void frame_footer(editor *ed, ed_view *v, ed_frame *f)
{
	int cols = ed->cols, y = ed->rows - 1;
	if (v->hint_y >= 0)
		frame_hints(v, f, cols);
	size_t nl = 1, w = (size_t)cols - 1;
	size_t *b = NULL, *e = NULL;
	if (ed->mode != MODE_LINE && ed->msg[0]) {
		nl = 1;
		b = xmalloc(2 * nl * sizeof *b);
		e = b + nl;
		nl = view_wrap(ed->msg, w, w, nl, b, e);
	}
	int sy = y - (int)nl;
	sbp_buf left, right;
	buf_init(&left);
	buf_init(&right);
	editor_status_line(ed, (size_t)cols, &left, &right);
	frame_text_at(f, sy, 0, cols, VR_STATUS, "", 0, true);
	size_t rw = utf8_width(right.data ? right.data : "", right.len);
	frame_text_at(f, sy, 0, (size_t)cols > rw + 1 ? cols - (int)rw - 1 : 1, VR_STATUS,
		      left.data ? left.data : "", left.len, false);
	if ((int)rw < cols)
		frame_text_at(f, sy, cols - (int)rw, (int)rw, VR_STATUS, right.data, right.len, false);
	buf_free(&left);
	buf_free(&right);
	if (ed->mode == MODE_LINE) {
		frame_prompt(ed, f, y, cols);
		/* a message while typing (a form's error, the matches of Tab,
		 * quick entry's keys) goes above the status line */
		if (ed->msg[0])
			frame_text_at(f, v->hint_y >= 0 ? v->hint_y : sy - 1, 0, cols,
				      ed->msg_error ? VR_MSG_ERROR : VR_MSG, ed->msg,
				      strlen(ed->msg), true);
		free(b);
		return;
	}
	ed_role role = ed->msg_error ? VR_MSG_ERROR : VR_MSG;
	bool more = b && utf8_width(ed->msg, strlen(ed->msg)) > w;
	const char *tail = _(" M: all");
	int tw = more ? (int)utf8_width(tail, strlen(tail)) : 0;
	for (size_t j = 0; j < nl && b; j++) {
		bool last = j + 1 == nl;
		size_t len = last ? strlen(ed->msg + b[j]) : e[j] - b[j];
		frame_text_at(f, sy + 1 + (int)j, 0, (int)w - (last ? tw : 0), role,
			      ed->msg + b[j], len, false);
	}
	if (more)
		frame_put(f, y, cols - 1 - tw, tw, VR_DIM, tail);
	free(b);
}
