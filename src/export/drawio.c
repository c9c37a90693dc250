/* draw.io (diagrams.net) export: the layout as real shapes a team can go
 * on editing: lanes are containers holding their cards and markers,
 * flows are edges glued to their cards with the layout's route as
 * waypoints. Labels are plain text (html=0), so no file text is ever
 * taken for markup. */
#include <stdio.h>
#include <string.h>

#include "export_internal.h"

/* The diagram's own words, in one place. */
#define T_LEGEND term_tr("Legend: thick border = encounter step (the customer meets the service); " "! = encounter without a standard; F = fail point; W = wait point; " "\xE2\x96\xBC = a standard below its goal; \xE2\x9C\x93 = one-time fix; " "dashed lines = lines of interaction, visibility and internal interaction. " "Each card's data (Edit Data) holds its fail and wait points and standards.")
#define LAY_LINE_LABEL_W 142.0
#define LAY_MARGIN_DIO 24.0

typedef struct dio_ctx {
	sbp_buf *out;
	const sbp_layout *lay;
	size_t next_id;
} dio_ctx;

/* Open a vertex: id, parent, value (escaped), style; then its geometry. */
static void dio_vertex(dio_ctx *d, const char *id, const char *parent, const char *value,
		       size_t vlen, const char *style, lay_box b)
{
	buf_printf(d->out, "<mxCell id=\"%s\" value=\"", id);
	if (value)
		esc_xml(d->out, value, vlen, true);
	buf_printf(d->out, "\" style=\"%s\" vertex=\"1\" parent=\"%s\">"
		   "<mxGeometry x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" as=\"geometry\"/>"
		   "</mxCell>\n", style, parent, b.x, b.y, b.w, b.h);
}

/* A vertex whose value is a NUL-terminated string; id from a counter. */
static void dio_text(dio_ctx *d, const char *parent, const char *value, const char *style, lay_box b)
{
	char id[32];
	snprintf(id, sizeof id, "c%zu", d->next_id++);
	dio_vertex(d, id, parent, value, value ? strlen(value) : 0, style, b);
}

/* The lines of a block joined with newlines (for a label). */
static void dio_join(sbp_buf *b, const sbp_layout *lay, const lay_block *bl)
{
	for (size_t i = 0; i < bl->nlines; i++) {
		const lay_text *t = &lay->lines[bl->line0 + i];
		if (i)
			buf_putc(b, '\n');
		buf_add(b, t->s, t->len);
		if (t->ellipsis)
			buf_puts(b, "\xE2\x80\xA6");
	}
}

/* A data attribute of a card (diagrams.net's Edit Data); skipped when
 * value is NULL or empty. */
static void dio_attr(sbp_buf *out, const char *name, const char *value)
{
	if (!value || !*value)
		return;
	buf_printf(out, " %s=\"", name);
	esc_xml_str(out, value, true);
	buf_putc(out, '"');
}

/* The card's data: fail and wait points, standards, duration. */
static void dio_data(sbp_buf *out, const sbp_step *s)
{
	char num[32];
	sbp_buf ids;

	if (s->fail) {
		dio_attr(out, "fail", s->fail->text);
		if (s->fail->severity) {
			snprintf(num, sizeof num, "%d", s->fail->severity);
			dio_attr(out, "fail_severity", num);
		}
		dio_attr(out, "fail_recovery", s->fail->recovery);
	}
	if (s->wait) {
		dio_attr(out, "wait", s->wait->text);
		dio_attr(out, "wait_expected_min", export_num(s->wait->expected, num));
		dio_attr(out, "wait_tolerable_min", export_num(s->wait->tolerable, num));
	}
	buf_init(&ids);
	for (size_t i = 0; i < s->stds.n; i++)
		buf_printf(&ids, "%s%s", i ? ", " : "", s->stds.items[i]->id);
	dio_attr(out, "standards", ids.data);
	buf_reset(&ids);
	for (size_t i = 0; i < s->stds.n; i++)
		if (standard_below_goal(s->stds.items[i]))
			buf_printf(&ids, "%s%s", ids.len ? ", " : "", s->stds.items[i]->id);
	dio_attr(out, "below_goal", ids.data);
	buf_free(&ids);
	dio_attr(out, "duration_min", export_num(s->duration, num));
}

