/* Mermaid export: a block diagram (block-beta), the one Mermaid layout
 * that keeps rows and columns: a grid with a row per lane (its name
 * first) under a row of column names, each cell a block holding the
 * cell's steps from top to bottom, empty cells as space, flows as arrows
 * over the grid. Node ids are generated (s0, s1, ...) so that no step id
 * can clash with Mermaid keywords such as end; every label is a quoted
 * string with Mermaid's entity codes for anything its parser could
 * misread. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "sbp/io.h"

/* The words of the diagram's own, in one place. */
#define T_CORNER term_tr("Lane / column")

/* The number in the generated node id of step s (index + 1 in ids). */
static size_t mm_index(const hmap *ids, const sbp_step *s)
{
	return (size_t)(uintptr_t)hmap_get(ids, s->id);
}

/* One step's block: its markers, then its text. */
static void mm_step(sbp_buf *out, const hmap *ids, const sbp_step *s, const char *indent)
{
	bool flag = step_is_flagged(s);

	buf_printf(out, "%ss%zu[\"", indent, mm_index(ids, s) - 1);
	if (flag || s->fail || s->wait)
		buf_printf(out, "#91;%s%s%s#93; ", flag ? "!" : "", s->fail ? "F" : "", s->wait ? "W" : "");
	esc_mermaid(out, s->text);
	buf_puts(out, "\"]\n");
	if (flag)
		buf_printf(out, "%sclass s%zu flagged\n", indent, mm_index(ids, s) - 1);
	else if (step_is_encounter(s))
		buf_printf(out, "%sclass s%zu encounter\n", indent, mm_index(ids, s) - 1);
}

/* The grid: a header row, then a row per lane. */
static void mm_grid(sbp_buf *out, const sbp_blueprint *bp, const hmap *ids)
{
	size_t *start;
	const sbp_step **grid = export_group_steps(bp, GROUP_GRID, &start);
	size_t nl = bp->lanes.n, nc = bp->columns.n;
	/* cells: the steps of column c in lane order; find each lane's run */
	size_t *at = xcalloc(nc + 1, sizeof *at);

	buf_printf(out, "  columns %zu\n  corner[\"%s\"]\n", nc + 1, T_CORNER);
	for (size_t c = 0; c < nc; c++) {
		buf_printf(out, "  col%zu[\"", c);
		esc_mermaid(out, bp->columns.items[c]->name);
		buf_puts(out, "\"]\n");
		at[c] = start[c];
	}
	for (size_t l = 0; l < nl; l++) {
		const sbp_lane *ln = bp->lanes.items[l];
		buf_printf(out, "  lane%zu[\"", l);
		esc_mermaid(out, ln->name);
		buf_printf(out, " (%s)\"]\n", term_zone_now(ln->zone));
		for (size_t c = 0; c < nc; c++) {
			size_t k0 = at[c], k1 = k0;
			while (k1 < start[c + 1] && grid[k1]->lane->idx == l)
				k1++;
			at[c] = k1;
			if (k0 == k1) {
				buf_puts(out, "  space\n");
			} else if (k1 == k0 + 1) {
				mm_step(out, ids, grid[k0], "  ");
			} else {
				buf_printf(out, "  block:cell%zu_%zu\n    columns 1\n", l, c);
				for (size_t k = k0; k < k1; k++)
					mm_step(out, ids, grid[k], "    ");
				buf_puts(out, "  end\n");
			}
		}
	}
	for (size_t l = 0; l < nl; l++)
		buf_printf(out, "  style lane%zu fill:%s\n", l,
			   lay_zone_fill[bp->lanes.items[l]->zone < ZONE_COUNT ? bp->lanes.items[l]->zone : 0].hex);
	free(at);
	free(start);
	free(grid);
}

/* Write the Mermaid block diagram. */
bool export_mermaid(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out,
		    char *err, size_t errlen)
{
	(void)o;
	(void)err;
	(void)errlen;
	hmap ids;

	hmap_init(&ids);
	for (size_t i = 0; i < bp->steps.n; i++) /* id -> index + 1 */
		hmap_put(&ids, bp->steps.items[i]->id, (void *)(uintptr_t)(i + 1));
	const char *title = bp->title ? bp->title : term_tr("Service blueprint");
	sbp_buf tmp;
	size_t tn;
	buf_init(&tmp);
	title = esc_clean(&tmp, title, strlen(title), &tn, false);
	buf_puts(out, "---\ntitle: ");
	yaml_put_string(out, title, tn, false); /* the front matter is YAML */
	buf_free(&tmp);
	buf_puts(out, "\n---\nblock-beta\n"
		      "  classDef flagged fill:#ffd7d5,stroke:#cf222e,stroke-width:2px\n"
		      "  classDef encounter stroke-width:2px\n");
	mm_grid(out, bp, &ids);
	for (size_t i = 0; i < bp->flows.n; i++) {
		const sbp_flow *f = bp->flows.items[i];
		if (!f->from->lane || !f->from->column || !f->to->lane || !f->to->column)
			continue; /* not in the grid */
		buf_printf(out, "  s%zu ", mm_index(&ids, f->from) - 1);
		if (f->label && *f->label) {
			buf_puts(out, "-- \"");
			esc_mermaid(out, f->label);
			buf_puts(out, "\" ");
		}
		buf_printf(out, "--> s%zu\n", mm_index(&ids, f->to) - 1);
	}
	hmap_free(&ids);
	return true;
}
