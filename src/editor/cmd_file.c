/* File commands: save (atomic, never over a file changed on disk or a
 * read-only session's file), save a copy, save as, quit, export. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sbp/export.h"
#include "internal.h"

enum { SAVE_MAIN, SAVE_COPY, SAVE_AS };

/* Write the blueprint to target atomically; on failure say why. A note
 * (the save was not atomic) goes to note. */
static bool write_to(editor *ed, const char *target, char *note, size_t notelen)
{
	sbp_buf out;
	char err[4400] = "";
	buf_init(&out);
	sbp_save_yaml(ed->bp, &out);
	bool ok = atomic_write(target, out.data, out.len, err, sizeof err);
	buf_free(&out);
	snprintf(note, notelen, "%s", ok ? err : "");
	if (!ok) {
		ed->quit_after_save = false;
		ed_err(ed, _("Not saved: %s. Your changes are kept: :w OTHER-FILE "
		       "saves elsewhere."), err);
	}
	return ok;
}

/* After writing the file we edit: it is the saved state now. */
static void saved_main(editor *ed)
{
	edit_mark_saved(&ed->hist);
	ed->base_dirty = false;
	file_stamp_take(ed->path, &ed->stamp);
	recover_remove(ed->path);
	ed->recover_written = false;
	if (ed->quit_after_save)
		ed->quit = true;
}

/* Save in one of the three ways, asking nothing more. */
static bool save_now(editor *ed, const char *target, int how)
{
	char note[4400];
	if (!write_to(ed, target, note, sizeof note))
		return false;
	if (how == SAVE_COPY) {
		ed_ok(ed, RD_ALL, _("Wrote a copy to %s; still editing %s "
		      "(:saveas switches).%s%s"), target, editor_file_name(ed),
		      note[0] ? " Note: " : "", note);
		if (ed->quit_after_save)
			ed->quit = true;
		return true;
	}
	if (how == SAVE_AS) {
		char *old = ed->path ? xstrdup(ed->path) : NULL;
		editor_cleanup(ed, false);
		recover_remove(old);
		free(old);
		set_string(&ed->path, target);
		ed->readonly = false;
		sbp_lock_info other;
		ed->locked = lock_acquire(ed->path, false, &other) == LOCK_ACQUIRED;
	}
	saved_main(ed);
	if (note[0])
		ed_ok(ed, RD_ALL, P_("Saved %s (%zu step), but %s.", "Saved %s (%zu steps), but %s.",
		      ed->bp->steps.n), editor_file_name(ed), ed->bp->steps.n, note);
	else
		ed_ok(ed, RD_ALL, P_("Saved %s (%zu step).", "Saved %s (%zu steps).", ed->bp->steps.n),
		      editor_file_name(ed), ed->bp->steps.n);
	return true;
}

/* Answers to "overwrite FILE?". */
static void on_overwrite(editor *ed, int choice)
{
	int how = ed->save_target[0] == 'c' ? SAVE_COPY : SAVE_AS;
	if (choice == 'o')
		save_now(ed, ed->save_target + 1, how);
	else {
		ed->quit_after_save = false;
		ed_ok(ed, RD_MSG, _("Not saved."));
	}
}

/* Answers to "the file changed on disk". */
static void on_changed(editor *ed, int choice)
{
	if (choice == 'o') {
		save_now(ed, ed->path, SAVE_MAIN);
	} else if (choice == 's') {
		ed_prompt_open(ed, _("Save as: "), "saveas", "", CPL_NONE, 2);
	} else if (choice == 'r') {
		sbp_diags d;
		diags_init(&d);
		sbp_blueprint *bp = sbp_load_file(ed->path, &ed->lim, &d);
		if (!bp) {
			ed_err(ed, _("Cannot reload: %s"), d.n ? d.items[0].message : "unreadable");
		} else {
			ed_set_blueprint(ed, bp);
			ed->base_dirty = false;
			file_stamp_take(ed->path, &ed->stamp);
			ed_ok(ed, RD_ALL, _("Reloaded %s from disk."), editor_file_name(ed));
		}
		diags_free(&d);
		ed->quit_after_save = false;
	} else {
		ed->quit_after_save = false;
		ed_ok(ed, RD_MSG, _("Not saved."));
	}
}

