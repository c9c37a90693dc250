/* The YAML loader's object parsers: columns, lanes, standards, steps with
 * their fail and wait points, and flows; then reference resolution. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load_internal.h"
#include "sbp/i18n.h"

#define FREE_AND_NULL(p) (free(p), (p) = NULL)

/* Report a required key that is missing from the object at pos. */
static void missing(loader *ld, sbp_pos pos, const char *what, const char *key)
{
	ld_error(ld, RULE_SCHEMA, pos, "%s has no '%s'", what, key);
}

/* Report an id used twice; prev is where it was first defined. */
static void duplicate(loader *ld, sbp_pos pos, const char *what, const char *id,
		      sbp_pos prev)
{
	char *q = diag_quote(id, 40);
	ld_error(ld, RULE_DUPLICATE_ID, pos, "%s id '%s' is already used on line %d",
		 what, q, prev.line);
	free(q);
}

/* Read a reference (an id naming another object). An object defined
 * earlier in the file is resolved at once, without copying its id. */
static void read_ref(loader *ld, const char *what, char kind, ref *r)
{
	r->pos = ld_pos(ld);
	if (ld_is_scalar(ld) && !ld_is_null(ld)) {
		r->ptr = ld_lookup(ld->bp, kind, (const char *)ld->ev.data.scalar.value);
		if (r->ptr)
			return;
	}
	ld_id(ld, what, &r->id);
}

/* Is the reference known (resolved already, or has no id to resolve)? */
static bool ref_done(const ref *r)
{
	return r->ptr || !r->id;
}

/* The name of field f of obj in messages: "standard name", "measure"...
 * Made once per field (the loader reads millions of values). */
static const char *field_what(const char *obj, const sbp_field *f)
{
	static const char *const own[] = {"id", "name", "kind", "text", "zone",
					  "phase", "label", "date", NULL};
	static struct { const sbp_field *f; const char *obj; char what[48]; } cache[64];
	size_t slot = ((uintptr_t)f / sizeof *f) % 64;
	if (cache[slot].f == f && cache[slot].obj == obj)
		return cache[slot].what;
	bool mine = false;
	for (size_t i = 0; own[i] && !mine; i++)
		mine = strcmp(f->key, own[i]) == 0;
	if (!mine)
		return f->key;
	snprintf(cache[slot].what, sizeof cache[slot].what, "%s %s", obj, f->key);
	cache[slot].f = f;
	cache[slot].obj = obj;
	return cache[slot].what;
}

/* Read the current value into the plain field f of obj (the types the
 * table describes: text, numbers, enumerations, marks, dates). Returns
 * false when the value was refused (reported). */
static bool ld_field(loader *ld, const char *obj, const sbp_field *f, void *target)
{
	const char *what = field_what(obj, f);
	char *s = NULL;
	sbp_pos p = ld_pos(ld);
	bool b;
	double v;
	void *ptr;

	switch (f->type) {
	case FT_ID:
		return ld_id(ld, what, field_ptr_make(f, target));
	case FT_NAME: case FT_STRING:
		if (f->type == FT_STRING && ld_is_null(ld)) {
			ld_skip(ld);
			return true;
		}
		if (!ld_string(ld, what, &s))
			return false;
		if (!s)
			return true;
		ptr = field_ptr_make(f, target);
		free(*(char **)ptr);
		*(char **)ptr = s;
		return true;
	case FT_NUMBER: case FT_MINUTES: case FT_COUNT:
		if (!ld_number(ld, what, &v))
			return false;
		if (!isnan(v) && f->type != FT_NUMBER && v < 0) {
			ld_error(ld, RULE_SCHEMA, p, _("%s must not be negative"), what);
			return false;
		}
		if (!isnan(v) && f->type == FT_COUNT && v != floor(v)) {
			ld_error(ld, RULE_SCHEMA, p, _("%s must be a whole number"), what);
			return false;
		}
		*(double *)field_ptr_make(f, target) = v;
		return true;
	case FT_SEVERITY:
		if (!ld_number(ld, what, &v) || isnan(v))
			return false;
		/* range first: casting a huge number to int is undefined */
		if (v < 1 || v > 5 || v != (int)v) {
			ld_error(ld, RULE_SCHEMA, p, "severity must be a whole number from 1 to 5");
			return false;
		}
		*(int *)field_ptr_make(f, target) = (int)v;
		return true;
	case FT_MARK:
		if (!ld_bool(ld, what, &b))
			return false;
		*(int *)field_ptr_make(f, target) = b ? MARK_YES : MARK_NO;
		return true;
	case FT_ENUM: {
		int e;
		if (!ld_string(ld, what, &s) || !s)
			return false;
		bool ok = field_enum_parse(f, s, &e);
		if (ok) {
			*(int *)field_ptr_make(f, target) = e;
		} else {
			char *q = diag_quote(s, 30);
			ld_error(ld, RULE_SCHEMA, p, "%s '%s' is not one of %s", what, q,
				 field_choices(f));
			free(q);
		}
		free(s);
		return ok;
	}
	case FT_DATE: {
		if (!ld_string(ld, what, &s) || !s)
			return false;
		bool ok = sbp_date_valid(s);
		if (ok) {
			memcpy(field_ptr_make(f, target), s, 11);
		} else {
			char *q = diag_quote(s, 30);
			ld_error(ld, RULE_SCHEMA, p, _("%s '%s' is not a date (use YYYY-MM-DD)"),
				 what, q);
			free(q);
		}
		free(s);
		return ok;
	}
	case FT_REF: case FT_REFS: case FT_MAP:
		break;
	}
	ld_skip(ld);
	return false;
}

