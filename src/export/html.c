/* HTML export: one self-contained page for a workshop (no network): the
 * poster as inline SVG, the flagged encounters, fail points with their
 * recovery plans, wait points, the standards catalog, a weighted service
 * the method (SQI, goal attainment, time: method.c), SERVQUAL dimension coverage and the check report.
 * Prints on landscape pages with the poster scaled to the page width. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "method.h"

static const char html_style[] =
	"body{font-family:'Noto Sans','DejaVu Sans','Helvetica Neue',Arial,'Noto Sans CJK SC',"
	"'PingFang SC','Microsoft YaHei',sans-serif;color:#1f2328;margin:2em;line-height:1.4}\n"
	"h1{margin-bottom:.2em}.sub{color:#59636e;margin-top:0}\n"
	".counts span{display:inline-block;margin-right:1.2em}.counts b{font-size:1.2em}\n"
	".poster{overflow:auto;border:1px solid #d0d7de;max-height:90vh}\n"
	".poster svg{display:block;width:100%;height:auto}\n"
	"#fullsize:checked~.poster svg{width:auto}\n"
	".toggle{font-size:.9em;color:#59636e}\n"
	".tw{overflow-x:auto;max-width:100%;-webkit-overflow-scrolling:touch}\n"
	".tw table{min-width:32em}\n"
	"@media (max-width:800px){body{margin:.8em}table{display:block;overflow-x:auto;max-width:100%}}\n"
	"table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:.9em}\n"
	"th,td{border:1px solid #d0d7de;padding:.3em .5em;text-align:left;vertical-align:top}\n"
	"th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
	".bad{color:#cf222e;font-weight:bold}.good{color:#1a7f37}.muted{color:#59636e}\n"
	".bar{display:inline-block;height:.7em;background:#0969da;vertical-align:middle}\n"
	".scale{display:inline-block;width:160px;background:#eaeef2;position:relative}\n"
	"nav a{margin-right:1em}code{font-size:.9em}\n"
	"@media print{body{margin:0;font-size:10pt}nav{display:none}"
	".poster{overflow:visible;border:0;max-height:none}.toggle,#fullsize{display:none}"
	".poster svg{width:100%;height:auto}"
	"section{break-inside:avoid-page}h2{break-after:avoid}tr{break-inside:avoid}"
	"#poster{break-after:page}@page{size:landscape;margin:12mm}}\n";

/* Text in a table cell or paragraph. */
static void h(sbp_buf *out, const char *s)
{
	esc_xml_str(out, s, false);
}

/* A number cell. */
static void h_num(sbp_buf *out, double v)
{
	char b[32];
	buf_printf(out, "<td class=\"n\">%s</td>", export_num(v, b));
}

/* Where a step is: lane and column. */
static void h_where(sbp_buf *out, const sbp_step *s)
{
	buf_puts(out, "<td>");
	h(out, s->lane ? s->lane->name : "");
	buf_puts(out, "</td><td>");
	h(out, s->column ? s->column->name : "");
	buf_puts(out, "</td>");
}

