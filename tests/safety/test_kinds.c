/* Tests of files that are not what they seem (issue 10, items 7 to 9):
 * FIFOs, directories and devices are refused at once by read_file, the
 * loader and atomic_write, never opened blocking; a character device is a
 * valid output; a symlink of another user in a directory others may
 * write is not followed (saving, exporting, opening), while a link of our
 * own, or of the directory's owner, is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "sbp/io.h"
#include "sbp/safety.h"
#include "tutil.h"

/* A FIFO nobody writes to: reading, loading, stamping and saving all
 * return at once (an alarm kills the test if one blocks). */
static void test_fifo(void **state)
{
	(void)state;
	char *d = tu_dir_new(), *p = tu_path(d, "pipe.yaml"), err[512], *data;
	size_t len;
	sbp_diags diags;
	file_stamp st;

	assert_int_equal(mkfifo(p, 0666), 0);
	alarm(20);
	assert_false(read_file(p, 1 << 20, &data, &len));
	assert_int_equal(errno, SBP_EFIFO);
	assert_non_null(strstr(file_strerror(SBP_EFIFO), "FIFO"));
	diags_init(&diags);
	assert_null(sbp_load_file(p, NULL, &diags));
	assert_true(diags.n > 0);
	assert_non_null(strstr(diags.items[0].message, "FIFO"));
	diags_free(&diags);
	file_stamp_take(p, &st);
	assert_false(st.exists);
	assert_false(atomic_write(p, "x\n", 2, err, sizeof err));
	assert_non_null(strstr(err, "not a regular file"));
	struct stat sb;
	assert_int_equal(lstat(p, &sb), 0);
	assert_true(S_ISFIFO(sb.st_mode)); /* left as it was */
	alarm(0);
	free(p);
	tu_dir_free(d);
}

/* Directories and devices are refused as input; a character device is
 * written as an output (-o /dev/null). */
static void test_dir_and_devices(void **state)
{
	(void)state;
	char *d = tu_dir_new(), *data, err[512];
	size_t len;

	assert_false(read_file(d, 1 << 20, &data, &len));
	assert_int_equal(errno, EISDIR);
	assert_false(read_file("/dev/null", 1 << 20, &data, &len));
	assert_int_equal(errno, SBP_EDEV);
	assert_true(atomic_write("/dev/null", "sbp: 1\n", 7, err, sizeof err));
	struct stat sb;
	assert_int_equal(stat("/dev/null", &sb), 0);
	assert_true(S_ISCHR(sb.st_mode));
	tu_dir_free(d);
}

/* A link of another user (uid 1234) in a world-writable directory is not
 * followed: saving and opening refuse it, the file it names is untouched
 * and never created. Our own link there is followed. */
static void test_foreign_link(void **state)
{
	(void)state;
	if (geteuid() != 0)
		skip(); /* needs root to make a link of another user */
	char *d = tu_dir_new(), *victim = tu_path(d, "victim.yaml");
	char *bait = tu_path(d, "bait.yaml"), *none = tu_path(d, "none.yaml");
	char *dangling = tu_path(d, "dangling.yaml"), *own = tu_path(d, "own.yaml");
	char err[4400];

	tu_write(victim, "precious\n");
	assert_int_equal(symlink(victim, bait), 0);
	assert_int_equal(symlink(none, dangling), 0);
	assert_int_equal(lchown(bait, 1234, 1234), 0);
	assert_int_equal(lchown(dangling, 1234, 1234), 0);
	assert_false(atomic_write(bait, "x\n", 2, err, sizeof err));
	assert_non_null(strstr(err, "symbolic link"));
	assert_false(atomic_write(dangling, "x\n", 2, err, sizeof err));
	assert_int_equal(access(none, F_OK), -1); /* never created */
	char *got = tu_read(victim);
	assert_string_equal(got, "precious\n");
	free(got);
	assert_false(safety_links_trusted(bait, err, sizeof err));
	assert_non_null(strstr(err, "symbolic link"));
	assert_true(safety_links_trusted(victim, err, sizeof err));
	/* The same link in a directory only its owner may write is followed. */
	chmod(d, 0755);
	assert_true(safety_links_trusted(bait, err, sizeof err));
	chmod(d, 0777);
	/* Our own link is followed. */
	assert_int_equal(symlink(victim, own), 0);
	assert_true(atomic_write(own, "mine\n", 5, err, sizeof err));
	got = tu_read(victim);
	assert_string_equal(got, "mine\n");
	free(got);
	free(victim), free(bait), free(none), free(dangling), free(own);
	tu_dir_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fifo),
		cmocka_unit_test(test_dir_and_devices),
		cmocka_unit_test(test_foreign_link),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
