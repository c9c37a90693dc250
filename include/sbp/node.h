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

#endif
