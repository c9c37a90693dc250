/* Editor tests of files and data safety: save, save elsewhere, a failed
 * save, read-only sessions, files changed on disk, quitting with unsaved
 * changes, recovery files and locks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fixture.h"
#include "sbp/io.h"
#include "sbp/safety.h"
#include "sbp/util.h"

#define FIX(state) ((fixture *)*(state))

/* Run a line as typed. */
static ed_result run(editor *ed, const char *line)
{
	editor_feed(ed, ":");
	for (const char *p = line; *p; p++)
		editor_key(ed, (ed_key)(unsigned char)*p);
	return editor_feed(ed, "<Enter>");
}

/* The file's content. Caller frees. */
static char *slurp(const char *path)
{
	char *data;
	size_t len;
	if (!read_file(path, 1 << 20, &data, &len))
		return NULL;
	return data;
}

static void test_save_and_modified(void **state)
{
	editor *ed = FIX(state)->ed;
	run(ed, "goto a");
	run(ed, "text Walk in");
	assert_true(editor_modified(ed));
	ed_result r = editor_feed(ed, "<C-s>");
	assert_int_equal(r.status, ED_OK);
	assert_false(editor_modified(ed));
	char *disk = slurp(FIX(state)->path), *mem = fixture_yaml_of(ed);
	assert_string_equal(disk, mem);
	/* undo after a save: modified again; redo: back to the saved state */
	editor_feed(ed, "u");
	assert_true(editor_modified(ed));
	editor_feed(ed, "<C-r>");
	assert_false(editor_modified(ed));
	free(disk);
	free(mem);
}

static void test_save_copy_and_saveas(void **state)
{
	fixture *f = FIX(state);
	editor *ed = f->ed;
	run(ed, "title Copy");
	char target[200];
	snprintf(target, sizeof target, "%s", fixture_file(f, "copy.yaml", NULL));
	char line[300];
	snprintf(line, sizeof line, "w %s", target);
	assert_int_equal(run(ed, line).status, ED_OK);
	assert_true(editor_modified(ed)); /* the file we edit is not saved */
	char *copy = slurp(target);
	assert_non_null(strstr(copy, "title: Copy"));
	free(copy);
	/* an existing file: asks first */
	run(ed, line);
	assert_int_equal(ed->mode, MODE_CONFIRM);
	editor_feed(ed, "<Esc>");
	snprintf(line, sizeof line, "saveas %s", target);
	run(ed, line);
	editor_feed(ed, "o");
	assert_false(editor_modified(ed));
	assert_string_equal(editor_file_name(ed), "copy.yaml");
}

static void test_failed_save_keeps_edits(void **state)
{
	fixture *f = FIX(state);
	editor *ed = f->ed;
	run(ed, "title Kept");
	char line[300];
	snprintf(line, sizeof line, "w %s/no/such/dir/x.yaml", f->dir);
	ed_result r = run(ed, line);
	assert_int_equal(r.status, ED_ERROR);
	assert_non_null(strstr(r.message, "Not saved"));
	assert_true(editor_modified(ed));
	assert_string_equal(ed->bp->title, "Kept");
	assert_int_equal(run(ed, "w").status, ED_OK);
	assert_false(editor_modified(ed));
}

static void test_changed_on_disk(void **state)
{
	fixture *f = FIX(state);
	editor *ed = f->ed;
	run(ed, "title Mine");
	sleep(1); /* a new mtime, whatever the file system's resolution */
	fixture_file(f, "bp.yaml", "sbp: 1\ntitle: Theirs\ncolumns:\n  - {id: x, name: X}\n");
	run(ed, "w");
	assert_int_equal(ed->mode, MODE_CONFIRM);
	editor_feed(ed, "<Esc>");
	char *disk = slurp(f->path);
	assert_non_null(strstr(disk, "Theirs")); /* never overwritten silently */
	free(disk);
	run(ed, "w");
	editor_feed(ed, "r"); /* reload */
	assert_string_equal(ed->bp->title, "Theirs");
	assert_false(editor_modified(ed));
	run(ed, "title Mine again");
	assert_int_equal(run(ed, "w").status, ED_OK);
	disk = slurp(f->path);
	assert_non_null(strstr(disk, "Mine again"));
	free(disk);
}

