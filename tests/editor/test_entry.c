/* Editor tests of building a blueprint: quick entry, the forms of f, w
 * and a new standard, ids made from text, renaming ids, copying and
 * reordering steps, search over every text, and the fixed bugs of the
 * command half of issue 14. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "fixture.h"

#define ED(state) (((fixture *)*(state))->ed)

/* A file's text (test helper). Caller frees. */
static char *slurp(const char *path, size_t *len)
{
	char *data = NULL;
	assert_true(read_file(path, 1 << 20, &data, len));
	return data;
}

/* Run a `:` line. */
static ed_result run(editor *ed, const char *line)
{
	return editor_run(ed, line);
}

static void test_quick_entry(void **state)
{
	editor *ed = ED(state);
	editor_feed(ed, "j a"); /* customer / c1 */
	assert_int_equal(ed->mode, MODE_LINE);
	editor_feed(ed, "Sit <Space> down <Enter>");
	assert_non_null(blueprint_step(ed->bp, "sit-down"));
	assert_int_equal(ed->col, 1); /* ready in the next column */
	assert_int_equal(ed->mode, MODE_LINE);
	editor_feed(ed, "Order <Tab>"); /* customer / c2, then the lane below */
	sbp_step *o = blueprint_step(ed->bp, "order");
	assert_non_null(o);
	assert_string_equal(o->column->id, "c2");
	assert_int_equal(ed->lane, 2);
	assert_int_equal(ed->col, 1);
	/* after Tab the card flows from the one above; Enter goes on in the
	 * next column, back in the lane the column's cards started in */
	size_t nflows = ed->bp->flows.n;
	editor_feed(ed, "Take <Space> order <Enter>");
	sbp_step *t = blueprint_step(ed->bp, "take-order");
	assert_non_null(t);
	assert_string_equal(t->lane->id, "onstage");
	assert_int_equal(ed->bp->flows.n, nflows + 1);
	sbp_flow *f = ed->bp->flows.items[ed->bp->flows.n - 1];
	assert_ptr_equal(f->from, o);
	assert_ptr_equal(f->to, t);
	assert_int_equal(ed->lane, 1);
	assert_int_equal(ed->col, 2);
	editor_feed(ed, "Serve <Enter>"); /* no Tab before: no flow */
	assert_non_null(blueprint_step(ed->bp, "serve"));
	assert_int_equal(ed->bp->flows.n, nflows + 1);
	/* after the last column the prompt asks for a new column's name */
	assert_int_equal(ed->mode, MODE_LINE);
	editor_feed(ed, "Four <Enter>");
	assert_int_equal(ed->bp->columns.n, 4);
	assert_int_equal(ed->col, 3);
	editor_feed(ed, "Pay <Enter>");
	assert_string_equal(blueprint_step(ed->bp, "pay")->column->name, "Four");
	/* Esc ends, with the last card selected */
	editor_feed(ed, "<Esc>");
	assert_int_equal(ed->mode, MODE_NORMAL);
	assert_string_equal(editor_step(ed)->id, "pay");
	/* undo takes back one card (and its flow) at a time */
	size_t n = ed->bp->steps.n;
	editor_feed(ed, "u");
	assert_int_equal(ed->bp->steps.n, n - 1);
}

static void test_quick_entry_moves_and_empty(void **state)
{
	editor *ed = ED(state);
	editor_feed(ed, "j a <Down> <Right>"); /* onstage / c2 */
	assert_int_equal(ed->lane, 2);
	assert_int_equal(ed->col, 1);
	editor_feed(ed, "X <Left>"); /* Left with text moves the text cursor */
	assert_int_equal(ed->col, 1);
	editor_feed(ed, "<Enter> <Enter>"); /* empty Enter stops */
	assert_int_equal(ed->mode, MODE_NORMAL);
	sbp_step *x = blueprint_step(ed->bp, "x");
	assert_non_null(x);
	assert_string_equal(x->column->id, "c2");
	assert_ptr_equal(editor_step(ed), x);
	/* Ctrl-T: Tab adds no flow; Ctrl-B/Ctrl-F still move the text cursor */
	size_t nflows = ed->bp->flows.n;
	editor_feed(ed, "a <C-t> Y <Tab> Z <C-b> W <Enter> <Esc>");
	assert_int_equal(ed->bp->flows.n, nflows);
	assert_non_null(blueprint_step(ed->bp, "wz"));
	editor_feed(ed, "a <C-t> P <Tab> Q <Enter> <Esc>"); /* on again */
	assert_int_equal(ed->bp->flows.n, nflows + 1);
}

