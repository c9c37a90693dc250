/* The field tables of every kind of object (see sbp/fields.h) and the
 * generic access to one field: find it, read and write it as text. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbp/fields.h"
#include "sbp/i18n.h"

_Static_assert(sizeof(sbp_std_kind) == sizeof(int) && sizeof(sbp_dimension) == sizeof(int) &&
		       sizeof(sbp_better) == sizeof(int) && sizeof(sbp_source) == sizeof(int) &&
		       sizeof(sbp_zone) == sizeof(int) && sizeof(sbp_mark) == sizeof(int),
	       "enum fields are int-sized");

static const char *const kind_words[] = {"hard", "soft", NULL};
static const char *const zone_words[] = {
	"evidence", "customer", "onstage", "backstage", "support", NULL,
};
static const char *const dim_words[] = {
	"tangibles", "reliability", "responsiveness", "assurance", "empathy", NULL,
};
static const char *const better_words[] = {"higher", "lower", NULL};
static const char *const source_words[] = {"customer", "company", NULL};

#define F(key, type, flags, st, member, help) \
	{key, type, NULL, 0, flags, offsetof(st, member), help}
#define E(key, words, first, st, member, flags, help) \
	{key, FT_ENUM, words, first, flags, offsetof(st, member), help}
#define END {NULL, FT_STRING, NULL, 0, 0, 0, NULL}

static const sbp_field column_fields[] = {
	F("id", FT_ID, FF_REQUIRED | FF_FIXED, sbp_column, id, N_("The column's id.")),
	F("name", FT_NAME, FF_REQUIRED, sbp_column, name, N_("The column's heading.")),
	F("phase", FT_STRING, 0, sbp_column, phase,
	  N_("The phase of the journey the column belongs to.")),
	END,
};

static const sbp_field lane_fields[] = {
	F("id", FT_ID, FF_REQUIRED | FF_FIXED, sbp_lane, id, N_("The lane's id.")),
	F("name", FT_NAME, FF_REQUIRED, sbp_lane, name, N_("The lane's name.")),
	E("zone", zone_words, 0, sbp_lane, zone, FF_REQUIRED | FF_FIXED,
	  N_("The zone of the blueprint the lane lies in.")),
	END,
};

static const sbp_field standard_fields[] = {
	F("id", FT_ID, FF_REQUIRED | FF_FIXED, sbp_standard, id, N_("The standard's id.")),
	F("name", FT_NAME, FF_REQUIRED, sbp_standard, name, N_("What the standard asks for.")),
	E("kind", kind_words, STD_HARD, sbp_standard, kind, FF_REQUIRED,
	  N_("hard: counted, timed or observed; soft: opinions, asked of customers.")),
	F("requirement", FT_STRING, 0, sbp_standard, requirement,
	  N_("The customer's own words the standard answers.")),
	E("source", source_words, SOURCE_CUSTOMER, sbp_standard, source, 0,
	  N_("customer (the default) or company: a company-defined standard does not "
	     "standardize an encounter.")),
	F("measure", FT_STRING, 0, sbp_standard, measure, N_("How it is measured.")),
	F("target", FT_STRING, 0, sbp_standard, target, N_("The target level, in words.")),
	E("dimension", dim_words, DIM_TANGIBLES, sbp_standard, dimension, 0,
	  N_("The SERVQUAL dimension of quality it serves.")),
	F("feedback", FT_STRING, 0, sbp_standard, feedback,
	  N_("How results reach the employees.")),
	F("owner", FT_STRING, 0, sbp_standard, owner,
	  N_("The role responsible for meeting and tracking it.")),
	F("weight", FT_NUMBER, 0, sbp_standard, weight,
	  N_("Points per failure in the service quality index.")),
	F("goal", FT_NUMBER, 0, sbp_standard, goal, N_("The target level, as a number.")),
	E("better", better_words, BETTER_HIGHER, sbp_standard, better, 0,
	  N_("Whether a higher or a lower number is better.")),
	F("desired", FT_NUMBER, 0, sbp_standard, desired,
	  N_("The level customers desire (top of the zone of tolerance).")),
	F("adequate", FT_NUMBER, 0, sbp_standard, adequate,
	  N_("The lowest level customers accept (bottom of the zone of tolerance).")),
	F("actual", FT_NUMBER, 0, sbp_standard, actual,
	  N_("The actual level, used when no measurement has a value.")),
	END,
};

static const sbp_field step_fields[] = {
	F("id", FT_ID, FF_REQUIRED | FF_FIXED, sbp_step, id, N_("The step's id.")),
	F("lane", FT_REF, FF_REQUIRED | FF_FIXED, sbp_step, lane, N_("The lane of the step.")),
	F("column", FT_REF, FF_REQUIRED | FF_FIXED, sbp_step, column,
	  N_("The column of the step.")),
	F("text", FT_NAME, 0, sbp_step, text, N_("What happens.")),
	F("notes", FT_STRING, FF_MORE, sbp_step_more, notes, N_("Free notes.")),
	F("encounter", FT_MARK, 0, sbp_step, encounter,
	  N_("true or false: whether the customer meets the firm here (default: "
	     "onstage steps).")),
	F("duration", FT_MINUTES, 0, sbp_step, duration, N_("How long the step takes, in minutes.")),
	F("standards", FT_REFS, FF_FIXED, sbp_step, stds, N_("The standards of the step.")),
	F("fix", FT_STRING, FF_MORE, sbp_step_more, fix,
	  N_("A one-time fix (technology, policy or procedure) that handles the encounter.")),
	F("wait", FT_MAP, FF_FIXED, sbp_step, wait, N_("A wait point.")),
	F("fail", FT_MAP, FF_FIXED, sbp_step, fail, N_("A fail point.")),
	END,
};

static const sbp_field fail_fields[] = {
	F("text", FT_NAME, FF_REQUIRED, sbp_fail, text, N_("What goes wrong.")),
	F("severity", FT_SEVERITY, 0, sbp_fail, severity, N_("How bad it is, 1 to 5.")),
	F("recovery", FT_STRING, 0, sbp_fail, recovery, N_("How the firm recovers.")),
	END,
};

static const sbp_field wait_fields[] = {
	F("text", FT_NAME, FF_REQUIRED, sbp_wait, text, N_("What the customer waits for.")),
	F("expected", FT_MINUTES, 0, sbp_wait, expected, N_("The expected wait, in minutes.")),
	F("tolerable", FT_MINUTES, 0, sbp_wait, tolerable,
	  N_("The longest wait customers tolerate, in minutes.")),
	END,
};

static const sbp_field flow_fields[] = {
	F("from", FT_REF, FF_REQUIRED | FF_FIXED, sbp_flow, from, N_("The step it leaves.")),
	F("to", FT_REF, FF_REQUIRED | FF_FIXED, sbp_flow, to, N_("The step it reaches.")),
	F("label", FT_STRING, 0, sbp_flow, label, N_("A label on the arrow.")),
	END,
};

static const sbp_field measurement_fields[] = {
	F("date", FT_DATE, FF_REQUIRED | FF_FIXED, sbp_measurement, date,
	  N_("The day measured, YYYY-MM-DD.")),
	F("standard", FT_REF, FF_REQUIRED | FF_FIXED, sbp_measurement, standard,
	  N_("The standard measured.")),
	F("value", FT_NUMBER, 0, sbp_measurement, value,
	  N_("The measured level, on the scale of the standard's goal.")),
	F("failures", FT_COUNT, 0, sbp_measurement, failures,
	  N_("The number of failures of the standard that day.")),
	F("volume", FT_COUNT, 0, sbp_measurement, volume,
	  N_("The number of transactions that day.")),
	F("note", FT_STRING, 0, sbp_measurement, note, N_("A note.")),
	END,
};

static const sbp_field *const tables[SBP_OBJ_COUNT] = {
	[SBP_OBJ_COLUMN] = column_fields,   [SBP_OBJ_LANE] = lane_fields,
	[SBP_OBJ_STANDARD] = standard_fields, [SBP_OBJ_STEP] = step_fields,
	[SBP_OBJ_FAIL] = fail_fields,       [SBP_OBJ_WAIT] = wait_fields,
	[SBP_OBJ_FLOW] = flow_fields,       [SBP_OBJ_MEASUREMENT] = measurement_fields,
};

const sbp_field *fields_of(sbp_obj_kind k)
{
	return k < SBP_OBJ_COUNT ? tables[k] : NULL;
}

/* Per kind, the first field whose key starts with each byte and the next
 * one with the same first byte (-1: none): a look-up compares one or two
 * keys (the loader looks up every key it reads). */
