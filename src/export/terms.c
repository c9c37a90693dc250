/* The export term table (SPEC 7.5): every label sbp's exports write around
 * the user's text, in English and in the seeds' Chinese, and the choice of
 * language (the blueprint's `lang`, then the locale, then English). */
#define _GNU_SOURCE 1 /* newlocale, uselocale */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/terms.h"

static const char *const terms[T_COUNT][TL_COUNT] = {
	[T_ZONE_EVIDENCE] = {"Physical evidence", "有形展示"},
	[T_ZONE_CUSTOMER] = {"Customer actions", "顾客行为"},
	[T_ZONE_ONSTAGE] = {"Onstage contact actions", "前台接触员工行为"},
	[T_ZONE_BACKSTAGE] = {"Backstage contact actions", "后台接触员工行为"},
	[T_ZONE_SUPPORT] = {"Support processes", "支持过程"},
	[T_LINE_INTERACTION] = {"line of interaction", "互动分界线"},
	[T_LINE_VISIBILITY] = {"line of visibility", "可视分界线"},
	[T_LINE_INTERNAL] = {"line of internal interaction", "内部互动分界线"},
	[T_DIM_TANGIBLES] = {"tangibles", "有形性"},
	[T_DIM_RELIABILITY] = {"reliability", "可靠性"},
	[T_DIM_RESPONSIVENESS] = {"responsiveness", "响应性"},
	[T_DIM_ASSURANCE] = {"assurance", "保证性"},
	[T_DIM_EMPATHY] = {"empathy", "移情性"},
	[T_DIM_NONE] = {"no dimension", "未指定维度"},
	[T_HARD] = {"hard", "硬性标准"},
	[T_SOFT] = {"soft", "软性标准"},
	[T_SOURCE_CUSTOMER] = {"customer-defined", "顾客定义"},
	[T_SOURCE_COMPANY] = {"company-defined", "企业定义"},
	[T_BETTER_HIGHER] = {"higher", "越高越好"},
	[T_BETTER_LOWER] = {"lower", "越低越好"},
	[T_FAIL_POINT] = {"fail point", "失误点"},
	[T_WAIT_POINT] = {"wait point", "等待点"},
	[T_FLAGGED] = {"flagged", "缺少标准"},
	[T_ENCOUNTER] = {"encounter", "服务接触"},
	[T_STEP] = {"step", "步骤"},
	[T_FLOW] = {"flow", "流向"},
	[T_FLOWS] = {"Flows", "流向"},
	[T_STANDARD] = {"standard", "标准"},
	[T_STANDARDS] = {"standards", "标准"},
	[T_ONE_TIME_FIX] = {"one-time fix", "一次性解决"},
	[T_MINUTES] = {"min", "分钟"},
	[T_SQI] = {"service quality index", "服务质量指数"},
	[T_ZONE_OF_TOLERANCE] = {"zone of tolerance", "容忍区域"},
	[T_GOAL_ATTAINMENT] = {"goal attainment", "目标达成率"},
	[T_COVERAGE] = {"encounter coverage", "服务接触覆盖率"},
	[T_YES] = {"yes", "是"},
	[T_NO] = {"no", "否"},
	[T_SERVICE_BLUEPRINT] = {"Service blueprint", "服务蓝图"},
	[T_UNTITLED] = {"Untitled blueprint", "未命名服务蓝图"},
	[T_LEGEND] = {"Legend", "图例"},
	[T_LEG_LINES] = {"line of interaction, visibility or internal interaction",
			 "互动分界线、可视分界线或内部互动分界线"},
	[T_LEG_ENCOUNTER] = {"encounter step (the customer meets the service)",
			     "服务接触步骤（顾客在此接触服务）"},
	[T_LEG_FLAGGED] = {"encounter without a standard", "缺少标准的服务接触"},
	[T_PHASE] = {"Phase", "阶段"},
	[T_LANE] = {"Lane", "泳道"},
	[T_COLUMN] = {"Column", "列"},
	[T_ID] = {"Id", "编号"},
	[T_STEPS_HEADING] = {"Steps", "步骤"},
	[T_NO_PHASE] = {"Columns without a phase", "未分阶段的列"},
	[T_COUNTS_POSTER] = {
		"%zu steps \xC2\xB7 %zu encounter steps \xC2\xB7 %zu without a standard (!) "
		"\xC2\xB7 encounter coverage %.0f%% \xC2\xB7 %zu fail points \xC2\xB7 "
		"%zu wait points \xC2\xB7 %zu standards",
		"步骤 %zu 个 \xC2\xB7 服务接触步骤 %zu 个 \xC2\xB7 缺少标准 %zu 个（!） "
		"\xC2\xB7 服务接触覆盖率 %.0f%% \xC2\xB7 失误点 %zu 个 \xC2\xB7 "
		"等待点 %zu 个 \xC2\xB7 标准 %zu 项"},
	[T_COUNTS_TXT] = {
		"%zu steps, %zu encounter steps, %zu without a standard (!), "
		"encounter coverage %.0f%%, %zu fail points (F), %zu wait points (W)",
		"步骤 %zu 个，服务接触步骤 %zu 个，缺少标准 %zu 个（!），"
		"服务接触覆盖率 %.0f%%，失误点 %zu 个（F），等待点 %zu 个（W）"},
	[T_COUNTS_MD] = {
		"**%zu** steps \xC2\xB7 **%zu** encounter steps \xC2\xB7 **%zu** without a standard (\\!) "
		"\xC2\xB7 encounter coverage **%.0f%%**",
		"步骤 **%zu** 个 \xC2\xB7 服务接触步骤 **%zu** 个 \xC2\xB7 缺少标准 **%zu** 个（\\!） "
		"\xC2\xB7 服务接触覆盖率 **%.0f%%**"},
	[T_COUNTS_REPORT] = {
		"%zu steps, %zu encounter steps, %zu without a standard, %zu fail points, "
		"%zu wait points, %zu standards, encounter coverage %.1f%%.",
		"步骤 %zu 个，服务接触步骤 %zu 个，缺少标准 %zu 个，失误点 %zu 个，"
		"等待点 %zu 个，标准 %zu 项，服务接触覆盖率 %.1f%%。"},
	[T_H_FLAGGED] = {"Encounters without a standard (%zu)", "缺少标准的服务接触（%zu）"},
	[T_H_FAIL] = {"Fail points and recovery (%zu)", "失误点与服务补救（%zu）"},
	[T_H_WAIT] = {"Wait points (%zu)", "等待点（%zu）"},
	[T_H_STANDARDS] = {"Standards catalog (%zu)", "标准目录（%zu）"},
	[T_H_INDEX] = {"Service performance index", "服务绩效指数"},
	[T_H_SERVQUAL] = {"SERVQUAL dimension coverage", "SERVQUAL 维度覆盖"},
	[T_H_REPORT] = {"Check report (%zu)", "检查报告（%zu）"},
	[T_H_POSTER] = {"Blueprint", "服务蓝图"},
	[T_H_SQI] = {"Service quality index", "服务质量指数"},
	[T_H_MEASUREMENTS] = {"Measurements", "测量记录"},
	[T_GAP2_EXPLAIN] = {
		"Each is a Gap 2: the customer meets the service here and no "
		"customer-defined standard says what good looks like.",
		"每一项都是差距2：顾客在此接触服务，却没有顾客定义的服务标准说明怎样才算好。"},
	[T_ALL_STANDARDIZED] = {"Every encounter step has a standard.", "每个服务接触步骤都有标准。"},
	[T_NO_RECOVERY] = {"no recovery plan", "无服务补救预案"},
	[T_NO_TOLERANCE] = {"no zone of tolerance", "无容忍区域"},
	[T_NO_STANDARDS] = {"The blueprint has no standards yet.", "该服务蓝图尚无标准。"},
	[T_NOT_MEASURED] = {"not measured", "未测量"},
	[T_BELOW_GOAL] = {"below goal (%s is better)", "低于目标值（%s）"},
	[T_MEETS_GOAL] = {"meets goal", "达到目标值"},
	[T_NO_INDEX] = {"No standard has a weight, a goal and an actual value yet.",
			"尚无同时具有权重、目标值和实际值的标准。"},
	[T_INDEX_EXPLAIN] = {
		"Each standard's attainment is actual against goal (goal/actual when "
		"lower is better), capped at 100&#160;%; the index is the weighted mean.",
		"每项标准的达成率为实际值与目标值之比（越低越好时为目标值与实际值之比），"
		"上限为 100&#160;%；指数为加权平均值。"},
	[T_INDEX] = {"Index", "指数"},
	[T_NO_FINDINGS] = {"No findings.", "未发现问题。"},
	[T_ERROR] = {"error", "错误"},
	[T_WARNING] = {"warning", "警告"},
	[T_LINE_N] = {"line %d", "第 %d 行"},
	[T_MADE_WITH] = {"Made with sbp %s.", "由 sbp %s 生成。"},
	[T_SHEET] = {
		"Sheet %zu of %zu: row %zu of %zu, column %zu of %zu. "
		"Cut along the crop marks; each sheet overlaps the one before by 10 mm.",
		"第 %zu 张，共 %zu 张：第 %zu 行（共 %zu 行），第 %zu 列（共 %zu 列）。"
		"沿裁切标记裁剪；每张与前一张重叠 10 毫米。"},
	[T_DRAWIO_LEGEND] = {
		"Legend: thick border = encounter step (the customer meets the service); "
		"! = encounter without a standard; F = fail point; W = wait point; "
		"dashed lines = lines of interaction, visibility and internal interaction.",
		"图例：粗边框 = 服务接触步骤（顾客在此接触服务）；! = 缺少标准的服务接触；"
		"F = 失误点；W = 等待点；虚线 = 互动分界线、可视分界线和内部互动分界线。"},
	[T_COL_STEP] = {"Step", "步骤"},
	[T_COL_LANE] = {"Lane", "泳道"},
	[T_COL_COLUMN] = {"Column", "列"},
	[T_COL_ID] = {"Id", "编号"},
	[T_COL_STANDARD] = {"Standard", "标准"},
	[T_COL_KIND] = {"Kind", "类型"},
	[T_COL_MEASURE] = {"Measure", "衡量指标"},
	[T_COL_TARGET] = {"Target", "目标"},
	[T_COL_FEEDBACK] = {"Feedback", "反馈方式"},
	[T_COL_DIMENSION] = {"Dimension", "维度"},
	[T_COL_WEIGHT] = {"Weight", "权重"},
	[T_COL_GOAL] = {"Goal", "目标值"},
	[T_COL_ACTUAL] = {"Actual", "实际值"},
	[T_COL_AGAINST_GOAL] = {"Against goal", "与目标值相比"},
	[T_COL_STEPS] = {"Steps", "步骤"},
	[T_COL_ATTAINMENT] = {"Attainment", "达成率"},
	[T_COL_SEVERITY] = {"Severity", "严重程度"},
	[T_COL_RECOVERY] = {"Recovery", "服务补救"},
	[T_COL_EXPECTED] = {"Expected (min)", "预期等待（分钟）"},
	[T_COL_TOLERABLE] = {"Tolerable (min)", "可容忍等待（分钟）"},
	[T_COL_COVERED] = {"Encounter steps covered", "覆盖的服务接触步骤"},
	[T_COL_DATE] = {"Date", "日期"},
	[T_COL_POINTS] = {"Points", "分值"},
	[T_COL_REQUIREMENT] = {"Customer requirement", "顾客要求"},
	[T_COL_SOURCE] = {"Source", "来源"},
	[T_COL_DESIRED] = {"Desired", "理想服务水平"},
	[T_COL_ADEQUATE] = {"Adequate", "适当服务水平"},
	[T_COL_OWNER] = {"Owner", "负责人"},
	[T_COL_FAIL] = {"Fail point", "失误点"},
	[T_COL_WAIT] = {"Wait point", "等待点"},
	[T_CSV_ID] = {"id", "编号"},
	[T_CSV_LANE] = {"lane", "泳道"},
	[T_CSV_LANE_NAME] = {"lane_name", "泳道名称"},
	[T_CSV_ZONE] = {"zone", "区域"},
	[T_CSV_COLUMN] = {"column", "列"},
	[T_CSV_COLUMN_NAME] = {"column_name", "列名称"},
	[T_CSV_PHASE] = {"phase", "阶段"},
	[T_CSV_TEXT] = {"text", "内容"},
	[T_CSV_NOTES] = {"notes", "备注"},
	[T_CSV_ENCOUNTER] = {"encounter", "服务接触"},
	[T_CSV_FLAGGED] = {"flagged", "缺少标准"},
	[T_CSV_STANDARDS] = {"standards", "标准"},
	[T_CSV_DURATION] = {"duration", "时长（分钟）"},
	[T_CSV_FAIL] = {"fail", "失误点"},
	[T_CSV_FAIL_SEVERITY] = {"fail_severity", "失误严重程度"},
	[T_CSV_FAIL_RECOVERY] = {"fail_recovery", "服务补救措施"},
	[T_CSV_WAIT] = {"wait", "等待点"},
	[T_CSV_WAIT_EXPECTED] = {"wait_expected", "预期等待（分钟）"},
	[T_CSV_WAIT_TOLERABLE] = {"wait_tolerable", "可容忍等待（分钟）"},
	[T_CSV_FIX] = {"fix", "一次性解决"},
	[T_CSV_NAME] = {"name", "名称"},
	[T_CSV_KIND] = {"kind", "类型"},
	[T_CSV_MEASURE] = {"measure", "衡量指标"},
	[T_CSV_TARGET] = {"target", "目标"},
	[T_CSV_DIMENSION] = {"dimension", "维度"},
	[T_CSV_FEEDBACK] = {"feedback", "反馈方式"},
	[T_CSV_WEIGHT] = {"weight", "权重"},
	[T_CSV_GOAL] = {"goal", "目标值"},
	[T_CSV_BETTER] = {"better", "优化方向"},
	[T_CSV_ACTUAL] = {"actual", "实际值"},
	[T_CSV_BELOW_GOAL] = {"below_goal", "低于目标值"},
	[T_CSV_STEPS] = {"steps", "步骤"},
	[T_CSV_REQUIREMENT] = {"requirement", "顾客要求"},
	[T_CSV_SOURCE] = {"source", "来源"},
	[T_CSV_DESIRED] = {"desired", "理想服务水平"},
	[T_CSV_ADEQUATE] = {"adequate", "适当服务水平"},
	[T_CSV_OWNER] = {"owner", "负责人"},
	[T_CSV_FROM] = {"from", "起点"},
	[T_CSV_TO] = {"to", "终点"},
	[T_CSV_LABEL] = {"label", "标签"},
	[T_CSV_FROM_LANE] = {"from_lane", "起点泳道"},
	[T_CSV_TO_LANE] = {"to_lane", "终点泳道"},
	[T_CSV_FROM_COLUMN] = {"from_column", "起点列"},
	[T_CSV_TO_COLUMN] = {"to_column", "终点列"},
	[T_CSV_DATE] = {"date", "日期"},
	[T_CSV_STANDARD] = {"standard", "标准"},
	[T_CSV_VALUE] = {"value", "测量值"},
	[T_CSV_FAILURES] = {"failures", "失误次数"},
	[T_CSV_VOLUME] = {"volume", "业务量"},
	[T_CSV_NOTE] = {"note", "备注"},
};

