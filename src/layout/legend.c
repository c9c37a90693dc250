/* The poster's title block (title, description, version, date and owner,
 * counts), the numbered standards key and the legend. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "layout_internal.h"

/* The poster's own words here, in one place (the blueprint's lang picks
 * them once the term table lands). */
#define T_UNTITLED term_tr("Untitled blueprint")
#define T_VERSION term_tr("Version")
#define T_DATE term_tr("Date")
#define T_OWNER term_tr("Owner")
#define T_STANDARDS term_tr("Standards")
#define T_GOAL term_tr("goal")
#define T_ACTUAL term_tr("actual")
#define T_BELOW term_tr("below goal")
#define T_MEETS term_tr("meets goal")
#define T_TARGET term_tr("target")
#define T_COUNTS term_tr("%zu steps \xC2\xB7 %zu encounter steps \xC2\xB7 %zu without a standard (!) " "\xC2\xB7 encounter coverage %s \xC2\xB7 %zu fail points \xC2\xB7 " "%zu wait points \xC2\xB7 %zu standards")

/* The text of a scalar x- key at the top of the file, or NULL. */
static const char *top_extra(const sbp_blueprint *bp, const char *key)
{
	for (size_t i = 0; i < bp->extras.n; i++) {
		const sbp_node *v = bp->extras.items[i].value;
		if (!strcmp(bp->extras.items[i].key, key) && v && v->text &&
		    v->kind != NODE_SEQ && v->kind != NODE_MAP)
			return v->text;
	}
	return NULL;
}

/* Today's date (or SOURCE_DATE_EPOCH's, for reproducible output). */
static void today(char out[16])
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	time_t t = e && *e ? (time_t)strtoll(e, NULL, 10) : time(NULL);
	struct tm tm;
	if (!gmtime_r(&t, &tm) || !strftime(out, 16, "%Y-%m-%d", &tm))
		snprintf(out, 16, "?");
}

/* "Version 3 · Date 2026-12-02 · Owner Guest experience team": the
 * blueprint's x-version, x-date (else today) and x-owner. */
static void meta_line(const sbp_blueprint *bp, sbp_buf *b)
{
	const char *v = top_extra(bp, "x-version"), *d = top_extra(bp, "x-date");
	const char *o = top_extra(bp, "x-owner");
	char day[16];

	if (v)
		buf_printf(b, "%s %s \xC2\xB7 ", T_VERSION, v);
	if (!d) {
		today(day);
		d = day;
	}
	buf_printf(b, "%s %s", T_DATE, d);
	if (o)
		buf_printf(b, " \xC2\xB7 %s: %s", T_OWNER, o);
}

/* Title, description and the counts line, from y down. */
double layout_place_title(sbp_layout *lay, double y, const char *source_name)
{
	const sbp_blueprint *bp = lay->bp;
	const sbp_summary *s = &lay->sum;
	double w = lay->width - 2 * LAY_MARGIN;
	const char *title = bp->title && *bp->title ? bp->title : T_UNTITLED;
	sbp_buf b;

	lay->title = layout_block(lay, title, strlen(title), LAY_MARGIN,
				  y + lay_fonts[LAY_FONT_TITLE].size * 0.9, w,
				  LAY_FONT_TITLE, LAY_LEFT, 0);
	y += (double)lay->title.nlines * lay_fonts[LAY_FONT_TITLE].line_h + 4;
	if (bp->description && *bp->description) {
		lay->description = layout_block(lay, bp->description, strlen(bp->description),
						LAY_MARGIN, y + lay_fonts[LAY_FONT_BODY].size * 0.9,
						w, LAY_FONT_BODY, LAY_LEFT, 0);
		y += (double)lay->description.nlines * lay_fonts[LAY_FONT_BODY].line_h + 2;
	} else {
		lay->description = (lay_block){0, 0, LAY_FONT_BODY, LAY_LEFT, 0, 0};
	}
	buf_init(&b);
	meta_line(bp, &b);
	const char *m = layout_strdup(lay, b.data, b.len);
	lay->meta = layout_block(lay, m, b.len, LAY_MARGIN, y + lay_fonts[LAY_FONT_BODY].size * 0.9,
				 w, LAY_FONT_BODY, LAY_LEFT, 0);
	y += (double)lay->meta.nlines * lay_fonts[LAY_FONT_BODY].line_h + 2;
	buf_reset(&b);
	buf_printf(&b, T_COUNTS, s->steps, s->encounters, s->unstandardized,
		   check_coverage_text(s, 0, (char[16]){0}),
		   s->fail_points, s->wait_points, s->standards);
	if (source_name && *source_name)
		buf_printf(&b, " \xC2\xB7 %s", source_name);
	const char *c = layout_strdup(lay, b.data, b.len);
	lay->counts = layout_block(lay, c, b.len, LAY_MARGIN,
				   y + lay_fonts[LAY_FONT_BODY].size * 0.9, w,
				   LAY_FONT_BODY, LAY_LEFT, 0);
	y += (double)lay->counts.nlines * lay_fonts[LAY_FONT_BODY].line_h + 12;
	buf_free(&b);
	return y;
}

