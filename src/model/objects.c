/* The objects of a blueprint: zones and enumerations, lanes, columns,
 * standards, steps, fail and wait points, flows, and kept unknown keys. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/i18n.h"
#include "sbp/model.h"

/* N_(): the editor shows them translated under each lane's name. */
static const char *const zone_ids[ZONE_COUNT] = {
	N_("evidence"), N_("customer"), N_("onstage"), N_("backstage"), N_("support"),
};
static const char *const zone_labels[ZONE_COUNT] = {
	"Physical evidence", "Customer actions", "Onstage contact actions",
	"Backstage contact actions", "Support processes",
};
static const char *const dim_ids[DIM_COUNT] = {
	NULL, "tangibles", "reliability", "responsiveness", "assurance", "empathy",
};

const char *zone_id(sbp_zone z)
{
	return z < ZONE_COUNT ? zone_ids[z] : "?";
}

const char *zone_label(sbp_zone z)
{
	return z < ZONE_COUNT ? zone_labels[z] : "?";
}

bool zone_parse(const char *s, sbp_zone *out)
{
	for (int z = 0; z < ZONE_COUNT; z++) {
		if (strcmp(s, zone_ids[z]) == 0) {
			*out = (sbp_zone)z;
			return true;
		}
	}
	return false;
}

const char *zone_line_above(sbp_zone z)
{
	switch (z) {
	case ZONE_ONSTAGE: return N_("line of interaction");
	case ZONE_BACKSTAGE: return N_("line of visibility");
	case ZONE_SUPPORT: return N_("line of internal interaction");
	default: return NULL;
	}
}

const char *std_kind_id(sbp_std_kind k)
{
	return k == STD_HARD ? "hard" : "soft";
}

const char *dimension_id(sbp_dimension d)
{
	return d < DIM_COUNT ? dim_ids[d] : NULL;
}

bool dimension_parse(const char *s, sbp_dimension *out)
{
	for (int d = 1; d < DIM_COUNT; d++) {
		if (strcmp(s, dim_ids[d]) == 0) {
			*out = (sbp_dimension)d;
			return true;
		}
	}
	return false;
}

void extras_add(sbp_extras *e, const char *key, sbp_node *value, sbp_pos pos)
{
	xgrow(&e->items, &e->cap, e->n + 1, sizeof *e->items);
	e->items[e->n].key = xstrdup(key);
	e->items[e->n].value = value;
	e->items[e->n].pos = pos;
	e->n++;
}

void extras_free(sbp_extras *e)
{
	for (size_t i = 0; i < e->n; i++) {
		free(e->items[i].key);
		node_free(e->items[i].value);
	}
	free(e->items);
	memset(e, 0, sizeof *e);
}

void extras_copy(sbp_extras *dst, const sbp_extras *src)
{
	for (size_t i = 0; i < src->n; i++)
		extras_add(dst, src->items[i].key, node_clone(src->items[i].value),
			   src->items[i].pos);
}

void set_string(char **field, const char *value)
{
	char *old = *field;
	*field = value ? xstrdup(value) : NULL;
	free(old);
}

