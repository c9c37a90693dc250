/* The columns of the CSV tables (sbp/csv_tables.h), walked from the field
 * tables, their header names in each language, and the formula guard. */
#include <stdio.h>
#include <string.h>

#include "sbp/csv_tables.h"

/* Derived columns: the kind, the field they follow, their names. */
static const struct {
	int kind;
	const char *after;
	const char *names[4];
} derived[] = {
	{SBP_OBJ_STEP, "lane", {"lane_name", "zone"}},
	{SBP_OBJ_STEP, "column", {"column_name", "phase"}},
	{SBP_OBJ_STEP, "encounter", {"flagged"}},
	{SBP_OBJ_STANDARD, "actual", {"below_goal", "steps"}},
	{SBP_OBJ_FLOW, "label", {"from_lane", "to_lane", "from_column", "to_column"}},
};

/* The blueprint's own keys, in their canonical order. */
static const char *const head_names[] = {"lang", "title", "description", "ignore", NULL};

sbp_obj_kind csv_point_kind(const sbp_field *f)
{
	return !strcmp(f->key, "wait") ? SBP_OBJ_WAIT : SBP_OBJ_FAIL;
}

/* Append a column to cols when there is room. */
static void add(csv_col *cols, size_t max, size_t *n, const char *name, const sbp_field *f,
		const sbp_field *sub, int der)
{
	if (*n >= max)
		return;
	csv_col *c = &cols[(*n)++];
	memset(c, 0, sizeof *c);
	snprintf(c->name, sizeof c->name, "%s", name);
	c->f = f;
	c->sub = sub;
	c->derived = der;
	c->yaml = !f && der < 0 && !strcmp(name, CSV_YAML_COLUMN);
}

size_t csv_columns(int k, csv_col *cols, size_t max)
{
	size_t n = 0;
	int nd = 0;

	if (k == CSV_OBJ_HEAD) {
		for (size_t i = 0; head_names[i]; i++)
			add(cols, max, &n, head_names[i], NULL, NULL, -1);
		add(cols, max, &n, CSV_YAML_COLUMN, NULL, NULL, -1);
		return n;
	}
	for (const sbp_field *f = fields_of((sbp_obj_kind)k); f && f->key; f++) {
		if (f->type == FT_MAP) {
			for (const sbp_field *s = fields_of(csv_point_kind(f)); s->key; s++) {
				char name[48];
				if (s->type == FT_NAME)
					snprintf(name, sizeof name, "%s", f->key);
				else
					snprintf(name, sizeof name, "%s_%s", f->key, s->key);
				add(cols, max, &n, name, f, s, -1);
			}
		} else {
			add(cols, max, &n, f->key, f, NULL, -1);
		}
		for (size_t d = 0; d < sizeof derived / sizeof *derived; d++)
			if (derived[d].kind == k && !strcmp(derived[d].after, f->key))
				for (size_t i = 0; i < 4 && derived[d].names[i]; i++)
					add(cols, max, &n, derived[d].names[i], NULL, NULL, nd++);
	}
	add(cols, max, &n, CSV_YAML_COLUMN, NULL, NULL, -1);
	return n;
}

const char *csv_header(const char *name)
{
	return term_tr(name);
}

bool csv_header_is(const char *cell, const char *name)
{
	return term_csv_header_is(cell, name);
}

bool csv_needs_guard(const char *s)
{
	while (*s == '\'')
		s++;
	return *s && strchr("=+-@\t\r", *s);
}

const char *csv_unguard(const char *s)
{
	return s[0] == '\'' && csv_needs_guard(s + 1) ? s + 1 : s;
}
