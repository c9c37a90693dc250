/* Tests of atomic_write: permissions, owner and group kept, symlinks and
 * hard links kept, refusals in plain words, and no temporary file left
 * behind. Cases that need an unprivileged user fork one when run as root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "sbp/io.h"
#include "tutil.h"

/* Save text to path; true on success, the message in err. */
static bool save(const char *path, const char *text, char *err)
{
	err[0] = '\0';
	return atomic_write(path, text, strlen(text), err, 512);
}

/* A new file gets 0666 less the umask, and the content. */
static void test_new_file(void **state)
{
	(void)state;
	char *d = tu_dir_new(), *p = tu_path(d, "new.yaml"), err[512];
	mode_t old = umask(022);
	struct stat st;

	assert_true(save(p, "sbp: 1\n", err));
	umask(old);
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0644);
	char *got = tu_read(p);
	assert_string_equal(got, "sbp: 1\n");
	assert_int_equal(tu_count(d), 1);
	free(got);
	free(p);
	tu_dir_free(d);
}

/* Permission bits 0640 (and an odd 0604) survive a save. */
static void test_mode_kept(void **state)
{
	(void)state;
	char *d = tu_dir_new(), *p = tu_path(d, "m.yaml"), err[512];
	struct stat st;
	const mode_t modes[] = { 0640, 0604, 0600 };

	for (size_t i = 0; i < sizeof modes / sizeof *modes; i++) {
		tu_write(p, "old\n");
		chmod(p, modes[i]);
		assert_true(save(p, "new\n", err));
		assert_int_equal(stat(p, &st), 0);
		assert_int_equal(st.st_mode & 07777, modes[i]);
	}
	assert_int_equal(tu_count(d), 1);
	free(p);
	tu_dir_free(d);
}

/* Owner and group survive when we may set them (root). */
static void test_owner_kept(void **state)
{
	(void)state;
	if (geteuid() != 0)
		skip(); /* only root may give a file away */
	char *d = tu_dir_new(), *p = tu_path(d, "o.yaml"), err[512];
	struct stat st;

	tu_write(p, "old\n");
	assert_int_equal(chown(p, 1234, 4321), 0);
	chmod(p, 0640);
	assert_true(save(p, "new\n", err));
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_uid, 1234);
	assert_int_equal(st.st_gid, 4321);
	assert_int_equal(st.st_mode & 07777, 0640);
	free(p);
	tu_dir_free(d);
}

/* A relative, an absolute and a chained symlink stay links; the file they
 * point at gets the content. */
static void test_symlink_kept(void **state)
{
	(void)state;
	char *d = tu_dir_new(), err[512];
	char *real = tu_path(d, "real.yaml"), *rel = tu_path(d, "rel.yaml");
	char *abs = tu_path(d, "abs.yaml"), *chain = tu_path(d, "chain.yaml");
	struct stat st;

	tu_write(real, "v0\n");
	chmod(real, 0640);
	assert_int_equal(symlink("real.yaml", rel), 0);
	assert_int_equal(symlink(real, abs), 0);
	assert_int_equal(symlink("rel.yaml", chain), 0);
	const char *links[] = { rel, abs, chain };
	for (int i = 0; i < 3; i++) {
		char text[16];
		snprintf(text, sizeof text, "v%d\n", i + 1);
		assert_true(save(links[i], text, err));
		assert_int_equal(lstat(links[i], &st), 0);
		assert_true(S_ISLNK(st.st_mode));
		char *got = tu_read(real);
		assert_string_equal(got, text);
		free(got);
		assert_int_equal(stat(real, &st), 0);
		assert_int_equal(st.st_mode & 07777, 0640);
	}
	assert_int_equal(tu_count(d), 4);
	free(real), free(rel), free(abs), free(chain);
	tu_dir_free(d);
}

/* A dangling symlink: the file it names is created, the link kept; a loop
 * of links is refused in plain words. */
static void test_symlink_dangling_and_loop(void **state)
{
	(void)state;
	char *d = tu_dir_new(), err[512];
	char *link = tu_path(d, "l.yaml"), *target = tu_path(d, "t.yaml");
	char *a = tu_path(d, "a"), *b = tu_path(d, "b");
	struct stat st;

	assert_int_equal(symlink("t.yaml", link), 0);
	assert_true(save(link, "x\n", err));
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	char *got = tu_read(target);
	assert_string_equal(got, "x\n");
	free(got);
	assert_int_equal(symlink("b", a), 0);
	assert_int_equal(symlink("a", b), 0);
	assert_false(save(a, "y\n", err));
	assert_non_null(strstr(err, "symbolic links"));
	assert_int_equal(tu_count(d), 4);
	free(link), free(target), free(a), free(b);
	tu_dir_free(d);
}

/* Two hard links: both names show the new content, the inode is the same,
 * and no safety copy is left; longer and shorter content both work. */
static void test_hard_link_kept(void **state)
{
	(void)state;
	char *d = tu_dir_new(), err[512];
	char *one = tu_path(d, "one.yaml"), *two = tu_path(d, "two.yaml");
	struct stat s1, s2;

	tu_write(one, "original content\n");
	chmod(one, 0640);
	assert_int_equal(link(one, two), 0);
	assert_int_equal(stat(one, &s1), 0);
	const char *texts[] = { "a much longer replacement content\nline 2\n", "short\n", "" };
	for (int i = 0; i < 3; i++) {
		assert_true(save(two, texts[i], err));
		char *g1 = tu_read(one), *g2 = tu_read(two);
		assert_string_equal(g1, texts[i]);
		assert_string_equal(g2, texts[i]);
		free(g1), free(g2);
		assert_int_equal(stat(two, &s2), 0);
		assert_int_equal(s2.st_ino, s1.st_ino);
		assert_int_equal(s2.st_nlink, 2);
		assert_int_equal(s2.st_mode & 07777, 0640);
		assert_int_equal(tu_count(d), 2);
	}
	free(one), free(two);
	tu_dir_free(d);
}

