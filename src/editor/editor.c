/* The editor's life: a new untitled blueprint, opening a file with its
 * lock and recovery questions, autosave and hangup, and cleanup. */
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
		snprintf(name, sizeof name, "Column %d", i);
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

/* Local time as "2024-05-01 14:03". */
static void format_time(time_t t, char *out, size_t n)
{
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, n, "%Y-%m-%d %H:%M", &tm);
}

/* Answer to the recovery question. */
static void on_recover(editor *ed, int choice)
{
	if (choice == 'q') {
		ed->quit = true;
		ed->keep_recovery = true;
		return;
	}
	if (choice == 'd') {
		recover_remove(ed->path);
		ed_ok(ed, RD_ALL, "Discarded the recovery file.");
		return;
	}
	size_t len;
	char *data = recover_read(ed->path, &len);
	sbp_diags d;
	diags_init(&d);
	sbp_blueprint *bp = data ? sbp_load_buffer(data, len, &ed->lim, &d) : NULL;
	free(data);
	if (!bp) {
		ed_err(ed, "Cannot use the recovery file %s: %s", ed->recover.where,
		       d.n ? d.items[0].message : "unreadable");
		diags_free(&d);
		return;
	}
	diags_free(&d);
	ed_set_blueprint(ed, bp);
	ed->base_dirty = true;
	ed_ok(ed, RD_ALL, P_("Recovered %zu unsaved change. Save with Ctrl-S or :w.",
			     "Recovered %zu unsaved changes. Save with Ctrl-S or :w.",
			     ed->recover.changes), ed->recover.changes);
}

/* Offer the recovery file of the current path, if there is one. */
static void offer_recovery(editor *ed)
{
	if (!recover_find(ed->path, &ed->recover))
		return;
	char when[64];
	format_time(ed->recover.when, when, sizeof when);
	char *text = xasprintf(
		"Unsaved work of an earlier session was kept on %s\n"
		"(%zu change%s) in %s.\n\n"
		"  r  recover it (then save to keep it)\n"
		"  d  discard it\n"
		"  q  quit",
		when, ed->recover.changes, ed->recover.changes == 1 ? "" : "s",
		ed->recover.where);
	ed_ask(ed, "Recover unsaved work?", text, "rdq", false, on_recover);
	free(text);
}

/* Answer to the lock question. */
static void on_lock(editor *ed, int choice)
{
	if (choice == 'q') {
		ed->quit = true;
		ed->keep_recovery = true;
		return;
	}
	if (choice == 'o') {
		ed->readonly = true;
		ed_ok(ed, RD_ALL, "Read-only: :w FILE saves a copy elsewhere.");
		return;
	}
	sbp_lock_info other;
	if (lock_acquire(ed->path, true, &other) == LOCK_ACQUIRED)
		ed->locked = true;
	ed_ok(ed, RD_ALL, "Editing anyway: the other session's changes may clash.");
	offer_recovery(ed);
}

/* Take the lock; ask when another live process holds it. */
static void take_lock(editor *ed)
{
	sbp_lock_info other;
	switch (lock_acquire(ed->path, false, &other)) {
	case LOCK_ACQUIRED:
		ed->locked = true;
		offer_recovery(ed);
		break;
	case LOCK_UNAVAILABLE:
		ed_ok(ed, RD_MSG, "Could not create a lock file next to %s; "
		      "others will not see that it is open.", ed->path);
		offer_recovery(ed);
		break;
	case LOCK_HELD: {
		char when[64], *text;
		format_time(other.since, when, sizeof when);
		snprintf(ed->lock_note, sizeof ed->lock_note,
			 "%s@%s (pid %ld) since %s", other.user, other.host,
			 other.pid, when);
		text = xasprintf("%s is already open by %s.\n\n"
				 "  o  open it read-only\n"
				 "  e  edit it anyway\n"
				 "  q  quit",
				 editor_file_name(ed), ed->lock_note);
		ed_ask(ed, "File in use", text, "oeq", false, on_lock);
		free(text);
		break;
	}
	}
}

/* Open a file: load it (or start it new), then lock and recovery. */
bool editor_open(editor *ed, const char *path, sbp_diags *diags)
{
	struct stat st;
	if (stat(path, &st) == 0) {
		sbp_blueprint *bp = sbp_load_file(path, &ed->lim, diags);
		if (!bp)
			return false;
		ed_set_blueprint(ed, bp);
		file_stamp_take(path, &ed->stamp);
		set_string(&ed->path, path);
		ed_ok(ed, RD_ALL, "%s: %zu steps. Press ? for help.",
		      editor_file_name(ed), bp->steps.n);
	} else {
		set_string(&ed->path, path);
		file_stamp_take(path, &ed->stamp);
		ed_ok(ed, RD_ALL, "New file %s. Press ? for help.",
		      editor_file_name(ed));
	}
	take_lock(ed);
	return true;
}

/* Without a file: still offer the recovery of an untitled session. */
void editor_start_untitled(editor *ed)
{
	ed_ok(ed, RD_ALL, "New blueprint. a adds a step, ? shows every key, "
	      ":w FILE saves.");
	offer_recovery(ed);
}

/* Does the blueprint differ from the file on disk? */
bool editor_modified(const editor *ed)
{
	return ed->base_dirty || edit_modified(&ed->hist);
}

/* Write the recovery file now. */
static void write_recovery(editor *ed)
{
	if (ed->readonly)
		return;
	sbp_buf out;
	char err[512];
	buf_init(&out);
	sbp_save_yaml(ed->bp, &out);
	size_t changes = ed_net_changes(ed) + (ed->base_dirty ? ed->recover.changes : 0);
	if (recover_write(ed->path, out.data, out.len, changes ? changes : 1,
			  err, sizeof err)) {
		ed->recover_written = true;
		ed->recover_key = ed_state_key(ed);
		ed->recover_failed = 0;
	} else {
		ed->recover_failed = ed_state_key(ed) + 1; /* no retry each tick */
		ed_err(ed, "Autosave failed: %s", err);
	}
	buf_free(&out);
}

/* Autosave: keep the recovery file in step with unsaved changes. */
void editor_autosave(editor *ed)
{
	if (ed->readonly)
		return;
	if (!editor_modified(ed)) {
		if (ed->recover_written) {
			recover_remove(ed->path);
			ed->recover_written = false;
		}
		return;
	}
	if (ed->recover_written && ed->recover_key == ed_state_key(ed))
		return;
	if (ed->recover_failed == ed_state_key(ed) + 1)
		return;
	write_recovery(ed);
}

/* The terminal is gone or we were told to stop: keep the work. */
void editor_hangup(editor *ed)
{
	if (editor_modified(ed) && !(ed->recover_written &&
				     ed->recover_key == ed_state_key(ed)))
		write_recovery(ed);
	editor_cleanup(ed, false);
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
