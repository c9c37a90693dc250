/* Recovery files: unsaved work written next to the blueprint as
 * ".NAME.sbp-recover", or under $XDG_STATE_HOME/sbp/recover/ (default
 * ~/.local/state/sbp/recover/, mode 0700) when that directory is not
 * writable or the blueprint has no name yet. A recovery file is a loadable
 * blueprint whose first line is a YAML comment saying when it was written
 * and how many changes it holds. It is written atomically with mode 0600,
 * never through a symlink, and only files owned by the user are offered. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <dirent.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "safety_internal.h"
#include "sbp/io.h"
#include "sbp/safety.h"

#define HEADER "# sbp-recover "

char *recover_path_for(const char *path)
{
	return safety_sibling(path, ".sbp-recover");
}

/* Create dir and its missing parents, each with mode. */
static bool mkdir_p(const char *dir, mode_t mode)
{
	char *p = xstrdup(dir);
	bool ok = true;

	for (char *s = p + 1; ok; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, mode) != 0 && errno != EEXIST)
			ok = false;
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return ok;
}

/* The state directory for recovery files, created when create is set.
 * NULL when there is none we may use (not ours, not a directory). */
static char *state_dir(bool create)
{
	const char *xdg = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	char *dir;
	struct stat st;

	if (xdg && xdg[0] == '/') {
		dir = xasprintf("%s/sbp/recover", xdg);
	} else {
		if (!home || home[0] != '/') {
			struct passwd *pw = getpwuid(geteuid());
			home = pw ? pw->pw_dir : NULL;
		}
		if (!home || home[0] != '/')
			return NULL;
		dir = xasprintf("%s/.local/state/sbp/recover", home);
	}
	if (create)
		(void)mkdir_p(dir, 0700);
	if (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != geteuid()) {
		free(dir);
		return NULL;
	}
	return dir;
}

/* The untitled recovery file to offer: this process's own, else the
 * newest one left by a process that is gone (a dropped session's work).
 * Caller frees; NULL when there is none. */
static char *find_untitled(const char *dir)
{
	char *own = xasprintf("%s/untitled-%ld.yaml", dir, (long)getpid());
	struct stat st;
	if (lstat(own, &st) == 0)
		return own;
	free(own);
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	char *best = NULL;
	time_t best_t = 0;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		long pid;
		char tail[8];
		if (sscanf(de->d_name, "untitled-%ld.%7s", &pid, tail) != 2 ||
		    strcmp(tail, "yaml") != 0 || pid <= 0)
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue; /* its editor is still running */
		char *p = xasprintf("%s/%s", dir, de->d_name);
		if (lstat(p, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
		    (!best || st.st_mtime > best_t)) {
			free(best);
			best = p;
			best_t = st.st_mtime;
		} else {
			free(p);
		}
	}
	closedir(d);
	return best;
}

/* The recovery file of path in the state directory: NAME-HASH.yaml, HASH
 * of the absolute path, or untitled-PID.yaml (when looking, one a gone
 * process left). Caller frees. */
static char *state_path(const char *path, bool create)
{
	char *dir = state_dir(create), *out;

	if (!dir)
		return NULL;
	if (!path) {
		out = create ? xasprintf("%s/untitled-%ld.yaml", dir, (long)getpid())
			     : find_untitled(dir);
		free(dir);
		return out;
	}
	char *target = safety_resolve(path);
	if (!target)
		target = xstrdup(path);
	char *parent = safety_dir_of(target);
	char real[PATH_MAX], cwd[PATH_MAX];
	char *abs;
	if (realpath(parent, real))
		abs = xasprintf("%s/%s", real, safety_base_of(target));
	else if (target[0] != '/' && getcwd(cwd, sizeof cwd))
		abs = xasprintf("%s/%s", cwd, target);
	else
		abs = xstrdup(target);
	uint64_t h = safety_hash(SAFETY_HASH_INIT, abs, strlen(abs));
	out = xasprintf("%s/%.100s-%016llx.yaml", dir, safety_base_of(target),
			(unsigned long long)h);
	free(abs);
	free(parent);
	free(target);
	free(dir);
	return out;
}

/* The places a recovery file of path may be: next to it, in the state
 * directory. Fills out (entries may be NULL); caller frees both. */
static void candidates(const char *path, char *out[2])
{
	out[0] = path ? recover_path_for(path) : NULL;
	out[1] = state_path(path, false);
}

