/* Tests of lock files: taking a free lock, a lock held by another live
 * process (a real child), a stale one (the child is gone), garbage and
 * planted symlinks, other hosts, reused pids, force, read-only places, and
 * lock_release removing only our own lock. */
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

#include "sbp/safety.h"
#include "sbp/util.h"
#include "tutil.h"

/* Does the lock file of path name pid? */
static bool lock_names(const char *path, long pid)
{
	char *lp = lock_path_for(path), *text = tu_read(lp), want[64];
	bool yes;

	snprintf(want, sizeof want, "\npid %ld\n", pid);
	yes = text && strstr(text, want);
	free(text), free(lp);
	return yes;
}

/* Write a lock file for path by hand. */
static void plant(const char *path, const char *text)
{
	char *lp = lock_path_for(path);

	unlink(lp);
	tu_write(lp, text);
	free(lp);
}

/* The lock's name sits next to the file, after following symlinks. */
static void test_lock_path(void **state)
{
	(void)state;
	char *d = tu_dir_new(), *f = tu_path(d, "x.yaml"), *l = tu_path(d, "l.yaml");
	char *want = tu_path(d, ".x.yaml.sbp-lock");
	char *p = lock_path_for("x.yaml");

	assert_string_equal(p, ".x.yaml.sbp-lock");
	free(p);
	p = lock_path_for("/a/b.yaml");
	assert_string_equal(p, "/a/.b.yaml.sbp-lock");
	free(p);
	assert_int_equal(symlink("x.yaml", l), 0);
	p = lock_path_for(l);
	assert_string_equal(p, want);
	free(p), free(f), free(l), free(want);
	tu_dir_free(d);
}

