/* sbp import: a workshop grid, the sticky-note wall typed into a
 * spreadsheet. An optional phase row (merged cells come out blank: a
 * blank repeats the phase to its left), a row of column names, then one
 * row per lane: its name, optionally its zone, and in each column's cell
 * one step per line. A leading "F:" or "W:", or a trailing "(F)" or
 * "(W)", makes the step a fail or wait point. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sbp/i18n.h"
#include "import_internal.h"

/* Longest id made from text (as the editor's). */
#define SLUG_MAX 24

/* The grid being read. */
typedef struct grid {
	import_ctx *x;
	const csv_table *t;
	size_t head;       /* the row of column names */
	size_t first;      /* the first column of steps (1, or 2 with zones) */
	bool zone_col;
	char **col_ids;    /* per spreadsheet column; NULL when not a column */
	size_t ncols;
	import_ids lane_ids, col_idset, step_ids;
	hmap lane_by_name; /* trimmed name -> lane node */
	char **names;      /* trimmed lane names owned for the map */
	size_t nnames, capnames;
} grid;

/* s without blanks at either end (ASCII blanks, CR, LF, no-break space
 * and the ideographic space). Caller frees. */
static char *trim(const char *s)
{
	size_t n = strlen(s);
	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') {
			s++, n--;
		} else if (n >= 2 && !memcmp(s, "\xC2\xA0", 2)) {
			s += 2, n -= 2;
		} else if (n >= 3 && !memcmp(s, "\xE3\x80\x80", 3)) {
			s += 3, n -= 3;
		} else {
			break;
		}
	}
	for (;;) {
		if (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
			n--;
		else if (n >= 2 && !memcmp(s + n - 2, "\xC2\xA0", 2))
			n -= 2;
		else if (n >= 3 && !memcmp(s + n - 3, "\xE3\x80\x80", 3))
			n -= 3;
		else
			break;
	}
	return xstrndup(s, n);
}

/* Is the cell blank? */
static bool blank(const char *s)
{
	char *t = trim(s);
	bool b = !*t;
	free(t);
	return b;
}

/* Is the trimmed cell one of the words (case-blind), or does it contain
 * one of the parts? */
