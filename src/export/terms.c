/* The export term table (SPEC 7.5): every label sbp's exports write around
 * the user's text, in English and in the seeds' Chinese, and the choice of
 * language (the blueprint's `lang`, then the locale, then English). */
#define _GNU_SOURCE 1 /* newlocale, uselocale */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/terms.h"
#include "terms_internal.h"

static const char *const terms[TERM_COUNT][TL_COUNT] = {
	[TERM_ZONE_EVIDENCE] = {"Physical evidence", "有形展示"},
	[TERM_ZONE_CUSTOMER] = {"Customer actions", "顾客行为"},
	[TERM_ZONE_ONSTAGE] = {"Onstage contact actions", "前台接触员工行为"},
	[TERM_ZONE_BACKSTAGE] = {"Backstage contact actions", "后台接触员工行为"},
	[TERM_ZONE_SUPPORT] = {"Support processes", "支持过程"},
	[TERM_LINE_INTERACTION] = {"line of interaction", "互动分界线"},
	[TERM_LINE_VISIBILITY] = {"line of visibility", "可视分界线"},
	[TERM_LINE_INTERNAL] = {"line of internal interaction", "内部互动分界线"},
	[TERM_DIM_TANGIBLES] = {"tangibles", "有形性"},
	[TERM_DIM_RELIABILITY] = {"reliability", "可靠性"},
	[TERM_DIM_RESPONSIVENESS] = {"responsiveness", "响应性"},
	[TERM_DIM_ASSURANCE] = {"assurance", "保证性"},
	[TERM_DIM_EMPATHY] = {"empathy", "移情性"},
	[TERM_DIM_NONE] = {"no dimension", "未指定维度"},
	[TERM_HARD] = {"hard", "硬性标准"},
	[TERM_SOFT] = {"soft", "软性标准"},
	[TERM_SOURCE_CUSTOMER] = {"customer-defined", "顾客定义"},
	[TERM_SOURCE_COMPANY] = {"company-defined", "企业定义"},
	[TERM_BETTER_HIGHER] = {"higher", "越高越好"},
	[TERM_BETTER_LOWER] = {"lower", "越低越好"},
	[TERM_FAIL_POINT] = {"fail point", "失误点"},
	[TERM_WAIT_POINT] = {"wait point", "等待点"},
	[TERM_FLAGGED] = {"flagged", "缺少标准"},
	[TERM_ENCOUNTER] = {"encounter", "服务接触"},
	[TERM_STEP] = {"step", "步骤"},
	[TERM_FLOW] = {"flow", "流向"},
	[TERM_FLOWS] = {"Flows", "流向"},
	[TERM_STANDARD] = {"standard", "标准"},
	[TERM_STANDARDS] = {"standards", "标准"},
	[TERM_ONE_TIME_FIX] = {"one-time fix", "一次性解决"},
	[TERM_MINUTES] = {"min", "分钟"},
	[TERM_SQI] = {"service quality index", "服务质量指数"},
	[TERM_ZONE_OF_TOLERANCE] = {"zone of tolerance", "容忍区域"},
	[TERM_GOAL_ATTAINMENT] = {"goal attainment", "目标达成率"},
	[TERM_COVERAGE] = {"encounter coverage", "服务接触覆盖率"},
	[TERM_YES] = {"yes", "是"},
	[TERM_NO] = {"no", "否"},
	[TERM_SERVICE_BLUEPRINT] = {"Service blueprint", "服务蓝图"},
	[TERM_UNTITLED] = {"Untitled blueprint", "未命名服务蓝图"},
	[TERM_LEGEND] = {"Legend", "图例"},
	[TERM_LEG_LINES] = {"line of interaction, visibility or internal interaction",
			 "互动分界线、可视分界线或内部互动分界线"},
	[TERM_LEG_ENCOUNTER] = {"encounter step (the customer meets the service)",
			     "服务接触步骤（顾客在此接触服务）"},
	[TERM_LEG_FLAGGED] = {"encounter without a standard", "缺少标准的服务接触"},
	[TERM_PHASE] = {"Phase", "阶段"},
	[TERM_LANE] = {"Lane", "泳道"},
	[TERM_COLUMN] = {"Column", "列"},
	[TERM_ID] = {"Id", "编号"},
	[TERM_STEPS_HEADING] = {"Steps", "步骤"},
	[TERM_NO_PHASE] = {"Columns without a phase", "未分阶段的列"},
	[TERM_COUNTS_POSTER] = {
		"%zu steps \xC2\xB7 %zu encounter steps \xC2\xB7 %zu without a standard (!) "
		"\xC2\xB7 encounter coverage %s \xC2\xB7 %zu fail points \xC2\xB7 "
		"%zu wait points \xC2\xB7 %zu standards",
		"步骤 %zu 个 \xC2\xB7 服务接触步骤 %zu 个 \xC2\xB7 缺少标准 %zu 个（!） "
		"\xC2\xB7 服务接触覆盖率 %s \xC2\xB7 失误点 %zu 个 \xC2\xB7 "
		"等待点 %zu 个 \xC2\xB7 标准 %zu 项"},
	[TERM_COUNTS_TXT] = {
		"%zu steps, %zu encounter steps, %zu without a standard (!), "
		"encounter coverage %s, %zu fail points (F), %zu wait points (W)",
		"步骤 %zu 个，服务接触步骤 %zu 个，缺少标准 %zu 个（!），"
		"服务接触覆盖率 %s，失误点 %zu 个（F），等待点 %zu 个（W）"},
	[TERM_COUNTS_MD] = {
		"**%zu** steps \xC2\xB7 **%zu** encounter steps \xC2\xB7 **%zu** without a standard (\\!) "
		"\xC2\xB7 encounter coverage **%s**",
		"步骤 **%zu** 个 \xC2\xB7 服务接触步骤 **%zu** 个 \xC2\xB7 缺少标准 **%zu** 个（\\!） "
		"\xC2\xB7 服务接触覆盖率 **%s**"},
	[TERM_COUNTS_REPORT] = {
		"%zu steps, %zu encounter steps, %zu without a standard, %zu fail points, "
		"%zu wait points, %zu standards, encounter coverage %s.",
		"步骤 %zu 个，服务接触步骤 %zu 个，缺少标准 %zu 个，失误点 %zu 个，"
		"等待点 %zu 个，标准 %zu 项，服务接触覆盖率 %s。"},
	[TERM_H_FLAGGED] = {"Encounters without a standard (%zu)", "缺少标准的服务接触（%zu）"},
	[TERM_H_FAIL] = {"Fail points and recovery (%zu)", "失误点与服务补救（%zu）"},
	[TERM_H_WAIT] = {"Wait points (%zu)", "等待点（%zu）"},
	[TERM_H_STANDARDS] = {"Standards catalog (%zu)", "标准目录（%zu）"},
	[TERM_H_INDEX] = {"Service performance index", "服务绩效指数"},
	[TERM_H_SERVQUAL] = {"SERVQUAL dimension coverage", "SERVQUAL 维度覆盖"},
	[TERM_H_REPORT] = {"Check report (%zu)", "检查报告（%zu）"},
	[TERM_H_POSTER] = {"Blueprint", "服务蓝图"},
	[TERM_H_SQI] = {"Service quality index", "服务质量指数"},
	[TERM_H_MEASUREMENTS] = {"Measurements", "测量记录"},
	[TERM_GAP2_EXPLAIN] = {
		"Each is a Gap 2: the customer meets the service here and no "
		"customer-defined standard says what good looks like.",
		"每一项都是差距2：顾客在此接触服务，却没有顾客定义的服务标准说明怎样才算好。"},
	[TERM_ALL_STANDARDIZED] = {"Every encounter step has a standard.", "每个服务接触步骤都有标准。"},
	[TERM_NO_RECOVERY] = {"no recovery plan", "无服务补救预案"},
	[TERM_NO_TOLERANCE] = {"no zone of tolerance", "无容忍区域"},
	[TERM_NO_STANDARDS] = {"The blueprint has no standards yet.", "该服务蓝图尚无标准。"},
	[TERM_NOT_MEASURED] = {"not measured", "未测量"},
	[TERM_BELOW_GOAL] = {"below goal (%s is better)", "低于目标值（%s）"},
	[TERM_MEETS_GOAL] = {"meets goal", "达到目标值"},
	[TERM_NO_INDEX] = {"No standard has a weight, a goal and an actual value yet.",
			"尚无同时具有权重、目标值和实际值的标准。"},
	[TERM_INDEX_EXPLAIN] = {
		"Each standard's attainment is actual against goal (goal/actual when "
		"lower is better), capped at 100&#160;%; the index is the weighted mean.",
		"每项标准的达成率为实际值与目标值之比（越低越好时为目标值与实际值之比），"
		"上限为 100&#160;%；指数为加权平均值。"},
	[TERM_INDEX] = {"Index", "指数"},
	[TERM_NO_FINDINGS] = {"No findings.", "未发现问题。"},
	[TERM_ERROR] = {"error", "错误"},
	[TERM_WARNING] = {"warning", "警告"},
	[TERM_LINE_N] = {"line %d", "第 %d 行"},
	[TERM_MADE_WITH] = {"Made with sbp %s.", "由 sbp %s 生成。"},
	[TERM_SHEET] = {
		"Sheet %zu of %zu: row %zu of %zu, column %zu of %zu. "
		"Cut along the crop marks; each sheet overlaps the one before by 10 mm.",
		"第 %zu 张，共 %zu 张：第 %zu 行（共 %zu 行），第 %zu 列（共 %zu 列）。"
		"沿裁切标记裁剪；每张与前一张重叠 10 毫米。"},
	[TERM_DRAWIO_LEGEND] = {
		"Legend: thick border = encounter step (the customer meets the service); "
		"! = encounter without a standard; F = fail point; W = wait point; "
		"dashed lines = lines of interaction, visibility and internal interaction.",
		"图例：粗边框 = 服务接触步骤（顾客在此接触服务）；! = 缺少标准的服务接触；"
		"F = 失误点；W = 等待点；虚线 = 互动分界线、可视分界线和内部互动分界线。"},
	[TERM_COL_STEP] = {"Step", "步骤"},
	[TERM_COL_LANE] = {"Lane", "泳道"},
	[TERM_COL_COLUMN] = {"Column", "列"},
	[TERM_COL_ID] = {"Id", "编号"},
	[TERM_COL_STANDARD] = {"Standard", "标准"},
	[TERM_COL_KIND] = {"Kind", "类型"},
	[TERM_COL_MEASURE] = {"Measure", "衡量指标"},
	[TERM_COL_TARGET] = {"Target", "目标"},
	[TERM_COL_FEEDBACK] = {"Feedback", "反馈方式"},
	[TERM_COL_DIMENSION] = {"Dimension", "维度"},
	[TERM_COL_WEIGHT] = {"Weight", "权重"},
	[TERM_COL_GOAL] = {"Goal", "目标值"},
	[TERM_COL_ACTUAL] = {"Actual", "实际值"},
	[TERM_COL_AGAINST_GOAL] = {"Against goal", "与目标值相比"},
	[TERM_COL_STEPS] = {"Steps", "步骤"},
	[TERM_COL_ATTAINMENT] = {"Attainment", "达成率"},
	[TERM_COL_SEVERITY] = {"Severity", "严重程度"},
	[TERM_COL_RECOVERY] = {"Recovery", "服务补救"},
	[TERM_COL_EXPECTED] = {"Expected (min)", "预期等待（分钟）"},
	[TERM_COL_TOLERABLE] = {"Tolerable (min)", "可容忍等待（分钟）"},
	[TERM_COL_COVERED] = {"Encounter steps covered", "覆盖的服务接触步骤"},
	[TERM_COL_DATE] = {"Date", "日期"},
	[TERM_COL_POINTS] = {"Points", "分值"},
	[TERM_COL_REQUIREMENT] = {"Customer requirement", "顾客要求"},
	[TERM_COL_SOURCE] = {"Source", "来源"},
	[TERM_COL_DESIRED] = {"Desired", "理想服务水平"},
	[TERM_COL_ADEQUATE] = {"Adequate", "适当服务水平"},
	[TERM_COL_OWNER] = {"Owner", "负责人"},
	[TERM_COL_FAIL] = {"Fail point", "失误点"},
	[TERM_COL_WAIT] = {"Wait point", "等待点"},
	[TERM_CSV_ID] = {"id", "编号"},
	[TERM_CSV_LANE] = {"lane", "泳道"},
	[TERM_CSV_LANE_NAME] = {"lane_name", "泳道名称"},
	[TERM_CSV_ZONE] = {"zone", "区域"},
	[TERM_CSV_COLUMN] = {"column", "列"},
	[TERM_CSV_COLUMN_NAME] = {"column_name", "列名称"},
	[TERM_CSV_PHASE] = {"phase", "阶段"},
	[TERM_CSV_TEXT] = {"text", "内容"},
	[TERM_CSV_NOTES] = {"notes", "备注"},
	[TERM_CSV_ENCOUNTER] = {"encounter", "服务接触"},
	[TERM_CSV_FLAGGED] = {"flagged", "缺少标准"},
	[TERM_CSV_STANDARDS] = {"standards", "标准"},
	[TERM_CSV_DURATION] = {"duration", "时长（分钟）"},
	[TERM_CSV_FAIL] = {"fail", "失误点"},
	[TERM_CSV_FAIL_SEVERITY] = {"fail_severity", "失误严重程度"},
	[TERM_CSV_FAIL_RECOVERY] = {"fail_recovery", "服务补救措施"},
	[TERM_CSV_WAIT] = {"wait", "等待点"},
	[TERM_CSV_WAIT_EXPECTED] = {"wait_expected", "预期等待（分钟）"},
	[TERM_CSV_WAIT_TOLERABLE] = {"wait_tolerable", "可容忍等待（分钟）"},
	[TERM_CSV_FIX] = {"fix", "一次性解决"},
	[TERM_CSV_NAME] = {"name", "名称"},
	[TERM_CSV_KIND] = {"kind", "类型"},
	[TERM_CSV_MEASURE] = {"measure", "衡量指标"},
	[TERM_CSV_TARGET] = {"target", "目标"},
	[TERM_CSV_DIMENSION] = {"dimension", "维度"},
	[TERM_CSV_FEEDBACK] = {"feedback", "反馈方式"},
	[TERM_CSV_WEIGHT] = {"weight", "权重"},
	[TERM_CSV_GOAL] = {"goal", "目标值"},
	[TERM_CSV_BETTER] = {"better", "优化方向"},
	[TERM_CSV_ACTUAL] = {"actual", "实际值"},
	[TERM_CSV_BELOW_GOAL] = {"below_goal", "低于目标值"},
	[TERM_CSV_STEPS] = {"steps", "步骤"},
	[TERM_CSV_REQUIREMENT] = {"requirement", "顾客要求"},
	[TERM_CSV_SOURCE] = {"source", "来源"},
	[TERM_CSV_DESIRED] = {"desired", "理想服务水平"},
	[TERM_CSV_ADEQUATE] = {"adequate", "适当服务水平"},
	[TERM_CSV_OWNER] = {"owner", "负责人"},
	[TERM_CSV_FROM] = {"from", "起点"},
	[TERM_CSV_TO] = {"to", "终点"},
	[TERM_CSV_LABEL] = {"label", "标签"},
	[TERM_CSV_FROM_LANE] = {"from_lane", "起点泳道"},
	[TERM_CSV_TO_LANE] = {"to_lane", "终点泳道"},
	[TERM_CSV_FROM_COLUMN] = {"from_column", "起点列"},
	[TERM_CSV_TO_COLUMN] = {"to_column", "终点列"},
	[TERM_CSV_DATE] = {"date", "日期"},
	[TERM_CSV_STANDARD] = {"standard", "标准"},
	[TERM_CSV_VALUE] = {"value", "测量值"},
	[TERM_CSV_FAILURES] = {"failures", "失误次数"},
	[TERM_CSV_VOLUME] = {"volume", "业务量"},
	[TERM_CSV_NOTE] = {"note", "备注"},
};

