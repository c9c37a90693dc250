/* The display list of the grid: phase and column headers, lane names
 * (wrapped), the rules of the three lines, cards with their markers and
 * wrapped text, the selected card highlighted whole, its predecessors and
 * successors marked, and flows in the gutters. Only what is on screen is
 * listed. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* An empty frame. */
void frame_init(ed_frame *f)
{
	memset(f, 0, sizeof *f);
	buf_init(&f->text);
	f->cursor_y = f->cursor_x = -1;
}

/* Free a frame's lists. */
void frame_free(ed_frame *f)
{
	free(f->items);
	buf_free(&f->text);
	frame_init(f);
}

/* The text of an item. */
const char *frame_text(const ed_frame *f, const ed_item *it)
{
	return f->text.data ? f->text.data + it->text : "";
}

/* A new item. */
static ed_item *frame_push(ed_frame *f, int y, int x, int w, ed_role role)
{
	xgrow(&f->items, &f->cap, f->n + 1, sizeof *f->items);
	ed_item *it = &f->items[f->n++];
	*it = (ed_item){ y, x, w, (uint16_t)role, -1, false, false, 0 };
	return it;
}

/* Text of len bytes at (y, x), at most w columns (fill: exactly w). */
void frame_text_at(ed_frame *f, int y, int x, int w, ed_role role,
		   const char *s, size_t len, bool fill)
{
	if (w <= 0 || y < 0 || x < 0)
		return;
	ed_item *it = frame_push(f, y, x, w, role);
	it->fill = fill;
	it->text = f->text.len;
	if (len)
		buf_add(&f->text, s, len);
	buf_putc(&f->text, '\0');
}

/* A NUL-terminated text at (y, x). */
void frame_put(ed_frame *f, int y, int x, int w, ed_role role, const char *s)
{
	frame_text_at(f, y, x, w, role, s ? s : "", s ? strlen(s) : 0, false);
}

/* A glyph repeated n times, rightwards or downwards. */
void frame_glyph(ed_frame *f, int y, int x, int n, ed_glyph g, ed_role role,
		 bool vertical)
{
	if (n <= 0 || y < 0 || x < 0)
		return;
	ed_item *it = frame_push(f, y, x, n, role);
	it->glyph = (int16_t)g;
	it->vertical = vertical;
}

/* Row 0: the title, phases over their runs; row 1: column names. */
static void frame_headers(editor *ed, ed_view *v, ed_frame *f)
{
	const sbp_blueprint *bp = ed->bp;
	int lw = v->label_w, cw = v->col_w;
	if (bp->title)
		frame_put(f, 0, 0, lw - 1, VR_TITLE, bp->title);
	for (size_t vc = 0; vc < v->vis_cols; vc++) {
		size_t c = ed->left + vc;
		int x = lw + (int)vc * cw;
		if (c >= bp->columns.n)
			break;
		const sbp_column *col = bp->columns.items[c];
		const char *ph = col->phase;
		const char *prev = c > 0 ? bp->columns.items[c - 1]->phase : NULL;
		bool starts = vc == 0 || !ph != !prev || (ph && prev && strcmp(ph, prev));
		if (ph && starts) {
			size_t run = 1;
			while (c + run < bp->columns.n && vc + run < v->vis_cols &&
			       bp->columns.items[c + run]->phase &&
			       !strcmp(bp->columns.items[c + run]->phase, ph))
				run++;
			frame_put(f, 0, x, (int)run * cw - 1, VR_PHASE, ph);
		}
		frame_put(f, 1, x + 1, cw - 1 - v->gutter, VR_COLHEAD, col->name);
		if (c == ed->col)
			frame_glyph(f, 1, x, 1, VG_PTR_DOWN, VR_POINTER, false);
	}
	if (ed->left > 0)
		frame_put(f, 1, lw - 2, 1, VR_DIM, "<");
	if (ed->left + v->vis_cols < bp->columns.n)
		frame_put(f, 1, lw + v->grid_w - 1, 1, VR_DIM, ">");
}