/* A card (a UserObject with its data and a tooltip) labelled with its
 * text, callouts and footer as the poster shows them, and its markers as
 * its children, inside the lane container lane_id whose top left is
 * (ox, oy). */
static void dio_card(dio_ctx *d, const lay_card *cd, const char *lane_id, double ox, double oy)
{
	const sbp_step *s = cd->step;
	const sbp_layout *lay = d->lay;
	sbp_buf tip, label;
	char style[256];

	buf_init(&tip);
	buf_init(&label);
	if (step_notes(s))
		buf_printf(&tip, "%s", step_notes(s));
	const lay_block *parts[] = {&cd->text, &cd->fix, &cd->fail, &cd->wait, &cd->foot};
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		if (!parts[i]->nlines)
			continue;
		if (label.len)
			buf_putc(&label, '\n');
		dio_join(&label, lay, parts[i]);
	}
	buf_puts(d->out, "<UserObject label=\"");
	esc_xml(d->out, label.data, label.len, true);
	buf_puts(d->out, "\" tooltip=\"");
	esc_xml(d->out, tip.data, tip.len, true);
	buf_puts(d->out, "\" sbp_id=\"");
	esc_xml_str(d->out, s->id, true);
	buf_putc(d->out, '"');
	dio_data(d->out, s);
	buf_puts(d->out, " id=\"step-");
	esc_xml_str(d->out, s->id, true);
	snprintf(style, sizeof style,
		 "rounded=1;arcSize=6;whiteSpace=wrap;html=0;fillColor=%s;strokeColor=%s;"
		 "strokeWidth=%s;align=left;verticalAlign=top;spacingLeft=5;spacingTop=1;fontSize=9.5;",
		 lay_card_fill.hex, cd->flagged ? lay_flag_ink.hex : cd->encounter ? lay_ink.hex : lay_card_edge.hex,
		 cd->encounter ? "2" : "1");
	buf_printf(d->out, "\"><mxCell style=\"%s\" vertex=\"1\" parent=\"%s\">"
		   "<mxGeometry x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" as=\"geometry\"/>"
		   "</mxCell></UserObject>\n", style, lane_id, cd->box.x - ox, cd->box.y - oy,
		   cd->box.w, cd->box.h);
	buf_free(&tip);
	buf_free(&label);
	/* the markers belong to the card: they move with it */
	buf_reset(&label);
	buf_puts(&label, "step-");
	esc_xml_str(&label, s->id, true);
	for (size_t i = 0; i < cd->nmarks; i++) {
		const lay_mark *m = &cd->marks[i];
		const lay_rgb *c = lay_mark_ink(m->kind);
		bool solid = m->kind == LAY_MARK_FLAG || m->kind == LAY_MARK_BELOW;
		double r = lay->mark_r;
		snprintf(style, sizeof style, "ellipse;html=0;fillColor=%s;strokeColor=%s;fontColor=%s;"
			 "fontStyle=1;fontSize=8.5;strokeWidth=1.4;", solid ? c->hex : "#ffffff", c->hex,
			 solid ? "#ffffff" : c->hex);
		buf_printf(d->out, "<mxCell id=\"c%zu\" value=\"%s\" style=\"%s\" vertex=\"1\" parent=\"%s\">"
			   "<mxGeometry x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" as=\"geometry\"/>"
			   "</mxCell>\n", d->next_id++, lay_mark_letter(m->kind), style, label.data,
			   m->cx - r - cd->box.x, m->cy - r - cd->box.y, 2 * r, 2 * r);
	}
	buf_free(&label);
}

