/* The loader: every rule and error path with its line and column, the
 * values it builds, and its limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sbp/io.h"

#define HEAD "sbp: 1\ncolumns:\n  - {id: c, name: C}\n"

struct bad_case {
	const char *yaml;
	const char *rule;
	int line, col;
	const char *needle; /* a word the message must hold */
};

static const struct bad_case bad[] = {
	{"sbp: 1\ntitle: [a\n", "syntax", 3, 1, "flow sequence"},
	{"sbp: 1\ntitle: 'x\n", "syntax", 3, 1, "quoted"},
	{"sbp: 1\n  bad: indent\n", "syntax", 2, 6, "mapping"},
	{"sbp: 1\ntitle: &a x\n", "syntax", 2, 8, "anchors"},
	{"sbp: 1\nx-a: [1]\nx-b: *a\n", "syntax", 3, 6, "aliases"},
	{"sbp: 1\ntitle: !str x\n", "syntax", 2, 8, "tags"},
	{"sbp: 1\n? {a: 1}\n: x\n", "syntax", 2, 3, "keys must be"},
	{"sbp: 1\nsbp: 1\n", "syntax", 2, 1, "duplicate key"},
	{HEAD "steps:\n  - {id: a, id: b, lane: customer, column: c}\n", "syntax", 5, 13, "duplicate key"},
	{"sbp: 1\ntitle: \"a\\tb\\u0007\"\n", "syntax", 2, 8, "U+0007"},
	{"sbp: 1\ntitle: \"\\x7f\"\n", "syntax", 2, 8, "U+007F"},
	{"sbp: 1\ntitle: \"\\u202e ok \\r\"\n", "syntax", 2, 8, "U+000D"},
	{"sbp: 1\ntitle: a\n...\n---\nsbp: 1\n", "syntax", 4, 1, "one blueprint"},
	{"sbp: 1\ntitle: \xc3\x28\n", "syntax", 2, 9, "UTF-8"},
	{"sbp: 1\ntitle: \xed\xa0\x80\n", "syntax", 2, 8, "ED A0 80"},
	{"sbp: 1\ntitle: \"a\xed\xbf\xbf\"\n", "syntax", 2, 10, "ED BF BF"},
	{"\xef\xbb\xbfsbp: 7\n", "version", 1, 6, "version 7"},
	{"\xef\xbb\xbfsbp: 1\r\ntitle: [x\r\n", "syntax", 3, 1, "flow sequence"},
	{"\xef\xbb\xbfsbp: 1\ntitle: \xed\xa0\x80\n", "syntax", 2, 8, "ED A0 80"},
	{"sbp: 1\nstandards:\n  - {id: s, name: S, kind: hard, goal: 1e999}\n", "schema", 3, 40, "number"},
	{"sbp: 1\nx: \t- tab\n", "syntax", 2, 5, "block sequence"},
	{"sbp: 1\nsteps:\n\t- x\n", "syntax", 3, 1, "tab"},
	{"title: x\n", "version", 1, 1, "sbp: 1"},
	{"sbp: 7\n", "version", 1, 6, "version 7"},
	{"sbp: 1.5\n", "version", 1, 6, "format version"},
	{"sbp: '1'\n", "version", 1, 6, "format version"},
	{"sbp: 0\n", "version", 1, 6, "format version"},
	{"", "schema", 1, 1, "empty"},
	{"# only a comment\n", "schema", 2, 1, "empty"},
	{"just text\n", "schema", 1, 1, "mapping"},
	{"sbp: 1\ncolumns: {id: c}\n", "schema", 2, 10, "list"},
	{"sbp: 1\ncolumns:\n  - {name: C}\n", "schema", 3, 5, "'id'"},
	{"sbp: 1\ncolumns:\n  - {id: c}\n", "schema", 3, 5, "'name'"},
	{"sbp: 1\ncolumns:\n  - {id: c, name: [x]}\n", "schema", 3, 19, "text"},
	{"sbp: 1\nlanes:\n  - {id: l, name: L}\n", "schema", 3, 5, "'zone'"},
	{"sbp: 1\nlanes:\n  - {id: l, name: L, zone: lobby}\n", "schema", 3, 28, "lobby"},
	{"sbp: 1\nstandards:\n  - {id: s, kind: hard}\n", "schema", 3, 5, "'name'"},
	{"sbp: 1\nstandards:\n  - {id: s, name: S}\n", "schema", 3, 5, "'kind'"},
	{"sbp: 1\nstandards:\n  - {id: s, name: S, kind: hard, dimension: speed}\n", "schema", 3, 45, "speed"},
	{"sbp: 1\nstandards:\n  - {id: s, name: S, kind: hard, better: more}\n", "schema", 3, 42, "more"},
	{"sbp: 1\nstandards:\n  - {id: s, name: S, kind: hard, weight: heavy}\n", "schema", 3, 42, "number"},
	{"sbp: 1\nstandards:\n  - {id: s, name: S, kind: hard, goal: .inf}\n", "schema", 3, 40, "number"},
	{HEAD "steps:\n  - {lane: customer, column: c}\n", "schema", 5, 5, "'id'"},
	{HEAD "steps:\n  - {id: a, lane: customer}\n", "schema", 5, 5, "'column'"},
	{HEAD "steps:\n  - {id: a b, lane: customer, column: c}\n", "schema", 5, 10, "valid id"},
	{HEAD "steps:\n  - {id: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, lane: customer, column: c}\n", "schema", 5, 10, "valid id"},
	{HEAD "steps:\n  - {id: a, lane: customer, column: c, encounter: yes}\n", "schema", 5, 51, "true or false"},
	{HEAD "steps:\n  - {id: a, lane: customer, column: c, duration: soon}\n", "schema", 5, 50, "number"},
	{HEAD "steps:\n  - {id: a, lane: customer, column: c, standards: s}\n", "schema", 5, 51, "list"},
	{HEAD "steps:\n  - {id: a, lane: customer, column: c, fail: broken}\n", "schema", 5, 46, "mapping"},
	{HEAD "steps:\n  - {id: a, lane: customer, column: c, fail: {severity: 2}}\n", "schema", 5, 46, "'text'"},
	{HEAD "steps:\n  - {id: a, lane: customer, column: c, fail: {text: x, severity: 2.5}}\n", "schema", 5, 66, "1 to 5"},
	{HEAD "steps:\n  - {id: a, lane: customer, column: c, fail: {text: x, severity: 322222222222}}\n", "schema", 5, 66, "1 to 5"},
	{HEAD "steps:\n  - {id: a, lane: customer, column: c, wait: {expected: 3}}\n", "schema", 5, 46, "'text'"},
	{HEAD "steps:\n  - {id: a, lane: customer, column: c, wait: {text: q, tolerable: -1}}\n", "schema", 5, 67, "negative"},
	{"sbp: 1\nflows:\n  - {to: a}\n", "schema", 3, 5, "'from'"},
	{"sbp: 1\nignore: unstandardized-encounter\n", "schema", 2, 9, "list"},
	{"sbp: 1\nignore: [{r: 1}]\n", "schema", 2, 10, "text"},
	{"sbp: 1\n1: x\n", "syntax", 2, 1, "not text"},
	{"sbp: 1\ntrue: x\n", "syntax", 2, 1, "not text"},
	{"sbp: 1\n~: x\n", "syntax", 2, 1, "not text"},
	{"sbp: 1\nstandards:\n  - {id: s, name: S, kind: }\n", "schema", 3, 5, "'kind'"},
	{"sbp: 1\ncolumns:\n  - {id: c, name: ~}\n", "schema", 3, 5, "'name'"},
	{"sbp: 1\rtitle: x\rdescription: ab\xff\r", "syntax", 3, 16, "UTF-8"},
	{"sbp: 1\ntitle: 中文中文\nsteps:\n\t- x\n", "syntax", 4, 1, "tab"},
	{HEAD "steps:\n  - {id: a, lane: customer, column: c, standards: [s, s]}\nstandards:\n  - {id: s, name: S, kind: soft}\n", "schema", 5, 55, "twice"},
	{"sbp: 1\ncolumns:\n  - {id: c, name: C}\n  - {id: c, name: D}\n", "duplicate-id", 4, 10, "line 3"},
	{"sbp: 1\nlanes:\n  - {id: l, name: L, zone: customer}\n  - {id: l, name: M, zone: onstage}\n", "duplicate-id", 4, 10, "'l'"},
	{"sbp: 1\nstandards:\n  - {id: s, name: S, kind: soft}\n  - {id: s, name: T, kind: hard}\n", "duplicate-id", 4, 10, "'s'"},
	{HEAD "steps:\n  - {id: a, lane: customer, column: c}\n  - {id: a, lane: onstage, column: c}\n", "duplicate-id", 6, 10, "'a'"},
	{HEAD "steps:\n  - {id: a, lane: desk, column: c}\n", "unknown-reference", 5, 19, "'desk'"},
	{HEAD "steps:\n  - {id: a, lane: customer, column: d}\n", "unknown-reference", 5, 37, "'d'"},
	{HEAD "steps:\n  - {id: a, lane: customer, column: c, standards: [nope]}\n", "unknown-reference", 5, 52, "'nope'"},
	{HEAD "steps:\n  - {id: a, lane: customer, column: c}\nflows:\n  - {from: zz, to: a}\n", "unknown-reference", 7, 12, "'zz'"},
	{HEAD "lanes: []\nsteps:\n  - {id: a, lane: customer, column: c}\n", "unknown-reference", 6, 19, "'customer'"},
};

