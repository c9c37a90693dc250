/* DOT export (Graphviz): steps as nodes, flows as edges, one cluster per
 * lane, each lane's steps kept in journey order by an invisible chain.
 * Every id and label is a quoted, escaped string. */
#include <stdint.h>
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

/* A quoted node id. */
static void dot_id(sbp_buf *out, const char *id)
{
	buf_putc(out, '"');
	esc_dot(out, id);
	buf_putc(out, '"');
}

/* The key of the pair of steps a, b in the set of flows. */
static const char *pair_key(sbp_buf *b, const sbp_step *x, const sbp_step *y)
{
	buf_reset(b);
	buf_printf(b, "%s%c%s", x->id, 0x1F, y->id);
	return b->data;
}

/* One lane: a cluster holding one rank, its steps in column order from
 * left to right, held in that order by invisible edges along the rank
 * (none where a flow already joins the two: graphviz 2.43 fails on two
 * edges between one pair in a rank). */
static void dot_lane(sbp_buf *out, sbp_layout *wrap, size_t l, const sbp_lane *ln,
		     const sbp_step **steps, size_t k0, size_t k1, const hmap *pairs, sbp_buf *key)
{
	buf_printf(out, "  subgraph \"cluster_%zu\" {\n    label=\"", l);
	esc_dot(out, ln->name);
	buf_printf(out, " (%s)\"; labeljust=l; style=filled; fillcolor=\"%s\"; color=\"#8c959f\";\n"
		   "    \"lane:%zu\" [shape=point, style=invis, width=0.01];\n",
		   term_zone_now(ln->zone), lay_zone_fill[ln->zone < ZONE_COUNT ? ln->zone : 0].hex, l);
	for (size_t k = k0; k < k1; k++)
		dot_node(out, wrap, steps[k]);
	buf_printf(out, "    { rank=same; \"lane:%zu\";", l);
	for (size_t k = k0; k < k1; k++) {
		buf_putc(out, ' ');
		dot_id(out, steps[k]->id);
		buf_putc(out, ';');
	}
	buf_puts(out, " }\n");
	if (k1 > k0) {
		buf_printf(out, "    \"lane:%zu\" -> ", l);
		dot_id(out, steps[k0]->id);
		buf_puts(out, " [style=invis];\n");
	}
	for (size_t k = k0; k + 1 < k1; k++) {
		if (hmap_get(pairs, pair_key(key, steps[k], steps[k + 1])) ||
		    hmap_get(pairs, pair_key(key, steps[k + 1], steps[k])))
			continue;
		buf_puts(out, "    ");
		dot_id(out, steps[k]->id);
		buf_puts(out, " -> ");
		dot_id(out, steps[k + 1]->id);
		buf_puts(out, " [style=invis];\n");
	}
	buf_puts(out, "  }\n");
}

/* The flows: edges that move nothing; one within a lane goes along the
 * rank (dir=back when the flow goes left), never against its order; one
 * between neighbours in a lane keeps them in order. */
static void dot_flows(sbp_buf *out, const sbp_blueprint *bp, const hmap *pos)
{
	buf_puts(out, "  edge [style=solid, weight=1, constraint=false];\n");
	for (size_t i = 0; i < bp->flows.n; i++) {
		const sbp_flow *f = bp->flows.items[i];
		const sbp_step *a = f->from, *b = f->to;
		uintptr_t pa = (uintptr_t)hmap_get(pos, a->id), pb = (uintptr_t)hmap_get(pos, b->id);
		bool back = a->lane == b->lane && pa > pb;
		/* between neighbours in a lane it replaces the invisible edge */
		bool orders = a->lane == b->lane && (pa + 1 == pb || pb + 1 == pa);
		buf_puts(out, "  ");
		dot_id(out, back ? b->id : a->id);
		buf_puts(out, " -> ");
		dot_id(out, back ? a->id : b->id);
		if (f->label || back || orders) {
			const char *sep = "";
			buf_puts(out, " [");
			if (f->label) {
				/* a label on an edge within a rank makes graphviz
				 * put a label node into the rank, out of order */
				buf_puts(out, a->lane == b->lane ? "xlabel=\"" : "label=\"");
				esc_dot(out, f->label);
				buf_puts(out, "\"");
				sep = ", ";
			}
			if (orders)
				buf_printf(out, "%sconstraint=true", sep), sep = ", ";
			buf_puts(out, back ? sep : "");
			buf_puts(out, back ? "dir=back]" : "]");
		}
		buf_puts(out, ";\n");
	}
}

