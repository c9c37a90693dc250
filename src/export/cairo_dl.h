/* cairo and pango for the PDF and PNG exports, loaded with dlopen the
 * first time one of them is asked for: every other start of sbp (the
 * editor, check, fmt) skips their forty-odd shared libraries. The headers
 * give the types; calls go through the table cx, as in
 * cx.cairo_move_to(cr, x, y). A direct call is a link error, since
 * nothing links cairo. */
#ifndef SBP_CAIRO_DL_H
#define SBP_CAIRO_DL_H

#include <stdbool.h>
#include <stddef.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

/* Every function pdf.c and pdf_draw.c call, with the library it is
 * looked up in (see sonames in cairo_dl.c). */
#define CAIRO_DL_FUNCS(F) \
	F(CAIRO, cairo_arc) \
	F(CAIRO, cairo_clip) \
	F(CAIRO, cairo_close_path) \
	F(CAIRO, cairo_create) \
	F(CAIRO, cairo_destroy) \
	F(CAIRO, cairo_fill) \
	F(CAIRO, cairo_fill_preserve) \
	F(CAIRO, cairo_font_options_create) \
	F(CAIRO, cairo_font_options_destroy) \
	F(CAIRO, cairo_font_options_set_hint_metrics) \
	F(CAIRO, cairo_image_surface_create) \
	F(CAIRO, cairo_line_to) \
	F(CAIRO, cairo_move_to) \
	F(CAIRO, cairo_new_path) \
	F(CAIRO, cairo_paint) \
	F(CAIRO, cairo_pdf_surface_create_for_stream) \
	F(CAIRO, cairo_pdf_surface_set_metadata) \
	F(CAIRO, cairo_pdf_surface_set_size) \
	F(CAIRO, cairo_rectangle) \
	F(CAIRO, cairo_restore) \
	F(CAIRO, cairo_save) \
	F(CAIRO, cairo_scale) \
	F(CAIRO, cairo_set_dash) \
	F(CAIRO, cairo_set_line_width) \
	F(CAIRO, cairo_set_source_rgb) \
	F(CAIRO, cairo_set_source_rgba) \
	F(CAIRO, cairo_show_page) \
	F(CAIRO, cairo_status_to_string) \
	F(CAIRO, cairo_stroke) \
	F(CAIRO, cairo_surface_destroy) \
	F(CAIRO, cairo_surface_finish) \
	F(CAIRO, cairo_surface_status) \
	F(CAIRO, cairo_surface_write_to_png_stream) \
	F(CAIRO, cairo_translate) \
	F(CAIRO, cairo_user_to_device_distance) \
	F(GOBJECT, g_object_unref) \
	F(PANGO, pango_font_description_free) \
	F(PANGO, pango_font_description_from_string) \
	F(PANGO, pango_font_description_set_absolute_size) \
	F(PANGO, pango_font_description_set_style) \
	F(PANGO, pango_font_description_set_weight) \
	F(PANGO, pango_layout_get_context) \
	F(PANGO, pango_layout_get_line_readonly) \
	F(PANGO, pango_layout_line_get_extents) \
	F(PANGO, pango_layout_set_font_description) \
	F(PANGO, pango_layout_set_text) \
	F(PANGOCAIRO, pango_cairo_context_set_font_options) \
	F(PANGOCAIRO, pango_cairo_create_layout) \
	F(PANGOCAIRO, pango_cairo_show_layout_line)

/* One pointer per function, of the function's own type. */
typedef struct cairo_dl {
#define CAIRO_DL_FIELD(lib, fn) __typeof__(fn) *fn;
	CAIRO_DL_FUNCS(CAIRO_DL_FIELD)
#undef CAIRO_DL_FIELD
} cairo_dl;

/* Filled by cairo_dl_load; all NULL before. */
extern cairo_dl cx;

/* Load the libraries and fill cx (once per process; later calls return
 * at once). On failure err says which packages the export of what
 * ("PDF", "PNG") needs and why loading failed, and cx stays empty. */
bool cairo_dl_load(const char *what, char *err, size_t errlen);

#endif
