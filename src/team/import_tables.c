/* sbp import: the tables `sbp export -f csv` writes (steps, standards,
 * flows) read back by their header names, so that export then import
 * gives the same blueprint. Columns that a table derives (flagged,
 * below_goal, a lane's zone beside its id...) are read where they carry
 * the object's own data and skipped otherwise; a column this reader does
 * not know becomes the field of the same name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/i18n.h"
#include "import_internal.h"

/* Columns that are derived from the blueprint, never fields of their own. */
static const char *const derived[] = {
	"flagged", "below_goal", "steps", "from_lane", "to_lane", "from_column",
	"to_column", "lane_name", "zone", "column_name", "phase", NULL,
};

/* Column index of name in the header, or -1. */
static int tab_col(const csv_row *head, const char *name)
{
	for (size_t i = 0; i < head->n; i++)
		if (!strcmp(head->fields[i], name))
			return (int)i;
	return -1;
}

/* A cell without the apostrophe export puts before text that a
 * spreadsheet would take for a formula (=, +, -, @, tab, CR). */
static const char *unformula(const char *s)
{
	return s[0] == '\'' && s[1] && strchr("=+-@\t\r", s[1]) ? s + 1 : s;
}

/* The cell of row r under column name ("" when absent). */
static const char *tab_get(const csv_row *head, const csv_row *r, const char *name)
{
	int c = tab_col(head, name);
	return c < 0 ? "" : unformula(csv_field(r, (size_t)c));
}

/* Fail with a message at the cell of row r under column name. */
static bool tab_fail(import_ctx *x, const csv_row *head, const csv_row *r,
		     const char *name, const char *fmt, const char *arg)
{
	return import_fail(x, r->line, name ? tab_col(head, name) + 1 : 0, fmt, arg);
}

/* Set key to a number cell; false (error set) when it is not one. */
static bool put_num(import_ctx *x, sbp_node *m, const char *key, const char *field,
		    const csv_row *head, const csv_row *r)
{
	const char *s = tab_get(head, r, field);
	char *end;
	if (!*s)
		return true;
	double v = strtod(s, &end);
	if (end == s || *end || v != v)
		return tab_fail(x, head, r, field, _("'%s' is not a number"), s);
	node_set(m, key, node_num(v));
	return true;
}

/* Set key to a text cell unless it is empty. */
static void put_text(sbp_node *m, const char *key, const char *s)
{
	if (*s)
		node_set(m, key, import_text(s));
}

/* Every column of the header this reader does not know: the field of the
 * same name (a number when the cell is one). */
static void put_others(sbp_node *m, const csv_row *head, const csv_row *r,
		       const char *const *known)
{
	for (size_t i = 0; i < head->n; i++) {
		const char *key = head->fields[i], *v = unformula(csv_field(r, i));
		bool skip = !*v || !sbp_id_valid(key) || node_get(m, key);
		for (size_t k = 0; !skip && known[k]; k++)
			skip = !strcmp(key, known[k]);
		for (size_t k = 0; !skip && derived[k]; k++)
			skip = !strcmp(key, derived[k]);
		if (skip)
			continue;
		char *end;
		double d = strtod(v, &end);
		if (!*end && end != v && d == d && v[0] != '+' && v[0] != ' ' && v[0] != '.')
			node_set(m, key, node_num(d));
		else
			put_text(m, key, v);
	}
}

/* An id cell that must be present and valid. */
static const char *need_id(import_ctx *x, const csv_row *head, const csv_row *r,
			   const char *field)
{
	const char *s = tab_get(head, r, field);
	if (!sbp_id_valid(s)) {
		tab_fail(x, head, r, field,
			 *s ? _("'%s' is not a valid id (1-64 letters, digits, '-', '_', '.')")
			    : _("the %s cell is empty"), *s ? s : field);
		return NULL;
	}
	return s;
}

