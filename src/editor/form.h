/* Small forms of fields asked one prompt after the other (form.c). */
#ifndef SBP_EDITOR_FORM_H
#define SBP_EDITOR_FORM_H

#include "internal.h"
#include "sbp/fields.h"

#define FORM_MAX_FIELDS 16

typedef enum form_kind { FK_TEXT, FK_NUMBER, FK_CHOICE } form_kind;

typedef struct ed_form_field {
	const char *name;  /* the field's key, e.g. "severity" */
	const char *label; /* what the user reads, translated */
	const char *help;  /* one line under the form, or NULL */
	form_kind kind;
	const char *const *choices; /* FK_CHOICE: NULL-terminated */
	double min, max;   /* FK_NUMBER bounds */
	bool integer;      /* FK_NUMBER: whole numbers only */
	bool required;     /* may not be left empty */
	char *value;       /* the text, "" when empty (owned) */
	const sbp_field *def; /* its row of the field table, or NULL */
} ed_form_field;

typedef struct ed_form ed_form;
/* Make the form's changes (one undoable edit); returns the result. */
typedef ed_result (*form_apply_fn)(editor *ed, ed_form *f);

struct ed_form {
	char *title;
	ed_form_field fields[FORM_MAX_FIELDS];
	size_t n, cur;
	form_apply_fn apply;
	void *target; /* the step or standard it edits */
};

ed_form *form_new(const char *title, form_apply_fn apply, void *target);
void form_free(ed_form *f);
/* Add a field; value NULL is empty. Returns it to set more (choices,
 * help, required), or NULL when the form is full. */
ed_form_field *form_add(ed_form *f, const char *name, const char *label,
			form_kind kind, const char *value);
ed_form_field *form_add_number(ed_form *f, const char *name, const char *label,
			       double value, double min, double max);
/* A field described by the field table (sbp/fields.h): kind, choices,
 * bounds and help come from its row, the value from obj (may be NULL);
 * minutes are bounded by max_minutes. */
ed_form_field *form_add_field(ed_form *f, sbp_obj_kind kind, const char *key,
			      const void *obj, const char *label, double max_minutes);
/* Store every table field's value into obj (of the fields' kind). */
void form_store(const ed_form *f, void *obj);
/* A field's value (NULL when empty) and as a number (NAN when empty). */
const char *form_value(const ed_form *f, const char *name);
double form_number(const ed_form *f, const char *name);

/* Show the form (the editor owns it now) and ask its first field. */
ed_result form_open(editor *ed, ed_form *f);
ed_result form_cancel(editor *ed);
ed_result form_key(editor *ed, ed_key k);
/* The prompt of the current field ended with text: dir +1 goes on (and
 * applies after the last field), -1 goes back. */
ed_result form_field_done(editor *ed, const char *text, int dir);
/* Completion candidates: the current field's choices. */
void form_choices(editor *ed, void (*add)(editor *, const char *, const char *,
					  size_t *), const char *prefix, size_t *cap);
/* The panel. */
size_t form_count(editor *ed);
void form_item(editor *ed, size_t i, size_t width, sbp_buf *out, ed_style *st);
void form_detail(editor *ed, size_t k, size_t width, sbp_buf *out);

#endif
