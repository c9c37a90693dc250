/* Tests of the shared poster layout on the example blueprints (paths on
 * the command line): cards do not overlap and stay in their lane, text
 * fits its card, arrows start and end on their cards and go through no
 * other card, labels cover no card, the lines sit between zones; and the
 * layout of 100,000 steps is fast. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sbp/io.h"
#include "sbp/layout.h"
#include "sbp/utf8.h"

static int nfiles;
static char **files;

/* Load a blueprint or fail the test. */
static sbp_blueprint *load(const char *path)
{
	sbp_diags d;
	diags_init(&d);
	sbp_blueprint *bp = sbp_load_file(path, NULL, &d);
	if (!bp)
		fail_msg("cannot load %s", path);
	diags_free(&d);
	return bp;
}

/* Do two boxes overlap by more than eps? */
static bool boxes_meet(lay_box a, lay_box b, double eps)
{
	return a.x + eps < b.x + b.w && b.x + eps < a.x + a.w &&
	       a.y + eps < b.y + b.h && b.y + eps < a.y + a.h;
}

/* Does the axis-parallel segment p-q pass through the inside of box b
 * (shrunk by eps)? */
static bool segment_crosses(lay_pt p, lay_pt q, lay_box b, double eps)
{
	double x0 = p.x < q.x ? p.x : q.x, x1 = p.x < q.x ? q.x : p.x;
	double y0 = p.y < q.y ? p.y : q.y, y1 = p.y < q.y ? q.y : p.y;
	return x1 > b.x + eps && x0 < b.x + b.w - eps && y1 > b.y + eps && y0 < b.y + b.h - eps;
}

/* Is p on the border of box b? */
static bool on_border(lay_pt p, lay_box b)
{
	bool in_x = p.x >= b.x - 0.01 && p.x <= b.x + b.w + 0.01;
	bool in_y = p.y >= b.y - 0.01 && p.y <= b.y + b.h + 0.01;
	bool edge_x = p.x < b.x + 0.01 || p.x > b.x + b.w - 0.01;
	bool edge_y = p.y < b.y + 0.01 || p.y > b.y + b.h - 0.01;
	return in_x && in_y && (edge_x || edge_y);
}

/* Cards: inside their lane band and column, no two overlap, text fits. */
static void test_cards(void **state)
{
	(void)state;
	for (int f = 0; f < nfiles; f++) {
		sbp_blueprint *bp = load(files[f]);
		sbp_layout *lay = layout_new(bp, "x.yaml");
		assert_int_equal(lay->ncards, bp->steps.n);
		for (size_t i = 0; i < lay->ncards; i++) {
			const lay_card *a = &lay->cards[i];
			const lay_box *band = &lay->lanes[a->step->lane->idx].band;
			assert_true(a->box.y >= band->y && a->box.y + a->box.h <= band->y + band->h);
			assert_true(a->box.x >= lay->col_x0 + (double)a->step->column->idx * lay->col_w);
			assert_true(a->box.x + a->box.w <= lay->col_x0 + (double)(a->step->column->idx + 1) * lay->col_w);
			for (size_t k = 0; k < a->text.nlines; k++) {
				const lay_text *t = &lay->lines[a->text.line0 + k];
				double w = layout_text_width(t->s, t->len, LAY_FONT_CARD) +
					   (t->ellipsis ? lay_fonts[LAY_FONT_CARD].size : 0);
				assert_true(w <= a->box.w - 2 * (a->text.x - a->box.x) + 0.01);
			}
			for (size_t j = i + 1; j < lay->ncards; j++)
				if (boxes_meet(a->box, lay->cards[j].box, 0.5))
					fail_msg("%s: cards %s and %s overlap", files[f], a->step->id,
						 lay->cards[j].step->id);
		}
		layout_free(lay);
		blueprint_free(bp);
	}
}

/* Arrows: orthogonal, from their card's border to the other's, through
 * no card; labels cover no card. */
static void test_flows(void **state)
{
	(void)state;
	for (int f = 0; f < nfiles; f++) {
		sbp_blueprint *bp = load(files[f]);
		sbp_layout *lay = layout_new(bp, NULL);
		assert_int_equal(lay->nflows, bp->flows.n);
		for (size_t i = 0; i < lay->nflows; i++) {
			const lay_flow *fl = &lay->flows[i];
			const lay_pt *p = &lay->pts[fl->pt0];
			assert_true(fl->npts >= 2);
			assert_true(on_border(p[0], lay->cards[fl->from].box));
			assert_true(on_border(p[fl->npts - 1], lay->cards[fl->to].box));
			for (size_t k = 0; k + 1 < fl->npts; k++) {
				assert_true(p[k].x == p[k + 1].x || p[k].y == p[k + 1].y);
				for (size_t c = 0; c < lay->ncards; c++)
					if (segment_crosses(p[k], p[k + 1], lay->cards[c].box, 0.5))
						fail_msg("%s: flow %s -> %s crosses card %s", files[f],
							 fl->flow->from->id, fl->flow->to->id,
							 lay->cards[c].step->id);
			}
			for (size_t c = 0; fl->label.nlines && c < lay->ncards; c++)
				if (boxes_meet(fl->label_box, lay->cards[c].box, 0.5))
					fail_msg("%s: label of %s -> %s covers card %s", files[f],
						 fl->flow->from->id, fl->flow->to->id, lay->cards[c].step->id);
		}
		layout_free(lay);
		blueprint_free(bp);
	}
}