/* Load yaml: it must not load, and one of its errors must be the expected
 * one (rule, position, a word of the message). */
static int n_bad_failed;
static void expect_error(const struct bad_case *bc)
{
	sbp_diags d;
	diags_init(&d);
	sbp_blueprint *bp = sbp_load_buffer(bc->yaml, strlen(bc->yaml), NULL, &d);
	if (bp)
		fail_msg("loaded although it should fail: %s", bc->yaml);
	diags_sort(&d);
	const sbp_diag *e = NULL;
	for (size_t i = 0; i < d.n && !e; i++) {
		const sbp_diag *x = &d.items[i];
		if (x->severity == SBP_ERROR && !strcmp(x->rule ? x->rule : "", bc->rule) &&
		    x->line == bc->line && x->col == bc->col && strstr(x->message, bc->needle))
			e = x;
	}
	if (!e)
		print_error("for %s\nexpected %s at %d:%d with '%s'\n  first: %s at %d:%d: %s", bc->yaml,
			 bc->rule, bc->line, bc->col, bc->needle, d.n ? d.items[0].rule : "-",
			 d.n ? d.items[0].line : 0, d.n ? d.items[0].col : 0,
			 d.n ? d.items[0].message : "(none)");
	if (!e)
		n_bad_failed++;
	diags_free(&d);
}

