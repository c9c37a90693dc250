/* Editor tests driven by keys: navigation, step editing, undo and redo,
 * standards, flows, search, the panels and the help table. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

#define ED(state) (((fixture *)*(state))->ed)

/* The id of the selected step, or "" on an empty cell. */
static const char *sel_id(editor *ed)
{
	sbp_step *s = editor_step(ed);
	return s ? s->id : "";
}

static void test_navigation(void **state)
{
	editor *ed = ED(state);
	assert_int_equal(ed->lane, 0);
	assert_int_equal(ed->col, 0);
	editor_feed(ed, "j");
	assert_string_equal(sel_id(ed), "a");
	editor_feed(ed, "j");
	assert_string_equal(sel_id(ed), "b");
	editor_feed(ed, "j"); /* down the stack */
	assert_string_equal(sel_id(ed), "b2");
	editor_feed(ed, "<Down>");
	assert_int_equal(ed->lane, 3);
	assert_string_equal(sel_id(ed), "");
	editor_feed(ed, "l");
	assert_string_equal(sel_id(ed), "d");
	editor_feed(ed, "k <Left> <Right>");
	assert_string_equal(sel_id(ed), "c");
	editor_feed(ed, "$");
	assert_int_equal(ed->col, 2);
	editor_feed(ed, "0 G");
	assert_int_equal(ed->col, 0);
	assert_int_equal(ed->lane, 4);
	editor_feed(ed, "g h h k");
	assert_int_equal(ed->lane, 0);
	assert_int_equal(ed->col, 0);
}

static void test_add_step_with_key(void **state)
{
	editor *ed = ED(state);
	assert_false(editor_modified(ed));
	editor_feed(ed, "j l a");
	assert_int_equal(ed->mode, MODE_LINE);
	ed_result r = editor_feed(ed, "Pay <Space> the <Space> bill <Enter>");
	assert_int_equal(r.status, ED_OK);
	/* quick entry: the prompt is ready in the next column */
	assert_int_equal(ed->mode, MODE_LINE);
	assert_int_equal(ed->col, 2);
	editor_feed(ed, "<Esc>");
	assert_int_equal(ed->mode, MODE_NORMAL);
	sbp_step *s = blueprint_step(ed->bp, "pay-the-bill");
	assert_non_null(s);
	assert_string_equal(s->text, "Pay the bill");
	assert_string_equal(s->id, "pay-the-bill");
	assert_string_equal(s->lane->id, "customer");
	assert_string_equal(s->column->id, "c2");
	assert_true(editor_modified(ed));
}

static void test_edit_text_with_enter(void **state)
{
	editor *ed = ED(state);
	editor_feed(ed, "j <Enter>");
	assert_int_equal(ed->mode, MODE_LINE);
	assert_string_equal(ed->line.text.data, "Arrive");
	editor_feed(ed, "<C-u> Walk <Space> in <Enter>");
	assert_string_equal(blueprint_step(ed->bp, "a")->text, "Walk in");
	/* Esc cancels a prompt and changes nothing */
	editor_feed(ed, "<Enter> xyz <Esc>");
	assert_string_equal(blueprint_step(ed->bp, "a")->text, "Walk in");
}

static void test_delete_undo_redo(void **state)
{
	editor *ed = ED(state);
	char *before = fixture_yaml_of(ed);
	editor_feed(ed, "j j d");
	assert_null(blueprint_step(ed->bp, "b"));
	assert_int_equal(ed->bp->flows.n, 0);
	editor_feed(ed, "u");
	assert_non_null(blueprint_step(ed->bp, "b"));
	char *after = fixture_yaml_of(ed);
	assert_string_equal(before, after);
	assert_false(editor_modified(ed));
	editor_feed(ed, "<C-r>");
	assert_null(blueprint_step(ed->bp, "b"));
	assert_true(editor_modified(ed));
	ed_result r = editor_feed(ed, "<C-r>");
	assert_int_equal(r.status, ED_ERROR);
	free(before);
	free(after);
}

