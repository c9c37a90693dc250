/* The YAML loader's object parsers: columns, lanes, standards, steps with
 * their fail and wait points, and flows; then reference resolution. */
#include <stdlib.h>
#include <string.h>

#include "load_internal.h"
#include "sbp/i18n.h"

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

void ld_column(loader *ld)
{
	sbp_pos pos = ld_pos(ld), idpos = pos;
	char *id = NULL, *name = NULL, *phase = NULL;
	sbp_extras ex = {0};
	keyset ks = {0};
	const char *key;
	sbp_pos kp;
	bool had_id = false, had_name = false;

	if (ld->bp->columns.n >= ld->lim.max_columns) {
		ld_error(ld, RULE_LIMIT, pos, _("more columns than the limit of %zu"),
			 ld->lim.max_columns);
		ld->fatal = true;
		return;
	}
	if (!ld_map_begin(ld, "a column"))
		return;
	while (ld_map_next(ld, &ks, &key, &kp)) {
		if (key_is(key, "id")) {
			had_id = true;
			idpos = ld_pos(ld);
			ld_id(ld, "column id", &id);
		} else if (key_is(key, "name")) {
			had_name = !ld_is_null(ld);
			ld_string(ld, "column name", &name);
		} else if (key_is(key, "phase")) {
			ld_string(ld, "column phase", &phase);
		} else {
			extras_add(&ex, key, ld_node(ld), kp);
		}
	}
	keyset_free(&ks);
	if (!had_id)
		missing(ld, pos, "column", "id");
	if (!had_name)
		missing(ld, pos, "column", "name");
	if (id && !ld->fatal) {
		sbp_column *c = column_new(id, name ? name : "", phase);
		c->pos = pos;
		c->extras = ex;
		memset(&ex, 0, sizeof ex);
		sbp_column *prev = blueprint_column(ld->bp, id);
		if (prev) {
			duplicate(ld, idpos, "column", id, prev->pos);
			column_free(c);
		} else {
			blueprint_insert_column(ld->bp, (size_t)-1, c);
		}
	}
	extras_free(&ex);
	free(id);
	free(name);
	free(phase);
}

void ld_lane(loader *ld)
{
	sbp_pos pos = ld_pos(ld), idpos = pos;
	char *id = NULL, *name = NULL, *zone = NULL;
	sbp_extras ex = {0};
	keyset ks = {0};
	const char *key;
	sbp_pos kp, zpos = pos;
	sbp_zone z = ZONE_COUNT;
	bool had_id = false, had_name = false;

	if (ld->bp->lanes.n >= ld->lim.max_lanes) {
		ld_error(ld, RULE_LIMIT, pos, _("more lanes than the limit of %zu"),
			 ld->lim.max_lanes);
		ld->fatal = true;
		return;
	}
	if (!ld_map_begin(ld, "a lane"))
		return;
	while (ld_map_next(ld, &ks, &key, &kp)) {
		if (key_is(key, "id")) {
			had_id = true;
			idpos = ld_pos(ld);
			ld_id(ld, "lane id", &id);
		} else if (key_is(key, "name")) {
			had_name = !ld_is_null(ld);
			ld_string(ld, "lane name", &name);
		} else if (key_is(key, "zone")) {
			zpos = ld_pos(ld);
			if (ld_string(ld, "lane zone", &zone) && (!zone || !zone_parse(zone, &z))) {
				char *q = diag_quote(zone ? zone : "", 30);
				ld_error(ld, RULE_SCHEMA, zpos,
					 "unknown zone '%s' (use evidence, customer, onstage, "
					 "backstage or support)", q);
				free(q);
			}
		} else {
			extras_add(&ex, key, ld_node(ld), kp);
		}
	}
	keyset_free(&ks);
	if (!had_id)
		missing(ld, pos, "lane", "id");
	if (!had_name)
		missing(ld, pos, "lane", "name");
	if (!zone)
		missing(ld, pos, "lane", "zone");
	if (id && z != ZONE_COUNT && !ld->fatal) {
		sbp_lane *l = lane_new(id, name ? name : "", z);
		l->pos = pos;
		l->extras = ex;
		memset(&ex, 0, sizeof ex);
		sbp_lane *prev = blueprint_lane(ld->bp, id);
		if (prev) {
			duplicate(ld, idpos, "lane", id, prev->pos);
			lane_free(l);
		} else {
			blueprint_insert_lane(ld->bp, (size_t)-1, l);
		}
	}
	extras_free(&ex);
	free(id);
	free(name);
	free(zone);
}