/* A rule line above lane l, labelled where one of the three lines runs. */
static void frame_rule(editor *ed, ed_view *v, ed_frame *f, int y, size_t l)
{
	const sbp_lane *lane = ed->bp->lanes.items[l];
	const sbp_lane *above = ed->bp->lanes.items[l - 1];
	const char *label = lane->zone != above->zone ? zone_line_above(lane->zone) : NULL;
	int w = v->label_w + v->grid_w;
	frame_glyph(f, y, 0, w, VG_HLINE, label ? VR_RULE : VR_DIM, false);
	if (label) {
		sbp_buf b;
		buf_init(&b);
		buf_printf(&b, " %s ", _(label));
		frame_text_at(f, y, 2, w - 2, VR_RULE_LABEL, b.data, b.len, false);
		buf_free(&b);
	}
}

/* The lines of lane l's name (wrapped), its zone under it, the pointer. */
static void frame_label(editor *ed, ed_view *v, ed_frame *f, size_t l, int y0)
{
	const sbp_lane *lane = ed->bp->lanes.items[l];
	size_t w = v->label_w > 3 ? (size_t)v->label_w - 2 : 1;
	size_t n = v->name_lines[l];
	if (n > v->lane_h[l])
		n = v->lane_h[l];
	size_t *b = xmalloc(2 * n * sizeof *b), *e = b + n;
	view_wrap(lane->name, w, w, n, b, e);
	if (n < v->name_lines[l])
		e[n - 1] = strlen(lane->name); /* the rest, cut with … */
	size_t top = ed->top, bot = ed->top + (size_t)v->body_h;
	for (size_t j = 0; j < n; j++) {
		size_t r = v->lane_y[l] + j;
		if (r >= top && r < bot)
			frame_text_at(f, y0 + (int)(r - top), 0, (int)w, VR_LANE,
				      lane->name + b[j], e[j] - b[j], false);
	}
	size_t zr = v->lane_y[l] + n;
	if (n < v->lane_h[l] && zr >= top && zr < bot)
		frame_put(f, y0 + (int)(zr - top), 1, (int)w - 1, VR_ZONE, _(zone_id(lane->zone)));
	size_t pr = v->lane_y[l];
	if (l == ed->lane && pr >= top && pr < bot)
		frame_glyph(f, y0 + (int)(pr - top), v->label_w - 2, 1, VG_PTR_RIGHT,
			    VR_POINTER, false);
	free(b);
}

/* Is p among the n steps of set? */
static bool among(const sbp_step *const *set, size_t n, const sbp_step *p)
{
	for (size_t i = 0; i < n; i++)
		if (set[i] == p)
			return true;
	return false;
}

/* The selected step's neighbours along flows (editor-owned lists). */
typedef struct links {
	const sbp_step **pred, **succ;
	size_t npred, nsucc;
} links;

/* Collect the predecessors and successors of s. */
static void links_of(editor *ed, const sbp_step *s, links *lk)
{
	memset(lk, 0, sizeof *lk);
	if (!s)
		return;
	size_t cp = 0, cs = 0;
	for (size_t i = 0; i < ed->bp->flows.n; i++) {
		const sbp_flow *fl = ed->bp->flows.items[i];
		if (fl->to == s && fl->from != s) {
			xgrow(&lk->pred, &cp, lk->npred + 1, sizeof *lk->pred);
			lk->pred[lk->npred++] = fl->from;
		}
		if (fl->from == s && fl->to != s) {
			xgrow(&lk->succ, &cs, lk->nsucc + 1, sizeof *lk->succ);
			lk->succ[lk->nsucc++] = fl->to;
		}
	}
}

/* The markers of a card: standards, '!' or '*' (a fix), F, W. */
void card_markers(const sbp_step *s, char m[4])
{
	memcpy(m, "   ", 4);
	if (step_is_flagged(s))
		m[0] = '!';
	else if (s->stds.n == 0 && step_fix(s))
		m[0] = '*'; /* a one-time fix stands in for a standard */
	else if (s->stds.n > 9)
		m[0] = '+';
	else if (s->stds.n > 0)
		m[0] = (char)('0' + s->stds.n);
	if (s->fail)
		m[1] = 'F';
	if (s->wait)
		m[2] = 'W';
}

