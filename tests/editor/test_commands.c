/* Editor tests of the `:` line: every command, bad commands that change
 * nothing, structure edits, Tab completion and the history. */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

#define ED(state) (((fixture *)*(state))->ed)

/* Run a line as typed: ":" LINE "<Enter>". */
static ed_result run(editor *ed, const char *line)
{
	editor_feed(ed, ":");
	for (const char *p = line; *p; p++)
		editor_key(ed, (ed_key)(unsigned char)*p);
	return editor_feed(ed, "<Enter>");
}

static void test_step_commands(void **state)
{
	editor *ed = ED(state);
	assert_int_equal(run(ed, "goto a").status, ED_OK);
	assert_string_equal(editor_step(ed)->id, "a");
	assert_int_equal(run(ed, "add Look around").status, ED_OK);
	sbp_step *s = blueprint_step(ed->bp, "look-around");
	assert_non_null(s);
	assert_ptr_equal(editor_step(ed), s);
	run(ed, "text Look for the desk");
	assert_string_equal(s->text, "Look for the desk");
	run(ed, "notes first time here");
	assert_string_equal(step_notes(s), "first time here");
	run(ed, "duration 2.5");
	assert_true(s->duration == 2.5);
	run(ed, "encounter yes");
	assert_int_equal(s->encounter, MARK_YES);
	assert_true(step_is_flagged(s));
	run(ed, "std s1 s2");
	assert_int_equal(s->stds.n, 2);
	run(ed, "unstd s1");
	assert_int_equal(s->stds.n, 1);
	run(ed, "fail Lost");
	run(ed, "wait Line");
	assert_non_null(s->fail);
	assert_non_null(s->wait);
	run(ed, "flow look-around d handover");
	sbp_flow *f = ed->bp->flows.items[ed->bp->flows.n - 1];
	assert_string_equal(f->label, "handover");
	run(ed, "unflow look-around d");
	assert_int_equal(ed->bp->flows.n, 1);
	run(ed, "delete");
	assert_null(blueprint_step(ed->bp, "look-around"));
	run(ed, "undo");
	assert_non_null(blueprint_step(ed->bp, "look-around"));
	run(ed, "redo");
	assert_null(blueprint_step(ed->bp, "look-around"));
}

static void test_bad_commands_change_nothing(void **state)
{
	editor *ed = ED(state);
	static const char *const bad[] = {
		"nosuch", "goto nothere", "goto", "std nope", "std s1 nope",
		"unstd s2", "flow a", "flow a zz", "flow a a", "lane Kiosk nozone",
		"lane Kiosk", "colmove 99", "colmove sideways", "lanemove 0",
		"severity 3", "duration abc", "duration -1", "encounter maybe",
		"export nope out.x", "export svg a b", "stdset s1 colour red", "duration 1e300",
		"stdset nope name x", "stdset s1 weight heavy", "stdset s1 kind firm",
		"stddelete nope", "unflow a d", "add", "text", "colname", "lanename",
		"column", "stdadd", "expected 3", "saveas",
	};
	run(ed, "goto c");
	char *before = fixture_yaml_of(ed);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		ed_result r = run(ed, bad[i]);
		if (r.status != ED_ERROR)
			fail_msg("\":%s\" did not fail: %s", bad[i], r.message);
		assert_true(ed->msg_error);
		assert_int_equal(ed->mode, MODE_NORMAL);
		char *after = fixture_yaml_of(ed);
		assert_string_equal(before, after);
		free(after);
	}
	assert_false(editor_modified(ed));
	assert_false(ed->quit);
	free(before);
}