/* Flagged encounters, fail points and wait points. */
static void h_steps(sbp_buf *out, const sbp_blueprint *bp, const sbp_summary *sum)
{
	buf_printf(out, term_tr("<section id=\"flagged\"><h2>Encounters without a standard (%zu)</h2>\n"),
		   sum->unstandardized);
	if (sum->unstandardized) {
		buf_puts(out, term_tr("<p>Each is a Gap 2: the customer meets the service here and no "
			      "customer-defined standard says what good looks like.</p>\n"
			      "<div class=\"tw\"><table><tr><th>Step</th><th>Lane</th><th>Column</th><th>Id</th></tr>\n"));
		for (size_t i = 0; i < bp->steps.n; i++) {
			const sbp_step *s = bp->steps.items[i];
			if (!step_is_flagged(s))
				continue;
			buf_puts(out, "<tr><td>");
			h(out, s->text);
			buf_puts(out, "</td>");
			h_where(out, s);
			buf_puts(out, "<td><code>");
			h(out, s->id);
			buf_puts(out, "</code></td></tr>\n");
		}
		buf_puts(out, "</table></div>\n");
	} else {
		buf_puts(out, term_tr("<p class=\"good\">Every encounter step has a standard.</p>\n"));
	}
	buf_printf(out, term_tr("</section>\n<section id=\"fail\"><h2>Fail points and recovery (%zu)</h2>\n"),
		   sum->fail_points);
	if (sum->fail_points) {
		buf_puts(out, term_tr("<div class=\"tw\"><table><tr><th>Step</th><th>Lane</th><th>Column</th><th>Fail point</th>"
			      "<th>Severity</th><th>Recovery plan</th></tr>\n"));
		for (size_t i = 0; i < bp->steps.n; i++) {
			const sbp_step *s = bp->steps.items[i];
			if (!s->fail)
				continue;
			buf_puts(out, "<tr><td>");
			h(out, s->text);
			buf_puts(out, "</td>");
			h_where(out, s);
			buf_puts(out, "<td>");
			h(out, s->fail->text);
			buf_puts(out, "</td>");
			h_num(out, s->fail->severity ? s->fail->severity : NAN);
			buf_puts(out, "<td>");
			if (s->fail->recovery)
				h(out, s->fail->recovery);
			else
				buf_puts(out, term_tr("<span class=\"bad\">no recovery plan</span>"));
			buf_puts(out, "</td></tr>\n");
		}
		buf_puts(out, "</table></div>\n");
	}
	buf_printf(out, term_tr("</section>\n<section id=\"wait\"><h2>Wait points (%zu)</h2>\n"), sum->wait_points);
	if (sum->wait_points) {
		buf_puts(out, term_tr("<div class=\"tw\"><table><tr><th>Step</th><th>Lane</th><th>Column</th><th>Wait</th>"
			      "<th>Expected (min)</th><th>Tolerable (min)</th></tr>\n"));
		for (size_t i = 0; i < bp->steps.n; i++) {
			const sbp_step *s = bp->steps.items[i];
			if (!s->wait)
				continue;
			buf_puts(out, "<tr><td>");
			h(out, s->text);
			buf_puts(out, "</td>");
			h_where(out, s);
			buf_puts(out, "<td>");
			h(out, s->wait->text);
			buf_puts(out, "</td>");
			h_num(out, s->wait->expected);
			if (isnan(s->wait->tolerable))
				buf_puts(out, term_tr("<td class=\"bad\">no zone of tolerance</td>"));
			else
				h_num(out, s->wait->tolerable);
			buf_puts(out, "</tr>\n");
		}
		buf_puts(out, "</table></div>\n");
	}
	buf_puts(out, "</section>\n");
}

