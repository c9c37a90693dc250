/* Tests of file stamps: unchanged files, changes of size and content, a
 * change by another writer that keeps the size and puts the old
 * modification time back (the hash catches it), a touch that changes
 * nothing, and files that appear or disappear. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "sbp/safety.h"
#include "tutil.h"

/* Same content, same stamp; the stamp of data matches the file's. */
static void test_unchanged(void **state)
{
	(void)state;
	char *d = tu_dir_new(), *f = tu_path(d, "x.yaml");
	file_stamp a, b;

	tu_write(f, "sbp: 1\n");
	file_stamp_take(f, &a);
	assert_true(a.exists);
	assert_int_equal(a.size, 7);
	assert_false(file_stamp_changed(f, &a));
	file_stamp_of("sbp: 1\n", 7, &b);
	assert_int_equal(b.hash, a.hash);
	assert_false(file_stamp_changed(f, &b));
	file_stamp_of("sbp: 2\n", 7, &b);
	assert_true(b.hash != a.hash);
	assert_true(file_stamp_changed(f, &b));
	free(f);
	tu_dir_free(d);
}

/* Another writer keeps the size and restores the mtime: still noticed. */
static void test_same_size_and_mtime(void **state)
{
	(void)state;
	char *d = tu_dir_new(), *f = tu_path(d, "x.yaml");
	file_stamp a, now;
	struct stat st;

	tu_write(f, "title: alpha\n");
	file_stamp_take(f, &a);
	assert_int_equal(stat(f, &st), 0);
	tu_write(f, "title: omega\n");
	struct timespec times[2] = { st.st_atim, st.st_mtim };
	assert_int_equal(utimensat(AT_FDCWD, f, times, 0), 0);
	file_stamp_take(f, &now);
	assert_int_equal(now.size, a.size);
	assert_int_equal(now.mtime.tv_sec, a.mtime.tv_sec);
	assert_int_equal(now.mtime.tv_nsec, a.mtime.tv_nsec);
	assert_true(file_stamp_changed(f, &a));
	free(f);
	tu_dir_free(d);
}

/* Size changes are changes; a touch that keeps the bytes is not. */
static void test_size_and_touch(void **state)
{
	(void)state;
	char *d = tu_dir_new(), *f = tu_path(d, "x.yaml");
	file_stamp a;
	struct timespec later[2] = { { 0, UTIME_OMIT }, { 2000000000, 5 } };

	tu_write(f, "abc\n");
	file_stamp_take(f, &a);
	assert_int_equal(utimensat(AT_FDCWD, f, later, 0), 0);
	assert_false(file_stamp_changed(f, &a));
	tu_write(f, "abcd\n");
	assert_true(file_stamp_changed(f, &a));
	free(f);
	tu_dir_free(d);
}

/* A file that appears or disappears is a change; absent stays absent. */
static void test_exists(void **state)
{
	(void)state;
	char *d = tu_dir_new(), *f = tu_path(d, "x.yaml");
	file_stamp none, some;

	file_stamp_take(f, &none);
	assert_false(none.exists);
	assert_false(file_stamp_changed(f, &none));
	tu_write(f, "");
	assert_true(file_stamp_changed(f, &none));
	file_stamp_take(f, &some);
	assert_true(some.exists);
	assert_int_equal(some.size, 0);
	unlink(f);
	assert_true(file_stamp_changed(f, &some));
	free(f);
	tu_dir_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unchanged),
		cmocka_unit_test(test_same_size_and_mtime),
		cmocka_unit_test(test_size_and_touch),
		cmocka_unit_test(test_exists),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