/* One card: its shown lines from body line r0, clipped to the screen. */
static void frame_card(editor *ed, ed_view *v, ed_frame *f, const sbp_step *s,
		       size_t i, size_t r0, int x, bool sel, const links *lk)
{
	int tw = v->col_w - v->gutter;
	size_t h = v->card_h[i], top = ed->top, bot = ed->top + (size_t)v->body_h;
	size_t *b = xmalloc(2 * h * sizeof *b), *e = b + h;
	size_t first = tw > 4 ? (size_t)tw - 4 : 1;
	size_t got = view_wrap(s->text, first, (size_t)tw, h, b, e);
	bool cut = view_wrap(s->text, first, (size_t)tw, h + 1, NULL, NULL) > h;
	for (size_t j = 0; j < h; j++) {
		size_t r = r0 + j;
		if (r < top || r >= bot)
			continue;
		int y = v->body_y + (int)(r - top), tx = x, w = tw;
		if (j == 0) {
			char m[4];
			card_markers(s, m);
			static const ed_role roles[3] = { VR_STDS, VR_FAIL, VR_WAIT };
			for (int k = 0; k < 3 && k < tw; k++) {
				ed_role role = sel ? VR_CURSOR : k == 0 && m[0] == '!' ? VR_FLAG
					     : k == 0 && m[0] == '*' ? VR_FIX : roles[k];
				if (m[k] != ' ' || sel)
					frame_text_at(f, y, x + k, 1, role, &m[k], 1, sel);
			}
			bool p = among(lk->pred, lk->npred, s), q = among(lk->succ, lk->nsucc, s);
			if (tw > 3 && (p || q))
				frame_glyph(f, y, x + 3, 1, p && q ? VG_BOTH : p ? VG_PRED : VG_SUCC,
					    VR_LINKED, false);
			else if (tw > 3 && sel)
				frame_text_at(f, y, x + 3, 1, VR_CURSOR, " ", 1, true);
			tx = x + 4;
			w = tw - 4;
		}
		if (w <= 0)
			continue;
		const char *t = j < got ? s->text + b[j] : "";
		size_t len = j < got ? e[j] - b[j] : 0;
		if (cut && j + 1 == h && j < got)
			len = strlen(t); /* the rest, cut with an ellipsis */
		frame_text_at(f, y, tx, w, sel ? VR_CURSOR : VR_NORMAL, t, len, sel);
	}
	free(b);
}

/* The cards of lane l in the visible columns. */
static void frame_lane_cards(editor *ed, ed_view *v, ed_frame *f, size_t l,
			     const links *lk, const sbp_step *sel)
{
	const sbp_cells *cs = &ed->grid.cells;
	for (size_t vc = 0; vc < v->vis_cols; vc++) {
		size_t c = ed->left + vc;
		if (c >= ed->grid.ncols)
			break;
		int x = v->label_w + (int)vc * v->col_w;
		size_t k = cells_find(cs, l, c);
		if (k == CELLS_NONE) {
			size_t r = v->lane_y[l];
			if (l == ed->lane && c == ed->col && r >= ed->top &&
			    r < ed->top + (size_t)v->body_h) {
				const char *ph = _("(empty: a adds)");
				frame_text_at(f, v->body_y + (int)(r - ed->top), x, v->col_w - v->gutter,
					      VR_CURSOR, ph, strlen(ph), true);
			}
			continue;
		}
		for (size_t i = cs->start[k]; i < cs->start[k + 1]; i++) {
			const sbp_step *s = cs->steps[i];
			frame_card(ed, v, f, s, i, v->lane_y[l] + v->card_y[i], x, s == sel, lk);
		}
	}
}

/* The body line of a step's first line. */
static size_t step_line(editor *ed, ed_view *v, const sbp_step *s)
{
	size_t k = cells_find(&ed->grid.cells, s->lane->idx, s->column->idx);
	if (k == CELLS_NONE)
		return 0;
	size_t i = ed->grid.cells.start[k] + grid_step_index(&ed->grid, s);
	return v->lane_y[s->lane->idx] + v->card_y[i];
}

