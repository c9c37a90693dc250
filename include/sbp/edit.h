/* Undoable edits of a blueprint. Every change the editor makes goes
 * through these functions; each records itself with its inverse in the
 * history (no copy of the blueprint), so undo and redo cover every
 * change. Edits made between edit_begin and edit_end undo as one step.
 *
 * Every function returns false and changes nothing when its arguments
 * are invalid (unknown or duplicate id, a lane out of zone order, ...),
 * with a plain-words reason in h->error. */
#ifndef SBP_EDIT_H
#define SBP_EDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "sbp/model.h"

typedef struct edit_op edit_op;   /* one recorded change (private) */

/* Watching the history: a function told just before and just after each
 * primitive change, when an edit is made and when it is undone or redone,
 * so that what is derived from the blueprint (the editor's grid, counts
 * and findings) can follow the change instead of being rebuilt. Between
 * two changes the blueprint is consistent (flows name present steps,
 * steps present lanes, columns and standards). */
typedef enum edit_obj {
	EDIT_LANE, EDIT_COLUMN, EDIT_STANDARD, EDIT_STEP, EDIT_FLOW,
	EDIT_BLUEPRINT, /* its title and description */
	EDIT_MEASUREMENT, /* a row of the measurement log */
} edit_obj;

typedef enum edit_change {
	EDIT_INSERT, /* obj enters the blueprint at index idx */
	EDIT_REMOVE, /* obj leaves the blueprint from index idx */
	EDIT_MODIFY, /* a field of obj changes (idx is (size_t)-1); attaching
			or detaching a standard modifies the step */
	EDIT_MOVE,   /* a lane or column moves to index idx */
} edit_change;

typedef struct edit_event {
	edit_change change;
	bool after;    /* false: just before the change; true: just after */
	edit_obj kind;
	void *obj;     /* the object (the blueprint for EDIT_BLUEPRINT) */
	size_t idx;
	size_t batch;  /* objects the primitive change moves at once (a bulk
			  removal of steps or flows tells of each), and */
	size_t nth;    /* which of them this is: 0 .. batch-1 */
} edit_event;

typedef void (*edit_watch_fn)(void *ctx, const edit_event *ev);
typedef struct edit_group {
	char *name;      /* what the user did, e.g. "add step" */
	edit_op **ops;
	size_t n, cap;
	size_t serial;   /* unique, increasing: identifies a history state */
} edit_group;

typedef struct edit_history {
	sbp_blueprint *bp;       /* borrowed */
	SBP_VEC(edit_group) groups; /* groups[0..pos) are done, the rest redo */
	size_t pos;
	size_t next_serial;
	size_t saved_serial;     /* serial of the top group when last saved, 0 = none */
	bool saved_valid;        /* false when the saved state was dropped from history */
	int depth;               /* edit_begin nesting */
	size_t changes;          /* edits since the last save (for recovery info) */
	char error[256];
	edit_group *open;        /* the group being recorded (depth > 0), or NULL */
	edit_watch_fn watch;     /* told of every change, or NULL */
	void *watch_ctx;
} edit_history;

void edit_init(edit_history *h, sbp_blueprint *bp);
void edit_free(edit_history *h);
/* Tell fn (with ctx) of every change from now on; NULL stops. One
 * watcher per history. edit_init and edit_free forget it. */
void edit_watch(edit_history *h, edit_watch_fn fn, void *ctx);

/* Group the following edits under one name, until edit_end. Nested
 * begin/end pairs join the outer group. An empty group is dropped. */
void edit_begin(edit_history *h, const char *name);
void edit_end(edit_history *h);

bool edit_undo(edit_history *h); /* false when there is nothing to undo */
bool edit_redo(edit_history *h);
/* Name of what undo/redo would revert/replay, or NULL. */
const char *edit_undo_name(const edit_history *h);
const char *edit_redo_name(const edit_history *h);

/* The current state is the one on disk. */
void edit_mark_saved(edit_history *h);
/* Does the blueprint differ from the saved state? Right again after
 * undoing back to the saved state. */
bool edit_modified(const edit_history *h);

/* Steps. step_add makes a fresh id ("step-N") when id is NULL, and
 * returns the new step through *out (may be NULL). */
bool edit_step_add(edit_history *h, sbp_lane *lane, sbp_column *col,
		   const char *id, const char *text, sbp_step **out);
