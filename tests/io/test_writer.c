/* Tests of the canonical writer: blueprints built with the model API and
 * saved as YAML compared with expected text, JSON output, and load-save
 * round trips that must give the same bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sbp/io.h"

/* The saved YAML of bp, as a string the caller frees. */
static char *save_text(const sbp_blueprint *bp)
{
	sbp_buf b;

	buf_init(&b);
	sbp_save_yaml(bp, &b);
	return buf_steal(&b);
}

/* Assert that bp saves as exactly want. */
static void assert_saves_as(const sbp_blueprint *bp, const char *want)
{
	char *got = save_text(bp);

	assert_string_equal(got, want);
	free(got);
}

/* A blueprint with one column c and one onstage lane l. */
static sbp_blueprint *small_blueprint(void)
{
	sbp_blueprint *bp = blueprint_new();

	assert_true(blueprint_insert_column(bp, (size_t)-1,
					    column_new("c", "C", NULL)));
	assert_true(blueprint_insert_lane(bp, (size_t)-1,
					  lane_new("l", "L", ZONE_ONSTAGE)));
	return bp;
}

/* Add a step s in lane l, column c, and return it. */
static sbp_step *add_step(sbp_blueprint *bp, const char *id, const char *text)
{
	sbp_step *s = step_new(id, blueprint_lane(bp, "l"),
			       blueprint_column(bp, "c"), text);

	assert_true(blueprint_insert_step(bp, (size_t)-1, s));
	return s;
}

/* An empty blueprint still writes columns and lanes. */
static void test_writer_empty(void **state)
{
	sbp_blueprint *bp = blueprint_new();

	(void)state;
	assert_saves_as(bp, "sbp: 1\ncolumns: []\nlanes: []\n");
	set_string(&bp->title, "yes");
	assert_saves_as(bp, "sbp: 1\ntitle: 'yes'\ncolumns: []\nlanes: []\n");
	blueprint_free(bp);
}

/* Every field, in canonical key order, with numbers 4 and 2.5. */
static void test_writer_full(void **state)
{
	sbp_blueprint *bp = blueprint_new();
	sbp_standard *std = standard_new("greet-30s", "Greet within 30 s",
					 STD_HARD);
	sbp_step *a, *b;

	(void)state;
	set_string(&bp->title, "Hotel");
	set_string(&bp->description, "Standard room, one night.");
	VEC_PUSH(bp->ignore, xstrdup("unused-standard"));
	blueprint_insert_column(bp, (size_t)-1,
				column_new("arrive", "Arrive", "Arrival"));
	blueprint_insert_lane(bp, (size_t)-1,
			      lane_new("guest", "Guest", ZONE_CUSTOMER));
	blueprint_insert_lane(bp, (size_t)-1,
			      lane_new("desk", "Front desk", ZONE_ONSTAGE));
	std->measure = xstrdup("seconds to greeting");
	std->target = xstrdup("95%");
	std->dimension = DIM_RESPONSIVENESS;
	std->feedback = xstrdup("camera audit");
	std->weight = 10;
	std->goal = 95;
	std->better = BETTER_HIGHER;
	std->actual = 91.5;
	blueprint_insert_standard(bp, (size_t)-1, std);
	a = step_new("arrive", blueprint_lane(bp, "guest"),
		     blueprint_column(bp, "arrive"), "Arrive at hotel");
	a->encounter = MARK_NO;
	a->duration = 4;
	blueprint_insert_step(bp, (size_t)-1, a);
	b = step_new("greet", blueprint_lane(bp, "desk"),
		     blueprint_column(bp, "arrive"), "Greet guest");
	step_more(b)->notes = xstrdup("Take the bags.");
	b->duration = 2.5;
	VEC_PUSH(b->stds, std);
	b->wait = wait_new("Queue");
	b->wait->expected = 3;
	b->wait->tolerable = 8;
	b->fail = fail_new("No greeting");
	b->fail->severity = 4;
	b->fail->recovery = xstrdup("Apologise");
	blueprint_insert_step(bp, (size_t)-1, b);
	blueprint_insert_flow(bp, (size_t)-1, flow_new(a, b, NULL));
	blueprint_insert_flow(bp, (size_t)-1, flow_new(b, a, "back"));
	assert_saves_as(bp,
		"sbp: 1\n"
		"title: Hotel\n"
		"description: Standard room, one night.\n"
		"ignore: [unused-standard]\n"
		"columns:\n"
		"  - {id: arrive, name: Arrive, phase: Arrival}\n"
		"lanes:\n"
		"  - {id: guest, name: Guest, zone: customer}\n"
		"  - {id: desk, name: Front desk, zone: onstage}\n"
		"standards:\n"
		"  - id: greet-30s\n"
		"    name: Greet within 30 s\n"
		"    kind: hard\n"
		"    measure: seconds to greeting\n"
		"    target: 95%\n"
		"    dimension: responsiveness\n"
		"    feedback: camera audit\n"
		"    weight: 10\n"
		"    goal: 95\n"
		"    better: higher\n"
		"    actual: 91.5\n"
		"steps:\n"
		"  - {id: arrive, lane: guest, column: arrive, text: Arrive at hotel, encounter: false, duration: 4}\n"
		"  - id: greet\n"
		"    lane: desk\n"
		"    column: arrive\n"
		"    text: Greet guest\n"
		"    notes: Take the bags.\n"
		"    duration: 2.5\n"
		"    standards: [greet-30s]\n"
		"    wait: {text: Queue, expected: 3, tolerable: 8}\n"
		"    fail: {text: No greeting, severity: 4, recovery: Apologise}\n"
		"flows:\n"
		"  - {from: arrive, to: greet}\n"
		"  - {from: greet, to: arrive, label: back}\n");
	blueprint_free(bp);
}