/* The standards catalog, with how many steps use each standard. */
static void h_catalog(sbp_buf *out, const sbp_blueprint *bp, const size_t *uses)
{
	buf_printf(out, term_tr("<section id=\"standards\"><h2>Standards catalog (%zu)</h2>\n"), bp->standards.n);
	if (!bp->standards.n) {
		buf_puts(out, term_tr("<p class=\"bad\">The blueprint has no standards yet.</p></section>\n"));
		return;
	}
	buf_puts(out, term_tr("<div class=\"tw\"><table><tr><th>Id</th><th>Standard</th><th>Kind</th><th>Measure</th>"
		      "<th>Target</th><th>Feedback</th><th>Dimension</th><th>Weight</th>"
		      "<th>Goal</th><th>Actual</th><th>Against goal</th><th>Zone of tolerance</th>"
		      "<th>Steps</th></tr>\n"));
	for (size_t i = 0; i < bp->standards.n; i++) {
		const sbp_standard *s = bp->standards.items[i];
		buf_puts(out, "<tr><td><code>");
		h(out, s->id);
		buf_puts(out, "</code></td><td>");
		h(out, s->name);
		buf_printf(out, "</td><td>%s</td><td>", term_kind_now(s->kind));
		h(out, s->measure);
		buf_puts(out, "</td><td>");
		h(out, s->target);
		buf_puts(out, "</td><td>");
		h(out, s->feedback);
		buf_printf(out, "</td><td>%s</td>",
			   s->dimension != DIM_NONE ? term_dim_now(s->dimension) : "");
		h_num(out, s->weight);
		h_num(out, s->goal);
		h_num(out, standard_current_actual(s));
		if (isnan(s->goal) || isnan(standard_current_actual(s)))
			buf_puts(out, term_tr("<td class=\"muted\">not measured</td>"));
		else if (standard_below_goal(s))
			buf_printf(out, term_tr("<td class=\"bad\">below goal (%s is better)</td>"),
				   s->better == BETTER_LOWER ? term_tr("lower") : term_tr("higher"));
		else
			buf_puts(out, term_tr("<td class=\"good\">meets goal</td>"));
		method_html_zone(out, s);
		buf_printf(out, "<td class=\"n%s\">%zu</td></tr>\n", uses[i] ? "" : " bad", uses[i]);
	}
	buf_puts(out, "</table></div></section>\n");
}

/* SERVQUAL coverage: per dimension, the standards and the encounter steps
 * they cover. */
static void h_servqual(sbp_buf *out, const sbp_blueprint *bp)
{
	size_t stds[DIM_COUNT] = {0}, steps[DIM_COUNT] = {0};
	double weight[DIM_COUNT] = {0};

	for (size_t i = 0; i < bp->standards.n; i++) {
		const sbp_standard *s = bp->standards.items[i];
		stds[s->dimension]++;
		if (!isnan(s->weight))
			weight[s->dimension] += s->weight;
	}
	for (size_t i = 0; i < bp->steps.n; i++) {
		const sbp_step *s = bp->steps.items[i];
		bool seen[DIM_COUNT] = {false};
		if (!step_is_encounter(s))
			continue;
		for (size_t k = 0; k < s->stds.n; k++)
			seen[s->stds.items[k]->dimension] = true;
		for (int d = 0; d < DIM_COUNT; d++)
			steps[d] += seen[d];
	}
	buf_puts(out, term_tr("<section id=\"servqual\"><h2>SERVQUAL dimension coverage</h2>\n"
		      "<div class=\"tw\"><table><tr><th>Dimension</th><th>Standards</th><th>Encounter steps covered</th>"
		      "<th>Weight</th></tr>\n"));
	for (int d = 1; d <= DIM_COUNT; d++) {
		int k = d % DIM_COUNT; /* the untagged ones last */
		if (k == DIM_NONE && !stds[k])
			continue;
		buf_printf(out, "<tr><td>%s</td><td class=\"n%s\">%zu</td><td class=\"n\">%zu</td>",
			   k ? term_dim_now((sbp_dimension)k) : term_tr("<i>no dimension</i>"),
			   stds[k] || !k ? "" : " bad", stds[k], steps[k]);
		h_num(out, weight[k]);
		buf_puts(out, "</tr>\n");
	}
	buf_puts(out, "</table></div></section>\n");
}

/* The check report: every finding of sbp check. */
static void h_report(sbp_buf *out, const sbp_blueprint *bp)
{
	sbp_diags d;

	diags_init(&d);
	check_blueprint(bp, &d, NULL);
	diags_sort(&d);
	buf_printf(out, term_tr("<section id=\"report\"><h2>Check report (%zu)</h2>\n<ul>\n"), d.n);
	for (size_t i = 0; i < d.n; i++) {
		const sbp_diag *g = &d.items[i];
		buf_printf(out, term_tr("<li>line %d: <span class=\"%s\">%s</span> "), g->line,
			   g->severity == SBP_ERROR ? "bad" : "muted",
			   g->severity == SBP_ERROR ? term_tr("error") : term_tr("warning"));
		h(out, g->message);
		if (g->rule)
			buf_printf(out, " <code>[%s]</code>", g->rule);
		buf_puts(out, "</li>\n");
	}
	buf_puts(out, d.n ? "</ul></section>\n" : term_tr("<li class=\"good\">No findings.</li></ul></section>\n"));
	diags_free(&d);
}

