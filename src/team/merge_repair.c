/* After the merge: references made whole. A step moved into a lane the
 * other side deleted keeps that lane; a flow whose step the other side
 * deleted is dropped. Either way the user is told. */
#include <stdlib.h>
#include <string.h>

#include "sbp/i18n.h"
#include "team_internal.h"

/* Set key of a mapping, replacing its value when it has one. */
void merge_doc_set(sbp_node *map, const char *key, sbp_node *value)
{
	for (size_t i = 0; i < map->n; i++)
		if (!strcmp(map->keys[i], key)) {
			node_free(map->items[i]);
			map->items[i] = value;
			return;
		}
	node_set(map, key, value);
}

/* The references the merged document must keep whole: objects of list
 * `from` name, in field, an object of list `to`. */
static const struct {
	const char *from, *field, *to;
} refs[] = {
	{"steps", "lane", "lanes"},
	{"steps", "column", "columns"},
	{"steps", "standards", "standards"},
	{"measurements", "standard", "standards"},
};

/* The object with this id in doc's list, or NULL. */
static const sbp_node *find_obj(const sbp_node *doc, const char *list, const char *id,
				size_t *at)
{
	const sbp_node *seq = node_get(doc, list);
	for (size_t i = 0; seq && seq->kind == NODE_SEQ && i < seq->n; i++) {
		const sbp_node *v = node_get(seq->items[i], "id");
		if (v && v->text && !strcmp(v->text, id)) {
			if (at)
				*at = i;
			return seq->items[i];
		}
	}
	return NULL;
}

/* Bring back object id of list `to`, which one side deleted, after its
 * nearest neighbour in the side that still has it. */
static void restore(team_merge *m, const team_kind *k, const char *id,
		    const char *user_kind, const char *user,
		    const sbp_node *const docs[3])
{
	sbp_node *seq = node_get(m->doc, k->list);
	const sbp_node *src = NULL, *from_doc = NULL;
	size_t at = 0;

	if (!seq) {
		seq = node_new(NODE_SEQ, NULL);
		node_set(m->doc, k->list, seq);
	}
	for (int d = 2; d >= 0 && !src; d--)
		if ((src = find_obj(docs[d], k->list, id, &at)))
			from_doc = docs[d];
	if (!src)
		return; /* named nowhere: loading the result reports it */
	size_t pos = 0;
	const sbp_node *sseq = node_get(from_doc, k->list);
	for (size_t p = at; p-- > 0;) {
		const sbp_node *pid = node_get(sseq->items[p], "id");
		size_t q;
		if (pid && pid->text && find_obj(m->doc, k->list, pid->text, &q)) {
			pos = q + 1;
			break;
		}
	}
	node_push(seq, NULL);
	memmove(&seq->items[pos + 1], &seq->items[pos], (seq->n - 1 - pos) * sizeof *seq->items);
	seq->items[pos] = node_clone(src);
	merge_conflict(m, k->kind, id, "*", find_obj(docs[0], k->list, id, NULL),
		       find_obj(docs[1], k->list, id, NULL),
		       find_obj(docs[2], k->list, id, NULL));
	merge_note(m, xasprintf(_("kept %s %s, which one side deleted, because %s %s uses it"),
				k->kind, id, user_kind, user));
}

/* Index the ids of doc's list into ids (keys borrowed from the nodes). */
static void index_ids(hmap *ids, const sbp_node *doc, const char *list)
{
	const sbp_node *seq = node_get(doc, list);
	for (size_t i = 0; seq && seq->kind == NODE_SEQ && i < seq->n; i++) {
		const sbp_node *id = node_get(seq->items[i], "id");
		if (id && id->text)
			hmap_put(ids, id->text, (void *)id);
	}
}

/* Keep every object the merged document refers to. */
static void repair_refs(team_merge *m, const sbp_node *const docs[3])
{
	for (size_t r = 0; r < sizeof refs / sizeof *refs; r++) {
		const sbp_node *users = node_get(m->doc, refs[r].from);
		const team_kind *uk = team_kind_of_list(refs[r].from);
		const team_kind *tk = team_kind_of_list(refs[r].to);
		hmap ids;
		hmap_init(&ids);
		index_ids(&ids, m->doc, refs[r].to);
		for (size_t i = 0; users && users->kind == NODE_SEQ && i < users->n; i++) {
			const sbp_node *u = users->items[i], *v = node_get(u, refs[r].field);
			const sbp_node *uid = node_get(u, "id");
			const char *who = uid && uid->text ? uid->text : "";
			if (!v)
				continue;
			size_t n = v->kind == NODE_SEQ ? v->n : 1;
			for (size_t j = 0; j < n; j++) {
				const sbp_node *ref = v->kind == NODE_SEQ ? v->items[j] : v;
				if (!ref->text || hmap_get(&ids, ref->text))
					continue;
				restore(m, tk, ref->text, uk->kind, who, docs);
				hmap_free(&ids);
				hmap_init(&ids);
				index_ids(&ids, m->doc, refs[r].to);
				if (!hmap_get(&ids, ref->text))
					hmap_put(&ids, ref->text, (void *)ref); /* named nowhere */
			}
		}
		hmap_free(&ids);
	}
}

/* Drop the flows whose step is gone. */
static void repair_flows(team_merge *m)
{
	sbp_node *flows = node_get(m->doc, "flows");
	const sbp_node *steps = node_get(m->doc, "steps");
	size_t keep = 0;
	hmap ids;

	hmap_init(&ids);
	for (size_t i = 0; steps && steps->kind == NODE_SEQ && i < steps->n; i++) {
		const sbp_node *id = node_get(steps->items[i], "id");
		if (id && id->text)
			hmap_put(&ids, id->text, (void *)id);
	}

	for (size_t i = 0; flows && flows->kind == NODE_SEQ && i < flows->n; i++) {
		sbp_node *f = flows->items[i];
		const sbp_node *from = node_get(f, "from"), *to = node_get(f, "to");
		const char *a = from && from->text ? from->text : "";
		const char *b = to && to->text ? to->text : "";
		const char *gone = !hmap_get(&ids, a) ? a : !hmap_get(&ids, b) ? b : NULL;
		if (gone) {
			merge_note(m, xasprintf(_("dropped flow %s → %s: step %s was deleted on the other side"),
						a, b, gone));
			node_free(f);
		} else {
			flows->items[keep++] = f;
		}
	}
	if (flows)
		flows->n = keep;
	hmap_free(&ids);
}

/* Make the merged document whole. */
void merge_repair(team_merge *m, const sbp_node *base, const sbp_node *ours,
		  const sbp_node *theirs)
{
	const sbp_node *const docs[3] = {base, ours, theirs};
	repair_refs(m, docs);
	repair_flows(m);
}
