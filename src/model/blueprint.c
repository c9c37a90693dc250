/* The blueprint: its arrays of objects, the id indexes kept beside them,
 * and insertion and removal that keep both in step. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/model.h"

sbp_blueprint *blueprint_new(void)
{
	sbp_blueprint *bp = xcalloc(1, sizeof *bp);
	bp->version = 1;
	hmap_init(&bp->column_ids);
	hmap_init(&bp->lane_ids);
	hmap_init(&bp->standard_ids);
	hmap_init(&bp->step_ids);
	return bp;
}

void blueprint_add_default_lanes(sbp_blueprint *bp)
{
	for (int z = 0; z < ZONE_COUNT; z++)
		blueprint_insert_lane(bp, (size_t)-1,
				      lane_new(zone_id((sbp_zone)z),
					       zone_label((sbp_zone)z), (sbp_zone)z));
}

void blueprint_free(sbp_blueprint *bp)
{
	if (!bp)
		return;
	free(bp->title);
	free(bp->description);
	for (size_t i = 0; i < bp->ignore.n; i++)
		free(bp->ignore.items[i]);
	free(bp->ignore.items);
	for (size_t i = 0; i < bp->measurements.n; i++)
		measurement_free(bp->measurements.items[i]);
	free(bp->measurements.items);
	for (size_t i = 0; i < bp->flows.n; i++)
		flow_free(bp->flows.items[i]);
	free(bp->flows.items);
	for (size_t i = 0; i < bp->steps.n; i++)
		step_free(bp->steps.items[i]);
	free(bp->steps.items);
	for (size_t i = 0; i < bp->standards.n; i++)
		standard_free(bp->standards.items[i]);
	free(bp->standards.items);
	for (size_t i = 0; i < bp->lanes.n; i++)
		lane_free(bp->lanes.items[i]);
	free(bp->lanes.items);
	for (size_t i = 0; i < bp->columns.n; i++)
		column_free(bp->columns.items[i]);
	free(bp->columns.items);
	hmap_free(&bp->column_ids);
	hmap_free(&bp->lane_ids);
	hmap_free(&bp->standard_ids);
	hmap_free(&bp->step_ids);
	extras_free(&bp->extras);
	free(bp);
}

sbp_lane *blueprint_lane(const sbp_blueprint *bp, const char *id)
{
	return hmap_get(&bp->lane_ids, id);
}

sbp_column *blueprint_column(const sbp_blueprint *bp, const char *id)
{
	return hmap_get(&bp->column_ids, id);
}

sbp_standard *blueprint_standard(const sbp_blueprint *bp, const char *id)
{
	return hmap_get(&bp->standard_ids, id);
}

sbp_step *blueprint_step(const sbp_blueprint *bp, const char *id)
{
	return hmap_get(&bp->step_ids, id);
}

/* Index of p among items[0..n), or (size_t)-1. */
static size_t find_ptr(void *const *items, size_t n, const void *p)
{
	for (size_t i = 0; i < n; i++)
		if (items[i] == p)
			return i;
	return (size_t)-1;
}

size_t blueprint_lane_index(const sbp_blueprint *bp, const sbp_lane *l)
{
	return l->idx < bp->lanes.n && bp->lanes.items[l->idx] == l ? l->idx : (size_t)-1;
}

size_t blueprint_column_index(const sbp_blueprint *bp, const sbp_column *c)
{
	return c->idx < bp->columns.n && bp->columns.items[c->idx] == c ? c->idx : (size_t)-1;
}

size_t blueprint_standard_index(const sbp_blueprint *bp, const sbp_standard *s)
{
	return find_ptr((void *const *)bp->standards.items, bp->standards.n, s);
}

size_t blueprint_step_index(const sbp_blueprint *bp, const sbp_step *s)
{
	return find_ptr((void *const *)bp->steps.items, bp->steps.n, s);
}

size_t blueprint_flow_index(const sbp_blueprint *bp, const sbp_flow *f)
{
	return find_ptr((void *const *)bp->flows.items, bp->flows.n, f);
}