/* The saved step line for a text of n copies of unit. */
static char *step_with_text(const char *unit, size_t n)
{
	sbp_blueprint *bp = small_blueprint();
	sbp_buf text;
	char *out;

	buf_init(&text);
	for (size_t i = 0; i < n; i++)
		buf_puts(&text, unit);
	add_step(bp, "s1", text.data);
	out = save_text(bp);
	buf_free(&text);
	blueprint_free(bp);
	return out;
}

/* A flow line of 99 columns stays flow; 100 goes block. Wide characters
 * count as the two columns they take on screen, whatever their bytes. */
static void test_writer_boundary(void **state)
{
	static const char head[] =
		"sbp: 1\ncolumns:\n  - {id: c, name: C}\n"
		"lanes:\n  - {id: l, name: L, zone: onstage}\nsteps:\n";
	/* "  - {id: s1, lane: l, column: c, text: " is 39 columns, "}" 1 */
	const char *units[] = { "x", "中", "xx" };
	const int fits[] = { 59, 29, 29 };

	(void)state;
	for (size_t u = 0; u < 3; u++) {
		char *flow = step_with_text(units[u], fits[u]);
		char *block = step_with_text(units[u], fits[u] + 1);
		const char *line;

		assert_memory_equal(flow, head, sizeof head - 1);
		line = flow + sizeof head - 1;
		assert_true(strncmp(line, "  - {id: s1, lane: l, column: c, text: ", 39) == 0);
		assert_string_equal(line + 39 + (size_t)fits[u] * strlen(units[u]), "}\n");
		assert_memory_equal(block, head, sizeof head - 1);
		line = block + sizeof head - 1;
		assert_true(strncmp(line, "  - id: s1\n    lane: l\n    column: c\n"
				    "    text: ", 47) == 0);
		free(flow);
		free(block);
	}
}

/* Multi-line text keeps its step in block style, double-quoted. */
static void test_writer_multiline(void **state)
{
	sbp_blueprint *bp = small_blueprint();
	sbp_step *s = add_step(bp, "s1", "Line one\nLine \"two\"");

	(void)state;
	s->wait = wait_new("Wait\there");
	assert_saves_as(bp,
		"sbp: 1\n"
		"columns:\n  - {id: c, name: C}\n"
		"lanes:\n  - {id: l, name: L, zone: onstage}\n"
		"steps:\n"
		"  - id: s1\n"
		"    lane: l\n"
		"    column: c\n"
		"    text: \"Line one\\nLine \\\"two\\\"\"\n"
		"    wait: {text: \"Wait\\there\"}\n");
	blueprint_free(bp);
}

