/* Structure commands: insert, rename, move and delete columns and lanes,
 * set phases, the title and description. Zone order always holds: the
 * edits refuse what would break it. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* A refused edit. */
static ed_result refused(editor *ed)
{
	return ed_err(ed, "%s", ed->hist.error[0] ? ed->hist.error : "Refused.");
}

/* The selected column, or NULL. */
static sbp_column *cur_col(editor *ed)
{
	return ed->col < ed->bp->columns.n ? ed->bp->columns.items[ed->col] : NULL;
}

/* The selected lane, or NULL. */
static sbp_lane *cur_lane(editor *ed)
{
	return ed->lane < ed->bp->lanes.n ? ed->bp->lanes.items[ed->lane] : NULL;
}

/* :column NAME: a new column after the selected one, in its phase. */
ed_result ecmd_column(editor *ed, const ed_args *a)
{
	if (!*a->rest)
		return ed_usage(ed, "column");
	sbp_column *c = cur_col(ed), *nc = NULL;
	size_t at = c ? c->idx + 1 : 0;
	char *id = ed_slug_id(ed->bp, 'c', a->rest, "col");
	bool ok = edit_column_insert(&ed->hist, at, id, a->rest,
				     c ? c->phase : NULL, &nc);
	free(id);
	if (!ok)
		return refused(ed);
	ed->col = nc->idx;
	ed->idx = 0;
	return ed_ok(ed, RD_ALL, _("Column %s added."), nc->id);
}

/* :colname NAME. */
ed_result ecmd_colname(editor *ed, const ed_args *a)
{
	sbp_column *c = cur_col(ed);
	if (a->from_key)
		return ecmd_colname_key(ed);
	if (!c)
		return ed_err(ed, _("No column here."));
	if (!*a->rest)
		return ed_usage(ed, "colname");
	if (!edit_column_rename(&ed->hist, c, a->rest))
		return refused(ed);
	return ed_ok(ed, RD_ALL, _("Column renamed."));
}

/* :phase NAME (empty clears). */
ed_result ecmd_phase(editor *ed, const ed_args *a)
{
	sbp_column *c = cur_col(ed);
	if (!c)
		return ed_err(ed, _("No column here."));
	if (!edit_column_phase(&ed->hist, c, *a->rest ? a->rest : NULL))
		return refused(ed);
	return ed_ok(ed, RD_ALL, *a->rest ? _("Phase set.") : _("Phase cleared."));
}

/* :phasename NAME: rename the selected column's phase in every column
 * of that phase, as one edit. */
ed_result ecmd_phasename(editor *ed, const ed_args *a)
{
	sbp_column *c = cur_col(ed);
	if (!c || !c->phase)
		return ed_err(ed, _("This column has no phase (:phase NAME sets one)."));
	if (!*a->rest)
		return ed_usage(ed, "phasename");
	char *old = xstrdup(c->phase);
	size_t n = 0;
	bool ok = true;
	edit_begin(&ed->hist, _("rename phase"));
	for (size_t i = 0; ok && i < ed->bp->columns.n; i++) {
		sbp_column *o = ed->bp->columns.items[i];
		if (o->phase && !strcmp(o->phase, old)) {
			ok = edit_column_phase(&ed->hist, o, a->rest);
			n++;
		}
	}
	edit_end(&ed->hist);
	free(old);
	if (!ok) {
		edit_undo(&ed->hist);
		return refused(ed);
	}
	return ed_ok(ed, RD_ALL, P_("Phase renamed in %zu column.",
				    "Phase renamed in %zu columns.", n), n);
}

/* Parse "left|right|up|down|N" into a new index among n items. */
static bool parse_place(const char *s, size_t cur, size_t n, size_t *to)
{
	double v;
	if (!strcmp(s, "left") || !strcmp(s, "up")) {
		if (cur == 0)
			return false;
		*to = cur - 1;
	} else if (!strcmp(s, "right") || !strcmp(s, "down")) {
		if (cur + 1 >= n)
			return false;
		*to = cur + 1;
	} else if (ed_parse_number(s, &v) && v >= 1 && v <= (double)n &&
		   v == (size_t)v) {
		*to = (size_t)v - 1;
	} else {
		return false;
	}
	return true;
}

/* :colmove left|right|N. */
ed_result ecmd_colmove(editor *ed, const ed_args *a)
{
	sbp_column *c = cur_col(ed);
	size_t to;
	if (!c)
		return ed_err(ed, _("No column here."));
	if (a->argc != 1 || !parse_place(a->argv[0], c->idx, ed->bp->columns.n, &to))
		return ed_err(ed, _("Usage: :colmove left|right|N (N from 1 to %zu)."),
			      ed->bp->columns.n);
	if (to == c->idx)
		return ed_ok(ed, RD_MSG, _("The column is already there."));
	if (!edit_column_move(&ed->hist, c, to))
		return refused(ed);
	ed->col = c->idx;
	return ed_ok(ed, RD_ALL, _("Column moved."));
}

