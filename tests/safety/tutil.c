/* Helpers for the data-safety tests: scratch directories, whole-file
 * reads and writes, and running a check as an unprivileged user. */
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sbp/util.h"
#include "tutil.h"

char *tu_dir_new(void)
{
	const char *t = getenv("TMPDIR");
	char *dir = xasprintf("%s/sbp-safety-XXXXXX", t && *t ? t : "/tmp");

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		abort();
	}
	chmod(dir, 0777);
	return dir;
}

/* nftw callback: remove one entry (children come first). */
static int rm_one(const char *p, const struct stat *sb, int flag, struct FTW *f)
{
	(void)sb;
	(void)f;
	if (flag == FTW_DP)
		chmod(p, 0700), rmdir(p);
	else
		unlink(p);
	return 0;
}

void tu_dir_free(char *dir)
{
	if (!dir)
		return;
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(dir);
}

char *tu_path(const char *dir, const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

void tu_write(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f) {
		perror(path);
		abort();
	}
	fputs(text, f);
	fclose(f);
}

char *tu_read(const char *path)
{
	char *data;
	size_t len;

	return read_file(path, (size_t)1 << 30, &data, &len) ? data : NULL;
}

int tu_count(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

int tu_as_user(int (*fn)(void *), void *arg)
{
	int fds[2];
	unsigned char r = 255;

	/* The result comes back through a pipe, not the exit status: under
	 * valgrind a child's exit status reports the parent's memory that the
	 * child never frees. */
	if (pipe(fds) != 0)
		return -1;
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		close(fds[0]);
		if (geteuid() != 0 ||
		    (setgroups(0, NULL) == 0 && setgid(TU_NOBODY) == 0 &&
		     setuid(TU_NOBODY) == 0 && geteuid() != 0))
			r = (unsigned char)(fn(arg) & 0x7f);
		if (write(fds[1], &r, 1) != 1)
			_exit(1);
		_exit(0);
	}
	close(fds[1]);
	if (read(fds[0], &r, 1) != 1)
		r = 254;
	close(fds[0]);
	waitpid(pid, NULL, 0);
	return r == 255 ? -1 : r;
}

void tu_child_guard(void)
{
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	alarm(120);
}

pid_t tu_child_start(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		tu_child_guard();
		for (;;)
			pause();
	}
	return pid;
}

void tu_child_end(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}
