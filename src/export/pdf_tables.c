/* The HTML brief's tables as pages after the PDF poster (--with-tables):
 * encounters without a standard, fail points with their recovery, wait
 * points with their minutes, and the standards catalog with goal against
 * actual. Cells wrap at word boundaries; rows never split; a table goes
 * on over as many pages as it needs, its header repeated. */
#ifdef SBP_HAVE_CAIRO
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cairo_dl.h"
#include "export_internal.h"
#include "pdf_draw.h"

#define MARGIN 40.0
#define PAD 3.0
#define MAXCOLS 8

/* The pages' own words, in one place. */
#define T_FLAGGED term_tr("Encounters without a standard")
#define T_FAIL term_tr("Fail points and recovery")
#define T_WAIT term_tr("Wait points")
#define T_STDS term_tr("Standards")
#define T_STEP term_tr("Step")
#define T_LANE term_tr("Lane")
#define T_COLUMN term_tr("Column")
#define T_ID term_tr("Id")
#define T_FAILPT term_tr("Fail point")
#define T_SEV term_tr("Severity")
#define T_RECOVERY term_tr("Recovery plan")
#define T_NONE term_tr("no recovery plan")
#define T_WAITPT term_tr("Wait")
#define T_EXP term_tr("Expected (min)")
#define T_TOL term_tr("Tolerable (min)")
#define T_STD term_tr("Standard")
#define T_KIND term_tr("Kind")
#define T_TARGET term_tr("Target")
#define T_GOAL term_tr("Goal")
#define T_ACTUAL term_tr("Actual")
#define T_AGAINST term_tr("Against goal")
#define T_BELOW term_tr("below goal")
#define T_MEETS term_tr("meets goal")
#define T_NOTM term_tr("not measured")
#define T_EMPTY term_tr("None.")

typedef struct tbl {
	cairo_t *cr;
	cairo_surface_t *surf;
	pdf_draw *pd;
	sbp_layout *wrap; /* scratch space for the line breaker */
	double pw, ph, y;
	bool page_open;
	size_t ncols;
	const double *frac;            /* column widths, fractions of the page */
	const char *head[MAXCOLS];
} tbl;

/* Start a new page when the current one is full (or none is open). */
static void new_page(tbl *t)
{
	if (t->page_open)
		cx.cairo_show_page(t->cr);
	else
		cx.cairo_pdf_surface_set_size(t->surf, t->pw, t->ph);
	t->page_open = true;
	t->y = MARGIN;
}

/* One row of cells (NULL = empty) in font, red: the row in the flag
 * colour. A row that does not fit goes to a new page (header first). */
static void row(tbl *t, const char *const *cells, lay_font_id font, bool red, bool is_head);

/* The header row of the current table. */
static void head(tbl *t)
{
	row(t, t->head, LAY_FONT_COLUMN, false, true);
}

static void row(tbl *t, const char *const *cells, lay_font_id font, bool red, bool is_head)
{
	double w = t->pw - 2 * MARGIN, x = MARGIN, h = 0;
	lay_block b[MAXCOLS];
	const lay_font *f = &lay_fonts[font];

	t->wrap->nlines = 0;
	for (size_t i = 0; i < t->ncols; i++) {
		const char *s = cells[i] ? cells[i] : "";
		b[i] = (lay_block){x + PAD, 0, font, LAY_LEFT, t->wrap->nlines, 0};
		b[i].nlines = layout_wrap_width(t->wrap, s, strlen(s), t->frac[i] * w - 2 * PAD, font, 0);
		double bh = (double)b[i].nlines * f->line_h + 2 * PAD;
		if (bh > h)
			h = bh;
		x += t->frac[i] * w;
	}
	if (t->y + h > t->ph - MARGIN && t->y > MARGIN + 40 && !is_head) {
		new_page(t);
		head(t); /* wraps into wrap->lines again: re-wrap this row after */
		row(t, cells, font, red, false);
		return;
	}
	cx.cairo_set_source_rgb(t->cr, 0.82, 0.84, 0.87);
	cx.cairo_set_line_width(t->cr, 0.5);
	x = MARGIN;
	for (size_t i = 0; i < t->ncols; i++) {
		cx.cairo_rectangle(t->cr, x, t->y, t->frac[i] * w, h);
		x += t->frac[i] * w;
	}
	cx.cairo_stroke(t->cr);
	for (size_t i = 0; i < t->ncols; i++) {
		b[i].y = t->y + PAD + f->size * 0.95;
		pdf_draw_block(t->pd, t->wrap, &b[i], red ? &lay_flag_ink : &lay_ink);
	}
	t->y += h;
}

