/* No text from a file reaches the terminal raw: cards, the status line,
 * every panel's rows and details, and questions hold no control, bidi or
 * invisible characters, whatever the blueprint holds. */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "sbp/utf8.h"

/* The loader refuses C0 and C1 controls; what it lets through (bidi and
 * zero-width characters, line separators, newlines, tabs) must still be
 * escaped on screen. */
static const char hostile_yaml[] =
	"sbp: 1\n"
	"title: \"T\\u202Etitle\"\n"
	"columns:\n"
	"  - {id: c1, name: \"Col\\u2066\", phase: \"Ph\\u202Ease\"}\n"
	"lanes:\n"
	"  - {id: cust, name: \"Cu\\u200Fst\", zone: customer}\n"
	"  - {id: on, name: \"On\\u200Bstage\\t\", zone: onstage}\n"
	"standards:\n"
	"  - {id: s1, name: \"Std\\uFEFF\", kind: hard, measure: \"m\\u2029\", target: \"t\\u2028\", goal: 2, actual: 1}\n"
	"steps:\n"
	"  - {id: a, lane: on, column: c1, text: \"Hi\\u202D there\\nnext\", notes: \"n\\u2066\"}\n"
	"  - {id: b, lane: cust, column: c1, text: \"\\u202Ereversed\\u2069\", standards: [s1],\n"
	"     fail: {text: \"f\\u202A\", recovery: \"r\\u061C\"}, wait: {text: \"w\\u200E\"}}\n"
	"flows:\n"
	"  - {from: b, to: a, label: \"l\\u2067\"}\n";

/* Fail when s holds anything unsafe for a terminal. */
static void assert_safe(const char *what, const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (cp_is_unsafe(cp) || (cp == 0xFFFD && n == 1))
			fail_msg("%s: unsafe U+%04X at %zu in \"%s\"", what, cp, i, s);
		i += n;
	}
}

/* Every row and detail of the panel the keys opened: it must have opened
 * and hold something, or the check would pass without looking. */
static void check_panel(editor *ed, const char *what)
{
	ed_panel p;
	if (!editor_panel(ed, &p))
		fail_msg("%s: no panel opened, so nothing was checked", what);
	if (p.count + p.ndetail == 0)
		fail_msg("%s: the panel is empty, so nothing was checked", what);
	for (size_t i = 0; i < p.count; i++) {
		sbp_buf b;
		ed_style st;
		buf_init(&b);
		editor_panel_item(ed, i, 200, &b, &st);
		assert_safe(what, b.data ? b.data : "", b.len);
		buf_free(&b);
	}
	for (size_t k = 0; k < p.ndetail; k++) {
		sbp_buf b;
		buf_init(&b);
		editor_panel_detail(ed, k, 200, &b);
		assert_safe(what, b.data ? b.data : "", b.len);
		buf_free(&b);
	}
}

static void test_nothing_raw_reaches_the_screen(void **state)
{
	(void)state;
	fixture *f = fixture_open(hostile_yaml);
	editor *ed = f->ed;
	for (size_t i = 0; i < ed->bp->steps.n; i++) {
		sbp_buf b;
		buf_init(&b);
		editor_card(ed, ed->bp->steps.items[i], 21, &b);
		assert_safe("card", b.data, b.len);
		buf_free(&b);
	}
	editor_feed(ed, "j");
	sbp_buf l, r;
	buf_init(&l);
	buf_init(&r);
	editor_status_line(ed, 200, &l, &r);
	assert_safe("status", l.data, l.len);
	assert_safe("status", r.data, r.len);
	buf_free(&l);
	buf_free(&r);
	static const char *const panels[] = { "i", "S", "S <Enter>", "s", "p", "?" };
	for (size_t i = 0; i < sizeof panels / sizeof *panels; i++) {
		editor_feed(ed, ":goto <Space> b <Enter>");
		editor_feed(ed, panels[i]);
		check_panel(ed, panels[i]);
		editor_feed(ed, "<Esc> <Esc> <Esc>");
	}
	/* the text prompt shows the step's text sanitized */
	editor_feed(ed, ":goto <Space> a <Enter> <Enter>");
	sbp_buf v;
	size_t cx;
	buf_init(&v);
	lineedit_view(&ed->line, 60, &v, &cx);
	assert_safe("prompt", v.data, v.len);
	assert_non_null(strstr(v.data, "\\u{202D}"));
	buf_free(&v);
	editor_feed(ed, "<Esc>");
	fixture_close(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nothing_raw_reaches_the_screen),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