/* Insert into an object array with its id index. */
#define INSERT_WITH_ID(vec, ids, at, obj)                          \
	do {                                                       \
		if (!hmap_put(&(ids), (obj)->id, (obj)))           \
			return false;                              \
		size_t n_ = (vec).n;                               \
		VEC_INSERT(vec, (at) > n_ ? n_ : (at), obj);       \
		return true;                                       \
	} while (0)

/* Renumber the idx fields of lanes and columns from index from on. */
static void renumber(sbp_blueprint *bp, size_t from)
{
	for (size_t i = from; i < bp->lanes.n; i++)
		bp->lanes.items[i]->idx = i;
	for (size_t i = from; i < bp->columns.n; i++)
		bp->columns.items[i]->idx = i;
}

bool blueprint_insert_lane(sbp_blueprint *bp, size_t at, sbp_lane *l)
{
	if (!hmap_put(&bp->lane_ids, l->id, l))
		return false;
	if (at > bp->lanes.n)
		at = bp->lanes.n;
	VEC_INSERT(bp->lanes, at, l);
	renumber(bp, at);
	return true;
}

bool blueprint_insert_column(sbp_blueprint *bp, size_t at, sbp_column *c)
{
	if (!hmap_put(&bp->column_ids, c->id, c))
		return false;
	if (at > bp->columns.n)
		at = bp->columns.n;
	VEC_INSERT(bp->columns, at, c);
	renumber(bp, at);
	return true;
}

bool blueprint_insert_standard(sbp_blueprint *bp, size_t at, sbp_standard *s)
{
	INSERT_WITH_ID(bp->standards, bp->standard_ids, at, s);
}

bool blueprint_insert_step(sbp_blueprint *bp, size_t at, sbp_step *s)
{
	INSERT_WITH_ID(bp->steps, bp->step_ids, at, s);
}

void blueprint_insert_flow(sbp_blueprint *bp, size_t at, sbp_flow *f)
{
	size_t n = bp->flows.n;
	VEC_INSERT(bp->flows, at > n ? n : at, f);
}

/* Remove from an object array and its id index. */
#define REMOVE_WITH_ID(T, vec, ids, at)              \
	do {                                         \
		T *o_ = (vec).items[at];             \
		hmap_del(&(ids), o_->id);            \
		VEC_REMOVE(vec, at);                 \
		return o_;                           \
	} while (0)

sbp_lane *blueprint_remove_lane(sbp_blueprint *bp, size_t at)
{
	sbp_lane *l = bp->lanes.items[at];
	hmap_del(&bp->lane_ids, l->id);
	VEC_REMOVE(bp->lanes, at);
	renumber(bp, at);
	return l;
}

sbp_column *blueprint_remove_column(sbp_blueprint *bp, size_t at)
{
	sbp_column *c = bp->columns.items[at];
	hmap_del(&bp->column_ids, c->id);
	VEC_REMOVE(bp->columns, at);
	renumber(bp, at);
	return c;
}

sbp_standard *blueprint_remove_standard(sbp_blueprint *bp, size_t at)
{
	REMOVE_WITH_ID(sbp_standard, bp->standards, bp->standard_ids, at);
}

sbp_step *blueprint_remove_step(sbp_blueprint *bp, size_t at)
{
	REMOVE_WITH_ID(sbp_step, bp->steps, bp->step_ids, at);
}

sbp_flow *blueprint_remove_flow(sbp_blueprint *bp, size_t at)
{
	sbp_flow *f = bp->flows.items[at];
	VEC_REMOVE(bp->flows, at);
	return f;
}

char *blueprint_fresh_id(const sbp_blueprint *bp, char kind, const char *prefix)
{
	const hmap *ids;
	size_t n;
	switch (kind) {
	case 'c': ids = &bp->column_ids; n = bp->columns.n; break;
	case 'l': ids = &bp->lane_ids; n = bp->lanes.n; break;
	case 'd': ids = &bp->standard_ids; n = bp->standards.n; break;
	default: ids = &bp->step_ids; n = bp->steps.n; break;
	}
	char buf[96];
	for (size_t i = n + 1;; i++) {
		snprintf(buf, sizeof buf, "%.40s-%zu", prefix, i);
		if (!hmap_get(ids, buf))
			return xstrdup(buf);
	}
}
