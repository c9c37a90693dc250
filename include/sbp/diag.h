/* Diagnostics: errors and warnings with file, line, column and a stable
 * rule id, printed GCC-style or as JSON. */
#ifndef SBP_DIAG_H
#define SBP_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum sbp_severity { SBP_ERROR, SBP_WARNING } sbp_severity;

/* Rule ids (SPEC section 3). Stable: users grep and suppress them. */
#define RULE_SYNTAX "syntax"
#define RULE_SCHEMA "schema"
#define RULE_VERSION "version"
#define RULE_DUPLICATE_ID "duplicate-id"
#define RULE_UNKNOWN_REFERENCE "unknown-reference"
#define RULE_ZONE_ORDER "zone-order"
#define RULE_LIMIT "limit"
#define RULE_UNSTANDARDIZED "unstandardized-encounter"
#define RULE_HARD_UNMEASURED "hard-standard-unmeasured"
#define RULE_SOFT_NO_FEEDBACK "soft-standard-no-feedback"
#define RULE_FAIL_NO_RECOVERY "fail-point-no-recovery"
#define RULE_WAIT_NO_TOLERANCE "wait-point-no-tolerance"
#define RULE_UNUSED_STANDARD "unused-standard"
#define RULE_BYPASSED "bypassed-interaction"
#define RULE_BELOW_GOAL "below-goal"
#define RULE_UNKNOWN_KEY "unknown-key"
#define RULE_COMPANY_STANDARD_ONLY "company-standard-only"
#define RULE_OUTSIDE_TOLERANCE "outside-tolerance"
#define RULE_NO_ENCOUNTERS "no-encounters"
#define RULE_MERGE_CONFLICT "merge-conflict"

typedef struct sbp_diag {
	int line, col;         /* 1-based; 0 when not known */
	sbp_severity severity;
	const char *rule;      /* one of the RULE_ strings (static) */
	char *message;         /* owned */
	char *step;            /* id of the step it is about, or NULL; owned */
} sbp_diag;

typedef struct sbp_diags {
	sbp_diag *items;
	size_t n, cap;
	size_t errors, warnings; /* all of them, kept or not */
	size_t dropped;          /* counted in errors/warnings but not kept */
} sbp_diags;

void diags_init(sbp_diags *d);
void diags_free(sbp_diags *d);
void diags_clear(sbp_diags *d);
/* Append a diagnostic; message is printf-formatted. step may be NULL. */
void diags_add(sbp_diags *d, sbp_severity sev, const char *rule, int line,
	       int col, const char *step, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));
/* Sort by line, then column (stable). */
void diags_sort(sbp_diags *d);

/* Write one diagnostic as "FILE:LINE:COL: error|warning: message [rule]".
 * File content quoted in messages is already escaped by its producer. */
void diag_print(FILE *out, const char *file, const sbp_diag *dg, bool color);

/* Drop the warnings, keeping the errors in their order. */
void diags_keep_errors(sbp_diags *d);
/* Count a diagnostic without keeping it (past a limit on how many are
 * kept). */
void diags_drop(sbp_diags *d, sbp_severity sev);
/* Sort d and print at most max (0: all) of its diagnostics, then one line
 * "FILE: and N more not shown" counting the rest, kept or dropped. */
void diags_print(FILE *out, const char *file, sbp_diags *d, size_t max, bool color);

/* Quote text from a file for a message: at most max display columns,
 * control, bidi and invisible characters escaped as \xNN or \u{NNNN}.
 * Caller frees. */
char *diag_quote(const char *s, size_t max);

#endif
