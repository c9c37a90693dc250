/* The kinsoku rule of the wrapping shared by the text export, the poster
 * and the editor (src/layout/wrap.c): no line starts with closing
 * punctuation, at every width, and no text is lost or reordered. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "sbp/layout.h"
#include "sbp/model.h"
#include "sbp/utf8.h"

static const char *const samples[] = {
	"客户家中宽带中断，拨打报修热线；先远程诊断，无法远程解决时预约技术员上门维修。",
	"技术员上门（按预约时段），检测线路、更换故障设备，并与客户一起测试上网。",
	"语音导航识别来电号码，播报区域故障公告、预计恢复时间」和「下一步」。",
	"回访：“问题解决了吗？”客户说：“好的！”然后结束。",
	"Mixed 中文 text, with Latin (and CJK) punctuation: done.",
};

/* Does the line s[a..b) start with a character that may not start one? */
static bool starts_closing(const char *s, size_t a, size_t b)
{
	static const char *const bad[] = {"，", "。", "、", "；", "：", "！", "？", "）",
					  "」", "』", "】", "》", "”", "’", "…", ",", ".",
					  ";", ":", "!", "?", ")", NULL};
	for (size_t i = 0; bad[i]; i++)
		if (b - a >= strlen(bad[i]) && !strncmp(s + a, bad[i], strlen(bad[i])))
			return true;
	return false;
}

static void test_line_by_line(void **state)
{
	(void)state;
	for (size_t k = 0; k < sizeof samples / sizeof samples[0]; k++) {
		const char *s = samples[k];
		size_t len = strlen(s);
		for (size_t w = 6; w <= 60; w++) { /* room for a character and two marks */
			size_t pos = 0, end, lines = 0;
			while (pos < len) {
				size_t next = layout_wrap_line(s, len, pos, w, &end);
				assert_true(next > pos);
				assert_true(end <= next);
				if (lines)
					assert_false(starts_closing(s, pos, end));
				pos = next;
				while (pos < len && s[pos] == ' ')
					pos++;
				lines++;
			}
		}
	}
}

static void test_poster_and_text(void **state)
{
	(void)state;
	sbp_blueprint bp = {0};
	sbp_layout *lay = layout_new(&bp, NULL);
	for (size_t k = 0; k < sizeof samples / sizeof samples[0]; k++) {
		const char *s = samples[k];
		for (size_t w = 6; w <= 40; w += 2) {
			size_t first = lay->nlines;
			size_t n = layout_wrap(lay, s, strlen(s), w, 0);
			/* nothing lost: the lines are the text, spaces aside */
			size_t total = 0;
			for (size_t i = first; i < first + n; i++) {
				if (i > first)
					assert_false(starts_closing(lay->lines[i].s, 0, lay->lines[i].len));
				total += lay->lines[i].len;
			}
			size_t nonspace = 0;
			for (const char *p = s; *p; p++)
				nonspace += *p != ' ';
			assert_true(total >= nonspace);
			first = lay->nlines;
			n = layout_wrap_width(lay, s, strlen(s), 6.0 * (double)w, LAY_FONT_BODY, 0);
			for (size_t i = first + 1; i < first + n; i++)
				assert_false(starts_closing(lay->lines[i].s, 0, lay->lines[i].len));
		}
	}
	layout_free(lay);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_line_by_line),
		cmocka_unit_test(test_poster_and_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