static void test_columns(void **state)
{
	editor *ed = ED(state);
	run(ed, "column Pay");
	assert_int_equal(ed->bp->columns.n, 4);
	sbp_column *c = blueprint_column(ed->bp, "pay");
	assert_non_null(c);
	assert_int_equal(c->idx, 1);
	assert_int_equal(ed->col, 1);
	assert_string_equal(c->phase, "P1"); /* the phase of the one before */
	run(ed, "colname Pay the bill");
	assert_string_equal(c->name, "Pay the bill");
	run(ed, "phase Leaving");
	assert_string_equal(c->phase, "Leaving");
	run(ed, "phasename Away");
	assert_string_equal(c->phase, "Away");
	run(ed, "goto c1");
	run(ed, "phasename Before");
	assert_string_equal(blueprint_column(ed->bp, "c2")->phase, "Before");
	assert_string_equal(c->phase, "Away");
	run(ed, "goto pay");
	run(ed, "phase");
	assert_null(c->phase);
	run(ed, "colmove right");
	assert_int_equal(c->idx, 2);
	assert_int_equal(ed->col, 2);
	run(ed, "colmove 1");
	assert_int_equal(c->idx, 0);
	run(ed, "goto c2");
	run(ed, "coldelete");
	assert_null(blueprint_column(ed->bp, "c2"));
	assert_null(blueprint_step(ed->bp, "c"));
	run(ed, "undo");
	assert_non_null(blueprint_step(ed->bp, "c"));
}

static void test_lanes(void **state)
{
	editor *ed = ED(state);
	run(ed, "goto b");
	run(ed, "lane Mobile app onstage");
	sbp_lane *l = blueprint_lane(ed->bp, "mobile-app");
	assert_non_null(l);
	assert_int_equal(l->idx, 3); /* after the selected onstage lane */
	assert_int_equal(l->zone, ZONE_ONSTAGE);
	run(ed, "lanename Kiosk");
	assert_string_equal(l->name, "Kiosk");
	run(ed, "lanemove up");
	assert_int_equal(l->idx, 2);
	/* out of its zone: refused */
	char *before = fixture_yaml_of(ed);
	assert_int_equal(run(ed, "lanemove up").status, ED_ERROR);
	char *after = fixture_yaml_of(ed);
	assert_string_equal(before, after);
	run(ed, "lane Labs support");
	assert_int_equal(blueprint_lane(ed->bp, "labs")->idx, ed->bp->lanes.n - 1);
	run(ed, "lanedelete");
	assert_null(blueprint_lane(ed->bp, "labs"));
	run(ed, "title A new title");
	assert_string_equal(ed->bp->title, "A new title");
	run(ed, "description Short");
	assert_string_equal(ed->bp->description, "Short");
	free(before);
	free(after);
}

static void test_std_commands(void **state)
{
	editor *ed = ED(state);
	run(ed, "stdadd Answer within 3 rings");
	sbp_standard *s = blueprint_standard(ed->bp, "answer-within-3-rings");
	assert_non_null(s);
	run(ed, "stdset answer-within-3-rings target 95% of calls");
	assert_string_equal(s->target, "95% of calls");
	run(ed, "stdset answer-within-3-rings dimension responsiveness");
	assert_int_equal(s->dimension, DIM_RESPONSIVENESS);
	run(ed, "stdset answer-within-3-rings goal 95");
	run(ed, "stdset answer-within-3-rings better lower");
	assert_int_equal(s->better, BETTER_LOWER);
	run(ed, "stddelete answer-within-3-rings");
	assert_null(blueprint_standard(ed->bp, "answer-within-3-rings"));
	/* in use: asks; ! does not */
	run(ed, "stddelete s1");
	assert_int_equal(ed->mode, MODE_CONFIRM);
	editor_feed(ed, "<Esc>");
	assert_non_null(blueprint_standard(ed->bp, "s1"));
	run(ed, "stddelete! s1");
	assert_null(blueprint_standard(ed->bp, "s1"));
	assert_int_equal(blueprint_step(ed->bp, "b")->stds.n, 0);
}

static void test_complete_command_names(void **state)
{
	editor *ed = ED(state);
	editor_feed(ed, ": go <Tab>");
	assert_string_equal(ed->line.text.data, "goto ");
	editor_feed(ed, "<C-u> lane <Tab>");
	/* lane, lanename, lanemove, lanedelete: the common part, then cycling */
	assert_string_equal(ed->line.text.data, "lane");
	editor_feed(ed, "<Tab>");
	assert_string_equal(ed->line.text.data, "lane");
	editor_feed(ed, "<Tab>");
	assert_string_equal(ed->line.text.data, "lanename");
	editor_feed(ed, "<Esc>");
}

