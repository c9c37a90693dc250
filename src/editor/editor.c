/* The editor's life: a new untitled blueprint, opening a file (then its
 * lock and recovery questions, safekeep.c), and cleanup. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "form.h"
#include "internal.h"

/* A blueprint with the default lanes and three columns. */
static sbp_blueprint *untitled_blueprint(void)
{
	sbp_blueprint *bp = blueprint_new();
	blueprint_add_default_lanes(bp);
	for (int i = 1; i <= 3; i++) {
		char id[16], name[16];
		snprintf(id, sizeof id, "col-%d", i);
		snprintf(name, sizeof name, _("Column %d"), i);
		blueprint_insert_column(bp, (size_t)-1, column_new(id, name, NULL));
	}
	return bp;
}

/* A new editor on an untitled blueprint. */
editor *editor_new(const sbp_limits *lim)
{
	editor *ed = xcalloc(1, sizeof *ed);
	if (lim)
		ed->lim = *lim;
	else
		sbp_limits_default(&ed->lim);
	ed->rows = 24;
	ed->cols = 80;
	grid_init(&ed->grid);
	lineedit_init(&ed->line);
	lineedit_init(&ed->filter);
	diags_init(&ed->diags);
	hmap_init(&ed->std_uses);
	buf_init(&ed->scratch);
	for (int i = 0; i < 3; i++)
		ed->hists[i].walk = 0;
	ed->bp = untitled_blueprint();
	edit_init(&ed->hist, ed->bp);
	ed_set_blueprint(ed, ed->bp);
	return ed;
}

/* Free the editor and everything it holds. */
void editor_free(editor *ed)
{
	if (!ed)
		return;
	edit_free(&ed->hist);
	blueprint_free(ed->bp);
	grid_free(&ed->grid);
	editor_view_free(ed);
	lineedit_free(&ed->line);
	lineedit_free(&ed->filter);
	diags_free(&ed->diags);
	free(ed->origins);
	hmap_free(&ed->std_uses);
	buf_free(&ed->scratch);
	for (int i = 0; i < 3; i++)
		history_free(&ed->hists[i]);
	completion_reset(ed);
	ed_confirm_clear(ed);
	free(ed->prompt.label);
	free(ed->prompt.command);
	free(ed->picker_items);
	free(ed->insp);
	free(ed->uses);
	free(ed->search);
	free(ed->path);
	free(ed->save_target);
	clip_free(ed);
	form_free(ed->form);
	free(ed);
}

/* Replace the blueprint (the editor owns the new one); history restarts. */
void ed_set_blueprint(editor *ed, sbp_blueprint *bp)
{
	if (ed->bp != bp) {
		edit_free(&ed->hist);
		blueprint_free(ed->bp);
		ed->bp = bp;
		edit_init(&ed->hist, bp);
	}
	ed_live_reset(ed);
	ed->recover_written = false;
	ed->lane = ed->col = ed->idx = 0;
	ed->top = ed->left = 0;
	ed_sync(ed);
}

/* Open a file: load it (or start it new), then lock and recovery. Only
 * a file that does not exist is new: any other error is an error, and a
 * symbolic link planted by another user in a shared directory is not
 * followed. */
bool editor_open(editor *ed, const char *path, sbp_diags *diags)
{
	struct stat st;
	char err[4400];
	if (!safety_links_trusted(path, err, sizeof err)) {
		diags_add(diags, SBP_ERROR, NULL, 0, 0, NULL, "%s", err);
		return false;
	}
	if (stat(path, &st) != 0 && errno != ENOENT) {
		diags_add(diags, SBP_ERROR, NULL, 0, 0, NULL, _("cannot open: %s"),
			  file_strerror(errno));
		return false;
	}
	if (stat(path, &st) == 0) {
		sbp_blueprint *bp = sbp_load_file(path, &ed->lim, diags);
		if (!bp)
			return false;
		ed_set_blueprint(ed, bp);
		file_stamp_take(path, &ed->stamp);
		set_string(&ed->path, path);
		ed_ok(ed, RD_ALL, P_("%s: %zu step. Press ? for help.", "%s: %zu steps. Press ? for help.",
		      bp->steps.n),
		      editor_file_name(ed), bp->steps.n);
	} else {
		set_string(&ed->path, path);
		file_stamp_take(path, &ed->stamp);
		ed_ok(ed, RD_ALL, _("New file %s. Press ? for help."),
		      editor_file_name(ed));
	}
	ed_take_lock(ed);
	return true;
}

/* Without a file: still offer the recovery of an untitled session. */
void editor_start_untitled(editor *ed)
{
	ed_ok(ed, RD_ALL, _("New blueprint. a adds a step, ? shows every key, "
	      ":w FILE saves."));
	ed_offer_recovery(ed);
}

/* Does the blueprint differ from the file on disk? */
bool editor_modified(const editor *ed)
{
	return ed->base_dirty || edit_modified(&ed->hist);
}

/* Leave: drop the lock; after a clean quit, the recovery file too. */
void editor_cleanup(editor *ed, bool clean)
{
	if (clean && !ed->readonly && !ed->keep_recovery)
		recover_remove(ed->path);
	if (ed->locked && ed->path)
		lock_release(ed->path);
	ed->locked = false;
}

/* The name shown for the file. */
const char *editor_file_name(const editor *ed)
{
	if (!ed->path)
		return "[untitled]";
	const char *slash = strrchr(ed->path, '/');
	return slash && slash[1] ? slash + 1 : ed->path;
}