static signed char first_of[SBP_OBJ_COUNT][128], next_of[SBP_OBJ_COUNT][32];
static bool indexed;

/* Build the first-byte index of every table. */
static void index_tables(void)
{
	memset(first_of, -1, sizeof first_of);
	memset(next_of, -1, sizeof next_of);
	for (int k = 0; k < SBP_OBJ_COUNT; k++) {
		const sbp_field *t = tables[k];
		for (int i = (int)fields_count((sbp_obj_kind)k) - 1; i >= 0; i--) {
			unsigned char c = (unsigned char)t[i].key[0] & 127;
			next_of[k][i] = first_of[k][c];
			first_of[k][c] = (signed char)i;
		}
	}
	indexed = true;
}

const sbp_field *field_find(sbp_obj_kind k, const char *key)
{
	if (k >= SBP_OBJ_COUNT || (unsigned char)key[0] >= 128)
		return NULL;
	if (!indexed)
		index_tables();
	const sbp_field *t = tables[k];
	for (int i = first_of[k][(unsigned char)key[0]]; i >= 0; i = next_of[k][i])
		if (strcmp(t[i].key + 1, key + 1) == 0)
			return &t[i];
	return NULL;
}

size_t fields_count(sbp_obj_kind k)
{
	size_t n = 0;
	for (const sbp_field *f = fields_of(k); f && f->key; f++)
		n++;
	return n;
}

