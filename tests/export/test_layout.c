/* Tests of the shared poster layout on the example blueprints (paths on
 * the command line) and on generated hostile ones: cards do not overlap
 * and stay in their lane, text fits its card and nothing is cut (every
 * word whole, callouts inside their card), arrows start and end on their
 * cards and go through no other card, labels cover no card, no zone line
 * and no other label, arrows sharing a gutter keep apart, the lines sit
 * between zones; and the layout of 100,000 steps completes. */
#include <math.h>
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

/* Every flow label: clear of every card (and its markers), of every zone
 * line and of every other label; none counted as unplaced. */
static void check_labels(const sbp_layout *lay, const char *name)
{
	assert_int_equal(lay->nclash, 0);
	for (size_t i = 0; i < lay->nflows; i++) {
		const lay_flow *fl = &lay->flows[i];
		lay_box b = fl->label_box;
		if (!fl->label.nlines)
			continue;
		for (size_t c = 0; c < lay->ncards; c++) {
			lay_box cb = lay->cards[c].box;
			cb.y -= lay->mark_r, cb.h += lay->mark_r;
			if (boxes_meet(b, cb, 0))
				fail_msg("%s: label of %s -> %s covers card %s", name,
					 fl->flow->from->id, fl->flow->to->id, lay->cards[c].step->id);
		}
		for (size_t z = 0; z < lay->nzlines; z++)
			if (lay->zlines[z].y >= b.y - 0.5 && lay->zlines[z].y <= b.y + b.h + 0.5)
				fail_msg("%s: label of %s -> %s lies on the line at y %.1f", name,
					 fl->flow->from->id, fl->flow->to->id, lay->zlines[z].y);
		for (size_t j = i + 1; j < lay->nflows; j++)
			if (lay->flows[j].label.nlines && boxes_meet(b, lay->flows[j].label_box, 0))
				fail_msg("%s: labels of flows %zu and %zu overlap", name, i, j);
		/* the label's lines fit its box */
		for (size_t k = 0; k < fl->label.nlines; k++) {
			const lay_text *t = &lay->lines[fl->label.line0 + k];
			assert_true(layout_text_width(t->s, t->len, LAY_FONT_FLOW) <= b.w + 0.01);
		}
	}
}

/* Vertical runs of different arrows in one gutter keep at least 3 points
 * apart where they overlap in y. */
static void check_tracks(const sbp_layout *lay, const char *name)
{
	for (size_t i = 0; i < lay->nflows && i < 400; i++)
		for (size_t j = i + 1; j < lay->nflows && j < 400; j++) {
			const lay_flow *a = &lay->flows[i], *b = &lay->flows[j];
			for (size_t p = 0; p + 1 < a->npts; p++) {
				lay_pt a0 = lay->pts[a->pt0 + p], a1 = lay->pts[a->pt0 + p + 1];
				if (a0.x != a1.x || a0.y == a1.y)
					continue;
				for (size_t q = 0; q + 1 < b->npts; q++) {
					lay_pt b0 = lay->pts[b->pt0 + q], b1 = lay->pts[b->pt0 + q + 1];
					if (b0.x != b1.x || b0.y == b1.y || a->from == b->from || a->to == b->to)
						continue;
					double lo = fmax(fmin(a0.y, a1.y), fmin(b0.y, b1.y));
					double hi = fmin(fmax(a0.y, a1.y), fmax(b0.y, b1.y));
					if (hi - lo > 1 && fabs(a0.x - b0.x) < 3)
						fail_msg("%s: flows %zu and %zu run %.1f apart", name, i, j,
							 fabs(a0.x - b0.x));
				}
			}
		}
}

/* Nothing of a card's text is lost or broken inside a word: its lines,
 * joined at their breaks, give the text back (white space aside). */