/* Ask before writing over an existing file, else save. */
static ed_result save_checked(editor *ed, const char *target, int how, bool bang)
{
	struct stat st;
	if (!bang && stat(target, &st) == 0) {
		free(ed->save_target);
		ed->save_target = xasprintf("%c%s", how == SAVE_COPY ? 'c' : 'a', target);
		char *text = xasprintf(_("%s already exists.\n\n"
				       "  o  overwrite it\n  Esc  go back"), target);
		ed_ask(ed, "Overwrite?", text, "o", true, on_overwrite);
		free(text);
		return ed_done(ed, RD_ALL);
	}
	return save_now(ed, target, how) ? ed_done(ed, RD_ALL) : ed_failed(ed);
}

/* Save the file we edit, unless it changed on disk or is read-only. */
static ed_result save_main(editor *ed, bool bang)
{
	if (ed->readonly) {
		ed->quit_after_save = false;
		return ed_err(ed, _("Read-only (open by %s): :w OTHER-FILE saves a copy."),
			      ed->lock_note[0] ? ed->lock_note : _("another session"));
	}
	/* A FIFO or device put in the file's place: refused at once by the
	 * write (never opened, never waited on), no question first. */
	struct stat st;
	bool regular = stat(ed->path, &st) != 0 || S_ISREG(st.st_mode);
	if (!bang && regular && file_stamp_changed(ed->path, &ed->stamp)) {
		char *text = xasprintf(
			_("%s changed on disk since you opened it\n"
			"(someone else saved it?).\n\n"
			"  r  reload it from disk (drops your changes)\n"
			"  o  overwrite it with your version\n"
			"  s  save yours elsewhere\n"
			"  Esc  go back"), editor_file_name(ed));
		ed_ask(ed, _("File changed on disk"), text, "ros", true, on_changed);
		free(text);
		return ed_done(ed, RD_ALL);
	}
	return save_now(ed, ed->path, SAVE_MAIN) ? ed_done(ed, RD_ALL) : ed_failed(ed);
}

/* Ctrl-S / :w [FILE] / :w! [FILE]. */
ed_result ecmd_write(editor *ed, const ed_args *a)
{
	const char *target = *a->rest ? a->rest : NULL;
	if (!target && !ed->path) {
		if (a->from_key)
			return ed_prompt_open(ed, _("Save as: "), "saveas", "", CPL_NONE, 2);
		ed->quit_after_save = false;
		return ed_err(ed, _("No file name yet: :w FILE"));
	}
	if (!target || (ed->path && strcmp(target, ed->path) == 0))
		return save_main(ed, a->bang);
	if (!ed->path)
		return save_checked(ed, target, SAVE_AS, a->bang);
	return save_checked(ed, target, SAVE_COPY, a->bang);
}

/* :saveas FILE: write it and go on editing it. */
ed_result ecmd_saveas(editor *ed, const ed_args *a)
{
	if (!*a->rest) {
		ed->quit_after_save = false;
		return ed_err(ed, _("Usage: :saveas FILE"));
	}
	if (ed->path && strcmp(a->rest, ed->path) == 0)
		return save_main(ed, a->bang);
	return save_checked(ed, a->rest, SAVE_AS, a->bang);
}

/* :wq. */
ed_result ecmd_wq(editor *ed, const ed_args *a)
{
	ed->quit_after_save = true;
	ed_args w = *a;
	w.from_key = true; /* an untitled blueprint asks for a name */
	return ecmd_write(ed, &w);
}

/* :x: save when there are changes, then quit (as vi's :x). */
ed_result ecmd_x(editor *ed, const ed_args *a)
{
	if (!editor_modified(ed)) {
		ed->quit = true;
		return ed_done(ed, RD_NONE);
	}
	return ecmd_wq(ed, a);
}