static void test_bad_inputs(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		expect_error(&bad[i]);
	assert_int_equal(n_bad_failed, 0);
}

static sbp_blueprint *load_ok(const char *yaml, sbp_diags *d)
{
	diags_init(d);
	sbp_blueprint *bp = sbp_load_buffer(yaml, strlen(yaml), NULL, d);
	if (!bp) {
		diags_sort(d);
		fail_msg("did not load: %s", d->n ? d->items[0].message : "?");
	}
	return bp;
}

static void test_full_example(void **state)
{
	(void)state;
	const char *y =
		"sbp: 1\n"
		"title: Overnight hotel stay\n"
		"description: \"Two\\nlines\"\n"
		"ignore: [unused-standard]\n"
		"columns:\n"
		"  - {id: arrive, name: Arrive, phase: Arrival}\n"
		"  - {id: checkin, name: Check in}\n"
		"lanes:\n"
		"  - {id: evidence, name: Physical evidence, zone: evidence}\n"
		"  - {id: customer, name: Customer actions, zone: customer}\n"
		"  - {id: desk, name: Front desk, zone: onstage, x-colour: blue}\n"
		"standards:\n"
		"  - id: greet-30s\n"
		"    name: Greet within 30 seconds\n"
		"    kind: hard\n"
		"    measure: seconds\n"
		"    target: 95% within 30 s\n"
		"    dimension: responsiveness\n"
		"    feedback: camera audit\n"
		"    weight: 10\n"
		"    goal: 95\n"
		"    better: higher\n"
		"    actual: 91.5\n"
		"steps:\n"
		"  - {id: arrive, lane: customer, column: arrive, text: 到达酒店, encounter: false}\n"
		"  - id: greet\n"
		"    lane: desk\n"
		"    column: arrive\n"
		"    text: Greet guest\n"
		"    notes: ~\n"
		"    duration: 2.5\n"
		"    standards: [greet-30s]\n"
		"    wait: {text: Queue, expected: 3, tolerable: 8}\n"
		"    fail: {text: Not found, severity: 4, recovery: Upgrade, x-owner: ops}\n"
		"    future-key: {nested: [1, two, {three: 3}]}\n"
		"flows:\n"
		"  - {from: arrive, to: greet, label: walks up}\n"
		"x-persona: Business traveller\n";
	sbp_diags d;
	sbp_blueprint *bp = load_ok(y, &d);
	assert_string_equal(bp->title, "Overnight hotel stay");
	assert_string_equal(bp->description, "Two\nlines");
	assert_int_equal(bp->ignore.n, 1);
	assert_int_equal(bp->columns.n, 2);
	assert_string_equal(bp->columns.items[0]->phase, "Arrival");
	assert_null(bp->columns.items[1]->phase);
	assert_int_equal(bp->lanes.n, 3);
	assert_int_equal(bp->lanes.items[2]->zone, ZONE_ONSTAGE);
	assert_int_equal(bp->lanes.items[2]->extras.n, 1);
	sbp_standard *s = blueprint_standard(bp, "greet-30s");
	assert_non_null(s);
	assert_int_equal(s->kind, STD_HARD);
	assert_int_equal(s->dimension, DIM_RESPONSIVENESS);
	assert_int_equal(s->better, BETTER_HIGHER);
	assert_true(s->weight == 10 && s->goal == 95 && s->actual == 91.5);
	assert_int_equal(s->pos.line, 13);
	assert_int_equal(s->pos.col, 5);
	sbp_step *a = blueprint_step(bp, "arrive"), *g = blueprint_step(bp, "greet");
	assert_string_equal(a->text, "到达酒店");
	assert_int_equal(a->encounter, MARK_NO);
	assert_false(step_is_encounter(a));
	assert_true(step_is_encounter(g));
	assert_ptr_equal(g->lane, blueprint_lane(bp, "desk"));
	assert_ptr_equal(g->column, bp->columns.items[0]);
	assert_null(step_notes(g));
	assert_true(g->duration == 2.5);
	assert_int_equal(g->stds.n, 1);
	assert_ptr_equal(g->stds.items[0], s);
	assert_non_null(g->wait);
	assert_true(g->wait->expected == 3 && g->wait->tolerable == 8);
	assert_int_equal(g->fail->severity, 4);
	assert_string_equal(g->fail->recovery, "Upgrade");
	assert_int_equal(g->fail->extras.n, 1);
	assert_int_equal(step_extras(g)->n, 1);
	assert_string_equal(step_extras(g)->items[0].key, "future-key");
	assert_int_equal(step_extras(g)->items[0].pos.line, 35);
	assert_int_equal(step_extras(g)->items[0].value->kind, NODE_MAP);
	assert_int_equal(bp->flows.n, 1);
	assert_ptr_equal(bp->flows.items[0]->from, a);
	assert_ptr_equal(bp->flows.items[0]->to, g);
	assert_string_equal(bp->flows.items[0]->label, "walks up");
	assert_int_equal(bp->extras.n, 1);
	assert_int_equal(d.n, 0);
	blueprint_free(bp);
	diags_free(&d);
}