const char *term(term_lang l, sbp_term t)
{
	if ((unsigned)t >= TERM_COUNT)
		return "?";
	if ((unsigned)l >= TL_COUNT || !terms[t][l])
		l = TL_EN;
	return terms[t][l] ? terms[t][l] : "?";
}

term_lang term_lang_locale(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return !strncmp(v, "zh", 2) ? TL_ZH : TL_EN;
	}
	return TL_EN;
}

term_lang term_lang_resolve(sbp_lang bp_lang)
{
	if (bp_lang == LANG_EN)
		return TL_EN;
	if (bp_lang == LANG_ZH)
		return TL_ZH;
	return term_lang_locale();
}

const char *term_zone(term_lang l, sbp_zone z)
{
	return z < ZONE_COUNT ? term(l, (sbp_term)(TERM_ZONE_EVIDENCE + z)) : "?";
}

const char *term_line_above(term_lang l, sbp_zone z)
{
	switch (z) {
	case ZONE_ONSTAGE: return term(l, TERM_LINE_INTERACTION);
	case ZONE_BACKSTAGE: return term(l, TERM_LINE_VISIBILITY);
	case ZONE_SUPPORT: return term(l, TERM_LINE_INTERNAL);
	default: return NULL;
	}
}

const char *term_dimension(term_lang l, sbp_dimension d)
{
	if (d == DIM_NONE || d >= DIM_COUNT)
		return term(l, TERM_DIM_NONE);
	return term(l, (sbp_term)(TERM_DIM_TANGIBLES + (d - DIM_TANGIBLES)));
}

