/* The blueprint model: lanes in zones, columns in phases, steps with fail
 * and wait points, flows, and the standards catalog. No curses, no I/O.
 *
 * Ownership: the blueprint owns every lane, column, standard, step and
 * flow in its arrays, and every string in them. Steps point at their lane,
 * column and standards; flows point at their steps. Look-ups by id go
 * through one hash table per kind (O(1)). */
#ifndef SBP_MODEL_H
#define SBP_MODEL_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "sbp/hmap.h"
#include "sbp/node.h"
#include "sbp/util.h"

/* A typed growable array of pointers. */
#define SBP_VEC(T) struct { T **items; size_t n, cap; }
#define VEC_PUSH(v, x)                                                     \
	do {                                                               \
		xgrow(&(v).items, &(v).cap, (v).n + 1, sizeof *(v).items); \
		(v).items[(v).n++] = (x);                                  \
	} while (0)
/* Insert x at index at (0 <= at <= n). */
#define VEC_INSERT(v, at, x)                                               \
	do {                                                               \
		size_t at_ = (at);                                         \
		xgrow(&(v).items, &(v).cap, (v).n + 1, sizeof *(v).items); \
		memmove(&(v).items[at_ + 1], &(v).items[at_],              \
			((v).n - at_) * sizeof *(v).items);                \
		(v).items[at_] = (x);                                      \
		(v).n++;                                                   \
	} while (0)
/* Remove the element at index at (does not free it). */
#define VEC_REMOVE(v, at)                                                  \
	do {                                                               \
		size_t at_ = (at);                                         \
		memmove(&(v).items[at_], &(v).items[at_ + 1],              \
			((v).n - at_ - 1) * sizeof *(v).items);            \
		(v).n--;                                                   \
	} while (0)

typedef enum sbp_zone {
	ZONE_EVIDENCE,
	ZONE_CUSTOMER,
	ZONE_ONSTAGE,
	ZONE_BACKSTAGE,
	ZONE_SUPPORT,
	ZONE_COUNT
} sbp_zone;

/* "evidence", "customer", ... */
const char *zone_id(sbp_zone z);
/* "Physical evidence", "Customer actions", ... */
const char *zone_label(sbp_zone z);
bool zone_parse(const char *s, sbp_zone *out);
/* The name of the line drawn above zone z when the zone before it differs:
 * "line of interaction" above onstage, "line of visibility" above
 * backstage, "line of internal interaction" above support; NULL else. */
const char *zone_line_above(sbp_zone z);

typedef enum sbp_std_kind { STD_HARD, STD_SOFT } sbp_std_kind;
const char *std_kind_id(sbp_std_kind k);

typedef enum sbp_dimension {
	DIM_NONE,
	DIM_TANGIBLES,
	DIM_RELIABILITY,
	DIM_RESPONSIVENESS,
	DIM_ASSURANCE,
	DIM_EMPATHY,
	DIM_COUNT
} sbp_dimension;
const char *dimension_id(sbp_dimension d); /* NULL for DIM_NONE */
bool dimension_parse(const char *s, sbp_dimension *out);

typedef enum sbp_better { BETTER_UNSET, BETTER_HIGHER, BETTER_LOWER } sbp_better;

/* Where something started in its source file (1-based; 0 if made). */
typedef struct sbp_pos {
	int line, col;
} sbp_pos;

/* Keys the format does not know, kept in file order for writing back. */
typedef struct sbp_extra {
	char *key;
	sbp_node *value;
	sbp_pos pos;
} sbp_extra;
typedef struct sbp_extras {
	sbp_extra *items;
	size_t n, cap;
} sbp_extras;
void extras_add(sbp_extras *e, const char *key, sbp_node *value, sbp_pos pos);
void extras_free(sbp_extras *e);
void extras_copy(sbp_extras *dst, const sbp_extras *src);

typedef struct sbp_lane {
	char *id, *name;
	sbp_zone zone;
	size_t idx; /* position in bp->lanes, kept by insert/remove */
	sbp_extras extras;
	sbp_pos pos;
} sbp_lane;

typedef struct sbp_column {
	char *id, *name;
	char *phase; /* NULL when the column has no phase */
	size_t idx;  /* position in bp->columns, kept by insert/remove */
	sbp_extras extras;
	sbp_pos pos;
} sbp_column;

typedef struct sbp_standard {
	char *id, *name;
	sbp_std_kind kind;
	char *measure, *target, *feedback; /* NULL when absent */
	sbp_dimension dimension;
	double weight, goal, actual; /* NAN when absent */
	sbp_better better;
	sbp_extras extras;
	sbp_pos pos;
} sbp_standard;

typedef struct sbp_fail {
	char *text;
	int severity; /* 1-5, 0 when absent */
	char *recovery; /* NULL when absent */
	sbp_extras extras;
	sbp_pos pos;
} sbp_fail;

typedef struct sbp_wait {
	char *text;
	double expected, tolerable; /* minutes, NAN when absent */
	sbp_extras extras;
	sbp_pos pos;
} sbp_wait;

typedef enum sbp_mark { MARK_DEFAULT, MARK_YES, MARK_NO } sbp_mark;

typedef struct sbp_step {
	char *id;
	sbp_lane *lane;
	sbp_column *column;
	char *text;  /* never NULL */
	char *notes; /* NULL when absent */
	sbp_mark encounter;
	double duration; /* minutes, NAN when absent */
	SBP_VEC(sbp_standard) stds;
	sbp_wait *wait; /* NULL when none */
	sbp_fail *fail; /* NULL when none */
	sbp_extras extras;
	sbp_pos pos;
} sbp_step;

