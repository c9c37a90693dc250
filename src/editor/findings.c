/* The problems panel's findings, kept up to date edit by edit once they
 * have been listed: each finding knows the object it is about (the
 * standard, step or flow, check_origin), so a change drops that object's
 * findings and puts back what check_step, check_flow or check_standard
 * find now, each at its place in the sorted list. Steps using each
 * standard are counted so that unused-standard follows attaching and
 * detaching. Changes to lanes and columns, and bulk changes, fall back
 * to a full check the next time the panel opens. The list is always the
 * one check_blueprint and diags_sort would give. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/check_step.h"
#include "internal.h"

/* A finding with its origin and its place in the order it was found. */
typedef struct tagged {
	sbp_diag d;
	ed_origin o;
	size_t i;
} tagged;

/* Stable order by line and column. */
static int tagged_cmp(const void *a, const void *b)
{
	const tagged *x = a, *y = b;
	if (x->d.line != y->d.line)
		return x->d.line < y->d.line ? -1 : 1;
	if (x->d.col != y->d.col)
		return x->d.col < y->d.col ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* Stop following: the next opening of the panel checks everything. */
void findings_stop(editor *ed)
{
	ed->findings_live = false;
	hmap_free(&ed->std_uses);
	hmap_init(&ed->std_uses);
}

/* Steps using standard s, from the table. */
static size_t uses_of(const editor *ed, const sbp_standard *s)
{
	uintptr_t v = (uintptr_t)hmap_get(&ed->std_uses, s->id);
	return v ? v - 1 : 0;
}

/* Add delta to the steps using s. */
static void uses_add(editor *ed, const sbp_standard *s, long delta)
{
	uintptr_t v = (uintptr_t)hmap_get(&ed->std_uses, s->id);
	if (!v)
		v = 1;
	hmap_set(&ed->std_uses, s->id, (void *)(v + (uintptr_t)delta));
}

/* Check everything, note the origins, sort, count the uses. */
void findings_full(editor *ed)
{
	const sbp_blueprint *bp = ed->bp;
	check_origin *o;
	diags_clear(&ed->diags);
	check_blueprint_origins(bp, &ed->diags, &o);
	size_t n = ed->diags.n;
	tagged *t = xmalloc((n ? n : 1) * sizeof *t);
	for (size_t i = 0; i < n; i++) {
		bool same = i > 0 && o[i].group == o[i - 1].group &&
			    o[i].obj == o[i - 1].obj;
		t[i].d = ed->diags.items[i];
		t[i].o = (ed_origin){ o[i].group, o[i].obj, same ? t[i - 1].o.seq + 1 : 0 };
		t[i].i = i;
	}
	qsort(t, n, sizeof *t, tagged_cmp);
	xgrow(&ed->origins, &ed->origins_cap, n ? n : 1, sizeof *ed->origins);
	for (size_t i = 0; i < n; i++) {
		ed->diags.items[i] = t[i].d;
		ed->origins[i] = t[i].o;
	}
	free(t);
	free(o);
	findings_stop(ed);
	hmap_reserve(&ed->std_uses, bp->standards.n);
	for (size_t i = 0; i < bp->standards.n; i++)
		hmap_set(&ed->std_uses, bp->standards.items[i]->id, (void *)1);
	for (size_t i = 0; i < bp->steps.n; i++) {
		const sbp_step *s = bp->steps.items[i];
		for (size_t j = 0; j < s->stds.n; j++)
			uses_add(ed, s->stds.items[j], 1);
	}
	ed->findings_live = true;
}

/* Drop the findings about obj (of group g, or of every group when g is
 * -1), freeing their texts. */
static void drop(editor *ed, const void *obj, int g)
{
	sbp_diags *d = &ed->diags;
	size_t k = 0;
	for (size_t i = 0; i < d->n; i++) {
		const ed_origin *o = &ed->origins[i];
		if (o->obj == obj && (g < 0 || (int)o->group == g)) {
			if (d->items[i].severity == SBP_ERROR)
				d->errors--;
			else
				d->warnings--;
			free(d->items[i].message);
			free(d->items[i].step);
			continue;
		}
		d->items[k] = d->items[i];
		ed->origins[k++] = *o;
	}
	d->n = k;
}

/* Position of obj in the array its group's objects live in. */
static size_t file_index(const sbp_blueprint *bp, check_group g, const void *obj)
{
	void *const *all;
	size_t n;
	switch (g) {
	case CHECK_STEPS: all = (void *const *)bp->steps.items; n = bp->steps.n; break;
	case CHECK_FLOWS: all = (void *const *)bp->flows.items; n = bp->flows.n; break;
	default: all = (void *const *)bp->standards.items; n = bp->standards.n; break;
	}
	for (size_t i = 0; i < n; i++)
		if (all[i] == obj)
			return i;
	return n;
}

/* Does finding (a, ao) come before (b, bo) in check order, when their
 * lines, columns and groups are equal? Different objects: file order. */
static bool same_place_before(const editor *ed, const ed_origin *ao,
			      size_t *a_idx, const ed_origin *bo)
{
	if (ao->obj == bo->obj)
		return ao->seq < bo->seq;
	if (*a_idx == (size_t)-1)
		*a_idx = file_index(ed->bp, ao->group, ao->obj);
	return *a_idx < file_index(ed->bp, bo->group, bo->obj);
}

/* Compare by line, column and group only. */
static int place_cmp(const sbp_diag *a, const ed_origin *ao, const sbp_diag *b,
		     const ed_origin *bo)
{
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	if (ao->group != bo->group)
		return ao->group < bo->group ? -1 : 1;
	return 0;
}

/* Put one finding at its place in the sorted list (taking its texts). */
static void insert(editor *ed, const sbp_diag *dg, const ed_origin *o)
{
	sbp_diags *d = &ed->diags;
	size_t lo = 0, hi = d->n;
	while (lo < hi) { /* the first finding not before dg's place */
		size_t mid = lo + (hi - lo) / 2;
		if (place_cmp(&d->items[mid], &ed->origins[mid], dg, o) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t at = lo, a_idx = (size_t)-1;
	while (at < d->n && place_cmp(&d->items[at], &ed->origins[at], dg, o) == 0 &&
	       !same_place_before(ed, o, &a_idx, &ed->origins[at]))
		at++;
	xgrow(&d->items, &d->cap, d->n + 1, sizeof *d->items);
	xgrow(&ed->origins, &ed->origins_cap, d->n + 1, sizeof *ed->origins);
	memmove(&d->items[at + 1], &d->items[at], (d->n - at) * sizeof *d->items);
	memmove(&ed->origins[at + 1], &ed->origins[at],
		(d->n - at) * sizeof *ed->origins);
	d->items[at] = *dg;
	ed->origins[at] = *o;
	d->n++;
	if (dg->severity == SBP_ERROR)
		d->errors++;
	else
		d->warnings++;
}

/* Put the findings of fresh (about obj, group g) in the list. */
static void insert_all(editor *ed, sbp_diags *fresh, check_group g,
		       const void *obj)
{
	for (size_t i = 0; i < fresh->n; i++) {
		ed_origin o = { g, obj, i };
		insert(ed, &fresh->items[i], &o);
	}
	free(fresh->items); /* the texts now belong to the list */
	diags_init(fresh);
}

/* What the rules find about one object now. */
static void add_step(editor *ed, const sbp_step *s)
{
	sbp_diags fresh;
	diags_init(&fresh);
	check_step(ed->bp, s, &fresh);
	insert_all(ed, &fresh, CHECK_STEPS, s);
}

static void add_flow(editor *ed, const sbp_flow *f)
{
	sbp_diags fresh;
	diags_init(&fresh);
	check_flow(ed->bp, f, &fresh);
	insert_all(ed, &fresh, CHECK_FLOWS, f);
}

/* unused-standard of s, when no step uses it. */
static void add_unused(editor *ed, const sbp_standard *s)
{
	if (uses_of(ed, s) > 0)
		return;
	sbp_diags fresh;
	diags_init(&fresh);
	check_standard_unused(ed->bp, s, &fresh);
	insert_all(ed, &fresh, CHECK_UNUSED, s);
}

static void add_standard(editor *ed, const sbp_standard *s)
{
	sbp_diags fresh;
	diags_init(&fresh);
	check_standard(ed->bp, s, &fresh);
	insert_all(ed, &fresh, CHECK_STANDARDS, s);
	add_unused(ed, s);
}

/* A step's standards gain or lose a user: their unused-standard again. */
static void step_uses(editor *ed, const sbp_step *s, long delta)
{
	for (size_t j = 0; j < s->stds.n; j++) {
		const sbp_standard *std = s->stds.items[j];
		uses_add(ed, std, delta);
		drop(ed, std, CHECK_UNUSED);
		add_unused(ed, std);
	}
}

/* The flows of s again (bypassed-interaction reads the zones and the
 * encounter mark of their steps). */
static void recheck_flows(editor *ed, const sbp_step *s)
{
	const sbp_blueprint *bp = ed->bp;
	for (size_t i = 0; i < bp->flows.n; i++) {
		const sbp_flow *f = bp->flows.items[i];
		if (f->from != s && f->to != s)
			continue;
		drop(ed, f, CHECK_FLOWS);
		add_flow(ed, f);
	}
}

/* A step enters, leaves or changes. */
static void step_event(editor *ed, const edit_event *ev)
{
	const sbp_step *s = ev->obj;
	if (!ev->after) {
		if (ev->change == EDIT_INSERT)
			return;
		drop(ed, s, CHECK_STEPS);
		step_uses(ed, s, -1);
		ed->f_zone = s->lane->zone;
		ed->f_mark = s->encounter;
		return;
	}
	if (ev->change == EDIT_REMOVE)
		return;
	add_step(ed, s);
	step_uses(ed, s, 1);
	if (ev->change == EDIT_MODIFY &&
	    (s->lane->zone != ed->f_zone || s->encounter != ed->f_mark))
		recheck_flows(ed, s);
}

/* A standard enters, leaves or changes. */
static void standard_event(editor *ed, const edit_event *ev)
{
	const sbp_standard *s = ev->obj;
	if (!ev->after) {
		if (ev->change != EDIT_INSERT)
			drop(ed, s, -1);
		return;
	}
	if (ev->change == EDIT_REMOVE) {
		hmap_del(&ed->std_uses, s->id);
		return;
	}
	if (ev->change == EDIT_INSERT)
		hmap_set(&ed->std_uses, s->id, (void *)1);
	if (ev->change == EDIT_MODIFY && !hmap_get(&ed->std_uses, s->id)) {
		findings_stop(ed); /* renamed: its uses are under the old id */
		return;
	}
	add_standard(ed, s);
}

/* Follow one change told by the history (from live.c). */
void findings_event(editor *ed, const edit_event *ev)
{
	if (!ed->findings_live)
		return;
	if (ev->batch > 16) {
		findings_stop(ed);
		return;
	}
	switch (ev->kind) {
	case EDIT_STEP:
		step_event(ed, ev);
		break;
	case EDIT_FLOW:
		if (!ev->after && ev->change != EDIT_INSERT)
			drop(ed, ev->obj, CHECK_FLOWS);
		else if (ev->after && ev->change != EDIT_REMOVE)
			add_flow(ed, ev->obj);
		break;
	case EDIT_STANDARD:
		standard_event(ed, ev);
		break;
	case EDIT_LANE:
	case EDIT_COLUMN:
		if (ev->change != EDIT_MODIFY)
			findings_stop(ed);
		break;
	case EDIT_BLUEPRINT:
		break;
	case EDIT_MEASUREMENT: /* a current actual may change: check again */
		findings_stop(ed);
		break;
	}
}