/* The three lines: one at each zone change, between the two lanes, named
 * after the zone below; the legend and title block are there. */
static void test_lines(void **state)
{
	(void)state;
	for (int f = 0; f < nfiles; f++) {
		sbp_blueprint *bp = load(files[f]);
		sbp_layout *lay = layout_new(bp, NULL);
		size_t z = 0;
		for (size_t l = 1; l < bp->lanes.n; l++) {
			sbp_zone a = bp->lanes.items[l - 1]->zone, b = bp->lanes.items[l]->zone;
			if (a == b || !zone_line_above(b))
				continue;
			assert_true(z < lay->nzlines);
			assert_true(lay->zlines[z].y == lay->lanes[l].band.y);
			assert_non_null(strstr(lay->zlines[z].label, zone_line_above(b)));
			z++;
		}
		assert_int_equal(z, lay->nzlines);
		assert_true(lay->title.nlines >= 1);
		assert_true(lay->counts.nlines >= 1);
		assert_true(lay->nlegend >= 10);
		assert_true(lay->legend[lay->nlegend - 1].icon.y + 10 < lay->height);
		layout_free(lay);
		blueprint_free(bp);
	}
}

/* Wrapping: by display width, CJK breaks anywhere, ellipsis on the last
 * line, newlines break, nothing is lost when it fits. */
static void test_wrap(void **state)
{
	(void)state;
	sbp_blueprint *bp = blueprint_new();
	sbp_layout *lay = layout_new(bp, NULL);
	size_t n0 = lay->nlines;
	const char *zh = "中文步骤：技术员上门检测线路并更换光猫";

	assert_int_equal(layout_wrap(lay, "one two three", 13, 7, 0), 2);
	assert_int_equal(lay->lines[n0].len, 7);
	assert_int_equal(layout_wrap(lay, zh, strlen(zh), 10, 0), 4); /* 19 wide chars */
	for (size_t i = n0 + 2; i < lay->nlines; i++)
		assert_true(utf8_width(lay->lines[i].s, lay->lines[i].len) <= 10);
	n0 = lay->nlines;
	assert_int_equal(layout_wrap(lay, "a b c d e f g h", 15, 3, 2), 2);
	assert_true(lay->lines[n0 + 1].ellipsis);
	assert_int_equal(layout_wrap(lay, "line\nbreak", 10, 40, 0), 2);
	assert_int_equal(layout_wrap(lay, "", 0, 40, 0), 0);
	layout_free(lay);
	blueprint_free(bp);
}

/* 100,000 steps in 10 lanes and 10,000 columns with as many flows: all
 * are laid out (how fast is bench/'s business, not a test's). */
static void test_large(void **state)
{
	(void)state;
	sbp_blueprint *bp = blueprint_new();
	char id[32], text[96];

	blueprint_add_default_lanes(bp);
	for (int c = 0; c < 10000; c++) {
		snprintf(id, sizeof id, "c%d", c);
		blueprint_insert_column(bp, (size_t)-1, column_new(id, id, c % 7 ? "Phase" : "Other"));
	}
	for (int i = 0; i < 100000; i++) {
		snprintf(id, sizeof id, "s%d", i);
		snprintf(text, sizeof text, "Step %d does something useful for the customer, %d", i, i * 7);
		sbp_step *s = step_new(id, bp->lanes.items[(size_t)(i % 5)],
				       bp->columns.items[(size_t)(i / 10)], text);
		blueprint_insert_step(bp, (size_t)-1, s);
		if (i > 0)
			blueprint_insert_flow(bp, (size_t)-1,
					      flow_new(bp->steps.items[(size_t)(i - 1)], s, i % 3 ? NULL : "next"));
	}
	sbp_layout *lay = layout_new(bp, NULL);
	assert_int_equal(lay->ncards, 100000);
	assert_int_equal(lay->nflows, 99999);
	layout_free(lay);
	blueprint_free(bp);
}

/* Run the tests (argv: the blueprints to lay out). */
int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cards),
		cmocka_unit_test(test_flows),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_large),
	};
	nfiles = argc - 1;
	files = argv + 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
