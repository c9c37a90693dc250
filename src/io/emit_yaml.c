/* The canonical YAML writer: a document tree as deterministic block YAML,
 * with short mappings and scalar sequences in flow style on one line. */
#include <string.h>

#include "sbp/io.h"
#include "sbp/utf8.h"

/* Lines in flow style stay under this many code points. */
#define YAML_MAX_LINE 100
/* Longest implicit key written, in bytes. */
#define YAML_MAX_KEY 1000
/* Spaces per nesting level. */
#define YAML_INDENT 2

static void emit_block(const sbp_node *n, int indent, sbp_buf *out);

/* Is n a scalar kind? */
static bool node_is_scalar(const sbp_node *n)
{
	return n->kind != NODE_SEQ && n->kind != NODE_MAP;
}

/* Does scalar n hold a line break (which keeps its parent in block)? */
static bool scalar_multiline(const sbp_node *n)
{
	return n->text && strchr(n->text, '\n') != NULL;
}

/* Can n be written in flow style: a mapping of scalars and flow-able
 * children, or a sequence of scalars, with no multi-line string and no
 * raw scalar that flow context would cut (like 12:30)? */
static bool node_flowable(const sbp_node *n)
{
	if (n->kind == NODE_RAW && n->text && strpbrk(n->text, ":,?[]{}# "))
		return false;
	if (node_is_scalar(n))
		return !scalar_multiline(n);
	for (size_t i = 0; i < n->n; i++) {
		const sbp_node *c = n->items[i];
		if (n->kind == NODE_SEQ && !node_is_scalar(c))
			return false;
		if (!node_flowable(c))
			return false;
	}
	return true;
}

/* Append scalar n; strings are quoted as the context (flow) needs. */
static void emit_scalar(const sbp_node *n, bool flow, sbp_buf *out)
{
	const char *t = n->text ? n->text : "";

	switch (n->kind) {
	case NODE_STR:
		yaml_put_string(out, t, strlen(t), flow);
		break;
	case NODE_NULL:
		buf_puts(out, "null");
		break;
	default: /* NODE_NUM, NODE_BOOL, NODE_RAW: their text as is */
		buf_puts(out, t);
		break;
	}
}

/* What a flow form may take: at most max_len bytes of out, and less than
 * max_width columns; width counts the columns of out up to measured. */
typedef struct flow_room {
	size_t max_len, max_width;
	size_t measured, width;
} flow_room;

/* Does out still fit the room? Measures what was added since last time
 * (whole characters: called between pieces). */
static bool flow_fits(flow_room *r, const sbp_buf *out)
{
	if (out->len > r->max_len)
		return false;
	r->width += utf8_width(out->data + r->measured, out->len - r->measured);
	r->measured = out->len;
	return r->width < r->max_width;
}

/* Append the flow form of a flow-able n. Stops early, returning false,
 * once it no longer fits the room. */
static bool emit_flow(const sbp_node *n, sbp_buf *out, flow_room *r)
{
	if (node_is_scalar(n)) {
		emit_scalar(n, true, out);
		return flow_fits(r, out);
	}
	buf_putc(out, n->kind == NODE_MAP ? '{' : '[');
	for (size_t i = 0; i < n->n; i++) {
		if (i > 0)
			buf_puts(out, ", ");
		if (n->kind == NODE_MAP) {
			yaml_put_string(out, n->keys[i], strlen(n->keys[i]), true);
			buf_puts(out, ": ");
		}
		if (!emit_flow(n->items[i], out, r))
			return false;
	}
	buf_putc(out, n->kind == NODE_MAP ? '}' : ']');
	return flow_fits(r, out);
}

/* Append " " and n in flow style when n is flow-able and the line it
 * ends (prefix code points before the space) stays under the limit. */
static bool try_flow(const sbp_node *n, size_t prefix, sbp_buf *out)
{
	size_t start = out->len;

	if (n->n > 0 && !node_flowable(n))
		return false;
	prefix++; /* the space */
	if (prefix >= YAML_MAX_LINE && n->n > 0)
		return false;
	buf_putc(out, ' ');
	/* A code point takes at most 4 bytes: past that it cannot fit. An
	 * empty collection always fits. */
	flow_room room = {
		.max_len = start + 1 + 4 * YAML_MAX_LINE,
		.max_width = n->n == 0 ? (size_t)-1 : YAML_MAX_LINE - prefix,
		.measured = start + 1,
	};
	if (emit_flow(n, out, &room))
		return true;
	out->len = start; /* take it back */
	out->data[start] = '\0';
	return false;
}

