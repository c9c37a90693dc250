/* The generic document tree of node.h: scalars, sequences and mappings
 * with string keys, used for unknown keys and as the writers' input. */
#include <stddef.h>
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

/* Arena blocks hold at least this much. */
#define ARENA_BLOCK 65536

struct arena_block {
	struct arena_block *prev;
	max_align_t data[];
};

void node_arena_init(node_arena *a)
{
	memset(a, 0, sizeof *a);
}

/* size bytes from the arena, aligned for any object. */
static void *arena_alloc(node_arena *a, size_t size)
{
	size = (size + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
	if ((size_t)(a->end - a->next) < size) {
		size_t room = size > ARENA_BLOCK ? size : ARENA_BLOCK;
		struct arena_block *b = xmalloc(sizeof *b + room);
		b->prev = a->block;
		a->block = b;
		a->next = (char *)b->data;
		a->end = a->next + room;
	}
	void *p = a->next;
	a->next += size;
	return p;
}

void node_arena_reset(node_arena *a)
{
	struct arena_block *b = a->block;
	if (!b)
		return;
	while (b->prev) { /* keep the oldest, of the usual size */
		struct arena_block *prev = b->prev;
		free(b);
		b = prev;
	}
	a->block = b;
	a->next = (char *)b->data;
	a->end = a->next + ARENA_BLOCK;
}

void node_arena_free(node_arena *a)
{
	while (a->block) {
		struct arena_block *prev = a->block->prev;
		free(a->block);
		a->block = prev;
	}
	node_arena_init(a);
}

sbp_node *arena_node(node_arena *a, sbp_node_kind kind, const char *text)
{
	sbp_node *n = arena_alloc(a, sizeof *n);
	memset(n, 0, sizeof *n);
	n->kind = kind;
	n->text = (char *)text;
	return n;
}

sbp_node *arena_num(node_arena *a, double v)
{
	char text[32];
	fmt_number(v, text);
	size_t len = strlen(text) + 1;
	char *copy = arena_alloc(a, len);
	memcpy(copy, text, len);
	return arena_node(a, NODE_NUM, copy);
}

/* Make room for one more child (and key, for mappings): arrays move to
 * a larger piece of the arena, the old one is left until the reset. */
static void arena_grow(node_arena *a, sbp_node *n)
{
	if (n->n < n->cap)
		return;
	size_t cap = n->cap ? n->cap * 2 : 8;
	sbp_node **items = arena_alloc(a, cap * sizeof *items);
	if (n->n)
		memcpy(items, n->items, n->n * sizeof *items);
	n->items = items;
	if (n->kind == NODE_MAP) {
		char **keys = arena_alloc(a, cap * sizeof *keys);
		if (n->n)
			memcpy(keys, n->keys, n->n * sizeof *keys);
		n->keys = keys;
	}
	n->cap = cap;
}

void arena_push(node_arena *a, sbp_node *seq, const sbp_node *item)
{
	arena_grow(a, seq);
	seq->items[seq->n++] = (sbp_node *)item;
}

void arena_set(node_arena *a, sbp_node *map, const char *key, const sbp_node *value)
{
	arena_grow(a, map);
	map->keys[map->n] = (char *)key;
	map->items[map->n++] = (sbp_node *)value;
}
