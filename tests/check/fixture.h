/* Blueprints built with the model API for the check tests, and helpers
 * to look diagnostics up by rule. */
#ifndef SBP_TEST_CHECK_FIXTURE_H
#define SBP_TEST_CHECK_FIXTURE_H

#include <stddef.h>

#include "sbp/check.h"
#include "sbp/diag.h"
#include "sbp/model.h"

/* A blueprint every rule is happy with (see fixture.c for its shape):
 * default lanes at lines 10-14, columns c1 c2, standards greet-30s (hard)
 * and kind (soft), steps arrive (customer), greet and register (onstage,
 * register with fail and wait points), prep (backstage), flows
 * arrive->greet->register->prep. Every object has a distinct position. */
sbp_blueprint *fx_clean(void);
/* Add a step in lane (by id) and column c1 at pos (line, 3). */
sbp_step *fx_step(sbp_blueprint *bp, const char *id, const char *lane,
		  const char *text, int line);
/* Add a standard of kind at pos (line, 5), with measure, target and
 * feedback all set. */
sbp_standard *fx_standard(sbp_blueprint *bp, const char *id,
			  sbp_std_kind kind, int line);
/* Attach standard std (by id) to step s. */
void fx_use(sbp_blueprint *bp, sbp_step *s, const char *std);
/* Add a flow between two step ids at pos (line, 7). */
sbp_flow *fx_flow(sbp_blueprint *bp, const char *from, const char *to,
		  int line);
/* Add rule to the blueprint's ignore: list. */
void fx_ignore(sbp_blueprint *bp, const char *rule);
/* Set a string field (copied). */
void fx_set(char **field, const char *value);

/* Run check_blueprint into d (initialised here); fill sum when not NULL. */
void fx_check(const sbp_blueprint *bp, sbp_diags *d, sbp_summary *sum);
/* Number of diagnostics of rule. */
size_t fx_count(const sbp_diags *d, const char *rule);
/* The i-th diagnostic of rule, or NULL. */
const sbp_diag *fx_find(const sbp_diags *d, const char *rule, size_t i);

#endif
