/* Markdown export for wikis: one table per phase (step, lane, standards,
 * markers), the fail and wait points, the flows, the standards and the
 * check report. Pipes, emphasis and HTML in file text are made literal. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "method.h"

/* The markers cell of a step: !, F and W with what they mean. */
static void md_markers(sbp_buf *out, const sbp_step *s)
{
	const char *sep = "";

	if (step_is_flagged(s)) {
		buf_puts(out, term_tr("**\\!** no standard"));
		sep = "; ";
	}
	if (s->fail) {
		buf_printf(out, "%s**F** ", sep);
		esc_md(out, s->fail->text);
		sep = "; ";
	}
	if (s->wait) {
		buf_printf(out, "%s**W** ", sep);
		esc_md(out, s->wait->text);
	}
}

/* The table of the steps in columns c0..c1-1 (grid order). */
static void md_table(sbp_buf *out, const sbp_blueprint *bp, const sbp_step **steps,
		     const size_t *start, size_t c0, size_t c1)
{
	buf_puts(out, term_tr("| Column | Step | Lane | Standards | Markers |\n"
		      "|---|---|---|---|---|\n"));
	for (size_t c = c0; c < c1; c++) {
		if (start[c] == start[c + 1]) {
			buf_puts(out, "| ");
			esc_md(out, bp->columns.items[c]->name);
			buf_puts(out, term_tr(" | *(no steps)* | | | |\n"));
		}
		for (size_t k = start[c]; k < start[c + 1]; k++) {
			const sbp_step *s = steps[k];
			buf_puts(out, "| ");
			if (k == start[c])
				esc_md(out, bp->columns.items[c]->name);
			buf_puts(out, " | ");
			esc_md(out, s->text);
			buf_puts(out, " | ");
			esc_md(out, s->lane->name);
			buf_puts(out, " | ");
			for (size_t i = 0; i < s->stds.n; i++) {
				buf_puts(out, i ? ", " : "");
				esc_md(out, s->stds.items[i]->id);
			}
			buf_puts(out, " | ");
			md_markers(out, s);
			buf_puts(out, " |\n");
		}
	}
	buf_putc(out, '\n');
}

/* The fail points and wait points tables. */
static void md_points(sbp_buf *out, const sbp_blueprint *bp, const sbp_summary *sum)
{
	char a[32], b[32];

	if (sum->fail_points) {
		buf_puts(out, term_tr("## Fail points\n\n| Step | Fail point | Severity | Recovery |\n|---|---|---|---|\n"));
		for (size_t i = 0; i < bp->steps.n; i++) {
			const sbp_step *s = bp->steps.items[i];
			if (!s->fail)
				continue;
			buf_puts(out, "| ");
			esc_md(out, s->text);
			buf_puts(out, " | ");
			esc_md(out, s->fail->text);
			buf_puts(out, " | ");
			if (s->fail->severity)
				buf_printf(out, "%d", s->fail->severity);
			buf_puts(out, " | ");
			if (s->fail->recovery)
				esc_md(out, s->fail->recovery);
			else
				buf_puts(out, term_tr("**none**"));
			buf_puts(out, " |\n");
		}
		buf_putc(out, '\n');
	}
	if (sum->wait_points) {
		buf_puts(out, term_tr("## Wait points\n\n| Step | Wait | Expected (min) | Tolerable (min) |\n|---|---|---|---|\n"));
		for (size_t i = 0; i < bp->steps.n; i++) {
			const sbp_step *s = bp->steps.items[i];
			if (!s->wait)
				continue;
			buf_puts(out, "| ");
			esc_md(out, s->text);
			buf_puts(out, " | ");
			esc_md(out, s->wait->text);
			buf_printf(out, " | %s | %s |\n", export_num(s->wait->expected, a),
				   export_num(s->wait->tolerable, b));
		}
		buf_putc(out, '\n');
	}
}

/* The flows: from step, to step and label, in file order, each step
 * named with its lane. */
static void md_flows(sbp_buf *out, const sbp_blueprint *bp)
{
	if (!bp->flows.n)
		return;
	buf_puts(out, term_tr("## Flows\n\n| From | Lane | To | Lane | Label |\n|---|---|---|---|---|\n"));
	for (size_t i = 0; i < bp->flows.n; i++) {
		const sbp_flow *f = bp->flows.items[i];
		buf_puts(out, "| ");
		esc_md(out, f->from->text);
		buf_puts(out, " | ");
		esc_md(out, f->from->lane ? f->from->lane->name : NULL);
		buf_puts(out, " | ");
		esc_md(out, f->to->text);
		buf_puts(out, " | ");
		esc_md(out, f->to->lane ? f->to->lane->name : NULL);
		buf_puts(out, " | ");
		esc_md(out, f->label);
		buf_puts(out, " |\n");
	}
	buf_putc(out, '\n');
}

