/* sbp import -f csv: read the files, tell the exported tables from a
 * workshop grid, and assemble the blueprint document. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/i18n.h"
#include "import_internal.h"

/* Append obj to seq and index it by its id. */
void import_add(sbp_node *seq, hmap *ids, sbp_node *obj)
{
	node_push(seq, obj);
	hmap_put(ids, node_get(obj, "id")->text, obj);
}

/* A string node of s with CRLF made LF. */
sbp_node *import_text(const char *s)
{
	sbp_buf b;
	buf_init(&b);
	for (; *s; s++)
		if (!(s[0] == '\r' && s[1] == '\n'))
			buf_putc(&b, *s);
	sbp_node *n = node_str(b.data ? b.data : "");
	buf_free(&b);
	return n;
}

/* Fail at line/col with a message. */
bool import_fail(import_ctx *x, int line, int col, const char *fmt, const char *arg)
{
	x->err->file = x->file;
	x->err->line = line;
	x->err->col = col;
	snprintf(x->err->msg, sizeof x->err->msg, fmt, arg);
	return false;
}

/* Lanes in zone order, keeping their order within a zone. */
static void sort_lanes(sbp_node *lanes)
{
	for (size_t i = 1; i < lanes->n; i++) {
		sbp_node *l = lanes->items[i];
		sbp_zone z, zj;
		zone_parse(node_get(l, "zone")->text, &z);
		size_t j = i;
		while (j > 0 && (zone_parse(node_get(lanes->items[j - 1], "zone")->text, &zj), zj > z)) {
			lanes->items[j] = lanes->items[j - 1];
			j--;
		}
		lanes->items[j] = l;
	}
}

/* The document's title from a file name: its base name without the
 * extension. */
static sbp_node *title_from(const char *name)
{
	const char *base = strrchr(name, '/');
	base = base ? base + 1 : name;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot > base ? (size_t)(dot - base) : strlen(base);
	char *t = xstrndup(base, n);
	sbp_node *node = node_str(t);
	free(t);
	return node;
}

/* Read every file into x. */
static bool import_files(import_ctx *x, const import_file *files, size_t n)
{
	csv_table *tabs = xcalloc(n + 1, sizeof *tabs);
	import_table *kinds = xcalloc(n + 1, sizeof *kinds);
	bool ok = true, grid = false;

	for (size_t i = 0; i < n && ok; i++) {
		int line, col;
		char msg[256];
		x->file = files[i].name;
		if (!csv_read(files[i].data, files[i].len, 0, &tabs[i], &line, &col, msg, sizeof msg))
			ok = import_fail(x, line, col, "%s", msg);
		else if (tabs[i].n == 0)
			ok = import_fail(x, 0, 0, "%s", _("the file holds no rows"));
		else
			kinds[i] = import_table_kind(&tabs[i].rows[0]);
		grid |= ok && kinds[i] == TABLE_GRID;
	}
	if (ok && grid && n > 1) {
		x->file = files[0].name;
		ok = import_fail(x, 0, 0, "%s", _("a workshop grid is imported on its own, one file at a time"));
	}
	/* Steps first: the flows table names them. */
	static const import_table order[] = {TABLE_HEAD, TABLE_LANES, TABLE_COLUMNS, TABLE_STEPS,
					     TABLE_STANDARDS, TABLE_FLOWS, TABLE_GRID};
	for (size_t o = 0; o < sizeof order / sizeof *order && ok; o++)
		for (size_t i = 0; i < n && ok; i++) {
			if (kinds[i] != order[o])
				continue;
			x->file = files[i].name;
			ok = kinds[i] == TABLE_GRID ? import_grid(x, &tabs[i])
						    : import_table_read(x, kinds[i], &tabs[i]);
			if (ok && kinds[i] == TABLE_GRID)
				node_set(x->doc, "title", title_from(files[i].name));
		}
	if (ok)
		import_tables_finish(x);
	for (size_t i = 0; i < n; i++)
		csv_table_free(&tabs[i]);
	free(tabs);
	free(kinds);
	return ok;
}

/* Build the blueprint document from the files. */
sbp_node *import_csv(const import_file *files, size_t n, import_error *err)
{
	import_ctx x;

	memset(&x, 0, sizeof x);
	memset(err, 0, sizeof *err);
	x.err = err;
	x.doc = node_new(NODE_MAP, NULL);
	x.columns = node_new(NODE_SEQ, NULL);
	x.lanes = node_new(NODE_SEQ, NULL);
	x.standards = node_new(NODE_SEQ, NULL);
	x.steps = node_new(NODE_SEQ, NULL);
	x.flows = node_new(NODE_SEQ, NULL);
	hmap_init(&x.column_ids);
	hmap_init(&x.lane_ids);
	hmap_init(&x.standard_ids);
	hmap_init(&x.step_ids);
	node_set(x.doc, "sbp", node_num(1));
	bool ok = import_files(&x, files, n);
	sort_lanes(x.lanes);
	sbp_node *lists[] = {x.columns, x.lanes, x.standards, x.steps, x.flows};
	static const char *const keys[] = {"columns", "lanes", "standards", "steps", "flows"};
	for (size_t i = 0; i < 5; i++) {
		if (ok && (lists[i]->n || i == 0))
			node_set(x.doc, keys[i], lists[i]);
		else
			node_free(lists[i]);
	}
	hmap_free(&x.column_ids);
	hmap_free(&x.lane_ids);
	hmap_free(&x.standard_ids);
	hmap_free(&x.step_ids);
	if (!ok) {
		node_free(x.doc);
		return NULL;
	}
	return x.doc;
}