static void test_default_lanes(void **state)
{
	(void)state;
	sbp_diags d;
	sbp_blueprint *bp = load_ok(HEAD "steps:\n  - {id: a, lane: support, column: c}\n", &d);
	assert_int_equal(bp->lanes.n, 5);
	const char *names[] = {"Physical evidence", "Customer actions", "Onstage contact actions",
			       "Backstage contact actions", "Support processes"};
	for (int z = 0; z < 5; z++) {
		assert_string_equal(bp->lanes.items[z]->id, zone_id((sbp_zone)z));
		assert_string_equal(bp->lanes.items[z]->name, names[z]);
		assert_int_equal(bp->lanes.items[z]->zone, z);
	}
	assert_string_equal(blueprint_step(bp, "a")->text, "");
	blueprint_free(bp);
	diags_free(&d);
}

static void test_sections_in_any_order(void **state)
{
	(void)state;
	sbp_diags d;
	sbp_blueprint *bp = load_ok("flows:\n  - {from: a, to: b}\n"
				    "steps:\n  - {id: a, lane: l, column: c, standards: [s]}\n"
				    "  - {id: b, lane: l, column: c}\n"
				    "standards:\n  - {id: s, name: S, kind: soft}\n"
				    "lanes:\n  - {id: l, name: L, zone: onstage}\n"
				    "columns:\n  - {id: c, name: C}\n"
				    "sbp: 1\n", &d);
	assert_int_equal(bp->flows.n, 1);
	assert_ptr_equal(bp->flows.items[0]->to, blueprint_step(bp, "b"));
	assert_int_equal(blueprint_step(bp, "a")->stds.n, 1);
	blueprint_free(bp);
	diags_free(&d);
}