/* The standards catalog. */
static void md_standards(sbp_buf *out, const sbp_blueprint *bp)
{
	char w[32], g[32], a[32];

	if (!bp->standards.n)
		return;
	buf_puts(out, term_tr("## Standards\n\n| Id | Standard | Kind | Dimension | Target | Weight | Goal | Actual |\n"
		      "|---|---|---|---|---|---|---|---|\n"));
	for (size_t i = 0; i < bp->standards.n; i++) {
		const sbp_standard *s = bp->standards.items[i];
		buf_puts(out, "| ");
		esc_md(out, s->id);
		buf_puts(out, " | ");
		esc_md(out, s->name);
		buf_printf(out, " | %s | %s | ", term_kind_now(s->kind),
			   s->dimension != DIM_NONE ? term_dim_now(s->dimension) : "");
		esc_md(out, s->target);
		buf_printf(out, " | %s | %s | %s%s |\n", export_num(s->weight, w),
			   export_num(s->goal, g), export_num(s->actual, a),
			   standard_below_goal(s) ? term_tr(" **below goal**") : "");
	}
	buf_putc(out, '\n');
}

/* The check report: the counts and every finding. */
static void md_report(sbp_buf *out, const sbp_blueprint *bp)
{
	sbp_diags d;
	sbp_summary sum;

	diags_init(&d);
	check_blueprint(bp, &d, &sum);
	diags_sort(&d);
	buf_printf(out, term_tr("## Check report\n\n%zu steps, %zu encounter steps, %zu without a standard, "
		   "%zu fail points, %zu wait points, %zu standards, encounter coverage %s.\n\n"),
		   sum.steps, sum.encounters, sum.unstandardized, sum.fail_points,
		   sum.wait_points, sum.standards, check_coverage_text(&sum, 1, (char[16]){0}));
	for (size_t i = 0; i < d.n; i++) {
		const sbp_diag *g = &d.items[i];
		buf_printf(out, term_tr("- line %d: **%s** "), g->line,
			   g->severity == SBP_ERROR ? term_tr("error") : term_tr("warning"));
		esc_md(out, g->message);
		if (g->rule)
			buf_printf(out, " `[%s]`", g->rule);
		buf_putc(out, '\n');
	}
	if (!d.n)
		buf_puts(out, term_tr("No findings.\n"));
	diags_free(&d);
}

/* Write the Markdown report: phase tables, points, standards, check. */
/* The lanes top to bottom with their zones, and the three lines where
 * they run between zones. */
static void md_lanes(sbp_buf *out, const sbp_blueprint *bp)
{
	if (!bp->lanes.n)
		return;
	buf_puts(out, term_tr("## Lanes\n\n| Lane | Zone |\n|---|---|\n"));
	for (size_t l = 0; l < bp->lanes.n; l++) {
		const sbp_lane *lane = bp->lanes.items[l];
		for (int z = l ? (int)bp->lanes.items[l - 1]->zone + 1 : ZONE_COUNT;
		     z <= (int)lane->zone; z++) {
			const char *line = term_line_above(term_now(), (sbp_zone)z);
			if (line)
				buf_printf(out, "| *%s* | |\n", line);
		}
		buf_puts(out, "| ");
		esc_md(out, lane->name);
		buf_printf(out, " | %s |\n", term_zone(term_now(), lane->zone));
	}
	buf_puts(out, "\n");
}

bool export_md(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out,
	       char *err, size_t errlen)
{
	(void)o;
	(void)err;
	(void)errlen;
	sbp_summary sum;
	size_t *start;
	const sbp_step **steps = export_group_steps(bp, GROUP_GRID, &start);

	check_summary(bp, &sum);
	buf_puts(out, "# ");
	esc_md(out, bp->title ? bp->title : term_tr("Service blueprint"));
	buf_puts(out, "\n\n");
	if (bp->description) {
		esc_md(out, bp->description);
		buf_puts(out, "\n\n");
	}
	buf_printf(out, term_tr("**%zu** steps · **%zu** encounter steps · **%zu** without a standard (\\!) · "
		   "encounter coverage **%s**\n\n"), sum.steps, sum.encounters,
		   sum.unstandardized, check_coverage_text(&sum, 0, (char[16]){0}));
	md_lanes(out, bp);
	for (size_t c = 0; c < bp->columns.n;) {
		const char *ph = bp->columns.items[c]->phase;
		size_t e = c + 1;
		while (e < bp->columns.n && (ph ? bp->columns.items[e]->phase &&
					     !strcmp(ph, bp->columns.items[e]->phase)
						: !bp->columns.items[e]->phase))
			e++;
		buf_puts(out, "## ");
		if (ph)
			esc_md(out, ph);
		else
			buf_puts(out, c == 0 && e == bp->columns.n ? term_tr("Steps") : term_tr("Columns without a phase"));
		buf_puts(out, "\n\n");
		md_table(out, bp, steps, start, c, e);
		c = e;
	}
	md_points(out, bp, &sum);
	md_flows(out, bp);
	md_standards(out, bp);
	method_md(out, bp);
	md_report(out, bp);
	free(steps);
	free(start);
	return true;
}
