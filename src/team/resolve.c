/* Resolving an x-conflicts entry that sbp merge left: the chosen side's
 * value goes where the conflict is (a field, or a whole object) and the
 * entry is removed. Works on the document tree, so any field can be
 * resolved; the caller loads the result. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/i18n.h"
#include "sbp/team.h"

/* Remove key from a mapping (nothing when absent). */
static void map_del(sbp_node *m, const char *key)
{
	for (size_t i = 0; m && m->kind == NODE_MAP && i < m->n; i++)
		if (!strcmp(m->keys[i], key)) {
			free(m->keys[i]);
			node_free(m->items[i]);
			memmove(&m->keys[i], &m->keys[i + 1], (m->n - i - 1) * sizeof *m->keys);
			memmove(&m->items[i], &m->items[i + 1], (m->n - i - 1) * sizeof *m->items);
			m->n--;
			return;
		}
}

/* Set key of a mapping to v (taken), replacing any value. */
static void map_put(sbp_node *m, const char *key, sbp_node *v)
{
	for (size_t i = 0; i < m->n; i++)
		if (!strcmp(m->keys[i], key)) {
			node_free(m->items[i]);
			m->items[i] = v;
			return;
		}
	node_set(m, key, v);
}

/* Put v (a copy, or absent when NULL) at the dotted path under obj. */
static void put_path(sbp_node *obj, const char *path, const sbp_node *v)
{
	char *p = xstrdup(path), *save = NULL;
	sbp_node *m = obj;
	char *key = strtok_r(p, ".", &save), *next;
	while (key && (next = strtok_r(NULL, ".", &save))) {
		sbp_node *sub = node_get(m, key);
		if (!sub || sub->kind != NODE_MAP) {
			if (!v)
				goto done; /* nothing to remove */
			sub = node_new(NODE_MAP, NULL);
			map_put(m, key, sub);
		}
		m = sub;
		key = next;
	}
	if (key) {
		if (v)
			map_put(m, key, node_clone(v));
		else
			map_del(m, key);
	}
done:
	free(p);
}

/* Number of x-conflicts entries in doc. */
size_t team_conflict_count(const sbp_node *doc)
{
	const sbp_node *l = node_get(doc, "x-conflicts");
	return l && l->kind == NODE_SEQ ? l->n : 0;
}

/* Resolve entry n of doc's x-conflicts with OURS's (theirs false) or
 * THEIRS's value. */
bool team_conflict_resolve(sbp_node *doc, size_t n, bool theirs, char *err, size_t errlen)
{
	sbp_node *list = node_get(doc, "x-conflicts");
	if (!list || list->kind != NODE_SEQ || n >= list->n) {
		snprintf(err, errlen, _("there is no conflict %zu (the blueprint has %zu)"), n + 1,
			 team_conflict_count(doc));
		return false;
	}
	sbp_node *e = list->items[n];
	const sbp_node *kind = node_get(e, "kind"), *id = node_get(e, "id");
	const sbp_node *field = node_get(e, "field");
	const sbp_node *v = node_get(e, theirs ? "theirs" : "ours");
	const char *f = field && field->text ? field->text : "*";
	const team_kind *k = NULL;
	for (const team_kind *t = team_kinds; kind && kind->text && t->list; t++)
		if (!strcmp(t->kind, kind->text))
			k = t;
	if (!k && !(kind && kind->text && !strcmp(kind->text, "blueprint"))) {
		snprintf(err, errlen, _("conflict %zu names no kind of object sbp knows"), n + 1);
		return false;
	}
	/* Take the entry out first: a whole-document resolution replaces
	 * what holds it. */
	list->items[n] = NULL;
	memmove(&list->items[n], &list->items[n + 1], (list->n - n - 1) * sizeof *list->items);
	list->n--;
	if (!k) {
		if (!strcmp(f, "*")) {
			if (theirs && v && v->kind == NODE_MAP) {
				/* THEIRS whole: its keys replace the document's. */
				for (size_t i = 0; i < v->n; i++)
					if (strcmp(v->keys[i], "x-conflicts"))
						map_put(doc, v->keys[i], node_clone(v->items[i]));
				for (size_t i = doc->n; i-- > 0;)
					if (!node_get(v, doc->keys[i]) && strcmp(doc->keys[i], "x-conflicts"))
						map_del(doc, doc->keys[i]);
			}
		} else {
			put_path(doc, f, v);
		}
	} else {
		sbp_node *seq = node_get(doc, k->list);
		if (!seq) {
			seq = node_new(NODE_SEQ, NULL);
			node_set(doc, k->list, seq);
		}
		team_index ix;
		team_index_build(&ix, k, seq);
		size_t at = (size_t)-1;
		for (size_t i = 0; i < ix.n; i++)
			if (id && id->text && !strcmp(ix.shown[i], id->text))
				at = i;
		team_index_free(&ix);
		if (!strcmp(f, "*")) {
			if (at != (size_t)-1) {
				node_free(seq->items[at]);
				if (v) {
					seq->items[at] = node_clone(v);
				} else {
					memmove(&seq->items[at], &seq->items[at + 1],
						(seq->n - at - 1) * sizeof *seq->items);
					seq->n--;
				}
			} else if (v) {
				node_push(seq, node_clone(v));
			}
		} else if (at != (size_t)-1) {
			put_path(seq->items[at], f, v);
		}
	}
	node_free(e);
	if (list->n == 0)
		map_del(doc, "x-conflicts");
	return true;
}
