/* The merge-conflict rule: every entry `sbp merge` left under the
 * top-level x-conflicts list is named until someone picks a side and
 * removes it. A warning, so the merged file still counts as valid (check
 * exits 1, not 2) while each conflict is listed. */
#include <string.h>

#include "sbp/i18n.h"
#include "sbp/team.h"

#include "rules.h"

/* A value of a conflict entry as one short safe line ("(none)" when
 * absent). */
static const char *side_text(const sbp_node *e, const char *key, sbp_buf *tmp)
{
	buf_reset(tmp);
	team_value_show(node_get(e, key), 40, tmp);
	return tmp->data ? tmp->data : "";
}

/* One finding per x-conflicts entry. */
void check_conflicts(check_ctx *c)
{
	const sbp_extras *e = &c->bp->extras;
	sbp_buf a, b;

	if (!check_on(c, CR_MERGE_CONFLICT))
		return;
	buf_init(&a);
	buf_init(&b);
	for (size_t i = 0; i < e->n; i++) {
		if (!e->items[i].key || strcmp(e->items[i].key, "x-conflicts"))
			continue;
		const sbp_node *list = e->items[i].value;
		size_t n = list && list->kind == NODE_SEQ ? list->n : 0;
		for (size_t k = 0; k < n; k++) {
			const sbp_node *en = list->items[k];
			const sbp_node *kind = node_get(en, "kind"), *id = node_get(en, "id");
			const sbp_node *field = node_get(en, "field");
			const char *ks = kind && kind->text ? kind->text : "?";
			const char *is = id && id->text ? id->text : "";
			sbp_pos pos = {en->line, en->col};
			const char *ours = side_text(en, "ours", &a);
			const char *theirs = side_text(en, "theirs", &b);
			check_report(c, CR_MERGE_CONFLICT, pos, e->items[i].pos,
				     !strcmp(ks, "step") ? is : NULL,
				     _("unresolved merge conflict in %s '%s', field %s: ours %s, theirs %s (pick one and remove the entry from x-conflicts)"),
				     check_q(c, ks), check_q(c, is),
				     check_q(c, field && field->text ? field->text : "*"),
				     ours, theirs);
		}
	}
	buf_free(&a);
	buf_free(&b);
}
