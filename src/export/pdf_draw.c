/* The poster drawn with cairo and pango from the shared layout (the same
 * picture svg.c writes), for the PDF and PNG exports. Text goes through
 * pango, so fontconfig finds CJK and other scripts. Only the items that
 * meet the clip rectangle are drawn. */
#ifdef SBP_HAVE_CAIRO
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cairo_dl.h"
#include "export_internal.h"
#include "pdf_draw.h"

#define FONT_FAMILIES "Noto Sans,DejaVu Sans,Liberation Sans,Noto Sans CJK SC,sans-serif"

struct pdf_draw {
	cairo_t *cr;
	const sbp_layout *lay;
	PangoLayout *pl;
	PangoFontDescription *fonts[LAY_FONT_COUNT];
	int cur_font;
	sbp_buf tmp, text;
};

/* Set up pango on cr with one font description per poster font. */
pdf_draw *pdf_draw_new(cairo_t *cr, const sbp_layout *lay)
{
	pdf_draw *pd = xcalloc(1, sizeof *pd);
	cairo_font_options_t *fo = cx.cairo_font_options_create();

	pd->cr = cr;
	pd->lay = lay;
	pd->pl = cx.pango_cairo_create_layout(cr);
	cx.cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cx.pango_cairo_context_set_font_options(cx.pango_layout_get_context(pd->pl), fo);
	cx.cairo_font_options_destroy(fo);
	for (int f = 0; f < LAY_FONT_COUNT; f++) {
		PangoFontDescription *d = cx.pango_font_description_from_string(FONT_FAMILIES);
		cx.pango_font_description_set_absolute_size(d, lay_fonts[f].size * PANGO_SCALE);
		cx.pango_font_description_set_weight(d, lay_fonts[f].bold ? PANGO_WEIGHT_BOLD
								       : PANGO_WEIGHT_NORMAL);
		cx.pango_font_description_set_style(d, lay_fonts[f].italic ? PANGO_STYLE_ITALIC
								      : PANGO_STYLE_NORMAL);
		pd->fonts[f] = d;
	}
	pd->cur_font = -1;
	buf_init(&pd->tmp);
	buf_init(&pd->text);
	return pd;
}

/* Free the drawer (not the cairo context). */
void pdf_draw_free(pdf_draw *pd)
{
	if (!pd)
		return;
	for (int f = 0; f < LAY_FONT_COUNT; f++)
		cx.pango_font_description_free(pd->fonts[f]);
	cx.g_object_unref(pd->pl);
	buf_free(&pd->tmp);
	buf_free(&pd->text);
	free(pd);
}

/* Title and creator of the PDF document. */
void pdf_draw_metadata(pdf_draw *pd, cairo_surface_t *surf, const char *title)
{
	size_t n;
	const char *t = esc_clean(&pd->tmp, title, strlen(title), &n, false);
	buf_reset(&pd->text);
	buf_add(&pd->text, t, n);
	cx.cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE, pd->text.data);
	cx.cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR, "sbp " SBP_VERSION);
}

/* Set the colour. */
static void ink(cairo_t *cr, const lay_rgb *c)
{
	cx.cairo_set_source_rgb(cr, c->r, c->g, c->b);
}

/* Does box b meet the clip rectangle? */
static bool meets(lay_box b, lay_box c)
{
	return b.x <= c.x + c.w && b.x + b.w >= c.x && b.y <= c.y + c.h && b.y + b.h >= c.y;
}

/* Lay out text (lines separated by newlines) in font. */
static void set_text(pdf_draw *pd, const char *text, size_t len, lay_font_id font)
{
	if (pd->cur_font != (int)font) {
		cx.pango_layout_set_font_description(pd->pl, pd->fonts[font]);
		pd->cur_font = (int)font;
	}
	cx.pango_layout_set_text(pd->pl, text, (int)len);
}

/* Show line i of the current text with its baseline at y, aligned on x. */
static void show_line(pdf_draw *pd, int i, double x, double y, lay_align align)
{
	PangoLayoutLine *line = cx.pango_layout_get_line_readonly(pd->pl, i);
	if (!line)
		return;
	if (align != LAY_LEFT) {
		PangoRectangle lg;
		cx.pango_layout_line_get_extents(line, NULL, &lg);
		double w = lg.width / (double)PANGO_SCALE;
		x -= align == LAY_CENTER ? w / 2 : w;
	}
	cx.cairo_move_to(pd->cr, x, y);
	cx.pango_cairo_show_layout_line(pd->cr, line);
}