static bool cell_is(const char *s, const char *const *words, const char *const *parts)
{
	char *t = trim(s);
	bool yes = false;
	for (size_t i = 0; words && words[i] && !yes; i++)
		yes = !strcasecmp(t, words[i]);
	for (char *p = t; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	for (size_t i = 0; parts && parts[i] && !yes; i++)
		yes = strstr(t, parts[i]) != NULL;
	free(t);
	return yes;
}

static const char *const lane_words[] = {"lane", "lanes", "swimlane", "swimlanes", "swim lane",
					 "swim lanes", "role", "roles", "actor", "actors", "who",
					 "角色", "泳道", NULL};
static const char *const lane_parts[] = {"泳道", NULL};
static const char *const phase_words[] = {"phase", "phases", "阶段", "stage", "stages", NULL};
static const char *const zone_words[] = {"zone", "zones", "区域", "分区", "层", NULL};
static const char *const zone_parts[] = {"zone", "区域", NULL};

/* A heading such as "Lane / Column" or "Lanes \\ Steps": "lane" or
 * "lanes", then a separator. */
static bool lane_heading(const char *s)
{
	char *t = trim(s);
	size_t n = !strncasecmp(t, "lanes", 5) ? 5 : !strncasecmp(t, "lane", 4) ? 4 : 0;
	bool yes = n && t[n] && strchr(" /\\|:-", t[n]) && !isdigit((unsigned char)t[n + 1]);
	free(t);
	return yes;
}

/* Does the grid start with a phase row? Its first cell is blank or says
 * "phase", and the next row's first cell is blank or names the lanes. */
static bool has_phase_row(const csv_table *t)
{
	if (t->n < 2)
		return false;
	const char *a = csv_field(&t->rows[0], 0), *b = csv_field(&t->rows[1], 0);
	return (blank(a) || cell_is(a, phase_words, NULL)) &&
	       (blank(b) || cell_is(b, lane_words, lane_parts) || lane_heading(b));
}

/* A zone from a cell, or from the lane name. */
static bool zone_of(const char *s, sbp_zone *z)
{
	char *t = trim(s);
	bool ok = *t && (zone_parse(t, z) || import_zone_from_name(t, z));
	free(t);
	return ok;
}

/* Is the second column the zones? Its header says so, or it is blank
 * and every lane's cell there names a zone. */
static bool has_zone_col(const grid *g)
{
	const csv_row *h = &g->t->rows[g->head];
	if (h->n < 2)
		return false;
	if (cell_is(csv_field(h, 1), zone_words, zone_parts))
		return true;
	if (!blank(csv_field(h, 1)))
		return false;
	size_t zones = 0;
	sbp_zone z;
	for (size_t i = g->head + 1; i < g->t->n; i++) {
		const char *c = csv_field(&g->t->rows[i], 1);
		if (blank(c))
			continue;
		if (!zone_of(c, &z))
			return false;
		zones++;
	}
	return zones > 0;
}

/* "%zu" as text for a message's one %s. */
static const char *num_text(size_t n, char buf[24])
{
	snprintf(buf, 24, "%zu", n);
	return buf;
}

/* The columns: names from the head row, phases from the row above. */
static bool grid_columns(grid *g)
{
	const csv_table *t = g->t;
	const csv_row *h = &t->rows[g->head];
	char *phase = NULL, num[24];

	g->ncols = h->n;
	for (size_t i = g->head + 1; i < t->n; i++)
		if (t->rows[i].n > g->ncols)
			g->ncols = t->rows[i].n;
	if (g->head && t->rows[0].n > g->ncols)
		g->ncols = t->rows[0].n;
	g->col_ids = xcalloc(g->ncols + 1, sizeof *g->col_ids);
	for (size_t j = g->first; j < g->ncols; j++) {
		if (g->head) {
			char *p = trim(csv_field(&t->rows[0], j));
			if (*p) {
				free(phase);
				phase = p;
			} else {
				free(p);
			}
		}
		char *name = trim(csv_field(h, j));
		if (!*name) {
			free(name);
			for (size_t i = g->head + 1; i < t->n; i++)
				if (!blank(csv_field(&t->rows[i], j))) {
					free(phase);
					return import_fail(g->x, t->rows[i].line, (int)j + 1,
							   _("column %s has steps but no name in the row of column names"),
							   num_text(j + 1, num));
				}
			continue;
		}
		char *slug = import_slug(name, SLUG_MAX);
		char *base = slug ? slug : xasprintf("col-%zu", j - g->first + 1);
		const char *id = import_ids_unique(&g->col_idset, base);
		free(base);
		g->col_ids[j] = xstrdup(id);
		sbp_node *c = node_new(NODE_MAP, NULL);
		node_set(c, "id", node_str(id));
		node_set(c, "name", node_str(name));
		if (phase)
			node_set(c, "phase", node_str(phase));
		import_add(g->x->columns, &g->x->column_ids, c);
		free(name);
	}
	free(phase);
	return true;
}

/* The lane of a row: found by name, or added with its zone. */
static const char *grid_lane(grid *g, const csv_row *r)
{
	char *name = trim(csv_field(r, 0));
	sbp_node *lane = hmap_get(&g->lane_by_name, name);
	sbp_zone z;

	if (lane) {
		free(name);
		return node_get(lane, "id")->text;
	}
	if (g->zone_col && !blank(csv_field(r, 1))) {
		if (!zone_of(csv_field(r, 1), &z)) {
			import_fail(g->x, r->line, 2,
				    _("'%s' is not a zone (evidence, customer, onstage, backstage, support, or 有形展示, 顾客行为, 前台接触员工行为, 后台接触员工行为, 支持过程)"),
				    csv_field(r, 1));
			free(name);
			return NULL;
		}
	} else if (!zone_of(name, &z)) {
		import_fail(g->x, r->line, 1,
			    _("lane '%s' has no zone: add a zone column after the lane names (evidence, customer, onstage, backstage or support) or name the lane after its zone"),
			    name);
		free(name);
		return NULL;
	}
	char *slug = import_slug(name, SLUG_MAX);
	const char *id = import_ids_unique(&g->lane_ids, slug ? slug : zone_id(z));
	free(slug);
	lane = node_new(NODE_MAP, NULL);
	node_set(lane, "id", node_str(id));
	node_set(lane, "name", node_str(name));
	node_set(lane, "zone", node_str(zone_id(z)));
	import_add(g->x->lanes, &g->x->lane_ids, lane);
	xgrow(&g->names, &g->capnames, g->nnames + 1, sizeof *g->names);
	g->names[g->nnames++] = name;
	hmap_put(&g->lane_by_name, name, lane);
	return node_get(lane, "id")->text;
}

/* Take a leading "F:"/"W:" or a trailing "(F)"/"(W)" (also with
 * full-width colon or brackets) off a trimmed line; *fail / *wait set. */
static char *take_markers(char *line, bool *fail, bool *wait)
{
	for (bool again = true; again;) {
		again = false;
		char m = (char)toupper((unsigned char)line[0]);
		size_t skip = 0;
		if ((m == 'F' || m == 'W') && line[1] == ':')
			skip = 2;
		else if ((m == 'F' || m == 'W') && !memcmp(line + 1, "\xEF\xBC\x9A", 3))
			skip = 4;
		if (skip) {
			*(m == 'F' ? fail : wait) = true;
			char *rest = trim(line + skip);
			free(line);
			line = rest;
			again = true;
			continue;
		}
		size_t n = strlen(line);
		static const char *const ends[] = {"(F)", "(f)", "(W)", "(w)", "（F）", "（W）", NULL};
		for (size_t k = 0; ends[k]; k++) {
			size_t e = strlen(ends[k]);
			if (n >= e && !memcmp(line + n - e, ends[k], e)) {
				*(strchr(ends[k], 'F') || strchr(ends[k], 'f') ? fail : wait) = true;
				line[n - e] = '\0';
				char *rest = trim(line);
				free(line);
				line = rest;
				again = true;
				break;
			}
		}
	}
	return line;
}

/* The steps of one cell, one per line. */
static void grid_cell(grid *g, const char *lane, const char *col, const char *cell)
{
	char *copy = xstrdup(cell), *save = NULL;
	for (char *ln = strtok_r(copy, "\n", &save); ln; ln = strtok_r(NULL, "\n", &save)) {
		bool fail = false, wait = false;
		char *text = take_markers(trim(ln), &fail, &wait);
		if (!*text) {
			free(text);
			continue;
		}
		char *slug = import_slug(text, SLUG_MAX);
		const char *id = slug ? import_ids_unique(&g->step_ids, slug) : NULL;
		/* Text without Latin letters: lane-based ids, numbered from the
		 * lane's count of steps as the editor does (hotline-3). */
		size_t k0 = 1;
		for (size_t i = 0; !id && i < g->x->steps->n; i++)
			k0 += !strcmp(node_get(g->x->steps->items[i], "lane")->text, lane);
		for (size_t k = k0; !id; k++) {
			char *try = xasprintf("%s-%zu", lane, k);
			if (import_ids_take(&g->step_ids, try))
				id = g->step_ids.owned[g->step_ids.n - 1];
			free(try);
		}
		free(slug);
		sbp_node *s = node_new(NODE_MAP, NULL);
		node_set(s, "id", node_str(id));
		node_set(s, "lane", node_str(lane));
		node_set(s, "column", node_str(col));
		node_set(s, "text", node_str(text));
		if (wait) {
			sbp_node *w = node_new(NODE_MAP, NULL);
			node_set(w, "text", node_str(text));
			node_set(s, "wait", w);
		}
		if (fail) {
			sbp_node *f = node_new(NODE_MAP, NULL);
			node_set(f, "text", node_str(text));
			node_set(s, "fail", f);
		}
		import_add(g->x->steps, &g->x->step_ids, s);
		free(text);
	}
	free(copy);
}

/* Read a workshop grid into the document. */
bool import_grid(import_ctx *x, const csv_table *t)
{
	grid g;
	bool ok = true;

	memset(&g, 0, sizeof g);
	g.x = x;
	g.t = t;
	g.head = has_phase_row(t) ? 1 : 0;
	g.zone_col = has_zone_col(&g);
	g.first = g.zone_col ? 2 : 1;
	import_ids_init(&g.lane_ids);
	import_ids_init(&g.col_idset);
	import_ids_init(&g.step_ids);
	hmap_init(&g.lane_by_name);
	ok = grid_columns(&g);
	for (size_t i = g.head + 1; ok && i < t->n; i++) {
		const csv_row *r = &t->rows[i];
		bool empty = true;
		for (size_t j = 0; j < r->n && empty; j++)
			empty = blank(r->fields[j]);
		if (empty)
			continue;
		if (blank(csv_field(r, 0))) {
			ok = import_fail(x, r->line, 1, "%s", _("this row has steps but no lane name in its first column"));
			break;
		}
		const char *lane = grid_lane(&g, r);
		if (!lane) {
			ok = false;
			break;
		}
		for (size_t j = g.first; j < r->n; j++)
			if (g.col_ids[j] && !blank(r->fields[j]))
				grid_cell(&g, lane, g.col_ids[j], r->fields[j]);
	}
	if (ok && x->steps->n == 0 && x->lanes->n == 0)
		ok = import_fail(x, 0, 0, "%s", _("no lanes found: the first column should name the lanes, below a row of column names"));
	for (size_t j = 0; j < g.ncols; j++)
		free(g.col_ids[j]);
	free(g.col_ids);
	import_ids_free(&g.lane_ids);
	import_ids_free(&g.col_idset);
	import_ids_free(&g.step_ids);
	hmap_free(&g.lane_by_name);
	for (size_t i = 0; i < g.nnames; i++)
		free(g.names[i]);
	free(g.names);
	return ok;
}