/* Read the keys of a mapping into obj through the field table of kind k:
 * plain fields are stored, the others handed to special (may be NULL),
 * unknown keys kept in extras. *seen gets a bit per field index present
 * (not null). */
static void ld_fields(loader *ld, sbp_obj_kind k, const char *obj, void *target,
		      sbp_extras *extras, unsigned long *seen, sbp_pos *idpos,
		      void (*special)(loader *, const sbp_field *, void *), void *ctx)
{
	keyset ks = {0};
	const char *key;
	sbp_pos kp;
	const sbp_field *table = fields_of(k);

	*seen = 0;
	while (ld_map_next(ld, &ks, &key, &kp)) {
		const sbp_field *f = field_find(k, key);
		if (!f) {
			if (k == SBP_OBJ_STEP)
				extras = &step_more(target)->extras;
			extras_add(extras, key, ld_node(ld), kp);
			continue;
		}
		/* a required key given as null counts as missing */
		bool null = (f->flags & FF_REQUIRED || f->type == FT_NAME) && ld_is_null(ld);
		if (!null)
			*seen |= 1UL << (f - table);
		if (f->type == FT_ID && idpos)
			*idpos = ld_pos(ld);
		if (f->type == FT_REF || f->type == FT_REFS || f->type == FT_MAP)
			special(ld, f, ctx);
		else if (f->type == FT_NAME && null)
			ld_skip(ld);
		else
			ld_field(ld, obj, f, target);
	}
	keyset_free(&ks);
}

/* Report the required fields of kind k missing from *seen. */
static void ld_required(loader *ld, sbp_obj_kind k, const char *obj, sbp_pos pos,
			unsigned long seen)
{
	const sbp_field *table = fields_of(k);
	for (const sbp_field *f = table; f->key; f++)
		if ((f->flags & FF_REQUIRED) && !(seen & (1UL << (f - table))))
			missing(ld, pos, obj, f->key);
}

/* The field bit of key in a ld_fields seen set. */
static unsigned long seen_bit(sbp_obj_kind k, const char *key)
{
	return 1UL << (field_find(k, key) - fields_of(k));
}

/* A special field in an object that has none. */
static void no_special(loader *ld, const sbp_field *f, void *ctx)
{
	(void)f;
	(void)ctx;
	ld_skip(ld);
}

void ld_column(loader *ld)
{
	sbp_pos pos = ld_pos(ld), idpos = pos;
	unsigned long seen;

	if (ld->bp->columns.n >= ld->lim.max_columns) {
		ld_error(ld, RULE_LIMIT, pos, _("more columns than the limit of %zu"),
			 ld->lim.max_columns);
		ld->fatal = true;
		return;
	}
	if (!ld_map_begin(ld, "a column"))
		return;
	sbp_column *c = column_new("", "", NULL);
	FREE_AND_NULL(c->id);
	FREE_AND_NULL(c->name);
	c->pos = pos;
	ld_fields(ld, SBP_OBJ_COLUMN, "column", c, &c->extras, &seen, &idpos, no_special, NULL);
	ld_required(ld, SBP_OBJ_COLUMN, "column", pos, seen);
	if (!c->name)
		c->name = xstrdup("");
	sbp_column *prev = c->id ? blueprint_column(ld->bp, c->id) : NULL;
	if (prev)
		duplicate(ld, idpos, "column", c->id, prev->pos);
	if (c->id && !prev && !ld->fatal)
		blueprint_insert_column(ld->bp, (size_t)-1, c);
	else
		column_free(c);
}