/* A table's title, on a new page when little room is left. */
static void title(tbl *t, const char *text, size_t n)
{
	char buf[160];
	snprintf(buf, sizeof buf, "%s (%zu)", text, n);
	if (!t->page_open || t->y + 120 > t->ph - MARGIN)
		new_page(t);
	else
		t->y += 18;
	pdf_draw_text(t->pd, buf, strlen(buf), LAY_FONT_TITLE, MARGIN,
		      t->y + lay_fonts[LAY_FONT_TITLE].size, &lay_ink);
	t->y += lay_fonts[LAY_FONT_TITLE].line_h + 6;
}

/* Set the current table's columns. */
static void columns(tbl *t, size_t n, const double *frac, const char *const *names)
{
	t->ncols = n;
	t->frac = frac;
	for (size_t i = 0; i < n; i++)
		t->head[i] = names[i];
	head(t);
}

/* The steps tables: flagged encounters, fail points, wait points. */
static void step_tables(tbl *t, const sbp_layout *lay)
{
	const sbp_blueprint *bp = lay->bp;
	static const double f4[] = {0.46, 0.2, 0.2, 0.14};
	static const double f6[] = {0.20, 0.13, 0.13, 0.20, 0.10, 0.24};
	static const double fw[] = {0.22, 0.13, 0.13, 0.24, 0.14, 0.14};
	char a[32], b[32], sev[16];

	title(t, T_FLAGGED, lay->sum.unstandardized);
	columns(t, 4, f4, (const char *const[]){T_STEP, T_LANE, T_COLUMN, T_ID});
	for (size_t i = 0; i < bp->steps.n; i++) {
		const sbp_step *s = bp->steps.items[i];
		if (step_is_flagged(s))
			row(t, (const char *const[]){s->text, s->lane ? s->lane->name : NULL,
						     s->column ? s->column->name : NULL, s->id},
			    LAY_FONT_KEY, false, false);
	}
	title(t, T_FAIL, lay->sum.fail_points);
	columns(t, 6, f6, (const char *const[]){T_STEP, T_LANE, T_COLUMN, T_FAILPT, T_SEV, T_RECOVERY});
	for (size_t i = 0; i < bp->steps.n; i++) {
		const sbp_step *s = bp->steps.items[i];
		if (!s->fail)
			continue;
		snprintf(sev, sizeof sev, "%d", s->fail->severity);
		row(t, (const char *const[]){s->text, s->lane ? s->lane->name : NULL,
					     s->column ? s->column->name : NULL, s->fail->text,
					     s->fail->severity ? sev : NULL,
					     s->fail->recovery ? s->fail->recovery : T_NONE},
		    LAY_FONT_KEY, !s->fail->recovery, false);
	}
	title(t, T_WAIT, lay->sum.wait_points);
	columns(t, 6, fw, (const char *const[]){T_STEP, T_LANE, T_COLUMN, T_WAITPT, T_EXP, T_TOL});
	for (size_t i = 0; i < bp->steps.n; i++) {
		const sbp_step *s = bp->steps.items[i];
		if (!s->wait)
			continue;
		row(t, (const char *const[]){s->text, s->lane ? s->lane->name : NULL,
					     s->column ? s->column->name : NULL, s->wait->text,
					     export_num(s->wait->expected, a),
					     export_num(s->wait->tolerable, b)},
		    LAY_FONT_KEY, false, false);
	}
}

/* The standards catalog with goal against actual. */
static void standards_table(tbl *t, const sbp_blueprint *bp)
{
	static const double f7[] = {0.13, 0.27, 0.07, 0.23, 0.08, 0.08, 0.14};
	char g[32], a[32];

	title(t, T_STDS, bp->standards.n);
	columns(t, 7, f7, (const char *const[]){T_ID, T_STD, T_KIND, T_TARGET, T_GOAL, T_ACTUAL, T_AGAINST});
	for (size_t i = 0; i < bp->standards.n; i++) {
		const sbp_standard *s = bp->standards.items[i];
		bool below = standard_below_goal(s);
		const char *against = isnan(s->goal) || isnan(s->actual) ? T_NOTM : below ? T_BELOW : T_MEETS;
		row(t, (const char *const[]){s->id, s->name, term_kind_now(s->kind), s->target,
					     export_num(s->goal, g), export_num(s->actual, a), against},
		    LAY_FONT_KEY, below, false);
	}
	if (!bp->standards.n)
		pdf_draw_text(t->pd, T_EMPTY, strlen(T_EMPTY), LAY_FONT_KEY, MARGIN, t->y + 12, &lay_grey);
}

/* Add the tables as pages of pw x ph after the poster. */
void pdf_tables(cairo_t *cr, cairo_surface_t *surf, pdf_draw *pd, const sbp_layout *lay,
		double pw, double ph)
{
	tbl t = {cr, surf, pd, layout_new(&(sbp_blueprint){0}, NULL), pw, ph, MARGIN, false, 0, NULL, {0}};

	step_tables(&t, lay);
	standards_table(&t, lay->bp);
	if (t.page_open)
		cx.cairo_show_page(cr);
	layout_free(t.wrap);
}
#else
typedef int pdf_tables_unused; /* ISO C wants something in a file */
#endif
