/* Atomic replacement of a file: a temporary file in the same directory,
 * fsync, rename over the target, fsync of the directory. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sbp/io.h"

/* Plain words for the errors a save meets. */
static const char *plain_error(int e)
{
	switch (e) {
	case ENOSPC: return "the disk is full";
	case EDQUOT: return "your disk quota is used up";
	case EFBIG: return "the file is larger than allowed (file size limit)";
	case EROFS: return "the file system is read-only";
	case EACCES:
	case EPERM: return "permission denied";
	case EIO: return "an input/output error occurred";
	default: return strerror(e);
	}
}

/* Write all of data to fd. */
static bool write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		data += n;
		len -= (size_t)n;
	}
	return true;
}

bool atomic_write(const char *path, const char *data, size_t len, char *err,
		  size_t errlen)
{
	char target[PATH_MAX];
	struct stat st;
	bool have_st;
	int fd = -1, e;
	char *tmp = NULL, *dircopy = NULL;

	signal(SIGXFSZ, SIG_IGN);
	/* Save through a symlink to the file it points at, keeping the link. */
	if (realpath(path, target) == NULL) {
		if (errno != ENOENT || strlen(path) >= sizeof target) {
			snprintf(err, errlen, "cannot save %s: %s", path, plain_error(errno));
			return false;
		}
		snprintf(target, sizeof target, "%s", path);
	}
	have_st = stat(target, &st) == 0;
	dircopy = xstrdup(target);
	const char *dir = dirname(dircopy);
	tmp = xasprintf("%s/.%s.sbp-tmpXXXXXX", dir, strrchr(target, '/') ? strrchr(target, '/') + 1 : target);
	fd = mkstemp(tmp);
	if (fd < 0) {
		e = errno;
		snprintf(err, errlen, "cannot save %s: %s (in %s)", path, plain_error(e), dir);
		goto fail;
	}
	if (have_st) {
		if (fchmod(fd, st.st_mode & 07777) != 0) {
			/* not fatal: keep going with the default mode */
		}
		if (fchown(fd, st.st_uid, st.st_gid) != 0) {
			/* only root or the owner may; keep the group if we can */
			if (fchown(fd, (uid_t)-1, st.st_gid) != 0) {
			}
		}
	} else {
		mode_t um = umask(0);
		umask(um);
		if (fchmod(fd, 0666 & ~um) != 0) {
		}
	}
	if (!write_all(fd, data, len) || fsync(fd) != 0) {
		e = errno;
		snprintf(err, errlen, "cannot save %s: %s; the file on disk is unchanged", path,
			 plain_error(e));
		goto fail;
	}
	if (close(fd) != 0) {
		fd = -1;
		e = errno;
		snprintf(err, errlen, "cannot save %s: %s; the file on disk is unchanged", path,
			 plain_error(e));
		goto fail;
	}
	fd = -1;
	if (rename(tmp, target) != 0) {
		e = errno;
		snprintf(err, errlen, "cannot save %s: %s; the file on disk is unchanged", path,
			 plain_error(e));
		goto fail;
	}
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	free(tmp);
	free(dircopy);
	return true;
fail:
	if (fd >= 0)
		close(fd);
	if (tmp && fd != -2)
		unlink(tmp);
	free(tmp);
	free(dircopy);
	return false;
}