/* One line of text, its baseline at y, aligned on x. */
static void text_line(pdf_draw *pd, const char *s, size_t len, lay_font_id font,
		      double x, double y, lay_align align)
{
	size_t n;
	const char *t = esc_clean(&pd->tmp, s, len, &n, false);

	set_text(pd, t, n, font);
	show_line(pd, 0, x, y, align);
}

/* A block whose text would be under 2.5 pixels high (a PNG of a huge
 * poster): each line drawn as a faint bar of its width, which is what
 * the eye sees anyway, without the cost of shaping the text. */
static void greek_block(pdf_draw *pd, const lay_block *b, const lay_rgb *c)
{
	double size = lay_fonts[b->font].size;

	cx.cairo_set_source_rgba(pd->cr, c->r, c->g, c->b, 0.45);
	for (size_t i = 0; i < b->nlines; i++) {
		const lay_text *t = &pd->lay->lines[b->line0 + i];
		double w = layout_text_width(t->s, t->len, b->font);
		double x = b->align == LAY_CENTER ? b->x - w / 2 : b->align == LAY_RIGHT ? b->x - w : b->x;
		double y = b->y + (double)i * lay_fonts[b->font].line_h;
		cx.cairo_rectangle(pd->cr, x, y - size * 0.6, w, size * 0.55);
	}
	cx.cairo_fill(pd->cr);
}

/* A block of text in colour c: laid out at once (one pango layout per
 * block), each line then put at the layout's own baseline. */
static void text_block(pdf_draw *pd, const lay_block *b, const lay_rgb *c)
{
	double dx = lay_fonts[b->font].size, dy = 0;

	if (!b->nlines)
		return;
	ink(pd->cr, c);
	cx.cairo_user_to_device_distance(pd->cr, &dx, &dy);
	if (hypot(dx, dy) < 2.5) { /* too small to read: a grey stroke */
		greek_block(pd, b, c);
		return;
	}
	buf_reset(&pd->text);
	for (size_t i = 0; i < b->nlines; i++) {
		const lay_text *t = &pd->lay->lines[b->line0 + i];
		size_t n;
		const char *cl = esc_clean(&pd->tmp, t->s, t->len, &n, false);
		if (i)
			buf_putc(&pd->text, '\n');
		buf_add(&pd->text, cl, n);
		if (t->ellipsis)
			buf_puts(&pd->text, "\xE2\x80\xA6");
	}
	set_text(pd, pd->text.data, pd->text.len, b->font);
	for (size_t i = 0; i < b->nlines; i++)
		show_line(pd, (int)i, b->x, b->y + (double)i * lay_fonts[b->font].line_h, b->align);
}

/* One line of text in font and colour c (page or poster coordinates). */
void pdf_draw_text(pdf_draw *pd, const char *text, size_t len, lay_font_id font,
		   double x, double y, const lay_rgb *c)
{
	ink(pd->cr, c);
	text_line(pd, text, len, font, x, y, LAY_LEFT);
}

/* A block of another layout (lay: its lines) in colour c. */
void pdf_draw_block(pdf_draw *pd, const sbp_layout *lay, const lay_block *b, const lay_rgb *c)
{
	const sbp_layout *own = pd->lay;
	pd->lay = lay;
	text_block(pd, b, c);
	pd->lay = own;
}

/* A small grey note in page coordinates. */
void pdf_draw_note(pdf_draw *pd, const char *text, double x, double y)
{
	ink(pd->cr, &lay_grey);
	text_line(pd, text, strlen(text), LAY_FONT_FOOT, x, y, LAY_LEFT);
}

