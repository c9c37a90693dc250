/* The fields of each kind of object, described once: key, type, allowed
 * values, help text and where the value lives. The loader, the writer,
 * the editor's :stdset and forms, completion and the schema test all walk
 * these tables (as tmux's options-table.c), so that a new field is added
 * in one place.
 *
 * Fields of type FT_REF, FT_REFS and FT_MAP are listed (so that key order
 * and help come from here too) but read and written by their owners'
 * code, since they point at other objects. */
#ifndef SBP_FIELDS_H
#define SBP_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "sbp/model.h"
#include "sbp/util.h"

typedef enum sbp_obj_kind {
	SBP_OBJ_COLUMN,
	SBP_OBJ_LANE,
	SBP_OBJ_STANDARD,
	SBP_OBJ_STEP,
	SBP_OBJ_FAIL,
	SBP_OBJ_WAIT,
	SBP_OBJ_FLOW,
	SBP_OBJ_MEASUREMENT,
	SBP_OBJ_COUNT
} sbp_obj_kind;

typedef enum sbp_field_type {
	FT_ID,      /* char *, an id (sbp_id_valid) */
	FT_NAME,    /* char *, required text, never NULL */
	FT_STRING,  /* char *, optional text, NULL when absent */
	FT_NUMBER,  /* double, NAN when absent */
	FT_MINUTES, /* double >= 0, NAN when absent */
	FT_COUNT,   /* double, a whole number >= 0, NAN when absent */
	FT_SEVERITY, /* int 1-5, 0 when absent */
	FT_ENUM,    /* int-sized enum; values[i] names value i (NULL: unset) */
	FT_MARK,    /* sbp_mark: a boolean that may be absent */
	FT_DATE,    /* char[11], YYYY-MM-DD */
	FT_REF,     /* a pointer to another object, written as its id */
	FT_REFS,    /* a list of references (a step's standards) */
	FT_MAP,     /* a nested object (a step's wait and fail) */
} sbp_field_type;

enum {
	FF_REQUIRED = 1 << 0, /* the key must be present */
	FF_MORE = 1 << 1,     /* lives in a step's sbp_step_more */
	FF_FIXED = 1 << 2,    /* not changed by :stdset and forms (the id) */
};

typedef struct sbp_field {
	const char *key;
	sbp_field_type type;
	const char *const *values; /* FT_ENUM: names by value, NULL-ended
				      list starting at index first */
	int first;                 /* FT_ENUM: the first named value */
	unsigned flags;
	size_t offset; /* in the object (or its sbp_step_more with FF_MORE) */
	const char *help; /* N_() text; translate with _() when shown */
} sbp_field;

/* The fields of objects of kind k in canonical key order, ending with an
 * entry whose key is NULL. */
const sbp_field *fields_of(sbp_obj_kind k);
/* The field of kind k named key, or NULL. */
const sbp_field *field_find(sbp_obj_kind k, const char *key);
/* The number of fields of kind k. */
size_t fields_count(sbp_obj_kind k);
/* "hard, soft": the allowed words of an FT_ENUM field (static text). */
const char *field_choices(const sbp_field *f);
/* Parse word as a value of the FT_ENUM field f. */
bool field_enum_parse(const sbp_field *f, const char *word, int *out);
/* The word naming enum value v of f, or NULL (unset). */
const char *field_enum_word(const sbp_field *f, int v);

/* Where field f of obj lives; NULL for a FF_MORE field of a step that has
 * no sbp_step_more yet (the value is then absent). */
void *field_ptr(const sbp_field *f, const void *obj);
/* The same, allocating a step's sbp_step_more when needed. */
void *field_ptr_make(const sbp_field *f, void *obj);
/* Is the field present (not NULL, NAN, unset or 0)? */
bool field_present(const sbp_field *f, const void *obj);

/* A value parsed from text, ready to store. */
typedef struct sbp_field_value {
	const char *str; /* FT_ID, FT_NAME, FT_STRING, FT_DATE: borrowed */
	double num;      /* number types */
	int i;           /* FT_ENUM, FT_MARK, FT_SEVERITY */
} sbp_field_value;

/* Append field f of obj as text to out ("" when absent). */
void field_get_text(const sbp_field *f, const void *obj, sbp_buf *out);
/* Parse text for field f ("" clears an optional field). On a bad value
 * return false with a translated sentence in err. */
bool field_parse_text(const sbp_field *f, const char *text, sbp_field_value *out,
		      char *err, size_t errlen);
/* Store v into field f of obj, without undo (loader, tools, tests). */
void field_store(const sbp_field *f, void *obj, const sbp_field_value *v);

#endif
