/* Internal interface of the YAML loader: the event reader (load.c) and
 * the per-object field parsers (load_objects.c). */
#ifndef SBP_LOAD_INTERNAL_H
#define SBP_LOAD_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <yaml.h>

#include "sbp/diag.h"
#include "sbp/fields.h"
#include "sbp/i18n.h"
#include "sbp/hmap.h"
#include "sbp/io.h"
#include "sbp/model.h"

/* Stop after this many values kept under unknown keys (each costs
 * memory; known keys cost far less). How many diagnostics are kept is
 * sbp_limits' max_diags. */
#define SBP_MAX_NODES 1000000

/* A reference by id, resolved once the whole file is read. */
typedef struct ref {
	char *id;  /* the id, when it could not be resolved yet */
	void *ptr; /* the object, when it was already known */
	sbp_pos pos;
} ref;

typedef struct pend_step {
	sbp_step *step;
	ref lane, column;
	ref *stds;
	size_t n_stds, cap_stds;
} pend_step;

typedef struct pend_flow {
	sbp_flow *flow;
	ref from, to;
} pend_flow;

typedef struct pend_measurement {
	sbp_measurement *m;
	ref std;
} pend_measurement;

/* The keys seen in one mapping, to refuse duplicates. Short keys of
 * small mappings (every known key) live inline, so reading an object
 * allocates nothing for its keys; others go to the heap and a hash table. */
#define KEYSET_INLINE 16
#define KEYSET_INLINE_LEN 24
typedef struct keyset {
	char small[KEYSET_INLINE][KEYSET_INLINE_LEN];
	size_t n_small;
	char **keys; /* heap keys */
	size_t n, cap;
	hmap index; /* of the heap keys */
} keyset;

typedef struct loader {
	yaml_parser_t parser;
	yaml_event_t ev;
	bool have_ev;
	const char *data; /* the whole text, or NULL while streaming a file */
	size_t len;
	int fd;           /* streaming: the file being read, and its name */
	const char *path;
	char *owned;      /* the text read again for an error's position */
	size_t read_total;
	bool too_big;
	sbp_limits lim;
	sbp_diags *diags;
	int depth;
	bool fatal;  /* stop reading: the event stream cannot go on */
	bool failed; /* any error so far */
	bool version_seen, lanes_seen;
	size_t nodes; /* generic nodes kept for unknown keys */
	sbp_blueprint *bp;
	SBP_VEC(pend_step) psteps;
	SBP_VEC(pend_flow) pflows;
	SBP_VEC(pend_measurement) pmeasures;
} loader;

/* Event layer (load.c). */
/* The length of a UTF-8 byte-order mark at the start of s (3), or 0.
 * Windows editors write one; the loader skips it before parsing, so
 * positions count from the character after it. */
size_t ld_bom_len(const char *s, size_t len);
bool ld_next(loader *ld);
sbp_pos ld_pos(const loader *ld);
void ld_error(loader *ld, const char *rule, sbp_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void ld_warn(loader *ld, const char *rule, sbp_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Name the step that the diagnostics from index first on are about. */
void ld_blame_step(loader *ld, size_t first, const char *step);
void ld_skip(loader *ld);
bool ld_is_scalar(const loader *ld);
bool ld_is_null(const loader *ld);
/* Within a mapping (current event: MAPPING_START, or the previous value):
 * read the next key. Returns false at MAPPING_END or on a fatal error.
 * On true, *key is the key (owned by ks) and the current event is the
 * first event of its value. */
bool ld_map_next(loader *ld, keyset *ks, const char **key, sbp_pos *kpos);
/* Is key the known key lit? The first bytes decide almost every
 * comparison without a call (the known keys of an object mostly start
 * with different letters). */
static inline bool key_is(const char *key, const char *lit)
{
	return key[0] == lit[0] && strcmp(key, lit) == 0;
}
void keyset_free(keyset *ks);
/* A generic node tree of the current node (for unknown keys). */
sbp_node *ld_node(loader *ld);

/* Typed values; each consumes the current node. On a type mismatch they
 * report a schema error naming what, and return false. */
bool ld_string(loader *ld, const char *what, char **out);
bool ld_number(loader *ld, const char *what, double *out);
bool ld_bool(loader *ld, const char *what, bool *out);
bool ld_id(loader *ld, const char *what, char **out);
/* Expect a sequence (consumed by the caller with ld_seq_next). */
bool ld_seq_begin(loader *ld, const char *what);
/* Next item of a sequence: false at SEQUENCE_END or on a fatal error. */
bool ld_seq_next(loader *ld);
bool ld_map_begin(loader *ld, const char *what);

/* Object parsers (load_objects.c), each on the current node. */
void ld_column(loader *ld);
void ld_lane(loader *ld);
void ld_standard(loader *ld);
void ld_step(loader *ld);
void ld_flow(loader *ld);
void ld_measurement(loader *ld);
/* The object of kind ('l' lane, 'c' column, 'd' standard, 's' step)
 * named id, or NULL. */
void *ld_lookup(const sbp_blueprint *bp, char kind, const char *id);
/* Free a pending step's references (not the step, nor ps itself). */
void ld_pend_step_clear(pend_step *ps);
/* Resolve every pending reference, reporting unknown ones. */
void ld_resolve(loader *ld);
void ld_pending_free(loader *ld);

#endif
