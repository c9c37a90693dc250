/* Undoable edits of the grid: inserting, deleting, renaming and moving
 * columns and lanes. Lanes keep their zones in order; deleting a column
 * or a lane takes its steps and their flows with it, in the same group. */
#include <stdlib.h>

#include "edit_internal.h"

/* Does step s sit in column ctx? */
static bool in_column(const sbp_step *s, const void *ctx)
{
	return s->column == ctx;
}

/* Does step s sit in lane ctx? */
static bool in_lane(const sbp_step *s, const void *ctx)
{
	return s->lane == ctx;
}

/* Insert a new column at index at ((size_t)-1 appends). */
bool edit_column_insert(edit_history *h, size_t at, const char *id,
			const char *name, const char *phase, sbp_column **out)
{
	h->error[0] = '\0';
	if (at > h->bp->columns.n && at != (size_t)-1)
		return edit_refuse(h, "column position %zu is out of range (0-%zu)",
				   at, h->bp->columns.n);
	char *cid;
	if (!take_id(h, id, 'c', "col", "column", &cid))
		return false;
	sbp_column *c = column_new(cid, name, phase);
	free(cid);
	if (at > h->bp->columns.n)
		at = h->bp->columns.n;
	size_t mark = edit_open(h, "insert column");
	rec_place(h, EDIT_COLUMN, c, at, true);
	edit_close(h, mark);
	if (out)
		*out = c;
	return true;
}

/* Remove a column with its steps and their flows. */
bool edit_column_delete(edit_history *h, sbp_column *c)
{
	h->error[0] = '\0';
	if (!has_column(h->bp, c))
		return edit_refuse(h, "no such column in this blueprint");
	if (h->bp->columns.n == 1)
		return edit_refuse(h, "cannot delete the last column");
	size_t mark = edit_open(h, "delete column");
	rec_remove_steps(h, in_column, c);
	rec_place(h, EDIT_COLUMN, c, c->idx, false);
	edit_close(h, mark);
	return true;
}

/* Rename a column (NULL is ""). */
bool edit_column_rename(edit_history *h, sbp_column *c, const char *name)
{
	h->error[0] = '\0';
	if (!has_column(h->bp, c))
		return edit_refuse(h, "no such column in this blueprint");
	if (!name)
		name = "";
	size_t mark = edit_open(h, "rename column");
	if (!same_str(c->name, name))
		rec_str(h, EDIT_COLUMN, c, &c->name, name);
	edit_close(h, mark);
	return true;
}

/* Set or clear a column phase. */
bool edit_column_phase(edit_history *h, sbp_column *c, const char *phase)
{
	h->error[0] = '\0';
	if (!has_column(h->bp, c))
		return edit_refuse(h, "no such column in this blueprint");
	size_t mark = edit_open(h, "change column phase");
	if (!same_str(c->phase, phase))
		rec_str(h, EDIT_COLUMN, c, &c->phase, phase);
	edit_close(h, mark);
	return true;
}

/* Move a column to index to. */
bool edit_column_move(edit_history *h, sbp_column *c, size_t to)
{
	h->error[0] = '\0';
	if (!has_column(h->bp, c))
		return edit_refuse(h, "no such column in this blueprint");
	if (to >= h->bp->columns.n)
		return edit_refuse(h, "column position %zu is out of range (0-%zu)",
				   to, h->bp->columns.n - 1);
	size_t mark = edit_open(h, "move column");
	if (to != c->idx)
		rec_move(h, EDIT_COLUMN, c->idx, to);
	edit_close(h, mark);
	return true;
}

/* Zone of the lane at index i of the lanes, skipping index skip. */
static sbp_zone zone_at(const sbp_blueprint *bp, size_t i, size_t skip)
{
	return bp->lanes.items[i < skip ? i : i + 1]->zone;
}

/* Would a lane of zone z at index at keep the zones in order, once the
 * lane at index skip ((size_t)-1: none) is taken out? */
