/* Lock files ".NAME.sbp-lock" next to a blueprint: who has it open (user,
 * host, pid, since when). A lock is created complete and at once: written
 * to a temporary file, then link(2)ed to its name, which fails when the
 * name exists (O_CREAT|O_EXCL where the file system has no hard links).
 * A stale lock (its process gone on this host, or the file unreadable) is
 * replaced by rename(2). Lock files are never followed through symlinks. */
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

/* Copy s into out (size n), control characters made '?'. */
static void copy_clean(char *out, size_t n, const char *s)
{
	size_t i = 0;

	for (; s[i] && i + 1 < n; i++)
		out[i] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? '?' : s[i];
	out[i] = '\0';
}

/* Who we are: user, host, pid, now. */
static void self_info(sbp_lock_info *me)
{
	struct passwd *pw = getpwuid(geteuid());
	const char *user = pw ? pw->pw_name : getenv("USER");
	char host[256];

	memset(me, 0, sizeof *me);
	if (user)
		copy_clean(me->user, sizeof me->user, user);
	else
		snprintf(me->user, sizeof me->user, "uid %u", (unsigned)geteuid());
	if (gethostname(host, sizeof host) != 0)
		snprintf(host, sizeof host, "localhost");
	host[sizeof host - 1] = '\0';
	copy_clean(me->host, sizeof me->host, host);
	me->pid = (long)getpid();
	me->since = time(NULL);
}

/* The text of a lock file. Caller frees. */
static char *lock_text(const sbp_lock_info *me)
{
	return xasprintf("sbp-lock 1\nuser %s\nhost %s\npid %ld\nsince %lld\n",
			 me->user, me->host, me->pid, (long long)me->since);
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
			copy_clean(info->user, sizeof info->user, val);
		} else if (!strcmp(line, "host")) {
			copy_clean(info->host, sizeof info->host, val);
			have_host = info->host[0] != '\0';
		} else if (!strcmp(line, "pid")) {
			char *end;
			errno = 0;
			info->pid = strtol(val, &end, 10);
			have_pid = !errno && *end == '\0' && info->pid > 0 &&
				   info->pid <= INT_MAX;
		} else if (!strcmp(line, "since")) {
			info->since = (time_t)strtoll(val, NULL, 10);
		}
	}
	return have_pid && have_host;
}

/* When did process pid start (seconds since the epoch), from /proc? */
static bool proc_start_time(long pid, time_t *when)
{
	char name[64], buf[1024];
	unsigned long long ticks = 0, btime = 0;
	FILE *f;
	bool ok = false;

	snprintf(name, sizeof name, "/proc/%ld/stat", pid);
	if (!(f = fopen(name, "re")))
		return false;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	char *p = strrchr(buf, ')'); /* the command name may hold anything */
	if (!p)
		return false;
	/* Step to the space before field 22 (starttime); field 3 follows the
	 * ')' that ends field 2. */
	for (int field = 3; field <= 22 && p; field++)
		p = strchr(p + 1, ' ');
	if (!p || sscanf(p, " %llu", &ticks) != 1)
		return false;
	if (!(f = fopen("/proc/stat", "re")))
		return false;
	while (fgets(buf, sizeof buf, f))
		if (sscanf(buf, "btime %llu", &btime) == 1) {
			ok = true;
			break;
		}
	fclose(f);
	long hz = sysconf(_SC_CLK_TCK);
	if (!ok || hz <= 0)
		return false;
	*when = (time_t)(btime + ticks / (unsigned long long)hz);
	return true;
}

/* Is the process that wrote a lock at since still running on this host?
 * A pid that now belongs to a process started after the lock was written
 * has been reused: the lock is stale. */
static bool pid_alive(long pid, time_t since)
{
	time_t start;

	if (kill((pid_t)pid, 0) != 0 && errno == ESRCH)
		return false;
	if (proc_start_time(pid, &start) && since > 0 && start > since + 2)
		return false;
	return true;
}

/* Read the lock at lp and say whose it is; fills info when readable. */
static lock_state lock_read(const char *lp, sbp_lock_info *info)
{
	char buf[1024];
	sbp_lock_info me;
	int fd = open(lp, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	ssize_t n;

	memset(info, 0, sizeof *info);
	if (fd < 0)
		return errno == ENOENT ? LS_GONE : LS_STALE;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return LS_STALE;
	buf[n] = '\0';
	if (memchr(buf, '\0', (size_t)n) || !lock_parse(buf, info))
		return LS_STALE;
	self_info(&me);
	if (strcmp(info->host, me.host) != 0)
		return LS_OTHER; /* cannot tell whether it lives: assume so */
	if (info->pid == me.pid)
		return LS_OURS;
	return pid_alive(info->pid, info->since) ? LS_OTHER : LS_STALE;
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

/* Replace the lock at lp (stale, or taken by force) with text. */
static bool lock_replace(const char *lp, const char *text)
{
	char err[256];
	atomic_opts o = { .mode = 0644, .follow = false, .in_place = false };

	return atomic_write_ex(lp, text, strlen(text), &o, err, sizeof err);
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
		if (e != EEXIST)
			break; /* read-only directory, full disk...: go on unlocked */
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
		if (!lock_replace(lp, text))
			break;
		/* Another process may have taken the stale lock at the same time:
		 * the last rename wins, and the loser says it is held. */
		s = lock_read(lp, &seen);
		if (s == LS_OURS) {
			r = LOCK_ACQUIRED;
			break;
		}
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
