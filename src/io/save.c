/* A blueprint as a document tree in the canonical key order of SPEC
 * section 2, which the YAML and JSON writers then emit. */
#include <math.h>
#include <string.h>

#include "sbp/io.h"

/* Set key to a copy of s unless s is NULL (absent). */
static void put_str(sbp_node *map, const char *key, const char *s)
{
	if (s)
		node_set(map, key, node_str(s));
}

/* Set key to the number v unless v is NAN (absent). */
static void put_num(sbp_node *map, const char *key, double v)
{
	if (!isnan(v))
		node_set(map, key, node_num(v));
}

/* Set a mapping's unknown keys, after its known ones, in stored order. */
static void put_extras(sbp_node *map, const sbp_extras *e)
{
	for (size_t i = 0; i < e->n; i++)
		node_set(map, e->items[i].key, node_clone(e->items[i].value));
}

/* A column: id, name, phase. */
static sbp_node *column_to_node(const sbp_column *c)
{
	sbp_node *m = node_new(NODE_MAP, NULL);

	put_str(m, "id", c->id);
	put_str(m, "name", c->name);
	put_str(m, "phase", c->phase);
	put_extras(m, &c->extras);
	return m;
}

/* A lane: id, name, zone. */
static sbp_node *lane_to_node(const sbp_lane *l)
{
	sbp_node *m = node_new(NODE_MAP, NULL);

	put_str(m, "id", l->id);
	put_str(m, "name", l->name);
	put_str(m, "zone", zone_id(l->zone));
	put_extras(m, &l->extras);
	return m;
}

/* A standard: id, name, kind, measure, target, dimension, feedback,
 * weight, goal, better, actual. */
static sbp_node *standard_to_node(const sbp_standard *s)
{
	sbp_node *m = node_new(NODE_MAP, NULL);

	put_str(m, "id", s->id);
	put_str(m, "name", s->name);
	put_str(m, "kind", std_kind_id(s->kind));
	put_str(m, "measure", s->measure);
	put_str(m, "target", s->target);
	if (s->dimension != DIM_NONE)
		put_str(m, "dimension", dimension_id(s->dimension));
	put_str(m, "feedback", s->feedback);
	put_num(m, "weight", s->weight);
	put_num(m, "goal", s->goal);
	if (s->better != BETTER_UNSET)
		put_str(m, "better", s->better == BETTER_HIGHER ? "higher" : "lower");
	put_num(m, "actual", s->actual);
	put_extras(m, &s->extras);
	return m;
}

/* A wait point: text, expected, tolerable. */
static sbp_node *wait_to_node(const sbp_wait *w)
{
	sbp_node *m = node_new(NODE_MAP, NULL);

	put_str(m, "text", w->text);
	put_num(m, "expected", w->expected);
	put_num(m, "tolerable", w->tolerable);
	put_extras(m, &w->extras);
	return m;
}

/* A fail point: text, severity, recovery. */
static sbp_node *fail_to_node(const sbp_fail *f)
{
	sbp_node *m = node_new(NODE_MAP, NULL);

	put_str(m, "text", f->text);
	if (f->severity != 0)
		put_num(m, "severity", f->severity);
	put_str(m, "recovery", f->recovery);
	put_extras(m, &f->extras);
	return m;
}

/* A step: id, lane, column, text, notes, encounter, duration, standards,
 * wait, fail. The text is always written. */
static sbp_node *step_to_node(const sbp_step *s)
{
	sbp_node *m = node_new(NODE_MAP, NULL);

	put_str(m, "id", s->id);
	put_str(m, "lane", s->lane ? s->lane->id : NULL);
	put_str(m, "column", s->column ? s->column->id : NULL);
	node_set(m, "text", node_str(s->text ? s->text : ""));
	put_str(m, "notes", s->notes);
	if (s->encounter != MARK_DEFAULT)
		node_set(m, "encounter", node_bool(s->encounter == MARK_YES));
	put_num(m, "duration", s->duration);
	if (s->stds.n > 0) {
		sbp_node *ids = node_new(NODE_SEQ, NULL);
		for (size_t i = 0; i < s->stds.n; i++)
			node_push(ids, node_str(s->stds.items[i]->id));
		node_set(m, "standards", ids);
	}
	if (s->wait)
		node_set(m, "wait", wait_to_node(s->wait));
	if (s->fail)
		node_set(m, "fail", fail_to_node(s->fail));
	put_extras(m, &s->extras);
	return m;
}