static void test_quit_asks_when_unsaved(void **state)
{
	editor *ed = FIX(state)->ed;
	ed_result r = editor_feed(ed, "q");
	assert_int_equal(r.status, ED_QUIT); /* nothing to save */
	ed->quit = false;
	run(ed, "title Unsaved");
	r = editor_feed(ed, "q");
	assert_int_equal(r.status, ED_OK);
	assert_int_equal(ed->mode, MODE_CONFIRM);
	editor_feed(ed, "<Esc>");
	assert_int_equal(ed->mode, MODE_NORMAL);
	r = editor_feed(ed, "q y");
	assert_int_equal(r.status, ED_QUIT);
	assert_false(editor_modified(ed));
	ed->quit = false;
	run(ed, "title Dropped");
	r = run(ed, "q!");
	assert_int_equal(r.status, ED_QUIT);
}

static void test_recovery_offered(void **state)
{
	fixture *f = FIX(state);
	editor *ed = f->ed;
	run(ed, "title Unsaved work");
	run(ed, "goto a");
	run(ed, "add Extra");
	editor_autosave(ed);
	sbp_recover_info info;
	assert_true(recover_find(f->path, &info));
	/* the session dies without cleaning up */
	editor_hangup(ed);
	editor_free(ed);
	f->ed = editor_new(NULL);
	ed = f->ed;
	sbp_diags d;
	diags_init(&d);
	assert_true(editor_open(ed, f->path, &d));
	diags_free(&d);
	assert_int_equal(ed->mode, MODE_CONFIRM);
	assert_non_null(strstr(ed->confirm.text, "changes"));
	editor_feed(ed, "r");
	assert_int_equal(ed->mode, MODE_NORMAL);
	assert_string_equal(ed->bp->title, "Unsaved work");
	assert_non_null(blueprint_step(ed->bp, "extra"));
	assert_true(editor_modified(ed));
	/* saving removes the recovery file */
	assert_int_equal(run(ed, "w").status, ED_OK);
	assert_false(recover_find(f->path, &info));
}

static void test_recovery_discarded(void **state)
{
	fixture *f = FIX(state);
	editor *ed = f->ed;
	run(ed, "title Lost cause");
	editor_hangup(ed);
	editor_free(ed);
	f->ed = ed = editor_new(NULL);
	sbp_diags d;
	diags_init(&d);
	assert_true(editor_open(ed, f->path, &d));
	diags_free(&d);
	editor_feed(ed, "d");
	assert_string_equal(ed->bp->title, "Test");
	sbp_recover_info info;
	assert_false(recover_find(f->path, &info));
}

static void test_lock_read_only(void **state)
{
	fixture *f = FIX(state);
	/* another live process holds the lock: a forked child */
	sbp_lock_info other;
	editor_cleanup(f->ed, false);
	pid_t pid = fork();
	if (pid == 0) {
		lock_acquire(f->path, true, &other);
		pause();
		_exit(0);
	}
	usleep(200000);
	editor *ed = editor_new(NULL);
	sbp_diags d;
	diags_init(&d);
	assert_true(editor_open(ed, f->path, &d));
	diags_free(&d);
	assert_int_equal(ed->mode, MODE_CONFIRM);
	editor_feed(ed, "o");
	assert_true(ed->readonly);
	sbp_buf l, r;
	buf_init(&l);
	buf_init(&r);
	editor_status_line(ed, 100, &l, &r);
	assert_non_null(strstr(l.data, "[RO]"));
	buf_free(&l);
	buf_free(&r);
	run(ed, "title Mine");
	ed_result res = run(ed, "w");
	assert_int_equal(res.status, ED_ERROR);
	char line[300];
	snprintf(line, sizeof line, "w %s", fixture_file(f, "mine.yaml", NULL));
	assert_int_equal(run(ed, line).status, ED_OK);
	editor_cleanup(ed, true);
	editor_free(ed);
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
}

static void test_export(void **state)
{
	fixture *f = FIX(state);
	editor *ed = f->ed;
	char line[300];
	snprintf(line, sizeof line, "export md %s", fixture_file(f, "out.md", NULL));
	ed_result r = run(ed, line);
	assert_int_equal(r.status, ED_OK);
	char *md = slurp(fixture_file(f, "out.md", NULL));
	assert_non_null(md);
	assert_non_null(strstr(md, "Check in"));
	free(md);
	assert_int_equal(run(ed, "export nope x").status, ED_ERROR);
	assert_false(editor_modified(ed));
}

#define T(name) cmocka_unit_test_setup_teardown(name, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_save_and_modified),
		T(test_save_copy_and_saveas),
		T(test_failed_save_keeps_edits),
		T(test_changed_on_disk),
		T(test_quit_asks_when_unsaved),
		T(test_recovery_offered),
		T(test_recovery_discarded),
		T(test_lock_read_only),
		T(test_export),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