static bool zone_fits(const sbp_blueprint *bp, size_t at, sbp_zone z, size_t skip)
{
	size_t n = bp->lanes.n - (skip != (size_t)-1);
	if (at > 0 && zone_at(bp, at - 1, skip) > z)
		return false;
	if (at < n && zone_at(bp, at, skip) < z)
		return false;
	return true;
}

/* Refuse a lane position that would break the zone order. */
static bool check_zone(edit_history *h, size_t at, sbp_zone z, size_t skip)
{
	if (zone_fits(h->bp, at, z, skip))
		return true;
	return edit_refuse(h, "a %s lane cannot go there: lanes must stay in zone "
			   "order (evidence, customer, onstage, backstage, support)",
			   zone_id(z));
}

/* Insert a new lane at index at, keeping the zone order. */
bool edit_lane_insert(edit_history *h, size_t at, const char *id,
		      const char *name, sbp_zone zone, sbp_lane **out)
{
	h->error[0] = '\0';
	if ((unsigned)zone >= ZONE_COUNT)
		return edit_refuse(h, "unknown lane zone");
	if (at > h->bp->lanes.n && at != (size_t)-1)
		return edit_refuse(h, "lane position %zu is out of range (0-%zu)",
				   at, h->bp->lanes.n);
	if (at > h->bp->lanes.n)
		at = h->bp->lanes.n;
	if (!check_zone(h, at, zone, (size_t)-1))
		return false;
	char *lid;
	if (!take_id(h, id, 'l', "lane", "lane", &lid))
		return false;
	sbp_lane *l = lane_new(lid, name, zone);
	free(lid);
	size_t mark = edit_open(h, "insert lane");
	rec_place(h, EDIT_LANE, l, at, true);
	edit_close(h, mark);
	if (out)
		*out = l;
	return true;
}

/* Insert a lane after the last lane of its zone, or before the next zone. */
bool edit_lane_insert_auto(edit_history *h, const char *id, const char *name,
			   sbp_zone zone, sbp_lane **out)
{
	size_t at = 0;
	const sbp_blueprint *bp = h->bp;
	while (at < bp->lanes.n && bp->lanes.items[at]->zone <= zone)
		at++;
	return edit_lane_insert(h, at, id, name, zone, out);
}

/* Remove a lane with its steps and their flows. */
bool edit_lane_delete(edit_history *h, sbp_lane *l)
{
	h->error[0] = '\0';
	if (!has_lane(h->bp, l))
		return edit_refuse(h, "no such lane in this blueprint");
	if (h->bp->lanes.n == 1)
		return edit_refuse(h, "cannot delete the last lane");
	size_t mark = edit_open(h, "delete lane");
	rec_remove_steps(h, in_lane, l);
	rec_place(h, EDIT_LANE, l, l->idx, false);
	edit_close(h, mark);
	return true;
}

/* Rename a lane (NULL is ""). */
bool edit_lane_rename(edit_history *h, sbp_lane *l, const char *name)
{
	h->error[0] = '\0';
	if (!has_lane(h->bp, l))
		return edit_refuse(h, "no such lane in this blueprint");
	if (!name)
		name = "";
	size_t mark = edit_open(h, "rename lane");
	if (!same_str(l->name, name))
		rec_str(h, EDIT_LANE, l, &l->name, name);
	edit_close(h, mark);
	return true;
}

/* Move a lane to index to, within its zone. */
bool edit_lane_move(edit_history *h, sbp_lane *l, size_t to)
{
	h->error[0] = '\0';
	if (!has_lane(h->bp, l))
		return edit_refuse(h, "no such lane in this blueprint");
	if (to >= h->bp->lanes.n)
		return edit_refuse(h, "lane position %zu is out of range (0-%zu)",
				   to, h->bp->lanes.n - 1);
	if (to == l->idx)
		return true;
	if (!check_zone(h, to, l->zone, l->idx))
		return false;
	size_t mark = edit_open(h, "move lane");
	rec_move(h, EDIT_LANE, l->idx, to);
	edit_close(h, mark);
	return true;
}