/* Directories and missing directories are refused with a message that
 * names the file; nothing is created. */
static void test_refusals(void **state)
{
	(void)state;
	char *d = tu_dir_new(), err[512];
	char *sub = tu_path(d, "sub"), *missing = tu_path(d, "nodir/x.yaml");

	assert_int_equal(mkdir(sub, 0755), 0);
	assert_false(save(sub, "x\n", err));
	assert_non_null(strstr(err, "not a regular file"));
	assert_false(save(missing, "x\n", err));
	assert_non_null(strstr(err, "cannot save"));
	assert_non_null(strstr(err, "x.yaml"));
	assert_false(save("/proc/sbp-test-no-such.yaml", "x\n", err));
	assert_non_null(strstr(err, "cannot save /proc/sbp-test-no-such.yaml"));
	assert_int_equal(tu_count(d), 1);
	free(sub), free(missing);
	tu_dir_free(d);
}

/* A big content survives intact. */
static void test_large(void **state)
{
	(void)state;
	char *d = tu_dir_new(), *p = tu_path(d, "big.yaml"), err[512];
	size_t n = (size_t)3 << 20;
	char *text = malloc(n + 1);

	for (size_t i = 0; i < n; i++)
		text[i] = (char)('a' + i % 26);
	text[n] = '\0';
	tu_write(p, "small\n");
	assert_true(save(p, text, err));
	char *got = tu_read(p);
	assert_memory_equal(got, text, n + 1);
	free(got), free(text), free(p);
	tu_dir_free(d);
}

/* As an unprivileged user: a read-only file is refused ("permission
 * denied") and left as it was; a writable file in a read-only directory
 * is written in place (the old content kept in memory, as vim does), and
 * the note says that the save was not atomic (issue 10, item 17). */
static int refusals_as_user(void *arg)
{
	const char *d = arg;
	char err[512];
	char *ro = tu_path(d, "ro/file.yaml"), *mine = tu_path(d, "w/root.yaml");
	int bad = 0;
	struct stat before, after;

	if (stat(ro, &before) != 0 || !save(ro, "new\n", err) ||
	    !strstr(err, "not atomic") || stat(ro, &after) != 0 ||
	    before.st_ino != after.st_ino)
		bad |= 1;
	if (save(mine, "new\n", err) || !strstr(err, "permission denied"))
		bad |= 2;
	char *g1 = tu_read(ro), *g2 = tu_read(mine);
	if (!g1 || strcmp(g1, "new\n") || !g2 || strcmp(g2, "old\n"))
		bad |= 4;
	free(g1), free(g2), free(ro), free(mine);
	return bad;
}

static void test_permission_denied(void **state)
{
	(void)state;
	char *d = tu_dir_new();
	char *ro = tu_path(d, "ro"), *w = tu_path(d, "w");
	char *f1 = tu_path(d, "ro/file.yaml"), *f2 = tu_path(d, "w/root.yaml");

	assert_int_equal(mkdir(ro, 0777), 0);
	assert_int_equal(mkdir(w, 0777), 0);
	tu_write(f1, "old\n");
	tu_write(f2, "old\n");
	chmod(f1, 0666);
	chmod(ro, 0555); /* the file is writable, its directory is not */
	chmod(f2, 0444); /* the directory is writable, the file is not */
	int r = tu_as_user(refusals_as_user, d);
	int n1 = tu_count(ro), n2 = tu_count(w);
	chmod(ro, 0777);
	free(ro), free(w), free(f1), free(f2);
	tu_dir_free(d);
	if (r == -1)
		skip();
	assert_int_equal(r, 0);
	assert_int_equal(n1, 1);
	assert_int_equal(n2, 1);
}

/* As an unprivileged user saving a writable file owned by someone else:
 * a rename would make the file ours, so it is written in place and keeps
 * its owner. */
static int foreign_as_user(void *arg)
{
	char err[512];
	char *p = tu_path(arg, "theirs.yaml");
	int bad = save(p, "new content\n", err) ? 0 : 1;
	char *got = tu_read(p);

	if (!got || strcmp(got, "new content\n"))
		bad |= 2;
	free(got), free(p);
	return bad;
}

static void test_foreign_owner_in_place(void **state)
{
	(void)state;
	if (geteuid() != 0)
		skip(); /* needs a file of another user */
	char *d = tu_dir_new(), *p = tu_path(d, "theirs.yaml");
	struct stat st;

	tu_write(p, "old\n");
	assert_int_equal(chown(p, 1234, 1234), 0);
	chmod(p, 0666);
	int r = tu_as_user(foreign_as_user, d);
	if (r == -1) {
		free(p);
		tu_dir_free(d);
		skip();
	}
	assert_int_equal(r, 0);
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_uid, 1234);
	assert_int_equal(st.st_gid, 1234);
	assert_int_equal(st.st_mode & 07777, 0666);
	assert_int_equal(tu_count(d), 1);
	free(p);
	tu_dir_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_file),
		cmocka_unit_test(test_mode_kept),
		cmocka_unit_test(test_owner_kept),
		cmocka_unit_test(test_symlink_kept),
		cmocka_unit_test(test_symlink_dangling_and_loop),
		cmocka_unit_test(test_hard_link_kept),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_large),
		cmocka_unit_test(test_permission_denied),
		cmocka_unit_test(test_foreign_owner_in_place),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