/* Write the self-contained HTML page. */
bool export_html(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out,
		 char *err, size_t errlen)
{
	(void)err;
	(void)errlen;
	sbp_layout *lay = layout_new(bp, o ? o->source_name : NULL);
	export_warn_layout(o, lay);
	const sbp_summary *sum = &lay->sum;
	const char *title = bp->title ? bp->title : term_tr("Service blueprint");
	size_t *uses = xcalloc(bp->standards.n + 1, sizeof *uses);
	hmap idx;

	hmap_init(&idx);
	for (size_t i = 0; i < bp->standards.n; i++)
		hmap_put(&idx, bp->standards.items[i]->id, &uses[i]);
	for (size_t i = 0; i < bp->steps.n; i++)
		for (size_t k = 0; k < bp->steps.items[i]->stds.n; k++) {
			size_t *u = hmap_get(&idx, bp->steps.items[i]->stds.items[k]->id);
			if (u)
				(*u)++;
		}
	hmap_free(&idx);
	buf_printf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
		   term_now() == TL_ZH ? "zh-CN" : "en");
	h(out, title);
	buf_printf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>", html_style);
	h(out, title);
	buf_puts(out, "</h1>\n");
	if (bp->description) {
		buf_puts(out, "<p class=\"sub\">");
		h(out, bp->description);
		buf_puts(out, "</p>\n");
	}
	buf_printf(out, term_tr("<p class=\"counts\"><span><b>%zu</b> steps</span><span><b>%zu</b> encounter "
		   "steps</span><span class=\"%s\"><b>%zu</b> without a standard</span><span><b>%s"
		   "</b> encounter coverage</span><span><b>%zu</b> fail points</span><span><b>%zu</b> "
		   "wait points</span><span><b>%zu</b> standards</span></p>\n"),
		   sum->steps, sum->encounters, sum->unstandardized ? "bad" : "", sum->unstandardized,
		   check_coverage_text(sum, 0, (char[16]){0}), sum->fail_points, sum->wait_points,
		   sum->standards);
	buf_puts(out, term_tr("<nav><a href=\"#poster\">Blueprint</a><a href=\"#flagged\">Flagged encounters</a>"
		      "<a href=\"#fail\">Fail points</a><a href=\"#wait\">Wait points</a>"
		      "<a href=\"#standards\">Standards</a><a href=\"#sqi\">SQI</a><a href=\"#index\">Goal attainment</a><a href=\"#time\">Time</a>"
		      "<a href=\"#servqual\">SERVQUAL</a><a href=\"#report\">Check report</a></nav>\n"
		      "<section id=\"poster\"><h2>Blueprint</h2>\n"
		      "<input type=\"checkbox\" id=\"fullsize\"><label class=\"toggle\" for=\"fullsize\"> "
		      "Full size (scroll); unticked: fit to the window's width</label>\n"
		      "<div class=\"poster\">\n"));
	svg_render(lay, out, false);
	buf_puts(out, "</div></section>\n");
	h_steps(out, bp, sum);
	h_catalog(out, bp, uses);
	method_html(out, bp);
	h_servqual(out, bp);
	h_report(out, bp);
	buf_printf(out, term_tr("<footer class=\"muted\"><p>Made with sbp %s.</p></footer>\n"), SBP_VERSION);
	buf_puts(out, "</body>\n</html>\n");
	free(uses);
	layout_free(lay);
	return true;
}