/* A flow as an edge glued to its cards, with the route's inner points. */
static void dio_flow(dio_ctx *d, const lay_flow *f)
{
	const sbp_layout *lay = d->lay;
	const lay_card *a = &lay->cards[f->from], *b = &lay->cards[f->to];
	const lay_pt *p = &lay->pts[f->pt0], *q = &lay->pts[f->pt0 + f->npts - 1];

	if (f->npts < 2)
		return;
	buf_printf(d->out, "<mxCell id=\"c%zu\" value=\"", d->next_id++);
	esc_xml_str(d->out, f->flow->label, true);
	buf_printf(d->out, "\" style=\"edgeStyle=none;rounded=0;html=0;endArrow=block;endFill=1;"
		   "strokeColor=%s;fontSize=7.5;fontStyle=2;labelBackgroundColor=#ffffff;"
		   "exitX=%.3f;exitY=%.3f;exitDx=0;exitDy=0;entryX=%.3f;entryY=%.3f;entryDx=0;entryDy=0;\" "
		   "edge=\"1\" parent=\"1\" source=\"step-", lay_flow_ink.hex,
		   (p->x - a->box.x) / a->box.w, (p->y - a->box.y) / a->box.h,
		   (q->x - b->box.x) / b->box.w, (q->y - b->box.y) / b->box.h);
	esc_xml_str(d->out, a->step->id, true);
	buf_puts(d->out, "\" target=\"step-");
	esc_xml_str(d->out, b->step->id, true);
	buf_puts(d->out, "\"><mxGeometry relative=\"1\" as=\"geometry\"><Array as=\"points\">");
	for (size_t i = 1; i + 1 < f->npts; i++)
		buf_printf(d->out, "<mxPoint x=\"%.1f\" y=\"%.1f\"/>", p[i].x, p[i].y);
	buf_puts(d->out, "</Array></mxGeometry></mxCell>\n");
}