static void test_ids_from_text(void **state)
{
	editor *ed = ED(state);
	run(ed, "goto a");
	run(ed, "add Pay and book the next check-up at the desk");
	/* whole words up to 24 characters, not "pay-and-book-next-check-u" */
	assert_non_null(blueprint_step(ed->bp, "pay-and-book-the-next"));
	editor_feed(ed, "G"); /* the support lane */
	run(ed, "add 热线回电");
	run(ed, "add 热线转接");
	sbp_lane *l = ed->bp->lanes.items[ed->bp->lanes.n - 1];
	char want[64];
	snprintf(want, sizeof want, "%s-1", l->id);
	assert_non_null(blueprint_step(ed->bp, want));
	snprintf(want, sizeof want, "%s-2", l->id);
	assert_non_null(blueprint_step(ed->bp, want));
}

static void test_fail_form(void **state)
{
	editor *ed = ED(state);
	run(ed, "goto c");
	editor_feed(ed, "f");
	assert_int_equal(ed->mode, MODE_LINE);
	ed_panel p;
	assert_true(editor_panel(ed, &p)); /* the form shows under its prompt */
	assert_int_equal(p.count, 3);
	editor_feed(ed, "Key <Space> lost <Enter> 4 <Enter> Spare <Space> key <Enter>");
	assert_int_equal(ed->mode, MODE_NORMAL);
	sbp_step *c = blueprint_step(ed->bp, "c");
	assert_non_null(c->fail);
	assert_string_equal(c->fail->text, "Key lost");
	assert_int_equal(c->fail->severity, 4);
	assert_string_equal(c->fail->recovery, "Spare key");
	/* one edit */
	editor_feed(ed, "u");
	assert_null(c->fail);
	editor_feed(ed, "<C-r>");
	/* again: the number is selected, typing replaces it */
	editor_feed(ed, "f <Enter>");
	assert_string_equal(ed->line.text.data, "4");
	editor_feed(ed, "2 <Enter> <Enter>");
	assert_int_equal(c->fail->severity, 2);
	/* a bad number keeps the form on its field */
	editor_feed(ed, "f <Enter> 9 <Enter>");
	assert_int_equal(ed->mode, MODE_LINE);
	assert_true(ed->msg_error);
	editor_feed(ed, "<Esc>");
	assert_int_equal(ed->mode, MODE_NORMAL);
	assert_int_equal(c->fail->severity, 2);
}

static void test_wait_form(void **state)
{
	editor *ed = ED(state);
	run(ed, "goto c");
	editor_feed(ed, "w Queue <Enter> 5 <Enter> 10 <Enter>");
	sbp_step *c = blueprint_step(ed->bp, "c");
	assert_non_null(c->wait);
	assert_string_equal(c->wait->text, "Queue");
	assert_true(c->wait->expected == 5);
	assert_true(c->wait->tolerable == 10);
	/* Up goes back a field; 1e300 minutes are refused */
	editor_feed(ed, "w <Enter> 1e300 <Enter>");
	assert_true(ed->msg_error);
	editor_feed(ed, "<Esc>");
	assert_true(c->wait->expected == 5);
}

static void test_new_standard_form(void **state)
{
	editor *ed = ED(state);
	run(ed, "goto c");
	editor_feed(ed, "s Answer <Space> fast <Enter>");
	/* the form asks the kind (hard, replaced by typing) and the dimension */
	assert_int_equal(ed->mode, MODE_LINE);
	ed_panel p;
	assert_true(editor_panel(ed, &p));
	sbp_buf d;
	buf_init(&d);
	editor_feed(ed, "s <Enter>");
	editor_panel_detail(ed, 0, 200, &d);
	assert_non_null(strstr(d.data, "reliability"));
	buf_free(&d);
	editor_feed(ed, "3 <Enter>");
	assert_int_equal(ed->mode, MODE_NORMAL);
	sbp_standard *s = blueprint_standard(ed->bp, "answer-fast");
	assert_non_null(s);
	assert_int_equal(s->kind, STD_SOFT);
	assert_string_equal(dimension_id(s->dimension), "responsiveness");
	assert_int_equal(blueprint_step(ed->bp, "c")->stds.n, 1);
}

