/* The editor's side of data safety: taking the lock (and saying whose
 * stale lock was taken over), offering each recovery file found (of a
 * session that ended, or of one still running), recovering over a file
 * changed on disk since or keeping both, and autosave at most
 * ED_AUTOSAVE_MS after the first change it does not hold yet. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"
#include "sbp/i18n.h"

/* Local time as "2024-05-01 14:03". */
void ed_format_time(time_t t, char *out, size_t n)
{
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, n, "%Y-%m-%d %H:%M", &tm);
}

/* Has the file on disk changed since the recovery file's base stamp? */
static bool base_changed(const editor *ed)
{
	return ed->path && ed->recover.has_base &&
	       file_stamp_changed(ed->path, &ed->recover.base);
}

/* Write data as a new file beside path: STEM.recovered.yaml, or
 * STEM.recovered-N.yaml when that exists. Fills out; false with err. */
static bool save_beside(const char *path, const char *data, size_t len,
			char *out, size_t outlen, char *err, size_t errlen)
{
	size_t n = strlen(path);
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
	if (dot && (!slash || dot > slash) && (!strcmp(dot, ".yaml") || !strcmp(dot, ".yml")))
		n = (size_t)(dot - path);
	for (int k = 1; k < 100; k++) {
		if (k == 1)
			snprintf(out, outlen, "%.*s.recovered.yaml", (int)n, path);
		else
			snprintf(out, outlen, "%.*s.recovered-%d.yaml", (int)n, path, k);
		int fd = open(out, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
		if (fd < 0 && errno == EEXIST)
			continue;
		if (fd < 0) {
			snprintf(err, errlen, _("cannot create %s: %s"), out, strerror(errno));
			return false;
		}
		bool ok = true;
		for (size_t off = 0; ok && off < len;) {
			ssize_t w = write(fd, data + off, len - off);
			if (w < 0 && errno == EINTR)
				continue;
			ok = w > 0;
			off += ok ? (size_t)w : 0;
		}
		ok = ok && fsync(fd) == 0;
		int e = errno;
		ok = close(fd) == 0 && ok;
		if (!ok) {
			snprintf(err, errlen, _("cannot write %s: %s"), out, strerror(e));
			unlink(out);
		}
		return ok;
	}
	snprintf(err, errlen, _("too many recovered copies beside %s"), path);
	return false;
}

static void offer_next(editor *ed);

/* Recover the offered file into the editor. */
static void recover_into(editor *ed, bool changed)
{
	size_t len;
	char *data = recover_read_file(ed->recover.where, &len);
	sbp_diags d;
	diags_init(&d);
	sbp_blueprint *bp = data ? sbp_load_buffer(data, len, &ed->lim, &d) : NULL;
	free(data);
	if (!bp) {
		ed_err(ed, _("Cannot use the recovery file %s: %s"), ed->recover.where,
		       d.n ? d.items[0].message : "unreadable");
		diags_free(&d);
		return;
	}
	diags_free(&d);
	/* A session that is gone leaves its file to us: ours to update and,
	 * once saved, to remove. A running session's file stays its own. */
	if (!ed->recover.alive)
		recover_adopt(ed->recover.where);
	ed_set_blueprint(ed, bp);
	ed->base_dirty = true;
	if (changed) {
		/* Saving must notice the newer file on disk and ask. */
		ed->stamp = ed->recover.base;
		ed_ok(ed, RD_ALL, P_("Recovered %zu unsaved change over a file changed "
				     "on disk since; saving asks before overwriting it.",
				     "Recovered %zu unsaved changes over a file changed "
				     "on disk since; saving asks before overwriting it.",
				     ed->recover.changes), ed->recover.changes);
	} else {
		ed_ok(ed, RD_ALL, P_("Recovered %zu unsaved change. Save with Ctrl-S or :w.",
				     "Recovered %zu unsaved changes. Save with Ctrl-S or :w.",
				     ed->recover.changes), ed->recover.changes);
	}
}

/* Keep both: the recovered work beside the file, the file as on disk. */
static void keep_both(editor *ed)
{
	size_t len;
	char out[4200], err[4400];
	char *data = recover_read_file(ed->recover.where, &len);
	if (!data) {
		ed_err(ed, _("Cannot read the recovery file %s."), ed->recover.where);
		return;
	}
	bool ok = save_beside(ed->path, data, len, out, sizeof out, err, sizeof err);
	free(data);
	if (!ok) {
		ed_err(ed, _("Not kept: %s; the recovery file stays."), err);
		return;
	}
	if (!ed->recover.alive)
		recover_discard(ed->recover.where);
	else
		ed->recover_skip++;
	ed_ok(ed, RD_ALL, _("Kept both: the recovered work is in %s; you edit %s "
	      "as it is on disk."), out, editor_file_name(ed));
	offer_next(ed);
}

/* Answer to the recovery question. */
static void on_recover(editor *ed, int choice)
{
	bool changed = base_changed(ed);
	switch (choice) {
	case 'q':
		ed->quit = true;
		ed->keep_recovery = true;
		return;
	case 'd':
		recover_discard(ed->recover.where);
		ed_ok(ed, RD_ALL, _("Discarded the recovery file."));
		offer_next(ed);
		return;
	case 'k':
		ed->recover_skip++;
		ed_ok(ed, RD_ALL, _("Kept the recovery file for later."));
		offer_next(ed);
		return;
	case 'b':
		keep_both(ed);
		return;
	default:
		recover_into(ed, changed);
	}
}

/* Offer the next recovery file of the current path not yet answered. */
static void offer_next(editor *ed)
{
	size_t skip = ed->recover_skip;
	sbp_recover_info *list = xmalloc((skip + 1) * sizeof *list);
	size_t n = recover_list(ed->path, list, skip + 1);
	if (n <= skip) {
		free(list);
		return;
	}
	ed->recover = list[skip];
	free(list);
	const sbp_recover_info *r = &ed->recover;
	bool changed = base_changed(ed);
	char when[64], choices[8] = "r";
	sbp_buf t;
	buf_init(&t);
	ed_format_time(r->when, when, sizeof when);
	if (r->alive)
		buf_printf(&t, _("Unsaved work of another session that is still running\n"
			   "(%s on %s, pid %ld) was kept on %s\n"), r->user, r->host,
			   r->pid, when);
	else
		buf_printf(&t, _("Unsaved work of an earlier session was kept on %s\n"), when);
	buf_printf(&t, P_("(%zu change) in %s.\n", "(%zu changes) in %s.\n",
			  r->changes), r->changes, r->where);
	if (n - skip > 1)
		buf_printf(&t, _("It is one of %zu recovery files; the others are "
			   "offered next.\n"), n - skip);
	if (changed)
		buf_printf(&t, _("\n%s has changed on disk since this work was kept\n"
			   "(saved after that session?).\n"), editor_file_name(ed));
	buf_printf(&t, "\n");
	if (changed) {
		buf_printf(&t, _("  r  recover it over the newer file (saving asks first)\n"
			   "  b  keep both: save it beside the file as a new\n"
			   "     .recovered.yaml file, edit the file as on disk\n"));
		strcat(choices, "b");
	} else {
		buf_printf(&t, _("  r  recover it (then save to keep it)\n"));
	}
	if (!r->alive) {
		buf_printf(&t, _("  d  discard it\n"));
		strcat(choices, "d");
	}
	buf_printf(&t, _("  k  keep it for later\n"));
	strcat(choices, "k");
	buf_printf(&t, _("  q  quit"));
	strcat(choices, "q");
	ed_ask(ed, _("Recover unsaved work?"), t.data, choices, false, on_recover);
	buf_free(&t);
}

/* Offer the recovery files of the current path, one after the other. */
void ed_offer_recovery(editor *ed)
{
	ed->recover_skip = 0;
	offer_next(ed);
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
		ed_ok(ed, RD_ALL, _("Read-only: :w FILE saves a copy elsewhere."));
		return;
	}
	sbp_lock_info other;
	if (lock_acquire(ed->path, true, &other) == LOCK_ACQUIRED)
		ed->locked = true;
	ed_ok(ed, RD_ALL, _("Editing anyway: the other session's changes may clash."));
	ed_offer_recovery(ed);
}

