/* Drawing a layout with cairo and pango (pdf_draw.c), for pdf.c. */
#ifndef SBP_PDF_DRAW_H
#define SBP_PDF_DRAW_H

#include "cairo_dl.h"

#include "sbp/layout.h"

typedef struct pdf_draw pdf_draw;

/* A drawer for lay on cr. Free with pdf_draw_free. */
pdf_draw *pdf_draw_new(cairo_t *cr, const sbp_layout *lay);
void pdf_draw_free(pdf_draw *pd);
/* Draw what of the poster falls in clip (poster coordinates). */
void pdf_draw_poster(pdf_draw *pd, lay_box clip);
/* The lane names (and line labels) of the lanes that meet clip, at the
 * poster's left edge; the headers that meet clip, at their own place:
 * what a tile repeats at its left and top. */
void pdf_draw_lane_strip(pdf_draw *pd, lay_box clip);
void pdf_draw_head_strip(pdf_draw *pd, lay_box clip);
/* One line of text, baseline at y; a block of layout lay (not the
 * drawer's own: its lines are read from lay). */
void pdf_draw_text(pdf_draw *pd, const char *text, size_t len, lay_font_id font,
		   double x, double y, const lay_rgb *c);
void pdf_draw_block(pdf_draw *pd, const sbp_layout *lay, const lay_block *b, const lay_rgb *c);
/* The tables of the HTML brief as pages pw x ph (pdf_tables.c). */
void pdf_tables(cairo_t *cr, cairo_surface_t *surf, pdf_draw *pd, const sbp_layout *lay,
		double pw, double ph);
/* A small note (page coordinates, baseline at y). */
void pdf_draw_note(pdf_draw *pd, const char *text, double x, double y);
/* Set the PDF's title. */
void pdf_draw_metadata(pdf_draw *pd, cairo_surface_t *surf, const char *title);

#endif
