/* A card of the poster: its text, the fail, wait and one-time fix
 * callouts under it, the footer (duration, numbered standards, a mark on
 * those below goal) and the markers on its top edge. Nothing is cut: the
 * card grows to fit its text. */
#include <math.h>
#include <string.h>

#include "layout_internal.h"

/* The poster's own words on cards, in one place (the blueprint's lang
 * picks them once the term table lands). */
#define T_FAIL term_tr("Fail point")
#define T_SEVERITY term_tr("severity")
#define T_RECOVERY term_tr("Recovery")
#define T_NO_RECOVERY term_tr("no recovery plan")
#define T_WAIT term_tr("Wait point")
#define T_MIN term_tr("min")
#define T_FIX term_tr("One-time fix")

/* "3–8 min", "3 min" or "≤ 8 min": a wait point's minutes. */
static void wait_minutes(sbp_buf *b, const sbp_wait *w)
{
	char e[32], t[32];

	fmt_number(w->expected, e);
	fmt_number(w->tolerable, t);
	if (!isnan(w->expected) && !isnan(w->tolerable))
		buf_printf(b, "%s\xE2\x80\x93%s %s", e, t, T_MIN);
	else if (!isnan(w->expected))
		buf_printf(b, "%s %s", e, T_MIN);
	else if (!isnan(w->tolerable))
		buf_printf(b, "\xE2\x89\xA4 %s %s", t, T_MIN);
}

/* The number of standard std in the key (1-based), 0 when not there. */
static size_t key_number(const sbp_layout *lay, const sbp_standard *std)
{
	for (size_t i = 0; i < lay->nkeys; i++) /* few standards: linear */
		if (lay->keys[i].std == std)
			return i + 1;
	return 0;
}

/* The texts of a card's callouts and footer, into the arena. */
static const char *card_string(sbp_layout *lay, sbp_buf *b, size_t *len)
{
	*len = b->len;
	return b->len ? layout_strdup(lay, b->data, b->len) : "";
}

/* Wrap a callout's text (len 0: none) at the card's inner width. */
static lay_block callout(sbp_layout *lay, const char *s, size_t len)
{
	if (!len)
		return (lay_block){0, 0, LAY_FONT_CALLOUT, LAY_LEFT, lay->nlines, 0};
	return layout_block(lay, s, len, 0, 0,
			    lay->card_w - 2 * LAY_PAD_X - 2 * LAY_CALLOUT_PAD,
			    LAY_FONT_CALLOUT, LAY_LEFT, 0);
}

/* The height a callout of b adds to its card. */
static double callout_h(const lay_block *b)
{
	return b->nlines ? LAY_CALLOUT_GAP + 2 * LAY_CALLOUT_PAD +
				   (double)b->nlines * lay_fonts[LAY_FONT_CALLOUT].line_h
			 : 0;
}

/* The fail, wait and fix callouts' texts of step s. */
static void callout_texts(sbp_layout *lay, const sbp_step *s, sbp_buf *tmp,
			  const char *out[3], size_t len[3])
{
	buf_reset(tmp);
	if (s->fail) {
		buf_printf(tmp, "%s", T_FAIL);
		if (s->fail->severity)
			buf_printf(tmp, " (%s %d)", T_SEVERITY, s->fail->severity);
		buf_printf(tmp, ": %s\n%s: %s", s->fail->text, T_RECOVERY,
			   s->fail->recovery ? s->fail->recovery : T_NO_RECOVERY);
	}
	out[0] = card_string(lay, tmp, &len[0]);
	buf_reset(tmp);
	if (s->wait) {
		buf_printf(tmp, "%s: %s", T_WAIT, s->wait->text);
		size_t at = tmp->len;
		buf_puts(tmp, " \xC2\xB7 ");
		size_t before = tmp->len;
		wait_minutes(tmp, s->wait);
		if (tmp->len == before)
			tmp->len = at, tmp->data[at] = '\0';
	}
	out[1] = card_string(lay, tmp, &len[1]);
	buf_reset(tmp);
	if (step_fix(s))
		buf_printf(tmp, "%s: %s", T_FIX, step_fix(s));
	out[2] = card_string(lay, tmp, &len[2]);
}

/* The widest word of a step's texts (card text, callouts, footer), so
 * that card_w can be made wide enough for it. */
double layout_card_widest(sbp_layout *lay, const sbp_step *s, sbp_buf *tmp)
{
	const char *c[3];
	size_t n[3];
	double w = layout_widest_word(s->text, strlen(s->text), LAY_FONT_CARD) + 2 * LAY_PAD_X;
	callout_texts(lay, s, tmp, c, n);
	for (int i = 0; i < 3; i++) {
		double cw = layout_widest_word(c[i], n[i], LAY_FONT_CALLOUT) +
			    2 * LAY_PAD_X + 2 * LAY_CALLOUT_PAD;
		if (cw > w)
			w = cw;
	}
	return w;
}

/* Wrap one card's text, callouts and footer and add its markers; the box
 * gets its width and height, positions come later. Nothing is cut: the
 * card grows to fit. */
