/* The poster's title block (title, description, counts) and its legend. */
#include <stdio.h>
#include <string.h>

#include "layout_internal.h"

/* Title, description and the counts line, from y down. */
double layout_place_title(sbp_layout *lay, double y, const char *source_name)
{
	const sbp_blueprint *bp = lay->bp;
	const sbp_summary *s = &lay->sum;
	double w = lay->width - 2 * LAY_MARGIN;
	const char *title = bp->title && *bp->title ? bp->title : "Untitled blueprint";
	sbp_buf b;

	lay->title = layout_block(lay, title, strlen(title), LAY_MARGIN,
				  y + lay_fonts[LAY_FONT_TITLE].size * 0.9, w,
				  LAY_FONT_TITLE, LAY_LEFT, 3);
	y += (double)lay->title.nlines * lay_fonts[LAY_FONT_TITLE].line_h + 4;
	if (bp->description && *bp->description) {
		lay->description = layout_block(lay, bp->description, strlen(bp->description),
						LAY_MARGIN, y + lay_fonts[LAY_FONT_BODY].size * 0.9,
						w, LAY_FONT_BODY, LAY_LEFT, 3);
		y += (double)lay->description.nlines * lay_fonts[LAY_FONT_BODY].line_h + 2;
	} else {
		lay->description = (lay_block){0, 0, LAY_FONT_BODY, LAY_LEFT, 0, 0};
	}
	buf_init(&b);
	buf_printf(&b, "%zu steps \xC2\xB7 %zu encounter steps \xC2\xB7 %zu without a standard (!) "
		   "\xC2\xB7 encounter coverage %s \xC2\xB7 %zu fail points \xC2\xB7 "
		   "%zu wait points \xC2\xB7 %zu standards",
		   s->steps, s->encounters, s->unstandardized,
		   check_coverage_text(s, 0, (char[16]){0}),
		   s->fail_points, s->wait_points, s->standards);
	if (source_name && *source_name)
		buf_printf(&b, " \xC2\xB7 %s", source_name);
	const char *c = layout_strdup(lay, b.data, b.len);
	lay->counts = layout_block(lay, c, b.len, LAY_MARGIN,
				   y + lay_fonts[LAY_FONT_BODY].size * 0.9, w,
				   LAY_FONT_BODY, LAY_LEFT, 3);
	y += (double)lay->counts.nlines * lay_fonts[LAY_FONT_BODY].line_h + 12;
	buf_free(&b);
	return y;
}

/* One legend entry: its kind and text. */
typedef struct legend_def {
	lay_legend_kind kind;
	int arg; /* zone or marker kind */
	const char *text;
} legend_def;

/* The legend entries in rows from y, wrapped to the poster width. */
double layout_place_legend(sbp_layout *lay, double y)
{
	static const legend_def defs[] = {
		{LAY_LEG_ZONE, ZONE_EVIDENCE, NULL},
		{LAY_LEG_ZONE, ZONE_CUSTOMER, NULL},
		{LAY_LEG_ZONE, ZONE_ONSTAGE, NULL},
		{LAY_LEG_ZONE, ZONE_BACKSTAGE, NULL},
		{LAY_LEG_ZONE, ZONE_SUPPORT, NULL},
		{LAY_LEG_LINE, 0, "line of interaction, visibility or internal interaction"},
		{LAY_LEG_CARD, 0, "step"},
		{LAY_LEG_ENCOUNTER, 0, "encounter step (the customer meets the service)"},
		{LAY_LEG_MARK, LAY_MARK_FLAG, "encounter without a standard"},
		{LAY_LEG_MARK, LAY_MARK_FAIL, "fail point"},
		{LAY_LEG_MARK, LAY_MARK_WAIT, "wait point"},
		{LAY_LEG_FLOW, 0, "flow"},
	};
	size_t n = sizeof defs / sizeof defs[0];
	const lay_font *ft = &lay_fonts[LAY_FONT_BODY];
	double x = LAY_MARGIN, right = lay->width - LAY_MARGIN, row = 20;

	lay->legend = xcalloc(n, sizeof *lay->legend);
	lay->nlegend = n;
	for (size_t i = 0; i < n; i++) {
		lay_legend *e = &lay->legend[i];
		const char *t = defs[i].text ? defs[i].text : zone_label((sbp_zone)defs[i].arg);
		double tw = layout_text_width(t, strlen(t), LAY_FONT_BODY);
		double w = 26 + tw + 18;
		if (x > LAY_MARGIN && x + w > right) {
			x = LAY_MARGIN;
			y += row;
		}
		e->kind = defs[i].kind;
		e->zone = defs[i].kind == LAY_LEG_ZONE ? (sbp_zone)defs[i].arg : ZONE_EVIDENCE;
		e->mark = defs[i].kind == LAY_LEG_MARK ? (lay_mark_kind)defs[i].arg : LAY_MARK_FLAG;
		e->icon = (lay_box){x, y, 20, 13};
		e->text = layout_block(lay, t, strlen(t), x + 26, y + 6.5 + ft->size * 0.35,
				       right - x - 26, LAY_FONT_BODY, LAY_LEFT, 1);
		x += w;
	}
	return y + row;
}
