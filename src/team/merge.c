/* The three-way merge (SPEC section 7.6) of document trees: objects
 * matched by identity, fields merged one by one, and a conflict (both
 * sides changed one field differently, or one changed what the other
 * deleted) keeps OURS's value and is recorded so nothing is lost. */
#include <stdlib.h>
#include <string.h>

#include "sbp/i18n.h"
#include "team_internal.h"

/* Are two values (either may be absent) the same? */
static bool same(const sbp_node *a, const sbp_node *b)
{
	if (!a || !b)
		return a == b;
	return node_equal(a, b);
}

static sbp_node *clone_or_null(const sbp_node *n)
{
	return n ? node_clone(n) : NULL;
}

/* Record a conflict; the values are copied. */
void merge_conflict(team_merge *m, const char *kind, const char *id,
		    const char *field, const sbp_node *b, const sbp_node *o,
		    const sbp_node *t)
{
	xgrow(&m->conflicts, &m->capconflicts, m->nconflicts + 1, sizeof *m->conflicts);
	team_conflict *c = &m->conflicts[m->nconflicts++];
	c->kind = kind;
	c->id = xstrdup(id);
	c->field = xstrdup(field ? field : "*");
	c->base = clone_or_null(b);
	c->ours = clone_or_null(o);
	c->theirs = clone_or_null(t);
}

/* Record what the merge did on its own. */
void merge_note(team_merge *m, char *text)
{
	xgrow(&m->notes, &m->capnotes, m->nnotes + 1, sizeof *m->notes);
	m->notes[m->nnotes++] = text;
}

/* Is n a sequence of scalars only (or absent)? */
static bool scalar_seq(const sbp_node *n)
{
	if (!n)
		return true;
	if (n->kind != NODE_SEQ)
		return false;
	for (size_t i = 0; i < n->n; i++)
		if (n->items[i]->kind == NODE_SEQ || n->items[i]->kind == NODE_MAP)
			return false;
	return true;
}

/* Does seq (may be NULL) hold a value equal to v? */
static bool seq_has(const sbp_node *seq, const sbp_node *v)
{
	for (size_t i = 0; seq && i < seq->n; i++)
		if (node_equal(seq->items[i], v))
			return true;
	return false;
}

/* Lists of scalars (a step's standards, ignore:) merge as sets: OURS's
 * items less those THEIRS removed, then those THEIRS added. */
static sbp_node *merge_set(const sbp_node *b, const sbp_node *o, const sbp_node *t)
{
	sbp_node *r = node_new(NODE_SEQ, NULL);
	for (size_t i = 0; o && i < o->n; i++)
		if (!(seq_has(b, o->items[i]) && !seq_has(t, o->items[i])))
			node_push(r, node_clone(o->items[i]));
	for (size_t i = 0; t && i < t->n; i++)
		if (!seq_has(b, t->items[i]) && !seq_has(r, t->items[i]))
			node_push(r, node_clone(t->items[i]));
	return r;
}

/* Merge one value (each side may be absent). both_added: the object is
 * new on both sides, so any difference is a conflict. Returns the merged
 * value, NULL when absent. */
sbp_node *merge_value(team_merge *m, const char *kind, const char *id,
		      const char *path, const sbp_node *b, const sbp_node *o,
		      const sbp_node *t, bool both_added)
{
	if (same(o, t))
		return clone_or_null(o);
	if (!both_added && same(b, o))
		return clone_or_null(t);
	if (!both_added && same(b, t))
		return clone_or_null(o);
	if (o && t && o->kind == NODE_MAP && t->kind == NODE_MAP &&
	    (!b || b->kind == NODE_MAP))
		return merge_map(m, kind, id, path, b, o, t, both_added, NULL);
	if (!both_added && o && t && scalar_seq(b) && scalar_seq(o) && scalar_seq(t))
		return merge_set(b, o, t);
	merge_conflict(m, kind, id, path, b, o, t);
	return clone_or_null(o);
}

