/* The method's figures in the exports (SPEC 7.3, issue 15): the service
 * quality index as a trend chart (inline SVG, no scripts) and a table,
 * goal attainment with what it computes, the zone of tolerance in the
 * standards table, and the per-phase time analysis. html.c, md.c and
 * csv.c each call in here once. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "method.h"
#include "sbp/i18n.h"

/* A number the canonical way, into out. */
static void put_num(sbp_buf *out, double v)
{
	char n[32];
	fmt_number(v, n);
	buf_puts(out, n);
}

/* Minutes rounded to one decimal, "-" when there are none. */
static void put_min(sbp_buf *out, double v, bool any)
{
	if (!any)
		buf_puts(out, "-");
	else
		put_num(out, round(v * 10) / 10);
}

/* The phase's name for a table: its phase, or a stand-in. */
static const char *phase_name(const sbp_phase_time *p, size_t n)
{
	if (p->phase)
		return p->phase;
	return n == 1 ? _("All columns") : _("Columns without a phase");
}

/* The SQI trend as an inline SVG line chart: dates left to right, points
 * up; each dot carries its date and points as a tooltip. */
static void html_sqi_chart(sbp_buf *out, const sbp_sqi_point *p, size_t n)
{
	const double W = 640, H = 200, L = 48, R = 16, T = 16, B = 32;
	double max = 0;
	for (size_t i = 0; i < n; i++)
		max = fmax(max, p[i].points);
	if (max <= 0)
		max = 1;
	buf_printf(out, "<svg class=\"sqi\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
		   "height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"%s\">\n",
		   W, H, W, H, _("Service quality index by date"));
	buf_printf(out, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#888\"/>"
		   "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#888\"/>\n",
		   L, T, L, H - B, L, H - B, W - R, H - B);
	buf_printf(out, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\" text-anchor=\"end\">", L - 4,
		   T + 4);
	put_num(out, max);
	buf_printf(out, "</text><text x=\"%.0f\" y=\"%.0f\" font-size=\"11\" "
		   "text-anchor=\"end\">0</text>\n", L - 4, H - B);
	double step = n > 1 ? (W - L - R) / (double)(n - 1) : 0;
	buf_puts(out, "<polyline fill=\"none\" stroke=\"#b03030\" stroke-width=\"2\" points=\"");
	for (size_t i = 0; i < n; i++)
		buf_printf(out, "%s%.1f,%.1f", i ? " " : "",
			   L + step * (double)i + (n == 1 ? (W - L - R) / 2 : 0),
			   H - B - (H - B - T) * p[i].points / max);
	buf_puts(out, "\"/>\n");
	for (size_t i = 0; i < n; i++) {
		buf_printf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#b03030\"><title>",
			   L + step * (double)i + (n == 1 ? (W - L - R) / 2 : 0),
			   H - B - (H - B - T) * p[i].points / max);
		esc_xml_str(out, p[i].date, false);
		buf_puts(out, ": ");
		put_num(out, p[i].points);
		buf_puts(out, "</title></circle>\n");
	}
	buf_printf(out, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"11\">", L, H - B + 16);
	esc_xml_str(out, p[0].date, false);
	buf_printf(out, "</text><text x=\"%.0f\" y=\"%.0f\" font-size=\"11\" text-anchor=\"end\">",
		   W - R, H - B + 16);
	esc_xml_str(out, p[n - 1].date, false);
	buf_puts(out, "</text>\n</svg>\n");
}

/* The SQI section: chart and table, or a note that nothing is measured. */
static void html_sqi(sbp_buf *out, const sbp_blueprint *bp)
{
	sbp_sqi_point *p;
	size_t n = blueprint_sqi(bp, &p);
	buf_printf(out, "<section id=\"sqi\"><h2>%s</h2>\n", _("Service quality index (SQI)"));
	buf_printf(out, "<p>%s</p>\n",
		   _("Each day, every failure counts its standard's weight in points (a standard "
		     "without a weight is not in the index); the index is the day's sum. Lower "
		     "is better."));
	if (n == 0) {
		buf_printf(out, "<p class=\"muted\">%s</p></section>\n",
			   _("No measurement records failures yet (sbp measure adds them)."));
		return;
	}
	html_sqi_chart(out, p, n);
	buf_printf(out, "<table><tr><th>%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th></tr>\n",
		   _("Date"), _("Points"), _("Change"));
	for (size_t i = 0; i < n; i++) {
		buf_puts(out, "<tr><td>");
		esc_xml_str(out, p[i].date, false);
		buf_puts(out, "</td><td class=\"n\">");
		put_num(out, p[i].points);
		buf_puts(out, "</td><td class=\"n\">");
		if (i > 0) {
			double d = p[i].points - p[i - 1].points;
			buf_puts(out, d > 0 ? "+" : "");
			put_num(out, d);
		}
		buf_puts(out, "</td></tr>\n");
	}
	buf_puts(out, "</table></section>\n");
	free(p);
}

