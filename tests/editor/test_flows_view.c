/* The flows view (F): every flow is routed through the gutters and the
 * rows between lanes, with an arrowhead beside its target card; a flow
 * that skips a column and one that runs backwards included. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"
#include "sbp/editor_view.h"
#include "sbp/util.h"

static const char yaml[] =
	"sbp: 1\n"
	"columns:\n"
	"  - {id: c1, name: One}\n"
	"  - {id: c2, name: Two}\n"
	"  - {id: c3, name: Three}\n"
	"  - {id: c4, name: Four}\n"
	"steps:\n"
	"  - {id: a, lane: customer, column: c1, text: Arrive}\n"
	"  - {id: b, lane: onstage, column: c3, text: Serve}\n"
	"  - {id: c, lane: backstage, column: c2, text: Prepare}\n"
	"  - {id: d, lane: backstage, column: c2, text: Plate}\n"
	"flows:\n"
	"  - {from: a, to: b}\n"
	"  - {from: b, to: c}\n"
	"  - {from: c, to: d}\n";

/* The step with id. */
static const sbp_step *step(editor *ed, const char *id)
{
	for (size_t i = 0; i < ed->bp->steps.n; i++)
		if (!strcmp(ed->bp->steps.items[i]->id, id))
			return ed->bp->steps.items[i];
	fail_msg("no step %s", id);
	return NULL;
}

/* The glyph of the connector cell at (r, x), or -1. */
static int cell(const ed_conn_cell *cs, size_t n, size_t r, int x)
{
	for (size_t i = 0; i < n; i++)
		if (cs[i].r == r && cs[i].x == x)
			return cs[i].glyph;
	return -1;
}

/* The body line of a lane's first line (one card a cell here). */
static size_t lane_line(editor *ed, const char *id)
{
	return editor_view(ed)->lane_y[step(ed, id)->lane->idx];
}

static void test_routes(void **state)
{
	(void)state;
	fixture *fx = fixture_open(yaml);
	editor *ed = fx->ed;
	editor_resize(ed, 120, 40);
	ed_conn_cell *cs;
	editor_feed(ed, "F");
	ed_view *v = editor_view(ed);
	assert_true(v->flows);
	assert_true(v->gutter > 1);
	size_t n = editor_connectors(ed, &cs);
	int cw = v->col_w, g = v->gutter;

	/* a (c1) -> b (c3): skips c2; arrowhead just left of b's card */
	size_t rb = lane_line(ed, "b"), ra = lane_line(ed, "a");
	assert_int_equal(cell(cs, n, rb, 2 * cw - 1), VG_RARROW);
	assert_int_equal(cell(cs, n, ra, cw - g), VG_URCORNER); /* out of a, down */
	/* along the row under the customer lane, over column c2 */
	size_t ch = v->lane_y[step(ed, "a")->lane->idx] + v->lane_h[step(ed, "a")->lane->idx];
	assert_int_equal(cell(cs, n, ch, cw + cw / 2), VG_HLINE);
	assert_int_equal(cell(cs, n, ch, cw + 2), VG_HLINE);

	/* b (c3) -> c (c2): backwards, arrowhead in c's right gutter */
	size_t rc = lane_line(ed, "c");
	assert_int_equal(cell(cs, n, rc, 2 * cw - g), VG_LARROW);
	/* nothing is drawn over a card's text */
	for (size_t i = 0; i < n; i++)
		if (cs[i].r == ra || cs[i].r == rb || cs[i].r == rc)
			assert_true(cs[i].x % cw >= cw - g);

	/* c -> d within c2: down its gutter to d's line */
	size_t rd = rc + 1;
	assert_int_equal(cell(cs, n, rd, 2 * cw - g), VG_LARROW);
	free(cs);

	/* the frame draws them at screen positions */
	ed_frame f;
	frame_init(&f);
	editor_frame(ed, &f);
	bool head = false;
	for (size_t i = 0; i < f.n; i++) {
		const ed_item *it = &f.items[i];
		if (it->glyph == VG_RARROW && it->x == v->label_w + 2 * cw - 1 &&
		    it->y == v->body_y + (int)rb)
			head = true;
	}
	assert_true(head);
	frame_free(&f);

	/* F again: no routes; cards get their whole width back */
	editor_feed(ed, "F");
	assert_int_equal(editor_view(ed)->gutter, 1);
	fixture_close(fx);
}

/* Two flows whose runs under the customer lane would overlap (a -> x
 * over gutters 1-2, b -> y over gutters 2-3) each take a row of their own. */
static const char crossing[] =
	"sbp: 1\n"
	"columns:\n"
	"  - {id: c1, name: One}\n"
	"  - {id: c2, name: Two}\n"
	"  - {id: c3, name: Three}\n"
	"  - {id: c4, name: Four}\n"
	"steps:\n"
	"  - {id: a, lane: customer, column: c1, text: Arrive}\n"
	"  - {id: b, lane: customer, column: c2, text: Order}\n"
	"  - {id: x, lane: onstage, column: c3, text: Seat}\n"
	"  - {id: y, lane: onstage, column: c4, text: Serve}\n"
	"flows:\n"
	"  - {from: a, to: x}\n"
	"  - {from: b, to: y}\n";