void ld_lane(loader *ld)
{
	sbp_pos pos = ld_pos(ld), idpos = pos;
	unsigned long seen;

	if (ld->bp->lanes.n >= ld->lim.max_lanes) {
		ld_error(ld, RULE_LIMIT, pos, _("more lanes than the limit of %zu"),
			 ld->lim.max_lanes);
		ld->fatal = true;
		return;
	}
	if (!ld_map_begin(ld, "a lane"))
		return;
	sbp_lane *l = lane_new("", "", ZONE_COUNT);
	FREE_AND_NULL(l->id);
	FREE_AND_NULL(l->name);
	l->pos = pos;
	ld_fields(ld, SBP_OBJ_LANE, "lane", l, &l->extras, &seen, &idpos, no_special, NULL);
	ld_required(ld, SBP_OBJ_LANE, "lane", pos, seen);
	if (!l->name)
		l->name = xstrdup("");
	sbp_lane *prev = l->id ? blueprint_lane(ld->bp, l->id) : NULL;
	if (prev)
		duplicate(ld, idpos, "lane", l->id, prev->pos);
	if (l->id && !prev && l->zone != ZONE_COUNT && !ld->fatal)
		blueprint_insert_lane(ld->bp, (size_t)-1, l);
	else
		lane_free(l);
}

void ld_standard(loader *ld)
{
	sbp_pos pos = ld_pos(ld), idpos = pos;
	unsigned long seen;

	if (!ld_map_begin(ld, "a standard"))
		return;
	sbp_standard *s = standard_new("", "", STD_HARD);
	FREE_AND_NULL(s->id);
	FREE_AND_NULL(s->name);
	s->pos = pos;
	ld_fields(ld, SBP_OBJ_STANDARD, "standard", s, &s->extras, &seen, &idpos, no_special, NULL);
	ld_required(ld, SBP_OBJ_STANDARD, "standard", pos, seen);
	if (!s->name)
		s->name = xstrdup("");
	if (!s->id) {
		standard_free(s);
		return;
	}
	sbp_standard *prev = blueprint_standard(ld->bp, s->id);
	if (prev) {
		duplicate(ld, idpos, "standard", s->id, prev->pos);
		standard_free(s);
	} else if (ld->fatal) {
		standard_free(s);
	} else {
		blueprint_insert_standard(ld->bp, (size_t)-1, s);
	}
}

/* The fail: mapping of a step. */
static sbp_fail *read_fail(loader *ld)
{
	sbp_pos pos = ld_pos(ld);
	unsigned long seen;

	if (!ld_map_begin(ld, "fail"))
		return NULL;
	sbp_fail *f = fail_new("");
	FREE_AND_NULL(f->text);
	f->pos = pos;
	ld_fields(ld, SBP_OBJ_FAIL, "fail point", f, &f->extras, &seen, NULL, no_special, NULL);
	ld_required(ld, SBP_OBJ_FAIL, "fail point", pos, seen);
	if (!f->text)
		set_string(&f->text, "");
	return f;
}

/* The wait: mapping of a step. */
static sbp_wait *read_wait(loader *ld)
{
	sbp_pos pos = ld_pos(ld);
	unsigned long seen;

	if (!ld_map_begin(ld, "wait"))
		return NULL;
	sbp_wait *w = wait_new("");
	FREE_AND_NULL(w->text);
	w->pos = pos;
	ld_fields(ld, SBP_OBJ_WAIT, "wait point", w, &w->extras, &seen, NULL, no_special, NULL);
	ld_required(ld, SBP_OBJ_WAIT, "wait point", pos, seen);
	if (!w->text)
		set_string(&w->text, "");
	return w;
}

/* The id a standards reference names. */
static const char *ref_std_id(const ref *r)
{
	return r->ptr ? ((const sbp_standard *)r->ptr)->id : r->id;
}

