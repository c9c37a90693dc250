/* SVG export: the poster drawn from the shared layout, with real <text>
 * elements (selectable, editable in vector tools) and every text from the
 * file escaped. */
#include <math.h>
#include <string.h>

#include "export_internal.h"

static const char svg_style[] =
	"text{font-family:'Noto Sans','DejaVu Sans','Helvetica Neue',Arial,"
	"'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',"
	"sans-serif;fill:#1f2328}"
	".ti{font-size:18px;font-weight:bold}.bo{font-size:10px;fill:#59636e}"
	".ph{font-size:11px;font-weight:bold;fill:#ffffff}"
	".co{font-size:9.5px;font-weight:bold}.la{font-size:10.5px;font-weight:bold}"
	".zo{font-size:8px;font-style:italic;fill:#59636e}"
	".li{font-size:8px;font-style:italic;fill:#444c56}"
	".ca{font-size:9.5px}.fo{font-size:7.5px;fill:#59636e}"
	".fl{font-size:7.5px;font-style:italic;fill:#3d444d}"
	".mk{font-size:8.5px;font-weight:bold;text-anchor:middle}"
	".cl{font-size:8px}.ke{font-size:9px}.kb{font-size:9px;fill:#cf222e}"
	".flow{fill:none;stroke:#3d444d;stroke-width:1.1}"
	".zl{stroke:#444c56;stroke-width:1.3;stroke-dasharray:7 4}";

/* CSS class of each font. */
static const char *const font_class[LAY_FONT_COUNT] = {
	[LAY_FONT_TITLE] = "ti", [LAY_FONT_BODY] = "bo", [LAY_FONT_PHASE] = "ph",
	[LAY_FONT_COLUMN] = "co", [LAY_FONT_LANE] = "la", [LAY_FONT_ZONE] = "zo",
	[LAY_FONT_LINE] = "li", [LAY_FONT_CARD] = "ca", [LAY_FONT_FOOT] = "fo",
	[LAY_FONT_FLOW] = "fl", [LAY_FONT_MARK] = "mk", [LAY_FONT_CALLOUT] = "cl",
	[LAY_FONT_KEY] = "ke",
};

/* A block of text in class cls: one <text> with a <tspan> per line. */
static void svg_block_as(sbp_buf *out, const sbp_layout *lay, const lay_block *b,
			 const char *cls)
{
	static const char *const anchor[] = {"", " text-anchor=\"middle\"", " text-anchor=\"end\""};

	if (!b->nlines)
		return;
	buf_printf(out, "<text class=\"%s\"%s>", cls, anchor[b->align]);
	for (size_t i = 0; i < b->nlines; i++) {
		buf_printf(out, "<tspan x=\"%.1f\" y=\"%.1f\">", b->x,
			   b->y + (double)i * lay_fonts[b->font].line_h);
		esc_xml_line(out, &lay->lines[b->line0 + i]);
		buf_puts(out, "</tspan>");
	}
	buf_puts(out, "</text>\n");
}

/* A block of text in its font's class. */
static void svg_block(sbp_buf *out, const sbp_layout *lay, const lay_block *b)
{
	svg_block_as(out, lay, b, font_class[b->font]);
}

/* A rectangle. */
static void svg_rect(sbp_buf *out, lay_box b, const char *fill, const char *stroke,
		     double sw, double rx)
{
	buf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"",
		   b.x, b.y, b.w, b.h);
	if (rx > 0)
		buf_printf(out, " rx=\"%.1f\"", rx);
	buf_printf(out, " fill=\"%s\"", fill);
	if (stroke)
		buf_printf(out, " stroke=\"%s\" stroke-width=\"%.2g\"", stroke, sw);
	buf_puts(out, "/>\n");
}

/* A marker: a circle with its letter. */
static void svg_mark(sbp_buf *out, lay_mark_kind k, double cx, double cy, double r)
{
	const lay_rgb *c = lay_mark_ink(k);
	bool solid = k == LAY_MARK_FLAG || k == LAY_MARK_BELOW;

	buf_printf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"1.4\"/>"
		   "<text class=\"mk\" x=\"%.1f\" y=\"%.1f\" style=\"fill:%s\">%s</text>\n",
		   cx, cy, r, solid ? c->hex : "#ffffff", c->hex, cx, cy + 3.1,
		   solid ? "#ffffff" : c->hex, lay_mark_letter(k));
}

