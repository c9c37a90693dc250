/* Recovery files: unsaved work written next to the blueprint as
 * ".NAME.sbp-recover" (a second live session of the same file writes
 * ".NAME.sbp-recover-PID"), or under $XDG_STATE_HOME/sbp/recover/ (default
 * ~/.local/state/sbp/recover/, mode 0700) when that directory is not
 * writable or the blueprint has no name yet. A recovery file is a loadable
 * blueprint whose first line is a YAML comment saying when it was written,
 * how many changes it holds, which session wrote it (user, host, pid,
 * process start) and the stamp of the file on disk it was based on. It is
 * always a new file of the writing user, mode 0600, renamed into place,
 * never written through a symlink; only its own session replaces or
 * removes it, and only files owned by the user are offered. */
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "safety_internal.h"
#include "sbp/io.h"
#include "sbp/safety.h"
#include "sbp/i18n.h"

#define HEADER "# sbp-recover "
#define MAX_FOUND 64

char *recover_path_for(const char *path)
{
	return safety_sibling(path, RECOVER_SUFFIX);
}

/* The header line of a recovery file of this session. */
static void header_text(sbp_buf *b, time_t when, size_t changes,
			const file_stamp *base)
{
	safety_session me;
	char iso[32];
	struct tm tm;

	safety_self(&me);
	gmtime_r(&when, &tm);
	strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &tm);
	buf_printf(b, HEADER "time=%lld changes=%zu written=%s user=%s host=%s "
		   "pid=%ld start=%llu", (long long)when, changes, iso, me.user,
		   me.host, me.pid, me.start);
	if (base && base->exists)
		buf_printf(b, " base=%lld:%lld.%09ld:%016llx", base->size,
			   (long long)base->mtime.tv_sec, (long)base->mtime.tv_nsec,
			   (unsigned long long)base->hash);
	else if (base)
		buf_printf(b, " base=none");
	buf_add(b, "\n", 1);
}

/* The value of key (" key=") on the first line of s, or NULL. */
static const char *field(const char *s, const char *nl, const char *key)
{
	char k[32];
	snprintf(k, sizeof k, " %s=", key);
	const char *f = strstr(s, k);
	return f && f < nl ? f + strlen(k) : NULL;
}

/* Copy the word at v (up to a blank or the line's end) into out. */
static void word(const char *v, char *out, size_t n)
{
	size_t i = 0;
	while (v && v[i] && v[i] != ' ' && v[i] != '\n' && i + 1 < n) {
		out[i] = v[i];
		i++;
	}
	out[i] = '\0';
	safety_copy_word(out, n, out);
}

/* Read a header's fields into info; false when s has no header. */
static bool parse_header(const char *s, sbp_recover_info *info)
{
	const char *nl = strchr(s, '\n'), *v;

	if (strncmp(s, HEADER, strlen(HEADER)) != 0 || !nl)
		return false;
	if (!(v = field(s, nl, "time")))
		return false;
	info->when = (time_t)strtoll(v, NULL, 10);
	if ((v = field(s, nl, "changes")))
		info->changes = (size_t)strtoull(v, NULL, 10);
	word(field(s, nl, "user"), info->user, sizeof info->user);
	word(field(s, nl, "host"), info->host, sizeof info->host);
	if ((v = field(s, nl, "pid")))
		info->pid = strtol(v, NULL, 10);
	if ((v = field(s, nl, "start")))
		info->start = strtoull(v, NULL, 10);
	if ((v = field(s, nl, "base"))) {
		long long size, sec;
		long nsec;
		unsigned long long hash;
		info->has_base = true;
		if (sscanf(v, "%lld:%lld.%ld:%llx", &size, &sec, &nsec, &hash) == 4) {
			info->base.exists = true;
			info->base.size = size;
			info->base.mtime.tv_sec = (time_t)sec;
			info->base.mtime.tv_nsec = nsec;
			info->base.hash = (uint64_t)hash;
		} else if (strncmp(v, "none", 4) != 0) {
			info->has_base = false;
		}
	}
	return true;
}