/* A form is a small box (its rows, borders, a rule and the help line);
 * BS on a selected number clears it whole; a choice completed by Tab is
 * taken as it is (no blank left after it). */
static void test_form_box_and_keys(void **state)
{
	editor *ed = ED(state);
	run(ed, "goto c");
	editor_feed(ed, "f Key <Space> lost <Enter> 4 <Enter> <Enter>");
	editor_feed(ed, "f <Enter>");
	ed_panel p;
	assert_true(editor_panel(ed, &p));
	assert_int_equal(p.height, 3 + 1 + 3);
	assert_true(ed->prompt.replace);
	editor_feed(ed, "<BS>");
	assert_string_equal(ed->line.text.data, "");
	assert_false(ed->prompt.replace);
	editor_feed(ed, "<Esc>");
	editor_feed(ed, "s Answer <Space> fast <Enter> s <Enter> as <Tab>");
	assert_string_equal(ed->line.text.data, "assurance");
	editor_feed(ed, "<Enter>");
	assert_int_equal(ed->mode, MODE_NORMAL);
	sbp_standard *s = blueprint_standard(ed->bp, "answer-fast");
	assert_non_null(s);
	assert_string_equal(dimension_id(s->dimension), "assurance");
}

static void test_rename(void **state)
{
	editor *ed = ED(state);
	run(ed, "goto a");
	assert_int_equal(run(ed, "rename arrive").status, ED_OK);
	sbp_step *s = blueprint_step(ed->bp, "arrive");
	assert_non_null(s);
	assert_null(blueprint_step(ed->bp, "a"));
	assert_ptr_equal(ed->bp->flows.items[0]->from, s);
	char *y = fixture_yaml_of(ed);
	assert_non_null(strstr(y, "from: arrive"));
	free(y);
	assert_int_equal(run(ed, "rename b").status, ED_ERROR); /* taken */
	assert_int_equal(run(ed, "rename 'bad id'").status, ED_ERROR);
	editor_feed(ed, "u");
	assert_ptr_equal(blueprint_step(ed->bp, "a"), s);
	assert_null(blueprint_step(ed->bp, "arrive"));
	editor_feed(ed, "<C-r>");
	assert_ptr_equal(blueprint_step(ed->bp, "arrive"), s);
	/* a standard: the steps' lists follow */
	assert_int_equal(run(ed, "rename greet-fast standard s1").status, ED_OK);
	y = fixture_yaml_of(ed);
	assert_non_null(strstr(y, "standards: [greet-fast]"));
	free(y);
	/* a column and a lane: the steps in them follow */
	assert_int_equal(run(ed, "rename arrival column c1").status, ED_OK);
	assert_int_equal(run(ed, "rename guest lane customer").status, ED_OK);
	y = fixture_yaml_of(ed);
	assert_non_null(strstr(y, "lane: guest, column: arrival"));
	free(y);
	assert_int_equal(run(ed, "rename x column nope").status, ED_ERROR);
	editor_feed(ed, "u u");
	assert_non_null(blueprint_column(ed->bp, "c1"));
	assert_non_null(blueprint_lane(ed->bp, "customer"));
	/* R opens a prompt with the id selected */
	editor_feed(ed, "R");
	assert_string_equal(ed->line.text.data, "arrive");
	editor_feed(ed, "come <Enter>");
	assert_non_null(blueprint_step(ed->bp, "come"));
	assert_int_equal(run(ed, "rename").status, ED_ERROR);
	assert_non_null(strstr(ed->msg, "Usage: :rename"));
}

