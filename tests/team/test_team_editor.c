/* The editor and merge conflicts: x-conflicts entries are problems
 * (merge-conflict), and o / t in the problems panel or :resolve pick a
 * side, leaving a blueprint that loads and counts as modified. */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "sbp/edit.h"

static const char conflicted[] =
	"sbp: 1\n"
	"columns:\n  - {id: c1, name: One}\n"
	"standards:\n  - {id: s1, name: Fast, kind: hard, measure: m, target: t}\n"
	"steps:\n"
	"  - {id: a, lane: onstage, column: c1, text: Ours, standards: [s1]}\n"
	"  - {id: b, lane: onstage, column: c1, text: Bee, standards: [s1]}\n"
	"x-conflicts:\n"
	"  - {kind: step, id: a, field: text, base: Base, ours: Ours, theirs: Theirs}\n"
	"  - {kind: step, id: b, field: notes, base: x, ours: y}\n";

/* Run a line as typed: ":" LINE "<Enter>". */
static ed_result run(editor *ed, const char *line)
{
	editor_feed(ed, ":");
	for (const char *p = line; *p; p++)
		editor_key(ed, (ed_key)(unsigned char)*p);
	return editor_feed(ed, "<Enter>");
}

/* Number of problems panel findings of the merge-conflict rule. */
static size_t conflict_findings(editor *ed)
{
	size_t n = 0;
	for (size_t i = 0; i < ed->diags.n; i++)
		n += ed->diags.items[i].rule && !strcmp(ed->diags.items[i].rule, "merge-conflict");
	return n;
}

/* t on the selected conflict takes THEIRS; o keeps OURS. */
static void test_problems_keys(void **state)
{
	(void)state;
	fixture *f = fixture_open(conflicted);
	editor *ed = f->ed;
	editor_feed(ed, "p");
	assert_int_equal(ed->mode, MODE_PROBLEMS);
	assert_int_equal(conflict_findings(ed), 2);
	/* Select the first merge-conflict finding. */
	size_t first = 0;
	while (strcmp(ed->diags.items[first].rule, "merge-conflict"))
		first++;
	for (size_t i = 0; i < first; i++)
		editor_feed(ed, "j");
	ed_result r = editor_feed(ed, "t");
	assert_int_equal(r.status, ED_OK);
	assert_string_equal(blueprint_step(ed->bp, "a")->text, "Theirs");
	assert_true(edit_modified(&ed->hist));
	assert_int_equal(conflict_findings(ed), 1);
	char *yaml = fixture_yaml_of(ed);
	assert_non_null(strstr(yaml, "x-conflicts:"));
	assert_null(strstr(yaml, "Theirs}"));
	free(yaml);
	fixture_close(f);
}

/* :resolve with the side and the number; out of range changes nothing. */
static void test_resolve_command(void **state)
{
	(void)state;
	fixture *f = fixture_open(conflicted);
	editor *ed = f->ed;
	ed_result r = run(ed, "resolve theirs 3");
	assert_int_not_equal(r.status, ED_OK);
	r = run(ed, "resolve theirs 2");
	assert_int_equal(r.status, ED_OK);
	/* THEIRS has no notes: the field is removed. */
	assert_null(step_notes(blueprint_step(ed->bp, "b")));
	r = run(ed, "resolve ours");
	assert_int_equal(r.status, ED_OK);
	assert_string_equal(blueprint_step(ed->bp, "a")->text, "Ours");
	char *yaml = fixture_yaml_of(ed);
	assert_null(strstr(yaml, "x-conflicts"));
	free(yaml);
	r = run(ed, "resolve ours");
	assert_int_not_equal(r.status, ED_OK);
	fixture_close(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_problems_keys),
		cmocka_unit_test(test_resolve_command),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