/* Write the draw.io file: header cells, lane containers, cards, lines, arrows. */
bool export_drawio(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out,
		   char *err, size_t errlen)
{
	(void)err;
	(void)errlen;
	sbp_layout *lay = layout_new(bp, o ? o->source_name : NULL);
	export_warn_layout(o, lay);
	dio_ctx d = {out, lay, 0};
	char style[256], id[32];
	sbp_buf b;

	buf_init(&b);
	buf_printf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mxfile host=\"sbp\" version=\"21.0.0\">\n"
		   "<diagram id=\"blueprint\" name=\"Blueprint\">\n"
		   "<mxGraphModel grid=\"0\" gridSize=\"10\" guides=\"1\" tooltips=\"1\" connect=\"1\" arrows=\"1\" "
		   "fold=\"1\" page=\"0\" pageScale=\"1\" pageWidth=\"%.0f\" pageHeight=\"%.0f\" math=\"0\" shadow=\"0\">\n"
		   "<root>\n<mxCell id=\"0\"/>\n<mxCell id=\"1\" parent=\"0\"/>\n", lay->width, lay->height);
	const lay_block *tb[] = {&lay->title, &lay->description, &lay->counts};
	for (size_t i = 0; i < 3; i++) {
		if (!tb[i]->nlines)
			continue;
		const lay_font *f = &lay_fonts[tb[i]->font];
		buf_reset(&b);
		dio_join(&b, lay, tb[i]);
		snprintf(style, sizeof style, "text;html=0;align=left;verticalAlign=top;whiteSpace=wrap;"
			 "fontSize=%g;fontStyle=%d;", f->size, f->bold ? 1 : 0);
		dio_text(&d, "1", b.data, style, (lay_box){tb[i]->x, tb[i]->y - f->size,
			 lay->width - 2 * tb[i]->x, (double)tb[i]->nlines * f->line_h + 4});
	}
	for (size_t i = 0; i < lay->nphases; i++) {
		buf_reset(&b);
		dio_join(&b, lay, &lay->phases[i].text);
		snprintf(style, sizeof style, "rounded=0;html=0;whiteSpace=wrap;fillColor=%s;strokeColor=#ffffff;"
			 "fontColor=#ffffff;fontStyle=1;fontSize=11;", lay_phase_fill.hex);
		dio_text(&d, "1", b.data, style, lay->phases[i].box);
	}
	for (size_t c = 0; c < bp->columns.n; c++) {
		snprintf(style, sizeof style, "rounded=0;html=0;whiteSpace=wrap;fillColor=%s;strokeColor=#ffffff;"
			 "fontStyle=1;fontSize=9.5;", lay_column_fill.hex);
		dio_text(&d, "1", bp->columns.items[c]->name, style, lay->columns[c].box);
	}
	size_t zi = 0;
	for (size_t l = 0; l < bp->lanes.n; l++) {
		const lay_lane *L = &lay->lanes[l];
		const lay_zline *z = zi < lay->nzlines && lay->zlines[zi].y == L->band.y ? &lay->zlines[zi++] : NULL;
		snprintf(id, sizeof id, "lane%zu", l);
		/* a line of interaction, visibility or internal interaction is
		 * the lane's own dashed top border, so it follows the lane */
		if (z)
			snprintf(style, sizeof style, "shape=partialRectangle;top=1;left=0;right=0;bottom=0;"
				 "html=0;fillColor=%s;strokeColor=%s;dashed=1;dashPattern=7 4;strokeWidth=1.3;"
				 "container=1;collapsible=0;recursiveResize=0;", lay_zone_fill[L->lane->zone].hex,
				 lay_line_ink.hex);
		else
			snprintf(style, sizeof style, "rounded=0;html=0;fillColor=%s;strokeColor=#ffffff;container=1;"
				 "collapsible=0;recursiveResize=0;", lay_zone_fill[L->lane->zone].hex);
		dio_vertex(&d, id, "1", "", 0, style, L->band);
		buf_reset(&b);
		buf_printf(&b, "%s\n(%s)", L->lane->name, term_zone_now(L->lane->zone));
		dio_text(&d, id, b.data, "rounded=0;html=0;whiteSpace=wrap;fillColor=#ffffff;strokeColor=none;"
			 "align=left;spacingLeft=10;fontStyle=1;fontSize=10.5;",
			 (lay_box){0, 2, L->head.w, L->head.h - 2});
		if (z) {
			buf_reset(&b);
			dio_join(&b, lay, &z->text);
			snprintf(style, sizeof style, "text;html=0;align=left;verticalAlign=top;whiteSpace=wrap;"
				 "fontSize=8;fontStyle=2;fontColor=%s;", lay_line_ink.hex);
			dio_text(&d, id, b.data, style, (lay_box){6, 2, LAY_LINE_LABEL_W, 
				 (double)z->text.nlines * lay_fonts[LAY_FONT_LINE].line_h + 2});
		}
	}
	for (size_t i = 0; i < lay->ncards; i++) {
		const lay_card *cd = &lay->cards[i];
		if (cd->box.w <= 0)
			continue;
		const lay_lane *L = &lay->lanes[cd->step->lane->idx];
		snprintf(id, sizeof id, "lane%zu", cd->step->lane->idx);
		dio_card(&d, cd, id, L->band.x, L->band.y);
	}
	for (size_t i = 0; i < lay->nflows; i++)
		dio_flow(&d, &lay->flows[i]);
	if (lay->nkeys) { /* the standards key, as one text */
		buf_reset(&b);
		dio_join(&b, lay, &lay->key_title);
		for (size_t i = 0; i < lay->nkeys; i++) {
			buf_putc(&b, '\n');
			dio_join(&b, lay, &lay->keys[i].text);
		}
		double top = lay->key_title.y - lay_fonts[LAY_FONT_PHASE].size;
		dio_text(&d, "1", b.data, "text;html=0;align=left;verticalAlign=top;whiteSpace=wrap;fontSize=9;",
			 (lay_box){LAY_MARGIN_DIO, top, lay->width - 2 * LAY_MARGIN_DIO,
				   lay->legend[0].icon.y - top - 4});
	}
	if (lay->nlegend) /* the legend, as one text */
		dio_text(&d, "1", T_LEGEND,
			 "text;html=0;align=left;verticalAlign=top;whiteSpace=wrap;fontSize=10;fontColor=#59636e;",
			 (lay_box){lay->legend[0].icon.x, lay->legend[0].icon.y, lay->width - 48, 30});
	buf_puts(out, "</root>\n</mxGraphModel>\n</diagram>\n</mxfile>\n");
	buf_free(&b);
	layout_free(lay);
	return true;
}
