/* CSV export (RFC 4180: CRLF, quoted fields, doubled quotes). By default
 * every table of the blueprint in one file: the steps (one row per step,
 * what facilitators sort and filter), then after a blank line each the
 * standards, flows, lanes, columns, measurements and the blueprint's own
 * keys, so that `sbp import -f csv` gives the same blueprint back. --what
 * writes one table alone. The columns come from the field tables
 * (sbp/csv_tables.h); a UTF-8 byte order mark comes first so spreadsheets
 * read non-ASCII text right, and any text that could start a formula is
 * neutralised. */
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "method.h"
#include "sbp/csv_tables.h"
#include "sbp/io.h"

#define MAX_COLS 64

/* The end of a field and of a row. */
#define SEP(out) buf_putc(out, ',')
#define EOL(out) buf_puts(out, "\r\n")

/* What every row of a table needs. */
typedef struct csv_out {
	sbp_buf *out;
	const sbp_blueprint *bp;
	hmap uses; /* standard id -> its count of steps (size_t *) */
} csv_out;

/* A vector of objects whose first member is their id. */
typedef SBP_VEC(void) ref_vec;

/* The id of an object that starts with its id (lane, column, standard,
 * step), or NULL. */
static const char *ref_id(const void *obj)
{
	return obj ? *(char *const *)obj : NULL;
}

/* The unknown keys of an object of kind k. */
static const sbp_extras *extras_of(int k, const void *obj)
{
	switch (k) {
	case SBP_OBJ_COLUMN: return &((const sbp_column *)obj)->extras;
	case SBP_OBJ_LANE: return &((const sbp_lane *)obj)->extras;
	case SBP_OBJ_STANDARD: return &((const sbp_standard *)obj)->extras;
	case SBP_OBJ_STEP: return step_extras(obj);
	case SBP_OBJ_FAIL: return &((const sbp_fail *)obj)->extras;
	case SBP_OBJ_WAIT: return &((const sbp_wait *)obj)->extras;
	case SBP_OBJ_FLOW: return &((const sbp_flow *)obj)->extras;
	case SBP_OBJ_MEASUREMENT: return &((const sbp_measurement *)obj)->extras;
	default: return &((const sbp_blueprint *)obj)->extras;
	}
}

/* Append n as a one-line YAML flow value. */
static void yaml_flow(sbp_buf *out, const sbp_node *n)
{
	switch (n->kind) {
	case NODE_MAP:
	case NODE_SEQ:
		buf_putc(out, n->kind == NODE_MAP ? '{' : '[');
		for (size_t i = 0; i < n->n; i++) {
			buf_puts(out, i ? ", " : "");
			if (n->kind == NODE_MAP) {
				yaml_put_string(out, n->keys[i], strlen(n->keys[i]), true);
				buf_puts(out, ": ");
			}
			yaml_flow(out, n->items[i]);
		}
		buf_putc(out, n->kind == NODE_MAP ? '}' : ']');
		break;
	case NODE_STR:
		yaml_put_string(out, n->text, strlen(n->text), true);
		break;
	case NODE_NULL:
		buf_puts(out, "null");
		break;
	default:
		buf_puts(out, n->text ? n->text : "");
		break;
	}
}

/* Is a text field of kind k present but empty (a cell cannot say so)? */
static bool empty_text(const sbp_field *f, const void *obj)
{
	const void *p = field_ptr(f, obj);
	return f->type == FT_STRING && p && *(char *const *)p && !**(char *const *)p;
}

/* Can the ignore: list go in its cell, ids separated by blanks? */
static bool ignore_plain(const sbp_blueprint *bp)
{
	for (size_t i = 0; i < bp->ignore.n; i++)
		if (!sbp_id_valid(bp->ignore.items[i]))
			return false;
	return true;
}

/* What no column of an object of kind k holds, as a mapping: empty texts,
 * a point's empty text and unknown keys, the object's unknown keys. */