/* The lane and column a step row names, added on first sight. */
static bool tab_place(import_ctx *x, const csv_row *head, const csv_row *r)
{
	const char *lane = need_id(x, head, r, "lane"), *col;
	if (!lane || !(col = need_id(x, head, r, "column")))
		return false;
	if (!hmap_get(&x->lane_ids, lane)) {
		sbp_zone z;
		const char *zs = tab_get(head, r, "zone");
		if (!zone_parse(zs, &z) && !import_zone_from_name(zs, &z))
			return tab_fail(x, head, r, "zone",
					_("'%s' is not a zone (evidence, customer, onstage, backstage or support)"), zs);
		const char *name = tab_get(head, r, "lane_name");
		sbp_node *l = node_new(NODE_MAP, NULL);
		node_set(l, "id", node_str(lane));
		node_set(l, "name", import_text(*name ? name : lane));
		node_set(l, "zone", node_str(zone_id(z)));
		import_add(x->lanes, &x->lane_ids, l);
	}
	if (!hmap_get(&x->column_ids, col)) {
		const char *name = tab_get(head, r, "column_name");
		sbp_node *c = node_new(NODE_MAP, NULL);
		node_set(c, "id", node_str(col));
		node_set(c, "name", import_text(*name ? name : col));
		put_text(c, "phase", tab_get(head, r, "phase"));
		import_add(x->columns, &x->column_ids, c);
	}
	return true;
}

/* Is a yes/no cell yes? */
static bool yes(const char *s)
{
	return !strcmp(s, "yes") || !strcmp(s, "true") || !strcmp(s, "1") || !strcmp(s, "y");
}

/* A step's standards cell: ids separated by blanks. */
static bool tab_step_standards(import_ctx *x, sbp_node *s, const csv_row *head,
			       const csv_row *r)
{
	const char *cell = tab_get(head, r, "standards");
	sbp_node *seq = NULL;
	char *copy = xstrdup(cell), *save = NULL;
	bool ok = true;

	for (char *id = strtok_r(copy, " ,;\t\r\n", &save); id && ok;
	     id = strtok_r(NULL, " ,;\t\r\n", &save)) {
		if (!sbp_id_valid(id)) {
			ok = tab_fail(x, head, r, "standards", _("'%s' is not a valid standard id"), id);
			break;
		}
		if (!seq)
			node_set(s, "standards", seq = node_new(NODE_SEQ, NULL));
		node_push(seq, node_str(id));
	}
	free(copy);
	return ok;
}

/* The point (wait or fail) of a step row, when any of its cells is set. */
static bool tab_point(import_ctx *x, sbp_node *s, const csv_row *head, const csv_row *r,
		      bool wait)
{
	const char *text = wait ? "wait" : "fail";
	const char *n1 = wait ? "wait_expected" : "fail_severity";
	const char *n2 = wait ? "wait_tolerable" : "fail_recovery";
	if (!*tab_get(head, r, text) && !*tab_get(head, r, n1) && !*tab_get(head, r, n2))
		return true;
	sbp_node *p = node_new(NODE_MAP, NULL);
	node_set(s, text, p);
	node_set(p, "text", import_text(tab_get(head, r, text)));
	if (!put_num(x, p, wait ? "expected" : "severity", n1, head, r))
		return false;
	if (wait)
		return put_num(x, p, "tolerable", n2, head, r);
	put_text(p, "recovery", tab_get(head, r, n2));
	return true;
}