/* Delete a step and the flows that touch it. */
bool edit_step_delete(edit_history *h, sbp_step *s);
bool edit_step_text(edit_history *h, sbp_step *s, const char *text);
bool edit_step_notes(edit_history *h, sbp_step *s, const char *notes); /* NULL clears */
bool edit_step_fix(edit_history *h, sbp_step *s, const char *fix);     /* NULL clears */
bool edit_step_duration(edit_history *h, sbp_step *s, double minutes); /* NAN clears */
bool edit_step_encounter(edit_history *h, sbp_step *s, sbp_mark mark);
bool edit_step_move(edit_history *h, sbp_step *s, sbp_lane *lane, sbp_column *col);
/* Replace the fail/wait point with a copy of f/w (NULL removes it). */
bool edit_step_fail(edit_history *h, sbp_step *s, const sbp_fail *f);
bool edit_step_wait(edit_history *h, sbp_step *s, const sbp_wait *w);
bool edit_step_attach(edit_history *h, sbp_step *s, sbp_standard *std);
bool edit_step_detach(edit_history *h, sbp_step *s, sbp_standard *std);

/* Flows. */
bool edit_flow_add(edit_history *h, sbp_step *from, sbp_step *to,
		   const char *label, sbp_flow **out);
bool edit_flow_delete(edit_history *h, sbp_flow *f);
bool edit_flow_label(edit_history *h, sbp_flow *f, const char *label);

/* Columns: insert at index at (id NULL = fresh "col-N"). Deleting a
 * column deletes its steps (and their flows). move: to index to. */
bool edit_column_insert(edit_history *h, size_t at, const char *id,
			const char *name, const char *phase, sbp_column **out);
bool edit_column_delete(edit_history *h, sbp_column *c);
bool edit_column_rename(edit_history *h, sbp_column *c, const char *name);
bool edit_column_phase(edit_history *h, sbp_column *c, const char *phase);
bool edit_column_move(edit_history *h, sbp_column *c, size_t to);

/* Lanes: insert at index at; refused when the zone order would break.
 * edit_lane_insert_auto puts a lane of zone z after the last lane of
 * that zone (or where the zone belongs). */
bool edit_lane_insert(edit_history *h, size_t at, const char *id,
		      const char *name, sbp_zone zone, sbp_lane **out);
bool edit_lane_insert_auto(edit_history *h, const char *id, const char *name,
			   sbp_zone zone, sbp_lane **out);
bool edit_lane_delete(edit_history *h, sbp_lane *l);
bool edit_lane_rename(edit_history *h, sbp_lane *l, const char *name);
bool edit_lane_move(edit_history *h, sbp_lane *l, size_t to);

/* Standards: add a copy of proto (its id must be new; NULL id = fresh
 * "std-N"); update replaces every field but the id with proto's; delete
 * detaches it from every step first (undo re-attaches). */
bool edit_standard_add(edit_history *h, const sbp_standard *proto, sbp_standard **out);
bool edit_standard_update(edit_history *h, sbp_standard *s, const sbp_standard *proto);
bool edit_standard_delete(edit_history *h, sbp_standard *s);
/* Number of steps that use s. O(steps). */
size_t edit_standard_uses(const sbp_blueprint *bp, const sbp_standard *s);

/* Set one field of an object from text, through the field table
 * (sbp/fields.h): the value is checked as the loader checks it ("" clears
 * an optional field) and the change is undoable. kind is one of
 * SBP_OBJ_STANDARD, _STEP, _LANE, _COLUMN, _FLOW; fields marked FF_FIXED
 * (ids, references, lists) are refused: they have their own edits. */
bool edit_field_set(edit_history *h, int kind, void *obj, const char *key,
		    const char *text);

/* Measurements: append a copy of proto (its standard must be one of the
 * blueprint's, its date valid); delete one. The current actual of the
 * standard follows. */
bool edit_measurement_add(edit_history *h, const sbp_measurement *proto,
			  sbp_measurement **out);
bool edit_measurement_delete(edit_history *h, sbp_measurement *m);

/* The blueprint's lang: key. */
bool edit_lang(edit_history *h, sbp_lang lang);
/* edit_rename.c. A new id for a lane, column, standard or step (every
 * reference follows); refused when id is invalid or taken. */
bool edit_rename_id(edit_history *h, edit_obj obj, void *p, const char *id);
/* Move a step before the previous (dir < 0) or after the next (dir > 0)
 * step of its cell. */
bool edit_step_reorder(edit_history *h, sbp_step *s, int dir);
/* A copy of src with every field but its id and flows, in lane/col (id
 * NULL: a fresh one); *out is the copy. */
bool edit_step_copy(edit_history *h, const sbp_step *src, sbp_lane *lane,
		    sbp_column *col, const char *id, sbp_step **out);

/* Blueprint title and description (NULL clears). */
bool edit_title(edit_history *h, const char *title);
bool edit_description(edit_history *h, const char *description);

#endif