/* Steps of a lane in column order: counting sort of the lane grouping
 * by column (stable: file order within a cell). */
static const sbp_step **by_lane_then_column(const sbp_blueprint *bp, size_t **start)
{
	size_t *cs;
	const sbp_step **grid = export_group_steps(bp, GROUP_GRID, &cs);
	size_t n = cs[bp->columns.n], nl = bp->lanes.n;
	const sbp_step **out = xmalloc((n + 1) * sizeof *out);
	size_t *ls = xcalloc(nl + 2, sizeof *ls);

	for (size_t k = 0; k < n; k++)
		ls[grid[k]->lane->idx + 2]++;
	for (size_t l = 0; l < nl; l++)
		ls[l + 2] += ls[l + 1];
	for (size_t k = 0; k < n; k++)
		out[ls[grid[k]->lane->idx + 1]++] = grid[k];
	free(grid);
	free(cs);
	*start = ls;
	return out;
}

/* Write the Graphviz digraph: every lane a cluster holding one rank, the
 * ranks in lane order from top to bottom (invisible edges between the
 * lanes' anchors), steps in column order along each rank, a row of
 * column names on top; flows move nothing (constraint=false). A flow
 * graph with lanes as rows, not a poster: columns do not line up. */
bool export_dot(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out,
		char *err, size_t errlen)
{
	(void)o;
	(void)err;
	(void)errlen;
	buf_puts(out, "// Service blueprint exported by sbp: a flow graph with lanes as rows\n"
		      "digraph blueprint {\n"
		      "  graph [rankdir=TB, newrank=true, splines=line, nodesep=0.25, ranksep=0.5, "
		      "fontname=\"Noto Sans\", labelloc=t, label=\"");
	esc_dot(out, bp->title ? bp->title : term_tr("Service blueprint"));
	buf_puts(out, "\"];\n"
		      "  node [shape=box, style=\"rounded,filled\", fontname=\"Noto Sans\", fontsize=10];\n"
		      "  edge [fontname=\"Noto Sans\", fontsize=9];\n");
	size_t *start;
	const sbp_step **steps = by_lane_then_column(bp, &start);
	size_t n = start[bp->lanes.n];
	hmap pairs, pos;
	sbp_buf key, keys; /* keys: the set's keys one after another (hmap borrows them) */
	size_t *at = xmalloc((bp->flows.n + 1) * sizeof *at);
	hmap_init(&pairs);
	hmap_init(&pos);
	buf_init(&key);
	buf_init(&keys);
	for (size_t k = 0; k < n; k++)
		hmap_put(&pos, steps[k]->id, (void *)(uintptr_t)(k + 1));
	for (size_t i = 0; i < bp->flows.n; i++) {
		at[i] = keys.len;
		pair_key(&key, bp->flows.items[i]->from, bp->flows.items[i]->to);
		buf_add(&keys, key.data, key.len + 1);
	}
	for (size_t i = 0; i < bp->flows.n; i++)
		hmap_put(&pairs, keys.data + at[i], (void *)1);
	/* the column names, a row on top */
	buf_puts(out, "  { rank=min;");
	for (size_t c = 0; c < bp->columns.n; c++) {
		buf_printf(out, " \"col:%zu\" [shape=plaintext, style=\"\", fontsize=11, label=\"", c);
		esc_dot(out, bp->columns.items[c]->name);
		buf_puts(out, "\"];");
	}
	buf_puts(out, " }\n");
	for (size_t c = 0; c + 1 < bp->columns.n; c++)
		buf_printf(out, "  \"col:%zu\" -> \"col:%zu\" [style=invis];\n", c, c + 1);
	sbp_layout *wrap = layout_new(&(sbp_blueprint){0}, NULL);
	for (size_t l = 0; l < bp->lanes.n; l++)
		dot_lane(out, wrap, l, bp->lanes.items[l], steps, start[l], start[l + 1], &pairs, &key);
	layout_free(wrap);
	buf_puts(out, "  edge [style=invis, weight=100];\n");
	if (bp->columns.n && bp->lanes.n)
		buf_puts(out, "  \"col:0\" -> \"lane:0\";\n");
	for (size_t l = 0; l + 1 < bp->lanes.n; l++)
		buf_printf(out, "  \"lane:%zu\" -> \"lane:%zu\";\n", l, l + 1);
	dot_flows(out, bp, &pos);
	buf_puts(out, "}\n");
	hmap_free(&pairs);
	hmap_free(&pos);
	buf_free(&key);
	buf_free(&keys);
	free(at);
	free(start);
	free(steps);
	return true;
}
