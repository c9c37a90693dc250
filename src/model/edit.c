/* The undo history: groups of recorded ops, undo and redo, the redo tail
 * dropped by a new edit, and the saved state behind the modified flag. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edit_internal.h"

/* A new empty group called name. */
static edit_group *group_new(const char *name)
{
	edit_group *g = xcalloc(1, sizeof *g);
	g->name = xstrdup(name ? name : "edit");
	return g;
}

/* Free a group and its ops; applied says whether they are in effect. */
static void group_free(edit_group *g, bool applied)
{
	if (!g)
		return;
	for (size_t i = g->n; i-- > 0;)
		op_free(g->ops[i], applied);
	free(g->ops);
	free(g->name);
	free(g);
}

/* Start an empty history for bp (saved state: the start). */
void edit_init(edit_history *h, sbp_blueprint *bp)
{
	memset(h, 0, sizeof *h);
	h->bp = bp;
	h->next_serial = 1;
	h->saved_valid = true;
}

/* Tell fn of every change from now on (NULL: nobody). */
void edit_watch(edit_history *h, edit_watch_fn fn, void *ctx)
{
	h->watch = fn;
	h->watch_ctx = ctx;
}

/* Free every group and what its ops own; the blueprint stays. */
void edit_free(edit_history *h)
{
	if (h->open && h->open->n == 0)
		group_free(h->open, false);
	for (size_t i = h->groups.n; i-- > 0;)
		group_free(h->groups.items[i], i < h->pos);
	free(h->groups.items);
	memset(h, 0, sizeof *h);
}

/* Free the groups that redo would replay; a dropped saved state can no
 * longer be reached. */
static void drop_redo(edit_history *h)
{
	for (size_t i = h->groups.n; i-- > h->pos;) {
		edit_group *g = h->groups.items[i];
		if (h->saved_valid && g->serial == h->saved_serial)
			h->saved_valid = false;
		group_free(g, false);
	}
	h->groups.n = h->pos;
}

/* Open a group (or join the open one when nested). */
void edit_begin(edit_history *h, const char *name)
{
	if (h->depth++ == 0)
		h->open = group_new(name);
}

/* Close a level; at the outermost, an empty group is dropped. */
void edit_end(edit_history *h)
{
	if (h->depth == 0 || --h->depth > 0)
		return;
	if (h->open->n == 0)
		group_free(h->open, false);
	h->open = NULL;
}

/* Apply op and add it to the open group; the first op of a group drops the
 * redo tail and pushes the group, before the op is applied, so that a
 * watcher sees the new state's serial. */
void edit_record(edit_history *h, edit_op *op)
{
	edit_group *g = h->open;
	if (g->n == 0) {
		drop_redo(h);
		g->serial = h->next_serial++;
		VEC_PUSH(h->groups, g);
		h->pos = h->groups.n;
	}
	xgrow(&g->ops, &g->cap, g->n + 1, sizeof *g->ops);
	g->ops[g->n++] = op;
	op_apply(h, op);
}

/* Say why an edit was refused, in h->error; returns false. */
bool edit_refuse(edit_history *h, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(h->error, sizeof h->error, fmt, ap);
	va_end(ap);
	return false;
}

/* Begin the group of one public edit and clear the error. */
size_t edit_open(edit_history *h, const char *name)
{
	h->error[0] = '\0';
	edit_begin(h, name);
	return h->open->n;
}

/* End the group of one public edit, counting it when it changed anything. */
void edit_close(edit_history *h, size_t mark)
{
	if (h->open->n > mark)
		h->changes++;
	edit_end(h);
}

/* Revert the top done group, its ops last to first. */
bool edit_undo(edit_history *h)
{
	if (h->depth > 0)
		return edit_refuse(h, "cannot undo while an edit is in progress");
	if (h->pos == 0)
		return edit_refuse(h, "nothing to undo");
	edit_group *g = h->groups.items[--h->pos];
	for (size_t i = g->n; i-- > 0;)
		op_revert(h, g->ops[i]);
	h->changes++;
	h->error[0] = '\0';
	return true;
}

/* Replay the next undone group, its ops first to last. */
bool edit_redo(edit_history *h)
{
	if (h->depth > 0)
		return edit_refuse(h, "cannot redo while an edit is in progress");
	if (h->pos == h->groups.n)
		return edit_refuse(h, "nothing to redo");
	edit_group *g = h->groups.items[h->pos++];
	for (size_t i = 0; i < g->n; i++)
		op_apply(h, g->ops[i]);
	h->changes++;
	h->error[0] = '\0';
	return true;
}

/* Name of the group undo would revert. */
const char *edit_undo_name(const edit_history *h)
{
	return h->pos > 0 ? h->groups.items[h->pos - 1]->name : NULL;
}

/* Name of the group redo would replay. */
const char *edit_redo_name(const edit_history *h)
{
	return h->pos < h->groups.n ? h->groups.items[h->pos]->name : NULL;
}

/* Serial of the state the blueprint is in: the top done group's, or 0. */
static size_t top_serial(const edit_history *h)
{
	return h->pos > 0 ? h->groups.items[h->pos - 1]->serial : 0;
}

/* Remember the current state as the one on disk. */
void edit_mark_saved(edit_history *h)
{
	h->saved_serial = top_serial(h);
	h->saved_valid = true;
	h->changes = 0;
}

/* Is the current state other than the saved one (or is that one gone)? */
bool edit_modified(const edit_history *h)
{
	return !h->saved_valid || top_serial(h) != h->saved_serial;
}

/* Title and description of the blueprint (NULL clears). */
static bool edit_blueprint_string(edit_history *h, char **field,
				  const char *value, const char *name)
{
	size_t mark = edit_open(h, name);
	if (!same_str(*field, value))
		rec_str(h, EDIT_BLUEPRINT, h->bp, field, value);
	edit_close(h, mark);
	return true;
}

/* Set or clear the blueprint title. */
bool edit_title(edit_history *h, const char *title)
{
	return edit_blueprint_string(h, &h->bp->title, title, "change title");
}

/* Set or clear the blueprint description. */
bool edit_description(edit_history *h, const char *description)
{
	return edit_blueprint_string(h, &h->bp->description, description,
				     "change description");
}
