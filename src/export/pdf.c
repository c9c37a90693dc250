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

#include "export_internal.h"

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

/* Look up a paper size; a4 when name is NULL. */
static const struct paper *paper_find(const char *name)
{
	for (size_t i = 0; i < sizeof papers / sizeof papers[0]; i++)
		if (name && !strcmp(name, papers[i].name))
			return &papers[i];
	return &papers[0];
}

/* cairo's write callback: append to an sbp_buf. */
static cairo_status_t write_buf(void *closure, const unsigned char *data, unsigned int len)
{
	buf_add(closure, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* Pages across and down for a poster W x H on content areas cw x ch. */
static size_t tiles(double W, double cw)
{
	if (W <= cw)
		return 1;
	return (size_t)ceil((W - TILE_OVERLAP) / (cw - TILE_OVERLAP) - 1e-9);
}

/* Crop marks at the corners of the content area, the overlap guides and
 * the sheet label. */
static void tile_marks(cairo_t *cr, pdf_draw *pd, double pw, double ph, size_t r,
		       size_t c, size_t nr, size_t nc)
{
	double m = TILE_MARGIN, x0 = m, y0 = m, x1 = pw - m, y1 = ph - m;
	double xs[2] = {x0, x1}, ys[2] = {y0, y1};
	char label[320];

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
	/* where the previous sheet's edge lies: glue it up to here */
	double dash[] = {3, 3};
	cx.cairo_set_dash(cr, dash, 2, 0);
	cx.cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
	if (c > 0) {
		cx.cairo_move_to(cr, x0 + TILE_OVERLAP, y0 - 12);
		cx.cairo_line_to(cr, x0 + TILE_OVERLAP, y0);
		cx.cairo_move_to(cr, x0 + TILE_OVERLAP, y1);
		cx.cairo_line_to(cr, x0 + TILE_OVERLAP, y1 + 12);
	}
	if (r > 0) {
		cx.cairo_move_to(cr, x0 - 12, y0 + TILE_OVERLAP);
		cx.cairo_line_to(cr, x0, y0 + TILE_OVERLAP);
		cx.cairo_move_to(cr, x1, y0 + TILE_OVERLAP);
		cx.cairo_line_to(cr, x1 + 12, y0 + TILE_OVERLAP);
	}
	cx.cairo_stroke(cr);
	cx.cairo_restore(cr);
	snprintf(label, sizeof label, "Sheet %zu of %zu: row %zu of %zu, column %zu of %zu. "
		 "Cut along the crop marks; each sheet overlaps the one before by 10 mm.",
		 r * nc + c + 1, nr * nc, r + 1, nr, c + 1, nc);
	pdf_draw_note(pd, label, x0, y1 + 14);
}

/* The PDF: one page the poster's size (several when it is larger than a
 * PDF page may be), the poster fitted to a paper size, or tiles. */
static bool make_pdf(const sbp_layout *lay, const export_opts *o, sbp_buf *out,
		     char *err, size_t errlen)
{
	double W = ceil(lay->width), H = ceil(lay->height), scale = 1, pw = W, ph = H;
	size_t nr = 1, nc = 1;
	bool tile = o->tile;
	const struct paper *p = paper_find(o->paper);

	if (tile) {
		scale = o->scale > 0 ? o->scale : 1;
		double a = p->w - 2 * TILE_MARGIN, b = p->h - 2 * TILE_MARGIN;
		size_t port = tiles(W * scale, a) * tiles(H * scale, b);
		size_t land = tiles(W * scale, b) * tiles(H * scale, a);
		bool landscape = land <= port;
		pw = landscape ? p->h : p->w;
		ph = landscape ? p->w : p->h;
		nc = tiles(W * scale, pw - 2 * TILE_MARGIN);
		nr = tiles(H * scale, ph - 2 * TILE_MARGIN);
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
	cairo_surface_t *surf = cx.cairo_pdf_surface_create_for_stream(write_buf, out, pw, ph);
	cairo_t *cr = cx.cairo_create(surf);
	pdf_draw *pd = pdf_draw_new(cr, lay);
	if (lay->bp->title)
		pdf_draw_metadata(pd, surf, lay->bp->title);
	for (size_t r = 0; r < nr; r++) {
		for (size_t c = 0; c < nc; c++) {
			double ox = 0, oy = 0, cw = pw, ch = ph, m = 0;
			if (tile) {
				m = TILE_MARGIN;
				cw = pw - 2 * m;
				ch = ph - 2 * m;
				ox = (double)c * (cw - TILE_OVERLAP);
				oy = (double)r * (ch - TILE_OVERLAP);
			} else if (o->paper) {
				ox = -(pw - W * scale) / 2;
				oy = -(ph - H * scale) / 2;
			} else {
				ox = (double)c * pw;
				oy = (double)r * ph;
			}
			cx.cairo_save(cr);
			cx.cairo_rectangle(cr, m, m, cw, ch);
			cx.cairo_clip(cr);
			cx.cairo_translate(cr, m - ox, m - oy);
			cx.cairo_scale(cr, scale, scale);
			pdf_draw_poster(pd, (lay_box){ox / scale, oy / scale, cw / scale, ch / scale});
			cx.cairo_restore(cr);
			if (tile)
				tile_marks(cr, pd, pw, ph, r, c, nr, nc);
			cx.cairo_show_page(cr);
		}
	}
	pdf_draw_free(pd);
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

	if (o->paper) {
		const struct paper *p = paper_find(o->paper);
		pw = W > H ? p->h : p->w;
		ph = W > H ? p->w : p->h;
		fit = fmin((pw - 2 * FIT_MARGIN) / W, (ph - 2 * FIT_MARGIN) / H);
	}
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
