/* A blueprint as a document tree in the canonical key order of SPEC
 * section 2, which the YAML and JSON writers then emit. */
#include <math.h>

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

/* A column: id, name, phase. */
static sbp_node *column_to_node(node_arena *a, const sbp_column *c)
{
	sbp_node *m = arena_node(a, NODE_MAP, NULL);

	put_str(a, m, "id", c->id);
	put_str(a, m, "name", c->name);
	put_str(a, m, "phase", c->phase);
	put_extras(a, m, &c->extras);
	return m;
}

/* A lane: id, name, zone. */
static sbp_node *lane_to_node(node_arena *a, const sbp_lane *l)
{
	sbp_node *m = arena_node(a, NODE_MAP, NULL);

	put_str(a, m, "id", l->id);
	put_str(a, m, "name", l->name);
	put_str(a, m, "zone", zone_id(l->zone));
	put_extras(a, m, &l->extras);
	return m;
}

/* A standard: id, name, kind, measure, target, dimension, feedback,
 * weight, goal, better, actual. */
static sbp_node *standard_to_node(node_arena *a, const sbp_standard *s)
{
	sbp_node *m = arena_node(a, NODE_MAP, NULL);

	put_str(a, m, "id", s->id);
	put_str(a, m, "name", s->name);
	put_str(a, m, "kind", std_kind_id(s->kind));
	put_str(a, m, "measure", s->measure);
	put_str(a, m, "target", s->target);
	if (s->dimension != DIM_NONE)
		put_str(a, m, "dimension", dimension_id(s->dimension));
	put_str(a, m, "feedback", s->feedback);
	put_num(a, m, "weight", s->weight);
	put_num(a, m, "goal", s->goal);
	if (s->better != BETTER_UNSET)
		put_str(a, m, "better", s->better == BETTER_HIGHER ? "higher" : "lower");
	put_num(a, m, "actual", s->actual);
	put_extras(a, m, &s->extras);
	return m;
}

/* A wait point: text, expected, tolerable. */
static sbp_node *wait_to_node(node_arena *a, const sbp_wait *w)
{
	sbp_node *m = arena_node(a, NODE_MAP, NULL);

	put_str(a, m, "text", w->text);
	put_num(a, m, "expected", w->expected);
	put_num(a, m, "tolerable", w->tolerable);
	put_extras(a, m, &w->extras);
	return m;
}

/* A fail point: text, severity, recovery. */
static sbp_node *fail_to_node(node_arena *a, const sbp_fail *f)
{
	sbp_node *m = arena_node(a, NODE_MAP, NULL);

	put_str(a, m, "text", f->text);
	if (f->severity != 0)
		put_num(a, m, "severity", f->severity);
	put_str(a, m, "recovery", f->recovery);
	put_extras(a, m, &f->extras);
	return m;
}

/* A step: id, lane, column, text, notes, encounter, duration, standards,
 * wait, fail. The text is always written. */
static sbp_node *step_to_node(node_arena *a, const sbp_step *s)
{
	sbp_node *m = arena_node(a, NODE_MAP, NULL);

	put_str(a, m, "id", s->id);
	put_str(a, m, "lane", s->lane ? s->lane->id : NULL);
	put_str(a, m, "column", s->column ? s->column->id : NULL);
	put_str(a, m, "text", s->text ? s->text : "");
	put_str(a, m, "notes", s->notes);
	if (s->encounter != MARK_DEFAULT)
		arena_set(a, m, "encounter",
			  arena_node(a, NODE_BOOL, s->encounter == MARK_YES ? "true" : "false"));
	put_num(a, m, "duration", s->duration);
	if (s->stds.n > 0) {
		sbp_node *ids = arena_node(a, NODE_SEQ, NULL);
		for (size_t i = 0; i < s->stds.n; i++)
			arena_push(a, ids, arena_node(a, NODE_STR, s->stds.items[i]->id));
		arena_set(a, m, "standards", ids);
	}
	if (s->wait)
		arena_set(a, m, "wait", wait_to_node(a, s->wait));
	if (s->fail)
		arena_set(a, m, "fail", fail_to_node(a, s->fail));
	put_extras(a, m, &s->extras);
	return m;
}

/* A flow: from, to, label. */
static sbp_node *flow_to_node(node_arena *a, const sbp_flow *f)
{
	sbp_node *m = arena_node(a, NODE_MAP, NULL);

	put_str(a, m, "from", f->from ? f->from->id : NULL);
	put_str(a, m, "to", f->to ? f->to->id : NULL);
	put_str(a, m, "label", f->label);
	put_extras(a, m, &f->extras);
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
	X("flows", flows, flow_to_node, false)

/* The head of the document: sbp, title, description, ignore. */
static void doc_head(node_arena *a, sbp_node *doc, const sbp_blueprint *bp)
{
	arena_set(a, doc, "sbp", arena_num(a, bp->version));
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
