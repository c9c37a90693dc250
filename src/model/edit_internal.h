/* Private to src/model/edit*.c: the recorded operations of the undo
 * history. Each op is one primitive change that knows how to apply and
 * revert itself; a public edit records one or more ops in the open group.
 *
 * Ownership: an op that has removed an object from the blueprint owns it
 * (a remove that is applied, an insert that is reverted) and frees it when
 * the op is dropped; objects in the blueprint are never freed by ops. */
#ifndef SBP_EDIT_INTERNAL_H
#define SBP_EDIT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "sbp/edit.h"
#include "sbp/model.h"

typedef enum op_kind {
	OP_SWAP,  /* swap a field with the stored other value */
	OP_PLACE, /* insert (or remove) one object at an index */
	OP_BULK,  /* remove (or restore) several steps or flows at once */
	OP_LINK,  /* attach (or detach) a standard at an index of step->stds */
	OP_MOVE,  /* move a lane or a column from one index to another */
	OP_RENAME, /* swap an object's id with the stored one (edit_rename.c) */
} op_kind;

/* What a swapped value is, so that the op can free the one it holds. */
typedef enum own_kind { OWN_NONE, OWN_STR, OWN_FAIL, OWN_WAIT } own_kind;

typedef edit_obj obj_kind;

/* One object of a bulk removal and its index before the removal. */
typedef struct bulk_entry {
	size_t idx;
	void *obj;
} bulk_entry;

/* The value a swap op holds while it is not in the field. */
typedef union swap_value {
	double d;
	void *p;
	long long ll;
	unsigned char bytes[16];
} swap_value;

struct edit_op {
	op_kind kind;
	union {
		struct {
			obj_kind kind; /* what owner is */
			void *owner;   /* the object the field belongs to */
			void *field;   /* address of the field in its object */
			size_t size;   /* bytes of the field */
			own_kind own;  /* what other.p is, when it is owned */
			swap_value other;
		} swap;
		struct {
			obj_kind obj;
			void *p;
			size_t idx;
			bool insert; /* applying inserts (else removes) */
		} place;
		struct {
			obj_kind obj;   /* OBJ_STEP or OBJ_FLOW */
			bulk_entry *items; /* ascending idx */
			size_t n;
		} bulk; /* applying removes */
		struct {
			sbp_step *step;
			sbp_standard *std;
			size_t idx;
			bool insert; /* applying attaches (else detaches) */
		} link;
		struct {
			obj_kind obj; /* OBJ_LANE, OBJ_COLUMN or OBJ_STEP */
			size_t from, to;
		} move;
		struct {
			obj_kind obj; /* lane, column, standard or step */
			void *p;
			char *other;  /* the id it does not have now (owned) */
		} rename;
	} u;
};

/* edit_ops.c: apply, revert and free one op, telling h's watcher. applied
 * says whether the op is currently in effect (it decides what the op
 * owns). */
void op_apply(edit_history *h, edit_op *op);
void op_revert(edit_history *h, edit_op *op);
void op_free(edit_op *op, bool applied);

/* edit.c: apply op and add it to the open group (edit_begin first). */
void edit_record(edit_history *h, edit_op *op);
/* Set h->error from a format and return false (for refusals). */
bool edit_refuse(edit_history *h, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Open a group for one public edit; edit_close counts it as a change
 * when it recorded anything. */
size_t edit_open(edit_history *h, const char *name);
void edit_close(edit_history *h, size_t mark);

/* edit_record.c: build an op, apply it and record it. The swaps name the
 * object that owns the field (kind, owner). */
void rec_str(edit_history *h, obj_kind kind, void *owner, char **field,
	     const char *value);
void rec_val(edit_history *h, obj_kind kind, void *owner, void *field,
	     const void *value, size_t size);
void rec_fail(edit_history *h, sbp_step *s, sbp_fail *value);
void rec_wait(edit_history *h, sbp_step *s, sbp_wait *value);
void rec_place(edit_history *h, obj_kind obj, void *p, size_t idx, bool insert);
void rec_bulk(edit_history *h, obj_kind obj, bulk_entry *items, size_t n);
void rec_link(edit_history *h, sbp_step *s, sbp_standard *std, size_t idx,
	      bool insert);
void rec_move(edit_history *h, obj_kind obj, size_t from, size_t to);

/* edit_rename.c: exchange an object's id with the op's, keeping the id
 * index right (its own inverse). */
void rename_swap(sbp_blueprint *bp, edit_op *op);
/* The object a rename or a step move is about. */
void *rename_obj(const edit_op *op);

/* Is the object one of bp's (not NULL, not foreign, not removed)? */
bool has_step(const sbp_blueprint *bp, const sbp_step *s);
bool has_lane(const sbp_blueprint *bp, const sbp_lane *l);
bool has_column(const sbp_blueprint *bp, const sbp_column *c);
bool has_standard(const sbp_blueprint *bp, const sbp_standard *s);
/* Do two optional strings / numbers (NAN = absent) hold the same value? */
bool same_str(const char *a, const char *b);
bool same_num(double a, double b);
/* Check a new id (NULL = make one): valid and unused. On success *out is
 * a copy the caller frees. kind and prefix as for blueprint_fresh_id. */
bool take_id(edit_history *h, const char *id, char kind, const char *prefix,
	     const char *what, char **out);

/* edit_steps.c: remove the flows that touch a step for which pred is
 * true, then the steps for which it is true (each in one bulk op). */
typedef bool (*step_pred)(const sbp_step *s, const void *ctx);
void rec_remove_steps(edit_history *h, step_pred pred, const void *ctx);

#endif