/* Open a recovery file if it is a regular file of ours. */
static int open_ours(const char *p)
{
	struct stat st;
	int fd = open(p, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid()) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Look at one recovery file: ours and regular? Fills info. */
static bool probe(const char *p, sbp_recover_info *info)
{
	char head[1024];
	struct stat st;
	int fd;

	memset(info, 0, sizeof *info);
	if (!p || strlen(p) >= sizeof info->where || (fd = open_ours(p)) < 0)
		return false;
	ssize_t n = read(fd, head, sizeof head - 1);
	bool ok = n >= 0 && fstat(fd, &st) == 0;
	close(fd);
	if (!ok)
		return false;
	head[n] = '\0';
	if (!parse_header(head, info)) {
		memset(info, 0, sizeof *info);
		info->when = st.st_mtime;
	}
	snprintf(info->where, sizeof info->where, "%s", p);
	if (info->pid > 0) {
		safety_session s = { .pid = info->pid, .start = info->start };
		snprintf(s.host, sizeof s.host, "%s", info->host);
		info->mine = safety_session_is_self(&s);
		info->alive = !info->mine && safety_session_alive(&s, info->when);
	}
	return true;
}

/* Add the recovery files of place p to out (n so far, at most max). */
static size_t scan(const place *p, bool untitled, sbp_recover_info *out,
		   size_t n, size_t max)
{
	DIR *d = opendir(p->dir);
	struct dirent *de;

	if (!d)
		return n;
	while ((de = readdir(d)) != NULL && n < max) {
		if (!place_has(p, de->d_name))
			continue;
		char *full = xasprintf("%s/%s", p->dir, de->d_name);
		if (probe(full, &out[n]) && (!untitled || !out[n].alive))
			n++;
		free(full);
	}
	closedir(d);
	return n;
}

/* Newest first. */
static int by_time(const void *a, const void *b)
{
	const sbp_recover_info *x = a, *y = b;
	if (x->when != y->when)
		return x->when > y->when ? -1 : 1;
	return strcmp(x->where, y->where);
}

/* All recovery files of path we may read, up to max (unsorted). */
static size_t find_all(const char *path, sbp_recover_info *out, size_t max)
{
	place p = {0};
	size_t n = 0;

	if (path && place_beside(path, &p)) {
		n = scan(&p, false, out, n, max);
		place_free(&p);
	}
	if (place_state(path, false, &p)) {
		n = scan(&p, !path, out, n, max);
		place_free(&p);
	}
	return n;
}

size_t recover_list(const char *path, sbp_recover_info *out, size_t max)
{
	sbp_recover_info *all = xmalloc(MAX_FOUND * sizeof *all);
	size_t n = find_all(path, all, MAX_FOUND);

	qsort(all, n, sizeof *all, by_time);
	for (size_t i = 0; i < n && i < max; i++)
		out[i] = all[i];
	free(all);
	return n;
}

bool recover_find(const char *path, sbp_recover_info *info)
{
	return recover_list(path, info, 1) > 0;
}

/* May this session write the recovery file name (absent, not a regular
 * file, or a file of ours that this session wrote)? */
static bool name_free(const char *name)
{
	struct stat st;
	sbp_recover_info info;

	if (lstat(name, &st) != 0)
		return errno == ENOENT;
	if (S_ISDIR(st.st_mode))
		return false;
	if (!S_ISREG(st.st_mode))
		return true; /* a planted link or pipe: replaced, never followed */
	return st.st_uid == geteuid() && probe(name, &info) && info.mine;
}

/* Write text as this session's recovery file in place p: the file it
 * wrote there before, else the first free of PREFIX, PREFIX-PID,
 * PREFIX-PID-2... Fills where (caller frees) when it worked. */
static bool write_in(const place *p, bool untitled, const sbp_buf *text,
		     char **where, char *err, size_t errlen)
{
	atomic_opts o = { .mode = 0600, .follow = false, .in_place = false,
			  .fresh = true };
	sbp_recover_info *all = xmalloc(MAX_FOUND * sizeof *all);
	size_t n = scan(p, false, all, 0, MAX_FOUND);
	char *name = NULL;
	long pid = (long)getpid();

	for (size_t i = 0; i < n && !name; i++)
		if (all[i].mine)
			name = xstrdup(all[i].where);
	free(all);
	for (int k = untitled ? 1 : 0; !name && k < 12; k++) {
		char *c = k == 0 ? xasprintf("%s/%s%s", p->dir, p->prefix, p->end)
			: k == 1 ? xasprintf("%s/%s-%ld%s", p->dir, p->prefix, pid, p->end)
			: xasprintf("%s/%s-%ld-%d%s", p->dir, p->prefix, pid, k, p->end);
		if (name_free(c))
			name = c;
		else
			free(c);
	}
	if (!name) {
		snprintf(err, errlen, _("cannot write a recovery file in %s: the names "
			 "there belong to other sessions"), p->dir);
		return false;
	}
	if (!atomic_write_ex(name, text->data, text->len, &o, err, errlen)) {
		free(name);
		return false;
	}
	*where = name;
	return true;
}

/* Remove this session's recovery files in place p, except keep. */
static void remove_mine(const place *p, const char *keep)
{
	sbp_recover_info *all = xmalloc(MAX_FOUND * sizeof *all);
	size_t n = scan(p, false, all, 0, MAX_FOUND);

	for (size_t i = 0; i < n; i++)
		if (all[i].mine && (!keep || strcmp(all[i].where, keep) != 0))
			unlink(all[i].where);
	free(all);
}

bool recover_write(const char *path, const char *data, size_t len,
		   size_t changes, const file_stamp *base, char *err,
		   size_t errlen)
{
	char e1[512] = "";
	sbp_buf text;
	place beside = {0}, state = {0};
	char *where = NULL;
	bool ok = false;

	buf_init(&text);
	header_text(&text, time(NULL), changes, base);
	buf_add(&text, data, len);
	if (path && place_beside(path, &beside) &&
	    write_in(&beside, false, &text, &where, e1, sizeof e1)) {
		ok = true;
		remove_mine(&beside, where);
		if (place_state(path, false, &state))
			remove_mine(&state, NULL); /* an older copy there goes */
	} else if (!place_state(path, true, &state)) {
		snprintf(err, errlen, "cannot write a recovery file: %s%sno state "
			 "directory ($XDG_STATE_HOME or ~/.local/state) to use",
			 e1, e1[0] ? "; and " : "");
	} else if (write_in(&state, !path, &text, &where, err, errlen)) {
		ok = true;
		remove_mine(&state, where);
	}
	free(where);
	place_free(&beside);
	place_free(&state);
	buf_free(&text);
	return ok;
}

/* Read all of fd (at most max bytes) into a NUL-terminated buffer. */
static char *slurp(int fd, size_t max, size_t *len)
{
	sbp_buf b;
	char chunk[65536];

	buf_init(&b);
	for (;;) {
		ssize_t r = read(fd, chunk, sizeof chunk);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 || b.len + (size_t)r > max) {
			buf_free(&b);
			return NULL;
		}
		if (r == 0)
			break;
		buf_add(&b, chunk, (size_t)r);
	}
	*len = b.len;
	return buf_steal(&b);
}