static void check_words(const sbp_layout *lay, const lay_block *b, const char *text, const char *name)
{
	sbp_buf got, want;
	buf_init(&got);
	buf_init(&want);
	for (size_t k = 0; k < b->nlines; k++) {
		const lay_text *t = &lay->lines[b->line0 + k];
		assert_false(t->ellipsis);
		buf_add(&got, t->s, t->len);
		if (t->space)
			buf_putc(&got, ' ');
		else if (k + 1 < b->nlines) {
			/* a break without a space: only next to a wide character */
			uint32_t cp1 = 0, cp2 = 0;
			size_t n = 0;
			while (n < t->len) {
				size_t m = utf8_decode(t->s + n, t->len - n, &cp1);
				n += m;
			}
			const lay_text *u = &lay->lines[b->line0 + k + 1];
			utf8_decode(u->s, u->len, &cp2);
			if (cp_width(cp1) != 2 && cp_width(cp2) != 2)
				fail_msg("%s: a word broken at \"%.*s|%.*s\"", name, (int)t->len, t->s,
					 (int)u->len, u->s);
		}
	}
	for (const char *p = text; *p; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n')
			buf_putc(&want, *p);
	size_t w = 0;
	for (size_t i = 0; i < got.len; i++)
		if (got.data[i] != ' ' && got.data[i] != '\t')
			got.data[w++] = got.data[i];
	got.len = w;
	if (got.len != want.len || memcmp(got.data, want.data, got.len))
		fail_msg("%s: text lost: %s", name, text);
	buf_free(&got);
	buf_free(&want);
}

/* One card: its text whole, its callouts inside it, below the text and
 * each other, the fail point's text and recovery and the wait point's
 * minutes in them. */
static void check_card(const sbp_layout *lay, const lay_card *a, const char *name)
{
	const sbp_step *s = a->step;
	const lay_block *co[3] = {&a->fix, &a->fail, &a->wait};
	const lay_box *cb[3] = {&a->fix_box, &a->fail_box, &a->wait_box};
	double y = a->text.y;

	check_words(lay, &a->text, s->text, name);
	assert_int_equal(a->fail.nlines > 0, s->fail != NULL);
	assert_int_equal(a->wait.nlines > 0, s->wait != NULL);
	for (int i = 0; i < 3; i++) {
		if (!co[i]->nlines)
			continue;
		assert_true(cb[i]->y > y);
		assert_true(cb[i]->x >= a->box.x && cb[i]->x + cb[i]->w <= a->box.x + a->box.w);
		assert_true(cb[i]->y + cb[i]->h <= a->box.y + a->box.h);
		y = cb[i]->y + cb[i]->h;
		sbp_buf all;
		buf_init(&all);
		for (size_t k = 0; k < co[i]->nlines; k++) {
			const lay_text *t = &lay->lines[co[i]->line0 + k];
			buf_add(&all, t->s, t->len);
			buf_putc(&all, t->space ? ' ' : '\0');
			all.len -= !t->space;
		}
		buf_putc(&all, '\0');
		if (i == 1) {
			char first[24];
			snprintf(first, sizeof first, "%.20s", s->fail->text);
			assert_non_null(strstr(all.data, first));
		}
		if (i == 2 && !isnan(s->wait->expected)) {
			char num[32];
			fmt_number(s->wait->expected, num);
			assert_non_null(strstr(all.data, num));
		}
		buf_free(&all);
	}
	if (a->foot.nlines)
		assert_true(a->foot.y > y && a->foot.y <= a->box.y + a->box.h);
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
			check_card(lay, a, files[f]);
		}
		assert_int_equal(lay->ncut, 0);
		assert_int_equal(lay->nkeys, bp->standards.n);
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
		}
		check_labels(lay, files[f]);
		check_tracks(lay, files[f]);
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

/* A generated blueprint that asks for trouble: long phase and column
 * names, long texts, words, CJK without spaces, fail and wait points on
 * many cards, ten labelled arrows through one gutter, arrows across the
 * lines and through the channels. */
