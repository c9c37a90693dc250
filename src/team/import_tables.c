/* sbp import: the tables `sbp export -f csv` writes, read back by their
 * header names (English or Chinese) through the same column list the
 * export writes (sbp/csv_tables.h, walked from the field tables), so that
 * export then import gives the same blueprint. Derived columns (flagged,
 * below_goal, a lane's zone beside its id...) are skipped once the lanes
 * and columns are known; a column this reader does not know becomes the
 * field of the same name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/i18n.h"
#include "import_internal.h"

#define MAX_COLS 64

/* A header row matched against the columns of one kind of table. */
typedef struct tab_head {
	const csv_row *row;
	int kind;
	csv_col cols[MAX_COLS];
	size_t nc;
	int at[MAX_COLS]; /* header cell of each column, or -1 */
} tab_head;

/* Match a header row against the columns of kind k. */
static void head_match(tab_head *h, const csv_row *row, int k)
{
	h->row = row;
	h->kind = k;
	h->nc = csv_columns(k, h->cols, MAX_COLS);
	for (size_t c = 0; c < h->nc; c++) {
		h->at[c] = -1;
		for (size_t i = 0; i < row->n && h->at[c] < 0; i++)
			if (csv_header_is(row->fields[i], h->cols[c].name))
				h->at[c] = (int)i;
	}
}

/* The header cell of the column named name, or -1. */
static int head_col(const tab_head *h, const char *name)
{
	for (size_t c = 0; c < h->nc; c++)
		if (!strcmp(h->cols[c].name, name))
			return h->at[c];
	return -1;
}

/* The cell of row r under column name ("" when absent). */
static const char *cell(const tab_head *h, const csv_row *r, const char *name)
{
	int c = head_col(h, name);
	return c < 0 ? "" : csv_unguard(csv_field(r, (size_t)c));
}

/* Fail at the cell of row r under column name. */
static bool cell_fail(import_ctx *x, const tab_head *h, const csv_row *r, const char *name,
		      const char *fmt, const char *arg)
{
	return import_fail(x, r->line, head_col(h, name) + 1, fmt, arg);
}

/* An id cell that must be present and valid. */
static const char *need_id(import_ctx *x, const tab_head *h, const csv_row *r,
			   const char *name)
{
	const char *s = cell(h, r, name);
	if (!sbp_id_valid(s)) {
		cell_fail(x, h, r, name,
			  *s ? _("'%s' is not a valid id (1-64 letters, digits, '-', '_', '.')")
			     : _("the %s cell is empty"), *s ? s : name);
		return NULL;
	}
	return s;
}

/* Is a yes/no cell yes? */
static bool yes(const char *s)
{
	return !strcmp(s, "yes") || !strcmp(s, "true") || !strcmp(s, "1") || !strcmp(s, "y") ||
	       !strcmp(s, "是");
}

/* ids separated by blanks (a step's standards, ignore:) as a sequence. */
static bool put_ids(import_ctx *x, const tab_head *h, const csv_row *r, const char *name,
		    sbp_node *m, const char *key)
{
	char *copy = xstrdup(cell(h, r, name)), *save = NULL;
	sbp_node *seq = NULL;
	bool ok = true;
	for (char *id = strtok_r(copy, " ,;\t\r\n", &save); id && ok;
	     id = strtok_r(NULL, " ,;\t\r\n", &save)) {
		if (!sbp_id_valid(id)) {
			ok = cell_fail(x, h, r, name, _("'%s' is not a valid id"), id);
			break;
		}
		if (!seq)
			node_set(m, key, seq = node_new(NODE_SEQ, NULL));
		node_push(seq, node_str(id));
	}
	free(copy);
	return ok;
}

/* The lane of a step row (an id already checked). */
static const sbp_node *row_lane(import_ctx *x, const tab_head *h, const csv_row *r)
{
	return hmap_get(&x->lane_ids, cell(h, r, "lane"));
}

/* Column c of row r into m (a point's field into its point map). */
static bool put_col(import_ctx *x, const tab_head *h, size_t c, const csv_row *r, sbp_node *m)
{
	const csv_col *col = &h->cols[c];
	const sbp_field *f = col->sub ? col->sub : col->f;
	const char *s = csv_unguard(csv_field(r, (size_t)h->at[c]));
	char err[256];
	sbp_field_value v;

	if (col->sub && *s && !node_get(m, col->f->key))
		node_set(m, col->f->key, node_new(NODE_MAP, NULL));
	if (col->sub)
		m = node_get(m, col->f->key);
	if (!*s) {
		if (f->type == FT_NAME && !col->sub)
			node_set(m, f->key, node_str(""));
		return true;
	}
	switch (f->type) {
	case FT_REF:
		if (!sbp_id_valid(s))
			return cell_fail(x, h, r, col->name, _("'%s' is not a valid id"), s);
		node_set(m, f->key, node_str(s));
		return true;
	case FT_REFS:
		return put_ids(x, h, r, col->name, m, f->key);
	case FT_MARK: { /* true/false: the mark; yes/no: what the step is */
		bool explicit = !strcmp(s, "true") || !strcmp(s, "false");
		const sbp_node *lane = row_lane(x, h, r);
		bool onstage = lane && !strcmp(node_get(lane, "zone")->text, "onstage");
		if (explicit || yes(s) != onstage)
			node_set(m, f->key, node_bool(yes(s)));
		return true;
	}
	default:
		break;
	}
	sbp_zone z;
	if (!strcmp(f->key, "zone") && (zone_parse(s, &z) || import_zone_from_name(s, &z))) {
		node_set(m, f->key, node_str(zone_id(z)));
		return true;
	}
	if (!field_parse_text(f, s, &v, err, sizeof err))
		return import_fail(x, r->line, h->at[c] + 1, "%s", err);
	if (f->type == FT_NUMBER || f->type == FT_MINUTES || f->type == FT_COUNT)
		node_set(m, f->key, node_num(v.num));
	else if (f->type == FT_SEVERITY)
		node_set(m, f->key, node_num(v.i));
	else
		node_set(m, f->key, import_text(s));
	return true;
}