static void test_tracks(void **state)
{
	(void)state;
	fixture *fx = fixture_open(crossing);
	editor *ed = fx->ed;
	editor_resize(ed, 120, 40);
	editor_feed(ed, "F");
	ed_view *v = editor_view(ed);
	size_t cu = step(ed, "a")->lane->idx, on = step(ed, "x")->lane->idx;
	assert_int_equal(v->chan_rows[cu], 2);
	size_t ch = v->lane_y[cu] + v->lane_h[cu];
	assert_int_equal(v->lane_y[on], ch + 2); /* both rows between the lanes */
	ed_conn_cell *cs;
	size_t n = editor_connectors(ed, &cs);
	int cw = v->col_w;
	/* a's run: row ch from gutter 1 to gutter 2; b's: row ch + 1 from
	 * gutter 2 to gutter 3: over column c2's text each row carries one */
	int mid2 = cw + cw / 2, mid3 = 2 * cw + cw / 2;
	assert_int_equal(cell(cs, n, ch, mid2), VG_HLINE);
	assert_int_equal(cell(cs, n, ch + 1, mid2), -1);
	assert_int_equal(cell(cs, n, ch + 1, mid3), VG_HLINE);
	assert_int_equal(cell(cs, n, ch, mid3), -1);
	/* the arrowheads beside x and y */
	assert_int_equal(cell(cs, n, lane_line(ed, "x"), 2 * cw - 1), VG_RARROW);
	assert_int_equal(cell(cs, n, lane_line(ed, "y"), 3 * cw - 1), VG_RARROW);
	free(cs);
	/* without the flows view one row between the lanes (none here:
	 * customer and onstage are different zones, so the rule) */
	editor_feed(ed, "F");
	v = editor_view(ed);
	assert_int_equal(v->lane_y[on], v->lane_y[cu] + v->lane_h[cu] + 1);
	fixture_close(fx);
}

static const char timed[] =
	"sbp: 1\n"
	"columns:\n"
	"  - {id: c1, name: One, phase: Arrive}\n"
	"  - {id: c2, name: Two, phase: Stay}\n"
	"standards:\n"
	"  - {id: lost, name: Lost bag, kind: hard, measure: bags, weight: 50}\n"
	"steps:\n"
	"  - {id: a, lane: customer, column: c1, text: Walk in, duration: 4,\n"
	"     wait: {text: Queue, expected: 3, tolerable: 8}}\n"
	"  - {id: b, lane: backstage, column: c1, text: Print, duration: 30}\n"
	"  - {id: c, lane: onstage, column: c2, text: Serve, duration: 9, standards: [lost]}\n"
	"measurements:\n"
	"  - {date: 2026-11-02, standard: lost, failures: 3}\n"
	"  - {date: 2026-11-03, standard: lost, failures: 1}\n";

/* The time panel's row i as text. */
static char *row(editor *ed, size_t i)
{
	sbp_buf b;
	ed_style st;
	buf_init(&b);
	editor_panel_item(ed, i, 200, &b, &st);
	return b.data;
}

/* T opens the time panel: per phase the customer's time (customer and
 * onstage lanes only), waits, share; then the SQI series. */
static void test_time_panel(void **state)
{
	(void)state;
	fixture *fx = fixture_open(timed);
	editor *ed = fx->ed;
	editor_resize(ed, 160, 40);
	editor_feed(ed, "T");
	assert_int_equal(ed->mode, MODE_TIME);
	ed_panel p;
	assert_true(editor_panel(ed, &p));
	assert_int_equal(p.count, 2 + 1 + 2);
	char *r = row(ed, 0);
	/* Arrive: 4 min (the backstage 30 does not count), waits 3 and 8,
	 * (4 + 3) / (4 + 3 + 9) = 44% */
	assert_non_null(strstr(r, "Arrive: customer 4.0 min"));
	assert_non_null(strstr(r, "expected 3.0 min and tolerable 8.0 min"));
	assert_non_null(strstr(r, "44%"));
	free(r);
	r = row(ed, 1);
	assert_non_null(strstr(r, "Stay: customer 9.0 min"));
	free(r);
	r = row(ed, 3);
	assert_non_null(strstr(r, "2026-11-02: 150 points"));
	free(r);
	r = row(ed, 4);
	assert_non_null(strstr(r, "2026-11-03: 50 points"));
	free(r);
	editor_feed(ed, "<Esc>");
	assert_int_equal(ed->mode, MODE_NORMAL);
	/* the : command opens it too */
	editor_feed(ed, ":");
	for (const char *c = "time"; *c; c++)
		editor_key(ed, (ed_key)(unsigned char)*c);
	editor_feed(ed, "<Enter>");
	assert_int_equal(ed->mode, MODE_TIME);
	fixture_close(fx);
}

/* PgDn moves by a screen of lines, not of cards: with cards of several
 * lines it lands on the card shown a screen below, not past it. */
static void test_page_lines(void **state)
{
	(void)state;
	sbp_buf y;
	buf_init(&y);
	buf_puts(&y, "sbp: 1\ncolumns:\n  - {id: c1, name: One}\nsteps:\n");
	for (int i = 0; i < 30; i++)
		buf_printf(&y, "  - {id: s%d, lane: customer, column: c1, text: \"Step %d "
			   "a long text that takes several lines of its card on the "
			   "screen of eighty columns when it wraps\"}\n", i, i);
	fixture *fx = fixture_open(y.data);
	buf_free(&y);
	editor *ed = fx->ed;
	editor_resize(ed, 80, 30);
	editor_view(ed)->zoom = ZOOM_FULL; /* every card's whole text */
	editor_feed(ed, "<PageDown>");
	size_t line, h;
	editor_sel_lines(ed, &line, &h);
	assert_true(h > 1);
	size_t t = editor_body_rows(ed);
	assert_true(line <= t && t < line + h);
	assert_true(ed->idx > 0 && ed->idx < 20);
	editor_feed(ed, "<PageUp>");
	assert_int_equal(ed->idx, 0);
	fixture_close(fx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_routes),
		cmocka_unit_test(test_tracks),
		cmocka_unit_test(test_time_panel),
		cmocka_unit_test(test_page_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
