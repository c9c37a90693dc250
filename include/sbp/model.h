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

/* Whose standard it is (SPEC 7.1). Unset reads as customer; it is kept
 * apart so that an explicit `source: customer` is written back. */
typedef enum sbp_source { SOURCE_UNSET, SOURCE_CUSTOMER, SOURCE_COMPANY } sbp_source;

/* The language of what exports write around the user's text (SPEC 7.5). */
typedef enum sbp_lang { LANG_UNSET, LANG_EN, LANG_ZH } sbp_lang;

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

struct sbp_measurement;

typedef struct sbp_standard {
	char *id, *name;
	sbp_std_kind kind;
	char *measure, *target, *feedback; /* NULL when absent */
	char *requirement, *owner;         /* NULL when absent */
	sbp_dimension dimension;
	sbp_source source;
	double weight, goal, actual; /* NAN when absent */
	double desired, adequate;    /* NAN when absent */
	sbp_better better;
	/* Derived, kept by measurements_index(): the latest measurement of
	 * this standard that has a value (NULL when none). */
	const struct sbp_measurement *latest;
	sbp_extras extras;
	sbp_pos pos;
} sbp_standard;

/* One dated row of the measurement log (SPEC 7.3). */
typedef struct sbp_measurement {
	char date[11];          /* YYYY-MM-DD, always valid */
	sbp_standard *standard; /* never NULL in a blueprint */
	double value;           /* NAN when absent */
	double failures, volume; /* whole numbers >= 0, NAN when absent */
	char *note;             /* NULL when absent */
	sbp_extras extras;
	sbp_pos pos;
} sbp_measurement;

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

/* A step's rarely used fields, kept out of the step itself so that the
 * common step stays small (allocated on first use, freed with the step). */
typedef struct sbp_step_more {
	char *notes; /* NULL when absent */
	char *fix;   /* a one-time fix (SPEC 7.2), NULL when absent */
	sbp_extras extras;
} sbp_step_more;

typedef struct sbp_step {
	char *id;
	sbp_lane *lane;
	sbp_column *column;
	char *text;  /* never NULL */
	sbp_step_more *more; /* NULL until a rare field is set */
	sbp_mark encounter;
	double duration; /* minutes, NAN when absent */
	SBP_VEC(sbp_standard) stds;
	sbp_wait *wait; /* NULL when none */
	sbp_fail *fail; /* NULL when none */
	sbp_pos pos;
} sbp_step;

/* The rare fields of s, allocated on first use. */
sbp_step_more *step_more(sbp_step *s);
/* Notes and fix of s, NULL when absent. */
static inline const char *step_notes(const sbp_step *s)
{
	return s->more ? s->more->notes : NULL;
}
static inline const char *step_fix(const sbp_step *s)
{
	return s->more ? s->more->fix : NULL;
}
/* The unknown keys of s (an empty list when none). */
const sbp_extras *step_extras(const sbp_step *s);

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
	SBP_VEC(sbp_measurement) measurements; /* in file order */
	sbp_lang lang;
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
/* A measurement of std on date (YYYY-MM-DD, copied); numbers NAN. */
sbp_measurement *measurement_new(const char *date, sbp_standard *std);
void measurement_free(sbp_measurement *m);
void fail_free(sbp_fail *f);
void wait_free(sbp_wait *w);
sbp_fail *fail_clone(const sbp_fail *f);
sbp_wait *wait_clone(const sbp_wait *w);

/* Insert a measurement at index at ((size_t)-1 appends; the blueprint
 * takes it) / unlink the one at index at (the caller owns it). Both keep
 * every standard's latest measurement right. */
void blueprint_insert_measurement(sbp_blueprint *bp, size_t at, sbp_measurement *m);
sbp_measurement *blueprint_remove_measurement(sbp_blueprint *bp, size_t at);
/* Recompute every standard's latest measurement with a value: O(standards
 * + measurements). The loader calls it once; edits keep it. */
void measurements_index(sbp_blueprint *bp);
/* Is date a valid ISO calendar date YYYY-MM-DD? */
bool sbp_date_valid(const char *date);