/* Every header cell no column claimed: the field of the same name (a
 * number when the cell is one), for columns added in a spreadsheet. */
static void put_others(const tab_head *h, const csv_row *r, sbp_node *m)
{
	for (size_t i = 0; i < h->row->n; i++) {
		const char *key = h->row->fields[i], *v = csv_unguard(csv_field(r, i));
		bool skip = !*v || !sbp_id_valid(key) || node_get(m, key);
		for (size_t c = 0; c < h->nc && !skip; c++)
			skip = h->at[c] == (int)i || !strcmp(h->cols[c].name, key);
		if (skip)
			continue;
		char *end;
		double d = strtod(v, &end);
		if (!*end && end != v && d == d && v[0] != '+' && v[0] != ' ' && v[0] != '.')
			node_set(m, key, node_num(d));
		else
			node_set(m, key, import_text(v));
	}
}

/* The fields of row r into m, then the other columns and the yaml cell. */
static bool put_row(import_ctx *x, const tab_head *h, const csv_row *r, sbp_node *m)
{
	for (size_t c = 0; c < h->nc; c++) {
		const csv_col *col = &h->cols[c];
		if (h->at[c] < 0 || col->yaml || col->derived >= 0 || node_get(m, col->name))
			continue;
		if (col->f && col->f->type == FT_ID)
			continue; /* set by the caller */
		if (!put_col(x, h, c, r, m))
			return false;
	}
	for (size_t i = 0; i < m->n; i++) /* a point whose text cell is empty */
		if (m->items[i]->kind == NODE_MAP && !node_get(m->items[i], "text"))
			node_set(m->items[i], "text", node_str(""));
	put_others(h, r, m);
	int y = head_col(h, CSV_YAML_COLUMN);
	return import_yaml_cell(x, m, y < 0 ? "" : csv_field(r, (size_t)y), r->line, y + 1);
}

/* The lane and column a step row names, added on first sight. */
static bool tab_place(import_ctx *x, const tab_head *h, const csv_row *r)
{
	const char *lane = need_id(x, h, r, "lane"), *col;
	if (!lane || !(col = need_id(x, h, r, "column")))
		return false;
	if (!hmap_get(&x->lane_ids, lane)) {
		sbp_zone z;
		const char *zs = cell(h, r, "zone");
		if (!zone_parse(zs, &z) && !import_zone_from_name(zs, &z))
			return cell_fail(x, h, r, "zone",
					 _("'%s' is not a zone (evidence, customer, onstage, backstage or support)"), zs);
		const char *name = cell(h, r, "lane_name");
		sbp_node *l = node_new(NODE_MAP, NULL);
		node_set(l, "id", node_str(lane));
		node_set(l, "name", import_text(*name ? name : lane));
		node_set(l, "zone", node_str(zone_id(z)));
		import_add(x->lanes, &x->lane_ids, l);
	}
	if (!hmap_get(&x->column_ids, col)) {
		const char *name = cell(h, r, "column_name"), *phase = cell(h, r, "phase");
		sbp_node *c = node_new(NODE_MAP, NULL);
		node_set(c, "id", node_str(col));
		node_set(c, "name", import_text(*name ? name : col));
		if (*phase)
			node_set(c, "phase", import_text(phase));
		import_add(x->columns, &x->column_ids, c);
	}
	return true;
}

/* The list and id index of objects of kind k (NULL index: no ids). */
static sbp_node *list_of(import_ctx *x, int k, hmap **ids)
{
	*ids = NULL;
	switch (k) {
	case SBP_OBJ_COLUMN: *ids = &x->column_ids; return x->columns;
	case SBP_OBJ_LANE: *ids = &x->lane_ids; return x->lanes;
	case SBP_OBJ_STANDARD: *ids = &x->standard_ids; return x->standards;
	case SBP_OBJ_STEP: *ids = &x->step_ids; return x->steps;
	case SBP_OBJ_FLOW: return x->flows;
	default: return x->measurements;
	}
}