/* A connector down (or up) a gutter at x from line ra to rb, with a head
 * glyph at rb; clipped to the body. */
static void frame_conn(ed_view *v, ed_frame *f, size_t top, int x, size_t ra,
		       size_t rb, ed_glyph head)
{
	size_t bot = top + (size_t)v->body_h;
	bool down = rb > ra;
	size_t lo = down ? ra : rb, hi = down ? rb : ra;
	for (size_t r = lo; r <= hi; r++) {
		if (r < top || r >= bot)
			continue;
		ed_glyph g = VG_VLINE;
		if (r == rb)
			g = head;
		else if (r == ra)
			g = down ? VG_URCORNER : VG_LRCORNER;
		frame_glyph(f, v->body_y + (int)(r - top), x, 1, g, VR_CONN, false);
	}
}

/* The flows view: every flow's connector cells that are on screen. */
static void frame_routes(editor *ed, ed_view *v, ed_frame *f)
{
	ed_conn_cell *cells;
	size_t n = editor_connectors(ed, &cells);
	int x0 = (int)ed->left * v->col_w;
	size_t top = ed->top, bot = ed->top + (size_t)v->body_h;
	for (size_t i = 0; i < n; i++) {
		const ed_conn_cell *c = &cells[i];
		if (c->r < top || c->r >= bot || c->x < x0 || c->x - x0 >= v->grid_w)
			continue;
		frame_glyph(f, v->body_y + (int)(c->r - top), v->label_w + c->x - x0, 1,
			    (ed_glyph)c->glyph, c->sel ? VR_CONN_SEL : VR_CONN, false);
	}
	free(cells);
}

/* Flows in the gutters: in the flows view every flow, routed; else the
 * flows within a column. */
static void frame_flows(editor *ed, ed_view *v, ed_frame *f)
{
	const ed_grid *g = &ed->grid;
	if (v->flows) {
		frame_routes(ed, v, f);
		return;
	}
	for (size_t vc = 0; vc < v->vis_cols; vc++) {
		size_t c = ed->left + vc;
		if (c >= g->ncols)
			break;
		int x = v->label_w + (int)vc * v->col_w + v->col_w - 1;
		for (size_t i = g->col_conn[c]; i < g->col_conn[c + 1]; i++) {
			const sbp_flow *fl = g->conns[i].flow;
			frame_conn(v, f, ed->top, x, step_line(ed, v, fl->from),
				   step_line(ed, v, fl->to), VG_LARROW);
		}
	}
}

/* The grid's body: rules, lane names, cards, flows. */
static void frame_body(editor *ed, ed_view *v, ed_frame *f)
{
	size_t top = ed->top, bot = ed->top + (size_t)v->body_h;
	const sbp_step *sel = editor_step(ed);
	links lk;
	links_of(ed, sel, &lk);
	for (size_t l = 0; l < v->nlanes; l++) {
		size_t y0 = v->lane_y[l], y1 = y0 + v->lane_h[l];
		if (l > 0 && y0 > 0 && y0 - 1 >= top && y0 - 1 < bot &&
		    y0 - 1 >= v->lane_y[l - 1] + v->lane_h[l - 1] &&
		    ed->bp->lanes.items[l]->zone != ed->bp->lanes.items[l - 1]->zone)
			frame_rule(ed, v, f, v->body_y + (int)(y0 - 1 - top), l);
		if (y1 <= top || y0 >= bot)
			continue;
		frame_label(ed, v, f, l, v->body_y);
		frame_lane_cards(ed, v, f, l, &lk, sel);
	}
	frame_flows(ed, v, f);
	free(lk.pred);
	free(lk.succ);
}

/* The whole screen's display list. */
void editor_frame(editor *ed, ed_frame *f)
{
	ed_sync(ed);
	ed_view *v = editor_view(ed);
	if (ed->cols < ED_MIN_COLS || ed->rows < ED_MIN_ROWS) {
		f->too_small = true;
		return;
	}
	frame_headers(ed, v, f);
	frame_body(ed, v, f);
	frame_pane(ed, v, f);
	frame_footer(ed, v, f);
}