/* Read an enumerated text value into *out via parse; report bad values. */
static void read_enum(loader *ld, const char *what, const char *choices,
		      bool (*parse)(const char *, int *), int *out)
{
	sbp_pos p = ld_pos(ld);
	char *s = NULL;
	if (!ld_string(ld, what, &s) || !s)
		return;
	if (!parse(s, out)) {
		char *q = diag_quote(s, 30);
		ld_error(ld, RULE_SCHEMA, p, "%s '%s' is not one of %s", what, q, choices);
		free(q);
	}
	free(s);
}

static bool parse_kind(const char *s, int *out)
{
	if (!strcmp(s, "hard") || !strcmp(s, "soft")) {
		*out = !strcmp(s, "hard") ? STD_HARD : STD_SOFT;
		return true;
	}
	return false;
}

static bool parse_dim(const char *s, int *out)
{
	sbp_dimension d;
	if (!dimension_parse(s, &d))
		return false;
	*out = (int)d;
	return true;
}

static bool parse_better(const char *s, int *out)
{
	if (!strcmp(s, "higher") || !strcmp(s, "lower")) {
		*out = !strcmp(s, "higher") ? BETTER_HIGHER : BETTER_LOWER;
		return true;
	}
	return false;
}

void ld_standard(loader *ld)
{
	sbp_pos pos = ld_pos(ld), idpos = pos;
	keyset ks = {0};
	const char *key;
	sbp_pos kp;
	int kind = -1, dim = DIM_NONE, better = BETTER_UNSET;
	bool had_name = false, had_id = false, had_kind = false;

	if (!ld_map_begin(ld, "a standard"))
		return;
	sbp_standard *s = standard_new("", "", STD_HARD);
	free(s->id);
	s->id = NULL;
	s->pos = pos;
	while (ld_map_next(ld, &ks, &key, &kp)) {
		if (key_is(key, "id")) {
			had_id = true;
			idpos = ld_pos(ld);
			ld_id(ld, "standard id", &s->id);
		} else if (key_is(key, "name")) {
			had_name = !ld_is_null(ld);
			ld_string(ld, "standard name", &s->name);
		} else if (key_is(key, "kind")) {
			had_kind = !ld_is_null(ld);
			read_enum(ld, "standard kind", "hard, soft", parse_kind, &kind);
		} else if (key_is(key, "measure")) {
			ld_string(ld, "measure", &s->measure);
		} else if (key_is(key, "target")) {
			ld_string(ld, "target", &s->target);
		} else if (key_is(key, "dimension")) {
			read_enum(ld, "dimension",
				  "tangibles, reliability, responsiveness, assurance, empathy",
				  parse_dim, &dim);
		} else if (key_is(key, "feedback")) {
			ld_string(ld, "feedback", &s->feedback);
		} else if (key_is(key, "weight")) {
			ld_number(ld, "weight", &s->weight);
		} else if (key_is(key, "goal")) {
			ld_number(ld, "goal", &s->goal);
		} else if (key_is(key, "better")) {
			read_enum(ld, "better", "higher, lower", parse_better, &better);
		} else if (key_is(key, "actual")) {
			ld_number(ld, "actual", &s->actual);
		} else {
			extras_add(&s->extras, key, ld_node(ld), kp);
		}
	}
	keyset_free(&ks);
	if (!s->name || !had_name) {
		missing(ld, pos, "standard", "name");
		set_string(&s->name, "");
	}
	if (!had_kind)
		missing(ld, pos, "standard", "kind");
	s->kind = kind == STD_SOFT ? STD_SOFT : STD_HARD;
	s->dimension = (sbp_dimension)dim;
	s->better = (sbp_better)better;
	if (!s->id) {
		if (!had_id)
			missing(ld, pos, "standard", "id");
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
	sbp_pos pos = ld_pos(ld), sp;
	keyset ks = {0};
	const char *key;
	sbp_pos kp;
	double sev;
	bool had_text = false;

	if (!ld_map_begin(ld, "fail"))
		return NULL;
	sbp_fail *f = fail_new("");
	f->pos = pos;
	while (ld_map_next(ld, &ks, &key, &kp)) {
		if (key_is(key, "text")) {
			had_text = !ld_is_null(ld) && ld_string(ld, "fail point text", &f->text);
		} else if (key_is(key, "severity")) {
			sp = ld_pos(ld);
			if (ld_number(ld, "severity", &sev) && !isnan(sev)) {
				/* range first: casting a huge number to int is undefined */
				if (sev < 1 || sev > 5 || sev != (int)sev)
					ld_error(ld, RULE_SCHEMA, sp,
						 "severity must be a whole number from 1 to 5");
				else
					f->severity = (int)sev;
			}
		} else if (key_is(key, "recovery")) {
			ld_string(ld, "recovery", &f->recovery);
		} else {
			extras_add(&f->extras, key, ld_node(ld), kp);
		}
	}
	keyset_free(&ks);
	if (!had_text)
		missing(ld, pos, "fail point", "text");
	if (!f->text)
		set_string(&f->text, "");
	return f;
}

/* A number of minutes that must not be negative. */
static void read_minutes(loader *ld, const char *what, double *out)
{
	sbp_pos p = ld_pos(ld);
	if (ld_number(ld, what, out) && *out < 0) {
		ld_error(ld, RULE_SCHEMA, p, "%s must not be negative", what);
		*out = NAN;
	}
}

/* The wait: mapping of a step. */
static sbp_wait *read_wait(loader *ld)
{
	sbp_pos pos = ld_pos(ld);
	keyset ks = {0};
	const char *key;
	sbp_pos kp;
	bool had_text = false;

	if (!ld_map_begin(ld, "wait"))
		return NULL;
	sbp_wait *w = wait_new("");
	w->pos = pos;
	while (ld_map_next(ld, &ks, &key, &kp)) {
		if (key_is(key, "text"))
			had_text = !ld_is_null(ld) && ld_string(ld, "wait point text", &w->text);
		else if (key_is(key, "expected"))
			read_minutes(ld, "expected", &w->expected);
		else if (key_is(key, "tolerable"))
			read_minutes(ld, "tolerable", &w->tolerable);
		else
			extras_add(&w->extras, key, ld_node(ld), kp);
	}
	keyset_free(&ks);
	if (!had_text)
		missing(ld, pos, "wait point", "text");
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

void ld_step(loader *ld)
{
	sbp_pos pos = ld_pos(ld), idpos = pos;
	keyset ks = {0};
	const char *key;
	sbp_pos kp;
	bool enc, had_id = false;

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
	while (ld_map_next(ld, &ks, &key, &kp)) {
		if (key_is(key, "id")) {
			had_id = true;
			idpos = ld_pos(ld);
			/* The step index is probed when the step ends: its
			 * slot is fetched from memory while the rest is read. */
			if (ld_id(ld, "step id", &s->id))
				hmap_prefetch(&ld->bp->step_ids, s->id);
		} else if (key_is(key, "lane")) {
			read_ref(ld, "lane", 'l', &ps->lane);
		} else if (key_is(key, "column")) {
			read_ref(ld, "column", 'c', &ps->column);
		} else if (key_is(key, "text")) {
			ld_string(ld, "step text", &s->text);
		} else if (key_is(key, "notes")) {
			ld_string(ld, "notes", &s->notes);
		} else if (key_is(key, "encounter")) {
			if (ld_bool(ld, "encounter", &enc))
				s->encounter = enc ? MARK_YES : MARK_NO;
		} else if (key_is(key, "duration")) {
			read_minutes(ld, "duration", &s->duration);
		} else if (key_is(key, "standards")) {
			read_step_standards(ld, ps);
		} else if (key_is(key, "wait")) {
			wait_free(s->wait);
			s->wait = ld_is_null(ld) ? NULL : read_wait(ld);
		} else if (key_is(key, "fail")) {
			fail_free(s->fail);
			s->fail = ld_is_null(ld) ? NULL : read_fail(ld);
		} else {
			extras_add(&s->extras, key, ld_node(ld), kp);
		}
	}
	keyset_free(&ks);
	if (!s->text)
		set_string(&s->text, "");
	if (!had_id)
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

void ld_flow(loader *ld)
{
	sbp_pos pos = ld_pos(ld);
	keyset ks = {0};
	const char *key;
	sbp_pos kp;

	if (!ld_map_begin(ld, "a flow"))
		return;
	pend_flow *pf = xcalloc(1, sizeof *pf);
	pf->flow = flow_new(NULL, NULL, NULL);
	pf->flow->pos = pos;
	while (ld_map_next(ld, &ks, &key, &kp)) {
		if (key_is(key, "from"))
			read_ref(ld, "flow from", 's', &pf->from);
		else if (key_is(key, "to"))
			read_ref(ld, "flow to", 's', &pf->to);
		else if (key_is(key, "label"))
			ld_string(ld, "flow label", &pf->flow->label);
		else
			extras_add(&pf->flow->extras, key, ld_node(ld), kp);
	}
	keyset_free(&ks);
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