static void test_copy_paste_duplicate_reorder(void **state)
{
	editor *ed = ED(state);
	run(ed, "goto b");
	editor_feed(ed, "y l P");
	sbp_step *b = blueprint_step(ed->bp, "b"), *p = editor_step(ed);
	assert_ptr_not_equal(p, b);
	assert_string_equal(p->text, "Greet");
	assert_string_equal(p->column->id, "c2");
	assert_int_equal(p->stds.n, 1);
	editor_feed(ed, "u");
	assert_null(blueprint_step(ed->bp, "greet"));
	run(ed, "goto b");
	editor_feed(ed, "Y");
	assert_string_equal(editor_step(ed)->text, "Greet");
	assert_string_equal(editor_step(ed)->column->id, "c1");
	/* reorder: b2 goes above b */
	run(ed, "goto b2");
	size_t i = ed->idx;
	editor_feed(ed, "{");
	assert_int_equal(ed->idx, i - 1);
	assert_string_equal(editor_step(ed)->id, "b2");
	assert_true(blueprint_step_index(ed->bp, blueprint_step(ed->bp, "b2")) <
		    blueprint_step_index(ed->bp, b));
	editor_feed(ed, "{");
	assert_true(ed->msg_error); /* already first */
	editor_feed(ed, "u");
	assert_true(blueprint_step_index(ed->bp, blueprint_step(ed->bp, "b2")) >
		    blueprint_step_index(ed->bp, b));
}

static void test_search_everywhere(void **state)
{
	editor *ed = ED(state);
	run(ed, "goto d");
	run(ed, "fail Key card broken");
	run(ed, "goto a");
	run(ed, "notes card reader at the door");
	run(ed, "goto c");
	assert_int_equal(run(ed, "search card").status, ED_OK);
	assert_string_equal(editor_step(ed)->id, "d");
	assert_non_null(strstr(ed->msg, "2 steps match"));
	editor_feed(ed, "<C-n>");
	assert_string_equal(editor_step(ed)->id, "a");
	editor_feed(ed, "<C-p>");
	assert_string_equal(editor_step(ed)->id, "d");
	/* standards: s1's target */
	run(ed, "search 30 s");
	assert_string_equal(editor_step(ed)->id, "b");
	assert_non_null(strstr(ed->msg, "1 step matches"));
}

static void test_duration_bounded(void **state)
{
	editor *ed = ED(state);
	run(ed, "goto a");
	assert_int_equal(run(ed, "duration 1e300").status, ED_ERROR);
	assert_true(isnan(blueprint_step(ed->bp, "a")->duration));
	assert_int_equal(run(ed, "duration 90").status, ED_OK);
	assert_int_equal(run(ed, "expected 1e9").status, ED_ERROR);
}

static void test_aliases(void **state)
{
	editor *ed = ED(state);
	run(ed, "goto a");
	run(ed, "text Walk in");
	assert_int_equal(run(ed, "W").status, ED_OK);
	assert_false(editor_modified(ed));
	run(ed, "text Walk");
	ed_result r = run(ed, "x");
	assert_int_equal(r.status, ED_OK);
	assert_true(ed->quit);
	assert_false(editor_modified(ed));
	/* unchanged: :x quits without writing */
	ed->quit = false;
	struct stat before, after;
	assert_int_equal(stat(((fixture *)*state)->path, &before), 0);
	run(ed, "x");
	assert_true(ed->quit);
	assert_int_equal(stat(((fixture *)*state)->path, &after), 0);
	assert_true(before.st_mtim.tv_nsec == after.st_mtim.tv_nsec &&
		    before.st_ino == after.st_ino);
}

