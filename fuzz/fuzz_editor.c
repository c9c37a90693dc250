/* libFuzzer harness for the editor's key and command parser: open a small
 * blueprint and feed any bytes to editor_feed as keys ("j <Enter> :add x"),
 * then draw what a screen would show (cards, status line, the open panel)
 * and check the counts against the blueprint. It runs in a private
 * temporary directory, and '/' is taken out of the keys, so the names
 * :w, :saveas and :export write can only be files of that directory.
 * tests/fuzz replays saved inputs. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sbp/check.h"
#include "sbp/editor.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char blueprint[] =
	"sbp: 1\ntitle: Fuzz\n"
	"columns:\n  - {id: c1, name: One, phase: P1}\n  - {id: c2, name: Two}\n"
	"standards:\n  - {id: s1, name: Greet fast, kind: hard, measure: seconds, target: 30 s}\n"
	"  - {id: s2, name: Be kind, kind: soft, feedback: survey, goal: 4, actual: 3}\n"
	"steps:\n  - {id: a, lane: customer, column: c1, text: Arrive}\n"
	"  - {id: b, lane: onstage, column: c1, text: Greet, standards: [s1], fail: {text: F}}\n"
	"  - {id: c, lane: backstage, column: c2, text: \"Prepare \\u202e key\", wait: {text: W}}\n"
	"flows:\n  - {from: a, to: b}\n  - {from: b, to: c, label: next}\n";

static char dir[64];

/* Remove the private directory when the process ends. */
static void remove_dir(void)
{
	if (chdir("/") == 0)
		rmdir(dir);
}

/* Make the private directory (once) and go there; write the blueprint. */
static void setup(void)
{
	if (!dir[0]) {
		strcpy(dir, "/tmp/sbp-fuzz-editor-XXXXXX");
		if (!mkdtemp(dir) || chdir(dir) != 0)
			abort();
		setenv("HOME", dir, 1);
		setenv("XDG_STATE_HOME", dir, 1);
		atexit(remove_dir);
	}
	FILE *f = fopen("bp.yaml", "w");
	if (!f)
		abort();
	fputs(blueprint, f);
	fclose(f);
}

/* Remove what the keys left in the directory (saved copies, exports). */
static void clean(void)
{
	DIR *d = opendir(".");
	struct dirent *e;
	while (d && (e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			unlink(e->d_name);
	if (d)
		closedir(d);
}

/* Draw what the screen would: every card, the status line, the panel. */
static void draw(editor *ed)
{
	sbp_buf a, b;
	buf_init(&a);
	buf_init(&b);
	for (size_t i = 0; ed->bp && i < ed->bp->steps.n; i++) {
		buf_reset(&a);
		editor_card(ed, ed->bp->steps.items[i], 21, &a);
	}
	buf_reset(&a);
	editor_status_line(ed, 80, &a, &b);
	ed_panel p;
	if (editor_panel(ed, &p)) {
		for (size_t i = 0; i < p.count && i < 200; i++) {
			ed_style st;
			buf_reset(&a);
			editor_panel_item(ed, i, 80, &a, &st);
		}
		for (size_t k = 0; k < p.ndetail && k < 200; k++) {
			buf_reset(&a);
			editor_panel_detail(ed, k, 80, &a);
		}
	}
	buf_free(&a);
	buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096)
		return 0;
	setup();
	char *keys = malloc(size + 1);
	size_t n = 0;
	for (size_t i = 0; i < size && data[i]; i++)
		if (data[i] != '/')
			keys[n++] = (char)data[i];
	keys[n] = '\0';

	editor *ed = editor_new(NULL);
	sbp_diags d;
	diags_init(&d);
	if (!editor_open(ed, "bp.yaml", &d))
		abort();
	diags_free(&d);
	editor_resize(ed, 80, 24);
	editor_feed(ed, keys);
	draw(ed);
	/* the live counts follow every edit, undo and redo */
	if (ed->bp) {
		sbp_summary want;
		const sbp_summary *got = editor_summary(ed);
		check_summary(ed->bp, &want);
		if (got->steps != want.steps || got->encounters != want.encounters ||
		    got->unstandardized != want.unstandardized ||
		    got->fail_points != want.fail_points ||
		    got->wait_points != want.wait_points || got->standards != want.standards) {
			fprintf(stderr, "fuzz_editor: live counts differ from check_summary\n");
			abort();
		}
	}
	editor_cleanup(ed, true);
	editor_free(ed);
	free(keys);
	clean();
	return 0;
}