static sbp_node *yaml_rest(int k, const void *obj)
{
	sbp_node *m = node_new(NODE_MAP, NULL);
	const sbp_blueprint *bp = obj;
	if (k == CSV_OBJ_HEAD) {
		if (bp->title && !*bp->title)
			node_set(m, "title", node_str(""));
		if (bp->description && !*bp->description)
			node_set(m, "description", node_str(""));
		if (!ignore_plain(bp)) {
			sbp_node *seq = node_new(NODE_SEQ, NULL);
			for (size_t i = 0; i < bp->ignore.n; i++)
				node_push(seq, node_str(bp->ignore.items[i]));
			node_set(m, "ignore", seq);
		}
	}
	for (const sbp_field *f = fields_of((sbp_obj_kind)k); f && f->key; f++) {
		if (empty_text(f, obj))
			node_set(m, f->key, node_str(""));
		const void *pt = f->type == FT_MAP ? *(void *const *)field_ptr(f, obj) : NULL;
		if (!pt)
			continue;
		sbp_obj_kind pk = csv_point_kind(f);
		sbp_node *pm = node_new(NODE_MAP, NULL);
		bool shown = false;
		for (const sbp_field *s = fields_of(pk); s->key; s++) {
			bool text = s->type == FT_NAME || s->type == FT_STRING;
			shown |= field_present(s, pt) && !(text && !**(char *const *)field_ptr(s, pt));
			if (empty_text(s, pt))
				node_set(pm, s->key, node_str(""));
		}
		if (!shown)
			node_set(pm, "text", node_str(""));
		const sbp_extras *pe = extras_of(pk, pt);
		for (size_t i = 0; i < pe->n; i++)
			node_set(pm, pe->items[i].key, node_clone(pe->items[i].value));
		if (pm->n)
			node_set(m, f->key, pm);
		else
			node_free(pm);
	}
	const sbp_extras *e = extras_of(k, obj);
	for (size_t i = 0; i < e->n; i++)
		node_set(m, e->items[i].key, node_clone(e->items[i].value));
	return m;
}

/* The yaml cell of an object ("" when it needs none). */
static void yaml_cell(sbp_buf *out, int k, const void *obj)
{
	sbp_node *m = yaml_rest(k, obj);
	if (m->n) {
		sbp_buf t;
		buf_init(&t);
		yaml_flow(&t, m);
		esc_csv(out, t.data);
		buf_free(&t);
	}
	node_free(m);
}

/* A yes/no cell, in the language exports write now. */
static const char *yes_no(bool b)
{
	return term_tr(b ? "yes" : "no");
}

/* The cell of a plain field, reference or list of references. */
static void field_cell(const csv_out *o, const sbp_field *f, const void *obj)
{
	const void *p = field_ptr(f, obj);
	sbp_buf t;

	switch (f->type) {
	case FT_REF:
		esc_csv(o->out, ref_id(*(void *const *)p));
		return;
	case FT_REFS: {
		const ref_vec *v = p;
		buf_init(&t);
		for (size_t i = 0; i < v->n; i++) {
			buf_puts(&t, i ? " " : "");
			buf_puts(&t, ref_id(v->items[i]));
		}
		esc_csv(o->out, t.data);
		buf_free(&t);
		return;
	}
	case FT_MARK: /* a step's encounter: the mark when set, else what it is */
		if (*(const int *)p == MARK_DEFAULT)
			buf_puts(o->out, yes_no(step_is_encounter(obj)));
		else
			field_get_text(f, obj, o->out);
		return;
	case FT_NUMBER: case FT_MINUTES: case FT_COUNT: case FT_SEVERITY:
		field_get_text(f, obj, o->out);
		return;
	default:
		buf_init(&t);
		field_get_text(f, obj, &t);
		esc_csv(o->out, t.data);
		buf_free(&t);
		return;
	}
}

/* Derived column d of an object of kind k. */
static void derived_cell(const csv_out *o, int k, int d, const void *obj)
{
	sbp_buf *out = o->out;
	if (k == SBP_OBJ_STEP) {
		const sbp_step *s = obj;
		switch (d) {
		case 0: esc_csv(out, s->lane ? s->lane->name : NULL); break;
		case 1: esc_csv(out, s->lane ? term_zone_now(s->lane->zone) : NULL); break;
		case 2: esc_csv(out, s->column ? s->column->name : NULL); break;
		case 3: esc_csv(out, s->column ? s->column->phase : NULL); break;
		default: buf_puts(out, yes_no(step_is_flagged(s))); break;
		}
	} else if (k == SBP_OBJ_STANDARD) {
		const sbp_standard *s = obj;
		if (d == 0 && !isnan(s->goal) && !isnan(standard_current_actual(s)))
			buf_puts(out, yes_no(standard_below_goal(s)));
		else if (d == 1)
			buf_printf(out, "%zu", *(size_t *)hmap_get(&o->uses, s->id));
	} else if (k == SBP_OBJ_FLOW) {
		const sbp_flow *f = obj;
		const sbp_step *s = d % 2 ? f->to : f->from;
		if (s)
			esc_csv(out, d < 2 ? (s->lane ? s->lane->id : NULL) : (s->column ? s->column->id : NULL));
	}
}

/* The head row's own cell (lang, title, description, ignore). */
static void head_cell(const csv_out *o, const char *name)
{
	const sbp_blueprint *bp = o->bp;
	if (!strcmp(name, "lang")) {
		if (bp->lang != LANG_UNSET)
			buf_puts(o->out, bp->lang == LANG_ZH ? "zh" : "en");
	} else if (!strcmp(name, "title")) {
		esc_csv(o->out, bp->title);
	} else if (!strcmp(name, "description")) {
		esc_csv(o->out, bp->description);
	} else if (ignore_plain(bp)) {
		sbp_buf t;
		buf_init(&t);
		for (size_t i = 0; i < bp->ignore.n; i++) {
			buf_puts(&t, i ? " " : "");
			buf_puts(&t, bp->ignore.items[i]);
		}
		esc_csv(o->out, t.data);
		buf_free(&t);
	}
}