static void test_allowed_text(void **state)
{
	(void)state;
	sbp_diags d;
	/* tab, newline, bidi marks, emoji and combining marks are text */
	sbp_blueprint *bp = load_ok("sbp: 1\ntitle: \"a\\tb\\nc \\u202Eevil\\u202C 😀 e\\u0301\"\n", &d);
	assert_string_equal(bp->title, "a\tb\nc \xE2\x80\xAE" "evil\xE2\x80\xAC \xF0\x9F\x98\x80 e\xCC\x81");
	blueprint_free(bp);
	diags_free(&d);
}

static void test_limits(void **state)
{
	(void)state;
	sbp_limits lim;
	sbp_diags d;
	sbp_limits_default(&lim);
	assert_int_equal(lim.max_depth, 64);

	/* scalar length */
	lim.max_scalar = 100;
	sbp_buf b;
	buf_init(&b);
	buf_puts(&b, "sbp: 1\ntitle: ");
	for (int i = 0; i < 200; i++)
		buf_putc(&b, 'x');
	buf_putc(&b, '\n');
	diags_init(&d);
	assert_null(sbp_load_buffer(b.data, b.len, &lim, &d));
	assert_string_equal(d.items[0].rule, "limit");
	assert_non_null(strstr(d.items[0].message, "100 bytes"));
	diags_free(&d);

	/* file size */
	sbp_limits_default(&lim);
	lim.max_file_size = 50;
	diags_init(&d);
	assert_null(sbp_load_buffer(b.data, b.len, &lim, &d));
	assert_string_equal(d.items[0].rule, "limit");
	diags_free(&d);

	/* number of steps */
	sbp_limits_default(&lim);
	lim.max_steps = 3;
	buf_reset(&b);
	buf_puts(&b, HEAD "steps:\n");
	for (int i = 0; i < 5; i++)
		buf_printf(&b, "  - {id: s%d, lane: customer, column: c}\n", i);
	diags_init(&d);
	assert_null(sbp_load_buffer(b.data, b.len, &lim, &d));
	assert_string_equal(d.items[d.n - 1].rule, "limit");
	assert_int_equal(d.items[d.n - 1].line, 8);
	diags_free(&d);

	/* depth: exactly at the limit loads, one more is refused */
	sbp_limits_default(&lim);
	lim.max_depth = 10;
	buf_reset(&b);
	buf_puts(&b, "sbp: 1\nx-d: ");
	for (int i = 0; i < 9; i++)
		buf_putc(&b, '[');
	for (int i = 0; i < 9; i++)
		buf_putc(&b, ']');
	buf_putc(&b, '\n');
	diags_init(&d);
	sbp_blueprint *bp = sbp_load_buffer(b.data, b.len, &lim, &d);
	assert_non_null(bp);
	blueprint_free(bp);
	diags_free(&d);
	buf_reset(&b);
	buf_puts(&b, "sbp: 1\nx-d: ");
	for (int i = 0; i < 10; i++)
		buf_putc(&b, '[');
	for (int i = 0; i < 10; i++)
		buf_putc(&b, ']');
	diags_init(&d);
	assert_null(sbp_load_buffer(b.data, b.len, &lim, &d));
	assert_string_equal(d.items[0].rule, "limit");
	diags_free(&d);
	buf_free(&b);
}