static sbp_blueprint *hostile_bp(void)
{
	static const char *const labels[] = {"appointment letter", "pickup order", "credit note",
					     "confirmation", "写给客户的预约确认短信", "x",
					     "a label with several words in it", "supercalifragilistic"};
	sbp_blueprint *bp = blueprint_new();
	char id[32], text[600];

	blueprint_add_default_lanes(bp);
	for (int c = 0; c < 8; c++) {
		snprintf(id, sizeof id, "c%d", c);
		snprintf(text, sizeof text, "Column %d with a rather long name that needs more than two lines", c);
		blueprint_insert_column(bp, (size_t)-1, column_new(id, text, c < 4 ?
			"A very long phase name that must not be shortened on the poster at all" : "短阶段"));
	}
	for (int i = 0; i < 80; i++) {
		snprintf(id, sizeof id, "s%d", i);
		if (i % 9 == 0)
			snprintf(text, sizeof text, "技术员上门检测线路并更换光猫然后请客户签字确认工单已经完成第%d步", i);
		else if (i % 7 == 0)
			snprintf(text, sizeof text, "Step %d: Donaudampfschifffahrtsgesellschaft arranges "
				 "a long description of what happens here, with many words, so that the "
				 "card must grow well past seven lines of text to show every one of them "
				 "and nothing at all is cut off at the end of the card.", i);
		else
			snprintf(text, sizeof text, "Step %d does something", i);
		sbp_step *s = step_new(id, bp->lanes.items[(size_t)(i % 5)],
				       bp->columns.items[(size_t)(i % 8)], text);
		if (i % 4 == 1) {
			s->fail = fail_new("The courier misses the pickup window and nobody notices until the evening");
			s->fail->severity = 4;
			s->fail->recovery = xstrdup("Dispatcher sends the nearest courier and calls the sender");
		}
		if (i % 6 == 2) {
			s->wait = wait_new("Customer waits at the counter");
			s->wait->expected = 3;
			s->wait->tolerable = 8;
		}
		blueprint_insert_step(bp, (size_t)-1, s);
	}
	for (int i = 0; i < 80; i++) {
		int j = (i * 13 + 5) % 80;
		if ((i % 8) == 2) /* into the next column: the gutter right of column 2 */
			j = (i + 1) % 80;
		blueprint_insert_flow(bp, (size_t)-1, flow_new(bp->steps.items[(size_t)i],
			bp->steps.items[(size_t)j], i % 3 ? labels[i % 8] : NULL));
	}
	return bp;
}

/* The generated hostile blueprint: nothing cut, every label clear. */
static void test_generated(void **state)
{
	(void)state;
	sbp_blueprint *bp = hostile_bp();
	sbp_layout *lay = layout_new(bp, NULL);

	for (size_t i = 0; i < lay->ncards; i++)
		check_card(lay, &lay->cards[i], "generated");
	for (size_t i = 0; i < lay->nphases; i++) /* phase names whole */
		for (size_t k = 0; k < lay->phases[i].text.nlines; k++)
			assert_false(lay->lines[lay->phases[i].text.line0 + k].ellipsis);
	for (size_t c = 0; c < bp->columns.n; c++)
		check_words(lay, &lay->columns[c].text, bp->columns.items[c]->name, "column");
	check_labels(lay, "generated");
	check_tracks(lay, "generated");
	assert_int_equal(lay->ncut, 0);
	assert_true(lay->gutter > 56); /* ten arrows widen the gutter */
	layout_free(lay);

	/* a word wider than the widest card is broken, and counted */
	char w[400];
	memset(w, 'x', sizeof w - 1);
	w[sizeof w - 1] = '\0';
	blueprint_insert_step(bp, (size_t)-1, step_new("long", bp->lanes.items[0], bp->columns.items[0], w));
	lay = layout_new(bp, NULL);
	assert_true(lay->ncut >= 1);
	assert_ptr_equal(lay->cut_first, bp->steps.items[bp->steps.n - 1]->text);
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
	assert_int_equal(lay->ncut, 0);
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
		cmocka_unit_test(test_generated),
		cmocka_unit_test(test_large),
	};
	nfiles = argc - 1;
	files = argv + 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