/* A table of kind k: the header, then a row per object. The yaml column
 * is written only when some object needs it. */
static void csv_table(const csv_out *o, int k, const void *const *objs, size_t n)
{
	csv_col cols[MAX_COLS];
	size_t nc = csv_columns(k, cols, MAX_COLS);
	bool yaml = false;
	for (size_t i = 0; i < n && !yaml; i++) {
		sbp_node *m = yaml_rest(k, objs[i]);
		yaml = m->n > 0;
		node_free(m);
	}
	if (!yaml)
		nc--;
	for (size_t c = 0; c < nc; c++) {
		if (c)
			SEP(o->out);
		esc_csv(o->out, csv_header(cols[c].name));
	}
	EOL(o->out);
	for (size_t i = 0; i < n; i++) {
		const void *obj = objs[i];
		for (size_t c = 0; c < nc; c++) {
			const csv_col *col = &cols[c];
			if (c)
				SEP(o->out);
			if (col->yaml) {
				yaml_cell(o->out, k, obj);
			} else if (col->derived >= 0) {
				derived_cell(o, k, col->derived, obj);
			} else if (k == CSV_OBJ_HEAD) {
				head_cell(o, col->name);
			} else if (col->sub) {
				const void *pt = *(void *const *)field_ptr(col->f, obj);
				if (pt && !(col->sub->type == FT_NAME && !**(char *const *)field_ptr(col->sub, pt)))
					field_cell(o, col->sub, pt);
			} else {
				field_cell(o, col->f, obj);
			}
		}
		EOL(o->out);
	}
}

/* Does the blueprint have keys of its own to write? */
static bool has_head(const sbp_blueprint *bp)
{
	return bp->lang != LANG_UNSET || bp->title || bp->description || bp->ignore.n ||
	       bp->extras.n;
}

/* Write the table named what (NULL: all); false when none is so named. */
static bool csv_tables(const csv_out *o, const char *what)
{
	const sbp_blueprint *bp = o->bp;
	const void *head = bp;
	static const char *const names[] = {"steps", "standards", "flows", "lanes", "columns",
					    "measurements", "blueprint"};
	const struct {
		int kind;
		const void *const *items;
		size_t n;
		bool always;
	} t[] = {
		{SBP_OBJ_STEP, (const void *const *)bp->steps.items, bp->steps.n, true},
		{SBP_OBJ_STANDARD, (const void *const *)bp->standards.items, bp->standards.n, false},
		{SBP_OBJ_FLOW, (const void *const *)bp->flows.items, bp->flows.n, false},
		{SBP_OBJ_LANE, (const void *const *)bp->lanes.items, bp->lanes.n, true},
		{SBP_OBJ_COLUMN, (const void *const *)bp->columns.items, bp->columns.n, true},
		{SBP_OBJ_MEASUREMENT, (const void *const *)bp->measurements.items,
		 bp->measurements.n, false},
		{CSV_OBJ_HEAD, &head, 1, has_head(bp)},
	};
	bool all = !what || !strcmp(what, "all"), done = false;
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		bool wanted = t[i].always || (t[i].n && t[i].kind != CSV_OBJ_HEAD);
		if (all ? !wanted : strcmp(what, names[i]) != 0)
			continue;
		if (done)
			EOL(o->out); /* a blank line between tables */
		csv_table(o, t[i].kind, t[i].items, t[i].n);
		done = true;
	}
	return done || all;
}

/* Write the tables --what asks for, with a byte order mark. */
bool export_csv(const sbp_blueprint *bp, const export_opts *o, sbp_buf *out,
		char *err, size_t errlen)
{
	const char *what = o ? o->what : NULL;
	csv_out co = {out, bp, {0}};

	buf_puts(out, "\xEF\xBB\xBF");
	if (method_csv(out, bp, what))
		return true;
	size_t *count = xcalloc(bp->standards.n + 1, sizeof *count);
	hmap_init(&co.uses);
	for (size_t i = 0; i < bp->standards.n; i++)
		hmap_put(&co.uses, bp->standards.items[i]->id, &count[i]);
	for (size_t i = 0; i < bp->steps.n; i++) {
		const sbp_step *s = bp->steps.items[i];
		for (size_t k = 0; k < s->stds.n; k++) {
			size_t *c = hmap_get(&co.uses, s->stds.items[k]->id);
			if (c)
				(*c)++;
		}
	}
	bool ok = csv_tables(&co, what);
	hmap_free(&co.uses);
	free(count);
	if (!ok)
		snprintf(err, errlen, "unknown table '%s'", what);
	return ok;
}
