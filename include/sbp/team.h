/* Team work on blueprints (SPEC section 7.6): a semantic diff and a
 * three-way merge by object id, both over the document trees the writer
 * emits (sbp_to_node), so that a key added to the format is compared and
 * merged without being listed here. No curses, no terminal.
 *
 * Identity: columns, lanes, standards and steps by `id`; a flow by its
 * `from` and `to` (its label is a field that can change); a measurement
 * by its `date` and `standard`. A second object with the same identity in
 * one list (two flows between the same steps) is told apart by its place
 * among those twins: `a → b #2`. */
#ifndef SBP_TEAM_H
#define SBP_TEAM_H

#include <stdbool.h>
#include <stddef.h>

#include "sbp/check.h"
#include "sbp/model.h"
#include "sbp/node.h"
#include "sbp/util.h"

/* One kind of listed object: its top-level list key, its kind name (as
 * diff and x-conflicts write it) and the fields that make its identity. */
typedef struct team_kind {
	const char *list, *kind;
	const char *key1, *key2; /* key2 NULL for one-field identities */
} team_kind;
/* The kinds, in document order; NULL-terminated by a zero entry. */
extern const team_kind team_kinds[];
/* The kind whose list key is key, or NULL. */
const team_kind *team_kind_of_list(const char *key);

/* An object list indexed by identity. Keys and shown names are owned,
 * nodes are borrowed from the list. */
typedef struct team_index {
	size_t n;
	char **keys;   /* identity key, unique within the list */
	char **shown;  /* "greet", "arrive → greet", "2026-11-02 on-time" */
	const sbp_node **nodes;
	hmap map;      /* key -> index + 1 */
} team_index;
void team_index_build(team_index *ix, const team_kind *k, const sbp_node *seq);
/* Position of key in the index, or (size_t)-1. */
size_t team_index_find(const team_index *ix, const char *key);
void team_index_free(team_index *ix);

/* ---- diff ---- */

typedef enum team_op {
	TEAM_ADDED,   /* new holds the object */
	TEAM_REMOVED, /* old holds the object */
	TEAM_MOVED,   /* a step: old and new hold {lane, column} */
	TEAM_CHANGED, /* field changed: old/new the values, NULL when absent */
} team_op;

typedef struct team_change {
	team_op op;
	const char *kind; /* "step", "flow", ... or "blueprint" (static) */
	char *id;         /* shown identity; "" for the blueprint */
	char *field;      /* TEAM_CHANGED: dotted path ("fail.severity") */
	sbp_node *old, *new_; /* owned copies, NULL when absent */
} team_change;

typedef struct team_diff {
	team_change *items;
	size_t n, cap;
	sbp_summary before, after; /* check_summary of OLD and NEW */
} team_diff;

/* Compare two blueprints by object id. Free with team_diff_free. */
void team_diff_run(team_diff *d, const sbp_blueprint *old_bp,
		   const sbp_blueprint *new_bp);
void team_diff_free(team_diff *d);

typedef enum team_format { TEAM_TEXT, TEAM_JSON, TEAM_MD } team_format;
/* Write the diff for people (text), tools (json) or pull requests (md).
 * Text from the files is escaped (text, md) and shortened to width
 * display columns where it is quoted. */
void team_diff_write(const team_diff *d, team_format f, const char *old_name,
		     const char *new_name, sbp_buf *out);
/* The summary line: "coverage 62% → 75%, 2 fewer flagged". */
void team_diff_summary(const team_diff *d, sbp_buf *out);
/* A value as one line of text, quoted when it is a string, shortened to
 * maxw display columns, made safe to print. */
void team_value_show(const sbp_node *v, size_t maxw, sbp_buf *out);

/* ---- merge ---- */

/* One conflict: both sides changed field of an object differently (or one
 * changed what the other deleted: field "*" is the whole object). The
 * values are owned copies, NULL when absent on that side. */
typedef struct team_conflict {
	const char *kind; /* static */
	char *id, *field;
	sbp_node *base, *ours, *theirs;
} team_conflict;

typedef struct team_merge {
	sbp_node *doc; /* the merged document, with x-conflicts; owned */
	team_conflict *conflicts;
	size_t nconflicts, capconflicts;
	char **notes; /* what the merge did on its own (a flow dropped...) */
	size_t nnotes, capnotes;
} team_merge;

/* Merge OURS and THEIRS, both descended from BASE (document trees as
 * sbp_to_node makes them). m->doc always gets a document; conflicts keep
 * OURS's value and are recorded in m->conflicts and under the document's
 * top-level x-conflicts list. Free with team_merge_free. */
void team_merge_run(team_merge *m, const sbp_node *base, const sbp_node *ours,
		    const sbp_node *theirs);
void team_merge_free(team_merge *m);
/* A conflict as an x-conflicts entry: {kind, id, field, base, ours,
 * theirs}, sides absent when absent. Caller frees. */
sbp_node *team_conflict_node(const team_conflict *c);

/* How many x-conflicts entries doc holds. */
size_t team_conflict_count(const sbp_node *doc);
/* Resolve entry n (0-based) of doc's x-conflicts by taking OURS's value
 * (theirs false) or THEIRS's: the value is put where the conflict is (a
 * side without a value removes the field or the object) and the entry is
 * removed. False, with err, when there is no such entry. */
bool team_conflict_resolve(sbp_node *doc, size_t n, bool theirs, char *err,
			   size_t errlen);

#endif