/* A free lock is ours; taking it again is fine; release removes it. */
static void test_acquire_release(void **state)
{
	(void)state;
	char *d = tu_dir_new(), *f = tu_path(d, "x.yaml"), *lp = lock_path_for(f);
	sbp_lock_info other;
	struct stat st;

	assert_int_equal(lock_acquire(f, false, &other), LOCK_ACQUIRED);
	assert_true(lock_names(f, (long)getpid()));
	assert_int_equal(stat(lp, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
	char *text = tu_read(lp);
	assert_non_null(strstr(text, "\nuser "));
	assert_non_null(strstr(text, "\nhost "));
	assert_non_null(strstr(text, "\nsince "));
	free(text);
	assert_int_equal(lock_acquire(f, false, NULL), LOCK_ACQUIRED);
	assert_int_equal(tu_count(d), 1);
	lock_release(f);
	assert_int_equal(tu_count(d), 0);
	free(f), free(lp);
	tu_dir_free(d);
}

/* A child takes the lock and lives: we see it held, by whom, cannot
 * release it, and can force it. Then a child that dies holding it leaves
 * a stale lock that is taken over. */
static void test_held_stale_force(void **state)
{
	(void)state;
	char *d = tu_dir_new(), *f = tu_path(d, "x.yaml");
	sbp_lock_info other;
	int fds[2];
	char c;

	assert_int_equal(pipe(fds), 0);
	pid_t child = fork();
	if (child == 0) {
		tu_child_guard();
		c = lock_acquire(f, false, NULL) == LOCK_ACQUIRED ? 'y' : 'n';
		if (write(fds[1], &c, 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	assert_int_equal(read(fds[0], &c, 1), 1);
	assert_int_equal(c, 'y');
	assert_int_equal(lock_acquire(f, false, &other), LOCK_HELD);
	assert_int_equal(other.pid, (long)child);
	assert_true(other.user[0] != '\0');
	assert_true(other.host[0] != '\0');
	assert_true(labs((long)(time(NULL) - other.since)) < 60);
	lock_release(f); /* not ours: stays */
	assert_true(lock_names(f, (long)child));
	assert_int_equal(lock_acquire(f, true, &other), LOCK_ACQUIRED);
	assert_true(lock_names(f, (long)getpid()));
	tu_child_end(child);
	lock_release(f);

	/* A child that takes the lock and dies without releasing it. */
	child = fork();
	if (child == 0) {
		c = lock_acquire(f, false, NULL) == LOCK_ACQUIRED ? 'y' : 'n';
		_exit(write(fds[1], &c, 1) == 1 ? 0 : 1);
	}
	assert_int_equal(read(fds[0], &c, 1), 1);
	assert_int_equal(c, 'y');
	assert_int_equal(waitpid(child, NULL, 0), child);
	assert_true(lock_names(f, (long)child));
	assert_int_equal(lock_acquire(f, false, &other), LOCK_ACQUIRED);
	assert_true(lock_names(f, (long)getpid()));
	lock_release(f);
	assert_int_equal(tu_count(d), 0);
	close(fds[0]), close(fds[1]);
	free(f);
	tu_dir_free(d);
}

/* Unreadable, empty, garbage and half-written locks are stale. */
static void test_garbage_is_stale(void **state)
{
	(void)state;
	char *d = tu_dir_new(), *f = tu_path(d, "x.yaml");
	const char *junk[] = {
		"", "hello\n", "sbp-lock 1\nuser a\n", "sbp-lock 1\nhost HOST\npid 0\n",
		"sbp-lock 1\nhost HOST\npid -5\n", "sbp-lock 1\nhost HOST\npid 99999999999\n",
		"sbp-lock 1\nhost HOST\npid 12x\n", "\x7f" "ELF\x01\x01",
	};
	char host[256] = "";

	gethostname(host, sizeof host - 1);
	for (size_t i = 0; i < sizeof junk / sizeof *junk; i++) {
		const char *at = strstr(junk[i], "HOST");
		char *text = at ? xasprintf("%.*s%s%s", (int)(at - junk[i]), junk[i],
					    host, at + 4)
				: xasprintf("%s", junk[i]);
		plant(f, text);
		free(text);
		assert_int_equal(lock_acquire(f, false, NULL), LOCK_ACQUIRED);
		assert_true(lock_names(f, (long)getpid()));
		lock_release(f);
	}
	assert_int_equal(tu_count(d), 0);
	free(f);
	tu_dir_free(d);
}

/* A symlink planted as the lock is replaced, never written through. */
static void test_planted_symlink(void **state)
{
	(void)state;
	char *d = tu_dir_new(), *f = tu_path(d, "x.yaml"), *victim = tu_path(d, "victim");
	char *lp = lock_path_for(f);
	struct stat st;

	tu_write(victim, "precious\n");
	assert_int_equal(symlink("victim", lp), 0);
	assert_int_equal(lock_acquire(f, false, NULL), LOCK_ACQUIRED);
	assert_int_equal(lstat(lp, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	char *got = tu_read(victim);
	assert_string_equal(got, "precious\n");
	free(got);
	lock_release(f);
	free(f), free(victim), free(lp);
	tu_dir_free(d);
}

/* A lock from another host is held (we cannot tell whether it lives);
 * control characters in it are made harmless; force takes it. */
static void test_other_host(void **state)
{
	(void)state;
	char *d = tu_dir_new(), *f = tu_path(d, "x.yaml");
	sbp_lock_info other;

	plant(f, "sbp-lock 1\nuser bob\x1b]0;owned\x07\nhost far.invalid\npid 1\nsince 1700000000\n");
	assert_int_equal(lock_acquire(f, false, &other), LOCK_HELD);
	assert_string_equal(other.host, "far.invalid");
	assert_string_equal(other.user, "bob?]0;owned?");
	assert_int_equal(other.pid, 1);
	assert_int_equal(other.since, 1700000000);
	lock_release(f);
	assert_int_equal(tu_count(d), 1);
	assert_int_equal(lock_acquire(f, true, &other), LOCK_ACQUIRED);
	lock_release(f);
	assert_int_equal(tu_count(d), 0);
	free(f);
	tu_dir_free(d);
}

/* A live pid that started after the lock was written is a reused pid. */
static void test_reused_pid(void **state)
{
	(void)state;
	if (access("/proc/self/stat", R_OK) != 0)
		skip();
	char *d = tu_dir_new(), *f = tu_path(d, "x.yaml"), host[256] = "";
	pid_t child = tu_child_start();

	gethostname(host, sizeof host - 1);
	char *text = xasprintf("sbp-lock 1\nuser u\nhost %s\npid %ld\nsince %lld\n",
			       host, (long)child, (long long)time(NULL) - 10);
	plant(f, text);
	free(text);
	assert_int_equal(lock_acquire(f, false, NULL), LOCK_ACQUIRED);
	text = xasprintf("sbp-lock 1\nuser u\nhost %s\npid %ld\nsince %lld\n",
			 host, (long)child, (long long)time(NULL));
	plant(f, text);
	free(text);
	assert_int_equal(lock_acquire(f, false, NULL), LOCK_HELD);
	tu_child_end(child);
	free(f);
	tu_dir_free(d);
}

/* The text of a lock of user on this host by pid, written at since. */
static char *lock_of(const char *user, long pid, long long since)
{
	char host[256] = "";

	gethostname(host, sizeof host - 1);
	return xasprintf("sbp-lock 1\nuser %s\nhost %s\npid %ld\nsince %lld\n",
			 user, host, pid, since);
}

/* A zombie holds no lock: kill(pid, 0) succeeds on it, /proc says Z. */
static void test_zombie(void **state)
{
	(void)state;
	if (access("/proc/self/stat", R_OK) != 0)
		skip();
	char *d = tu_dir_new(), *f = tu_path(d, "x.yaml"), name[64], buf[512];
	sbp_lock_info other;
	pid_t child = fork();

	if (child == 0)
		_exit(0);
	snprintf(name, sizeof name, "/proc/%ld/stat", (long)child);
	for (int i = 0; i < 500; i++) { /* until it is a zombie */
		FILE *p = fopen(name, "r");
		size_t n = p ? fread(buf, 1, sizeof buf - 1, p) : 0;
		if (p)
			fclose(p);
		buf[n] = '\0';
		char *e = strrchr(buf, ')');
		if (e && e[1] == ' ' && e[2] == 'Z')
			break;
		usleep(10000);
	}
	assert_int_equal(kill(child, 0), 0);
	char *text = lock_of("u", (long)child, (long long)time(NULL));
	plant(f, text);
	free(text);
	assert_int_equal(lock_acquire(f, false, &other), LOCK_ACQUIRED);
	assert_true(other.gone);
	assert_int_equal(other.pid, (long)child);
	assert_true(lock_names(f, (long)getpid()));
	lock_release(f);
	assert_int_equal(waitpid(child, NULL, 0), child);
	free(f);
	tu_dir_free(d);
}

/* A pid that is gone: a child that exited and was reaped. */
static long dead_pid(void)
{
	pid_t child = fork();

	if (child == 0)
		_exit(0);
	waitpid(child, NULL, 0);
	return (long)child;
}

/* As another user: the stale lock (root's, 0644, not writable for us) is
 * taken over by renaming a new file of ours over it; other says whose
 * stale lock it was. */
static int stale_as_user(void *arg)
{
	char *f = tu_path(arg, "x.yaml"), *lp = lock_path_for(f);
	sbp_lock_info other;
	struct stat st;
	int bad = 0;

	if (lock_acquire(f, false, &other) != LOCK_ACQUIRED)
		bad |= 1;
	if (!other.gone || strcmp(other.user, "rootish") != 0 || other.pid <= 0)
		bad |= 2;
	if (lstat(lp, &st) != 0 || st.st_uid != geteuid() || (st.st_mode & 0777) != 0644)
		bad |= 4;
	if (!lock_names(f, (long)getpid()))
		bad |= 8;
	lock_release(f);
	free(f), free(lp);
	return bad;
}

static void test_stale_of_other_user(void **state)
{
	(void)state;
	char *d = tu_dir_new(), *f = tu_path(d, "x.yaml"), *lp = lock_path_for(f);
	char *text = lock_of("rootish", dead_pid(), (long long)time(NULL) - 60);

	plant(f, text);
	free(text);
	assert_int_equal(chmod(lp, 0644), 0);
	int r = tu_as_user(stale_as_user, d);
	free(f), free(lp);
	tu_dir_free(d);
	if (r == -1 || geteuid() != 0)
		skip(); /* needs root to become another user */
	assert_int_equal(r, 0);
}

/* Where no file can be made, the lock is unavailable. */
static int unavailable_as_user(void *arg)
{
	char *f = tu_path(arg, "ro/x.yaml");
	int r = lock_acquire(f, false, NULL) == LOCK_UNAVAILABLE ? 0 : 1;

	free(f);
	return r;
}

static void test_unavailable(void **state)
{
	(void)state;
	char *d = tu_dir_new(), *ro = tu_path(d, "ro");

	assert_int_equal(lock_acquire("/proc/sbp-test.yaml", false, NULL), LOCK_UNAVAILABLE);
	assert_int_equal(mkdir(ro, 0555), 0);
	int r = tu_as_user(unavailable_as_user, d);
	free(ro);
	tu_dir_free(d);
	if (r == -1)
		skip();
	assert_int_equal(r, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lock_path),
		cmocka_unit_test(test_acquire_release),
		cmocka_unit_test(test_held_stale_force),
		cmocka_unit_test(test_garbage_is_stale),
		cmocka_unit_test(test_planted_symlink),
		cmocka_unit_test(test_other_host),
		cmocka_unit_test(test_zombie),
		cmocka_unit_test(test_stale_of_other_user),
		cmocka_unit_test(test_reused_pid),
		cmocka_unit_test(test_unavailable),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
