/* Tests of the line editor: UTF-8, Chinese and combining marks, the
 * cursor by display width, and the scrolling view. */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "sbp/lineedit.h"
#include "sbp/utf8.h"

static void test_chinese_typing(void **state)
{
	(void)state;
	lineedit le;
	lineedit_init(&le);
	const uint32_t text[] = { 0x5BA2, 0x670D, 0x81F4, 0x6B49 }; /* 客服致歉 */
	for (size_t i = 0; i < 4; i++)
		assert_true(lineedit_insert(&le, text[i]));
	assert_string_equal(le.text.data, "客服致歉");
	assert_int_equal(lineedit_cursor_col(&le), 8);
	lineedit_left(&le);
	assert_int_equal(lineedit_cursor_col(&le), 6);
	lineedit_backspace(&le);
	assert_string_equal(le.text.data, "客服歉");
	assert_int_equal(lineedit_cursor_col(&le), 4);
	lineedit_insert(&le, 'A');
	assert_string_equal(le.text.data, "客服A歉");
	lineedit_home(&le);
	lineedit_delete(&le);
	assert_string_equal(le.text.data, "服A歉");
	lineedit_end(&le);
	assert_int_equal(lineedit_cursor_col(&le), 5);
	lineedit_free(&le);
}

static void test_combining_marks(void **state)
{
	(void)state;
	lineedit le;
	lineedit_init(&le);
	lineedit_insert_str(&le, "ae\xCC\x81z"); /* a, e + acute, z */
	assert_int_equal(lineedit_cursor_col(&le), 3);
	lineedit_left(&le);
	lineedit_left(&le); /* over e and its mark at once */
	assert_int_equal(le.cur, 1);
	lineedit_delete(&le);
	assert_string_equal(le.text.data, "az");
	lineedit_free(&le);
}

static void test_unsafe_refused(void **state)
{
	(void)state;
	lineedit le;
	lineedit_init(&le);
	assert_false(lineedit_insert(&le, 0x1B));
	assert_false(lineedit_insert(&le, 0x202E));
	assert_false(lineedit_insert(&le, 0x9B));
	lineedit_insert_str(&le, "a\x1b[2Jb\xE2\x80\xAE" "c");
	assert_string_equal(le.text.data, "a[2Jbc");
	lineedit_free(&le);
}

static void test_view_scrolls(void **state)
{
	(void)state;
	lineedit le;
	lineedit_init(&le);
	for (int i = 0; i < 30; i++)
		lineedit_insert(&le, 0x4E2D); /* 中, 60 columns */
	sbp_buf v;
	size_t cx;
	buf_init(&v);
	lineedit_view(&le, 21, &v, &cx);
	assert_true(cx <= 20);
	assert_true(utf8_width(v.data, v.len) <= 21);
	/* never half a character: an even number of columns here */
	assert_int_equal(utf8_width(v.data, v.len) % 2, 0);
	lineedit_home(&le);
	buf_reset(&v);
	lineedit_view(&le, 21, &v, &cx);
	assert_int_equal(cx, 0);
	assert_int_equal(le.scroll, 0);
	buf_free(&v);
	lineedit_free(&le);
}

static void test_kill_keys(void **state)
{
	(void)state;
	lineedit le;
	lineedit_init(&le);
	lineedit_set(&le, "one two three");
	lineedit_kill_word(&le);
	assert_string_equal(le.text.data, "one two ");
	lineedit_left(&le);
	lineedit_left(&le);
	lineedit_kill_end(&le);
	assert_string_equal(le.text.data, "one tw");
	lineedit_kill_start(&le);
	assert_string_equal(le.text.data, "");
	lineedit_free(&le);
}

static void test_chinese_step_through_keys(void **state)
{
	editor *ed = ((fixture *)*state)->ed;
	editor_feed(ed, "j l a 客服致歉并说明原因 <Left> <BS> 因 <Enter> <Esc>");
	sbp_step *s = blueprint_step(ed->bp, "customer-2");
	assert_non_null(s); /* no ASCII: an id from the lane, its 2nd step */
	assert_string_equal(s->text, "客服致歉并说明因因");
	sbp_buf card;
	buf_init(&card);
	editor_card(ed, s, 12, &card);
	/* 4 marker columns, then 7 columns of text: 3 characters and "…" */
	assert_int_equal(utf8_width(card.data, card.len), 12);
	assert_non_null(strstr(card.data, "客服致\xE2\x80\xA6"));
	buf_free(&card);
	editor_feed(ed, "<Enter> <End> 🙂 <Enter>");
	assert_string_equal(s->text, "客服致歉并说明因因🙂");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chinese_typing),
		cmocka_unit_test(test_combining_marks),
		cmocka_unit_test(test_unsafe_refused),
		cmocka_unit_test(test_view_scrolls),
		cmocka_unit_test(test_kill_keys),
		cmocka_unit_test_setup_teardown(test_chinese_step_through_keys,
						fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