/* The tooltip of a card: full text, notes, fail and wait points. */
static void svg_card_title(sbp_buf *out, const sbp_step *s)
{
	buf_puts(out, "<title>");
	esc_xml_str(out, s->text, false);
	if (step_notes(s)) {
		buf_puts(out, "\n");
		esc_xml_str(out, step_notes(s), false);
	}
	if (s->fail) {
		buf_puts(out, "\nF: ");
		esc_xml_str(out, s->fail->text, false);
		if (s->fail->recovery) {
			buf_puts(out, " \xE2\x86\x92 ");
			esc_xml_str(out, s->fail->recovery, false);
		}
	}
	if (s->wait) {
		buf_puts(out, "\nW: ");
		esc_xml_str(out, s->wait->text, false);
	}
	buf_puts(out, "</title>");
}

/* One card with its text, footer and markers. */
static void svg_card(sbp_buf *out, const sbp_layout *lay, const lay_card *cd)
{
	const char *edge = cd->flagged ? lay_flag_ink.hex : cd->encounter ? lay_ink.hex : lay_card_edge.hex;

	buf_puts(out, "<g id=\"step-");
	esc_xml_str(out, cd->step->id, true);
	buf_puts(out, "\">");
	svg_card_title(out, cd->step);
	svg_rect(out, cd->box, lay_card_fill.hex, edge, cd->encounter ? 1.8 : 0.8, 4);
	svg_block(out, lay, &cd->text);
	const lay_block *co[3] = {&cd->fix, &cd->fail, &cd->wait};
	const lay_box *cb[3] = {&cd->fix_box, &cd->fail_box, &cd->wait_box};
	const lay_rgb *fill[3] = {&lay_fix_fill, &lay_fail_fill, &lay_wait_fill};
	const lay_rgb *ink[3] = {&lay_fix_ink, &lay_fail_ink, &lay_wait_ink};
	static const char *const cls[3] = {"cl fix", "cl fail", "cl wait"};
	for (int i = 0; i < 3; i++) {
		if (!co[i]->nlines)
			continue;
		buf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"2\" "
			   "fill=\"%s\"/><rect x=\"%.1f\" y=\"%.1f\" width=\"2\" height=\"%.1f\" fill=\"%s\"/>\n",
			   cb[i]->x, cb[i]->y, cb[i]->w, cb[i]->h, fill[i]->hex, cb[i]->x, cb[i]->y,
			   cb[i]->h, ink[i]->hex);
		svg_block_as(out, lay, co[i], cls[i]);
	}
	svg_block(out, lay, &cd->foot);
	for (size_t i = 0; i < cd->nmarks; i++)
		svg_mark(out, cd->marks[i].kind, cd->marks[i].cx, cd->marks[i].cy, lay->mark_r);
	buf_puts(out, "</g>\n");
}

/* One flow: the orthogonal path and its label. */
static void svg_flow(sbp_buf *out, const sbp_layout *lay, const lay_flow *f)
{
	if (f->npts < 2)
		return;
	buf_puts(out, "<path class=\"flow\" marker-end=\"url(#arrow)\" d=\"");
	for (size_t i = 0; i < f->npts; i++) {
		const lay_pt *p = &lay->pts[f->pt0 + i];
		buf_printf(out, "%s%.1f %.1f", i ? " L" : "M", p->x, p->y);
	}
	buf_puts(out, "\"/>\n");
	if (f->label.nlines) {
		const lay_box *b = &f->label_box;
		buf_printf(out, "<rect class=\"flb\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
			   "rx=\"2\" fill=\"#ffffff\"/>\n", b->x, b->y, b->w, b->h);
		svg_block(out, lay, &f->label);
	}
}

