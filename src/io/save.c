/* A blueprint as a document tree in the canonical key order of SPEC
 * section 2, which the YAML and JSON writers then emit. */
#include <math.h>

#include "sbp/fields.h"
#include "sbp/io.h"

/* The converters below build each object's tree in an arena: nodes are
 * not allocated one by one, and text, keys and unknown-key trees are
 * borrowed from the blueprint. */

/* Set key to the string s unless s is NULL (absent). */
static void put_str(node_arena *a, sbp_node *map, const char *key, const char *s)
{
	if (s)
		arena_set(a, map, key, arena_node(a, NODE_STR, s));
}

/* Set key to the number v unless v is NAN (absent). */
static void put_num(node_arena *a, sbp_node *map, const char *key, double v)
{
	if (!isnan(v))
		arena_set(a, map, key, arena_num(a, v));
}

/* Set a mapping's unknown keys, after its known ones, in stored order. */
static void put_extras(node_arena *a, sbp_node *map, const sbp_extras *e)
{
	for (size_t i = 0; i < e->n; i++)
		arena_set(a, map, e->items[i].key, e->items[i].value);
}

/* Set the plain fields of obj (kind k) in table order; the special ones
 * (references, lists, nested maps) through special, in their place. */
static void put_fields(node_arena *a, sbp_node *m, sbp_obj_kind k, const void *obj,
		       void (*special)(node_arena *, sbp_node *, const sbp_field *,
				       const void *))
{
	for (const sbp_field *f = fields_of(k); f->key; f++) {
		const void *p = field_ptr(f, obj);
		switch (f->type) {
		case FT_ID: case FT_NAME: case FT_STRING:
			put_str(a, m, f->key, p ? *(char *const *)p : NULL);
			break;
		case FT_NUMBER: case FT_MINUTES: case FT_COUNT:
			put_num(a, m, f->key, p ? *(const double *)p : NAN);
			break;
		case FT_SEVERITY:
			if (*(const int *)p != 0)
				put_num(a, m, f->key, *(const int *)p);
			break;
		case FT_MARK:
			if (*(const int *)p != MARK_DEFAULT)
				arena_set(a, m, f->key,
					  arena_node(a, NODE_BOOL,
						     *(const int *)p == MARK_YES ? "true" : "false"));
			break;
		case FT_ENUM:
			put_str(a, m, f->key, field_enum_word(f, *(const int *)p));
			break;
		case FT_DATE:
			/* a valid date, written plain as SPEC 7.3 writes it */
			arena_set(a, m, f->key, arena_node(a, NODE_RAW, (const char *)p));
			break;
		case FT_REF: case FT_REFS: case FT_MAP:
			special(a, m, f, obj);
			break;
		}
	}
}

/* A reference written as the id of what it points at. */
static void put_ref(node_arena *a, sbp_node *m, const char *key, const char *id)
{
	put_str(a, m, key, id);
}

/* No special fields. */
static void no_special(node_arena *a, sbp_node *m, const sbp_field *f, const void *obj)
{
	(void)a, (void)m, (void)f, (void)obj;
}

/* A column: the fields of its table. */
static sbp_node *column_to_node(node_arena *a, const sbp_column *c)
{
	sbp_node *m = arena_node(a, NODE_MAP, NULL);
	put_fields(a, m, SBP_OBJ_COLUMN, c, no_special);
	put_extras(a, m, &c->extras);
	return m;
}

/* A lane: the fields of its table. */
static sbp_node *lane_to_node(node_arena *a, const sbp_lane *l)
{
	sbp_node *m = arena_node(a, NODE_MAP, NULL);
	put_fields(a, m, SBP_OBJ_LANE, l, no_special);
	put_extras(a, m, &l->extras);
	return m;
}

/* A standard: the fields of its table. */
static sbp_node *standard_to_node(node_arena *a, const sbp_standard *s)
{
	sbp_node *m = arena_node(a, NODE_MAP, NULL);
	put_fields(a, m, SBP_OBJ_STANDARD, s, no_special);
	put_extras(a, m, &s->extras);
	return m;
}

/* A wait point: the fields of its table. */
static sbp_node *wait_to_node(node_arena *a, const sbp_wait *w)
{
	sbp_node *m = arena_node(a, NODE_MAP, NULL);
	put_fields(a, m, SBP_OBJ_WAIT, w, no_special);
	put_extras(a, m, &w->extras);
	return m;
}

/* A fail point: the fields of its table. */
static sbp_node *fail_to_node(node_arena *a, const sbp_fail *f)
{
	sbp_node *m = arena_node(a, NODE_MAP, NULL);
	put_fields(a, m, SBP_OBJ_FAIL, f, no_special);
	put_extras(a, m, &f->extras);
	return m;
}

/* A step's lane, column, standards, wait and fail. */
static void step_special(node_arena *a, sbp_node *m, const sbp_field *f, const void *obj)
{
	const sbp_step *s = obj;
	switch (f->key[0]) {
	case 'l':
		put_ref(a, m, f->key, s->lane ? s->lane->id : NULL);
		break;
	case 'c':
		put_ref(a, m, f->key, s->column ? s->column->id : NULL);
		break;
	case 's':
		if (s->stds.n > 0) {
			sbp_node *ids = arena_node(a, NODE_SEQ, NULL);
			for (size_t i = 0; i < s->stds.n; i++)
				arena_push(a, ids, arena_node(a, NODE_STR, s->stds.items[i]->id));
			arena_set(a, m, f->key, ids);
		}
		break;
	case 'w':
		if (s->wait)
			arena_set(a, m, f->key, wait_to_node(a, s->wait));
		break;
	default:
		if (s->fail)
			arena_set(a, m, f->key, fail_to_node(a, s->fail));
		break;
	}
}