/* Unknown keys come back after the known ones, in stored order. */
static void test_writer_extras(void **state)
{
	sbp_blueprint *bp = small_blueprint();
	sbp_step *s = add_step(bp, "s1", "Do it");
	sbp_pos pos = { 0, 0 };
	sbp_node *meta = node_new(NODE_MAP, NULL);
	sbp_node *tags = node_new(NODE_SEQ, NULL);
	sbp_node *people = node_new(NODE_SEQ, NULL);
	sbp_node *ann = node_new(NODE_MAP, NULL);

	(void)state;
	extras_add(&step_more(s)->extras, "x-owner", node_str("Ann"), pos);
	node_push(tags, node_str("a"));
	node_push(tags, node_str("no"));
	node_set(meta, "tags", tags);
	node_set(meta, "perm", node_new(NODE_RAW, "0755"));
	node_set(meta, "none", node_new(NODE_NULL, NULL));
	node_set(meta, "ok", node_bool(true));
	extras_add(&bp->extras, "x-meta", meta, pos);
	node_set(ann, "name", node_str("Ann"));
	node_set(ann, "role: lead", node_str("ops"));
	node_push(people, ann);
	extras_add(&bp->extras, "x-people", people, pos);
	extras_add(&bp->extras, "x-empty", node_new(NODE_MAP, NULL), pos);
	assert_saves_as(bp,
		"sbp: 1\n"
		"columns:\n  - {id: c, name: C}\n"
		"lanes:\n  - {id: l, name: L, zone: onstage}\n"
		"steps:\n"
		"  - {id: s1, lane: l, column: c, text: Do it, x-owner: Ann}\n"
		"x-meta: {tags: [a, 'no'], perm: 0755, none: null, ok: true}\n"
		"x-people:\n"
		"  - {name: Ann, 'role: lead': ops}\n"
		"x-empty: {}\n");
	blueprint_free(bp);
}

/* yaml_emit on a generic tree: nested blocks, sequences of sequences. */
static void test_writer_tree(void **state)
{
	sbp_node *doc = node_new(NODE_MAP, NULL);
	sbp_node *m = node_new(NODE_SEQ, NULL);
	sbp_node *row = node_new(NODE_SEQ, NULL);
	sbp_node *deep = node_new(NODE_MAP, NULL);
	sbp_node *inner = node_new(NODE_MAP, NULL);
	sbp_node *times;
	sbp_buf out;
	char long_text[81];

	(void)state;
	memset(long_text, 'z', 80);
	long_text[80] = '\0';
	node_push(row, node_num(1));
	node_push(row, node_num(2));
	node_push(m, row);
	node_push(m, node_new(NODE_SEQ, NULL));
	node_set(doc, "m", m);
	node_set(inner, "a", node_str(long_text));
	node_set(inner, "b", node_str("short"));
	node_set(deep, "inner", inner);
	node_set(doc, "deep", deep);
	node_set(doc, "", node_str(""));
	times = node_new(NODE_SEQ, NULL);
	node_push(times, node_new(NODE_RAW, "12:30"));
	node_push(times, node_new(NODE_RAW, "1e3"));
	node_set(doc, "times", times);
	buf_init(&out);
	yaml_emit(doc, &out);
	assert_string_equal(out.data,
		"m:\n"
		"  - [1, 2]\n"
		"  - []\n"
		"deep:\n"
		"  inner:\n"
		"    a: zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"
		"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\n"
		"    b: short\n"
		"'': ''\n"
		"times:\n"
		"  - 12:30\n"
		"  - 1e3\n");
	buf_free(&out);
	node_free(doc);
}

