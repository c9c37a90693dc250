/* Saving in place, for files that a rename would damage: a file with
 * several hard links (a rename gives only one name the new content) or a
 * file whose owner we cannot give to a new file. The old content is first
 * copied to a safety copy ".NAME.sbp-backupXXXXXX" in the same directory
 * and synced; it is put back when writing fails, and the copy is left
 * (and named) only when even that fails. In a directory we may not write,
 * the old content is kept in memory only (as vim does), and the caller
 * says that the save was not atomic. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "safety_internal.h"
#include "sbp/util.h"
#include "sbp/i18n.h"

/* Write all of data at offset off of fd. */
static bool pwrite_all(int fd, const char *data, size_t len, off_t off)
{
	while (len > 0) {
		ssize_t n = pwrite(fd, data, len, off);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		if (n == 0) {
			errno = EIO;
			return false;
		}
		data += n;
		len -= (size_t)n;
		off += n;
	}
	return true;
}

/* Read the whole of fd (from offset 0) into memory. Caller frees. */
static bool pread_all(int fd, char **out, size_t *outlen)
{
	struct stat st;
	size_t cap, n = 0;

	if (fstat(fd, &st) != 0)
		return false;
	cap = (size_t)st.st_size + 1;
	char *p = xmalloc(cap);
	for (;;) {
		if (n + 1 >= cap) {
			cap *= 2;
			p = xrealloc(p, cap);
		}
		ssize_t r = pread(fd, p + n, cap - n - 1, (off_t)n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			free(p);
			errno = e;
			return false;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	*out = p;
	*outlen = n;
	return true;
}

/* Replace the content of fd with data: write, cut to length, sync. */
static bool put_content(int fd, const char *data, size_t len)
{
	return pwrite_all(fd, data, len, 0) && ftruncate(fd, (off_t)len) == 0 &&
	       fsync(fd) == 0;
}

/* Make the synced safety copy of old next to target. Returns its name
 * (caller frees), or NULL with errno set. */
static char *make_backup(const char *target, const char *old, size_t oldlen)
{
	char *dir = safety_dir_of(target);
	char *name = xasprintf("%s/.%.200s.sbp-backupXXXXXX", dir,
			       safety_base_of(target));
	int fd = mkstemp(name);
	int e;

	if (fd < 0)
		goto fail;
	(void)fchmod(fd, 0600);
	if (!pwrite_all(fd, old, oldlen, 0) || fsync(fd) != 0) {
		e = errno;
		close(fd);
		unlink(name);
		errno = e;
		goto fail;
	}
	if (close(fd) != 0) {
		e = errno;
		unlink(name);
		errno = e;
		goto fail;
	}
	/* The copy must survive a crash during the write that follows. */
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		(void)fsync(dfd);
		close(dfd);
	}
	free(dir);
	return name;
fail:
	e = errno;
	free(dir);
	free(name);
	errno = e;
	return NULL;
}

bool inplace_write(const char *target, const char *shown, const char *data,
		   size_t len, bool memory_ok, bool *not_atomic, char *err,
		   size_t errlen)
{
	char *old = NULL, *backup = NULL;
	size_t oldlen = 0;
	bool ok = false;
	int e;
	int fd = open(target, O_RDWR | O_CLOEXEC | O_NOFOLLOW);

	if (fd < 0 || !pread_all(fd, &old, &oldlen)) {
		snprintf(err, errlen, "cannot save %s: %s; the file on disk is unchanged",
			 shown, safety_plain_error(errno));
		goto done;
	}
	backup = make_backup(target, old, oldlen);
	if (!backup && memory_ok && (errno == EACCES || errno == EPERM)) {
		*not_atomic = true; /* the old content stays in memory only */
	} else if (!backup) {
		char *dir = safety_dir_of(target);
		snprintf(err, errlen, "cannot save %s: %s (cannot make a safety copy "
			 "in %s); the file on disk is unchanged", shown,
			 safety_plain_error(errno), dir);
		free(dir);
		goto done;
	}
	if (put_content(fd, data, len)) {
		e = close(fd);
		fd = -1;
		if (e == 0) {
			if (backup)
				unlink(backup);
			ok = true;
			goto done;
		}
	}
	e = errno;
	/* Put the old content back, through a new descriptor if need be. */
	if (fd < 0)
		fd = open(target, O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd >= 0 && put_content(fd, old, oldlen)) {
		if (backup)
			unlink(backup);
		snprintf(err, errlen, "cannot save %s: %s; the file on disk is unchanged",
			 shown, safety_plain_error(e));
	} else if (backup) {
		snprintf(err, errlen, "cannot save %s: %s, and putting its old content "
			 "back failed too; the old content is kept in %s", shown,
			 safety_plain_error(e), backup);
	} else {
		snprintf(err, errlen, _("cannot save %s: %s, and putting its old content "
			 "back failed too; it may be cut short: save your work "
			 "elsewhere"), shown, safety_plain_error(e));
	}
done:
	if (fd >= 0)
		close(fd);
	free(old);
	free(backup);
	return ok;
}
