/* Private to src/team: the pieces of the merge shared by its files. */
#ifndef SBP_TEAM_INTERNAL_H
#define SBP_TEAM_INTERNAL_H

#include "sbp/team.h"

/* Record a conflict (values copied) / a note (text taken). */
void merge_conflict(team_merge *m, const char *kind, const char *id,
		    const char *field, const sbp_node *b, const sbp_node *o,
		    const sbp_node *t);
void merge_note(team_merge *m, char *text);
/* Merge one value / the keys of three mappings / one kind's lists. */
sbp_node *merge_value(team_merge *m, const char *kind, const char *id,
		      const char *path, const sbp_node *b, const sbp_node *o,
		      const sbp_node *t, bool both_added);
sbp_node *merge_map(team_merge *m, const char *kind, const char *id,
		    const char *prefix, const sbp_node *b, const sbp_node *o,
		    const sbp_node *t, bool both_added, const char *const *skip);
sbp_node *merge_list(team_merge *m, const team_kind *k, const sbp_node *b,
		     const sbp_node *o, const sbp_node *t);
/* Make the merged document whole: objects one side deleted but the
 * merged result still uses are kept (and reported as conflicts), flows
 * whose step is gone are dropped (and noted). */
void merge_repair(team_merge *m, const sbp_node *base, const sbp_node *ours,
		  const sbp_node *theirs);
/* Set key of a mapping, replacing its value when it has one. */
void merge_doc_set(sbp_node *map, const char *key, sbp_node *value);

#endif
