/* PDF and PNG export through cairo and pango, drawn from the shared
 * layout: the poster on one page (its own size, or fitted to a paper
 * size), tiled over several pages at full size with overlap and crop
 * marks, or as a PNG image at a chosen number of pixels per point.
 * Only what a page shows is drawn, so tiling stays linear. cairo and
 * pango are loaded when the first PDF or PNG is asked for (cairo_dl.h).
 * Built only with their headers (meson option cairo); else both formats
 * say why not. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "export_internal.h"
#include "sbp/i18n.h"

#ifdef SBP_HAVE_CAIRO
#include "cairo_dl.h"
#include "pdf_draw.h"

/* Paper sizes in points, portrait. */
static const struct paper {
	const char *name;
	double w, h;
} papers[] = {
	{"a4", 595.28, 841.89}, {"a3", 841.89, 1190.55}, {"a2", 1190.55, 1683.78},
	{"a1", 1683.78, 2383.94}, {"a0", 2383.94, 3370.39}, {"letter", 612, 792},
};

#define PDF_MAX_PAGE 14400.0  /* the largest page PDF viewers accept */
#define TILE_MARGIN 36.0      /* room for crop marks and the sheet label */
#define TILE_OVERLAP 28.35    /* 10 mm */
#define FIT_MARGIN 24.0
#define PNG_MAX_SIDE 32000.0
#define PNG_MAX_PIXELS 64e6

/* The poster's own words on sheets, in one place. */
#define T_ABOVE term_tr("Lanes above this sheet: ")
#define T_HERE term_tr("On this sheet: ")
#define T_BELOW term_tr("Below it: ")
#define T_SHEET term_tr("Sheet %zu of %zu: row %zu of %zu, column %zu of %zu. " "Cut along the crop marks; each sheet overlaps the one before by 10 mm.")

/* Look up a paper size in any case; a4 when name is NULL. */
static const struct paper *paper_find(const char *name)
{
	for (size_t i = 0; i < sizeof papers / sizeof papers[0]; i++)
		if (name && !strcasecmp(name, papers[i].name))
			return &papers[i];
	return &papers[0];
}