/* Load text (which must fail) and assert its first finding says want,
 * about step (or no step). */
static void assert_first_finding(const sbp_buf *text, const char *want, const char *step)
{
	sbp_diags d;
	diags_init(&d);
	assert_null(sbp_load_buffer(text->data, text->len, NULL, &d));
	assert_true(d.n > 0);
	assert_non_null(strstr(d.items[0].message, want));
	if (step)
		assert_string_equal(d.items[0].step, step);
	diags_free(&d);
}

/* 200,000 keys in one mapping: a duplicate near the end is still found
 * (a quadratic search would run into the test's time-out). */
static void test_many_keys(void **state)
{
	(void)state;
	sbp_buf b;
	buf_init(&b);
	buf_puts(&b, "sbp: 1\nx-big:\n");
	for (int i = 0; i < 200000; i++)
		buf_printf(&b, "  k%d: %d\n", i, i);
	buf_puts(&b, "  k77: dup\n");
	assert_first_finding(&b, "duplicate key 'k77'", NULL);
	buf_free(&b);
}

static void test_higher_version_only_reports_version(void **state)
{
	(void)state;
	sbp_diags d;
	diags_init(&d);
	const char *v2 = "columns: {bad: shape}\nsbp: 2\nsteps: 5\n";
	assert_null(sbp_load_buffer(v2, strlen(v2), NULL, &d));
	assert_int_equal(d.n, 1);
	assert_string_equal(d.items[0].rule, "version");
	diags_free(&d);
}

/* Duplicates in a step's standards: list, in a list of 100,000 (searched
 * through a hash table) and in short ones (searched one by one; the 17th
 * and 18th entries cross to the hash table). */
static void test_standards_listed_twice(void **state)
{
	(void)state;
	sbp_buf b;
	buf_init(&b);
	buf_puts(&b, HEAD "steps:\n  - {id: a, lane: onstage, column: c, standards: [");
	for (int i = 0; i < 100000; i++)
		buf_printf(&b, "%ss%d", i ? ", " : "", i);
	buf_puts(&b, ", s5]}\n");
	assert_first_finding(&b, "'s5' is listed twice", "a");
	buf_free(&b);

	static const char *const lists[] = {
		"[s1, s2, s1]",
		"[s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14, s15, s16, s1]",
		"[s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14, s15, s1]",
	};
	for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
		buf_init(&b);
		buf_printf(&b, HEAD "steps:\n  - {id: a, lane: onstage, column: c, "
			       "standards: %s}\n", lists[i]);
		assert_first_finding(&b, "'s1' is listed twice", "a");
		buf_free(&b);
	}
}

/* Findings inside a step name the step (JSON "step"). */
static void test_errors_name_their_step(void **state)
{
	(void)state;
	const char *y = HEAD "steps:\n  - {duration: -1, id: s1, lane: nolane, column: c}\n";
	sbp_diags d;
	diags_init(&d);
	assert_null(sbp_load_buffer(y, strlen(y), NULL, &d));
	assert_int_equal(d.n, 2);
	for (size_t i = 0; i < d.n; i++)
		assert_string_equal(d.items[i].step, "s1");
	diags_free(&d);
}

/* A file of nothing but mistakes keeps a bounded number of errors (the
 * limit max_diags) and counts the rest, and unknown keys cannot hold
 * unbounded numbers of values. */
