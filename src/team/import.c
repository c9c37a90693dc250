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

/* One table of a file: a header row and the rows under it. */
typedef struct section {
	const char *file;
	import_table kind;
	const csv_row *rows;
	size_t n;
} section;

/* The line after the last line of row r. */
static int row_end(const csv_row *r)
{
	int line = r->line + 1;
	for (size_t i = 0; i < r->n; i++)
		for (const char *c = r->fields[i]; (c = strchr(c, '\n')); c++)
			line++;
	return line;
}

/* Is every cell of r empty (a blank row as a spreadsheet saves it)? */
static bool row_blank(const csv_row *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (*r->fields[i])
			return false;
	return true;
}

/* Split a file's rows into tables at blank lines; each table's first row
 * names its columns. A workshop grid is one table. */
static bool split(import_ctx *x, const char *file, const csv_table *t, section **secs,
		  size_t *n, size_t *cap)
{
	size_t i = 0;
	while (i < t->n) {
		while (i < t->n && row_blank(&t->rows[i]))
			i++;
		if (i == t->n)
			break;
		size_t j = i + 1;
		import_table kind = import_table_kind(&t->rows[i]);
		if (kind == TABLE_GRID && *n && !strcmp((*secs)[*n - 1].file, file)) {
			x->file = file;
			return import_fail(x, t->rows[i].line, 0, "%s",
					   _("after a blank line comes a table whose header names no columns sbp writes"));
		}
		while (j < t->n && kind != TABLE_GRID && !row_blank(&t->rows[j]) &&
		       t->rows[j].line <= row_end(&t->rows[j - 1]))
			j++;
		if (kind == TABLE_GRID)
			j = t->n;
		xgrow(secs, cap, *n + 1, sizeof **secs);
		(*secs)[(*n)++] = (section){file, kind, &t->rows[i], j - i};
		i = j;
	}
	return true;
}

/* Is section b the same table as section a (a table given twice, in the
 * whole export and as its own file)? */
static bool same_section(const section *a, const section *b)
{
	if (a->kind != b->kind || a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++) {
		if (a->rows[i].n != b->rows[i].n)
			return false;
		for (size_t k = 0; k < a->rows[i].n; k++)
			if (strcmp(a->rows[i].fields[k], b->rows[i].fields[k]))
				return false;
	}
	return true;
}

/* Read every file into x. */
static bool import_files(import_ctx *x, const import_file *files, size_t n)
{
	csv_table *tabs = xcalloc(n + 1, sizeof *tabs);
	section *secs = NULL;
	size_t ns = 0, cap = 0;
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
			ok = split(x, files[i].name, &tabs[i], &secs, &ns, &cap);
	}
	for (size_t i = 0; i < ns; i++)
		grid |= secs[i].kind == TABLE_GRID;
	if (ok && grid && ns > 1) {
		x->file = files[0].name;
		ok = import_fail(x, 0, 0, "%s", _("a workshop grid is imported on its own, one file at a time"));
	}
	/* Lanes and columns fix the order; steps before the flows that
	 * name them. */
	static const import_table order[] = {TABLE_HEAD, TABLE_LANES, TABLE_COLUMNS, TABLE_STEPS,
					     TABLE_STANDARDS, TABLE_FLOWS, TABLE_MEASUREMENTS,
					     TABLE_GRID};
	for (size_t o = 0; o < sizeof order / sizeof *order && ok; o++)
		for (size_t i = 0; i < ns && ok; i++) {
			bool dup = false;
			for (size_t j = 0; j < i && !dup; j++)
				dup = same_section(&secs[j], &secs[i]);
			if (secs[i].kind != order[o] || dup)
				continue;
			x->file = secs[i].file;
			if (secs[i].kind == TABLE_GRID) {
				const csv_table *t = NULL;
				for (size_t f = 0; f < n; f++)
					if (secs[i].rows >= tabs[f].rows &&
					    secs[i].rows < tabs[f].rows + tabs[f].n)
						t = &tabs[f];
				ok = import_grid(x, t);
				if (ok)
					node_set(x->doc, "title", title_from(secs[i].file));
			} else {
				ok = import_table_read(x, secs[i].kind, secs[i].rows, secs[i].n);
			}
		}
	if (ok)
		import_tables_finish(x);
	for (size_t i = 0; i < n; i++)
		csv_table_free(&tabs[i]);
	free(tabs);
	free(secs);
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
	x.measurements = node_new(NODE_SEQ, NULL);
	hmap_init(&x.column_ids);
	hmap_init(&x.lane_ids);
	hmap_init(&x.standard_ids);
	hmap_init(&x.step_ids);
	node_set(x.doc, "sbp", node_num(1));
	bool ok = import_files(&x, files, n);
	if (!x.lanes_table)
		sort_lanes(x.lanes);
	sbp_node *lists[] = {x.columns, x.lanes, x.standards, x.steps, x.flows, x.measurements};
	static const char *const keys[] = {"columns", "lanes", "standards", "steps", "flows",
					   "measurements"};
	for (size_t i = 0; i < 6; i++) {
		if (ok && (lists[i]->n || i < 2))
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