/* Say that the lock could not be made, and why. */
static void say_unlocked(editor *ed, const sbp_lock_info *other)
{
	const char *why = other->error ? strerror(other->error) : _("unknown error");
	if (other->gone && other->pid)
		ed_err(ed, _("Cannot take over the stale lock of %s (pid %ld, gone): %s; "
		       "others will not see that %s is open."), other->user, other->pid,
		       why, editor_file_name(ed));
	else
		ed_err(ed, _("Could not create a lock file next to %s (%s); others will "
		       "not see that it is open."), editor_file_name(ed), why);
}

/* Take the lock; ask when another live process holds it. */
void ed_take_lock(editor *ed)
{
	sbp_lock_info other;
	switch (lock_acquire(ed->path, false, &other)) {
	case LOCK_ACQUIRED:
		ed->locked = true;
		if (other.gone && other.pid)
			ed_ok(ed, RD_ALL, _("Took over the stale lock of %s (pid %ld, gone)."),
			      other.user, other.pid);
		ed_offer_recovery(ed);
		break;
	case LOCK_UNAVAILABLE:
		say_unlocked(ed, &other);
		ed_offer_recovery(ed);
		break;
	case LOCK_HELD: {
		char when[64], *text;
		ed_format_time(other.since, when, sizeof when);
		snprintf(ed->lock_note, sizeof ed->lock_note,
			 _("%s@%s (pid %ld) since %s"), other.user, other.host,
			 other.pid, when);
		text = xasprintf(_("%s is already open by %s.\n\n"
				   "  o  open it read-only\n"
				   "  e  edit it anyway\n"
				   "  q  quit"),
				 editor_file_name(ed), ed->lock_note);
		ed_ask(ed, _("File in use"), text, "oeq", false, on_lock);
		free(text);
		break;
	}
	}
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
			  ed->path ? &ed->stamp : NULL, err, sizeof err)) {
		ed->recover_written = true;
		ed->recover_key = ed_state_key(ed);
		ed->recover_failed = 0;
	} else {
		ed->recover_failed = ed_state_key(ed) + 1; /* no retry each tick */
		ed_err(ed, _("Autosave failed: %s"), err);
	}
	buf_free(&out);
}

