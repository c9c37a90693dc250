/* CSV export (RFC 4180: CRLF, quoted fields, doubled quotes), one table
 * per run: steps with every field (default), standards or flows. A UTF-8
 * byte order mark comes first so spreadsheets read non-ASCII text right,
 * and any text field that could start a formula is neutralised. */
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "method.h"

/* The end of a field and of a row. */
#define SEP(out) buf_putc(out, ',')
#define EOL(out) buf_puts(out, "\r\n")

/* A numeric field (empty when absent). */
static void csv_num(sbp_buf *out, double v)
{
	char b[32];
	buf_puts(out, export_num(v, b));
}

/* One row per step. */
static void csv_steps(sbp_buf *out, const sbp_blueprint *bp)
{
	buf_puts(out, "id,lane,lane_name,zone,column,column_name,phase,text,notes,"
		      "encounter,flagged,standards,duration,fail,fail_severity,"
		      "fail_recovery,wait,wait_expected,wait_tolerable");
	EOL(out);
	for (size_t i = 0; i < bp->steps.n; i++) {
		const sbp_step *s = bp->steps.items[i];
		bool enc = step_is_encounter(s);
		esc_csv(out, s->id), SEP(out);
		esc_csv(out, s->lane ? s->lane->id : NULL), SEP(out);
		esc_csv(out, s->lane ? s->lane->name : NULL), SEP(out);
		esc_csv(out, s->lane ? zone_id(s->lane->zone) : NULL), SEP(out);
		esc_csv(out, s->column ? s->column->id : NULL), SEP(out);
		esc_csv(out, s->column ? s->column->name : NULL), SEP(out);
		esc_csv(out, s->column ? s->column->phase : NULL), SEP(out);
		esc_csv(out, s->text), SEP(out);
		esc_csv(out, step_notes(s)), SEP(out);
		buf_puts(out, enc ? "yes" : "no"), SEP(out);
		buf_puts(out, step_is_flagged(s) ? "yes" : "no"), SEP(out);
		sbp_buf ids;
		buf_init(&ids);
		for (size_t k = 0; k < s->stds.n; k++) {
			buf_puts(&ids, k ? " " : "");
			buf_puts(&ids, s->stds.items[k]->id);
		}
		esc_csv(out, ids.data), SEP(out);
		buf_free(&ids);
		csv_num(out, s->duration), SEP(out);
		esc_csv(out, s->fail ? s->fail->text : NULL), SEP(out);
		if (s->fail && s->fail->severity)
			buf_printf(out, "%d", s->fail->severity);
		SEP(out);
		esc_csv(out, s->fail ? s->fail->recovery : NULL), SEP(out);
		esc_csv(out, s->wait ? s->wait->text : NULL), SEP(out);
		csv_num(out, s->wait ? s->wait->expected : NAN), SEP(out);
		csv_num(out, s->wait ? s->wait->tolerable : NAN);
		EOL(out);
	}
}

/* One row per standard, with how many steps use it. */
static void csv_standards(sbp_buf *out, const sbp_blueprint *bp)
{
	hmap uses;
	size_t *count = xcalloc(bp->standards.n + 1, sizeof *count);

	hmap_init(&uses);
	for (size_t i = 0; i < bp->standards.n; i++)
		hmap_put(&uses, bp->standards.items[i]->id, &count[i]);
	for (size_t i = 0; i < bp->steps.n; i++) {
		const sbp_step *s = bp->steps.items[i];
		for (size_t k = 0; k < s->stds.n; k++) {
			size_t *c = hmap_get(&uses, s->stds.items[k]->id);
			if (c)
				(*c)++;
		}
	}
	buf_puts(out, "id,name,kind,measure,target,dimension,feedback,weight,goal,better,"
		      "actual,below_goal,steps");
	EOL(out);
	for (size_t i = 0; i < bp->standards.n; i++) {
		const sbp_standard *s = bp->standards.items[i];
		esc_csv(out, s->id), SEP(out);
		esc_csv(out, s->name), SEP(out);
		buf_puts(out, std_kind_id(s->kind)), SEP(out);
		esc_csv(out, s->measure), SEP(out);
		esc_csv(out, s->target), SEP(out);
		buf_puts(out, s->dimension != DIM_NONE ? dimension_id(s->dimension) : ""), SEP(out);
		esc_csv(out, s->feedback), SEP(out);
		csv_num(out, s->weight), SEP(out);
		csv_num(out, s->goal), SEP(out);
		buf_puts(out, s->better == BETTER_LOWER ? "lower" : s->better == BETTER_HIGHER ? "higher" : ""), SEP(out);
		csv_num(out, s->actual), SEP(out);
		buf_puts(out, isnan(s->goal) || isnan(standard_current_actual(s)) ? "" :
			      standard_below_goal(s) ? "yes" : "no"), SEP(out);
		buf_printf(out, "%zu", count[i]);
		EOL(out);
	}
	hmap_free(&uses);
	free(count);
}

/* One row per flow. */
static void csv_flows(sbp_buf *out, const sbp_blueprint *bp)
{
	buf_puts(out, "from,to,label,from_lane,to_lane,from_column,to_column");
	EOL(out);
	for (size_t i = 0; i < bp->flows.n; i++) {
		const sbp_flow *f = bp->flows.items[i];
		esc_csv(out, f->from->id), SEP(out);
		esc_csv(out, f->to->id), SEP(out);
		esc_csv(out, f->label), SEP(out);
		esc_csv(out, f->from->lane ? f->from->lane->id : NULL), SEP(out);
		esc_csv(out, f->to->lane ? f->to->lane->id : NULL), SEP(out);
		esc_csv(out, f->from->column ? f->from->column->id : NULL), SEP(out);
		esc_csv(out, f->to->column ? f->to->column->id : NULL);
		EOL(out);
	}
}

/* Write the table --what asks for, with a byte order mark. */
bool export_csv(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out,
		char *err, size_t errlen)
{
	(void)err;
	(void)errlen;
	buf_puts(out, "\xEF\xBB\xBF");
	if (o && method_csv(out, bp, o->what))
		;
	else if (o && o->what && !strcmp(o->what, "standards"))
		csv_standards(out, bp);
	else if (o && o->what && !strcmp(o->what, "flows"))
		csv_flows(out, bp);
	else
		csv_steps(out, bp);
	return true;
}
