/* The listed objects of a blueprint and their identities, shared by the
 * diff and the merge: one table, and an index of a list by identity. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/team.h"

const team_kind team_kinds[] = {
	{"columns", "column", "id", NULL},
	{"lanes", "lane", "id", NULL},
	{"standards", "standard", "id", NULL},
	{"steps", "step", "id", NULL},
	{"flows", "flow", "from", "to"},
	{"measurements", "measurement", "date", "standard"},
	{NULL, NULL, NULL, NULL},
};

/* The kind whose list key is key, or NULL. */
const team_kind *team_kind_of_list(const char *key)
{
	for (const team_kind *k = team_kinds; k->list; k++)
		if (!strcmp(k->list, key))
			return k;
	return NULL;
}

/* The text of a scalar field of an object, "" when absent or not one. */
static const char *field_text(const sbp_node *obj, const char *key)
{
	const sbp_node *v = obj && obj->kind == NODE_MAP ? node_get(obj, key) : NULL;
	return v && v->text ? v->text : "";
}

/* Index the items of seq (a sequence, or NULL for an empty list). */
void team_index_build(team_index *ix, const team_kind *k, const sbp_node *seq)
{
	size_t n = seq && seq->kind == NODE_SEQ ? seq->n : 0;

	memset(ix, 0, sizeof *ix);
	hmap_init(&ix->map);
	ix->keys = xcalloc(n + 1, sizeof *ix->keys);
	ix->shown = xcalloc(n + 1, sizeof *ix->shown);
	ix->nodes = xcalloc(n + 1, sizeof *ix->nodes);
	for (size_t i = 0; i < n; i++) {
		const sbp_node *o = seq->items[i];
		const char *a = field_text(o, k->key1);
		const char *b = k->key2 ? field_text(o, k->key2) : NULL;
		char *key = b ? xasprintf("%s\x1f%s", a, b) : xstrdup(a);
		char *shown = !b ? xstrdup(a)
			      : !strcmp(k->key1, "from") ? xasprintf("%s → %s", a, b)
							  : xasprintf("%s %s", a, b);
		/* Twins: the second and later get #2, #3, ... */
		for (unsigned twin = 2; hmap_get(&ix->map, key); twin++) {
			char *base = b ? xasprintf("%s\x1f%s", a, b) : xstrdup(a);
			free(key);
			key = xasprintf("%s#%u", base, twin);
			free(base);
			if (!hmap_get(&ix->map, key)) {
				char *s = xasprintf("%s #%u", shown, twin);
				free(shown);
				shown = s;
				break;
			}
		}
		ix->keys[ix->n] = key;
		ix->shown[ix->n] = shown;
		ix->nodes[ix->n] = o;
		hmap_put(&ix->map, key, (void *)(uintptr_t)(ix->n + 1));
		ix->n++;
	}
}

/* Position of key in the index, or (size_t)-1. */
size_t team_index_find(const team_index *ix, const char *key)
{
	uintptr_t v = (uintptr_t)hmap_get(&ix->map, key);
	return v ? (size_t)v - 1 : (size_t)-1;
}

void team_index_free(team_index *ix)
{
	hmap_free(&ix->map);
	for (size_t i = 0; i < ix->n; i++) {
		free(ix->keys[i]);
		free(ix->shown[i]);
	}
	free(ix->keys);
	free(ix->shown);
	free(ix->nodes);
	memset(ix, 0, sizeof *ix);
}