/* One row of the steps table. */
static bool tab_step(import_ctx *x, const csv_row *head, const csv_row *r)
{
	static const char *const known[] = {
		"id", "lane", "column", "text", "notes", "encounter", "standards",
		"duration", "fail", "fail_severity", "fail_recovery", "wait",
		"wait_expected", "wait_tolerable", NULL,
	};
	const char *id = need_id(x, head, r, "id");
	if (!id || !tab_place(x, head, r))
		return false;
	if (hmap_get(&x->step_ids, id))
		return tab_fail(x, head, r, "id", _("step id '%s' is used twice"), id);
	sbp_node *s = node_new(NODE_MAP, NULL);
	node_set(s, "id", node_str(id));
	node_set(s, "lane", node_str(tab_get(head, r, "lane")));
	node_set(s, "column", node_str(tab_get(head, r, "column")));
	node_set(s, "text", import_text(tab_get(head, r, "text")));
	put_text(s, "notes", tab_get(head, r, "notes"));
	const char *enc = tab_get(head, r, "encounter");
	const sbp_node *lane = hmap_get(&x->lane_ids, tab_get(head, r, "lane"));
	bool onstage = !strcmp(node_get(lane, "zone")->text, "onstage");
	if (*enc && yes(enc) != onstage)
		node_set(s, "encounter", node_bool(yes(enc)));
	if (!put_num(x, s, "duration", "duration", head, r) ||
	    !tab_step_standards(x, s, head, r) || !tab_point(x, s, head, r, true) ||
	    !tab_point(x, s, head, r, false)) {
		node_free(s);
		return false;
	}
	put_others(s, head, r, known);
	import_add(x->steps, &x->step_ids, s);
	return true;
}

/* One row of the standards table. */
static bool tab_standard(import_ctx *x, const csv_row *head, const csv_row *r)
{
	static const char *const known[] = {"id", "name", "kind", "weight", "goal", "actual", NULL};
	static const char *const texts[] = {"measure", "target", "dimension", "feedback",
					    "better", NULL};
	const char *id = need_id(x, head, r, "id");
	if (!id)
		return false;
	if (hmap_get(&x->standard_ids, id))
		return tab_fail(x, head, r, "id", _("standard id '%s' is used twice"), id);
	const char *kind = tab_get(head, r, "kind");
	if (strcmp(kind, "hard") && strcmp(kind, "soft"))
		return tab_fail(x, head, r, "kind", _("'%s' is not a kind of standard (hard or soft)"), kind);
	sbp_node *s = node_new(NODE_MAP, NULL);
	node_set(s, "id", node_str(id));
	node_set(s, "name", import_text(tab_get(head, r, "name")));
	node_set(s, "kind", node_str(kind));
	for (size_t i = 0; texts[i]; i++)
		put_text(s, texts[i], tab_get(head, r, texts[i]));
	if (!put_num(x, s, "weight", "weight", head, r) || !put_num(x, s, "goal", "goal", head, r) ||
	    !put_num(x, s, "actual", "actual", head, r)) {
		node_free(s);
		return false;
	}
	put_others(s, head, r, known);
	import_add(x->standards, &x->standard_ids, s);
	return true;
}

/* One row of the flows table (after every steps table). */
static bool tab_flow(import_ctx *x, const csv_row *head, const csv_row *r)
{
	static const char *const known[] = {"from", "to", "label", NULL};
	const char *from = need_id(x, head, r, "from"), *to;
	if (!from || !(to = need_id(x, head, r, "to")))
		return false;
	if (!hmap_get(&x->step_ids, from))
		return tab_fail(x, head, r, "from", _("no step has the id '%s' (import the steps table with the flows)"), from);
	if (!hmap_get(&x->step_ids, to))
		return tab_fail(x, head, r, "to", _("no step has the id '%s' (import the steps table with the flows)"), to);
	sbp_node *f = node_new(NODE_MAP, NULL);
	node_set(f, "from", node_str(from));
	node_set(f, "to", node_str(to));
	put_text(f, "label", tab_get(head, r, "label"));
	put_others(f, head, r, known);
	node_push(x->flows, f);
	return true;
}

/* A row of a lanes table (id, name, zone) or a columns table (id, name,
 * phase): these fix the order and keep lanes and columns no step uses. */