/* :coldelete: the column and its steps. */
ed_result ecmd_coldelete(editor *ed, const ed_args *a)
{
	(void)a;
	sbp_column *c = cur_col(ed);
	if (!c)
		return ed_err(ed, _("No column here."));
	if (ed->bp->columns.n == 1)
		return ed_err(ed, _("A blueprint keeps at least one column."));
	size_t n = 0;
	for (size_t l = 0; l < ed->grid.nlanes; l++)
		n += grid_cell_count(&ed->grid, l, c->idx);
	char *id = xstrdup(c->id);
	bool ok = edit_column_delete(&ed->hist, c);
	ed_result r = ok ? ed_ok(ed, RD_ALL, P_("Deleted column %s and its %zu step "
				 "(u undoes).", "Deleted column %s and its %zu steps "
				 "(u undoes).", n), id, n)
			 : refused(ed);
	free(id);
	return r;
}

/* :lane NAME ZONE: after the selected lane when it is in that zone,
 * else at the end of the zone. */
ed_result ecmd_lane(editor *ed, const ed_args *a)
{
	sbp_zone z;
	if (a->argc < 2)
		return ed_err(ed, _("Usage: :lane NAME ZONE (evidence customer "
			      "onstage backstage support)"));
	const char *zone = a->argv[a->argc - 1];
	if (!zone_parse(zone, &z))
		return ed_err(ed, _("\"%s\" is not a zone: evidence, customer, "
			      "onstage, backstage or support."), zone);
	/* the name is the text before the last word */
	size_t len = strlen(a->rest);
	while (len > 0 && (a->rest[len - 1] == ' ' || a->rest[len - 1] == '\t'))
		len--;
	while (len > 0 && a->rest[len - 1] != ' ' && a->rest[len - 1] != '\t')
		len--;
	while (len > 0 && (a->rest[len - 1] == ' ' || a->rest[len - 1] == '\t'))
		len--;
	char *name = xstrndup(a->rest, len);
	char *id = ed_slug_id(ed->bp, 'l', name, "lane");
	sbp_lane *cur = cur_lane(ed), *nl = NULL;
	bool ok = cur && cur->zone == z
		? edit_lane_insert(&ed->hist, cur->idx + 1, id, name, z, &nl)
		: edit_lane_insert_auto(&ed->hist, id, name, z, &nl);
	free(id);
	free(name);
	if (!ok)
		return refused(ed);
	ed->lane = nl->idx;
	ed->idx = 0;
	return ed_ok(ed, RD_ALL, _("Lane %s added to %s."), nl->id, zone_id(z));
}

/* :lanename NAME. */
ed_result ecmd_lanename(editor *ed, const ed_args *a)
{
	sbp_lane *l = cur_lane(ed);
	if (!l)
		return ed_err(ed, _("No lane here."));
	if (!*a->rest)
		return ed_usage(ed, "lanename");
	if (!edit_lane_rename(&ed->hist, l, a->rest))
		return refused(ed);
	return ed_ok(ed, RD_ALL, _("Lane renamed."));
}

/* :lanemove up|down|N (refused across zones). */
ed_result ecmd_lanemove(editor *ed, const ed_args *a)
{
	sbp_lane *l = cur_lane(ed);
	size_t to;
	if (!l)
		return ed_err(ed, _("No lane here."));
	if (a->argc != 1 || !parse_place(a->argv[0], l->idx, ed->bp->lanes.n, &to))
		return ed_err(ed, _("Usage: :lanemove up|down|N (N from 1 to %zu)."),
			      ed->bp->lanes.n);
	if (to == l->idx)
		return ed_ok(ed, RD_MSG, _("The lane is already there."));
	if (!edit_lane_move(&ed->hist, l, to))
		return refused(ed);
	ed->lane = l->idx;
	return ed_ok(ed, RD_ALL, _("Lane moved."));
}

/* :lanedelete: the lane and its steps. */
ed_result ecmd_lanedelete(editor *ed, const ed_args *a)
{
	(void)a;
	sbp_lane *l = cur_lane(ed);
	if (!l)
		return ed_err(ed, _("No lane here."));
	if (ed->bp->lanes.n == 1)
		return ed_err(ed, _("A blueprint keeps at least one lane."));
	size_t n = 0;
	for (size_t c = 0; c < ed->grid.ncols; c++)
		n += grid_cell_count(&ed->grid, l->idx, c);
	char *id = xstrdup(l->id);
	bool ok = edit_lane_delete(&ed->hist, l);
	ed_result r = ok ? ed_ok(ed, RD_ALL, P_("Deleted lane %s and its %zu step "
				 "(u undoes).", "Deleted lane %s and its %zu steps "
				 "(u undoes).", n), id, n)
			 : refused(ed);
	free(id);
	return r;
}

/* :title TEXT (empty clears). */
ed_result ecmd_title(editor *ed, const ed_args *a)
{
	if (!edit_title(&ed->hist, *a->rest ? a->rest : NULL))
		return refused(ed);
	return ed_ok(ed, RD_ALL, *a->rest ? _("Title set.") : _("Title cleared."));
}

/* :description TEXT (empty clears). */
ed_result ecmd_description(editor *ed, const ed_args *a)
{
	if (!edit_description(&ed->hist, *a->rest ? a->rest : NULL))
		return refused(ed);
	return ed_ok(ed, RD_ALL, *a->rest ? _("Description set.") : _("Description cleared."));
}
