/* The export term table: both languages for every term, printf formats
 * that agree, the seeds' Chinese terms, and the choice of language
 * (blueprint, then locale, then English). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sbp/terms.h"

/* The printf conversions of a format, concatenated ("%zu%s%.0f..."). */
static void conversions(const char *f, char *out, size_t n)
{
	size_t k = 0;
	for (const char *p = f; *p; p++) {
		if (*p != '%')
			continue;
		const char *q = p + 1;
		q += strspn(q, "-+ #0123456789.*");
		q += strspn(q, "hlLzjt");
		if (!*q || !strchr("diouxXeEfFgGaAcsp%", *q))
			continue; /* a literal per cent sign in a plain label */
		for (const char *c = p; c <= q && k + 1 < n; c++)
			out[k++] = *c;
		p = q;
	}
	out[k] = '\0';
}

static void test_every_term_in_both(void **state)
{
	(void)state;
	for (int t = 0; t < TERM_COUNT; t++) {
		const char *en = term(TL_EN, (sbp_term)t), *zh = term(TL_ZH, (sbp_term)t);
		assert_non_null(en);
		assert_non_null(zh);
		assert_true(*en && *zh);
		assert_string_not_equal(en, "?");
		/* Chinese, not a copy of the English */
		assert_string_not_equal(en, zh);
		int cjk = 0;
		for (const unsigned char *p = (const unsigned char *)zh; *p; p++)
			cjk += *p >= 0xE3 && *p <= 0xE9;
		assert_true(cjk > 0);
		char ce[64], cz[64];
		conversions(en, ce, sizeof ce);
		conversions(zh, cz, sizeof cz);
		assert_string_equal(ce, cz);
	}
}

static void test_seed_terms(void **state)
{
	(void)state;
	static const char *const zones[] = {"有形展示", "顾客行为", "前台接触员工行为",
					    "后台接触员工行为", "支持过程"};
	for (int z = 0; z < ZONE_COUNT; z++)
		assert_string_equal(term_zone(TL_ZH, (sbp_zone)z), zones[z]);
	assert_string_equal(term_zone(TL_EN, ZONE_ONSTAGE), "Onstage contact actions");
	assert_string_equal(term_line_above(TL_ZH, ZONE_ONSTAGE), "互动分界线");
	assert_string_equal(term_line_above(TL_ZH, ZONE_BACKSTAGE), "可视分界线");
	assert_string_equal(term_line_above(TL_ZH, ZONE_SUPPORT), "内部互动分界线");
	assert_null(term_line_above(TL_ZH, ZONE_CUSTOMER));
	assert_string_equal(term_line_above(TL_EN, ZONE_SUPPORT), "line of internal interaction");
	static const char *const dims[] = {"有形性", "可靠性", "响应性", "保证性", "移情性"};
	for (int d = DIM_TANGIBLES; d < DIM_COUNT; d++)
		assert_string_equal(term_dimension(TL_ZH, (sbp_dimension)d), dims[d - DIM_TANGIBLES]);
	assert_string_equal(term_dimension(TL_EN, DIM_EMPATHY), "empathy");
	assert_string_equal(term(TL_ZH, TERM_FAIL_POINT), "失误点");
	assert_string_equal(term(TL_ZH, TERM_WAIT_POINT), "等待点");
	assert_string_equal(term(TL_ZH, TERM_HARD), "硬性标准");
	assert_string_equal(term(TL_ZH, TERM_SOFT), "软性标准");
	assert_string_equal(term(TL_ZH, TERM_SQI), "服务质量指数");
	assert_string_equal(term(TL_ZH, TERM_ZONE_OF_TOLERANCE), "容忍区域");
	assert_string_equal(term(TL_ZH, TERM_GOAL_ATTAINMENT), "目标达成率");
	assert_string_equal(term(TL_ZH, TERM_MINUTES), "分钟");
	assert_string_equal(term(TL_EN, TERM_MINUTES), "min");
	/* out of range: English, or a visible "?" */
	assert_string_equal(term((term_lang)7, TERM_FAIL_POINT), "fail point");
	assert_string_equal(term(TL_ZH, TERM_COUNT), "?");
}

static void test_resolution(void **state)
{
	(void)state;
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	unsetenv("LANG");
	assert_int_equal(term_lang_resolve(LANG_UNSET), TL_EN); /* nothing set: English */
	setenv("LANG", "zh_CN.UTF-8", 1);
	assert_int_equal(term_lang_resolve(LANG_UNSET), TL_ZH); /* the locale */
	assert_int_equal(term_lang_resolve(LANG_EN), TL_EN); /* the blueprint wins */
	setenv("LC_MESSAGES", "en_GB.UTF-8", 1);
	assert_int_equal(term_lang_resolve(LANG_UNSET), TL_EN); /* LC_MESSAGES before LANG */
	setenv("LC_ALL", "zh_TW.UTF-8", 1);
	assert_int_equal(term_lang_resolve(LANG_UNSET), TL_ZH); /* LC_ALL before both */
	setenv("LC_ALL", "C.UTF-8", 1);
	assert_int_equal(term_lang_resolve(LANG_UNSET), TL_EN);
	assert_int_equal(term_lang_resolve(LANG_ZH), TL_ZH);
	setenv("LC_ALL", "", 1); /* empty counts as unset */
	unsetenv("LC_MESSAGES");
	assert_int_equal(term_lang_resolve(LANG_UNSET), TL_ZH);
}

static void test_parse(void **state)
{
	(void)state;
	sbp_term t;
	assert_true(term_parse("lane_name", TERM_CSV_ID, TERM_CSV_NOTE, &t));
	assert_int_equal(t, TERM_CSV_LANE_NAME);
	assert_true(term_parse("泳道名称", TERM_CSV_ID, TERM_CSV_NOTE, &t));
	assert_int_equal(t, TERM_CSV_LANE_NAME);
	assert_false(term_parse("lane name", TERM_CSV_ID, TERM_CSV_NOTE, &t));
	assert_false(term_parse("失误点", TERM_CSV_ID, TERM_CSV_ENCOUNTER, &t));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_term_in_both),
		cmocka_unit_test(test_seed_terms),
		cmocka_unit_test(test_resolution),
		cmocka_unit_test(test_parse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