typedef struct sbp_flow {
	sbp_step *from, *to;
	char *label; /* NULL when absent */
	sbp_extras extras;
	sbp_pos pos;
} sbp_flow;

typedef struct sbp_blueprint {
	int version; /* the sbp: key, 1 */
	char *title, *description; /* NULL when absent */
	SBP_VEC(char) ignore;      /* rule ids silenced by ignore: */
	sbp_pos ignore_pos;
	SBP_VEC(sbp_column) columns;
	SBP_VEC(sbp_lane) lanes;
	SBP_VEC(sbp_standard) standards;
	SBP_VEC(sbp_step) steps;
	SBP_VEC(sbp_flow) flows;
	hmap column_ids, lane_ids, standard_ids, step_ids;
	sbp_extras extras;
} sbp_blueprint;

/* An empty blueprint (version 1, no lanes). Free with blueprint_free. */
sbp_blueprint *blueprint_new(void);
/* The five default lanes of SPEC section 1, appended. */
void blueprint_add_default_lanes(sbp_blueprint *bp);
void blueprint_free(sbp_blueprint *bp);

/* Look-ups by id, O(1). NULL when absent. */
sbp_lane *blueprint_lane(const sbp_blueprint *bp, const char *id);
sbp_column *blueprint_column(const sbp_blueprint *bp, const char *id);
sbp_standard *blueprint_standard(const sbp_blueprint *bp, const char *id);
sbp_step *blueprint_step(const sbp_blueprint *bp, const char *id);

/* Position of an object in its array, or (size_t)-1. O(n). */
size_t blueprint_lane_index(const sbp_blueprint *bp, const sbp_lane *l);
size_t blueprint_column_index(const sbp_blueprint *bp, const sbp_column *c);
size_t blueprint_standard_index(const sbp_blueprint *bp, const sbp_standard *s);
size_t blueprint_step_index(const sbp_blueprint *bp, const sbp_step *s);
size_t blueprint_flow_index(const sbp_blueprint *bp, const sbp_flow *f);

/* Insert an object at index at (size_t)-1 appends). The blueprint takes
 * ownership. Return false, taking nothing, when the id is already used. */
bool blueprint_insert_lane(sbp_blueprint *bp, size_t at, sbp_lane *l);
bool blueprint_insert_column(sbp_blueprint *bp, size_t at, sbp_column *c);
bool blueprint_insert_standard(sbp_blueprint *bp, size_t at, sbp_standard *s);
bool blueprint_insert_step(sbp_blueprint *bp, size_t at, sbp_step *s);
void blueprint_insert_flow(sbp_blueprint *bp, size_t at, sbp_flow *f);

/* Unlink the object at index at and return it; the caller owns it. The
 * caller must first remove what points at it (steps in a lane or column,
 * flows of a step, references to a standard). */
sbp_lane *blueprint_remove_lane(sbp_blueprint *bp, size_t at);
sbp_column *blueprint_remove_column(sbp_blueprint *bp, size_t at);
sbp_standard *blueprint_remove_standard(sbp_blueprint *bp, size_t at);
sbp_step *blueprint_remove_step(sbp_blueprint *bp, size_t at);
sbp_flow *blueprint_remove_flow(sbp_blueprint *bp, size_t at);

/* An id of the form PREFIX-N not used by any object of that kind.
 * kind is 's' step, 'c' column, 'l' lane, 'd' standard. Caller frees. */
char *blueprint_fresh_id(const sbp_blueprint *bp, char kind, const char *prefix);

/* Constructors: strings are copied; NULL text becomes "". */
sbp_lane *lane_new(const char *id, const char *name, sbp_zone zone);
sbp_column *column_new(const char *id, const char *name, const char *phase);
sbp_standard *standard_new(const char *id, const char *name, sbp_std_kind kind);
sbp_step *step_new(const char *id, sbp_lane *lane, sbp_column *column,
		   const char *text);
sbp_flow *flow_new(sbp_step *from, sbp_step *to, const char *label);
sbp_fail *fail_new(const char *text);
sbp_wait *wait_new(const char *text);
/* Destructors; NULL is fine. */
void lane_free(sbp_lane *l);
void column_free(sbp_column *c);
void standard_free(sbp_standard *s);
void step_free(sbp_step *s);
void flow_free(sbp_flow *f);
void fail_free(sbp_fail *f);
void wait_free(sbp_wait *w);
sbp_fail *fail_clone(const sbp_fail *f);
sbp_wait *wait_clone(const sbp_wait *w);

/* A step the customer meets: every onstage step, any step marked
 * encounter: true, and none marked encounter: false. */
bool step_is_encounter(const sbp_step *s);
bool step_has_standard(const sbp_step *s, const sbp_standard *std);
/* The method's predicates: every part of sbp calls these, none re-derives
 * them. A flagged step is an encounter with nothing that says how well it
 * must be done (Gap 2). */
bool step_is_flagged(const sbp_step *s);
/* A standard whose current actual is worse than its goal, in the direction
 * its better: key gives (Gap 3); false when either is unknown. */
bool standard_below_goal(const sbp_standard *s);
/* Replace *field with a copy of value (NULL clears). */
void set_string(char **field, const char *value);

/* ids: 1-64 characters of letters, digits, '-', '_', '.'. */
bool sbp_id_valid(const char *s);

#endif
