/* Mermaid export: a left-to-right flowchart with one subgraph per lane.
 * Node ids are generated (s0, s1, ...) so that no step id can clash with
 * Mermaid keywords such as end; every label is a quoted string with
 * Mermaid's entity codes for anything its parser could misread. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "sbp/io.h"

/* The number in the generated node id of step s (index + 1 in ids). */
static size_t mm_index(const hmap *ids, const sbp_step *s)
{
	return (size_t)(uintptr_t)hmap_get(ids, s->id);
}

/* Write the Mermaid flowchart. */
bool export_mermaid(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out,
		    char *err, size_t errlen)
{
	(void)o;
	(void)err;
	(void)errlen;
	size_t *start;
	const sbp_step **grouped = export_group_steps(bp, GROUP_LANE, &start);
	hmap ids;

	hmap_init(&ids);
	for (size_t i = 0; i < bp->steps.n; i++) /* id -> index + 1 */
		hmap_put(&ids, bp->steps.items[i]->id, (void *)(uintptr_t)(i + 1));
	const char *title = bp->title ? bp->title : "Service blueprint";
	sbp_buf tmp;
	size_t tn;
	buf_init(&tmp);
	title = esc_clean(&tmp, title, strlen(title), &tn, false);
	buf_puts(out, "---\ntitle: ");
	yaml_put_string(out, title, tn, false); /* the front matter is YAML */
	buf_free(&tmp);
	buf_puts(out, "\n---\nflowchart LR\n"
		      "  classDef flagged fill:#ffd7d5,stroke:#cf222e,stroke-width:2px\n"
		      "  classDef encounter stroke-width:2px\n");
	for (size_t l = 0; l < bp->lanes.n; l++) {
		const sbp_lane *ln = bp->lanes.items[l];
		buf_printf(out, "  subgraph lane%zu[\"", l);
		esc_mermaid(out, ln->name);
		buf_printf(out, " (%s)\"]\n    direction LR\n", zone_id(ln->zone));
		for (size_t k = start[l]; k < start[l + 1]; k++) {
			const sbp_step *s = grouped[k];
			bool flag = step_is_flagged(s);
			buf_printf(out, "    s%zu[\"", mm_index(&ids, s) - 1);
			if (flag || s->fail || s->wait)
				buf_printf(out, "#91;%s%s%s#93; ", flag ? "!" : "",
					   s->fail ? "F" : "", s->wait ? "W" : "");
			esc_mermaid(out, s->text);
			buf_puts(out, "\"]");
			if (flag)
				buf_puts(out, ":::flagged");
			else if (step_is_encounter(s))
				buf_puts(out, ":::encounter");
			buf_putc(out, '\n');
		}
		buf_puts(out, "  end\n");
	}
	for (size_t i = 0; i < bp->lanes.n; i++)
		buf_printf(out, "  style lane%zu fill:%s\n", i,
			   lay_zone_fill[bp->lanes.items[i]->zone < ZONE_COUNT ? bp->lanes.items[i]->zone : 0].hex);
	for (size_t i = 0; i < bp->flows.n; i++) {
		const sbp_flow *f = bp->flows.items[i];
		buf_printf(out, "  s%zu -->", mm_index(&ids, f->from) - 1);
		if (f->label && *f->label) {
			buf_puts(out, "|\"");
			esc_mermaid(out, f->label);
			buf_puts(out, "\"|");
		}
		buf_printf(out, " s%zu\n", mm_index(&ids, f->to) - 1);
	}
	hmap_free(&ids);
	free(start);
	free(grouped);
	return true;
}