/* The choices text of each enum word list, made once. */
const char *field_choices(const sbp_field *f)
{
	static char text[8][96];
	static const char *const *made[8];
	if (f->type != FT_ENUM || !f->values)
		return "";
	for (int i = 0; i < 8; i++) {
		if (made[i] == f->values)
			return text[i];
		if (!made[i]) {
			size_t len = 0;
			for (const char *const *w = f->values; *w; w++)
				len += (size_t)snprintf(text[i] + len, sizeof text[i] - len,
							"%s%s", w == f->values ? "" : ", ", *w);
			made[i] = f->values;
			return text[i];
		}
	}
	return "";
}

bool field_enum_parse(const sbp_field *f, const char *word, int *out)
{
	for (int i = 0; f->values && f->values[i]; i++) {
		if (strcmp(word, f->values[i]) == 0) {
			*out = f->first + i;
			return true;
		}
	}
	return false;
}

const char *field_enum_word(const sbp_field *f, int v)
{
	int i = v - f->first;
	if (!f->values || i < 0)
		return NULL;
	for (int j = 0; f->values[j]; j++)
		if (j == i)
			return f->values[j];
	return NULL;
}

void *field_ptr(const sbp_field *f, const void *obj)
{
	if (f->flags & FF_MORE) {
		const sbp_step *s = obj;
		return s->more ? (char *)s->more + f->offset : NULL;
	}
	return (char *)obj + f->offset;
}

void *field_ptr_make(const sbp_field *f, void *obj)
{
	if (f->flags & FF_MORE)
		return (char *)step_more(obj) + f->offset;
	return (char *)obj + f->offset;
}

bool field_present(const sbp_field *f, const void *obj)
{
	const void *p = field_ptr(f, obj);
	if (!p)
		return false;
	switch (f->type) {
	case FT_ID: case FT_NAME: case FT_STRING:
		return *(char *const *)p != NULL;
	case FT_NUMBER: case FT_MINUTES: case FT_COUNT:
		return !isnan(*(const double *)p);
	case FT_SEVERITY: case FT_MARK:
		return *(const int *)p != 0;
	case FT_ENUM:
		return field_enum_word(f, *(const int *)p) != NULL;
	case FT_DATE:
		return *(const char *)p != '\0';
	case FT_REF: case FT_MAP:
		return *(void *const *)p != NULL;
	case FT_REFS:
		return ((const sbp_step *)obj)->stds.n > 0;
	}
	return false;
}

void field_get_text(const sbp_field *f, const void *obj, sbp_buf *out)
{
	const void *p = field_ptr(f, obj);
	char num[32];
	if (!p || !field_present(f, obj))
		return;
	switch (f->type) {
	case FT_ID: case FT_NAME: case FT_STRING:
		buf_puts(out, *(char *const *)p);
		break;
	case FT_NUMBER: case FT_MINUTES: case FT_COUNT:
		fmt_number(*(const double *)p, num);
		buf_puts(out, num);
		break;
	case FT_SEVERITY:
		buf_printf(out, "%d", *(const int *)p);
		break;
	case FT_MARK:
		buf_puts(out, *(const int *)p == MARK_YES ? "true" : "false");
		break;
	case FT_ENUM:
		buf_puts(out, field_enum_word(f, *(const int *)p));
		break;
	case FT_DATE:
		buf_puts(out, (const char *)p);
		break;
	case FT_REF:
	case FT_REFS:
	case FT_MAP:
		break; /* shown by their owners */
	}
}