/* A flow: from, to, label. */
static sbp_node *flow_to_node(const sbp_flow *f)
{
	sbp_node *m = node_new(NODE_MAP, NULL);

	put_str(m, "from", f->from ? f->from->id : NULL);
	put_str(m, "to", f->to ? f->to->id : NULL);
	put_str(m, "label", f->label);
	put_extras(m, &f->extras);
	return m;
}

/* Append a sequence built by conv over n objects under key; an empty one
 * only when always. */
#define PUT_LIST(map, key, vec, conv, always)                            \
	do {                                                             \
		if ((vec).n > 0 || (always)) {                           \
			sbp_node *seq_ = node_new(NODE_SEQ, NULL);       \
			for (size_t i_ = 0; i_ < (vec).n; i_++)          \
				node_push(seq_, conv((vec).items[i_]));  \
			node_set((map), (key), seq_);                    \
		}                                                        \
	} while (0)

/* The blueprint as a tree in canonical key order. Caller frees. */
sbp_node *sbp_to_node(const sbp_blueprint *bp)
{
	sbp_node *doc = node_new(NODE_MAP, NULL);

	node_set(doc, "sbp", node_num(bp->version));
	put_str(doc, "title", bp->title);
	put_str(doc, "description", bp->description);
	PUT_LIST(doc, "ignore", bp->ignore, node_str, false);
	PUT_LIST(doc, "columns", bp->columns, column_to_node, true);
	PUT_LIST(doc, "lanes", bp->lanes, lane_to_node, true);
	PUT_LIST(doc, "standards", bp->standards, standard_to_node, false);
	PUT_LIST(doc, "steps", bp->steps, step_to_node, false);
	PUT_LIST(doc, "flows", bp->flows, flow_to_node, false);
	put_extras(doc, &bp->extras);
	return doc;
}

/* Write "key: value" at the top level, then free value. */
static void emit_entry(const char *key, sbp_node *value, sbp_buf *out)
{
	yaml_emit_entry(key, value, out);
	node_free(value);
}

/* Write a top-level list of objects one item at a time, each converted
 * by conv and freed at once, so that a long list never exists twice in
 * memory. An empty list is written only when always. */
#define EMIT_LIST(key, vec, conv, always, out)                                 \
	do {                                                                   \
		if ((vec).n == 0) {                                            \
			if (always)                                            \
				emit_entry(key, node_new(NODE_SEQ, NULL), out); \
			break;                                                 \
		}                                                              \
		yaml_put_string(out, key, strlen(key), false);                 \
		buf_puts(out, ":\n");                                          \
		for (size_t i_ = 0; i_ < (vec).n; i_++) {                      \
			sbp_node *item_ = conv((vec).items[i_]);               \
			yaml_emit_item(item_, 2, out);                         \
			node_free(item_);                                      \
		}                                                              \
	} while (0)

/* Append the canonical YAML text of bp to out: what yaml_emit writes for
 * sbp_to_node(bp), without building the whole tree. */
void sbp_save_yaml(const sbp_blueprint *bp, sbp_buf *out)
{
	emit_entry("sbp", node_num(bp->version), out);
	if (bp->title)
		emit_entry("title", node_str(bp->title), out);
	if (bp->description)
		emit_entry("description", node_str(bp->description), out);
	if (bp->ignore.n > 0) {
		sbp_node *seq = node_new(NODE_SEQ, NULL);
		for (size_t i = 0; i < bp->ignore.n; i++)
			node_push(seq, node_str(bp->ignore.items[i]));
		emit_entry("ignore", seq, out);
	}
	EMIT_LIST("columns", bp->columns, column_to_node, true, out);
	EMIT_LIST("lanes", bp->lanes, lane_to_node, true, out);
	EMIT_LIST("standards", bp->standards, standard_to_node, false, out);
	EMIT_LIST("steps", bp->steps, step_to_node, false, out);
	EMIT_LIST("flows", bp->flows, flow_to_node, false, out);
	for (size_t i = 0; i < bp->extras.n; i++)
		yaml_emit_entry(bp->extras.items[i].key, bp->extras.items[i].value, out);
}