bool term_parse(const char *s, sbp_term first, sbp_term last, sbp_term *out)
{
	for (int t = first; t <= (int)last && t < TERM_COUNT; t++)
		for (int l = 0; l < TL_COUNT; l++)
			if (terms[t][l] && !strcmp(s, terms[t][l])) {
				*out = (sbp_term)t;
				return true;
			}
	return false;
}

static term_lang now_lang = TL_EN;

term_lang term_now(void)
{
	return now_lang;
}

void term_set_now(term_lang l)
{
	now_lang = (unsigned)l < TL_COUNT ? l : TL_EN;
}

const char *term_tr(const char *en)
{
	if (now_lang == TL_EN || !en)
		return en;
	for (int t = 0; t < TERM_COUNT; t++)
		if (terms[t][TL_EN] && !strcmp(en, terms[t][TL_EN]))
			return terms[t][now_lang] ? terms[t][now_lang] : en;
	for (size_t i = 0; i < term_ntexts; i++)
		if (!strcmp(en, term_texts[i][0]))
			return term_texts[i][1];
	return en;
}

const char *term_kind_now(sbp_std_kind k)
{
	return term(now_lang, k == STD_HARD ? TERM_HARD : TERM_SOFT);
}

const char *term_dim_now(sbp_dimension d)
{
	return now_lang == TL_EN ? dimension_id(d) : term_dimension(now_lang, d);
}