void layout_measure_card(sbp_layout *lay, lay_card *cd, sbp_buf *tmp)
{
	const sbp_step *s = cd->step;
	double inner = lay->card_w - 2 * LAY_PAD_X;
	const char *c[3];
	size_t n[3];

	cd->encounter = step_is_encounter(s);
	cd->flagged = step_is_flagged(s);
	cd->below = false;
	for (size_t i = 0; i < s->stds.n; i++)
		cd->below |= standard_below_goal(s->stds.items[i]);
	cd->text = layout_block(lay, s->text, strlen(s->text), 0, 0, inner,
				LAY_FONT_CARD, LAY_LEFT, 0);
	callout_texts(lay, s, tmp, c, n);
	cd->fail = callout(lay, c[0], n[0]);
	cd->wait = callout(lay, c[1], n[1]);
	cd->fix = callout(lay, c[2], n[2]);
	buf_reset(tmp);
	if (!isnan(s->duration)) {
		char num[32];
		fmt_number(s->duration, num);
		buf_printf(tmp, "%s %s", num, T_MIN);
	}
	for (size_t i = 0; i < s->stds.n; i++) {
		const sbp_standard *st = s->stds.items[i];
		buf_puts(tmp, tmp->len ? " \xC2\xB7 " : "");
		size_t k = key_number(lay, st);
		if (k)
			buf_printf(tmp, "[%zu] ", k);
		buf_puts(tmp, st->id);
		if (standard_below_goal(st))
			buf_puts(tmp, " \xE2\x96\xBC");
	}
	cd->foot.nlines = 0;
	if (tmp->len) {
		const char *f = layout_strdup(lay, tmp->data, tmp->len);
		cd->foot = layout_block(lay, f, tmp->len, 0, 0, inner,
					LAY_FONT_FOOT, LAY_LEFT, 0);
	}
	size_t nl = cd->text.nlines ? cd->text.nlines : 1;
	cd->box.w = lay->card_w;
	cd->box.h = LAY_PAD_TOP + LAY_PAD_BOTTOM + (double)nl * lay_fonts[LAY_FONT_CARD].line_h +
		    callout_h(&cd->fix) + callout_h(&cd->fail) + callout_h(&cd->wait) +
		    (cd->foot.nlines ? (double)cd->foot.nlines * lay_fonts[LAY_FONT_FOOT].line_h + 2 : 0);
	cd->nmarks = 0;
	if (cd->flagged)
		cd->marks[cd->nmarks++].kind = LAY_MARK_FLAG;
	if (step_fix(s))
		cd->marks[cd->nmarks++].kind = LAY_MARK_FIX;
	if (cd->below)
		cd->marks[cd->nmarks++].kind = LAY_MARK_BELOW;
	if (s->fail)
		cd->marks[cd->nmarks++].kind = LAY_MARK_FAIL;
	if (s->wait)
		cd->marks[cd->nmarks++].kind = LAY_MARK_WAIT;
}

/* Place a card at its final position: lane top added, blocks, callouts
 * and markers positioned. */
void layout_place_card(lay_card *cd, double lane_y)
{
	cd->box.y += lane_y;
	cd->text.x = cd->box.x + LAY_PAD_X;
	cd->text.y = cd->box.y + LAY_PAD_TOP + lay_fonts[LAY_FONT_CARD].size * 0.9;
	double y = cd->box.y + LAY_PAD_TOP +
		   (double)(cd->text.nlines ? cd->text.nlines : 1) * lay_fonts[LAY_FONT_CARD].line_h;
	lay_block *co[3] = {&cd->fix, &cd->fail, &cd->wait};
	lay_box *cb[3] = {&cd->fix_box, &cd->fail_box, &cd->wait_box};
	for (int i = 0; i < 3; i++) {
		if (!co[i]->nlines)
			continue;
		y += LAY_CALLOUT_GAP;
		double h = 2 * LAY_CALLOUT_PAD + (double)co[i]->nlines * lay_fonts[LAY_FONT_CALLOUT].line_h;
		*cb[i] = (lay_box){cd->box.x + LAY_PAD_X - LAY_CALLOUT_PAD, y,
				   cd->box.w - 2 * LAY_PAD_X + 2 * LAY_CALLOUT_PAD, h};
		co[i]->x = cd->box.x + LAY_PAD_X;
		co[i]->y = y + LAY_CALLOUT_PAD + lay_fonts[LAY_FONT_CALLOUT].size * 0.9;
		y += h;
	}
	if (cd->foot.nlines) {
		cd->foot.x = cd->text.x;
		cd->foot.y = y + 2 + lay_fonts[LAY_FONT_FOOT].size * 0.9;
	}
	for (size_t i = 0; i < cd->nmarks; i++) {
		cd->marks[i].cx = cd->box.x + cd->box.w - 12 - (double)i * (2 * LAY_MARK_R + 4);
		cd->marks[i].cy = cd->box.y;
	}
}