bool recover_write(const char *path, const char *data, size_t len,
		   size_t changes, char *err, size_t errlen)
{
	atomic_opts o = { .mode = 0600, .follow = false, .in_place = false };
	char when[32], e1[512] = "";
	time_t now = time(NULL);
	struct tm tm;
	sbp_buf text;
	bool ok = false;
	char *places[2];

	gmtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	buf_init(&text);
	buf_printf(&text, HEADER "time=%lld changes=%zu written=%s\n",
		   (long long)now, changes, when);
	buf_add(&text, data, len);
	places[0] = path ? recover_path_for(path) : NULL;
	places[1] = NULL;
	if (places[0] &&
	    atomic_write_ex(places[0], text.data, text.len, &o, e1, sizeof e1)) {
		ok = true;
		places[1] = state_path(path, false); /* an older copy there goes */
	} else if ((places[1] = state_path(path, true)) == NULL) {
		snprintf(err, errlen, "cannot write a recovery file: %s%sno state "
			 "directory ($XDG_STATE_HOME or ~/.local/state) to use",
			 e1, e1[0] ? "; and " : "");
	} else if (atomic_write_ex(places[1], text.data, text.len, &o, err, errlen)) {
		ok = true;
		char *t = places[0];
		places[0] = places[1];
		places[1] = t;
	}
	if (ok && places[1])
		unlink(places[1]);
	free(places[0]);
	free(places[1]);
	buf_free(&text);
	return ok;
}

/* Read the first line's time and change count; false when it has none. */
static bool parse_header(const char *s, time_t *when, size_t *changes)
{
	const char *nl = strchr(s, '\n');
	const char *t = strstr(s, " time="), *c = strstr(s, " changes=");

	if (strncmp(s, HEADER, strlen(HEADER)) != 0 || !nl || !t || !c || t > nl ||
	    c > nl)
		return false;
	*when = (time_t)strtoll(t + 6, NULL, 10);
	*changes = (size_t)strtoull(c + 9, NULL, 10);
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

/* Look at one candidate recovery file. */
static bool probe(const char *p, sbp_recover_info *info)
{
	char head[512];
	struct stat st;
	int fd;

	if (!p || strlen(p) >= sizeof info->where || (fd = open_ours(p)) < 0)
		return false;
	ssize_t n = read(fd, head, sizeof head - 1);
	bool ok = n >= 0 && fstat(fd, &st) == 0;
	close(fd);
	if (!ok)
		return false;
	head[n] = '\0';
	if (!parse_header(head, &info->when, &info->changes)) {
		info->when = st.st_mtime;
		info->changes = 0;
	}
	snprintf(info->where, sizeof info->where, "%s", p);
	return true;
}

bool recover_find(const char *path, sbp_recover_info *info)
{
	char *c[2];
	sbp_recover_info one;
	bool found = false;

	candidates(path, c);
	for (int i = 0; i < 2; i++)
		if (probe(c[i], &one) && (!found || one.when > info->when)) {
			*info = one;
			found = true;
		}
	free(c[0]);
	free(c[1]);
	return found;
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

char *recover_read(const char *path, size_t *len)
{
	sbp_recover_info info;
	char *data;
	size_t n;
	int fd;

	if (!recover_find(path, &info) || (fd = open_ours(info.where)) < 0)
		return NULL;
	data = slurp(fd, SBP_DEFAULT_MAX_FILE_SIZE, &n);
	close(fd);
	if (!data)
		return NULL;
	if (strncmp(data, HEADER, strlen(HEADER)) == 0) {
		char *nl = memchr(data, '\n', n);
		size_t skip = nl ? (size_t)(nl - data) + 1 : n;
		memmove(data, data + skip, n - skip + 1);
		n -= skip;
	}
	if (len)
		*len = n;
	return data;
}

void recover_remove(const char *path)
{
	char *c[2];
	struct stat st;

	if (!path) {
		/* this process's own untitled file, besides the one offered */
		char *dir = state_dir(false);
		if (dir) {
			char *own = xasprintf("%s/untitled-%ld.yaml", dir, (long)getpid());
			if (lstat(own, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid())
				unlink(own);
			free(own);
			free(dir);
		}
	}
	candidates(path, c);
	for (int i = 0; i < 2; i++)
		if (c[i] && lstat(c[i], &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_uid == geteuid())
			unlink(c[i]);
	free(c[0]);
	free(c[1]);
}