/* JSON, compact and pretty, with typed raw scalars and escapes. */
static void test_writer_json(void **state)
{
	sbp_node *doc = node_new(NODE_MAP, NULL);
	sbp_node *seq = node_new(NODE_SEQ, NULL);
	sbp_buf out;

	(void)state;
	node_set(doc, "sbp", node_num(1));
	node_push(seq, node_num(2.5));
	node_push(seq, node_new(NODE_RAW, "0755"));
	node_push(seq, node_new(NODE_RAW, "1e3"));
	node_push(seq, node_new(NODE_RAW, "Yes"));
	node_push(seq, node_new(NODE_RAW, "~"));
	node_push(seq, node_new(NODE_NUM, "nan"));
	node_push(seq, node_bool(false));
	node_push(seq, node_new(NODE_NULL, NULL));
	node_set(doc, "v", seq);
	node_set(doc, "s", node_str("q\"b\\n\n\x01\x7f\xe2\x80\xa8\xe2\x80\xa9é中"));
	node_set(doc, "e", node_new(NODE_MAP, NULL));
	buf_init(&out);
	json_emit(doc, &out, false);
	assert_string_equal(out.data,
		"{\"sbp\":1,\"v\":[2.5,\"0755\",1e3,true,null,\"nan\",false,null],"
		"\"s\":\"q\\\"b\\\\n\\u000A\\u0001\\u007F\\u2028\\u2029é中\","
		"\"e\":{}}\n");
	buf_reset(&out);
	json_emit(doc, &out, true);
	assert_string_equal(out.data,
		"{\n"
		"  \"sbp\": 1,\n"
		"  \"v\": [\n"
		"    2.5,\n    \"0755\",\n    1e3,\n    true,\n    null,\n"
		"    \"nan\",\n    false,\n    null\n"
		"  ],\n"
		"  \"s\": \"q\\\"b\\\\n\\u000A\\u0001\\u007F\\u2028\\u2029é中\",\n"
		"  \"e\": {}\n"
		"}\n");
	buf_free(&out);
	node_free(doc);
}

/* Inputs for the round trips: hand-written, Chinese, extras. */
static const char *const round_trip_inputs[] = {
	"sbp: 1\n"
	"title: Overnight hotel stay   # a comment\n"
	"columns:\n"
	"  - id: arrive\n    name: \"Arrive\"\n    phase: 'Arrival'\n"
	"lanes:\n"
	"  - {id: customer, name: Customer actions, zone: customer}\n"
	"  - {id: desk, name: Front desk, zone: onstage}\n"
	"standards:\n"
	"  - {id: greet-30s, name: Greet, kind: hard, measure: s, goal: 95.0,"
	" better: higher, weight: 1e1}\n"
	"steps:\n"
	"  - {id: arrive, lane: customer, column: arrive, text: Arrive}\n"
	"  - id: greet\n    lane: desk\n    column: arrive\n"
	"    text: >\n      Greet guest\n      and take bags\n"
	"    standards: [greet-30s]\n    encounter: true\n"
	"    wait: {text: Queue, expected: 3, tolerable: 8}\n"
	"    fail: {text: 'Not found: none', severity: 4}\n"
	"flows:\n  - {from: arrive, to: greet, label: \"yes\"}\n",

	"sbp: 1\n"
	"title: 电信维修服务蓝图\n"
	"description: \"客户报修: 宽带中断\"\n"
	"columns: [{id: c1, name: 报修, phase: 报修阶段}]\n"
	"lanes: [{id: kh, name: 客户, zone: customer}]\n"
	"steps:\n"
	"  - id: s1\n    lane: kh\n    column: c1\n"
	"    text: 客户拨打客服热线报告宽带中断，客服记录故障信息并生成工单，"
	"同时告知客户预计上门时间与注意事项，并发送短信确认\n",

	"sbp: 1\n"
	"columns: []\n"
	"lanes:\n  - {id: l, name: L, zone: onstage, x-colour: red}\n"
	"x-perm: 0755\n"
	"x-flag: yes\n"
	"x-nested: {a: [1, two, {b: c}], \"d: e\": null, f: ~, g: \"no\"}\n"
	"x-deep:\n  - {k: v}\n  - [1, 2]\n  - - a\n    - b\n"
	"x-text: \"tab\\there\\nnext\"\n",
};

/* Load text, failing the test on any error. */
static sbp_blueprint *load_ok(const char *text)
{
	sbp_diags d;
	sbp_blueprint *bp;

	diags_init(&d);
	bp = sbp_load_buffer(text, strlen(text), NULL, &d);
	if (!bp)
		fail_msg("load failed: %s\n%s", d.n ? d.items[0].message : "?",
			 text);
	diags_free(&d);
	return bp;
}

/* load, save, load, save: same bytes and the same tree. */
static void test_writer_round_trip(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof round_trip_inputs / sizeof *round_trip_inputs;
	     i++) {
		sbp_blueprint *a = load_ok(round_trip_inputs[i]);
		char *first = save_text(a);
		sbp_blueprint *b = load_ok(first);
		char *second = save_text(b);
		sbp_node *ta = sbp_to_node(a), *tb = sbp_to_node(b);

		assert_string_equal(first, second);
		assert_true(node_equal(ta, tb));
		node_free(ta);
		node_free(tb);
		free(first);
		free(second);
		blueprint_free(a);
		blueprint_free(b);
	}
}