static void test_move_step_hjkl(void **state)
{
	editor *ed = ED(state);
	editor_feed(ed, ":goto <Space> c <Enter>");
	assert_string_equal(sel_id(ed), "c");
	editor_feed(ed, "L");
	sbp_step *c = blueprint_step(ed->bp, "c");
	assert_string_equal(c->column->id, "c3");
	assert_string_equal(sel_id(ed), "c");
	editor_feed(ed, "J");
	assert_string_equal(c->lane->id, "backstage");
	editor_feed(ed, "K K");
	assert_string_equal(c->lane->id, "customer");
	editor_feed(ed, "H H");
	assert_string_equal(c->column->id, "c1");
	ed_result r = editor_feed(ed, "H");
	assert_int_equal(r.status, ED_ERROR);
	editor_feed(ed, "u u u u u u");
	assert_string_equal(c->column->id, "c2");
	assert_string_equal(c->lane->id, "onstage");
}

static void test_fail_and_wait_keys(void **state)
{
	editor *ed = ED(state);
	editor_feed(ed, ":goto <Space> c <Enter> f Key <Space> card <Space> fails <Enter> <Enter> <Enter>");
	sbp_step *c = blueprint_step(ed->bp, "c");
	assert_non_null(c->fail);
	assert_string_equal(c->fail->text, "Key card fails");
	editor_feed(ed, ":severity <Space> 4 <Enter> :recovery <Space> New <Space> card <Enter>");
	assert_int_equal(c->fail->severity, 4);
	assert_string_equal(c->fail->recovery, "New card");
	editor_feed(ed, "w Queue <Enter> <Enter> <Enter> :expected <Space> 3 <Enter> :tolerable <Space> 8 <Enter>");
	assert_non_null(c->wait);
	assert_true(c->wait->expected == 3 && c->wait->tolerable == 8);
	/* the fail prompt starts with the text; emptying it removes the point */
	editor_feed(ed, "f");
	assert_string_equal(ed->line.text.data, "Key card fails");
	editor_feed(ed, "<C-u> <Enter> <Enter> <Enter>");
	assert_null(c->fail);
	editor_feed(ed, "u");
	assert_int_equal(c->fail->severity, 4);
}

static void test_attach_clears_flag(void **state)
{
	editor *ed = ED(state);
	assert_int_equal(editor_summary(ed)->unstandardized, 2);
	editor_feed(ed, ":goto <Space> c <Enter> s");
	assert_int_equal(ed->mode, MODE_PICKER);
	editor_feed(ed, "kind <Enter>"); /* the filter leaves s2 "Be kind" */
	assert_int_equal(ed->mode, MODE_NORMAL);
	sbp_step *c = blueprint_step(ed->bp, "c");
	assert_int_equal(c->stds.n, 1);
	assert_string_equal(c->stds.items[0]->id, "s2");
	assert_false(step_is_flagged(c));
	assert_int_equal(editor_summary(ed)->unstandardized, 1);
	sbp_buf l, r;
	buf_init(&l);
	buf_init(&r);
	editor_status_line(ed, 120, &l, &r);
	assert_non_null(strstr(r.data, "1 flagged"));
	buf_free(&l);
	buf_free(&r);
	editor_feed(ed, "u");
	assert_int_equal(editor_summary(ed)->unstandardized, 2);
}

static void test_picker_new_standard(void **state)
{
	editor *ed = ED(state);
	size_t n = ed->bp->standards.n;
	editor_feed(ed, ":goto <Space> b2 <Enter> s Water <Space> within <Space> 2 <Space> min");
	assert_int_equal(ed->npicker, 0);
	editor_feed(ed, "<Enter> <Enter> <Enter>"); /* name, then kind and dimension */
	assert_int_equal(ed->bp->standards.n, n + 1);
	sbp_standard *s = blueprint_standard(ed->bp, "water-within-2-min");
	assert_non_null(s);
	assert_true(step_has_standard(blueprint_step(ed->bp, "b2"), s));
	editor_feed(ed, "u"); /* one undo removes both */
	assert_int_equal(ed->bp->standards.n, n);
}