static void test_export_asks(void **state)
{
	fixture *fx = *state;
	editor *ed = fx->ed;
	const char *out = fixture_file(fx, "out.csv", "keep me\n");
	char *line = xasprintf("export csv %s", out);
	/* an existing file: a question, and the file untouched */
	assert_int_equal(run(ed, line).status, ED_OK);
	assert_int_equal(ed->mode, MODE_CONFIRM);
	editor_feed(ed, "j d x"); /* keys the question does not name */
	assert_int_equal(ed->mode, MODE_CONFIRM);
	assert_non_null(blueprint_step(ed->bp, "a"));
	editor_feed(ed, "<Esc>");
	assert_int_equal(ed->mode, MODE_NORMAL);
	char *text = NULL;
	size_t len;
	text = slurp(out, &len);
	assert_string_equal(text, "keep me\n");
	free(text);
	run(ed, line);
	editor_feed(ed, "o");
	text = slurp(out, &len);
	assert_null(strstr(text, "keep me"));
	free(text);
	free(line);
	/* the open file itself: refused, whatever its spelling */
	char *before = fixture_yaml_of(ed);
	line = xasprintf("export! csv %s", fx->path);
	assert_int_equal(run(ed, line).status, ED_ERROR);
	free(line);
	line = xasprintf("export csv %s/../%s/bp.yaml", fx->dir, strrchr(fx->dir, '/') + 1);
	assert_int_equal(run(ed, line).status, ED_ERROR);
	free(line);
	size_t flen;
	char *file = slurp(fx->path, &flen);
	assert_non_null(strstr(file, "Arrive"));
	free(file);
	free(before);
	/* no file: the blueprint's name with the format's extension */
	assert_int_equal(run(ed, "export md").status, ED_OK);
	char md[200];
	snprintf(md, sizeof md, "%s/bp.md", fx->dir);
	assert_int_equal(access(md, F_OK), 0);
	assert_non_null(strstr(ed->msg, "bp.md"));
	unlink(md);
	assert_int_equal(run(ed, "export").status, ED_ERROR);
	assert_non_null(strstr(ed->msg, "Usage: :export FORMAT [FILE]"));
}

static void test_too_small_keys_do_nothing(void **state)
{
	editor *ed = ED(state);
	editor_feed(ed, "j");
	char *before = fixture_yaml_of(ed);
	editor_resize(ed, 40, 10);
	editor_feed(ed, "d J x u : t i t l e <Space> X <Enter> a Y <Enter>");
	assert_int_equal(ed->mode, MODE_NORMAL);
	char *after = fixture_yaml_of(ed);
	assert_string_equal(before, after);
	assert_false(editor_modified(ed));
	free(after);
	free(before);
	editor_resize(ed, 80, 24);
	editor_feed(ed, "d");
	assert_null(blueprint_step(ed->bp, "a"));
	/* q acts while small, but only with nothing to lose */
	editor_resize(ed, 40, 10);
	editor_feed(ed, "q");
	assert_false(ed->quit);
	editor_resize(ed, 80, 24);
	editor_feed(ed, "u");
	editor_resize(ed, 40, 10);
	ed_result r = editor_feed(ed, "q");
	assert_int_equal(r.status, ED_QUIT);
}

static void test_dialog_takes_only_its_keys(void **state)
{
	editor *ed = ED(state);
	run(ed, "goto a");
	run(ed, "text Changed");
	editor_feed(ed, "q");
	assert_int_equal(ed->mode, MODE_CONFIRM);
	editor_feed(ed, "d j : <Enter> a");
	assert_int_equal(ed->mode, MODE_CONFIRM);
	assert_non_null(blueprint_step(ed->bp, "a"));
	assert_int_equal(ed->bp->steps.n, 5);
	editor_feed(ed, "<Esc>");
	assert_int_equal(ed->mode, MODE_NORMAL);
	assert_false(ed->quit);
	assert_string_equal(editor_step(ed)->id, "a");
}

static void test_recovery_counts_net_changes(void **state)
{
	fixture *fx = *state;
	editor *ed = fx->ed;
	run(ed, "goto a");
	for (int i = 0; i < 7; i++) {
		char *line = xasprintf("text Version %d", i);
		run(ed, line);
		free(line);
	}
	editor_feed(ed, "u u u u u u"); /* one change left */
	editor_hangup(ed);
	sbp_recover_info info;
	assert_true(recover_find(fx->path, &info));
	assert_int_equal(info.changes, 1);
	/* a new session offers it and says 1 change */
	editor *e2 = editor_new(NULL);
	sbp_diags d;
	diags_init(&d);
	assert_true(editor_open(e2, fx->path, &d));
	diags_free(&d);
	assert_int_equal(e2->mode, MODE_CONFIRM);
	assert_non_null(strstr(e2->confirm.text, "(1 change)"));
	editor_feed(e2, "r");
	assert_non_null(strstr(e2->msg, "Recovered 1 unsaved change."));
	assert_string_equal(blueprint_step(e2->bp, "a")->text, "Version 0");
	editor_feed(e2, ": q ! <Enter>");
	editor_free(e2);
}

