/* Who a session is (user, host, pid, process start time) and whether the
 * session that wrote a lock or recovery file still runs: a pid that is
 * gone, a zombie, or a pid now used by a process started later is gone.
 * Also the rule for following symbolic links in shared directories. */
#include <errno.h>
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
#include "sbp/i18n.h"

/* Copy s into out (size n): control characters, blanks and '=' made '?',
 * so that it fits in one "key=value" word of a header. */
void safety_copy_word(char *out, size_t n, const char *s)
{
	size_t i = 0;

	for (; s && s[i] && i + 1 < n; i++) {
		unsigned char c = (unsigned char)s[i];
		out[i] = c <= 0x20 || c == 0x7f || c == '=' ? '?' : (char)c;
	}
	out[i] = '\0';
}

/* Read /proc/PID/stat: the state letter (field 3) and the start time in
 * clock ticks after boot (field 22). */
bool safety_proc_stat(long pid, char *state, unsigned long long *start)
{
	char name[64], buf[1024];
	FILE *f;

	snprintf(name, sizeof name, "/proc/%ld/stat", pid);
	if (!(f = fopen(name, "re")))
		return false;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	char *p = strrchr(buf, ')'); /* the command name may hold anything */
	if (!p || p[1] != ' ' || !p[2])
		return false;
	if (state)
		*state = p[2];
	/* Field 3 follows the ')' that ends field 2; step to field 22. */
	for (int field = 3; field <= 22 && p; field++)
		p = strchr(p + 1, ' ');
	unsigned long long t;
	if (!p || sscanf(p, " %llu", &t) != 1)
		return false;
	if (start)
		*start = t;
	return true;
}

/* Seconds since the epoch of a start time in clock ticks after boot. */
bool safety_ticks_to_time(unsigned long long ticks, time_t *when)
{
	char buf[256];
	unsigned long long btime = 0;
	bool ok = false;
	FILE *f = fopen("/proc/stat", "re");

	if (!f)
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

void safety_self(safety_session *me)
{
	static safety_session cached;
	static long cached_pid;

	if (cached_pid != (long)getpid()) {
		struct passwd *pw = getpwuid(geteuid());
		char host[256];

		memset(&cached, 0, sizeof cached);
		if (pw)
			safety_copy_word(cached.user, sizeof cached.user, pw->pw_name);
		else
			snprintf(cached.user, sizeof cached.user, "uid-%u",
				 (unsigned)geteuid());
		if (gethostname(host, sizeof host) != 0)
			snprintf(host, sizeof host, "localhost");
		host[sizeof host - 1] = '\0';
		safety_copy_word(cached.host, sizeof cached.host, host);
		cached.pid = (long)getpid();
		(void)safety_proc_stat(cached.pid, NULL, &cached.start);
		cached_pid = cached.pid;
	}
	*me = cached;
}

bool safety_session_is_self(const safety_session *s)
{
	safety_session me;

	safety_self(&me);
	return s->pid == me.pid && !strcmp(s->host, me.host) &&
	       (s->start == 0 || me.start == 0 || s->start == me.start);
}

bool safety_pid_alive(long pid, unsigned long long start, time_t since)
{
	char state;
	unsigned long long now_start;
	time_t began;

	if (pid <= 0)
		return false;
	if (kill((pid_t)pid, 0) != 0 && errno == ESRCH)
		return false;
	if (!safety_proc_stat(pid, &state, &now_start))
		return true; /* no /proc to ask: kill said it lives */
	if (state == 'Z' || state == 'X')
		return false; /* a zombie has finished: nobody will clean up */
	if (start && now_start != start)
		return false; /* the pid was reused */
	if (!start && since > 0 && safety_ticks_to_time(now_start, &began) &&
	    began > since + 2)
		return false; /* started after the file was written: reused */
	return true;
}

bool safety_session_alive(const safety_session *s, time_t since)
{
	safety_session me;

	safety_self(&me);
	if (strcmp(s->host, me.host) != 0)
		return true; /* another host: cannot tell, so assume it lives */
	return safety_pid_alive(s->pid, s->start, since);
}

/* The name of user uid, or "uid N". */
void safety_user_name(unsigned uid, char *out, size_t n)
{
	struct passwd *pw = getpwuid((uid_t)uid);

	if (pw)
		safety_copy_word(out, n, pw->pw_name);
	else
		snprintf(out, n, "uid %u", uid);
}

bool safety_link_trusted(const char *link, const struct stat *lst)
{
	struct stat dir;
	char *d;
	bool ok;

	if (lst->st_uid == geteuid())
		return true;
	d = safety_dir_of(link);
	ok = stat(d, &dir) == 0 &&
	     (lst->st_uid == dir.st_uid ||
	      !(dir.st_mode & (S_IWGRP | S_IWOTH | S_ISVTX)));
	free(d);
	return ok;
}

bool safety_links_trusted(const char *path, char *err, size_t errlen)
{
	char *refused = NULL, *target = safety_resolve(path, &refused);
	struct stat st;
	char owner[64];

	snprintf(owner, sizeof owner, "%s", _("another user"));
	if (target) {
		free(target);
		return true;
	}
	if (!refused)
		return true; /* another error: the caller's open says it */
	if (lstat(refused, &st) == 0)
		safety_user_name((unsigned)st.st_uid, owner, sizeof owner);
	snprintf(err, errlen, _("%s is a symbolic link of %s in a directory others "
		 "may write; sbp does not follow such links"), refused, owner);
	free(refused);
	return false;
}
