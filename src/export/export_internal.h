/* Shared by the files of src/export: one writer per format, and the
 * escaping helpers every format uses for text from the file. */
#ifndef SBP_EXPORT_INTERNAL_H
#define SBP_EXPORT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "sbp/check.h"
#include "sbp/terms.h"
#include "sbp/export.h"
#include "sbp/layout.h"
#include "sbp/utf8.h"

/* A format writer: append the export of bp to out; on failure fill err. */
typedef bool (*export_writer)(const sbp_blueprint *bp, const export_opts *o,
			      sbp_buf *out, char *err, size_t errlen);

bool export_svg(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out, char *err, size_t errlen);
bool export_html(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out, char *err, size_t errlen);
bool export_md(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out, char *err, size_t errlen);
bool export_csv(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out, char *err, size_t errlen);
bool export_drawio(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out, char *err, size_t errlen);
bool export_dot(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out, char *err, size_t errlen);
bool export_mermaid(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out, char *err, size_t errlen);
bool export_json(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out, char *err, size_t errlen);
bool export_txt(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out, char *err, size_t errlen);
bool export_pdf(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out, char *err, size_t errlen);
bool export_png(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out, char *err, size_t errlen);

/* Pass a warning (printf format, already translated) to o->warn. */
void export_warn(const export_opts *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Warn about what the poster could not show whole (cut text, labels
 * that could not be placed clear). */
void export_warn_layout(const export_opts *o, const sbp_layout *lay);

/* The SVG drawing of a layout; with standalone, an XML declaration
 * first (html.c embeds it without). */
void svg_render(const sbp_layout *lay, sbp_buf *out, bool standalone);

/* Text made safe to embed: characters that must not travel raw (controls,
 * bidi and invisible characters, invalid UTF-8) become visible escapes as
 * sanitize() writes them; newline and tab stay when keep_nl is set, else
 * they become spaces. Returns s itself when nothing changes, else tmp's
 * data; *n is the length. */
const char *esc_clean(sbp_buf *tmp, const char *s, size_t len, size_t *n, bool keep_nl);

/* XML/HTML character data, or an attribute value (quotes, newlines and
 * tabs as references). */
void esc_xml(sbp_buf *out, const char *s, size_t len, bool attr);
void esc_xml_str(sbp_buf *out, const char *s, bool attr); /* NUL-ended, NULL ok */
/* One line of a layout, with its ellipsis, or a space when the text
 * went on after white space (so text joined from lines keeps its words). */
void esc_xml_line(sbp_buf *out, const lay_text *t);
/* A Markdown table cell or inline text: pipes, emphasis and HTML made
 * literal, newlines as <br>. */
void esc_md(sbp_buf *out, const char *s);
/* A CSV field (RFC 4180), quoted when needed, with a leading ' when it
 * could start a spreadsheet formula. s may be NULL (empty field). */
void esc_csv(sbp_buf *out, const char *s);
/* The body of a DOT double-quoted string. */
void esc_dot(sbp_buf *out, const char *s);
/* The body of a Mermaid double-quoted label. */
void esc_mermaid(sbp_buf *out, const char *s);

typedef enum export_group {
	GROUP_LANE,   /* by lane, file order within */
	GROUP_COLUMN, /* by column, file order within */
	GROUP_GRID,   /* by column, then lane, then file order */
} export_group;
/* The steps grouped by lane or column: group g is items[start[g] ..
 * start[g+1]). Steps without a lane or column are left out. Caller frees
 * both arrays. O(steps + lanes + columns). */
const sbp_step **export_group_steps(const sbp_blueprint *bp, export_group how, size_t **start);

/* A number the canonical way, or "" when it is NAN. */
const char *export_num(double v, char buf[32]);

/* A standard's attainment of its goal, 0..1, or NAN without goal/actual. */
double export_attainment(const sbp_standard *s);

#endif