/* Parse a number the way the editor does: the whole text, finite. */
static bool parse_num(const char *t, double *out)
{
	char *end;
	if (!*t)
		return false;
	double v = strtod(t, &end);
	if (*end || isnan(v) || isinf(v))
		return false;
	*out = v;
	return true;
}

bool field_parse_text(const sbp_field *f, const char *text, sbp_field_value *out,
		      char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	out->num = NAN;
	bool empty = *text == '\0';
	if (empty && (f->flags & FF_REQUIRED) && f->type != FT_ENUM) {
		snprintf(err, errlen, _("%s cannot be empty."), f->key);
		return false;
	}
	switch (f->type) {
	case FT_ID:
		if (!sbp_id_valid(text)) {
			snprintf(err, errlen, _("'%.64s' is not a valid id (use 1-64 letters, "
						"digits, '-', '_' or '.')."), text);
			return false;
		}
		out->str = text;
		return true;
	case FT_NAME:
		out->str = text;
		return true;
	case FT_STRING:
		out->str = empty ? NULL : text;
		return true;
	case FT_NUMBER: case FT_MINUTES: case FT_COUNT:
		if (empty)
			return true;
		if (!parse_num(text, &out->num)) {
			snprintf(err, errlen, _("%s must be a number, not \"%.40s\"."), f->key, text);
			return false;
		}
		if (f->type != FT_NUMBER && out->num < 0) {
			snprintf(err, errlen, _("%s must not be negative."), f->key);
			return false;
		}
		if (f->type == FT_COUNT && out->num != floor(out->num)) {
			snprintf(err, errlen, _("%s must be a whole number."), f->key);
			return false;
		}
		return true;
	case FT_SEVERITY:
		if (empty)
			return true;
		if (!parse_num(text, &out->num) || out->num < 1 || out->num > 5 ||
		    out->num != floor(out->num)) {
			snprintf(err, errlen, _("severity must be a whole number from 1 to 5."));
			return false;
		}
		out->i = (int)out->num;
		return true;
	case FT_MARK:
		if (empty)
			out->i = MARK_DEFAULT;
		else if (!strcmp(text, "true") || !strcmp(text, "yes"))
			out->i = MARK_YES;
		else if (!strcmp(text, "false") || !strcmp(text, "no"))
			out->i = MARK_NO;
		else {
			snprintf(err, errlen, _("%s must be true or false."), f->key);
			return false;
		}
		return true;
	case FT_ENUM:
		if (empty && !(f->flags & FF_REQUIRED)) {
			out->i = f->first - 1; /* the unset value */
			return true;
		}
		if (!field_enum_parse(f, text, &out->i)) {
			snprintf(err, errlen, _("%s must be one of %s, not \"%.40s\"."), f->key,
				 field_choices(f), text);
			return false;
		}
		return true;
	case FT_DATE:
		if (!sbp_date_valid(text)) {
			snprintf(err, errlen, _("'%.40s' is not a date (use YYYY-MM-DD)."), text);
			return false;
		}
		out->str = text;
		return true;
	case FT_REF: case FT_REFS: case FT_MAP:
		break;
	}
	snprintf(err, errlen, _("%s cannot be set this way."), f->key);
	return false;
}

void field_store(const sbp_field *f, void *obj, const sbp_field_value *v)
{
	void *p = field_ptr_make(f, obj);
	switch (f->type) {
	case FT_ID: case FT_NAME: case FT_STRING:
		set_string(p, v->str);
		break;
	case FT_NUMBER: case FT_MINUTES: case FT_COUNT:
		*(double *)p = v->num;
		break;
	case FT_SEVERITY: case FT_MARK: case FT_ENUM:
		*(int *)p = v->i;
		break;
	case FT_DATE:
		snprintf(p, 11, "%s", v->str ? v->str : "");
		break;
	case FT_REF: case FT_REFS: case FT_MAP:
		break;
	}
}