static bool tab_lane_or_column(import_ctx *x, const csv_row *head, const csv_row *r,
			       bool lane)
{
	static const char *const known[] = {"id", "name", NULL};
	const char *id = need_id(x, head, r, "id");
	if (!id)
		return false;
	if (hmap_get(lane ? &x->lane_ids : &x->column_ids, id))
		return tab_fail(x, head, r, "id", _("id '%s' is used twice"), id);
	sbp_node *o = node_new(NODE_MAP, NULL);
	node_set(o, "id", node_str(id));
	node_set(o, "name", import_text(tab_get(head, r, "name")));
	if (lane) {
		sbp_zone z;
		const char *zs = tab_get(head, r, "zone");
		if (!zone_parse(zs, &z) && !import_zone_from_name(zs, &z)) {
			node_free(o);
			return tab_fail(x, head, r, "zone",
					_("'%s' is not a zone (evidence, customer, onstage, backstage or support)"), zs);
		}
		node_set(o, "zone", node_str(zone_id(z)));
	} else {
		put_text(o, "phase", tab_get(head, r, "phase"));
	}
	put_others(o, head, r, known);
	import_add(lane ? x->lanes : x->columns, lane ? &x->lane_ids : &x->column_ids, o);
	return true;
}

/* The row of a blueprint table (title, description, lang...): the
 * document's own keys. */
static bool tab_head(import_ctx *x, const csv_row *head, const csv_row *r)
{
	static const char *const known[] = {"sbp", NULL};
	sbp_node *m = node_new(NODE_MAP, NULL);
	put_others(m, head, r, known);
	for (size_t i = 0; i < m->n; i++)
		node_set(x->doc, m->keys[i], node_clone(m->items[i]));
	node_free(m);
	return true;
}

/* Which table a header is. */
import_table import_table_kind(const csv_row *head)
{
	bool id = tab_col(head, "id") >= 0, name = tab_col(head, "name") >= 0;
	if (id && tab_col(head, "lane") >= 0 && tab_col(head, "column") >= 0 &&
	    tab_col(head, "text") >= 0)
		return TABLE_STEPS;
	if (id && name && tab_col(head, "kind") >= 0)
		return TABLE_STANDARDS;
	if (id && name && tab_col(head, "zone") >= 0)
		return TABLE_LANES;
	if (id && name)
		return TABLE_COLUMNS;
	if (tab_col(head, "from") >= 0 && tab_col(head, "to") >= 0)
		return TABLE_FLOWS;
	if (tab_col(head, "title") >= 0 || tab_col(head, "description") >= 0)
		return TABLE_HEAD;
	return TABLE_GRID;
}

/* One table read into the document. */
bool import_table_read(import_ctx *x, import_table kind, const csv_table *t)
{
	const csv_row *head = &t->rows[0];
	for (size_t i = 1; i < t->n; i++) {
		const csv_row *r = &t->rows[i];
		bool ok = kind == TABLE_STEPS ? tab_step(x, head, r)
			  : kind == TABLE_STANDARDS ? tab_standard(x, head, r)
			  : kind == TABLE_LANES ? tab_lane_or_column(x, head, r, true)
			  : kind == TABLE_COLUMNS ? tab_lane_or_column(x, head, r, false)
			  : kind == TABLE_HEAD ? (i == 1 ? tab_head(x, head, r) : true)
						: tab_flow(x, head, r);
		if (!ok)
			return false;
	}
	return true;
}

/* Standards that steps name but no standards table defined: a stub each,
 * so the blueprint loads (its name is its id). */
void import_tables_finish(import_ctx *x)
{
	for (size_t i = 0; i < x->steps->n; i++) {
		const sbp_node *ids = node_get(x->steps->items[i], "standards");
		for (size_t k = 0; ids && k < ids->n; k++) {
			const char *id = ids->items[k]->text;
			if (hmap_get(&x->standard_ids, id))
				continue;
			sbp_node *s = node_new(NODE_MAP, NULL);
			node_set(s, "id", node_str(id));
			node_set(s, "name", node_str(id));
			node_set(s, "kind", node_str("hard"));
			import_add(x->standards, &x->standard_ids, s);
		}
	}
}
