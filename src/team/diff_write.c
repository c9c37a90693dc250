/* The semantic diff written out: text for people, JSON for tools and
 * Markdown for pull-request comments, with the summary line. */
#include <stdio.h>
#include <string.h>

#include "sbp/i18n.h"
#include "sbp/io.h"
#include "sbp/team.h"
#include "sbp/utf8.h"

/* Display width of quoted texts in the text and Markdown forms. */
#define SHOW_WIDTH 48

/* The kinds' names for people. */
static const char *kind_name(const char *kind)
{
	static const struct { const char *kind, *name; } names[] = {
		{"column", N_("column")}, {"lane", N_("lane")},
		{"standard", N_("standard")}, {"step", N_("step")},
		{"flow", N_("flow")}, {"measurement", N_("measurement")},
		{"blueprint", N_("blueprint")},
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcmp(names[i].kind, kind))
			return _(names[i].name);
	return kind;
}

/* Append a value as one line of plain text, without quotes. */
static void value_flat(const sbp_node *v, sbp_buf *raw)
{
	switch (v->kind) {
	case NODE_SEQ:
		buf_putc(raw, '[');
		for (size_t i = 0; i < v->n; i++) {
			buf_puts(raw, i ? ", " : "");
			value_flat(v->items[i], raw);
		}
		buf_putc(raw, ']');
		break;
	case NODE_MAP:
		buf_putc(raw, '{');
		for (size_t i = 0; i < v->n; i++) {
			buf_printf(raw, "%s%s: ", i ? ", " : "", v->keys[i]);
			value_flat(v->items[i], raw);
		}
		buf_putc(raw, '}');
		break;
	case NODE_NULL:
		buf_puts(raw, "null");
		break;
	default:
		buf_puts(raw, v->text ? v->text : "");
	}
}

/* A value as one line, quoted when a string, at most maxw columns. */
void team_value_show(const sbp_node *v, size_t maxw, sbp_buf *out)
{
	sbp_buf raw;

	if (!v) {
		buf_puts(out, _("(none)"));
		return;
	}
	buf_init(&raw);
	value_flat(v, &raw);
	bool quote = v->kind == NODE_STR;
	if (quote)
		buf_putc(out, '"');
	sanitize_fit(out, raw.data ? raw.data : "", raw.len, maxw > 2 ? maxw - 2 : 1);
	if (quote)
		buf_putc(out, '"');
	buf_free(&raw);
}

/* What an added or removed object is, in a few words: a step's text, a
 * flow's label, a measurement's value, the others' names. */
static const sbp_node *brief_of(const sbp_node *obj)
{
	static const char *const keys[] = {"text", "name", "label", "value", NULL};
	for (size_t i = 0; obj && obj->kind == NODE_MAP && keys[i]; i++) {
		const sbp_node *v = node_get(obj, keys[i]);
		if (v)
			return v;
	}
	return NULL;
}

/* Coverage as people read it: "62%", or "n/a" without encounters. */
static void coverage_text(const sbp_summary *s, char out[16])
{
	if (s->encounters == 0)
		snprintf(out, 16, "n/a");
	else
		snprintf(out, 16, "%.0f%%", s->coverage);
}

/* The summary line: "coverage 62% → 75%, 2 fewer flagged". */
void team_diff_summary(const team_diff *d, sbp_buf *out)
{
	char a[16], b[16];
	size_t fa = d->before.unstandardized, fb = d->after.unstandardized;

	coverage_text(&d->before, a);
	coverage_text(&d->after, b);
	if (fb < fa)
		buf_printf(out, _("coverage %s → %s, %zu fewer flagged"), a, b, fa - fb);
	else if (fb > fa)
		buf_printf(out, _("coverage %s → %s, %zu more flagged"), a, b, fb - fa);
	else
		buf_printf(out, _("coverage %s → %s, flagged unchanged (%zu)"), a, b, fb);
}

/* A step's place {lane, column} as "lane / column". */
static void place_show(const sbp_node *p, sbp_buf *out)
{
	const sbp_node *l = p ? node_get(p, "lane") : NULL;
	const sbp_node *c = p ? node_get(p, "column") : NULL;
	sbp_buf raw;

	buf_init(&raw);
	buf_printf(&raw, "%s / %s", l && l->text ? l->text : "-", c && c->text ? c->text : "-");
	sanitize(out, raw.data, raw.len);
	buf_free(&raw);
}