static void test_connect_flow(void **state)
{
	editor *ed = ED(state);
	editor_feed(ed, ":goto <Space> c <Enter> c");
	assert_int_equal(ed->mode, MODE_CONNECT);
	editor_feed(ed, "j <Enter>");
	assert_int_equal(ed->mode, MODE_NORMAL);
	assert_int_equal(ed->bp->flows.n, 2);
	assert_string_equal(ed->bp->flows.items[1]->from->id, "c");
	assert_string_equal(ed->bp->flows.items[1]->to->id, "d");
	/* a connector in column c2 */
	assert_int_equal(ed->grid.col_conn[2] - ed->grid.col_conn[1], 1);
	/* Esc cancels */
	editor_feed(ed, "c k <Esc>");
	assert_int_equal(ed->bp->flows.n, 2);
	/* : types the target's id */
	editor_feed(ed, ":goto <Space> a <Enter> c :");
	assert_string_equal(ed->line.text.data, "flow a ");
	editor_feed(ed, "c <Enter>");
	assert_int_equal(ed->bp->flows.n, 3);
}

static void test_search(void **state)
{
	editor *ed = ED(state);
	editor_feed(ed, "/ key <Enter>");
	assert_string_equal(sel_id(ed), "d");
	editor_feed(ed, "/ GREET <Enter>");
	assert_string_equal(sel_id(ed), "b");
	editor_feed(ed, "/ b2 <Enter>");
	assert_string_equal(sel_id(ed), "b2");
	ed_result r = editor_feed(ed, "/ nowhere <Enter>");
	assert_int_equal(r.status, ED_ERROR);
	/* an empty search repeats the last one */
	editor_feed(ed, "/ e <Enter>");
	const char *first = sel_id(ed);
	char *keep = strdup(first);
	editor_feed(ed, "/ <Enter>");
	assert_string_not_equal(sel_id(ed), keep);
	free(keep);
}

static void test_next_flagged(void **state)
{
	editor *ed = ED(state);
	editor_feed(ed, "n");
	assert_string_equal(sel_id(ed), "b2");
	editor_feed(ed, "n");
	assert_string_equal(sel_id(ed), "c");
	editor_feed(ed, "n");
	assert_string_equal(sel_id(ed), "b2");
	editor_feed(ed, "N");
	assert_string_equal(sel_id(ed), "c");
}

static void test_inspector_edits(void **state)
{
	editor *ed = ED(state);
	editor_feed(ed, ":goto <Space> b <Enter> i");
	assert_int_equal(ed->mode, MODE_INSPECTOR);
	ed_panel p;
	assert_true(editor_panel(ed, &p));
	assert_true(p.count >= 16);
	/* rows: ... Notes is the 4th */
	editor_feed(ed, "j <Enter>");
	assert_int_equal(ed->mode, MODE_LINE);
	editor_feed(ed, "Likes <Space> tea <Enter>");
	assert_int_equal(ed->mode, MODE_INSPECTOR);
	sbp_step *b = blueprint_step(ed->bp, "b");
	assert_string_equal(step_notes(b), "Likes tea");
	/* the encounter row cycles */
	editor_feed(ed, "j j <Enter>");
	assert_int_equal(b->encounter, MARK_YES);
	/* the standard row: d detaches */
	editor_feed(ed, "G");
	size_t i;
	for (i = 0; i < p.count; i++) {
		sbp_buf t;
		ed_style st;
		buf_init(&t);
		editor_panel_item(ed, i, 80, &t, &st);
		bool is_std = strstr(t.data, "s1  Greet fast") != NULL;
		buf_free(&t);
		if (is_std)
			break;
	}
	assert_true(i < p.count);
	ed->inspector.sel = i;
	editor_feed(ed, "d");
	assert_int_equal(b->stds.n, 0);
	editor_feed(ed, "<Esc>");
	assert_int_equal(ed->mode, MODE_NORMAL);
}

static void test_inspector_follows_flow(void **state)
{
	editor *ed = ED(state);
	editor_feed(ed, ":goto <Space> a <Enter> i G <Enter>");
	assert_int_equal(ed->mode, MODE_NORMAL);
	assert_string_equal(sel_id(ed), "b");
}

