/* The blueprint the edit tests start from, and helpers to compare the
 * whole model (canonical YAML) before and after undo and redo. */
#ifndef TEST_EDIT_FIXTURE_H
#define TEST_EDIT_FIXTURE_H

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sbp/edit.h"
#include "sbp/io.h"
#include "sbp/model.h"

/* A blueprint, its history and its YAML when the test began. */
typedef struct fx {
	sbp_blueprint *bp;
	edit_history h;
	char *yaml0;
} fx;

/* The fixture: 3 columns, 6 lanes (two onstage), 2 standards, 6 steps
 * with fail/wait points, notes and extras, and 4 flows. */
sbp_blueprint *fx_blueprint(void);
/* cmocka setup and teardown making a struct fx in *state. */
int fx_setup(void **state);
int fx_teardown(void **state);
/* The canonical YAML of bp. Caller frees. */
char *fx_yaml(const sbp_blueprint *bp);
/* Assert the model's own consistency: id tables, idx fields, pointers
 * between objects all inside the blueprint. */
void fx_invariants(const sbp_blueprint *bp);
/* Assert the YAML of f->bp equals want. */
void fx_expect(fx *f, const char *want);
/* After one edit: undo gives the YAML of the start, redo the edited one,
 * and a second undo/redo cycle too. */
void fx_undo_redo(fx *f);
/* Assert the last edit was refused with a reason and changed nothing
 * (same YAML as the start, nothing to undo). */
void fx_refused(fx *f, bool ok);

/* Shorthands for the fixture's objects by id. */
sbp_step *fx_step(fx *f, const char *id);
sbp_lane *fx_lane(fx *f, const char *id);
sbp_column *fx_col(fx *f, const char *id);
sbp_standard *fx_std(fx *f, const char *id);
/* The flow from one step id to another, or NULL. */
sbp_flow *fx_flow(fx *f, const char *from, const char *to);

#endif