/* The legend's icon for one entry. */
static void svg_legend_icon(sbp_buf *out, const sbp_layout *lay, const lay_legend *e)
{
	lay_box b = e->icon;
	double my = b.y + b.h / 2;

	switch (e->kind) {
	case LAY_LEG_ZONE: svg_rect(out, b, lay_zone_fill[e->zone].hex, lay_card_edge.hex, 0.6, 0); break;
	case LAY_LEG_LINE:
		buf_printf(out, "<line class=\"zl\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
			   b.x, my, b.x + b.w, my);
		break;
	case LAY_LEG_CARD: svg_rect(out, b, "#ffffff", lay_card_edge.hex, 0.8, 3); break;
	case LAY_LEG_ENCOUNTER: svg_rect(out, b, "#ffffff", lay_ink.hex, 1.8, 3); break;
	case LAY_LEG_MARK: svg_mark(out, e->mark, b.x + b.w / 2, my, lay->mark_r); break;
	case LAY_LEG_FLOW:
		buf_printf(out, "<path class=\"flow\" marker-end=\"url(#arrow)\" d=\"M%.1f %.1f L%.1f %.1f\"/>\n",
			   b.x, my, b.x + b.w, my);
		break;
	}
}

/* The whole poster as SVG, in drawing order: background to legend. */
void svg_render(const sbp_layout *lay, sbp_buf *out, bool standalone)
{
	if (standalone)
		buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
		   "width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\">\n",
		   ceil(lay->width), ceil(lay->height), ceil(lay->width), ceil(lay->height));
	buf_puts(out, "<title>");
	esc_xml_str(out, lay->bp->title ? lay->bp->title : term_tr("Service blueprint"), false);
	buf_printf(out, "</title>\n<defs><style>%s</style>\n"
		   "<marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
		   "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\" markerUnits=\"userSpaceOnUse\">"
		   "<path d=\"M0 0 L10 5 L0 10 z\" fill=\"%s\"/></marker></defs>\n",
		   svg_style, lay_flow_ink.hex);
	svg_rect(out, (lay_box){0, 0, ceil(lay->width), ceil(lay->height)}, "#ffffff", NULL, 0, 0);
	svg_block(out, lay, &lay->title);
	svg_block(out, lay, &lay->description);
	svg_block(out, lay, &lay->meta);
	svg_block(out, lay, &lay->counts);
	for (size_t i = 0; i < lay->nphases; i++) {
		svg_rect(out, lay->phases[i].box, lay_phase_fill.hex, "#ffffff", 1, 0);
		svg_block(out, lay, &lay->phases[i].text);
	}
	for (size_t c = 0; c < lay->bp->columns.n; c++) {
		svg_rect(out, lay->columns[c].box, lay_column_fill.hex, "#ffffff", 1, 0);
		svg_block(out, lay, &lay->columns[c].text);
	}
	for (size_t l = 0; l < lay->bp->lanes.n; l++) {
		const lay_lane *L = &lay->lanes[l];
		svg_rect(out, L->band, lay_zone_fill[L->lane->zone].hex, "#ffffff", 1, 0);
		svg_rect(out, L->head, "#ffffff", NULL, 0, 0);
		buf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"4\" height=\"%.1f\" fill=\"%s\"/>\n",
			   L->head.x, L->head.y, L->head.h, lay_zone_fill[L->lane->zone].hex);
		svg_block(out, lay, &L->name);
		svg_block(out, lay, &L->zone);
	}
	for (size_t i = 0; i < lay->nzlines; i++) {
		const lay_zline *z = &lay->zlines[i];
		buf_printf(out, "<line class=\"zl\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
			   z->x0, z->y, z->x1, z->y);
		svg_block(out, lay, &z->text);
	}
	for (size_t i = 0; i < lay->ncards; i++)
		if (lay->cards[i].box.w > 0)
			svg_card(out, lay, &lay->cards[i]);
	for (size_t i = 0; i < lay->nflows; i++)
		svg_flow(out, lay, &lay->flows[i]);
	svg_block_as(out, lay, &lay->key_title, "co");
	for (size_t i = 0; i < lay->nkeys; i++)
		svg_block_as(out, lay, &lay->keys[i].text, lay->keys[i].below ? "kb" : "ke");
	for (size_t i = 0; i < lay->nlegend; i++) {
		svg_legend_icon(out, lay, &lay->legend[i]);
		svg_block(out, lay, &lay->legend[i].text);
	}
	buf_puts(out, "</svg>\n");
}

/* Write the poster as an SVG file. */
bool export_svg(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out,
		char *err, size_t errlen)
{
	(void)err;
	(void)errlen;
	sbp_layout *lay = layout_new(bp, o ? o->source_name : NULL);
	export_warn_layout(o, lay);
	svg_render(lay, out, true);
	layout_free(lay);
	return true;
}