static void test_delete_says_flows(void **state)
{
	editor *ed = ED(state);
	run(ed, "goto b");
	run(ed, "flow b c");
	editor_feed(ed, "d");
	assert_null(blueprint_step(ed->bp, "b"));
	assert_non_null(strstr(ed->msg, "2 flows"));
	run(ed, "goto a");
	editor_feed(ed, "d");
	assert_null(strstr(ed->msg, "flow"));
}

static void test_undo_moves_cursor(void **state)
{
	editor *ed = ED(state);
	run(ed, "goto d");
	editor_feed(ed, "d");
	run(ed, "goto a");
	editor_feed(ed, "u"); /* brings d back and selects it */
	assert_string_equal(editor_step(ed)->id, "d");
	run(ed, "goto c");
	run(ed, "text Check in fast");
	run(ed, "goto a");
	editor_feed(ed, "u");
	assert_string_equal(editor_step(ed)->id, "c");
	run(ed, "goto a");
	editor_feed(ed, "<C-r>");
	assert_string_equal(editor_step(ed)->id, "c");
	run(ed, "goto b2");
	editor_feed(ed, "L");
	run(ed, "goto a");
	editor_feed(ed, "u");
	assert_string_equal(editor_step(ed)->id, "b2");
	assert_string_equal(editor_step(ed)->column->id, "c1");
}

static void test_method_fields(void **state)
{
	editor *ed = ED(state);
	/* :stdset walks the field table: the fields of SPEC 7.1 */
	assert_int_equal(run(ed, "stdset s1 requirement answer quickly").status, ED_OK);
	assert_int_equal(run(ed, "stdset s1 source company").status, ED_OK);
	assert_int_equal(run(ed, "stdset s1 desired 20").status, ED_OK);
	assert_int_equal(run(ed, "stdset s1 adequate 45").status, ED_OK);
	assert_int_equal(run(ed, "stdset s1 owner Front desk lead").status, ED_OK);
	sbp_standard *s = blueprint_standard(ed->bp, "s1");
	assert_string_equal(s->requirement, "answer quickly");
	assert_int_equal(s->source, SOURCE_COMPANY);
	assert_true(s->desired == 20 && s->adequate == 45);
	assert_string_equal(s->owner, "Front desk lead");
	assert_int_equal(run(ed, "stdset s1 source both").status, ED_ERROR);
	assert_non_null(strstr(ed->msg, "customer"));
	editor_feed(ed, ": s t d s e t <Space> s1 <Space> s o u r <Tab> c <Tab>");
	assert_string_equal(ed->line.text.data, "stdset s1 source c");
	assert_non_null(strstr(ed->msg, "2 matches"));
	editor_feed(ed, "o <Tab>");
	assert_string_equal(ed->line.text.data, "stdset s1 source company ");
	editor_feed(ed, "<Esc>");
	assert_int_equal(run(ed, "stdset s1 colour red").status, ED_ERROR);
	assert_non_null(strstr(ed->msg, "requirement")); /* the list of fields */
	/* the catalog's form lists them too, with each field's help */
	editor_feed(ed, "S g <Enter>");
	assert_int_equal(ed->mode, MODE_STDFORM);
	ed_panel p;
	assert_true(editor_panel(ed, &p));
	bool seen = false;
	for (size_t i = 0; i < p.count; i++) {
		sbp_buf t;
		ed_style st;
		buf_init(&t);
		editor_panel_item(ed, i, 100, &t, &st);
		seen |= strstr(t.data, "owner") && strstr(t.data, "Front desk lead");
		buf_free(&t);
	}
	assert_true(seen);
	editor_feed(ed, "j j j <Enter>"); /* source cycles: company -> unset */
	assert_int_equal(s->source, SOURCE_UNSET);
	editor_feed(ed, "<Enter>");
	assert_int_equal(s->source, SOURCE_CUSTOMER);
	editor_feed(ed, "<Esc> <Esc>");
	/* step fix */
	run(ed, "goto c");
	assert_true(step_is_flagged(blueprint_step(ed->bp, "c")));
	assert_int_equal(run(ed, "fix Self-service kiosk").status, ED_OK);
	assert_false(step_is_flagged(blueprint_step(ed->bp, "c")));
	editor_feed(ed, "u");
	assert_true(step_is_flagged(blueprint_step(ed->bp, "c")));
}