/* The goal attainment section: each standard met or missed, and the
 * weighted share of goals met. */
static void html_attainment(sbp_buf *out, const sbp_blueprint *bp)
{
	size_t counted;
	double a = blueprint_goal_attainment(bp, &counted);
	buf_printf(out, "<section id=\"index\"><h2>%s</h2>\n", _("Goal attainment"));
	buf_printf(out, "<p>%s</p>\n",
		   _("The weighted share of goals met: over the standards with a goal and a "
		     "current actual (the latest measured value, else the actual key), the sum of "
		     "the weights (1 when absent) of those that meet their goal, divided by the sum "
		     "of all their weights. A goal is met or missed; it does not depend on whether "
		     "the measure counts successes or failures. This is not the SQI."));
	if (counted == 0) {
		buf_printf(out, "<p class=\"muted\">%s</p></section>\n",
			   _("No standard has both a goal and an actual value yet."));
		return;
	}
	buf_printf(out, "<table><tr><th>%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th>"
		   "<th class=\"n\">%s</th><th>%s</th></tr>\n", _("Standard"), _("Weight"),
		   _("Goal"), _("Current actual"), _("Goal"));
	for (size_t i = 0; i < bp->standards.n; i++) {
		const sbp_standard *s = bp->standards.items[i];
		double cur = standard_current_actual(s);
		if (isnan(s->goal) || isnan(cur))
			continue;
		buf_puts(out, "<tr><td>");
		esc_xml_str(out, s->name, false);
		buf_puts(out, "</td><td class=\"n\">");
		put_num(out, isnan(s->weight) ? 1 : s->weight);
		buf_puts(out, "</td><td class=\"n\">");
		put_num(out, s->goal);
		buf_puts(out, "</td><td class=\"n\">");
		put_num(out, cur);
		if (standard_below_goal(s))
			buf_printf(out, "</td><td class=\"bad\">%s</td></tr>\n", _("missed"));
		else
			buf_printf(out, "</td><td class=\"good\">%s</td></tr>\n", _("met"));
	}
	buf_printf(out, "<tr><th>%s</th><td></td><td></td><td></td><th>%.1f&#160;%%</th></tr>"
		   "</table></section>\n", _("Goal attainment"), a * 100);
}

/* The per-phase time analysis table. */
static void html_time(sbp_buf *out, const sbp_blueprint *bp)
{
	sbp_phase_time *pt;
	size_t n = blueprint_phase_times(bp, &pt);
	buf_printf(out, "<section id=\"time\"><h2>%s</h2>\n<p>%s</p>\n", _("Time analysis"),
		   _("The customer's time is the sum of the durations of the steps in customer and "
		     "onstage lanes; waits are the wait points' expected and tolerable minutes; the "
		     "share is the phase's customer time plus expected waits over the journey's."));
	buf_printf(out, "<table><tr><th>%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th>"
		   "<th class=\"n\">%s</th><th class=\"n\">%s</th></tr>\n", _("Phase"),
		   _("Customer's time (min)"), _("Expected waits (min)"),
		   _("Tolerable waits (min)"), _("Share of the journey"));
	for (size_t i = 0; i < n; i++) {
		const sbp_phase_time *p = &pt[i];
		buf_puts(out, "<tr><td>");
		esc_xml_str(out, phase_name(p, n), false);
		buf_puts(out, "</td><td class=\"n\">");
		put_min(out, p->customer, p->timed > 0);
		buf_puts(out, "</td><td class=\"n\">");
		put_min(out, p->expected, p->with_expected > 0);
		buf_puts(out, "</td><td class=\"n\">");
		put_min(out, p->tolerable, p->with_tolerable > 0);
		if (isnan(p->share))
			buf_puts(out, "</td><td class=\"n\">-</td></tr>\n");
		else
			buf_printf(out, "</td><td class=\"n\">%.0f&#160;%%</td></tr>\n", p->share * 100);
	}
	buf_puts(out, "</table></section>\n");
	free(pt);
}

void method_html(sbp_buf *out, const sbp_blueprint *bp)
{
	html_sqi(out, bp);
	html_attainment(out, bp);
	html_time(out, bp);
}