static void test_error_and_node_caps(void **state)
{
	(void)state;
	sbp_buf b;
	sbp_diags d;
	buf_init(&b);
	buf_puts(&b, "sbp: 1\nsteps:\n");
	for (int i = 0; i < 20000; i++)
		buf_puts(&b, "  - 1\n");
	diags_init(&d);
	assert_null(sbp_load_buffer(b.data, b.len, NULL, &d));
	assert_int_equal(d.n, SBP_DEFAULT_MAX_DIAGS);
	assert_int_equal(d.errors, 20000);
	assert_int_equal(d.dropped, 20000 - SBP_DEFAULT_MAX_DIAGS);
	diags_free(&d);
	sbp_limits lim;
	sbp_limits_default(&lim);
	lim.max_diags = 7;
	diags_init(&d);
	assert_null(sbp_load_buffer(b.data, b.len, &lim, &d));
	assert_int_equal(d.n, 7);
	assert_int_equal(d.errors, 20000);
	diags_free(&d);
	buf_reset(&b);
	buf_puts(&b, "sbp: 1\nx-a: [");
	for (int i = 0; i < 1100000; i++)
		buf_puts(&b, "~,");
	buf_puts(&b, "]\n");
	diags_init(&d);
	assert_null(sbp_load_buffer(b.data, b.len, NULL, &d));
	assert_string_equal(d.items[d.n - 1].rule, "limit");
	diags_free(&d);
	buf_free(&b);
}

/* ignore: with a rule this sbp does not know, or an error rule, warns
 * but loads (a file for a newer sbp stays readable). */
/* A UTF-8 byte-order mark (Windows editors) is skipped, from memory and
 * from a file, and tiny numbers (denormals, underflow) are numbers. */
static void test_bom_and_denormals(void **state)
{
	(void)state;
	const char *y = "\xef\xbb\xbfsbp: 1\r\ntitle: T\r\nstandards:\r\n"
			"  - {id: s, name: S, kind: hard, goal: 5e-324, actual: 1e-400}\r\n";
	sbp_diags d;
	diags_init(&d);
	sbp_blueprint *bp = sbp_load_buffer(y, strlen(y), NULL, &d);
	assert_non_null(bp);
	assert_int_equal(d.n, 0);
	assert_string_equal(bp->title, "T");
	assert_true(bp->standards.items[0]->goal > 0);
	assert_true(bp->standards.items[0]->actual == 0);
	blueprint_free(bp);
	char path[] = "/tmp/sbp-bom-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char *bad = "\xef\xbb\xbfsbp: 1\ntitle: \xed\xa0\x80\n";
	assert_int_equal(write(fd, bad, strlen(bad)), (ssize_t)strlen(bad));
	close(fd);
	assert_null(sbp_load_file(path, NULL, &d));
	unlink(path);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].line, 2);
	assert_int_equal(d.items[0].col, 8);
	assert_non_null(strstr(d.items[0].message, "ED A0 80"));
	diags_free(&d);
}

static void test_ignore_warnings(void **state)
{
	(void)state;
	const char *y = "sbp: 1\nignore: [some-future-rule, syntax, below-goal]\n";
	sbp_diags d;
	diags_init(&d);
	sbp_blueprint *bp = sbp_load_buffer(y, strlen(y), NULL, &d);
	assert_non_null(bp);
	assert_int_equal(bp->ignore.n, 3);
	assert_int_equal(d.n, 2);
	assert_int_equal(d.items[0].severity, SBP_WARNING);
	assert_non_null(strstr(d.items[0].message, "some-future-rule"));
	assert_non_null(strstr(d.items[1].message, "cannot be ignored"));
	blueprint_free(bp);
	diags_free(&d);
}

static void test_missing_file(void **state)
{
	(void)state;
	sbp_diags d;
	diags_init(&d);
	assert_null(sbp_load_file("/nonexistent/dir/x.yaml", NULL, &d));
	assert_int_equal(d.n, 1);
	assert_null(d.items[0].rule);
	assert_non_null(strstr(d.items[0].message, "No such file"));
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_inputs),
		cmocka_unit_test(test_full_example),
		cmocka_unit_test(test_default_lanes),
		cmocka_unit_test(test_sections_in_any_order),
		cmocka_unit_test(test_allowed_text),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_many_keys),
		cmocka_unit_test(test_higher_version_only_reports_version),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_standards_listed_twice),
		cmocka_unit_test(test_errors_name_their_step),
		cmocka_unit_test(test_error_and_node_caps),
		cmocka_unit_test(test_ignore_warnings),
		cmocka_unit_test(test_bom_and_denormals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