/* Does the recovery file lack changes the editor holds? */
static bool recovery_behind(const editor *ed)
{
	return editor_modified(ed) &&
	       !(ed->recover_written && ed->recover_key == ed_state_key(ed));
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
	if (!recovery_behind(ed))
		return;
	if (ed->recover_failed == ed_state_key(ed) + 1)
		return;
	write_recovery(ed);
}

/* Autosave on a deadline: ED_AUTOSAVE_MS after the first change the
 * recovery file does not hold, whether or not keys keep coming. */
void editor_autosave_tick(editor *ed, long long now_ms)
{
	if (ed->readonly)
		return;
	if (!recovery_behind(ed)) {
		ed->unsaved_since = 0;
		if (!editor_modified(ed) && ed->recover_written)
			editor_autosave(ed); /* saved or undone: the file goes */
		return;
	}
	if (!ed->unsaved_since) {
		ed->unsaved_since = now_ms ? now_ms : 1;
		return;
	}
	if (now_ms - ed->unsaved_since < ED_AUTOSAVE_MS)
		return;
	editor_autosave(ed);
	ed->unsaved_since = 0;
}

/* The terminal is gone or we were told to stop: keep the work. */
void editor_hangup(editor *ed)
{
	if (recovery_behind(ed))
		write_recovery(ed);
	editor_cleanup(ed, false);
}
