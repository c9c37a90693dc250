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
/* A small note (page coordinates, baseline at y). */
void pdf_draw_note(pdf_draw *pd, const char *text, double x, double y);
/* Set the PDF's title. */
void pdf_draw_metadata(pdf_draw *pd, cairo_surface_t *surf, const char *title);

#endif