/* One entry of the key: "[1] id: name · hard · target: … · goal 95,
 * actual 91 ▼ below goal". */
static void key_text(const sbp_standard *st, size_t num, sbp_buf *b)
{
	char g[32], a[32];

	buf_printf(b, "[%zu] %s: %s \xC2\xB7 %s", num, st->id, st->name, term_kind_now(st->kind));
	if (st->target && *st->target)
		buf_printf(b, " \xC2\xB7 %s: %s", T_TARGET, st->target);
	double actual = standard_current_actual(st); /* latest measured, else actual */
	if (!isnan(st->goal) || !isnan(actual)) {
		fmt_number(st->goal, g);
		fmt_number(actual, a);
		buf_printf(b, " \xC2\xB7 %s %s, %s %s", T_GOAL, isnan(st->goal) ? "?" : g,
			   T_ACTUAL, isnan(actual) ? "?" : a);
		if (standard_below_goal(st))
			buf_printf(b, " \xE2\x96\xBC %s", T_BELOW);
		else if (!isnan(st->goal) && !isnan(actual))
			buf_printf(b, " (%s)", T_MEETS);
	}
}

/* The numbered standards key from y, in columns of entries as wide as
 * the poster allows; returns its bottom. */
double layout_place_key(sbp_layout *lay, double y)
{
	const lay_font *ft = &lay_fonts[LAY_FONT_KEY];
	double w = lay->width - 2 * LAY_MARGIN, colw = 420, gap = 24;
	sbp_buf b;

	if (!lay->nkeys) {
		lay->key_title = (lay_block){0, 0, LAY_FONT_PHASE, LAY_LEFT, lay->nlines, 0};
		return y;
	}
	size_t ncols = (size_t)fmax(1, floor((w + gap) / (colw + gap)));
	colw = (w + gap) / (double)ncols - gap;
	lay->key_title = layout_block(lay, T_STANDARDS, strlen(T_STANDARDS), LAY_MARGIN,
				      y + lay_fonts[LAY_FONT_PHASE].size * 0.9, w, LAY_FONT_PHASE,
				      LAY_LEFT, 0);
	y += lay_fonts[LAY_FONT_PHASE].line_h + 4;
	buf_init(&b);
	size_t per = (lay->nkeys + ncols - 1) / ncols;
	double bottom = y;
	for (size_t c = 0; c < ncols; c++) {
		double cy = y;
		for (size_t i = c * per; i < (c + 1) * per && i < lay->nkeys; i++) {
			lay_key *k = &lay->keys[i];
			buf_reset(&b);
			key_text(k->std, i + 1, &b);
			const char *t = layout_strdup(lay, b.data, b.len);
			k->text = layout_block(lay, t, b.len, LAY_MARGIN + (double)c * (colw + gap),
					       cy + ft->size * 0.9, colw, LAY_FONT_KEY, LAY_LEFT, 0);
			cy += (double)k->text.nlines * ft->line_h + 3;
		}
		if (cy > bottom)
			bottom = cy;
	}
	buf_free(&b);
	return bottom + 14;
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
		{LAY_LEG_MARK, LAY_MARK_BELOW, "a standard below its goal"},
		{LAY_LEG_MARK, LAY_MARK_FIX, "one-time fix"},
		{LAY_LEG_FLOW, 0, "flow"},
	};
	size_t n = sizeof defs / sizeof defs[0];
	const lay_font *ft = &lay_fonts[LAY_FONT_BODY];
	double x = LAY_MARGIN, right = lay->width - LAY_MARGIN, row = 20;

	lay->legend = xcalloc(n, sizeof *lay->legend);
	lay->nlegend = n;
	for (size_t i = 0; i < n; i++) {
		lay_legend *e = &lay->legend[i];
		const char *t = defs[i].text ? term_tr(defs[i].text) : term_zone(term_now(), (sbp_zone)defs[i].arg);
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