const char *term(term_lang l, sbp_term t)
{
	if ((unsigned)t >= T_COUNT)
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

term_lang term_lang_resolve(int bp_lang)
{
	/* the values of sbp_lang: LANG_UNSET 0, LANG_EN 1, LANG_ZH 2 */
	if (bp_lang == 1)
		return TL_EN;
	if (bp_lang == 2)
		return TL_ZH;
	return term_lang_locale();
}

const char *term_zone(term_lang l, sbp_zone z)
{
	return z < ZONE_COUNT ? term(l, (sbp_term)(T_ZONE_EVIDENCE + z)) : "?";
}

const char *term_line_above(term_lang l, sbp_zone z)
{
	switch (z) {
	case ZONE_ONSTAGE: return term(l, T_LINE_INTERACTION);
	case ZONE_BACKSTAGE: return term(l, T_LINE_VISIBILITY);
	case ZONE_SUPPORT: return term(l, T_LINE_INTERNAL);
	default: return NULL;
	}
}

const char *term_dimension(term_lang l, sbp_dimension d)
{
	if (d == DIM_NONE || d >= DIM_COUNT)
		return term(l, T_DIM_NONE);
	return term(l, (sbp_term)(T_DIM_TANGIBLES + (d - DIM_TANGIBLES)));
}

bool term_parse(const char *s, sbp_term first, sbp_term last, sbp_term *out)
{
	for (int t = first; t <= (int)last && t < T_COUNT; t++)
		for (int l = 0; l < TL_COUNT; l++)
			if (terms[t][l] && !strcmp(s, terms[t][l])) {
				*out = (sbp_term)t;
				return true;
			}
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