/* The whole recovery file where, header included. Caller frees. */
static char *read_raw(const char *where, size_t *len)
{
	int fd = open_ours(where);

	if (fd < 0)
		return NULL;
	char *data = slurp(fd, SBP_DEFAULT_MAX_FILE_SIZE, len);
	close(fd);
	if (data && !*len) {
		free(data);
		data = xstrdup("");
	}
	return data;
}

/* Bytes of the header line at the start of data (0 when none). */
static size_t header_len(const char *data, size_t n)
{
	if (strncmp(data, HEADER, strlen(HEADER)) != 0)
		return 0;
	char *nl = memchr(data, '\n', n);
	return nl ? (size_t)(nl - data) + 1 : n;
}

char *recover_read_file(const char *where, size_t *len)
{
	size_t n;
	char *data = read_raw(where, &n);

	if (!data)
		return NULL;
	size_t skip = header_len(data, n);
	memmove(data, data + skip, n - skip + 1);
	if (len)
		*len = n - skip;
	return data;
}

char *recover_read(const char *path, size_t *len)
{
	sbp_recover_info info;

	if (!recover_find(path, &info))
		return NULL;
	return recover_read_file(info.where, len);
}

bool recover_adopt(const char *where)
{
	atomic_opts o = { .mode = 0600, .follow = false, .in_place = false,
			  .fresh = true };
	sbp_recover_info info;
	char err[512];
	size_t n;
	sbp_buf text;

	if (!probe(where, &info))
		return false;
	if (info.mine)
		return true;
	if (info.alive)
		return false; /* another session still writes it */
	char *data = read_raw(where, &n);
	if (!data)
		return false;
	size_t skip = header_len(data, n);
	buf_init(&text);
	header_text(&text, info.when ? info.when : time(NULL), info.changes,
		    info.has_base ? &info.base : NULL);
	buf_add(&text, data + skip, n - skip);
	bool ok = atomic_write_ex(where, text.data, text.len, &o, err, sizeof err);
	buf_free(&text);
	free(data);
	return ok;
}

void recover_remove(const char *path)
{
	place p = {0};

	if (path && place_beside(path, &p)) {
		remove_mine(&p, NULL);
		place_free(&p);
	}
	if (place_state(path, false, &p)) {
		remove_mine(&p, NULL);
		place_free(&p);
	}
}

bool recover_discard(const char *where)
{
	struct stat st;

	if (lstat(where, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid())
		return false;
	return unlink(where) == 0;
}