/* A rectangle, filled and (when stroke is not NULL) outlined. */
static void rect(cairo_t *cr, lay_box b, const lay_rgb *fill, const lay_rgb *stroke,
		 double sw, double r)
{
	cx.cairo_new_path(cr);
	if (r > 0) {
		cx.cairo_arc(cr, b.x + b.w - r, b.y + r, r, -M_PI / 2, 0);
		cx.cairo_arc(cr, b.x + b.w - r, b.y + b.h - r, r, 0, M_PI / 2);
		cx.cairo_arc(cr, b.x + r, b.y + b.h - r, r, M_PI / 2, M_PI);
		cx.cairo_arc(cr, b.x + r, b.y + r, r, M_PI, 3 * M_PI / 2);
		cx.cairo_close_path(cr);
	} else {
		cx.cairo_rectangle(cr, b.x, b.y, b.w, b.h);
	}
	ink(cr, fill);
	if (!stroke) {
		cx.cairo_fill(cr);
		return;
	}
	cx.cairo_fill_preserve(cr);
	ink(cr, stroke);
	cx.cairo_set_line_width(cr, sw);
	cx.cairo_stroke(cr);
}

/* A marker: circle and letter. */
static void mark(pdf_draw *pd, lay_mark_kind k, double x, double y)
{
	const lay_rgb *c = lay_mark_ink(k);
	bool solid = k == LAY_MARK_FLAG || k == LAY_MARK_BELOW;
	const char *l = lay_mark_letter(k);

	cx.cairo_new_path(pd->cr); /* pango leaves a current point */
	cx.cairo_arc(pd->cr, x, y, pd->lay->mark_r, 0, 2 * M_PI);
	ink(pd->cr, solid ? c : &lay_card_fill);
	cx.cairo_fill_preserve(pd->cr);
	ink(pd->cr, c);
	cx.cairo_set_line_width(pd->cr, 1.4);
	cx.cairo_stroke(pd->cr);
	ink(pd->cr, solid ? &lay_card_fill : c);
	text_line(pd, l, strlen(l), LAY_FONT_MARK, x, y + 3.1, LAY_CENTER);
}

/* A dashed zone line from x0 to x1 at y. */
static void zone_line(cairo_t *cr, double x0, double x1, double y)
{
	static const double dash[] = {7, 4};
	cx.cairo_set_dash(cr, dash, 2, 0);
	ink(cr, &lay_line_ink);
	cx.cairo_set_line_width(cr, 1.3);
	cx.cairo_move_to(cr, x0, y);
	cx.cairo_line_to(cr, x1, y);
	cx.cairo_stroke(cr);
	cx.cairo_set_dash(cr, NULL, 0, 0);
}

/* An arrow through n points, its head at the last. */
static void arrow(cairo_t *cr, const lay_pt *p, size_t n)
{
	ink(cr, &lay_flow_ink);
	cx.cairo_set_line_width(cr, 1.1);
	cx.cairo_new_path(cr);
	cx.cairo_move_to(cr, p[0].x, p[0].y);
	for (size_t i = 1; i < n; i++)
		cx.cairo_line_to(cr, p[i].x, p[i].y);
	cx.cairo_stroke(cr);
	double dx = p[n - 1].x - p[n - 2].x, dy = p[n - 1].y - p[n - 2].y;
	double len = hypot(dx, dy);
	if (len <= 0)
		return;
	dx /= len, dy /= len;
	cx.cairo_move_to(cr, p[n - 1].x, p[n - 1].y);
	cx.cairo_line_to(cr, p[n - 1].x - 7 * dx - 3.5 * dy, p[n - 1].y - 7 * dy + 3.5 * dx);
	cx.cairo_line_to(cr, p[n - 1].x - 7 * dx + 3.5 * dy, p[n - 1].y - 7 * dy - 3.5 * dx);
	cx.cairo_close_path(cr);
	cx.cairo_fill(cr);
}

/* One card. */
static void card(pdf_draw *pd, const lay_card *cd)
{
	const lay_rgb *edge = cd->flagged ? &lay_flag_ink : cd->encounter ? &lay_ink : &lay_card_edge;
	rect(pd->cr, cd->box, &lay_card_fill, edge, cd->encounter ? 1.8 : 0.8, 4);
	text_block(pd, &cd->text, &lay_ink);
	const lay_block *co[3] = {&cd->fix, &cd->fail, &cd->wait};
	const lay_box *cb[3] = {&cd->fix_box, &cd->fail_box, &cd->wait_box};
	const lay_rgb *fill[3] = {&lay_fix_fill, &lay_fail_fill, &lay_wait_fill};
	const lay_rgb *ink[3] = {&lay_fix_ink, &lay_fail_ink, &lay_wait_ink};
	for (int i = 0; i < 3; i++) {
		if (!co[i]->nlines)
			continue;
		rect(pd->cr, *cb[i], fill[i], NULL, 0, 2);
		rect(pd->cr, (lay_box){cb[i]->x, cb[i]->y, 2, cb[i]->h}, ink[i], NULL, 0, 0);
		text_block(pd, co[i], &lay_ink);
	}
	text_block(pd, &cd->foot, &lay_grey);
	for (size_t i = 0; i < cd->nmarks; i++)
		mark(pd, cd->marks[i].kind, cd->marks[i].cx, cd->marks[i].cy);
}