/* A step: the fields of its table. The text is always written. */
static sbp_node *step_to_node(node_arena *a, const sbp_step *s)
{
	sbp_node *m = arena_node(a, NODE_MAP, NULL);
	put_fields(a, m, SBP_OBJ_STEP, s, step_special);
	put_extras(a, m, step_extras(s));
	return m;
}

/* A flow's from and to. */
static void flow_special(node_arena *a, sbp_node *m, const sbp_field *f, const void *obj)
{
	const sbp_flow *fl = obj;
	const sbp_step *s = f->key[0] == 'f' ? fl->from : fl->to;
	put_ref(a, m, f->key, s ? s->id : NULL);
}

/* A flow: the fields of its table. */
static sbp_node *flow_to_node(node_arena *a, const sbp_flow *f)
{
	sbp_node *m = arena_node(a, NODE_MAP, NULL);
	put_fields(a, m, SBP_OBJ_FLOW, f, flow_special);
	put_extras(a, m, &f->extras);
	return m;
}

/* A measurement's standard. */
static void measurement_special(node_arena *a, sbp_node *m, const sbp_field *f,
				const void *obj)
{
	const sbp_measurement *ms = obj;
	put_ref(a, m, f->key, ms->standard ? ms->standard->id : NULL);
}

/* A measurement: the fields of its table. */
static sbp_node *measurement_to_node(node_arena *a, const sbp_measurement *ms)
{
	sbp_node *m = arena_node(a, NODE_MAP, NULL);
	put_fields(a, m, SBP_OBJ_MEASUREMENT, ms, measurement_special);
	put_extras(a, m, &ms->extras);
	return m;
}

/* An ignore: entry. */
static sbp_node *rule_to_node(node_arena *a, const char *rule)
{
	return arena_node(a, NODE_STR, rule);
}

/* The blueprint's top-level lists in canonical order: key, field, the
 * converter of one item, and whether an empty list is still written. */
#define DOC_LISTS(X)                                                   \
	X("columns", columns, column_to_node, true)                    \
	X("lanes", lanes, lane_to_node, true)                          \
	X("standards", standards, standard_to_node, false)             \
	X("steps", steps, step_to_node, false)                         \
	X("flows", flows, flow_to_node, false)                         \
	X("measurements", measurements, measurement_to_node, false)

/* The head of the document: sbp, lang, title, description, ignore. */
static void doc_head(node_arena *a, sbp_node *doc, const sbp_blueprint *bp)
{
	arena_set(a, doc, "sbp", arena_num(a, bp->version));
	if (bp->lang != LANG_UNSET)
		put_str(a, doc, "lang", bp->lang == LANG_ZH ? "zh" : "en");
	put_str(a, doc, "title", bp->title);
	put_str(a, doc, "description", bp->description);
	if (bp->ignore.n > 0) {
		sbp_node *seq = arena_node(a, NODE_SEQ, NULL);
		for (size_t i = 0; i < bp->ignore.n; i++)
			arena_push(a, seq, rule_to_node(a, bp->ignore.items[i]));
		arena_set(a, doc, "ignore", seq);
	}
}

/* The blueprint as a tree in canonical key order. Caller frees. */
sbp_node *sbp_to_node(const sbp_blueprint *bp)
{
	node_arena a;
	node_arena_init(&a);
	sbp_node *doc = arena_node(&a, NODE_MAP, NULL);

	doc_head(&a, doc, bp);
#define PUT_LIST(key, vec, conv, always)                                  \
	if (bp->vec.n > 0 || (always)) {                                  \
		sbp_node *seq = arena_node(&a, NODE_SEQ, NULL);           \
		for (size_t i = 0; i < bp->vec.n; i++)                    \
			arena_push(&a, seq, conv(&a, bp->vec.items[i]));  \
		arena_set(&a, doc, key, seq);                             \
	}
	DOC_LISTS(PUT_LIST)
#undef PUT_LIST
	put_extras(&a, doc, &bp->extras);
	sbp_node *owned = node_clone(doc);
	node_arena_free(&a);
	return owned;
}

/* Append the canonical YAML text of bp to out: what yaml_emit writes for
 * sbp_to_node(bp), one entry and one list item at a time, so that a long
 * list never exists as a tree. */
void sbp_save_yaml(const sbp_blueprint *bp, sbp_buf *out)
{
	node_arena a;
	node_arena_init(&a);
	sbp_node *head = arena_node(&a, NODE_MAP, NULL);

	/* Room for the usual sizes (a step takes about 160 bytes), so that a
	 * long text is not copied over and over as it grows. */
	buf_reserve(out, 4096 + 200 * (bp->steps.n + bp->standards.n) + 64 * bp->flows.n);

	doc_head(&a, head, bp);
	for (size_t i = 0; i < head->n; i++)
		yaml_emit_entry(head->keys[i], head->items[i], out);
	node_arena_reset(&a);
#define EMIT_LIST(key, vec, conv, always)                                 \
	if (bp->vec.n == 0 && (always)) {                                 \
		yaml_emit_entry(key, arena_node(&a, NODE_SEQ, NULL), out); \
	} else if (bp->vec.n > 0) {                                       \
		buf_puts(out, key ":\n");                                 \
		for (size_t i = 0; i < bp->vec.n; i++) {                  \
			yaml_emit_item(conv(&a, bp->vec.items[i]), 2, out); \
			node_arena_reset(&a);                             \
		}                                                         \
	}
	DOC_LISTS(EMIT_LIST)
#undef EMIT_LIST
	for (size_t i = 0; i < bp->extras.n; i++)
		yaml_emit_entry(bp->extras.items[i].key, bp->extras.items[i].value, out);
	node_arena_free(&a);
}