static void test_catalog(void **state)
{
	editor *ed = ED(state);
	editor_feed(ed, "S");
	assert_int_equal(ed->mode, MODE_CATALOG);
	editor_feed(ed, "a Phone <Space> in <Space> 3 <Space> rings <Enter>");
	assert_int_equal(ed->mode, MODE_CATALOG);
	assert_non_null(blueprint_standard(ed->bp, "phone-in-3-rings"));
	/* edit the first standard's target through the form */
	editor_feed(ed, "g <Enter>");
	assert_int_equal(ed->mode, MODE_STDFORM);
	editor_feed(ed, "j <Enter>"); /* kind cycles */
	assert_int_equal(blueprint_standard(ed->bp, "s1")->kind, STD_SOFT);
	/* the fields follow the field table: name kind requirement source
	 * measure target ... goal better desired adequate actual */
	editor_feed(ed, "j j j j <Enter> <C-u> 20 <Space> s <Enter>");
	assert_string_equal(blueprint_standard(ed->bp, "s1")->target, "20 s");
	editor_feed(ed, "G <Enter> 80 <Enter> k k k k <Enter> 90 <Enter>");
	assert_true(blueprint_standard(ed->bp, "s1")->actual == 80);
	assert_true(blueprint_standard(ed->bp, "s1")->goal == 90);
	editor_feed(ed, "<Esc>");
	ed_style st;
	sbp_buf t;
	buf_init(&t);
	editor_panel_item(ed, 0, 100, &t, &st);
	assert_int_equal(st, STY_WARN); /* below goal */
	buf_free(&t);
	/* deleting a standard in use asks */
	editor_feed(ed, "g d");
	assert_int_equal(ed->mode, MODE_CONFIRM);
	editor_feed(ed, "n");
	assert_non_null(blueprint_standard(ed->bp, "s1"));
	editor_feed(ed, "d y");
	assert_null(blueprint_standard(ed->bp, "s1"));
	assert_int_equal(ed->mode, MODE_CATALOG);
	editor_feed(ed, "<Esc>");
	assert_int_equal(ed->mode, MODE_NORMAL);
	assert_int_equal(editor_summary(ed)->unstandardized, 3);
}

static void test_problems_jump(void **state)
{
	editor *ed = ED(state);
	editor_feed(ed, "p");
	assert_int_equal(ed->mode, MODE_PROBLEMS);
	assert_true(ed->diags.n >= 2);
	size_t i;
	for (i = 0; i < ed->diags.n; i++)
		if (ed->diags.items[i].step && !strcmp(ed->diags.items[i].step, "c"))
			break;
	assert_true(i < ed->diags.n);
	ed->problems.sel = i;
	editor_feed(ed, "<Enter>");
	assert_int_equal(ed->mode, MODE_NORMAL);
	assert_string_equal(sel_id(ed), "c");
}

static void test_help_lists_every_command(void **state)
{
	editor *ed = ED(state);
	editor_feed(ed, "?");
	assert_int_equal(ed->mode, MODE_HELP);
	ed_panel p;
	assert_true(editor_panel(ed, &p));
	size_t rows = 0;
	for (const ed_command *c = ed_commands; c->name; c++, rows++) {
		if (!c->keys && (c->flags & CMD_NOLINE)) { /* a prompt's command */
			rows--;
			continue;
		}
		sbp_buf t;
		ed_style st;
		buf_init(&t);
		editor_panel_item(ed, rows, 200, &t, &st);
		if (!(c->flags & CMD_NOLINE)) {
			char want[64];
			snprintf(want, sizeof want, ":%s", c->name);
			assert_non_null(strstr(t.data, want));
		}
		if (c->keys) {
			const char *k = c->keys;
			assert_memory_equal(t.data, k, strlen(k));
		}
		buf_free(&t);
	}
	assert_true(p.count >= rows);
	editor_feed(ed, "<Esc> <F1>");
	assert_int_equal(ed->mode, MODE_HELP);
	editor_feed(ed, "q");
	assert_int_equal(ed->mode, MODE_NORMAL);
}

static void test_key_table(void **state)
{
	(void)state;
	/* every key parses, and no key does two things */
	for (const ed_command *c = ed_commands; c->name; c++) {
		assert_non_null(c->help);
		if (!c->keys)
			continue;
		const char *p = c->keys;
		while (*p) {
			size_t n = strcspn(p, " ");
			ed_key k = editor_key_parse(p, n);
			assert_true(k != 0);
			assert_ptr_equal(editor_command_for_key(k), c);
			sbp_buf name;
			buf_init(&name);
			editor_key_name(k, &name);
			assert_int_equal(editor_key_parse(name.data, name.len), k);
			buf_free(&name);
			p += n;
			p += strspn(p, " ");
		}
	}
	assert_int_equal(editor_key_parse("<C-r>", 5), EK_CTRL('r'));
	assert_int_equal(editor_key_parse("<Space>", 7), ' ');
	assert_int_equal(editor_key_parse("中", 3), 0x4E2D);
	assert_int_equal(editor_key_parse("<Nope>", 6), 0);
}