bool sbp_id_valid(const char *s)
{
	size_t n = 0;
	for (; s[n]; n++) {
		char c = s[n];
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			  (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
		if (!ok || n >= 64)
			return false;
	}
	return n > 0;
}

sbp_lane *lane_new(const char *id, const char *name, sbp_zone zone)
{
	sbp_lane *l = xcalloc(1, sizeof *l);
	l->id = xstrdup(id);
	l->name = xstrdup(name ? name : "");
	l->zone = zone;
	return l;
}

void lane_free(sbp_lane *l)
{
	if (!l)
		return;
	free(l->id);
	free(l->name);
	extras_free(&l->extras);
	free(l);
}

sbp_column *column_new(const char *id, const char *name, const char *phase)
{
	sbp_column *c = xcalloc(1, sizeof *c);
	c->id = xstrdup(id);
	c->name = xstrdup(name ? name : "");
	c->phase = phase ? xstrdup(phase) : NULL;
	return c;
}

void column_free(sbp_column *c)
{
	if (!c)
		return;
	free(c->id);
	free(c->name);
	free(c->phase);
	extras_free(&c->extras);
	free(c);
}

sbp_standard *standard_new(const char *id, const char *name, sbp_std_kind kind)
{
	sbp_standard *s = xcalloc(1, sizeof *s);
	s->id = xstrdup(id);
	s->name = xstrdup(name ? name : "");
	s->kind = kind;
	s->weight = s->goal = s->actual = NAN;
	s->desired = s->adequate = NAN;
	return s;
}

void standard_free(sbp_standard *s)
{
	if (!s)
		return;
	free(s->id);
	free(s->name);
	free(s->measure);
	free(s->target);
	free(s->feedback);
	free(s->requirement);
	free(s->owner);
	extras_free(&s->extras);
	free(s);
}

sbp_fail *fail_new(const char *text)
{
	sbp_fail *f = xcalloc(1, sizeof *f);
	f->text = xstrdup(text ? text : "");
	return f;
}

void fail_free(sbp_fail *f)
{
	if (!f)
		return;
	free(f->text);
	free(f->recovery);
	extras_free(&f->extras);
	free(f);
}

sbp_fail *fail_clone(const sbp_fail *f)
{
	if (!f)
		return NULL;
	sbp_fail *c = fail_new(f->text);
	c->severity = f->severity;
	set_string(&c->recovery, f->recovery);
	extras_copy(&c->extras, &f->extras);
	c->pos = f->pos;
	return c;
}

sbp_wait *wait_new(const char *text)
{
	sbp_wait *w = xcalloc(1, sizeof *w);
	w->text = xstrdup(text ? text : "");
	w->expected = w->tolerable = NAN;
	return w;
}

void wait_free(sbp_wait *w)
{
	if (!w)
		return;
	free(w->text);
	extras_free(&w->extras);
	free(w);
}

sbp_wait *wait_clone(const sbp_wait *w)
{
	if (!w)
		return NULL;
	sbp_wait *c = wait_new(w->text);
	c->expected = w->expected;
	c->tolerable = w->tolerable;
	extras_copy(&c->extras, &w->extras);
	c->pos = w->pos;
	return c;
}

sbp_step *step_new(const char *id, sbp_lane *lane, sbp_column *column,
		   const char *text)
{
	sbp_step *s = xcalloc(1, sizeof *s);
	s->id = xstrdup(id);
	s->lane = lane;
	s->column = column;
	s->text = xstrdup(text ? text : "");
	s->duration = NAN;
	return s;
}

void step_free(sbp_step *s)
{
	if (!s)
		return;
	free(s->id);
	free(s->text);
	if (s->more) {
		free(s->more->notes);
		free(s->more->fix);
		extras_free(&s->more->extras);
		free(s->more);
	}
	free(s->stds.items);
	wait_free(s->wait);
	fail_free(s->fail);
	free(s);
}

sbp_step_more *step_more(sbp_step *s)
{
	if (!s->more)
		s->more = xcalloc(1, sizeof *s->more);
	return s->more;
}

const sbp_extras *step_extras(const sbp_step *s)
{
	static const sbp_extras none;
	return s->more ? &s->more->extras : &none;
}

sbp_measurement *measurement_new(const char *date, sbp_standard *std)
{
	sbp_measurement *m = xcalloc(1, sizeof *m);
	snprintf(m->date, sizeof m->date, "%s", date ? date : "");
	m->standard = std;
	m->value = m->failures = m->volume = NAN;
	return m;
}

void measurement_free(sbp_measurement *m)
{
	if (!m)
		return;
	free(m->note);
	extras_free(&m->extras);
	free(m);
}

sbp_flow *flow_new(sbp_step *from, sbp_step *to, const char *label)
{
	sbp_flow *f = xcalloc(1, sizeof *f);
	f->from = from;
	f->to = to;
	f->label = label ? xstrdup(label) : NULL;
	return f;
}

void flow_free(sbp_flow *f)
{
	if (!f)
		return;
	free(f->label);
	extras_free(&f->extras);
	free(f);
}

bool step_is_encounter(const sbp_step *s)
{
	if (s->encounter == MARK_YES)
		return true;
	if (s->encounter == MARK_NO)
		return false;
	return s->lane && s->lane->zone == ZONE_ONSTAGE;
}

bool step_has_standard(const sbp_step *s, const sbp_standard *std)
{
	for (size_t i = 0; i < s->stds.n; i++)
		if (s->stds.items[i] == std)
			return true;
	return false;
}

void sbp_slug(const char *text, size_t max, char *out)
{
	size_t n = 0;
	const char *p = text ? text : "";
	for (;;) {
		while (*p && !(isalnum((unsigned char)*p) && (unsigned char)*p < 0x80))
			p++;
		if (!*p)
			break;
		const char *w = p;
		while (isalnum((unsigned char)*p) && (unsigned char)*p < 0x80)
			p++;
		size_t len = (size_t)(p - w), need = len + (n > 0);
		if (n + need > max) {
			if (n > 0)
				break;
			len = max;
		}
		if (n > 0)
			out[n++] = '-';
		for (size_t i = 0; i < len; i++)
			out[n++] = (char)tolower((unsigned char)w[i]);
	}
	out[n] = '\0';
}