static void test_usage_from_table(void **state)
{
	editor *ed = ED(state);
	static const char *const cases[][2] = {
		{ "goto a b", "Usage: :goto ID" },
		{ "unflow a", "Usage: :unflow FROM TO" },
		{ "std", "Usage: :std ID..." },
		{ "encounter", "Usage: :encounter yes|no|default" },
		{ "rename a b", "Usage: :rename NEW [column|lane|standard ID]" },
		{ "copy x", "Usage: :copy " },
	};
	run(ed, "goto a");
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		assert_int_equal(run(ed, cases[i][0]).status, ED_ERROR);
		if (!strstr(ed->msg, cases[i][1]))
			fail_msg(":%s says \"%s\"", cases[i][0], ed->msg);
	}
	/* optional words: empty clears */
	assert_int_equal(run(ed, "notes").status, ED_OK);
	assert_int_equal(run(ed, "flow a c the label has words").status, ED_OK);
	int min, max;
	editor_command_arity(editor_command_find("flow"), &min, &max);
	assert_int_equal(min, 2);
	assert_int_equal(max, -1);
	editor_command_arity(editor_command_find("unflow"), &min, &max);
	assert_int_equal(max, 2);
}

static void test_flow_completes_text(void **state)
{
	editor *ed = ED(state);
	/* "prep" is no id: Tab finds the step whose text says it */
	editor_feed(ed, ": f l o w <Space> a <Space> P r e p <Tab>");
	assert_string_equal(ed->line.text.data, "flow a d ");
	editor_feed(ed, "<Enter>");
	sbp_flow *f = ed->bp->flows.items[ed->bp->flows.n - 1];
	assert_string_equal(f->to->id, "d");
	/* several: cycled with Tab, listed in the message */
	editor_feed(ed, ": f l o w <Space> r <Tab>");
	assert_non_null(strstr(ed->msg, "matches"));
	editor_feed(ed, "<Esc>");
}

static void test_problem_opens_standard(void **state)
{
	editor *ed = ED(state);
	run(ed, "stdadd Never used");
	editor_feed(ed, "p");
	assert_int_equal(ed->mode, MODE_PROBLEMS);
	size_t i;
	for (i = 0; i < ed->diags.n; i++)
		if (!strcmp(ed->diags.items[i].rule, "unused-standard"))
			break;
	assert_true(i < ed->diags.n);
	ed_panel p;
	assert_true(editor_panel(ed, &p));
	sbp_buf t;
	ed_style st;
	buf_init(&t);
	editor_panel_item(ed, i, 200, &t, &st);
	assert_non_null(strstr(t.data, "[unused-standard]")); /* the rule id */
	buf_free(&t);
	ed->problems.sel = i;
	editor_feed(ed, "<Enter>");
	assert_int_equal(ed->mode, MODE_CATALOG);
	assert_string_equal(ed->bp->standards.items[ed->catalog.sel]->id, "never-used");
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_quick_entry),
		T(test_quick_entry_moves_and_empty),
		T(test_ids_from_text),
		T(test_fail_form),
		T(test_wait_form),
		T(test_new_standard_form),
		T(test_form_box_and_keys),
		T(test_rename),
		T(test_copy_paste_duplicate_reorder),
		T(test_search_everywhere),
		T(test_duration_bounded),
		T(test_aliases),
		T(test_export_asks),
		T(test_too_small_keys_do_nothing),
		T(test_dialog_takes_only_its_keys),
		T(test_recovery_counts_net_changes),
		T(test_delete_says_flows),
		T(test_undo_moves_cursor),
		T(test_method_fields),
		T(test_usage_from_table),
		T(test_flow_completes_text),
		T(test_problem_opens_standard),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