/* Is key among the NULL-terminated skip? */
static bool in_list(const char *key, const char *const *skip)
{
	for (size_t i = 0; skip && skip[i]; i++)
		if (!strcmp(key, skip[i]))
			return true;
	return false;
}

/* Merge the keys of three mappings (base may be NULL): OURS's keys in
 * their order, then THEIRS's new ones. Keys in skip are left out (the
 * caller merges them). */
sbp_node *merge_map(team_merge *m, const char *kind, const char *id,
		    const char *prefix, const sbp_node *b, const sbp_node *o,
		    const sbp_node *t, bool both_added, const char *const *skip)
{
	sbp_node *r = node_new(NODE_MAP, NULL);

	for (int pass = 0; pass < 3; pass++) {
		const sbp_node *src = pass == 0 ? o : pass == 1 ? t : b;
		for (size_t i = 0; src && i < src->n; i++) {
			const char *key = src->keys[i];
			if (in_list(key, skip) || node_get(r, key) ||
			    (pass >= 1 && node_get(o, key)) ||
			    (pass == 2 && node_get(t, key)))
				continue;
			char *path = prefix ? xasprintf("%s.%s", prefix, key) : xstrdup(key);
			sbp_node *v = merge_value(m, kind, id, path, b ? node_get(b, key) : NULL,
						  node_get(o, key), node_get(t, key), both_added);
			if (v)
				node_set(r, key, v);
			free(path);
		}
	}
	return r;
}

/* The merged list under construction: keys owned, nodes owned. */
typedef struct mlist {
	char **keys;
	sbp_node **nodes;
	size_t n, cap, capn;
} mlist;

/* Insert at position at. */
static void mlist_insert(mlist *l, size_t at, const char *key, sbp_node *node)
{
	xgrow(&l->keys, &l->cap, l->n + 1, sizeof *l->keys);
	xgrow(&l->nodes, &l->capn, l->n + 1, sizeof *l->nodes);
	memmove(&l->keys[at + 1], &l->keys[at], (l->n - at) * sizeof *l->keys);
	memmove(&l->nodes[at + 1], &l->nodes[at], (l->n - at) * sizeof *l->nodes);
	l->keys[at] = xstrdup(key);
	l->nodes[at] = node;
	l->n++;
}

/* Position of key, or (size_t)-1. */
static size_t mlist_find(const mlist *l, const char *key)
{
	for (size_t i = l->n; i-- > 0;)
		if (!strcmp(l->keys[i], key))
			return i;
	return (size_t)-1;
}

/* THEIRS's new objects, each after its nearest surviving neighbour before
 * it in THEIRS (or first when there is none). */
static void merge_additions(mlist *r, const team_index *ib, const team_index *io,
			    const team_index *it, team_merge *m, const team_kind *k)
{
	for (size_t j = 0; j < it->n; j++) {
		const char *key = it->keys[j];
		if (team_index_find(io, key) != (size_t)-1)
			continue;
		size_t bi = team_index_find(ib, key);
		if (bi != (size_t)-1) {
			/* OURS deleted it: fine unless THEIRS changed it. */
			if (!node_equal(ib->nodes[bi], it->nodes[j]))
				merge_conflict(m, k->kind, it->shown[j], "*", ib->nodes[bi],
					       NULL, it->nodes[j]);
			continue;
		}
		size_t at = 0;
		for (size_t p = j; p-- > 0;) {
			size_t pos = mlist_find(r, it->keys[p]);
			if (pos != (size_t)-1) {
				at = pos + 1;
				break;
			}
		}
		mlist_insert(r, at, key, node_clone(it->nodes[j]));
	}
}