/* Lists up to this long are searched for duplicates one by one; longer
 * ones through a hash table, so that a long list stays linear. */
#define STDS_LINEAR 16

/* Is the standard id already in the step's list? */
static bool std_listed(const pend_step *ps, const hmap *seen, const char *id)
{
	if (ps->n_stds > STDS_LINEAR)
		return hmap_get(seen, id) != NULL;
	for (size_t i = 0; i < ps->n_stds; i++)
		if (strcmp(ref_std_id(&ps->stds[i]), id) == 0)
			return true;
	return false;
}

/* The standards: list of a step, without duplicates. */
static void read_step_standards(loader *ld, pend_step *ps)
{
	hmap seen;
	hmap_init(&seen);
	if (!ld_seq_begin(ld, "standards"))
		return;
	while (ld_seq_next(ld)) {
		ref r = {0};
		read_ref(ld, "standard", 'd', &r);
		if (!r.id && !r.ptr)
			continue;
		if (std_listed(ps, &seen, ref_std_id(&r))) {
			char *q = diag_quote(ref_std_id(&r), 40);
			ld_error(ld, RULE_SCHEMA, r.pos, "standard '%s' is listed twice", q);
			free(q);
			free(r.id);
			continue;
		}
		xgrow(&ps->stds, &ps->cap_stds, ps->n_stds + 1, sizeof *ps->stds);
		ps->stds[ps->n_stds++] = r;
		if (ps->n_stds == STDS_LINEAR + 1) /* from now on, by hash */
			for (size_t i = 0; i < ps->n_stds; i++)
				hmap_put(&seen, ref_std_id(&ps->stds[i]), ps);
		else if (ps->n_stds > STDS_LINEAR + 1)
			hmap_put(&seen, ref_std_id(&r), ps);
	}
	hmap_free(&seen);
}

/* Free a pending step's references (not the step, nor ps itself). */
void ld_pend_step_clear(pend_step *ps)
{
	free(ps->lane.id);
	free(ps->column.id);
	for (size_t i = 0; i < ps->n_stds; i++)
		free(ps->stds[i].id);
	free(ps->stds);
}

/* Resolve a step whose references are all known already. */
static bool step_resolve_now(pend_step *ps)
{
	if (!ref_done(&ps->lane) || !ref_done(&ps->column))
		return false;
	for (size_t i = 0; i < ps->n_stds; i++)
		if (!ref_done(&ps->stds[i]))
			return false;
	sbp_step *s = ps->step;
	s->lane = ps->lane.ptr;
	s->column = ps->column.ptr;
	for (size_t i = 0; i < ps->n_stds; i++)
		VEC_PUSH(s->stds, (sbp_standard *)ps->stds[i].ptr);
	return true;
}

/* What a step's special fields are read into. */
typedef struct step_ctx {
	pend_step *ps;
} step_ctx;

/* A step's lane, column, standards, wait and fail. */
static void step_special(loader *ld, const sbp_field *f, void *ctx)
{
	pend_step *ps = ((step_ctx *)ctx)->ps;
	sbp_step *s = ps->step;
	switch (f->key[0]) {
	case 'l':
		read_ref(ld, "lane", 'l', &ps->lane);
		break;
	case 'c':
		read_ref(ld, "column", 'c', &ps->column);
		break;
	case 's':
		read_step_standards(ld, ps);
		break;
	case 'w':
		wait_free(s->wait);
		s->wait = ld_is_null(ld) ? NULL : read_wait(ld);
		if (!s->wait && ld_is_null(ld))
			ld_skip(ld);
		break;
	default:
		fail_free(s->fail);
		s->fail = ld_is_null(ld) ? NULL : read_fail(ld);
		if (!s->fail && ld_is_null(ld))
			ld_skip(ld);
		break;
	}
}

