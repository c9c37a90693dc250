/* Tests of src/team's engines without the program: the diff by identity,
 * the three-way merge (clean merges, order, conflicts, repairs), and the
 * CSV reader and importer (tables, grid, markers, ids, errors). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sbp/csv.h"
#include "sbp/import.h"
#include "sbp/io.h"
#include "sbp/team.h"

static const char base_yaml[] =
	"sbp: 1\n"
	"columns:\n  - {id: c1, name: One}\n  - {id: c2, name: Two}\n"
	"lanes:\n  - {id: cu, name: Customer, zone: customer}\n"
	"  - {id: desk, name: Desk, zone: onstage}\n  - {id: back, name: Back, zone: backstage}\n"
	"standards:\n  - {id: s1, name: Fast, kind: hard, measure: m, target: t}\n"
	"steps:\n"
	"  - {id: a, lane: cu, column: c1, text: Arrive}\n"
	"  - {id: b, lane: desk, column: c1, text: Greet}\n"
	"  - {id: c, lane: desk, column: c2, text: Serve}\n"
	"  - {id: d, lane: back, column: c2, text: Prepare}\n"
	"flows:\n  - {from: a, to: b}\n  - {from: b, to: c}\n  - {from: c, to: d}\n";

/* A blueprint from YAML text, which must load. */
static sbp_blueprint *load(const char *yaml)
{
	sbp_diags d;
	diags_init(&d);
	sbp_blueprint *bp = sbp_load_buffer(yaml, strlen(yaml), NULL, &d);
	if (!bp)
		for (size_t i = 0; i < d.n; i++)
			print_error("%d:%d %s\n", d.items[i].line, d.items[i].col, d.items[i].message);
	diags_free(&d);
	assert_non_null(bp);
	return bp;
}