void method_html_zone(sbp_buf *out, const sbp_standard *s)
{
	double lo = s->adequate, hi = s->desired, cur = standard_current_actual(s);
	if (isnan(lo) || isnan(hi)) {
		buf_puts(out, "<td class=\"muted\"></td>");
		return;
	}
	/* the scale: the zone with a margin, stretched to take in the actual */
	double a = fmin(lo, hi), b = fmax(lo, hi);
	if (!isnan(cur)) {
		a = fmin(a, cur);
		b = fmax(b, cur);
	}
	double pad = (b - a) * 0.15 + (b == a ? 1 : 0);
	a -= pad;
	b += pad;
	const double W = 120;
#define X(v) (4 + (W - 8) * ((v) - a) / (b - a))
	char l[32], h[32], c[32];
	fmt_number(lo, l);
	fmt_number(hi, h);
	fmt_number(cur, c);
	buf_puts(out, "<td><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"18\" "
		      "viewBox=\"0 0 120 18\"><title>");
	if (isnan(cur))
		buf_printf(out, _("zone of tolerance %s to %s"), l, h);
	else
		buf_printf(out, _("zone of tolerance %s to %s, current actual %s"), l, h, c);
	buf_printf(out, "</title><rect x=\"0\" y=\"8\" width=\"%.0f\" height=\"2\" fill=\"#ccc\"/>"
		   "<rect x=\"%.1f\" y=\"4\" width=\"%.1f\" height=\"10\" fill=\"#9c9\"/>",
		   W, X(fmin(lo, hi)), X(fmax(lo, hi)) - X(fmin(lo, hi)));
	if (!isnan(cur))
		buf_printf(out, "<rect x=\"%.1f\" y=\"1\" width=\"3\" height=\"16\" fill=\"%s\"/>",
			   X(cur) - 1.5, standard_outside_tolerance(s) ? "#b03030" : "#222");
#undef X
	buf_puts(out, "</svg></td>");
}

void method_md(sbp_buf *out, const sbp_blueprint *bp)
{
	sbp_sqi_point *p;
	size_t n = blueprint_sqi(bp, &p);
	if (n > 0) {
		buf_printf(out, "## %s\n\n%s\n\n| %s | %s |\n|---|---:|\n",
			   _("Service quality index (SQI)"),
			   _("Each failure counts its standard's weight in points; lower is better."),
			   _("Date"), _("Points"));
		for (size_t i = 0; i < n; i++) {
			buf_printf(out, "| %s | ", p[i].date);
			put_num(out, p[i].points);
			buf_puts(out, " |\n");
		}
		buf_puts(out, "\n");
	}
	free(p);
	size_t counted;
	double a = blueprint_goal_attainment(bp, &counted);
	if (counted > 0)
		buf_printf(out, _("Goal attainment (weighted share of goals met): **%.1f%%** of %zu "
				  "standards' weight.\n\n"), a * 100, counted);
	sbp_phase_time *pt;
	size_t np = blueprint_phase_times(bp, &pt);
	if (np == 0)
		return;
	buf_printf(out, "## %s\n\n| %s | %s | %s | %s | %s |\n|---|---:|---:|---:|---:|\n",
		   _("Time analysis"), _("Phase"), _("Customer's time (min)"),
		   _("Expected waits (min)"), _("Tolerable waits (min)"), _("Share of the journey"));
	for (size_t i = 0; i < np; i++) {
		buf_puts(out, "| ");
		esc_md(out, phase_name(&pt[i], np));
		buf_puts(out, " | ");
		put_min(out, pt[i].customer, pt[i].timed > 0);
		buf_puts(out, " | ");
		put_min(out, pt[i].expected, pt[i].with_expected > 0);
		buf_puts(out, " | ");
		put_min(out, pt[i].tolerable, pt[i].with_tolerable > 0);
		if (isnan(pt[i].share))
			buf_puts(out, " | - |\n");
		else
			buf_printf(out, " | %.0f%% |\n", pt[i].share * 100);
	}
	buf_puts(out, "\n");
	free(pt);
}

bool method_csv(sbp_buf *out, const sbp_blueprint *bp, const char *what)
{
	if (!what || strcmp(what, "sqi") != 0)
		return false;
	sbp_sqi_point *p;
	size_t n = blueprint_sqi(bp, &p);
	buf_puts(out, "date,points\r\n");
	for (size_t i = 0; i < n; i++) {
		buf_printf(out, "%s,", p[i].date);
		put_num(out, p[i].points);
		buf_puts(out, "\r\n");
	}
	free(p);
	return true;
}