void ld_step(loader *ld)
{
	sbp_pos pos = ld_pos(ld), idpos = pos;
	unsigned long seen;

	if (ld->bp->steps.n >= ld->lim.max_steps) {
		ld_error(ld, RULE_LIMIT, pos, "more steps than the limit of %zu",
			 ld->lim.max_steps);
		ld->fatal = true;
		return;
	}
	if (!ld_map_begin(ld, "a step"))
		return;
	size_t first_diag = ld->diags->n;
	sbp_step *s = xcalloc(1, sizeof *s);
	s->duration = NAN;
	s->pos = pos;
	pend_step pend = {0}, *ps = &pend;
	ps->step = s;
	step_ctx ctx = {ps};
	ld_fields(ld, SBP_OBJ_STEP, "step", s, NULL, &seen, &idpos, step_special, &ctx);
	if (s->id) /* its slot is fetched from memory while the rest is checked */
		hmap_prefetch(&ld->bp->step_ids, s->id);
	if (!s->text)
		set_string(&s->text, "");
	if (!(seen & seen_bit(SBP_OBJ_STEP, "id")))
		missing(ld, pos, "step", "id");
	if (!ps->lane.id && !ps->lane.ptr && !ld->fatal)
		missing(ld, pos, "step", "lane");
	if (!ps->column.id && !ps->column.ptr && !ld->fatal)
		missing(ld, pos, "step", "column");
	/* One probe of the step index both adds the step and finds a
	 * duplicate id. */
	bool added = s->id && !ld->fatal && blueprint_insert_step(ld->bp, (size_t)-1, s);
	sbp_step *prev = s->id && !added ? blueprint_step(ld->bp, s->id) : NULL;
	if (prev)
		duplicate(ld, idpos, "step", s->id, prev->pos);
	if (s->id)
		ld_blame_step(ld, first_diag, s->id);
	if (!added) {
		step_free(s);
		ld_pend_step_clear(ps);
		return;
	}
	if (step_resolve_now(ps)) {
		ld_pend_step_clear(ps);
		return;
	}
	pend_step *heap = xmalloc(sizeof *heap);
	*heap = pend;
	VEC_PUSH(ld->psteps, heap);
}

/* A flow's from and to. */
static void flow_special(loader *ld, const sbp_field *f, void *ctx)
{
	pend_flow *pf = ctx;
	if (f->key[0] == 'f')
		read_ref(ld, "flow from", 's', &pf->from);
	else
		read_ref(ld, "flow to", 's', &pf->to);
}

void ld_flow(loader *ld)
{
	sbp_pos pos = ld_pos(ld);
	unsigned long seen;

	if (!ld_map_begin(ld, "a flow"))
		return;
	pend_flow *pf = xcalloc(1, sizeof *pf);
	pf->flow = flow_new(NULL, NULL, NULL);
	pf->flow->pos = pos;
	ld_fields(ld, SBP_OBJ_FLOW, "flow", pf->flow, &pf->flow->extras, &seen, NULL,
		  flow_special, pf);
	if (!pf->from.id && !pf->from.ptr && !ld->fatal)
		missing(ld, pos, "flow", "from");
	if (!pf->to.id && !pf->to.ptr && !ld->fatal)
		missing(ld, pos, "flow", "to");
	blueprint_insert_flow(ld->bp, (size_t)-1, pf->flow);
	if (ref_done(&pf->from) && ref_done(&pf->to)) {
		pf->flow->from = pf->from.ptr;
		pf->flow->to = pf->to.ptr;
		free(pf);
		return;
	}
	VEC_PUSH(ld->pflows, pf);
}


/* A measurement's standard. */
static void measurement_special(loader *ld, const sbp_field *f, void *ctx)
{
	(void)f;
	read_ref(ld, "standard", 'd', ctx);
}

void ld_measurement(loader *ld)
{
	sbp_pos pos = ld_pos(ld);
	unsigned long seen;
	ref std = {0};

	if (!ld_map_begin(ld, "a measurement"))
		return;
	sbp_measurement *m = measurement_new("", NULL);
	m->pos = pos;
	ld_fields(ld, SBP_OBJ_MEASUREMENT, "measurement", m, &m->extras, &seen, NULL,
		  measurement_special, &std);
	ld_required(ld, SBP_OBJ_MEASUREMENT, "measurement", pos, seen);
	if (!m->date[0] || (!std.ptr && !std.id) || ld->fatal) {
		free(std.id);
		measurement_free(m);
		return;
	}
	/* Standards usually come first: resolve now; else once all is read. */
	m->standard = std.ptr;
	VEC_PUSH(ld->bp->measurements, m);
	if (!std.ptr) {
		pend_measurement *pm = xmalloc(sizeof *pm);
		pm->m = m;
		pm->std = std;
		VEC_PUSH(ld->pmeasures, pm);
	}
}