/* One change as a line of text (without the leading mark). */
static void write_text_change(const team_change *c, sbp_buf *out)
{
	sbp_buf x, y;
	const char *kind = kind_name(c->kind);
	const sbp_node *brief;
	sbp_buf id;

	buf_init(&x);
	buf_init(&y);
	buf_init(&id);
	sanitize(&id, c->id, strlen(c->id));
	const char *ids = id.data ? id.data : "";
	switch (c->op) {
	case TEAM_ADDED:
	case TEAM_REMOVED:
		brief = brief_of(c->op == TEAM_ADDED ? c->new_ : c->old);
		if (brief)
			team_value_show(brief, SHOW_WIDTH, &x);
		if (c->op == TEAM_ADDED && brief)
			buf_printf(out, _("%s %s added: %s"), kind, ids, x.data);
		else if (c->op == TEAM_ADDED)
			buf_printf(out, _("%s %s added"), kind, ids);
		else if (brief)
			buf_printf(out, _("%s %s removed: %s"), kind, ids, x.data);
		else
			buf_printf(out, _("%s %s removed"), kind, ids);
		break;
	case TEAM_MOVED:
		place_show(c->old, &x);
		place_show(c->new_, &y);
		buf_printf(out, _("%s %s moved from %s to %s"), kind, ids, x.data, y.data);
		break;
	case TEAM_CHANGED:
		team_value_show(c->old, SHOW_WIDTH, &x);
		team_value_show(c->new_, SHOW_WIDTH, &y);
		if (*ids)
			buf_printf(out, _("%s %s: %s changed from %s to %s"), kind, ids,
				   c->field, x.data, y.data);
		else
			buf_printf(out, _("%s: %s changed from %s to %s"), kind,
				   c->field, x.data, y.data);
		break;
	}
	buf_putc(out, '\n');
	buf_free(&x);
	buf_free(&y);
	buf_free(&id);
}

/* The op's key in JSON. */
static const char *op_id(team_op op)
{
	static const char *const ids[] = {"added", "removed", "moved", "changed"};
	return ids[op];
}

/* The diff as a JSON document. */
static void write_json(const team_diff *d, const char *a, const char *b, sbp_buf *out)
{
	sbp_node *doc = node_new(NODE_MAP, NULL), *list = node_new(NODE_SEQ, NULL);
	sbp_node *sum = node_new(NODE_MAP, NULL);

	node_set(doc, "old", node_str(a));
	node_set(doc, "new", node_str(b));
	node_set(doc, "equal", node_bool(d->n == 0));
	for (size_t i = 0; i < d->n; i++) {
		const team_change *c = &d->items[i];
		sbp_node *m = node_new(NODE_MAP, NULL);
		node_set(m, "op", node_str(op_id(c->op)));
		node_set(m, "kind", node_str(c->kind));
		node_set(m, "id", node_str(c->id));
		if (c->field)
			node_set(m, "field", node_str(c->field));
		node_set(m, "old", c->old ? node_clone(c->old) : node_new(NODE_NULL, NULL));
		node_set(m, "new", c->new_ ? node_clone(c->new_) : node_new(NODE_NULL, NULL));
		node_push(list, m);
	}
	node_set(doc, "changes", list);
	const sbp_summary *s[2] = {&d->before, &d->after};
	static const char *const side[2] = {"before", "after"};
	for (int k = 0; k < 2; k++) {
		sbp_node *m = node_new(NODE_MAP, NULL);
		node_set(m, "coverage", s[k]->encounters ? node_num(s[k]->coverage)
							: node_new(NODE_NULL, NULL));
		node_set(m, "flagged", node_num((double)s[k]->unstandardized));
		node_set(m, "encounters", node_num((double)s[k]->encounters));
		node_set(m, "steps", node_num((double)s[k]->steps));
		node_set(sum, side[k], m);
	}
	node_set(doc, "summary", sum);
	json_emit(doc, out, true);
	node_free(doc);
}

/* Append s with Markdown's special characters escaped. */
static void md_escape(const char *s, sbp_buf *out)
{
	for (; *s; s++) {
		if (strchr("\\`*_[]<>|#~", *s))
			buf_putc(out, '\\');
		buf_putc(out, *s);
	}
}

/* Write the diff for people (text), tools (json) or pull requests (md). */
void team_diff_write(const team_diff *d, team_format f, const char *old_name,
		     const char *new_name, sbp_buf *out)
{
	sbp_buf line, sum;

	if (f == TEAM_JSON) {
		write_json(d, old_name, new_name, out);
		return;
	}
	buf_init(&line);
	buf_init(&sum);
	team_diff_summary(d, &sum);
	if (f == TEAM_MD) {
		buf_puts(out, "### ");
		sbp_buf na, nb;
		buf_init(&na);
		buf_init(&nb);
		sanitize(&na, old_name, strlen(old_name));
		sanitize(&nb, new_name, strlen(new_name));
		buf_printf(&line, _("Blueprint changes: %s → %s"), na.data ? na.data : "",
			   nb.data ? nb.data : "");
		md_escape(line.data, out);
		buf_free(&na);
		buf_free(&nb);
		buf_puts(out, "\n\n**");
		md_escape(sum.data, out);
		buf_puts(out, "**\n\n");
	}
	for (size_t i = 0; i < d->n; i++) {
		static const char marks[] = "+->~";
		buf_reset(&line);
		write_text_change(&d->items[i], &line);
		if (f == TEAM_MD) {
			buf_puts(out, "- ");
			md_escape(line.data, out);
		} else {
			buf_putc(out, marks[d->items[i].op]);
			buf_putc(out, ' ');
			buf_add(out, line.data, line.len);
		}
	}
	if (f == TEAM_MD) {
		if (d->n == 0) {
			md_escape(_("No changes."), out);
			buf_putc(out, '\n');
		}
	} else {
		buf_reset(&line);
		buf_printf(&line, P_("%zu change; %s", "%zu changes; %s", d->n), d->n, sum.data);
		buf_add(out, line.data, line.len);
		buf_putc(out, '\n');
	}
	buf_free(&line);
	buf_free(&sum);
}
