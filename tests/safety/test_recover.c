/* Tests of recovery files: written next to the blueprint, found, read
 * back without their header, loadable as blueprints, removed; the state
 * directory when the blueprint's directory is not writable or the
 * blueprint is untitled; planted files neither offered nor written
 * through. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "sbp/io.h"
#include "sbp/safety.h"
#include "tutil.h"

static const char bp_text[] = "sbp: 1\ntitle: Recovered work\n";

/* Does text load as a blueprint? */
static bool loads(const char *text, size_t len)
{
	sbp_diags d;
	diags_init(&d);
	sbp_blueprint *bp = sbp_load_buffer(text, len, NULL, &d);
	bool ok = bp != NULL;
	blueprint_free(bp);
	diags_free(&d);
	return ok;
}

/* Point $XDG_STATE_HOME at dir/state for the test. */
static char *use_state_dir(const char *dir)
{
	char *s = tu_path(dir, "state");
	setenv("XDG_STATE_HOME", s, 1);
	return s;
}

/* Write, find, read, remove next to the file. */
static void test_next_to_file(void **state)
{
	(void)state;
	char *d = tu_dir_new(), *f = tu_path(d, "x.yaml"), err[512];
	char *want = tu_path(d, ".x.yaml.sbp-recover"), *sd = use_state_dir(d);
	sbp_recover_info info;
	struct stat st;
	size_t len;

	char *rp = recover_path_for(f);
	assert_string_equal(rp, want);
	free(rp);
	assert_false(recover_find(f, &info));
	assert_true(recover_write(f, bp_text, strlen(bp_text), 3, NULL, err, sizeof err));
	assert_int_equal(stat(want, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	char *raw = tu_read(want);
	assert_memory_equal(raw, "# sbp-recover time=", 19);
	assert_true(loads(raw, strlen(raw)));
	free(raw);
	assert_true(recover_find(f, &info));
	assert_int_equal(info.changes, 3);
	assert_true(labs((long)(time(NULL) - info.when)) < 60);
	assert_string_equal(info.where, want);
	char *got = recover_read(f, &len);
	assert_int_equal(len, strlen(bp_text));
	assert_string_equal(got, bp_text);
	free(got);
	/* A later write replaces it. */
	assert_true(recover_write(f, "sbp: 1\n", 7, 9, NULL, err, sizeof err));
	assert_true(recover_find(f, &info));
	assert_int_equal(info.changes, 9);
	recover_remove(f);
	assert_false(recover_find(f, &info));
	assert_null(recover_read(f, &len));
	assert_int_equal(tu_count(d), 0);
	free(f), free(want), free(sd);
	tu_dir_free(d);
}

/* A directory where nothing can be written (/proc, even for root): the
 * recovery goes to $XDG_STATE_HOME/sbp/recover, created 0700. */
static void test_state_dir_fallback(void **state)
{
	(void)state;
	char *d = tu_dir_new(), *sd = use_state_dir(d), err[512];
	const char *f = "/proc/sbp-test-blueprint.yaml";
	sbp_recover_info info;
	struct stat st;
	size_t len;

	assert_true(recover_write(f, bp_text, strlen(bp_text), 1, NULL, err, sizeof err));
	assert_true(recover_find(f, &info));
	assert_int_equal(strncmp(info.where, sd, strlen(sd)), 0);
	assert_non_null(strstr(info.where, "/sbp/recover/sbp-test-blueprint.yaml-"));
	char *rd = tu_path(sd, "sbp/recover");
	assert_int_equal(stat(rd, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(stat(info.where, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	char *got = recover_read(f, &len);
	assert_string_equal(got, bp_text);
	free(got);
	recover_remove(f);
	assert_false(recover_find(f, &info));
	assert_int_equal(tu_count(rd), 0);
	free(rd), free(sd);
	tu_dir_free(d);
}

/* An untitled blueprint recovers to untitled-PID.yaml in the state dir;
 * without $XDG_STATE_HOME (or with a relative one) ~/.local/state is used. */
static void test_untitled_and_home(void **state)
{
	(void)state;
	char *d = tu_dir_new(), err[512], name[64];
	sbp_recover_info info;

	setenv("HOME", d, 1);
	setenv("XDG_STATE_HOME", "relative/state", 1);
	assert_true(recover_write(NULL, bp_text, strlen(bp_text), 2, NULL, err, sizeof err));
	assert_true(recover_find(NULL, &info));
	snprintf(name, sizeof name, "/.local/state/sbp/recover/untitled-%ld.yaml",
		 (long)getpid());
	char *want = tu_path(d, name + 1);
	assert_string_equal(info.where, want);
	assert_int_equal(info.changes, 2);
	recover_remove(NULL);
	assert_false(recover_find(NULL, &info));
	unsetenv("XDG_STATE_HOME");
	free(want);
	tu_dir_free(d);
}

/* As an unprivileged user: a read-only directory sends the recovery to the
 * state directory; once writable again it goes next to the file and the
 * state copy is removed. */
static int readonly_as_user(void *arg)
{
	char *dir = tu_path(arg, "mine"), *f = tu_path(arg, "mine/x.yaml");
	char *rd = tu_path(arg, "ustate/sbp/recover"), *st = tu_path(arg, "ustate");
	char err[512];
	sbp_recover_info info;
	int bad = 0;

	setenv("XDG_STATE_HOME", st, 1);
	if (mkdir(dir, 0555) != 0)
		return 100;
	if (!recover_write(f, bp_text, strlen(bp_text), 1, NULL, err, sizeof err) ||
	    !recover_find(f, &info) || strncmp(info.where, rd, strlen(rd)) != 0 ||
	    tu_count(rd) != 1)
		bad |= 1;
	chmod(dir, 0755);
	if (!recover_write(f, bp_text, strlen(bp_text), 2, NULL, err, sizeof err) ||
	    !recover_find(f, &info) || strncmp(info.where, dir, strlen(dir)) != 0 ||
	    tu_count(rd) != 0)
		bad |= 2;
	recover_remove(f);
	if (recover_find(f, &info) || tu_count(dir) != 0)
		bad |= 4;
	free(dir), free(f), free(rd), free(st);
	return bad;
}

static void test_readonly_dir(void **state)
{
	(void)state;
	char *d = tu_dir_new();
	int r = tu_as_user(readonly_as_user, d);

	tu_dir_free(d);
	if (r == -1)
		skip();
	assert_int_equal(r, 0);
}

/* A recovery file planted by another user is not offered; a planted
 * symlink is replaced, not written through; a file without a header is
 * offered with its modification time and read whole. */
static void test_planted(void **state)
{
	(void)state;
	char *d = tu_dir_new(), *f = tu_path(d, "x.yaml"), *sd = use_state_dir(d);
	char *rp = recover_path_for(f), *victim = tu_path(d, "victim"), err[512];
	sbp_recover_info info;
	struct stat st;
	size_t len;

	tu_write(rp, bp_text);
	if (geteuid() == 0) {
		assert_int_equal(chown(rp, 1234, 1234), 0);
		assert_false(recover_find(f, &info));
		assert_null(recover_read(f, &len));
		assert_int_equal(chown(rp, 0, 0), 0);
	}
	assert_true(recover_find(f, &info));
	assert_int_equal(info.changes, 0);
	char *got = recover_read(f, &len);
	assert_string_equal(got, bp_text);
	free(got);
	unlink(rp);
	tu_write(victim, "precious\n");
	assert_int_equal(symlink("victim", rp), 0);
	assert_false(recover_find(f, &info));
	assert_true(recover_write(f, bp_text, strlen(bp_text), 1, NULL, err, sizeof err));
	assert_int_equal(lstat(rp, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	got = tu_read(victim);
	assert_string_equal(got, "precious\n");
	free(got);
	recover_remove(f);
	free(f), free(sd), free(rp), free(victim);
	tu_dir_free(d);
}

/* Start ticks of this process (field 22 of /proc/self/stat). */
static unsigned long long self_start(void)
{
	char buf[1024];
	unsigned long long t = 0;
	FILE *f = fopen("/proc/self/stat", "r");
	size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;

	if (f)
		fclose(f);
	buf[n] = '\0';
	char *p = strrchr(buf, ')');
	for (int field = 3; field <= 22 && p; field++)
		p = strchr(p + 1, ' ');
	if (p)
		sscanf(p, " %llu", &t);
	return t;
}

/* The header says which session wrote the file (user, host, pid, process
 * start) and the stamp of the file the work was based on. */
static void test_session_and_base(void **state)
{
	(void)state;
	char *d = tu_dir_new(), *f = tu_path(d, "x.yaml"), *sd = use_state_dir(d);
	char *rp = recover_path_for(f), err[512], want[128];
	sbp_recover_info info;
	file_stamp base;

	tu_write(f, "sbp: 1\ntitle: On disk\n");
	file_stamp_take(f, &base);
	assert_true(recover_write(f, bp_text, strlen(bp_text), 2, &base, err, sizeof err));
	char *raw = tu_read(rp);
	snprintf(want, sizeof want, " pid=%ld start=%llu ", (long)getpid(), self_start());
	assert_non_null(strstr(raw, want));
	assert_non_null(strstr(raw, " user="));
	assert_non_null(strstr(raw, " host="));
	assert_non_null(strstr(raw, " base="));
	free(raw);
	assert_true(recover_find(f, &info));
	assert_true(info.mine);
	assert_false(info.alive);
	assert_int_equal(info.pid, (long)getpid());
	assert_true(info.has_base);
	assert_int_equal(info.base.size, base.size);
	assert_true(info.base.hash == base.hash);
	assert_false(file_stamp_changed(f, &info.base));
	tu_write(f, "sbp: 1\ntitle: Saved since\n");
	assert_true(file_stamp_changed(f, &info.base));
	recover_remove(f);
	free(f), free(sd), free(rp);
	tu_dir_free(d);
}

/* Two sessions of one file write two recovery files; each removes only
 * its own; a running session's file is offered as alive, and once it is
 * gone it can be adopted (then this session removes it). */
static void test_two_sessions(void **state)
{
	(void)state;
	char *d = tu_dir_new(), *f = tu_path(d, "x.yaml"), *sd = use_state_dir(d);
	char *rp = recover_path_for(f), err[512];
	sbp_recover_info list[4];
	int fds[2];
	char c;

	assert_true(recover_write(f, bp_text, strlen(bp_text), 1, NULL, err, sizeof err));
	assert_int_equal(pipe(fds), 0);
	pid_t child = fork();
	if (child == 0) {
		tu_child_guard();
		c = recover_write(f, "sbp: 1\ntitle: Child\n", 21, 5, NULL, err,
				  sizeof err) ? 'y' : 'n';
		if (write(fds[1], &c, 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	assert_int_equal(read(fds[0], &c, 1), 1);
	assert_int_equal(c, 'y');
	/* A third session that quits cleanly removes neither. */
	pid_t third = fork();
	if (third == 0) {
		recover_remove(f);
		_exit(0);
	}
	assert_int_equal(waitpid(third, NULL, 0), third);
	assert_int_equal(recover_list(f, list, 4), 2);
	char *mine = tu_read(rp);
	assert_string_equal(strchr(mine, '\n') + 1, bp_text); /* untouched */
	free(mine);
	int m = list[0].mine ? 0 : 1;
	assert_true(list[m].mine);
	assert_false(list[1 - m].mine);
	assert_true(list[1 - m].alive);
	assert_int_equal(list[1 - m].pid, (long)child);
	assert_false(recover_adopt(list[1 - m].where)); /* still running */
	recover_remove(f);
	assert_int_equal(recover_list(f, list, 4), 1);
	assert_int_equal(list[0].pid, (long)child);
	tu_child_end(child);
	assert_int_equal(recover_list(f, list, 4), 1);
	assert_false(list[0].alive);
	assert_true(recover_adopt(list[0].where));
	size_t len;
	char *got = recover_read(f, &len);
	assert_string_equal(got, "sbp: 1\ntitle: Child\n");
	free(got);
	assert_true(recover_find(f, list));
	assert_true(list[0].mine);
	assert_int_equal(list[0].changes, 5);
	recover_remove(f);
	assert_int_equal(recover_list(f, list, 4), 0);
	close(fds[0]), close(fds[1]);
	free(f), free(sd), free(rp);
	tu_dir_free(d);
}

/* A world-writable recovery file planted by another user is neither
 * replaced nor given our work: ours is a new 0600 file of our own. */
static void test_planted_foreign(void **state)
{
	(void)state;
	if (geteuid() != 0)
		skip(); /* needs root to plant a file of another user */
	char *d = tu_dir_new(), *f = tu_path(d, "x.yaml"), *sd = use_state_dir(d);
	char *rp = recover_path_for(f), err[512];
	sbp_recover_info info;
	struct stat st;

	tu_write(rp, "planted\n");
	assert_int_equal(chown(rp, 1234, 1234), 0);
	assert_int_equal(chmod(rp, 0666), 0);
	assert_true(recover_write(f, bp_text, strlen(bp_text), 1, NULL, err, sizeof err));
	assert_int_equal(stat(rp, &st), 0);
	assert_int_equal(st.st_uid, 1234);
	char *got = tu_read(rp);
	assert_string_equal(got, "planted\n");
	free(got);
	assert_true(recover_find(f, &info));
	assert_string_not_equal(info.where, rp);
	assert_int_equal(stat(info.where, &st), 0);
	assert_int_equal(st.st_uid, geteuid());
	assert_int_equal(st.st_mode & 0777, 0600);
	recover_remove(f);
	assert_int_equal(stat(rp, &st), 0);
	assert_int_equal(tu_count(d), 1); /* the planted file alone */
	free(f), free(sd), free(rp);
	tu_dir_free(d);
}

/* A recovery file of an earlier version (no session in its header) is
 * still offered, never replaced by our writes, and can be adopted. */
static void test_legacy_file(void **state)
{
	(void)state;
	char *d = tu_dir_new(), *f = tu_path(d, "x.yaml"), *sd = use_state_dir(d);
	char *rp = recover_path_for(f), err[512];
	sbp_recover_info list[4];

	tu_write(rp, "# sbp-recover time=1700000000 changes=4 written=2023-11-14T22:13:20Z\n"
		 "sbp: 1\ntitle: Old work\n");
	chmod(rp, 0600);
	assert_int_equal(recover_list(f, list, 4), 1);
	assert_int_equal(list[0].changes, 4);
	assert_int_equal(list[0].pid, 0);
	assert_false(list[0].mine);
	assert_false(list[0].alive);
	assert_true(recover_write(f, bp_text, strlen(bp_text), 1, NULL, err, sizeof err));
	assert_int_equal(recover_list(f, list, 4), 2); /* ours went beside it */
	char *got = recover_read_file(rp, NULL);
	assert_string_equal(got, "sbp: 1\ntitle: Old work\n");
	free(got);
	recover_remove(f);
	assert_int_equal(recover_list(f, list, 4), 1);
	assert_true(recover_adopt(rp));
	assert_true(recover_find(f, list));
	assert_true(list[0].mine);
	assert_int_equal(list[0].changes, 4);
	recover_remove(f);
	assert_int_equal(recover_list(f, list, 4), 0);
	free(f), free(sd), free(rp);
	tu_dir_free(d);
}

/* A FIFO planted as the recovery file is replaced at once (never opened
 * blocking); a directory planted there is left, and ours goes beside it. */
static void test_planted_fifo_and_dir(void **state)
{
	(void)state;
	char *d = tu_dir_new(), *f = tu_path(d, "x.yaml"), *sd = use_state_dir(d);
	char *rp = recover_path_for(f), err[512];
	sbp_recover_info info;
	struct stat st;

	assert_int_equal(mkfifo(rp, 0666), 0);
	alarm(20);
	assert_false(recover_find(f, &info));
	assert_true(recover_write(f, bp_text, strlen(bp_text), 1, NULL, err, sizeof err));
	alarm(0);
	assert_int_equal(lstat(rp, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	recover_remove(f);
	assert_int_equal(mkdir(rp, 0777), 0);
	assert_true(recover_write(f, bp_text, strlen(bp_text), 1, NULL, err, sizeof err));
	assert_true(recover_find(f, &info));
	assert_string_not_equal(info.where, rp);
	assert_int_equal(lstat(rp, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	recover_remove(f);
	assert_false(recover_find(f, &info));
	free(f), free(sd), free(rp);
	tu_dir_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_next_to_file),
		cmocka_unit_test(test_state_dir_fallback),
		cmocka_unit_test(test_untitled_and_home),
		cmocka_unit_test(test_readonly_dir),
		cmocka_unit_test(test_planted),
		cmocka_unit_test(test_session_and_base),
		cmocka_unit_test(test_two_sessions),
		cmocka_unit_test(test_planted_foreign),
		cmocka_unit_test(test_legacy_file),
		cmocka_unit_test(test_planted_fifo_and_dir),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
