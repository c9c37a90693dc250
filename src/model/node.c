/* The generic document tree of node.h: scalars, sequences and mappings
 * with string keys, used for unknown keys and as the writers' input. */
#include <stdlib.h>
#include <string.h>

#include "sbp/node.h"
#include "sbp/util.h"

/* A node of the given kind; text (may be NULL) is copied. */
sbp_node *node_new(sbp_node_kind kind, const char *text)
{
	sbp_node *n = xcalloc(1, sizeof *n);

	n->kind = kind;
	n->text = text ? xstrdup(text) : NULL;
	return n;
}

/* A string scalar holding a copy of s (NULL becomes ""). */
sbp_node *node_str(const char *s)
{
	return node_new(NODE_STR, s ? s : "");
}

/* A number scalar spelled the canonical way. */
sbp_node *node_num(double v)
{
	char text[32];

	fmt_number(v, text);
	return node_new(NODE_NUM, text);
}

/* A boolean scalar, "true" or "false". */
sbp_node *node_bool(bool v)
{
	return node_new(NODE_BOOL, v ? "true" : "false");
}

/* Make room for one more child (and key, for mappings). */
static void node_grow(sbp_node *n)
{
	if (n->n < n->cap)
		return;
	n->cap = n->cap ? n->cap * 2 : 4;
	n->items = xrealloc(n->items, n->cap * sizeof *n->items);
	if (n->kind == NODE_MAP)
		n->keys = xrealloc(n->keys, n->cap * sizeof *n->keys);
}

/* Append item to a sequence; the sequence takes ownership. */
void node_push(sbp_node *seq, sbp_node *item)
{
	node_grow(seq);
	seq->items[seq->n++] = item;
}

/* Append key and value to a mapping; takes value, copies key. */
void node_set(sbp_node *map, const char *key, sbp_node *value)
{
	node_grow(map);
	map->keys[map->n] = xstrdup(key);
	map->items[map->n++] = value;
}

/* The value of key in a mapping, or NULL. */
sbp_node *node_get(const sbp_node *map, const char *key)
{
	if (!map || map->kind != NODE_MAP)
		return NULL;
	for (size_t i = 0; i < map->n; i++)
		if (strcmp(map->keys[i], key) == 0)
			return map->items[i];
	return NULL;
}

/* A deep copy of n (NULL gives NULL), source positions included. */
sbp_node *node_clone(const sbp_node *n)
{
	sbp_node *c;

	if (!n)
		return NULL;
	c = node_new(n->kind, n->text);
	c->line = n->line;
	c->col = n->col;
	for (size_t i = 0; i < n->n; i++) {
		if (n->kind == NODE_MAP)
			node_set(c, n->keys[i], node_clone(n->items[i]));
		else
			node_push(c, node_clone(n->items[i]));
	}
	return c;
}

/* Free n and everything under it; NULL is fine. */
void node_free(sbp_node *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->n; i++) {
		if (n->keys)
			free(n->keys[i]);
		node_free(n->items[i]);
	}
	free(n->keys);
	free(n->items);
	free(n->text);
	free(n);
}

/* Same kind, text, keys and children (source positions ignored). */
bool node_equal(const sbp_node *a, const sbp_node *b)
{
	if (a == b)
		return true;
	if (!a || !b || a->kind != b->kind || a->n != b->n)
		return false;
	if ((a->text == NULL) != (b->text == NULL))
		return false;
	if (a->text && strcmp(a->text, b->text) != 0)
		return false;
	for (size_t i = 0; i < a->n; i++) {
		if (a->kind == NODE_MAP && strcmp(a->keys[i], b->keys[i]) != 0)
			return false;
		if (!node_equal(a->items[i], b->items[i]))
			return false;
	}
	return true;
}