/* Append indent spaces. */
static void emit_indent(int indent, sbp_buf *out)
{
	for (int i = 0; i < indent; i++)
		buf_putc(out, ' ');
}

/* Turn the key just written at out[start] into an explicit "? key" line
 * and start the value's line with indent spaces. */
static void emit_explicit_key(sbp_buf *out, size_t start, int indent)
{
	size_t klen = out->len - start;

	buf_add(out, "  ", 2);
	memmove(out->data + start + 2, out->data + start, klen);
	memcpy(out->data + start, "? ", 2);
	buf_putc(out, '\n');
	emit_indent(indent, out);
}

/* Append the value after "key:" or "-" (prefix code points on the line
 * so far, not counting the separating space) and end the line. */
static void emit_value(const sbp_node *v, int indent, size_t prefix,
		       sbp_buf *out)
{
	if (node_is_scalar(v)) {
		buf_putc(out, ' ');
		emit_scalar(v, false, out);
		buf_putc(out, '\n');
		return;
	}
	if (try_flow(v, prefix, out)) {
		buf_putc(out, '\n');
		return;
	}
	buf_putc(out, '\n');
	emit_block(v, indent + YAML_INDENT, out);
}

/* Append a block mapping whose first line's indent is already written
 * when first_done, each key at indent. A key too long for an implicit
 * key (readers stop at 1024 characters) is written as "? key" and its
 * value on the next line after ":". */
static void emit_block_map(const sbp_node *n, int indent, bool first_done,
			   sbp_buf *out)
{
	for (size_t i = 0; i < n->n; i++) {
		size_t start;

		if (i > 0 || !first_done)
			emit_indent(indent, out);
		start = out->len;
		yaml_put_string(out, n->keys[i], strlen(n->keys[i]), false);
		if (out->len - start > YAML_MAX_KEY) {
			emit_explicit_key(out, start, indent);
			start = out->len;
		}
		buf_putc(out, ':');
		emit_value(n->items[i], indent,
			   (size_t)indent + utf8_width(out->data + start,
						       out->len - start),
			   out);
	}
}

/* Append a block sequence, each item at indent after "- ". */
static void emit_block_seq(const sbp_node *n, int indent, bool first_done,
			   sbp_buf *out)
{
	for (size_t i = 0; i < n->n; i++) {
		const sbp_node *v = n->items[i];

		if (i > 0 || !first_done)
			emit_indent(indent, out);
		buf_putc(out, '-');
		if (node_is_scalar(v) || v->n == 0) {
			emit_value(v, indent, (size_t)indent + 1, out);
			continue;
		}
		if (try_flow(v, (size_t)indent + 1, out)) {
			buf_putc(out, '\n');
			continue;
		}
		/* A block child starts on the "- " line, indented under it. */
		buf_putc(out, ' ');
		if (v->kind == NODE_MAP)
			emit_block_map(v, indent + YAML_INDENT, true, out);
		else
			emit_block_seq(v, indent + YAML_INDENT, true, out);
	}
}

/* Append a non-empty collection in block style at indent. */
static void emit_block(const sbp_node *n, int indent, sbp_buf *out)
{
	if (n->kind == NODE_MAP)
		emit_block_map(n, indent, false, out);
	else
		emit_block_seq(n, indent, false, out);
}

void yaml_emit_entry(const char *key, const sbp_node *value, sbp_buf *out)
{
	const sbp_node one = {
		.kind = NODE_MAP,
		.n = 1,
		.keys = (char **)&key,
		.items = (sbp_node **)&value,
	};

	emit_block_map(&one, 0, false, out);
}

void yaml_emit_item(const sbp_node *item, int indent, sbp_buf *out)
{
	const sbp_node one = {
		.kind = NODE_SEQ,
		.n = 1,
		.items = (sbp_node **)&item,
	};

	emit_block_seq(&one, indent, false, out);
}

/* Append doc as canonical YAML: a block collection (or a lone scalar,
 * or [] / {} when empty), ending with a newline. */
void yaml_emit(const sbp_node *doc, sbp_buf *out)
{
	if (!doc) {
		buf_puts(out, "null\n");
	} else if (node_is_scalar(doc)) {
		emit_scalar(doc, false, out);
		buf_putc(out, '\n');
	} else if (doc->n == 0) {
		buf_puts(out, doc->kind == NODE_MAP ? "{}\n" : "[]\n");
	} else {
		emit_block(doc, 0, out);
	}
}
