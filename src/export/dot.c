/* DOT export (Graphviz): steps as nodes, flows as edges, one cluster per
 * lane, each lane's steps kept in journey order by an invisible chain.
 * Every id and label is a quoted, escaped string. */
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"

/* The fill colour of a step's node. */
static const char *dot_fill(const sbp_step *s)
{
	if (step_is_flagged(s))
		return "#ffd7d5";
	return "#ffffff";
}

/* A node: quoted id and label with its markers, the text wrapped to a
 * card's width (wrap is scratch space for the line breaker). */
static void dot_node(sbp_buf *out, sbp_layout *wrap, const sbp_step *s)
{
	bool flag = step_is_flagged(s);
	size_t n0 = wrap->nlines, n;
	sbp_buf label, joined;

	buf_init(&label);
	buf_init(&joined);
	if (flag || s->fail || s->wait)
		buf_printf(&label, "[%s%s%s] ", flag ? "!" : "", s->fail ? "F" : "", s->wait ? "W" : "");
	buf_puts(&label, s->text);
	n = layout_wrap(wrap, label.data, label.len, 30, 6);
	buf_puts(out, "    \"");
	esc_dot(out, s->id);
	buf_puts(out, "\" [label=\"");
	for (size_t i = 0; i < n; i++) {
		const lay_text *t = &wrap->lines[n0 + i];
		if (i)
			buf_putc(&joined, '\n');
		buf_add(&joined, t->s, t->len);
		if (t->ellipsis)
			buf_puts(&joined, "\xE2\x80\xA6");
	}
	wrap->nlines = n0;
	esc_dot(out, joined.data);
	buf_free(&label);
	buf_free(&joined);
	buf_printf(out, "\", fillcolor=\"%s\"%s];\n", dot_fill(s),
		   step_is_encounter(s) ? ", penwidth=2" : "");
}

/* Write the Graphviz digraph. */
bool export_dot(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out,
		char *err, size_t errlen)
{
	(void)o;
	(void)err;
	(void)errlen;
	buf_puts(out, "// Service blueprint exported by sbp\ndigraph blueprint {\n"
		      "  graph [rankdir=LR, fontname=\"Noto Sans\", label=\"");
	esc_dot(out, bp->title ? bp->title : "Service blueprint");
	buf_puts(out, "\", labelloc=t];\n"
		      "  node [shape=box, style=\"rounded,filled\", fontname=\"Noto Sans\", fontsize=10];\n"
		      "  edge [fontname=\"Noto Sans\", fontsize=9];\n");
	size_t *start;
	const sbp_step **grouped = export_group_steps(bp, GROUP_LANE, &start);
	sbp_layout *wrap = layout_new(&(sbp_blueprint){0}, NULL);
	for (size_t l = 0; l < bp->lanes.n; l++) {
		const sbp_lane *ln = bp->lanes.items[l];
		buf_printf(out, "  subgraph \"cluster_%zu\" {\n    label=\"", l);
		esc_dot(out, ln->name);
		buf_printf(out, " (%s)\"; style=filled; fillcolor=\"%s\"; color=\"#8c959f\";\n",
			   zone_id(ln->zone), lay_zone_fill[ln->zone < ZONE_COUNT ? ln->zone : 0].hex);
		for (size_t k = start[l]; k < start[l + 1]; k++)
			dot_node(out, wrap, grouped[k]);
		buf_puts(out, "  }\n");
	}
	free(start);
	free(grouped);
	layout_free(wrap);
	grouped = export_group_steps(bp, GROUP_GRID, &start);
	const sbp_step **prev = xcalloc(bp->lanes.n + 1, sizeof *prev);
	/* within each lane, an invisible chain in column order keeps the
	 * journey left to right */
	buf_puts(out, "  edge [style=invis, weight=4];\n");
	for (size_t k = 0; k < start[bp->columns.n]; k++) {
		const sbp_step *s = grouped[k];
		const sbp_step **p = &prev[s->lane->idx];
		if (*p && (*p)->column != s->column) {
			buf_puts(out, "  \"");
			esc_dot(out, (*p)->id);
			buf_puts(out, "\" -> \"");
			esc_dot(out, s->id);
			buf_puts(out, "\";\n");
		}
		*p = s;
	}
	buf_puts(out, "  edge [style=solid, weight=1];\n");
	free(prev);
	free(start);
	free(grouped);
	for (size_t i = 0; i < bp->flows.n; i++) {
		const sbp_flow *f = bp->flows.items[i];
		buf_puts(out, "  \"");
		esc_dot(out, f->from->id);
		buf_puts(out, "\" -> \"");
		esc_dot(out, f->to->id);
		buf_putc(out, '"');
		if (f->label) {
			buf_puts(out, " [label=\"");
			esc_dot(out, f->label);
			buf_puts(out, "\"]");
		}
		buf_puts(out, ";\n");
	}
	buf_puts(out, "}\n");
	return true;
}