const char *term_zone_now(sbp_zone z)
{
	return now_lang == TL_EN ? zone_id(z) : term_zone(now_lang, z);
}

bool term_csv_header_is(const char *s, const char *en)
{
	if (!strcmp(s, en))
		return true;
	for (int t = TERM_CSV_ID; t <= TERM_CSV_NOTE; t++)
		if (!strcmp(en, terms[t][TL_EN]))
			for (int l = 0; l < TL_COUNT; l++)
				if (terms[t][l] && !strcmp(s, terms[t][l]))
					return true;
	return false;
}

/* What term_messages_begin changed, for term_messages_end. */
typedef struct msg_scope {
	locale_t old, loc;
} msg_scope;

void *term_messages_begin(term_lang l)
{
	const char *cur = setlocale(LC_MESSAGES, NULL);
	bool zh_now = cur && !strncmp(cur, "zh", 2);
	if ((l == TL_ZH) == zh_now)
		return NULL;
	static const char *const zh[] = {"zh_CN.UTF-8", "zh_CN.utf8", "zh_CN", "zh_TW.UTF-8", NULL};
	static const char *const en[] = {"C", NULL};
	const char *const *names = l == TL_ZH ? zh : en;
	locale_t base = duplocale(LC_GLOBAL_LOCALE), loc = (locale_t)0;
	if (base == (locale_t)0)
		return NULL;
	for (size_t i = 0; names[i] && loc == (locale_t)0; i++)
		loc = newlocale(LC_MESSAGES_MASK, names[i], base);
	if (loc == (locale_t)0) { /* no such locale installed: keep the messages */
		freelocale(base);
		return NULL;
	}
	msg_scope *m = malloc(sizeof *m);
	if (!m) {
		freelocale(loc);
		return NULL;
	}
	m->loc = loc;
	m->old = uselocale(loc);
	return m;
}

void term_messages_end(void *token)
{
	msg_scope *m = token;
	if (!m)
		return;
	uselocale(m->old);
	freelocale(m->loc);
	free(m);
}
