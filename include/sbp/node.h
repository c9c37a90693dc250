/* A small generic document tree: scalars, sequences and mappings with
 * string keys. Used to keep unknown keys for writing back, and as the
 * intermediate form the YAML writer and the JSON export emit. */
#ifndef SBP_NODE_H
#define SBP_NODE_H

#include <stdbool.h>
#include <stddef.h>

typedef enum sbp_node_kind {
	NODE_STR,  /* a string */
	NODE_NUM,  /* a number, text holds its canonical spelling */
	NODE_BOOL, /* text is "true" or "false" */
	NODE_NULL,
	NODE_RAW,  /* a plain scalar kept as written whose type is not a
		      plain string (e.g. 0755, yes, 1e3 in an x- key):
		      written back unquoted so it keeps its type */
	NODE_SEQ,
	NODE_MAP,
} sbp_node_kind;

typedef struct sbp_node sbp_node;
struct sbp_node {
	sbp_node_kind kind;
	char *text;        /* scalars; owned */
	size_t n, cap;     /* children */
	char **keys;       /* NODE_MAP: n keys, owned */
	sbp_node **items;  /* NODE_SEQ items or NODE_MAP values, owned */
	int line, col;     /* where it started in the source, 0 if made */
};

sbp_node *node_new(sbp_node_kind kind, const char *text);
sbp_node *node_str(const char *s);
sbp_node *node_num(double v);
sbp_node *node_bool(bool v);
/* Deep copy. */
sbp_node *node_clone(const sbp_node *n);
void node_free(sbp_node *n);
/* Append to a sequence; takes ownership of item. */
void node_push(sbp_node *seq, sbp_node *item);
/* Append key/value to a mapping; takes ownership of value, copies key. */
void node_set(sbp_node *map, const char *key, sbp_node *value);
/* Value of key in a mapping, or NULL. */
sbp_node *node_get(const sbp_node *map, const char *key);
bool node_equal(const sbp_node *a, const sbp_node *b);

/* A bump allocator for short-lived trees, such as one step on its way to
 * the writer: nodes and child arrays come from large blocks and are all
 * released at once, and text and keys are borrowed, not copied (so the
 * tree must not outlive them, and is never given to node_free). */
typedef struct node_arena {
	struct arena_block *block; /* the newest */
	char *next, *end;          /* free space in it */
} node_arena;

void node_arena_init(node_arena *a);
/* Release every tree made so far, keeping one block for the next. */
void node_arena_reset(node_arena *a);
void node_arena_free(node_arena *a);
/* A node of kind whose text (may be NULL) is borrowed. */
sbp_node *arena_node(node_arena *a, sbp_node_kind kind, const char *text);
/* A number scalar spelled the canonical way (the spelling is copied in). */
sbp_node *arena_num(node_arena *a, double v);
void arena_push(node_arena *a, sbp_node *seq, const sbp_node *item);
/* Append key (borrowed) and value (borrowed: it may be a node of another
 * tree) to a mapping. */
void arena_set(node_arena *a, sbp_node *map, const char *key, const sbp_node *value);

#endif