/* The legend entries. */
static void legend(pdf_draw *pd, lay_box clip)
{
	for (size_t i = 0; i < pd->lay->nlegend; i++) {
		const lay_legend *e = &pd->lay->legend[i];
		lay_box b = e->icon;
		double my = b.y + b.h / 2;
		lay_pt pts[2] = {{b.x, my}, {b.x + b.w, my}};
		if (!meets(b, clip))
			continue;
		switch (e->kind) {
		case LAY_LEG_ZONE: rect(pd->cr, b, &lay_zone_fill[e->zone], &lay_card_edge, 0.6, 0); break;
		case LAY_LEG_LINE: zone_line(pd->cr, b.x, b.x + b.w, my); break;
		case LAY_LEG_CARD: rect(pd->cr, b, &lay_card_fill, &lay_card_edge, 0.8, 3); break;
		case LAY_LEG_ENCOUNTER: rect(pd->cr, b, &lay_card_fill, &lay_ink, 1.8, 3); break;
		case LAY_LEG_MARK: mark(pd, e->mark, b.x + b.w / 2, my); break;
		case LAY_LEG_FLOW: arrow(pd->cr, pts, 2); break;
		}
		text_block(pd, &e->text, &lay_grey);
	}
}

/* The lane name cells (and the lines' labels) of the lanes that meet
 * clip, for the left edge of a tile: a name whose lane starts above the
 * tile is moved down into it, so every tile names its lanes. */
void pdf_draw_lane_strip(pdf_draw *pd, lay_box clip)
{
	const sbp_layout *lay = pd->lay;
	cairo_t *cr = pd->cr;

	rect(cr, (lay_box){0, clip.y, lay->col_x0, clip.h}, &lay_card_fill, NULL, 0, 0);
	for (size_t l = 0; l < lay->bp->lanes.n; l++) {
		const lay_lane *L = &lay->lanes[l];
		if (!meets(L->band, clip))
			continue;
		rect(cr, L->head, &lay_card_fill, &lay_card_fill, 1, 0);
		rect(cr, (lay_box){L->head.x, L->head.y, 4, L->head.h}, &lay_zone_fill[L->lane->zone], NULL, 0, 0);
		lay_block n = L->name, z = L->zone;
		double top = L->name.y - lay_fonts[LAY_FONT_LANE].size;
		double bottom = L->band.y + L->band.h;
		if (top < clip.y + 4 && clip.y + 40 < bottom) {
			double dy = clip.y + 4 - top;
			n.y += dy;
			z.y += dy;
		}
		text_block(pd, &n, &lay_ink);
		text_block(pd, &z, &lay_grey);
	}
	for (size_t i = 0; i < lay->nzlines; i++) {
		const lay_zline *z = &lay->zlines[i];
		if (z->y < clip.y || z->y > clip.y + clip.h)
			continue;
		zone_line(cr, z->x0, lay->col_x0, z->y);
		text_block(pd, &z->text, &lay_line_ink);
	}
}

/* The phase and column headers that meet clip, for the top of a tile. */
void pdf_draw_head_strip(pdf_draw *pd, lay_box clip)
{
	const sbp_layout *lay = pd->lay;

	rect(pd->cr, (lay_box){clip.x, lay->head_y0, clip.w, lay->head_y1 - lay->head_y0},
	     &lay_card_fill, NULL, 0, 0);
	for (size_t i = 0; i < lay->nphases; i++) {
		if (!meets(lay->phases[i].box, clip))
			continue;
		rect(pd->cr, lay->phases[i].box, &lay_phase_fill, &lay_card_fill, 1, 0);
		text_block(pd, &lay->phases[i].text, &lay_card_fill);
	}
	for (size_t c = 0; c < lay->bp->columns.n; c++) {
		if (!meets(lay->columns[c].box, clip))
			continue;
		rect(pd->cr, lay->columns[c].box, &lay_column_fill, &lay_card_fill, 1, 0);
		text_block(pd, &lay->columns[c].text, &lay_ink);
	}
}