/* Merge one kind's lists by identity. Returns the merged sequence. */
sbp_node *merge_list(team_merge *m, const team_kind *k, const sbp_node *b,
		     const sbp_node *o, const sbp_node *t)
{
	team_index ib, io, it;
	mlist r = {0};

	team_index_build(&ib, k, b);
	team_index_build(&io, k, o);
	team_index_build(&it, k, t);
	for (size_t i = 0; i < io.n; i++) {
		size_t bi = team_index_find(&ib, io.keys[i]);
		size_t ti = team_index_find(&it, io.keys[i]);
		const sbp_node *bn = bi == (size_t)-1 ? NULL : ib.nodes[bi];
		const sbp_node *tn = ti == (size_t)-1 ? NULL : it.nodes[ti];
		const sbp_node *on = io.nodes[i];
		sbp_node *v;
		if (bn && !tn) {
			/* THEIRS deleted it: gone unless OURS changed it. */
			if (node_equal(bn, on))
				continue;
			merge_conflict(m, k->kind, io.shown[i], "*", bn, on, NULL);
			v = node_clone(on);
		} else if (!tn) {
			v = node_clone(on);
		} else {
			v = merge_value(m, k->kind, io.shown[i], NULL, bn, on, tn, !bn);
		}
		mlist_insert(&r, r.n, io.keys[i], v);
	}
	merge_additions(&r, &ib, &io, &it, m, k);
	sbp_node *seq = node_new(NODE_SEQ, NULL);
	for (size_t i = 0; i < r.n; i++) {
		node_push(seq, r.nodes[i]);
		free(r.keys[i]);
	}
	free(r.keys);
	free(r.nodes);
	team_index_free(&ib);
	team_index_free(&io);
	team_index_free(&it);
	return seq;
}

/* A conflict as an x-conflicts entry. */
sbp_node *team_conflict_node(const team_conflict *c)
{
	sbp_node *e = node_new(NODE_MAP, NULL);
	node_set(e, "kind", node_str(c->kind));
	node_set(e, "id", node_str(c->id));
	node_set(e, "field", node_str(c->field));
	if (c->base)
		node_set(e, "base", node_clone(c->base));
	if (c->ours)
		node_set(e, "ours", node_clone(c->ours));
	if (c->theirs)
		node_set(e, "theirs", node_clone(c->theirs));
	return e;
}

/* Merge OURS and THEIRS, both descended from BASE. */
void team_merge_run(team_merge *m, const sbp_node *base, const sbp_node *ours,
		    const sbp_node *theirs)
{
	const char *skip[16];
	size_t ns = 0;

	memset(m, 0, sizeof *m);
	for (const team_kind *k = team_kinds; k->list; k++)
		skip[ns++] = k->list;
	skip[ns] = NULL;
	/* The head (sbp, title, ignore, x- keys...), then each list in the
	 * place the writer gives it (loading the result puts it in order). */
	m->doc = merge_map(m, "blueprint", "", NULL, base, ours, theirs, false, skip);
	for (const team_kind *k = team_kinds; k->list; k++) {
		const sbp_node *b = node_get(base, k->list), *o = node_get(ours, k->list);
		const sbp_node *t = node_get(theirs, k->list);
		if (b || o || t)
			node_set(m->doc, k->list, merge_list(m, k, b, o, t));
	}
	merge_repair(m, base, ours, theirs);
	if (m->nconflicts) {
		sbp_node *list = node_get(m->doc, "x-conflicts");
		if (!list || list->kind != NODE_SEQ) {
			list = node_new(NODE_SEQ, NULL);
			merge_doc_set(m->doc, "x-conflicts", list);
		}
		for (size_t i = 0; i < m->nconflicts; i++)
			node_push(list, team_conflict_node(&m->conflicts[i]));
	}
}

void team_merge_free(team_merge *m)
{
	for (size_t i = 0; i < m->nconflicts; i++) {
		team_conflict *c = &m->conflicts[i];
		free(c->id);
		free(c->field);
		node_free(c->base);
		node_free(c->ours);
		node_free(c->theirs);
	}
	free(m->conflicts);
	for (size_t i = 0; i < m->nnotes; i++)
		free(m->notes[i]);
	free(m->notes);
	node_free(m->doc);
	memset(m, 0, sizeof *m);
}