/* Answers to "save before quitting?". */
static void on_quit(editor *ed, int choice)
{
	if (choice == 'n') {
		ed->quit = true;
	} else if (choice == 'y') {
		ed_args none = { 0, NULL, "", false, true };
		ecmd_wq(ed, &none);
	}
}

/* q / :q / :q!. */
ed_result ecmd_quit(editor *ed, const ed_args *a)
{
	if (a->bang || !editor_modified(ed)) {
		ed->quit = true;
		return ed_done(ed, RD_NONE);
	}
	char *text = xasprintf(_("%s has unsaved changes.\n\n"
			       "  y  save them, then quit\n"
			       "  n  quit without saving\n"
			       "  Esc  go back to editing"), editor_file_name(ed));
	ed_ask(ed, _("Save before quitting?"), text, "yn", true, on_quit);
	free(text);
	return ed_done(ed, RD_ALL);
}

/* Write the export now. */
static ed_result export_now(editor *ed, const char *format, const char *target)
{
	export_opts o;
	memset(&o, 0, sizeof o);
	o.source_name = ed->path;
	char err[512] = "";
	if (!export_blueprint(ed->bp, format, &o, target, err, sizeof err))
		return ed_err(ed, _("Export failed: %s"), err);
	return ed_ok(ed, RD_MSG, _("Exported %s to %s."), format, target);
}

/* Answer to "overwrite the export's file?" (save_target: "eFORMAT\tPATH"). */
static void on_export_overwrite(editor *ed, int choice)
{
	char *tab = ed->save_target ? strchr(ed->save_target, '\t') : NULL;
	if (choice != 'o' || !tab || ed->save_target[0] != 'e') {
		ed_ok(ed, RD_MSG, "%s", _("Not exported."));
		return;
	}
	*tab = '\0';
	export_now(ed, ed->save_target + 1, tab + 1);
}

/* Is target the file being edited (the same name or the same file)? */
static bool is_open_file(const editor *ed, const char *target)
{
	struct stat a, b;
	if (!ed->path)
		return false;
	if (strcmp(ed->path, target) == 0)
		return true;
	return stat(ed->path, &a) == 0 && stat(target, &b) == 0 &&
	       a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* :export FORMAT [FILE]: FILE defaults to the blueprint's name with the
 * format's extension; asks before writing over a file (! does not),
 * never writes over the blueprint being edited. */
ed_result ecmd_export(editor *ed, const ed_args *a)
{
	if (a->argc < 1 || a->argc > 2)
		return ed_usage(ed, "export");
	const char *format = a->argv[0];
	if (!export_format_known(format)) {
		sbp_buf list;
		buf_init(&list);
		for (size_t i = 0; export_formats[i]; i++)
			buf_printf(&list, " %s", export_formats[i]);
		ed_result r = ed_err(ed, _("Unknown format \"%s\"; one of:%s."),
				     format, list.data);
		buf_free(&list);
		return r;
	}
	if (a->argc == 1 && !ed->path)
		return ed_err(ed, _("No file name yet: :export %s FILE"), format);
	char *target = a->argc == 2 ? xstrdup(a->argv[1])
				    : export_default_path(ed->path, format, NULL);
	ed_result r;
	struct stat st;
	if (is_open_file(ed, target)) {
		r = ed_err(ed, _("%s is the blueprint you are editing: export to "
				 "another file."), target);
	} else if (!a->bang && stat(target, &st) == 0) {
		free(ed->save_target);
		ed->save_target = xasprintf("e%s\t%s", format, target);
		char *text = xasprintf(_("%s already exists.\n\n"
					 "  o  overwrite it with the %s export\n"
					 "  Esc  go back"), target, format);
		ed_ask(ed, _("Overwrite?"), text, "o", true, on_export_overwrite);
		free(text);
		r = ed_done(ed, RD_ALL);
	} else {
		r = export_now(ed, format, target);
	}
	free(target);
	return r;
}
