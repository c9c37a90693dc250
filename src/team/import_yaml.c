/* sbp import: the yaml column of the exported tables (sbp/csv_tables.h),
 * a YAML flow mapping of what no other column holds, read through the
 * blueprint loader itself so that every value keeps its YAML type, and
 * merged into the object a row built. */
#include <stdlib.h>
#include <string.h>

#include "sbp/i18n.h"
#include "sbp/io.h"
#include "import_internal.h"

/* Set key of map to value (taken), replacing a value already there, or
 * merging into it when both are mappings. */
void import_merge(sbp_node *map, const char *key, sbp_node *value)
{
	for (size_t i = 0; i < map->n; i++) {
		if (strcmp(map->keys[i], key) != 0)
			continue;
		if (map->items[i]->kind == NODE_MAP && value->kind == NODE_MAP) {
			for (size_t k = 0; k < value->n; k++) {
				import_merge(map->items[i], value->keys[k], value->items[k]);
				value->items[k] = NULL;
			}
			node_free(value);
		} else {
			node_free(map->items[i]);
			map->items[i] = value;
		}
		return;
	}
	node_set(map, key, value);
}

/* The mapping a yaml cell holds, or NULL when it is not one. */
static sbp_node *yaml_map(const char *cell)
{
	sbp_buf doc;
	sbp_diags d;
	buf_init(&doc);
	diags_init(&d);
	buf_puts(&doc, "sbp: 1\ncolumns: []\nlanes: []\nv: ");
	for (const char *s = cell; *s; s++) {
		buf_putc(&doc, *s);
		if (*s == '\n')
			buf_puts(&doc, "  ");
	}
	buf_putc(&doc, '\n');
	sbp_blueprint *bp = sbp_load_buffer(doc.data, doc.len, NULL, &d);
	sbp_node *m = NULL;
	if (bp && bp->extras.n == 1 && bp->extras.items[0].value->kind == NODE_MAP)
		m = node_clone(bp->extras.items[0].value);
	blueprint_free(bp);
	diags_free(&d);
	buf_free(&doc);
	return m;
}

/* Merge a yaml cell into obj; false (error at line/col) when the cell is
 * not a YAML mapping. */
bool import_yaml_cell(import_ctx *x, sbp_node *obj, const char *cell, int line, int col)
{
	if (!*cell)
		return true;
	sbp_node *m = yaml_map(cell);
	if (!m)
		return import_fail(x, line, col, _("'%s' is not a YAML mapping such as {x-owner: Ana}"), cell);
	for (size_t i = 0; i < m->n; i++) {
		import_merge(obj, m->keys[i], m->items[i]);
		m->items[i] = NULL;
	}
	node_free(m);
	return true;
}