/* One row of a table of objects of kind k. */
static bool tab_object(import_ctx *x, const tab_head *h, const csv_row *r)
{
	hmap *ids;
	sbp_node *list = list_of(x, h->kind, &ids), *m = node_new(NODE_MAP, NULL);
	const char *id = NULL;
	bool ok = true;

	if (ids) {
		ok = (id = need_id(x, h, r, "id")) != NULL;
		if (ok && hmap_get(ids, id))
			ok = cell_fail(x, h, r, "id", _("id '%s' is used twice"), id);
		if (ok)
			node_set(m, "id", node_str(id));
	}
	if (ok && h->kind == SBP_OBJ_STEP)
		ok = tab_place(x, h, r);
	if (ok && h->kind == SBP_OBJ_FLOW)
		for (int i = 0; i < 2 && ok; i++) {
			const char *end = i ? "to" : "from", *sid = need_id(x, h, r, end);
			ok = sid && (hmap_get(&x->step_ids, sid) ||
				     cell_fail(x, h, r, end, _("no step has the id '%s' (import the steps table with the flows)"), sid));
		}
	ok = ok && put_row(x, h, r, m);
	if (!ok) {
		node_free(m);
		return false;
	}
	if (ids)
		import_add(list, ids, m);
	else
		node_push(list, m);
	return true;
}

/* The row of the blueprint's own keys. */
static bool tab_head_row(import_ctx *x, const tab_head *h, const csv_row *r)
{
	static const char *const texts[] = {"lang", "title", "description", NULL};
	for (size_t i = 0; texts[i]; i++)
		if (*cell(h, r, texts[i]))
			import_merge(x->doc, texts[i], import_text(cell(h, r, texts[i])));
	if (!put_ids(x, h, r, "ignore", x->doc, "ignore"))
		return false;
	int y = head_col(h, CSV_YAML_COLUMN);
	return import_yaml_cell(x, x->doc, y < 0 ? "" : csv_field(r, (size_t)y), r->line, y + 1);
}

/* The columns each kind of table must have, in the order kinds are
 * told apart (a steps table has a zone column too). */
static const struct {
	import_table table;
	int kind;
	const char *need[4];
} signatures[] = {
	{TABLE_STEPS, SBP_OBJ_STEP, {"id", "lane", "column", "text"}},
	{TABLE_STANDARDS, SBP_OBJ_STANDARD, {"id", "name", "kind"}},
	{TABLE_LANES, SBP_OBJ_LANE, {"id", "name", "zone"}},
	{TABLE_FLOWS, SBP_OBJ_FLOW, {"from", "to"}},
	{TABLE_MEASUREMENTS, SBP_OBJ_MEASUREMENT, {"date", "standard"}},
	{TABLE_COLUMNS, SBP_OBJ_COLUMN, {"id", "name"}},
};

/* Are most of a header's names columns of kind k (or x- keys), as in a
 * table sbp wrote, rather than a workshop grid's column names? */
static bool mostly_known(const csv_row *head, int k)
{
	tab_head h;
	size_t known = 0, named = 0;
	head_match(&h, head, k);
	for (size_t i = 0; i < head->n; i++) {
		bool hit = !strncmp(head->fields[i], "x-", 2);
		for (size_t c = 0; c < h.nc && !hit; c++)
			hit = h.at[c] == (int)i;
		named += *head->fields[i] != '\0';
		known += hit;
	}
	return 2 * known >= named;
}

/* Which table a header is. */
import_table import_table_kind(const csv_row *head)
{
	for (size_t s = 0; s < sizeof signatures / sizeof *signatures; s++) {
		bool all = true;
		for (size_t i = 0; i < 4 && signatures[s].need[i] && all; i++) {
			all = false;
			for (size_t c = 0; c < head->n && !all; c++)
				all = csv_header_is(head->fields[c], signatures[s].need[i]);
		}
		if (all && mostly_known(head, signatures[s].kind))
			return signatures[s].table;
	}
	tab_head h;
	head_match(&h, head, CSV_OBJ_HEAD);
	for (size_t c = 0; c < h.nc; c++)
		if (h.at[c] >= 0 && mostly_known(head, CSV_OBJ_HEAD))
			return TABLE_HEAD;
	return TABLE_GRID;
}

/* One table (its header and n - 1 rows) read into the document. */
bool import_table_read(import_ctx *x, import_table kind, const csv_row *rows, size_t n)
{
	int k = CSV_OBJ_HEAD;
	for (size_t s = 0; s < sizeof signatures / sizeof *signatures; s++)
		if (signatures[s].table == kind)
			k = signatures[s].kind;
	tab_head h;
	head_match(&h, &rows[0], k);
	if (kind == TABLE_LANES)
		x->lanes_table = true;
	for (size_t i = 1; i < n; i++) {
		bool ok = kind == TABLE_HEAD ? (i == 1 ? tab_head_row(x, &h, &rows[i]) : true)
					     : tab_object(x, &h, &rows[i]);
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