static void test_unknown_key(void **state)
{
	editor *ed = ED(state);
	char *before = fixture_yaml_of(ed);
	ed_result r = editor_feed(ed, "Z");
	assert_int_equal(r.status, ED_ERROR);
	assert_true(ed->msg_error);
	char *after = fixture_yaml_of(ed);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

static void test_click_selects(void **state)
{
	editor *ed = ED(state);
	editor_resize(ed, 80, 24);
	/* body row 0 is the evidence lane; the rule, then customer at row 2 */
	size_t row = ed->grid.lane_top[2]; /* onstage */
	editor_click(ed, editor_label_w(ed) + 2, ED_HEAD_ROWS + (int)row + 1);
	assert_string_equal(sel_id(ed), "b2");
	editor_click(ed, editor_label_w(ed) + editor_col_w(ed) + 1, ED_HEAD_ROWS + (int)row);
	assert_string_equal(sel_id(ed), "c");
}

static void test_grid_geometry(void **state)
{
	editor *ed = ED(state);
	const ed_grid *g = &ed->grid;
	assert_int_equal(g->nlanes, 5);
	assert_int_equal(g->ncols, 3);
	assert_int_equal(g->lane_rows[2], 2); /* b and b2 stack */
	assert_int_equal(g->lane_top[0], 0);
	assert_int_equal(g->lane_top[1], 2); /* a rule between zones */
	assert_int_equal(g->lane_top[2], 4);
	assert_int_equal(g->height, 10);
	size_t lane, sub;
	assert_false(grid_row_lane(g, 1, &lane, &sub));
	assert_true(grid_row_lane(g, 5, &lane, &sub));
	assert_int_equal(lane, 2);
	assert_int_equal(sub, 1);
	/* one connector: a -> b in c1 */
	assert_int_equal(g->nconns, 1);
	assert_int_equal(g->conns[0].from_row, 2);
	assert_int_equal(g->conns[0].to_row, 4);
}

static void test_scrolls_large_blueprint(void **state)
{
	(void)state;
	sbp_buf y;
	buf_init(&y);
	buf_puts(&y, "sbp: 1\ncolumns:\n");
	for (int c = 0; c < 200; c++)
		buf_printf(&y, "  - {id: c%d, name: C%d}\n", c, c);
	buf_puts(&y, "steps:\n");
	for (int i = 0; i < 20000; i++)
		buf_printf(&y, "  - {id: s%d, lane: %s, column: c%d, text: Step %d}\n", i,
			   i % 2 ? "onstage" : "customer", i % 200, i);
	fixture *f = fixture_open(y.data);
	editor *ed = f->ed;
	editor_resize(ed, 80, 24);
	for (int i = 0; i < 150; i++)
		editor_feed(ed, "l");
	assert_int_equal(ed->col, 150);
	assert_true(ed->left + editor_visible_cols(ed) > 150 && ed->left <= 150);
	editor_feed(ed, "j j j j j j j j");
	assert_true(ed->grid.lane_top[ed->lane] + ed->idx >= ed->top);
	assert_true(ed->grid.lane_top[ed->lane] + ed->idx < ed->top + editor_body_rows(ed));
	assert_int_equal(editor_summary(ed)->steps, 20000);
	buf_free(&y);
	fixture_close(f);
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_navigation),
		T(test_add_step_with_key),
		T(test_edit_text_with_enter),
		T(test_delete_undo_redo),
		T(test_move_step_hjkl),
		T(test_fail_and_wait_keys),
		T(test_attach_clears_flag),
		T(test_picker_new_standard),
		T(test_connect_flow),
		T(test_search),
		T(test_next_flagged),
		T(test_inspector_edits),
		T(test_inspector_follows_flow),
		T(test_catalog),
		T(test_problems_jump),
		T(test_help_lists_every_command),
		cmocka_unit_test(test_key_table),
		T(test_unknown_key),
		T(test_click_selects),
		T(test_grid_geometry),
		cmocka_unit_test(test_scrolls_large_blueprint),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
