/* Tests of display width and of the sanitizer that fits text into a
 * number of columns: ASCII, CJK, combining marks, escapes of invisible
 * and control characters, and truncation with an ellipsis. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sbp/utf8.h"

static size_t width(const char *s)
{
	return utf8_width(s, strlen(s));
}

/* Columns as a terminal counts them. */
static void test_width(void **state)
{
	(void)state;
	assert_int_equal(width(""), 0);
	assert_int_equal(width("Check in"), 8);
	assert_int_equal(width("前台"), 4);
	assert_int_equal(width("a（b）"), 6);      /* fullwidth brackets */
	assert_int_equal(width("e\xcc\x81"), 1);   /* e + combining acute */
	assert_int_equal(width("a\tb"), 4);        /* tab shown as \t */
	assert_int_equal(width("x\xe2\x80\x8by"), 10); /* zero-width space as \u{200B} */
	assert_int_equal(width("\xff"), 4);        /* invalid byte as \xFF */
}

/* sanitize_fit of s into maxw columns: the text and the width it
 * reports, which must be the width of the text. */
static void assert_fit(const char *s, size_t maxw, const char *want)
{
	sbp_buf b;
	buf_init(&b);
	size_t w = sanitize_fit(&b, s, strlen(s), maxw);
	assert_string_equal(b.data ? b.data : "", want);
	assert_int_equal(w, width(want));
	assert_true(w <= maxw);
	buf_free(&b);
}

static void test_fit(void **state)
{
	(void)state;
	assert_fit("Check in", 20, "Check in");
	assert_fit("Check in", 8, "Check in");
	assert_fit("Check in at the desk", 8, "Check i\xe2\x80\xa6");
	assert_fit("前台登记入住", 7, "前台登\xe2\x80\xa6");
	assert_fit("ab前台", 4, "ab\xe2\x80\xa6");
	assert_fit("a\x1b[31mred", 20, "a\\x1B[31mred");
	assert_fit("a\x1b[31mred", 6, "a\\x1B\xe2\x80\xa6");
	assert_fit("a\x1b[31mred", 5, "a\xe2\x80\xa6");
	assert_fit("x\xe2\x80\xaey", 20, "x\\u{202E}y");
	assert_fit("abc", 0, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_fit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
