/* How the screen's rows are shared out (issue 14, a grid that uses the
 * screen): in normal zoom no body row stays empty while a card is cut
 * (the rows a single cap leaves free go to the lanes whose cards are
 * cut); the bottom pane is as tall as nine steps in ten need, and a step
 * that needs more says how many rows it has more; under a grid that shows
 * whole the pane sits right below it and takes the rows left. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"
#include "sbp/editor_view.h"
#include "sbp/util.h"

/* One column, one card a lane, texts of different lengths. */
static const char lanes_yaml[] =
	"sbp: 1\n"
	"columns:\n"
	"  - {id: c1, name: One}\n"
	"  - {id: c2, name: Two}\n"
	"  - {id: c3, name: Three}\n"
	"  - {id: c4, name: Four}\n"
	"  - {id: c5, name: Five}\n"
	"  - {id: c6, name: Six}\n"
	"steps:\n"
	"  - {id: a, lane: evidence, column: c1, text: 'receipt leaflet sign board "
	"screen letter ticket card badge map folder poster menu'}\n"
	"  - {id: b, lane: customer, column: c1, text: 'arrive queue ask pay wait "
	"sit eat leave return call write complain praise'}\n"
	"  - {id: c, lane: onstage, column: c1, text: 'greet seat serve clear "
	"bill thank'}\n"
	"  - {id: d, lane: backstage, column: c1, text: 'cook plate wash stock "
	"order count clean prepare store check label rotate bin'}\n"
	"  - {id: e, lane: support, column: c1, text: 'supplier delivers'}\n";

/* Is any card shown with fewer lines than its whole text? */
static bool any_cut(const ed_view *v)
{
	for (size_t i = 0; i < v->ncards; i++)
		if (v->card_h[i] < v->card_full[i])
			return true;
	return false;
}

static void test_no_empty_row_while_cut(void **state)
{
	(void)state;
	fixture *fx = fixture_open(lanes_yaml);
	editor *ed = fx->ed;
	editor_feed(ed, "D"); /* no pane: the body is all the grid's */
	bool uneven = false;
	for (int rows = 16; rows <= 40; rows++) {
		editor_resize(ed, 100, rows);
		ed_view *v = editor_view(ed);
		assert_int_equal(v->zoom, ZOOM_NORMAL);
		assert_int_equal(v->pane_h, 0);
		assert_true(v->height <= (size_t)v->body_h);
		if (!any_cut(v))
			continue;
		/* one card a lane: a cut lane grows by one row a line, so a
		 * free row would have gone to it */
		char msg[64];
		snprintf(msg, sizeof msg, "%d rows: %zu of %d body rows used", rows,
			 v->height, v->body_h);
		if (v->height != (size_t)v->body_h)
			fail_msg("%s while a card is cut", msg);
		size_t lo = SIZE_MAX, hi = 0;
		for (size_t i = 0; i < v->ncards; i++) {
			if (v->card_h[i] >= v->card_full[i])
				continue;
			lo = v->card_h[i] < lo ? v->card_h[i] : lo;
			hi = v->card_h[i] > hi ? v->card_h[i] : hi;
		}
		if (hi > lo)
			uneven = true;
	}
	assert_true(uneven); /* some size gave cut lanes different caps */
	fixture_close(fx);
}

/* The text of every item of the frame, joined by newlines. */
static char *frame_texts(editor *ed)
{
	ed_frame f;
	frame_init(&f);
	editor_frame(ed, &f);
	sbp_buf b;
	buf_init(&b);
	for (size_t i = 0; i < f.n; i++)
		if (f.items[i].glyph < 0) {
			buf_puts(&b, frame_text(&f, &f.items[i]));
			buf_putc(&b, '\n');
		}
	buf_putc(&b, '\0');
	frame_free(&f);
	return b.data;
}

/* Fifteen plain steps stacked in one cell (they need 3 pane rows: title,
 * text, place) and one with a fail point, a wait point, notes and a
 * duration besides; opened at 100 x rows, with a pane at the bottom. */
static fixture *pane_fixture(int rows)
{
	sbp_buf y;
	buf_init(&y);
	buf_puts(&y, "sbp: 1\ncolumns:\n  - {id: c0, name: C0}\n  - {id: c1, name: C1}\n"
		     "steps:\n");
	for (int i = 0; i < 15; i++)
		buf_printf(&y, "  - {id: s%d, lane: backstage, column: c0, text: Step %d}\n", i, i);
	buf_puts(&y, "  - id: full\n    lane: backstage\n    column: c1\n    text: Full\n"
		     "    fail: {text: It breaks, severity: 3, recovery: Fix it}\n"
		     "    wait: {text: Queue, expected: 2, tolerable: 5}\n"
		     "    duration: 4\n    notes: Some notes\n");
	buf_putc(&y, '\0');
	fixture *fx = fixture_open(y.data);
	buf_free(&y);
	editor_resize(fx->ed, 100, rows);
	ed_view *v = editor_view(fx->ed);
	assert_true(v->pane_h > 0 && v->pane_x == 0);
	return fx;
}

/* The screen row of the frame's item whose text holds s, or -1. */
static int row_of(editor *ed, const char *s)
{
	ed_frame f;
	frame_init(&f);
	editor_frame(ed, &f);
	int y = -1;
	for (size_t i = 0; i < f.n && y < 0; i++)
		if (f.items[i].glyph < 0 && strstr(frame_text(&f, &f.items[i]), s))
			y = f.items[i].y;
	frame_free(&f);
	return y;
}

static void test_pane_height_and_more(void **state)
{
	(void)state;
	fixture *fx = pane_fixture(24);
	editor *ed = fx->ed;
	ed_view *v = editor_view(ed);
	assert_true(v->height > (size_t)v->body_h); /* the grid does not fit */
	assert_int_equal(v->pane_h, 4); /* the least a pane gets; 3 would do */

	editor_run(ed, "goto s1");
	char *t = frame_texts(ed);
	assert_non_null(strstr(t, "Step 1"));
	assert_null(strstr(t, "more row"));
	free(t);

	/* full needs 7 rows: title, text, place, fail, wait, duration, notes */
	editor_run(ed, "goto full");
	v = editor_view(ed);
	assert_int_equal(v->pane_h, 4);
	t = frame_texts(ed);
	assert_non_null(strstr(t, "Full"));
	assert_non_null(strstr(t, " / C1"));
	assert_null(strstr(t, "It breaks")); /* the note takes the last row */
	assert_non_null(strstr(t, "\xe2\x80\xa6 4 more rows (i shows the step whole)"));
	free(t);
	assert_int_equal(row_of(ed, "more rows"), v->pane_y + v->pane_h - 1);
	fixture_close(fx);
}

static void test_pane_under_a_whole_grid(void **state)
{
	(void)state;
	fixture *fx = pane_fixture(50);
	editor *ed = fx->ed;
	ed_view *v = editor_view(ed);
	/* the whole grid shows, the pane right under it with every row left */
	assert_int_equal(v->body_h, (int)v->height);
	assert_int_equal(v->pane_y, v->body_y + v->body_h);
	assert_true(v->pane_h > 10);
	editor_run(ed, "goto full");
	char *t = frame_texts(ed);
	assert_non_null(strstr(t, "It breaks"));
	assert_non_null(strstr(t, "Some notes"));
	assert_null(strstr(t, "more row"));
	free(t);
	fixture_close(fx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_empty_row_while_cut),
		cmocka_unit_test(test_pane_height_and_more),
		cmocka_unit_test(test_pane_under_a_whole_grid),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
