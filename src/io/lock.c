/* Lock files ".NAME.sbp-lock" next to a blueprint: who has it open (user,
 * host, pid, since when). A lock is created complete and at once: written
 * to a temporary file, then link(2)ed to its name, which fails when the
 * name exists (O_CREAT|O_EXCL where the file system has no hard links).
 * A stale lock (its process gone on this host, a zombie, or the file
 * unreadable) is replaced by a new file of ours renamed over it, which
 * needs only a writable directory. Lock files are never followed through
 * symlinks. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "safety_internal.h"
#include "sbp/safety.h"
#include "sbp/util.h"

/* What reading a lock file found. */
typedef enum lock_state { LS_GONE, LS_STALE, LS_OURS, LS_OTHER } lock_state;

char *lock_path_for(const char *path)
{
	return safety_sibling(path, ".sbp-lock");
}

/* Who we are: user, host, pid, start time, now. */
static void self_info(sbp_lock_info *me)
{
	safety_session ss;

	safety_self(&ss);
	memset(me, 0, sizeof *me);
	snprintf(me->user, sizeof me->user, "%s", ss.user);
	snprintf(me->host, sizeof me->host, "%s", ss.host);
	me->pid = ss.pid;
	me->start = ss.start;
	me->since = time(NULL);
}

/* The text of a lock file. Caller frees. */
static char *lock_text(const sbp_lock_info *me)
{
	return xasprintf("sbp-lock 1\nuser %s\nhost %s\npid %ld\nsince %lld\n"
			 "start %llu\n", me->user, me->host, me->pid,
			 (long long)me->since, me->start);
}

/* Parse a lock file's text; false when it is not one. */
static bool lock_parse(char *text, sbp_lock_info *info)
{
	bool have_pid = false, have_host = false;

	memset(info, 0, sizeof *info);
	if (strncmp(text, "sbp-lock ", 9) != 0)
		return false;
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		char *val = strchr(line, ' ');
		if (!val)
			continue;
		*val++ = '\0';
		if (!strcmp(line, "user")) {
			safety_copy_word(info->user, sizeof info->user, val);
		} else if (!strcmp(line, "host")) {
			safety_copy_word(info->host, sizeof info->host, val);
			have_host = info->host[0] != '\0';
		} else if (!strcmp(line, "pid")) {
			char *end;
			errno = 0;
			info->pid = strtol(val, &end, 10);
			have_pid = !errno && *end == '\0' && info->pid > 0 &&
				   info->pid <= INT_MAX;
		} else if (!strcmp(line, "since")) {
			info->since = (time_t)strtoll(val, NULL, 10);
		} else if (!strcmp(line, "start")) {
			info->start = strtoull(val, NULL, 10);
		}
	}
	return have_pid && have_host;
}

/* Read the lock at lp and say whose it is; fills info when readable. */
static lock_state lock_read(const char *lp, sbp_lock_info *info)
{
	char buf[1024];
	sbp_lock_info me;
	int fd = open(lp, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	struct stat st;
	ssize_t n;

	memset(info, 0, sizeof *info);
	if (fd < 0)
		return errno == ENOENT ? LS_GONE : LS_STALE;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return LS_STALE;
	}
	info->uid = (unsigned)st.st_uid;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return LS_STALE;
	buf[n] = '\0';
	if (memchr(buf, '\0', (size_t)n) || !lock_parse(buf, info)) {
		info->pid = 0;
		return LS_STALE;
	}
	info->uid = (unsigned)st.st_uid;
	self_info(&me);
	if (strcmp(info->host, me.host) != 0)
		return LS_OTHER; /* cannot tell whether it lives: assume so */
	if (info->pid == me.pid)
		return LS_OURS;
	if (safety_pid_alive(info->pid, info->start, info->since))
		return LS_OTHER;
	info->gone = true;
	return LS_STALE;
}

/* Create the lock at lp with text, failing with EEXIST when it exists.
 * Returns 0 or an errno value. */
static int lock_create(const char *lp, const char *text)
{
	char *dir = safety_dir_of(lp);
	char *tmp = xasprintf("%s/.sbp-lock-new.XXXXXX", dir);
	size_t len = strlen(text);
	int e = 0, fd = mkstemp(tmp);

	if (fd < 0) {
		e = errno;
		goto done;
	}
	(void)fchmod(fd, 0644);
	ssize_t n = write(fd, text, len);
	if (n != (ssize_t)len)
		e = n < 0 ? errno : EIO;
	if (close(fd) != 0 && !e)
		e = errno;
	if (!e && link(tmp, lp) != 0) {
		e = errno;
		if (e == EPERM || e == ENOTSUP || e == EOPNOTSUPP || e == EMLINK) {
			/* No hard links here: an exclusive create will do. */
			e = 0;
			fd = open(lp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
			if (fd < 0) {
				e = errno;
			} else {
				n = write(fd, text, len);
				if (n != (ssize_t)len)
					e = n < 0 ? errno : EIO;
				if (close(fd) != 0 && !e)
					e = errno;
				if (e)
					unlink(lp);
			}
		}
	}
	unlink(tmp);
done:
	free(tmp);
	free(dir);
	return e;
}

/* Replace the lock at lp (stale, or taken by force) with text: a new file
 * of ours renamed over it, which needs only a writable directory (the old
 * lock may be another user's, which we cannot write). 0 or an errno. */
static int lock_replace(const char *lp, const char *text)
{
	char err[512];
	atomic_opts o = { .mode = 0644, .follow = false, .in_place = false,
			  .fresh = true };

	if (atomic_write_ex(lp, text, strlen(text), &o, err, sizeof err))
		return 0;
	return errno ? errno : EIO;
}

lock_result lock_acquire(const char *path, bool force, sbp_lock_info *other)
{
	char *lp = lock_path_for(path);
	sbp_lock_info me, seen;
	lock_result r = LOCK_UNAVAILABLE;

	self_info(&me);
	char *text = lock_text(&me);
	if (other)
		memset(other, 0, sizeof *other);
	for (int attempt = 0; attempt < 5; attempt++) {
		int e = lock_create(lp, text);
		if (e == 0) {
			r = LOCK_ACQUIRED;
			break;
		}
		if (e != EEXIST) {
			if (other)
				other->error = e;
			break; /* read-only directory, full disk...: go on unlocked */
		}
		lock_state s = lock_read(lp, &seen);
		if (s == LS_GONE)
			continue; /* released meanwhile: try again */
		if (s == LS_OURS) {
			r = LOCK_ACQUIRED;
			break;
		}
		if (s == LS_OTHER && !force) {
			if (other)
				*other = seen;
			r = LOCK_HELD;
			break;
		}
		if (other && s == LS_STALE)
			*other = seen; /* whose stale lock we take over */
		if ((e = lock_replace(lp, text)) != 0) {
			if (other)
				other->error = e;
			break;
		}
		/* Another process may have taken the stale lock at the same time:
		 * the last rename wins, and the loser says it is held. */
		s = lock_read(lp, &seen);
		if (s == LS_OURS) {
			r = LOCK_ACQUIRED;
			break;
		}
		if (other)
			memset(other, 0, sizeof *other);
		if (s == LS_OTHER) {
			if (other)
				*other = seen;
			r = LOCK_HELD;
			break;
		}
	}
	free(text);
	free(lp);
	return r;
}

void lock_release(const char *path)
{
	char *lp = lock_path_for(path);
	sbp_lock_info info;

	if (lock_read(lp, &info) == LS_OURS)
		unlink(lp);
	free(lp);
}
