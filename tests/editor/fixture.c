/* Shared set-up of the editor tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "sbp/io.h"

const char fixture_yaml[] =
	"sbp: 1\n"
	"title: Test\n"
	"columns:\n"
	"  - {id: c1, name: One, phase: P1}\n"
	"  - {id: c2, name: Two, phase: P1}\n"
	"  - {id: c3, name: Three, phase: P2}\n"
	"standards:\n"
	"  - {id: s1, name: Greet fast, kind: hard, measure: seconds, target: 30 s}\n"
	"  - {id: s2, name: Be kind, kind: soft, feedback: survey}\n"
	"steps:\n"
	"  - {id: a, lane: customer, column: c1, text: Arrive}\n"
	"  - {id: b, lane: onstage, column: c1, text: Greet, standards: [s1]}\n"
	"  - {id: b2, lane: onstage, column: c1, text: Offer water}\n"
	"  - {id: c, lane: onstage, column: c2, text: Check in}\n"
	"  - {id: d, lane: backstage, column: c2, text: Prepare key}\n"
	"flows:\n"
	"  - {from: a, to: b}\n";

/* Write a file. */
static void write_text(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

fixture *fixture_open(const char *yaml)
{
	fixture *f = calloc(1, sizeof *f);
	strcpy(f->dir, "/tmp/sbp-edtest-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	setenv("XDG_STATE_HOME", f->dir, 1);
	snprintf(f->path, sizeof f->path, "%s/bp.yaml", f->dir);
	write_text(f->path, yaml ? yaml : fixture_yaml);
	f->ed = editor_new(NULL);
	sbp_diags d;
	diags_init(&d);
	bool ok = editor_open(f->ed, f->path, &d);
	for (size_t i = 0; !ok && i < d.n; i++)
		print_error("%d:%d: %s\n", d.items[i].line, d.items[i].col,
			    d.items[i].message);
	assert_true(ok);
	diags_free(&d);
	assert_int_equal(f->ed->mode, MODE_NORMAL);
	return f;
}

void fixture_close(fixture *f)
{
	char cmd[160];
	editor_cleanup(f->ed, true);
	editor_free(f->ed);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	free(f);
}

int fixture_setup(void **state)
{
	*state = fixture_open(NULL);
	return 0;
}

int fixture_teardown(void **state)
{
	fixture_close(*state);
	return 0;
}

char *fixture_yaml_of(editor *ed)
{
	sbp_buf b;
	buf_init(&b);
	sbp_save_yaml(ed->bp, &b);
	return buf_steal(&b);
}

const char *fixture_file(fixture *f, const char *name, const char *text)
{
	static char path[200];
	snprintf(path, sizeof path, "%s/%s", f->dir, name);
	if (text)
		write_text(path, text);
	return path;
}