/* Draw the poster items that meet the clip rectangle. */
void pdf_draw_poster(pdf_draw *pd, lay_box clip)
{
	const sbp_layout *lay = pd->lay;
	const sbp_blueprint *bp = lay->bp;
	cairo_t *cr = pd->cr;
	size_t nc = bp->columns.n;

	rect(cr, (lay_box){0, 0, ceil(lay->width), ceil(lay->height)}, &lay_card_fill, NULL, 0, 0);
	text_block(pd, &lay->title, &lay_ink);
	text_block(pd, &lay->description, &lay_grey);
	text_block(pd, &lay->meta, &lay_grey);
	text_block(pd, &lay->counts, &lay_grey);
	for (size_t i = 0; i < lay->nphases; i++) {
		if (!meets(lay->phases[i].box, clip))
			continue;
		rect(cr, lay->phases[i].box, &lay_phase_fill, &lay_card_fill, 1, 0);
		text_block(pd, &lay->phases[i].text, &lay_card_fill);
	}
	/* the columns the clip shows, one either side for safety */
	double c0 = floor((clip.x - lay->col_x0) / lay->col_w) - 1;
	double c1 = ceil((clip.x + clip.w - lay->col_x0) / lay->col_w) + 1;
	size_t first = c0 < 0 ? 0 : c0 > (double)nc ? nc : (size_t)c0;
	size_t last = c1 < 0 ? 0 : c1 > (double)nc ? nc : (size_t)c1;
	for (size_t c = first; c < last; c++) {
		rect(cr, lay->columns[c].box, &lay_column_fill, &lay_card_fill, 1, 0);
		text_block(pd, &lay->columns[c].text, &lay_ink);
	}
	for (size_t l = 0; l < bp->lanes.n; l++) {
		const lay_lane *L = &lay->lanes[l];
		if (!meets(L->band, clip))
			continue;
		rect(cr, L->band, &lay_zone_fill[L->lane->zone], &lay_card_fill, 1, 0);
		rect(cr, L->head, &lay_card_fill, NULL, 0, 0);
		rect(cr, (lay_box){L->head.x, L->head.y, 4, L->head.h}, &lay_zone_fill[L->lane->zone], NULL, 0, 0);
		text_block(pd, &L->name, &lay_ink);
		text_block(pd, &L->zone, &lay_grey);
	}
	for (size_t i = 0; i < lay->nzlines; i++) {
		const lay_zline *z = &lay->zlines[i];
		zone_line(cr, fmax(z->x0, clip.x - 10), fmin(z->x1, clip.x + clip.w + 10), z->y);
		text_block(pd, &z->text, &lay_line_ink);
	}
	for (size_t k = lay->col_start[first]; k < lay->col_start[last]; k++) {
		const lay_card *cd = &lay->cards[lay->order[k]];
		lay_box b = {cd->box.x, cd->box.y - lay->mark_r, cd->box.w, cd->box.h + lay->mark_r};
		if (meets(b, clip))
			card(pd, cd);
	}
	for (size_t i = 0; i < lay->nflows; i++) {
		const lay_flow *f = &lay->flows[i];
		if (f->npts < 2 || !meets(layout_flow_bounds(lay, f), clip))
			continue;
		arrow(cr, &lay->pts[f->pt0], f->npts);
		if (f->label.nlines) {
			rect(cr, f->label_box, &lay_card_fill, NULL, 0, 2);
			text_block(pd, &f->label, &lay_flow_ink);
		}
	}
	text_block(pd, &lay->key_title, &lay_ink);
	for (size_t i = 0; i < lay->nkeys; i++)
		text_block(pd, &lay->keys[i].text, lay->keys[i].below ? &lay_flag_ink : &lay_ink);
	legend(pd, clip);
}

#else
typedef int pdf_draw_unused; /* ISO C wants something in a file */
#endif
