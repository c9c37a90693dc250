/* The time analysis panel (T, :time): per phase the customer's time, the
 * expected and tolerable waits and the phase's share of the journey
 * (blueprint_phase_times), then the SQI series (blueprint_sqi). The
 * figures come from the model each time the panel is drawn. */
#include <math.h>
#include <stdlib.h>

#include "internal.h"

/* Rows: the phases, a heading, the SQI points (or a line saying none). */
size_t timepanel_count(editor *ed)
{
	sbp_phase_time *pt;
	sbp_sqi_point *sq;
	size_t np = blueprint_phase_times(ed->bp, &pt), ns = blueprint_sqi(ed->bp, &sq);
	free(pt);
	free(sq);
	return np + 1 + (ns ? ns : 1);
}

/* One row of the panel. */
void timepanel_item(editor *ed, size_t i, size_t width, sbp_buf *out, ed_style *st)
{
	sbp_phase_time *pt;
	sbp_sqi_point *sq;
	size_t np = blueprint_phase_times(ed->bp, &pt), ns = blueprint_sqi(ed->bp, &sq);
	sbp_buf line;
	buf_init(&line);
	*st = STY_NORMAL;
	if (i < np) {
		const sbp_phase_time *p = &pt[i];
		char share[16];
		if (isnan(p->share))
			snprintf(share, sizeof share, "%s", _("n/a"));
		else
			snprintf(share, sizeof share, "%.0f%%", p->share * 100);
		buf_printf(&line, _("%s: customer %.1f min, waits expected %.1f min and tolerable %.1f min, %s of the journey"),
			   p->phase ? p->phase : _("(no phase)"), p->customer, p->expected,
			   p->tolerable, share);
	} else if (i == np) {
		buf_puts(&line, _("SQI (sum of weight x failures per date; lower is better):"));
		*st = STY_WARN;
	} else if (ns == 0) {
		buf_puts(&line, _("No SQI: no measurement records failures of a weighted standard."));
	} else if (i - np - 1 < ns) {
		const sbp_sqi_point *q = &sq[i - np - 1];
		buf_printf(&line, _("  %s: %g points"), q->date, q->points);
	}
	ed_fit(out, line.data ? line.data : "", width, false);
	buf_free(&line);
	free(pt);
	free(sq);
}

/* T / :time: open the panel. */
ed_result ecmd_time(editor *ed, const ed_args *a)
{
	(void)a;
	ed->timelist.sel = ed->timelist.top = 0;
	ed_push_mode(ed, MODE_TIME);
	return ed_ok(ed, RD_ALL, "%s", _("Time analysis per phase and the SQI. Esc closes."));
}

/* Time panel: move in the list. */
static ed_result tp_move(editor *ed, ed_key k)
{
	list_key(&ed->timelist, k, timepanel_count(ed), editor_panel_rows(ed, 0));
	return ed_done(ed, RD_PANEL);
}

const ed_binding time_bindings[] = {
	{ LIST_KEYS, tp_move, NULL, N_("move in the list") },
	{ "<Esc> q T", bind_close, N_("Esc close"), N_("close the panel") },
	{ NULL, NULL, NULL, NULL },
};

/* Keys of the time panel: its table. */
ed_result timepanel_key(editor *ed, ed_key k)
{
	ed_result r;
	if (bindings_run(ed, time_bindings, k, &r))
		return r;
	return ed_done(ed, RD_NONE);
}