static void test_complete_ids(void **state)
{
	editor *ed = ED(state);
	editor_feed(ed, ": goto <Space> b <Tab>");
	assert_string_equal(ed->line.text.data, "goto b");
	editor_feed(ed, "<Tab>");
	assert_string_equal(ed->line.text.data, "goto b");
	editor_feed(ed, "<Tab>");
	assert_string_equal(ed->line.text.data, "goto b2");
	editor_feed(ed, "<C-u> std <Space> s <Tab> <Tab>");
	assert_string_equal(ed->line.text.data, "std s1");
	editor_feed(ed, "<C-u> lane <Space> X <Space> sup <Tab>");
	assert_string_equal(ed->line.text.data, "lane X support ");
	editor_feed(ed, "<C-u> export <Space> sv <Tab>");
	assert_string_equal(ed->line.text.data, "export svg ");
	editor_feed(ed, "<C-u> stdset <Space> s1 <Space> tar <Tab>");
	assert_string_equal(ed->line.text.data, "stdset s1 target ");
	ed_result r = editor_feed(ed, "<C-u> goto <Space> zz <Tab>");
	assert_int_equal(r.status, ED_ERROR);
	editor_feed(ed, "<Esc>");
	assert_int_equal(ed->mode, MODE_NORMAL);
}

static void test_history(void **state)
{
	editor *ed = ED(state);
	run(ed, "goto a");
	run(ed, "goto d");
	editor_feed(ed, ": half");
	editor_feed(ed, "<Up>");
	assert_string_equal(ed->line.text.data, "goto d");
	editor_feed(ed, "<Up>");
	assert_string_equal(ed->line.text.data, "goto a");
	editor_feed(ed, "<Up>");
	assert_string_equal(ed->line.text.data, "goto a");
	editor_feed(ed, "<Down> <Down>");
	assert_string_equal(ed->line.text.data, "half");
	editor_feed(ed, "<Up> <Up> <Enter>");
	assert_string_equal(editor_step(ed)->id, "a");
	/* search has its own history */
	editor_feed(ed, "/ key <Enter> / <Up>");
	assert_string_equal(ed->line.text.data, "key");
	editor_feed(ed, "<Esc>");
}

static void test_cmdline_editing(void **state)
{
	editor *ed = ED(state);
	editor_feed(ed, ": goto <Space> xd <Left> <BS> <End> <Enter>");
	assert_string_equal(editor_step(ed)->id, "d");
	/* Backspace on an empty line closes it */
	editor_feed(ed, ": <BS>");
	assert_int_equal(ed->mode, MODE_NORMAL);
	editor_feed(ed, ": abc <C-w> goto <Space> a <C-a> <Del> <Enter>");
	assert_int_equal(ed->mode, MODE_NORMAL);
	assert_true(ed->msg_error); /* "oto a" is no command */
}

static void test_untitled(void **state)
{
	(void)state;
	editor *ed = editor_new(NULL);
	assert_int_equal(ed->bp->lanes.n, 5);
	assert_string_equal(ed->bp->lanes.items[0]->id, "evidence");
	assert_int_equal(ed->bp->columns.n, 3);
	assert_false(editor_modified(ed));
	assert_string_equal(editor_file_name(ed), "[untitled]");
	editor_feed(ed, "j j a Hello <Enter> <Esc>");
	assert_int_equal(ed->bp->steps.n, 1);
	assert_int_equal(run(ed, "w").status, ED_ERROR);
	editor_free(ed);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_step_commands),
		T(test_bad_commands_change_nothing),
		T(test_columns),
		T(test_lanes),
		T(test_std_commands),
		T(test_complete_command_names),
		T(test_complete_ids),
		T(test_history),
		T(test_cmdline_editing),
		cmocka_unit_test(test_untitled),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