/* cairo's write callback: append to an sbp_buf. */
static cairo_status_t write_buf(void *closure, const unsigned char *data, unsigned int len)
{
	buf_add(closure, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* How a poster is tiled: sheets pw x ph, nc x nr of them, the poster
 * scaled by s; every sheet but the first of its row repeats the lane
 * names (strip_w poster points wide) at its left, every sheet below the
 * first row the headers (strip_h) at its top. */
typedef struct tiling {
	double pw, ph, s, strip_w, strip_h;
	size_t nc, nr;
} tiling;

/* Sheets needed along one side: extent poster points at scale s on
 * content page points per sheet, each sheet after the first losing strip
 * poster points to the repeated names and TILE_OVERLAP to the overlap. */
static size_t tiles(double extent, double content, double strip, double s)
{
	double first = content / s, next = first - strip - TILE_OVERLAP / s;
	if (extent <= first + 1e-6)
		return 1;
	if (next <= 1)
		return 100000;
	return 1 + (size_t)ceil((extent - first) / next - 1e-9);
}

/* The largest scale at which n sheets cover extent (see tiles). */
static double fill(size_t n, double content, double strip, double extent)
{
	return ((double)n * content - (double)(n - 1) * TILE_OVERLAP) /
	       (extent + (double)(n - 1) * strip);
}

/* Plan the tiles for one orientation (pw x ph) at the least scale s0, or
 * for exactly cols x rows sheets when cols is not 0; fill: enlarge to
 * fill the sheets. */
static tiling plan_one(const sbp_layout *lay, double pw, double ph, double s0, int cols,
		       int rows, bool do_fill)
{
	tiling t = {pw, ph, s0, lay->col_x0, lay->head_y1 - lay->head_y0, 1, 1};
	double W = ceil(lay->width), H = ceil(lay->height);
	double cw = pw - 2 * TILE_MARGIN, ch = ph - 2 * TILE_MARGIN;

	if (cols > 0) {
		t.nc = (size_t)cols, t.nr = (size_t)rows;
		do_fill = true;
	} else {
		t.nc = tiles(W, cw, t.strip_w, s0);
		t.nr = tiles(H, ch, t.strip_h, s0);
	}
	if (do_fill)
		t.s = fmin(fill(t.nc, cw, t.strip_w, W), fill(t.nr, ch, t.strip_h, H)) * (1 - 1e-9);
	return t;
}

/* Plan the tiling the options ask for: the orientation with fewer sheets
 * (or, for --pages, the larger scale). */
static tiling plan_tiles(const sbp_layout *lay, const export_opts *o)
{
	const struct paper *p = paper_find(o->paper);
	double s0 = o->fit > 0 ? o->fit / layout_min_font() : o->scale > 0 ? o->scale : 1;
	bool do_fill = o->fit > 0 || !(o->scale > 0);
	tiling port = plan_one(lay, p->w, p->h, s0, o->pages_cols, o->pages_rows, do_fill);
	tiling land = plan_one(lay, p->h, p->w, s0, o->pages_cols, o->pages_rows, do_fill);

	if (o->pages_cols > 0)
		return land.s >= port.s ? land : port;
	return land.nc * land.nr <= port.nc * port.nr ? land : port;
}

/* Crop marks at the corners of the content area, the overlap guides and
 * the sheet label, clear of the marks. */
static void tile_marks(cairo_t *cr, pdf_draw *pd, const tiling *t, size_t r, size_t c)
{
	double m = TILE_MARGIN, x0 = m, y0 = m, x1 = t->pw - m, y1 = t->ph - m;
	double xs[2] = {x0, x1}, ys[2] = {y0, y1};
	double gx = x0 + (c ? t->strip_w * t->s : 0) + TILE_OVERLAP;
	double gy = y0 + (r ? t->strip_h * t->s : 0) + TILE_OVERLAP;
	char label[400];

	cx.cairo_save(cr);
	cx.cairo_set_source_rgb(cr, 0, 0, 0);
	cx.cairo_set_line_width(cr, 0.4);
	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 2; j++) {
			double dx = i ? 1 : -1, dy = j ? 1 : -1;
			cx.cairo_move_to(cr, xs[i] + dx * 4, ys[j]);
			cx.cairo_line_to(cr, xs[i] + dx * 22, ys[j]);
			cx.cairo_move_to(cr, xs[i], ys[j] + dy * 4);
			cx.cairo_line_to(cr, xs[i], ys[j] + dy * 22);
		}
	cx.cairo_stroke(cr);
	/* where the previous sheet's content ends: glue it up to here */
	double dash[] = {3, 3};
	cx.cairo_set_dash(cr, dash, 2, 0);
	cx.cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
	if (c > 0) {
		cx.cairo_move_to(cr, gx, y0 - 12);
		cx.cairo_line_to(cr, gx, y0);
		cx.cairo_move_to(cr, gx, y1);
		cx.cairo_line_to(cr, gx, y1 + 12);
	}
	if (r > 0) {
		cx.cairo_move_to(cr, x0 - 12, gy);
		cx.cairo_line_to(cr, x0, gy);
		cx.cairo_move_to(cr, x1, gy);
		cx.cairo_line_to(cr, x1 + 12, gy);
	}
	cx.cairo_stroke(cr);
	cx.cairo_restore(cr);
	snprintf(label, sizeof label, T_SHEET, r * t->nc + c + 1, t->nr * t->nc, r + 1, t->nr,
		 c + 1, t->nc);
	pdf_draw_note(pd, label, x0 + 30, y1 + 27);
}

/* Append the names of lanes l0..l1-1 after head, comma-separated. */
static void lane_list(sbp_buf *b, const sbp_layout *lay, size_t l0, size_t l1, const char *head)
{
	if (l0 >= l1)
		return;
	buf_puts(b, b->len ? " \xC2\xB7 " : "");
	buf_puts(b, head);
	for (size_t l = l0; l < l1; l++)
		buf_printf(b, "%s%s", l > l0 ? ", " : "", lay->bp->lanes.items[l]->name);
}

/* The top margin of a sheet: which lanes lie above it, on it and below
 * it, so every sheet names every lane (at most two lines). */
static void lane_index(pdf_draw *pd, const sbp_layout *lay, const tiling *t, double py0,
		       double py1, sbp_layout *wrap)
{
	size_t nl = lay->bp->lanes.n, a = 0, b;
	sbp_buf s;

	while (a < nl && lay->lanes[a].band.y + lay->lanes[a].band.h <= py0 + 1)
		a++;
	b = a;
	while (b < nl && lay->lanes[b].band.y < py1 - 1)
		b++;
	buf_init(&s);
	lane_list(&s, lay, 0, a, T_ABOVE);
	lane_list(&s, lay, a, b, T_HERE);
	lane_list(&s, lay, b, nl, T_BELOW);
	wrap->nlines = 0;
	size_t n = layout_wrap_width(wrap, s.data, s.len, t->pw - 2 * TILE_MARGIN - 60,
				     LAY_FONT_FOOT, 2);
	for (size_t i = 0; i < n; i++) {
		const lay_text *l = &wrap->lines[i];
		sbp_buf line;
		buf_init(&line);
		buf_add(&line, l->s, l->len);
		if (l->ellipsis)
			buf_puts(&line, "\xE2\x80\xA6");
		pdf_draw_text(pd, line.data, line.len, LAY_FONT_FOOT, TILE_MARGIN + 30,
			      TILE_MARGIN - 24 + 9 * (double)i + (n == 1 ? 9 : 0), &lay_grey);
		buf_free(&line);
	}
	buf_free(&s);
}

/* Draw poster clip (poster coordinates) into the page rectangle whose
 * top left is (x, y), at scale s, with what: 0 the poster, 1 the lane
 * names, 2 the headers. */
static void draw_part(cairo_t *cr, pdf_draw *pd, lay_box clip, double x, double y, double s,
		      int what)
{
	cx.cairo_save(cr);
	cx.cairo_rectangle(cr, x, y, clip.w * s, clip.h * s);
	cx.cairo_clip(cr);
	cx.cairo_translate(cr, x - clip.x * s, y - clip.y * s);
	cx.cairo_scale(cr, s, s);
	if (what == 0)
		pdf_draw_poster(pd, clip);
	else if (what == 1)
		pdf_draw_lane_strip(pd, clip);
	else
		pdf_draw_head_strip(pd, clip);
	cx.cairo_restore(cr);
}

/* One tile: the poster's part, the repeated lane names and headers, the
 * marks. */
static void draw_tile(cairo_t *cr, pdf_draw *pd, const sbp_layout *lay, const tiling *t,
		      size_t r, size_t c, sbp_layout *wrap)
{
	double m = TILE_MARGIN, s = t->s;
	double cwp = (t->pw - 2 * m) / s, chp = (t->ph - 2 * m) / s, ov = TILE_OVERLAP / s;
	double sx = c ? t->strip_w : 0, sy = r ? t->strip_h : 0;
	double px0 = c ? cwp - ov + (double)(c - 1) * (cwp - t->strip_w - ov) : 0;
	double py0 = r ? chp - ov + (double)(r - 1) * (chp - t->strip_h - ov) : 0;

	draw_part(cr, pd, (lay_box){px0, py0, cwp - sx, chp - sy}, m + sx * s, m + sy * s, s, 0);
	if (c || r) /* on the first column too: names of lanes begun above move down */
		draw_part(cr, pd, (lay_box){0, py0, t->strip_w, chp - sy}, m, m + sy * s, s, 1);
	if (r)
		draw_part(cr, pd, (lay_box){px0, lay->head_y0, cwp - sx, t->strip_h}, m + sx * s, m, s, 2);
	tile_marks(cr, pd, t, r, c);
	lane_index(pd, lay, t, py0 + sy, py0 + chp, wrap);
}

/* Warn when the smallest text of the poster prints below 6 pt. */
static void warn_small(const export_opts *o, double s)
{
	double pt = layout_min_font() * s;
	if (pt < 6 - 1e-9)
		export_warn(o, _("the smallest text prints at %.2g pt, below 6 pt; use --fit or "
				 "--pages to print it larger over several sheets"), pt);
}

/* The PDF: one page the poster's size (several when it is larger than a
 * PDF page may be), the poster fitted to a paper size, or tiles; then the
 * tables when asked for. */
static bool make_pdf(const sbp_layout *lay, const export_opts *o, sbp_buf *out,
		     char *err, size_t errlen)
{
	double W = ceil(lay->width), H = ceil(lay->height), scale = 1, pw = W, ph = H;
	size_t nr = 1, nc = 1;
	bool tile = o->tile || o->fit > 0 || o->pages_cols > 0;
	const struct paper *p = paper_find(o->paper);
	tiling t = {0};

	if (tile) {
		t = plan_tiles(lay, o);
		pw = t.pw, ph = t.ph, nc = t.nc, nr = t.nr, scale = t.s;
	} else if (o->paper) {
		pw = W > H ? p->h : p->w;
		ph = W > H ? p->w : p->h;
		scale = fmin((pw - 2 * FIT_MARGIN) / W, (ph - 2 * FIT_MARGIN) / H);
	} else if (fmax(W, H) > PDF_MAX_PAGE) {
		/* larger than a PDF page may be: full size over equal pages */
		nc = (size_t)ceil(W / PDF_MAX_PAGE);
		nr = (size_t)ceil(H / PDF_MAX_PAGE);
		pw = ceil(W / (double)nc);
		ph = ceil(H / (double)nr);
	}
	warn_small(o, scale);
	cairo_surface_t *surf = cx.cairo_pdf_surface_create_for_stream(write_buf, out, pw, ph);
	cairo_t *cr = cx.cairo_create(surf);
	pdf_draw *pd = pdf_draw_new(cr, lay);
	sbp_layout *wrap = tile ? layout_new(&(sbp_blueprint){0}, NULL) : NULL;
	pdf_draw_metadata(pd, surf, lay->bp->title ? lay->bp->title : term_tr("Service blueprint"));
	for (size_t r = 0; r < nr; r++) {
		for (size_t c = 0; c < nc; c++) {
			if (tile) {
				draw_tile(cr, pd, lay, &t, r, c, wrap);
			} else {
				double ox = (double)c * pw, oy = (double)r * ph;
				if (o->paper) {
					ox = -(pw - W * scale) / 2;
					oy = -(ph - H * scale) / 2;
				}
				cx.cairo_save(cr);
				cx.cairo_translate(cr, -ox, -oy);
				cx.cairo_scale(cr, scale, scale);
				pdf_draw_poster(pd, (lay_box){ox / scale, oy / scale, pw / scale, ph / scale});
				cx.cairo_restore(cr);
			}
			cx.cairo_show_page(cr);
		}
	}
	if (o->with_tables)
		pdf_tables(cr, surf, pd, lay, p->w, p->h);
	pdf_draw_free(pd);
	layout_free(wrap);
	cx.cairo_destroy(cr);
	cx.cairo_surface_finish(surf);
	cairo_status_t st = cx.cairo_surface_status(surf);
	cx.cairo_surface_destroy(surf);
	if (st != CAIRO_STATUS_SUCCESS) {
		snprintf(err, errlen, "cairo could not write the PDF: %s", cx.cairo_status_to_string(st));
		return false;
	}
	return true;
}

/* The PNG: the poster at scale pixels per point (fitted to a paper
 * size when one is given), within cairo's and memory's limits. */
static bool make_png(const sbp_layout *lay, const export_opts *o, sbp_buf *out,
		     char *err, size_t errlen)
{
	double W = ceil(lay->width), H = ceil(lay->height), s = o->scale > 0 ? o->scale : 2;
	double pw = W, ph = H, fit = 1;

	s = fmin(s, fmin(PNG_MAX_SIDE / pw, PNG_MAX_SIDE / ph));
	s = fmin(s, sqrt(PNG_MAX_PIXELS / (pw * ph)));
	int iw = (int)ceil(pw * s), ih = (int)ceil(ph * s);
	cairo_surface_t *surf = cx.cairo_image_surface_create(CAIRO_FORMAT_RGB24, iw, ih);
	cairo_t *cr = cx.cairo_create(surf);
	cx.cairo_set_source_rgb(cr, 1, 1, 1);
	cx.cairo_paint(cr);
	cx.cairo_scale(cr, s, s);
	cx.cairo_translate(cr, (pw - W * fit) / 2, (ph - H * fit) / 2);
	cx.cairo_scale(cr, fit, fit);
	pdf_draw *pd = pdf_draw_new(cr, lay);
	pdf_draw_poster(pd, (lay_box){0, 0, W, H});
	pdf_draw_free(pd);
	cx.cairo_destroy(cr);
	cairo_status_t st = cx.cairo_surface_status(surf);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cx.cairo_surface_write_to_png_stream(surf, write_buf, out);
	cx.cairo_surface_destroy(surf);
	if (st != CAIRO_STATUS_SUCCESS) {
		snprintf(err, errlen, "cairo could not make the PNG: %s", cx.cairo_status_to_string(st));
		return false;
	}
	return true;
}

/* Write the PDF export. */
bool export_pdf(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out,
		char *err, size_t errlen)
{
	if (!cairo_dl_load("PDF", err, errlen))
		return false;
	sbp_layout *lay = layout_new(bp, o->source_name);
	export_warn_layout(o, lay);
	bool ok = make_pdf(lay, o, out, err, errlen);
	layout_free(lay);
	return ok;
}

/* Write the PNG export. */
bool export_png(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out,
		char *err, size_t errlen)
{
	if (!cairo_dl_load("PNG", err, errlen))
		return false;
	sbp_layout *lay = layout_new(bp, o->source_name);
	export_warn_layout(o, lay);
	bool ok = make_png(lay, o, out, err, errlen);
	layout_free(lay);
	return ok;
}

#else /* !SBP_HAVE_CAIRO */

/* Say that this build cannot write PDF or PNG. */
static bool no_cairo(char *err, size_t errlen)
{
	snprintf(err, errlen, "sbp was built without cairo: pdf and png export are not available");
	return false;
}

/* Write the PDF export. */
bool export_pdf(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out,
		char *err, size_t errlen)
{
	(void)bp, (void)o, (void)out;
	return no_cairo(err, errlen);
}

/* Write the PNG export. */
bool export_png(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out,
		char *err, size_t errlen)
{
	(void)bp, (void)o, (void)out;
	return no_cairo(err, errlen);
}

#endif