/* A step the customer meets: every onstage step, any step marked
 * encounter: true, and none marked encounter: false. */
bool step_is_encounter(const sbp_step *s);
bool step_has_standard(const sbp_step *s, const sbp_standard *std);
/* The method's predicates: every part of sbp calls these, none re-derives
 * them (SPEC 7.1-7.3). */
/* Is the standard customer-defined (source customer, or unset)? */
bool standard_is_customer(const sbp_standard *s);
/* An encounter answered only by company-defined standards (at least one
 * standard, none customer-defined) and no fix: rule company-standard-only. */
bool step_company_standard_only(const sbp_step *s);
/* Flagged (Gap 2): an encounter step with no fix (an empty one counts as
 * none) and no standard whose source is customer. */
bool step_is_flagged(const sbp_step *s);
/* The current actual: the value of the standard's latest measurement
 * that has one, else its actual key; NAN when neither. */
double standard_current_actual(const sbp_standard *s);
/* Is a worse than b in the standard's direction (better: lower means a
 * larger number is worse; otherwise a smaller one)? */
bool standard_worse(const sbp_standard *s, double a, double b);
/* Below goal (Gap 3): the current actual is worse than the goal; false
 * when either is unknown. */
bool standard_below_goal(const sbp_standard *s);
/* Outside the zone of tolerance: the current actual is worse than the
 * adequate level; false when either is unknown. */
bool standard_outside_tolerance(const sbp_standard *s);

/* One point of the service quality index: a date and its points. */
typedef struct sbp_sqi_point {
	char date[11];
	double points;
} sbp_sqi_point;
/* The SQI series (SPEC 7.3): for every date on which some measurement
 * records failures, the sum over that date's measurements of the
 * standard's weight x failures (a standard without a weight adds nothing:
 * it is not in the index); oldest first. Returns
 * the number of points; *out (caller frees) is NULL when there are none. */
size_t blueprint_sqi(const sbp_blueprint *bp, sbp_sqi_point **out);
/* Goal attainment: the weighted share of goals met. Over the standards
 * with both a goal and a current actual, the sum of the weights (1 when
 * absent) of those not below goal, divided by the sum of all their
 * weights. A met goal counts fully and a missed one not at all, so the
 * figure does not depend on how a measure is worded (a share of successes
 * or of failures), a goal of 0 failures is met by 0 failures only, and a
 * miss of a 99% goal by 98% shows. NAN when no standard counts; *counted
 * (may be NULL) gets how many did. */
double blueprint_goal_attainment(const sbp_blueprint *bp, size_t *counted);

/* The time analysis of one phase (adjacent columns sharing a phase; the
 * adjacent columns without one form a group whose phase is NULL). */
typedef struct sbp_phase_time {
	const char *phase;   /* borrowed from the first column; NULL: none */
	size_t first, ncols; /* its columns, by index */
	double customer;     /* the customer's time: the sum of duration over
				the steps in customer and onstage lanes (min) */
	double expected;     /* the sum of its wait points' expected minutes */
	double tolerable;    /* the sum of its wait points' tolerable minutes */
	size_t waits, timed; /* wait points; steps with a duration counted */
	size_t with_expected, with_tolerable; /* waits giving each figure */
	double share;        /* (customer + expected) over the same sum for
				the whole journey, 0-1; NAN when that is 0 */
} sbp_phase_time;
/* Every phase's time analysis, in column order. Returns the count; *out
 * (caller frees) is NULL when there are no columns. O(columns + steps). */
size_t blueprint_phase_times(const sbp_blueprint *bp, sbp_phase_time **out);
/* Replace *field with a copy of value (NULL clears). */
void set_string(char **field, const char *value);

/* ids: 1-64 characters of letters, digits, '-', '_', '.'. */
bool sbp_id_valid(const char *s);
/* An id made from text: its ASCII words, lowercased and joined by '-',
 * whole words only within max bytes (a first word longer than that is
 * cut), written to out (max + 1 bytes); "" when text has no such word.
 * The editor and sbp import make ids from text this one way. */
void sbp_slug(const char *text, size_t max, char *out);

#endif