/* yaml_emit of the whole tree, as a string the caller frees. */
static char *tree_text(const sbp_blueprint *bp)
{
	sbp_node *doc = sbp_to_node(bp);
	sbp_buf b;

	buf_init(&b);
	yaml_emit(doc, &b);
	node_free(doc);
	return buf_steal(&b);
}

/* sbp_save_yaml writes one entry and one item at a time; that must give
 * what the whole tree gives, for every input and for an empty blueprint
 * (empty columns and lanes are still written, empty other lists not). */
static void test_writer_streamed_as_tree(void **state)
{
	sbp_blueprint *empty = blueprint_new();
	char *a = save_text(empty), *b = tree_text(empty);

	(void)state;
	assert_string_equal(a, b);
	assert_string_equal(a, "sbp: 1\ncolumns: []\nlanes: []\n");
	free(a);
	free(b);
	blueprint_free(empty);
	for (size_t i = 0; i < sizeof round_trip_inputs / sizeof *round_trip_inputs;
	     i++) {
		sbp_blueprint *bp = load_ok(round_trip_inputs[i]);
		a = save_text(bp);
		b = tree_text(bp);
		assert_string_equal(a, b);
		free(a);
		free(b);
		blueprint_free(bp);
	}
}

/* A file sbp wrote loads and saves as the very same bytes. */
static void test_writer_canonical_fixed_point(void **state)
{
	static const char text[] =
		"sbp: 1\n"
		"title: 'Test: extras'\n"
		"columns:\n  - {id: c, name: C}\n"
		"lanes:\n  - {id: l, name: L, zone: onstage, x-color: red}\n"
		"steps:\n"
		"  - id: s\n    lane: l\n    column: c\n"
		"    text: \"Line one\\nLine two\\n\"\n"
		"    x-deep:\n      - {k: v}\n      - [1, 2]\n      - [a, b]\n"
		"x-perm: 0755\n"
		"x-empty: null\n"
		"x-list: []\n"
		"x-nested:\n  a:\n    - 1\n    - two\n    - {b: c}\n"
		"  'd: e': null\n  g: 'yes'\n";
	sbp_blueprint *bp = load_ok(text);
	char *tree = tree_text(bp);

	(void)state;
	assert_saves_as(bp, text);
	assert_string_equal(tree, text);
	free(tree);
	blueprint_free(bp);
}

/* Keys past the implicit-key limit are written "? key" and read back. */
static void test_writer_long_key(void **state)
{
	sbp_blueprint *bp = small_blueprint();
	sbp_step *s = add_step(bp, "s1", "Do it");
	sbp_pos pos = { 0, 0 };
	sbp_node *val = node_new(NODE_MAP, NULL);
	char key[1502], *first, *second;
	sbp_blueprint *back;

	(void)state;
	memset(key, 'k', sizeof key - 1);
	key[0] = 'x';
	key[1] = '-';
	key[sizeof key - 1] = '\0';
	node_set(val, "a", node_num(1));
	extras_add(&bp->extras, key, val, pos);
	extras_add(&step_more(s)->extras, key, node_str("v"), pos);
	first = save_text(bp);
	assert_non_null(strstr(first, "\n? x-kkk"));
	assert_non_null(strstr(first, "kkk\n: {a: 1}\n"));
	assert_non_null(strstr(first, "\n    ? x-kkk"));
	assert_non_null(strstr(first, "kkk\n    : v\n"));
	back = load_ok(first);
	second = save_text(back);
	assert_string_equal(first, second);
	free(first);
	free(second);
	blueprint_free(back);
	blueprint_free(bp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_writer_empty),
		cmocka_unit_test(test_writer_full),
		cmocka_unit_test(test_writer_boundary),
		cmocka_unit_test(test_writer_multiline),
		cmocka_unit_test(test_writer_extras),
		cmocka_unit_test(test_writer_tree),
		cmocka_unit_test(test_writer_json),
		cmocka_unit_test(test_writer_round_trip),
		cmocka_unit_test(test_writer_streamed_as_tree),
		cmocka_unit_test(test_writer_canonical_fixed_point),
		cmocka_unit_test(test_writer_long_key),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
