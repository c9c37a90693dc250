/* The semantic diff (SPEC section 7.6): two blueprints compared object by
 * object, by identity, over the trees the writer emits. */
#include <stdlib.h>
#include <string.h>

#include "sbp/io.h"
#include "sbp/team.h"

/* Append a change; old and new_ are copied (NULL stays NULL). */
static void diff_add(team_diff *d, team_op op, const char *kind, const char *id,
		     const char *field, const sbp_node *old, const sbp_node *new_)
{
	xgrow(&d->items, &d->cap, d->n + 1, sizeof *d->items);
	team_change *c = &d->items[d->n++];
	c->op = op;
	c->kind = kind;
	c->id = xstrdup(id);
	c->field = field ? xstrdup(field) : NULL;
	c->old = old ? node_clone(old) : NULL;
	c->new_ = new_ ? node_clone(new_) : NULL;
}

/* Is key one the caller compares some other way? */
static bool skipped(const char *key, const char *const *skip)
{
	for (size_t i = 0; skip && skip[i]; i++)
		if (!strcmp(key, skip[i]))
			return true;
	return false;
}

/* Compare the fields of two mappings (either may be NULL), recursing into
 * mappings both sides hold, leaving out the keys in skip. */
static void diff_fields(team_diff *d, const char *kind, const char *id,
			const char *prefix, const sbp_node *a, const sbp_node *b,
			const char *const *skip)
{
	size_t na = a ? a->n : 0, nb = b ? b->n : 0;

	for (size_t pass = 0; pass < 2; pass++) {
		const sbp_node *m = pass ? b : a;
		size_t n = pass ? nb : na;
		for (size_t i = 0; i < n; i++) {
			const char *key = m->keys[i];
			if (skipped(key, skip))
				continue;
			const sbp_node *va = a ? node_get(a, key) : NULL;
			const sbp_node *vb = b ? node_get(b, key) : NULL;
			if (pass == 1 && va)
				continue; /* compared in the first pass */
			if (va && vb && node_equal(va, vb))
				continue;
			char *path = prefix ? xasprintf("%s.%s", prefix, key) : xstrdup(key);
			if (va && vb && va->kind == NODE_MAP && vb->kind == NODE_MAP)
				diff_fields(d, kind, id, path, va, vb, NULL);
			else
				diff_add(d, TEAM_CHANGED, kind, id, path, va, vb);
			free(path);
		}
	}
}

/* A step's place: {lane, column}. */
static sbp_node *place_of(const sbp_node *step)
{
	sbp_node *p = node_new(NODE_MAP, NULL);
	const sbp_node *l = node_get(step, "lane"), *c = node_get(step, "column");
	node_set(p, "lane", l ? node_clone(l) : node_new(NODE_NULL, NULL));
	node_set(p, "column", c ? node_clone(c) : node_new(NODE_NULL, NULL));
	return p;
}

/* Compare one kind's lists. */
static void diff_list(team_diff *d, const team_kind *k, const sbp_node *a,
		      const sbp_node *b)
{
	static const char *const step_skip[] = {"id", "lane", "column", NULL};
	const char *skip[] = {k->key1, k->key2, NULL};
	team_index ia, ib;

	team_index_build(&ia, k, a);
	team_index_build(&ib, k, b);
	for (size_t i = 0; i < ia.n; i++)
		if (team_index_find(&ib, ia.keys[i]) == (size_t)-1)
			diff_add(d, TEAM_REMOVED, k->kind, ia.shown[i], NULL, ia.nodes[i], NULL);
	for (size_t i = 0; i < ib.n; i++) {
		size_t j = team_index_find(&ia, ib.keys[i]);
		const sbp_node *o = j == (size_t)-1 ? NULL : ia.nodes[j], *n = ib.nodes[i];
		if (!o) {
			diff_add(d, TEAM_ADDED, k->kind, ib.shown[i], NULL, NULL, n);
			continue;
		}
		bool step = !strcmp(k->kind, "step");
		if (step) {
			sbp_node *po = place_of(o), *pn = place_of(n);
			if (!node_equal(po, pn))
				diff_add(d, TEAM_MOVED, k->kind, ib.shown[i], NULL, po, pn);
			node_free(po);
			node_free(pn);
		}
		diff_fields(d, k->kind, ib.shown[i], NULL, o, n, step ? step_skip : skip);
	}
	team_index_free(&ia);
	team_index_free(&ib);
}

/* Compare two blueprints by object id. */
void team_diff_run(team_diff *d, const sbp_blueprint *old_bp,
		   const sbp_blueprint *new_bp)
{
	sbp_node *a = sbp_to_node(old_bp), *b = sbp_to_node(new_bp);
	const char *skip[16];
	size_t ns = 0;

	memset(d, 0, sizeof *d);
	for (const team_kind *k = team_kinds; k->list; k++)
		skip[ns++] = k->list;
	skip[ns] = NULL;
	diff_fields(d, "blueprint", "", NULL, a, b, skip);
	for (const team_kind *k = team_kinds; k->list; k++)
		diff_list(d, k, node_get(a, k->list), node_get(b, k->list));
	check_summary(old_bp, &d->before);
	check_summary(new_bp, &d->after);
	node_free(a);
	node_free(b);
}

void team_diff_free(team_diff *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->items[i].id);
		free(d->items[i].field);
		node_free(d->items[i].old);
		node_free(d->items[i].new_);
	}
	free(d->items);
	memset(d, 0, sizeof *d);
}