/* base_yaml with one substitution applied (from must occur). */
static char *edit(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	assert_non_null(at);
	return xasprintf("%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
}

/* The document tree of YAML text. */
static sbp_node *doc_of(const char *yaml)
{
	sbp_blueprint *bp = load(yaml);
	sbp_node *n = sbp_to_node(bp);
	blueprint_free(bp);
	return n;
}

/* The change of op and kind about id, or NULL. */
static const team_change *find_change(const team_diff *d, team_op op, const char *kind,
				      const char *id, const char *field)
{
	for (size_t i = 0; i < d->n; i++) {
		const team_change *c = &d->items[i];
		if (c->op == op && !strcmp(c->kind, kind) && !strcmp(c->id, id) &&
		    (!field || (c->field && !strcmp(c->field, field))))
			return c;
	}
	return NULL;
}

/* Equal blueprints have no changes; a moved step is one move, not a
 * removal and an addition; twins of a flow are told apart. */
static void test_diff(void **state)
{
	(void)state;
	sbp_blueprint *a = load(base_yaml);
	team_diff d;
	team_diff_run(&d, a, a);
	assert_int_equal(d.n, 0);
	team_diff_free(&d);

	char *t1 = edit(base_yaml, "{id: c, lane: desk, column: c2, text: Serve}",
			"{id: c, lane: back, column: c1, text: Serve well}");
	char *t2 = edit(t1, "  - {from: c, to: d}\n", "  - {from: c, to: d}\n  - {from: c, to: d, label: again}\n");
	sbp_blueprint *b = load(t2);
	team_diff_run(&d, a, b);
	const team_change *m = find_change(&d, TEAM_MOVED, "step", "c", NULL);
	assert_non_null(m);
	assert_string_equal(node_get(m->old, "lane")->text, "desk");
	assert_string_equal(node_get(m->new_, "column")->text, "c1");
	const team_change *t = find_change(&d, TEAM_CHANGED, "step", "c", "text");
	assert_non_null(t);
	assert_string_equal(t->old->text, "Serve");
	assert_string_equal(t->new_->text, "Serve well");
	assert_non_null(find_change(&d, TEAM_ADDED, "flow", "c → d #2", NULL));
	assert_int_equal(d.n, 3);
	assert_int_equal(d.before.unstandardized, 2);
	assert_int_equal(d.after.unstandardized, 1);
	sbp_buf out;
	buf_init(&out);
	team_diff_summary(&d, &out);
	assert_string_equal(out.data, "coverage 0% → 0%, 1 fewer flagged");
	buf_free(&out);
	team_diff_free(&d);
	blueprint_free(b);
	blueprint_free(a);
	free(t1);
	free(t2);
}

/* Run a merge of three YAML texts. */
static void merge3(team_merge *m, const char *b, const char *o, const char *t)
{
	sbp_node *nb = doc_of(b), *no = doc_of(o), *nt = doc_of(t);
	team_merge_run(m, nb, no, nt);
	node_free(nb);
	node_free(no);
	node_free(nt);
}

/* The ids of the merged steps, space-separated. Caller frees. */
static char *step_ids(const sbp_node *doc)
{
	sbp_buf b;
	buf_init(&b);
	const sbp_node *steps = node_get(doc, "steps");
	for (size_t i = 0; i < steps->n; i++)
		buf_printf(&b, "%s%s", i ? " " : "", node_get(steps->items[i], "id")->text);
	return buf_steal(&b);
}

/* Different fields of one step, and different steps, merge cleanly;
 * THEIRS's new step lands after its neighbour; standards merge as sets. */
static void test_merge_clean(void **state)
{
	(void)state;
	char *o1 = edit(base_yaml, "text: Greet}", "text: Greet warmly}");
	char *o = edit(o1, "  - {id: d,", "  - {id: o, lane: cu, column: c2, text: Ours}\n  - {id: d,");
	char *t1 = edit(base_yaml, "{id: b, lane: desk, column: c1, text: Greet}",
			"{id: b, lane: desk, column: c1, text: Greet, duration: 2, standards: [s1]}");
	char *t = edit(t1, "  - {id: c, ", "  - {id: t, lane: cu, column: c2, text: Theirs}\n  - {id: c, ");
	team_merge m;
	merge3(&m, base_yaml, o, t);
	assert_int_equal(m.nconflicts, 0);
	char *ids = step_ids(m.doc);
	assert_string_equal(ids, "a b t c o d");
	const sbp_node *b = node_get(m.doc, "steps")->items[1];
	assert_string_equal(node_get(b, "text")->text, "Greet warmly");
	assert_string_equal(node_get(b, "duration")->text, "2");
	assert_int_equal(node_get(b, "standards")->n, 1);
	assert_null(node_get(m.doc, "x-conflicts"));
	free(ids);
	team_merge_free(&m);
	free(o1), free(o), free(t1), free(t);
}

/* One field changed both ways: OURS kept, the conflict recorded with all
 * three values; a step deleted by THEIRS and changed by OURS is kept; a
 * flow to a step THEIRS deleted is dropped and noted. */
static void test_merge_conflicts(void **state)
{
	(void)state;
	char *o1 = edit(base_yaml, "text: Greet}", "text: Greet (ours)}");
	char *o2 = edit(o1, "text: Prepare}", "text: Prepare (ours)}");
	char *o = edit(o2, "  - {from: c, to: d}\n", "  - {from: c, to: d}\n  - {from: a, to: c}\n");
	char *t1 = edit(base_yaml, "text: Greet}", "text: Greet (theirs)}");
	char *t2 = edit(t1, "  - {id: d, lane: back, column: c2, text: Prepare}\n", "");
	char *t3 = edit(t2, "  - {from: c, to: d}\n", "");
	char *t4 = edit(t3, "  - {id: c, lane: desk, column: c2, text: Serve}\n", "");
	char *t = edit(t4, "  - {from: b, to: c}\n", "");
	team_merge m;
	merge3(&m, base_yaml, o, t);
	assert_int_equal(m.nconflicts, 2);
	assert_string_equal(m.conflicts[0].kind, "step");
	assert_string_equal(m.conflicts[0].id, "b");
	assert_string_equal(m.conflicts[0].field, "text");
	assert_string_equal(m.conflicts[0].base->text, "Greet");
	assert_string_equal(m.conflicts[0].ours->text, "Greet (ours)");
	assert_string_equal(m.conflicts[0].theirs->text, "Greet (theirs)");
	assert_string_equal(m.conflicts[1].id, "d");
	assert_string_equal(m.conflicts[1].field, "*");
	assert_null(m.conflicts[1].theirs);
	char *ids = step_ids(m.doc);
	assert_string_equal(ids, "a b d");
	const sbp_node *flows = node_get(m.doc, "flows");
	assert_int_equal(flows->n, 1); /* a → b; a → c and b → c dropped */
	assert_int_equal(m.nnotes, 1);
	assert_non_null(strstr(m.notes[0], "a → c"));
	const sbp_node *xc = node_get(m.doc, "x-conflicts");
	assert_non_null(xc);
	assert_int_equal(xc->n, 2);
	assert_string_equal(node_get(xc->items[0], "theirs")->text, "Greet (theirs)");
	free(ids);
	team_merge_free(&m);
	free(o1), free(o2), free(o), free(t1), free(t2), free(t3), free(t4), free(t);
}

/* Both sides add the same id differently: a conflict, OURS kept. */
static void test_merge_both_added(void **state)
{
	(void)state;
	char *o = edit(base_yaml, "flows:", "  - {id: n, lane: cu, column: c1, text: Mine}\nflows:");
	char *t = edit(base_yaml, "flows:", "  - {id: n, lane: cu, column: c1, text: Yours, notes: x}\nflows:");
	team_merge m;
	merge3(&m, base_yaml, o, t);
	assert_int_equal(m.nconflicts, 2); /* text, notes */
	const sbp_node *steps = node_get(m.doc, "steps");
	assert_string_equal(node_get(steps->items[4], "text")->text, "Mine");
	assert_null(node_get(steps->items[4], "notes"));
	team_merge_free(&m);
	free(o), free(t);
}

/* A step THEIRS moved into a lane OURS deleted keeps the lane. */
static void test_merge_keeps_used_lane(void **state)
{
	(void)state;
	char *o1 = edit(base_yaml, "  - {id: back, name: Back, zone: backstage}\n", "");
	char *o2 = edit(o1, "  - {id: d, lane: back, column: c2, text: Prepare}\n", "");
	char *o = edit(o2, "  - {from: c, to: d}\n", "");
	char *t = edit(base_yaml, "{id: c, lane: desk,", "{id: c, lane: back,");
	team_merge m;
	merge3(&m, base_yaml, o, t);
	const sbp_node *lanes = node_get(m.doc, "lanes");
	assert_int_equal(lanes->n, 3);
	assert_string_equal(node_get(lanes->items[2], "id")->text, "back");
	assert_true(m.nconflicts >= 1);
	team_merge_free(&m);
	free(o1), free(o2), free(o), free(t);
}

/* BOM, CRLF, semicolons, quotes with separators, doubled quotes and
 * newlines; the line each row starts on; a stray quote's place. */
static void test_csv_read(void **state)
{
	(void)state;
	const char *s = "\xEF\xBB\xBF" "a;b\r\n\"x;1\";\"two\r\nlines \"\"q\"\"\"\r\n\r\nc;d\r\n";
	csv_table t;
	int line, col;
	char err[200];
	assert_true(csv_read(s, strlen(s), 0, &t, &line, &col, err, sizeof err));
	assert_int_equal(t.sep, ';');
	assert_int_equal(t.n, 3);
	assert_string_equal(t.rows[1].fields[0], "x;1");
	assert_string_equal(t.rows[1].fields[1], "two\r\nlines \"q\"");
	assert_int_equal(t.rows[2].line, 5);
	assert_string_equal(csv_field(&t.rows[2], 7), "");
	csv_table_free(&t);
	const char *bad = "a,b\n1,2\n3,x\"y\"\n";
	assert_false(csv_read(bad, strlen(bad), 0, &t, &line, &col, err, sizeof err));
	assert_int_equal(line, 3);
	assert_int_equal(col, 2);
	csv_table_free(&t);
	const char *tab = "a\tb,c\td\n";
	assert_true(csv_read(tab, strlen(tab), 0, &t, &line, &col, err, sizeof err));
	assert_int_equal(t.sep, '\t');
	assert_string_equal(t.rows[0].fields[1], "b,c");
	csv_table_free(&t);
}

/* Ids from text: words, cut at a word boundary; none for non-Latin. */
static void test_slug(void **state)
{
	(void)state;
	char *s = import_slug("Greet the guest, take bags!", 24);
	assert_string_equal(s, "greet-the-guest-take");
	free(s);
	s = import_slug("Check the reservation and the payment card", 20);
	assert_string_equal(s, "check-the");
	free(s);
	s = import_slug("Guest's bags", 24);
	assert_string_equal(s, "guest-s-bags");
	free(s);
	s = import_slug("Supercalifragilisticexpialidocious", 24);
	assert_string_equal(s, "supercalifragilisticexpi");
	free(s);
	assert_null(import_slug("办理入住", 32));
	sbp_zone z;
	assert_true(import_zone_from_name(" 后台接触员工行为 ", &z));
	assert_int_equal(z, ZONE_BACKSTAGE);
	assert_true(import_zone_from_name("Customer Actions", &z));
	assert_int_equal(z, ZONE_CUSTOMER);
	assert_false(import_zone_from_name("Hotline", &z));
}

/* Import one CSV text. */
static sbp_node *import1(const char *text, import_error *err)
{
	import_file f = {"grid.csv", text, strlen(text)};
	return import_csv(&f, 1, err);
}

/* A grid: phases repeat over blanks, the zone column, markers, ids. */
static void test_grid(void **state)
{
	(void)state;
	const char *g = ",,Arrival,,Stay\n"
			"Lane,Zone,Arrive,Check in,Room\n"
			"Guest,customer,Arrive (W),\"Queue\nF: Wait too long\",\n"
			"热线,onstage,问候,办理,\n"
			"Systems,support,,PMS,\n";
	import_error err;
	sbp_node *doc = import1(g, &err);
	assert_non_null(doc);
	const sbp_node *cols = node_get(doc, "columns");
	assert_int_equal(cols->n, 3);
	assert_string_equal(node_get(cols->items[1], "phase")->text, "Arrival");
	assert_string_equal(node_get(cols->items[2], "phase")->text, "Stay");
	assert_string_equal(node_get(cols->items[1], "id")->text, "check-in");
	const sbp_node *steps = node_get(doc, "steps");
	assert_int_equal(steps->n, 6);
	assert_string_equal(node_get(steps->items[0], "text")->text, "Arrive");
	assert_non_null(node_get(steps->items[0], "wait"));
	assert_string_equal(node_get(steps->items[2], "text")->text, "Wait too long");
	assert_non_null(node_get(steps->items[2], "fail"));
	assert_string_equal(node_get(steps->items[4], "id")->text, "onstage-2");
	assert_string_equal(node_get(node_get(doc, "lanes")->items[1], "id")->text, "onstage");
	node_free(doc);

	/* No zone anywhere: the error names the lane and its row. */
	doc = import1("Lane,A\nGuest,x\nHotline,y\n", &err);
	assert_null(doc);
	assert_int_equal(err.line, 2);
	assert_non_null(strstr(err.msg, "Guest"));
	/* Zones from lane names, Chinese and English. */
	doc = import1("泳道,A\n顾客行为,x\nSupport processes,y\n", &err);
	assert_non_null(doc);
	node_free(doc);
}

/* The steps table read by header names in any order. */
static void test_tables(void **state)
{
	(void)state;
	const char *t = "text,id,zone,lane,column,encounter,standards,fail,fail_severity\r\n"
			"Hello,h,customer,cu,c1,yes,s1,Oops,3\r\n";
	import_error err;
	sbp_node *doc = import1(t, &err);
	assert_non_null(doc);
	const sbp_node *s = node_get(doc, "steps")->items[0];
	assert_string_equal(node_get(s, "encounter")->text, "true");
	assert_string_equal(node_get(node_get(s, "fail"), "severity")->text, "3");
	assert_string_equal(node_get(node_get(doc, "standards")->items[0], "id")->text, "s1");
	node_free(doc);
	doc = import1("id,lane,zone,column,text,duration\nh,cu,customer,c1,x,soon\n", &err);
	assert_null(doc);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.col, 6);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_diff),
		cmocka_unit_test(test_merge_clean),
		cmocka_unit_test(test_merge_conflicts),
		cmocka_unit_test(test_merge_both_added),
		cmocka_unit_test(test_merge_keeps_used_lane),
		cmocka_unit_test(test_csv_read),
		cmocka_unit_test(test_slug),
		cmocka_unit_test(test_grid),
		cmocka_unit_test(test_tables),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
